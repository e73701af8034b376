"""XLSX in bounded memory (issue #14 item 3): peak RSS of ``to_xlsx`` at 1e5 and 1e6 records.

Each size runs in a fresh interpreter that streams records from a generator into a workbook on disk;
the measure is the peak resident set size above the interpreter's own after importing (so the 1e6
figure, divided by the 1e5 one, shows whether memory grows with the row count: goal <= 1.25, i.e.
constant). Skipped when xlsxwriter is missing.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from _harness import Result

_CODE = """
import resource, sys, tempfile, os
from ohsreg.export.xlsx import to_xlsx
from ohsreg.models import Authority
from ohsreg.models.authority import AuthorityKind
from ohsreg.vocab import AdminLevel
kinds = (AuthorityKind.HEALTH, AuthorityKind.WORK_SAFETY)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
def records(n):
    for i in range(n):
        yield Authority.model_construct(
            name=f"卫生健康委员会{i}", kind=kinds[i % 2], level=AdminLevel.MUNICIPAL, region="330100"
        )
with tempfile.TemporaryDirectory() as d:
    to_xlsx(records(int(sys.argv[1])), os.path.join(d, "out.xlsx"))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((peak - base) / 1024)
"""


class RssResult(Result):
    """A memory measure: ``seconds`` and ``baseline_seconds`` hold MiB (the harness's fields)."""

    def line(self) -> str:
        ok = "ok" if self.ratio <= self.goal else "OVER GOAL"
        return (
            f"{self.name:<48} {self.ratio:8.3f}x  (goal <= {self.goal}x; "
            f"peak RSS +{self.seconds:.1f} MiB vs {self.baseline_name} +{self.baseline_seconds:.1f} MiB)  {ok}"
        )


def _peak_mib(n: int) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _CODE, str(n)], check=True, capture_output=True, text=True
    ).stdout
    return float(out.strip().splitlines()[-1])


def run() -> list[Result]:
    if importlib.util.find_spec("xlsxwriter") is None:
        return []
    small, large = _peak_mib(100_000), _peak_mib(1_000_000)
    return [RssResult("XLSX peak RSS, 1e6 Authority records", large, "1e5 records", small, 1.25)]


if __name__ == "__main__":
    for result in run():
        print(result.line())
