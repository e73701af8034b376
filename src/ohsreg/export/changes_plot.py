"""A plot of edition diffs (extra ``plot``, matplotlib): how many rows each revision added, removed,
changed or renamed, one horizontal bar per :class:`~ohsreg.changes.EditionDiff`.

Drawn on the ``Axes`` you pass, or on a new ``Figure`` made without pyplot; returns the ``Axes``. Labels
follow ``locale``; Chinese labels need a CJK font in matplotlib (pass ``locale="en"`` where none is
installed: families are then named in English).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ohsreg.export.plot import _axes, _label

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


def diff_counts(diffs: Sequence[Any], *, ax: Any = None, locale: str | None = None) -> Any:
    """Stacked bars of the rows per kind of change, one bar per diff (unchanged rows are not drawn)."""
    from ohsreg.changes import ChangeKind
    from ohsreg.i18n import normalize_locale

    ax = _axes(ax)
    english = normalize_locale(locale) == "en"
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
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlabel(_label("rows", "行数", locale))
    ax.legend(loc="lower right", fontsize="small")
    return ax
