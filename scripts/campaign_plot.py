#!/usr/bin/env python3
"""Run a synthetic sampling campaign end to end and draw the plot of the guide (docs/assets/campaign.png).

``python scripts/campaign_plot.py [--rows 1000000]`` (needs the ``arrow``, ``frame`` and ``plot`` extras).
Not run in CI: the million-row job takes a few seconds of numpy but this is a docs asset, not a test.
The samples are made up (log-normal concentrations around each hazard's PC-TWA); the limits, editions
and verdicts are the library's.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

import ohsreg.assess as oa
from ohsreg.export.arrow import write_csv

ROOT = Path(__file__).resolve().parent.parent
#: hazard -> median of the synthetic TWA samples as a share of its PC-TWA
HAZARDS = {"苯": 0.45, "甲苯": 0.3, "氨": 0.2, "硫化氢": 0.25, "2-甲氧基乙醇": 0.35, "氯": 0.5}


def make_samples(rows: int, seed: int = 14) -> pa.Table:
    """``rows`` samples (4 per shift: 3 TWA segments and one 15-min STE window) over 2021-2025."""
    rng = np.random.default_rng(seed)
    shifts = rows // 4
    shift = np.repeat(np.arange(shifts), 4)
    names = np.array(list(HAZARDS))
    hazard_idx = rng.integers(0, len(names), shifts)[shift]
    day = (np.datetime64("2021-01-04") + rng.integers(0, 5 * 365, shifts)).astype("datetime64[D]")[shift]
    kind = np.tile(np.array(["TWA", "TWA", "TWA", "STE"]), shifts)
    pc_twa = np.array([6.0, 50.0, 20.0, 10.0, 15.0, 1.0])[
        hazard_idx
    ]  # scale only; the join picks the real limit
    median = np.array(list(HAZARDS.values()))[hazard_idx] * pc_twa
    conc = rng.lognormal(np.log(median), 0.8)
    return pa.table(
        {
            "shift_id": pa.array(np.char.add("S", shift.astype(str))),
            "worker_id": pa.array(np.char.add("W", (shift % 50_000).astype(str))),
            "hazard": pa.array(names[hazard_idx]).dictionary_encode(),
            "concentration": conc,
            "duration": np.where(kind == "TWA", 160.0, 15.0),
            "duration_unit": pa.array(np.full(rows, "min")).dictionary_encode(),
            "date": pa.array(day),
            "kind": pa.array(kind).dictionary_encode(),
        }
    )


def plot(shifts: pa.Table, dest: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    frame = shifts.select(["hazard", "date", "c_twa", "twa_limit", "verdict"]).to_pandas()
    frame["ratio"] = frame["c_twa"] / frame["twa_limit"]
    frame["month"] = frame["date"].astype("datetime64[ns]").dt.to_period("Q").dt.to_timestamp()
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4), dpi=110)
    bins = np.logspace(-3, 1.5, 60)
    for name, group in frame.groupby("hazard", observed=True):
        english = {
            "苯": "benzene",
            "甲苯": "toluene",
            "氨": "ammonia",
            "硫化氢": "hydrogen sulfide",
            "2-甲氧基乙醇": "2-methoxyethanol",
            "氯": "chlorine (MAC only)",
        }[str(name)]
        values = group["ratio"].dropna()
        if len(values):
            left.hist(values, bins=bins, histtype="step", label=english)
    left.axvline(1.0, color="k", lw=1)
    left.set_xscale("log")
    left.set_xlabel("C_TWA / PC-TWA in force on the sampling date")
    left.set_ylabel("shifts")
    left.legend(fontsize=8)
    by_quarter = frame.assign(exceeds=frame["verdict"] == "EXCEEDS").groupby("month")["exceeds"]
    share = by_quarter.mean()[by_quarter.size() >= 1000] * 100  # drop the few days of a last, partial quarter
    right.plot(share.index, share.values, marker="o")
    right.axvline(np.datetime64("2022-11-01"), color="grey", ls="--", lw=1)
    right.annotate(
        "GBZ 2.1-2019 amendment No. 1\n(benzene PC-TWA 6 -> 3 mg/m³)",
        (np.datetime64("2022-11-01"), share.max()),
        fontsize=8,
        ha="left",
        va="top",
    )
    right.set_ylabel("shifts exceeding a limit (%)")
    right.set_xlabel("quarter")
    fig.suptitle(f"{len(frame):,} shifts assessed by ohsreg.assess.shift_table")
    fig.tight_layout()
    fig.savefig(dest)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "assets" / "campaign.png")
    args = parser.parse_args()
    start = time.perf_counter()
    samples = make_samples(args.rows)
    made = time.perf_counter()
    result = oa.shift_table(samples, locale="en")
    assessed = time.perf_counter()
    shifts = result.to_arrow()
    out = ROOT / ".venv" / "campaign"
    out.mkdir(parents=True, exist_ok=True)
    pq.write_table(shifts, out / "shifts.parquet")
    write_csv(shifts, out / "shifts.csv")
    written = time.perf_counter()
    plot(shifts, args.out)
    print(result)
    print(
        f"samples {made - start:.2f} s, shift_table {assessed - made:.2f} s, Parquet+CSV {written - assessed:.2f} s"
    )
    print(Counter(result.verdicts()))


if __name__ == "__main__":
    main()
