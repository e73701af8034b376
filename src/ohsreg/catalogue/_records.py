"""Typed immutable records of the reference catalogue (one class per kind of table row)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ohsreg.units import Quantity, SoundLevel
from ohsreg.vocab import CarcinogenClass, HazardCategory, LimitType, RiskClass

__all__ = [
    "BiologicalLimit",
    "DustLimit",
    "ExamIntervalEntry",
    "ExposureLevelClass",
    "ExposureLimit",
    "HazardFactor",
    "HighlyToxicSubstance",
    "OccupationalDisease",
    "PhysicalLimit",
    "RiskDirectoryEntry",
    "Source",
    "TrainingHours",
]


@attrs.frozen(slots=True)
class Source:
    """Where a record comes from: document (standard or notice), edition, table and row or article.

    ``transcription`` names the copy the record was built from; verification is on the record itself.
    ``row`` is ``None`` where the transcription does not give the row number (序号).
    """

    document: str
    edition: str
    table: str | None
    row: str | None
    transcription: str

    def cite(self) -> str:
        """A short citation, e.g. ``GBZ 2.1-2019 表1 row 12``."""
        parts = [self.edition if self.edition in self.document else f"{self.document} ({self.edition})"]
        if self.table:
            parts.append(self.table)
        if self.row:
            parts.append(f"row {self.row}")
        return " ".join(parts)


def _source(raw: dict[str, Any]) -> Source:
    return Source(
        document=raw["document"],
        edition=str(raw["edition"]),
        table=raw.get("table"),
        row=None if raw.get("row") is None else str(raw["row"]),
        transcription=raw.get("transcription", ""),
    )


def _q(raw: dict[str, Any] | None) -> Quantity | None:
    if raw is None:
        return None
    return Quantity(float(raw["magnitude"]), str(raw["unit"]))


# units that ohsreg.units knows without its pint fallback (keeps loading the catalogue pint-free)
_TYPED_UNITS = {"degC", "m/s2", "kV/m", "V/m", "A/m", "mW/cm2", "uW/cm2"}


def _physical(raw: dict[str, Any] | None) -> Quantity | SoundLevel | None:
    if raw is None:
        return None
    unit, magnitude = str(raw["unit"]), float(raw["magnitude"])
    if unit == "dB(A)":
        return SoundLevel(magnitude, "A")
    if unit == "dB":
        return SoundLevel(magnitude, "Z", peak=True)
    if unit in _TYPED_UNITS:
        return Quantity(magnitude, unit)
    return None


def _date(raw: str | None) -> dt.date | None:
    return None if raw is None else dt.date.fromisoformat(raw)


def _common(raw: dict[str, Any], *, names: bool = True, notes: bool = True) -> dict[str, Any]:
    """The fields every record shares: provenance (``source``, ``verified``, ``verified_by``, ``notes``)
    and, for searchable records, the pinyin keys (``pinyin``, ``initials``)."""
    common: dict[str, Any] = {
        "source": _source(raw["source"]),
        "verified": bool(raw["verified"]),
        "verified_by": raw.get("verified_by"),
    }
    if notes:
        common["notes"] = raw.get("notes")
    if names:
        common["pinyin"] = raw.get("pinyin", "")
        common["initials"] = raw.get("initials", "")
    return common


@attrs.frozen(slots=True, repr=False)
class HazardFactor:
    """A factor of 职业病危害因素分类目录 (2015: 459 factors in six categories).

    ``cas`` lists the registry numbers the entry means; ``cas_printed`` keeps the cell exactly as printed.
    Where the printed number fails its check digit (four entries of the 2015 list), ``cas`` holds the
    corrected number and ``cas_note`` says why; lookups accept both.

    ``highly_toxic`` is True when an entry of 高毒物品目录 (2003) shares a CAS number with this factor
    (for group entries such as 铅及其化合物: at least one listed member); see :data:`highly_toxic`.
    """

    id: str
    """The stable key: category letter and sequence number (``D001`` dust, ``C028`` chemical, ``P``,
    ``R``, ``B``, ``O``)."""
    category: HazardCategory
    """The 职业病危害因素分类目录 category (``HazardCategory``): 粉尘, 化学因素, 物理因素, 放射性因素, 生物因素, 其他因素."""
    seq: int
    """The sequence number within its category, as printed."""
    name_zh: str
    """The official Chinese name, as printed."""
    name_en: str | None
    """An English name, when the record has one (not part of the official list)."""
    aliases: tuple[str, ...]
    """Other names lookups accept."""
    cas: tuple[str, ...]
    cas_printed: str | None
    cas_note: str | None
    remark: str | None
    """The remark printed with the entry, if any."""
    open_clause: bool
    """True for the catch-all entry of a category (以上未提及的可导致职业病的其他…)."""
    highly_toxic: bool
    pinyin: str
    """The name in pinyin without tones (search key)."""
    initials: str
    """The pinyin initials of the name (search key)."""
    source: Source
    """Provenance: document, edition, table and row, and the transcription the record was built from."""
    verified: bool
    """Whether the record was checked against a second independent copy of the document."""
    verified_by: str | None
    """What the record was checked against, when ``verified``."""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> HazardFactor:
        """One record as stored in the package's JSON format (``ohsreg.catalogue/1``)."""
        return cls(
            id=raw["id"],
            category=HazardCategory[raw["category"]],
            seq=int(raw["seq"]),
            name_zh=raw["name_zh"],
            name_en=raw.get("name_en"),
            aliases=tuple(raw.get("aliases", ())),
            cas=tuple(raw.get("cas", ())),
            cas_printed=raw.get("cas_printed"),
            cas_note=raw.get("cas_note"),
            remark=raw.get("remark"),
            open_clause=bool(raw.get("open_clause", False)),
            highly_toxic=bool(raw.get("highly_toxic", False)),
            **_common(raw, notes=False),
        )

    def __repr__(self) -> str:
        cas = f", CAS {'/'.join(self.cas)}" if self.cas else ""
        return f"HazardFactor({self.id!r}, {self.name_zh!r}, {self.category.code}{cas})"


@attrs.frozen(slots=True, repr=False)
class ExposureLimit:
    """One row of GBZ 2.1 table 1 (chemicals) or table 3 (biological agents), in the standard's units.

    A row with ``sub_condition`` is one line of a multi-line entry (an altitude band for CO, a form such as
    铅尘/铅烟). ``valid_from``/``valid_until`` bound rows changed by an amendment (``amendment``); rows
    without them hold for the whole edition. ``hazard_ids`` are the 2015 catalogue factors the row
    belongs to; where there are none, ``hazard_exception`` says why.
    """

    id: str
    """The row's key: the Chinese name as printed, with the sub-condition in 〔〕 for the lines of a
    multi-line entry."""
    table: str
    """The table of GBZ 2.1 the row comes from: ``表1`` (chemicals) or ``表3`` (biological agents)."""
    seq: int | None
    """The row number in the table, when the transcription has it."""
    name_zh: str
    """The Chinese name, as printed."""
    name_en: str | None
    """The English name, as printed."""
    cas: tuple[str, ...]
    """CAS registry numbers of the substance (``CASNumber``), if any."""
    sub_condition: str | None
    mac: Quantity | None
    """最高容许浓度 (MAC): the ceiling, never to be exceeded."""
    pc_twa: Quantity | None
    """时间加权平均容许浓度 (PC-TWA): the 8 h/day, 40 h/week time-weighted average."""
    pc_stel: Quantity | None
    """短时间接触容许浓度 (PC-STEL): the 15-minute short-term exposure limit."""
    critical_effect: str | None
    """临界不良健康效应 (critical effect), as printed."""
    notation: str | None
    """The remark column as printed (皮, 敏, G1…); parsed into ``skin``, ``sensitiser``, ``carcinogen``."""
    skin: bool
    """皮: absorbed through the skin."""
    sensitiser: bool
    """敏: a sensitiser."""
    carcinogen: tuple[CarcinogenClass, ...]
    """IARC carcinogen classes (``CarcinogenClass``: G1 / G2A / G2B) of the remark column."""
    valid_from: dt.date | None
    valid_until: dt.date | None
    amendment: str | None
    hazard_ids: tuple[str, ...]
    hazard_exception: str | None
    pinyin: str
    """The name in pinyin without tones (search key)."""
    initials: str
    """The pinyin initials of the name (search key)."""
    source: Source
    """Provenance: document, edition, table and row, and the transcription the record was built from."""
    verified: bool
    """Whether the row was checked against a second independent copy of the standard."""
    verified_by: str | None
    """What the row was checked against, when ``verified``."""
    notes: str | None
    """Notes on the transcription (corrections, doubts)."""
    excursion_multiple: float | None = None
    """超限倍数 (GBZ 2.1-2007 only): the 15-min excursion limit is this multiple of PC-TWA."""
    amendment_id: str | None = None
    """The amendment that introduced this row (``"XG1"``), as named in :mod:`ohsreg.instruments`."""
    until_amendment: str | None = None
    """The amendment that replaced this row (the row holds for amendment states without it)."""
    type_verified: bool = False
    """Whether the row's limit *types* (MAC / PC-TWA / PC-STEL) agree with an index of the official text
    (separate from ``verified``, which is about the values)."""
    type_verified_by: str | None = None
    """What the limit types were checked against, when ``type_verified``."""
    cas_printed: str | None = None
    """The CAS cell as printed (or stored by the transcription) when it differs from ``cas``: a known
    typo or a malformed value, kept so that lookups by it still find the row (``notes`` say why)."""

    @classmethod
    def from_dict(cls, raw: dict[str, Any], table: str = "表1") -> ExposureLimit:
        """One record as stored in the package's JSON format (``ohsreg.catalogue/1``)."""
        return cls(
            id=raw["id"],
            table=raw.get("source", {}).get("table") or table,
            seq=raw.get("seq"),
            name_zh=raw["name_zh"],
            name_en=raw.get("name_en"),
            cas=tuple(raw.get("cas", ())),
            sub_condition=raw.get("sub_condition"),
            mac=_q(raw.get("mac")),
            pc_twa=_q(raw.get("pc_twa")),
            pc_stel=_q(raw.get("pc_stel")),
            critical_effect=raw.get("critical_effect"),
            notation=raw.get("notation"),
            skin=bool(raw.get("skin", False)),
            sensitiser=bool(raw.get("sensitiser", False)),
            carcinogen=tuple(CarcinogenClass[c] for c in raw.get("carcinogen", ())),
            valid_from=_date(raw.get("valid_from")),
            valid_until=_date(raw.get("valid_until")),
            amendment=raw.get("amendment"),
            hazard_ids=tuple(raw.get("hazard_ids", ())),
            hazard_exception=raw.get("hazard_exception"),
            excursion_multiple=raw.get("excursion_multiple"),
            amendment_id=raw.get("amendment_id"),
            until_amendment=raw.get("until_amendment"),
            type_verified=bool(raw.get("type_verified", False)),
            type_verified_by=raw.get("type_verified_by"),
            cas_printed=raw.get("cas_printed"),
            **_common(raw),
        )

    def in_state(self, amendments: tuple[str, ...]) -> bool:
        """Whether this row belongs to the amendment state with exactly ``amendments`` applied (ids)."""
        if self.amendment_id is not None and self.amendment_id not in amendments:
            return False
        return not (self.until_amendment is not None and self.until_amendment in amendments)

    @property
    def values(self) -> dict[LimitType, Quantity]:
        """The limits this row sets, by type (only the types it has)."""
        pairs = (
            (LimitType.MAC, self.mac),
            (LimitType.PC_TWA, self.pc_twa),
            (LimitType.PC_STEL, self.pc_stel),
        )
        return {kind: q for kind, q in pairs if q is not None}

    def in_force(self, as_of: dt.date | None) -> bool:
        """Whether this row applies on ``as_of`` (``None``: the current consolidated text)."""
        if as_of is None:
            return self.valid_until is None
        if self.valid_from is not None and as_of < self.valid_from:
            return False
        return not (self.valid_until is not None and as_of >= self.valid_until)

    def __repr__(self) -> str:
        vals = ", ".join(f"{k.code}={v}" for k, v in self.values.items())
        sub = f" [{self.sub_condition}]" if self.sub_condition else ""
        return f"ExposureLimit({self.name_zh!r}{sub}: {vals})"


@attrs.frozen(slots=True, repr=False)
class DustLimit:
    """One row of GBZ 2.1 table 2 (dusts): PC-TWA of total and respirable dust.

    ``free_silica`` bounds the free-SiO₂ band (percent) for the silica-dust rows; asbestos and
    man-made mineral fibre rows give fibre concentrations in f/mL in the total-dust column.
    """

    id: str
    seq: int | None
    name_zh: str
    name_en: str | None
    cas: tuple[str, ...]
    sub_condition: str | None
    free_silica: tuple[float | None, bool, float | None, bool] | None
    pc_twa_total: Quantity | None
    pc_twa_respirable: Quantity | None
    critical_effect: str | None
    notation: str | None
    carcinogen: tuple[CarcinogenClass, ...]
    hazard_ids: tuple[str, ...]
    hazard_exception: str | None
    pinyin: str
    initials: str
    source: Source
    verified: bool
    verified_by: str | None
    notes: str | None
    excursion_multiple: float | None = None
    """超限倍数 (GBZ 2.1-2007 only; 2 for every dust)."""
    type_verified: bool = False
    """Whether the limit type (PC-TWA) agrees with an index of the official text (not about the values)."""
    type_verified_by: str | None = None
    """What the limit type was checked against, when ``type_verified``."""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> DustLimit:
        """One record as stored in the package's JSON format (``ohsreg.catalogue/1``)."""
        band = raw.get("free_silica")
        return cls(
            id=raw["id"],
            seq=raw.get("seq"),
            name_zh=raw["name_zh"],
            name_en=raw.get("name_en"),
            cas=tuple(raw.get("cas", ())),
            sub_condition=raw.get("sub_condition"),
            free_silica=None
            if band is None
            else (band["min_percent"], band["min_inclusive"], band["max_percent"], band["max_inclusive"]),
            pc_twa_total=_q(raw.get("pc_twa_total")),
            pc_twa_respirable=_q(raw.get("pc_twa_respirable")),
            critical_effect=raw.get("critical_effect"),
            notation=raw.get("notation"),
            carcinogen=tuple(CarcinogenClass[c] for c in raw.get("carcinogen", ())),
            hazard_ids=tuple(raw.get("hazard_ids", ())),
            hazard_exception=raw.get("hazard_exception"),
            excursion_multiple=raw.get("excursion_multiple"),
            type_verified=bool(raw.get("type_verified", False)),
            type_verified_by=raw.get("type_verified_by"),
            **_common(raw),
        )

    def applies_to_free_silica(self, percent: float) -> bool:
        """Whether a dust with ``percent`` free SiO₂ falls in this row's band (rows without a band: True)."""
        if self.free_silica is None:
            return True
        lo, lo_inc, hi, hi_inc = self.free_silica
        if lo is not None and (percent < lo or (percent == lo and not lo_inc)):
            return False
        return not (hi is not None and (percent > hi or (percent == hi and not hi_inc)))

    def __repr__(self) -> str:
        sub = f" [{self.sub_condition}]" if self.sub_condition else ""
        return f"DustLimit({self.name_zh!r}{sub}: total={self.pc_twa_total}, respirable={self.pc_twa_respirable})"


@attrs.frozen(slots=True, repr=False)
class BiologicalLimit:
    """One row of GBZ 2.1 table 4 (职业接触生物限值): indicator, limit and sampling time.

    The limit is ``value`` in ``unit`` exactly as printed: creatinine-normalised units (µg/g creatinine,
    µmol/mol creatinine) are not physical quantities of :mod:`ohsreg.units`, so no conversion is offered.
    """

    id: str
    seq: int | None
    hazard_name_zh: str
    hazard_name_en: str | None
    indicator_zh: str
    indicator_en: str | None
    value: float
    unit: str
    sampling_time: str | None
    valid_from: dt.date | None
    amendment: str | None
    pinyin: str
    initials: str
    source: Source
    verified: bool
    verified_by: str | None
    notes: str | None

    @property
    def name_zh(self) -> str:
        """The hazard's Chinese name (the key shared with the other tables)."""
        return self.hazard_name_zh

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> BiologicalLimit:
        """One record as stored in the package's JSON format (``ohsreg.catalogue/1``)."""
        limit = raw["limit"]
        return cls(
            id=raw["id"],
            seq=raw.get("seq"),
            hazard_name_zh=raw["hazard_name_zh"],
            hazard_name_en=raw.get("hazard_name_en"),
            indicator_zh=raw["indicator_zh"],
            indicator_en=raw.get("indicator_en"),
            value=float(limit["magnitude"]),
            unit=str(limit["unit"]),
            sampling_time=raw.get("sampling_time"),
            valid_from=_date(raw.get("valid_from")),
            amendment=raw.get("amendment"),
            **_common(raw),
        )

    def __repr__(self) -> str:
        return f"BiologicalLimit({self.hazard_name_zh!r}, {self.indicator_zh!r}: {self.value:g} {self.unit})"


@attrs.frozen(slots=True, repr=False)
class ExposureLevelClass:
    """A row of GBZ 2.1 table 5: exposure level as a share of the OEL and the control actions."""

    id: str
    level: str
    above_percent: float | None
    up_to_percent: float | None
    description_zh: str
    actions_zh: str
    source: Source
    verified: bool
    verified_by: str | None
    notes: str | None

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ExposureLevelClass:
        """One record as stored in the package's JSON format (``ohsreg.catalogue/1``)."""
        return cls(
            id=raw["id"],
            level=raw["level"],
            above_percent=raw.get("above_percent"),
            up_to_percent=raw.get("up_to_percent"),
            description_zh=raw["description_zh"],
            actions_zh=raw["actions_zh"],
            **_common(raw, names=False),
        )

    @property
    def name_zh(self) -> str:
        """The class description (the key shared with the other tables)."""
        return self.description_zh

    def __repr__(self) -> str:
        lo = "" if self.above_percent is None else f">{self.above_percent:g}% "
        hi = "" if self.up_to_percent is None else f"≤{self.up_to_percent:g}%"
        return f"ExposureLevelClass({self.level!r}, {lo}{hi} of OEL)".replace("  ", " ")


@attrs.frozen(slots=True, repr=False)
class PhysicalLimit:
    """A limit of GBZ 2.2-2007 (physical agents) in the standard's unit.

    ``magnitude`` and ``unit`` are the printed number and unit; ``value`` is the same as a typed value -
    a :class:`~ohsreg.units.SoundLevel` for noise (dB(A); impulse-noise peaks, printed as plain dB, as an
    unweighted (Z) peak level), a :class:`~ohsreg.units.Quantity` where :mod:`ohsreg.units` knows the unit
    (°C WBGT, m/s², V/m, A/m, mW/cm², μW/cm²), else ``None`` (doses such as μW·h/cm² or mJ/cm², heart
    rates, energy per day). Where the standard gives a formula (``400/t``) or a band, ``magnitude`` is
    ``None`` and ``formula`` holds it.
    """

    id: str
    factor_zh: str
    metric_zh: str
    magnitude: float | None
    value: Quantity | SoundLevel | None
    formula: str | None
    unit: str
    conditions_zh: str
    clause: str | None
    pinyin: str
    initials: str
    source: Source
    verified: bool
    verified_by: str | None
    notes: str | None
    parameters: tuple[tuple[str, str | float], ...] = ()
    """The row's conditions as typed values that rules select it by (``exposure_time_ratio`` and
    ``work_intensity`` for WBGT, ``max_impulses_per_day`` for impulse noise, ``metric`` for noise)."""

    @property
    def name_zh(self) -> str:
        """The physical agent's Chinese name (the key shared with the other tables)."""
        return self.factor_zh

    def param(self, name: str) -> str | float | None:
        """The value of one of :attr:`parameters` (``None`` if the row has no such condition)."""
        return next((v for k, v in self.parameters if k == name), None)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> PhysicalLimit:
        """One record as stored in the package's JSON format (``ohsreg.catalogue/1``)."""
        return cls(
            id=raw["id"],
            factor_zh=raw["factor_zh"],
            metric_zh=raw["metric_zh"],
            magnitude=None if raw.get("value") is None else float(raw["value"]["magnitude"]),
            value=_physical(raw.get("value")),
            formula=raw.get("formula"),
            unit=raw.get("unit", ""),
            conditions_zh=raw.get("conditions_zh", ""),
            clause=raw.get("clause"),
            parameters=tuple(sorted((raw.get("parameters") or {}).items())),
            **_common(raw),
        )

    def __repr__(self) -> str:
        if self.value is not None:
            shown = str(self.value)
        elif self.magnitude is not None:
            shown = f"{self.magnitude:g} {self.unit}"
        else:
            shown = f"{self.formula} {self.unit}".strip()
        return f"PhysicalLimit({self.factor_zh!r}, {self.metric_zh!r}: {shown}; {self.conditions_zh})"


@attrs.frozen(slots=True, repr=False)
class HighlyToxicSubstance:
    """An entry of 高毒物品目录 (卫法监发〔2003〕142号); the limits are those printed in the list."""

    id: str
    seq: int
    name_zh: str
    cas: tuple[str, ...]
    cas_printed: str | None
    mac: Quantity | None
    pc_twa: Quantity | None
    pc_stel: Quantity | None
    hazard_ids: tuple[str, ...]
    pinyin: str
    initials: str
    source: Source
    verified: bool
    verified_by: str | None
    notes: str | None

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> HighlyToxicSubstance:
        """One record as stored in the package's JSON format (``ohsreg.catalogue/1``)."""
        return cls(
            id=raw["id"],
            seq=int(raw["seq"]),
            name_zh=raw["name_zh"],
            cas=tuple(raw.get("cas", ())),
            cas_printed=raw.get("cas_printed"),
            mac=_q(raw.get("mac")),
            pc_twa=_q(raw.get("pc_twa")),
            pc_stel=_q(raw.get("pc_stel")),
            hazard_ids=tuple(raw.get("hazard_ids", ())),
            **_common(raw),
        )

    def __repr__(self) -> str:
        return f"HighlyToxicSubstance({self.seq}, {self.name_zh!r})"


@attrs.frozen(slots=True, repr=False)
class OccupationalDisease:
    """A disease of 职业病分类和目录 with its category (and sub-category for 尘肺病/其他呼吸系统疾病)."""

    id: str
    seq: int
    category_zh: str
    subcategory_zh: str | None
    name_zh: str
    open_clause: bool
    pinyin: str
    initials: str
    source: Source
    verified: bool
    verified_by: str | None
    notes: str | None

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> OccupationalDisease:
        """One record as stored in the package's JSON format (``ohsreg.catalogue/1``)."""
        return cls(
            id=raw["id"],
            seq=int(raw["seq"]),
            category_zh=raw["category_zh"],
            subcategory_zh=raw.get("subcategory_zh"),
            name_zh=raw["name_zh"],
            open_clause=bool(raw.get("open_clause", False)),
            **_common(raw),
        )

    def __repr__(self) -> str:
        return f"OccupationalDisease({self.name_zh!r}, {self.category_zh})"


@attrs.frozen(slots=True, repr=False)
class RiskDirectoryEntry:
    """A row of 建设项目职业病危害风险分类管理目录, keyed by GB/T 4754 industry code.

    Section and division rows carry no class (``risk_class`` is ``None``). Where the directory splits an
    industry without a code (e.g. A031 牲畜饲养: 牛、羊 严重, 其他 一般) the parts have synthetic codes
    ``A031-1``, ``A031-2`` and ``sub_item`` set. ``solvent_footnote`` marks the *-items that are managed as
    一般 when no listed solvents (苯、正己烷、1,2-二氯乙烷、三氯甲烷) are used.
    """

    id: str
    code: str
    industry_code: str
    section: str
    sub_item: int | None
    name_zh: str
    row_kind: str
    risk_class: RiskClass | None
    solvent_footnote: bool
    pinyin: str
    initials: str
    source: Source
    verified: bool
    verified_by: str | None
    notes: str | None

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> RiskDirectoryEntry:
        """One record as stored in the package's JSON format (``ohsreg.catalogue/1``)."""
        rc = raw.get("risk_class")
        return cls(
            id=raw["id"],
            code=raw["code"],
            industry_code=raw["industry_code"],
            section=raw["section"],
            sub_item=raw.get("sub_item"),
            name_zh=raw["name_zh"],
            row_kind=raw["row_kind"],
            risk_class=None if rc is None else RiskClass[rc],
            solvent_footnote=bool(raw.get("solvent_footnote", False)),
            **_common(raw),
        )

    def __repr__(self) -> str:
        rc = self.risk_class.code if self.risk_class else "-"
        star = "*" if self.solvent_footnote else ""
        return f"RiskDirectoryEntry({self.code!r}, {self.name_zh!r}, {rc}{star})"


@attrs.frozen(slots=True, repr=False)
class ExamIntervalEntry:
    """A periodic (in-service) examination interval of one GBZ 188 edition for one hazard factor.

    ``months`` is the plain interval; ``by_noise`` refines it by L_EX,8h band (lower bound in dB(A),
    months; highest band first) and ``by_grade`` by the grade of the work (lowest grade of the band as a
    ``HazardGrade`` code, months; highest grade first). ``names`` are the names and CAS numbers the factor
    is known by (resolved through the hazard catalogue by :mod:`ohsreg.rules.surveillance`).
    """

    id: str
    hazard_zh: str
    names: tuple[str, ...]
    months: int | None
    by_noise: tuple[tuple[float, int], ...]
    by_grade: tuple[tuple[str, int], ...]
    clause: str
    note: str
    source: Source
    verified: bool
    verified_by: str | None
    notes: str | None

    @property
    def name_zh(self) -> str:
        """The hazard as the standard names it (the key shared with the other tables)."""
        return self.hazard_zh

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ExamIntervalEntry:
        """One record as stored in the package's JSON format (``ohsreg.catalogue/1``)."""
        return cls(
            id=raw["id"],
            hazard_zh=raw["hazard_zh"],
            names=tuple(raw.get("names", ())),
            months=raw.get("months"),
            by_noise=tuple((float(a), int(b)) for a, b in raw.get("by_noise", ())),
            by_grade=tuple((str(a), int(b)) for a, b in raw.get("by_grade", ())),
            clause=raw.get("clause", ""),
            note=raw.get("note", ""),
            **_common(raw, names=False),
        )

    def __repr__(self) -> str:
        return f"ExamIntervalEntry({self.id!r}, months={self.months})"


@attrs.frozen(slots=True, repr=False)
class TrainingHours:
    """Minimum hours (学时) of one kind of occupational-health training for one role, and its cycle."""

    id: str
    role: str
    """``TraineeRole`` code: ``PRINCIPAL``, ``OH_MANAGER`` or ``WORKER``."""
    kind: str
    """``TrainingKind`` code: ``INITIAL`` or ``CONTINUING``."""
    hours: float
    cycle_months: int | None
    """Months between continuing trainings (``None``: not found)."""
    source: Source
    verified: bool
    verified_by: str | None
    notes: str | None

    @property
    def name_zh(self) -> str:
        """The key shared with the other tables (role/kind)."""
        return self.id

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> TrainingHours:
        """One record as stored in the package's JSON format (``ohsreg.catalogue/1``)."""
        return cls(
            id=raw["id"],
            role=raw["role"],
            kind=raw["kind"],
            hours=float(raw["hours"]),
            cycle_months=raw.get("cycle_months"),
            **_common(raw, names=False),
        )

    def __repr__(self) -> str:
        return f"TrainingHours({self.role}, {self.kind}: {self.hours:g} h)"
