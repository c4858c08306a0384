"""Which words of a figure's own phrase the question did not ask for and nothing explains: each would make the
figure a different, narrower measure ("children who LEFT care"). Part of the support check (selection.py)."""

from __future__ import annotations

from qa_assistant.figures.explained_words import (
    age_asked,
    bracket_alias,
    comparative_words,
    domain_words,
    focus_restated,
    initialisms_asked,
    numbers_written,
    party_words,
    person_words,
    slash_explained,
    spelled_out,
)
from qa_assistant.figures.extremes import extreme_terms
from qa_assistant.figures.range_ends import asked_end_terms
from qa_assistant.figures.reading import Reading
from qa_assistant.figures.support_rules import (
    forecast_words,
    money_words_asked,
    never_narrower,
    subject_terms,
    unit_terms,
)
from qa_assistant.figures.when_words import period_words
from qa_assistant.models import Figure


def unasked_phrase_terms(
    f: Figure, left: frozenset[str], asked: frozenset[str], r: Reading, sentence_text: str
) -> frozenset[str]:
    """left: the phrase's terms less the question's and those the concept explains; asked: the question's
    measure terms. What is still left once every word class that names no narrower measure is taken out."""
    question = r.question
    return (
        left
        - unit_terms(f.unit)
        - money_words_asked(question)
        - never_narrower()
        - forecast_words(f)
        - age_asked(asked)
        - spelled_out(f, asked)
        - slash_explained(f.phrase, asked)
        - bracket_alias(f.phrase, asked)
        - domain_words(f.phrase)
        - subject_terms(f)
        - initialisms_asked(f.phrase, question)
        - person_words(f.phrase)
        - period_words(f.phrase)
        - party_words(f.phrase)
        - numbers_written(f.phrase, question)
        - comparative_words(f.phrase, sentence_text)
        - extreme_terms(f.phrase, question)
        - asked_end_terms(question)
        - focus_restated(f, question, sentence_text)
    )
