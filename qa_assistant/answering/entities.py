"""Who / when / which / what-is-it-called: the person (with role), date or name itself, marked in its sentence.

The sentences that best match the question are searched for an answer of the type asked; a sentence
answers only if it (or the one before it) holds most of the question's words, so "Who chairs the Corporate
Parenting Board?" is answered from a sentence about chairing that board, never from any sentence with a
name in it. When papers of different dates give different answers, the latest comes first and both show.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import numpy as np

from qa_assistant.answering.citing import Citer
from qa_assistant.answering.entity_asked import Asked
from qa_assistant.answering.entity_bodies import bodies_by
from qa_assistant.answering.entity_candidates import (
    a_recipient,
    about_subject,
    dated_as_published,
    fits_dates,
    pick,
    restates_question,
    said_of,
    said_of_another,
    says_something_asked,
    sentence_for,
    term_coverage,
    title_day,
    written_in,
)
from qa_assistant.answering.entity_extremes import asked_superlative
from qa_assistant.answering.entity_finder import Found, find_people
from qa_assistant.answering.entity_names import find_names
from qa_assistant.answering.entity_posts import (
    further_post_of_named,
    holds_role,
    of_the_kind_asked,
)
from qa_assistant.answering.entity_question import (
    asks_for_a_day,
    asks_which_authority,
    question_role_terms,
    question_verb,
)
from qa_assistant.answering.entity_tagged import a_post_alone, names_in, people_in
from qa_assistant.answering.entity_things import (
    asks_for_a_grade,
    find_dates_in,
    find_grades,
    find_places,
    graded_for_another,
    names_a_day,
    pick_grade,
    with_its_grade,
)
from qa_assistant.answering.quote_speakers import quote_opened_at
from qa_assistant.answering.sentences import rank_with_and_without_when
from qa_assistant.figures.question_sources import name_terms
from qa_assistant.figures.reading import Reading
from qa_assistant.figures.terms import measure_terms
from qa_assistant.models import Answer, EntityValue
from qa_assistant.settings import weight

MAX_ANSWERS = 2
# the sentences before one, where the question's other words may be said of someone else
_EARLIER_CHARS = 600
MEETING_SENTENCES = 12  # opening sentences read from a dated meeting's papers


# A sentence's answer: its score, the value, the paper's meeting date and whether that meeting is the one asked
_Hit = tuple[float, EntityValue, dt.date | None, bool]


class EntityAnswerer:
    """Who / when / which questions: the person, date or name the best-matching sentences give."""

    def __init__(
        self, index, citer: Citer, settings, document_terms: Callable[[str], frozenset[str]] | None = None
    ) -> None:
        self.index = index
        self.citer = citer
        self.settings = settings
        # every term of a paper's text: the figure reader's cache when the assistant shares it
        self.document_terms = document_terms or (
            lambda doc_id: frozenset(measure_terms(index.documents[doc_id].text))
        )

    def answer(self, question: str, r: Reading, qvec: np.ndarray) -> Answer | None:
        """The person, date or name the best-matching sentences give, latest paper first; None when none does."""
        ranked = rank_with_and_without_when(
            self.index, self.settings, question, qvec, self.document_terms, k=self.settings.entity_passages
        )
        ranked += self._meeting_sentences(r, {row for _, row in ranked}, qvec)
        asked = Asked.of(question, r)
        found: list[_Hit] = []
        for sim, row in ranked:
            hit = self._hit(sim, row, question, r, asked)
            if hit is not None:
                found.append(hit)
        if r.answer_type == "date" and asks_for_a_day(question):
            # "on what date ...": when the sentence that best answers gives only a month or a year, no other
            # sentence's day stands in for it
            if found and not _gives_a_day(max(found, key=lambda h: h[0])):
                return None
            found = [h for h in found if _gives_a_day(h)]
        if not found:
            return None
        values = _chosen(found)
        text = " ".join(sentence_for(v) for v in values)
        return Answer(
            question=question,
            kind="entity",
            text=text,
            entities=values,
            citations=[v.citation for v in values],
            resolved=r.resolved(),
        )

    def _hit(self, sim: float, row: int, question: str, r: Reading, asked: Asked) -> _Hit | None:
        """The answer one sentence gives, scored by its retrieval similarity, how much of the question it holds
        and whether it is the asked meeting's own paper; None when it is not about the question."""
        doc_id, start, end, chunk_id = self.index.sentence_spans[row]
        doc = self.index.documents[doc_id]
        if asks_for_a_grade(question):
            end = with_its_grade(doc.text, end)
        sentence = doc.text[start:end]
        coverage = term_coverage(
            asked.terms, sentence, doc.text[max(0, start - 300) : start] + " " + doc.title, asked.head_terms
        )
        if not asked.terms or coverage < self.settings.entity_min_coverage:
            return None
        if asked.head and not says_something_asked(sentence, asked.terms - asked.head_terms):
            return None
        near = doc.text[max(0, start - 300) : end]
        if not about_subject(self.index.paper_subject(doc_id), near, r.subject, question):
            return None
        candidates = self._candidates(sentence, doc.meeting_date, question, r, asked)
        opened = quote_opened_at(doc.text, start) if not candidates and r.answer_type == "person" else None
        if opened is not None:  # a quote that runs on from an earlier paragraph: who opened it said it
            start, sentence = opened, doc.text[opened:end]
            candidates = self._candidates(sentence, doc.meeting_date, question, r, asked)
        if not candidates:
            return None
        if asks_for_a_grade(question):  # not a grade said to be for another area than the one asked
            candidates = [g for g in candidates if not graded_for_another(sentence, g, question)]
            if not candidates:
                return None
        best = pick_grade(candidates, asked.terms, sentence) or pick(
            candidates, asked.terms | asked.verb, sentence, asked.does, asked_superlative(question)
        )
        earlier = doc.text[max(0, start - _EARLIER_CHARS) : start]
        names = frozenset(name_terms(question))
        if a_post_alone(best, sentence) and said_of_another(earlier, sentence, asked.terms, best, names):
            return None
        near_best = set(measure_terms(sentence[max(0, best.start - 100) : best.end + 100]))
        verb_bonus = 0.0
        if asked.verb:
            if a_post_alone(best, sentence) and not asked.verb & near_best:
                return None  # "Who asked ...?" - "Response by Cabinet Member": a post alone, doing something else
            verb_bonus = _W("verb_match_bonus") if asked.verb & near_best else -_W("verb_miss_penalty")
        cite = self.citer.cite(
            doc_id, start, end, [(start + best.start, start + best.end)], chunk_id=chunk_id
        )
        detail = best.detail if best.type == "date" else None
        value = EntityValue(text=best.text, type=r.answer_type, role=best.role, detail=detail, citation=cite)
        held = doc.meeting_date or title_day(doc.title)
        # "Who chaired the meeting on 7 August 2018?": that meeting's own papers
        on_the_day = (
            _W("meeting_day_bonus") if r.date_start and held and r.date_start <= held <= r.date_end else 0.0
        )
        score = (
            sim + coverage + verb_bonus + on_the_day - (_W("role_only_penalty") if best.role_only else 0.0)
        )
        return (score, value, doc.meeting_date, bool(on_the_day))

    def _candidates(
        self, sentence: str, meeting_date: dt.date | None, question: str, r: Reading, asked: Asked
    ) -> list[Found]:
        """The answers of the type asked a sentence offers that hold the post, kind and dates asked."""
        # a "name" made of the question's own words ("Young People" in "Cabinet Member for Children, Young People and
        # Families") is no one: it neither answers nor stands between a person and their post
        found = self._find(r.answer_type, sentence, meeting_date, asked.head, question)
        grade = question if asks_for_a_grade(question) else ""
        offered = [
            c
            for c in found
            if not restates_question(c.text, asked.terms | frozenset(measure_terms(question)), grade)
            and not written_in(c, question)
        ]
        candidates = [
            c
            for c in offered
            if not (asked.asks_for_name and c.role_only)
            and not further_post_of_named(sentence, c, found)
            and holds_role(c, sentence, asked.role_terms, asked.body, offered, r.subject)
            and of_the_kind_asked(c, asked.kind, asked.head_terms, sentence)
            and fits_dates(c, r)
            and dated_as_published(c, sentence, question)
            and not a_recipient(c, sentence, question)
        ]
        if r.answer_type == "date" and asks_for_a_day(question):
            # "on what date ...": not a day the sentence gives for another event (the words naming what it was
            # done to, "the Corporate Parenting Board", may stand beside any date); a day, where it gives one
            done = (asked.terms - set(name_terms(question))) or asked.terms
            candidates = [
                c for c in candidates if not names_a_day(c.text, meeting_date) or said_of(c, sentence, done)
            ]
            return [c for c in candidates if names_a_day(c.text, meeting_date)] or candidates
        return candidates

    def _meeting_sentences(self, r: Reading, seen: set[int], qvec: np.ndarray) -> list[tuple[float, int]]:
        """The opening sentences of papers of a meeting the question dates ("the meeting on 7 August 2018"),
        where attendance and chairs are listed, whether or not retrieval ranked them."""
        if r.date_start is None or r.date_end is None or (r.date_end - r.date_start).days > 31:
            return []
        out: list[tuple[float, int]] = []
        for doc_id, doc in self.index.documents.items():
            held = doc.meeting_date or title_day(doc.title)
            if held and r.date_start <= held <= r.date_end:
                rows = [
                    row
                    for row in self.index.sentence_rows_of_doc(doc_id)[:MEETING_SENTENCES]
                    if row not in seen
                ]
                out += [(float(self.index.sentence_vectors[row] @ qvec), row) for row in rows]
        return out

    def _find(
        self, answer_type: str, sentence: str, meeting_date: dt.date | None, head: str | None, question: str
    ) -> list[Found]:
        """The candidates of the type asked in a sentence: grades, places, people, dates or names."""
        if asks_for_a_grade(question):
            return find_grades(sentence)
        if _WHERE.match(question):
            return find_places(sentence)
        tagger = self.settings.entity_tagger
        if answer_type == "person":
            people = people_in(sentence) if tagger else find_people(sentence)
            if any(not p.role_only for p in people) or question_role_terms(question):
                return people
            # "Who carried out the analysis?" "... carried out ... by Loughborough University": a body may do it
            return people + bodies_by(sentence, question_verb(question))
        if answer_type == "date":
            return find_dates_in(sentence, meeting_date)
        # "Which organisation runs the Foyer?" "... is run ... by Stonham – the care and support division of
        # Home Group": who did what was asked, over the other names the sentence gives
        agents = bodies_by(sentence, question_verb(question))
        if agents:
            return agents
        if not tagger:
            return find_names(sentence, head)
        return names_in(sentence, head, authorities=asks_which_authority(question))


def _gives_a_day(hit: _Hit) -> bool:
    """Whether a date answer names a day (read as its paper's sentence was, against the meeting date)."""
    return names_a_day(hit[1].text, hit[2])


def _chosen(found: list[_Hit]) -> list[EntityValue]:
    """The best answer, and a second different one scoring nearly as well (papers of different dates may
    disagree), latest paper first."""
    dated = [f for f in found if f[3]]
    if dated:  # "the meeting on 7 August 2018": only that meeting's papers answer
        found = dated
    found.sort(key=lambda x: -x[0])
    chosen = [found[0]]
    for item in found[1:]:
        if len(chosen) >= MAX_ANSWERS:
            break
        close = item[0] >= found[0][0] - _W("second_answer_window")
        if close and item[1].text.lower() not in {c[1].text.lower() for c in chosen}:
            chosen.append(item)
    chosen.sort(key=lambda x: (x[2] is not None, x[2]), reverse=True)  # latest paper first
    return [c[1] for c in chosen]


_WHERE = re.compile(r"^\s*(?:and\s+)?where\b", re.I)


def _W(name: str) -> float:
    return weight("entity_answer", name)
