"""Construction projects and the three simultaneities (建设项目职业病防护设施“三同时”).

A :class:`ConstructionProject` holds the project's identity (owner, industry, location, kind, hazards
expected) and one typed record per stage: pre-evaluation (:class:`Evaluation`), protective-facility
design (:class:`ProtectiveFacilityDesign`), trial operation (:class:`TrialOperation`), control-effect
evaluation (:class:`Evaluation`), acceptance plan (:class:`AcceptancePlan`), completion acceptance
(:class:`CompletionAcceptance`) and the written report (:class:`WrittenReport`). Stages follow a state
machine (:data:`TRANSITIONS`, :meth:`ConstructionProject.advance`); :meth:`ConstructionProject.check`
returns the findings of 令第90号 (rule codes ``project.*``, each citing its article, see
:mod:`ohsreg.rules.project` for what is verified).

The risk class comes from the 建设项目职业病危害风险分类管理目录 in force on the date (through
:func:`ohsreg.catalogue.risk_class`, the lookup enterprises use too; the 2021 edition with two classes and
its solvent footnote), can be overridden by the pre-evaluation's conclusion with a recorded reason, and
the result says which edition decided (:class:`RiskDetermination`).

A current-status evaluation (现状评价) of an existing employer is an :class:`Evaluation` with
``stage=CURRENT_STATUS_EVALUATION`` and ``enterprise_uscc`` instead of ``project_id``.

Agencies are duck-typed (:class:`QualifiedAgency`): any object with ``name`` and
``may_serve(subject, service, *, as_of)`` returning an answer with ``allowed`` (the agency model of #9).

>>> import datetime as dt
>>> p = ConstructionProject(
...     project_id="P-1", name="木质家具厂新建项目", owner_uscc="91110000600037341L",
...     owner_name="某家具有限公司", kind="新建", industry="C2110", location="330102",
...     uses_listed_solvents=False, declared_risk_class="一般",
...     declared_risk_basis="2021 directory C211, no listed solvents",
... )
>>> p
ConstructionProject('P-1', '木质家具厂新建项目', C2110, stage=PLANNED)
>>> [s.code for s in allowed_next(p.current_stage())]
['PRE_EVALUATION']
>>> p = p.advance(Evaluation(stage="预评价", report_date=dt.date(2024, 1, 15), risk_class="一般"))
>>> p.risk_class(dt.date(2024, 2, 1), directory=lambda code, **kw: None)  # no directory: the report decides
RiskDetermination(GENERAL by PRE_EVALUATION, edition='2021')
>>> [f.rule for f in p.check(dt.date(2024, 2, 1), directory=lambda code, **kw: None)]
['project.review_missing', 'project.disclosure_missing']
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Annotated, Any, Protocol, runtime_checkable

from pydantic import Field, StringConstraints, model_validator

import ohsreg.instruments as instruments
from ohsreg.errors import EditionError, OhsregError, RuleViolation, UnknownEntry
from ohsreg.identifiers import USCC, DivisionCode, IndustryCode
from ohsreg.models.authority import Authority
from ohsreg.models.base import (
    AgencyRef,
    Finding,
    HazardRef,
    PersonName,
    Record,
    Text,
    require_order,
    rule_error,
)
from ohsreg.rules import project as rules
from ohsreg.rules._calendar import check_date
from ohsreg.rules._catalogue import risk_directory_lookup
from ohsreg.vocab import EvaluationStage, LabeledEnum, RiskClass

__all__ = [
    "TRANSITIONS",
    "AcceptancePlan",
    "AgencyRef",
    "CompletionAcceptance",
    "ConstructionProject",
    "Disclosure",
    "Document",
    "Evaluation",
    "MaterialChange",
    "ProjectKind",
    "ProjectRecord",
    "ProjectStage",
    "ProtectiveFacilityDesign",
    "QualifiedAgency",
    "Review",
    "Reviewer",
    "RiskDetermination",
    "RiskSource",
    "ServiceAnswer",
    "ServiceSubjectView",
    "TrialOperation",
    "WrittenReport",
    "allowed_next",
]


class ProjectKind(LabeledEnum):
    """Kind of construction project (令第90号 第二条 scope; 职业病防治法 第十七条)."""

    NEW = ("NEW", "新建", "new")
    EXPANSION = ("EXPANSION", "扩建", "expansion")
    REBUILDING = ("REBUILDING", "改建", "rebuilding")
    TECHNICAL_UPGRADE = ("TECHNICAL_UPGRADE", "技术改造", "technical upgrade")
    TECHNOLOGY_IMPORT = ("TECHNOLOGY_IMPORT", "技术引进", "technology import")


class ProjectStage(LabeledEnum):
    """A step of the three-simultaneities workflow (``PLANNED`` is the start)."""

    PLANNED = ("PLANNED", "立项", "planned")
    PRE_EVALUATION = ("PRE_EVALUATION", "职业病危害预评价", "pre-evaluation")
    PROTECTIVE_FACILITY_DESIGN = (
        "PROTECTIVE_FACILITY_DESIGN",
        "职业病防护设施设计",
        "protective facility design",
    )
    TRIAL_OPERATION = ("TRIAL_OPERATION", "试运行", "trial operation")
    CONTROL_EFFECT_EVALUATION = (
        "CONTROL_EFFECT_EVALUATION",
        "职业病危害控制效果评价",
        "control effect evaluation",
    )
    ACCEPTANCE_PLAN = ("ACCEPTANCE_PLAN", "验收方案书面报告", "acceptance plan report")
    COMPLETION_ACCEPTANCE = ("COMPLETION_ACCEPTANCE", "职业病防护设施验收", "completion acceptance")
    WRITTEN_REPORT = ("WRITTEN_REPORT", "验收书面报告", "written report")


TRANSITIONS: dict[ProjectStage, tuple[ProjectStage, ...]] = {
    ProjectStage.PLANNED: (ProjectStage.PRE_EVALUATION,),
    ProjectStage.PRE_EVALUATION: (ProjectStage.PROTECTIVE_FACILITY_DESIGN,),
    ProjectStage.PROTECTIVE_FACILITY_DESIGN: (
        ProjectStage.TRIAL_OPERATION,
        ProjectStage.CONTROL_EFFECT_EVALUATION,
    ),
    ProjectStage.TRIAL_OPERATION: (ProjectStage.CONTROL_EFFECT_EVALUATION,),
    ProjectStage.CONTROL_EFFECT_EVALUATION: (ProjectStage.ACCEPTANCE_PLAN,),
    ProjectStage.ACCEPTANCE_PLAN: (ProjectStage.COMPLETION_ACCEPTANCE,),
    ProjectStage.COMPLETION_ACCEPTANCE: (ProjectStage.WRITTEN_REPORT,),
    ProjectStage.WRITTEN_REPORT: (),
}
"""Which stage may follow which. The trial run is optional (projects without trial production go from
design to control-effect evaluation); the control-effect evaluation may run during the trial run."""

_ORDER = tuple(TRANSITIONS)


def allowed_next(stage: ProjectStage) -> tuple[ProjectStage, ...]:
    """The stages that may follow ``stage`` (:data:`TRANSITIONS`)."""
    return TRANSITIONS[stage]


@dataclasses.dataclass(frozen=True)
class ServiceSubjectView:
    """The employer or project an agency serves, as :meth:`QualifiedAgency.may_serve` reads it."""

    industry: str | None
    """GB/T 4754 code."""
    region: str | None
    """GB/T 2260 division code."""
    risk_class: RiskClass | None


@runtime_checkable
class ServiceAnswer(Protocol):
    """The answer of ``may_serve``: ``allowed``, and optionally ``reasons`` (findings)."""

    @property
    def allowed(self) -> bool: ...


@runtime_checkable
class QualifiedAgency(Protocol):
    """What the project checks need from a technical-service agency (implemented by the agency model).

    ``may_serve(subject, service, *, as_of)`` answers whether the agency could perform ``service`` (an
    :class:`~ohsreg.vocab.EvaluationStage` code: ``"PRE_EVALUATION"``, ``"CONTROL_EFFECT_EVALUATION"``,
    ``"CURRENT_STATUS_EVALUATION"``) for ``subject`` (anything with ``industry``, ``region`` and
    ``risk_class``, here a :class:`ServiceSubjectView`) on ``as_of``; the answer has ``allowed`` (and,
    when the implementation gives them, ``reasons`` whose rule codes are quoted in the finding). Where a
    regime requires no qualification for the service, the implementation answers allowed.
    """

    @property
    def name(self) -> str: ...

    def may_serve(self, subject: ServiceSubjectView, service: str, *, as_of: dt.date) -> ServiceAnswer: ...


class Document(Record):
    """A document in the project file (report, review opinion, approval, notice)."""

    title: Text
    number: str | None = None
    issued_on: dt.date | None = None


class Reviewer(Record):
    """A member of a review or acceptance panel. ``external``: from another organisation (外单位)."""

    name: PersonName
    organisation: Text
    external: bool
    """True for 外单位 staff: 令第90号 requires them on the panels of 严重 projects."""
    title: str | None = None
    """Professional title or qualification (中级以上职称, 注册安全工程师…)."""


class Review(Record):
    """A review (评审) or acceptance meeting organised by the owner's principal (主要负责人)."""

    held_on: dt.date
    organised_by: Text
    """The owner's principal or the person in charge designated by the principal."""
    reviewers: tuple[Reviewer, ...] = Field(min_length=1)
    opinion: str | None = None
    passed: bool = True

    @property
    def has_external(self) -> bool:
        """Whether at least one reviewer is from another organisation."""
        return any(r.external for r in self.reviewers)


class Disclosure(Record):
    """Public notice (公示) of the agency, conclusions, review and acceptance details."""

    published_on: dt.date
    channels: tuple[Text, ...] = Field(default=("公告栏",), min_length=1)
    """Where: 公告栏 (notice board), 网站 (website)…"""
    url: str | None = None


class ProjectRecord(Record):
    """Base of the stage records of a construction project."""

    project_id: str | None = None
    """The project this record belongs to; checked against the project that holds it."""


_PROJECT_EVALUATIONS = (EvaluationStage.PRE_EVALUATION, EvaluationStage.CONTROL_EFFECT_EVALUATION)


class Evaluation(ProjectRecord):
    """An evaluation report: pre-evaluation, control-effect evaluation or current-status evaluation.

    Project evaluations carry ``project_id``; a current-status evaluation (现状评价) of an existing
    employer carries ``enterprise_uscc`` (and ``industry`` for the agency-scope check).
    """

    stage: EvaluationStage
    report_date: dt.date
    report_no: str | None = None
    """The report's number, as printed on it."""
    agency: AgencyRef | None = None
    """None when the owner evaluated itself (allowed for project evaluations under 令第90号)."""
    risk_class: RiskClass | None = None
    """The risk class the report concludes (令第90号 第十条: the conclusion states it)."""
    conclusion: str | None = None
    review: Review | None = None
    """评审: the expert review, organised by the owner (or the employer)."""
    disclosure: Disclosure | None = None
    """公示: the public notice of the agency, the conclusion and the review (not for state-secret projects)."""
    documents: tuple[Document, ...] = ()
    enterprise_uscc: USCC | None = None
    industry: IndustryCode | None = None
    """The employer's industry (current-status evaluations: used for the agency-scope check)."""
    region: DivisionCode | None = None
    """The employer's location (current-status evaluations)."""

    @model_validator(mode="after")
    def _consistent(self) -> Evaluation:
        if self.stage is EvaluationStage.CURRENT_STATUS_EVALUATION:
            if self.enterprise_uscc is None:
                raise rule_error(
                    "a current-status evaluation needs the employer's USCC",
                    rule="project.evaluation_subject",
                    field="enterprise_uscc",
                )
        elif self.stage not in _PROJECT_EVALUATIONS:
            raise rule_error(
                "{stage} is not an evaluation report",
                rule="project.evaluation_kind",
                field="stage",
                stage=self.stage.code,
            )
        require_order(
            ("report", self.report_date),
            ("review", self.review.held_on if self.review else None),
            "the review ({review}) is dated before the report ({report})",
            rule="project.date_order",
            field="review.held_on",
        )
        return self

    def check(self, as_of: dt.date, *, agencies: Iterable[QualifiedAgency] = ()) -> list[Finding]:
        """Findings about the evaluation alone: the agency's qualification for it on its report date."""
        # The checks layer sits above the records: imported when called, so models never import it at load.
        from ohsreg.checks.project import check_evaluation

        return check_evaluation(self, as_of=as_of, agencies=agencies)


class ProtectiveFacilityDesign(ProjectRecord):
    """The protective-facility design (职业病防护设施设计专篇), done before construction."""

    completed_on: dt.date
    designer: str | None = None
    investment: Decimal | None = Field(default=None, ge=0)
    """Budget of the protective and emergency facilities, in 万元 (10 000 CNY)."""
    review: Review | None = None
    """评审: the expert review, organised by the owner (or the employer)."""
    disclosure: Disclosure | None = None
    """公示: the public notice of the agency, the conclusion and the review (not for state-secret projects)."""
    documents: tuple[Document, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> ProtectiveFacilityDesign:
        require_order(
            ("report", self.completed_on),
            ("review", self.review.held_on if self.review else None),
            "the review ({review}) is dated before the report ({report})",
            rule="project.date_order",
            field="review.held_on",
        )
        return self


class TrialOperation(ProjectRecord):
    """The trial run of the protective facilities with the main works (令第90号 第二十三条).

    ``end`` is None while the run goes on. An industry rule that sets other bounds is recorded with
    ``industry_rule`` and ``min_days``/``max_days``.
    """

    start: dt.date
    end: dt.date | None = None
    industry_rule: str | None = None
    min_days: int | None = Field(default=None, ge=0)
    max_days: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _consistent(self) -> TrialOperation:
        require_order(
            ("start", self.start),
            ("end", self.end),
            "the trial run ends ({end}) before it starts ({start})",
            rule="project.date_order",
            field="end",
        )
        if (self.min_days is not None or self.max_days is not None) and not self.industry_rule:
            raise rule_error(
                "other trial-run bounds need the industry rule that sets them",
                rule="project.trial_rule_missing",
                field="industry_rule",
            )
        return self

    @property
    def bounds(self) -> tuple[int, int]:
        """(minimum, maximum) days that apply: 30–180 unless an industry rule is recorded."""
        return (
            rules.TRIAL_RUN_MIN_DAYS if self.min_days is None else self.min_days,
            rules.TRIAL_RUN_MAX_DAYS if self.max_days is None else self.max_days,
        )


class AcceptancePlan(ProjectRecord):
    """The acceptance plan reported in writing to the supervising authority before acceptance."""

    reported_on: dt.date
    planned_acceptance: dt.date
    authority: Authority | None = None

    @model_validator(mode="after")
    def _consistent(self) -> AcceptancePlan:
        require_order(
            ("reported", self.reported_on),
            ("planned", self.planned_acceptance),
            "the planned acceptance ({planned}) is before the report of the plan ({reported})",
            rule="project.date_order",
            field="planned_acceptance",
        )
        return self


class CompletionAcceptance(ProjectRecord):
    """Acceptance of the protective facilities (职业病防护设施验收), organised by the owner."""

    completed_on: dt.date
    review: Review | None = None
    """The acceptance panel (its date is the acceptance date or later)."""
    passed: bool = True
    phase: str | None = None
    """For projects built in phases: the phase accepted."""
    disclosure: Disclosure | None = None
    """公示: the public notice of the acceptance (not for state-secret projects)."""
    documents: tuple[Document, ...] = ()


class WrittenReport(ProjectRecord):
    """The written report of the control-effect evaluation and acceptance (书面报告).

    Every project keeps it on file (备查); 严重 projects submit it to the authority within 20 days after
    acceptance (``submitted_on``).
    """

    written_on: dt.date
    submitted_on: dt.date | None = None
    authority: Authority | None = None


class MaterialChange(Record):
    """A change of scale, process or materials after the pre-evaluation (变更)."""

    occurred_on: dt.date
    description: Text
    material: bool = True
    """Whether the change makes the project's hazards change materially (then re-evaluate)."""


class RiskSource(LabeledEnum):
    """What decided a project's risk class."""

    DIRECTORY = ("DIRECTORY", "分类管理目录", "risk directory")
    PRE_EVALUATION = ("PRE_EVALUATION", "预评价结论", "pre-evaluation conclusion")
    DECLARED = ("DECLARED", "申报（附依据）", "declared with a recorded basis")
    UNDETERMINED = ("UNDETERMINED", "未确定", "undetermined")


class RiskDetermination(Record):
    """A project's risk class, what decided it and which directory edition applied.

    >>> r = RiskDetermination(risk_class="严重", source="DIRECTORY", edition="2021")
    >>> r.risk_class.code, r.edition
    ('SERIOUS', '2021')
    """

    risk_class: RiskClass | None
    source: RiskSource
    edition: str | None = None
    """The directory edition in force on the date ("2021", "2012"), when known."""
    directory_class: RiskClass | None = None
    """The class the directory gives, when it gives one (also when overridden)."""
    basis: str | None = None
    """Recorded reason or basis (override reason, declared basis)."""
    conditional: bool = False
    """The directory class depends on the solvent footnote and ``uses_listed_solvents`` is unknown."""
    contradiction: bool = False
    """The pre-evaluation (or declared) class contradicts the directory with no recorded reason; the more
    serious class is used."""
    note: str | None = None

    def __repr__(self) -> str:
        rc = self.risk_class.code if self.risk_class else None
        flags = "".join(f", {name}=True" for name in ("conditional", "contradiction") if getattr(self, name))
        return f"RiskDetermination({rc} by {self.source.code}, edition={self.edition!r}{flags})"

    def __str__(self) -> str:
        return repr(self)


DirectoryLookup = Callable[..., Any]
"""``lookup(industry_code, *, as_of, uses_listed_solvents)`` returning an object with ``risk_class``,
``edition``, ``conditional``, ``note`` (the shape of :func:`ohsreg.catalogue.risk_class`)."""


def _edition_on(as_of: dt.date) -> str:
    """The risk-directory edition in force on ``as_of`` (dates from :mod:`ohsreg.instruments`)."""
    found = instruments.in_force("risk directory", as_of)
    return "2012" if found is None or found.id == "risk directory 2012" else "2021"


class ConstructionProject(Record):
    """A construction project that may produce occupational hazards, with its three-simultaneities file.

    Stage records are set directly or with :meth:`advance` (which enforces :data:`TRANSITIONS`); every
    stage record must carry this project's ``project_id`` (or none).
    """

    project_id: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    """The project's identifier; a stage record that names a ``project_id`` must name this one."""
    name: Text
    """The project name (建设项目名称)."""
    owner_uscc: USCC
    """统一社会信用代码 (USCC) of the owner (建设单位)."""
    owner_name: Text
    """The owner's name (建设单位名称)."""
    kind: ProjectKind
    """新建 / 扩建 / 改建 / 技术改造 / 技术引进: new, expansion, rebuilding, technical upgrade or technology import."""
    industry: IndustryCode
    """国民经济行业分类 (GB/T 4754-2017) code of the project; it selects the class in the risk directory."""
    location: DivisionCode
    """行政区划代码 (GB/T 2260) of where the project is built: 6 digits."""
    investment: Decimal | None = Field(default=None, ge=0)
    """Total investment in 万元 (10 000 CNY)."""
    hazards: tuple[HazardRef, ...] = ()
    """Hazard factors expected (catalogue keys)."""
    phases: tuple[Text, ...] = ()
    """Names of the phases when the project is built in phases."""
    uses_listed_solvents: bool | None = None
    """For the directory's *-items: adhesives, cleaners, inks or paints with 苯、正己烷、1,2-二氯乙烷、三氯甲烷."""
    state_secret: bool = False
    """A project classified as a state secret (国家保密): exempt from public disclosure."""
    declared_risk_class: RiskClass | None = None
    """A class stated by the user where the directory does not decide (e.g. 2012 edition, not shipped)."""
    declared_risk_basis: str | None = None
    """Required with ``declared_risk_class``: the edition and row (or document) it comes from."""
    risk_override_reason: str | None = None
    """Why the pre-evaluation's class differs from the directory; without it a difference is a finding."""
    construction_started_on: dt.date | None = None
    """The day construction of the main works started, if it has."""
    pre_evaluation: Evaluation | None = None
    """职业病危害预评价 (PRE_EVALUATION): the pre-evaluation report, before feasibility approval."""
    design: ProtectiveFacilityDesign | None = None
    """职业病防护设施设计 (PROTECTIVE_FACILITY_DESIGN): the protective-facility design (专篇)."""
    trial_operation: TrialOperation | None = None
    """The trial run of the protective facilities together with the main works (试运行)."""
    control_effect_evaluation: Evaluation | None = None
    """职业病危害控制效果评价 (CONTROL_EFFECT_EVALUATION), during the trial run."""
    acceptance_plan: AcceptancePlan | None = None
    """The acceptance plan reported in writing to the supervising authority before acceptance."""
    acceptance: CompletionAcceptance | None = None
    """竣工验收 (COMPLETION_ACCEPTANCE) of the protective facilities."""
    written_report: WrittenReport | None = None
    """The written report of the control-effect evaluation and acceptance (书面报告)."""
    changes: tuple[MaterialChange, ...] = ()
    """Material changes (变更) of scale, process or materials after the pre-evaluation."""
    re_evaluations: tuple[Evaluation, ...] = ()
    """Pre-evaluations redone after a material change."""
    phase_acceptances: tuple[CompletionAcceptance, ...] = ()
    """Acceptances of phases put into use before the last one: under 令第90号 the protective facilities of
    a project built and put into use in phases are accepted in phases with it (text verified, article
    number not verified). Each names its ``phase``, one of ``phases``; reviews and disclosure are checked
    as for ``acceptance``; the 20-day plan and report rules are checked for ``acceptance`` only."""

    @model_validator(mode="after")
    def _consistent(self) -> ConstructionProject:
        for field, record in self._stage_records():
            if record.project_id is not None and record.project_id != self.project_id:
                raise rule_error(
                    "{field} belongs to project {other!r}, not {project!r}",
                    rule="project.stage_project_mismatch",
                    field=field,
                    other=record.project_id,
                    project=self.project_id,
                )
        slots = (
            ("pre_evaluation", self.pre_evaluation, EvaluationStage.PRE_EVALUATION),
            (
                "control_effect_evaluation",
                self.control_effect_evaluation,
                EvaluationStage.CONTROL_EFFECT_EVALUATION,
            ),
            *(("re_evaluations", e, EvaluationStage.PRE_EVALUATION) for e in self.re_evaluations),
        )
        for field, evaluation, stage in slots:
            if evaluation is not None and evaluation.stage is not stage:
                raise rule_error(
                    "{field} must be a {expected} record, not {stage}",
                    rule="project.evaluation_kind",
                    field=field,
                    expected=stage.code,
                    stage=evaluation.stage.code,
                )
        accepted = [("acceptance", self.acceptance)] + [
            (f"phase_acceptances[{i}]", a) for i, a in enumerate(self.phase_acceptances)
        ]
        for field, acc in accepted:
            if acc is None:
                continue
            if acc.phase is not None and acc.phase not in self.phases:
                raise rule_error(
                    "phase {phase!r} is not one of the project's phases ({phases})",
                    rule="project.phase_unknown",
                    field=f"{field}.phase",
                    phase=acc.phase,
                    phases=", ".join(self.phases) or "-",
                )
            if field != "acceptance" and acc.phase is None:
                raise rule_error(
                    "a phase acceptance must name its phase",
                    rule="project.phase_unknown",
                    field=f"{field}.phase",
                    phase=None,
                    phases=", ".join(self.phases) or "-",
                )
        if self.declared_risk_class is not None and not self.declared_risk_basis:
            raise rule_error(
                "a declared risk class needs its basis (directory edition and row, or document)",
                rule="project.risk_basis_missing",
                field="declared_risk_basis",
            )
        return self

    def _stage_records(self) -> list[tuple[str, ProjectRecord]]:
        named: list[tuple[str, ProjectRecord | None]] = [
            ("pre_evaluation", self.pre_evaluation),
            ("design", self.design),
            ("trial_operation", self.trial_operation),
            ("control_effect_evaluation", self.control_effect_evaluation),
            ("acceptance_plan", self.acceptance_plan),
            ("acceptance", self.acceptance),
            ("written_report", self.written_report),
        ]
        named += [(f"re_evaluations[{i}]", e) for i, e in enumerate(self.re_evaluations)]
        named += [(f"phase_acceptances[{i}]", a) for i, a in enumerate(self.phase_acceptances)]
        return [(n, r) for n, r in named if r is not None]

    def __repr__(self) -> str:
        return (
            f"ConstructionProject({self.project_id!r}, {self.name!r}, {self.industry}, "
            f"stage={self.current_stage().code})"
        )

    def __str__(self) -> str:
        return repr(self)

    # -- workflow ------------------------------------------------------------------------------------

    def _stage_slots(self) -> dict[ProjectStage, object | None]:
        return {
            ProjectStage.PRE_EVALUATION: self.pre_evaluation,
            ProjectStage.PROTECTIVE_FACILITY_DESIGN: self.design,
            ProjectStage.TRIAL_OPERATION: self.trial_operation,
            ProjectStage.CONTROL_EFFECT_EVALUATION: self.control_effect_evaluation,
            ProjectStage.ACCEPTANCE_PLAN: self.acceptance_plan,
            ProjectStage.COMPLETION_ACCEPTANCE: self.acceptance,
            ProjectStage.WRITTEN_REPORT: self.written_report,
        }

    def current_stage(self) -> ProjectStage:
        """The last stage recorded (``PLANNED`` when none)."""
        current = ProjectStage.PLANNED
        for stage, record in self._stage_slots().items():
            if record is not None:
                current = stage
        return current

    def advance(self, record: ProjectRecord) -> ConstructionProject:
        """A copy of the project with ``record`` as its next stage.

        Raises :class:`~ohsreg.errors.RuleViolation` (``project.transition``) when the stage may not
        follow the current one, and ``project.stage_project_mismatch`` for another project's record. A
        pre-evaluation after a recorded material change is added to ``re_evaluations``.

        >>> import datetime as dt
        >>> p = ConstructionProject(project_id="P-2", name="示例", owner_uscc="91110000600037341L",
        ...     owner_name="示例公司", kind="NEW", industry="C2110", location="330102")
        >>> p.advance(TrialOperation(start=dt.date(2024, 1, 1)))
        Traceback (most recent call last):
        ...
        ohsreg.errors.RuleViolation: ...[project.transition]
        """
        stage = _stage_of(record)
        if record.project_id is not None and record.project_id != self.project_id:
            raise RuleViolation(
                "{field} belongs to project {other!r}, not {project!r}",
                rule="project.stage_project_mismatch",
                field="record",
                other=record.project_id,
                project=self.project_id,
            )
        current = self.current_stage()
        if stage is ProjectStage.PRE_EVALUATION and self.pre_evaluation is not None and self.changes:
            assert isinstance(record, Evaluation)
            return self.model_copy(update={"re_evaluations": (*self.re_evaluations, record)})
        if stage not in TRANSITIONS[current]:
            raise RuleViolation(
                "{stage} may not follow {current} (allowed: {allowed})",
                rule="project.transition",
                field="record",
                stage=stage.code,
                current=current.code,
                allowed=", ".join(s.code for s in TRANSITIONS[current]) or "-",
            )
        field = _FIELD_OF[stage]
        return self.model_copy(update={field: record})

    # -- risk class ----------------------------------------------------------------------------------

    def risk_class(self, as_of: dt.date, *, directory: DirectoryLookup | None = None) -> RiskDetermination:
        """The project's risk class on ``as_of``, what decided it and which directory edition applied.

        Order: the directory in force (``directory``, default :func:`ohsreg.catalogue.risk_class` when
        installed; a province may supplement it, pass its lookup); a pre-evaluation class that differs
        overrides it only with ``risk_override_reason`` - without one the more serious class is used and
        ``contradiction`` is set. Where the directory does not decide (edition not shipped, industry not
        listed or split), the pre-evaluation's conclusion, then ``declared_risk_class``, decide. For a
        *-item whose solvent use is unknown, a stated 一般 is taken as the footnote's case (``conditional``
        stays set).

        The class on ``as_of`` is the one :meth:`check` applies to every stage, including stages decided
        under an earlier directory edition.
        """
        check_date(as_of, "as_of")
        lookup = directory if directory is not None else risk_directory_lookup()
        edition: str | None = _edition_on(as_of)
        dir_class: RiskClass | None = None
        conditional = False
        note: str | None = None
        if lookup is None:
            note = "risk directory not available: install the catalogue or pass directory="
        else:
            try:
                answer = lookup(
                    str(self.industry), as_of=as_of, uses_listed_solvents=self.uses_listed_solvents
                )
            except EditionError:
                note = f"the {edition} directory edition in force is not shipped"
            except UnknownEntry:
                note = "the industry is not listed in the directory"
            except OhsregError as err:
                note = f"the directory lookup failed ({err.rule})"
            else:
                if answer is None:
                    note = "the directory gives no class for the industry"
                else:
                    dir_class = answer.risk_class
                    edition = str(answer.edition)
                    conditional = bool(answer.conditional)
                    note = answer.note
        pre = self._latest_pre_evaluation(as_of)
        pre_class = pre.risk_class if pre is not None else None
        if dir_class is not None:
            other, other_source = (
                (pre_class, RiskSource.PRE_EVALUATION)
                if pre_class is not None
                else (self.declared_risk_class, RiskSource.DECLARED)
            )
            if other is None or other is dir_class:
                return RiskDetermination(
                    risk_class=dir_class,
                    source=RiskSource.DIRECTORY,
                    edition=edition,
                    directory_class=dir_class,
                    conditional=conditional,
                    note=note,
                )
            if conditional and other is RiskClass.GENERAL:
                # a *-item: 一般 when no listed solvents are used, which the stated class implies
                return RiskDetermination(
                    risk_class=other,
                    source=other_source,
                    edition=edition,
                    directory_class=dir_class,
                    basis="directory footnote: managed as 一般 without the listed solvents",
                    conditional=True,
                    note=note,
                )
            if self.risk_override_reason:
                return RiskDetermination(
                    risk_class=other,
                    source=other_source,
                    edition=edition,
                    directory_class=dir_class,
                    basis=self.risk_override_reason,
                    conditional=conditional,
                    note=note,
                )
            stricter = rules.more_serious(other, dir_class)
            return RiskDetermination(
                risk_class=stricter,
                source=other_source if stricter is other else RiskSource.DIRECTORY,
                edition=edition,
                directory_class=dir_class,
                conditional=conditional,
                contradiction=True,
                note=note,
            )
        if pre_class is not None:
            return RiskDetermination(
                risk_class=pre_class,
                source=RiskSource.PRE_EVALUATION,
                edition=edition,
                basis=f"pre-evaluation report of {pre.report_date.isoformat()}" if pre else None,
                note=note,
            )
        if self.declared_risk_class is not None:
            return RiskDetermination(
                risk_class=self.declared_risk_class,
                source=RiskSource.DECLARED,
                edition=edition,
                basis=self.declared_risk_basis,
                note=note,
            )
        return RiskDetermination(risk_class=None, source=RiskSource.UNDETERMINED, edition=edition, note=note)

    def _latest_pre_evaluation(self, as_of: dt.date) -> Evaluation | None:
        candidates = [e for e in (self.pre_evaluation, *self.re_evaluations) if e is not None]
        candidates = [e for e in candidates if e.report_date <= as_of] or candidates
        return max(candidates, key=lambda e: e.report_date) if candidates else None

    # -- checks --------------------------------------------------------------------------------------

    def check(
        self,
        as_of: dt.date,
        *,
        agencies: Iterable[QualifiedAgency] = (),
        directory: DirectoryLookup | None = None,
    ) -> list[Finding]:
        """Findings of the project's file on ``as_of`` (rule codes ``project.*``, see the rule table).

        ``agencies`` are the agency objects (anything implementing :class:`QualifiedAgency`) to check the
        evaluations' agencies against, matched by USCC, else by name; ``directory`` as in
        :meth:`risk_class`.
        """
        # The checks layer sits above the records: imported when called, so models never import it at load.
        from ohsreg.checks.project import check_project

        return check_project(self, as_of=as_of, agencies=agencies, directory=directory)


_FIELD_OF = {
    ProjectStage.PRE_EVALUATION: "pre_evaluation",
    ProjectStage.PROTECTIVE_FACILITY_DESIGN: "design",
    ProjectStage.TRIAL_OPERATION: "trial_operation",
    ProjectStage.CONTROL_EFFECT_EVALUATION: "control_effect_evaluation",
    ProjectStage.ACCEPTANCE_PLAN: "acceptance_plan",
    ProjectStage.COMPLETION_ACCEPTANCE: "acceptance",
    ProjectStage.WRITTEN_REPORT: "written_report",
}


def _stage_of(record: object) -> ProjectStage:
    if isinstance(record, Evaluation):
        if record.stage is EvaluationStage.PRE_EVALUATION:
            return ProjectStage.PRE_EVALUATION
        if record.stage is EvaluationStage.CONTROL_EFFECT_EVALUATION:
            return ProjectStage.CONTROL_EFFECT_EVALUATION
        raise RuleViolation(
            "{stage} is not a stage of a construction project",
            rule="project.evaluation_kind",
            field="record",
            stage=record.stage.code,
        )
    kinds: tuple[tuple[type, ProjectStage], ...] = (
        (ProtectiveFacilityDesign, ProjectStage.PROTECTIVE_FACILITY_DESIGN),
        (TrialOperation, ProjectStage.TRIAL_OPERATION),
        (AcceptancePlan, ProjectStage.ACCEPTANCE_PLAN),
        (CompletionAcceptance, ProjectStage.COMPLETION_ACCEPTANCE),
        (WrittenReport, ProjectStage.WRITTEN_REPORT),
    )
    for kind, stage in kinds:
        if isinstance(record, kind):
            return stage
    raise RuleViolation(
        "{kind} is not a stage record",
        rule="project.evaluation_kind",
        field="record",
        kind=type(record).__name__,
    )
