"""Bounded loopback load test of POST /api/ask: N concurrent clients for S seconds (defaults 8 x 30 s).

Starts its own server on 127.0.0.1 with the run command's defaults (one worker per core), or uses
--url http://127.0.0.1:PORT; prints requests/s, p50/p95 latency and the error count. Figures only; no pass/fail.

--churn adds and removes a paper over the admin API in a loop while the load runs (each change rebuilds the
index and every worker swaps it in), on a temporary copy of the corpus, and reports the admin calls' statuses.

The load comes from wrk (Debian package `wrk`) when installed: a C client barely competes with the server for
this machine's two cores. Without it, Python threads send the load (`--client python`), and their own CPU use
inflates the latencies measured.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
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
    ap.add_argument(
        "--unique", action="store_true", help="make every question text distinct (no embedding cache hits)"
    )
    ap.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    ap.add_argument(
        "--workers", type=int, help="server worker processes (default: the run command's default)"
    )
    ap.add_argument(
        "--churn", action="store_true", help="add and remove a paper over the admin API meanwhile"
    )
    args = ap.parse_args()
    proc = None
    url = args.url
    env = dict(os.environ)
    if args.churn:
        if url:
            ap.error("--churn starts its own server on a copy of the corpus; leave out --url")
        env |= churn_workspace()
    if url is None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        workers = ["--workers", str(args.workers)] if args.workers else []
        proc = subprocess.Popen(
            [sys.executable, "-m", "qa_assistant.cli", "serve", "--port", str(port), *workers],
            cwd=Path(__file__).resolve().parent.parent,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        url = f"http://127.0.0.1:{port}"
        for _ in range(240):
            try:
                httpx.get(url + "/api/health", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.5)
    assert url.startswith(("http://127.", "http://localhost", "http://[::1]")), "loopback only"
    churn = Churn(url, env["QA_ADMIN_TOKEN"], args.seconds) if args.churn else None
    use_wrk = args.client == "wrk" or (args.client == "auto" and shutil.which("wrk"))
    if use_wrk:
        try:
            run_wrk(url, args)
        finally:
            if churn:
                churn.report()
            if proc:
                proc.terminate()
                proc.wait(timeout=20)
        return
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
    if churn:
        churn.report()
    if proc:
        proc.terminate()
        proc.wait(timeout=20)
    lat = sorted(latencies)
    p95 = lat[min(len(lat) - 1, int(0.95 * (len(lat) - 1)))] if lat else 0
    print(
        f"{args.clients} clients x {args.seconds:.0f} s: {len(lat)} requests, {len(lat) / elapsed:.1f} req/s, "
        f"p50 {statistics.median(lat):.0f} ms, p95 {p95:.0f} ms, errors {errors}"
    )
    for e in first_errors:
        print(f"  error: {e}")


def churn_workspace() -> dict[str, str]:
    """A temporary copy of the corpus (and the per-paper cache, so nothing is embedded again) with an admin token."""
    import secrets

    root = Path(__file__).resolve().parent.parent
    tmp = Path(tempfile.mkdtemp(prefix="qa-churn-"))
    shutil.copytree(root / "corpus", tmp / "corpus", ignore=shutil.ignore_patterns(".*"))
    (tmp / "index").mkdir()
    if (root / "index" / "cache").is_dir():
        shutil.copytree(root / "index" / "cache", tmp / "index" / "cache")
    return {
        "QA_CORPUS_DIR": str(tmp / "corpus"),
        "QA_INDEX_DIR": str(tmp / "index"),
        "QA_ADMIN_TOKEN": secrets.token_hex(16),
    }


class Churn:
    """Add a new small paper, then remove it, over and over, for `seconds`; count the statuses."""

    def __init__(self, url: str, token: str, seconds: float) -> None:
        self.statuses: dict[int | str, int] = {}
        self.thread = threading.Thread(target=self._run, args=(url, token, seconds), daemon=True)
        self.thread.start()

    def _run(self, url: str, token: str, seconds: float) -> None:
        deadline = time.perf_counter() + seconds
        auth = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=url, headers=auth, timeout=120) as c:
            i = 0
            while time.perf_counter() < deadline:
                i += 1
                body = (
                    f"Churn paper {i}\n\nAs at 1 March 2026 there were {600 + i} children looked after by the "
                    f"council, the panel heard in round {i}.\n"
                ).encode()
                for method, path in (
                    ("PUT", f"/api/admin/documents/churn-{i}.txt"),
                    ("DELETE", f"/api/admin/documents/churn-{i}"),
                ):
                    try:
                        status: int | str = c.request(
                            method, path, content=body if method == "PUT" else None
                        ).status_code
                    except httpx.HTTPError as exc:
                        status = type(exc).__name__
                    self.statuses[status] = self.statuses.get(status, 0) + 1

    def report(self) -> None:
        self.thread.join(timeout=180)
        print(
            f"admin add/remove during the load: {sum(self.statuses.values())} changes, statuses {self.statuses}"
        )


WRK_SCRIPT = """
local qs = {%s}
local unique = %s
local n = 0
local tid = 0
setup = function(thread) tid = tid + 1; thread:set("tid", tid) end
request = function()
  n = n + 1
  local q = qs[(n %% #qs) + 1]
  if unique then q = q .. " (request " .. tostring(tid) .. "-" .. tostring(n) .. ")" end
  return wrk.format("POST", "/api/ask", {["Content-Type"]="application/json"}, '{"question":"' .. q .. '?"}')
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("%%d clients x %%d s (wrk): %%d requests, %%.1f req/s, p50 %%.0f ms, p95 %%.0f ms, p99 %%.0f ms, errors %%d\\n",
    CLIENTS, SECONDS, summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors + summary.errors.status))
end
"""


def run_wrk(url: str, args: argparse.Namespace) -> None:
    questions = ", ".join('"' + q.rstrip("?") + '"' for q in QUESTIONS)
    script = WRK_SCRIPT % (questions, "true" if args.unique else "false")
    script = script.replace("CLIENTS", str(args.clients)).replace("SECONDS", str(int(args.seconds)))
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(script)
    try:
        out = subprocess.run(
            [
                "wrk",
                "-t",
                "2",
                "-c",
                str(args.clients),
                "-d",
                f"{int(args.seconds)}s",
                "--timeout",
                "10s",
                "-s",
                fh.name,
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        Path(fh.name).unlink(missing_ok=True)
    print(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
