"""Integrity of the shipped catalogue data: counts, CAS check digits, keys, units, provenance, resolution."""

from __future__ import annotations

import collections
import json
import re
from importlib import resources
from typing import Any

import pytest

from ohsreg import catalogue
from ohsreg.catalogue import HazardFactor
from ohsreg.identifiers import cas as cas_rn

KNOWN_UNITS = {
    "mg/m3",
    "pg TEQ/m3",
    "f/mL",
    "spores/m3",
    "ng/m3",
    "ug/m3",
    "ug/g creatinine",
    "ug/L",
    "umol/mol creatinine",
    "dB(A)",
    "dB",
    "degC",
    "m/s2",
    "kV/m",
    "V/m",
    "A/m",
    "mW/cm2",
    "uW/cm2",
    "uW*h/cm2",
    "mJ/cm2",
    "1/min",
    "kJ/d",
    "",
}


def _cas_ok(cas: str) -> bool:
    return cas_rn.is_valid(cas) and cas_rn.validate(cas) == cas


def _files() -> list[str]:
    folder = resources.files("ohsreg.catalogue").joinpath("data")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))


def _doc(name: str) -> dict[str, Any]:
    text = resources.files("ohsreg.catalogue").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def test_hazard_counts_per_category() -> None:
    counts = collections.Counter(h.category.code for h in catalogue.hazards)
    assert dict(counts) == {
        "DUST": 52,
        "CHEMICAL": 375,
        "PHYSICAL": 15,
        "RADIOLOGICAL": 8,
        "BIOLOGICAL": 6,
        "OTHER": 3,
    }
    assert len(catalogue.hazards) == catalogue.hazards.header["official_count"] == 459


def test_other_official_counts() -> None:
    assert len(catalogue.highly_toxic) == 54
    assert len(catalogue.diseases) == 135
    assert len({d.category_zh for d in catalogue.diseases}) == 12
    assert sum(d.open_clause for d in catalogue.diseases) == 4  # "包括4项开放性条款"


def test_disease_list_2013_counts_and_changes() -> None:
    old, new = catalogue.diseases_2013, catalogue.diseases
    assert len(old) == old.header["official_count"] == 132
    per_category = collections.Counter(d.category_zh.split("、")[0] for d in old)
    assert per_category == {
        "一": 19, "二": 9, "三": 3, "四": 4, "五": 60, "六": 7, "七": 11, "八": 5, "九": 11, "十": 3
    }  # fmt: skip
    assert sum(d.open_clause for d in old) == 4
    # the published 2013 -> 2024 changes: two new diseases, 放射性白内障 split out of the eye item (which is
    # renamed), nothing removed; 铀, 滑囊炎 only change category
    old_names = {d.name_zh for d in old}
    new_names = {d.name_zh for d in new}
    assert new_names - old_names == {
        "腕管综合征（限于长时间腕部重复作业或用力作业的制造业工人）",
        "创伤后应激障碍（限于参与突发事件处置的人民警察、医疗卫生人员、消防救援等应急救援人员）",
        "放射性白内障",
        "白内障（含三硝基甲苯白内障）",
    }
    assert old_names - new_names == {"白内障（含放射性白内障、三硝基甲苯白内障）"}
    unverified = {d.name_zh for d in old if not d.verified}
    assert len(unverified) == 6
    assert all(d.notes for d in old if not d.verified)
    classified = [r for r in catalogue.risk_directory if r.risk_class is not None]
    assert len(classified) == 291
    assert collections.Counter(r.risk_class.code for r in classified if r.risk_class) == {
        "SERIOUS": 146,
        "GENERAL": 145,
    }
    assert len(catalogue.exposure_levels) == 5


@pytest.mark.parametrize("name", _files())
def test_every_cas_passes_its_check_digit(name: str) -> None:
    for rec in _doc(name)["records"]:
        for cas in rec.get("cas", []):
            assert _cas_ok(cas), (name, rec["id"], cas)


def test_printed_cas_typos_are_kept_and_corrected() -> None:
    typos = {h.cas_printed: h for h in catalogue.hazards if h.cas_note}
    assert len(typos) == 4
    for printed, factor in typos.items():
        assert printed is not None
        assert factor.cas
        assert all(_cas_ok(c) for c in factor.cas)
        assert catalogue.hazards.lookup(re.findall(r"\d+-\d+-\d+", printed)[0]) is factor
    assert catalogue.hazards.lookup("7440-33-7").name_zh.startswith("钨")


@pytest.mark.parametrize("name", _files())
def test_no_duplicate_ids_and_provenance_on_every_record(name: str) -> None:
    doc = _doc(name)
    assert doc["format"] == catalogue.FORMAT
    ids = [r["id"] for r in doc["records"]]
    assert len(ids) == len(set(ids)), [i for i, c in collections.Counter(ids).items() if c > 1]
    for rec in doc["records"]:
        src = rec["source"]
        assert all(src[k] for k in ("document", "edition", "transcription")), rec["id"]
        assert isinstance(rec["verified"], bool)
        assert not rec["verified"] or rec["verified_by"], f"{rec['id']}: verified without saying by what"


@pytest.mark.parametrize("name", _files())
def test_every_value_has_a_known_unit(name: str) -> None:
    for rec in _doc(name)["records"]:
        for key in ("mac", "pc_twa", "pc_stel", "pc_twa_total", "pc_twa_respirable", "limit", "value"):
            q = rec.get(key)
            if q is not None:
                assert q["unit"] in KNOWN_UNITS, (rec["id"], key, q)
                assert q["magnitude"] > 0, (rec["id"], key)


def test_every_limit_row_has_a_value() -> None:
    for row in catalogue.chemical_limits:
        assert row.values, row.id
    for row in catalogue.chemical_limits_2007:  # 2007: values stored rounded are left empty and flagged
        assert row.values or "rounded" in (row.notes or ""), row.id
    for dust in (*catalogue.dust_limits, *catalogue.dust_limits_2007):
        assert dust.pc_twa_total or dust.pc_twa_respirable, dust.id


def test_every_limit_hazard_resolves_or_is_explained() -> None:
    ids = {h.id for h in catalogue.hazards}
    tables = (catalogue.chemical_limits, catalogue.dust_limits)
    for table in (*tables, catalogue.chemical_limits_2007, catalogue.dust_limits_2007):
        for row in table:
            assert set(row.hazard_ids) <= ids, row.id
            assert row.hazard_ids or row.hazard_exception, row.id
    for sub in catalogue.highly_toxic:
        assert set(sub.hazard_ids) <= ids


def test_highly_toxic_flag() -> None:
    assert catalogue.hazards.lookup("苯").highly_toxic
    assert catalogue.hazards.lookup("氯乙烯").highly_toxic
    assert not catalogue.hazards.lookup("甲苯").highly_toxic


def test_amendment_rows_switch_on_their_dates() -> None:
    import datetime as dt

    rows = [r for r in catalogue.chemical_limits if r.name_zh == "苯"]
    assert len(rows) == 2
    before = next(r for r in rows if r.valid_until)
    after = next(r for r in rows if r.valid_from)
    assert before.valid_until == after.valid_from
    day = after.valid_from
    assert day is not None
    assert before.in_force(day - dt.timedelta(days=1))
    assert not after.in_force(day - dt.timedelta(days=1))
    assert after.in_force(day)
    assert not before.in_force(day)


def test_pinyin_is_computed_into_the_data() -> None:
    benzene: HazardFactor = catalogue.hazards.lookup("苯")
    assert benzene.pinyin == "ben"
    assert benzene.initials == "b"
    assert catalogue.hazards.lookup("benyixi").name_zh == "苯乙烯"


def test_silica_bands_are_contiguous() -> None:
    bands = sorted((r.free_silica for r in catalogue.dust_limits if r.free_silica), key=lambda b: b[0] or 0)
    assert [b[0] for b in bands] == [10.0, 50.0, 80.0]
    assert [b[2] for b in bands] == [50.0, 80.0, None]


def test_limit_types_are_consistent_within_a_row() -> None:
    for r in (*catalogue.chemical_limits, *catalogue.chemical_limits_2007):
        assert not (r.mac and (r.pc_twa or r.pc_stel)), r.id  # GBZ 2.1 gives a MAC or PC-TWA(/STEL)
        assert not (r.pc_stel and not r.pc_twa) or "rounded" in (r.notes or ""), r.id
        if r.pc_twa and r.pc_stel:
            assert r.pc_stel.magnitude >= r.pc_twa.magnitude, r.id
