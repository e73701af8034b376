"""The flat column layout of a model, shared by every tabular exporter (CSV, XLSX, data frames, Arrow).

A record is flattened from its canonical JSON: nested fields are joined with ``.`` and list items by
their 0-based index (``workplaces.0.posts.2.name``). :class:`Table` derives from the model's JSON Schema
which JSON types each column may hold, the column order and the zh/en labels; :func:`flatten` and
:func:`unflatten` go between the nested JSON and ``{path: value}``. How a cell is spelled in a file is the
file format's business (:mod:`ohsreg.export.csv`, :mod:`ohsreg.export.xlsx`); the names here are also
importable from :mod:`ohsreg.export.csv`, their former home.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ohsreg.errors import OhsregError
from ohsreg.export._io import context, gc_paused, list_adapter
from ohsreg.export._labels import ZH

if TYPE_CHECKING:
    from pydantic import BaseModel

# --------------------------------------------------------------------------------------------------
# the layout of a model: which JSON types each column may hold, column order, labels


class Table:
    """The flat layout of one model, derived from its JSON Schema (cached per model)."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.model = model
        self.schema = model.model_json_schema(mode="serialization")
        self.defs: dict[str, Any] = self.schema.get("$defs", {})
        self._kinds: dict[str, str] = {}
        self._nodes: dict[tuple[str, ...], list[tuple[dict[str, Any], str]]] = {}

    def _resolve(self, node: dict[str, Any]) -> list[dict[str, Any]]:
        """The alternatives a schema node stands for (refs followed, anyOf/oneOf expanded)."""
        ref = node.get("$ref")
        if isinstance(ref, str):
            return self._resolve(self.defs[ref.rsplit("/", 1)[-1]])
        options = node.get("anyOf") or node.get("oneOf")
        if options:
            out: list[dict[str, Any]] = []
            for o in options:
                out.extend(self._resolve(o))
            return out
        all_of = node.get("allOf")
        if all_of and len(all_of) == 1:
            return self._resolve(all_of[0])
        return [node]

    def nodes(self, parts: tuple[str, ...]) -> list[tuple[dict[str, Any], str]]:
        """Schema alternatives at ``parts`` with how they were reached: ``prop``, ``map``, ``item``."""
        cached = self._nodes.get(parts)
        if cached is not None:
            return cached
        if not parts:
            result = [(n, "prop") for n in self._resolve(self.schema)]
        else:
            result = []
            for parent, _ in self.nodes(parts[:-1]):
                part = parts[-1]
                props = parent.get("properties")
                if isinstance(props, dict) and part in props:
                    result.extend((n, "prop") for n in self._resolve(props[part]))
                    continue
                extra = parent.get("additionalProperties")
                if isinstance(extra, dict) and parent.get("type") == "object" and not props:
                    result.extend((n, "map") for n in self._resolve(extra))
                elif extra is True or (parent.get("type") == "object" and extra is None and not props):
                    result.append(({}, "map"))
                if parent.get("type") == "array" and part.isdigit():
                    items = parent.get("items")
                    prefix = parent.get("prefixItems")
                    if isinstance(prefix, list) and int(part) < len(prefix):
                        result.extend((n, "item") for n in self._resolve(prefix[int(part)]))
                    elif isinstance(items, dict):
                        result.extend((n, "item") for n in self._resolve(items))
                    else:
                        result.append(({}, "item"))
                elif not parent:  # untyped (Any): anything goes below
                    result.append(({}, "map"))
        self._nodes[parts] = result
        return result

    def known(self, path: str) -> bool:
        """Whether ``path`` names a column this model can have."""
        return bool(self.nodes(tuple(path.split("."))))

    def kind(self, path: str) -> str:
        """``text`` (only strings), ``literal`` (no strings) or ``mixed`` for the cell at ``path``."""
        cached = self._kinds.get(path)
        if cached is not None:
            return cached
        types: set[str] = set()
        untyped = False
        for node, _ in self.nodes(tuple(path.split("."))):
            t = node.get("type")
            if isinstance(t, list):
                types |= set(t)
            elif isinstance(t, str):
                types.add(t)
            elif "enum" in node or "const" in node:
                values = node.get("enum", [node.get("const")])
                types |= {"string" if isinstance(v, str) else "number" for v in values}
            else:
                untyped = True
        scalars = types - {"null", "object", "array"}
        if untyped or ("string" in scalars and len(scalars) > 1):
            kind = "mixed"
        elif scalars <= {"string"}:
            kind = "text"
        else:
            kind = "literal"
        self._kinds[path] = kind
        return kind

    def via(self, parts: tuple[str, ...]) -> str:
        """How the last part of ``parts`` is reached: ``prop``, ``map`` or ``item``."""
        found = self.nodes(parts)
        return found[0][1] if found else "prop"

    def is_array(self, parts: tuple[str, ...]) -> bool:
        return any(n.get("type") == "array" for n, _ in self.nodes(parts))

    def sort_key(self, path: str) -> tuple[tuple[int, int | str], ...]:
        key: list[tuple[int, int | str]] = []
        parts = tuple(path.split("."))
        for i, part in enumerate(parts):
            order = 10**6
            for parent, _ in self.nodes(parts[:i]):
                props = parent.get("properties")
                if isinstance(props, dict) and part in props:
                    order = list(props).index(part)
                    break
            key.append((0, int(part)) if part.isdigit() and order == 10**6 else (1, order))
        return tuple(key)

    def label(self, path: str, locale: str, *, skip: int = 0) -> str:
        """A human column label in ``zh_CN`` or ``en`` (list indexes shown 1-based).

        ``skip`` leaves out the first parts of the path (a column of a sheet of nested records is
        labelled relative to the record).
        """
        words: list[str] = []
        parts = tuple(path.split("."))
        for i, part in enumerate(parts):
            if i < skip:
                continue
            via = self.via(parts[: i + 1])
            if part.isdigit() and via == "item":
                words.append(str(int(part) + 1))
                continue
            if via == "map":  # a key of a free-form mapping is data, shown as it is
                words.append(part)
                continue
            title = None
            for parent, _ in self.nodes(parts[:i]):
                props = parent.get("properties")
                if isinstance(props, dict) and part in props:
                    prop = props[part]
                    title = prop.get("x-zh") if locale == "zh_CN" else prop.get("title")
                    break
            if title is None:
                title = ZH.get(part) if locale == "zh_CN" else None
            words.append(title or part.replace("_", " ").capitalize())
        return " ".join(words)


@lru_cache(maxsize=64)
def _table(model: type[BaseModel]) -> Table:
    return Table(model)


def label(model: type[BaseModel], path: str, locale: str = "zh_CN") -> str:
    """The column label of ``path`` for ``model`` in ``locale``.

    >>> from ohsreg.models import Authority
    >>> label(Authority, "region"), label(Authority, "region", "en")
    ('行政区划', 'Region')
    """
    from ohsreg.i18n import normalize_locale

    return _table(model).label(path, normalize_locale(locale))


# --------------------------------------------------------------------------------------------------
# flatten / unflatten


def flatten(value: Any, prefix: str = "", out: dict[str, Any] | None = None) -> dict[str, Any]:
    """Flatten canonical JSON (dicts, lists, scalars) to ``{"a.b.0.c": scalar}``.

    >>> flatten({"a": {"b": [{"c": 1}, {"c": None}]}, "d": "x"})
    {'a.b.0.c': 1, 'a.b.1.c': None, 'd': 'x'}
    """
    if out is None:
        out = {}
    if isinstance(value, dict):
        items: Iterable[tuple[Any, Any]] = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        out[prefix[:-1]] = value
        return out
    for k, v in items:
        cls = v.__class__
        if cls is dict or cls is list:
            flatten(v, f"{prefix}{k}.", out)
        else:
            out[f"{prefix}{k}"] = v
    return out


def unflatten(row: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """Rebuild the nested canonical JSON of ``model`` from ``{path: value}`` (the reverse of :func:`flatten`).

    Objects and lists whose leaves are all null are dropped (the model default applies); so are null
    values inside free-form mappings.
    """
    table = _table(model)
    tree: dict[str, Any] = {}
    nulls: list[list[str]] = []
    for path, value in row.items():
        parts = path.split(".")
        if value is None:
            nulls.append(parts)
            continue
        node = tree
        for part in parts[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {}
            node = child
        node[parts[-1]] = value
    # nulls go only where nothing else is: an open term is a code (``kind``) in one row and a custom
    # term (``kind.custom``) in another, and the empty column of the other form must not erase it
    for parts in nulls:
        node = tree
        for part in parts[:-1]:
            child = node.get(part)
            if child is None:
                child = node[part] = {}
            elif not isinstance(child, dict):
                break
            node = child
        else:
            node.setdefault(parts[-1], None)
    return _build(tree, (), table, top=True)  # type: ignore[no-any-return]


def _build(node: dict[str, Any], parts: tuple[str, ...], table: Table, *, top: bool = False) -> Any:
    out: dict[str, Any] = {}
    for key, value in node.items():
        here = (*parts, key)
        if isinstance(value, dict):
            built = _build(value, here, table)
            if built is not None:
                out[key] = built
        elif value is not None or (top or table.via(here) == "prop"):
            out[key] = value
    if not top and all(v is None for v in out.values()):
        return None
    if parts and table.is_array(parts) and all(k.isdigit() for k in out):
        return [out[k] for k in sorted(out, key=int)]
    return out


# --------------------------------------------------------------------------------------------------
# the flattened rows of records, and their columns


def _rows(records: Iterable[BaseModel], unmask: bool, batch: int = 2000) -> Iterator[dict[str, Any]]:
    """Flattened canonical JSON of each record (one pydantic call per batch of one model)."""
    ctx = context(unmask)
    chunk: list[BaseModel] = []
    for r in records:
        chunk.append(r)
        if len(chunk) >= batch:
            yield from _dump(chunk, ctx)
            chunk = []
    if chunk:
        yield from _dump(chunk, ctx)


def _dump(chunk: list[BaseModel], ctx: dict[str, bool] | None) -> Iterator[dict[str, Any]]:
    model = type(chunk[0])
    with gc_paused():
        if all(type(r) is model for r in chunk):
            dumped = list_adapter(model).dump_python(chunk, mode="json", context=ctx)
        else:
            dumped = [r.model_dump(mode="json", context=ctx) for r in chunk]
        rows = [flatten(d) for d in dumped]
    yield from rows


def _model_of(records: Sequence[BaseModel], model: type[BaseModel] | None) -> type[BaseModel]:
    if model is not None:
        return model
    if not records:
        raise OhsregError(
            "no records to write and no model given",
            rule="export.empty",
            hint="pass model= to write a header-only file",
        )
    first = type(records[0])
    for r in records:
        if type(r) is not first:
            raise OhsregError(
                "records of different models ({first} and {other}) cannot share one table",
                rule="export.mixed_models",
                hint="write one file (or one sheet) per model",
                first=first.__name__,
                other=type(r).__name__,
            )
    return first


def columns_of(rows: Iterable[dict[str, Any]], model: type[BaseModel]) -> list[str]:
    """The ordered union of the columns of flattened ``rows`` (model field order, list indexes)."""
    seen: dict[str, None] = {}
    for row in rows:
        for k in row:
            seen.setdefault(k, None)
    if not seen:
        seen = {
            k: None
            for k, node in _table(model).schema.get("properties", {}).items()
            if isinstance(node, dict)
        }
    return sorted(seen, key=_table(model).sort_key)
