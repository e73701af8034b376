"""Fixtures of the enterprise tests: the example employers of ``examples/enterprise_checks.py``.

The example module is loaded by path (it is a script, not a package module), once per session, so the
tests check exactly what the example prints.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from ohsreg.models import Enterprise

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "enterprise_checks.py"


@pytest.fixture(scope="session")
def examples() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ohsreg_example_enterprise_checks", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def builders(examples: ModuleType) -> dict[str, Callable[[], Enterprise]]:
    return dict(examples.BUILDERS)


@pytest.fixture(scope="session")
def wood(examples: ModuleType) -> Enterprise:
    return examples.build_wood_furniture_workshop()  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def mine(examples: ModuleType) -> Enterprise:
    return examples.build_gold_mine()  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def shoes(examples: ModuleType) -> Enterprise:
    return examples.build_shoe_factory()  # type: ignore[no-any-return]
