"""Pure rule functions of each area: plain values in, typed verdicts out, each citing its clause.

Every rules module offers the same verbs, as every identifier module of python-stdnum offers
``validate``, ``is_valid``, ``compact`` and ``format`` (the modules are listed in :data:`MODULES`):

======================  =================================================================================
verb                    what it answers
======================  =================================================================================
``editions()``          every regime the module models, oldest first, each a :class:`Regime`
``in_force(as_of)``     the :class:`Regime` in force on ``as_of``; ``None`` before the first one
======================  =================================================================================

A :class:`Regime` names the edition (and amendment state) of the instrument that governed, when it
applied, whether ohsreg encodes it, and the module's own value for it (``AgencyRegime``,
``DetectionRegime``, ``SurveillanceEdition``, ``ProjectRegime``, or the
:class:`~ohsreg.instruments.Instrument` itself). Its dates come from :mod:`ohsreg.instruments`.

Every result a rules module returns carries its provision twice, as everywhere in ohsreg: ``clause``,
the citation text (what findings and JSON show), and ``clause_ref``, the
:class:`~ohsreg.instruments.Clause` of the registry it reads back as. Deadlines counted from an event
(a declaration, an acceptance plan, a written report) are a :class:`Deadline`.

>>> import datetime as dt
>>> from ohsreg.rules import detection
>>> r = detection.in_force(dt.date(2024, 1, 1))
>>> r.name, r.clause_ref.instrument.family, r.value.name
('NHC Order 5', 'workplace order', '令第5号')
>>> [e.name for e in detection.editions()]
['SAWS Order 47', 'NHC Order 5']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Generic, TypeVar

import attrs

from ohsreg.instruments import CitesClause, Clause, Instrument
from ohsreg.rules._calendar import check_date

__all__ = ["MODULES", "Deadline", "Regime"]

MODULES = (
    "agency",
    "declaration",
    "detection",
    "enforcement",
    "project",
    "staffing",
    "surveillance",
    "training",
)
"""The rules modules (``from ohsreg.rules import agency``); each offers the verbs ``editions()`` and
``in_force(as_of)``."""

R = TypeVar("R")


@attrs.frozen(slots=True, repr=False)
class Regime(Generic[R]):
    """A regime a rules module applies: the edition (and amendment state) of its instrument, the days it
    applied, and the module's own value for it.

    ``start`` is the first day (for an instrument whose day of entry into force is unknown, the first day
    of its window: :attr:`verified` is then ``False``, and ``in_force(as_of)`` for a day inside the window
    raises ``instruments.date_unverified`` as :func:`ohsreg.instruments.in_force` does); ``end`` the first
    day no longer applied (``None`` while in force).
    """

    value: R
    """The module's own value: ``AgencyRegime``, ``DetectionRegime``, ``SurveillanceEdition``,
    ``ProjectRegime``; the :class:`~ohsreg.instruments.Instrument` where the module has no other."""
    clause_ref: Clause
    """The instrument as a whole, as amended (its :class:`~ohsreg.instruments.Clause`)."""
    start: dt.date
    end: dt.date | None

    @property
    def instrument(self) -> Instrument:
        """The edition of the instrument."""
        return self.clause_ref.instrument

    @property
    def clause(self) -> str:
        """The citation of the instrument as amended (``国家卫生健康委令第5号《工作场所职业卫生管理规定》``)."""
        return self.clause_ref.cite()

    @property
    def name(self) -> str:
        """The pinnable name of the edition and amendment state (``"NHC Order 4+Order 11"``)."""
        amendment = self.clause_ref.amendment
        return self.instrument.id if amendment is None else f"{self.instrument.id}+{amendment}"

    @property
    def shipped(self) -> bool:
        """Whether ohsreg encodes the rules of this regime (a predecessor may be listed for its dates)."""
        return self.instrument.shipped

    @property
    def verified(self) -> bool:
        """Whether the dates are verified (the instrument's and its amendment's in-force dates)."""
        inst, amendment = self.instrument, self.clause_ref.amendment
        return inst.verified and (amendment is None or inst.amendment(amendment).verified)

    def applies_on(self, as_of: dt.date) -> bool:
        """Whether the regime applied on ``as_of`` (``instruments.date_unverified`` inside the window of
        an unknown day of entry into force)."""
        check_date(as_of, "as_of")
        applies = self.start <= as_of and (self.end is None or as_of < self.end)
        if applies:
            _refuse_unknown_start(self.clause_ref, as_of)
        return applies

    def __repr__(self) -> str:
        until = self.end.isoformat() if self.end else ""
        return f"Regime({self.name!r}, {self.start.isoformat()}..{until})"


def chain(entries: Sequence[tuple[R, Clause]]) -> tuple[Regime[R], ...]:
    """The regimes of a module, oldest first, from (value, instrument clause) pairs: each starts when its
    instrument (or the amendment its clause cites) entered into force and ends when the next starts, or
    when its instrument ended. Not public API (the modules build their :func:`editions` with it)."""
    starts = [_start(c) for _, c in entries]
    out: list[Regime[R]] = []
    for i, (value, clause) in enumerate(entries):
        end = clause.instrument.end
        if i + 1 < len(entries):
            end = starts[i + 1] if end is None else min(end, starts[i + 1])
        out.append(Regime(value, clause, starts[i], end))
    return tuple(out)


def _start(clause: Clause) -> dt.date:
    inst = clause.instrument
    return inst.first_day if clause.amendment is None else inst.amendment(clause.amendment).first_day


def pick(editions: Sequence[Regime[R]], as_of: dt.date) -> Regime[R] | None:
    """The regime of ``editions`` that applied on ``as_of`` (``rules.date`` for a non-date); not public
    API (the modules' :func:`in_force`)."""
    check_date(as_of, "as_of")
    found = next(
        (r for r in reversed(editions) if r.start <= as_of and (r.end is None or as_of < r.end)), None
    )
    if found is not None:
        _refuse_unknown_start(found.clause_ref, as_of)
    return found


def _refuse_unknown_start(clause: Clause, as_of: dt.date) -> None:
    """Inside the window of an unknown day of entry into force neither a regime nor its predecessor can
    be named: refuse as :mod:`ohsreg.instruments` does (``instruments.date_unverified``)."""
    if clause.amendment is None:
        clause.instrument.applies_on(as_of)
    else:
        clause.instrument.amendment(clause.amendment).applies_on(as_of)


@attrs.frozen(slots=True)
class Deadline(CitesClause):
    """The last day a filing or report is on time, counted from an event, and the provision that sets it.

    ``days`` is positive for a period after the event (a declaration within 30 days of an acceptance)
    and negative for a deadline before it (an acceptance plan reported 20 days before the acceptance).
    """

    duty: str
    """What is due: ``"declaration"``, ``"acceptance_plan"``, ``"written_report"``."""
    event_date: dt.date
    """The day the period is counted from (the event; for a deadline before an event, that event)."""
    days: int
    """Calendar days after the event (negative: before it)."""
    due: dt.date
    """The last day on time."""
    clause: str
    verified: bool = True
    """Whether the provision's article number is verified (the day count itself is)."""

    def on_time(self, filed: dt.date) -> bool:
        """Whether a filing on ``filed`` is on time: on or before :attr:`due`, and for a period after an
        event not before the event itself.

        >>> from ohsreg.rules import declaration
        >>> d = declaration.declaration_due("TERMINATION", dt.date(2024, 1, 31))
        >>> d.due, d.on_time(dt.date(2024, 2, 15)), d.on_time(dt.date(2024, 2, 16))
        (datetime.date(2024, 2, 15), True, False)
        """
        check_date(filed, "filed")
        if self.days < 0:
            return filed <= self.due
        return self.event_date <= filed <= self.due

    def overdue(self, as_of: dt.date) -> bool:
        """Whether a filing still not made on ``as_of`` is late (the last day on time is before it)."""
        check_date(as_of, "as_of")
        return self.due < as_of
