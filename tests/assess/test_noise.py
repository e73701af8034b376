"""Noise (GBZ 2.2-2007 11.2.1 and 表10; equal energy per GBZ/T 189.8-2007 appendix B)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ohsreg.assess as oa
from ohsreg.assess import AssessmentError
from ohsreg.units import lex_8h, scale_time
from ohsreg.vocab import Verdict


@pytest.mark.parametrize(("hours", "level"), [(8, 85.0), (4, 88.0), (2, 91.0), (1, 94.0)])
def test_equal_energy_table(hours: float, level: float) -> None:
    # GBZ/T 189.8-2007 appendix B: halving the time allows +3 dB (values rounded to whole dB there).
    r = oa.noise_exposure([(level, hours)])
    assert r.value == pytest.approx(85.0, abs=0.05)
    assert oa.allowed_hours(level) == pytest.approx(hours, rel=0.01)
    assert scale_time(level, oa.allowed_hours(level), 8) == pytest.approx(85.0)


def test_exactly_85_complies() -> None:
    assert oa.noise_exposure([(85.0, 8)]).verdict is Verdict.COMPLIES
    assert oa.noise_exposure([(85.01, 8)]).verdict is Verdict.EXCEEDS
    r = oa.noise_exposure([(85.0, 8)])
    assert r.limit is not None
    assert r.limit.edition == "GBZ 2.2-2007"
    assert "GBZ 2.2-2007 11.2.1" in r.explain("en")


def test_weekly_level() -> None:
    days = [oa.noise_exposure([(88.0, 8)]), 88.0, 88.0, 88.0, 88.0, 88.0]
    r = oa.noise_exposure_week(days)
    assert r.value == pytest.approx(88.0 + 10 * np.log10(6 / 5))
    assert r.verdict is Verdict.EXCEEDS
    assert oa.noise_exposure_week([84.0] * 4).verdict is Verdict.COMPLIES
    with pytest.raises(AssessmentError):
        oa.noise_exposure_week([80.0] * 8)


@pytest.mark.parametrize(
    ("n", "limit"),
    [(0, 140), (100, 140), (101, 130), (1000, 130), (1001, 120), (10000, 120)],
)
def test_impulse_table_10(n: int, limit: float) -> None:
    r = oa.impulse_noise(limit, impulses_per_day=n)
    assert r.limit is not None
    assert r.limit.value == limit
    assert r.verdict is Verdict.COMPLIES  # exactly at the limit
    assert oa.impulse_noise(limit + 0.1, impulses_per_day=n).verdict is Verdict.EXCEEDS


def test_impulse_beyond_table() -> None:
    assert oa.impulse_noise(110, impulses_per_day=10001).verdict is Verdict.NOT_APPLICABLE
    with pytest.raises(AssessmentError):
        oa.impulse_noise(110, impulses_per_day=-1)


def test_noise_bad_input() -> None:
    with pytest.raises(AssessmentError) as e:
        oa.noise_exposure([])
    assert e.value.rule == "assess.empty"
    with pytest.raises(AssessmentError) as e:
        oa.noise_exposure([(float("nan"), 8)])
    assert e.value.rule == "assess.value"
    with pytest.raises(AssessmentError) as e:
        oa.noise_exposure([(90, 20), (90, 5)])
    assert e.value.rule == "assess.duration"
    with pytest.raises(AssessmentError):
        oa.noise_exposure([(90, 0)])


def test_noise_strings_with_units() -> None:
    r = oa.noise_exposure([("94 dB(A)", "2 h"), ("80 dB(A)", "360 min")])
    assert r.value == pytest.approx(lex_8h([94, 80], [2, 6]))


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(min_value=60.0, max_value=120.0), st.floats(min_value=0.01, max_value=4.0)),
        min_size=1,
        max_size=6,
    )
)
def test_scalar_uses_units_and_equals_vectorized(tasks: list[tuple[float, float]]) -> None:
    scalar = oa.noise_exposure(tasks)
    assert scalar.value == pytest.approx(lex_8h([lv for lv, _ in tasks], [h for _, h in tasks]))
    vec = oa.lex_8h_array([[lv for lv, _ in tasks]], [[h for _, h in tasks]])
    assert vec.values[0] == pytest.approx(scalar.value, abs=1e-9)
    if abs((scalar.value or 0.0) - 85.0) > 1e-9:
        assert vec.verdicts()[0] is scalar.verdict
