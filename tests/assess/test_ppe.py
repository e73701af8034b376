"""Respirator selection (GB/T 18664-2002) and the level under hearing protectors (GB/T 23466-2009)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ohsreg.assess as oa
from ohsreg.assess import AssessmentError
from ohsreg.vocab import Verdict

ROOT = Path(__file__).resolve().parents[2]


def test_apf_must_be_greater_than_the_ratio() -> None:
    below = oa.respirator_protection(29.9, limit=3.0, respirator_class="自吸过滤式", facepiece="半面罩")
    at = oa.respirator_protection(30.0, limit=3.0, respirator_class="自吸过滤式", facepiece="半面罩")
    assert below.verdict is Verdict.COMPLIES
    assert at.verdict is Verdict.EXCEEDS  # ratio 10 = APF 10: not greater
    assert at.limit is not None
    assert at.limit.kind == "APF"
    assert at.limit.source
    assert at.edition == "GB/T 18664-2002"
    assert "APF" in at.explain("en")
    assert "危害因数" in at.explain("zh_CN")


def test_limit_from_the_catalogue_follows_the_date() -> None:
    # benzene PC-TWA 6 mg/m³ before amendment No. 1, 3 after: 45 mg/m³ is ratio 7.5 in 2021, 15 in 2024
    old = oa.respirator_protection(
        45.0, hazard="苯", as_of=dt.date(2021, 6, 1), respirator_class="自吸过滤式", facepiece="半面罩"
    )
    new = oa.respirator_protection(
        45.0, hazard="苯", as_of=dt.date(2024, 6, 1), respirator_class="自吸过滤式", facepiece="半面罩"
    )
    assert (old.value, old.verdict) == (7.5, Verdict.COMPLIES)
    assert (new.value, new.verdict) == (15.0, Verdict.EXCEEDS)


def test_not_shipped_apf_is_insufficient_data_unless_given() -> None:
    r = oa.respirator_protection(
        40, limit=1, respirator_class="供气式", facepiece="全面罩", pressure="正压式"
    )
    assert r.verdict is Verdict.INSUFFICIENT_DATA
    assert r.limit is None
    assert "not shipped" in r.explain("en")
    given_apf = oa.respirator_protection(
        40, limit=1, respirator_class="供气式", facepiece="全面罩", pressure="正压式", apf=1000
    )
    assert given_apf.verdict is Verdict.COMPLIES
    assert given_apf.apf_entry is None


def test_selection_uses_the_largest_ratio_and_lists_what_is_missing() -> None:
    s = oa.select_respirators((2.0, 1.0), (12.0, 1.0))
    assert s.hazard_ratio == 12.0
    assert [e.apf for e in s.suitable] == [100.0]
    assert [e.apf for e in s.insufficient] == [10.0]
    assert {r.name_zh for r in s.not_shipped} == {"送风过滤式", "供气式", "携气式"}
    assert "consult the standard" in s.explain("en")
    idlh = oa.select_respirators(idlh=True)
    assert idlh.idlh
    assert not idlh.suitable
    assert "IDLH" in idlh.explain("en")


def test_selection_bad_input() -> None:
    with pytest.raises(AssessmentError) as info:
        oa.select_respirators()
    assert info.value.rule == "assess.value"
    with pytest.raises(AssessmentError):
        oa.select_respirators((1.0,))  # type: ignore[arg-type]
    with pytest.raises(AssessmentError) as missing:
        oa.hazard_ratio(1.0)
    assert missing.value.rule == "assess.limit_missing"


def test_snr_method() -> None:
    r = oa.hearing_protection(l_c=110.0, snr=20.0)
    assert (r.value, r.method, r.verdict) == (90.0, "SNR", Verdict.EXCEEDS)
    assert r.limit is not None
    assert r.limit.value == 85.0
    assert r.limit.edition == "GBZ 2.2-2007"
    assert r.verified is False  # GB/T 23466-2009's text was not reached
    assert oa.hearing_protection(l_c=100.0, snr=25.0).in_best_range is True


def test_hml_method_both_branches() -> None:
    # L_C − L_A = 1 ≤ 2: PNR = M − (H − M)/4·(1 − 2) = 29 + 0.75
    low = oa.hearing_protection(l_a=100.0, l_c=101.0, h=32.0, m=29.0, l=25.0)
    assert low.reduction == pytest.approx(29.75)
    assert low.value == pytest.approx(70.25)
    # L_C − L_A = 6 > 2: PNR = M − (M − L)/8·(6 − 2) = 29 − 2
    high = oa.hearing_protection(l_a=95.0, l_c=101.0, h=32.0, m=29.0, l=25.0)
    assert high.reduction == pytest.approx(27.0)
    assert high.method == "HML"


def test_derating_is_explicit_and_recorded() -> None:
    r = oa.hearing_protection(l_c=100.0, snr=25.0, derating=4)
    assert (r.value, r.derating) == (79.0, 4.0)
    assert "derating" in r.explain("en")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"l_c": 100.0},
        {"l_c": 100.0, "h": 30.0, "m": 25.0},
        {"l_c": 100.0, "h": 30.0, "m": 25.0, "l": 20.0},  # l_a missing
        {"l_c": "abc", "snr": 20.0},
        {"l_c": True, "snr": 20.0},
        {"l_c": float("nan"), "snr": 20.0},
    ],
)
def test_hearing_bad_input(kwargs: dict[str, object]) -> None:
    with pytest.raises(AssessmentError) as info:
        oa.hearing_protection(**kwargs)  # type: ignore[arg-type]
    assert info.value.rule == "assess.value"


_level = st.floats(min_value=60, max_value=140)
_rating = st.floats(min_value=0, max_value=45)


@given(_level, _level, _rating, _rating, _rating)
def test_hml_is_continuous_at_the_breakpoint(
    la: float, lc_base: float, h: float, m: float, lo: float
) -> None:
    left = oa.hearing_protection(l_a=la, l_c=la + 2.0, h=h, m=m, l=lo)
    right = oa.hearing_protection(l_a=la, l_c=la + 2.0 + 1e-9, h=h, m=m, l=lo)
    assert left.value == pytest.approx(right.value, abs=1e-6)


@given(_level, _rating, _rating)
def test_more_attenuation_never_raises_the_level(lc: float, snr_a: float, snr_b: float) -> None:
    lo, hi = sorted((snr_a, snr_b))
    assert oa.hearing_protection(l_c=lc, snr=hi).value <= oa.hearing_protection(l_c=lc, snr=lo).value


@given(st.floats(min_value=0, max_value=1e6), st.floats(min_value=1e-3, max_value=1e3))
def test_ratio_and_verdict_agree(c: float, oel: float) -> None:
    r = oa.respirator_protection(c, limit=oel, respirator_class="自吸过滤式", facepiece="全面罩")
    assert r.value == pytest.approx(c / oel)
    assert (r.verdict is Verdict.COMPLIES) is (r.value is not None and r.value < 100)


def test_guide_examples_run() -> None:
    for lang in ("en", "zh"):
        text = (ROOT / "docs" / lang / "guides" / "ppe.md").read_text(encoding="utf-8")
        namespace: dict[str, object] = {}  # one page, one session: later blocks use earlier imports
        for block in re.findall(r"^```python\n(.*?)^```$", text, flags=re.S | re.M):
            exec(compile(block, f"docs/{lang}/guides/ppe.md", "exec"), namespace)


def test_levels_with_their_weighting() -> None:
    assert oa.hearing_protection(l_c="100 dB(C)", snr=25).value == 75.0
    assert oa.hearing_protection(l_a="98 dB(A)", l_c="101 dB(C)", h=32, m=29, l=27).value == pytest.approx(
        69.25
    )
    with pytest.raises(AssessmentError) as info:
        oa.hearing_protection(l_c="100 dB(A)", snr=25)
    assert info.value.rule == "assess.unit"
