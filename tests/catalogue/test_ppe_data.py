"""Integrity of the PPE reference files (GB/T 18664-2002 表1 APFs, GB/T 23466-2009 method constants)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ohsreg.catalogue import ppe
from ohsreg.errors import UnknownEntry
from ohsreg.vocab.ppe import RespiratorClass

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "ohsreg" / "catalogue" / "data" / "ppe"


def test_committed_files_are_what_the_script_writes() -> None:
    script = ROOT / "scripts" / "build_ppe_data.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_counts_match_the_headers() -> None:
    for table in (ppe.apf_table, ppe.hearing_factors):
        assert len(list(table)) == table.header["entries_shipped"]
    assert len(list(ppe.apf_table)) == 2
    assert len(list(ppe.hearing_factors)) == 6


@pytest.mark.parametrize("name", ["gbt18664_2002_apf.json", "gbt23466_2009_hearing.json"])
def test_no_duplicate_ids_and_every_row_cites_its_table(name: str) -> None:
    doc = json.loads((DATA / name).read_text(encoding="utf-8"))
    ids = [r["id"] for r in doc["records"]]
    assert len(ids) == len(set(ids))
    for r in doc["records"]:
        src = r["source"]
        assert src["document"].startswith(src["edition"]), r["id"]
        assert src["table"], r["id"]
        assert r["evidence"], f"{r['id']}: every factor names the public copies it was checked against"
        if r["verified"]:
            assert r["verified_by"], r["id"]
        else:
            assert r["notes"], f"{r['id']}: an unverified factor says why"


def test_verified_apf_rests_on_two_sources() -> None:
    for row in ppe.apf_table:
        assert row.source.edition == "GB/T 18664-2002"
        assert row.source.table == "表1"
        assert row.verified is (len(row.evidence) >= 2), row


def test_shipped_and_not_shipped_classes_are_disjoint_and_cover_the_classification() -> None:
    shipped = {row.respirator_class for row in ppe.apf_table}
    missing = {row.respirator_class for row in ppe.apf_not_shipped()}
    assert not shipped & missing
    assert shipped | missing == set(RespiratorClass)


def test_apf_rows() -> None:
    half = ppe.apf_for("SELF_PRIMING_FILTER", "HALF_MASK")
    full = ppe.apf_for("自吸过滤式", "全面罩", "负压式")
    assert half is not None
    assert half.apf == 10
    assert half.verified
    assert full is not None
    assert full.apf == 100
    assert not full.verified
    assert ppe.apf_for("POWERED_FILTER", "HOOD") is None
    assert ppe.apf_for("携气式", "全面罩") is None  # two modes: none without the pressure
    assert "GB/T 18664-2002 表1" in half.cite()


def test_editions_and_dates() -> None:
    assert ppe.apf_table.header["effective"] == "2002-10-01"
    assert ppe.hearing_factors.header["effective"] == "2009-12-01"
    assert ppe.apf_table.header["successor"].startswith("GB 18664-2025")


def test_unknown_hearing_factor_lists_the_ids() -> None:
    with pytest.raises(UnknownEntry) as info:
        ppe.hearing_factor("hml")
    assert info.value.rule == "catalogue.unknown"
    assert "hml_breakpoint" in info.value.params["suggestions"]
