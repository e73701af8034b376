"""Exposure limits of GBZ 2.1: :func:`limits_for`, :class:`LimitSet` and :func:`limit_regime`.

The edition that answers comes from :mod:`ohsreg.instruments` (``edition=``, ``as_of=`` or
:data:`DEFAULT_LIMIT_EDITION`), with the amendments in force or pinned. Part of :mod:`ohsreg.catalogue`,
which re-exports the public names.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

import ohsreg.instruments as instruments
from ohsreg.catalogue._editions import _not_in_force, _unknown_edition
from ohsreg.catalogue._records import BiologicalLimit, DustLimit, ExposureLimit, HazardFactor
from ohsreg.catalogue._shipped import (
    biological_agent_limits,
    biological_limits,
    chemical_limits,
    chemical_limits_2007,
    dust_limits,
    dust_limits_2007,
    hazards,
)
from ohsreg.catalogue._table import Table, _strip_qualifiers, check_arg, fold
from ohsreg.errors import EditionError, OhsregError, UnknownEntry
from ohsreg.instruments import EditionState, Instrument
from ohsreg.units import Quantity

#: Edition of the chemical exposure limits used when neither ``edition`` nor ``as_of`` is given.
DEFAULT_LIMIT_EDITION = "GBZ 2.1-2019"


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
    return [EditionState(inst, inst.amendments[:n]).name for n in range(len(inst.amendments) + 1)]


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
        amendment_state=EditionState(inst, tuple(a for a in inst.amendments if a.id in applied)).name,
    )
