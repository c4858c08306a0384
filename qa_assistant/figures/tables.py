"""Tables flattened to text: which row label and which column header each number sits under.

Two shapes are read. Cell rows ("CLA rate | 160.2 | 110.0 | 71.0", from HTML tables, tabs or pipes) under a
header row of labels (pipe_tables.py); and space-separated rows ("Children looked after 532 540 548") under a
header line that names as many recognisable columns (periods such as "Q1 2023/24" or "2022/23", comparators
such as "England" or "Statistical neighbours", and "Target", "Forecast", "Variance") as the row has numbers
(space_tables.py). A number whose column cannot be told is marked ambiguous rather than guessed: a wrong column
is a wrong answer. This module holds what both shapes produce and share (Cell, Column, the text's lines, unit
hints); table_cells.py reads a document's tables with both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa_assistant.figures.subjects import Subject
from qa_assistant.text.dates import DateMention
from qa_assistant.text.numbers import Quantity

KIND_WORDS = [  # first match wins: a "Projected variance" or "Variance to target" column holds changes
    (
        re.compile(
            r"(?:\b(?:projected|forecast)\s+)?(?:\bvariance\b|\bchange\b|\bdifference\b|\+/-|\bmovement\b)",
            re.I,
        ),
        "change",
    ),
    (re.compile(r"\btarget|\bgoal\b|\bambition\b|\btrajectory\b", re.I), "target"),
    (re.compile(r"\bforecast|\bprojected|\bprojection|\bpredicted", re.I), "forecast"),
]
_UNIT_HINTS = [
    (re.compile(r"£\s?000s?|£\s?k\b|£'000|\(£k\)|£ thousands", re.I), "gbp_thousands"),
    (re.compile(r"£\s?m\b|£ millions|\(£m\)", re.I), "gbp_millions"),
    (re.compile(r"%|\bper\s?cent|percentage|proportion", re.I), "percent"),
    (re.compile(r"per\s+10,?000", re.I), "per_10000"),
    (re.compile(r"\brate\b", re.I), "rate"),
    (re.compile(r"£", re.I), "gbp"),
]


@dataclass
class Column:
    """What a column header says about the numbers under it."""

    text: str
    subject: Subject | None = None
    period: DateMention | None = None
    kind: str | None = None  # target | forecast | change
    unit_hint: str | None = None
    skip: bool = False  # a RAG/status column: not a figure
    grouped: bool = False  # under a group header ("Numbers" | "Rates per 10,000"), which says its unit


@dataclass
class Cell:
    """A number's place in a table."""

    row_start: int
    row_end: int
    label: str  # row label as written ("" if the row has none)
    label_start: int
    label_end: int
    column: Column | None  # None: the column could not be told
    header_start: int | None = None
    header_end: int | None = None
    caption: str = ""  # the line above the header (often the table's title)
    unit_hint: str | None = None  # from the row label ("CLA rate per 10,000", "% of care leavers")
    # the caption describes the whole table: context, never the figure's phrase
    caption_is_context: bool = False


@dataclass
class Line:
    """One line of the text and the quantities on it."""

    start: int
    end: int
    text: str
    quantities: list[Quantity] = field(default_factory=list)


def lines_of(text: str, quantities: list[Quantity]) -> list[Line]:
    """The text's lines, each with the quantities on it: both table shapes are read line by line."""
    out: list[Line] = []
    pos = 0
    qi = 0
    for raw in text.split("\n"):
        line = Line(pos, pos + len(raw), raw)
        while qi < len(quantities) and quantities[qi].start < line.end:
            if quantities[qi].start >= line.start:
                line.quantities.append(quantities[qi])
            qi += 1
        out.append(line)
        pos = line.end + 1
    return out


def unit_hint(text: str) -> str | None:
    """The unit a label or header names ("£000s", "%", "per 10,000"), if any: a bare number takes it."""
    for pattern, hint in _UNIT_HINTS:
        if pattern.search(text):
            return hint
    return None
