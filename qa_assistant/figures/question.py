"""Read a question: which measure (in its own words and as a concept), which unit, whose figure, which date
or period, what kind of figure, what intent, and what type of answer it wants.

"How many children were looked after in December 2018?" -> measure "children looked after" (looked_after),
count, this council, December 2018, level, value, number. "What was the England rate?" after it -> the same
measure, rate, England, the same date. A follow-up takes whatever it leaves out from the previous turn.

The parts are read by question_intent.py (kind and answer type), question_measure.py (measure words, unit,
concept), question_sources.py (occasion, names, whose figure), question_dates.py (dates and periods) and
follow_up.py (what a follow-up inherits); this module puts them together into a Reading (reading.py).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from qa_assistant.figures.follow_up import inherit, is_follow_up
from qa_assistant.figures.question_dates import (
    anchors_an_event,
    asks_earlier_period,
    bare_quarter_spans,
    date_spans,
    period_asked,
    says_since,
    set_dates,
)
from qa_assistant.figures.question_given import given_spans
from qa_assistant.figures.question_intent import answer_type, asks_latest, asks_timeline
from qa_assistant.figures.question_kind import figure_kind
from qa_assistant.figures.question_measure import blank_spans, measure_words, unit_and_concept
from qa_assistant.figures.question_sources import (
    asked_subject,
    name_terms,
    occasion_spans,
    occasion_words,
    source_terms,
)
from qa_assistant.figures.reading import Reading
from qa_assistant.figures.subjects import find_subject_mentions
from qa_assistant.figures.terms import asked_phrase_synonyms, lexicon
from qa_assistant.text.dates import DateMention, find_dates

MAX_HISTORY = 6


def read(question: str, previous: Reading | None = None) -> Reading:
    """Read a question; previous is the reading of the conversation's last figure question, if any. What the
    question gives rather than asks (a figure it quotes to name its source, a change's base) is blanked out
    first, offsets kept, so none of it is read as the measure, unit, date or intent asked."""
    original = question
    question = asked_phrase_synonyms(blank_spans(question, given_spans(question)))
    occasions = occasion_spans(question)
    dates = _asked_dates(question, find_dates(question), occasions)
    quarter, dates_range, relative = period_asked(question, dates, previous)
    mentions = find_subject_mentions(question, papers_named=True)
    subject, subject_explicit = asked_subject(question, mentions, occasions)
    measure_text, seq = measure_words(
        question, date_spans(question, dates, relative), [(m.start, m.end) for m in mentions] + occasions
    )
    unit, concept = unit_and_concept(question, measure_text, seq, occasions)
    follow_up = is_follow_up(question, previous)
    timeline = asks_timeline(question)
    latest = asks_latest(question)
    kind = figure_kind(_without_clauses(question, occasions), timeline, original)
    reading = Reading(
        original,
        measure_text,
        seq,
        concept,
        unit,
        subject,
        subject_explicit,
        None,
        None,
        None,
        quarter,
        "general",
        kind,
        answer_type(question, unit, concept),
        follow_up,
        source_terms(question, occasions),
    )
    reading.name_terms = name_terms(question)
    # the council's own name ("as Cornwall County Council's committee heard") is whose figure, which every paper
    # of that council may hold: never a word telling which paper (the place in "The Bolton News" stays)
    councils = [(m.start, m.end) for m in mentions if question[m.start : m.end].endswith("Council")]
    reading.occasion_words = occasion_words(blank_spans(question, councils), occasions)
    # ("in Islington's Quarter 4 performance report": a bare quarter can name the paper too)
    said_when = [(d.start, d.end) for d in dates] or (bare_quarter_spans(question) if quarter else [])
    reading.date_names_paper = bool(said_when) and all(
        any(a <= s and e <= b for a, b in occasions) for s, e in said_when
    )
    if dates and kind == "change" and says_since(question):
        dates = []  # "increased since 2022-23": the date the change is measured from, not the date asked about
    if dates and latest and all(anchors_an_event(question, d) for d in dates):
        dates = []  # "the latest update following the 2019 Ofsted inspection": the date is the event's
    set_dates(reading, dates, dates_range)
    reading.asks_earlier = asks_earlier_period(question, dates, relative)
    if follow_up and previous is not None and previous.answer_type == "number":
        reading = inherit(reading, previous, timeline, latest)
    if reading.answer_type != "number":
        return reading
    _settle_intent(reading, question, previous, dates, timeline, latest)
    return reading


# a clause with its own subject ("when its budget was predicted", "as officers told the committee"), not a
# paper named by a participle ("as reported in the year-end forecast")
_CLAUSE_OPENER = re.compile(
    r"\s*(?:(?:just|shortly|soon|immediately)\s+)?(?:when|after|before|once|while)\b|\s*as\s+(?!of\b)", re.I
)


@lru_cache(maxsize=1)
def _paper_named() -> re.Pattern[str]:
    """ "as reported in the year-end forecast", "as discussed in the quarter 2 forecast report", "as the
    improvement plan target said": a paper named by a participle or as the subject, not a clause of its own."""
    lx = lexicon()
    verbs = "|".join(
        re.escape(v) for v in sorted(lx["reporting_verbs"] + lx["occasion_verbs"], key=len, reverse=True)
    )
    nouns = "|".join(re.escape(n) for n in sorted(lx["source_nouns"], key=len, reverse=True))
    return re.compile(
        rf"\s*as\s+(?:(?:{verbs}|set\s+out|shown|noted|recorded|stated|cited|outlined|given|described|forecast|"
        rf"projected|predicted|planned|expected)\b|(?:the|its|our|their|this|that)\s+(?:[\w'’-]+\s+){{0,3}}?"
        rf"(?:{nouns})s?\b)",
        re.I,
    )


def _without_clauses(question: str, occasions: list[tuple[int, int]]) -> str:
    """The question with each clause naming the occasion blanked: it says when, not which kind of figure ("rise
    ... when its budget was predicted to overspend"); a paper's name may ("as reported in the year-end
    forecast")."""
    clauses = [
        (a, b) for a, b in occasions if _CLAUSE_OPENER.match(question, a) and not _names_paper(question[a:b])
    ]
    return blank_spans(question, clauses)


def _names_paper(clause: str) -> bool:
    return bool(_paper_named().match(clause))


_COMPARED_DATE = re.compile(
    r"\b(?:compared\s+(?:with|to)|than|versus|vs\.?|against)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I
)


def _asked_dates(
    question: str, dates: list[DateMention], occasions: list[tuple[int, int]]
) -> list[DateMention]:
    """ "According to ANEC in 2012, how many ... in the year ending March 2011?": a date inside the words naming
    the source says which source, when another date says when the figure is asked for."""
    outside = [d for d in dates if not any(a <= d.start and d.end <= b for a, b in occasions)]
    # "according to the November 2021 scorecard, compared with 2020?": the compared date is not the one asked
    if not outside or all(_COMPARED_DATE.search(question, max(0, d.start - 24), d.start) for d in outside):
        return dates
    return outside


def _settle_intent(
    reading: Reading,
    question: str,
    previous: Reading | None,
    dates: list[DateMention],
    timeline: bool,
    latest: bool,
) -> None:
    """A number question asks for a timeline, the value for a period, or the latest figure: each is answered
    differently, so the intent is settled once the dates (and what a follow-up inherits) are known."""
    if timeline or (
        reading.follow_up
        and previous is not None
        and previous.intent == "timeline"
        and not dates
        and not latest
    ):
        reading.intent = "timeline"
        if says_since(question):
            if not dates and previous is not None and previous.date_start:
                reading.date_start, reading.date_label = previous.date_start, f"since {previous.date_label}"
            elif reading.date_label:
                reading.date_label = f"since {reading.date_label}"
            reading.date_end = dt.date.max
    elif reading.date_start is not None or reading.quarter:
        reading.intent = "value"
    else:
        reading.intent = "latest"
        reading.explicit_latest = latest


def read_conversation(question: str, history: list[str] | None) -> Reading:
    """Read a question in the light of the earlier questions of its conversation (oldest first)."""
    previous: Reading | None = None
    for earlier in (history or [])[-MAX_HISTORY:]:
        r = read(earlier, previous)
        previous = r if r.answer_type == "number" and r.measure_seq else None
    return read(question, previous)
