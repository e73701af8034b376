"""CAS Registry Numbers: check digit, hyphenation and group lengths.

A CAS RN is ``NNNNNNN-NN-N``: a first group of 2 to 7 digits without a leading zero, a group of two
digits and a check digit. The check-digit algorithm is python-stdnum's (:mod:`stdnum.casrn`); this
module adds normalisation (full-width digits, spaces, missing hyphens), bilingual errors with rule
codes and the pydantic type :data:`ohsreg.identifiers.CASNumber`.

>>> validate("71-43-2")
'71-43-2'
>>> validate("329657")  # hyphens inserted
'329-65-7'
>>> validate("71-43-3")
Traceback (most recent call last):
    ...
ohsreg.errors.InvalidChecksum: cas: wrong check digit '3': expected '2'...
"""

from __future__ import annotations

from stdnum import casrn as _stdnum_casrn

from ohsreg.errors import InvalidChecksum, InvalidFormat, InvalidLength
from ohsreg.identifiers._common import passes, prepare

__all__ = ["PATTERN", "compact", "format", "is_valid", "validate"]

FIELD = "cas"
#: JSON Schema pattern of a normalised CAS RN.
PATTERN = r"^[1-9][0-9]{1,6}-[0-9]{2}-[0-9]$"
_EXAMPLE = "71-43-2"


def compact(number: object) -> str:
    """Normalise: ASCII digits, no spaces; a number typed without hyphens gets them inserted.

    >>> compact(" 7732 18 5"), compact("７１－４３－２")
    ('7732-18-5', '71-43-2')
    """
    text = "".join(
        prepare(
            number,
            field=FIELD,
            type_rule="cas.type",
            length_rule="cas.length",
            character_rule="cas.character",
            example=_EXAMPLE,
        ).split()
    )
    if "-" not in text and len(text) >= 4:
        text = f"{text[:-3]}-{text[-3:-1]}-{text[-1]}"
    return text


def validate(number: object) -> str:
    """Return the hyphenated CAS RN or raise an :class:`~ohsreg.errors.OhsregError`.

    The CAS rule: groups of 2–7 digits (no leading zero), 2 digits and a check digit (the weighted
    digit sum mod 10, python-stdnum's :mod:`stdnum.casrn`).

    Rule codes: ``cas.type``, ``cas.length``, ``cas.format``, ``cas.checksum``. An ``int`` is refused
    (``cas.type``): leading zeros and hyphens are lost in numbers, so CAS numbers must be text.

    >>> validate(7732185)
    Traceback (most recent call last):
        ...
    ohsreg.errors.InvalidFormat: cas: expected text, got int; pass the code as text, e.g. '71-43-2'...
    """
    code = compact(number)
    groups = code.split("-")
    digits = "".join(groups)
    if not 5 <= len(digits) <= 10:
        raise InvalidLength(
            "a CAS number has 5 to 10 digits, got {length}",
            rule="cas.length",
            field=FIELD,
            length=len(digits),
        )
    if not (digits.isascii() and digits.isdigit()):
        raise InvalidFormat(
            "a CAS number contains only digits and hyphens, got {value!r}",
            rule="cas.format",
            field=FIELD,
            value=code,
        )
    if len(groups) != 3 or not (2 <= len(groups[0]) <= 7 and len(groups[1]) == 2 and len(groups[2]) == 1):
        raise InvalidFormat(
            "misplaced hyphens in {value!r}",
            rule="cas.format",
            field=FIELD,
            hint="the form is 2-7 digits, 2 digits, 1 check digit, e.g. {example!r}",
            value=code,
            example=_EXAMPLE,
        )
    if groups[0][0] == "0":
        raise InvalidFormat(
            "a CAS number does not start with 0: {value!r}",
            rule="cas.format",
            field=FIELD,
            hint="drop the leading zeros",
            value=code,
        )
    expected = _stdnum_casrn.calc_check_digit(digits[:-1])
    if groups[2] != expected:
        raise InvalidChecksum(
            "wrong check digit {actual!r}: expected {expected!r}",
            rule="cas.checksum",
            field=FIELD,
            hint="re-check the number against the safety data sheet",
            actual=groups[2],
            expected=expected,
        )
    return code


def is_valid(number: object) -> bool:
    """Whether ``number`` is a valid CAS RN; never raises.

    >>> is_valid("50-00-0"), is_valid("50-00-1"), is_valid(500000)
    (True, False, False)
    """
    return passes(validate, number)


def format(number: object) -> str:
    """The presentation form ``NNNNNNN-NN-N`` (validates first).

    >>> format("7440 38 2")
    '7440-38-2'
    """
    return validate(number)
