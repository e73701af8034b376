"""Behaviour beyond the vectors: parts, records, editions, masking, laziness."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading

import pytest
from stdnum.cn import uscc as stdnum_uscc

import ohsreg
from ohsreg.errors import EditionError, UnknownEntry
from ohsreg.identifiers import division, industry, resident_id, uscc


def test_uscc_parts_is_a_frozen_record() -> None:
    p = uscc.parts("9144030071526726XG")
    assert (p.authority, p.entity_type, p.division, p.organisation_code, p.check) == (
        "9",
        "1",
        "440300",
        "71526726X",
        "G",
    )
    assert p.authority_name == "工商"
    with pytest.raises(AttributeError):
        p.check = "0"  # type: ignore[misc]


def test_uscc_letter_authority_allowed() -> None:
    body = "Y1110000MA0000001"
    code = body + stdnum_uscc.calc_check_digit(body)
    assert uscc.validate(code) == code
    assert uscc.parts(code).authority_name == "其他"


def test_resident_id_parts() -> None:
    assert resident_id.birth_date("110105199003074413") == dt.date(1990, 3, 7)
    assert resident_id.sex("110105199003074413") == "male"
    assert resident_id.sex("11010519491231002X") == "female"
    assert resident_id.masked("110105199003074413") == "110105********4413"


def test_division_records() -> None:
    d = division.lookup("330106")
    assert d.level is division.DivisionLevel.COUNTY
    assert d.edition == division.EDITION
    assert d.current
    assert d.verified
    assert d.province().code == "330000"
    assert division.lookup("330000").parent() is None
    assert division.get("110199") is None


def test_division_historical() -> None:
    old = division.lookup("110103")
    assert not old.current
    assert old.status is division.DivisionStatus.HISTORICAL
    assert not old.verified
    assert old.name() == "崇文区"
    assert old.parent() is not None
    with pytest.raises(UnknownEntry) as info:
        division.validate("110103", historical=False)
    assert info.value.rule == "division.historical"
    assert division.is_valid("110103")
    assert not division.is_valid("110103", historical=False)


def test_division_status_of_codes_outside_the_table() -> None:
    assert division.lookup("130101").status is division.DivisionStatus.UNLISTED  # 市辖区
    newer = [d for d in division.divisions(historical=True) if d.status is division.DivisionStatus.NEWER]
    assert all(d.years and int(d.years[:4]) > 2024 for d in newer)


def test_division_unknown_suggests_nearest() -> None:
    with pytest.raises(UnknownEntry) as info:
        division.validate("330199")
    assert info.value.params["suggestions"] == ["330100"]


def test_industry_records() -> None:
    c = industry.lookup("C2110")
    assert c.code == "2110"
    assert c.display_code == "C2110"
    assert c.level is industry.IndustryLevel.CLASS
    assert [a.display_code for a in c.ancestors()] == ["C211", "C21", "C"]
    assert c.section().code == "C"
    assert c.name("en") == c.name("zh_CN") == "木质家具制造"
    assert c.edition == industry.DEFAULT_EDITION


def test_industry_unknown_reports_nearest() -> None:
    with pytest.raises(UnknownEntry) as info:
        industry.validate("C2118")
    assert info.value.params["suggestions"] == ["C211"]


def test_industry_edition_errors() -> None:
    with pytest.raises(EditionError) as info:
        industry.validate("C2110", edition="GB/T 4754-2011")
    assert info.value.rule == "industry.edition"
    for edition in industry.EDITIONS:
        assert industry.validate("C2110", edition=edition) == "C2110"
    with pytest.raises(EditionError) as info:
        industry.validate("C2110", edition=industry.EDITION_2019)
    assert info.value.params["edition"] == industry.EDITION_2019


def test_face_exports_types() -> None:
    from ohsreg.identifiers import USCC

    assert ohsreg.USCC is USCC
    assert ohsreg.identifiers.uscc is uscc


def test_import_does_not_load_tables() -> None:
    code = (
        "import ohsreg.identifiers as i, sys\n"
        "print(i.division._tables is None, i.industry._tables is None, 'pint' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.split() == ["True", "True", "False"]


def test_lazy_load_is_thread_safe() -> None:
    code = (
        "import threading\n"
        "from ohsreg.identifiers import division, industry\n"
        "seen = []\n"
        "def go():\n"
        "    seen.append((id(division._load()), id(industry._load())))\n"
        "ts = [threading.Thread(target=go) for _ in range(8)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\n"
        "print(len(set(seen)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "1"
    assert threading.active_count() >= 1


def test_errors_pickle() -> None:
    import pickle

    with pytest.raises(UnknownEntry) as info:
        industry.validate("C2118")
    again = pickle.loads(pickle.dumps(info.value))
    assert again.rule == "industry.unknown"
