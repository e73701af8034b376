"""Occupational-disease hazard accidents (职业病危害事故): classes and reporting, as pure functions.

Source: 《职业病危害事故调查处理办法》 (卫生部令第25号, in force 2002-05-01), verified against several
public copies of the text (RULES §6); whether the order is **still in force was not verified**.

- Art. 2 classes: **一般事故** — acute occupational disease in fewer than 10 people (10人以下);
  **重大事故** — acute disease in 10 to 50 people (10人以上50人以下), or up to 5 deaths (死亡5人以下),
  or occupational anthrax in up to 5 people; **特大事故** — acute disease in 50 or more, or 5 or more
  deaths, or anthrax in 5 or more. Radiation accidents are governed by 《放射事故管理规定》 instead.
- The order does not say whether "以上/以下" include the number itself, so 10 and 50 cases and 5
  deaths or anthrax cases fit two classes. :func:`accident_class` returns the **more serious** class
  there and flags ``ambiguous=True``.
- Art. 6: the employer reports **immediately** (立即) to the county health department; Art. 7: the
  county department reports 特大/重大 accidents immediately, 一般 accidents **within 6 hours**, upward.
- The statute (职业病防治法 2018, Art. 37, verified copy) requires immediate emergency measures and
  timely reporting, without grades or hours.

>>> accident_class(acute_cases=3).accident_class.code
'GENERAL'
>>> g = accident_class(acute_cases=10)
>>> g.accident_class.code, g.ambiguous
('MAJOR', True)
>>> accident_class(deaths=6).accident_class.code
'EXTRAORDINARY'
>>> report_deadline_hours("GENERAL", reporter="AUTHORITY"), report_deadline_hours("GENERAL", reporter="EMPLOYER")
(6, 0)
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

import ohsreg.instruments as instruments
from ohsreg.errors import InvalidFormat, RuleViolation
from ohsreg.instruments import Instrument
from ohsreg.rules import Regime, chain, pick
from ohsreg.vocab import LabeledEnum

__all__ = [
    "ACCIDENT_ORDER",
    "AccidentClass",
    "AccidentGrading",
    "ReportDeadline",
    "accident_class",
    "editions",
    "in_force",
    "report_deadline",
    "report_deadline_hours",
]

ACCIDENT_ORDER = instruments.cite("MOH Order 25")
"""The order that classes and reports occupational-disease hazard accidents (cited with its article;
its citation and dates live in :mod:`ohsreg.instruments` as ``"MOH Order 25"``)."""


_ORDER25 = "MOH Order 25"
_EDITIONS: tuple[Regime[Instrument], ...] = chain(
    [(instruments.lookup(_ORDER25), instruments.clause(_ORDER25))]
)


def editions() -> tuple[Regime[Instrument], ...]:
    """The one regime modelled: 卫生部令第25号 (``value``: its :class:`~ohsreg.instruments.Instrument`)."""
    return _EDITIONS


def in_force(as_of: dt.date) -> Regime[Instrument] | None:
    """The accident regime in force on ``as_of`` (``None`` before 2002-05-01)."""
    return pick(_EDITIONS, as_of)


class AccidentClass(LabeledEnum):
    """Class of an occupational-disease hazard accident (卫生部令第25号 第二条)."""

    GENERAL = ("GENERAL", "一般事故", "general accident")
    MAJOR = ("MAJOR", "重大事故", "major accident")
    EXTRAORDINARY = ("EXTRAORDINARY", "特大事故", "extraordinarily serious accident")


@attrs.frozen(slots=True)
class AccidentGrading(instruments.CitesClause):
    """The class an accident falls in, whether the count sits on an ambiguous boundary, and the clause.

    ``accident_class`` is ``None`` for radiation accidents (another regulation applies).
    """

    accident_class: AccidentClass | None
    ambiguous: bool
    clause: str
    reason: str = ""


def _rank(count: int, lower: int, upper: int) -> tuple[int, bool]:
    """0/1/2 for below lower / between / from upper; ambiguous on either boundary."""
    if count < lower:
        return 0, False
    if count == lower:
        return 1, True
    if count < upper:
        return 1, False
    return 2, count == upper


def accident_class(
    *, acute_cases: int = 0, deaths: int = 0, anthrax_cases: int = 0, radiological: bool = False
) -> AccidentGrading:
    """Grade an accident by its casualties (卫生部令第25号 第二条); see the module notes on boundaries."""
    for name, value in (("acute_cases", acute_cases), ("deaths", deaths), ("anthrax_cases", anthrax_cases)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise RuleViolation(
                "{field} must be a non-negative whole number, got {value!r}",
                rule="accident.count",
                field=name,
                value=str(value),
            )
    clause = instruments.cite("MOH Order 25", "第二条")
    if radiological:
        return AccidentGrading(None, False, clause, "radiation accidents: 《放射事故管理规定》 applies")
    acute_rank, acute_amb = _rank(acute_cases, 10, 50)
    # deaths and anthrax: any case makes the accident major; 5 or more extraordinary (5 itself ambiguous)
    other = [
        (0, False) if n == 0 else ((2, n == 5) if n >= 5 else (1, False)) for n in (deaths, anthrax_cases)
    ]
    ranks = [(acute_rank, acute_amb), *other]
    top = max(r for r, _ in ranks)
    ambiguous = all(amb for r, amb in ranks if r == top)  # firm if any criterion is firm
    cls = (AccidentClass.GENERAL, AccidentClass.MAJOR, AccidentClass.EXTRAORDINARY)[top]
    return AccidentGrading(cls, ambiguous, clause)


def report_deadline_hours(
    accident_class: AccidentClass | str, *, reporter: Literal["EMPLOYER", "AUTHORITY"] = "EMPLOYER"
) -> int:
    """Hours allowed to report: ``0`` means immediately (立即).

    The employer reports immediately whatever the class (Art. 6); the county health department reports
    一般 accidents within 6 hours and the others immediately (Art. 7).
    """
    cls = AccidentClass.parse(accident_class, field="accident_class")
    if reporter == "AUTHORITY" and cls is AccidentClass.GENERAL:
        return 6
    return 0


@attrs.frozen(slots=True)
class ReportDeadline(instruments.CitesClause):
    """How soon an accident is reported, by whom, and the article: ``hours == 0`` means immediately (立即)."""

    accident_class: AccidentClass
    reporter: Literal["EMPLOYER", "AUTHORITY"]
    hours: int
    clause: str

    @property
    def immediately(self) -> bool:
        """Whether the report is due immediately (立即)."""
        return self.hours == 0


def report_deadline(
    accident_class: AccidentClass | str, *, reporter: Literal["EMPLOYER", "AUTHORITY"] = "EMPLOYER"
) -> ReportDeadline:
    """:func:`report_deadline_hours` with the article that sets it (第六条 for the employer, 第七条 for the
    county health department).

    >>> r = report_deadline("GENERAL", reporter="AUTHORITY")
    >>> r.hours, r.clause_ref.article
    (6, '第七条')
    """
    if reporter not in ("EMPLOYER", "AUTHORITY"):
        raise InvalidFormat(
            "{field_name} must be {expected}, not {type}",
            rule="rules.argument_type",
            field="reporter",
            field_name="reporter",
            expected='"EMPLOYER" or "AUTHORITY"',
            type=repr(reporter),
        )
    cls = AccidentClass.parse(accident_class, field="accident_class")
    hours = report_deadline_hours(cls, reporter=reporter)
    article = "第七条" if reporter == "AUTHORITY" else "第六条"
    return ReportDeadline(cls, reporter, hours, instruments.cite(_ORDER25, article))
