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

# Tests that need the real index (the model, every paper embedded), a server process, a browser or index builds
# of their own are `slow`; the rest (parsers, rules, layout) run alone in seconds: ./test.sh -m "not slow".
SLOW_FIXTURES = {"index", "assistant", "workspace"}
SLOW_MODULES = {
    "test_admin",
    "test_bad_input",
    "test_browser",
    "test_evals",
    "test_faults",
    "test_fuzz_api",
    "test_ingest",
    "test_server",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        if module in SLOW_MODULES or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


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
