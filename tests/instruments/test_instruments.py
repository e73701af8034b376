"""The instruments registry: integrity of the data, the lookups, citations and amendment states."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from pathlib import Path

import pytest

from ohsreg import instruments
from ohsreg.errors import EditionError, InvalidFormat, UnknownEntry

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "ohsreg" / "instruments" / "data" / "instruments.json"


def test_every_instrument_is_listed_with_dates_evidence_and_a_family() -> None:
    every = instruments.all_instruments()
    assert len(every) == len(json.loads(DATA.read_text(encoding="utf-8"))["records"]) >= 30
    ids = [i.id for i in every]
    assert len(set(ids)) == len(ids)
    for inst in every:
        assert all((inst.evidence, inst.title_zh, inst.title_en, inst.citation)), inst.id
        assert (inst.in_force is None) != (inst.in_force_window is None), inst.id
        if inst.in_force_window:
            assert not inst.verified
            assert inst.in_force_window[0] <= inst.in_force_window[1]
        if inst.until is not None:
            assert inst.until >= inst.first_day, inst.id
        if inst.issued is not None and inst.in_force is not None:
            assert inst.issued <= inst.in_force, inst.id
        for a in inst.amendments:
            assert all((a.evidence, a.citation)), (inst.id, a.id)
            assert a.first_day >= inst.first_day
        starts = [a.first_day for a in inst.amendments]
        assert starts == sorted(starts), inst.id


def test_editions_of_a_family_follow_each_other() -> None:
    for family in instruments.families():
        chain = instruments.editions(family)
        for older, newer in itertools.pairwise(chain):
            assert older.superseded_by == newer.id, (older.id, newer.id)
            assert newer.supersedes == older.id
            if older.until is not None and newer.in_force is not None:
                assert older.until + dt.timedelta(days=1) == newer.in_force, (older.id, newer.id)
        assert chain[-1].superseded_by is None or chain[-1].superseded_by not in {c.id for c in chain}


def test_every_instrument_is_on_the_reference_page() -> None:
    page = (ROOT / "docs" / "reference" / "instruments.md").read_text(encoding="utf-8")
    missing = [i.id for i in instruments.all_instruments() if f"| `{i.id}` |" not in page]
    assert not missing, f"add to docs/reference/instruments.md: {missing}"


@pytest.mark.parametrize(
    ("family", "day", "expected"),
    [
        ("GBZ 2.1", dt.date(2007, 10, 31), "GBZ 2-2002"),
        ("GBZ 2.1", dt.date(2007, 11, 1), "GBZ 2.1-2007"),
        ("GBZ 2.1", dt.date(2020, 3, 31), "GBZ 2.1-2007"),
        ("GBZ 2.1", dt.date(2020, 4, 1), "GBZ 2.1-2019"),
        ("GBZ 188", dt.date(2026, 7, 31), "GBZ 188-2014"),
        ("GBZ 188", dt.date(2026, 8, 1), "GBZ 188-2025"),
        ("workplace order", dt.date(2021, 1, 31), "SAWS Order 47"),
        ("workplace order", dt.date(2021, 2, 1), "NHC Order 5"),
        ("project order", dt.date(2017, 4, 30), "SAWS Order 51"),
        ("project order", dt.date(2017, 5, 1), "SAWS Order 90"),
        ("agency order", dt.date(2021, 2, 1), "NHC Order 4"),
        ("GBZ/T 229.4", dt.date(2014, 1, 1), "GBZ/T 229.4-2012"),
    ],
)
def test_in_force(family: str, day: dt.date, expected: str) -> None:
    found = instruments.in_force(family, day)
    assert found is not None
    assert found.id == expected


def test_unknown_days_refuse_instead_of_guessing() -> None:
    assert instruments.in_force("GBZ/T 229.4", dt.date(2000, 1, 1)) is None
    with pytest.raises(EditionError) as info:
        instruments.in_force("GBZ/T 229.4", dt.date(2012, 6, 1))
    assert info.value.rule == "instruments.date_unverified"
    assert "2013-12-31" in info.value.message("en")
    assert "2012-01-01" in info.value.message("zh_CN")
    xg1 = instruments.lookup("GBZ 2.1-2019").amendment("XG1")
    with pytest.raises(EditionError):
        xg1.applies_on(dt.date(2022, 11, 15))
    assert xg1.applies_on(dt.date(2022, 12, 1))
    assert not xg1.applies_on(dt.date(2022, 10, 31))


def test_amendment_states() -> None:
    gbz = instruments.lookup("GBZ 2.1-2019")
    assert gbz.state_on(dt.date(2021, 1, 1)) == "GBZ 2.1-2019"
    assert gbz.state_on(dt.date(2023, 1, 1)) == "GBZ 2.1-2019+XG1"
    assert gbz.state_on(None) == "GBZ 2.1-2019+XG1+XG2"
    assert instruments.resolve("GBZ 2.1-2019+XG1+XG2").name == "GBZ 2.1-2019+XG1+XG2"
    assert not instruments.resolve("GBZ 2.1-2019+XG1").verified  # XG1's day is not verified
    with pytest.raises(EditionError) as info:
        instruments.resolve("GBZ 2.1-2019+XG2")
    assert info.value.rule == "instruments.amendment_order"
    with pytest.raises(UnknownEntry) as unknown:
        instruments.resolve("GBZ 2.1-2019+XG7")
    assert unknown.value.rule == "instruments.unknown_amendment"
    law = instruments.lookup("职业病防治法")
    assert [a.id for a in law.amendments_on(dt.date(2018, 12, 29))] == ["2011", "2016", "2017", "2018"]
    assert [a.id for a in law.amendments_on(dt.date(2016, 8, 31))] == ["2011"]  # 2016 amendment: from 09-01


def test_clauses_cite_in_one_format_and_read_back() -> None:
    c = instruments.clause("NHC Order 5", "第二十条")
    assert c.cite() == str(c) == "国家卫生健康委令第5号《工作场所职业卫生管理规定》第二十条"
    assert (
        instruments.clause("OD law", "第三十五条", amendment="2018").cite()
        == "职业病防治法（2018年修正）第三十五条"
    )
    assert instruments.clause("SAWS Order 90", note="条号未核实").cite().endswith("》（条号未核实）")
    assert instruments.clause("GBZ 2.1-2019", "6.3.3").cite() == "GBZ 2.1-2019 6.3.3"
    for clause in (c, instruments.clause("OD law", "第三十七条", amendment="2018")):
        back = instruments.clause_of(clause.cite())
        assert back is not None
        assert back.cite() == clause.cite()
    assert (
        instruments.clause_of(
            "国家卫生健康委令第11号修改后的《职业卫生技术服务机构管理办法》第三条"
        ).amendment
        == "Order 11"
    )  # type: ignore[union-attr]
    assert instruments.clause_of("no such text") is None


def test_lookups_and_errors() -> None:
    assert instruments.get("令第5号") is instruments.lookup("NHC Order 5")
    assert instruments.get("gbz2.1—2019") is instruments.lookup("GBZ 2.1-2019")
    assert instruments.get(42) is None  # type: ignore[arg-type]
    with pytest.raises(UnknownEntry) as info:
        instruments.lookup("GBZ 999")
    assert info.value.rule == "instruments.unknown"
    with pytest.raises(UnknownEntry) as fam:
        instruments.editions("nope")
    assert fam.value.rule == "instruments.unknown_family"
    with pytest.raises(InvalidFormat) as bad:
        instruments.in_force("GBZ 2.1", dt.datetime(2020, 1, 1))  # type: ignore[arg-type]
    assert bad.value.rule == "instruments.argument_type"
    assert re.fullmatch(r"[0-9a-f]{12}", instruments.data_version())
    assert "GBZ 2.1-2019" in repr(instruments.lookup("GBZ 2.1-2019"))


@pytest.mark.parametrize(
    ("module", "name", "expected"),
    [
        ("ohsreg.rules.detection", "ORDER5_IN_FORCE", dt.date(2021, 2, 1)),
        ("ohsreg.rules.detection", "ORDER47_IN_FORCE", dt.date(2012, 6, 1)),
        ("ohsreg.rules.detection", "ORDER5", "国家卫生健康委令第5号《工作场所职业卫生管理规定》"),
        (
            "ohsreg.rules.detection",
            "ORDER47",
            "原国家安全生产监督管理总局令第47号《工作场所职业卫生监督管理规定》",
        ),
        ("ohsreg.rules.declaration", "DECLARATION_ORDER", "安监总局令第48号《职业病危害项目申报办法》"),
        ("ohsreg.rules.declaration", "DECLARATION_ORDER_IN_FORCE", dt.date(2012, 6, 1)),
        ("ohsreg.rules.project", "ORDER_51_IN_FORCE", dt.date(2012, 6, 1)),
        ("ohsreg.rules.project", "ORDER_90_IN_FORCE", dt.date(2017, 5, 1)),
        ("ohsreg.rules.surveillance", "GBZ188_2014_IN_FORCE", dt.date(2014, 10, 1)),
        ("ohsreg.rules.surveillance", "GBZ188_2025_IN_FORCE", dt.date(2026, 8, 1)),
        ("ohsreg.rules.surveillance", "GBZ188_2025_REPORTED_IN_FORCE", dt.date(2026, 8, 1)),
        ("ohsreg.assess.peak", "GBZ21_2019_IN_FORCE", dt.date(2020, 4, 1)),
    ],
)
def test_former_constants_still_work_with_a_deprecation_warning(
    module: str, name: str, expected: object
) -> None:
    import importlib

    mod = importlib.import_module(module)
    with pytest.warns(DeprecationWarning, match="ohsreg.instruments"):
        assert getattr(mod, name) == expected
    with pytest.raises(AttributeError):
        _ = mod.NO_SUCH_NAME


def test_results_carry_a_clause() -> None:
    import ohsreg
    from ohsreg.rules import detection, staffing

    due = detection.next_detection_due("SERIOUS", dt.date(2023, 5, 10), as_of=dt.date(2024, 1, 1))
    assert due.clause_ref is not None
    assert (due.clause_ref.instrument.id, due.clause_ref.article) == ("NHC Order 5", "第二十条")
    old = staffing.staffing_requirement("SERIOUS", 20, as_of=dt.date(2015, 1, 1))
    assert old is not None
    assert old.clause_ref is not None
    assert old.clause_ref.instrument.id == "SAWS Order 47"
    r = ohsreg.assess.twa([(1.0, 8)], limit=6.0)
    assert r.clause_ref is None or r.clause_ref.instrument.family == "GBZ 2.1"
    f = ohsreg.finding(
        "demo.x",
        ohsreg.Severity.INFO,
        "安监总局令第48号《职业病危害项目申报办法》第二条; 职业病防治法（2018年修正）第十六条",
        "x",
    )
    assert [(c.instrument.id, c.amendment, c.article) for c in f.clauses] == [
        ("SAWS Order 48", None, "第二条"),
        ("OD law", "2018", "第十六条"),
    ]


def test_every_rule_result_reads_its_clause_back() -> None:
    from ohsreg.rules import enforcement, surveillance

    interval = surveillance.exam_interval("苯", as_of=dt.date(2024, 1, 1))
    assert interval.clause_ref is not None
    assert interval.clause_ref.instrument.id == "GBZ 188-2014"
    grading = enforcement.accident_class(acute_cases=3)
    assert grading.clause_ref is not None
    assert (grading.clause_ref.instrument.id, grading.clause_ref.article) == ("MOH Order 25", "第二条")
    note = instruments.clauses_of("GBZ 2.1-2007 (超限倍数; multiples unverified)")
    assert [c.cite() for c in note] == ["GBZ 2.1-2007 (超限倍数; multiples unverified)"]


def test_identifier_standards_and_the_civil_code_are_registered() -> None:
    assert instruments.lookup("GB/T 4754-2017").in_force == dt.date(2017, 10, 1)
    assert instruments.lookup("GB 32100-2015").in_force == dt.date(2015, 10, 1)
    assert instruments.lookup("民法典").in_force == dt.date(2021, 1, 1)
    assert not instruments.lookup("GB/T 4754-2017").amendment("XG1").verified


def test_catalogue_tables_restate_no_other_date_than_the_registry() -> None:
    """A catalogue data file of a registered edition (its header ``edition`` is the instrument id) carries
    the registry's issue and in-force dates and verification flag (the build scripts copy them)."""
    data = ROOT / "src" / "ohsreg" / "catalogue" / "data"
    checked = []
    for path in sorted(data.rglob("*.json")):
        header = json.loads(path.read_text(encoding="utf-8"))
        inst = instruments.get(header.get("edition") or "")
        if inst is None or inst.id != header["edition"]:
            continue  # a table named by year ("2015") belongs to a catalogue notice, checked with it
        checked.append(inst.id)
        assert header.get("effective") == inst.first_day.isoformat(), path.name
        if header.get("issued") is not None:
            assert header["issued"] == (inst.issued.isoformat() if inst.issued else None), path.name
        if "effective_verified" in header:
            assert header["effective_verified"] is inst.verified, path.name
    assert {"GB/T 18664-2002", "GB/T 23466-2009", "GBZ 2.1-2007", "GBZ 188-2014"} <= set(checked)
