"""Gas and vapour conversions (ppm by volume <-> mg/m³) and the standard sampling volume.

Plain functions of floats or numpy arrays with the molar mass, temperature and pressure stated (20 °C,
101.3 kPa by default). Part of :mod:`ohsreg.units`, which re-exports the public names.
"""

from __future__ import annotations

import math
from typing import Any, TypeVar, overload

from ohsreg.errors import RuleViolation
from ohsreg.units._quantity import KINDS, _check_magnitude, _is_array, _Kind, _magnitude

# --------------------------------------------------------------------------------------------------
# Gas concentration conversions and standard sampling volume.

_T = TypeVar("_T")


def _molar_volume(temperature_c: float, pressure_kpa: float) -> float:
    temperature_c = _magnitude(temperature_c, "temperature_c")
    pressure_kpa = _magnitude(pressure_kpa, "pressure_kpa")
    if not math.isfinite(temperature_c) or temperature_c <= -273.0:
        raise RuleViolation(
            "temperature {value} °C is below absolute zero",
            rule="units.conditions",
            field="temperature_c",
            value=temperature_c,
        )
    if not math.isfinite(pressure_kpa) or pressure_kpa <= 0:
        raise RuleViolation(
            "pressure must be positive (got {value} kPa)",
            rule="units.conditions",
            field="pressure_kpa",
            value=pressure_kpa,
        )
    return 22.4 * (273.0 + temperature_c) / 273.0 * 101.3 / pressure_kpa


def _check_molar_mass(molar_mass: float) -> None:
    molar_mass = _magnitude(molar_mass, "molar_mass")
    if not math.isfinite(molar_mass) or molar_mass <= 0:
        raise RuleViolation(
            "molar mass must be a positive number of g/mol (got {value})",
            rule="units.molar_mass",
            field="molar_mass",
            value=molar_mass,
        )


_VOLUME = _Kind("volume", ("volume",), "L", True, "a sampled air volume")


def _times(value: Any, num: float, den: float, field: str, kind: _Kind | None = None) -> Any:
    """``value × num / den`` for a finite non-negative number or numpy array (numpy is imported only then).

    A concentration or a volume is never negative, NaN or infinite: such input raises ``units.negative``
    or ``units.not_finite`` (for an array, naming the first bad element) instead of a silent result.
    """
    if _is_array(value):
        import numpy as np

        array = np.asarray(value, dtype=float)
        bad = ~np.isfinite(array) | (array < 0)
        if bad.any():
            first = array.flat[int(np.flatnonzero(bad)[0])]
            _check_magnitude(float(first), kind or KINDS["concentration"], field)
        with np.errstate(over="ignore"):  # checked just below
            out = array * (num / den)
        overflow = ~np.isfinite(out)
        if overflow.any():  # extreme conditions: the product leaves the float range
            _check_magnitude(float(out.flat[int(np.flatnonzero(overflow)[0])]), None, field)
        return out
    x = _magnitude(value, field)
    _check_magnitude(x, kind or KINDS["concentration"], field)
    result = x * num / den
    _check_magnitude(result, None, field)  # extreme conditions: the product leaves the float range
    return result


@overload
def ppm_to_mg_m3(
    ppm: float, molar_mass: float, temperature_c: float = 20.0, pressure_kpa: float = 101.3
) -> float: ...
@overload
def ppm_to_mg_m3(
    ppm: _T, molar_mass: float, temperature_c: float = 20.0, pressure_kpa: float = 101.3
) -> _T: ...
def ppm_to_mg_m3(
    ppm: Any, molar_mass: float, temperature_c: float = 20.0, pressure_kpa: float = 101.3
) -> Any:
    """Convert a gas or vapour concentration from ppm (by volume) to mg/m³.

    ``mg/m³ = ppm × M / Vm`` with the molar volume ``Vm = 22.4 × (273 + t)/273 × 101.3/P`` L/mol. The
    default reference state is the one of Chinese practice, **20 °C and 101.3 kPa** (Vm ≈ 24.04 L/mol),
    as used for the standard sampling volume in the GBZ sampling standards and in the project's
    reference notes (FACTS.md, marked S/K: not verified against the standard's text). Pass
    ``temperature_c=25`` for data referred to 25 °C (ACGIH, Vm ≈ 24.45 L/mol). ``ppm`` may be a float
    or a numpy array (numpy is imported only then).

    >>> round(ppm_to_mg_m3(1, 100), 3)
    4.16
    >>> round(ppm_to_mg_m3(1, 100, temperature_c=25), 3)
    4.09
    """
    _check_molar_mass(molar_mass)
    return _times(ppm, molar_mass, _molar_volume(temperature_c, pressure_kpa), "ppm")


@overload
def mg_m3_to_ppm(
    mg_m3: float, molar_mass: float, temperature_c: float = 20.0, pressure_kpa: float = 101.3
) -> float: ...
@overload
def mg_m3_to_ppm(
    mg_m3: _T, molar_mass: float, temperature_c: float = 20.0, pressure_kpa: float = 101.3
) -> _T: ...
def mg_m3_to_ppm(
    mg_m3: Any, molar_mass: float, temperature_c: float = 20.0, pressure_kpa: float = 101.3
) -> Any:
    """Convert mg/m³ to ppm (by volume); the inverse of :func:`ppm_to_mg_m3`, same reference state.

    >>> round(mg_m3_to_ppm(4.16, 100), 2)
    1.0
    """
    _check_molar_mass(molar_mass)
    return _times(mg_m3, _molar_volume(temperature_c, pressure_kpa), molar_mass, "mg_m3")


@overload
def standard_volume(v: float, temperature_c: float, pressure_kpa: float) -> float: ...
@overload
def standard_volume(v: _T, temperature_c: float, pressure_kpa: float) -> _T: ...
def standard_volume(v: Any, temperature_c: float, pressure_kpa: float) -> Any:
    """The sampled air volume at standard conditions (20 °C, 101.3 kPa): ``V0 = Vt·293/(273+t)·P/101.3``.

    ``v`` is the volume sampled at ``temperature_c`` and ``pressure_kpa`` (any volume unit; the result
    is in the same unit). Floats or numpy arrays.

    >>> round(standard_volume(100.0, 30.0, 100.0), 2)
    95.46
    """
    _molar_volume(temperature_c, pressure_kpa)  # validates the conditions
    temperature_c = _magnitude(temperature_c, "temperature_c")
    pressure_kpa = _magnitude(pressure_kpa, "pressure_kpa")
    factor = 293.0 / (273.0 + temperature_c) * pressure_kpa / 101.3
    return _times(v, factor, 1.0, "v", _VOLUME)
