"""Build, check and load the index: FAISS vectors + SQLite store + BM25, under index/.

Each build is written to a fresh folder and then published by atomically repointing the `current` symlink,
so a crash mid-build leaves the previous index in place and usable. meta.json records the model, the
fingerprint of everything the index was built from, and the format version; a mismatch means "stale".
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

import bm25s
import faiss
import numpy as np
from filelock import FileLock

from qa_assistant.figures.lookup import FigureIndex
from qa_assistant.indexing import embedding, paper_build
from qa_assistant.indexing.store import meta_of, read_store, write_store
from qa_assistant.ingest.documents import CorpusError, corpus_fingerprint, load_corpus
from qa_assistant.ingest.formats import PaperError
from qa_assistant.ingest.jobs import Budget
from qa_assistant.models import Chunk, Document, DocumentMeta, Figure
from qa_assistant.settings import DATA_DIR, PACKAGE_DIR, Settings
from qa_assistant.stopping import Stopping
from qa_assistant.text.lexical import tokenize

log = logging.getLogger(__name__)

FORMAT_VERSION = 6
CURRENT = "current"
META = "meta.json"
STORE = "store.sqlite"
DENSE = "dense.faiss"
BM25_DIR = "bm25"
SENTENCES = "sentences.npy"
SENTENCE_SPANS = "sentences.json"
CACHE = "cache"  # per-paper artefacts keyed by content, reused across builds
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
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    reprocessed: int = 0  # papers embedded in this build (the rest came from the cache)
    refused: list[str] = field(
        default_factory=list
    )  # papers left out: over their budget or unreadable (see problems)

    def summary(self) -> str:
        changes = (
            ", ".join(
                f"{n} {label}"
                for n, label in (
                    (len(self.added), "added"),
                    (len(self.changed), "changed"),
                    (len(self.removed), "removed"),
                    (len(self.refused), "refused"),
                )
                if n
            )
            or "no paper changes"
        )
        return (
            f"Indexed {self.documents} documents, {self.chunks} passages, {self.figures} figures in "
            f"{self.seconds:.1f}s ({changes}; {self.reprocessed} embedded, the rest from cache)"
        )


def data_fingerprint() -> str:
    """The figure reader's data (concepts, lexicon, places, council): editing any of it re-extracts figures."""
    h = hashlib.sha256()
    for path in sorted(DATA_DIR.glob("*.json")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def build_salt(settings: Settings) -> str:
    """What every artefact depends on besides the papers: figure-reading data, model, format, chunking."""
    return "|".join(
        [
            data_fingerprint(),
            reader_fingerprint(),
            embedding.MODEL_SHA256,
            f"v{FORMAT_VERSION}",
            f"chunk{settings.chunk_max_words}/{settings.chunk_min_words}",
        ]
    )


def expected_fingerprint(settings: Settings) -> str:
    """Everything the built artefacts depend on: corpus bytes plus the build salt."""
    return hashlib.sha256(
        f"{corpus_fingerprint(settings.corpus_dir)}|{build_salt(settings)}".encode()
    ).hexdigest()


def current_path(settings: Settings) -> Path:
    return settings.index_dir / CURRENT


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
        return IndexStatus(
            "stale", "the corpus, figure catalogue or settings changed since the index was built", path
        )
    missing = [n for n in (STORE, DENSE, BM25_DIR, SENTENCES, SENTENCE_SPANS) if not (path / n).exists()]
    if missing:
        return IndexStatus("corrupt", f"index files missing: {', '.join(missing)}", path)
    return IndexStatus(
        "ok", f"index built {meta.get('built_at')} from {meta.get('documents')} documents", path
    )


def build_index(settings: Settings, say=log.info, lock_timeout: float = -1) -> BuildReport:
    """Build a new index version and publish it atomically. Only one build runs at a time (waiting at most
    lock_timeout seconds for another: filelock.Timeout; -1 waits as long as it takes).

    Incremental: each paper's passages, figures and vectors are cached under its content key, so only new or
    changed papers are embedded again; the shared structures (FAISS, BM25, SQLite) are reassembled, which takes
    well under a second at council scale. Each paper is read and processed under its budget (paper_build): one
    over budget is left out with the reason, and the others are indexed.
    """
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(settings.index_dir / ".build.lock"), timeout=lock_timeout):
        return _build_locked(settings, say)


@dataclass
class DocArtefacts:
    """One paper's share of the index, with ids local to the paper (renumbered when assembled)."""

    chunks: list[Chunk]
    figures: list[Figure]
    sentences: list[tuple[int, int, int]]  # start, end, local chunk number
    chunk_vectors: np.ndarray
    sentence_vectors: np.ndarray


PASSAGES_VERSION = "1"  # bump when chunking or sentence selection changes
_READER_SOURCES = ("figures/*.py", "text/*.py", "ingest/formats.py")


@lru_cache(maxsize=1)
def reader_fingerprint() -> str:
    """The code that turns papers into text and figures: changing it re-reads them (vectors are re-made only for
    papers whose text changed)."""
    h = hashlib.sha256()
    root = PACKAGE_DIR
    for pattern in _READER_SOURCES:
        for path in sorted(root.glob(pattern)):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def passages_key(doc: Document, settings: Settings) -> str:
    """What a paper's passages and vectors depend on: its text and pages, chunking, the model."""
    parts = [
        doc.text,
        json.dumps(doc.page_starts),
        f"chunk{settings.chunk_max_words}/{settings.chunk_min_words}",
        embedding.MODEL_SHA256,
        PASSAGES_VERSION,
        str(MIN_SENTENCE_WORDS),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:40]


def figures_key(doc: Document) -> str:
    """What a paper's figures depend on: its text and metadata, the reader's data and code."""
    parts = [doc.model_dump_json(), data_fingerprint(), reader_fingerprint(), str(FORMAT_VERSION)]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:40]


def doc_key(doc: Document, salt: str) -> str:
    """Everything one paper's artefacts depend on: its text and metadata, plus the build salt."""
    return hashlib.sha256(f"{doc.model_dump_json()}|{salt}|{reader_fingerprint()}".encode()).hexdigest()[:40]


def _cache_dir(settings: Settings) -> Path:
    return settings.index_dir / CACHE


def _artefacts(doc: Document, settings: Settings, cache: Path, refusal: Path) -> tuple[DocArtefacts, bool]:
    """A paper's artefacts from the cache, computing (and caching) what is missing under the paper's budget
    (paper_build; OverBudget or PaperError when it is refused). Returns whether it was embedded now."""
    p_path = cache / f"pas-{passages_key(doc, settings)}.npz"
    f_path = cache / f"fig-{figures_key(doc)}.json"
    passages = _load_passages(p_path)
    figures = _load_figures(f_path)
    embedded = passages is None
    if passages is None or figures is None:
        passages, figures = paper_build.process(
            doc, settings, MIN_SENTENCE_WORDS, refusal, passages=passages, figures=figures
        )
        if embedded:
            _save_passages(p_path, *passages)
        _atomic_write(f_path, json.dumps([f.model_dump(mode="json") for f in figures]).encode())
    chunks, sentences, cv, sv = passages
    return DocArtefacts(chunks, figures, sentences, cv, sv), embedded


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + f".{uuid.uuid4().hex[:6]}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)  # whole or absent: a killed build never leaves half an entry


def _save_passages(path: Path, chunks, sentences, chunk_vectors, sentence_vectors) -> None:
    meta = json.dumps({"chunks": [c.model_dump() for c in chunks], "sentences": sentences})
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez(
        tmp,
        chunk_vectors=chunk_vectors,
        sentence_vectors=sentence_vectors,
        meta=np.frombuffer(meta.encode(), dtype=np.uint8),
    )
    os.replace(tmp, path)


def _load_passages(path: Path):
    try:
        with np.load(path) as z:
            meta = json.loads(z["meta"].tobytes().decode())
            return (
                [Chunk(**c) for c in meta["chunks"]],
                [tuple(x) for x in meta["sentences"]],
                z["chunk_vectors"],
                z["sentence_vectors"],
            )
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or damaged: the paper is simply processed again


def _load_figures(path: Path) -> list[Figure] | None:
    try:
        return [Figure(**f) for f in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _build_locked(settings: Settings, say) -> BuildReport:
    t0, started = time.perf_counter(), time.time()
    fingerprint = expected_fingerprint(settings)  # taken first: a corpus edited mid-build reads as stale
    cache = _cache_dir(settings)
    cache.mkdir(parents=True, exist_ok=True)
    loaded = load_corpus(settings.corpus_dir, cache, Budget.from_settings(settings))
    docs = loaded.documents
    previous = _previous_keys(settings)
    salt = build_salt(settings)
    keys = {d.doc_id: doc_key(d, salt) for d in docs}
    pending = [d for d in docs if not (cache / f"pas-{passages_key(d, settings)}.npz").exists()]
    if pending:
        say(f"Embedding {len(pending)} new or changed paper(s) of {len(docs)} ...")
    t_embed = time.perf_counter()
    embedded = 0
    budget = Budget.from_settings(settings)
    refused: set[str] = set()

    chunks: list[Chunk] = []
    figures: list[Figure] = []
    sentences: list[tuple[str, int, int, int]] = []
    chunk_vectors: list[np.ndarray] = []
    sentence_vectors: list[np.ndarray] = []
    used: set[str] = set()
    for doc in docs:
        try:
            art, was_embedded = _artefacts(
                doc, settings, cache, paper_build.refusal_path(cache, keys[doc.doc_id], budget)
            )
        except PaperError as exc:  # over its budget (remembered), or unreadable: the others are indexed
            loaded.problems.append(f"refused {exc}")
            refused.add(doc.doc_id)
            continue
        except Stopping:
            raise
        except Exception as exc:  # noqa: BLE001 - one paper's unforeseen failure must not lose the others
            log.exception("indexing %s failed", doc.file)
            loaded.problems.append(f"refused {doc.file}: could not be indexed ({type(exc).__name__}: {exc})")
            refused.add(doc.doc_id)
            continue
        embedded += was_embedded
        used.update((f"pas-{passages_key(doc, settings)}.npz", f"fig-{figures_key(doc)}.json"))
        offset = len(chunks)
        chunks += [c.model_copy(update={"chunk_id": offset + c.chunk_id}) for c in art.chunks]
        figures += [f.model_copy(update={"figure_id": len(figures) + i}) for i, f in enumerate(art.figures)]
        sentences += [(doc.doc_id, s, e, offset + c) for s, e, c in art.sentences]
        chunk_vectors.append(art.chunk_vectors)
        sentence_vectors.append(art.sentence_vectors)
    embed_seconds = time.perf_counter() - t_embed
    used.update(f"refused-{keys[d]}" for d in refused)
    if refused:
        docs = [d for d in docs if d.doc_id not in refused]
        keys = {d: k for d, k in keys.items() if d not in refused}
    if not docs:
        raise CorpusError("no paper could be indexed: " + "; ".join(loaded.problems))

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    tmp = settings.index_dir / f".tmp-{stamp}-{uuid.uuid4().hex[:6]}"
    tmp.mkdir()
    try:
        write_store(tmp / STORE, docs, chunks, figures)
        dense = faiss.IndexFlatIP(embedding.MODEL_DIM)
        dense.add(_stack(chunk_vectors))
        faiss.write_index(dense, str(tmp / DENSE))
        bm25 = bm25s.BM25()
        bm25.index(tokenize([c.text for c in chunks]), show_progress=False)
        bm25.save(str(tmp / BM25_DIR), show_progress=False)
        np.save(tmp / SENTENCES, _stack(sentence_vectors))
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
            "doc_keys": keys,
        }
        (tmp / META).write_text(
            json.dumps(meta, indent=2)
        )  # written last: its presence marks a complete build
        final = settings.index_dir / f"build-{stamp}-{tmp.name[-6:]}"
        os.rename(tmp, final)
        _publish(settings, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _remove_old_builds(settings, keep=final)
    _prune_cache(cache, used, started=started)
    return BuildReport(
        final,
        len(docs),
        len(chunks),
        len(figures),
        time.perf_counter() - t0,
        embed_seconds,
        loaded.problems,
        added=sorted(set(keys) - set(previous)),
        changed=sorted(d for d in keys if d in previous and previous[d] != keys[d]),
        removed=sorted(set(previous) - set(keys)),
        reprocessed=embedded,
        refused=sorted(refused),
    )


def _stack(parts: list[np.ndarray]) -> np.ndarray:
    parts = [p for p in parts if len(p)]
    return (
        np.vstack(parts).astype(np.float32) if parts else np.zeros((0, embedding.MODEL_DIM), dtype=np.float32)
    )


def _previous_keys(settings: Settings) -> dict[str, str]:
    try:
        return json.loads((current_path(settings) / META).read_text()).get("doc_keys") or {}
    except (OSError, ValueError):
        return {}


def _prune_cache(cache: Path, keep: set[str], started: float) -> None:
    """Drop per-paper artefacts this build did not use (papers removed or changed, an older reader), and text
    extractions not touched since it started."""
    for entry in cache.iterdir():
        if (
            (
                entry.name.startswith(("pas-", "fig-", "doc-"))
                and entry.name not in keep
                and ".tmp" not in entry.name
            )
            or entry.name.startswith("refused-")
            and f"refused-{entry.name.split('-')[1]}" not in keep
            or entry.name.startswith("text-")
            and entry.stat().st_mtime < started - 1
        ):
            entry.unlink(missing_ok=True)


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
        """The chunk holding a character offset (chunks of a document are consecutive and ordered: a binary
        search, so a paper of thousands of passages costs no more per figure than a short one)."""
        if not hasattr(self, "_doc_chunks"):
            spans: dict[str, list[Chunk]] = {}
            for c in self.chunks:
                spans.setdefault(c.doc_id, []).append(c)
            self._doc_chunks = spans
            self._doc_starts = {d: [c.start for c in cs] for d, cs in spans.items()}
        chunks = self._doc_chunks.get(doc_id, [])
        i = bisect.bisect_right(self._doc_starts.get(doc_id, []), pos) - 1
        if i >= 0 and chunks[i].start <= pos < chunks[i].end:
            return chunks[i].chunk_id
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

    @cached_property
    def sentence_rows_by_doc(self) -> dict[str, list[int]]:
        """Quotable sentence rows of each paper, in text order."""
        rows: dict[str, list[int]] = {}
        for row, span in enumerate(self.sentence_spans):
            rows.setdefault(span[0], []).append(row)
        return rows

    @cached_property
    def figure_index(self) -> FigureIndex:
        """Candidate lookup by concept and term, and figures by sentence (built on first use)."""
        return FigureIndex.build(self.figures)


def load_index(settings: Settings, check_fresh: bool = True) -> LoadedIndex:
    """Load the published index. check_fresh=False loads it even if the corpus has moved on since (a server
    picking up a new build while officers are still adding papers)."""
    status = check_index(settings, check_fresh)
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
        raise IndexUnavailable(
            f"index corrupt at {path}: {exc}; run `qa-assistant index` to rebuild"
        ) from exc
    if dense.ntotal != len(chunks) or len(sentence_spans) != len(sentence_vectors):
        raise IndexUnavailable(
            f"index corrupt at {path}: {dense.ntotal} vectors for {len(chunks)} chunks; rebuild it"
        )
    return LoadedIndex(
        path,
        meta,
        {d.doc_id: d for d in docs},
        chunks,
        figures,
        dense,
        bm25,
        sentence_spans,
        sentence_vectors,
    )


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
        return load_index(
            settings, check_fresh=False
        )  # just checked (or built): no second hash of the corpus
    except IndexUnavailable:
        if not rebuild:
            raise
        say("Index unreadable; rebuilding ...")
        build_index(settings, say)
        return load_index(settings, check_fresh=False)
