"""Tables whose cells were flattened into a run of tokens: one cell per line (an HTML table copied from a web
page), or a whole table on one line ("2006 2007 2008 North East 480 470 430 Darlington 20 15 25 ...").

Both are read the same way: a header of period columns ("Quarter 2", "Quarter 3"; "2010" ... "2014", perhaps
repeated under group headers such as "Numbers" and "Rates per 10,000"), then rows of one label followed by
exactly one value per column. A label that is only a place ("Newcastle Upon Tyne", "England") says whose the
row is; the table's caption then says what it counts. Anything that does not fit that shape (two labels before
their values, a value too many or too few) ends the row unread: a value put in the wrong column is a wrong
answer, an unread one is only a missed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qa_assistant.figures.subjects import find_subject_mentions
from qa_assistant.figures.tables import Cell, Column, unit_hint
from qa_assistant.text.dates import DateMention, find_dates
from qa_assistant.text.numbers import Quantity

_BARE_QUARTER = re.compile(r"^(?:quarter\s+(?:one|two|three|four|[1-4])|q[1-4])$", re.I)
_MAX_LABEL_WORDS = 16  # a longer text cell is prose: the table has ended
_MAX_CAPTION_LINES = 3
_MAX_CAPTION_WORDS = 60
_MAX_GROUPS = 3


@dataclass
class _Token:
    kind: str  # period | num | text
    start: int
    end: int
    text: str
    period: DateMention | None = None
    quantity: Quantity | None = None


def stacked_table_cells(text: str, quantities: list[Quantity], reference=None) -> dict[int, Cell]:
    """Table place of every number in a flattened table, keyed by the number's start offset."""
    found: dict[int, Cell] = {}
    for tokens in _token_runs(text, quantities, reference):
        _read_tables(tokens, found)
    return found


def _token_runs(text: str, quantities: list[Quantity], reference) -> list[list[_Token]]:
    """Token runs to read: the sequence of one-cell lines (blank lines between them do not break it), and each
    long line that opens with a row of periods."""
    by_start = {q.start: q for q in quantities}
    stacked: list[_Token] = []
    runs: list[list[_Token]] = []
    last: _Token | None = None  # the line before, when it is short enough to be a caption
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        cell = raw.strip()
        if not cell:
            continue
        s = start + raw.find(cell)
        token = _cell_token(cell, s, by_start, reference)
        previous = last
        last = token if token.kind == "text" and len(cell.split()) <= _MAX_CAPTION_WORDS else None
        inline = _inline_tokens(text, s, s + len(cell), quantities, reference) if token.kind == "text" else []
        if inline:
            if previous is not None:  # "... can be found in the following table." says what it holds
                inline.insert(0, previous)
            runs.append(inline)
        if inline or (token.kind == "text" and len(cell.split()) > _MAX_LABEL_WORDS):
            if len(stacked) > 2:
                runs.append(stacked)
            # a long line is no cell, but it may be the title of the cells below it ("Children who were taken
            # into care during the years ending 31 March, by local authority")
            stacked = [token] if not inline and token is last else []
            continue
        stacked.append(token)
    if len(stacked) > 2:
        runs.append(stacked)
    return runs


def _cell_token(cell: str, start: int, by_start: dict[int, Quantity], reference) -> _Token:
    q = by_start.get(start)
    if q is not None and q.end - q.start == len(cell.rstrip(" *")):
        return _Token("num", start, q.end, cell, quantity=q)
    dates = find_dates(cell, reference=reference) if len(cell) <= 40 else []  # a period cell is short
    if len(dates) == 1 and dates[0].end - dates[0].start >= len(cell) - 1 and len(cell.split()) <= 5:
        return _Token("period", start, start + len(cell), cell, period=dates[0])
    if _BARE_QUARTER.match(cell):
        return _Token("period", start, start + len(cell), cell)
    return _Token("text", start, start + len(cell), cell)


def _inline_tokens(text: str, start: int, end: int, quantities: list[Quantity], reference) -> list[_Token]:
    """A one-line table: periods, numbers and the words between them as tokens, when the line opens with two
    or more periods and nothing else."""
    line = text[start:end]
    head = re.match(r"\s*(?:\d{4}(?:/\d{2})?\s+){2,}", line)
    if not head:
        return []
    dates = find_dates(line[: head.end()], reference=reference)
    if not dates:
        return []
    spans: list[tuple[int, int, str, object]] = [
        (start + d.start, start + d.end, "period", d) for d in dates if d.end <= head.end()
    ]
    spans += [(q.start, q.end, "num", q) for q in quantities if start + head.end() <= q.start < end]
    spans.sort()
    out: list[_Token] = []
    cursor = start
    for s, e, kind, payload in spans:
        gap = text[cursor:s].strip()
        if gap:
            g = cursor + text[cursor:s].find(gap)
            out.append(_Token("text", g, g + len(gap), gap))
        out.append(
            _Token(
                kind,
                s,
                e,
                text[s:e],
                period=payload if kind == "period" else None,
                quantity=payload if kind == "num" else None,
            )
        )
        cursor = e
    return out


def _read_tables(tokens: list[_Token], found: dict[int, Cell]) -> None:
    i = 0
    while i < len(tokens):
        if tokens[i].kind != "period" or i + 1 >= len(tokens) or tokens[i + 1].kind != "period":
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].kind == "period":
            j += 1
        columns, groups = _columns(tokens, i, j)
        caption = _caption(tokens, i - groups)
        i = _read_rows(tokens, j, columns, caption, tokens[i], found)


def _columns(tokens: list[_Token], i: int, j: int) -> tuple[list[Column], int]:
    """The header's columns, and how many group headers just before it were read: a header that repeats its
    periods under as many group headers ("Numbers" | "Rates per 10,000": 2010-2014 twice) takes each group's
    unit."""
    header = tokens[i:j]
    columns = [Column(t.text, period=t.period) for t in header]
    labels = [t.text for t in header]
    for groups in range(_MAX_GROUPS, 1, -1):
        size = len(header) // groups
        if size < 2 or size * groups != len(header):
            continue
        if all(labels[k] == labels[k % size] for k in range(len(labels))):
            names = [t for t in tokens[max(0, i - groups) : i] if t.kind == "text"]
            if len(names) == groups:
                for k, column in enumerate(columns):
                    column.unit_hint = unit_hint(names[k // size].text)
                    column.grouped = True
                return columns, groups
            return columns, 0
    return columns, 0


def _caption(tokens: list[_Token], i: int) -> str:
    """The short text lines just above the header (its title)."""
    lines: list[str] = []
    k = i - 1
    while k >= 0 and tokens[k].kind == "text" and len(lines) < _MAX_CAPTION_LINES:
        lines.insert(0, tokens[k].text)
        k -= 1
    return " | ".join(lines)


def _read_rows(
    tokens: list[_Token], k: int, columns: list[Column], caption: str, header: _Token, found: dict[int, Cell]
) -> int:
    width = len(columns)
    labels = 0  # labels read since the last row's values
    while k < len(tokens):
        if tokens[k].kind != "text" or len(tokens[k].text.split()) > _MAX_LABEL_WORDS:
            return k
        label = tokens[k]
        label_text = label.text
        labels += 1
        k += 1
        while k < len(tokens) and tokens[k].kind == "text" and tokens[k].text.startswith("("):
            label_text += " " + tokens[k].text  # "(mainstream and full approved connected carers)"
            k += 1
        values = []
        while k < len(tokens) and tokens[k].kind == "num":
            values.append(tokens[k])
            k += 1
        if not values:
            continue
        if len(values) == width and labels == 1:
            _place_row(label, label_text, values, columns, caption, header, found)
        elif len(values) != width * labels:
            return k  # a row that does not fit the header: the table (as far as it can be read) ends here
        labels = (
            0  # (several labels, then all their values: which value is whose cannot be told, so none is read)
        )
    return k


def _place_row(
    label: _Token,
    label_text: str,
    values: list[_Token],
    columns: list[Column],
    caption: str,
    header: _Token,
    found: dict[int, Cell],
) -> None:
    mentions = find_subject_mentions(label_text)
    whose = mentions[0].subject if len(mentions) == 1 and _is_only(label_text, mentions[0]) else None
    name = "" if whose else label_text
    for value, column in zip(values, columns):
        col = replace(column, subject=whose) if whose else column
        found[value.quantity.start] = Cell(
            label.start,
            values[-1].end,
            name,
            label.start,
            label.start + (len(label.text) if name else 0),
            col,
            header.start,
            header.end,
            caption,
            unit_hint(label_text),
            caption_is_context=True,
        )


def _is_only(label: str, mention) -> bool:
    """The label is nothing but the place ("Newcastle Upon Tyne", "North East")."""
    rest = label[: mention.start] + label[mention.end :]
    return not re.search(
        r"[A-Za-z]{3,}",
        re.sub(r"\b(?:council|borough|city|county|upon|on|tees|tyne)\b", "", rest, flags=re.I),
    )
