"""One process-wide "we are shutting down" flag, so long work (a build started by the admin API) ends within
seconds of SIGTERM instead of holding the server up until it finishes.

uvicorn turns SIGTERM/SIGINT into a graceful shutdown that waits for running requests; a request that is
indexing a large paper would keep the process alive for minutes. `chain_signal_handlers()` (called at app
start-up, after uvicorn has installed its own handlers) makes those signals also set this flag; the build
checks it between papers and embedding batches, and kills a paper's child process at once.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType

_stop = threading.Event()
_chained = False


class Stopping(Exception):
    """The process is shutting down; the work in hand was abandoned (nothing half-written is published)."""


def stop_requested() -> bool:
    return _stop.is_set()


def check() -> None:
    """Raise Stopping if a shutdown has been requested."""
    if _stop.is_set():
        raise Stopping("the server is shutting down")


def chain_signal_handlers() -> None:
    """Make SIGTERM and SIGINT set the flag, then do whatever they did before (uvicorn's graceful shutdown)."""
    global _chained
    if _chained or threading.current_thread() is not threading.main_thread():
        return
    for sig in (signal.SIGTERM, signal.SIGINT):
        previous = signal.getsignal(sig)

        def handler(signum: int, frame: FrameType | None, previous=previous) -> None:
            _stop.set()
            if callable(previous):
                previous(signum, frame)
            elif previous == signal.SIG_DFL:
                signal.default_int_handler(signum, frame) if signum == signal.SIGINT else _exit_default(
                    signum
                )

        signal.signal(sig, handler)
    _chained = True


def _exit_default(signum: int) -> None:
    signal.signal(signum, signal.SIG_DFL)
    signal.raise_signal(signum)
