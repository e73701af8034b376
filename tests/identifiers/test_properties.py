"""Hypothesis properties: is_valid never raises; format round-trips; one changed character is caught."""

from __future__ import annotations

import time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import casrn as stdnum_casrn
from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

from ohsreg.identifiers import cas, division, industry, resident_id, uscc

MODULES = (uscc, cas, division, industry, resident_id)
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
SETTINGS = settings(max_examples=150, deadline=None)


@st.composite
def valid_uscc(draw: st.DrawFn) -> str:
    head = draw(st.text(USCC_ALPHABET, min_size=2, max_size=2))
    region = draw(st.text("0123456789", min_size=6, max_size=6))
    org = draw(st.text(USCC_ALPHABET, min_size=9, max_size=9))
    body = head + region + org
    return body + stdnum_uscc.calc_check_digit(body)


@st.composite
def valid_cas(draw: st.DrawFn) -> str:
    first = draw(st.integers(10, 9_999_999))
    middle = draw(st.integers(0, 99))
    body = f"{first}{middle:02d}"
    return f"{first}-{middle:02d}-{stdnum_casrn.calc_check_digit(body)}"


@st.composite
def valid_resident_id(draw: st.DrawFn) -> str:
    region = draw(st.sampled_from(["110101", "330106", "440305", "330103", "650102"]))
    born = draw(st.dates(min_value=__import__("datetime").date(1900, 1, 1)))
    seq = draw(st.integers(0, 999))
    body = f"{region}{born:%Y%m%d}{seq:03d}"
    return body + stdnum_ric.calc_check_digit(body + "0")


ANY_INPUT = st.one_of(
    st.text(max_size=80),
    st.none(),
    st.integers(),
    st.floats(),
    st.binary(max_size=20),
    st.lists(st.integers(), max_size=3),
)


@SETTINGS
@given(ANY_INPUT)
def test_is_valid_never_raises(value: Any) -> None:
    for mod in MODULES:
        assert mod.is_valid(value) in (True, False)


@SETTINGS
@given(st.one_of(valid_uscc(), valid_uscc().map(str.lower), valid_uscc().map(lambda s: f" {s[:8]} {s[8:]} ")))
def test_uscc_round_trip(code: str) -> None:
    assert uscc.validate(uscc.format(code)) == uscc.compact(code) == code.replace(" ", "").upper()


@SETTINGS
@given(valid_uscc(), st.integers(0, 17), st.sampled_from(USCC_ALPHABET))
def test_uscc_one_changed_character_is_rejected(code: str, index: int, char: str) -> None:
    changed = code[:index] + char + code[index + 1 :]
    if changed == code or (2 <= index < 8 and not char.isdigit()):
        return
    assert not uscc.is_valid(changed)


@SETTINGS
@given(valid_cas())
def test_cas_round_trip(code: str) -> None:
    assert cas.validate(cas.format(code)) == cas.compact(code) == code
    assert cas.validate(code.replace("-", "")) == code


@SETTINGS
@given(valid_cas(), st.data())
def test_cas_one_changed_digit_is_rejected(code: str, data: st.DataObject) -> None:
    positions = [i for i, c in enumerate(code) if c.isdigit()]
    index = data.draw(st.sampled_from(positions))
    digit = data.draw(st.sampled_from("0123456789").filter(lambda d: d != code[index]))
    changed = code[:index] + digit + code[index + 1 :]
    if changed[0] == "0":
        return
    # The CAS check digit weights the n-th digit from the right by n (mod 10): a change of d in a
    # digit of weight w is invisible when w * d is a multiple of 10 (a limit of the algorithm).
    weight = len(code[index:].replace("-", "")) - 1
    if weight and weight * abs(int(digit) - int(code[index])) % 10 == 0:
        assert cas.is_valid(changed)
        return
    assert not cas.is_valid(changed)


@SETTINGS
@given(valid_resident_id())
def test_resident_id_round_trip(code: str) -> None:
    assert resident_id.validate(resident_id.format(code)) == resident_id.compact(code) == code


@SETTINGS
@given(valid_resident_id(), st.integers(0, 17), st.sampled_from("0123456789X"))
def test_resident_id_one_changed_character_is_rejected(code: str, index: int, char: str) -> None:
    changed = code[:index] + char + code[index + 1 :]
    if changed == code:
        return
    assert not resident_id.is_valid(changed)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([d.code for d in division.divisions()]))
def test_division_round_trip(code: str) -> None:
    assert division.validate(division.format(code)) == division.compact(code) == code


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([i.display_code for i in industry.industries()]))
def test_industry_round_trip(code: str) -> None:
    assert industry.validate(industry.format(code)) == industry.compact(code) == code


def test_long_input_is_bounded() -> None:
    evil = "9" * 1_000_000 + "!"
    start = time.perf_counter()
    for mod in MODULES:
        assert not mod.is_valid(evil)
        assert not mod.is_valid("-" * 63 + "#")
    assert time.perf_counter() - start < 0.5
