"""The index's figures, read from its SQLite store when a question needs them.

A 100,000-passage archive holds half a million figures; as objects in every server worker they would take
gigabytes. So a worker keeps only the compact look-up tables (figures.lookup) and reads the figures a question
checks from SQLite by id, keeping the most recently used in memory. A small index (up to
QA_FIGURES_IN_MEMORY figures) is read whole at load, as before.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path

from qa_assistant.indexing.store import FIGURE_COLUMNS, FIGURE_SELECT, figure_of, iter_figures
from qa_assistant.models import Figure

_FETCH = 500  # ids per SELECT ... IN (...)
# What the look-up tables need of every figure: no text, no objects.
KEY_COLUMNS = ("figure_id", "doc_id", "concept_id", "sentence_start", "terms", "context_terms")
KEY_SQL = f"SELECT {', '.join(KEY_COLUMNS)}, as_of_start, as_of_end FROM figures ORDER BY figure_id"


class FigureStore:
    """Figures by id (a sequence: len, [i], iteration in id order), cached most recently used first."""

    def __init__(self, path: Path, in_memory: int, cache_size: int) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._cache: OrderedDict[int, Figure] = OrderedDict()
        self._cache_size = cache_size
        self.count = self._connection().execute("SELECT COUNT(*) FROM figures").fetchone()[0]
        self._all: list[Figure] | None = list(iter_figures(self.path)) if self.count <= in_memory else None

    def _connection(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:  # one per thread: FastAPI answers on a pool of threads
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, figure_id: int) -> Figure:
        return self.many([figure_id])[0]

    def __iter__(self) -> Iterator[Figure]:
        return iter(self._all) if self._all is not None else iter_figures(self.path)

    def many(self, ids: Iterable[int]) -> list[Figure]:
        """The figures with these ids, in the order given."""
        ids = list(ids)
        if self._all is not None:
            return [self._all[i] for i in ids]
        with self._lock:
            found = {i: self._cache[i] for i in ids if i in self._cache}
            for i in found:
                self._cache.move_to_end(i)
        missing = [i for i in dict.fromkeys(ids) if i not in found]
        for start in range(0, len(missing), _FETCH):
            part = missing[start : start + _FETCH]
            marks = ",".join("?" * len(part))
            sql = f"{FIGURE_SELECT} WHERE figure_id IN ({marks})"
            for row in self._connection().execute(sql, part):
                f = figure_of(dict(zip(FIGURE_COLUMNS, row)))
                found[f.figure_id] = f
            self._remember(found, part)
        return [found[i] for i in ids]

    def _remember(self, found: dict[int, Figure], ids: list[int]) -> None:
        with self._lock:
            for i in ids:
                self._cache[i] = found[i]
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)

    def keys(self) -> Iterator[tuple]:
        """(figure_id, doc_id, concept_id, sentence_start, terms JSON, context_terms JSON, as_of_start,
        as_of_end) of every figure in id order: what the look-up tables are built from."""
        con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        try:
            yield from con.execute(KEY_SQL)
        finally:
            con.close()
