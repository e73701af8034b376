"""Resident identity card numbers (公民身份号码, GB 11643-1999): 18 characters.

Six digits of the division where the number was first issued (GB/T 2260), eight of the birth date,
three of a sequence number (odd for men, even for women) and a check character (``0``-``9`` or
``X``, ISO 7064 MOD 11-2). The check algorithm is python-stdnum's (:mod:`stdnum.cn.ric`). The
division part is checked against :mod:`ohsreg.identifiers.division` including historical codes,
because people keep the code of their place of first issue for life.

These numbers are personal data: exporters show :func:`masked` by default. A masked number
(``110105********002X``: the birth date hidden) is recognised by :func:`is_masked`; the functions that
need the full number refuse it with ``resident_id.masked`` and say how to get it (export with
``unmask=True``). Records read back from a masked export keep the masked form (see
:data:`ohsreg.models.PersonalResidentID`).

>>> validate("11010519491231002X")
'11010519491231002X'
>>> masked("11010519491231002X")
'110105********002X'
>>> birth_date("11010519491231002X"), sex("11010519491231002X")
(datetime.date(1949, 12, 31), 'female')
>>> is_masked("110105********002X")
True
>>> birth_date("110105********002X")
Traceback (most recent call last):
    ...
ohsreg.errors.InvalidFormat: resident_id: the number is masked ('110105********002X'): its birth date is hidden...
>>> validate("110105194912310021")
Traceback (most recent call last):
    ...
ohsreg.errors.InvalidChecksum: resident_id: wrong check character '1': expected 'X'...
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

from stdnum.cn import ric as _stdnum_ric

from ohsreg.errors import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from ohsreg.identifiers import division as _division
from ohsreg.identifiers._common import passes, prepare, strip_separators

__all__ = [
    "MASKED_PATTERN",
    "PATTERN",
    "birth_date",
    "compact",
    "format",
    "is_masked",
    "is_valid",
    "masked",
    "sex",
    "validate",
]

FIELD = "resident_id"
#: JSON Schema pattern of a normalised resident ID number.
PATTERN = r"^[1-9][0-9]{16}[0-9X]$"
#: JSON Schema pattern of a masked number (:func:`masked`): the eight birth-date digits are ``*``.
MASKED_PATTERN = r"^[1-9][0-9]{5}\*{8}[0-9]{3}[0-9X]$"
_MASKED = re.compile(MASKED_PATTERN)
_EXAMPLE = "11010519491231002X"
_EARLIEST_YEAR = 1850


def compact(number: object) -> str:
    """Normalise: ASCII digits, capital ``X``, no spaces or hyphens.

    >>> compact("110105 19491231 002x")
    '11010519491231002X'
    """
    return strip_separators(
        prepare(
            number,
            field=FIELD,
            type_rule="resident_id.type",
            length_rule="resident_id.length",
            character_rule="resident_id.character",
            example=_EXAMPLE,
        )
    )


def _birth(code: str) -> dt.date:
    try:
        born = dt.date(int(code[6:10]), int(code[10:12]), int(code[12:14]))
    except ValueError:
        born = None
    if born is None or born.year < _EARLIEST_YEAR:
        raise InvalidComponent(
            "the birth date {value!r} in the number is not a valid date",
            rule="resident_id.birth_date",
            field=FIELD,
            value=code[6:14],
        )
    return born


def is_masked(number: object) -> bool:
    """Whether ``number`` is a masked resident ID number (``110105********002X``); never raises.

    >>> is_masked("110105********002X"), is_masked("11010519491231002X"), is_masked(None)
    (True, False, False)
    """
    return isinstance(number, str) and _MASKED.match(number.strip().upper()) is not None


def _refuse_masked(code: str) -> None:
    raise InvalidFormat(
        "the number is masked ({value!r}): its birth date is hidden",
        rule="resident_id.masked",
        field=FIELD,
        hint="the full number is needed here: read it from an export written with unmask=True",
        value=code,
    )


def validate(number: object, *, allow_masked: bool = False) -> str:
    """Return the normalised number or raise an :class:`~ohsreg.errors.OhsregError`.

    Rule codes: ``resident_id.type``, ``resident_id.length``, ``resident_id.format``,
    ``resident_id.masked``, ``resident_id.checksum``, ``resident_id.birth_date``,
    ``resident_id.division``. The birth date is not compared with today (no hidden clock): callers
    with an ``as_of`` date compare :func:`birth_date` themselves.

    ``allow_masked=True`` accepts a masked number (what exports write by default) and returns it
    normalised, with its division code checked; its check character cannot be checked.
    """
    if number.__class__ is str and len(number) == 18 and number.isascii() and number.isalnum():
        code = number.upper()  # already compact (what stored records hold); never masked
        if _canonical_valid(code):  # fast path: every check below, and nothing else, in one pass
            return code
    else:
        code = compact(number)
        if _MASKED.match(code):
            if not allow_masked:
                _refuse_masked(code)
            _check_division(code)
            return code
    if len(code) != 18:
        raise InvalidLength(
            "a resident ID number has 18 characters, got {length}",
            rule="resident_id.length",
            field=FIELD,
            hint="15-digit numbers issued before 1999 must be converted to 18 digits",
            length=len(code),
        )
    if not (code[:17].isascii() and code[:17].isdigit() and (code[17] == "X" or "0" <= code[17] <= "9")):
        raise InvalidFormat(
            "a resident ID number has 17 digits and a digit or X, got {value!r}",
            rule="resident_id.format",
            field=FIELD,
            value=masked_unchecked(code),
        )
    expected = _stdnum_ric.calc_check_digit(code)
    if code[17] != expected:
        raise InvalidChecksum(
            "wrong check character {actual!r}: expected {expected!r}",
            rule="resident_id.checksum",
            field=FIELD,
            hint="re-check the number against the identity card",
            actual=code[17],
            expected=expected,
        )
    _birth(code)
    _check_division(code)
    return code


# days of each month (February of a common year): the birth-date check of the fast path
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _canonical_valid(code: str) -> bool:
    """Whether ``code`` (18 ASCII upper-case letters and digits) passes every check of :func:`validate`:
    17 digits and a digit or ``X``, the check character, a real birth date from :data:`_EARLIEST_YEAR`
    on and a known division. The same checks, done without building a date or raising; ``False`` sends
    the code the full way, which says what is wrong (tested to agree with it)."""
    head, last = code[:17], code[17]
    if not (head.isdigit() and (last == "X" or "0" <= last <= "9")):
        return False
    if last != _stdnum_ric.calc_check_digit(code):
        return False
    born = int(code[6:14])
    year, month, day = born // 10000, born // 100 % 100, born % 100
    if year < _EARLIEST_YEAR or not 1 <= month <= 12 or day < 1:
        return False
    if day > _MONTH_DAYS[month] and not (month == 2 and day == 29 and calendar.isleap(year)):
        return False
    return _division._is_known(code[:6])


def _check_division(code: str) -> None:
    if _division.get(code[:6]) is None:
        raise InvalidComponent(
            "the division code {code!r} in the number is not known",
            rule="resident_id.division",
            field=FIELD,
            hint="no edition of GB/T 2260 known to ohsreg lists it",
            code=code[:6],
        )


def is_valid(number: object) -> bool:
    """Whether ``number`` is a valid resident ID number; never raises.

    >>> is_valid("11010519491231002X"), is_valid("11010519491331002X")
    (True, False)
    """
    return passes(validate, number)


def format(number: object) -> str:
    """The presentation form (18 characters; validates first)."""
    return validate(number)


def masked_unchecked(code: str) -> str:
    """Hide the birth date of an 18-character string without validating it (for error messages)."""
    if len(code) != 18:
        return "*" * len(code)
    return f"{code[:6]}{'*' * 8}{code[14:]}"


def masked(number: object) -> str:
    """The number with the birth date hidden (``110105********002X``); validates first (a masked
    number is returned as it is)."""
    return masked_unchecked(validate(number, allow_masked=True))


def birth_date(number: object) -> dt.date:
    """The birth date encoded in a valid number (digits 7–14, GB 11643-1999)."""
    return _birth(validate(number))


def sex(number: object) -> Literal["male", "female"]:
    """``"male"`` when the sequence number (17th digit) is odd, else ``"female"`` (GB 11643-1999)."""
    return "male" if int(validate(number)[16]) % 2 else "female"
