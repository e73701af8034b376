"""The command line: version, validate, export, schema, assess, demo; exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ohsreg import __version__
from ohsreg.cli import main
from ohsreg.export.json import dumps_jsonl
from ohsreg.models import Authority

AUTH = [
    Authority(name="杭州市卫生健康委员会", kind="HEALTH", level="MUNICIPAL", region="330100"),
    Authority(name="=宁波市卫生健康委员会", kind="HEALTH", level="MUNICIPAL", region="330200"),
]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["version"]) == 0
    assert capsys.readouterr().out.strip() == __version__


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage" in capsys.readouterr().out


def test_bad_locale_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--locale", "fr", "version"]) == 2
    assert "i18n.locale" in capsys.readouterr().err


def test_module_entry_point() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "ohsreg", "version"], check=True, capture_output=True, text=True
    )
    assert out.stdout.strip() == __version__


def test_help_imports_nothing_heavy() -> None:
    code = (
        "import sys\nfrom ohsreg.cli import build_parser\nbuild_parser()\n"
        "print(sorted(m for m in ('pydantic', 'numpy', 'pint', 'babel', 'pyarrow', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"


def test_validate_ok_and_model_from_file_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "authority.jsonl"
    path.write_bytes(dumps_jsonl(AUTH))
    findings = tmp_path / "findings.csv"
    assert main(["--locale", "en", "validate", str(path), "-o", str(findings)]) == 0
    assert "2 record(s) of Authority valid" in capsys.readouterr().err
    assert findings.read_text(encoding="utf-8").startswith("rule,severity,clause")


def test_validate_invalid_records_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"name": "x", "kind": "HEALTH", "level": "NOPE"}\n', encoding="utf-8")
    assert main(["--locale", "en", "validate", str(path), "--model", "Authority"]) == 1
    out = capsys.readouterr()
    assert "line 1: level:" in out.out
    assert "export.record_invalid" in out.err


def test_validate_malformed_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"name": "x",\n', encoding="utf-8")
    assert main(["--locale", "en", "validate", str(path), "--model", "Authority"]) == 2
    assert "line 1, column" in capsys.readouterr().err


def test_validate_gb18030_csv_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ohsreg.export.csv import to_csv

    path = tmp_path / "authority.csv"
    text = to_csv(AUTH)
    assert text is not None
    path.write_bytes(text.encode("gb18030"))
    assert main(["--locale", "en", "validate", str(path)]) == 0
    assert "GB18030" in capsys.readouterr().err


def test_validate_duplicates_and_unknown_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(dumps_jsonl([AUTH[0], AUTH[0]]))
    assert main(["--locale", "en", "validate", str(path), "--model", "Authority", "--key", "region"]) == 2
    assert "export.duplicate" in capsys.readouterr().err
    assert main(["--locale", "en", "validate", str(path), "--model", "Authorty"]) == 2
    assert "Authority" in capsys.readouterr().err
    assert main(["--locale", "en", "validate", str(path)]) == 2
    assert "cli.model_missing" in capsys.readouterr().err


def test_export_csv_xlsx_and_schemas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "authority.jsonl"
    src.write_bytes(dumps_jsonl(AUTH))
    out = tmp_path / "a.csv"
    assert main(["export", str(src), "--to", "csv", "-o", str(out), "--bom", "--header", "both"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "'=宁波" in data.decode("utf-8-sig")
    back = tmp_path / "b.jsonl"
    assert main(["export", str(out), "--model", "Authority", "--to", "jsonl", "-o", str(back)]) == 0
    assert back.read_bytes() == src.read_bytes()
    folder = tmp_path / "schemas"
    assert main(["export", "--to", "jsonschema", "-o", str(folder)]) == 0
    assert (folder / "Authority.json").exists()
    assert main(["export", str(src), "--to", "csv"]) == 2
    pytest.importorskip("xlsxwriter")
    assert main(["export", str(src), "--to", "xlsx", "-o", str(tmp_path / "a.xlsx")]) == 0


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "Authority"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Authority"
    assert main(["schema"]) == 0
    assert "Finding" in capsys.readouterr().out.split()


def _shifts(path: Path) -> list[dict[str, str]]:
    import csv

    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_assess(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("numpy")
    src = tmp_path / "m.csv"
    src.write_text(
        "id,concentration,duration,limit\nw1,4.5,3,6\nw1,1.2,5,6\nw2,8,8,6\nw3,1,8,\n", encoding="utf-8"
    )
    out = tmp_path / "v.csv"
    assert main(["--locale", "en", "assess", str(src), "-o", str(out), "--limit", "0.5"]) == 0
    rows = _shifts(out)
    assert [(r["id"], r["c_twa"], r["twa_limit"], r["verdict"], r["line"]) for r in rows] == [
        ("w1", "2.4375", "6.0", "COMPLIES", "2"),
        ("w2", "8.0", "6.0", "EXCEEDS", "4"),
        ("w3", "1.0", "0.5", "EXCEEDS", "5"),
    ]
    assert rows[0]["verified"] == "true"
    assert rows[0]["clause"].startswith("GBZ 2.1-2019, PC-TWA")
    assert "3 assessed, 2 exceed" in capsys.readouterr().err
    src.write_text("id,conc\n", encoding="utf-8")
    assert main(["--locale", "en", "assess", str(src)]) == 2
    assert "cli.assess_columns" in capsys.readouterr().err


def test_assess_dates_silica_minutes_and_kinds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "m.csv"
    src.write_text(
        "id,hazard,date,concentration,duration,kind,sio2,fraction\n"
        "a,苯,2021-05-01,4.5,8 h,,,\n"  # before amendment No. 1: PC-TWA 6 mg/m³
        "b,苯,2024-05-01,4.5,480 min,,,\n"  # after: 3 mg/m³; minutes accepted like the API
        "b,苯,2024-05-01,8,15,STE,,\n"  # one 15-min window against PC-STEL 6 mg/m³
        "c,矽尘,2024-05-01,0.5,8,,60,respirable\n",  # 50–80 % free SiO₂, respirable: 0.3 mg/m³
        encoding="utf-8",
    )
    out = tmp_path / "v.csv"
    assert main(["--locale", "en", "assess", str(src), "-o", str(out)]) == 0
    rows = {r["id"]: r for r in _shifts(out)}
    assert (rows["a"]["twa_limit"], rows["a"]["twa_verdict"], rows["a"]["date"]) == (
        "6.0",
        "COMPLIES",
        "2021-05-01",
    )
    assert (rows["b"]["twa_limit"], rows["b"]["twa_verdict"]) == ("3.0", "EXCEEDS")
    assert (rows["b"]["c_ste"], rows["b"]["stel_limit"], rows["b"]["ste_verdict"]) == (
        "8.0",
        "6.0",
        "EXCEEDS",
    )
    assert (rows["c"]["twa_limit"], rows["c"]["verdict"], rows["c"]["edition"]) == (
        "0.3",
        "EXCEEDS",
        "GBZ 2.1-2019+XG1",  # the amendment state in force on 2024-05-01
    )
    assert rows["a"]["edition"] == "GBZ 2.1-2019"  # 2021-05-01: before amendment No. 1
    assert {r["verified"] for r in rows.values()} <= {"true", "false"}


def test_assess_reports_a_bad_group_by_id_and_line_and_assesses_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "m.csv"
    src.write_text(
        "id,hazard,date,concentration,duration\n"
        "ok,氨,2024-01-02,1,8\n"
        "old,氨,2005-01-02,1,8\n"  # no shipped edition in force (GBZ 2.1-2007 applies from 2007-11-01)
        "long,氨,2024-01-02,1,6\n"
        "long,氨,2024-01-02,1,6\n",  # 12 h past the 8 h working day
        encoding="utf-8",
    )
    out = tmp_path / "v.csv"
    assert main(["--locale", "en", "assess", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "line 3, id old:" in err
    assert "catalogue.edition_not_in_force" in err
    assert "line 4, id long:" in err  # the file line, not the group index (issue #17 item 7)
    assert "row 0" not in err
    rows = {r["id"]: r for r in _shifts(out)}
    assert rows["ok"]["verdict"] == "COMPLIES"
    assert (rows["old"]["verdict"], rows["old"]["error_rule"]) == ("", "catalogue.edition_not_in_force")
    assert rows["long"]["error_rule"] == "assess.duration"


def test_assess_neutralises_formula_ids(tmp_path: Path) -> None:
    src = tmp_path / "m.csv"
    src.write_text(
        'id,concentration,duration\n"=HYPERLINK(""http://x"",""y"")",1,8\n@SUM(A1),1,8\n', encoding="utf-8"
    )
    out = tmp_path / "v.csv"
    assert main(["assess", str(src), "--limit", "2", "-o", str(out)]) == 0
    ids = [r["id"] for r in _shifts(out)]
    assert ids == ['\'=HYPERLINK("http://x","y")', "'@SUM(A1)"]


def test_assess_on_a_huge_field_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "m.csv"
    src.write_text("id,concentration,duration\n" + "x" * 200_000 + ",1,8\n", encoding="utf-8")
    assert main(["--locale", "en", "assess", str(src), "--limit", "1"]) == 2
    err = capsys.readouterr().err
    assert "export.csv_syntax" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_assess_limits_from_the_catalogue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("ohsreg.catalogue")
    src = tmp_path / "m.csv"
    src.write_text("id,hazard,concentration,duration\nw1,苯,4.5,8\nw2,71-43-2,2.5,8\n", encoding="utf-8")
    out = tmp_path / "v.csv"
    assert main(["assess", str(src), "-o", str(out), "--as-of", "2021-01-01"]) == 0
    rows = _shifts(out)
    assert [(r["id"], r["hazard"], r["c_twa"], r["twa_limit"], r["edition"], r["verdict"]) for r in rows] == [
        ("w1", "苯", "4.5", "6.0", "GBZ 2.1-2019", "COMPLIES"),
        ("w2", "71-43-2", "2.5", "6.0", "GBZ 2.1-2019", "COMPLIES"),
    ]
    assert main(["assess", str(src), "-o", str(out)]) == 0  # amendment in force: 3 mg/m³
    assert (_shifts(out)[0]["twa_limit"], _shifts(out)[0]["verdict"]) == ("3.0", "EXCEEDS")


def test_demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    assert "'=report" in capsys.readouterr().out


def test_lookup(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("ohsreg.catalogue")
    assert main(["--locale", "en", "lookup", "苯", "--limit", "1", "--limits", "--as-of", "2021-01-01"]) == 0
    out = capsys.readouterr().out
    assert "苯" in out
    assert "71-43-2" in out
    assert "GBZ 2.1-2019" in out
    assert "PC-TWA=6 mg/m³" in out
    assert main(["--locale", "en", "lookup", "zzzz-not-a-hazard"]) == 2
    assert "unknown" in capsys.readouterr().err


def test_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("ohsreg.catalogue")
    assert main(["--locale", "en", "coverage"]) == 0
    captured = capsys.readouterr()
    assert "hazard_factors_2015" in captured.out
    assert "verified" in captured.err


def test_help_runs_without_heavy_imports() -> None:
    # the real entry point: ``ohsreg --help`` and ``ohsreg lookup --help`` exit from argparse
    for argv in (["--help"], ["lookup", "--help"], []):
        code = (
            "import sys\nfrom ohsreg.cli import main\n"
            f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
            "heavy = ('pydantic', 'numpy', 'pint', 'babel', 'pyarrow', 'pandas', 'ohsreg.catalogue')\n"
            "print(sorted(m for m in heavy if m in sys.modules))"
        )
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
        assert "usage" in out.stdout
        assert out.stdout.strip().splitlines()[-1] == "[]", argv


def test_locale_after_the_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "Authorty", "--locale", "en"]) == 2
    err = capsys.readouterr().err
    assert "is not a public ohsreg model" in err
    assert "did you mean: Authority?" in err


def test_record_errors_in_one_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "authority.jsonl"
    bad = AUTH[0].model_dump_json().replace("HEALTH", "HEALTHY")
    path.write_text(bad + "\n", encoding="utf-8")
    assert main(["--locale", "en", "validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "line 1: kind:" in out
    assert "术语" not in out  # English only
    assert out.count("[vocab.unknown]") == 1
    assert main(["validate", str(path)]) == 1
    assert "术语" in capsys.readouterr().out


def test_output_name_checked_before_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "authority.jsonl"
    path.write_bytes(dumps_jsonl(AUTH))
    assert main(["--locale", "en", "validate", str(path), "-o", str(tmp_path / "findings.txt")]) == 2
    assert "cli.format" in capsys.readouterr().err
    assert not (tmp_path / "findings.txt").exists()


def test_assess_names_the_bad_cell_and_unjudged_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "m.csv"
    bad.write_text("id,concentration,duration\nA,-1,8\nB,1,8\n", encoding="utf-8")
    assert main(["--locale", "en", "assess", str(bad), "--limit", "2"]) == 1
    captured = capsys.readouterr()
    assert "line 2, id A: column concentration: '-1'" in captured.err
    assert "cli.assess_value" in captured.err
    assert ",COMPLIES," in captured.out.splitlines()[2]  # B is still assessed
    good = tmp_path / "n.csv"
    good.write_text("id,concentration,duration\nA,1,8\n", encoding="utf-8")
    assert main(["--locale", "en", "assess", str(good)]) == 0
    captured = capsys.readouterr()
    assert "NOT_APPLICABLE" in captured.out
    assert "1 id(s) had no limit" in captured.err


def test_lookup_bad_edition_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("ohsreg.catalogue")
    assert main(["--locale", "en", "lookup", "苯", "--limits", "--edition", "GBZ 9"]) == 2
    assert "catalogue.unknown_edition" in capsys.readouterr().err
    assert main(["--locale", "en", "lookup", "苯", "--limits", "--as-of", "1990-01-01"]) == 2
    assert "catalogue.edition_not_in_force" in capsys.readouterr().err


def test_one_invalid_json_record_is_listed_not_dumped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "authority.json"
    path.write_text(AUTH[0].model_dump_json(indent=2).replace('"HEALTH"', '"HEALTHY"'), encoding="utf-8")
    for argv in (
        ["validate", str(path)],
        ["export", str(path), "--to", "csv", "-o", str(tmp_path / "a.csv")],
    ):
        assert main(["--locale", "en", *argv]) == 1
        captured = capsys.readouterr()
        assert captured.out.startswith("kind: 'HEALTHY' is not a AuthorityKind term")
        assert "the record of Authority is invalid" in captured.err
        assert "input_value" not in captured.out + captured.err  # not pydantic's raw report


def test_coverage_summary_comes_last_on_its_own_line() -> None:
    # stdout and stderr into one pipe: the stderr summary used to arrive before the buffered table
    out = subprocess.run(
        [sys.executable, "-m", "ohsreg", "--locale", "en", "coverage"],
        check=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ).stdout
    lines = out.splitlines()
    assert out.endswith("\n")
    assert lines[0].startswith("hazard_factors_2015")
    assert "table(s)" in lines[-1]
    assert sum("table(s)" in line for line in lines) == 1
    assert any(line.startswith("    - ") for line in lines)  # the gaps are listed under their table


def test_assess_adjust_long_shift_needs_shift_hours(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "m.csv"
    src.write_text("id,hazard,date,concentration,duration\nw1,苯,2024-01-05,2.5,10\n", encoding="utf-8")
    assert main(["--locale", "en", "assess", str(src), "--adjust-long-shift"]) == 2
    err = capsys.readouterr().err
    assert "cli.usage" in err
    assert "--shift-hours" in err
    out = tmp_path / "v.csv"
    args = ["assess", str(src), "-o", str(out), "--shift-hours", "10"]
    assert main([*args, "--adjust-long-shift"]) == 0
    row = _shifts(out)[0]
    assert (float(row["twa_limit"]), row["twa_verdict"]) == (pytest.approx(2.1), "EXCEEDS")  # 3 × RF 0.7
    assert main(args) == 0
    assert _shifts(out)[0]["twa_limit"] == "3.0"
    # a long week alone: the weekly factor 40/48 × 120/128 = 0.78125 (GBZ 2.1-2019 A.7.3, Brief & Scala)
    week = ["assess", str(src), "-o", str(out), "--hours-per-week", "48", "--adjust-long-shift"]
    src.write_text("id,hazard,date,concentration,duration\nw1,苯,2024-01-05,2.5,8\n", encoding="utf-8")
    assert main(week) == 0
    assert float(_shifts(out)[0]["twa_limit"]) == pytest.approx(3.0 * 40 / 48 * 120 / 128)
