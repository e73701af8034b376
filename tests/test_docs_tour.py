"""The tour on the documentation's landing page runs as written (README's tour is a doctest)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_landing_page_tour_runs(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("ohsreg.catalogue")
    text = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```$", text, flags=re.S | re.M)
    assert blocks, "docs/index.md lost its tour"
    for block in blocks:
        exec(compile(block, "docs/index.md", "exec"), {})
    assert "complies" in capsys.readouterr().out
