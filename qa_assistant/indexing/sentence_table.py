"""The quotable sentences of the index: where each is (paper, character span, passage), in compact arrays.

At archive scale there are about ten sentences per passage (a million for 100,000 passages), too many for a
list of tuples in every server worker. They are kept as one int64 array, read from disk as a memory map, with
paper ids in a short list; rows are in passage order, so a passage's or a paper's sentences are one slice.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np

SentenceSpan = tuple[str, int, int, int]  # doc_id, start, end, chunk_id


class SentenceTable:
    """Rows of (paper, start, end, passage), readable like a list of tuples."""

    def __init__(self, doc_ids: list[str], rows: np.ndarray) -> None:
        self.doc_ids = doc_ids
        self.rows = rows  # shape (n, 4): paper number, start, end, chunk id; chunk ids never decrease
        self._doc_ranges: dict[str, range] | None = None

    @classmethod
    def of(cls, spans: list[SentenceSpan]) -> SentenceTable:
        doc_ids: list[str] = []
        number: dict[str, int] = {}
        for d, *_ in spans:
            if d not in number:
                number[d] = len(doc_ids)
                doc_ids.append(d)
        rows = np.array([(number[d], s, e, c) for d, s, e, c in spans], dtype=np.int64).reshape(-1, 4)
        return cls(doc_ids, rows)

    @classmethod
    def joined(cls, first: SentenceTable, then: SentenceTable) -> SentenceTable:
        """first's rows, then then's (whose papers are not in first), paper numbers shifted to match."""
        rows = np.asarray(then.rows).copy()
        rows[:, 0] += len(first.doc_ids)
        return cls(first.doc_ids + then.doc_ids, np.vstack([np.asarray(first.rows), rows]))

    def save(self, folder: Path, name: str) -> None:
        np.save(folder / f"{name}.npy", self.rows)
        (folder / f"{name}.json").write_text(json.dumps(self.doc_ids))

    @classmethod
    def load(cls, folder: Path, name: str) -> SentenceTable:
        rows = np.load(folder / f"{name}.npy", mmap_mode="r")
        doc_ids = json.loads((folder / f"{name}.json").read_text())
        if rows.ndim != 2 or rows.shape[1] != 4 or (len(rows) and np.any(np.diff(rows[:, 3]) < 0)):
            raise ValueError("sentence table is not in passage order")
        return cls(doc_ids, rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, row: int) -> SentenceSpan:
        d, s, e, c = self.rows[row].tolist()
        return self.doc_ids[d], s, e, c

    def __iter__(self) -> Iterator[SentenceSpan]:
        for row in range(len(self.rows)):
            yield self[row]

    def of_chunk(self, chunk_id: int) -> range:
        """Rows of the sentences inside one passage."""
        column = self.rows[:, 3]
        return range(
            int(np.searchsorted(column, chunk_id, "left")), int(np.searchsorted(column, chunk_id, "right"))
        )

    def of_doc(self, doc_id: str) -> range:
        """Rows of one paper's sentences, in text order."""
        if self._doc_ranges is None:  # made on first use: one pass over the paper column
            column = np.asarray(self.rows[:, 0])
            starts = [0, *(np.flatnonzero(np.diff(column)) + 1).tolist()]
            ends = [*starts[1:], len(column)]
            self._doc_ranges = {
                self.doc_ids[int(column[s])]: range(s, e) for s, e in zip(starts, ends) if e > s
            }
        return self._doc_ranges.get(doc_id, range(0))
