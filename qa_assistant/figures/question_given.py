"""What a question gives rather than asks: a figure it states to name its paper ("In the scorecard reporting a
22.6% reduction, ..."), a count it states with what it counts ("that also counted 284 care leavers"), the whole
a part is asked of ("how many of the 22 areas"), a budget a variance is measured against, and a change's base.
These spans are blanked before the question is read, so none of them is taken as the measure, unit or date.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.figures.question_kind import CHANGE
from qa_assistant.figures.relative import EARLIER_PERIOD
from qa_assistant.figures.terms import lexicon, measure_terms, phrase_pattern

# "In the scorecard reporting a 22.6% reduction, how many ...", "In the £14m savings announcement, what share ...":
# a figure the question states says which paper it means; it is given, not asked, so its unit and digits are not
# the question's
_STATED_FIGURE = re.compile(
    r"(?:£\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m|bn|million|billion)?\b|"
    r"\b\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent\b))"
    # with the change it states: "a 22.3% reduction since August 2020"
    r"(?:\s+(?:reduction|increase|rise|fall|drop|decrease|cut|growth)(?:\s+(?:since|from)\s+[A-Z][a-z]+\.?"
    r"(?:\s+(?:19|20)\d{2})?)?\b)?",
    re.I,
)


# "the report on the strategy (£850 a week per child)": a bracketed aside that states a figure names the paper
# by it, so "per child" there asks no average ("(£000 per child)" is a unit heading, not a figure)
_STATED_ASIDE = re.compile(r"\((?=[^()]*?(?:£\s?(?!0+s?\b)\d|\d\s?%|\d\s?per\s?cent\b))[^()]*\)", re.I)


def stated_asides(question: str) -> list[tuple[int, int]]:
    """Where a question states a figure in brackets to name its paper (not blanked for the whole reading: its
    dates still say when, "(in 2023/24, up 5%)"; averages.py reads the question without them)."""
    return [m.span() for m in _STATED_ASIDE.finditer(question)]


@lru_cache(maxsize=1)
def _stated_count() -> re.Pattern[str]:
    """ "in the verbal update that also counted 284 care leavers", "investing ..., including more than 40 social
    workers?": a count the question gives, with what it counts (not "a placement history that included 3 moves")."""
    papers = phrase_pattern(lexicon()["source_nouns"]).pattern
    return re.compile(
        rf"(?:{papers}\s+|,\s*)(?P<given>(?:(?:that|which)\s+(?:also\s+)?(?:counted|reported|recorded|listed|showed)|"
        rf"including)\s+(?:(?:more\s+than|over|around|about)\s+)?\d[\d,]*(?:\s+[A-Za-z'’-]+){{1,5}}?)(?=\s*(?:[?,.;]|$))",
        re.I,
    )


# "down on the same point a year earlier", "compared with last year": the base a change is measured from, a
# date and not a measure
_CHANGE_BASE = re.compile(
    rf"\b(?:(?:on|from|than|compared\s+(?:with|to))\s+)?(?:the\s+)?same\s+(?:point|time|period|quarter|month|"
    rf"date)\s+(?:{EARLIER_PERIOD})\b|\bcompared\s+(?:with|to)\s+(?:{EARLIER_PERIOD})\b",
    re.I,
)


# "What net overspend was forecast against its 2024-25 revenue budget?", "By how much did the directorate overrun
# its budget?": "budget", what a variance is measured against, is not what is asked (its year says when, its
# other words which: "the high needs budget")
_AGAINST_BUDGET = re.compile(
    r"\b(?:against|overspe\w*|underspe\w*|overr[ua]n\w*|exceed\w*)\s+(?:the|its|their|our|this|that)?\s*"
    r"(?:\d{4}(?:[/-]\d{2,4})?\s+)?"
    r"(?:[A-Za-z'’-]+\s+){0,3}?(?P<given>budgets?)\b",
    re.I,
)


# "In how many of the 22 areas in the report was Sutton deemed adequate?": the whole the parts are asked of is
# given with its number; what the parts are is asked ("deemed adequate"), as in "Of the 153 children, how many ..."
_STATED_WHOLE = re.compile(
    r"\bhow\s+many\s+of\s+(?P<given>(?:the|its|their|our|these|those)\s+(?!(?:19|20)\d\d\b)\d[\d,]*"
    r"(?P<whole>(?:\s+(?!(?:in|on|at|of|for|from|"
    r"by|did|does|do|was|were|is|are|had|has|have|would|will|could|can|that|which|who)\b)[A-Za-z'’-]+){1,3}))",
    re.I,
)


@lru_cache(maxsize=256)
def stated_whole_terms(question: str) -> frozenset[str]:
    """The terms of the whole a question asks a part of ("how many of the 22 areas" -> area): given, so not part
    of the measure, but the figure's sentence must still say it (any of its numbers may own the words)."""
    return frozenset(t for m in _STATED_WHOLE.finditer(question) for t in measure_terms(m.group("whole")))


def given_spans(question: str) -> list[tuple[int, int]]:
    """Where the question states a figure of its own ("the 22.3% reduction", "the £14m savings"), or, when it
    asks for a change, the base the change is measured from ("by what percentage ... down on the same point a
    year earlier"). Without a change asked, "compared with last year" asks for both years: it stays."""
    bases = [m.span() for m in _CHANGE_BASE.finditer(question)] if CHANGE.search(question) else []
    stated = [m.span() for m in _STATED_FIGURE.finditer(question)]
    stated += [m.span("given") for m in _stated_count().finditer(question)]
    stated += [m.span("given") for m in _STATED_WHOLE.finditer(question)]
    return stated + [m.span("given") for m in _AGAINST_BUDGET.finditer(question)] + bases
