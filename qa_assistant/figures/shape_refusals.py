"""Refusals for what a question asks of a figure's shape rather than its measure: the highest or lowest value, an
average (or a total, which an average is not), one end of a range, a group bounded one way ("more than 20 miles
from home"), a saving, or the doers of what is counted. Each is checked once the measure itself matched, so the
refusal still says the measure was right."""

from __future__ import annotations

import re

from qa_assistant.figures.agents import counts_the_agent
from qa_assistant.figures.averages import asks_average, asks_total, given_as_average, said_average
from qa_assistant.figures.bounds import bounded_the_other_way
from qa_assistant.figures.extremes import asks_extreme, said_extreme
from qa_assistant.figures.moved_to import asks_moved_to, said_moved_to
from qa_assistant.figures.range_ends import asked_end, figure_end
from qa_assistant.figures.reading import Reading
from qa_assistant.figures.support_context import FigureContext
from qa_assistant.models import Figure

# "expected to save £1.2M per year on residential placements": a saving on a measure is not what it costs
_SAVED_BEFORE = re.compile(
    r"\b(?:sav(?:e|es|ed|ing)(?:\s+(?:the\s+)?(?:council|authority|service|us|it|them))?|savings\s+(?:of|totalling|"
    r"worth|amounting\s+to)|a\s+saving\s+of|cost\s+avoidance\s+of)\s+(?:up\s+to\s+|around\s+|about\s+|"
    r"approximately\s+|an\s+estimated\s+)?$",
    re.I,
)
_SAVING_ASKED = re.compile(r"\bsav(?:e|es|ed|ing|ings)\b|\bcuts?\b|\breduc", re.I)
_COST_ASKED = re.compile(
    r"\b(?:costs?|costing|spend\w*|spent|budget\w*|price|paid|pay|charged?|expenditure)\b", re.I
)


def _asks_a_cost_not_a_saving(r: Reading) -> bool:
    """The question asks what something costs or spends ("the annual cost of residential placements"), not a
    saving or cut (a follow-up's "how much of that is delivered?" asks neither)."""
    return bool(_COST_ASKED.search(r.question)) and not _SAVING_ASKED.search(r.question)


def shape_refusal(r: Reading, f: Figure, around: FigureContext) -> str | None:
    """Why figure f is not the shape of value question r asks for, or None when it is."""
    sentence = around.sentence_text
    start, end = f.start - f.sentence_start, f.end - f.sentence_start
    if asks_extreme(r.question, r.source_terms) and not said_extreme(f, sentence):
        return "measure: asked for the highest or lowest value; the paper does not call this one so"
    if asks_average(r.question) and not said_average(f, around):
        return "measure: asked for an average; the paper does not give this as one"
    if asks_total(r.question) and given_as_average(f, sentence):
        return "measure: asked for a total; the paper gives this as an average"
    if asks_moved_to(r.question) and not said_moved_to(sentence, start, end, r.question):
        return "measure: asked the value it moved to; the paper does not give this as one"
    asked = asked_end(r.question)
    if asked and asked != figure_end(sentence, start, end):
        return f"measure: asked the {asked} end of a range; the paper does not give this as it"
    if _SAVED_BEFORE.search(sentence, max(0, start - 40), start) and _asks_a_cost_not_a_saving(r):
        return "measure: the figure is a saving, which the question does not ask for"
    if counts_the_agent(r.question, frozenset(f.terms)):
        return "measure: the figure counts who the question says did it, not what they did"
    if bounded_the_other_way(r.question, sentence, start, end):
        return "measure: the figure's own words bound what it counts the other way from the question"
    return None
