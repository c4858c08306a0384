"""Build, check and load the index: FAISS vectors + SQLite store + BM25, under index/.

Each build is written to a fresh folder and then published by atomically repointing the `current` symlink,
so a crash mid-build leaves the previous index in place and usable. meta.json records the model, the
fingerprint of everything the index was built from, and the format version; a mismatch means "stale".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import bm25s
import faiss
import numpy as np
from filelock import FileLock

from . import embedding
from .chunking import chunk_document
from .documents import corpus_fingerprint, load_corpus
from .extraction import extract_figures
from .lexical import tokenize
from .measures import catalogue_fingerprint
from .models import Chunk, Document, DocumentMeta, Figure
from .settings import Settings
from .spans import sentence_spans
from .store import meta_of, read_store, write_store

log = logging.getLogger(__name__)

FORMAT_VERSION = 4
CURRENT = "current"
META = "meta.json"
STORE = "store.sqlite"
DENSE = "dense.faiss"
BM25_DIR = "bm25"
SENTENCES = "sentences.npy"
SENTENCE_SPANS = "sentences.json"
MIN_SENTENCE_WORDS = 5  # shorter fragments (headings, "NOTED") are never quoted as answers


class IndexUnavailable(Exception):
    """The index cannot be used; the message says why and what to run."""


@dataclass
class IndexStatus:
    state: Literal["ok", "missing", "stale", "corrupt"]
    reason: str
    path: Path | None = None


@dataclass
class BuildReport:
    path: Path
    documents: int
    chunks: int
    figures: int
    seconds: float
    embed_seconds: float
    problems: list[str] = field(default_factory=list)


def expected_fingerprint(settings: Settings) -> str:
    """Everything the built artefacts depend on: corpus bytes, chunking, figure catalogue, model, format."""
    parts = [
        corpus_fingerprint(settings.corpus_dir),
        catalogue_fingerprint(),
        embedding.MODEL_SHA256,
        f"v{FORMAT_VERSION}",
        f"chunk{settings.chunk_max_words}/{settings.chunk_min_words}",
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def current_path(settings: Settings) -> Path:
    return settings.index_dir / CURRENT


def check_index(settings: Settings) -> IndexStatus:
    path = current_path(settings)
    if not path.exists():
        return IndexStatus("missing", f"no index at {path}; run `qa-assistant index`")
    try:
        meta = json.loads((path / META).read_text())
    except (OSError, ValueError) as exc:
        return IndexStatus("corrupt", f"{path / META} unreadable ({exc})", path)
    if meta.get("format_version") != FORMAT_VERSION:
        return IndexStatus("stale", f"index format {meta.get('format_version')} != {FORMAT_VERSION}", path)
    if meta.get("fingerprint") != expected_fingerprint(settings):
        return IndexStatus("stale", "the corpus, figure catalogue or settings changed since the index was built", path)
    missing = [n for n in (STORE, DENSE, BM25_DIR, SENTENCES, SENTENCE_SPANS) if not (path / n).exists()]
    if missing:
        return IndexStatus("corrupt", f"index files missing: {', '.join(missing)}", path)
    return IndexStatus("ok", f"index built {meta.get('built_at')} from {meta.get('documents')} documents", path)


def build_index(settings: Settings) -> BuildReport:
    """Build a new index version and publish it atomically. Only one build runs at a time."""
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(settings.index_dir / ".build.lock")):
        return _build_locked(settings)


def _build_locked(settings: Settings) -> BuildReport:
    t0 = time.perf_counter()
    fingerprint = expected_fingerprint(settings)  # taken first: a corpus edited mid-build reads as stale
    loaded = load_corpus(settings.corpus_dir)
    docs = loaded.documents
    chunks: list[Chunk] = []
    figures: list[Figure] = []
    for doc in docs:
        chunks.extend(chunk_document(doc, settings.chunk_max_words, settings.chunk_min_words, len(chunks)))
        for fig in extract_figures(doc):
            figures.append(fig.model_copy(update={"figure_id": len(figures)}))

    by_doc = {d.doc_id: d for d in docs}
    sentences = [
        (c.doc_id, s, e, c.chunk_id) for c in chunks for s, e in sentence_spans(by_doc[c.doc_id].text, c.start, c.end)
        if len(by_doc[c.doc_id].text[s:e].split()) >= MIN_SENTENCE_WORDS
    ]
    t_embed = time.perf_counter()
    vectors = embedding.encode([c.text for c in chunks])
    sentence_vectors = embedding.encode([by_doc[d].text[s:e] for d, s, e, _ in sentences])
    embed_seconds = time.perf_counter() - t_embed

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    tmp = settings.index_dir / f".tmp-{stamp}-{uuid.uuid4().hex[:6]}"
    tmp.mkdir()
    try:
        write_store(tmp / STORE, docs, chunks, figures)
        dense = faiss.IndexFlatIP(embedding.MODEL_DIM)
        dense.add(vectors)
        faiss.write_index(dense, str(tmp / DENSE))
        bm25 = bm25s.BM25()
        bm25.index(tokenize([c.text for c in chunks]), show_progress=False)
        bm25.save(str(tmp / BM25_DIR), show_progress=False)
        np.save(tmp / SENTENCES, sentence_vectors)
        (tmp / SENTENCE_SPANS).write_text(json.dumps(sentences))
        meta = {
            "format_version": FORMAT_VERSION,
            "fingerprint": fingerprint,
            "model": embedding.MODEL_NAME,
            "model_sha256": embedding.MODEL_SHA256,
            "built_at": dt.datetime.now().isoformat(timespec="seconds"),
            "documents": len(docs),
            "chunks": len(chunks),
            "figures": len(figures),
            "problems": loaded.problems,
        }
        (tmp / META).write_text(json.dumps(meta, indent=2))  # written last: its presence marks a complete build
        final = settings.index_dir / f"build-{stamp}-{tmp.name[-6:]}"
        os.rename(tmp, final)
        _publish(settings, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _remove_old_builds(settings, keep=final)
    return BuildReport(final, len(docs), len(chunks), len(figures), time.perf_counter() - t0, embed_seconds,
                       loaded.problems)


def _publish(settings: Settings, build_dir: Path) -> None:
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


@dataclass
class LoadedIndex:
    """Everything a query needs, in memory."""

    path: Path
    meta: dict
    documents: dict[str, Document]
    chunks: list[Chunk]
    figures: list[Figure]
    dense: faiss.Index
    bm25: bm25s.BM25
    sentence_spans: list[tuple[str, int, int, int]]  # doc_id, start, end, chunk_id
    sentence_vectors: np.ndarray

    def chunk_at(self, doc_id: str, pos: int) -> int | None:
        """The chunk holding a character offset (chunks of a document are consecutive and ordered)."""
        if not hasattr(self, "_doc_chunks"):
            spans: dict[str, list[Chunk]] = {}
            for c in self.chunks:
                spans.setdefault(c.doc_id, []).append(c)
            self._doc_chunks = spans
        for c in self._doc_chunks.get(doc_id, []):
            if c.start <= pos < c.end:
                return c.chunk_id
        return None

    def sentences_of(self, chunk_id: int) -> list[int]:
        """Row numbers of the quotable sentences inside a chunk."""
        if not hasattr(self, "_by_chunk"):
            by_chunk: dict[int, list[int]] = {}
            for row, span in enumerate(self.sentence_spans):
                by_chunk.setdefault(span[3], []).append(row)
            self._by_chunk = by_chunk
        return self._by_chunk.get(chunk_id, [])

    def doc_meta(self, doc_id: str) -> DocumentMeta:
        return meta_of(self.documents[doc_id])


def load_index(settings: Settings) -> LoadedIndex:
    status = check_index(settings)
    if status.state != "ok":
        raise IndexUnavailable(f"index {status.state}: {status.reason}")
    path = current_path(settings).resolve()
    try:
        docs, chunks, figures = read_store(path / STORE)
        dense = faiss.read_index(str(path / DENSE))
        bm25 = bm25s.BM25.load(str(path / BM25_DIR), show_progress=False)
        meta = json.loads((path / META).read_text())
        sentence_vectors = np.load(path / SENTENCES)
        sentence_spans = [tuple(x) for x in json.loads((path / SENTENCE_SPANS).read_text())]
    except Exception as exc:  # any unreadable artefact means a corrupt index, reported as such
        raise IndexUnavailable(f"index corrupt at {path}: {exc}; run `qa-assistant index` to rebuild") from exc
    if dense.ntotal != len(chunks) or len(sentence_spans) != len(sentence_vectors):
        raise IndexUnavailable(f"index corrupt at {path}: {dense.ntotal} vectors for {len(chunks)} chunks; rebuild it")
    return LoadedIndex(path, meta, {d.doc_id: d for d in docs}, chunks, figures, dense, bm25, sentence_spans,
                       sentence_vectors)


def ensure_index(settings: Settings, rebuild: bool = True, say=log.info) -> LoadedIndex:
    """Load the index, rebuilding it first when missing, stale or corrupt (or refuse, if rebuild=False)."""
    status = check_index(settings)
    if status.state != "ok":
        if not rebuild:
            raise IndexUnavailable(f"index {status.state}: {status.reason}")
        say(f"Index {status.state} ({status.reason}); rebuilding from {settings.corpus_dir} ...")
        report = build_index(settings)
        say(f"Indexed {report.documents} documents, {report.chunks} passages, {report.figures} figures "
            f"in {report.seconds:.1f}s.")
        for p in report.problems:
            say(f"  note: {p}")
    try:
        return load_index(settings)
    except IndexUnavailable:
        if not rebuild:
            raise
        say("Index unreadable; rebuilding ...")
        build_index(settings)
        return load_index(settings)
