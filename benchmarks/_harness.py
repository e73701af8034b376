"""A tiny benchmark harness: every measure is reported as a ratio to a baseline timed in the same run."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    name: str
    seconds: float
    baseline_name: str
    baseline_seconds: float
    goal: float  # the ratio we promise not to exceed (seconds / baseline_seconds)

    @property
    def ratio(self) -> float:
        return self.seconds / self.baseline_seconds

    def line(self) -> str:
        ok = "ok" if self.ratio <= self.goal else "OVER GOAL"
        return (
            f"{self.name:<48} {self.ratio:8.3f}x  (goal <= {self.goal}x; "
            f"{_fmt(self.seconds)} vs {self.baseline_name} {_fmt(self.baseline_seconds)})  {ok}"
        )


def _fmt(seconds: float) -> str:
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds:.3g} s"


def per_call(fn: Callable[[], object], *, number: int = 1000, repeat: int = 7) -> float:
    """Median seconds per call of ``fn`` over ``repeat`` batches of ``number`` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - start) / number)
    return statistics.median(samples)


def best(fn: Callable[[], object], repeat: int = 3) -> float:
    """Fastest of ``repeat`` single runs of ``fn`` (each after a full ``gc.collect()``): for long jobs."""
    import gc

    samples = []
    for _ in range(repeat):
        gc.collect()  # every sample starts from the same collector state (the timings include its work)
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return min(samples)


def subprocess_seconds(code: str, *, repeat: int = 15) -> float:
    """Median wall time of ``python -c code`` in a fresh interpreter."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)
