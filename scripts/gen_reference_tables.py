#!/usr/bin/env python3
"""Write a summary table above every ``::: module`` directive of ``docs/reference/*.md``.

Usage: ``.venv/bin/python scripts/gen_reference_tables.py [--check]``. A reference page rendered by
mkdocstrings says everything; read as plain Markdown (on a code host, in an editor) it showed only the
directive. The table lists each public name of the module (its ``__all__``) with the first sentence of
its docstring, between marker comments, so the page says something without mkdocs and the script can
rewrite it. ``tests/test_docs.py`` fails when a table is missing or out of date (run this script).
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import itertools
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "docs" / "reference"
_DIRECTIVE = re.compile(r"^::: ([\w.]+)[ \t]*$", re.M)
_BLOCK = re.compile(r"<!-- summary: ([\w.]+) -->\n.*?<!-- /summary -->\n\n", re.S)
_END = re.compile(r"[.。:：](?=\s|$)")
_NOT_AN_END = ("e.g", "i.e", "etc", "cf", "No", "vs", "Art", "Arts")


@functools.cache
def _source_docs(module_name: str) -> tuple[dict[str, str], dict[str, str]]:
    """Attribute docstrings (``NAME = …`` then a string, or ``#:`` comments above) of a module's source,
    and where each name imported with ``from X import name`` comes from."""
    module = importlib.import_module(module_name)
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):
        return {}, {}
    body = ast.parse(source).body
    lines = source.splitlines()
    docs: dict[str, str] = {}
    origins: dict[str, str] = {}
    for stmt, nxt in itertools.pairwise([*body, None]):
        if isinstance(stmt, ast.ImportFrom) and stmt.module and stmt.level == 0:
            for alias in stmt.names:
                origins[alias.asname or alias.name] = stmt.module
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [getattr(stmt, "target", None)]
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if not names:
            continue
        text = None
        if (
            isinstance(nxt, ast.Expr)
            and isinstance(nxt.value, ast.Constant)
            and isinstance(nxt.value.value, str)
        ):
            text = nxt.value.value
        else:
            comments = []
            for line in reversed(lines[: stmt.lineno - 1]):
                if not line.lstrip().startswith("#:"):
                    break
                comments.insert(0, line.lstrip()[2:].strip())
            text = " ".join(comments) or None
        if text:
            for name in names:
                docs[name] = inspect.cleandoc(text)
    return docs, origins


def _attribute_doc(module_name: str, name: str, depth: int = 0) -> str | None:
    docs, origins = _source_docs(module_name)
    if name in docs:
        return docs[name]
    origin = origins.get(name)
    if origin is None or depth > 4 or not origin.startswith("ohsreg"):
        return None
    return _attribute_doc(origin, name, depth + 1)


def _own_doc(obj: Any) -> str | None:
    """The object's own docstring (not one inherited from its type: a constant, an alias)."""
    if inspect.ismodule(obj) or inspect.isclass(obj) or inspect.isfunction(obj) or inspect.isbuiltin(obj):
        return inspect.getdoc(obj)
    wrapped = getattr(obj, "__wrapped__", None)  # functools.cache and friends
    if inspect.isfunction(wrapped):
        return inspect.getdoc(wrapped)
    return None


def _first_sentence(obj: Any, module_name: str | None = None, name: str | None = None) -> str:
    doc = _own_doc(obj)
    if not doc and module_name is not None and name is not None:
        doc = _attribute_doc(module_name, name)
    if not doc:
        value = repr(obj)
        return f"`= {value}`".replace("|", "\\|") if len(value) <= 60 and not callable(obj) else ""
    first = doc.strip().split("\n\n")[0].replace("\n", " ")
    text = first
    for match in _END.finditer(first):
        head = first[: match.start()]
        if not head.endswith(_NOT_AN_END):
            text = first[: match.end()]
            break
    text = text.rstrip(":：")
    text = re.sub(r":(?:func|class|mod|data|attr|meth|obj):`~?([^`]+)`", r"`\1`", text)
    if len(text) > 160:
        text = text[:157].rstrip() + "…"
    return text.replace("|", "\\|")


def _kind(obj: Any) -> str:
    if inspect.ismodule(obj):
        return "module"
    if inspect.isclass(obj):
        return "exception" if issubclass(obj, BaseException) else "class"
    if (
        inspect.isfunction(obj)
        or inspect.isbuiltin(obj)
        or inspect.isfunction(getattr(obj, "__wrapped__", None))
    ):
        return "function"
    if getattr(obj, "__metadata__", None) is not None:
        return "type"  # an Annotated pydantic type
    return "constant"


def table(module_name: str) -> str:
    """The summary block of one module (names in ``__all__`` order)."""
    module = importlib.import_module(module_name)
    names = list(getattr(module, "__all__", ()))
    lines = [
        f"<!-- summary: {module_name} -->",
        f"`{module_name}`: {_first_sentence(module) or 'see below.'}",
        "",
    ]
    if names:
        lines += ["| name | kind | what it is |", "|---|---|---|"]
        for name in names:
            obj = getattr(module, name)
            lines.append(f"| `{name}` | {_kind(obj)} | {_first_sentence(obj, module_name, name)} |")
    lines += ["<!-- /summary -->", "", ""]
    return "\n".join(lines)


def render(text: str) -> str:
    """``text`` with every directive's summary block (re)written just above it."""
    text = _BLOCK.sub("", text)
    return _DIRECTIVE.sub(lambda m: table(m.group(1)) + m.group(0), text)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    check = "--check" in argv
    stale = []
    for page in sorted(PAGES.glob("*.md")):
        old = page.read_text(encoding="utf-8")
        new = render(old)
        if new != old:
            stale.append(page.name)
            if not check:
                page.write_text(new, encoding="utf-8")
    for name in stale:
        print(f"{'stale' if check else 'rewrote'}: docs/reference/{name}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
