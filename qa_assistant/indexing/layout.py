"""Where the index lives on disk and what it depends on: file names, format version, fingerprints.

A build is stale when the fingerprint of what it was built from (corpus bytes, the figure reader's data and
code, the model, chunking) differs from the one in its meta.json; per-paper artefacts are cached under keys
made the same way, so only what changed is redone.
"""

from __future__ import annotations

import ast
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from qa_assistant.indexing import embedding
from qa_assistant.ingest.documents import corpus_fingerprint
from qa_assistant.models import Document
from qa_assistant.settings import DATA_DIR, PACKAGE_DIR, Settings

FORMAT_VERSION = 8
CURRENT = "current"
META = "meta.json"
STORE = "store.sqlite"
DENSE = "dense.faiss"
BM25_DIR = "bm25"  # lexical_index arrays
SENTENCES = "sentences.npy"
SENTENCE_SPANS = "sentence_spans"  # .npy rows and .json paper ids (sentence_table)
CACHE = "cache"  # per-paper artefacts keyed by content, reused across builds
MIN_SENTENCE_WORDS = (
    5  # shorter fragments (headings, "NOTED") are never quoted as answers, but for a labelled line
)
# ("Vice-Chair: Councillor J Walker", "Date: 15 February 2021"): a fact in few words (indexing/cutting.py)
FIGURES_VERSION = "1"  # bump when how figures are stored changes (the reader's code is fingerprinted anyway)
PASSAGES_VERSION = "2"  # bump when chunking, sentence selection or how vectors are made changes
# The code that turns papers into text, passages and figures: these modules and every package module they
# import (found by reading their import statements), so editing answer-time code re-reads nothing.
READER_ENTRIES = (
    "qa_assistant.ingest.reading",
    "qa_assistant.ingest.formats",
    "qa_assistant.indexing.cutting",
    "qa_assistant.text.chunking",
    "qa_assistant.figures.candidates",
)


class IndexUnavailable(Exception):
    """The index cannot be used; the message says why and what to run."""


def current_path(settings: Settings) -> Path:
    return settings.index_dir / CURRENT


def cache_dir(settings: Settings) -> Path:
    return settings.index_dir / CACHE


def _hash_files(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


# The data the figure reader reads; editing any of it re-extracts figures. (weights.json is read only when
# answering, so tuning a weight leaves the index as it is.)
READER_DATA = ("concepts.json", "council.json", "lexicon.json", "places.json")


def data_fingerprint() -> str:
    """The figure reader's data (READER_DATA): editing any of it re-extracts figures."""
    return _hash_files([DATA_DIR / name for name in READER_DATA])


@lru_cache(maxsize=1)
def reader_fingerprint() -> str:
    """The code that turns papers into text and figures: changing it re-reads them (vectors are re-made only for
    papers whose text changed)."""
    return _hash_files(reader_sources())


@lru_cache(maxsize=1)
def passages_code_fingerprint() -> str:
    """The code that cuts a paper into passages and sentences (text/chunking.py and the sentence splitter it
    imports): changing it re-cuts papers and re-makes their vectors, with no version to bump by hand. The figure
    reader and the records (models.py) are left out, so changing them keeps the vectors; a change to which
    sentences are quotable (cutting.quotable) still bumps PASSAGES_VERSION."""
    return _hash_files(passage_sources())


def passage_sources() -> list[Path]:
    """The modules passages_code_fingerprint hashes."""
    return [p for p in reader_sources(("qa_assistant.text.chunking",)) if p.name != "models.py"]


def reader_sources(entries: tuple[str, ...] = READER_ENTRIES) -> list[Path]:
    """The reader's modules: the entries (READER_ENTRIES) and every qa_assistant module they import, directly
    or not."""
    seen: set[Path] = set()
    todo = [_module_file(m) for m in entries]
    while todo:
        path = todo.pop()
        if path is None or path in seen or path.name == "settings.py":
            # the reader takes only DATA_DIR from settings; the data files are fingerprinted (READER_DATA)
            continue
        seen.add(path)
        todo += [_module_file(m) for m in _package_imports(path)]
    return sorted(seen)


def _module_file(name: str) -> Path | None:
    base = PACKAGE_DIR.parent.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _package_imports(path: Path) -> set[str]:
    """qa_assistant modules a file imports, at top level or inside functions ("from a import b" may name
    module a.b or a name in a: both are tried)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("qa_assistant"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("qa_assistant"))
    return found


def build_salt(settings: Settings) -> str:
    """What every artefact depends on besides the papers: figure-reading data, model, how passages and their
    vectors are made, format, chunking."""
    parts = [data_fingerprint(), reader_fingerprint(), embedding.MODEL_SHA256, embedding.variant()]
    parts.append(f"p{PASSAGES_VERSION}")
    parts.append(settings.sentence_vectors)
    parts.append(f"v{FORMAT_VERSION}")
    return "|".join([*parts, f"chunk{settings.chunk_max_words}/{settings.chunk_min_words}"])


def expected_fingerprint(settings: Settings) -> str:
    """Everything the built artefacts depend on: corpus bytes plus the build salt."""
    both = f"{corpus_fingerprint(settings.corpus_dir)}|{build_salt(settings)}"
    return hashlib.sha256(both.encode()).hexdigest()


def _short_hash(parts: list[str]) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:40]


def passages_key(doc: Document, settings: Settings) -> str:
    """What a paper's passages and vectors depend on: its text and pages, chunking, the model (and its precision)
    and how sentence vectors are made."""
    chunking = f"chunk{settings.chunk_max_words}/{settings.chunk_min_words}"
    return _short_hash(
        [doc.text, json.dumps(doc.page_starts), chunking, embedding.MODEL_SHA256, embedding.variant()]
        + [PASSAGES_VERSION, passages_code_fingerprint()]
        + [str(MIN_SENTENCE_WORDS), settings.sentence_vectors]
    )


def figures_key(doc: Document) -> str:
    """What a paper's figures depend on: its text and metadata, the reader's data and code."""
    return _short_hash([doc.model_dump_json(), data_fingerprint(), reader_fingerprint(), FIGURES_VERSION])


def doc_key(doc: Document, salt: str) -> str:
    """Everything one paper's artefacts depend on: its text and metadata, plus the build salt."""
    return _short_hash([doc.model_dump_json(), salt, reader_fingerprint()])
