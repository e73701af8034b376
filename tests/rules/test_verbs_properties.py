"""Properties of the rules verbs over many dates (hypothesis, moderate example counts)."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ohsreg.rules as rules
from ohsreg.errors import EditionError
from ohsreg.rules import declaration, project

DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
MODULES = st.sampled_from(rules.MODULES)


@settings(max_examples=300)
@given(MODULES, DATES)
def test_in_force_is_the_one_regime_that_applies(name: str, day: dt.date) -> None:
    mod = importlib.import_module(f"ohsreg.rules.{name}")
    try:
        applying = [r for r in mod.editions() if r.applies_on(day)]
    except EditionError:  # the day falls where a regime's first day is unknown: in_force refuses too
        with pytest.raises(EditionError, match=r"\[instruments\.date_unverified\]"):
            mod.in_force(day)
        return
    assert len(applying) <= 1
    assert mod.in_force(day) is (applying[0] if applying else None)


@settings(max_examples=200)
@given(DATES, st.integers(min_value=-40, max_value=40))
def test_project_deadlines_agree_with_the_on_time_functions(event: dt.date, offset: int) -> None:
    filed = event + dt.timedelta(days=offset)
    plan = project.acceptance_plan_due(event)
    assert plan.on_time(filed) is project.acceptance_plan_on_time(filed, event)
    report = project.written_report_due(event)
    assert report.on_time(filed) is project.written_report_on_time(filed, event)


@settings(max_examples=200)
@given(st.sampled_from(list(declaration.DeclarationEvent)), DATES, st.integers(min_value=-5, max_value=40))
def test_a_declaration_is_on_time_up_to_its_due_day(
    event: declaration.DeclarationEvent, day: dt.date, offset: int
) -> None:
    due = declaration.declaration_due(event, day)
    filed = day + dt.timedelta(days=offset)
    assert due.due == declaration.due_date(event, day)
    assert due.on_time(filed) is (0 <= offset <= declaration.deadline_days(event))
    assert due.overdue(filed) is (offset > declaration.deadline_days(event))
