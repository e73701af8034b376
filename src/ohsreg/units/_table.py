"""The unit table: canonical units, their spellings and dimensions, and the lazily created pint registry.

Every unit the standards use is in :data:`_TABLE` (factor and offset to its dimension's base unit); a
spelling outside it is resolved once through pint (:func:`get_registry`, created on first use, never at
import) and remembered. Part of :mod:`ohsreg.units`, which re-exports the public names.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ohsreg.errors import InvalidFormat, OhsregError, RuleViolation, UnknownEntry

# --------------------------------------------------------------------------------------------------
# Unit table: canonical string -> dimension, factor and offset to the dimension's base unit.


@dataclass(frozen=True, slots=True)
class _Unit:
    canonical: str
    dimension: str
    factor: float  # base = magnitude * factor + offset
    offset: float = 0.0


# dimension -> base unit (documentation only; the factors above are relative to it)
_BASE = {
    "mass_concentration": "mg/m³",
    "volume_fraction": "ppm",
    "mass_fraction": "mg/kg",
    "fibre_concentration": "f/mL",
    "spore_concentration": "spores/m³",
    "teq_concentration": "pg TEQ/m³",
    "temperature": "K",
    "time": "h",
    "acceleration": "m/s²",
    "electric_field": "V/m",
    "magnetic_field": "A/m",
    "magnetic_flux_density": "μT",
    "power_per_area": "W/m²",
    "dimensionless": "1",
}

# pint expressions of the bases, for units pint knows and the table does not.
_PINT_BASE = {
    "mass_concentration": "mg/m**3",
    "time": "hour",
    "acceleration": "m/s**2",
    "electric_field": "V/m",
    "magnetic_field": "A/m",
    "magnetic_flux_density": "microtesla",
    "power_per_area": "W/m**2",
}

_TABLE: tuple[tuple[str, str, float, float, tuple[str, ...]], ...] = (
    # canonical, dimension, factor, offset, aliases
    ("mg/m³", "mass_concentration", 1.0, 0.0, ("mg/cubic meter",)),
    ("μg/m³", "mass_concentration", 1e-3, 0.0, ("ug/m3", "mcg/m3")),
    ("ng/m³", "mass_concentration", 1e-6, 0.0, ()),
    ("g/m³", "mass_concentration", 1e3, 0.0, ()),
    ("mg/L", "mass_concentration", 1e3, 0.0, ("mg/l",)),
    ("ppm", "volume_fraction", 1.0, 0.0, ("ppmv", "ppm(v)", "ppm(v/v)", "ppmV")),
    ("ppb", "volume_fraction", 1e-3, 0.0, ("ppbv", "ppb(v)", "ppb(v/v)")),
    ("mg/kg", "mass_fraction", 1.0, 0.0, ("ppmw", "ppm(w)", "ppm(m)", "ppm(w/w)", "ppm(m/m)")),
    ("f/mL", "fibre_concentration", 1.0, 0.0, ("f/ml", "f/cc", "f/cm3", "fibres/mL", "fibers/mL")),
    ("f/L", "fibre_concentration", 1e-3, 0.0, ("f/l",)),
    ("spores/m³", "spore_concentration", 1.0, 0.0, ("spore/m3",)),
    ("pg TEQ/m³", "teq_concentration", 1.0, 0.0, ("pg-TEQ/m3",)),
    ("ng TEQ/m³", "teq_concentration", 1e3, 0.0, ("ng-TEQ/m3",)),
    ("°C", "temperature", 1.0, 273.15, ("degC", "deg C", "celsius", "℃WBGT", "°CWBGT")),
    ("K", "temperature", 1.0, 0.0, ("kelvin",)),
    ("°F", "temperature", 5.0 / 9.0, 273.15 - 32.0 * 5.0 / 9.0, ("degF",)),
    ("h", "time", 1.0, 0.0, ("hr", "hour", "hours", "小时")),
    ("min", "time", 1.0 / 60.0, 0.0, ("minute", "minutes", "分钟", "分")),
    ("s", "time", 1.0 / 3600.0, 0.0, ("sec", "second", "seconds", "秒")),
    ("d", "time", 24.0, 0.0, ("day", "days", "天")),
    ("m/s²", "acceleration", 1.0, 0.0, ("m*s-2", "m s-2", "ms-2", "m·s-2")),
    ("V/m", "electric_field", 1.0, 0.0, ()),
    ("kV/m", "electric_field", 1e3, 0.0, ()),
    ("A/m", "magnetic_field", 1.0, 0.0, ()),
    ("μT", "magnetic_flux_density", 1.0, 0.0, ("uT",)),
    ("mT", "magnetic_flux_density", 1e3, 0.0, ()),
    ("nT", "magnetic_flux_density", 1e-3, 0.0, ()),
    ("W/m²", "power_per_area", 1.0, 0.0, ()),
    ("mW/cm²", "power_per_area", 10.0, 0.0, ()),
    ("μW/cm²", "power_per_area", 1e-2, 0.0, ("uW/cm2",)),
    ("W/cm²", "power_per_area", 1e4, 0.0, ()),
    ("%", "dimensionless", 1e-2, 0.0, ("percent",)),
    ("1", "dimensionless", 1.0, 0.0, ("fraction",)),
)

_SUPERSCRIPTS = str.maketrans({"³": "3", "²": "2", "⁻": "-", "−": "-", "µ": "u", "μ": "u", "·": "*"})


def _key(text: str) -> str:
    """Normalise a unit spelling: NFKC (full width, superscripts), no blanks, no ``^``/``**``."""
    text = unicodedata.normalize("NFKC", text).translate(_SUPERSCRIPTS)
    return "".join(text.split()).replace("**", "").replace("^", "")


_UNIT_HINT = "write a unit such as mg/m³, ppm, f/mL, °C, h, m/s², V/m, W/m² or %"

MAX_UNIT_LENGTH = 64
"""The longest unit text read (rule ``units.too_long``); the longest spelling in use is 13 characters."""

_UNITS: dict[str, _Unit] = {}  # canonical -> unit
_ALIASES: dict[str, _Unit] = {}  # normalised spelling -> unit (grows with pint look-ups)
_SPELLINGS: dict[str, _Unit] = {}  # raw spelling as received -> unit
_lock = threading.Lock()

for _canon, _dim, _factor, _offset, _aliases in _TABLE:
    _unit = _Unit(_canon, _dim, _factor, _offset)
    _UNITS[_canon] = _unit
    for _spelling in (_canon, *_aliases):
        _ALIASES[_key(_spelling)] = _unit

_registry: Any = None


def get_registry() -> Any:
    """The pint registry (pint's application registry), created once on first use, never at import."""
    global _registry
    if _registry is None:
        with _lock:
            if _registry is None:
                import pint

                _registry = pint.get_application_registry()  # type: ignore[no-untyped-call]
    assert _registry is not None
    return _registry


def _resolve_unit(text: str, *, field: str | None = None) -> _Unit:
    unit = _UNITS.get(text) if isinstance(text, str) else None
    if unit is not None:
        return unit
    if not isinstance(text, str):
        raise InvalidFormat(
            "the unit must be a string, not {type}",
            rule="units.format",
            field=field,
            type=type(text).__name__,
        )
    unit = _SPELLINGS.get(text)
    if unit is not None:
        return unit
    if len(text) > MAX_UNIT_LENGTH:  # pint's parser is slow on long input (16k characters: 1.5 s)
        raise InvalidFormat(
            "a unit of {length} characters is longer than the {limit} allowed",
            rule="units.too_long",
            field=field,
            hint=_UNIT_HINT,
            length=len(text),
            limit=MAX_UNIT_LENGTH,
        )
    key = _key(text)
    unit = _ALIASES.get(key)
    if unit is None:
        unit = _pint_unit(text, key, field)
        with _lock:
            _ALIASES[key] = unit
            _UNITS.setdefault(unit.canonical, unit)
    if len(_SPELLINGS) < 4096:  # memo of raw spellings; bounded against unbounded distinct input
        _SPELLINGS[text] = unit
    return unit


def _pint_unit(text: str, key: str, field: str | None) -> _Unit:
    def unknown() -> UnknownEntry:
        return UnknownEntry(
            "unknown unit {unit!r}",
            rule="units.unknown",
            field=field,
            hint=_UNIT_HINT,
            unit=text,
        )

    if not key or not re.fullmatch(r"[A-Za-z0-9/*().\-]+", key):
        raise unknown()
    if key.lower().startswith("db"):
        # Levels are logarithmic: they are SoundLevel values, never linear quantities.
        raise UnknownEntry(
            "{unit!r} is a sound level, not a linear unit",
            rule="units.unknown",
            field=field,
            hint="use a SoundLevel field (parse_sound_level) for dB(A), dB(C) and peak levels",
            unit=text,
        )
    try:
        ureg = get_registry()
        parsed = ureg.parse_units(re.sub(r"([A-Za-z])(\d)", r"\1**\2", key))
        for dimension, base in _PINT_BASE.items():
            base_unit = ureg.parse_units(base)
            if parsed.dimensionality == base_unit.dimensionality:
                factor = float(ureg.Quantity(1.0, parsed).to(base_unit).magnitude)
                canonical = format(parsed, "~P")
                known = _UNITS.get(canonical)
                if known is not None and known.dimension == dimension:
                    return known
                return _Unit(canonical, dimension, factor)
    except Exception:  # pint raises several unrelated types (and offset/log-unit errors) for odd text
        raise unknown() from None
    raise unknown()


_ZH_NAMES = {
    "concentration": "浓度",
    "temperature": "温度",
    "duration": "时间",
    "acceleration": "加速度",
    "field strength": "场强",
    "electric field": "电场强度",
    "magnetic flux density": "磁感应强度",
    "power density": "功率密度",
    "irradiance": "辐照度",
    "percent": "百分比",
    "volume": "体积",
    "mass concentration": "质量浓度",
    "volume fraction": "体积分数",
    "mass fraction": "质量分数",
    "fibre concentration": "纤维浓度",
    "spore concentration": "孢子浓度",
    "teq concentration": "毒性当量浓度",
    "time": "时间",
    "magnetic field": "磁场强度",
    "power per area": "功率密度",
    "dimensionless": "无量纲量",
}


def _dimension_error(unit: _Unit, allowed: Iterable[str], field: str | None, kind: str) -> OhsregError:
    kind = kind.replace("_", " ")
    return RuleViolation(
        "unit {unit!r} is not a unit of {kind}",
        rule="units.dimension",
        field=field,
        hint="use one of {examples}",
        unit=unit.canonical,
        kind=kind,
        kind_zh=_ZH_NAMES.get(kind, kind),
        examples=", ".join(_BASE[d] for d in allowed),
    )
