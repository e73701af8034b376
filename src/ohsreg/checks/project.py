"""``ConstructionProject.check(as_of)`` and ``Evaluation.check(as_of)``: the rules of 令第90号 applied to a
project's three-simultaneities file.

Rule codes ``project.*``, each finding citing its article (see :mod:`ohsreg.rules.project` for what is
verified); the records are in :mod:`ohsreg.models.project`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

import ohsreg.instruments as instruments
from ohsreg.checks._finding import Findings
from ohsreg.errors import EditionError, InvalidFormat
from ohsreg.models.base import Finding
from ohsreg.models.project import (
    _FIELD_OF,
    ConstructionProject,
    DirectoryLookup,
    Disclosure,
    Evaluation,
    ProjectStage,
    QualifiedAgency,
    Review,
    ServiceSubjectView,
)
from ohsreg.rules import agency as agency_rules
from ohsreg.rules import project as rules
from ohsreg.rules._calendar import check_date
from ohsreg.rules._catalogue import directory_name
from ohsreg.vocab import Severity

__all__ = ["ProjectRule", "check_evaluation", "check_project"]

ProjectRule = Literal[
    "project.acceptance_plan_late",
    "project.acceptance_plan_missing",
    "project.agency_not_qualified",
    "project.control_effect_missing",
    "project.control_effect_timing",
    "project.design_after_construction",
    "project.design_missing",
    "project.disclosure_missing",
    "project.pre_evaluation_missing",
    "project.re_evaluation_missing",
    "project.regime_not_encoded",
    "project.review_missing",
    "project.review_panel_external",
    "project.risk_class_conditional",
    "project.risk_class_contradiction",
    "project.risk_class_unknown",
    "project.stage_order",
    "project.trial_run_long",
    "project.trial_run_overdue",
    "project.trial_run_short",
    "project.written_report_late",
    "project.written_report_missing",
]
"""The rule codes of the construction-project checks (``ConstructionProject.check``, ``Evaluation.check``), as documented in the rule table; :data:`finding` accepts no other."""

finding = Findings[ProjectRule]()
"""Builds the findings of this module: :func:`ohsreg.models.finding` typed by :data:`ProjectRule`."""


def check_project(
    project: ConstructionProject,
    *,
    as_of: dt.date,
    agencies: Iterable[QualifiedAgency] = (),
    directory: DirectoryLookup | None = None,
) -> list[Finding]:
    """Findings of ``project``'s file on ``as_of``; see :meth:`ohsreg.models.project.ConstructionProject.check`."""
    check_date(as_of, "as_of")
    return _Checker(project, as_of, _agencies(agencies), directory).run()


def check_evaluation(
    evaluation: Evaluation, *, as_of: dt.date, agencies: Iterable[QualifiedAgency] = ()
) -> list[Finding]:
    """Findings about ``evaluation`` alone: its agency's qualification on the report date (``as_of`` is
    the date of the check; the qualification is judged on the day the report was made)."""
    view = ServiceSubjectView(
        industry=evaluation.industry, region=evaluation.region, risk_class=evaluation.risk_class
    )
    found = _agency_finding(evaluation, view, agencies, subject=evaluation.stage.code.lower())
    return [found] if found is not None else []


def _agencies(agencies: Iterable[QualifiedAgency]) -> tuple[QualifiedAgency, ...]:
    """``agencies`` as a tuple; a non-iterable raises ``rules.argument_type`` naming ``agencies``."""
    try:
        if isinstance(agencies, str | bytes):
            raise TypeError
        return tuple(agencies)
    except TypeError:
        raise InvalidFormat(
            "{field_name} must be {expected}, not {type}",
            rule="rules.argument_type",
            field="agencies",
            field_name="agencies",
            expected="a list of agencies",
            type=type(agencies).__name__,
        ) from None


_FIELD_STAGE = {field: stage for stage, field in _FIELD_OF.items()}
_CONSTRUCTION = ("施工", "construction")
_RE_EVALUATION = ("重新进行的职业病危害预评价", "re-evaluation")
_PHASE_ACCEPTANCE = ("分期验收", "phase acceptance")


def _stage_params(name: str, key: str = "stage") -> dict[str, str]:
    """``{key}`` (the field or stage code) with its zh and en labels for the message templates."""
    stage = _FIELD_STAGE.get(name) or ProjectStage.__members__.get(name)
    if stage is not None:
        zh, en = stage.zh, stage.en
    elif name.startswith("re_evaluations"):
        zh, en = _RE_EVALUATION
    elif name.startswith("phase_acceptances"):
        zh, en = _PHASE_ACCEPTANCE
    else:
        zh, en = _CONSTRUCTION
    return {key: name, f"{key}_zh": zh, f"{key}_en": en}


def _labelled(
    rule: ProjectRule,
    severity: Severity,
    clause: str,
    template: str,
    *,
    subject: str | None = None,
    **params: str | int | None,
) -> Finding:
    """:func:`finding` for templates whose stage parameters come from :func:`_stage_params` (a
    ``**dict[str, str]`` cannot be typed against :func:`finding`'s ``due`` keyword)."""
    return Finding(
        rule=rule, severity=severity, clause=clause, template=template, subject=subject, params=params
    )


def _agency_clause(on: dt.date) -> str:
    """The agency order in force on ``on`` (令第50号 for earlier dates), cited as the agency rules cite it."""
    try:
        regime = agency_rules.regime_on(on)
    except EditionError:
        regime = agency_rules.AgencyRegime.SAWS_2012
    return agency_rules.rules_for(regime).clause


def _agency_finding(
    evaluation: Evaluation,
    view: ServiceSubjectView,
    agencies: Iterable[QualifiedAgency],
    *,
    subject: str,
) -> Finding | None:
    ref = evaluation.agency
    if ref is None:
        return None
    match: QualifiedAgency | None = None
    for agency in agencies:
        uscc = getattr(agency, "uscc", None)
        if (ref.uscc is not None and uscc == ref.uscc) or (ref.uscc is None and agency.name == ref.name):
            match = agency
            break
    if match is None:
        return None
    answer = match.may_serve(view, evaluation.stage.code, as_of=evaluation.report_date)
    if answer.allowed:
        return None
    reasons = getattr(answer, "reasons", ()) or ()
    why = ", ".join(
        str(getattr(r, "rule", r))
        for r in reasons
        if getattr(getattr(r, "severity", None), "code", "") == "ERROR"
    )
    return finding(
        "project.agency_not_qualified",
        Severity.ERROR,
        _agency_clause(evaluation.report_date),
        "{agency} was not qualified for the {stage_en} of an employer in {industry} on {date} ({why})",
        subject=subject,
        agency=ref.name,
        stage=evaluation.stage.code,
        stage_zh=evaluation.stage.zh,
        stage_en=evaluation.stage.en,
        industry=view.industry,
        date=evaluation.report_date.isoformat(),
        why=why or "-",
    )


class _Checker:
    """One pass over a project's file; collects findings."""

    def __init__(
        self,
        project: ConstructionProject,
        as_of: dt.date,
        agencies: tuple[QualifiedAgency, ...],
        directory: DirectoryLookup | None,
    ) -> None:
        self.p = project
        self.as_of = as_of
        self.agencies = agencies
        self.found: list[Finding] = []
        self.risk = project.risk_class(as_of=as_of, directory=directory)

    def add(self, f: Finding) -> None:
        self.found.append(f)

    def run(self) -> list[Finding]:
        self.risk_findings()
        self.regime_findings()
        self.presence()
        self.order()
        self.reviews()
        self.trial()
        self.acceptance()
        self.disclosure()
        self.changes()
        self.agency()
        return self.found

    # Which regime judges a stage: the one in force on the stage's date.
    def _order90(self, on: dt.date) -> bool:
        return rules.regime(on) is rules.ProjectRegime.ORDER_90_2017

    def _plan_late(self, severity: Severity, subject: str, reported: dt.date, acceptance: dt.date) -> None:
        self.add(
            finding(
                "project.acceptance_plan_late",
                severity,
                rules.ARTICLE_ACCEPTANCE_PLAN,
                "the acceptance plan was reported {days} days before acceptance; at least {required} are required",
                subject=subject,
                due=rules.acceptance_plan_deadline(acceptance),
                days=(acceptance - reported).days,
                required=rules.ACCEPTANCE_PLAN_DAYS,
            )
        )

    def risk_findings(self) -> None:
        r = self.risk
        if r.contradiction:
            self.add(
                finding(
                    "project.risk_class_contradiction",
                    Severity.ERROR,
                    rules.ARTICLE_PRE_EVALUATION_CONTENT,
                    "the risk class {stated} contradicts the {edition} directory ({directory}) with no recorded "
                    "reason; {used} is applied",
                    subject="risk_class",
                    stated=_code(self.p._latest_pre_evaluation(self.as_of)) or _code_declared(self.p),
                    edition=r.edition,
                    directory=r.directory_class.code if r.directory_class else None,
                    used=r.risk_class.code if r.risk_class else None,
                )
            )
        if r.conditional:
            self.add(
                finding(
                    "project.risk_class_conditional",
                    Severity.INFO,
                    f"{directory_name(str(r.edition))}注",
                    "the directory class depends on whether materials with the listed solvents are used; "
                    "set uses_listed_solvents",
                    subject="uses_listed_solvents",
                )
            )
        if r.risk_class is None:
            self.add(
                finding(
                    "project.risk_class_unknown",
                    Severity.WARNING,
                    rules.ARTICLE_PRE_EVALUATION_CONTENT,
                    "the risk class could not be determined ({note}); rules that depend on it were skipped",
                    subject="risk_class",
                    note=r.note or "no directory class, pre-evaluation or declared class",
                )
            )

    def regime_findings(self) -> None:
        dates = [d for d in (_date_of(rec) for _, rec in self.p._stage_records()) if d is not None]
        old = sorted({rules.regime(d) for d in dates if not self._order90(d)}, key=lambda g: g.code)
        for g in old:
            self.add(
                finding(
                    "project.regime_not_encoded",
                    Severity.INFO,
                    g.zh,
                    "stages dated before {since} fall under {regime_en}, whose filing and approval rules "
                    "are not encoded (unverified); they are not checked",
                    subject="regime",
                    since=instruments.in_force_date("SAWS Order 90").isoformat(),
                    regime=g.code,
                    regime_zh=g.zh,
                    regime_en=g.en,
                )
            )

    def presence(self) -> None:
        p = self.p
        later_than_pre = p.design or p.trial_operation or p.control_effect_evaluation or p.acceptance
        started = p.construction_started_on is not None and p.construction_started_on <= self.as_of
        if p.pre_evaluation is None and (later_than_pre or started):
            self.add(
                _labelled(
                    "project.pre_evaluation_missing",
                    Severity.ERROR,
                    rules.ARTICLE_PRE_EVALUATION,
                    "no pre-evaluation, but the project has reached the {stage_en} stage",
                    subject="pre_evaluation",
                    **_stage_params(p.current_stage().code if later_than_pre else "CONSTRUCTION"),
                )
            )
        if p.design is None and (started or p.trial_operation or p.control_effect_evaluation or p.acceptance):
            self.add(
                _labelled(
                    "project.design_missing",
                    Severity.ERROR,
                    rules.ARTICLE_DESIGN,
                    "no protective-facility design, but the project has reached the {stage_en} stage",
                    subject="design",
                    # the stage reached after the design's place: construction when no later stage
                    # is recorded (never "planned" or "pre-evaluation", which come before the design)
                    **_stage_params(
                        p.current_stage().code
                        if p.current_stage() not in (ProjectStage.PLANNED, ProjectStage.PRE_EVALUATION)
                        else "CONSTRUCTION"
                    ),
                )
            )
        if (
            p.design is not None
            and p.construction_started_on is not None
            and p.design.completed_on > p.construction_started_on
        ):
            self.add(
                finding(
                    "project.design_after_construction",
                    Severity.ERROR,
                    rules.ARTICLE_DESIGN,
                    "the protective-facility design ({design}) was completed after construction started ({start})",
                    subject="design.completed_on",
                    design=p.design.completed_on.isoformat(),
                    start=p.construction_started_on.isoformat(),
                )
            )
        if p.acceptance is not None and p.control_effect_evaluation is None:
            self.add(
                finding(
                    "project.control_effect_missing",
                    Severity.ERROR,
                    rules.ARTICLE_CONTROL_EFFECT,
                    "acceptance without a control-effect evaluation",
                    subject="control_effect_evaluation",
                )
            )

    def order(self) -> None:
        p = self.p
        steps: list[tuple[str, dt.date | None]] = [
            ("pre_evaluation", p.pre_evaluation.report_date if p.pre_evaluation else None),
            ("design", p.design.completed_on if p.design else None),
            ("trial_operation", p.trial_operation.start if p.trial_operation else None),
            ("acceptance_plan", p.acceptance_plan.reported_on if p.acceptance_plan else None),
            ("acceptance", p.acceptance.completed_on if p.acceptance else None),
            ("written_report", p.written_report.written_on if p.written_report else None),
        ]
        last: tuple[str, dt.date] | None = None
        for name, on in steps:
            if on is None:
                continue
            if last is not None and on < last[1]:
                self.add(
                    _labelled(
                        "project.stage_order",
                        Severity.ERROR,
                        "职业病防治法 第十七条、第十八条",
                        "{stage_en} ({date}) is dated before {previous_en} ({previous_date})",
                        subject=name,
                        date=on.isoformat(),
                        previous_date=last[1].isoformat(),
                        **_stage_params(name),
                        **_stage_params(last[0], "previous"),
                    )
                )
            else:
                last = (name, on)
        ce = p.control_effect_evaluation
        if ce is None:
            return
        trial = p.trial_operation
        too_early = (trial is not None and ce.report_date < trial.start) or (
            p.design is not None and ce.report_date < p.design.completed_on
        )
        too_late = p.acceptance is not None and ce.report_date > p.acceptance.completed_on
        if (too_early or too_late) and self._order90(ce.report_date):
            self.add(
                finding(
                    "project.control_effect_timing",
                    Severity.ERROR,
                    rules.ARTICLE_CONTROL_EFFECT,
                    "the control-effect evaluation ({date}) must be made during the trial run or before "
                    "completion acceptance",
                    subject="control_effect_evaluation.report_date",
                    date=ce.report_date.isoformat(),
                )
            )

    def reviews(self) -> None:
        rc = self.risk.risk_class
        items: list[tuple[str, Review | None, dt.date, str]] = []
        p = self.p
        if p.pre_evaluation:
            items.append(
                (
                    "pre_evaluation",
                    p.pre_evaluation.review,
                    p.pre_evaluation.report_date,
                    rules.ARTICLE_PRE_EVALUATION_REVIEW,
                )
            )
        for i, e in enumerate(p.re_evaluations):
            items.append(
                (f"re_evaluations[{i}]", e.review, e.report_date, rules.ARTICLE_PRE_EVALUATION_REVIEW)
            )
        if p.design:
            items.append(("design", p.design.review, p.design.completed_on, rules.ARTICLE_DESIGN_REVIEW))
        if p.control_effect_evaluation:
            ce = p.control_effect_evaluation
            items.append(
                ("control_effect_evaluation", ce.review, ce.report_date, rules.ARTICLE_ACCEPTANCE_REVIEW)
            )
        if p.acceptance:
            items.append(
                (
                    "acceptance",
                    p.acceptance.review,
                    p.acceptance.completed_on,
                    rules.ARTICLE_ACCEPTANCE_REVIEW,
                )
            )
        for i, a in enumerate(p.phase_acceptances):
            items.append(
                (f"phase_acceptances[{i}]", a.review, a.completed_on, rules.ARTICLE_ACCEPTANCE_REVIEW)
            )
        for name, review, on, clause in items:
            if not self._order90(on):
                continue
            if review is None:
                self.add(
                    _labelled(
                        "project.review_missing",
                        Severity.ERROR,
                        clause,
                        "{stage_en} has no review organised by the owner's principal",
                        subject=f"{name}.review",
                        **_stage_params(name),
                    )
                )
            elif rc is not None and rules.external_review_required(rc) and not review.has_external:
                self.add(
                    _labelled(
                        "project.review_panel_external",
                        Severity.ERROR,
                        clause,
                        "{stage_en}: the panel of a serious-risk project must include external occupational-"
                        "health technical staff",
                        subject=f"{name}.review.reviewers",
                        **_stage_params(name),
                    )
                )

    def trial(self) -> None:
        t = self.p.trial_operation
        if t is None or not self._order90(t.start):
            return
        low, high = t.bounds
        clause = rules.ARTICLE_TRIAL_RUN + (f"; {t.industry_rule}" if t.industry_rule else "")
        if t.end is None:
            days = rules.trial_run_days(t.start, self.as_of)
            if days > high:
                self.add(
                    finding(
                        "project.trial_run_overdue",
                        Severity.ERROR,
                        clause,
                        "the trial run started {start} is still going after {days} days (at most {maximum})",
                        subject="trial_operation",
                        due=t.start + dt.timedelta(days=high),
                        start=t.start.isoformat(),
                        days=days,
                        maximum=high,
                    )
                )
            return
        days = rules.trial_run_days(t.start, t.end)
        if rules.trial_run_ok(days, minimum=low, maximum=high):
            return
        short = days < low
        self.add(
            finding(
                "project.trial_run_short" if short else "project.trial_run_long",
                Severity.ERROR,
                clause,
                "the trial run lasted {days} days; at least {minimum} and at most {maximum} are required",
                subject="trial_operation",
                days=days,
                minimum=low,
                maximum=high,
            )
        )

    def acceptance(self) -> None:
        p = self.p
        acc = p.acceptance
        plan = p.acceptance_plan
        rc = self.risk.risk_class
        if acc is not None and self._order90(acc.completed_on):
            if plan is None:
                self.add(
                    finding(
                        "project.acceptance_plan_missing",
                        Severity.ERROR,
                        rules.ARTICLE_ACCEPTANCE_PLAN,
                        "acceptance on {date} without a written report of the acceptance plan",
                        subject="acceptance_plan",
                        date=acc.completed_on.isoformat(),
                    )
                )
            elif not rules.acceptance_plan_on_time(plan.reported_on, acc.completed_on):
                self._plan_late(
                    Severity.ERROR, "acceptance_plan.reported_on", plan.reported_on, acc.completed_on
                )
        elif (
            acc is None
            and plan is not None
            and self._order90(plan.reported_on)
            and not rules.acceptance_plan_on_time(plan.reported_on, plan.planned_acceptance)
        ):
            self._plan_late(
                Severity.WARNING,
                "acceptance_plan.planned_acceptance",
                plan.reported_on,
                plan.planned_acceptance,
            )
        if (
            acc is None
            or rc is None
            or not rules.written_report_required(rc)
            or not self._order90(acc.completed_on)
        ):
            return
        due = rules.written_report_deadline(acc.completed_on)
        submitted = p.written_report.submitted_on if p.written_report else None
        if submitted is None:
            if self.as_of > due:
                self.add(
                    finding(
                        "project.written_report_missing",
                        Severity.ERROR,
                        rules.ARTICLE_WRITTEN_REPORT,
                        "the written report of a serious-risk project was due to the authority by {due}",
                        subject="written_report",
                        due=due,
                    )
                )
        elif not rules.written_report_on_time(submitted, acc.completed_on):
            self.add(
                finding(
                    "project.written_report_late",
                    Severity.ERROR,
                    rules.ARTICLE_WRITTEN_REPORT,
                    "the written report was submitted {days} days after acceptance; at most {allowed} are allowed",
                    subject="written_report.submitted_on",
                    due=due,
                    days=(submitted - acc.completed_on).days,
                    allowed=rules.WRITTEN_REPORT_DAYS,
                )
            )

    def disclosure(self) -> None:
        p = self.p
        if p.state_secret:
            return
        items: list[tuple[str, Disclosure | None, dt.date]] = []
        if p.pre_evaluation:
            items.append(("pre_evaluation", p.pre_evaluation.disclosure, p.pre_evaluation.report_date))
        if p.design:
            items.append(("design", p.design.disclosure, p.design.completed_on))
        if p.control_effect_evaluation:
            ce = p.control_effect_evaluation
            items.append(("control_effect_evaluation", ce.disclosure, ce.report_date))
        if p.acceptance:
            items.append(("acceptance", p.acceptance.disclosure, p.acceptance.completed_on))
        for i, a in enumerate(p.phase_acceptances):
            items.append((f"phase_acceptances[{i}]", a.disclosure, a.completed_on))
        for name, disclosure, on in items:
            if disclosure is None and self._order90(on):
                self.add(
                    _labelled(
                        "project.disclosure_missing",
                        Severity.WARNING,
                        rules.ARTICLE_DISCLOSURE,
                        "{stage_en}: the agency, conclusion, review or acceptance details were not published",
                        subject=f"{name}.disclosure",
                        **_stage_params(name),
                    )
                )

    def changes(self) -> None:
        p = self.p
        if p.pre_evaluation is None:
            return
        for i, change in enumerate(p.changes):
            if not change.material or change.occurred_on < p.pre_evaluation.report_date:
                continue
            if not any(e.report_date >= change.occurred_on for e in p.re_evaluations):
                self.add(
                    finding(
                        "project.re_evaluation_missing",
                        Severity.WARNING,
                        rules.ARTICLE_CHANGE,
                        "material change of {date} ({what}) without a new pre-evaluation",
                        subject=f"changes[{i}]",
                        date=change.occurred_on.isoformat(),
                        what=change.description,
                    )
                )

    def agency(self) -> None:
        if not self.agencies:
            return
        p = self.p
        named = [
            ("pre_evaluation", p.pre_evaluation),
            ("control_effect_evaluation", p.control_effect_evaluation),
        ]
        named += [(f"re_evaluations[{i}]", e) for i, e in enumerate(p.re_evaluations)]
        for name, evaluation in named:
            if evaluation is None:
                continue
            view = ServiceSubjectView(
                industry=str(p.industry), region=str(p.location), risk_class=self.risk.risk_class
            )
            f = _agency_finding(evaluation, view, self.agencies, subject=f"{name}.agency")
            if f is not None:
                self.add(f)


def _date_of(record: object) -> dt.date | None:
    for attr in ("report_date", "completed_on", "start", "reported_on", "written_on"):
        value = getattr(record, attr, None)
        if isinstance(value, dt.date):
            return value
    return None


def _code(evaluation: Evaluation | None) -> str | None:
    if evaluation is None or evaluation.risk_class is None:
        return None
    return evaluation.risk_class.code


def _code_declared(project: ConstructionProject) -> str | None:
    return project.declared_risk_class.code if project.declared_risk_class else None
