"""Experts, expert pools (专家库) and reproducible, conflict-free draws of reviewers.

No national text on occupational-health expert pools was found. The defaults here follow the provincial
example of Shanxi, 《山西省职业健康专家库管理办法（试行）》(2024; its official interpretation, verified:
four libraries — 职业卫生, 放射卫生, 职业病诊疗, 职业病诊断鉴定 —, conditions on qualification and
seniority, drawing, reporting and recusal rules). The numbers (intermediate title or higher, 5 years of
relevant work, 5-year term) are **unverified** and are parameters of :class:`PoolRules`: set them to
your province's text. The 5-year term matches a 2019 press report on the Shaanxi pool.

A draw is reproducible: the eligible experts are sorted by ``id`` and ``random.Random(seed).sample``
picks from that list, so the same pool, request and seed give the same experts on any machine. Every
draw returns a :class:`DrawLog` stating who was eligible, who was excluded and why, and the seed.

>>> import datetime as dt
>>> experts = [
...     Expert(id=f"E{i:02d}", name=f"专家{i}", specialities=["职业卫生评价"], title="SENIOR", years=10,
...            affiliation=f"单位{i % 3}", level="PROVINCIAL", pool_type="OCCUPATIONAL_HEALTH",
...            region="330000", term_start=dt.date(2023, 1, 1), term_end=dt.date(2027, 12, 31))
...     for i in range(6)
... ]
>>> pool = ExpertPool(name="示例专家库", experts=experts)
>>> log = pool.draw(2, for_=DrawFor(project_id="P-1", owner="单位0"), seed=7, as_of=dt.date(2025, 5, 1))
>>> [e.expert_id for e in log.excluded]
['E00', 'E03']
>>> log.chosen == pool.draw(2, for_=DrawFor(project_id="P-1", owner="单位0"), seed=7,
...                          as_of=dt.date(2025, 5, 1)).chosen
True
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from pydantic import Field, field_validator, model_validator

from ohsreg.errors import OhsregError, RuleViolation
from ohsreg.identifiers import USCC, DivisionCode
from ohsreg.models.base import Finding, PersonName, Phone, Record, Text, require_order, rule_error
from ohsreg.rules._calendar import check_date
from ohsreg.rules.agency import ProfessionalTitle
from ohsreg.vocab import EvaluationStage, LabeledEnum

__all__ = [
    "SHANXI_2024",
    "DrawFor",
    "DrawLog",
    "DrawSubject",
    "Engagement",
    "Exclusion",
    "Expert",
    "ExpertLevel",
    "ExpertPool",
    "ExpertStatus",
    "Period",
    "PoolRules",
    "PoolType",
]

SHANXI_2024 = "山西省职业健康专家库管理办法（试行）（2024）"
"""The provincial text the pool defaults follow (structure verified; numbers unverified)."""


class ExpertLevel(LabeledEnum):
    """Level of the pool an expert belongs to."""

    NATIONAL = ("NATIONAL", "国家级", "national", ("国家",))
    PROVINCIAL = ("PROVINCIAL", "省级", "provincial", ("省",))


class PoolType(LabeledEnum):
    """Kind of expert library (the four libraries of the Shanxi 2024 measures)."""

    OCCUPATIONAL_HEALTH = ("OCCUPATIONAL_HEALTH", "职业卫生", "occupational health", ("OH",))
    RADIOLOGICAL_HEALTH = ("RADIOLOGICAL_HEALTH", "放射卫生", "radiological health")
    DIAGNOSIS_TREATMENT = (
        "DIAGNOSIS_TREATMENT",
        "职业病诊疗",
        "occupational-disease diagnosis and treatment",
    )
    DIAGNOSIS_APPRAISAL = (
        "DIAGNOSIS_APPRAISAL",
        "职业病诊断鉴定",
        "appraisal of occupational-disease diagnoses",
    )


class ExpertStatus(LabeledEnum):
    """Whether an expert may currently be drawn (labels: common usage, *unverified*)."""

    ACTIVE = ("ACTIVE", "在库", "active")
    SUSPENDED = ("SUSPENDED", "暂停", "suspended")
    WITHDRAWN = ("WITHDRAWN", "出库", "withdrawn", ("退出", "解聘"))


class PoolRules(Record):
    """Conditions an expert must meet to be drawn; defaults from the Shanxi 2024 example, **unverified**."""

    min_title: ProfessionalTitle = ProfessionalTitle.INTERMEDIATE
    min_years: int = Field(default=5, ge=0)
    max_term_years: int | None = Field(default=5, ge=1)
    """Longest appointment term; None for no limit."""
    source: str = SHANXI_2024
    verified: bool = False


class Period(Record):
    """A closed date range (both days included)."""

    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        require_order(
            ("start", self.start),
            ("end", self.end),
            "period ends ({end}) before it starts ({start})",
            rule="expert.period_order",
            field="end",
        )
        return self

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


class Engagement(Record):
    """An earlier piece of work by an expert on a project (a review, an evaluation)."""

    project_id: Text
    stage: EvaluationStage | None = None
    on: dt.date | None = None


class Expert(Record):
    """A pool expert. Name and phone are masked in every export.

    ``affiliation`` (and ``affiliation_uscc`` when known) is the employer used for the conflict rule;
    ``declared_conflicts`` lists organisations (names or USCCs) or project ids the expert declared.
    """

    id: str = Field(min_length=1, max_length=64)
    """Stable registration number in the pool; draws sort by it."""
    name: PersonName
    """The expert's name; personal data, masked on export."""
    phone: Phone | None = None
    """The expert's phone number; personal data, masked on export."""
    specialities: tuple[str, ...] = Field(min_length=1)
    """Specialities the expert is registered for (at least one); draws filter on them."""
    title: ProfessionalTitle
    """Professional title: 初级 / 中级 / 高级 (junior, intermediate, senior)."""
    years: int = Field(ge=0, le=70)
    """Years of relevant work."""
    affiliation: Text
    """The organisation the expert works for; used by the conflict-of-interest (回避) rule."""
    affiliation_uscc: USCC | None = None
    """统一社会信用代码 (USCC) of the affiliation, when known; also used for recusal (回避)."""
    level: ExpertLevel
    """The expert pool (专家库) level: 国家级 (NATIONAL) or 省级 (PROVINCIAL)."""
    pool_type: PoolType
    """The kind of pool: 职业卫生, 放射卫生, 职业病诊疗 or 职业病诊断鉴定."""
    region: DivisionCode | None = None
    """行政区划代码 (GB/T 2260) of the expert's region, if any; draws may filter on it."""
    term_start: dt.date
    """First day of the appointment term in the pool."""
    term_end: dt.date
    """Last day of the appointment term in the pool (not before ``term_start``)."""
    status: ExpertStatus = ExpertStatus.ACTIVE
    """在库 / 暂停 / 出库: active, suspended or withdrawn; only active experts are drawn."""
    unavailable: tuple[Period, ...] = ()
    """Periods (both days included) in which the expert cannot be drawn."""
    declared_conflicts: tuple[str, ...] = ()
    """Organisations (names or USCCs) or project ids the expert declared a conflict with (回避)."""
    engagements: tuple[Engagement, ...] = ()
    """Earlier work of the expert on projects (reviews, evaluations), for the recusal rule."""

    @model_validator(mode="after")
    def _term_order(self) -> Expert:
        require_order(
            ("start", self.term_start),
            ("end", self.term_end),
            "term ends ({end}) before it starts ({start})",
            rule="expert.term_order",
            field="term_end",
        )
        return self

    def in_term(self, as_of: dt.date) -> bool:
        """Whether ``as_of`` falls within the appointment term."""
        check_date(as_of, "as_of")
        return self.term_start <= as_of <= self.term_end

    def available_on(self, as_of: dt.date) -> bool:
        """Active, in term and not declared unavailable on ``as_of``."""
        return (
            self.status is ExpertStatus.ACTIVE
            and self.in_term(as_of)
            and not any(as_of in p for p in self.unavailable)
        )

    def _organisations(self) -> set[str]:
        keys = {_fold(self.affiliation)}
        if self.affiliation_uscc:
            keys.add(_fold(self.affiliation_uscc))
        return keys


class DrawSubject(Protocol):
    """What a draw needs to know about the work to review (a project or any object with these attributes).

    ``owner`` and ``agency`` are organisation names or USCCs, compared with the experts' affiliations
    after Unicode folding; ``stage`` is the stage being reviewed.
    """

    @property
    def project_id(self) -> str: ...

    @property
    def owner(self) -> str | None: ...

    @property
    def agency(self) -> str | None: ...

    @property
    def stage(self) -> EvaluationStage | None: ...


class DrawFor(Record):
    """A ready-made :class:`DrawSubject`: build one from any project record."""

    project_id: Text
    owner: str | None = None
    """The owner (建设单位 or employer) of the work: a name or a USCC; experts affiliated with it are recused (回避)."""
    agency: str | None = None
    stage: EvaluationStage | None = None


class Exclusion(Record):
    """An expert left out of a draw, with every reason (rule codes)."""

    expert_id: str
    reasons: tuple[str, ...]


class DrawLog(Record):
    """The auditable record of one draw; :meth:`reproduces` recomputes the choice from the log alone."""

    project_id: str
    stage: EvaluationStage | None = None
    as_of: dt.date
    seed: int
    n: int
    criteria: dict[str, str] = Field(default_factory=dict)
    """Filters applied (speciality, level, region, pool_type), as given."""
    eligible: tuple[str, ...]
    """Eligible expert ids, sorted: the list the seed draws from."""
    excluded: tuple[Exclusion, ...]
    chosen: tuple[str, ...]
    rules: PoolRules
    method: str = "random.Random(seed).sample(sorted eligible ids, n)"

    def reproduces(self) -> bool:
        """Whether drawing again from ``eligible`` with ``seed`` gives ``chosen``.

        >>> import datetime as dt
        >>> log = DrawLog(project_id="P", as_of=dt.date(2025, 1, 1), seed=1, n=1, eligible=("A", "B"),
        ...               excluded=(), chosen=("B",), rules=PoolRules())
        >>> log.reproduces()
        False
        """
        return tuple(random.Random(self.seed).sample(list(self.eligible), self.n)) == self.chosen


@dataclass(frozen=True, slots=True)
class _Keys:
    """The folded organisation and project keys of a draw request, computed once per draw."""

    owner: str | None
    agency: str | None
    all: frozenset[str]

    @classmethod
    def of(cls, subject: DrawSubject) -> _Keys:
        owner = _fold(subject.owner) if subject.owner else None
        agency = _fold(subject.agency) if subject.agency else None
        return cls(owner, agency, frozenset(k for k in (owner, agency, _fold(subject.project_id)) if k))


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _region_matches(region: str | None, wanted: str) -> bool:
    if region is None:
        return False
    if wanted.endswith("0000"):
        return region[:2] == wanted[:2]
    if wanted.endswith("00"):
        return region[:4] == wanted[:4]
    return region == wanted


class ExpertPool(Record):
    """An expert pool (专家库): filter it, check it, and draw reviewers from it."""

    name: Text
    level: ExpertLevel | None = None
    region: DivisionCode | None = None
    """行政区划代码 (GB/T 2260) of a provincial pool; None for a national pool."""
    experts: tuple[Expert, ...] = ()
    rules: PoolRules = Field(default_factory=PoolRules)

    @field_validator("experts")
    @classmethod
    def _unique_ids(cls, value: tuple[Expert, ...]) -> tuple[Expert, ...]:
        seen: set[str] = set()
        for expert in value:
            if expert.id in seen:
                raise rule_error(
                    "expert id {id!r} appears twice in the pool",
                    rule="pool.duplicate_expert",
                    field="experts",
                    id=expert.id,
                )
            seen.add(expert.id)
        return value

    def __len__(self) -> int:
        return len(self.experts)

    def get(self, expert_id: str) -> Expert | None:
        """The expert with ``expert_id``, or None."""
        return next((e for e in self.experts if e.id == expert_id), None)

    def filter(
        self,
        *,
        speciality: str | None = None,
        level: ExpertLevel | str | None = None,
        region: str | None = None,
        pool_type: PoolType | str | None = None,
        available_on: dt.date | None = None,
    ) -> ExpertPool:
        """A new pool of the experts matching every criterion given.

        ``speciality`` matches a substring of any speciality; ``region`` a province (``330000``),
        prefecture (``330100``) or county code.
        """
        lvl = None if level is None else ExpertLevel.parse(level, field="level")
        kind = None if pool_type is None else PoolType.parse(pool_type, field="pool_type")
        kept = [
            e
            for e in self.experts
            if not self._mismatch(e, speciality, lvl, region, kind)
            and (available_on is None or e.available_on(available_on))
        ]
        return self.model_copy(update={"experts": tuple(kept)})

    @staticmethod
    def _mismatch(
        expert: Expert,
        speciality: str | None,
        level: ExpertLevel | None,
        region: str | None,
        pool_type: PoolType | None,
    ) -> list[str]:
        out: list[str] = []
        if speciality is not None and not any(_fold(speciality) in _fold(s) for s in expert.specialities):
            out.append("draw.filter_speciality")
        if level is not None and expert.level is not level:
            out.append("draw.filter_level")
        if region is not None and not _region_matches(expert.region, region):
            out.append("draw.filter_region")
        if pool_type is not None and expert.pool_type is not pool_type:
            out.append("draw.filter_pool_type")
        return out

    def conflicts(self, expert: Expert, subject: DrawSubject, history: Iterable[DrawLog] = ()) -> list[str]:
        """Recusal (回避) reasons of ``expert`` for ``subject`` as rule codes; empty when free of conflict."""
        return self._conflicts(expert, subject, _Keys.of(subject), tuple(history))

    def _conflicts(
        self, expert: Expert, subject: DrawSubject, keys: _Keys, history: tuple[DrawLog, ...]
    ) -> list[str]:
        out: list[str] = []
        orgs = expert._organisations()
        if keys.owner and keys.owner in orgs:
            out.append("draw.conflict_owner")
        if keys.agency and keys.agency in orgs:
            out.append("draw.conflict_agency")
        if expert.declared_conflicts and not keys.all.isdisjoint(_fold(d) for d in expert.declared_conflicts):
            out.append("draw.conflict_declared")
        if self._earlier_stage(expert, subject, history):
            out.append("draw.conflict_earlier_stage")
        return out

    @staticmethod
    def _earlier_stage(expert: Expert, subject: DrawSubject, history: Iterable[DrawLog]) -> bool:
        stage = subject.stage
        for e in expert.engagements:
            if e.project_id == subject.project_id and (stage is None or e.stage is not stage):
                return True
        for log in history:
            same_project = log.project_id == subject.project_id and expert.id in log.chosen
            if same_project and (stage is None or log.stage is not stage):
                return True
        return False

    def _below_rules(self, expert: Expert) -> list[str]:
        out: list[str] = []
        if expert.title.rank < self.rules.min_title.rank:
            out.append("draw.below_title")
        if expert.years < self.rules.min_years:
            out.append("draw.below_years")
        return out

    def draw(
        self,
        n: int,
        *,
        for_: DrawSubject,
        seed: int,
        as_of: dt.date,
        speciality: str | None = None,
        level: ExpertLevel | str | None = None,
        region: str | None = None,
        pool_type: PoolType | str | None = None,
        history: Iterable[DrawLog] = (),
    ) -> DrawLog:
        """Draw ``n`` conflict-free experts for ``for_`` on ``as_of``, reproducibly from ``seed``.

        Excluded, with reasons in the log: experts not matching the filters; inactive, outside their
        term or unavailable on ``as_of``; below :attr:`rules`; affiliated with the owner or the agency;
        involved in another stage of the same project (their ``engagements`` or the chosen of earlier
        ``history`` logs); with a declared conflict. Raises :class:`~ohsreg.errors.RuleViolation`
        (``pool.not_enough``) when fewer than ``n`` remain.
        """
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise OhsregError(
                "the number of experts to draw must be a positive integer, got {n!r}",
                rule="pool.draw_count",
                field="n",
                n=n,
            )
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise OhsregError(
                "the seed must be an integer (recorded in the draw log), got {seed!r}",
                rule="pool.seed",
                field="seed",
                seed=seed,
            )
        lvl = None if level is None else ExpertLevel.parse(level, field="level")
        kind = None if pool_type is None else PoolType.parse(pool_type, field="pool_type")
        past = tuple(history)
        keys = _Keys.of(for_)
        eligible: list[str] = []
        excluded: list[Exclusion] = []
        for expert in sorted(self.experts, key=lambda e: e.id):
            reasons = self._mismatch(expert, speciality, lvl, region, kind)
            if expert.status is not ExpertStatus.ACTIVE:
                reasons.append("draw.inactive")
            if not expert.in_term(as_of):
                reasons.append("draw.out_of_term")
            if any(as_of in p for p in expert.unavailable):
                reasons.append("draw.unavailable")
            reasons += self._below_rules(expert)
            reasons += self._conflicts(expert, for_, keys, past)
            if reasons:
                excluded.append(Exclusion(expert_id=expert.id, reasons=tuple(reasons)))
            else:
                eligible.append(expert.id)
        if n > len(eligible):
            raise RuleViolation(
                "{n} experts asked for but only {eligible} are eligible ({excluded} excluded)",
                rule="pool.not_enough",
                field="n",
                hint="widen the filters (speciality, region, level) or draw from a larger pool",
                n=n,
                eligible=len(eligible),
                excluded=len(excluded),
            )
        criteria = {
            key: str(value)
            for key, value in (
                ("speciality", speciality),
                ("level", lvl),
                ("region", region),
                ("pool_type", kind),
            )
            if value is not None
        }
        chosen = tuple(random.Random(seed).sample(eligible, n))
        return DrawLog(
            project_id=for_.project_id,
            stage=for_.stage,
            as_of=as_of,
            seed=seed,
            n=n,
            criteria=criteria,
            eligible=tuple(eligible),
            excluded=tuple(excluded),
            chosen=chosen,
            rules=self.rules,
        )

    def check(self, as_of: dt.date) -> list[Finding]:
        """Experts that no longer meet :attr:`rules` or whose term is over or too long, on ``as_of``."""
        # The checks layer sits above the records: imported when called, so models never import it at load.
        from ohsreg.checks.expert import check_pool

        return check_pool(self, as_of=as_of)
