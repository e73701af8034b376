"""Occupational-health training duties: who, how many hours, how often.

Provisions (see each constant for its confidence):

- Principals (主要负责人) and occupational-health managers (职业卫生管理人员) must be trained; workers
  get pre-placement and periodic in-service training: 职业病防治法 (2018 amendment) **Art. 34**, verified
  against a bilingual copy of the article (wechat.estsglobal.com law_contents/178). The implementing
  articles of 《工作场所职业卫生管理规定》 (国家卫生健康委令第5号, 2021) are cited by one public index as
  **Arts. 9 and 10** (:data:`ORDER5_TRAINING_ARTICLES`); the predecessor 令第47号 has the same content
  under the same numbers (public copy of its text). Article numbers under 令第5号: **unverified**, so
  findings cite the law's article.
- Hours: 《关于加强用人单位职业卫生培训工作的通知》 (安监总厅安健〔2015〕121号). Verified by independent
  pages that agree (:data:`HOURS_VERIFIED`): principals and OH managers **16 h initial, 8 h
  continuing** (fbbyw.cn/2125 quoting the notice; a Xiamen work-safety bureau notice of 2015-04-15:
  "初训课时不得少于16学时，复训课时不得少8学时"; a 2025 journal table, slarc.org.cn 1674-5817-2025-45-2-188
  T5), **continuing cycle one year** (fbbyw.cn: "继续教育的周期为一年"; chaoliuxuan.com: "每年再培训时间
  不得少于8学时"); exposed workers **8 h initial, 4 h continuing** (chaoliuxuan.com; the 2025 journal
  table). The attribution to 121号 rests on the secondary pages (the notice itself was not reached).
  The continuing-training **cycle for workers was not found**: it is not modelled (``None``), so no
  overdue check is made for it.

>>> hours_required("PRINCIPAL", "INITIAL"), hours_required("WORKER", "CONTINUING")
(16.0, 4.0)
>>> import datetime as dt
>>> next_training_due("OH_MANAGER", dt.date(2024, 3, 31))
datetime.date(2025, 3, 31)
>>> next_training_due("WORKER", dt.date(2024, 3, 31)) is None
True
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib

import attrs

import ohsreg.instruments as instruments
from ohsreg.instruments import Instrument
from ohsreg.rules import Regime, chain, pick
from ohsreg.rules._calendar import add_months, check_date
from ohsreg.rules.detection import DutyDue
from ohsreg.vocab import LabeledEnum

__all__ = [
    "HOURS_SOURCE",
    "HOURS_VERIFIED",
    "ORDER5_TRAINING_ARTICLES",
    "TRAINING_CLAUSE",
    "TraineeRole",
    "TrainingKind",
    "TrainingRequirement",
    "continuing_cycle_months",
    "continuing_training_due",
    "editions",
    "hours_required",
    "in_force",
    "next_training_due",
    "training_requirement",
]

TRAINING_CLAUSE = instruments.cite("OD law", "第三十四条", amendment="2018")
"""Duty to train (verified copy of the article): 职业病防治法（2018年修正）第三十四条."""
_NOTICE = "SAWS training notice 2015"  # its id in ohsreg.instruments
HOURS_SOURCE = instruments.cite(_NOTICE)
"""The notice that sets the hours and the continuing cycle (its own text was not reached)."""
HOURS_VERIFIED = True
"""The hours and the one-year cycle of principals and OH managers agree in independent public pages
(see the module docstring); the notice's own text was not reached."""
ORDER5_TRAINING_ARTICLES = instruments.cite("NHC Order 5", "第九条、第十条")
"""Training articles of 令第5号 as a public index cites them (article numbers unverified)."""


class TraineeRole(LabeledEnum):
    """Who is trained."""

    PRINCIPAL = ("PRINCIPAL", "主要负责人", "principal")
    OH_MANAGER = ("OH_MANAGER", "职业卫生管理人员", "occupational-health manager")
    WORKER = ("WORKER", "接触职业病危害的劳动者", "exposed worker", ("劳动者",))


class TrainingKind(LabeledEnum):
    """Initial training or continuing education (继续教育, in-service training for workers)."""

    INITIAL = ("INITIAL", "初次培训", "initial training", ("上岗前培训",))
    CONTINUING = ("CONTINUING", "继续教育", "continuing training", ("在岗期间培训", "再培训"))


@functools.cache
def _hours() -> dict[tuple[TraineeRole, TrainingKind], tuple[float, int | None]]:
    """Hours and continuing cycle by role and kind, from the reference catalogue (their one copy)."""
    table = importlib.import_module("ohsreg.catalogue").training_hours
    return {(TraineeRole[r.role], TrainingKind[r.kind]): (r.hours, r.cycle_months) for r in table}


def hours_required(role: TraineeRole | str, kind: TrainingKind | str) -> float:
    """Minimum hours (学时) of a training of ``kind`` for ``role`` (安监总厅安健〔2015〕121号, verified by
    independent pages)."""
    return _hours()[TraineeRole.parse(role, field="role"), TrainingKind.parse(kind, field="kind")][0]


def continuing_cycle_months(role: TraineeRole | str) -> int | None:
    """Months between continuing trainings: 12 for principals and OH managers (:data:`HOURS_SOURCE`, as
    secondary pages quote it); ``None`` (not found) for workers."""
    return _hours()[TraineeRole.parse(role, field="role"), TrainingKind.CONTINUING][1]


def next_training_due(role: TraineeRole | str, last_training: dt.date) -> dt.date | None:
    """The date by which the next continuing training of ``role`` is due after ``last_training`` (the
    duty: :data:`TRAINING_CLAUSE`; the cycle: :func:`continuing_cycle_months`)."""
    months = continuing_cycle_months(role)
    return None if months is None else add_months(last_training, months)


_EDITIONS: tuple[Regime[Instrument], ...] = chain(
    [(instruments.lookup(_NOTICE), instruments.clause(_NOTICE))]
)


def editions() -> tuple[Regime[Instrument], ...]:
    """The one regime modelled: the 2015 notice's hours (``value``: its :class:`~ohsreg.instruments.Instrument`;
    its day is unknown, so ``verified`` is False)."""
    return _EDITIONS


def in_force(as_of: dt.date) -> Regime[Instrument] | None:
    """The hours regime on ``as_of`` (``None`` before 2015, the first day of the notice's year)."""
    return pick(_EDITIONS, as_of)


@attrs.frozen(slots=True)
class TrainingRequirement(instruments.CitesClause):
    """The hours of one kind of training for one role, the continuing cycle, and the provision."""

    role: TraineeRole
    kind: TrainingKind
    hours: float
    """Minimum hours (学时)."""
    cycle_months: int | None
    """Months between continuing trainings of the role (``None``: not found, for workers)."""
    clause: str
    verified: bool
    """Whether the hours agree in independent sources (:data:`HOURS_VERIFIED`)."""


def training_requirement(role: TraineeRole | str, kind: TrainingKind | str) -> TrainingRequirement:
    """:func:`hours_required` and :func:`continuing_cycle_months` with their provision (:data:`HOURS_SOURCE`).

    >>> r = training_requirement("PRINCIPAL", "INITIAL")
    >>> r.hours, r.cycle_months, r.clause_ref.instrument.id
    (16.0, 12, 'SAWS training notice 2015')
    """
    r, k = TraineeRole.parse(role, field="role"), TrainingKind.parse(kind, field="kind")
    return TrainingRequirement(
        r, k, hours_required(r, k), continuing_cycle_months(r), HOURS_SOURCE, HOURS_VERIFIED
    )


def continuing_training_due(role: TraineeRole | str, last_training: dt.date) -> DutyDue:
    """The next continuing training of ``role`` after ``last_training`` (:func:`next_training_due`) as a
    :class:`~ohsreg.rules.detection.DutyDue` citing the cycle's provision; for workers, whose cycle was not
    found, ``months`` and ``due`` are ``None`` and ``reason`` says so.

    >>> d = continuing_training_due("OH_MANAGER", dt.date(2024, 3, 31))
    >>> d.due, d.overdue(dt.date(2025, 4, 1))
    (datetime.date(2025, 3, 31), True)
    """
    check_date(last_training, "last_training")
    trainee = TraineeRole.parse(role, field="role")
    months = continuing_cycle_months(trainee)
    due = None if months is None else add_months(last_training, months)
    reason = (
        ""
        if months is not None
        else f"no continuing-training cycle is shipped for {trainee.code} (not found)"
    )
    return DutyDue(
        "training",
        months,
        due,
        last_training,
        HOURS_SOURCE,
        reason,
        instruments.lookup(_NOTICE).document_number,
    )
