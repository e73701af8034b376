"""C_TWA rule by rule: the 8 h divisor, the day and week boundaries, ``as_of``, the long-shift factor, ``verified``.

Each test pins one decision of :func:`ohsreg.assess.twa` so that changing it (a boundary moved by one, a
flag flipped, a reason dropped) fails here (mutation testing, issue #17).
"""

from __future__ import annotations

import datetime as dt

import pytest

from ohsreg import assess
from ohsreg.errors import OhsregError
from ohsreg.vocab import Verdict


def _reasons(result: assess.TwaAssessment) -> list[str]:
    return [m.render("en") for m in result.reasons]


def test_the_day_is_divided_by_8_hours_whatever_the_shift() -> None:
    r = assess.twa([(4.5, 3), (1.2, 5)], limit=6.0)
    assert r.value == pytest.approx((4.5 * 3 + 1.2 * 5) / 8)
    assert r.exposed_hours == 8.0
    assert r.shift_hours == 8.0
    assert r.segments == ((4.5, 3.0), (1.2, 5.0))
    assert r.quantity == "C_TWA"
    assert r.unit == "mg/m³"
    long_day = assess.twa([(8.0, 10)], limit=20.0, shift_hours=10)
    assert long_day.value == 10.0  # 8 × 10 / 8, not / 10
    assert long_day.shift_hours == 10.0
    assert long_day.exposed_hours == 10.0


def test_a_value_at_the_limit_complies_and_above_it_exceeds() -> None:
    assert assess.twa([(6.0, 8)], limit=6.0).verdict is Verdict.COMPLIES
    assert assess.twa([(6.000001, 8)], limit=6.0).verdict is Verdict.EXCEEDS


def test_durations_may_not_pass_the_working_day() -> None:
    with pytest.raises(OhsregError) as err:
        assess.twa([(1.0, 8.5)], limit=6.0)
    assert err.value.rule == "assess.duration"
    assert assess.twa([(1.0, 8.5)], limit=6.0, shift_hours=8.5).exposed_hours == 8.5
    with pytest.raises(OhsregError) as zero:
        assess.twa([(1.0, 1)], limit=6.0, shift_hours=0)
    assert zero.value.field == "shift_hours"


def test_as_of_picks_the_limit_in_force_and_changes_the_verdict() -> None:
    # benzene: PC-TWA 6 mg/m³ before GBZ 2.1-2019 amendment No. 1, 3 mg/m³ after (catalogue)
    before = assess.twa([(4.0, 8)], hazard="苯", as_of=dt.date(2021, 1, 1))
    after = assess.twa([(4.0, 8)], hazard="苯")
    assert (before.limit.value, before.verdict) == (6.0, Verdict.COMPLIES)
    assert (after.limit.value, after.verdict) == (3.0, Verdict.EXCEEDS)
    assert after.verified is True
    assert before.verified is before.limit.verified  # the assessment inherits the row's verification


def test_an_explicit_limit_on_an_8_hour_day_is_verified_and_gives_no_reasons() -> None:
    r = assess.twa([(1.0, 8)], limit=6.0)
    assert r.verified is True
    assert r.reasons == ()
    assert r.reduction_factor is None
    assert r.clause == "GBZ 2.1-2019, PC-TWA (8 h working day)"
    assert r.limit.kind == "PC-TWA"


@pytest.mark.parametrize(("shift", "long"), [(8.0, False), (8.01, True), (12.0, True)])
def test_a_day_longer_than_8_hours_is_pointed_out(shift: float, long: bool) -> None:
    r = assess.twa([(1.0, 8)], limit=6.0, shift_hours=shift)
    expected = [f"working day of {shift:g} h is longer than 8 h: consider adjust_long_shift=True"]
    assert _reasons(r) == (expected if long else [])
    assert r.limit.value == 6.0  # only pointed out, not applied
    assert r.verified is True


@pytest.mark.parametrize(("week", "long"), [(40.0, False), (40.5, True), (None, False)])
def test_a_week_longer_than_40_hours_is_pointed_out(week: float | None, long: bool) -> None:
    r = assess.twa([(1.0, 8)], limit=6.0, hours_per_week=week)
    assert _reasons(r) == (["working week longer than 40 h: consider adjust_long_shift=True"] if long else [])


def test_adjust_long_shift_applies_the_reduction_factor_and_marks_the_result_unverified() -> None:
    r = assess.twa([(1.0, 10)], limit=6.0, shift_hours=10, adjust_long_shift=True)
    rf = assess.daily_factor(10)
    assert rf == pytest.approx(0.7)  # Brief & Scala: 8/10 × (24 − 10)/16
    assert r.reduction_factor == pytest.approx(rf)
    assert r.limit.value == pytest.approx(6.0 * rf)
    assert r.limit.kind == "PC-TWA × RF"
    assert r.limit.verified is False
    assert r.verified is False
    assert r.clause == "GBZ 2.1-2019, PC-TWA (8 h working day); A.7.3 (reduction factor)"
    assert _reasons(r) == ["limit reduced by the long-shift factor RF = 0.700"]
    # 4 mg/m³ for 10 h is C_TWA 5 mg/m³: within 6, not within 6 × 0.7 = 4.2
    assert assess.twa([(5.0, 10)], limit=6.0, shift_hours=10).verdict is Verdict.EXCEEDS
    assert assess.twa([(4.0, 10)], limit=6.0, shift_hours=10).verdict is Verdict.COMPLIES
    assert (
        assess.twa([(4.0, 10)], limit=6.0, shift_hours=10, adjust_long_shift=True).verdict is Verdict.EXCEEDS
    )


def test_the_weekly_factor_applies_when_the_week_is_long() -> None:
    r = assess.twa([(1.0, 8)], limit=6.0, hours_per_week=48, adjust_long_shift=True)
    assert r.reduction_factor == pytest.approx(assess.weekly_factor(48))
    assert r.reduction_factor < 1.0
    assert r.verified is False
    on_time = assess.twa([(1.0, 8)], limit=6.0, hours_per_week=40, adjust_long_shift=True)
    assert on_time.reduction_factor is None
    assert on_time.verified is True
    with pytest.raises(OhsregError) as err:
        assess.twa([(1.0, 8)], limit=6.0, hours_per_week=0)
    assert err.value.field == "hours_per_week"


def test_adjust_long_shift_on_an_8_hour_day_changes_nothing() -> None:
    r = assess.twa([(1.0, 8)], limit=6.0, adjust_long_shift=True)
    assert r.reduction_factor is None
    assert r.limit.value == 6.0
    assert r.verified is True


def test_a_limit_object_without_pc_twa_is_not_applicable_but_still_computed() -> None:
    no_twa = assess.AppliedLimit(kind="MAC", value=1.0, unit="mg/m³")

    class OnlyMac:
        pc_twa = None
        mac = no_twa

    r = assess.twa([(2.0, 4)], limit=OnlyMac(), shift_hours=12, adjust_long_shift=True)
    assert r.verdict is Verdict.NOT_APPLICABLE
    assert r.value == 1.0
    assert r.limit is None
    assert r.reduction_factor is None  # nothing to reduce
    assert _reasons(r) == ["the substance has no PC-TWA"]
    assert r.verified is True
