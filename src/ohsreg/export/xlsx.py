"""Excel workbooks (extra ``excel``: ``pip install 'ohsreg[excel]'``, xlsxwriter).

One sheet per record type; three header rows -- Chinese labels, English labels, and the column paths
of :mod:`ohsreg.export.csv` (so a sheet saved as CSV reads back with :func:`~ohsreg.export.csv.from_csv`)
-- with frozen panes below them. When every row of a quantity has the same unit, the unit moves into
the header (``浓度 数值 (mg/m³)``) and its column is dropped. Text is always written as text (never as a
formula), numbers as numbers, dates as dates. Written in xlsxwriter's constant-memory mode.

Personal data is masked unless ``unmask=True``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any

from ohsreg.export._io import context, require

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["to_xlsx"]


def _sheets(
    records: Iterable[BaseModel] | Mapping[str, Iterable[BaseModel]],
) -> dict[str, list[BaseModel]]:
    if isinstance(records, Mapping):
        return {str(k): list(v) for k, v in records.items()}
    out: dict[str, list[BaseModel]] = {}
    for r in records:
        out.setdefault(type(r).__name__, []).append(r)
    return out


def to_xlsx(
    records: Iterable[BaseModel] | Mapping[str, Iterable[BaseModel]],
    dest: str | os.PathLike[str] | IO[bytes],
    *,
    unmask: bool = False,
    labels: Sequence[str] = ("zh_CN", "en"),
) -> None:
    """Write ``records`` to an .xlsx workbook, one sheet per model (or per key of a mapping).

    ``labels`` chooses the label rows above the path row (``()`` for paths only).

    Raises:
        MissingExtra: ``export.extra_missing`` when xlsxwriter is not installed.
    """
    xlsxwriter = require("xlsxwriter", "excel")
    from ohsreg.export.csv import _table, columns_of, flatten
    from ohsreg.i18n import normalize_locale

    sheets = _sheets(records)
    workbook = xlsxwriter.Workbook(
        dest,
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
    )
    try:
        bold = workbook.add_format({"bold": True, "bg_color": "#EEEEEE"})
        path_fmt = workbook.add_format({"italic": True, "font_color": "#666666"})
        date_fmt = workbook.add_format({"num_format": "yyyy-mm-dd"})
        for sheet_name, items in sheets.items():
            ws = workbook.add_worksheet(sheet_name[:31])
            if not items:
                continue
            model = type(items[0])
            from ohsreg.export._io import gc_paused, list_adapter

            with gc_paused():
                dumped = list_adapter(model).dump_python(items, mode="json", context=context(unmask))
                rows = [flatten(d) for d in dumped]
            cols = columns_of(rows, model)
            units: dict[str, str] = {}
            for c in cols:
                if c.endswith(".unit") and f"{c[:-5]}.value" in cols:
                    value = c[:-5] + ".value"
                    seen = {r.get(c) for r in rows} - {None}
                    absent_together = all((r.get(c) is None) == (r.get(value) is None) for r in rows)
                    if len(seen) == 1 and absent_together:
                        units[value] = str(seen.pop())
            cols = [c for c in cols if not (c.endswith(".unit") and c[:-5] + ".value" in units)]
            table = _table(model)
            r = 0
            for loc in labels:
                lang = normalize_locale(loc)
                for j, c in enumerate(cols):
                    text = table.label(c, lang)
                    if c in units:
                        text += f" ({units[c]})"
                    ws.write_string(r, j, text, bold)
                r += 1
            for j, c in enumerate(cols):
                ws.write_string(r, j, c, path_fmt)
                ws.set_column(j, j, max(10, min(40, len(c) + 2)))
            r += 1
            ws.freeze_panes(r, 0)
            writers = [(j, c, _writer(ws, table, c, date_fmt)) for j, c in enumerate(cols)]
            for row in rows:
                get = row.get
                for j, c, write in writers:
                    cell = get(c)
                    if cell is not None:
                        write(r, j, cell)
                r += 1
    finally:
        workbook.close()


def _writer(ws: Any, table: Any, path: str, date_fmt: Any) -> Any:
    """The cell writer of one column, chosen once from the model's schema (text is never a formula)."""
    formats = {n.get("format") for n, _ in table.nodes(tuple(path.split(".")))}
    if formats == {"date"}:

        def write_date(r: int, j: int, value: Any) -> None:
            try:
                ws.write_datetime(r, j, dt.datetime.fromisoformat(value), date_fmt)
            except (TypeError, ValueError):
                ws.write_string(r, j, str(value))

        return write_date
    if table.kind(path) == "text":
        write_string = ws.write_string

        def write_text(r: int, j: int, value: Any) -> None:
            write_string(r, j, value if isinstance(value, str) else str(value))

        return write_text
    return lambda r, j, value: _cell(ws, r, j, value)


def _cell(ws: Any, r: int, j: int, value: Any) -> None:
    if isinstance(value, bool):
        ws.write_boolean(r, j, value)
    elif isinstance(value, int | float):
        ws.write_number(r, j, value)
    else:
        ws.write_string(r, j, str(value))
