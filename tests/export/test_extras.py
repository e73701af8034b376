"""Optional extras: xlsx (excel), Arrow/Parquet (arrow), DataFrames (frame). Skip when not installed."""

from __future__ import annotations

import builtins
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from ohsreg.export._io import MissingExtra, require
from ohsreg.models import Authority, Finding, finding
from ohsreg.vocab import Severity


def test_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real = builtins.__import__

    def fake(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("xlsxwriter"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake)
    import sys

    monkeypatch.delitem(sys.modules, "xlsxwriter", raising=False)
    with pytest.raises(MissingExtra) as info:
        require("xlsxwriter", "excel")
    assert info.value.rule == "export.extra_missing"
    assert "ohsreg[excel]" in info.value.message("en")
    assert isinstance(info.value, ImportError)


def _read_xlsx(path: Path) -> tuple[list[str], dict[str, dict[str, tuple[str, str]]], list[str]]:
    """Sheet names, cells ``{sheet: {ref: (type, text)}}`` and frozen panes, with the standard library."""
    import re
    import zipfile
    from xml.etree import ElementTree as ET

    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    z = zipfile.ZipFile(path)
    names = [s.get("name", "") for s in ET.fromstring(z.read("xl/workbook.xml")).iter(f"{{{ns['m']}}}sheet")]
    shared: list[str] = []
    if "xl/sharedStrings.xml" in z.namelist():
        root = ET.fromstring(z.read("xl/sharedStrings.xml"))
        shared = ["".join(t.text or "" for t in si.iter(f"{{{ns['m']}}}t")) for si in root]
    cells: dict[str, dict[str, tuple[str, str]]] = {}
    panes = []
    for i, name in enumerate(names, 1):
        root = ET.fromstring(z.read(f"xl/worksheets/sheet{i}.xml"))
        pane = root.find(".//m:pane", ns)
        panes.append("" if pane is None else pane.get("topLeftCell", ""))
        sheet = cells.setdefault(name, {})
        for c in root.iter(f"{{{ns['m']}}}c"):
            kind = c.get("t", "n")
            v = c.find("m:v", ns)
            text = (
                "".join(x.text or "" for x in c.iter(f"{{{ns['m']}}}t"))
                if kind == "inlineStr"
                else (v.text if v is not None else "")
            )
            if kind == "s":
                text = shared[int(text or 0)]
            sheet[c.get("r", "")] = (kind, text or "")
            assert c.find("m:f", ns) is None, "no formulas"
    assert re  # keep the import used
    return names, cells, panes


def test_xlsx_sheets_headers_units_and_no_formulas(tmp_path: Path, sites: list[Any], m: Any) -> None:
    pytest.importorskip("xlsxwriter")
    path = tmp_path / "out.xlsx"
    from ohsreg.export.xlsx import to_xlsx

    auth = Authority(name="杭州市卫生健康委员会", kind="HEALTH", level="MUNICIPAL", region="330100")
    to_xlsx([*sites, auth], path)
    names, cells, panes = _read_xlsx(path)
    assert names == ["Site", "岗位", "Samples", "劳动者", "Authority", "_ohsreg"]
    assert panes[:5] == ["B4", "B4", "B4", "B4", "B4"]
    ws = cells["Site"]
    assert ws["A1"][1] == "行号"
    assert ws["C1"][1] == "名称"
    assert ws["C2"][1] == "Name"
    assert ws["C3"][1] == "name"
    samples = cells["Samples"]
    labels = {text for ref, (_, text) in samples.items() if ref[-1] == "2" and ref[-2].isalpha()}
    assert "Value Value (mg/m³)" not in labels  # two units in the column: none in the header
    assert ws["C5"][1].startswith("=HYPERLINK")  # text, not a formula
    assert ws["E5"] == ("n", "11")
    assert cells["Authority"]["E4"][1] == "330100"
    assert "张三丰" not in str(cells)


def test_xlsx_writes_without_reader(tmp_path: Path, sites: list[Any]) -> None:
    pytest.importorskip("xlsxwriter")
    from ohsreg.export.xlsx import to_xlsx

    path = tmp_path / "out.xlsx"
    to_xlsx({"站点": sites}, path, unmask=True)
    assert path.read_bytes()[:2] == b"PK"


def test_arrow_schema_and_round_trip(tmp_path: Path, sites: list[Any], m: Any) -> None:
    pa = pytest.importorskip("pyarrow")
    from ohsreg.export.arrow import arrow_schema, from_arrow, read_parquet, to_arrow, to_parquet

    schema = arrow_schema(m.Site)
    assert schema.field("opened").type == pa.date32()
    assert schema.field("headcount").type == pa.int64()
    assert schema.field("extra").type == pa.string()  # free-form mapping: JSON text
    sample = schema.field("posts").type.value_type.field("samples").type.value_type
    assert sample.field("value").type == pa.struct([("value", pa.float64()), ("unit", pa.string())])
    assert from_arrow(to_arrow(sites, unmask=True), m.Site) == sites
    path = tmp_path / "s.parquet"
    to_parquet(sites, path, unmask=True)
    assert read_parquet(path, m.Site) == sites
    f = [finding("demo.x", Severity.INFO, "c", "t", a="3", b=3, due=dt.date(2025, 1, 1))]
    assert from_arrow(to_arrow(f), Finding) == f


def test_arrow_masks_by_default(m: Any) -> None:
    pytest.importorskip("pyarrow")
    from ohsreg.export.arrow import to_arrow

    w = m.Worker(name="张三丰", phone="13812345678")
    table = to_arrow([w])
    assert table.column("name").to_pylist() == ["张**"]
    assert table.schema.field("name").metadata == {b"ohsreg.personal_data": b"name"}
    assert table.schema.field("phone").metadata == {b"ohsreg.personal_data": b"phone"}


def test_assessment_table_and_csv(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    np = pytest.importorskip("numpy")
    from ohsreg.assess import twa_array
    from ohsreg.export.arrow import assessment_table, write_csv

    r = twa_array(
        np.array([[4.5, 1.2], [8.0, 0.0], [np.nan, 1.0]]),
        np.array([[3.0, 5.0], [8.0, 0.0], [4, 4]]),
        limit=6.0,
    )
    table = assessment_table(r, ids=["a", "b", "c"])
    assert table.column("verdict").to_pylist() == ["COMPLIES", "EXCEEDS", "INSUFFICIENT_DATA"]
    path = tmp_path / "v.csv"
    write_csv(table, path, bom=True)
    text = path.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0] == '"id","value","unit","limit","verdict","clause"'
    assert ',"EXCEEDS",' in text.splitlines()[2]


@pytest.mark.parametrize("library", ["pandas", "polars"])
def test_frames_round_trip(library: str, sites: list[Any], m: Any) -> None:
    pytest.importorskip(library)
    from ohsreg.export.frame import from_frame, to_frame

    df = to_frame(sites, library=library, unmask=True)  # type: ignore[arg-type]
    assert "posts.1.samples.0.value.unit" in list(df.columns)
    assert from_frame(df, m.Site) == sites
    auth = [Authority(name="卫健委", kind="HEALTH", level="NATIONAL")]
    assert from_frame(to_frame(auth, library=library), Authority) == auth  # type: ignore[arg-type]


def test_frame_unknown_column(m: Any) -> None:
    pd = pytest.importorskip("pandas")
    from ohsreg.errors import UnknownEntry
    from ohsreg.export.frame import from_frame

    with pytest.raises(UnknownEntry):
        from_frame(pd.DataFrame({"code": ["x"], "bogus": [1]}), m.Site)


def test_plots(m: Any) -> None:
    pytest.importorskip("matplotlib")
    from ohsreg.assess import noise_exposure, twa
    from ohsreg.export.plot import exposure_profile, noise_by_task

    r = twa([(4.5, 3), (1.2, 5)], limit=6.0)
    ax = exposure_profile(r, pc_stel=10.0, locale="en")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[0] == "concentration"
    assert any(t.startswith("PC-TWA 6") for t in labels)
    ax = noise_by_task([("打磨", 92.0, 2.0), ("装配", 80.0, 6.0)], locale="en")
    assert any(t.get_text().startswith("L_EX,8h 86.7") for t in ax.get_legend().get_texts())
    n = noise_exposure([(92.0, 2.0), (80.0, 6.0)])
    assert noise_by_task(n, locale="en") is not None


def test_declaration_form_layout(tmp_path: Path) -> None:
    pytest.importorskip("xlsxwriter")
    from pydantic import Field

    from ohsreg.export.xlsx import FORM_TITLE, declaration_form
    from ohsreg.models.base import PersonName, Record
    from ohsreg.vocab import HazardCategory

    class Item(Record):
        hazard: str
        category: HazardCategory | None = None
        distribution: str | None = None
        exposed_workers: int

    class Declaration(Record):
        uscc: str
        enterprise_name: str
        kind: str
        filed_on: dt.date
        items: tuple[Item, ...] = ()

    class Manager(Record):
        name: PersonName
        role: str

    class Employer(Record):
        address: str | None = None
        size: str | None = None
        industry: str
        legal_representative: PersonName
        oh_organisation: str | None = None
        oh_managers: tuple[Manager, ...] = Field(default_factory=tuple)
        workers_total: int
        workers_exposed: int

    d = Declaration(
        uscc="91330523MA2B7QK00K",
        enterprise_name="安吉示例家具有限公司",
        kind="INITIAL",
        filed_on=dt.date(2023, 3, 1),
        items=(
            Item(hazard="噪声", category="PHYSICAL", distribution="开料车间", exposed_workers=12),
            Item(hazard="木粉尘", category="DUST", distribution="开料车间", exposed_workers=10),
            Item(hazard="苯", category="CHEMICAL", distribution="喷漆房", exposed_workers=4),
        ),
    )
    e = Employer(
        address="安吉县示例路1号",
        size="SMALL",
        industry="C2110",
        legal_representative="王小明",
        oh_organisation="安全环保部",
        oh_managers=(Manager(name="李四", role="FULL_TIME"), Manager(name="赵六", role="PART_TIME")),
        workers_total=80,
        workers_exposed=22,
    )
    path = tmp_path / "form.xlsx"
    declaration_form(d, path, enterprise=e)
    _, cells, _ = _read_xlsx(path)
    ws = cells["申报表"]
    text = {ref: v for ref, (_, v) in ws.items() if v}
    assert text["A1"] == FORM_TITLE
    assert text["B3"] == "初次申报● 变更申报○"
    assert text["B5"] == "大○ 中○ 小● 微○"
    assert text["E5"] == "C2110 木质家具制造"
    assert text["D6"] == "王**"  # masked by default
    assert text["D7"] == "专职 1"
    assert text["E7"] == "兼职 1"
    assert text["B8"] == "80"
    assert text["B9"] == "粉尘类 有● 无○"
    assert text["D9"] == "10"
    assert text["B12"] == "放射性物质类 有○ 无●"
    assert text["E9"] == "接触职业病危害总人数: 22"
    assert text["C14"] == "职业病危害因素名称"
    assert text["B15"] == "开料车间"
    assert "F15" not in text  # two factors in one workplace: the de-duplicated count is unknown
    assert text["F17"] == "4"
    assert text["B18"] == "合计"
    assert text["E18"] == "26"


def test_write_csv_neutralises_text_and_streams_batches(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    from ohsreg.export.arrow import write_csv
    from ohsreg.export.cells import restore

    ids = ['=HYPERLINK("http://x","y")', "ok", "", None, "＋86", "-3", "|cmd"]
    table = pa.table({"id": ids, "n": list(range(7)), "code": pa.array(["@a"] * 7).dictionary_encode()})
    path = tmp_path / "t.csv"
    write_csv(iter(table.to_batches(max_chunksize=3)), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == '"id","n","code"'  # one header for the whole stream
    assert len(lines) == 8
    import pyarrow.csv as pacsv

    options = pacsv.ConvertOptions(strings_can_be_null=True, quoted_strings_can_be_null=False)
    back = pacsv.read_csv(path, convert_options=options).column("id").to_pylist()
    assert [None if v is None else restore(v) for v in back] == [*ids[:2], "", None, *ids[4:]]
    assert lines[1].startswith("\"'=HYPERLINK(")
    assert all(',"\'@a"' in line for line in lines[1:])


def test_parquet_streams_an_iterator_in_batches(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from ohsreg.export.arrow import iter_batches, read_parquet, to_parquet

    records = [
        Authority(name=f"卫健委{i}", kind="HEALTH", level="MUNICIPAL", region="330100") for i in range(25)
    ]
    path = tmp_path / "a.parquet"
    to_parquet(iter(records), path, batch_size=10)
    assert pq.ParquetFile(path).metadata.num_row_groups == 3
    assert read_parquet(path, Authority) == records
    assert [b.num_rows for b in iter_batches(iter(records), batch_size=10)] == [10, 10, 5]
    to_parquet([], tmp_path / "e.parquet", model=Authority)
    assert read_parquet(tmp_path / "e.parquet", Authority) == []


def test_plot_chinese_labels_get_a_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("matplotlib")
    from ohsreg.assess import twa
    from ohsreg.export import plot

    r = twa([(4.5, 3), (1.2, 5)], limit=6.0)
    monkeypatch.setattr(plot, "cjk_font", lambda: "DejaVu Sans")  # stands in for an installed CJK font
    ax = plot.exposure_profile(r, locale="zh_CN")
    assert ax.get_ylabel() == "浓度（mg/m³）"
    assert ax.yaxis.label.get_fontfamily() == ["DejaVu Sans"]
    legend = ax.get_legend().get_texts()
    assert legend[0].get_text() == "浓度"
    assert legend[0].get_fontfamily() == ["DejaVu Sans"]
    ax = plot.noise_by_task([("打磨", 92.0, 2.0), ("装配", 80.0, 6.0)], locale="zh_CN", font="DejaVu Sans")
    assert [t.get_text() for t in ax.texts] == ["打磨", "装配"]
    assert all(t.get_fontfamily() == ["DejaVu Sans"] for t in ax.texts)


def test_plot_without_a_cjk_font_warns_and_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("matplotlib")
    from ohsreg.assess import twa
    from ohsreg.export import plot

    monkeypatch.setattr(plot, "cjk_font", lambda: None)
    with pytest.warns(UserWarning, match="fonts-noto-cjk"):
        ax = plot.exposure_profile(twa([(4.5, 8)], limit=6.0), locale="zh_CN")
    assert ax.get_ylabel() == "concentration (mg/m³)"  # never boxes


def test_plot_legend_values_are_rounded() -> None:
    pytest.importorskip("matplotlib")
    from ohsreg.assess import twa
    from ohsreg.export.plot import exposure_profile

    r = twa([(4.5, 3), (1.2, 5)], limit=6.0)  # C_TWA 2.4375
    labels = [t.get_text() for t in exposure_profile(r, pc_stel=10.0, locale="en").get_legend().get_texts()]
    assert "C_TWA 2.44 mg/m³" in labels
    assert "PC-TWA 6 mg/m³" in labels
    ax = exposure_profile([(1 / 3, 8)], twa=1 / 3, locale="en")
    assert "C_TWA 0.333 mg/m³" in [t.get_text() for t in ax.get_legend().get_texts()]
