"""Industry codes of GB/T 4754 国民经济行业分类: sections A–T, 2-digit divisions, 3-digit groups, 4-digit classes.

Codes are accepted in the forms used in practice (``C2110``, ``2110``, ``C21``, ``c 21-10``) and
normalised to the section letter followed by the digits (``C2110``); a bare section is its letter.
A code that is well formed but absent from the table of the requested edition is reported as
``industry.unknown``, never accepted.

Editions (:data:`EDITIONS`) are side by side; :data:`DEFAULT_EDITION` answers when none is given.
Only GB/T 4754-2017 is shipped: the 2019 amendment No. 1 (:data:`EDITION_2019`) could not be verified
from a public source (which class it adds is unconfirmed), so it is not applied rather than guessed.

>>> c = lookup("2110")
>>> c
Industry('C2110', '木质家具制造', class, edition='GB/T 4754-2017')
>>> c.section().name(), [a.code for a in c.ancestors()]
('制造业', ['211', '21', 'C'])
>>> validate("A2110")
Traceback (most recent call last):
    ...
ohsreg.errors.InvalidComponent: industry: section 'A' does not match division '21' (section 'C')...
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from ohsreg.errors import EditionError, InvalidComponent, InvalidFormat, InvalidLength, UnknownEntry
from ohsreg.identifiers._common import passes, prepare, strip_separators

__all__ = [
    "DEFAULT_EDITION",
    "EDITIONS",
    "EDITION_2017",
    "EDITION_2019",
    "PATTERN",
    "Industry",
    "IndustryLevel",
    "compact",
    "format",
    "get",
    "industries",
    "is_valid",
    "lookup",
    "section_of",
    "validate",
]

FIELD = "industry"
EDITION_2017 = "GB/T 4754-2017"
#: The 2019 amendment No. 1 (第1号修改单), said to bring the classes from 1381 to 1382. Its content
#: could not be verified from a public source, so this edition is **not shipped**: asking for it
#: raises ``industry.edition``.
EDITION_2019 = "GB/T 4754-2017/XG1-2019"
#: Every edition shipped, oldest first.
EDITIONS: tuple[str, ...] = (EDITION_2017,)
#: The edition used when none is given. It will not change silently between releases.
DEFAULT_EDITION = EDITION_2017
_EDITION_KEYS = {"17": EDITION_2017}
#: JSON Schema pattern of a normalised industry code.
PATTERN = r"^[A-T]([0-9]{2}|[0-9]{3}|[0-9]{4})?$"
_EXAMPLE = "C2110"
_DATA_FILE = "gbt4754.tsv"
_SOURCES = {
    "w17": "GB/T 4754-2017 (Word copy, wssmao/industry_category; cross-checked with ramwin/china-public-data)"
}

# First division number of each section (GB/T 4754-2017; checked against the table by the tests).
_SECTION_STARTS: tuple[tuple[int, str], ...] = (
    (1, "A"), (6, "B"), (13, "C"), (44, "D"), (47, "E"), (51, "F"), (53, "G"), (61, "H"), (63, "I"), (66, "J"),
    (70, "K"), (71, "L"), (73, "M"), (76, "N"), (80, "O"), (83, "P"), (84, "Q"), (86, "R"), (91, "S"), (97, "T"),
)  # fmt: skip


class IndustryLevel(enum.StrEnum):
    """Level of a code in GB/T 4754."""

    SECTION = "section"  # 门类
    DIVISION = "division"  # 大类
    GROUP = "group"  # 中类
    CLASS = "class"  # 小类

    def __repr__(self) -> str:
        return self.value


_LEVEL_KEYS = {
    "S": IndustryLevel.SECTION,
    "D": IndustryLevel.DIVISION,
    "G": IndustryLevel.GROUP,
    "C": IndustryLevel.CLASS,
}


@dataclass(frozen=True, slots=True)
class Industry:
    """One entry of GB/T 4754.

    Attributes:
        code: the official code: the letter for a section, 2, 3 or 4 digits otherwise.
        name_zh: the official Chinese name.
        level: section, division, group or class.
        parent_code: the code of the enclosing entry, ``None`` for a section.
        edition: the edition this record was looked up in.
        source: where the record comes from.
        verified: whether the record was checked against a second source.
    """

    code: str
    name_zh: str
    level: IndustryLevel
    parent_code: str | None
    edition: str
    source: str = ""
    verified: bool = True

    @property
    def display_code(self) -> str:
        """The letter-prefixed form used in practice (``C2110``); what :func:`validate` returns."""
        return self.code if self.level is IndustryLevel.SECTION else section_of(self.code) + self.code

    def name(self, locale: str | None = None) -> str:
        """The name. Only the official Chinese names are shipped; every locale gets them."""
        return self.name_zh

    def parent(self) -> Industry | None:
        """The enclosing entry, ``None`` for a section."""
        return None if self.parent_code is None else lookup(self.parent_code, edition=self.edition)

    def ancestors(self) -> tuple[Industry, ...]:
        """Enclosing entries, nearest first (group, division, section)."""
        out: list[Industry] = []
        node = self.parent()
        while node is not None:
            out.append(node)
            node = node.parent()
        return tuple(out)

    def section(self) -> Industry:
        """The section (门类) this entry belongs to."""
        return lookup(self.display_code[0], edition=self.edition)

    def __repr__(self) -> str:
        return f"Industry({self.display_code!r}, {self.name_zh!r}, {self.level!r}, edition={self.edition!r})"

    def __str__(self) -> str:
        return f"{self.display_code} {self.name_zh}"


_tables: dict[str, dict[str, Industry]] | None = None
_lock = threading.Lock()


def _load() -> dict[str, dict[str, Industry]]:
    global _tables
    if _tables is None:
        with _lock:
            if _tables is None:
                _tables = _read()
    return _tables


def _read() -> dict[str, dict[str, Industry]]:
    text = (
        resources.files("ohsreg.identifiers")
        .joinpath("data")
        .joinpath(_DATA_FILE)
        .read_text(encoding="utf-8")
    )
    tables: dict[str, dict[str, Industry]] = {edition: {} for edition in EDITIONS}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, level, parent, src, editions = line.split("\t")
        for key in editions.split(","):
            edition = _EDITION_KEYS.get(key)
            if edition is None:
                continue
            tables[edition][code] = Industry(
                code, name, _LEVEL_KEYS[level], parent or None, edition, _SOURCES[src]
            )
    return tables


def section_of(digits: str) -> str:
    """The section letter of a 2-4 digit code (from its division number, GB/T 4754-2017 sections A–T).

    >>> section_of("2110"), section_of("01"), section_of("97")
    ('C', 'A', 'T')
    """
    if not (isinstance(digits, str) and len(digits) >= 2 and digits.isascii() and digits.isdigit()):
        raise InvalidFormat(
            "the section is found from the digits of a division code (2 to 4 digits), got {digits}",
            rule="industry.format",
            field=FIELD,
            digits=repr(digits)[:40],
        )
    number = int(digits[:2])
    letter = "A"
    for start, section in _SECTION_STARTS:
        if number >= start:
            letter = section
    return letter


def compact(code: object) -> str:
    """Normalise to the letter-prefixed form without checking the table.

    >>> compact("2110"), compact("c 21-10"), compact("C21"), compact("ｃ")
    ('C2110', 'C2110', 'C21', 'C')
    """
    text = strip_separators(
        prepare(
            code,
            field=FIELD,
            type_rule="industry.type",
            length_rule="industry.length",
            character_rule="industry.character",
            example=_EXAMPLE,
        )
    )
    if text and text.isascii() and text.isdigit() and len(text) >= 2:
        return section_of(text) + text
    return text


def _split(code: str) -> tuple[str, str]:
    """Check the shape of a compacted code and return (section letter, digits)."""
    if not code:
        raise InvalidLength("no industry code given", rule="industry.length", field=FIELD, length=0)
    letter, digits = code[0], code[1:]
    if not ("A" <= letter <= "T") or not (digits == "" or (digits.isascii() and digits.isdigit())):
        raise InvalidFormat(
            "{value!r} is not an industry code",
            rule="industry.format",
            field=FIELD,
            hint="use a section letter A-T, optionally followed by 2, 3 or 4 digits, e.g. {example!r}",
            value=code,
            example=_EXAMPLE,
        )
    if len(digits) not in (0, 2, 3, 4):
        raise InvalidLength(
            "an industry code has 2, 3 or 4 digits, got {length}",
            rule="industry.length",
            field=FIELD,
            length=len(digits),
        )
    if digits and section_of(digits) != letter:
        raise InvalidComponent(
            "section {letter!r} does not match division {division!r} (section {expected!r})",
            rule="industry.section_mismatch",
            field=FIELD,
            letter=letter,
            division=digits[:2],
            expected=section_of(digits),
        )
    return letter, digits


def _edition(edition: str | None) -> str:
    if edition is None:
        return DEFAULT_EDITION
    if edition == EDITION_2019:
        raise EditionError(
            "edition {edition!r} is not shipped: its content could not be verified",
            rule="industry.edition",
            field="edition",
            hint="use one of {editions}",
            edition=edition,
            editions=", ".join(EDITIONS),
        )
    if edition not in EDITIONS:
        raise EditionError(
            "unknown edition {edition!r} of GB/T 4754",
            rule="industry.edition",
            field="edition",
            hint="use one of {editions}",
            edition=edition,
            editions=", ".join(EDITIONS),
        )
    return edition


def lookup(code: object, *, edition: str | None = None) -> Industry:
    """The :class:`Industry` for ``code`` in ``edition`` (default :data:`DEFAULT_EDITION`); raises if unknown."""
    ed = _edition(edition)
    letter, digits = _split(compact(code))
    table = _load()[ed]
    found = table.get(digits or letter)
    if found is None:
        known = [c for c in table if c.isdigit() and digits.startswith(c)]
        parent = table[max(known, key=len)] if known else table[letter]
        raise UnknownEntry(
            "industry code {code!r} is not in {edition}",
            rule="industry.unknown",
            field=FIELD,
            hint="the nearest entry is {nearest}",
            code=letter + digits,
            edition=ed,
            nearest=str(parent),
            suggestions=[parent.display_code],
        )
    return found


def get(code: object, default: Industry | None = None, *, edition: str | None = None) -> Industry | None:
    """Like :func:`lookup` but returns ``default`` instead of raising."""
    try:
        return lookup(code, edition=edition)
    except ValueError:
        return default


def validate(code: object, *, edition: str | None = None) -> str:
    """Return the letter-prefixed code if ``edition`` lists it, else raise.

    Rule codes: ``industry.type``, ``industry.length``, ``industry.format``,
    ``industry.section_mismatch``, ``industry.unknown``, ``industry.edition``.

    >>> validate("C2110"), validate("21"), validate("c")
    ('C2110', 'C21', 'C')
    >>> validate("C2118")
    Traceback (most recent call last):
        ...
    ohsreg.errors.UnknownEntry: industry: industry code 'C2118' is not in GB/T 4754-2017; ...
    """
    return lookup(code, edition=edition).display_code


def is_valid(code: object, *, edition: str | None = None) -> bool:
    """Whether ``code`` is in ``edition``; never raises."""
    return passes(lookup, code, edition=edition)


def format(code: object, *, edition: str | None = None) -> str:
    """The presentation form (``C2110``; validates first)."""
    return validate(code, edition=edition)


def _level(level: object) -> IndustryLevel:
    """``level`` as a :class:`IndustryLevel` (member or its value), else ``industry.level`` naming the field."""
    if isinstance(level, str):
        try:
            return IndustryLevel(level)
        except ValueError:
            pass
    raise InvalidFormat(
        "unknown level {value!r}",
        rule="industry.level",
        field="level",
        hint="use one of {levels}",
        value=level,
        levels=", ".join(m.value for m in IndustryLevel),
    )


def industries(level: IndustryLevel | str | None = None, *, edition: str | None = None) -> Iterator[Industry]:
    """Iterate one edition's table, optionally one level.

    >>> sum(1 for _ in industries("section"))
    20
    """
    wanted = None if level is None else _level(level)
    for record in _load()[_edition(edition)].values():
        if wanted is None or record.level is wanted:
            yield record
