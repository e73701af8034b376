"""CSV of any public model, flattened to columns and back (round trip equal).

**Column names.** A record is flattened from its canonical JSON: nested fields are joined with ``.``
and list items by their 0-based index, so ``workplaces.0.posts.2.name`` is the name of the third post of
the first workplace; a quantity ``exposure`` becomes ``exposure.value`` and ``exposure.unit``; a custom
vocabulary term becomes ``category.custom``. Columns follow the model's field order (list items in
index order). The header row holds these paths; ``header="zh"``, ``"en"`` or ``"both"`` adds label
rows above it (from the models' field titles and a table of official terms), which the reader skips.

**Cells.** ``null`` is an empty cell; numbers and booleans are written as JSON literals (``1.5``,
``true``); text is written as is, except that text that could start a spreadsheet formula (``=``,
``+``, ``-``, ``@``, their full-width forms, a tab, a line break, ``|``, ``'``) -- and the empty string --
gets a leading ``'`` from :func:`ohsreg.export.cells.neutralise`; the reader removes exactly one leading
``'`` (:func:`~ohsreg.export.cells.restore`). In columns where the model allows both text and numbers,
text that reads as a number also gets the ``'``.

**Limits of the flat form** (documented, tested): an empty list, an absent list and a nested model
whose fields are all null read back as the field's default; in free-form mappings (``Finding.params``)
a null value reads back as an absent key; mapping keys must not contain ``.``.

Personal data is masked unless ``unmask=True``: a masked file does not round-trip to the original
values (by design).

>>> from ohsreg.models import finding
>>> from ohsreg.vocab import Severity
>>> f = finding("demo.late", Severity.WARNING, "示例 第1条", "{what} is late", what="=report", n=3)
>>> text = to_csv([f])
>>> print(text.splitlines()[0])
rule,severity,clause,subject,template,params.what,params.n,due
>>> print(text.splitlines()[1])
demo.late,WARNING,示例 第1条,,{what} is late,'=report,3,
>>> from_csv(text.encode(), type(f)) == [f]
True
"""

from __future__ import annotations

import collections
import contextlib
import csv
import io
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, Literal, TypeVar

from ohsreg.errors import InvalidFormat, OhsregError, UnknownEntry

# the flat column layout lives in ohsreg.export._columns (shared with XLSX, frames and Arrow); its
# names stay importable from here, their former home
from ohsreg.export._columns import Table as Table
from ohsreg.export._columns import _model_of, _rows, _table
from ohsreg.export._columns import columns_of as columns_of
from ohsreg.export._columns import flatten as flatten
from ohsreg.export._columns import label as label
from ohsreg.export._columns import unflatten as unflatten
from ohsreg.export._io import (
    Progress,
    RecordError,
    Source,
    error_items,
    gc_paused,
    list_adapter,
    open_sink,
    open_source,
    record_error,
    text_blocks,
)

# the neutraliser's former home: the names stay importable from here
from ohsreg.export.cells import FORMULA_TRIGGERS as FORMULA_TRIGGERS
from ohsreg.export.cells import neutralise as neutralise
from ohsreg.export.cells import restore as restore

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = [
    "Header",
    "RecordError",
    "Table",
    "flatten",
    "from_csv",
    "iter_csv",
    "label",
    "to_csv",
    "unflatten",
]

M = TypeVar("M", bound="BaseModel")
Header = Literal["path", "zh", "en", "both"]
"""The header rows of a CSV file: column paths only, or label rows in zh, en or both above them."""

_LITERAL_START = frozenset("0123456789-+.tfnIN")


def _literal(cell: str) -> Any:
    """The JSON number or boolean ``cell`` spells, or ``_NOT`` if it is not one."""
    if cell in ("true", "false"):
        return cell == "true"
    if cell and cell[0] in _LITERAL_START:
        try:
            value = json.loads(cell)
        except ValueError:
            return _NOT
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
    return _NOT


_NOT = object()


def _encode(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        if kind == "mixed" and _literal(value) is not _NOT:
            return "'" + value
        return neutralise(value)
    if isinstance(value, float | int):
        return json.dumps(value)
    return neutralise(str(value))  # pragma: no cover - canonical JSON has no other scalars


def _decode(cell: str, kind: str) -> Any:
    if not cell:
        return None
    if cell[0] == "'":
        return restore(cell)
    if kind == "text":
        return cell
    value = _literal(cell)
    return cell if value is _NOT else value


# --------------------------------------------------------------------------------------------------
# writing


def header_rows(model: type[BaseModel], columns: Sequence[str], header: Header) -> list[list[str]]:
    """The header rows: labels (zh, en or both) above the path row."""
    table = _table(model)
    rows: list[list[str]] = []
    if header in ("zh", "both"):
        rows.append([neutralise(table.label(c, "zh_CN")) for c in columns])
    if header in ("en", "both"):
        rows.append([neutralise(table.label(c, "en")) for c in columns])
    rows.append(list(columns))
    return rows


def to_csv(
    records: Iterable[BaseModel],
    dest: str | os.PathLike[str] | IO[bytes] | None = None,
    *,
    model: type[BaseModel] | None = None,
    columns: Sequence[str] | None = None,
    unmask: bool = False,
    header: Header = "path",
    bom: bool = False,
    progress: Progress | None = None,
) -> str | None:
    """Write ``records`` (all of one model) as CSV; returns the text when ``dest`` is None.

    ``bom=True`` starts the file with a UTF-8 byte-order mark, which Excel in a Chinese locale needs to
    read UTF-8. Columns are the union over all records unless ``columns`` is given (then records are
    streamed in constant memory and a column outside the list raises ``export.unknown_column``).
    """
    if columns is None:
        records = list(records)
        cls = _model_of(records, model)
        rows: Iterable[dict[str, Any]] = list(_rows(records, unmask))
        cols = columns_of(rows, cls)
    else:
        if model is None:
            raise OhsregError(
                "columns= needs model= as well", rule="export.empty", hint="pass model=YourModel"
            )
        cls, cols = model, list(columns)
        rows = _rows(records, unmask)
    table = _table(cls)
    kinds = [table.kind(c) for c in cols]
    colset = set(cols)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(header_rows(cls, cols, header))
    encode = _encode

    def flush(fh: IO[bytes] | None) -> None:
        if fh is not None:
            fh.write(buffer.getvalue().encode("utf-8"))
            buffer.seek(0)
            buffer.truncate()

    with contextlib.ExitStack() as stack:
        fh = stack.enter_context(open_sink(dest)) if dest is not None else None
        if bom and fh is not None:
            fh.write(b"\xef\xbb\xbf")
        count = 0
        for row in rows:
            if columns is not None and not colset.issuperset(row):
                unknown = sorted(set(row) - colset)
                raise UnknownEntry(
                    "column(s) {names} are not in the requested columns",
                    rule="export.unknown_column",
                    names=", ".join(unknown),
                )
            get = row.get
            writer.writerow([encode(get(c), k) for c, k in zip(cols, kinds, strict=True)])
            count += 1
            if count % 10_000 == 0:
                flush(fh)
                if progress is not None:
                    progress.update(10_000)
        if progress is not None:
            progress.update(count % 10_000)
            progress.close()
        if fh is None:
            return ("\ufeff" if bom else "") + buffer.getvalue()
        flush(fh)
        return None


# --------------------------------------------------------------------------------------------------
# reading


def _reader(lines: Iterable[str]) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(lines, strict=True)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise InvalidFormat(
                "malformed CSV at line {line}: {reason}",
                rule="export.csv_syntax",
                line=reader.line_num,
                column=None,
                reason=str(err),
            ) from None
        yield reader.line_num, row


_SHOWN = 10


def _listed(names: Sequence[str]) -> str:
    """The first few of ``names`` for a message (a hostile header may repeat a column 100 000 times)."""
    shown = ", ".join(names[:_SHOWN])
    return shown if len(names) <= _SHOWN else f"{shown} … (+{len(names) - _SHOWN})"


def _find_header(
    rows: Iterator[tuple[int, list[str]]], table: Table, unknown: str
) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The path row among the first three rows (label rows above it are skipped)."""
    seen: list[tuple[int, list[str]]] = []
    for _ in range(3):
        try:
            seen.append(next(rows))
        except StopIteration:
            break
    best: tuple[int, list[str]] | None = None
    best_score = -1
    for i, (_, row) in enumerate(seen):
        names = [c.strip() for c in row]
        score = sum(1 for c in names if c and table.known(c))
        if score == len([c for c in names if c]) and score:
            return names, seen[i + 1 :]
        if score > best_score:
            best, best_score = (i, names), score
    if best is None or best_score <= 0:
        raise InvalidFormat(
            "no header row of {model} columns found in the first rows",
            rule="export.csv_header",
            hint="the first row (after optional label rows) must hold column paths such as {example}",
            model=table.model.__name__,
            example=next(iter(table.schema.get("properties", {"name": None})), "name"),
        )
    i, names = best
    bad = [c for c in names if c and not table.known(c)]
    if unknown == "error":
        import difflib

        known = list(table.schema.get("properties", {}))
        raise UnknownEntry(
            "unknown column(s) for {model}: {names}",
            rule="export.unknown_column",
            hint="check the spelling (nested fields are joined with '.', list items by index: a.0.b)",
            model=table.model.__name__,
            names=_listed(bad),
            suggestions=[
                m for c in bad[:_SHOWN] for m in difflib.get_close_matches(c.split(".")[0], known, n=1)
            ],
        )
    return names, seen[i + 1 :]


def iter_csv(
    source: Source,
    model: type[M],
    *,
    encoding: str | None = None,
    unknown: Literal["error", "ignore"] = "error",
    batch_size: int = 2000,
    progress: Progress | None = None,
) -> Iterator[M]:
    """Stream the records of a CSV file written by :func:`to_csv` (or by hand with the same columns).

    The encoding is detected (UTF-8 with or without BOM, GB18030) unless given. Rows with more or fewer
    cells than the header raise ``export.csv_syntax`` with line and column; unknown columns raise
    ``export.unknown_column`` (or are ignored with ``unknown="ignore"``); invalid records raise
    :class:`RecordError` with their line numbers.
    """
    for _, record in _iter_csv_lines(source, model, encoding, unknown, batch_size, progress):
        yield record


def _iter_csv_lines(
    source: Source,
    model: type[M],
    encoding: str | None,
    unknown: Literal["error", "ignore"],
    batch_size: int,
    progress: Progress | None,
) -> Iterator[tuple[int, M]]:
    table = _table(model)
    with open_source(source) as raw:
        text_stream = (
            line for _, text in text_blocks(raw, encoding) for line in io.StringIO(text, newline="")
        )
        rows = _reader(text_stream)
        names, pending = _find_header(rows, table, unknown)
        counts = collections.Counter(c for c in names if c)  # one pass: a 100k-column header stays fast
        repeated = sorted(c for c, n in counts.items() if n > 1)
        if repeated:
            raise InvalidFormat(
                "column(s) {names} appear more than once in the header",
                rule="export.csv_header",
                hint="keep one column per path",
                names=_listed(repeated),
            )
        keep = [(i, c, table.kind(c)) for i, c in enumerate(names) if c and table.known(c)]
        width = len(names)
        flat = not any("." in c for _, c, _ in keep)  # top-level fields only: no tree to rebuild
        batch: list[dict[str, Any]] = []
        lines: list[int] = []

        def all_rows() -> Iterator[tuple[int, list[str]]]:
            yield from pending
            yield from rows

        for line, row in all_rows():
            if not row or (len(row) == 1 and not row[0].strip() and width > 1):
                continue  # blank line
            if len(row) != width:
                raise InvalidFormat(
                    "malformed CSV at line {line}, column {column}: {count} cells where the header has {width}",
                    rule="export.csv_syntax",
                    line=line,
                    column=min(len(row), width) + 1,
                    count=len(row),
                    width=width,
                )
            cells = {c: _decode(row[i], k) for i, c, k in keep}
            batch.append(cells if flat else unflatten(cells, model))
            lines.append(line)
            if len(batch) >= batch_size:
                yield from zip(lines, _validate(batch, lines, model), strict=True)
                if progress is not None:
                    progress.update(len(batch))
                batch, lines = [], []
        if batch:
            yield from zip(lines, _validate(batch, lines, model), strict=True)
            if progress is not None:
                progress.update(len(batch))
        if progress is not None:
            progress.close()


def _validate(batch: list[dict[str, Any]], lines: list[int], model: type[M]) -> list[M]:
    from pydantic import ValidationError

    try:
        with gc_paused():
            result: list[M] = list_adapter(model).validate_python(batch)
        return result
    except ValidationError as err:
        raise record_error(error_items(err, lines), model) from err


def from_csv(
    source: Source,
    model: type[M],
    *,
    encoding: str | None = None,
    unknown: Literal["error", "ignore"] = "error",
    unique: str | None = None,
) -> list[M]:
    """Read every record of a CSV file (see :func:`iter_csv`); ``unique`` names a field that must not repeat."""
    pairs = list(_iter_csv_lines(source, model, encoding, unknown, 2000, None))
    records = [r for _, r in pairs]
    if unique is not None:
        from ohsreg.export.json import check_unique

        check_unique(records, unique, lines=[n for n, _ in pairs])
    return records
