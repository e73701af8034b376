"""CAS errors word for word (en, zh, rule), and the boundaries of the CAS rule.

A CAS RN is 2-7 digits, 2 digits and a check digit (5 to 10 digits in all), never starting with 0;
inputs past the read limit are refused before any work (``cas.length``). Each message is the library's
user-facing text (and the key of its zh translation), so a changed word is a change here.
"""

from __future__ import annotations

from typing import Any

import pytest

from ohsreg.errors import OhsregError
from ohsreg.identifiers import cas

CASES: list[tuple[Any, str]] = [
    (
        None,
        "cas: no value given; pass the code as text, e.g. '71-43-2' / 未提供值；请以文本形式传入代码，例如 '71-43-2' [cas.type]",
    ),
    (
        7732185,
        "cas: expected text, got int; pass the code as text, e.g. '71-43-2' / 应为文本，实际为 int；请以文本形式传入代码，例如 '71-43-2' [cas.type]",
    ),
    (
        "123",
        "cas: a CAS number has 5 to 10 digits, got 3 / CAS 号应有 5 至 10 位数字，实际为 3 位 [cas.length]",
    ),
    (
        "1234",
        "cas: a CAS number has 5 to 10 digits, got 4 / CAS 号应有 5 至 10 位数字，实际为 4 位 [cas.length]",
    ),
    (
        "12345678901",
        "cas: a CAS number has 5 to 10 digits, got 11 / CAS 号应有 5 至 10 位数字，实际为 11 位 [cas.length]",
    ),
    (
        "12-3A-4",
        "cas: a CAS number contains only digits and hyphens, got '12-3A-4' / CAS 号只能包含数字和连字符，实际为 '12-3A-4' [cas.format]",
    ),
    (
        "1-234-56",
        "cas: misplaced hyphens in '1-234-56'; the form is 2-7 digits, 2 digits, 1 check digit, e.g. '71-43-2' / '1-234-56' 中连字符位置错误；格式为 2–7 位数字、2 位数字、1 位校验码，例如 '71-43-2' [cas.format]",
    ),
    (
        "12345678-90-1",
        "cas: a CAS number has 5 to 10 digits, got 11 / CAS 号应有 5 至 10 位数字，实际为 11 位 [cas.length]",
    ),
    (
        "123-45-67",
        "cas: misplaced hyphens in '123-45-67'; the form is 2-7 digits, 2 digits, 1 check digit, e.g. '71-43-2' / '123-45-67' 中连字符位置错误；格式为 2–7 位数字、2 位数字、1 位校验码，例如 '71-43-2' [cas.format]",
    ),
    (
        "71-43-2-1",
        "cas: misplaced hyphens in '71-43-2-1'; the form is 2-7 digits, 2 digits, 1 check digit, e.g. '71-43-2' / '71-43-2-1' 中连字符位置错误；格式为 2–7 位数字、2 位数字、1 位校验码，例如 '71-43-2' [cas.format]",
    ),
    (
        "01-43-2",
        "cas: a CAS number does not start with 0: '01-43-2'; drop the leading zeros / CAS 号不以 0 开头：'01-43-2'；请去掉开头的 0 [cas.format]",
    ),
    (
        "71-43-3",
        "cas: wrong check digit '3': expected '2'; re-check the number against the safety data sheet / 校验位 '3' 错误：应为 '2'；请对照化学品安全技术说明书重新核对 [cas.checksum]",
    ),
    (
        "7" * 300,
        "cas: input too long (300 characters, at most 64 are read) / 输入过长（300 个字符，最多读取 64 个） [cas.length]",
    ),
    (
        "71-43-①",
        "cas: '①' (U+2460) cannot be part of the code; type the code in plain digits and letters, e.g. '71-43-2' / '①'（U+2460）不能出现在代码中；请用普通数字和字母填写代码，例如 '71-43-2' [cas.character]",
    ),
    (
        "1234567890",
        "cas: wrong check digit '0': expected '5'; re-check the number against the safety data sheet / 校验位 '0' 错误：应为 '5'；请对照化学品安全技术说明书重新核对 [cas.checksum]",
    ),
]


@pytest.mark.parametrize(("value", "expected"), CASES)
def test_cas_errors_say_what_is_wrong(value: Any, expected: str) -> None:
    with pytest.raises(OhsregError) as err:
        cas.validate(value)
    assert str(err.value) == expected
    assert err.value.field == "cas"
    assert cas.is_valid(value) is False


@pytest.mark.parametrize(
    ("value", "normal"),
    [
        ("50-00-0", "50-00-0"),  # 5 digits, first group of 2, check digit 0
        ("1234567-89-5", "1234567-89-5"),  # 10 digits, first group of 7
        ("1234567895", "1234567-89-5"),  # hyphens inserted
        ("7732185", "7732-18-5"),
        (" 7440 38 2 ", "7440-38-2"),
        ("７１－４３－２", "71-43-2"),
    ],
)
def test_cas_boundaries_that_are_valid(value: str, normal: str) -> None:
    assert cas.validate(value) == normal
    assert cas.format(value) == normal
    assert cas.is_valid(value) is True


def test_compact_inserts_hyphens_only_from_four_digits() -> None:
    assert cas.compact("123") == "123"
    assert cas.compact("1234") == "1-23-4"
    assert cas.compact("71-43-2") == "71-43-2"
