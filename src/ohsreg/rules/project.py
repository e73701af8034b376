"""Rules of the construction-project 'three simultaneities' (三同时) as pure functions of dates and classes.

Every function takes plain values (dates, a :class:`~ohsreg.vocab.RiskClass`, counts) and returns a date,
a bool or a regime; the models in :mod:`ohsreg.models.project` call them and turn failures into
findings. Articles cited are those of 《建设项目职业病防护设施“三同时”监督管理办法》(原国家安全生产监督
管理总局令第90号, adopted 2017-01-10, in force 2017-05-01), unless said otherwise.

Verification (public copies of the text, see the rule table in the docs):

- Art. 9 (pre-evaluation in the feasibility stage), Art. 10 (report contents, conclusion states the risk
  class), Art. 11 (analogy data from a qualified agency), Art. 12 (review: internal for 一般/较重, with
  external staff for 严重): article numbers and text **verified** (copy of the order, caoyouku.com).
- Art. 23 (trial run at least 30 and at most 180 days, industry exceptions) and Art. 24 (control-effect
  evaluation before completion acceptance or during the trial run): **verified** (pmstop.com.cn).
- The 20-day acceptance-plan report, the 20-day written report of 严重 projects after acceptance, the
  design-review split, the design before construction and the public disclosure (公示): text
  **verified** from copies, article numbers **not verified** - cited by content, see ``ARTICLE_*`` below.
- Re-evaluation after a material change of scale, process or materials: **not verified** for 令第90号
  (FACTS mark S/K); verified only for older provincial rules. Findings built on it are warnings.
- 令第51号 (2012, 《建设项目职业卫生“三同时”监督管理暂行办法》): in force 2012-06-01 (verified, order
  header) with class-based supervision in its Art. 6 (verified that the article exists and starts with
  the 一般 class; the filing/approval split by class is **not verified** and is not encoded).

Day counting: a period "within N days from" a date does not count that date (民法典 第二百零一条); a
deadline "N days before" a date is the date minus N days.

>>> import datetime as dt
>>> acceptance_plan_deadline(dt.date(2024, 6, 21))
datetime.date(2024, 6, 1)
>>> written_report_deadline(dt.date(2024, 6, 1))
datetime.date(2024, 6, 21)
>>> trial_run_ok(30), trial_run_ok(181)
(True, False)
"""

from __future__ import annotations

import datetime as dt

import ohsreg.instruments as instruments
from ohsreg.errors import InvalidFormat
from ohsreg.rules import Deadline, Regime, chain, pick
from ohsreg.rules._calendar import add_days, check_date
from ohsreg.vocab import LabeledEnum, RiskClass

__all__ = [
    "ACCEPTANCE_PLAN_DAYS",
    "ARTICLE_ACCEPTANCE_PLAN",
    "ARTICLE_ACCEPTANCE_REVIEW",
    "ARTICLE_CHANGE",
    "ARTICLE_CONTROL_EFFECT",
    "ARTICLE_DESIGN",
    "ARTICLE_DESIGN_REVIEW",
    "ARTICLE_DISCLOSURE",
    "ARTICLE_PRE_EVALUATION",
    "ARTICLE_PRE_EVALUATION_ANALOGY",
    "ARTICLE_PRE_EVALUATION_CONTENT",
    "ARTICLE_PRE_EVALUATION_REVIEW",
    "ARTICLE_TRIAL_RUN",
    "ARTICLE_WRITTEN_REPORT",
    # ORDER_51_IN_FORCE, ORDER_90_IN_FORCE: deprecated, see ohsreg.instruments
    "TRIAL_RUN_MAX_DAYS",
    "TRIAL_RUN_MIN_DAYS",
    "WRITTEN_REPORT_DAYS",
    "ProjectRegime",
    "acceptance_plan_deadline",
    "acceptance_plan_due",
    "acceptance_plan_on_time",
    "editions",
    "external_review_required",
    "in_force",
    "more_serious",
    "regime",
    "trial_run_days",
    "trial_run_ok",
    "written_report_deadline",
    "written_report_due",
    "written_report_on_time",
    "written_report_required",
]

_ORDER51, _ORDER90 = "SAWS Order 51", "SAWS Order 90"  # ids in ohsreg.instruments (dates, citations)
__getattr__ = instruments.deprecated_dates(
    __name__,
    {
        "ORDER_51_IN_FORCE": (
            'ohsreg.instruments.lookup("SAWS Order 51").in_force',
            lambda: instruments.in_force_date(_ORDER51),
        ),
        "ORDER_90_IN_FORCE": (
            'ohsreg.instruments.lookup("SAWS Order 90").in_force',
            lambda: instruments.in_force_date(_ORDER90),
        ),
    },
)


def _art(article: str | None = None, note: str | None = None) -> str:
    return instruments.cite(_ORDER90, article, note=note)


ARTICLE_PRE_EVALUATION = _art("第九条")
"""Pre-evaluation in the feasibility-study stage (verified)."""
ARTICLE_PRE_EVALUATION_CONTENT = _art("第十条")
"""Report contents; the conclusion states the project's risk class (verified)."""
ARTICLE_PRE_EVALUATION_ANALOGY = _art("第十一条")
"""Analogy-survey data must come from a qualified technical-service agency (verified)."""
ARTICLE_PRE_EVALUATION_REVIEW = _art("第十二条")
"""Review of the pre-evaluation; 严重 projects need external OH technical staff (verified)."""
ARTICLE_TRIAL_RUN = _art("第二十三条")
"""Trial run of at least 30 and at most 180 days, unless the industry rules say otherwise (verified)."""
ARTICLE_CONTROL_EFFECT = _art("第二十四条")
"""Control-effect evaluation before completion acceptance or during the trial run (verified)."""
ARTICLE_DESIGN = _art(note="职业病防护设施设计：施工前进行；条号未核实")
"""Protective-facility design before construction (text verified, article number not verified)."""
ARTICLE_DESIGN_REVIEW = _art(note="防护设施设计评审；条号未核实")
"""Design review, same split as Art. 12 (text verified, article number not verified)."""
ARTICLE_ACCEPTANCE_REVIEW = _art(note="控制效果评价评审及防护设施验收；条号未核实")
"""Control-effect review and acceptance: internal for 一般/较重, with external staff for 严重 (text verified,
article number not verified)."""
ARTICLE_ACCEPTANCE_PLAN = _art(note="验收前20日书面报告验收方案；条号未核实")
"""Acceptance plan reported in writing 20 days before acceptance (text verified, number not)."""
ARTICLE_WRITTEN_REPORT = _art(note="严重项目验收完成之日起20日内提交书面报告；条号未核实")
"""严重 projects: written report within 20 days after acceptance (text verified, number not)."""
ARTICLE_DISCLOSURE = _art(note="除国家保密项目外公布评价、评审、验收信息；条号未核实")
"""Public disclosure unless state-secret (text verified, article number not verified)."""
ARTICLE_CHANGE = _art(note="重大变更重新预评价；未核实")
"""Re-evaluation after a material change of scale, process or materials (not verified)."""

TRIAL_RUN_MIN_DAYS = 30
"""Shortest trial run, in days (令第90号 第二十三条; industry rules may set other bounds)."""
TRIAL_RUN_MAX_DAYS = 180
"""Longest trial run, in days (令第90号 第二十三条; industry rules may set other bounds)."""
ACCEPTANCE_PLAN_DAYS = 20
"""The acceptance plan is reported in writing at least this many days before acceptance (令第90号; article
number not verified, see :data:`ARTICLE_ACCEPTANCE_PLAN`)."""
WRITTEN_REPORT_DAYS = 20
"""严重 projects submit the written report within this many days after acceptance (令第90号; article
number not verified, see :data:`ARTICLE_WRITTEN_REPORT`)."""
_PLAN_DELTA = dt.timedelta(days=ACCEPTANCE_PLAN_DAYS)  # precomputed: these run per record
_REPORT_DELTA = dt.timedelta(days=WRITTEN_REPORT_DAYS)


class ProjectRegime(LabeledEnum):
    """The rules a construction project's stage is judged by, by the stage's date."""

    ORDER_49_2006 = (
        "ORDER_49_2006",
        "卫生部令第49号《建设项目职业病危害分类管理办法》",
        "MOH order 49 (2006), not encoded",
    )
    ORDER_51_2012 = (
        "ORDER_51_2012",
        "安监总局令第51号《建设项目职业卫生“三同时”监督管理暂行办法》",
        "SAWS order 51 (2012 interim measures)",
    )
    ORDER_90_2017 = (
        "ORDER_90_2017",
        "安监总局令第90号《建设项目职业病防护设施“三同时”监督管理办法》",
        "SAWS order 90 (2017)",
    )


_EDITIONS: tuple[Regime[ProjectRegime], ...] = chain(
    [
        (ProjectRegime.ORDER_49_2006, instruments.clause("MOH Order 49")),
        (ProjectRegime.ORDER_51_2012, instruments.clause(_ORDER51)),
        (ProjectRegime.ORDER_90_2017, instruments.clause(_ORDER90)),
    ]
)


def editions() -> tuple[Regime[ProjectRegime], ...]:
    """The three regimes, oldest first (``value``: the :class:`ProjectRegime`; 令第49号 is listed for its
    dates only, ``shipped`` is False).

    >>> [(r.name, r.shipped) for r in editions()]
    [('MOH Order 49', False), ('SAWS Order 51', True), ('SAWS Order 90', True)]
    """
    return _EDITIONS


def in_force(as_of: dt.date) -> Regime[ProjectRegime] | None:
    """The regime in force on ``as_of`` (``None`` before 令第49号; inside the window of its unknown day of
    entry into force, ``instruments.date_unverified``)."""
    return pick(_EDITIONS, as_of)


def regime(as_of: dt.date) -> ProjectRegime:
    """The regime in force on ``as_of``: 令第90号 from 2017-05-01, 令第51号 from 2012-06-01, else 2006 (the
    ``value`` of :func:`in_force`, and 2006 for earlier dates too).

    >>> regime(dt.date(2017, 4, 30)).code, regime(dt.date(2017, 5, 1)).code
    ('ORDER_51_2012', 'ORDER_90_2017')
    """
    check_date(as_of, "as_of")
    if as_of < _EDITIONS[1].start:
        # Before 令第51号 the answer is 令第49号 whether or not it was yet in force (its day is unknown),
        # and ohsreg encodes neither: no need to know the day.
        return ProjectRegime.ORDER_49_2006
    found = in_force(as_of)
    assert found is not None
    return found.value


_ORDER = {RiskClass.GENERAL: 0, RiskClass.RELATIVELY_SERIOUS: 1, RiskClass.SERIOUS: 2}


def more_serious(a: RiskClass, b: RiskClass) -> RiskClass:
    """The more serious of two risk classes (严重 > 较重 > 一般).

    >>> more_serious(RiskClass.GENERAL, RiskClass.SERIOUS).code
    'SERIOUS'
    """
    a, b = RiskClass.parse(a, field="a"), RiskClass.parse(b, field="b")
    return a if _ORDER[a] >= _ORDER[b] else b


def external_review_required(risk_class: RiskClass) -> bool:
    """Whether reviews (pre-evaluation, design, control effect and acceptance) need external OH staff.

    Only 严重 projects (令第90号 第十二条 for the pre-evaluation; the same split for design, control-effect
    review and acceptance, text verified).
    """
    return risk_class is RiskClass.SERIOUS


def trial_run_days(start: dt.date, end: dt.date) -> int:
    """Length of a trial run in days: the start day is not counted (``end - start``).

    >>> trial_run_days(dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    30
    """
    check_date(start, "start")
    check_date(end, "end")
    return (end - start).days


def trial_run_ok(days: int, *, minimum: int = TRIAL_RUN_MIN_DAYS, maximum: int = TRIAL_RUN_MAX_DAYS) -> bool:
    """Whether a trial run of ``days`` days is within 30–180 days (令第90号 第二十三条).

    ``minimum``/``maximum`` take the bounds of an industry rule when one applies (the article allows
    exceptions set by national departments or for special industries).
    """
    for name, value in (("days", days), ("minimum", minimum), ("maximum", maximum)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidFormat(
                "{field_name} must be {expected}, not {type}",
                rule="rules.argument_type",
                field=name,
                field_name=name,
                expected="int",
                type=type(value).__name__,
            )
    return minimum <= days <= maximum


def acceptance_plan_deadline(acceptance: dt.date) -> dt.date:
    """Last day to report the acceptance plan in writing: 20 days before acceptance
    (:data:`ARTICLE_ACCEPTANCE_PLAN`, article number not verified)."""
    check_date(acceptance, "acceptance")
    return add_days(acceptance, -_PLAN_DELTA.days)


def acceptance_plan_on_time(reported: dt.date, acceptance: dt.date) -> bool:
    """Whether the plan was reported at least 20 days before acceptance (:data:`ARTICLE_ACCEPTANCE_PLAN`).

    >>> acceptance = dt.date(2024, 6, 21)
    >>> [acceptance_plan_on_time(acceptance - dt.timedelta(days=d), acceptance) for d in (21, 20, 19)]
    [True, True, False]
    """
    return reported <= acceptance - _PLAN_DELTA


def written_report_required(risk_class: RiskClass) -> bool:
    """Whether the written report must be submitted to the authority (only 严重 projects; others 备查)."""
    return risk_class is RiskClass.SERIOUS


def written_report_deadline(acceptance_completed: dt.date) -> dt.date:
    """Last day of the 20 days from completion of acceptance, the completion day not counted
    (:data:`ARTICLE_WRITTEN_REPORT`, article number not verified)."""
    return acceptance_completed + _REPORT_DELTA


def written_report_on_time(submitted: dt.date, acceptance_completed: dt.date) -> bool:
    """Whether the written report was submitted within 20 days after acceptance (:data:`ARTICLE_WRITTEN_REPORT`).

    >>> done = dt.date(2024, 6, 1)
    >>> [written_report_on_time(done + dt.timedelta(days=d), done) for d in (19, 20, 21)]
    [True, True, False]
    """
    return acceptance_completed <= submitted <= acceptance_completed + _REPORT_DELTA


def acceptance_plan_due(acceptance: dt.date) -> Deadline:
    """The acceptance plan due before ``acceptance``: :func:`acceptance_plan_deadline` with its provision
    (:data:`ARTICLE_ACCEPTANCE_PLAN`; ``verified`` is False: the article number is not verified).

    >>> d = acceptance_plan_due(dt.date(2024, 6, 21))
    >>> d.due, d.on_time(dt.date(2024, 6, 1)), d.on_time(dt.date(2024, 6, 2))
    (datetime.date(2024, 6, 1), True, False)
    """
    due = acceptance_plan_deadline(acceptance)
    return Deadline("acceptance_plan", acceptance, -ACCEPTANCE_PLAN_DAYS, due, ARTICLE_ACCEPTANCE_PLAN, False)


def written_report_due(acceptance_completed: dt.date) -> Deadline:
    """The written report of a 严重 project due after ``acceptance_completed``: :func:`written_report_deadline`
    with its provision (:data:`ARTICLE_WRITTEN_REPORT`; the article number is not verified).

    >>> written_report_due(dt.date(2024, 6, 1)).due
    datetime.date(2024, 6, 21)
    """
    check_date(acceptance_completed, "acceptance_completed")
    due = written_report_deadline(acceptance_completed)
    return Deadline(
        "written_report", acceptance_completed, WRITTEN_REPORT_DAYS, due, ARTICLE_WRITTEN_REPORT, False
    )
