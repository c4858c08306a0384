"""A question that asks for an average ("What was the average care cost per looked-after child?") is answered
only by a figure its paper gives as one ("an average of £38,290 per child", "£5,000 per placement", "each"):
the total the average was worked out from ("spent nearly £28m on care costs") is not. The unit words that
say "average" are taken out of the question's measure words (question_measure.py), so the support check
(selection.py) asks here. The words are data (lexicon: average_words).
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.figures.concepts import unit_family
from qa_assistant.figures.extremes import said_of_the_number
from qa_assistant.figures.question_given import given_spans, stated_asides
from qa_assistant.figures.question_measure import blank_spans
from qa_assistant.figures.subjects import find_subject_mentions
from qa_assistant.figures.support_context import FigureContext
from qa_assistant.figures.terms import lexicon, phrase_pattern, terms
from qa_assistant.models import Figure
from qa_assistant.text.numbers import Quantity, find_quantities

# "per child", "per placement": an amount for each one of something (not a unit of time, a rate's base, or a
# source: "per the Echo's report", "per Lucy Townsend")
_PER_ONE = (
    r"(?<!as\s)\bper\s+(?!cent\b|centum\b|annum\b|week\b|month\b|year\b|day\b|hour\b|night\b|quarter\b|"
    r"term\b|fortnight\b|session\b|\d|the\b|its\b|"
    r"their\b|our\b|this\b|that\b|these\b|those\b|a\b|an\b|his\b|her\b|(?-i:[A-Z]))[a-z]"
)
# "£500 each", "£40 a head": for each one, right after the number
_EACH_ONE_SAID = re.compile(
    r"\s*(?:for\s+)?(?:each(?!\s+(?:year|week|month|day|quarter|annum|term)\b)|a\s+head|per\s+head|apiece)\b",
    re.I,
)
# "above the average", "higher than average": a comparison with an average, not an average asked
_COMPARED_WITH_AVERAGE = re.compile(r"\b(?:above|below|than)\s+(?:the\s+)?average\b", re.I)


@lru_cache(maxsize=1)
def _asked() -> re.Pattern[str]:
    words = [w for w in lexicon()["average_words"] if w != "mean"]
    # "mean" only as a noun ("the mean caseload"), not the verb ("what does the overspend mean for ...")
    return re.compile(rf"{phrase_pattern(words).pattern}|\b(?:the|a|an|its|their|our)\s+mean\b", re.I)


@lru_cache(maxsize=1)
def _asked_per_one() -> re.Pattern[str]:
    # "the cost per child": money for each one is an average; "the caseload per social worker" is the measure
    money = rf"{phrase_pattern(lexicon()['money_words']).pattern}|\bhow\s+much\b|\bspen[dt]\b|\bpa(?:id|y)\b"
    return re.compile(rf"(?:{money})[^?]*?{_PER_ONE}", re.I)


@lru_cache(maxsize=1)
def _said() -> re.Pattern[str]:
    return re.compile(rf"{phrase_pattern(lexicon()['average_words']).pattern}|{_PER_ONE}", re.I)


@lru_cache(maxsize=1)
def _average_words() -> re.Pattern[str]:
    return re.compile(phrase_pattern(lexicon()["average_words"]).pattern, re.I)


def _comparator_named(text: str) -> bool:
    """ "statistical neighbours spend less on average", "across the North East": another's average."""
    return bool(_COMPARED_WITH_AVERAGE.search(text)) or any(
        m.subject.kind != "own" for m in find_subject_mentions(text)
    )


@lru_cache(maxsize=1)
def _average_terms() -> frozenset[str]:
    return frozenset(t for w in lexicon()["average_words"] for t in terms(w))


@lru_cache(maxsize=1024)
def asks_average(question: str) -> bool:
    """Whether a question asks for an average or an amount for each one ("average caseload", "cost per child");
    not a comparator's average ("the statistical neighbour average", "the national average": the places and
    comparators subjects.py finds) nor a comparison with one, nor in what the question gives ("the report on the
    strategy (£850 a week per child)": question_given.py). Cached: the support check asks it per figure."""
    question = _without_comparators(blank_spans(question, given_spans(question) + stated_asides(question)))
    return bool(_asked().search(question) or _asked_per_one().search(question))


@lru_cache(maxsize=1)
def _total_asked() -> re.Pattern[str]:
    return re.compile(phrase_pattern(lexicon()["total_words"]).pattern, re.I)


@lru_cache(maxsize=1024)
def asks_total(question: str) -> bool:
    """Whether a question asks for a whole amount ("the total cost of children in care", "how many in all") and
    not an average or an amount for each one: then a figure the paper gives as an average ("at an average weekly
    cost of £2,870") does not answer it. Cached: the support check asks it per figure."""
    return bool(_total_asked().search(question)) and not asks_average(question)


def _without_comparators(text: str) -> str:
    """text with the places and comparators it names, and "above / than (the) average", blanked."""
    for m in find_subject_mentions(text):
        if m.subject.kind != "own":
            text = text[: m.start] + " " * (m.end - m.start) + text[m.end :]
    return _COMPARED_WITH_AVERAGE.sub(lambda m: " " * len(m.group(0)), text)


def said_average(f: Figure, around: FigureContext) -> bool:
    """Whether the paper gives the figure as an average or an amount for each one: in its value ("£4,500 per
    child per week") or phrase; near the number (before it, no other value of its unit, nor a value of another
    unit than a count, between: "the average cost of the current 49 external placements is £7,010"); "each"
    right after it; in the sentence before when that gives no number of its own (an average it gives is that
    number's: "... the average number of crimes committed by reoffenders. Middlesbrough reoffenders committed
    the highest number, at 3.4 offences"); or, for a target, anywhere in its sentence ("the average time ... was
    609 days, exceeding the target of 426 days")."""
    if any(_said().search(text) for text in (f.value_text, f.phrase, f.context)):
        return True
    lead = around.lead_text  # an average named there, of no number and no comparator, is this one's
    if _average_words().search(lead) and not find_quantities(lead) and not _comparator_named(lead):
        return True
    if around.near & _average_terms():
        return True
    at = f.end - f.sentence_start
    if _EACH_ONE_SAID.match(around.sentence_text, at):
        return True
    if f.kind in ("target", "forecast"):
        return bool(_said().search(around.sentence_text))

    def closes(q: Quantity) -> bool:  # a count inside what is averaged does not ("the current 49 placements")
        return unit_family(q.unit) == unit_family(f.unit) or q.unit != "count"

    return said_of_the_number(f, around.sentence_text, _said(), closes)


# what ends the words said of a number before it: a clause break or another number
_BEFORE_BREAK = re.compile(r"[,;:()–—]|\d")


def given_as_average(f: Figure, sentence_text: str) -> bool:
    """Whether the paper gives the figure itself as an average or an amount for each one: in its value ("£4,500
    per child") or its phrase ("The cost per child ..., at £62,000"), in its own words right before it ("at an
    average weekly cost of £2,870"; not "above average, at 310"), or "each" right after it ("£3.1m each year" is
    no average). Stricter than said_average: "310 children in care, an average of 12 per social worker" gives
    310 as no average, nor does a phrase read after another value ("at an average of £44,000 per child, was
    £13.3m")."""
    if _said().search(f.value_text):
        return True
    at = f.start - f.sentence_start
    if not 0 <= at <= len(sentence_text):
        return False
    phrase_at = (f.phrase_start or f.sentence_start) - f.sentence_start
    if not re.search(r"\d\s*$", sentence_text[:phrase_at]) and _said().search(
        _COMPARED_WITH_AVERAGE.sub(" ", f.phrase)
    ):
        return True  # "The cost per child in care is above average, at £62,000" (not a phrase after another value)
    before = _COMPARED_WITH_AVERAGE.sub(" ", sentence_text[max(0, at - 60) : at])
    breaks = list(_BEFORE_BREAK.finditer(before))
    own_words = before[breaks[-1].end() :] if breaks else before
    return bool(_said().search(own_words) or _EACH_ONE_SAID.match(sentence_text, at + (f.end - f.start)))
