"""One sentence being read for its figures, with the paper-wide indexes its numbers are read against.

A sentence here is a sentence, a table row or a list item. Its figures are read by several modules (phrase
finding, list lead-ins, figure assembly); this record is what they share, so each of them is a set of
functions over it rather than one large class.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qa_assistant.figures.asof_context import AsOfContext
from qa_assistant.figures.kinds import part_of_opening_whole, parts_after
from qa_assistant.figures.subjects import Subject, SubjectMention
from qa_assistant.figures.tables import Cell
from qa_assistant.models import Document
from qa_assistant.text.numbers import Quantity
from qa_assistant.text.spans import Span


@dataclass
class SentenceReading:
    """The figures of one sentence (or table row, or list item), read left to right."""

    doc: Document
    text: str
    sentence: Span
    qs: list[Quantity]
    mentions: list[SubjectMention]
    default: Subject
    ctx: AsOfContext
    cells: dict[int, Cell]
    stops: set[int]
    thresholds: dict[int, int]
    list_part: bool
    acronyms: dict[str, str] = field(default_factory=dict)  # "PO" -> "Placement Orders", defined in the paper
    parts: set[int] = field(init=False)  # numbers that are parts of the number before them
    # number start -> the noun it counts, when its phrase is elsewhere
    counted: dict[int, str] = field(init=False)

    def __post_init__(self) -> None:
        self.parts = parts_after(self.text, self.qs) | part_of_opening_whole(
            self.text, self.sentence[0], self.qs
        )
        self.counted = {}
