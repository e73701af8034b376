"""``Enterprise.check(as_of)``: every compliance rule applied to one employer on one date.

Each rule returns :class:`~ohsreg.models.base.Finding` objects with a stable code (documented in the rule
table), a severity, the clause applied, and a zh/en message. Findings never carry personal data: workers
are named by their employee number, people by their role.

Rules and where they come from (confidence in the rule modules' docstrings):

==================================  =====================================================================
code                                provision
==================================  =====================================================================
``declaration.*``                   安监总局令第48号 Arts. 2, 8, 9 (verified copy)
``surveillance.*``                  GBZ 188 intervals by edition (:mod:`~ohsreg.rules.surveillance`);
                                    the duty to examine, no contraindicated work, exit examinations:
                                    职业病防治法 (2018) Art. 35 (verified copy); suspected
                                    occupational disease: Arts. 50, 55 (verified copies)
``training.*``                      职业病防治法 (2018) Art. 34 (verified copy); hours 安监总厅安健〔2015〕121号
                                    (verified by independent pages)
``enterprise.oh_manager_missing``   职业病防治法 (2018) Art. 20 (1) (article number not verified)
``enterprise.oh_*`` (staffing)      令第5号 / 令第47号 Art. 8 (:mod:`~ohsreg.rules.staffing`)
``detection.*``, ``evaluation.*``   令第47号 Art. 20 (to 2021-01-31, secondary copies); 令第5号 Arts. 20, 21
                                    (verified copy)
``licence.expired``                 the licence's own validity
``enforcement.unrectified``         the inspection's rectification deadline
``accident.unreported``             卫生部令第25号 Art. 6 (verified copy; in-force status not verified)
``accident.reported_late``          卫生部令第25号 Arts. 6, 7: later than 6 h (:data:`LATE_REPORT_HOURS`)
==================================  =====================================================================
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

import ohsreg.instruments as instruments
from ohsreg.checks._finding import Findings
from ohsreg.checks.ppe import check_posts
from ohsreg.errors import EditionError
from ohsreg.models.authority import AuthorityKind, supervising_authority_kind
from ohsreg.models.base import Finding
from ohsreg.models.declaration import DeclarationKind, HazardDeclaration
from ohsreg.models.surveillance import ExamConclusion
from ohsreg.models.training import TrainingRecord
from ohsreg.rules._calendar import check_date
from ohsreg.rules._catalogue import directory_edition, directory_entry, hazard_name
from ohsreg.rules.declaration import (
    declaration_applies,
    declaration_clause,
    due_date,
)
from ohsreg.rules.detection import (
    detection_regime,
    next_detection_due,
    next_status_evaluation_due,
)
from ohsreg.rules.staffing import staffing_requirement
from ohsreg.rules.surveillance import GBZ188_2025, edition_on, next_exam_due
from ohsreg.rules.training import (
    HOURS_SOURCE,
    TRAINING_CLAUSE,
    TraineeRole,
    TrainingKind,
    hours_required,
    next_training_due,
)
from ohsreg.vocab import ExamType, RiskClass, Severity

if TYPE_CHECKING:
    from ohsreg.models.enforcement import Accident
    from ohsreg.models.enterprise import Enterprise

__all__ = ["EnterpriseRule", "check_enterprise"]

EnterpriseRule = Literal[
    "accident.reported_late",
    "accident.unreported",
    "declaration.hazard_missing",
    "declaration.late",
    "declaration.missing",
    "declaration.not_applicable",
    "declaration.overdue",
    "declaration.pending",
    "detection.missing",
    "detection.no_rule",
    "detection.overdue",
    "detection.risk_class_conditional",
    "detection.risk_class_derived",
    "detection.risk_class_unknown",
    "enforcement.authority_regime",
    "enforcement.unrectified",
    "enterprise.oh_manager_full_time_missing",
    "enterprise.oh_manager_missing",
    "enterprise.oh_organisation_missing",
    "evaluation.after_accident",
    "evaluation.missing",
    "evaluation.overdue",
    "licence.expired",
    "surveillance.contraindication",
    "surveillance.edition_fallback",
    "surveillance.exam_overdue",
    "surveillance.exit_exam_missing",
    "surveillance.interval_unknown",
    "surveillance.not_listed",
    "surveillance.pre_placement_missing",
    "surveillance.suspected_disease",
    "training.hours_short",
    "training.manager_untrained",
    "training.overdue",
    "training.principal_untrained",
    "training.worker_untrained",
]
"""The rule codes of the enterprise checks (``Enterprise.check``), as documented in the rule table; :data:`finding` accepts no other."""

finding = Findings[EnterpriseRule]()
"""Builds the findings of this module: :func:`ohsreg.models.finding` typed by :data:`EnterpriseRule`."""


def _law(article: str) -> str:
    """An article of 职业病防治法 as amended in 2018 (the text in force since 2018-12-29)."""
    return instruments.cite("OD law", article, amendment="2018")


LATE_REPORT_HOURS = 6
"""An accident report later than this many hours after the accident is late (``accident.reported_late``).

卫生部令第25号 第六条 makes the employer report **immediately** (立即), with no number of hours; 第七条
gives the county health department 6 hours to pass a general accident on (and "immediately" for the
others). ohsreg flags an employer's report later than those 6 hours: by then even the department's own
deadline has passed, so the report was certainly not immediate (an interpretation of 立即, stated in the
finding's parameters as ``threshold``; verified: the order's text, several public copies)."""


def _report_delay_hours(accident: Accident) -> float | None:
    """Hours from the accident to its report; None without a report or when the two times cannot be
    compared (one with a UTC offset, one without)."""
    if accident.reported_at is None:
        return None
    try:
        return float((accident.reported_at - accident.occurred_at).total_seconds()) / 3600.0
    except TypeError:
        return None


ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def check_enterprise(ent: Enterprise, *, as_of: dt.date) -> list[Finding]:
    """Every finding for ``ent`` on ``as_of`` (declaration, surveillance, training, detection,
    licences, enforcement, accidents), in that order."""
    check_date(as_of, "as_of")
    out: list[Finding] = []
    out += check_declaration(ent, as_of=as_of)
    out += check_surveillance(ent, as_of=as_of)
    out += check_training(ent, as_of=as_of)
    out += check_detection(ent, as_of=as_of)
    out += check_records(ent, as_of=as_of)
    out += check_post_ppe(ent, as_of=as_of)
    return out


# ------------------------------------------------------------------------------------------ declaration
def _filed(ent: Enterprise, as_of: dt.date) -> list[HazardDeclaration]:
    return sorted((d for d in ent.declarations if d.filed_on <= as_of), key=lambda d: d.filed_on)


def check_declaration(ent: Enterprise, *, as_of: dt.date) -> list[Finding]:
    """令第48号: a declaration exists, covers every hazard of the posts, and changes are filed in time."""
    if not declaration_applies(ent.industry):
        return [
            finding(
                "declaration.not_applicable",
                INFO,
                instruments.cite("SAWS Order 48", "第二条"),
                "coal mines are outside the declaration order; the declaration is not checked",
            )
        ]
    out: list[Finding] = []
    filed = _filed(ent, as_of)
    current = [d for d in filed if d.kind is not DeclarationKind.TERMINATION]
    if ent.hazards and not current:
        out.append(
            finding(
                "declaration.missing",
                ERROR,
                instruments.cite("SAWS Order 48", "第二条"),
                "no occupational-hazard declaration is filed although posts are exposed to hazards",
                subject="declarations",
            )
        )
    elif current:
        latest = current[-1]
        for hazard in latest.missing_hazards(ent.hazards):
            out.append(
                finding(
                    "declaration.hazard_missing",
                    ERROR,
                    instruments.cite("SAWS Order 48", "第五条"),
                    "hazard {hazard} of the posts is missing from the declaration filed on {filed_on}",
                    subject="declarations",
                    hazard=hazard_name(hazard),
                    hazard_key=hazard,
                    filed_on=latest.filed_on.isoformat(),
                )
            )
    for i, trigger in enumerate(ent.declaration_triggers):
        if trigger.occurred_on > as_of:
            continue
        due = due_date(trigger.event, trigger.occurred_on)
        answer = next(
            (
                d
                for d in filed
                if d.kind is not DeclarationKind.INITIAL
                and d.event is trigger.event
                and d.event_date is not None
                and d.event_date >= trigger.occurred_on
            ),
            None,
        )
        params = {"event": trigger.event.code, "event_zh": trigger.event.zh, "due_on": due.isoformat()}
        subject = f"declaration_triggers[{i}]"
        clause = declaration_clause(trigger.event)
        if answer is None and due < as_of:
            out.append(
                finding(
                    "declaration.overdue",
                    ERROR,
                    clause,
                    "the declaration for {event} was due by {due_on} and is not filed",
                    subject=subject,
                    due=due,
                    **params,
                )
            )
        elif answer is None:
            out.append(
                finding(
                    "declaration.pending",
                    INFO,
                    clause,
                    "the declaration for {event} is due by {due_on}",
                    subject=subject,
                    due=due,
                    **params,
                )
            )
        elif answer.filed_on > due:
            out.append(
                finding(
                    "declaration.late",
                    WARNING,
                    clause,
                    "the declaration for {event} was filed on {filed_on}, after its deadline {due_on}",
                    subject=subject,
                    due=due,
                    filed_on=answer.filed_on.isoformat(),
                    **params,
                )
            )
    return out


# ----------------------------------------------------------------------------------------- surveillance
_INTERVAL_UNKNOWN = {
    "NOT_SHIPPED": "no {edition} examination interval is shipped for {hazard}",
    "EDITION_NOT_SHIPPED": "GBZ 188-2007 intervals are not shipped: the interval for {hazard} is not checked",
    "NO_INTERVAL_AT_LEVEL": "{edition} gives no periodic interval for {hazard} at the recorded exposure",
}


def check_surveillance(ent: Enterprise, *, as_of: dt.date) -> list[Finding]:
    """GBZ 188: pre-placement, periodic and exit examinations; contraindicated workers kept on post."""
    out: list[Finding] = []
    reported_unknown: set[str] = set()
    fallback: dict[str, None] = {}
    try:
        edition = edition_on(as_of)
    except EditionError:
        # In 2007 GBZ 188-2007's unknown day of entry into force leaves the edition open; its intervals
        # are not shipped, so the checks are those of a day without a shipped edition either way.
        edition = None
    standard = edition.name if edition is not None else "GBZ 188"
    posts = {p.code: p for p in ent.posts}
    for i, worker in enumerate(ent.workers):
        subject = f"workers[{i}]"
        if worker.left_on is not None and worker.left_on <= as_of:
            exited = any(e.exam_type is ExamType.EXIT and e.date >= worker.placed_on for e in worker.exams)
            if not exited and any(posts[c].hazards for c in worker.posts):
                out.append(
                    finding(
                        "surveillance.exit_exam_missing",
                        ERROR,
                        f"{_law('第三十五条')}; {standard}",
                        "worker {worker} left on {left_on} without an exit examination",
                        subject=subject,
                        worker=worker.id,
                        left_on=worker.left_on.isoformat(),
                    )
                )
            continue
        if not worker.active_on(as_of):
            continue
        for code in worker.posts:
            post = posts[code]
            for hazard in post.hazards:
                exposure = post.latest_exposure(hazard)
                due = next_exam_due(
                    worker,
                    hazard,
                    as_of=as_of,
                    lex_8h=exposure.lex_8h if exposure else None,
                    grade=exposure.grade if exposure else None,
                )
                if due.interval.status == "FALLBACK":
                    fallback.setdefault(hazard_name(hazard), None)
                if due.interval.status == "NOT_LISTED":
                    if hazard not in reported_unknown:
                        reported_unknown.add(hazard)
                        out.append(
                            finding(
                                "surveillance.not_listed",
                                INFO,
                                due.interval.clause,
                                "{edition} has no examination section for {hazard}: no pre-placement or periodic examination is demanded for it",
                                subject=f"posts[{code}]",
                                hazard=hazard_name(hazard),
                                hazard_key=hazard,
                                edition=due.interval.edition or standard,
                            )
                        )
                    continue
                if due.kind is ExamType.PRE_PLACEMENT:
                    if due.overdue(as_of):
                        out.append(
                            finding(
                                "surveillance.pre_placement_missing",
                                ERROR,
                                f"{_law('第三十五条')}; {standard}",
                                "worker {worker} has no pre-placement examination for {hazard}",
                                subject=subject,
                                due=due.due,
                                due_on=str(due.due),
                                worker=worker.id,
                                hazard=hazard_name(hazard),
                                hazard_key=hazard,
                            )
                        )
                    continue
                if due.due is None:
                    if hazard not in reported_unknown:
                        reported_unknown.add(hazard)
                        out.append(
                            finding(
                                "surveillance.interval_unknown",
                                INFO,
                                due.interval.clause,
                                _INTERVAL_UNKNOWN[due.interval.status],
                                subject=f"posts[{code}]",
                                hazard=hazard_name(hazard),
                                hazard_key=hazard,
                                edition=due.interval.edition,
                            )
                        )
                elif due.overdue(as_of):
                    out.append(
                        finding(
                            "surveillance.exam_overdue",
                            ERROR,
                            due.interval.clause,
                            "worker {worker}: the periodic examination for {hazard} was due on {due_on}",
                            subject=subject,
                            due=due.due,
                            due_on=str(due.due),
                            worker=worker.id,
                            hazard=hazard_name(hazard),
                            hazard_key=hazard,
                            edition=due.edition,
                        )
                    )
                latest = max(
                    (e for e in worker.exams if e.date <= as_of and hazard in e.hazards),
                    key=lambda e: e.date,
                    default=None,
                )
                if latest is not None and latest.conclusion is ExamConclusion.CONTRAINDICATION:
                    out.append(
                        finding(
                            "surveillance.contraindication",
                            ERROR,
                            _law("第三十五条"),
                            "worker {worker} has a contraindication for {hazard} and is still on post {post}",
                            subject=subject,
                            worker=worker.id,
                            hazard=hazard_name(hazard),
                            hazard_key=hazard,
                            post=code,
                        )
                    )
    out += _suspected_diseases(ent, as_of)
    if fallback:
        out.append(
            finding(
                "surveillance.edition_fallback",
                INFO,
                GBZ188_2025,
                "GBZ 188-2025 is in force from {date}; its intervals for {hazards} are not shipped, so the GBZ 188-2014 intervals were used",
                date=instruments.in_force_date(GBZ188_2025).isoformat(),
                hazards="、".join(fallback),
            )
        )
    return out


_SUSPECTED_CLAUSE = _law("第五十条、第五十五条")
"""职业病防治法 (2018年修正, 主席令第24号): Art. 50 -- the employer reports suspected occupational-disease
patients to the health authority in time; Art. 55 -- the employer arranges their diagnosis in time, may
not end their labour contract during diagnosis or medical observation, and bears its cost (verified
against two public copies of the 2018 text, 2026-12; the 2011 edition numbered these articles
differently)."""


def _suspected_diseases(ent: Enterprise, as_of: dt.date) -> list[Finding]:
    """A suspected occupational disease found by an examination: diagnosis and report are due."""
    out: list[Finding] = []
    for i, worker in enumerate(ent.workers):
        for j, exam in enumerate(worker.exams):
            if exam.conclusion is ExamConclusion.SUSPECTED_DISEASE and exam.date <= as_of:
                out.append(
                    finding(
                        "surveillance.suspected_disease",
                        WARNING,
                        _SUSPECTED_CLAUSE,
                        "the examination of worker {worker} on {date} found a suspected occupational disease ({hazards}): arrange a diagnosis, report it to the health authority, and keep the labour contract during diagnosis",
                        subject=f"workers[{i}].exams[{j}]",
                        worker=worker.id,
                        date=exam.date.isoformat(),
                        hazards="、".join(hazard_name(h) for h in exam.hazards),
                    )
                )
    return out


# --------------------------------------------------------------------------------------------- training
_UNTRAINED = {
    TraineeRole.PRINCIPAL: "the principal has no initial occupational-health training on record",
    TraineeRole.OH_MANAGER: "an occupational-health manager has no initial occupational-health training on record",
}
_TRAINING_OVERDUE = {
    TraineeRole.PRINCIPAL: "the principal's continuing training was due on {due_on}",
    TraineeRole.OH_MANAGER: "an occupational-health manager's continuing training was due on {due_on}",
}


def _latest(trainings: tuple[TrainingRecord, ...], as_of: dt.date) -> TrainingRecord | None:
    done = [t for t in trainings if t.date <= as_of]
    return max(done, key=lambda t: t.date) if done else None


def _person_training(
    role: TraineeRole,
    trainings: tuple[TrainingRecord, ...],
    as_of: dt.date,
    subject: str,
    untrained_rule: EnterpriseRule,
) -> list[Finding]:
    out: list[Finding] = []
    clause = f"{TRAINING_CLAUSE}; {HOURS_SOURCE}"
    initial = [t for t in trainings if t.date <= as_of and t.kind is TrainingKind.INITIAL]
    if not initial:
        out.append(
            finding(
                untrained_rule,
                ERROR,
                clause,
                _UNTRAINED[role],
                subject=subject,
            )
        )
        return out
    for t in trainings:
        if t.date <= as_of and not t.meets(role):
            out.append(
                finding(
                    "training.hours_short",
                    WARNING,
                    clause,
                    "a training of {hours} h on {date} is below the minimum of {minimum} h",
                    subject=subject,
                    hours=t.hours,
                    date=t.date.isoformat(),
                    minimum=hours_required(role, t.kind),
                )
            )
    last = _latest(trainings, as_of)
    due = next_training_due(role, last.date) if last is not None else None
    if due is not None and due < as_of:
        out.append(
            finding(
                "training.overdue",
                ERROR,
                clause,
                _TRAINING_OVERDUE[role],
                subject=subject,
                due=due,
                due_on=due.isoformat(),
            )
        )
    return out


def check_training(ent: Enterprise, *, as_of: dt.date) -> list[Finding]:
    """Principal, OH managers and exposed workers trained (initial, hours, continuing cycle)."""
    out: list[Finding] = []
    exposed = bool(ent.hazards) or ent.workers_exposed > 0
    if not exposed:
        return out
    out += _person_training(
        TraineeRole.PRINCIPAL, ent.principal.trainings, as_of, "principal", "training.principal_untrained"
    )
    if not ent.oh_managers:
        out.append(
            finding(
                "enterprise.oh_manager_missing",
                ERROR,
                _law("第二十条第（一）项"),
                "no full-time or part-time occupational-health manager is appointed",
                subject="oh_managers",
            )
        )
    out += check_staffing(ent, as_of=as_of)
    for i, manager in enumerate(ent.oh_managers):
        out += _person_training(
            TraineeRole.OH_MANAGER,
            manager.trainings,
            as_of,
            f"oh_managers[{i}]",
            "training.manager_untrained",
        )
    posts = {p.code: p for p in ent.posts}
    for i, worker in enumerate(ent.workers):
        if not worker.active_on(as_of) or not any(posts[c].hazards for c in worker.posts):
            continue
        if not any(t.kind is TrainingKind.INITIAL and t.date <= as_of for t in worker.trainings):
            out.append(
                finding(
                    "training.worker_untrained",
                    ERROR,
                    f"{TRAINING_CLAUSE}; {HOURS_SOURCE}",
                    "worker {worker} has no pre-placement occupational-health training on record",
                    subject=f"workers[{i}]",
                    worker=worker.id,
                )
            )
    return out


_FULL_TIME_MISSING = {
    True: "the employer's occupational hazards are serious: a full-time occupational-health manager is required but none is appointed",
    False: "the employer has {count} workers (more than 100): a full-time occupational-health manager is required but none is appointed",
}


def check_staffing(ent: Enterprise, *, as_of: dt.date) -> list[Finding]:
    """令第5号 (before 2021-02-01 令第47号) Art. 8: a full-time OH manager and an OH organisation for
    serious employers and for employers with more than 100 workers (see :mod:`ohsreg.rules.staffing`)."""
    from ohsreg.models.enterprise import OHManagerRole

    out: list[Finding] = []
    risk_class, _ = ent.detection_risk_class(as_of=as_of)
    need = staffing_requirement(risk_class, ent.workers_total, as_of=as_of)
    if need is None:
        return out
    serious = risk_class is RiskClass.SERIOUS
    appointed = [m for m in ent.oh_managers if m.since is None or m.since <= as_of]
    if (
        need.full_time_required
        and appointed
        and not any(m.role is OHManagerRole.FULL_TIME for m in appointed)
    ):
        out.append(
            finding(
                "enterprise.oh_manager_full_time_missing",
                ERROR,
                need.clause,
                _FULL_TIME_MISSING[serious],
                subject="oh_managers",
                count=ent.workers_total,
            )
        )
    if need.organisation_required and ent.oh_organisation is None:
        out.append(
            finding(
                "enterprise.oh_organisation_missing",
                WARNING,
                need.clause,
                "an occupational-health management organisation is required (serious hazards or more than 100 workers) but none is recorded",
                subject="oh_organisation",
            )
        )
    return out


# ------------------------------------------------------------------------------- detection / evaluation
_NO_RULE_BEFORE = "no detection regime before 令第47号 (in force {since}) is shipped"
_NO_RULE_CLASS = "Art. 20 sets no detection frequency for {risk_class} employers"
_CLASS_UNKNOWN = "the employer's risk class is not given: duties that depend on it are not checked"
_CLASS_CONDITIONAL = (
    "industry {industry} is starred in the {edition}: it is serious only when adhesives, cleaners, inks or "
    "paints containing the listed solvents are used; set uses_listed_solvents to check the duties that "
    "depend on the class"
)
_DIRECTORY_NOTICE = "国卫办职健发〔2021〕5号"
_DUTY_MISSING = {
    "detection": "no detection of hazard factors is on record (required every {months} months)",
    "evaluation": "no current-status evaluation is on record (required every {months} months)",
}
_DUTY_OVERDUE = {
    "detection": "the detection of hazard factors was due on {due_on}",
    "evaluation": "the current-status evaluation was due on {due_on}",
}


def check_detection(ent: Enterprise, *, as_of: dt.date) -> list[Finding]:
    """令第47号/令第5号 第二十条 (periodic detection and status evaluation) and 令第5号 第二十一条
    (after an accident)."""
    out: list[Finding] = []
    if not ent.hazards:
        return out
    regime = detection_regime(as_of)
    if regime is None:
        order47 = instruments.lookup("SAWS Order 47")
        return [
            finding(
                "detection.no_rule",
                INFO,
                order47.citation,
                _NO_RULE_BEFORE,
                since=order47.first_day.isoformat(),
            )
        ]
    last_det = max((d.completed_on for d in ent.detections if d.completed_on <= as_of), default=None)
    last_eval = max((e.report_date for e in ent.status_evaluations if e.report_date <= as_of), default=None)
    risk_class, source = ent.detection_risk_class(as_of=as_of)
    starred = (
        directory_entry(ent.industry, as_of=as_of, uses_listed_solvents=None)
        if risk_class is None and ent.uses_listed_solvents is None
        else None
    )
    if starred is not None and starred.conditional:
        out.append(
            finding(
                "detection.risk_class_conditional",
                INFO,
                _DIRECTORY_NOTICE,
                _CLASS_CONDITIONAL,
                subject="uses_listed_solvents",
                industry=ent.industry,
                edition=directory_edition(starred),
            )
        )
    elif risk_class is None:
        out.append(
            finding(
                "detection.risk_class_unknown",
                INFO,
                regime.clause,
                _CLASS_UNKNOWN,
                subject="risk_class",
            )
        )
    elif source != "declared":
        out.append(
            finding(
                "detection.risk_class_derived",
                INFO,
                _DIRECTORY_NOTICE,
                "risk class {risk_class} derived from industry {industry} in the {edition}",
                subject="risk_class",
                risk_class=risk_class.code,
                risk_class_zh=risk_class.zh,
                industry=ent.industry,
                edition=source,
            )
        )
    for duty, prefix in (
        (next_detection_due(risk_class, last_det, as_of=as_of), "detection"),
        (next_status_evaluation_due(risk_class, last_eval, as_of=as_of), "evaluation"),
    ):
        if duty.months is None:
            if prefix == "detection" and risk_class is not None:
                out.append(
                    finding(
                        "detection.no_rule",
                        INFO,
                        duty.clause,
                        _NO_RULE_CLASS,
                        risk_class=risk_class.code,
                        risk_class_zh=risk_class.zh,
                    )
                )
            continue
        if duty.never_done:
            out.append(
                finding(
                    "detection.missing" if prefix == "detection" else "evaluation.missing",
                    ERROR,
                    duty.clause,
                    _DUTY_MISSING[prefix],
                    months=duty.months,
                )
            )
        elif duty.overdue(as_of):
            out.append(
                finding(
                    "detection.overdue" if prefix == "detection" else "evaluation.overdue",
                    ERROR,
                    duty.clause,
                    _DUTY_OVERDUE[prefix],
                    due=duty.due,
                    due_on=str(duty.due),
                )
            )
    for i, accident in enumerate(ent.accidents):
        day = accident.occurred_at.date()
        if day > as_of:
            continue
        if not any(e.report_date >= day for e in ent.status_evaluations if e.report_date <= as_of):
            out.append(
                finding(
                    "evaluation.after_accident",
                    WARNING,
                    instruments.cite("NHC Order 5", "第二十一条"),
                    "no current-status evaluation is on record after the accident of {date}",
                    subject=f"accidents[{i}]",
                    date=day.isoformat(),
                )
            )
    return out


# ---------------------------------------------------------------------- licences, enforcement, accidents
_WRONG_REGIME = {
    AuthorityKind.WORK_SAFETY: "a {kind} authority is named on {date}, when work-safety authorities supervised workplaces",
    AuthorityKind.HEALTH: "a {kind} authority is named on {date}, when health authorities supervised workplaces",
}


def check_post_ppe(ent: Enterprise, *, as_of: dt.date) -> list[Finding]:
    """The PPE rules (``ppe.*``) on the posts that record their PPE: :mod:`ohsreg.checks.ppe`."""
    return check_posts(ent, as_of=as_of)


def check_records(ent: Enterprise, *, as_of: dt.date) -> list[Finding]:
    """Licences in force, violations rectified, accidents reported."""
    out: list[Finding] = []
    held = [lic for lic in ent.licences if lic.issued_on <= as_of]
    if held and not any(lic.valid_on(as_of) for lic in held):
        last = max(held, key=lambda lic: lic.expires_on)
        out.append(
            finding(
                "licence.expired",
                WARNING,
                "职业卫生安全许可证",
                "the occupational-health safety licence {number} is not valid on this date (expires {expires_on})",
                subject="licences",
                number=last.number,
                expires_on=last.expires_on.isoformat(),
            )
        )
    named = [(f"inspections[{i}].authority", x.authority, x.date) for i, x in enumerate(ent.inspections)] + [
        (f"declarations[{i}].authority", d.authority, d.filed_on)
        for i, d in enumerate(ent.declarations)
        if d.authority is not None
    ]
    for subject, authority, day in named:
        if authority is not None and day <= as_of and not authority.valid_on(day):
            expected = supervising_authority_kind(day)
            out.append(
                finding(
                    "enforcement.authority_regime",
                    WARNING,
                    "主席令第24号（职业病防治法2018年修正）; 《国务院机构改革方案》(2018)",
                    _WRONG_REGIME[expected],
                    subject=subject,
                    kind=authority.kind.code,
                    kind_zh=authority.kind.zh,
                    date=day.isoformat(),
                )
            )
    for i, inspection in enumerate(ent.inspections):
        for j, violation in enumerate(inspection.violations):
            if violation.open_on(as_of):
                out.append(
                    finding(
                        "enforcement.unrectified",
                        ERROR,
                        violation.provision,
                        "the violation found on {date} was to be rectified by {due_on}: {description}",
                        subject=f"inspections[{i}].violations[{j}]",
                        due=violation.rectify_by,
                        due_on=str(violation.rectify_by),
                        date=inspection.date.isoformat(),
                        description=violation.description,
                    )
                )
    for i, accident in enumerate(ent.accidents):
        delay = _report_delay_hours(accident)
        if accident.occurred_at.date() <= as_of and delay is not None and delay > LATE_REPORT_HOURS:
            out.append(
                finding(
                    "accident.reported_late",
                    WARNING,
                    instruments.cite("MOH Order 25", "第六条、第七条"),
                    "the accident of {date} was reported {hours} h after it happened; the employer must report immediately",
                    subject=f"accidents[{i}]",
                    date=accident.occurred_at.date().isoformat(),
                    hours=f"{delay:.1f}",
                    threshold=LATE_REPORT_HOURS,
                )
            )
        if accident.occurred_at.date() <= as_of and accident.reported_at is None:
            grading = accident.grading
            out.append(
                finding(
                    "accident.unreported",
                    ERROR,
                    f"{instruments.cite('MOH Order 25', '第六条')}; {_law('第三十七条')}",
                    "the accident of {date} ({accident_class}) has no report to the health authority on record",
                    subject=f"accidents[{i}]",
                    date=accident.occurred_at.date().isoformat(),
                    accident_class=grading.accident_class.code if grading.accident_class else "RADIOLOGICAL",
                )
            )
    return out
