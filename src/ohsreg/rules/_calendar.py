"""Calendar arithmetic shared by every rule and record module (one home for date sums).

Not public API. Whole months and years are clamped to the last day of a shorter month
(``2024-01-31`` plus one month is ``2024-02-29``; ``2024-02-29`` plus one year is ``2025-02-28``), which
is also where the Civil Code ends a period counted in months or years (:func:`period_last_day`).
"""

from __future__ import annotations

import calendar
import datetime as dt

from ohsreg.errors import InvalidFormat, RuleViolation

__all__ = ["add_days", "add_months", "add_years", "check_date", "period_last_day"]


def check_date(value: object, field: str, *, optional: bool = False) -> None:
    """Raise ``rules.date`` naming ``field`` unless ``value`` is a :class:`datetime.date`.

    A ``datetime`` is refused too (comparing it with a date raises ``TypeError``; pass ``.date()``).
    """
    if optional and value is None:
        return
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidFormat(
            "{field_name} must be a date, not {type}",
            rule="rules.date",
            field=field,
            hint="pass a datetime.date (for a datetime, its .date())",
            field_name=field,
            type=type(value).__name__,
        )


def _out_of_range(start: dt.date) -> RuleViolation:
    return RuleViolation(
        "a period from {start} ends past the calendar's range",
        rule="rules.date_range",
        field="date",
        start=start.isoformat(),
    )


def add_months(start: dt.date, months: int) -> dt.date:
    """``start`` plus whole calendar months, clamped to the month's last day.

    >>> add_months(dt.date(2024, 1, 31), 1), add_months(dt.date(2023, 2, 28), 12)
    (datetime.date(2024, 2, 29), datetime.date(2024, 2, 28))
    """
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise _out_of_range(start)
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def add_years(start: dt.date, years: int) -> dt.date:
    """``start`` plus whole years, 29 February clamped to 28 February.

    >>> add_years(dt.date(2024, 2, 29), 1), add_years(dt.date(2023, 6, 1), 5)
    (datetime.date(2025, 2, 28), datetime.date(2028, 6, 1))
    """
    return add_months(start, 12 * years)


def add_days(start: dt.date, days: int) -> dt.date:
    """``start`` plus ``days`` calendar days (negative: before ``start``)."""
    try:
        return start + dt.timedelta(days=days)
    except OverflowError:
        raise _out_of_range(start) from None


def period_last_day(start: dt.date, *, years: int = 0, months: int = 0) -> dt.date:
    """The last day of a period of ``years`` years and ``months`` months that begins on ``start``, counted
    as the Civil Code counts periods (民法典第二百零一条、第二百零二条): the day it begins is not counted,
    and the period ends on the corresponding day of the final month, or on that month's last day when it
    has no corresponding day (a period from 29 February ends on 28 February in a common year).

    The extension of a period whose last day is a statutory holiday (第二百零三条) is not applied: the
    library has no holiday calendar. 第二百零四条 lets a law or the parties set another method; a date
    printed on a document prevails over the computed one.

    >>> period_last_day(dt.date(2016, 3, 1), years=5), period_last_day(dt.date(2016, 2, 29), years=5)
    (datetime.date(2021, 3, 1), datetime.date(2021, 2, 28))
    >>> period_last_day(dt.date(2020, 2, 29), years=4), period_last_day(dt.date(2024, 1, 31), months=1)
    (datetime.date(2024, 2, 29), datetime.date(2024, 2, 29))
    """
    return add_months(start, 12 * years + months)
