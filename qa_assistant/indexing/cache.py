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
from qa_assistant.indexing.layout import figures_key, passages_key
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


def load(cache: Path, names: tuple[str, str]):
    """A paper's cached passages (with vectors) and figures from entries `names` (entry_names); None for each
    that is missing or damaged (it is made again)."""
    return _load_passages(cache / names[0]), _load_figures(cache / names[1])


def save(cache: Path, names: tuple[str, str], work: paper_build.PaperWork) -> None:
    """Store what this build made for a paper (passages with vectors, figures), each entry whole."""
    if work.made_passages:
        _save_passages(cache / names[0], *work.passages)
    if work.made_figures:
        _atomic_write(
            cache / names[1], json.dumps([f.model_dump(mode="json") for f in work.figures]).encode()
        )


def has(cache: Path, names: tuple[str, str]) -> bool:
    """Whether both of a paper's entries are in the cache (a damaged one is found, and remade, when read)."""
    return (cache / names[0]).exists() and (cache / names[1]).exists()


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
