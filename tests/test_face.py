"""The package face: cheap import, lazy public names, version."""

from __future__ import annotations

import subprocess
import sys

import pytest

import ohsreg

HEAVY = ("pint", "babel", "numpy", "pandas", "pyarrow", "ohsreg.catalogue")


def test_import_loads_nothing_heavy() -> None:
    code = f"import sys, ohsreg\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"


def test_every_public_name_resolves() -> None:
    for name in ohsreg.__all__:
        assert getattr(ohsreg, name) is not None, name


def test_dir_lists_public_names() -> None:
    assert set(ohsreg.__all__) <= set(dir(ohsreg))


def test_lazy_table_matches_all() -> None:
    lazy = set(ohsreg._LAZY_NAMES) | set(ohsreg._SUBMODULES) | {"__version__"}
    assert lazy == set(ohsreg.__all__)


def test_unknown_attribute_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = ohsreg.nope  # type: ignore[attr-defined]


def test_version_is_pep440() -> None:
    from packaging.version import Version

    assert str(Version(ohsreg.__version__)) == ohsreg.__version__
