"""Exposure-level class 0–Ⅳ and action level (GBZ 2.1-2019 表5, 职业接触水平及其分类控制).

Classes by the exposure as a fraction of the OEL (verified: machine extraction of 表5):
0 ≤ 1 % (基本无接触); Ⅰ > 1 %–≤ 10 %; Ⅱ > 10 %–≤ 50 %; Ⅲ > 50 %–≤ 100 %; Ⅳ > 100 %. The action level
is 50 % of the OEL (secondary source). Each class adds control measures (表5): 0 none; Ⅰ general hazard
communication (labels, SDS); Ⅱ plus specific hazard communication; Ⅲ plus workplace monitoring, health
surveillance and work management; Ⅳ plus personal protective equipment and engineering controls.

>>> r = exposure_level(2.4, limit=6.0)
>>> r.exposure_class.name, r.above_action_level, r.verdict.name
('II', False, 'COMPLIES')
>>> exposure_level(3.0, limit=6.0).exposure_class.name     # exactly 50 % -> still Ⅱ
'II'
"""

from __future__ import annotations

from typing import Any

import attrs

from ohsreg.assess._base import AppliedLimit, Assessment, RomanClass, Verdict, msg, number, resolve_limit

__all__ = ["ACTION_LEVEL", "LEVEL_CLAUSE", "ExposureClass", "ExposureLevelAssessment", "exposure_level"]

LEVEL_CLAUSE = "GBZ 2.1-2019 表5"
ACTION_LEVEL = 0.5


class ExposureClass(RomanClass):
    """Exposure-level classes 0–Ⅳ of GBZ 2.1-2019 表5 (upper bounds in :func:`classify`)."""

    ZERO = "0"
    I = "I"  # noqa: E741
    II = "II"
    III = "III"
    IV = "IV"

    def label(self, locale: str | None = None) -> str:
        """The control actions of the class (GBZ 2.1-2019 表5) in ``locale``."""
        from ohsreg.i18n import gettext

        return gettext(_ACTIONS[self], locale)


_ACTIONS = {
    ExposureClass.ZERO: "class 0: essentially no exposure, no action needed",
    ExposureClass.I: "class I: general hazard communication",
    ExposureClass.II: "class II: general and specific hazard communication",
    ExposureClass.III: "class III: plus workplace monitoring, health surveillance and work management",
    ExposureClass.IV: "class IV: plus personal protection and engineering or process controls",
}

_BOUNDS = (
    (0.01, ExposureClass.ZERO),
    (0.10, ExposureClass.I),
    (0.50, ExposureClass.II),
    (1.0, ExposureClass.III),
)


def classify(fraction: float) -> ExposureClass:
    """Class of an exposure given as a fraction of the OEL (GBZ 2.1-2019 表5; upper bounds inclusive)."""
    for bound, cls in _BOUNDS:
        if fraction <= bound:
            return cls
    return ExposureClass.IV


@attrs.frozen(kw_only=True)
class ExposureLevelAssessment(Assessment):
    """Result of :func:`exposure_level`: the class and whether the action level is exceeded."""

    exposure_class: ExposureClass = ExposureClass.ZERO
    above_action_level: bool = False


def exposure_level(value: Any, *, limit: Any = None, unit: str = "mg/m³") -> ExposureLevelAssessment:
    """Class 0–Ⅳ of an exposure ``value`` against ``limit`` (or of an :class:`Assessment` with a limit).

    GBZ 2.1-2019 表5 (:data:`LEVEL_CLAUSE`); class Ⅳ (above the OEL) is the only one that ``EXCEEDS``.
    ``value`` of the result is the exposure in the limit's unit (``unit``, default mg/m³).
    """
    if isinstance(value, Assessment):
        applied: AppliedLimit | None = value.limit
        x = value.value
        unit = value.unit
    else:
        applied = resolve_limit(limit, "OEL", "pc_twa", unit)
        x = number(value, unit, "value")
    if applied is None or x is None:
        return ExposureLevelAssessment(
            quantity="C/OEL",
            value=x,
            unit=unit,
            limit=applied,
            verdict=Verdict.NOT_APPLICABLE,
            clause=LEVEL_CLAUSE,
            reasons=(msg("no limit to classify against"),),
        )
    fraction = x / applied.value
    cls = classify(fraction)
    return ExposureLevelAssessment(
        quantity="C",
        value=x,
        unit=unit,
        limit=applied,
        verdict=Verdict.EXCEEDS if cls is ExposureClass.IV else Verdict.COMPLIES,
        clause=LEVEL_CLAUSE,
        verified=applied.verified,
        reasons=(msg("{pct} % of the limit, {cls}", pct=f"{fraction * 100:.3g}", cls=cls),),
        exposure_class=cls,
        above_action_level=fraction > ACTION_LEVEL,
    )
