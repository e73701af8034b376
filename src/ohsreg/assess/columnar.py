"""Columnar assessment: a table of samples in, one row per shift and hazard out, joined to the limits in force.

The samples table (:data:`SAMPLE_COLUMNS`; an Arrow table, a pandas DataFrame or a mapping of arrays) holds
one measurement per row. :func:`shift_table` groups the rows by ``(shift_id, hazard)`` and applies, with
numpy over the whole table, the same rules as the scalar functions:

* ``TWA`` rows: C_TWA = Σ Cᵢ·Tᵢ / 8 h against PC-TWA (:func:`ohsreg.assess.twa`; dusts with
  ``fraction`` and ``sio2_percent`` as :func:`ohsreg.assess.dust_twa`);
* ``STE`` rows: each row is one 15-min window (a sample shorter than 15 min is averaged over 15 min);
  ``c_ste`` is the highest window, judged against PC-STEL (:func:`ohsreg.assess.stel`);
* ``PEAK`` rows: excursions judged by the peak-exposure rule for substances with PC-TWA and no PC-STEL
  (:func:`ohsreg.assess.peak`, unverified; ``start_h`` enables the 1 h spacing check); on dates under
  GBZ 2.1-2007 (2007-11-01 to 2020-03-31) by its excursion limit instead, 超限倍数 × PC-TWA of the 2007
  row, with the group's C_TWA above PC-TWA also exceeding (:func:`ohsreg.assess.excursion`, unverified;
  ``pe_limit`` is then the excursion limit and ``clause`` cites GBZ 2.1-2007);
* ``STE`` and ``PEAK`` rows of a substance with MAC: the highest sample against MAC
  (:func:`ohsreg.assess.mac`).

**Limits are joined by hazard and date**: each row's ``date`` picks the limit edition and amendments in
force that day (:func:`ohsreg.catalogue.limit_regime`; the ``edition`` column names that amendment state,
as :attr:`ohsreg.catalogue.LimitSet.amendment_state` does: ``GBZ 2.1-2019+XG1``), and the catalogue is asked once per distinct
hazard and regime (:func:`ohsreg.catalogue.limits_for`), never per row; a new edition in the catalogue
is picked up without a change here. Explicit limits (columns ``pc_twa``, ``pc_stel``, ``mac``) replace
the catalogue for a group.

**Errors are per group, not per table**: a group with a bad row (negative value, unknown unit, durations
past the working day, a date no shipped edition covers, an unknown hazard…) gets ``error_rule`` and
``error`` and no verdicts; every other group is still assessed. A group with neither a hazard nor an
explicit limit is ``NOT_APPLICABLE`` (as in the array forms). Only a missing or mistyped column raises
(``assess.table_column``). Missing numbers (null/NaN) make that rule ``INSUFFICIENT_DATA``, as in the
array forms of :mod:`ohsreg.assess.vectorized`. A rule without samples of its kind in a group is not
assessed (null verdict).

>>> s = {
...     "shift_id": ["s1", "s1", "s2"],
...     "hazard": ["苯", "苯", "苯"],
...     "concentration": [4.5, 1.2, 2.0],
...     "duration": [3.0, 5.0, 8.0],
...     "date": ["2021-06-01", "2021-06-01", "2023-06-01"],
... }
>>> t = shift_table(s)
>>> t.column("c_twa").tolist(), t.verdicts("twa_verdict"), t.column("twa_limit").tolist()
([2.4375, 2.0], ['COMPLIES', 'COMPLIES'], [6.0, 3.0])
>>> t.column("edition").tolist()
['GBZ 2.1-2019', 'GBZ 2.1-2019+XG1']
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import Any

import attrs

from ohsreg.assess._base import (
    MG_M3,
    AppliedLimit,
    AssessmentError,
    cited_in,
    limit_object,
    number,
    resolve_limit,
)
from ohsreg.assess._columns import NO_DAY, Columns, date_of, optional
from ohsreg.assess.mac import MAC_CLAUSE
from ohsreg.assess.peak import (
    CEILING_MULTIPLE,
    EXCURSION_CLAUSE,
    EXCURSION_MULTIPLE,
    MAX_COUNT,
    MAX_MINUTES,
    MIN_GAP_H,
    PEAK_CLAUSE,
    ExcursionLimit,
    _in_force_2019,
    excursion_exceeds,
    excursion_limit,
)
from ohsreg.assess.sampling import BELOW_LOD_POLICIES
from ohsreg.assess.stel import STEL_CLAUSE, WINDOW_MIN
from ohsreg.assess.twa import REFERENCE_HOURS, TWA_CLAUSE, TWA_RF_CLAUSE, WEEK_HOURS
from ohsreg.assess.vectorized import VERDICT_CODES
from ohsreg.errors import OhsregError

__all__ = ["SAMPLE_COLUMNS", "SHIFT_COLUMNS", "ShiftTable", "samples_schema", "shift_table", "shifts_schema"]

#: The samples table: column -> (Arrow type, required, meaning). Extra columns are ignored.
SAMPLE_COLUMNS: dict[str, tuple[str, bool, str]] = {
    "shift_id": ("string", True, "the shift (one worker's working day) the sample belongs to; the group key"),
    "worker_id": ("string", False, "the worker (carried to the output; personal data: use a pseudonym)"),
    "post_id": ("string", False, "the job post (岗位), carried to the output"),
    "hazard": ("string", False, "hazard factor: catalogue name, alias, CAS or key (苯, 71-43-2, C028)"),
    "concentration": ("float64", True, "measured concentration (the LOD itself when below_lod is true)"),
    "unit": ("string", False, "unit of the concentration (default mg/m³; µg/m³, g/m³ convert)"),
    "duration": ("float64", True, "sampling or exposure time of the row"),
    "duration_unit": ("string", False, "h or min (default: h for TWA rows, min for STE and PEAK rows)"),
    "date": ("date32", False, "sampling date: picks the limit edition in force (absent: the default)"),
    "kind": ("string", False, "TWA (default), STE (one 15-min window) or PEAK (one excursion)"),
    "sio2_percent": ("float64", False, "free SiO₂ content of a dust (%), selects the silica band"),
    "fraction": ("string", False, "dust fraction: total (default) or respirable"),
    "condition": ("string", False, "sub-condition of a limit entry with several rows (CO: 非高原)"),
    "below_lod": ("bool", False, "the result is below the LOD; handled by the below_lod= policy"),
    "start_h": ("float64", False, "PEAK rows: start of the excursion, hours into the working day"),
    "pc_twa": ("float64", False, "explicit PC-TWA (mg/m³) instead of the catalogue"),
    "pc_stel": ("float64", False, "explicit PC-STEL (mg/m³) instead of the catalogue"),
    "mac": ("float64", False, "explicit MAC (mg/m³) instead of the catalogue"),
}

#: The shift table :func:`shift_table` returns: column -> (Arrow type, meaning). Values in mg/m³.
SHIFT_COLUMNS: dict[str, tuple[str, str]] = {
    "shift_id": ("string", "the shift"),
    "worker_id": ("string", "the worker (first row of the group)"),
    "post_id": ("string", "the job post (first row of the group)"),
    "hazard": ("string", "the hazard as given"),
    "date": ("date32", "the sampling date of the group"),
    "samples": ("int64", "rows in the group"),
    "c_twa": ("float64", "C_TWA (mg/m³)"),
    "twa_limit": ("float64", "PC-TWA applied (mg/m³)"),
    "twa_verdict": ("dictionary<string>", "verdict of C_TWA against PC-TWA"),
    "c_ste": ("float64", "highest C_STE of the 15-min windows (mg/m³)"),
    "stel_limit": ("float64", "PC-STEL applied (mg/m³)"),
    "ste_verdict": ("dictionary<string>", "verdict of C_STE against PC-STEL"),
    "c_pe": ("float64", "highest excursion (mg/m³)"),
    "pe_limit": (
        "float64",
        "5 × PC-TWA, the ceiling of the peak-exposure rule; under GBZ 2.1-2007 超限倍数 × PC-TWA (mg/m³)",
    ),
    "pe_verdict": ("dictionary<string>", "verdict of the peak-exposure rule"),
    "c_max": ("float64", "highest short sample (mg/m³)"),
    "mac_limit": ("float64", "MAC applied (mg/m³)"),
    "mac_verdict": ("dictionary<string>", "verdict against MAC"),
    "verdict": ("dictionary<string>", "EXCEEDS if any rule exceeds, else the most cautious of the rest"),
    "edition": (
        "dictionary<string>",
        "the limit edition and the amendments that answered (GBZ 2.1-2019+XG1: amendment No. 1 applied)",
    ),
    "clause": ("dictionary<string>", "the clauses applied"),
    "verified": (
        "bool",
        "false when a rule or limit applied is not verified against the official text (or the group is in error)",
    ),
    "error_rule": ("dictionary<string>", "rule code of the group's error (null when assessed)"),
    "error": ("string", "the error message"),
}

_TWA, _STE, _PEAK = 0, 1, 2
_KINDS = {"TWA": _TWA, "STE": _STE, "STEL": _STE, "PEAK": _PEAK, "PE": _PEAK}
_RULES = ("twa", "ste", "pe", "mac")
_CLAUSES = (TWA_CLAUSE, STEL_CLAUSE, PEAK_CLAUSE, MAC_CLAUSE, EXCURSION_CLAUSE)
_NOT_ASSESSED = -1
_LOD_CODE = {"zero": 0.0, "half": 0.5, "limit": 1.0}
_SLACK = 1 + 1e-9


def _np() -> Any:
    import numpy

    return numpy


# ------------------------------------------------------------------------------------------- result
@attrs.frozen(kw_only=True, eq=False, repr=False)
class ShiftTable:
    """The result of :func:`shift_table`: columns of :data:`SHIFT_COLUMNS`, one row per shift and hazard.

    Numbers are float64 numpy arrays (NaN where not computed); verdicts are int8 codes into
    :data:`~ohsreg.assess.vectorized.VERDICT_CODES` with ``-1`` for not assessed; texts are factorized
    (codes into a list of distinct values). :meth:`column` gives any column as a numpy array,
    :meth:`to_arrow` / :meth:`to_pandas` the whole table.
    """

    numbers: dict[str, Any]
    verdict_codes: dict[str, Any]
    texts: dict[str, tuple[Any, list[str | None]]]
    days: Any
    verified_flags: Any
    #: index (0-based, in the input) of the first sample of each group
    first_rows: Any
    #: index of the sample that caused each group's error (its first sample for group-level errors); -1
    error_rows: Any

    def __len__(self) -> int:
        return int(self.verified_flags.shape[0])

    def __repr__(self) -> str:
        errors = int((self.texts["error_rule"][0] >= 0).sum())
        exceed = int((self.verdict_codes["verdict"] == 1).sum())
        return f"ShiftTable({len(self)} shifts, {exceed} exceed, {errors} with errors)"

    def column(self, name: str) -> Any:
        """One column as a numpy array (texts and verdicts as object arrays, ``None`` where null)."""
        np = _np()
        if name in self.numbers:
            return self.numbers[name]
        if name in self.verdict_codes:
            names = np.array([v.code for v in VERDICT_CODES] + [None], dtype=object)
            return names[self.verdict_codes[name]]
        if name in self.texts:
            codes, values = self.texts[name]
            return np.array([*values, None], dtype=object)[codes]
        if name == "date":
            out = self.days.astype("datetime64[D]")
            out[self.days == NO_DAY] = np.datetime64("NaT")
            return out
        if name == "verified":
            return self.verified_flags
        raise KeyError(name)

    def verdicts(self, name: str = "verdict") -> list[str | None]:
        """The codes (``"COMPLIES"``…) of one verdict column as a list."""
        return list(self.column(name).tolist())

    def errors(self) -> Iterator[tuple[str | None, str | None, str, str]]:
        """``(shift_id, hazard, rule, message)`` of each group that could not be assessed."""
        np = _np()
        codes = self.texts["error_rule"][0]
        shift, hazard, rule, error = (self.column(c) for c in ("shift_id", "hazard", "error_rule", "error"))
        for i in np.flatnonzero(codes >= 0).tolist():
            yield shift[i], hazard[i], str(rule[i]), str(error[i])

    def to_arrow(self) -> Any:
        """A ``pyarrow.Table`` with :func:`shifts_schema` (texts and verdicts dictionary-encoded)."""
        pa = optional("pyarrow")

        np = _np()
        verdict_names = pa.array([v.code for v in VERDICT_CODES])
        arrays: list[Any] = []
        for name in SHIFT_COLUMNS:
            if name in self.numbers:
                values = self.numbers[name]
                arrays.append(
                    pa.array(values, type=pa.int64() if name == "samples" else pa.float64(), from_pandas=True)
                )  # NaN -> null
            elif name in self.verdict_codes:
                codes = self.verdict_codes[name]
                idx = pa.array(codes, type=pa.int8(), mask=codes < 0)
                arrays.append(pa.DictionaryArray.from_arrays(idx, verdict_names))
            elif name in self.texts:
                codes, values = self.texts[name]
                empty = [i for i, v in enumerate(values) if v is None]  # e.g. the clause of no rule
                mask = (codes < 0) | np.isin(codes, empty)
                idx = pa.array(codes.astype(np.int32), type=pa.int32(), mask=mask)
                dictionary = pa.array(["" if v is None else v for v in values], type=pa.string())
                column = pa.DictionaryArray.from_arrays(idx, dictionary)
                if SHIFT_COLUMNS[name][0] == "string":
                    column = column.cast(pa.string())
                arrays.append(column)
            elif name == "date":
                arrays.append(
                    pa.array(self.days.astype(np.int32), type=pa.date32(), mask=self.days == NO_DAY)
                )
            else:
                arrays.append(pa.array(self.verified_flags, type=pa.bool_()))
        return pa.Table.from_arrays(arrays, schema=shifts_schema())

    def to_pandas(self) -> Any:
        """A pandas DataFrame of the table (through Arrow; verdicts and codes as categoricals)."""
        return self.to_arrow().to_pandas()

    def to_pydict(self) -> dict[str, list[Any]]:
        """Every column as a Python list (``None`` where null; dates as :class:`datetime.date`)."""
        out: dict[str, list[Any]] = {}
        for name in SHIFT_COLUMNS:
            values = self.column(name)
            if name == "date":
                out[name] = [date_of(d) for d in self.days]
            elif name in self.numbers and name != "samples":
                out[name] = [None if math.isnan(v) else v for v in values.tolist()]
            else:
                out[name] = values.tolist()
        return out


def _arrow_type(pa: Any, name: str) -> Any:
    simple = {
        "string": pa.string(),
        "float64": pa.float64(),
        "int64": pa.int64(),
        "bool": pa.bool_(),
        "date32": pa.date32(),
    }
    if name == "dictionary<string>":
        return pa.dictionary(pa.int8(), pa.string())
    return simple[name]


def samples_schema() -> Any:
    """The ``pyarrow.Schema`` of :data:`SAMPLE_COLUMNS` (optional columns nullable, as all are)."""
    pa = optional("pyarrow")

    return pa.schema(
        [pa.field(n, _arrow_type(pa, t), metadata={"doc": doc}) for n, (t, _, doc) in SAMPLE_COLUMNS.items()]
    )


def shifts_schema() -> Any:
    """The ``pyarrow.Schema`` of the shift table (:data:`SHIFT_COLUMNS`); also the Dask/Spark meta."""
    pa = optional("pyarrow")

    fields = []
    for name, (typ, doc) in SHIFT_COLUMNS.items():
        arrow = _arrow_type(pa, typ)
        if typ == "dictionary<string>" and name in ("edition", "clause", "error_rule"):
            arrow = pa.dictionary(pa.int32(), pa.string())
        fields.append(pa.field(name, arrow, metadata={"doc": doc}))
    return pa.schema(fields)


# -------------------------------------------------------------------------------------------- errors
class _Errors:
    """Distinct errors of a run and, per row, the index of the first one that hit it (``-1``: none)."""

    def __init__(self, n: int) -> None:
        np = _np()
        self.row = np.full(n, -1, dtype=np.int64)
        self.items: list[OhsregError] = []

    def mark(self, mask: Any, error: OhsregError) -> None:
        if not mask.any():
            return
        free = mask & (self.row < 0)
        if free.any():
            self.row[free] = len(self.items)
            self.items.append(error)


_VALUE_PROBLEMS = {
    "missing": "{where} is missing",
    "negative": "{where} must be a finite non-negative number, got a negative value",
    "infinite": "{where} must be a finite non-negative number, got infinity",
    "date": "{where} is missing or not an ISO date (YYYY-MM-DD)",
}


def _value_error(column: str, problem: str) -> AssessmentError:
    return AssessmentError(
        _VALUE_PROBLEMS[problem],
        rule="assess.value",
        field=column,
        hint="check the measurement; missing values are not zero",
    )


# ------------------------------------------------------------------------------------------ the rule
def shift_table(
    samples: Any,
    *,
    below_lod: str = "error",
    shift_hours: float = REFERENCE_HOURS,
    adjust_long_shift: bool = False,
    hours_per_week: float | None = None,
    locale: str | None = None,
) -> ShiftTable:
    """Assess a samples table (:data:`SAMPLE_COLUMNS`) per shift and hazard; see the module docstring.

    Args:
        samples: a ``pyarrow.Table``/``RecordBatch``, a pandas DataFrame or a mapping of column
            name -> array or list.
        below_lod: how rows flagged ``below_lod`` are used: ``"error"`` (the group is reported with
            ``assess.nondetect``), ``"zero"``, ``"half"`` (LOD/2) or ``"limit"`` (the LOD), as in
            :func:`ohsreg.assess.twa`.
        shift_hours: the length of the working day; TWA durations of a group may not sum past it.
        adjust_long_shift: for a working day longer than 8 h (or a week longer than 40 h), judge
            C_TWA against PC-TWA × RF, the smaller of the daily factor of ``shift_hours`` and the
            weekly factor of ``hours_per_week`` (GBZ 2.1-2019 A.7.3, Brief & Scala form, unverified),
            as :func:`ohsreg.assess.twa` does: ``twa_limit`` is the adjusted limit, ``clause`` cites
            A.7.3 and ``verified`` is false where the TWA rule applied.
        hours_per_week: working hours in the week, for the weekly factor (``None``: not considered).
        locale: language of the ``error`` column (default: the active ohsreg locale).

    Returns:
        a :class:`ShiftTable`, groups in order of first appearance.
    """
    np = _np()
    if below_lod not in BELOW_LOD_POLICIES:
        raise AssessmentError(
            "unknown below_lod policy {policy!r}",
            rule="assess.value",
            field="below_lod",
            hint="use one of error, zero, half, limit",
            policy=below_lod,
        )
    shift = number(shift_hours, "h", "shift_hours", allow_zero=False)
    week = None if hours_per_week is None else number(hours_per_week, "h", "hours_per_week", allow_zero=False)
    cols = Columns(samples, rule="assess.table_column")
    n = len(cols)
    errors = _Errors(n)
    shift_c, shift_u = cols.labels("shift_id")
    haz_c, haz_u = cols.labels("hazard") if cols.has("hazard") else (np.full(n, -1, np.int64), [])
    conc = cols.floats("concentration")
    dur = cols.floats("duration")
    kind = _kinds(cols, n, errors)
    conc = conc * _unit_factors(cols, "unit", MG_M3, n, errors)
    dur_h = _durations(cols, dur, kind, n, errors)
    _check_values(conc, "concentration", errors)
    _check_values(dur_h, "duration", errors)
    errors.mark(shift_c < 0, _value_error("shift_id", "missing"))
    if cols.has("below_lod"):
        lod = cols.flags("below_lod")
        if below_lod == "error":
            errors.mark(
                lod,
                AssessmentError(
                    "{where} is below the {kind} ({value}); say how to treat it",
                    rule="assess.nondetect",
                    field="concentration",
                    hint="pass below_lod='limit', 'half' or 'zero'",
                    kind="LOD",
                    value="below_lod",
                ),
            )
        else:
            conc = np.where(lod, conc * _LOD_CODE[below_lod], conc)
    if cols.has("date"):
        days, bad_day = cols.days("date")
        errors.mark(bad_day, _value_error("date", "date"))
    else:
        days = np.full(n, NO_DAY, dtype=np.int64)
    minutes = dur_h * 60.0
    errors.mark((kind == _STE) & (minutes > WINDOW_MIN * _SLACK), _window_error())

    # -- groups: (shift, hazard), sorted; boundaries for reduceat ----------------------------------
    nh = len(haz_u) + 1
    key = (shift_c + 1) * nh + (haz_c + 1)
    uniq, inverse = np.unique(key, return_inverse=True)
    order = np.argsort(inverse, kind="stable")
    g_sorted = inverse[order]
    starts = np.flatnonzero(np.r_[True, g_sorted[1:] != g_sorted[:-1]]) if n else np.zeros(0, np.int64)
    first_row = order[starts]
    ng = len(uniq)

    def total(values: Any) -> Any:
        return np.add.reduceat(values[order], starts) if ng else np.zeros(0)

    def highest(values: Any, mask: Any) -> Any:
        if not ng:
            return np.zeros(0)
        top = np.maximum.reduceat(np.where(mask, values, -np.inf)[order], starts)
        return np.where(np.isneginf(top), np.nan, top)

    g_day = days[first_row]
    day_lo = np.minimum.reduceat(days[order], starts) if ng else g_day
    day_hi = np.maximum.reduceat(days[order], starts) if ng else g_day
    group_error, error_row = _group_errors(errors, order, starts, ng)
    error_row = np.where(error_row < 0, first_row, error_row)
    mixed = (day_lo != day_hi) & (group_error < 0) & (g_day != NO_DAY)
    group_error = _set(group_error, mixed, errors, _dates_error())

    # -- limits: once per distinct (hazard, regime, condition, fraction, band, explicit limits) ---------
    limits = _join_limits(cols, haz_c, haz_u, g_day, first_row, n, ng)
    twa_clause = TWA_CLAUSE
    if adjust_long_shift and (shift > REFERENCE_HOURS or (week is not None and week > WEEK_HOURS)):
        from ohsreg.assess.long_shift import reduction_factor

        rf = reduction_factor(hours_per_day=shift, hours_per_week=week).value
        limits.twa = limits.twa * rf
        limits.twa_verified = np.zeros(ng, dtype=bool)
        twa_clause = TWA_RF_CLAUSE
    rule_clauses = (twa_clause, *_CLAUSES[1:])
    for err_index, err in limits.errors:
        group_error = _set(group_error, (limits.error == err_index) & (group_error < 0), errors, err)

    is_twa, is_ste, is_pe = kind == _TWA, kind == _STE, kind == _PEAK
    ok = errors.row < 0  # rows with their own error do not count anywhere (their group is in error)
    n_twa = total((is_twa & ok).astype(np.int64))
    n_ste = total((is_ste & ok).astype(np.int64))
    n_pe = total((is_pe & ok).astype(np.int64))
    exposed = total(np.where(is_twa & ok, dur_h, 0.0))
    over = (exposed > shift * _SLACK) & (group_error < 0)
    if over.any():
        group_error = _set(group_error, over, errors, _shift_error(shift))
    c_twa = total(np.where(is_twa & ok, conc * dur_h, 0.0)) / REFERENCE_HOURS
    c_twa = np.where(n_twa > 0, c_twa, np.nan)
    ste_values = conc * minutes / WINDOW_MIN
    c_ste = highest(ste_values, is_ste & ok)
    c_pe = highest(conc, is_pe & ok)
    c_max = highest(conc, (is_ste | is_pe) & ok)
    nan_ste = total((is_ste & ok & np.isnan(ste_values)).astype(np.int64)) > 0
    nan_pe = total((is_pe & ok & np.isnan(conc)).astype(np.int64)) > 0
    c_ste = np.where(nan_ste, np.nan, c_ste)
    c_pe = np.where(nan_pe, np.nan, c_pe)
    c_max = np.where(nan_ste | nan_pe, np.nan, c_max)

    twa_v = _judge(c_twa, limits.twa, n_twa)
    ste_v = _judge(c_ste, limits.stel, n_ste)
    mac_v = _judge(c_max, limits.mac, n_ste + n_pe)
    pe_v, pe_limit = _peak_rule(
        conc, minutes, cols, is_pe & ok, inverse, order, starts, c_pe, n_pe, limits, total
    )
    era = limits.excursion_era
    if era.any():  # GBZ 2.1-2007 dates: the excursion limit (超限倍数) instead of the peak rule
        ex_v = _excursion_rule(c_pe, c_twa, limits, n_pe)
        pe_v = np.where(era, ex_v, pe_v)
        pe_limit = np.where(era, limits.excursion_limit, pe_limit)
        for k, err in enumerate(limits.excursion_errors):
            hit = (limits.excursion_error == k) & (n_pe > 0) & (group_error < 0)
            group_error = _set(group_error, hit, errors, err)
    bad = group_error >= 0
    for v in (twa_v, ste_v, pe_v, mac_v):
        v[bad] = _NOT_ASSESSED
    nums = {
        "samples": np.diff(np.r_[starts, n]).astype(np.int64) if ng else np.zeros(0, np.int64),
        "c_twa": c_twa,
        "twa_limit": limits.twa,
        "c_ste": c_ste,
        "stel_limit": limits.stel,
        "c_pe": c_pe,
        "pe_limit": pe_limit,
        "c_max": c_max,
        "mac_limit": limits.mac,
    }
    for name in ("c_twa", "c_ste", "c_pe", "c_max"):
        nums[name] = np.where(bad, np.nan, nums[name])
    for name, v in (("twa_limit", twa_v), ("stel_limit", ste_v), ("pe_limit", pe_v), ("mac_limit", mac_v)):
        nums[name] = np.where(v < 0, np.nan, nums[name])  # a limit is shown where its rule was applied
    verdict = _overall(twa_v, ste_v, pe_v, mac_v)
    verdict[bad] = _NOT_ASSESSED
    assessed = np.stack([v >= 0 for v in (twa_v, ste_v, pe_v, mac_v)])
    rule_verified = np.stack(
        [limits.twa_verified, limits.stel_verified, np.zeros(ng, bool), limits.mac_verified]
    )
    applies = assessed & (np.stack([twa_v, ste_v, pe_v, mac_v]) != 2)
    verified = ~(applies & ~rule_verified).any(axis=0) if ng else np.zeros(0, bool)
    verified &= ~bad  # nothing of a group in error was checked
    clause_code = (assessed * np.array([1, 2, 4, 8])[:, None]).sum(axis=0) if ng else np.zeros(0, np.int64)
    clause_code = np.where(era & ((clause_code & 4) > 0), clause_code - 4 + 16, clause_code)  # 2007 excursion
    # limits of GBZ 2.1-2007: the TWA, STEL and MAC clauses cite 2007 (bit 32), as the scalar rules do
    of_2007 = np.asarray([e == "GBZ 2.1-2007" for e in limits.editions] + [False], dtype=bool)
    clause_code = np.where(of_2007[limits.edition_code], clause_code + 32, clause_code)
    clauses = [
        "; ".join(
            cited_in(c, "GBZ 2.1-2007" if code & 32 else None)
            for bit, c in enumerate(rule_clauses)
            if code & (1 << bit)
        )
        or None
        for code in range(64)
    ]

    # -- order of first appearance ------------------------------------------------------------------
    out = np.argsort(first_row, kind="stable")
    rows = first_row[out]
    texts: dict[str, tuple[Any, list[str | None]]] = {
        "shift_id": (shift_c[rows], list(shift_u)),
        "hazard": (haz_c[rows], list(haz_u)),
        "edition": (limits.edition_code[out], list(limits.editions)),
        "clause": (np.where(bad, -1, clause_code)[out], list(clauses)),
    }
    for name in ("worker_id", "post_id"):
        if cols.has(name):
            c, u = cols.labels(name)
            texts[name] = (c[rows], list(u))
        else:
            texts[name] = (np.full(ng, -1, np.int64), [])
    rule_codes = sorted({e.rule for e in errors.items})
    err_of = group_error[out]
    rule_index = np.array([rule_codes.index(e.rule) for e in errors.items] + [-1], dtype=np.int64)
    texts["error_rule"] = (rule_index[err_of], list(rule_codes))
    texts["error"] = (err_of, [e.message(locale) for e in errors.items])
    return ShiftTable(
        numbers={k: v[out] for k, v in nums.items()},
        verdict_codes={
            "twa_verdict": twa_v[out],
            "ste_verdict": ste_v[out],
            "pe_verdict": pe_v[out],
            "mac_verdict": mac_v[out],
            "verdict": verdict[out],
        },
        texts=texts,
        days=np.where(g_day == NO_DAY, NO_DAY, g_day)[out],
        verified_flags=np.asarray(verified, dtype=bool)[out],
        first_rows=rows,
        error_rows=np.where(err_of >= 0, error_row[out], -1),
    )


# ------------------------------------------------------------------------------------ row checks
def _kinds(cols: Columns, n: int, errors: _Errors) -> Any:
    np = _np()
    if not cols.has("kind"):
        return np.zeros(n, dtype=np.int8)
    codes, values = cols.labels("kind")
    table = np.array([_KINDS.get(v.strip().upper(), -1) for v in values] + [_TWA], dtype=np.int8)
    kind = table[codes]
    for i, v in enumerate(values):
        if table[i] < 0:
            errors.mark(
                codes == i,
                AssessmentError(
                    "{where}: unknown sample kind {value!r}",
                    rule="assess.value",
                    field="kind",
                    hint="use TWA, STE or PEAK",
                    value=v,
                ),
            )
    return kind


def _unit_factors(cols: Columns, column: str, target: str, n: int, errors: _Errors) -> Any:
    """Per row, the factor from the row's unit to ``target`` (1 where the column is absent or null)."""
    np = _np()
    if not cols.has(column):
        return np.ones(n)
    from ohsreg.units import convert

    codes, values = cols.labels(column)
    factors = np.ones(len(values) + 1)
    for i, unit in enumerate(values):
        if not unit.strip():
            continue
        try:
            factors[i] = convert(1.0, unit, target)
        except OhsregError:
            factors[i] = np.nan
            errors.mark(
                codes == i,
                AssessmentError(
                    "{where} has unit {given!r}, which does not convert to {unit}",
                    rule="assess.unit",
                    field=column,
                    given=unit,
                    unit=target,
                ),
            )
    return factors[codes]


def _durations(cols: Columns, dur: Any, kind: Any, n: int, errors: _Errors) -> Any:
    """Durations in hours: the ``duration_unit`` column, else hours for TWA rows and minutes for the rest."""
    np = _np()
    default = np.where(kind == _TWA, 1.0, 1.0 / 60.0)
    if not cols.has("duration_unit"):
        return dur * default
    codes, values = cols.labels("duration_unit")
    factor = _unit_factors(cols, "duration_unit", "h", n, errors)
    given = codes >= 0
    if values:
        blank = np.array([not v.strip() for v in values] + [True])[codes]
        given &= ~blank
    return dur * np.where(given, factor, default)


def _check_values(values: Any, column: str, errors: _Errors) -> None:
    np = _np()
    with np.errstate(invalid="ignore"):
        errors.mark(values < 0, _value_error(column, "negative"))
    errors.mark(np.isinf(values), _value_error(column, "infinite"))


def _window_error() -> AssessmentError:
    return AssessmentError(
        "an STE row lasts longer than the 15-min window",
        rule="assess.duration",
        field="duration",
        hint="an STE row is one 15-min window; split longer samples",
    )


def _shift_error(cap: float) -> AssessmentError:
    return AssessmentError(
        "the TWA durations of a shift sum past the working day of {cap:.4g} h",
        rule="assess.duration",
        field="duration",
        hint="check the durations or pass the real length of the working day",
        cap=cap,
    )


def _dates_error() -> AssessmentError:
    return AssessmentError(
        "the samples of one shift have different dates",
        rule="assess.table_dates",
        field="date",
        hint="give each working day its own shift_id",
    )


def _peak_edition_error() -> AssessmentError:
    return AssessmentError(
        "peak exposure applies from {date} (GBZ 2.1-2019); before that GBZ 2.1-2007 used excursion "
        "limits (超限倍数) instead",
        rule="assess.edition_unverified",
        field="date",
        hint="judge 15-min samples with ohsreg.assess.excursion(..., hazard=, as_of=): the multiple comes from the GBZ 2.1-2007 row",
        date=_in_force_2019().isoformat(),
    )


def _group_errors(errors: _Errors, order: Any, starts: Any, ng: int) -> tuple[Any, Any]:
    """Per group, the first error of its rows (in input order) and that row, ``-1`` for none."""
    np = _np()
    if not ng:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    marked = errors.row[order]
    big = np.iinfo(np.int64).max
    pos = np.where(marked >= 0, np.arange(len(marked)), big)
    first = np.minimum(np.minimum.reduceat(pos, starts), len(marked) - 1)
    found = np.minimum.reduceat(pos, starts) != big
    return np.where(found, marked[first], -1), np.where(found, order[first], -1)


def _set(group_error: Any, mask: Any, errors: _Errors, error: OhsregError) -> Any:
    if not mask.any():
        return group_error
    errors.items.append(error)
    return _np().where(mask, len(errors.items) - 1, group_error)


# ------------------------------------------------------------------------------------------ limits
@attrs.define
class _Limits:
    """Per group: the limits applied (NaN: none), their verification, edition code and limit errors."""

    twa: Any
    stel: Any
    mac: Any
    peak_base: Any  # PC-TWA when the peak rule applies (PC-TWA, no PC-STEL), else NaN
    twa_verified: Any
    stel_verified: Any
    mac_verified: Any
    edition_code: Any
    editions: list[str | None]
    error: Any
    errors: list[tuple[int, OhsregError]]
    excursion_era: Any  # the GBZ 2.1-2007 excursion rule answers for PEAK rows instead of the peak rule
    excursion_limit: Any  # 超限倍数 × PC-TWA (NaN: not applicable)
    excursion_base: Any  # the PC-TWA it multiplies
    excursion_error: Any  # index into excursion_errors, -1 for none
    excursion_errors: list[OhsregError]


@attrs.frozen
class _Resolved:
    twa: AppliedLimit | None = None
    stel: AppliedLimit | None = None
    mac: AppliedLimit | None = None
    edition: str | None = None
    error: OhsregError | None = None
    excursion_era: bool = False
    excursion: ExcursionLimit | None = None
    excursion_error: OhsregError | None = None


def _join_limits(
    cols: Columns, haz_c: Any, haz_u: list[str], g_day: Any, first_row: Any, n: int, ng: int
) -> _Limits:
    """Resolve the limits of every group, asking the catalogue once per distinct key (not per row)."""
    np = _np()
    regime_of_day: dict[int, int] = {}
    regimes: list[Any] = []  # (edition, amendments) or an EditionError
    representative: list[dt.date | None] = []
    for day in np.unique(g_day).tolist():
        as_of = date_of(day)
        regime = _regime(as_of)
        if regime not in regimes:
            regimes.append(regime)
            representative.append(as_of)
        regime_of_day[int(day)] = regimes.index(regime)
    day_values = np.array(sorted(regime_of_day), dtype=np.int64)
    regime_codes = np.array([regime_of_day[d] for d in day_values.tolist()], dtype=np.int64)
    g_regime = regime_codes[np.searchsorted(day_values, g_day)] if ng else np.zeros(0, np.int64)

    parts = [haz_c[first_row] + 1, g_regime]
    extra: dict[str, tuple[Any, list[str]]] = {}
    for name in ("condition", "fraction"):
        if cols.has(name):
            c, u = cols.labels(name)
            extra[name] = (c[first_row], u)
            parts.append(c[first_row] + 1)
    sio2 = cols.floats("sio2_percent")[first_row] if cols.has("sio2_percent") else np.full(ng, np.nan)
    bands = np.full(ng, -1, dtype=np.int64)
    has = ~np.isnan(sio2)
    if has.any():
        edges = np.array([10.0, 50.0, 80.0, 100.0])
        # bands of 表2: 0 below 10 %, 1 for 10–50 %, 2 for 50–80 %, 3 for 80–100 %, 4 past 100 %
        bands[has] = np.searchsorted(edges, sio2[has], side="left")
        bands[has & (sio2 == 10.0)] = 1
    parts.append(bands + 1)
    explicit = [name for name in ("pc_twa", "pc_stel", "mac") if cols.has(name)]
    ex_values = {name: cols.floats(name)[first_row] for name in explicit}
    for name in explicit:
        ex_c, _ = _float_codes(ex_values[name])
        parts.append(ex_c)
    keys, key_of = _combine(parts, ng)
    first_of_key = np.full(len(keys), -1, dtype=np.int64)
    first_of_key[key_of[::-1]] = np.arange(ng)[::-1]

    cache: dict[tuple[str, int], Any] = {}
    resolved: list[_Resolved] = []
    for gi in first_of_key.tolist():
        h = int(haz_c[first_row[gi]])
        hazard = haz_u[h] if h >= 0 else None
        regime_code = int(g_regime[gi])
        given = {name: float(ex_values[name][gi]) for name in explicit}
        options: dict[str, Any] = {
            "condition": _label_at(extra, "condition", gi),
            "fraction": _label_at(extra, "fraction", gi) or "total",
            "sio2": float(sio2[gi]),
            "explicit": {k: v for k, v in given.items() if not math.isnan(v)},
        }
        regime = regimes[regime_code]
        as_of = representative[regime_code]
        found = _resolve(hazard, regime, as_of, regime_code, cache, **options)
        resolved.append(
            attrs.evolve(found, **_excursion_of(hazard, regime, as_of, regime_code, cache, **options))
        )

    def per_group(values: list[float]) -> Any:
        return np.asarray(values, dtype=np.float64)[key_of] if ng else np.zeros(0)

    def value(lim: AppliedLimit | None) -> float:
        return float("nan") if lim is None else lim.value

    editions = sorted({r.edition for r in resolved if r.edition is not None})
    edition_idx = [editions.index(r.edition) if r.edition is not None else -1 for r in resolved]
    errs = [(i, r.error) for i, r in enumerate(resolved) if r.error is not None]
    exc_errors = [r.excursion_error for r in resolved if r.excursion_error is not None]
    exc_index, seen = [], 0
    for r in resolved:
        exc_index.append(-1 if r.excursion_error is None else seen)
        seen += r.excursion_error is not None
    peak_base = [
        value(r.twa) if r.twa is not None and r.stel is None and r.mac is None else float("nan")
        for r in resolved
    ]
    return _Limits(
        twa=per_group([value(r.twa) for r in resolved]),
        stel=per_group([value(r.stel) for r in resolved]),
        mac=per_group([value(r.mac) for r in resolved]),
        peak_base=per_group(peak_base),
        twa_verified=per_group([r.twa is None or r.twa.verified for r in resolved]).astype(bool),
        stel_verified=per_group([r.stel is None or r.stel.verified for r in resolved]).astype(bool),
        mac_verified=per_group([r.mac is None or r.mac.verified for r in resolved]).astype(bool),
        edition_code=np.asarray([*edition_idx, -1], dtype=np.int64)[key_of] if ng else np.zeros(0, np.int64),
        editions=list(editions),
        error=np.asarray([-1 if r.error is None else i for i, r in enumerate(resolved)], dtype=np.int64)[
            key_of
        ]
        if ng
        else np.zeros(0, np.int64),
        errors=[(i, e) for i, e in errs],
        excursion_era=per_group([r.excursion_era for r in resolved]).astype(bool),
        excursion_limit=per_group(
            [value(None if r.excursion is None else r.excursion.limit) for r in resolved]
        ),
        excursion_base=per_group(
            [float("nan") if r.excursion is None else r.excursion.pc_twa for r in resolved]
        ),
        excursion_error=np.asarray(exc_index, dtype=np.int64)[key_of] if ng else np.zeros(0, np.int64),
        excursion_errors=exc_errors,
    )


def _combine(parts: list[Any], ng: int) -> tuple[Any, Any]:
    """Distinct rows of the non-negative integer columns ``parts`` and each row's index among them."""
    np = _np()
    if not ng:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    radices = [int(p.max()) + 1 for p in parts]
    if math.prod(radices) < 2**62:  # one int64 per row: a 1-D unique, much faster than unique(axis=0)
        key = np.zeros(ng, dtype=np.int64)
        for part, radix in zip(parts, radices, strict=True):
            key = key * radix + part
        keys, key_of = np.unique(key, return_inverse=True)
    else:  # pragma: no cover - needs billions of distinct combinations
        keys, key_of = np.unique(np.stack(parts, axis=1), axis=0, return_inverse=True)
    return keys, np.asarray(key_of).reshape(-1)


def _float_codes(values: Any) -> tuple[Any, Any]:
    np = _np()
    filled = np.where(np.isnan(values), -1.0, values)
    uniq, codes = np.unique(filled, return_inverse=True)
    return np.asarray(codes).reshape(-1).astype(np.int64), uniq


def _label_at(extra: dict[str, tuple[Any, list[str]]], name: str, gi: int) -> str | None:
    if name not in extra:
        return None
    codes, values = extra[name]
    code = int(codes[gi])
    text = values[code].strip() if code >= 0 else ""
    return text or None


def _regime(as_of: dt.date | None) -> Any:
    import importlib

    try:
        return importlib.import_module("ohsreg.catalogue").limit_regime(as_of)
    except OhsregError as exc:
        return exc


def _resolve(
    hazard: str | None,
    regime: Any,
    as_of: dt.date | None,
    regime_code: int,
    cache: dict[tuple[str, int], Any],
    *,
    condition: str | None,
    fraction: str,
    sio2: float,
    explicit: dict[str, float],
) -> _Resolved:
    """The limits of one key, by the scalar rules' own look-up (so both paths give the same answer)."""
    try:
        if explicit:
            return _Resolved(
                twa=_explicit(explicit, "pc_twa", "PC-TWA"),
                stel=_explicit(explicit, "pc_stel", "PC-STEL"),
                mac=_explicit(explicit, "mac", "MAC"),
            )
        if hazard is None or not hazard.strip():
            return _Resolved()  # no limit to apply: NOT_APPLICABLE, as the array forms
        if isinstance(regime, OhsregError):
            raise regime
        found = _cached(hazard, regime_code, as_of, cache)
        if found.dust_rows and not found.rows:
            from ohsreg.assess.dust import dust_twa

            frac = fraction.strip().lower()
            result = dust_twa(
                [(0.0, 1.0)],
                fraction=frac,  # type: ignore[arg-type]
                sio2_percent=None if math.isnan(sio2) else sio2,
                hazard=found,
            )
            return _Resolved(twa=result.limit, edition=found.amendment_state or found.edition)
        chosen = limit_object(found, "pc_twa", condition=condition)
        stel = resolve_limit(chosen, "PC-STEL", "pc_stel", MG_M3, required=False)
        mac = resolve_limit(chosen, "MAC", "mac", MG_M3, required=False)
        twa = resolve_limit(chosen, "PC-TWA", "pc_twa", MG_M3, required=False)
        return _Resolved(twa=twa, stel=stel, mac=mac, edition=found.amendment_state or found.edition)
    except OhsregError as exc:
        return _Resolved(error=exc)


def _excursion_of(
    hazard: str | None,
    regime: Any,
    as_of: dt.date | None,
    regime_code: int,
    cache: dict[tuple[str, int], Any],
    *,
    condition: str | None,
    fraction: str,
    sio2: float,
    explicit: dict[str, float],
) -> dict[str, Any]:
    """The GBZ 2.1-2007 excursion limit of one key, by the scalar rule's own helper
    (:func:`ohsreg.assess.peak.excursion_limit`): fields of :class:`_Resolved`."""
    if isinstance(regime, OhsregError):
        # no shipped edition that day: a hazard's group is in error already; explicit limits meet the
        # scalar peak rule's refusal of dates before GBZ 2.1-2019
        return {"excursion_era": True, "excursion_error": _peak_edition_error()}
    if regime[0] != "GBZ 2.1-2007":
        return {}
    try:
        found = _cached(hazard, regime_code, as_of, cache) if hazard is not None and hazard.strip() else None
        result = excursion_limit(
            pc_twa=explicit.get("pc_twa"),
            hazard=found,
            condition=condition,
            fraction=fraction.strip().lower(),
            sio2_percent=None if math.isnan(sio2) else sio2,
        )
    except OhsregError as exc:
        return {"excursion_era": True, "excursion_error": exc}
    return {"excursion_era": True, "excursion": result if isinstance(result, ExcursionLimit) else None}


def _cached(hazard: str, regime_code: int, as_of: dt.date | None, cache: dict[tuple[str, int], Any]) -> Any:
    """The catalogue's limit set for ``hazard`` in one regime, looked up once (its error raised again)."""
    key = (hazard, regime_code)
    if key not in cache:
        try:
            cache[key] = _limits_for(hazard, as_of)
        except OhsregError as exc:
            cache[key] = exc
    found = cache[key]
    if isinstance(found, OhsregError):
        raise found
    return found


def _limits_for(hazard: str, as_of: dt.date | None) -> Any:
    import importlib

    # lazy, as in the scalar rules: assess does not import the catalogue at import time
    return importlib.import_module("ohsreg.catalogue").limits_for(hazard, as_of=as_of)


def _explicit(given: dict[str, float], name: str, kind: str) -> AppliedLimit | None:
    if name not in given:
        return None
    return resolve_limit(given[name], kind, name, MG_M3)


# ------------------------------------------------------------------------------------------ verdicts
def _judge(values: Any, limit: Any, count: Any) -> Any:
    """Verdict codes: ``value ≤ limit`` complies (as :func:`~ohsreg.assess._base.at_most`)."""
    np = _np()
    with np.errstate(invalid="ignore"):
        codes = np.where(values > limit, 1, 0).astype(np.int8)
    codes[np.isnan(values)] = 3
    codes[np.isnan(limit)] = 2
    codes[count == 0] = _NOT_ASSESSED
    return codes


def _peak_rule(
    conc: Any,
    minutes: Any,
    cols: Columns,
    mask: Any,
    inverse: Any,
    order: Any,
    starts: Any,
    c_pe: Any,
    n_pe: Any,
    limits: _Limits,
    total: Any,
) -> tuple[Any, Any]:
    """The peak-exposure rule of :func:`ohsreg.assess.peak` over every group at once."""
    np = _np()
    base = limits.peak_base
    start = cols.floats("start_h") if cols.has("start_h") else np.full(len(conc), np.nan)
    row_base = base[inverse] if len(inverse) else np.zeros(0)
    with np.errstate(invalid="ignore"):
        above = mask & (conc > EXCURSION_MULTIPLE * row_base)
        count = total(above.astype(np.int64))
        too_long = total((above & (minutes > MAX_MINUTES)).astype(np.int64)) > 0
        ceiling = c_pe > CEILING_MULTIPLE * base
    missing = total((above & np.isnan(start)).astype(np.int64)) > 0
    close = np.zeros(len(base), dtype=bool)
    idx = np.flatnonzero(above)
    if idx.size > 1:
        g = inverse[idx]
        s = start[idx]
        srt = np.lexsort((s, g))
        g, s, m = g[srt], s[srt], minutes[idx][srt]
        same = g[1:] == g[:-1]
        gap = s[1:] - (s[:-1] + m[:-1] / 60.0)
        hit = same & (gap < MIN_GAP_H - 1e-9)
        close[np.unique(g[1:][hit])] = True
    spacing_checked = (count > 1) & ~missing
    exceeds = ceiling | too_long | (count > MAX_COUNT) | (close & spacing_checked)
    insufficient = (count > 1) & missing
    codes = np.where(exceeds, 1, np.where(insufficient, 3, 0)).astype(np.int8)
    codes[np.isnan(c_pe)] = 3
    codes[np.isnan(base)] = 2
    codes[n_pe == 0] = _NOT_ASSESSED
    return codes, CEILING_MULTIPLE * base


def _excursion_rule(c_pe: Any, c_twa: Any, limits: _Limits, n_pe: Any) -> Any:
    """The GBZ 2.1-2007 excursion rule of :func:`ohsreg.assess.excursion` over every group at once."""
    np = _np()
    with np.errstate(invalid="ignore"):
        exceeds = excursion_exceeds(c_pe, limits.excursion_limit, c_twa, limits.excursion_base)
    codes = np.where(exceeds, 1, 0).astype(np.int8)
    codes[np.isnan(c_pe)] = 3
    codes[np.isnan(limits.excursion_limit)] = 2
    codes[n_pe == 0] = _NOT_ASSESSED
    return codes


def _overall(*rules: Any) -> Any:
    """EXCEEDS if any rule exceeds; else INSUFFICIENT_DATA, COMPLIES, NOT_APPLICABLE in that order."""
    np = _np()
    stack = np.stack(rules)
    out = np.full(stack.shape[1], 3, dtype=np.int8)  # nothing assessed: insufficient data
    for code in (2, 0, 3, 1):  # later wins
        out[(stack == code).any(axis=0)] = code
    return out
