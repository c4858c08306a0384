"""Dates a follow-up gives relative to the previous question: "and a year earlier?", "the quarter before?",
"and at the end of the year?". They shift or close the period the conversation was about; on their own they
name no date at all, so without an earlier dated question they are ignored.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from qa_assistant.text.periods import fy_label, fy_of, fy_range, month_range, quarter_range

_EARLIER = r"(?:earlier|before|previously|prior|ago)"
# A period before the one a paper reports ("last year", "a year earlier", "the previous quarter", "the year
# before"): the shifts below date it; prose_figures.py and question_measure.py build their patterns from it.
EARLIER_PERIOD = (
    rf"(?:a|one)\s+(?:year|quarter|month)\s+{_EARLIER}|(?:the\s+)?(?:previous|prior|preceding)\s+(?:year|quarter|"
    r"month|period|three\s+months)|(?:the\s+)?(?:year|quarter|month)\s+before|last\s+(?:year|quarter|month)"
)
_LATER = r"(?:later|after|on)"
_SHIFTS = [
    (
        re.compile(
            rf"\b(?:a|one)\s+year\s+{_EARLIER}|\bthe\s+(?:previous|prior|preceding)\s+year\b|"
            rf"\bthe\s+year\s+before\b|\blast\s+year\b",
            re.I,
        ),
        -12,
    ),
    (
        re.compile(
            rf"\b(?:a|one)\s+year\s+{_LATER}|\bthe\s+(?:next|following)\s+year\b|\bthe\s+year\s+after\b", re.I
        ),
        12,
    ),
    (
        re.compile(
            rf"\b(?:a|one)\s+quarter\s+{_EARLIER}|\bthe\s+(?:previous|prior|preceding|last)\s+quarter\b|"
            rf"\bthe\s+quarter\s+before\b|\bthe\s+(?:previous|prior|preceding)\s+three\s+months\b",
            re.I,
        ),
        -3,
    ),
    (
        re.compile(
            rf"\b(?:a|one)\s+quarter\s+{_LATER}|\bthe\s+(?:next|following)\s+quarter\b|\bthe\s+quarter\s+after\b",
            re.I,
        ),
        3,
    ),
    (
        re.compile(rf"\b(?:a|one)\s+month\s+{_EARLIER}|\bthe\s+(?:previous|prior|preceding)\s+month\b", re.I),
        -1,
    ),
]
_YEAR_END = re.compile(
    r"\b(?:(?:at|by)\s+)?the\s+end\s+of\s+(?:the\s+|that\s+)?(?:financial\s+)?year\b|"
    r"\b(?:at\s+)?(?:the\s+)?year[\s-]end\b",
    re.I,
)


@dataclass(frozen=True)
class RelativeDate:
    first: dt.date
    last: dt.date
    label: str
    span: tuple[int, int]  # where the question says it (those words name no measure)


def relative_period(question: str, first: dt.date | None, last: dt.date | None) -> RelativeDate | None:
    """The period a follow-up's relative words point to, from the previous question's period."""
    if first is None or last is None:
        return None
    m = _YEAR_END.search(question)
    if m:
        end = _year_end(first, last)
        return RelativeDate(end, end, f"end of the year ({end.day} {end:%B %Y})", m.span())
    return shifted_period(question, first, last)


def shifted_period(words: str, first: dt.date, last: dt.date) -> RelativeDate | None:
    """The period words such as "the previous quarter" or "a year earlier" name, counted back (or on) from
    the period given."""
    for pattern, months in _SHIFTS:
        m = pattern.search(words)
        if m:
            a, b = _shift(first, months), _shift_end(last, months)
            return RelativeDate(a, b, period_label(a, b), m.span())
    return None


def shifted_like(words: str, first: dt.date, last: dt.date) -> RelativeDate | None:
    """shifted_period, only for a period of the length the words count in (a quarter before a quarter, a month
    before a month), any period up to a year for a year before, or a single day: "the previous quarter" of
    February 2024 is not November 2023, nor "the previous month" of 2023/24 a twelve-month window."""
    for pattern, months in _SHIFTS:
        if pattern.search(words):
            span = (last.year - first.year) * 12 + last.month - first.month + 1
            fits = first == last or (span == abs(months) if abs(months) < 12 else span in (1, 3, 12))
            return shifted_period(words, first, last) if fits else None
    return None


def _year_end(first: dt.date, last: dt.date) -> dt.date:
    """The end of the financial year when the period is a financial quarter or year, else of the calendar year."""
    fy = fy_of(first)
    financial = (first, last) == fy_range(fy) or any(
        (first, last) == quarter_range(fy, q) for q in range(1, 5)
    )
    return fy_range(fy)[1] if financial else dt.date(last.year, 12, 31)


def _shift(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _shift_end(day: dt.date, months: int) -> dt.date:
    """A period's last day moved whole months, staying at the month's end when it was there."""
    moved = _shift(day, months)
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return month_range(moved.year, moved.month)[1]
    return moved


def period_label(first: dt.date, last: dt.date) -> str:
    """A human label for a period: a day, month, quarter, financial year or a plain range."""
    if first == last:
        return f"{first.day} {first:%B %Y}"
    if (first, last) == month_range(first.year, first.month):
        return f"{first:%B %Y}"
    fy = fy_of(first)
    if (first, last) == fy_range(fy):
        return f"{fy_label(fy)} financial year"
    for q in range(1, 5):
        if (first, last) == quarter_range(fy, q):
            return f"quarter {q} of {fy_label(fy)} ({first:%B}–{last:%B %Y})"
    if first == dt.date(first.year, 1, 1) and last == dt.date(first.year, 12, 31):
        return str(first.year)
    return f"{first.day} {first:%B %Y} to {last.day} {last:%B %Y}"
