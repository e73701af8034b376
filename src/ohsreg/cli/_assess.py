"""``ohsreg assess``: a measurements CSV in, one verdict row per shift and hazard out.

The command family of :func:`ohsreg.assess.shift_table` on the command line; :mod:`ohsreg.cli` imports
it only when the command runs, so ``ohsreg --help`` stays instant.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ohsreg.cli import _err, _t

if TYPE_CHECKING:
    from ohsreg.errors import OhsregError

#: measurement-file columns passed to :func:`ohsreg.assess.shift_table` as they are (text cells)
_ASSESS_TEXT = ("hazard", "kind", "unit", "duration_unit", "fraction", "condition", "worker_id", "post_id")
#: measurement-file columns holding plain numbers (``sio2`` is accepted for ``sio2_percent``)
_ASSESS_NUMBERS = {"sio2_percent": "sio2_percent", "sio2": "sio2_percent", "start_h": "start_h"}


def _cmd_assess(args: argparse.Namespace) -> int:
    """Measurements CSV -> one verdict row per shift and hazard, through :func:`ohsreg.assess.shift_table`."""
    from ohsreg.assess import shift_table
    from ohsreg.errors import InvalidFormat, OhsregError

    if args.adjust_long_shift and args.shift_hours is None and args.hours_per_week is None:
        raise OhsregError(
            "--adjust-long-shift needs --shift-hours (the length of the working day) or --hours-per-week",
            rule="cli.usage",
            hint="e.g. ohsreg assess measurements.csv --shift-hours 10 --adjust-long-shift",
        )
    from ohsreg.export._io import Progress, decode, note_encoding, read_bytes
    from ohsreg.export.csv import _reader

    text, encoding = decode(read_bytes(Path(args.file)))
    note = note_encoding(encoding)
    if note:
        _err(_t(note))
    rows = _reader(io.StringIO(text, newline=""))  # malformed CSV (e.g. a field > 128 KB): one line, exit 2
    header = next(rows, (0, []))[1]
    names = [h.strip() for h in header]
    if "shift_id" in names and "id" not in names:
        names[names.index("shift_id")] = "id"
    missing = {"id", "concentration", "duration"} - set(names)
    if missing:
        raise InvalidFormat(
            "the measurements file lacks column(s) {names}",
            rule="cli.assess_columns",
            hint=(
                "columns: id, concentration (mg/m³), duration (h for twa, min for stel), "
                "and optionally limit (mg/m³) or hazard (a catalogue name such as 苯)"
            ),
            names=", ".join(sorted(missing)),
        )
    table = _AssessInput(names, args)
    progress = Progress(_t("assessing"))
    for line, cells in rows:
        table.add(line, cells)
        if len(table.lines) % 10_000 == 0:
            progress.update(10_000)
    progress.update(len(table.lines) % 10_000)
    progress.close()
    result = shift_table(
        table.columns(),
        shift_hours=8.0 if args.shift_hours is None else args.shift_hours,
        adjust_long_shift=args.adjust_long_shift,
        hours_per_week=args.hours_per_week,
        locale=_active_locale(),
    )
    _write_shifts(result, table, args.output)
    errors = 0
    for _, line, key, message in table.report(result):
        errors += 1
        _err(_t("line {line}, id {id}: {message}", line=line, id=key, message=message))
    verdicts = result.verdicts()
    exceed = sum(1 for v in verdicts if v == "EXCEEDS")
    no_limit = sum(1 for v in verdicts if v == "NOT_APPLICABLE")
    if no_limit:
        _err(
            _t(
                "{count} id(s) had no limit and were not judged (NOT_APPLICABLE)",
                count=no_limit,
            )
            + "; "
            + _t("give a limit or hazard column, or --limit")
        )
    print(
        _t("{count} assessed, {exceed} exceed the limit", count=len(verdicts) - errors, exceed=exceed),
        file=sys.stderr,
    )
    return 1 if errors else 0


def _active_locale() -> str:
    from ohsreg.i18n import current_locale

    return current_locale()


class _AssessInput:
    """The measurement rows as columns for :func:`ohsreg.assess.shift_table`, with the file line of each."""

    def __init__(self, names: list[str], args: argparse.Namespace) -> None:
        self.names = names
        self.index = {n: i for i, n in enumerate(names)}
        self.rule = args.rule
        self.default_limit: float | None = args.limit
        self.as_of: dt.date | None = args.as_of
        self.lines: list[int] = []
        self.data: dict[str, list[Any]] = {
            k: [] for k in ("shift_id", "concentration", "duration", "duration_unit", "limit", "date")
        }
        self.text: dict[str, list[str | None]] = {
            n: [] for n in _ASSESS_TEXT if n in self.index and n != "duration_unit"
        }
        self.numbers: dict[str, list[float | None]] = {
            t: [] for n, t in _ASSESS_NUMBERS.items() if n in self.index
        }
        self.bad: dict[int, OhsregError] = {}  # row -> its first bad cell
        self._quantities: dict[tuple[str, str], float | None] = {}
        self._where: dict[tuple[Any, Any], int] | None = None

    def cell(self, cells: list[str], name: str) -> str:
        i = self.index.get(name)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    def add(self, line: int, cells: list[str]) -> None:
        row = len(self.lines)
        self.lines.append(line)
        d = self.data
        d["shift_id"].append(self.cell(cells, "id") or None)
        conc = self._quantity(cells, "concentration", "mg/m³", row)
        duration_unit = self.cell(cells, "duration_unit")
        raw = self.cell(cells, "duration")
        duration = _plain_number(raw)
        if duration is None and raw:  # "30 min", "2 h": a quantity, as the API accepts
            duration = self._quantity(cells, "duration", "h", row)
            duration_unit = "h"
        elif duration is None:
            self._bad(row, "duration", raw)
        d["concentration"].append(conc)
        d["duration"].append(duration)
        d["duration_unit"].append(duration_unit or None)
        limit = self.cell(cells, "limit")
        d["limit"].append(self._number(limit, row, "limit") if limit else None)
        date = self.cell(cells, "date")
        d["date"].append(date or (None if self.as_of is None else self.as_of.isoformat()))
        for name, values in self.text.items():
            values.append(self.cell(cells, name) or None)
        for name, target in _ASSESS_NUMBERS.items():
            if name in self.index:
                cell = self.cell(cells, name)
                self.numbers[target].append(self._number(cell, row, name) if cell else None)

    def _bad(self, row: int, column: str, value: str) -> None:
        from ohsreg.errors import InvalidFormat

        if row not in self.bad:
            self.bad[row] = InvalidFormat(
                "column {column}: {value!r} is not a non-negative number",
                rule="cli.assess_value",
                field=column,
                hint="concentration, duration and limit are plain numbers such as 0.5",
                column=column,
                value=value[:80],
            )

    def _number(self, text: str, row: int, column: str) -> float | None:
        value = _plain_number(text)
        if value is None or not value >= 0 or value == float("inf"):
            self._bad(row, column, text)
            return None
        return value

    def _quantity(self, cells: list[str], column: str, unit: str, row: int) -> float | None:
        text = self.cell(cells, column)
        value = _plain_number(text)
        if value is None and text:
            key = (text, unit)
            if key not in self._quantities:
                self._quantities[key] = _parse_quantity(text, unit)
            value = self._quantities[key]
        if value is None or not value >= 0 or value == float("inf"):
            self._bad(row, column, text)
            return None
        return value

    def columns(self) -> dict[str, list[Any]]:
        d = self.data
        kind = "TWA" if self.rule == "twa" else "STE"
        limit_column = "pc_twa" if self.rule == "twa" else "pc_stel"
        hazards = self.text.get("hazard")
        limits = [
            lim if lim is not None else (None if hazards is not None and hazards[i] else self.default_limit)
            for i, lim in enumerate(d["limit"])
        ]
        cols: dict[str, list[Any]] = {
            "shift_id": d["shift_id"],
            "concentration": [float("nan") if c is None else c for c in d["concentration"]],
            "duration": [float("nan") if t is None else t for t in d["duration"]],
            "duration_unit": d["duration_unit"],
            limit_column: [float("nan") if x is None else x for x in limits],
        }
        if any(x is not None for x in d["date"]):
            cols["date"] = d["date"]
        cols.update(self.text)
        cols.update({k: [float("nan") if x is None else x for x in v] for k, v in self.numbers.items()})
        if "kind" not in cols:
            cols["kind"] = [kind] * len(self.lines)
        else:
            cols["kind"] = [k or kind for k in cols["kind"]]
        return cols

    def group_lines(self, result: Any) -> list[int]:
        return [self.lines[r] for r in result.first_rows.tolist()]

    def group_of(self, result: Any, row: int) -> int:
        """The output row of the group that input ``row`` belongs to."""
        hazards = self.text.get("hazard")
        key = (self.data["shift_id"][row], None if hazards is None else hazards[row])
        if self._where is None:
            keys = zip(result.column("shift_id").tolist(), result.column("hazard").tolist(), strict=True)
            self._where = {k: g for g, k in enumerate(keys)}
        return self._where[key]

    def report(self, result: Any) -> list[tuple[int, int, str, str]]:
        """``(group, line, id, message)`` of each group not assessed: bad cells first, then the rules."""
        ids = result.column("shift_id").tolist()
        out: dict[int, tuple[int, int, str, str]] = {}
        for row, error in self.bad.items():
            g = self.group_of(result, row)
            out.setdefault(g, (g, self.lines[row], str(ids[g]), f"{error.message()} [{error.rule}]"))
        rules = result.column("error_rule").tolist()
        messages = result.column("error").tolist()
        lines = [self.lines[r] for r in result.error_rows.tolist()]
        for g, rule in enumerate(rules):
            if rule is not None and g not in out:
                out[g] = (g, lines[g], str(ids[g]), f"{messages[g]} [{rule}]")
        return [out[g] for g in sorted(out)]


def _plain_number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _parse_quantity(text: str, unit: str) -> float | None:
    from ohsreg.errors import OhsregError
    from ohsreg.units import parse_quantity

    try:
        return float(parse_quantity(text[:200], field="cell").m_as(unit))
    except (OhsregError, ValueError):
        return None


#: output columns kept for a group that could not be assessed
_KEPT_ON_ERROR = frozenset(
    {"shift_id", "worker_id", "post_id", "hazard", "date", "samples", "error_rule", "error"}
)


def _write_shifts(result: Any, table: _AssessInput, output: str | None) -> None:
    """The shift table as CSV: ``id`` for ``shift_id``, the file ``line`` of each group, text neutralised."""
    import csv

    from ohsreg.assess import SHIFT_COLUMNS
    from ohsreg.export.cells import neutralise

    names = [n for n in SHIFT_COLUMNS if n not in ("worker_id", "post_id") or n in table.text]
    data = result.to_pydict()
    for row, error in table.bad.items():
        g = table.group_of(result, row)
        data["error_rule"][g] = error.rule
        data["error"][g] = error.message()
        for name in SHIFT_COLUMNS:
            if name not in _KEPT_ON_ERROR:
                data[name][g] = None
    data["line"] = table.group_lines(result)
    text_columns = {n for n, (typ, _) in SHIFT_COLUMNS.items() if "string" in typ}
    sink = Path(output).open("w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115 - stdout is not ours to close
    try:
        writer = csv.writer(sink, lineterminator="\n")
        writer.writerow(["id" if n == "shift_id" else n for n in names] + ["line"])
        columns = [data[n] for n in names] + [data["line"]]
        texts = [n in text_columns for n in names] + [False]
        for cells in zip(*columns, strict=True):
            writer.writerow(
                [
                    "" if v is None else neutralise(v) if is_text else _cell(v)
                    for v, is_text in zip(cells, texts, strict=True)
                ]
            )
    finally:
        if sink is not sys.stdout:
            sink.close()


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(round(value, 6))
    return str(value)
