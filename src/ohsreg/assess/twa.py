"""C_TWA: the 8-hour time-weighted average concentration against PC-TWA (GBZ 2.1-2019).

``C_TWA = Σ Cᵢ·Tᵢ / 8`` with Tᵢ in hours; time not covered by a segment counts as unexposed (C = 0).
The 8 h reference day is GBZ 2.1-2019's definition of PC-TWA ("以时间为权数规定的8 h工作日、
40 h工作周的平均容许接触浓度", verified on a copy of the definition) and the formula is the one of the
GBZ 159 / report practice (secondary copies of "C_TWA = (C₁T₁+C₂T₂+…+CₙTₙ)/8"). A working day longer
than 8 h is still divided by 8; its limit may be reduced with the long-shift reduction factor
(:mod:`ohsreg.assess.long_shift`, ``adjust_long_shift=True``), which is *not* verified.

>>> r = twa([(4.5, 3), (1.2, 5)], limit=6.0)
>>> round(r.value, 4), r.verdict.name
(2.4375, 'COMPLIES')
>>> r.explain("en")
'C_TWA = 2.438 mg/m³, PC-TWA 6 mg/m³ (explicit limit): complies [GBZ 2.1-2019, PC-TWA (8 h working day)]'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from ohsreg.assess._base import MG_M3, Assessment, Message, at_most, cited_in, msg, number, resolve_limit
from ohsreg.assess._segments import check_total, segments

__all__ = ["TWA_CLAUSE", "TWA_RF_CLAUSE", "TwaAssessment", "twa"]

TWA_CLAUSE = "GBZ 2.1-2019, PC-TWA (8 h working day)"
TWA_RF_CLAUSE = f"{TWA_CLAUSE}; A.7.3 (reduction factor)"
"""The clause of a C_TWA judged against PC-TWA × RF (long-shift adjustment; RF unverified)."""
REFERENCE_HOURS = 8.0
WEEK_HOURS = 40.0
"""The working week beyond which the long-shift adjustment applies (GBZ 2.1-2019 A.7.3: 40 h)."""


@attrs.frozen(kw_only=True)
class TwaAssessment(Assessment):
    """Result of :func:`twa`: the segments used, exposed hours and the working-day length."""

    segments: tuple[tuple[float, float], ...] = ()
    exposed_hours: float = 0.0
    shift_hours: float = REFERENCE_HOURS
    reduction_factor: float | None = None


def twa(
    segments_: Iterable[Any],
    *,
    limit: Any = None,
    hazard: Any = None,
    edition: str | None = None,
    as_of: dt.date | None = None,
    condition: str | None = None,
    shift_hours: float = REFERENCE_HOURS,
    adjust_long_shift: bool = False,
    hours_per_week: float | None = None,
    below_lod: str = "error",
) -> TwaAssessment:
    """C_TWA of timed segments ``(concentration mg/m³, duration h)`` judged against PC-TWA.

    Args:
        segments_: pairs of concentration (number in mg/m³, quantity, or :class:`NonDetect`) and
            duration (hours, or a quantity such as ``"30 min"``).
        limit: PC-TWA as a number in mg/m³, an :class:`AppliedLimit`, or a catalogue limit object.
        hazard: look the limit up in the catalogue instead (lazy import): a name, alias, CAS,
            :class:`~ohsreg.catalogue.HazardFactor` or a looked-up ``LimitSet``.
        edition: with ``hazard``, the limit edition to use (e.g. ``"GBZ 2.1-2019"``).
        as_of: with ``hazard``, pick the edition and amendments in force that day (benzene: 6 mg/m³
            before amendment No. 1, 3 mg/m³ after).
        condition: the sub-condition of an entry with several rows (CO: ``"非高原"``, ``">3000"``).
        shift_hours: the real length of the working day; durations may not sum past it.
        adjust_long_shift: for a day longer than 8 h (or a week longer than 40 h), multiply PC-TWA by
            the smaller of the daily and weekly reduction factors (GBZ 2.1-2019 A.7.3; Brief & Scala
            form, unverified — the result is marked unverified).
        hours_per_week: working hours in the week, for the weekly factor.
        below_lod: how to use non-detects: ``"error"`` (default), ``"zero"``, ``"half"``, ``"limit"``.

    Verdict: C_TWA ≤ PC-TWA complies (a value exactly at the limit complies); a limit object without
    PC-TWA gives ``NOT_APPLICABLE`` (the value is still computed).
    """
    segs = segments(segments_, value_unit=MG_M3, time_unit="h", below_lod=below_lod)
    shift = number(shift_hours, "h", "shift_hours", allow_zero=False)
    exposed = sum(t for _, t in segs)
    check_total(exposed, shift, "h", "working day")
    value = sum(c * t for c, t in segs) / REFERENCE_HOURS
    applied = resolve_limit(
        limit, "PC-TWA", "pc_twa", MG_M3, hazard=hazard, edition=edition, as_of=as_of, condition=condition
    )
    reasons: list[Message] = []
    verified = True
    rf: float | None = None
    week = None if hours_per_week is None else number(hours_per_week, "h", "hours_per_week", allow_zero=False)
    long_hours = shift > REFERENCE_HOURS or (week is not None and week > WEEK_HOURS)
    if applied is not None and long_hours:
        if adjust_long_shift:
            from ohsreg.assess.long_shift import reduction_factor

            adj = reduction_factor(hours_per_day=shift, hours_per_week=week)
            rf = adj.value
            assert rf is not None
            applied = attrs.evolve(applied, kind="PC-TWA × RF", value=applied.value * rf, verified=False)
            verified = False
            reasons.append(msg("limit reduced by the long-shift factor RF = {rf}", rf=f"{rf:.3f}"))
        else:
            reasons.append(
                msg(
                    "working day of {hours} h is longer than 8 h: consider adjust_long_shift=True",
                    hours=f"{shift:g}",
                )
                if shift > REFERENCE_HOURS
                else msg("working week longer than 40 h: consider adjust_long_shift=True")
            )
    verdict = at_most(value, applied)
    if applied is None:
        reasons.append(msg("the substance has no PC-TWA"))
    return TwaAssessment(
        quantity="C_TWA",
        value=value,
        unit=MG_M3,
        limit=applied,
        verdict=verdict,
        clause=cited_in(
            TWA_CLAUSE if rf is None else TWA_RF_CLAUSE, None if applied is None else applied.edition
        ),
        verified=verified and (applied is None or applied.verified),
        reasons=tuple(reasons),
        segments=segs,
        exposed_hours=exposed,
        shift_hours=shift,
        reduction_factor=rf,
    )
