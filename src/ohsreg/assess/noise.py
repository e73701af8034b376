"""Noise: L_EX,8h from task levels, weekly L_EX,W, impulse-noise peaks, equal-energy allowed time.

Limits (GBZ 2.2-2007, verified on a faithful reading of the standard; FACTS.md §2):

* steady or non-steady noise, 5 days × 8 h a week: **L_EX,8h ≤ 85 dB(A)** (11.2.1);
* a week that is not 5 days: **L_EX,W ≤ 85 dB(A)** computed over the 40 h week (11.2.1);
* impulse noise, peak sound pressure level by the number of impulses n per working day (表10):
  n ≤ 100 → 140 dB; 100 < n ≤ 1000 → 130 dB; 1000 < n ≤ 10000 → 120 dB (peak dB, not dB(A)).

The energy arithmetic is :mod:`ohsreg.units` (``lex_8h``, ``lex_w``, ``scale_time``); the allowed
exposure time for a level follows the 3-dB equal-energy rule of GBZ/T 189.8-2007 appendix B (halving
the time allows +3 dB: 4 h → 88 dB(A), 2 h → 91 dB(A)).

>>> r = noise_exposure([(94, 2), (80, 6)])
>>> round(r.value, 1), r.verdict.name
(88.5, 'EXCEEDS')
>>> impulse_noise(128, impulses_per_day=500).verdict.name
'COMPLIES'
>>> round(allowed_hours(88.0), 2)
4.01
"""

from __future__ import annotations

import functools
import importlib
import math
from collections.abc import Iterable
from typing import Any

import attrs

from ohsreg.assess._base import (
    AppliedLimit,
    Assessment,
    AssessmentError,
    Verdict,
    _finite_or_inf,
    at_most,
    iterate,
    msg,
    number,
)
from ohsreg.assess._segments import check_total
from ohsreg.errors import OhsregError

__all__ = [
    "NOISE_CLAUSE",
    "NoiseAssessment",
    "allowed_hours",
    "impulse_noise",
    "noise_exposure",
    "noise_exposure_week",
]

NOISE_CLAUSE = "GBZ 2.2-2007 11.2.1"
IMPULSE_CLAUSE = "GBZ 2.2-2007 表10"
EDITION = "GBZ 2.2-2007"
DBA = "dB(A)"


@functools.cache
def _limits() -> tuple[float, tuple[tuple[int, float], ...]]:
    """GBZ 2.2-2007 from the reference catalogue (its one copy, read on first use): the L_EX,8h limit
    (11.2.1) and 表10, the impulse-noise peak limit by impulses per day (upper bound of n, dB)."""
    physical = importlib.import_module("ohsreg.catalogue").physical_limits
    lex = next(r.magnitude for r in physical if r.factor_zh == "噪声" and r.param("metric") == "LEX,8h")
    impulse = sorted(
        (int(n), float(r.magnitude or 0.0))
        for r in physical
        if r.factor_zh == "脉冲噪声" and (n := r.param("max_impulses_per_day")) is not None
    )
    return float(lex or 0.0), tuple(impulse)


@attrs.frozen(kw_only=True)
class NoiseAssessment(Assessment):
    """Result of the noise rules: the task levels and durations (or daily levels) used."""

    levels: tuple[float, ...] = ()
    durations_h: tuple[float, ...] = ()


def _limit(kind: str, value: Any, source: str) -> AppliedLimit:
    if value is None:
        return AppliedLimit(kind=kind, value=_limits()[0], unit=DBA, source=source, edition=EDITION)
    if isinstance(value, AppliedLimit):
        return value
    return AppliedLimit(kind=kind, value=_level(value, "limit"), unit=DBA)


def _level(value: Any, field: str) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        x = _finite_or_inf(value)
    else:
        from ohsreg.units import parse_sound_level

        try:
            x = parse_sound_level(value, field=field).value
        except OhsregError:
            raise
        except Exception as exc:  # pragma: no cover - defensive
            raise AssessmentError(
                "{where}: expected a sound level, got {value!r}", field=field, value=value
            ) from exc
    if not math.isfinite(x) or not (-50.0 < x < 250.0):
        raise AssessmentError(
            "{where} must be a plausible sound level in dB, got {value!r}", field=field, value=value
        )
    return x


def noise_exposure(tasks: Iterable[Any], *, limit: Any = None, shift_hours: float = 24.0) -> NoiseAssessment:
    """L_EX,8h of a working day from ``(L_Aeq,T dB(A), hours)`` tasks, judged against 85 dB(A).

    GBZ 2.2-2007 11.2.1 (:data:`NOISE_CLAUSE`); L_EX,8h by :func:`ohsreg.units.lex_8h`. The result's
    ``value`` is L_EX,8h in dB(A); a level exactly at the limit complies.

    The rest of the day is taken as quiet. Durations may not sum past ``shift_hours`` (default: the
    24 h day). ``limit`` overrides 85 dB(A) (a number or an :class:`AppliedLimit`).
    """
    from ohsreg.units import lex_8h

    levels: list[float] = []
    hours: list[float] = []
    for i, item in enumerate(iterate(tasks, "tasks")):
        try:
            lv, h = item
        except (TypeError, ValueError) as exc:
            raise AssessmentError(
                "task {index} must be (level, hours)", field=f"tasks[{i}]", index=i
            ) from exc
        levels.append(_level(lv, f"tasks[{i}].level"))
        hours.append(number(h, "h", f"tasks[{i}].hours"))
    if not levels:
        raise AssessmentError("no tasks given", rule="assess.empty", field="tasks")
    total = sum(hours)
    cap = number(shift_hours, "h", "shift_hours", allow_zero=False)
    check_total(total, cap, "h", "working day")
    if total == 0:
        raise AssessmentError("no tasks given", rule="assess.empty", field="tasks")
    value = lex_8h(levels, hours)
    applied = _limit("L_EX,8h", limit, f"{EDITION} 11.2.1")
    return NoiseAssessment(
        quantity="L_EX,8h",
        value=value,
        unit=DBA,
        limit=applied,
        verdict=at_most(value, applied),
        clause=NOISE_CLAUSE,
        levels=tuple(levels),
        durations_h=tuple(hours),
    )


def noise_exposure_week(daily_lex: Iterable[Any], *, limit: Any = None) -> NoiseAssessment:
    """L_EX,W of a week that is not 5 × 8 h, from each working day's L_EX,8h, against 85 dB(A).

    GBZ 2.2-2007 11.2.1 (:data:`NOISE_CLAUSE`); L_EX,W by :func:`ohsreg.units.lex_w` (5-day reference).

    Accepts numbers or daily :class:`NoiseAssessment` results.
    """
    from ohsreg.units import lex_w

    levels = tuple(
        _level(d.value if isinstance(d, Assessment) else d, f"daily_lex[{i}]")
        for i, d in enumerate(iterate(daily_lex, "daily_lex"))
    )
    if not levels:
        raise AssessmentError("no daily levels given", rule="assess.empty", field="daily_lex")
    if len(levels) > 7:
        raise AssessmentError(
            "a week has at most 7 working days, got {n}",
            rule="assess.duration",
            field="daily_lex",
            n=len(levels),
        )
    value = lex_w(levels)
    applied = _limit("L_EX,W", limit, f"{EDITION} 11.2.1")
    return NoiseAssessment(
        quantity="L_EX,W",
        value=value,
        unit=DBA,
        limit=applied,
        verdict=at_most(value, applied),
        clause=NOISE_CLAUSE,
        reasons=(msg("{n} working days", n=len(levels)),),
        levels=levels,
    )


def impulse_noise(peak_db: Any, *, impulses_per_day: int) -> NoiseAssessment:
    """Judge a peak sound pressure level (dB, peak) against the impulse-noise limit of 表10.

    More than 10 000 impulses a day is outside the table: ``NOT_APPLICABLE`` (assess it as noise).
    """
    peak = _level(peak_db, "peak_db")
    if isinstance(impulses_per_day, bool) or not isinstance(impulses_per_day, int) or impulses_per_day < 0:
        raise AssessmentError(
            "{where} must be a non-negative whole number, got {value!r}",
            field="impulses_per_day",
            value=impulses_per_day,
        )
    for upper, lim in _limits()[1]:
        if impulses_per_day <= upper:
            applied = AppliedLimit(
                kind="L_peak", value=lim, unit="dB", source=f"{IMPULSE_CLAUSE} (n ≤ {upper})", edition=EDITION
            )
            return NoiseAssessment(
                quantity="L_peak",
                value=peak,
                unit="dB",
                limit=applied,
                verdict=at_most(peak, applied),
                clause=IMPULSE_CLAUSE,
                reasons=(msg("{n} impulses a day", n=impulses_per_day),),
                levels=(peak,),
            )
    return NoiseAssessment(
        quantity="L_peak",
        value=peak,
        unit="dB",
        limit=None,
        verdict=Verdict.NOT_APPLICABLE,
        clause=IMPULSE_CLAUSE,
        reasons=(msg("表10 covers at most 10000 impulses a day"),),
        levels=(peak,),
    )


_FROM_DATA: Any = type("GBZ22Limit", (), {"__repr__": lambda self: "the L_EX,8h limit of GBZ 2.2-2007"})()


def allowed_hours(level: Any, *, limit: float = _FROM_DATA) -> float:
    """Hours a day at ``level`` dB(A) that reach the 85 dB(A) L_EX,8h: ``8 × 10^((85 − L)/10)``
    (``limit``: another L_EX,8h limit; by default that of GBZ 2.2-2007 11.2.1).

    The 3-dB equal-energy rule (GBZ/T 189.8-2007 appendix B; the same rule as
    :func:`ohsreg.units.scale_time`). Not capped at 8 h or 24 h: compare with the real working day.
    """
    lv = _level(level, "level")
    lim = _limits()[0] if limit is _FROM_DATA else _level(limit, "limit")
    hours: float = 8.0 * 10.0 ** ((lim - lv) / 10.0)
    return hours
