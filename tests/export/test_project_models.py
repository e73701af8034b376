"""The construction-project models (#8) through every exporter."""

from __future__ import annotations

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
def projects() -> list[Any]:
    pw = _example("project_walkthrough")
    return [pw.granite_quarry(), pw.furniture_plant()]


def test_round_trips(projects: list[Any]) -> None:
    model = type(projects[0])
    text = to_csv(projects, unmask=True)
    assert text is not None
    assert from_csv(text.encode(), model) == projects
    assert load_many(dumps_jsonl(projects, unmask=True), model) == projects


def test_optional_exporters(projects: list[Any]) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    pytest.importorskip("xlsxwriter")
    from ohsreg.export.arrow import from_arrow, to_arrow
    from ohsreg.export.frame import from_frame, to_frame
    from ohsreg.export.xlsx import to_xlsx

    model = type(projects[0])
    dump = [p.model_dump(mode="json", context={"unmask": True}) for p in projects]
    back = from_arrow(to_arrow(projects, unmask=True), model)
    assert [b.model_dump(mode="json", context={"unmask": True}) for b in back] == dump
    assert from_frame(to_frame(projects, unmask=True), model) == projects
    to_xlsx(projects, io.BytesIO())
