"""Edition diffs: counts that match the shipped tables, both values and sources, honest about gaps."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import ohsreg
from ohsreg import catalogue
from ohsreg.changes import ChangeKind, diff, editions, families
from ohsreg.cli import main
from ohsreg.errors import EditionError, UnknownEntry

ROOT = Path(__file__).resolve().parents[2]
KEYS = ("ADDED", "REMOVED", "CHANGED", "RENAMED", "NOT_SHIPPED", "UNCHANGED")


def test_benzene_amendment_is_the_only_change_of_xg1() -> None:
    d = ohsreg.diff("GBZ 2.1", "GBZ 2.1-2019", "GBZ 2.1-2019+XG1")
    (row,) = d.rows
    assert row.kind is ChangeKind.CHANGED
    assert row.key == "表1 苯"
    assert row.before is not None
    assert row.after is not None
    assert (str(row.before["PC-TWA"]), str(row.after["PC-TWA"])) == ("6 mg/m³", "3 mg/m³")
    assert (str(row.before["PC-STEL"]), str(row.after["PC-STEL"])) == ("10 mg/m³", "6 mg/m³")
    assert row.source_a
    assert "original text" in row.source_a
    assert row.source_b


def test_xg2_adds_acetochlor() -> None:
    d = diff("GBZ 2.1", "GBZ 2.1-2019+XG1", "GBZ 2.1-2019+XG1+XG2")
    assert [(r.kind.code, r.key) for r in d.rows] == [("ADDED", "表1 乙草胺")]


def test_rows_are_conserved() -> None:
    """Every row of each side is counted exactly once."""
    d = diff("GBZ 2.1", "GBZ 2.1-2019", "GBZ 2.1-2019+XG1+XG2")
    c = d.counts()
    in_force = [r for r in catalogue.chemical_limits if r.in_force(None)]
    rows_b = len(in_force) + len(list(catalogue.dust_limits))
    assert c["UNCHANGED"] + c["CHANGED"] + c["RENAMED"] + c["ADDED"] == rows_b


def test_diseases_2013_to_2024_match_the_name_sets() -> None:
    old = {r.name_zh: r for r in catalogue.diseases_2013}
    new = {r.name_zh: r for r in catalogue.diseases}
    d = diff("diseases", "2013", "2024")
    assert {r.key for r in d.added} == set(new) - set(old)
    assert {r.key for r in d.removed} == set(old) - set(new)

    def heading(text: str | None) -> str | None:  # the category without its ordinal (十、其他职业病)
        return None if text is None else re.sub(r"^[（(]?[一二三四五六七八九十]+[）)、]", "", text)

    moved = {
        n
        for n in set(old) & set(new)
        if heading(old[n].category_zh) != heading(new[n].category_zh)
        or heading(old[n].subcategory_zh) != heading(new[n].subcategory_zh)
    }
    assert {r.key for r in d.changed} == moved == {"铀及其化合物中毒", "滑囊炎（限于井下工人）"}
    assert d.unchanged == len(set(old) & set(new)) - len(moved)


def test_partial_tables_are_not_called_removed() -> None:
    d = diff("GBZ 188", "GBZ 188-2014", "GBZ 188-2025")
    assert not d.removed
    assert not d.added
    assert d.counts()["NOT_SHIPPED"] > 0


def test_gbz21_2007_to_2019_lists_every_changed_limit() -> None:  # pragma: no cover - until #13 lands
    d = diff("GBZ 2.1", "GBZ 2.1-2007", "GBZ 2.1-2019")
    old = {(r.name_zh, r.sub_condition): r for r in catalogue.chemical_limits_2007}
    new = {(r.name_zh, r.sub_condition): r for r in catalogue.chemical_limits if r.in_force(dt_2020())}
    fields = ("mac", "pc_twa", "pc_stel")
    same_name_changes = {
        k
        for k in set(old) & set(new)
        if any(getattr(old[k], f) is not None and getattr(old[k], f) != getattr(new[k], f) for f in fields)
    }
    listed = {r.key for r in d.changed if "name" not in r.fields and r.key.startswith("表1")}
    expected = {f"表1 {n}" if not c else f"表1 {n}（{c}）" for n, c in same_name_changes}
    assert listed == expected
    # every row of either edition is counted once: paired, added, removed or not compared
    rows_a = len(list(catalogue.chemical_limits_2007)) + len(list(catalogue.dust_limits_2007))
    rows_b = len([r for r in catalogue.chemical_limits if r.in_force(dt_2020())]) + len(
        list(catalogue.dust_limits)
    )
    paired = (
        d.unchanged
        + len(d.changed)
        + len(d.renamed)
        + sum(
            1
            for r in d.rows
            if r.kind is ChangeKind.NOT_SHIPPED and r.before is not None and r.after is not None
        )
    )
    one_sided_a = sum(1 for r in d.rows if r.after is None)
    one_sided_b = sum(1 for r in d.rows if r.before is None)
    assert paired + one_sided_a == rows_a
    assert paired + one_sided_b == rows_b


def dt_2020():  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.date(2020, 4, 1)


def test_unknown_family_and_edition() -> None:
    with pytest.raises(UnknownEntry) as fam:
        diff("GBZ 2.9", "a", "b")
    assert fam.value.rule == "changes.family"
    with pytest.raises(EditionError) as ed:
        diff("GBZ 2.1", "GBZ 2.1-2019", "GBZ 2.1-2030")
    assert ed.value.rule == "changes.edition"
    with pytest.raises(EditionError) as gap:
        diff("建设项目职业病危害风险分类管理目录", "2012", "2021")
    assert gap.value.rule == "changes.edition_not_shipped"
    assert "GBZ 2.1-2019+XG1" in editions("limits")
    assert families()[0] == "GBZ 2.1"


def test_explain_and_cells() -> None:
    d = diff("diseases", "2013", "2024")
    assert "4 added" in d.explain("en")
    assert "新增 4 行" in d.explain("zh_CN")
    cells = d.cells()
    assert {c["change"] for c in cells} == {"ADDED", "REMOVED", "CHANGED"}
    assert all(c["source_a"] or c["source_b"] for c in cells)
    assert "EditionDiff('职业病分类和目录'" in repr(d)


def test_the_guide_table_matches_the_data() -> None:
    for lang in ("en", "zh"):
        text = (ROOT / "docs" / lang / "guides" / "changes.md").read_text(encoding="utf-8")
        rows = re.findall(
            r"^\| (GBZ [^|]+|职业病分类和目录) \| ([^|]+) \| ([^|]+) \|((?: \d+ \|)+)$", text, re.M
        )
        assert len(rows) >= 4
        for family, a, b, numbers in rows:
            counts = diff(family.strip(), a.strip(), b.strip()).counts()
            assert [int(n) for n in numbers.split("|") if n.strip()] == [counts[k] for k in KEYS], (
                family,
                a,
                b,
            )


def test_cli_diff(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "GBZ 2.1", "GBZ 2.1-2019", "GBZ 2.1-2019+XG1", "--locale", "en"]) == 0
    out, err = capsys.readouterr()
    assert "表1 苯\tPC-TWA\t6 mg/m³ → 3 mg/m³" in out
    assert "1 changed" in err
    assert main(["diff", "diseases", "2013", "2024", "--format", "json", "--kind", "ADDED"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["ADDED"] == 4
    assert {r["change"] for r in data["rows"]} == {"ADDED"}
    assert main(["diff", "diseases", "2013", "2024", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("change,key,field,before,after,source_a,source_b")
    assert main(["diff", "建设项目职业病危害风险分类管理目录", "2012", "2021"]) == 2


def test_plot_draws_one_bar_per_diff() -> None:
    pytest.importorskip("matplotlib")
    from ohsreg.export.changes_plot import diff_counts

    diffs = [diff("diseases", "2013", "2024"), diff("GBZ 2.1", "GBZ 2.1-2019", "GBZ 2.1-2019+XG1")]
    ax = diff_counts(diffs, locale="en")
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "disease list: 2013 → 2024",
        "GBZ 2.1: GBZ 2.1-2019 → GBZ 2.1-2019+XG1",
    ]


def test_editions_come_from_the_instruments_registry() -> None:
    assert editions("GBZ 2.1") == (
        "GBZ 2-2002",
        "GBZ 2.1-2007",
        "GBZ 2.1-2019",
        "GBZ 2.1-2019+XG1",
        "GBZ 2.1-2019+XG1+XG2",
    )
    for family, edition in (("GBZ 2.1", "GBZ 2-2002"), ("GBZ 188", "GBZ 188-2007")):
        with pytest.raises(EditionError) as info:
            diff(family, edition, editions(family)[-1])
        assert info.value.rule == "changes.edition_not_shipped"
