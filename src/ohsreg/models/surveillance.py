"""Occupational health examinations (职业健康检查, GBZ 188) of a worker.

An examination has a type (上岗前 / 在岗期间 / 离岗时 / 应急, :class:`~ohsreg.vocab.ExamType`), the
hazard factors it was done for, and a conclusion. The five conclusions of GBZ 188-2014 are taken from
secondary sources: labels **unverified** against the standard's text. GBZ 188-2025 (in force
2026-08-01) removes the ``RECHECK`` conclusion (two independent sources: the revision's description in 中国职业医学
2023 (6):209-216, and a public code repository); ``RECHECK`` is kept for examinations under GBZ 188-2014. Intervals and ``next_exam_due`` live in :mod:`ohsreg.rules.surveillance`.

>>> import datetime as dt
>>> e = HealthExam(exam_type="在岗期间", date=dt.date(2024, 5, 6), hazards=["苯"], conclusion="NORMAL")
>>> e.exam_type.code, e.conclusion.label("en")
('PERIODIC', 'no abnormality found')
"""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import Field, model_validator

from ohsreg.models.base import EventDate, HazardRef, Record, rule_error
from ohsreg.vocab import ExamType, LabeledEnum

__all__ = ["ExamConclusion", "HealthExam"]


class ExamConclusion(LabeledEnum):
    """Conclusion of an occupational health examination (GBZ 188-2014; labels unverified)."""

    NORMAL = ("NORMAL", "目前未见异常", "no abnormality found")
    RECHECK = ("RECHECK", "复查", "re-examination needed")
    SUSPECTED_DISEASE = ("SUSPECTED_DISEASE", "疑似职业病", "suspected occupational disease")
    CONTRAINDICATION = ("CONTRAINDICATION", "职业禁忌证", "occupational contraindication")
    OTHER_ABNORMALITY = ("OTHER_ABNORMALITY", "其他疾病或异常", "other disease or abnormality")


class HealthExam(Record):
    """One occupational health examination of one worker."""

    exam_type: ExamType
    date: EventDate
    hazards: Annotated[tuple[HazardRef, ...], Field(min_length=1)]
    """The hazard factors the examination was done for."""
    conclusion: ExamConclusion | None = None
    contraindications: tuple[str, ...] = ()
    """Occupational contraindications found (free text as the report words them)."""
    institution: str | None = None
    """The examining institution (职业健康检查机构)."""
    report_no: str | None = None

    @model_validator(mode="after")
    def _contraindication_named(self) -> Self:
        if self.contraindications and self.conclusion not in (None, ExamConclusion.CONTRAINDICATION):
            raise rule_error(
                "contraindications are listed but the conclusion is {conclusion}",
                rule="surveillance.conclusion",
                field="conclusion",
                conclusion=str(self.conclusion),
            )
        return self
