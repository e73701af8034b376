"""A masked export is a valid, typed document: it loads back (values marked masked), and the default
JSON validates against the published JSON Schema (checked with a small structural validator: no
JSON-Schema library is a dependency)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from ohsreg.errors import OhsregError
from ohsreg.export.json import dump_jsonl, dumps_jsonl, load_many
from ohsreg.export.jsonschema import schema
from ohsreg.identifiers import resident_id
from ohsreg.models import Enterprise, Masked, Worker

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def enterprises(example_enterprises: list[Enterprise]) -> list[Enterprise]:
    return example_enterprises


def _errors(value: Any, node: dict[str, Any], root: dict[str, Any], where: str = "$") -> list[str]:
    """Where ``value`` breaks the schema ``node`` (the keywords ohsreg's schemas use)."""
    ref = node.get("$ref")
    if isinstance(ref, str):
        return _errors(value, root["$defs"][ref.rsplit("/", 1)[-1]], root, where)
    for key in ("anyOf", "oneOf"):
        if key in node:
            options = [_errors(value, option, root, where) for option in node[key]]
            return [] if any(not o for o in options) else [f"{where}: no {key} branch fits: {options}"]
    out = [e for sub in node.get("allOf", []) for e in _errors(value, sub, root, where)]
    kinds = {
        "string": str,
        "integer": int,
        "number": (int, float),
        "boolean": bool,
        "null": type(None),
        "object": dict,
        "array": list,
    }
    expected = node.get("type")
    if expected is not None:
        names = expected if isinstance(expected, list) else [expected]
        fits = any(
            isinstance(value, kinds[n]) and not (n in ("integer", "number") and isinstance(value, bool))
            for n in names
        )
        if not fits:
            return [*out, f"{where}: {value!r} is not {expected}"]
    if "enum" in node and value not in node["enum"]:
        out.append(f"{where}: {value!r} not in enum")
    if "const" in node and value != node["const"]:
        out.append(f"{where}: {value!r} != const")
    if isinstance(value, str):
        if "pattern" in node and not re.search(node["pattern"], value):
            out.append(f"{where}: {value!r} does not match {node['pattern']}")
        if len(value) < node.get("minLength", 0) or len(value) > node.get("maxLength", 10**9):
            out.append(f"{where}: length of {value!r}")
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and not node.get("minimum", -(10**400)) <= value <= node.get("maximum", 10**400):
        out.append(f"{where}: {value} out of range")
    if isinstance(value, dict):
        props = node.get("properties", {})
        out += [f"{where}: missing {k}" for k in node.get("required", []) if k not in value]
        extra = node.get("additionalProperties", True)
        for k, v in value.items():
            if k in props:
                out += _errors(v, props[k], root, f"{where}.{k}")
            elif extra is False:
                out.append(f"{where}: unexpected {k}")
            elif isinstance(extra, dict):
                out += _errors(v, extra, root, f"{where}.{k}")
    if isinstance(value, list):
        prefix = node.get("prefixItems", [])
        for i, v in enumerate(value):
            sub = prefix[i] if i < len(prefix) else node.get("items")
            if isinstance(sub, dict):
                out += _errors(v, sub, root, f"{where}[{i}]")
    return out


def test_the_checker_catches_a_bad_document() -> None:
    doc = schema("Worker")
    assert _errors({"id": "1", "name": "张**", "placed_on": "2020-01-01"}, doc, doc) == []
    assert _errors({"id": "1", "name": "张**", "resident_id": "110105", "placed_on": "x"}, doc, doc)


def test_default_json_validates_against_the_published_schema(enterprises: list[Enterprise]) -> None:
    for ent in enterprises:
        committed = json.loads((ROOT / "schemas" / "Enterprise.json").read_text(encoding="utf-8"))
        for document in (ent.model_dump(mode="json"), ent.model_dump(mode="json", context={"unmask": True})):
            assert _errors(document, committed, committed) == []


def test_masked_export_loads_back_marked(enterprises: list[Enterprise], tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    dump_jsonl(enterprises, path)  # masked by default
    back = load_many(path.read_bytes(), Enterprise)
    ids = [w.resident_id for e in back for w in e.workers if w.resident_id is not None]
    assert ids
    assert all(isinstance(i, Masked) and "*" in i for i in ids)
    assert all(isinstance(w.name, Masked) for e in back for w in e.workers)
    assert isinstance(back[0].principal.name, Masked)
    # written again, a masked document stays the same document
    assert dumps_jsonl(back) == dumps_jsonl(enterprises)


def test_full_values_are_not_marked() -> None:
    w = Worker(id="1", name="张三", resident_id="11010519491231002X", placed_on=dt.date(2020, 1, 1))
    assert not isinstance(w.resident_id, Masked)
    assert not isinstance(w.name, Masked)


def test_where_the_full_number_is_needed_the_error_says_unmask() -> None:
    masked = resident_id.masked("11010519491231002X")
    assert resident_id.is_masked(masked)
    for function in (resident_id.validate, resident_id.birth_date, resident_id.sex):
        with pytest.raises(OhsregError) as info:
            function(masked)
        assert info.value.rule == "resident_id.masked"
        assert "unmask=True" in info.value.message("en")
        assert "unmask=True" in info.value.message("zh_CN")


def test_a_masked_number_still_needs_a_known_division() -> None:
    with pytest.raises(OhsregError) as info:
        resident_id.validate("999999********002X", allow_masked=True)
    assert info.value.rule == "resident_id.division"
