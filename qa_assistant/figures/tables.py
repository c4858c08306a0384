"""Tables flattened to text: which row label and which column header each number sits under.

Two shapes are read. Cell rows ("CLA rate | 160.2 | 110.0 | 71.0", from HTML tables, tabs or pipes) under a
header row of labels; and space-separated rows ("Children looked after 532 540 548") under a header line that
names as many recognisable columns (periods such as "Q1 2023/24" or "2022/23", comparators such as "England"
or "Statistical neighbours", and "Target", "Forecast", "Variance") as the row has numbers. A number whose
column cannot be told is marked ambiguous rather than guessed: a wrong column is a wrong answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa_assistant.figures.subjects import Subject, find_subject_mentions
from qa_assistant.text.dates import DateMention, find_dates
from qa_assistant.text.numbers import Quantity

_SEPARATOR_LINE = re.compile(r"^[\s|:+-]*-{3,}[\s|:+-]*$")
_KIND_WORDS = [  # first match wins: a "Projected variance" or "Variance to target" column holds changes
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
_NOT_FIGURE_COLUMN = re.compile(
    r"^\s*(?:(?:RAG|status|trend|direction|DoT|rating|polarity)\b.*|(?:ref|no\.?|#)\s*)$", re.I
)
_UNIT_HINTS = [
    (re.compile(r"£\s?000s?|£\s?k\b|£'000|\(£k\)|£ thousands", re.I), "gbp_thousands"),
    (re.compile(r"£\s?m\b|£ millions|\(£m\)", re.I), "gbp_millions"),
    (re.compile(r"%|\bper\s?cent|percentage|proportion", re.I), "percent"),
    (re.compile(r"per\s+10,?000", re.I), "per_10000"),
    (re.compile(r"\brate\b", re.I), "rate"),
    (re.compile(r"£", re.I), "gbp"),
]
_MIN_ROWS_FOR_SPACE_TABLE = 1


@dataclass
class Column:
    """What a column header says about the numbers under it."""

    text: str
    subject: Subject | None = None
    period: DateMention | None = None
    kind: str | None = None  # target | forecast | change
    unit_hint: str | None = None
    skip: bool = False  # a RAG/status column: not a figure


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
    caption_is_context: bool = (
        False  # the caption describes the whole table: context, never the figure's phrase
    )


@dataclass
class _Line:
    start: int
    end: int
    text: str
    quantities: list[Quantity] = field(default_factory=list)


def _lines(text: str, quantities: list[Quantity]) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    qi = 0
    for raw in text.split("\n"):
        line = _Line(pos, pos + len(raw), raw)
        while qi < len(quantities) and quantities[qi].start < line.end:
            if quantities[qi].start >= line.start:
                line.quantities.append(quantities[qi])
            qi += 1
        out.append(line)
        pos = line.end + 1
    return out


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
    for pattern, kind in _KIND_WORDS:
        if pattern.search(text):
            col.kind = kind
            break
    col.unit_hint = unit_hint(text)
    return col


def unit_hint(text: str) -> str | None:
    for pattern, hint in _UNIT_HINTS:
        if pattern.search(text):
            return hint
    return None


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


def find_table_cells(text: str, quantities: list[Quantity], reference=None) -> dict[int, Cell]:
    """Table place of every number that sits in a table, keyed by the number's start offset."""
    lines = _lines(text, quantities)
    found: dict[int, Cell] = {}
    _pipe_tables(text, lines, found, reference)
    _space_tables(lines, found, reference)
    return found


def _pipe_tables(text: str, lines: list[_Line], found: dict[int, Cell], reference) -> None:
    i = 0
    while i < len(lines):
        if not _is_pipe_row(lines[i].text):
            i += 1
            continue
        block_start = i
        while i < len(lines) and (_is_pipe_row(lines[i].text) or _SEPARATOR_LINE.match(lines[i].text)):
            i += 1
        rows = [ln for ln in lines[block_start:i] if _is_pipe_row(ln.text)]
        above = _caption(lines, block_start)
        header: _Line | None = None
        columns: list[Column] = []
        caption = above
        for row in rows:
            spans = _cells(row.text)
            numeric = [
                s
                for s in spans
                if any(row.start + s[0] <= q.start < row.start + s[1] for q in row.quantities)
            ]
            if (
                not numeric
                and header is None
                or (
                    not row.quantities
                    and len(spans) >= 2
                    and header is not None
                    and _looks_like_header(row, spans)
                )
            ):
                header = row
                fy = _table_year(lines, block_start, row.text, reference)
                columns = [_column(row.text[s:e], reference, fy) for s, e in spans]
                first = row.text[spans[0][0] : spans[0][1]] if spans else ""
                caption = " ".join(
                    x for x in (above, "" if _GENERIC_FIRST_HEADER.match(first) else first) if x
                )
                continue
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
                idx = next(
                    (k for k, (s, e) in enumerate(spans) if row.start + s <= q.start < row.start + e), None
                )
                column = (
                    columns[idx]
                    if header is not None
                    and idx is not None
                    and idx < len(columns)
                    and len(columns) == len(spans)
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
    row: _Line, spans: list[tuple[int, int]], numeric: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The row's first cell is its label unless it is a number; a first cell with words besides its numbers
    ("Care leavers aged 19 to 21 (%)") is still a label."""
    first = spans[0]
    if first not in numeric:
        return first
    text = row.text[first[0] : first[1]]
    for q in row.quantities:
        if row.start + first[0] <= q.start < row.start + first[1]:
            text = text.replace(row.text[q.start - row.start : q.end - row.start], " ")
    return first if len(re.findall(r"[A-Za-z]{3,}", text)) >= 2 else None


def _table_year(lines: list[_Line], block_start: int, header: str, reference) -> int | None:
    """The financial year a table's bare quarter columns ("Q1 | Q2") belong to: named in its header row, else in
    the few lines above it (its caption or section heading)."""
    for text in [header] + [lines[j].text for j in range(block_start - 1, max(-1, block_start - 6), -1)]:
        years = [d for d in find_dates(text, reference=reference) if d.kind in ("fy", "quarter")]
        if years:
            last = years[-1].first
            return last.year if last.month >= 4 else last.year - 1
    return None


def _looks_like_header(row: _Line, spans: list[tuple[int, int]]) -> bool:
    """A later all-text row that names periods or comparators starts a new header (tables stacked together)."""
    cols = [row.text[s:e] for s, e in spans]
    return sum(1 for c in cols if find_dates(c) or find_subject_mentions(c)) >= 2


_GENERIC_FIRST_HEADER = re.compile(
    r"^\s*(?:measure|indicator|indicators|kpi|metric|description|area|service|"
    r"performance measure|key performance indicator|ref|item)?\s*$",
    re.I,
)


def _caption(lines: list[_Line], index: int) -> str:
    """The short line just above a table (its title), unless that is another table's row."""
    for j in range(index - 1, max(-1, index - 3), -1):
        t = lines[j].text.strip()
        if t:
            return t if len(t.split()) <= 20 and not _is_pipe_row(t) else ""
    return ""


def _space_header_columns(line: _Line, reference) -> list[Column]:
    """Columns named on a space-separated header line, in order: periods, comparators and kind words."""
    marks: list[tuple[int, Column]] = []
    for d in find_dates(line.text, reference=reference):
        marks.append((d.start, Column(line.text[d.start : d.end], period=d)))
    taken = [(pos, pos + len(c.text)) for pos, c in marks]
    for m in find_subject_mentions(line.text):
        if not any(a < m.end and m.start < b for a, b in taken):
            marks.append((m.start, Column(line.text[m.start : m.end], subject=m.subject)))
    for pattern, kind in _KIND_WORDS:
        for m in pattern.finditer(line.text):
            if not any(a <= m.start() < b for a, b in taken):
                marks.append((m.start(), Column(m.group(0), kind=kind)))
                taken.append(m.span())
    marks.sort(key=lambda x: x[0])
    return [c for _, c in marks]


def _space_tables(lines: list[_Line], found: dict[int, Cell], reference) -> None:
    header: _Line | None = None
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
