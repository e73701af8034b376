"""The one message type, at the bottom of the package: an English template and its parameters.

Errors (:class:`~ohsreg.errors.OhsregError`), assessment reasons (:attr:`ohsreg.assess.Assessment.reasons`)
and findings (:class:`~ohsreg.models.Finding`) all carry an English ``str.format`` template, which doubles
as the gettext message id, and its parameters; all of them are rendered by :func:`render`.

The renderer itself, :func:`ohsreg.i18n.render_message` (translation, then only plain fields filled), lives
in :mod:`ohsreg.i18n`, which raises errors when asked for an unknown locale. So that neither errors nor
this module import i18n (the circle errors -> i18n -> errors), the package face installs the renderer
when ``ohsreg`` is imported (:func:`install`); i18n itself is loaded on the first message. This
module imports nothing but the standard library, so the face stays cheap.

>>> Message("{n} worker(s) exposed", (("n", 3),)).render("en")
'3 worker(s) exposed'
>>> msg("{n} worker(s) exposed", n=3) == Message("{n} worker(s) exposed", (("n", 3),))
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn, Protocol

__all__ = ["Message", "Renderer", "install", "msg", "normalize_locale", "render"]


class Renderer(Protocol):
    """``renderer(template, locale, **params) -> str``: the shape of :func:`ohsreg.i18n.render_message`."""

    def __call__(self, template: str, locale: str | None, /, **params: Any) -> str: ...


_renderer: Renderer | None = None
_normalizer: Callable[[str | None], str] | None = None


def install(
    *, renderer: Renderer | None = None, normalize: Callable[[str | None], str] | None = None
) -> None:
    """Make ``renderer`` the one :func:`render` calls and ``normalize`` the one :func:`normalize_locale`
    calls (the package face installs i18n's); a function not given stays as it was."""
    global _renderer, _normalizer
    if renderer is not None:
        _renderer = renderer
    if normalize is not None:
        _normalizer = normalize


def render(template: str, locale: str | None = None, /, **params: Any) -> str:
    """``template`` translated into ``locale`` and filled with ``params``, by the installed renderer."""
    renderer = _renderer
    if renderer is None:  # cannot happen through ``import ohsreg...``: the face runs first and installs it
        raise RuntimeError("no message renderer is installed: import ohsreg first")
    return renderer(template, locale, **params)


def normalize_locale(locale: str | None) -> str:
    """``locale`` as a supported locale (``"zh_CN"`` or ``"en"``), by the installed normaliser
    (:func:`ohsreg.i18n.normalize_locale`: ``None`` is the active locale, an unknown one raises)."""
    normalize = _normalizer
    if normalize is None:  # as for render(): the face installs it before any submodule runs
        raise RuntimeError("no locale normaliser is installed: import ohsreg first")
    return normalize(locale)


class Message:
    """A translatable sentence: an English gettext msgid and its parameters; immutable and hashable.

    :meth:`render` shows nested messages and labelled values (anything with ``label(locale)``, such as a
    :class:`~ohsreg.vocab.LabeledEnum`) in the locale asked for too.
    """

    __slots__ = ("params", "template")
    template: str
    params: tuple[tuple[str, Any], ...]

    def __init__(self, template: str, params: tuple[tuple[str, Any], ...] = ()) -> None:
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "params", params)

    def render(self, locale: str | None = None) -> str:
        """The sentence in ``locale`` (zh_CN or en), parameters formatted in; English if untranslated."""
        return render(self.template, locale, **{k: _localize(v, locale) for k, v in self.params})

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise AttributeError(f"Message is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"Message is immutable: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Message)
        return (self.template, self.params) == (other.template, other.params)

    def __hash__(self) -> int:
        return hash((Message, self.template, self.params))

    def __repr__(self) -> str:
        return f"Message(template={self.template!r}, params={self.params!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.template, self.params))


def msg(template: str, **params: Any) -> Message:
    """A :class:`Message` from an English msgid and its named parameters."""
    return Message(template, tuple(params.items()))


def _localize(value: Any, locale: str | None) -> Any:
    if isinstance(value, Message):
        return value.render(locale)
    label = getattr(value, "label", None)
    if callable(label):
        return label(locale)
    return value
