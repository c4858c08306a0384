"""Choosing the figures that answer a number question: those from the paper the question names, then the
best-supported series (same measure, unit and subject), and whether a figure is for the period asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from qa_assistant.figures.concepts import concepts_by_id
from qa_assistant.figures.explained_words import question_acronyms, spells_initials
from qa_assistant.figures.question_sources import title_words
from qa_assistant.figures.reading import Reading
from qa_assistant.figures.selection import Support, phrase_terms
from qa_assistant.figures.terms import counting_terms, lexicon
from qa_assistant.models import Document, Figure
from qa_assistant.text.dates import MONTHS

_UNIT_PREFERENCE = ("count", "percent", "gbp", "per_10000", "rate", "gbp_per_week", "gbp_per_year")


@dataclass
class Scored:
    """A figure whose sentence supports the question, with the support check's verdict."""

    figure: Figure
    support: Support


def from_named_paper(
    scored: list[Scored],
    r: Reading,
    documents: dict[str, Document],
    text_words: Callable[[str], frozenset[str]],
) -> list[Scored]:
    """A question that names its source ("in the quarter 4 2020/21 fostering update", "what did the Echo's
    campaign story give") is answered from a paper that source can be: one whose title, committee or kind
    holds a distinctive word of it, or whose text holds most of them (a speaker's name). When several
    match, those titled with the most of its words; when none does, no figure is stated (another paper's
    figure is not what that source said: the answer offers it as what the papers do hold)."""
    if not r.occasion_words:
        return scored
    asked, distinctive = set(r.occasion_words), distinctive_source_words(r)
    acronyms = question_acronyms(r.question)
    asked_pairs = _pairs(r.occasion_words)
    overlap: dict[str, tuple[int, int]] = {}
    matches: dict[str, bool] = {}
    for s in scored:
        doc_id = s.figure.doc_id
        if doc_id not in overlap:
            doc = documents[doc_id]
            overlap[doc_id], named = _title_overlap(doc, asked, asked_pairs, acronyms)
            # the paper's text is read (once per paper, cached) only when its title does not settle it
            matches[doc_id] = (
                not distinctive
                or bool(distinctive & named)
                or 2 * len(distinctive & text_words(doc_id)) > len(distinctive)
            )
    kept = [s for s in scored if matches[s.figure.doc_id]]
    if not kept:
        return []
    best = max(overlap[s.figure.doc_id] for s in kept)
    return kept if best[0] < 2 else [s for s in kept if overlap[s.figure.doc_id] == best]


def _title_overlap(
    doc: Document, asked: set[str], asked_pairs: set[tuple[str, str]], acronyms: tuple[str, ...]
) -> tuple[tuple[int, int], set[str]]:
    """How many of a named source's words the paper's title, committee and kind hold (and how many adjacent
    pairs of them, in order), with those words."""
    title = title_words(f"{doc.title} {doc.committee or ''} {doc.kind or ''}")
    # "the CPB scorecard": an acronym the question writes may spell the paper's title or committee
    named = set(title) | {
        a.lower() for a in acronyms if spells_initials(a, f"{doc.title} {doc.committee or ''}")
    }
    # the words in the order the question gives them count first ("Children's Scrutiny Panel" is not
    # "Children and Young People's Learning Scrutiny Panel")
    return (len(asked & named), len(asked_pairs & _pairs(title))), named


def _pairs(words: list[str]) -> set[tuple[str, str]]:
    """Adjacent word pairs: what of a name is said in its order."""
    return set(zip(words, words[1:]))


def best_series(scored: list[Scored], r: Reading, bounds: BoundReader | None = None) -> list[Scored]:
    """The series (same measure, unit and subject) that answers: the measure's own units first, one with a
    figure for the period asked, the best supported, the headline unit, most levels, most figures. bounds
    reads which figures are round bounds ("more than 780"), to prefer the exact figure they round."""
    groups: dict[tuple, list[Scored]] = {}
    for s in scored:
        f = s.figure
        measure = f.concept_id or " ".join(sorted(phrase_terms(f)))
        groups.setdefault((measure, f.unit, f.subject, f.subject_name.lower()), []).append(s)

    reported_in = list(r.concept.concept.units) if r.concept else []
    preference = reported_in + [u for u in _UNIT_PREFERENCE if u not in reported_in]  # headline unit first

    def rank(item: tuple[tuple, list[Scored]]) -> tuple:
        (_, unit, _, _), members = item
        unit_rank = -preference.index(unit) if unit in preference else -len(preference)
        levels = sum(1 for m in members if m.figure.kind == "level")
        fits = r.unit is not None or not reported_in or unit in reported_in  # the measure's own units first
        dated = r.intent != "value" or any(
            m.figure.as_of.known and matches_period(m.figure, r) for m in members
        )
        # a figure whose own sentence (or the one before) says the question's words beats one that needs the
        # paper's headline for them: "450 looked after children" under a headline about 118 placed far away
        in_text = any("source" not in m.support.notes for m in members)
        return (
            fits,
            dated,
            in_text,
            round(max(m.support.score for m in members), 3),
            unit_rank if r.unit is None else 0,
            levels,
            len(members),
        )

    best = max(groups.items(), key=rank)[1]
    direct = [m for m in best if not {"before", "source"} & set(m.support.notes)]
    # a figure whose own sentence says it all beats one read with what came before or with the headline
    chosen = direct or best
    return one_per_sentence(exact_over_bounds(chosen, scored, bounds) if bounds else chosen)


# how a hedge places the figure it rounds: "more than 780" is at or above, "almost 800" at or below
_AT_LEAST = re.compile(r"\b(?:more|over|excess|upwards|least)\b", re.I)
_AT_MOST = re.compile(r"\b(?:less|fewer|under|almost|nearly|up\s+to)\b", re.I)


@dataclass
class BoundReader:
    """What the answerer reads in a paper's text for bounds: the hedge written before a figure ("" when it is
    stated as exact), and the figures after it that restate one by its value ("The £27.9m figure")."""

    hedge_of: Callable[[Figure], str]
    restated_after: Callable[[Figure], list[Figure]]


def exact_over_bounds(chosen: list[Scored], supported: list[Scored], bounds: BoundReader) -> list[Scored]:
    """ "More than 780 children in the city are in care ... The number - totalling 783 children": a round
    bound and the exact figure it rounds, in one paper for one date, are one report told twice. The exact
    figure answers when it too supports the question (even when only the headline ties its sentence to it, or
    its own words are too few to group it with the bound), or when the paper restates the bound by it ("spent
    nearly £28m ... The £27.9m figure makes up half"); the bound is dropped."""
    out: list[Scored] = []
    for m in chosen:
        hedge = bounds.hedge_of(m.figure)
        if not hedge:
            out.append(m)
            continue
        told = [e for e in supported if _same_words(e.figure, m.figure)]
        told += [Scored(_named_as(g, m.figure), m.support) for g in bounds.restated_after(m.figure)]
        exact = next(
            (e for e in told if _rounds_to(e.figure, m.figure, hedge) and not bounds.hedge_of(e.figure)), None
        )
        if exact is None:
            out.append(m)
        elif all(
            (o.figure.doc_id, o.figure.start) != (exact.figure.doc_id, exact.figure.start)
            for o in out + chosen
        ):
            out.append(exact)
    return out


def _named_as(restated: Figure, bound: Figure) -> Figure:
    """A restatement ("The £27.9m figure makes up half") named by what the bound's words say it counts."""
    keys = ("phrase", "concept_id", "concept_label", "concept_terms", "terms", "context", "context_terms")
    return restated.model_copy(
        update={k: getattr(bound, k) for k in keys} | {"phrase_start": None, "phrase_end": None}
    )


def _same_words(e: Figure, b: Figure) -> bool:
    """The same measure told again: its words are the bound's, and outside the bound's sentence only a counted
    noun read with what came before ("The number - totalling 783 children"); not "745 children in care" of a
    budget, nor "95% of children in care had a dental check" beside "more than 90% ... a health assessment"."""
    extra = set(e.terms) - counting_terms()
    return set(e.terms) <= set(b.terms) and (e.sentence_start == b.sentence_start or not extra)


def _rounds_to(e: Figure, b: Figure, hedge: str) -> bool:
    """The exact figure is one the hedged round figure stands for: same paper, date, unit, place and kind,
    within one step of its last non-zero digit on the side the hedge says ("more than 780": 780 to 789)."""
    same = (e.doc_id, e.as_of.label, e.unit, e.subject, e.subject_name, e.kind)
    if same != (b.doc_id, b.as_of.label, b.unit, b.subject, b.subject_name, b.kind) or e.value == b.value:
        return False
    step = 1
    while b.value > 0 and b.value % (step * 10) == 0:
        step *= 10
    if step < 10:
        return False  # "more than 783" is no round figure
    if _AT_LEAST.search(hedge):
        return b.value <= e.value < b.value + step
    if _AT_MOST.search(hedge):
        return b.value - step < e.value <= b.value
    return abs(e.value - b.value) < step / 2  # "around 800"


def one_per_sentence(series: list[Scored]) -> list[Scored]:
    """ "The overall budget was £143.3 million with 39% allocated to Children's Services (£56 million)": two
    numbers of one sentence for the same date are not two papers disagreeing; the one whose own phrase writes
    more of the question's words answers it (an equal fit keeps both, shown as a conflict)."""
    best: dict[tuple, float] = {}
    for m in series:
        key = (m.figure.doc_id, m.figure.sentence_start, m.figure.as_of.label)
        best[key] = max(best.get(key, m.support.own_words), m.support.own_words)
    return [
        m
        for m in series
        if m.support.own_words >= best[(m.figure.doc_id, m.figure.sentence_start, m.figure.as_of.label)]
    ]


def distinctive_source_words(r: Reading) -> set[str]:
    """The words of a named source that can tell one paper from another: not its kind ("story", "report"),
    not how it was told ("said", "gave"), not its date (matched by the date rules), not bare numbers, not
    words any paper may use of itself (lexicon "undistinctive_source_words"), and not the place whose figure
    is asked ("did Buckinghamshire's cabinet member say": every paper of that council names it)."""
    generic = _undistinctive() | set(title_words(r.subject.name))
    return {
        w for w in r.occasion_words if w.isalpha() and len(w) > 2 and w not in generic and w not in MONTHS
    }


@lru_cache(maxsize=1)
def _undistinctive() -> frozenset[str]:
    """Lexicon words that name a kind of source or its telling, never which paper."""
    keys = ("source_nouns", "reporting_verbs", "occasion_verbs", "undistinctive_source_words")
    return frozenset(w.lower() for key in keys for w in lexicon()[key])


def matches_period(f: Figure, r: Reading) -> bool:
    """The figure's as-of period overlaps the period asked (or is the bare quarter asked)."""
    if r.quarter:
        return bool(re.match(rf"quarter {r.quarter} of", f.as_of.label))
    if _published_early_in_the_year_asked(f, r):
        return False
    if _spans_more_than_asked(f, r):
        return False  # "the 3 year rolling average for 2014-16" is no one year's (nor two years') figure
    return f.as_of.start <= r.date_end and r.date_start <= f.as_of.end


_EARLY_DAYS = 122  # a financial year's first four months, when last year's outturn is reported
_A_MONTH = 31
_MORE_THAN_A_YEAR = 400  # a financial year (or a year and a quarter) still answers for a month in it


def _spans_more_than_asked(f: Figure, r: Reading) -> bool:
    """A figure over several years answers only a period asked that covers it (within a month)."""
    days = (f.as_of.end - f.as_of.start).days
    if days <= _MORE_THAN_A_YEAR:
        return False
    covered = (min(f.as_of.end, r.date_end) - max(f.as_of.start, r.date_start)).days
    return covered < days - _A_MONTH


def _published_early_in_the_year_asked(f: Figure, r: Reading) -> bool:
    """ "Council overspends by £11m" in a paper of 21 June 2023, asked "the overspend in 2023/24?": an amount dated
    only by its paper's own date, in the first four months of the financial year asked, may be the year just
    ended (its outturn) as well as the year begun, so it does not answer for that year (the nearest-date rule
    says so); a forecast is the year begun's."""
    concept = concepts_by_id().get(f.concept_id or "")
    return (
        concept is not None
        and concept.reported_after_period
        and f.kind != "forecast"
        and f.as_of.basis in ("title", "meeting date")
        and r.date_start is not None
        and r.date_end is not None
        and (r.date_start.month, r.date_start.day) == (4, 1)  # a financial year
        and (r.date_end - r.date_start).days > 300
        and (f.as_of.end - f.as_of.start).days < _A_MONTH  # a day or a month, not the paper's named period
        and 0 <= (f.as_of.start - r.date_start).days < _EARLY_DAYS
    )
