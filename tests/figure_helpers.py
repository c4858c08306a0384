"""Shared helpers for the figure and question rule tests: read a sentence shape as a paper, and check a
question against one of its figures, with no index and no model."""

from __future__ import annotations

import datetime as dt

from qa_assistant.answering.figure_context import previous_sentence_start
from qa_assistant.figures.candidates import extract_figures
from qa_assistant.figures.question import read
from qa_assistant.figures.selection import Support, check
from qa_assistant.figures.support_context import build_context
from qa_assistant.figures.terms import measure_terms
from qa_assistant.models import Document, Figure

MEETING = dt.date(2024, 6, 12)


def paper(text: str, title: str = "Children's Services performance report") -> Document:
    """Text as a paper of that title met on MEETING."""
    return Document(doc_id="t", file="t.txt", title=title, meeting_date=MEETING, text=text, sha256="0")


def figures(text: str, title: str = "Children's Services performance report") -> list[Figure]:
    """The figures the reader finds in text, read as a paper of that title met on MEETING."""
    return extract_figures(paper(text, title))


def figure(text: str, value_text: str, **kw) -> Figure:
    """The first figure written value_text."""
    found = [f for f in figures(text, **kw) if f.value_text == value_text]
    assert found, [f.value_text for f in figures(text, **kw)]
    return found[0]


def support(
    question: str, text: str, value: str, title: str = "", paper_text: str = "", window: bool = False
) -> Support:
    """The support check of the question against the figure written value in text (in a paper so titled, whose
    whole text, when given, is paper_text; with window, the text before the figure's sentence is read as what the
    paper said before it, as the server reads it)."""
    found = figures(text)
    f = next(x for x in found if x.value_text == value)
    siblings = [g for g in found if g is not f and g.sentence_start == f.sentence_start]
    source = frozenset(measure_terms(title))
    sentence = text[f.sentence_start : f.sentence_end]
    lead = text[previous_sentence_start(text, f.sentence_start) : f.sentence_start]  # as the server reads it
    document = frozenset(measure_terms(paper_text))
    before = text[: f.sentence_start] if window else ""
    ctx = build_context(f, sentence, "", "", siblings, source, document, before, lead_text=lead)
    return check(read(question), f, lambda _: ctx)
