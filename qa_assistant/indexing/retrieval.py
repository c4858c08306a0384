"""Hybrid retrieval: BM25 and dense (FAISS inner product) rankings fused by reciprocal rank.

BM25 finds the number- and date-heavy passages the dense model misses; the dense model finds paraphrases
BM25 misses. Filters (committee, meeting-date range, document) are applied before fusion.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import faiss
import numpy as np

from qa_assistant.indexing import embedding
from qa_assistant.indexing.loaded import LoadedIndex
from qa_assistant.models import SearchHit
from qa_assistant.text.lexical import tokenize

Mode = Literal["hybrid", "bm25", "dense"]
DEEP_SEARCH = 200  # a ranking deeper than this (filtered searches) is exact even on an HNSW index


@dataclass
class Filters:
    committee: str | None = None
    doc_id: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def allows(self, index: LoadedIndex, chunk_id: int) -> bool:
        doc = index.documents[index.chunks[chunk_id].doc_id]
        if self.doc_id and doc.doc_id != self.doc_id:
            return False
        if self.committee and (doc.committee or "").lower() != self.committee.lower():
            return False
        if self.date_from or self.date_to:
            if doc.meeting_date is None:
                return False
            if self.date_from and doc.meeting_date < self.date_from:
                return False
            if self.date_to and doc.meeting_date > self.date_to:
                return False
        return True


def bm25_ranking(index: LoadedIndex, query: str, k: int) -> list[tuple[int, float]]:
    tokens = [t for t in tokenize([query])[0] if index.knows(t)]
    n = len(index.chunks)
    if not tokens or n == 0:
        return []
    ids, scores = index.bm25.retrieve(tokens, k=min(k, n))
    return [(int(i), float(s)) for i, s in zip(ids, scores) if s > 0]


def dense_ranking(index: LoadedIndex, query_vec: np.ndarray, k: int) -> list[tuple[int, float]]:
    n = index.dense.ntotal
    if n == 0:
        return []
    dense = index.dense
    if k > DEEP_SEARCH and isinstance(dense, faiss.IndexHNSW):  # a filtered search ranks every passage:
        dense = faiss.downcast_index(dense.storage)  # exactly, on the graph's own flat storage
    scores, ids = dense.search(query_vec.reshape(1, -1), min(k, n))
    return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]


def search(
    index: LoadedIndex,
    query: str,
    k: int = 5,
    mode: Mode = "hybrid",
    filters: Filters | None = None,
    rrf_k: int = 60,
    candidates: int = 20,
    query_vec: np.ndarray | None = None,
) -> list[SearchHit]:
    """Top-k passages for a query, best first. score is the fused RRF score (or the raw score for one mode)."""
    pool = max(candidates, k) if not filters else len(index.chunks)
    lexical = bm25_ranking(index, query, pool) if mode in ("hybrid", "bm25") else []
    dense: list[tuple[int, float]] = []
    if mode in ("hybrid", "dense"):
        vec = query_vec if query_vec is not None else embedding.encode_one(query)
        dense = dense_ranking(index, vec, pool)
    if filters:
        lexical = [(i, s) for i, s in lexical if filters.allows(index, i)]
        dense = [(i, s) for i, s in dense if filters.allows(index, i)]

    fused: dict[int, float] = {}
    ranks: dict[int, dict[str, int]] = {}
    for name, ranking in (("bm25", lexical), ("dense", dense)):
        for rank, (cid, raw) in enumerate(ranking, start=1):
            contribution = 1.0 / (rrf_k + rank) if mode == "hybrid" else raw
            fused[cid] = fused.get(cid, 0.0) + contribution
            ranks.setdefault(cid, {})[name] = rank
    best = sorted(fused.items(), key=lambda kv: kv[1], reverse=True)[:k]
    return [
        SearchHit(
            chunk=index.chunks[cid],
            document=index.doc_meta(index.chunks[cid].doc_id),
            score=score,
            bm25_rank=ranks[cid].get("bm25"),
            dense_rank=ranks[cid].get("dense"),
        )
        for cid, score in best
    ]
