"""The error model: every error carries a stable rule code, the field it concerns and a bilingual message.

Callers switch on :attr:`OhsregError.rule` (a stable dotted code such as ``uscc.checksum``); people read
:meth:`OhsregError.message` in the locale they ask for. Messages are English ``str.format`` templates
that double as gettext message ids, so the Chinese text lives in the ``zh_CN`` catalogue of
:mod:`ohsreg.i18n`, not in code; they render through the one message renderer of ``ohsreg._message``
(errors do not import i18n, which raises them).

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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ohsreg._message import normalize_locale, render

if TYPE_CHECKING:
    from pydantic_core import PydanticCustomError

__all__ = [
    "EditionError",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "OhsregError",
    "Problem",
    "RuleViolation",
    "UnknownEntry",
    "problems",
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
        # the message is rendered when asked for (str(), message()), not here: code that catches errors in
        # bulk (20k unknown hazards of a file) does not pay for two gettext renderings per error
        super().__init__(template)

    def message(self, locale: str | None = None) -> str:
        """The message (and hint, if any) in ``locale`` (default: the active ohsreg locale, zh_CN)."""
        params = {"field": self.field or "", **self.params}  # a template may name its ``{field}``
        text = render(self.template, locale, **params)
        if self.hint:
            parts = {"message": text, "hint": render(self.hint, locale, **params)}
            text = render("{message}; {hint}", locale, **parts)
        return text

    def __str__(self) -> str:
        en = self.message("en")
        # no "field: field must be..." when the template itself starts with the field
        named = self.template.startswith(("{field}", "{where}")) and en.startswith(str(self.field))
        where = f"{self.field}: " if self.field and not named else ""
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


def to_pydantic_error(err: OhsregError) -> PydanticCustomError:
    """Wrap ``err`` for pydantic, keeping the rule code as the error ``type`` and in ``ctx``.

    pydantic formats the message itself, so the rendered English (and Chinese) text is passed
    through as the template; ``ctx`` carries ``rule``, ``field``, ``message_zh`` and the params.
    """
    from pydantic_core import PydanticCustomError

    en, zh = _rendered(err)
    ctx: dict[str, Any] = {
        "rule": err.rule,
        "field": _encodable(err.field),
        "message_en": _encodable(en),
        "message_zh": _encodable(zh),
    }
    for key, value in err.params.items():
        ctx.setdefault(
            key, _encodable(value) if isinstance(value, str | int | float | bool) else _encodable(str(value))
        )
    text = f"{ctx['message_en']} / {ctx['message_zh']} [{err.rule}]"
    # Braces in user data must not be read as pydantic template fields.
    return PydanticCustomError(err.rule, text.replace("{", "{{").replace("}", "}}"), ctx)


_RENDERED: dict[tuple[Any, ...], tuple[str, str]] = {}


def _rendered(err: OhsregError) -> tuple[str, str]:
    """The English and Chinese messages of ``err``; the same error seen again (a file with thousands of
    rows naming the same unknown hazard) is rendered once. The cache is bounded (1024 messages)."""
    try:
        key = (
            type(err),
            err.template,
            err.hint,
            err.rule,
            err.field,
            tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in err.params.items()),
        )
        hash(key)
    except TypeError:  # an unhashable parameter: render without the cache
        return err.message("en"), err.message("zh_CN")
    found = _RENDERED.get(key)
    if found is None:
        if len(_RENDERED) >= 1024:
            _RENDERED.clear()
        found = _RENDERED[key] = (err.message("en"), err.message("zh_CN"))
    return found


def _encodable(value: Any) -> Any:
    """``value`` with lone surrogates escaped (``\\ud800``): pydantic renders errors as UTF-8."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


# --------------------------------------------------------------------------------------------------
# one way to catch every library error


@dataclass(frozen=True)
class Problem:
    """One problem of a caught error, whatever raised it: the rule code, the field, both messages.

    ``rule`` is the ohsreg rule code (see the rule table); for pydantic's own checks it is pydantic's
    error type (``missing``, ``extra_forbidden``, ``string_type``…). ``line`` is the line or row in the
    input file for errors of a file reader.
    """

    rule: str
    field: str | None
    message_en: str
    message_zh: str
    line: int | None = None

    def message(self, locale: str | None = None) -> str:
        """The message in ``locale`` (zh_CN by default, like every ohsreg message)."""
        return self.message_en if normalize_locale(locale) == "en" else self.message_zh


def problems(exc: BaseException) -> list[Problem]:
    """Every problem of an error raised by ohsreg: an :class:`OhsregError`, a file reader's
    ``RecordError`` (one problem per record field) or a pydantic ``ValidationError`` of a model.

    The documented way to catch every library error::

        from pydantic import ValidationError

        try:
            ...
        except (OhsregError, ValidationError) as exc:
            for p in problems(exc):
                print(p.rule, p.field, p.message("zh_CN"))

    Raises :class:`TypeError` for any other exception (a bug, not bad input: let it propagate).

    >>> from ohsreg.identifiers import uscc
    >>> try:
    ...     uscc.validate("91110000600037341X")
    ... except OhsregError as exc:
    ...     [(p.rule, p.field) for p in problems(exc)]
    [('uscc.checksum', 'uscc')]
    """
    items = getattr(exc, "errors", None)
    if isinstance(exc, OhsregError) and isinstance(items, list):  # a reader's RecordError
        return [
            Problem(
                str(i.get("type")),
                i.get("field") or None,
                str(i.get("message")),
                str(i.get("message_zh", i.get("message"))),
                i.get("line"),
            )
            for i in items
        ]
    if isinstance(exc, OhsregError):
        return [Problem(exc.rule, exc.field, exc.message("en"), exc.message("zh_CN"))]
    if callable(items) and type(exc).__name__ == "ValidationError":  # pydantic, without importing it
        out: list[Problem] = []
        for e in items(include_url=False):
            ctx = e.get("ctx") or {}
            english = str(ctx.get("message_en", e["msg"]))
            loc = ".".join(str(p) for p in e["loc"])
            out.append(
                Problem(
                    str(e["type"]),
                    ctx.get("field") or loc or None,
                    english,
                    str(ctx.get("message_zh", english)),
                )
            )
        return out
    raise TypeError(f"not an ohsreg or pydantic validation error: {type(exc).__name__}") from exc
