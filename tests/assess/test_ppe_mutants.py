"""Respirators (GB/T 18664-2002) and hearing protectors (GB/T 23466-2009): result fields, limits,
explanations and refusals.

Written against mutation testing (``scripts/dev.py mutate``): each assertion is something a caller sees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

import ohsreg.assess as oa
from ohsreg.assess import AppliedLimit
from ohsreg.assess.ppe import RESPIRATOR_CLAUSE, oel_for
from ohsreg.catalogue import limits_for
from ohsreg.catalogue.ppe import apf_for, hearing_factor
from ohsreg.errors import OhsregError
from ohsreg.vocab import Verdict

Refused = Callable[..., OhsregError]

HALF = {"respirator_class": "自吸过滤式", "facepiece": "半面罩"}
FULL = {"respirator_class": "自吸过滤式", "facepiece": "全面罩"}
SUPPLIED = {"respirator_class": "供气式", "facepiece": "全面罩", "pressure": "正压式"}
CLAUSE = "GB/T 18664-2002 4.2、表1（危害因数与 APF；款号未核实）"
HEARING_LIMIT = AppliedLimit(
    kind="L_EX,8h", value=85.0, unit="dB(A)", source="GBZ 2.2-2007 11.2.1", edition="GBZ 2.2-2007"
)


def test_respirator_result_fields_with_a_shipped_row() -> None:
    row = apf_for("自吸过滤式", "半面罩", None)
    r = oa.respirator_protection(24.0, limit=3.0, **HALF)
    assert (r.quantity, r.value, r.unit, r.verdict, r.clause) == ("C/OEL", 8.0, "1", Verdict.COMPLIES, CLAUSE)
    assert RESPIRATOR_CLAUSE == CLAUSE
    assert (r.verified, r.rule_edition, r.edition, r.concentration) == (
        True,
        "GB/T 18664-2002",
        "GB/T 18664-2002",
        24.0,
    )
    assert r.oel == AppliedLimit(kind="OEL", value=3.0, unit="mg/m³")
    assert r.apf_entry == row
    assert r.limit == AppliedLimit(
        kind="APF",
        value=row.apf,
        unit="1",
        source=row.cite(),
        edition="GB/T 18664-2002",
        verified=row.verified,
    )
    assert r.explain("en") == (
        "C/OEL = 8, APF 10 (GB/T 18664-2002 表1 (自吸过滤式 半面罩（负压式）)): complies; "
        f"hazard ratio 8 = 24 mg/m³ / OEL 3 mg/m³ (explicit limit) [{CLAUSE}]"
    )
    assert r.explain("zh") == (
        "C/OEL = 8，APF 10（GB/T 18664-2002 表1 (自吸过滤式 半面罩（负压式）)）：符合；"
        f"危害因数 8 = 24 mg/m³ / OEL 3 mg/m³（显式给出的限值） [{CLAUSE}]"
    )


def test_respirator_insufficient_protection_with_a_catalogue_limit() -> None:
    # benzene PC-TWA 3 mg/m³ from 2024 (amendment No. 1): 45 mg/m³ is ratio 15 against APF 10
    r = oa.respirator_protection(45.0, hazard="苯", as_of=dt.date(2024, 6, 1), **HALF)
    assert (r.value, r.verdict) == (15.0, Verdict.EXCEEDS)
    assert r.oel is not None
    assert (r.oel.kind, r.oel.value, r.oel.edition) == ("OEL", 3.0, "GBZ 2.1-2019")
    assert r.explain("en") == (
        "C/OEL = 15, APF 10 (GB/T 18664-2002 表1 (自吸过滤式 半面罩（负压式）)): exceeds; "
        f"hazard ratio 15 = 45 mg/m³ / OEL 3 mg/m³ ({r.oel.source}); "
        f"the APF must be greater than the hazard ratio [{CLAUSE}]"
    )
    full = oa.respirator_protection(45.0, hazard="苯", as_of=dt.date(2024, 6, 1), **FULL)
    row = apf_for("自吸过滤式", "全面罩", None)
    assert full.limit is not None
    assert (full.verdict, full.limit.value, full.limit.verified) == (Verdict.COMPLIES, row.apf, row.verified)
    assert "Limit value not verified against the official text." in full.explain("en")


def test_respirator_with_an_unshipped_or_explicit_apf(refused: Refused) -> None:
    r = oa.respirator_protection(40, limit=1, **SUPPLIED)
    assert (r.verdict, r.limit, r.apf_entry, r.value) == (Verdict.INSUFFICIENT_DATA, None, None, 40.0)
    assert r.explain("en") == (
        "C/OEL = 40: insufficient data; hazard ratio 40 = 40 mg/m³ / OEL 1 mg/m³ (explicit limit); "
        "the APF of supplied-air full facepiece (positive pressure) is not shipped "
        f"(GB/T 18664-2002 表1 row not found in a public copy) [{CLAUSE}]"
    )
    no_pressure = oa.respirator_protection(40, limit=1, respirator_class="送风过滤式", facepiece="全面罩")
    assert no_pressure.explain("en") == (
        "C/OEL = 40: insufficient data; hazard ratio 40 = 40 mg/m³ / OEL 1 mg/m³ (explicit limit); "
        "the APF of powered air-purifying full facepiece is not shipped "
        f"(GB/T 18664-2002 表1 row not found in a public copy) [{CLAUSE}]"
    )
    given = oa.respirator_protection(40, limit=1, apf="1000", **SUPPLIED)
    assert given.limit == AppliedLimit(kind="APF", value=1000.0, unit="1")
    assert (given.verdict, given.apf_entry) == (Verdict.COMPLIES, None)
    assert given.explain("en") == (
        "C/OEL = 40, APF 1000 (explicit limit): complies; "
        f"hazard ratio 40 = 40 mg/m³ / OEL 1 mg/m³ (explicit limit) [{CLAUSE}]"
    )
    # an explicit APF replaces a shipped row too
    over = oa.respirator_protection(40, limit=1, apf=20, **HALF)
    assert (over.verdict, over.apf_entry, over.limit) == (
        Verdict.EXCEEDS,
        None,
        AppliedLimit(kind="APF", value=20.0, unit="1"),
    )
    err = refused(oa.respirator_protection, 40, limit=1, apf=0, **HALF)
    assert (err.rule, err.field) == ("assess.value", "apf")
    assert err.message("en").startswith("apf must be a finite positive number, got 0")
    for kwargs, field in (
        ({"respirator_class": "x", "facepiece": "全面罩"}, "respirator_class"),
        ({"respirator_class": "供气式", "facepiece": "x"}, "facepiece"),
        ({"respirator_class": "供气式", "facepiece": "全面罩", "pressure": "x"}, "pressure"),
    ):
        err = refused(oa.respirator_protection, 40, limit=1, **kwargs)
        assert (err.rule, err.field) == ("vocab.unknown", field)


def test_hazard_ratio_inputs_and_refusals(refused: Refused) -> None:
    assert (
        oa.hazard_ratio(9, hazard="苯", as_of=dt.date(2021, 6, 1)) == 1.5
    )  # PC-TWA 6 before amendment No. 1
    assert oa.hazard_ratio(9, hazard="苯", as_of=dt.date(2024, 6, 1)) == 3.0
    assert oa.hazard_ratio("9 ug/m3", limit="3 ug/m3", unit="ug/m3") == 3.0
    err = refused(oa.hazard_ratio, -1, limit=1)
    assert (err.rule, err.field) == ("assess.value", "concentration")
    err = refused(oa.hazard_ratio, "1 ppm", limit=1)
    assert (err.rule, err.field) == ("assess.unit_ppm", "concentration")
    err = refused(oa.hazard_ratio, 1e308, limit=1e-300)
    assert (err.rule, err.field) == ("assess.value", "limit")
    assert err.message("en") == "limit: the result (inf) is outside the float range; check the inputs"
    err = refused(oa.hazard_ratio, 1.0)
    assert (err.rule, err.field, err.params["kind"]) == ("assess.limit_missing", "limit", "OEL")


def test_oel_falls_back_to_the_mac(refused: Refused) -> None:
    mac_only = limits_for("甲醛")
    oel = oel_for(hazard="甲醛")
    assert (oel.kind, oel.value, oel.unit, oel.edition) == (
        "MAC",
        mac_only.mac.m_as("mg/m³"),
        "mg/m³",
        "GBZ 2.1-2019",
    )
    assert oel_for(limit=2.0) == AppliedLimit(kind="OEL", value=2.0, unit="mg/m³")
    assert oa.hazard_ratio(mac_only.mac.m_as("mg/m³"), hazard="甲醛") == 1.0

    class NoLimits:
        pc_twa = None
        mac = None

    err = refused(oel_for, NoLimits())
    assert (err.rule, err.field, err.params["unit"]) == ("assess.limit_missing", "limit", "mg/m³")
    assert err.message("en") == "no exposure limit to divide limit by; pass limit= (a number in mg/m³)"


def test_selection_fields_and_explanations() -> None:
    half, full = apf_for("自吸过滤式", "半面罩", None), apf_for("自吸过滤式", "全面罩", None)
    s = oa.select_respirators((2.0, 1.0), [12.0, 1.0])
    assert (s.hazard_ratio, s.idlh, s.suitable, s.insufficient) == (12.0, False, (full,), (half,))
    assert (s.clause, s.edition) == (CLAUSE, "GB/T 18664-2002")
    missing = "送风过滤式、供气式、携气式"
    assert s.explain("en") == (
        "hazard ratio 12: suitable 自吸过滤式 全面罩（负压式） (APF 100); insufficient 自吸过滤式 半面罩（负压式） "
        f"(APF 10); APFs not shipped for {missing}: consult the standard [{CLAUSE}]"
    )
    assert s.explain("zh") == (
        "危害因数 12：适用 自吸过滤式 全面罩（负压式） (APF 100)；防护不足 自吸过滤式 半面罩（负压式） (APF 10)；"
        f"未收录 {missing} 的指定防护因数：请查阅标准原文 [{CLAUSE}]"
    )
    at_apf = oa.select_respirators((10.0, 1.0))  # ratio = APF 10: not greater, insufficient
    assert (at_apf.suitable, at_apf.insufficient) == ((full,), (half,))
    none = oa.select_respirators((200.0, 1.0))
    assert (none.suitable, none.insufficient) == ((), (half, full))
    assert none.explain("en").startswith(
        "hazard ratio 200: suitable —; insufficient 自吸过滤式 半面罩（负压式） (APF 10), 自吸过滤式 全面罩（负压式） (APF 100); "
    )
    both = oa.select_respirators(("1 ug/m3", 1.0))
    assert (both.hazard_ratio, both.suitable, both.insufficient) == (0.001, (half, full), ())
    assert "insufficient —;" in both.explain("en")


def test_idlh_selection() -> None:
    s = oa.select_respirators(idlh=True)
    assert (s.hazard_ratio, s.idlh, s.suitable, s.insufficient) == (None, True, (), ())
    assert [r.name_zh for r in s.not_shipped] == ["送风过滤式", "供气式", "携气式"]
    assert s.explain("en") == (
        "IDLH atmosphere: selection by APF does not apply; "
        f"APFs not shipped for 送风过滤式、供气式、携气式: consult the standard [{CLAUSE}]"
    )
    assert s.explain() == (
        f"IDLH 环境：不适用按指定防护因数选择；未收录 送风过滤式、供气式、携气式 的指定防护因数：请查阅标准原文 [{CLAUSE}]"
    )


def test_selection_refusals(refused: Refused) -> None:
    err = refused(oa.select_respirators)
    assert (err.rule, err.field) == ("assess.value", "contaminants")
    assert err.message("en") == (
        "contaminants: give at least one (concentration, limit) pair; e.g. select_respirators((12.0, 3.0))"
    )
    for args, index in ((((1.0,),), 0), (([1.0, 2.0], (1, 2, 3)), 1), (([1.0, 2.0], "ab"), 1)):
        err = refused(oa.select_respirators, *args)
        assert (err.rule, err.field, err.params["value"]) == (
            "assess.value",
            f"contaminants[{index}]",
            args[index],
        )
        assert (
            err.message("en")
            == f"contaminants[{index}] must be a (concentration, limit) pair, got {args[index]!r}"
        )


def test_snr_method_fields_and_explanation() -> None:
    r = oa.hearing_protection(l_c=100.0, snr=25.0)
    assert (r.quantity, r.value, r.unit, r.verdict, r.limit) == (
        "L'A",
        75.0,
        "dB(A)",
        Verdict.COMPLIES,
        HEARING_LIMIT,
    )
    assert (r.method, r.reduction, r.derating, r.in_best_range) == ("SNR", 25.0, 0.0, True)
    assert (r.verified, r.rule_edition, r.edition) == (False, "GB/T 23466-2009", "GB/T 23466-2009")
    assert r.clause == "GB/T 23466-2009 SNR 法（条号未核实）; GBZ 2.2-2007 11.2.1"
    assert r.explain("en") == (
        "L'A = 75 dB(A), L_EX,8h 85 dB(A) (GBZ 2.2-2007 11.2.1): complies; SNR method: L'A = L_C 100 − 25; "
        "Rule not verified against the official text. [GB/T 23466-2009 SNR 法（条号未核实）; GBZ 2.2-2007 11.2.1]"
    )
    derated = oa.hearing_protection(l_c=100.0, snr=25.0, derating=4)
    assert (derated.value, derated.reduction, derated.derating) == (79.0, 21.0, 4.0)
    assert [m.render("en") for m in derated.reasons] == [
        "SNR method: L'A = L_C 100 − 21",
        "derating of 4 dB applied by the caller",
    ]


def test_hml_method_fields_and_explanation() -> None:
    # L_C − L_A = 1 ≤ 2: PNR = M − (H − M)/4 · (1 − 2) = 29 + 0.75; derating 2 off the reduction
    r = oa.hearing_protection(l_a=100.0, l_c=101.0, h=32.0, m=29.0, l=25.0, derating=2)
    assert (r.method, r.reduction, r.value, r.derating) == ("HML", 27.75, 72.25, 2.0)
    assert r.clause == "GB/T 23466-2009 HML 法（条号未核实）; GBZ 2.2-2007 11.2.1"
    assert [m.render("en") for m in r.reasons] == [
        "HML method: PNR 29.75 dB at L_C − L_A = 1 dB; L'A = L_A 100 − 27.75",
        "derating of 2 dB applied by the caller",
    ]
    # exactly at the breakpoint both branches give PNR = M
    assert hearing_factor("hml_breakpoint").value == 2.0
    at = oa.hearing_protection(l_a=99.0, l_c=101.0, h=32.0, m=29.0, l=25.0)
    assert (at.reduction, at.value) == (29.0, 70.0)
    # just above: the low-frequency branch, PNR = M − (M − L)/8 · (diff − 2)
    above = oa.hearing_protection(l_a=97.0, l_c=101.0, h=32.0, m=29.0, l=25.0)
    assert above.reduction == pytest.approx(29.0 - (29.0 - 25.0) / 8 * 2)
    below = oa.hearing_protection(l_a=100.0, l_c=101.5, h=33.0, m=29.0, l=21.0)  # high branch: 29 + 4/4 · 0.5
    assert below.reduction == pytest.approx(29.5)


@pytest.mark.parametrize(("l_c", "best"), [(99.0, False), (100.0, True), (105.0, True), (106.0, False)])
def test_best_range_ends(l_c: float, best: bool) -> None:
    low, high = hearing_factor("target_low").value, hearing_factor("target_high").value
    r = oa.hearing_protection(l_c=l_c, snr=25.0)
    assert (low, high) == (75.0, 80.0)
    assert r.in_best_range is best


def test_hearing_limits() -> None:
    r = oa.hearing_protection(l_c=100.0, snr=25.0, limit=70)
    assert (r.limit, r.verdict) == (AppliedLimit(kind="L_EX,8h", value=70.0, unit="dB(A)"), Verdict.EXCEEDS)
    assert r.explain("en").startswith("L'A = 75 dB(A), L_EX,8h 70 dB(A) (explicit limit): exceeds; ")
    site = AppliedLimit(kind="site", value=80.0, unit="dB(A)")
    assert oa.hearing_protection(l_c=100.0, snr=25.0, limit=site).limit is site
    at = oa.hearing_protection(l_c=110.0, snr=25.0)
    assert (at.value, at.verdict) == (85.0, Verdict.COMPLIES)  # at the limit complies
    assert oa.hearing_protection(l_c=110.0, snr=24.9).verdict is Verdict.EXCEEDS


def test_hearing_refusals(refused: Refused) -> None:
    hml_message = (
        "the HML method needs h, m, l and l_a; give all of h, m, l and l_a, or snr alone for the SNR method"
    )
    for kwargs, field in (
        ({"h": 1, "m": 2, "l_a": 90}, "l"),
        ({"h": 1, "l": 2, "l_a": 90}, "m"),
        ({"m": 1, "l": 2, "l_a": 90}, "h"),
        ({"l": 2, "l_a": 90}, "h"),
        ({"h": 1, "m": 1, "l": 2}, "l_a"),
    ):
        err = refused(oa.hearing_protection, l_c=100.0, **kwargs)
        assert (err.rule, err.field) == ("assess.value", field)
        assert err.message("en") == hml_message
    for kwargs, field in (
        ({"snr": 25, "limit": "x"}, "limit"),
        ({"snr": 25, "derating": "x"}, "derating"),
        ({"snr": "x"}, "snr"),
        ({"h": 1, "m": 2, "l": "x", "l_a": 90}, "l"),
        ({"h": "x", "m": 2, "l": 1, "l_a": 90}, "h"),
        ({"h": 1, "m": "x", "l": 1, "l_a": 90}, "m"),
    ):
        err = refused(oa.hearing_protection, l_c=100.0, **kwargs)
        assert (err.rule, err.field, err.params["value"]) == ("assess.value", field, "x")
        assert err.message("en") == f"{field} must be a level in dB (a number), got 'x'"
    err = refused(oa.hearing_protection, l_c=100.0)
    assert (err.rule, err.field) == ("assess.value", "snr")
    assert err.message("en") == (
        "give snr (SNR method) or h, m, l with l_a (HML method); "
        "the protector's SNR and H, M, L are on its label (GB/T 23466-2009)"
    )
    err = refused(oa.hearing_protection, l_c=100.0, snr=10**400)
    assert (err.rule, err.field) == ("assess.value", "snr")
    assert err.message("en").startswith("snr must be a finite number, got 1000")
    for level in ("100 dB(A)", "140 dB(C) peak"):
        err = refused(oa.hearing_protection, l_c=level, snr=25)
        assert (err.rule, err.field, err.params["weighting"]) == ("assess.unit", "l_c", "C")
        assert err.message("en") == f"l_c must be a C-weighted level, got {level!r}"
    err = refused(oa.hearing_protection, l_c=100, l_a="95 dB(C)", h=1, m=1, l=1)
    assert (err.rule, err.field, err.params["weighting"]) == ("assess.unit", "l_a", "A")
    for bad in ("loud", [100]):
        err = refused(oa.hearing_protection, l_c=bad, snr=25)
        assert (err.rule, err.field) == ("assess.value", "l_c")
        assert err.message("en") == f"l_c must be a level in dB (a number), got {bad!r}"
