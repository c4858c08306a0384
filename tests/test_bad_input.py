"""Bad input gets a clear message and loses nothing: questions, corpus files, and the index itself."""

import subprocess
import sys

import pytest
from paper_fixtures import REPO, write_corpus

from qa_assistant.answering.assistant import QuestionError, clean_question
from qa_assistant.indexing.build import build_index
from qa_assistant.indexing.layout import IndexUnavailable
from qa_assistant.indexing.loaded import check_index, ensure_index, load_index
from qa_assistant.ingest.documents import CorpusError, load_corpus
from qa_assistant.settings import Settings

PAPER = "Executive Member report\n\nAs of 1st March 2024:-\n\nNumber of children in our care: 480.\n"


def run_cli(*args, env_extra=None):
    import os

    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "qa_assistant.cli", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=300,
    )


@pytest.mark.parametrize("question", ["", "   ", "\u200b\u200b"])
def test_empty_question_refused(question):
    with pytest.raises(QuestionError, match="type a question"):
        clean_question(question, 2000)


def test_huge_question_refused():
    with pytest.raises(QuestionError, match="under 2,000"):
        clean_question("x" * 100_000, 2000)


def test_cli_empty_and_huge_query_give_message_not_traceback():
    for q in ("", "y " * 50_000):
        r = run_cli("search", q)
        assert r.returncode == 2
        assert "error:" in r.stderr and "Traceback" not in r.stderr


def test_odd_unicode_question_is_answered(assistant):
    ans = assistant.ask("Ｈow many children were looked after in December 2018?\u202e 🙂")
    assert ans.kind in ("figure", "general", "not_found")


def test_non_utf8_file_is_skipped_with_a_message_and_others_kept(tmp_path):
    corpus = write_corpus(tmp_path / "c", {"good.txt": PAPER, "bad.txt": b"caf\xe9 \xff\xfe report"})
    result = load_corpus(corpus)
    assert [d.doc_id for d in result.documents] == ["good"]
    assert any("bad.txt" in p and "UTF-8" in p for p in result.problems)


def test_empty_corpus_is_a_clear_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match="no usable documents"):
        load_corpus(tmp_path / "empty")
    r = run_cli(
        "index", env_extra={"QA_CORPUS_DIR": str(tmp_path / "empty"), "QA_INDEX_DIR": str(tmp_path / "ix")}
    )
    assert r.returncode == 2 and "no usable documents" in r.stderr and "Traceback" not in r.stderr


def test_malformed_manifest_is_a_clear_error(tmp_path):
    corpus = write_corpus(tmp_path / "c", {"a.txt": PAPER, "manifest.json": "{not json"})
    with pytest.raises(CorpusError, match="manifest is not valid"):
        load_corpus(corpus)


def test_bad_meeting_date_is_treated_as_not_stated(tmp_path):
    corpus = write_corpus(
        tmp_path / "c", {"a.txt": PAPER}, [{"file": "a.txt", "title": "A", "meeting_date": "soon"}]
    )
    result = load_corpus(corpus)
    assert result.documents[0].meeting_date is None
    assert result.documents[0].meeting_date_label == "date not stated"


def test_index_missing_stale_and_corrupt_are_detected(tmp_path):
    corpus = write_corpus(tmp_path / "c", {"a.txt": PAPER})
    s = Settings(corpus_dir=corpus, index_dir=tmp_path / "ix")
    assert check_index(s).state == "missing"
    with pytest.raises(IndexUnavailable, match="missing"):
        load_index(s)
    build_index(s)
    assert check_index(s).state == "ok"
    first = load_index(s)
    assert first.figures and first.figures[0].value_text == "480"

    (corpus / "b.txt").write_text("Another paper about foster carers.\n")
    assert check_index(s).state == "stale"
    with pytest.raises(IndexUnavailable, match="stale"):
        ensure_index(s, rebuild=False)
    rebuilt = ensure_index(s)
    assert len(rebuilt.documents) == 2

    (s.index_dir / "current" / "dense.faiss").write_bytes(b"garbage")
    with pytest.raises(IndexUnavailable, match="corrupt"):
        load_index(s)
    assert len(ensure_index(s).documents) == 2  # rebuilt, not silently used


def test_failed_build_keeps_previous_index(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "c", {"a.txt": PAPER})
    s = Settings(corpus_dir=corpus, index_dir=tmp_path / "ix")
    build_index(s)
    before = (s.index_dir / "current").resolve()
    (corpus / "b.txt").write_text("Another paper.\n")

    import qa_assistant.indexing.append as append_mod
    import qa_assistant.indexing.version_writer as full_mod

    def crash(*_a, **_k):
        raise RuntimeError("simulated crash mid-build")

    monkeypatch.setattr(full_mod, "insert_rows", crash)  # a full build
    monkeypatch.setattr(append_mod, "append_store", crash)  # papers added to the previous version
    with pytest.raises(RuntimeError):
        build_index(s)
    assert (s.index_dir / "current").resolve() == before
    assert not list(s.index_dir.glob(".tmp-*"))
    monkeypatch.undo()
    # The old version is still complete and readable (it is only stale, because the corpus changed).
    from qa_assistant.indexing.store import iter_figures, read_store

    docs, _ = read_store(before / "store.sqlite")
    figures = list(iter_figures(before / "store.sqlite"))
    assert [d.doc_id for d in docs] == ["a"] and figures
