"""Benchmark one corpus: full index build (time, passages/s, peak RSS), adding one paper to the built index,
index size on disk, cold server start to first answer, and warm search / ask latency (p50/p95) with the
serving process's RSS. Figures only; no pass/fail (machines are noisy).

Run:
    .venv/bin/python scripts/benchmark.py                                # the seed corpus
    .venv/bin/python scripts/make_archive.py /tmp/archive1k --papers 1000
    .venv/bin/python scripts/benchmark.py --corpus /tmp/archive1k --label "1,000 papers"

Each measured step runs in its own process (so its peak RSS is its own) against a copy of the corpus in a
scratch folder (hard links: a 100,000-passage archive is not copied byte by byte); --keep leaves it there.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
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
    "child protection plans",
    "children in need rate",
    "agency staff permanent posts",
    "residential placements cost per week",
    "Signs of Safety training",
    "school attendance children in care",
    "Edge of Care Service",
]
QUESTIONS = [
    "How many children were looked after in December 2018?",
    "How has the number of children in care changed?",
    "What did the panel hear about foster carers?",
    "How many children were subject to a child protection plan in March 2021?",
    "What was the overspend on children's services?",
    "How many care leavers were in education, employment or training?",
    "Who chairs the Corporate Parenting Board?",
    "What was the re-referral rate in 2019/20?",
]
NEW_PAPER = """Executive Member Report - Children's Services (benchmark addition)

Submitted to: Executive
Date: 14 November 2026

The number of children looked after stood at 487 at 31 October 2026, a rate of 148.2 per 10,000 children.
Eleven new foster households were approved in the quarter, and the recruitment campaign continues.
"""


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _settings():
    from qa_assistant.settings import get_settings

    return get_settings()


def step_build() -> dict:
    from qa_assistant.indexing.build import build_index

    t0 = time.perf_counter()
    report = build_index(_settings(), say=lambda m: print(m, file=sys.stderr, flush=True))
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        "documents": report.documents,
        "passages": report.chunks,
        "figures": report.figures,
        "reprocessed": report.reprocessed,
        "peak_rss_mb": _peak_rss_mb(),
    }


def step_query(n: int) -> dict:
    from qa_assistant.answering.assistant import Assistant
    from qa_assistant.indexing.loaded import load_index
    from qa_assistant.indexing.retrieval import search

    settings = _settings()
    t0 = time.perf_counter()
    index = load_index(settings)
    assistant = Assistant(index, settings)
    assistant.ask(QUESTIONS[0])  # first answer: model loaded, look-up tables built
    first = time.perf_counter() - t0
    searches, asks = [], []
    for i in range(n):
        query = f"{QUERIES[i % len(QUERIES)]} {i}"  # distinct: no cache hits
        t = time.perf_counter()
        search(index, query, k=5)
        searches.append((time.perf_counter() - t) * 1000)
    for i in range(n):
        question = f"{QUESTIONS[i % len(QUESTIONS)][:-1]} (variant {i})?"
        t = time.perf_counter()
        assistant.ask(question)
        asks.append((time.perf_counter() - t) * 1000)
    rss = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    return {
        "dense_index": type(index.dense).__name__,
        "dense_recall_at_20": _dense_recall(index),
        "load_and_first_answer_seconds": first,
        "search_ms": [statistics.median(searches), pct(searches, 95)],
        "ask_ms": [statistics.median(asks), pct(asks, 95)],
        "serving_rss_mb": rss,
        "peak_rss_mb": _peak_rss_mb(),
    }


def _dense_recall(index, k: int = 20) -> float:
    """Share of exact search's top k that the index's own dense search returns (1.0 for an exact index)."""
    import faiss

    from qa_assistant.indexing import embedding

    if not isinstance(index.dense, faiss.IndexHNSW):
        return 1.0
    exact = faiss.downcast_index(index.dense.storage)
    found = 0
    for query in QUERIES:
        vec = embedding.encode_one(query).reshape(1, -1)
        want = set(exact.search(vec, k)[1][0].tolist())
        found += len(want & set(index.dense.search(vec, k)[1][0].tolist()))
    return found / (k * len(QUERIES))


def _run_step(step: str, env: dict, *extra: str) -> dict:
    cmd = [sys.executable, __file__, "--step", step, *extra]
    out = subprocess.run(cmd, env=env, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cold_start(env: dict) -> float:
    """Seconds from starting `qa-assistant serve` (one worker, index already built) to its first answer."""
    port = _free_port()
    cmd = [
        str(REPO / ".venv/bin/qa-assistant"),
        "serve",
        "--workers",
        "1",
        "--no-rebuild",
        "--port",
        str(port),
    ]
    body = json.dumps({"question": QUESTIONS[0]}).encode()
    t0 = time.perf_counter()
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - t0 < 600:
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/api/ask", body, {"Content-Type": "application/json"}
                )
                with urllib.request.urlopen(request, timeout=30) as r:
                    if r.status == 200:
                        return time.perf_counter() - t0
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server gave no answer within 600 s")
    finally:
        server.terminate()
        server.wait(timeout=30)


def _size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def _copy_corpus(source: Path, target: Path) -> None:
    shutil.copytree(source, target, copy_function=os.link)
    manifest = target / "manifest.json"
    if manifest.exists():  # a real copy: this one may be edited
        manifest.unlink()
        shutil.copy2(source / "manifest.json", manifest)


def run(corpus: Path, label: str, workdir: Path, n: int, only_serving: bool = False) -> None:
    env = dict(os.environ, QA_CORPUS_DIR=str(workdir / "corpus"), QA_INDEX_DIR=str(workdir / "index"))
    env.setdefault("QA_MODEL_CACHE_DIR", str(REPO / "index" / "model"))
    if not only_serving:
        _copy_corpus(corpus, workdir / "corpus")
        _build_and_add(label, workdir, env)
    _serving(label, env, n)


def _build_and_add(label: str, workdir: Path, env: dict) -> None:
    build = _run_step("build", env)
    rate = build["passages"] / build["seconds"]
    print(
        f"[{label}] full build: {build['seconds']:.1f} s, {build['documents']:,} papers, "
        f"{build['passages']:,} passages ({rate:.1f} passages/s), {build['figures']:,} figures; "
        f"peak RSS {build['peak_rss_mb']:.0f} MB",
        flush=True,
    )
    current = (workdir / "index" / "current").resolve()
    print(
        f"[{label}] index on disk: {_size_mb(current):.0f} MB "
        f"(+ per-paper cache {_size_mb(workdir / 'index' / 'cache'):.0f} MB)",
        flush=True,
    )
    (workdir / "corpus" / "benchmark-new-paper.txt").write_text(NEW_PAPER)
    add = _run_step("build", env)
    print(
        f"[{label}] add one paper to the built index: {add['seconds']:.1f} s "
        f"({add['reprocessed']} embedded); peak RSS {add['peak_rss_mb']:.0f} MB",
        flush=True,
    )


def _serving(label: str, env: dict, n: int) -> None:
    print(f"[{label}] cold server start to first answer: {cold_start(env):.1f} s", flush=True)
    query = _run_step("query", env, "--n", str(n))
    s50, s95 = query["search_ms"]
    a50, a95 = query["ask_ms"]
    print(
        f"[{label}] warm search (hybrid, k=5), {n} distinct queries: p50 {s50:.1f} ms, p95 {s95:.1f} ms",
        flush=True,
    )
    print(f"[{label}] warm ask, {n} distinct questions: p50 {a50:.1f} ms, p95 {a95:.1f} ms", flush=True)
    recall = query["dense_recall_at_20"]
    print(
        f"[{label}] dense index: {query['dense_index']}, recall@20 against exact search {recall:.3f}",
        flush=True,
    )
    print(
        f"[{label}] serving process: RSS {query['serving_rss_mb']:.0f} MB after the questions "
        f"(peak {query['peak_rss_mb']:.0f} MB); load + first answer {query['load_and_first_answer_seconds']:.1f} s",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--corpus", type=Path, default=REPO / "corpus", help="folder of papers + manifest.json"
    )
    parser.add_argument("--label", default="seed corpus")
    parser.add_argument("--n", type=int, default=200, help="queries and questions timed")
    parser.add_argument("--keep", type=Path, default=None, help="scratch folder to use and keep")
    parser.add_argument(
        "--serving-only", action="store_true", help="measure serving on the index a --keep folder holds"
    )
    parser.add_argument("--step", choices=["build", "query"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:  # one measured step, in its own process
        result = step_build() if args.step == "build" else step_query(args.n)
        print(json.dumps(result))
        return
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=args.serving_only)
        run(args.corpus, args.label, args.keep, args.n, args.serving_only)
        return
    with tempfile.TemporaryDirectory(prefix="qa-bench-") as tmp:
        run(args.corpus, args.label, Path(tmp), args.n)


if __name__ == "__main__":
    main()
