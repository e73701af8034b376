"""Calendar arithmetic shared by every rule and record module (one home for date sums).

Not public API. Whole months and years are clamped to the last day of a shorter month
(``2024-01-31`` plus one month is ``2024-02-29``; ``2024-02-29`` plus one year is ``2025-02-28``).
"""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = ["add_days", "add_months", "add_years", "term_last_day"]


def add_months(start: dt.date, months: int) -> dt.date:
    """``start`` plus whole calendar months, clamped to the month's last day.

    >>> add_months(dt.date(2024, 1, 31), 1), add_months(dt.date(2023, 2, 28), 12)
    (datetime.date(2024, 2, 29), datetime.date(2024, 2, 28))
    """
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
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
    return start + dt.timedelta(days=days)


def term_last_day(start: dt.date, years: int) -> dt.date:
    """The last day of a term of ``years`` years from ``start``: the day before the anniversary (for a
    29 February start the anniversary in a common year is 1 March, so the term ends on 28 February).

    >>> term_last_day(dt.date(2016, 3, 1), 5), term_last_day(dt.date(2020, 2, 29), 5)
    (datetime.date(2021, 2, 28), datetime.date(2025, 2, 28))
    """
    anniversary = add_years(start, years)
    if anniversary.day != start.day:  # clamped 29 February: the anniversary is 1 March
        return anniversary
    return add_days(anniversary, -1)
