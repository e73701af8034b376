"""Records of periodic detection (职业病危害因素检测) and current-status evaluation (现状评价) reports.

Due dates: :mod:`ohsreg.rules.detection`.

>>> import datetime as dt
>>> DetectionReport(report_no="ZJ-2024-001", agency="示例职业卫生检测公司", completed_on=dt.date(2024, 5, 10)).report_no
'ZJ-2024-001'
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ohsreg.models._common import EventDate
from ohsreg.models.base import HazardRef, Record

__all__ = ["DetectionReport", "StatusEvaluation"]


class DetectionReport(Record):
    """A periodic detection report by a qualified technical service agency."""

    report_no: Annotated[str, Field(min_length=1)]
    agency: Annotated[str, Field(min_length=1)]
    completed_on: EventDate
    """Date of the report (the detection counts from this date)."""
    hazards: tuple[HazardRef, ...] = ()
    exceedances: tuple[HazardRef, ...] = ()
    """Factors with results above the limit."""


class StatusEvaluation(Record):
    """A current-status evaluation report (职业病危害现状评价)."""

    report_no: Annotated[str, Field(min_length=1)]
    agency: Annotated[str, Field(min_length=1)]
    completed_on: EventDate
    conclusion: str | None = None
