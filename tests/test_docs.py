"""Every public module has an API reference page, and every rule code raised in src/ is documented."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

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


# -- every code, however it is passed ---------------------------------------------------------------

_CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
#: Rule codes built at run time: (module, source fragment) -> the codes it can produce.
_DYNAMIC_CODES: dict[tuple[str, str], tuple[str, ...]] = {}
#: Illustrative codes of the demo and of docstring examples, not rules of the library.
_ILLUSTRATIVE = ("demo.",)


def _is_rule_param(name: str) -> bool:
    # ``custom_error_type``: a pydantic-core schema that fails with one of our rule codes
    return name in ("rule", "custom_error_type") or name.endswith("_rule")


def _code_strings(expr: ast.expr, scope: list[ast.stmt], module: ast.Module) -> set[str] | None:
    """The rule codes ``expr`` can be: a literal, a conditional, or a name bound to literals."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return {expr.value}
    if isinstance(expr, ast.IfExp):
        a, b = _code_strings(expr.body, scope, module), _code_strings(expr.orelse, scope, module)
        return None if a is None or b is None else a | b
    if isinstance(expr, ast.Name):
        for body in (scope, module.body):
            values = [
                node.value
                for stmt in body
                for node in ast.walk(stmt)
                if isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == expr.id for t in node.targets)
            ]
            if values:
                out: set[str] = set()
                for v in values:
                    got = _code_strings(v, scope, module)
                    if got is None:
                        return None
                    out |= got
                return out
    return None


def _rule_codes() -> tuple[dict[str, list[str]], list[str]]:
    """Every rule code of src/ (``rule=``, ``*_rule=``, a finding's first argument, ``default_rule``),
    with where it is used; and the call sites whose code could not be followed."""
    codes: dict[str, list[str]] = {}
    unresolved: list[str] = []
    src = ROOT / "src" / "ohsreg"
    for path in sorted(src.rglob("*.py")):
        module_name = path.relative_to(src).as_posix()
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        params = {a.arg for f in functions for a in [*f.args.args, *f.args.kwonlyargs]}
        for func in [tree, *functions]:
            body = func.body
            for node in ast.walk(func):
                exprs: list[ast.expr] = []
                if isinstance(node, ast.Call):
                    name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                    if name in ("finding", "_labelled") and node.args:
                        exprs.append(node.args[0])
                    exprs += [k.value for k in node.keywords if k.arg and _is_rule_param(k.arg)]
                    # a helper's ``rule``/``*_rule`` parameter passed positionally
                    for f in functions:
                        if f.name == name:
                            names = [a.arg for a in f.args.args]
                            names = names[1:] if names[:1] in (["self"], ["cls"]) else names
                            exprs += [a for a, n in zip(node.args, names, strict=False) if _is_rule_param(n)]
                    # exclusion reasons collected in a list (``reasons.append("draw.inactive")``)
                    if (
                        name == "append"
                        and node.args
                        and isinstance(node.args[0], ast.Constant)
                        and _CODE.fullmatch(str(node.args[0].value))
                    ):
                        exprs.append(node.args[0])
                elif isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "default_rule" for t in node.targets
                ):
                    exprs.append(node.value)
                for expr in exprs:
                    if isinstance(expr, ast.Name) and expr.id in params:
                        continue  # forwarded: checked where the caller passes it
                    if isinstance(expr, ast.Attribute):
                        continue  # a stored code (``self.rule``), checked where it was set
                    where = f"{module_name}:{expr.lineno}"
                    got = _code_strings(expr, body, tree)
                    if got is None:
                        segment = ast.get_source_segment(text, expr) or ""
                        known = [
                            v
                            for (m, frag), v in _DYNAMIC_CODES.items()
                            if m == module_name and frag == segment
                        ]
                        if not known:
                            unresolved.append(f"{where} {segment}")
                            continue
                        got = set(known[0])
                    for code in got:
                        codes.setdefault(code, []).append(where)
    dotted = {c: w for c, w in codes.items() if _CODE.fullmatch(c) and not c.startswith(_ILLUSTRATIVE)}
    return dotted, sorted(set(unresolved))


def _documented_codes() -> list[str]:
    table = (ROOT / "docs" / "reference" / "rules.md").read_text(encoding="utf-8")
    return re.findall(r"^\| `([\w.]+)`", table, flags=re.M)


def test_every_rule_code_is_documented_exactly_once() -> None:
    codes, unresolved = _rule_codes()
    assert not unresolved, f"use a literal rule code or list it in _DYNAMIC_CODES: {unresolved}"
    assert len(codes) > 200
    documented = _documented_codes()
    twice = sorted({c for c in documented if documented.count(c) > 1})
    assert not twice, f"documented more than once in rules.md: {twice}"
    missing = {c: w[0] for c, w in codes.items() if c not in documented}
    assert not missing, f"document these rule codes in docs/reference/rules.md: {missing}"
    stale = sorted(set(documented) - set(codes))
    assert not stale, f"rules.md documents codes nothing in src raises or emits: {stale}"


def test_rule_tables_render_as_tables() -> None:
    """Every row of rules.md belongs to a table with a header (an HTML comment ends a table)."""
    markdown = pytest.importorskip("markdown")
    html = markdown.markdown(
        (ROOT / "docs" / "reference" / "rules.md").read_text(encoding="utf-8"), extensions=["tables"]
    )
    assert "<p>|" not in html, "a row of rules.md is outside a table"
    assert "\n| " not in html, "a row of rules.md is outside a table"
    rows = re.findall(r"<tr>\s*<td><code>([\w.]+)</code></td>", html)
    assert sorted(rows) == sorted(_documented_codes())


def test_reference_pages_say_something_without_mkdocs() -> None:
    """Each ``::: module`` directive has a summary table above it listing every public name of the module
    (regenerate with ``.venv/bin/python scripts/gen_reference_tables.py``)."""
    import importlib

    missing = []
    for page in sorted((ROOT / "docs" / "reference").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        blocks = dict(re.findall(r"<!-- summary: ([\w.]+) -->\n(.*?)<!-- /summary -->", text, flags=re.S))
        for module in re.findall(r"^::: ([\w.]+)", text, flags=re.M):
            listed = set(re.findall(r"^\| `(\w+)` \|", blocks.get(module, ""), flags=re.M))
            names = set(getattr(importlib.import_module(module), "__all__", ()))
            if module not in blocks or names - listed:
                missing.append(f"{page.name}: {module} {sorted(names - listed)}")
    assert not missing, f"run .venv/bin/python scripts/gen_reference_tables.py: {missing}"
