"""Follow-up questions: "and in July 2020?", "what about England?", "and the rate?" ask about the previous
figure question, and take whatever they leave out (measure, unit, whose figure, date) from it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from qa_assistant.figures.reading import Reading

_FOLLOW_UP = re.compile(
    r"^\s*(?:and|what about|how about|and what about|what of|same for|how has that|how did that|and how|"
    r"what was it|and then|and in|and at|and for|in|for|what was that|and the)\b|"
    r"\b(?:that|it|they|those|this)\b\s*(?:changed|now|then|figure|number)?\s*\??$",
    re.I,
)


def is_follow_up(question: str, previous: Reading | None) -> bool:
    """A question that picks up the previous one ("and in 2020?") or is too short to stand on its own."""
    return previous is not None and (bool(_FOLLOW_UP.search(question)) or len(question.split()) <= 5)


def inherit(reading: Reading, previous: Reading, timeline: bool, latest: bool) -> Reading:
    """A follow-up keeps what it does not say from the previous turn ("and in July 2020?", "and the rate?")."""
    names_new = bool(reading.measure_seq) and (
        reading.concept is not None
        and (previous.concept is None or reading.concept.concept.id != previous.concept.concept.id)
        or len(reading.measure_seq) >= 2
        and not set(reading.measure_seq) <= set(previous.measure_seq)
    )
    updates: dict = {"answer_type": "number"}
    if not names_new:
        updates.update(
            measure_seq=list(previous.measure_seq),
            measure_text=previous.measure_text,
            concept=previous.concept,
        )
        if reading.unit is None:
            updates["unit"] = previous.unit
        if reading.figure_kind == "level":
            updates["figure_kind"] = previous.figure_kind
    if not reading.subject_explicit:
        updates["subject"] = previous.subject
    if (
        reading.date_start is None
        and not reading.quarter
        and not timeline
        and not latest
        and previous.date_start
    ):
        updates.update(
            date_start=previous.date_start, date_end=previous.date_end, date_label=previous.date_label
        )
    return replace(reading, **updates)
