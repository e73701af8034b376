"""Column access over an Arrow table, a pandas DataFrame or a mapping of arrays (the bulk paths' input).

Strings come back factorized (integer codes, ``-1`` for a missing value, and the distinct values), so
the bulk rules loop in Python over distinct values only; numbers come back as float64 with NaN for a
missing value; dates as int64 days since 1970-01-01. numpy is imported by the caller; pyarrow and pandas
only when the input is one of theirs (or pandas, when present, to factorize plain string arrays fast).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Mapping
from typing import Any

from ohsreg.assess._base import AssessmentError

__all__ = ["NO_DAY", "Columns", "date_of", "day_number", "optional"]

#: Day number of a missing or unreadable date.
NO_DAY = -(2**62)
_EPOCH = dt.date(1970, 1, 1)


def day_number(date: dt.date) -> int:
    """The day number of ``date``: days since 1970-01-01, as date columns hold them (Arrow ``date32``).

    >>> day_number(dt.date(1970, 1, 2)), date_of(1)
    (1, datetime.date(1970, 1, 2))
    """
    return (date - _EPOCH).days


def date_of(day: int) -> dt.date | None:
    """The date of a day number (the reverse of :func:`day_number`); ``None`` for :data:`NO_DAY`."""
    return None if day == NO_DAY else _EPOCH + dt.timedelta(days=int(day))


def _np() -> Any:
    import numpy

    return numpy


def optional(module: str, extra: str = "arrow") -> Any:
    """Import an optional dependency, or ``assess.extra_missing`` saying which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise AssessmentError(
            "{module} is not installed",
            rule="assess.extra_missing",
            field=None,
            hint="install the extra: pip install 'ohsreg[{extra}]'",
            module=module,
            extra=extra,
        ) from None


_COLUMN_PROBLEMS = {
    "missing": "the samples table has no column {column!r}",
    "numbers": "column {column!r} must hold numbers",
    "flags": "column {column!r} must hold true/false flags, got {value!r}",
}


#: rule code of a column problem -> what to do about it (the reader of samples, of validated tables)
_HINTS = {
    "assess.table_column": "see the samples schema in the docs (ohsreg.assess.SAMPLE_COLUMNS)",
    "column.missing": "see the column rules passed to ohsreg.validation.validate_table",
}


def _column_error(name: str, problem: str, value: Any = None, *, rule: str) -> AssessmentError:
    return AssessmentError(
        _COLUMN_PROBLEMS[problem], rule=rule, field=name, hint=_HINTS[rule], column=name, value=value
    )


class Columns:
    """Read named columns of ``data`` (Arrow table or record batch, pandas DataFrame, mapping of arrays)."""

    def __init__(self, data: Any, *, rule: str = "assess.table_column") -> None:
        self.rule = rule
        if hasattr(data, "schema") and hasattr(data, "column") and hasattr(data, "num_rows"):
            self.kind = "arrow"
            self.names = frozenset(data.schema.names)
            self.rows = int(data.num_rows)
        elif hasattr(data, "columns") and hasattr(data, "iloc"):
            self.kind = "pandas"
            self.names = frozenset(str(c) for c in data.columns)
            self.rows = len(data)
        elif isinstance(data, Mapping):
            self.kind = "mapping"
            self.names = frozenset(str(k) for k in data)
            bad = next((k for k, v in data.items() if not hasattr(v, "__len__")), None)
            if bad is not None:
                raise AssessmentError(
                    "column {name!r} is not a sequence of values (got {type})",
                    rule=rule,
                    field="samples",
                    name=str(bad),
                    type=type(data[bad]).__name__,
                )
            lengths = {len(v) for v in data.values()}
            if len(lengths) > 1:
                raise AssessmentError(
                    "the columns differ in length: {lengths}",
                    rule=rule,
                    field="samples",
                    lengths=sorted(lengths),
                )
            self.rows = lengths.pop() if lengths else 0
        else:
            raise AssessmentError(
                "samples must be an Arrow table, a pandas DataFrame or a mapping of columns, got {type}",
                rule="assess.value",
                field="samples",
                type=type(data).__name__,
            )
        self.data = data

    def __len__(self) -> int:
        return self.rows

    def _error(self, name: str, problem: str, value: Any = None) -> AssessmentError:
        return _column_error(name, problem, value, rule=self.rule)

    def has(self, name: str) -> bool:
        return name in self.names

    def _raw(self, name: str) -> Any:
        if name not in self.names:
            raise self._error(name, "missing")
        if self.kind == "arrow":
            return self.data.column(name)
        return self.data[name]

    # -- numbers ----------------------------------------------------------------------------------
    def floats(self, name: str) -> Any:
        """float64 values, NaN where missing; a column that does not hold numbers raises."""
        np = _np()
        col = self._raw(name)
        try:
            if self.kind == "arrow":
                pa = optional("pyarrow")

                return np.asarray(col.cast(pa.float64()).to_numpy(zero_copy_only=False), dtype=np.float64)
            if self.kind == "pandas":
                return col.to_numpy(dtype=np.float64, na_value=np.nan)
            arr = np.asarray(col)
            if arr.dtype.kind in "fiu":
                return arr.astype(np.float64)
            if arr.dtype.kind == "b":
                raise TypeError("booleans are not numbers")
            return np.array([np.nan if v is None else _number(v) for v in arr.tolist()], dtype=np.float64)
        except (TypeError, ValueError, OverflowError) as exc:
            if isinstance(exc, AssessmentError):
                raise
            raise self._error(name, "numbers") from exc
        except Exception as exc:  # pyarrow's ArrowInvalid / ArrowNotImplementedError on a bad cast
            raise self._error(name, "numbers") from exc

    def flags(self, name: str) -> Any:
        """Booleans (missing -> False); numbers 0/1 and the texts true/false are accepted."""
        np = _np()
        col = self._raw(name)
        if self.kind == "arrow":
            pa = optional("pyarrow")

            if pa.types.is_boolean(col.type):
                return np.asarray(col.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
        elif self.kind == "pandas":
            if col.dtype == bool:
                return col.to_numpy(dtype=bool)
        else:
            arr = np.asarray(col)
            if arr.dtype == bool:
                return arr
        codes, uniques = self.labels(name)
        table = []
        for text in uniques:
            low = text.strip().lower()
            if low in ("true", "1", "1.0", "yes", "y", "t"):
                table.append(True)
            elif low in ("false", "0", "0.0", "no", "n", "f", ""):
                table.append(False)
            else:
                raise self._error(name, "flags", text)
        return np.append(np.asarray(table, dtype=bool), False)[codes]

    # -- labels -----------------------------------------------------------------------------------
    def labels(self, name: str) -> tuple[Any, list[str]]:
        """``(codes, values)``: int64 codes into the distinct texts, ``-1`` where missing."""
        np = _np()
        col = self._raw(name)
        if self.kind == "arrow":
            pa = optional("pyarrow")

            col = col.cast(pa.string()) if not pa.types.is_string(col.type) else col
            enc = col.combine_chunks().dictionary_encode() if col.num_chunks else pa.array([], pa.string())
            if not pa.types.is_dictionary(enc.type):
                return np.zeros(0, dtype=np.int64), []
            codes = np.asarray(enc.indices.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)
            return codes, [str(v) for v in enc.dictionary.to_pylist()]
        values = col.to_numpy(dtype=object) if self.kind == "pandas" else np.asarray(col, dtype=object)
        return factorize(values)

    # -- dates ------------------------------------------------------------------------------------
    def days(self, name: str) -> tuple[Any, Any]:
        """``(days, bad)``: int64 days since 1970-01-01 and a mask of missing or unreadable dates."""
        np = _np()
        col = self._raw(name)
        if self.kind == "arrow":
            pa = optional("pyarrow")

            if pa.types.is_timestamp(col.type) or pa.types.is_date64(col.type):
                col = col.cast(pa.date32())
            if pa.types.is_date32(col.type):
                ints = col.cast(pa.int32()).to_numpy(zero_copy_only=False)
                days = np.asarray(np.nan_to_num(ints.astype(np.float64), nan=NO_DAY), dtype=np.int64)
                return days, days == NO_DAY
        else:
            arr = col.to_numpy() if self.kind == "pandas" else np.asarray(col)
            if arr.dtype.kind == "M":
                days = arr.astype("datetime64[D]").astype(np.int64)
                bad = np.isnat(arr)
                days[bad] = NO_DAY
                return days, bad
        codes, uniques = self.labels(name) if self.kind == "arrow" else factorize_any(col, self.kind)
        parsed = np.asarray([_day(v) for v in uniques] + [NO_DAY], dtype=np.int64)
        days = parsed[codes]
        return days, days == NO_DAY


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise TypeError("booleans are not numbers")
    return float(value)


def _day(value: Any) -> int:
    """Day number of a date, a datetime or an ISO 8601 date text; :data:`NO_DAY` if it is none of them."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return day_number(value)
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 10:
            try:
                return day_number(dt.date.fromisoformat(text))
            except ValueError:
                return NO_DAY
    return NO_DAY


def factorize(values: Any) -> tuple[Any, list[str]]:
    """int64 codes and distinct texts of an object array (``None`` and NaN are missing: code ``-1``)."""
    np = _np()
    try:
        pd = importlib.import_module("pandas")
    except ImportError:  # pragma: no cover - pandas is in the test environment
        pd = None
    if pd is not None:
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        return np.asarray(codes, dtype=np.int64), [_text(v) for v in uniques.tolist()]
    missing = np.array([v is None or (isinstance(v, float) and v != v) for v in values.tolist()], dtype=bool)
    texts = np.array(["" if m else _text(v) for v, m in zip(values.tolist(), missing, strict=True)])
    uniques, codes = np.unique(texts, return_inverse=True)
    codes = codes.astype(np.int64)
    codes[missing] = -1
    return codes, [str(u) for u in uniques.tolist()]


def factorize_any(col: Any, kind: str) -> tuple[Any, list[Any]]:
    """Like :func:`factorize` but keeps the distinct values as they are (dates stay dates)."""
    np = _np()
    values = col.to_numpy(dtype=object) if kind == "pandas" else np.asarray(col, dtype=object)
    try:
        pd = importlib.import_module("pandas")
    except ImportError:  # pragma: no cover - pandas is in the test environment
        index: dict[Any, int] = {}
        codes = np.array(
            [-1 if v is None else index.setdefault(v, len(index)) for v in values.tolist()], dtype=np.int64
        )
        return codes, list(index)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return np.asarray(codes, dtype=np.int64), list(uniques.tolist())


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an id column read as floats by pandas: 1001.0 -> "1001"
    return str(value)
