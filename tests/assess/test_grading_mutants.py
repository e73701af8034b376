"""GBZ/T 229 grading: class boundaries, weights, verdicts, edition choice and the refusals' messages.

Written against mutation testing (``scripts/dev.py mutate``): each assertion is something a caller sees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

import ohsreg.assess as oa
from ohsreg.assess.grading import Grade
from ohsreg.errors import EditionError, OhsregError
from ohsreg.vocab import Verdict

Refused = Callable[..., OhsregError]


def test_chemical_grade_result_fields() -> None:
    g = oa.chemical_grade(ratio=1.2, hazard_degree="high", intensity="II")
    assert (g.quantity, g.unit, g.limit, g.clause, g.verified) == ("G", "1", None, "GBZ/T 229.2-2025", False)
    assert (g.edition, g.verdict, g.grade) == ("GBZ/T 229.2-2025", Verdict.EXCEEDS, Grade.II)
    assert g.weights == (("W_D", 4.0), ("W_B", 1.2), ("W_L", 1.5))
    assert (
        g.explain("en")
        == "G = 7.2: exceeds; grade Ⅱ; Rule not verified against the official text. [GBZ/T 229.2-2025]"
    )


@pytest.mark.parametrize(
    ("ratio", "degree", "intensity", "grade", "verdict"),
    [
        (0.5, "extreme", "IV", Grade.ZERO, Verdict.COMPLIES),  # W_B = 0 up to 0.5
        (0.51, "mild", "I", Grade.I, Verdict.COMPLIES),
        (1.0, "high", "II", Grade.I, Verdict.COMPLIES),  # G = 6 exactly, B = 1 does not force Ⅱ
        (1.0, "extreme", "III", Grade.II, Verdict.COMPLIES),  # G = 16
        (1.0, "moderate", "IV", Grade.I, Verdict.COMPLIES),  # G = 5
        (1.001, "mild", "I", Grade.II, Verdict.EXCEEDS),  # B > 1 forces at least Ⅱ
        (2.0, "extreme", "II", Grade.II, Verdict.EXCEEDS),  # G = 24 exactly
        (1.25, "extreme", "IV", Grade.III, Verdict.EXCEEDS),  # G = 25
    ],
)
def test_chemical_grade_boundaries(
    ratio: float, degree: str, intensity: str, grade: Grade, verdict: Verdict
) -> None:
    g = oa.chemical_grade(ratio=ratio, hazard_degree=degree, intensity=intensity)
    assert (g.grade, g.verdict) == (grade, verdict)
    assert f"grade {grade.roman}" in g.explain("en")


def test_hazard_degree_spellings(refused: Refused) -> None:
    for degree, weight in (("mild", 1.0), ("Moderate", 2.0), ("HIGH", 4.0), ("极度危害", 8.0), ("中度", 2.0)):
        g = oa.chemical_grade(ratio=1.0, hazard_degree=degree, intensity="I")
        assert g.weights[0] == ("W_D", weight)

    class Degree:
        zh = "高度"

    assert oa.chemical_grade(ratio=1.0, hazard_degree=Degree(), intensity="I").weights[0] == ("W_D", 4.0)
    err = refused(oa.chemical_grade, ratio=1.0, hazard_degree="severe", intensity="I")
    assert (err.rule, err.field, err.params["value"]) == ("assess.value", "hazard_degree", "severe")
    assert err.message("en") == (
        "unknown hazard degree 'severe'; use mild, moderate, high or extreme (轻度/中度/高度/极度)"
    )
    err = refused(oa.chemical_grade, ratio=1.0, hazard_degree="high", intensity="V")
    assert (err.rule, err.field) == ("assess.value", "intensity")
    err = refused(oa.chemical_grade, ratio=-1.0, hazard_degree="high", intensity="I")
    assert (err.rule, err.field) == ("assess.value", "ratio")


@pytest.mark.parametrize(
    ("pct", "w_m"),
    [(0, 1.0), (9.99, 1.0), (10, 2.0), (50, 2.0), (50.01, 3.0), (80, 3.0), (80.01, 4.0), (100, 4.0)],
)
def test_dust_free_silica_weight_bands(pct: float, w_m: float) -> None:
    g = oa.dust_grade(ratio=1.0, sio2_percent=pct, intensity="I")
    assert g.weights == (("W_M", w_m), ("W_B", 1.0), ("W_L", 1.0))
    assert (g.quantity, g.unit, g.value, g.edition) == ("G", "1", w_m, "GBZ/T 229.1-2025")


@pytest.mark.parametrize(
    ("ratio", "pct", "intensity", "grade", "verdict"),
    [
        (0.5, 90, "IV", Grade.ZERO, Verdict.COMPLIES),
        (1.0, 90, "II", Grade.II, Verdict.COMPLIES),  # G = 6 exactly
        (1.0, 90, "III", Grade.III, Verdict.COMPLIES),  # G = 8
        (2.0, 90, "III", Grade.III, Verdict.EXCEEDS),  # G = 16 exactly
        (1.6, 90, "IV", Grade.III, Verdict.EXCEEDS),  # G = 16
        (1.7, 90, "IV", Grade.IV, Verdict.EXCEEDS),  # G = 17
    ],
)
def test_dust_grade_boundaries(
    ratio: float, pct: float, intensity: str, grade: Grade, verdict: Verdict
) -> None:
    g = oa.dust_grade(ratio=ratio, sio2_percent=pct, intensity=intensity)
    assert (g.grade, g.verdict) == (grade, verdict)


def test_dust_grade_refusals_and_dates(refused: Refused) -> None:
    err = refused(oa.dust_grade, ratio="x", sio2_percent=5, intensity="I")
    assert (err.rule, err.field) == ("assess.value", "ratio")
    err = refused(oa.dust_grade, ratio=1, sio2_percent=-5, intensity="I")
    assert (err.rule, err.field) == ("assess.value", "sio2_percent")
    err = refused(oa.dust_grade, ratio=1, sio2_percent=5, intensity="I", as_of=dt.date(2015, 1, 1))
    assert (err.rule, err.params["applies"], err.params["nearest"]) == (
        "assess.edition_unverified",
        "GBZ/T 229.1-2010",
        "GBZ/T 229.1-2025",
    )
    assert err.params["applies_from"] == "2010-10-01"
    assert oa.dust_grade(ratio=1, sio2_percent=5, intensity="I", as_of=dt.date(2026, 2, 1)).edition == (
        "GBZ/T 229.1-2025"
    )


@pytest.mark.parametrize(
    ("level", "grade"),
    [
        (84.99, Grade.ZERO),
        (85.0, Grade.I),
        (89.99, Grade.I),
        (90.0, Grade.II),
        (93.99, Grade.II),
        (94.0, Grade.III),
        (99.99, Grade.III),
        (100.0, Grade.IV),
    ],
)
def test_noise_grade_boundaries(level: float, grade: Grade) -> None:
    g = oa.noise_grade(level)
    assert g.grade is grade
    assert g.verdict is (Verdict.EXCEEDS if level > 85 else Verdict.COMPLIES)


def test_noise_grade_fields_and_editions(refused: Refused) -> None:
    g = oa.noise_grade(oa.noise_exposure([(95.0, 8.0)]))
    assert (g.quantity, g.value, g.unit, g.weights, g.grade) == ("L_EX,8h", 95.0, "dB(A)", (), Grade.III)
    assert (g.edition, g.clause, g.verified) == ("GBZ/T 229.4-2012", "GBZ/T 229.4-2012", False)
    assert oa.noise_grade(85.0).verdict is Verdict.COMPLIES
    assert oa.noise_grade(85.01).verdict is Verdict.EXCEEDS
    assert oa.noise_grade(90, edition="GBZ/T229.4-2012").edition == "GBZ/T 229.4-2012"
    assert oa.noise_grade(90, as_of=dt.date(2014, 1, 1)).edition == "GBZ/T 229.4-2012"
    err = refused(oa.noise_grade, 90, as_of=dt.date(2013, 1, 1))  # inside the unknown-day window
    assert (err.rule, err.field) == ("instruments.date_unverified", "as_of")
    err = refused(oa.noise_grade, 90, edition="GBZ/T 229.4-2020")
    assert (err.rule, err.field) == ("assess.edition", "edition")
    err = refused(oa.noise_grade, 90, as_of=dt.date(2000, 1, 1))
    assert (err.rule, err.field, err.params["date"]) == ("assess.edition", "as_of", "2000-01-01")
    assert err.message("en") == "no edition of GBZ/T 229.4 was in force on 2000-01-01"
    err = refused(oa.noise_grade, -3)
    assert (err.rule, err.field) == ("assess.value", "l_ex_8h")


def test_edition_choice_and_refusals(refused: Refused) -> None:
    kw = {"ratio": 1.0, "hazard_degree": "high", "intensity": "I"}
    assert oa.chemical_grade(**kw, edition="GBZ/T229.2-2025").edition == "GBZ/T 229.2-2025"  # spaces ignored
    assert (
        oa.chemical_grade(**kw, as_of=dt.date(2026, 2, 1)).edition == "GBZ/T 229.2-2025"
    )  # first day in force
    err = refused(oa.chemical_grade, **kw, as_of=dt.date(2026, 1, 31))
    assert (err.rule, err.field, err.params["date"]) == ("assess.edition_unverified", "as_of", "2026-01-31")
    err = refused(oa.chemical_grade, **kw, edition="GBZ/T 229.2-2030")
    assert isinstance(err, EditionError)
    assert (err.rule, err.field, err.params["part"]) == ("assess.edition", "edition", "229.2")
    assert err.message("en") == (
        "unknown edition 'GBZ/T 229.2-2030' of GBZ/T 229.2; use one of GBZ/T 229.2-2010, GBZ/T 229.2-2025"
    )
    err = refused(oa.chemical_grade, **kw, edition=2025)
    assert (err.rule, err.field) == ("assess.value", "edition")
    err = refused(oa.chemical_grade, **kw, as_of=dt.datetime(2026, 3, 1))
    assert (err.rule, err.field) == ("assess.value", "as_of")


def test_unverified_edition_refusal_names_the_path(refused: Refused) -> None:
    kw = {"ratio": 1.0, "hazard_degree": "high", "intensity": "I"}
    by_name = refused(oa.chemical_grade, **kw, edition="GBZ/T 229.2-2010")
    assert (by_name.rule, by_name.field, by_name.params["date"]) == (
        "assess.edition_unverified",
        "edition",
        None,
    )
    assert dict(by_name.params) == {
        "date": None,
        "edition": "GBZ/T 229.2-2010",
        "start": "2010-11-01",
        "until": "2026-01-31",
        "applies": "GBZ/T 229.2-2010",
        "applies_from": "2010-11-01",
        "applies_until": "2026-01-31",
        "nearest": "GBZ/T 229.2-2025",
        "nearest_verified": False,
    }
    hint = (
        "nearest path: grade by the later rule knowingly with edition='GBZ/T 229.2-2025' (implemented from "
        "secondary sources, unverified; the result names that edition), or judge the exposure against its "
        "limit alone (ohsreg.assess.twa)"
    )
    assert by_name.message("en") == (
        "GBZ/T 229.2-2010 (in force 2010-11-01 to 2026-01-31): its grading formula could not be verified, "
        "so ohsreg does not grade by it; " + hint
    )
    by_date = refused(oa.chemical_grade, **kw, as_of=dt.date(2015, 1, 1))
    assert by_date.field == "as_of"
    assert by_date.message("en") == (
        "on 2015-01-01, GBZ/T 229.2-2010 applies (in force 2010-11-01 to 2026-01-31); its grading formula "
        "could not be verified, so ohsreg does not grade by it; " + hint
    )


def test_grade_boundary_above_six_without_the_b_rule() -> None:
    # B ≤ 1, so only G decides: G = 8 × 0.8 × 1.0 = 6.4 is past Ⅰ (≤ 6) for chemicals, past Ⅱ (≤ 6) for dust
    chem = oa.chemical_grade(ratio=0.8, hazard_degree="extreme", intensity="I")
    assert (chem.value, chem.grade, chem.verdict) == (pytest.approx(6.4), Grade.II, Verdict.COMPLIES)
    dust = oa.dust_grade(ratio=0.8, sio2_percent=90, intensity="III")  # W_M 4 × 0.8 × W_L 2.0
    assert (dust.value, dust.grade, dust.verdict) == (pytest.approx(6.4), Grade.III, Verdict.COMPLIES)


def test_grading_takes_quantities() -> None:
    assert oa.chemical_grade(ratio="120 %", hazard_degree="high", intensity="II").weights[1] == ("W_B", 1.2)
    assert oa.dust_grade(ratio="100 %", sio2_percent="60 %", intensity="I").weights == (
        ("W_M", 3.0),
        ("W_B", 1.0),
        ("W_L", 1.0),
    )

    class Degree:  # a degree object naming itself by code only
        code = "moderate"

    assert oa.chemical_grade(ratio=1.0, hazard_degree=Degree(), intensity="I").weights[0] == ("W_D", 2.0)


def test_noise_grade_takes_a_weighted_levels(refused: Refused) -> None:
    from ohsreg.units import SoundLevel

    for level in ("92 dB(A)", "92", SoundLevel(92.0, "A")):
        g = oa.noise_grade(level)
        assert (g.value, g.grade, g.unit) == (92.0, Grade.II, "dB(A)")
    for level in ("92 dB(C)", "140 dB(C) peak"):
        err = refused(oa.noise_grade, level)
        assert (err.rule, err.field) == ("assess.unit", "l_ex_8h")
        assert err.message("en") == f"l_ex_8h must be a A-weighted level, got {level!r}"
    err = refused(oa.noise_grade, "loud")
    assert (err.rule, err.field) == ("assess.value", "l_ex_8h")
    assert err.message("en") == "l_ex_8h must be a level in dB (a number), got 'loud'"
    err = refused(oa.noise_grade, [92])
    assert (err.rule, err.field) == ("assess.value", "l_ex_8h")
    assert err.message("en") == "l_ex_8h: expected a number in dB(A) or a quantity, got [92]"
