"""What is shipped against the official counts (:func:`coverage`) and the data version to pin.

Part of :mod:`ohsreg.catalogue`, which re-exports the public names.
"""

from __future__ import annotations

import attrs

import ohsreg.instruments as instruments
from ohsreg.catalogue._shipped import _ALL_TABLES


@attrs.frozen(slots=True)
class CoverageRow:
    """Rows shipped against the official count for one table, and how many are verified."""

    table: str
    document: str
    edition: str
    official: int | None
    shipped: int
    verified: int
    unit: str
    gaps: tuple[str, ...]
    sha: str = ""
    """SHA-256 of the table's data file (pin it to notice a change)."""

    @property
    def complete(self) -> bool:
        """Whether every row of the official text is shipped."""
        return self.official is not None and self.shipped >= self.official

    def line(self) -> str:
        """One aligned line for a coverage report (as :func:`coverage`'s example prints)."""
        official = "?" if self.official is None else str(self.official)
        return f"{self.table:<28} {self.shipped:>4} / {official:>4} shipped, {self.verified:>4} verified  ({self.unit})"


def coverage() -> tuple[CoverageRow, ...]:
    """Per table: rows (or entries) shipped vs the official count, and how many are verified.

    >>> for row in coverage()[:2]:
    ...     print(row.line())
    hazard_factors_2015           459 /  459 shipped,  109 verified  (factors)
    gbz21_2019_table1             357 /  359 shipped,   29 verified  (entries: 序号 1-358 + 359 乙草胺 (amendment No. 2); sub-rows grouped)
    """
    out = []
    for table in _ALL_TABLES:
        header = table.header
        records = list(table)
        kind = header.get("kind")
        if kind in {"chemical_limits", "dust_limits", "biological_limits"}:
            # counted by entry (sub-rows grouped; table 4: by substance): verified when all its rows are
            names: dict[str, bool] = {}
            for r in records:
                names[r.name_zh] = names.get(r.name_zh, True) and r.verified
            shipped, verified = len(names), sum(names.values())
        elif kind == "risk_directory":
            classified = [r for r in records if r.risk_class is not None]
            shipped, verified = len(classified), sum(r.verified for r in classified)
        else:
            shipped, verified = len(records), sum(r.verified for r in records)
        unit = header.get("count_unit") or {
            "hazard_factors": "factors",
            "occupational_diseases": "diseases",
        }.get(str(kind), "rows")
        out.append(
            CoverageRow(
                table=table.name,
                document=str(header.get("document", "")),
                edition=str(header.get("edition", "")),
                official=header.get("official_count"),
                shipped=shipped,
                verified=verified,
                unit=str(unit),
                gaps=tuple(header.get("known_gaps", ()))
                + tuple(f"not shipped: {g['name_zh']}" for g in header.get("not_shipped", ())),
                sha=table.sha,
            )
        )
    return tuple(out)


def data_version() -> str:
    """One short hash of every shipped catalogue table and the instruments registry: pin it (with the
    library version) to be told when any reference value, date or edition behind an answer changed.

    Each table's own hash is :attr:`Table.sha` (also in :func:`coverage`).
    """
    import hashlib

    digest = hashlib.sha256()
    for table in _ALL_TABLES:
        digest.update(f"{table.name}:{table.sha}\n".encode())
    digest.update(f"instruments:{instruments.data_version()}\n".encode())
    return digest.hexdigest()[:16]
