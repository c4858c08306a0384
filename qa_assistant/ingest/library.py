"""Correct a paper's metadata, or remove it from the corpus folder.

The corpus folder plus manifest.json stay the single source of truth; the index is rebuilt (incrementally)
from them afterwards. Adding (checked by content before a file is copied in, under a safe name) lives in
adding.py (bytes) and add_files.py (paths); correcting and removing live here; all of them write through
corpus_store.py.
"""

from __future__ import annotations

from pathlib import Path

from qa_assistant.ingest.corpus_store import lock, write_manifest
from qa_assistant.ingest.documents import CorpusError, corpus_files, read_manifest
from qa_assistant.ingest.fields import validate_fields


class NoSuchPaper(CorpusError):
    """No paper in the corpus has that id or file name."""


def update_metadata(corpus_dir: Path, doc_id: str, fields: dict) -> dict:
    """Correct a paper's metadata; corrected fields stop being marked as inferred."""
    fields = validate_fields(fields)
    with lock(corpus_dir):
        path = _file_of(corpus_dir, doc_id)
        entries = read_manifest(corpus_dir)
        entry = dict(entries.get(path.name) or {"file": path.name})
        entry |= fields
        entry["inferred"] = [f for f in entry.get("inferred", []) if f not in fields]
        entries[path.name] = entry
        write_manifest(corpus_dir, entries)
    return entry


def remove_document(corpus_dir: Path, doc_id: str) -> str:
    """Remove a paper's file and manifest entry; returns the file name removed."""
    with lock(corpus_dir):
        path = _file_of(corpus_dir, doc_id)
        entries = read_manifest(corpus_dir)
        entries.pop(path.name, None)
        write_manifest(corpus_dir, entries)
        path.unlink()
    return path.name


def _file_of(corpus_dir: Path, doc_id: str) -> Path:
    matches = [p for p in corpus_files(corpus_dir) if doc_id in (p.stem, p.name)]
    if not matches:
        raise NoSuchPaper(f"no paper {doc_id!r} in the corpus")
    return matches[0]
