"""Two construction projects walked through every three-simultaneities stage (令第90号).

- a granite quarry (GB/T 4754 B1012, directory row B101 土砂石开采: 严重): external reviewers on every
  panel, the acceptance plan reported 20+ days ahead, the written report within 20 days after acceptance;
- a wood-furniture plant (C2110, directory row C211*: 一般 when no listed solvents are used): internal
  reviews, the written report kept on file.

Run: ``python examples/project_walkthrough.py``. The functions return the finished projects, so tests
import them.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from ohsreg.models.project import (
    AcceptancePlan,
    AgencyRef,
    CompletionAcceptance,
    ConstructionProject,
    Disclosure,
    Evaluation,
    ProtectiveFacilityDesign,
    Review,
    Reviewer,
    ServiceSubjectView,
    TrialOperation,
    WrittenReport,
)

AS_OF = dt.date(2024, 7, 1)


def _panel(day: dt.date, *, external: bool) -> Review:
    reviewers = [
        Reviewer(name="王建国", organisation="建设单位安全环保部", external=False, title="注册安全工程师"),
        Reviewer(name="李明", organisation="建设单位", external=False, title="中级职称"),
    ]
    if external:
        reviewers.append(
            Reviewer(name="陈静", organisation="省职业病防治院", external=True, title="主任医师")
        )
    return Review(
        held_on=day, organised_by="总经理（主要负责人）", reviewers=tuple(reviewers), opinion="通过"
    )


def _notice(day: dt.date) -> Disclosure:
    return Disclosure(published_on=day, channels=("公告栏", "网站"))


def granite_quarry(verbose: bool = False) -> ConstructionProject:
    """A serious-risk project: a granite quarry, every stage on time."""
    pid = "QZ-2023-001"
    p = ConstructionProject(
        project_id=pid,
        name="花岗岩矿山开采新建项目",
        owner_uscc="91110000600037341L",
        owner_name="某石材矿业有限公司",
        kind="新建",
        industry="B1012",
        location="350583",
        investment="12000",
        hazards=("矽尘（游离SiO2含量≥10%）", "噪声", "振动"),
        declared_risk_class="严重",
        declared_risk_basis="建设项目职业病危害风险分类管理目录（2021）B101 土砂石开采：严重",
        construction_started_on=dt.date(2023, 6, 1),
    )
    agency = AgencyRef(name="某职业卫生技术服务有限公司")
    steps = [
        Evaluation(
            project_id=pid,
            stage="预评价",
            report_date=dt.date(2023, 3, 10),
            agency=agency,
            risk_class="严重",
            conclusion="职业病危害严重；拟采取的防护设施符合要求",
            review=_panel(dt.date(2023, 3, 20), external=True),
            disclosure=_notice(dt.date(2023, 3, 25)),
        ),
        ProtectiveFacilityDesign(
            project_id=pid,
            completed_on=dt.date(2023, 5, 10),
            designer="某矿山设计研究院",
            investment="850",
            review=_panel(dt.date(2023, 5, 20), external=True),
            disclosure=_notice(dt.date(2023, 5, 25)),
        ),
        TrialOperation(project_id=pid, start=dt.date(2024, 1, 10), end=dt.date(2024, 5, 9)),
        Evaluation(
            project_id=pid,
            stage="控制效果评价",
            report_date=dt.date(2024, 4, 1),
            agency=agency,
            risk_class="严重",
            conclusion="防护设施运行有效",
            review=_panel(dt.date(2024, 4, 28), external=True),
            disclosure=_notice(dt.date(2024, 4, 30)),
        ),
        AcceptancePlan(
            project_id=pid, reported_on=dt.date(2024, 4, 5), planned_acceptance=dt.date(2024, 4, 28)
        ),
        CompletionAcceptance(
            project_id=pid,
            completed_on=dt.date(2024, 4, 28),
            review=_panel(dt.date(2024, 4, 28), external=True),
            disclosure=_notice(dt.date(2024, 4, 30)),
        ),
        WrittenReport(project_id=pid, written_on=dt.date(2024, 5, 6), submitted_on=dt.date(2024, 5, 8)),
    ]
    for step in steps:
        p = p.advance(step)
        if verbose:
            print(f"  -> {p.current_stage().zh} ({p.current_stage().en})")
    return p


def furniture_plant(verbose: bool = False) -> ConstructionProject:
    """A general-risk project: a wood-furniture plant using no listed solvents."""
    pid = "JJ-2024-007"
    p = ConstructionProject(
        project_id=pid,
        name="实木家具生产线扩建项目",
        owner_uscc="91110000600037341L",
        owner_name="某家具有限公司",
        kind="扩建",
        industry="C2110",
        location="330102",
        hazards=("木粉尘", "噪声"),
        uses_listed_solvents=False,
        declared_risk_class="一般",
        declared_risk_basis="建设项目职业病危害风险分类管理目录（2021）C211*：未使用含所列溶剂的材料，按一般管理",
        construction_started_on=dt.date(2024, 3, 1),
    )
    steps = [
        Evaluation(
            project_id=pid,
            stage="PRE_EVALUATION",
            report_date=dt.date(2024, 1, 15),
            agency=AgencyRef(name="某检测评价有限公司"),
            risk_class="一般",
            review=_panel(dt.date(2024, 1, 25), external=False),
            disclosure=_notice(dt.date(2024, 1, 30)),
        ),
        ProtectiveFacilityDesign(
            project_id=pid,
            completed_on=dt.date(2024, 2, 10),
            review=_panel(dt.date(2024, 2, 20), external=False),
            disclosure=_notice(dt.date(2024, 2, 22)),
        ),
        TrialOperation(project_id=pid, start=dt.date(2024, 5, 1), end=dt.date(2024, 6, 30)),
        Evaluation(
            project_id=pid,
            stage="CONTROL_EFFECT_EVALUATION",
            report_date=dt.date(2024, 6, 1),
            agency=AgencyRef(name="某检测评价有限公司"),
            risk_class="一般",
            review=_panel(dt.date(2024, 6, 25), external=False),
            disclosure=_notice(dt.date(2024, 6, 26)),
        ),
        AcceptancePlan(
            project_id=pid, reported_on=dt.date(2024, 6, 5), planned_acceptance=dt.date(2024, 6, 25)
        ),
        CompletionAcceptance(
            project_id=pid,
            completed_on=dt.date(2024, 6, 25),
            review=_panel(dt.date(2024, 6, 25), external=False),
            disclosure=_notice(dt.date(2024, 6, 26)),
        ),
        WrittenReport(project_id=pid, written_on=dt.date(2024, 6, 28)),  # 备查: kept on file
    ]
    for step in steps:
        p = p.advance(step)
        if verbose:
            print(f"  -> {p.current_stage().zh} ({p.current_stage().en})")
    return p


class _Agency:
    """A stand-in agency (anything with ``name`` and ``may_serve`` works)."""

    def __init__(self, name: str, industries: tuple[str, ...]) -> None:
        self.name = name
        self.industries = industries

    def may_serve(self, subject: ServiceSubjectView, service: str, *, as_of: dt.date) -> SimpleNamespace:
        return SimpleNamespace(allowed=(subject.industry or "").startswith(self.industries))


def main() -> None:
    for build in (granite_quarry, furniture_plant):
        print(f"== {build.__doc__}")
        p = build(verbose=True)
        r = p.risk_class(AS_OF)
        print(
            f"risk class: {r.risk_class.zh if r.risk_class else '?'} (source {r.source.code}, edition {r.edition})"
        )
        findings = p.check(AS_OF)
        print("findings:", [f.rule for f in findings] or "none")

    print("== the quarry with a late plan, an internal-only panel and an unqualified agency")
    q = granite_quarry()
    assert q.acceptance_plan is not None
    assert q.acceptance is not None
    bad = q.model_copy(
        update={
            "acceptance_plan": q.acceptance_plan.model_copy(update={"reported_on": dt.date(2024, 4, 9)}),
            "acceptance": q.acceptance.model_copy(
                update={"review": _panel(dt.date(2024, 4, 28), external=False)}
            ),
        }
    )
    agencies = [_Agency("某职业卫生技术服务有限公司", industries=("C",))]
    for f in bad.check(AS_OF, agencies=agencies):
        print(f"{f.rule}: {f.message('zh_CN')} | {f.message('en')} ({f.clause})")


if __name__ == "__main__":
    main()
