"""Add new papers to the published index without re-reading the others.

A full build reads every paper and rewrites every artefact: minutes for an archive of 10,000 papers, even
when all but one come from the per-paper cache. When the only change since the published version is papers
added (no paper changed or removed, and the reader, model and settings are the same), the new version is
the previous one plus the new papers: its SQLite store copied and added to, the new passages' vectors added
to the dense index and the sentence vectors, their postings added to the BM25 index. Which papers are new is
decided without reading the others: each corpus file's size, modification time and manifest entry are
recorded in meta.json, and any difference sends the build down the full path instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import faiss
import numpy as np

from qa_assistant.indexing.assembly import Assembly, assemble, stack
from qa_assistant.indexing.dense import dense_index
from qa_assistant.indexing.layout import (
    BM25_DIR,
    DENSE,
    FORMAT_VERSION,
    META,
    SENTENCE_SPANS,
    SENTENCES,
    STORE,
    cache_dir,
    doc_key,
)
from qa_assistant.indexing.lexical_index import LexicalIndex
from qa_assistant.indexing.progress import BuildProgress
from qa_assistant.indexing.sentence_table import SentenceTable
from qa_assistant.indexing.store import append_store
from qa_assistant.indexing.version_writer import write_npy_rows
from qa_assistant.indexing.versions import write_version
from qa_assistant.ingest.documents import LoadResult, corpus_files, load_document, read_manifest
from qa_assistant.ingest.jobs import Budget
from qa_assistant.models import Document
from qa_assistant.settings import Settings
from qa_assistant.text.lexical import tokenize

FILES = "files"  # meta.json: each corpus file's [size, mtime_ns, manifest entry hash]
_COPY_ROWS = 65_536  # sentence vectors copied this many rows at a time (bounded memory)


def corpus_stats(corpus_dir: Path) -> dict[str, list]:
    """What says a corpus file is unchanged, without reading it: size, modification time, manifest entry."""
    manifest = read_manifest(corpus_dir)
    stats: dict[str, list] = {}
    for path in corpus_files(corpus_dir):
        st = path.stat()
        entry = json.dumps(manifest.get(path.name), sort_keys=True).encode()
        stats[path.name] = [st.st_size, st.st_mtime_ns, hashlib.sha256(entry).hexdigest()[:16]]
    return stats


def added_files(previous: dict, stats: dict[str, list], salt: str) -> list[str] | None:
    """Names of the files added since the published version when adding them is the only change; None when
    a full build is needed (something changed or was removed, or the version has no record to compare)."""
    before = previous.get(FILES)
    if not before or previous.get("salt") != salt or previous.get("format_version") != FORMAT_VERSION:
        return None
    if any(stats.get(name) != record for name, record in before.items()):
        return None
    added = sorted(set(stats) - set(before))
    taken = set(previous.get("doc_keys") or {})
    if not added or any(Path(name).stem in taken for name in added):
        return None  # nothing new (a file touched and put back), or a name clash: the full build says why
    return added


def append_build(
    settings: Settings, progress: BuildProgress, previous: tuple[Path, dict], added: list[str], record: dict
) -> tuple[Path, list[Document], Assembly, list[str]]:
    """Publish the previous version plus the added papers (`record`: this build's fingerprint, salt and file
    stats, for meta.json); returns the new version, the papers indexed, their assembly and the problems met."""
    salt = record["salt"]
    prev_path, prev_meta = previous
    budget = Budget.from_settings(settings)
    manifest = read_manifest(settings.corpus_dir)
    problems: list[str] = []
    progress.phase("reading", len(added))
    docs = []
    for name in added:
        doc = load_document(
            settings.corpus_dir / name, manifest.get(name), problems, cache_dir(settings), budget
        )
        progress.advance()
        if doc is not None:
            docs.append(doc)
    keys = {d.doc_id: doc_key(d, salt) for d in docs}
    base = Assembly(chunk_base=prev_meta["chunks"], figure_base=prev_meta["figures"])
    parts = assemble(LoadResult(docs, problems), settings, keys, progress, base)
    docs = [d for d in docs if d.doc_id not in parts.refused]
    progress.phase("adding to the index", 0)
    meta = _meta(prev_meta, docs, parts, {d.doc_id: keys[d.doc_id] for d in docs}, problems) | record

    def write(folder: Path) -> None:
        _write_appended(settings, prev_path, folder, docs, parts)
        (folder / META).write_text(json.dumps(meta, indent=2))  # written last: it marks a complete build

    return write_version(settings, write), docs, parts, problems


def _meta(
    prev: dict, docs: list[Document], parts: Assembly, keys: dict[str, str], problems: list[str]
) -> dict:
    meta = dict(prev)
    meta.update(
        built_at=dt.datetime.now().isoformat(timespec="seconds"),
        documents=prev["documents"] + len(docs),
        chunks=prev["chunks"] + len(parts.chunks),
        figures=prev["figures"] + len(parts.figures),
        problems=list(prev.get("problems") or []) + problems,
        doc_keys={**prev["doc_keys"], **keys},
    )
    return meta


def _write_appended(
    settings: Settings, prev: Path, folder: Path, docs: list[Document], parts: Assembly
) -> None:
    """Every artefact of the previous version at `prev`, with the new papers' added, written to `folder`."""
    shutil.copyfile(prev / STORE, folder / STORE)
    append_store(folder / STORE, docs, parts.chunks, parts.figures)
    new_vectors = stack(parts.chunk_vectors)
    dense = faiss.read_index(str(prev / DENSE))
    if isinstance(dense, faiss.IndexFlat) and dense.ntotal + len(new_vectors) > settings.dense_exact_max:
        dense = dense_index(np.vstack([dense.reconstruct_n(0, dense.ntotal), new_vectors]), settings)
    else:
        dense.add(new_vectors)
    faiss.write_index(dense, str(folder / DENSE))
    lexical = LexicalIndex.load(prev / BM25_DIR, scored=False)
    lexical.appended(tokenize([c.text for c in parts.chunks])).save(folder / BM25_DIR)
    _append_rows(prev / SENTENCES, stack(parts.sentence_vectors), folder / SENTENCES)
    old = SentenceTable.load(prev, SENTENCE_SPANS)
    SentenceTable.joined(old, SentenceTable.of(parts.sentences)).save(folder, SENTENCE_SPANS)


def _append_rows(old_path: Path, new: np.ndarray, path: Path) -> None:
    """old_path's rows then `new`, written to `path` by plain file copies (no memory map: the copy must not
    count gigabytes of page cache as the build's memory)."""
    old = np.load(old_path, mmap_mode="r")
    rows, width = len(old) + len(new), old.shape[1]
    offset = old.offset
    del old
    write_npy_rows(path, rows, width, [(old_path, offset)], np.ascontiguousarray(new, dtype=np.float32))
