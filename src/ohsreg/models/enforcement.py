"""Supervision records: inspections, violations, penalties, and occupational-disease hazard accidents.

Accident classes and report deadlines: :mod:`ohsreg.rules.enforcement`.

>>> import datetime as dt
>>> v = Violation(provision="职业病防治法第三十五条", description="未组织在岗期间职业健康检查",
...               rectify_by=dt.date(2024, 7, 1))
>>> v.open_on(dt.date(2024, 8, 1))
True
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Self

from pydantic import Field, model_validator

from ohsreg.models.authority import Authority
from ohsreg.models.base import Count, EventDate, Record, Text, require_order, rule_error
from ohsreg.rules.enforcement import AccidentClass, AccidentGrading, accident_class
from ohsreg.vocab import LabeledEnum

__all__ = ["Accident", "Inspection", "Penalty", "PenaltyKind", "Violation"]


class PenaltyKind(LabeledEnum):
    """Kind of administrative penalty (行政处罚法 categories most used in OH supervision)."""

    WARNING = ("WARNING", "警告", "warning")
    FINE = ("FINE", "罚款", "fine")
    CONFISCATION = ("CONFISCATION", "没收违法所得", "confiscation of illegal gains")
    SUSPENSION = ("SUSPENSION", "责令停止产生职业病危害的作业", "order to stop the hazardous work")
    CLOSURE = ("CLOSURE", "责令停建、关闭", "order to stop construction or close")


class Violation(Record):
    """One violation found in an inspection, with its rectification deadline."""

    provision: Text
    """The provision broken (law and article)."""
    description: Annotated[str, Field(min_length=1)]
    rectify_by: dt.date | None = None
    rectified_on: EventDate | None = None

    def open_on(self, as_of: dt.date) -> bool:
        """Past its rectification deadline on ``as_of`` and not rectified by then."""
        done = self.rectified_on is not None and self.rectified_on <= as_of
        return self.rectify_by is not None and self.rectify_by < as_of and not done


class Penalty(Record):
    """An administrative penalty decision."""

    decision_no: Text
    decided_on: EventDate
    kind: PenaltyKind
    amount_yuan: Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)] | None = None
    basis: str | None = None
    """The penalty provision applied."""

    @model_validator(mode="after")
    def _amount(self) -> Self:
        if (self.kind is PenaltyKind.FINE) != (self.amount_yuan is not None):
            raise rule_error(
                "a fine needs an amount, and only a fine has one",
                rule="enforcement.fine_amount",
                field="amount_yuan",
            )
        return self


class Inspection(Record):
    """A supervision inspection (监督检查) of the employer."""

    date: EventDate
    authority: Authority
    violations: tuple[Violation, ...] = ()
    penalties: tuple[Penalty, ...] = ()

    @model_validator(mode="after")
    def _order(self) -> Self:
        for v in self.violations:
            require_order(
                ("date", self.date),
                ("rectify_by", v.rectify_by),
                "the rectification deadline {rectify_by} is before the inspection {date}",
                rule="enforcement.date_order",
                field="violations",
            )
        for p in self.penalties:
            require_order(
                ("date", self.date),
                ("decided_on", p.decided_on),
                "the penalty decision {decided_on} is before the inspection {date}",
                rule="enforcement.date_order",
                field="penalties",
            )
        return self


class Accident(Record):
    """An occupational-disease hazard accident (职业病危害事故) and its report."""

    occurred_at: dt.datetime
    acute_cases: Count = 0
    deaths: Count = 0
    anthrax_cases: Count = 0
    radiological: bool = False
    hazards: tuple[str, ...] = ()
    """The factors involved (free text or catalogue keys)."""
    reported_at: dt.datetime | None = None
    """When the employer reported it to the health authority."""
    description: str | None = None

    @model_validator(mode="after")
    def _order(self) -> Self:
        # A naive time cannot be ordered against one with a UTC offset without guessing its zone:
        # refuse the mix (both naive, read as local time, or both with an offset, are fine).
        if self.reported_at is not None and (self.occurred_at.utcoffset() is None) != (
            self.reported_at.utcoffset() is None
        ):
            raise rule_error(
                "occurred_at and reported_at must both have a UTC offset or both have none",
                rule="accident.timezone_mixed",
                field="reported_at",
                hint="write both times with their offset (2024-05-01T09:30+08:00) or both without",
            )
        require_order(
            ("occurred_at", self.occurred_at),
            ("reported_at", self.reported_at),
            "the report ({reported_at}) is before the accident ({occurred_at})",
            rule="accident.date_order",
            field="reported_at",
        )
        return self

    @property
    def grading(self) -> AccidentGrading:
        """Class under 卫生部令第25号 第二条 (see :func:`~ohsreg.rules.enforcement.accident_class`)."""
        return accident_class(
            acute_cases=self.acute_cases,
            deaths=self.deaths,
            anthrax_cases=self.anthrax_cases,
            radiological=self.radiological,
        )

    @property
    def accident_class(self) -> AccidentClass | None:
        """Shortcut for ``grading.accident_class``."""
        return self.grading.accident_class
