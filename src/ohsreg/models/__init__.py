"""The public documents users build and exchange: enterprises, declarations, projects, agencies…

Every model is a frozen pydantic :class:`~ohsreg.models.base.Record`; rule checks return
:class:`~ohsreg.models.base.Finding` lists. Import the names from ``ohsreg`` or from the submodules.

``as_of`` (the date a rule is applied on; no rule reads the clock) comes first, positional or keyword,
when a call asks about its receiver on that date (``check(as_of)``, ``risk_class(as_of)``,
``valid_on(as_of)``), and is keyword-only when it follows what the call is about
(``may_serve(subject, service, *, as_of)``, ``next_exam_due(worker, hazard, *, as_of)``).
"""

from ohsreg.models.authority import Authority, AuthorityKind, supervising_authority_kind
from ohsreg.models.base import (
    Finding,
    HazardRef,
    Masked,
    PersonalResidentID,
    PersonName,
    Phone,
    Record,
    finding,
)

# -- enterprise models (#7) --
# isort: split
from ohsreg.models.declaration import DeclarationKind, DeclaredHazard, HazardDeclaration
from ohsreg.models.detection import DetectionReport
from ohsreg.models.enforcement import Accident, Inspection, Penalty, PenaltyKind, Violation
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
from ohsreg.models.training import TrainingRecord

# -- PPE (#16) --
# isort: split
from ohsreg.models.ppe import HearingProtectorIssue, PostPPE, PPEObservation, PPEUseSurvey, RespiratorIssue

__all__ = [  # noqa: RUF022 - grouped by area (marked blocks), sorted within a block
    "Authority",
    "AuthorityKind",
    "Finding",
    "HazardRef",
    "Masked",
    "PersonName",
    "PersonalResidentID",
    "Phone",
    "Record",
    "finding",
    "supervising_authority_kind",
    # -- enterprise models (#7) --
    "Accident",
    "DeclarationKind",
    "DeclarationTrigger",
    "DeclaredHazard",
    "DetectionReport",
    "EconomicType",
    "Enterprise",
    "ExamConclusion",
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
    "TrainingRecord",
    "Violation",
    "Worker",
    "Workplace",
    # -- PPE (#16) --
    "HearingProtectorIssue",
    "PPEObservation",
    "PPEUseSurvey",
    "PostPPE",
    "RespiratorIssue",
]
