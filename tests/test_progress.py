"""Build progress: plain lines with counts and time left when not on a terminal, and a status file that names
the building process (one left by a dead process reads as no build)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from qa_assistant.indexing import progress as progress_module
from qa_assistant.indexing.progress import STATUS_FILE, BuildProgress, build_in_progress


def test_plain_lines_say_counts_rate_and_time_left(tmp_path, monkeypatch):
    monkeypatch.setattr(progress_module, "PLAIN_EVERY_SECONDS", 0.0)
    lines: list[str] = []
    progress = BuildProgress(tmp_path, lines.append)
    progress.phase("embedding", 4)
    progress.advance(1, passages=10)
    assert lines[0] == "embedding: 4 papers ..."
    assert lines[-1].startswith("embedding: 1 of 4 papers, 10 passages (")
    assert "passages/s), about" in lines[-1] and lines[-1].endswith("left")
    progress.advance(3, passages=30)
    assert "left" not in lines[-1] and "4 of 4 papers, 40 passages" in lines[-1]
    progress.close()


def test_status_file_lives_only_while_the_build_runs(tmp_path):
    progress = BuildProgress(tmp_path, lambda _: None)
    progress.phase("reading papers", 2)
    status = build_in_progress(tmp_path)
    assert status is not None and status["phase"] == "reading papers" and status["papers_total"] == 2
    progress.close()
    assert not (tmp_path / STATUS_FILE).exists() and build_in_progress(tmp_path) is None


@pytest.mark.parametrize("content", ["", "{not json", '{"phase": "embedding"}', '{"pid": "x"}', "[]"])
def test_unreadable_status_reads_as_no_build(tmp_path, content):
    (tmp_path / STATUS_FILE).write_text(content)
    assert build_in_progress(tmp_path) is None


def test_status_left_by_a_dead_process_reads_as_no_build(tmp_path):
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    (tmp_path / STATUS_FILE).write_text(json.dumps({"pid": int(child.stdout), "phase": "embedding"}))
    assert build_in_progress(tmp_path) is None
