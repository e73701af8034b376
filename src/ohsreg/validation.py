"""Columnar validation of flat tables: identifiers, ranges, vocabularies and dates, one rule code per row.

For millions of flat records (a province's enterprises, a lab's sample register) validating each
record through pydantic is the slow path. :func:`validate_table` checks whole columns of an Arrow
table, a pandas DataFrame or a mapping of arrays against a list of column rules and reports, per row,
the first rule that failed (with its column); every rule is applied with numpy over the column, and the
identifier checks answer exactly as the scalar ``validate`` functions (:mod:`ohsreg.identifiers.arrays`).

>>> report = validate_table(
...     {"uscc": ["91110000600037341L", "91110000600037341M"], "workers": [12, -1]},
...     [Identifier("uscc", "uscc"), Range("workers", 0, 10**7)],
... )
>>> report.valid.tolist(), list(report.errors())
([True, False], [(1, 'uscc', 'uscc.checksum')])

**Trusted fast path.** Tables written by ohsreg from validated records (:func:`ohsreg.export.arrow.to_arrow`,
``to_parquet``; their schema metadata names the model under ``ohsreg.model``) need not be checked
again: ``trusted=True`` accepts such a table after checking only that the columns are there, and
refuses (``column.untrusted``) a table ohsreg did not write.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from ohsreg.errors import OhsregError

__all__ = ["DateRange", "Identifier", "OneOf", "Range", "TableReport", "validate_table"]


def _np() -> Any:
    import numpy

    return numpy


@attrs.frozen
class Identifier:
    """Column ``column`` holds identifiers of ``kind`` (``uscc``, ``cas``, ``division``, ``industry``,
    ``resident_id``), judged as :func:`ohsreg.identifiers.arrays.check` does."""

    column: str
    kind: str
    required: bool = True


@attrs.frozen
class Range:
    """Column ``column`` holds numbers in ``[low, high]`` (``column.range``; non-numbers: ``column.type``)."""

    column: str
    low: float | None = None
    high: float | None = None
    required: bool = True


@attrs.frozen
class OneOf:
    """Column ``column`` holds one of ``values`` (codes of a vocabulary; ``column.enum``)."""

    column: str
    values: tuple[str, ...]
    required: bool = True

    @classmethod
    def of(cls, column: str, enum: Any, *, required: bool = True) -> OneOf:
        """The codes of a :class:`~ohsreg.vocab.LabeledEnum` (or any enum with ``code``/``value``)."""
        return cls(column, tuple(str(getattr(m, "code", m.value)) for m in enum), required)


@attrs.frozen
class DateRange:
    """Column ``column`` holds dates (``date32``, ``datetime64`` or ISO text) in ``[low, high]``
    (``column.date`` for a non-date, ``column.range`` outside the bounds)."""

    column: str
    low: dt.date | None = None
    high: dt.date | None = None
    required: bool = True


ColumnRule = Identifier | Range | OneOf | DateRange


@attrs.frozen(eq=False, repr=False)
class TableReport:
    """Per-row outcome of :func:`validate_table`.

    ``rule_codes[i]`` indexes :attr:`rules` (``-1``: row valid); ``columns[i]`` indexes :attr:`names`.
    """

    rule_codes: Any
    column_codes: Any
    rules: tuple[str, ...]
    names: tuple[str, ...]
    trusted: bool = False

    def __len__(self) -> int:
        return int(self.rule_codes.shape[0])

    def __repr__(self) -> str:
        bad = int((self.rule_codes >= 0).sum())
        return f"TableReport({len(self)} rows, {bad} invalid{', trusted' if self.trusted else ''})"

    @property
    def valid(self) -> Any:
        """Boolean mask of the rows that passed every rule."""
        return self.rule_codes < 0

    def errors(self) -> Iterator[tuple[int, str, str]]:
        """``(row, column, rule)`` of each invalid row (its first failing rule, in rule order)."""
        np = _np()
        for i in np.flatnonzero(self.rule_codes >= 0).tolist():
            yield i, self.names[self.column_codes[i]], self.rules[self.rule_codes[i]]

    def counts(self) -> dict[str, int]:
        """How many rows failed each rule code."""
        np = _np()
        found = np.bincount(self.rule_codes[self.rule_codes >= 0], minlength=len(self.rules))
        return {r: int(n) for r, n in zip(self.rules, found.tolist(), strict=True) if n}


def validate_table(table: Any, rules: Sequence[ColumnRule], *, trusted: bool = False) -> TableReport:
    """Check ``table`` against column ``rules``; see the module docstring.

    A missing column raises ``column.missing``; a null in a ``required`` column is ``column.null``
    (``Identifier`` columns report the identifier's own ``<kind>.type``, as ``validate(None)``).
    """
    from ohsreg.assess._columns import Columns

    np = _np()
    cols = Columns(table, rule="column.missing")
    n = len(cols)
    names = tuple(r.column for r in rules)
    for name in names:
        if not cols.has(name):
            cols.floats(name)  # raises column.missing naming it
    rule_codes = np.full(n, -1, dtype=np.int16)
    column_codes = np.zeros(n, dtype=np.int16)
    if trusted:
        _check_trusted(table)
        return TableReport(rule_codes, column_codes, (), names, trusted=True)
    found: list[str] = []

    def mark(mask: Any, rule: str, column: int) -> None:
        free = mask & (rule_codes < 0)
        if free.any():
            if rule not in found:
                found.append(rule)
            rule_codes[free] = found.index(rule)
            column_codes[free] = column

    for c, spec in enumerate(rules):
        for mask, rule in _apply(cols, spec, n):
            mark(mask, rule, c)
    return TableReport(rule_codes, column_codes, tuple(found), names)


def _apply(cols: Any, spec: ColumnRule, n: int) -> list[tuple[Any, str]]:
    np = _np()
    if isinstance(spec, Identifier):
        from ohsreg.identifiers.arrays import check

        raw = cols.data.column(spec.column) if cols.kind == "arrow" else cols._raw(spec.column)
        result = check(spec.kind, raw)
        out = []
        for i, rule in enumerate(result.rules, start=1):
            mask = result.codes == i
            if not spec.required and rule.endswith(".type"):
                mask &= ~_nulls(cols, spec.column, n)
            out.append((mask, rule))
        return out
    if isinstance(spec, Range):
        try:
            values = cols.floats(spec.column)
        except OhsregError:
            return [_hit(np.ones(n, dtype=bool), rule="column.type")]
        return _bounds(values, np.isnan(values), spec.low, spec.high, spec.required)
    if isinstance(spec, OneOf):
        codes, uniques = cols.labels(spec.column)
        allowed = np.array([u in spec.values for u in uniques] + [True], dtype=bool)
        out = [_hit(~allowed[codes], rule="column.enum")]
        if spec.required:
            out.insert(0, _hit(codes < 0, rule="column.null"))
        return out
    from ohsreg.assess._columns import day_number

    days, bad = cols.days(spec.column)
    nulls = _nulls(cols, spec.column, n)
    low = None if spec.low is None else float(day_number(spec.low))
    high = None if spec.high is None else float(day_number(spec.high))
    out = [_hit(bad & ~nulls, rule="column.date")]
    return out + _bounds(days.astype(np.float64), bad, low, high, spec.required, nulls)


def _hit(mask: Any, *, rule: str) -> tuple[Any, str]:
    """The rows of ``mask`` fail ``rule``."""
    return mask, rule


def _bounds(
    values: Any, missing: Any, low: float | None, high: float | None, required: bool, nulls: Any = None
) -> list[tuple[Any, str]]:
    np = _np()
    out = []
    if required:
        out.append(_hit(missing if nulls is None else nulls, rule="column.null"))
    with np.errstate(invalid="ignore"):
        outside = np.zeros(values.shape, dtype=bool)
        if low is not None:
            outside |= values < low
        if high is not None:
            outside |= values > high
        outside |= np.isinf(values)
    out.append(_hit(outside & ~missing, rule="column.range"))
    return out


def _nulls(cols: Any, name: str, n: int) -> Any:
    codes, _ = cols.labels(name) if cols.kind != "arrow" or _is_text(cols, name) else (None, None)
    if codes is not None:
        return codes < 0
    np = _np()
    return np.asarray(cols.data.column(name).is_null().to_numpy(zero_copy_only=False), dtype=bool)


def _is_text(cols: Any, name: str) -> bool:
    pa = importlib.import_module("pyarrow")
    typ = cols.data.schema.field(name).type
    return bool(pa.types.is_string(typ) or pa.types.is_large_string(typ) or pa.types.is_dictionary(typ))


def _check_trusted(table: Any) -> None:
    metadata = getattr(getattr(table, "schema", None), "metadata", None) or {}
    if b"ohsreg.model" not in metadata:
        raise OhsregError(
            "trusted=True needs a table written by ohsreg (schema metadata ohsreg.model)",
            rule="column.untrusted",
            field="trusted",
            hint="validate the table (trusted=False), or read it from a file ohsreg wrote",
        )
