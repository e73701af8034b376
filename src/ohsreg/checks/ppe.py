"""``PPEUseSurvey.check(as_of)``: the PPE rules applied to each observed post.

==================================  =====================================================================
code                                provision
==================================  =====================================================================
``ppe.not_issued``                  职业病防治法（2018年修正）第二十二条 (the employer provides PPE;
                                    verified copy): exposed workers above the OEL (hazard ratio > 1) or
                                    above 85 dB(A) without a respirator / hearing protector issued
``ppe.protection_insufficient``     第二十二条 (PPE must meet the prevention requirements) with
                                    GB/T 18664-2002 4.2/表1 (APF not greater than the hazard ratio) or
                                    GB/T 23466-2009 (protected level L'A above 85 dB(A))
``ppe.not_worn``                    第三十四条 (workers use PPE correctly; 款号未核实): fewer workers
                                    wearing than exposed where PPE is needed
``ppe.apf_not_shipped``             INFO: the respirator's APF is not shipped, so it is not judged
``ppe.need_unknown``                INFO: no exposure measurement (or no limit) and nothing issued
==================================  =====================================================================

Noise is the catalogue's 噪声 (``P001``); the airborne categories (dust, chemical, biological) are judged by
hazard ratio. Other physical and radiological factors are not judged here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, Literal

import ohsreg.instruments as instruments
from ohsreg.checks._finding import Findings
from ohsreg.errors import OhsregError
from ohsreg.models.base import Finding
from ohsreg.rules._calendar import check_date
from ohsreg.rules._catalogue import hazard_name
from ohsreg.vocab import Severity, Verdict

if TYPE_CHECKING:
    from ohsreg.models.enterprise import Enterprise, ExposureRecord, JobPost
    from ohsreg.models.ppe import PPEObservation, PPEUseSurvey

__all__ = ["NOISE_KEY", "PPE_CLAUSE", "WEAR_CLAUSE", "PPERule", "check_posts", "check_survey"]

PPERule = Literal[
    "ppe.apf_not_shipped",
    "ppe.need_unknown",
    "ppe.not_issued",
    "ppe.not_worn",
    "ppe.protection_insufficient",
]
"""The rule codes of the PPE checks (``PPEUseSurvey.check``, and the posts of ``Enterprise.check``), as documented in the rule table; :data:`finding` accepts no other."""

finding = Findings[PPERule]()
"""Builds the findings of this module: :func:`ohsreg.models.finding` typed by :data:`PPERule`."""

PPE_CLAUSE = instruments.cite("OD law", "第二十二条", amendment="2018")
"""The employer provides PPE that meets the prevention requirements (verified copy of the article)."""
WEAR_CLAUSE = instruments.cite("OD law", "第三十四条", amendment="2018", note="款号未核实")
"""Workers use PPE correctly (the paragraph number is not verified)."""
_APF_TABLE = instruments.cite("GB/T 18664-2002", "表1")
NOISE_KEY = "P001"
"""Catalogue key of 噪声 (职业病危害因素分类目录 2015, 物理因素 row 1)."""
_AIRBORNE = ("DUST", "CHEMICAL", "BIOLOGICAL")
ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def check_survey(survey: PPEUseSurvey, *, as_of: dt.date) -> list[Finding]:
    """Every finding of ``survey`` on ``as_of``, observation by observation."""
    check_date(as_of, "as_of")
    out: list[Finding] = []
    limits: dict[str, Any] = {}  # hazard key -> its OEL on as_of (None: no limit), resolved once
    for i, obs in enumerate(survey.observations):
        subject = f"observations[{i}]"
        if obs.hazard == NOISE_KEY:
            out += _noise(obs, subject)
        elif _category(obs.hazard) in _AIRBORNE:
            out += _airborne(obs, subject, _oel(obs, as_of, limits))
    return out


def check_posts(ent: Enterprise, *, as_of: dt.date) -> list[Finding]:
    """The same rules on each post of ``ent`` that records its PPE (:attr:`JobPost.ppe`), for each of its
    hazards, from the post's latest exposure record on or before ``as_of``: the measured concentration
    (``result`` in mg/m³) or, without one, the record's verdict (``EXCEEDS``: PPE needed); for noise its
    ``lex_8h``. The protected level under hearing protectors needs L_C, which exposure records do not
    carry: it is judged in surveys (:class:`~ohsreg.models.PPEObservation`) only."""
    check_date(as_of, "as_of")
    out: list[Finding] = []
    limits: dict[str, Any] = {}
    for w, workplace in enumerate(ent.workplaces):
        for p, post in enumerate(workplace.posts):
            if post.ppe is None:
                continue
            for hazard in post.hazards:
                obs, hint = _post_observation(post, hazard, as_of)
                subject = f"workplaces[{w}].posts[{p}]"
                if hazard == NOISE_KEY:
                    out += _noise(obs, subject)
                elif _category(hazard) in _AIRBORNE:
                    out += _airborne(obs, subject, _oel(obs, as_of, limits), need_hint=hint)
    return out


_MG_M3 = re.compile(r"([0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\s*mg/m(?:³|3)\s*$")


def _post_observation(post: JobPost, hazard: str, as_of: dt.date) -> tuple[PPEObservation, bool | None]:
    """The post and hazard as an observation (latest exposure on or before ``as_of``), and whether the
    exposure record's verdict says PPE is needed when no concentration can be read from it."""
    from ohsreg.models.ppe import PPEObservation

    latest: ExposureRecord | None = max(
        (e for e in post.exposures if e.hazard == hazard and e.measured_on <= as_of),
        key=lambda e: e.measured_on,
        default=None,
    )
    concentration = l_a = None
    hint: bool | None = None
    if latest is not None:
        match = _MG_M3.search(latest.result or "")
        concentration = float(match.group(1)) if match else None
        l_a = None if latest.lex_8h is None else float(latest.lex_8h.value)
        if latest.verdict is Verdict.EXCEEDS:
            hint = True
        elif latest.verdict is Verdict.COMPLIES:
            hint = False
    assert post.ppe is not None
    obs = PPEObservation.model_construct(  # built from validated records: no second validation
        post_code=post.code,
        post_name=post.name,
        hazard=hazard,
        workers_exposed=post.workers,
        concentration=concentration,
        limit=None,
        l_a=l_a,
        l_c=None,
        respirators=post.ppe.respirators,
        hearing_protectors=post.ppe.hearing_protectors,
        workers_wearing=post.ppe.workers_wearing,
    )
    return obs, hint


def _oel(obs: PPEObservation, as_of: dt.date, cache: dict[str, Any]) -> Any:
    """The OEL of the observation: its own ``limit``, else the catalogue's on ``as_of`` (``None``: none)."""
    from ohsreg.assess.ppe import oel_for

    if obs.limit is not None:
        return obs.limit
    if obs.hazard not in cache:
        try:
            cache[obs.hazard] = oel_for(hazard=obs.hazard, as_of=as_of)
        except OhsregError:
            cache[obs.hazard] = None  # no limit in the catalogue for the date: the need is not known
    return cache[obs.hazard]


def _category(key: str) -> str | None:
    from ohsreg import catalogue

    factor = catalogue.hazards.get(key)
    return None if factor is None else factor.category.code


def _params(obs: PPEObservation) -> dict[str, Any]:
    return {"post": obs.post_code, "hazard": hazard_name(obs.hazard), "hazard_key": obs.hazard}


def _airborne(obs: PPEObservation, subject: str, oel: Any, *, need_hint: bool | None = None) -> list[Finding]:
    from ohsreg.assess import respirator_protection
    from ohsreg.assess.ppe import hazard_ratio

    params = _params(obs)
    ratio: float | None = None
    if obs.concentration is not None and oel is not None:
        ratio = hazard_ratio(obs.concentration, limit=oel)
    need = need_hint if ratio is None else ratio > 1
    out: list[Finding] = []
    issued = sum(r.workers for r in obs.respirators)
    out += _issue_findings(obs, subject, need, issued, "respirator", params)
    if ratio is not None:
        for j, resp in enumerate(obs.respirators):
            r = respirator_protection(
                obs.concentration,
                limit=oel,
                respirator_class=resp.respirator_class,
                facepiece=resp.facepiece,
                pressure=resp.pressure,
            )
            where = f"{subject}.respirators[{j}]"
            label = f"{resp.respirator_class.zh} {resp.facepiece.zh}"
            if r.verdict is Verdict.EXCEEDS and r.limit is not None:
                out.append(
                    finding(
                        "ppe.protection_insufficient",
                        ERROR,
                        f"{PPE_CLAUSE}; {r.clause}",
                        "the {respirator} issued on post {post} has APF {apf}, not above the hazard ratio {ratio} of {hazard}",
                        subject=where,
                        respirator=label,
                        apf=r.limit.value,
                        ratio=round(ratio, 3),
                        **params,
                    )
                )
            elif r.verdict is Verdict.INSUFFICIENT_DATA:
                out.append(
                    finding(
                        "ppe.apf_not_shipped",
                        INFO,
                        _APF_TABLE,
                        "the APF of the {respirator} issued on post {post} is not shipped; its protection is not judged",
                        subject=where,
                        respirator=label,
                        **params,
                    )
                )
    out += _wear_findings(obs, subject, need, bool(obs.respirators), params)
    return out


def _noise(obs: PPEObservation, subject: str) -> list[Finding]:
    from ohsreg.assess import hearing_protection

    params = _params(obs)
    need = None if obs.l_a is None else obs.l_a > 85.0
    out: list[Finding] = []
    issued = sum(p.workers for p in obs.hearing_protectors)
    out += _issue_findings(obs, subject, need, issued, "hearing protector", params)
    if obs.l_c is not None:
        for j, hp in enumerate(obs.hearing_protectors):
            if hp.h is not None and obs.l_a is not None:
                r = hearing_protection(l_a=obs.l_a, l_c=obs.l_c, h=hp.h, m=hp.m, l=hp.l)
            elif hp.snr is not None:
                r = hearing_protection(l_c=obs.l_c, snr=hp.snr)
            else:
                continue
            if r.verdict is Verdict.EXCEEDS and r.value is not None:
                out.append(
                    finding(
                        "ppe.protection_insufficient",
                        ERROR,
                        f"{PPE_CLAUSE}; {r.clause}",
                        "the {protector} issued on post {post} leaves L'A = {level} dB(A), above 85 dB(A)",
                        subject=f"{subject}.hearing_protectors[{j}]",
                        protector=hp.kind.zh,
                        level=round(r.value, 1),
                        **params,
                    )
                )
    out += _wear_findings(obs, subject, need, bool(obs.hearing_protectors), params)
    return out


_KIND_ZH = {"respirator": "呼吸防护用品", "hearing protector": "护听器"}


def _issue_findings(
    obs: PPEObservation, subject: str, need: bool | None, issued: int, kind: str, params: dict[str, Any]
) -> list[Finding]:
    if obs.workers_exposed == 0:
        return []
    if need and issued < obs.workers_exposed:
        return [
            finding(
                "ppe.not_issued",
                ERROR,
                PPE_CLAUSE,
                "{missing} of {exposed} workers exposed to {hazard} on post {post} have no {kind} issued",
                subject=subject,
                missing=obs.workers_exposed - issued,
                exposed=obs.workers_exposed,
                kind=kind,
                kind_zh=_KIND_ZH[kind],
                **params,
            )
        ]
    if need is None and issued == 0:
        return [
            finding(
                "ppe.need_unknown",
                INFO,
                PPE_CLAUSE,
                "no exposure measurement decides whether post {post} needs a {kind} against {hazard}, and none is issued",
                subject=subject,
                kind=kind,
                kind_zh=_KIND_ZH[kind],
                **params,
            )
        ]
    return []


def _wear_findings(
    obs: PPEObservation, subject: str, need: bool | None, issued: bool, params: dict[str, Any]
) -> list[Finding]:
    if not issued or need is False or obs.workers_wearing is None:
        return []
    if obs.workers_wearing >= obs.workers_exposed:
        return []
    return [
        finding(
            "ppe.not_worn",
            ERROR if need else WARNING,
            WEAR_CLAUSE,
            "{not_wearing} of {exposed} exposed workers on post {post} were not wearing the PPE issued against {hazard}",
            subject=subject,
            not_wearing=obs.workers_exposed - obs.workers_wearing,
            exposed=obs.workers_exposed,
            **params,
        )
    ]
