"""Arrow and Parquet (extra ``arrow``: ``pip install 'ohsreg[arrow]'``, pyarrow).

:func:`arrow_schema` derives an Arrow schema from a model's JSON Schema, so other engines (Spark,
DuckDB, Polars) read ohsreg exports with the same types: text -> ``string``, integers -> ``int64``,
numbers -> ``float64``, booleans -> ``bool``, dates -> ``date32``, date-times -> ISO 8601 text (each
value keeps its own UTC offset, which an Arrow timestamp column cannot),
nested models -> ``struct``, lists -> ``list``, quantities -> ``struct<value: double, unit: string>``.
Fields holding personal data carry the field metadata ``ohsreg.personal_data`` (``name``, ``phone``,
``resident_id``).
Values whose type the model leaves open (free-form mappings such as ``Finding.params``, unions of text
and numbers) are stored as JSON text in a ``string`` column and decoded on reading.

:func:`assessment_table` turns a vectorized assessment (:class:`ohsreg.assess.ArrayAssessment`) into a
columnar table without a Python loop; :func:`write_csv` writes such tables at Arrow speed.

Personal data is masked unless ``unmask=True``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any, TypeVar

from ohsreg.export._io import context, list_adapter, require

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = [
    "arrow_schema",
    "assessment_table",
    "from_arrow",
    "read_parquet",
    "to_arrow",
    "to_parquet",
    "write_csv",
]

M = TypeVar("M", bound="BaseModel")
Convert = Callable[[Any], Any]


def _pa() -> Any:
    return require("pyarrow", "arrow")


class _Builder:
    """Arrow types and value converters for one model, from its serialization JSON Schema."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.schema = model.model_json_schema(mode="serialization")
        self.defs: dict[str, Any] = self.schema.get("$defs", {})
        self.pa = _pa()

    def _deref(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = {
                **self.defs[node["$ref"].rsplit("/", 1)[-1]],
                **{k: v for k, v in node.items() if k != "$ref"},
            }
        return node

    def build(self, node: dict[str, Any]) -> tuple[Any, Convert | None, Convert | None]:
        """(arrow type, to-arrow converter or None, from-arrow converter or None)."""
        pa = self.pa
        node = self._deref(node)
        options = node.get("anyOf") or node.get("oneOf")
        if options:
            real = [self._deref(o) for o in options if self._deref(o).get("type") != "null"]
            if len(real) == 1:
                return self.build(real[0])
            return self._json()
        t = node.get("type")
        if t == "object" and isinstance(node.get("properties"), dict) and node["properties"]:
            fields, to_conv, from_conv = [], {}, {}
            for name, sub in node["properties"].items():
                typ, to_c, from_c = self.build(sub)
                marker = _personal(self._deref(sub))
                meta = {"ohsreg.personal_data": marker} if marker else None
                fields.append(pa.field(name, typ, metadata=meta))
                if to_c is not None:
                    to_conv[name] = to_c
                if from_c is not None:
                    from_conv[name] = from_c
            return pa.struct(fields), _struct_conv(to_conv), _struct_conv(from_conv)
        if t == "array" and isinstance(node.get("items"), dict):
            typ, to_c, from_c = self.build(node["items"])
            return pa.list_(typ), _list_conv(to_c), _list_conv(from_c)
        if t == "string" or (t is None and "enum" in node and all(isinstance(v, str) for v in node["enum"])):
            fmt = node.get("format")
            if fmt == "date":
                return pa.date32(), dt.date.fromisoformat, dt.date.isoformat
            return pa.string(), None, None
        if t == "integer":
            return pa.int64(), None, None
        if t == "number":
            return pa.float64(), None, None
        if t == "boolean":
            return pa.bool_(), None, None
        return self._json()

    def _json(self) -> tuple[Any, Convert, Convert]:
        return self.pa.string(), _to_json, json.loads


def _personal(node: dict[str, Any]) -> str | None:
    """The ``x-personal-data`` marker of a schema node (also inside ``anyOf`` for optional fields)."""
    marker = node.get("x-personal-data")
    if isinstance(marker, str):
        return marker
    for option in node.get("anyOf") or ():
        if isinstance(option, dict) and isinstance(option.get("x-personal-data"), str):
            return str(option["x-personal-data"])
    return None


def _to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _struct_conv(conv: dict[str, Convert]) -> Convert | None:
    if not conv:
        return None
    items = list(conv.items())

    def convert(value: Any) -> Any:
        if value is None:
            return None
        out = dict(value)
        for k, c in items:
            v = out.get(k)
            if v is not None:
                out[k] = c(v)
        return out

    return convert


def _list_conv(conv: Convert | None) -> Convert | None:
    if conv is None:
        return None

    def convert(value: Any) -> Any:
        return None if value is None else [None if v is None else conv(v) for v in value]

    return convert


@lru_cache(maxsize=64)
def _plan(model: type[BaseModel]) -> tuple[Any, Convert | None, Convert | None]:
    return _Builder(model).build(model.model_json_schema(mode="serialization"))


def arrow_schema(model: type[BaseModel]) -> Any:
    """The ``pyarrow.Schema`` of ``model``'s canonical JSON (see the module docstring for the mapping)."""
    pa = _pa()
    struct = _plan(model)[0]
    return pa.schema(
        [struct.field(i) for i in range(struct.num_fields)], metadata={"ohsreg.model": model.__name__}
    )


def to_arrow(
    records: Iterable[BaseModel], *, model: type[BaseModel] | None = None, unmask: bool = False
) -> Any:
    """A ``pyarrow.Table`` of ``records`` (all of one model) with :func:`arrow_schema`."""
    from ohsreg.export.csv import _model_of

    pa = _pa()
    items = list(records)
    cls = _model_of(items, model)
    _, to_conv, _ = _plan(cls)
    rows = list_adapter(cls).dump_python(items, mode="json", context=context(unmask))
    if to_conv is not None:
        rows = [to_conv(r) for r in rows]
    return pa.Table.from_pylist(rows, schema=arrow_schema(cls))


def from_arrow(table: Any, model: type[M]) -> list[M]:
    """The records of ``model`` in a ``pyarrow.Table`` written by :func:`to_arrow` (validated in one call)."""
    _, _, from_conv = _plan(model)
    rows = table.to_pylist()
    if from_conv is not None:
        rows = [from_conv(r) for r in rows]
    result: list[M] = list_adapter(model).validate_python(rows)
    return result


def to_parquet(
    records: Iterable[BaseModel],
    dest: str | os.PathLike[str] | IO[bytes],
    *,
    model: type[BaseModel] | None = None,
    unmask: bool = False,
) -> None:
    """Write ``records`` to a Parquet file (schema from :func:`arrow_schema`)."""
    require("pyarrow.parquet", "arrow").write_table(to_arrow(records, model=model, unmask=unmask), dest)


def read_parquet(source: str | os.PathLike[str] | IO[bytes], model: type[M]) -> list[M]:
    """Read the records of ``model`` from a Parquet file written by :func:`to_parquet`."""
    return from_arrow(require("pyarrow.parquet", "arrow").read_table(source), model)


def assessment_table(result: Any, ids: Sequence[Any] | None = None) -> Any:
    """A ``pyarrow.Table`` of a vectorized assessment: ``[id,] value, unit, limit, verdict, clause``.

    ``result`` is an :class:`ohsreg.assess.ArrayAssessment`; no Python loop over rows (the verdict
    column is dictionary-encoded from the int8 verdict codes).
    """
    pa = _pa()
    from ohsreg.assess.vectorized import VERDICT_CODES

    n = len(result.values)
    verdicts = pa.DictionaryArray.from_arrays(
        pa.array(result.codes, type=pa.int8()), pa.array([v.code for v in VERDICT_CODES])
    )
    limit = None if result.limit is None else result.limit.value
    columns: dict[str, Any] = {}
    if ids is not None:
        columns["id"] = pa.array(ids)
    columns["value"] = pa.array(result.values, type=pa.float64(), from_pandas=True)
    columns["unit"] = pa.DictionaryArray.from_arrays(pa.array(_zeros(n)), pa.array([result.unit]))
    if limit is None:
        columns["limit"] = pa.nulls(n, pa.float64())
    else:
        import numpy as np

        columns["limit"] = pa.array(np.full(n, float(limit)), type=pa.float64())
    columns["verdict"] = verdicts
    columns["clause"] = pa.DictionaryArray.from_arrays(pa.array(_zeros(n)), pa.array([result.clause]))
    return pa.table(columns)


def _zeros(n: int) -> Any:
    import numpy as np

    return np.zeros(n, dtype=np.int8)


def write_csv(table: Any, dest: str | os.PathLike[str] | IO[bytes], *, bom: bool = False) -> None:
    """Write a ``pyarrow.Table`` as CSV (UTF-8, optional BOM) at Arrow speed.

    Meant for result tables (numbers and codes); record tables go through :func:`ohsreg.export.csv.to_csv`,
    which neutralises formula-like text.
    """
    pa = _pa()
    pacsv = require("pyarrow.csv", "arrow")
    table = table.cast(pa.schema([pa.field(f.name, _plain(pa, f.type)) for f in table.schema]))
    from ohsreg.export._io import open_sink

    with open_sink(dest) as fh:
        if bom:
            fh.write(b"\xef\xbb\xbf")
        pacsv.write_csv(table, fh)


def _plain(pa: Any, typ: Any) -> Any:
    return typ.value_type if pa.types.is_dictionary(typ) else typ
