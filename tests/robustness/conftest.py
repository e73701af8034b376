"""Shared pieces of the robustness tests: the allowed error types, hostile values, and the example models.

The brief of the library: bad input raises an :class:`~ohsreg.errors.OhsregError` (or a pydantic
``ValidationError`` carrying our rule code); never a bare ``TypeError``/``KeyError``/``OverflowError``…
The examples in ``examples/`` are loaded by path (they are scripts, not a package).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from ohsreg.errors import OhsregError

ROOT = Path(__file__).resolve().parents[2]

ALLOWED = (OhsregError, pydantic.ValidationError)

#: Hypothesis settings of every robustness test: modest, no deadline (first calls load data lazily).
ROBUST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

#: Values that broke or could break input handling: NaN/inf, ints past the float range, bools, bytes,
#: lone surrogates, full-width text, nested containers, dates where numbers are expected.
HOSTILE: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    10**400,
    -(10**400),
    float("nan"),
    float("inf"),
    -float("inf"),
    1e308,
    "",
    " ",
    "abc",
    "ＡＢＣ１２３",
    "NaN",
    "1e400",
    "\x00",
    "\ud800",
    b"\xff\xfe",
    [],
    [[]],
    {},
    {"a": {"b": []}},
    (1, 2, 3),
    1 + 2j,
    dt.date(2020, 1, 1),
    dt.datetime(2020, 1, 1, 12),
    "1 parsec",
    "-1 mg/m³",
    "x" * 2000,
]


def anything() -> st.SearchStrategy[Any]:
    """Arbitrary JSON-ish data plus the odd scalars above (bytes, complex, dates, huge ints)."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=10**300, max_value=10**500),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=30),
        st.binary(max_size=20),
        st.sampled_from(HOSTILE),
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.tuples(inner, inner)
            | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=8,
    )


def check(call: Callable[[], Any]) -> Any:
    """Run ``call``: a result, or one of the allowed errors (with a rule code); anything else fails."""
    try:
        return call()
    except pydantic.ValidationError as err:
        caught: Exception = err
    except OhsregError as err:
        caught = err
    _check_error(caught)
    return caught


def _check_error(err: Exception) -> None:
    if isinstance(err, pydantic.ValidationError):
        assert err.errors(), err
        return
    assert isinstance(err, OhsregError)
    assert err.rule, repr(err)
    assert "." in err.rule, repr(err)
    str(err)  # the message renders in both locales


def leaves(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every node below the root of a JSON document (the first two items of each list)."""
    out = [path] if path else []
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += leaves(value, (*path, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc[:2]):
            out += leaves(value, (*path, i))
    return out


class Kit:
    """What the test modules share (they cannot import each other or this conftest)."""

    ALLOWED = ALLOWED
    HOSTILE = HOSTILE
    ROBUST = ROBUST
    anything = staticmethod(anything)
    check = staticmethod(check)
    leaves = staticmethod(leaves)


@pytest.fixture(scope="session")
def kit() -> type[Kit]:
    return Kit


def _load(name: str) -> ModuleType:
    module_name = f"robustness_example_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, ROOT / "examples" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def example_models() -> list[pydantic.BaseModel]:
    """One of each top-level model built by the examples: enterprises, a project, an agency, an expert."""
    ent = _load("enterprise_checks")
    prj = _load("project_walkthrough")
    pool = _load("expert_pool")
    agencies = pool.build_agencies()
    expert = pool.build_pool().experts[0]
    return [
        ent.build_wood_furniture_workshop(),
        ent.build_gold_mine(),
        prj.granite_quarry(),
        agencies[0],
        expert,
    ]
