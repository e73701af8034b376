"""The committed data files are exactly what scripts/build_catalogue.py makes from the transcriptions."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# ../shared/reference next to a checkout, or two levels up for a worktree
REFERENCE = next(
    (
        p
        for p in (ROOT.parent / "shared" / "reference", ROOT.parent.parent / "shared" / "reference")
        if p.exists()
    ),
    ROOT.parent / "shared" / "reference",
)
DATA = ROOT / "src" / "ohsreg" / "catalogue" / "data"


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference transcriptions not present")
@pytest.mark.skipif(importlib.util.find_spec("pypinyin") is None, reason="pypinyin (dev extra) not installed")
def test_build_reproduces_the_committed_data(tmp_path: Path) -> None:
    script = ROOT / "scripts" / "build_catalogue.py"
    cmd = [sys.executable, str(script), "--reference", str(REFERENCE), "--out", str(tmp_path)]
    subprocess.run(cmd, check=True, capture_output=True)
    built = sorted(p.name for p in tmp_path.glob("*.json"))
    assert built == sorted(p.name for p in DATA.glob("*.json"))
    for name in built:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name
