"""GBZ/T 229 grading by edition, and EN 689:2018 statistics."""

from __future__ import annotations

import datetime as dt
import math

import pytest

import ohsreg.assess as oa
from ohsreg.assess import AssessmentError, NonDetect
from ohsreg.errors import EditionError
from ohsreg.vocab import Verdict


def test_chemical_grade_2025() -> None:
    # G = W_D × W_B × W_L (GBZ/T 229.2-2025 per secondary sources; unverified).
    g = oa.chemical_grade(ratio=0.5, hazard_degree="extreme", intensity="IV")
    assert g.grade.name == "ZERO"
    assert g.value == 0.0
    g = oa.chemical_grade(ratio=0.8, hazard_degree="mild", intensity="I")
    assert g.grade.name == "I"
    assert not g.verified
    g = oa.chemical_grade(ratio=1.01, hazard_degree="轻度", intensity="I")
    assert g.grade.name == "II"  # B > 1 forces at least Ⅱ
    g = oa.chemical_grade(ratio=2.0, hazard_degree="extreme", intensity="II")
    assert g.value == 24.0
    assert g.grade.name == "II"
    assert oa.chemical_grade(ratio=2.01, hazard_degree="extreme", intensity="II").grade.name == "III"


def test_grading_editions_by_date() -> None:
    with pytest.raises(EditionError) as e:
        oa.chemical_grade(ratio=1, hazard_degree="high", intensity="I", as_of=dt.date(2025, 6, 1))
    assert e.value.rule == "assess.edition_unverified"
    g = oa.chemical_grade(ratio=1, hazard_degree="high", intensity="I", as_of=dt.date(2026, 2, 1))
    assert g.edition == "GBZ/T 229.2-2025"
    with pytest.raises(EditionError) as e:
        oa.chemical_grade(ratio=1, hazard_degree="high", intensity="I", as_of=dt.date(2000, 1, 1))
    assert e.value.rule == "assess.edition"
    with pytest.raises(EditionError):
        oa.dust_grade(ratio=1, sio2_percent=5, intensity="I", edition="GBZ/T 229.1-1999")


def test_dust_grade_2025() -> None:
    g = oa.dust_grade(ratio=1.5, sio2_percent=30, intensity="II")  # 2 × 1.5 × 1.5 = 4.5
    assert g.value == pytest.approx(4.5)
    assert g.grade.name == "II"
    assert oa.dust_grade(ratio=0.4, sio2_percent=90, intensity="IV").grade.name == "ZERO"
    g = oa.dust_grade(ratio=2.0, sio2_percent=90, intensity="II")  # 4 × 2 × 1.5 = 12 ≤ 16
    assert g.value == 12.0
    assert g.grade.name == "III"
    assert oa.dust_grade(ratio=2.0, sio2_percent=90, intensity="III").grade.name == "III"  # G = 16 boundary
    assert oa.dust_grade(ratio=2.01, sio2_percent=90, intensity="III").grade.name == "IV"


def test_noise_grade_unverified() -> None:
    assert oa.noise_grade(84.9).grade.name == "ZERO"
    assert oa.noise_grade(85.0).grade.name == "I"
    assert oa.noise_grade(94.0).grade.name == "III"
    assert oa.noise_grade(100.0).grade.name == "IV"
    assert not oa.noise_grade(90).verified


def test_en689_preliminary_boundaries() -> None:
    assert oa.en689([0.05, 0.05, 0.0999], oel=1).verdict is Verdict.COMPLIES
    assert oa.en689([0.05, 0.05, 0.1], oel=1).verdict is Verdict.INSUFFICIENT_DATA  # strictly below
    assert oa.en689([0.1, 0.1, 0.1, 0.149], oel=1).verdict is Verdict.COMPLIES
    assert oa.en689([0.1, 0.1, 0.1, 0.1, 0.199], oel=1).verdict is Verdict.COMPLIES
    assert oa.en689([0.1, 0.1, 1.01], oel=1).verdict is Verdict.EXCEEDS
    assert oa.en689([0.1, 0.1], oel=1).verdict is Verdict.INSUFFICIENT_DATA
    with pytest.raises(AssessmentError) as e:
        oa.en689([], oel=1)
    assert e.value.rule == "assess.empty"


def test_en689_statistical() -> None:
    xs = [0.21, 0.35, 0.18, 0.52, 0.29, 0.41]
    r = oa.en689(xs, oel=1.0)
    gm, gsd = oa.geometric_stats(xs)
    assert r.u_r == pytest.approx(math.log(1.0 / gm) / math.log(gsd))
    assert r.u_t == 2.187
    assert r.verdict is Verdict.COMPLIES
    high = oa.en689(xs, oel=0.6)
    assert high.verdict is Verdict.EXCEEDS
    assert 0 < (high.exceedance or 0) < 1
    big = oa.en689([0.1 * (1 + (i % 7) / 10) for i in range(40)], oel=1.0)
    assert big.u_t == pytest.approx(1.793, abs=1e-3)  # n = 40, computed


def test_tolerance_factor_reproduces_the_table() -> None:
    from ohsreg.assess.statistics import U_T, tolerance_factor

    for n, value in U_T.items():
        assert round(tolerance_factor(n), 3) == value, n


def test_en689_nondetects_explicit() -> None:
    xs = [NonDetect(0.02), 0.05, 0.03]
    with pytest.raises(AssessmentError) as e:
        oa.en689(xs, oel=1)
    assert e.value.rule == "assess.nondetect"
    assert oa.en689(xs, oel=1, below_lod="limit").verdict is Verdict.COMPLIES


def test_exceedance_fraction_median() -> None:
    xs = [0.5, 2.0, 1.0, 1.0]  # GM = 1
    assert oa.exceedance_fraction(xs, 1.0) == pytest.approx(0.5)


def test_grading_between_editions_names_the_edition_and_the_path() -> None:
    for year in (2012, 2018, 2025):
        with pytest.raises(EditionError) as e:
            oa.chemical_grade(ratio=1, hazard_degree="high", intensity="I", as_of=dt.date(year, 6, 1))
        p = e.value.params
        assert p["applies"] == "GBZ/T 229.2-2010"
        assert p["applies_until"] == "2026-01-31"
        assert p["nearest"] == "GBZ/T 229.2-2025"
        assert p["nearest_verified"] is False
        text = e.value.message("en")
        assert "GBZ/T 229.2-2010 applies" in text
        assert "edition='GBZ/T 229.2-2025'" in text
    g = oa.chemical_grade(
        ratio=1, hazard_degree="high", intensity="I", as_of=dt.date(2018, 6, 1), edition="GBZ/T 229.2-2025"
    )
    assert g.edition == "GBZ/T 229.2-2025"


def test_en689_does_not_call_the_users_oel_unverified() -> None:
    for values in ([0.02, 0.05, 0.08], [0.21, 0.35, 0.18, 0.52, 0.29, 0.41]):
        r = oa.en689(values, oel=1.0)
        text = r.explain("en")
        assert "Limit value not verified" not in text
        assert "Rule not verified" in text
        assert not r.verified
