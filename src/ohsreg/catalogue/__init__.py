"""The reference catalogue: hazard factors, exposure limits, diseases and directories, with provenance.

Every table is one source and one edition, shipped as a JSON file under ``ohsreg/catalogue/data`` and
loaded on first use (thread-safe; nothing is read at ``import ohsreg``). Every record carries ``source``
(document, edition, table, row) and ``verified`` (``True`` only when the value agrees with the official
text or with a second independent source; ``verified_by`` says which). What is *not* shipped is visible:
:func:`coverage` lists, per table, the rows shipped against the official count.

>>> from ohsreg import catalogue
>>> benzene = catalogue.hazards.lookup("苯")
>>> benzene
HazardFactor('C...', '苯', CHEMICAL, CAS 71-43-2)
>>> catalogue.hazards.lookup("71-43-2") is benzene, catalogue.hazards.lookup("benzene") is benzene
(True, True)
>>> import datetime as dt
>>> catalogue.limits_for(benzene, as_of=dt.date(2021, 1, 1)).pc_twa
Quantity(6.0, 'mg/m³')
>>> catalogue.limits_for(benzene).pc_twa, catalogue.limits_for(benzene).edition
(Quantity(3.0, 'mg/m³'), 'GBZ 2.1-2019')
>>> catalogue.risk_class("C1951", uses_listed_solvents=False).risk_class.code
'GENERAL'

Editions: exposure limits default to :data:`DEFAULT_LIMIT_EDITION` (``GBZ 2.1-2019``); the default
changes only with a CHANGELOG entry. Asked with ``as_of``, the edition in force on that date answers,
and amendments apply from their effective dates.
"""

from __future__ import annotations

from ohsreg.catalogue._coverage import CoverageRow, coverage, data_version
from ohsreg.catalogue._diseases import DEFAULT_DISEASE_EDITION, diseases_in_force
from ohsreg.catalogue._files import load
from ohsreg.catalogue._limits import DEFAULT_LIMIT_EDITION, LimitSet, limit_regime, limits_for
from ohsreg.catalogue._records import (
    BiologicalLimit,
    DustLimit,
    ExamIntervalEntry,
    ExposureLevelClass,
    ExposureLimit,
    HazardFactor,
    HighlyToxicSubstance,
    OccupationalDisease,
    PhysicalLimit,
    RiskDirectoryEntry,
    Source,
    TrainingHours,
)
from ohsreg.catalogue._risk import DEFAULT_RISK_EDITION, RiskClassResult, risk_class
from ohsreg.catalogue._shipped import _ALL_TABLES as _ALL_TABLES  # the benchmarks load every table
from ohsreg.catalogue._shipped import (
    DEFAULT_HAZARD_EDITION,
    HazardCatalogue,
    biological_agent_limits,
    biological_limits,
    chemical_limits,
    chemical_limits_2007,
    diseases,
    diseases_2013,
    dust_limits,
    dust_limits_2007,
    exam_intervals_2014,
    exam_intervals_2025,
    exposure_levels,
    get,
    hazards,
    highly_toxic,
    lookup,
    physical_limits,
    resolve_hazard_key,
    risk_directory,
    risk_directory_2012,
    search,
    training_hours,
)
from ohsreg.catalogue._table import FORMAT, Header, Table

__all__ = [
    "DEFAULT_DISEASE_EDITION",
    "DEFAULT_HAZARD_EDITION",
    "DEFAULT_LIMIT_EDITION",
    "DEFAULT_RISK_EDITION",
    "FORMAT",
    "BiologicalLimit",
    "CoverageRow",
    "DustLimit",
    "ExamIntervalEntry",
    "ExposureLevelClass",
    "ExposureLimit",
    "HazardCatalogue",
    "HazardFactor",
    "Header",
    "HighlyToxicSubstance",
    "LimitSet",
    "OccupationalDisease",
    "PhysicalLimit",
    "RiskClassResult",
    "RiskDirectoryEntry",
    "Source",
    "Table",
    "TrainingHours",
    "biological_agent_limits",
    "biological_limits",
    "chemical_limits",
    "chemical_limits_2007",
    "coverage",
    "data_version",
    "diseases",
    "diseases_2013",
    "diseases_in_force",
    "dust_limits",
    "dust_limits_2007",
    "exam_intervals_2014",
    "exam_intervals_2025",
    "exposure_levels",
    "get",
    "hazards",
    "highly_toxic",
    "limit_regime",
    "limits_for",
    "load",
    "lookup",
    "physical_limits",
    "resolve_hazard_key",
    "risk_class",
    "risk_directory",
    "risk_directory_2012",
    "search",
    "training_hours",
]
