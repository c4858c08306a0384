"""Refusals for what a question asks of a figure's shape rather than its measure: the highest or lowest value,
an average, one end of a range, or a group bounded one way ("more than 20 miles from home"). Each is checked
once the measure itself matched, so the refusal still says the measure was right."""

from __future__ import annotations

from qa_assistant.figures.averages import asks_average, said_average
from qa_assistant.figures.bounds import bounded_the_other_way
from qa_assistant.figures.extremes import asks_extreme, said_extreme
from qa_assistant.figures.range_ends import asked_end, figure_end
from qa_assistant.figures.reading import Reading
from qa_assistant.figures.support_context import FigureContext
from qa_assistant.models import Figure


def shape_refusal(r: Reading, f: Figure, around: FigureContext) -> str | None:
    """Why figure f is not the shape of value question r asks for, or None when it is."""
    sentence = around.sentence_text
    start, end = f.start - f.sentence_start, f.end - f.sentence_start
    if asks_extreme(r.question, r.source_terms) and not said_extreme(f, sentence):
        return "measure: asked for the highest or lowest value; the paper does not call this one so"
    if asks_average(r.question) and not said_average(f, around):
        return "measure: asked for an average; the paper does not give this as one"
    asked = asked_end(r.question)
    if asked and asked != figure_end(sentence, start, end):
        return f"measure: asked the {asked} end of a range; the paper does not give this as it"
    if bounded_the_other_way(r.question, sentence, start, end):
        return "measure: the figure's own words bound what it counts the other way from the question"
    return None
