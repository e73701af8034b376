"""Expert pools: filters, reproducible draws, conflicts never drawn (property test), draw log, errors."""

from __future__ import annotations

import datetime as dt
from types import ModuleType
from typing import Any

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ohsreg.errors import OhsregError, RuleViolation
from ohsreg.models.expert import DrawFor, DrawLog, Engagement, Expert, ExpertPool, Period, PoolRules
from ohsreg.vocab import EvaluationStage

D = dt.date
AS_OF = D(2025, 6, 1)
ORGS = ("甲单位", "乙单位", "丙单位", "丁单位", "戊单位")


def expert(i: int, **kw: Any) -> Expert:
    base: dict[str, Any] = {
        "id": f"E{i:03d}",
        "name": f"专家{i}",
        "specialities": ["职业卫生评价"],
        "title": "SENIOR",
        "years": 10,
        "affiliation": ORGS[i % len(ORGS)],
        "level": "PROVINCIAL",
        "pool_type": "OCCUPATIONAL_HEALTH",
        "region": "330100",
        "term_start": D(2023, 1, 1),
        "term_end": D(2027, 12, 31),
    }
    base.update(kw)
    return Expert(**base)


def test_example_pool_has_30_experts(example: ModuleType) -> None:
    pool = example.build_pool()
    assert len(pool) == 30
    assert pool.get("ZJ-OH-001") is not None
    assert pool.get("nope") is None


def test_example_draw_is_reproducible_and_conflict_free(example: ModuleType) -> None:
    pool = example.build_pool()
    request = DrawFor(
        project_id="P-2025-017",
        owner="钱塘化工有限公司",
        agency="浙江安评职业卫生技术服务有限公司",
        stage="CONTROL_EFFECT_EVALUATION",
    )
    first = pool.draw(5, for_=request, seed=42, as_of=example.AS_OF)
    again = pool.draw(5, for_=request, seed=42, as_of=example.AS_OF)
    assert first == again
    assert first.reproduces()
    excluded = {e.expert_id: e.reasons for e in first.excluded}
    assert "draw.conflict_earlier_stage" in excluded["ZJ-OH-003"]
    assert "draw.conflict_declared" in excluded["ZJ-OH-014"]
    assert "draw.out_of_term" in excluded["ZJ-OH-008"]
    assert "draw.inactive" in excluded["ZJ-OH-012"]
    assert not set(first.chosen) & set(excluded)
    assert set(first.chosen) <= set(first.eligible)
    assert list(first.eligible) == sorted(first.eligible)
    other_seeds = {pool.draw(5, for_=request, seed=s, as_of=example.AS_OF).chosen for s in range(20)}
    assert len(other_seeds) > 1


def test_draw_log_is_an_exportable_record() -> None:
    pool = ExpertPool(name="库", experts=[expert(i) for i in range(6)])
    log = pool.draw(2, for_=DrawFor(project_id="P", owner="甲单位"), seed=3, as_of=AS_OF, speciality="评价")
    back = DrawLog.model_validate_json(log.model_dump_json())
    assert back == log
    assert back.reproduces()
    assert log.criteria == {"speciality": "评价"}
    assert log.rules.source.startswith("山西省")
    assert not log.rules.verified


def test_filters() -> None:
    experts = [
        expert(0),
        expert(1, level="NATIONAL", region="110100"),
        expert(2, pool_type="放射卫生", specialities=["放射防护"]),
        expert(3, status="SUSPENDED"),
        expert(4, unavailable=[Period(start=D(2025, 5, 1), end=D(2025, 6, 30))]),
    ]
    pool = ExpertPool(name="库", experts=experts)
    assert [e.id for e in pool.filter(level="国家级").experts] == ["E001"]
    assert [e.id for e in pool.filter(region="330000").experts] == ["E000", "E002", "E003", "E004"]
    assert [e.id for e in pool.filter(region="110100").experts] == ["E001"]
    assert [e.id for e in pool.filter(speciality="放射").experts] == ["E002"]
    assert [e.id for e in pool.filter(pool_type="RADIOLOGICAL_HEALTH").experts] == ["E002"]
    assert [e.id for e in pool.filter(available_on=AS_OF).experts] == ["E000", "E001", "E002"]


def test_affiliation_match_is_folded_and_uses_uscc() -> None:
    e = expert(0, affiliation="甲 单位", affiliation_uscc="91330100MA2H0X0X17")
    pool = ExpertPool(name="库", experts=[e])
    assert pool.conflicts(e, DrawFor(project_id="P", owner="甲单位")) == ["draw.conflict_owner"]
    assert pool.conflicts(e, DrawFor(project_id="P", agency="91330100MA2H0X0X17")) == ["draw.conflict_agency"]
    assert pool.conflicts(e, DrawFor(project_id="P", owner="乙单位")) == []


def test_earlier_stage_from_engagements_and_history() -> None:
    engaged = expert(1, engagements=[Engagement(project_id="P", stage="PRE_EVALUATION")])
    pool = ExpertPool(name="库", experts=[expert(0), engaged, expert(2), expert(3)])
    pre = DrawFor(project_id="P", stage=EvaluationStage.PRE_EVALUATION)
    control = DrawFor(project_id="P", stage=EvaluationStage.CONTROL_EFFECT_EVALUATION)
    assert pool.conflicts(engaged, pre) == []  # same stage: a re-review is not a conflict
    assert pool.conflicts(engaged, control) == ["draw.conflict_earlier_stage"]
    first = pool.draw(1, for_=pre, seed=0, as_of=AS_OF)
    later = pool.draw(2, for_=control, seed=0, as_of=AS_OF, history=[first])
    assert not set(later.chosen) & ({"E001"} | set(first.chosen))


def test_pool_rules_are_parameters() -> None:
    experts = [expert(0, title="INTERMEDIATE", years=4), expert(1, title="JUNIOR", years=20), expert(2)]
    strict = ExpertPool(name="库", experts=experts)
    log = strict.draw(1, for_=DrawFor(project_id="P"), seed=1, as_of=AS_OF)
    assert log.eligible == ("E002",)
    assert {e.expert_id: e.reasons for e in log.excluded} == {
        "E000": ("draw.below_years",),
        "E001": ("draw.below_title",),
    }
    lax = strict.model_copy(
        update={"rules": PoolRules(min_title="JUNIOR", min_years=0, source="本省办法", verified=True)}
    )
    assert len(lax.draw(3, for_=DrawFor(project_id="P"), seed=1, as_of=AS_OF).chosen) == 3


def test_not_enough_eligible_is_a_clear_error() -> None:
    pool = ExpertPool(name="库", experts=[expert(i) for i in range(5)])
    with pytest.raises(RuleViolation) as info:
        pool.draw(5, for_=DrawFor(project_id="P", owner="甲单位"), seed=1, as_of=AS_OF)
    err = info.value
    assert err.rule == "pool.not_enough"
    assert err.params["eligible"] == 4
    assert "符合条件的只有 4 名" in err.message("zh_CN")


@pytest.mark.parametrize(
    ("n", "seed", "rule"),
    [(0, 1, "pool.draw_count"), (True, 1, "pool.draw_count"), (1, "x", "pool.seed"), (1, 1.5, "pool.seed")],
)
def test_bad_draw_arguments(n: Any, seed: Any, rule: str) -> None:
    pool = ExpertPool(name="库", experts=[expert(0)])
    with pytest.raises(OhsregError) as info:
        pool.draw(n, for_=DrawFor(project_id="P"), seed=seed, as_of=AS_OF)
    assert info.value.rule == rule


def test_out_of_term_is_excluded_and_flagged() -> None:
    old = expert(0, term_start=D(2018, 1, 1), term_end=D(2022, 12, 31))
    pool = ExpertPool(name="库", experts=[old, expert(1, term_end=D(2030, 1, 1))])
    log = pool.draw(1, for_=DrawFor(project_id="P"), seed=1, as_of=AS_OF)
    assert log.excluded[0].reasons == ("draw.out_of_term",)
    assert [f.rule for f in pool.check(AS_OF)] == ["pool.term_ended", "pool.term_too_long"]


@pytest.mark.parametrize(
    ("build", "rule"),
    [
        (lambda: expert(0, term_start=D(2025, 1, 1), term_end=D(2024, 1, 1)), "expert.term_order"),
        (lambda: Period(start=D(2025, 1, 2), end=D(2025, 1, 1)), "expert.period_order"),
        (lambda: ExpertPool(name="库", experts=[expert(0), expert(0)]), "pool.duplicate_expert"),
        (lambda: expert(0, pool_type="美容"), "vocab.unknown"),
    ],
)
def test_bad_records(build: Any, rule: str) -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        build()
    assert info.value.errors()[0]["type"] == rule


def test_expert_contact_is_masked() -> None:
    e = expert(0, name="欧阳修", phone="13900001111")
    assert e.model_dump(mode="json")["name"] == "欧**"
    assert "13900001111" not in e.model_dump_json()


# -- property: a draw never returns a conflicted expert, and a seed reproduces it ---------------------

experts_st = st.lists(
    st.builds(
        lambda i, org, declared, engaged, active, start, span: expert(
            i,
            affiliation=ORGS[org],
            declared_conflicts=["P1"] if declared else [],
            engagements=[Engagement(project_id="P1", stage="PRE_EVALUATION")] if engaged else [],
            status="ACTIVE" if active else "WITHDRAWN",
            term_start=D(2020, 1, 1) + dt.timedelta(days=start),
            term_end=D(2020, 1, 1) + dt.timedelta(days=start + span),
        ),
        st.integers(0, 10_000),
        st.integers(0, len(ORGS) - 1),
        st.booleans(),
        st.booleans(),
        st.booleans(),
        st.integers(0, 3000),
        st.integers(0, 3000),
    ),
    max_size=25,
    unique_by=lambda e: e.id,
)


@settings(max_examples=60, deadline=None)
@given(
    experts=experts_st,
    owner=st.sampled_from(ORGS),
    agency=st.sampled_from(ORGS),
    n=st.integers(1, 6),
    seed=st.integers(0, 2**32),
)
def test_draw_never_returns_a_conflicted_expert(
    experts: list[Expert], owner: str, agency: str, n: int, seed: int
) -> None:
    pool = ExpertPool(name="库", experts=experts)
    request = DrawFor(project_id="P1", owner=owner, agency=agency, stage="CONTROL_EFFECT_EVALUATION")
    eligible = [e for e in pool.experts if not pool.conflicts(e, request) and e.available_on(AS_OF)]
    if len(eligible) < n:
        with pytest.raises(RuleViolation, match=r"pool\.not_enough"):
            pool.draw(n, for_=request, seed=seed, as_of=AS_OF)
        return
    log = pool.draw(n, for_=request, seed=seed, as_of=AS_OF)
    assert len(log.chosen) == n == len(set(log.chosen))
    for expert_id in log.chosen:
        e = pool.get(expert_id)
        assert e is not None
        assert e.affiliation not in (owner, agency)
        assert "P1" not in e.declared_conflicts
        assert not e.engagements
        assert e.available_on(AS_OF)
    shuffled = pool.model_copy(update={"experts": tuple(reversed(pool.experts))})
    assert shuffled.draw(n, for_=request, seed=seed, as_of=AS_OF).chosen == log.chosen
    assert log.reproduces()


def test_any_project_like_object_can_be_drawn_for() -> None:
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Project:
        project_id: str
        owner: str | None
        agency: str | None = None
        stage: EvaluationStage | None = EvaluationStage.PRE_EVALUATION

    pool = ExpertPool(name="库", experts=[expert(i) for i in range(5)])
    log = pool.draw(2, for_=Project("P9", "乙单位"), seed=5, as_of=AS_OF)
    assert "E001" not in log.chosen
    assert log.stage is EvaluationStage.PRE_EVALUATION
