"""CSV: flattening, round trip, formula injection, BOM, encodings, bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ohsreg.errors import InvalidFormat, UnknownEntry
from ohsreg.export import csv as ocsv
from ohsreg.export.csv import from_csv, iter_csv, to_csv
from ohsreg.export.json import RecordError
from ohsreg.models import Authority, Finding, finding
from ohsreg.vocab import Severity


def _roundtrip(records: list[Any], model: type[Any], **kw: Any) -> list[Any]:
    text = to_csv(records, unmask=True, **kw)
    assert text is not None
    return from_csv(text.encode("utf-8"), model)


def test_nested_round_trip_equal(sites: list[Any], m: Any) -> None:
    assert _roundtrip(sites, m.Site) == sites


def test_column_naming_scheme(sites: list[Any], m: Any) -> None:
    text = to_csv(sites)
    assert text is not None
    header = text.splitlines()[0].split(",")
    assert header[:3] == ["code", "name", "opened"]
    assert "posts.1.samples.0.value.unit" in header
    assert "posts.1.samples.1.category.custom" in header
    assert "posts.0.workers.0.resident_id" in header
    # model field order, list indexes in order
    assert header.index("posts.0.name") < header.index("posts.1.name")
    assert header.index("tags.0") < header.index("extra.n") < header.index("posts.0.name")


def test_formula_injection_neutralised_and_restored(sites: list[Any], m: Any) -> None:
    text = to_csv(sites)
    assert text is not None
    assert "'=HYPERLINK" in text
    assert "'+其他" in text
    assert "'-dash" in text
    assert ",=" not in text
    assert ",+" not in text
    assert ",@" not in text
    assert _roundtrip(sites, m.Site)[1].name.startswith("=HYPERLINK")


def test_mixed_columns_keep_text_and_numbers_apart() -> None:
    f = finding("demo.x", Severity.INFO, "c", "t", a="3", b=3, c=1.5, d=True, e="true")
    (back,) = _roundtrip([f], Finding)
    assert back.params == {"a": "3", "b": 3, "c": 1.5, "d": True, "e": "true"}
    assert all(type(back.params[k]) is type(f.params[k]) for k in f.params)


def test_text_columns_keep_numeric_codes_plain() -> None:
    a = Authority(name="杭州市卫生健康委员会", kind="HEALTH", level="MUNICIPAL", region="330100")
    text = to_csv([a])
    assert text is not None
    assert text.splitlines()[1].endswith(",330100")


def test_personal_data_masked_by_default(m: Any) -> None:
    w = m.Worker(name="张三丰", phone="13812345678", resident_id="11010519491231002X")
    text = to_csv([w])
    assert text is not None
    assert "张三丰" not in text
    assert "13812345678" not in text
    assert "11010519491231002X" not in text
    clear = to_csv([w], unmask=True)
    assert clear is not None
    assert "张三丰" in clear


def test_bom_and_gb18030(tmp_path: Path, sites: list[Any], m: Any) -> None:
    path = tmp_path / "s.csv"
    to_csv(sites, path, bom=True, unmask=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert from_csv(path, m.Site) == sites
    text = to_csv(sites, unmask=True)
    assert text is not None
    assert from_csv(text.encode("gb18030"), m.Site) == sites


def test_bilingual_header_rows_are_skipped_on_read(sites: list[Any], m: Any) -> None:
    text = to_csv(sites, header="both", unmask=True)
    assert text is not None
    zh, en, paths = text.splitlines()[:3]
    assert zh.startswith("编码,名称,")
    assert "岗位 1 岗位名称" in zh
    assert en.startswith("Code,Name,Opened")
    assert paths.startswith("code,name,opened")
    assert from_csv(text.encode(), m.Site) == sites


def test_empty_string_and_null_are_distinct() -> None:
    f = finding("demo.x", Severity.INFO, "c", "t", subject=None, a="")
    f2 = f.model_copy(update={"subject": ""})
    assert _roundtrip([f, f2], Finding) == [f, f2]


def test_malformed_rows_report_line_and_column(m: Any) -> None:
    data = b"code,name\r\nS1,a\r\nS2,b,c\r\n"
    with pytest.raises(InvalidFormat) as info:
        from_csv(data, m.Site)
    assert info.value.rule == "export.csv_syntax"
    assert info.value.params["line"] == 3
    assert info.value.params["column"] == 3
    with pytest.raises(InvalidFormat, match="line 2") as q:
        from_csv(b'code,name\r\n"S1,a\r\n', m.Site)
    assert q.value.rule == "export.csv_syntax"


def test_unknown_columns(m: Any) -> None:
    data = b"code,nmae\r\nS1,a\r\n"
    with pytest.raises(UnknownEntry) as info:
        from_csv(data, m.Site)
    assert info.value.rule == "export.unknown_column"
    assert "nmae" in info.value.message("en")
    assert info.value.params["suggestions"] == ["name"]
    (s,) = from_csv(b"code,name,junk\r\nS1,a,z\r\n", m.Site, unknown="ignore")
    assert s.code == "S1"


def test_invalid_records_name_line_and_field(m: Any) -> None:
    data = b"code,name,headcount\r\nS1,a,1\r\nS2,b,many\r\n"
    with pytest.raises(RecordError) as info:
        from_csv(data, m.Site)
    err = info.value.errors[0]
    assert (err["line"], err["field"], err["type"]) == (3, "headcount", "int_parsing")
    assert info.value.rule == "export.record_invalid"


def test_duplicates(m: Any) -> None:
    with pytest.raises(InvalidFormat) as info:
        from_csv(b"code,name\r\nS1,a\r\nS1,b\r\n", m.Site, unique="code")
    assert info.value.rule == "export.duplicate"
    assert (info.value.params["first"], info.value.params["second"]) == (2, 3)


def test_streaming_constant_columns(tmp_path: Path, m: Any) -> None:
    cols = ["code", "name", "opened", "headcount", "share", "active"]
    gen = (m.Site(code=f"S{i}", name="n", headcount=i) for i in range(25_000))
    path = tmp_path / "big.csv"
    to_csv(gen, path, model=m.Site, columns=cols)
    total = sum(s.headcount for s in iter_csv(path, m.Site, batch_size=1000))
    assert total == sum(range(25_000))
    with pytest.raises(UnknownEntry):
        to_csv([m.make_site(3)], model=m.Site, columns=cols)


def test_header_only_when_empty() -> None:
    assert to_csv([], model=Authority) == "name,kind,level,region\r\n"


text_st = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)


@settings(max_examples=60, deadline=None)
@given(a=text_st, b=st.one_of(text_st, st.integers(), st.floats(allow_nan=False), st.booleans()))
def test_property_round_trip(a: str, b: Any) -> None:
    f = finding("demo.x", Severity.INFO, "c", "t", subject=a.strip() or None, a=a, b=b)
    assert _roundtrip([f], Finding) == [f]


def test_label_helper(m: Any) -> None:
    assert ocsv.label(m.Site, "posts.0.name") == "岗位 1 岗位名称"
    assert ocsv.label(m.Site, "opened", "en") == "Opened"
    assert dt.date  # keep import used


def test_open_terms_code_and_custom_in_one_column_family() -> None:
    from ohsreg.models.base import Record
    from ohsreg.vocab import HazardCategory, OpenTerm

    class Term(Record):
        kind: OpenTerm[HazardCategory] | None = None

    rows = [Term(kind="DUST"), Term(kind={"custom": "纳米材料"}), Term()]
    text = to_csv(rows)
    assert text is not None
    assert text.splitlines()[0] == "kind,kind.custom"
    assert from_csv(text.encode(), Term) == rows


def test_mixed_encodings_in_csv_name_the_line(m: Any) -> None:
    good = "code,name\r\n" + "".join(f"S{i},车间\r\n" for i in range(30_000))
    bad = "X,车间\r\n".encode("gb18030")
    with pytest.raises(InvalidFormat) as info:
        from_csv(good.encode() + bad, m.Site)
    assert info.value.rule == "export.encoding"
    assert info.value.params["line"] == 30_002


def test_repeated_header_column(m: Any) -> None:
    with pytest.raises(InvalidFormat) as info:
        from_csv(b"code,name,code\r\nS1,a,S2\r\n", m.Site)
    assert info.value.rule == "export.csv_header"
