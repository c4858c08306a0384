"""Shared fixtures: the real index over the real corpus with the real model, built once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from qa_assistant.answering import Assistant  # noqa: E402
from qa_assistant.index import LoadedIndex, ensure_index  # noqa: E402
from qa_assistant.settings import Settings, get_settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def settings() -> Settings:
    return get_settings()


@pytest.fixture(scope="session")
def index(settings: Settings) -> LoadedIndex:
    return ensure_index(settings)


@pytest.fixture(scope="session")
def assistant(index: LoadedIndex, settings: Settings) -> Assistant:
    return Assistant(index, settings)


def write_corpus(folder: Path, files: dict[str, bytes | str], manifest: list[dict] | None = None) -> Path:
    """A small synthetic corpus for edge cases."""
    import json

    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    if manifest is not None:
        (folder / "manifest.json").write_text(json.dumps({"documents": manifest}))
    return folder
