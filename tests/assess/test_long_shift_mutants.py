"""Long-shift reduction factor (GBZ 2.1-2019 A.7.3, Brief & Scala form, unverified): inputs and refusals.

Written against mutation testing (``scripts/dev.py mutate``): each assertion is something a caller sees.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import ohsreg.assess as oa
from ohsreg import catalogue
from ohsreg.errors import OhsregError
from ohsreg.vocab import Verdict

Refused = Callable[..., OhsregError]


def test_hours_may_be_quantities(refused: Refused) -> None:
    assert oa.daily_factor("600 min") == pytest.approx(oa.daily_factor(10))
    assert oa.weekly_factor("2880 min") == pytest.approx(oa.weekly_factor(48))
    for function, field in ((oa.daily_factor, "hours_per_day"), (oa.weekly_factor, "hours_per_week")):
        err = refused(function, "10 mg")
        assert (err.rule, err.field) == ("assess.unit", field)
        err = refused(function, 0)
        assert (err.rule, err.field) == ("assess.value", field)
        assert err.message("en").startswith(f"{field} must be a finite positive number, got 0")


@pytest.mark.parametrize(
    ("function", "field", "cap"),
    [(oa.daily_factor, "hours_per_day", 24), (oa.weekly_factor, "hours_per_week", 168)],
)
def test_a_whole_period_is_refused_with_its_message(
    function: Callable[[float], float], field: str, cap: int, refused: Refused
) -> None:
    err = refused(function, float(cap))
    assert (err.rule, err.field, err.params["cap"], err.params["value"]) == (
        "assess.duration",
        field,
        cap,
        cap,
    )
    assert err.message("en") == (
        f"{field} must be less than {cap} h (the model needs time to recover), got {float(cap)}"
    )


def test_reduction_factor_needs_some_hours(refused: Refused) -> None:
    err = refused(oa.reduction_factor)
    assert (err.rule, err.field) == ("assess.value", "hours_per_day")
    assert err.message("en") == "give hours_per_day or hours_per_week"


def test_reduction_factor_of_a_week_only() -> None:
    r = oa.reduction_factor(hours_per_week=48)
    assert (r.daily, r.weekly, r.basis) == (None, oa.weekly_factor(48), "weekly")
    assert (r.value, r.limit, r.verdict) == (oa.weekly_factor(48), None, Verdict.COMPLIES)


def test_reduction_factor_adjusts_limits_given_as_text_or_catalogue_objects() -> None:
    rf = oa.daily_factor(12)
    text = oa.reduction_factor(hours_per_day=12, limit="6 mg/m3")
    assert text.limit is not None
    assert (text.limit.kind, text.limit.value, text.limit.unit) == ("PC-TWA × RF", 6.0 * rf, "mg/m³")
    benzene = catalogue.limits_for("苯")  # catalogue: PC-TWA 3 mg/m³ (GBZ 2.1-2019)
    r = oa.reduction_factor(hours_per_day=12, limit=benzene)
    assert r.limit is not None
    assert (r.limit.value, r.limit.edition, r.limit.verified) == (
        pytest.approx(3.0 * rf),
        "GBZ 2.1-2019",
        False,
    )
