"""When a question asks about: the dates it names, a bare quarter ("quarter 2") placed in the financial year
the conversation was about, or a period relative to the previous question ("and a year earlier?").
"""

from __future__ import annotations

import datetime as dt
import re

from qa_assistant.figures.reading import Reading
from qa_assistant.figures.relative import EARLIER_PERIOD, RelativeDate, relative_period
from qa_assistant.text.date_patterns import BARE_MONTH
from qa_assistant.text.dates import DateMention
from qa_assistant.text.periods import fy_label, fy_of, quarter_range
from qa_assistant.text.word_numbers import WORD_NUMBER

_BARE_QUARTER = re.compile(
    r"\b(?:quarter\s+(one|two|three|four|[1-4])|(first|second|third|fourth)\s+quarter|Q([1-4]))\b", re.I
)
_QUARTER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "first": 1, "second": 2, "third": 3, "fourth": 4}
_SINCE = re.compile(r"\bsince\b", re.I)
# A period before the one the papers report, named with no date to count back from ("in the previous year,
# before the 20% increase", "a year before the latest update"); "last year" is not one: it names a year
_EARLIER_ASKED = re.compile(rf"\b(?!last\b)(?:{EARLIER_PERIOD})\b", re.I)

DateRange = tuple[dt.date, dt.date, str]  # first day, last day, label


def _bare_quarter(question: str, dates: list) -> int | None:
    """A quarter named without its year ("in quarter 2"), which only says which quarter of some year."""
    if dates:
        return None
    m = _BARE_QUARTER.search(question)
    if not m:
        return None
    word = (m.group(1) or m.group(2) or m.group(3)).lower()
    return _QUARTER_WORDS.get(word) or int(word)


def bare_quarter_spans(question: str) -> list[tuple[int, int]]:
    """Where the question names a quarter without its year ("in the Quarter 4 performance report")."""
    return [m.span() for m in _BARE_QUARTER.finditer(question)]


def period_asked(
    question: str, dates: list[DateMention], previous: Reading | None
) -> tuple[int | None, DateRange | None, RelativeDate | None]:
    """The bare quarter still to match on its own, the period a follow-up names through the previous question
    (its quarter of the same financial year, or a relative period), and the relative period itself."""
    quarter = _bare_quarter(question, dates)
    if quarter and previous is not None and previous.date_start is not None:
        fy = fy_of(previous.date_start)
        first, last = quarter_range(fy, quarter)
        dates_range = (first, last, f"quarter {quarter} of {fy_label(fy)} ({first:%B}–{last:%B %Y})")
        quarter = None
    else:
        dates_range = None
    relative = (
        relative_period(question, previous.date_start, previous.date_end)
        if previous is not None and not dates and not quarter
        else None
    )
    if relative is not None:
        dates_range = (relative.first, relative.last, relative.label)
    return quarter, dates_range, relative


def date_spans(
    question: str, dates: list[DateMention], relative: RelativeDate | None
) -> list[tuple[int, int]]:
    """Where the question gives a date, a bare quarter or a relative period: words that say when, not what."""
    return (
        [(d.start, d.end) for d in dates]
        + bare_quarter_spans(question)
        + [
            m.span()
            for m in BARE_MONTH.finditer(question)
            if not any(d.start <= m.start() < d.end for d in dates)
        ]
        + [m.span() for m in _EVENT_CLAUSE.finditer(question)]
        + ([relative.span] if relative else [])
    )


# "16 months after the Children's Trust was set up", "since the new service was launched": when, by an event
_EVENT_CLAUSE = re.compile(
    rf"\b(?:(?:\d{{1,3}}|a|{WORD_NUMBER.pattern})\s+(?:years?|months?|weeks?)\s+)?"
    r"(?:after|since|before|following)\s+(?:the|its|their|our|a)\s+[\w'’ -]{1,40}?\s+(?:was|were|had\s+been)\s+"
    r"(?:set\s+up|launched|introduced|created|established|opened|started|formed|founded)\b",
    re.I,
)


def asks_earlier_period(question: str, dates: list[DateMention], relative: RelativeDate | None) -> bool:
    """ "How many were in care the year before?" with no date and no earlier question: only a figure the papers
    give as from before the period they report can answer it, never the latest."""
    return not dates and relative is None and bool(_EARLIER_ASKED.search(question))


_AFTER_EVENT = re.compile(r"\b(?:following|after|since|before|prior\s+to)\s+(?:the\s+|our\s+|its\s+)?$", re.I)


def anchors_an_event(question: str, d: DateMention) -> bool:
    """ "following the 2019 Ofsted inspection": a date after "following", "since" or "before" dates the event the
    question counts from, not the figure it asks for."""
    return bool(_AFTER_EVENT.search(question[max(0, d.start - 24) : d.start]))


def says_since(question: str) -> bool:
    """ "since 2022-23": the date is where a change or a trend starts, not the date asked about."""
    return bool(_SINCE.search(question))


def set_dates(reading: Reading, dates: list[DateMention], dates_range: DateRange | None) -> None:
    """The period asked: from the dates the question names, else from the period a follow-up implies."""
    if dates:
        reading.date_start = min(d.first for d in dates)
        reading.date_end = max(d.last for d in dates)
        reading.date_label = " to ".join(dict.fromkeys(d.label for d in dates))
    elif dates_range:
        reading.date_start, reading.date_end, reading.date_label = dates_range
