"""Assessments with limits looked up in the real catalogue (``hazard=``), by date, band and condition.

Values are GBZ 2.1-2019 as shipped by :mod:`ohsreg.catalogue` (表1 benzene row 12 and its amendment
No. 1; 表2 矽尘 bands; 表1 一氧化碳 altitude rows; 甲醛 MAC; 吡啶 PC-TWA only).
"""

from __future__ import annotations

import datetime as dt

import pytest

import ohsreg.assess as oa
from ohsreg import catalogue
from ohsreg.assess import AssessmentError
from ohsreg.errors import EditionError, OhsregError
from ohsreg.vocab import Verdict

BEFORE_AMENDMENT = dt.date(2021, 1, 1)
AFTER_AMENDMENT = dt.date(2023, 1, 1)


# ---- benzene before and after amendment No. 1 ----------------------------------------------------


def test_benzene_twa_by_date() -> None:
    old = oa.twa([(4.5, 8)], hazard="苯", as_of=BEFORE_AMENDMENT)
    new = oa.twa([(4.5, 8)], hazard="苯", as_of=AFTER_AMENDMENT)
    assert old.limit is not None
    assert new.limit is not None
    assert (old.limit.value, new.limit.value) == (6.0, 3.0)
    assert old.verdict is Verdict.COMPLIES
    assert new.verdict is Verdict.EXCEEDS
    assert old.edition == new.edition == "GBZ 2.1-2019"
    assert "row 12" in (new.limit.source or "")
    # the pre-amendment row is shipped unverified; the result says so
    assert old.verified is old.limit.verified
    if not old.limit.verified:
        assert "Limit value not verified" in old.explain("en")
        assert "该限值尚未与标准原文核对" in old.explain("zh_CN")
        assert "Rule not verified" not in old.explain("en")
    assert new.verified is True


def test_benzene_stel_by_date() -> None:
    old = oa.stel([(8.0, 15)], hazard="benzene", as_of=BEFORE_AMENDMENT)
    new = oa.stel([(8.0, 15)], hazard="71-43-2", as_of=AFTER_AMENDMENT)
    assert old.limit is not None
    assert new.limit is not None
    assert (old.limit.value, new.limit.value) == (10.0, 6.0)
    assert (old.verdict, new.verdict) == (Verdict.COMPLIES, Verdict.EXCEEDS)


def test_default_is_the_consolidated_text() -> None:
    assert oa.twa([(3.0, 8)], hazard="苯").verdict is Verdict.COMPLIES  # exactly at 3 mg/m³
    assert oa.twa([(3.01, 8)], hazard="苯").verdict is Verdict.EXCEEDS


def test_hazard_factor_and_limit_set_objects() -> None:
    factor = catalogue.hazards.lookup("苯")
    limit_set = catalogue.limits_for(factor, as_of=BEFORE_AMENDMENT)
    assert oa.twa([(4.5, 8)], hazard=factor).limit.value == 3.0  # type: ignore[union-attr]
    assert oa.twa([(4.5, 8)], hazard=limit_set).limit.value == 6.0  # type: ignore[union-attr]
    assert oa.twa([(4.5, 8)], limit=limit_set).limit.value == 6.0  # type: ignore[union-attr]


def test_dates_before_gbz21_2019_are_judged_by_gbz21_2007() -> None:
    old = oa.twa([(1.0, 8)], hazard="苯", as_of=dt.date(2020, 3, 31))
    assert (old.limit.value, old.limit.edition) == (6.0, "GBZ 2.1-2007")  # type: ignore[union-attr]
    new = oa.twa([(1.0, 8)], hazard="苯", as_of=dt.date(2020, 4, 1))
    assert (new.limit.value, new.limit.edition) == (6.0, "GBZ 2.1-2019")  # type: ignore[union-attr]
    with pytest.raises(EditionError) as e:  # GBZ 2-2002 applied: not shipped
        oa.twa([(1.0, 8)], hazard="苯", as_of=dt.date(2007, 10, 31))
    assert e.value.rule == "catalogue.edition_not_in_force"


# ---- silica band from the catalogue's dust rows --------------------------------------------------


@pytest.mark.parametrize(
    ("pct", "total", "respirable"),
    [
        (10, 1.0, 0.7),
        (30, 1.0, 0.7),
        (50, 1.0, 0.7),
        (50.01, 0.7, 0.3),
        (80, 0.7, 0.3),
        (80.01, 0.5, 0.2),
        (100, 0.5, 0.2),
    ],
)
def test_silica_band_from_catalogue(pct: float, total: float, respirable: float) -> None:
    for fraction, expected in (("total", total), ("respirable", respirable)):
        r = oa.dust_twa([(0.1, 8)], hazard="矽尘", sio2_percent=pct, fraction=fraction)  # type: ignore[arg-type]
        assert r.limit is not None
        assert r.limit.value == expected
        assert "表2" in (r.limit.source or "")
        # the assess module's own table agrees with the catalogue row
        own = oa.silica_limit(pct, fraction)  # type: ignore[arg-type]
        assert own is not None
        assert own.value == expected


def test_silica_needs_the_free_silica_content() -> None:
    with pytest.raises(AssessmentError) as e:
        oa.dust_twa([(0.5, 8)], hazard="矽尘")
    assert e.value.rule == "assess.limit_missing"
    assert e.value.field == "sio2_percent"
    with pytest.raises(AssessmentError) as e:
        oa.dust_twa([(0.5, 8)], hazard="矽尘", sio2_percent=5)
    assert e.value.rule == "assess.limit_missing"


def test_other_dusts_and_dust_conditions() -> None:
    r = oa.dust_twa([(4.5, 8)], hazard="石膏粉尘", fraction="respirable")
    assert r.limit is not None
    assert r.limit.value == 4.0
    assert r.verdict is Verdict.EXCEEDS
    with pytest.raises(AssessmentError) as e:
        oa.dust_twa([(3.5, 8)], hazard="铝尘")
    assert e.value.rule == "assess.limit_conditions"
    assert "氧化铝" in e.value.message("en")
    r = oa.dust_twa([(3.5, 8)], hazard="铝尘", condition="氧化铝")
    assert r.limit is not None
    assert r.limit.value == 4.0
    assert r.verdict is Verdict.COMPLIES


# ---- PC-TWA only: peak exposure applies; STEL does not --------------------------------------------


def test_pc_twa_only_substance_uses_peak_exposure() -> None:
    limits = catalogue.limits_for("吡啶")
    assert limits.pc_stel is None
    assert limits.mac is None
    pc_twa = limits.pc_twa.m_as("mg/m³")  # type: ignore[union-attr]
    assert oa.stel([(20.0, 15)], hazard="吡啶").verdict is Verdict.NOT_APPLICABLE
    ok = oa.peak([(3 * pc_twa + 0.5, 15, 1.0), (3 * pc_twa + 0.5, 10, 3.0)], hazard="吡啶")
    assert ok.verdict is Verdict.COMPLIES
    assert ok.limit is not None
    assert ok.limit.value == 5 * pc_twa
    too_high = oa.peak([(5 * pc_twa + 0.1, 5)], hazard="吡啶")
    assert too_high.verdict is Verdict.EXCEEDS
    at_ceiling = oa.peak([(5 * pc_twa, 5)], hazard="吡啶")
    assert at_ceiling.verdict is Verdict.COMPLIES


def test_peak_is_not_applicable_when_the_catalogue_has_a_stel() -> None:
    r = oa.peak([(20.0, 10)], hazard="苯")
    assert r.verdict is Verdict.NOT_APPLICABLE
    assert oa.peak([(20.0, 10)], hazard="甲醛").verdict is Verdict.NOT_APPLICABLE  # MAC only


def test_peak_refuses_dates_of_gbz21_2007() -> None:
    with pytest.raises(EditionError) as e:
        oa.peak([(10.0, 10)], limit=4.0, as_of=dt.date(2020, 3, 31))
    assert e.value.rule == "assess.edition_unverified"
    assert "超限倍数" in e.value.message("zh_CN")
    assert oa.peak([(10.0, 10)], limit=4.0, as_of=dt.date(2020, 4, 1)).verdict is Verdict.COMPLIES


def test_excursion_2007_with_a_caller_multiple() -> None:
    r = oa.excursion([4.0, 5.0], pc_twa=2.0, multiple=2.5)
    assert r.verdict is Verdict.COMPLIES  # exactly at 2.5 × PC-TWA complies
    assert r.verified is False
    assert "2007" in r.clause
    assert oa.excursion(5.01, pc_twa=2.0, multiple=2.5).verdict is Verdict.EXCEEDS
    assert oa.excursion([1.0], pc_twa=2.0, multiple=2.5, c_twa=2.1).verdict is Verdict.EXCEEDS
    with pytest.raises(AssessmentError):
        oa.excursion([1.0], pc_twa=2.0, multiple=0.5)
    with pytest.raises(AssessmentError):
        oa.excursion([], pc_twa=2.0, multiple=2.0)


# ---- CO altitude bands ---------------------------------------------------------------------------


def test_co_altitude_bands() -> None:
    high = oa.mac(18.0, hazard="一氧化碳", condition=">3000")
    assert high.limit is not None
    assert high.limit.value == 15.0
    assert high.verdict is Verdict.EXCEEDS
    mid = oa.mac(18.0, hazard="一氧化碳", condition="2000")
    assert mid.limit is not None
    assert mid.limit.value == 20.0
    assert mid.verdict is Verdict.COMPLIES
    low_twa = oa.twa([(20.0, 8)], hazard="一氧化碳", condition="非高原")
    assert low_twa.limit is not None
    assert low_twa.limit.value == 20.0
    assert low_twa.verdict is Verdict.COMPLIES
    low_stel = oa.stel([(31.0, 15)], hazard="一氧化碳", condition="非高原")
    assert low_stel.verdict is Verdict.EXCEEDS
    assert oa.mac(18.0, hazard="一氧化碳", condition="非高原").verdict is Verdict.NOT_APPLICABLE


def test_co_without_condition_names_the_choices() -> None:
    with pytest.raises(AssessmentError) as e:
        oa.mac(18.0, hazard="一氧化碳")
    assert e.value.rule == "assess.limit_conditions"
    assert e.value.field == "condition"
    assert "非高原" in e.value.message("en")
    assert "附加条件" in e.value.message("zh_CN")
    with pytest.raises(OhsregError) as e2:
        oa.mac(18.0, hazard="一氧化碳", condition="海拔5000")
    assert e2.value.rule == "catalogue.unknown"


# ---- MAC-only substances, unknown hazards, downstream rules ---------------------------------------


def test_mac_only_substance() -> None:
    assert oa.mac([0.3, 0.5], hazard="甲醛").verdict is Verdict.COMPLIES  # exactly at MAC
    assert oa.mac([0.3, 0.51], hazard="甲醛").verdict is Verdict.EXCEEDS
    assert oa.twa([(0.4, 8)], hazard="甲醛").verdict is Verdict.NOT_APPLICABLE


def test_unknown_hazard_is_a_catalogue_error() -> None:
    with pytest.raises(OhsregError) as e:
        oa.twa([(1.0, 8)], hazard="不存在的物质")
    assert e.value.rule.startswith("catalogue.")


def test_catalogue_results_feed_grading_and_mixtures() -> None:
    benzene = oa.twa([(1.5, 8)], hazard="苯")
    toluene = oa.twa([(25.0, 8)], hazard="甲苯")
    mix = oa.mixture([benzene, toluene])
    assert mix.value == pytest.approx(1.5 / 3 + 25 / 50)
    grade = oa.chemical_grade(ratio=benzene.ratio, hazard_degree="extreme", intensity="I")  # type: ignore[arg-type]
    assert grade.grade is oa.Grade.ZERO  # B = 0.5 → W_B = 0
    level = oa.exposure_level(benzene)
    assert level.ratio == pytest.approx(0.5)
    assert level.exposure_class is oa.ExposureClass.II  # > 10 % and ≤ 50 % of the OEL
    assert level.above_action_level is False


def test_vectorized_forms_take_a_catalogue_limit_set() -> None:
    np = pytest.importorskip("numpy")
    limits = catalogue.limits_for("苯", as_of=BEFORE_AMENDMENT)
    conc = np.array([[4.5, 1.2], [8.0, 0.0], [6.0, 6.0]])
    hours = np.array([[3.0, 5.0], [8.0, 0.0], [4.0, 4.0]])
    arr = oa.twa_array(conc, hours, limit=limits)
    assert arr.limit is not None
    assert arr.limit.value == 6.0
    for i in range(conc.shape[0]):
        scalar = oa.twa(list(zip(conc[i], hours[i], strict=True)), hazard="苯", as_of=BEFORE_AMENDMENT)
        assert arr.values[i] == pytest.approx(scalar.value)
        assert arr.verdicts()[i] is scalar.verdict
    stel = oa.stel_array(np.array([[7.0]]), np.array([[15.0]]), limit=catalogue.limits_for("苯"))
    assert stel.limit is not None
    assert stel.limit.value == 6.0


def test_lead_fume_peak_exposure_by_condition() -> None:
    lead = "7439-92-1"
    fume = oa.peak([(0.1, 10)], hazard=lead, condition="铅烟")  # PC-TWA 0.03 → ceiling 0.15
    assert fume.limit is not None
    assert fume.limit.value == pytest.approx(0.15)
    assert fume.verdict is Verdict.COMPLIES
    assert oa.peak([(0.16, 10)], hazard=lead, condition="铅烟").verdict is Verdict.EXCEEDS
    dust = oa.twa([(0.05, 8)], hazard=lead, condition="铅尘")
    assert dust.verdict is Verdict.COMPLIES  # exactly at PC-TWA 0.05
    with pytest.raises(EditionError) as e:
        oa.peak([(0.1, 10)], limit=0.03, edition="GBZ 2.1-2007")
    assert e.value.rule == "assess.edition_unverified"


# ---- GBZ 2.1-2007 excursion limits from the catalogue ------------------------------------------------

BEFORE_2019 = dt.date(2019, 6, 1)


def test_excursion_refuses_a_2007_row_whose_multiple_is_not_shipped() -> None:
    # 二苯胺: the 2007 row has PC-TWA 10 but its 超限倍数 cell is empty in the only source (hunt-2 A14)
    with pytest.raises(AssessmentError) as e:
        oa.excursion([1.0], hazard="二苯胺", as_of=BEFORE_2019)
    assert e.value.rule == "assess.excursion_not_shipped"
    assert "超限倍数" in e.value.message("en")
    assert "二苯胺" in e.value.message("zh_CN")
    assert e.value.hint
    # 升汞: 超限倍数 3 is shipped, its PC-TWA is not (stored rounded in the source)
    with pytest.raises(AssessmentError) as e2:
        oa.excursion([1.0], hazard="7487-94-7", as_of=BEFORE_2019)
    assert e2.value.rule == "assess.excursion_not_shipped"
    assert "PC-TWA" in e2.value.message("en")
    # the caller may give the printed values
    given = oa.excursion([1.0], hazard="二苯胺", as_of=BEFORE_2019, multiple=2.0)
    assert given.limit is not None
    assert given.limit.value == 20.0


def test_excursion_of_2007_dusts_uses_the_fraction_and_the_silica_band() -> None:
    # 煤尘 (GBZ 2.1-2007 表2): 总尘 4, 呼尘 2.5, 超限倍数 2 (every 2007 dust has 2, hunt-2 SOURCES.md)
    total = oa.excursion([8.0], hazard="煤尘", as_of=BEFORE_2019)
    assert total.limit is not None
    assert (total.limit.value, total.limit.edition, total.verdict) == (8.0, "GBZ 2.1-2007", Verdict.COMPLIES)
    resp = oa.excursion([5.1], hazard="煤尘", as_of=BEFORE_2019, fraction="respirable")
    assert resp.limit is not None
    assert (resp.limit.value, resp.verdict) == (5.0, Verdict.EXCEEDS)
    silica = oa.excursion([1.0], hazard="矽尘", as_of=BEFORE_2019, sio2_percent=60.0)
    assert silica.limit is not None
    assert silica.limit.value == pytest.approx(1.4)  # 2 × 0.7 (50 % < SiO₂ ≤ 80 %, 总尘)
    with pytest.raises(AssessmentError) as e:
        oa.excursion([1.0], hazard="矽尘", as_of=BEFORE_2019)
    assert (e.value.rule, e.value.field) == ("assess.limit_missing", "sio2_percent")
    # a fraction without a PC-TWA in 表2 (茶尘 has no 呼尘 value) is not judged, as dust_twa does
    none = oa.excursion([1.0], hazard="茶尘", as_of=BEFORE_2019, fraction="respirable")
    assert none.verdict is Verdict.NOT_APPLICABLE


def test_excursion_helpers_are_the_rule() -> None:
    from ohsreg.assess.peak import ExcursionLimit, excursion_exceeds, excursion_limit

    lim = excursion_limit(hazard="苯胺", as_of=BEFORE_2019)
    assert isinstance(lim, ExcursionLimit)
    assert (lim.pc_twa, lim.multiple, lim.limit.value, lim.limit.kind) == (3.0, 2.5, 7.5, "2.5 × PC-TWA")
    assert not excursion_exceeds(7.5, lim.limit.value)  # at the limit complies
    assert excursion_exceeds(7.51, lim.limit.value)
    assert excursion_exceeds(1.0, lim.limit.value, 3.1, lim.pc_twa)  # C_TWA above PC-TWA
    assert not excursion_exceeds(float("nan"), lim.limit.value)
    assert not isinstance(excursion_limit(hazard="苯", as_of=BEFORE_2019), ExcursionLimit)  # has PC-STEL
