"""Sound levels: :class:`SoundLevel`, :func:`parse_sound_level` and the energy arithmetic of levels.

Levels are logarithmic, so they are their own type with their own arithmetic (``energy_sum``,
``lex_8h``…), never pint quantities. Part of :mod:`ohsreg.units`, which re-exports the public names.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ohsreg.errors import InvalidFormat, OhsregError, RuleViolation
from ohsreg.units._quantity import _fmt, _magnitude, _to_float

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema


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
    ratio = start / end  # may under- or overflow for extreme durations: no level then
    shift = 10.0 * math.log10(ratio) if 0 < ratio < math.inf else math.copysign(math.inf, ratio - 1)
    return _finite_level(value + shift, "to_h")
