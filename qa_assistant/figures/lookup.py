"""Find the candidate figures for a question without scanning every figure in the index.

Figures are indexed by concept and by the terms of their phrase and context; a question's candidates are
those sharing its concept or any of its measure terms (the support check then decides). Figures of the same
sentence are found together, so the support check can tell which words another number owns.

The tables hold figure ids in compact arrays, not figures: the figures themselves are fetched by id (from
memory, or from the index's store at archive scale). On a big archive a common measure has thousands of
figures, more than a question can check in time; then the ones checked are those nearest the period asked
(or the latest, when none is asked), up to weights.json figure_lookup.most_checked.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from qa_assistant.figures.reading import Reading
from qa_assistant.models import Figure
from qa_assistant.settings import weight

FigureKey = (
    tuple  # figure_id, doc_id, concept_id, sentence_start, terms JSON, context_terms JSON, as_of ISO x2
)
_UNKNOWN = np.iinfo(np.int32).max  # as-of ordinal of an undated figure: after every date


@dataclass
class FigureIndex:
    fetch: Callable[[Iterable[int]], list[Figure]]  # figures by id, in the order given
    count: int
    by_concept: dict[str, array]
    by_term: dict[str, array]
    by_doc: dict[str, tuple[array, array]]  # doc -> (sentence starts, figure ids), sorted by start
    as_of_start: np.ndarray  # ordinal day per figure id (_UNKNOWN when undated)
    as_of_end: np.ndarray

    @classmethod
    def from_keys(cls, keys: Iterable[FigureKey], count: int, fetch) -> FigureIndex:
        """Tables from each figure's key (FigureStore.keys: no figure objects are made)."""
        by_concept: dict[str, array] = {}
        by_term: dict[str, array] = {}
        by_doc: dict[str, list[tuple[int, int]]] = {}
        starts = np.full(count, _UNKNOWN, dtype=np.int32)
        ends = np.full(count, _UNKNOWN, dtype=np.int32)
        for fid, doc_id, concept_id, sentence_start, terms, context, as_of_start, as_of_end in keys:
            if concept_id:
                by_concept.setdefault(concept_id, array("i")).append(fid)
            terms = json.loads(terms) if isinstance(terms, str) else terms
            context = json.loads(context) if isinstance(context, str) else context
            for t in set(terms) | set(context):
                by_term.setdefault(t, array("i")).append(fid)
            by_doc.setdefault(doc_id, []).append((sentence_start, fid))
            if as_of_start and as_of_end:
                starts[fid] = dt.date.fromisoformat(as_of_start).toordinal()
                ends[fid] = dt.date.fromisoformat(as_of_end).toordinal()
        docs = {d: _sorted_pairs(v) for d, v in by_doc.items()}
        return cls(fetch, count, by_concept, by_term, docs, starts, ends)

    def candidates(self, r: Reading, also: Iterable[int] = ()) -> list[Figure]:
        """The figures sharing the question's concept or a measure term (also: ids found another way: the
        figures of the passages retrieval ranks first, whose own phrase may not say what they count)."""
        # a boolean mask over figure ids: the union of postings of hundreds of thousands of ids, in C
        chosen = np.zeros(self.count, dtype=bool)
        chosen[list(also)] = True
        if r.concept is not None:
            chosen[_ids(self.by_concept.get(r.concept.concept.id))] = True
        # a term in many figures says little on its own ("child"): it selects only with a rarer one
        limit = max(50, int(weight("figure_lookup", "common_term_share") * self.count))
        postings = sorted((self.by_term.get(t, ()) for t in set(r.measure_seq)), key=len)
        for i, posting in enumerate(postings):
            if len(posting) <= limit or i == 0:
                chosen[_ids(posting)] = True
        return self.fetch(sorted(self._most_relevant(np.flatnonzero(chosen), r)))

    def _most_relevant(self, chosen: np.ndarray, r: Reading) -> list[int]:
        """All ids when few enough to check; else those nearest the period asked (latest first when none)."""
        most = int(weight("figure_lookup", "most_checked"))
        if len(chosen) <= most:
            return chosen.tolist()
        starts, ends = self.as_of_start[chosen], self.as_of_end[chosen]
        if r.date_start is not None and r.date_end is not None:
            asked_start, asked_end = r.date_start.toordinal(), r.date_end.toordinal()
            gap = np.maximum(np.maximum(starts - asked_end, asked_start - ends), 0).astype(np.int64)
            key = np.where(ends == _UNKNOWN, _UNKNOWN, gap)
        else:
            key = np.where(ends == _UNKNOWN, 1, -ends.astype(np.int64))
        # one number per candidate, ties broken by id: the `most` smallest, found without a full sort
        key = key.astype(np.int64) * (self.count + 1) + chosen
        return chosen[np.argpartition(key, most)[:most]].tolist()

    def in_span(self, doc_id: str, start: int, end: int) -> list[int]:
        """The ids of the figures whose sentence starts within [start, end) of a paper (a passage's figures)."""
        starts, ids = self.by_doc.get(doc_id, ((), ()))
        return list(ids[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)])

    def siblings(self, f: Figure) -> list[Figure]:
        """The other figures of f's sentence."""
        starts, ids = self.by_doc.get(f.doc_id, ((), ()))
        lo = bisect.bisect_left(starts, f.sentence_start)
        hi = bisect.bisect_right(starts, f.sentence_start)
        return self.fetch([i for i in ids[lo:hi] if i != f.figure_id])

    def of_concept(self, concept_id: str) -> list[Figure]:
        return self.fetch(self.by_concept.get(concept_id, ()))


def _ids(posting) -> np.ndarray:
    """A posting (array of ids) as a numpy view, without copying."""
    if posting is None or len(posting) == 0:
        return np.zeros(0, dtype=np.int64)
    return np.frombuffer(posting, dtype=np.int32)


def _sorted_pairs(pairs: list[tuple[int, int]]) -> tuple[array, array]:
    pairs.sort()
    return array("i", (s for s, _ in pairs)), array("i", (i for _, i in pairs))
