#!/usr/bin/env python3
"""Developer entry point: ``python3 scripts/dev.py demo`` and ``python3 scripts/dev.py test``.

Needs only Python >= 3.11 and pip. It creates ``.venv`` beside the project, installs the package
(editable, with the ``dev``, ``docs`` and the optional ``excel``, ``arrow``, ``frame``, ``plot``, ``scale`` extras, so
CI runs their tests, the Dask cluster test included; they add about 30 s to a fresh install) when ``pyproject.toml`` changed since the last install,
then runs the demo or every quality gate. The test command runs all gates even when one fails, prints a
summary and exits non-zero if any gate failed.
"""

from __future__ import annotations

import hashlib
import os
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


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "test"
    if command not in {"demo", "test", "bootstrap"}:
        print(__doc__)
        return 2
    bootstrap()
    if command == "demo":
        return subprocess.run([str(PY), str(ROOT / "examples" / "quickstart.py")], cwd=ROOT).returncode
    if command == "test":
        return run_tests()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
