"""Where each number of a document sits in a table, if it does: the one entry point to table reading.

Pipe tables are read first, then space-aligned ones, which leave alone any row a pipe table already placed;
that order is why the two readers are called from here rather than from each other.
"""

from __future__ import annotations

from qa_assistant.figures.pipe_tables import pipe_tables
from qa_assistant.figures.space_tables import space_tables
from qa_assistant.figures.tables import Cell, lines_of
from qa_assistant.text.numbers import Quantity


def find_table_cells(text: str, quantities: list[Quantity], reference=None) -> dict[int, Cell]:
    """Table place of every number that sits in a table, keyed by the number's start offset."""
    lines = lines_of(text, quantities)
    found: dict[int, Cell] = {}
    pipe_tables(lines, found, reference)
    space_tables(lines, found, reference)
    return found
