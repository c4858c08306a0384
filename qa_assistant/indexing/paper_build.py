"""New or changed papers' share of the index (passages, quotable sentences and their vectors; figures), made
under each paper's budget and pipelined for throughput.

While the model embeds one batch of passages (on every core), the next papers are cut into passages and their
figures read in child processes (ingest.jobs: each under the paper's deadline and memory cap), so the text
work hides behind the model. Passages of several small papers are embedded together: a web page of two
passages alone wastes most of a model call. Between groups of passages the deadline and the shutdown flag are
checked, so neither a huge paper nor a SIGTERM holds the build lock for long. If a batch fails, each of its
papers is tried alone, so one paper's failure refuses only that paper. A refusal over budget is remembered in
the cache under the paper's key and the budget, so the next build skips it at once with the same reason;
raising the budget retries it.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa_assistant.indexing import embedding
from qa_assistant.indexing.cutting import Sentence, cut_what_is_missing
from qa_assistant.indexing.layout import MIN_SENTENCE_WORDS
from qa_assistant.ingest.jobs import Budget, OverBudget, run
from qa_assistant.models import Chunk, Document, Figure
from qa_assistant.settings import Settings
from qa_assistant.stopping import Stopping
from qa_assistant.stopping import check as check_stopping

EMBED_GROUP = 64  # passages per model call between deadline checks (~1 s of 170-word passages on 2 cores)
LOOKAHEAD = 4  # papers whose text work runs ahead of the model
TEXT_WORKERS = 1  # child processes cutting papers at once: the model has the other cores

Passages = tuple[list[Chunk], list[Sentence], np.ndarray, np.ndarray]  # chunks, sentences, their vectors


def refusal_path(cache: Path, key: str, budget: Budget) -> Path:
    return cache / f"refused-{key}-{budget.seconds:g}s-{budget.max_chars}.txt"


@dataclass
class PaperWork:
    """One paper to make: what the cache already had, and what this build adds (or why it cannot)."""

    doc: Document
    refusal: Path
    passages: Passages | None = None  # from the cache, or made here
    figures: list[Figure] | None = None
    made_passages: bool = False
    made_figures: bool = False
    error: Exception | None = None
    deadline: float = 0.0
    cut: tuple[list[Chunk], list[Sentence]] | None = None


def make(works: list[PaperWork], settings: Settings, done: Callable[[PaperWork], None]) -> None:
    """Fill in each paper's missing passages (with vectors) and figures, or its error; `done(work)` as each
    finishes. Raises Stopping when the process is shutting down."""
    budget = Budget.from_settings(settings)
    sizes = (settings.chunk_max_words, settings.chunk_min_words, MIN_SENTENCE_WORDS)
    waiting = iter(works)
    queue: deque[tuple[PaperWork, Future]] = deque()
    batch: list[PaperWork] = []
    pool = ThreadPoolExecutor(max_workers=TEXT_WORKERS, thread_name_prefix="qa-text")
    try:
        while True:
            while len(queue) < LOOKAHEAD and (work := next(waiting, None)) is not None:
                queue.append((work, pool.submit(_text_work, work, sizes, budget)))
            if not queue:
                break
            work, future = queue.popleft()
            _take_text(work, future)
            if work.error is None and work.passages is None:
                batch.append(work)
                if sum(len(w.cut[0]) for w in batch) < EMBED_GROUP:
                    continue
                _embed_batch(batch, settings, budget, done)
                batch = []
            else:
                done(work)
        _embed_batch(batch, settings, budget, done)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _text_work(work: PaperWork, sizes: tuple[int, int, int], budget: Budget) -> None:
    """In a pool thread: the paper's text work in a child process, under its deadline."""
    if work.refusal.exists():
        raise OverBudget(work.refusal.read_text(encoding="utf-8"))
    work.deadline = time.monotonic() + budget.seconds
    budget.check_size(work.doc.file, len(work.doc.text))
    need = (work.passages is None, work.figures is None)
    args = (work.doc, sizes, *need)
    name = work.doc.file
    work.cut, figures = run(
        cut_what_is_missing, args, name=name, budget=budget, deadline=work.deadline, what="process"
    )
    if figures is not None:
        work.figures, work.made_figures = figures, True


def _take_text(work: PaperWork, future: Future) -> None:
    try:
        future.result()
    except Stopping:
        raise
    except Exception as exc:  # noqa: BLE001 - this paper's problem (PaperError, or a bug): the others go on
        _refuse(work, exc)


def _refuse(work: PaperWork, exc: Exception) -> None:
    work.error = exc
    if isinstance(exc, OverBudget):
        work.refusal.write_text(str(exc), encoding="utf-8")


def _embed_batch(
    batch: list[PaperWork], settings: Settings, budget: Budget, done: Callable[[PaperWork], None]
) -> None:
    """Vectors for a batch of papers' passages in shared model calls; on failure each paper alone."""
    if not batch:
        return
    try:
        vectors = _vectors(batch, settings.sentence_vectors, budget, min(w.deadline for w in batch))
    except Stopping:
        raise
    except Exception as exc:  # noqa: BLE001 - find the paper that fails; the others are indexed
        if len(batch) > 1:
            for work in batch:
                _embed_batch([work], settings, budget, done)
            return
        _refuse(batch[0], exc)
        done(batch[0])
        return
    for work, (chunk_vectors, sentence_vectors) in zip(batch, vectors):
        chunks, sentences = work.cut
        work.passages = (chunks, sentences, chunk_vectors, sentence_vectors)
        work.made_passages = True
        done(work)


def _vectors(
    batch: list[PaperWork], mode: str, budget: Budget, deadline: float
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each paper's passage vectors and sentence vectors (pooled from the passage's pass, or their own)."""
    texts: list[str] = []
    spans: list[list[tuple[int, int]]] = []
    owners: list[tuple[int, list[int]]] = []  # (paper, its sentence rows) for each passage
    for p, work in enumerate(batch):
        chunks, sentences = work.cut
        rows_of: dict[int, list[int]] = {}
        for row, (_, _, c) in enumerate(sentences):
            rows_of.setdefault(c, []).append(row)
        for chunk in chunks:
            rows = rows_of.get(chunk.chunk_id, []) if mode == "pooled" else []
            texts.append(chunk.text)
            spans.append([(sentences[r][0] - chunk.start, sentences[r][1] - chunk.start) for r in rows])
            owners.append((p, rows))
    name = batch[0].doc.file if len(batch) == 1 else f"{len(batch)} papers"
    passage_vectors, pooled = _encode_groups(texts, spans, name, budget, deadline)
    out = [(_empty(len(w.cut[0])), _empty(len(w.cut[1]))) for w in batch]
    seen = [0] * len(batch)
    for k, (p, rows) in enumerate(owners):
        out[p][0][seen[p]] = passage_vectors[k]
        seen[p] += 1
        for row, vector in zip(rows, pooled[k]):
            out[p][1][row] = vector
    if mode != "pooled":
        for p, work in enumerate(batch):
            text = work.doc.text
            sentence_texts = [text[s:e] for s, e, _ in work.cut[1]]
            out[p] = (out[p][0], _encode_groups(sentence_texts, None, name, budget, deadline)[0])
    return out


def _encode_groups(
    texts: list[str], spans: list[list[tuple[int, int]]] | None, name: str, budget: Budget, deadline: float
) -> tuple[np.ndarray, list[np.ndarray]]:
    """embedding.encode_with_parts in groups of similar lengths, checking the deadline and shutdown between."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors = _empty(len(texts))
    pooled: list[np.ndarray] = [_empty(0)] * len(texts)
    threads = embedding.build_threads()
    for start in range(0, len(order), EMBED_GROUP):
        _check_time(name, budget, deadline)
        rows = order[start : start + EMBED_GROUP]
        parts = [spans[i] if spans else [] for i in rows]
        group_vectors, group_pooled = embedding.encode_with_parts([texts[i] for i in rows], parts, threads)
        vectors[rows] = group_vectors
        for i, v in zip(rows, group_pooled):
            pooled[i] = v
    return vectors, pooled


def _empty(rows: int) -> np.ndarray:
    return np.zeros((rows, embedding.MODEL_DIM), dtype=np.float32)


def _check_time(name: str, budget: Budget, deadline: float) -> None:
    check_stopping()
    if time.monotonic() > deadline:
        raise OverBudget(
            f"{name}: took longer than the {budget.seconds:g} s allowed to index one paper "
            "(QA_PAPER_SECONDS); split it into smaller papers"
        )
