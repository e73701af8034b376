"""Helpers shared by the enterprise record modules: calendar arithmetic, event dates, rule errors.

Not public API: the public names are re-exported by the record and rule modules.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import AfterValidator, ValidationInfo
from pydantic_core import PydanticCustomError

from ohsreg.errors import RuleViolation, to_pydantic_error
from ohsreg.rules._enterprise_support import (
    add_days,
    add_months,
    canonical_hazard,
    directory_risk_class,
    hazard_name,
)

__all__ = [
    "EventDate",
    "add_days",
    "add_months",
    "canonical_hazard",
    "directory_risk_class",
    "hazard_name",
    "rule_error",
]


def rule_error(template: str, *, rule: str, field: str, **params: Any) -> PydanticCustomError:
    """A pydantic error carrying an ohsreg rule code (raise it from a validator)."""
    return to_pydantic_error(RuleViolation(template, rule=rule, field=field, **params))


def _not_in_future(value: dt.date, info: ValidationInfo) -> dt.date:
    context = info.context if isinstance(info.context, dict) else {}
    reference = context.get("as_of")
    if not isinstance(reference, dt.date):
        reference = dt.date.today()
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    if value > reference:
        raise rule_error(
            "{field} {value} is after the validation date {as_of}",
            rule="record.future_date",
            field=info.field_name or "date",
            value=value.isoformat(),
            as_of=reference.isoformat(),
        )
    return value


EventDate = Annotated[dt.date, AfterValidator(_not_in_future)]
"""The date of something that has happened (an exam, a training, a filing): never after the validation
date. The validation date is ``context={"as_of": date}`` when the caller passes one to
``model_validate``, otherwise the day of validation. Deadlines and expiry dates are plain dates."""
