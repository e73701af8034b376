"""``ExpertPool.check(as_of)``: the experts of a pool that no longer meet its conditions on a date.

Rule codes ``pool.*`` (see the rule table), each citing the pool's own rules (:class:`~ohsreg.models.expert.PoolRules`,
marked when not verified); the records and the draw are in :mod:`ohsreg.models.expert`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ohsreg.checks._finding import Findings
from ohsreg.models.base import Finding
from ohsreg.models.expert import ExpertPool, ExpertStatus
from ohsreg.rules._calendar import add_years, check_date
from ohsreg.vocab import Severity

__all__ = ["PoolRule", "check_pool"]

PoolRule = Literal[
    "pool.expert_below_rules",
    "pool.term_ended",
    "pool.term_too_long",
]
"""The rule codes of the expert-pool checks (``ExpertPool.check``), as documented in the rule table; :data:`finding` accepts no other."""

finding = Findings[PoolRule]()
"""Builds the findings of this module: :func:`ohsreg.models.finding` typed by :data:`PoolRule`."""


def check_pool(pool: ExpertPool, *, as_of: dt.date) -> list[Finding]:
    """Experts of ``pool`` that no longer meet its rules, or whose term is over or too long, on ``as_of``."""
    check_date(as_of, "as_of")
    clause = pool.rules.source + ("" if pool.rules.verified else "（未核实）")
    out: list[Finding] = []
    for index, expert in enumerate(pool.experts):
        subject = f"experts[{index}]"
        for code in pool._below_rules(expert):  # the pool's own conditions, shared with its draw
            out.append(
                finding(
                    "pool.expert_below_rules",
                    Severity.WARNING,
                    clause,
                    "expert {id} does not meet the pool conditions ({reason})",
                    subject=subject,
                    id=expert.id,
                    reason=code,
                )
            )
        if expert.status is ExpertStatus.ACTIVE and as_of > expert.term_end:
            out.append(
                finding(
                    "pool.term_ended",
                    Severity.WARNING,
                    clause,
                    "the term of expert {id} ended on {end}: renew or withdraw",
                    subject=subject,
                    due=expert.term_end,
                    id=expert.id,
                    end=expert.term_end.isoformat(),
                )
            )
        limit = pool.rules.max_term_years
        if limit is not None and expert.term_end > add_years(expert.term_start, limit):
            out.append(
                finding(
                    "pool.term_too_long",
                    Severity.WARNING,
                    clause,
                    "the term of expert {id} is longer than {years} years",
                    subject=subject,
                    id=expert.id,
                    years=limit,
                )
            )
    return out
