"""The fast paths of the identifiers give the answers of the full path, for valid and invalid codes alike."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric as stdnum_ric

from ohsreg.errors import OhsregError
from ohsreg.identifiers import division, resident_id
from ohsreg.models.base import _validated_is_masked

SETTINGS = settings(max_examples=400, deadline=None)

# known current and historical regions, and six digits that are no region at all
REGIONS = st.one_of(
    st.sampled_from(["110101", "330106", "440305", "650102", "370685", "110103", "999999", "000000"]),
    st.text("0123456789", min_size=6, max_size=6),
)
# real dates, impossible ones (month 13, day 0 or 32, 29 February of common years) and years before 1850
BIRTHS = st.one_of(
    st.dates().map(lambda d: f"{d:%Y%m%d}"),
    st.tuples(st.integers(1800, 2100), st.integers(0, 13), st.integers(0, 32)).map(
        lambda t: f"{t[0]:04d}{t[1]:02d}{t[2]:02d}"
    ),
    st.sampled_from(["19000229", "20000229", "20230229", "20240229", "18491231", "18500101"]),
)


@st.composite
def compact_resident_ids(draw: st.DrawFn) -> str:
    """18 ASCII letters and digits: mostly well-formed numbers, some with a wrong or altered character."""
    body = draw(REGIONS) + draw(BIRTHS) + f"{draw(st.integers(0, 999)):03d}"
    check = stdnum_ric.calc_check_digit(body + "0")
    last = draw(st.one_of(st.just(check), st.sampled_from("0123456789Xxa")))
    code = body + last
    if draw(st.booleans()):  # one character changed to any ASCII letter or digit
        index = draw(st.integers(0, 17))
        char = draw(st.sampled_from("0123456789ABXYZabxz"))
        code = code[:index] + char + code[index + 1 :]
    return code


def _outcome(value: str) -> tuple[str, str]:
    try:
        return "ok", resident_id.validate(value, allow_masked=True)
    except OhsregError as err:
        return "error", err.rule


@SETTINGS
@given(compact_resident_ids())
def test_resident_id_fast_path_agrees_with_the_full_path(code: str) -> None:
    # a leading blank makes the input 19 characters: it takes the full path (compact, then each check)
    assert _outcome(code) == _outcome(" " + code)
    assert resident_id.is_valid(code) == resident_id.is_valid(" " + code)


@SETTINGS
@given(compact_resident_ids())
def test_masked_mark_agrees_with_is_masked(code: str) -> None:
    masked = resident_id.masked_unchecked(code)
    for value in (code, masked):
        kind, result = _outcome(value)
        if kind == "ok":
            assert _validated_is_masked(result) == resident_id.is_masked(result)


@SETTINGS
@given(REGIONS)
def test_division_is_known_agrees_with_get(code: str) -> None:
    assert division._is_known(code) == (division.get(code) is not None)
