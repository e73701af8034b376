"""Integrity of the shipped tables: official counts, no duplicates, consistent hierarchy."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest

from ohsreg.identifiers import division, industry


def _codes(name: str) -> list[str]:
    text = resources.files("ohsreg.identifiers").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#")]


@pytest.mark.parametrize("name", ["gbt2260_2024.tsv", "gbt4754.tsv"])
def test_no_duplicate_codes(name: str) -> None:
    codes = _codes(name)
    assert len(codes) == len(set(codes))


def test_division_counts() -> None:
    counts = Counter(d.level.value for d in division.divisions())
    assert counts == {"province": 34, "prefecture": 333, "county": 2846}


def test_division_hierarchy() -> None:
    for d in division.divisions():
        if d.level is division.DivisionLevel.PROVINCE:
            assert d.parent_code is None
            assert d.code.endswith("0000")
            continue
        parent = d.parent()
        assert parent is not None, d
        assert parent.current, d
        assert d.code.startswith(parent.code.rstrip("0")[:2])


def test_historical_codes_do_not_shadow_current() -> None:
    current = {d.code for d in division.divisions()}
    historical = [d for d in division.divisions(historical=True) if not d.current]
    assert historical, "python-stdnum's cn/loc database should provide historical codes"
    assert not current & {d.code for d in historical}


def test_industry_counts() -> None:
    counts = Counter(i.level.value for i in industry.industries(edition=industry.EDITION_2017))
    assert counts == {"section": 20, "division": 97, "group": 473, "class": 1381}


def test_industry_hierarchy_and_sections() -> None:
    for edition in industry.EDITIONS:
        for entry in industry.industries(edition=edition):
            if entry.level is industry.IndustryLevel.SECTION:
                assert entry.parent_code is None
                continue
            parent = entry.parent()
            assert parent is not None
            assert industry.section_of(entry.code) == entry.section().code
            if parent.level is not industry.IndustryLevel.SECTION:
                assert entry.code.startswith(parent.code)


def test_default_edition_is_shipped() -> None:
    assert industry.DEFAULT_EDITION in industry.EDITIONS
