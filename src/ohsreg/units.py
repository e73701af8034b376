"""Unit-aware quantities, sound levels and the conversions of Chinese occupational-hygiene practice.

A :class:`Quantity` keeps the magnitude in the unit the input gave (the standard's unit) and converts
through cached per-unit factors; pint is consulted only for units outside the built-in table, through one
registry created on first use (:func:`get_registry`). Sound levels are logarithmic and get their own type,
:class:`SoundLevel`, with energy arithmetic.

>>> q = parse_quantity("0.5 mg/m3", kind="concentration")
>>> q
Quantity(0.5, 'mg/m³')
>>> str(q), q.m_as("μg/m³")
('0.5 mg/m³', 500.0)
>>> parse_quantity("０．５ｍｇ／ｍ³")  # full-width input
Quantity(0.5, 'mg/m³')
>>> parse_quantity({"value": 2, "unit": "ppm"}, kind="concentration")
Quantity(2.0, 'ppm')
>>> round(ppm_to_mg_m3(1.0, molar_mass=100.0), 2)  # 20 °C, 101.3 kPa
4.16
>>> round(lex_8h([94.0], [2.0]), 1)  # 94 dB(A) for 2 h
88.0

In models, use the annotated types:

>>> from pydantic import BaseModel
>>> class Sample(BaseModel):
...     twa: Concentration
...     duration: Duration
>>> s = Sample(twa="0.5mg/m^3", duration=15)
>>> s.twa, s.duration
(Quantity(0.5, 'mg/m³'), Quantity(15.0, 'min'))
>>> s.model_dump()
{'twa': {'value': 0.5, 'unit': 'mg/m³'}, 'duration': {'value': 15.0, 'unit': 'min'}}
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, overload

import attrs

from ohsreg.errors import InvalidFormat, OhsregError, RuleViolation, UnknownEntry

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

__all__ = [
    "KINDS",
    "MAX_UNIT_LENGTH",
    "SOUND_LEVEL_RANGE",
    "Acceleration",
    "Concentration",
    "Duration",
    "ElectricFieldStrength",
    "FieldStrength",
    "Irradiance",
    "MagneticFluxDensity",
    "Percent",
    "PowerDensity",
    "Quantity",
    "QuantityKind",
    "SoundLevel",
    "Temperature",
    "convert",
    "energy_average",
    "energy_sum",
    "get_registry",
    "lex_8h",
    "lex_w",
    "mg_m3_to_ppm",
    "parse_quantity",
    "parse_sound_level",
    "ppm_to_mg_m3",
    "scale_time",
    "standard_volume",
]


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


def _to_float(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        try:
            import numbers

            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise TypeError
            return float(value)
        except TypeError:
            raise InvalidFormat(
                "a magnitude must be a number, not {type}",
                rule="units.format",
                field="magnitude",
                type=type(value).__name__,
            ) from None
    try:
        result = float(value)
    except OverflowError:
        result = math.inf
    if not math.isfinite(result):
        raise InvalidFormat(
            "{value} is not a finite number", rule="units.not_finite", field="magnitude", value=result
        )
    return result


def _canonical(unit: object) -> str:
    return _resolve_unit(unit).canonical  # type: ignore[arg-type]


def _fmt(magnitude: float) -> str:
    if magnitude.is_integer() and abs(magnitude) < 1e15:
        return str(int(magnitude))
    return repr(magnitude)


@attrs.frozen(slots=True, repr=False)
class Quantity:
    """A magnitude with a unit, kept in the unit given (the standard's unit).

    Equality and hashing are structural (``0.5 mg/m³`` and ``500 μg/m³`` are different values); order
    comparisons (``<``, ``<=``…) convert between compatible units and raise ``units.dimension`` otherwise.

    >>> a, b = Quantity(0.5, "mg/m^3"), Quantity(400, "ug/m3")
    >>> a.unit, b.unit
    ('mg/m³', 'μg/m³')
    >>> b < a, a.to("μg/m³")
    (True, Quantity(500.0, 'μg/m³'))
    >>> Quantity(20, "℃").m_as("K")
    293.15
    """

    magnitude: float = attrs.field(converter=_to_float)
    unit: str = attrs.field(converter=_canonical)

    @property
    def dimension(self) -> str:
        """The dimension key, e.g. ``"mass_concentration"``, ``"volume_fraction"``, ``"time"``."""
        return _UNITS[self.unit].dimension

    def to(self, unit: str) -> Quantity:
        """This quantity in ``unit`` (same dimension, else :class:`~ohsreg.errors.RuleViolation`)."""
        return Quantity(self.m_as(unit), unit)

    def m_as(self, unit: str) -> float:
        """The magnitude expressed in ``unit``."""
        source = _UNITS[self.unit]
        target = _resolve_unit(unit, field="unit")
        if target is source:
            return self.magnitude
        if target.dimension != source.dimension:
            raise _dimension_error(target, (source.dimension,), "unit", source.dimension)
        return (self.magnitude * source.factor + source.offset - target.offset) / target.factor

    def _base(self, other: object) -> tuple[float, float]:
        if not isinstance(other, Quantity):
            raise TypeError(f"cannot compare Quantity with {type(other).__name__}")
        mine, theirs = _UNITS[self.unit], _UNITS[other.unit]
        if mine.dimension != theirs.dimension:
            raise _dimension_error(theirs, (mine.dimension,), None, mine.dimension)
        return (
            self.magnitude * mine.factor + mine.offset,
            other.magnitude * theirs.factor + theirs.offset,
        )

    def __lt__(self, other: object) -> bool:
        a, b = self._base(other)
        return a < b

    def __le__(self, other: object) -> bool:
        a, b = self._base(other)
        return a <= b

    def __gt__(self, other: object) -> bool:
        a, b = self._base(other)
        return a > b

    def __ge__(self, other: object) -> bool:
        a, b = self._base(other)
        return a >= b

    def __str__(self) -> str:
        return f"{_fmt(self.magnitude)} {self.unit}"

    def __repr__(self) -> str:
        return f"Quantity({self.magnitude!r}, {self.unit!r})"

    def to_dict(self) -> dict[str, Any]:
        """The serialised form ``{"value": magnitude, "unit": canonical unit}``."""
        return {"value": self.magnitude, "unit": self.unit}

    @classmethod
    def trusted(cls, magnitude: float, unit: str) -> Quantity:
        """Construct without any check, for data ohsreg itself produced (catalogue files, own exports).

        ``magnitude`` must be a finite float and ``unit`` a canonical unit string; nothing verifies it.

        >>> Quantity.trusted(6.0, "mg/m³")
        Quantity(6.0, 'mg/m³')
        """
        q = _new(cls)
        _set_magnitude(q, magnitude)
        _set_unit(q, unit)
        return q


_new = object.__new__
_set_magnitude = Quantity.__dict__["magnitude"].__set__
_set_unit = Quantity.__dict__["unit"].__set__


def convert(values: Any, from_unit: str, to_unit: str) -> Any:
    """Convert plain magnitudes (a float or a numpy array) between two units of the same dimension.

    The bulk path of :meth:`Quantity.m_as`: one factor look-up, then arithmetic on the whole array.

    >>> convert(500.0, "μg/m³", "mg/m³")
    0.5
    >>> convert(20.0, "°C", "K")
    293.15
    """
    source = _resolve_unit(from_unit, field="from_unit")
    target = _resolve_unit(to_unit, field="to_unit")
    if source.dimension != target.dimension:
        raise _dimension_error(target, (source.dimension,), "to_unit", source.dimension)
    if _is_array(values):
        import numpy as np

        values = np.asarray(values, dtype=float)
    elif source is target:
        return _magnitude(values, "values")
    else:
        values = _magnitude(values, "values")
    if source is target:
        return values
    if source.offset == 0.0 and target.offset == 0.0:
        return values * (source.factor / target.factor)
    return (values * source.factor + source.offset - target.offset) / target.factor


# --------------------------------------------------------------------------------------------------
# Kinds: which dimensions a field accepts, its default unit, and whether negatives are allowed.


@dataclass(frozen=True, slots=True)
class _Kind:
    name: str
    dimensions: tuple[str, ...]
    default_unit: str
    non_negative: bool
    description: str


KINDS: dict[str, _Kind] = {
    k.name: k
    for k in (
        _Kind(
            "concentration",
            (
                "mass_concentration",
                "volume_fraction",
                "fibre_concentration",
                "spore_concentration",
                "teq_concentration",
            ),
            "mg/m³",
            True,
            "airborne concentration: mg/m³ (default), ppm by volume, f/mL, spores/m³ or pg TEQ/m³",
        ),
        _Kind("temperature", ("temperature",), "°C", False, "temperature (also WBGT), °C by default"),
        _Kind("duration", ("time",), "min", True, "duration, minutes by default"),
        _Kind("acceleration", ("acceleration",), "m/s²", True, "acceleration (vibration), m/s²"),
        _Kind(
            "field_strength",
            ("electric_field", "magnetic_field"),
            "V/m",
            True,
            "electric (V/m, kV/m) or magnetic (A/m) field strength",
        ),
        _Kind("electric_field", ("electric_field",), "V/m", True, "electric field strength, V/m"),
        _Kind("magnetic_flux_density", ("magnetic_flux_density",), "μT", True, "magnetic flux density, μT"),
        _Kind("power_density", ("power_per_area",), "μW/cm²", True, "power density, μW/cm² by default"),
        _Kind("irradiance", ("power_per_area",), "μW/cm²", True, "irradiance, μW/cm² by default"),
        _Kind("percent", ("dimensionless",), "%", True, "a share, % by default"),
    )
}
"""The quantity kinds: name -> accepted dimensions, default unit, sign rule (``kind=`` of :func:`parse_quantity`)."""

# possessive blank runs and a greedy tail (the text is stripped first): linear time, see _SOUND
_NUMBER = re.compile(r"\s*+([+-]?+(?:\d++(?:\.\d*+)?+|\.\d++)(?:[eE][+-]?+\d++)?+)\s*+(.*)", re.S)


def _check_magnitude(value: float, kind: _Kind | None, field: str | None) -> None:
    if not math.isfinite(value):
        raise InvalidFormat(
            "{value} is not a finite number", rule="units.not_finite", field=field, value=value
        )
    if kind is not None and kind.non_negative and value < 0:
        raise RuleViolation(
            "a {kind} cannot be negative (got {value})",
            rule="units.negative",
            field=field,
            kind=kind.name.replace("_", " "),
            kind_zh=_ZH_NAMES.get(kind.name.replace("_", " "), kind.name),
            value=value,
        )


def parse_quantity(
    value: object,
    default_unit: str | None = None,
    kind: str | None = None,
    *,
    field: str | None = None,
) -> Quantity:
    """Parse a number (in ``default_unit``), a string like ``"0.5 mg/m³"`` or ``{"value", "unit"}``.

    ``kind`` (a key of :data:`KINDS`) restricts the accepted dimensions, supplies the default unit and
    rejects negatives where they make no sense. Errors are :class:`~ohsreg.errors.OhsregError` with rule
    codes ``units.empty``, ``units.format``, ``units.unknown``, ``units.dimension``, ``units.not_finite``,
    ``units.negative`` or ``units.unit_missing``.

    >>> parse_quantity("5 ppm", kind="concentration")
    Quantity(5.0, 'ppm')
    >>> parse_quantity(30, kind="duration")
    Quantity(30.0, 'min')
    >>> parse_quantity("3 °C", kind="concentration")
    Traceback (most recent call last):
    ...
    ohsreg.errors.RuleViolation: unit '°C' is not a unit of concentration; ...
    """
    spec = KINDS.get(kind) if isinstance(kind, str) else None
    if kind is not None and spec is None:
        raise UnknownEntry(
            "unknown quantity kind {kind!r}",
            rule="units.kind",
            field="kind",
            hint="use one of {kinds}",
            kind=kind,
            kinds=", ".join(KINDS),
        )
    if default_unit is None and spec is not None:
        default_unit = spec.default_unit
    magnitude: float
    unit_text: object
    if isinstance(value, Quantity):
        magnitude, unit_text = value.magnitude, value.unit
    elif isinstance(value, dict):
        if set(value) != {"value", "unit"}:
            raise InvalidFormat(
                "a quantity mapping needs exactly the keys 'value' and 'unit'",
                rule="units.format",
                field=field,
            )
        magnitude, unit_text = _magnitude(value["value"], field), value["unit"]
    elif isinstance(value, str) and (quick := _quick_split(value)) is not None:
        magnitude, unit_text = quick[0], quick[1] or default_unit
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        if not text:
            raise InvalidFormat("empty quantity", rule="units.empty", field=field)
        match = _NUMBER.fullmatch(text)
        if match is None:
            raise InvalidFormat(
                "cannot read {text!r} as a number with a unit",
                rule="units.format",
                field=field,
                hint="write it like '0.5 mg/m³'",
                text=value,
            )
        magnitude, unit_text = float(match.group(1)), match.group(2) or default_unit
    else:
        magnitude, unit_text = _magnitude(value, field), default_unit
    if unit_text is None or unit_text == "":
        raise InvalidFormat("{value} has no unit", rule="units.unit_missing", field=field, value=magnitude)
    unit = _resolve_unit(unit_text, field=field)  # type: ignore[arg-type]
    if spec is not None and unit.dimension not in spec.dimensions:
        raise _dimension_error(unit, spec.dimensions, field, spec.name.replace("_", " "))
    _check_magnitude(magnitude, spec, field)
    if isinstance(value, Quantity) and value.unit == unit.canonical:
        return value
    return Quantity.trusted(magnitude, unit.canonical)


_NUMBER_CHARS = frozenset("0123456789.eE+-")


def _quick_split(value: str) -> tuple[float, str] | None:
    """``"0.5 mg/m3"`` -> ``(0.5, "mg/m3")`` without NFKC or the regex, for a plain number, a space, a unit.

    Only text whose number part is digits, ``.``, ``e``/``E`` and signs is taken (``float`` accepts no
    more of it than :data:`_NUMBER` does); anything else returns ``None`` and goes the full way.
    """
    number, _, unit = value.strip().partition(" ")
    if not number or not _NUMBER_CHARS.issuperset(number):
        return None
    try:
        return float(number), unit.strip()
    except ValueError:  # "1e", "+-1": not a number after all; the regex path reports it
        return None


def _magnitude(value: object, field: str | None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        import numbers

        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise InvalidFormat(
                "a magnitude must be a number, not {type}",
                rule="units.format",
                field=field,
                type=type(value).__name__,
            )
    try:
        return float(value)
    except OverflowError:  # an int past the float range: infinite, rejected as not finite by the caller
        return math.inf if value > 0 else -math.inf  # type: ignore[operator]


class QuantityKind:
    """Pydantic marker behind the annotated types: ``Annotated[Quantity, QuantityKind("concentration")]``.

    Accepts a number (in the kind's default unit), a string or ``{"value": …, "unit": …}``; serialises to
    ``{"value": …, "unit": "<canonical unit>"}``. ``default_unit`` overrides the kind's default.
    """

    __slots__ = ("default_unit", "kind")

    def __init__(self, kind: str, default_unit: str | None = None) -> None:
        self.kind = KINDS[kind]
        self.default_unit = _canonical(default_unit or self.kind.default_unit)

    def __repr__(self) -> str:
        return f"QuantityKind({self.kind.name!r}, default_unit={self.default_unit!r})"

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        from ohsreg.errors import to_pydantic_error

        spec, default = self.kind, self.default_unit
        # canonical unit -> itself, for the units of this kind: the fast path needs one dict look-up
        canonical = {u.canonical: u.canonical for u in _UNITS.values() if u.dimension in spec.dimensions}
        spellings: dict[str, str] = {}  # other spellings of this kind's units already parsed -> canonical
        low = 0.0 if spec.non_negative else -math.inf
        inf = math.inf
        new, set_magnitude, set_unit, cls = _new, _set_magnitude, _set_unit, Quantity
        field = getattr(handler, "field_name", None)

        def validate(value: Any) -> Quantity:
            quick = None
            if value.__class__ is str:
                quick = _quick_split(value)
                if quick is not None:  # fast path: "0.5 mg/m3" with a unit spelling seen before
                    unit = canonical.get(quick[1]) or spellings.get(quick[1])
                    if unit is not None and low <= quick[0] < inf:
                        q = new(cls)
                        set_magnitude(q, quick[0])
                        set_unit(q, unit)
                        return q
            elif value.__class__ is dict and len(value) == 2:
                # fast path: the serialised form, a canonical unit and an in-range float
                given = value.get("unit")
                unit = canonical.get(given) if given.__class__ is str else None
                magnitude = value.get("value")
                if unit is not None and magnitude.__class__ is float and low <= magnitude < inf:
                    q = new(cls)
                    set_magnitude(q, magnitude)
                    set_unit(q, unit)
                    return q
            try:
                result = parse_quantity(value, default, spec.name, field=field)
            except OhsregError as err:
                raise to_pydantic_error(err) from None
            if quick is not None and quick[1] and len(spellings) < 1024:  # bounded memo of spellings
                spellings[quick[1]] = result.unit
            return result

        return core_schema.no_info_plain_validator_function(
            validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                Quantity.to_dict, when_used="always"
            ),
        )

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        units = [u.canonical for u in _UNITS.values() if u.dimension in self.kind.dimensions]
        obj: dict[str, Any] = {
            "type": "object",
            "properties": {
                "value": {"type": "number"},
                "unit": {"type": "string", "enum": units},
            },
            "required": ["value", "unit"],
            "additionalProperties": False,
        }
        if self.kind.non_negative:
            obj["properties"]["value"]["minimum"] = 0
        description = f"{self.kind.description.capitalize()}."
        if handler.mode == "serialization":
            return {**obj, "description": description}
        return {
            "anyOf": [
                obj,
                {"type": "number", "description": f"in {self.default_unit}"},
                {"type": "string", "description": "a number and a unit, e.g. '0.5 mg/m³'"},
            ],
            "description": description + f" A bare number is in {self.default_unit}.",
        }


Concentration = Annotated[Quantity, QuantityKind("concentration")]
"""Airborne concentration: mg/m³ (default), ppm by volume, f/mL, spores/m³ or pg TEQ/m³; never negative."""
Temperature = Annotated[Quantity, QuantityKind("temperature")]
"""Temperature, including WBGT: °C by default (K and °F accepted)."""
Duration = Annotated[Quantity, QuantityKind("duration")]
"""Duration: minutes by default (s, h, d accepted); never negative."""
Acceleration = Annotated[Quantity, QuantityKind("acceleration")]
"""Acceleration (hand-arm vibration): m/s²."""
FieldStrength = Annotated[Quantity, QuantityKind("field_strength")]
"""Electric (V/m default, kV/m) or magnetic (A/m) field strength."""
ElectricFieldStrength = Annotated[Quantity, QuantityKind("electric_field")]
"""Electric field strength only: V/m by default, kV/m."""
MagneticFluxDensity = Annotated[Quantity, QuantityKind("magnetic_flux_density")]
"""Magnetic flux density: μT by default (nT, mT)."""
PowerDensity = Annotated[Quantity, QuantityKind("power_density")]
"""Power density (microwave, radio frequency): μW/cm² by default (mW/cm², W/m²)."""
Irradiance = Annotated[Quantity, QuantityKind("irradiance")]
"""Irradiance (ultraviolet, laser): μW/cm² by default (mW/cm², W/m², W/cm²)."""
Percent = Annotated[Quantity, QuantityKind("percent")]
"""A share (e.g. free silica content): % by default; a fraction is accepted as unit ``1``."""


# --------------------------------------------------------------------------------------------------
# Sound levels: logarithmic, their own type and energy arithmetic (not pint).

Weighting = Literal["A", "C", "Z"]
# Every run of blanks is possessive (``\s*+``): adjacent optional parts could otherwise share one run
# and backtrack over it (three adjacent ``\s*`` made "85" + 4000 blanks + "x" take minutes); with
# possessive runs and an anchored match the time is linear in the input.
_SOUND = re.compile(
    r"\s*+([+-]?+(?:\d++(?:\.\d*+)?+|\.\d++)(?:[eE][+-]?+\d++)?+)\s*+"
    r"(?:dB\s*+(?:\(\s*+([ACZacz])\s*+\)|([ACZacz]))?+)?+\s*+(peak|峰值|pk)?+\s*+",
    re.I,
)


@attrs.frozen(slots=True, repr=False)
class SoundLevel:
    """A sound level in decibels with its frequency weighting (A, C or Z) and whether it is a peak.

    >>> parse_sound_level("94 dB(A)")
    SoundLevel(94.0, 'dB(A)')
    >>> str(parse_sound_level("140dB(C) peak"))
    '140 dB(C) peak'
    """

    value: float = attrs.field(converter=_to_float)
    weighting: Weighting = "A"
    peak: bool = False

    def __attrs_post_init__(self) -> None:
        if self.weighting not in ("A", "C", "Z"):
            raise InvalidFormat(
                "unknown frequency weighting {weighting!r}",
                rule="sound.weighting",
                field="weighting",
                hint="use A, C or Z",
                weighting=self.weighting,
            )
        _finite_level(self.value, "value")

    @property
    def unit(self) -> str:
        """``"dB(A)"``, ``"dB(C)"``, ``"dB(Z)"``, with ``" peak"`` for a peak level."""
        return f"dB({self.weighting})" + (" peak" if self.peak else "")

    def __str__(self) -> str:
        return f"{_fmt(self.value)} {self.unit}"

    def __repr__(self) -> str:
        return f"SoundLevel({self.value!r}, {self.unit!r})"

    def __float__(self) -> float:
        return self.value

    def to_dict(self) -> dict[str, Any]:
        """The serialised form ``{"value": level, "unit": "dB(A)"}``."""
        return {"value": self.value, "unit": self.unit}

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        from ohsreg.errors import to_pydantic_error

        def validate(value: Any, info: core_schema.ValidationInfo) -> SoundLevel:
            try:
                return parse_sound_level(value, field=info.field_name)
            except OhsregError as err:
                raise to_pydantic_error(err) from None

        return core_schema.with_info_plain_validator_function(
            validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                SoundLevel.to_dict, when_used="always"
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        units = [f"dB({w})" for w in "ACZ"] + [f"dB({w}) peak" for w in "ACZ"]
        obj = {
            "type": "object",
            "properties": {"value": {"type": "number"}, "unit": {"type": "string", "enum": units}},
            "required": ["value", "unit"],
            "additionalProperties": False,
        }
        if handler.mode == "serialization":
            return {**obj, "description": "Sound level in decibels."}
        return {
            "anyOf": [obj, {"type": "number", "description": "in dB(A)"}, {"type": "string"}],
            "description": "Sound level in decibels; a bare number is in dB(A).",
        }


def parse_sound_level(value: object, default_unit: str = "dB(A)", *, field: str | None = None) -> SoundLevel:
    """Parse ``94``, ``"94 dB(A)"``, ``"94dBA"``, ``"140 dB(C) peak"`` or ``{"value", "unit"}``."""
    if isinstance(value, SoundLevel):
        return value
    if isinstance(value, dict):
        if set(value) != {"value", "unit"} or not isinstance(value["unit"], str):
            raise InvalidFormat(
                "a sound level mapping needs exactly the keys 'value' and 'unit'",
                rule="sound.format",
                field=field,
            )
        level = _finite_level(_magnitude(value["value"], field), field)
        return _sound(f"{level!r} {value['unit']}", value, field)
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        if not text:
            raise InvalidFormat("empty sound level", rule="sound.empty", field=field)
        if _SOUND.fullmatch(text) and not re.search(r"db", text, re.I):
            text = f"{text} {default_unit}"
        return _sound(text, value, field)
    level = _finite_level(_magnitude(value, field), field)
    return _sound(f"{level!r} {default_unit}", value, field)


SOUND_LEVEL_RANGE = (-50.0, 250.0)
"""Sound levels accepted, in dB, bounds included: air carries no undistorted sound above ~194 dB and no
instrument reads below -50 dB; a level outside raises ``sound.range`` (``1e300 dB`` is a typo, not a level)."""


def _finite_level(level: float, field: str | None) -> float:
    """``level`` if it is a finite sound level within :data:`SOUND_LEVEL_RANGE`; else the rule error."""
    if not math.isfinite(level):
        raise InvalidFormat(
            "{value} is not a finite number", rule="sound.not_finite", field=field, value=level
        )
    low, high = SOUND_LEVEL_RANGE
    if not low <= level <= high:
        raise RuleViolation(
            "a sound level of {value} dB is outside {low} to {high} dB",
            rule="sound.range",
            field=field,
            value=level,
            low=low,
            high=high,
        )
    return level


def _sound(text: str, original: object, field: str | None) -> SoundLevel:
    match = _SOUND.fullmatch(text)
    if match is None or not re.search(r"db", text, re.I):
        raise InvalidFormat(
            "cannot read {text!r} as a sound level",
            rule="sound.format",
            field=field,
            hint="write it like '94 dB(A)' or '140 dB(C) peak'",
            text=str(original),
        )
    weighting = match.group(2) or match.group(3)
    if weighting is None:
        raise InvalidFormat(
            "the sound level {text!r} has no frequency weighting",
            rule="sound.weighting",
            field=field,
            hint="write dB(A), dB(C) or dB(Z)",
            text=str(original),
        )
    level = _finite_level(float(match.group(1)), field)
    return SoundLevel(level, weighting.upper(), bool(match.group(4)))  # type: ignore[arg-type]


def _iterable(items: Any, field: str) -> list[Any]:
    """``items`` as a list; a number, a string or any non-iterable raises ``sound.format`` naming ``field``."""
    if not isinstance(items, str | bytes | bytearray | Mapping):
        try:
            return list(items)
        except TypeError:
            pass
    raise InvalidFormat(
        "{field_name} must be a list of numbers, not {type}",
        rule="sound.format",
        field=field,
        field_name=field,
        type=type(items).__name__,
    )


def _levels(levels: Iterable[float | SoundLevel], field: str) -> list[float]:
    values: list[float] = []
    weightings: set[tuple[str, bool]] = set()
    for item in _iterable(levels, field):
        if isinstance(item, SoundLevel):
            weightings.add((item.weighting, item.peak))
            values.append(item.value)
        else:
            values.append(_finite_level(_magnitude(item, field), field))
    if len(weightings) > 1:
        raise RuleViolation(
            "cannot combine sound levels of different weightings ({weightings})",
            rule="sound.mixed",
            field=field,
            weightings=", ".join(sorted(f"dB({w}){' peak' if p else ''}" for w, p in weightings)),
        )
    if not values:
        raise InvalidFormat("no sound levels given", rule="sound.empty", field=field)
    return values


def _durations(durations: Iterable[float], count: int, field: str) -> list[float]:
    values = [_magnitude(t, field) for t in _iterable(durations, field)]
    if len(values) != count:
        raise RuleViolation(
            "{levels} levels but {durations} durations",
            rule="sound.length",
            field=field,
            levels=count,
            durations=len(values),
        )
    if any(not math.isfinite(t) or t < 0 for t in values) or sum(values) <= 0:
        raise RuleViolation(
            "durations must be finite, non-negative and not all zero",
            rule="sound.duration",
            field=field,
        )
    return values


def _energy(levels: Sequence[float], weights: Sequence[float] | None = None) -> float:
    top = max(levels)  # factor out the largest term: no overflow for any finite level
    if weights is None:
        total = math.fsum(10.0 ** ((level - top) / 10.0) for level in levels)
    else:
        total = math.fsum(
            w * 10.0 ** ((level - top) / 10.0) for level, w in zip(levels, weights, strict=True)
        )
    if total <= 0:
        return -math.inf
    return top + 10.0 * math.log10(total)


def energy_sum(levels: Iterable[float | SoundLevel]) -> float:
    """Energy (logarithmic) sum of simultaneous sources: ``10·lg Σ 10^(0.1·Lᵢ)``.

    >>> round(energy_sum([90, 90]), 2)
    93.01
    """
    return _energy(_levels(levels, "levels"))


def energy_average(levels: Iterable[float | SoundLevel], durations: Iterable[float]) -> float:
    """Time-weighted energy average (equivalent level): ``10·lg(Σ tᵢ·10^(0.1·Lᵢ) / Σ tᵢ)``.

    Durations may be in any unit, as long as all are in the same one.

    >>> round(energy_average([85, 95], [1, 1]), 2)
    92.4
    """
    values = _levels(levels, "levels")
    times = _durations(durations, len(values), "durations")
    return _energy(values, times) - 10.0 * math.log10(math.fsum(times))


def lex_8h(levels: Iterable[float | SoundLevel], durations_h: Iterable[float]) -> float:
    """Daily noise exposure level normalised to 8 h, L_EX,8h (GBZ/T 189.8-2007 style, dB(A)).

    ``L_EX,8h = 10·lg(Σ tᵢ·10^(0.1·L_Aeq,i) / 8)``, with ``tᵢ`` the hours spent at level ``L_Aeq,i``
    during the working day (the rest of the day is assumed quiet).

    >>> round(lex_8h([94], [2]), 1)
    88.0
    >>> round(lex_8h([85, 90], [4, 4]), 1)
    88.2
    """
    values = _levels(levels, "levels")
    hours = _durations(durations_h, len(values), "durations_h")
    return _energy(values, hours) - 10.0 * math.log10(8.0)


def lex_w(daily_lex: Iterable[float | SoundLevel], days: float = 5.0) -> float:
    """Weekly noise exposure level normalised to a 5-day (40 h) week, L_EX,W (ISO 1999, GBZ/T 189.8).

    ``L_EX,W = 10·lg((1/days)·Σ 10^(0.1·L_EX,8h,i))`` over the working days of the week; ``days`` is
    the reference number of days (5 in both standards).

    >>> round(lex_w([88, 88, 88, 88, 88, 88]), 1)  # six days at 88 dB(A)
    88.8
    """
    values = _levels(daily_lex, "daily_lex")
    reference = _magnitude(days, "days")
    if not math.isfinite(reference) or reference <= 0:
        raise RuleViolation(
            "days must be positive (got {days})", rule="sound.duration", field="days", days=days
        )
    return _energy(values) - 10.0 * math.log10(reference)


def scale_time(level: float | SoundLevel, from_h: float, to_h: float) -> float:
    """Re-normalise an equivalent level from ``from_h`` hours to ``to_h`` hours at equal energy.

    ``L' = L + 10·lg(from_h / to_h)``: halving the time adds 3 dB (the 3-dB equal-energy rule of
    GBZ/T 189.8-2007 appendix B, also behind :func:`ohsreg.assess.allowed_hours`).

    >>> round(scale_time(94, 2, 8), 1)
    88.0
    >>> round(scale_time(85, 8, 4), 1)
    88.0
    """
    (value,) = _levels([level], "level")
    start, end = _magnitude(from_h, "from_h"), _magnitude(to_h, "to_h")
    if not (math.isfinite(start) and math.isfinite(end)) or start <= 0 or end <= 0:
        raise RuleViolation(
            "durations must be positive", rule="sound.duration", field="from_h" if start <= 0 else "to_h"
        )
    return value + 10.0 * math.log10(start / end)


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


def _is_array(value: object) -> bool:
    return not isinstance(value, int | float) and hasattr(value, "__array__")


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
        return array * (num / den)
    x = _magnitude(value, field)
    _check_magnitude(x, kind or KINDS["concentration"], field)
    return x * num / den


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
