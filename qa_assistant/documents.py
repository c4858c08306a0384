"""Load the corpus: papers (text, Markdown, HTML, PDF) plus the committee system's metadata, as clean text.

Every offset elsewhere (chunks, figures, citations) points into the clean text produced here (via formats),
so cleaning happens exactly once. Metadata comes from manifest.json (or a sidecar written into it by `add`);
a paper with no entry gets its title, committee and meeting date inferred from its own text, marked as such.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from .formats import EXTRACTOR_VERSION, SUFFIX_TYPES, Extracted, PaperError, extract
from .metadata import infer, infer_title
from .models import Document, DocumentMeta

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
SUFFIXES = set(SUFFIX_TYPES)


class CorpusError(Exception):
    """The corpus cannot be used at all (missing folder, unreadable manifest, no documents)."""


@dataclass
class LoadResult:
    documents: list[Document]
    problems: list[str] = field(default_factory=list)


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


def _extract_cached(path: Path, cache_dir: Path | None) -> Extracted:
    """PDF and HTML extraction is the slow part of loading; its result depends only on the file's bytes."""
    data = path.read_bytes()
    if cache_dir is None or SUFFIX_TYPES.get(path.suffix.lower()) == "text":
        return extract(path, data)
    key = hashlib.sha256(data).hexdigest()
    cached = cache_dir / f"text-{key[:32]}-v{EXTRACTOR_VERSION}.json"
    if cached.exists():
        try:
            result = Extracted(**json.loads(cached.read_text(encoding="utf-8")))
            os.utime(cached)  # marks it as used by this build (unused entries are pruned)
            return result
        except (OSError, ValueError, TypeError):
            pass  # a damaged cache entry is simply redone
    result = extract(path, data)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(".tmp")
    tmp.write_text(json.dumps(result.__dict__), encoding="utf-8")
    tmp.replace(cached)
    return result


def load_document(path: Path, entry: dict | None, problems: list[str], cache_dir: Path | None = None) -> Document | None:
    """Load one paper; problems are collected (not raised) so one bad file never loses the others."""
    try:
        extracted = _extract_cached(path, cache_dir)
    except PaperError as exc:
        problems.append(f"skipped {exc}")
        return None
    except OSError as exc:
        problems.append(f"skipped {path.name}: cannot be read ({exc})")
        return None
    text = extracted.text
    if entry is None:  # no metadata published for it: infer, and say so
        guess = infer(text, title_hint=extracted.title_hint, fallback_title=path.stem, extra_text=extracted.full_text)
        entry = guess.as_entry()
    meta = DocumentMeta(
        doc_id=path.stem,
        file=path.name,
        title=entry.get("title") or infer_title(text, extracted.title_hint, path.stem),
        committee=entry.get("committee"),
        meeting_date=_parse_date(entry.get("meeting_date"), path.name, problems),
        kind=entry.get("kind"),
        source_url=entry.get("source_url"),
        date_note=entry.get("date_note"),
        page_starts=extracted.page_starts,
        inferred=[f for f in entry.get("inferred") or [] if isinstance(f, str)],
    )
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(**meta.model_dump(), text=text, sha256=sha)


def corpus_files(corpus_dir: Path) -> list[Path]:
    return sorted(p for p in corpus_dir.iterdir()
                  if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("."))


def load_corpus(corpus_dir: Path, cache_dir: Path | None = None) -> LoadResult:
    """Load every paper in the folder. Raises CorpusError only when nothing usable is there."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist")
    manifest = read_manifest(corpus_dir)
    problems: list[str] = []
    docs: list[Document] = []
    files = corpus_files(corpus_dir)
    for name in sorted(set(manifest) - {p.name for p in files}):
        problems.append(f"manifest lists {name} but the file is not in {corpus_dir}")
    seen: dict[str, str] = {}
    for path in files:
        if path.stem in seen:
            problems.append(f"skipped {path.name}: {seen[path.stem]} already uses the name {path.stem!r}; rename one")
            continue
        doc = load_document(path, manifest.get(path.name), problems, cache_dir)
        if doc is not None:
            seen[path.stem] = path.name
            docs.append(doc)
    for p in problems:
        log.warning(p)
    if not docs:
        detail = "; ".join(problems) if problems else "no .txt, .md, .html or .pdf files"
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
