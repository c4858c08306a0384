"""Rank the quotable sentences of the best passages for a question: embedding similarity plus word overlap.

Sentence vectors are computed at index time, so ranking needs one model call (the question's) at most.
Used for general answers, entity answers and the closest-passage quote under "not found".
"""

from __future__ import annotations

import numpy as np

from qa_assistant.indexing.retrieval import bm25_ranking, dense_ranking
from qa_assistant.text.lexical import tokenize

# Stems of question scaffolding that BM25's stop list keeps; they say nothing about the topic.
QUESTION_WORDS = frozenset(
    {
        "what",
        "did",
        "doe",
        "about",
        "how",
        "mani",
        "much",
        "when",
        "where",
        "which",
        "who",
        "whi",
        "tell",
        "show",
        "give",
        "hear",
        "said",
        "say",
        "happen",
        "there",
    }
)


def question_terms(question: str) -> set[str]:
    return set(tokenize([question])[0]) - QUESTION_WORDS


def rank_sentences(
    index, settings, question: str, qvec: np.ndarray, k: int | None = None
) -> list[tuple[float, int]]:
    """(score, sentence row) best first, over the quotable sentences of the top k passages of each retriever.

    The two rankings are pooled rather than fused: a passage that only BM25 finds (an exact name, "the Harm
    Outside the Home Team") is still read, and the sentence scores decide."""
    k = k or settings.sentence_passages
    chunks = dict.fromkeys(i for i, _ in bm25_ranking(index, question, k))
    chunks.update(dict.fromkeys(i for i, _ in dense_ranking(index, qvec, k)))
    rows = [r for c in chunks for r in index.sentences_of(c)]
    if not rows:
        return []
    vecs = index.sentence_vectors[rows]
    terms = question_terms(question)
    texts = [index.documents[d].text[s:e] for d, s, e, _ in (index.sentence_spans[r] for r in rows)]
    overlap = np.array([len(terms & set(t)) / max(1, len(terms)) for t in tokenize(texts)])
    sims = vecs @ qvec + settings.sentence_overlap_weight * overlap
    order = np.argsort(-sims)
    return [(float(sims[i]), rows[int(i)]) for i in order]
