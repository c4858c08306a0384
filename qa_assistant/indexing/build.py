"""Build a new index version from the corpus and publish it atomically.

Each build is written to a fresh folder and then published by atomically repointing the `current` symlink,
so a crash mid-build leaves the previous index in place and usable. meta.json, written last, records the model,
the fingerprint of everything the index was built from, and the format version.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import bm25s
import faiss
import numpy as np
from filelock import FileLock

from qa_assistant.indexing import cache as artefact_cache
from qa_assistant.indexing import embedding, paper_build
from qa_assistant.indexing.layout import (
    BM25_DIR,
    DENSE,
    FORMAT_VERSION,
    META,
    SENTENCE_SPANS,
    SENTENCES,
    STORE,
    build_salt,
    cache_dir,
    current_path,
    doc_key,
    expected_fingerprint,
)
from qa_assistant.indexing.progress import BuildProgress
from qa_assistant.indexing.sentence_table import SentenceTable
from qa_assistant.indexing.store import write_store
from qa_assistant.ingest.documents import CorpusError, LoadResult, corpus_files, load_corpus
from qa_assistant.ingest.formats import PaperError
from qa_assistant.ingest.jobs import Budget
from qa_assistant.models import Chunk, Document, Figure
from qa_assistant.settings import Settings
from qa_assistant.text.lexical import tokenize

log = logging.getLogger(__name__)


@dataclass
class BuildReport:
    path: Path
    documents: int
    chunks: int
    figures: int
    seconds: float
    embed_seconds: float
    problems: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    reprocessed: int = 0  # papers embedded in this build (the rest came from the cache)
    # left out: over their budget or unreadable (see problems)
    refused: list[str] = field(default_factory=list)

    def summary(self) -> str:
        counts = (
            (len(self.added), "added"),
            (len(self.changed), "changed"),
            (len(self.removed), "removed"),
            (len(self.refused), "refused"),
        )
        changes = ", ".join(f"{n} {label}" for n, label in counts if n) or "no paper changes"
        return (
            f"Indexed {self.documents} documents, {self.chunks} passages, {self.figures} figures in "
            f"{self.seconds:.1f}s ({changes}; {self.reprocessed} embedded, the rest from cache)"
        )


@dataclass
class _Assembly:
    """Every paper's artefacts joined, ids renumbered to be unique across the index."""

    chunks: list[Chunk] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    sentences: list[tuple[str, int, int, int]] = field(default_factory=list)
    chunk_vectors: list[np.ndarray] = field(default_factory=list)
    sentence_vectors: list[np.ndarray] = field(default_factory=list)
    used: set[str] = field(default_factory=set)  # cache entries this build read: the rest are pruned
    refused: set[str] = field(default_factory=set)
    embedded: int = 0

    def add(self, doc: Document, art: artefact_cache.DocArtefacts) -> None:
        offset = len(self.chunks)
        self.chunks += [c.model_copy(update={"chunk_id": offset + c.chunk_id}) for c in art.chunks]
        start = len(self.figures)
        self.figures += [f.model_copy(update={"figure_id": start + i}) for i, f in enumerate(art.figures)]
        self.sentences += [(doc.doc_id, s, e, offset + c) for s, e, c in art.sentences]
        self.chunk_vectors.append(art.chunk_vectors)
        self.sentence_vectors.append(art.sentence_vectors)


def build_index(
    settings: Settings, say=log.info, lock_timeout: float = -1, terminal: bool = False
) -> BuildReport:
    """Build a new index version and publish it atomically. Only one build runs at a time (waiting at most
    lock_timeout seconds for another: filelock.Timeout; -1 waits as long as it takes).

    Incremental: each paper's passages, figures and vectors are cached under its content key, so only new or
    changed papers are embedded again; the shared structures (FAISS, BM25, SQLite) are reassembled, which takes
    well under a second at council scale. Each paper is read and processed under its budget (paper_build): one
    over budget is left out with the reason, and the others are indexed. Progress is shown as it goes (a bar
    when `terminal`, else a line every few seconds through `say`) and recorded for the server's health.
    """
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(settings.index_dir / ".build.lock"), timeout=lock_timeout):
        progress = BuildProgress(settings.index_dir, say, terminal)
        try:
            return _build_locked(settings, progress)
        finally:
            progress.close()


def _build_locked(settings: Settings, progress: BuildProgress) -> BuildReport:
    t0, started = time.perf_counter(), time.time()
    fingerprint = expected_fingerprint(settings)  # taken first: a corpus edited mid-build reads as stale
    cache = cache_dir(settings)
    cache.mkdir(parents=True, exist_ok=True)
    progress.phase("reading papers", len(corpus_files(settings.corpus_dir)))
    loaded = load_corpus(settings.corpus_dir, cache, Budget.from_settings(settings), progress.advance)
    previous = _previous_keys(settings)
    salt = build_salt(settings)
    keys = {d.doc_id: doc_key(d, salt) for d in loaded.documents}
    t_embed = time.perf_counter()
    parts = _assemble(loaded, settings, keys, progress)
    embed_seconds = time.perf_counter() - t_embed
    progress.phase("writing the index", 0)
    parts.used.update(f"refused-{keys[d]}" for d in parts.refused)
    docs = [d for d in loaded.documents if d.doc_id not in parts.refused]
    keys = {d: k for d, k in keys.items() if d not in parts.refused}
    if not docs:
        raise CorpusError("no paper could be indexed: " + "; ".join(loaded.problems))
    meta = {
        "format_version": FORMAT_VERSION,
        "fingerprint": fingerprint,
        "model": f"{embedding.MODEL_NAME} {embedding.variant()}",
        "model_sha256": embedding.MODEL_SHA256,
        "built_at": dt.datetime.now().isoformat(timespec="seconds"),
        "documents": len(docs),
        "chunks": len(parts.chunks),
        "figures": len(parts.figures),
        "problems": loaded.problems,
        "doc_keys": keys,
    }
    final = _write_version(settings, docs, parts, meta)
    _remove_old_builds(settings, keep=final)
    artefact_cache.prune(cache, parts.used, started=started)
    return BuildReport(
        final,
        len(docs),
        len(parts.chunks),
        len(parts.figures),
        time.perf_counter() - t0,
        embed_seconds,
        loaded.problems,
        added=sorted(set(keys) - set(previous)),
        changed=sorted(d for d in keys if d in previous and previous[d] != keys[d]),
        removed=sorted(set(previous) - set(keys)),
        reprocessed=parts.embedded,
        refused=sorted(parts.refused),
    )


def _assemble(
    loaded: LoadResult, settings: Settings, keys: dict[str, str], progress: BuildProgress
) -> _Assembly:
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
        passages, figures = artefact_cache.load(cache, names[doc.doc_id])
        works.append(paper_build.PaperWork(doc, refusal, passages, figures))
    pending = [w for w in works if w.passages is None or w.figures is None]
    progress.phase(f"embedding new or changed papers (of {len(works):,})", len(pending))

    def finished(work: paper_build.PaperWork) -> None:
        if work.error is None:
            artefact_cache.save(cache, names[work.doc.doc_id], work)
        progress.advance(1, len(work.passages[0]) if work.made_passages else 0)

    paper_build.make(pending, settings, finished)
    parts = _Assembly()
    for work in works:
        _add_paper(work, names[work.doc.doc_id], loaded.problems, parts)
    return parts


def _add_paper(
    work: paper_build.PaperWork, names: tuple[str, str], problems: list[str], parts: _Assembly
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
    parts.add(doc, artefact_cache.artefacts_of(work))


def _write_version(settings: Settings, docs: list[Document], parts: _Assembly, meta: dict) -> Path:
    """Write one index version to a fresh folder and publish it; nothing half-written is ever published."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    tmp = settings.index_dir / f".tmp-{stamp}-{uuid.uuid4().hex[:6]}"
    tmp.mkdir()
    try:
        write_store(tmp / STORE, docs, parts.chunks, parts.figures)
        faiss.write_index(dense_index(_stack(parts.chunk_vectors), settings), str(tmp / DENSE))
        bm25 = bm25s.BM25()
        bm25.index(tokenize([c.text for c in parts.chunks]), show_progress=False)
        bm25.save(str(tmp / BM25_DIR), show_progress=False)
        np.save(tmp / SENTENCES, _stack(parts.sentence_vectors))
        SentenceTable.of(parts.sentences).save(tmp, SENTENCE_SPANS)
        (tmp / META).write_text(json.dumps(meta, indent=2))  # written last: it marks a complete build
        final = settings.index_dir / f"build-{stamp}-{tmp.name[-6:]}"
        os.rename(tmp, final)
        publish(settings, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def dense_index(vectors: np.ndarray, settings: Settings) -> faiss.Index:
    """Exact inner-product search while it is cheap (up to QA_DENSE_EXACT_MAX passages); beyond, an HNSW
    graph over the same vectors (exact search stays available on its storage, for filtered searches). Recall
    against exact search is measured by scripts/benchmark.py."""
    if len(vectors) <= settings.dense_exact_max:
        dense = faiss.IndexFlatIP(embedding.MODEL_DIM)
    else:
        dense = faiss.IndexHNSWFlat(embedding.MODEL_DIM, settings.dense_hnsw_m, faiss.METRIC_INNER_PRODUCT)
        dense.hnsw.efConstruction = settings.dense_hnsw_ef_construction
    dense.add(vectors)
    return dense


def _stack(parts: list[np.ndarray]) -> np.ndarray:
    parts = [p for p in parts if len(p)]
    if not parts:
        return np.zeros((0, embedding.MODEL_DIM), dtype=np.float32)
    return np.vstack(parts).astype(np.float32)


def _previous_keys(settings: Settings) -> dict[str, str]:
    try:
        return json.loads((current_path(settings) / META).read_text()).get("doc_keys") or {}
    except (OSError, ValueError):
        return {}


def publish(settings: Settings, build_dir: Path) -> None:
    link = current_path(settings)
    tmp_link = settings.index_dir / f".current-{uuid.uuid4().hex[:6]}"
    os.symlink(build_dir.name, tmp_link)
    os.replace(tmp_link, link)  # atomic on POSIX: readers see the old or the new index, never neither


def _remove_old_builds(settings: Settings, keep: Path) -> None:
    """Keep the new build and the one before it (a running server may still hold its files)."""
    builds = sorted(p for p in settings.index_dir.glob("build-*") if p.is_dir() and p != keep)
    for old in builds[:-1]:
        shutil.rmtree(old, ignore_errors=True)
    for tmp in settings.index_dir.glob(".tmp-*"):
        if time.time() - tmp.stat().st_mtime > 3600:  # abandoned by a crashed build
            shutil.rmtree(tmp, ignore_errors=True)
