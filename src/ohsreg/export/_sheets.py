"""The relational layout of a model in a workbook: one sheet per list of nested records.

A record is cut at every field that holds a list of nested records (``Enterprise.workplaces``,
``Workplace.posts``, ``JobPost.exposures``, ``Worker.exams``…): each such list becomes its own sheet,
one row per item, with the row number of its parent (``_parent``) so the tree can be rebuilt. Everything
else -- scalars, nested single records, lists of scalars -- is flattened into the row with the column
paths of :mod:`ohsreg.export.csv` (``principal.name``, ``hazards.0``), relative to the sheet's record.

Columns whose path starts with ``_`` are the layout's own (row numbers) or derived for people (a
finding's rendered message); readers skip the derived ones.

Not public: :mod:`ohsreg.export.xlsx` uses it for both directions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ohsreg.export._columns import Table

__all__ = ["PARENT", "PARENT_NAME", "ROW", "Layout", "Split"]

ROW = "_row"
"""Column of the 1-based row number of a record within its sheet."""
PARENT = "_parent"
"""Column of the row number of the parent record in the parent sheet (child sheets only)."""
PARENT_NAME = "_parent_name"
"""Derived column naming the parent record for people (its name, code or id)."""

_NAME_FIELDS = ("name", "code", "id", "number", "uscc", "rule")

Split = tuple[dict[str, Any], list[tuple[str, tuple[str, ...], list[Any]]]]
"""One record cut for its sheet: its flat row and its record lists ``(key, schema parts, items)``."""


class Layout:
    """Where the record lists of one model are (from its JSON Schema) and how a record is cut."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self._lists: dict[tuple[str, ...], bool] = {}

    def is_record_list(self, parts: tuple[str, ...]) -> bool:
        """Whether the field at ``parts`` (list items as ``"0"``) holds a list of nested records."""
        cached = self._lists.get(parts)
        if cached is not None:
            return cached
        nodes = [n for n, _ in self.table.nodes(parts) if n.get("type") != "null"]
        items = self.table.nodes((*parts, "0"))
        found = (
            bool(nodes)
            and all(n.get("type") == "array" for n in nodes)
            and bool(items)
            and all(n.get("type") == "object" and n.get("properties") for n, _ in items)
        )
        self._lists[parts] = found
        return found

    def split(self, record: dict[str, Any], parts: tuple[str, ...]) -> Split:
        """Flatten ``record`` (canonical JSON at schema ``parts``), stopping at its record lists."""
        flat: dict[str, Any] = {}
        lists: list[tuple[str, tuple[str, ...], list[Any]]] = []

        def walk(value: Any, prefix: str, here: tuple[str, ...]) -> None:
            # ``here`` (the schema parts) is built only for containers: scalars are most values
            if value.__class__ is dict:
                for k, v in value.items():
                    cls = v.__class__
                    if cls is dict or cls is list:
                        walk(v, f"{prefix}{k}.", (*here, str(k)))
                    else:
                        flat[f"{prefix}{k}"] = v
            elif value:  # a non-empty list
                if self.is_record_list(here):
                    lists.append((prefix[:-1], here, value))
                    return
                for i, v in enumerate(value):
                    cls = v.__class__
                    if cls is dict or cls is list:
                        walk(v, f"{prefix}{i}.", (*here, str(i)))
                    else:
                        flat[f"{prefix}{i}"] = v

        walk(record, "", parts)
        return flat, lists


def display_name(row: dict[str, Any]) -> str | None:
    """What names a record for people: its name, code, id, number, USCC or rule, when it has one."""
    for key in _NAME_FIELDS:
        value = row.get(key)
        if isinstance(value, str) and value:
            return value
    return None
