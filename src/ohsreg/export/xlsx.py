"""Excel workbooks both ways (extra ``excel``: ``pip install 'ohsreg[excel]'``, xlsxwriter and openpyxl).

**Sheets per record kind.** Each model gets a sheet, and every list of nested records gets its own
sheet (see :mod:`ohsreg.export._sheets`): an :class:`~ohsreg.models.Enterprise` becomes the sheets
用人单位, 工作场所, 岗位, 接触检测, 劳动者, 职业健康检查, 职业卫生培训… -- one row per record, each child row
carrying its row number (``_row``), its parent's row number (``_parent``) and its parent's name. With
``as_of=`` the records' ``check(as_of)`` findings go to a sheet 核查发现 / Findings, and every finding row
shows its message and severity rendered in ``locale`` next to the rule code and template.

**Headers.** Label rows in each locale of ``labels`` (Chinese by default, then English), then the row of
column paths the reader uses; panes are frozen below them. When every row of a quantity has the same
unit, the unit is also shown in the value's label (``数值 (mg/m³)``); the unit column stays, so nothing is
lost.

**Cells.** Text is written as typed text cells (never a formula; text that a spreadsheet would take for
a formula also gets Excel's quote prefix style, see :func:`~ohsreg.export.cells.neutralise`), numbers as
numbers with all their digits (integers beyond 2⁵³, 17-digit floats), dates as dates, date-times as ISO text.
Control characters are escaped the OOXML way (``_x000D_``) and unescaped by :func:`from_xlsx`.

**Memory and reproducibility.** Records are streamed: rows are spooled to a temporary file and written
in xlsxwriter's constant-memory mode, so memory stays bounded whatever the number of records. The
document's creation time is fixed (:data:`~ohsreg.export._xlsx_common.CREATED`), so identical records
give byte-identical files.

Personal data is masked unless ``unmask=True``; a masked workbook reads back with masked values
(see :mod:`ohsreg.export.json`).

>>> import io
>>> from ohsreg.models import Authority
>>> a = Authority(name="杭州市卫生健康委员会", kind="HEALTH", level="MUNICIPAL", region="330100")
>>> buf = io.BytesIO()
>>> to_xlsx([a], buf)
>>> from_xlsx(buf.getvalue(), Authority) == [a]
True
"""

from __future__ import annotations

import datetime as dt
import io
import os
import pickle
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, TypeVar

from ohsreg.errors import InvalidFormat, UnknownEntry
from ohsreg.export._form import FORM_TITLE, declaration_form
from ohsreg.export._io import Source, context, gc_paused, list_adapter, require
from ohsreg.export._sheets import PARENT, PARENT_NAME, ROW, Layout, display_name
from ohsreg.export._xlsx_common import CREATED
from ohsreg.export.cells import _TRIGGERS

if TYPE_CHECKING:
    from pydantic import BaseModel

    from ohsreg.export._columns import Table

__all__ = ["FORM_TITLE", "META_SHEET", "declaration_form", "from_xlsx", "to_xlsx"]

M = TypeVar("M", bound="BaseModel")

META_SHEET = "_ohsreg"
"""Name of the hidden sheet that maps each sheet to its model and path (what :func:`from_xlsx` reads)."""

MESSAGE = "_message"
SEVERITY = "_severity"
FINDINGS = "#findings"
_BATCH = 1000
_MAX_EXACT_INT = 2**53
_ROW_NUMBERS = frozenset((ROW, PARENT))
"""Columns the writer fills with row numbers (always ints): written as numbers without type dispatch."""
_OWN_TEXT = frozenset((PARENT_NAME, MESSAGE, SEVERITY))
"""Columns the writer fills with text (a parent's name, a rendered message and severity label)."""
_SHEET_NAMES = {
    "Enterprise": ("用人单位", "Enterprises"),
    "Finding": ("核查发现", "Findings"),
    FINDINGS: ("核查发现", "Findings"),
    "ConstructionProject": ("建设项目", "Projects"),
    "TechnicalServiceAgency": ("技术服务机构", "Agencies"),
    "Expert": ("专家", "Experts"),
    "HazardDeclaration": ("职业病危害项目申报", "Declarations"),
}
_OWN_LABELS = {
    ROW: ("行号", "Row"),
    PARENT: ("上级行号", "Parent row"),
    PARENT_NAME: ("上级", "Parent"),
    MESSAGE: ("消息", "Message"),
    SEVERITY: ("严重程度说明", "Severity label"),
}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


class _Sheet:
    """One sheet being spooled: where its records sit in the model, its columns, its rows on disk."""

    def __init__(
        self, name: str, model: type[BaseModel], parts: tuple[str, ...], path: str, parent: str | None
    ) -> None:
        from ohsreg.export._columns import _table

        self.name = name
        self.model = model
        self.table: Table = _table(model)
        self.layout = Layout(self.table)
        self.parts = parts
        self.path = path
        self.parent = parent
        self.derived = path == FINDINGS
        self.columns: dict[str, None] = {}
        self.units: dict[str, set[Any]] = {}
        self.unit_broken: set[str] = set()
        self.count = 0
        self._pending: list[dict[str, Any]] = []
        self._spool: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()

    def add(self, row: dict[str, Any]) -> int:
        self.count += 1
        row[ROW] = self.count
        columns = self.columns
        for key, unit in row.items():
            if key not in columns:
                columns[key] = None
            if key.endswith(".unit"):
                value = key[:-5] + ".value"
                if (unit is None) != (row.get(value) is None):
                    self.unit_broken.add(key)
                elif unit is not None:
                    seen = self.units.setdefault(key, set())
                    if len(seen) < 2:
                        seen.add(unit)
        self._pending.append(row)
        if len(self._pending) >= _BATCH:
            self._flush()
        return self.count

    def _flush(self) -> None:
        if self._pending:
            pickle.dump(self._pending, self._spool, protocol=pickle.HIGHEST_PROTOCOL)
            self._pending = []

    def rows(self) -> Iterator[dict[str, Any]]:
        self._flush()
        self._spool.seek(0)
        while True:
            try:
                batch = pickle.load(self._spool)
            except EOFError:
                return
            yield from batch

    def shared_units(self) -> dict[str, str]:
        """``{value column: unit}`` for quantities whose every row has the same unit."""
        return {
            key[:-5] + ".value": str(next(iter(seen)))
            for key, seen in self.units.items()
            if len(seen) == 1 and key not in self.unit_broken and key[:-5] + ".value" in self.columns
        }

    def ordered_columns(self) -> list[str]:
        own = [c for c in (ROW, PARENT, PARENT_NAME) if c in self.columns]
        derived = [c for c in (MESSAGE, SEVERITY) if c in self.columns]
        data = [c for c in self.columns if not c.startswith("_")]
        prefix = ".".join(self.parts)
        key = self.table.sort_key
        data.sort(key=lambda c: key(f"{prefix}.{c}" if prefix else c))
        return own + data + derived

    def close(self) -> None:
        self._spool.close()


class _Book:
    """The sheets of one workbook, created as records arrive (sheet order = order of first use)."""

    def __init__(self, labels: Sequence[str], locale: str) -> None:
        self.labels = labels
        self.locale = locale
        self.sheets: dict[tuple[str, str], _Sheet] = {}
        self._names: set[str] = set()

    def sheet(
        self, root: str, model: type[BaseModel], parts: tuple[str, ...], path: str, parent: _Sheet | None
    ) -> _Sheet:
        found = self.sheets.get((root, path))
        if found is None:
            name = self._name(root, model, parts, path, parent)
            found = _Sheet(name, model, parts, path, None if parent is None else parent.name)
            self.sheets[(root, path)] = found
        return found

    def _name(
        self, root: str, model: type[BaseModel], parts: tuple[str, ...], path: str, parent: _Sheet | None
    ) -> str:
        en = bool(self.labels) and self.labels[0] == "en"
        if parent is None:
            base = root
        elif path in _SHEET_NAMES:
            base = _SHEET_NAMES[path][1 if en else 0]
        else:  # the list's label relative to the parent record; the parent's name first if taken
            base = parent.table.label(".".join(parts[:-1]), "en" if en else "zh_CN", skip=len(parent.parts))
            if base.casefold() in self._names:
                base = f"{parent.name} {base}"
        base = _BAD_SHEET_CHARS.sub("_", base).strip("'")[:31] or "Sheet"
        name, n = base, 2
        while name.casefold() in self._names or name == META_SHEET:
            suffix = f" {n}"
            name, n = base[: 31 - len(suffix)] + suffix, n + 1
        self._names.add(name.casefold())
        return name

    def add(
        self,
        root: str,
        model: type[BaseModel],
        dumped: dict[str, Any],
        obj: Any,
        parent: tuple[_Sheet, int, str | None] | None = None,
        parts: tuple[str, ...] = (),
        path: str = "",
    ) -> None:
        sheet = self.sheet(root, model, parts, path, None if parent is None else parent[0])
        row, lists = sheet.layout.split(dumped, parts)
        if parent is not None:
            row[PARENT] = parent[1]
            if parent[2] is not None:
                row[PARENT_NAME] = parent[2]
        if obj is not None and hasattr(obj, "message") and hasattr(obj, "severity"):
            row[MESSAGE] = obj.message(self.locale)
            row[SEVERITY] = obj.severity.label(self.locale)
        number = sheet.add(row)
        here = (sheet, number, display_name(row))
        for key, list_parts, items in lists:
            child_path = f"{path}.{_strip_indexes(key)}" if path else _strip_indexes(key)
            for item in items:
                self.add(root, model, item, None, here, (*list_parts, "0"), child_path)

    def add_findings(self, root: str, findings: list[Any], parent: tuple[_Sheet, int, str | None]) -> None:
        from ohsreg.models.base import Finding

        dumped = list_adapter(Finding).dump_python(findings, mode="json") if findings else []
        for f, d in zip(findings, dumped, strict=True):
            self.add(root, Finding, d, f, parent, (), FINDINGS)


def _strip_indexes(key: str) -> str:
    return ".".join(p for p in key.split(".") if not p.isdigit())


def _root_name(model: type[BaseModel], labels: Sequence[str]) -> str:
    names = _SHEET_NAMES.get(model.__name__)
    if names is None:
        return model.__name__
    return names[1] if labels and labels[0] == "en" else names[0]


def _chunks(
    records: Iterable[BaseModel] | Mapping[str, Iterable[BaseModel]], labels: Sequence[str]
) -> Iterator[tuple[str, list[BaseModel]]]:
    """``(root sheet name, records of one model)`` in batches, in input order."""
    if isinstance(records, Mapping):
        for key, items in records.items():
            yield from _batches(items, lambda _r, k=str(key): k)
        return
    yield from _batches(records, lambda r: _root_name(type(r), labels))


def _batches(items: Iterable[BaseModel], name: Any) -> Iterator[tuple[str, list[BaseModel]]]:
    chunk: list[BaseModel] = []
    for r in items:
        if chunk and (type(r) is not type(chunk[0]) or len(chunk) >= _BATCH):
            yield name(chunk[0]), chunk
            chunk = []
        chunk.append(r)
    if chunk:
        yield name(chunk[0]), chunk


def to_xlsx(
    records: Iterable[BaseModel] | Mapping[str, Iterable[BaseModel]],
    dest: str | os.PathLike[str] | IO[bytes],
    *,
    unmask: bool = False,
    labels: Sequence[str] = ("zh_CN", "en"),
    locale: str | None = None,
    as_of: dt.date | None = None,
    created: dt.datetime | None = None,
) -> None:
    """Write ``records`` to an .xlsx workbook: a sheet per model (or per key of a mapping) and per list
    of nested records.

    Args:
        records: the records (any public models, mixed), or ``{sheet name: records}``.
        dest: a path or a binary file.
        unmask: write personal data in clear.
        labels: the locales of the label rows above the path row (``()`` for paths only); the first
            one also names the sheets.
        locale: the language of rendered cells (finding messages, severity labels); default: the first
            of ``labels``, else zh_CN.
        as_of: add a findings sheet with each record's ``check(as_of)`` findings.
        created: the creation time written into the document properties (default: a fixed time, so
            identical input gives identical bytes).

    Raises:
        MissingExtra: ``export.extra_missing`` when xlsxwriter is not installed.
    """
    xlsxwriter = require("xlsxwriter", "excel")
    from ohsreg.i18n import normalize_locale

    langs = [normalize_locale(loc) for loc in labels]
    book = _Book(langs, normalize_locale(locale or (langs[0] if langs else "zh_CN")))
    ctx = context(unmask)
    try:
        for root, chunk in _chunks(records, langs):
            model = type(chunk[0])
            with gc_paused():
                dumped = list_adapter(model).dump_python(chunk, mode="json", context=ctx)
            for obj, d in zip(chunk, dumped, strict=True):
                book.add(root, model, d, obj)
                check = getattr(obj, "check", None)
                if as_of is not None and callable(check):
                    root_sheet = book.sheets[(root, "")]
                    here = (root_sheet, root_sheet.count, display_name(d))
                    book.add_findings(root, list(check(as_of)), here)
        workbook = xlsxwriter.Workbook(
            dest, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        )
        workbook.set_properties({"created": created or CREATED})
        try:
            _write(workbook, book, langs)
        finally:
            workbook.close()
    finally:
        for sheet in book.sheets.values():
            sheet.close()


def _write(workbook: Any, book: _Book, langs: Sequence[str]) -> None:
    bold = workbook.add_format({"bold": True, "bg_color": "#EEEEEE"})
    path_fmt = workbook.add_format({"italic": True, "font_color": "#666666"})
    formats = {
        "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
        "quote": workbook.add_format({"quote_prefix": True}),
    }
    for sheet in book.sheets.values():
        ws = workbook.add_worksheet(sheet.name)
        cols = sheet.ordered_columns()
        units = sheet.shared_units()
        prefix = ".".join(sheet.parts)
        r = 0
        for lang in langs:
            for j, c in enumerate(cols):
                ws.write_string(r, j, _column_label(sheet, c, lang, prefix) + _unit_suffix(units, c), bold)
            r += 1
        for j, c in enumerate(cols):
            ws.write_string(r, j, c, path_fmt)
            ws.set_column(j, j, max(8, min(40, len(c) + 2)))
        r += 1
        ws.freeze_panes(r, 1)
        writers = [(j, c, _writer(ws, sheet, c, prefix, formats)) for j, c in enumerate(cols)]
        for row in sheet.rows():
            get = row.get
            for j, c, write in writers:
                cell = get(c)
                if cell is not None:
                    write(r, j, cell)
            r += 1
    meta = workbook.add_worksheet(META_SHEET)
    for j, head in enumerate(("sheet", "model", "path", "parts", "parent", "derived", "header_rows")):
        meta.write_string(0, j, head)
    for i, sheet in enumerate(book.sheets.values(), 1):
        for j, value in enumerate(
            (
                sheet.name,
                sheet.model.__name__,
                sheet.path,
                ".".join(sheet.parts),
                sheet.parent or "",
                str(sheet.derived).lower(),
            )
        ):
            meta.write_string(i, j, value)
        meta.write_number(i, 6, len(langs) + 1)
    meta.hide()


def _column_label(sheet: _Sheet, column: str, lang: str, prefix: str) -> str:
    own = _OWN_LABELS.get(column)
    if own is not None:
        return own[0] if lang == "zh_CN" else own[1]
    full = f"{prefix}.{column}" if prefix else column
    return str(sheet.table.label(full, lang, skip=len(sheet.parts)))


def _unit_suffix(units: dict[str, str], column: str) -> str:
    return f" ({units[column]})" if column in units else ""


def _writer(ws: Any, sheet: _Sheet, column: str, prefix: str, formats: dict[str, Any]) -> Any:
    """The cell writer of one column, chosen once from the model's schema (text is never a formula).

    Text gets the spreadsheet's quote-prefix format exactly where :func:`ohsreg.export.cells.neutralise`
    would add a ``'`` (its trigger set is tested inline: this runs once per cell)."""
    if column in _ROW_NUMBERS:
        return ws.write_number
    quote = formats["quote"]
    if column in _OWN_TEXT:
        return _text_writer(ws, quote)
    if column.startswith("_"):
        return _any_writer(ws, quote)
    full = f"{prefix}.{column}" if prefix else column
    table = sheet.table
    kinds = {n.get("format") for n, _ in table.nodes(tuple(full.split(".")))}
    if kinds == {"date"}:
        date_fmt = formats["date"]

        def write_date(r: int, j: int, value: Any) -> None:
            try:
                ws.write_datetime(r, j, dt.datetime.fromisoformat(value), date_fmt)
            except (TypeError, ValueError):
                ws.write_string(r, j, str(value))

        return write_date
    if table.kind(full) == "text":
        return _text_writer(ws, quote)
    return _any_writer(ws, quote)


def _text_writer(ws: Any, quote: Any) -> Any:
    write_string = ws.write_string

    def write_text(r: int, j: int, value: Any) -> None:
        text = value if isinstance(value, str) else str(value)
        if text and text[0] in _TRIGGERS:
            write_string(r, j, text, quote)
        else:
            write_string(r, j, text)

    return write_text


class _ExactFloat(float):
    """A float that xlsxwriter writes with all its digits (it formats numbers with ``.16G``)."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return repr(float(self))


class _ExactInt(int):
    """An integer beyond 2⁵³ that xlsxwriter writes digit for digit instead of as a 16-digit float."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return str(int(self))


def _any_writer(ws: Any, quote: Any) -> Any:
    """The writer of a column that may hold numbers. A number that 16 significant digits cannot hold (an
    integer beyond 2⁵³, a float needing 17 digits) is written with all its digits; readers (openpyxl,
    Excel) parse the cell's text, so nothing is lost in the file (Excel itself shows 15 digits)."""
    write_number, write_boolean, write_text = ws.write_number, ws.write_boolean, _text_writer(ws, quote)

    def write_any(r: int, j: int, value: Any) -> None:
        if value.__class__ is bool:
            write_boolean(r, j, value)
        elif isinstance(value, int):
            write_number(r, j, _ExactInt(value) if abs(value) > _MAX_EXACT_INT else value)
        elif isinstance(value, float):
            write_number(r, j, value if float(f"{value:.16g}") == value else _ExactFloat(value))
        else:
            write_text(r, j, value)

    return write_any


# --------------------------------------------------------------------------------------------------
# reading


def _unescape(text: str) -> str:
    """Undo the OOXML escape of control characters (``_x000D_`` -> CR; ``_x005F_`` -> ``_``)."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def _open(source: Source) -> Any:
    openpyxl = require("openpyxl", "excel")
    if isinstance(source, bytes | bytearray | memoryview):
        source = io.BytesIO(bytes(source))
    import zipfile

    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return openpyxl.load_workbook(source, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, InvalidFileException) as err:
        if isinstance(err, FileNotFoundError):
            raise
        raise InvalidFormat(
            "not a readable .xlsx workbook: {reason}",
            rule="export.xlsx_format",
            hint="pass a workbook written by ohsreg.export.xlsx.to_xlsx (or saved by Excel as .xlsx)",
            reason=str(err) or type(err).__name__,
        ) from None


def _meta(wb: Any) -> list[dict[str, Any]]:
    if META_SHEET not in wb.sheetnames:
        return []
    rows = list(wb[META_SHEET].iter_rows(values_only=True))
    if not rows:
        return []
    head = [str(h) for h in rows[0]]
    return [dict(zip(head, row, strict=False)) for row in rows[1:] if row and row[0]]


def _sheet_rows(ws: Any, table: Table, prefix: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(sheet row number, {column path: value})`` of the data rows below the path row."""
    rows = ws.iter_rows(values_only=True)
    names: list[str] | None = None
    header_at = 0
    for header_at, row in enumerate(rows, 1):
        cells = ["" if c is None else str(c).strip() for c in row]
        known = [c for c in cells if c]
        if known and all(c.startswith("_") or table.known(f"{prefix}.{c}" if prefix else c) for c in known):
            names = cells
            break
        if header_at >= 6:
            break
    if names is None:
        raise InvalidFormat(
            "no row of {model} column paths found at the top of sheet {sheet!r}",
            rule="export.xlsx_format",
            hint="the sheet must have the path row written by to_xlsx (label rows above it are skipped)",
            model=table.model.__name__,
            sheet=ws.title,
        )
    keep = [(i, c) for i, c in enumerate(names) if c and (c in (ROW, PARENT) or not c.startswith("_"))]
    dates = {
        c
        for _, c in keep
        if {n.get("format") for n, _ in table.nodes(tuple((f"{prefix}.{c}" if prefix else c).split(".")))}
        == {"date"}
    }
    for number, row in enumerate(rows, header_at + 1):
        values: dict[str, Any] = {}
        for i, c in keep:
            value = row[i] if i < len(row) else None
            if value is None:
                continue
            if isinstance(value, str):
                value = _unescape(value)
            elif isinstance(value, dt.datetime):
                value = value.date().isoformat() if c in dates else value.isoformat()
            elif isinstance(value, dt.date):
                value = value.isoformat()
            values[c] = value
        if values:
            yield number, values


def from_xlsx(source: Source, model: type[M], *, sheet: str | None = None) -> list[M]:
    """Read the records of ``model`` from a workbook written by :func:`to_xlsx` (round trip equal).

    The model's sheet and its child sheets are found through the hidden :data:`META_SHEET`; ``sheet``
    picks one root sheet by name (for a workbook with several sheets of the model, or a hand-made
    workbook without the hidden sheet, where the sheet is read as one flat table). Derived sheets and
    columns (findings, rendered messages) are skipped.

    Raises:
        MissingExtra: ``export.extra_missing`` when openpyxl is not installed.
        InvalidFormat: ``export.xlsx_format`` for a file that is not a workbook or has no path row.
        UnknownEntry: ``export.xlsx_sheet`` when no sheet holds ``model``.
        RecordError: ``export.record_invalid`` for invalid records, with their sheet rows.
    """
    from ohsreg.export._columns import _table, unflatten

    wb = _open(source)
    try:
        meta = _meta(wb)
        roots = [
            m
            for m in meta
            if not m.get("parent") and m.get("model") == model.__name__ and m.get("derived") != "true"
        ]
        if sheet is not None:
            roots = [m for m in roots if m.get("sheet") == sheet] or (
                [{"sheet": sheet, "path": ""}] if sheet in wb.sheetnames else []
            )
        elif not meta and wb.sheetnames:
            roots = [{"sheet": wb.sheetnames[0], "path": ""}]
        if len(roots) != 1:
            raise UnknownEntry(
                "{count} sheets of {model} in the workbook; expected one",
                rule="export.xlsx_sheet",
                field="sheet",
                hint="pass sheet= with one of {names}",
                count=len(roots),
                model=model.__name__,
                names=", ".join(wb.sheetnames),
            )
        root = roots[0]
        table = _table(model)
        children = {m["sheet"]: m for m in meta if m.get("derived") != "true"}
        items: dict[tuple[str, int], dict[str, Any]] = {}
        records: list[tuple[int, dict[str, Any]]] = []
        for number, values in _sheet_rows(wb[root["sheet"]], table, ""):
            row_id = values.pop(ROW, number)
            tree = unflatten(values, model)
            items[(root["sheet"], int(row_id))] = tree
            records.append((number, tree))
        _attach(wb, table, model, children, str(root["sheet"]), items, unflatten)
    finally:
        wb.close()
    return _validate(records, model)


def _attach(
    wb: Any,
    table: Table,
    model: type[BaseModel],
    sheets: dict[str, dict[str, Any]],
    parent: str,
    items: dict[tuple[str, int], dict[str, Any]],
    unflatten: Any,
) -> None:
    """Read the child sheets of ``parent`` (depth first) into the parents' trees."""
    parent_parts = [p for p in str(sheets.get(parent, {}).get("parts") or "").split(".") if p]
    for name, info in sheets.items():
        if info.get("parent") != parent:
            continue
        parts = [p for p in str(info.get("parts") or "").split(".") if p]
        key = ".".join(parts[len(parent_parts) : -1])
        prefix = ".".join(parts)
        for _, values in _sheet_rows(wb[name], table, prefix):
            row_id = int(values.pop(ROW))
            parent_id = values.pop(PARENT, None)
            tree: Any = unflatten({f"{prefix}.{c}": v for c, v in values.items()}, model)
            for part in parts:
                if part == "0":
                    tree = tree[0] if isinstance(tree, list) and tree else None
                else:
                    tree = tree.get(part) if isinstance(tree, dict) else None
            node: dict[str, Any] = tree if isinstance(tree, dict) else {}
            items[(name, row_id)] = node
            owner = items.get((parent, int(parent_id))) if parent_id is not None else None
            if owner is None:
                raise InvalidFormat(
                    "row {row} of sheet {sheet!r} names parent row {parent} of {owner!r}, which does not exist",
                    rule="export.xlsx_format",
                    row=row_id,
                    sheet=name,
                    parent=parent_id,
                    owner=parent,
                )
            _put(owner, key, node)
        _attach(wb, table, model, sheets, name, items, unflatten)


def _put(owner: dict[str, Any], key: str, node: dict[str, Any]) -> None:
    *heads, last = key.split(".")
    for head in heads:
        owner = owner.setdefault(head, {})
    owner.setdefault(last, []).append(node)


def _validate(records: list[tuple[int, dict[str, Any]]], model: type[M]) -> list[M]:
    from pydantic import ValidationError

    from ohsreg.export._io import error_items, record_error

    lines = [n for n, _ in records]
    try:
        with gc_paused():
            result: list[M] = list_adapter(model).validate_python([t for _, t in records])
    except ValidationError as err:
        raise record_error(error_items(err, lines), model) from err
    return result
