"""What changed between two editions of a reference table: added, removed and changed rows, both values,
both sources.

Families and their editions come from :mod:`ohsreg.instruments` (an amendment state is written as the
registry writes it: ``"GBZ 2.1-2019+XG1+XG2"``); an edition whose table is not shipped raises
``changes.edition_not_shipped``:

===================================  ===================================================================
family                               editions compared (rows)
===================================  ===================================================================
``GBZ 2.1``                          ``GBZ 2.1-2007``, ``GBZ 2.1-2019``, ``GBZ 2.1-2019+XG1``,
                                     ``GBZ 2.1-2019+XG1+XG2`` (表1 and 表2: MAC, PC-TWA, PC-STEL, dust
                                     PC-TWA total/respirable); ``GBZ 2-2002`` is not shipped
``职业病分类和目录``                 ``2013``, ``2024`` (category and sub-category of each disease)
``建设项目职业病危害风险分类管理目录``  ``2012`` (not shipped), ``2021`` (class of each industry row)
``GBZ 188``                          ``GBZ 188-2014``, ``GBZ 188-2025`` (in-service exam intervals);
                                     ``GBZ 188-2007`` is not shipped
===================================  ===================================================================

Rows are matched by their key (GBZ 2.1: table, Chinese name and sub-condition, then CAS for renamed
entries; diseases: name; directory: code; GBZ 188: the hazard). A row on one side only is *added* or
*removed* when the other side's table is complete; when the other side is partial (GBZ 188 intervals are
shipped for some hazards only) or lists the row as a known gap, it is *not compared* (``NOT_SHIPPED``)
rather than called removed.

>>> d = diff("GBZ 2.1", "GBZ 2.1-2019", "GBZ 2.1-2019+XG1")
>>> [(c.kind.code, c.key, c.fields) for c in d.rows]
[('CHANGED', '表1 苯', ('PC-TWA', 'PC-STEL'))]
>>> [(str(c.before["PC-TWA"]), str(c.after["PC-TWA"])) for c in d.changed]
[('6 mg/m³', '3 mg/m³')]
>>> d.counts()
{'ADDED': 0, 'REMOVED': 0, 'CHANGED': 1, 'RENAMED': 0, 'NOT_SHIPPED': 0, 'UNCHANGED': 396}
>>> diff("职业病分类和目录", "2013", "2024").counts()["ADDED"]
4
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from ohsreg.errors import EditionError, UnknownEntry
from ohsreg.vocab import LabeledEnum

__all__ = [
    "ChangeKind",
    "EditionDiff",
    "RowChange",
    "diff",
    "editions",
    "families",
    "limit_state_on",
]


class ChangeKind(LabeledEnum):
    """How a row differs between two editions."""

    ADDED = ("ADDED", "新增", "added")
    REMOVED = ("REMOVED", "删除", "removed")
    CHANGED = ("CHANGED", "修改", "changed")
    RENAMED = ("RENAMED", "更名", "renamed (same values)")
    NOT_SHIPPED = ("NOT_SHIPPED", "未比较（未收录）", "not compared (not shipped)")
    """On one side only while the other side's table is partial, or differing only in values one side
    does not know."""


@attrs.frozen(slots=True)
class _Row:
    key: str
    values: Mapping[str, Any]
    source: str
    alt_keys: tuple[str, ...] = ()
    """Other keys the row may be matched by across editions (CAS numbers, then the name without its
    parenthesised part)."""
    unknown: frozenset[str] = frozenset()
    """Fields whose value this edition's table does not know (left empty by the transcription)."""


@attrs.frozen(slots=True)
class _Side:
    """The rows of one edition, and whether the table is complete (else absent rows are not compared)."""

    edition: str
    rows: tuple[_Row, ...]
    complete: bool
    gaps: tuple[str, ...] = ()
    """Names the tables list as known gaps (a row whose name contains one is absent, not removed)."""
    scope: str = ""
    partial_tables: frozenset[str] = frozenset()
    """Tables (``表2``) shipped in part only: their absent rows are not compared."""

    def lacks(self, key: str) -> bool:
        """Whether a row with ``key`` would be missing here because this side is partial or has a gap."""
        if not self.complete or key.split(" ", 1)[0] in self.partial_tables:
            return True
        return any(gap in key for gap in self.gaps)


@attrs.frozen(slots=True)
class RowChange:
    """One row that differs: its key, how, the fields that changed, both values and both sources."""

    kind: ChangeKind
    key: str
    """The row as the tables name it (e.g. ``表1 苯``, a disease, an industry code, a hazard)."""
    fields: tuple[str, ...]
    """The fields whose values differ (empty for added and removed rows)."""
    before: Mapping[str, Any] | None
    """The row's values in edition A (``None`` when it is not there)."""
    after: Mapping[str, Any] | None
    """The row's values in edition B (``None`` when it is not there)."""
    source_a: str | None
    source_b: str | None

    def cells(self) -> list[dict[str, str]]:
        """One flat record per changed field (or one for an added/removed row): for tables and CSV."""
        values = self.after or self.before or {}
        names = self.fields or tuple(k for k, v in values.items() if v is not None) or ("",)
        out = []
        for name in names:
            out.append(
                {
                    "change": self.kind.code,
                    "key": self.key,
                    "field": name,
                    "before": _text((self.before or {}).get(name)),
                    "after": _text((self.after or {}).get(name)),
                    "source_a": self.source_a or "",
                    "source_b": self.source_b or "",
                }
            )
        return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    label = getattr(value, "label", None)
    if callable(label):
        return str(label())
    return str(value)


@attrs.frozen(slots=True, repr=False)
class EditionDiff:
    """The rows that differ between two editions of one family, and how many are the same."""

    family: str
    edition_a: str
    edition_b: str
    rows: tuple[RowChange, ...]
    unchanged: int
    scope: str
    """What was compared (tables and fields)."""

    @property
    def added(self) -> tuple[RowChange, ...]:
        """Rows only in edition B (its table is complete on this side)."""
        return self._of(ChangeKind.ADDED)

    @property
    def removed(self) -> tuple[RowChange, ...]:
        """Rows only in edition A."""
        return self._of(ChangeKind.REMOVED)

    @property
    def changed(self) -> tuple[RowChange, ...]:
        """Rows in both editions whose values differ (a renamed row included when its values differ)."""
        return self._of(ChangeKind.CHANGED)

    @property
    def renamed(self) -> tuple[RowChange, ...]:
        """Rows matched by CAS across a change of name, with the same values."""
        return self._of(ChangeKind.RENAMED)

    def _of(self, kind: ChangeKind) -> tuple[RowChange, ...]:
        return tuple(r for r in self.rows if r.kind is kind)

    def counts(self) -> dict[str, int]:
        """Rows per kind of change, and the rows that are the same."""
        out = {kind.code: len(self._of(kind)) for kind in ChangeKind}
        out["UNCHANGED"] = self.unchanged
        return out

    def cells(self) -> list[dict[str, str]]:
        """Every change as flat records (change, key, field, before, after, sources)."""
        return [cell for row in self.rows for cell in row.cells()]

    def explain(self, locale: str | None = None) -> str:
        """One sentence: the editions and the counts."""
        from ohsreg.i18n import gettext

        c = self.counts()
        return gettext(
            "{family}: {a} → {b}: {added} added, {removed} removed, {changed} changed, "
            "{renamed} renamed, {not_shipped} not compared, {unchanged} unchanged ({scope})",
            locale,
        ).format(
            family=self.family,
            a=self.edition_a,
            b=self.edition_b,
            added=c["ADDED"],
            removed=c["REMOVED"],
            changed=c["CHANGED"],
            renamed=c["RENAMED"],
            not_shipped=c["NOT_SHIPPED"],
            unchanged=c["UNCHANGED"],
            scope=self.scope,
        )

    def __repr__(self) -> str:
        c = self.counts()
        return (
            f"EditionDiff({self.family!r}, {self.edition_a!r} -> {self.edition_b!r}: "
            f"+{c['ADDED']} -{c['REMOVED']} ~{c['CHANGED']})"
        )


# ---------------------------------------------------------------------------------------- the families
_LIMIT_FIELDS = (("MAC", "mac"), ("PC-TWA", "pc_twa"), ("PC-STEL", "pc_stel"))
_DUST_FIELDS = (("PC-TWA 总尘", "pc_twa_total"), ("PC-TWA 呼尘", "pc_twa_respirable"))
_LIMITS_SCOPE = "GBZ 2.1 表1 MAC/PC-TWA/PC-STEL, 表2 PC-TWA 总尘/呼尘"


_LEFT_EMPTY = re.compile(r"([A-Z][A-Z/-]*) left empty")
_PARENS = re.compile(r"（[^）]*）|\([^)]*\)")


def _limit_row(table: str, rec: Any, fields: tuple[tuple[str, str], ...]) -> _Row:
    name = rec.name_zh if not rec.sub_condition else f"{rec.name_zh}（{rec.sub_condition}）"
    cond = f" {rec.sub_condition}" if rec.sub_condition else ""
    cas = tuple(f"{table} CAS {c}{cond}" for c in rec.cas)
    stem = _PARENS.sub("", rec.name_zh).strip()
    # a transcription that could not read a value says so in the notes ("PC-TWA/PC-STEL left empty")
    unknown = {f for m in _LEFT_EMPTY.finditer(rec.notes or "") for f in m.group(1).split("/")}
    return _Row(
        key=f"{table} {name}",
        values={label: getattr(rec, attr) for label, attr in fields},
        source=rec.source.cite(),
        alt_keys=(*cas, f"{table} ~{stem}{cond}"),
        unknown=frozenset(unknown),
    )


def _named_gaps(header: Any) -> tuple[str, ...]:
    """The known gaps of a table header that name entries (``氮氧化物/二氧化氮`` gives two names)."""
    names = [g for g in header.get("known_gaps", []) if not any(ch.isdigit() or ch == " " for ch in g)]
    return tuple(part for g in names for part in g.split("/"))


def _partial(header: Any) -> bool:
    """A table is partial when more entries are missing than its known gaps name."""
    official, shipped = header.get("official_count"), header.get("entries_shipped")
    if official is None or shipped is None:
        return False
    return int(official) - int(shipped) > len(_named_gaps(header))


def _limit_side(edition: str, chem: Any, dust: Any, as_of: dt.date | None) -> _Side:
    rows = [_limit_row("表1", r, _LIMIT_FIELDS) for r in chem if as_of is None or r.in_force(as_of)]
    rows += [_limit_row("表2", r, _DUST_FIELDS) for r in dust]
    partial = frozenset(t for t, table in (("表1", chem), ("表2", dust)) if _partial(table.header))
    gaps = (*_named_gaps(chem.header), *_named_gaps(dust.header))
    return _Side(edition, tuple(rows), complete=True, gaps=gaps, scope=_LIMITS_SCOPE, partial_tables=partial)


def _gbz21_2019(amendment: int) -> _Side:
    """GBZ 2.1-2019 with its first ``amendment`` amendments applied: the rows in force on the day the
    last of them took effect (its first possible day; the edition's own first day for none)."""
    from ohsreg import catalogue, instruments

    inst = instruments.lookup("GBZ 2.1-2019")
    ids = [a.id for a in inst.amendments]
    if amendment > len(ids):
        raise _not_shipped("GBZ 2.1", f"GBZ 2.1-2019+XG{amendment}")
    as_of = inst.first_day if amendment == 0 else inst.amendments[amendment - 1].first_day
    edition = "+".join(["GBZ 2.1-2019", *ids[:amendment]])
    return _limit_side(edition, catalogue.chemical_limits, catalogue.dust_limits, as_of)


def _gbz21_2007() -> _Side:
    from ohsreg import catalogue

    return _limit_side("GBZ 2.1-2007", catalogue.chemical_limits_2007, catalogue.dust_limits_2007, None)


_ORDINAL = re.compile(r"^[（(]?[一二三四五六七八九十]+[）)、]\s*")


def _heading(text: str | None) -> str | None:
    """A category heading without its ordinal (``十、其他职业病`` -> ``其他职业病``): a list that adds
    categories renumbers the others, which is not a change of the disease's category."""
    return None if text is None else _ORDINAL.sub("", text)


def _diseases(edition: str) -> _Side:
    from ohsreg import catalogue

    table = catalogue.diseases_in_force(edition=edition)
    rows = tuple(
        _Row(
            key=r.name_zh,
            values={"category": _heading(r.category_zh), "subcategory": _heading(r.subcategory_zh)},
            source=r.source.cite(),
        )
        for r in table
    )
    return _Side(
        edition, rows, complete=True, scope="职业病分类和目录: category, sub-category (without ordinals)"
    )


def _risk_directory(edition: str) -> _Side:
    from ohsreg import catalogue

    table = {"2021": catalogue.risk_directory, "2012": catalogue.risk_directory_2012}[edition]
    if not table.header.get("entries_shipped"):
        raise _not_shipped("建设项目职业病危害风险分类管理目录", edition)
    rows = tuple(
        _Row(key=r.code, values={"risk_class": r.risk_class, "name": r.name_zh}, source=r.source.cite())
        for r in table
        if r.risk_class is not None
    )
    return _Side(edition, rows, complete=True, scope="risk class of each classified row")


def _gbz188(edition: str) -> _Side:
    from ohsreg.rules import surveillance

    rules = surveillance.interval_rules(edition)  # () for an edition whose intervals are not shipped
    if not rules:
        raise _not_shipped("GBZ 188", edition)
    rows = tuple(
        _Row(
            key=r.hazard,
            values={
                "months": r.months,
                "by_noise": _bands(r.by_noise, "≥{} dB(A)"),
                "by_grade": _bands(r.by_grade, "≥{}"),
            },
            source=r.clause or r.source,
        )
        for r in rules
    )
    # intervals are shipped for some hazards only: a hazard on one side is not compared
    return _Side(edition, rows, complete=False, scope="GBZ 188 in-service examination intervals")


def _bands(bands: tuple[tuple[Any, int], ...], lower: str) -> str | None:
    """Interval bands as text, highest first: ``≥85 dB(A): 12 months; ≥80 dB(A): 24 months``."""
    if not bands:
        return None
    return "; ".join(f"{lower.format(getattr(b, 'roman', b))}: {m} months" for b, m in bands)


_Loader = Callable[[], _Side]


def _disease_loader(edition: str) -> _Loader:
    return lambda: _diseases(edition)


def _risk_loader(edition: str) -> _Loader:
    return lambda: _risk_directory(edition)


def _gbz188_loader(edition: str) -> _Loader:
    return lambda: _gbz188(edition)


def _gbz21_loader(edition: str) -> _Loader:
    if edition == "GBZ 2.1-2007":
        return _gbz21_2007
    if edition.startswith("GBZ 2.1-2019"):
        return lambda: _gbz21_2019(edition.count("+"))
    return functools.partial(_unshipped, "GBZ 2.1", edition)  # GBZ 2-2002


def _unshipped(family: str, edition: str) -> _Side:
    """The loader of an edition the registry knows but whose table is not shipped."""
    raise _not_shipped(family, edition)


#: family shown -> (family in :mod:`ohsreg.instruments`, edition name -> loader, short edition names).
_REGISTRY: dict[str, tuple[str, Callable[[str], _Loader], Callable[[str], str]]] = {
    "GBZ 2.1": ("GBZ 2.1", _gbz21_loader, lambda instrument_id: instrument_id),
    "职业病分类和目录": (
        "disease catalogue",
        _disease_loader,
        lambda instrument_id: instrument_id.rsplit(" ", 1)[1],
    ),
    "建设项目职业病危害风险分类管理目录": (
        "risk directory",
        _risk_loader,
        lambda instrument_id: instrument_id.rsplit(" ", 1)[1],
    ),
    "GBZ 188": ("GBZ 188", _gbz188_loader, lambda instrument_id: instrument_id),
}
_ALIASES = {
    "gbz 2.1": "GBZ 2.1",
    "limits": "GBZ 2.1",
    "diseases": "职业病分类和目录",
    "disease catalogue": "职业病分类和目录",
    "risk directory": "建设项目职业病危害风险分类管理目录",
    "risk_directory": "建设项目职业病危害风险分类管理目录",
    "gbz 188": "GBZ 188",
    "surveillance": "GBZ 188",
}


@functools.cache
def _editions_of(family: str) -> dict[str, _Loader]:
    """The editions of ``family`` the instruments registry knows (GBZ 2.1: every amendment state too),
    oldest first, each with the loader of its rows."""
    from ohsreg import instruments

    registry_family, loader, short = _REGISTRY[family]
    out: dict[str, _Loader] = {}
    for inst in instruments.editions(registry_family):
        name = short(inst.id)
        out[name] = loader(name)
        ids = [a.id for a in inst.amendments]
        for n in range(1, len(ids) + 1):
            state = "+".join([name, *ids[:n]])
            out[state] = loader(state)
    return out


def limit_state_on(as_of: dt.date) -> str | None:
    """The GBZ 2.1 edition and amendment state in force on ``as_of`` (``"GBZ 2.1-2019+XG1"``), as
    :func:`ohsreg.instruments` records it and :func:`diff` names it; ``None`` before the first edition.
    Inside an amendment's unverified window it raises :class:`~ohsreg.errors.EditionError`
    (``instruments.date_unverified``) rather than guess.

    >>> limit_state_on(dt.date(2019, 6, 1)), limit_state_on(dt.date(2024, 6, 1))
    ('GBZ 2.1-2007', 'GBZ 2.1-2019+XG1')
    """
    from ohsreg import instruments

    inst = instruments.in_force("GBZ 2.1", as_of)
    return None if inst is None else str(inst.state_on(as_of))


def families() -> tuple[str, ...]:
    """The families :func:`diff` compares."""
    return tuple(_REGISTRY)


def _family(name: str) -> str:
    if name in _REGISTRY:
        return name
    found = _ALIASES.get(str(name).strip().casefold())
    if found is None:
        raise UnknownEntry(
            "no family {value!r} to compare",
            rule="changes.family",
            field="family",
            hint="families: {names}",
            value=name,
            names=", ".join(_REGISTRY),
            suggestions=list(_REGISTRY),
        )
    return found


def editions(family: str) -> tuple[str, ...]:
    """The editions (and amendment states) of ``family`` that :func:`diff` knows, oldest first; some may
    not be shipped (``diff`` then raises ``changes.edition_not_shipped``)."""
    return tuple(_editions_of(_family(family)))


def _not_shipped(family: str, edition: str) -> EditionError:
    return EditionError(
        "{edition} of {family} is not shipped, so it cannot be compared",
        rule="changes.edition_not_shipped",
        field="edition",
        hint="see ohsreg.catalogue.coverage() for what is shipped",
        edition=edition,
        family=family,
    )


@functools.lru_cache(maxsize=32)
def _side(family: str, edition: str) -> _Side:
    """The rows of one edition, built once (the shipped tables do not change while the process runs)."""
    loaders = _editions_of(family)
    if edition not in loaders:
        raise EditionError(
            "{family} has no edition {edition!r}",
            rule="changes.edition",
            field="edition",
            hint="editions: {names}",
            family=family,
            edition=edition,
            names=", ".join(loaders),
        )
    return loaders[edition]()


def diff(family: str, edition_a: str, edition_b: str) -> EditionDiff:
    """The rows of ``family`` that differ from ``edition_a`` to ``edition_b`` (see the module table).

    Raises :class:`~ohsreg.errors.UnknownEntry` (``changes.family``) for an unknown family and
    :class:`~ohsreg.errors.EditionError` (``changes.edition``, ``changes.edition_not_shipped``) for an
    unknown or unshipped edition.
    """
    name = _family(family)
    a, b = _side(name, edition_a), _side(name, edition_b)
    return _compare(name, a, b)


def _compare(family: str, a: _Side, b: _Side) -> EditionDiff:
    by_key_b = {r.key: r for r in b.rows}
    matched: dict[str, _Row] = {}
    for row in a.rows:
        if row.key in by_key_b:
            matched[row.key] = by_key_b[row.key]
    # entries renamed between editions: match the rest by CAS (same table and sub-condition)
    left_a = [r for r in a.rows if r.key not in matched]
    taken = {m.key for m in matched.values()}
    alt_b = {k: r for r in b.rows if r.key not in taken for k in r.alt_keys}
    pairs: list[tuple[_Row, _Row]] = [(r, by_key_b[r.key]) for r in a.rows if r.key in matched]
    for row in left_a:
        other = next((alt_b[k] for k in row.alt_keys if k in alt_b and alt_b[k].key not in taken), None)
        if other is not None:
            pairs.append((row, other))
            taken.add(other.key)
    paired_a = {ra.key for ra, _ in pairs}
    changes: list[RowChange] = []
    unchanged = 0
    for ra, rb in pairs:
        differ = [f for f in _union(ra.values, rb.values) if ra.values.get(f) != rb.values.get(f)]
        fields = tuple(f for f in differ if f not in ra.unknown | rb.unknown)
        renamed = ra.key != rb.key
        if not differ and not renamed:
            unchanged += 1
            continue
        if fields:
            kind = ChangeKind.CHANGED
        elif differ:  # only values one side does not know differ: nothing to compare
            kind, fields = ChangeKind.NOT_SHIPPED, tuple(differ)
        else:
            kind = ChangeKind.RENAMED
        before = {"name": ra.key, **ra.values} if renamed else dict(ra.values)
        after = {"name": rb.key, **rb.values} if renamed else dict(rb.values)
        fields = ("name", *fields) if renamed else fields
        changes.append(RowChange(kind, rb.key, fields, before, after, ra.source, rb.source))
    for ra in a.rows:
        if ra.key in paired_a:
            continue
        kind = ChangeKind.NOT_SHIPPED if b.lacks(ra.key) else ChangeKind.REMOVED
        changes.append(RowChange(kind, ra.key, (), dict(ra.values), None, ra.source, None))
    for rb in b.rows:
        if rb.key in taken or rb.key in matched:
            continue
        kind = ChangeKind.NOT_SHIPPED if a.lacks(rb.key) else ChangeKind.ADDED
        changes.append(RowChange(kind, rb.key, (), None, dict(rb.values), None, rb.source))
    return EditionDiff(
        family=family,
        edition_a=a.edition,
        edition_b=b.edition,
        rows=tuple(changes),
        unchanged=unchanged,
        scope=a.scope or b.scope,
    )


def _union(x: Mapping[str, Any], y: Mapping[str, Any]) -> Iterable[str]:
    return list(dict.fromkeys([*x, *y]))
