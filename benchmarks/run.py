"""Run every ``benchmarks/bench_*.py`` and print each measure as a ratio to its same-run baseline.

Not part of the test gate (timings are machine-dependent); run with ``make bench`` or
``.venv/bin/python benchmarks/run.py [NAME ...]``.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main(argv: list[str]) -> int:
    wanted = set(argv[1:])
    over = 0
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if wanted and name not in wanted:
            continue
        print(f"== {name}", flush=True)
        for result in importlib.import_module(path.stem).run():
            print("  " + result.line(), flush=True)
            over += result.ratio > result.goal
    print(f"\n{over} measure(s) over goal")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
