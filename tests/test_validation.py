"""Columnar validation of flat tables: rule codes per row, the trusted path for ohsreg's own tables."""

from __future__ import annotations

import datetime as dt

import pytest

from ohsreg.errors import OhsregError
from ohsreg.validation import DateRange, Identifier, OneOf, Range, validate_table
from ohsreg.vocab import Severity

RULES = [
    Identifier("uscc", "uscc"),
    Identifier("region", "division", required=False),
    Identifier("industry", "industry"),
    Range("workers", 0, 10**7),
    OneOf.of("severity", Severity),
    DateRange("founded", dt.date(1949, 10, 1), dt.date(2030, 12, 31)),
]
DATA = {
    "uscc": ["91110000600037341L", "91110000600037341M", None, "91110000600037341L", "91110000600037341L"],
    "region": ["110101", "110101", "110101", None, "999999"],
    "industry": ["C2110", "2110", "C2110", "C2110", "C2110"],
    "workers": [12, 12, 12, -1, 5],
    "severity": ["WARNING", "WARNING", "WARNING", "NOPE", "INFO"],
    "founded": [dt.date(2001, 5, 1), dt.date(2001, 5, 1), dt.date(2001, 5, 1), dt.date(1800, 1, 1), None],
}


def test_first_failing_rule_per_row() -> None:
    report = validate_table(DATA, RULES)
    assert report.valid.tolist() == [True, False, False, False, False]
    assert list(report.errors()) == [
        (1, "uscc", "uscc.checksum"),
        (2, "uscc", "uscc.type"),
        (3, "workers", "column.range"),  # region is optional: the null passes
        (4, "region", "division.unknown"),
    ]


@pytest.mark.parametrize(
    ("spec", "values", "expected"),
    [
        (
            Range("n", 0, 5),
            [1, 6, float("nan"), float("inf")],
            [None, "column.range", "column.null", "column.range"],
        ),
        (Range("n", 0, 5, required=False), [1, None], [None, None]),
        (Range("n"), ["a", "b"], ["column.type", "column.type"]),
        (OneOf("n", ("a",)), ["a", "b", None], [None, "column.enum", "column.null"]),
        (
            DateRange("n", dt.date(2000, 1, 1)),
            ["2001-01-01", "1999-12-31", "2001-13-01"],
            [None, "column.range", "column.date"],
        ),
    ],
)
def test_column_rules(spec: object, values: list[object], expected: list[str | None]) -> None:
    report = validate_table({"n": values}, [spec])  # type: ignore[list-item]
    got = {row: rule for row, _, rule in report.errors()}
    assert [got.get(i) for i in range(len(values))] == expected


def test_arrow_and_pandas_agree_with_mapping() -> None:
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    expected = list(validate_table(DATA, RULES).errors())
    assert list(validate_table(pa.table(DATA), RULES).errors()) == expected
    assert list(validate_table(pd.DataFrame(DATA), RULES).errors()) == expected


def test_missing_column_raises() -> None:
    with pytest.raises(OhsregError) as info:
        validate_table({"a": [1]}, [Range("b")])
    assert (info.value.rule, info.value.field) == ("column.missing", "b")


def test_trusted_path_only_for_tables_ohsreg_wrote() -> None:
    pytest.importorskip("pyarrow")
    from ohsreg.export.arrow import to_arrow
    from ohsreg.models import Authority

    table = to_arrow([Authority(name="卫健委", kind="HEALTH", level="MUNICIPAL", region="330100")])
    report = validate_table(table, [Identifier("region", "division")], trusted=True)
    assert report.trusted
    assert report.valid.all()
    with pytest.raises(OhsregError) as info:
        validate_table(DATA, RULES, trusted=True)
    assert info.value.rule == "column.untrusted"
