#!/usr/bin/env python3
"""Draw docs/assets/edition_diffs.png (the guide's plot of edition diffs) from the shipped tables.

.venv/bin/python scripts/make_diff_figure.py
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

from ohsreg.changes import diff
from ohsreg.errors import EditionError
from ohsreg.export.changes_plot import diff_counts

OUT = Path(__file__).resolve().parent.parent / "docs" / "assets" / "edition_diffs.png"


def main() -> None:
    pairs = [
        ("GBZ 2.1", "GBZ 2.1-2007", "GBZ 2.1-2019"),
        ("GBZ 2.1", "GBZ 2.1-2019", "GBZ 2.1-2019+XG1"),
        ("GBZ 2.1", "GBZ 2.1-2019+XG1", "GBZ 2.1-2019+XG1+XG2"),
        ("职业病分类和目录", "2013", "2024"),
        ("GBZ 188", "GBZ 188-2014", "GBZ 188-2025"),
    ]
    diffs = []
    for family, a, b in pairs:
        try:
            diffs.append(diff(family, a, b))
        except EditionError:  # an edition not shipped yet (GBZ 2.1-2007 before it lands)
            continue
    fig = Figure(figsize=(8, 0.6 * len(diffs) + 1.2))
    diff_counts(diffs, ax=fig.add_subplot(), locale="en")
    fig.tight_layout()
    fig.savefig(OUT, dpi=110)
    print(OUT)


if __name__ == "__main__":
    main()
