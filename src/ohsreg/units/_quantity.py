"""Linear quantities: :class:`Quantity`, the quantity kinds, :func:`parse_quantity` and the pydantic adapter.

A :class:`Quantity` keeps the magnitude in the unit the input gave (the standard's unit) and converts
through the cached per-unit factors of the unit table (:mod:`ohsreg.units._table`). Part of
:mod:`ohsreg.units`, which re-exports the public names.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import attrs

from ohsreg.errors import InvalidFormat, OhsregError, RuleViolation, UnknownEntry
from ohsreg.units._table import _UNITS, _ZH_NAMES, _dimension_error, _resolve_unit

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema


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


def _is_array(value: object) -> bool:
    return not isinstance(value, int | float) and hasattr(value, "__array__")


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


_MEMO: dict[str, dict[str, Quantity]] = {}
"""Per quantity kind: strings the fast path of :class:`QuantityKind` read -> their (immutable) Quantity."""
_MEMO_SIZE = 4096


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
        inf, nan, to_float = math.inf, math.nan, float
        new, set_magnitude, set_unit, cls = _new, _set_magnitude, _set_unit, Quantity
        field = getattr(handler, "field_name", None)

        memo = _MEMO.setdefault(spec.name, {})  # shared by every field of this kind: bounded below

        def validate(value: Any) -> Quantity:
            spelling = None  # the unit text of a cleanly split string, memoised after a full parse
            if value.__class__ is str:
                q = memo.get(value)
                if q is not None:  # a string already read for this kind (Quantity is immutable)
                    return q
                # fast path: "<ASCII number> <unit spelling seen before>"; anything else goes the full way
                number, _, tail = value.partition(" ")
                if number.isascii() and "_" not in number:
                    try:
                        magnitude = to_float(number)
                    except ValueError:  # "", "1e", "--1": the full path reports it
                        magnitude = nan
                    # the finiteness test also keeps "inf", "nan" and "-inf" (float() reads them) out
                    if -inf < magnitude < inf:
                        unit = canonical.get(tail) or spellings.get(tail)
                        if unit is None:
                            spelling = tail
                        elif magnitude >= low:
                            q = new(cls)
                            set_magnitude(q, magnitude)
                            set_unit(q, unit)
                            if len(memo) >= _MEMO_SIZE:  # many distinct strings: start afresh
                                memo.clear()
                            memo[value] = q
                            return q
            elif value.__class__ is dict and len(value) == 2:
                # fast path: the serialised form, a canonical unit and an in-range float
                given = value.get("unit")
                unit = canonical.get(given) if given.__class__ is str else None
                stored = value.get("value")
                if unit is not None and stored.__class__ is float and low <= stored < inf:
                    q = new(cls)
                    set_magnitude(q, stored)
                    set_unit(q, unit)
                    return q
            try:
                result = parse_quantity(value, default, spec.name, field=field)
            except OhsregError as err:
                raise to_pydantic_error(err) from None
            if spelling and len(spellings) < 1024:  # bounded memo of unit spellings read the full way
                spellings[spelling] = result.unit
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
