"""Periods named without a single year or date: a span of years ("the 3 year rolling average for 2014-16"), and a
financial year named from the paper's own date ("the last financial year"). Read by text/dates.find_dates."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from qa_assistant.text.date_mention import DateMention
from qa_assistant.text.date_patterns import names_a_plan
from qa_assistant.text.periods import fy_label, fy_of, fy_range


def second_year(y1: int, y2s: str) -> int:
    """The year that ends "2013/4", "2014-16" or "2013-2016", written in one, two or four digits."""
    if len(y2s) == 1:  # "2013/4"
        return (y1 // 10) * 10 + int(y2s) + (10 if int(y2s) <= y1 % 10 else 0)
    return int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)


_SPAN_YEARS = range(2, 11)


def span_years(m: re.Match[str]) -> tuple[int, int] | None:
    """The first and last year of "2014-16" or "2013-2016", or None when they are not 2 to 10 years apart."""
    y1 = int(m.group("y1"))
    y2 = second_year(y1, m.group("y2"))
    return (y1, y2) if y2 - y1 in _SPAN_YEARS else None


def span_mention(m: re.Match[str]) -> DateMention | None:
    """Several years taken as one period (a rolling average, a total over years): not any one of them; not the
    years of a plan named with them ("the Children's Plan 2022-25", "the 2023-2026 Sufficiency Strategy")."""
    years = span_years(m)
    if years is None or names_a_plan(m.string, m.start(), m.end()):
        return None
    return DateMention(
        m.start(), m.end(), dt.date(years[0], 1, 1), dt.date(years[1], 12, 31), m.group(0), "span"
    )


def relative_fy_mention(m: re.Match[str], reference: dt.date) -> DateMention | None:
    """The last financial year is the one before the paper's own; "this" or "current" is the paper's own (in
    April a paper may still mean the year just ended, so it names none)."""
    own_year = m.group("rel").lower() in ("current", "this")
    if own_year and reference.month == 4:
        return None
    fy = fy_of(reference) - (not own_year)
    first, last = fy_range(fy)
    return DateMention(m.start(), m.end(), first, last, f"{fy_label(fy)} financial year", "fy")


NAMED_YEAR_KINDS = frozenset({"fy", "fy_short", "quarter_fy", "quarter_fy_short", "fy_quarter"})
_NEAR_BEFORE, _NEAR_AFTER = 300, 80  # about the sentence before, and the rest of its own clause


def year_named_near(claim: tuple, named_starts: list[int]) -> bool:
    """ "In 2022/23 the overspend was £3m, compared with £2m in the previous financial year": near a financial
    year the text names (named_starts: where each starts, in order), "the previous financial year" is that
    one's, not the paper's; left undated."""
    i = bisect.bisect_left(named_starts, claim[0] - _NEAR_BEFORE)
    return i < len(named_starts) and named_starts[i] <= claim[1] + _NEAR_AFTER
