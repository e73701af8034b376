"""JSON Schema: one per public model, committed under schemas/, changes recorded in the changelog."""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest

import ohsreg
from ohsreg.errors import UnknownEntry
from ohsreg.export.jsonschema import compare, public_models, schema, schemas, version_token

ROOT = Path(__file__).resolve().parents[2]
FIX = (
    "run `.venv/bin/python scripts/gen_schemas.py` (it writes the schemas and their ledger lines in "
    "schemas/VERSIONS.md) and do what it prints"
)


def _gen_schemas() -> SimpleNamespace:
    """The ledger functions of ``scripts/gen_schemas.py`` (runpy registers the module while it runs)."""
    return SimpleNamespace(
        **runpy.run_path(str(ROOT / "scripts" / "gen_schemas.py"), run_name="ohsreg_gen_schemas")
    )


def test_registry_discovers_every_public_model() -> None:
    models = public_models()
    assert {"Authority", "Finding"} <= set(models)
    assert "Record" not in models
    for name in ohsreg.__all__:
        obj = getattr(ohsreg, name)
        if isinstance(obj, type) and issubclass(obj, ohsreg.Record) and obj is not ohsreg.Record:
            assert name in models


def test_schema_header_and_personal_data_flag() -> None:
    s = schema(ohsreg.Authority)
    assert s["$schema"].endswith("2020-12/schema")
    assert s["$id"] == "urn:ohsreg:schema:v0:Authority"
    assert s["x-ohsreg-version"] == ohsreg.__version__


def test_schema_ids_are_not_placeholders() -> None:
    ids = {name: doc["$id"] for name, doc in schemas().items()}
    assert len(set(ids.values())) == len(ids)
    for name, value in ids.items():
        assert "example" not in value
        assert value == f"urn:ohsreg:schema:v{ohsreg.__version__.split('.')[0]}:{name}"
        committed = json.loads((ROOT / "schemas" / f"{name}.json").read_text(encoding="utf-8"))
        assert committed["$id"] == value


def test_personal_data_flags_survive_the_identifier_schema() -> None:
    text = json.dumps(schema("Worker"), ensure_ascii=False)
    assert '"x-personal-data": "resident_id"' in text
    assert '"x-masked": true' in text


def test_unknown_model_suggests() -> None:
    with pytest.raises(UnknownEntry) as info:
        schema("Authorty")
    assert info.value.rule == "export.model_unknown"
    assert info.value.params["suggestions"] == ["Authority"]
    assert schema("authority")["title"] == "Authority"


def test_committed_schemas_are_current() -> None:
    committed = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "schemas").glob("*.json")}
    generated = schemas()
    assert sorted(committed) == sorted(generated), FIX
    for name, new in generated.items():
        old = {k: v for k, v in committed[name].items() if k != "x-ohsreg-version"}
        assert old == {k: v for k, v in new.items() if k != "x-ohsreg-version"}, f"{name}: {FIX}"


def test_every_schema_version_is_in_the_ledger() -> None:
    gen = _gen_schemas()
    ledger = gen.read_ledger()
    tokens = {line.token for line in ledger}
    missing = [version_token(n, s) for n, s in schemas().items() if version_token(n, s) not in tokens]
    assert not missing, f"record these schema versions ({FIX}): {missing}"
    unreleased = [line.model for line in ledger if line.release == gen.UNRELEASED]
    assert len(unreleased) == len(set(unreleased)), f"one Unreleased line per model ({FIX})"
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert not gen.unannounced(ledger, changelog), FIX


def test_ledger_lines_follow_the_released_version() -> None:
    gen = _gen_schemas()
    v1 = {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}
    v2 = {**v1, "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}}
    v3 = {**v2, "required": ["a", "b"]}
    released = [gen.Line("M", version_token("M", v1), "0.1.0", "minor")]
    # a change after the release: one Unreleased line, classified against the released version
    after_v2 = gen.update_ledger({"M": v2}, {"M": v1}, released)
    assert after_v2[-1] == gen.Line("M", version_token("M", v2), gen.UNRELEASED, "minor")
    # it changes again before the next release: the never-published v2 line is replaced
    after_v3 = gen.update_ledger({"M": v3}, {"M": v1}, after_v2)
    assert after_v3 == [*released, gen.Line("M", version_token("M", v3), gen.UNRELEASED, "major")]
    # back to the released schema: nothing to record
    assert gen.update_ledger({"M": v1}, {"M": v1}, after_v2) == released
    # a removed model is recorded as a breaking line
    removed = gen.update_ledger({}, {"M": v1}, released)
    assert removed[-1] == gen.Line("M", "schemas/M.json@removed", gen.UNRELEASED, "major")
    # after a first release, major/minor lines must be named in the [Unreleased] notes
    notes = "## [Unreleased]\n\n- nothing yet\n\n## [0.1.0] - 2026-12-03\n- `schemas/M.json` added\n"
    assert gen.unannounced(after_v3, notes) == [after_v3[-1]]
    assert not gen.unannounced(after_v3, notes.replace("nothing yet", "`schemas/M.json`: b required"))
    assert not gen.unannounced([gen.Line("M", "t", gen.UNRELEASED, "minor")], notes)  # before any release


def test_changelog_token_is_a_deprecated_alias() -> None:
    import ohsreg.export.jsonschema as js

    with pytest.warns(DeprecationWarning, match="version_token"):
        assert js.changelog_token is version_token


def test_compare_classifies_changes() -> None:
    base = {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}
    added = {
        "type": "object",
        "properties": {"a": {"type": "string"}, "b": {"type": "integer"}},
        "required": ["a"],
    }
    new_required = {**added, "required": ["a", "b"]}
    removed = {"type": "object", "properties": {}, "required": []}
    retyped = {"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"]}
    described = {**base, "description": "x"}
    assert compare(base, base) == "none"
    assert compare(base, added) == "minor"
    assert compare(base, new_required) == "major"
    assert compare(base, removed) == "major"
    assert compare(base, retyped) == "major"
    assert compare(base, described) == "patch"
    assert compare(None, base) == "minor"
    assert compare(base, None) == "major"
    enum_a = {"type": "string", "enum": ["A", "B"]}
    assert compare(enum_a, {"type": "string", "enum": ["A", "B", "C"]}) == "minor"
    assert compare(enum_a, {"type": "string", "enum": ["A"]}) == "major"


def test_every_public_model_has_a_flat_layout_and_arrow_schema() -> None:
    from ohsreg.export.csv import Table

    for name, model in public_models().items():
        table = Table(model)
        for field in model.model_fields:
            assert table.known(field), (name, field)
            assert table.kind(field) in {"text", "literal", "mixed"}
    pytest.importorskip("pyarrow")
    from ohsreg.export.arrow import arrow_schema

    for name, model in public_models().items():
        assert arrow_schema(model).names == list(model.model_fields), name
