"""Sampled messages read well in both languages (see tests/i18n/test_completeness.py for coverage)."""

from __future__ import annotations

import datetime as dt

import pytest

from ohsreg.errors import OhsregError, RuleViolation
from ohsreg.models import finding
from ohsreg.rules.enforcement import accident_class
from ohsreg.vocab import HazardCategory, Severity


def test_zh_joins_message_and_hint_with_a_full_width_semicolon() -> None:
    with pytest.raises(OhsregError) as info:
        HazardCategory.parse("dusty")
    assert "；请使用" in info.value.message("zh_CN")
    assert "; use one of" in info.value.message("en")


def test_a_template_may_name_its_field() -> None:
    with pytest.raises(RuleViolation) as info:
        accident_class(deaths=-1)
    err = info.value
    assert err.message("en") == "deaths must be a non-negative whole number, got '-1'"
    assert err.message("zh_CN").startswith("deaths 应为非负整数")
    assert str(err).startswith("deaths must be")  # the field is not repeated in front


def test_a_finding_template_may_name_its_deadline() -> None:
    f = finding(
        "project.written_report_missing",
        Severity.ERROR,
        "令第90号",
        "the written report of a serious-risk project was due to the authority by {due}",
        due=dt.date(2024, 5, 18),
    )
    assert f.message("en").endswith("by 2024-05-18")
    assert "2024-05-18 前" in f.message("zh_CN")


def test_field_prefix_stays_when_the_template_does_not_name_it() -> None:
    err = OhsregError(
        "division code {code!r} is unknown", rule="division.unknown", field="division", code="1"
    )
    assert str(err).startswith("division: division code '1'")


def test_a_lone_surrogate_does_not_break_the_pydantic_error() -> None:
    import pydantic

    with pytest.raises(pydantic.ValidationError) as info:
        pydantic.TypeAdapter(HazardCategory).validate_python("\ud800")
    (error,) = info.value.errors()
    assert error["type"] == "vocab.unknown"
    assert error["ctx"]["value"] == "\\ud800"
    assert "vocab.unknown" in str(info.value)
