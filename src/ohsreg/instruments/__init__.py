"""The instruments ohsreg applies: every law, order, notice and standard, its editions, dates and amendments.

One data file (``ohsreg/instruments/data/instruments.json``, loaded on first use, thread-safe) answers
"which edition of X was in force on d" for every X the library applies. Each :class:`Instrument` carries
its number and titles, when it was issued, in force and superseded, its amendments with their own dates,
and whether the in-force date is verified (``verified``, ``evidence``). Rules cite articles through
:class:`Clause`, whose :meth:`Clause.cite` is the one citation format of the library.

Where the day of entry into force is unknown, the instrument (or amendment) has ``in_force=None`` and an
``in_force_window``: asking about a date inside it raises :class:`~ohsreg.errors.EditionError`
(``instruments.date_unverified``) instead of guessing.

>>> import datetime as dt
>>> from ohsreg import instruments
>>> instruments.in_force("GBZ 2.1", dt.date(2019, 6, 1)).id
'GBZ 2.1-2007'
>>> [e.id for e in instruments.editions("GBZ 2.1")]
['GBZ 2-2002', 'GBZ 2.1-2007', 'GBZ 2.1-2019']
>>> instruments.lookup("GBZ 2.1-2019").state_on(dt.date(2024, 1, 1))
'GBZ 2.1-2019+XG1'
>>> instruments.clause("NHC Order 5", "第二十条").cite()
'国家卫生健康委令第5号《工作场所职业卫生管理规定》第二十条'
>>> instruments.clause("GBZ 2.1-2019", "6.3.3", note="clause number unverified").cite()
'GBZ 2.1-2019 6.3.3 (clause number unverified)'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from collections.abc import Callable
from importlib import resources
from typing import Any

import attrs

from ohsreg.errors import EditionError, UnknownEntry

__all__ = [
    "FORMAT",
    "Amendment",
    "CitesClause",
    "Clause",
    "EditionState",
    "Instrument",
    "all_instruments",
    "cite",
    "clause",
    "clause_of",
    "clauses_of",
    "data_version",
    "deprecated_dates",
    "editions",
    "families",
    "get",
    "in_force",
    "in_force_date",
    "lookup",
    "resolve",
]

FORMAT = "ohsreg.instruments/1"
"""The format tag of the instruments data file."""


def _date(raw: str | None) -> dt.date | None:
    return None if raw is None else dt.date.fromisoformat(raw)


def _window(raw: list[str] | None) -> tuple[dt.date, dt.date] | None:
    if raw is None:
        return None
    return dt.date.fromisoformat(raw[0]), dt.date.fromisoformat(raw[1])


def _first_day(start: dt.date | None, window: tuple[dt.date, dt.date] | None) -> dt.date:
    if start is not None:
        return start
    assert window is not None
    return window[0]


def _check_date(as_of: Any) -> dt.date:
    if not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime):
        from ohsreg.errors import InvalidFormat

        raise InvalidFormat(
            "{field_name} must be {expected}, not {type}",
            rule="instruments.argument_type",
            field="as_of",
            field_name="as_of",
            expected="date",
            type=type(as_of).__name__,
        )
    return as_of


def _starts_on(
    name: str, start: dt.date | None, window: tuple[dt.date, dt.date] | None, as_of: dt.date
) -> bool:
    """Whether something that entered into force on ``start`` (or on an unknown day of ``window``) was in
    force on ``as_of``; inside the window the answer is unknown and an error says so."""
    if start is not None:
        return start <= as_of
    assert window is not None, name
    first, last = window
    if as_of < first:
        return False
    if as_of > last:
        return True
    raise EditionError(
        "whether {name} was in force on {as_of} is not known: its day of entry into force is unverified",
        rule="instruments.date_unverified",
        field="as_of",
        hint="it entered into force on an unknown day from {first} to {last}; pass a date outside that window",
        name=name,
        as_of=as_of.isoformat(),
        first=first.isoformat(),
        last=last.isoformat(),
    )


@attrs.frozen(slots=True, repr=False)
class Amendment:
    """An amendment (修改单, 修正, 修改决定) of an instrument, with its own dates and evidence.

    ``id`` is short and unique within the instrument (``XG1``, ``2018``, ``Order 11``); the amendment state
    of an edition is written ``"<edition>+<id>"`` (``"GBZ 2.1-2019+XG1"``). ``citation`` is how the amended
    text is cited (``职业病防治法（2018年修正）``).
    """

    id: str
    name_zh: str
    name_en: str
    citation: str
    issued: dt.date | None
    in_force: dt.date | None
    """First day in force; ``None`` when only ``in_force_window`` is known."""
    in_force_window: tuple[dt.date, dt.date] | None
    """First and last day on which it may have entered into force, when the day itself is unknown."""
    verified: bool
    """Whether the in-force date is verified."""
    changes: str
    evidence: str

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Amendment:
        """One amendment as stored in the data file."""
        return cls(
            id=raw["id"],
            name_zh=raw["name_zh"],
            name_en=raw["name_en"],
            citation=raw["citation"],
            issued=_date(raw.get("issued")),
            in_force=_date(raw.get("in_force")),
            in_force_window=_window(raw.get("in_force_window")),
            verified=bool(raw["verified"]),
            changes=raw.get("changes") or "",
            evidence=raw["evidence"],
        )

    @property
    def first_day(self) -> dt.date:
        """The in-force date, or the first day of its window when the day is unknown."""
        return _first_day(self.in_force, self.in_force_window)

    def applies_on(self, as_of: dt.date) -> bool:
        """Whether the amendment was in force on ``as_of`` (``instruments.date_unverified`` in its window)."""
        return _starts_on(self.citation, self.in_force, self.in_force_window, _check_date(as_of))

    def __repr__(self) -> str:
        return f"Amendment({self.id!r}, in_force={self.in_force or self.in_force_window})"


@attrs.frozen(slots=True, repr=False)
class Instrument:
    """A law, order, notice or standard in one edition, with its dates, amendments and evidence.

    ``family`` groups the editions of one instrument (``"GBZ 2.1"``, ``"workplace order"``); ``until`` is
    the last day in force (``None`` while in force). ``shipped`` says whether ohsreg encodes its rules or
    tables (a predecessor may be listed only so that dates before its successor get a clear answer).
    """

    id: str
    """The key used everywhere in ohsreg (``"GBZ 2.1-2019"``, ``"NHC Order 5"``)."""
    family: str
    kind: str
    """``standard``, ``law``, ``order``, ``notice`` or ``plan``."""
    citation: str
    """How the instrument is cited (``国家卫生健康委令第5号《工作场所职业卫生管理规定》``)."""
    aliases: tuple[str, ...]
    title_zh: str
    title_en: str
    issuer_zh: str
    document_number: str | None
    issued: dt.date | None
    in_force: dt.date | None
    """First day in force; ``None`` when only ``in_force_window`` is known."""
    in_force_window: tuple[dt.date, dt.date] | None
    """First and last day on which it may have entered into force, when the day itself is unknown."""
    until: dt.date | None
    """Last day in force (inclusive); ``None`` while in force."""
    supersedes: str | None
    superseded_by: str | None
    shipped: bool
    verified: bool
    """Whether the in-force date is verified (``evidence`` names the sources)."""
    issued_verified: bool
    evidence: str
    amendments: tuple[Amendment, ...]

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Instrument:
        """One record as stored in the data file (``ohsreg.instruments/1``)."""
        return cls(
            id=raw["id"],
            family=raw["family"],
            kind=raw["kind"],
            citation=raw["citation"],
            aliases=tuple(raw.get("aliases", ())),
            title_zh=raw["title_zh"],
            title_en=raw["title_en"],
            issuer_zh=raw["issuer_zh"],
            document_number=raw.get("document_number"),
            issued=_date(raw.get("issued")),
            in_force=_date(raw.get("in_force")),
            in_force_window=_window(raw.get("in_force_window")),
            until=_date(raw.get("until")),
            supersedes=raw.get("supersedes"),
            superseded_by=raw.get("superseded_by"),
            shipped=bool(raw["shipped"]),
            verified=bool(raw["verified"]),
            issued_verified=bool(raw["issued_verified"]),
            evidence=raw["evidence"],
            amendments=tuple(Amendment.from_dict(a) for a in raw.get("amendments", ())),
        )

    @property
    def first_day(self) -> dt.date:
        """The in-force date, or the first day of its window when the day is unknown."""
        return _first_day(self.in_force, self.in_force_window)

    @property
    def end(self) -> dt.date | None:
        """The first day no longer in force (``until`` + 1 day), ``None`` while in force."""
        return None if self.until is None else self.until + dt.timedelta(days=1)

    def applies_on(self, as_of: dt.date) -> bool:
        """Whether this edition was in force on ``as_of``.

        Raises :class:`~ohsreg.errors.EditionError` (``instruments.date_unverified``) when ``as_of`` falls
        in the window of an unknown in-force day.
        """
        as_of = _check_date(as_of)
        if self.until is not None and as_of > self.until:
            return False
        return _starts_on(self.id, self.in_force, self.in_force_window, as_of)

    def amendment(self, amendment_id: str) -> Amendment:
        """The amendment ``amendment_id`` (``instruments.unknown_amendment`` if there is none)."""
        for a in self.amendments:
            if a.id == amendment_id:
                return a
        raise UnknownEntry(
            "{edition} has no amendment {amendment!r}",
            rule="instruments.unknown_amendment",
            field="edition",
            hint="amendments: {known}",
            edition=self.id,
            amendment=amendment_id,
            known=", ".join(a.id for a in self.amendments) or "-",
            suggestions=[a.id for a in self.amendments],
        )

    def amendments_on(self, as_of: dt.date | None) -> tuple[Amendment, ...]:
        """The amendments in force on ``as_of`` (``None``: every amendment, the consolidated text)."""
        if as_of is None:
            return self.amendments
        return tuple(a for a in self.amendments if a.applies_on(as_of))

    def state_on(self, as_of: dt.date | None) -> str:
        """The amendment state on ``as_of`` as a pinnable name, e.g. ``"GBZ 2.1-2019+XG1"``."""
        return EditionState(self, self.amendments_on(as_of)).name

    def clause(
        self, article: str | None = None, *, amendment: str | None = None, note: str | None = None
    ) -> Clause:
        """A :class:`Clause` of this instrument (``amendment``: cite the text as amended by it)."""
        if amendment is not None:
            self.amendment(amendment)  # must exist
        return Clause(self, article, amendment=amendment, note=note)

    def __repr__(self) -> str:
        start = self.in_force.isoformat() if self.in_force else "?"
        until = self.until.isoformat() if self.until else ""
        return f"Instrument({self.id!r}, {start}..{until})"


@attrs.frozen(slots=True, repr=False)
class EditionState:
    """An edition with the amendments that apply: what answered, pinnable by :attr:`name`."""

    instrument: Instrument
    amendments: tuple[Amendment, ...]

    @property
    def name(self) -> str:
        """``"GBZ 2.1-2019"``, ``"GBZ 2.1-2019+XG1"``, ``"GBZ 2.1-2019+XG1+XG2"``."""
        return "+".join([self.instrument.id, *(a.id for a in self.amendments)])

    @property
    def verified(self) -> bool:
        """Whether the edition's in-force date and every amendment's are verified."""
        return self.instrument.verified and all(a.verified for a in self.amendments)

    def __repr__(self) -> str:
        return f"EditionState({self.name!r})"


@attrs.frozen(slots=True, repr=False)
class Clause:
    """An article (or clause, table, item) of an instrument; :meth:`cite` is the citation format.

    ``article`` is written as the instrument numbers it (``第二十条``, ``6.3.3``, ``表1``); ``note`` says
    what is cited when no article number is known, or why it is unverified.
    """

    instrument: Instrument
    article: str | None = None
    amendment: str | None = attrs.field(default=None, kw_only=True)
    """The amendment whose consolidated text is cited (its id), if any."""
    note: str | None = attrs.field(default=None, kw_only=True)

    def cite(self) -> str:
        """The citation: instrument (as amended), article, note.

        Chinese article numbers (``第…``) follow the title directly, others after a space; a note in
        Chinese is put in full-width brackets, else in parentheses after a space.
        """
        text = self.instrument.citation
        if self.amendment is not None:
            text = self.instrument.amendment(self.amendment).citation
        if self.article:
            text += self.article if self.article.startswith(("第", "（")) else f" {self.article}"
        if self.note:
            text += f"（{self.note}）" if _has_cjk(self.note) else f" ({self.note})"
        return text

    def __str__(self) -> str:
        return self.cite()

    def __repr__(self) -> str:
        return f"Clause({self.cite()!r})"


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# ------------------------------------------------------------------------------------------ registry
class _Registry:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.records: tuple[Instrument, ...] | None = None
        self.index: dict[str, Instrument] = {}
        self.by_family: dict[str, tuple[Instrument, ...]] = {}
        self.citations: tuple[tuple[str, Instrument, str | None], ...] = ()
        self.version = ""

    def load(self) -> tuple[Instrument, ...]:
        records = self.records
        if records is not None:
            return records
        with self._lock:
            if self.records is None:
                raw = resources.files("ohsreg.instruments").joinpath("data", "instruments.json").read_bytes()
                doc = json.loads(raw.decode("utf-8"))
                if doc.get("format") != FORMAT:  # pragma: no cover - the packaged file is tested
                    raise RuntimeError("ohsreg/instruments/data/instruments.json has the wrong format")
                built = tuple(Instrument.from_dict(r) for r in doc["records"])
                index: dict[str, Instrument] = {}
                families: dict[str, list[Instrument]] = {}
                cites: list[tuple[str, Instrument, str | None]] = []
                for inst in built:
                    for key in (inst.id, *inst.aliases):
                        index.setdefault(_key(key), inst)
                    families.setdefault(inst.family, []).append(inst)
                    cites.append((inst.citation, inst, None))
                    cites.extend((a.citation, inst, a.id) for a in inst.amendments)
                cites.sort(key=lambda c: -len(c[0]))  # the longest citation that prefixes a text wins
                self.index = index
                self.by_family = {f: tuple(sorted(v, key=lambda i: i.first_day)) for f, v in families.items()}
                self.citations = tuple(cites)
                self.version = hashlib.sha256(raw).hexdigest()[:12]
                self.records = built
            return self.records


_REGISTRY = _Registry()


def _key(text: str) -> str:
    return "".join(text.split()).replace("—", "-").casefold()


def all_instruments() -> tuple[Instrument, ...]:
    """Every instrument of the registry, in file order (grouped by family)."""
    return _REGISTRY.load()


def families() -> tuple[str, ...]:
    """The instrument families (``"GBZ 2.1"``, ``"GBZ 188"``, ``"workplace order"``…)."""
    _REGISTRY.load()
    return tuple(_REGISTRY.by_family)


def get(query: str) -> Instrument | None:
    """The instrument whose id or alias is ``query`` (spaces, case and ``—``/``-`` ignored); else None."""
    _REGISTRY.load()
    if not isinstance(query, str):
        return None
    return _REGISTRY.index.get(_key(query))


def lookup(query: str) -> Instrument:
    """Like :func:`get` but raises :class:`~ohsreg.errors.UnknownEntry` (``instruments.unknown``)."""
    found = get(query)
    if found is not None:
        return found
    raise UnknownEntry(
        "{query!r} is not an instrument ohsreg applies",
        rule="instruments.unknown",
        field="instrument",
        hint="see ohsreg.instruments.all_instruments() for the ids",
        query=query,
        suggestions=[],
    )


def editions(family: str) -> tuple[Instrument, ...]:
    """The editions of ``family``, oldest first (``instruments.unknown_family`` if there is none)."""
    _REGISTRY.load()
    found = _REGISTRY.by_family.get(family)
    if found is None:
        raise UnknownEntry(
            "{family!r} is not an instrument family",
            rule="instruments.unknown_family",
            field="family",
            hint="families: {known}",
            family=family,
            known=", ".join(_REGISTRY.by_family),
            suggestions=list(_REGISTRY.by_family),
        )
    return found


def in_force(family: str, as_of: dt.date) -> Instrument | None:
    """The edition of ``family`` in force on ``as_of``; None when none was (before the first edition).

    Raises :class:`~ohsreg.errors.EditionError` (``instruments.date_unverified``) when ``as_of`` falls in
    the window of an edition whose day of entry into force is unknown.

    >>> in_force("workplace order", dt.date(2021, 1, 31)).id, in_force("workplace order", dt.date(2021, 2, 1)).id
    ('SAWS Order 47', 'NHC Order 5')
    >>> in_force("GBZ 2.1", dt.date(2001, 1, 1)) is None
    True
    """
    as_of = _check_date(as_of)
    for inst in reversed(editions(family)):
        if inst.applies_on(as_of):
            return inst
    return None


def resolve(edition: str) -> EditionState:
    """The edition and amendment state a pinned name stands for: ``"GBZ 2.1-2019+XG1"`` is the 2019 edition
    with amendment No. 1 and without later ones. A bare edition name (``"GBZ 2.1-2019"``) has no amendment.

    >>> resolve("GBZ 2.1-2019+XG1").name, resolve("GBZ 2.1-2019").amendments
    ('GBZ 2.1-2019+XG1', ())
    """
    base, *parts = edition.split("+")
    inst = lookup(base.strip())
    amendments = tuple(inst.amendment(p.strip()) for p in parts)
    order = [a.id for a in inst.amendments]
    if [a.id for a in amendments] != order[: len(amendments)]:
        raise EditionError(
            "{edition!r} is not an amendment state: amendments apply in order ({order})",
            rule="instruments.amendment_order",
            field="edition",
            edition=edition,
            order=", ".join(order),
        )
    return EditionState(inst, amendments)


def clause(
    instrument: str, article: str | None = None, *, amendment: str | None = None, note: str | None = None
) -> Clause:
    """A :class:`Clause` of the instrument with id (or alias) ``instrument``."""
    return lookup(instrument).clause(article, amendment=amendment, note=note)


def clause_of(text: str) -> Clause | None:
    """The :class:`Clause` a citation string stands for (the inverse of :meth:`Clause.cite`), else None.

    Only the leading instrument citation (and its amendment) is recognised; the rest is kept as the
    article.

    >>> c = clause_of("原国家安全生产监督管理总局令第47号《工作场所职业卫生监督管理规定》第二十条")
    >>> c.instrument.id, c.article
    ('SAWS Order 47', '第二十条')
    """
    if not isinstance(text, str):
        return None
    _REGISTRY.load()
    for cited, inst, amendment in _REGISTRY.citations:
        if text.startswith(cited):
            rest = text[len(cited) :].strip() or None
            return Clause(inst, rest, amendment=amendment)
    return None


def clauses_of(text: str) -> tuple[Clause, ...]:
    """Every provision of a citation text that joins several with ``"; "`` (``…第六条; 职业病防治法…``).

    A ``"; "`` followed by something that is not a registered citation belongs to the article or note
    before it (``GBZ 2.1-2007 (超限倍数; multiples unverified)`` is one provision).

    >>> [c.instrument.id for c in clauses_of("卫生部令第25号《职业病危害事故调查处理办法》第六条; 职业病防治法（2018年修正）第三十七条")]
    ['MOH Order 25', 'OD law']
    """
    if not isinstance(text, str):
        return ()
    parts: list[str] = []
    for piece in text.split("; "):
        if parts and clause_of(piece) is None:
            parts[-1] += "; " + piece
        else:
            parts.append(piece)
    found = (clause_of(part) for part in parts)
    return tuple(c for c in found if c is not None)


def data_version() -> str:
    """A short hash of the instruments data file: pin it to notice a change of any date or edition."""
    _REGISTRY.load()
    return _REGISTRY.version


def deprecated_dates(module: str, names: dict[str, tuple[str, Callable[[], Any]]]) -> Callable[[str], Any]:
    """A module ``__getattr__`` serving former constants (dates and citations now in this registry) with a
    :class:`DeprecationWarning` that says what to use instead: ``names`` maps a name to (advice, value)."""

    def module_getattr(name: str) -> Any:
        found = names.get(name)
        if found is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        from ohsreg._deprecated import warn

        advice, value = found
        warn(f"{module}.{name}", advice)
        return value()

    return module_getattr


def in_force_date(instrument: str) -> dt.date:
    """The in-force date of ``instrument``; for one whose day is unknown, the first day of its window."""
    return lookup(instrument).first_day


def cite(
    instrument: str, article: str | None = None, *, amendment: str | None = None, note: str | None = None
) -> str:
    """Shorthand for ``clause(instrument, article, ...).cite()``."""
    return clause(instrument, article, amendment=amendment, note=note).cite()


class CitesClause:
    """Mixin of results that cite a provision in a ``clause`` string: :attr:`clause_ref` gives it back as
    a :class:`Clause` (``None`` when the text cites no instrument of the registry)."""

    __slots__ = ()

    @property
    def clause_ref(self) -> Clause | None:
        """:attr:`clause` as a :class:`Clause` of the registry (the first provision, if several)."""
        text = getattr(self, "clause", None)
        found = clauses_of(text) if isinstance(text, str) else ()
        return found[0] if found else None
