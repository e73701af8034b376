"""MkDocs hooks: render the doctest examples of docstrings as code blocks.

Docstrings show examples as bare ``>>>`` lines (pytest runs them as doctests). Read as Markdown they
would become nested block quotes, and a list shown in the output (``['330100', '330200']`` under a line
ending in ``]``) would be read as a reference-style link, which ``mkdocs build --strict`` rejects. This
hook adds a Markdown preprocessor that fences each run of doctest lines (from a ``>>>`` line to the next
blank line) as ``pycon``, outside existing fences; it applies to pages and to docstrings alike.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

_FENCE = re.compile(r"^\s*(```|~~~)")


class _DoctestFence(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fence: str | None = None
        in_doctest = False
        indent = ""
        for line in lines:
            stripped = line.strip()
            if in_doctest and not stripped:
                out.append(indent + "```")
                in_doctest = False
            if not in_doctest:
                opened = _FENCE.match(line)
                if fence is None and opened:
                    fence = opened.group(1)
                elif fence is not None and stripped.startswith(fence):
                    fence = None
                elif fence is None and stripped.startswith(">>>"):
                    indent = line[: len(line) - len(line.lstrip())]
                    out.append(indent + "```pycon")
                    in_doctest = True
            out.append(line)
        if in_doctest:
            out.append(indent + "```")
        return out


class DoctestFenceExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # before the fenced-code preprocessor (priority 25) so the new fences are read as code
        md.preprocessors.register(_DoctestFence(md), "ohsreg_doctest_fence", 30)


def on_config(config: Any) -> Any:
    """Add the extension to the list MkDocs (and mkdocstrings, for docstrings) hand to Markdown."""
    config.markdown_extensions.append(DoctestFenceExtension())
    return config
