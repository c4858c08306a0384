"""A change said by the words before a number that are no change cue of their own: a change verb, its object
and "by" ("reduce the overspend by £1.6m"), or a change noun, what changed and "of" ("the increase in LAC
numbers of 18.4%"). Part of figures/kinds.py's reading of what kind of figure a number is."""

from __future__ import annotations

import re

from qa_assistant.text.quantity import Quantity

# the verb, up to nine words of its object or when ("had increased significantly over the course of the past
# year by 116") and "by", not a passive's agent ("increased demand driven by 40 new arrivals")
_VERB_OBJECT_CHARS = 90
# "reduce the overspend by £1.6m", "increased the number of carers by 12", "improve the rate of first time entrants
# by 10%": a change verb, its object, then "by"
_VERB_OBJECT_BY = re.compile(
    r"\b(?:reduc|increas|decreas|cut|lower|rais|boost|grow|grew|shrunk|shrink|improv|worsen)\w*\s+"
    # no clause of its own between ("increased as more children were placed in homes run by 4 providers")
    r"(?:(?!(?:as|because|where|while|whilst|when)\b)[\w'’-]+\s+){1,9}?"
    r"by\s*(?:£|around\s+|about\s+|approximately\s+)?$",
    re.I,
)
# a passive's agent, not a change's size: "driven by", "held by", "looked after by", "homes run by 4 providers"
_AGENT_BY = re.compile(
    r"(?:\w+(?:ed|en)|run|held|made|paid|kept|set|sent|brought|met|done|led|put|taught|built|bought|sought|caught|"
    r"told|sold|hit|won|spent|lost|after|for|in)\s+by\b[^\w]*$",
    re.I,
)
# "the increase in LAC numbers of 18.4%", "a reduction in agency spend of £1.2m": a change noun, what changed, then
# "of" (not "an increase in the number of 16 year olds", where the number is what is counted)
_NOUN_IN_OF = re.compile(
    r"\b(?:increase|rise|fall|reduction|decrease|drop|growth|decline)s?\s+in\s+"
    r"(?!(?:sessions?|centres?|centers?|clinics?|services?|groups?)\b)"  # "the drop in sessions"
    r"(?:(?!(?:to|with|at|is|are|was|were|has|had|have|reflects?|reflected)\b)[\w'’-]+\s+){1,5}?of\s*"
    r"(?:£|around\s+|about\s+|approximately\s+)?$",  # not "an increase in LAC to a total of"
    re.I,
)
# "an increase in the number of 25 children", "a rise in demand with an average of 22": the number is what is counted
_COUNTED_OF = re.compile(
    r"\b(?:the\s+(?:number|proportion|percentage|total|amount)|(?:a|an)\s+(?:total|average|peak|high|low|attendance))"
    r"\s+of\s*$",
    re.I,
)


def _change_noun_before(text: str, q: Quantity, start: int) -> bool:
    m = _NOUN_IN_OF.search(text, start, q.start)
    return bool(m) and not _COUNTED_OF.search(text, m.start(), q.start)


def changed_by_words_before(text: str, q: Quantity, start: int) -> bool:
    """Whether a change verb and its object, or a change noun and what changed, lead up to the number (from
    start, the clause's start or the previous number's end)."""
    start = max(start, q.start - _VERB_OBJECT_CHARS)
    verb_by = _VERB_OBJECT_BY.search(text, start, q.start)
    if verb_by and _AGENT_BY.search(text, verb_by.start(), q.start):
        verb_by = None
    return bool(verb_by) or _change_noun_before(text, q, start)
