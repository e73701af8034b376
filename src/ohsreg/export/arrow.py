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
columnar table without a Python loop; :func:`write_csv` writes such tables (or a stream of record
batches, e.g. :meth:`ohsreg.assess.ShiftTable.to_arrow`) at Arrow speed, text neutralised against
spreadsheet formula injection.

**Streaming**: :func:`to_parquet` writes records batch by batch (:func:`iter_batches`), so its memory does
not grow with the number of records when they come from an iterator (a reader, a generator);
:func:`write_csv` accepts an iterator of batches likewise.

Personal data is masked unless ``unmask=True``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any, TypeVar

from ohsreg.export._io import context, list_adapter, require

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = [
    "arrow_schema",
    "assessment_table",
    "from_arrow",
    "iter_batches",
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
    from ohsreg.export._columns import _model_of

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


def iter_batches(
    records: Iterable[BaseModel],
    *,
    model: type[BaseModel] | None = None,
    unmask: bool = False,
    batch_size: int = 10_000,
) -> Iterator[Any]:
    """``pyarrow.RecordBatch`` es of ``records`` with :func:`arrow_schema`, ``batch_size`` records each.

    Records are consumed lazily: only one batch is held at a time (the streaming form of :func:`to_arrow`).
    Without ``model`` the first record's model is used; every record must be of it.
    """
    pa = _pa()
    it = iter(records)
    if model is None:
        first = next(it, None)
        if first is None:
            return
        it = itertools.chain([first], it)
        model = type(first)
    from ohsreg.export._columns import _model_of

    _, to_conv, _ = _plan(model)
    schema = arrow_schema(model)
    adapter = list_adapter(model)
    ctx = context(unmask)
    while chunk := list(itertools.islice(it, batch_size)):
        _model_of(chunk, model if all(type(r) is model for r in chunk) else None)
        rows = adapter.dump_python(chunk, mode="json", context=ctx)
        if to_conv is not None:
            rows = [to_conv(r) for r in rows]
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def to_parquet(
    records: Iterable[BaseModel],
    dest: str | os.PathLike[str] | IO[bytes],
    *,
    model: type[BaseModel] | None = None,
    unmask: bool = False,
    batch_size: int = 10_000,
) -> None:
    """Write ``records`` to a Parquet file (schema from :func:`arrow_schema`), one row group per batch.

    Streams: memory is bounded by ``batch_size`` records, not by the number of records (pass an
    iterator to benefit).
    """
    pq = require("pyarrow.parquet", "arrow")
    batches = iter_batches(records, model=model, unmask=unmask, batch_size=batch_size)
    first = next(batches, None)
    if first is None:
        if model is None:
            from ohsreg.export._columns import _model_of

            _model_of([], None)  # raises export.empty
        assert model is not None
        pq.write_table(_pa().Table.from_pylist([], schema=arrow_schema(model)), dest)
        return
    with pq.ParquetWriter(dest, first.schema) as writer:
        for batch in itertools.chain([first], batches):
            writer.write_batch(batch)


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


def write_csv(
    table: Any,
    dest: str | os.PathLike[str] | IO[bytes],
    *,
    bom: bool = False,
) -> None:
    """Write a ``pyarrow.Table``, a ``RecordBatch`` or an iterable of them as CSV (UTF-8) at Arrow speed.

    Streams an iterable batch by batch (all batches share the first one's schema). Text that a
    spreadsheet would read as a formula (``=HYPERLINK(...)``, ``+``, ``-``, ``@``…) is neutralised by the
    one neutraliser of every writer (:func:`ohsreg.export.cells.neutralise`); nulls stay empty cells. ``bom=True`` starts the
    file with a UTF-8 byte-order mark (Excel in Chinese locales).
    """
    pa = _pa()
    pacsv = require("pyarrow.csv", "arrow")
    from ohsreg.export._io import open_sink

    batches = [table] if isinstance(table, pa.Table | pa.RecordBatch) else table
    with open_sink(dest) as fh:
        if bom:
            fh.write(b"\xef\xbb\xbf")
        writer = None
        for part in batches:
            safe = _safe_text(pa, part)
            if writer is None:
                writer = pacsv.CSVWriter(fh, safe.schema)
            writer.write(safe)
        if writer is not None:
            writer.close()


def _safe_text(pa: Any, part: Any) -> Any:
    """``part`` with dictionary columns decoded and text columns neutralised (a Table)."""
    from ohsreg.export.cells import FORMULA_TRIGGERS, neutralise

    pc = require("pyarrow.compute", "arrow")
    table = part if isinstance(part, pa.Table) else pa.Table.from_batches([part])
    columns = []
    for field, column in zip(table.schema, table.columns, strict=True):
        typ = _plain(pa, field.type)
        column = column.cast(typ) if typ != field.type else column
        if pa.types.is_string(typ) or pa.types.is_large_string(typ):
            # only values whose first character could start a formula (or empty ones) go through the
            # neutraliser, one Python call each; the rest stays in Arrow
            flat = column.combine_chunks()
            head = pc.utf8_slice_codeunits(flat, 0, 1)
            triggers = pa.array(list(FORMULA_TRIGGERS), type=typ)
            risky = pc.fill_null(pc.or_(pc.is_in(head, value_set=triggers), pc.equal(flat, "")), False)
            if pc.any(risky).as_py():
                picked = pc.filter(flat, risky).to_pylist()
                column = pc.replace_with_mask(
                    flat, risky, pa.array([neutralise(v) for v in picked], type=typ)
                )
        columns.append(column)
    return pa.table(columns, names=table.schema.names)


def _plain(pa: Any, typ: Any) -> Any:
    return typ.value_type if pa.types.is_dictionary(typ) else typ
