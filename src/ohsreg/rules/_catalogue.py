"""Reference-catalogue look-ups shared by rule and record modules: hazard keys and names, risk directory.

Not public API. Hazards are resolved and named through ``ohsreg.catalogue`` (imported on first use, so
``import ohsreg`` stays light); the risk class comes from its 2021 risk directory. Calendar arithmetic
lives in :mod:`ohsreg.rules._calendar`.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from ohsreg.errors import OhsregError

__all__ = [
    "RISK_DIRECTORY",
    "canonical_hazard",
    "directory_edition",
    "directory_entry",
    "directory_risk_class",
    "hazard_name",
]


RISK_DIRECTORY = "建设项目职业病危害风险分类管理目录"


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


def directory_entry(industry: str, as_of: dt.date, uses_listed_solvents: bool | None) -> Any | None:
    """The ``catalogue.risk_class`` answer for ``industry`` on ``as_of`` (``None`` when no shipped
    directory answers: a date before the 2021 directory, an unknown industry)."""
    from ohsreg.catalogue import risk_class

    try:
        return risk_class(industry, as_of=as_of, uses_listed_solvents=uses_listed_solvents)
    except (OhsregError, LookupError):
        return None


def directory_edition(result: Any) -> str:
    """``建设项目职业病危害风险分类管理目录 (2021)``: the directory edition a result comes from."""
    return f"{RISK_DIRECTORY} ({result.edition})"


def directory_risk_class(
    industry: str, as_of: dt.date, uses_listed_solvents: bool | None
) -> tuple[Any, str] | None:
    """(RiskClass, directory edition) of ``industry`` in the risk directory in force on ``as_of``, when
    the directory decides it unambiguously (not split into parts, not a starred industry with
    ``uses_listed_solvents`` unknown); ``None`` otherwise.

    >>> directory_risk_class("C1952", dt.date(2025, 1, 1), True)
    (<RiskClass.SERIOUS: ...>, '建设项目职业病危害风险分类管理目录 (2021)')
    >>> directory_risk_class("C1952", dt.date(2025, 1, 1), None) is None
    True
    """
    result = directory_entry(industry, as_of, uses_listed_solvents)
    if result is None or result.risk_class is None or result.conditional:
        return None
    return result.risk_class, directory_edition(result)
