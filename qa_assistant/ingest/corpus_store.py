"""Writing the corpus folder safely, shared by adding papers (adding.py) and correcting or removing them
(library.py): one lock for every change, and the manifest and paper files replaced atomically, so a reader
sees the old version or the new one, never half of one.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

from filelock import FileLock

from qa_assistant.ingest.documents import MANIFEST_NAME


def lock(corpus_dir: Path) -> FileLock:
    return FileLock(str(corpus_dir / ".manifest.lock"))


def write_manifest(corpus_dir: Path, entries: dict[str, dict]) -> None:
    path = corpus_dir / MANIFEST_NAME
    about = None
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            about = data.get("about") if isinstance(data, dict) else None
        except ValueError:
            pass
    body = ({"about": about} if about else {}) | {"documents": list(entries.values())}
    tmp = corpus_dir / f".manifest-{uuid.uuid4().hex[:6]}.tmp"
    tmp.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)  # readers see the old or the new manifest, never half of one


def replace_file(corpus_dir: Path, target: Path, data: bytes) -> None:
    """Write a paper's bytes to `target` through a temporary file in the corpus folder."""
    tmp = corpus_dir / f".upload-{uuid.uuid4().hex[:6]}.tmp"
    tmp.write_bytes(data)
    os.replace(tmp, target)
