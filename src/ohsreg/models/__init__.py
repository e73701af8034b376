"""The public documents users build and exchange: enterprises, declarations, projects, agencies…

Every model is a frozen pydantic :class:`~ohsreg.models.base.Record`; rule checks return
:class:`~ohsreg.models.base.Finding` lists. Import the names from ``ohsreg`` or from the submodules.
"""

from ohsreg.models.authority import Authority, AuthorityKind, supervising_authority_kind
from ohsreg.models.base import Finding, HazardRef, PersonalResidentID, PersonName, Phone, Record, finding

# -- enterprise models (#7) --
# isort: split
from ohsreg.models.declaration import DeclarationKind, DeclaredHazard, HazardDeclaration
from ohsreg.models.declaration_rules import DeclarationEvent
from ohsreg.models.detection import DetectionReport, StatusEvaluation
from ohsreg.models.detection_rules import DutyDue, next_detection_due, next_status_evaluation_due
from ohsreg.models.enforcement import Accident, Inspection, Penalty, PenaltyKind, Violation
from ohsreg.models.enforcement_rules import AccidentClass, AccidentGrading, accident_class
from ohsreg.models.enterprise import (
    DeclarationTrigger,
    EconomicType,
    Enterprise,
    ExposureRecord,
    JobPost,
    OHManager,
    OHManagerRole,
    Principal,
    SizeClass,
    Worker,
    Workplace,
)
from ohsreg.models.licence import LicencePilotIndustry, SafetyLicence
from ohsreg.models.surveillance import ExamConclusion, HealthExam
from ohsreg.models.surveillance_rules import ExamDue, ExamInterval, exam_interval, next_exam_due
from ohsreg.models.training import TrainingRecord
from ohsreg.models.training_rules import TraineeRole, TrainingKind

__all__ = [  # noqa: RUF022 - grouped by area (marked blocks), sorted within a block
    "Authority",
    "AuthorityKind",
    "Finding",
    "HazardRef",
    "PersonName",
    "PersonalResidentID",
    "Phone",
    "Record",
    "finding",
    "supervising_authority_kind",
    # -- enterprise models (#7) --
    "Accident",
    "AccidentClass",
    "AccidentGrading",
    "DeclarationEvent",
    "DeclarationKind",
    "DeclarationTrigger",
    "DeclaredHazard",
    "DetectionReport",
    "DutyDue",
    "EconomicType",
    "Enterprise",
    "ExamConclusion",
    "ExamDue",
    "ExamInterval",
    "ExposureRecord",
    "HazardDeclaration",
    "HealthExam",
    "Inspection",
    "JobPost",
    "LicencePilotIndustry",
    "OHManager",
    "OHManagerRole",
    "Penalty",
    "PenaltyKind",
    "Principal",
    "SafetyLicence",
    "SizeClass",
    "StatusEvaluation",
    "TraineeRole",
    "TrainingKind",
    "TrainingRecord",
    "Violation",
    "Worker",
    "Workplace",
    "accident_class",
    "exam_interval",
    "next_detection_due",
    "next_exam_due",
    "next_status_evaluation_due",
]
