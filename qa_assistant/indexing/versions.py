"""Index versions on disk: each written whole to a fresh folder, then published by atomically repointing the
`current` symlink; old versions and abandoned temporary folders are removed.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from qa_assistant.indexing.layout import current_path
from qa_assistant.settings import Settings


def write_version(settings: Settings, write: Callable[[Path], None]) -> Path:
    """A new version: `write(folder)` fills a fresh folder (meta.json last), which is then published;
    nothing half-written is ever published."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    tmp = settings.index_dir / f".tmp-{stamp}-{uuid.uuid4().hex[:6]}"
    tmp.mkdir()
    try:
        write(tmp)
        final = settings.index_dir / f"build-{stamp}-{tmp.name[-6:]}"
        os.rename(tmp, final)
        publish(settings, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    remove_old_builds(settings, keep=final)
    return final


def publish(settings: Settings, build_dir: Path) -> None:
    link = current_path(settings)
    tmp_link = settings.index_dir / f".current-{uuid.uuid4().hex[:6]}"
    os.symlink(build_dir.name, tmp_link)
    os.replace(tmp_link, link)  # atomic on POSIX: readers see the old or the new index, never neither


def remove_old_builds(settings: Settings, keep: Path) -> None:
    """Keep the new build and the one before it (a running server may still hold its files)."""
    builds = sorted(p for p in settings.index_dir.glob("build-*") if p.is_dir() and p != keep)
    for old in builds[:-1]:
        shutil.rmtree(old, ignore_errors=True)
    for tmp in settings.index_dir.glob(".tmp-*"):
        if time.time() - tmp.stat().st_mtime > 3600:  # abandoned by a crashed build
            shutil.rmtree(tmp, ignore_errors=True)
