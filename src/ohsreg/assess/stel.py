"""C_STE: the 15-minute short-term exposure against PC-STEL (GBZ 2.1-2019).

``C_STE = Σ Cᵢ·tᵢ / 15`` with tᵢ in minutes inside one 15-min window: an exposure shorter than 15 min
is averaged over 15 min (the rest of the window counts as unexposed). Verified on secondary copies of
the definition ("接触时间短于15分钟时，以15分钟的时间加权平均浓度计算") and of the report formula
``C_STE = (C₁T₁ + … + CₙTₙ)/15``.

>>> r = stel([(12.0, 10)], limit=10.0)        # 12 mg/m³ for 10 min -> 8 mg/m³ over 15 min
>>> r.value, r.verdict.name
(8.0, 'COMPLIES')
>>> stel(11.0, limit=10.0).verdict.name       # a single 15-min sample
'EXCEEDS'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from ohsreg.assess._base import MG_M3, Assessment, Message, at_most, cited_in, msg, resolve_limit
from ohsreg.assess._segments import check_total, segments

__all__ = ["STEL_CLAUSE", "StelAssessment", "stel"]

STEL_CLAUSE = "GBZ 2.1-2019, PC-STEL (15 min)"
WINDOW_MIN = 15.0


@attrs.frozen(kw_only=True)
class StelAssessment(Assessment):
    """Result of :func:`stel`: the segments (concentration, minutes) inside the 15-min window."""

    segments: tuple[tuple[float, float], ...] = ()
    exposed_minutes: float = 0.0


def stel(
    segments_: Iterable[Any] | float | str,
    *,
    limit: Any = None,
    hazard: Any = None,
    edition: str | None = None,
    as_of: dt.date | None = None,
    condition: str | None = None,
    below_lod: str = "error",
) -> StelAssessment:
    """C_STE of one 15-min window judged against PC-STEL.

    ``segments_`` is a list of ``(concentration mg/m³, minutes)`` summing to at most 15 min, or one
    concentration (a full 15-min sample). A limit object without PC-STEL gives ``NOT_APPLICABLE``
    (for substances with PC-TWA only, the peak-exposure rule applies: :func:`ohsreg.assess.peak`).
    Without ``limit`` and ``hazard`` C_STE is computed and the verdict is ``NOT_APPLICABLE``, as
    :func:`~ohsreg.assess.stel_array` does.

    >>> r = stel([(12.0, 10)])
    >>> r.value, r.verdict.name
    (8.0, 'NOT_APPLICABLE')
    """
    if isinstance(segments_, int | float | str) or hasattr(segments_, "m_as"):
        segments_ = [(segments_, WINDOW_MIN)]
    segs = segments(segments_, value_unit=MG_M3, time_unit="min", below_lod=below_lod)
    exposed = sum(t for _, t in segs)
    check_total(exposed, WINDOW_MIN, "min", "15-min window")
    value = sum(c * t for c, t in segs) / WINDOW_MIN
    applied = resolve_limit(
        limit,
        "PC-STEL",
        "pc_stel",
        MG_M3,
        hazard=hazard,
        edition=edition,
        as_of=as_of,
        condition=condition,
        required=False,
    )
    reasons: tuple[Message, ...] = ()
    if applied is None and limit is None and hazard is None:
        reasons = (msg("no PC-STEL given: C_STE computed, not judged (pass limit= or hazard=)"),)
    elif applied is None:
        reasons = (msg("the substance has no PC-STEL; check peak exposures instead"),)
    return StelAssessment(
        quantity="C_STE",
        value=value,
        unit=MG_M3,
        limit=applied,
        verdict=at_most(value, applied),
        clause=cited_in(STEL_CLAUSE, None if applied is None else applied.edition),
        verified=applied is None or applied.verified,
        reasons=reasons,
        segments=segs,
        exposed_minutes=exposed,
    )
