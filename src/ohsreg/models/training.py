"""Training records (职业卫生培训) of principals, OH managers and workers.

Hours and cycles: :mod:`ohsreg.rules.training`.

>>> import datetime as dt
>>> t = TrainingRecord(kind="INITIAL", date=dt.date(2024, 3, 1), hours=16, provider="市职业卫生培训中心")
>>> t.meets(TraineeRole.PRINCIPAL)
True
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ohsreg.models.base import EventDate, Record
from ohsreg.rules.training import TraineeRole, TrainingKind, hours_required

__all__ = ["TrainingRecord"]


class TrainingRecord(Record):
    """One completed training: kind, date, hours (学时), provider, certificate."""

    kind: TrainingKind
    date: EventDate
    hours: Annotated[float, Field(gt=0, le=1000)]
    provider: str | None = None
    certificate_no: str | None = None

    def meets(self, role: TraineeRole | str) -> bool:
        """Whether the hours reach the minimum for ``role`` and this kind of training."""
        return self.hours >= hours_required(role, self.kind)
