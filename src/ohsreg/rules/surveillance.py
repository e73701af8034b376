"""Periodic occupational health examination intervals (GBZ 188) and ``next_exam_due``.

Editions (picked by ``as_of``; every answer names the edition that gave it)
------------------------------------------------------------------------------
- **GBZ 188-2007**: in force until 2014-09-30; its intervals are **not shipped** (asking for a date
  before 2014-10-01 answers "no interval" with the reason).
- **GBZ 188-2014** 《职业健康监护技术规范》: issued 2014-05-14, in force **2014-10-01** (verified from
  two copies of the cover page).
- **GBZ 188-2025**: replaces GBZ 188-2014, mandatory, in force **2026-08-01**. Existence and in-force
  date **verified** by independent public sources: four unrelated public code repositories (two of
  them cite the NHC notice nhc.gov.cn/fzs/c100048/202509/93c5090f…, one reads the date from the
  standard's PDF), and a public copy of the new table of contents (zybls.com: sections 5.58 甲苯 …
  5.65 β-萘胺, matching the revision described in 中国职业医学 2023 (6):209). The issue date
  **2025-08-20** comes from one source only (unverified). Its intervals are shipped only for noise
  and heat, from one secondary source (``verified=False``).

From 2026-08-01 :func:`exam_interval` answers with GBZ 188-2025 where a 2025 interval is shipped;
otherwise it gives the **replaced GBZ 188-2014 interval** with ``status="FALLBACK"``,
``verified=False`` and a ``caveat`` saying so (the conservative choice: an interval is still checked,
and the caller is told to confirm it against the 2025 text).

GBZ 188-2014 rows and their provenance (``verified``, ``source`` on each :class:`ExamIntervalRule`)
------------------------------------------------------------------------------------------------------
- 43 chemical factors of the 57 chemical sections: a public copy of the standard's list of in-service
  periodicity (renrendoc p-80331186, items 1–41; FACTS §10). Verified against that copy, clause
  numbers not given. Three of them (汞, 砷, 氯乙烯) depend on the grade of the work and the copy lost
  the grade numerals (Ⅰ/Ⅱ): those are ``verified=False``.
- heat (高温, 1 year, before the hot season): two independent pages (a copy of the standard's table,
  xiaomilidoc p-2896031; a summary, qwkpw.com) — verified.
- noise (L_EX,8h ≥ 85 dB(A): 1 year; 80–85 dB(A): 2 years): one page quoting the clause (g230.com); a
  second page (qwkpw.com) gives only "1 year" — ``verified=False``.
- coal dust (grade Ⅰ: 3 years, grade Ⅱ and above: 2 years, clause 6.2.2.3): one exam answer quoting
  the clause — ``verified=False``.
- **not shipped**: silica dust (6.1), asbestos (6.3), the other dusts, the remaining chemical sections
  (氯丁二烯 onwards), physical agents other than noise and heat, biological agents and special
  operations. No source with their periodicity was found; :func:`exam_interval` says so instead of
  guessing.

>>> import datetime as dt
>>> r = exam_interval("苯", as_of=dt.date(2024, 1, 1))
>>> r.months, r.edition, r.verified
(12, 'GBZ 188-2014', True)
>>> exam_interval("噪声", as_of=dt.date(2024, 1, 1), lex_8h=82).months
24
>>> exam_interval("矽尘", as_of=dt.date(2024, 1, 1)).status
'NOT_SHIPPED'
>>> later = exam_interval("苯", as_of=dt.date(2026, 9, 1))
>>> later.months, later.edition, later.status
(12, 'GBZ 188-2014', 'FALLBACK')
>>> exam_interval("高温", as_of=dt.date(2026, 9, 1)).edition
'GBZ 188-2025'
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

import attrs

import ohsreg.instruments as instruments
from ohsreg.errors import InvalidFormat
from ohsreg.rules import Regime, chain, pick
from ohsreg.rules._calendar import add_months, check_date
from ohsreg.rules._catalogue import canonical_hazard, hazard_name
from ohsreg.vocab import ExamType, HazardGrade

if TYPE_CHECKING:
    from ohsreg.units import SoundLevel

__all__ = [
    "EDITIONS",
    "GBZ188_2014",
    "GBZ188_2025",
    # GBZ188_2014_IN_FORCE, GBZ188_2025_IN_FORCE, GBZ188_2025_REPORTED_IN_FORCE: deprecated (ohsreg.instruments)
    "NOT_LISTED",
    "ExamDue",
    "ExamInterval",
    "ExamIntervalRule",
    "NotListed",
    "SurveillanceEdition",
    "edition_on",
    "editions",
    "exam_interval",
    "in_force",
    "interval_rules",
    "next_exam_due",
]

GBZ188_2007 = "GBZ 188-2007"
GBZ188_2014 = "GBZ 188-2014"
GBZ188_2025 = "GBZ 188-2025"
__getattr__ = instruments.deprecated_dates(
    __name__,
    {
        "GBZ188_2014_IN_FORCE": (
            'ohsreg.instruments.lookup("GBZ 188-2014").in_force',
            lambda: instruments.in_force_date(GBZ188_2014),
        ),
        "GBZ188_2025_IN_FORCE": (
            'ohsreg.instruments.lookup("GBZ 188-2025").in_force',
            lambda: instruments.in_force_date(GBZ188_2025),
        ),
        "GBZ188_2025_REPORTED_IN_FORCE": (
            'ohsreg.instruments.lookup("GBZ 188-2025").in_force',
            lambda: instruments.in_force_date(GBZ188_2025),
        ),
    },
)


@attrs.frozen(slots=True)
class SurveillanceEdition(instruments.CitesClause):
    """One edition of GBZ 188: when it applied, whether its intervals are shipped, and how sure we are."""

    name: str
    issued: dt.date | None
    in_force: dt.date
    replaced_on: dt.date | None
    shipped: bool
    dates_verified: bool
    """Whether the in-force date is verified."""
    source: str
    issued_verified: bool = True
    """Whether the issue date is verified (GBZ 188-2025: one source only)."""

    @property
    def clause(self) -> str:
        """The edition's citation (``GBZ 188-2014``)."""
        return instruments.cite(self.name)

    def applies_on(self, as_of: dt.date) -> bool:
        return self.in_force <= as_of and (self.replaced_on is None or as_of < self.replaced_on)


def _edition(name: str, shipped: bool) -> SurveillanceEdition:
    """An edition of GBZ 188 with its dates from :mod:`ohsreg.instruments` (GBZ 188-2007, whose day is
    unknown, starts on the first day of its window: only its replacement date matters here)."""
    inst = instruments.lookup(name)
    return SurveillanceEdition(
        name,
        inst.issued,
        inst.first_day,
        inst.end,
        shipped,
        inst.verified,
        inst.evidence,
        issued_verified=inst.issued_verified,
    )


EDITIONS: tuple[SurveillanceEdition, ...] = (
    _edition(GBZ188_2007, False),
    _edition(GBZ188_2014, True),
    _edition(GBZ188_2025, True),
)
"""The editions of GBZ 188 (dates and evidence from :mod:`ohsreg.instruments`)."""


_EDITIONS: tuple[Regime[SurveillanceEdition], ...] = chain(
    [(e, instruments.clause(e.name)) for e in EDITIONS]
)


def editions() -> tuple[Regime[SurveillanceEdition], ...]:
    """The editions of GBZ 188, oldest first (``value``: the :class:`SurveillanceEdition`)."""
    return _EDITIONS


def in_force(as_of: dt.date) -> Regime[SurveillanceEdition] | None:
    """The GBZ 188 edition in force on ``as_of`` (``None`` before 2007); :func:`edition_on` is its
    ``value``.

    >>> r = in_force(dt.date(2026, 8, 1))
    >>> r.name, r.shipped
    ('GBZ 188-2025', True)
    """
    return pick(_EDITIONS, as_of)


def edition_on(as_of: dt.date) -> SurveillanceEdition | None:
    """The GBZ 188 edition in force on ``as_of`` (``None`` before 2007); the ``value`` of :func:`in_force`.

    >>> edition_on(dt.date(2026, 7, 31)).name, edition_on(dt.date(2026, 8, 1)).name
    ('GBZ 188-2014', 'GBZ 188-2025')
    """
    found = in_force(as_of)
    return None if found is None else found.value


@attrs.frozen(slots=True)
class ExamIntervalRule(instruments.CitesClause):
    """One in-service (periodic) examination interval of one GBZ 188 edition for one hazard factor.

    ``months`` is the plain interval; ``by_noise`` and ``by_grade`` refine it (noise level bands,
    hazard grade of the work). ``names`` are the names and CAS numbers the factor is known by; they are
    resolved through the reference catalogue (a catalogue factor may be broader than the standard's
    section, e.g. 汞及其化合物 for 汞及其无机化合物: ``note`` says so).
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
    edition: str = GBZ188_2014


def _from_entry(entry: Any, edition: str) -> ExamIntervalRule:
    return ExamIntervalRule(
        entry.hazard_zh,
        entry.names,
        entry.months,
        entry.source.transcription,
        entry.verified,
        entry.clause,
        entry.note,
        by_noise=entry.by_noise,
        by_grade=tuple((HazardGrade[code], months) for code, months in entry.by_grade),
        edition=edition,
    )


_CATALOGUE_TABLES = {GBZ188_2014: "exam_intervals_2014", GBZ188_2025: "exam_intervals_2025"}


@functools.cache
def _table(edition: str) -> tuple[ExamIntervalRule, ...]:
    """The intervals of ``edition`` from the reference catalogue (their one copy; read on first use)."""
    name = _CATALOGUE_TABLES.get(edition)
    if name is None:
        return ()
    entries = getattr(importlib.import_module("ohsreg.catalogue"), name)
    return tuple(_from_entry(e, edition) for e in entries)


_GRADE_ORDER = {
    HazardGrade.GRADE_0: 0,
    HazardGrade.GRADE_I: 1,
    HazardGrade.GRADE_II: 2,
    HazardGrade.GRADE_III: 3,
    HazardGrade.GRADE_IV: 4,
}

_index_lock = threading.Lock()
_indexes: dict[str, dict[str, ExamIntervalRule]] = {}


def _rule_index(edition: str) -> dict[str, ExamIntervalRule]:
    index = _indexes.get(edition)
    if index is None:
        with _index_lock:
            index = _indexes.get(edition)
            if index is None:
                table: dict[str, ExamIntervalRule] = {}
                for rule in _table(edition):
                    for name in rule.names:
                        table.setdefault(name, rule)
                        table.setdefault(canonical_hazard(name), rule)
                _indexes[edition] = index = table
    return index


def _find(edition: str, hazard: str) -> ExamIntervalRule | None:
    index = _rule_index(edition)
    return index.get(hazard) or index.get(canonical_hazard(hazard))


def interval_rules(edition: str = GBZ188_2014) -> tuple[ExamIntervalRule, ...]:
    """Every interval shipped for ``edition``, in table order (``verified`` says how sure each is).

    >>> len(interval_rules()), len(interval_rules("GBZ 188-2025"))
    (46, 2)
    """
    return _table(edition)


@attrs.frozen(slots=True)
class ExamInterval(instruments.CitesClause):
    """The periodic examination interval that answers for one hazard on one date.

    ``months`` is ``None`` when no interval is shipped for the factor (or the date is before
    GBZ 188-2014); ``status`` and ``reason`` then say why. ``edition`` is the edition whose interval
    answered; ``caveat`` warns when it is not the edition in force on the date.
    """

    hazard: str
    months: int | None
    edition: str | None
    clause: str
    verified: bool
    reason: str = ""
    caveat: str = ""
    status: str = "OK"
    """``OK``; ``FALLBACK`` (GBZ 188-2025 in force, its interval for the factor not shipped: the
    replaced GBZ 188-2014 interval is given); ``NOT_SHIPPED`` (no interval for the factor);
    ``EDITION_NOT_SHIPPED`` (date before GBZ 188-2014); ``NO_INTERVAL_AT_LEVEL`` (noise below
    80 dB(A), grade 0); ``NOT_LISTED`` (the edition has no section for the factor, see
    :data:`NOT_LISTED`: no examination is demanded by it)."""


@attrs.frozen(slots=True)
class NotListed:
    """A factor an edition of GBZ 188 has no section for, with the evidence."""

    hazard: str
    edition: str
    source: str
    verified: bool


NOT_LISTED: tuple[NotListed, ...] = (
    NotListed(
        "乙酸丁酯",
        GBZ188_2014,
        "GBZ 188-2014 has no section for 乙酸丁酯 among the chemical sections seen (items 1-42 of the "
        "public copy renrendoc p-80331186, 铅 to 氯丁二烯); the remaining sections were not seen, so this "
        "is unverified. Searched 2026-12: no copy or page lists it for examination",
        False,
    ),
)
"""Factors a GBZ 188 edition does not list: no pre-placement or periodic examination is demanded for
them (``status="NOT_LISTED"``); a factor neither here nor in the interval rules stays ``NOT_SHIPPED``
and its pre-placement examination is still demanded (the conservative reading)."""


def _not_listed(edition: str, hazard: str) -> NotListed | None:
    key = canonical_hazard(hazard)
    return next((n for n in NOT_LISTED if n.edition == edition and canonical_hazard(n.hazard) == key), None)


def _months(
    rule: ExamIntervalRule, lex_8h: float | SoundLevel | None, grade: HazardGrade | str | None
) -> tuple[int | None, str]:
    months, reason = rule.months, ""
    if rule.by_noise:
        if lex_8h is None:
            months, reason = rule.by_noise[0][1], "noise level not given: shortest interval"
        else:
            from ohsreg.units import SoundLevel, parse_sound_level

            level = (
                lex_8h.value
                if isinstance(lex_8h, SoundLevel)
                else parse_sound_level(lex_8h, field="lex_8h").value
            )
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
    return months, reason


def _check_hazard(hazard: object) -> None:
    if not isinstance(hazard, str):
        raise InvalidFormat(
            "{field_name} must be {expected}, not {type}",
            rule="rules.argument_type",
            field="hazard",
            field_name="hazard",
            expected="str",
            type=type(hazard).__name__,
        )


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
    (the conservative reading) and ``reason`` says so. From 2026-08-01 (GBZ 188-2025) a factor without
    a shipped 2025 interval gets the GBZ 188-2014 one with ``status="FALLBACK"`` and a ``caveat``.
    """
    _check_hazard(hazard)
    check_date(as_of, "as_of")
    # Before GBZ 188-2014 the answer is "not shipped" whether GBZ 188-2007 was yet in force or not (its
    # day is unknown), so that day need not be known.
    edition = None if as_of < _EDITIONS[1].start else edition_on(as_of)
    if edition is None or not edition.shipped:
        return ExamInterval(
            hazard,
            None,
            GBZ188_2007,
            GBZ188_2007,
            False,
            reason=f"GBZ 188-2007 (in force before {instruments.in_force_date(GBZ188_2014)}) is not shipped",
            status="EDITION_NOT_SHIPPED",
        )
    rule = _find(edition.name, hazard)
    caveat, status = "", "OK"
    if rule is None and edition.name == GBZ188_2025:
        rule = _find(GBZ188_2014, hazard)
        if rule is not None:
            status = "FALLBACK"
            caveat = (
                f"GBZ 188-2025 is in force from {instruments.in_force_date(GBZ188_2025).isoformat()}; its interval for "
                f"{hazard_name(canonical_hazard(hazard))} is not shipped: the replaced GBZ 188-2014 interval is "
                "given (check it against the 2025 text)"
            )
    if rule is None:
        unlisted = _not_listed(edition.name, hazard)
        if unlisted is None and edition.name == GBZ188_2025:
            unlisted = _not_listed(GBZ188_2014, hazard)  # like the intervals: the replaced edition answers
        if unlisted is not None:
            return ExamInterval(
                hazard,
                None,
                unlisted.edition,
                f"{unlisted.edition} (no section for this factor)",
                unlisted.verified and unlisted.edition == edition.name,
                reason=unlisted.source,
                caveat=""
                if unlisted.edition == edition.name
                else f"{edition.name} is in force; that it lists no section for this factor either is not checked",
                status="NOT_LISTED",
            )
        return ExamInterval(
            hazard,
            None,
            edition.name,
            edition.name,
            False,
            reason=f"no {edition.name} interval is shipped for this factor",
            status="NOT_SHIPPED",
        )
    months, reason = _months(rule, lex_8h, grade)
    if months is None:
        status = "NO_INTERVAL_AT_LEVEL"
    verified = rule.verified and status != "FALLBACK"
    return ExamInterval(rule.hazard, months, rule.edition, rule.clause, verified, reason, caveat, status)


@attrs.frozen(slots=True)
class ExamDue(instruments.CitesClause):
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

    @property
    def clause(self) -> str:
        """The provision of the interval that answered (:attr:`ExamInterval.clause`)."""
        return self.interval.clause

    def overdue(self, as_of: dt.date) -> bool:
        """Whether the examination is late on ``as_of`` (due strictly before it)."""
        return self.due is not None and self.due < as_of


class _Exam(Protocol):
    """What :func:`next_exam_due` reads of an examination (a :class:`~ohsreg.models.surveillance.HealthExam`;
    structural, so the rules do not import the records that use them)."""

    @property
    def exam_type(self) -> ExamType: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def hazards(self) -> tuple[str, ...]: ...


def _covers(exam: _Exam, hazard: str) -> bool:
    key = canonical_hazard(hazard)
    return hazard in exam.hazards or key in exam.hazards


def next_exam_due(
    worker: object,
    hazard: str,
    *,
    as_of: dt.date,
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
    check_date(as_of, "as_of")
    _check_hazard(hazard)
    exams: Iterable[_Exam] = getattr(worker, "exams", ())
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
