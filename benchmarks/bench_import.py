"""Import cost: ``import ohsreg`` against ``import pydantic`` plus defining one model (issue #2)."""

from __future__ import annotations

from _harness import Result, subprocess_seconds

BASELINE = "import pydantic\nclass M(pydantic.BaseModel):\n    x: int\n"


def run() -> list[Result]:
    empty = subprocess_seconds("pass")
    ours = subprocess_seconds("import ohsreg") - empty
    base = subprocess_seconds(BASELINE) - empty
    return [Result("import ohsreg (net of interpreter start)", max(ours, 1e-6), "pydantic+model", base, 1.0)]
