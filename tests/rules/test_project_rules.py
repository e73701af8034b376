"""Pure three-simultaneities rules at their boundaries (令第90号)."""

from __future__ import annotations

import datetime as dt

import pytest

from ohsreg.rules import project as rules
from ohsreg.vocab import RiskClass

DAY = dt.timedelta(days=1)


@pytest.mark.parametrize(("days", "ok"), [(29, False), (30, True), (180, True), (181, False)])
def test_trial_run_bounds(days: int, ok: bool) -> None:
    start = dt.date(2024, 1, 1)
    assert rules.trial_run_days(start, start + days * DAY) == days
    assert rules.trial_run_ok(days) is ok


def test_trial_run_industry_bounds() -> None:
    assert rules.trial_run_ok(200, maximum=365)
    assert not rules.trial_run_ok(20, minimum=25)


@pytest.mark.parametrize(("before", "ok"), [(21, True), (20, True), (19, False), (0, False)])
def test_acceptance_plan_20_days_before(before: int, ok: bool) -> None:
    acceptance = dt.date(2024, 6, 21)
    assert rules.acceptance_plan_on_time(acceptance - before * DAY, acceptance) is ok
    assert rules.acceptance_plan_deadline(acceptance) == acceptance - 20 * DAY


@pytest.mark.parametrize(("after", "ok"), [(0, True), (19, True), (20, True), (21, False), (-1, False)])
def test_written_report_within_20_days(after: int, ok: bool) -> None:
    done = dt.date(2024, 2, 20)  # across the end of February (leap year)
    assert rules.written_report_on_time(done + after * DAY, done) is ok
    assert rules.written_report_deadline(done) == dt.date(2024, 3, 11)


def test_only_serious_projects_need_external_reviewers_and_the_report() -> None:
    assert rules.external_review_required(RiskClass.SERIOUS)
    assert rules.written_report_required(RiskClass.SERIOUS)
    for rc in (RiskClass.GENERAL, RiskClass.RELATIVELY_SERIOUS):
        assert not rules.external_review_required(rc)
        assert not rules.written_report_required(rc)


def test_more_serious_is_symmetric() -> None:
    order = [RiskClass.GENERAL, RiskClass.RELATIVELY_SERIOUS, RiskClass.SERIOUS]
    for i, a in enumerate(order):
        for j, b in enumerate(order):
            assert rules.more_serious(a, b) is order[max(i, j)]


@pytest.mark.parametrize(
    ("on", "code"),
    [
        (dt.date(2012, 5, 31), "ORDER_49_2006"),
        (dt.date(2012, 6, 1), "ORDER_51_2012"),
        (dt.date(2017, 4, 30), "ORDER_51_2012"),
        (dt.date(2017, 5, 1), "ORDER_90_2017"),
    ],
)
def test_regime_by_date(on: dt.date, code: str) -> None:
    assert rules.regime(on).code == code


def test_articles_cite_order_90() -> None:
    assert rules.ARTICLE_TRIAL_RUN.endswith("第二十三条")
    assert rules.ARTICLE_CONTROL_EFFECT.endswith("第二十四条")
    assert rules.ARTICLE_PRE_EVALUATION_REVIEW.endswith("第十二条")
    assert "未核实" in rules.ARTICLE_ACCEPTANCE_PLAN
