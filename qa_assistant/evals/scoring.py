"""Judge one answer against one case.

Numbers are compared by value (and unit family), so "£1.2m" matches "£1.2 million" and a table's "160.2"
under a per-10,000 header matches "160.2". A figure given with confidence that is not the expected one is a
wrong number, counted apart from an abstention ("not found", or a quoted passage instead of a figure).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from qa_assistant.evals.cases import Case
from qa_assistant.models import Answer, FigureValue
from qa_assistant.text.numbers import find_quantities


@dataclass
class Result:
    id: str
    type: str
    question: str
    correct: bool
    outcome: str  # correct | wrong_number | wrong_entity | abstained | unstructured | answered | wrong
    given: str
    expected: str
    trap: str | None = None
    citation_ok: bool | None = None
    as_of_ok: bool | None = None
    ranks: dict[str, int | None] = field(default_factory=dict)
    ms: float = 0.0
    # a number question answered with "not found" or a quote: does a quoted passage hold the expected figure?
    # (the answer still counts as an abstention; this says how useful the quote was)
    quote_holds_answer: bool | None = None


def _family(unit: str) -> str:
    if unit.startswith("gbp"):
        return "money"
    if unit.startswith("per_") or unit == "rate":
        return "rate"
    if unit in ("days", "weeks", "months", "years"):
        return "duration"
    return unit


def _norm_text(text: str) -> str:
    return re.sub(r"[£,\s]", "", text.lower()).replace("million", "m").replace("thousand", "k")


def parse_expected(expected: str) -> tuple[float, float | None, str] | None:
    found = find_quantities(expected)
    if not found:
        return None
    q = found[0]
    return q.value, q.value_high, q.unit


def same_number(f: FigureValue, expected: str) -> bool:
    if _norm_text(f.value_text) == _norm_text(expected):
        return True
    parsed = parse_expected(expected)
    if parsed is None:
        return False
    value, _, unit = parsed
    if abs(f.value - value) > 1e-6 * max(1.0, abs(value)):
        return False
    return unit == "count" or _family(unit) == _family(f.unit)


def _in_period(f: FigureValue, iso: str) -> bool:
    d = dt.date.fromisoformat(iso)
    return f.as_of.start is not None and f.as_of.start <= d <= f.as_of.end


def _norm_quote(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.lower().split())


def _norm_name(text: str) -> str:
    """Names compared without hyphens and dashes ("Davison- Boyd", "Davison – Boyd", "Davison-Boyd")."""
    return " ".join(re.sub(r"[-–—]", " ", _norm_quote(text)).split())


def score(case: Case, ans: Answer) -> Result:
    exp = case.expected if isinstance(case.expected, str) else json.dumps(case.expected)
    r = Result(case.id, case.type, case.question, False, "wrong", ans.text[:300], exp or "", case.trap)
    if case.type == "not_found":
        r.correct = ans.kind == "not_found"
        r.outcome = (
            "correct"
            if r.correct
            else {"figure": "wrong_number", "entity": "wrong_entity", "timeline": "wrong_number"}.get(
                ans.kind, "answered"
            )
        )
        return r
    if ans.kind == "not_found":
        r.outcome = "abstained"
        r.quote_holds_answer = _quoted(case, ans) if case.type == "number" else None
        return r
    return {"number": _number, "entity": _entity, "timeline": _timeline}.get(case.type, _text)(case, ans, r)


def _number(case: Case, ans: Answer, r: Result) -> Result:
    r.given = ", ".join(f"{f.value_text} ({f.as_of.label})" for f in ans.figures) or ans.text[:200]
    if ans.kind != "figure":
        r.outcome = "unstructured"  # a quoted passage, not a confident figure
        r.quote_holds_answer = _quoted(case, ans)
        return r
    matching = [f for f in ans.figures if same_number(f, case.expected)]
    r.correct = bool(matching)
    r.outcome = "correct" if r.correct else "wrong_number"
    if matching:
        f = matching[0]
        r.citation_ok = (
            case.doc is None or f.citation.doc_id.startswith(case.doc)
        ) and f.value_text in f.citation.quote
        r.as_of_ok = None if case.as_of is None else any(_in_period(m, case.as_of) for m in matching)
    return r


def _quoted(case: Case, ans: Answer) -> bool:
    """The expected figure, as written, in one of the answer's quoted passages."""
    want = _norm_text(case.expected or "")
    return bool(want) and any(want in _norm_text(c.quote) for c in ans.citations)


def _entity(case: Case, ans: Answer, r: Result) -> Result:
    expected = case.expected if isinstance(case.expected, list) else [case.expected or ""]
    r.given = "; ".join(e.text + (f" ({e.role})" if e.role else "") for e in ans.entities) or ans.text[:200]
    if ans.kind != "entity":
        r.outcome = "unstructured"
        return r
    given = [_norm_name(e.text + " " + (e.role or "")) for e in ans.entities]
    r.correct = any(_norm_name(x) in g or g.strip() and g in _norm_name(x) for x in expected for g in given)
    r.outcome = "correct" if r.correct else "wrong_entity"
    r.citation_ok = r.correct and (
        case.doc is None or any(e.citation.doc_id.startswith(case.doc) for e in ans.entities)
    )
    return r


def _timeline(case: Case, ans: Answer, r: Result) -> Result:
    r.given = ", ".join(p.value_text for p in ans.series)
    pos = 0
    found = 0
    for want in case.expected:
        while pos < len(ans.series) and not same_number(ans.series[pos], want):
            pos += 1
        if pos < len(ans.series):
            found += 1
            pos += 1
    r.correct = ans.kind == "timeline" and found == len(case.expected)
    r.outcome = "correct" if r.correct else "wrong"
    r.citation_ok = all(p.value_text in p.citation.quote for p in ans.series) if ans.series else False
    return r


def _text(case: Case, ans: Answer, r: Result) -> Result:
    phrase = _norm_quote(case.expected or "")
    r.correct = any(phrase in _norm_quote(c.quote) for c in ans.citations)
    r.outcome = "correct" if r.correct else "wrong"
    r.citation_ok = r.correct and (
        case.doc is None or any(c.doc_id.startswith(case.doc) for c in ans.citations)
    )
    return r
