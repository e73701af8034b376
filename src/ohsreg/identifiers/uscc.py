"""USCC, the unified social credit code (统一社会信用代码) of GB 32100-2015.

Eighteen characters from the digits and the capital letters except I, O, Z, S and V:

========  ===========================================  ==========================
position  part                                         characters
========  ===========================================  ==========================
1         registration authority (登记管理部门代码)     digit or letter
2         entity type (机构类别代码)                    digit or letter
3–8       division of the registering office (GB/T 2260)  digits
9–17      organisation code (主体标识码, GB 11714)      digits or letters
18        check character (校验码, GB/T 17710)          digit or letter
========  ===========================================  ==========================

The check character is GB/T 17710's MOD 31-3 as in python-stdnum (:mod:`stdnum.cn.uscc`; computed here on
the already-normalised code, without stdnum's second clean-up, and tested equal to it); this module adds
normalisation of what people type, the parts, bilingual errors with rule codes and the pydantic
type :data:`ohsreg.identifiers.USCC`. Unlike python-stdnum, the first two positions may be letters
(authority ``Y`` "other" and letter entity types occur in real codes).

>>> validate("91110000600037341L")
'91110000600037341L'
>>> validate("９１１１００００６０００３７３４１ｌ")  # full width, lower case
'91110000600037341L'
>>> validate("91110000600037341M")
Traceback (most recent call last):
    ...
ohsreg.errors.InvalidChecksum: uscc: wrong check character 'M': expected 'L'...
>>> parts("91110000600037341L")
USCCParts(authority='9', entity_type='1', division='110000', organisation_code='600037341', check='L')
"""

from __future__ import annotations

from dataclasses import dataclass

from ohsreg.errors import InvalidChecksum, InvalidFormat, InvalidLength
from ohsreg.identifiers._common import passes, prepare, strip_separators

__all__ = [
    "AUTHORITY_NAMES",
    "CHARACTERS",
    "PATTERN",
    "WEIGHTS",
    "USCCParts",
    "check_character",
    "compact",
    "format",
    "is_valid",
    "parts",
    "validate",
]

FIELD = "uscc"
#: JSON Schema pattern of a normalised USCC.
PATTERN = r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$"
_ALPHABET = frozenset("0123456789ABCDEFGHJKLMNPQRTUWXY")
_EXCLUDED = frozenset("IOZSV")
_EXAMPLE = "91110000600037341L"
#: The USCC alphabet in the order of its character values 0-30 (GB 32100-2015).
CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(CHARACTERS)}
#: Weights of positions 1-17 for the check character (3^(i-1) mod 31, GB 32100-2015 / GB/T 17710).
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))

#: Registration-authority codes with their names (GB 32100-2015, 表1 as reproduced in public
#: secondary sources; ``verified: false`` against the standard's own text). Other codes are passed
#: through without a name.
AUTHORITY_NAMES: dict[str, str] = {"1": "机构编制", "5": "民政", "9": "工商", "Y": "其他"}


@dataclass(frozen=True, slots=True)
class USCCParts:
    """The five parts of a valid USCC (see the module table)."""

    authority: str
    entity_type: str
    division: str
    organisation_code: str
    check: str

    @property
    def authority_name(self) -> str | None:
        """Chinese name of the registration authority, when known (unverified, see AUTHORITY_NAMES)."""
        return AUTHORITY_NAMES.get(self.authority)


def check_character(code: str) -> str:
    """The check character of a normalised code (its first 17 characters, all of the USCC alphabet).

    >>> check_character("91110000600037341")
    'L'
    """
    if not isinstance(code, str) or len(code) < 17 or any(c not in _VALUE for c in code[:17]):
        raise InvalidFormat(
            "the check character is computed from the first 17 characters of a normalised USCC, got {code}",
            rule="uscc.format",
            field=FIELD,
            hint="normalise the code first: uscc.compact(...)",
            code=repr(code)[:40],
        )
    total = sum(_VALUE[c] * w for c, w in zip(code[:17], WEIGHTS, strict=False))
    return CHARACTERS[(31 - total % 31) % 31]


def compact(number: object) -> str:
    """Normalise what people type: full-width to ASCII, upper case, no spaces or hyphens.

    Only the representation changes; nothing is checked except type and length bound.

    >>> compact(" 9111 0000-6000 3734 1l ")
    '91110000600037341L'
    """
    return strip_separators(
        prepare(
            number,
            field=FIELD,
            type_rule="uscc.type",
            length_rule="uscc.length",
            character_rule="uscc.character",
            example=_EXAMPLE,
        )
    )


def validate(number: object) -> str:
    """Return the normalised USCC or raise an :class:`~ohsreg.errors.OhsregError` saying what is wrong.

    GB 32100-2015: 18 characters of the USCC alphabet (no I, O, Z, S, V), digits in positions 3–8 and
    the check character of GB/T 17710 (python-stdnum's algorithm).

    Rule codes: ``uscc.type``, ``uscc.length``, ``uscc.format``, ``uscc.checksum``.

    >>> validate("9111000060003734IL")
    Traceback (most recent call last):
        ...
    ohsreg.errors.InvalidFormat: uscc: the letter 'I' (position 17) never occurs in a USCC...
    """
    code = compact(number)
    if len(code) != 18:
        raise InvalidLength(
            "a USCC has 18 characters, got {length}", rule="uscc.length", field=FIELD, length=len(code)
        )
    for index, char in enumerate(code):
        if char in _ALPHABET and (char.isdigit() or not 2 <= index < 8):
            continue
        position = index + 1
        if char in _EXCLUDED:
            raise InvalidFormat(
                "the letter {char!r} (position {position}) never occurs in a USCC",
                rule="uscc.format",
                field=FIELD,
                hint="I, O, Z, S and V are not used: check for a misread 1, 0, 2, 5 or U",
                char=char,
                position=position,
            )
        if 2 <= index < 8 and char in _ALPHABET:
            raise InvalidFormat(
                "positions 3-8 (the division code) must be digits, found {char!r} at position {position}",
                rule="uscc.format",
                field=FIELD,
                char=char,
                position=position,
            )
        raise InvalidFormat(
            "character {char!r} (position {position}) is not allowed in a USCC",
            rule="uscc.format",
            field=FIELD,
            hint="a USCC uses digits and capital letters only",
            char=char,
            position=position,
        )
    expected = check_character(code)
    if code[17] != expected:
        raise InvalidChecksum(
            "wrong check character {actual!r}: expected {expected!r}",
            rule="uscc.checksum",
            field=FIELD,
            hint="re-check the code against the business licence",
            actual=code[17],
            expected=expected,
        )
    return code


def is_valid(number: object) -> bool:
    """Whether ``number`` is a valid USCC; never raises.

    >>> is_valid("91110000600037341L"), is_valid(None), is_valid(91110000)
    (True, False, False)
    """
    return passes(validate, number)


def format(number: object) -> str:
    """The presentation form: the 18 characters without separators.

    >>> format("91110000 600037341L")
    '91110000600037341L'
    """
    return validate(number)


def parts(number: object) -> USCCParts:
    """Split a valid USCC into its parts of GB 32100-2015 (see the module table; validates first).

    >>> p = parts("91110000600037341L")
    >>> p.division, p.organisation_code, p.authority_name
    ('110000', '600037341', '工商')
    """
    code = validate(number)
    return USCCParts(code[0], code[1], code[2:8], code[8:17], code[17])
