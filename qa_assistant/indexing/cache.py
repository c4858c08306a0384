"""Per-paper artefacts (passages, quotable sentences, their vectors; figures) cached by content key.

Each entry is written whole or not at all, so a killed build never leaves half an entry; a missing or damaged
entry is simply made again.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa_assistant.indexing import paper_build
from qa_assistant.indexing.layout import MIN_SENTENCE_WORDS, figures_key, passages_key
from qa_assistant.models import Chunk, Document, Figure
from qa_assistant.settings import Settings


@dataclass
class DocArtefacts:
    """One paper's share of the index, with ids local to the paper (renumbered when assembled)."""

    chunks: list[Chunk]
    figures: list[Figure]
    sentences: list[tuple[int, int, int]]  # start, end, local chunk number
    chunk_vectors: np.ndarray
    sentence_vectors: np.ndarray


def entry_names(doc: Document, settings: Settings) -> tuple[str, str]:
    """The cache entries (passages, figures) one paper's artefacts live in."""
    return f"pas-{passages_key(doc, settings)}.npz", f"fig-{figures_key(doc)}.json"


def artefacts(
    doc: Document, settings: Settings, cache: Path, names: tuple[str, str], refusal: Path
) -> tuple[DocArtefacts, bool]:
    """A paper's artefacts from the cache entries `names` (entry_names), computing (and caching) what is
    missing under the paper's budget (paper_build; OverBudget or PaperError when it is refused). Returns
    whether it was embedded now."""
    p_path, f_path = cache / names[0], cache / names[1]
    passages = _load_passages(p_path)
    figures = _load_figures(f_path)
    embedded = passages is None
    if passages is None or figures is None:
        passages, figures = paper_build.process(
            doc, settings, MIN_SENTENCE_WORDS, refusal, passages=passages, figures=figures
        )
        if embedded:
            _save_passages(p_path, *passages)
        _atomic_write(f_path, json.dumps([f.model_dump(mode="json") for f in figures]).encode())
    chunks, sentences, cv, sv = passages
    return DocArtefacts(chunks, figures, sentences, cv, sv), embedded


def prune(cache: Path, keep: set[str], started: float) -> None:
    """Drop per-paper artefacts this build did not use (papers removed or changed, an older reader), and text
    extractions not touched since it started."""
    for entry in cache.iterdir():
        name = entry.name
        unused = name.startswith(("pas-", "fig-", "doc-")) and name not in keep and ".tmp" not in name
        old_refusal = name.startswith("refused-") and f"refused-{name.split('-')[1]}" not in keep
        old_text = name.startswith("text-") and entry.stat().st_mtime < started - 1
        if unused or old_refusal or old_text:
            entry.unlink(missing_ok=True)


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + f".{uuid.uuid4().hex[:6]}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)  # whole or absent: a killed build never leaves half an entry


def _save_passages(path: Path, chunks, sentences, chunk_vectors, sentence_vectors) -> None:
    meta = json.dumps({"chunks": [c.model_dump() for c in chunks], "sentences": sentences})
    tmp = path.with_name(path.name + ".tmp.npz")
    meta_bytes = np.frombuffer(meta.encode(), dtype=np.uint8)
    np.savez(tmp, chunk_vectors=chunk_vectors, sentence_vectors=sentence_vectors, meta=meta_bytes)
    os.replace(tmp, path)


def _load_passages(path: Path):
    try:
        with np.load(path) as z:
            meta = json.loads(z["meta"].tobytes().decode())
            chunks = [Chunk(**c) for c in meta["chunks"]]
            return chunks, [tuple(x) for x in meta["sentences"]], z["chunk_vectors"], z["sentence_vectors"]
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or damaged: the paper is simply processed again


def _load_figures(path: Path) -> list[Figure] | None:
    try:
        return [Figure(**f) for f in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError, KeyError, TypeError):
        return None
