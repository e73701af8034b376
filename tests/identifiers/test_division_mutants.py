"""Division codes: how the tables are read, what a record holds, and every error word for word.

The tables are loaded once and cached; the fixtures here drop the cache so that each test reads the
shipped MCA list (and python-stdnum's ``cn/loc`` database, or a small stand-in for it) afresh, and
so checks the loading itself rather than a table read earlier.
"""

from __future__ import annotations

from typing import Any

import pytest
from stdnum import numdb

from ohsreg.errors import OhsregError
from ohsreg.identifiers import division
from ohsreg.identifiers.division import DivisionLevel, DivisionStatus

MCA_SOURCE = "MCA 2024 list (县以上行政区划代码, 2024-12-31) via yescallop/areacodes data/2024.txt"


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Drop the cached tables: the test reads the data files again."""
    monkeypatch.setattr(division, "_tables", None)


class _FakeDb:
    """The shape of python-stdnum's numdb: (length, low, high, props, children) prefixes."""

    def __init__(self, prefixes: list[tuple[Any, ...]]) -> None:
        self.prefixes = prefixes


def _county(code: str, entry: str) -> tuple[Any, ...]:
    return (4, code, code, {"county": entry}, [])


# A stand-in for cn/loc: province 97 with a prefecture and a county, all abolished; entries with one
# and several names, with and without years, a range and a non-county entry (both ignored), and a
# county whose prefecture nobody knows.
_STAND_IN = _FakeDb(
    [
        (
            2,
            "33",
            "33",
            {},
            [
                _county("0103", "[1983-2021]下城区"),
                _county("0106", "[-]不应覆盖西湖区"),  # a current code: the ministry's record stays
                _county("9800", "[-1990]甲地区,[1991-2000]乙地区"),
                _county("9801", "[2024-]丙县"),
                _county("9901", "[2025-]丁区"),
                _county("9906", "戊县"),
                _county("9907", "[坏"),
                (4, "9902", "9903", {"county": "[-1999]范围"}, []),
                (4, "9904", "9904", {"town": "[-1999]非县"}, []),
            ],
        ),
        (
            2,
            "97",
            "97",
            {},
            [_county("0000", "[-1997]旧省"), _county("0100", "[-1997]旧市"), _county("0101", "[-1997]旧区")],
        ),
        (2, "98", "99", {}, [_county("0101", "[-1999]区间省")]),
        (3, "960", "960", {}, [_county("101", "[-1999]三位")]),
    ]
)


@pytest.fixture
def stand_in(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real MCA table with the stand-in instead of python-stdnum's cn/loc database."""
    real_get = numdb.get
    monkeypatch.setattr(numdb, "get", lambda name: _STAND_IN if name == "cn/loc" else real_get(name))


def test_fresh_current_table_counts_and_records(fresh: None) -> None:
    counts = dict.fromkeys(DivisionLevel, 0)
    for record in division.divisions():
        counts[record.level] += 1
        assert record.status is DivisionStatus.CURRENT
        assert record.current
        assert record.edition == division.EDITION
        assert record.source == MCA_SOURCE
        assert record.verified is True
        assert record.years is None
        assert division.get(record.code) is record
    assert counts == {DivisionLevel.PROVINCE: 34, DivisionLevel.PREFECTURE: 333, DivisionLevel.COUNTY: 2846}
    xihu = division.lookup("330106")
    assert (xihu.code, xihu.name_zh, xihu.level, xihu.parent_code) == (
        "330106",
        "西湖区",
        DivisionLevel.COUNTY,
        "330100",
    )
    zhejiang = division.lookup("330000")
    assert (zhejiang.name(), zhejiang.level, zhejiang.parent_code) == ("浙江省", DivisionLevel.PROVINCE, None)
    assert sum(1 for _ in division.divisions(DivisionLevel.PROVINCE)) == 34
    assert sum(1 for _ in division.divisions("county")) == 2846


def test_fresh_historical_records_from_python_stdnum(fresh: None) -> None:
    old = division.lookup("330103")
    assert (old.code, old.name_zh, old.level, old.parent_code) == (
        "330103",
        "下城区",
        DivisionLevel.COUNTY,
        "330100",
    )
    assert (old.status, old.years, old.edition, old.source) == (
        DivisionStatus.HISTORICAL,
        "1983-2021",
        division.HISTORICAL_SOURCE,
        division.HISTORICAL_SOURCE,
    )
    assert old.verified is False
    assert not old.current
    # the latest of several names: 顺平县 (1993-1994), formerly 完县
    shunping = division.lookup("132426")
    assert (shunping.name_zh, shunping.years, shunping.status) == (
        "顺平县",
        "1993-1994",
        DivisionStatus.HISTORICAL,
    )
    unlisted = division.lookup("110100")
    assert (unlisted.name_zh, unlisted.level, unlisted.parent_code) == (
        "市辖区",
        DivisionLevel.PREFECTURE,
        "110000",
    )
    assert (unlisted.status, unlisted.years) == (DivisionStatus.UNLISTED, None)
    newer = division.lookup("500157")
    assert (newer.status, newer.years, newer.parent_code) == (DivisionStatus.NEWER, "2025-", "500100")
    current = {d.code for d in division.divisions()}
    every = list(division.divisions(historical=True))
    assert len(every) > len(current)
    assert {d.code for d in every if d.current} == current
    for record in every:
        if record.current:
            continue
        assert record.verified is False
        assert record.edition == record.source == division.HISTORICAL_SOURCE
        assert record.parent_code is not None or record.level is DivisionLevel.PROVINCE
    assert any(not d.current for d in division.divisions("county", historical=True))
    assert all(d.level is DivisionLevel.PREFECTURE for d in division.divisions("prefecture", historical=True))


def test_stand_in_database_levels_parents_and_statuses(stand_in: None) -> None:
    def fields(code: str) -> tuple[Any, ...]:
        d = division.lookup(code)
        return (d.name_zh, d.level, d.parent_code, d.status, d.years)

    assert fields("330103") == (
        "下城区",
        DivisionLevel.COUNTY,
        "330100",
        DivisionStatus.HISTORICAL,
        "1983-2021",
    )
    assert division.lookup("330106").current  # the database never shadows a current code
    assert division.lookup("330106").name_zh == "西湖区"
    assert fields("339800") == (
        "乙地区",
        DivisionLevel.PREFECTURE,
        "330000",
        DivisionStatus.HISTORICAL,
        "1991-2000",
    )
    # started in the edition year: not newer; open-ended: not historical
    assert fields("339801") == ("丙县", DivisionLevel.COUNTY, "339800", DivisionStatus.UNLISTED, "2024-")
    # the prefecture 339900 is known to no source: the province is the parent
    assert fields("339901") == ("丁区", DivisionLevel.COUNTY, "330000", DivisionStatus.NEWER, "2025-")
    assert fields("339906") == ("戊县", DivisionLevel.COUNTY, "330000", DivisionStatus.UNLISTED, None)
    assert fields("339907") == ("[坏", DivisionLevel.COUNTY, "330000", DivisionStatus.UNLISTED, None)
    assert fields("970000") == ("旧省", DivisionLevel.PROVINCE, None, DivisionStatus.HISTORICAL, "-1997")
    assert fields("970100") == (
        "旧市",
        DivisionLevel.PREFECTURE,
        "970000",
        DivisionStatus.HISTORICAL,
        "-1997",
    )
    assert fields("970101") == ("旧区", DivisionLevel.COUNTY, "970100", DivisionStatus.HISTORICAL, "-1997")
    assert division.lookup("970101").verified is False
    # ranges, non-county entries and other prefix lengths are not single codes: ignored
    for code in ("339902", "339903", "339904", "980101", "990101"):
        assert division.get(code) is None
    assert {d.code for d in division.divisions(historical=True) if not d.current} == {
        "330103", "339800", "339801", "339901", "339906", "339907", "970000", "970100", "970101",
    }  # fmt: skip


def test_stand_in_ancestors_and_province(stand_in: None) -> None:
    county = division.lookup("970101")
    assert [a.code for a in county.ancestors()] == ["970100", "970000"]
    assert county.province().code == "970000"
    assert county.parent() == division.lookup("970100")
    assert division.lookup("970000").parent() is None
    assert division.lookup("970000").ancestors() == ()


def test_ancestors_and_province_of_current_codes() -> None:
    xihu = division.lookup("330106")
    assert [(a.code, a.name()) for a in xihu.ancestors()] == [("330100", "杭州市"), ("330000", "浙江省")]
    assert xihu.province().code == "330000"
    assert division.lookup("330000").province() is division.lookup("330000")
    assert division.lookup("330000").ancestors() == ()


def test_reprs_and_str() -> None:
    assert repr(division.lookup("330106")) == "Division('330106', '西湖区', county, edition='MCA 2024-12-31')"
    assert repr(division.lookup("330103")) == (
        "Division('330103', '下城区', county, edition='python-stdnum cn/loc (zh.wikipedia)', historical 1983-2021)"
    )
    assert repr(division.lookup("110100")) == (
        "Division('110100', '市辖区', prefecture, edition='python-stdnum cn/loc (zh.wikipedia)', unlisted ?)"
    )
    assert str(division.lookup("330106")) == "330106 西湖区"
    assert repr(DivisionLevel.COUNTY) == "county"
    assert repr(DivisionStatus.NEWER) == "newer"


def _error(code: object, **options: Any) -> OhsregError:
    with pytest.raises(OhsregError) as info:
        division.lookup(code, **options)
    return info.value


def test_historical_refused_word_for_word() -> None:
    err = _error("330103", historical=False)
    assert str(err) == (
        "division: division code '330103' (下城区, 1983-2021) is not in the MCA 2024-12-31 table; it was valid in "
        "an earlier edition only; use the current code, or allow historical codes / 行政区划代码 '330103'（下城区，"
        "1983-2021）不在 MCA 2024-12-31 代码表中；该代码仅在较早版本中有效；请使用现行代码，或允许历史代码 "
        "[division.historical]"
    )
    assert (err.rule, err.field) == ("division.historical", "division")
    assert division.validate("330103") == "330103"
    assert division.is_valid("330103")
    assert not division.is_valid("330103", historical=False)


def test_historical_without_years_refused(stand_in: None) -> None:
    err = _error("339906", historical=False)
    assert "(戊县, ?)" in str(err)
    assert err.rule == "division.historical"


def test_unknown_word_for_word_with_nearest() -> None:
    err = _error("110199")
    assert str(err) == (
        "division: unknown division code '110199'; no edition known to ohsreg lists it (current table: MCA "
        "2024-12-31); nearest known: 110000 北京市 / 未知的行政区划代码 '110199'；ohsreg 所知的任何版本均未收录"
        "（现行代码表：MCA 2024-12-31）；最接近的已知代码：110000 北京市 [division.unknown]"
    )
    assert (err.rule, err.field, err.params["suggestions"]) == ("division.unknown", "division", ["110000"])
    near = _error("330199")
    assert near.params["suggestions"] == ["330100"]
    assert "nearest known: 330100 杭州市" in str(near)
    nowhere = _error("990101")
    assert nowhere.params["suggestions"] == []
    assert "nearest known: — /" in str(nowhere)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("3301", "division: a division code has 6 digits, got 4 characters / 行政区划代码应为 6 位数字，实际为 4 个字符 [division.length]"),
        ("33010a", "division: a division code has digits only, got '33010A' / 行政区划代码只能包含数字，实际为 '33010A' [division.format]"),
        ("x" * 65, "division: input too long (65 characters, at most 64 are read) / 输入过长（65 个字符，最多读取 64 个） [division.length]"),
        ("３３０１０⑥", "division: '⑥' (U+2465) cannot be part of the code; type the code in plain digits and letters, e.g. '330106' / '⑥'（U+2465）不能出现在代码中；请用普通数字和字母填写代码，例如 '330106' [division.character]"),
        (330106, "division: expected text, got int; pass the code as text, e.g. '330106' / 应为文本，实际为 int；请以文本形式传入代码，例如 '330106' [division.type]"),
    ],
)  # fmt: skip
def test_shape_errors_word_for_word(value: object, text: str) -> None:
    assert str(_error(value)) == text


def test_normalised_input_takes_the_slow_path() -> None:
    assert division.validate(" 33 01-06 ") == "330106"
    assert division.validate("３３０１０６") == "330106"
    assert division.format("330106") == "330106"
    assert division.get("nope", division.lookup("330000")) == division.lookup("330000")


@pytest.mark.parametrize(
    ("level", "text"),
    [
        ("nope", "level: unknown level 'nope'; use one of province, prefecture, county / 未知的层级 'nope'；请使用以下之一：province, prefecture, county [division.level]"),
        (5, "level: unknown level 5; use one of province, prefecture, county / 未知的层级 5；请使用以下之一：province, prefecture, county [division.level]"),
    ],
)  # fmt: skip
def test_level_errors_word_for_word(level: Any, text: str) -> None:
    with pytest.raises(OhsregError) as info:
        list(division.divisions(level))
    assert str(info.value) == text
    assert (info.value.rule, info.value.field) == ("division.level", "level")


def test_levels_filter() -> None:
    prefectures = list(division.divisions("prefecture"))
    assert len(prefectures) == 333
    assert all(d.level is DivisionLevel.PREFECTURE for d in prefectures)
    assert len(list(division.divisions())) == 34 + 333 + 2846
