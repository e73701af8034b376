"""Regime rules by date: the switch dates, levels, leads, reach, validity, industry fields."""

from __future__ import annotations

import datetime as dt

import pytest

from ohsreg.errors import EditionError
from ohsreg.rules.agency import (
    AgencyRegime,
    GeoReach,
    LeadRole,
    ProfessionalTitle,
    ServiceField,
    TechnicalService,
    certificate_expiry,
    lead_meets,
    level_meets,
    reach_covers,
    regime_on,
    rules_for,
    service_field_for,
)
from ohsreg.vocab import AdminLevel, QualificationLevel

D = dt.date


@pytest.mark.parametrize(
    ("day", "regime"),
    [
        (D(2012, 7, 1), AgencyRegime.SAWS_2012),
        (D(2021, 1, 31), AgencyRegime.SAWS_2012),
        (D(2021, 2, 1), AgencyRegime.NHC_2021),
        (D(2023, 11, 30), AgencyRegime.NHC_2021),
        (D(2023, 12, 1), AgencyRegime.NHC_2023),
        (D(2030, 1, 1), AgencyRegime.NHC_2023),
    ],
)
def test_regime_switches_on_its_date(day: dt.date, regime: AgencyRegime) -> None:
    assert regime_on(day) is regime


def test_before_2012_is_an_edition_error() -> None:
    with pytest.raises(EditionError) as info:
        regime_on(D(2012, 6, 30))
    assert info.value.rule == "agency.regime_unknown"
    assert "2012-06-30" in info.value.message("zh_CN")


def test_levels_and_grantors_per_regime() -> None:
    a, b, c, u = (
        QualificationLevel.CLASS_A,
        QualificationLevel.CLASS_B,
        QualificationLevel.CLASS_C,
        QualificationLevel.UNLEVELLED,
    )
    assert rules_for(AgencyRegime.SAWS_2012).levels == (a, b, c)
    assert rules_for(AgencyRegime.SAWS_2012).grantor[c] is AdminLevel.MUNICIPAL
    assert rules_for(AgencyRegime.NHC_2021).levels == (a, b)
    assert rules_for(AgencyRegime.NHC_2021).grantor[a] is AdminLevel.NATIONAL
    assert rules_for(AgencyRegime.NHC_2023).levels == (u,)
    assert rules_for(AgencyRegime.NHC_2023).grantor[u] is AdminLevel.PROVINCIAL
    assert rules_for(AgencyRegime.NHC_2023).reach[u] is GeoReach.NATIONWIDE


def test_services_per_regime() -> None:
    assert TechnicalService.PRE_EVALUATION in rules_for(AgencyRegime.SAWS_2012).services
    for regime in (AgencyRegime.NHC_2021, AgencyRegime.NHC_2023):
        services = rules_for(regime).services
        assert TechnicalService.PRE_EVALUATION not in services
        assert TechnicalService.DETECTION in services


def test_staff_minimum_only_where_verified() -> None:
    assert rules_for(AgencyRegime.NHC_2023).min_staff == 15
    assert rules_for(AgencyRegime.NHC_2021).min_staff is None
    assert rules_for(AgencyRegime.SAWS_2012).min_staff is None


@pytest.mark.parametrize(
    ("role", "title", "years", "ok"),
    [
        (LeadRole.TECHNICAL, ProfessionalTitle.SENIOR, 3, True),
        (LeadRole.TECHNICAL, ProfessionalTitle.SENIOR, 2, False),
        (LeadRole.TECHNICAL, ProfessionalTitle.INTERMEDIATE, 8, True),
        (LeadRole.TECHNICAL, ProfessionalTitle.INTERMEDIATE, 7, False),
        (LeadRole.QUALITY, ProfessionalTitle.INTERMEDIATE, 5, True),
        (LeadRole.QUALITY, ProfessionalTitle.INTERMEDIATE, 4, False),
        (LeadRole.QUALITY, ProfessionalTitle.JUNIOR, 30, False),
    ],
)
def test_lead_seniority_order_11(role: LeadRole, title: ProfessionalTitle, years: int, ok: bool) -> None:
    assert lead_meets(role, title, years, AgencyRegime.NHC_2023) is ok
    assert lead_meets(role, title, years, AgencyRegime.NHC_2021) is None  # no rule before Order 11


def test_level_order() -> None:
    assert level_meets(QualificationLevel.CLASS_A, QualificationLevel.CLASS_C)
    assert not level_meets(QualificationLevel.CLASS_C, QualificationLevel.CLASS_B)


def test_reach() -> None:
    assert reach_covers(GeoReach.NATIONWIDE, None, None) is True
    assert reach_covers(GeoReach.PREFECTURE, "330100", "330106") is True
    assert reach_covers(GeoReach.PREFECTURE, "330100", "330206") is False
    assert reach_covers(GeoReach.PROVINCE, "330000", None) is None


def test_certificate_expiry() -> None:
    assert certificate_expiry(AgencyRegime.SAWS_2012, D(2016, 2, 29)) == D(2021, 2, 28)
    # 民法典第二百零一条、第二百零二条: the corresponding day of the final year, else the month's last day
    assert certificate_expiry(AgencyRegime.SAWS_2012, D(2016, 3, 1)) == D(2021, 3, 1)
    assert certificate_expiry(AgencyRegime.SAWS_2012, D(2019, 2, 28)) == D(2024, 2, 28)
    assert certificate_expiry(AgencyRegime.SAWS_2012, D(2019, 3, 1)) == D(2024, 3, 1)
    assert certificate_expiry(AgencyRegime.NHC_2021, D(2021, 6, 1)) is None
    assert not rules_for(AgencyRegime.SAWS_2012).validity_verified


@pytest.mark.parametrize(
    ("industry", "field"),
    [
        ("B0610", ServiceField.MINING),
        ("B", ServiceField.MINING),
        ("C2614", ServiceField.CHEMICAL),
        ("C2530", ServiceField.NUCLEAR_FACILITIES),
        ("D4414", ServiceField.NUCLEAR_FACILITIES),
        ("C4120", ServiceField.NUCLEAR_TECHNOLOGY),
        ("C3110", ServiceField.METALLURGY_BUILDING_MATERIALS),
        ("C3411", ServiceField.MANUFACTURING_AND_OTHERS),
        ("E4710", ServiceField.MANUFACTURING_AND_OTHERS),
        ("G5411", ServiceField.MANUFACTURING_AND_OTHERS),
        ("C", None),
        ("Q8411", None),
        (None, None),
    ],
)
def test_service_field_for(industry: str | None, field: ServiceField | None) -> None:
    assert service_field_for(industry) is field
