"""The modules that moved into the checks layer stay importable at their old paths, with a warning."""

from __future__ import annotations

import importlib

import pytest

from ohsreg.checks import enterprise, ppe

MOVED = [
    ("ohsreg.models.enterprise_check", enterprise, "check_enterprise"),
    ("ohsreg.models.ppe_check", ppe, "check_survey"),
]


@pytest.mark.parametrize(("old", "new", "name"), MOVED)
def test_old_path_resolves_to_the_new_module_and_warns(old: str, new: object, name: str) -> None:
    module = importlib.import_module(old)
    with pytest.warns(DeprecationWarning, match=rf"{old}.{name} is deprecated; use {new.__name__}.{name}"):  # type: ignore[attr-defined]
        value = getattr(module, name)
    assert value is getattr(new, name)


@pytest.mark.parametrize(("old", "new", "name"), MOVED)
def test_old_path_knows_no_other_names(old: str, new: object, name: str) -> None:
    with pytest.raises(AttributeError):
        _ = importlib.import_module(old).no_such_name
