"""Vectorized forms over numpy arrays: one call for a million shifts, same answers as the scalar rules.

numpy is imported when a function here is first called, not when :mod:`ohsreg.assess` is imported.
Each function returns an :class:`ArrayAssessment`: the values, one verdict code per row
(:data:`VERDICT_CODES` maps codes to :class:`~ohsreg.vocab.Verdict`), the limit and the clause.

Missing measurements (NaN) make that row ``INSUFFICIENT_DATA`` with a NaN value (columnar data marks
missing values with NaN); invalid values — negatives, durations past the working day — raise
:class:`~ohsreg.errors.OhsregError` naming the first offending row.

>>> import numpy as np
>>> r = twa_array(np.array([[4.5, 1.2], [8.0, 0.0]]), np.array([[3.0, 5.0], [8.0, 0.0]]), limit=6.0)
>>> r.values.tolist(), [v.name for v in r.verdicts()]
([2.4375, 8.0], ['COMPLIES', 'EXCEEDS'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from ohsreg.assess._base import MG_M3, AppliedLimit, AssessmentError, Verdict, number, resolve_limit
from ohsreg.assess._segments import _PAST
from ohsreg.assess.heat import _ORDER as _HEAT_ORDER
from ohsreg.assess.heat import EDITION as HEAT_EDITION
from ohsreg.assess.heat import HEAT_CLAUSE, _intensity, _wbgt_table
from ohsreg.assess.noise import _limits as _noise_limits
from ohsreg.assess.stel import STEL_CLAUSE
from ohsreg.assess.twa import TWA_CLAUSE

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["VERDICT_CODES", "ArrayAssessment", "lex_8h_array", "stel_array", "twa_array", "wbgt_array"]

#: verdict code -> Verdict, for :attr:`ArrayAssessment.codes`
VERDICT_CODES: tuple[Verdict, ...] = (
    Verdict.COMPLIES,
    Verdict.EXCEEDS,
    Verdict.NOT_APPLICABLE,
    Verdict.INSUFFICIENT_DATA,
)
_INSUFFICIENT = 3
_LN10_10 = 0.23025850929940458  # ln(10) / 10


@attrs.frozen(kw_only=True, eq=False)
class ArrayAssessment:
    """Row-wise results: ``values`` (float64), ``codes`` (int8 verdict codes), the limit and the clause."""

    quantity: str
    unit: str
    values: npt.NDArray[np.float64]
    codes: npt.NDArray[np.int8]
    limit: AppliedLimit | None
    clause: str
    verified: bool = True

    def __len__(self) -> int:
        return int(self.values.shape[0])

    def verdicts(self) -> list[Verdict]:
        """The verdict of each row."""
        return [VERDICT_CODES[c] for c in self.codes.tolist()]

    @property
    def exceeds(self) -> npt.NDArray[np.bool_]:
        """Boolean mask of rows that exceed the limit."""
        mask: npt.NDArray[np.bool_] = self.codes == 1
        return mask


def _np() -> Any:
    import numpy

    return numpy


def _floats(a: Any, field: str) -> Any:
    """``a`` as a float64 array; text, mappings and ragged or non-numeric input raise ``assess.value``."""
    np = _np()
    if isinstance(a, str | bytes | bytearray | dict):
        raise AssessmentError(
            "{where} must be numbers (an array or a list), got {value!r}",
            rule="assess.value",
            field=field,
            value=a,
        )
    try:
        arr = np.asarray(a, dtype=np.float64)
    except (TypeError, ValueError, OverflowError) as exc:
        raise AssessmentError(
            "{where} must be numbers (an array or a list), got {value!r}",
            rule="assess.value",
            field=field,
            value=a,
        ) from exc
    if arr.dtype != np.float64:  # pragma: no cover - asarray with a dtype always gives that dtype
        arr = arr.astype(np.float64)
    return arr


def _broadcast(arr: Any, shape: tuple[int, ...], field: str) -> Any:
    """``arr`` broadcast to ``shape``, or ``assess.value`` naming ``field`` when the shapes do not fit."""
    np = _np()
    try:
        return np.broadcast_to(arr, shape)
    except ValueError as exc:
        raise AssessmentError(
            "{where} has shape {a}, which does not fit {b}",
            rule="assess.value",
            field=field,
            a=tuple(np.shape(arr)),
            b=shape,
        ) from exc


def _as2d(a: Any, field: str) -> Any:
    np = _np()
    arr = _floats(a, field)
    if arr.ndim == 1:
        arr = arr[np.newaxis, :]
    if arr.ndim != 2:
        raise AssessmentError(
            "{where} must be a 1-D or 2-D array, got {ndim} dimensions",
            rule="assess.value",
            field=field,
            ndim=arr.ndim,
        )
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise AssessmentError("no segments given", rule="assess.empty", field=field)
    return arr


def _first_bad(mask: Any) -> int:
    return int(_np().argmax(mask.any(axis=-1) if mask.ndim > 1 else mask))


def _check_nonneg(arr: Any, field: str) -> None:
    np = _np()
    lo, hi = arr.min(), arr.max()
    if np.isnan(lo) or np.isnan(hi):  # NaN rows become INSUFFICIENT_DATA; check the rest
        finite = arr[~np.isnan(arr)]
        lo, hi = (finite.min(), finite.max()) if finite.size else (0.0, 0.0)
    if lo < 0:
        raise AssessmentError(
            "{where} has a negative value in row {row}",
            rule="assess.value",
            field=field,
            row=_first_bad(arr < 0),
        )
    if np.isinf(hi):
        raise AssessmentError(
            "{where} has an infinite value in row {row}",
            rule="assess.value",
            field=field,
            row=_first_bad(np.isinf(arr)),
        )


def _weighted(values: Any, times: Any, cap: float, divisor: float, what: str, unit: str) -> Any:
    np = _np()
    if values.shape != times.shape:
        raise AssessmentError(
            "concentrations and durations differ in shape: {a} vs {b}",
            rule="assess.value",
            field="durations",
            a=values.shape,
            b=times.shape,
        )
    _check_nonneg(values, "concentrations")
    _check_nonneg(times, "durations")
    totals = times.sum(axis=1)
    over = totals > cap * (1 + 1e-9)
    if over.any():
        row = int(np.argmax(over))
        raise AssessmentError(
            _PAST[what],
            rule="assess.duration",
            field="durations",
            hint="row {row}",
            total=float(totals[row]),
            cap=cap,
            unit=unit,
            row=row,
        )
    return np.einsum("ij,ij->i", values, times) / divisor


def _codes(values: Any, limit: AppliedLimit | None) -> Any:
    np = _np()
    if limit is None:
        codes = np.full(values.shape, 2, dtype=np.int8)
    else:
        codes = (values > limit.value).view(np.int8).copy()
    nan = np.isnan(values)
    if nan.any():
        codes[nan] = _INSUFFICIENT
    return codes


def twa_array(
    concentrations: Any,
    hours: Any,
    *,
    limit: Any = None,
    shift_hours: float = 8.0,
) -> ArrayAssessment:
    """C_TWA of each row of ``concentrations`` (mg/m³) × ``hours`` (h), same rule as :func:`~ohsreg.assess.twa`."""
    c = _as2d(concentrations, "concentrations")
    t = _as2d(hours, "hours")
    cap = number(shift_hours, "h", "shift_hours", allow_zero=False)
    values = _weighted(c, t, cap, 8.0, "working day", "h")
    return _judged(
        "C_TWA", values, resolve_limit(limit, "PC-TWA", "pc_twa", MG_M3, required=False), TWA_CLAUSE
    )


def stel_array(concentrations: Any, minutes: Any, *, limit: Any = None) -> ArrayAssessment:
    """C_STE of each row (15-min windows), same rule as :func:`~ohsreg.assess.stel`."""
    c = _as2d(concentrations, "concentrations")
    t = _as2d(minutes, "minutes")
    values = _weighted(c, t, 15.0, 15.0, "15-min window", "min")
    return _judged(
        "C_STE", values, resolve_limit(limit, "PC-STEL", "pc_stel", MG_M3, required=False), STEL_CLAUSE
    )


def _judged(quantity: str, values: Any, applied: AppliedLimit | None, clause: str) -> ArrayAssessment:
    """Concentrations in mg/m³ judged against one limit (``value ≤ limit`` complies, as the scalar rules)."""
    return ArrayAssessment(
        quantity=quantity,
        unit=MG_M3,
        values=values,
        codes=_codes(values, applied),
        limit=applied,
        clause=clause,
        verified=applied is None or applied.verified,
    )


def wbgt_array(wbgt: Any, exposure_hours: Any, intensity: Any, *, hot_region: Any = False) -> ArrayAssessment:
    """WBGT verdict per row (GBZ 2.2-2007 表8), same rule as :func:`~ohsreg.assess.heat`.

    ``intensity`` is one class for all rows or an array of codes 1–4 (Ⅰ–Ⅳ); ``hot_region`` a bool or a
    boolean array. ``values`` holds the WBGT; rows with zero exposure time are ``NOT_APPLICABLE``.
    """
    np = _np()
    w = _floats(wbgt, "wbgt").ravel()
    if w.size == 0:
        raise AssessmentError("no WBGT values given", rule="assess.empty", field="wbgt")
    h = _broadcast(_floats(exposure_hours, "exposure_hours"), w.shape, "exposure_hours")
    _check_nonneg(h, "exposure_hours")
    if (h > 8.0 * (1 + 1e-9)).any():
        raise AssessmentError(
            "{where} past the 8 h reference day in row {row}",
            rule="assess.duration",
            field="exposure_hours",
            row=_first_bad(h > 8.0 * (1 + 1e-9)),
        )
    if isinstance(intensity, str) or not hasattr(intensity, "__len__"):
        idx = np.full(w.shape, _HEAT_ORDER.index(_intensity(intensity)), dtype=np.intp)
    else:
        codes = _floats(intensity, "intensity")
        if codes.size == 0 or not np.isin(codes, (1.0, 2.0, 3.0, 4.0)).all():
            raise AssessmentError("intensity codes must be 1–4", rule="assess.value", field="intensity")
        idx = _broadcast(codes.astype(np.intp) - 1, w.shape, "intensity")
    ratio = h / 8.0
    row = np.clip(np.ceil(ratio * 4.0 - 1e-9).astype(np.intp) - 1, 0, 3)
    try:
        hot = np.asarray(hot_region)
    except ValueError:  # ragged nesting
        hot = np.asarray(None)
    if hot.dtype != np.bool_:
        raise AssessmentError(
            "{where} must be a bool or a boolean array, got {value!r}",
            rule="assess.value",
            field="hot_region",
            value=hot_region,
        )
    # GBZ 2.2-2007 表8: rows 25 %, 50 %, 75 %, 100 % exposure time × classes Ⅰ–Ⅳ (catalogue data)
    limits = np.asarray(_wbgt_table())[row, idx] + _broadcast(hot, w.shape, "hot_region").astype(np.float64)
    codes = (w > limits).view(np.int8).copy()
    codes[ratio == 0] = 2
    codes[np.isnan(w) | np.isnan(h)] = _INSUFFICIENT
    return ArrayAssessment(
        quantity="WBGT",
        unit="℃",
        values=w,
        codes=codes,
        limit=AppliedLimit(
            kind="WBGT",
            value=float("nan"),
            unit="℃",
            source="GBZ 2.2-2007 表8 (per row)",
            edition=HEAT_EDITION,
        ),
        clause=HEAT_CLAUSE,
        verified=bool(np.all((ratio * 4.0) == np.round(ratio * 4.0))),
    )


def lex_8h_array(
    levels: Any, hours: Any, *, limit: float | None = None, shift_hours: float = 24.0
) -> ArrayAssessment:
    """L_EX,8h of each row of task levels (dB(A)) × hours, judged against 85 dB(A) (GBZ 2.2-2007 11.2.1).

    The array form of :func:`ohsreg.units.lex_8h` (``10·lg(Σ tᵢ·10^(0.1·Lᵢ) / 8)``); levels must be
    below 250 dB so no term overflows. Same answers as
    :func:`~ohsreg.assess.noise_exposure`. A row whose durations are all zero is ``INSUFFICIENT_DATA``.
    """
    shift_hours = number(shift_hours, "h", "shift_hours", allow_zero=False)
    limit = None if limit is None else number(limit, "dB(A)", "limit")
    np = _np()
    lv = _as2d(levels, "levels")
    t = _as2d(hours, "hours")
    if lv.shape != t.shape:
        raise AssessmentError(
            "concentrations and durations differ in shape: {a} vs {b}", field="hours", a=lv.shape, b=t.shape
        )
    _check_nonneg(t, "hours")
    hi = lv.max()
    if np.isnan(hi):
        hi = np.nanmax(lv) if not np.isnan(lv).all() else 0.0
    if not hi < 250.0:  # also catches +inf; keeps 10^(0.1·L) finite without rescaling each row
        raise AssessmentError(
            "{where} must be a plausible sound level in dB, got {value!r}", field="levels", value=float(hi)
        )
    totals = t.sum(axis=1)
    over = totals > shift_hours * (1 + 1e-9)
    if over.any():
        row = int(np.argmax(over))
        raise AssessmentError(
            _PAST["working day"],
            rule="assess.duration",
            field="hours",
            hint="row {row}",
            total=float(totals[row]),
            cap=shift_hours,
            unit="h",
            row=row,
        )
    energy = np.einsum("ij,ij->i", t, np.exp(lv * _LN10_10))
    with np.errstate(divide="ignore", invalid="ignore"):
        values = 10.0 * np.log10(energy * 0.125)
    values[~(energy > 0)] = np.nan
    standard = _noise_limits()[0]  # GBZ 2.2-2007 11.2.1, from the catalogue data
    own = limit is not None and float(limit) != standard
    applied = AppliedLimit(
        kind="L_EX,8h",
        value=standard if limit is None else float(limit),
        unit="dB(A)",
        source=None if own else "GBZ 2.2-2007 11.2.1",
        edition=None if own else "GBZ 2.2-2007",
    )
    return ArrayAssessment(
        quantity="L_EX,8h",
        unit="dB(A)",
        values=values,
        codes=_codes(values, applied),
        limit=applied,
        clause="GBZ 2.2-2007 11.2.1",
    )
