"""Manage the papers in the corpus folder: add (from a path or an upload), correct metadata, remove.

The corpus folder plus manifest.json stay the single source of truth; the index is rebuilt (incrementally)
from them afterwards. A file is checked (type by content, text extractable) before it is copied in, so a bad
file never enters the corpus and nothing already indexed is lost. Names are made safe here: no path parts,
no hidden files, nothing outside the corpus folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from filelock import FileLock

from .documents import MANIFEST_NAME, SUFFIXES, CorpusError, corpus_files, read_manifest
from .formats import SUFFIX_TYPES, PaperError, extract
from .metadata import infer

Outcome = Literal["added", "updated", "unchanged", "skipped"]
EDITABLE = ("title", "committee", "meeting_date", "kind", "source_url", "date_note")


@dataclass
class AddResult:
    source: str
    outcome: Outcome
    message: str
    doc_id: str | None = None
    file: str | None = None
    metadata: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def safe_name(name: str) -> str:
    """A plain file name for the corpus folder: no directories, no leading dots, only safe characters."""
    base = re.split(r"[\\/]", name)[-1]
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


def validate_fields(fields: dict) -> dict:
    """Check corrected metadata: known fields only, dates as YYYY-MM-DD, strings trimmed."""
    clean: dict = {}
    for key, value in fields.items():
        if key not in EDITABLE:
            raise ValueError(f"unknown metadata field {key!r}; editable: {', '.join(EDITABLE)}")
        if value in (None, ""):
            clean[key] = None
        elif key == "meeting_date":
            try:
                clean[key] = dt.date.fromisoformat(str(value)).isoformat()
            except ValueError as exc:
                raise ValueError(f"meeting_date {value!r} is not a date in YYYY-MM-DD form") from exc
        else:
            clean[key] = " ".join(str(value).split())[:500]
    return clean


def add_bytes(corpus_dir: Path, name: str, data: bytes, overrides: dict | None = None,
              sidecar: dict | None = None) -> AddResult:
    """Add one paper given its name and bytes (from the CLI or an upload)."""
    target_name = safe_name(name)
    suffix = Path(target_name).suffix.lower()
    if suffix not in SUFFIXES:
        return AddResult(name, "skipped", f"{name}: unsupported file type; use {', '.join(sorted(SUFFIXES))}")
    try:
        extracted = extract(Path(target_name), data)
    except PaperError as exc:
        return AddResult(name, "skipped", str(exc))
    try:
        overrides = validate_fields(overrides or {})
        published = validate_fields(sidecar or {})
    except ValueError as exc:
        return AddResult(name, "skipped", f"{name}: {exc}")
    corpus_dir.mkdir(parents=True, exist_ok=True)
    with _lock(corpus_dir):
        digest = hashlib.sha256(data).digest()
        for existing in corpus_files(corpus_dir):
            if existing.name != target_name and existing.stat().st_size == len(data) \
                    and hashlib.sha256(existing.read_bytes()).digest() == digest:  # size first: hash only candidates
                return AddResult(name, "unchanged", f"{name}: already in the corpus as {existing.name}",
                                 existing.stem, existing.name, read_manifest(corpus_dir).get(existing.name, {}))
        target = corpus_dir / target_name
        if target.resolve().parent != corpus_dir.resolve():
            return AddResult(name, "skipped", f"{name}: not a safe file name")
        clash = [p for p in corpus_files(corpus_dir) if p.stem == target.stem and p.name != target.name]
        if clash:
            return AddResult(name, "skipped", f"{name}: {clash[0].name} already uses the name {target.stem!r}; "
                                              "rename the new file")
        entries = read_manifest(corpus_dir)
        old_entry = entries.get(target.name)
        if old_entry is None:  # new paper: whatever is not published is inferred from its text
            guess = infer(extracted.text, title_hint=extracted.title_hint, fallback_title=target.stem,
                          extra_text=extracted.full_text).as_entry()
            entry = {"file": target.name} | guess
        else:
            entry = dict(old_entry)
        entry |= published | overrides
        entry["inferred"] = [f for f in entry.get("inferred", []) if f not in published and f not in overrides]
        same_bytes = target.exists() and hashlib.sha256(target.read_bytes()).digest() == digest
        if same_bytes and old_entry is not None and entry == {"inferred": []} | old_entry:
            return AddResult(name, "unchanged", f"{name}: already in the corpus, same content and metadata",
                             target.stem, target.name, entry)
        outcome: Outcome = "updated" if target.exists() else "added"
        tmp = corpus_dir / f".upload-{uuid.uuid4().hex[:6]}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, target)
        entries[target.name] = entry
        _write_manifest(corpus_dir, entries)
    return AddResult(name, outcome, f"{target.name}: {outcome}", target.stem, target.name, entry)


def add_paths(corpus_dir: Path, paths: list[Path], overrides: dict | None = None) -> list[AddResult]:
    """Add files, or every supported file in folders (not recursing into hidden folders)."""
    results: list[AddResult] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not any(
                part.startswith(".") for part in p.relative_to(path).parts) and p.suffix.lower() in SUFFIX_TYPES)
            if not files:
                results.append(AddResult(str(path), "skipped", f"{path}: no .txt, .md, .html or .pdf files in it"))
            for f in files:
                results.append(_add_path(corpus_dir, f, None))  # per-file overrides make no sense for a folder
        else:
            results.append(_add_path(corpus_dir, path, overrides))
    return results


def _add_path(corpus_dir: Path, path: Path, overrides: dict | None) -> AddResult:
    try:
        data = path.read_bytes()
        sidecar = _sidecar(path)
    except FileNotFoundError:
        return AddResult(str(path), "skipped", f"{path}: no such file")
    except (OSError, PaperError) as exc:
        return AddResult(str(path), "skipped", str(exc))
    return add_bytes(corpus_dir, path.name, data, overrides, sidecar)


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
        raise CorpusError(f"no paper {doc_id!r} in {corpus_dir}")
    return matches[0]
