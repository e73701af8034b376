"""Deadlines of the occupational-hazard declaration (职业病危害项目申报), as pure functions.

Source: 《职业病危害项目申报办法》 (原国家安全生产监督管理总局令第48号, issued 2012-04-27, in force
2012-06-01), **verified** against a public copy of the order's text (articles 8 and 9; FACTS §8,
RULES §5):

- Art. 8 (一): a new, expanded, rebuilt, technically upgraded or technology-introduction project —
  within **30 days** after the completion acceptance (竣工验收) of the project;
- Art. 8 (二): a change of process, equipment or materials causing a major change of the hazard
  factors — within **15 days** of the change;
- Art. 8 (三): a change of workplace (site), employer name, legal representative or principal —
  within **15 days** of the change;
- Art. 8 (四): detection or evaluation results showing a change of the hazard factors — within
  **15 days** of receiving the results;
- Art. 9: an employer that ends its operation declares the termination (注销) within **15 days**.

The order applies to every employer **except coal mines** (Art. 2, verified). Days are calendar days;
"within N days" is read as: the filing is on time up to and including ``event date + N days``.

>>> import datetime as dt
>>> due_date("NEW_PROJECT_ACCEPTED", dt.date(2024, 1, 31))
datetime.date(2024, 3, 1)
>>> due_date(DeclarationEvent.TERMINATION, dt.date(2024, 1, 31)).isoformat()
'2024-02-15'
"""

from __future__ import annotations

import datetime as dt

import ohsreg.instruments as instruments
from ohsreg.errors import InvalidFormat
from ohsreg.instruments import Instrument
from ohsreg.rules import Deadline, Regime, chain, pick
from ohsreg.rules._calendar import add_days, check_date
from ohsreg.vocab import LabeledEnum

__all__ = [
    # DECLARATION_ORDER, DECLARATION_ORDER_IN_FORCE: deprecated, see ohsreg.instruments
    "DeclarationEvent",
    "deadline_days",
    "declaration_applies",
    "declaration_clause",
    "declaration_due",
    "due_date",
    "editions",
    "in_force",
]

_ORDER48 = "SAWS Order 48"  # its id in ohsreg.instruments (dates and citation)
__getattr__ = instruments.deprecated_dates(
    __name__,
    {
        "DECLARATION_ORDER": (
            'ohsreg.instruments.lookup("SAWS Order 48").citation',
            lambda: instruments.cite(_ORDER48),
        ),
        "DECLARATION_ORDER_IN_FORCE": (
            'ohsreg.instruments.lookup("SAWS Order 48").in_force',
            lambda: instruments.in_force_date(_ORDER48),
        ),
    },
)


class DeclarationEvent(LabeledEnum):
    """What makes a change or termination declaration due (令第48号 第八条、第九条)."""

    NEW_PROJECT_ACCEPTED = (
        "NEW_PROJECT_ACCEPTED",
        "新建、改建、扩建、技术改造或者技术引进建设项目竣工验收",
        "completion acceptance of a new, expanded, rebuilt or upgraded project",
    )
    PROCESS_CHANGE = (
        "PROCESS_CHANGE",
        "工艺、设备或者材料变化导致职业病危害因素发生重大变化",
        "process, equipment or material change causing a major change of hazards",
    )
    BASIC_INFO_CHANGE = (
        "BASIC_INFO_CHANGE",
        "工作场所、名称、法定代表人或者主要负责人发生变化",
        "change of site, name, legal representative or principal",
    )
    DETECTION_RESULT_CHANGE = (
        "DETECTION_RESULT_CHANGE",
        "检测、评价结果发生变化",
        "detection or evaluation results show a change",
    )
    TERMINATION = ("TERMINATION", "终止生产经营活动", "end of operation")


_DAYS: dict[DeclarationEvent, tuple[int, str]] = {
    DeclarationEvent.NEW_PROJECT_ACCEPTED: (30, "第八条第（一）项"),
    DeclarationEvent.PROCESS_CHANGE: (15, "第八条第（二）项"),
    DeclarationEvent.BASIC_INFO_CHANGE: (15, "第八条第（三）项"),
    DeclarationEvent.DETECTION_RESULT_CHANGE: (15, "第八条第（四）项"),
    DeclarationEvent.TERMINATION: (15, "第九条"),
}


_EDITIONS: tuple[Regime[Instrument], ...] = chain(
    [(instruments.lookup(_ORDER48), instruments.clause(_ORDER48))]
)


def editions() -> tuple[Regime[Instrument], ...]:
    """The one regime modelled: 令第48号 (``value``: its :class:`~ohsreg.instruments.Instrument`)."""
    return _EDITIONS


def in_force(as_of: dt.date) -> Regime[Instrument] | None:
    """The declaration regime in force on ``as_of`` (``None`` before 令第48号).

    >>> in_force(dt.date(2024, 1, 1)).name, in_force(dt.date(2012, 5, 31))
    ('SAWS Order 48', None)
    """
    return pick(_EDITIONS, as_of)


def declaration_due(event: DeclarationEvent | str, occurred_on: dt.date) -> Deadline:
    """The declaration due after ``event`` (occurred, or results received, on ``occurred_on``): the last
    day on time (:func:`due_date`), the days allowed and the article that sets them.

    >>> d = declaration_due("NEW_PROJECT_ACCEPTED", dt.date(2024, 1, 31))
    >>> d.due, d.days, d.clause_ref.article
    (datetime.date(2024, 3, 1), 30, '第八条第（一）项')
    """
    check_date(occurred_on, "occurred_on")
    days, article = _DAYS[DeclarationEvent.parse(event, field="event")]
    clause = instruments.cite(_ORDER48, article)
    return Deadline("declaration", occurred_on, days, add_days(occurred_on, days), clause)


def deadline_days(event: DeclarationEvent | str) -> int:
    """Calendar days allowed after ``event`` (30 for a project acceptance, 15 otherwise; 令第48号 第八条、
    第九条, see :func:`declaration_clause`)."""
    return _DAYS[DeclarationEvent.parse(event, field="event")][0]


def declaration_clause(event: DeclarationEvent | str | None = None) -> str:
    """The provision that sets the deadline for ``event`` (or the order itself when ``None``)."""
    if event is None:
        return instruments.cite(_ORDER48)
    return instruments.cite(_ORDER48, _DAYS[DeclarationEvent.parse(event, field="event")][1])


def due_date(event: DeclarationEvent | str, occurred_on: dt.date) -> dt.date:
    """The last day on which the declaration for ``event`` (occurred, or results received, on
    ``occurred_on``) is on time. Raises :class:`~ohsreg.errors.UnknownEntry` (``vocab.unknown``) for
    an unknown event."""
    return add_days(occurred_on, deadline_days(event))


def declaration_applies(industry: str | None) -> bool:
    """Whether 令第48号 applies to an employer of ``industry`` (GB/T 4754 code): not to coal mines
    (Art. 2; coal mining and washing is division ``B06``).

    >>> declaration_applies("C2110"), declaration_applies("B0610")
    (True, False)
    """
    if industry is not None and not isinstance(industry, str):
        raise InvalidFormat(
            "{field_name} must be {expected}, not {type}",
            rule="rules.argument_type",
            field="industry",
            field_name="industry",
            expected="str",
            type=type(industry).__name__,
        )
    return not (industry or "").upper().startswith("B06")
