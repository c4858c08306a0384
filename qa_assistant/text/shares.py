"""Shares a paper writes in words: "three out of four young people", "one in ten homes", "a quarter of referrals",
"two thirds of carers", "half of". Each is a percentage as written (the figure's text stays the paper's own
words); numbers.find_quantities puts them in place of the counts their digits or number words would be read as.
A larger "out of" ("120 out of 200 care leavers") is two counts, the part and the whole, and is left to them.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Share(NamedTuple):
    start: int
    end: int
    text: str
    percent: float


_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_BASES = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "ten": 10,
    "twenty": 20,
    "hundred": 100,
    "a hundred": 100,
}
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}

_N_IN_M = re.compile(
    r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|[1-9])\s+(?:in|out\s+of)\s+(?:every\s+)?"
    r"(?P<m>two|three|four|five|ten|twenty|a\s+hundred|hundred|[2-9]|[1-9]\d{1,2})\b(?![,.]?\d)"
    r"(?!\s+(?:days?|weeks?|months?|years?|hours?|minutes?|working)\b)",  # "3 in 4 weeks" is a time
    re.I,
)
# "a quarter of referrals", not "the first half of 2023" or "half of the year" (a period)
_FRACTION = re.compile(
    r"(?<!first )(?<!second )(?<!last )(?<!latter )(?<!next )"
    r"\b(?:(?:a|one)\s+(?P<one>half|third|quarter|fifth|tenth)|(?P<n>two|three|four)\s+(?P<many>thirds|quarters|"
    r"fifths|tenths)|(?P<half>half))(?=\s+of\b)(?!\s+of\s+(?:the\s+|this\s+|that\s+)?(?:\d|year|financial|"
    r"academic|month|quarter|term|week|day|period|time)\b)",
    re.I,
)


def _count(word: str, table: dict[str, int]) -> int:
    word = " ".join(word.lower().split())
    return table[word] if word in table else int(word)


def find_shares(text: str) -> list[Share]:
    """Shares written in words, in text order, as percentages ("one in ten" -> 10.0)."""
    found: list[Share] = []
    for m in _N_IN_M.finditer(text):
        n, whole = _count(m.group("n"), _SMALL), _count(m.group("m"), _BASES)
        if 0 < n < whole:
            found.append(Share(m.start(), m.end(), m.group(0), 100 * n / whole))
    for m in _FRACTION.finditer(text):
        if m.group("half"):
            value = _FRACTIONS["half"]
        elif m.group("one"):
            value = _FRACTIONS[m.group("one").lower()]
        else:
            value = _count(m.group("n"), _SMALL) * _FRACTIONS[m.group("many").lower().rstrip("s")]
        found.append(Share(m.start(), m.end(), m.group(0), value))
    return sorted(found, key=lambda q: q.start)
