"""Properties of the date rules over many dates (hypothesis, moderate example counts)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from ohsreg.rules import project as rules

DATES = st.dates(min_value=dt.date(2017, 5, 1), max_value=dt.date(2035, 12, 31))


@settings(max_examples=200)
@given(DATES, st.integers(min_value=0, max_value=400))
def test_trial_run_ok_iff_within_30_to_180(start: dt.date, days: int) -> None:
    end = start + dt.timedelta(days=days)
    assert rules.trial_run_ok(rules.trial_run_days(start, end)) is (30 <= days <= 180)


@settings(max_examples=200)
@given(DATES, st.integers(min_value=-5, max_value=60))
def test_plan_on_time_iff_at_least_20_days_ahead(acceptance: dt.date, before: int) -> None:
    reported = acceptance - dt.timedelta(days=before)
    assert rules.acceptance_plan_on_time(reported, acceptance) is (before >= 20)


@settings(max_examples=200)
@given(DATES, st.integers(min_value=-5, max_value=60))
def test_report_on_time_iff_within_20_days_after(done: dt.date, after: int) -> None:
    submitted = done + dt.timedelta(days=after)
    assert rules.written_report_on_time(submitted, done) is (0 <= after <= 20)
