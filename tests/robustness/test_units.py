"""Units and vocabularies: parsing arbitrary input gives a quantity or a rule error, never a crash."""

from __future__ import annotations

import math
from typing import Any

import pydantic
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ohsreg import units
from ohsreg.errors import OhsregError
from ohsreg.units import Concentration, Duration, SoundLevel
from ohsreg.vocab import HazardCategory, RiskClass, Verdict

ROBUST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

UNIT_TEXT = st.text(alphabet="0123456789.eE+-  mgkμu/³3LlhHdBA()℃°C%ppm,，／ｍ", max_size=16)


class Sample(pydantic.BaseModel):
    concentration: Concentration
    duration: Duration | None = None
    level: SoundLevel | None = None


@ROBUST
@given(data=st.data())
def test_parse_quantity_and_sound_level(kit: Any, data: st.DataObject) -> None:
    value = data.draw(kit.anything() | UNIT_TEXT)
    kind = data.draw(st.sampled_from([None, "concentration", "duration", "temperature", "nope", 3, []]))
    q = kit.check(lambda: units.parse_quantity(value, kind=kind))
    if isinstance(q, units.Quantity):
        assert math.isfinite(q.magnitude)
    s = kit.check(lambda: units.parse_sound_level(value))
    if isinstance(s, SoundLevel):
        assert math.isfinite(s.value)


@ROBUST
@given(data=st.data())
def test_annotated_quantities_in_a_model(kit: Any, data: st.DataObject) -> None:
    payload = {
        "concentration": data.draw(kit.anything() | UNIT_TEXT),
        "duration": data.draw(kit.anything() | UNIT_TEXT),
        "level": data.draw(kit.anything() | UNIT_TEXT),
    }
    result = kit.check(lambda: Sample.model_validate(payload))
    if isinstance(result, Sample):
        result.model_dump_json()


@ROBUST
@given(data=st.data())
def test_sound_arithmetic_and_conversions(kit: Any, data: st.DataObject) -> None:
    a, b = data.draw(kit.anything()), data.draw(kit.anything())
    for call in (
        lambda: units.energy_sum(a),
        lambda: units.energy_average(a, b),
        lambda: units.lex_8h(a, b),
        lambda: units.lex_w(a),
        lambda: units.mg_m3_to_ppm(a, b),
        lambda: units.ppm_to_mg_m3(1.0, a, b),
        lambda: units.standard_volume(1.0, a, b),
    ):
        kit.check(call)


@pytest.mark.parametrize("enum", [HazardCategory, RiskClass, Verdict])
@ROBUST
@given(data=st.data())
def test_labeled_enum_parsing(kit: Any, enum: Any, data: st.DataObject) -> None:
    value = data.draw(kit.anything() | st.sampled_from([m.code for m in enum] + [m.zh for m in enum]))
    kit.check(lambda: enum.parse(value))
    kit.check(lambda: pydantic.TypeAdapter(enum).validate_python(value))


def test_huge_int_is_not_finite() -> None:
    with pytest.raises(OhsregError) as err:
        units.parse_quantity(10**400, "mg/m³")
    assert err.value.rule == "units.not_finite"
