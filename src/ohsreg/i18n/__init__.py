"""Locale selection and message translation.

The locale is always explicit: a ``locale=`` argument, or :func:`use` as a context manager. The default
is ``zh_CN`` and it is never read from the process environment (no ``LANG``, no
``babel.default_locale()``), so a report renders the same on every machine.

Messages are gettext catalogues: the English text is the message id; one ``.po`` file per area
(``ohsreg.po``, ``units.po``, ``identifiers.po``…) lives in git under ``locale/zh_CN/LC_MESSAGES/`` and are compiled to ``.mo`` by the package build (and by the test setup). When no
``.mo`` is present (a plain source checkout) the ``.po`` file is read instead, so messages always work.

>>> gettext("unknown locale {locale!r}", "en")
'unknown locale {locale!r}'
>>> with use("en"):
...     current_locale()
'en'
>>> current_locale()
'zh_CN'
"""

from __future__ import annotations

import functools
import re
import string
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime

    from babel import Locale

__all__ = [
    "DEFAULT_LOCALE",
    "SUPPORTED_LOCALES",
    "current_locale",
    "format_date",
    "format_number",
    "format_quantity",
    "gettext",
    "normalize_locale",
    "render_message",
    "use",
]

DEFAULT_LOCALE = "zh_CN"
SUPPORTED_LOCALES: tuple[str, ...] = ("zh_CN", "en")
DOMAIN = "ohsreg"

_active: ContextVar[str] = ContextVar("ohsreg_locale", default=DEFAULT_LOCALE)
_catalogs: dict[str, dict[str, str]] = {}
_lock = threading.Lock()


def normalize_locale(locale: str | None) -> str:
    """Map ``None`` and common spellings (``zh``, ``zh-CN``, ``zh_Hans_CN``, ``en_US``) to a supported locale.

    >>> normalize_locale("zh-cn"), normalize_locale("en_GB"), normalize_locale(None)
    ('zh_CN', 'en', 'zh_CN')
    """
    if locale is None:
        return _active.get()
    if locale == "zh_CN" or locale == "en":  # the spellings ohsreg passes itself: nothing to do
        return locale
    key = locale.strip().replace("-", "_").lower() if isinstance(locale, str) else ""
    if key == "zh" or key.startswith(("zh_cn", "zh_hans")):
        return "zh_CN"
    if key == "en" or key.startswith("en_"):
        return "en"
    from ohsreg.errors import OhsregError

    raise OhsregError(
        "unknown locale {locale!r}",
        rule="i18n.locale",
        field="locale",
        hint="use one of {supported}",
        locale=locale,
        supported=", ".join(SUPPORTED_LOCALES),
    )


def current_locale() -> str:
    """The locale used when a call passes no ``locale=``."""
    return _active.get()


@contextmanager
def use(locale: str) -> Iterator[str]:
    """Make ``locale`` the default for calls inside the ``with`` block (per thread / task)."""
    token = _active.set(normalize_locale(locale))
    try:
        yield _active.get()
    finally:
        _active.reset(token)


def gettext(msgid: str, locale: str | None = None) -> str:
    """Translate ``msgid`` (English) into ``locale``; untranslated ids come back unchanged."""
    loc = normalize_locale(locale)
    if not isinstance(msgid, str):
        raise _value_error(msgid, "msgid", "str")
    if loc == "en":
        return msgid
    return _catalog(loc).get(msgid) or msgid


def render_message(template: str, locale: str | None = None, /, **params: Any) -> str:
    """The message ``template`` (an English msgid) translated into ``locale`` and filled with ``params``.

    The one place ohsreg renders a message (errors, findings, assessment reasons, the command line).
    Templates may come from data -- a :class:`~ohsreg.models.Finding` read from a file carries its own
    -- so only plain named fields are filled: ``{name}``, ``{name!r}``, ``{name!s}`` and a bounded
    numeric format (``{x:.4g}``, ``{n:,.0f}``, ``{code:>4}``: width and precision of at most two
    digits). A template with attribute or index access (``{due.__class__}``, ``{a[0]}``), a positional
    or nested field or any other format (``{subject:>1500000000}``) is shown as written, unfilled; so is
    one naming a parameter that was not given. A translation that cannot be filled falls back to the
    English template.

    >>> render_message("{n:,.0f} worker(s) at {site!r}", "en", n=12500, site="车间")
    "12,500 worker(s) at '车间'"
    >>> render_message("{subject:>1500000000}", "en", subject="x"), render_message("{due.__class__}", "en", due=1)
    ('{subject:>1500000000}', '{due.__class__}')
    """
    translated = gettext(template, locale)
    for text in (translated, template) if translated != template else (template,):
        if _fillable(text):
            try:
                return text.format_map(params)
            except (KeyError, IndexError, ValueError, TypeError):  # missing parameter, spec not for the type
                continue
    return template


_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SPEC = re.compile(r"[<>^=]?[+\- ]?0?[0-9]{0,2}[,_]?(?:\.[0-9]{1,2})?[bcdeEfFgGnosxX%]?")


def _fillable(template: str) -> bool:
    """Whether every field of ``template`` is a plain name with a bounded format (cached when short)."""
    return _fillable_cached(template) if len(template) <= 2000 else _fields_are_plain(template)


def _fields_are_plain(template: str) -> bool:
    try:
        fields = [(n, s, c) for _, n, s, c in string.Formatter().parse(template) if n is not None]
    except ValueError:  # unbalanced braces
        return False
    return all(
        _FIELD.fullmatch(name) and conversion in (None, "r", "s") and _SPEC.fullmatch(spec or "")
        for name, spec, conversion in fields
    )


_fillable_cached = functools.lru_cache(maxsize=1024)(_fields_are_plain)


def _catalog(locale: str) -> dict[str, str]:
    cached = _catalogs.get(locale)
    if cached is not None:
        return cached
    with _lock:
        if locale not in _catalogs:
            _catalogs[locale] = _load_catalog(locale)
        return _catalogs[locale]


def _load_catalog(locale: str) -> dict[str, str]:
    """Merge every catalogue of ``locale``: one ``.po`` file per area (errors, units, identifiers…)."""
    folder = resources.files(__name__).joinpath("locale", locale, "LC_MESSAGES")
    if not folder.is_dir():
        return {}
    merged: dict[str, str] = {}
    for po in sorted((e for e in folder.iterdir() if e.name.endswith(".po")), key=lambda e: e.name):
        mo = folder.joinpath(po.name[:-3] + ".mo")
        merged.update(_read_mo(mo) if _fresh(mo, po) else _read_po(po, locale))
    return merged


def _fresh(mo: Traversable, po: Traversable) -> bool:
    """A compiled catalogue exists and is not older than its source (edited .po in a dev checkout)."""
    if not mo.is_file():
        return False
    try:
        return Path(str(mo)).stat().st_mtime >= Path(str(po)).stat().st_mtime
    except OSError:  # not on a file system (zip import): trust the build
        return True


def _read_mo(mo: Traversable) -> dict[str, str]:
    import gettext as _gettext

    with mo.open("rb") as fh:
        translations = _gettext.GNUTranslations(fh)
    return {str(k): str(v) for k, v in translations._catalog.items() if k}  # type: ignore[attr-defined]


def _read_po(po: Traversable, locale: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=locale)
    return {str(m.id): str(m.string) for m in catalog if m.id and m.string and not m.fuzzy}


# -- locale-aware formatting for reports (#3); babel is imported on first use --

_BABEL_LOCALES: dict[str, Locale] = {}


def _value_error(value: object, field: str, expected: str) -> Exception:
    from ohsreg.errors import OhsregError

    return OhsregError(
        "{field_name} must be {expected}, not {type}",
        rule="i18n.value",
        field=field,
        field_name=field,
        expected=expected,
        type=type(value).__name__,
    )


def _babel_locale(locale: str | None) -> Locale:
    loc = normalize_locale(locale)
    cached = _BABEL_LOCALES.get(loc)
    if cached is None:
        from babel import Locale

        cached = _BABEL_LOCALES[loc] = Locale.parse(loc)
    return cached


def format_number(value: float, locale: str | None = None, *, decimals: int | None = None) -> str:
    """``value`` with the grouping and decimal signs of ``locale``; ``decimals`` fixes the fraction digits.

    >>> format_number(12345.678, "en"), format_number(0.5, "zh_CN", decimals=2)
    ('12,345.678', '0.50')
    >>> format_number(0.00012, "en")  # small limits keep their digits
    '0.00012'

    """
    import numbers
    from decimal import Decimal, localcontext

    from babel.numbers import format_decimal

    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise _value_error(value, "value", "a number")
    if decimals is not None and (
        isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 100
    ):
        raise _value_error(decimals, "decimals", "an int from 0 to 100")
    try:
        exact = Decimal(repr(float(value)))
    except OverflowError:
        raise _value_error(value, "value", "a number within the float range") from None
    # babel rounds in the current decimal context: give it room for every digit of a float (up to 309
    # before the point, 100 decimals after) instead of the default 28, which raises InvalidOperation
    with localcontext() as context:
        context.prec = 450
        if decimals is None:
            # every significant digit of the float, never rounded to babel's default of three decimals
            return str(format_decimal(exact, locale=_babel_locale(locale), decimal_quantization=False))
        fmt = "#,##0." + "0" * decimals if decimals > 0 else "#,##0"
        return str(format_decimal(value, format=fmt, locale=_babel_locale(locale)))


def format_quantity(quantity: Any, locale: str | None = None, *, decimals: int | None = None) -> str:
    """A :class:`~ohsreg.units.Quantity` or :class:`~ohsreg.units.SoundLevel` for a report.

    >>> from ohsreg.units import Quantity, SoundLevel
    >>> format_quantity(Quantity(1234.5, "mg/m³"), "en")
    '1,234.5 mg/m³'
    >>> format_quantity(SoundLevel(88.04, "A"), "zh_CN", decimals=1)
    '88.0 dB(A)'
    """
    magnitude = getattr(quantity, "magnitude", None)
    if magnitude is None:
        magnitude = getattr(quantity, "value", None)
    if magnitude is None or not hasattr(quantity, "unit"):
        raise _value_error(quantity, "quantity", "a Quantity or a SoundLevel")
    return f"{format_number(magnitude, locale, decimals=decimals)} {quantity.unit}"


def format_date(value: datetime.date, locale: str | None = None, *, format: str = "medium") -> str:
    """A date in ``locale`` (babel formats ``short``, ``medium``, ``long``, ``full`` or a pattern).

    >>> import datetime
    >>> format_date(datetime.date(2020, 4, 1), "zh_CN", format="long")
    '2020年4月1日'
    >>> format_date(datetime.date(2020, 4, 1), "en", format="long")
    'April 1, 2020'
    """
    import datetime as _dt

    from babel.dates import format_date as _format_date

    if not isinstance(value, _dt.date):
        raise _value_error(value, "value", "a date")
    if not isinstance(format, str):
        raise _value_error(format, "format", "str")
    try:
        return str(_format_date(value, format=format, locale=_babel_locale(locale)))
    except (AttributeError, KeyError, TypeError, ValueError):  # a pattern babel cannot apply to a date
        raise _value_error(format, "format", "short, medium, long, full or a date pattern") from None
