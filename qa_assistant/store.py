"""SQLite store of documents, chunks and figures: the index's source of truth for text and metadata."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from .models import AsOf, Chunk, Document, DocumentMeta, Figure

SCHEMA = """
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY, file TEXT NOT NULL, title TEXT NOT NULL, committee TEXT, meeting_date TEXT,
    kind TEXT, source_url TEXT, date_note TEXT, sha256 TEXT NOT NULL, text TEXT NOT NULL,
    page_starts TEXT NOT NULL, inferred TEXT NOT NULL
);
CREATE TABLE chunks (
    chunk_id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id), ord INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE TABLE figures (
    figure_id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id), measure_id TEXT NOT NULL,
    measure_label TEXT NOT NULL, value_text TEXT NOT NULL, value REAL NOT NULL, value_high REAL, unit TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    as_of TEXT NOT NULL
);
CREATE INDEX figures_by_measure ON figures(measure_id);
"""


def write_store(path: Path, docs: list[Document], chunks: list[Chunk], figures: list[Figure]) -> None:
    con = sqlite3.connect(path)
    try:
        con.executescript(SCHEMA)
        con.executemany(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (d.doc_id, d.file, d.title, d.committee, d.meeting_date.isoformat() if d.meeting_date else None,
                 d.kind, d.source_url, d.date_note, d.sha256, d.text, json.dumps(d.page_starts),
                 json.dumps(d.inferred))
                for d in docs
            ],
        )
        con.executemany(
            "INSERT INTO chunks VALUES (?,?,?,?,?,?)",
            [(c.chunk_id, c.doc_id, c.ord, c.start, c.end, c.text) for c in chunks],
        )
        con.executemany(
            "INSERT INTO figures VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (f.figure_id, f.doc_id, f.measure_id, f.measure_label, f.value_text, f.value, f.value_high, f.unit,
                 f.start, f.end, f.sentence_start, f.sentence_end, f.as_of.model_dump_json())
                for f in figures
            ],
        )
        con.commit()
    finally:
        con.close()


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def read_store(path: Path) -> tuple[list[Document], list[Chunk], list[Figure]]:
    """Read everything into memory; the corpus is small and answers must be fast."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        docs = [
            Document(doc_id=r[0], file=r[1], title=r[2], committee=r[3], meeting_date=_date(r[4]), kind=r[5],
                     source_url=r[6], date_note=r[7], sha256=r[8], text=r[9],
                     page_starts=json.loads(r[10]), inferred=json.loads(r[11]))
            for r in con.execute("SELECT * FROM documents ORDER BY doc_id")
        ]
        chunks = [
            Chunk(chunk_id=r[0], doc_id=r[1], ord=r[2], start=r[3], end=r[4], text=r[5])
            for r in con.execute("SELECT * FROM chunks ORDER BY chunk_id")
        ]
        figures = [
            Figure(figure_id=r[0], doc_id=r[1], measure_id=r[2], measure_label=r[3], value_text=r[4], value=r[5],
                   value_high=r[6], unit=r[7], start=r[8], end=r[9], sentence_start=r[10], sentence_end=r[11],
                   as_of=AsOf(**json.loads(r[12])))
            for r in con.execute("SELECT * FROM figures ORDER BY figure_id")
        ]
    finally:
        con.close()
    return docs, chunks, figures


def meta_of(doc: Document) -> DocumentMeta:
    return DocumentMeta(**doc.model_dump(exclude={"text", "sha256"}))
