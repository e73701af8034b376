"""Administrative division codes (行政区划代码, GB/T 2260): six digits, province / prefecture / county.

The table shipped is the Ministry of Civil Affairs list with the status as of **2024-12-31**
(:data:`EDITION`; 34 provinces, 333 prefectures, 2846 counties). Divisions change every year, and
old records (a resident ID, a licence issued years ago) carry codes that have since been abolished.
Such a code is *recognised* rather than rejected as unknown when python-stdnum's ``cn/loc``
database (compiled from zh.wikipedia, with the years each code was in use) lists it; its
:class:`DivisionStatus` says how it relates to the shipped edition: ``historical`` (in use until a
year up to the edition), ``newer`` (created after the edition date) or ``unlisted`` (in use but not
in the ministry's list, e.g. the ``市辖区`` codes of statistical lists). That list is a secondary
source: its records say ``verified=False``. Codes that neither source knows are ``division.unknown``.

Limitation: no 2022 statistics-bureau list was found to cross-check the historical codes directly;
the python-stdnum database records changes up to 2025, which covers the 2022→2024 changes seen in
the ministry's lists (e.g. 米林县 → 米林市, 错那县 → 错那市).

>>> d = lookup("330106")
>>> d
Division('330106', '西湖区', county, edition='MCA 2024-12-31')
>>> d.parent()
Division('330100', '杭州市', prefecture, edition='MCA 2024-12-31')
>>> [a.name() for a in d.ancestors()]
['杭州市', '浙江省']
>>> old = lookup("330103")  # 下城区, merged in 2021
>>> old.status, old.years, old.name()
(historical, '1983-2021', '下城区')
>>> validate("330103", historical=False)
Traceback (most recent call last):
    ...
ohsreg.errors.UnknownEntry: division: division code '330103' (下城区, 1983-2021) is not in the MCA 2024-12-31 table...
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from ohsreg.errors import InvalidFormat, InvalidLength, UnknownEntry
from ohsreg.identifiers._common import passes, prepare, strip_separators

__all__ = [
    "EDITION",
    "HISTORICAL_SOURCE",
    "PATTERN",
    "Division",
    "DivisionLevel",
    "DivisionStatus",
    "compact",
    "divisions",
    "format",
    "get",
    "is_valid",
    "lookup",
    "validate",
]

FIELD = "division"
#: The edition of the shipped table.
EDITION = "MCA 2024-12-31"
#: Where codes valid only in earlier editions come from (secondary source, unverified).
HISTORICAL_SOURCE = "python-stdnum cn/loc (zh.wikipedia)"
#: JSON Schema pattern of a normalised division code.
PATTERN = r"^[1-9][0-9]{5}$"
_EXAMPLE = "330106"
_DATA_FILE = "gbt2260_2024.tsv"
_SOURCES = {"m24": "MCA 2024 list (县以上行政区划代码, 2024-12-31) via yescallop/areacodes data/2024.txt"}


class DivisionLevel(enum.StrEnum):
    """Level of a division in GB/T 2260."""

    PROVINCE = "province"
    PREFECTURE = "prefecture"
    COUNTY = "county"

    def __repr__(self) -> str:
        return self.value


class DivisionStatus(enum.StrEnum):
    """How a code relates to the shipped edition (:data:`EDITION`)."""

    CURRENT = "current"  # in the shipped table
    HISTORICAL = "historical"  # in use until a year no later than the edition, then abolished or recoded
    NEWER = "newer"  # created after the edition date
    UNLISTED = "unlisted"  # in use per the secondary source, but not in the ministry's list

    def __repr__(self) -> str:
        return self.value


_EDITION_YEAR = 2024

_LEVEL_KEYS = {"P": DivisionLevel.PROVINCE, "F": DivisionLevel.PREFECTURE, "C": DivisionLevel.COUNTY}


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division.

    Attributes:
        code: the six-digit code.
        name_zh: the official (Chinese) name.
        level: province, prefecture or county.
        parent_code: the code of the enclosing division, ``None`` for provinces.
        edition: :data:`EDITION` for current codes, :data:`HISTORICAL_SOURCE` for the others.
        status: current, historical, newer or unlisted (see :class:`DivisionStatus`).
        years: for codes not in the table, the years of use as given by the source (e.g. ``"1983-2021"``).
        source: where the record comes from.
        verified: whether the record was checked against an official list.
    """

    code: str
    name_zh: str
    level: DivisionLevel
    parent_code: str | None
    edition: str
    status: DivisionStatus = DivisionStatus.CURRENT
    years: str | None = None
    source: str = ""
    verified: bool = True

    @property
    def current(self) -> bool:
        """Whether the code is in the :data:`EDITION` table."""
        return self.status is DivisionStatus.CURRENT

    def name(self, locale: str | None = None) -> str:
        """The name. Only the official Chinese names exist; every locale gets them."""
        return self.name_zh

    def parent(self) -> Division | None:
        """The enclosing division (prefecture or province), ``None`` for a province."""
        return None if self.parent_code is None else get(self.parent_code)

    def ancestors(self) -> tuple[Division, ...]:
        """Enclosing divisions, nearest first."""
        out: list[Division] = []
        node = self.parent()
        while node is not None:
            out.append(node)
            node = node.parent()
        return tuple(out)

    def province(self) -> Division:
        """The province (or equivalent) this division belongs to."""
        found = get(self.code[:2] + "0000")
        return self if found is None else found

    def __repr__(self) -> str:
        extra = "" if self.current else f", {self.status.value} {self.years or '?'}"
        return f"Division({self.code!r}, {self.name_zh!r}, {self.level!r}, edition={self.edition!r}{extra})"

    def __str__(self) -> str:
        return f"{self.code} {self.name_zh}"


class _Tables:
    def __init__(self, current: dict[str, Division], historical: dict[str, Division]) -> None:
        self.current = current
        self.historical = historical


_tables: _Tables | None = None
_lock = threading.Lock()


def _load() -> _Tables:
    global _tables
    if _tables is None:
        with _lock:
            if _tables is None:
                current = _read_current()
                _tables = _Tables(current, _read_historical(current))
    return _tables


def _read_current() -> dict[str, Division]:
    text = (
        resources.files("ohsreg.identifiers")
        .joinpath("data")
        .joinpath(_DATA_FILE)
        .read_text(encoding="utf-8")
    )
    table: dict[str, Division] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, level, parent, src = line.split("\t")
        table[code] = Division(code, name, _LEVEL_KEYS[level], parent or None, EDITION, source=_SOURCES[src])
    return table


def _read_historical(current: dict[str, Division]) -> dict[str, Division]:
    """Codes python-stdnum's ``cn/loc`` database knows and the current table does not."""
    try:
        from stdnum import numdb

        db = numdb.get("cn/loc")
    except Exception:  # pragma: no cover - the database ships with python-stdnum
        return {}
    found: dict[str, tuple[str, str | None]] = {}
    for length, low, high, _props, children in db.prefixes:
        if length != 2 or low != high:
            continue
        for c_length, c_low, c_high, c_props, _ in children:
            if c_length != 4 or c_low != c_high:
                continue
            code = low + c_low
            if code in current or "county" not in c_props:
                continue
            found[code] = _last_name(c_props["county"])
    out: dict[str, Division] = {}
    for code, (name, years) in found.items():
        level = (
            DivisionLevel.PROVINCE
            if code.endswith("0000")
            else DivisionLevel.PREFECTURE
            if code.endswith("00")
            else DivisionLevel.COUNTY
        )
        parent: str | None = None
        if level is DivisionLevel.COUNTY:
            prefecture = code[:4] + "00"
            parent = prefecture if prefecture in current or prefecture in found else code[:2] + "0000"
        elif level is DivisionLevel.PREFECTURE:
            parent = code[:2] + "0000"
        out[code] = Division(
            code,
            name,
            level,
            parent,
            HISTORICAL_SOURCE,
            status=_status(years),
            years=years,
            source=HISTORICAL_SOURCE,
            verified=False,
        )
    return out


def _status(years: str | None) -> DivisionStatus:
    start, _, end = (years or "").partition("-")
    if start.isdigit() and int(start) > _EDITION_YEAR:
        return DivisionStatus.NEWER
    if end.isdigit():
        return DivisionStatus.HISTORICAL
    return DivisionStatus.UNLISTED


def _last_name(entry: str) -> tuple[str, str | None]:
    """The latest name and its years from a ``[1983-2021]下城区,[2021-]...`` entry."""
    last = entry.split(",")[-1]
    if last.startswith("[") and "]" in last:
        years, name = last[1:].split("]", 1)
        return name, years
    return last, None


def compact(code: object) -> str:
    """Normalise: ASCII digits, no spaces or hyphens.

    >>> compact("３３０１０６"), compact("33 01 06")
    ('330106', '330106')
    """
    return strip_separators(
        prepare(
            code,
            field=FIELD,
            type_rule="division.type",
            length_rule="division.length",
            character_rule="division.character",
            example=_EXAMPLE,
        )
    )


def _check_shape(code: str) -> None:
    if len(code) != 6:
        raise InvalidLength(
            "a division code has 6 digits, got {length} characters",
            rule="division.length",
            field=FIELD,
            length=len(code),
        )
    if not (code.isascii() and code.isdigit()):
        raise InvalidFormat(
            "a division code has digits only, got {value!r}", rule="division.format", field=FIELD, value=code
        )


def lookup(code: object, *, historical: bool = True) -> Division:
    """The :class:`Division` for ``code``; raises if malformed or unknown.

    With ``historical=False`` only codes of the current :data:`EDITION` are accepted
    (rule ``division.historical`` for codes valid only in earlier editions).
    """
    tables = _load()
    if isinstance(code, str):  # fast path: already the canonical six digits of a current code
        found = tables.current.get(code)
        if found is not None:
            return found
    norm = compact(code)
    _check_shape(norm)
    found = tables.current.get(norm)
    if found is not None:
        return found
    old = tables.historical.get(norm)
    if old is not None:
        if historical:
            return old
        raise UnknownEntry(
            "division code {code!r} ({name}, {years}) is not in the {edition} table",
            rule="division.historical",
            field=FIELD,
            hint="it was valid in an earlier edition only; use the current code, or allow historical codes",
            code=norm,
            name=old.name_zh,
            years=old.years or "?",
            edition=EDITION,
        )
    parent = tables.current.get(norm[:4] + "00") or tables.current.get(norm[:2] + "0000")
    raise UnknownEntry(
        "unknown division code {code!r}",
        rule="division.unknown",
        field=FIELD,
        hint="no edition known to ohsreg lists it (current table: {edition}); nearest known: {nearest}",
        code=norm,
        edition=EDITION,
        nearest=str(parent) if parent else "—",  # no word: it shows in both languages
        suggestions=[parent.code] if parent else [],
    )


def _is_known(code: str) -> bool:
    """Whether ``code``, six digits, is a known division (current or historical): :func:`get` without
    building an answer, for the hot paths of other identifiers (a resident ID's first six digits).

    >>> _is_known("110101"), _is_known("999999")
    (True, False)
    """
    tables = _load()
    return code in tables.current or code in tables.historical


def get(code: object, default: Division | None = None) -> Division | None:
    """Like :func:`lookup` but returns ``default`` instead of raising (historical codes included).

    >>> get("110101").name(), get("999999")
    ('东城区', None)
    """
    try:
        return lookup(code)
    except ValueError:
        return default


def validate(code: object, *, historical: bool = True) -> str:
    """Return the normalised code if it is a known division (current or, by default, historical).

    Six digits of GB/T 2260, known in the shipped ministry list (:data:`EDITION`) or, with
    ``historical=True``, in python-stdnum's list of former codes (see the module docstring).

    Rule codes: ``division.type``, ``division.length``, ``division.format``, ``division.unknown``,
    ``division.historical``.

    >>> validate("110101")
    '110101'
    >>> validate("110199")
    Traceback (most recent call last):
        ...
    ohsreg.errors.UnknownEntry: division: unknown division code '110199'; ...
    """
    return lookup(code, historical=historical).code


def is_valid(code: object, *, historical: bool = True) -> bool:
    """Whether ``code`` is a known division code; never raises."""
    return passes(lookup, code, historical=historical)


def format(code: object) -> str:
    """The presentation form (the six digits; validates first)."""
    return validate(code)


def _level(level: object) -> DivisionLevel:
    """``level`` as a :class:`DivisionLevel` (member or its value), else ``division.level`` naming the field."""
    if isinstance(level, str):
        try:
            return DivisionLevel(level)
        except ValueError:
            pass
    raise InvalidFormat(
        "unknown level {value!r}",
        rule="division.level",
        field="level",
        hint="use one of {levels}",
        value=level,
        levels=", ".join(m.value for m in DivisionLevel),
    )


def divisions(level: DivisionLevel | str | None = None, *, historical: bool = False) -> Iterator[Division]:
    """Iterate the current table (optionally one level, optionally with historical codes).

    >>> sum(1 for _ in divisions("province"))
    34
    """
    tables = _load()
    wanted = None if level is None else _level(level)
    pools = [tables.current, tables.historical] if historical else [tables.current]
    for pool in pools:
        for record in pool.values():
            if wanted is None or record.level is wanted:
                yield record
