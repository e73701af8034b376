"""The reference catalogue's tables and lookups (re-exported by :mod:`ohsreg.catalogue`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import attrs

import ohsreg.instruments as instruments
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
from ohsreg.catalogue._table import (
    FORMAT,
    Header,
    Table,
    _default_keys,
    _Record,
    _strip_qualifiers,
    check_arg,
    fold,
    read_document,
)
from ohsreg.errors import EditionError, OhsregError, UnknownEntry
from ohsreg.instruments import Instrument
from ohsreg.units import Quantity
from ohsreg.vocab import RiskClass

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

#: Edition of the chemical exposure limits used when neither ``edition`` nor ``as_of`` is given.
DEFAULT_LIMIT_EDITION = "GBZ 2.1-2019"
#: Edition of 职业病危害因素分类目录 behind :data:`hazards`.
DEFAULT_HAZARD_EDITION = "2015"
#: Edition of 职业病分类和目录 behind :data:`diseases`.
DEFAULT_DISEASE_EDITION = "2024"
#: Edition of 建设项目职业病危害风险分类管理目录 used by :func:`risk_class` when ``as_of`` is not given.
DEFAULT_RISK_EDITION = "2021"


def _risk_keys(rec: RiskDirectoryEntry) -> list[tuple[str, str]]:
    return [("id", rec.code), ("zh", rec.name_zh), ("pinyin", rec.pinyin), ("initials", rec.initials)]


def _bio_keys(rec: BiologicalLimit) -> list[tuple[str, str]]:
    keys = [("id", rec.id), ("zh", rec.hazard_name_zh), ("alias", rec.indicator_zh)]
    keys += [("en", rec.hazard_name_en or ""), ("pinyin", rec.pinyin), ("initials", rec.initials)]
    return keys


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


# ------------------------------------------------------------------------------------------------ limits
@attrs.frozen(slots=True, repr=False)
class LimitSet:
    """The exposure limits that answer for one hazard: which edition answered, on which date, which rows.

    ``rows`` are GBZ 2.1 table 1/3 rows (one per sub-condition), ``dust_rows`` table 2 rows and
    ``biological`` the table 4 biological exposure limits of the same substance (table 4 is partial).
    :attr:`mac`, :attr:`pc_twa` and :attr:`pc_stel` give the value when there is exactly one row; for
    entries with sub-conditions (CO by altitude, lead dust/fume, silica by free SiO₂) pick a row with
    :meth:`select` or read :attr:`rows`.
    """

    query: str
    hazard: HazardFactor | None
    edition: str
    as_of: dt.date | None
    amendments: tuple[str, ...]
    rows: tuple[ExposureLimit, ...]
    dust_rows: tuple[DustLimit, ...]
    biological: tuple[BiologicalLimit, ...] = ()
    amendment_state: str = ""
    """The edition and the amendments applied, as a pinnable name (``"GBZ 2.1-2019+XG1"``): pass it as
    ``edition=`` to get the same rows whatever amendment ships later."""

    def _all(self) -> tuple[ExposureLimit | DustLimit, ...]:
        return (*self.rows, *self.dust_rows)

    def _single(self, attr: str) -> Quantity | None:
        if len(self.rows) == 1 and not self.dust_rows:
            value: Quantity | None = getattr(self.rows[0], attr)
            return value
        if not self.rows and len(self.dust_rows) == 1:
            return None
        raise OhsregError(
            "{query} has {count} limit rows with sub-conditions ({conditions}); choose one",
            rule="catalogue.limit_conditions",
            field=attr,
            hint="use .select(sub_condition) or read .rows",
            query=self.query,
            count=len(self.rows) + len(self.dust_rows),
            conditions=", ".join(_condition(r) for r in self._all()),
        )

    @property
    def mac(self) -> Quantity | None:
        """MAC of the only row (GBZ 2.1 表1/表3); ``catalogue.limit_conditions`` if there are several."""
        return self._single("mac")

    @property
    def pc_twa(self) -> Quantity | None:
        """PC-TWA of the only row (GBZ 2.1 表1/表3); ``catalogue.limit_conditions`` if there are several."""
        return self._single("pc_twa")

    @property
    def pc_stel(self) -> Quantity | None:
        """PC-STEL of the only row (GBZ 2.1 表1/表3); ``catalogue.limit_conditions`` if there are several."""
        return self._single("pc_stel")

    @property
    def verified(self) -> bool:
        """True when every row that answered is verified."""
        return all(r.verified for r in self._all())

    def select(self, sub_condition: str) -> ExposureLimit | DustLimit:
        """The row whose sub-condition (or, for entries sharing a CAS such as the two mercury entries, whose
        name) contains ``sub_condition`` (e.g. ``"铅烟"``, ``"＞3000"``, ``"金属汞"``)."""
        check_arg(sub_condition, str, "sub_condition")
        for row in self._all():
            if row.sub_condition and sub_condition in row.sub_condition:
                return row
        for row in self._all():
            if sub_condition in row.name_zh:
                return row
        raise UnknownEntry(
            "{query} has no limit row for sub-condition {value!r}",
            rule="catalogue.unknown",
            field="sub_condition",
            hint="available: {conditions}",
            query=self.query,
            value=sub_condition,
            conditions=", ".join(_condition(r) for r in self._all()),
            suggestions=[_condition(r) for r in self._all()],
        )

    def for_free_silica(self, percent: float) -> DustLimit:
        """The silica-dust row for a free-SiO₂ content in percent (GBZ 2.1-2019 table 2, 矽尘)."""
        check_arg(percent, (int, float), "free_silica")
        for row in self.dust_rows:
            if row.free_silica is not None and row.applies_to_free_silica(percent):
                return row
        raise UnknownEntry(
            "no free-silica band of {query} covers {percent}%",
            rule="catalogue.unknown",
            field="free_silica",
            hint="silica-dust bands start at 10 % free SiO2; below that use the dust's own entry",
            query=self.query,
            percent=percent,
            suggestions=[],
        )

    def __repr__(self) -> str:
        when = f", as_of={self.as_of.isoformat()}" if self.as_of else ""
        state = self.amendment_state or self.edition
        return (
            f"LimitSet({self.query!r}, edition={state!r}{when}, rows={len(self.rows) + len(self.dust_rows)})"
        )


def _condition(row: ExposureLimit | DustLimit) -> str:
    """How a row is told apart from the others of a LimitSet: its sub-condition, else its entry name."""
    return row.sub_condition or row.name_zh


@attrs.frozen(slots=True)
class _LimitTables:
    """The tables of one GBZ 2.1 edition (``None``: the edition has no such shipped table)."""

    chemical: Table[ExposureLimit]
    dust: Table[DustLimit]
    biological_agents: Table[ExposureLimit] | None
    biological: Table[BiologicalLimit] | None

    def all(self) -> tuple[Table[Any], ...]:
        return tuple(t for t in (self.chemical, self.dust, self.biological_agents, self.biological) if t)


_LIMIT_FAMILY = "GBZ 2.1"


def _limit_tables() -> dict[str, _LimitTables]:
    """The shipped GBZ 2.1 editions and their tables (the instruments registry has their dates)."""
    return {
        "GBZ 2.1-2007": _LimitTables(chemical_limits_2007, dust_limits_2007, None, None),
        "GBZ 2.1-2019": _LimitTables(
            chemical_limits, dust_limits, biological_agent_limits, biological_limits
        ),
    }


def _unknown_edition(template: str, edition: str, shipped: Iterable[str]) -> EditionError:
    """``catalogue.unknown_edition``: ``template`` names the list; the hint lists the shipped editions."""
    return EditionError(
        template,
        rule="catalogue.unknown_edition",
        field="edition",
        hint="shipped editions: {editions}",
        edition=edition,
        editions=", ".join(shipped),
    )


def _not_in_force(edition: str, as_of: dt.date) -> EditionError:
    return EditionError(
        "{edition} was not in force on {as_of}",
        rule="catalogue.edition_not_in_force",
        field="as_of",
        edition=edition,
        as_of=as_of.isoformat(),
    )


def _edition_for(edition: str | None, as_of: dt.date | None) -> tuple[Instrument, tuple[str, ...] | None]:
    """The GBZ 2.1 edition that answers, and the pinned amendment ids (``None``: not pinned, amendments
    follow ``as_of``)."""
    check_arg(edition, str, "edition", optional=True)
    check_arg(as_of, dt.date, "as_of", optional=True)
    shipped = _limit_tables()
    if edition is not None:
        base, _, pin = edition.partition("+")
        if base.strip() not in shipped:
            raise _unknown_edition("exposure-limit edition {edition!r} is not shipped", edition, shipped)
        pinned: tuple[str, ...] | None = None
        if pin:
            try:
                pinned = tuple(a.id for a in instruments.resolve(edition).amendments)
            except (UnknownEntry, EditionError) as exc:
                raise EditionError(
                    "{edition!r} is not an amendment state of {base}",
                    rule="catalogue.unknown_edition",
                    field="edition",
                    hint="amendment states: {states}",
                    edition=edition,
                    base=base.strip(),
                    states=", ".join(_states(instruments.lookup(base.strip()))),
                ) from exc
        inst = instruments.lookup(base.strip())
        if as_of is not None and not inst.applies_on(as_of):
            raise _not_in_force(inst.id, as_of)
        return inst, pinned
    if as_of is None:
        return instruments.lookup(DEFAULT_LIMIT_EDITION), None
    found = instruments.in_force(_LIMIT_FAMILY, as_of)
    if found is None or found.id not in shipped:
        first = min((instruments.lookup(e) for e in shipped), key=lambda i: i.first_day)
        raise EditionError(
            "no shipped exposure-limit edition was in force on {as_of}",
            rule="catalogue.edition_not_in_force",
            field="as_of",
            hint="{first} applies from {start}; {older} (in force then) is not shipped",
            as_of=as_of.isoformat(),
            first=first.id,
            start=first.first_day.isoformat(),
            older=found.id if found is not None else "no earlier edition",
        )
    return found, None


def _states(inst: Instrument) -> list[str]:
    """Every amendment state of an edition, as pinnable names."""
    ids = [a.id for a in inst.amendments]
    return ["+".join([inst.id, *ids[:n]]) for n in range(len(ids) + 1)]


def _amendments_applied(inst: Instrument, as_of: dt.date | None) -> tuple[str, ...]:
    """The ids of the amendments in force on ``as_of`` (every one for ``None``); refuses dates inside the
    unverified window of an amendment's day of entry into force (``catalogue.amendment_date_unverified``)."""
    applied = []
    for amendment in inst.amendments:
        try:
            if as_of is None or amendment.applies_on(as_of):
                applied.append(amendment.id)
        except EditionError:
            assert amendment.in_force_window is not None
            start, until = amendment.in_force_window
            raise EditionError(
                "whether {amendment} applies on {as_of} is not known: its effective date is unverified",
                rule="catalogue.amendment_date_unverified",
                field="as_of",
                hint="pass a date outside {start}..{until}, or pin the edition: {states}",
                amendment=amendment.citation,
                as_of=as_of.isoformat() if as_of else "",
                start=start.isoformat(),
                until=until.isoformat(),
                states=", ".join(_states(inst)),
            ) from None
    return tuple(applied)


def _rows_for(table: Table[Any], hazard: HazardFactor | None, query: str) -> list[Any]:
    """All rows of ``table`` for a catalogue factor, else for every entry ``query`` names (every sub-row;
    a CAS shared by two entries, such as 7439-97-6 for metallic and organic mercury, names both)."""
    if hazard is not None:
        rows = [r for r in table if hazard.id in r.hazard_ids]
        if rows:
            return rows
        query = hazard.cas[0] if hazard.cas else hazard.name_zh
    names = {r.name_zh for r in table.lookup_all(query)}
    if not names:
        matched = table.get(query)
        if matched is None:
            return []
        names = {matched.name_zh}
    return [r for r in table if r.name_zh in names]


def _not_shipped(tables: _LimitTables, factor: HazardFactor | None, query: str) -> dict[str, Any] | None:
    """The entry of the edition that the data names as not shipped (its values were not found), if the
    hazard is one of them."""
    keys = {fold(query)}
    if factor is not None:
        keys |= {fold(k) for k in (factor.name_zh, *factor.aliases, *factor.cas)}
    for table in (tables.chemical, tables.dust):
        for entry in table.header.get("not_shipped", ()):
            names = [entry["name_zh"], *entry.get("aliases", ())]
            folded = {fold(n) for n in names} | {fold(_strip_qualifiers(n)) for n in names}
            if keys & folded:
                return dict(entry)
    return None


def _earlier_values(entry: dict[str, Any]) -> str:
    """What GBZ 2.1-2007 printed for the entry (for a hint labelled 2007, never as a 2019 value)."""
    parts = []
    for name in entry.get("edition_2007_rows", ()):
        rows: list[ExposureLimit | DustLimit] = [
            *chemical_limits_2007.lookup_all(name),
            *dust_limits_2007.lookup_all(name),
        ]
        for row in rows:
            if row.name_zh == name:
                sub = f"〔{row.sub_condition}〕" if row.sub_condition else ""
                parts.append(f"{name}{sub} {_values_text(row)}")
    return "; ".join(parts)


def _values_text(row: ExposureLimit | DustLimit) -> str:
    if isinstance(row, DustLimit):
        pairs = [("总尘", row.pc_twa_total), ("呼尘", row.pc_twa_respirable)]
    else:
        pairs = [(k.code.replace("_", "-"), v) for k, v in row.values.items()]
    return ", ".join(f"{k} {v}" for k, v in pairs if v is not None) or "-"


def limit_regime(as_of: dt.date | None = None) -> tuple[str, tuple[str, ...]]:
    """The exposure-limit edition and the amendments in force on ``as_of``: what decides the rows.

    Two dates with the same regime get the same answer from :func:`limits_for` for every hazard (row
    validity dates in the data sit on edition and amendment dates; a test checks), so a bulk join
    (:func:`ohsreg.assess.shift_table`) looks limits up once per hazard and regime, not per row.
    Raises :class:`~ohsreg.errors.EditionError` like :func:`limits_for`.

    >>> limit_regime(dt.date(2021, 1, 1))
    ('GBZ 2.1-2019', ())
    """
    inst, _ = _edition_for(None, as_of)
    return inst.id, _amendments_applied(inst, as_of)


def limits_for(
    hazard: HazardFactor | str,
    edition: str | None = None,
    as_of: dt.date | None = None,
) -> LimitSet:
    """The GBZ 2.1 exposure limits of ``hazard`` (a :class:`HazardFactor` or a name, alias or CAS).

    ``edition`` names an edition explicitly (``"GBZ 2.1-2019"``, ``"GBZ 2.1-2007"``) or pins an amendment
    state (``"GBZ 2.1-2019+XG1"``: amendment No. 1 applied, later ones not, whatever ships later);
    ``as_of`` picks the edition in force on that date (GBZ 2.1-2007 from 2007-11-01, GBZ 2.1-2019 from
    2020-04-01, both from :mod:`ohsreg.instruments`) and the amendments then in force. With neither,
    :data:`DEFAULT_LIMIT_EDITION` answers with every amendment applied. The result names the edition and
    the amendment state that answered (:attr:`LimitSet.amendment_state`).

    Raises :class:`~ohsreg.errors.UnknownEntry` (``catalogue.no_limit``) when the hazard has no limit in
    the edition's tables, ``catalogue.limit_not_shipped`` when the edition has a row for it whose values
    were not found (the hint gives the 2007 value where there is one, labelled as 2007), and
    :class:`~ohsreg.errors.EditionError` when no shipped edition answers for the date.

    >>> co = limits_for("一氧化碳")
    >>> [(r.sub_condition, str(r.mac or r.pc_twa)) for r in co.rows]
    [('非高原', '20 mg/m³'), ('高原 海拔2000 m~3000 m', '20 mg/m³'), ('高原 海拔＞3000 m', '15 mg/m³')]
    >>> limits_for("矽尘").for_free_silica(60).pc_twa_respirable
    Quantity(0.3, 'mg/m³')
    >>> old = limits_for("苯", as_of=dt.date(2019, 6, 1))
    >>> old.edition, old.amendment_state, old.pc_twa
    ('GBZ 2.1-2007', 'GBZ 2.1-2007', Quantity(6.0, 'mg/m³'))
    >>> limits_for("苯", edition="GBZ 2.1-2019+XG1").pc_twa
    Quantity(3.0, 'mg/m³')
    """
    inst, pinned = _edition_for(edition, as_of)
    answered = inst.id
    tables = _limit_tables()[answered]
    applied = pinned if pinned is not None else _amendments_applied(inst, as_of)
    factor: HazardFactor | None
    if isinstance(hazard, HazardFactor):
        factor, query = hazard, hazard.name_zh
    elif isinstance(hazard, str):
        query = hazard.strip()
        factor = None
        if not any(t.get(query) for t in tables.all() if t is not tables.biological):
            factor = hazards.get(query)
    else:
        raise OhsregError(
            "hazard must be a HazardFactor or a string, not {type}",
            rule="catalogue.hazard_type",
            field="hazard",
            type=type(hazard).__name__,
        )
    chem = [r for r in _rows_for(tables.chemical, factor, query) if r.in_state(applied)]
    bio = list(_rows_for(tables.biological_agents, factor, query)) if tables.biological_agents else []
    dust = list(_rows_for(tables.dust, factor, query))
    names = {r.name_zh for r in chem} | ({factor.name_zh} if factor else {query})
    citations = {a.citation for a in inst.amendments if a.id in applied}
    bel = [
        r
        for r in (tables.biological or ())
        if r.hazard_name_zh in names and (r.amendment is None or r.amendment in citations)
    ]
    if not (chem or bio or dust or bel):
        gap = _not_shipped(tables, factor, query)
        if gap is not None:
            earlier = _earlier_values(gap)
            raise UnknownEntry(
                "the {edition} limit of {name} is not shipped: its values were not found",
                rule="catalogue.limit_not_shipped",
                field="hazard",
                hint="GBZ 2.1-2007 (in force until {until}) printed {values}; limits_for(..., as_of=) answers from it for dates until then"
                if earlier
                else "GBZ 2.1-2007 has no row for it either",
                query=query,
                name=gap["name_zh"],
                edition=answered,
                until=str(instruments.lookup("GBZ 2.1-2007").until),
                values=earlier,
                suggestions=[],
            )
        suggestions = [r.name_zh for r, _ in tables.chemical.search(query, limit=3)]
        suggestions += [r.name_zh for r, _ in tables.dust.search(query, limit=2)]
        raise UnknownEntry(
            "no exposure limit for {query} in {edition}",
            rule="catalogue.no_limit",
            field="hazard",
            hint="the table may not list it, or the row is a known gap (see catalogue.coverage())",
            query=query,
            edition=answered,
            suggestions=suggestions,
        )
    return LimitSet(
        query=query,
        hazard=factor,
        edition=answered,
        as_of=as_of,
        amendments=tuple(a.citation for a in inst.amendments if a.id in applied),
        rows=tuple(chem + bio),
        dust_rows=tuple(dust),
        biological=tuple(bel),
        amendment_state="+".join([answered, *applied]),
    )


# ---------------------------------------------------------------------------------------- risk class
@attrs.frozen(slots=True, repr=False)
class RiskClassResult:
    """The answer of :func:`risk_class`: the class, the directory row that gave it, and the edition.

    ``risk_class`` is ``None`` when the directory splits the industry into parts without codes, or when
    the code asked for is a heading (a division) whose listed sub-industries differ; ``candidates`` lists
    them - choose the one that describes the project. ``conditional`` is set for
    *-items when ``uses_listed_solvents`` was not given: the class shown (严重) drops to 一般 when no
    adhesives, cleaners, inks or paints containing the listed solvents are used.
    """

    industry_code: str
    risk_class: RiskClass | None
    entry: RiskDirectoryEntry
    edition: str
    conditional: bool
    candidates: tuple[RiskDirectoryEntry, ...]
    note: str | None

    def __repr__(self) -> str:
        rc = self.risk_class.code if self.risk_class else None
        return (
            f"RiskClassResult({self.industry_code!r}: {rc}, by {self.entry.code!r}, edition={self.edition!r})"
        )


#: Shipped editions of the risk directory: edition name -> id in :mod:`ohsreg.instruments` (the dates).
_RISK_EDITIONS = {"2021": "risk directory 2021"}


def risk_class(
    industry_code: str,
    *,
    as_of: dt.date | None = None,
    uses_listed_solvents: bool | None = None,
    edition: str | None = None,
) -> RiskClassResult:
    """The project risk class of an industry under 建设项目职业病危害风险分类管理目录.

    The GB/T 4754-2017 code (checked with :mod:`ohsreg.identifiers.industry`, whose ``industry.*`` errors
    propagate) is walked up (class → group → division) to the most specific row the directory lists. ``as_of`` picks the edition in force (only 2021 is shipped: dates before 2021-03-12 raise
    :class:`~ohsreg.errors.EditionError`); without it :data:`DEFAULT_RISK_EDITION` answers.

    >>> risk_class("C2614").risk_class.zh
    '严重'
    >>> r = risk_class("C1951")
    >>> r.risk_class.code, r.conditional
    ('SERIOUS', True)
    >>> risk_class("A0311").candidates
    (RiskDirectoryEntry('A031-1', '牲畜饲养（牛、羊）', SERIOUS), RiskDirectoryEntry('A031-2', '牲畜饲养（其他）', GENERAL))
    """
    check_arg(edition, str, "edition", optional=True)
    check_arg(as_of, dt.date, "as_of", optional=True)
    if edition is None:
        since = instruments.in_force_date(_RISK_EDITIONS[DEFAULT_RISK_EDITION])
        if as_of is not None and as_of < since:
            raise EditionError(
                "the risk directory in force on {as_of} (2012 edition) is not shipped",
                rule="catalogue.edition_not_shipped",
                field="as_of",
                hint="the 2021 directory applies from {since}; the 2012 edition is a known gap",
                as_of=as_of.isoformat(),
                since=since.isoformat(),
            )
        edition = DEFAULT_RISK_EDITION
    elif edition not in _RISK_EDITIONS:
        raise _unknown_edition("risk-directory edition {edition!r} is not shipped", edition, _RISK_EDITIONS)
    from ohsreg.identifiers import industry as gbt4754

    node = gbt4754.lookup(industry_code)  # raises industry.* errors for malformed or unknown codes
    for level in (node, *node.ancestors()):
        code = level.display_code
        entry = risk_directory.get(code)
        if entry is None or entry.code != code:
            continue
        parts = tuple(
            r for r in risk_directory if r.industry_code == entry.industry_code and r.sub_item is not None
        )
        if parts:
            return RiskClassResult(
                industry_code=industry_code,
                risk_class=None,
                entry=entry,
                edition=edition,
                conditional=False,
                candidates=parts,
                note="the directory splits this industry; choose the part that describes the project",
            )
        if entry.risk_class is None:
            if level is not node:
                break  # a heading above the code: only its listed children are classified
            children = tuple(
                r for r in risk_directory if r.risk_class is not None and r.code.startswith(entry.code)
            )
            return RiskClassResult(
                industry_code=industry_code,
                risk_class=None,
                entry=entry,
                edition=edition,
                conditional=False,
                candidates=children,
                note="a heading of the directory: the class depends on the listed sub-industry",
            )
        rc, conditional, note = entry.risk_class, False, None
        if entry.solvent_footnote:
            if uses_listed_solvents is False:
                rc, note = RiskClass.GENERAL, "*-item without the listed solvents: managed as 一般"
            elif uses_listed_solvents is None:
                conditional = True
                note = "*-item: 一般 when no adhesives/cleaners/inks/paints with 苯、正己烷、1,2-二氯乙烷、三氯甲烷 are used"
        return RiskClassResult(
            industry_code=industry_code,
            risk_class=rc,
            entry=entry,
            edition=edition,
            conditional=conditional,
            candidates=(),
            note=note,
        )
    raise UnknownEntry(
        "industry {code} is not classified by the {edition} risk directory",
        rule="catalogue.industry_not_listed",
        field="industry_code",
        hint="the directory lists only some industries; unlisted ones have no class from it",
        code=industry_code,
        edition=edition,
        suggestions=[],
    )


# ------------------------------------------------------------------------------------------ diseases
#: Editions of 职业病分类和目录 shipped: edition name -> id in :mod:`ohsreg.instruments` (the dates).
_DISEASE_EDITIONS = {"2013": "disease catalogue 2013", "2024": "disease catalogue 2024"}


def diseases_in_force(
    as_of: dt.date | None = None, *, edition: str | None = None
) -> Table[OccupationalDisease]:
    """The 职业病分类和目录 table in force on ``as_of`` (or the one named by ``edition``).

    Without arguments: :data:`DEFAULT_DISEASE_EDITION` (``2024``, in force from 2025-08-01). The 2013
    list applies from 2013-12-23 (its issue date; the day of entry into force is not verified) to
    2025-07-31; the table's ``header["edition"]`` says which answered. Dates before 2013-12-23 (the 2002
    list, not shipped) raise :class:`~ohsreg.errors.EditionError` (``catalogue.edition_not_in_force``);
    an unknown ``edition`` raises ``catalogue.unknown_edition``.

    >>> import datetime as dt
    >>> len(diseases_in_force(dt.date(2020, 1, 1))), len(diseases_in_force(dt.date(2025, 8, 1)))
    (132, 135)
    >>> diseases_in_force(edition="2013").get("铀及其化合物中毒").category_zh
    '五、职业性化学中毒'
    """
    check_arg(edition, str, "edition", optional=True)
    check_arg(as_of, dt.date, "as_of", optional=True)
    if edition is not None:
        if edition not in _DISEASE_EDITIONS:
            raise _unknown_edition(
                "occupational-disease list edition {edition!r} is not shipped", edition, _DISEASE_EDITIONS
            )
        if as_of is not None and not instruments.lookup(_DISEASE_EDITIONS[edition]).applies_on(as_of):
            raise EditionError(
                "{edition} was not in force on {as_of}",
                rule="catalogue.edition_not_in_force",
                field="as_of",
                edition=edition,
                as_of=as_of.isoformat(),
            )
    elif as_of is None:
        edition = DEFAULT_DISEASE_EDITION
    else:
        found = [name for name, key in _DISEASE_EDITIONS.items() if instruments.lookup(key).applies_on(as_of)]
        if not found:
            raise EditionError(
                "no shipped occupational-disease list was in force on {as_of}",
                rule="catalogue.edition_not_in_force",
                field="as_of",
                hint="the 2013 list applies from {since}; the 2002 list is not shipped",
                as_of=as_of.isoformat(),
                since=instruments.in_force_date(_DISEASE_EDITIONS["2013"]).isoformat(),
            )
        edition = found[0]
    return diseases_2013 if edition == "2013" else diseases


# ------------------------------------------------------------------------------------------ coverage
@attrs.frozen(slots=True)
class CoverageRow:
    """Rows shipped against the official count for one table, and how many are verified."""

    table: str
    document: str
    edition: str
    official: int | None
    shipped: int
    verified: int
    unit: str
    gaps: tuple[str, ...]
    sha: str = ""
    """SHA-256 of the table's data file (pin it to notice a change)."""

    @property
    def complete(self) -> bool:
        """Whether every row of the official text is shipped."""
        return self.official is not None and self.shipped >= self.official

    def line(self) -> str:
        """One aligned line for a coverage report (as :func:`coverage`'s example prints)."""
        official = "?" if self.official is None else str(self.official)
        return f"{self.table:<28} {self.shipped:>4} / {official:>4} shipped, {self.verified:>4} verified  ({self.unit})"


def coverage() -> tuple[CoverageRow, ...]:
    """Per table: rows (or entries) shipped vs the official count, and how many are verified.

    >>> for row in coverage()[:2]:
    ...     print(row.line())
    hazard_factors_2015           459 /  459 shipped,  109 verified  (factors)
    gbz21_2019_table1             357 /  359 shipped,   29 verified  (entries: 序号 1-358 + 359 乙草胺 (amendment No. 2); sub-rows grouped)
    """
    out = []
    for table in _ALL_TABLES:
        header = table.header
        records = list(table)
        kind = header.get("kind")
        if kind in {"chemical_limits", "dust_limits", "biological_limits"}:
            # counted by entry (sub-rows grouped; table 4: by substance): verified when all its rows are
            names: dict[str, bool] = {}
            for r in records:
                names[r.name_zh] = names.get(r.name_zh, True) and r.verified
            shipped, verified = len(names), sum(names.values())
        elif kind == "risk_directory":
            classified = [r for r in records if r.risk_class is not None]
            shipped, verified = len(classified), sum(r.verified for r in classified)
        else:
            shipped, verified = len(records), sum(r.verified for r in records)
        unit = header.get("count_unit") or {
            "hazard_factors": "factors",
            "occupational_diseases": "diseases",
        }.get(str(kind), "rows")
        out.append(
            CoverageRow(
                table=table.name,
                document=str(header.get("document", "")),
                edition=str(header.get("edition", "")),
                official=header.get("official_count"),
                shipped=shipped,
                verified=verified,
                unit=str(unit),
                gaps=tuple(header.get("known_gaps", ()))
                + tuple(f"not shipped: {g['name_zh']}" for g in header.get("not_shipped", ())),
                sha=table.sha,
            )
        )
    return tuple(out)


def data_version() -> str:
    """One short hash of every shipped catalogue table and the instruments registry: pin it (with the
    library version) to be told when any reference value, date or edition behind an answer changed.

    Each table's own hash is :attr:`Table.sha` (also in :func:`coverage`).
    """
    import hashlib

    digest = hashlib.sha256()
    for table in _ALL_TABLES:
        digest.update(f"{table.name}:{table.sha}\n".encode())
    digest.update(f"instruments:{instruments.data_version()}\n".encode())
    return digest.hexdigest()[:16]


# -------------------------------------------------------------------------------------- user files
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


def load(path: str | Path) -> Table[Any]:
    """Load a user catalogue file (a provincial list, a newer edition) in the package's own format.

    The file is read and every record checked now (not lazily), so a bad file fails here with
    ``catalogue.file_format`` or ``catalogue.record_invalid`` naming the record. The returned table
    answers ``get``/``lookup``/``search`` like the shipped ones.
    """
    file = Path(path)
    doc = read_document(file, None)
    kind = doc.get("kind")
    if kind not in _FACTORIES:
        raise OhsregError(
            "catalogue file {path} has unknown kind {kind!r}",
            rule="catalogue.file_format",
            field="kind",
            hint="one of: {kinds}",
            path=str(file),
            kind=kind,
            kinds=", ".join(sorted(_FACTORIES)),
        )
    factory, keys = _FACTORIES[kind]
    table: Table[Any] = (
        HazardCatalogue(file.stem, factory, path=file, keys=keys)
        if kind == "hazard_factors"
        else Table(file.stem, factory, path=file, keys=keys)
    )
    table._load()
    from ohsreg.identifiers import cas as cas_rn

    for i, rec in enumerate(table):
        for number in getattr(rec, "cas", ()):
            if not cas_rn.is_valid(number):
                raise OhsregError(
                    "record {index} of catalogue table {table} is invalid: {reason}",
                    rule="catalogue.record_invalid",
                    field=f"records[{i}].cas",
                    index=i,
                    table=table.name,
                    reason=f"CAS {number} fails its check digit (keep a printed value in cas_printed)",
                )
    ids = [r.id for r in table]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise OhsregError(
            "catalogue file {path} has duplicate id {id!r}",
            rule="catalogue.duplicate_id",
            field="id",
            path=str(file),
            id=dup,
        )
    return table
