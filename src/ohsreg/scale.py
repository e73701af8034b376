"""Scale-out: the columnar assessment and validation on Dask partitions (extra ``scale``) or under Spark.

The functions of :mod:`ohsreg.assess.columnar` and :mod:`ohsreg.validation` are pure functions of a
table, so they run unchanged on each partition of a distributed frame. This module does the wiring:

* :func:`shift_table` -- a ``dask.dataframe`` of samples (:data:`ohsreg.assess.SAMPLE_COLUMNS`) to a
  ``dask.dataframe`` of shifts (:data:`ohsreg.assess.SHIFT_COLUMNS`), through ``map_partitions`` with the
  meta derived from the Arrow schema :func:`ohsreg.assess.shifts_schema`. All samples of a shift must be
  in one partition: the frame is shuffled on ``shift_id`` first unless ``partitioned=True`` says it
  already is (e.g. read from Parquet partitioned by shift or by date).
* :func:`validate_table` -- a ``dask.dataframe`` of flat records to per-row ``valid``/``column``/``rule``.
* :func:`arrow_shifts` -- the same assessment as a function of Arrow record batches, the shape of
  Spark's ``DataFrame.mapInArrow`` (see the guide):

  .. code-block:: python

      from ohsreg.scale import arrow_shifts, spark_schema

      shifts = (
          samples.repartition("shift_id")            # every sample of a shift in one partition
          .mapInArrow(arrow_shifts, spark_schema())  # one Arrow table per partition, assessed
      )

numpy, pyarrow and dask are imported when a function here is called, not when ``ohsreg`` is imported.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

__all__ = ["arrow_shifts", "shift_meta", "shift_table", "spark_schema", "validate_table"]


def _require(module: str) -> Any:
    from ohsreg.assess._columns import optional

    return optional(module, "scale" if module.startswith(("dask", "distributed")) else "arrow")


def _plain_schema() -> Any:
    """:func:`ohsreg.assess.shifts_schema` with dictionary columns as plain strings (frames, Spark)."""
    from ohsreg.assess import shifts_schema

    pa = _require("pyarrow")
    schema = shifts_schema()
    return pa.schema(
        [pa.field(f.name, f.type.value_type if pa.types.is_dictionary(f.type) else f.type) for f in schema]
    )


def _plain(table: Any) -> Any:
    return table.cast(_plain_schema())


def shift_meta() -> Any:
    """The empty pandas frame of the shift table: the ``meta`` of ``map_partitions`` (from the Arrow schema)."""
    return _plain_schema().empty_table().to_pandas()


def _shifts_of_partition(frame: Any, options: dict[str, Any]) -> Any:
    from ohsreg.assess import shift_table as assess

    return _plain(assess(frame, **options).to_arrow()).to_pandas()


def shift_table(samples: Any, *, partitioned: bool = False, **options: Any) -> Any:
    """Assess a ``dask.dataframe`` of samples per shift and hazard on every partition (lazy; ``.compute()``).

    ``options`` are those of :func:`ohsreg.assess.shift_table` (``below_lod``, ``shift_hours``,
    ``locale``). The result has the columns of :data:`ohsreg.assess.SHIFT_COLUMNS`; rows come
    partition by partition (sort after computing if the order matters).
    """
    _require("dask.dataframe")
    frame = samples if partitioned else samples.shuffle("shift_id")
    return frame.map_partitions(_shifts_of_partition, options, meta=shift_meta())


def _checks_of_partition(frame: Any, rules: Sequence[Any]) -> Any:
    from ohsreg.validation import validate_table as check

    pd = _require("pandas")
    report = check(frame, rules)
    rules_ = [None, *report.rules]
    names = list(report.names)
    return pd.DataFrame(
        {
            "valid": report.valid,
            "column": [
                None if r < 0 else names[c]
                for r, c in zip(report.rule_codes, report.column_codes, strict=True)
            ],
            "rule": [rules_[r + 1] for r in report.rule_codes.tolist()],
        },
        index=frame.index,
    )


def validate_table(table: Any, rules: Sequence[Any]) -> Any:
    """Validate a ``dask.dataframe`` of flat records per partition (:func:`ohsreg.validation.validate_table`).

    Returns a lazy frame with the input's index and the columns ``valid`` (bool), ``column`` and
    ``rule`` (the first failing rule of the row, null when valid).
    """
    _require("dask.dataframe")
    pd = _require("pandas")
    meta = pd.DataFrame(
        {
            "valid": pd.Series([], dtype=bool),
            "column": pd.Series([], dtype=object),
            "rule": pd.Series([], dtype=object),
        }
    )
    return table.map_partitions(_checks_of_partition, list(rules), meta=meta)


def arrow_shifts(batches: Iterable[Any], **options: Any) -> Iterator[Any]:
    """Assess the Arrow record batches of one partition; yields the shift table as record batches.

    The signature of Spark's ``mapInArrow``: the partition's batches are gathered into one table (a
    shift's samples may span batches), assessed by :func:`ohsreg.assess.shift_table` and returned with
    the plain (dictionary-free) schema of :func:`spark_schema`.
    """
    from ohsreg.assess import shift_table as assess

    pa = _require("pyarrow")
    parts = list(batches)
    if not parts:
        return
    yield from _plain(assess(pa.Table.from_batches(parts), **options).to_arrow()).to_batches()


_SPARK_TYPES = {
    "string": "string",
    "double": "double",
    "int64": "bigint",
    "bool": "boolean",
    "date32[day]": "date",
}


def spark_schema() -> str:
    """The shift table's schema as a Spark DDL string (for ``mapInArrow(arrow_shifts, spark_schema())``)."""
    return ", ".join(f"{f.name} {_SPARK_TYPES[str(f.type)]}" for f in _plain_schema())
