"""Route a question (figure, timeline, who / when / which, general, not found) and compose a cited Answer.

A number is only ever given as the paper wrote it, with its as-of date and the sentence that holds it, and
only when that sentence supports the question (figures/selection.py). Otherwise the answer says the papers
do not report it, offers what they do hold (the same measure in another unit, for another area, or a
nearby date), and quotes the closest passage, labelled as a quote and not an answer.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from functools import lru_cache

import numpy as np

from qa_assistant.answering.citing import Citer
from qa_assistant.answering.entities import EntityAnswerer
from qa_assistant.answering.entity_candidates import about_subject
from qa_assistant.answering.figure_answers import FigureAnswerer
from qa_assistant.answering.figure_choice import Scored
from qa_assistant.answering.sentences import (
    BECAUSE,
    WHY,
    on_topic_first,
    question_terms,
    rank_sentences,
    rest_of_question,
)
from qa_assistant.figures.question import read_conversation
from qa_assistant.figures.reading import Reading
from qa_assistant.figures.selection import Support
from qa_assistant.figures.subjects import find_subject_mentions
from qa_assistant.figures.terms import lexicon, phrase_pattern
from qa_assistant.indexing import embedding
from qa_assistant.indexing.loaded import LoadedIndex
from qa_assistant.models import Answer, Citation, Figure, FigureValue
from qa_assistant.settings import Settings
from qa_assistant.text.numbers import find_quantities

ANSWER_CACHE = 512  # answers kept per index version (one question with one history each)


class QuestionError(ValueError):
    """The question cannot be answered as asked (empty, too long); the message is shown to the user."""


class QuestionTooLong(QuestionError):
    """Over the length limit: HTTP interfaces answer 413 rather than 422."""


def clean_question(question: str, max_chars: int) -> str:
    q = re.sub(r"\s+", " ", "".join(ch for ch in question if ch.isprintable() or ch.isspace())).strip()
    if not q:
        raise QuestionError("Please type a question.")
    if len(q) > max_chars:
        raise QuestionTooLong(
            f"That question is too long ({len(q):,} characters); please keep it under {max_chars:,}."
        )
    return q


class Assistant:
    """Answers questions over one loaded index. Thread-safe for reads."""

    def __init__(self, index: LoadedIndex, settings: Settings):
        self.index = index
        self.settings = settings
        self.citer = Citer(index)
        self.figures = FigureAnswerer(
            index, self.citer, settings.support_window_chars, settings.figure_retrieved_passages
        )
        self.entities = EntityAnswerer(index, self.citer, settings, self.figures.contexts.document_terms)
        self._answers: OrderedDict[tuple[str, tuple[str, ...]], Answer] = OrderedDict()
        self._answers_lock = threading.Lock()

    # ---- entry point -----------------------------------------------------------------------------------
    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        """Answer a question; history holds the earlier questions of the conversation, oldest first. The same
        question in the same conversation is answered once per index version (this Assistant's), then from a
        small cache: suggested questions are asked by many people, and at archive scale an answer costs tens
        of milliseconds of CPU."""
        q = clean_question(question, self.settings.max_question_chars)
        earlier: list[str] = []
        for h in (history or [])[-6:]:
            try:
                earlier.append(clean_question(h, self.settings.max_question_chars))
            except QuestionError:
                continue
        key = (q, tuple(earlier))
        with self._answers_lock:
            cached = self._answers.get(key)
            if cached is not None:
                self._answers.move_to_end(key)
        if cached is not None:
            return cached.model_copy(deep=True)
        answer = self._answer(q, earlier)
        with self._answers_lock:
            self._answers[key] = answer.model_copy(deep=True)
            while len(self._answers) > ANSWER_CACHE:
                self._answers.popitem(last=False)
        return answer

    def _answer(self, q: str, earlier: list[str]) -> Answer:
        reading = read_conversation(q, earlier)
        qvec = embedding.encode_one(q)
        if reading.answer_type == "number":
            # checked once: the candidates (a BM25 look-up among them) serve the answer and, failing it, the
            # near misses offered
            supported, near = self.figures.supported(reading)
            answer = self.figures.answer(q, reading, supported)
            return answer if answer is not None else self._no_figure(q, reading, qvec, supported, near)
        if reading.answer_type in ("person", "date", "name"):
            answer = self.entities.answer(q, reading, qvec)
            if answer is not None:
                return answer
        return self._general_answer(q, qvec, reading)

    # ---- figures for the API -------------------------------------------------------------------------
    def concept_timeline(self, concept_id: str, unit: str) -> list[FigureValue]:
        """The council's own reported levels of one concept in one unit, in date order."""
        points = sorted(
            (
                f
                for f in self.index.figure_index.of_concept(concept_id)
                if f.unit == unit and f.subject == "own" and f.kind == "level" and f.as_of.known
            ),
            key=lambda f: (f.as_of.end, f.as_of.start),
        )
        out: list[FigureValue] = []
        previous = None
        for f in points:
            out.append(self.citer.figure_value(f, previous))
            previous = f
        return out

    # ---- no supported figure --------------------------------------------------------------------------
    def _no_figure(
        self,
        question: str,
        r: Reading,
        qvec: np.ndarray,
        supported: list[Scored],
        near: list[tuple[Figure, Support]],
    ) -> Answer:
        # supported figures reach here only from papers other than the source the question named
        offered = self.figures.near_misses([(s.figure, s.support) for s in supported] + near, r)
        what = f"\u201c{r.measure_text}\u201d" if r.measure_text else "that"
        whose = "" if r.subject.kind == "own" else f" for {r.subject.name}"
        when = f" for {r.date_label}" if r.date_label else ""
        where = "The source you named does not" if supported else "The papers do not"
        text = f"{where} report a figure for {what}{whose}{when}."
        if offered:
            text += " They do report: " + "; ".join(_describe(v) for v in offered) + "."
        quote = self._closest_sentence(question, qvec)
        citations = [v.citation for v in offered]
        if quote is not None:
            text += " The closest passage is quoted below; it is a quote, not an answer."
            citations.append(quote)
        return Answer(
            question=question,
            kind="not_found",
            text=text,
            nearest=offered,
            citations=citations,
            resolved=r.resolved(),
        )

    def _closest_sentence(self, question: str, qvec: np.ndarray) -> Citation | None:
        """The nearest thing the papers hold for a number nothing supports: of the sentences ranked about as
        close as the best one, the first that reports a number (it may well be the figure, in words the rules
        could not place), else the best."""
        ranked = rank_sentences(self.index, self.settings, question, qvec)
        if not ranked or ranked[0][0] < self.settings.quote_min_similarity:
            return None
        close = [row for sim, row in ranked if sim >= ranked[0][0] - self.settings.number_quote_window]
        spans = [self.index.sentence_spans[row] for row in close]
        with_number = [s for s in spans if find_quantities(self.index.documents[s[0]].text[s[1] : s[2]])]
        doc_id, start, end, chunk_id = (with_number or spans)[0]
        return self.citer.cite(doc_id, start, end, [], chunk_id=chunk_id)

    # ---- general -------------------------------------------------------------------------------------
    def _with_reason(self, question: str, row: int, r: Reading) -> tuple:
        """A sentence quoted with the next one of its paragraph, where papers go on to say it: for a "why"
        question answered by a sentence that only restates what happened ("Supported accommodation is £0.9m over
        budget."), the reason; for a what-did-they-say question answered by a heading or a line that announces
        what follows ("Aims and objectives of the Fostering Service", "... made the following points:"), what
        was said. A heading's next sentence is the first of the next paragraph."""
        doc_id, start, end, chunk_id = self.index.sentence_spans[row]
        text = self.index.documents[doc_id].text
        sentence = text[start:end].rstrip()
        why = bool(WHY.search(question)) and not BECAUSE.search(sentence)
        heading = r.answer_type == "text" and not WHY.search(question) and announces(sentence)
        if not (why or heading) or row + 1 >= len(self.index.sentence_spans):
            return doc_id, start, end, chunk_id
        n_doc, n_start, n_end, _ = self.index.sentence_spans[row + 1]
        if n_doc != doc_id or n_end - start > 800 or (why and "\n\n" in text[end:n_start]):
            return doc_id, start, end, chunk_id
        return doc_id, start, n_end, chunk_id

    def _general_answer(self, question: str, qvec: np.ndarray, r: Reading) -> Answer:
        ranked = rank_sentences(self.index, self.settings, question, qvec, by_words=QUOTE_RESCORED_BY_WORDS)
        if not ranked:
            return Answer(
                question=question,
                kind="not_found",
                text="The papers do not appear to answer this.",
                resolved=r.resolved(),
            )
        best_sim, best_row = ranked[0]
        terms = question_terms(question)
        # "the mayor's salary": not in the papers (short terms are too often stems of something else)
        unknown = [t for t in terms if not self.index.knows(t) and len(t) >= 4]
        mostly_unknown = bool(terms) and len(unknown) / len(terms) >= self.settings.unknown_words_share
        floor = self.settings.general_min_similarity
        if best_sim < floor or (mostly_unknown and best_sim < self.settings.unknown_words_min_similarity):
            d, s, e, c = self.index.sentence_spans[best_row]
            cite = self.citer.cite(d, s, e, [], chunk_id=c)
            return Answer(
                question=question,
                kind="not_found",
                citations=[cite],
                resolved=r.resolved(),
                text="The papers do not appear to answer this. The nearest passage found is quoted below; "
                "check it before relying on it.",
            )
        window = self.settings.general_quote_window
        pool = ranked
        ranked = [(sim, row) for sim, row in on_topic_first(self.index, question, ranked) if sim >= floor]
        # what another council's papers say does not answer for the council a question names (nor its papers for
        # another), when the papers hold something that may; a question naming none may be answered from any
        if find_subject_mentions(question):
            ranked = [(sim, row) for sim, row in ranked if self._about_asked(row, r, question)] or ranked
        chosen = [row for sim, row in ranked[:3] if sim >= ranked[0][0] - window]
        chosen += rest_of_question(self.index, question, pool, chosen)  # what the papers say of the rest
        citations = [self.citer.sentence(*self._with_reason(question, row, r)) for row in chosen]
        text = " ".join(f"\u201c{c.quote}\u201d ({c.title}, {c.meeting_date_label})" for c in citations)
        return Answer(
            question=question, kind="general", text=text, citations=citations, resolved=r.resolved()
        )

    def _about_asked(self, row: int, r: Reading, question: str) -> bool:
        """Whether a sentence may speak for the council the question asks about (entity_candidates.about_subject)."""
        doc_id, start, end, _ = self.index.sentence_spans[row]
        near = self.index.documents[doc_id].text[max(0, start - 300) : end]
        return about_subject(self.index.paper_subject(doc_id), near, r.subject, question)


def announces(sentence: str) -> bool:
    """A heading or a line that leads into what follows ("Aims and objectives of the Fostering Service", "The
    Director made the following points:"): it does not end as a sentence does; or a sentence that opens an
    item of minutes or an agenda ("Consideration was given to a report that ...", "X will provide an overview
    of the annual report"), which names the subject but not what was said of it."""
    return not re.search(r"[.!?\"”’)]$", sentence.rstrip()) or bool(_item_introduction().search(sentence))


@lru_cache(maxsize=1)
def _item_introduction() -> re.Pattern[str]:
    return phrase_pattern(lexicon()["item_introductions"])


QUOTE_RESCORED_BY_WORDS = 2  # a quoted answer also re-scores the two sentences holding most question words


def _describe(v: FigureValue) -> str:
    what = v.label if v.subject == "own" else f"{v.subject_name}: {v.label}"
    kind = {"change": ", a change", "target": ", a target", "forecast": ", a forecast"}.get(v.kind, "")
    return f"{what} {v.value_text} ({v.as_of.label}{kind}; {v.citation.title})"
