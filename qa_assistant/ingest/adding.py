"""Add a paper to the corpus folder from its name and bytes (an upload, or a file read by add_files.py), and
take an addition back when the index then refuses the paper.

A file is checked (type by content, text extractable, within its time and memory budget) before it is copied
in, so a bad file never enters the corpus and nothing already indexed is lost. Names are made safe here: no
path parts, no hidden files, nothing outside the corpus folder. What is wrong with one file is reported in its
result, never raised.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from qa_assistant.ingest.corpus_store import lock, replace_file, write_manifest
from qa_assistant.ingest.documents import SUFFIXES, ManifestError, corpus_files, read_manifest
from qa_assistant.ingest.fields import validate_fields
from qa_assistant.ingest.formats import Extracted, PaperError
from qa_assistant.ingest.jobs import Budget, run
from qa_assistant.ingest.metadata import infer
from qa_assistant.ingest.reading import read_paper
from qa_assistant.stopping import Stopping

log = logging.getLogger(__name__)
Outcome = Literal["added", "updated", "unchanged", "skipped", "conflict"]


@dataclass
class AddResult:
    source: str
    outcome: Outcome
    message: str
    doc_id: str | None = None
    file: str | None = None
    metadata: dict = field(default_factory=dict)
    # What an update replaced, so a paper the index then refuses can be put back (undo_add); never shown.
    previous_bytes: bytes | None = field(default=None, repr=False)
    previous_entry: dict | None = field(default=None, repr=False)

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "outcome": self.outcome,
            "message": self.message,
            "doc_id": self.doc_id,
            "file": self.file,
            "metadata": self.metadata,
        }


def safe_name(name: str) -> str:
    """A plain file name for the corpus folder: no directories, no leading dots, only safe characters."""
    base = _base_name(name)
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-_")[:80] or "paper"
    suffix = re.sub(r"[^A-Za-z0-9]", "", suffix).lower()[:8]
    return f"{stem}.{suffix}" if suffix else stem


def _base_name(name: str) -> str:
    return re.split(r"[\\/]", name)[-1]


def given_name(name: str) -> str:
    """The name a file was given (no folders, no control characters), remembered to tell uploads apart."""
    return "".join(ch for ch in _base_name(name) if unicodedata.category(ch)[0] != "C")[:200]


def add_bytes(
    corpus_dir: Path,
    name: str,
    data: bytes,
    overrides: dict | None = None,
    sidecar: dict | None = None,
    budget: Budget | None = None,
) -> AddResult:
    """Add one paper given its name and bytes (from the CLI or an upload). Whatever is wrong with this file is
    reported in the result, never raised; only a broken manifest (shared by every paper) raises ManifestError."""
    try:
        return _add_bytes(corpus_dir, name, data, overrides, sidecar, budget)
    except (ManifestError, OSError, Stopping):
        raise
    except Exception as exc:  # noqa: BLE001 - one file's unforeseen problem must not stop the others
        log.exception("adding %s failed", name)
        return AddResult(
            name, "skipped", f"{name}: could not be added ({type(exc).__name__}: {str(exc)[:200]})"
        )


def _add_bytes(
    corpus_dir: Path,
    name: str,
    data: bytes,
    overrides: dict | None,
    sidecar: dict | None,
    budget: Budget | None,
) -> AddResult:
    """Check the file and its metadata and read its text (outside the lock: the slow part), then store it."""
    from qa_assistant.settings import get_settings

    target_name = safe_name(name)
    suffix = Path(target_name).suffix.lower()
    if suffix not in SUFFIXES:
        return AddResult(name, "skipped", f"{name}: unsupported file type; use {', '.join(sorted(SUFFIXES))}")
    try:
        overrides = validate_fields(overrides or {})
        published = validate_fields(sidecar or {})
    except ValueError as exc:
        return AddResult(name, "skipped", f"{name}: {exc}")
    budget = budget or Budget.from_settings(get_settings())
    try:
        extracted: Extracted = run(
            read_paper, (target_name, data, budget.max_chars), name=target_name, budget=budget
        )
    except PaperError as exc:
        return AddResult(name, "skipped", str(exc))
    corpus_dir.mkdir(parents=True, exist_ok=True)
    with lock(corpus_dir):
        return _store(corpus_dir, name, data, extracted, published, overrides)


def _store(
    corpus_dir: Path, name: str, data: bytes, extracted: Extracted, published: dict, overrides: dict
) -> AddResult:
    """Under the corpus lock: refuse a copy of another paper, an unsafe name or a clash; else write the paper
    and its manifest entry (published metadata, then the caller's overrides, over what is inferred)."""
    target = corpus_dir / safe_name(name)
    digest = hashlib.sha256(data).digest()
    refusal = _copy_elsewhere(corpus_dir, name, target.name, data, digest) or _name_refusal(
        corpus_dir, name, target
    )
    if refusal:
        return refusal
    entries = read_manifest(corpus_dir)
    old_entry = entries.get(target.name)
    previous = target.read_bytes() if target.exists() else None
    same_bytes = previous is not None and hashlib.sha256(previous).digest() == digest
    if previous is not None:
        refusal = _replace_refusal(name, target, old_entry, same_bytes)
        if refusal:
            return refusal
    entry = _entry(target, given_name(name), extracted, old_entry, published, overrides)
    if same_bytes and old_entry is not None and entry == {"inferred": []} | old_entry:
        return AddResult(
            name,
            "unchanged",
            f"{name}: already in the corpus, same content and metadata",
            target.stem,
            target.name,
            entry,
        )
    outcome: Outcome = "updated" if previous is not None else "added"
    replace_file(corpus_dir, target, data)
    entries[target.name] = entry
    write_manifest(corpus_dir, entries)
    return AddResult(
        name,
        outcome,
        f"{target.name}: {outcome}",
        target.stem,
        target.name,
        entry,
        previous_bytes=previous,
        previous_entry=old_entry,
    )


def _copy_elsewhere(
    corpus_dir: Path, name: str, target_name: str, data: bytes, digest: bytes
) -> AddResult | None:
    """An "unchanged" result when the same bytes are already in the corpus under another name."""
    for existing in corpus_files(corpus_dir):
        if (
            existing.name != target_name
            and existing.stat().st_size == len(data)
            and hashlib.sha256(existing.read_bytes()).digest() == digest
        ):  # size first: hash only candidates
            return AddResult(
                name,
                "unchanged",
                f"{name}: already in the corpus as {existing.name}",
                existing.stem,
                existing.name,
                read_manifest(corpus_dir).get(existing.name, {}),
            )
    return None


def _name_refusal(corpus_dir: Path, name: str, target: Path) -> AddResult | None:
    """A name outside the corpus folder, or one whose stem (the paper's id) another file already uses."""
    if target.resolve().parent != corpus_dir.resolve():
        return AddResult(name, "skipped", f"{name}: not a safe file name")
    clash = [p for p in corpus_files(corpus_dir) if p.stem == target.stem and p.name != target.name]
    if clash:
        return AddResult(
            name,
            "conflict",
            f"{name}: {clash[0].name} already uses the name {target.stem!r}; rename the new file",
        )
    return None


def _replace_refusal(name: str, target: Path, old_entry: dict | None, same_bytes: bool) -> AddResult | None:
    """A file that would replace a paper added under another given name ("..txt" must not silently replace
    what ".txt" added): "unchanged" when it is the same bytes, else a conflict."""
    added_as = (old_entry or {}).get("source_name") or target.name
    if given_name(name) in (target.name, added_as):
        return None
    if same_bytes:
        return AddResult(
            name,
            "unchanged",
            f"{name}: already in the corpus as {target.name}",
            target.stem,
            target.name,
            old_entry or {},
        )
    return AddResult(
        name,
        "conflict",
        f"{name}: would replace {target.name} (added as {added_as!r}); "
        f"rename the new file, or add it as {added_as!r} to replace it",
    )


def _entry(
    target: Path,
    given: str,
    extracted: Extracted,
    old_entry: dict | None,
    published: dict,
    overrides: dict,
) -> dict:
    """The paper's manifest entry: a new paper's metadata is inferred from its text where not published; set
    fields stop being marked as inferred."""
    if old_entry is None:
        guess = infer(
            extracted.text,
            title_hint=extracted.title_hint,
            fallback_title=target.stem,
            extra_text=extracted.full_text,
        ).as_entry()
        entry = {"file": target.name} | guess
        if given != target.name:
            entry["source_name"] = given
    else:
        entry = dict(old_entry)
    entry |= published | overrides
    entry["inferred"] = [f for f in entry.get("inferred", []) if f not in published and f not in overrides]
    return entry


def undo_add(corpus_dir: Path, result: AddResult) -> None:
    """Put the corpus back as it was before `result` (the index refused the paper): remove an added paper,
    restore the previous version of an updated one."""
    if result.outcome not in ("added", "updated") or not result.file:
        return
    with lock(corpus_dir):
        target = corpus_dir / result.file
        entries = read_manifest(corpus_dir)
        if result.previous_bytes is None:
            target.unlink(missing_ok=True)
            entries.pop(result.file, None)
        else:
            replace_file(corpus_dir, target, result.previous_bytes)
            if result.previous_entry is None:
                entries.pop(result.file, None)
            else:
                entries[result.file] = result.previous_entry
        write_manifest(corpus_dir, entries)
