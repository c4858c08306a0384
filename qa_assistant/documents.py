"""Load the corpus: papers plus the committee system's metadata (manifest.json), as clean text.

Every offset elsewhere (chunks, figures, citations) points into the clean text produced here, so cleaning
happens exactly once, in this module.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .models import Document, DocumentMeta

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
TEXT_SUFFIXES = {".txt", ".md"}


class CorpusError(Exception):
    """The corpus cannot be used at all (missing folder, unreadable manifest, no documents)."""


@dataclass
class LoadResult:
    documents: list[Document]
    problems: list[str] = field(default_factory=list)


def clean_text(raw: str) -> str:
    """Normalise Unicode and whitespace so offsets are stable and passages read well."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").replace("\t", " ")
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch)[0] != "C")
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def read_text_file(path: Path) -> str:
    """Read a UTF-8 text file; anything else is refused with a message naming the file."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path.name}: not UTF-8 text (byte {exc.start}); re-save it as UTF-8") from exc


def _parse_date(value: object, where: str, problems: list[str]) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{where}: meeting_date {value!r} is not YYYY-MM-DD; treated as not stated")
        return None


def read_manifest(corpus_dir: Path) -> dict[str, dict]:
    """Manifest entries keyed by file name. A missing manifest is allowed; a broken one is an error."""
    path = corpus_dir / MANIFEST_NAME
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["documents"] if isinstance(data, dict) else data
        return {str(e["file"]): e for e in entries}
    except (ValueError, KeyError, TypeError) as exc:
        raise CorpusError(f"{path}: manifest is not valid ({exc}); expected {{'documents': [{{'file': ...}}]}}")


def _first_line_title(text: str, fallback: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:200]
    return fallback


def load_document(path: Path, entry: dict | None, problems: list[str]) -> Document | None:
    """Load one paper; problems are collected (not raised) so one bad file never loses the others."""
    try:
        raw = read_text_file(path)
    except (OSError, ValueError) as exc:
        problems.append(f"skipped {exc}")
        return None
    text = clean_text(raw)
    if not text:
        problems.append(f"skipped {path.name}: empty after cleaning")
        return None
    entry = entry or {}
    meta = DocumentMeta(
        doc_id=path.stem,
        file=path.name,
        title=entry.get("title") or _first_line_title(text, path.stem),
        committee=entry.get("committee"),
        meeting_date=_parse_date(entry.get("meeting_date"), path.name, problems),
        kind=entry.get("kind"),
        source_url=entry.get("source_url"),
        date_note=entry.get("date_note"),
    )
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(**meta.model_dump(), text=text, sha256=sha)


def corpus_files(corpus_dir: Path) -> list[Path]:
    return sorted(p for p in corpus_dir.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)


def load_corpus(corpus_dir: Path) -> LoadResult:
    """Load every paper in the folder. Raises CorpusError only when nothing usable is there."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist")
    manifest = read_manifest(corpus_dir)
    problems: list[str] = []
    docs: list[Document] = []
    files = corpus_files(corpus_dir)
    for name in sorted(set(manifest) - {p.name for p in files}):
        problems.append(f"manifest lists {name} but the file is not in {corpus_dir}")
    for path in files:
        doc = load_document(path, manifest.get(path.name), problems)
        if doc is not None:
            docs.append(doc)
    for p in problems:
        log.warning(p)
    if not docs:
        detail = "; ".join(problems) if problems else "no .txt or .md files"
        raise CorpusError(f"corpus folder {corpus_dir} holds no usable documents ({detail})")
    return LoadResult(docs, problems)


def corpus_fingerprint(corpus_dir: Path) -> str:
    """Hash of every file the index is built from (names and bytes), cheap enough to check at start-up."""
    h = hashlib.sha256()
    paths = corpus_files(corpus_dir) if corpus_dir.is_dir() else []
    manifest = corpus_dir / MANIFEST_NAME
    if manifest.exists():
        paths.append(manifest)
    for p in paths:
        h.update(p.name.encode())
        h.update(b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()
