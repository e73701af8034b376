"""A plot of edition diffs (extra ``plot``, matplotlib): how many rows each revision added, removed,
changed or renamed, one horizontal bar per :class:`~ohsreg.changes.EditionDiff`.

Drawn on the ``Axes`` you pass, or on a new ``Figure`` made without pyplot; returns the ``Axes``. Labels
follow ``locale``; Chinese labels use a CJK font found as :mod:`ohsreg.export.plot` finds one (or
``font=``), and fall back to English with a warning where none is installed.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from ohsreg.export.plot import _axes, _Style

__all__ = ["diff_counts"]

_KINDS = (
    ("ADDED", "tab:green"),
    ("REMOVED", "tab:red"),
    ("CHANGED", "tab:orange"),
    ("RENAMED", "tab:blue"),
    ("NOT_SHIPPED", "tab:gray"),
)
_FAMILY_EN = {
    "职业病分类和目录": "disease list",
    "建设项目职业病危害风险分类管理目录": "risk directory",
}


def diff_counts(
    diffs: Sequence[Any],
    *,
    ax: Any = None,
    locale: str | None = None,
    font: str | os.PathLike[str] | None = None,
) -> Any:
    """Stacked bars of the rows per kind of change, one bar per diff (unchanged rows are not drawn)."""
    from ohsreg.changes import ChangeKind

    style = _Style(locale, font)
    ax = _axes(ax)
    english = style.en
    locale = "en" if english else "zh_CN"
    names = []
    for d in diffs:
        family = _FAMILY_EN.get(d.family, d.family) if english else d.family
        names.append(f"{family}: {d.edition_a} → {d.edition_b}")
    y = list(range(len(diffs)))
    left = [0] * len(diffs)
    for code, colour in _KINDS:
        widths = [d.counts()[code] for d in diffs]
        kind = ChangeKind.parse(code, field="kind")
        ax.barh(y, widths, left=left, color=colour, label=kind.label(locale))
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.set_yticks(y, names, **style.kw())
    ax.invert_yaxis()
    ax.set_xlabel(style.text("rows", "行数"), **style.kw())
    style.legend(ax, loc="lower right")
    return ax
