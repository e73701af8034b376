"""Every public module has an API reference page, and every rule code raised in src/ is documented."""

from __future__ import annotations

import re
from pathlib import Path

import ohsreg

ROOT = Path(__file__).resolve().parent.parent


def _reference_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs" / "reference").glob("*.md"))


def test_every_public_module_is_in_the_reference() -> None:
    documented = set(re.findall(r"^::: ([\w.]+)", _reference_text(), flags=re.M))
    modules = set(ohsreg._LAZY_NAMES.values()) | {f"ohsreg.{m}" for m in ohsreg._SUBMODULES}
    # a module is covered by its own page, a page of an enclosing package, or pages of its submodules
    missing = {
        m
        for m in modules
        if not any(m == d or m.startswith(d + ".") or d.startswith(m + ".") for d in documented)
    }
    assert not missing, f"add a ::: page under docs/reference for {sorted(missing)}"


def test_every_literal_rule_code_is_documented() -> None:
    table = (ROOT / "docs" / "reference" / "rules.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([\w.]+)`", table, flags=re.M))
    used: set[str] = set()
    for path in (ROOT / "src" / "ohsreg").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith((">>>", "...")):
                continue  # doctest examples may show illustrative codes
            used |= set(re.findall(r"""\brule=["']([a-z0-9_]+\.[a-z0-9_.]+)["']""", line))
    missing = used - documented
    assert not missing, f"document these rule codes in docs/reference/rules.md: {sorted(missing)}"
