"""Declaration deadlines (令第48号 第八条、第九条) at their boundaries, and the declaration record."""

from __future__ import annotations

import datetime as dt

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ohsreg import DeclarationEvent
from ohsreg.errors import UnknownEntry
from ohsreg.models import DeclarationTrigger, Enterprise, HazardDeclaration
from ohsreg.rules._catalogue import canonical_hazard
from ohsreg.rules.declaration import (
    deadline_days,
    declaration_applies,
    declaration_clause,
    due_date,
)

USCC = "91330523MA2B7QK00K"


@pytest.mark.parametrize(
    ("event", "days"),
    [
        ("NEW_PROJECT_ACCEPTED", 30),
        ("PROCESS_CHANGE", 15),
        ("BASIC_INFO_CHANGE", 15),
        ("DETECTION_RESULT_CHANGE", 15),
        ("TERMINATION", 15),
    ],
)
def test_deadlines(event: str, days: int) -> None:
    assert deadline_days(event) == days
    assert due_date(event, dt.date(2024, 2, 14)) == dt.date(2024, 2, 14) + dt.timedelta(days=days)


def test_deadline_boundaries_across_months_and_leap_years() -> None:
    assert due_date("NEW_PROJECT_ACCEPTED", dt.date(2024, 1, 31)) == dt.date(2024, 3, 1)
    assert due_date("NEW_PROJECT_ACCEPTED", dt.date(2023, 1, 31)) == dt.date(2023, 3, 2)
    assert due_date("TERMINATION", dt.date(2023, 12, 20)) == dt.date(2024, 1, 4)


def test_labels_are_accepted_and_unknown_events_refused() -> None:
    assert due_date("终止生产经营活动", dt.date(2024, 1, 1)) == dt.date(2024, 1, 16)
    with pytest.raises(UnknownEntry) as info:
        due_date("MOVED", dt.date(2024, 1, 1))
    assert info.value.rule == "vocab.unknown"


def test_clauses() -> None:
    assert declaration_clause("NEW_PROJECT_ACCEPTED").endswith("第八条第（一）项")
    assert declaration_clause(DeclarationEvent.TERMINATION).endswith("第九条")
    assert "令第48号" in declaration_clause()


def test_coal_mines_are_excluded() -> None:
    assert not declaration_applies("B06")
    assert not declaration_applies("b0620")
    assert declaration_applies("B0921")
    assert declaration_applies(None)


@given(
    st.dates(min_value=dt.date(2012, 6, 1), max_value=dt.date(2099, 1, 1)),
    st.sampled_from(list(DeclarationEvent)),
)
def test_due_is_after_event(day: dt.date, event: DeclarationEvent) -> None:
    assert (due_date(event, day) - day).days in (15, 30)


def _declaration(**update: object) -> HazardDeclaration:
    data: dict[str, object] = {
        "uscc": USCC,
        "enterprise_name": "安吉示例木业家具有限公司",
        "kind": "INITIAL",
        "filed_on": "2023-03-01",
        "items": [{"hazard": "噪声", "exposed_workers": 12}],
    }
    data.update(update)
    return HazardDeclaration.model_validate(data)


def _rule_of(err: pydantic.ValidationError) -> str:
    return str(err.errors()[0]["type"])


@pytest.mark.parametrize(
    ("update", "rule"),
    [
        ({"kind": "CHANGE"}, "declaration.event_missing"),
        (
            {"kind": "TERMINATION", "event": "PROCESS_CHANGE", "event_date": "2023-02-01"},
            "declaration.event_kind",
        ),
        ({"kind": "CHANGE", "event": "PROCESS_CHANGE"}, "declaration.event_date_missing"),
        ({"kind": "CHANGE", "event": "PROCESS_CHANGE", "event_date": "2023-03-02"}, "declaration.date_order"),
        ({"items": []}, "declaration.items_empty"),
        (
            {"items": [{"hazard": "噪声", "exposed_workers": 1}, {"hazard": "噪声", "exposed_workers": 2}]},
            "declaration.duplicate_hazard",
        ),
        ({"uscc": "91330523MA2B7QK00L"}, "uscc.checksum"),
        ({"filed_on": "2999-01-01"}, "record.future_date"),
    ],
)
def test_bad_declarations(update: dict[str, object], rule: str) -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        _declaration(**update)
    assert _rule_of(info.value) == rule


def test_negative_exposed_count_names_the_field() -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        _declaration(items=[{"hazard": "噪声", "exposed_workers": -1}])
    assert info.value.errors()[0]["loc"] == ("items", 0, "exposed_workers")


def test_termination_needs_no_items() -> None:
    d = _declaration(kind="TERMINATION", event="TERMINATION", event_date="2023-02-20", items=[])
    assert d.hazards == frozenset()


def test_validation_date_from_context() -> None:
    data = {
        "uscc": USCC,
        "enterprise_name": "x",
        "kind": "INITIAL",
        "filed_on": "2023-03-01",
        "items": [{"hazard": "噪声", "exposed_workers": 1}],
    }
    with pytest.raises(pydantic.ValidationError) as info:
        HazardDeclaration.model_validate(data, context={"as_of": dt.date(2023, 2, 28)})
    assert _rule_of(info.value) == "record.future_date"
    assert HazardDeclaration.model_validate(data, context={"as_of": dt.date(2023, 3, 1)}).filed_on == dt.date(
        2023, 3, 1
    )


def _with_trigger(
    wood: Enterprise, event: str, occurred: str, filings: list[HazardDeclaration]
) -> Enterprise:
    trigger = DeclarationTrigger(
        event=DeclarationEvent.parse(event), occurred_on=dt.date.fromisoformat(occurred)
    )
    return wood.model_copy(
        update={"declaration_triggers": (trigger,), "declarations": (*wood.declarations, *filings)}
    )


def test_change_declaration_due_day_is_on_time(wood: Enterprise) -> None:
    ent = _with_trigger(wood, "PROCESS_CHANGE", "2024-03-01", [])
    rules = {f.rule: f for f in ent.check(dt.date(2024, 3, 16))}
    assert "declaration.pending" in rules
    assert rules["declaration.pending"].due == dt.date(2024, 3, 16)
    assert "declaration.overdue" in {f.rule for f in ent.check(dt.date(2024, 3, 17))}


def test_late_and_timely_change_filings(wood: Enterprise) -> None:
    def filing(filed_on: str) -> HazardDeclaration:
        return _declaration(kind="CHANGE", event="PROCESS_CHANGE", event_date="2024-03-01", filed_on=filed_on)

    late = _with_trigger(wood, "PROCESS_CHANGE", "2024-03-01", [filing("2024-03-17")])
    assert "declaration.late" in {f.rule for f in late.check(dt.date(2024, 6, 1))}
    timely = _with_trigger(wood, "PROCESS_CHANGE", "2024-03-01", [filing("2024-03-16")])
    assert not {"declaration.late", "declaration.overdue"} & {
        f.rule for f in timely.check(dt.date(2024, 6, 1))
    }


def test_missing_declaration_and_coal_mines(wood: Enterprise) -> None:
    bare = wood.model_copy(update={"declarations": ()})
    assert "declaration.missing" in {f.rule for f in bare.check(dt.date(2025, 1, 1))}
    coal = bare.model_copy(update={"industry": "B0610"})
    rules = [f.rule for f in coal.check(dt.date(2025, 1, 1)) if f.rule.startswith("declaration.")]
    assert rules == ["declaration.not_applicable"]


def test_missing_hazards_keeps_order() -> None:
    d = _declaration()
    # stored as catalogue keys once the reference catalogue resolves the names
    assert d.missing_hazards(["苯", "噪声", "苯", "木粉尘"]) == [
        canonical_hazard("苯"),
        canonical_hazard("木粉尘"),
    ]
