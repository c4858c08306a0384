"""What may stand between two values for the later one to share the earlier one's words (prose_phrases._inherits):
the next period ("Staying Put: Q1 20; Q2 22"), the next place ("Stockton's schools issued 5,505 temporary
exclusions, in Hartlepool it was 4,868, in Redcar 4,350 and in Middlesbrough 4,075"), or a comparison whose
words name no measure of their own. Whose each value is comes from the place named before it, as for any number
(number_subject.py).
"""

from __future__ import annotations

import re

from qa_assistant.figures.masks import mask_numbers
from qa_assistant.figures.subjects import SubjectMention
from qa_assistant.figures.terms import CONTRAST, measure_terms
from qa_assistant.figures.when_words import says_only_when
from qa_assistant.text.dates import find_dates
from qa_assistant.text.numbers import Quantity

_PERIOD_ONLY = re.compile(
    r"\s*[;,]\s*(?:and\s+)?(?:Q[1-4]|quarter\s+(?:one|two|three|four|[1-4]))\s*:?\s*", re.I
)
# a value with no words of its own after it: a list's or a comparison's
_BARE_AFTER = re.compile(rf"\s*(?:[,;.)]|(?:and|{CONTRAST}|but)\b|$)", re.I)

# what may stand between one listed value's words and the next value: a link, "in <place>", a verb of being
_NEXT_PLACE = re.compile(
    rf"\s*[,;]?\s*(?:(?:and|{CONTRAST}|but)\s+)?(?:in|for|at|across)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][^,;:()]*?)"
    r"(?:\s+(?:it|this|the\s+(?:figure|number|total|rate))\s+(?:was|is|were|stood\s+at))?"
    r"(?:\s+(?:was|were|had|saw|with))?\s*",
)


def next_place_in_list(text: str, start: int, end: int, mentions: list[SubjectMention]) -> bool:
    """Whether text[start:end], between one value's words and the next value, names only the next place of a
    list ("in Hartlepool it was", ", in Redcar", "and in Middlesbrough")."""
    m = _NEXT_PLACE.fullmatch(text, start, end)
    if m is None:
        return False
    a, b = m.span("place")
    return any(x.start == a and x.end == b for x in mentions)


# "81,000 children were in care across England and 621 were in Dudley": after the value only a verb of being and
# the place, then the value's end; the measure went unsaid because it is the value's before
_ONLY_A_PLACE_AFTER = re.compile(
    rf"\s+(?:were|was|are|is)\s+(?:in|across|for)\s+(?:the\s+)?(?P<place>[A-Z][^,;:()]*?)"
    rf"(?=\s*(?:[,;.)–—]|\s-\s|(?:and|{CONTRAST}|but)\b|$))",
)
_LINKED_BEFORE = re.compile(rf"(?:[,;]|\b(?:and|{CONTRAST}|but))\s*$", re.I)


def only_a_place_after(
    text: str, previous_end: int, start: int, end: int, mentions: list[SubjectMention]
) -> bool:
    """Whether the value at text[start:end], linked to the clause before it, is followed only by a verb of being
    and a place the paper names ("... and 621 were in Dudley"), and that clause named a place of its own after
    its value ("across England"): one measure told of two places. ("Of Middlesbrough's 621 children in care, 85
    are in Stockton" tells where some of them are.)"""
    m = _ONLY_A_PLACE_AFTER.match(text, end)
    if m is None or not _LINKED_BEFORE.search(text, max(0, start - 12), start):
        return False
    a, b = m.span("place")
    return any(x.start == a and x.end == b for x in mentions) and any(
        previous_end <= x.start and x.end <= start for x in mentions
    )


def stands_bare(text: str, end: int) -> bool:
    """Whether the value ending at end has no words of its own after it ("in Redcar 4,350, and ...")."""
    return bool(_BARE_AFTER.match(text, end))


def names_a_measure(gap: str) -> bool:
    """Whether the words between two numbers name a measure of their own ("compared to an external residential
    placement costing"), so the second number does not share the first one's phrase."""
    words = re.sub(
        r"\b(?:compared|with|to|against|than|versus|vs|whereas|while|whilst|the|a|an|of|for|in|"
        r"nationally|national|average|england|regional|region|statistical|neighbours?|this|that|"
        r"figure|rate|is|was|were|are|which|higher|lower|similar|below|above)\b",
        " ",
        gap,
        flags=re.I,
    )
    return bool(measure_terms(mask_numbers(words)))


def period_list_gap(gap: str, after: str) -> bool:
    """ "Staying Put: Q1 20; Q2 22", "approved: 2021/22 14, 2022/23 9" or "£2.65m in 2020/21, £5.8m in
    2021/22": between two values only a period, so it is the same measure. (With the period after each value,
    only for a value with no words of its own after it but its period: "45 adopted in 2022/23, 30 in the current
    year, and 12 special guardianship orders" lists another measure.)"""
    if _PERIOD_ONLY.fullmatch(gap):
        return True
    dates = find_dates(gap)
    if not dates:  # "£612,051 in the current financial year, £2.65m in 2020/21": a period said in words
        return (
            bool(re.search(r"[;,]\s*(?:and\s+)?$", gap)) and says_only_when(gap) and _only_its_period(after)
        )
    if len(dates) != 1:
        return False
    rest = gap[: dates[0].start] + gap[dates[0].end :]
    if re.fullmatch(r"\s*[;,]?\s*(?:and\s+)?(?:in\s+)?", rest) is not None:
        return True
    return re.fullmatch(r"\s*in\s+[;,]\s*(?:and\s+)?", rest) is not None and _only_its_period(after)


def _only_its_period(after: str) -> bool:
    """Whether the words after a value, to its clause's end, say only when ("in 2021/22", nothing at all)."""
    tail = re.split(r"[,;.()]|\s(?:and|but)\s", after, maxsplit=1)[0]
    return not tail.strip() or says_only_when(tail)


# "3,890 referrals accepted, a rate of 659 per 10,000", "621 were in Dudley - the equivalent of 89 in every 10,000"
_RATE_OF = re.compile(
    r",\s*(?:which\s+is\s+|equating\s+to\s+|equivalent\s+to\s+)?(?:a|the)\s+rate\s+of\s*$"
    r"|(?:[,–—-]|\bwhich\s+is)\s*(?:the\s+)?(?:equivalent\s+(?:of|to)|equating\s+to)\s*$",
    re.I,
)
# "947 children in care in Hull (160 per 10,000 population)": a bracket right after the count's words, holding
# only the rate and what it is per 10,000 of (not "(110 per 10,000 among statistical neighbours)")
_BRACKET_OPENS = re.compile(r"^\s*\(\s*$")
_BRACKET_CLOSES = re.compile(r"\s*\)")


def rate_of_the_count(
    parts: set[int], previous: Quantity, q: Quantity, after_phrase: str, after_value: str
) -> bool:
    """A rate set beside a count measures what the count does ("3,890 referrals accepted, a rate of 659 per
    10,000"); not beside a part of another count ("621 children in care, 85 of whom were placed out of area -
    the equivalent of 89 in every 10,000": the rate is of the whole)."""
    return (
        previous.unit == "count"
        and q.unit in ("per_10000", "rate")
        and bool(
            _RATE_OF.search(after_phrase)
            or (_BRACKET_OPENS.search(after_phrase) and _BRACKET_CLOSES.match(after_value))
        )
        and previous.start not in parts  # (kinds.parts_after: "including 85", "85 of whom")
    )
