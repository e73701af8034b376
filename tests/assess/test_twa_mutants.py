"""C_TWA (GBZ 2.1-2019 PC-TWA): units of the day and week, the edition picked, the duration refusal.

Written against mutation testing (``scripts/dev.py mutate``): each assertion is something a caller sees.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import ohsreg.assess as oa
from ohsreg.assess.twa import TWA_CLAUSE
from ohsreg.errors import OhsregError

Refused = Callable[..., OhsregError]


def test_shift_and_week_lengths_may_be_quantities(refused: Refused) -> None:
    r = oa.twa([(1.0, "30 min")], limit=6.0, shift_hours="600 min")
    assert (r.shift_hours, r.exposed_hours, r.segments) == (10.0, 0.5, ((1.0, 0.5),))
    week = oa.twa([(1.0, 8)], limit=6.0, hours_per_week="2880 min", adjust_long_shift=True)
    assert week.reduction_factor == pytest.approx(oa.weekly_factor(48))
    err = refused(oa.twa, [(1.0, 8)], limit=6.0, shift_hours="8 dB(A)")
    assert (err.rule, err.field) == ("assess.unit", "shift_hours")
    err = refused(oa.twa, [(1.0, 8)], limit=6.0, hours_per_week="40 mg")
    assert (err.rule, err.field) == ("assess.unit", "hours_per_week")


def test_zero_shift_or_week_is_refused_as_not_positive(refused: Refused) -> None:
    for kw in ({"shift_hours": 0}, {"hours_per_week": 0}):
        err = refused(oa.twa, [(1.0, 1)], limit=6.0, **kw)
        assert err.rule == "assess.value"
        assert err.message("en").startswith(f"{err.field} must be a finite positive number, got 0")


def test_duration_past_the_working_day_names_the_hours(refused: Refused) -> None:
    err = refused(oa.twa, [(1.0, 9)], limit=6.0)
    assert (err.rule, err.field, err.params["total"], err.params["cap"]) == (
        "assess.duration",
        "segments",
        9,
        8,
    )
    assert err.message("en") == (
        "durations sum to 9 h, past the working day of 8 h; "
        "check the durations or pass the real length of the working day"
    )


def test_edition_picks_the_limit_and_the_citation() -> None:
    # benzene (catalogue): PC-TWA 6 mg/m³ in GBZ 2.1-2007, 3 mg/m³ in GBZ 2.1-2019 with amendment No. 1
    old = oa.twa([(4.0, 8)], hazard="苯", edition="GBZ 2.1-2007")
    new = oa.twa([(4.0, 8)], hazard="苯")
    assert old.limit is not None
    assert new.limit is not None
    assert (old.limit.value, old.limit.edition) == (6.0, "GBZ 2.1-2007")
    assert old.clause == "GBZ 2.1-2007, PC-TWA (8 h working day)"
    assert (new.limit.value, new.clause) == (3.0, TWA_CLAUSE)
