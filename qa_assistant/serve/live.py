"""The assistant over whichever index version is published, swapped in without a restart.

A build (from `qa-assistant add`, the admin API or another worker) publishes a new version by repointing
index/current. Each request asks `LiveAssistant.get()`, which notices the new target (one readlink), loads
it once and swaps the reference. Requests already running keep the Assistant they started with, so none
fails mid-flight. A request that starts after the new version is published waits for it to load (well under a
second at council scale) rather than being answered from the old one: an officer who has just added a paper
and asks about it must see it, on whichever worker the question lands.
"""

from __future__ import annotations

import gc
import logging
import os
import threading

from qa_assistant.answering.assistant import Assistant
from qa_assistant.indexing.layout import IndexUnavailable, current_path
from qa_assistant.indexing.loaded import LoadedIndex, load_index
from qa_assistant.settings import Settings

log = logging.getLogger(__name__)
LOAD_WAIT_SECONDS = 60


def freeze_loaded_objects() -> None:
    """Exempt everything loaded so far (an index is millions of objects at archive scale) from the garbage
    collector's full passes, which otherwise walk them all and pause answers for up to a second (measured:
    p99 1.1 s at 100,000 passages). Unfrozen first, so a swapped-out index is collected in full once."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class LiveAssistant:
    def __init__(self, settings: Settings, index: LoadedIndex) -> None:
        self.settings = settings
        self._assistant = Assistant(index, settings)
        self._target = self._link_target()
        self._loading = threading.Lock()
        self._failed_target: str | None = None

    def _link_target(self) -> str | None:
        try:
            return os.readlink(current_path(self.settings))
        except OSError:
            return None

    def get(self) -> Assistant:
        target = self._link_target()
        if target is None or target == self._target or target == self._failed_target:
            return self._assistant
        if not self._loading.acquire(timeout=LOAD_WAIT_SECONDS):
            log.error(
                "index %s still loading after %ss; answering from %s", target, LOAD_WAIT_SECONDS, self._target
            )
            return self._assistant
        try:
            if target != self._target:
                try:
                    new = Assistant(load_index(self.settings, check_fresh=False), self.settings)
                except IndexUnavailable as exc:
                    log.error("new index %s not loaded, still serving %s: %s", target, self._target, exc)
                    self._failed_target = target
                    return self._assistant
                self._assistant, self._target = new, target
                log.warning("now serving index %s", target)
                freeze_loaded_objects()
        finally:
            self._loading.release()
        return self._assistant
