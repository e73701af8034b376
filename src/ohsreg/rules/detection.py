"""Periodic detection (职业病危害因素检测) and current-status evaluation (现状评价) duties, by regime and class.

Two regimes, chosen by ``as_of``:

**令第47号** — 《工作场所职业卫生监督管理规定》 (原国家安全生产监督管理总局令第47号, issued
2012-04-27, in force **2012-06-01**, replaced by 令第5号 on 2021-02-01), **Art. 20**:

- every employer with occupational hazards (存在职业病危害的用人单位) detects **at least once a year**,
  whatever its class;
- a **serious** employer (职业病危害严重) also evaluates the current status **at least once every three
  years**.

Confidence: the article text was seen quoted word for word on two independent non-government pages
(a vendor page and an occupational-disease news site) and summarised the same way by a Q&A page; the
in-force date from a copy of the order's preamble. Secondary copies: ``REGIMES[...].verified`` is False.

**令第5号** — 《工作场所职业卫生管理规定》 (国家卫生健康委令第5号, adopted 2020-12-04, promulgated
2020-12-31, in force **2021-02-01**), **Art. 20**, verified against a public copy of the order's text
(RULES §5):

- a **serious** employer detects **at least once a year** and evaluates **at least once every three
  years**;
- a **general** employer (职业病危害一般) detects **at least once every three years**;
- Art. 20 names no duty for **relatively serious** (较重) employers, and no periodic status evaluation
  for general ones: the functions answer "no rule" (``months is None``) with the reason;
- Art. 21: after an occupational-disease hazard accident the employer commissions a status evaluation
  promptly (及时, no number of days).

Before 2012-06-01 no regime is shipped. "At least once a year" is read as: the next one is due 12
calendar months after the last (likewise 36 months); a duty done on the due day is on time.

>>> import datetime as dt
>>> d = next_detection_due("SERIOUS", dt.date(2023, 5, 10), as_of=dt.date(2024, 1, 1))
>>> d.due, d.clause
(datetime.date(2024, 5, 10), '国家卫生健康委令第5号《工作场所职业卫生管理规定》第二十条')
>>> next_status_evaluation_due("GENERAL", None, as_of=dt.date(2024, 1, 1)).months is None
True
>>> next_detection_due(None, dt.date(2019, 3, 1), as_of=dt.date(2020, 1, 1)).due  # 令第47号: yearly for all
datetime.date(2020, 3, 1)
"""

from __future__ import annotations

import datetime as dt

import attrs

import ohsreg.instruments as instruments
from ohsreg.rules import Regime, chain, pick
from ohsreg.rules._calendar import add_months, check_date
from ohsreg.vocab import RiskClass

__all__ = [  # ORDER5, ORDER5_IN_FORCE, ORDER47, ORDER47_IN_FORCE: deprecated, see ohsreg.instruments
    "REGIMES",
    "DetectionRegime",
    "DutyDue",
    "detection_interval_months",
    "detection_regime",
    "editions",
    "in_force",
    "next_detection_due",
    "next_status_evaluation_due",
    "status_evaluation_interval_months",
]

_ORDER47, _ORDER5 = "SAWS Order 47", "NHC Order 5"  # ids in ohsreg.instruments (dates and citations)
__getattr__ = instruments.deprecated_dates(
    __name__,
    {
        "ORDER5": ('ohsreg.instruments.lookup("NHC Order 5").citation', lambda: instruments.cite(_ORDER5)),
        "ORDER5_IN_FORCE": (
            'ohsreg.instruments.lookup("NHC Order 5").in_force',
            lambda: instruments.in_force_date(_ORDER5),
        ),
        "ORDER47": (
            'ohsreg.instruments.lookup("SAWS Order 47").citation',
            lambda: instruments.cite(_ORDER47),
        ),
        "ORDER47_IN_FORCE": (
            'ohsreg.instruments.lookup("SAWS Order 47").in_force',
            lambda: instruments.in_force_date(_ORDER47),
        ),
    },
)


@attrs.frozen(slots=True)
class DetectionRegime(instruments.CitesClause):
    """One provision setting detection and status-evaluation frequencies, and when it applied.

    ``detection`` and ``evaluation`` map a risk class to months; the key ``None`` applies to every
    employer with hazards whatever its class.
    """

    name: str
    clause: str
    start: dt.date
    end: dt.date | None
    detection: dict[RiskClass | None, int]
    evaluation: dict[RiskClass | None, int]
    verified: bool
    source: str

    def applies_on(self, as_of: dt.date) -> bool:
        return self.start <= as_of and (self.end is None or as_of < self.end)


def _regime(
    name: str,
    order: str,
    detection: dict[RiskClass | None, int],
    evaluation: dict[RiskClass | None, int],
    verified: bool,
    source: str,
) -> DetectionRegime:
    """A regime of Art. 20 of ``order``: its dates and citation come from :mod:`ohsreg.instruments`."""
    inst = instruments.lookup(order)
    return DetectionRegime(
        name,
        inst.clause("第二十条").cite(),
        inst.first_day,
        inst.end,
        detection,
        evaluation,
        verified,
        source,
    )


REGIMES: tuple[DetectionRegime, ...] = (
    _regime(
        "令第47号",
        _ORDER47,
        {None: 12},
        {RiskClass.SERIOUS: 36},
        False,
        "article text quoted verbatim on two non-government pages (bestb2b.com vendor page, news.zybw.com)",
    ),
    _regime(
        "令第5号",
        _ORDER5,
        {RiskClass.SERIOUS: 12, RiskClass.GENERAL: 36},
        {RiskClass.SERIOUS: 36},
        True,
        "copy of the order's text (021wv.cn), RULES §5",
    ),
)
"""The two regimes of Art. 20 (dates from :mod:`ohsreg.instruments`)."""


_EDITIONS: tuple[Regime[DetectionRegime], ...] = chain(
    [(r, instruments.clause(order)) for r, order in zip(REGIMES, (_ORDER47, _ORDER5), strict=True)]
)


def editions() -> tuple[Regime[DetectionRegime], ...]:
    """The two regimes, oldest first (``value``: the :class:`DetectionRegime` with its frequencies)."""
    return _EDITIONS


def in_force(as_of: dt.date) -> Regime[DetectionRegime] | None:
    """The regime in force on ``as_of`` (``None`` before 2012-06-01); :func:`detection_regime` is its
    ``value``."""
    return pick(_EDITIONS, as_of)


def detection_regime(as_of: dt.date) -> DetectionRegime | None:
    """The regime in force on ``as_of``: 令第47号 第二十条 from 2012-06-01, 令第5号 第二十条 from
    2021-02-01 (``None`` before 2012-06-01); the ``value`` of :func:`in_force`."""
    found = in_force(as_of)
    return None if found is None else found.value


@attrs.frozen(slots=True)
class DutyDue(instruments.CitesClause):
    """When a periodic duty is next due.

    ``months`` is ``None`` when no shipped provision sets a frequency (``reason`` says why); ``due`` is
    ``None`` then, and also when the duty has never been done (``never_done``): it is due now.
    ``regime`` names the provision that answered.
    """

    duty: str
    months: int | None
    due: dt.date | None
    last_done: dt.date | None
    clause: str
    reason: str = ""
    regime: str | None = None

    @property
    def never_done(self) -> bool:
        """A frequency applies but the duty was never done."""
        return self.months is not None and self.last_done is None

    def overdue(self, as_of: dt.date) -> bool:
        """Never done although required, or due strictly before ``as_of``."""
        return self.never_done or (self.due is not None and self.due < as_of)


def _interval(
    which: str, risk_class: RiskClass | str | None, as_of: dt.date
) -> tuple[int | None, str, DetectionRegime | None]:
    regime = detection_regime(as_of)
    if regime is None:
        first = instruments.in_force_date(_ORDER47).isoformat()
        return None, f"no detection regime before 令第47号 ({first}) is shipped", None
    table = regime.detection if which == "detection" else regime.evaluation
    if None in table:
        return table[None], "", regime
    if risk_class is None:
        return None, f"{regime.name} Art. 20 depends on the risk class, which is not given", regime
    cls = RiskClass.parse(risk_class, field="risk_class")
    months = table.get(cls)
    if months is None:
        return None, f"{regime.name} Art. 20 sets no {which} frequency for {cls.code} employers", regime
    return months, "", regime


def detection_interval_months(risk_class: RiskClass | str | None, *, as_of: dt.date) -> int | None:
    """Months between detections for an employer of ``risk_class`` on ``as_of`` (12, 36 or None)."""
    return _interval("detection", risk_class, as_of)[0]


def status_evaluation_interval_months(risk_class: RiskClass | str | None, *, as_of: dt.date) -> int | None:
    """Months between current-status evaluations (36 for serious; None otherwise)."""
    return _interval("evaluation", risk_class, as_of)[0]


def _due(which: str, risk_class: RiskClass | str | None, last: dt.date | None, as_of: dt.date) -> DutyDue:
    check_date(last, f"last_{which}", optional=True)
    check_date(as_of, "as_of")
    months, reason, regime = _interval(which, risk_class, as_of)
    due = add_months(last, months) if months is not None and last is not None else None
    clause = regime.clause if regime is not None else instruments.cite(_ORDER47)
    return DutyDue(which, months, due, last, clause, reason, regime.name if regime else None)


def next_detection_due(
    risk_class: RiskClass | str | None, last_detection: dt.date | None, *, as_of: dt.date
) -> DutyDue:
    """The next periodic detection of hazard factors (令第47号 or 令第5号 第二十条, by ``as_of``)."""
    return _due("detection", risk_class, last_detection, as_of)


def next_status_evaluation_due(
    risk_class: RiskClass | str | None, last_evaluation: dt.date | None, *, as_of: dt.date
) -> DutyDue:
    """The next current-status evaluation (serious employers; 令第47号 or 令第5号 第二十条)."""
    return _due("evaluation", risk_class, last_evaluation, as_of)
