"""Periodic occupational health examination intervals (GBZ 188) and ``next_exam_due``.

Editions
--------
- **GBZ 188-2007**: in force until 2014-09-30; its intervals are **not shipped** (asking for a date
  before 2014-10-01 answers "no interval" with the reason).
- **GBZ 188-2014** 《职业健康监护技术规范》: issued 2014-05-14, in force **2014-10-01** (verified from
  copies of the cover page). This is the edition that answers.
- **GBZ 188-2025**: reported by secondary sources (public code, three repositories) as issued 2025-08-20
  and in force 2026-08-01, replacing the 2014 edition. **Not verified** (the NHC notice was not reached),
  so it is **modelled as absent**: for dates on or after 2026-08-01 the 2014 interval is still given,
  with ``caveat`` saying that a later edition may be in force. Check before relying on it.

Provenance of each interval is on its :class:`ExamIntervalRule` (``verified``, ``source``):

- chemical factors (benzene, lead, n-hexane, formaldehyde…): a public copy of the standard's text
  (FACTS §10, excerpt of the in-service periodicity clauses) — verified against a copy, clause numbers
  not given;
- noise (L_EX,8h ≥ 85 dB(A): 1 year; 80–85 dB(A): 2 years), coal dust (grade Ⅰ: 3 years, grade Ⅱ and
  above: 2 years, clause 6.2.2.3) and heat (1 year, before the hot season): secondary sources only —
  ``verified=False``;
- silica dust and every factor not listed: **no interval shipped** (the values found were recalled, not
  sourced); :func:`exam_interval` says so instead of guessing.

>>> import datetime as dt
>>> r = exam_interval("苯", as_of=dt.date(2024, 1, 1))
>>> r.months, r.edition, r.verified
(12, 'GBZ 188-2014', True)
>>> exam_interval("噪声", as_of=dt.date(2024, 1, 1), lex_8h=82).months
24
>>> exam_interval("矽尘", as_of=dt.date(2024, 1, 1)).months is None
True
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from ohsreg.rules._enterprise_support import add_months, canonical_hazard
from ohsreg.vocab import ExamType, HazardGrade

if TYPE_CHECKING:
    from ohsreg.models.surveillance import HealthExam
    from ohsreg.units import SoundLevel

__all__ = [
    "GBZ188_2014",
    "GBZ188_2014_IN_FORCE",
    "GBZ188_2025_REPORTED_IN_FORCE",
    "ExamDue",
    "ExamInterval",
    "ExamIntervalRule",
    "exam_interval",
    "interval_rules",
    "next_exam_due",
]

GBZ188_2014 = "GBZ 188-2014"
GBZ188_2014_IN_FORCE = dt.date(2014, 10, 1)
"""In force date of GBZ 188-2014 (verified)."""
GBZ188_2025_REPORTED_IN_FORCE = dt.date(2026, 8, 1)
"""Reported (unverified) in force date of GBZ 188-2025; the edition is modelled as absent."""

_COPY = "GBZ 188-2014 text, public copy (renrendoc p-80331186 excerpt), see FACTS §10"
_NOISE = "secondary: g230.com page quoting GBZ 188-2014 noise clause (RULES §9)"
_COAL = "secondary: exam answer citing GBZ 188-2014 6.2.2.3 (RULES §9)"
_HEAT = "secondary: xiaomilidoc copy of the GBZ 188-2014 table (RULES §9)"


@attrs.frozen(slots=True)
class ExamIntervalRule:
    """One in-service (periodic) examination interval of GBZ 188-2014 for one hazard factor.

    ``months`` is the plain interval; ``by_noise`` and ``by_grade`` refine it (noise level bands,
    hazard grade of the work). ``names`` are the names and CAS numbers the factor is known by; they are
    resolved through the reference catalogue when it is installed.
    """

    hazard: str
    names: tuple[str, ...]
    months: int | None
    source: str
    verified: bool
    clause: str = ""
    note: str = ""
    by_noise: tuple[tuple[float, int], ...] = ()
    """(lower bound of L_EX,8h in dB(A), months), highest band first."""
    by_grade: tuple[tuple[HazardGrade, int], ...] = ()
    """(lowest grade of the band, months), highest grade first."""


def _chem(hazard: str, months: int, *names: str, note: str = "") -> ExamIntervalRule:
    return ExamIntervalRule(hazard, (hazard, *names), months, _COPY, True, f"{GBZ188_2014} {hazard}", note)


_RULES_2014: tuple[ExamIntervalRule, ...] = (
    _chem("铅及其无机化合物", 12, "铅", "铅及其化合物", "铅及其化合物（不包括四乙基铅）", "7439-92-1"),
    _chem("锰及其无机化合物", 12, "锰", "锰及其化合物", "7439-96-5"),
    _chem("镉及其无机化合物", 12, "镉", "镉及其化合物", "7440-43-9"),
    _chem("铬及其无机化合物", 12, "铬", "铬及其化合物", "7440-47-3"),
    _chem("苯", 12, "71-43-2", "benzene"),
    _chem("甲苯", 12, "108-88-3", "toluene", note="按苯的要求执行（参照苯）"),
    _chem("二甲苯", 12, "1330-20-7", "xylene", note="按苯的要求执行（参照苯）"),
    _chem("二硫化碳", 12, "75-15-0"),
    _chem("正己烷", 12, "110-54-3", "n-hexane"),
    _chem("汽油", 12, "8006-61-9"),
    _chem("甲醇", 36, "67-56-1", "methanol"),
    _chem(
        "1,2-二氯乙烷",
        36,
        "107-06-2",
        "二氯乙烷",
        note="the 2015 catalogue lists 二氯乙烷; GBZ 188-2014 names 1,2-二氯乙烷",
    ),
    _chem("甲醛", 12, "50-00-0", "formaldehyde"),
    _chem("一氧化碳", 36, "630-08-0"),
    _chem("硫化氢", 36, "7783-06-4"),
    _chem("氯气", 12, "氯", "7782-50-5"),
    _chem("二氧化硫", 12, "7446-09-5"),
    _chem("氨", 12, "7664-41-7"),
    ExamIntervalRule(
        "噪声",
        ("噪声", "noise"),
        None,
        _NOISE,
        False,
        f"{GBZ188_2014} 噪声 在岗期间职业健康检查周期",
        "L_EX,8h < 80 dB(A): no periodic interval given",
        by_noise=((85.0, 12), (80.0, 24)),
    ),
    ExamIntervalRule(
        "煤尘",
        ("煤尘", "煤尘（游离SiO2含量＜10%）"),
        None,
        _COAL,
        False,
        f"{GBZ188_2014} 6.2.2.3",
        "生产性粉尘作业分级 Ⅰ级: 3 年; Ⅱ级及以上: 2 年; 煤工尘肺患者 1–2 年 (not modelled)",
        by_grade=((HazardGrade.GRADE_II, 24), (HazardGrade.GRADE_I, 36)),
    ),
    ExamIntervalRule(
        "高温",
        ("高温", "heat"),
        12,
        _HEAT,
        False,
        f"{GBZ188_2014} 高温 在岗期间职业健康检查周期",
        "每年高温季节到来之前进行",
    ),
)

_GRADE_ORDER = {
    HazardGrade.GRADE_0: 0,
    HazardGrade.GRADE_I: 1,
    HazardGrade.GRADE_II: 2,
    HazardGrade.GRADE_III: 3,
    HazardGrade.GRADE_IV: 4,
}

_index_lock = threading.Lock()
_index: dict[str, ExamIntervalRule] | None = None


def _rule_index() -> dict[str, ExamIntervalRule]:
    global _index
    if _index is None:
        with _index_lock:
            if _index is None:
                table: dict[str, ExamIntervalRule] = {}
                for rule in _RULES_2014:
                    for name in rule.names:
                        table.setdefault(name, rule)
                        table.setdefault(canonical_hazard(name), rule)
                _index = table
    return _index


def interval_rules() -> tuple[ExamIntervalRule, ...]:
    """Every GBZ 188-2014 interval shipped, in table order (``verified`` says how sure each is)."""
    return _RULES_2014


@attrs.frozen(slots=True)
class ExamInterval:
    """The periodic examination interval that answers for one hazard on one date.

    ``months`` is ``None`` when no interval is shipped for the factor (or the date is before
    GBZ 188-2014); ``status`` and ``reason`` then say why. ``caveat`` warns when a later edition may be
    in force.
    """

    hazard: str
    months: int | None
    edition: str | None
    clause: str
    verified: bool
    reason: str = ""
    caveat: str = ""
    status: str = "OK"
    """``OK``; ``NOT_SHIPPED`` (no interval for the factor); ``EDITION_NOT_SHIPPED`` (date before
    GBZ 188-2014); ``NO_INTERVAL_AT_LEVEL`` (noise below 80 dB(A), grade 0)."""


def exam_interval(
    hazard: str,
    *,
    as_of: dt.date,
    lex_8h: float | SoundLevel | None = None,
    grade: HazardGrade | str | None = None,
) -> ExamInterval:
    """The in-service examination interval for ``hazard`` under the GBZ 188 edition in force on ``as_of``.

    ``lex_8h`` (noise, dB(A)) and ``grade`` (hazard grade of the work, GBZ/T 229) select the band where
    the interval depends on them; without them, the **shortest** interval of the factor is returned
    (the conservative reading) and ``reason`` says so.
    """
    if as_of < GBZ188_2014_IN_FORCE:
        return ExamInterval(
            hazard,
            None,
            "GBZ 188-2007",
            "GBZ 188-2007",
            False,
            reason="GBZ 188-2007 (in force before 2014-10-01) is not shipped",
            status="EDITION_NOT_SHIPPED",
        )
    caveat = (
        "GBZ 188-2025 is reported in force from 2026-08-01 (unverified, not shipped); "
        "the GBZ 188-2014 interval is given"
        if as_of >= GBZ188_2025_REPORTED_IN_FORCE
        else ""
    )
    rule = _rule_index().get(hazard) or _rule_index().get(canonical_hazard(hazard))
    if rule is None:
        return ExamInterval(
            hazard,
            None,
            GBZ188_2014,
            GBZ188_2014,
            False,
            reason="no verified GBZ 188-2014 interval is shipped for this factor",
            caveat=caveat,
            status="NOT_SHIPPED",
        )
    months, reason = rule.months, ""
    if rule.by_noise:
        if lex_8h is None:
            months, reason = rule.by_noise[0][1], "noise level not given: shortest interval"
        else:
            level = float(lex_8h)
            months = next((m for bound, m in rule.by_noise if level >= bound), None)
            if months is None:
                reason = rule.note
    elif rule.by_grade:
        if grade is None:
            months, reason = min(m for _, m in rule.by_grade), "hazard grade not given: shortest interval"
        else:
            rank = _GRADE_ORDER[HazardGrade.parse(grade, field="grade")]
            months = next((m for g, m in rule.by_grade if rank >= _GRADE_ORDER[g]), None)
            if months is None:
                reason = "grade 0: no periodic interval given"
    status = "OK" if months is not None else "NO_INTERVAL_AT_LEVEL"
    return ExamInterval(rule.hazard, months, GBZ188_2014, rule.clause, rule.verified, reason, caveat, status)


@attrs.frozen(slots=True)
class ExamDue:
    """When the next examination of one worker for one hazard is due, and why.

    ``due`` is ``None`` when no interval answers (see ``interval.reason``). ``kind`` is
    ``PRE_PLACEMENT`` when the worker has no pre-placement or periodic examination for the hazard:
    the pre-placement examination is then due on the placement date.
    """

    hazard: str
    kind: ExamType
    due: dt.date | None
    last_exam: dt.date | None
    interval: ExamInterval

    @property
    def edition(self) -> str | None:
        """The GBZ 188 edition that answered."""
        return self.interval.edition

    def overdue(self, as_of: dt.date) -> bool:
        """Whether the examination is late on ``as_of`` (due strictly before it)."""
        return self.due is not None and self.due < as_of


def _covers(exam: HealthExam, hazard: str) -> bool:
    key = canonical_hazard(hazard)
    return hazard in exam.hazards or key in exam.hazards


def next_exam_due(
    worker: object,
    hazard: str,
    as_of: dt.date,
    *,
    lex_8h: float | SoundLevel | None = None,
    grade: HazardGrade | str | None = None,
) -> ExamDue:
    """The next in-service examination of ``worker`` for ``hazard`` as of ``as_of``.

    ``worker`` is a :class:`~ohsreg.models.enterprise.Worker` (anything with ``exams`` and
    ``placed_on``). The last pre-placement or periodic examination covering ``hazard`` done on or before
    ``as_of`` plus the interval of :func:`exam_interval` gives the due date; with no such examination
    the pre-placement examination is due on the placement date (GBZ 188-2014: before starting work).
    The result says which GBZ 188 edition answered.
    """
    exams: Iterable[HealthExam] = getattr(worker, "exams", ())
    placed_on: dt.date | None = getattr(worker, "placed_on", None)
    relevant = [
        e
        for e in exams
        if e.exam_type in (ExamType.PRE_PLACEMENT, ExamType.PERIODIC)
        and e.date <= as_of
        and _covers(e, hazard)
    ]
    interval = exam_interval(hazard, as_of=as_of, lex_8h=lex_8h, grade=grade)
    if not relevant:
        return ExamDue(hazard, ExamType.PRE_PLACEMENT, placed_on, None, interval)
    last = max(e.date for e in relevant)
    due = add_months(last, interval.months) if interval.months is not None else None
    return ExamDue(hazard, ExamType.PERIODIC, due, last, interval)
