"""Heat: WBGT index, time-weighted WBGT, work-intensity class and the WBGT limit (GBZ 2.2-2007).

* WBGT without solar load (indoors, or outdoors in shade): ``0.7 t_nw + 0.3 t_g``; with solar load
  (outdoors): ``0.7 t_nw + 0.2 t_g + 0.1 t_a`` — GBZ/T 189.7-2007 / GBZ/T 229.3-2010 appendix A
  (verified on copies of the formula, e.g. GB/T 17244-1998 eq. 1–2).
* Time-weighted WBGT ``Σ WBGTᵢ·tᵢ / Σ tᵢ`` over the exposure periods (GBZ/T 189.7-2007).
* 体力劳动强度 class from the work-intensity index n: Ⅰ ≤ 15, Ⅱ 15–20, Ⅲ 20–25, Ⅳ > 25 (GBZ 2.2-2007
  表13; verified).
* The index itself, ``I = 10 · T · M · S · W`` (:func:`work_intensity_index`): T the 劳动时间率 (net
  working time over the working day, 0–1), M the 8 h working-day energy metabolic rate in
  kJ/(min·m²), S the sex coefficient (men 1.0, women 1.3), W the work-mode coefficient (搬 lifting
  1.00, 扛 shouldering 0.40, 推/拉 pushing or pulling 0.05), 10 a constant. **Unverified**: the formula
  and both coefficient sets come from one secondary source (a worked exam question citing the
  classification of 体力劳动强度, njjfjj.cn, which computes 10 × 0.5 × 3 × 1.3 × 1 = 19.5 → Ⅱ); a
  second page (renrendoc, GB 3869-1997 description) confirms that the 1997 method added the sex and
  work-mode coefficients to the older ``3T + 7M`` index but gives no values; the table of GBZ 2.2-2007
  holding them was not seen, so the results are ``verified=False`` and cite no table number.
* WBGT limit (℃) by 接触时间率 (exposure time / 8 h) and class (GBZ 2.2-2007 10.2.1 表8, verified):
  100 %: 30/28/26/25; 75 %: 31/29/28/26; 50 %: 32/30/29/28; 25 %: 33/32/31/30; +1 ℃ where the local
  outdoor ventilation design temperature is ≥ 30 ℃ (10.2.2). A ratio between two rows uses the
  next higher row (the stricter limit). That is an interpretation, not text of the standard: such
  results say so and are marked ``verified=False``.
* The inverse, :func:`max_exposure_time_ratio`: the largest tabulated 接触时间率 of 表8 whose limit a
  given WBGT meets (``None`` when even 25 % is exceeded); since a ratio between rows is judged by the
  next higher row, no untabulated ratio can comply where its next tabulated row does not.

>>> round(wbgt(25.0, 40.0), 2), round(wbgt(25.0, 40.0, 32.0), 2)
(29.5, 28.7)
>>> work_intensity(18).name
'II'
>>> i = work_intensity_index(0.5, 3.0, sex="female", work="lift")
>>> round(i.value, 2), i.intensity.name, i.verified
(19.5, 'II', False)
>>> max_exposure_time_ratio(29.5, "II")
0.5
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

from ohsreg.assess._base import (
    AppliedLimit,
    Assessment,
    AssessmentError,
    Verdict,
    at_most,
    check_fraction,
    finite,
    msg,
    number,
)
from ohsreg.assess._segments import check_total, segments
from ohsreg.vocab import WorkIntensity

__all__ = [
    "HEAT_CLAUSE",
    "INTENSITY_INDEX_CLAUSE",
    "HeatAssessment",
    "WorkIntensityIndex",
    "exposure_time_ratio",
    "heat",
    "max_exposure_time_ratio",
    "wbgt",
    "wbgt_limit",
    "wbgt_twa",
    "work_intensity",
    "work_intensity_index",
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
    return finite(sum(w * t for w, t in segs) / total, "periods")


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


INTENSITY_INDEX_CLAUSE = (
    "GBZ 2.2-2007 体力劳动强度分级 (I = 10·T·M·S·W; table number and coefficients unverified)"
)
"""The clause cited by :func:`work_intensity_index` (its table number in GBZ 2.2-2007 was not seen)."""
SEX_COEFFICIENTS = {"male": 1.0, "female": 1.3}
"""S of the intensity index: men 1.0, women 1.3 (unverified, one secondary source; see the module)."""
WORK_COEFFICIENTS = {"lift": 1.00, "shoulder": 0.40, "push_pull": 0.05}
"""W of the intensity index: 搬 lifting 1.00, 扛 shouldering 0.40, 推/拉 pushing or pulling 0.05
(unverified, one secondary source; see the module)."""
METABOLIC_UNIT = "kJ/(min*m**2)"
"""The unit of M, the energy metabolic rate (kJ/(min·m²)); a plain number is taken in it."""
_WORK_ALIASES = {"搬": "lift", "扛": "shoulder", "推": "push_pull", "拉": "push_pull", "推/拉": "push_pull"}
_SEX_ALIASES = {"男": "male", "女": "female", "m": "male", "f": "female"}


@attrs.frozen(kw_only=True)
class WorkIntensityIndex:
    """The 体力劳动强度 index I = 10·T·M·S·W, its class and what went in (:func:`work_intensity_index`)."""

    value: float
    intensity: WorkIntensity
    time_ratio: float
    metabolic_rate: float
    sex_coefficient: float
    work_coefficient: float
    clause: str = INTENSITY_INDEX_CLAUSE
    verified: bool = False


def _coefficient(value: Any, table: dict[str, float], aliases: dict[str, str], field: str) -> float:
    key = value if not isinstance(value, str) else aliases.get(value.strip().lower(), value.strip().lower())
    if isinstance(key, str) and key in table:
        return table[key]
    raise AssessmentError(
        "unknown {where} {value!r}",
        rule="assess.value",
        field=field,
        hint="use one of {known}",
        value=value,
        known=", ".join(table),
    )


def work_intensity_index(
    time_ratio: float, metabolic_rate: float, *, sex: str = "male", work: str = "lift"
) -> WorkIntensityIndex:
    """体力劳动强度 index ``I = 10 · T · M · S · W`` and its class (see the module; **unverified**).

    Args:
        time_ratio: T, 劳动时间率: net working time over the working day (0–1; a value above 1 is
            refused, percentages too).
        metabolic_rate: M, the 8 h working-day energy metabolic rate in kJ/(min·m²) (a number, or a
            quantity such as ``"3 kJ/(min·m²)"``).
        sex: ``"male"`` (S = 1.0) or ``"female"`` (1.3); ``男``/``女`` accepted.
        work: ``"lift"`` 搬 (W = 1.00), ``"shoulder"`` 扛 (0.40) or ``"push_pull"`` 推/拉 (0.05).
    """
    t = check_fraction(number(time_ratio, "1", "time_ratio"), "time_ratio")
    m = number(metabolic_rate, METABOLIC_UNIT, "metabolic_rate")
    s = _coefficient(sex, SEX_COEFFICIENTS, _SEX_ALIASES, "sex")
    w = _coefficient(work, WORK_COEFFICIENTS, _WORK_ALIASES, "work")
    index = 10.0 * t * m * s * w
    return WorkIntensityIndex(
        value=index,
        intensity=work_intensity(index),
        time_ratio=t,
        metabolic_rate=m,
        sex_coefficient=s,
        work_coefficient=w,
    )


def max_exposure_time_ratio(wbgt_value: Any, intensity: Any, *, hot_region: bool = False) -> float | None:
    """The largest 接触时间率 (0.25, 0.5, 0.75 or 1.0) at which ``wbgt_value`` meets the limit of 表8.

    The inverse of :func:`wbgt_limit` (GBZ 2.2-2007 10.2.1 表8, 10.2.2): ``None`` when the WBGT exceeds
    even the 25 % row. Multiply by 8 h for the longest daily heat exposure.
    """
    value = _temp(wbgt_value, "wbgt")
    for row in reversed(_ROWS):
        if value <= wbgt_limit(row, intensity, hot_region=hot_region).value:
            return row
    return None


def exposure_time_ratio(exposure_hours: float, reference_hours: float = 8.0) -> float:
    """接触时间率: exposure time over 8 h (GBZ 2.2-2007 10.2.1, the rows of 表8); raises past 8 h."""
    h = number(exposure_hours, "h", "exposure_hours")
    reference = number(reference_hours, "h", "reference_hours", allow_zero=False)
    check_total(h, reference, "h", "8 h reference day")
    return h / reference


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
