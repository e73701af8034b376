"""Construction projects: validation, workflow, risk class and every check at its boundary."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
from pydantic import ValidationError

from ohsreg.errors import EditionError, RuleViolation, UnknownEntry
from ohsreg.models.project import (
    TRANSITIONS,
    AcceptancePlan,
    AgencyRef,
    CompletionAcceptance,
    ConstructionProject,
    Disclosure,
    Evaluation,
    MaterialChange,
    ProjectStage,
    ProtectiveFacilityDesign,
    QualifiedAgency,
    Review,
    Reviewer,
    ServiceSubjectView,
    TrialOperation,
    WrittenReport,
    allowed_next,
)
from ohsreg.vocab import RiskClass, Severity

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.timedelta(days=1)
AS_OF = dt.date(2024, 7, 1)


def _example() -> ModuleType:
    path = ROOT / "examples" / "project_walkthrough.py"
    spec = importlib.util.spec_from_file_location("project_walkthrough", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("project_walkthrough", module)
    spec.loader.exec_module(module)
    return module


EXAMPLE = _example()


def quarry() -> ConstructionProject:
    p: ConstructionProject = EXAMPLE.granite_quarry()
    return p


def plant() -> ConstructionProject:
    p: ConstructionProject = EXAMPLE.furniture_plant()
    return p


def rules_of(p: ConstructionProject, as_of: dt.date = AS_OF, **kw: Any) -> list[str]:
    return [f.rule for f in p.check(as_of, **kw)]


def directory(rc: RiskClass | None, *, conditional: bool = False, edition: str = "2021") -> Any:
    def lookup(code: str, *, as_of: dt.date, uses_listed_solvents: bool | None) -> Any:
        return SimpleNamespace(risk_class=rc, edition=edition, conditional=conditional, note=None)

    return lookup


def raising(err: Exception) -> Any:
    def lookup(code: str, *, as_of: dt.date, uses_listed_solvents: bool | None) -> Any:
        raise err

    return lookup


BASE: dict[str, Any] = {
    "project_id": "P-1",
    "name": "示例项目",
    "owner_uscc": "91110000600037341L",
    "owner_name": "示例公司",
    "kind": "NEW",
    "industry": "C2110",
    "location": "330102",
}


# -- the walkthroughs -------------------------------------------------------------------------------


def test_walkthroughs_reach_every_stage_without_findings() -> None:
    for p in (quarry(), plant()):
        assert p.current_stage() is ProjectStage.WRITTEN_REPORT
        assert rules_of(p, directory=directory(None)) == [], p.name


def test_walkthrough_risk_classes() -> None:
    q = quarry().risk_class(AS_OF, directory=directory(RiskClass.SERIOUS))
    assert (q.risk_class, q.source.code, q.edition) == (RiskClass.SERIOUS, "DIRECTORY", "2021")
    f = plant().risk_class(AS_OF, directory=directory(RiskClass.GENERAL))
    assert f.risk_class is RiskClass.GENERAL
    assert not f.contradiction


def test_walkthrough_with_the_shipped_directory_when_present() -> None:
    catalogue = pytest.importorskip("ohsreg.catalogue")
    if not hasattr(catalogue, "risk_class"):
        pytest.skip("catalogue without the risk directory")
    q = quarry().risk_class(AS_OF)
    assert (q.risk_class, q.source.code, q.edition) == (RiskClass.SERIOUS, "DIRECTORY", "2021")
    f = plant().risk_class(AS_OF)
    assert (f.risk_class, f.source.code) == (RiskClass.GENERAL, "DIRECTORY")
    assert rules_of(quarry()) == []
    assert rules_of(plant()) == []


def test_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    EXAMPLE.main()
    out = capsys.readouterr().out
    assert "project.acceptance_plan_late" in out
    assert "project.review_panel_external" in out


# -- bad input --------------------------------------------------------------------------------------


def _error_type(exc: ValidationError) -> str:
    return str(exc.errors()[0]["type"])


def test_stage_of_another_project_is_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        ConstructionProject(**BASE, design=ProtectiveFacilityDesign(project_id="P-2", completed_on=AS_OF))
    assert _error_type(exc.value) == "project.stage_project_mismatch"
    with pytest.raises(RuleViolation) as err:
        ConstructionProject(**BASE).advance(Evaluation(project_id="X", stage="预评价", report_date=AS_OF))
    assert err.value.rule == "project.stage_project_mismatch"


def test_unknown_industry_code_is_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        ConstructionProject(**{**BASE, "industry": "C2199"})
    assert _error_type(exc.value).startswith("industry.")


@pytest.mark.parametrize(
    "build",
    [
        lambda: TrialOperation(start=AS_OF, end=AS_OF - DAY),
        lambda: AcceptancePlan(reported_on=AS_OF, planned_acceptance=AS_OF - DAY),
        lambda: Evaluation(stage="预评价", report_date=AS_OF, review=_review(AS_OF - DAY)),
        lambda: ProtectiveFacilityDesign(completed_on=AS_OF, review=_review(AS_OF - DAY)),
    ],
)
def test_dates_out_of_order_inside_a_record(build: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        build()
    assert _error_type(exc.value) == "project.date_order"


def test_declared_class_needs_a_basis() -> None:
    with pytest.raises(ValidationError) as exc:
        ConstructionProject(**BASE, declared_risk_class="严重")
    assert _error_type(exc.value) == "project.risk_basis_missing"


def test_evaluation_kinds() -> None:
    with pytest.raises(ValidationError) as exc:
        Evaluation(stage="CURRENT_STATUS_EVALUATION", report_date=AS_OF)
    assert _error_type(exc.value) == "project.evaluation_subject"
    with pytest.raises(ValidationError) as exc:
        Evaluation(stage="COMPLETION_ACCEPTANCE", report_date=AS_OF)
    assert _error_type(exc.value) == "project.evaluation_kind"
    wrong = Evaluation(stage="控制效果评价", report_date=AS_OF)
    with pytest.raises(ValidationError) as exc:
        ConstructionProject(**BASE, pre_evaluation=wrong)
    assert _error_type(exc.value) == "project.evaluation_kind"


def test_industry_bounds_need_the_rule() -> None:
    with pytest.raises(ValidationError) as exc:
        TrialOperation(start=AS_OF, max_days=365)
    assert _error_type(exc.value) == "project.trial_rule_missing"


def test_validation_error_has_both_languages() -> None:
    with pytest.raises(ValidationError) as exc:
        TrialOperation(start=AS_OF, end=AS_OF - DAY)
    ctx = exc.value.errors()[0]["ctx"]
    assert "before it starts" in ctx["message_en"]
    assert "早于" in ctx["message_zh"]


# -- workflow ---------------------------------------------------------------------------------------


def test_transitions_form_a_path_to_the_written_report() -> None:
    seen = {ProjectStage.PLANNED}
    frontier = [ProjectStage.PLANNED]
    while frontier:
        for nxt in allowed_next(frontier.pop()):
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    assert seen == set(TRANSITIONS)
    assert allowed_next(ProjectStage.WRITTEN_REPORT) == ()


def test_advance_refuses_a_skipped_stage() -> None:
    p = ConstructionProject(**BASE)
    with pytest.raises(RuleViolation) as err:
        p.advance(ProtectiveFacilityDesign(completed_on=AS_OF))
    assert err.value.rule == "project.transition"
    assert "PRE_EVALUATION" in err.value.message("en")


def test_trial_run_is_optional() -> None:
    p = ConstructionProject(**BASE)
    p = p.advance(Evaluation(stage="预评价", report_date=dt.date(2024, 1, 1)))
    p = p.advance(ProtectiveFacilityDesign(completed_on=dt.date(2024, 2, 1)))
    p = p.advance(Evaluation(stage="控制效果评价", report_date=dt.date(2024, 5, 1)))
    assert p.current_stage() is ProjectStage.CONTROL_EFFECT_EVALUATION


def test_pre_evaluation_after_a_change_is_a_re_evaluation() -> None:
    q = quarry()
    change = MaterialChange(occurred_on=dt.date(2024, 6, 1), description="产能由50万吨扩至100万吨")
    q = q.model_copy(update={"changes": (change,)})
    assert "project.re_evaluation_missing" in rules_of(q, directory=directory(None))
    redo = Evaluation(
        project_id=q.project_id,
        stage="预评价",
        report_date=dt.date(2024, 6, 10),
        risk_class="严重",
        review=_review(dt.date(2024, 6, 12), external=True),
    )
    q = q.advance(redo)
    assert q.re_evaluations == (redo,)
    assert "project.re_evaluation_missing" not in rules_of(q, directory=directory(None))


def test_current_status_evaluation_is_an_evaluation_record() -> None:
    e = Evaluation(
        stage="现状评价",
        report_date=dt.date(2024, 3, 1),
        enterprise_uscc="91110000600037341L",
        industry="B1012",
        agency=AgencyRef(name="甲机构"),
    )
    assert e.check(AS_OF) == []
    found = e.check(AS_OF, agencies=[_Agency("甲机构", ok=False)])
    assert [f.rule for f in found] == ["project.agency_not_qualified"]
    with pytest.raises(RuleViolation):
        ConstructionProject(**BASE).advance(e)


# -- risk class -------------------------------------------------------------------------------------


def test_pre_evaluation_contradicting_the_directory_without_reason() -> None:
    p = plant()  # pre-evaluation says 一般
    r = p.risk_class(AS_OF, directory=directory(RiskClass.SERIOUS))
    assert r.contradiction
    assert r.risk_class is RiskClass.SERIOUS  # the more serious class applies
    found = p.check(AS_OF, directory=directory(RiskClass.SERIOUS))
    rule = next(f for f in found if f.rule == "project.risk_class_contradiction")
    assert rule.severity is Severity.ERROR
    assert rule.params["stated"] == "GENERAL"
    assert rule.params["directory"] == "SERIOUS"
    assert "project.review_panel_external" in [f.rule for f in found]


def test_pre_evaluation_overrides_with_a_reason() -> None:
    p = plant().model_copy(update={"risk_override_reason": "工艺仅手工组装，无粉尘工序（专家论证）"})
    r = p.risk_class(AS_OF, directory=directory(RiskClass.SERIOUS))
    assert (r.risk_class, r.source.code, r.directory_class) == (
        RiskClass.GENERAL,
        "PRE_EVALUATION",
        RiskClass.SERIOUS,
    )
    assert r.basis is not None
    assert not r.contradiction
    assert "project.risk_class_contradiction" not in rules_of(p, directory=directory(RiskClass.SERIOUS))


def test_declared_class_contradicting_the_directory() -> None:
    p = ConstructionProject(**BASE, declared_risk_class="一般", declared_risk_basis="旧目录")
    r = p.risk_class(AS_OF, directory=directory(RiskClass.SERIOUS))
    assert r.contradiction
    assert r.risk_class is RiskClass.SERIOUS


def test_edition_not_shipped_falls_back_to_declared() -> None:
    p = ConstructionProject(**BASE, declared_risk_class="较重", declared_risk_basis="2012年版目录 C21")
    err = EditionError("not shipped", rule="catalogue.edition_not_shipped")
    r = p.risk_class(dt.date(2019, 1, 1), directory=raising(err))
    assert (r.risk_class, r.source.code, r.edition) == (RiskClass.RELATIVELY_SERIOUS, "DECLARED", "2012")
    assert r.basis == "2012年版目录 C21"


def test_unlisted_industry_without_class_is_a_finding() -> None:
    p = ConstructionProject(**BASE)
    err = UnknownEntry("not listed", rule="catalogue.industry_not_listed")
    r = p.risk_class(AS_OF, directory=raising(err))
    assert r.risk_class is None
    assert r.source.code == "UNDETERMINED"
    assert rules_of(p, directory=raising(err)) == ["project.risk_class_unknown"]


def test_conditional_directory_class() -> None:
    p = ConstructionProject(**BASE)
    found = rules_of(p, directory=directory(RiskClass.SERIOUS, conditional=True))
    assert found == ["project.risk_class_conditional"]
    (f,) = p.check(AS_OF, directory=directory(RiskClass.SERIOUS, conditional=True))
    # the directory named as enterprise findings name it (the catalogue's document and edition)
    assert f.clause == "建设项目职业病危害风险分类管理目录 (2021)注"


def test_projects_and_enterprises_share_the_directory_lookup() -> None:
    from ohsreg.catalogue import risk_class as catalogue_risk_class
    from ohsreg.rules._catalogue import directory_name, risk_directory_lookup

    assert risk_directory_lookup() is catalogue_risk_class
    assert directory_name("2021") == "建设项目职业病危害风险分类管理目录 (2021)"
    p = ConstructionProject(**BASE).model_copy(update={"industry": "C1952", "uses_listed_solvents": None})
    (f,) = [f for f in p.check(AS_OF) if f.rule == "project.risk_class_conditional"]
    assert f.clause == directory_name("2021") + "注"


# -- checks at their boundaries ---------------------------------------------------------------------


def _review(day: dt.date, *, external: bool = False) -> Review:
    return Review(
        held_on=day,
        organised_by="厂长",
        reviewers=(Reviewer(name="张三", organisation="外院" if external else "本厂", external=external),),
    )


class _Agency:
    def __init__(self, name: str, *, ok: bool) -> None:
        self.name = name
        self.ok = ok
        self.calls: list[tuple[str, str | None, dt.date]] = []

    def may_serve(self, subject: ServiceSubjectView, service: str, *, as_of: dt.date) -> SimpleNamespace:
        self.calls.append((service, subject.industry, as_of))
        reasons = (SimpleNamespace(rule="agency.scope", severity=Severity.ERROR),)
        return SimpleNamespace(allowed=self.ok, reasons=() if self.ok else reasons)


def test_agency_protocol_is_structural() -> None:
    assert isinstance(_Agency("x", ok=True), QualifiedAgency)
    assert not isinstance(object(), QualifiedAgency)


def test_agency_not_qualified() -> None:
    agency = _Agency("某职业卫生技术服务有限公司", ok=False)
    found = quarry().check(AS_OF, agencies=[agency], directory=directory(None))
    assert [f.rule for f in found] == ["project.agency_not_qualified"] * 2
    assert found[0].params["why"] == "agency.scope"
    assert agency.calls[0] == ("PRE_EVALUATION", "B1012", dt.date(2023, 3, 10))
    assert rules_of(quarry(), agencies=[_Agency("其他机构", ok=False)], directory=directory(None)) == []


def _with_plan(days_before: int) -> ConstructionProject:
    q = quarry()
    assert q.acceptance is not None
    plan = AcceptancePlan(
        reported_on=q.acceptance.completed_on - days_before * DAY,
        planned_acceptance=q.acceptance.completed_on,
    )
    return q.model_copy(update={"acceptance_plan": plan})


@pytest.mark.parametrize(("days_before", "late"), [(19, True), (20, False), (21, False)])
def test_acceptance_plan_boundary(days_before: int, late: bool) -> None:
    found = rules_of(_with_plan(days_before), directory=directory(None))
    assert ("project.acceptance_plan_late" in found) is late


def test_acceptance_plan_planned_but_not_yet_accepted() -> None:
    p = ConstructionProject(
        **BASE,
        acceptance_plan=AcceptancePlan(
            reported_on=dt.date(2024, 6, 10), planned_acceptance=dt.date(2024, 6, 20)
        ),
        declared_risk_class="一般",
        declared_risk_basis="目录",
    )
    found = p.check(AS_OF, directory=directory(None))
    late = [f for f in found if f.rule == "project.acceptance_plan_late"]
    assert late
    assert late[0].severity is Severity.WARNING
    assert late[0].due == dt.date(2024, 5, 31)


def test_acceptance_without_plan() -> None:
    q = quarry().model_copy(update={"acceptance_plan": None})
    assert "project.acceptance_plan_missing" in rules_of(q, directory=directory(None))


def _with_report(days_after: int | None) -> ConstructionProject:
    q = quarry()
    assert q.acceptance is not None
    done = q.acceptance.completed_on
    submitted = None if days_after is None else done + days_after * DAY
    return q.model_copy(
        update={"written_report": WrittenReport(written_on=done + DAY, submitted_on=submitted)}
    )


@pytest.mark.parametrize(("days_after", "late"), [(19, False), (20, False), (21, True)])
def test_written_report_boundary(days_after: int, late: bool) -> None:
    found = rules_of(_with_report(days_after), directory=directory(None))
    assert ("project.written_report_late" in found) is late


def test_written_report_missing_only_after_the_deadline() -> None:
    q = _with_report(None)
    assert q.acceptance is not None
    due = q.acceptance.completed_on + 20 * DAY
    assert "project.written_report_missing" not in rules_of(q, due, directory=directory(None))
    found = q.check(due + DAY, directory=directory(None))
    missing = [f for f in found if f.rule == "project.written_report_missing"]
    assert missing
    assert missing[0].due == due


def test_general_project_keeps_the_report_on_file() -> None:
    p = plant().model_copy(update={"written_report": None})
    assert rules_of(p, dt.date(2025, 1, 1), directory=directory(None)) == []


def _with_trial(days: int | None, **extra: Any) -> ConstructionProject:
    q = quarry()
    assert q.trial_operation is not None
    start = q.trial_operation.start
    trial = TrialOperation(start=start, end=None if days is None else start + days * DAY, **extra)
    ce = q.control_effect_evaluation
    assert ce is not None
    return q.model_copy(update={"trial_operation": trial})


@pytest.mark.parametrize(
    ("days", "rule"),
    [(29, "project.trial_run_short"), (30, None), (180, None), (181, "project.trial_run_long")],
)
def test_trial_run_boundary(days: int, rule: str | None) -> None:
    found = [
        r for r in rules_of(_with_trial(days), directory=directory(None)) if r.startswith("project.trial_run")
    ]
    assert found == ([rule] if rule else [])


def test_trial_run_industry_exception() -> None:
    p = _with_trial(200, industry_rule="某行业规定（试运行最长一年）", max_days=365)
    found = p.check(AS_OF, directory=directory(None))
    assert not [f for f in found if f.rule.startswith("project.trial_run")]


def test_trial_run_still_going() -> None:
    p = _with_trial(None)
    assert p.trial_operation is not None
    start = p.trial_operation.start
    assert "project.trial_run_overdue" not in rules_of(p, start + 180 * DAY, directory=directory(None))
    assert "project.trial_run_overdue" in rules_of(p, start + 181 * DAY, directory=directory(None))


def test_serious_panel_without_external_staff() -> None:
    q = quarry()
    assert q.design is not None
    design = q.design.model_copy(update={"review": _review(dt.date(2023, 5, 20))})
    found = q.model_copy(update={"design": design}).check(AS_OF, directory=directory(None))
    panel = [f for f in found if f.rule == "project.review_panel_external"]
    assert [f.subject for f in panel] == ["design.review.reviewers"]
    assert panel[0].message("zh_CN") != panel[0].message("en")


def test_review_missing() -> None:
    p = plant()
    assert p.pre_evaluation is not None
    pre = p.pre_evaluation.model_copy(update={"review": None})
    found = rules_of(p.model_copy(update={"pre_evaluation": pre}), directory=directory(None))
    assert found == ["project.review_missing"]


def test_disclosure_missing_unless_state_secret() -> None:
    p = plant()
    assert p.acceptance is not None
    acc = p.acceptance.model_copy(update={"disclosure": None})
    p = p.model_copy(update={"acceptance": acc})
    assert rules_of(p, directory=directory(None)) == ["project.disclosure_missing"]
    assert rules_of(p.model_copy(update={"state_secret": True}), directory=directory(None)) == []


def test_missing_stages_and_order() -> None:
    p = ConstructionProject(
        **BASE,
        declared_risk_class="一般",
        declared_risk_basis="目录",
        construction_started_on=dt.date(2024, 3, 1),
    )
    found = rules_of(p, directory=directory(None))
    assert "project.pre_evaluation_missing" in found
    assert "project.design_missing" in found
    late_design = p.model_copy(
        update={
            "pre_evaluation": Evaluation(
                stage="预评价", report_date=dt.date(2024, 1, 1), review=_review(AS_OF)
            ),
            "design": ProtectiveFacilityDesign(completed_on=dt.date(2024, 4, 1), review=_review(AS_OF)),
        }
    )
    assert "project.design_after_construction" in rules_of(late_design, directory=directory(None))
    swapped = late_design.model_copy(
        update={"design": ProtectiveFacilityDesign(completed_on=dt.date(2023, 12, 1), review=_review(AS_OF))}
    )
    assert "project.stage_order" in rules_of(swapped, directory=directory(None))


def test_control_effect_timing_and_presence() -> None:
    q = quarry()
    assert q.control_effect_evaluation is not None
    late = q.control_effect_evaluation.model_copy(update={"report_date": dt.date(2024, 5, 1)})
    found = rules_of(q.model_copy(update={"control_effect_evaluation": late}), directory=directory(None))
    assert "project.control_effect_timing" in found
    early = q.control_effect_evaluation.model_copy(update={"report_date": dt.date(2023, 12, 1)})
    found = rules_of(q.model_copy(update={"control_effect_evaluation": early}), directory=directory(None))
    assert "project.control_effect_timing" in found
    found = rules_of(q.model_copy(update={"control_effect_evaluation": None}), directory=directory(None))
    assert "project.control_effect_missing" in found


def test_stages_before_order_90_are_not_checked() -> None:
    p = ConstructionProject(
        **BASE,
        declared_risk_class="严重",
        declared_risk_basis="2012年版目录",
        pre_evaluation=Evaluation(stage="预评价", report_date=dt.date(2016, 3, 1)),
        design=ProtectiveFacilityDesign(completed_on=dt.date(2016, 6, 1)),
    )
    found = p.check(AS_OF, directory=raising(EditionError("x", rule="catalogue.edition_not_shipped")))
    assert [f.rule for f in found] == ["project.regime_not_encoded"]
    assert found[0].severity is Severity.INFO


def test_findings_are_data() -> None:
    found = _with_plan(10).check(AS_OF, directory=directory(None))
    f = next(f for f in found if f.rule == "project.acceptance_plan_late")
    again = type(f).model_validate_json(f.model_dump_json())
    assert again == f
    assert "20" in f.message("zh_CN")
    assert "条号未核实" in f.clause


def test_personal_data_of_reviewers_is_masked() -> None:
    dumped = quarry().model_dump(mode="json")
    assert dumped["pre_evaluation"]["review"]["reviewers"][0]["name"] == "王**"


def test_disclosure_record() -> None:
    d = Disclosure(published_on=AS_OF)
    assert d.channels == ("公告栏",)


# -- messages ---------------------------------------------------------------------------------------


# every template's zh translation: tests/i18n/test_completeness.py


def test_stage_labels_in_both_languages() -> None:
    q = quarry()
    assert q.design is not None
    design = q.design.model_copy(update={"review": _review(dt.date(2023, 5, 20))})
    found = q.model_copy(update={"design": design}).check(AS_OF, directory=directory(None))
    f = next(f for f in found if f.rule == "project.review_panel_external")
    assert f.message("zh_CN").startswith("职业病防护设施设计：")
    assert f.message("en").startswith("protective facility design:")
    assert f.params["stage"] == "design"


# -- exchange ---------------------------------------------------------------------------------------


def test_json_round_trip_with_personal_data() -> None:
    for p in (quarry(), plant()):
        text = p.model_dump_json(context={"unmask": True})
        assert ConstructionProject.model_validate_json(text) == p


def test_json_schema() -> None:
    schema = ConstructionProject.model_json_schema()
    assert "pre_evaluation" in schema["properties"]
    assert set(schema["required"]) >= {"project_id", "owner_uscc", "industry", "kind"}


def test_phase_acceptances() -> None:
    p = plant().model_copy(update={"phases": ("一期", "二期")})
    phase1 = CompletionAcceptance(
        completed_on=dt.date(2024, 5, 1), phase="一期", review=_review(dt.date(2024, 5, 1))
    )
    data = p.model_dump(context={"unmask": True}) | {"phase_acceptances": [phase1]}
    p = ConstructionProject.model_validate(data)
    assert rules_of(p, directory=directory(None)) == ["project.disclosure_missing"]
    with pytest.raises(ValidationError) as exc:
        ConstructionProject.model_validate(
            data | {"phase_acceptances": [phase1.model_copy(update={"phase": "三期"})]}
        )
    assert _error_type(exc.value) == "project.phase_unknown"
    with pytest.raises(ValidationError) as exc:
        ConstructionProject.model_validate(
            data | {"phase_acceptances": [phase1.model_copy(update={"phase": None})]}
        )
    assert _error_type(exc.value) == "project.phase_unknown"


def test_conditional_class_and_a_stated_general_class_agree() -> None:
    p = plant().model_copy(update={"uses_listed_solvents": None})
    r = p.risk_class(AS_OF, directory=directory(RiskClass.SERIOUS, conditional=True))
    assert (r.risk_class, r.conditional, r.contradiction) == (RiskClass.GENERAL, True, False)
    found = rules_of(p, directory=directory(RiskClass.SERIOUS, conditional=True))
    assert found == ["project.risk_class_conditional"]


def test_other_directory_errors_become_a_note() -> None:
    p = ConstructionProject(**BASE, declared_risk_class="一般", declared_risk_basis="目录")
    r = p.risk_class(AS_OF, directory=raising(RuleViolation("x", rule="catalogue.broken")))
    assert r.risk_class is RiskClass.GENERAL
    assert r.note is not None
    assert "catalogue.broken" in r.note


def test_the_agency_model_fits_the_protocol() -> None:
    agency_module = pytest.importorskip("ohsreg.models.agency")
    agency = agency_module.TechnicalServiceAgency(
        uscc="91110000600037341L", name="某职业卫生技术服务有限公司", region="350500"
    )
    assert isinstance(agency, QualifiedAgency)
    # construction-project evaluations need no qualification under 国家卫健委令第4号 (2021-02-01 on)
    assert rules_of(quarry(), agencies=[agency], directory=directory(None)) == []
    status = Evaluation(
        stage="现状评价",
        report_date=dt.date(2024, 3, 1),
        enterprise_uscc="91110000600037341L",
        industry="B1012",
        region="350583",
        agency=AgencyRef(name="某职业卫生技术服务有限公司", uscc="91110000600037341L"),
    )
    found = status.check(AS_OF, agencies=[agency])
    assert [f.rule for f in found] == ["project.agency_not_qualified"]
    assert found[0].params["why"] == "agency.no_valid_qualification"


def test_design_missing_names_the_stage_reached_not_planned() -> None:
    started = ConstructionProject(**BASE, construction_started_on=AS_OF - dt.timedelta(days=30))
    f = next(f for f in started.check(AS_OF) if f.rule == "project.design_missing")
    assert (
        f.message("en") == "no protective-facility design, but the project has reached the construction stage"
    )
    assert f.message("zh_CN") == "未进行职业病防护设施设计，但项目已进入施工阶段"
    assert "立项" not in f.message("zh_CN")
