"""Run cases through Assistant.ask, timing each, and record where retrieval put the answering passage."""

from __future__ import annotations

import time

from qa_assistant.answering.assistant import Assistant
from qa_assistant.evals.cases import Case
from qa_assistant.evals.report import summarise
from qa_assistant.evals.scoring import Result, score
from qa_assistant.indexing.retrieval import search


def retrieval_rank(assistant: Assistant, case: Case, mode: str) -> int | None:
    """Rank (1-5) of the first passage from the expected paper holding the evidence; 0 when not in the top 5."""
    evidence = case.evidence or (case.expected if isinstance(case.expected, str) else None)
    if not case.doc or not evidence:
        return None
    hits = search(assistant.index, case.question, k=5, mode=mode)
    for rank, h in enumerate(hits, 1):
        if h.chunk.doc_id.startswith(case.doc) and evidence.lower() in h.chunk.text.lower():
            return rank
    return 0


def run(assistant: Assistant, cases: list[Case]) -> tuple[list[Result], dict]:
    results: list[Result] = []
    for case in cases:
        t = time.perf_counter()
        ans = assistant.ask(case.question, case.history)
        ms = (time.perf_counter() - t) * 1000
        r = score(case, ans)
        r.ms = ms
        if not case.history and case.type in ("number", "text", "entity"):
            r.ranks = {m: retrieval_rank(assistant, case, m) for m in ("bm25", "dense", "hybrid")}
        results.append(r)
    return results, summarise(results)
