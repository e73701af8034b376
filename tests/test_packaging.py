"""The built wheel ships the typing marker and the compiled message catalogues."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contents(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("ohsreg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "ohsreg/py.typed" in names
    assert "ohsreg/i18n/locale/zh_CN/LC_MESSAGES/ohsreg.mo" in names
    assert "ohsreg/i18n/locale/zh_CN/LC_MESSAGES/ohsreg.po" in names
    # units, vocab (#3)
    assert "ohsreg/i18n/locale/zh_CN/LC_MESSAGES/units.mo" in names
