"""Every field of every public model has a Chinese column label (60 of 192 XLSX headers were English)."""

from __future__ import annotations

import re
from typing import Any

from ohsreg.export._labels import ZH
from ohsreg.export.jsonschema import public_models

CJK = re.compile(r"[\u4e00-\u9fff]")


def _names(node: Any, out: set[str]) -> None:
    if isinstance(node, dict):
        for key, value in (node.get("properties") or {}).items():
            if not (isinstance(value, dict) and "x-zh" in value):
                out.add(key)
        for value in node.values():
            _names(value, out)
    elif isinstance(node, list):
        for value in node:
            _names(value, out)


def test_every_public_field_has_a_chinese_label() -> None:
    names: set[str] = set()
    for model in public_models().values():
        _names(model.model_json_schema(mode="serialization"), names)
    assert sorted(n for n in names if n not in ZH) == []
    assert all(CJK.search(label) for label in ZH.values())
