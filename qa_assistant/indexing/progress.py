"""A build's progress: shown while it runs and recorded for the server's health.

An archive build takes minutes to hours, so it must show that it is alive and how long it has left: a bar with
counts and time left on a terminal (rich), plain lines every few seconds otherwise (logs, CI, the server). The
same counts go to `index/building.json`, written whole, so /api/health can report a build in progress
from any process; the file names the building process, so one left by a killed build reads as no build.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

STATUS_FILE = "building.json"  # present only while a build runs
PLAIN_EVERY_SECONDS = 10.0  # a plain progress line at most this often
STATUS_EVERY_SECONDS = 1.0  # the status file rewritten at most this often


class BuildProgress:
    """Counts one build's work phase by phase. `terminal`: draw a rich bar on stderr instead of plain lines."""

    def __init__(self, index_dir: Path, say: Callable[[str], None], terminal: bool = False) -> None:
        self.status_path = index_dir / STATUS_FILE
        self.say = say
        self.terminal = terminal
        self.started = time.time()
        self._bar = None
        self._task = None
        self.phase_name, self.total, self.done, self.passages = "starting", 0, 0, 0
        self._phase_started = self._last_line = self._last_status = time.monotonic()

    def phase(self, name: str, total: int) -> None:
        """Start a phase of `total` papers (reading, embedding); 0 for one without counts (writing)."""
        self._end_bar()
        self.phase_name, self.total, self.done, self.passages = name, total, 0, 0
        self._phase_started = self._last_line = time.monotonic()
        if self.terminal and total:
            self._start_bar(name, total)
        elif total:
            self.say(f"{name}: {total:,} papers ...")
        else:
            self.say(f"{name} ...")
        self._write_status(force=True)

    def advance(self, papers: int = 1, passages: int = 0) -> None:
        self.done += papers
        self.passages += passages
        now = time.monotonic()
        if self._bar is not None:
            self._bar.update(self._task, advance=papers, passages=self.passages)
        elif self.total and now - self._last_line >= PLAIN_EVERY_SECONDS:
            self._last_line = now
            self.say(self.line())
        self._write_status()

    def line(self) -> str:
        """'embedding: 1,200 of 10,000 papers, 12,034 passages (31.2 passages/s), about 4 min left'."""
        elapsed = max(time.monotonic() - self._phase_started, 1e-6)
        text = f"{self.phase_name}: {self.done:,} of {self.total:,} papers"
        if self.passages:
            text += f", {self.passages:,} passages ({self.passages / elapsed:.1f} passages/s)"
        if 0 < self.done < self.total:
            text += f", about {_duration(elapsed / self.done * (self.total - self.done))} left"
        return text

    def close(self) -> None:
        """End the display and remove the status file (the build finished or failed)."""
        self._end_bar()
        self.status_path.unlink(missing_ok=True)

    def _start_bar(self, name: str, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("papers, {task.fields[passages]:,} passages,"),
            TimeElapsedColumn(),
            TextColumn("elapsed,"),
            TimeRemainingColumn(),
            TextColumn("left"),
            console=Console(stderr=True),
            transient=False,
        )
        self._bar.start()
        self._task = self._bar.add_task(name, total=total, passages=0)

    def _end_bar(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = self._task = None
        elif self.total and self.done:
            self.say(self.line())

    def _write_status(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last_status < STATUS_EVERY_SECONDS:
            return
        self._last_status = now
        status = {
            "pid": os.getpid(),
            "phase": self.phase_name,
            "papers_done": self.done,
            "papers_total": self.total,
            "passages": self.passages,
            "started_at": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(self.started)),
            "updated_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        }
        tmp = self.status_path.with_name(f".{STATUS_FILE}.{os.getpid()}.tmp")
        try:
            tmp.write_text(json.dumps(status))
            os.replace(tmp, self.status_path)
        except OSError:
            pass  # the status is a courtesy: a full disk must not stop the build here


def build_in_progress(index_dir: Path) -> dict | None:
    """The running build's status (phase, counts), or None when no build is running: no file, or one left by
    a process that has since died."""
    try:
        status = json.loads((index_dir / STATUS_FILE).read_text())
        os.kill(int(status["pid"]), 0)  # signal 0: does that process still exist?
    except PermissionError:
        return status  # it exists, under another user
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return status


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
