"""Places and values paired in order: "Redcar and Cleveland, Middlesbrough and Durham having percentages of
10.6, 10.5 and 10.4 respectively". Read by subjects.subject_for before it looks for the nearest place."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qa_assistant.figures.subjects import Subject, SubjectMention

_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def respective_subject(
    text: str, q_start: int, clause: tuple[int, int], mentions: list[SubjectMention], other_numbers: list[int]
) -> Subject | None:
    """ "Redcar and Cleveland, Middlesbrough and Durham having percentages of 10.6, 10.5 and 10.4 respectively":
    the places listed before a run of values ending in "respectively" are theirs in order (places in brackets,
    "Harrow (Outer London)", say where a listed place is and are not counted)."""
    resp = _RESPECTIVELY.search(text, q_start, clause[1])
    if resp is None:
        return None
    listed = [
        m
        for m in mentions
        if clause[0] <= m.start
        and m.end <= q_start
        and text.count("(", clause[0], m.start) <= text.count(")", clause[0], m.start)
    ]
    if not listed:
        return None
    run = sorted(n for n in [*other_numbers, q_start] if listed[-1].end <= n < resp.start())
    if len(run) < 2 or len(listed) < len(run):
        return None
    return listed[len(listed) - len(run) + run.index(q_start)].subject
