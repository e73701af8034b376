"""Records of periodic detection (职业病危害因素检测) reports.

Current-status evaluations (现状评价) are :class:`ohsreg.models.project.Evaluation` records with
``stage=CURRENT_STATUS_EVALUATION``: one record type for every evaluation report.

Due dates: :mod:`ohsreg.rules.detection`.

>>> import datetime as dt
>>> r = DetectionReport(report_no="ZJ-2024-001", agency="示例职业卫生检测公司", completed_on=dt.date(2024, 5, 10))
>>> r.report_no, r.agency.name
('ZJ-2024-001', '示例职业卫生检测公司')
"""

from __future__ import annotations

from ohsreg.models.base import AgencyRef, EventDate, HazardRef, Record, Text

__all__ = ["DetectionReport"]


class DetectionReport(Record):
    """A periodic detection report by a qualified technical service agency (the duty and its frequency:
    令第5号 第二十条, earlier 令第47号 第二十条; see :mod:`ohsreg.rules.detection`)."""

    report_no: Text
    agency: AgencyRef
    """The agency that wrote the report (a bare name is accepted, as for every :class:`AgencyRef`)."""
    completed_on: EventDate
    """Date of the report (the detection counts from this date)."""
    hazards: tuple[HazardRef, ...] = ()
    exceedances: tuple[HazardRef, ...] = ()
    """Factors with results above the limit."""
