"""Heat (GBZ 2.2-2007 表8, 表13): temperature bounds, limit rows, result fields and refusals.

Written against mutation testing (``scripts/dev.py mutate``): each assertion is something a caller sees.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import ohsreg.assess as oa
from ohsreg.assess import AppliedLimit
from ohsreg.errors import OhsregError
from ohsreg.vocab import Verdict, WorkIntensity

Refused = Callable[..., OhsregError]


def test_wbgt_formulas_and_inputs(refused: Refused) -> None:
    assert oa.wbgt(20.0, 30.0) == pytest.approx(0.7 * 20 + 0.3 * 30)
    assert oa.wbgt(20.0, 30.0, 40.0) == pytest.approx(0.7 * 20 + 0.2 * 30 + 0.1 * 40)
    assert oa.wbgt("25 degC", 40) == pytest.approx(29.5)
    assert oa.wbgt(-50.0, 150.0) == pytest.approx(0.7 * -50 + 0.3 * 150)  # both ends plausible
    for args, field in (
        ((25, 150.01), "t_g"),
        ((-50.01, 30), "t_nw"),
        ((True, 30), "t_nw"),
        ((25, 30, 200), "t_a"),
    ):
        err = refused(oa.wbgt, *args)
        assert (err.rule, err.field, err.params["value"]) == (
            "assess.value",
            field,
            args[-1] if field != "t_nw" else args[0],
        )
        assert err.message("en").startswith(f"{field} must be a plausible temperature in ℃, got ")
    err = refused(oa.wbgt, "25 dB(A)", 30)
    assert err.field == "t_nw"


def test_wbgt_twa_weights_and_refusals(refused: Refused) -> None:
    assert oa.wbgt_twa([(30, 0.5), (28, 0.25)]) == pytest.approx((30 * 0.5 + 28 * 0.25) / 0.75)
    err = refused(oa.wbgt_twa, [(30, 0), (28, 0)])
    assert (err.rule, err.field) == ("assess.empty", "periods")
    assert err.message("en") == "the periods have no duration"
    err = refused(oa.wbgt_twa, [(30, 1), (200, 1)])
    assert (err.rule, err.field) == ("assess.value", "periods[1].wbgt")


@pytest.mark.parametrize(
    ("index", "cls"),
    [(0, "I"), (15, "I"), (15.01, "II"), (20, "II"), (20.01, "III"), (25, "III"), (25.01, "IV")],
)
def test_work_intensity_classes(index: float, cls: str) -> None:
    assert oa.work_intensity(index) is WorkIntensity(cls)


def test_work_intensity_index_coefficients_and_refusals(refused: Refused) -> None:
    i = oa.work_intensity_index(0.5, 3.0, sex="女", work="扛")
    assert (i.sex_coefficient, i.work_coefficient, i.time_ratio, i.metabolic_rate) == (1.3, 0.4, 0.5, 3.0)
    assert i.value == pytest.approx(10 * 0.5 * 3.0 * 1.3 * 0.4)
    assert not i.verified
    default = oa.work_intensity_index(1.0, 2.0)
    assert (default.sex_coefficient, default.work_coefficient, default.value) == (1.0, 1.0, 20.0)
    assert oa.work_intensity_index(1.0, 2.0, sex=" F ", work="推/拉").work_coefficient == 0.05
    err = refused(oa.work_intensity_index, 0.5, 3.0, sex="x")
    assert (err.rule, err.field, err.params["known"]) == ("assess.value", "sex", "male, female")
    assert err.message("en") == "unknown sex 'x'; use one of male, female"
    err = refused(oa.work_intensity_index, 0.5, 3.0, work=1)
    assert (err.rule, err.field) == ("assess.value", "work")
    err = refused(oa.work_intensity_index, 1.5, 3.0)
    assert (err.rule, err.field) == ("assess.value", "time_ratio")
    err = refused(oa.work_intensity_index, 0.5, -3.0)
    assert (err.rule, err.field) == ("assess.value", "metabolic_rate")
    err = refused(oa.work_intensity, -1)
    assert err.field == "index"


def test_wbgt_limit_rows_and_source(refused: Refused) -> None:
    assert oa.wbgt_limit(0.6, "III", hot_region=True) == AppliedLimit(
        kind="WBGT", value=29.0, unit="℃", source="GBZ 2.2-2007 表8 (75%, III) +1 ℃", edition="GBZ 2.2-2007"
    )
    assert oa.wbgt_limit(0.25, "I").source == "GBZ 2.2-2007 表8 (25%, I)"
    assert oa.wbgt_limit(0.25, "I").value == 33.0
    assert oa.wbgt_limit(0.2500001, "I").value == 32.0  # past a row: the next (stricter) row
    assert oa.wbgt_limit(1.0, "IV").value == 25.0
    err = refused(oa.wbgt_limit, 1.01, "I")
    assert (err.rule, err.field, err.params["value"]) == ("assess.value", "ratio", 1.01)
    assert err.message("en") == "ratio must be at most 1 (100 %), got 1.01"
    err = refused(oa.wbgt_limit, 0, "I")
    assert (err.rule, err.field) == ("assess.value", "ratio")
    err = refused(oa.wbgt_limit, 0.5, "I", hot_region=1)
    assert (err.rule, err.field, err.params["value"]) == ("assess.value", "hot_region", 1)
    assert err.message("en") == "hot_region must be a bool or a boolean array, got 1"
    err = refused(oa.wbgt_limit, 0.5, "V")
    assert (err.rule, err.field, err.params["value"]) == ("assess.value", "intensity", "V")
    assert err.message("en") == "unknown work-intensity class 'V'; use I, II, III or IV"


def test_max_exposure_time_ratio_edges() -> None:
    assert oa.max_exposure_time_ratio(28.0, "II") == 1.0  # exactly the 100 % limit
    assert oa.max_exposure_time_ratio(28.01, "II") == 0.75
    assert oa.max_exposure_time_ratio(32.0, "II") == 0.25
    assert oa.max_exposure_time_ratio(32.01, "II") is None
    assert oa.max_exposure_time_ratio(33.0, "II", hot_region=True) == 0.25


def test_exposure_time_ratio_reference(refused: Refused) -> None:
    assert oa.exposure_time_ratio(6, 12) == 0.5
    assert oa.exposure_time_ratio("240 min") == 0.5
    err = refused(oa.exposure_time_ratio, 9)
    assert (err.rule, err.params["total"], err.params["cap"], err.params["unit"]) == (
        "assess.duration",
        9.0,
        8.0,
        "h",
    )
    err = refused(oa.exposure_time_ratio, 4, 0)
    assert (err.rule, err.field) == ("assess.value", "reference_hours")
    err = refused(oa.exposure_time_ratio, -1)
    assert (err.rule, err.field) == ("assess.value", "exposure_hours")


def test_heat_result_fields(refused: Refused) -> None:
    r = oa.heat(29.0, exposure_hours=6, intensity="II", hot_region=True)
    assert (r.quantity, r.value, r.unit, r.clause, r.verified) == (
        "WBGT",
        29.0,
        "℃",
        "GBZ 2.2-2007 10.2.1 表8, 10.2.2",
        True,
    )
    assert (r.exposure_time_ratio, r.intensity, r.hot_region, r.verdict) == (
        0.75,
        WorkIntensity.II,
        True,
        Verdict.COMPLIES,
    )
    assert r.limit is not None
    assert r.limit.value == 30.0
    assert "exposure-time ratio 75 %" in r.explain("en")
    between = oa.heat(29.5, exposure_hours=5, intensity="II")
    assert (between.verdict, between.verified, between.exposure_time_ratio) == (Verdict.EXCEEDS, False, 0.625)
    assert "exposure-time ratio 62.5 %, limit row rounded up to the next tabulated ratio" in between.explain(
        "en"
    )
    none = oa.heat(29.0, exposure_hours=0, intensity="III", hot_region=True)
    assert (none.verdict, none.limit, none.quantity, none.unit, none.exposure_time_ratio) == (
        Verdict.NOT_APPLICABLE,
        None,
        "WBGT",
        "℃",
        0.0,
    )
    assert (none.intensity, none.hot_region, none.clause) == (
        WorkIntensity.III,
        True,
        "GBZ 2.2-2007 10.2.1 表8, 10.2.2",
    )
    assert "no heat exposure time" in none.explain("en")
    periods = oa.heat([(30, 2), (28, 2)], exposure_hours=4, intensity="I")
    assert periods.value == 29.0
    assert oa.heat("31 degC", exposure_hours=8, intensity="I").verdict is Verdict.EXCEEDS
    err = refused(oa.heat, 200, exposure_hours=8, intensity="I")
    assert err.field == "wbgt"


def test_temperatures_as_quantities() -> None:
    from ohsreg.units import Quantity

    assert oa.wbgt(Quantity(25.0, "degC"), Quantity(40.0, "degC")) == pytest.approx(29.5)
    r = oa.heat(Quantity(29.0, "degC"), exposure_hours=6, intensity="II")
    assert (r.value, r.verdict) == (29.0, Verdict.COMPLIES)
    # periods with units: 30 ℃ for 30 min and 20 ℃ for 1.5 h
    assert oa.wbgt_twa([("30 degC", "30 min"), (20.0, 1.5)]) == pytest.approx(22.5)


def test_wbgt_twa_refusals_name_the_field(refused: Refused) -> None:
    err = refused(oa.wbgt_twa, [(30, 1), ("hot", 1)])
    assert (err.rule, err.field) == ("assess.value", "segments[1].wbgt")
    assert err.message("en").startswith("segments[1].wbgt: 'hot' is not a quantity in degC")
    err = refused(oa.wbgt_twa, [(30.0, 1e308), (30.0, 1e308)])  # the durations' sum overflows
    assert (err.rule, err.field) == ("assess.value", "periods")


def test_intensity_inputs_with_units(refused: Refused) -> None:
    assert oa.work_intensity("1800 %") is WorkIntensity.II  # index 18
    i = oa.work_intensity_index("50 %", "3 kJ/(min·m²)")
    assert (i.time_ratio, i.metabolic_rate, i.value) == (0.5, 3.0, pytest.approx(15.0))
    err = refused(oa.work_intensity_index, 0.5, "3 mg/m3")
    assert (err.rule, err.field) == ("assess.unit", "metabolic_rate")
    err = refused(oa.work_intensity_index, -0.5, 3.0)
    assert (err.rule, err.field) == ("assess.value", "time_ratio")
    err = refused(oa.max_exposure_time_ratio, 200, "II")
    assert (err.rule, err.field) == ("assess.value", "wbgt")
    assert oa.exposure_time_ratio(4, "480 min") == 0.5
    assert oa.wbgt_limit("50 %", "II").value == 30.0


def test_wbgt_limit_row_tolerance() -> None:
    # a ratio within 1e-9 above a row is still that row (rounding of h / 8), 100 % included
    assert oa.wbgt_limit(1 + 1e-9, "II").source == "GBZ 2.2-2007 表8 (100%, II)"
    assert oa.wbgt_limit(0.25 + 1e-9, "II").source == "GBZ 2.2-2007 表8 (25%, II)"


def test_heat_reasons_exactly() -> None:
    r = oa.heat(29.0, exposure_hours=6, intensity="II")
    assert [m.render("en") for m in r.reasons] == ["exposure-time ratio 75 %"]
    between = oa.heat(29.5, exposure_hours=5, intensity="II")
    assert [m.render("en") for m in between.reasons] == [
        "exposure-time ratio 62.5 %, limit row rounded up to the next tabulated ratio"
    ]
    none = oa.heat(29.0, exposure_hours=0, intensity="III")
    assert [m.render("en") for m in none.reasons] == ["no heat exposure time"]
