"""Helpers of the enterprise rule modules: calendar arithmetic and optional catalogue look-ups.

Not public API. The reference catalogue (``ohsreg.catalogue``) is used when it is installed and looked
up once; without it hazard names are kept as given.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from typing import Any

from ohsreg.errors import OhsregError

__all__ = ["add_days", "add_months", "canonical_hazard", "directory_risk_class", "hazard_name"]


def add_months(start: dt.date, months: int) -> dt.date:
    """``start`` plus whole calendar months, clamped to the month's last day.

    >>> add_months(dt.date(2024, 1, 31), 1), add_months(dt.date(2023, 2, 28), 12)
    (datetime.date(2024, 2, 29), datetime.date(2024, 2, 28))
    """
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def add_days(start: dt.date, days: int) -> dt.date:
    """``start`` plus ``days`` calendar days."""
    return start + dt.timedelta(days=days)


_MISSING: Any = object()
_catalogue_cache: Any = _MISSING


def _catalogue() -> Any:
    """The reference catalogue module, or None when it is not installed (looked up once)."""
    global _catalogue_cache
    if _catalogue_cache is _MISSING:
        try:
            from ohsreg import catalogue
        except ImportError:
            _catalogue_cache = None
        else:
            _catalogue_cache = catalogue
    return _catalogue_cache


@functools.lru_cache(maxsize=4096)
def canonical_hazard(name: str) -> str:
    """The catalogue key of a hazard named ``name`` when the reference catalogue resolves it, else ``name``."""
    resolve = getattr(_catalogue(), "resolve_hazard_key", None)
    if resolve is None:
        return name
    try:
        return str(resolve(name))
    except (OhsregError, LookupError):
        return name


@functools.lru_cache(maxsize=4096)
def hazard_name(key: str) -> str:
    """The Chinese name of the catalogue hazard ``key`` (what messages show), else ``key`` itself."""
    get = getattr(_catalogue(), "get", None)
    if get is None:
        return key
    try:
        hazard = get(key)
    except (OhsregError, LookupError):
        return key
    name = getattr(hazard, "name_zh", None)
    return name if isinstance(name, str) and name else key


def directory_risk_class(
    industry: str, as_of: dt.date, uses_listed_solvents: bool | None
) -> tuple[Any, str] | None:
    """(RiskClass, edition) of ``industry`` in the risk directory in force on ``as_of``, when the reference
    catalogue is installed and the directory decides it unambiguously; ``None`` otherwise."""
    risk_class = getattr(_catalogue(), "risk_class", None)
    if risk_class is None:
        return None
    try:
        result = risk_class(industry, as_of=as_of, uses_listed_solvents=uses_listed_solvents)
    except (OhsregError, LookupError):
        return None
    cls = getattr(result, "risk_class", None)
    if cls is None or getattr(result, "conditional", False):
        return None
    return cls, str(getattr(result, "edition", ""))
