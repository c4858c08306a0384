"""Shared fixtures: the real index over the real corpus with the real model, built once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from qa_assistant.answering.assistant import Assistant  # noqa: E402
from qa_assistant.indexing.loaded import LoadedIndex, ensure_index  # noqa: E402
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


@pytest.fixture()
def workspace(tmp_path: Path, settings: Settings, index, monkeypatch) -> Settings:
    """A copy of the real corpus and the real index's per-paper cache in tmp, with QA_* env pointing at it.

    Its index is built before the test (from the cache: no paper is embedded again)."""
    import shutil

    from qa_assistant.indexing.build import build_index
    from qa_assistant.indexing.layout import CACHE

    corpus = tmp_path / "corpus"
    shutil.copytree(settings.corpus_dir, corpus, ignore=shutil.ignore_patterns(".*"))
    (tmp_path / "index").mkdir()
    shutil.copytree(settings.index_dir / CACHE, tmp_path / "index" / CACHE)
    monkeypatch.setenv("QA_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("QA_INDEX_DIR", str(tmp_path / "index"))
    get_settings.cache_clear()
    ws = Settings()
    build_index(ws)
    yield ws
    get_settings.cache_clear()


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
