"""Calendar and financial-year arithmetic: the one place that knows UK local-government financial years run
1 April to 31 March and that their quarters start in April, July, October and January."""

from __future__ import annotations

import calendar
import datetime as dt


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def fy_of(day: dt.date) -> int:
    """The first year of the financial year a day falls in (1 April to 31 March)."""
    return day.year if day.month >= 4 else day.year - 1


def fy_range(fy_start_year: int) -> tuple[dt.date, dt.date]:
    return dt.date(fy_start_year, 4, 1), dt.date(fy_start_year + 1, 3, 31)


def quarter_range(fy_start_year: int, q: int) -> tuple[dt.date, dt.date]:
    start_month = 4 + 3 * (q - 1)
    year = fy_start_year + (start_month - 1) // 12
    month = (start_month - 1) % 12 + 1
    first, _ = month_range(year, month)
    _, last = month_range(year, month + 2)
    return first, last


def fy_label(fy_start_year: int) -> str:
    return f"{fy_start_year}/{(fy_start_year + 1) % 100:02d}"


def period_distance(a_first: dt.date, a_last: dt.date, b_first: dt.date, b_last: dt.date) -> int:
    """Days between two periods (0 when they overlap)."""
    if a_first <= b_last and b_first <= a_last:
        return 0
    return min(abs((a_first - b_last).days), abs((b_first - a_last).days))
