"""A quantity found in text, and the facts about text that numbers.py and word_numbers.py both read: which
numbers are dates' digits, which are times, distances or ages, and which words make a span of time.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# A number directly followed by one of these is a time, distance, age or ordinal, not a reported quantity.
# "a 12-month rolling rate"
NOT_QUANTITY_AFTER = re.compile(
    r"\s*(?:-\s*)?(?:(?:hours?|hrs|minutes?|mins?|miles?|mile|pm|am|th|st|nd|rd|year-olds?|"
    r"years?\s+olds?|-year-olds?|-(?:day|week|month|year|hour)(?!-olds?)|mark|milestone|threshold)\b|[ap]\.m\.)",
    re.I,
)
# "five financial years", "12 calendar months", "20 working days": spans of time, not counts
SPAN_OF = r"(?:working[ ]+|(?:financial|academic|calendar)[ ]+(?=years\b)|calendar[ ]+(?=months\b))"

# "1.3 times more likely", "10 times the national average": a multiple of another figure ("212 times over the
# year" and "11 times the previous year" count occasions)
MULTIPLE_WORDS = r"(?:more|less|higher|lower|greater|bigger|larger|smaller|as|likelier)"
_OF_A_COMPARATOR = r"the[ ]+(?:national|regional|england|english|average|rate|level|size|number|amount|total)"
MULTIPLE_AFTER = rf"times(?=[ ]+(?:{MULTIPLE_WORDS}|{_OF_A_COMPARATOR})\b)"

DURATION_UNITS = ("days", "weeks", "months", "years")


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    value_high: float | None
    unit: str  # count | percent | gbp | gbp_per_week | gbp_per_year | per_10000 | per_1000 | per_100000 | days...
    written_as_words: bool = False
    # the words inside a rate that say what it counts ("59.7 children in care per 10,000"), as offsets
    counted: tuple[int, int] | None = None


def in_dates(s: int, e: int, date_spans: list[tuple[int, int]], date_starts: list[int]) -> bool:
    i = bisect.bisect_right(date_starts, s) - 1
    for j in (i, i + 1):
        if 0 <= j < len(date_spans):
            ds, de = date_spans[j]
            if ds <= s < de or ds < e <= de:
                return True
    return False
