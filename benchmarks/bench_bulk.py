"""Bulk paths (issue #14): columnar validation, columnar assessment, streamed CSV and Parquet.

Each figure is a ratio to a baseline timed in the same run:

* validating 1e6 flat enterprise records column by column vs msgspec decoding the same records one
  struct per record with its pattern/range constraints (msgspec is a benchmark-only dependency: the
  measure is skipped when it is not installed); the records/s figure is printed beside it;
* ``shift_table`` on 1e6 samples vs the bare numpy group-by (argsort + ``reduceat``) of Σ C·T / 8;
* CSV of the 250k-row shift table through Arrow (text neutralised) vs pandas ``to_csv``;
* peak RSS of ``to_parquet`` over a generator of 1e6 records vs 1e5 (each in a fresh subprocess):
  bounded memory means the ratio stays near 1.
"""

from __future__ import annotations

import importlib.util
import io
import subprocess
import sys
from typing import Any

from _harness import Result, best


def _available(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def _register(n: int) -> dict[str, Any]:
    """``n`` flat enterprise records: unique valid USCCs, regions, industries, head counts, dates, kinds."""
    import numpy as np
    from stdnum.cn import uscc as stdnum_uscc

    rng = np.random.default_rng(4)
    alphabet = np.array(list("0123456789ABCDEFGHJKLMNPQRTUWXY"))
    body = alphabet[rng.integers(0, 31, (n, 9))]
    stems = ["91330106" + "".join(row) for row in body.tolist()]
    # a check character per distinct stem: the numpy kernel is what is measured, not this set-up
    usccs = [s + stdnum_uscc.calc_check_digit(s) for s in stems]
    regions = np.array(["330106", "330102", "110101", "440305", "999999"])[rng.integers(0, 5, n)]
    industries = np.array(["C2110", "C3311", "B0610", "C2614"])[rng.integers(0, 4, n)]
    return {
        "uscc": usccs,
        "region": regions.tolist(),
        "industry": industries.tolist(),
        "workers": rng.integers(1, 5000, n).tolist(),
        "founded": (np.datetime64("1990-01-01") + rng.integers(0, 12000, n))
        .astype("datetime64[D]")
        .astype(str)
        .tolist(),
        "kind": np.array(["HEALTH", "WORK_SAFETY"])[rng.integers(0, 2, n)].tolist(),
    }


def _validation(results: list[Result]) -> None:
    if not _available("pyarrow"):
        return
    import datetime as dt
    import json

    import pyarrow as pa

    from ohsreg.validation import DateRange, Identifier, OneOf, Range, validate_table

    n = 1_000_000
    data = _register(n)
    table = pa.table(data)
    rules = [
        Identifier("uscc", "uscc"),
        Identifier("region", "division"),
        Identifier("industry", "industry"),
        Range("workers", 0, 10**7),
        DateRange("founded", dt.date(1949, 10, 1), dt.date(2030, 12, 31)),
        OneOf("kind", ("HEALTH", "WORK_SAFETY")),
    ]
    report = validate_table(table, rules)
    assert report.counts() == {
        "division.unknown": int((table.column("region").to_numpy(zero_copy_only=False) == "999999").sum())
    }
    mine = best(lambda: validate_table(table, rules))
    print(f"    (columnar validation: {n / mine / 1e6:.2f} M flat records/s on one core, goal >= 1)")
    if not _available("msgspec"):
        print("    (msgspec not installed: per-record comparison skipped)")
        return
    from typing import Annotated, Literal

    import msgspec

    flat = msgspec.defstruct(  # the same fields and shape checks, one struct per record
        "Flat",
        [
            (
                "uscc",
                Annotated[
                    str, msgspec.Meta(pattern=r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")
                ],
            ),
            ("region", Annotated[str, msgspec.Meta(pattern=r"^[0-9]{6}$")]),
            ("industry", Annotated[str, msgspec.Meta(pattern=r"^[A-T][0-9]{0,4}$")]),
            ("workers", Annotated[int, msgspec.Meta(ge=0, le=10**7)]),
            ("founded", dt.date),
            ("kind", Literal["HEALTH", "WORK_SAFETY"]),
        ],
    )

    rows = [dict(zip(data, values, strict=True)) for values in zip(*data.values(), strict=True)]
    blob = json.dumps(rows).encode()
    decoder = msgspec.json.Decoder(list[flat])  # type: ignore[valid-type]
    base = best(lambda: decoder.decode(blob))
    results.append(
        Result("validate 1e6 flat records (columns)", mine, "msgspec per record (patterns only)", base, 1.0)
    )


def _samples(rows: int) -> Any:
    import numpy as np
    import pyarrow as pa

    rng = np.random.default_rng(2)
    shifts = rows // 4
    shift = np.repeat(np.arange(shifts), 4)
    kind = np.tile(np.array(["TWA", "TWA", "TWA", "STE"]), shifts)
    return pa.table(
        {
            "shift_id": pa.array(np.char.add("S", shift.astype(str))),
            "hazard": pa.array(np.array(["苯", "氨", "甲苯", "氯"])[shift % 4]).dictionary_encode(),
            "concentration": rng.lognormal(0.0, 1.0, rows),
            "duration": np.where(kind == "TWA", 160.0, 15.0),
            "duration_unit": pa.array(np.full(rows, "min")).dictionary_encode(),
            "date": pa.array((np.datetime64("2023-01-01") + shift % 700).astype("datetime64[D]")),
            "kind": pa.array(kind).dictionary_encode(),
        }
    )


def _assessment(results: list[Result]) -> None:
    if not (_available("pyarrow") and _available("pandas")):
        return
    import numpy as np
    import pandas as pd

    import ohsreg.assess as oa
    from ohsreg.export.arrow import write_csv

    n = 1_000_000
    samples = _samples(n)
    ids = samples.column("shift_id").to_numpy(zero_copy_only=False)
    conc = samples.column("concentration").to_numpy()
    hours = samples.column("duration").to_numpy() / 60.0

    def bare() -> None:
        # what a hand-written numpy job does for C_TWA alone: group ids, sort, Σ C·T / 8 per group
        _, inverse = np.unique(ids, return_inverse=True)
        order = np.argsort(inverse, kind="stable")
        g = inverse[order]
        starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
        np.add.reduceat((conc * hours)[order], starts) / 8.0

    mine = best(lambda: oa.shift_table(samples))
    results.append(
        Result(
            "shift_table 1e6 samples (TWA+STE, date join)",
            mine,
            "bare numpy C_TWA group-by",
            best(bare),
            3.0,
        )
    )
    print(f"    ({n / mine / 1e6:.2f} M samples/s through shift_table)")
    table = oa.shift_table(samples).to_arrow()
    frame = table.to_pandas()
    mine = best(lambda: write_csv(table, io.BytesIO()))
    base = best(lambda: frame.to_csv(io.BytesIO(), index=False))
    results.append(
        Result(f"CSV of {table.num_rows:,} shifts (Arrow, neutralised)", mine, "pandas to_csv", base, 1.0)
    )
    del pd


_RSS = """
import sys
from ohsreg.export.arrow import to_parquet
from ohsreg.models import Authority
n, write = int(sys.argv[1]), sys.argv[2] == "1"
def records():
    for i in range(n):
        yield Authority(name=f"卫生健康委员会{i}", kind="HEALTH", level="MUNICIPAL", region="330100")
if write:
    to_parquet(records(), sys.argv[3])
else:
    for _ in records():
        pass
print(next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")))  # KiB; ru_maxrss survives exec
"""


def _peak_kib(n: int, path: str) -> int:
    out = subprocess.run(
        [sys.executable, "-c", _RSS, str(n), "1", path], check=True, capture_output=True, text=True
    )
    return int(out.stdout.strip())


def _parquet_memory(results: list[Result]) -> None:
    if not _available("pyarrow"):
        return
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        small = _peak_kib(100_000, f"{tmp}/a.parquet")
        large = _peak_kib(1_000_000, f"{tmp}/b.parquet")
    print(
        f"    (to_parquet peak RSS: 1e5 records {small / 1024:.0f} MiB, 1e6 records {large / 1024:.0f} MiB)"
    )
    # a Result of sizes, not times: the ratio is what bounded memory promises (1e6 vs 1e5 records)
    results.append(Result("to_parquet peak RSS, 1e6 records", large, "same at 1e5 records", small, 1.2))


def run() -> list[Result]:
    results: list[Result] = []
    _validation(results)
    _assessment(results)
    _parquet_memory(results)
    return results


if __name__ == "__main__":
    for result in run():
        print(result.line())
