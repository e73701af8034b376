"""Every failure of the command line ends with one line ``ohsreg: … [rule]`` and exit 2 (issue #17)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ohsreg import cli

AUTHORITY = {"name": "杭州市卫生健康委员会", "kind": "HEALTH", "level": "MUNICIPAL", "region": "330100"}
WORKER = {"id": "W1", "name": "张三", "resident_id": "11010519491231002X", "placed_on": "2020-01-01"}


Fails = Callable[..., str]


@pytest.fixture
def fails(run_cli: Any) -> Fails:
    """``fails(argv, rule, code=2)``: run, check the exit code and the one-line ending; the stderr."""

    def check(argv: list[str], rule: str | None, code: int = 2) -> str:
        return _check(run_cli, argv, rule, code)

    return check


def _check(run_cli: Any, argv: list[str], rule: str | None, code: int) -> str:
    got, _, err = run_cli(argv)
    assert got == code, err
    assert "Traceback" not in err
    last = err.rstrip("\n").split("\n")[-1]
    assert last.startswith(("ohsreg: ", "ohsreg lookup: error:")), err
    if rule is not None:
        assert last.endswith(f"[{rule}]"), last
    return err


def _write(path: Path, lines: list[object]) -> Path:
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return path


def test_parquet_of_an_int_past_64_bits(tmp_path: Path, fails: Fails) -> None:
    pytest.importorskip("pyarrow")
    path = _write(
        tmp_path / "trialoperation.jsonl", [{"start": "2024-01-01", "industry_rule": "r", "min_days": 2**63}]
    )
    err = fails(
        ["export", str(path), "--to", "parquet", "-o", str(tmp_path / "o.parquet")], "export.record_invalid"
    )
    assert "record.too_large" in err  # it was an OverflowError traceback


def test_accident_mixing_naive_and_aware_times(tmp_path: Path, fails: Fails) -> None:
    path = tmp_path / "accident.json"
    path.write_text(json.dumps({"occurred_at": "2024-01-01T08:00", "reported_at": "2024-01-01T09:00+08:00"}))
    err = fails(["--locale", "en", "validate", str(path)], None, code=1)  # invalid record: exit 1
    assert "accident.timezone_mixed" in err
    lines = _write(tmp_path / "accident.jsonl", [json.loads(path.read_text())])
    assert "accident.timezone_mixed" in fails(["validate", str(lines)], "export.record_invalid", code=1)


def test_duplicate_resident_id_is_shown_masked(tmp_path: Path, fails: Fails) -> None:
    path = _write(tmp_path / "worker.jsonl", [WORKER, {**WORKER, "id": "W2"}])
    err = fails(["--locale", "en", "validate", str(path), "--key", "resident_id"], "export.duplicate")
    assert "11010519491231002X" not in err
    assert "110105********002X" in err


def test_lookup_limit_must_be_positive(fails: Fails) -> None:
    fails(["lookup", "苯", "--limit", "-1"], None)
    fails(["lookup", "苯", "--limit", "0"], None)
    fails(["lookup", "苯", "--limit", "x"], None)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize("name", ["authority.jsonl", "authority.csv", "authority.json"])
def test_devices_are_refused(tmp_path: Path, name: str, fails: Fails) -> None:
    link = tmp_path / name
    link.symlink_to("/dev/zero")
    fails(["validate", str(link)], "export.not_a_file")


def test_a_folder_is_refused(tmp_path: Path, fails: Fails) -> None:
    folder = tmp_path / "authority.json"
    folder.mkdir()
    fails(["validate", str(folder)], "export.not_a_file")


def test_deep_json_lines_say_where(tmp_path: Path, fails: Fails) -> None:
    path = tmp_path / "authority.jsonl"
    path.write_bytes(json.dumps(AUTHORITY).encode() + b"\n" + b"[" * 500 + b"]" * 500 + b"\n")
    err = fails(["--locale", "en", "validate", str(path)], "export.json_syntax")
    assert "line 2, column 202" in err


def test_utf16_without_mark_validates(tmp_path: Path, run_cli: Any) -> None:
    path = tmp_path / "authority.jsonl"
    path.write_bytes((json.dumps(AUTHORITY, ensure_ascii=False) + "\n").encode("utf-16-le"))
    code, _, err = run_cli(["--locale", "en", "validate", str(path)])
    assert code == 0, err


def test_unwritable_output(tmp_path: Path, fails: Fails) -> None:
    path = _write(tmp_path / "authority.jsonl", [AUTHORITY])
    fails(["export", str(path), "--to", "csv", "-o", str(tmp_path / "missing" / "x.csv")], None)


def test_a_message_with_line_breaks_stays_one_line(tmp_path: Path, fails: Fails) -> None:
    path = tmp_path / "authority\nsecond.json"
    err = fails(["validate", str(path), "--model", "Authority"], None)
    assert len(err.rstrip("\n").split("\n")) == 1


def test_a_bug_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch, fails: Fails) -> None:
    def broken(args: object) -> int:
        raise TypeError("unexpected")

    monkeypatch.setattr(cli, "_cmd_version", broken)
    err = fails(["--locale", "en", "version"], None)
    assert "internal error (TypeError: unexpected)" in err
    monkeypatch.setattr(cli, "_cmd_version", lambda args: int("x"))
    assert "internal error (ValueError" in fails(["--locale", "en", "version"], None)


def test_suggestions_come_before_the_final_line(fails: Fails) -> None:
    err = fails(["--locale", "en", "schema", "Authorit"], "export.model_unknown")
    assert "did you mean" in err.split("\n")[0]
