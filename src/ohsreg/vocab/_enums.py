"""The cross-cutting vocabularies. Chinese labels follow the project glossary (docs/glossary.md).

Provenance of the labels: the glossary terms (hazard categories, limit types, exam types, risk classes,
evaluation stages, administrative levels, qualification levels, hazard grades) are used exactly as the
glossary gives them. Labels the glossary does not give are marked *unverified* in the class docstring:
they follow common usage and were not checked against the text of the standard.
"""

from __future__ import annotations

from ohsreg.vocab._base import LabeledEnum

__all__ = [
    "AdminLevel",
    "CarcinogenClass",
    "EvaluationStage",
    "ExamType",
    "HazardCategory",
    "HazardGrade",
    "LimitType",
    "QualificationLevel",
    "RiskClass",
    "Severity",
    "Verdict",
    "WorkIntensity",
]


class HazardCategory(LabeledEnum):
    """Category of occupational hazard factor (职业病危害因素分类目录, 2015 edition, six categories)."""

    DUST = ("DUST", "粉尘", "dust")
    CHEMICAL = ("CHEMICAL", "化学因素", "chemical factors", ("化学物", "chemical"))
    PHYSICAL = ("PHYSICAL", "物理因素", "physical factors", ("physical",))
    RADIOLOGICAL = ("RADIOLOGICAL", "放射性因素", "radiological factors", ("radiological",))
    BIOLOGICAL = ("BIOLOGICAL", "生物因素", "biological factors", ("biological",))
    OTHER = ("OTHER", "其他因素", "other factors", ("other",))


class LimitType(LabeledEnum):
    """Type of occupational exposure limit (GBZ 2.1-2019; ``PE`` replaced the 2007 excursion multiple)."""

    MAC = ("MAC", "最高容许浓度", "maximum allowable concentration")
    PC_TWA = (
        "PC_TWA",
        "时间加权平均容许浓度",
        "permissible concentration, time-weighted average",
        ("PC-TWA", "TWA"),
    )
    PC_STEL = (
        "PC_STEL",
        "短时间接触容许浓度",
        "permissible concentration, short-term exposure limit",
        ("PC-STEL", "STEL"),
    )
    PE = ("PE", "峰接触浓度", "peak exposure")
    BIOLOGICAL = ("BIOLOGICAL", "职业接触生物限值", "biological exposure limit", ("BEL",))


class CarcinogenClass(LabeledEnum):
    """IARC carcinogen class as annotated in GBZ 2.1 (G1, G2A, G2B).

    The zh labels (确认/可能/可疑人类致癌物) are unverified against the text of GBZ 2.1-2019.
    """

    G1 = ("G1", "确认人类致癌物", "carcinogenic to humans")
    G2A = ("G2A", "可能人类致癌物", "probably carcinogenic to humans")
    G2B = ("G2B", "可疑人类致癌物", "possibly carcinogenic to humans")


class AdminLevel(LabeledEnum):
    """Administrative level of a supervision or technical-support body."""

    NATIONAL = ("NATIONAL", "国家", "national", ("国家级",))
    PROVINCIAL = ("PROVINCIAL", "省", "provincial", ("省级",))
    MUNICIPAL = ("MUNICIPAL", "市", "municipal", ("市级", "地市级"))
    COUNTY = ("COUNTY", "县", "county", ("县级",))


class WorkIntensity(LabeledEnum):
    """Physical work intensity class (体力劳动强度, classes I–IV; light, moderate, heavy, very heavy).

    Class names 轻/中等/重/极重劳动 follow GB 3869 as quoted by secondary sources (unverified against
    the standard's text).
    """

    I = ("I", "Ⅰ级（轻劳动）", "class I (light)", ("Ⅰ", "Ⅰ级", "轻劳动", "1"))  # noqa: E741
    II = ("II", "Ⅱ级（中等劳动）", "class II (moderate)", ("Ⅱ", "Ⅱ级", "中等劳动", "2"))
    III = ("III", "Ⅲ级（重劳动）", "class III (heavy)", ("Ⅲ", "Ⅲ级", "重劳动", "3"))
    IV = ("IV", "Ⅳ级（极重劳动）", "class IV (very heavy)", ("Ⅳ", "Ⅳ级", "极重劳动", "4"))


class ExamType(LabeledEnum):
    """Occupational health examination type (GBZ 188)."""

    PRE_PLACEMENT = ("PRE_PLACEMENT", "上岗前", "pre-placement", ("上岗前职业健康检查",))
    PERIODIC = ("PERIODIC", "在岗期间", "periodic (while employed)", ("在岗期间职业健康检查",))
    EXIT = ("EXIT", "离岗时", "exit", ("离岗时职业健康检查",))
    EMERGENCY = ("EMERGENCY", "应急", "emergency", ("应急健康检查",))


class RiskClass(LabeledEnum):
    """Occupational-hazard risk class of a construction project (by the industry directory)."""

    GENERAL = ("GENERAL", "一般", "general", ("职业病危害一般",))
    RELATIVELY_SERIOUS = ("RELATIVELY_SERIOUS", "较重", "relatively serious", ("职业病危害较重",))
    SERIOUS = ("SERIOUS", "严重", "serious", ("职业病危害严重",))


class EvaluationStage(LabeledEnum):
    """Stage of the construction-project 'three simultaneities' procedure, or a current-status evaluation."""

    PRE_EVALUATION = ("PRE_EVALUATION", "职业病危害预评价", "pre-evaluation", ("预评价",))
    PROTECTIVE_FACILITY_DESIGN = (
        "PROTECTIVE_FACILITY_DESIGN",
        "职业病防护设施设计",
        "protective facility design",
        ("防护设施设计",),
    )
    CONTROL_EFFECT_EVALUATION = (
        "CONTROL_EFFECT_EVALUATION",
        "职业病危害控制效果评价",
        "control effect evaluation",
        ("控制效果评价",),
    )
    COMPLETION_ACCEPTANCE = ("COMPLETION_ACCEPTANCE", "竣工验收", "completion acceptance")
    CURRENT_STATUS_EVALUATION = (
        "CURRENT_STATUS_EVALUATION",
        "职业病危害现状评价",
        "current status evaluation",
        ("现状评价",),
    )


class QualificationLevel(LabeledEnum):
    """Qualification level of a technical service agency.

    ``CLASS_A``/``CLASS_B``/``CLASS_C`` (甲级/乙级/丙级) are the levels of the 2012 regime
    (安监总局令第50号); 国家卫健委令第4号 (in force 2021-02-01) kept ``CLASS_A``/``CLASS_B`` only; its
    amendment 令第11号 (in force 2023-12-01) has a single, unlevelled qualification: ``UNLEVELLED``.
    """

    CLASS_A = ("CLASS_A", "甲级", "class A")
    CLASS_B = ("CLASS_B", "乙级", "class B")
    CLASS_C = ("CLASS_C", "丙级", "class C")
    UNLEVELLED = ("UNLEVELLED", "不分级", "unlevelled", ("无等级",))


class Verdict(LabeledEnum):
    """Outcome of checking a value or an obligation against a rule (project vocabulary, not a standard's)."""

    COMPLIES = ("COMPLIES", "符合", "complies", ("合格",))
    EXCEEDS = ("EXCEEDS", "超标", "exceeds", ("不符合", "不合格"))
    NOT_APPLICABLE = ("NOT_APPLICABLE", "不适用", "not applicable", ("N/A",))
    INSUFFICIENT_DATA = ("INSUFFICIENT_DATA", "数据不足", "insufficient data")


class Severity(LabeledEnum):
    """Severity of a finding (project vocabulary, not a standard's)."""

    INFO = ("INFO", "提示", "info")
    WARNING = ("WARNING", "警告", "warning")
    ERROR = ("ERROR", "错误", "error")


class HazardGrade(LabeledEnum):
    """Hazard grade of work (职业病危害作业分级, GBZ/T 229): classes 0 and Ⅰ–Ⅳ.

    Labels follow the glossary; class Ⅳ exists for noise (GBZ/T 229.4) and, in the 2025 editions, for
    dust. The class boundaries themselves live with the grading rules, not here.
    """

    GRADE_0 = ("0", "相对无害", "relatively harmless", ("0级", "相对无害作业"))
    GRADE_I = ("I", "轻度", "mild", ("Ⅰ", "Ⅰ级", "轻度危害", "轻度危害作业"))
    GRADE_II = ("II", "中度", "moderate", ("Ⅱ", "Ⅱ级", "中度危害", "中度危害作业"))
    GRADE_III = ("III", "重度", "severe", ("Ⅲ", "Ⅲ级", "重度危害", "重度危害作业"))
    GRADE_IV = ("IV", "极重", "extremely severe", ("Ⅳ", "Ⅳ级", "极重度", "极重危害", "极重危害作业"))
