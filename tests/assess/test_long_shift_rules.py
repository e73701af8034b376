"""The long-shift reduction factor (GBZ 2.1-2019 A.7.3, Brief & Scala form) at its boundaries."""

from __future__ import annotations

import pytest

from ohsreg import assess
from ohsreg.errors import OhsregError
from ohsreg.vocab import Verdict


@pytest.mark.parametrize(
    ("hours", "rf"),
    [(1, 1.0), (4, 1.0), (8, 1.0), (10, 0.7), (12, 0.5), (16, 0.25), (23.5, 8 / 23.5 * 0.5 / 16)],
)
def test_daily_factor(hours: float, rf: float) -> None:
    assert assess.daily_factor(hours) == pytest.approx(rf)


@pytest.mark.parametrize(("hours", "rf"), [(20, 1.0), (40, 1.0), (48, 0.78125), (60, 40 / 60 * 108 / 128)])
def test_weekly_factor(hours: float, rf: float) -> None:
    assert assess.weekly_factor(hours) == pytest.approx(rf)


@pytest.mark.parametrize(("function", "cap"), [(assess.daily_factor, 24), (assess.weekly_factor, 168)])
def test_a_whole_period_of_exposure_is_refused(function: object, cap: int) -> None:
    assert callable(function)
    assert 0 < function(cap - 0.01) < 0.01  # just below the period: a tiny factor, still defined
    for hours in (cap, cap + 1):
        with pytest.raises(OhsregError) as err:
            function(hours)
        assert err.value.rule == "assess.duration"
        assert err.value.params["cap"] == cap
    with pytest.raises(OhsregError) as zero:
        function(0)
    assert zero.value.rule == "assess.value"


def test_reduction_factor_takes_the_smaller_factor_and_says_which() -> None:
    daily = assess.reduction_factor(hours_per_day=10, hours_per_week=48, limit=6.0)
    assert (daily.value, daily.basis) == (pytest.approx(0.7), "daily")
    assert daily.daily == pytest.approx(0.7)
    assert daily.weekly == pytest.approx(0.78125)
    assert daily.limit is not None
    assert daily.limit.value == pytest.approx(4.2)
    assert daily.limit.kind == "PC-TWA × RF"
    assert daily.limit.verified is False
    assert [m.render("en") for m in daily.reasons] == ["daily reduction factor"]
    weekly = assess.reduction_factor(hours_per_day=9, hours_per_week=60)
    assert weekly.basis == "weekly"
    assert weekly.value == pytest.approx(assess.weekly_factor(60))
    assert weekly.limit is None
    assert [m.render("en") for m in weekly.reasons] == ["weekly reduction factor"]


def test_reduction_factor_is_an_adjustment_always_unverified() -> None:
    short = assess.reduction_factor(hours_per_day=8)
    assert short.value == 1.0
    assert short.verdict is Verdict.NOT_APPLICABLE
    long = assess.reduction_factor(hours_per_day=8.5)
    assert long.value < 1.0
    assert long.verdict is Verdict.COMPLIES
    for result in (short, long):
        assert result.verified is False
        assert result.clause == "GBZ 2.1-2019 A.7.3 (Brief & Scala formula, unverified)"
        assert result.quantity == "RF"
        assert result.unit == "1"
    with pytest.raises(OhsregError) as err:
        assess.reduction_factor()
    assert (err.value.rule, err.value.field) == ("assess.value", "hours_per_day")
