"""ohsreg — one typed vocabulary for Chinese occupational-health supervision (职业卫生监管).

``import ohsreg`` is cheap: it loads no pint registry, babel data, numpy or catalogue. Public names are
resolved on first attribute access (PEP 562), and the submodules (``ohsreg.errors``, ``ohsreg.i18n``…)
are imported only when used.

>>> import ohsreg
>>> ohsreg.OhsregError.__name__
'OhsregError'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ohsreg import _message
from ohsreg._version import __version__


def _render_message(template: str, locale: str | None, /, **params: Any) -> str:
    """The package's message renderer, :func:`ohsreg.i18n.render_message`, imported on the first message."""
    from ohsreg.i18n import render_message

    _message.install(renderer=render_message)  # later messages go straight to i18n
    return render_message(template, locale, **params)


def _normalize_locale(locale: str | None) -> str:
    """The package's locale normaliser, :func:`ohsreg.i18n.normalize_locale`, imported on first use."""
    from ohsreg.i18n import normalize_locale

    _message.install(normalize=normalize_locale)  # later calls go straight to i18n
    return normalize_locale(locale)


# The face is the composition root: errors and findings render through ohsreg._message, which cannot
# import i18n (i18n raises errors); the face runs before any submodule, so it wires i18n in here.
_message.install(renderer=_render_message, normalize=_normalize_locale)

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time these resolve lazily
    # -- foundation (#2) --
    from ohsreg import errors, i18n, models
    from ohsreg.errors import (
        EditionError,
        InvalidChecksum,
        InvalidComponent,
        InvalidFormat,
        InvalidLength,
        OhsregError,
        Problem,
        RuleViolation,
        UnknownEntry,
        problems,
    )
    from ohsreg.models import (
        Authority,
        AuthorityKind,
        Finding,
        HazardRef,
        Masked,
        PersonalResidentID,
        PersonName,
        Phone,
        Record,
        finding,
        supervising_authority_kind,
    )

    # -- units, vocab, i18n (#3) --
    # isort: split
    from ohsreg import units, vocab
    from ohsreg.i18n import format_date, format_number, format_quantity
    from ohsreg.units import (
        Acceleration,
        Concentration,
        Duration,
        ElectricFieldStrength,
        FieldStrength,
        Irradiance,
        MagneticFluxDensity,
        Percent,
        PowerDensity,
        Quantity,
        QuantityKind,
        SoundLevel,
        Temperature,
        energy_average,
        energy_sum,
        lex_8h,
        lex_w,
        mg_m3_to_ppm,
        parse_quantity,
        parse_sound_level,
        ppm_to_mg_m3,
        scale_time,
        standard_volume,
    )
    from ohsreg.vocab import (
        AdminLevel,
        CarcinogenClass,
        Custom,
        EvaluationStage,
        ExamType,
        HazardCategory,
        HazardGrade,
        LabeledEnum,
        LimitType,
        OpenTerm,
        QualificationLevel,
        RiskClass,
        Severity,
        Verdict,
        WorkIntensity,
    )

    # -- identifiers (#4) --
    # isort: split
    from ohsreg import identifiers
    from ohsreg.identifiers import USCC, CASNumber, DivisionCode, IndustryCode, ResidentID

    # -- instruments (#13) --
    # isort: split
    from ohsreg import instruments
    from ohsreg.instruments import Clause, Instrument

    # -- rules verbs (#13) --
    # isort: split
    from ohsreg import rules
    from ohsreg.rules import Deadline, Regime

    # -- catalogue (#5) --
    # isort: split
    from ohsreg import catalogue
    from ohsreg.catalogue import (
        BiologicalLimit,
        DustLimit,
        ExposureLimit,
        HazardFactor,
        LimitSet,
        OccupationalDisease,
        PhysicalLimit,
        RiskDirectoryEntry,
    )

    # -- assess (#6) --
    # isort: split
    from ohsreg import assess
    from ohsreg.assess import (
        AppliedLimit,
        Assessment,
        AssessmentError,
        dust_twa,
        en689,
        exposure_level,
        heat,
        mac,
        mixture,
        noise_exposure,
        peak,
        stel,
        twa,
        twa_array,
        wbgt,
    )

    # -- enterprise models (#7) --
    # isort: split
    from ohsreg.models import (
        Accident,
        DeclarationKind,
        DeclarationTrigger,
        DeclaredHazard,
        DetectionReport,
        EconomicType,
        Enterprise,
        ExamConclusion,
        ExposureRecord,
        HazardDeclaration,
        HealthExam,
        Inspection,
        JobPost,
        LicencePilotIndustry,
        OHManager,
        OHManagerRole,
        Penalty,
        PenaltyKind,
        Principal,
        SafetyLicence,
        SizeClass,
        TrainingRecord,
        Violation,
        Worker,
        Workplace,
    )
    from ohsreg.rules.declaration import DeclarationEvent
    from ohsreg.rules.detection import DutyDue, next_detection_due, next_status_evaluation_due
    from ohsreg.rules.enforcement import AccidentClass, AccidentGrading, accident_class
    from ohsreg.rules.surveillance import ExamDue, ExamInterval, exam_interval, next_exam_due
    from ohsreg.rules.training import TraineeRole, TrainingKind

    # -- construction projects (#8) --
    # isort: split
    from ohsreg.models.project import (
        AcceptancePlan,
        AgencyRef,
        CompletionAcceptance,
        ConstructionProject,
        Disclosure,
        Document,
        Evaluation,
        MaterialChange,
        ProjectKind,
        ProjectRecord,
        ProjectStage,
        ProtectiveFacilityDesign,
        QualifiedAgency,
        Review,
        Reviewer,
        RiskDetermination,
        RiskSource,
        ServiceAnswer,
        ServiceSubjectView,
        TrialOperation,
        WrittenReport,
    )
    from ohsreg.rules.project import ProjectRegime

    # -- agencies and experts (#9) --
    # isort: split
    from ohsreg.models.agency import (
        AgencyStatus,
        Equipment,
        ProfessionalStaff,
        Qualification,
        ServiceDecision,
        ServiceSubject,
        StatusChange,
        TechnicalServiceAgency,
    )
    from ohsreg.models.expert import (
        DrawFor,
        DrawLog,
        DrawSubject,
        Engagement,
        Exclusion,
        Expert,
        ExpertLevel,
        ExpertPool,
        ExpertStatus,
        PoolRules,
        PoolType,
    )
    from ohsreg.models.network import (
        InstitutionKind,
        NetworkNode,
        SupervisionNetwork,
        TechnicalSupportInstitution,
    )
    from ohsreg.rules.agency import (
        AgencyRegime,
        LeadRole,
        ProfessionalTitle,
        ServiceField,
        TechnicalService,
    )

    # -- checks (#13) --
    # isort: split
    from ohsreg import checks

    # -- change tracking (#16) --
    # isort: split
    from ohsreg import changes
    from ohsreg.changes import EditionDiff, Flip, RowChange, diff, flips

    # -- PPE (#16) --
    # isort: split
    from ohsreg.assess import hearing_protection, respirator_protection, select_respirators
    from ohsreg.catalogue.ppe import APFEntry, apf_for
    from ohsreg.models import HearingProtectorIssue, PostPPE, PPEObservation, PPEUseSurvey, RespiratorIssue
    from ohsreg.vocab.ppe import Facepiece, HearingProtectorKind, PressureMode, RespiratorClass

    # -- export and cli (#10) --
    # isort: split
    from ohsreg import export
    from ohsreg.export.json import dump, dump_jsonl, dumps, iter_load, load, load_many

    # -- bulk paths (#14) --
    # isort: split
    from ohsreg import scale, validation

# public name -> module that defines it. One block per area (keep the marker comments: they let
# work on different areas merge without conflicts); one line per name, sorted within a block.
_LAZY_NAMES: dict[str, str] = {
    # -- errors (#2) --
    "EditionError": "ohsreg.errors",
    "InvalidChecksum": "ohsreg.errors",
    "InvalidComponent": "ohsreg.errors",
    "InvalidFormat": "ohsreg.errors",
    "InvalidLength": "ohsreg.errors",
    "OhsregError": "ohsreg.errors",
    "RuleViolation": "ohsreg.errors",
    "Problem": "ohsreg.errors",
    "problems": "ohsreg.errors",
    "UnknownEntry": "ohsreg.errors",
    "Authority": "ohsreg.models",
    "AuthorityKind": "ohsreg.models",
    "Finding": "ohsreg.models",
    "HazardRef": "ohsreg.models",
    "Masked": "ohsreg.models",
    "PersonName": "ohsreg.models",
    "PersonalResidentID": "ohsreg.models",
    "Phone": "ohsreg.models",
    "Record": "ohsreg.models",
    "finding": "ohsreg.models",
    "supervising_authority_kind": "ohsreg.models",
    # -- units, vocab, i18n (#3) --
    "Acceleration": "ohsreg.units",
    "AdminLevel": "ohsreg.vocab",
    "CarcinogenClass": "ohsreg.vocab",
    "Concentration": "ohsreg.units",
    "Custom": "ohsreg.vocab",
    "Duration": "ohsreg.units",
    "ElectricFieldStrength": "ohsreg.units",
    "EvaluationStage": "ohsreg.vocab",
    "ExamType": "ohsreg.vocab",
    "FieldStrength": "ohsreg.units",
    "HazardCategory": "ohsreg.vocab",
    "HazardGrade": "ohsreg.vocab",
    "Irradiance": "ohsreg.units",
    "LabeledEnum": "ohsreg.vocab",
    "LimitType": "ohsreg.vocab",
    "MagneticFluxDensity": "ohsreg.units",
    "OpenTerm": "ohsreg.vocab",
    "Percent": "ohsreg.units",
    "PowerDensity": "ohsreg.units",
    "QualificationLevel": "ohsreg.vocab",
    "Quantity": "ohsreg.units",
    "QuantityKind": "ohsreg.units",
    "RiskClass": "ohsreg.vocab",
    "Severity": "ohsreg.vocab",
    "SoundLevel": "ohsreg.units",
    "Temperature": "ohsreg.units",
    "Verdict": "ohsreg.vocab",
    "WorkIntensity": "ohsreg.vocab",
    "energy_average": "ohsreg.units",
    "energy_sum": "ohsreg.units",
    "format_date": "ohsreg.i18n",
    "format_number": "ohsreg.i18n",
    "format_quantity": "ohsreg.i18n",
    "lex_8h": "ohsreg.units",
    "lex_w": "ohsreg.units",
    "mg_m3_to_ppm": "ohsreg.units",
    "parse_quantity": "ohsreg.units",
    "parse_sound_level": "ohsreg.units",
    "ppm_to_mg_m3": "ohsreg.units",
    "scale_time": "ohsreg.units",
    "standard_volume": "ohsreg.units",
    # -- identifiers (#4) --
    "CASNumber": "ohsreg.identifiers",
    "DivisionCode": "ohsreg.identifiers",
    "IndustryCode": "ohsreg.identifiers",
    "ResidentID": "ohsreg.identifiers",
    "USCC": "ohsreg.identifiers",
    # -- instruments (#13) --
    "Clause": "ohsreg.instruments",
    "Instrument": "ohsreg.instruments",
    # -- rules verbs (#13) --
    "Deadline": "ohsreg.rules",
    "Regime": "ohsreg.rules",
    # -- catalogue (#5) --
    "BiologicalLimit": "ohsreg.catalogue",
    "DustLimit": "ohsreg.catalogue",
    "ExposureLimit": "ohsreg.catalogue",
    "HazardFactor": "ohsreg.catalogue",
    "LimitSet": "ohsreg.catalogue",
    "OccupationalDisease": "ohsreg.catalogue",
    "PhysicalLimit": "ohsreg.catalogue",
    "RiskDirectoryEntry": "ohsreg.catalogue",
    # -- assess (#6) --
    "AppliedLimit": "ohsreg.assess",
    "Assessment": "ohsreg.assess",
    "AssessmentError": "ohsreg.assess",
    "dust_twa": "ohsreg.assess",
    "en689": "ohsreg.assess",
    "exposure_level": "ohsreg.assess",
    "heat": "ohsreg.assess",
    "mac": "ohsreg.assess",
    "mixture": "ohsreg.assess",
    "noise_exposure": "ohsreg.assess",
    "peak": "ohsreg.assess",
    "stel": "ohsreg.assess",
    "twa": "ohsreg.assess",
    "twa_array": "ohsreg.assess",
    "wbgt": "ohsreg.assess",
    # -- enterprise models (#7) --
    "Accident": "ohsreg.models",
    "AccidentClass": "ohsreg.rules.enforcement",
    "AccidentGrading": "ohsreg.rules.enforcement",
    "DeclarationEvent": "ohsreg.rules.declaration",
    "DeclarationKind": "ohsreg.models",
    "DeclarationTrigger": "ohsreg.models",
    "DeclaredHazard": "ohsreg.models",
    "DetectionReport": "ohsreg.models",
    "DutyDue": "ohsreg.rules.detection",
    "EconomicType": "ohsreg.models",
    "Enterprise": "ohsreg.models",
    "ExamConclusion": "ohsreg.models",
    "ExamDue": "ohsreg.rules.surveillance",
    "ExamInterval": "ohsreg.rules.surveillance",
    "ExposureRecord": "ohsreg.models",
    "HazardDeclaration": "ohsreg.models",
    "HealthExam": "ohsreg.models",
    "Inspection": "ohsreg.models",
    "JobPost": "ohsreg.models",
    "LicencePilotIndustry": "ohsreg.models",
    "OHManager": "ohsreg.models",
    "OHManagerRole": "ohsreg.models",
    "Penalty": "ohsreg.models",
    "PenaltyKind": "ohsreg.models",
    "Principal": "ohsreg.models",
    "SafetyLicence": "ohsreg.models",
    "SizeClass": "ohsreg.models",
    "TraineeRole": "ohsreg.rules.training",
    "TrainingKind": "ohsreg.rules.training",
    "TrainingRecord": "ohsreg.models",
    "Violation": "ohsreg.models",
    "Worker": "ohsreg.models",
    "Workplace": "ohsreg.models",
    "accident_class": "ohsreg.rules.enforcement",
    "exam_interval": "ohsreg.rules.surveillance",
    "next_detection_due": "ohsreg.rules.detection",
    "next_exam_due": "ohsreg.rules.surveillance",
    "next_status_evaluation_due": "ohsreg.rules.detection",
    # -- construction projects (#8) --
    "AcceptancePlan": "ohsreg.models.project",
    "AgencyRef": "ohsreg.models.project",
    "CompletionAcceptance": "ohsreg.models.project",
    "ConstructionProject": "ohsreg.models.project",
    "Disclosure": "ohsreg.models.project",
    "Document": "ohsreg.models.project",
    "Evaluation": "ohsreg.models.project",
    "MaterialChange": "ohsreg.models.project",
    "ProjectKind": "ohsreg.models.project",
    "ProjectRecord": "ohsreg.models.project",
    "ProjectRegime": "ohsreg.rules.project",
    "ProjectStage": "ohsreg.models.project",
    "ProtectiveFacilityDesign": "ohsreg.models.project",
    "QualifiedAgency": "ohsreg.models.project",
    "Review": "ohsreg.models.project",
    "Reviewer": "ohsreg.models.project",
    "RiskDetermination": "ohsreg.models.project",
    "RiskSource": "ohsreg.models.project",
    "ServiceAnswer": "ohsreg.models.project",
    "ServiceSubjectView": "ohsreg.models.project",
    "TrialOperation": "ohsreg.models.project",
    "WrittenReport": "ohsreg.models.project",
    # -- agencies and experts (#9) --
    "AgencyRegime": "ohsreg.rules.agency",
    "AgencyStatus": "ohsreg.models.agency",
    "DrawFor": "ohsreg.models.expert",
    "DrawLog": "ohsreg.models.expert",
    "DrawSubject": "ohsreg.models.expert",
    "Engagement": "ohsreg.models.expert",
    "Equipment": "ohsreg.models.agency",
    "Exclusion": "ohsreg.models.expert",
    "Expert": "ohsreg.models.expert",
    "ExpertLevel": "ohsreg.models.expert",
    "ExpertPool": "ohsreg.models.expert",
    "ExpertStatus": "ohsreg.models.expert",
    "InstitutionKind": "ohsreg.models.network",
    "LeadRole": "ohsreg.rules.agency",
    "NetworkNode": "ohsreg.models.network",
    "PoolRules": "ohsreg.models.expert",
    "PoolType": "ohsreg.models.expert",
    "ProfessionalStaff": "ohsreg.models.agency",
    "ProfessionalTitle": "ohsreg.rules.agency",
    "Qualification": "ohsreg.models.agency",
    "ServiceDecision": "ohsreg.models.agency",
    "ServiceField": "ohsreg.rules.agency",
    "ServiceSubject": "ohsreg.models.agency",
    "StatusChange": "ohsreg.models.agency",
    "SupervisionNetwork": "ohsreg.models.network",
    "TechnicalService": "ohsreg.rules.agency",
    "TechnicalServiceAgency": "ohsreg.models.agency",
    "TechnicalSupportInstitution": "ohsreg.models.network",
    # -- change tracking (#16) --
    "EditionDiff": "ohsreg.changes",
    "Flip": "ohsreg.changes",
    "RowChange": "ohsreg.changes",
    "diff": "ohsreg.changes",
    "flips": "ohsreg.changes",
    # -- PPE (#16) --
    "APFEntry": "ohsreg.catalogue.ppe",
    "Facepiece": "ohsreg.vocab.ppe",
    "HearingProtectorIssue": "ohsreg.models",
    "HearingProtectorKind": "ohsreg.vocab.ppe",
    "PPEObservation": "ohsreg.models",
    "PPEUseSurvey": "ohsreg.models",
    "PostPPE": "ohsreg.models",
    "PressureMode": "ohsreg.vocab.ppe",
    "RespiratorClass": "ohsreg.vocab.ppe",
    "RespiratorIssue": "ohsreg.models",
    "apf_for": "ohsreg.catalogue.ppe",
    "hearing_protection": "ohsreg.assess",
    "respirator_protection": "ohsreg.assess",
    "select_respirators": "ohsreg.assess",
    # -- export and cli (#10) --
    "dump": "ohsreg.export.json",
    "dump_jsonl": "ohsreg.export.json",
    "dumps": "ohsreg.export.json",
    "iter_load": "ohsreg.export.json",
    "load": "ohsreg.export.json",
    "load_many": "ohsreg.export.json",
}

# public submodules, importable as attributes (``ohsreg.i18n``) without an explicit import.
_SUBMODULES: frozenset[str] = frozenset(
    {
        # -- foundation (#2) --
        "errors",
        "i18n",
        "models",
        # -- units, vocab (#3) --
        "units",
        "vocab",
        # -- identifiers (#4) --
        "identifiers",
        # -- instruments (#13) --
        "instruments",
        # -- rules verbs (#13) --
        "rules",
        # -- catalogue (#5) --
        "catalogue",
        # -- assess (#6) --
        "assess",
        # -- models (#7, #8, #9) --
        # -- export (#10) --
        "export",
        # -- checks (#13) --
        "checks",
        # -- change tracking (#16) --
        "changes",
        # -- bulk paths (#14) --
        "scale",
        "validation",
    }
)

__all__ = [  # noqa: RUF022 - grouped by area (marked blocks), sorted within a block
    # -- foundation (#2) --
    "EditionError",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "OhsregError",
    "Problem",
    "RuleViolation",
    "UnknownEntry",
    "__version__",
    "errors",
    "problems",
    "i18n",
    "models",
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
    # -- units, vocab, i18n (#3) --
    "Acceleration",
    "AdminLevel",
    "CarcinogenClass",
    "Concentration",
    "Custom",
    "Duration",
    "ElectricFieldStrength",
    "EvaluationStage",
    "ExamType",
    "FieldStrength",
    "HazardCategory",
    "HazardGrade",
    "Irradiance",
    "LabeledEnum",
    "LimitType",
    "MagneticFluxDensity",
    "OpenTerm",
    "Percent",
    "PowerDensity",
    "QualificationLevel",
    "Quantity",
    "QuantityKind",
    "RiskClass",
    "Severity",
    "SoundLevel",
    "Temperature",
    "Verdict",
    "WorkIntensity",
    "energy_average",
    "energy_sum",
    "format_date",
    "format_number",
    "format_quantity",
    "lex_8h",
    "lex_w",
    "mg_m3_to_ppm",
    "parse_quantity",
    "parse_sound_level",
    "ppm_to_mg_m3",
    "scale_time",
    "standard_volume",
    "units",
    "vocab",
    # -- identifiers (#4) --
    "USCC",
    "CASNumber",
    "DivisionCode",
    "IndustryCode",
    "ResidentID",
    "identifiers",
    # -- instruments (#13) --
    "Clause",
    "Instrument",
    "instruments",
    # -- rules verbs (#13) --
    "Deadline",
    "Regime",
    "rules",
    # -- catalogue (#5) --
    "BiologicalLimit",
    "DustLimit",
    "ExposureLimit",
    "HazardFactor",
    "LimitSet",
    "OccupationalDisease",
    "PhysicalLimit",
    "RiskDirectoryEntry",
    "catalogue",
    # -- assess (#6) --
    "AppliedLimit",
    "Assessment",
    "AssessmentError",
    "assess",
    "dust_twa",
    "en689",
    "exposure_level",
    "heat",
    "mac",
    "mixture",
    "noise_exposure",
    "peak",
    "stel",
    "twa",
    "twa_array",
    "wbgt",
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
    # -- construction projects (#8) --
    "AcceptancePlan",
    "AgencyRef",
    "CompletionAcceptance",
    "ConstructionProject",
    "Disclosure",
    "Document",
    "Evaluation",
    "MaterialChange",
    "ProjectKind",
    "ProjectRecord",
    "ProjectRegime",
    "ProjectStage",
    "ProtectiveFacilityDesign",
    "QualifiedAgency",
    "Review",
    "Reviewer",
    "RiskDetermination",
    "RiskSource",
    "ServiceAnswer",
    "ServiceSubjectView",
    "TrialOperation",
    "WrittenReport",
    # -- agencies and experts (#9) --
    "AgencyRegime",
    "AgencyStatus",
    "DrawFor",
    "DrawLog",
    "DrawSubject",
    "Engagement",
    "Equipment",
    "Exclusion",
    "Expert",
    "ExpertLevel",
    "ExpertPool",
    "ExpertStatus",
    "InstitutionKind",
    "LeadRole",
    "NetworkNode",
    "PoolRules",
    "PoolType",
    "ProfessionalStaff",
    "ProfessionalTitle",
    "Qualification",
    "ServiceDecision",
    "ServiceField",
    "ServiceSubject",
    "StatusChange",
    "SupervisionNetwork",
    "TechnicalService",
    "TechnicalServiceAgency",
    "TechnicalSupportInstitution",
    # -- checks (#13) --
    "checks",
    # -- change tracking (#16) --
    "EditionDiff",
    "Flip",
    "RowChange",
    "changes",
    "diff",
    "flips",
    # -- PPE (#16) --
    "APFEntry",
    "Facepiece",
    "HearingProtectorIssue",
    "HearingProtectorKind",
    "PPEObservation",
    "PPEUseSurvey",
    "PostPPE",
    "PressureMode",
    "RespiratorClass",
    "RespiratorIssue",
    "apf_for",
    "hearing_protection",
    "respirator_protection",
    "select_respirators",
    # -- export and cli (#10) --
    "dump",
    "dump_jsonl",
    "dumps",
    "export",
    "iter_load",
    "load",
    "load_many",
    # -- bulk paths (#14) --
    "scale",
    "validation",
]


def __getattr__(name: str) -> Any:
    module = _LAZY_NAMES.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f"{__name__}.{name}")
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # resolve once; later lookups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
