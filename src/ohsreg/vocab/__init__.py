"""Closed vocabularies with official Chinese labels, English labels and stable codes.

Every enumerated term is a :class:`LabeledEnum` member: its value is the stable code, and it carries the
zh and en labels. Models accept the code or either label and serialise to the code. Legitimate local
extensions go through :data:`OpenTerm` and an explicit :class:`Custom` flag.

>>> from ohsreg.vocab import LimitType, ExamType
>>> LimitType.PC_TWA.zh
'时间加权平均容许浓度'
>>> LimitType.parse("pc-twa").code
'PC_TWA'
>>> ExamType.PERIODIC.label("en")
'periodic (while employed)'
"""

from __future__ import annotations

from ohsreg.vocab._base import Custom, LabeledEnum, OpenTerm
from ohsreg.vocab._enums import (
    AdminLevel,
    CarcinogenClass,
    EvaluationStage,
    ExamType,
    HazardCategory,
    HazardGrade,
    LimitType,
    QualificationLevel,
    RiskClass,
    Severity,
    Verdict,
    WorkIntensity,
)

__all__ = [
    "AdminLevel",
    "CarcinogenClass",
    "Custom",
    "EvaluationStage",
    "ExamType",
    "HazardCategory",
    "HazardGrade",
    "LabeledEnum",
    "LimitType",
    "OpenTerm",
    "QualificationLevel",
    "RiskClass",
    "Severity",
    "Verdict",
    "WorkIntensity",
]
