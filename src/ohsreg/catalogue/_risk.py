"""The project risk class of an industry (建设项目职业病危害风险分类管理目录): :func:`risk_class`.

Part of :mod:`ohsreg.catalogue`, which re-exports the public names.
"""

from __future__ import annotations

import datetime as dt

import attrs

import ohsreg.instruments as instruments
from ohsreg.catalogue._editions import _unknown_edition
from ohsreg.catalogue._records import RiskDirectoryEntry
from ohsreg.catalogue._shipped import risk_directory
from ohsreg.catalogue._table import check_arg
from ohsreg.errors import EditionError, UnknownEntry
from ohsreg.vocab import RiskClass

#: Edition of 建设项目职业病危害风险分类管理目录 used by :func:`risk_class` when ``as_of`` is not given.
DEFAULT_RISK_EDITION = "2021"


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
