"""The error model: rule codes, fields, bilingual messages, pydantic integration, pickling."""

from __future__ import annotations

import pickle
from typing import Annotated

import pydantic
import pytest

from ohsreg import errors
from ohsreg.errors import InvalidChecksum, OhsregError, UnknownEntry, to_pydantic_error


def make() -> InvalidChecksum:
    return InvalidChecksum(
        "check character should be {expected!r}", rule="uscc.checksum", field="uscc", expected="3"
    )


def test_is_value_error_with_data() -> None:
    err = make()
    assert isinstance(err, ValueError)
    assert (err.rule, err.field, dict(err.params)) == ("uscc.checksum", "uscc", {"expected": "3"})


def test_messages_in_both_locales() -> None:
    err = make()
    assert err.message("en") == "check character should be '3'"
    assert err.message("zh_CN") == "校验码应为 '3'"
    assert "uscc.checksum" in str(err)
    assert "校验码" in str(err)
    assert "check character" in str(err)


def test_default_rule_per_class() -> None:
    assert UnknownEntry("no such thing").rule == "unknown"
    assert isinstance(UnknownEntry("x"), LookupError)


def test_all_subclasses_derive_from_base() -> None:
    for name in errors.__all__:
        obj = getattr(errors, name)
        if isinstance(obj, type) and issubclass(obj, BaseException):  # Problem is data, not an error
            assert issubclass(obj, OhsregError)


def test_untranslated_message_falls_back_to_english() -> None:
    err = OhsregError("no translation for {x}", rule="t.x", x=1)
    assert err.message("zh_CN") == "no translation for 1"


def test_bad_template_does_not_raise() -> None:
    assert OhsregError("broken {", rule="t.b").message("en") == "broken {"


def test_hint_is_appended() -> None:
    err = OhsregError("bad", rule="t.h", hint="do {what}", what="this")
    assert err.message("en") == "bad; do this"


def test_pickle_round_trip() -> None:
    err = pickle.loads(pickle.dumps(make()))
    assert isinstance(err, InvalidChecksum)
    assert (err.rule, err.field, err.params["expected"]) == ("uscc.checksum", "uscc", "3")


def test_pydantic_error_keeps_rule_code() -> None:
    def check(value: str) -> str:
        if value != "ok":
            raise to_pydantic_error(make())
        return value

    class Model(pydantic.BaseModel):
        code: Annotated[str, pydantic.AfterValidator(check)]

    with pytest.raises(pydantic.ValidationError) as info:
        Model(code="{bad}")
    (detail,) = info.value.errors()
    assert detail["type"] == "uscc.checksum"
    assert detail["loc"] == ("code",)
    assert detail["ctx"]["rule"] == "uscc.checksum"
    assert detail["ctx"]["message_zh"] == "校验码应为 '3'"
