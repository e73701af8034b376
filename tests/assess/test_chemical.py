"""C_TWA, C_STE, MAC, peak exposure, mixtures, exposure level, long shifts (GBZ 2.1-2019)."""

from __future__ import annotations

import math

import pytest

import ohsreg.assess as oa
from ohsreg.assess import AppliedLimit, AssessmentError, Excursion, NonDetect
from ohsreg.vocab import Verdict


class Limit:
    """A stand-in for a catalogue limit (structural: pc_twa / pc_stel / mac / edition / source)."""

    def __init__(self, pc_twa=None, pc_stel=None, mac=None):
        self.pc_twa, self.pc_stel, self.mac = pc_twa, pc_stel, mac
        self.edition = "GBZ 2.1-2019"
        self.source = "GBZ 2.1-2019 表1"


# ---- worked examples ----------------------------------------------------------------------------


def test_twa_worked_example_ethyl_acetate() -> None:
    # Exam question (app.ixiawen.com/question/40657361): ethyl acetate 300 mg/m³ 1.5 h, 200 mg/m³ 2 h,
    # 180 mg/m³ 2.5 h, unexposed 2 h -> C_TWA = 162.5 mg/m³; ethyl acetate PC-TWA 200 mg/m³.
    r = oa.twa([(300, 1.5), (200, 2), (180, 2.5), (0, 2)], limit=200)
    assert r.value == pytest.approx(162.5)
    assert r.verdict is Verdict.COMPLIES
    assert r.exposed_hours == 8.0


def test_twa_unexposed_time_counts_as_zero() -> None:
    # The same exposure without the explicit unexposed segment: "工作时间不足8h者，仍以8h计".
    assert oa.twa([(300, 1.5), (200, 2), (180, 2.5)], limit=200).value == pytest.approx(162.5)


def test_stel_shorter_than_15_min_is_averaged_over_15() -> None:
    # GBZ 2.1-2019 PC-STEL definition: exposure < 15 min -> 15-min TWA.
    r = oa.stel([(30.0, 5)], limit=10.0)
    assert r.value == pytest.approx(10.0)
    assert r.verdict is Verdict.COMPLIES  # exactly at the limit


def test_stel_exactly_15_minutes() -> None:
    assert oa.stel([(4.0, 7.5), (8.0, 7.5)], limit=6.0).value == pytest.approx(6.0)
    with pytest.raises(AssessmentError) as e:
        oa.stel([(4.0, 10), (8.0, 5.01)], limit=6.0)
    assert e.value.rule == "assess.duration"


# ---- boundaries ---------------------------------------------------------------------------------


def test_twa_exactly_at_limit_complies_and_above_exceeds() -> None:
    assert oa.twa([(6.0, 8)], limit=6.0).verdict is Verdict.COMPLIES
    assert oa.twa([(6.0000001, 8)], limit=6.0).verdict is Verdict.EXCEEDS


def test_mac_boundary() -> None:
    assert oa.mac([20.0], limit=20.0).verdict is Verdict.COMPLIES
    r = oa.mac([19.0, 20.5, 21.0], limit=20.0)
    assert r.verdict is Verdict.EXCEEDS
    assert r.exceedances == 2
    assert r.value == 21.0


def test_peak_exactly_four_excursions_at_15_min_1_h_apart_complies() -> None:
    exc = [Excursion(18.5, 15, start_h=h) for h in (0.5, 1.75, 3.0, 4.25)]  # 1 h gaps exactly
    r = oa.peak(exc, limit=6.0)
    assert r.verdict is Verdict.COMPLIES
    assert r.count_above == 4
    assert not r.verified


def test_peak_fifth_excursion_exceeds() -> None:
    exc = [Excursion(18.5, 15, start_h=h) for h in (0.5, 1.75, 3.0, 4.25, 5.5)]
    r = oa.peak(exc, limit=6.0)
    assert r.verdict is Verdict.EXCEEDS
    assert "at most 4" in r.explain("en")


def test_peak_rules() -> None:
    assert oa.peak([Excursion(18.5, 16)], limit=6.0).verdict is Verdict.EXCEEDS  # > 15 min
    assert oa.peak([Excursion(30.0, 5)], limit=6.0).verdict is Verdict.COMPLIES  # exactly 5 ×
    assert oa.peak([Excursion(30.1, 5)], limit=6.0).verdict is Verdict.EXCEEDS
    close = [Excursion(19, 10, start_h=1.0), Excursion(19, 10, start_h=2.1)]  # gap 0.93 h
    assert oa.peak(close, limit=6.0).verdict is Verdict.EXCEEDS
    assert oa.peak([Excursion(18.0, 60)], limit=6.0).verdict is Verdict.COMPLIES  # 3 × is not above
    no_start = [Excursion(19, 10), Excursion(19, 10)]
    assert oa.peak(no_start, limit=6.0).verdict is Verdict.INSUFFICIENT_DATA
    assert oa.peak([(19, 10, 1.0)], limit=6.0).verdict is Verdict.COMPLIES  # tuples accepted


def test_peak_not_applicable_when_stel_exists() -> None:
    r = oa.peak([Excursion(50, 5)], limit=Limit(pc_twa=6.0, pc_stel=10.0))
    assert r.verdict is Verdict.NOT_APPLICABLE


def test_mixture_boundary_and_from_assessments() -> None:
    assert oa.mixture([(3.0, 6.0), (50.0, 100.0)]).verdict is Verdict.COMPLIES  # exactly 1
    assert oa.mixture([(3.1, 6.0), (50.0, 100.0)]).verdict is Verdict.EXCEEDS
    a = oa.twa([(3.0, 8)], limit=6.0)
    b = oa.twa([(60.0, 8)], limit=100.0)
    r = oa.mixture([a, b])
    assert r.value == pytest.approx(1.1)
    assert r.verdict is Verdict.EXCEEDS


@pytest.mark.parametrize(
    ("value", "cls"),
    [
        (0.06, "ZERO"),
        (0.0601, "I"),
        (0.6, "I"),
        (0.61, "II"),
        (3.0, "II"),
        (3.01, "III"),
        (6.0, "III"),
        (6.01, "IV"),
    ],
)
def test_exposure_level_bounds(value: float, cls: str) -> None:
    # GBZ 2.1-2019 表5: ≤1 %, >1–≤10 %, >10–≤50 %, >50–≤100 %, >100 % (PC-TWA 6 mg/m³).
    r = oa.exposure_level(value, limit=6.0)
    assert r.exposure_class.name == cls
    assert r.above_action_level is (value > 3.0)
    assert r.verdict is (Verdict.EXCEEDS if cls == "IV" else Verdict.COMPLIES)


def test_long_shift_brief_scala() -> None:
    assert oa.daily_factor(8) == 1.0
    assert oa.daily_factor(6) == 1.0  # capped
    assert oa.daily_factor(12) == pytest.approx(0.5)
    assert oa.weekly_factor(40) == pytest.approx(1.0)
    r = oa.reduction_factor(hours_per_day=10, hours_per_week=60, limit=6.0)
    assert r.basis == "weekly"
    assert r.value == pytest.approx((40 / 60) * (108 / 128))
    assert not r.verified
    assert r.limit is not None
    assert r.limit.value == pytest.approx(6.0 * r.value)


def test_twa_long_shift_adjustment_is_explicit() -> None:
    segs = [(5.0, 10)]
    plain = oa.twa(segs, limit=6.0, shift_hours=10)
    assert plain.value == pytest.approx(6.25)
    assert plain.verdict is Verdict.EXCEEDS
    assert "adjust_long_shift" in plain.explain("en")
    adj = oa.twa([(4.0, 10)], limit=6.0, shift_hours=10, adjust_long_shift=True)
    assert adj.limit is not None
    assert adj.limit.value == pytest.approx(4.2)
    assert adj.value == pytest.approx(5.0)
    assert adj.verdict is Verdict.EXCEEDS
    assert not adj.verified


# ---- limits -------------------------------------------------------------------------------------


def test_limit_objects_plug_in() -> None:
    lim = Limit(pc_twa=3.0, pc_stel=6.0)
    r = oa.twa([(2.0, 8)], limit=lim)
    assert r.limit == AppliedLimit(
        kind="PC-TWA", value=3.0, unit="mg/m³", source="GBZ 2.1-2019 表1", edition="GBZ 2.1-2019"
    )
    assert r.edition == "GBZ 2.1-2019"
    assert oa.stel(7.0, limit=lim).verdict is Verdict.EXCEEDS
    assert oa.mac([1.0], limit=lim).verdict is Verdict.NOT_APPLICABLE
    assert oa.stel(7.0, limit=Limit(pc_twa=3.0)).verdict is Verdict.NOT_APPLICABLE


def test_missing_limit_raises() -> None:
    with pytest.raises(AssessmentError) as e:
        oa.twa([(1.0, 8)])
    assert e.value.rule == "assess.limit_missing"


# ---- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "segments",
    [[(math.nan, 8)], [(-1.0, 8)], [(1.0, -1)], [(math.inf, 1)], [("abc", 1)], [(1.0,)], [True]],
)
def test_bad_segments_raise(segments: list) -> None:
    with pytest.raises(AssessmentError) as e:
        oa.twa(segments, limit=6.0)
    assert e.value.rule == "assess.value"


def test_empty_and_too_long() -> None:
    with pytest.raises(AssessmentError) as e:
        oa.twa([], limit=6.0)
    assert e.value.rule == "assess.empty"
    with pytest.raises(AssessmentError) as e:
        oa.twa([(1.0, 5), (1.0, 3.5)], limit=6.0)
    assert e.value.rule == "assess.duration"
    assert "8.5" in e.value.message("en")


def test_nondetects_need_a_policy() -> None:
    nd = NonDetect(0.2)
    with pytest.raises(AssessmentError) as e:
        oa.twa([(nd, 8)], limit=6.0)
    assert e.value.rule == "assess.nondetect"
    assert oa.twa([(nd, 8)], limit=6.0, below_lod="half").value == pytest.approx(0.1)
    assert oa.twa([(nd, 8)], limit=6.0, below_lod="limit").value == pytest.approx(0.2)
    assert oa.twa([(nd, 8)], limit=6.0, below_lod="zero").value == 0.0
    with pytest.raises(AssessmentError):
        oa.twa([(nd, 8)], limit=6.0, below_lod="guess")


def test_explain_is_bilingual_and_cites_the_clause() -> None:
    r = oa.twa([(7.0, 8)], limit=6.0)
    en, zh = r.explain("en"), r.explain()
    assert "exceeds" in en
    assert "GBZ 2.1-2019" in en
    assert "超标" in zh
    assert "GBZ 2.1-2019" in zh
    assert "not verified" in oa.peak([Excursion(1, 1)], limit=6.0).explain("en")


def test_results_are_immutable() -> None:
    import attrs

    r = oa.twa([(1.0, 8)], limit=6.0)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        r.value = 2.0  # type: ignore[misc]


def test_errors_pickle() -> None:
    import pickle

    with pytest.raises(AssessmentError) as e:
        oa.twa([(-1.0, 8)], limit=6.0)
    again = pickle.loads(pickle.dumps(e.value))
    assert again.rule == e.value.rule
    assert again.message("en") == e.value.message("en")


class _Source:
    edition = "GBZ 2.1-2019"

    def cite(self) -> str:
        return "GBZ 2.1-2019 表1 row 12"


class _Row:
    def __init__(self) -> None:
        self.pc_twa, self.pc_stel, self.mac = 3.0, 6.0, None
        self.source = _Source()
        self.verified = False


class _LimitSet:
    edition = "GBZ 2.1-2019"

    def __init__(self) -> None:
        self.rows = (_Row(),)
        self.pc_twa, self.pc_stel, self.mac = 3.0, 6.0, None


def test_catalogue_shaped_limits_carry_citation_and_verification() -> None:
    r = oa.twa([(2.0, 8)], limit=_Row())
    assert r.limit is not None
    assert r.limit.source == "GBZ 2.1-2019 表1 row 12"
    assert r.edition == "GBZ 2.1-2019"
    assert not r.verified  # an unverified limit row makes the result unverified
    s = oa.stel(7.0, limit=_LimitSet())
    assert s.limit is not None
    assert s.limit.source == "GBZ 2.1-2019 表1 row 12"
    assert s.verdict is Verdict.EXCEEDS


def test_duration_error_is_translated() -> None:
    with pytest.raises(AssessmentError) as e:
        oa.twa([(1.0, 9)], limit=6.0)
    assert "工作日" in e.value.message("zh_CN")


def test_hazard_lookup_without_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "ohsreg.catalogue", None)  # makes the import fail
    with pytest.raises(AssessmentError) as e:
        oa.twa([(1.0, 8)], hazard="苯")
    assert e.value.rule == "assess.catalogue_unavailable"


def test_twa_weekly_long_hours() -> None:
    r = oa.twa([(2.3, 8)], limit=3.0, hours_per_week=48, adjust_long_shift=True)  # 3 × 0.78 = 2.34
    assert r.reduction_factor == pytest.approx((40 / 48) * (120 / 128))
    assert r.verdict is Verdict.COMPLIES
    assert "A.7.3" in r.clause
    hint = oa.twa([(2.5, 8)], limit=3.0, hours_per_week=48)
    assert "40 h" in hint.explain("en")


def test_wrong_units_are_named() -> None:
    from ohsreg.units import Quantity

    with pytest.raises(AssessmentError) as e:
        oa.twa([("85 dB(A)", 8)], limit=6.0)
    assert e.value.rule == "assess.unit"
    with pytest.raises(AssessmentError) as e:
        oa.twa([(Quantity(30, "°C"), 8)], limit=6.0)
    assert e.value.rule == "assess.unit"
    with pytest.raises(AssessmentError) as e:
        oa.twa([(1.0, Quantity(2, "mg/m³"))], limit=6.0)
    assert e.value.rule == "assess.unit"
    r = oa.twa([("500 μg/m³", "240 min"), (Quantity(1, "mg/m³"), "4 h")], limit="6 mg/m3")
    assert r.value == pytest.approx(0.75)


# ---- what users expected (#15) -------------------------------------------------------------------


def test_scalar_stel_without_a_limit_computes_like_stel_array() -> None:
    r = oa.stel([(12.0, 10)])
    assert r.value == 8.0
    assert r.verdict is Verdict.NOT_APPLICABLE
    assert r.limit is None
    arr = oa.stel_array([[12.0]], [[10.0]])
    assert float(arr.values[0]) == r.value
    assert arr.verdicts() == [r.verdict]
    assert "limit=" in r.explain("en")


def test_peak_takes_the_days_c_twa() -> None:
    # a no-excursion day with C_TWA over PC-TWA: judged, not refused
    r = oa.peak(c_twa=7.5, limit=6.0)
    assert (r.quantity, r.value, r.verdict) == ("C_TWA", 7.5, Verdict.EXCEEDS)
    assert oa.peak(c_twa=5.0, limit=6.0).verdict is Verdict.COMPLIES
    # with excursions that pass, a C_TWA over the limit still fails the day
    ok = [Excursion(25.0, 10, start_h=1.0)]
    assert oa.peak(ok, limit=6.0).verdict is Verdict.COMPLIES
    day = oa.peak(ok, c_twa=6.5, limit=6.0)
    assert day.verdict is Verdict.EXCEEDS
    assert day.c_twa == 6.5
    assert "C_TWA exceeds PC-TWA" in day.explain("en")
    # a twa() result is accepted as the C_TWA
    assert oa.peak(c_twa=oa.twa([(7.0, 8)], limit=6.0), limit=6.0).verdict is Verdict.EXCEEDS
    with pytest.raises(AssessmentError) as e:
        oa.peak([], limit=6.0)
    assert e.value.rule == "assess.empty"
    assert "c_twa=" in e.value.message("en")


def test_ppm_says_how_to_convert() -> None:
    for given in ("5 ppm", "0.5 ppb"):
        with pytest.raises(AssessmentError) as e:
            oa.twa([(given, 8)], hazard="苯")
        assert e.value.rule == "assess.unit_ppm"
        assert "ppm_to_mg_m3" in e.value.message("en")
        assert "ppm_to_mg_m3" in e.value.message("zh_CN")
    from ohsreg.units import ppm_to_mg_m3

    mg = ppm_to_mg_m3(1.0, molar_mass=78.11)
    assert oa.twa([(mg, 8)], hazard="苯", as_of=__import__("datetime").date(2024, 1, 1)).value == mg


def test_value_is_typed_float() -> None:
    import typing

    from ohsreg.assess._base import Assessment

    assert typing.get_type_hints(Assessment)["value"] is float
    assert type(oa.twa([(2, 8)], limit=3.0).value) is float
    import numpy as np

    r = Assessment(
        quantity="x", value=np.float64(1.5), unit="1", limit=None, verdict=Verdict.COMPLIES, clause="c"
    )
    assert type(r.value) is float
