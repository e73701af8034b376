"""Three example employers and what a supervisor's check finds (synthetic data, realistic shape).

The employers are made up: names say 示例 ("example"); the USCCs and resident IDs have valid check
characters but belong to no one. The tests load this file (``tests/models/enterprise/conftest.py``) and
use its builders, so what is printed here is what is tested.

- a wood-furniture workshop (木质家具制造, C2110) in 安吉县: wood dust, noise, xylene from water-based
  paint; a pilot safety licence; risk class 一般 (the 2021 directory's footnote: no listed solvents);
- a gold mine (金矿采选, B0921) in 招远市: silica dust, noise, carbon monoxide from blasting; risk
  class 严重; a CO poisoning accident;
- a shoe factory (皮鞋制造, C1952) in 晋江市: n-hexane and toluene from adhesives; risk class 严重; a
  change of adhesive not yet declared.

Run: ``python examples/enterprise_checks.py``.
"""

from __future__ import annotations

import datetime as dt

from ohsreg.models import Enterprise

AS_OF = dt.date(2025, 6, 30)
"""The date the examples are checked on."""


def _training(kind: str, date: str, hours: float) -> dict[str, object]:
    return {"kind": kind, "date": date, "hours": hours, "provider": "示例职业卫生培训中心"}


def build_wood_furniture_workshop() -> Enterprise:
    """A small wood-furniture workshop: one undeclared hazard, a late noise examination, an expired
    pilot licence, overdue detection and an OH manager whose continuing training lapsed."""
    uscc = "91330523MA2B7QK00K"
    return Enterprise.model_validate(
        {
            "uscc": uscc,
            "name": "安吉示例木业家具有限公司",
            "industry": "C2110",
            "region": "330523",
            "address": "浙江省湖州市安吉县示例工业园 8 号",
            "economic_type": "PRIVATE",
            "size": "SMALL",
            "legal_representative": "周建华",
            "principal": {
                "name": "周建华",
                "trainings": [
                    _training("INITIAL", "2021-04-12", 16),
                    _training("CONTINUING", "2025-03-20", 8),
                ],
            },
            "oh_managers": [
                {
                    "name": "吴丽萍",
                    "role": "PART_TIME",
                    "trainings": [
                        _training("INITIAL", "2021-04-12", 16),
                        _training("CONTINUING", "2022-05-06", 8),
                    ],
                }
            ],
            "workers_total": 46,
            "workers_exposed": 31,
            "risk_class": "GENERAL",
            "workplaces": [
                {
                    "name": "开料车间",
                    "posts": [
                        {
                            "code": "CUT",
                            "name": "开料",
                            "hazards": ["木粉尘", "噪声"],
                            "workers": 12,
                            "exposures": [
                                {
                                    "hazard": "噪声",
                                    "measured_on": "2022-04-18",
                                    "verdict": "EXCEEDS",
                                    "lex_8h": "88.6 dB(A)",
                                },
                                {
                                    "hazard": "木粉尘",
                                    "measured_on": "2022-04-18",
                                    "verdict": "COMPLIES",
                                    "result": "2.1 mg/m³",
                                },
                            ],
                        }
                    ],
                },
                {
                    "name": "油漆车间",
                    "posts": [{"code": "PAINT", "name": "喷漆", "hazards": ["二甲苯"], "workers": 6}],
                },
            ],
            "workers": [
                {
                    "id": "AJ-0012",
                    "name": "沈国强",
                    "resident_id": "330523198503142313",
                    "posts": ["CUT"],
                    "placed_on": "2019-03-01",
                    "exams": [
                        {
                            "exam_type": "PRE_PLACEMENT",
                            "date": "2019-02-20",
                            "hazards": ["木粉尘", "噪声"],
                            "conclusion": "NORMAL",
                        },
                        {
                            "exam_type": "PERIODIC",
                            "date": "2023-05-10",
                            "hazards": ["木粉尘", "噪声"],
                            "conclusion": "NORMAL",
                        },
                    ],
                    "trainings": [_training("INITIAL", "2019-02-25", 8)],
                },
                {
                    "id": "AJ-0031",
                    "name": "钱晓燕",
                    "resident_id": "330523199001071820",
                    "posts": ["PAINT"],
                    "placed_on": "2022-08-15",
                    "exams": [
                        {
                            "exam_type": "PRE_PLACEMENT",
                            "date": "2022-08-08",
                            "hazards": ["二甲苯"],
                            "conclusion": "NORMAL",
                        },
                        {
                            "exam_type": "PERIODIC",
                            "date": "2024-09-02",
                            "hazards": ["二甲苯"],
                            "conclusion": "NORMAL",
                        },
                    ],
                    "trainings": [_training("INITIAL", "2022-08-10", 8)],
                },
            ],
            "declarations": [
                {
                    "uscc": uscc,
                    "enterprise_name": "安吉示例木业家具有限公司",
                    "kind": "INITIAL",
                    "filed_on": "2021-05-08",
                    "items": [
                        {
                            "hazard": "木粉尘",
                            "category": "DUST",
                            "distribution": "开料车间",
                            "exposed_workers": 12,
                        },
                        {
                            "hazard": "噪声",
                            "category": "PHYSICAL",
                            "distribution": "开料车间",
                            "exposed_workers": 12,
                        },
                    ],
                }
            ],
            "detections": [
                {
                    "report_no": "HZ-JC-2022-0418",
                    "agency": {"name": "示例职业卫生技术服务有限公司"},
                    "completed_on": "2022-05-06",
                }
            ],
            "licences": [
                {
                    "number": "示例卫安许字〔2021〕017号",
                    "holder_uscc": uscc,
                    "industry": "WOOD_FURNITURE",
                    "issued_on": "2021-06-01",
                    "expires_on": "2024-05-31",
                }
            ],
            "authority": {
                "name": "安吉县卫生健康局",
                "kind": "HEALTH",
                "level": "COUNTY",
                "region": "330523",
            },
        },
        context={"as_of": AS_OF},  # event dates are checked against the date of the check
    )


def build_gold_mine() -> Enterprise:
    """An underground gold mine: untrained principal, overdue detection, a CO accident without a
    follow-up status evaluation, and an unrectified violation."""
    uscc = "91370685MA3C4NR60E"
    authority = {"name": "招远市卫生健康局", "kind": "HEALTH", "level": "COUNTY", "region": "370685"}
    return Enterprise.model_validate(
        {
            "uscc": uscc,
            "name": "招远示例金矿有限公司",
            "industry": "B0921",
            "region": "370685",
            "economic_type": "LIMITED_LIABILITY",
            "size": "MEDIUM",
            "legal_representative": "孙志刚",
            "principal": {"name": "孙志刚", "since": "2024-01-02"},
            "oh_organisation": "安全环保部",
            "oh_managers": [
                {
                    "name": "刘海涛",
                    "role": "FULL_TIME",
                    "trainings": [
                        _training("INITIAL", "2023-03-01", 16),
                        _training("CONTINUING", "2025-02-26", 8),
                    ],
                }
            ],
            "workers_total": 420,
            "workers_exposed": 310,
            "risk_class": "SERIOUS",
            "workplaces": [
                {
                    "name": "井下采区",
                    "posts": [
                        {
                            "code": "DRILL",
                            "name": "凿岩",
                            "hazards": ["矽尘（游离SiO2含量≥10%）", "噪声"],
                            "workers": 60,
                        },
                        {
                            "code": "BLAST",
                            "name": "爆破",
                            "hazards": ["一氧化碳", "矽尘（游离SiO2含量≥10%）"],
                            "workers": 18,
                        },
                    ],
                }
            ],
            "workers": [
                {
                    "id": "ZY-1024",
                    "name": "王建军",
                    "resident_id": "370685197809025811",
                    "posts": ["BLAST"],
                    "placed_on": "2015-07-01",
                    "exams": [
                        {
                            "exam_type": "PRE_PLACEMENT",
                            "date": "2015-06-20",
                            "hazards": ["一氧化碳", "矽尘（游离SiO2含量≥10%）"],
                        },
                        {
                            "exam_type": "PERIODIC",
                            "date": "2023-08-15",
                            "hazards": ["一氧化碳", "矽尘（游离SiO2含量≥10%）"],
                            "conclusion": "NORMAL",
                        },
                    ],
                    "trainings": [_training("INITIAL", "2015-06-25", 8)],
                },
                {
                    "id": "ZY-1290",
                    "name": "赵磊",
                    "posts": ["DRILL"],
                    "placed_on": "2024-10-08",
                    "trainings": [_training("INITIAL", "2024-10-05", 8)],
                },
            ],
            "declarations": [
                {
                    "uscc": uscc,
                    "enterprise_name": "招远示例金矿有限公司",
                    "kind": "INITIAL",
                    "filed_on": "2019-04-10",
                    "items": [
                        {
                            "hazard": "矽尘（游离SiO2含量≥10%）",
                            "category": "DUST",
                            "distribution": "井下采区",
                            "exposed_workers": 78,
                        },
                        {
                            "hazard": "噪声",
                            "category": "PHYSICAL",
                            "distribution": "井下采区",
                            "exposed_workers": 60,
                        },
                        {
                            "hazard": "一氧化碳",
                            "category": "CHEMICAL",
                            "distribution": "爆破",
                            "exposed_workers": 18,
                        },
                    ],
                }
            ],
            "declaration_triggers": [
                {"event": "BASIC_INFO_CHANGE", "occurred_on": "2024-01-02", "note": "主要负责人变更"}
            ],
            "detections": [
                {
                    "report_no": "YT-JC-2024-031",
                    "agency": {"name": "示例职业卫生检测中心"},
                    "completed_on": "2024-03-28",
                }
            ],
            "status_evaluations": [
                {
                    "stage": "CURRENT_STATUS_EVALUATION",
                    "report_no": "YT-PJ-2023-007",
                    "agency": {"name": "示例职业卫生检测中心"},
                    "report_date": "2023-09-12",
                    "enterprise_uscc": uscc,
                }
            ],
            "inspections": [
                {
                    "date": "2025-03-18",
                    "authority": authority,
                    "violations": [
                        {
                            "provision": "职业病防治法第二十五条",
                            "description": "局部通风设施未正常运行",
                            "rectify_by": "2025-04-18",
                        }
                    ],
                    "penalties": [
                        {"decision_no": "招卫罚〔2025〕12号", "decided_on": "2025-04-02", "kind": "WARNING"}
                    ],
                }
            ],
            "accidents": [
                {
                    "occurred_at": "2024-11-06T09:40:00+08:00",
                    "acute_cases": 3,
                    "hazards": ["一氧化碳"],
                    "reported_at": "2024-11-06T10:15:00+08:00",
                    "description": "爆破后通风不足，3 人急性一氧化碳中毒",
                }
            ],
            "authority": authority,
        },
        context={"as_of": AS_OF},  # event dates are checked against the date of the check
    )


def build_shoe_factory() -> Enterprise:
    """A shoe factory using n-hexane adhesive: an undeclared change of adhesive, a worker with a
    contraindication still on the gluing post, and a worker who left without an exit examination."""
    uscc = "91350582MA2Y8TD30J"
    return Enterprise.model_validate(
        {
            "uscc": uscc,
            "name": "晋江示例鞋业有限公司",
            "industry": "C1952",
            "region": "350582",
            "economic_type": "PRIVATE",
            "size": "MEDIUM",
            "legal_representative": "林文斌",
            "principal": {
                "name": "林文斌",
                "trainings": [
                    _training("INITIAL", "2020-06-01", 16),
                    _training("CONTINUING", "2024-11-20", 8),
                ],
            },
            "oh_managers": [
                {
                    "name": "陈雅琴",
                    "role": "FULL_TIME",
                    "trainings": [
                        _training("INITIAL", "2020-06-01", 16),
                        _training("CONTINUING", "2024-11-20", 8),
                    ],
                }
            ],
            "oh_organisation": "职业卫生管理办公室",
            "workers_total": 380,
            "workers_exposed": 120,
            "risk_class": "SERIOUS",
            "workplaces": [
                {
                    "name": "成型车间",
                    "posts": [
                        {"code": "GLUE", "name": "刷胶", "hazards": ["正己烷", "甲苯"], "workers": 40},
                        {"code": "CLEAN", "name": "清洗处理", "hazards": ["二氯乙烷"], "workers": 8},
                    ],
                }
            ],
            "workers": [
                {
                    "id": "JJ-0451",
                    "name": "黄美玲",
                    "resident_id": "350582199206114023",
                    "posts": ["GLUE"],
                    "placed_on": "2021-03-15",
                    "exams": [
                        {
                            "exam_type": "PRE_PLACEMENT",
                            "date": "2021-03-10",
                            "hazards": ["正己烷", "甲苯"],
                            "conclusion": "NORMAL",
                        },
                        {
                            "exam_type": "PERIODIC",
                            "date": "2025-03-12",
                            "hazards": ["正己烷", "甲苯"],
                            "conclusion": "CONTRAINDICATION",
                            "contraindications": ["多发性周围神经病"],
                        },
                    ],
                    "trainings": [
                        _training("INITIAL", "2021-03-12", 8),
                        _training("CONTINUING", "2024-03-01", 4),
                    ],
                },
                {
                    "id": "JJ-0388",
                    "name": "蔡志明",
                    "posts": ["CLEAN"],
                    "placed_on": "2020-09-01",
                    "left_on": "2025-04-30",
                    "exams": [{"exam_type": "PRE_PLACEMENT", "date": "2020-08-25", "hazards": ["二氯乙烷"]}],
                    "trainings": [_training("INITIAL", "2020-08-28", 8)],
                },
            ],
            "declarations": [
                {
                    "uscc": uscc,
                    "enterprise_name": "晋江示例鞋业有限公司",
                    "kind": "INITIAL",
                    "filed_on": "2020-07-02",
                    "items": [
                        {
                            "hazard": "正己烷",
                            "category": "CHEMICAL",
                            "distribution": "成型车间刷胶",
                            "exposed_workers": 40,
                        },
                        {
                            "hazard": "甲苯",
                            "category": "CHEMICAL",
                            "distribution": "成型车间刷胶",
                            "exposed_workers": 40,
                        },
                        {
                            "hazard": "二氯乙烷",
                            "category": "CHEMICAL",
                            "distribution": "清洗处理",
                            "exposed_workers": 8,
                        },
                    ],
                }
            ],
            "declaration_triggers": [
                {"event": "PROCESS_CHANGE", "occurred_on": "2025-05-01", "note": "更换鞋用胶粘剂"}
            ],
            "detections": [
                {
                    "report_no": "QZ-JC-2024-112",
                    "agency": {"name": "示例检测技术有限公司"},
                    "completed_on": "2024-08-20",
                }
            ],
            "status_evaluations": [
                {
                    "stage": "CURRENT_STATUS_EVALUATION",
                    "report_no": "QZ-PJ-2023-040",
                    "agency": {"name": "示例检测技术有限公司"},
                    "report_date": "2023-10-09",
                    "enterprise_uscc": uscc,
                }
            ],
        },
        context={"as_of": AS_OF},  # event dates are checked against the date of the check
    )


BUILDERS = {
    "wood_furniture": build_wood_furniture_workshop,
    "gold_mine": build_gold_mine,
    "shoe_factory": build_shoe_factory,
}


def main() -> None:
    for build in BUILDERS.values():
        ent = build()
        findings = ent.check(AS_OF)
        print(f"\n== {ent.name} ({ent.industry}, {ent.uscc}) on {AS_OF}: {len(findings)} findings")
        for f in findings:
            print(f"  [{f.severity.code:7}] {f.rule}: {f.message('zh_CN')}")
            print(f"  {'':9} {f.message('en')} ({f.clause})")


if __name__ == "__main__":
    main()
