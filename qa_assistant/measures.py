"""The catalogue of measures (data/measures.json) and finding where a paper names one.

The catalogue is data, not code: adding a synonym is an edit to the JSON, which changes the index
fingerprint so the next start re-extracts figures.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CATALOGUE_PATH = Path(__file__).parent / "data" / "measures.json"


@dataclass(frozen=True)
class Measure:
    id: str
    label: str
    units: tuple[str, ...]
    description: str
    synonyms: tuple[str, ...]
    forward_only: frozenset[str]

    @property
    def headline_unit(self) -> str:
        return self.units[0]


@dataclass(frozen=True)
class MeasureMention:
    start: int
    end: int
    measure_id: str
    phrase: str
    forward_only: bool


def _pattern(phrase: str) -> re.Pattern[str]:
    words = re.split(r"[\s\-]+", phrase.strip())
    body = r"[\s\-]+".join(re.escape(w) for w in words).replace("'", "['’]")
    if re.fullmatch(r"[A-Z]{2,4}", phrase):  # acronyms: exact case, whole word
        return re.compile(rf"(?<![\w-]){body}(?![\w-])")
    tail = r"s?" if words[-1][-1:].isalpha() else ""
    return re.compile(rf"(?<![\w-]){body}{tail}(?![\w-])", re.I)


@lru_cache(maxsize=1)
def load_catalogue() -> tuple[Measure, ...]:
    data = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))
    return tuple(
        Measure(
            id=m["id"], label=m["label"], units=tuple(m["units"]), description=m.get("description", m["label"]),
            synonyms=tuple(dict.fromkeys([*m["synonyms"], *m.get("forward_only", [])])),
            forward_only=frozenset(m.get("forward_only", [])),
        )
        for m in data["measures"]
    )


@lru_cache(maxsize=1)
def measures_by_id() -> dict[str, Measure]:
    return {m.id: m for m in load_catalogue()}


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[re.Pattern[str], Measure, str]]:
    pats = [(_pattern(s), m, s) for m in load_catalogue() for s in m.synonyms]
    return sorted(pats, key=lambda p: -len(p[2]))  # longest phrase first wins a contested place


def catalogue_fingerprint() -> str:
    return hashlib.sha256(CATALOGUE_PATH.read_bytes()).hexdigest()


def find_measure_mentions(text: str) -> list[MeasureMention]:
    """Non-overlapping mentions of catalogue phrases, longest phrase winning, in text order."""
    taken = bytearray(len(text) + 1)
    found: list[MeasureMention] = []
    for pattern, measure, phrase in _compiled():
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            found.append(MeasureMention(s, e, measure.id, phrase, phrase in measure.forward_only))
    return sorted(found, key=lambda x: x.start)
