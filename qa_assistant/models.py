"""Pydantic types that cross module lines: documents, chunks, figures, citations and answers."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

DATE_NOT_STATED = "date not stated"


class DocumentMeta(BaseModel):
    """What the committee system publishes beside a paper. Any field but the id and file may be unknown."""

    doc_id: str
    file: str
    title: str
    committee: str | None = None
    meeting_date: dt.date | None = None
    kind: str | None = None
    source_url: str | None = None
    date_note: str | None = None
    page_starts: list[int] = Field(
        default_factory=list, description="Offset where each PDF page begins (empty: not paged)"
    )
    inferred: list[str] = Field(
        default_factory=list, description="Fields inferred from the text, not published"
    )

    @property
    def meeting_date_label(self) -> str:
        return format_date(self.meeting_date) if self.meeting_date else DATE_NOT_STATED


class Document(DocumentMeta):
    text: str = Field(description="Clean text; every offset in the system points into this string")
    sha256: str


class Chunk(BaseModel):
    chunk_id: int
    doc_id: str
    ord: int
    start: int
    end: int
    text: str


# "earlier": the paper says the figure is from before the period it reports ("the year before (17 adopted)",
# the value a change started from) without saying when
# "current": the paper says the figure is as of now ("there are now 1,923") but gives no date for itself
AsOfBasis = Literal["stated", "heading", "table", "meeting date", "title", "earlier", "current", "unknown"]


class AsOf(BaseModel):
    """The date or period a figure describes. basis says where it came from, so the UI can be honest."""

    start: dt.date | None = None
    end: dt.date | None = None
    label: str
    basis: AsOfBasis

    @property
    def known(self) -> bool:
        return self.start is not None and self.end is not None


FigureKind = Literal["level", "change", "target", "forecast", "part", "limit"]
SubjectKind = Literal["own", "england", "region", "neighbours", "other"]


class Figure(BaseModel):
    """One reported quantity as a candidate answer: the value as written and normalised, what it counts in the
    paper's own words (phrase), the concept that phrase names (if any), whose figure it is, what kind of figure
    it is, the date it is as of, and exact spans into the document's clean text."""

    figure_id: int = 0
    doc_id: str
    value_text: str
    value: float
    value_high: float | None = None
    unit: str = Field(
        description="count, percent, gbp, gbp_per_week, gbp_per_year, per_10000, rate, days, ..."
    )
    phrase: str = Field(default="", description="What the number counts, as the paper wrote it")
    phrase_start: int | None = None
    phrase_end: int | None = None
    context: str = Field(
        default="", description="Words the phrase relies on: table caption or column, shared noun"
    )
    concept_id: str | None = Field(default=None, description="Catalogue concept the phrase names, if any")
    concept_label: str | None = None
    concept_terms: list[str] = Field(
        default_factory=list, description="Terms of the synonyms that named the concept"
    )
    terms: list[str] = Field(
        default_factory=list, description="The phrase's measure terms (dates, numbers masked)"
    )
    context_terms: list[str] = Field(default_factory=list, description="The context's measure terms")
    aliases: list[str] = Field(
        default_factory=list,
        description="Acronym terms the paper spells out (their long forms are in context_terms)",
    )
    counted: str = Field(
        default="",
        description='What the number counts when its phrase says what of ("24 young '
        'people" in "an average caseload of 24 young people")',
    )
    subject: SubjectKind = "own"
    subject_name: str = ""
    kind: FigureKind = "level"
    layout: Literal["prose", "label", "table"] = "prose"
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    as_of: AsOf

    @property
    def label(self) -> str:
        """How an answer names the measure: the concept's label, else the paper's own phrase."""
        return self.concept_label or self.phrase or "figure"


class Highlight(BaseModel):
    start: int
    end: int


class Citation(BaseModel):
    """Where an answer comes from: the document, its committee and dates, and the quoted words."""

    doc_id: str
    title: str
    committee: str | None
    meeting_date: dt.date | None
    meeting_date_label: str
    source_url: str | None = None
    chunk_id: int | None = None
    quote: str
    quote_start: int = Field(description="Offset of the quote in the document's clean text")
    quote_end: int
    highlights: list[Highlight] = Field(default_factory=list, description="Offsets relative to the quote")
    as_of_label: str | None = None
    page: int | None = Field(default=None, description="PDF page (1-based) where the quote starts")
    page_end: int | None = Field(default=None, description="PDF page where the quote ends, when different")

    def reference(self) -> str:
        """One plain-text line naming the source, for references under an answer (CLI, /v1 replies)."""
        page = f", page {self.page}" + (f"-{self.page_end}" if self.page_end else "") if self.page else ""
        as_of = f" (figure as of {self.as_of_label})" if self.as_of_label else ""
        committee = self.committee or "committee not stated"
        return f"{self.title}, {committee}, meeting {self.meeting_date_label}{page}{as_of}"


class SearchHit(BaseModel):
    chunk: Chunk
    document: DocumentMeta
    score: float
    bm25_rank: int | None = None
    dense_rank: int | None = None


class FigureValue(BaseModel):
    """A figure as shown to a user: value, what it counts, whose it is, as-of date and the citation that holds it."""

    figure_id: int
    label: str = Field(description="Concept label, or the paper's own phrase when no concept names it")
    phrase: str = Field(description="What the number counts, as the paper wrote it")
    concept_id: str | None = None
    value_text: str
    value: float
    unit: str
    subject: str = "own"
    subject_name: str = ""
    kind: str = "level"
    as_of: AsOf
    citation: Citation
    change_from_previous: float | None = None


class ResolvedQuery(BaseModel):
    """What the assistant understood a question to ask, kept so follow-ups can build on it."""

    measure_terms: list[str] = Field(
        default_factory=list, description="The question's measure words, as terms"
    )
    measure_text: str | None = Field(default=None, description="The question's measure words as typed")
    concept_id: str | None = None
    concept_label: str | None = None
    unit: str | None = None
    subject: str = "own"
    subject_name: str | None = None
    figure_kind: str = "level"
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_label: str | None = None
    quarter: int | None = Field(default=None, description="A quarter named without its year")
    intent: Literal["value", "timeline", "latest", "general"] = "general"
    answer_type: Literal["number", "person", "date", "name", "text"] = "text"


AnswerKind = Literal["figure", "timeline", "entity", "general", "not_found"]


class EntityValue(BaseModel):
    """A person, date, organisation or name answering who / when / which, with the sentence that holds it."""

    text: str
    type: Literal["person", "date", "name"]
    role: str | None = Field(default=None, description="A person's role as the paper gives it")
    detail: str | None = Field(default=None, description="A date in full when the paper leaves out the year")
    citation: Citation


class GenerationInfo(BaseModel):
    """What happened to the optional language-model phrasing of this answer."""

    status: Literal["off", "used", "rejected", "failed", "skipped"] = "off"
    reason: str | None = Field(default=None, description="Why a generated phrasing was not shown")
    model: str | None = None
    prompts: str | None = Field(default=None, description="Prompt template versions used")


class Answer(BaseModel):
    question: str
    kind: AnswerKind
    text: str = Field(description="Plain-text answer, safe to paste")
    figures: list[FigureValue] = Field(
        default_factory=list, description="The figure(s) answering; >1 = conflict"
    )
    entities: list[EntityValue] = Field(
        default_factory=list, description="Who / when / which answers, best first"
    )
    conflict: bool = False
    series: list[FigureValue] = Field(default_factory=list, description="Timeline points in date order")
    nearest: list[FigureValue] = Field(default_factory=list, description="Closest figures when none matches")
    citations: list[Citation] = Field(default_factory=list)
    resolved: ResolvedQuery = Field(default_factory=ResolvedQuery)
    mode: Literal["extractive", "generated"] = "extractive"
    generation: GenerationInfo = Field(default_factory=GenerationInfo)


def page_of(page_starts: list[int], offset: int) -> int | None:
    """1-based page holding a character offset, or None for papers without pages."""
    if not page_starts:
        return None
    import bisect

    return max(1, bisect.bisect_right(page_starts, offset))


def format_date(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"
