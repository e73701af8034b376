"""Occupational-health management staffing: when an organisation and full-time managers are required.

**令第5号** 《工作场所职业卫生管理规定》 (国家卫生健康委令第5号, in force 2021-02-01) **Art. 8**, and the
same article of its predecessor **令第47号** (in force 2012-06-01 to 2021-01-31):

- an employer whose occupational hazards are **serious** (职业病危害严重) sets up or designates an OH
  management organisation (职业卫生管理机构或者组织) and appoints **full-time** OH managers;
- any other employer with occupational hazards and **more than 100 workers** (劳动者超过一百人) does the
  same;
- with **100 workers or fewer** it appoints full-time **or part-time** OH managers.

Confidence: the text of 令第47号 Art. 8 was read in a public copy of the order
(vacances-vacance.com, 2013-12-10); the same rule, cited as 《工作场所职业卫生管理规定》第八条 with the
health authorities' wording, appears in a public self-inspection checklist (public code), and a third
page (66wkw.com) states it without an article number. The content is taken as verified; the article
number under 令第5号 rests on one source (:data:`ARTICLE_VERIFIED` is False). "超过一百人" is read as
strictly more than 100 (100 workers need only full-time or part-time managers). The law itself
(职业病防治法 Art. 20 (1)) requires an organisation **or** designated body and full-time or part-time
staff for every employer with hazards.

>>> staffing_requirement("SERIOUS", 20, as_of=dt.date(2024, 1, 1)).full_time_required
True
>>> r = staffing_requirement("GENERAL", 100, as_of=dt.date(2024, 1, 1))
>>> r.full_time_required, r.organisation_required, r.clause
(False, False, '国家卫生健康委令第5号《工作场所职业卫生管理规定》第八条')
>>> staffing_requirement(None, 101, as_of=dt.date(2024, 1, 1)).full_time_required
True
>>> staffing_requirement(None, 80, as_of=dt.date(2024, 1, 1)).full_time_required is None
True
"""

from __future__ import annotations

import datetime as dt

import attrs

import ohsreg.instruments as instruments
from ohsreg.instruments import Instrument
from ohsreg.rules import Regime, chain, pick
from ohsreg.vocab import RiskClass

__all__ = [
    "ARTICLE_VERIFIED",
    "HEADCOUNT_THRESHOLD",
    "StaffingRequirement",
    "editions",
    "in_force",
    "staffing_requirement",
]

HEADCOUNT_THRESHOLD = 100
"""More than this many workers requires full-time OH managers and an OH organisation (Art. 8)."""
ARTICLE_VERIFIED = False
"""The rule's content is verified (copies agree); its article number under 令第5号 has one source."""


_EDITIONS: tuple[Regime[Instrument], ...] = chain(
    [(order, order.clause()) for order in instruments.editions("workplace order")]
)


def editions() -> tuple[Regime[Instrument], ...]:
    """令第47号 then 令第5号 (``value``: the order's :class:`~ohsreg.instruments.Instrument`)."""
    return _EDITIONS


def in_force(as_of: dt.date) -> Regime[Instrument] | None:
    """The order whose Art. 8 applies on ``as_of`` (``None`` before 2012-06-01).

    >>> in_force(dt.date(2021, 1, 31)).name, in_force(dt.date(2021, 2, 1)).name
    ('SAWS Order 47', 'NHC Order 5')
    """
    return pick(_EDITIONS, as_of)


@attrs.frozen(slots=True)
class StaffingRequirement(instruments.CitesClause):
    """What Art. 8 requires of one employer on one date.

    ``full_time_required`` and ``organisation_required`` are ``None`` when the answer depends on the
    risk class and it is not known (100 workers or fewer); ``clause`` names the order in force.
    """

    full_time_required: bool | None
    organisation_required: bool | None
    clause: str
    reason: str


def staffing_requirement(
    risk_class: RiskClass | str | None, workers_total: int, *, as_of: dt.date
) -> StaffingRequirement | None:
    """The Art. 8 staffing requirement for an employer with occupational hazards on ``as_of``.

    ``None`` before 令第47号 (2012-06-01): no earlier regime is shipped.
    """
    order = instruments.in_force("workplace order", as_of)  # 令第47号, then 令第5号
    if order is None:
        return None
    clause = order.clause("第八条").cite()
    cls = None if risk_class is None else RiskClass.parse(risk_class, field="risk_class")
    if cls is RiskClass.SERIOUS:
        return StaffingRequirement(True, True, clause, "serious occupational hazards")
    if workers_total > HEADCOUNT_THRESHOLD:
        return StaffingRequirement(True, True, clause, f"more than {HEADCOUNT_THRESHOLD} workers")
    if cls is None:
        return StaffingRequirement(
            None, None, clause, "risk class unknown: full-time managers are required if it is serious"
        )
    return StaffingRequirement(
        False, False, clause, f"not serious, {HEADCOUNT_THRESHOLD} workers or fewer: part-time allowed"
    )
