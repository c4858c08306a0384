"""Every paper's share of the index joined into one version: per-paper artefacts from the cache, or made now
(paper_build) for papers new or changed, with ids renumbered to be unique across the index.

A full build assembles every paper; appending (indexing.append) assembles only the new papers, numbered after
the previous version's passages and figures.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from qa_assistant.indexing import cache as artefact_cache
from qa_assistant.indexing import embedding, paper_build
from qa_assistant.indexing.layout import cache_dir
from qa_assistant.indexing.progress import BuildProgress
from qa_assistant.ingest.documents import LoadResult
from qa_assistant.ingest.formats import PaperError
from qa_assistant.ingest.jobs import Budget
from qa_assistant.models import Chunk, Document, Figure
from qa_assistant.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Assembly:
    """Every paper's artefacts joined, ids renumbered to be unique across the index."""

    chunks: list[Chunk] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    sentences: list[tuple[str, int, int, int]] = field(default_factory=list)
    chunk_vectors: list[np.ndarray] = field(default_factory=list)
    sentence_vectors: list[np.ndarray] = field(default_factory=list)
    used: set[str] = field(default_factory=set)  # cache entries this build read: the rest are pruned
    refused: set[str] = field(default_factory=set)
    embedded: int = 0
    chunk_base: int = 0  # ids start here (appending: after the previous version's)
    figure_base: int = 0
    chunk_count: int = 0  # passages and figures added so far
    figure_count: int = 0

    def add(self, doc: Document, art: artefact_cache.DocArtefacts) -> None:
        offset = self.chunk_base + self.chunk_count
        chunks = [c.model_copy(update={"chunk_id": offset + c.chunk_id}) for c in art.chunks]
        start = self.figure_base + self.figure_count
        figures = [f.model_copy(update={"figure_id": start + i}) for i, f in enumerate(art.figures)]
        sentences = [(doc.doc_id, s, e, offset + c) for s, e, c in art.sentences]
        self.chunk_count += len(chunks)
        self.figure_count += len(figures)
        self.keep(doc, chunks, figures, sentences, art.chunk_vectors, art.sentence_vectors)

    def keep(self, doc, chunks, figures, sentences, chunk_vectors, sentence_vectors) -> None:
        """Hold one paper's renumbered artefacts (in memory here; a streaming assembly writes them out)."""
        self.chunks += chunks
        self.figures += figures
        self.sentences += sentences
        self.chunk_vectors.append(chunk_vectors)
        self.sentence_vectors.append(sentence_vectors)


def assemble(
    loaded: LoadResult,
    settings: Settings,
    keys: dict[str, str],
    progress: BuildProgress,
    parts: Assembly | None = None,
) -> Assembly:
    """Every paper's artefacts, from the cache or made now under its budget (paper_build); a paper that fails
    is left out with the reason (in loaded.problems) and the others are indexed. Papers are assembled in
    corpus order, so ids do not depend on which papers came from the cache."""
    cache = cache_dir(settings)
    budget = Budget.from_settings(settings)
    works: list[paper_build.PaperWork] = []
    names: dict[str, tuple[str, str]] = {}
    for doc in loaded.documents:
        # each name hashes the paper's whole text and metadata: made once per paper per build
        names[doc.doc_id] = artefact_cache.entry_names(doc, settings)
        refusal = paper_build.refusal_path(cache, keys[doc.doc_id], budget)
        works.append(paper_build.PaperWork(doc, refusal))
    pending = [w for w in works if not artefact_cache.has(cache, names[w.doc.doc_id])]
    for work in pending:  # a paper may have one entry of two (the reader changed): only the other is made
        work.passages, work.figures = artefact_cache.load(cache, names[work.doc.doc_id])
    progress.say(f"{len(pending):,} of {len(works):,} papers are new or changed")
    progress.phase("embedding", len(pending))

    def finished(work: paper_build.PaperWork) -> None:
        if work.error is None:
            artefact_cache.save(cache, names[work.doc.doc_id], work)
        progress.advance(1, len(work.passages[0]) if work.made_passages else 0)
        work.passages = work.figures = work.cut = (
            None  # in the cache now: memory does not grow with the archive
        )

    paper_build.make(pending, settings, finished)
    parts = parts or Assembly()
    progress.phase("assembling", len(works))
    for work in works:  # in corpus order, each paper read back from the cache and handed on
        name = names[work.doc.doc_id]
        if work.error is None and not _read_back(work, cache, name):  # damaged since: made again
            work = paper_build.PaperWork(work.doc, work.refusal)
            paper_build.make([work], settings, lambda w, n=name: artefact_cache.save(cache, n, w))
        _add_paper(work, name, loaded.problems, parts)
        progress.advance()
    return parts


def _read_back(work: paper_build.PaperWork, cache: Path, names: tuple[str, str]) -> bool:
    work.passages, work.figures = artefact_cache.load(cache, names)
    return work.passages is not None and work.figures is not None


def _add_paper(
    work: paper_build.PaperWork, names: tuple[str, str], problems: list[str], parts: Assembly
) -> None:
    """One paper's artefacts added to `parts`, or its refusal (with the reason) recorded in `problems`."""
    doc = work.doc
    if isinstance(work.error, PaperError):  # over its budget (remembered), or unreadable
        problems.append(f"refused {work.error}")
    elif work.error is not None:  # an unforeseen failure: logged with its traceback
        log.error("indexing %s failed", doc.file, exc_info=work.error)
        error = f"{type(work.error).__name__}: {work.error}"
        problems.append(f"refused {doc.file}: could not be indexed ({error})")
    if work.error is not None:
        parts.refused.add(doc.doc_id)
        return
    parts.embedded += work.made_passages
    parts.used.update(names)
    chunks, sentences, chunk_vectors, sentence_vectors = work.passages
    parts.add(
        doc, artefact_cache.DocArtefacts(chunks, work.figures, sentences, chunk_vectors, sentence_vectors)
    )
    work.passages = work.figures = None


def stack(parts: list[np.ndarray]) -> np.ndarray:
    parts = [p for p in parts if len(p)]
    if not parts:
        return np.zeros((0, embedding.MODEL_DIM), dtype=np.float32)
    return np.vstack(parts).astype(np.float32)
