"""Scale-out: the columnar assessment and validation on Dask worker processes give one process's answers.

The cluster test runs in CI (the ``scale`` extra is installed there): two worker processes of a
``dask.distributed.LocalCluster``, a small campaign, a few seconds.
"""

from __future__ import annotations

import importlib.util
import shutil
from typing import Any

import pytest

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import ohsreg.assess as oa  # noqa: E402
from ohsreg import scale  # noqa: E402
from ohsreg.validation import Identifier, Range  # noqa: E402


def _campaign(n_shifts: int = 1500) -> Any:
    rng = np.random.default_rng(7)
    shift = np.repeat(np.arange(n_shifts), 4)
    kind = np.tile(["TWA", "TWA", "STE", "PEAK"], n_shifts)
    hazard = np.array(["苯", "氨", "氯", "2-甲氧基乙醇", "不存在"])[shift % 5]
    days = pd.Timestamp("2019-10-01") + pd.to_timedelta(shift % 2000, unit="D")  # some before 2020-04-01
    return pd.DataFrame(
        {
            "shift_id": [f"S{i:05d}" for i in shift],
            "hazard": hazard,
            "concentration": rng.lognormal(0.0, 1.0, shift.size),
            "duration": np.where(kind == "TWA", 4.0, 15.0),
            "duration_unit": np.where(kind == "TWA", "h", "min"),
            "kind": kind,
            "date": days,
            "region": np.where(shift % 7 == 0, "999999", "330106"),
        }
    )


def _sorted(frame: Any) -> list[dict[str, Any]]:
    frame = frame.sort_values("shift_id").reset_index(drop=True)
    return [
        {k: (None if pd.isna(v) else v) for k, v in row.items()}
        for row in frame.astype(object).to_dict("records")
    ]


@pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None, reason="extra 'scale' (dask[distributed]) not installed"
)
def test_local_cluster_gives_the_answers_of_one_process() -> None:
    dd = pytest.importorskip("dask.dataframe")
    from dask.distributed import Client, LocalCluster

    samples = _campaign()
    one = scale._plain(oa.shift_table(samples).to_arrow()).to_pandas()
    rules = [Identifier("region", "division"), Range("concentration", 0, 50)]
    frame = dd.from_pandas(samples, npartitions=4)
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster),
    ):
        many = scale.shift_table(frame).compute()
        report = scale.validate_table(frame, rules).compute()
    assert len(many) == len(one) == 1500
    assert _sorted(many) == _sorted(one)
    # bad groups travel as data (an unknown hazard; peak rows dated before GBZ 2.1-2019; dates inside
    # the unverified effective window of its amendment No. 1), the same on the workers as in one process
    assert {"catalogue.no_limit", "catalogue.amendment_date_unverified"} <= set(many["error_rule"].dropna())
    from ohsreg.validation import validate_table

    local = validate_table(samples, rules)
    assert report["valid"].tolist() == local.valid.tolist()
    assert [None if pd.isna(r) else r for r in report["rule"]] == [
        None if ok else r for ok, r in zip(local.valid, _rules(local), strict=True)
    ]


def _rules(report: Any) -> list[str | None]:
    names = [None, *report.rules]
    return [names[c + 1] for c in report.rule_codes.tolist()]


def test_arrow_shifts_is_the_shape_of_spark_map_in_arrow() -> None:
    import pyarrow as pa

    samples = pa.Table.from_pandas(_campaign(50), preserve_index=False)
    batches = list(scale.arrow_shifts(iter(samples.to_batches(max_chunksize=37))))
    table = pa.Table.from_batches(batches)
    assert table.schema.names == list(oa.SHIFT_COLUMNS)
    assert table.num_rows == 50
    assert list(scale.arrow_shifts(iter([]))) == []
    assert scale.spark_schema().startswith("shift_id string, worker_id string")
    assert scale.shift_meta().columns.tolist() == list(oa.SHIFT_COLUMNS)


@pytest.mark.skipif(
    importlib.util.find_spec("pyspark") is None or shutil.which("java") is None,
    reason="pyspark and a Java runtime are needed for the Spark mapInArrow example (not in CI)",
)
def test_spark_map_in_arrow() -> None:  # pragma: no cover - needs pyspark and Java
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    try:
        samples = _campaign(40).drop(columns=["region"])
        df = spark.createDataFrame(samples)
        out = df.repartition("shift_id").mapInArrow(scale.arrow_shifts, scale.spark_schema()).toPandas()
        one = scale._plain(oa.shift_table(samples).to_arrow()).to_pandas()
        assert sorted(out["shift_id"]) == sorted(one["shift_id"])
    finally:
        spark.stop()
