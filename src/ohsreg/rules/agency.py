"""Qualification regimes of occupational-health technical service agencies (职业卫生技术服务机构), by date.

Pure functions of plain values (dates, levels, codes): no models are imported here, so the rules are
testable alone and the models in :mod:`ohsreg.models.agency` only apply them.

Three regimes are modelled; :func:`regime_on` picks the one in force on a date:

=====================  ==========================  ===========  ==========================================
regime                 text                        in force     levels
=====================  ==========================  ===========  ==========================================
``SAWS_2012``          安监总局令第50号             2012-07-01   甲级 / 乙级 / 丙级
``NHC_2021``           国家卫生健康委令第4号        2021-02-01   甲级 / 乙级
``NHC_2023``           国家卫生健康委令第11号 修改  2023-12-01   one qualification, no levels
=====================  ==========================  ===========  ==========================================

Provenance and how sure each fact is (also carried per rule in :class:`RegimeRules`):

- 令第50号 《职业卫生技术服务机构监督管理暂行办法》: adopted 2012-03-06, promulgated 2012-04-27, **in force
  2012-07-01**; Art. 3 lists the services (预评价, 控制效果评价, 检测, 现状评价, 防护设备设施与防护用品效果评价).
  *Verified* on a public copy of the order (kxbgw.cn). The three levels 甲/乙/丙 granted by the national,
  provincial and prefecture-level work-safety authority and the **5-year certificate** were seen only in
  the 2015 SAWS revision draft, which keeps the structure of Order 50 (joqczl.com), and the SAWS 2012
  notice on 甲级/乙级 conditions: **unverified** for Order 50 itself. The geographic reach of each level
  (甲 nationwide, 乙 province, 丙 prefecture) is **unverified**.
- 国家卫生健康委令第4号 《职业卫生技术服务机构管理办法》: promulgated 2020-12-31, **in force 2021-02-01**
  (verified: provincial implementing notice 鲁卫职健字〔2021〕2号). Services: 检测, 现状评价, 防护设备设施与
  防护用品效果评价 — construction-project evaluation is no longer a qualified service (Art. 3, verified on
  a copy of the consolidated text). 甲级 granted by the NHC and valid nationwide, 乙级 by the province and
  valid within it (FACTS §7, the NHC service page; the NHC 甲级 procedure of 国卫办职健发〔2021〕2号 confirms
  the 甲级 tier). 丙级 certificates lapsed on 2021-02-01 (a municipal notice citing the NHC letter on the
  丙级 reform: secondary source). Staff minimum: **not verified** (the 2020 draft's 30/15 are not used).
- 国家卫生健康委令第11号 (adopted 2023-09-28, promulgated 2023-11-03, **in force 2023-12-01**), verified on
  a copy of the order: Art. 5 one qualification granted by the provincial health authority; Art. 6 valid
  nationwide; Art. 9(5) **≥ 15** professional technical staff; Art. 9(6) full-time technical lead with a
  senior title and ≥ 3 years of OH work or an intermediate title and ≥ 8 years, quality lead with a
  senior title and ≥ 3 years or an intermediate title and ≥ 5 years.
- Certificate validity under Orders 4 and 11: **not verified**; :func:`certificate_expiry` returns None.
- The six business-scope fields (技术服务领域) are from the national data-interface code table seen in
  public code (secondary); the mapping of GB/T 4754 industry codes onto them (:func:`service_field_for`)
  is this library's reading, **unverified**.

>>> import datetime as dt
>>> regime_on(dt.date(2022, 5, 1)).code
'NHC_2021'
>>> rules_for(regime_on(dt.date(2024, 1, 1))).min_staff
15
>>> lead_meets(LeadRole.TECHNICAL, ProfessionalTitle.INTERMEDIATE, 7, AgencyRegime.NHC_2023)
False
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import ohsreg.instruments as instruments
from ohsreg.errors import EditionError
from ohsreg.rules import Regime, chain, pick
from ohsreg.rules._calendar import period_last_day
from ohsreg.vocab import AdminLevel, LabeledEnum, QualificationLevel

__all__ = [
    "CLASS_C_LAPSE_DATE",
    "AgencyRegime",
    "GeoReach",
    "LeadRole",
    "LeadRule",
    "ProfessionalTitle",
    "RegimeRules",
    "ServiceField",
    "TechnicalService",
    "certificate_expiry",
    "editions",
    "in_force",
    "lead_meets",
    "level_meets",
    "level_rank",
    "reach_covers",
    "regime_on",
    "rules_for",
    "service_field_for",
]


class AgencyRegime(LabeledEnum):
    """The text that governed agency qualification on a date (see :func:`regime_on`)."""

    SAWS_2012 = (
        "SAWS_2012",
        "职业卫生技术服务机构监督管理暂行办法（安监总局令第50号）",
        "Interim Measures, SAWS Order No. 50 (2012)",
        ("安监总局令第50号", "50号令", "令第50号"),
    )
    NHC_2021 = (
        "NHC_2021",
        "职业卫生技术服务机构管理办法（国家卫生健康委令第4号）",
        "Measures, NHC Order No. 4 (2021)",
        ("国家卫生健康委令第4号", "卫健委令第4号", "令第4号"),
    )
    NHC_2023 = (
        "NHC_2023",
        "职业卫生技术服务机构管理办法（国家卫生健康委令第11号修改）",
        "Measures as amended by NHC Order No. 11 (2023)",
        ("国家卫生健康委令第11号", "卫健委令第11号", "令第11号"),
    )


class TechnicalService(LabeledEnum):
    """A technical service an agency offers (Art. 3 of Orders 50 and 4; labels are the articles' terms)."""

    DETECTION = ("DETECTION", "职业病危害因素检测", "hazard-factor detection", ("检测",))
    CURRENT_STATUS_EVALUATION = (
        "CURRENT_STATUS_EVALUATION",
        "职业病危害现状评价",
        "current-status evaluation",
        ("现状评价",),
    )
    PROTECTION_EFFECT_EVALUATION = (
        "PROTECTION_EFFECT_EVALUATION",
        "职业病防护设备设施与防护用品的效果评价",
        "effect evaluation of protective equipment, facilities and PPE",
        ("防护设备设施与防护用品效果评价", "效果评价"),
    )
    PRE_EVALUATION = ("PRE_EVALUATION", "职业病危害预评价", "pre-evaluation", ("预评价",))
    CONTROL_EFFECT_EVALUATION = (
        "CONTROL_EFFECT_EVALUATION",
        "职业病危害控制效果评价",
        "control-effect evaluation",
        ("控制效果评价",),
    )


class ServiceField(LabeledEnum):
    """Business-scope field (技术服务领域) an agency is qualified for.

    The six fields follow the code table of the national data interface (1–6) seen in public code: a
    secondary source, *unverified* against an official text.
    """

    MINING = ("MINING", "采矿业", "mining", ("1",))
    CHEMICAL = ("CHEMICAL", "化工、石化及医药", "chemical, petrochemical and pharmaceutical", ("2",))
    METALLURGY_BUILDING_MATERIALS = (
        "METALLURGY_BUILDING_MATERIALS",
        "冶金、建材",
        "metallurgy and building materials",
        ("3",),
    )
    MANUFACTURING_AND_OTHERS = (
        "MANUFACTURING_AND_OTHERS",
        "机械制造、电力、纺织、建筑和交通运输等行业领域",
        "machinery, power, textiles, construction, transport and other industries",
        ("4",),
    )
    NUCLEAR_FACILITIES = ("NUCLEAR_FACILITIES", "核设施", "nuclear facilities", ("5",))
    NUCLEAR_TECHNOLOGY = (
        "NUCLEAR_TECHNOLOGY",
        "核技术工业应用",
        "industrial applications of nuclear technology",
        ("6",),
    )


class ProfessionalTitle(LabeledEnum):
    """Professional title (专业技术职称) of staff and experts, ordered junior < intermediate < senior."""

    JUNIOR = ("JUNIOR", "初级", "junior", ("初级职称",))
    INTERMEDIATE = ("INTERMEDIATE", "中级", "intermediate", ("中级职称",))
    SENIOR = ("SENIOR", "高级", "senior", ("高级职称", "副高级", "正高级"))

    @property
    def rank(self) -> int:
        """0 for junior, 1 for intermediate, 2 for senior."""
        return _TITLE_RANK[self.code]


_TITLE_RANK = {"JUNIOR": 0, "INTERMEDIATE": 1, "SENIOR": 2}


class LeadRole(LabeledEnum):
    """The two leads whose seniority Order 11 regulates (Art. 9(6))."""

    TECHNICAL = ("TECHNICAL", "技术负责人", "technical lead")
    QUALITY = ("QUALITY", "质量控制负责人", "quality-control lead", ("质量负责人",))


class GeoReach(LabeledEnum):
    """Where a qualification lets an agency work."""

    NATIONWIDE = ("NATIONWIDE", "全国", "nationwide")
    PROVINCE = ("PROVINCE", "发证机关所在省", "the granting province")
    PREFECTURE = ("PREFECTURE", "发证机关所在设区的市", "the granting prefecture")


@dataclass(frozen=True, slots=True)
class LeadRule(instruments.CitesClause):
    """Seniority a lead needs: any one of ``(title, years)`` alternatives (title at least, years at least)."""

    role: LeadRole
    alternatives: tuple[tuple[ProfessionalTitle, int], ...]
    clause: str


@dataclass(frozen=True, slots=True)
class RegimeRules(instruments.CitesClause):
    """What one regime says, each item with its clause; ``None`` where the text was not verified."""

    regime: AgencyRegime
    in_force: dt.date
    clause: str
    """The order as a whole, e.g. ``国家卫生健康委令第4号《职业卫生技术服务机构管理办法》``."""
    levels: tuple[QualificationLevel, ...]
    grantor: dict[QualificationLevel, AdminLevel]
    """Administrative level of the authority that grants each level."""
    reach: dict[QualificationLevel, GeoReach]
    reach_verified: bool
    services: frozenset[TechnicalService]
    services_clause: str
    min_staff: int | None
    """Minimum professional technical staff; None where the number was not verified."""
    staff_clause: str | None
    leads: tuple[LeadRule, ...]
    validity_years: int | None
    """Certificate validity in years; None where not verified."""
    validity_verified: bool
    levels_verified: bool


_ORDER50, _ORDER4 = "SAWS Order 50", "NHC Order 4"  # ids in ohsreg.instruments (dates, citations)
CLASS_C_LAPSE_DATE = instruments.in_force_date(_ORDER4)
"""丙级 certificates stopped being valid with Order 4 (secondary source: a municipal notice citing the NHC
letter on the 丙级 reform; the certificates were to be exchanged for 乙级 by 2021-01-31)."""

_A, _B, _C, _U = (
    QualificationLevel.CLASS_A,
    QualificationLevel.CLASS_B,
    QualificationLevel.CLASS_C,
    QualificationLevel.UNLEVELLED,
)
_ALL_2012 = frozenset(TechnicalService)
_EMPLOYER_SERVICES = frozenset(
    {
        TechnicalService.DETECTION,
        TechnicalService.CURRENT_STATUS_EVALUATION,
        TechnicalService.PROTECTION_EFFECT_EVALUATION,
    }
)

# The documents, cited as everywhere in ohsreg (ohsreg.instruments): order number and title.
_DOC_50 = instruments.cite(_ORDER50)
_DOC_4 = instruments.cite(_ORDER4)
_DOC_11 = instruments.cite(_ORDER4, amendment="Order 11")


def _cite_11(article: str) -> str:
    return instruments.cite(_ORDER4, article, amendment="Order 11")


_RULES: dict[AgencyRegime, RegimeRules] = {
    AgencyRegime.SAWS_2012: RegimeRules(
        regime=AgencyRegime.SAWS_2012,
        in_force=instruments.in_force_date(_ORDER50),
        clause=_DOC_50,
        levels=(_A, _B, _C),
        grantor={_A: AdminLevel.NATIONAL, _B: AdminLevel.PROVINCIAL, _C: AdminLevel.MUNICIPAL},
        reach={_A: GeoReach.NATIONWIDE, _B: GeoReach.PROVINCE, _C: GeoReach.PREFECTURE},
        reach_verified=False,
        services=_ALL_2012,
        services_clause=instruments.cite(_ORDER50, "第三条"),
        min_staff=None,
        staff_clause=None,
        leads=(),
        validity_years=5,
        validity_verified=False,
        levels_verified=False,
    ),
    AgencyRegime.NHC_2021: RegimeRules(
        regime=AgencyRegime.NHC_2021,
        in_force=instruments.in_force_date(_ORDER4),
        clause=_DOC_4,
        levels=(_A, _B),
        grantor={_A: AdminLevel.NATIONAL, _B: AdminLevel.PROVINCIAL},
        reach={_A: GeoReach.NATIONWIDE, _B: GeoReach.PROVINCE},
        reach_verified=True,
        services=_EMPLOYER_SERVICES,
        services_clause=instruments.cite(_ORDER4, "第三条"),
        min_staff=None,
        staff_clause=None,
        leads=(),
        validity_years=None,
        validity_verified=False,
        levels_verified=True,
    ),
    AgencyRegime.NHC_2023: RegimeRules(
        regime=AgencyRegime.NHC_2023,
        in_force=instruments.lookup(_ORDER4).amendment("Order 11").first_day,
        clause=_DOC_11,
        levels=(_U,),
        grantor={_U: AdminLevel.PROVINCIAL},
        reach={_U: GeoReach.NATIONWIDE},
        reach_verified=True,
        services=_EMPLOYER_SERVICES,
        services_clause=_cite_11("第三条"),
        min_staff=15,
        staff_clause=_cite_11("第九条第（五）项"),
        leads=(
            LeadRule(
                LeadRole.TECHNICAL,
                ((ProfessionalTitle.SENIOR, 3), (ProfessionalTitle.INTERMEDIATE, 8)),
                _cite_11("第九条第（六）项"),
            ),
            LeadRule(
                LeadRole.QUALITY,
                ((ProfessionalTitle.SENIOR, 3), (ProfessionalTitle.INTERMEDIATE, 5)),
                _cite_11("第九条第（六）项"),
            ),
        ),
        validity_years=None,
        validity_verified=False,
        levels_verified=True,
    ),
}

_EDITIONS: tuple[Regime[AgencyRegime], ...] = chain(
    [
        (AgencyRegime.SAWS_2012, instruments.clause(_ORDER50)),
        (AgencyRegime.NHC_2021, instruments.clause(_ORDER4)),
        (AgencyRegime.NHC_2023, instruments.clause(_ORDER4, amendment="Order 11")),
    ]
)


def editions() -> tuple[Regime[AgencyRegime], ...]:
    """The three regimes, oldest first (``value``: the :class:`AgencyRegime`; :func:`rules_for` its rules).

    >>> [r.name for r in editions()]
    ['SAWS Order 50', 'NHC Order 4', 'NHC Order 4+Order 11']
    """
    return _EDITIONS


def in_force(as_of: dt.date) -> Regime[AgencyRegime] | None:
    """The regime in force on ``as_of`` (``None`` before Order 50); :func:`regime_on` is its ``value``.

    >>> r = in_force(dt.date(2024, 1, 1))
    >>> r.value.code, r.clause
    ('NHC_2023', '国家卫生健康委令第11号修改后的《职业卫生技术服务机构管理办法》')
    """
    return pick(_EDITIONS, as_of)


def regime_on(as_of: dt.date) -> AgencyRegime:
    """The regime in force on ``as_of`` (the ``value`` of :func:`in_force`);
    :class:`~ohsreg.errors.EditionError` before 2012-07-01.

    >>> regime_on(dt.date(2023, 11, 30)).code, regime_on(dt.date(2023, 12, 1)).code
    ('NHC_2021', 'NHC_2023')
    """
    found = in_force(as_of)
    if found is not None:
        return found.value
    raise EditionError(
        "no agency qualification regime is modelled for {as_of}",
        rule="agency.regime_unknown",
        field="as_of",
        hint="the earliest modelled regime is Order 50, in force {since}",
        as_of=as_of.isoformat(),
        since=instruments.in_force_date(_ORDER50).isoformat(),
    )


def rules_for(regime: AgencyRegime) -> RegimeRules:
    """The rules of ``regime``."""
    return _RULES[regime]


def level_rank(level: QualificationLevel) -> int:
    """甲 = 3, 乙 = 2, 丙 = 1; the unlevelled qualification of Order 11 ranks as 3 (it has no lower tier)."""
    return {"CLASS_A": 3, "CLASS_B": 2, "CLASS_C": 1, "UNLEVELLED": 3}[level.code]


def level_meets(held: QualificationLevel, required: QualificationLevel) -> bool:
    """Whether a held level satisfies a required one (甲 satisfies 乙 and 丙).

    >>> level_meets(QualificationLevel.CLASS_B, QualificationLevel.CLASS_A)
    False
    """
    return level_rank(held) >= level_rank(required)


def lead_meets(role: LeadRole, title: ProfessionalTitle, years: int, regime: AgencyRegime) -> bool | None:
    """Whether a lead with ``title`` and ``years`` of OH work meets ``regime`` (the article is each
    :class:`LeadRule`'s ``clause``, e.g. 第九条第（六）项 of the 2023 text); None if it sets no rule."""
    for rule in _RULES[regime].leads:
        if rule.role is role:
            return any(title.rank >= t.rank and years >= y for t, y in rule.alternatives)
    return None


def certificate_expiry(regime: AgencyRegime, valid_from: dt.date) -> dt.date | None:
    """The expiry a certificate of ``regime`` issued on ``valid_from`` would have, if the term is known.

    Only Order 50's five years is known, and it is *unverified* (seen in the 2015 revision draft only).
    The term is counted as the Civil Code counts periods in years (民法典第二百零一条、第二百零二条,
    verified on several copies of the text): the day of issue is not counted and the last valid day is
    the same day of the month in the final year, or the month's last day when there is none (a
    certificate of 29 February ends on 28 February of a common year). The holiday extension of
    第二百零三条 is not applied; a ``valid_until`` printed on the certificate prevails (第二百零四条).

    >>> certificate_expiry(AgencyRegime.SAWS_2012, dt.date(2016, 3, 1))
    datetime.date(2021, 3, 1)
    >>> certificate_expiry(AgencyRegime.SAWS_2012, dt.date(2016, 2, 29))
    datetime.date(2021, 2, 28)
    >>> certificate_expiry(AgencyRegime.NHC_2023, dt.date(2024, 3, 1)) is None
    True
    """
    years = _RULES[regime].validity_years
    if years is None:
        return None
    return period_last_day(valid_from, years=years)


def reach_covers(reach: GeoReach, grant_region: str | None, subject_region: str | None) -> bool | None:
    """Whether a qualification of ``reach`` granted in ``grant_region`` covers ``subject_region``.

    Regions are GB/T 2260 codes (province = first 2 digits, prefecture = first 4). None when a region
    needed for the comparison is missing.

    >>> reach_covers(GeoReach.PROVINCE, "330000", "330102"), reach_covers(GeoReach.PROVINCE, "330000", "320102")
    (True, False)
    """
    if reach is GeoReach.NATIONWIDE:
        return True
    if not grant_region or not subject_region:
        return None
    digits = 2 if reach is GeoReach.PROVINCE else 4
    return grant_region[:digits] == subject_region[:digits]


def service_field_for(industry: str | None) -> ServiceField | None:
    """The business-scope field an industry (GB/T 4754-2017 code such as ``C2614``) falls in, if any.

    This mapping is the library's reading of the field names, **unverified**: 采矿业 = section B;
    化工、石化及医药 = divisions 25–29 (nuclear fuel 2530 excepted); 冶金、建材 = 30–32; 核设施 = 2530 and
    4414 (nuclear power); 核技术工业应用 = 4120 (irradiation processing); other manufacturing, power
    (D), construction (E) and transport (G 53–60) fall in field 4. Other sections give None.

    >>> service_field_for("C2614").code, service_field_for("D4414").code, service_field_for("Q8411")
    ('CHEMICAL', 'NUCLEAR_FACILITIES', None)
    """
    if not industry:
        return None
    code = industry.strip().upper()
    section, digits = code[:1], code[1:]
    if section != "B" and not digits:
        return None  # a section alone (e.g. ``C``) spans several fields
    if digits.startswith(("2530", "4414")):
        return ServiceField.NUCLEAR_FACILITIES
    if digits.startswith("4120"):
        return ServiceField.NUCLEAR_TECHNOLOGY
    if section == "B":
        return ServiceField.MINING
    division = digits[:2]
    if section == "C" and division in {"25", "26", "27", "28", "29"}:
        return ServiceField.CHEMICAL
    if section == "C" and division in {"30", "31", "32"}:
        return ServiceField.METALLURGY_BUILDING_MATERIALS
    if section in {"C", "D", "E"}:
        return ServiceField.MANUFACTURING_AND_OTHERS
    if section == "G" and division in {"53", "54", "55", "56", "57", "58", "59", "60"}:
        return ServiceField.MANUFACTURING_AND_OTHERS
    return None
