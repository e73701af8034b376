"""Vectorized forms give the same answers as the scalar rules (property tests)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ohsreg.assess as oa
from ohsreg.assess import AssessmentError
from ohsreg.vocab import Verdict

conc = st.floats(min_value=0.0, max_value=1e4, allow_nan=False, allow_infinity=False)


@st.composite
def shifts(draw: st.DrawFn) -> tuple[list[float], list[float]]:
    k = draw(st.integers(min_value=1, max_value=6))
    cs = draw(st.lists(conc, min_size=k, max_size=k))
    weights = draw(st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=k, max_size=k))
    total = draw(st.floats(min_value=0.0, max_value=8.0))
    s = sum(weights) or 1.0
    return cs, [w / s * total for w in weights]


@settings(max_examples=60, deadline=None)
@given(shifts(), st.floats(min_value=0.01, max_value=1e4))
def test_twa_scalar_equals_vectorized(shift: tuple[list[float], list[float]], limit: float) -> None:
    cs, ts = shift
    scalar = oa.twa(list(zip(cs, ts, strict=True)), limit=limit)
    vec = oa.twa_array(np.array([cs]), np.array([ts]), limit=limit)
    assert vec.values[0] == pytest.approx(scalar.value, rel=1e-12, abs=1e-12)
    if not math.isclose(scalar.value or 0.0, limit, rel_tol=1e-9):
        assert vec.verdicts()[0] is scalar.verdict


@settings(max_examples=40, deadline=None)
@given(conc)
def test_twa_of_constant_over_8h_is_the_constant(c: float) -> None:
    assert oa.twa([(c, 8.0)], limit=1.0).value == pytest.approx(c)
    assert oa.twa([(c, 4.0), (c, 4.0)], limit=1.0).value == pytest.approx(c)


@settings(max_examples=40, deadline=None)
@given(shifts(), st.floats(min_value=0.0, max_value=100.0))
def test_twa_monotonic_in_concentration(shift: tuple[list[float], list[float]], bump: float) -> None:
    cs, ts = shift
    base = oa.twa(list(zip(cs, ts, strict=True)), limit=1.0).value or 0.0
    more = oa.twa(list(zip([c + bump for c in cs], ts, strict=True)), limit=1.0).value or 0.0
    assert more >= base - 1e-9


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(conc, st.floats(min_value=0.0, max_value=3.75)), min_size=1, max_size=4))
def test_stel_scalar_equals_vectorized(segs: list[tuple[float, float]]) -> None:
    scalar = oa.stel(segs, limit=10.0)
    vec = oa.stel_array(np.array([[c for c, _ in segs]]), np.array([[t for _, t in segs]]), limit=10.0)
    assert vec.values[0] == pytest.approx(scalar.value, rel=1e-12, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(
    st.floats(min_value=15.0, max_value=45.0),
    st.floats(min_value=0.0, max_value=8.0),
    st.sampled_from(["I", "II", "III", "IV"]),
    st.booleans(),
)
def test_wbgt_scalar_equals_vectorized(w: float, hours: float, cls: str, hot: bool) -> None:
    scalar = oa.heat(w, exposure_hours=hours, intensity=cls, hot_region=hot)
    code = ["I", "II", "III", "IV"].index(cls) + 1
    vec = oa.wbgt_array([w], [hours], [code], hot_region=hot)
    assert vec.verdicts()[0] is scalar.verdict


def test_vectorized_missing_values_are_insufficient_data() -> None:
    r = oa.twa_array([[1.0, np.nan], [2.0, 2.0]], [[4.0, 4.0], [4.0, 4.0]], limit=1.5)
    assert r.verdicts() == [Verdict.INSUFFICIENT_DATA, Verdict.EXCEEDS]
    assert len(r) == 2
    assert r.exceeds.tolist() == [False, True]


def test_vectorized_bad_input_raises_with_row() -> None:
    with pytest.raises(AssessmentError) as e:
        oa.twa_array([[1.0, 1.0], [1.0, -1.0]], [[4.0, 4.0], [4.0, 4.0]], limit=1.0)
    assert e.value.rule == "assess.value"
    assert e.value.params["row"] == 1
    with pytest.raises(AssessmentError) as e:
        oa.twa_array([[1.0, 1.0], [1.0, 1.0]], [[4.0, 4.0], [4.0, 4.5]], limit=1.0)
    assert e.value.rule == "assess.duration"
    assert e.value.params["row"] == 1
    with pytest.raises(AssessmentError) as e:
        oa.twa_array(np.empty((0, 2)), np.empty((0, 2)), limit=1.0)
    assert e.value.rule == "assess.empty"
    with pytest.raises(AssessmentError):
        oa.twa_array([[1.0]], [[1.0, 2.0]], limit=1.0)


def test_vectorized_without_limit_is_not_applicable() -> None:
    r = oa.twa_array([[1.0]], [[8.0]])
    assert r.verdicts() == [Verdict.NOT_APPLICABLE]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(min_value=40.0, max_value=140.0), st.floats(min_value=0.0, max_value=4.0)),
        min_size=1,
        max_size=6,
    )
)
def test_lex_8h_array_matches_the_energy_formula(tasks: list[tuple[float, float]]) -> None:
    levels = [lv for lv, _ in tasks]
    hours = [h for _, h in tasks]
    r = oa.lex_8h_array([levels], [hours])
    energy = sum(h * 10 ** (lv / 10) for lv, h in tasks)
    if energy == 0:
        assert r.verdicts() == [Verdict.INSUFFICIENT_DATA]
    else:
        assert r.values[0] == pytest.approx(10 * math.log10(energy / 8), abs=1e-9)


def test_lex_8h_array_rejects_implausible_levels() -> None:
    with pytest.raises(AssessmentError):
        oa.lex_8h_array([[300.0]], [[1.0]])
    with pytest.raises(AssessmentError) as e:
        oa.lex_8h_array([[90.0, 90.0]], [[20.0, 5.0]])
    assert e.value.rule == "assess.duration"
