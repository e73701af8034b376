"""Heat: WBGT index, time-weighted WBGT, work-intensity class and the WBGT limit (GBZ 2.2-2007).

* WBGT without solar load (indoors, or outdoors in shade): ``0.7 t_nw + 0.3 t_g``; with solar load
  (outdoors): ``0.7 t_nw + 0.2 t_g + 0.1 t_a`` — GBZ/T 189.7-2007 / GBZ/T 229.3-2010 appendix A
  (verified on copies of the formula, e.g. GB/T 17244-1998 eq. 1–2).
* Time-weighted WBGT ``Σ WBGTᵢ·tᵢ / Σ tᵢ`` over the exposure periods (GBZ/T 189.7-2007).
* 体力劳动强度 class from the work-intensity index n: Ⅰ ≤ 15, Ⅱ 15–20, Ⅲ 20–25, Ⅳ > 25 (GBZ 2.2-2007
  表13; verified).
* WBGT limit (℃) by 接触时间率 (exposure time / 8 h) and class (GBZ 2.2-2007 10.2.1 表8, verified):
  100 %: 30/28/26/25; 75 %: 31/29/28/26; 50 %: 32/30/29/28; 25 %: 33/32/31/30; +1 ℃ where the local
  outdoor ventilation design temperature is ≥ 30 ℃ (10.2.2). A ratio between two rows uses the
  next higher row (the stricter limit). That is an interpretation, not text of the standard: such
  results say so and are marked ``verified=False``.

>>> round(wbgt(25.0, 40.0), 2), round(wbgt(25.0, 40.0, 32.0), 2)
(29.5, 28.7)
>>> work_intensity(18).name
'II'
>>> r = heat(29.0, exposure_hours=6, intensity="II")
>>> r.limit.value, r.verdict.name
(29.0, 'COMPLIES')
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable
from typing import Any

import attrs

from ohsreg.assess._base import AppliedLimit, Assessment, AssessmentError, Verdict, at_most, msg, number
from ohsreg.assess._segments import check_total, segments
from ohsreg.vocab import WorkIntensity

__all__ = [
    "HEAT_CLAUSE",
    "HeatAssessment",
    "exposure_time_ratio",
    "heat",
    "wbgt",
    "wbgt_limit",
    "wbgt_twa",
    "work_intensity",
]

HEAT_CLAUSE = "GBZ 2.2-2007 10.2.1 表8, 10.2.2"
EDITION = "GBZ 2.2-2007"
DEG_C = "℃"


_ROWS = (0.25, 0.50, 0.75, 1.00)
"""The exposure-time-ratio rows of GBZ 2.2-2007 表8 (a ratio up to a row's value is judged by that row)."""
_ORDER = (WorkIntensity.I, WorkIntensity.II, WorkIntensity.III, WorkIntensity.IV)


@functools.cache
def _wbgt_table() -> tuple[tuple[float, float, float, float], ...]:
    """GBZ 2.2-2007 表8 (℃) from the reference catalogue: one row per :data:`_ROWS` ratio, columns Ⅰ–Ⅳ.

    The one copy of the table is the catalogue's data file (``gbz22_2007_physical.json``); it is read on
    first use (assess does not import the catalogue at import time).
    """
    physical = importlib.import_module("ohsreg.catalogue").physical_limits
    cells = {
        (r.param("exposure_time_ratio"), r.param("work_intensity")): r.magnitude
        for r in physical
        if r.factor_zh == "高温" and r.param("work_intensity") is not None
    }
    rows = []
    for ratio in _ROWS:
        a, b, c, d = (float(cells[(ratio, w.code)]) for w in _ORDER)
        rows.append((a, b, c, d))
    return tuple(rows)


def wbgt(t_nw: float, t_g: float, t_a: float | None = None) -> float:
    """WBGT (℃) from natural wet-bulb ``t_nw`` and globe ``t_g``; pass dry-bulb ``t_a`` for solar load.

    ``0.7 t_nw + 0.3 t_g``, or with solar load ``0.7 t_nw + 0.2 t_g + 0.1 t_a`` (GBZ/T 189.7-2007).
    """
    nw = _temp(t_nw, "t_nw")
    g = _temp(t_g, "t_g")
    if t_a is None:
        return 0.7 * nw + 0.3 * g
    return 0.7 * nw + 0.2 * g + 0.1 * _temp(t_a, "t_a")


def _temp(x: Any, field: str) -> float:
    import math

    from ohsreg.assess._base import _finite_or_inf

    v = _finite_or_inf(x) if isinstance(x, int | float) and not isinstance(x, bool) else math.nan
    if isinstance(x, str) or hasattr(x, "m_as"):
        from ohsreg.assess._base import _to_float

        v = _to_float(x, "degC", field)
    if not math.isfinite(v) or not (-50.0 <= v <= 150.0):
        raise AssessmentError(
            "{where} must be a plausible temperature in ℃, got {value!r}",
            rule="assess.value",
            field=field,
            value=x,
        )
    return v


def wbgt_twa(periods: Iterable[Any]) -> float:
    """Time-weighted WBGT ``Σ WBGTᵢ·tᵢ / Σ tᵢ`` of ``(WBGT ℃, duration h)`` periods (GBZ/T 189.7-2007)."""
    segs = segments(periods, value_unit="degC", time_unit="h", value_field="wbgt")
    for i, (w, _) in enumerate(segs):
        _temp(w, f"periods[{i}].wbgt")
    total = sum(t for _, t in segs)
    if total <= 0:
        raise AssessmentError("the periods have no duration", rule="assess.empty", field="periods")
    return sum(w * t for w, t in segs) / total


def work_intensity(index: float) -> WorkIntensity:
    """体力劳动强度 class from the work-intensity index n (GBZ 2.2-2007 表13)."""
    n = number(index, "1", "index")
    if n <= 15:
        return WorkIntensity.I
    if n <= 20:
        return WorkIntensity.II
    if n <= 25:
        return WorkIntensity.III
    return WorkIntensity.IV


def exposure_time_ratio(exposure_hours: float, reference_hours: float = 8.0) -> float:
    """接触时间率: exposure time over 8 h (GBZ 2.2-2007 10.2.1, the rows of 表8); raises past 8 h."""
    h = number(exposure_hours, "h", "exposure_hours")
    check_total(h, reference_hours, "h", "8 h reference day")
    return h / reference_hours


def _intensity(value: Any) -> WorkIntensity:
    if isinstance(value, WorkIntensity):
        return value
    try:
        parsed: WorkIntensity = WorkIntensity.parse(value)
    except Exception:
        raise AssessmentError(
            "unknown work-intensity class {value!r}",
            field="intensity",
            hint="use I, II, III or IV",
            value=value,
        ) from None
    return parsed


def wbgt_limit(ratio: float, intensity: Any, *, hot_region: bool = False) -> AppliedLimit:
    """WBGT limit (℃) for an exposure-time ratio (0–1] and a work-intensity class (GBZ 2.2-2007 表8)."""
    r = number(ratio, "1", "ratio", allow_zero=False)
    if r > 1 + 1e-9:
        raise AssessmentError(
            "{where} must be at most 1 (100 %), got {value}", rule="assess.value", field="ratio", value=r
        )
    row = next(x for x in _ROWS if r <= x + 1e-9)
    col = _ORDER.index(_intensity(intensity))
    if not isinstance(hot_region, bool):
        raise AssessmentError(
            "{where} must be a bool or a boolean array, got {value!r}",
            rule="assess.value",
            field="hot_region",
            value=hot_region,
        )
    value = _wbgt_table()[_ROWS.index(row)][col] + (1.0 if hot_region else 0.0)
    cls = _ORDER[col].value
    return AppliedLimit(
        kind="WBGT",
        value=value,
        unit=DEG_C,
        source=f"GBZ 2.2-2007 表8 ({row:.0%}, {cls}){' +1 ℃' if hot_region else ''}",
        edition=EDITION,
    )


@attrs.frozen(kw_only=True)
class HeatAssessment(Assessment):
    """Result of :func:`heat`: exposure-time ratio, class and regional adjustment."""

    exposure_time_ratio: float = 1.0
    intensity: WorkIntensity = WorkIntensity.I
    hot_region: bool = False


def heat(
    wbgt_value: float | Iterable[Any],
    *,
    exposure_hours: float,
    intensity: Any,
    hot_region: bool = False,
) -> HeatAssessment:
    """Judge a (time-weighted) WBGT against the GBZ 2.2-2007 limit.

    Args:
        wbgt_value: the WBGT in ℃, or ``(WBGT, hours)`` periods to time-weight.
        exposure_hours: cumulative heat-exposure time in the working day (h, ≤ 8).
        intensity: 体力劳动强度 class (``"II"``, ``WorkIntensity.II``, a vocab member) — see
            :func:`work_intensity` to derive it from the index.
        hot_region: local outdoor ventilation design temperature ≥ 30 ℃ (+1 ℃).
    """
    if isinstance(wbgt_value, int | float | str) or hasattr(wbgt_value, "m_as"):
        value = _temp(wbgt_value, "wbgt")
    else:
        value = wbgt_twa(wbgt_value)
    ratio = exposure_time_ratio(exposure_hours)
    cls = _intensity(intensity)
    if ratio == 0:
        return HeatAssessment(
            quantity="WBGT",
            value=value,
            unit=DEG_C,
            limit=None,
            verdict=Verdict.NOT_APPLICABLE,
            clause=HEAT_CLAUSE,
            reasons=(msg("no heat exposure time"),),
            exposure_time_ratio=0.0,
            intensity=cls,
            hot_region=hot_region,
        )
    applied = wbgt_limit(ratio, cls, hot_region=hot_region)
    tabulated = any(abs(ratio - row) < 1e-9 for row in _ROWS)
    return HeatAssessment(
        quantity="WBGT",
        value=value,
        unit=DEG_C,
        limit=applied,
        verdict=at_most(value, applied),
        clause=HEAT_CLAUSE,
        verified=tabulated,
        reasons=(
            msg("exposure-time ratio {pct} %", pct=f"{ratio * 100:.3g}")
            if tabulated
            else msg(
                "exposure-time ratio {pct} %, limit row rounded up to the next tabulated ratio",
                pct=f"{ratio * 100:.3g}",
            ),
        ),
        exposure_time_ratio=ratio,
        intensity=cls,
        hot_region=hot_region,
    )
