"""Occupational-health technical service agencies (职业卫生技术服务机构), their staff and qualifications.

An agency holds one or more :class:`Qualification` certificates, each issued under the regime in force
on its first day (:mod:`ohsreg.rules.agency`: Order 50 of 2012, Order 4 of 2021, Order 11 of 2023).
Two questions are answered against the regime in force on the date asked:

- :meth:`TechnicalServiceAgency.may_serve` — may this agency provide this service to this employer or
  project? A :class:`ServiceDecision`: ``allowed`` plus the reasons as findings with clauses.
- :meth:`TechnicalServiceAgency.check` — does the agency meet the conditions (staff, leads, validity,
  equipment for its scope)? A list of findings.

Staff names and phone numbers are masked in every export (:data:`~ohsreg.models.base.PersonName`).

>>> import datetime as dt
>>> agency = TechnicalServiceAgency(
...     uscc="91330100MA2H0X0X17", name="示例职业卫生检测有限公司", region="330100",
...     qualifications=[Qualification(certificate_no="(浙)卫职技字(2024)第01号", level="UNLEVELLED",
...         granted_by="浙江省卫生健康委员会", region="330000", services=["DETECTION"],
...         fields=["CHEMICAL"], valid_from=dt.date(2024, 3, 1))],
... )
>>> agency.qualifications[0].regime.code
'NHC_2023'

>>> class Plant:
...     industry = "C2614"
...     region = "320500"
>>> decision = agency.may_serve(Plant(), "DETECTION", as_of=dt.date(2024, 6, 1))
>>> decision.allowed
True
>>> agency.may_serve(Plant(), "CURRENT_STATUS_EVALUATION", as_of=dt.date(2024, 6, 1)).allowed
False
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any, Protocol

from pydantic import Field, field_validator, model_validator

from ohsreg.errors import OhsregError, to_pydantic_error
from ohsreg.identifiers import USCC, DivisionCode
from ohsreg.models.base import Finding, PersonName, Phone, Record, Text, require_order, rule_error
from ohsreg.rules._calendar import check_date
from ohsreg.rules.agency import (
    CLASS_C_LAPSE_DATE,
    AgencyRegime,
    GeoReach,
    LeadRole,
    ProfessionalTitle,
    ServiceField,
    TechnicalService,
    certificate_expiry,
    regime_on,
    rules_for,
)
from ohsreg.vocab import LabeledEnum, QualificationLevel

__all__ = [
    "AgencyStatus",
    "Equipment",
    "ProfessionalStaff",
    "Qualification",
    "ServiceDecision",
    "ServiceSubject",
    "StatusChange",
    "TechnicalServiceAgency",
]


class ServiceSubject(Protocol):
    """What :meth:`TechnicalServiceAgency.may_serve` needs to know about an employer or a project.

    Any object with these two read-only attributes fits (an enterprise record, a construction project,
    a dataclass): ``industry`` is a GB/T 4754 code such as ``C2614`` (decides the business-scope field),
    ``region`` a GB/T 2260 division code (decides the geographic reach). A project's risk class is not
    asked for: no verified rule ties the agency's level to it (pass ``required_level`` where a rule
    does).
    """

    @property
    def industry(self) -> str | None: ...

    @property
    def region(self) -> str | None: ...


class AgencyStatus(LabeledEnum):
    """Administrative status of an agency (labels: common usage, *unverified*)."""

    VALID = ("VALID", "有效", "valid")
    SUSPENDED = ("SUSPENDED", "暂停", "suspended", ("暂停执业",))
    REVOKED = ("REVOKED", "撤销", "revoked", ("吊销", "注销"))
    EXPIRED = ("EXPIRED", "过期", "expired", ("失效",))


class StatusChange(Record):
    """One entry of an agency's status history: from ``on``, the status is ``status``."""

    on: dt.date
    status: AgencyStatus
    note: str | None = None
    """Decision number or reason, e.g. ``浙卫职健罚〔2025〕3号``."""


class ProfessionalStaff(Record):
    """A professional technical staff member (专业技术人员); name and phone are masked on export.

    ``years`` counts years of occupational-health work (the unit Order 11 Art. 9(6) uses for leads).
    """

    name: PersonName
    phone: Phone | None = None
    title: ProfessionalTitle
    speciality: Text
    years: int = Field(ge=0, le=70)
    certificates: tuple[str, ...] = ()
    """Certificates held (training or competence certificates), as their numbers or names."""
    full_time: bool = True
    role: LeadRole | None = None
    """Set for the technical lead and the quality-control lead."""


class Equipment(Record):
    """An instrument or laboratory facility and the services it is used for."""

    name: Text
    services: tuple[TechnicalService, ...] = Field(min_length=1)
    calibrated_until: dt.date | None = None
    """End of the current calibration or verification (检定/校准) period, when recorded."""


class Qualification(Record):
    """One qualification certificate (资质证书) of an agency.

    ``regime`` is filled from ``valid_from`` when omitted (the regime in force on the first valid day);
    the level and the services must exist in that regime. ``region`` is the division of the granting
    authority (None for the national one); it decides the geographic reach of provincial and prefecture
    certificates.
    """

    certificate_no: Text
    regime: AgencyRegime
    level: QualificationLevel
    granted_by: str | None = None
    """Name of the granting authority, e.g. ``浙江省卫生健康委员会``."""
    region: DivisionCode | None = None
    """行政区划代码 (GB/T 2260) of the granting authority; None for a national certificate."""
    services: tuple[TechnicalService, ...] = Field(min_length=1)
    fields: tuple[ServiceField, ...] = ()
    """Business-scope fields (技术服务领域) the certificate covers; empty means not recorded."""
    valid_from: dt.date
    valid_until: dt.date | None = None
    """Last valid day as printed on the certificate; None if not recorded."""

    @model_validator(mode="before")
    @classmethod
    def _fill_regime(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("regime") is None and data.get("valid_from") is not None:
            start = data["valid_from"]
            if isinstance(start, str):
                try:
                    start = dt.date.fromisoformat(start)
                except ValueError:
                    return data  # the field validator reports the bad date
            if isinstance(start, dt.date):
                try:
                    data = {**data, "regime": regime_on(start)}
                except OhsregError as err:
                    raise to_pydantic_error(err) from None
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Qualification:
        rules = rules_for(self.regime)
        if self.valid_from < rules.in_force or regime_on(self.valid_from) is not self.regime:
            raise rule_error(
                "a certificate valid from {valid_from} was not issued under {regime} (in force {in_force})",
                rule="agency.regime_mismatch",
                field="regime",
                hint="omit regime to take the one in force on valid_from",
                valid_from=self.valid_from.isoformat(),
                regime=self.regime.code,
                in_force=rules.in_force.isoformat(),
            )
        if self.level not in rules.levels:
            raise rule_error(
                "level {level} does not exist under {regime} (levels: {levels})",
                rule="agency.level_regime",
                field="level",
                level=self.level.code,
                regime=self.regime.code,
                levels=", ".join(level.code for level in rules.levels),
            )
        extra = [s.code for s in self.services if s not in rules.services]
        if extra:
            raise rule_error(
                "services {services} are not qualified services under {regime} ({clause})",
                rule="agency.service_regime",
                field="services",
                services=", ".join(extra),
                regime=self.regime.code,
                clause=rules.services_clause,
            )
        require_order(
            ("valid_from", self.valid_from),
            ("valid_until", self.valid_until),
            "valid_until {valid_until} is before valid_from {valid_from}",
            rule="agency.validity_order",
            field="valid_until",
        )
        if rules.reach[self.level] is not GeoReach.NATIONWIDE and self.region is None:
            raise rule_error(
                "a {level} certificate is valid only in the granting region: give region",
                rule="agency.grant_region_missing",
                field="region",
                level=self.level.code,
            )
        return self

    @property
    def expires_on(self) -> dt.date | None:
        """The last valid day: ``valid_until``, else the regime's term if known (Order 50: 5 years, unverified),
        counted by :func:`~ohsreg.rules.agency.certificate_expiry` (民法典第二百零一条、第二百零二条)."""
        if self.valid_until is not None:
            return self.valid_until
        return certificate_expiry(self.regime, self.valid_from)

    def valid_on(self, as_of: dt.date) -> bool:
        """Whether the certificate is in its validity period on ``as_of`` (丙级 lapsed on 2021-02-01)."""
        if as_of < self.valid_from:
            return False
        if self.level is QualificationLevel.CLASS_C and as_of >= CLASS_C_LAPSE_DATE:
            return False
        end = self.expires_on
        return end is None or as_of <= end

    def _end_for_overlap(self) -> dt.date:
        end = self.expires_on
        if self.level is QualificationLevel.CLASS_C:
            lapse = CLASS_C_LAPSE_DATE - dt.timedelta(days=1)
            end = lapse if end is None else min(end, lapse)
        return end or dt.date.max


class ServiceDecision(Record):
    """The answer of :meth:`TechnicalServiceAgency.may_serve`: allowed or not, and why.

    ``reasons`` are findings: ``ERROR`` ones make the answer ``allowed=False``; ``WARNING`` ones say
    what could not be decided from the data; ``INFO`` ones record what was checked and passed.
    """

    allowed: bool
    service: TechnicalService
    as_of: dt.date
    regime: AgencyRegime
    """The regime in force on ``as_of`` (whose rules were applied)."""
    certificate_no: str | None = None
    """The certificate relied on, if one was valid."""
    reasons: tuple[Finding, ...] = ()

    def explain(self, locale: str | None = None) -> str:
        """The reasons, one per line, in ``locale``."""
        return "\n".join(f"[{r.severity.code}] {r.message(locale)} ({r.clause})" for r in self.reasons)


class TechnicalServiceAgency(Record):
    """An occupational-health technical service agency (职业卫生技术服务机构).

    Qualification periods must not overlap (end the old certificate with ``valid_until`` when a new one
    is granted); the status history must be in date order.
    """

    uscc: USCC
    """统一社会信用代码 (USCC, GB 32100-2015) of the agency."""
    name: Text
    """The agency's registered name."""
    region: DivisionCode
    """Where the agency is registered."""
    address: str | None = None
    """The address of the agency, as registered."""
    qualifications: tuple[Qualification, ...] = ()
    """Qualification certificates (资质); their validity periods must not overlap."""
    staff: tuple[ProfessionalStaff, ...] = ()
    """Professional technical staff (专业技术人员); personal data, masked on export."""
    laboratories: tuple[str, ...] = ()
    """Laboratories (names or accreditation numbers)."""
    equipment: tuple[Equipment, ...] = ()
    """Instruments and laboratory facilities, and the services each is used for."""
    status_history: tuple[StatusChange, ...] = ()
    """Status changes of the agency in date order: from each ``on``, the status is ``status``."""

    @field_validator("qualifications")
    @classmethod
    def _no_overlap(cls, value: tuple[Qualification, ...]) -> tuple[Qualification, ...]:
        ordered = sorted(value, key=lambda q: q.valid_from)
        for earlier, later in itertools.pairwise(ordered):
            if later.valid_from <= earlier._end_for_overlap():
                raise rule_error(
                    "certificates {first} and {second} have overlapping validity periods",
                    rule="agency.qualification_overlap",
                    field="qualifications",
                    hint="set valid_until of the earlier certificate to the day before the later one starts",
                    first=earlier.certificate_no,
                    second=later.certificate_no,
                )
        return value

    @field_validator("status_history")
    @classmethod
    def _history_in_order(cls, value: tuple[StatusChange, ...]) -> tuple[StatusChange, ...]:
        for earlier, later in itertools.pairwise(value):
            require_order(
                ("earlier", earlier.on),
                ("later", later.on),
                "status history is not in date order ({later} after {earlier})",
                rule="agency.history_order",
                field="status_history",
            )
        return value

    # -- queries -------------------------------------------------------------------------------------

    def qualification_on(self, as_of: dt.date) -> Qualification | None:
        """The certificate valid on ``as_of``, if any."""
        check_date(as_of, "as_of")
        for q in self.qualifications:
            if q.valid_on(as_of):
                return q
        return None

    def status_on(self, as_of: dt.date) -> AgencyStatus:
        """Status on ``as_of``: a suspension or revocation in force, else valid/expired by the certificates."""
        check_date(as_of, "as_of")
        recorded: AgencyStatus | None = None
        for change in self.status_history:
            if change.on <= as_of:
                recorded = change.status
        if recorded in (AgencyStatus.SUSPENDED, AgencyStatus.REVOKED):
            return recorded
        return AgencyStatus.VALID if self.qualification_on(as_of) else AgencyStatus.EXPIRED

    # -- rules ---------------------------------------------------------------------------------------

    def may_serve(
        self,
        subject: ServiceSubject,
        service: TechnicalService | str,
        *,
        as_of: dt.date,
        required_level: QualificationLevel | str | None = None,
    ) -> ServiceDecision:
        """May this agency provide ``service`` to ``subject`` on ``as_of``, under the regime then in force?

        Checks, each giving a reason: whether the service needs a qualification at all under the regime
        (construction-project evaluations do not since Order 4), the agency's status, a valid
        certificate, the service in the certificate, the subject's industry in the business-scope fields,
        ``required_level`` (pass it when the employer must use e.g. a 甲级 agency: the list of such
        employers is not encoded, it is unverified), and the certificate's geographic reach.
        """
        # The checks layer sits above the records: imported when called, so models never import it at load.
        from ohsreg.checks.agency import may_serve

        return may_serve(self, subject, service, as_of=as_of, required_level=required_level)

    def check(self, as_of: dt.date) -> list[Finding]:
        """Conditions of the regime in force on ``as_of``: status, validity, staff, leads, equipment."""
        # The checks layer sits above the records: imported when called, so models never import it at load.
        from ohsreg.checks.agency import check_agency

        return check_agency(self, as_of=as_of)
