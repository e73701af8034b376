"""Catalogue queries: arbitrary queries, editions and dates give an answer or a rule error."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ohsreg import catalogue
from ohsreg.errors import OhsregError

ROBUST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

QUERY = st.text(alphabet="苯乙烯矽尘一氧化碳byxBENZENEbenzene71-43-2ＢＥＮ（）\x00 ", max_size=12)


@ROBUST
@given(data=st.data())
def test_catalogue_queries(kit: Any, data: st.DataObject) -> None:
    query = data.draw(QUERY | kit.anything())
    option = data.draw(kit.anything() | st.dates() | st.sampled_from(["GBZ 2.1-2019", "2024", "2013"]))
    for call in (
        lambda: catalogue.lookup(query),
        lambda: catalogue.get(query),
        lambda: catalogue.search(query),
        lambda: catalogue.search("苯", limit=option),
        lambda: catalogue.limits_for(query),
        lambda: catalogue.limits_for("苯", edition=option),
        lambda: catalogue.limits_for("苯", as_of=option),
        lambda: catalogue.risk_class(query),
        lambda: catalogue.risk_class("C2614", as_of=option),
        lambda: catalogue.risk_class("C2614", edition=option),
        lambda: catalogue.diseases_in_force(option),
        lambda: catalogue.diseases_in_force(edition=option),
        lambda: catalogue.limits_for("一氧化碳").select(query),
        lambda: catalogue.limits_for("矽尘").for_free_silica(option),
    ):
        kit.check(call)


@pytest.mark.parametrize("bad", [[], {}, None, 1, b"x", dt.date(2020, 1, 1)])
def test_search_refuses_non_text(bad: Any) -> None:
    with pytest.raises(OhsregError) as err:
        catalogue.search(bad)
    assert err.value.rule == "catalogue.argument_type"
    assert err.value.field == "query"


def test_a_datetime_is_not_silently_a_date() -> None:
    with pytest.raises(OhsregError) as err:
        catalogue.limits_for("苯", as_of=dt.datetime(2021, 1, 1, 8))
    assert (err.value.rule, err.value.field) == ("catalogue.argument_type", "as_of")
    assert "datetime" in err.value.message("en")
