"""Answer a number question from the figures whose sentences support it, or say plainly that none does.

Supported figures are grouped into series (same concept or phrase, unit and subject); the best-supported
series answers. Within it: the figure for the period asked (all of them, flagged, if papers disagree), the
latest, or a timeline of levels in date order. When the series has no figure for the period asked, the answer
says so and lists the nearest dates. When nothing supports the question, the caller gets None and decides
between a labelled quote and "not found"; figures that failed only on unit, subject or kind are offered
as what the papers do hold.

figure_context.py reads the words around each figure, figure_choice.py picks the paper and series,
figure_timeline.py the timeline's points and conflicts, and figure_text.py phrases the answer.
"""

from __future__ import annotations

import datetime as dt

from qa_assistant.answering.citing import Citer, hedge_before, restates_by_value
from qa_assistant.answering.figure_choice import (
    BoundReader,
    Scored,
    best_series,
    from_named_paper,
    matches_period,
)
from qa_assistant.answering.figure_context import FigureContexts
from qa_assistant.answering.figure_text import FigureWriter
from qa_assistant.figures.asof import STARTING_VALUE
from qa_assistant.figures.reading import Reading
from qa_assistant.figures.selection import Support, check
from qa_assistant.figures.support_context import stated_numbers
from qa_assistant.figures.support_rules import OTHER_UNIT
from qa_assistant.indexing.retrieval import bm25_ranking
from qa_assistant.models import Answer, Figure, FigureValue

_RESTATEMENT_REACH = 600  # characters after a bound's sentence where its exact figure may be restated


class FigureAnswerer:
    """Number questions: the supported figures, the series that answers, and the answer in its shape."""

    def __init__(self, index, citer: Citer, window_chars: int = 0, retrieved_passages: int = 0) -> None:
        self.index = index
        self.retrieved_passages = retrieved_passages
        self.citer = citer
        self.contexts = FigureContexts(index, window_chars)
        self.writer = FigureWriter(index, citer)

    def supported(self, r: Reading) -> tuple[list[Scored], list[tuple[Figure, Support]]]:
        """Figures whose sentences support the question, and the near misses (right measure, wrong unit,
        subject or kind) to offer when nothing supports it."""
        ok: list[Scored] = []
        near: list[tuple[Figure, Support]] = []
        given = stated_numbers(r.question)
        for f in self.index.figure_index.candidates(r, self._retrieved(r)):
            if (f.unit, f.value) in given:
                continue  # "more than 20 cases", "the £14m savings announcement": the question's own numbers
            s = check(r, f, self.contexts.context)
            if s.ok:
                ok.append(Scored(f, s))
            elif s.reason.split(":")[0] in ("unit", "subject", "kind") and _a_value_held(f):
                near.append((f, s))
        return prefer_asked_unit(ok), near

    def _hedge(self, f: Figure) -> str:
        """The words that make a figure a bound or an estimate ("more than"), "" when stated as exact."""
        return hedge_before(self.index.documents[f.doc_id].text, f)

    def _restated_after(self, f: Figure) -> list[Figure]:
        """Figures in the next few sentences that name themselves by their value ("The £27.9m figure makes up
        half of the budget"): a restatement of a figure given before, not a new measure."""
        text = self.index.documents[f.doc_id].text
        ids = self.index.figure_index.in_span(f.doc_id, f.sentence_end, f.sentence_end + _RESTATEMENT_REACH)
        return [g for g in self.index.figure_index.fetch(ids) if restates_by_value(text, g)]

    def _retrieved(self, r: Reading) -> list[int]:
        """The figures of the passages BM25 ranks first for the question: a figure whose own words are cut
        short ("1,387 children deemed to be in need") is still checked, against its sentence."""
        k = self.retrieved_passages
        if not k or not r.question:
            return []
        out: list[int] = []
        for chunk_id, _ in bm25_ranking(self.index, r.question, k):
            c = self.index.chunks[chunk_id]
            out += self.index.figure_index.in_span(c.doc_id, c.start, c.end)
        return out

    def answer(self, question: str, r: Reading, scored: list[Scored]) -> Answer | None:
        """The answer from the best-supported series (scored: supported(r)'s first part) in the shape the intent
        asks for; None when no figure (from the paper the question names, if it names one) supports the
        question."""
        if not scored:
            return None
        named = from_named_paper(scored, r, self.index.documents, self.contexts.text_words)
        if not named:
            return None
        series = best_series(named, r, BoundReader(self._hedge, self._restated_after))
        if r.asks_earlier and r.intent != "timeline":
            # "the year before": only a figure the paper gives as an earlier one ("up from 228 the year before")
            series = [s for s in series if s.figure.as_of.basis == "earlier"]
            if not series:
                return None
        if r.intent == "timeline":
            return self.writer.timeline(question, r, series)
        dated = [s for s in series if s.figure.as_of.known]
        if r.intent == "value":
            return self._for_period(question, r, series, dated, named_paper=named is not scored)
        one_paper = len({s.figure.doc_id for s in scored}) == 1  # (of every figure supported, any series)
        return self._latest(question, r, series, dated, named_paper=named is not scored, one_paper=one_paper)

    def _for_period(
        self, question: str, r: Reading, series: list[Scored], dated: list[Scored], named_paper: bool
    ) -> Answer:
        """The figures for the period asked; else why there is none (the date names the paper, the papers
        never date the figure) or the nearest dates they do hold."""
        hits = [s for s in dated if matches_period(s.figure, r)]
        if hits:
            return self.writer.present(question, r, hits)
        if named_paper and r.date_names_paper and not dated:
            return self.writer.present(
                question,
                r,
                series,
                note=" The paper you named gives no date for it; the "
                "date in your question is part of the paper's name.",
            )
        if not dated:
            return self.writer.undated(question, r, series)
        return self.writer.nearest(question, r, dated)

    def _latest(
        self,
        question: str,
        r: Reading,
        series: list[Scored],
        dated: list[Scored],
        named_paper: bool = False,
        one_paper: bool = False,
    ) -> Answer:
        """The latest dated figures, saying how many earlier dates are held; an undated figure only with a
        warning, and not at all when the question insists on the current figure, unless the paper it names
        calls that figure current ("There are currently 88 permanent exclusions")."""
        if not dated:
            # "fell from 13.3 to 11.7", "232 at the end of March last year - up from 228 the year before": the
            # value it changed from is not the latest one
            series = [s for s in series if s.figure.as_of.basis != "earlier"] or series
            series = [s for s in series if not self._started_from(s.figure)] or series
            current = all(s.figure.as_of.basis == "current" for s in series)
            if r.explicit_latest and current and (named_paper or (one_paper and r.subject_explicit)):
                # ("Warrington now has 46 spaces", asked "how many does Warrington now have": the only paper holding
                # the place's measure calls it current, and no paper dates it; not for the council's own papers,
                # which pile up over the years)
                return self.writer.present(
                    question,
                    r,
                    series,
                    note=" The paper gives this as the current figure; it does not say what date that is.",
                )
            if r.explicit_latest:
                return self.writer.undated(question, r, series)
            return self.writer.present(
                question, r, series, note=" The paper does not say what date this is as of."
            )
        # "since 2018/19, when 108 children entered", "an increase on 572 at the same point in 2015": a value the
        # paper says things have moved on from is not the latest, whatever its date, when the papers hold
        # another figure for it (the "earlier" basis, or a starting value beside the value it moved to)
        later = [
            s for s in series if s.figure.as_of.basis != "earlier" and not self._moved_on_from(s, series)
        ]
        if not later:
            return self.writer.superseded(question, r, dated)
        if len(later) < len(series):
            series = later
            dated = [s for s in dated if s in later]
            if not dated:
                return self._latest(question, r, series, dated, named_paper, one_paper)
        latest_end = max(s.figure.as_of.end for s in dated)
        chosen = [s for s in dated if s.figure.as_of.end == latest_end]
        now = [s for s in series if s.figure.as_of.basis == "current"]
        if now and {s.figure.doc_id for s in chosen} <= {s.figure.doc_id for s in now}:
            # the paper's "now" is later than any date it names: "now 1,923", "in March 2016, 1,665"
            return self.writer.present(question, r, now, note=" The paper gives this as the current figure.")
        earlier = len({s.figure.as_of.label for s in dated}) - 1
        note = " This is the latest figure in the papers." + (
            f" Figures for {earlier} earlier date(s) are held; ask how it has changed to see them."
            if earlier
            else ""
        )
        return self.writer.present(question, r, chosen, note=note)

    def _moved_on_from(self, s: Scored, series: list[Scored]) -> bool:
        """ "There were 642 children in care as of March 31 last year, an increase on 572 at the same point in
        2015": the value a change started from, beside the value it moved to, is not the latest, however
        much better dated it is."""
        f = s.figure
        return self._started_from(f) and any(
            o is not s
            and o.figure.doc_id == f.doc_id
            and o.figure.sentence_start == f.sentence_start
            and not self._started_from(o.figure)
            for o in series
        )

    def _started_from(self, f: Figure) -> bool:
        """Whether the figure is the value a change started from ("up from 228", "reduced from 1296")."""
        text = self.index.documents[f.doc_id].text
        return bool(STARTING_VALUE.search(text[max(f.sentence_start, f.start - 30) : f.start]))

    def near_misses(self, near: list[tuple[Figure, Support]], r: Reading) -> list[FigureValue]:
        """Up to three figures of the right measure in another unit, for another subject or of another kind
        (never money offered for a count or the reverse: that is not the same measure in other words)."""
        asked_money = r.unit in ("money", "money_week", "money_year")
        usable = [(f, s) for f, s in near if (f.unit.startswith("gbp")) == asked_money or r.unit is None]
        ranked = sorted(usable, key=lambda fs: fs[0].as_of.end or dt.date.min, reverse=True)
        out, seen = [], set()
        for f, _ in ranked:
            key = (f.unit, f.subject, f.kind)
            if key in seen:
                continue
            seen.add(key)
            out.append(self.citer.figure_value(f))
            if len(out) == 3:
                break
        return out


def _a_value_held(f: Figure) -> bool:
    """A limit set ("within 26 weeks") or a position ("the third visit") is no value held of a measure, so it is
    never offered as a near miss."""
    return f.kind != "limit" and f.unit != "ordinal"


def prefer_asked_unit(ok: list[Scored]) -> list[Scored]:
    """ "Of 2,040 children in need, 612 (three in ten) had a disability": a figure let in from another unit (a
    share written as a count of a count, a change in per cent) answers only when its paper holds none in the unit
    asked (another paper's may be of another date)."""
    in_unit = {s.figure.doc_id for s in ok if OTHER_UNIT not in s.support.notes}
    return [s for s in ok if OTHER_UNIT not in s.support.notes or s.figure.doc_id not in in_unit]
