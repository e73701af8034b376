"""Reference-catalogue look-ups shared by rule and record modules: hazard keys and names, risk directory.

Not public API. Hazards are resolved and named through ``ohsreg.catalogue`` (imported on first use, so
``import ohsreg`` stays light); the risk class comes from its risk directory, reached by enterprises and
projects alike through :func:`risk_directory_lookup` and named by :func:`directory_name` (the catalogue's
own document name and edition). Calendar arithmetic lives in :mod:`ohsreg.rules._calendar`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from ohsreg.errors import OhsregError

__all__ = [
    "RISK_DIRECTORY",
    "canonical_hazard",
    "directory_edition",
    "directory_entry",
    "directory_name",
    "directory_risk_class",
    "hazard_name",
    "risk_directory_lookup",
]


RISK_DIRECTORY = "建设项目职业病危害风险分类管理目录"
"""The directory's name when the catalogue cannot say (the catalogue table header's ``document``)."""


@functools.lru_cache(maxsize=4096)
def canonical_hazard(name: str) -> str:
    """The catalogue key of a hazard named ``name`` (``ohsreg.catalogue.resolve_hazard_key``), else
    ``name`` itself (names the catalogue does not know are kept as given)."""
    from ohsreg.catalogue import resolve_hazard_key

    try:
        return resolve_hazard_key(name)
    except (OhsregError, LookupError):
        return name


@functools.lru_cache(maxsize=4096)
def hazard_name(key: str) -> str:
    """The Chinese name of the catalogue hazard ``key`` (what messages show), else ``key`` itself.

    >>> hazard_name("C028"), hazard_name("not a key")
    ('苯', 'not a key')
    """
    from ohsreg.catalogue import hazards

    try:
        hazard = hazards.get(key)
    except (OhsregError, LookupError):
        return key
    return hazard.name_zh if hazard is not None and hazard.name_zh else key


def risk_directory_lookup() -> Callable[..., Any] | None:
    """The default risk-directory lookup, :func:`ohsreg.catalogue.risk_class` (``None`` when the catalogue
    cannot be imported): ``lookup(industry, *, as_of, uses_listed_solvents)``."""
    try:
        from ohsreg.catalogue import risk_class
    except ImportError:
        return None
    return risk_class


@functools.cache
def _directory_document() -> str:
    try:
        from ohsreg.catalogue import risk_directory

        return str(risk_directory.header["document"])
    except (ImportError, OhsregError, LookupError):
        return RISK_DIRECTORY


def directory_name(edition: str) -> str:
    """The directory of ``edition`` as findings and results name it: the catalogue's document name and the
    edition, formatted like the catalogue's own citations (``document (edition)``).

    >>> directory_name("2021")
    '建设项目职业病危害风险分类管理目录 (2021)'
    """
    return f"{_directory_document()} ({edition})"


def directory_entry(industry: str, *, as_of: dt.date, uses_listed_solvents: bool | None) -> Any | None:
    """The :func:`risk_directory_lookup` answer for ``industry`` on ``as_of`` (``None`` when no shipped
    directory answers: a date before the 2021 directory, an unknown industry)."""
    lookup = risk_directory_lookup()
    if lookup is None:
        return None
    try:
        return lookup(industry, as_of=as_of, uses_listed_solvents=uses_listed_solvents)
    except (OhsregError, LookupError):
        return None


def directory_edition(result: Any) -> str:
    """:func:`directory_name` of the edition a lookup result comes from."""
    return directory_name(str(result.edition))


def directory_risk_class(
    industry: str, *, as_of: dt.date, uses_listed_solvents: bool | None
) -> tuple[Any, str] | None:
    """(RiskClass, directory edition) of ``industry`` in the risk directory in force on ``as_of``, when
    the directory decides it unambiguously (not split into parts, not a starred industry with
    ``uses_listed_solvents`` unknown); ``None`` otherwise.

    >>> directory_risk_class("C1952", as_of=dt.date(2025, 1, 1), uses_listed_solvents=True)
    (<RiskClass.SERIOUS: ...>, '建设项目职业病危害风险分类管理目录 (2021)')
    >>> directory_risk_class("C1952", as_of=dt.date(2025, 1, 1), uses_listed_solvents=None) is None
    True
    """
    result = directory_entry(industry, as_of=as_of, uses_listed_solvents=uses_listed_solvents)
    if result is None or result.risk_class is None or result.conditional:
        return None
    return result.risk_class, directory_edition(result)
