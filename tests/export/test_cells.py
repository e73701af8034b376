"""The one spreadsheet-injection neutraliser: every trigger caught, restore exact, used by every writer."""

from __future__ import annotations

import contextlib
import csv
import io
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ohsreg import cli
from ohsreg.export import cells
from ohsreg.export import csv as ocsv
from ohsreg.models import Finding, finding
from ohsreg.vocab import Severity

ATTACKS = [
    '=HYPERLINK("http://evil","x")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "＝HYPERLINK(1)",  # full-width forms, typed by Chinese input methods
    "＋86 571",
    "－1",
    "＠x",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "|cmd /c calc",  # DDE
    "'already quoted",
]
SAFE = ["正常", "benzene", "1.5", "a=b", "x|y", " 前导空格"]


@pytest.mark.parametrize("text", ATTACKS)
def test_every_trigger_is_neutralised(text: str) -> None:
    assert cells.neutralise(text) == "'" + text
    assert cells.restore(cells.neutralise(text)) == text


@pytest.mark.parametrize("text", SAFE)
def test_plain_text_is_left_alone(text: str) -> None:
    assert cells.neutralise(text) == text


def test_empty_text_is_marked_so_it_differs_from_null() -> None:
    assert cells.neutralise("") == "'"
    assert cells.restore("'") == ""


def test_one_home() -> None:
    # the CSV module re-exports the one neutraliser; it has no copy of its own
    assert ocsv.neutralise is cells.neutralise
    assert ocsv.restore is cells.restore
    assert set(cells.FORMULA_TRIGGERS) >= set("=+-@＝＋－＠\t\r|'")


@given(st.text())
def test_restore_undoes_neutralise(text: str) -> None:
    cell = cells.neutralise(text)
    assert cells.restore(cell) == text
    assert cell[:1] not in set(cells.FORMULA_TRIGGERS) - {"'"}


@given(st.lists(st.text(), max_size=4))
def test_csv_round_trip_of_hostile_text(values: list[str]) -> None:
    params: dict[str, Any] = {f"p{i}": v for i, v in enumerate(values)}
    f = finding("demo.x", Severity.INFO, "＝c", "|t", subject="＠s", **params)
    text = ocsv.to_csv([f])
    assert text is not None
    (row,) = list(csv.reader(io.StringIO(text, newline="")))[1:]
    assert all(cell[:1] not in set(cells.FORMULA_TRIGGERS) - {"'"} for cell in row)
    assert ocsv.from_csv(text.encode("utf-8"), Finding) == [f]


def test_csv_writes_full_width_and_dde_neutralised() -> None:
    f = finding("demo.x", Severity.INFO, "c", "t", a="＝1+1", b="|cmd", c="－3")
    text = ocsv.to_csv([f])
    assert text is not None
    row = text.splitlines()[1]
    assert "'＝1+1" in row
    assert "'|cmd" in row
    assert "'－3" in row


def test_lookup_rows_are_neutralised(monkeypatch: pytest.MonkeyPatch) -> None:
    from ohsreg import catalogue

    hostile = SimpleNamespace(
        id="＝evil",
        name_zh='=HYPERLINK("http://x")',
        name_en=None,
        cas=("@1",),
        category=SimpleNamespace(label=lambda: "|dde"),
    )
    monkeypatch.setattr(catalogue, "search", lambda query, limit: [(hostile, 99.0)])
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["lookup", "x"]) == 0
    row = out.getvalue().splitlines()[1].split("\t")
    assert row == ["'＝evil", '\'=HYPERLINK("http://x")', "", "'@1", "'|dde", "99"]
