"""The checks layer sits above the records: a record reaches it only from inside a method, at call time."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

MODELS = Path(__file__).resolve().parents[2] / "src" / "ohsreg" / "models"
#: The deprecated aliases at the checks' old paths import their new home on purpose.
ALIASES = ("enterprise_check", "ppe_check")


def _module_level_imports(tree: ast.Module) -> list[str]:
    """Modules imported outside any function body (at module or class level, or under ``if``)."""
    found: list[str] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if isinstance(child, ast.ImportFrom) and child.module:
                found.append(child.module)
            elif isinstance(child, ast.Import):
                found.extend(alias.name for alias in child.names)
            visit(child)

    visit(tree)
    return found


def test_records_import_checks_only_inside_methods() -> None:
    eager = {
        f"{path.relative_to(MODELS)}: {module}"
        for path in sorted(MODELS.rglob("*.py"))
        if path.parent.name not in ALIASES
        for module in _module_level_imports(ast.parse(path.read_text(encoding="utf-8")))
        if module == "ohsreg.checks" or module.startswith("ohsreg.checks.")
    }
    assert not eager, f"import the checks inside the method that delegates to them: {sorted(eager)}"


def test_loading_the_records_loads_no_check() -> None:
    code = "import sys, ohsreg.models\nprint(sorted(m for m in sys.modules if m.startswith('ohsreg.checks')))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"


def test_a_check_delegates_to_its_module() -> None:
    code = (
        "import sys, datetime as dt\n"
        "from ohsreg.models.expert import ExpertPool\n"
        "ExpertPool(name='p').check(dt.date(2024, 1, 1))\n"
        "print('ohsreg.checks.expert' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "True"
