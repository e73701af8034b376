"""Sampling arithmetic (GBZ 159-2004, GBZ/T 300, GBZ/T 192): fields and units named in refusals, edges.

Written against mutation testing (``scripts/dev.py mutate``): each assertion is something a caller sees.
The sampling units (L, L/min, µg, mg, kPa) are not in :mod:`ohsreg.units`: those inputs are plain
numbers, and a string with a unit is refused naming the unit expected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import ohsreg.assess as oa
from ohsreg.assess import NonDetect
from ohsreg.assess.sampling import substitute
from ohsreg.errors import OhsregError

Refused = Callable[..., OhsregError]


@pytest.mark.parametrize(
    ("call", "args", "field", "unit"),
    [
        (oa.sample_volume, ("0.5 L/min", 120), "flow_l_min", "L/min"),
        (oa.sample_volume, (0.5, "2 mg"), "minutes", "min"),
        (oa.standard_volume, ("60 L", 25, 100), "volume_l", "L"),
        (oa.standard_volume, (60, "25 dB(A)", 100), "temperature_c", "degC"),
        (oa.standard_volume, (60, 25, "100 kPa"), "pressure_kpa", "kPa"),
        (oa.concentration, ("35 µg", 5, 60), "mass_ug", "µg"),
        (oa.concentration, (35, "5 µg", 60), "blank_ug", "µg"),
        (oa.concentration, (35, 5, "60 L"), "volume_l", "L"),
        (oa.dust_concentration, ("25 mg", 25.9, 600), "filter_before_mg", "mg"),
        (oa.dust_concentration, (25, "25.9 mg", 600), "filter_after_mg", "mg"),
        (oa.dust_concentration, (25, 25.9, "600 L"), "volume_l", "L"),
    ],
)
def test_inputs_with_a_unit_name_the_unit_expected(
    call: Callable[..., Any], args: tuple[Any, ...], field: str, unit: str, refused: Refused
) -> None:
    err = refused(call, *args)
    assert (err.rule, err.field, err.params["unit"]) == ("assess.unit", field, unit)


@pytest.mark.parametrize(
    ("call", "args", "field"),
    [
        (oa.sample_volume, (-0.5, 120), "flow_l_min"),
        (oa.sample_volume, (0.5, -1), "minutes"),
        (oa.standard_volume, (-60, 25, 100), "volume_l"),
        (oa.concentration, (-35, 5, 60), "mass_ug"),
        (oa.concentration, (35, -5, 60), "blank_ug"),
        (oa.dust_concentration, (-25, 25.9, 600), "filter_before_mg"),
        (oa.dust_concentration, (25, -25.9, 600), "filter_after_mg"),
    ],
)
def test_negative_inputs_name_their_field(
    call: Callable[..., Any], args: tuple[Any, ...], field: str, refused: Refused
) -> None:
    err = refused(call, *args)
    assert (err.rule, err.field) == ("assess.value", field)


@pytest.mark.parametrize(
    ("call", "args", "kwargs", "field"),
    [
        (oa.standard_volume, (60, 25, 0), {}, "pressure_kpa"),
        (oa.concentration, (35, 5, 0), {}, "volume_l"),
        (oa.concentration, (35, 5, 60), {"lod_ug": 0}, "lod_ug"),
        (oa.dust_concentration, (25, 25.9, 0), {}, "volume_l"),
    ],
)
def test_zero_divisors_are_refused_as_not_positive(
    call: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], field: str, refused: Refused
) -> None:
    err = refused(call, *args, **kwargs)
    assert (err.rule, err.field) == ("assess.value", field)
    assert err.message("en").startswith(f"{field} must be a finite positive number, got 0")


def test_results_outside_the_float_range_name_the_input(refused: Refused) -> None:
    for call, args, kwargs, field in (
        (oa.sample_volume, (1e200, 1e200), {}, "minutes"),
        (oa.concentration, (1e300, 0, 1e-300), {}, "volume_l"),
        (oa.concentration, (1e300, 0, 1e-300), {"lod_ug": 1e300 * 2}, "volume_l"),
        (oa.dust_concentration, (0, 1e300, 1e-300), {}, "volume_l"),
    ):
        err = refused(call, *args, **kwargs)
        assert (err.rule, err.field) == ("assess.value", field)
        assert err.message("en") == f"{field}: the result (inf) is outside the float range; check the inputs"


@pytest.mark.parametrize(("t", "ok"), [(-273.0, False), (-272.99, True), (999.99, True), (1000.0, False)])
def test_standard_volume_temperature_bounds(t: float, ok: bool, refused: Refused) -> None:
    if ok:
        assert oa.standard_volume(60, t, 101.3) == pytest.approx(60 * 293 / (273 + t))
        return
    err = refused(oa.standard_volume, 60, t, 101.3)
    assert (err.rule, err.field, err.params["value"]) == ("assess.value", "temperature_c", t)
    assert err.message("en") == f"temperature_c must be a plausible temperature in ℃, got {t!r}"


def test_standard_volume_takes_a_celsius_quantity() -> None:
    assert oa.standard_volume(60, "25 degC", 100) == oa.standard_volume(60, 25, 100)


def test_concentration_detection_limit_edges() -> None:
    assert oa.concentration(3.0, 1.0, 4.0, lod_ug=2.0) == 0.5  # net mass exactly at the LOD is a result
    nd = oa.concentration(2.5, 1.0, 4.0, lod_ug=2.0, kind="LOQ")
    assert nd == NonDetect(0.5, "LOQ")
    assert oa.concentration(2.5, 2.0, 1.0) == 0.5  # a net mass below 1 µg is kept
    assert oa.concentration(1.0, 2.0, 4.0) == 0.0  # a blank above the mass gives zero


def test_dust_concentration_edges_and_refusal(refused: Refused) -> None:
    assert oa.dust_concentration(25.0, 25.0, 600.0) == 0.0  # a filter that gained nothing
    err = refused(oa.dust_concentration, 25.9, 25.0, 600.0)
    assert (err.rule, err.field, err.hint) == (
        "assess.filter_mass",
        "filter_after_mg",
        "reweigh the filter or discard the sample",
    )
    assert (err.params["before"], err.params["after"]) == (25.9, 25.0)
    assert err.message("en") == (
        "the filter lost mass (25.9 mg before, 25.0 mg after); reweigh the filter or discard the sample"
    )


def test_substitute_policies_and_refusals(refused: Refused) -> None:
    assert substitute(0.3, "error", "c") == 0.3
    assert substitute(NonDetect("0.2 mg/m3"), "half", "c") == 0.1
    err = refused(substitute, NonDetect("0.2 dB(A)"), "half", "c")
    assert (err.rule, err.field, err.params["unit"]) == ("assess.unit", "c.limit", "mg/m³")
    err = refused(substitute, NonDetect(0.0), "zero", "c")
    assert (err.rule, err.field) == ("assess.value", "c.limit")
    assert err.message("en").startswith("c.limit must be a finite positive number, got 0.0")
    err = refused(substitute, NonDetect(0.2, "LOQ"), "error", "c")
    assert (err.rule, err.field, err.params["kind"], err.params["value"]) == (
        "assess.nondetect",
        "c",
        "LOQ",
        "<0.2 (LOQ)",
    )
    assert err.message("en") == (
        "c is below the LOQ (<0.2 (LOQ)); say how to treat it; pass below_lod='limit', 'half' or 'zero'"
    )
    err = refused(substitute, NonDetect(0.2), "max", "c")
    assert (err.rule, err.field, err.params["policy"]) == ("assess.value", "below_lod", "max")
    assert err.message("en") == "unknown below_lod policy 'max'; use one of error, zero, half, limit"
