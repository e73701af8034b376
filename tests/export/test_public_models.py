"""Every exporter round-trips the public models built by the examples (grows as models land)."""

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
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _record_sets() -> list[list[Any]]:
    ep = _example("expert_pool")
    pool = ep.build_pool()
    agencies = ep.build_agencies()
    return [[pool], list(pool.experts), list(agencies)]


def test_round_trips_of_agency_and_expert_models() -> None:
    for records in _record_sets():
        model = type(records[0])
        text = to_csv(records, unmask=True)
        assert text is not None
        assert from_csv(text.encode(), model) == records, model.__name__
        assert load_many(dumps_jsonl(records, unmask=True), model) == records
        masked = to_csv(records)
        assert masked is not None


def test_optional_exporters_on_public_models() -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    pytest.importorskip("xlsxwriter")
    from ohsreg.export.arrow import from_arrow, to_arrow
    from ohsreg.export.frame import from_frame, to_frame
    from ohsreg.export.xlsx import to_xlsx

    for records in _record_sets():
        model = type(records[0])
        assert from_arrow(to_arrow(records, unmask=True), model) == records
        assert from_frame(to_frame(records, unmask=True), model) == records
        to_xlsx(records, io.BytesIO())
