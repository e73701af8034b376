"""Readers and the command line on garbage: a rule error or exit code 1/2 with a message, never a traceback."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ohsreg.errors import OhsregError
from ohsreg.export import csv as export_csv
from ohsreg.export import json as export_json
from ohsreg.models import Enterprise

ROBUST = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

GARBAGE = st.one_of(
    st.binary(max_size=200),
    st.sampled_from(
        [
            b"",
            b"\xef\xbb\xbf",
            b"{",
            b"[]",
            b"null",
            b'{"x": NaN}',
            b"\xe4\xb8",
            b'{"a":' * 3000,
            b"[" * 5000,
            b"a,b\n1,2\n",
            b",,,\n,,,\n",
            "名称,统一社会信用代码\n张,1\n".encode("gbk"),
        ]
    ),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


@ROBUST
@given(data=st.data())
def test_readers_on_garbage(kit: Any, tmp_path: Path, data: st.DataObject) -> None:
    blob = data.draw(GARBAGE)
    for ext in ("json", "jsonl", "csv"):
        path = tmp_path / f"enterprise.{ext}"
        path.write_bytes(blob)
        kit.check(lambda path=path: export_json.load(path, Enterprise))
        kit.check(lambda path=path: export_json.load_many(path, Enterprise))
        kit.check(lambda path=path: list(export_json.iter_load(path, Enterprise)))
        kit.check(lambda path=path: export_csv.from_csv(path, Enterprise))
    kit.check(lambda: export_json.load(io.BytesIO(blob), Enterprise))


@ROBUST
@given(data=st.data())
def test_cli_on_garbage_files(tmp_path: Path, data: st.DataObject, run_cli: Any) -> None:
    blob = data.draw(GARBAGE)
    ext = data.draw(st.sampled_from(["json", "jsonl", "csv"]))
    path = tmp_path / f"enterprise.{ext}"
    path.write_bytes(blob)
    for argv in (
        ["validate", str(path)],
        ["export", str(path), "--to", "jsonl", "-o", str(tmp_path / "out.jsonl")],
        ["assess", str(path)],
    ):
        code, _, err = run_cli(argv)
        assert code in (0, 1, 2), (argv, code)
        assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--locale", "xx", "version"],
        ["lookup", ""],
        ["lookup", "\x00"],
        ["lookup", "苯", "--limit", "-1"],
        ["lookup", "苯", "--limits", "--edition", "nope"],
        ["lookup", "苯", "--limits", "--as-of", "1900-01-01"],
        ["lookup", "苯", "--as-of", "2020-13-01"],
        ["lookup", "a" * 3000],
        ["schema", "Nope"],
        ["validate", "/nonexistent/file.json"],
        ["validate", "/"],
        ["export", "--to", "csv"],
        ["assess", "/nonexistent.csv"],
        ["nonsense"],
    ],
    ids=repr,
)
def test_cli_odd_arguments(argv: list[str], run_cli: Any) -> None:
    code, _, err = run_cli(argv)
    assert code in (0, 1, 2)
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "text",
    [
        "id,concentration,duration\n1,nan,8\n",
        "id,concentration,duration\n1,1e999,8\n",
        "id,concentration,duration\n1,1,\n",
        "id,concentration,duration,limit\n1,1,8,abc\n",
        "id,concentration,duration,hazard\n1,1,8,不存在\n",
        "id,concentration\n1,1\n",
        "id,concentration,duration\n",
        "id,concentration,duration\n1,1,8,extra\n",
    ],
)
def test_cli_assess_on_odd_measurements(tmp_path: Path, text: str, run_cli: Any) -> None:
    path = tmp_path / "m.csv"
    path.write_text(text, encoding="utf-8")
    for rule in ("twa", "stel"):
        code, _, err = run_cli(["assess", str(path), "--rule", rule, "--limit", "1"])
        assert code in (0, 1, 2)
        assert "Traceback" not in err


def test_deeply_nested_json_is_a_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "enterprise.json"
    path.write_bytes(b'{"a":' * 3000)
    with pytest.raises(OhsregError) as err:
        export_json.load(path, Enterprise)
    assert err.value.rule == "export.json_syntax"
