"""USCC errors word for word (en, zh, rule): what each rule of GB 32100-2015 refuses, and where.

The positions matter: letters are allowed in positions 1-2 and 9-17 but not in 3-8 (the division code);
I, O, Z, S, V never occur; the check character comes from the first 17 characters only. Each message is
the library's user-facing text (and the key of its zh translation), so a changed word is a change here.
"""

from __future__ import annotations

from typing import Any

import pytest

from ohsreg.errors import OhsregError
from ohsreg.identifiers import uscc

CASES: list[tuple[str, Any, str]] = [
    (
        "validate",
        None,
        "uscc: no value given; pass the code as text, e.g. '91110000600037341L' / 未提供值；请以文本形式传入代码，例如 '91110000600037341L' [uscc.type]",
    ),
    (
        "validate",
        "9111000060003734",
        "uscc: a USCC has 18 characters, got 16 / 统一社会信用代码应为 18 位，实际为 16 位 [uscc.length]",
    ),
    (
        "validate",
        "91A10000600037341L",
        "uscc: positions 3-8 (the division code) must be digits, found 'A' at position 3 / 第 3–8 位（行政区划码）必须为数字，第 3 位为 'A' [uscc.format]",
    ),
    (
        "validate",
        "91I10000600037341L",
        "uscc: the letter 'I' (position 3) never occurs in a USCC; I, O, Z, S and V are not used: check for a misread 1, 0, 2, 5 or U / 统一社会信用代码中不会出现字母 'I'（第 3 位）；统一社会信用代码不使用 I、O、Z、S、V：请检查是否误读了 1、0、2、5 或 U [uscc.format]",
    ),
    (
        "validate",
        "91!10000600037341L",
        "uscc: character '!' (position 3) is not allowed in a USCC; a USCC uses digits and capital letters only / 统一社会信用代码中不允许出现字符 '!'（第 3 位）；统一社会信用代码只使用数字和大写字母 [uscc.format]",
    ),
    (
        "validate",
        "9111000060003734IL",
        "uscc: the letter 'I' (position 17) never occurs in a USCC; I, O, Z, S and V are not used: check for a misread 1, 0, 2, 5 or U / 统一社会信用代码中不会出现字母 'I'（第 17 位）；统一社会信用代码不使用 I、O、Z、S、V：请检查是否误读了 1、0、2、5 或 U [uscc.format]",
    ),
    (
        "validate",
        "911100006000373419",
        "uscc: wrong check character '9': expected 'L'; re-check the code against the business licence / 校验码 '9' 错误：应为 'L'；请对照营业执照重新核对代码 [uscc.checksum]",
    ),
    (
        "validate",
        "91110000600037341!",
        "uscc: character '!' (position 18) is not allowed in a USCC; a USCC uses digits and capital letters only / 统一社会信用代码中不允许出现字符 '!'（第 18 位）；统一社会信用代码只使用数字和大写字母 [uscc.format]",
    ),
    (
        "validate",
        "9111000060003734①L",
        "uscc: '①' (U+2460) cannot be part of the code; type the code in plain digits and letters, e.g. '91110000600037341L' / '①'（U+2460）不能出现在代码中；请用普通数字和字母填写代码，例如 '91110000600037341L' [uscc.character]",
    ),
    (
        "validate",
        "91110000A00037341L",
        "uscc: wrong check character 'L': expected '2'; re-check the code against the business licence / 校验码 'L' 错误：应为 '2'；请对照营业执照重新核对代码 [uscc.checksum]",
    ),
    (
        "validate",
        "9A110000600037341L",
        "uscc: wrong check character 'L': expected 'Q'; re-check the code against the business licence / 校验码 'L' 错误：应为 'Q'；请对照营业执照重新核对代码 [uscc.checksum]",
    ),
    (
        "validate",
        "911100006000373A1L",
        "uscc: wrong check character 'L': expected 'T'; re-check the code against the business licence / 校验码 'L' 错误：应为 'T'；请对照营业执照重新核对代码 [uscc.checksum]",
    ),
    (
        "check_character",
        "12",
        "uscc: the check character is computed from the first 17 characters of a normalised USCC, got '12'; normalise the code first: uscc.compact(...) / 校验码由规范化后的统一社会信用代码前 17 位计算，实际为 '12'；请先规范化代码：uscc.compact(...) [uscc.format]",
    ),
    (
        "check_character",
        None,
        "uscc: the check character is computed from the first 17 characters of a normalised USCC, got None; normalise the code first: uscc.compact(...) / 校验码由规范化后的统一社会信用代码前 17 位计算，实际为 None；请先规范化代码：uscc.compact(...) [uscc.format]",
    ),
    (
        "check_character",
        "9111000060003734",
        "uscc: the check character is computed from the first 17 characters of a normalised USCC, got '9111000060003734'; normalise the code first: uscc.compact(...) / 校验码由规范化后的统一社会信用代码前 17 位计算，实际为 '9111000060003734'；请先规范化代码：uscc.compact(...) [uscc.format]",
    ),
    (
        "check_character",
        "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
        "uscc: the check character is computed from the first 17 characters of a normalised USCC, got '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!; normalise the code first: uscc.compact(...) / 校验码由规范化后的统一社会信用代码前 17 位计算，实际为 '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!；请先规范化代码：uscc.compact(...) [uscc.format]",
    ),
    (
        "check_character",
        "9111000060003734!",
        "uscc: the check character is computed from the first 17 characters of a normalised USCC, got '9111000060003734!'; normalise the code first: uscc.compact(...) / 校验码由规范化后的统一社会信用代码前 17 位计算，实际为 '9111000060003734!'；请先规范化代码：uscc.compact(...) [uscc.format]",
    ),
]


@pytest.mark.parametrize(("function", "value", "expected"), CASES)
def test_uscc_errors_say_what_and_where(function: str, value: Any, expected: str) -> None:
    with pytest.raises(OhsregError) as err:
        getattr(uscc, function)(value)
    assert str(err.value) == expected
    assert err.value.field == "uscc"


def test_letters_are_allowed_outside_positions_3_to_8() -> None:
    # position 2 and position 9 may be letters: the error is then the checksum, not the format
    for code in ("9A110000600037341L", "91110000A00037341L", "911100006000373A1L"):
        with pytest.raises(OhsregError) as err:
            uscc.validate(code)
        assert err.value.rule == "uscc.checksum"
    for position in range(3, 9):
        code = "91110000600037341L"
        with pytest.raises(OhsregError) as err:
            uscc.validate(code[: position - 1] + "A" + code[position:])
        assert err.value.rule == "uscc.format"
        assert err.value.params["position"] == position


def test_check_character_reads_only_the_first_17_characters() -> None:
    assert uscc.check_character("91110000600037341") == "L"
    assert uscc.check_character("91110000600037341!") == "L"
    assert uscc.check_character("91110000600037341I") == "L"
    assert uscc.validate("91110000600037341L") == "91110000600037341L"
