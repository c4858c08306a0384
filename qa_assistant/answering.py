"""Route a question (figure / timeline / general / not found) and compose a cited, extractive Answer.

A number is only ever given as the paper wrote it, with its as-of date and the sentence that holds it.
When no figure matches the date asked for, the answer says so and lists the nearest reported figures;
it never presents a figure for another date as the answer.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np

from . import embedding
from .dates import period_distance
from .figure_query import is_number_question, resolve
from .index import LoadedIndex
from .measures import Measure
from .models import Answer, Citation, Figure, FigureValue, Highlight, ResolvedQuery, page_of
from .retrieval import search
from .settings import Settings
from .lexical import tokenize
from .spans import is_list_item, paragraph_spans

MIN_SENTENCE_SIM = 0.45
NUMBER_QUESTION_MIN_SIM = 0.6
# Stems of question scaffolding that BM25's stop list keeps; they say nothing about the topic.
_QUESTION_WORDS = {"what", "did", "doe", "about", "how", "mani", "much", "when", "where", "which", "who", "whi",
                   "tell", "show", "give", "hear", "said", "say", "happen", "there"}


class QuestionError(ValueError):
    """The question cannot be answered as asked (empty, too long); the message is shown to the user."""


class QuestionTooLong(QuestionError):
    """Over the length limit: HTTP interfaces answer 413 rather than 422."""


def clean_question(question: str, max_chars: int) -> str:
    q = re.sub(r"\s+", " ", "".join(ch for ch in question if ch.isprintable() or ch.isspace())).strip()
    if not q:
        raise QuestionError("Please type a question.")
    if len(q) > max_chars:
        raise QuestionTooLong(f"That question is too long ({len(q):,} characters); please keep it under {max_chars:,}.")
    return q


def merge_citations(citations: list[Citation]) -> list[Citation]:
    """One citation per quoted passage: a value and its rate in the same sentence share a chip, both marked."""
    merged: dict[tuple[str, int, int], Citation] = {}
    for c in citations:
        key = (c.doc_id, c.quote_start, c.quote_end)
        if key in merged:
            seen = merged[key]
            marks = seen.highlights + [h for h in c.highlights if h not in seen.highlights]
            merged[key] = seen.model_copy(update={"highlights": sorted(marks, key=lambda h: h.start)})
        else:
            merged[key] = c
    return list(merged.values())


class Assistant:
    """Answers questions over one loaded index. Thread-safe for reads."""

    def __init__(self, index: LoadedIndex, settings: Settings):
        self.index = index
        self.settings = settings

    # ---- citations -------------------------------------------------------------------------------
    def cite(self, doc_id: str, start: int, end: int, marks: list[tuple[int, int]], as_of: str | None = None,
             chunk_id: int | None = None) -> Citation:
        doc = self.index.documents[doc_id]
        page, page_end = page_of(doc.page_starts, start), page_of(doc.page_starts, max(start, end - 1))
        return Citation(
            doc_id=doc_id, title=doc.title, committee=doc.committee, meeting_date=doc.meeting_date,
            meeting_date_label=doc.meeting_date_label, source_url=doc.source_url, chunk_id=chunk_id,
            quote=doc.text[start:end], quote_start=start, quote_end=end,
            highlights=[Highlight(start=s - start, end=e - start) for s, e in marks], as_of_label=as_of,
            page=page, page_end=page_end if page_end != page else None,
        )

    def _figure_value(self, f: Figure, previous: Figure | None = None) -> FigureValue:
        citation = self.cite(f.doc_id, f.sentence_start, f.sentence_end, [(f.start, f.end)], f.as_of.label,
                             self.index.chunk_at(f.doc_id, f.start))
        change = f.value - previous.value if previous is not None and previous.unit == f.unit else None
        return FigureValue(measure_id=f.measure_id, measure_label=f.measure_label, value_text=f.value_text,
                           value=f.value, unit=f.unit, as_of=f.as_of, citation=citation, change_from_previous=change)

    # ---- figures ---------------------------------------------------------------------------------
    def figures_of(self, measure_id: str, units: list[str] | None = None) -> list[Figure]:
        figs = [f for f in self.index.figures if f.measure_id == measure_id and (units is None or f.unit in units)]
        return sorted(figs, key=lambda f: (f.as_of.end or dt.date.min, f.as_of.start or dt.date.min))

    def timeline(self, measure_id: str, unit: str, since: dt.date | None = None) -> list[FigureValue]:
        points = [f for f in self.figures_of(measure_id, [unit]) if f.as_of.known]
        if since:
            points = [f for f in points if f.as_of.end >= since]
        out: list[FigureValue] = []
        prev: Figure | None = None
        for f in points:
            out.append(self._figure_value(f, prev))
            prev = f
        return out

    def _figure_answer(self, question: str, rq: ResolvedQuery, measure: Measure, units: list[str]) -> Answer:
        unit = units[0]
        if rq.intent == "timeline":
            series = self.timeline(measure.id, unit, rq.date_start)
            if not series:
                return self._none_for_measure(question, rq, measure)
            if len(series) == 1:  # one point is not a trend: give it as a figure, saying so
                only = [f for f in self.figures_of(measure.id, [unit]) if f.as_of.label == series[0].as_of.label]
                return self._present(question, rq, measure, only,
                                     note=" It is the only figure the papers report for this, so no change can be shown.")
            lines = [f"{p.value_text} ({p.as_of.label}; {p.citation.title})" for p in series]
            text = f"Reported figures for {measure.label}, in date order: " + "; ".join(lines) + "."
            same_date = _conflicting(series)
            if same_date:
                text += " Note: the papers give different figures for the same date: " + same_date + "."
            return Answer(question=question, kind="timeline", text=text, series=series, conflict=bool(same_date),
                          citations=[p.citation for p in series], resolved=rq)

        candidates = [f for f in self.figures_of(measure.id, [unit]) if f.as_of.known]
        if not candidates:
            undated = self.figures_of(measure.id, [unit])
            if undated and rq.intent == "latest":
                return self._present(question, rq, measure, undated, note=" The paper does not say what date this is as of.")
            return self._none_for_measure(question, rq, measure)
        if rq.intent == "latest":
            latest_end = candidates[-1].as_of.end
            chosen = [f for f in candidates if f.as_of.end == latest_end]
            earlier = len(candidates) - len(chosen)
            note = " This is the latest figure in the papers." + (
                f" {earlier} earlier figure(s) are held; ask how it has changed to see them." if earlier else "")
            return self._present(question, rq, measure, chosen, note=note)
        chosen = [f for f in candidates if f.as_of.start <= rq.date_end and rq.date_start <= f.as_of.end]
        if chosen:
            return self._present(question, rq, measure, chosen)
        nearest = sorted(candidates, key=lambda f: period_distance(f.as_of.start, f.as_of.end, rq.date_start, rq.date_end))[:3]
        nearest = sorted(nearest, key=lambda f: f.as_of.end)
        near = [self._figure_value(f) for f in nearest]
        text = (f"The papers hold no figure for {measure.label} for {rq.date_label}. The nearest reported figures are: "
                + "; ".join(f"{n.value_text} ({n.as_of.label}; {n.citation.title})" for n in near) + ".")
        return Answer(question=question, kind="not_found", text=text, nearest=near,
                      citations=[n.citation for n in near], resolved=rq)

    def _present(self, question: str, rq: ResolvedQuery, measure: Measure, figs: list[Figure], note: str = "") -> Answer:
        values = [self._figure_value(f) for f in figs]
        related = [
            self._figure_value(f) for f in self.index.figures
            if f.measure_id == measure.id and f.unit != values[0].unit and any(
                f.doc_id == v.citation.doc_id and f.as_of.label == v.as_of.label for v in values)
        ]
        by_date: dict[str, list[FigureValue]] = {}
        for v in values:
            by_date.setdefault(v.as_of.label, []).append(v)
        conflict = any(len({v.value for v in vs}) > 1 for vs in by_date.values())
        label = measure.label[0].upper() + measure.label[1:]
        parts: list[str] = []
        for as_of, vs in by_date.items():
            if len({v.value for v in vs}) > 1:
                parts.append(f"the papers give different figures as of {as_of}: " + "; ".join(
                    f"{v.value_text} in {v.citation.title} (\u201c{v.citation.quote}\u201d)" for v in vs))
            else:
                v = vs[0]
                extra = [r.value_text for r in related if r.as_of.label == as_of and r.citation.doc_id == v.citation.doc_id]
                parts.append(f"{v.value_text}{' (' + ', '.join(extra) + ')' if extra else ''} as of {as_of} "
                             f"(source: {v.citation.title}, {v.citation.committee or 'committee not stated'}, "
                             f"meeting {v.citation.meeting_date_label})")
        text = f"{label}: " + "; ".join(parts) + "."
        return Answer(question=question, kind="figure", text=text + note, figures=values + related,
                      conflict=conflict, citations=merge_citations([v.citation for v in values + related]),
                      resolved=rq)

    def _none_for_measure(self, question: str, rq: ResolvedQuery, measure: Measure) -> Answer:
        others = [self._figure_value(f) for f in self.figures_of(measure.id)][:3]
        text = f"The papers hold no dated figure for {measure.label} that answers this."
        if others:
            text += " They do report: " + "; ".join(f"{o.value_text} ({o.as_of.label})" for o in others) + "."
        return Answer(question=question, kind="not_found", text=text, nearest=others,
                      citations=[o.citation for o in others], resolved=rq)

    # ---- general ---------------------------------------------------------------------------------
    def _general_answer(self, question: str, qvec: np.ndarray) -> Answer:
        hits = search(self.index, question, k=5, rrf_k=self.settings.rrf_k,
                      candidates=self.settings.candidates_per_retriever, query_vec=qvec)
        rows = [r for h in hits for r in self.index.sentences_of(h.chunk.chunk_id)]
        if not rows:
            return self._not_found(question)
        sentences = [self.index.sentence_spans[r] for r in rows]
        vecs = self.index.sentence_vectors[rows]  # embedded at index time: no model call per sentence here
        terms = set(tokenize([question])[0]) - _QUESTION_WORDS
        overlap = np.array([len(terms & set(tokenize([self.index.documents[d].text[s:e]])[0])) / max(1, len(terms))
                            for d, s, e, _ in sentences])
        sims = vecs @ qvec + 0.15 * overlap
        order = [int(i) for i in np.argsort(-sims)]
        best = order[0]
        unknown = [t for t in terms if t not in self.index.bm25.vocab_dict and len(t) >= 4]
        mostly_unknown = bool(terms) and len(unknown) / len(terms) >= 0.3  # "the mayor's salary": not in the papers
        # A number question with no catalogued measure gets a quote only when it is very close to the question.
        floor = NUMBER_QUESTION_MIN_SIM if is_number_question(question) else MIN_SENTENCE_SIM
        if sims[best] < floor or (mostly_unknown and sims[best] < 0.65):
            nearest = sentences[best]
            cite = self.cite(nearest[0], nearest[1], nearest[2], [], chunk_id=nearest[3])
            return Answer(question=question, kind="not_found", citations=[cite],
                          text="The papers do not appear to answer this. The nearest passage found is quoted below; "
                               "check it before relying on it.")
        chosen = [i for i in order[:3] if sims[i] >= max(MIN_SENTENCE_SIM, sims[best] - 0.12)]
        citations = [self._sentence_citation(*sentences[i]) for i in chosen]
        text = " ".join(f"\u201c{c.quote}\u201d ({c.title}, {c.meeting_date_label})" for c in citations)
        return Answer(question=question, kind="general", text=text, citations=citations)

    def _sentence_citation(self, doc_id: str, start: int, end: int, chunk_id: int) -> Citation:
        """Quote a sentence; one that introduces a list ("outlined that:") is quoted with its list."""
        text = self.index.documents[doc_id].text
        if re.search(r":-?\s*$", text[start:end]):
            following = [p for p in paragraph_spans(text) if p[0] >= end][:8]
            for p_start, p_end in following:
                short_item = len(text[p_start:p_end].split()) <= 60
                if not (is_list_item(text, p_start) or short_item) or p_end - start > 900:
                    break
                end = p_end
        return self.cite(doc_id, start, end, [(start, end)], chunk_id=chunk_id)

    def _not_found(self, question: str) -> Answer:
        return Answer(question=question, kind="not_found", text="The papers do not appear to answer this.")

    # ---- entry point -----------------------------------------------------------------------------
    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        """Answer a question; history holds the earlier questions of the conversation, oldest first."""
        q = clean_question(question, self.settings.max_question_chars)
        previous: ResolvedQuery | None = None
        for earlier in (history or [])[-6:]:
            try:
                previous, _, _ = resolve(clean_question(earlier, self.settings.max_question_chars), previous,
                                         self.settings.measure_min_score)
            except QuestionError:
                continue
            if previous.intent == "general":
                previous = None
        qvec = embedding.encode_one(q)
        rq, measure, units = resolve(q, previous, self.settings.measure_min_score, qvec)
        if measure is not None:
            return self._figure_answer(q, rq, measure, units)
        return self._general_answer(q, qvec)


def _conflicting(series: list[FigureValue]) -> str:
    by_date: dict[str, list[FigureValue]] = {}
    for p in series:
        by_date.setdefault(p.as_of.label, []).append(p)
    parts = [f"{label}: " + " vs ".join(p.value_text for p in ps)
             for label, ps in by_date.items() if len({p.value for p in ps}) > 1]
    return "; ".join(parts)
