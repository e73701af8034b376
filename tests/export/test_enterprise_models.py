"""The enterprise models (#7) through every exporter, the declaration form and the command line."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ohsreg.export.csv import from_csv, to_csv
from ohsreg.export.json import dumps_jsonl, load_many

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _example(name: str) -> ModuleType:
    path = EXAMPLES / f"{name}.py"
    if not path.exists():
        pytest.skip(f"examples/{name}.py not present")
    spec = importlib.util.spec_from_file_location(f"_example_{name}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def enterprises() -> list[Any]:
    ec = _example("enterprise_checks")
    return [ec.build_wood_furniture_workshop(), ec.build_gold_mine(), ec.build_shoe_factory()]


def test_round_trips(enterprises: list[Any]) -> None:
    model = type(enterprises[0])
    text = to_csv(enterprises, unmask=True)
    assert text is not None
    assert from_csv(text.encode(), model) == enterprises
    assert load_many(dumps_jsonl(enterprises, unmask=True), model) == enterprises
    masked = to_csv(enterprises)
    assert masked is not None
    assert enterprises[0].legal_representative not in masked


def test_optional_exporters(enterprises: list[Any]) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    pytest.importorskip("xlsxwriter")
    from ohsreg.export.arrow import from_arrow, to_arrow
    from ohsreg.export.frame import from_frame, to_frame
    from ohsreg.export.xlsx import to_xlsx

    model = type(enterprises[0])
    back = from_arrow(to_arrow(enterprises, unmask=True), model)
    assert [b.model_dump(mode="json", context={"unmask": True}) for b in back] == [
        e.model_dump(mode="json", context={"unmask": True}) for e in enterprises
    ]  # date-times keep their UTC offsets
    assert from_frame(to_frame(enterprises, unmask=True), model) == enterprises
    to_xlsx(enterprises, io.BytesIO())


def test_declaration_form_of_a_real_declaration(enterprises: list[Any], tmp_path: Path) -> None:
    pytest.importorskip("xlsxwriter")
    from ohsreg.export.xlsx import declaration_form

    ent = enterprises[0]
    path = tmp_path / "form.xlsx"
    declaration_form(ent.declarations[0], path, enterprise=ent)
    assert path.read_bytes()[:2] == b"PK"


def test_cli_validate_reports_findings(
    enterprises: list[Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ohsreg.cli import main

    path = tmp_path / "enterprise.jsonl"
    path.write_bytes(dumps_jsonl(enterprises, unmask=True))
    findings = sum(len(e.check(dt.date(2025, 6, 1))) for e in enterprises)
    errors = sum(1 for e in enterprises for f in e.check(dt.date(2025, 6, 1)) if f.severity.code == "ERROR")
    code = main(
        ["--locale", "en", "validate", str(path), "--as-of", "2025-06-01", "-o", str(tmp_path / "f.jsonl")]
    )
    assert code == (1 if errors else 0)
    out = capsys.readouterr()
    assert f"{findings} finding(s), {errors} error(s)" in out.err
    assert len((tmp_path / "f.jsonl").read_text(encoding="utf-8").splitlines()) == findings
