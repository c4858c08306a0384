"""What a question asks, in the terms figures are matched with: the Reading that question.py builds and the
support check, the figure look-up and the answerers consume.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from qa_assistant.figures.concepts import ConceptMatch, concepts_by_id
from qa_assistant.figures.subjects import Subject
from qa_assistant.models import ResolvedQuery


@dataclass
class Reading:
    """What a question asks, in the terms figures are matched with."""

    question: str
    measure_text: str
    measure_seq: list[str]
    concept: ConceptMatch | None
    unit: str | None  # count | rate | percent | money | money_week | money_year | duration | None
    subject: Subject
    subject_explicit: bool
    date_start: dt.date | None
    date_end: dt.date | None
    date_label: str | None
    quarter: int | None
    intent: str  # value | latest | timeline | general
    figure_kind: str  # level | change | target | forecast
    answer_type: str  # number | person | date | name | text
    follow_up: bool = False
    # names the question gives (people, meetings, papers)
    source_terms: list[str] = field(default_factory=list)
    explicit_latest: bool = False  # "now", "currently", "latest": an undated figure cannot say it is current
    name_terms: list[str] = field(default_factory=list)  # capitalised names ("the Big Takeover", "Low Lane")
    occasion_words: list[str] = field(default_factory=list)  # "in the quarter 4 2020/21 fostering update"
    date_names_paper: bool = False  # the date asked is part of the paper's name, not said of the figure
    asks_earlier: bool = False  # "the year before", "a year earlier", with no date to count back from
    notes: list[str] = field(default_factory=list)

    def resolved(self) -> ResolvedQuery:
        """The reading as the Answer reports it back, so a user can see how the question was understood."""
        return ResolvedQuery(
            measure_terms=list(self.measure_seq),
            measure_text=self.measure_text or None,
            concept_id=self.concept.concept.id if self.concept else None,
            concept_label=self.concept.concept.label if self.concept else None,
            unit=self.unit,
            subject=self.subject.kind,
            subject_name=self.subject.name,
            figure_kind=self.figure_kind,
            date_start=self.date_start,
            date_end=self.date_end,
            date_label=self.date_label,
            quarter=self.quarter,
            intent=self.intent,
            answer_type=self.answer_type,
        )


def concept_label(concept_id: str | None) -> str | None:
    """The catalogue's label for a concept id, or None when the id names no concept."""
    c = concepts_by_id().get(concept_id or "")
    return c.label if c else None
