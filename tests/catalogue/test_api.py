"""The catalogue API: lookups, search, limits by edition and date, risk class, coverage, user files."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import ohsreg
from ohsreg import catalogue
from ohsreg.errors import EditionError, OhsregError, UnknownEntry


@pytest.mark.parametrize("query", ["苯", "71-43-2", "benzene", "BENZENE", "ben", "C028"])
def test_lookup_by_zh_cas_en_pinyin_id(query: str) -> None:
    assert catalogue.hazards.lookup(query).name_zh == "苯"


def test_lookup_by_alias() -> None:
    factor = catalogue.hazards.lookup("百草枯")
    assert "百草枯" in factor.aliases


def test_get_returns_none_and_lookup_raises_with_suggestions() -> None:
    assert catalogue.hazards.get("no such thing") is None
    with pytest.raises(UnknownEntry) as info:
        catalogue.hazards.lookup("苯乙稀")
    assert info.value.rule == "catalogue.unknown"
    assert "苯乙烯" in info.value.params["suggestions"]
    assert "苯乙烯" in info.value.message("zh_CN")


def test_search_ranks_exact_then_prefix() -> None:
    results = catalogue.hazards.search("苯")
    assert results[0][0].name_zh == "苯"
    assert all(results[i][1] >= results[i + 1][1] for i in range(len(results) - 1))
    assert catalogue.hazards.search("") == []
    assert catalogue.diseases.search("矽肺")[0][0].name_zh == "矽肺"


def _reference_search(table: catalogue.Table[Any], query: str) -> list[tuple[str, float]]:
    """Ranked search written the slow, obvious way: every folded key of every record, scored in turn."""
    from ohsreg.catalogue._table import fold

    q = fold(query)
    best: dict[int, float] = {}
    for pos, rec in enumerate(table):
        for _kind, text in table._keys(rec):
            key = fold(text) if text else ""
            i = key.find(q) if key else -1
            if i < 0:
                continue
            if i == 0:
                score = 100.0 if len(q) == len(key) else 80.0 + 10.0 * len(q) / len(key)
            else:
                score = 60.0 + 10.0 * len(q) / len(key) - min(i, 10) * 0.5
            best[pos] = max(best.get(pos, 0.0), score)
    records = list(table)
    return [(records[p].id, s) for p, s in sorted(best.items(), key=lambda item: (-item[1], item[0]))]


@pytest.mark.parametrize(
    "query", ["ben", "a", "苯", "苯乙", "1,2-", "yi", "二氯乙", "mg", "N,N-", "hua he wu", "x"]
)
@pytest.mark.parametrize("table", ["hazards", "chemical_limits", "diseases", "risk_directory"])
def test_search_index_finds_what_a_full_scan_finds(table: str, query: str) -> None:
    tab = getattr(catalogue, table)
    found = tab.search(query, limit=10_000)
    got = [(r.id, s) for r, s in found if s > 50]  # substring matches score 55+; near misses follow at <= 50
    assert got == _reference_search(tab, query)
    assert all(s <= 50 for _, s in found[len(got) :])


def test_limits_by_date_and_default_edition() -> None:
    benzene = catalogue.hazards.lookup("苯")
    old = catalogue.limits_for(benzene, as_of=dt.date(2021, 1, 1))
    assert (old.pc_twa.magnitude, old.pc_stel.magnitude) == (6.0, 10.0)  # type: ignore[union-attr]
    new = catalogue.limits_for(benzene, as_of=dt.date(2023, 1, 1))
    assert (new.pc_twa.magnitude, new.pc_stel.magnitude) == (3.0, 6.0)  # type: ignore[union-attr]
    assert catalogue.limits_for("苯").edition == catalogue.DEFAULT_LIMIT_EDITION == "GBZ 2.1-2019"
    assert new.amendments
    assert not old.amendments


def test_limits_refuse_dates_without_an_answer() -> None:
    with pytest.raises(EditionError) as info:
        catalogue.limits_for("苯", as_of=dt.date(2005, 1, 1))  # GBZ 2-2002 applied: not shipped
    assert info.value.rule == "catalogue.edition_not_in_force"
    assert "GBZ 2-2002" in info.value.message("en")
    with pytest.raises(EditionError) as info:
        catalogue.limits_for("苯", as_of=dt.date(2022, 11, 15))
    assert info.value.rule == "catalogue.amendment_date_unverified"
    with pytest.raises(EditionError) as info:
        catalogue.limits_for("苯", edition="GBZ 2-2002")
    assert info.value.rule == "catalogue.unknown_edition"
    with pytest.raises(EditionError) as info:
        catalogue.limits_for("苯", edition="GBZ 2.1-2007", as_of=dt.date(2021, 1, 1))
    assert info.value.rule == "catalogue.edition_not_in_force"


def test_sub_conditions() -> None:
    co = catalogue.limits_for("一氧化碳")
    with pytest.raises(OhsregError) as info:
        _ = co.pc_twa
    assert info.value.rule == "catalogue.limit_conditions"
    assert co.select("＞3000").mac.magnitude == 15.0  # type: ignore[union-attr]
    lead = catalogue.limits_for(catalogue.hazards.lookup("7439-92-1"))
    assert {r.sub_condition for r in lead.rows} == {"铅尘", "铅烟"}
    silica = catalogue.limits_for("矽尘")
    assert silica.for_free_silica(10).pc_twa_total.magnitude == 1.0  # type: ignore[union-attr]
    assert silica.for_free_silica(85).pc_twa_respirable.magnitude == 0.2  # type: ignore[union-attr]
    with pytest.raises(UnknownEntry):
        silica.for_free_silica(5)


def test_no_limit_is_an_error_with_rule() -> None:
    with pytest.raises(UnknownEntry) as info:
        catalogue.limits_for(catalogue.hazards.lookup("噪声"))
    assert info.value.rule == "catalogue.no_limit"
    with pytest.raises(OhsregError) as err:
        catalogue.limits_for(42)  # type: ignore[arg-type]
    assert err.value.rule == "catalogue.hazard_type"


def test_dioxin_unit_is_the_standards_own() -> None:
    assert catalogue.limits_for("二噁英类化合物").pc_twa.unit == "pg TEQ/m³"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("code", "kwargs", "expected"),
    [
        ("C2614", {}, "SERIOUS"),
        ("2614", {}, "SERIOUS"),
        ("C1951", {"uses_listed_solvents": False}, "GENERAL"),
        ("C1951", {"uses_listed_solvents": True}, "SERIOUS"),
        ("F5265", {}, "GENERAL"),
    ],
)
def test_risk_class_walks_up_the_code(code: str, kwargs: dict[str, bool], expected: str) -> None:
    result = catalogue.risk_class(code, **kwargs)  # type: ignore[arg-type]
    assert result.risk_class is not None
    assert result.risk_class.code == expected
    assert result.edition == "2021"


def test_risk_class_conditions_and_errors() -> None:
    assert catalogue.risk_class("C1951").conditional
    heading = catalogue.risk_class("C26")
    assert heading.risk_class is None
    assert heading.candidates
    assert all(c.code.startswith("C26") for c in heading.candidates)
    split = catalogue.risk_class("A0311")
    assert split.risk_class is None
    assert len(split.candidates) == 2
    with pytest.raises(UnknownEntry) as info:
        catalogue.risk_class("I6511")
    assert info.value.rule == "catalogue.industry_not_listed"
    for bad in ("X12", "A2614", "C2699"):
        with pytest.raises(OhsregError) as err:
            catalogue.risk_class(bad)
        assert err.value.rule.startswith("industry."), (bad, err.value.rule)
    with pytest.raises(EditionError) as ed:
        catalogue.risk_class("C2614", as_of=dt.date(2020, 1, 1))
    assert ed.value.rule == "catalogue.edition_not_shipped"


def test_coverage_shows_gaps() -> None:
    rows = {r.table: r for r in catalogue.coverage()}
    assert rows["hazard_factors_2015"].complete
    assert not rows["gbz21_2019_table2"].complete
    assert rows["gbz21_2019_table2"].gaps
    assert rows["occupational_diseases_2013"].shipped == 132
    assert rows["occupational_diseases_2013"].verified < 132  # six items rest on the 2024 text only
    assert rows["occupational_diseases_2013"].gaps
    for row in rows.values():
        assert row.verified <= row.shipped


def test_load_user_file(tmp_path: Path) -> None:
    src = Path(catalogue.__file__).parent / "data" / "occupational_diseases_2024.json"
    doc = json.loads(src.read_text(encoding="utf-8"))
    doc["edition"] = "provincial"
    doc["records"] = doc["records"][:3]
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    table = catalogue.load(path)
    assert len(table) == 3
    assert table.lookup("矽肺").name_zh == "矽肺"
    assert table.edition == "provincial"


def test_load_rejects_bad_files(tmp_path: Path) -> None:
    with pytest.raises(OhsregError) as info:
        catalogue.load(tmp_path / "missing.json")
    assert info.value.rule == "catalogue.file_missing"
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(OhsregError) as info:
        catalogue.load(bad)
    assert info.value.rule == "catalogue.file_format"
    bad.write_text(json.dumps({"format": catalogue.FORMAT, "kind": "nope", "records": []}), encoding="utf-8")
    with pytest.raises(OhsregError) as info:
        catalogue.load(bad)
    assert info.value.field == "kind"
    bad.write_text(
        json.dumps(
            {
                "format": catalogue.FORMAT,
                "kind": "occupational_diseases",
                "edition": "x",
                "records": [{"id": 1}],
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(OhsregError) as info:
        catalogue.load(bad)
    assert info.value.rule == "catalogue.record_invalid"
    assert info.value.field == "records[0]"


def test_thread_safe_first_load(tmp_path: Path) -> None:
    src = Path(catalogue.__file__).parent / "data" / "hazard_factors_2015.json"
    table = catalogue.Table("copy", catalogue.HazardFactor.from_dict, path=src)
    results: list[int] = []

    def work() -> None:
        results.append(len(table))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [459] * 8


def test_import_ohsreg_loads_no_catalogue() -> None:
    code = "import sys, ohsreg; print('ohsreg.catalogue' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    assert ohsreg.catalogue is catalogue
    assert ohsreg.HazardFactor is catalogue.HazardFactor


def test_reprs_are_readable() -> None:
    assert repr(catalogue.hazards.lookup("苯")) == "HazardFactor('C028', '苯', CHEMICAL, CAS 71-43-2)"
    assert "not loaded" in repr(catalogue.Table("x", catalogue.HazardFactor.from_dict, package_file="x.json"))


def test_biological_limits_follow_the_amendment_date() -> None:
    tmt = catalogue.limits_for("三甲基氯化锡")
    assert {b.indicator_zh for b in tmt.biological} == {"尿中三甲基锡", "血中三甲基锡"}
    assert catalogue.limits_for("三甲基氯化锡", as_of=dt.date(2021, 6, 1)).biological == ()
    spma = catalogue.limits_for("苯").biological
    assert [b.verified for b in spma] == [False]


def test_physical_limits_are_typed_where_units_allow() -> None:
    from ohsreg.units import Quantity, SoundLevel

    noise = [p for p in catalogue.physical_limits if p.factor_zh == "噪声"]
    assert all(isinstance(p.value, SoundLevel) and p.value.weighting == "A" for p in noise)
    peaks = [p for p in catalogue.physical_limits if p.factor_zh == "脉冲噪声"]
    assert [p.magnitude for p in peaks] == [140.0, 130.0, 120.0]
    wbgt = [p for p in catalogue.physical_limits if p.factor_zh == "高温"]
    assert len(wbgt) == 16
    assert all(isinstance(p.value, Quantity) and p.value.unit == "°C" for p in wbgt)
    dose = next(p for p in catalogue.physical_limits if p.unit == "uW*h/cm2")
    assert dose.value is None
    assert dose.magnitude == 400.0


def test_resolve_hazard_key_for_models() -> None:
    assert catalogue.resolve_hazard_key("BENZENE") == catalogue.resolve_hazard_key("71-43-2") == "C028"
    with pytest.raises(UnknownEntry):
        catalogue.resolve_hazard_key("no such factor")


def test_every_record_is_found_by_its_own_keys() -> None:
    for factor in catalogue.hazards:
        assert catalogue.hazards.lookup(factor.id) is factor
        assert catalogue.hazards.lookup(factor.name_zh).name_zh == factor.name_zh
        for number in factor.cas:
            assert number in catalogue.hazards.lookup(number).cas
        if factor.pinyin:
            assert factor in catalogue.hazards.lookup_all(factor.pinyin)
    for entry in catalogue.risk_directory:
        assert catalogue.risk_directory.lookup(entry.code) is entry


def test_disease_list_by_date_and_edition() -> None:
    assert catalogue.diseases_in_force() is catalogue.diseases
    assert catalogue.diseases_in_force(dt.date(2025, 7, 31)) is catalogue.diseases_2013
    assert catalogue.diseases_in_force(dt.date(2025, 8, 1)) is catalogue.diseases
    assert catalogue.diseases_in_force(dt.date(2013, 12, 23)).header["edition"] == "2013"
    assert catalogue.diseases_in_force(edition="2024") is catalogue.diseases
    # 铀 moved from chemical poisoning (2013) to the radiological category (2024)
    assert catalogue.diseases_2013.lookup("铀及其化合物中毒").category_zh.startswith("五、")
    assert catalogue.diseases.lookup("铀及其化合物中毒").category_zh.startswith("七、")
    assert catalogue.diseases_2013.get("腕管综合征（限于长时间腕部重复作业或用力作业的制造业工人）") is None
    for kwargs, rule in (
        ({"as_of": dt.date(2013, 12, 22)}, "catalogue.edition_not_in_force"),
        ({"edition": "2002"}, "catalogue.unknown_edition"),
        ({"edition": "2013", "as_of": dt.date(2025, 8, 1)}, "catalogue.edition_not_in_force"),
        ({"edition": "2024", "as_of": dt.date(2020, 1, 1)}, "catalogue.edition_not_in_force"),
    ):
        with pytest.raises(EditionError) as info:
            catalogue.diseases_in_force(**kwargs)  # type: ignore[arg-type]
        assert info.value.rule == rule
        assert info.value.message("zh_CN") != info.value.message("en")


def test_guide_coverage_table_matches_coverage() -> None:
    root = Path(__file__).resolve().parents[2]
    for guide in ("docs/en/guides/catalogue.md", "docs/zh/guides/catalogue.md"):
        text = (root / guide).read_text(encoding="utf-8")
        for row in catalogue.coverage():
            official = "?" if row.official is None else str(row.official)
            cells = f"| {row.shipped} | {official} | {row.verified} |"
            line = next(
                (ln for ln in text.splitlines() if re.match(rf"\| {row.table}(?![0-9a-z_])", ln)), None
            )
            assert line is not None, (guide, row.table)
            assert line.endswith(cells), (guide, line, cells)


def test_reference_coverage_table_agrees_with_coverage() -> None:
    """The reference page's table said the 2013 disease list was not shipped while coverage() showed it."""
    root = Path(__file__).resolve().parents[2]
    text = (root / "docs" / "reference" / "catalogue.md").read_text(encoding="utf-8")
    checked = 0
    for row in catalogue.coverage():
        line = next(
            (ln for ln in text.splitlines() if ln.startswith(f"| {row.document} {row.edition} |")), None
        )
        if line is None:
            continue  # tables named differently on the page (GBZ 2.1 parts) are covered by the guides' test
        cells = [c.strip() for c in line.strip("|").split("|")]
        official = "?" if row.official is None else str(row.official)
        assert cells[1].split()[:3] in (
            [str(row.shipped), "/", official],
            [str(row.shipped)],
        ), (line, row)
        assert cells[2].split()[0] == str(row.verified), (line, row)
        checked += 1
    assert checked >= 5
