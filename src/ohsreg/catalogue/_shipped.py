"""The shipped tables: one :class:`~ohsreg.catalogue.Table` per source and edition, and the hazard look-ups.

Each table reads its package data file on first use. :func:`get`, :func:`lookup`, :func:`search` and
:func:`resolve_hazard_key` ask the 2015 hazard catalogue (:data:`hazards`). Part of
:mod:`ohsreg.catalogue`, which re-exports the public names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

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
    TrainingHours,
)
from ohsreg.catalogue._table import Table, _default_keys, _Record

#: Edition of 职业病危害因素分类目录 behind :data:`hazards`.
DEFAULT_HAZARD_EDITION = "2015"


def _risk_keys(rec: RiskDirectoryEntry) -> list[tuple[str, str]]:
    return [("id", rec.code), ("zh", rec.name_zh), ("pinyin", rec.pinyin), ("initials", rec.initials)]


def _bio_keys(rec: BiologicalLimit) -> list[tuple[str, str]]:
    keys = [("id", rec.id), ("zh", rec.hazard_name_zh), ("alias", rec.indicator_zh)]
    keys += [("en", rec.hazard_name_en or ""), ("pinyin", rec.pinyin), ("initials", rec.initials)]
    return keys


#: The record type and look-up keys of each table kind (a data file's ``kind``), for :func:`load`.
_FACTORIES: dict[str, Any] = {
    "hazard_factors": (HazardFactor.from_dict, _default_keys),
    "chemical_limits": (ExposureLimit.from_dict, None),
    "biological_agent_limits": (ExposureLimit.from_dict, None),
    "dust_limits": (DustLimit.from_dict, None),
    "biological_limits": (BiologicalLimit.from_dict, _bio_keys),
    "exposure_level_classes": (ExposureLevelClass.from_dict, None),
    "physical_limits": (PhysicalLimit.from_dict, None),
    "highly_toxic": (HighlyToxicSubstance.from_dict, None),
    "occupational_diseases": (OccupationalDisease.from_dict, None),
    "risk_directory": (RiskDirectoryEntry.from_dict, _risk_keys),
    "exam_intervals": (ExamIntervalEntry.from_dict, None),
    "training_hours": (TrainingHours.from_dict, None),
}


class HazardCatalogue(Table[HazardFactor]):
    """职业病危害因素分类目录: the table of :class:`HazardFactor` records of one edition."""


_R = TypeVar("_R", bound=_Record)


def _shipped(
    name: str,
    factory: Callable[[dict[str, Any]], _R],
    keys: Callable[[_R], list[tuple[str, str]]] | None = None,
) -> Table[_R]:
    """The table of the package data file ``<name>.json`` (loaded on first use)."""
    return Table(name, factory, package_file=f"{name}.json", keys=keys)


#: 职业病危害因素分类目录 (国卫疾控发〔2015〕92号): 459 factors.
hazards: HazardCatalogue = HazardCatalogue(
    "hazard_factors_2015", HazardFactor.from_dict, package_file="hazard_factors_2015.json", keys=_default_keys
)
#: GBZ 2.1-2019 table 1 (chemical agents), amendments as dated rows.
chemical_limits: Table[ExposureLimit] = _shipped("gbz21_2019_table1", ExposureLimit.from_dict)
#: GBZ 2.1-2019 table 2 (dusts).
dust_limits: Table[DustLimit] = _shipped("gbz21_2019_table2", DustLimit.from_dict)
#: GBZ 2.1-2007 table 1 (chemical agents, with 超限倍数), in force 2007-11-01 to 2020-03-31.
chemical_limits_2007: Table[ExposureLimit] = _shipped("gbz21_2007_table1", ExposureLimit.from_dict)
#: GBZ 2.1-2007 table 2 (dusts, 超限倍数 2), in force 2007-11-01 to 2020-03-31.
dust_limits_2007: Table[DustLimit] = _shipped("gbz21_2007_table2", DustLimit.from_dict)
#: GBZ 2.1-2019 table 3 (biological agents).
biological_agent_limits: Table[ExposureLimit] = _shipped("gbz21_2019_table3", ExposureLimit.from_dict)
#: GBZ 2.1-2019 table 4 (biological exposure limits) - partial, see :func:`coverage`.
biological_limits: Table[BiologicalLimit] = _shipped(
    "gbz21_2019_table4", BiologicalLimit.from_dict, _bio_keys
)
#: GBZ 2.1-2019 table 5 (exposure-level classes).
exposure_levels: Table[ExposureLevelClass] = _shipped("gbz21_2019_table5", ExposureLevelClass.from_dict)
#: GBZ 2.2-2007 physical agents.
physical_limits: Table[PhysicalLimit] = _shipped("gbz22_2007_physical", PhysicalLimit.from_dict)
#: GBZ 188-2014 in-service examination intervals (the factors the sources give; see coverage()).
exam_intervals_2014: Table[ExamIntervalEntry] = _shipped("gbz188_2014_intervals", ExamIntervalEntry.from_dict)
#: GBZ 188-2025 in-service examination intervals (partial; secondary sources).
exam_intervals_2025: Table[ExamIntervalEntry] = _shipped("gbz188_2025_intervals", ExamIntervalEntry.from_dict)
#: Minimum training hours by role and kind (安监总厅安健〔2015〕121号 as secondary pages quote it).
training_hours: Table[TrainingHours] = _shipped("training_hours_2015", TrainingHours.from_dict)
#: 高毒物品目录 (卫法监发〔2003〕142号): 54 substances.
highly_toxic: Table[HighlyToxicSubstance] = _shipped("highly_toxic_2003", HighlyToxicSubstance.from_dict)
#: 职业病分类和目录, 2024 revision (12 categories, 135 diseases, in force 2025-08-01).
diseases: Table[OccupationalDisease] = _shipped("occupational_diseases_2024", OccupationalDisease.from_dict)
#: 职业病分类和目录, 2013 edition (国卫疾控发〔2013〕48号; 10 categories, 132 diseases, in force until
#: 2025-07-31), rebuilt from the 2024 text and the published changes; 6 items unverified (see coverage).
diseases_2013: Table[OccupationalDisease] = _shipped(
    "occupational_diseases_2013", OccupationalDisease.from_dict
)
#: 建设项目职业病危害风险分类管理目录 (2021).
risk_directory: Table[RiskDirectoryEntry] = _shipped(
    "risk_directory_2021", RiskDirectoryEntry.from_dict, _risk_keys
)
#: 建设项目职业病危害风险分类管理目录 (2012) - not shipped (empty; the gap shows in :func:`coverage`).
risk_directory_2012: Table[RiskDirectoryEntry] = _shipped(
    "risk_directory_2012", RiskDirectoryEntry.from_dict, _risk_keys
)

_ALL_TABLES: tuple[Table[Any], ...] = (
    hazards,
    chemical_limits,
    dust_limits,
    chemical_limits_2007,
    dust_limits_2007,
    biological_agent_limits,
    biological_limits,
    exposure_levels,
    physical_limits,
    exam_intervals_2014,
    exam_intervals_2025,
    training_hours,
    highly_toxic,
    diseases,
    diseases_2013,
    risk_directory,
    risk_directory_2012,
)


def get(query: str) -> HazardFactor | None:
    """The hazard factor (2015 catalogue) for a name, alias, English name, CAS, pinyin or id; else None.

    Shorthand for ``hazards.get(query)``; every table has its own ``get``/``lookup``/``search``.
    """
    return hazards.get(query)


def lookup(query: str) -> HazardFactor:
    """Like :func:`get` but raises :class:`~ohsreg.errors.UnknownEntry` with close matches.

    >>> lookup("苯乙稀")
    Traceback (most recent call last):
        ...
    ohsreg.errors.UnknownEntry: query: '苯乙稀' is not in hazard_factors_2015; close matches: ...苯乙烯...
    """
    return hazards.lookup(query)


def search(query: str, *, limit: int = 10) -> list[tuple[HazardFactor, float]]:
    """Hazard factors ranked by match on zh/en names, aliases, CAS and pinyin (full or initials).

    >>> [(h.name_zh, score) for h, score in search("byx", limit=1)]
    [('苯乙烯', 100.0)]
    """
    return hazards.search(query, limit=limit)


def resolve_hazard_key(query: str) -> str:
    """The canonical key (``HazardFactor.id``, e.g. ``"C028"``) of a hazard factor named by ``query``.

    Used by models that store a reference to the catalogue (``ohsreg.models.HazardRef``). Keys are the
    category letter and the row number of the 2015 catalogue; they are stable within that edition.
    Raises :class:`~ohsreg.errors.UnknownEntry` (``catalogue.unknown``) with close matches.

    >>> resolve_hazard_key("benzene"), resolve_hazard_key("14808-60-7")
    ('C028', 'D001')
    """
    return hazards.lookup(query).id
