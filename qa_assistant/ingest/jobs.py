"""Run one paper's CPU-bound text work in a child process, under a deadline and a memory cap.

Why a child process: reading a hostile or merely huge paper (a 5 MB one-paragraph page, a PDF with a runaway
content stream) can take minutes and gigabytes inside pypdf, trafilatura or figure extraction, and Python
cannot interrupt a thread that is busy in them. A child can be killed at its deadline, its memory is
capped (RLIMIT_AS) and returned to the system when it ends, and the server or build that asked goes on with
the next paper. The child is forked from a forkserver that has already imported the readers, so each paper
costs a few milliseconds of start-up (measured: see README "Faults and limits"), not a fresh interpreter.

The child watches a pipe from its parent and exits if the parent dies, so a killed build leaves no orphan
burning CPU. Every failure comes back as a PaperError naming the file and the reason.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from qa_assistant.ingest.formats import PaperError
from qa_assistant.stopping import Stopping, stop_requested

T = TypeVar("T")
POLL_SECONDS = 0.1


@dataclass(frozen=True)
class Budget:
    """What one paper may cost: wall-clock seconds (reading, processing and embedding it), characters of clean
    text, and memory of the child process that reads it."""

    seconds: float
    max_chars: int
    memory_mb: int

    @classmethod
    def from_settings(cls, settings) -> Budget:
        return cls(settings.paper_seconds, settings.max_paper_chars, settings.paper_memory_mb)

    def check_size(self, name: str, chars: int) -> None:
        check_size(name, chars, self.max_chars)


class OverBudget(PaperError):
    """The paper was refused because it would cost more than its budget (time, size or memory)."""


def check_size(name: str, chars: int, max_chars: int) -> None:
    if chars > max_chars:
        raise OverBudget(
            f"{name}: {chars:,} characters of text is more than the {max_chars:,} allowed for one "
            "paper (QA_MAX_PAPER_CHARS); split it into smaller papers"
        )


# Modules the forkserver imports once, so each child starts work at once: the readers and the figure extractor.
# Names, not imports: this module stays light, and ingest does not depend on the stages after it.
PRELOAD = [
    "qa_assistant.ingest.reading",
    "qa_assistant.indexing.cutting",
    "qa_assistant.text.chunking",
    "qa_assistant.figures.candidates",
    "pypdf",
    "trafilatura",
    "lxml.html",
]


@lru_cache(maxsize=1)
def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)  # readers imported once by the forkserver, not per paper
        return ctx
    return multiprocessing.get_context("spawn")


def run(
    fn: Callable[..., T],
    args: tuple,
    *,
    name: str,
    budget: Budget,
    deadline: float | None = None,
    what: str = "read",
) -> T:
    """fn(*args) in a child process; its result, or a PaperError saying why not. `deadline` (monotonic) defaults
    to now + budget.seconds. Raises Stopping (after killing the child) when the process is shutting down."""
    deadline = time.monotonic() + budget.seconds if deadline is None else deadline
    ctx = _context()
    result_r, result_w = ctx.Pipe(duplex=False)
    life_r, life_w = ctx.Pipe(duplex=False)
    child = ctx.Process(
        target=_child,
        args=(fn, args, name, budget.memory_mb, result_w, life_r),
        daemon=True,
        name=f"qa-paper-{name[:40]}",
    )
    child.start()
    result_w.close()
    life_r.close()
    try:
        while True:
            if result_r.poll(POLL_SECONDS):
                try:
                    ok, value = result_r.recv()
                except (EOFError, OSError):
                    child.join(timeout=5)
                    raise PaperError(_crash_message(name, what, child.exitcode)) from None
                break
            if stop_requested():
                raise Stopping(f"the server is shutting down; {name} was not {what}")
            if time.monotonic() > deadline:
                raise OverBudget(
                    f"{name}: took longer than the {budget.seconds:g} s allowed to {what} one paper "
                    "(QA_PAPER_SECONDS); split it into smaller papers"
                )
            if not child.is_alive() and not result_r.poll(0):
                raise PaperError(_crash_message(name, what, child.exitcode))
    finally:
        if child.is_alive():
            child.kill()
        child.join(timeout=5)
        result_r.close()
        life_w.close()
    if ok:
        return value
    raise value


def _crash_message(name: str, what: str, exitcode: int | None) -> str:
    return (
        f"{name}: the reader stopped unexpectedly (exit code {exitcode}) while trying to {what} it; "
        "it may be damaged or need more memory than allowed (QA_PAPER_MEMORY_MB)"
    )


def _child(fn: Callable[..., Any], args: tuple, name: str, memory_mb: int, result_w, life_r) -> None:
    threading.Thread(target=_exit_with_parent, args=(life_r,), daemon=True).start()
    if memory_mb > 0:
        import resource

        limit = memory_mb * 1024 * 1024
        try:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ValueError, OSError):
            pass  # a lower hard limit is already in force
    try:
        outcome: tuple[bool, Any] = (True, fn(*args))
    except PaperError as exc:
        outcome = (False, exc)
    except MemoryError:
        outcome = (
            False,
            OverBudget(
                f"{name}: reading it needs more than the {memory_mb:,} MB of memory allowed "
                "for one paper (QA_PAPER_MEMORY_MB)"
            ),
        )
    except RecursionError:
        outcome = (False, PaperError(f"{name}: its structure is nested too deeply to read"))
    except Exception as exc:  # noqa: BLE001 - any reader bug is this paper's problem, reported, never a crash
        outcome = (False, PaperError(f"{name}: could not be read ({type(exc).__name__}: {str(exc)[:300]})"))
    try:
        result_w.send(outcome)
    except MemoryError:
        os._exit(70)
    result_w.close()


def _exit_with_parent(life_r) -> None:
    """Block until the parent's end of the lifeline closes (it exited or was killed), then leave at once."""
    with contextlib.suppress(EOFError, OSError):
        life_r.recv()
    os._exit(75)
