"""One documented way to catch every library error: ``except (OhsregError, ValidationError)`` and
``ohsreg.problems(exc)`` -- rule, field, both messages, the file line for readers."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

import ohsreg
from ohsreg.identifiers import uscc


def _caught(call: object) -> list[ohsreg.Problem]:
    try:
        call()  # type: ignore[operator]
    except (ohsreg.OhsregError, ValidationError) as exc:
        return ohsreg.problems(exc)
    raise AssertionError("nothing raised")


def test_function_errors() -> None:
    [p] = _caught(lambda: uscc.validate("91110000600037341X"))
    assert (p.rule, p.field) == ("uscc.checksum", "uscc")
    assert p.message("en") != p.message("zh_CN")


def test_model_errors_carry_rule_codes() -> None:
    found = _caught(
        lambda: ohsreg.Worker(
            id="1", name="张三", resident_id="110105194912310021", placed_on=dt.date(2020, 1, 1)
        )
    )
    assert [p.rule for p in found] == ["resident_id.checksum"]
    assert found[0].field == "resident_id"
    assert "校验" in found[0].message("zh_CN")
    missing = _caught(lambda: ohsreg.Worker.model_validate({"id": "1"}))
    assert {p.rule for p in missing} == {"missing"}  # pydantic's own type, as documented


def test_reader_errors_have_lines() -> None:
    data = b'{"name": "a", "kind": "HEALTH", "level": "MUNICIPAL", "region": "330100"}\n{"name": "b"}\n'
    found = _caught(lambda: ohsreg.load_many(data, ohsreg.Authority))
    assert found
    assert {p.line for p in found} == {2}


def test_other_exceptions_are_not_swallowed() -> None:
    with pytest.raises(TypeError):
        ohsreg.problems(KeyError("x"))
