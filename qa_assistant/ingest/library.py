"""Manage the papers in the corpus folder: add (from a path or an upload), correct metadata, remove.

The corpus folder plus manifest.json stay the single source of truth; the index is rebuilt (incrementally)
from them afterwards. A file is checked (type by content, text extractable) before it is copied in, so a bad
file never enters the corpus and nothing already indexed is lost. Names are made safe here: no path parts,
no hidden files, nothing outside the corpus folder.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from filelock import FileLock

from qa_assistant.ingest.documents import (
    MANIFEST_NAME,
    SUFFIXES,
    CorpusError,
    ManifestError,
    corpus_files,
    read_manifest,
)
from qa_assistant.ingest.fields import EDITABLE, validate_fields
from qa_assistant.ingest.formats import SUFFIX_TYPES, Extracted, PaperError
from qa_assistant.ingest.jobs import Budget, run
from qa_assistant.ingest.metadata import infer
from qa_assistant.ingest.reading import read_paper
from qa_assistant.stopping import Stopping

log = logging.getLogger(__name__)
Outcome = Literal["added", "updated", "unchanged", "skipped", "conflict"]
__all__ = [
    "EDITABLE",
    "validate_fields",
    "AddResult",
    "NoSuchPaper",
    "ManifestError",
    "add_bytes",
    "add_paths",
    "undo_add",
    "update_metadata",
    "remove_document",
    "safe_name",
    "given_name",
]


class NoSuchPaper(CorpusError):
    """No paper in the corpus has that id or file name."""


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


def _lock(corpus_dir: Path) -> FileLock:
    return FileLock(str(corpus_dir / ".manifest.lock"))


def _write_manifest(corpus_dir: Path, entries: dict[str, dict]) -> None:
    path = corpus_dir / MANIFEST_NAME
    about = None
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            about = data.get("about") if isinstance(data, dict) else None
        except ValueError:
            pass
    body = ({"about": about} if about else {}) | {"documents": list(entries.values())}
    tmp = corpus_dir / f".manifest-{uuid.uuid4().hex[:6]}.tmp"
    tmp.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)  # readers see the old or the new manifest, never half of one


def _sidecar(path: Path) -> dict | None:
    """Metadata published beside a file: PAPER.pdf.json or PAPER.json."""
    for candidate in (path.with_name(path.name + ".json"), path.with_suffix(".json")):
        if candidate.is_file() and candidate.name != MANIFEST_NAME:
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise PaperError(f"{candidate.name}: sidecar metadata is not valid JSON ({exc})") from exc
            if not isinstance(data, dict):
                raise PaperError(f"{candidate.name}: sidecar metadata must be a JSON object")
            return {k: data[k] for k in EDITABLE if k in data}
    return None


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
    given = given_name(name)
    corpus_dir.mkdir(parents=True, exist_ok=True)
    with _lock(corpus_dir):
        digest = hashlib.sha256(data).digest()
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
        target = corpus_dir / target_name
        if target.resolve().parent != corpus_dir.resolve():
            return AddResult(name, "skipped", f"{name}: not a safe file name")
        clash = [p for p in corpus_files(corpus_dir) if p.stem == target.stem and p.name != target.name]
        if clash:
            return AddResult(
                name,
                "conflict",
                f"{name}: {clash[0].name} already uses the name {target.stem!r}; rename the new file",
            )
        entries = read_manifest(corpus_dir)
        old_entry = entries.get(target.name)
        previous = target.read_bytes() if target.exists() else None
        same_bytes = previous is not None and hashlib.sha256(previous).digest() == digest
        if previous is not None:
            added_as = (old_entry or {}).get("source_name") or target.name
            if given not in (target.name, added_as):  # "..txt" must not silently replace what ".txt" added
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
        if old_entry is None:  # new paper: whatever is not published is inferred from its text
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
        entry["inferred"] = [
            f for f in entry.get("inferred", []) if f not in published and f not in overrides
        ]
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
        tmp = corpus_dir / f".upload-{uuid.uuid4().hex[:6]}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, target)
        entries[target.name] = entry
        _write_manifest(corpus_dir, entries)
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


def _base_name(name: str) -> str:
    return re.split(r"[\\/]", name)[-1]


def given_name(name: str) -> str:
    """The name a file was given (no folders, no control characters), remembered to tell uploads apart."""
    return "".join(ch for ch in _base_name(name) if unicodedata.category(ch)[0] != "C")[:200]


def undo_add(corpus_dir: Path, result: AddResult) -> None:
    """Put the corpus back as it was before `result` (the index refused the paper): remove an added paper,
    restore the previous version of an updated one."""
    if result.outcome not in ("added", "updated") or not result.file:
        return
    with _lock(corpus_dir):
        target = corpus_dir / result.file
        entries = read_manifest(corpus_dir)
        if result.previous_bytes is None:
            target.unlink(missing_ok=True)
            entries.pop(result.file, None)
        else:
            tmp = corpus_dir / f".upload-{uuid.uuid4().hex[:6]}.tmp"
            tmp.write_bytes(result.previous_bytes)
            os.replace(tmp, target)
            if result.previous_entry is None:
                entries.pop(result.file, None)
            else:
                entries[result.file] = result.previous_entry
        _write_manifest(corpus_dir, entries)


def add_paths(corpus_dir: Path, paths: list[Path], overrides: dict | None = None) -> list[AddResult]:
    """Add files, or every supported file in folders (not recursing into hidden folders)."""
    results: list[AddResult] = []
    for path in paths:
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.suffix.lower() in SUFFIX_TYPES
            )
            if not files:
                results.append(
                    AddResult(str(path), "skipped", f"{path}: no .txt, .md, .html or .pdf files in it")
                )
            for f in files:
                results.append(
                    _add_path(corpus_dir, f, None)
                )  # per-file overrides make no sense for a folder
        else:
            results.append(_add_path(corpus_dir, path, overrides))
    return results


def _add_path(corpus_dir: Path, path: Path, overrides: dict | None) -> AddResult:
    try:
        data = path.read_bytes()
        sidecar = _sidecar(path)
    except FileNotFoundError:
        return AddResult(str(path), "skipped", f"{path}: no such file")
    except IsADirectoryError:
        return AddResult(str(path), "skipped", f"{path}: is a folder")
    except (OSError, PaperError) as exc:
        return AddResult(str(path), "skipped", f"{path}: {exc}" if isinstance(exc, OSError) else str(exc))
    try:
        return add_bytes(corpus_dir, path.name, data, overrides, sidecar)
    except (
        OSError
    ) as exc:  # the corpus folder itself failed (disk full, permissions): this file was not added
        return AddResult(str(path), "skipped", f"{path}: could not be stored ({exc})")


def update_metadata(corpus_dir: Path, doc_id: str, fields: dict) -> dict:
    """Correct a paper's metadata; corrected fields stop being marked as inferred."""
    fields = validate_fields(fields)
    with _lock(corpus_dir):
        path = _file_of(corpus_dir, doc_id)
        entries = read_manifest(corpus_dir)
        entry = dict(entries.get(path.name) or {"file": path.name})
        entry |= fields
        entry["inferred"] = [f for f in entry.get("inferred", []) if f not in fields]
        entries[path.name] = entry
        _write_manifest(corpus_dir, entries)
    return entry


def remove_document(corpus_dir: Path, doc_id: str) -> str:
    """Remove a paper's file and manifest entry; returns the file name removed."""
    with _lock(corpus_dir):
        path = _file_of(corpus_dir, doc_id)
        entries = read_manifest(corpus_dir)
        entries.pop(path.name, None)
        _write_manifest(corpus_dir, entries)
        path.unlink()
    return path.name


def _file_of(corpus_dir: Path, doc_id: str) -> Path:
    matches = [p for p in corpus_files(corpus_dir) if doc_id in (p.stem, p.name)]
    if not matches:
        raise NoSuchPaper(f"no paper {doc_id!r} in the corpus")
    return matches[0]
