"""Periodic detection (职业病危害因素检测) and current-status evaluation (现状评价) duties by risk class.

Source: 《工作场所职业卫生管理规定》 (国家卫生健康委令第5号, adopted 2020-12-04, promulgated
2020-12-31, in force **2021-02-01**), **Art. 20**, verified against a public copy of the order's text
(RULES §5):

- an employer with **serious** occupational hazards (职业病危害严重) commissions a qualified agency
  to detect the hazard factors **at least once a year** and to evaluate the current status **at least
  once every three years**;
- an employer with **general** hazards (职业病危害一般) detects **at least once every three years**;
- Art. 20 names no duty for **relatively serious** (较重) employers, and no periodic status evaluation
  for general ones: the functions answer "no rule" (``months is None``) with the reason;
- Art. 21: after an occupational-disease hazard accident the employer commissions a status evaluation
  promptly (及时, no number of days).

Before 2021-02-01 the predecessor (原安监总局令第47号) applied; its frequencies are **not shipped**
(unverified), so earlier dates answer "no rule". "At least once a year" is read as: the next one is due
12 calendar months after the last (likewise 36 months).

>>> import datetime as dt
>>> d = next_detection_due("SERIOUS", dt.date(2023, 5, 10), as_of=dt.date(2024, 1, 1))
>>> d.due, d.clause
(datetime.date(2024, 5, 10), '国家卫生健康委令第5号《工作场所职业卫生管理规定》第二十条')
>>> next_status_evaluation_due("GENERAL", None, as_of=dt.date(2024, 1, 1)).months is None
True
"""

from __future__ import annotations

import datetime as dt

import attrs

from ohsreg.models._common import add_months
from ohsreg.vocab import RiskClass

__all__ = [
    "ORDER5",
    "ORDER5_IN_FORCE",
    "DutyDue",
    "detection_interval_months",
    "next_detection_due",
    "next_status_evaluation_due",
    "status_evaluation_interval_months",
]

ORDER5 = "国家卫生健康委令第5号《工作场所职业卫生管理规定》"
ORDER5_IN_FORCE = dt.date(2021, 2, 1)
"""In force date of 令第5号 (verified, copy of the order's preamble)."""
_ART20 = f"{ORDER5}第二十条"

_DETECTION = {RiskClass.SERIOUS: 12, RiskClass.GENERAL: 36}
_EVALUATION = {RiskClass.SERIOUS: 36}


@attrs.frozen(slots=True)
class DutyDue:
    """When a periodic duty is next due.

    ``months`` is ``None`` when no shipped provision sets a frequency (``reason`` says why); ``due`` is
    ``None`` then, and also when the duty has never been done (``never_done``): it is due now.
    """

    duty: str
    months: int | None
    due: dt.date | None
    last_done: dt.date | None
    clause: str
    reason: str = ""

    @property
    def never_done(self) -> bool:
        """A frequency applies but the duty was never done."""
        return self.months is not None and self.last_done is None

    def overdue(self, as_of: dt.date) -> bool:
        """Never done although required, or due strictly before ``as_of``."""
        return self.never_done or (self.due is not None and self.due < as_of)


def _interval(
    table: dict[RiskClass, int], risk_class: RiskClass | str, as_of: dt.date
) -> tuple[int | None, str]:
    if as_of < ORDER5_IN_FORCE:
        return None, "令第5号 is in force from 2021-02-01; the earlier 令第47号 frequencies are not shipped"
    cls = RiskClass.parse(risk_class, field="risk_class")
    months = table.get(cls)
    return months, "" if months is not None else f"令第5号 Art. 20 sets no frequency for {cls.code} employers"


def detection_interval_months(risk_class: RiskClass | str, *, as_of: dt.date) -> int | None:
    """Months between detections for an employer of ``risk_class`` on ``as_of`` (12, 36 or None)."""
    return _interval(_DETECTION, risk_class, as_of)[0]


def status_evaluation_interval_months(risk_class: RiskClass | str, *, as_of: dt.date) -> int | None:
    """Months between current-status evaluations (36 for serious; None otherwise)."""
    return _interval(_EVALUATION, risk_class, as_of)[0]


def _due(
    duty: str, table: dict[RiskClass, int], risk_class: RiskClass | str, last: dt.date | None, as_of: dt.date
) -> DutyDue:
    months, reason = _interval(table, risk_class, as_of)
    due = add_months(last, months) if months is not None and last is not None else None
    return DutyDue(duty, months, due, last, _ART20, reason)


def next_detection_due(
    risk_class: RiskClass | str, last_detection: dt.date | None, *, as_of: dt.date
) -> DutyDue:
    """The next periodic detection of hazard factors (令第5号 第二十条)."""
    return _due("detection", _DETECTION, risk_class, last_detection, as_of)


def next_status_evaluation_due(
    risk_class: RiskClass | str, last_evaluation: dt.date | None, *, as_of: dt.date
) -> DutyDue:
    """The next current-status evaluation (令第5号 第二十条; serious employers only)."""
    return _due("status_evaluation", _EVALUATION, risk_class, last_evaluation, as_of)
