"""PPE records and the PPE-use survey check (职业病防治法 第二十二条; GB/T 18664-2002; GB/T 23466-2009)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from ohsreg import HearingProtectorIssue, PostPPE, PPEObservation, PPEUseSurvey, RespiratorIssue
from ohsreg.export.json import dumps, load
from ohsreg.vocab import Severity

USCC = "91330523MA2B7QK00K"
DAY = dt.date(2024, 6, 3)


def _survey(*observations: PPEObservation) -> PPEUseSurvey:
    return PPEUseSurvey(uscc=USCC, surveyed_on=DAY, observations=observations)


def _half_mask(workers: int) -> RespiratorIssue:
    return RespiratorIssue(respirator_class="自吸过滤式", facepiece="半面罩", workers=workers)


def _rules(survey: PPEUseSurvey, as_of: dt.date | None = None) -> list[str]:
    return [f.rule for f in survey.check(as_of)]


def _rule_of(err: ValidationError) -> str:
    return str(err.errors()[0]["type"])


@pytest.mark.parametrize(
    ("build", "rule"),
    [
        (
            lambda: RespiratorIssue(
                respirator_class="自吸过滤式", facepiece="半面罩", pressure="正压式", workers=1
            ),
            "ppe.pressure_mode",
        ),
        (lambda: HearingProtectorIssue(kind="耳塞", h=30, m=25, workers=1), "ppe.hml_incomplete"),
        (
            lambda: PPEObservation(post_code="P", hazard="苯", workers_exposed=2, workers_wearing=3),
            "ppe.wearing_count",
        ),
        (
            lambda: _survey(
                PPEObservation(post_code="P", hazard="苯", workers_exposed=1),
                PPEObservation(post_code="P", hazard="benzene", workers_exposed=1),
            ),
            "ppe.observation_duplicate",
        ),
        (lambda: PPEObservation(post_code="P", hazard="苯乙稀", workers_exposed=1), "catalogue.unknown"),
    ],
)
def test_bad_records_name_their_rule(build: Any, rule: str) -> None:
    with pytest.raises(ValidationError) as info:
        build()
    assert _rule_of(info.value) == rule


def test_not_issued_counts_the_missing_workers() -> None:
    survey = _survey(
        PPEObservation(
            post_code="P1", hazard="苯", workers_exposed=5, concentration=9.0, respirators=[_half_mask(2)]
        )
    )
    (f,) = survey.check()
    assert (f.rule, f.severity) == ("ppe.not_issued", Severity.ERROR)
    assert f.params["missing"] == 3
    assert "第二十二条" in f.clause
    assert "未配发呼吸防护用品" in f.message("zh_CN")


def test_protection_insufficient_depends_on_the_limit_in_force() -> None:
    # 45 mg/m³ of benzene: ratio 7.5 against PC-TWA 6 (2021), 15 against 3 (after amendment No. 1)
    obs = PPEObservation(
        post_code="P1", hazard="苯", workers_exposed=2, concentration=45.0, respirators=[_half_mask(2)]
    )
    survey = _survey(obs)
    assert _rules(survey, dt.date(2021, 6, 1)) == []
    assert _rules(survey, dt.date(2024, 6, 1)) == ["ppe.protection_insufficient"]
    assert _rules(survey) == ["ppe.protection_insufficient"]  # default: the survey date


def test_explicit_limit_wins() -> None:
    obs = PPEObservation(
        post_code="P1",
        hazard="苯",
        workers_exposed=1,
        concentration=45.0,
        limit=10.0,
        respirators=[_half_mask(1)],
    )
    assert _rules(_survey(obs)) == []


def test_below_the_limit_needs_nothing() -> None:
    assert (
        _rules(_survey(PPEObservation(post_code="P1", hazard="苯", workers_exposed=3, concentration=1.0)))
        == []
    )


def test_unknown_need_is_info_and_not_worn_a_warning() -> None:
    unmeasured = PPEObservation(post_code="P1", hazard="苯", workers_exposed=3)
    findings = _survey(unmeasured).check()
    assert [(f.rule, f.severity) for f in findings] == [("ppe.need_unknown", Severity.INFO)]
    issued = PPEObservation(
        post_code="P2", hazard="苯", workers_exposed=3, respirators=[_half_mask(3)], workers_wearing=1
    )
    (worn,) = _survey(issued).check()
    assert (worn.rule, worn.severity, worn.params["not_wearing"]) == ("ppe.not_worn", Severity.WARNING, 2)


def test_not_shipped_apf_is_reported_not_judged() -> None:
    scba = RespiratorIssue(respirator_class="携气式", facepiece="全面罩", pressure="正压式", workers=1)
    obs = PPEObservation(
        post_code="P1", hazard="苯", workers_exposed=1, concentration=300.0, respirators=[scba]
    )
    (f,) = _survey(obs).check()
    assert (f.rule, f.severity) == ("ppe.apf_not_shipped", Severity.INFO)


def test_noise_posts() -> None:
    plugs = HearingProtectorIssue(kind="耳塞", snr=12, workers=5)
    muffs = HearingProtectorIssue(kind="耳罩", h=32, m=29, l=27, workers=5)
    loud = PPEObservation(
        post_code="N1",
        hazard="噪声",
        workers_exposed=5,
        l_a=95,
        l_c=100,
        hearing_protectors=[plugs, muffs],
        workers_wearing=4,
    )
    findings = _survey(loud).check()
    assert [f.rule for f in findings] == ["ppe.protection_insufficient", "ppe.not_worn"]
    assert findings[0].subject == "observations[0].hearing_protectors[0]"
    assert findings[0].params["level"] == 88.0
    quiet = PPEObservation(post_code="N2", hazard="噪声", workers_exposed=5, l_a=80)
    assert _rules(_survey(quiet)) == []
    bare = PPEObservation(post_code="N3", hazard="噪声", workers_exposed=5, l_a=90)
    assert _rules(_survey(bare)) == ["ppe.not_issued"]


def test_other_factors_are_not_judged() -> None:
    assert _rules(_survey(PPEObservation(post_code="H1", hazard="高温", workers_exposed=5))) == []


def test_round_trip() -> None:
    survey = _survey(
        PPEObservation(
            post_code="P1",
            hazard="苯",
            workers_exposed=4,
            concentration=45.0,
            respirators=[_half_mask(4)],
            hearing_protectors=[HearingProtectorIssue(kind="耳罩", snr=30, workers=4)],
            workers_wearing=3,
        )
    )
    again = load(dumps(survey).encode(), PPEUseSurvey)
    assert again == survey


@given(st.integers(0, 50), st.integers(0, 50), st.floats(0, 1000))
def test_issued_and_worn_findings_are_consistent(exposed: int, issued: int, concentration: float) -> None:
    obs = PPEObservation(
        post_code="P",
        hazard="苯",
        workers_exposed=exposed,
        concentration=concentration,
        limit=3.0,
        respirators=[_half_mask(issued)] if issued else [],
    )
    rules = _rules(_survey(obs))
    needed = concentration / 3.0 > 1 and exposed > 0
    assert ("ppe.not_issued" in rules) is (needed and issued < exposed)
    assert ("ppe.protection_insufficient" in rules) is (issued > 0 and concentration / 3.0 >= 10)


# -- PPE recorded on an enterprise's posts ---------------------------------------------------------------


def _with_ppe(ent: Any, ppe: PostPPE | None) -> Any:
    data = ent.model_dump(mode="json", context={"unmask": True})
    data["workplaces"][0]["posts"][0]["ppe"] = None if ppe is None else ppe.model_dump(mode="json")
    return type(ent).model_validate(data)


def test_enterprise_posts_without_recorded_ppe_are_not_judged(wood_furniture: Any) -> None:
    ent = _with_ppe(wood_furniture, None)
    assert not [f for f in ent.check(dt.date(2024, 6, 1)) if f.rule.startswith("ppe.")]


def test_enterprise_post_with_nothing_issued_against_noise(wood_furniture: Any) -> None:
    ent = _with_ppe(wood_furniture, PostPPE())
    found = [f for f in ent.check(dt.date(2024, 6, 1)) if f.rule.startswith("ppe.")]
    # CUT: noise L_EX,8h 88.6 dB(A) > 85 and no hearing protector; wood dust 2.1 mg/m³ is below its limit
    assert [(f.rule, f.subject, f.params["hazard"]) for f in found] == [
        ("ppe.not_issued", "workplaces[0].posts[0]", "噪声")
    ]
    assert found[0].params["missing"] == 12


def test_enterprise_post_with_plugs_issued(wood_furniture: Any) -> None:
    plugs = HearingProtectorIssue(kind="耳塞", snr=25, workers=12)
    ent = _with_ppe(wood_furniture, PostPPE(hearing_protectors=[plugs], workers_wearing=9))
    found = [f for f in ent.check(dt.date(2024, 6, 1)) if f.rule.startswith("ppe.")]
    assert [(f.rule, f.params["not_wearing"]) for f in found] == [("ppe.not_worn", 3)]
