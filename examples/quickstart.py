"""Quickstart: a tour of ohsreg on built-in example data, one short section per area.

Run it with ``python3 scripts/dev.py demo``. Each section is one function below, in the order printed:
read a section's code and its output side by side. Every value shown names its source and edition.
"""

from __future__ import annotations

import datetime as dt

import ohsreg


def section(number: int, title: str, term_zh: str, what: str) -> None:
    """Print a section heading: ``== 4. Reference catalogue (参考目录): what it shows``."""
    print(f"\n== {number}. {title} ({term_zh}): {what}")


def main() -> None:
    print(f"ohsreg {ohsreg.__version__}: a typed vocabulary for Chinese occupational-health supervision")
    errors_demo()
    identifiers_demo()
    units_and_vocab()
    catalogue_demo()
    assess_demo()
    enterprise_demo()
    project_demo()
    agencies_and_experts()
    export_demo()


def errors_demo() -> None:
    section(1, "Errors", "错误", "a stable rule code, the field, and the message in zh and en")
    err = ohsreg.InvalidChecksum(
        "check character should be {expected!r}", rule="uscc.checksum", field="uscc", expected="3"
    )
    print(f"rule={err.rule} field={err.field}")
    print("en:", err.message("en"))
    print("zh:", err.message("zh_CN"))


def identifiers_demo() -> None:
    section(2, "Identifiers", "标识代码", "normalise what people type, say exactly what is wrong")
    from ohsreg.identifiers import division, uscc

    print(uscc.validate("９１１１ ００００ ６０００ ３７３４ １ｌ"), uscc.parts("91110000600037341L"))
    try:
        uscc.validate("91110000600037341M")
    except ohsreg.OhsregError as err:
        print(err.rule, "|", err.message("en"))
    print(repr(division.lookup("330103")))


def units_and_vocab() -> None:
    section(
        3, "Units and vocabularies", "单位与术语", "quantities, ppm to mg/m³, sound levels, official terms"
    )
    from pydantic import BaseModel

    from ohsreg.units import Concentration, lex_8h, ppm_to_mg_m3
    from ohsreg.vocab import LimitType

    class Limit(BaseModel):
        type: LimitType
        value: Concentration

    limit = Limit(type="时间加权平均容许浓度", value="０．５ mg/m3")
    print(limit.type.code, limit.type.label("en"), "=", limit.value, "=", limit.value.to("μg/m³"))
    print("1 ppm at M = 100 g/mol:", round(ppm_to_mg_m3(1, 100), 2), "mg/m³ (20 °C, 101.3 kPa)")
    print("94 dB(A) for 2 h: L_EX,8h =", round(lex_8h([94], [2]), 1), "dB(A)")


def catalogue_demo() -> None:
    section(4, "Reference catalogue", "参考目录", "limits by edition and date; what is shipped and verified")
    from ohsreg import catalogue

    benzene = catalogue.hazards.lookup("benzene")
    for when in (dt.date(2021, 1, 1), dt.date(2024, 1, 1)):  # amendment No. 1 lowered both limits
        lim = catalogue.limits_for(benzene, as_of=when)
        print(f"{benzene.name_zh} on {when}: PC-TWA {lim.pc_twa}, PC-STEL {lim.pc_stel} ({lim.edition})")
    rows = catalogue.coverage()
    for row in rows[:3]:
        print(" ", row.line())
    shipped, verified = sum(r.shipped for r in rows), sum(r.verified for r in rows)
    print(f"  … {len(rows)} tables, {shipped} rows shipped, {verified} verified (ohsreg coverage: all)")


def assess_demo() -> None:
    section(5, "Exposure assessment", "接触评价", "C_TWA against PC-TWA, with the clause, in zh and en")
    import ohsreg.assess as oa

    r = oa.twa([(300, 1.5), (200, 2), (180, 2.5)], limit=200)  # ethyl acetate, mg/m³ x h
    print("en:", r.explain("en"))
    print("zh:", r.explain("zh_CN"))
    print("level:", oa.exposure_level(r).explain("en"))
    for day in (dt.date(2021, 1, 1), dt.date(2023, 1, 1)):  # benzene, before/after amendment No. 1
        print(day, oa.twa([(4.5, 8)], hazard="苯", as_of=day).explain("en"))


def enterprise_demo() -> None:
    section(6, "Enterprises", "用人单位", "what a supervisor's check finds: declaration, exams, training")
    from ohsreg.models import Enterprise
    from ohsreg.rules.declaration import due_date

    ent = Enterprise.model_validate(
        {
            "uscc": "91350582MA2Y8TD30J",
            "name": "晋江示例鞋业有限公司",
            "industry": "C1952",
            "region": "350582",
            "legal_representative": "林文斌",
            "principal": {"name": "林文斌"},
            "oh_managers": [{"name": "陈雅琴", "role": "兼职"}],
            "workers_total": 80,
            "workers_exposed": 30,
            "risk_class": "严重",
            "workplaces": [
                {"name": "成型车间", "posts": [{"code": "GLUE", "name": "刷胶", "hazards": ["正己烷"]}]}
            ],
            "declaration_triggers": [{"event": "PROCESS_CHANGE", "occurred_on": "2025-05-01"}],
        }
    )
    print("change declared by", due_date("PROCESS_CHANGE", dt.date(2025, 5, 1)), "(令第48号 第八条: 15 days)")
    for f in ent.check(dt.date(2025, 6, 30))[:4]:
        print(f"  {f.rule}: {f.message('zh_CN')}")


def project_demo() -> None:
    section(7, "Construction projects", "建设项目三同时", "the three simultaneities, by date and risk class")
    from ohsreg.models.project import AcceptancePlan, CompletionAcceptance, ConstructionProject

    p = ConstructionProject(
        project_id="QZ-1",
        name="花岗岩矿山开采新建项目",
        owner_uscc="91110000600037341L",
        owner_name="某石材矿业有限公司",
        kind="新建",
        industry="B1012",
        location="350583",
        declared_risk_class="严重",
        declared_risk_basis="2021 目录 B101 土砂石开采",
        acceptance_plan=AcceptancePlan(
            reported_on=dt.date(2024, 4, 9), planned_acceptance=dt.date(2024, 4, 28)
        ),
        acceptance=CompletionAcceptance(completed_on=dt.date(2024, 4, 28)),
    )
    print(p.risk_class(dt.date(2024, 6, 1)))  # the 2021 directory decides: B101 土砂石开采
    found = p.check(as_of=dt.date(2024, 6, 1))
    print(len(found), "findings, e.g.:")
    late = next(f for f in found if f.rule == "project.acceptance_plan_late")
    print(late.rule, "|", late.message("zh_CN"), "|", late.clause)


def agencies_and_experts() -> None:
    section(
        8, "Agencies and experts", "技术服务机构与专家", "the regime in force, a reproducible expert draw"
    )
    from ohsreg.models.agency import Qualification, TechnicalServiceAgency
    from ohsreg.models.expert import DrawFor, Expert, ExpertPool

    agency = TechnicalServiceAgency(
        uscc="91320500MA1M00001C",
        name="苏州检测技术有限公司",
        region="320500",
        qualifications=[
            Qualification(
                certificate_no="苏-2021-017",
                level="乙级",
                region="320000",
                services=["DETECTION"],
                valid_from=dt.date(2021, 5, 10),
                valid_until=dt.date(2026, 5, 9),
            )
        ],
    )

    class Plant:
        industry, region = "C2614", "330106"

    for day in (dt.date(2023, 11, 30), dt.date(2023, 12, 1)):
        d = agency.may_serve(Plant(), "DETECTION", as_of=day)
        print(
            day,
            d.regime.code,
            "allowed" if d.allowed else "refused:",
            *(r.rule for r in d.reasons if r.severity.code == "ERROR"),
        )
    pool = ExpertPool(
        name="示例专家库",
        experts=[
            Expert(
                id=f"E{i}",
                name=f"专家{i}",
                specialities=["职业卫生评价"],
                title="高级",
                years=9,
                affiliation=f"单位{i % 3}",
                level="省级",
                pool_type="职业卫生",
                term_start=dt.date(2023, 1, 1),
                term_end=dt.date(2027, 12, 31),
            )
            for i in range(9)
        ],
    )
    log = pool.draw(3, for_=DrawFor(project_id="P-1", owner="单位0"), seed=7, as_of=dt.date(2025, 6, 1))
    print("chosen", log.chosen, "| excluded", [(e.expert_id, e.reasons[0]) for e in log.excluded])


def export_demo() -> None:
    section(9, "Export", "导出", "canonical JSON; CSV that is safe in a spreadsheet and reads back equal")
    from ohsreg.export.csv import from_csv, to_csv

    a = ohsreg.Authority(name="=杭州市卫生健康委员会", kind="HEALTH", level="MUNICIPAL", region="330100")
    print(ohsreg.dumps(a))
    text = to_csv([a], header="zh")  # a zh label row, then the column paths; "=…" is written as "'=…"
    print(text, end="")
    print("round trip equal:", from_csv(text.encode(), ohsreg.Authority) == [a])


if __name__ == "__main__":
    main()
