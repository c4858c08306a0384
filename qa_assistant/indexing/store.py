"""SQLite store of documents, chunks and figures: the index's source of truth for text and metadata."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from qa_assistant.models import AsOf, Chunk, Document, DocumentMeta, Figure

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
    figure_id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id), concept_id TEXT,
    concept_label TEXT, concept_terms TEXT NOT NULL, terms TEXT NOT NULL, context_terms TEXT NOT NULL,
    aliases TEXT NOT NULL,
    phrase TEXT NOT NULL, counted TEXT NOT NULL, phrase_start INTEGER, phrase_end INTEGER, context TEXT NOT NULL,
    value_text TEXT NOT NULL, value REAL NOT NULL, value_high REAL, unit TEXT NOT NULL, subject TEXT NOT NULL,
    subject_name TEXT NOT NULL, kind TEXT NOT NULL, layout TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    as_of_start TEXT, as_of_end TEXT, as_of TEXT NOT NULL
);
CREATE INDEX figures_by_concept ON figures(concept_id, unit, subject, as_of_end);
CREATE INDEX figures_by_doc ON figures(doc_id);
"""


def append_store(path: Path, docs: list[Document], chunks: list[Chunk], figures: list[Figure]) -> None:
    """Add papers, passages and figures (ids already numbered after the store's own) to a store."""
    con = sqlite3.connect(path)
    try:
        insert_rows(con, docs, chunks, figures)
        con.commit()
    finally:
        con.close()


def insert_rows(
    con: sqlite3.Connection, docs: list[Document], chunks: list[Chunk], figures: list[Figure]
) -> None:
    """Insert papers, passages and figures through an open connection (the caller commits)."""
    con.executemany(
        "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                d.doc_id,
                d.file,
                d.title,
                d.committee,
                d.meeting_date.isoformat() if d.meeting_date else None,
                d.kind,
                d.source_url,
                d.date_note,
                d.sha256,
                d.text,
                json.dumps(d.page_starts),
                json.dumps(d.inferred),
            )
            for d in docs
        ],
    )
    con.executemany(
        "INSERT INTO chunks VALUES (?,?,?,?,?,?)",
        [(c.chunk_id, c.doc_id, c.ord, c.start, c.end, c.text) for c in chunks],
    )
    columns = ", ".join(f'"{c}"' for c in FIGURE_COLUMNS)
    marks = ", ".join("?" * len(FIGURE_COLUMNS))
    con.executemany(
        f"INSERT INTO figures ({columns}) VALUES ({marks})",
        [_figure_row(f) for f in figures],
    )


_LIST_COLUMNS = ("concept_terms", "terms", "context_terms", "aliases")
FIGURE_COLUMNS = (
    "figure_id",
    "doc_id",
    "concept_id",
    "concept_label",
    "concept_terms",
    "terms",
    "context_terms",
    "aliases",
    "phrase",
    "counted",
    "phrase_start",
    "phrase_end",
    "context",
    "value_text",
    "value",
    "value_high",
    "unit",
    "subject",
    "subject_name",
    "kind",
    "layout",
    "start",
    "end",
    "sentence_start",
    "sentence_end",
    "as_of_start",
    "as_of_end",
    "as_of",
)


def _figure_row(f: Figure) -> tuple:
    data = f.model_dump(mode="json")
    data["as_of_start"] = f.as_of.start.isoformat() if f.as_of.start else None
    data["as_of_end"] = f.as_of.end.isoformat() if f.as_of.end else None
    data["as_of"] = f.as_of.model_dump_json()
    for c in _LIST_COLUMNS:
        data[c] = json.dumps(data[c])
    return tuple(data[c] for c in FIGURE_COLUMNS)


def figure_of(row: dict) -> Figure:
    row = {k: v for k, v in row.items() if k not in ("as_of_start", "as_of_end")}
    row["as_of"] = AsOf(**json.loads(row["as_of"]))
    for c in _LIST_COLUMNS:
        row[c] = json.loads(row[c])
    return Figure(**row)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def read_store(path: Path) -> tuple[list[Document], list[Chunk]]:
    """Read papers and passages into memory (answers must be fast); figures are read on demand
    (iter_figures, indexing.figure_store)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        docs = [
            Document(
                doc_id=r[0],
                file=r[1],
                title=r[2],
                committee=r[3],
                meeting_date=_date(r[4]),
                kind=r[5],
                source_url=r[6],
                date_note=r[7],
                sha256=r[8],
                text=r[9],
                page_starts=json.loads(r[10]),
                inferred=json.loads(r[11]),
            )
            for r in con.execute("SELECT * FROM documents ORDER BY doc_id")
        ]
        chunks = [
            Chunk(chunk_id=r[0], doc_id=r[1], ord=r[2], start=r[3], end=r[4], text=r[5])
            for r in con.execute("SELECT * FROM chunks ORDER BY chunk_id")
        ]
    finally:
        con.close()
    return docs, chunks


FIGURE_SELECT = "SELECT " + ", ".join(f'"{c}"' for c in FIGURE_COLUMNS) + " FROM figures"


def iter_figures(path: Path) -> Iterator[Figure]:
    """Every figure of a store, in id order, read as it is iterated."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for row in con.execute(f"{FIGURE_SELECT} ORDER BY figure_id"):
            yield figure_of(dict(zip(FIGURE_COLUMNS, row)))
    finally:
        con.close()


def meta_of(doc: Document) -> DocumentMeta:
    return DocumentMeta(**doc.model_dump(exclude={"text", "sha256"}))
