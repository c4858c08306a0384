"""Print index build time (full and incremental), passages/s, warm search and ask latency (p50/p95), peak RSS.

Run: .venv/bin/python scripts/benchmark.py   (figures only; no pass/fail, machines are noisy)
"""

from __future__ import annotations

import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from qa_assistant.answering.assistant import Assistant
from qa_assistant.indexing import embedding
from qa_assistant.indexing.build import build_index
from qa_assistant.indexing.loaded import load_index
from qa_assistant.indexing.retrieval import search
from qa_assistant.settings import get_settings

QUERIES = [
    "looked after children as of 21 December 2018",
    "approved foster care households in quarter two 2020/21",
    "children in our care November 2025",
    "families accessing Early Help",
    "care proceedings completed within 26 weeks",
    "foster carer recruitment campaign",
    "budget overspend children's services",
    "missing from home reports police",
    "care leavers hub",
    "Family Reunification saving",
    "child protection plans",
    "children in need rate",
    "agency staff permanent posts",
    "residential placements cost per week",
    "Signs of Safety training",
    "Commissioner six month review",
    "Covid laptops schools",
    "adoption regional panel",
    "school attendance children in care",
    "Edge of Care Service",
]
QUESTIONS = [
    "How many children were looked after in December 2018?",
    "How has the number of children in care changed?",
    "What did the panel hear about foster carers?",
    "How much did the Family Reunification project save?",
    "How many children were looked after in March 2023?",
]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    base = get_settings()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        shutil.copytree(base.corpus_dir, corpus)
        settings = base.model_copy(update={"index_dir": Path(tmp) / "index", "corpus_dir": corpus})
        print(f"embedding backend: {embedding.backend_name()}")
        t0 = time.perf_counter()
        report = build_index(settings)
        build = time.perf_counter() - t0
        print(
            f"index build (full): {build:.1f} s for {report.chunks} passages / {report.documents} documents "
            f"({report.chunks / report.embed_seconds:.1f} passages/s embedding incl. sentences, "
            f"{report.figures} figures)"
        )
        paper = sorted(corpus.glob("*.txt"))[0]
        paper.write_text(paper.read_text() + "\n\nAddendum: a late correction to this paper.\n")
        t0 = time.perf_counter()
        report = build_index(settings)
        print(
            f"index build (one paper changed): {time.perf_counter() - t0:.1f} s ({report.reprocessed} re-embedded)"
        )
        index = load_index(settings)
        search(index, "warm up", k=5)
        lat = []
        for i in range(200):
            q = QUERIES[i % len(QUERIES)] + ("" if i < len(QUERIES) else f" {i}")
            t = time.perf_counter()
            search(index, q, k=5)
            lat.append((time.perf_counter() - t) * 1000)
        print(
            f"search (hybrid, k=5) over 200 queries: p50 {statistics.median(lat):.1f} ms, p95 {pct(lat, 95):.1f} ms"
        )
        assistant = Assistant(index, settings)
        lat = []
        for i in range(200):
            t = time.perf_counter()
            assistant.ask(QUESTIONS[i % len(QUESTIONS)])
            lat.append((time.perf_counter() - t) * 1000)
        print(
            f"ask over 200 questions (5 repeated): p50 {statistics.median(lat):.1f} ms, p95 {pct(lat, 95):.1f} ms"
        )
        lat = []
        for i in range(200):
            t = time.perf_counter()
            assistant.ask(f"{QUESTIONS[i % len(QUESTIONS)][:-1]} (variant {i})?")
            lat.append((time.perf_counter() - t) * 1000)
        print(
            f"ask over 200 distinct questions: p50 {statistics.median(lat):.1f} ms, p95 {pct(lat, 95):.1f} ms"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
