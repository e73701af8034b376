"""Sampling, dust, heat (GBZ 159, GBZ/T 192, GBZ 2.1 表2, GBZ 2.2-2007)."""

from __future__ import annotations

import pytest

import ohsreg.assess as oa
from ohsreg.assess import AssessmentError, NonDetect
from ohsreg.vocab import Verdict, WorkIntensity


def test_sampling_chain() -> None:
    v = oa.sample_volume(1.0, 15)  # 1 L/min for 15 min
    v0 = oa.standard_volume(v, 20.0, 101.3)
    assert v0 == pytest.approx(15.0)  # already at 20 ℃, 101.3 kPa
    assert oa.standard_volume(15.0, 35.0, 101.3) == pytest.approx(15 * 293 / 308)
    assert oa.concentration(45.0, 0.0, 15.0) == pytest.approx(3.0)
    nd = oa.concentration(0.5, 0.1, 15.0, lod_ug=0.6)
    assert isinstance(nd, NonDetect)
    assert nd.limit == pytest.approx(0.04)
    assert str(nd) == "<0.04 (LOD)"


def test_dust_gravimetric_and_bad_filter() -> None:
    assert oa.dust_concentration(100.0, 101.2, 400.0) == pytest.approx(3.0)
    with pytest.raises(AssessmentError) as e:
        oa.dust_concentration(100.0, 99.9, 400.0)
    assert e.value.rule == "assess.filter_mass"


@pytest.mark.parametrize(
    ("pct", "total", "resp"),
    [
        (10.0, 1.0, 0.7),
        (50.0, 1.0, 0.7),
        (50.5, 0.7, 0.3),
        (80.0, 0.7, 0.3),
        (80.5, 0.5, 0.2),
        (100.0, 0.5, 0.2),
    ],
)
def test_silica_bands(pct: float, total: float, resp: float) -> None:
    # GBZ 2.1-2019 表2 矽尘 (verified extraction; see FACTS.md).
    t = oa.silica_limit(pct, "total")
    r = oa.silica_limit(pct, "respirable")
    assert t is not None
    assert r is not None
    assert (t.value, r.value) == (total, resp)
    assert t.edition == "GBZ 2.1-2019"


def test_silica_below_10_percent_is_not_silica() -> None:
    assert oa.silica_limit(9.9) is None
    with pytest.raises(AssessmentError) as e:
        oa.dust_twa([(1.0, 8)], sio2_percent=5)
    assert e.value.rule == "assess.limit_missing"
    assert oa.dust_twa([(3.0, 8)], sio2_percent=5, limit=8.0).verdict is Verdict.COMPLIES


def test_dust_twa_respirable() -> None:
    r = oa.dust_twa([(0.35, 8)], fraction="respirable", sio2_percent=60)
    assert r.verdict is Verdict.EXCEEDS
    assert r.limit is not None
    assert r.limit.value == 0.3


def test_wbgt_formulas() -> None:
    # GBZ/T 189.7 / GB/T 17244 eq. (1) and (2).
    assert oa.wbgt(20.0, 30.0) == pytest.approx(0.7 * 20 + 0.3 * 30)
    assert oa.wbgt(20.0, 30.0, 25.0) == pytest.approx(0.7 * 20 + 0.2 * 30 + 0.1 * 25)
    with pytest.raises(AssessmentError):
        oa.wbgt(float("nan"), 30.0)


def test_wbgt_twa() -> None:
    assert oa.wbgt_twa([(30.0, 2), (26.0, 6)]) == pytest.approx(27.0)


@pytest.mark.parametrize(("n", "cls"), [(15, "I"), (15.01, "II"), (20, "II"), (25, "III"), (25.1, "IV")])
def test_work_intensity_bounds(n: float, cls: str) -> None:
    assert oa.work_intensity(n).name == cls  # GBZ 2.2-2007 表13


@pytest.mark.parametrize(
    ("hours", "cls", "limit"),
    [
        (8, "I", 30),
        (8, "IV", 25),
        (6, "II", 29),
        (5, "III", 28),
        (4, "III", 29),
        (2, "IV", 30),
        (0.5, "I", 33),
    ],
)
def test_wbgt_limit_table(hours: float, cls: str, limit: float) -> None:
    # GBZ 2.2-2007 表8; 5 h = 62.5 % uses the 75 % row (stricter).
    assert oa.wbgt_limit(hours / 8, cls).value == limit
    assert oa.wbgt_limit(hours / 8, cls, hot_region=True).value == limit + 1


def test_heat_verdicts() -> None:
    assert oa.heat(30.0, exposure_hours=8, intensity="I").verdict is Verdict.COMPLIES  # at the limit
    assert oa.heat(30.1, exposure_hours=8, intensity="Ⅰ").verdict is Verdict.EXCEEDS
    assert (
        oa.heat(30.1, exposure_hours=8, intensity=WorkIntensity.I, hot_region=True).verdict
        is Verdict.COMPLIES
    )
    assert oa.heat(40.0, exposure_hours=0, intensity="I").verdict is Verdict.NOT_APPLICABLE
    with pytest.raises(AssessmentError) as e:
        oa.heat(30.0, exposure_hours=9, intensity="I")
    assert e.value.rule == "assess.duration"
    with pytest.raises(AssessmentError):
        oa.heat(30.0, exposure_hours=8, intensity="V")
    r = oa.heat([(31.0, 4), (27.0, 4)], exposure_hours=8, intensity="II")
    assert r.value == pytest.approx(29.0)
    assert r.verdict is Verdict.EXCEEDS


def test_results_convert_to_quantities() -> None:
    q = oa.twa([(1.5, 8)], limit=6.0).to_quantity()
    assert str(q) == "1.5 mg/m³"
    lv = oa.noise_exposure([(88.0, 8)]).to_quantity()
    assert str(lv) == "88 dB(A)"
    assert str(oa.heat(28.0, exposure_hours=8, intensity="I").to_quantity()) == "28 °C"


def test_heat_interpolated_ratio_is_marked() -> None:
    assert oa.heat(28.0, exposure_hours=6, intensity="I").verified  # 75 % is a row of 表8
    r = oa.heat(28.0, exposure_hours=5, intensity="I")
    assert not r.verified
    assert "rounded up" in r.explain("en")


def test_dust_limit_from_a_catalogue_shaped_set() -> None:
    class Row:
        pc_twa_total, pc_twa_respirable, verified = 8.0, 4.0, True
        source = "GBZ 2.1-2019 表2 白云石粉尘"

    class LimitSet:
        edition = "GBZ 2.1-2019"
        rows: tuple[object, ...] = ()
        dust_rows = (Row(),)
        pc_twa = None

    r = oa.dust_twa([(5.0, 8)], fraction="respirable", limit=LimitSet())
    assert r.limit is not None
    assert r.limit.value == 4.0
    assert r.verdict is Verdict.EXCEEDS
    assert r.edition == "GBZ 2.1-2019"


# ---- what users expected (#15) -------------------------------------------------------------------


def test_work_intensity_index() -> None:
    # the worked example of the source: a woman pushing luggage, carrying some of it, 4 h of 8, M = 3
    i = oa.work_intensity_index(0.5, 3.0, sex="female", work="lift")
    assert i.value == pytest.approx(19.5)
    assert i.intensity is WorkIntensity.II
    assert not i.verified
    assert "unverified" in i.clause
    assert oa.work_intensity_index(0.5, 3.0, sex="女", work="推/拉").value == pytest.approx(0.975)
    assert oa.work_intensity_index(0.9, 3.5, work="shoulder").value == pytest.approx(12.6)
    for bad in ({"sex": "x"}, {"work": "carry on"}):
        with pytest.raises(AssessmentError) as e:
            oa.work_intensity_index(0.5, 3.0, **bad)
        assert e.value.rule == "assess.value"
    with pytest.raises(AssessmentError):
        oa.work_intensity_index(50, 3.0)  # a percentage, not a fraction


def test_largest_complying_exposure_time_ratio() -> None:
    assert oa.max_exposure_time_ratio(27.5, "II") == 1.0
    assert oa.max_exposure_time_ratio(29.5, "II") == 0.5
    assert oa.max_exposure_time_ratio(32.0, "II") == 0.25
    assert oa.max_exposure_time_ratio(32.5, "II") is None
    assert oa.max_exposure_time_ratio(32.5, "II", hot_region=True) == 0.25
    for wbgt in (26.0, 28.5, 29.9, 31.0, 33.0):
        for cls in ("I", "II", "III", "IV"):
            ratio = oa.max_exposure_time_ratio(wbgt, cls)
            if ratio is not None:  # the inverse agrees with heat()
                assert oa.heat(wbgt, exposure_hours=ratio * 8, intensity=cls).verdict is Verdict.COMPLIES
            if ratio is None or ratio < 1.0:
                nxt = 0.25 if ratio is None else ratio + 0.25
                assert oa.heat(wbgt, exposure_hours=nxt * 8, intensity=cls).verdict is Verdict.EXCEEDS
