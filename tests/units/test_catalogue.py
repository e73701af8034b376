"""The units and vocab layers keep imports light (their zh messages: tests/i18n/test_completeness.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "ohsreg"
FILES = [*sorted((SRC / "units").glob("*.py")), *sorted((SRC / "vocab").glob("*.py"))]


# every template's zh translation: tests/i18n/test_completeness.py


def test_light_imports() -> None:
    code = (
        "import sys, ohsreg, ohsreg.units, ohsreg.vocab\n"
        "from ohsreg.vocab import HazardCategory\n"
        "HazardCategory.parse('粉尘')\n"
        "heavy = {'pint', 'babel', 'numpy'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
