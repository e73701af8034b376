"""JSON and JSON Lines: canonical form, loading, streaming, bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pydantic
import pytest

import ohsreg
from ohsreg.errors import InvalidFormat
from ohsreg.export.json import (
    RecordError,
    dump,
    dump_jsonl,
    dumps,
    dumps_jsonl,
    iter_load,
    load,
    load_many,
)


def test_canonical_form(m: Any) -> None:
    site = m.make_site(5)
    text = dumps(site)
    data = json.loads(text)
    assert list(data) == list(m.Site.model_fields)  # declaration order
    sample = data["posts"][1]["samples"][0]
    assert sample["value"] == {"value": 1.5, "unit": "mg/m³"}
    assert data["opened"] == "2020-01-06"
    assert "车间" in text  # UTF-8, not \\u escapes
    clear = dumps(site, unmask=True)
    assert dumps(m.Site.model_validate_json(clear), unmask=True) == clear  # stable


def test_personal_data_masked_unless_asked(m: Any) -> None:
    w = m.Worker(name="张三丰", phone="13812345678", resident_id="11010519491231002X")
    assert "张三丰" not in dumps(w)
    assert "13812345678" not in dumps(w)
    assert load(dumps(w, unmask=True).encode(), m.Worker) == w
    assert b"11010519491231002X" not in dumps_jsonl([w])


def test_load_single_from_path_bytes_and_file(tmp_path: Path, m: Any) -> None:
    site = m.make_site(5)
    path = tmp_path / "site.json"
    dump(site, path, unmask=True)
    assert load(path, m.Site) == site
    assert load(str(path), m.Site) == site
    with pytest.raises(InvalidFormat, match="bytes") as info:
        load(path.read_text(encoding="utf-8"), m.Site)
    assert info.value.rule == "export.source"
    assert load(io.BytesIO(path.read_bytes()), m.Site) == site
    assert dump(site, unmask=True) == path.read_bytes()


def test_face_names() -> None:
    assert ohsreg.load is load
    assert ohsreg.dumps is dumps
    assert ohsreg.export.json.load_many is load_many


def test_many_array_and_lines(sites: list[Any], m: Any, tmp_path: Path) -> None:
    lines = dumps_jsonl(sites, unmask=True)
    assert load_many(lines, m.Site) == sites
    array = b"[" + b",".join(s.model_dump_json(context={"unmask": True}).encode() for s in sites) + b"]"
    assert load_many(array, m.Site) == sites
    path = tmp_path / "s.jsonl"
    assert dump_jsonl(iter(sites), path, unmask=True) == len(sites)
    assert list(iter_load(path, m.Site, batch_size=5)) == sites


def test_streaming_reads_in_blocks(tmp_path: Path, m: Any) -> None:
    path = tmp_path / "many.jsonl"
    n = 30_000
    dump_jsonl((m.Site(code=f"S{i}", name="名" * (i % 7 + 1)) for i in range(n)), path)
    count = sum(1 for _ in iter_load(path, m.Site, batch_size=4096))
    assert count == n


def test_syntax_errors_have_line_and_column(m: Any) -> None:
    bad = b'{"code": "S1", "name": "a"}\n\n{"code": "S2", "name": }\n'
    with pytest.raises(InvalidFormat) as info:
        load_many(bad, m.Site)
    assert info.value.rule == "export.json_syntax"
    assert (info.value.params["line"], info.value.params["column"]) == (3, 24)
    with pytest.raises(InvalidFormat, match="line 2, column 10"):
        load(b'{\n "code": ,}', m.Site)
    with pytest.raises(InvalidFormat, match="line 3"):
        list(iter_load(bad, m.Site))


def test_a_record_spread_over_lines_is_a_syntax_error(m: Any) -> None:
    # joined with commas the two lines would read as one valid record: the loader must not accept it
    bad = b'{"code": "S1", "name": "a"}\n{"code": "S2"\n"name": "b"}\n'
    for load_all in (lambda b: load_many(b, m.Site), lambda b: list(iter_load(b, m.Site))):
        with pytest.raises(InvalidFormat) as info:
            load_all(bad)
        assert info.value.rule == "export.json_syntax"
        assert info.value.params["line"] == 2


def test_fast_and_careful_paths_agree(m: Any) -> None:
    sites = [m.make_site(i) for i in range(6)]
    plain = dumps_jsonl(sites, unmask=True)
    assert load_many(plain, m.Site) == sites  # fast path: plain UTF-8, one record a line
    crlf = plain.replace(b"\n", b"\r\n")
    assert load_many(crlf, m.Site) == sites
    gaps = plain.replace(b"\n", b"\n\n", 2)  # blank lines take the careful path
    assert load_many(gaps, m.Site) == sites
    assert load_many(plain.decode().encode("gb18030"), m.Site) == sites


def test_unicode_line_separators_inside_strings_are_text(m: Any) -> None:
    # JSON strings may hold U+2028, U+0085 and form feeds raw: only "\n" ends a JSON Lines record
    site = m.Site(code="S1", name="车间\u2028一\x85二\x0c三")
    data = dumps_jsonl([site, site.model_copy(update={"code": "S2"})], unmask=True)
    assert "\u2028".encode() in data
    for text in (data, data.replace(b"\n", b"\n\n", 1)):
        assert [r.name for r in load_many(text, m.Site)] == [site.name] * 2
        assert [r.code for r in iter_load(text, m.Site)] == ["S1", "S2"]


def test_invalid_records_carry_lines(m: Any) -> None:
    bad = b'{"code": "S1", "name": "a"}\n\n{"code": "S2", "name": "b", "headcount": "x"}\n'
    with pytest.raises(RecordError) as info:
        load_many(bad, m.Site)
    assert info.value.errors[0]["line"] == 3
    assert info.value.errors[0]["field"] == "headcount"
    assert "line 3" in info.value.message("en")
    with pytest.raises(pydantic.ValidationError, match="headcount"):
        load(b'{"code": "S2", "name": "b", "headcount": "x"}', m.Site)


def test_encodings(m: Any) -> None:
    site = m.make_site(2)
    text = dumps(site, unmask=True)
    for enc in ("utf-8-sig", "gb18030", "utf-16"):
        assert load(text.encode(enc), m.Site) == site
        assert load_many((text + "\n").encode(enc), m.Site) == [site]
        assert list(iter_load((text + "\n").encode(enc), m.Site)) == [site]
    with pytest.raises(InvalidFormat) as info:
        load(b'{"code": "\xff\xff\xff"}', m.Site)
    assert info.value.rule == "export.encoding"


def test_duplicates(m: Any) -> None:
    data = b'{"code": "S1", "name": "a"}\n{"code": "S2", "name": "b"}\n\n{"code": "S1", "name": "c"}\n'
    with pytest.raises(InvalidFormat) as info:
        load_many(data, m.Site, unique="code")
    assert info.value.rule == "export.duplicate"
    assert (info.value.params["first"], info.value.params["second"]) == (1, 4)


def test_streaming_memory_is_bounded(tmp_path: Path) -> None:
    import tracemalloc

    from ohsreg.models import Authority

    path = tmp_path / "big.jsonl"
    n = 60_000
    dump_jsonl(
        (
            Authority(name=f"卫生健康委员会{i}", kind="HEALTH", level="MUNICIPAL", region="330100")
            for i in range(n)
        ),
        path,
    )
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_load(path, Authority, batch_size=500))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == n
    assert peak < size  # blocks of 1 MiB and batches of 500 records, not the whole file


def test_mixed_encodings_in_a_stream_name_the_line(m: Any) -> None:
    good = "".join(f'{{"code": "S{i}", "name": "车间"}}\n' for i in range(30_000)).encode()
    bad = '{"code": "X", "name": "车间"}\n'.encode("gb18030")
    with pytest.raises(InvalidFormat) as info:
        list(iter_load(good + bad, m.Site))
    assert info.value.rule == "export.encoding"
    assert info.value.params["line"] == 30_001
