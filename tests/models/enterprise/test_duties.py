"""Training, detection and evaluation duties, accident classes, licences and enforcement."""

from __future__ import annotations

import datetime as dt

import pydantic
import pytest

from ohsreg import AccidentClass, accident_class, next_detection_due, next_status_evaluation_due
from ohsreg.errors import RuleViolation
from ohsreg.models import Accident, Enterprise, Penalty, SafetyLicence, TrainingRecord
from ohsreg.rules.detection import (
    REGIMES,
    detection_interval_months,
    detection_regime,
    status_evaluation_interval_months,
)
from ohsreg.rules.enforcement import report_deadline_hours
from ohsreg.rules.training import continuing_cycle_months, hours_required, next_training_due
from ohsreg.vocab import RiskClass

D = dt.date(2024, 1, 1)


# ------------------------------------------------------------------------------------------- training
def test_hours_and_cycles() -> None:
    assert [
        hours_required(r, k) for r in ("PRINCIPAL", "OH_MANAGER", "WORKER") for k in ("INITIAL", "CONTINUING")
    ] == [
        16,
        8,
        16,
        8,
        8,
        4,
    ]
    assert continuing_cycle_months("主要负责人") == 12
    assert continuing_cycle_months("WORKER") is None
    assert next_training_due("PRINCIPAL", dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)


def test_training_hours_boundary() -> None:
    assert TrainingRecord(kind="INITIAL", date=D, hours=16).meets("PRINCIPAL")
    assert not TrainingRecord(kind="INITIAL", date=D, hours=15.5).meets("PRINCIPAL")
    with pytest.raises(pydantic.ValidationError):
        TrainingRecord(kind="INITIAL", date=D, hours=0)


def test_training_overdue_boundary(wood: Enterprise) -> None:
    # the OH manager's last continuing training was 2022-05-06: due 2023-05-06
    def rules(day: dt.date) -> list[str]:
        return [f.rule for f in wood.check(day) if f.subject == "oh_managers[0]"]

    assert rules(dt.date(2023, 5, 6)) == []
    assert rules(dt.date(2023, 5, 7)) == ["training.overdue"]


def test_short_training_and_untrained_people(wood: Enterprise) -> None:
    short = TrainingRecord(kind="CONTINUING", date=dt.date(2025, 3, 20), hours=4)
    principal = wood.principal.model_copy(update={"trainings": (wood.principal.trainings[0], short)})
    ent = wood.model_copy(update={"principal": principal, "oh_managers": ()})
    rules = [
        f.rule for f in ent.check(dt.date(2025, 6, 30)) if f.rule.startswith(("training.", "enterprise."))
    ]
    assert rules == ["training.hours_short", "enterprise.oh_manager_missing"]
    worker = wood.workers[0].model_copy(update={"trainings": ()})
    ent = wood.model_copy(update={"workers": (worker, *wood.workers[1:])})
    assert "training.worker_untrained" in [f.rule for f in ent.check(dt.date(2025, 6, 30))]


# ------------------------------------------------------------------------------ detection, evaluation
@pytest.mark.parametrize(
    ("risk", "detection", "evaluation"),
    [("SERIOUS", 12, 36), ("GENERAL", 36, None), ("RELATIVELY_SERIOUS", None, None), ("严重", 12, 36)],
)
def test_intervals_by_class(risk: str, detection: int | None, evaluation: int | None) -> None:
    assert detection_interval_months(risk, as_of=D) == detection
    assert status_evaluation_interval_months(risk, as_of=D) == evaluation


def test_regimes_by_date() -> None:
    # 令第47号 (2012-06-01 .. 2021-01-31): yearly detection for every employer, 3-yearly evaluation if serious
    assert detection_regime(dt.date(2012, 5, 31)) is None
    assert detection_interval_months(None, as_of=dt.date(2012, 6, 1)) == 12
    assert detection_interval_months("GENERAL", as_of=dt.date(2021, 1, 31)) == 12
    assert status_evaluation_interval_months("SERIOUS", as_of=dt.date(2021, 1, 31)) == 36
    assert status_evaluation_interval_months(None, as_of=dt.date(2021, 1, 31)) is None
    # 令第5号 from 2021-02-01: general employers every three years
    assert detection_interval_months("GENERAL", as_of=dt.date(2021, 2, 1)) == 36
    assert detection_interval_months(None, as_of=dt.date(2021, 2, 1)) is None
    d = next_detection_due("SERIOUS", None, as_of=dt.date(2021, 1, 31))
    assert (d.regime, d.clause.endswith("第二十条")) == ("令第47号", True)
    assert "2012-06-01" in next_detection_due("SERIOUS", None, as_of=dt.date(2012, 1, 1)).reason
    assert [r.verified for r in REGIMES] == [False, True]


def test_detection_due_boundaries() -> None:
    d = next_detection_due("GENERAL", dt.date(2021, 3, 31), as_of=D)
    assert d.due == dt.date(2024, 3, 31)
    assert not d.overdue(dt.date(2024, 3, 31))
    assert d.overdue(dt.date(2024, 4, 1))
    never = next_status_evaluation_due("SERIOUS", None, as_of=D)
    assert never.never_done
    assert never.overdue(D)
    assert not next_status_evaluation_due("GENERAL", None, as_of=D).overdue(D)


def test_detection_findings(mine: Enterprise, wood: Enterprise) -> None:
    day = dt.date(2025, 6, 30)
    assert "detection.missing" in [f.rule for f in mine.model_copy(update={"detections": ()}).check(day)]
    assert "evaluation.missing" in [
        f.rule for f in mine.model_copy(update={"status_evaluations": ()}).check(day)
    ]
    assert "evaluation.overdue" in [f.rule for f in mine.check(dt.date(2026, 9, 13))]
    # wood furniture (C2110) is a starred industry: without uses_listed_solvents no class answers
    unknown = [f.rule for f in wood.model_copy(update={"risk_class": None}).check(day)]
    assert "detection.risk_class_conditional" in unknown
    assert "detection.overdue" not in unknown
    # before 2021-02-01 (令第47号) detection is yearly whatever the class
    early = [
        f.rule
        for f in mine.model_copy(update={"risk_class": None, "detections": ()}).check(dt.date(2020, 6, 1))
    ]
    assert "detection.missing" in early
    assert "detection.risk_class_unknown" in early
    heavier = [
        f.rule for f in mine.model_copy(update={"risk_class": RiskClass.RELATIVELY_SERIOUS}).check(day)
    ]
    assert "detection.no_rule" in heavier


# -------------------------------------------------------------------------------------------- accidents
@pytest.mark.parametrize(
    ("counts", "cls", "ambiguous"),
    [
        ({}, "GENERAL", False),
        ({"acute_cases": 9}, "GENERAL", False),
        ({"acute_cases": 10}, "MAJOR", True),
        ({"acute_cases": 11}, "MAJOR", False),
        ({"acute_cases": 49}, "MAJOR", False),
        ({"acute_cases": 50}, "EXTRAORDINARY", True),
        ({"acute_cases": 51}, "EXTRAORDINARY", False),
        ({"deaths": 1}, "MAJOR", False),
        ({"deaths": 4}, "MAJOR", False),
        ({"deaths": 5}, "EXTRAORDINARY", True),
        ({"deaths": 6}, "EXTRAORDINARY", False),
        ({"anthrax_cases": 5}, "EXTRAORDINARY", True),
        ({"acute_cases": 60, "deaths": 5}, "EXTRAORDINARY", False),
    ],
)
def test_accident_classes(counts: dict[str, int], cls: str, ambiguous: bool) -> None:
    g = accident_class(**counts)
    assert g.accident_class is AccidentClass(cls)
    assert g.ambiguous is ambiguous
    assert g.clause.endswith("第二条")


def test_radiation_and_bad_counts() -> None:
    assert accident_class(acute_cases=3, radiological=True).accident_class is None
    with pytest.raises(RuleViolation) as info:
        accident_class(deaths=-1)
    assert (info.value.rule, info.value.field) == ("accident.count", "deaths")
    with pytest.raises(RuleViolation):
        accident_class(acute_cases=True)


def test_report_deadlines() -> None:
    assert report_deadline_hours("GENERAL") == 0
    assert report_deadline_hours("一般事故", reporter="AUTHORITY") == 6
    assert report_deadline_hours("MAJOR", reporter="AUTHORITY") == 0


def test_accident_record(mine: Enterprise) -> None:
    accident = mine.accidents[0]
    assert accident.accident_class is AccidentClass.GENERAL
    with pytest.raises(pydantic.ValidationError) as info:
        Accident(occurred_at="2024-11-06T09:40:00+08:00", reported_at="2024-11-06T09:00:00+08:00")
    assert info.value.errors()[0]["type"] == "accident.date_order"
    unreported = mine.model_copy(update={"accidents": (accident.model_copy(update={"reported_at": None}),)})
    assert "accident.unreported" in [f.rule for f in unreported.check(dt.date(2025, 6, 30))]


# ------------------------------------------------------------------------------- licences, enforcement
def test_licence_validity_boundaries(wood: Enterprise) -> None:
    lic = wood.licences[0]
    assert lic.valid_on(lic.issued_on)
    assert lic.valid_on(lic.expires_on)
    assert not lic.valid_on(lic.expires_on + dt.timedelta(days=1))
    assert "licence.expired" not in [f.rule for f in wood.check(lic.expires_on)]
    revoked = lic.model_copy(update={"revoked_on": dt.date(2022, 1, 1)})
    assert not revoked.valid_on(dt.date(2022, 1, 1))


@pytest.mark.parametrize(
    ("update", "rule"),
    [
        ({"expires_on": "2021-06-01"}, "licence.date_order"),
        ({"revoked_on": "2021-05-01"}, "licence.date_order"),
        ({"industry": "鞋"}, "vocab.unknown"),
    ],
)
def test_bad_licences(update: dict[str, object], rule: str) -> None:
    data: dict[str, object] = {
        "number": "L1",
        "holder_uscc": "91330523MA2B7QK00K",
        "industry": "WOOD_FURNITURE",
        "issued_on": "2021-06-01",
        "expires_on": "2024-05-31",
        **update,
    }
    with pytest.raises(pydantic.ValidationError) as info:
        SafetyLicence.model_validate(data)
    assert rule in {e["type"] for e in info.value.errors()}


def test_custom_pilot_industry() -> None:
    lic = SafetyLicence(
        number="L1",
        holder_uscc="91330523MA2B7QK00K",
        industry={"custom": "皮革制品"},
        issued_on=dt.date(2021, 6, 1),
        expires_on=dt.date(2024, 5, 31),
    )
    assert lic.model_dump(mode="json")["industry"] == {"custom": "皮革制品"}


def test_penalties() -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        Penalty(decision_no="P1", decided_on=D, kind="FINE")
    assert info.value.errors()[0]["type"] == "enforcement.fine_amount"
    fine = Penalty(decision_no="P1", decided_on=D, kind="罚款", amount_yuan="50000")
    assert str(fine.amount_yuan) == "50000"


def test_violation_rectification(mine: Enterprise) -> None:
    violation = mine.inspections[0].violations[0]
    assert not violation.open_on(dt.date(2025, 4, 18))
    assert violation.open_on(dt.date(2025, 4, 19))
    done = violation.model_copy(update={"rectified_on": dt.date(2025, 4, 30)})
    assert done.open_on(dt.date(2025, 4, 29))
    assert not done.open_on(dt.date(2025, 4, 30))


def test_inspection_dates(mine: Enterprise) -> None:
    data = mine.inspections[0].model_dump(mode="json")
    data["violations"][0]["rectify_by"] = "2025-03-01"
    with pytest.raises(pydantic.ValidationError) as info:
        type(mine.inspections[0]).model_validate(data)
    assert info.value.errors()[0]["type"] == "enforcement.date_order"


def test_risk_class_from_the_directory(mine: Enterprise, shoes: Enterprise) -> None:
    day = dt.date(2025, 6, 30)
    assert mine.detection_risk_class(day) == (RiskClass.SERIOUS, "declared")
    undeclared = shoes.model_copy(update={"risk_class": None})
    from ohsreg import catalogue

    assert catalogue.risk_class("C1952", uses_listed_solvents=True).risk_class is RiskClass.SERIOUS
    # starred industry: undecided until the solvents are known, and the check says so
    assert undeclared.detection_risk_class(day) == (None, None)
    conditional = [f for f in undeclared.check(day) if f.rule == "detection.risk_class_conditional"]
    assert len(conditional) == 1
    assert "(2021)" in conditional[0].message("en")
    assert "detection.risk_class_unknown" not in [f.rule for f in undeclared.check(day)]
    general = undeclared.model_copy(update={"uses_listed_solvents": False})
    assert general.detection_risk_class(day) == (
        RiskClass.GENERAL,
        "建设项目职业病危害风险分类管理目录 (2021)",
    )
    known = undeclared.model_copy(update={"uses_listed_solvents": True})
    cls, source = known.detection_risk_class(day)
    assert cls is RiskClass.SERIOUS
    assert source == "建设项目职业病危害风险分类管理目录 (2021)"
    derived = next(f for f in known.check(day) if f.rule == "detection.risk_class_derived")
    assert derived.params["edition"] == source
    assert "(2021)" in derived.message("zh_CN")
    # the 2021 directory does not answer for earlier dates
    assert known.detection_risk_class(dt.date(2021, 3, 11)) == (None, None)


def test_authority_named_for_the_wrong_regime(mine: Enterprise) -> None:
    day = dt.date(2025, 6, 30)
    assert "enforcement.authority_regime" not in [f.rule for f in mine.check(day)]
    old = mine.inspections[0].model_copy(
        update={"date": dt.date(2016, 5, 4), "violations": (), "penalties": ()}
    )
    ent = mine.model_copy(update={"inspections": (old,)})
    found = [f for f in ent.check(day) if f.rule == "enforcement.authority_regime"]
    assert len(found) == 1
    assert found[0].subject == "inspections[0].authority"
    assert "安全生产监督管理部门" in found[0].message("zh_CN")


@pytest.mark.parametrize(
    ("risk_class", "workers", "full_time"),
    [
        ("SERIOUS", 10, True),
        ("GENERAL", 100, False),
        ("GENERAL", 101, True),
        (None, 101, True),
        (None, 100, None),
    ],
)
def test_staffing_requirement_boundaries(
    risk_class: str | None, workers: int, full_time: bool | None
) -> None:
    from ohsreg.rules.staffing import staffing_requirement

    need = staffing_requirement(risk_class, workers, as_of=dt.date(2024, 1, 1))
    assert need is not None
    assert need.full_time_required is full_time
    assert need.organisation_required is full_time
    assert need.clause.endswith("令第5号《工作场所职业卫生管理规定》第八条")


def test_staffing_regime_by_date() -> None:
    from ohsreg.rules.staffing import staffing_requirement

    assert staffing_requirement("SERIOUS", 5, as_of=dt.date(2012, 5, 31)) is None
    old = staffing_requirement("SERIOUS", 5, as_of=dt.date(2021, 1, 31))
    assert old is not None
    assert "令第47号" in old.clause


def test_staffing_findings(shoes: Enterprise) -> None:
    day = dt.date(2025, 6, 30)
    assert not [f for f in shoes.check(day) if f.rule.startswith("enterprise.oh_")]
    manager = shoes.oh_managers[0]
    part_time = type(manager).model_validate(
        {**manager.model_dump(context={"unmask": True}), "role": "PART_TIME"}, context={"as_of": day}
    )
    ent = shoes.model_copy(update={"oh_managers": (part_time,), "oh_organisation": None})
    found = {f.rule: f for f in ent.check(day)}
    full_time = found["enterprise.oh_manager_full_time_missing"]
    assert full_time.clause.endswith("第八条")
    assert "专职" in full_time.message("zh_CN")
    assert "enterprise.oh_organisation_missing" in found
    small = ent.model_copy(
        update={"risk_class": RiskClass.GENERAL, "workers_total": 100, "workers_exposed": 60}
    )
    assert not [f for f in small.check(day) if f.rule.startswith("enterprise.oh_")]


def test_status_evaluations_are_evaluations_of_this_employer(mine: Enterprise) -> None:
    import pydantic

    from ohsreg.models.project import Evaluation

    ev = mine.status_evaluations[0]
    assert isinstance(ev, Evaluation)
    other = ev.model_copy(update={"enterprise_uscc": "91110000600037341L"})
    with pytest.raises(pydantic.ValidationError) as info:
        Enterprise.model_validate(
            {**mine.model_dump(context={"unmask": True}), "status_evaluations": [other.model_dump()]}
        )
    assert info.value.errors()[0]["type"] == "enterprise.status_evaluation"


def test_accident_reported_late_is_a_finding(mine: Enterprise) -> None:
    from ohsreg.checks.enterprise import LATE_REPORT_HOURS

    accident = mine.accidents[0]
    on_time = [f.rule for f in mine.check(dt.date(2025, 6, 30)) if f.rule.startswith("accident.")]
    assert on_time == []  # reported 35 min after
    for hours, late in ((LATE_REPORT_HOURS, False), (LATE_REPORT_HOURS + 0.5, True), (50, True)):
        reported = accident.occurred_at + dt.timedelta(hours=hours)
        ent = mine.model_copy(update={"accidents": (accident.model_copy(update={"reported_at": reported}),)})
        found = [f for f in ent.check(dt.date(2025, 6, 30)) if f.rule == "accident.reported_late"]
        assert bool(found) is late, hours
        if late:
            assert "第六条" in found[0].clause
            assert found[0].params["hours"] == f"{hours:.1f}"
            assert "立即" in found[0].message("zh_CN")
