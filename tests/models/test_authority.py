"""Regime of the supervising authority by date (2018 transfer)."""

from __future__ import annotations

import datetime as dt

import pytest

from ohsreg.models.authority import Authority, AuthorityKind, supervising_authority_kind


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        (dt.date(2012, 6, 1), AuthorityKind.WORK_SAFETY),
        (dt.date(2018, 3, 16), AuthorityKind.WORK_SAFETY),
        (dt.date(2018, 3, 17), AuthorityKind.TRANSITION),
        (dt.date(2018, 12, 28), AuthorityKind.TRANSITION),
        (dt.date(2018, 12, 29), AuthorityKind.HEALTH),
        (dt.date(2025, 1, 1), AuthorityKind.HEALTH),
    ],
)
def test_regime_boundaries(day: dt.date, kind: AuthorityKind) -> None:
    assert supervising_authority_kind(day) is kind


def test_authority_valid_on() -> None:
    safety = Authority(name="某市安全生产监督管理局", kind="WORK_SAFETY", level="MUNICIPAL", region="330100")
    assert safety.valid_on(dt.date(2016, 1, 1))
    assert safety.valid_on(dt.date(2018, 6, 1))
    assert not safety.valid_on(dt.date(2020, 1, 1))
    assert Authority(name="卫健委", kind="卫生健康主管部门", level="国家").kind is AuthorityKind.HEALTH
