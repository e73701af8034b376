"""Shared input handling for the identifier modules: type checks, bounded work, normalisation.

Every identifier goes through :func:`prepare` first, so all of them treat ``None``, numbers, over-long
strings, full-width characters, spaces, hyphens and lower case the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ohsreg.errors import InvalidFormat, InvalidLength

__all__ = ["MAX_INPUT", "passes", "prepare", "strip_separators"]

#: Longest raw input looked at (characters). Anything longer is rejected before any other work, so
#: validation time is bounded whatever the caller passes.
MAX_INPUT = 64

# Full-width ASCII (U+FF01-U+FF5E) and the ideographic space, as Chinese input methods type them, and
# the dash-like characters people paste in place of a hyphen. Nothing else is folded (see prepare).
_TO_ASCII = str.maketrans(
    {
        **{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},
        "\u3000": " ",
        **dict.fromkeys("‐‑‒–—―−﹣", "-"),
    }
)


def prepare(
    value: object, *, field: str, type_rule: str, length_rule: str, character_rule: str, example: str
) -> str:
    """Check that ``value`` is text of bounded length and return it in ASCII, stripped and upper-cased.

    Full-width digits, letters and punctuation (``９１１１``, ``－``) and the ideographic space fold to
    ASCII, dash-like characters to ``-``, and blanks at the ends are dropped (what a copy from a form or a
    spreadsheet brings). Anything else that is not printable ASCII is refused (``character_rule``): a
    circled, superscript or mathematical digit (``①``, ``¹``, ``𝟗``: NFKC would make them digits, so
    ``"𝟗14030¹"`` would pass as ``914030-1``), and a line break, tab or no-break space inside the code
    (which would otherwise vanish with the separators). Raises :class:`~ohsreg.errors.InvalidFormat`
    (``type_rule``) for ``None`` and non-strings and :class:`~ohsreg.errors.InvalidLength`
    (``length_rule``) for over-long input.
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
    text = value.strip()
    if not text.isascii():
        text = text.translate(_TO_ASCII)
    if not (text.isascii() and text.isprintable()):
        bad = next(c for c in text if not (c.isascii() and c.isprintable()))
        raise InvalidFormat(
            "{char!r} (U+{codepoint}) cannot be part of the code",
            rule=character_rule,
            field=field,
            hint="type the code in plain digits and letters, e.g. {example!r}",
            char=bad,
            codepoint=f"{ord(bad):04X}",
            example=example,
        )
    return text.upper()


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
