"""Find the candidate figures for a question without scanning every figure in the index.

Figures are indexed by concept and by the terms of their phrase and context; a question's candidates are
those sharing its concept or any of its measure terms (the support check then decides). Figures of the same
sentence are indexed together, so the support check can tell which words another number owns.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from qa_assistant.figures.reading import Reading
from qa_assistant.figures.selection import context_terms, phrase_terms
from qa_assistant.models import Figure
from qa_assistant.settings import weight


@dataclass
class FigureIndex:
    figures: list[Figure]
    by_concept: dict[str, list[int]]
    by_term: dict[str, list[int]]
    by_sentence: dict[tuple[str, int], list[int]]
    by_doc: dict[str, tuple[list[int], list[int]]]  # doc -> (sentence starts, figure ids), sorted

    @classmethod
    def build(cls, figures: list[Figure]) -> FigureIndex:
        by_concept: dict[str, list[int]] = defaultdict(list)
        by_term: dict[str, list[int]] = defaultdict(list)
        by_sentence: dict[tuple[str, int], list[int]] = defaultdict(list)
        for i, f in enumerate(figures):
            if f.concept_id:
                by_concept[f.concept_id].append(i)
            for t in phrase_terms(f) | context_terms(f):
                by_term[t].append(i)
            by_sentence[(f.doc_id, f.sentence_start)].append(i)
        by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, f in enumerate(figures):
            by_doc[f.doc_id].append((f.sentence_start, i))
        sorted_docs = {d: ([s for s, _ in sorted(v)], [i for _, i in sorted(v)]) for d, v in by_doc.items()}
        return cls(figures, dict(by_concept), dict(by_term), dict(by_sentence), sorted_docs)

    def candidates(self, r: Reading) -> list[Figure]:
        ids: set[int] = set()
        if r.concept is not None:
            ids.update(self.by_concept.get(r.concept.concept.id, ()))
        # a term in many figures says little on its own ("child"): it selects only with a rarer one
        limit = max(50, int(weight("figure_lookup", "common_term_share") * len(self.figures)))
        postings = sorted((self.by_term.get(t, []) for t in set(r.measure_seq)), key=len)
        for i, posting in enumerate(postings):
            if len(posting) <= limit or i == 0:
                ids.update(posting)
        return [self.figures[i] for i in sorted(ids)]

    def siblings(self, f: Figure) -> list[Figure]:
        return [
            self.figures[i]
            for i in self.by_sentence.get((f.doc_id, f.sentence_start), ())
            if self.figures[i].figure_id != f.figure_id
        ]
