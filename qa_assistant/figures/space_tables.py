"""Space-aligned tables: rows such as "Children looked after 532 540 548" under a header line.

The header line names as many recognisable columns (periods, comparators, kind words such as "Target") as a
row has numbers; a row with a different count keeps its numbers but not their columns. Kept apart from pipe
tables because here nothing delimits the cells: columns are matched by counting, and any words between the
numbers mean prose, not a row.
"""

from __future__ import annotations

import re

from qa_assistant.figures.subjects import find_subject_mentions
from qa_assistant.figures.tables import KIND_WORDS, Cell, Column, Line, unit_hint
from qa_assistant.text.dates import find_dates


def _space_header_columns(line: Line, reference) -> list[Column]:
    """Columns named on a space-separated header line, in order: periods, comparators and kind words."""
    marks: list[tuple[int, Column]] = []
    for d in find_dates(line.text, reference=reference):
        marks.append((d.start, Column(line.text[d.start : d.end], period=d)))
    taken = [(pos, pos + len(c.text)) for pos, c in marks]
    for m in find_subject_mentions(line.text):
        if not any(a < m.end and m.start < b for a, b in taken):
            marks.append((m.start, Column(line.text[m.start : m.end], subject=m.subject)))
    for pattern, kind in KIND_WORDS:
        for m in pattern.finditer(line.text):
            if not any(a <= m.start() < b for a, b in taken):
                marks.append((m.start(), Column(m.group(0), kind=kind)))
                taken.append(m.span())
    marks.sort(key=lambda x: x[0])
    return [c for _, c in marks]


def space_tables(lines: list[Line], found: dict[int, Cell], reference) -> None:
    """Place the numbers of each row under the last header line above it (a blank line ends a table)."""
    header: Line | None = None
    columns: list[Column] = []
    for line in lines:
        if not line.text.strip():
            header, columns = None, []
            continue
        if "|" in line.text:
            continue
        if not line.quantities:
            cols = _space_header_columns(line, reference)
            if len(cols) >= 2 and len(line.text.split()) <= 4 * len(cols) + 6:
                header, columns = line, cols
            continue
        if header is None or len(line.quantities) < 2:
            continue
        if any(q.start in found for q in line.quantities):
            continue
        first = line.quantities[0]
        label = line.text[: first.start - line.start].strip(" :-–|•")
        between = [
            line.text[a.end - line.start : b.start - line.start]
            for a, b in zip(line.quantities, line.quantities[1:])
        ]
        if not label or any(re.search(r"[A-Za-z]{3,}", gap) for gap in between):
            continue  # prose with several numbers, not a row of cells
        aligned = len(line.quantities) == len(columns)
        label_start = line.start + line.text.find(label)
        for k, q in enumerate(line.quantities):
            found[q.start] = Cell(
                line.start,
                line.end,
                label,
                label_start,
                label_start + len(label),
                columns[k] if aligned else None,
                header.start,
                header.end,
                header.text.strip(),
                unit_hint(label),
            )
