"""Every extracted figure as a table: filter, sort, paginate, and write as CSV.

Officers check what was reported before: this lists each figure with its value exactly as the paper wrote it,
the date it is as of and where that date came from, whose figure it is, and the sentence and paper it comes
from (with a link to the paper view at that sentence). The API, the figures page and `qa-assistant figures`
all read it through `query_figures`, so they always agree.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Literal

from pydantic import BaseModel, Field

from qa_assistant.models import Figure, page_of
from qa_assistant.serve.paper_view import paper_path

SortKey = Literal["as_of", "value", "measure", "paper", "meeting_date"]
MAX_LIMIT = 500
_SUBJECTS = ("own", "england", "region", "neighbours", "other")


class FigureFilter(BaseModel):
    """What to list. Every field is optional; dates bound the figure's as-of period (undated figures are left
    out when a date bound is given)."""

    concept: str | None = Field(default=None, description="Concept id from /api/measures, e.g. looked_after")
    q: str | None = Field(default=None, max_length=200, description="Words the figure's measure phrase holds")
    unit: str | None = Field(default=None, max_length=40)
    subject: str | None = Field(
        default=None,
        max_length=100,
        description="own, england, region, neighbours, other, or another council's name",
    )
    kind: Literal["level", "change", "target", "forecast", "part", "limit"] | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    doc: str | None = Field(default=None, max_length=200, description="Paper id")
    sort: SortKey = "as_of"
    order: Literal["asc", "desc"] = "asc"
    limit: int = Field(default=50, ge=1, le=MAX_LIMIT)
    offset: int = Field(default=0, ge=0)


class FigureRow(BaseModel):
    figure_id: int
    measure: str = Field(description="Concept label, or the paper's own phrase when no concept names it")
    concept_id: str | None
    phrase: str
    value_text: str = Field(description="The value exactly as the paper wrote it")
    value: float
    unit: str
    subject: str
    subject_name: str
    kind: str
    as_of: str = Field(description="The date or period the figure describes, as a label")
    as_of_start: dt.date | None
    as_of_end: dt.date | None
    as_of_basis: str = Field(
        description="Where the date came from: stated, heading, table, title, meeting date, earlier, current, unknown"
    )
    doc_id: str
    title: str
    committee: str | None
    meeting_date: dt.date | None
    meeting_date_label: str
    page: int | None
    sentence: str
    start: int
    end: int
    paper_url: str = Field(description="The paper view at the figure's sentence, the value marked")


class FigurePage(BaseModel):
    total: int
    offset: int
    limit: int
    rows: list[FigureRow]
    units: list[str] = Field(
        default_factory=list, description="Every unit in the index (for a filter's choices)"
    )
    subjects: list[str] = Field(default_factory=list, description="Every area named as whose figure it is")


class FilterError(ValueError):
    """A filter that cannot be met as asked (unknown measure or paper, dates the wrong way round)."""


def _matches(f: Figure, flt: FigureFilter, words: list[str]) -> bool:
    if flt.concept and f.concept_id != flt.concept:
        return False
    if flt.unit and f.unit != flt.unit:
        return False
    if flt.kind and f.kind != flt.kind:
        return False
    if flt.doc and f.doc_id != flt.doc:
        return False
    if flt.subject:
        wanted = flt.subject.lower()
        if wanted in _SUBJECTS:
            if f.subject != wanted:
                return False
        elif f.subject_name.lower() != wanted:
            return False
    if flt.date_from or flt.date_to:
        if not f.as_of.known:
            return False
        if flt.date_from and f.as_of.end < flt.date_from:
            return False
        if flt.date_to and f.as_of.start > flt.date_to:
            return False
    if words:
        hay = " ".join((f.phrase, f.concept_label or "", f.context, f.counted)).lower()
        return all(w in hay for w in words)
    return True


def _row(f: Figure, index) -> FigureRow:
    doc = index.documents[f.doc_id]
    page = page_of(doc.page_starts, f.start)
    return FigureRow(
        figure_id=f.figure_id,
        measure=f.label,
        concept_id=f.concept_id,
        phrase=f.phrase,
        value_text=f.value_text,
        value=f.value,
        unit=f.unit,
        subject=f.subject,
        subject_name=f.subject_name,
        kind=f.kind,
        as_of=f.as_of.label,
        as_of_start=f.as_of.start,
        as_of_end=f.as_of.end,
        as_of_basis=f.as_of.basis,
        doc_id=f.doc_id,
        title=doc.title,
        committee=doc.committee,
        meeting_date=doc.meeting_date,
        meeting_date_label=doc.meeting_date_label,
        page=page,
        sentence=doc.text[f.sentence_start : f.sentence_end],
        start=f.sentence_start,
        end=f.sentence_end,
        paper_url=paper_path(f.doc_id, f.sentence_start, f.sentence_end, page, [(f.start, f.end)]),
    )


def _sort_key(key: SortKey, index):
    def by(f: Figure) -> tuple:
        doc = index.documents[f.doc_id]
        when = (f.as_of.end or dt.date.max, f.as_of.start or dt.date.max)
        place = (f.doc_id, f.start)
        if key == "value":
            return (f.unit, f.value, *when, *place)
        if key == "measure":
            return (f.label.lower(), *when, *place)
        if key == "paper":
            return (doc.title.lower(), *place)
        if key == "meeting_date":
            return (doc.meeting_date or dt.date.max, *place)
        return (*when, *place)

    return by


def check_filter(flt: FigureFilter, index, concept_ids: set[str]) -> None:
    """Refuse filters that could only ever list nothing because they were mistyped."""
    if flt.concept and flt.concept not in concept_ids:
        raise FilterError(f"No measure {flt.concept!r}; /api/measures lists them.")
    if flt.doc and flt.doc not in index.documents:
        raise FilterError(f"No paper {flt.doc!r}; /api/documents lists them.")
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise FilterError("The 'from' date is after the 'to' date.")


def matching_figures(index, flt: FigureFilter) -> list[Figure]:
    """All figures the filter matches, sorted (unpaginated)."""
    words = (flt.q or "").lower().split()
    found = [f for f in index.figures if _matches(f, flt, words)]
    found.sort(key=_sort_key(flt.sort, index), reverse=flt.order == "desc")
    return found


def query_figures(index, flt: FigureFilter) -> FigurePage:
    found = matching_figures(index, flt)
    rows = [_row(f, index) for f in found[flt.offset : flt.offset + flt.limit]]
    return FigurePage(
        total=len(found),
        offset=flt.offset,
        limit=flt.limit,
        rows=rows,
        units=sorted({f.unit for f in index.figures}),
        subjects=sorted({f.subject_name for f in index.figures if f.subject_name}),
    )


CSV_COLUMNS = (
    "as_of",
    "as_of_start",
    "as_of_end",
    "as_of_basis",
    "value_text",
    "value",
    "unit",
    "measure",
    "phrase",
    "concept_id",
    "subject",
    "subject_name",
    "kind",
    "title",
    "committee",
    "meeting_date",
    "page",
    "doc_id",
    "sentence",
    "paper_url",
    "figure_id",
)


def _cell(value) -> str:
    """Text for a spreadsheet cell: a paper's words that begin like a formula are never run as one."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def figures_csv(index, flt: FigureFilter, base_url: str = "") -> str:
    """Every matching figure (no pagination) as CSV with a header row; links made absolute with base_url."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for f in matching_figures(index, flt):
        row = _row(f, index).model_dump(mode="json")
        row["sentence"] = " ".join(row["sentence"].split())
        row["paper_url"] = base_url.rstrip("/") + row["paper_url"]
        writer.writerow([_cell(row[c]) for c in CSV_COLUMNS])
    return out.getvalue()
