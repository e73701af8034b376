"""Agencies: validation of qualifications, may_serve by regime, conditions check, masking."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pydantic
import pytest

from ohsreg.errors import OhsregError
from ohsreg.models.agency import (
    AgencyStatus,
    Equipment,
    ProfessionalStaff,
    Qualification,
    StatusChange,
    TechnicalServiceAgency,
)
from ohsreg.rules.agency import AgencyRegime
from ohsreg.vocab import Severity

D = dt.date
USCC = "91330100MA2H0X0X17"


@dataclass(frozen=True)
class Subject:
    industry: str | None = "C2614"
    region: str | None = "330106"


def qual(**kw: Any) -> Qualification:
    base: dict[str, Any] = {
        "certificate_no": "Q-1",
        "level": "UNLEVELLED",
        "region": "330000",
        "services": ["DETECTION"],
        "fields": ["CHEMICAL"],
        "valid_from": D(2024, 1, 1),
    }
    base.update(kw)
    return Qualification(**base)


def agency(*quals: Qualification, **kw: Any) -> TechnicalServiceAgency:
    return TechnicalServiceAgency(uscc=USCC, name="示例机构", region="330100", qualifications=quals, **kw)


def rules_of(findings: Any) -> list[str]:
    return [f.rule for f in findings]


def error_rule(exc: pydantic.ValidationError) -> str:
    return str(exc.errors()[0]["type"])


# -- validation -----------------------------------------------------------------------------------


def test_regime_is_derived_from_valid_from() -> None:
    assert qual().regime is AgencyRegime.NHC_2023
    assert qual(level="CLASS_A", region=None, valid_from=D(2021, 3, 1)).regime is AgencyRegime.NHC_2021
    q = qual(level="甲级", region=None, valid_from="2015-01-01", services=["PRE_EVALUATION"])
    assert q.regime is AgencyRegime.SAWS_2012


@pytest.mark.parametrize(
    ("kw", "rule"),
    [
        ({"valid_from": D(2011, 1, 1)}, "agency.regime_unknown"),
        ({"regime": "NHC_2021"}, "agency.regime_mismatch"),
        ({"regime": "SAWS_2012"}, "agency.regime_mismatch"),
        ({"regime": "NOT_A_REGIME"}, "vocab.unknown"),
        ({"level": "CLASS_A"}, "agency.level_regime"),
        ({"level": "CLASS_C", "valid_from": D(2022, 1, 1)}, "agency.level_regime"),
        ({"services": ["PRE_EVALUATION"]}, "agency.service_regime"),
        ({"valid_until": D(2023, 1, 1)}, "agency.validity_order"),
        ({"level": "CLASS_B", "region": None, "valid_from": D(2022, 1, 1)}, "agency.grant_region_missing"),
    ],
)
def test_bad_qualifications(kw: dict[str, Any], rule: str) -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        qual(**kw)
    assert error_rule(info.value) == rule


def test_overlapping_certificates_are_refused() -> None:
    old = qual(certificate_no="OLD", level="CLASS_B", valid_from=D(2021, 6, 1), valid_until=D(2026, 5, 31))
    new = qual(certificate_no="NEW", valid_from=D(2024, 3, 1))
    with pytest.raises(pydantic.ValidationError) as info:
        agency(old, new)
    assert error_rule(info.value) == "agency.qualification_overlap"
    ended = old.model_copy(update={"valid_until": D(2024, 2, 29)})
    assert len(agency(ended, new).qualifications) == 2


def test_class_c_lapse_ends_the_period_for_overlap() -> None:
    c = qual(
        certificate_no="C", level="CLASS_C", region="330100", services=["DETECTION"], valid_from=D(2018, 1, 1)
    )
    b = qual(certificate_no="B", level="CLASS_B", valid_from=D(2021, 2, 1))
    assert len(agency(c, b).qualifications) == 2


def test_status_history_must_be_ordered() -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        agency(
            qual(),
            status_history=[
                StatusChange(on=D(2025, 1, 1), status="SUSPENDED"),
                StatusChange(on=D(2024, 1, 1), status="VALID"),
            ],
        )
    assert error_rule(info.value) == "agency.history_order"


# -- may_serve ------------------------------------------------------------------------------------


def test_may_serve_passes_with_reasons() -> None:
    decision = agency(qual()).may_serve(Subject(), "DETECTION", as_of=D(2024, 6, 1))
    assert decision.allowed
    assert decision.regime is AgencyRegime.NHC_2023
    assert decision.certificate_no == "Q-1"
    assert rules_of(decision.reasons) == ["agency.qualified"]
    assert "Q-1" in decision.explain("zh_CN")


def test_may_serve_refusals() -> None:
    a = agency(qual())
    assert rules_of(a.may_serve(Subject(), "CURRENT_STATUS_EVALUATION", as_of=D(2024, 6, 1)).reasons)[-1] == (
        "agency.service_out_of_scope"
    )
    mining = a.may_serve(Subject(industry="B0610"), "DETECTION", as_of=D(2024, 6, 1))
    assert not mining.allowed
    assert "agency.field_out_of_scope" in rules_of(mining.reasons)
    early = a.may_serve(Subject(), "DETECTION", as_of=D(2023, 12, 31))
    assert not early.allowed
    assert rules_of(early.reasons) == ["agency.no_valid_qualification"]


def test_unmapped_industry_is_a_warning_not_a_refusal() -> None:
    decision = agency(qual()).may_serve(Subject(industry="Q8411"), "DETECTION", as_of=D(2024, 6, 1))
    assert decision.allowed
    assert [r.severity for r in decision.reasons if r.rule == "agency.field_undetermined"] == [
        Severity.WARNING
    ]


def test_project_evaluation_needs_no_qualification_after_2021() -> None:
    decision = agency().may_serve(Subject(), "PRE_EVALUATION", as_of=D(2022, 1, 1))
    assert decision.allowed
    assert rules_of(decision.reasons) == ["agency.service_unregulated"]
    before = agency().may_serve(Subject(), "PRE_EVALUATION", as_of=D(2020, 1, 1))
    assert not before.allowed


def test_geography_switches_with_order_11() -> None:
    b = agency(qual(level="CLASS_B", region="320000", valid_from=D(2021, 6, 1), valid_until=D(2026, 5, 31)))
    in_zhejiang = Subject(region="330106")
    under_4 = b.may_serve(in_zhejiang, "DETECTION", as_of=D(2023, 11, 30))
    assert not under_4.allowed
    assert "agency.region_out_of_reach" in rules_of(under_4.reasons)
    under_11 = b.may_serve(in_zhejiang, "DETECTION", as_of=D(2023, 12, 1))
    assert under_11.allowed
    assert under_11.regime is AgencyRegime.NHC_2023
    assert b.may_serve(Subject(region="320506"), "DETECTION", as_of=D(2022, 1, 1)).allowed
    unknown = b.may_serve(Subject(region=None), "DETECTION", as_of=D(2022, 1, 1))
    assert unknown.allowed
    assert "agency.region_undetermined" in rules_of(unknown.reasons)


def test_required_level_by_regime() -> None:
    b = agency(qual(level="CLASS_B", region="330000", valid_from=D(2021, 6, 1), valid_until=D(2026, 5, 31)))
    refused = b.may_serve(Subject(), "DETECTION", as_of=D(2022, 1, 1), required_level="甲级")
    assert not refused.allowed
    assert "agency.level_insufficient" in rules_of(refused.reasons)
    after = b.may_serve(Subject(), "DETECTION", as_of=D(2024, 1, 1), required_level="CLASS_A")
    assert after.allowed
    assert "agency.level_not_applicable" in rules_of(after.reasons)


def test_suspension_refuses_and_ends() -> None:
    a = agency(
        qual(),
        status_history=[
            StatusChange(on=D(2024, 5, 1), status="SUSPENDED", note="整改"),
            StatusChange(on=D(2024, 8, 1), status="VALID"),
        ],
    )
    assert a.status_on(D(2024, 6, 1)) is AgencyStatus.SUSPENDED
    assert not a.may_serve(Subject(), "DETECTION", as_of=D(2024, 6, 1)).allowed
    assert a.may_serve(Subject(), "DETECTION", as_of=D(2024, 9, 1)).allowed
    assert a.status_on(D(2023, 1, 1)) is AgencyStatus.EXPIRED


def test_class_c_lapses_on_2021_02_01() -> None:
    c = agency(qual(level="CLASS_C", region="330100", valid_from=D(2019, 1, 1)))
    assert c.may_serve(Subject(region="330106"), "DETECTION", as_of=D(2021, 1, 31)).allowed
    assert not c.may_serve(Subject(region="330106"), "DETECTION", as_of=D(2021, 2, 1)).allowed
    assert "agency.class_c_lapsed" in rules_of(c.check(D(2021, 2, 1)))


def test_bad_service_name_is_a_clear_error() -> None:
    with pytest.raises(OhsregError) as info:
        agency(qual()).may_serve(Subject(), "painting", as_of=D(2024, 1, 1))
    assert info.value.rule == "vocab.unknown"
    assert info.value.field == "service"


# -- check ----------------------------------------------------------------------------------------


def staff(
    n: int, *, tech: tuple[str, int] = ("SENIOR", 5), quality: tuple[str, int] = ("SENIOR", 5)
) -> list[Any]:
    out = [
        ProfessionalStaff(name="甲", title=tech[0], speciality="OH", years=tech[1], role="TECHNICAL"),
        ProfessionalStaff(name="乙", title=quality[0], speciality="QC", years=quality[1], role="QUALITY"),
    ]
    out += [
        ProfessionalStaff(name=f"员{i}", title="JUNIOR", speciality="检测", years=1) for i in range(n - 2)
    ]
    return out


EQUIP = [Equipment(name="采样泵", services=["DETECTION"], calibrated_until=D(2025, 12, 31))]


def test_check_clean_agency() -> None:
    a = agency(qual(valid_until=D(2028, 12, 31)), staff=staff(15), equipment=EQUIP)
    assert a.check(D(2024, 6, 1)) == []


def test_check_staff_and_leads_only_under_order_11() -> None:
    a = agency(
        qual(level="CLASS_B", valid_from=D(2021, 6, 1), valid_until=D(2026, 5, 31)),
        staff=staff(10, tech=("INTERMEDIATE", 7), quality=("INTERMEDIATE", 4)),
        equipment=EQUIP,
    )
    assert a.check(D(2023, 11, 30)) == []
    found = rules_of(a.check(D(2023, 12, 1)))
    assert found == ["agency.staff_too_few", "agency.lead_seniority", "agency.lead_seniority"]
    zh = a.check(D(2023, 12, 1))[1].message("zh_CN")
    assert "技术负责人" in zh
    assert "高级职称且3年以上" in zh


def test_check_missing_lead_equipment_and_calibration() -> None:
    a = agency(
        qual(services=["DETECTION", "CURRENT_STATUS_EVALUATION"], valid_until=D(2028, 12, 31)),
        staff=[ProfessionalStaff(name=f"员{i}", title="SENIOR", speciality="OH", years=9) for i in range(15)],
        equipment=EQUIP,
    )
    found = rules_of(a.check(D(2026, 1, 5)))
    assert found.count("agency.lead_missing") == 2
    assert "agency.equipment_missing" in found
    assert "agency.calibration_expired" in found


def test_check_expired_and_unknown_validity() -> None:
    a = agency(qual(valid_until=D(2024, 12, 31)), staff=staff(15), equipment=EQUIP)
    expired = a.check(D(2025, 1, 1))
    assert rules_of(expired) == ["agency.qualification_expired"]
    assert expired[0].due == D(2024, 12, 31)
    open_ended = agency(qual(), staff=staff(15), equipment=EQUIP).check(D(2024, 6, 1))
    assert rules_of(open_ended) == ["agency.validity_unknown"]
    assert open_ended[0].severity is Severity.INFO
    assert rules_of(agency().check(D(2024, 6, 1)))[0] == "agency.no_valid_qualification"


def test_order_50_five_year_term_is_applied_but_marked() -> None:
    # 民法典第二百零一条、第二百零二条: the day of issue is not counted, the term ends on the same day
    q = qual(level="CLASS_B", region="330000", valid_from=D(2015, 3, 1), services=["DETECTION"])
    assert q.expires_on == D(2020, 3, 1)
    assert q.valid_on(D(2020, 3, 1))
    assert not q.valid_on(D(2020, 3, 2))


def test_order_50_term_from_29_february_ends_on_28_february() -> None:
    # 民法典第二百零二条: no corresponding day in February 2021, so the month's last day
    q = qual(level="CLASS_B", region="330000", valid_from=D(2016, 2, 29), services=["DETECTION"])
    assert q.expires_on == D(2021, 2, 28)
    assert q.valid_on(D(2021, 2, 28))
    assert not q.valid_on(D(2021, 3, 1))
    a = agency(q, staff=staff(15), equipment=EQUIP)
    expired = a.check(D(2021, 3, 1))
    assert "agency.qualification_expired" in rules_of(expired)


def test_staff_are_masked_on_export() -> None:
    a = agency(
        qual(),
        staff=[ProfessionalStaff(name="张三丰", phone="13812345678", title="高级", speciality="OH", years=5)],
    )
    dumped = a.model_dump_json()
    assert "张三丰" not in dumped
    assert "13812345678" not in dumped
    assert "张三丰" in a.model_dump_json(context={"unmask": True})


def test_json_round_trip() -> None:
    a = agency(qual(), staff=staff(3), equipment=EQUIP)
    again = TechnicalServiceAgency.model_validate_json(a.model_dump_json(context={"unmask": True}))
    assert again == a


def test_example_agencies(example: ModuleType) -> None:
    a, _b, c = example.build_agencies()
    plant = example.ChemicalPlant()
    assert a.may_serve(plant, "DETECTION", as_of=example.AS_OF).allowed
    assert not c.may_serve(plant, "DETECTION", as_of=example.AS_OF).allowed
    assert rules_of(a.check(example.AS_OF)) == []


def test_any_record_with_industry_and_region_is_a_subject() -> None:
    from ohsreg.identifiers import DivisionCode, IndustryCode
    from ohsreg.models.base import Record

    class Project(Record):
        code: str
        industry: IndustryCode
        region: DivisionCode

    project = Project(code="P", industry="c2614", region="330106")
    assert agency(qual()).may_serve(project, "检测", as_of=D(2024, 6, 1)).allowed


def test_expiry_derived_from_an_unverified_term_says_so() -> None:
    a = agency(qual(level="CLASS_B", region="330000", valid_from=D(2015, 3, 1)))
    found = a.check(D(2020, 6, 1))
    assert found[0].rule == "agency.qualification_expired"
    assert "未经核实" in found[0].message("zh_CN")
    assert "unverified" in found[0].message("en")


def test_json_schemas_build() -> None:
    from ohsreg.models.agency import ServiceDecision
    from ohsreg.models.expert import DrawLog, ExpertPool
    from ohsreg.models.network import SupervisionNetwork

    for model in (TechnicalServiceAgency, ServiceDecision, ExpertPool, DrawLog, SupervisionNetwork):
        schema = model.model_json_schema()
        assert schema["type"] == "object"
    staff_schema = TechnicalServiceAgency.model_json_schema()["$defs"]["ProfessionalStaff"]
    assert staff_schema["properties"]["name"]["x-personal-data"] == "name"
