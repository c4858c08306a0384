"""Eval runner: known QA pairs (evals/qa.jsonl) through the same Assistant.ask the web page uses.

Reports answer, citation and as-of accuracy, confident wrong numbers (separately from abstentions),
not-found precision/recall, retrieval recall@1/3/5 and MRR for BM25, dense and hybrid side by side, and
latency; writes JSON and Markdown reports and fails below the thresholds in evals/thresholds.json.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import statistics
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .answering import Assistant
from .models import Answer
from .retrieval import search


@dataclass
class Case:
    id: str
    question: str
    type: str  # number | text | timeline | not_found
    expected: str | list[str] | None = None
    as_of: str | None = None  # ISO date inside the expected as-of period
    doc: str | None = None  # expected source document id
    evidence: str | None = None  # text the right passage holds (defaults to expected)
    history: list[str] = field(default_factory=list)


@dataclass
class Result:
    id: str
    type: str
    question: str
    correct: bool
    outcome: str  # correct | wrong | abstained | false_not_found ...
    given: str
    expected: str
    citation_ok: bool | None = None
    as_of_ok: bool | None = None
    ranks: dict[str, int | None] = field(default_factory=dict)
    ms: float = 0.0


def norm_number(text: str) -> str:
    words = {"twenty one": "21"}
    t = words.get(text.strip().lower(), text)
    t = re.sub(r"[£,\s]", "", t.lower()).replace("million", "m")
    return t


def load_cases(path: Path) -> list[Case]:
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                cases.append(Case(**json.loads(line)))
            except (ValueError, TypeError) as exc:
                raise SystemExit(f"{path}:{n}: bad case ({exc})")
    return cases


def _in_period(fig_as_of, iso: str) -> bool:
    d = dt.date.fromisoformat(iso)
    return fig_as_of.start is not None and fig_as_of.start <= d <= fig_as_of.end


def score(case: Case, ans: Answer) -> Result:
    exp = case.expected if isinstance(case.expected, str) else json.dumps(case.expected)
    r = Result(case.id, case.type, case.question, False, "wrong", ans.text[:300], exp or "")
    if case.type == "not_found":
        r.correct = ans.kind == "not_found"
        r.outcome = "correct" if r.correct else ("wrong_number" if ans.kind == "figure" else "answered")
        return r
    if ans.kind == "not_found":
        r.outcome = "abstained"
        return r
    if case.type == "number":
        target = norm_number(case.expected)
        matching = [f for f in ans.figures if norm_number(f.value_text) == target]
        r.given = ", ".join(f"{f.value_text} ({f.as_of.label})" for f in ans.figures) or ans.text[:200]
        if ans.kind != "figure":
            r.outcome = "unstructured"  # a quoted passage, not a confident figure
            r.correct = False
            return r
        r.correct = bool(matching)
        r.outcome = "correct" if r.correct else "wrong_number"
        if matching:
            f = matching[0]
            r.citation_ok = (case.doc is None or f.citation.doc_id.startswith(case.doc)) and f.value_text in f.citation.quote
            r.as_of_ok = None if case.as_of is None else any(_in_period(m.as_of, case.as_of) for m in matching)
        return r
    if case.type == "timeline":
        values = [p.value_text for p in ans.series]
        r.given = ", ".join(values)
        it = iter(values)
        r.correct = ans.kind == "timeline" and all(v in it for v in case.expected)
        r.outcome = "correct" if r.correct else "wrong"
        r.citation_ok = all(p.value_text in p.citation.quote for p in ans.series) if ans.series else False
        return r
    phrase = case.expected.lower()
    quotes = [c.quote.lower() for c in ans.citations]
    r.correct = any(phrase in q for q in quotes)
    r.outcome = "correct" if r.correct else "wrong"
    r.citation_ok = r.correct and (case.doc is None or any(c.doc_id.startswith(case.doc) for c in ans.citations))
    return r


def retrieval_rank(assistant: Assistant, case: Case, mode: str) -> int | None:
    evidence = case.evidence or (case.expected if isinstance(case.expected, str) else None)
    if not case.doc or not evidence:
        return None
    hits = search(assistant.index, case.question, k=5, mode=mode)
    for rank, h in enumerate(hits, 1):
        if h.chunk.doc_id.startswith(case.doc) and evidence.lower() in h.chunk.text.lower():
            return rank
    return 0  # not in the top 5


def _pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def summarise(results: list[Result]) -> dict:
    def block(rs: list[Result]) -> dict:
        answerable = [r for r in rs if r.type != "not_found"]
        cites = [r.citation_ok for r in rs if r.citation_ok is not None]
        asofs = [r.as_of_ok for r in rs if r.as_of_ok is not None]
        ms = [r.ms for r in rs]
        return {
            "n": len(rs),
            "answer_accuracy": sum(r.correct for r in rs) / len(rs) if rs else 0.0,
            "wrong_numbers": sum(r.outcome == "wrong_number" for r in rs),
            "abstained": sum(r.outcome in ("abstained", "unstructured") for r in answerable),
            "citation_accuracy": sum(cites) / len(cites) if cites else None,
            "as_of_accuracy": sum(asofs) / len(asofs) if asofs else None,
            "latency_p50_ms": statistics.median(ms) if ms else 0.0,
            "latency_p95_ms": _pct(ms, 95),
        }

    out = {"overall": block(results), "by_type": {}}
    for t in sorted({r.type for r in results}):
        out["by_type"][t] = block([r for r in results if r.type == t])
    nf_q = [r for r in results if r.type == "not_found"]
    said_nf = [r for r in results if r.outcome in ("abstained",) or (r.type == "not_found" and r.correct)]
    out["not_found_recall"] = sum(r.correct for r in nf_q) / len(nf_q) if nf_q else None
    out["not_found_precision"] = (sum(r.correct for r in nf_q) / len(said_nf)) if said_nf else None
    out["retrieval"] = {}
    for mode in ("bm25", "dense", "hybrid"):
        ranks = [r.ranks.get(mode) for r in results if r.ranks.get(mode) is not None]
        if ranks:
            out["retrieval"][mode] = {
                "n": len(ranks),
                "recall@1": sum(0 < k <= 1 for k in ranks) / len(ranks),
                "recall@3": sum(0 < k <= 3 for k in ranks) / len(ranks),
                "recall@5": sum(0 < k <= 5 for k in ranks) / len(ranks),
                "mrr": sum(1 / k for k in ranks if k) / len(ranks),
            }
    return out


def run(assistant: Assistant, cases: list[Case]) -> tuple[list[Result], dict]:
    results = []
    for case in cases:
        t = time.perf_counter()
        ans = assistant.ask(case.question, case.history)
        ms = (time.perf_counter() - t) * 1000
        r = score(case, ans)
        r.ms = ms
        r.ranks = {m: retrieval_rank(assistant, case, m) for m in ("bm25", "dense", "hybrid")} if not case.history else {}
        results.append(r)
    return results, summarise(results)


def check_thresholds(summary: dict, thresholds: dict) -> list[str]:
    failures = []
    o = summary["overall"]
    checks = {
        "answer_accuracy": o["answer_accuracy"], "citation_accuracy": o["citation_accuracy"],
        "as_of_accuracy": o["as_of_accuracy"], "not_found_recall": summary["not_found_recall"],
        "not_found_precision": summary["not_found_precision"],
        "hybrid_recall@5": summary["retrieval"].get("hybrid", {}).get("recall@5"),
    }
    for key, minimum in thresholds.items():
        if key == "max_wrong_numbers":
            if o["wrong_numbers"] > minimum:
                failures.append(f"wrong numbers {o['wrong_numbers']} > {minimum}")
        elif key in checks and checks[key] is not None and checks[key] < minimum:
            failures.append(f"{key} {checks[key]:.3f} < {minimum}")
    return failures


def markdown(results: list[Result], summary: dict) -> str:
    o = summary["overall"]
    lines = ["# Eval report", "", f"Generated {dt.datetime.now():%Y-%m-%d %H:%M}; {o['n']} questions.", "",
             "| type | n | answer acc. | wrong numbers | abstained | citation acc. | as-of acc. | p50 ms | p95 ms |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    fmt = lambda v: "–" if v is None else (f"{v:.1%}" if isinstance(v, float) and v <= 1 else f"{v:.0f}" if isinstance(v, float) else str(v))
    for name, b in [("**overall**", o), *summary["by_type"].items()]:
        lines.append(f"| {name} | {b['n']} | {fmt(b['answer_accuracy'])} | {b['wrong_numbers']} | {b['abstained']} | "
                     f"{fmt(b['citation_accuracy'])} | {fmt(b['as_of_accuracy'])} | {b['latency_p50_ms']:.0f} | {b['latency_p95_ms']:.0f} |")
    lines += ["", f"Not found: precision {fmt(summary['not_found_precision'])}, recall {fmt(summary['not_found_recall'])}.", "",
              "## Retrieval modes (passage with the answer, from the expected paper)", "",
              "| mode | n | recall@1 | recall@3 | recall@5 | MRR |", "| --- | --- | --- | --- | --- | --- |"]
    for mode, m in summary["retrieval"].items():
        lines.append(f"| {mode} | {m['n']} | {m['recall@1']:.1%} | {m['recall@3']:.1%} | {m['recall@5']:.1%} | {m['mrr']:.3f} |")
    failures = [r for r in results if not r.correct]
    lines += ["", f"## Failures ({len(failures)})", ""]
    for r in failures:
        lines.append(f"- `{r.id}` ({r.type}, {r.outcome}) {r.question}\n  - expected: {r.expected}\n  - given: {r.given}")
    return "\n".join(lines) + "\n"


def write_reports(results: list[Result], summary: dict, out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    js = out_dir / "latest.json"
    js.write_text(json.dumps({"summary": summary, "results": [asdict(r) for r in results]}, indent=2, default=str))
    md = out_dir / "latest.md"
    md.write_text(markdown(results, summary))
    return js, md
