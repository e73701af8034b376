"""Personal protective equipment (个体防护用品) issued per post, and surveys of its use.

Records: :class:`RespiratorIssue` and :class:`HearingProtectorIssue` (what was issued on a post, to how
many workers), :class:`PostPPE` (the PPE of an enterprise's post, :attr:`~ohsreg.models.JobPost.ppe`:
``Enterprise.check`` then applies the same rules to the post's latest exposures), :class:`PPEObservation` (one post and hazard as a survey saw it: exposure, what was issued,
how many wore it) and :class:`PPEUseSurvey` (the survey of one employer: the national work plan's survey
of PPE use). :meth:`PPEUseSurvey.check` returns :class:`~ohsreg.models.base.Finding` objects
(``ppe.not_issued``, ``ppe.not_worn``, ``ppe.protection_insufficient``, ``ppe.apf_not_shipped``,
``ppe.need_unknown``); the rules and their clauses are in :mod:`ohsreg.checks.ppe`.

Bad input raises a ``ValidationError`` with a rule code: an HML rating without all three values
(``ppe.hml_incomplete``), a pressure mode the class does not have (``ppe.pressure_mode``), more workers
wearing than exposed (``ppe.wearing_count``), an observation of a post twice for one hazard
(``ppe.observation_duplicate``).

>>> import datetime as dt
>>> survey = PPEUseSurvey(
...     uscc="91330523MA2B7QK00K", surveyed_on=dt.date(2024, 6, 3),
...     observations=[PPEObservation(
...         post_code="P1", hazard="苯", workers_exposed=4, concentration=45.0,
...         respirators=[RespiratorIssue(respirator_class="自吸过滤式", facepiece="半面罩", workers=4)],
...         workers_wearing=3)])
>>> [f.rule for f in survey.check()]
['ppe.protection_insufficient', 'ppe.not_worn']
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Self

from pydantic import Field, model_validator

from ohsreg.identifiers import USCC
from ohsreg.models.base import EventDate, HazardRef, Record, Text, rule_error
from ohsreg.vocab.ppe import Facepiece, HearingProtectorKind, PressureMode, RespiratorClass

if TYPE_CHECKING:
    from ohsreg.models.base import Finding

__all__ = ["HearingProtectorIssue", "PPEObservation", "PPEUseSurvey", "PostPPE", "RespiratorIssue"]

_Count = Annotated[int, Field(ge=0, le=1_000_000)]
_Issued = Annotated[int, Field(ge=0, le=1_000_000, json_schema_extra={"x-zh": "配发人数"})]
_Level = Annotated[float, Field(ge=0, le=200)]
_Rating = Annotated[float, Field(ge=0, le=60)]

#: Pressure modes each class can have (GB/T 18664-2002 classification: 自吸过滤式 negative, 送风过滤式
#: positive, 供气式 and 携气式 either).
_MODES = {
    RespiratorClass.SELF_PRIMING_FILTER: (PressureMode.NEGATIVE,),
    RespiratorClass.POWERED_FILTER: (PressureMode.POSITIVE,),
    RespiratorClass.SUPPLIED_AIR: (PressureMode.POSITIVE, PressureMode.NEGATIVE),
    RespiratorClass.SELF_CONTAINED: (PressureMode.POSITIVE, PressureMode.NEGATIVE),
}


class RespiratorIssue(Record):
    """Respirators (呼吸防护用品) of one type issued on a post."""

    respirator_class: RespiratorClass
    """Class of GB/T 18664-2002: 自吸过滤式, 送风过滤式, 供气式 or 携气式."""
    facepiece: Facepiece
    pressure: PressureMode | None = None
    """正压式 / 负压式; may be omitted for the classes that have one mode (自吸过滤式, 送风过滤式)."""
    model: Text | None = None
    """The product model as issued."""
    product_standard: Text | None = None
    """The product standard it conforms to, e.g. ``GB 2626-2019``."""
    workers: _Issued
    """Number of workers it was issued to."""
    issued_on: EventDate | None = None

    @model_validator(mode="after")
    def _mode_of_class(self) -> Self:
        if self.pressure is not None and self.pressure not in _MODES[self.respirator_class]:
            raise rule_error(
                "{respirator_class} respirators are not {pressure}",
                rule="ppe.pressure_mode",
                field="pressure",
                respirator_class=self.respirator_class.zh,
                pressure=self.pressure.zh,
            )
        return self


class HearingProtectorIssue(Record):
    """Hearing protectors (护听器) of one type issued on a post, with their ratings (GB/T 23466-2009)."""

    kind: HearingProtectorKind
    model: Text | None = None
    snr: _Rating | None = None
    """Single number rating (SNR) of the product, dB."""
    h: _Rating | None = None
    """H value of the HML rating, dB (give H, M and L together)."""
    m: _Rating | None = None
    """M value of the HML rating, dB."""
    l: _Rating | None = None  # noqa: E741 - the rating's name
    """L value of the HML rating, dB."""
    workers: _Issued
    """Number of workers it was issued to."""
    issued_on: EventDate | None = None

    @model_validator(mode="after")
    def _hml_complete(self) -> Self:
        given = [name for name in ("h", "m", "l") if getattr(self, name) is not None]
        if given and len(given) != 3:
            missing = next(name for name in ("h", "m", "l") if getattr(self, name) is None)
            raise rule_error(
                "the HML rating needs H, M and L; {missing} is missing",
                rule="ppe.hml_incomplete",
                field=missing,
                missing=missing.upper(),
            )
        return self


class PostPPE(Record):
    """The PPE issued on a post of an enterprise (:attr:`~ohsreg.models.JobPost.ppe`). Recording it (even
    with empty lists: nothing issued) makes :meth:`~ohsreg.models.Enterprise.check` apply the PPE rules to
    the post's latest exposures."""

    respirators: tuple[RespiratorIssue, ...] = ()
    hearing_protectors: tuple[HearingProtectorIssue, ...] = ()
    workers_wearing: _Count | None = None
    """Workers last seen wearing the PPE correctly (``None``: not observed)."""


class PPEObservation(Record):
    """One post and hazard as a PPE-use survey saw it: the exposure, the PPE issued, the workers wearing it.

    Exposure data decide whether PPE is needed: for airborne hazards ``concentration`` (mg/m³, the
    measured C_TWA) against ``limit`` (the OEL in mg/m³; else the catalogue's PC-TWA on the survey date);
    for noise ``l_a`` (dB(A), L_EX,8h or L_Aeq) and, for the protected level, ``l_c`` (dB(C)).
    """

    post_code: Annotated[str, Field(min_length=1, max_length=64)]
    """The post (岗位) observed, as the employer codes it."""
    post_name: Text | None = None
    hazard: HazardRef
    workers_exposed: _Count
    """Workers on the post exposed to ``hazard``."""
    concentration: Annotated[float, Field(ge=0)] | None = None
    """Airborne concentration, mg/m³ (C_TWA as measured)."""
    limit: Annotated[float, Field(gt=0)] | None = None
    """The OEL the concentration is judged against, mg/m³ (default: the catalogue's PC-TWA)."""
    l_a: _Level | None = None
    """A-weighted noise level on the post, dB(A)."""
    l_c: _Level | None = None
    """C-weighted noise level on the post, dB(C) (needed for the protected level)."""
    respirators: tuple[RespiratorIssue, ...] = ()
    hearing_protectors: tuple[HearingProtectorIssue, ...] = ()
    workers_wearing: _Count | None = None
    """Workers seen wearing the PPE correctly (``None``: not observed)."""

    @model_validator(mode="after")
    def _counts(self) -> Self:
        if self.workers_wearing is not None and self.workers_wearing > self.workers_exposed:
            raise rule_error(
                "workers_wearing ({wearing}) is greater than workers_exposed ({exposed})",
                rule="ppe.wearing_count",
                field="workers_wearing",
                wearing=self.workers_wearing,
                exposed=self.workers_exposed,
            )
        return self


class PPEUseSurvey(Record):
    """A survey of PPE use (个体防护用品使用情况调查) at one employer on one date."""

    uscc: USCC
    """统一社会信用代码 (USCC) of the employer surveyed."""
    enterprise_name: Text | None = None
    surveyed_on: EventDate
    surveyor: Text | None = None
    """Who surveyed (authority or agency), as named in the record."""
    observations: tuple[PPEObservation, ...] = ()

    @model_validator(mode="after")
    def _unique(self) -> Self:
        seen: set[tuple[str, str]] = set()
        for obs in self.observations:
            key = (obs.post_code, obs.hazard)
            if key in seen:
                raise rule_error(
                    "post {post} is observed twice for one hazard",
                    rule="ppe.observation_duplicate",
                    field="observations",
                    post=obs.post_code,
                )
            seen.add(key)
        return self

    def check(self, as_of: dt.date | None = None) -> list[Finding]:
        """Every PPE finding of the survey; limits from the catalogue are those in force on ``as_of``
        (default: :attr:`surveyed_on`). See :mod:`ohsreg.checks.ppe`."""
        # The checks layer sits above the records: imported when called, so models never import it at load.
        from ohsreg.checks.ppe import check_survey

        return check_survey(self, as_of=self.surveyed_on if as_of is None else as_of)
