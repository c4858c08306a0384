"""Pipe tables: rows of cells ("CLA rate | 160.2 | 110.0 | 71.0", from HTML tables, tabs or pipes).

A block of pipe rows is one table: its first row with no number is the header whose cells name the columns, a later
all-text row naming periods or comparators starts another header (tables stacked together), and each other
row's first cell is its label. Kept apart from space-aligned tables because cells here are delimited, so a
number's column is told by which cell it sits in, not by counting.
"""

from __future__ import annotations

import re

from qa_assistant.figures.subjects import find_subject_mentions
from qa_assistant.figures.tables import KIND_WORDS, Cell, Column, Line, unit_hint
from qa_assistant.text.dates import find_dates
from qa_assistant.text.periods import fy_of

_SEPARATOR_LINE = re.compile(r"^[\s|:+-]*-{3,}[\s|:+-]*$")
_NOT_FIGURE_COLUMN = re.compile(
    r"^\s*(?:(?:RAG|status|trend|direction|DoT|rating|polarity)\b.*|(?:ref|no\.?|#)\s*)$", re.I
)


def _column(text: str, reference, fy: int | None = None) -> Column:
    col = Column(text.strip())
    if _NOT_FIGURE_COLUMN.match(text):
        col.skip = True
        return col
    subjects = find_subject_mentions(text)
    if subjects:
        col.subject = subjects[0].subject
    dates = find_dates(text, reference=reference, fy=fy)
    if dates:
        col.period = dates[-1]
    for pattern, kind in KIND_WORDS:
        if pattern.search(text):
            col.kind = kind
            break
    col.unit_hint = unit_hint(text)
    return col


def _cells(line: str) -> list[tuple[int, int]]:
    """Cell spans of a pipe row, relative to the line, trimmed; edge pipes ignored."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for part in line.split("|"):
        s, e = pos, pos + len(part)
        while s < e and line[s].isspace():
            s += 1
        while e > s and line[e - 1].isspace():
            e -= 1
        spans.append((s, e))
        pos += len(part) + 1
    if spans and spans[0][0] == spans[0][1] and line.lstrip().startswith("|"):
        spans = spans[1:]
    if spans and spans[-1][0] == spans[-1][1]:
        spans = spans[:-1]
    return spans


def _is_pipe_row(line: str) -> bool:
    return line.count("|") >= 1 and len(_cells(line)) >= 2 and not _SEPARATOR_LINE.match(line)


def pipe_tables(lines: list[Line], found: dict[int, Cell], reference) -> None:
    """Place every number in a block of pipe rows (separator lines between them allowed), block by block."""
    i = 0
    while i < len(lines):
        if not _is_pipe_row(lines[i].text):
            i += 1
            continue
        block_start = i
        while i < len(lines) and (_is_pipe_row(lines[i].text) or _SEPARATOR_LINE.match(lines[i].text)):
            i += 1
        rows = [ln for ln in lines[block_start:i] if _is_pipe_row(ln.text)]
        _read_block(lines, block_start, rows, found, reference)


def _read_block(
    lines: list[Line], block_start: int, rows: list[Line], found: dict[int, Cell], reference
) -> None:
    """One table: header rows set the columns and caption that the data rows after them are read under."""
    above = _caption(lines, block_start)
    header: Line | None = None
    columns: list[Column] = []
    caption = above
    for row in rows:
        spans = _cells(row.text)
        numeric = [
            s for s in spans if any(row.start + s[0] <= q.start < row.start + s[1] for q in row.quantities)
        ]
        if _starts_header(row, spans, numeric, header):
            header = row
            columns, caption = _header(lines, block_start, row, spans, above, reference)
            continue
        _read_row(row, spans, numeric, header, columns, caption, found)


def _starts_header(
    row: Line, spans: list[tuple[int, int]], numeric: list[tuple[int, int]], header: Line | None
) -> bool:
    """The first row without numbers is the header; a later all-text row may start another (stacked tables)."""
    return (
        not numeric
        and header is None
        or (not row.quantities and len(spans) >= 2 and header is not None and _looks_like_header(row, spans))
    )


def _header(
    lines: list[Line], block_start: int, row: Line, spans: list[tuple[int, int]], above: str, reference
) -> tuple[list[Column], str]:
    """A header row's columns, and the caption its rows take: the title above plus a telling first header."""
    fy = _table_year(lines, block_start, row.text, reference)
    columns = [_column(row.text[s:e], reference, fy) for s, e in spans]
    first = row.text[spans[0][0] : spans[0][1]] if spans else ""
    caption = " ".join(x for x in (above, "" if _GENERIC_FIRST_HEADER.match(first) else first) if x)
    return columns, caption


def _read_row(
    row: Line,
    spans: list[tuple[int, int]],
    numeric: list[tuple[int, int]],
    header: Line | None,
    columns: list[Column],
    caption: str,
    found: dict[int, Cell],
) -> None:
    """Each number of a data row under its label and, when the header's cells line up, its column."""
    label_span = _label_span(row, spans, numeric)
    label = row.text[label_span[0] : label_span[1]] if label_span else ""
    for q in row.quantities:
        if label_span and row.start + label_span[0] <= q.start < row.start + label_span[1]:
            # "Re-referrals within 12 months (%)": a number in the row's label is part of its name
            found[q.start] = Cell(
                row.start,
                row.end,
                label,
                row.start + label_span[0],
                row.start + label_span[1],
                Column(label, skip=True),
            )
            continue
        idx = next((k for k, (s, e) in enumerate(spans) if row.start + s <= q.start < row.start + e), None)
        column = (
            columns[idx]
            if header is not None and idx is not None and idx < len(columns) and len(columns) == len(spans)
            else None
        )
        found[q.start] = Cell(
            row.start,
            row.end,
            label,
            row.start + (label_span[0] if label_span else 0),
            row.start + (label_span[1] if label_span else 0),
            column,
            header.start if header else None,
            header.end if header else None,
            caption,
            unit_hint(label) if label else None,
        )


def _label_span(
    row: Line, spans: list[tuple[int, int]], numeric: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The row's first cell is its label unless it is a number; a first cell with words besides its numbers
    ("Care leavers aged 19 to 21 (%)") is still a label, and so is one naming a unit with its denominator
    ("Rate / 1000", "Rate per 10,000": the 1,000 is what the row's numbers are per)."""
    first = spans[0]
    if first not in numeric:
        return first
    text = row.text[first[0] : first[1]]
    if len(spans) > 1 and re.match(r"\s*rate\b", text, re.I) and unit_hint(text) is not None:
        return first
    for q in row.quantities:
        if row.start + first[0] <= q.start < row.start + first[1]:
            text = text.replace(row.text[q.start - row.start : q.end - row.start], " ")
    return first if len(re.findall(r"[A-Za-z]{3,}", text)) >= 2 else None


def _table_year(lines: list[Line], block_start: int, header: str, reference) -> int | None:
    """The financial year a table's bare quarter columns ("Q1 | Q2") belong to: named in its header row, else in
    the few lines above it (its caption or section heading)."""
    for text in [header] + [lines[j].text for j in range(block_start - 1, max(-1, block_start - 6), -1)]:
        years = [d for d in find_dates(text, reference=reference) if d.kind in ("fy", "quarter")]
        if years:
            return fy_of(years[-1].first)
    return None


def _looks_like_header(row: Line, spans: list[tuple[int, int]]) -> bool:
    """A later all-text row that names periods or comparators starts a new header (tables stacked together)."""
    cols = [row.text[s:e] for s, e in spans]
    return sum(1 for c in cols if find_dates(c) or find_subject_mentions(c)) >= 2


_GENERIC_FIRST_HEADER = re.compile(
    r"^\s*(?:measure|indicator|indicators|kpi|metric|description|area|service|"
    r"performance measure|key performance indicator|ref|item)?\s*$",
    re.I,
)


def _caption(lines: list[Line], index: int) -> str:
    """The short line just above a table (its title), unless that is another table's row."""
    for j in range(index - 1, max(-1, index - 3), -1):
        t = lines[j].text.strip()
        if t:
            return t if len(t.split()) <= 20 and not _is_pipe_row(t) else ""
    return ""
