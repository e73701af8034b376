"""The shared model base: frozen records, findings, masking of personal data."""

from __future__ import annotations

import datetime as dt

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ohsreg.models.base import (
    Finding,
    PersonalResidentID,
    PersonName,
    Phone,
    Record,
    finding,
    mask_name,
    mask_phone,
)
from ohsreg.vocab import Severity


class Person(Record):
    name: PersonName
    phone: Phone | None = None
    resident_id: PersonalResidentID | None = None


def test_records_are_frozen_and_strict() -> None:
    p = Person(name=" 李四 ")
    assert p.name == "李四"
    with pytest.raises(pydantic.ValidationError):
        p.name = "王五"  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError, match="extra"):
        Person(name="李四", age=3)  # type: ignore[call-arg]
    assert p.model_copy(update={"name": "王五"}).name == "王五"


def test_masked_by_default_everywhere() -> None:
    p = Person(name="李四", phone="13812345678", resident_id="11010519491231002X")
    for dumped in (p.model_dump(), p.model_dump(mode="json")):
        assert dumped == {"name": "李*", "phone": "138****5678", "resident_id": "110105********002X"}
    assert "13812345678" not in p.model_dump_json()
    assert "李四" not in p._repr_html_()


def test_unmask_round_trip() -> None:
    p = Person(name="李四", phone="13812345678", resident_id="11010519491231002X")
    back = Person.model_validate_json(p.model_dump_json(context={"unmask": True}))
    assert back == p


def test_invalid_resident_id_keeps_rule_code() -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        Person(name="李四", resident_id="110105194912310021")
    assert info.value.errors()[0]["type"].startswith("resident_id.")


def test_schema_marks_personal_data() -> None:
    props = Person.model_json_schema()["properties"]
    assert props["name"]["x-personal-data"] == "name"


@given(st.text(min_size=1, max_size=30))
def test_mask_name_keeps_length_and_hides_rest(name: str) -> None:
    masked = mask_name(name)
    assert len(masked) == len(name)
    assert masked[0] == name[0]
    assert set(masked[1:]) <= {"*"}


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_mask_phone_hides_middle(phone: str) -> None:
    masked = mask_phone(phone)
    assert masked[:3] == phone[:3]
    assert masked[-4:] == phone[-4:]
    assert masked[3:-4] == "****"


def test_finding_message_and_round_trip() -> None:
    f = finding(
        "training.overdue",
        Severity.WARNING,
        "示例 第1条",
        "{who} is overdue since {date}",
        subject="principal",
        due=dt.date(2024, 1, 1),
        who="principal",
        date="2024-01-01",
    )
    assert f.message("en") == "principal is overdue since 2024-01-01"
    assert Finding.model_validate_json(f.model_dump_json()) == f
    assert "training.overdue" in str(f)


def test_finding_rule_code_shape() -> None:
    with pytest.raises(pydantic.ValidationError):
        finding("Bad Code", Severity.INFO, "x", "y")


def test_schema_marks_optional_personal_data() -> None:
    class MaybePerson(Record):
        rid: PersonalResidentID | None = None
        phone: Phone | None = None

    props = MaybePerson.model_json_schema()["properties"]
    assert props["rid"]["anyOf"][0]["x-personal-data"] == "resident_id"
    assert props["phone"]["anyOf"][0]["x-personal-data"] == "phone"
