"""Column checks of identifiers answer exactly as the scalar ``validate`` of each kind."""

from __future__ import annotations

import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import uscc as stdnum_uscc

from ohsreg.errors import OhsregError
from ohsreg.identifiers.arrays import check

_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _scalar_rule(kind: str, value: object) -> str | None:
    try:
        importlib.import_module(f"ohsreg.identifiers.{kind}").validate(value)
    except OhsregError as exc:
        return exc.rule
    return None


@st.composite
def usccs(draw: st.DrawFn) -> str | None:
    """Near-valid USCCs: right shape with a correct or wrong check character, or damaged copies."""
    head = draw(st.text(_ALPHABET, min_size=2, max_size=2))
    division = draw(st.text("0123456789", min_size=6, max_size=6))
    body = draw(st.text(_ALPHABET, min_size=9, max_size=9))
    code = head + division + body
    code += stdnum_uscc.calc_check_digit(code) if draw(st.booleans()) else draw(st.sampled_from(_ALPHABET))
    damage = draw(
        st.sampled_from(["none", "lower", "letter", "excluded", "short", "space", "fullwidth", "null"])
    )
    at = draw(st.integers(0, 17))
    if damage == "lower":
        return code.lower()
    if damage == "letter":
        return code[:at] + draw(st.sampled_from("ABCXY")) + code[at + 1 :]
    if damage == "excluded":
        return code[:at] + draw(st.sampled_from("IOZSV")) + code[at + 1 :]
    if damage == "short":
        return code[:at]
    if damage == "space":
        return code[:at] + " " + code[at:]
    if damage == "fullwidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in code)
    if damage == "null":
        return None
    return code


@settings(max_examples=60)
@given(st.lists(usccs(), min_size=1, max_size=40))
def test_uscc_kernel_equals_scalar(values: list[str | None]) -> None:
    expected = [_scalar_rule("uscc", v) for v in values]
    assert check("uscc", values).rule_of_rows() == expected
    pa = pytest.importorskip("pyarrow")
    assert check("uscc", pa.array(values, type=pa.string())).rule_of_rows() == expected  # Arrow buffers
    assert (
        check("uscc", pa.chunked_array([values[:1], values[1:]], type=pa.string())).rule_of_rows() == expected
    )


@settings(max_examples=40)
@given(st.lists(st.one_of(st.none(), st.text(max_size=20)), min_size=1, max_size=20))
def test_any_text_equals_scalar(values: list[str | None]) -> None:
    for kind in ("uscc", "cas", "division", "industry"):
        assert check(kind, values).rule_of_rows() == [_scalar_rule(kind, v) for v in values], kind


def test_arrow_and_numpy_inputs() -> None:
    pa = pytest.importorskip("pyarrow")
    np = pytest.importorskip("numpy")
    values = ["71-43-2", "71-43-3", None, "71-43-2"]
    expected = [None, "cas.checksum", "cas.type", None]
    assert check("cas", values).rule_of_rows() == expected
    assert check("cas", pa.array(values)).rule_of_rows() == expected
    assert check("cas", pa.chunked_array([values[:2], values[2:]])).rule_of_rows() == expected
    assert check("cas", np.array(values, dtype=object)).rule_of_rows() == expected
    assert check("division", pa.array(["110101"]).dictionary_encode()).valid.tolist() == [True]


def test_unknown_kind() -> None:
    with pytest.raises(OhsregError) as info:
        check("isbn", ["x"])
    assert info.value.rule == "identifiers.kind"


@settings(max_examples=200)
@given(st.text(_ALPHABET, min_size=17, max_size=17))
def test_uscc_check_character_equals_python_stdnum(stem: str) -> None:
    from ohsreg.identifiers.uscc import check_character

    assert check_character(stem) == stdnum_uscc.calc_check_digit(stem)
