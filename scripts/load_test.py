"""Bounded loopback load test of POST /api/ask: N concurrent clients for S seconds (defaults 8 x 30 s).

Starts its own server on 127.0.0.1 (or uses --url http://127.0.0.1:PORT), prints requests/s, p50/p95 latency
and the error count. Figures only; no pass/fail.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

QUESTIONS = [
    "How many children were looked after in December 2018?",
    "How has the number of children in care changed over time?",
    "How many approved foster households were there in quarter two 2020/21?",
    "How much did the Family Reunification project save?",
    "How many children were looked after in March 2023?",
    "What did the panel hear about foster carer recruitment?",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--url")
    ap.add_argument("--unique", action="store_true", help="make every question text distinct (no embedding cache hits)")
    args = ap.parse_args()
    proc = None
    url = args.url
    if url is None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        proc = subprocess.Popen([sys.executable, "-m", "qa_assistant.cli", "serve", "--port", str(port)],
                                cwd=Path(__file__).resolve().parent.parent, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        for _ in range(240):
            try:
                httpx.get(url + "/api/health", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.5)
    assert url.startswith(("http://127.", "http://localhost", "http://[::1]")), "loopback only"
    latencies: list[float] = []
    errors = 0
    first_errors: list[str] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + args.seconds

    def client(i: int) -> None:
        nonlocal errors
        with httpx.Client(base_url=url, timeout=30) as c:
            n = i
            while time.perf_counter() < deadline:
                t = time.perf_counter()
                try:
                    q = QUESTIONS[n % len(QUESTIONS)]
                    if args.unique:
                        q = f"{q[:-1]} (request {i}-{n})?"
                    resp = c.post("/api/ask", json={"question": q})
                    ok = resp.status_code == 200
                    if not ok and len(first_errors) < 3:
                        first_errors.append(f"{resp.status_code} {resp.text[:200]}")
                except httpx.HTTPError as exc:
                    ok = False
                    if len(first_errors) < 3:
                        first_errors.append(repr(exc))
                with lock:
                    latencies.append((time.perf_counter() - t) * 1000)
                    errors += not ok
                n += 1

    start = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    if proc:
        proc.terminate()
        proc.wait(timeout=20)
    lat = sorted(latencies)
    p95 = lat[min(len(lat) - 1, int(0.95 * (len(lat) - 1)))] if lat else 0
    print(f"{args.clients} clients x {args.seconds:.0f} s: {len(lat)} requests, {len(lat) / elapsed:.1f} req/s, "
          f"p50 {statistics.median(lat):.0f} ms, p95 {p95:.0f} ms, errors {errors}")
    for e in first_errors:
        print(f"  error: {e}")


if __name__ == "__main__":
    main()
