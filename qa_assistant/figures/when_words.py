"""Words that say when a figure was counted, not what it counts ("last year", "the end of the quarter",
"2013-14"). Read at index time (a label that says only when is not what a number counts) and at answer time
(a figure whose phrase says only when is read from its sentence)."""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.figures.masks import mask_dates, mask_numbers
from qa_assistant.figures.terms import (
    counting_terms,
    lexicon,
    measure_terms,
    phrase_pattern,
    scaffold_terms,
    stem_list,
    terms,
)
from qa_assistant.text.word_numbers import WORD_NUMBER

_WHEN_WORDS = (
    "year", "years", "decade", "decades", "quarter", "quarters", "month", "months", "week", "weeks", "day", "days",
    "period", "periods", "previous", "prior", "last", "earlier", "ago", "before", "since", "end", "start", "beginning",
    "recent", "recently",
)  # fmt: skip
WHEN_WORD = re.compile(rf"\b(?:{'|'.join(_WHEN_WORDS)})\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def says_only_when(phrase: str, ignored: frozenset[str] = frozenset()) -> bool:
    """ "Last year", "the previous year", "the number at the end of the quarter", "2013-14": words that say
    when a figure was counted and nothing of what it counts (ignored: more words that say nothing, such as
    the unit's and the place's)."""
    if not (WHEN_WORD.search(phrase) or _YEAR.search(phrase)):
        return False
    # "Year 10" names a year group: its digits stay among the masked phrase's terms (masks.py), a date's do not
    left = frozenset(measure_terms(mask_numbers(mask_dates(phrase)))) - empty_terms() - ignored
    return not left - period_words(phrase) - when_terms()


@lru_cache(maxsize=1)
def empty_terms() -> frozenset[str]:
    """Words that never say what a number counts: counted nouns, scaffolding, statements, weak words."""
    return (
        counting_terms()
        | stem_list("ubiquitous")
        | stem_list("weak")
        | scaffold_terms()
        | stem_list("heading_words")
        | stem_list("statement_words")
    )


@lru_cache(maxsize=1)
def when_terms() -> frozenset[str]:
    """The terms of the words that say when ("last", "previous", "year")."""
    return frozenset(t for w in _WHEN_WORDS + ("this", "next", "current", "same", "time") for t in terms(w))


@lru_cache(maxsize=1)
def _period_pattern() -> re.Pattern[str]:
    lx = lexicon()
    edges = [
        f"{e} of {the}{n}"
        for e in lx["period_edges"]
        for n in lx["period_nouns"]
        for the in ("", "the ", "this ", "that ", "each ")  # "by the end of this financial year"
    ]
    return phrase_pattern(lx["period_phrases"] + edges)


# "for the last 12 months", "over the past two years", "next year": a window of time counted back or forward
_WINDOW = re.compile(
    r"\b(?:the\s+)?(?:last|past|previous|preceding|prior|rolling|next|coming|following|same)\s+"
    rf"(?:(?:\d{{1,2}}|{WORD_NUMBER.pattern})\s+)?"
    r"(?:financial\s+)?(?:years?|quarters?|months?|weeks?|days?|period)\b",
    re.I,
)


def period_words(phrase: str) -> frozenset[str]:
    """ "the number at the end of the quarter", "their GCSEs in summer 2022", "for the last 12 months": words
    that say when a figure was counted (dates are checked apart), not what it counts."""
    spans = [*_period_pattern().finditer(phrase), *_WINDOW.finditer(phrase)]
    return frozenset(t for m in spans for t in terms(m.group(0)))
