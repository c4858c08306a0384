"""A question for one end of a range ("What was the top of the weekly cost range?", "the upper end of the
contract value") is answered only by that end of a range the paper gives ("ranges between £350 and £3,500"):
the other end, or a value given on its own, is not it. The words that ask for the end ("top", "upper end",
"range") say which value, not what is counted.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.figures.terms import measure_terms

_HIGH = r"top|upper|highest|maximum|max|high|higher"
_LOW = r"bottom|lower|lowest|minimum|min|low"
_ASKED_END = re.compile(
    rf"\b(?:(?P<high>{_HIGH})|(?P<low>{_LOW}))(?:\s+(?:end|limit|point|figure|value|bound))?\s+of\s+"
    r"(?:the\s+|its\s+|their\s+|our\s+)?(?:[\w'’-]+\s+){0,6}?(?:range|band|bracket|scale)\b|"
    rf"\b(?:(?P<high2>{_HIGH})|(?P<low2>{_LOW}))\s+(?:end|limit|bound)\b",
    re.I,
)
_VALUE = r"£?\d[\d,.]*(?:\s?(?:m|bn|k|million|billion|%))?"
_OPENS_RANGE = re.compile(r"\b(?:between|from)\s+$", re.I)
_CLOSES_RANGE = re.compile(rf"\b(?:between|from)\s+{_VALUE}\s*(?:and|to|-|–)\s*$", re.I)
_NEXT_END = re.compile(rf"\s*(?:and|to|-|–)\s*{_VALUE}", re.I)
_RANGE_WORDS = frozenset(measure_terms("range ranges ranging end limit band bracket scale"))


@lru_cache(maxsize=256)  # read once per question, not once per candidate figure
def asked_end(question: str) -> str | None:
    """ "high" or "low" when the question asks for one end of a range ("the top of the cost range", "the upper
    end of the contract value"), else None ("the highest rate" with no range is an extreme, see extremes.py)."""
    m = _ASKED_END.search(question)
    if m is None:
        return None
    return "high" if m.group("high") or m.group("high2") else "low"


@lru_cache(maxsize=256)
def asked_end_terms(question: str) -> frozenset[str]:
    """The terms of the words that ask for an end ("top", "upper", "end", "range"), not what is counted."""
    if asked_end(question) is None:
        return frozenset()
    words = {t for m in _ASKED_END.finditer(question) for t in measure_terms(m.group(0).split(" of ")[0])}
    return frozenset(words) | _RANGE_WORDS


def figure_end(sentence: str, at: int, end: int) -> str | None:
    """Which end of a range the number at [at, end) of its sentence is: "low" in "between £350 and £3,500",
    "high" for the £3,500, None for a value given on its own."""
    if _OPENS_RANGE.search(sentence, max(0, at - 12), at) and _NEXT_END.match(sentence, end):
        return "low"
    if _CLOSES_RANGE.search(sentence, max(0, at - 60), at):
        return "high"
    return None
