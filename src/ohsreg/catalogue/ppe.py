"""PPE reference factors: assigned protection factors (GB/T 18664-2002 表1) and hearing-protector method
constants (GB/T 23466-2009), each row citing its table and the public copies it was checked against.

The files live in ``ohsreg/catalogue/data/ppe/`` (written by ``scripts/build_ppe_data.py``, not by the
catalogue build) and load on first use. Only factors found in a public source are shipped: of 表1, the two
自吸过滤式 rows (half mask APF 10, verified by two sources; full facepiece APF 100, one source, so
``verified=False``). The APFs of 送风过滤式, 供气式 and 携气式 were found in no public copy: they are listed
in :func:`apf_not_shipped`, and :func:`apf_for` returns ``None`` for them so that selection says so.

>>> apf_for("自吸过滤式", "半面罩").apf
10.0
>>> apf_for("SUPPLIED_AIR", "FULL_FACEPIECE", "POSITIVE") is None
True
>>> [row.name_zh for row in apf_not_shipped()]
['送风过滤式', '供气式', '携气式']
>>> hearing_factor("hml_breakpoint").value, hearing_factor("snr_derating").verified
(2.0, False)
"""

from __future__ import annotations

from typing import Any

import attrs

from ohsreg.catalogue._records import Source, _source
from ohsreg.catalogue._table import Table
from ohsreg.errors import UnknownEntry
from ohsreg.vocab.ppe import Facepiece, PressureMode, RespiratorClass

__all__ = [
    "APFEntry",
    "APFNotShipped",
    "HearingFactor",
    "apf_for",
    "apf_not_shipped",
    "apf_table",
    "hearing_factor",
    "hearing_factors",
]


def _provenance(raw: dict[str, Any]) -> dict[str, Any]:
    """The provenance fields every PPE factor carries (source, verification and its evidence)."""
    return {
        "source": _source(raw["source"]),
        "verified": bool(raw["verified"]),
        "verified_by": raw.get("verified_by"),
        "evidence": tuple(raw.get("evidence", ())),
        "notes": raw.get("notes"),
    }


@attrs.frozen(slots=True, repr=False)
class APFEntry:
    """One assigned protection factor (指定防护因数, APF) of GB/T 18664-2002 表1."""

    id: str
    """``CLASS/FACEPIECE/PRESSURE`` codes, e.g. ``SELF_PRIMING_FILTER/HALF_MASK/NEGATIVE``."""
    respirator_class: RespiratorClass
    facepiece: Facepiece
    pressure: PressureMode
    name_zh: str
    apf: float
    """The factor: the equipment suits a hazard ratio (C/OEL) below it."""
    source: Source
    verified: bool
    """True when two independent public copies agree on the value (see ``evidence``)."""
    verified_by: str | None
    evidence: tuple[str, ...]
    """The public copies the value was checked against."""
    notes: str | None = None

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> APFEntry:
        """Build from a record of the package file (``ppe/gbt18664_2002_apf.json``)."""
        return cls(
            id=raw["id"],
            respirator_class=RespiratorClass.parse(raw["respirator_class"], field="respirator_class"),
            facepiece=Facepiece.parse(raw["facepiece"], field="facepiece"),
            pressure=PressureMode.parse(raw["pressure"], field="pressure"),
            name_zh=raw["name_zh"],
            apf=float(raw["apf"]),
            **_provenance(raw),
        )

    def cite(self) -> str:
        """``GB/T 18664-2002 表1 (自吸过滤式 半面罩（负压式）)``."""
        return f"{self.source.edition} {self.source.table} ({self.name_zh})"

    def __repr__(self) -> str:
        flag = "" if self.verified else ", unverified"
        return f"APFEntry({self.name_zh!r}, APF {self.apf:g}{flag})"


@attrs.frozen(slots=True)
class APFNotShipped:
    """A respirator class of GB/T 18664-2002 whose 表1 APFs are not shipped, and why."""

    respirator_class: RespiratorClass
    name_zh: str
    reason: str


@attrs.frozen(slots=True, repr=False)
class HearingFactor:
    """One method constant of hearing-protector selection (GB/T 23466-2009), with its evidence."""

    id: str
    name_zh: str
    value: float
    unit: str
    source: Source
    verified: bool
    verified_by: str | None
    evidence: tuple[str, ...]
    notes: str | None = None

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> HearingFactor:
        """Build from a record of the package file (``ppe/gbt23466_2009_hearing.json``)."""
        return cls(
            id=raw["id"],
            name_zh=raw["name_zh"],
            value=float(raw["value"]),
            unit=str(raw["unit"]),
            **_provenance(raw),
        )

    def __repr__(self) -> str:
        return f"HearingFactor({self.id!r}, {self.value:g} {self.unit})"


def _apf_keys(rec: APFEntry) -> list[tuple[str, str]]:
    return [("id", rec.id), ("zh", rec.name_zh)]


def _factor_keys(rec: HearingFactor) -> list[tuple[str, str]]:
    return [("id", rec.id), ("zh", rec.name_zh)]


#: GB/T 18664-2002 表1: the assigned protection factors shipped (2 rows; see :func:`apf_not_shipped`).
apf_table: Table[APFEntry] = Table(
    "gbt18664_2002_apf", APFEntry.from_dict, package_file="ppe/gbt18664_2002_apf.json", keys=_apf_keys
)
#: GB/T 23466-2009: HML and SNR method constants and the informative best range after protection.
hearing_factors: Table[HearingFactor] = Table(
    "gbt23466_2009_hearing",
    HearingFactor.from_dict,
    package_file="ppe/gbt23466_2009_hearing.json",
    keys=_factor_keys,
)

#: The pressure mode a class has when only one exists (GB/T 18664-2002 classification).
_ONLY_MODE = {
    RespiratorClass.SELF_PRIMING_FILTER: PressureMode.NEGATIVE,
    RespiratorClass.POWERED_FILTER: PressureMode.POSITIVE,
}


def default_pressure(respirator_class: RespiratorClass) -> PressureMode | None:
    """The only pressure mode of a class (自吸过滤式: 负压式; 送风过滤式: 正压式), else ``None``."""
    return _ONLY_MODE.get(respirator_class)


def apf_for(
    respirator_class: RespiratorClass | str,
    facepiece: Facepiece | str,
    pressure: PressureMode | str | None = None,
) -> APFEntry | None:
    """The shipped APF row for a respirator, or ``None`` when 表1 has no shipped value for it.

    ``pressure`` may be omitted for the classes that have one mode (自吸过滤式, 送风过滤式). Codes,
    Chinese or English labels are accepted (``vocab.unknown`` otherwise).
    """
    cls = RespiratorClass.parse(respirator_class, field="respirator_class")
    face = Facepiece.parse(facepiece, field="facepiece")
    mode = default_pressure(cls) if pressure is None else PressureMode.parse(pressure, field="pressure")
    if mode is None:
        return None
    return apf_table.get(f"{cls.code}/{face.code}/{mode.code}")


def apf_not_shipped() -> tuple[APFNotShipped, ...]:
    """The classes of GB/T 18664-2002 whose APFs are not shipped, with the reason (file header)."""
    rows = apf_table.header.get("not_shipped", [])
    return tuple(
        APFNotShipped(
            respirator_class=RespiratorClass.parse(r["respirator_class"], field="respirator_class"),
            name_zh=str(r["name_zh"]),
            reason=str(r["reason"]),
        )
        for r in rows
    )


def hearing_factor(factor_id: str) -> HearingFactor:
    """The hearing-protection constant ``factor_id`` (``catalogue.unknown`` with the ids otherwise)."""
    found = hearing_factors.get(factor_id)
    if found is None or found.id != factor_id:
        raise UnknownEntry(
            "no hearing-protection factor {value!r}",
            rule="catalogue.unknown",
            field="factor_id",
            hint="available: {ids}",
            value=factor_id,
            ids=", ".join(r.id for r in hearing_factors),
            suggestions=[r.id for r in hearing_factors],
        )
    return found
