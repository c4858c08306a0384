"""A number in a table becomes a figure: its row label is its phrase, its column says whose, when and what kind.

table_cells.py (with pipe_tables.py, space_tables.py and stacked.py) has placed the number under its row label
and column header; this module reads the figure from that place. A table number's reading has nothing to do
with the sentence around it, so it is kept apart from prose figures.
"""

from __future__ import annotations

import re
from dataclasses import replace

from qa_assistant.figures import asof as asof_rules
from qa_assistant.figures.assembly import NumberFacts, figure, unit_of
from qa_assistant.figures.kinds import LEVEL
from qa_assistant.figures.phrases import NONE, Phrase
from qa_assistant.figures.sentence import SentenceReading
from qa_assistant.figures.subjects import find_subject_mentions
from qa_assistant.figures.tables import Cell, unit_hint
from qa_assistant.figures.terms import measure_terms
from qa_assistant.models import AsOf, Figure
from qa_assistant.text.numbers import Quantity

_COUNT_LABEL = re.compile(r"\s*(?:the\s+)?(?:total\s+)?(?:number|no\.?)\s+of\b", re.I)


def from_cell(r: SentenceReading, q: Quantity, cell: Cell) -> Figure | None:
    """The figure of a number in a table, or None for a status column or columns that cannot be told apart."""
    column = cell.column
    if column is not None and column.skip:
        return None
    subject = column.subject if column is not None and column.subject else _named_place(cell) or r.default
    q = _bracketed_negative(r.text, q)
    same_unit = [x for x in _row_numbers(r.qs, cell) if x.unit == q.unit]
    if column is None and len(same_unit) > 1:
        return None  # several numbers of one unit under columns that cannot be told apart: not stated
    if column is not None and column.period is not None:
        d = column.period
        as_of = AsOf(start=d.first, end=d.last, label=d.label, basis="table")
    else:
        as_of = asof_rules.context_as_of(r.ctx, q.start)
    kind = column.kind if column is not None and column.kind else LEVEL
    label = cell.label if measure_terms(cell.label) else ""
    phrase_text = label or ("" if cell.caption_is_context else cell.caption)
    context_bits = [cell.caption] if label or cell.caption_is_context else []
    if column is not None:
        context_bits.append(column.text)
    hint = cell.unit_hint or (column.unit_hint if column is not None else None)
    # a group header said the unit; a row that says it is a number of something is a count, whatever the
    # text above the table asks ("What percentage ..." in a freedom of information request)
    if hint is None and not (column is not None and column.grouped) and not _COUNT_LABEL.match(cell.label):
        hint = unit_hint(cell.caption)
    unit, value, high = unit_of(q, hint)
    phrase = Phrase(cell.label_start, cell.label_end, "table") if label else NONE
    quote_start = (
        cell.header_start
        if cell.header_start is not None and cell.row_start - cell.header_start <= 1200
        else cell.row_start
    )
    context = " | ".join(b for b in context_bits if b)
    layout, end = "table", cell.row_end
    facts = NumberFacts(
        phrase, phrase_text, context, unit, value, high, subject, kind, as_of, layout, quote_start, end
    )
    return figure(r, q, facts)


def _named_place(cell: Cell):
    """ "North East | 1977 | 903": a row label that names a place says whose figures the row holds (a regional
    comparison); failing that, a place the table's title or first header names ("Gateshead FTEs")."""
    for text in (cell.label, cell.caption):
        mentions = find_subject_mentions(text) if text else []
        if len(mentions) == 1:
            return mentions[0].subject
    return None


def _bracketed_negative(text: str, q: Quantity) -> Quantity:
    """ "| (418) |": in a table a number alone in brackets is negative (an underspend), reported as written."""
    if q.start > 0 and text[q.start - 1] == "(" and text[q.end : q.end + 1] == ")":
        before, after = text[: q.start - 1].rsplit("\n", 1)[-1], text[q.end + 1 :].split("\n", 1)[0]
        if re.search(r"(?:^|[|\t]|\s{2,})\s*$", before) and re.match(r"\s*(?:$|[|\t]|\s{2,})", after):
            return replace(
                q,
                start=q.start - 1,
                end=q.end + 1,
                text=f"({q.text})",
                value=-q.value,
                value_high=-q.value_high if q.value_high is not None else None,
            )
    return q


def _row_numbers(qs: list[Quantity], cell: Cell) -> list[Quantity]:
    """The numbers of the sentence that sit in the cell's row."""
    return [x for x in qs if cell.row_start <= x.start < cell.row_end]
