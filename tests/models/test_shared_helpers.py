"""The helpers every record module shares: rule errors, date order, agency references, calendar sums."""

from __future__ import annotations

import datetime as dt

import pydantic
import pytest
from pydantic_core import PydanticCustomError

from ohsreg.models.base import AgencyRef, require_order, rule_error
from ohsreg.models.detection import DetectionReport
from ohsreg.models.project import AgencyRef as ProjectAgencyRef
from ohsreg.rules._calendar import add_months, add_years, period_last_day

D1, D2 = dt.date(2024, 1, 1), dt.date(2024, 1, 2)


def test_rule_error_carries_code_field_and_hint() -> None:
    err = rule_error("{a} after {b}", rule="demo.date_order", field="a", hint="swap them", a="x", b="y")
    assert err.type == "demo.date_order"
    assert err.context is not None
    assert err.context["field"] == "a"
    assert "x after y" in str(err)
    assert "swap them" in str(err)


@pytest.mark.parametrize(
    ("first", "then", "strict", "raises"),
    [
        (D1, D2, False, False),
        (D1, D1, False, False),
        (D1, D1, True, True),
        (D2, D1, False, True),
        (None, D1, False, False),
        (D2, None, True, False),
    ],
)
def test_require_order(first: dt.date | None, then: dt.date | None, strict: bool, raises: bool) -> None:
    def call() -> None:
        require_order(
            ("start", first), ("end", then), "{end} before {start}", rule="d.o", field="end", strict=strict
        )

    if raises:
        with pytest.raises(PydanticCustomError) as info:
            call()
        assert info.value.type == "d.o"
        assert info.value.context is not None
        assert first is not None
        assert info.value.context["start"] == first.isoformat()
    else:
        call()


def test_date_order_rule_reaches_pydantic_with_its_code() -> None:
    from ohsreg.models.expert import Period

    with pytest.raises(pydantic.ValidationError) as info:
        Period(start=D2, end=D1)
    (err,) = info.value.errors()
    assert err["type"] == "expert.period_order"
    assert err["ctx"]["field"] == "end"


def test_agency_ref_takes_a_bare_name_everywhere() -> None:
    assert ProjectAgencyRef is AgencyRef
    assert AgencyRef.model_validate("示例检测公司") == AgencyRef(name="示例检测公司")
    report = DetectionReport.model_validate(
        {"report_no": "JC-1", "agency": "示例检测公司", "completed_on": "2024-05-10"},
        context={"as_of": dt.date(2025, 1, 1)},
    )
    assert report.agency == AgencyRef(name="示例检测公司")
    assert report.model_dump(mode="json")["agency"] == {"name": "示例检测公司", "uscc": None}
    assert DetectionReport.model_validate_json(report.model_dump_json()) == report
    with pytest.raises(pydantic.ValidationError):
        AgencyRef.model_validate("")


def test_event_dates_are_checked_against_context_as_of() -> None:
    data = {"report_no": "JC-1", "agency": "x", "completed_on": "2024-05-10"}
    with pytest.raises(pydantic.ValidationError) as info:
        DetectionReport.model_validate(data, context={"as_of": dt.date(2024, 5, 9)})
    assert info.value.errors()[0]["type"] == "record.future_date"
    as_datetime = dt.datetime(2024, 5, 10, 23, 0)
    assert DetectionReport.model_validate(data, context={"as_of": as_datetime}).completed_on == dt.date(
        2024, 5, 10
    )


def test_calendar_sums() -> None:
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_years(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)
    assert add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    # 民法典第二百零一条、第二百零二条: the first day is not counted; the period ends on the corresponding
    # day of the final month, else on that month's last day
    assert period_last_day(dt.date(2016, 3, 1), years=5) == dt.date(2021, 3, 1)
    assert period_last_day(dt.date(2020, 2, 29), years=5) == dt.date(2025, 2, 28)
    assert period_last_day(dt.date(2020, 2, 29), years=4) == dt.date(2024, 2, 29)
    assert period_last_day(dt.date(2019, 2, 28), years=5) == dt.date(2024, 2, 28)
    assert period_last_day(dt.date(2024, 8, 31), months=6) == dt.date(2025, 2, 28)
