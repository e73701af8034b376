"""Layering and laziness of ohsreg.assess (its zh catalogue: tests/i18n/test_completeness.py)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import ohsreg

SRC = Path(ohsreg.__file__).parent / "assess"


def test_import_assess_loads_no_numpy_catalogue_or_models() -> None:
    code = (
        "import sys, ohsreg.assess\n"
        "print(sorted(m for m in ('numpy', 'pint', 'ohsreg.catalogue', 'ohsreg.models') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"


def test_assess_does_not_import_models_or_catalogue_statically() -> None:
    for path in SRC.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(("ohsreg.models", "ohsreg.catalogue")), path.name


# the zh catalogue of every assess message: tests/i18n/test_completeness.py


def test_face_exposes_assess() -> None:
    assert ohsreg.assess.twa is ohsreg.twa
    r = ohsreg.twa([(1.0, 8)], limit=2.0)
    assert r.verdict.name == "COMPLIES"


def test_notebook_display_is_the_html_exporter() -> None:
    from ohsreg.assess import twa
    from ohsreg.export.html import assessment_html

    result = twa([(2.0, 8.0)], limit=3.0)
    assert result._repr_html_() == assessment_html(result)
    assert "<table" in result._repr_html_()
