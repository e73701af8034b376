"""The command line skeleton."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ohsreg import __version__
from ohsreg.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["version"]) == 0
    assert capsys.readouterr().out.strip() == __version__


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage" in capsys.readouterr().out


def test_bad_locale_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--locale", "fr", "version"]) == 2
    assert "i18n.locale" in capsys.readouterr().err


def test_module_entry_point() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "ohsreg", "version"], check=True, capture_output=True, text=True
    )
    assert out.stdout.strip() == __version__
