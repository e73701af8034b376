"""Aliases that keep a moved module importable at its old path, with a :class:`DeprecationWarning`.

>>> import types, warnings
>>> new = types.ModuleType("new_home")
>>> new.answer = 42
>>> getattr_ = moved("old.home", new)
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     getattr_("answer"), str(caught[0].message)
(42, 'old.home is deprecated: import answer from new_home')
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from types import ModuleType
from typing import Any

__all__ = ["moved"]


def moved(old: str, new: ModuleType) -> Callable[[str], Any]:
    """A module ``__getattr__`` (PEP 562) for ``old``: returns ``new``'s attribute, with a warning."""

    def resolve(name: str) -> Any:
        value = getattr(new, name)  # AttributeError for names the new module does not have either
        if not name.startswith("__"):
            warnings.warn(
                f"{old} is deprecated: import {name} from {new.__name__}", DeprecationWarning, stacklevel=2
            )
        return value

    return resolve
