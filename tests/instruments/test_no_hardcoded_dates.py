"""No module restates a date of an instrument: every in-force, issue or end date lives in the registry.

The source is read with ``ast``: ``date(Y, M, D)`` calls with literal numbers and ISO dates inside string
literals (docstrings excepted: they explain, they do not decide) are compared with every date of every
instrument and amendment (issued, in force, last day, first day after, the ends of unknown-day windows).
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

from ohsreg import instruments

SRC = Path(__file__).resolve().parents[2] / "src" / "ohsreg"
ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")


def _instrument_dates() -> dict[dt.date, str]:
    dates: dict[dt.date, str] = {}
    for inst in instruments.all_instruments():
        items = [inst.issued, inst.in_force, inst.until, inst.end, *(inst.in_force_window or ())]
        for a in inst.amendments:
            items += [a.issued, a.in_force, *(a.in_force_window or ())]
        for d in items:
            if d is not None:
                dates.setdefault(d, inst.id)
    return dates


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string nodes that are docstrings (of modules, classes, functions, or attributes)."""
    out: set[int] = set()
    for node in ast.walk(tree):
        for stmt in getattr(node, "body", []) if isinstance(getattr(node, "body", None), list) else []:
            if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                out.add(id(stmt.value))
    return out


def _literal_dates(path: Path) -> list[tuple[int, dt.date]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    found: list[tuple[int, dt.date]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            args = node.args
            if (
                name == "date"
                and len(args) == 3
                and all(isinstance(a, ast.Constant) and isinstance(a.value, int) for a in args)
            ):
                y, m, d = (a.value for a in args)  # type: ignore[attr-defined]
                found.append((node.lineno, dt.date(y, m, d)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            for match in ISO.finditer(node.value):
                found.append((node.lineno, dt.date(*map(int, match.groups()))))
    return found


def test_the_scan_finds_a_restated_date(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        'import datetime as dt\nX = dt.date(2020, 4, 1)\nHINT = "from 2021-02-01"\n"""doc 2017-05-01"""\n'
    )
    assert [d for _, d in _literal_dates(probe)] == [dt.date(2020, 4, 1), dt.date(2021, 2, 1)]


def test_no_module_hard_codes_an_instrument_date() -> None:
    dates = _instrument_dates()
    assert dt.date(2020, 4, 1) in dates
    assert dt.date(2007, 11, 1) in dates
    offenders = [
        f"{path.relative_to(SRC)}:{line} {day} ({dates[day]})"
        for path in sorted(SRC.rglob("*.py"))
        if "instruments" not in path.relative_to(SRC).parts
        for line, day in _literal_dates(path)
        if day in dates
    ]
    assert not offenders, "look these dates up in ohsreg.instruments instead: " + "; ".join(offenders)
