"""Vocabularies: labels, lookup, pydantic behaviour, JSON Schema and open terms."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

import ohsreg.vocab as vocab
from ohsreg.errors import OhsregError
from ohsreg.i18n import use
from ohsreg.vocab import (
    Custom,
    HazardCategory,
    HazardGrade,
    LabeledEnum,
    LimitType,
    OpenTerm,
    QualificationLevel,
    WorkIntensity,
)

ENUMS = [getattr(vocab, n) for n in vocab.__all__ if n not in {"LabeledEnum", "Custom", "OpenTerm"}]


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_member_is_complete_and_unambiguous(enum: type[LabeledEnum]) -> None:
    seen: dict[str, LabeledEnum] = {}
    for member in enum:
        assert member.code == member.value
        assert member.zh
        assert member.en
        assert enum.parse(member.code) is member
        assert enum.parse(member.zh) is member
        assert enum.parse(member.en.upper()) is member
        assert member.label("en") == member.en
        assert member.label("zh_CN") == member.zh
        for key in (member.code, member.zh, member.en):
            assert seen.setdefault(key.casefold(), member) is member
    assert len(list(enum)) >= 3


def test_seed_codes() -> None:
    assert [m.code for m in HazardCategory] == [
        "DUST", "CHEMICAL", "PHYSICAL", "RADIOLOGICAL", "BIOLOGICAL", "OTHER"
    ]  # fmt: skip
    assert [m.code for m in LimitType] == ["MAC", "PC_TWA", "PC_STEL", "PE", "BIOLOGICAL"]
    assert [m.zh for m in HazardGrade] == ["相对无害", "轻度", "中度", "重度", "极重"]
    assert QualificationLevel.parse("甲级") is QualificationLevel.CLASS_A
    assert WorkIntensity.parse("Ⅲ") is WorkIntensity.III
    assert HazardGrade.parse("Ⅳ级") is HazardGrade.GRADE_IV


def test_label_follows_active_locale() -> None:
    assert LimitType.MAC.label() == "最高容许浓度"
    with use("en"):
        assert LimitType.MAC.label() == "maximum allowable concentration"


class Record(BaseModel):
    category: HazardCategory
    limit: LimitType = LimitType.PC_TWA
    extra: OpenTerm[HazardCategory] | None = None


def test_pydantic() -> None:
    r = Record(category="粉尘", limit="pc-stel")
    assert r.category is HazardCategory.DUST
    assert r.limit is LimitType.PC_STEL
    assert r.model_dump_json() == '{"category":"DUST","limit":"PC_STEL","extra":null}'
    assert Record.model_validate_json(r.model_dump_json()) == r
    schema = Record.model_json_schema()
    assert schema["properties"]["category"]["enum"] == [m.code for m in HazardCategory]


def test_unknown_term() -> None:
    with pytest.raises(ValidationError) as info:
        Record(category="dusty")
    error = info.value.errors()[0]
    assert error["type"] == "vocab.unknown"
    assert error["loc"] == ("category",)
    assert "不是" in error["ctx"]["message_zh"]
    with pytest.raises(OhsregError) as exc:
        HazardCategory.parse("DUSt!")
    assert exc.value.params["suggestions"]


def test_open_term() -> None:
    assert Record(category="DUST", extra="生物因素").extra is HazardCategory.BIOLOGICAL
    r = Record(category="DUST", extra={"custom": "纳米材料"})
    assert r.extra == Custom("纳米材料")
    assert r.model_dump()["extra"] == {"custom": "纳米材料"}
    assert Record.model_validate_json(r.model_dump_json()) == r
    with pytest.raises(ValidationError):
        Record(category="DUST", extra="纳米材料")  # not flagged custom
    with pytest.raises(ValidationError):
        Record(category="DUST", extra={"custom": "  "})
