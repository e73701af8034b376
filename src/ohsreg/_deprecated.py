"""Deprecations: the one warning for a name that moved or went, and aliases that keep a moved module
importable at its old path.

>>> import types, warnings
>>> new = types.ModuleType("new_home")
>>> new.answer = 42
>>> getattr_ = moved("old.home", new)
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     getattr_("answer"), str(caught[0].message)
(42, 'old.home.answer is deprecated; use new_home.answer')
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from types import ModuleType
from typing import Any

__all__ = ["moved", "warn"]


def warn(old: str, advice: str, *, stacklevel: int = 3) -> None:
    """Warn that ``old`` (a dotted name) is deprecated and what to use instead (the caller's caller is
    blamed: the code that still uses the old name)."""
    warnings.warn(f"{old} is deprecated; use {advice}", DeprecationWarning, stacklevel=stacklevel)


def moved(old: str, new: ModuleType) -> Callable[[str], Any]:
    """A module ``__getattr__`` (PEP 562) for ``old``: returns ``new``'s attribute, with a warning."""

    def resolve(name: str) -> Any:
        value = getattr(new, name)  # AttributeError for names the new module does not have either
        if not name.startswith("__"):
            warn(f"{old}.{name}", f"{new.__name__}.{name}")
        return value

    return resolve
