"""Feedback on answers ("helpful" / "wrong", with an optional comment), kept in its own SQLite file.

The file lives outside index/ (builds replace that folder) so feedback survives rebuilds; every entry is
committed before the request is answered, so none is lost on a restart. The same file holds a short rolling
log of request times per client (an address hashed with a random salt, never the address itself) so every
worker process applies one rate limit. Entries become candidate eval cases for a maintainer to confirm.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, verdict TEXT NOT NULL, question TEXT NOT NULL,
    history TEXT NOT NULL, answer_kind TEXT, answer_text TEXT NOT NULL, answer TEXT NOT NULL, comment TEXT NOT NULL,
    index_version TEXT
);
CREATE TABLE IF NOT EXISTS hits (client TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS hits_by_client ON hits(client, at);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

MAX_TEXT = 20_000  # an answer's text (timelines with quotes run to a few thousand characters)
MAX_ITEMS = 30


def _clean(text: str) -> str:
    """Printable characters only (newlines and tabs kept): comments are shown in terminals and pages."""
    return "".join(ch for ch in text if ch.isprintable() or ch in "\n\t").strip()


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_max_length=MAX_TEXT)


class FigureGiven(_Strict):
    value_text: str = Field(max_length=200)
    as_of: str | None = Field(default=None, max_length=200, description="As-of label")
    as_of_end: dt.date | None = None
    doc_id: str | None = Field(default=None, max_length=200)


class SourceGiven(_Strict):
    doc_id: str = Field(max_length=200)
    quote_start: int = Field(ge=0)
    quote_end: int = Field(ge=0)
    page: int | None = Field(default=None, ge=1)


class AnswerGiven(_Strict):
    """What the page showed, as the page sends it back (the maintainer checks it against the sources)."""

    kind: Literal["figure", "timeline", "entity", "general", "not_found"]
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    figures: list[FigureGiven] = Field(default_factory=list, max_length=MAX_ITEMS)
    entities: list[str] = Field(default_factory=list, max_length=MAX_ITEMS)
    sources: list[SourceGiven] = Field(default_factory=list, max_length=MAX_ITEMS)


class FeedbackIn(_Strict):
    verdict: Literal["helpful", "wrong"]
    question: str = Field(min_length=1, max_length=2000)
    history: list[str] = Field(default_factory=list, max_length=6)
    answer: AnswerGiven
    comment: str = Field(default="", description="Optional; bounded by settings.feedback_max_comment_chars")

    @field_validator("question", "comment")
    @classmethod
    def _printable(cls, v: str) -> str:
        return _clean(v)

    @field_validator("question")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v:
            raise ValueError("the question is empty")
        return v

    @field_validator("history")
    @classmethod
    def _short_history(cls, v: list[str]) -> list[str]:
        if any(len(h) > 2000 for h in v):
            raise ValueError("an earlier question is over 2,000 characters")
        return [_clean(h) for h in v]


class FeedbackEntry(BaseModel):
    id: int
    created_at: str
    verdict: str
    question: str
    history: list[str]
    answer: AnswerGiven
    comment: str
    index_version: str | None


class FeedbackStore:
    """One SQLite file; a connection per call (cheap, and safe across threads and worker processes)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            con.execute("PRAGMA synchronous=FULL")
            con.executescript(SCHEMA)
            yield con
        finally:
            con.close()

    def _salt(self, con: sqlite3.Connection) -> str:
        con.execute("INSERT OR IGNORE INTO settings VALUES ('salt', ?)", (secrets.token_hex(16),))
        return con.execute("SELECT value FROM settings WHERE key = 'salt'").fetchone()[0]

    def allow(self, client: str, limit: int, window: float, now: float | None = None) -> bool:
        """Count one request from a client; False once it has made `limit` in the last `window` seconds."""
        now = time.time() if now is None else now
        with self._db() as con:
            # one writer at a time: workers never both pass the limit's last slot
            con.execute("BEGIN IMMEDIATE")
            try:
                key = hashlib.sha256(f"{self._salt(con)}|{client}".encode()).hexdigest()[:24]
                con.execute("DELETE FROM hits WHERE at < ?", (now - window,))
                (count,) = con.execute("SELECT COUNT(*) FROM hits WHERE client = ?", (key,)).fetchone()
                allowed = count < limit
                if allowed:
                    con.execute("INSERT INTO hits VALUES (?, ?)", (key, now))
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return allowed

    def add(self, item: FeedbackIn, index_version: str | None = None) -> int:
        created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._db() as con:
            cur = con.execute(
                "INSERT INTO feedback (created_at, verdict, question, history, answer_kind, answer_text, answer, "
                "comment, index_version) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    created,
                    item.verdict,
                    item.question,
                    json.dumps(item.history),
                    item.answer.kind,
                    item.answer.text,
                    item.answer.model_dump_json(),
                    item.comment,
                    index_version,
                ),
            )
            return int(cur.lastrowid)

    def entries(
        self, verdict: str | None = None, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[FeedbackEntry]]:
        """Newest first, with the total count (before paging)."""
        if not self.path.exists():
            return 0, []
        where, args = ("WHERE verdict = ?", [verdict]) if verdict else ("", [])
        with self._db() as con:
            (total,) = con.execute(f"SELECT COUNT(*) FROM feedback {where}", args).fetchone()
            rows = con.execute(
                f"SELECT id, created_at, verdict, question, history, answer, comment, index_version "
                f"FROM feedback {where} ORDER BY id DESC LIMIT ? OFFSET ?",
                [*args, limit, offset],
            )
            entries = [
                FeedbackEntry(
                    id=r[0],
                    created_at=r[1],
                    verdict=r[2],
                    question=r[3],
                    history=json.loads(r[4]),
                    answer=AnswerGiven.model_validate_json(r[5]),
                    comment=r[6],
                    index_version=r[7],
                )
                for r in rows
            ]
        return total, entries


_CASE_TYPES = {
    "figure": "number",
    "timeline": "timeline",
    "entity": "entity",
    "general": "text",
    "not_found": "not_found",
}


def candidate_case(e: FeedbackEntry) -> dict:
    """An eval case (evals/qa.jsonl fields) drafted from feedback. 'helpful' entries expect what was given; 'wrong'
    ones leave `expected` empty for the maintainer to fill from the papers before confirming it into evals/."""
    a = e.answer
    case: dict = {
        "id": f"feedback-{e.id}",
        "question": e.question,
        "type": _CASE_TYPES[a.kind],
        "expected": None,
    }
    if e.history:
        case["history"] = e.history
    if e.verdict == "helpful":
        if a.figures:
            case["expected"] = a.figures[0].value_text
            if a.figures[0].as_of_end:
                case["as_of"] = a.figures[0].as_of_end.isoformat()
        elif a.entities:
            case["expected"] = a.entities[0]
    if a.sources:
        case["doc"] = a.sources[0].doc_id
    note = f"from feedback {e.id} ({e.verdict}, {e.created_at})" + (f": {e.comment}" if e.comment else "")
    case |= {
        "note": note,
        "status": "candidate: confirm 'expected' against the papers before adding to evals/",
        "verdict": e.verdict,
        "comment": e.comment,
        "answer_given": a.text,
    }
    return case
