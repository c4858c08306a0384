"""Start serving without ever crash-looping: validate the index before any worker starts, and stop the server
with one clear message if a worker still cannot start.

`prepare_index` opens the published index the way a worker will (not just checks that its files exist). A
missing, stale or corrupt one is rebuilt; if that cannot be done (a broken manifest, an unreadable corpus) the
last good version is served instead, with a warning, because a valid index answers questions and a broken
corpus file is an officer's to fix. Only when no version can be opened does start-up stop, with the reason.

Workers load exactly what the parent validated. One that still cannot (a disk error, memory) logs one line
and exits with uvicorn's start-up failure code; the supervisor here then stops the whole server and the
command exits 1. A worker that keeps dying after start-up is given a few restarts, then the server stops,
rather than restarting for ever.
"""

from __future__ import annotations

import logging
import sys
import time
from collections import deque
from collections.abc import Callable

from qa_assistant.indexing.build import build_index
from qa_assistant.indexing.layout import IndexUnavailable, current_path
from qa_assistant.indexing.loaded import LoadedIndex, check_index, load_index
from qa_assistant.indexing.versions import publish
from qa_assistant.ingest.documents import CorpusError
from qa_assistant.settings import Settings

log = logging.getLogger(__name__)
STARTUP_FAILURE = 3  # uvicorn.config.STARTUP_FAILURE: its supervisor stops instead of restarting the worker
RESTARTS_ALLOWED = 5  # worker deaths within RESTART_WINDOW before the server gives up
RESTART_WINDOW = 60.0


def prepare_index(
    settings: Settings, rebuild: bool = True, say: Callable[[str], None] = log.warning
) -> LoadedIndex:
    """A published index that opens, rebuilt or fallen back to as needed; IndexUnavailable when none can be."""
    status = check_index(settings)
    reasons: list[str] = []
    tried_published = status.state == "ok"
    if tried_published:
        try:
            return load_index(settings, check_fresh=False)
        except IndexUnavailable as exc:
            reasons.append(str(exc))
    else:
        reasons.append(f"index {status.state}: {status.reason}")
    if rebuild:
        say(f"{reasons[-1]}; rebuilding from {settings.corpus_dir} ...")
        try:
            report = build_index(settings, say)
            say(report.summary() + ".")
            for p in report.problems:
                say(f"  note: {p}")
            return load_index(settings, check_fresh=False)
        except (CorpusError, IndexUnavailable, OSError) as exc:
            reasons.append(f"rebuild failed: {exc}")
            say(f"the index could not be rebuilt ({exc})")
    fallback = _last_good(settings, fresh_only=not rebuild, skip_published=tried_published and not rebuild)
    if fallback is not None:
        say(
            f"WARNING: serving the last good index {fallback.path.name} (built {fallback.meta.get('built_at')}); "
            f"it does not reflect the corpus until this is fixed: {reasons[-1]}"
        )
        return fallback
    raise IndexUnavailable("; ".join(reasons) + "; no other index version can be used")


def _last_good(settings: Settings, fresh_only: bool, skip_published: bool = False) -> LoadedIndex | None:
    """The newest build that opens (repointed as current), the published one first (unless already tried)."""

    published = current_path(settings).resolve() if current_path(settings).exists() else None
    candidates = sorted((p for p in settings.index_dir.glob("build-*") if p.is_dir()), reverse=True)
    if published in candidates:
        candidates.remove(published)
        if not skip_published:
            candidates.insert(0, published)
    for build in candidates:
        if build != published:
            publish(settings, build)
        try:
            if fresh_only and check_index(settings).state != "ok":
                continue
            return load_index(settings, check_fresh=False)
        except IndexUnavailable as exc:
            log.warning("index version %s cannot be used: %s", build.name, exc)
    if published is not None and (current_path(settings).resolve() != published):
        publish(settings, published)  # leave things as they were
    return None


def worker_start_failed(exc: BaseException) -> None:
    """Called by a worker that cannot load the index: one line, then exit so the supervisor stops."""
    print(
        f"error: a server worker could not load the index ({exc}); stopping the server",
        file=sys.stderr,
        flush=True,
    )
    sys.exit(STARTUP_FAILURE)


def run_workers(settings: Settings, host: str, port: int, workers: int, say: Callable[[str], None]) -> int:
    """uvicorn with N worker processes, each loading the index the parent validated; exit code for the CLI."""
    from uvicorn import Config
    from uvicorn.supervisors.multiprocess import Multiprocess

    class Supervisor(Multiprocess):
        """uvicorn's supervisor, plus a restart budget and a record of why it stopped."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.deaths: deque[float] = deque()
            self.failure: str | None = None

        def keep_subprocess_alive(self) -> None:
            before = list(self.processes)
            super().keep_subprocess_alive()
            if any(p.exitcode == STARTUP_FAILURE for p in before):
                self.failure = "a worker could not start"
                self.should_exit.set()
                return
            now = time.monotonic()
            self.deaths.extend(now for old, new in zip(before, self.processes) if old is not new)
            while self.deaths and now - self.deaths[0] > RESTART_WINDOW:
                self.deaths.popleft()
            if len(self.deaths) > RESTARTS_ALLOWED:
                self.failure = f"workers died {len(self.deaths)} times within {RESTART_WINDOW:g} s"
                self.should_exit.set()

        def join_all(self) -> None:
            """Wait for the workers' graceful shutdown, but not for ever: kill any still running after it."""
            deadline = time.monotonic() + settings.shutdown_seconds + 5
            for p in self.processes:
                p.process.join(max(0.1, deadline - time.monotonic()))
                if p.process.is_alive():
                    p.kill()
                    p.process.join(5)

    config = Config(
        "qa_assistant.serve.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        timeout_graceful_shutdown=settings.shutdown_seconds,
    )
    supervisor = Supervisor(config, sockets=[config.bind_socket()])
    supervisor.run()
    if supervisor.failure:
        say(f"error: the server stopped: {supervisor.failure} (see the message above)")
        return 1
    return 0
