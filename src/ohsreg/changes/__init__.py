"""Regulatory change tracking: what changed between editions of a reference table (:func:`diff`) and
which verdicts and findings change between two dates (:func:`flips`).

>>> import ohsreg
>>> d = ohsreg.diff("GBZ 2.1", "GBZ 2.1-2019", "GBZ 2.1-2019+XG1")
>>> d.explain("en").split(" (")[0]
'GBZ 2.1: GBZ 2.1-2019 → GBZ 2.1-2019+XG1: 0 added, 0 removed, 1 changed, 0 renamed, 0 not compared, 396 unchanged'
"""

from __future__ import annotations

from ohsreg.changes.editions import (
    ChangeKind,
    EditionDiff,
    RowChange,
    diff,
    editions,
    families,
    limit_state_on,
)
from ohsreg.changes.verdicts import Flip, flips

__all__ = [
    "ChangeKind",
    "EditionDiff",
    "Flip",
    "RowChange",
    "diff",
    "editions",
    "families",
    "flips",
    "limit_state_on",
]
