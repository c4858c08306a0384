"""Start the real server (`qa-assistant serve`) in a subprocess on a free loopback port, for end-to-end tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_until_exit(*serve_args: str, env: dict[str, str], timeout: float = 180) -> tuple[int, str]:
    """Run `qa-assistant serve` expecting it to stop by itself; its exit code and output (a hang is a failure)."""
    port = free_port()
    proc = subprocess.run(
        [sys.executable, "-m", "qa_assistant.cli", "serve", "--port", str(port), *serve_args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
    )
    return proc.returncode, proc.stdout


@contextmanager
def server_process(
    *serve_args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> Iterator[tuple[str, subprocess.Popen, IO[str]]]:
    """Yield the server's URL, process and log file once /api/health answers; the output is shown if it fails."""
    port = free_port()
    with tempfile.TemporaryFile("w+") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "qa_assistant.cli", "serve", "--port", str(port), *serve_args],
            env=env or dict(os.environ),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.time() + timeout
            while True:
                try:
                    if httpx.get(url + "/api/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if proc.poll() is not None or time.time() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"server did not start:\n{log.read()[-3000:]}")
                time.sleep(0.5)
            yield url, proc, log
        finally:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=10)


@contextmanager
def running_server(
    *serve_args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> Iterator[str]:
    """Yield the server's URL once /api/health answers; the server's output is shown if it fails to start."""
    with server_process(*serve_args, env=env, timeout=timeout) as (url, _, _):
        yield url
