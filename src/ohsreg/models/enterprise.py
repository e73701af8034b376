"""The employer (用人单位) and what a supervisor or OH manager records about it.

:class:`Enterprise` holds the employer's identity (USCC, industry, division), its people (legal
representative, principal, OH managers), its workplaces, posts and workers, and its compliance records
(declarations, detection and evaluation reports, licences, inspections, accidents).
:meth:`Enterprise.check` runs every rule on a date and returns :class:`~ohsreg.models.base.Finding`
objects — what a supervisor runs.

Bad input raises a ``ValidationError`` naming the field and a rule code: more exposed workers than
workers (``enterprise.headcount``), a worker on an unknown post (``enterprise.post_unknown``), two posts
with one code, a declaration of another employer, dates out of order, invalid identifiers. A post
exposed to a hazard the reference catalogue does not know is refused by
:data:`~ohsreg.models.base.HazardRef` (``catalogue.unknown``, with close matches); hazards are stored as
catalogue keys (``"C028"`` for 苯) and findings name them by their catalogue name. Workers' names and resident IDs are masked in every default export.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Self

from pydantic import Field, model_validator

from ohsreg.identifiers import USCC, DivisionCode, IndustryCode
from ohsreg.models.authority import Authority
from ohsreg.models.base import (
    Count,
    EventDate,
    HazardRef,
    PersonalResidentID,
    PersonName,
    Phone,
    Record,
    Text,
    mask_name,
    require_order,
    rule_error,
)
from ohsreg.models.declaration import HazardDeclaration
from ohsreg.models.detection import DetectionReport
from ohsreg.models.enforcement import Accident, Inspection
from ohsreg.models.licence import SafetyLicence
from ohsreg.models.ppe import PostPPE
from ohsreg.models.project import Evaluation
from ohsreg.models.surveillance import HealthExam
from ohsreg.models.training import TrainingRecord
from ohsreg.rules._calendar import check_date
from ohsreg.rules._catalogue import directory_risk_class, hazard_name
from ohsreg.rules.declaration import DeclarationEvent
from ohsreg.units import SoundLevel
from ohsreg.vocab import EvaluationStage, HazardGrade, LabeledEnum, OpenTerm, RiskClass, Verdict

if TYPE_CHECKING:
    from ohsreg.models.base import Finding

__all__ = [
    "DeclarationTrigger",
    "EconomicType",
    "Enterprise",
    "ExposureRecord",
    "JobPost",
    "OHManager",
    "OHManagerRole",
    "Principal",
    "SizeClass",
    "Worker",
    "Workplace",
]


class EconomicType(LabeledEnum):
    """Registration type (注册类型) of the employer, as the declaration form lists them.

    Source: the filling notes of the 2012 declaration form (职业病危害项目申报表, 填表说明 item 8), seen in a
    public copy: 国有企业、集体企业、股份合作企业、联营企业、有限责任公司、股份有限公司、私营企业、
    港澳台商投资企业、外商投资企业、其他企业. English labels are ours. Use ``{"custom": ...}`` for a type
    outside the list (e.g. 个体经济组织).
    """

    STATE_OWNED = ("STATE_OWNED", "国有企业", "state-owned enterprise")
    COLLECTIVE = ("COLLECTIVE", "集体企业", "collective enterprise")
    JOINT_STOCK_COOPERATIVE = ("JOINT_STOCK_COOPERATIVE", "股份合作企业", "joint-stock cooperative")
    JOINT_OPERATION = ("JOINT_OPERATION", "联营企业", "joint operation enterprise")
    LIMITED_LIABILITY = ("LIMITED_LIABILITY", "有限责任公司", "limited liability company")
    JOINT_STOCK = ("JOINT_STOCK", "股份有限公司", "company limited by shares")
    PRIVATE = ("PRIVATE", "私营企业", "private enterprise")
    HK_MACAO_TAIWAN = (
        "HK_MACAO_TAIWAN",
        "港澳台商投资企业",
        "Hong Kong, Macao or Taiwan invested enterprise",
    )
    FOREIGN = ("FOREIGN", "外商投资企业", "foreign-invested enterprise")
    OTHER = ("OTHER", "其他企业", "other enterprise")


class SizeClass(LabeledEnum):
    """Enterprise size: 大、中、小、微 (the declaration form's notes refer to 《统计上大中小微型企业划分办法》,
    国统〔2011〕75号; the thresholds are not modelled)."""

    LARGE = ("LARGE", "大型", "large", ("大",))
    MEDIUM = ("MEDIUM", "中型", "medium", ("中",))
    SMALL = ("SMALL", "小型", "small", ("小",))
    MICRO = ("MICRO", "微型", "micro", ("微",))


class OHManagerRole(LabeledEnum):
    """Full-time or part-time occupational-health manager (专职/兼职职业卫生管理人员)."""

    FULL_TIME = ("FULL_TIME", "专职", "full-time")
    PART_TIME = ("PART_TIME", "兼职", "part-time")


class Principal(Record):
    """The principal (主要负责人): must be trained in occupational health."""

    name: PersonName
    phone: Phone | None = None
    since: EventDate | None = None
    """Date the person became principal (training is expected from then)."""
    trainings: tuple[TrainingRecord, ...] = ()

    def __repr_args__(self) -> Any:  # repr() and str() without personal data
        yield "name", mask_name(self.name)
        yield "trainings", len(self.trainings)


class OHManager(Record):
    """An occupational-health manager (职业卫生管理人员)."""

    name: PersonName
    role: OHManagerRole
    phone: Phone | None = None
    since: EventDate | None = None
    trainings: tuple[TrainingRecord, ...] = ()

    def __repr_args__(self) -> Any:  # repr() and str() without personal data
        yield "name", mask_name(self.name)
        yield "role", self.role.code
        yield "trainings", len(self.trainings)


class ExposureRecord(Record):
    """One measured exposure of a post to a hazard and its assessed result (from ``ohsreg.assess``).

    ``lex_8h`` (noise) and ``grade`` (GBZ/T 229 grade of the work) also select examination intervals.
    Build one from an assessment with :meth:`from_assessment`.
    """

    hazard: HazardRef
    measured_on: EventDate
    result: str | None = None
    """The measured value with its unit, as reported (e.g. ``"C_TWA = 2.4 mg/m³"``)."""
    verdict: Verdict
    lex_8h: SoundLevel | None = None
    """8 h 等效声级 (``lex_8h``) of the post, dB(A), for a noise exposure."""
    grade: HazardGrade | None = None
    clause: str | None = None
    """The rule and limit applied by the assessment (standard, edition, clause)."""
    report_no: str | None = None

    @classmethod
    def from_assessment(
        cls,
        hazard: str,
        measured_on: dt.date,
        assessment: Any,
        *,
        report_no: str | None = None,
    ) -> ExposureRecord:
        """A record of an ``ohsreg.assess`` result (any object with ``quantity``, ``value``, ``unit``,
        ``verdict`` and ``clause``; a grading result's ``grade`` and a noise result's L_EX,8h are kept).

        >>> import datetime as dt
        >>> import ohsreg.assess as oa
        >>> r = oa.noise_exposure([(94, 2)])
        >>> e = ExposureRecord.from_assessment("噪声", dt.date(2024, 5, 6), r)
        >>> round(e.lex_8h.value, 1), e.verdict.code, e.result
        (88.0, 'EXCEEDS', 'L_EX,8h = 87.9794 dB(A)')
        """
        value, unit = getattr(assessment, "value", None), str(getattr(assessment, "unit", ""))
        quantity = str(getattr(assessment, "quantity", ""))
        result = None if value is None else f"{quantity} = {value:g} {unit}".strip()
        lex = (
            SoundLevel(value)
            if value is not None and unit == "dB(A)" and quantity.startswith("L_EX,8h")
            else None
        )
        grade = getattr(assessment, "grade", None)
        return cls.model_validate(
            {
                "hazard": hazard,
                "measured_on": measured_on,
                "result": result,
                "verdict": getattr(assessment, "verdict", None),
                "lex_8h": lex,
                "grade": getattr(grade, "value", grade),
                "clause": getattr(assessment, "clause", None),
                "report_no": report_no,
            }
        )


class JobPost(Record):
    """A post (岗位) with the hazard factors its workers are exposed to."""

    code: Annotated[str, Field(min_length=1, max_length=64)]
    """Identifier of the post, unique in the enterprise (workers refer to it)."""
    name: Text
    hazards: tuple[HazardRef, ...] = ()
    workers: Count = 0
    """Number of workers on the post."""
    exposures: tuple[ExposureRecord, ...] = ()
    ppe: PostPPE | None = None
    """Personal protective equipment (个体防护用品) issued on the post; ``None``: not recorded, so the PPE
    rules are not applied to the post (see :mod:`ohsreg.checks.ppe`)."""

    @model_validator(mode="after")
    def _exposures_on_listed_hazards(self) -> Self:
        for i, exposure in enumerate(self.exposures):
            if exposure.hazard not in self.hazards:
                raise rule_error(
                    "exposures[{index}] is for {hazard!r}, which the post does not list in hazards",
                    rule="enterprise.exposure_hazard",
                    field="exposures",
                    index=i,
                    hazard=f"{hazard_name(exposure.hazard)} ({exposure.hazard})",
                )
        return self

    def latest_exposure(self, hazard: str) -> ExposureRecord | None:
        """The most recent exposure record of ``hazard`` on this post."""
        records = [e for e in self.exposures if e.hazard == hazard]
        return max(records, key=lambda e: e.measured_on) if records else None


class Workplace(Record):
    """A workplace (工作场所: workshop, site) and its posts."""

    name: Text
    address: str | None = None
    posts: tuple[JobPost, ...] = ()


class Worker(Record):
    """A worker (劳动者). Name and resident ID are personal data: masked in every default export."""

    id: Annotated[str, Field(min_length=1, max_length=64)]
    """Employee number, unique in the enterprise (not personal data)."""
    name: PersonName
    resident_id: PersonalResidentID | None = None
    posts: tuple[str, ...] = ()
    """Codes of the posts the worker works on (:attr:`JobPost.code`)."""
    placed_on: EventDate
    """Date the worker started on the exposed post(s)."""
    left_on: EventDate | None = None
    exams: tuple[HealthExam, ...] = ()
    trainings: tuple[TrainingRecord, ...] = ()

    @model_validator(mode="after")
    def _dates(self) -> Self:
        require_order(
            ("placed_on", self.placed_on),
            ("left_on", self.left_on),
            "left_on {left_on} is before placed_on {placed_on}",
            rule="enterprise.date_order",
            field="left_on",
        )
        return self

    def __repr_args__(self) -> Any:  # repr() and str() without personal data (logs, tracebacks)
        yield "id", self.id
        yield "name", mask_name(self.name)
        yield "posts", self.posts
        yield "placed_on", self.placed_on
        if self.left_on is not None:
            yield "left_on", self.left_on

    def active_on(self, as_of: dt.date) -> bool:
        """Placed on or before ``as_of`` and not left by then."""
        check_date(as_of, "as_of")
        return self.placed_on <= as_of and (self.left_on is None or self.left_on > as_of)


class DeclarationTrigger(Record):
    """An event that makes a change or termination declaration due (令第48号 第八条、第九条)."""

    event: DeclarationEvent
    occurred_on: EventDate
    """Date of the event (for detection results: the date they were received)."""
    note: str | None = None


class Enterprise(Record):
    """An employer (用人单位) and its occupational-health records.

    ``risk_class`` is the occupational-hazard class of the employer (严重 / 一般) used for detection and
    evaluation frequencies. When it is not given, :meth:`detection_risk_class` derives it from the
    industry and the 《建设项目职业病危害风险分类管理目录》 in force (国卫办职健发〔2021〕5号 makes that
    directory decide the periodic detection frequency of employers; copy of the notice), through
    :func:`ohsreg.catalogue.risk_class`. The 2021 directory stars some industries (footnote: serious only
    when adhesives, cleaners, inks or paints containing 苯、正己烷、1,2-二氯乙烷 or 三氯甲烷 are used):
    for them :attr:`uses_listed_solvents` decides, and the checks say so when it is not given.
    """

    uscc: USCC
    """统一社会信用代码 (USCC, GB 32100-2015) of the employer: 18 characters, the last a check character."""
    name: Annotated[str, Field(min_length=1, max_length=200)]
    """The employer's registered name (用人单位名称)."""
    industry: IndustryCode
    """国民经济行业分类 (GB/T 4754-2017) code of the employer's main activity: a section letter or 2-4 digits."""
    region: DivisionCode
    """行政区划代码 (GB/T 2260) of where the employer is located: 6 digits (province, prefecture, county)."""
    address: str | None = None
    """The address of the employer, as registered."""
    economic_type: OpenTerm[EconomicType] | None = None
    """The registration type (登记注册类型); a term of :class:`EconomicType` or a flagged custom term."""
    size: SizeClass | None = None
    """The enterprise size class (企业规模: 大型 / 中型 / 小型 / 微型)."""
    legal_representative: PersonName
    """The legal representative (法定代表人); personal data, masked on export."""
    principal: Principal
    """The principal (主要负责人), the person in charge, who must be trained in occupational health."""
    oh_organisation: str | None = None
    """The occupational-health management body (职业卫生管理机构或者组织), if one is set up."""
    oh_managers: tuple[OHManager, ...] = ()
    """Occupational-health managers (职业卫生管理人员), full-time or part-time."""
    workers_total: Count
    """Number of workers (劳动者) employed."""
    workers_exposed: Count
    """Number of workers exposed to occupational-disease hazard factors; at most ``workers_total``."""
    risk_class: RiskClass | None = None
    """The employer's occupational-hazard risk class, when known (else derived: see
    :meth:`detection_risk_class`)."""
    uses_listed_solvents: bool | None = None
    """Whether adhesives, cleaners, inks or paints containing 苯、正己烷、1,2-二氯乙烷 or 三氯甲烷 are used
    (footnote of the 2021 risk directory: the starred industries are 一般 when they are not)."""
    workplaces: tuple[Workplace, ...] = ()
    """Workplaces (工作场所) and their job posts (岗位), with the hazard factors of each post."""
    workers: tuple[Worker, ...] = ()
    """Workers (劳动者) with their posts, health examinations and training; personal data, masked on export."""
    declarations: tuple[HazardDeclaration, ...] = ()
    """Occupational-disease hazard declarations (职业病危害项目申报) filed by the employer."""
    declaration_triggers: tuple[DeclarationTrigger, ...] = ()
    """Events that make a change or termination declaration due (令第48号 第八条、第九条)."""
    detections: tuple[DetectionReport, ...] = ()
    """Periodic detection reports of the hazard factors in the workplaces (职业病危害因素检测)."""
    status_evaluations: tuple[Evaluation, ...] = ()
    """Current-status evaluation reports (现状评价): evaluations of this employer's USCC."""
    licences: tuple[SafetyLicence, ...] = ()
    """Occupational-health safety licences (职业卫生安全许可证) of the pilot licensing scheme."""
    inspections: tuple[Inspection, ...] = ()
    """Supervisory inspections (监督检查) of the employer, with violations and penalties."""
    accidents: tuple[Accident, ...] = ()
    """Occupational-disease hazard accidents (职业病危害事故) at the employer."""
    authority: Authority | None = None
    """The supervising authority (use :func:`~ohsreg.models.authority.supervising_authority_kind` for
    the regime of a date)."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        for i, ev in enumerate(self.status_evaluations):
            if ev.stage is not EvaluationStage.CURRENT_STATUS_EVALUATION or ev.enterprise_uscc != self.uscc:
                raise rule_error(
                    "status_evaluations[{index}] is not a current-status evaluation of this employer",
                    rule="enterprise.status_evaluation",
                    field="status_evaluations",
                    index=i,
                )
        if self.workers_exposed > self.workers_total:
            raise rule_error(
                "workers_exposed ({exposed}) is greater than workers_total ({total})",
                rule="enterprise.headcount",
                field="workers_exposed",
                exposed=self.workers_exposed,
                total=self.workers_total,
            )
        codes: set[str] = set()
        for post in self.posts:
            if post.code in codes:
                raise rule_error(
                    "post code {code!r} is used twice",
                    rule="enterprise.post_duplicate",
                    field="workplaces",
                    code=post.code,
                )
            codes.add(post.code)
            if post.workers > self.workers_total:
                raise rule_error(
                    "post {code!r} has {count} workers, more than workers_total ({total})",
                    rule="enterprise.post_headcount",
                    field="workplaces",
                    code=post.code,
                    count=post.workers,
                    total=self.workers_total,
                )
        ids: set[str] = set()
        for worker in self.workers:
            if worker.id in ids:
                raise rule_error(
                    "worker id {id!r} is used twice",
                    rule="enterprise.worker_duplicate",
                    field="workers",
                    id=worker.id,
                )
            ids.add(worker.id)
            for code in worker.posts:
                if code not in codes:
                    raise rule_error(
                        "worker {id!r} is on post {code!r}, which no workplace lists",
                        rule="enterprise.post_unknown",
                        field="workers",
                        id=worker.id,
                        code=code,
                    )
        if len(self.workers) > self.workers_total:
            raise rule_error(
                "{count} workers are listed but workers_total is {total}",
                rule="enterprise.worker_count",
                field="workers",
                count=len(self.workers),
                total=self.workers_total,
            )
        for declaration in self.declarations:
            if declaration.uscc != self.uscc:
                raise rule_error(
                    "a declaration of {other} is filed with enterprise {uscc}",
                    rule="declaration.uscc_mismatch",
                    field="declarations",
                    other=declaration.uscc,
                    uscc=self.uscc,
                )
        for licence in self.licences:
            if licence.holder_uscc != self.uscc:
                raise rule_error(
                    "licence {number} is held by {other}, not {uscc}",
                    rule="licence.holder_mismatch",
                    field="licences",
                    number=licence.number,
                    other=licence.holder_uscc,
                    uscc=self.uscc,
                )
        return self

    def __repr_args__(self) -> Any:  # repr() and str(): short, and without personal data
        yield "uscc", self.uscc
        yield "name", self.name
        yield "industry", self.industry
        yield "region", self.region
        yield "workers_total", self.workers_total
        yield "workers_exposed", self.workers_exposed
        yield "posts", len(self.posts)

    @property
    def posts(self) -> tuple[JobPost, ...]:
        """Every post of every workplace."""
        return tuple(post for workplace in self.workplaces for post in workplace.posts)

    def post(self, code: str) -> JobPost:
        """The post with ``code`` (KeyError if none)."""
        for post in self.posts:
            if post.code == code:
                return post
        raise KeyError(code)

    @property
    def hazards(self) -> tuple[str, ...]:
        """Every hazard the posts are exposed to, in order of first appearance."""
        seen: dict[str, None] = {}
        for post in self.posts:
            for hazard in post.hazards:
                seen.setdefault(hazard, None)
        return tuple(seen)

    def detection_risk_class(self, as_of: dt.date) -> tuple[RiskClass | None, str | None]:
        """The risk class that sets detection frequencies on ``as_of`` and where it comes from:
        ``(risk_class, "declared")`` when given, ``(class, "建设项目职业病危害风险分类管理目录 (2021)")`` when
        derived from the risk directory in force, ``(None, None)`` when neither answers (a date before the
        2021 directory, an industry split into parts, or a starred industry with ``uses_listed_solvents``
        not given)."""
        check_date(as_of, "as_of")
        if self.risk_class is not None:
            return self.risk_class, "declared"
        derived = directory_risk_class(
            self.industry, as_of=as_of, uses_listed_solvents=self.uses_listed_solvents
        )
        if derived is None:
            return None, None
        return RiskClass.parse(derived[0], field="risk_class"), derived[1]

    def check(self, as_of: dt.date) -> list[Finding]:
        """Every compliance finding on ``as_of``: declaration, examinations, training, detection and
        evaluation, licences, rectification, accidents. See :mod:`ohsreg.checks.enterprise`."""
        # The checks layer sits above the records: imported when called, so models never import it at load.
        from ohsreg.checks.enterprise import check_enterprise

        return check_enterprise(self, as_of=as_of)
