"""Identifiers: validate/is_valid/compact/format never crash on arbitrary input."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ohsreg.identifiers import cas, division, industry, resident_id, uscc

ROBUST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
MODULES = [cas, division, industry, resident_id, uscc]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
@ROBUST
@given(data=st.data())
def test_identifier_functions_raise_only_rule_errors(kit: Any, module: Any, data: st.DataObject) -> None:
    value = data.draw(
        kit.anything()
        | st.sampled_from(kit.HOSTILE)
        | st.text(alphabet="0123456789Xx-ＡＢ１２ ", max_size=20)
    )
    valid = module.is_valid(value)
    assert valid in (True, False)
    result = kit.check(lambda: module.validate(value))
    assert (not isinstance(result, Exception)) == valid
    for name in ("compact", "format"):
        kit.check(lambda name=name: getattr(module, name)(value))


@pytest.mark.parametrize("value", [True, None, [], 10**400, 1.5, b"110000", "１１００００"])
def test_division_and_industry_lookups_on_odd_values(kit: Any, value: Any) -> None:
    for module in (division, industry):
        kit.check(lambda module=module: module.lookup(value))
        assert module.get(value) is None or isinstance(value, str)


@pytest.mark.parametrize("level", [True, 1, [], "nope", "PROVINCE "])
def test_listing_levels_refuse_unknown_values(level: Any) -> None:
    from ohsreg.errors import OhsregError

    with pytest.raises(OhsregError) as div:
        list(division.divisions(level))
    assert div.value.rule == "division.level"
    assert div.value.field == "level"
    with pytest.raises(OhsregError) as ind:
        list(industry.industries(level))
    assert ind.value.rule == "industry.level"
