"""``TechnicalServiceAgency.check(as_of)`` and ``may_serve(subject, service, *, as_of)``: an agency's
conditions and its qualification for one service, under the regime in force on the date.

Rule codes ``agency.*`` (findings of ``check``, reasons of ``may_serve``; see the rule table), each citing
the order of the regime applied (:mod:`ohsreg.rules.agency`); the records are in :mod:`ohsreg.models.agency`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ohsreg.checks._finding import Findings
from ohsreg.errors import InvalidFormat
from ohsreg.models.agency import (
    AgencyStatus,
    Qualification,
    ServiceDecision,
    ServiceSubject,
    TechnicalServiceAgency,
)
from ohsreg.models.base import Finding
from ohsreg.rules._calendar import check_date
from ohsreg.rules.agency import (
    CLASS_C_LAPSE_DATE,
    AgencyRegime,
    GeoReach,
    TechnicalService,
    certificate_expiry,
    level_meets,
    reach_covers,
    regime_on,
    rules_for,
    service_field_for,
)
from ohsreg.vocab import QualificationLevel, Severity

__all__ = ["AgencyRule", "check_agency", "may_serve"]

AgencyRule = Literal[
    "agency.calibration_expired",
    "agency.class_c_lapsed",
    "agency.equipment_missing",
    "agency.field_out_of_scope",
    "agency.field_undetermined",
    "agency.lead_missing",
    "agency.lead_seniority",
    "agency.level_insufficient",
    "agency.level_not_applicable",
    "agency.no_valid_qualification",
    "agency.qualification_expired",
    "agency.qualified",
    "agency.region_out_of_reach",
    "agency.region_undetermined",
    "agency.service_out_of_scope",
    "agency.service_unregulated",
    "agency.staff_too_few",
    "agency.status_inactive",
    "agency.validity_unknown",
]
"""The rule codes of the agency checks (``TechnicalServiceAgency.check`` findings, ``may_serve`` reasons), as documented in the rule table; :data:`finding` accepts no other."""

finding = Findings[AgencyRule]()
"""Builds the findings of this module: :func:`ohsreg.models.finding` typed by :data:`AgencyRule`."""


def may_serve(
    agency: TechnicalServiceAgency,
    subject: ServiceSubject,
    service: TechnicalService | str,
    *,
    as_of: dt.date,
    required_level: QualificationLevel | str | None = None,
) -> ServiceDecision:
    """May ``agency`` provide ``service`` to ``subject`` on ``as_of``? See
    :meth:`ohsreg.models.agency.TechnicalServiceAgency.may_serve`."""
    check_date(as_of, "as_of")
    if not (hasattr(subject, "industry") and hasattr(subject, "region")):
        raise InvalidFormat(
            "{field_name} must be {expected}, not {type}",
            rule="rules.argument_type",
            field="subject",
            field_name="subject",
            expected="an object with industry and region",
            type=type(subject).__name__,
        )
    svc = TechnicalService.parse(service, field="service")
    required = (
        None if required_level is None else QualificationLevel.parse(required_level, field="required_level")
    )
    regime = regime_on(as_of)
    rules = rules_for(regime)
    reasons: list[Finding] = []
    if svc not in rules.services:
        reasons.append(
            finding(
                "agency.service_unregulated",
                Severity.INFO,
                rules.services_clause,
                "{service} is not a qualified service under {regime}: no qualification is required",
                service=svc.code,
                regime=regime.code,
                service_zh=svc.zh,
                regime_zh=regime.zh,
            )
        )
        return ServiceDecision(allowed=True, service=svc, as_of=as_of, regime=regime, reasons=tuple(reasons))
    reasons.extend(_status_findings(agency, as_of, rules.clause))
    qual = agency.qualification_on(as_of)
    if qual is None:
        reasons.append(_no_certificate(as_of, rules.clause))
        return ServiceDecision(allowed=False, service=svc, as_of=as_of, regime=regime, reasons=tuple(reasons))
    reasons.append(
        finding(
            "agency.qualified",
            Severity.INFO,
            rules_for(qual.regime).clause,
            "certificate {certificate} ({level}, {regime}) is valid on {as_of}",
            subject=qual.certificate_no,
            certificate=qual.certificate_no,
            level=qual.level.code,
            regime=qual.regime.code,
            as_of=as_of.isoformat(),
            level_zh=qual.level.zh,
            regime_zh=qual.regime.zh,
        )
    )
    reasons.extend(_scope_reasons(qual, svc, subject, rules.services_clause))
    reasons.extend(_level_reasons(qual, required, regime))
    reasons.extend(_reach_reasons(qual, subject, regime))
    allowed = not any(r.severity is Severity.ERROR for r in reasons)
    return ServiceDecision(
        allowed=allowed,
        service=svc,
        as_of=as_of,
        regime=regime,
        certificate_no=qual.certificate_no,
        reasons=tuple(reasons),
    )


def _scope_reasons(
    qual: Qualification, svc: TechnicalService, subject: ServiceSubject, clause: str
) -> list[Finding]:
    out: list[Finding] = []
    if svc not in qual.services:
        out.append(
            finding(
                "agency.service_out_of_scope",
                Severity.ERROR,
                clause,
                "certificate {certificate} does not cover {service}",
                subject=qual.certificate_no,
                certificate=qual.certificate_no,
                service=svc.code,
                service_zh=svc.zh,
            )
        )
    industry = subject.industry
    field = service_field_for(industry)
    if field is None or not qual.fields:
        out.append(
            finding(
                "agency.field_undetermined",
                Severity.WARNING,
                clause,
                "business-scope field of industry {industry} not determined: check the scope by hand",
                industry=str(industry),
            )
        )
    elif field not in qual.fields:
        out.append(
            finding(
                "agency.field_out_of_scope",
                Severity.ERROR,
                clause,
                "industry {industry} is in field {field}, outside the certificate's scope",
                industry=str(industry),
                field=field.code,
                field_zh=field.zh,
            )
        )
    return out


def _level_reasons(
    qual: Qualification, required: QualificationLevel | None, regime: AgencyRegime
) -> list[Finding]:
    if required is None:
        return []
    rules = rules_for(regime)
    if regime is AgencyRegime.NHC_2023:
        return [
            finding(
                "agency.level_not_applicable",
                Severity.INFO,
                rules.clause,
                "qualification levels were abolished by {regime}: the requirement {level} does not apply",
                regime=regime.code,
                level=required.code,
                regime_zh=regime.zh,
                level_zh=required.zh,
            )
        ]
    if not level_meets(qual.level, required):
        return [
            finding(
                "agency.level_insufficient",
                Severity.ERROR,
                rules.clause,
                "a {required} agency is required; certificate {certificate} is {level}",
                required=required.code,
                certificate=qual.certificate_no,
                level=qual.level.code,
                required_zh=required.zh,
                level_zh=qual.level.zh,
            )
        ]
    return []


def _reach_reasons(qual: Qualification, subject: ServiceSubject, regime: AgencyRegime) -> list[Finding]:
    # Reach follows the regime in force on the day of service: Order 11 Art. 6 lets every qualified
    # agency work nationwide, including holders of certificates issued before it.
    rules = rules_for(regime)
    reach = rules.reach.get(qual.level) or rules_for(qual.regime).reach[qual.level]
    if regime is AgencyRegime.NHC_2023:
        reach = GeoReach.NATIONWIDE
    covered = reach_covers(reach, qual.region, subject.region)
    clause = rules.clause if rules.reach_verified else f"{rules.clause}（地域范围未核实）"
    if covered is None:
        return [
            finding(
                "agency.region_undetermined",
                Severity.WARNING,
                clause,
                "region not recorded: cannot tell whether {region} is within the certificate's reach ({reach})",
                region=str(subject.region),
                reach=reach.code,
                reach_zh=reach.zh,
            )
        ]
    if not covered:
        return [
            finding(
                "agency.region_out_of_reach",
                Severity.ERROR,
                clause,
                "region {region} is outside the reach of certificate {certificate} ({reach}, granted in {grant})",
                region=str(subject.region),
                certificate=qual.certificate_no,
                reach=reach.code,
                reach_zh=reach.zh,
                grant=str(qual.region),
            )
        ]
    return []


def check_agency(agency: TechnicalServiceAgency, *, as_of: dt.date) -> list[Finding]:
    """Conditions of the regime in force on ``as_of``: status, validity, staff, leads, equipment
    (see :meth:`ohsreg.models.agency.TechnicalServiceAgency.check`)."""
    regime = regime_on(as_of)
    rules = rules_for(regime)
    out: list[Finding] = []
    out.extend(_status_findings(agency, as_of, rules.clause))
    out.extend(_validity_findings(agency, as_of, rules.clause))
    qual = agency.qualification_on(as_of)
    if rules.min_staff is not None and len(agency.staff) < rules.min_staff:
        out.append(
            finding(
                "agency.staff_too_few",
                Severity.ERROR,
                rules.staff_clause or rules.clause,
                "{count} professional technical staff; at least {minimum} are required",
                count=len(agency.staff),
                minimum=rules.min_staff,
            )
        )
    for rule in rules.leads:
        leads = [s for s in agency.staff if s.role is rule.role]
        if not leads:
            out.append(
                finding(
                    "agency.lead_missing",
                    Severity.ERROR,
                    rule.clause,
                    "no {role} is recorded",
                    role=rule.role.en,
                    role_zh=rule.role.zh,
                )
            )
            continue
        for lead in leads:
            ok = any(lead.title.rank >= t.rank and lead.years >= y for t, y in rule.alternatives)
            if not lead.full_time or not ok:
                need = " or ".join(f"{t.en} title + {y} years" for t, y in rule.alternatives)
                need_zh = "或".join(f"{t.zh}职称且{y}年以上" for t, y in rule.alternatives)
                out.append(
                    finding(
                        "agency.lead_seniority",
                        Severity.ERROR,
                        rule.clause,
                        "the {role} ({title}, {years} years, full-time: {full_time}) needs a full-time post and {need}",
                        subject=f"staff[{agency.staff.index(lead)}]",
                        role=rule.role.en,
                        role_zh=rule.role.zh,
                        title=lead.title.en,
                        title_zh=lead.title.zh,
                        years=lead.years,
                        full_time=lead.full_time,
                        need=need,
                        need_zh=need_zh,
                    )
                )
    if qual is not None:
        out.extend(_equipment_findings(agency, qual, as_of, rules.clause))
    return out


def _status_findings(agency: TechnicalServiceAgency, as_of: dt.date, clause: str) -> list[Finding]:
    status = agency.status_on(as_of)
    if status not in (AgencyStatus.SUSPENDED, AgencyStatus.REVOKED):
        return []
    return [
        finding(
            "agency.status_inactive",
            Severity.ERROR,
            clause,
            "the agency is {status} on {as_of}",
            status=status.code,
            as_of=as_of.isoformat(),
            status_zh=status.zh,
        )
    ]


def _validity_findings(agency: TechnicalServiceAgency, as_of: dt.date, clause: str) -> list[Finding]:
    out: list[Finding] = []
    if not agency.qualifications:
        return [_no_certificate(as_of, clause)]
    if agency.qualification_on(as_of) is None:
        latest = max(agency.qualifications, key=lambda q: q.valid_from)
        if latest.level is QualificationLevel.CLASS_C and as_of >= CLASS_C_LAPSE_DATE:
            out.append(
                finding(
                    "agency.class_c_lapsed",
                    Severity.ERROR,
                    rules_for(AgencyRegime.NHC_2021).clause,
                    "class C certificate {certificate} lapsed on {lapse} (class C was abolished)",
                    subject=latest.certificate_no,
                    certificate=latest.certificate_no,
                    lapse=CLASS_C_LAPSE_DATE.isoformat(),
                )
            )
        elif latest.valid_from > as_of:
            out.append(_no_certificate(as_of, clause))
        else:
            out.append(
                finding(
                    "agency.qualification_expired",
                    Severity.ERROR,
                    rules_for(latest.regime).clause,
                    "certificate {certificate} expired on {expiry}"
                    if latest.valid_until is not None
                    else "certificate {certificate} expired on {expiry} (end derived from the regime's term, unverified)",
                    subject=latest.certificate_no,
                    due=latest.expires_on,
                    certificate=latest.certificate_no,
                    expiry=str(latest.expires_on),
                )
            )
        return out
    qual = agency.qualification_on(as_of)
    assert qual is not None
    if qual.valid_until is None:
        derived = certificate_expiry(qual.regime, qual.valid_from)
        out.append(
            finding(
                "agency.validity_unknown",
                Severity.INFO,
                rules_for(qual.regime).clause,
                "certificate {certificate} has no recorded end date; the regime's term {term} is unverified",
                subject=qual.certificate_no,
                due=derived,
                certificate=qual.certificate_no,
                term=str(derived) if derived else "unknown",
            )
        )
    return out


def _equipment_findings(
    agency: TechnicalServiceAgency, qual: Qualification, as_of: dt.date, clause: str
) -> list[Finding]:
    out: list[Finding] = []
    for svc in qual.services:
        if not any(svc in item.services for item in agency.equipment):
            out.append(
                finding(
                    "agency.equipment_missing",
                    Severity.ERROR,
                    clause,
                    "no equipment is recorded for {service}, which the certificate covers",
                    service=svc.code,
                    service_zh=svc.zh,
                )
            )
    for index, item in enumerate(agency.equipment):
        if item.calibrated_until is not None and item.calibrated_until < as_of:
            out.append(
                finding(
                    "agency.calibration_expired",
                    Severity.WARNING,
                    clause,
                    "calibration of {name} ran out on {date}",
                    subject=f"equipment[{index}]",
                    due=item.calibrated_until,
                    name=item.name,
                    date=item.calibrated_until.isoformat(),
                )
            )
    return out


def _no_certificate(as_of: dt.date, clause: str) -> Finding:
    return finding(
        "agency.no_valid_qualification",
        Severity.ERROR,
        clause,
        "no qualification certificate is valid on {as_of}",
        as_of=as_of.isoformat(),
    )
