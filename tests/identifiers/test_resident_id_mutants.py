"""Resident ID numbers: every error word for word, masked numbers, and the birth dates of the fast path.

Each test checks what a caller sees: the normalised number, the rule code, the error's field, class,
parameters and English message (a changed template also loses its zh_CN translation).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from stdnum.cn import ric as stdnum_ric

from ohsreg.errors import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, OhsregError
from ohsreg.identifiers import resident_id

EXAMPLE = "11010519491231002X"
MASKED = "110105********002X"

Refused = Callable[..., OhsregError]


def _with_check(body: str) -> str:
    """``body`` (17 digits) with its ISO 7064 MOD 11-2 check character (python-stdnum's)."""
    return body + stdnum_ric.calc_check_digit(body + "0")


def test_masked_numbers_are_refused_unless_allowed(refused: Refused) -> None:
    for call in (resident_id.validate, resident_id.birth_date, resident_id.sex, resident_id.format):
        err = refused(call, MASKED)
        assert isinstance(err, InvalidFormat)
        assert (err.rule, err.field, dict(err.params)) == (
            "resident_id.masked",
            "resident_id",
            {"value": MASKED},
        )
        assert err.message("en") == (
            f"the number is masked ({MASKED!r}): its birth date is hidden; "
            "the full number is needed here: read it from an export written with unmask=True"
        )
    assert refused(resident_id.validate, MASKED, allow_masked=False).rule == "resident_id.masked"
    assert not resident_id.is_valid(MASKED)
    # allowed: returned normalised, its division still checked
    assert resident_id.validate(" 110105********002x ", allow_masked=True) == MASKED
    assert resident_id.masked(MASKED) == MASKED
    assert resident_id.masked("110105 ******** 002x") == MASKED
    assert (
        refused(resident_id.validate, "999999********002X", allow_masked=True).rule == "resident_id.division"
    )
    assert refused(resident_id.masked, "999999********002X").rule == "resident_id.division"


def test_length_error(refused: Refused) -> None:
    err = refused(resident_id.validate, "11010519491231002")
    assert isinstance(err, InvalidLength)
    assert (err.rule, err.field, dict(err.params)) == ("resident_id.length", "resident_id", {"length": 17})
    assert err.message("en") == (
        "a resident ID number has 18 characters, got 17; "
        "15-digit numbers issued before 1999 must be converted to 18 digits"
    )
    # 19 digits whose 18th is the check character of the first 18: still too long
    assert dict(refused(resident_id.validate, "1101051949123100090").params) == {"length": 19}
    too_long = refused(resident_id.validate, "1" * 65)
    assert isinstance(too_long, InvalidLength)
    assert (too_long.rule, dict(too_long.params)) == ("resident_id.length", {"length": 65, "limit": 64})


def test_character_and_type_errors_name_the_example(refused: Refused) -> None:
    err = refused(resident_id.compact, "110105①9491231002X")
    assert (err.rule, err.field) == ("resident_id.character", "resident_id")
    assert err.message("en") == (
        "'①' (U+2460) cannot be part of the code; type the code in plain digits and letters, e.g. "
        f"{EXAMPLE!r}"
    )
    none = refused(resident_id.validate, None)
    assert none.rule == "resident_id.type"
    assert none.message("en") == f"no value given; pass the code as text, e.g. {EXAMPLE!r}"


def test_format_error_hides_the_birth_date(refused: Refused) -> None:
    for number, shown in (
        ("1101051949123100AX", "110105********00AX"),
        ("11010519491231002A", MASKED[:-1] + "A"),
    ):
        err = refused(resident_id.validate, number)
        assert isinstance(err, InvalidFormat)
        assert (err.rule, err.field, dict(err.params)) == (
            "resident_id.format",
            "resident_id",
            {"value": shown},
        )
        assert err.message("en") == f"a resident ID number has 17 digits and a digit or X, got {shown!r}"


def test_checksum_error(refused: Refused) -> None:
    err = refused(resident_id.validate, "110105194912310021")
    assert isinstance(err, InvalidChecksum)
    assert (err.rule, err.field, dict(err.params)) == (
        "resident_id.checksum",
        "resident_id",
        {"actual": "1", "expected": "X"},
    )
    assert err.message("en") == (
        "wrong check character '1': expected 'X'; re-check the number against the identity card"
    )


def test_division_error(refused: Refused) -> None:
    err = refused(resident_id.validate, "999999194912310025")
    assert isinstance(err, InvalidComponent)
    assert (err.rule, err.field, dict(err.params)) == (
        "resident_id.division",
        "resident_id",
        {"code": "999999"},
    )
    assert err.message("en") == (
        "the division code '999999' in the number is not known; no edition of GB/T 2260 known to ohsreg lists it"
    )


def _real_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def test_birth_dates_of_compact_numbers(refused: Refused) -> None:
    # every month 0-13 and day 0-32 of years around the earliest year, century and leap years: a compact
    # number (the fast path) is accepted exactly when its date is real and from 1850 on
    for year in (1849, 1850, 1900, 1904, 1905, 1949, 2000, 2023, 2024, 2100):
        for month in range(14):
            for day in range(33):
                digits = f"{year:04d}{month:02d}{day:02d}"
                number = _with_check(f"110105{digits}002")
                born = _real_date(year, month, day)
                if born is not None and year >= 1850:
                    assert resident_id.validate(number) == number
                    assert resident_id.birth_date(number) == born
                    continue
                err = refused(resident_id.validate, number)
                assert isinstance(err, InvalidComponent), number
                assert (err.rule, err.field, dict(err.params)) == (
                    "resident_id.birth_date",
                    "resident_id",
                    {"value": digits},
                )
                assert err.message("en") == f"the birth date {digits!r} in the number is not a valid date"


def test_masked_unchecked_hides_any_length() -> None:
    assert resident_id.masked_unchecked("12345") == "*****"
    assert resident_id.masked_unchecked("") == ""
    assert resident_id.masked_unchecked(EXAMPLE) == MASKED
