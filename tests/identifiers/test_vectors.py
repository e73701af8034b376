"""The vector file: real-world valid numbers and known-bad variants for every identifier."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

import ohsreg
from ohsreg.errors import OhsregError
from ohsreg.identifiers import cas, division, industry, resident_id, uscc

VECTORS: dict[str, Any] = json.loads(Path(__file__).with_name("vectors.json").read_text(encoding="utf-8"))
MODULES = {"uscc": uscc, "cas": cas, "division": division, "industry": industry, "resident_id": resident_id}
TYPES = {
    "uscc": ohsreg.USCC,
    "cas": ohsreg.CASNumber,
    "division": ohsreg.DivisionCode,
    "industry": ohsreg.IndustryCode,
    "resident_id": ohsreg.ResidentID,
}

VALID = [(kind, raw, want) for kind in MODULES for raw, want, _ in VECTORS[kind]["valid"]]
INVALID = [(kind, raw, rule) for kind in MODULES for raw, rule, _ in VECTORS[kind]["invalid"]]


@pytest.mark.parametrize(("kind", "raw", "want"), VALID)
def test_valid(kind: str, raw: str, want: str) -> None:
    mod = MODULES[kind]
    assert mod.validate(raw) == want
    assert mod.is_valid(raw)
    assert mod.format(raw) == want
    assert mod.validate(mod.format(raw)) == mod.compact(mod.format(raw))


@pytest.mark.parametrize(("kind", "raw", "rule"), INVALID)
def test_invalid(kind: str, raw: Any, rule: str) -> None:
    mod = MODULES[kind]
    with pytest.raises(OhsregError) as info:
        mod.validate(raw)
    err = info.value
    assert err.rule == rule
    assert err.field == kind
    assert isinstance(err, ValueError)
    assert err.message("en") != err.message("zh_CN"), "every message needs a zh translation"
    assert not mod.is_valid(raw)


@pytest.mark.parametrize(("kind", "raw", "want"), VALID)
def test_pydantic_type_accepts(kind: str, raw: str, want: str) -> None:
    class M(BaseModel):
        value: TYPES[kind]  # type: ignore[valid-type]

    assert M(value=raw).value == want


@pytest.mark.parametrize(("kind", "raw", "rule"), INVALID)
def test_pydantic_type_rejects_with_rule_code(kind: str, raw: Any, rule: str) -> None:
    class M(BaseModel):
        value: TYPES[kind]  # type: ignore[valid-type]

    with pytest.raises(ValidationError) as info:
        M(value=raw)
    (error,) = info.value.errors()
    assert error["type"] == rule
    assert error["loc"] == ("value",)
    assert error["ctx"]["message_zh"]


@pytest.mark.parametrize("kind", list(MODULES))
def test_json_schema_has_pattern(kind: str) -> None:
    class M(BaseModel):
        value: TYPES[kind]  # type: ignore[valid-type]

    prop = M.model_json_schema()["properties"]["value"]
    assert prop["type"] == "string"
    assert prop["pattern"] == MODULES[kind].PATTERN
    import re

    for _, want, _ in VECTORS[kind]["valid"]:
        assert re.fullmatch(prop["pattern"], want), want


def test_checksum_errors_say_what_was_expected() -> None:
    with pytest.raises(OhsregError) as info:
        uscc.validate("91110000600037341M")
    assert info.value.params["expected"] == "L"
    assert "'L'" in info.value.message("en")
    assert "'L'" in info.value.message("zh_CN")
    with pytest.raises(OhsregError) as info:
        cas.validate("71-43-3")
    assert info.value.params["expected"] == "2"


def test_excluded_uscc_letters_are_named() -> None:
    with pytest.raises(OhsregError) as info:
        uscc.validate("9111000060003734OL")
    assert info.value.params == {"char": "O", "position": 17}


def test_resident_id_errors_do_not_echo_birth_date() -> None:
    with pytest.raises(OhsregError) as info:
        resident_id.validate("1101051949123100AX")
    assert "19491231" not in str(info.value)
