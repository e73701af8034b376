"""The error model: every error carries a stable rule code, the field it concerns and a bilingual message.

Callers switch on :attr:`OhsregError.rule` (a stable dotted code such as ``uscc.checksum``); people read
:meth:`OhsregError.message` in the locale they ask for. Messages are English ``str.format`` templates
that double as gettext message ids, so the Chinese text lives in the ``zh_CN`` catalogue of
:mod:`ohsreg.i18n`, not in code.

>>> err = InvalidChecksum(
...     "check character should be {expected!r}", rule="uscc.checksum", field="uscc", expected="3"
... )
>>> err.rule, err.field
('uscc.checksum', 'uscc')
>>> err.message("en")
"check character should be '3'"
>>> isinstance(err, ValueError)
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic_core import PydanticCustomError

__all__ = [
    "EditionError",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "OhsregError",
    "RuleViolation",
    "UnknownEntry",
    "to_pydantic_error",
]


class OhsregError(ValueError):
    """Base of every error ohsreg raises on bad input.

    Subclasses :class:`ValueError` so that pydantic and ordinary callers treat it as invalid input.

    Args:
        template: English message, a :meth:`str.format` template over ``params``; it is also the
            gettext message id looked up in the ``zh_CN`` catalogue.
        rule: stable machine-readable code, e.g. ``"uscc.checksum"``; documented in the rule table.
        field: the name of the field or argument the error concerns, if any.
        hint: optional English template saying what to do about it (translated like ``template``).
        params: values substituted into the templates, kept for callers as :attr:`params`.
    """

    default_rule = "ohsreg.error"

    def __init__(
        self,
        template: str,
        *,
        rule: str | None = None,
        field: str | None = None,
        hint: str | None = None,
        **params: Any,
    ) -> None:
        self.template = template
        self.rule = rule or self.default_rule
        self.field = field
        self.hint = hint
        self.params: Mapping[str, Any] = params
        super().__init__(self.__str__())

    def message(self, locale: str | None = None) -> str:
        """The message (and hint, if any) in ``locale`` (default: the active ohsreg locale, zh_CN)."""
        from ohsreg.i18n import gettext

        text = _render(gettext(self.template, locale), self.params)
        if self.hint:
            text = f"{text}; {_render(gettext(self.hint, locale), self.params)}"
        return text

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        en = self.message("en")
        zh = self.message("zh_CN")
        both = en if zh == en else f"{en} / {zh}"
        return f"{where}{both} [{self.rule}]"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(rule={self.rule!r}, field={self.field!r}, params={dict(self.params)!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only constructor: pickle (multiprocessing, dask) needs an explicit recipe.
        return (
            _rebuild,
            (type(self), self.template, self.rule, self.field, self.hint, dict(self.params)),
        )


def _rebuild(
    cls: type[OhsregError],
    template: str,
    rule: str,
    field: str | None,
    hint: str | None,
    params: dict[str, Any],
) -> OhsregError:
    return cls(template, rule=rule, field=field, hint=hint, **params)


def _render(template: str, params: Mapping[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation that names a parameter differently must not turn one error into another.
        return template


class InvalidFormat(OhsregError):
    """The value does not have the required shape (characters, pattern, syntax)."""

    default_rule = "format"


class InvalidLength(InvalidFormat):
    """The value has the wrong number of characters or items."""

    default_rule = "length"


class InvalidChecksum(OhsregError):
    """A check digit or check character does not match."""

    default_rule = "checksum"


class InvalidComponent(OhsregError):
    """A part of a structured value (a code segment, a date inside an ID) is not valid."""

    default_rule = "component"


class UnknownEntry(OhsregError, LookupError):
    """A well-formed key that no table of the requested edition contains.

    ``params["suggestions"]`` holds close matches when there are any.
    """

    default_rule = "unknown"


class EditionError(OhsregError):
    """The requested edition does not exist, or no edition was in force on the requested date."""

    default_rule = "edition"


class RuleViolation(OhsregError):
    """Input that breaks a consistency rule between fields (e.g. exposed workers > workers)."""

    default_rule = "rule"


def _utf8(text: str) -> str:
    """``text`` unchanged, or with unencodable characters (lone surrogates) as backslash escapes."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def to_pydantic_error(err: OhsregError) -> PydanticCustomError:
    """Wrap ``err`` for pydantic, keeping the rule code as the error ``type`` and in ``ctx``.

    pydantic formats the message itself, so the rendered English (and Chinese) text is passed
    through as the template; ``ctx`` carries ``rule``, ``field``, ``message_zh`` and the params.
    """
    from pydantic_core import PydanticCustomError

    ctx: dict[str, Any] = {
        "rule": err.rule,
        "field": err.field,
        "message_en": err.message("en"),
        "message_zh": err.message("zh_CN"),
    }
    for key, value in err.params.items():
        ctx.setdefault(key, value if isinstance(value, str | int | float | bool) else str(value))
    # pydantic renders in Rust: a lone surrogate from the input would break the error itself
    ctx = {key: _utf8(value) if isinstance(value, str) else value for key, value in ctx.items()}
    text = f"{ctx['message_en']} / {ctx['message_zh']} [{err.rule}]"
    # Braces in user data must not be read as pydantic template fields.
    return PydanticCustomError(err.rule, text.replace("{", "{{").replace("}", "}}"), ctx)
