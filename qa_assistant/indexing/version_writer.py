"""A full build's papers written into the new version as they are assembled, so the build's memory does not
grow with the archive.

Each paper's rows go to SQLite, its passage and sentence vectors to flat files, its BM25 postings to compact
arrays, as soon as it is assembled; at the end the dense index is made from the vector file (in blocks) and
the vector files become .npy arrays. What stays in memory is what the finished index needs anyway.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import faiss
import numpy as np

from qa_assistant.indexing import embedding
from qa_assistant.indexing.assembly import Assembly
from qa_assistant.indexing.dense import dense_index
from qa_assistant.indexing.layout import BM25_DIR, DENSE, SENTENCE_SPANS, SENTENCES, STORE
from qa_assistant.indexing.lexical_index import LexicalBuilder
from qa_assistant.indexing.sentence_table import SentenceTable
from qa_assistant.indexing.store import SCHEMA, insert_rows
from qa_assistant.settings import Settings
from qa_assistant.text.lexical import tokenize

_BLOCK = 65_536  # vector rows moved at a time
_CHUNK_VECTORS = ".chunk_vectors.f32"
_SENTENCE_VECTORS = ".sentence_vectors.f32"


class StreamingAssembly(Assembly):
    """An Assembly that writes each paper into the version folder instead of keeping it."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self._store: sqlite3.Connection | None = sqlite3.connect(folder / STORE)
        # an unpublished folder: a crash discards it whole, so no journal and no waiting on the disk per paper
        self._store.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        self._chunk_file = open(folder / _CHUNK_VECTORS, "wb")  # noqa: SIM115 - open for the whole build
        self._sentence_file = open(folder / _SENTENCE_VECTORS, "wb")  # noqa: SIM115
        self._lexical = LexicalBuilder()
        self._spans: list[tuple[str, int, int, int]] = []

    def keep(self, doc, chunks, figures, sentences, chunk_vectors, sentence_vectors) -> None:
        insert_rows(self._store, [doc], chunks, figures)
        self._chunk_file.write(np.ascontiguousarray(chunk_vectors, dtype=np.float32).tobytes())
        self._sentence_file.write(np.ascontiguousarray(sentence_vectors, dtype=np.float32).tobytes())
        self._lexical.add(tokenize([c.text for c in chunks]))
        self._spans += sentences

    def finish(self, settings: Settings) -> None:
        """Write the dense index, BM25 index, sentence vectors and sentence table; remove the flat files."""
        self.close()
        chunk_vectors = _flat(self.folder / _CHUNK_VECTORS, self.chunk_count)
        faiss.write_index(dense_index(chunk_vectors, settings), str(self.folder / DENSE))
        del chunk_vectors
        self._lexical.finish().save(self.folder / BM25_DIR)
        _to_npy(self.folder / _SENTENCE_VECTORS, len(self._spans), self.folder / SENTENCES)
        SentenceTable.of(self._spans).save(self.folder, SENTENCE_SPANS)
        for name in (_CHUNK_VECTORS, _SENTENCE_VECTORS):
            (self.folder / name).unlink(missing_ok=True)

    def close(self) -> None:
        """Finish the store and the vector files (also when the build stops early)."""
        if self._store is not None:
            self._store.commit()
            self._store.close()
            self._store = None
        self._chunk_file.close()
        self._sentence_file.close()


def _flat(path: Path, rows: int) -> np.ndarray:
    if rows == 0:
        return np.zeros((0, embedding.MODEL_DIM), dtype=np.float32)
    return np.memmap(path, dtype=np.float32, mode="r", shape=(rows, embedding.MODEL_DIM))


def _to_npy(path: Path, rows: int, target: Path) -> None:
    write_npy_rows(target, rows, embedding.MODEL_DIM, [(path, 0)])


def write_npy_rows(
    target: Path, rows: int, width: int, sources: list[tuple[Path, int]], tail: np.ndarray | None = None
) -> None:
    """A float32 .npy of rows x width: the raw rows of each source file (from its byte offset), then `tail`,
    copied as bytes (no memory map: page cache must not count as the build's memory)."""
    header = {"descr": "<f4", "fortran_order": False, "shape": (rows, width)}
    with open(target, "wb") as out:
        np.lib.format.write_array_header_1_0(out, header)
        for source, offset in sources:
            with open(source, "rb") as raw:
                raw.seek(offset)
                shutil.copyfileobj(raw, out, _BLOCK * 16)
        if tail is not None:
            out.write(tail.tobytes())
