"""Extract reported figures from a document at index time: measure, value, unit, as-of date, exact span.

A quantity becomes a figure only when a catalogue measure names it, either right after the number
("156 approved foster care households") or before it with the number in a value position ("Current Children
Looked After (LAC): 500 (154.3 per 10,000)"). Parts of a breakdown ("24 de-registered – 16 mainstream and
8 connected persons carers") are not figures of the measure they mention. Precision beats recall here:
an unclaimed number can still be quoted by a general answer, but a mis-claimed one would be a wrong answer.

The as-of date, in order of preference: a "to date"/"currently" marker (the section's or meeting's date);
a date after the number in its clause ("702 in July 2020"); a date earlier in the sentence; a heading
such as "As of 21st December 2018:-" covering the paragraph; the meeting date (marked as such); unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import DateMention, find_dates
from .measures import MeasureMention, find_measure_mentions, measures_by_id
from .models import AsOf, Document, Figure, format_date
from .numbers import Quantity, find_quantities
from .spans import Span, is_list_item, paragraph_spans, sentence_spans_by_paragraph

_CONNECTORS = {
    "in", "to", "since", "as", "at", "and", "with", "for", "compared", "from", "which", "on", "during", "by",
    "over", "across", "between", "currently", "when", "were", "was", "had", "have", "has", "is", "are",
    "against", "this", "that", "per", "or", "but", "while", "whilst", "so", "last", "this",
}
_CURRENT_MARKER = re.compile(r"\b(?:to date|currently|current|now|at present|presently)\b", re.I)
_COMPARISON = re.compile(r"\b(?:compared|than|versus|against|whereas|while|whilst)\b", re.I)
_CHANGE_BEFORE = re.compile(r"\b(?:increase|decrease|reduction|rise|fall|drop|change)\s+of\s+$", re.I)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)
_CLAUSE_BREAK = re.compile(r"[;,]|\band\s+(?:this|it|there|that)\b", re.I)
_HEADING_END = re.compile(r":-?\s*$")
_MINUTES_HELD = re.compile(r"\bA meeting of .{0,200}? was held on\b", re.I | re.S)
_HEADING_REACH = 400  # a heading further back than this is not quoted with the figure


@dataclass
class _Context:
    text: str
    dates: list[DateMention]
    quantities: list[Quantity]
    mentions: list[MeasureMention]
    headings: list[tuple[Span, DateMention]]  # scope, date
    meeting_dates: list[tuple[int, dt.date, str]]  # from offset, date, label


def _in(span: Span, pos: int) -> bool:
    return span[0] <= pos < span[1]


def _heading_scopes(text: str, sentences: list[Span], dates: list[DateMention]) -> list[tuple[Span, DateMention]]:
    """A sentence ending in ':' or ':-' that holds a date governs the following paragraph (or list)."""
    paragraphs = paragraph_spans(text)
    scopes: list[tuple[Span, DateMention]] = []
    for s, e in sentences:
        if not _HEADING_END.search(text[s:e]):
            continue
        inside = [d for d in dates if s <= d.start < e]
        if not inside:
            continue
        following = [p for p in paragraphs if p[0] >= e]
        if not following:
            continue
        end = following[0][1]
        if is_list_item(text, following[0][0]):
            for p in following[1:]:
                if not is_list_item(text, p[0]):
                    break
                end = p[1]
        # Text after the heading inside its own paragraph (list items on following lines) is covered too.
        scopes.append(((e, end), inside[-1]))
    return scopes


def _meeting_dates(doc: Document, dates: list[DateMention]) -> list[tuple[int, dt.date, str]]:
    """The paper's meeting date, overridden from the point where minutes of another meeting begin."""
    marks: list[tuple[int, dt.date, str]] = []
    if doc.meeting_date:
        marks.append((0, doc.meeting_date, f"{format_date(doc.meeting_date)} (meeting date)"))
    for m in _MINUTES_HELD.finditer(doc.text):
        after = [d for d in dates if d.start >= m.end() and d.start - m.end() < 5 and d.kind == "day"]
        if after:
            d = after[0].first
            marks.append((m.start(), d, f"{format_date(d)} (date of the meeting minuted)"))
    return sorted(marks)


def _context_as_of(ctx: _Context, pos: int) -> AsOf:
    for scope, date in ctx.headings:
        if _in(scope, pos):
            return AsOf(start=date.first, end=date.last, label=date.label, basis="heading")
    current = [m for m in ctx.meeting_dates if m[0] <= pos]
    if current:
        _, d, label = current[-1]
        return AsOf(start=d, end=d, label=label, basis="meeting date")
    return AsOf(label="date not stated", basis="unknown")


def _as_of(ctx: _Context, q: Quantity, sentence: Span, figure_starts: list[int]) -> AsOf:
    text = ctx.text
    near = text[max(sentence[0], q.start - 14) : min(sentence[1], q.end + 26)]
    if _CURRENT_MARKER.search(near):
        return _context_as_of(ctx, q.start)
    in_sentence = [
        d for d in ctx.dates
        if sentence[0] <= d.start < sentence[1] and not _SINCE_BEFORE.search(text[max(0, d.start - 12) : d.start])
    ]
    after = [
        d for d in in_sentence
        if d.start >= q.end and not any(q.end <= f < d.start for f in figure_starts)
        and not _CLAUSE_BREAK.search(text[q.end : d.start])
    ]
    if after:
        d = after[0]
        return AsOf(start=d.first, end=d.last, label=d.label, basis="stated")
    before = [
        d for d in in_sentence
        if d.end <= q.start and not re.search(r"\d\s+(?:in|at)\s*$", text[max(sentence[0], d.start - 8) : d.start])
    ]
    if before:
        d = before[-1]
        return AsOf(start=d.first, end=d.last, label=d.label, basis="stated")
    return _context_as_of(ctx, q.start)


def _value_position(text: str, q: Quantity, sentence_end: int) -> bool:
    """True when nothing but punctuation or a connector follows the number, i.e. it is a value, not a noun's count."""
    rest = text[q.end : sentence_end]
    m = re.match(r"\s*([A-Za-z]+)", rest)
    if not m or not rest.strip():
        return True
    if re.match(r"\s*[.,;:)(–\-]", rest):
        return True
    return m.group(1).lower() in _CONNECTORS


def _forward(ctx: _Context, q: Quantity, sentence: Span) -> MeasureMention | None:
    for m in ctx.mentions:
        if m.start < q.end or m.start >= sentence[1]:
            continue
        gap = ctx.text[q.end : m.start]
        if (len(gap) <= 40 and re.fullmatch(r"[\s\-–]*(?:[A-Za-z'’]+\s+){0,4}", gap) and not re.search(r"\d", gap)
                and not _COMPARISON.search(gap)):
            return m
        return None
    return None


def _backward(ctx: _Context, q: Quantity, sentence: Span, claimed: set[tuple[int, str]]) -> MeasureMention | None:
    """The nearest earlier mention, unless it is generic, already named another number, or q is not a value."""
    before = [m for m in ctx.mentions if sentence[0] <= m.start and m.end <= q.start and q.start - m.end <= 160]
    if not before or before[-1].forward_only or (before[-1].start, q.unit) in claimed:
        return None
    if not _value_position(ctx.text, q, sentence[1]):
        return None
    return before[-1]


def extract_figures(doc: Document) -> list[Figure]:
    text = doc.text
    dates = find_dates(text, reference=doc.meeting_date)
    sentences = sentence_spans_by_paragraph(text)
    ctx = _Context(
        text=text,
        dates=dates,
        quantities=find_quantities(text, [(d.start, d.end) for d in dates]),
        mentions=find_measure_mentions(text),
        headings=_heading_scopes(text, sentences, dates),
        meeting_dates=_meeting_dates(doc, dates),
    )
    catalogue = measures_by_id()
    figures: list[Figure] = []
    seen: set[tuple] = set()
    for sentence in sentences:
        quantities = [q for q in ctx.quantities if sentence[0] <= q.start < sentence[1]]
        starts = [q.start for q in quantities]
        prev: Quantity | None = None
        prev_forward: MeasureMention | None = None
        in_breakdown = False
        claimed: set[tuple[int, str]] = set()  # mentions that named a number written before them
        for q in quantities:
            forward = _forward(ctx, q, sentence)
            if prev is not None and q.unit == "count" and prev.unit == "count":
                between = text[prev.end : q.start]
                others = [m for m in ctx.mentions if prev.end <= m.start < q.start and m is not prev_forward]
                if ")" in between or others:
                    in_breakdown = False
                elif re.search(r"[(–]|\s-\s", between):
                    in_breakdown = True
            else:
                in_breakdown = False
            prev, prev_forward = q, forward
            if in_breakdown or _CHANGE_BEFORE.search(text[max(0, q.start - 30) : q.start]):
                continue  # part of a breakdown, or a change ("an increase of four"), not a level
            chosen = None
            for candidate in (forward, _backward(ctx, q, sentence, claimed)):
                if candidate is not None and q.unit in catalogue[candidate.measure_id].units:
                    chosen = candidate
                    break
            if chosen is None:
                continue
            if chosen is forward:
                claimed.add((forward.start, q.unit))
            measure = catalogue[chosen.measure_id]
            as_of = _as_of(ctx, q, sentence, [s for s in starts if s != q.start])
            quote_start = sentence[0]
            if as_of.basis == "heading":
                heading = next(sc for sc, _ in ctx.headings if _in(sc, q.start))
                heading_sentence = next((s for s in sentences if s[1] == heading[0]), None)
                if heading_sentence and q.start - heading_sentence[0] <= _HEADING_REACH:
                    quote_start = heading_sentence[0]
            key = (measure.id, q.unit, q.value, q.value_high, as_of.label)
            if key in seen:
                continue
            seen.add(key)
            figures.append(
                Figure(
                    doc_id=doc.doc_id, measure_id=measure.id, measure_label=measure.label, value_text=q.text,
                    value=q.value, value_high=q.value_high, unit=q.unit, start=q.start, end=q.end,
                    sentence_start=quote_start, sentence_end=sentence[1], as_of=as_of,
                )
            )
    return figures
