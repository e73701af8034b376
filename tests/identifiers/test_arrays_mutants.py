"""Column checks: the rows, rule tables and errors a caller sees, for every kind of input column.

Each test compares what ``check`` returns (``rule_of_rows()``, ``rules``, ``len``) with the scalar
``validate`` of the kind, for inputs that take the different ways through ``check``: Arrow string,
large-string, dictionary and chunked columns, numpy and mixed lists, and lists without pandas.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable

import pytest

from ohsreg.errors import OhsregError
from ohsreg.identifiers import arrays, uscc
from ohsreg.identifiers.arrays import check

pa = pytest.importorskip("pyarrow")

Refused = Callable[..., OhsregError]

VALID_USCC = "91110000600037341L"
# 18 ASCII characters with a separator or a control character inside: not judged as they stand
SPACED = "911 0000600037341L"
CONTROL = "91110000600037341\x00"


def _scalar_rule(kind: str, value: object) -> str | None:
    try:
        importlib.import_module(f"ohsreg.identifiers.{kind}").validate(value)
    except OhsregError as exc:
        return exc.rule
    return None


def _scalar_rules(kind: str, values: list[object]) -> list[str | None]:
    return [_scalar_rule(kind, v) for v in values]


def test_unknown_kind_error(refused: Refused) -> None:
    err = refused(check, "isbn", ["x"])
    assert (err.rule, err.field) == ("identifiers.kind", "kind")
    assert dict(err.params) == {"kind": "isbn", "kinds": "uscc, cas, division, industry, resident_id"}
    assert (
        err.message("en")
        == "unknown identifier kind 'isbn'; use one of uscc, cas, division, industry, resident_id"
    )


def test_length_and_valid_mask() -> None:
    result = check("cas", ["71-43-2", None, "71-43-3", "71-43-2"])
    assert len(result) == 4
    assert result.valid.tolist() == [True, False, False, True]
    assert len(check("uscc", pa.array([VALID_USCC, None, "9111"]))) == 3
    assert len(check("division", [])) == 0


def test_eighteen_character_arrow_codes_of_every_kind() -> None:
    # 18 ASCII characters: the USCC kernel's shape, judged by each kind's own rules
    values = [VALID_USCC, "11010519491231002X", "110105194912310021", "999999194912310025", None, "9111"]
    for kind in arrays.KINDS:
        expected = _scalar_rules(kind, values)
        assert check(kind, pa.array(values)).rule_of_rows() == expected, kind
        assert check(kind, pa.array(values, type=pa.large_string())).rule_of_rows() == expected, kind
        assert check(kind, pa.chunked_array([values[:2], values[2:]])).rule_of_rows() == expected, kind
        assert check(kind, pa.array(values).dictionary_encode()).rule_of_rows() == expected, kind
        assert check(kind, values).rule_of_rows() == expected, kind


def test_uscc_arrow_columns() -> None:
    values = [VALID_USCC, "91110000600037341M", SPACED, CONTROL, None, "9111000060003734OL", "9111"]
    expected = _scalar_rules("uscc", values)
    assert expected == [
        None,
        "uscc.checksum",
        "uscc.length",
        "uscc.character",
        "uscc.type",
        "uscc.format",
        "uscc.length",
    ]
    for column in (
        pa.array(values),
        pa.array(values, type=pa.large_string()),
        pa.chunked_array([values[:3], values[3:]], type=pa.large_string()),
        pa.array(values).slice(0),
    ):
        assert check("uscc", column).rule_of_rows() == expected
    # a slice starts inside the buffers
    assert check("uscc", pa.array(values).slice(1, 3)).rule_of_rows() == expected[1:4]
    # not text: every row is judged by the scalar path
    assert check("uscc", pa.array([1, None])).rule_of_rows() == ["uscc.type", "uscc.type"]


def test_rules_hold_only_the_rules_of_rows() -> None:
    # a row with a separator inside is judged by the scalar path, whatever its characters look like
    assert check("uscc", pa.array([SPACED])).rules == ("uscc.length",)
    assert check("uscc", pa.array([SPACED, VALID_USCC])).rule_of_rows() == ["uscc.length", None]
    # a list's rules begin with the rule of a null (the null slot is judged whether or not a row is null)
    assert check("uscc", [SPACED]).rules == ("uscc.type", "uscc.length")
    # separators and full-width characters fold away: valid, no other rule
    fullwidth = "".join(chr(ord(c) + 0xFEE0) for c in VALID_USCC)
    spaced = "9111-0000-6000-3734-1L"
    listed = check("uscc", [fullwidth, spaced])
    assert (listed.rules, listed.rule_of_rows()) == (("uscc.type",), [None, None])
    column = check("uscc", pa.array([fullwidth, spaced]))
    assert (column.rules, column.rule_of_rows()) == ((), [None, None])
    # each rule once, each row's code pointing at its rule
    mixed = check("uscc", ["91110000600037341M", "9111", None, "9111000060003734OL", VALID_USCC])
    assert sorted(mixed.rules) == ["uscc.checksum", "uscc.format", "uscc.length", "uscc.type"]
    assert mixed.rule_of_rows() == ["uscc.checksum", "uscc.length", "uscc.type", "uscc.format", None]


def test_lists_with_values_that_are_not_text() -> None:
    values: list[object] = [110101, "110101", None, 110101.0, "110101"]
    for kind in ("division", "uscc"):
        assert check(kind, values).rule_of_rows() == _scalar_rules(kind, values), kind
    assert check("division", values).rule_of_rows() == [
        "division.type",
        None,
        "division.type",
        "division.type",
        None,
    ]
    # without a null too: a number stays a number, it is not read as the text of its digits
    assert check("division", [110101, "110101"]).rule_of_rows() == ["division.type", None]


def test_lists_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    values = ["110101", None, "999999", "110101", None, "11010"]
    expected = _scalar_rules("division", values)
    with_pandas = check("division", values)
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    without = check("division", values)
    assert without.rule_of_rows() == with_pandas.rule_of_rows() == expected
    assert without.rules == with_pandas.rules
    usccs = [VALID_USCC, None, "9111", VALID_USCC, "91110000600037341M"]
    assert check("uscc", usccs).rule_of_rows() == _scalar_rules("uscc", usccs)
    assert check("division", []).rule_of_rows() == []
    assert check("division", [None]).rule_of_rows() == ["division.type"]


def test_plain_short_usccs_are_judged_by_the_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    # the scalar validate is asked only about what the kernel leaves to it: here the null slot and the
    # value with a separator inside (short plain codes used to go one by one to the scalar path)
    asked: list[object] = []
    scalar = uscc.validate

    def counting(value: object) -> str:
        asked.append(value)
        return scalar(value)

    monkeypatch.setattr(uscc, "validate", counting)
    values = ["9111", "", "91110000600037341", VALID_USCC, "9111 0000", None, "9111"]
    assert check("uscc", values).rule_of_rows() == [
        "uscc.length",
        "uscc.length",
        "uscc.length",
        None,
        "uscc.length",
        "uscc.type",
        "uscc.length",
    ]
    assert asked == [None, "9111 0000"]
