"""Long working hours: the reduction factor for PC-TWA (GBZ 2.1-2019 appendix A.7.3).

A.7.3 (verified wording of its opening, on a copy) says that when the working day exceeds 8 h or the
week 40 h the exposure limit must be adjusted because absorption rises and recovery shortens. The
formulas below are the Brief & Scala model, which the Chinese "折减因子" literature and testing software
use; **the formula text of GBZ 2.1 A.7.3 was not seen**, so every result is marked unverified:

* daily ``RF = (8 / h) × (24 − h) / 16``
* weekly ``RF = (40 / h) × (168 − h) / 128``

RF is capped at 1 (no increase for short days). The adjusted limit is ``PC-TWA × RF``.

>>> round(daily_factor(10), 4), weekly_factor(48)
(0.7, 0.78125)
>>> r = reduction_factor(hours_per_day=12, limit=6.0)
>>> round(r.value, 3), round(r.limit.value, 3)
(0.5, 3.0)
"""

from __future__ import annotations

from typing import Any

import attrs

from ohsreg.assess._base import AppliedLimit, Assessment, AssessmentError, Verdict, msg, number, resolve_limit

__all__ = ["LONG_SHIFT_CLAUSE", "LongShiftAssessment", "daily_factor", "reduction_factor", "weekly_factor"]

LONG_SHIFT_CLAUSE = "GBZ 2.1-2019 A.7.3 (Brief & Scala formula, unverified)"


def daily_factor(hours: float) -> float:
    """Brief & Scala daily reduction factor ``8/h × (24 − h)/16``, capped at 1; ``hours`` in (0, 24)."""
    return _brief_scala(hours, 8.0, 24.0, "hours_per_day")


def weekly_factor(hours: float) -> float:
    """Brief & Scala weekly reduction factor ``40/h × (168 − h)/128``, capped at 1; ``hours`` in (0, 168)."""
    return _brief_scala(hours, 40.0, 168.0, "hours_per_week")


def _brief_scala(hours: float, reference: float, period: float, field: str) -> float:
    """``RF = reference/h × (period − h)/(period − reference)``: exposure and recovery time both scaled."""
    h = number(hours, "h", field, allow_zero=False)
    if h >= period:  # a whole day (week) of exposure leaves no recovery: RF = 0, the model does not apply
        raise AssessmentError(
            "{where} must be less than {cap} h (the model needs time to recover), got {value}",
            rule="assess.duration",
            field=field,
            cap=int(period),
            value=h,
        )
    return min(1.0, (reference / h) * (period - h) / (period - reference))


@attrs.frozen(kw_only=True)
class LongShiftAssessment(Assessment):
    """Result of :func:`reduction_factor`: daily and weekly factors and which one applied."""

    daily: float | None = None
    weekly: float | None = None
    basis: str = "daily"


def reduction_factor(
    *, hours_per_day: float | None = None, hours_per_week: float | None = None, limit: Any = None
) -> LongShiftAssessment:
    """The reduction factor (the smaller of the daily and weekly ones given) and the adjusted PC-TWA.

    GBZ 2.1-2019 A.7.3, Brief & Scala form (:data:`LONG_SHIFT_CLAUSE`; **unverified**).

    ``value`` is RF; ``limit`` is the adjusted PC-TWA when ``limit`` is given. The verdict is
    ``NOT_APPLICABLE`` when RF = 1 (no long hours) and ``COMPLIES`` otherwise (this is an adjustment,
    not a judgement; judge C_TWA against the adjusted limit).
    """
    if hours_per_day is None and hours_per_week is None:
        raise AssessmentError(
            "give hours_per_day or hours_per_week", rule="assess.value", field="hours_per_day"
        )
    d = None if hours_per_day is None else daily_factor(hours_per_day)
    w = None if hours_per_week is None else weekly_factor(hours_per_week)
    basis, rf = min(((k, v) for k, v in (("daily", d), ("weekly", w)) if v is not None), key=lambda kv: kv[1])
    applied = resolve_limit(limit, "PC-TWA", "pc_twa", "mg/m³", required=False)
    adjusted: AppliedLimit | None = None
    if applied is not None:
        adjusted = attrs.evolve(applied, kind="PC-TWA × RF", value=applied.value * rf, verified=False)
    return LongShiftAssessment(
        quantity="RF",
        value=rf,
        unit="1",
        limit=adjusted,
        verdict=Verdict.NOT_APPLICABLE if rf >= 1.0 else Verdict.COMPLIES,
        clause=LONG_SHIFT_CLAUSE,
        verified=False,
        reasons=(msg("{basis} reduction factor", basis=msg(basis)),),
        daily=d,
        weekly=w,
        basis=basis,
    )
