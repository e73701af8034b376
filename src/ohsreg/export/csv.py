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
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any, Literal, TypeVar

from ohsreg.errors import InvalidFormat, OhsregError, UnknownEntry
from ohsreg.export._io import (
    Progress,
    RecordError,
    Source,
    context,
    error_items,
    gc_paused,
    list_adapter,
    open_sink,
    open_source,
    record_error,
    text_blocks,
)
from ohsreg.export._labels import ZH

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

# Chinese labels of field names: one table for every tabular exporter (see :mod:`ohsreg.export._labels`)
_ZH = ZH


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

# --------------------------------------------------------------------------------------------------
# the layout of a model: which JSON types each column may hold, column order, labels


class Table:
    """The flat layout of one model, derived from its JSON Schema (cached per model)."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.model = model
        self.schema = model.model_json_schema(mode="serialization")
        self.defs: dict[str, Any] = self.schema.get("$defs", {})
        self._kinds: dict[str, str] = {}
        self._nodes: dict[tuple[str, ...], list[tuple[dict[str, Any], str]]] = {}

    def _resolve(self, node: dict[str, Any]) -> list[dict[str, Any]]:
        """The alternatives a schema node stands for (refs followed, anyOf/oneOf expanded)."""
        ref = node.get("$ref")
        if isinstance(ref, str):
            return self._resolve(self.defs[ref.rsplit("/", 1)[-1]])
        options = node.get("anyOf") or node.get("oneOf")
        if options:
            out: list[dict[str, Any]] = []
            for o in options:
                out.extend(self._resolve(o))
            return out
        all_of = node.get("allOf")
        if all_of and len(all_of) == 1:
            return self._resolve(all_of[0])
        return [node]

    def nodes(self, parts: tuple[str, ...]) -> list[tuple[dict[str, Any], str]]:
        """Schema alternatives at ``parts`` with how they were reached: ``prop``, ``map``, ``item``."""
        cached = self._nodes.get(parts)
        if cached is not None:
            return cached
        if not parts:
            result = [(n, "prop") for n in self._resolve(self.schema)]
        else:
            result = []
            for parent, _ in self.nodes(parts[:-1]):
                part = parts[-1]
                props = parent.get("properties")
                if isinstance(props, dict) and part in props:
                    result.extend((n, "prop") for n in self._resolve(props[part]))
                    continue
                extra = parent.get("additionalProperties")
                if isinstance(extra, dict) and parent.get("type") == "object" and not props:
                    result.extend((n, "map") for n in self._resolve(extra))
                elif extra is True or (parent.get("type") == "object" and extra is None and not props):
                    result.append(({}, "map"))
                if parent.get("type") == "array" and part.isdigit():
                    items = parent.get("items")
                    prefix = parent.get("prefixItems")
                    if isinstance(prefix, list) and int(part) < len(prefix):
                        result.extend((n, "item") for n in self._resolve(prefix[int(part)]))
                    elif isinstance(items, dict):
                        result.extend((n, "item") for n in self._resolve(items))
                    else:
                        result.append(({}, "item"))
                elif not parent:  # untyped (Any): anything goes below
                    result.append(({}, "map"))
        self._nodes[parts] = result
        return result

    def known(self, path: str) -> bool:
        """Whether ``path`` names a column this model can have."""
        return bool(self.nodes(tuple(path.split("."))))

    def kind(self, path: str) -> str:
        """``text`` (only strings), ``literal`` (no strings) or ``mixed`` for the cell at ``path``."""
        cached = self._kinds.get(path)
        if cached is not None:
            return cached
        types: set[str] = set()
        untyped = False
        for node, _ in self.nodes(tuple(path.split("."))):
            t = node.get("type")
            if isinstance(t, list):
                types |= set(t)
            elif isinstance(t, str):
                types.add(t)
            elif "enum" in node or "const" in node:
                values = node.get("enum", [node.get("const")])
                types |= {"string" if isinstance(v, str) else "number" for v in values}
            else:
                untyped = True
        scalars = types - {"null", "object", "array"}
        if untyped or ("string" in scalars and len(scalars) > 1):
            kind = "mixed"
        elif scalars <= {"string"}:
            kind = "text"
        else:
            kind = "literal"
        self._kinds[path] = kind
        return kind

    def via(self, parts: tuple[str, ...]) -> str:
        """How the last part of ``parts`` is reached: ``prop``, ``map`` or ``item``."""
        found = self.nodes(parts)
        return found[0][1] if found else "prop"

    def is_array(self, parts: tuple[str, ...]) -> bool:
        return any(n.get("type") == "array" for n, _ in self.nodes(parts))

    def sort_key(self, path: str) -> tuple[tuple[int, int | str], ...]:
        key: list[tuple[int, int | str]] = []
        parts = tuple(path.split("."))
        for i, part in enumerate(parts):
            order = 10**6
            for parent, _ in self.nodes(parts[:i]):
                props = parent.get("properties")
                if isinstance(props, dict) and part in props:
                    order = list(props).index(part)
                    break
            key.append((0, int(part)) if part.isdigit() and order == 10**6 else (1, order))
        return tuple(key)

    def label(self, path: str, locale: str, *, skip: int = 0) -> str:
        """A human column label in ``zh_CN`` or ``en`` (list indexes shown 1-based).

        ``skip`` leaves out the first parts of the path (a column of a sheet of nested records is
        labelled relative to the record).
        """
        words: list[str] = []
        parts = tuple(path.split("."))
        for i, part in enumerate(parts):
            if i < skip:
                continue
            via = self.via(parts[: i + 1])
            if part.isdigit() and via == "item":
                words.append(str(int(part) + 1))
                continue
            if via == "map":  # a key of a free-form mapping is data, shown as it is
                words.append(part)
                continue
            title = None
            for parent, _ in self.nodes(parts[:i]):
                props = parent.get("properties")
                if isinstance(props, dict) and part in props:
                    prop = props[part]
                    title = prop.get("x-zh") if locale == "zh_CN" else prop.get("title")
                    break
            if title is None:
                title = _ZH.get(part) if locale == "zh_CN" else None
            words.append(title or part.replace("_", " ").capitalize())
        return " ".join(words)


@lru_cache(maxsize=64)
def _table(model: type[BaseModel]) -> Table:
    return Table(model)


def label(model: type[BaseModel], path: str, locale: str = "zh_CN") -> str:
    """The column label of ``path`` for ``model`` in ``locale``.

    >>> from ohsreg.models import Authority
    >>> label(Authority, "region"), label(Authority, "region", "en")
    ('行政区划', 'Region')
    """
    from ohsreg.i18n import normalize_locale

    return _table(model).label(path, normalize_locale(locale))


# --------------------------------------------------------------------------------------------------
# flatten / unflatten


def flatten(value: Any, prefix: str = "", out: dict[str, Any] | None = None) -> dict[str, Any]:
    """Flatten canonical JSON (dicts, lists, scalars) to ``{"a.b.0.c": scalar}``.

    >>> flatten({"a": {"b": [{"c": 1}, {"c": None}]}, "d": "x"})
    {'a.b.0.c': 1, 'a.b.1.c': None, 'd': 'x'}
    """
    if out is None:
        out = {}
    if isinstance(value, dict):
        items: Iterable[tuple[Any, Any]] = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        out[prefix[:-1]] = value
        return out
    for k, v in items:
        cls = v.__class__
        if cls is dict or cls is list:
            flatten(v, f"{prefix}{k}.", out)
        else:
            out[f"{prefix}{k}"] = v
    return out


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


def unflatten(row: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """Rebuild the nested canonical JSON of ``model`` from ``{path: value}`` (the reverse of :func:`flatten`).

    Objects and lists whose leaves are all null are dropped (the model default applies); so are null
    values inside free-form mappings.
    """
    table = _table(model)
    tree: dict[str, Any] = {}
    nulls: list[list[str]] = []
    for path, value in row.items():
        parts = path.split(".")
        if value is None:
            nulls.append(parts)
            continue
        node = tree
        for part in parts[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {}
            node = child
        node[parts[-1]] = value
    # nulls go only where nothing else is: an open term is a code (``kind``) in one row and a custom
    # term (``kind.custom``) in another, and the empty column of the other form must not erase it
    for parts in nulls:
        node = tree
        for part in parts[:-1]:
            child = node.get(part)
            if child is None:
                child = node[part] = {}
            elif not isinstance(child, dict):
                break
            node = child
        else:
            node.setdefault(parts[-1], None)
    return _build(tree, (), table, top=True)  # type: ignore[no-any-return]


def _build(node: dict[str, Any], parts: tuple[str, ...], table: Table, *, top: bool = False) -> Any:
    out: dict[str, Any] = {}
    for key, value in node.items():
        here = (*parts, key)
        if isinstance(value, dict):
            built = _build(value, here, table)
            if built is not None:
                out[key] = built
        elif value is not None or (top or table.via(here) == "prop"):
            out[key] = value
    if not top and all(v is None for v in out.values()):
        return None
    if parts and table.is_array(parts) and all(k.isdigit() for k in out):
        return [out[k] for k in sorted(out, key=int)]
    return out


# --------------------------------------------------------------------------------------------------
# writing


def _rows(records: Iterable[BaseModel], unmask: bool, batch: int = 2000) -> Iterator[dict[str, Any]]:
    """Flattened canonical JSON of each record (one pydantic call per batch of one model)."""
    ctx = context(unmask)
    chunk: list[BaseModel] = []
    for r in records:
        chunk.append(r)
        if len(chunk) >= batch:
            yield from _dump(chunk, ctx)
            chunk = []
    if chunk:
        yield from _dump(chunk, ctx)


def _dump(chunk: list[BaseModel], ctx: dict[str, bool] | None) -> Iterator[dict[str, Any]]:
    model = type(chunk[0])
    with gc_paused():
        if all(type(r) is model for r in chunk):
            dumped = list_adapter(model).dump_python(chunk, mode="json", context=ctx)
        else:
            dumped = [r.model_dump(mode="json", context=ctx) for r in chunk]
        rows = [flatten(d) for d in dumped]
    yield from rows


def _model_of(records: Sequence[BaseModel], model: type[BaseModel] | None) -> type[BaseModel]:
    if model is not None:
        return model
    if not records:
        raise OhsregError(
            "no records to write and no model given",
            rule="export.empty",
            hint="pass model= to write a header-only file",
        )
    first = type(records[0])
    for r in records:
        if type(r) is not first:
            raise OhsregError(
                "records of different models ({first} and {other}) cannot share one table",
                rule="export.mixed_models",
                hint="write one file (or one sheet) per model",
                first=first.__name__,
                other=type(r).__name__,
            )
    return first


def columns_of(rows: Iterable[dict[str, Any]], model: type[BaseModel]) -> list[str]:
    """The ordered union of the columns of flattened ``rows`` (model field order, list indexes)."""
    seen: dict[str, None] = {}
    for row in rows:
        for k in row:
            seen.setdefault(k, None)
    if not seen:
        seen = {
            k: None
            for k, node in _table(model).schema.get("properties", {}).items()
            if isinstance(node, dict)
        }
    return sorted(seen, key=_table(model).sort_key)


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
