"""One paper's share of the index (passages, quotable sentences and their vectors; figures), under its budget.

The text work runs in a child process with the paper's deadline (ingest.jobs); the vectors are computed here,
in groups, checking the same deadline and the shutdown flag between groups, so neither a huge paper nor a
SIGTERM mid-build holds the build lock for long. A refusal is remembered in the cache under the paper's key
and the budget, so the next build skips the paper at once with the same reason instead of spending the budget
again; raising the budget retries it.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from qa_assistant.indexing import embedding
from qa_assistant.indexing.cutting import Sentence, cut_passages, read_figures
from qa_assistant.ingest.jobs import Budget, OverBudget, run
from qa_assistant.models import Chunk, Document, Figure
from qa_assistant.settings import Settings
from qa_assistant.stopping import check as check_stopping

EMBED_GROUP = 64  # texts per embedding call between deadline checks (~2.5 s of 170-word passages on one core)

Passages = tuple[list[Chunk], list[Sentence], np.ndarray, np.ndarray]  # chunks, sentences, their vectors


def refusal_path(cache: Path, key: str, budget: Budget) -> Path:
    return cache / f"refused-{key}-{budget.seconds:g}s-{budget.max_chars}.txt"


def process(
    doc: Document,
    settings: Settings,
    min_sentence_words: int,
    refusal: Path | None = None,
    passages: Passages | None = None,
    figures: list[Figure] | None = None,
) -> tuple[Passages, list[Figure]]:
    """One paper's passages (with vectors) and figures, computing only the part not given (the other came from
    the cache); OverBudget (recorded at `refusal`) when it would take longer or be larger than a paper may."""
    budget = Budget.from_settings(settings)
    if refusal is not None and refusal.exists():
        raise OverBudget(refusal.read_text(encoding="utf-8"))
    try:
        deadline = time.monotonic() + budget.seconds
        budget.check_size(doc.file, len(doc.text))
        if passages is None:
            passages = _passages(doc, settings, min_sentence_words, budget, deadline)
        if figures is None:
            figures = run(
                read_figures, (doc,), name=doc.file, budget=budget, deadline=deadline, what="process"
            )
        return passages, figures
    except OverBudget as exc:
        if refusal is not None:
            refusal.write_text(str(exc), encoding="utf-8")
        raise


def _passages(
    doc: Document, settings: Settings, min_sentence_words: int, budget: Budget, deadline: float
) -> Passages:
    chunks, sentences = run(
        cut_passages,
        (doc, settings.chunk_max_words, settings.chunk_min_words, min_sentence_words),
        name=doc.file,
        budget=budget,
        deadline=deadline,
        what="process",
    )
    if settings.sentence_vectors == "pooled":
        chunk_vectors, sentence_vectors = _embed_pooled(chunks, sentences, doc.file, budget, deadline)
    else:
        chunk_vectors = _embed([c.text for c in chunks], doc.file, budget, deadline)
        sentence_vectors = _embed([doc.text[s:e] for s, e, _ in sentences], doc.file, budget, deadline)
    return chunks, sentences, chunk_vectors, sentence_vectors


def _check_time(name: str, budget: Budget, deadline: float) -> None:
    check_stopping()
    if time.monotonic() > deadline:
        raise OverBudget(
            f"{name}: took longer than the {budget.seconds:g} s allowed to index one paper "
            "(QA_PAPER_SECONDS); split it into smaller papers"
        )


def _embed(texts: list[str], name: str, budget: Budget, deadline: float) -> np.ndarray:
    """embedding.encode in groups (similar lengths together, as encode itself does), checking the deadline and
    the shutdown flag between groups."""
    out = np.zeros((len(texts), embedding.MODEL_DIM), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for start in range(0, len(order), EMBED_GROUP):
        _check_time(name, budget, deadline)
        rows = order[start : start + EMBED_GROUP]
        out[rows] = embedding.encode([texts[i] for i in rows])
    return out


def _embed_pooled(
    chunks: list[Chunk], sentences: list[Sentence], name: str, budget: Budget, deadline: float
) -> tuple[np.ndarray, np.ndarray]:
    """Passage vectors, and sentence vectors pooled from the same pass (embedding.encode_with_parts), in
    groups of passages, checking the deadline and the shutdown flag between groups."""
    by_chunk: dict[int, list[int]] = {}
    for row, (_, _, c) in enumerate(sentences):
        by_chunk.setdefault(c, []).append(row)
    chunk_vectors = np.zeros((len(chunks), embedding.MODEL_DIM), dtype=np.float32)
    sentence_vectors = np.zeros((len(sentences), embedding.MODEL_DIM), dtype=np.float32)
    order = sorted(range(len(chunks)), key=lambda i: len(chunks[i].text))
    for start in range(0, len(order), EMBED_GROUP):
        _check_time(name, budget, deadline)
        group = order[start : start + EMBED_GROUP]
        rows = [by_chunk.get(chunks[i].chunk_id, []) for i in group]
        spans = [
            [(sentences[r][0] - chunks[i].start, sentences[r][1] - chunks[i].start) for r in rs]
            for i, rs in zip(group, rows)
        ]
        vectors, pooled = embedding.encode_with_parts([chunks[i].text for i in group], spans)
        chunk_vectors[group] = vectors
        for rs, vs in zip(rows, pooled):
            sentence_vectors[rs] = vs
    return chunk_vectors, sentence_vectors
