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
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from qa_assistant.ingest.fields import clean_entry
from qa_assistant.ingest.formats import EXTRACTOR_VERSION, SUFFIX_TYPES, Extracted, PaperError
from qa_assistant.ingest.jobs import Budget, OverBudget, run
from qa_assistant.ingest.metadata import infer, infer_title
from qa_assistant.ingest.reading import read_paper
from qa_assistant.models import Document, DocumentMeta
from qa_assistant.stopping import Stopping

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
SUFFIXES = set(SUFFIX_TYPES)


class CorpusError(Exception):
    """The corpus cannot be used at all (missing folder, unreadable manifest, no documents)."""


class ManifestError(CorpusError):
    """corpus/manifest.json cannot be read: nothing that changes the corpus can go ahead until it is fixed
    (a published index still serves)."""


@dataclass
class LoadResult:
    documents: list[Document]
    problems: list[str] = field(default_factory=list)


def read_manifest(corpus_dir: Path) -> dict[str, dict]:
    """Manifest entries keyed by file name. A missing manifest is allowed; a broken one is a ManifestError."""
    path = corpus_dir / MANIFEST_NAME
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["documents"] if isinstance(data, dict) else data
        if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("file"), str) for e in entries
        ):
            raise TypeError("each document must be an object with a 'file' name")
        return {e["file"]: e for e in entries}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ManifestError(
            f"{path}: manifest is not valid ({exc}); expected {{'documents': [{{'file': ...}}]}}; "
            "fix or restore it"
        ) from exc


def _extract_cached(path: Path, cache_dir: Path | None, budget: Budget) -> Extracted:
    """Read a paper in a child process under its budget (see ingest.jobs). Extraction depends only on the
    file's bytes, so its result (or its refusal) is cached: every build reads every paper, and a child process
    per paper per build made adding one paper to a 10,000-paper archive take minutes. Plain text is cached too
    (measured: 17 s of a 22 s one-paper build of a 1,000-paper archive was re-reading unchanged papers)."""
    data = path.read_bytes()
    if cache_dir is None:
        return _read(path, data, budget)
    key = hashlib.sha256(data).hexdigest()
    cached = cache_dir / f"text-{key[:32]}-v{EXTRACTOR_VERSION}.json"
    refused = (
        cache_dir / f"text-{key[:32]}-v{EXTRACTOR_VERSION}-refused-{budget.seconds:g}s-{budget.max_chars}.txt"
    )
    if cached.exists():
        try:
            result = Extracted(**json.loads(cached.read_text(encoding="utf-8")))
            os.utime(cached)  # marks it as used by this build (unused entries are pruned)
        except (OSError, ValueError, TypeError):
            pass  # a damaged cache entry is simply redone
        else:
            budget.check_size(path.name, len(result.text))  # the limit may have been lowered since
            return result
    if refused.exists():  # refused before under the same budget: say so again without spending it again
        os.utime(refused)
        raise OverBudget(refused.read_text(encoding="utf-8"))
    try:
        result = _read(path, data, budget)
    except OverBudget as exc:
        cache_dir.mkdir(parents=True, exist_ok=True)
        refused.write_text(str(exc), encoding="utf-8")
        raise
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(".tmp")
    tmp.write_text(json.dumps(result.__dict__), encoding="utf-8")
    tmp.replace(cached)
    return result


def _read(path: Path, data: bytes, budget: Budget) -> Extracted:
    return run(read_paper, (path.name, data, budget.max_chars), name=path.name, budget=budget)


def load_document(
    path: Path,
    entry: dict | None,
    problems: list[str],
    cache_dir: Path | None = None,
    budget: Budget | None = None,
) -> Document | None:
    """Load one paper; problems are collected (not raised) so one bad file never loses the others."""
    from qa_assistant.settings import get_settings

    budget = budget or Budget.from_settings(get_settings())
    try:
        extracted = _extract_cached(path, cache_dir, budget)
    except PaperError as exc:
        problems.append(f"skipped {exc}")
        return None
    except OSError as exc:
        problems.append(f"skipped {path.name}: cannot be read ({exc})")
        return None
    text = extracted.text
    if entry is None:  # no metadata published for it: infer, and say so
        guess = infer(
            text, title_hint=extracted.title_hint, fallback_title=path.stem, extra_text=extracted.full_text
        )
        entry = guess.as_entry()
    entry = clean_entry(entry, path.name, problems)
    meta = DocumentMeta(
        doc_id=path.stem,
        file=path.name,
        title=entry.get("title") or infer_title(text, extracted.title_hint, path.stem),
        committee=entry.get("committee"),
        meeting_date=dt.date.fromisoformat(entry["meeting_date"]) if entry.get("meeting_date") else None,
        kind=entry.get("kind"),
        source_url=entry.get("source_url"),
        date_note=entry.get("date_note"),
        page_starts=extracted.page_starts,
        inferred=entry["inferred"],
    )
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(**meta.model_dump(), text=text, sha256=sha)


def corpus_files(corpus_dir: Path) -> list[Path]:
    return sorted(
        p
        for p in corpus_dir.iterdir()
        if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
    )


def load_corpus(
    corpus_dir: Path,
    cache_dir: Path | None = None,
    budget: Budget | None = None,
    on_paper: Callable[[], None] | None = None,
) -> LoadResult:
    """Load every paper in the folder, each under its budget (on_paper is called after each: progress).
    Raises CorpusError only when nothing usable is there (or the manifest is broken)."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist")
    manifest = read_manifest(corpus_dir)
    problems: list[str] = []
    docs: list[Document] = []
    files = corpus_files(corpus_dir)
    for name in sorted(set(manifest) - {p.name for p in files}):
        problems.append(f"manifest lists {name} but the file is not in {corpus_dir}")
    loaded = _load_all(files, manifest, cache_dir, budget)
    seen: dict[str, str] = {}
    for path, (doc, found) in zip(files, loaded):
        if on_paper is not None:
            on_paper()
        if path.stem in seen:
            problems.append(
                f"skipped {path.name}: {seen[path.stem]} already uses the name {path.stem!r}; rename one"
            )
            continue
        problems += found
        if doc is not None:
            seen[path.stem] = path.name
            docs.append(doc)
    for p in problems:
        log.warning(p)
    if not docs:
        detail = "; ".join(problems) if problems else "no .txt, .md, .html or .pdf files"
        raise CorpusError(f"corpus folder {corpus_dir} holds no usable documents ({detail})")
    return LoadResult(docs, problems)


def _load_all(files: list[Path], manifest: dict, cache_dir: Path | None, budget: Budget | None):
    """(document or None, its problems) for each file, in order. Each paper is read in its own child process, so
    several are read at once (one per core: PDF agenda packs and web pages take most of a first build's reading
    time); a corpus with two files of one name is read in order, since the first readable one claims the name."""
    stems = [p.stem for p in files]
    if len(set(stems)) < len(stems) or len(files) < 2:
        return [_load_one(p, manifest, cache_dir, budget) for p in files]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="qa-read") as pool:
        return list(pool.map(lambda p: _load_one(p, manifest, cache_dir, budget), files))


def _load_one(path: Path, manifest: dict, cache_dir: Path | None, budget: Budget | None):
    problems: list[str] = []
    try:
        return load_document(path, manifest.get(path.name), problems, cache_dir, budget), problems
    except Stopping:
        raise
    except Exception as exc:  # noqa: BLE001 - one paper's unforeseen failure must not lose the others
        log.exception("loading %s failed", path.name)
        return None, [*problems, f"skipped {path.name}: could not be loaded ({type(exc).__name__}: {exc})"]


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
