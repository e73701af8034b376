"""What the fuzz profile (``test_fuzz.py``) found: each escape it reported, pinned as a regression test.

Every case raised a bare ``TypeError``/``AttributeError``/``OverflowError``/``decimal.InvalidOperation``
or returned infinity before the fix; now it is a clean error with a rule code, or a finite result.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ohsreg import assess, i18n, units
from ohsreg.errors import OhsregError
from ohsreg.identifiers import industry, uscc


def _rule(call: Any) -> str:
    with pytest.raises(OhsregError) as err:
        call()
    str(err.value)  # renders
    return err.value.rule


def test_format_number_formats_every_float_and_every_allowed_decimals() -> None:
    # babel rounded in the default 28-digit decimal context: InvalidOperation
    assert i18n.format_number(1e308, "en").startswith("100,000,000,000,000,")
    assert i18n.format_number(1, "en", decimals=28) == "1." + "0" * 28
    assert i18n.format_number(1e308, "zh_CN", decimals=100).endswith("." + "0" * 100)
    assert i18n.format_number(12345.678, "en") == "12,345.678"


@pytest.mark.parametrize(
    ("call", "rule", "field"),
    [
        (lambda: assess.excursion(None, pc_twa=1.0, multiple=2.0), "assess.value", "c_ste"),
        (lambda: assess.peak(c_twa=1.0, limit=6.0, as_of=[]), "assess.value", "as_of"),
        (lambda: assess.peak(c_twa=1.0, limit=6.0, edition=7), "assess.value", "edition"),
        (
            lambda: assess.peak(c_twa=1.0, limit=6.0, as_of=dt.datetime(2021, 1, 1)),
            "assess.value",
            "as_of",
        ),
        (
            lambda: assess.dust_grade(ratio=1.0, sio2_percent=5.0, intensity="III", as_of=(2020, 1, 1)),
            "assess.value",
            "as_of",
        ),
        (
            lambda: assess.chemical_grade(ratio=1.0, hazard_degree="III", intensity="III", edition=[]),
            "assess.value",
            "edition",
        ),
        (lambda: assess.hearing_protection(l_c=99.0, snr=24.0, derating=10**400), "assess.value", "derating"),
        (lambda: assess.concentration(98.0, 0.0, 2.2e-311), "assess.value", "volume_l"),
        (lambda: assess.concentration(98.0, 0.0, 2.2e-311, lod_ug=1.0), "assess.value", "volume_l"),
        (lambda: assess.dust_concentration(0.0, 1.0, 1e-310), "assess.value", "volume_l"),
        (lambda: assess.sample_volume(1e200, 1e200), "assess.value", "minutes"),
        (lambda: assess.twa_array([[1.0]], [[8.0]], shift_hours="eight"), "assess.value", "shift_hours"),
        (lambda: assess.twa_array([[1.0]], [[8.0]], shift_hours={}), "assess.value", "shift_hours"),
        (lambda: assess.lex_8h_array([[85.0]], [[8.0]], limit={"a": 1}), "assess.value", "limit"),
        (lambda: assess.lex_8h_array([[85.0]], [[8.0]], shift_hours="x"), "assess.value", "shift_hours"),
        (lambda: assess.shift_table({"concentration": 1, "hours": 2}), "assess.table_column", "samples"),
    ],
)
def test_rules_refuse_what_crashed_them(call: Any, rule: str, field: str) -> None:
    with pytest.raises(OhsregError) as err:
        call()
    assert err.value.rule == rule
    assert err.value.field == field
    str(err.value)


def test_rules_still_answer_on_the_valid_side_of_the_new_checks() -> None:
    assert assess.peak(c_twa=1.0, limit=6.0, as_of=dt.date(2021, 1, 1)).verdict.name == "COMPLIES"
    assert assess.twa_array([[1.0]], [[8.0]], shift_hours="8 h", limit=2.0).values[0] == 1.0
    assert assess.lex_8h_array([[85.0]], [[8.0]], limit=85).limit.value == 85.0
    assert assess.concentration(98.0, 0.0, 2.0) == 49.0


def test_gas_conversions_refuse_conditions_that_overflow() -> None:
    # 1e307 °C is above absolute zero, so it passed; the molar volume then overflowed to inf ppm
    assert _rule(lambda: units.mg_m3_to_ppm(1.0, 1.0, temperature_c=1e307)) == "units.not_finite"
    assert _rule(lambda: units.ppm_to_mg_m3(1e300, 1e300)) == "units.not_finite"
    assert _rule(lambda: units.standard_volume(1e300, 20.0, 1e300)) == "units.not_finite"
    np = pytest.importorskip("numpy")
    assert _rule(lambda: units.ppm_to_mg_m3(np.array([1.0, 1e300]), 1e300)) == "units.not_finite"
    assert units.mg_m3_to_ppm(1.0, 24.04) == pytest.approx(1.0, rel=1e-3)


@pytest.mark.parametrize("code", [None, 17, "12", "9111000060003734I", b"91110000600037341"])
def test_uscc_check_character_refuses_what_is_not_a_normalised_code(code: Any) -> None:
    # "12" silently gave 'Q'; None and the letter I raised TypeError/KeyError
    assert _rule(lambda: uscc.check_character(code)) == "uscc.format"
    assert uscc.check_character("91110000600037341") == "L"


@pytest.mark.parametrize("digits", [None, 21, "2", "C21", "２１"])
def test_industry_section_of_refuses_what_is_not_division_digits(digits: Any) -> None:
    assert _rule(lambda: industry.section_of(digits)) == "industry.format"
    assert industry.section_of("2110") == "C"


@pytest.mark.parametrize(
    ("call", "rule"),
    [
        # the 20k-per-target run of 2026-12-05: math.exp of a GSD spanning ~1e628 raised OverflowError
        (lambda: assess.geometric_stats([498.5, 1e-320, 1e308]), "assess.value"),
        (lambda: assess.exceedance_fraction([1e-320, 1e-320, 1e308, 1e-320], 1.0), "assess.value"),
        # reference_hours went unchecked: "0" raised TypeError, 0.0 ZeroDivisionError
        (lambda: assess.exposure_time_ratio(1.0, reference_hours="0"), "assess.value"),
        (lambda: assess.exposure_time_ratio(0.0, reference_hours=0.0), "assess.value"),
        # finite inputs whose quotient or product is infinite returned inf
        (lambda: assess.hazard_ratio(73, limit=2.2250738585e-313), "assess.value"),
        (lambda: assess.wbgt_twa([(7, 1e308), (0, 0)]), "assess.value"),
        # a duration ratio that under- or overflows: inf, or a math domain error from log10(0)
        (lambda: units.scale_time(101.7, 101.7, 2.2250738585e-313), "sound.not_finite"),
        (lambda: units.scale_time(81, 6.27e-245, 1.67e198), "sound.not_finite"),
    ],
)
def test_extreme_finite_inputs_are_refused_not_overflowed(call: Any, rule: str) -> None:
    assert _rule(call) == rule


def test_the_same_functions_still_answer_ordinary_inputs() -> None:
    assert assess.exposure_time_ratio(4.0) == 0.5
    assert assess.exposure_time_ratio(2.0, reference_hours="4 h") == 0.5
    assert assess.hazard_ratio(9.0, limit=3.0) == 3.0
    assert assess.wbgt_twa([(30, 4), (26, 4)]) == 28.0
    gm, gsd = assess.geometric_stats([1.0, 100.0])
    assert gm == pytest.approx(10.0)
    assert gsd > 1
    assert round(units.scale_time(94, 2, 8), 1) == 88.0
