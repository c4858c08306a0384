"""A change written with the span it covers ("Between 2007 and 2011, the number has fallen from 365 to 250",
"rising from 125 to 161 children between 2011/12 and 2013/14"): the span's first date is the value it started
from, its last the value it went to. asof.py asks here before it reads a date beside the value.
"""

from __future__ import annotations

import re

from qa_assistant.text.dates import DateMention
from qa_assistant.text.numbers import Quantity
from qa_assistant.text.spans import Span

# Words that hedge a value ("around 65", "just 21", "over 150")
HEDGE = r"(?:around|about|approximately|roughly|nearly|almost|some|over|under|just|only)"


# "59.7 per 10,000 - below the 2018-19 national average": a comparison after the number has its own date; not
# a relative clause whose verb dates the number itself ("compared to 330 which peaked at the end of 2019")
CLAUSE_BREAK = re.compile(
    r"[;,(]|\band\s+(?:this|it|there|that)\b|\bwhich\b(?!\s+(?:was\s+|were\s+)?(?:peaked|recorded|reported|reached|measured)\s+(?:at|in|on|by)\b)|\bcompared\b|\bwhereas\b|\bthan\b|"
    r"\bagainst\b(?!\s+(?:this|the|our|that)\s+(?:council|authority|local\s+authority)\b)|"
    r"\b(?:below|above)\s+(?:the|that|this)\b|(?:\d\s*|[%,–-]\s*)(?:up|down)\s+on\b",  # "235 - 15 up on March 2017"
    re.I,
)

# "Between 2007 and 2011, the number ... has fallen from 365 to 250": the span's first date is the value it
# started from
_SPAN_OPENS = re.compile(r"\b(?:between|from)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)
_SPAN_JOIN = re.compile(r"\s*(?:and|to|-|–)\s*")
# "from 365 to 250", "from 365 children and young people to around 250": the starting value of a change that
# goes on to its end ("from 41 prospective foster carers" is no change)
_GOES_TO = re.compile(rf"[^.;\d]{{0,60}}?\bto\s+(?:{HEDGE}\s+)?£?\d", re.I)
# "between April and September 2024, referrals fell from 1,540 to 1,320 compared with the same period last year":
# the span is the period both values count, set against another
_COMPARED_AFTER = re.compile(r"\bcompared\b|\bsame\s+period\b|\bthan\b", re.I)


def span_start(text: str, before: list[DateMention], q_end: int, sentence_end: int) -> DateMention | None:
    """The first date of a span written just before a change ("between 2007 and 2011"), for its starting value:
    only for a change that goes on to its end, not one set against another period."""
    if (
        len(before) < 2
        or not _GOES_TO.match(text, q_end)
        or _COMPARED_AFTER.search(text, q_end, sentence_end)
    ):
        return None
    first, last = before[-2], before[-1]
    if _SPAN_JOIN.fullmatch(text, first.end, last.start) and _SPAN_OPENS.search(
        text[max(0, first.start - 24) : first.start]
    ):
        return first
    return None


# "(rising from 125 to 161 children) between 2011/12 and 2013/14": the value a change went to, after its start
_CHANGE_END_BEFORE = re.compile(
    rf"\bfrom\s+(?:{HEDGE}\s+)?£?\d[\d,.]*(?:%|\s+per\s?cent|\s+per\s+(?:10|100|1),?000)?(?:\s+[\w'’-]+){{0,4}}?"
    rf"\s+to\s+(?:(?:a|an)\s+)?(?:{HEDGE}\s+)?£?$",
    re.I,
)


# what may stand between a change's value and the span it covers: its counted noun and a bracket's end
_SPAN_CLOSE = re.compile(
    r"(?:(?!\b(?:whereas|while|whilst|but|compared|than|although|and)\b)[^,;:.\d]){0,40}?\b(?:between|from)\s+"
    r"(?:the\s+)?(?:end\s+of\s+)?",
    re.I,
)
_WRITES_A_YEAR = re.compile(r"(?:19|20)\d\d|\d\d/\d\d")
_VALUE = re.compile(r"£?\d(?:[\d,.]*\d)?")
# what a rate's value carries after its number ("63 per 10,000", "45%")
_UNIT_AFTER = re.compile(r"(?:\s*%|\s+per\s?cent|\s+per\s+(?:10|100|1),?000)?", re.I)


def change_span_after(
    text: str, usable: list[DateMention], q: Quantity, other_starts: list[int], starting: bool, sentence: Span
) -> DateMention | None:
    """ "rising from 125 to 161 children between 2011/12 and 2013/14": a from-to change followed by the span it
    covers dates its starting value by the span's first date and the value it went to by the last."""
    later = [d for d in usable if d.start >= q.end]
    if len(later) < 2 or _COMPARED_AFTER.search(text, q.end, sentence[1]):
        return None
    first, last = later[0], later[1]
    if not (
        # "between April and September 2024", "between 1 April and 31 December 2023": one period
        _WRITES_A_YEAR.search(text, first.start, first.end)
        and _SPAN_JOIN.fullmatch(text, first.end, last.start)
        and _SPAN_OPENS.search(text[max(0, first.start - 24) : first.start])
    ):
        return None
    between = [f for f in other_starts if q.end <= f < first.start]
    # the span is the change's own, in its clause ("rose from 1,540 to 1,720 last year, while between 2019 and
    # 2023 the national figure ..." is another clause's): only its end value's words and a bracket between
    last_value = _VALUE.match(text, between[-1]) if between else None
    close_from = _UNIT_AFTER.match(text, last_value.end()).end() if last_value else q.end
    if not _SPAN_CLOSE.fullmatch(text, close_from, first.start):
        return None
    if starting and _GOES_TO.match(text, q.end) and len(between) == 1:
        return first
    if not between and _CHANGE_END_BEFORE.search(text, max(sentence[0], q.start - 80), q.start):
        return last
    return None


# "has paid £6,044,222 to private providers between April 2022 and October 2023": what a value right before a
# span counts over it (not "rose to 919 between May and September", a change's end the change's own span dates)
_VALUE_SPAN_CLOSE = re.compile(
    r"(?:(?!\b(?:whereas|while|whilst|but|compared|than|although|and|when|which)\b)[^,;:.\d]){0,60}?"
    r"\b(?:between|from)\s+(?:the\s+)?(?:start\s+of\s+|end\s+of\s+)?$",
    re.I,
)


_CLOSED_ASIDE = re.compile(r"\([^()]*\)")
# "rose by 47 to 919 between May and September": the value a change went to is of the span's end, not all of it
_MOVED_TO_BEFORE = re.compile(rf"\bto\s+(?:(?:a|an)\s+)?(?:{HEDGE}\s+)?£?$", re.I)


def value_span_after(
    text: str, usable: list[DateMention], q: Quantity, other_starts: list[int]
) -> DateMention | None:
    """The whole span written after a value with nothing but its words between ("paid £6m to providers between
    April 2022 and October 2023"): a value counted over a span is of all of it, not of its first month; a value
    a change went to ("rose by 47 to 919 between May and September") is of the span's end."""
    later = [d for d in usable if d.start >= q.end]
    if len(later) < 2 or any(q.end <= f < later[1].end for f in other_starts):
        return None
    first, last = later[0], later[1]
    if not (
        _SPAN_JOIN.fullmatch(text, first.end, last.start)
        and _VALUE_SPAN_CLOSE.fullmatch(text, q.end, first.start)
        # "72 per 10,000 against the England average between": a comparison's span (a closed bracket's marks are no
        # break, its words may be)
        and not CLAUSE_BREAK.search(_CLOSED_ASIDE.sub(lambda m: m.group(0)[1:-1], text[q.end : first.start]))
        and first.first <= last.first
    ):
        return None
    if _MOVED_TO_BEFORE.search(text, max(0, q.start - 30), q.start):
        return last
    return DateMention(
        first.start, last.end, first.first, last.last, f"{first.label} to {last.label}", "span"
    )


def span_after(
    text: str, usable: list[DateMention], q: Quantity, other_starts: list[int], starting: bool, sentence: Span
) -> DateMention | None:
    """The span written after a value that dates it: a change's (change_span_after), else a value's own."""
    span = change_span_after(text, usable, q, other_starts, starting, sentence)
    if span is None and not starting:
        span = value_span_after(text, usable, q, other_starts)
    return span
