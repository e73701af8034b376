"""XLSX both ways: sheets per record kind, Chinese headers, rendered findings, lossless round trips,
byte-identical output (extra ``excel``; skipped when not installed)."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("xlsxwriter")
openpyxl = pytest.importorskip("openpyxl")

from ohsreg.export.xlsx import META_SHEET, from_xlsx, to_xlsx  # noqa: E402
from ohsreg.models import Authority, Enterprise, Finding, finding  # noqa: E402
from ohsreg.vocab import Severity  # noqa: E402

AS_OF = dt.date(2025, 6, 30)
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def enterprises(example_enterprises: list[Enterprise]) -> list[Enterprise]:
    return example_enterprises


def _write(records: Any, **kwargs: Any) -> bytes:
    buf = io.BytesIO()
    to_xlsx(records, buf, **kwargs)
    return buf.getvalue()


def _sheets(data: bytes) -> dict[str, list[tuple[Any, ...]]]:
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    try:
        return {name: list(wb[name].iter_rows(values_only=True)) for name in wb.sheetnames}
    finally:
        wb.close()


def test_enterprise_gets_a_sheet_per_record_kind(enterprises: list[Enterprise]) -> None:
    sheets = _sheets(_write(enterprises, as_of=AS_OF))
    for kind in ("用人单位", "岗位", "接触检测", "职业健康检查", "核查发现"):
        assert kind in sheets, kind
    root = sheets["用人单位"]
    assert len(root) == 3 + len(enterprises)  # zh, en, paths, one row per enterprise
    assert len(root[0]) < 40  # no 192-column row: lists of records live on their own sheets
    posts = sheets["岗位"]
    assert posts[2][:3] == ("_row", "_parent", "_parent_name")
    assert posts[3][2] == enterprises[0].workplaces[0].name  # the parent is named for people


def test_every_header_is_chinese_in_the_zh_row(enterprises: list[Enterprise]) -> None:
    sheets = _sheets(_write(enterprises, as_of=AS_OF))
    english = [
        (name, cell)
        for name, rows in sheets.items()
        if name != META_SHEET
        for cell in rows[0]
        if cell is not None and not CJK.search(str(cell))
    ]
    assert english == []
    assert all(CJK.search(name) for name in sheets if name != META_SHEET)


@pytest.mark.parametrize(("locale", "label"), [("zh_CN", "错误"), ("en", "error")])
def test_findings_sheet_renders_messages_in_the_locale(
    enterprises: list[Enterprise], locale: str, label: str
) -> None:
    rows = _sheets(_write(enterprises, as_of=AS_OF, locale=locale))["核查发现"]
    paths = list(rows[2])
    message, severity = paths.index("_message"), paths.index("_severity")
    found = [f for e in enterprises for f in e.check(AS_OF)]
    assert len(rows) - 3 == len(found)
    for row, f in zip(rows[3:], found, strict=True):
        assert row[message] == f.message(locale)
        assert "{" not in row[message]
    errors = [row for row, f in zip(rows[3:], found, strict=True) if f.severity is Severity.ERROR]
    assert errors
    assert all(row[severity] == label for row in errors)


def test_findings_as_records_render_too() -> None:
    f = finding("demo.late", Severity.WARNING, "示例 第1条", "{what} is late", what="report")
    data = _write([f], locale="en")
    rows = _sheets(data)["核查发现"]
    paths = list(rows[2])
    assert rows[3][paths.index("_message")] == "report is late"
    assert from_xlsx(data, Finding) == [f]


def test_enterprise_round_trip(enterprises: list[Enterprise]) -> None:
    data = _write(enterprises, unmask=True, as_of=AS_OF)
    assert from_xlsx(data, Enterprise) == enterprises


def test_mixed_models_round_trip(sites: list[Any], m: Any) -> None:
    auth = Authority(name="杭州市卫生健康委员会", kind="HEALTH", level="MUNICIPAL", region="330100")
    data = _write([*sites, auth], unmask=True)
    assert from_xlsx(data, m.Site) == sites
    assert from_xlsx(data, Authority) == [auth]


def test_shared_unit_is_shown_and_kept(m: Any) -> None:
    samples = [m.Sample(hazard="苯", category="CHEMICAL", value=f"{v} mg/m3") for v in (0.5, 1.5)]
    data = _write(samples)
    rows = _sheets(data)["Sample"]
    paths = list(rows[2])
    assert rows[0][paths.index("value.value")] == "数值 数值 (mg/m³)"
    assert "value.unit" in paths  # the unit column stays: the header is for people
    assert from_xlsx(data, m.Sample) == samples


@pytest.mark.parametrize(  # control characters survive (NUL itself is refused by records: record.text)
    "text", ["'lead", "''two", "a\rb", "x\x01y", "_x000D_", "tab\tin", "=SUM(A1)", "＝1"]
)
def test_text_survives(m: Any, text: str) -> None:
    site = m.Site(code="S1", name=text, tags=[text], extra={"k": text})
    assert from_xlsx(_write([site]), m.Site) == [site]


def test_numbers_a_cell_cannot_hold_are_kept(m: Any) -> None:
    site = m.Site(code="S1", name="x", headcount=2**60 + 1, share=0.1 + 0.2)
    assert from_xlsx(_write([site]), m.Site) == [site]


def test_identical_input_gives_identical_bytes(sites: list[Any]) -> None:
    first = _write(sites)
    assert _write(sites) == first
    assert _write(sites, created=dt.datetime(2024, 5, 6, 7, 8, 9)) != first


def test_records_are_streamed(m: Any) -> None:
    made = 0

    def produce() -> Iterator[Any]:
        nonlocal made
        for i in range(3):
            made += 1
            yield m.make_site(i)

    data = _write(produce(), unmask=True)
    assert made == 3
    assert from_xlsx(data, m.Site) == [m.make_site(i) for i in range(3)]


def test_reader_errors_are_rule_coded(m: Any, sites: list[Any]) -> None:
    from ohsreg.errors import OhsregError

    with pytest.raises(OhsregError) as info:
        from_xlsx(b"not a workbook", m.Site)
    assert info.value.rule == "export.xlsx_format"
    with pytest.raises(OhsregError) as info:
        from_xlsx(_write(sites), Authority)
    assert info.value.rule == "export.xlsx_sheet"


def test_numbers_keep_their_digits_in_mixed_columns(m: Any) -> None:
    site = m.Site(code="S1", name="x", extra={"a": 0.1 + 0.2, "b": 2**60 + 3, "c": 1e-300})
    back = from_xlsx(_write([site]), m.Site)
    assert back == [site]
    assert back[0].extra["a"] == 0.30000000000000004


@pytest.mark.parametrize("text", ["=1+1", "＝HYPERLINK(1)", "|cmd", "＋86", "'x"])
def test_formula_like_text_is_a_quoted_text_cell(m: Any, text: str) -> None:
    data = _write([m.Site(code="S1", name=text)])
    ws = openpyxl.load_workbook(io.BytesIO(data))["Site"]
    paths = [c.value for c in ws[3]]
    cell = ws.cell(row=4, column=paths.index("name") + 1)
    assert cell.data_type == "s"
    assert cell.value == text
    assert cell.quotePrefix


def test_cli_reads_a_workbook(
    enterprises: list[Enterprise], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ohsreg.cli import main

    path = tmp_path / "enterprise.xlsx"
    to_xlsx(enterprises, path, as_of=AS_OF)  # masked, as an inspector receives it
    findings = sum(len(e.check(AS_OF)) for e in enterprises)
    main(["--locale", "en", "validate", str(path), "--as-of", AS_OF.isoformat()])
    assert f"{findings} finding(s)" in capsys.readouterr().err


def test_output_does_not_depend_on_the_clock(sites: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    # two writes within one second would match even with a wall-clock timestamp: pin what is written
    import zipfile

    first = _write(sites)
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        core = archive.read("docProps/core.xml").decode("utf-8")
        stamps = {info.date_time for info in archive.infolist()}
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>' in core
    assert '<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>' in core
    assert len(stamps) == 1  # every member carries the same fixed zip time
    assert stamps.pop()[0] < 2000


@pytest.mark.parametrize("unit", ["ppm", "μg/m³"])
def test_a_shared_unit_other_than_the_default_is_kept(m: Any, unit: str) -> None:
    samples = [m.Sample(hazard="氨", category="CHEMICAL", value=f"{v} {unit}") for v in (2, 3)]
    back = from_xlsx(_write(samples), m.Sample)
    assert back == samples
    assert {s.value.unit for s in back} == {samples[0].value.unit}


def test_nul_is_refused_by_the_record_not_written_as_an_escape(m: Any) -> None:
    import pydantic

    with pytest.raises(pydantic.ValidationError) as err:
        m.Site(code="S1", name="a\x00b")
    assert "record.text" in str(err.value)
