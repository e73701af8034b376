"""Assessment rules: arbitrary segments, limits and options give an assessment or a rule error."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ohsreg import assess
from ohsreg.assess.sampling import NonDetect
from ohsreg.errors import OhsregError

ROBUST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-5, max_value=50),
    st.sampled_from([10**400, True, "1.5", "2 mg/m³", "8 h", "85 dB(A)", "-1", None]),
    st.builds(NonDetect, st.one_of(st.floats(), st.booleans(), st.none())),
)
PAIRS = st.lists(st.tuples(NUMBERS, NUMBERS), max_size=4)


def _finite_value(result: Any) -> None:
    if isinstance(result, assess.Assessment) and result.value is not None:
        assert not math.isinf(result.value)
        str(result)
        repr(result)


@ROBUST
@given(data=st.data())
def test_chemical_rules(kit: Any, data: st.DataObject) -> None:
    segs = data.draw(PAIRS | kit.anything())
    limit = data.draw(NUMBERS | kit.anything())
    option = data.draw(kit.anything())
    for call in (
        lambda: assess.twa(segs, limit=limit),
        lambda: assess.twa([(1.0, 8.0)], hazard="苯", condition=option),
        lambda: assess.twa([(1.0, 8.0)], hazard="苯", edition=option),
        lambda: assess.twa([(1.0, 8.0)], hazard="苯", as_of=option),
        lambda: assess.twa([(1.0, 8.0)], limit=1.0, shift_hours=option),
        lambda: assess.twa([(1.0, 8.0)], limit=1.0, below_lod=option),
        lambda: assess.twa(segs, limit=1.0, below_lod="half"),
        lambda: assess.mac(segs, limit=1.0, below_lod="limit"),
        lambda: assess.stel(segs, limit=limit),
        lambda: assess.mac(segs, limit=limit),
        lambda: assess.peak(segs, limit=limit),
        lambda: assess.mixture(segs),
        lambda: assess.dust_twa(segs, limit=limit),
        lambda: assess.dust_twa([(1.0, 8.0)], hazard="矽尘", sio2_percent=option),
        lambda: assess.exposure_level(option, limit=limit),
        lambda: assess.en689(segs, oel=limit),
        lambda: assess.en689([0.1, 0.2, 0.3], oel=1.0, edition=option),
    ):
        _finite_value(kit.check(call))


@ROBUST
@given(data=st.data())
def test_physical_rules(kit: Any, data: st.DataObject) -> None:
    a = data.draw(NUMBERS | kit.anything())
    b = data.draw(NUMBERS | kit.anything())
    tasks = data.draw(PAIRS | kit.anything())
    for call in (
        lambda: assess.wbgt(a, b),
        lambda: assess.wbgt(25.0, 25.0, a),
        lambda: assess.heat(a, exposure_hours=b, intensity="III"),
        lambda: assess.heat(25.0, exposure_hours=8.0, intensity=a),
        lambda: assess.heat(25.0, exposure_hours=8.0, intensity="III", hot_region=a),
        lambda: assess.noise_exposure(tasks),
        lambda: assess.noise_exposure([(85.0, 8.0)], shift_hours=a),
        lambda: assess.noise_exposure_week(tasks),
        lambda: assess.allowed_hours(a, limit=b),
    ):
        _finite_value(kit.check(call))


ODD_ARRAYS: list[Any] = [
    [],
    [[]],
    [[1.0, 2.0], [3.0]],
    [float("nan")],
    [[float("nan"), 1.0]],
    [1.0, -1.0],
    [[[1.0]]],
    "1,2",
    {"a": 1},
    [10**400],
    [None],
    ["x"],
    [dt.date(2020, 1, 1)],
    5.0,
    [1.0, 2.0, 3.0],
]


@pytest.mark.parametrize("values", ODD_ARRAYS, ids=repr)
@pytest.mark.parametrize("times", [[8.0], [4.0, 4.0], [], "8", [[1.0, 2.0, 3.0]]], ids=repr)
def test_vectorized_rules_on_odd_arrays(kit: Any, values: Any, times: Any) -> None:
    kit.check(lambda: assess.twa_array(values, times, limit=1.0))
    kit.check(lambda: assess.stel_array(values, times, limit=1.0))
    kit.check(lambda: assess.lex_8h_array(values, times))
    kit.check(lambda: assess.wbgt_array(values, times, "III"))
    kit.check(lambda: assess.wbgt_array([25.0], [8.0], values))
    kit.check(lambda: assess.wbgt_array([25.0], [8.0], "III", hot_region=values))


def test_wbgt_array_refuses_non_integral_intensity_codes() -> None:
    with pytest.raises(OhsregError) as err:
        assess.wbgt_array([25.0], [8.0], [2.7])
    assert err.value.rule == "assess.value"
    assert err.value.field == "intensity"
