"""Every message template raised by units and vocab has a Chinese translation; imports stay light."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from ohsreg.i18n import gettext

SRC = Path(__file__).resolve().parents[2] / "src" / "ohsreg"
FILES = [SRC / "units.py", *sorted((SRC / "vocab").glob("*.py"))]


def test_templates_are_translated() -> None:
    missing = []
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        templates = re.findall(r'(?:Error|Format|Violation|Entry)\(\s*"([^"]+)"', text)
        templates += re.findall(r'hint="([^"]+)"', text)
        missing += [t for t in templates if gettext(t, "zh_CN") == t]
    assert not missing, f"add zh translations to units.po for {missing}"


def test_light_imports() -> None:
    code = (
        "import sys, ohsreg, ohsreg.units, ohsreg.vocab\n"
        "from ohsreg.vocab import HazardCategory\n"
        "HazardCategory.parse('粉尘')\n"
        "heavy = {'pint', 'babel', 'numpy'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
