"""Eval cases: one JSON object per line (see evals/README.md for the fields)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path

TYPES = ("number", "entity", "text", "timeline", "not_found")


@dataclass
class Case:
    id: str
    question: str
    type: str  # number | entity | text | timeline | not_found
    expected: str | list[str] | None = None
    as_of: str | None = None  # ISO date inside the expected as-of period
    doc: str | None = None  # expected source document id (or its prefix)
    evidence: str | None = None  # text the right passage holds (defaults to expected)
    history: list[str] = field(default_factory=list)
    trap: str | None = None
    note: str | None = None
    url: str | None = None


_KNOWN = {f.name for f in fields(Case)}


class CaseError(ValueError):
    """A case file line is not a valid case; the message names the file and line."""


def load_cases(path: Path) -> list[Case]:
    cases: list[Case] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            case = Case(**{k: v for k, v in data.items() if k in _KNOWN})
        except (ValueError, TypeError) as exc:
            raise CaseError(f"{path}:{n}: bad case ({exc})") from exc
        if case.type not in TYPES:
            raise CaseError(f"{path}:{n}: unknown type {case.type!r}")
        cases.append(case)
    return cases
