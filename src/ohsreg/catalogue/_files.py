"""User catalogue files (a provincial list, a newer edition) in the package's own format: :func:`load`.

Part of :mod:`ohsreg.catalogue`, which re-exports the public names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ohsreg.catalogue._shipped import _FACTORIES, HazardCatalogue
from ohsreg.catalogue._table import Table, read_document
from ohsreg.errors import OhsregError


def load(path: str | Path) -> Table[Any]:
    """Load a user catalogue file (a provincial list, a newer edition) in the package's own format.

    The file is read and every record checked now (not lazily), so a bad file fails here with
    ``catalogue.file_format`` or ``catalogue.record_invalid`` naming the record. The returned table
    answers ``get``/``lookup``/``search`` like the shipped ones.
    """
    file = Path(path)
    doc = read_document(file, None)
    kind = doc.get("kind")
    if kind not in _FACTORIES:
        raise OhsregError(
            "catalogue file {path} has unknown kind {kind!r}",
            rule="catalogue.file_format",
            field="kind",
            hint="one of: {kinds}",
            path=str(file),
            kind=kind,
            kinds=", ".join(sorted(_FACTORIES)),
        )
    factory, keys = _FACTORIES[kind]
    table: Table[Any] = (
        HazardCatalogue(file.stem, factory, path=file, keys=keys)
        if kind == "hazard_factors"
        else Table(file.stem, factory, path=file, keys=keys)
    )
    table._load()
    from ohsreg.identifiers import cas as cas_rn

    for i, rec in enumerate(table):
        for number in getattr(rec, "cas", ()):
            if not cas_rn.is_valid(number):
                raise OhsregError(
                    "record {index} of catalogue table {table} is invalid: {reason}",
                    rule="catalogue.record_invalid",
                    field=f"records[{i}].cas",
                    index=i,
                    table=table.name,
                    reason=f"CAS {number} fails its check digit (keep a printed value in cas_printed)",
                )
    ids = [r.id for r in table]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise OhsregError(
            "catalogue file {path} has duplicate id {id!r}",
            rule="catalogue.duplicate_id",
            field="id",
            path=str(file),
            id=dup,
        )
    return table
