"""Timelines and conflicts: which figures of a series make its timeline (dated levels in date order, a
paper's repeat of a figure said once, none before the date asked), and the one rule for when papers
conflict: they give different values for the same as-of date.
"""

from __future__ import annotations

from qa_assistant.answering.figure_choice import Scored
from qa_assistant.figures.reading import Reading
from qa_assistant.models import FigureValue


def timeline_points(series: list[Scored], r: Reading) -> list[Scored]:
    """The dated levels of a series in date order, each once per paper and date, from the date asked on:
    the points a timeline shows."""
    points = sorted(
        (s for s in series if s.figure.as_of.known and s.figure.kind == "level"),
        key=lambda s: (s.figure.as_of.end, s.figure.as_of.start),
    )
    once: dict[tuple, Scored] = {}
    for s in points:  # a paper that repeats a figure (summary and body) reports it once
        once.setdefault((s.figure.value, s.figure.doc_id, s.figure.as_of.label), s)
    points = list(once.values())
    if r.date_start is not None:
        points = [s for s in points if s.figure.as_of.end >= r.date_start]
    return points


def by_date(values: list[FigureValue]) -> dict[str, list[FigureValue]]:
    """Values grouped by their as-of date label, in the order the dates first appear."""
    out: dict[str, list[FigureValue]] = {}
    for v in values:
        out.setdefault(v.as_of.label, []).append(v)
    return out


def disagree(values: list[FigureValue]) -> bool:
    """Values for one date conflict when they are different numbers: an answer must show both, not pick one."""
    return len({v.value for v in values}) > 1


def conflicts(values: list[FigureValue]) -> str:
    """The dates the papers give different figures for, with those figures ("March 2023: 480 vs 500")."""
    return "; ".join(
        f"{label}: " + " vs ".join(v.value_text for v in vs)
        for label, vs in by_date(values).items()
        if disagree(vs)
    )


def timeline_text(label: str, values: list[FigureValue]) -> tuple[str, bool]:
    """A timeline in words, noting any date the papers disagree on; and whether any do."""
    lines = [f"{v.value_text} ({v.as_of.label}; {v.citation.title})" for v in values]
    text = f"Reported figures for {label}, in date order: " + "; ".join(lines) + "."
    same_date = conflicts(values)
    if same_date:
        text += " Note: the papers give different figures for the same date: " + same_date + "."
    return text, bool(same_date)
