"""Shared input handling for the identifier modules: type checks, bounded work, normalisation.

Every identifier goes through :func:`prepare` first, so all of them treat ``None``, numbers, over-long
strings, full-width characters, spaces, hyphens and lower case the same way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from ohsreg.errors import InvalidFormat, InvalidLength

__all__ = ["MAX_INPUT", "passes", "prepare", "strip_separators"]

#: Longest raw input looked at (characters). Anything longer is rejected before any other work, so
#: validation time is bounded whatever the caller passes.
MAX_INPUT = 64

# Dash-like characters people paste in place of a hyphen (after NFKC, U+FF0D is already "-").
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−﹣", "-"))


def prepare(value: object, *, field: str, type_rule: str, length_rule: str, example: str) -> str:
    """Check that ``value`` is text of bounded length and return it NFKC-normalised and upper-cased.

    NFKC folds full-width digits and letters (``９１１１``) and the ideographic space to ASCII.
    Raises :class:`~ohsreg.errors.InvalidFormat` (``type_rule``) for ``None`` and non-strings and
    :class:`~ohsreg.errors.InvalidLength` (``length_rule``) for over-long input.
    """
    if not isinstance(value, str):
        if value is None:
            raise InvalidFormat(
                "no value given",
                rule=type_rule,
                field=field,
                hint="pass the code as text, e.g. {example!r}",
                example=example,
            )
        raise InvalidFormat(
            "expected text, got {kind}",
            rule=type_rule,
            field=field,
            hint="pass the code as text, e.g. {example!r}",
            kind=type(value).__name__,
            example=example,
        )
    if len(value) > MAX_INPUT:
        raise InvalidLength(
            "input too long ({length} characters, at most {limit} are read)",
            rule=length_rule,
            field=field,
            length=len(value),
            limit=MAX_INPUT,
        )
    if value.isascii():
        return value.upper()
    return unicodedata.normalize("NFKC", value).translate(_DASHES).upper()


def strip_separators(text: str) -> str:
    """Remove whitespace and hyphens (the separators people type inside codes)."""
    return "".join(text.split()).replace("-", "")


def passes(check: Callable[..., object], value: object, **options: Any) -> bool:
    """Whether ``check(value, **options)`` accepts ``value`` (the ``is_valid`` of every identifier).

    Every validation error is an :class:`~ohsreg.errors.OhsregError`, hence a :class:`ValueError`;
    anything else (a bug) still propagates.
    """
    try:
        check(value, **options)
    except ValueError:
        return False
    return True
