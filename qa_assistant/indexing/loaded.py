"""Check and load the published index: everything a query needs, in memory.

An index that is missing, stale (built from other papers, data, code or model) or corrupt is reported as such,
with what to run; `ensure_index` rebuilds it when allowed.
"""

from __future__ import annotations

import bisect
import json
import logging
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

import faiss
import numpy as np

from qa_assistant.figures.lookup import FigureIndex
from qa_assistant.figures.subjects import Subject, paper_subject
from qa_assistant.indexing.build import build_index
from qa_assistant.indexing.figure_store import FigureStore
from qa_assistant.indexing.layout import (
    BM25_DIR,
    DENSE,
    FORMAT_VERSION,
    META,
    SENTENCE_SPANS,
    SENTENCES,
    STORE,
    IndexUnavailable,
    current_path,
    expected_fingerprint,
)
from qa_assistant.indexing.lexical_index import LexicalIndex
from qa_assistant.indexing.sentence_table import SentenceTable
from qa_assistant.indexing.store import meta_of, read_store
from qa_assistant.models import Chunk, Document, DocumentMeta
from qa_assistant.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class IndexStatus:
    state: Literal["ok", "missing", "stale", "corrupt"]
    reason: str
    path: Path | None = None


def check_index(settings: Settings, check_fresh: bool = True) -> IndexStatus:
    path = current_path(settings)
    if not path.exists():
        return IndexStatus("missing", f"no index at {path}; run `qa-assistant index`")
    try:
        meta = json.loads((path / META).read_text())
    except (OSError, ValueError) as exc:
        return IndexStatus("corrupt", f"{path / META} unreadable ({exc})", path)
    if meta.get("format_version") != FORMAT_VERSION:
        return IndexStatus("stale", f"index format {meta.get('format_version')} != {FORMAT_VERSION}", path)
    if check_fresh and meta.get("fingerprint") != expected_fingerprint(settings):
        reason = "the corpus, figure catalogue or settings changed since the index was built"
        return IndexStatus("stale", reason, path)
    names = (STORE, DENSE, BM25_DIR, SENTENCES, f"{SENTENCE_SPANS}.npy", f"{SENTENCE_SPANS}.json")
    missing = [n for n in names if not (path / n).exists()]
    if missing:
        return IndexStatus("corrupt", f"index files missing: {', '.join(missing)}", path)
    return IndexStatus(
        "ok", f"index built {meta.get('built_at')} from {meta.get('documents')} documents", path
    )


@dataclass
class LoadedIndex:
    """Everything a query needs, in memory. Look-up tables are built on first use (cached_property)."""

    path: Path
    meta: dict
    documents: dict[str, Document]
    chunks: list[Chunk]
    figures: FigureStore  # by id, read from the store on demand at archive scale
    dense: faiss.Index
    bm25: LexicalIndex
    sentence_spans: SentenceTable  # rows of (doc_id, start, end, chunk_id)
    sentence_vectors: np.ndarray  # a memory map: only the rows a question reads are paged in

    @cached_property
    def _chunks_by_doc(self) -> dict[str, list[Chunk]]:
        spans: dict[str, list[Chunk]] = {}
        for c in self.chunks:
            spans.setdefault(c.doc_id, []).append(c)
        return spans

    @cached_property
    def _chunk_starts_by_doc(self) -> dict[str, list[int]]:
        return {d: [c.start for c in cs] for d, cs in self._chunks_by_doc.items()}

    def chunk_at(self, doc_id: str, pos: int) -> int | None:
        """The chunk holding a character offset (chunks of a document are consecutive and ordered: a binary
        search, so a paper of thousands of passages costs no more per figure than a short one)."""
        chunks = self._chunks_by_doc.get(doc_id, [])
        i = bisect.bisect_right(self._chunk_starts_by_doc.get(doc_id, []), pos) - 1
        if i >= 0 and chunks[i].start <= pos < chunks[i].end:
            return chunks[i].chunk_id
        return None

    def sentences_of(self, chunk_id: int) -> range:
        """Row numbers of the quotable sentences inside a chunk."""
        return self.sentence_spans.of_chunk(chunk_id)

    def knows(self, term: str) -> bool:
        """Whether a BM25 term occurs anywhere in the papers (a query's other terms can match nothing)."""
        return term in self.bm25.vocab_dict

    @cached_property
    def _paper_subjects(self) -> dict[str, Subject]:
        return {}

    def paper_subject(self, doc_id: str) -> Subject:
        """Whose paper it is (this council's or another's), read from its title and opening once per index."""
        if doc_id not in self._paper_subjects:
            doc = self.documents[doc_id]
            self._paper_subjects[doc_id] = paper_subject(doc.title, doc.text[:3000])
        return self._paper_subjects[doc_id]

    def doc_meta(self, doc_id: str) -> DocumentMeta:
        return meta_of(self.documents[doc_id])

    def sentence_rows_of_doc(self, doc_id: str) -> range:
        """Quotable sentence rows of one paper, in text order."""
        return self.sentence_spans.of_doc(doc_id)

    @cached_property
    def figure_index(self) -> FigureIndex:
        """Candidate lookup by concept and term, and figures by sentence (built on first use, from each
        figure's key: no figure objects are made)."""
        return FigureIndex.from_keys(self.figures.keys(), len(self.figures), self.figures.many)


def load_index(settings: Settings, check_fresh: bool = True) -> LoadedIndex:
    """Load the published index. check_fresh=False loads it even if the corpus has moved on since (a server
    picking up a new build while officers are still adding papers)."""
    status = check_index(settings, check_fresh)
    if status.state != "ok":
        raise IndexUnavailable(f"index {status.state}: {status.reason}")
    path = current_path(settings).resolve()
    try:
        docs, chunks = read_store(path / STORE)
        figures = FigureStore(path / STORE, settings.figures_in_memory, settings.figures_cached)
        dense = faiss.read_index(str(path / DENSE))
        if isinstance(dense, faiss.IndexHNSW):
            dense.hnsw.efSearch = settings.dense_hnsw_ef_search
        bm25 = LexicalIndex.load(path / BM25_DIR)
        meta = json.loads((path / META).read_text())
        sentence_vectors = np.load(path / SENTENCES, mmap_mode="r")
        sentence_spans = SentenceTable.load(path, SENTENCE_SPANS)
    except Exception as exc:  # any unreadable artefact means a corrupt index, reported as such
        raise IndexUnavailable(
            f"index corrupt at {path}: {exc}; run `qa-assistant index` to rebuild"
        ) from exc
    if dense.ntotal != len(chunks) or len(sentence_spans) != len(sentence_vectors):
        message = f"index corrupt at {path}: {dense.ntotal} vectors for {len(chunks)} chunks; rebuild it"
        raise IndexUnavailable(message)
    documents = {d.doc_id: d for d in docs}
    return LoadedIndex(path, meta, documents, chunks, figures, dense, bm25, sentence_spans, sentence_vectors)


def ensure_built(settings: Settings, rebuild: bool = True, say=log.info) -> None:
    """Make sure a fresh index is published: rebuild it when missing, stale or corrupt (or refuse)."""
    status = check_index(settings)
    if status.state == "ok":
        return
    if not rebuild:
        raise IndexUnavailable(f"index {status.state}: {status.reason}")
    say(f"Index {status.state} ({status.reason}); rebuilding from {settings.corpus_dir} ...")
    report = build_index(settings, say)
    say(report.summary() + ".")
    for p in report.problems:
        say(f"  note: {p}")


def ensure_index(settings: Settings, rebuild: bool = True, say=log.info) -> LoadedIndex:
    """Load the index, rebuilding it first when missing, stale or corrupt (or refuse, if rebuild=False)."""
    ensure_built(settings, rebuild, say)
    try:
        # just checked (or built): no second hash of the corpus
        return load_index(settings, check_fresh=False)
    except IndexUnavailable:
        if not rebuild:
            raise
        say("Index unreadable; rebuilding ...")
        build_index(settings, say)
        return load_index(settings, check_fresh=False)
