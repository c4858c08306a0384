"""Build a new index version from the corpus and publish it atomically.

Each build is written to a fresh folder and then published by atomically repointing the `current` symlink,
so a crash mid-build leaves the previous index in place and usable. meta.json, written last, records the model,
the fingerprint of everything the index was built from, and the format version.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock

from qa_assistant.indexing import cache as artefact_cache
from qa_assistant.indexing import embedding
from qa_assistant.indexing.append import FILES, added_files, append_build, corpus_stats
from qa_assistant.indexing.assembly import assemble
from qa_assistant.indexing.layout import (
    FORMAT_VERSION,
    META,
    build_salt,
    cache_dir,
    current_path,
    doc_key,
    expected_fingerprint,
)
from qa_assistant.indexing.progress import BuildProgress
from qa_assistant.indexing.version_writer import StreamingAssembly
from qa_assistant.indexing.versions import write_version
from qa_assistant.ingest.documents import CorpusError, load_corpus
from qa_assistant.ingest.jobs import Budget
from qa_assistant.settings import Settings

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
    appended: bool = False  # the previous version plus new papers (indexing.append), not a full build

    def summary(self) -> str:
        counts = (
            (len(self.added), "added"),
            (len(self.changed), "changed"),
            (len(self.removed), "removed"),
            (len(self.refused), "refused"),
        )
        changes = ", ".join(f"{n} {label}" for n, label in counts if n) or "no paper changes"
        how = "added to the previous version" if self.appended else "the rest from cache"
        return (
            f"Indexed {self.documents} documents, {self.chunks} passages, {self.figures} figures in "
            f"{self.seconds:.1f}s ({changes}; {self.reprocessed} embedded, {how})"
        )


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
    t0 = time.perf_counter()
    # taken first: a corpus edited mid-build reads as stale, and the next build sees what changed
    record = {
        "fingerprint": expected_fingerprint(settings),
        "salt": build_salt(settings),
        FILES: corpus_stats(settings.corpus_dir),
    }
    cache_dir(settings).mkdir(parents=True, exist_ok=True)
    previous = _previous(settings)
    added = added_files(previous[1], record[FILES], record["salt"]) if previous else None
    if added is not None and previous is not None:  # only papers added: the previous version plus them
        final, docs, parts, problems = append_build(settings, progress, previous, added, record)
        documents = previous[1]["documents"] + len(docs)
        return BuildReport(
            final,
            documents,
            previous[1]["chunks"] + len(parts.chunks),
            previous[1]["figures"] + len(parts.figures),
            time.perf_counter() - t0,
            time.perf_counter() - t0,
            problems,
            added=sorted(d.doc_id for d in docs),
            reprocessed=parts.embedded,
            refused=sorted(parts.refused),
            appended=True,
        )
    return _full_build(settings, progress, record, previous[1].get("doc_keys") or {} if previous else {})


def _full_build(settings: Settings, progress: BuildProgress, record: dict, previous: dict) -> BuildReport:
    """Every paper read and every artefact written (each paper's vectors and figures from the cache when it
    has them)."""
    t0, started = time.perf_counter(), time.time()
    cache = cache_dir(settings)
    progress.phase("reading", len(record[FILES]))
    loaded = load_corpus(settings.corpus_dir, cache, Budget.from_settings(settings), progress.advance)
    keys = {d.doc_id: doc_key(d, record["salt"]) for d in loaded.documents}
    t_embed = time.perf_counter()
    built: dict = {}

    def write(folder: Path) -> None:
        parts = StreamingAssembly(folder)
        try:
            assemble(loaded, settings, keys, progress, parts)
            progress.phase("writing the index", 0)
            parts.finish(settings)
        finally:
            parts.close()
        docs = [d.doc_id for d in loaded.documents if d.doc_id not in parts.refused]
        if not docs:
            raise CorpusError("no paper could be indexed: " + "; ".join(loaded.problems))
        meta = {
            **record,
            "format_version": FORMAT_VERSION,
            "model": f"{embedding.MODEL_NAME} {embedding.variant()}",
            "model_sha256": embedding.MODEL_SHA256,
            "built_at": dt.datetime.now().isoformat(timespec="seconds"),
            "documents": len(docs),
            "chunks": parts.chunk_count,
            "figures": parts.figure_count,
            "problems": loaded.problems,
            "doc_keys": {d: keys[d] for d in docs},
        }
        (folder / META).write_text(json.dumps(meta, indent=2))  # written last: it marks a complete build
        built.update(parts=parts, meta=meta)

    final = write_version(settings, write)
    parts, meta = built["parts"], built["meta"]
    embed_seconds = time.perf_counter() - t_embed
    parts.used.update(f"refused-{keys[d]}" for d in parts.refused)
    keys = meta["doc_keys"]
    artefact_cache.prune(cache, parts.used, started=started)
    return BuildReport(
        final,
        meta["documents"],
        parts.chunk_count,
        parts.figure_count,
        time.perf_counter() - t0,
        embed_seconds,
        loaded.problems,
        added=sorted(set(keys) - set(previous)),
        changed=sorted(d for d in keys if d in previous and previous[d] != keys[d]),
        removed=sorted(set(previous) - set(keys)),
        reprocessed=parts.embedded,
        refused=sorted(parts.refused),
    )


def _previous(settings: Settings) -> tuple[Path, dict] | None:
    """The published version's folder and meta.json, if it can be read."""
    try:
        path = current_path(settings).resolve()
        return path, json.loads((path / META).read_text())
    except (OSError, ValueError):
        return None
