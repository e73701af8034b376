"""Records refuse what pydantic would convert silently, each with a rule code (issue #17 item 5)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pydantic
import pytest

from ohsreg.models import Accident, Authority, Enterprise, TrainingRecord, Worker
from ohsreg.models.agency import ProfessionalStaff
from ohsreg.models.base import INT64_MAX, MAX_COUNT
from ohsreg.models.project import TrialOperation

TRAINING = {"kind": "INITIAL", "date": "2024-03-01", "hours": 16}
AUTHORITY = {"name": "杭州市卫生健康委员会", "kind": "HEALTH", "level": "MUNICIPAL", "region": "330100"}
STAFF = {"name": "张三", "title": "SENIOR", "speciality": "职业卫生", "years": 10}


def _type(model: type[pydantic.BaseModel], data: dict[str, Any]) -> str:
    with pytest.raises(pydantic.ValidationError) as err:
        model.model_validate(data)
    return str(err.value.errors()[0]["type"])


@pytest.mark.parametrize(
    ("model", "data", "rule"),
    [
        (TrainingRecord, {**TRAINING, "hours": True}, "record.type"),
        (TrainingRecord, {**TRAINING, "date": "2024-03-01T00:00:00"}, "record.type"),
        (TrainingRecord, {**TRAINING, "date": "1709251200"}, "record.type"),
        (TrainingRecord, {**TRAINING, "hours": float("nan")}, "finite_number"),
        (Accident, {"occurred_at": 0}, "record.type"),
        (Accident, {"occurred_at": "0"}, "record.type"),
        (Accident, {"occurred_at": "2024-01-01T08:00", "deaths": MAX_COUNT + 1}, "record.too_large"),
        (Accident, {"occurred_at": "2024-01-01T08:00", "deaths": True}, "record.type"),
        (Authority, {**AUTHORITY, "name": "卫生\x00健康委"}, "record.text"),
        (Authority, {**AUTHORITY, "name": 12}, "record.text"),
        (Authority, {**AUTHORITY, "name": "卫生\ud800健康委"}, "record.text"),
        (ProfessionalStaff, {**STAFF, "full_time": "yes"}, "record.type"),
        (ProfessionalStaff, {**STAFF, "full_time": 1}, "record.type"),
        (ProfessionalStaff, {**STAFF, "full_time": "0"}, "record.type"),
    ],
    ids=repr,
)
def test_silent_conversions_are_refused(
    model: type[pydantic.BaseModel], data: dict[str, Any], rule: str
) -> None:
    assert _type(model, data) == rule


def test_what_stays_accepted() -> None:
    assert TrainingRecord.model_validate({**TRAINING, "hours": "16"}).hours == 16.0
    assert TrainingRecord.model_validate({**TRAINING, "hours": 16}).date == dt.date(2024, 3, 1)
    a = Accident.model_validate({"occurred_at": "2024-01-01 08:00:30", "deaths": 6.0, "acute_cases": "3"})
    assert (a.deaths, a.acute_cases) == (6, 3)
    assert ProfessionalStaff.model_validate({**STAFF, "full_time": False}).full_time is False
    assert (
        Accident.model_validate({"occurred_at": "2024-01-01T08:00", "deaths": MAX_COUNT}).deaths == MAX_COUNT
    )


def test_every_whole_number_fits_64_bits() -> None:
    # a count without a maximum of its own still fits Parquet's int64 (the export crashed at 2**63)
    data = {"start": "2024-01-01", "industry_rule": "示例行业规定"}
    with pytest.raises(pydantic.ValidationError) as err:
        TrialOperation.model_validate({**data, "min_days": INT64_MAX + 1})
    assert err.value.errors()[0]["type"] == "record.too_large"
    assert (
        "最大" in err.value.errors()[0]["ctx"]["message_zh"]
        or "不得大于" in err.value.errors()[0]["ctx"]["message_zh"]
    )
    assert TrialOperation.model_validate({**data, "min_days": INT64_MAX}).min_days == INT64_MAX


def test_bounds_show_in_the_json_schema() -> None:
    props = Enterprise.model_json_schema(mode="serialization")["$defs"]["JobPost"]["properties"]
    assert props["workers"]["maximum"] == MAX_COUNT
    days = TrialOperation.model_json_schema(mode="serialization")["properties"]["min_days"]["anyOf"][0]
    assert (days["minimum"], days["maximum"]) == (0, INT64_MAX)


@pytest.mark.parametrize(
    ("occurred", "reported"),
    [("2024-01-01T08:00", "2024-01-01T09:00+08:00"), ("2024-01-01T08:00+08:00", "2024-01-01T09:00")],
)
def test_accident_refuses_naive_and_aware_times_together(occurred: str, reported: str) -> None:
    # it raised TypeError comparing the two
    with pytest.raises(pydantic.ValidationError) as err:
        Accident.model_validate({"occurred_at": occurred, "reported_at": reported})
    assert err.value.errors()[0]["type"] == "accident.timezone_mixed"


def test_accident_orders_times_of_one_kind() -> None:
    Accident.model_validate({"occurred_at": "2024-01-01T08:00", "reported_at": "2024-01-01T09:00"})
    Accident.model_validate({"occurred_at": "2024-01-01T08:00+08:00", "reported_at": "2024-01-01T01:00Z"})
    with pytest.raises(pydantic.ValidationError) as err:
        Accident.model_validate({"occurred_at": "2024-01-01T08:00+08:00", "reported_at": "2023-12-31T23:00Z"})
    assert err.value.errors()[0]["type"] == "accident.date_order"


def test_validation_errors_do_not_print_personal_data() -> None:
    worker = {
        "id": "W1",
        "name": "张三丰" * 30,
        "resident_id": "11010519491231002Y",
        "placed_on": "2020-01-01",
    }
    for call in (
        lambda: Worker.model_validate(worker),
        lambda: Worker.model_validate_json(json.dumps(worker)),
        lambda: Enterprise.model_validate({"uscc": "91110000600037341L", "workers": [worker]}),
    ):
        with pytest.raises(pydantic.ValidationError) as err:
            call()
        text = str(err.value)
        assert "张三丰" not in text
        assert "11010519491231002Y" not in text
        assert "name" in text  # still names the field
