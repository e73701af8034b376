"""Properties of the rule functions over many inputs (kept small: max_examples is moderate)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from ohsreg import AccidentClass, accident_class, next_detection_due
from ohsreg.rules._calendar import add_months

DATES = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31))
RANK = {AccidentClass.GENERAL: 0, AccidentClass.MAJOR: 1, AccidentClass.EXTRAORDINARY: 2}


@settings(max_examples=200)
@given(DATES, st.integers(min_value=0, max_value=120))
def test_add_months_is_monotonic_and_close(day: dt.date, months: int) -> None:
    later = add_months(day, months)
    assert later >= day
    assert (later.year - day.year) * 12 + later.month - day.month == months
    assert later.day <= day.day
    assert add_months(day, months + 1) > later


@settings(max_examples=200)
@given(
    st.integers(min_value=0, max_value=200),
    st.integers(min_value=0, max_value=20),
    st.integers(min_value=0, max_value=20),
    st.integers(min_value=0, max_value=5),
)
def test_more_casualties_never_lower_the_class(acute: int, deaths: int, anthrax: int, more: int) -> None:
    base = accident_class(acute_cases=acute, deaths=deaths, anthrax_cases=anthrax).accident_class
    for bumped in (
        accident_class(acute_cases=acute + more, deaths=deaths, anthrax_cases=anthrax),
        accident_class(acute_cases=acute, deaths=deaths + more, anthrax_cases=anthrax),
        accident_class(acute_cases=acute, deaths=deaths, anthrax_cases=anthrax + more),
    ):
        assert bumped.accident_class is not None
        assert base is not None
        assert RANK[bumped.accident_class] >= RANK[base]


@settings(max_examples=100)
@given(
    st.dates(min_value=dt.date(2021, 2, 1), max_value=dt.date(2080, 1, 1)),
    st.sampled_from(["SERIOUS", "GENERAL"]),
)
def test_detection_done_on_the_due_day_is_on_time(last: dt.date, risk: str) -> None:
    first = next_detection_due(risk, last, as_of=last)
    assert first.due is not None
    assert not first.overdue(first.due)
    assert first.overdue(first.due + dt.timedelta(days=1))
    again = next_detection_due(risk, first.due, as_of=first.due)
    assert again.due is not None
    assert again.due > first.due
