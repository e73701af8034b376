"""Industry codes (GB/T 4754-2017): how the table is read, section boundaries, editions, errors word for word.

The table is loaded once and cached; ``fresh`` drops the cache so that a test reads the shipped file
again and so checks the loading itself.
"""

from __future__ import annotations

from typing import Any

import pytest

from ohsreg.errors import OhsregError
from ohsreg.identifiers import industry
from ohsreg.identifiers.industry import IndustryLevel

W17 = "GB/T 4754-2017 (Word copy, wssmao/industry_category; cross-checked with ramwin/china-public-data)"
OLD = "GB/T 4754-2011"  # not shipped


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Drop the cached table: the test reads the data file again."""
    monkeypatch.setattr(industry, "_tables", None)


def test_fresh_table_counts_and_records(fresh: None) -> None:
    counts = dict.fromkeys(IndustryLevel, 0)
    for record in industry.industries():
        counts[record.level] += 1
        assert record.edition == industry.EDITION_2017
        assert record.source == W17
        assert record.verified is True
        assert record.name_zh
        assert (record.parent_code is None) == (record.level is IndustryLevel.SECTION)
    assert counts == {
        IndustryLevel.SECTION: 20,
        IndustryLevel.DIVISION: 97,
        IndustryLevel.GROUP: 473,
        IndustryLevel.CLASS: 1381,
    }
    c2110 = industry.lookup("C2110")
    assert (c2110.code, c2110.name_zh, c2110.level, c2110.parent_code) == (
        "2110",
        "木质家具制造",
        IndustryLevel.CLASS,
        "211",
    )
    section = industry.lookup("C")
    assert (section.code, section.name(), section.level, section.parent_code) == (
        "C",
        "制造业",
        IndustryLevel.SECTION,
        None,
    )


def test_parent_chain_and_section() -> None:
    c2110 = industry.lookup("2110")
    assert [(a.display_code, a.level) for a in c2110.ancestors()] == [
        ("C211", IndustryLevel.GROUP),
        ("C21", IndustryLevel.DIVISION),
        ("C", IndustryLevel.SECTION),
    ]
    assert c2110.section().code == "C"
    assert industry.lookup("C").parent() is None
    assert repr(c2110) == "Industry('C2110', '木质家具制造', class, edition='GB/T 4754-2017')"
    assert str(c2110) == "C2110 木质家具制造"


def test_section_boundaries() -> None:
    # the first division of each section, and the one before it, which belongs to the previous section
    starts = [(1, "A"), (6, "B"), (13, "C"), (44, "D"), (47, "E"), (51, "F"), (53, "G"), (61, "H"), (63, "I"),
              (66, "J"), (70, "K"), (71, "L"), (73, "M"), (76, "N"), (80, "O"), (83, "P"), (84, "Q"), (86, "R"),
              (91, "S"), (97, "T")]  # fmt: skip
    previous = "A"
    for number, letter in starts:
        assert industry.section_of(f"{number:02d}") == letter
        assert industry.section_of(f"{number - 1:02d}") == previous
        previous = letter
    assert industry.section_of("99") == "T"
    assert industry.section_of("4411") == "D"
    # below division 01 there is no section start: the answer stays A, and "00" is no code
    assert industry.section_of("00") == "A"
    with pytest.raises(OhsregError) as info:
        industry.lookup("00")
    assert info.value.params["suggestions"] == ["A"]


@pytest.mark.parametrize(
    ("digits", "text"),
    [
        ("2", "industry: the section is found from the digits of a division code (2 to 4 digits), got '2' / 门类由行业代码的大类数字（2 至 4 位数字）确定，实际为 '2' [industry.format]"),
        (21, "industry: the section is found from the digits of a division code (2 to 4 digits), got 21 / 门类由行业代码的大类数字（2 至 4 位数字）确定，实际为 21 [industry.format]"),
        ("2a", "industry: the section is found from the digits of a division code (2 to 4 digits), got '2a' / 门类由行业代码的大类数字（2 至 4 位数字）确定，实际为 '2a' [industry.format]"),
        ("２１", "industry: the section is found from the digits of a division code (2 to 4 digits), got '２１' / 门类由行业代码的大类数字（2 至 4 位数字）确定，实际为 '２１' [industry.format]"),
    ],
)  # fmt: skip
def test_section_of_refuses_word_for_word(digits: Any, text: str) -> None:
    with pytest.raises(OhsregError) as info:
        industry.section_of(digits)
    assert str(info.value) == text
    assert (info.value.rule, info.value.field) == ("industry.format", "industry")


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("", "industry: no industry code given / 未提供行业代码 [industry.length]"),
        ("-", "industry: no industry code given / 未提供行业代码 [industry.length]"),
        ("U21", "industry: 'U21' is not an industry code; use a section letter A-T, optionally followed by 2, 3 or 4 digits, e.g. 'C2110' / 'U21' 不是行业代码；请使用门类字母 A–T，其后可接 2、3 或 4 位数字，例如 'C2110' [industry.format]"),
        ("C2A", "industry: 'C2A' is not an industry code; use a section letter A-T, optionally followed by 2, 3 or 4 digits, e.g. 'C2110' / 'C2A' 不是行业代码；请使用门类字母 A–T，其后可接 2、3 或 4 位数字，例如 'C2110' [industry.format]"),
        ("C21101", "industry: an industry code has 2, 3 or 4 digits, got 5 / 行业代码应有 2、3 或 4 位数字，实际为 5 位 [industry.length]"),
        ("C2", "industry: an industry code has 2, 3 or 4 digits, got 1 / 行业代码应有 2、3 或 4 位数字，实际为 1 位 [industry.length]"),
        ("A2110", "industry: section 'A' does not match division '21' (section 'C') / 门类 'A' 与大类 '21' 不符（应为门类 'C'） [industry.section_mismatch]"),
        ("C9901", "industry: section 'C' does not match division '99' (section 'T') / 门类 'C' 与大类 '99' 不符（应为门类 'T'） [industry.section_mismatch]"),
        ("C2118", "industry: industry code 'C2118' is not in GB/T 4754-2017; the nearest entry is C211 木质家具制造 / 行业代码 'C2118' 不在 GB/T 4754-2017 中；最接近的条目为 C211 木质家具制造 [industry.unknown]"),
        ("x" * 65, "industry: input too long (65 characters, at most 64 are read) / 输入过长（65 个字符，最多读取 64 个） [industry.length]"),
        ("Ｃ２①", "industry: '①' (U+2460) cannot be part of the code; type the code in plain digits and letters, e.g. 'C2110' / '①'（U+2460）不能出现在代码中；请用普通数字和字母填写代码，例如 'C2110' [industry.character]"),
        (2110, "industry: expected text, got int; pass the code as text, e.g. 'C2110' / 应为文本，实际为 int；请以文本形式传入代码，例如 'C2110' [industry.type]"),
    ],
)  # fmt: skip
def test_code_errors_word_for_word(code: Any, text: str) -> None:
    with pytest.raises(OhsregError) as info:
        industry.lookup(code)
    assert str(info.value) == text
    assert info.value.field == "industry"


def test_unknown_points_to_the_nearest_entry() -> None:
    with pytest.raises(OhsregError) as info:
        industry.lookup("C2199")
    assert info.value.params["suggestions"] == ["C219"]
    with pytest.raises(OhsregError) as info:
        industry.lookup("C2091")  # division 20 exists, group 209 does not
    assert info.value.params["suggestions"] == ["C20"]


@pytest.mark.parametrize(
    ("edition", "text"),
    [
        (industry.EDITION_2019, "edition: edition 'GB/T 4754-2017/XG1-2019' is not shipped: its content could not be verified; use one of GB/T 4754-2017 / 未提供版本 'GB/T 4754-2017/XG1-2019'：其内容未能核实；请使用以下之一：GB/T 4754-2017 [industry.edition]"),
        (OLD, "edition: unknown edition 'GB/T 4754-2011' of GB/T 4754; use one of GB/T 4754-2017 / 未知的 GB/T 4754 版本 'GB/T 4754-2011'；请使用以下之一：GB/T 4754-2017 [industry.edition]"),
    ],
)  # fmt: skip
def test_edition_errors_word_for_word(edition: str, text: str) -> None:
    with pytest.raises(OhsregError) as info:
        industry.lookup("C21", edition=edition)
    assert str(info.value) == text
    assert (info.value.rule, info.value.field) == ("industry.edition", "edition")


def test_edition_reaches_every_entry_point() -> None:
    assert industry.get("C21", edition=OLD) is None
    assert industry.get("C21", edition=industry.EDITION_2017) == industry.lookup("C21")
    assert industry.is_valid("C21")
    assert not industry.is_valid("C21", edition=OLD)
    assert industry.format("c 21", edition=industry.EDITION_2017) == "C21"
    with pytest.raises(OhsregError, match=r"\[industry\.edition\]"):
        industry.format("C21", edition=OLD)
    with pytest.raises(OhsregError, match=r"\[industry\.edition\]"):
        industry.validate("C21", edition=industry.EDITION_2019)
    with pytest.raises(OhsregError, match=r"\[industry\.edition\]"):
        list(industry.industries(edition=OLD))
    assert industry.get(None) is None
    fallback = industry.lookup("C")
    assert industry.get("C2118", fallback) is fallback


@pytest.mark.parametrize(
    ("level", "text"),
    [
        ("nope", "level: unknown level 'nope'; use one of section, division, group, class / 未知的层级 'nope'；请使用以下之一：section, division, group, class [industry.level]"),
        (3, "level: unknown level 3; use one of section, division, group, class / 未知的层级 3；请使用以下之一：section, division, group, class [industry.level]"),
    ],
)  # fmt: skip
def test_level_errors_word_for_word(level: Any, text: str) -> None:
    with pytest.raises(OhsregError) as info:
        list(industry.industries(level))
    assert str(info.value) == text
    assert (info.value.rule, info.value.field) == ("industry.level", "level")


def test_level_filter() -> None:
    groups = list(industry.industries("group"))
    assert len(groups) == 473
    assert all(g.level is IndustryLevel.GROUP for g in groups)
    assert len(list(industry.industries(IndustryLevel.SECTION))) == 20
    assert len(list(industry.industries())) == 20 + 97 + 473 + 1381
