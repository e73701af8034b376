"""Example: three technical service agencies and a pool of 30 synthetic experts.

All names, phone numbers and registration numbers are synthetic. Run as a script to see which agency
may serve a chemical plant, the conditions check of each agency, and a reproducible, conflict-free draw
of a review panel with its audit log. Tests import :func:`build_pool` and :func:`build_agencies`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ohsreg.models.agency import Equipment, ProfessionalStaff, Qualification, TechnicalServiceAgency
from ohsreg.models.expert import DrawFor, Engagement, Expert, ExpertPool
from ohsreg.vocab import EvaluationStage, RiskClass

AS_OF = dt.date(2025, 6, 1)

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
_SPECIALITIES = ("职业卫生评价", "职业卫生检测", "通风工程", "噪声控制", "放射防护", "职业病诊断")
_AFFILIATIONS = (
    "浙江省疾病预防控制中心",
    "杭州市职业病防治院",
    "浙江大学",
    "浙江安评职业卫生技术服务有限公司",
    "钱塘化工有限公司",
    "宁波检测技术有限公司",
)
_TITLES = ("SENIOR", "SENIOR", "INTERMEDIATE", "SENIOR", "INTERMEDIATE", "JUNIOR")


def build_pool() -> ExpertPool:
    """A provincial pool of 30 experts; a few are out of term, suspended or declared conflicts."""
    experts = []
    for i in range(30):
        start = dt.date(2022 + i % 3, 1, 1)
        experts.append(
            Expert(
                id=f"ZJ-OH-{i + 1:03d}",
                name=f"{_SURNAMES[i]}{'明华强伟芳'[i % 5]}",
                phone=f"1380000{i:04d}",
                specialities=[_SPECIALITIES[i % 6], _SPECIALITIES[(i + 1) % 6]],
                title=_TITLES[i % 6],
                years=3 + (i * 7) % 20,
                affiliation=_AFFILIATIONS[i % 6],
                level="NATIONAL" if i % 10 == 0 else "PROVINCIAL",
                pool_type="RADIOLOGICAL_HEALTH" if i % 6 == 4 else "OCCUPATIONAL_HEALTH",
                region="330100" if i % 2 else "330200",
                term_start=start,
                term_end=dt.date(start.year + 4, 12, 31) if i != 7 else dt.date(2024, 12, 31),
                status="SUSPENDED" if i == 11 else "ACTIVE",
                declared_conflicts=["P-2025-017"] if i == 13 else [],
                engagements=[
                    Engagement(project_id="P-2025-017", stage="PRE_EVALUATION", on=dt.date(2025, 1, 9))
                ]
                if i == 2
                else [],
            )
        )
    return ExpertPool(
        name="浙江省职业健康专家库（示例）", level="PROVINCIAL", region="330000", experts=experts
    )


def _staff(n: int, *, lead_years: int = 10) -> list[ProfessionalStaff]:
    staff = [
        ProfessionalStaff(
            name="技术负责人甲", title="SENIOR", speciality="职业卫生", years=lead_years, role="TECHNICAL"
        ),
        ProfessionalStaff(
            name="质控负责人乙", title="INTERMEDIATE", speciality="检测", years=6, role="QUALITY"
        ),
    ]
    staff += [
        ProfessionalStaff(name=f"检测员{i}", title="JUNIOR", speciality="检测", years=2 + i % 5)
        for i in range(n - 2)
    ]
    return staff


def build_agencies() -> list[TechnicalServiceAgency]:
    """Three agencies: one under Order 11 (nationwide), one 乙级 of Order 4 renewed in 2024, one 丙级 of 2016."""
    lab = [
        Equipment(
            name="气相色谱仪",
            services=["DETECTION", "CURRENT_STATUS_EVALUATION", "PROTECTION_EFFECT_EVALUATION"],
            calibrated_until=dt.date(2026, 3, 31),
        )
    ]
    a = TechnicalServiceAgency(
        uscc="91330100MA2H0X0X17",
        name="浙江安评职业卫生技术服务有限公司",
        region="330100",
        qualifications=[
            Qualification(
                certificate_no="（浙）卫职技字（2024）第001号",
                level="UNLEVELLED",
                granted_by="浙江省卫生健康委员会",
                region="330000",
                services=["DETECTION", "CURRENT_STATUS_EVALUATION", "PROTECTION_EFFECT_EVALUATION"],
                fields=["CHEMICAL", "MANUFACTURING_AND_OTHERS"],
                valid_from=dt.date(2024, 3, 1),
                valid_until=dt.date(2029, 2, 28),
            )
        ],
        staff=_staff(16),
        laboratories=["理化实验室"],
        equipment=lab,
    )
    b = TechnicalServiceAgency(
        uscc="91320500MA1M00001C",
        name="苏州检测技术有限公司",
        region="320500",
        qualifications=[
            Qualification(
                certificate_no="（苏）卫职技字（2021）第017号",
                level="CLASS_B",
                granted_by="江苏省卫生健康委员会",
                region="320000",
                services=["DETECTION", "CURRENT_STATUS_EVALUATION"],
                fields=["CHEMICAL", "METALLURGY_BUILDING_MATERIALS"],
                valid_from=dt.date(2021, 5, 10),
                valid_until=dt.date(2026, 5, 9),
            )
        ],
        staff=_staff(12, lead_years=7),
        equipment=lab,
    )
    c = TechnicalServiceAgency(
        uscc="91440300MA5F00003G",
        name="深圳职业卫生评价所",
        region="440300",
        qualifications=[
            Qualification(
                certificate_no="（粤）安职技字（2016）第305号",
                level="CLASS_C",
                granted_by="深圳市安全生产监督管理局",
                region="440300",
                services=["DETECTION", "PRE_EVALUATION"],
                fields=["MANUFACTURING_AND_OTHERS"],
                valid_from=dt.date(2016, 9, 1),
            )
        ],
        staff=_staff(8),
    )
    return [a, b, c]


@dataclass(frozen=True)
class ChemicalPlant:
    """A stand-in for an employer or project record: anything with these attributes works."""

    industry: str = "C2614"
    region: str = "330110"
    risk_class: RiskClass | None = RiskClass.SERIOUS


def main() -> None:
    plant = ChemicalPlant()
    agencies = build_agencies()
    print("== May serve: detection for a chemical plant in Hangzhou on", AS_OF)
    for agency in agencies:
        decision = agency.may_serve(plant, "DETECTION", as_of=AS_OF)
        print(f"{agency.name}: allowed={decision.allowed}")
        print("  " + decision.explain("en").replace("\n", "\n  "))

    before = dt.date(2022, 6, 1)
    print("\n== The same request on", before, "(Order 4: a 乙级 certificate is valid in its province only)")
    decision = agencies[1].may_serve(plant, "DETECTION", as_of=before)
    print(f"{agencies[1].name}: allowed={decision.allowed}")
    print("  " + decision.explain("en").replace("\n", "\n  "))

    print("\n== Conditions check on", AS_OF)
    for agency in agencies:
        findings = agency.check(AS_OF)
        print(f"{agency.name}: {len(findings)} finding(s)")
        for f in findings:
            print("  ", f.rule, "|", f.message("zh_CN"))

    pool = build_pool()
    request = DrawFor(
        project_id="P-2025-017",
        owner="钱塘化工有限公司",
        agency=agencies[0].name,
        stage=EvaluationStage.CONTROL_EFFECT_EVALUATION,
    )
    log = pool.draw(5, for_=request, seed=20250601, as_of=AS_OF, pool_type="OCCUPATIONAL_HEALTH")
    print("\n== Draw of 5 reviewers, seed", log.seed)
    print("chosen:  ", ", ".join(log.chosen))
    print("eligible:", len(log.eligible), " excluded:", len(log.excluded))
    for ex in log.excluded:
        print(f"   {ex.expert_id}: {', '.join(ex.reasons)}")
    print("reproduces from the log alone:", log.reproduces())
    chosen = [pool.get(i) for i in log.chosen]
    print("masked export of the first chosen:", chosen[0].model_dump(mode="json", include={"name", "phone"}))


if __name__ == "__main__":
    main()
