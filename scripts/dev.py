#!/usr/bin/env python3
"""Developer entry point: ``python3 scripts/dev.py demo | test | fuzz | mutate``.

``fuzz [EXAMPLES] [pytest args]``: the fuzz profile of ``tests/robustness/test_fuzz.py`` with EXAMPLES
(default 20 000) per validator and model, not stopping at the first escape; prints per target the
examples run and the exceptions that escaped (not CI; run it with ``nice``).

``mutate [FILE ...] [--tests DIR ...] [--max-children N]``: mutation testing with mutmut (BSD-3-Clause,
installed into ``.venv`` on first use; not CI) of the given source files (default: every module of
``src/ohsreg/identifiers`` and ``src/ohsreg/assess``), running only the test directories that mirror
them; prints killed / total per file. It works in ``.venv/mutate`` (mutmut's ``mutants/`` lives there,
out of git and of every tool's reach) and resumes where the last run stopped.

Needs only Python >= 3.11 and pip. It creates ``.venv`` beside the project, installs the package
(editable, with the ``dev``, ``docs`` and the optional ``excel``, ``arrow``, ``frame``, ``plot``, ``scale`` extras, so
CI runs their tests, the Dask cluster test included; they add about 30 s to a fresh install) when ``pyproject.toml`` changed since the last install,
then runs the demo or every quality gate. The test command runs all gates even when one fails, prints a
summary and exits non-zero if any gate failed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
STAMP = VENV / ".ohsreg-install-stamp"


def _install_key() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update((ROOT / "scripts" / "hatch_build.py").read_bytes())
    return digest.hexdigest()


def bootstrap() -> None:
    if not PY.exists():
        print("== creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    key = _install_key()
    if STAMP.exists() and STAMP.read_text() == key:
        # Still compile the message catalogues: .po files change without pyproject changing.
        subprocess.run(
            [str(PY), str(ROOT / "scripts" / "hatch_build.py")],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return
    print("== installing ohsreg[dev,docs,excel,arrow,frame,plot,scale] into .venv", flush=True)
    pip = [str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", ".[dev,docs,excel,arrow,frame,plot,scale]"], check=True, cwd=ROOT)
    STAMP.write_text(key)


def gates() -> list[tuple[str, list[str]]]:
    tools = [
        ("ruff check", [str(BIN / "ruff"), "check", "."]),
        ("ruff format", [str(BIN / "ruff"), "format", "--check", "."]),
        ("mypy --strict", [str(BIN / "mypy"), "--strict", "src"]),
        # the layers contract of pyproject.toml [tool.importlinter]: imports point down, no circles
        ("lint-imports", [str(BIN / "lint-imports"), "--no-cache"]),
        ("pytest", [str(PY), "-m", "pytest", "-q", "-p", "no:cacheprovider"]),
        (
            "mkdocs build --strict",
            # no -q: it hides plugin warnings from --strict (the build then passes with warnings)
            [str(BIN / "mkdocs"), "build", "--strict", "-d", str(VENV / "site")],
        ),
    ]
    examples = [(f"example {p.name}", [str(PY), str(p)]) for p in sorted((ROOT / "examples").glob("*.py"))]
    return tools + examples


def run_tests() -> int:
    failed: list[str] = []
    passed = 0
    for name, cmd in gates():
        print(f"\n== {name}", flush=True)
        start = time.perf_counter()
        code = subprocess.run(
            cmd, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": "0", "NO_MKDOCS_2_WARNING": "1"}
        ).returncode
        took = time.perf_counter() - start
        status = "ok" if code == 0 else f"FAILED (exit {code})"
        print(f"== {name}: {status} in {took:.1f}s", flush=True)
        if code == 0:
            passed += 1
        else:
            failed.append(name)
    print()
    if failed:
        print("failed gates: " + ", ".join(failed))
    print(f"gates: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


FUZZ_REPORT = VENV / "fuzz-report.jsonl"


def run_fuzz(args: list[str]) -> int:
    """The fuzz profile at full size; the tally per target is read back from the tests' report."""
    examples = int(args[0]) if args and args[0].isdigit() else 20_000
    extra = args[1:] if args and args[0].isdigit() else args
    FUZZ_REPORT.unlink(missing_ok=True)
    env = {**os.environ, "OHSREG_FUZZ": str(examples), "OHSREG_FUZZ_REPORT": str(FUZZ_REPORT)}
    env.pop("CI", None)  # random, not derandomized: every run explores new inputs
    print(f"== fuzz: {examples} examples per target", flush=True)
    start = time.perf_counter()
    test = ["-m", "pytest", "tests/robustness/test_fuzz.py", "-q", "-p", "no:cacheprovider", *extra]
    code = subprocess.run([str(PY), *test], cwd=ROOT, env=env).returncode
    took = time.perf_counter() - start
    rows = (
        [json.loads(line) for line in FUZZ_REPORT.read_text("utf-8").splitlines()]
        if FUZZ_REPORT.exists()
        else []
    )
    print(f"\n{'target':<48} {'examples':>9} {'escapes':>8}")
    for row in sorted(rows, key=lambda r: r["target"]):
        print(f"{row['target']:<48} {row['examples']:>9} {row['escapes']:>8}")
        for where, example in row["kinds"].items():
            print(f"    {where}: {example}")
    total = sum(r["examples"] for r in rows)
    escapes = sum(r["escapes"] for r in rows)
    fewest = min((r["examples"] for r in rows), default=0)
    print(
        f"\nfuzz: {len(rows)} targets, {total} examples (fewest {fewest} on one target), {escapes} escapes, {took:.0f}s"
    )
    print(f"report: {FUZZ_REPORT}")
    return code


MUTMUT = "mutmut==3.8.1"
MUTATE_DIR = VENV / "mutate"
MUTATE_DEFAULT = ("src/ohsreg/identifiers", "src/ohsreg/assess")


def _mutate_targets(paths: list[str]) -> list[str]:
    files: list[str] = []
    for given in paths or MUTATE_DEFAULT:
        path = (ROOT / given).resolve()
        found = sorted(path.glob("*.py")) if path.is_dir() else [path]
        files += [str(p.relative_to(ROOT)) for p in found if p.name != "__init__.py"]
    return files


def _mirrored_tests(files: list[str]) -> list[str]:
    """tests/<area> for each src/ohsreg/<area>/... file (the tests mirror the source layout)."""
    areas = sorted({Path(f).parts[2] for f in files if len(Path(f).parts) > 3})
    return [f"tests/{area}" for area in areas if (ROOT / "tests" / area).is_dir()] or ["tests"]


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(json.dumps(i) for i in items) + "]"


def run_mutate(args: list[str]) -> int:
    """mutmut on ``args`` (files or folders under src/), in .venv/mutate; prints the score per file."""
    files_arg: list[str] = []
    tests: list[str] = []
    children = "2"
    it = iter(args)
    for arg in it:
        if arg == "--tests":
            tests.append(next(it))
        elif arg == "--max-children":
            children = next(it)
        else:
            files_arg.append(arg)
    files = _mutate_targets(files_arg)
    tests = tests or _mirrored_tests(files)
    if subprocess.run([str(PY), "-m", "pip", "show", "-q", "mutmut"], capture_output=True).returncode:
        print(f"== installing {MUTMUT} into .venv (BSD-3-Clause)", flush=True)
        pip = [str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q", MUTMUT]
        subprocess.run(pip, check=True)
    MUTATE_DIR.mkdir(exist_ok=True)
    shared = ("examples", "docs", "schemas", "README.md")  # what the tests read beside the code
    for name in ("src", "tests", *shared):  # mutmut copies these into mutants/ and runs the tests there
        link = MUTATE_DIR / name
        if not link.exists():
            link.symlink_to(ROOT / name, target_is_directory=(ROOT / name).is_dir())
    config = (
        "\n[tool.mutmut]\n"
        'source_paths = ["src"]\n'
        f"only_mutate = {_toml_list(files)}\n"
        f"pytest_add_cli_args_test_selection = {_toml_list(tests)}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q"]\n'
        f"also_copy = {_toml_list(list(shared))}\n"
        "use_git_change_detection = false\n"
    )
    project = MUTATE_DIR / "pyproject.toml"
    text = (ROOT / "pyproject.toml").read_text("utf-8") + config
    if project.exists() and project.read_text("utf-8") != text:
        # other files or tests: mutmut would keep the old copies and results, so start afresh
        shutil.rmtree(MUTATE_DIR / "mutants", ignore_errors=True)
    project.write_text(text, "utf-8")
    print(f"== mutmut on {len(files)} files, tests {' '.join(tests)}", flush=True)
    run = [str(BIN / "mutmut"), "run", "--max-children", children]
    code = subprocess.run(run, cwd=MUTATE_DIR, env={**os.environ, "PYTHONHASHSEED": "0"}).returncode
    print_mutation_score(files)
    return code


def print_mutation_score(files: list[str]) -> None:
    """killed / total per file from mutmut's meta files (timeouts count as killed, as mutmut does)."""
    killed_codes = {1, 3, 24, -24, 36, 152, 255, 37}
    print(f"\n{'file':<44} {'killed':>7} {'total':>6} {'score':>7}  survivors")
    all_killed = all_total = 0
    for file in files:
        meta = MUTATE_DIR / "mutants" / (file + ".meta")
        if not meta.exists():
            print(f"{file:<44} {'-':>7} {'-':>6} {'-':>7}  (no mutants)")
            continue
        codes = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
        total = len(codes)
        killed = sum(1 for c in codes.values() if c in killed_codes)
        survivors = [k.rsplit(".", 1)[-1] for k, c in codes.items() if c not in killed_codes]
        all_killed += killed
        all_total += total
        score = f"{100 * killed / total:.1f}%" if total else "-"
        shown = ", ".join(survivors[:6]) + (" ..." if len(survivors) > 6 else "")
        print(f"{file:<44} {killed:>7} {total:>6} {score:>7}  {shown}")
    if all_total:
        print(f"\nmutation score: {all_killed} / {all_total} = {100 * all_killed / all_total:.1f}%")
    print(f"survivors in detail: cd {MUTATE_DIR.relative_to(ROOT)} && ../bin/mutmut show <name>")


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "test"
    if command == "mutate":
        bootstrap()
        return run_mutate(argv[2:])
    if command not in {"demo", "test", "bootstrap", "fuzz"}:
        print(__doc__)
        return 2
    bootstrap()
    if command == "fuzz":
        return run_fuzz(argv[2:])
    if command == "demo":
        return subprocess.run([str(PY), str(ROOT / "examples" / "quickstart.py")], cwd=ROOT).returncode
    if command == "test":
        return run_tests()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
