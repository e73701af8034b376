"""GBZ 2.1-2007 shipped beside GBZ 2.1-2019; amendment states pinnable; the catalogue defects of #13."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ohsreg import assess, catalogue, instruments
from ohsreg.errors import EditionError, OhsregError, UnknownEntry

BEFORE_2019 = dt.date(2019, 6, 1)


def test_a_2019_date_answers_from_2007_and_says_so() -> None:
    old = catalogue.limits_for("苯", as_of=BEFORE_2019)
    assert (old.edition, old.amendment_state) == ("GBZ 2.1-2007", "GBZ 2.1-2007")
    assert (old.pc_twa.magnitude, old.pc_stel.magnitude) == (6.0, 10.0)  # type: ignore[union-attr]
    assert old.rows[0].source.edition == "GBZ 2.1-2007"
    assert "edition='GBZ 2.1-2007'" in repr(old)
    first_day = catalogue.limits_for("苯", as_of=dt.date(2007, 11, 1))
    assert first_day.edition == "GBZ 2.1-2007"
    assert catalogue.limits_for("苯", as_of=dt.date(2020, 4, 1)).edition == "GBZ 2.1-2019"


def test_every_date_from_2007_11_01_has_an_answer_naming_edition_and_state() -> None:
    day = dt.date(2007, 11, 1)
    while day < dt.date(2027, 1, 1):
        if not (dt.date(2022, 11, 1) <= day <= dt.date(2022, 11, 30)):  # amendment No. 1: month only
            found = catalogue.limits_for("苯", as_of=day)
            assert found.amendment_state.startswith(found.edition)
        day += dt.timedelta(days=61)


def test_2007_table_counts_and_verification() -> None:
    rows = list(catalogue.chemical_limits_2007)
    assert len(rows) == 344
    assert len({r.name_zh for r in rows}) == 339 == catalogue.chemical_limits_2007.header["official_count"]
    verified = [r for r in rows if r.verified]
    assert len(verified) == 244  # the rows on which A14 and B07 agree
    assert all("A14" in (r.verified_by or "") and "B07" in (r.verified_by or "") for r in verified)
    assert all(r.notes and "single source" in r.notes for r in rows if not r.verified)
    dusts = list(catalogue.dust_limits_2007)
    assert (len(dusts), len({d.name_zh for d in dusts})) == (55, 47)
    assert all(d.excursion_multiple == 2.0 for d in dusts)


def test_rounded_values_are_left_empty_and_flagged() -> None:
    beryllium = catalogue.chemical_limits_2007.lookup("铍及其化合物（按Be计）")
    assert (beryllium.pc_twa, beryllium.pc_stel, beryllium.verified) == (None, None, False)
    assert "rounded" in (beryllium.notes or "")


def test_excursion_multiples_are_data_and_fit_the_bands() -> None:
    with_multiple = [r for r in catalogue.chemical_limits_2007 if r.excursion_multiple is not None]
    assert len(with_multiple) >= 172
    for r in with_multiple:
        if r.pc_twa is None:
            continue
        twa = r.pc_twa.magnitude
        band = 3.0 if twa < 1 else 2.5 if twa < 10 else 2.0 if twa < 100 else 1.5
        assert r.excursion_multiple == band, r
        assert r.pc_stel is None


def test_the_2007_excursion_rule_takes_the_multiple_from_the_row() -> None:
    ok = assess.excursion([7.4], hazard="苯胺", as_of=BEFORE_2019)  # PC-TWA 3, 超限倍数 2.5
    assert (ok.verdict.name, ok.limit.value) == ("COMPLIES", 7.5)  # type: ignore[union-attr]
    assert assess.excursion([7.6], hazard="苯胺", as_of=BEFORE_2019).verdict.name == "EXCEEDS"
    assert "GBZ 2.1-2007" in (ok.limit.source or "")  # type: ignore[union-attr]
    stel = assess.excursion([50.0], hazard="苯", as_of=BEFORE_2019)  # 苯 has PC-STEL: no multiple
    assert stel.verdict.name == "NOT_APPLICABLE"
    with pytest.raises(EditionError) as info:
        assess.excursion([1.0], hazard="苯胺", as_of=dt.date(2021, 1, 1))
    assert info.value.rule == "assess.edition_unverified"
    with pytest.raises(EditionError) as info:
        assess.peak([(10.0, 5)], hazard="苯胺", as_of=BEFORE_2019)
    assert "excursion" in info.value.message("en")


def test_bad_cas_of_2007_kept_as_printed_and_corrected() -> None:
    vanadium = catalogue.chemical_limits_2007.lookup("7440-62-6")
    assert vanadium is catalogue.chemical_limits_2007.lookup("7440-62-2")
    assert vanadium.cas == ("7440-62-2",)
    assert "7440-62-6" in (vanadium.cas_printed or "")
    styrene = catalogue.chemical_limits_2007.lookup("邻氯苯乙烯")
    assert styrene.cas == ("2039-87-4",)
    assert styrene.cas_printed == "2038-87-47"
    assert "malformed" in (styrene.notes or "")


def test_2007_rows_resolve_to_2015_factors() -> None:
    no2 = catalogue.chemical_limits_2007.lookup("二氧化氮")
    assert no2.hazard_ids == ("C018",)  # 氮氧化合物: the group of the 2015 catalogue
    resolved = [r for r in catalogue.chemical_limits_2007 if r.hazard_ids]
    assert len(resolved) >= 250
    assert all(r.hazard_exception for r in catalogue.chemical_limits_2007 if not r.hazard_ids)
    assert catalogue.limits_for(catalogue.hazards.lookup("苯"), as_of=BEFORE_2019).edition == "GBZ 2.1-2007"


def test_amendment_states_are_pinnable() -> None:
    assert catalogue.limits_for("苯", edition="GBZ 2.1-2019+XG1").pc_twa.magnitude == 3.0  # type: ignore[union-attr]
    # the original 2019 text: before amendment No. 1, by date
    assert catalogue.limits_for("苯", as_of=dt.date(2021, 1, 1)).amendment_state == "GBZ 2.1-2019"
    pinned = catalogue.limits_for("苯", edition="GBZ 2.1-2019+XG1", as_of=dt.date(2030, 1, 1))
    assert pinned.amendment_state == "GBZ 2.1-2019+XG1"
    # a later amendment does not enter a pinned state
    with pytest.raises(UnknownEntry):
        catalogue.limits_for("乙草胺", edition="GBZ 2.1-2019+XG1")
    assert catalogue.limits_for("乙草胺", edition="GBZ 2.1-2019+XG1+XG2").pc_twa.magnitude == 0.12  # type: ignore[union-attr]
    assert catalogue.limits_for("苯").amendment_state == "GBZ 2.1-2019+XG1+XG2"
    for bad in ("GBZ 2.1-2019+XG2", "GBZ 2.1-2019+XG9"):
        with pytest.raises(EditionError) as info:
            catalogue.limits_for("苯", edition=bad)
        assert info.value.rule == "catalogue.unknown_edition"
        assert "GBZ 2.1-2019+XG1" in info.value.message("en")


def test_data_version_and_table_hashes_are_pinnable() -> None:
    version = catalogue.data_version()
    assert len(version) == 16
    assert version == catalogue.data_version()
    shas = {row.table: row.sha for row in catalogue.coverage()}
    assert len(shas["gbz21_2007_table1"]) == 64
    assert shas["gbz21_2007_table1"] == catalogue.chemical_limits_2007.sha
    assert len(instruments.data_version()) == 12


def test_coverage_reports_the_2007_tables() -> None:
    rows = {row.table: row for row in catalogue.coverage()}
    assert (rows["gbz21_2007_table1"].shipped, rows["gbz21_2007_table1"].official) == (339, 339)
    assert rows["gbz21_2007_table1"].verified == 244
    assert rows["gbz21_2007_table1"].edition == "GBZ 2.1-2007"
    assert (rows["gbz21_2007_table2"].shipped, rows["gbz21_2007_table2"].official) == (47, 47)
    assert any("not shipped: 煤尘" in g for g in rows["gbz21_2019_table2"].gaps)


# -- catalogue defects (#13 item 5) ------------------------------------------------------------------


def test_a_cas_shared_by_two_entries_returns_both() -> None:
    mercury = catalogue.limits_for("7439-97-6")
    assert {r.name_zh for r in mercury.rows} == {"汞-金属汞（蒸气）", "汞-有机汞化合物（按Hg计）"}
    with pytest.raises(OhsregError) as info:
        _ = mercury.pc_twa
    assert info.value.rule == "catalogue.limit_conditions"
    assert "金属汞" in str(info.value)
    assert mercury.select("金属汞").pc_twa.magnitude == 0.02  # type: ignore[union-attr]


def test_nitrogen_oxides_not_shipped_for_2019_answered_from_2007_before() -> None:
    for name in ("二氧化氮", "一氧化氮", "10102-44-0", "氮氧化物"):
        with pytest.raises(UnknownEntry) as info:
            catalogue.limits_for(name)
        assert info.value.rule == "catalogue.limit_not_shipped", name
        text = info.value.message("en")
        assert "GBZ 2.1-2019" in text
        assert "GBZ 2.1-2007" in text
        assert "二氧化氮 PC-TWA 5" in text
        assert "氮氧化物" in info.value.message("zh_CN")
    old = catalogue.limits_for("二氧化氮", as_of=BEFORE_2019)
    assert old.edition == "GBZ 2.1-2007"
    assert old.select("二氧化氮").pc_twa.magnitude == 5.0  # type: ignore[union-attr]


def test_dusts_not_shipped_by_name_with_the_2007_value_as_hint() -> None:
    with pytest.raises(UnknownEntry) as info:
        catalogue.limits_for("煤尘")
    assert info.value.rule == "catalogue.limit_not_shipped"
    assert "呼尘 2.5" in info.value.message("en")
    assert "GBZ 2.1-2007" in info.value.message("en")
    with pytest.raises(UnknownEntry) as info:
        catalogue.limits_for("工业酶混合尘")
    assert info.value.rule == "catalogue.limit_not_shipped"
    assert "no row" in info.value.message("en")
    coal = catalogue.limits_for("煤尘", as_of=BEFORE_2019)
    assert coal.dust_rows[0].pc_twa_respirable.magnitude == 2.5  # type: ignore[union-attr]
    assert coal.dust_rows[0].verified is False  # one source (A14)
    gaps = catalogue.dust_limits.header["not_shipped"]
    assert len(gaps) == 22
    assert len(gaps) + catalogue.dust_limits.header["entries_shipped"] == 49


def test_limit_types_verified_separately_from_values() -> None:
    rows = list(catalogue.chemical_limits)
    assert sum(r.type_verified for r in rows) == 364
    assert all(r.type_verified_by and "C19" in r.type_verified_by for r in rows if r.type_verified)
    assert sum(r.verified for r in rows) < 100  # values: unchanged
    assert not catalogue.chemical_limits.lookup("乙草胺").type_verified
    assert all(d.type_verified for d in catalogue.dust_limits)


# -- per-edition tables live in the catalogue data only (#13 item 2) ---------------------------------


def test_rule_tables_come_from_the_catalogue_data() -> None:
    import importlib

    from ohsreg.rules import surveillance, training

    heat = importlib.import_module("ohsreg.assess.heat")  # the package exports functions of these names
    noise = importlib.import_module("ohsreg.assess.noise")

    wbgt = {
        (r.param("exposure_time_ratio"), r.param("work_intensity")): r.magnitude
        for r in catalogue.physical_limits
        if r.param("work_intensity")
    }
    assert len(wbgt) == 16
    for (ratio, cls), value in wbgt.items():
        assert heat.wbgt_limit(float(ratio), cls).value == value  # type: ignore[arg-type]
    assert noise.allowed_hours(85.0) == 8.0
    assert [r.hazard for r in surveillance.interval_rules()] == [
        e.hazard_zh for e in catalogue.exam_intervals_2014
    ]
    assert len(surveillance.interval_rules("GBZ 188-2025")) == len(catalogue.exam_intervals_2025)
    for row in catalogue.training_hours:
        assert training.hours_required(row.role, row.kind) == row.hours
    tables = {r.table for r in catalogue.coverage()}
    assert {"gbz188_2014_intervals", "gbz188_2025_intervals", "training_hours_2015"} <= tables
    for module in (heat, noise, surveillance, training):  # no second copy of a table in the code
        text = Path(module.__file__).read_text(encoding="utf-8")  # type: ignore[arg-type]
        assert "(30, 28, 26, 25)" not in text
        assert "(100, 140.0)" not in text
        assert '_chem("苯", 12' not in text
        assert "TrainingKind.INITIAL): 16.0" not in text


# -- names that should resolve, typo search, bounded suggestions (#15 item 3) ------------------------


@pytest.mark.parametrize(
    ("query", "factor"),
    [
        ("煤尘（游离SiO2含量＜10%）", "D002"),  # full-width ＜ and a content qualifier the catalogue lacks
        ("煤尘(游离SiO2含量<10%)", "D002"),
        ("矽尘", "D001"),  # without the catalogue's qualifier （游离SiO2含量≥10%）
        ("石棉", "D005"),
        ("石棉（石棉含量＞10%）", "D005"),  # the GBZ 2.1-2019 表2 name
        ("coal dust", "D002"),
        ("Coal Dust", "D002"),
        ("二氧化氮", "C018"),
        ("一氧化氮", "C018"),
        ("谷物粉尘", "D021"),
    ],
)
def test_names_that_should_resolve(query: str, factor: str) -> None:
    assert catalogue.lookup(query).id == factor


def test_search_finds_a_one_character_typo() -> None:
    found = [h.name_zh for h, _ in catalogue.search("苯乙稀")]
    assert found[0] == "苯乙烯"
    assert all(score <= 50 for _, score in catalogue.search("苯乙稀"))  # below every substring match
    assert catalogue.search("苯乙")[0][1] > 50  # exact prefixes still rank first
    assert [h.name_zh for h, _ in catalogue.search("三氯乙稀", limit=1)] == ["三氯乙烯"]
    assert catalogue.search("benzine", limit=1)[0][0].name_zh == "苯"  # English name, one letter off
    with pytest.raises(UnknownEntry) as info:
        catalogue.lookup("苯乙稀")
    assert info.value.params["suggestions"][0] == "苯乙烯"


def test_suggestions_are_bounded_and_cached() -> None:
    table = catalogue.hazards
    first = table.suggest("苯乙稀")
    assert first == table.suggest("苯乙稀")
    assert first[0] == "苯乙烯"
    assert table.suggest("x" * 100_000) == []  # cut to 64 characters: no scan of a huge query
    for i in range(1100):  # the cache stays bounded
        table.suggest(f"未知因素{i}")
    assert len(table._suggestions) <= 1024


def test_rows_naming_the_same_unknown_hazard_are_resolved_once() -> None:
    import pydantic

    from ohsreg.models import HazardRef
    from ohsreg.models.base import _resolved_hazard

    adapter = pydantic.TypeAdapter(list[HazardRef])
    before = _resolved_hazard.cache_info()
    with pytest.raises(pydantic.ValidationError) as info:
        adapter.validate_python(["苯乙稀-未知"] * 500)
    assert info.value.error_count() == 500
    assert info.value.errors()[0]["type"] == "catalogue.unknown"
    after = _resolved_hazard.cache_info()
    assert after.misses - before.misses <= 1
    assert after.hits - before.hits >= 499
