"""Adding real papers: PDFs and committee-system pages in, answered with page citations; change, remove, bad files.

Runs on a copy of the real corpus (and the real index's per-paper cache, so the seed papers are not embedded
again) in a temporary folder, with the real model.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from paper_fixtures import agenda_item_page, make_encrypted_pdf, make_scanned_pdf, performance_report_pdf

from qa_assistant.answering.assistant import Assistant
from qa_assistant.cli import main as cli_main
from qa_assistant.indexing.loaded import load_index
from qa_assistant.ingest.add_files import add_paths
from qa_assistant.ingest.adding import safe_name
from qa_assistant.settings import Settings

LAC_MARCH = "How many children were looked after in February 2026?"
FOSTER_JAN = "How many approved foster households were there in January 2026?"


def _papers(folder: Path, **overrides: bytes) -> Path:
    folder.mkdir(exist_ok=True)
    files = {
        "performance-update.pdf": performance_report_pdf(),
        "foster-item.html": agenda_item_page(),
    } | overrides
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def _ask(ws: Settings, question: str):
    return Assistant(load_index(ws), ws).ask(question)


def test_add_pdf_and_agenda_page_then_answer_with_page_citations(workspace, tmp_path, capsys):
    inbox = _papers(tmp_path / "inbox")
    assert cli_main(["add", str(inbox)]) == 0
    out = capsys.readouterr().out
    # inferred metadata is shown, marked as inferred, with the command to correct it
    assert "meeting date: 2026-03-11  (inferred from the text)" in out
    assert "committee: Children and Young People's Social Care and Services Scrutiny Panel  (inferred" in out
    assert "meeting date: 2026-02-09  (inferred" in out
    assert "qa-assistant meta performance-update" in out
    assert "2 added" in out and "2 embedded" in out  # only the new papers were embedded
    assert (
        "figures in performance-update: 2" in out
        and "children looked after: 512 as of 28 February 2026" in out
    )

    answer = _ask(workspace, LAC_MARCH)
    assert answer.kind == "figure" and answer.figures[0].value_text == "512"
    assert answer.figures[0].as_of.label == "28 February 2026"
    cite = answer.figures[0].citation
    assert cite.doc_id == "performance-update" and cite.page == 2
    assert cite.committee == "Executive" and cite.meeting_date_label == "11 March 2026"
    assert "512" in cite.quote and "the steady reduction" in load_index(workspace).documents[cite.doc_id].text

    answer = _ask(workspace, FOSTER_JAN)
    assert answer.kind == "figure" and answer.figures[0].value_text == "171"
    cite = answer.figures[0].citation
    assert cite.doc_id == "foster-item" and cite.page is None  # a web page has no pages; the item is cited
    assert cite.title == "Foster carer sufficiency update"
    assert cite.meeting_date_label == "9 February 2026"
    # the page's navigation and footer are not part of the paper
    text = load_index(workspace).documents["foster-item"].text
    assert "Cookies" not in text and "tracking" not in text
    # the seed papers still answer
    assert (
        _ask(workspace, "How many children were looked after in December 2018?").figures[0].value_text
        == "500"
    )


def test_readding_is_a_noop_changing_reindexes_one_paper_and_removing_drops_it(workspace, tmp_path, capsys):
    inbox = _papers(tmp_path / "inbox")
    assert cli_main(["add", str(inbox)]) == 0
    version = os.readlink(workspace.index_dir / "current")
    capsys.readouterr()

    assert cli_main(["add", str(inbox / "performance-update.pdf")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("unchanged") and "Indexed" not in out
    assert os.readlink(workspace.index_dir / "current") == version  # nothing rebuilt

    (inbox / "performance-update.pdf").write_bytes(performance_report_pdf(looked_after="515"))
    assert cli_main(["add", str(inbox / "performance-update.pdf")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("updated") and "1 changed" in out and "1 embedded" in out
    answer = _ask(workspace, LAC_MARCH)
    assert [f.value_text for f in answer.figures] == ["515"]

    assert cli_main(["remove", "foster-item"]) == 0
    assert "1 removed" in capsys.readouterr().out
    index = load_index(workspace)
    assert "foster-item" not in index.documents
    assert not any(c.doc_id == "foster-item" for c in index.chunks)
    assert not any(f.doc_id == "foster-item" for f in index.figures)
    assert not any(s[0] == "foster-item" for s in index.sentence_spans)
    assert all(f.value_text != "171" for f in _ask(workspace, FOSTER_JAN).figures)
    manifest = json.loads((workspace.corpus_dir / "manifest.json").read_text())
    assert "foster-item.html" not in [e["file"] for e in manifest["documents"]]


def test_metadata_can_be_corrected(workspace, tmp_path, capsys):
    inbox = _papers(tmp_path / "inbox")
    cli_main(["add", str(inbox / "performance-update.pdf")])
    assert (
        cli_main(
            [
                "meta",
                "performance-update",
                "--committee",
                "Executive (Children's Services)",
                "--meeting-date",
                "2026-03-12",
            ]
        )
        == 0
    )
    index = load_index(workspace)
    doc = index.documents["performance-update"]
    assert doc.committee == "Executive (Children's Services)" and doc.meeting_date.isoformat() == "2026-03-12"
    assert doc.inferred == ["title"]  # corrected fields are no longer marked as guesses
    assert cli_main(["meta", "performance-update", "--meeting-date", "12/03/2026"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_sidecar_metadata_wins_over_inference(workspace, tmp_path):
    inbox = _papers(tmp_path / "inbox")
    (inbox / "performance-update.pdf.json").write_text(
        json.dumps(
            {
                "committee": "Executive",
                "meeting_date": "2026-03-10",
                "source_url": "https://example.org/item/1",
            }
        )
    )
    [result] = add_paths(workspace.corpus_dir, [inbox / "performance-update.pdf"])
    assert result.metadata["meeting_date"] == "2026-03-10"
    assert result.metadata["source_url"] == "https://example.org/item/1"
    assert set(result.metadata["inferred"]) == {"title"}


def test_bad_files_are_reported_and_skipped_and_nothing_indexed_is_lost(workspace, tmp_path, capsys):
    inbox = _papers(tmp_path / "inbox")
    cli_main(["add", str(inbox)])
    before = load_index(workspace)
    capsys.readouterr()
    bad = tmp_path / "bad"
    bad.mkdir()
    good_pdf = performance_report_pdf()
    files = {
        "corrupt.pdf": good_pdf[: len(good_pdf) // 3],
        "locked.pdf": make_encrypted_pdf("As at 1 May 2026 there were 999 children looked after."),
        "empty.txt": b"",
        "scan.pdf": make_scanned_pdf(),
        "page-saved-as.pdf": agenda_item_page(),
        "notes.docx": b"PK\x03\x04 not really a word file",
    }
    for name, data in files.items():
        (bad / name).write_bytes(data)
    assert cli_main(["add", *[str(bad / n) for n in files]]) == 1
    out = capsys.readouterr().out
    assert out.count("skipped") == len(files)
    assert "damaged" in out and "password-protected" in out and "empty" in out
    assert "no text layer" in out and "the content is an HTML page" in out and "unsupported file type" in out
    assert not any((workspace.corpus_dir / n).exists() for n in files)
    after = load_index(workspace)
    assert after.path == before.path and len(after.chunks) == len(before.chunks)
    assert _ask(workspace, LAC_MARCH).figures[0].value_text == "512"


def test_safe_names_never_leave_the_corpus_folder():
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("..\\..\\windows\\evil.PDF") == "evil.pdf"
    assert safe_name(".hidden.txt") == "hidden.txt"
    assert safe_name("Agenda pack (15 Feb 2021).pdf") == "Agenda-pack-15-Feb-2021.pdf"
    assert safe_name("...") == "paper"


def test_killing_a_build_midway_leaves_the_previous_index_answering(workspace, tmp_path):
    inbox = _papers(tmp_path / "inbox")
    assert cli_main(["add", str(inbox / "performance-update.pdf")]) == 0
    version = os.readlink(workspace.index_dir / "current")
    # a large new paper so the build is still embedding when it is killed
    long_text = "\n\n".join(
        f"Paragraph {i}. The panel discussed placement sufficiency, the recruitment of "
        f"foster carers and the outcomes for care leavers in area {i}."
        for i in range(1200)
    )
    (workspace.corpus_dir / "long-paper.txt").write_text("Long paper\n\n" + long_text)
    proc = subprocess.Popen(
        [sys.executable, "-m", "qa_assistant.cli", "index"],
        env=os.environ.copy(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.time() + 120
    line = ""
    while time.time() < deadline and "embedding" not in line.lower():
        line = proc.stderr.readline()
        assert line or proc.poll() is None, "the build ended before it could be killed"
    time.sleep(1.0)  # well inside the embedding of ~1,200 paragraphs
    assert proc.poll() is None, "the build finished too quickly to be killed midway"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    assert os.readlink(workspace.index_dir / "current") == version
    old = load_index(workspace, check_fresh=False)
    assert "long-paper" not in old.documents
    assert Assistant(old, workspace).ask(LAC_MARCH).figures[0].value_text == "512"
    # and the next build completes (the lock died with the killed process)
    assert cli_main(["index"]) == 0
    assert "long-paper" in load_index(workspace).documents


def test_adding_a_paper_appends_to_the_index_and_matches_a_full_rebuild(workspace):
    """Adding papers (nothing else changed) extends the published version instead of rebuilding it; the
    result must be the index a full build makes: same passages, figures, search results and answers."""
    from qa_assistant.answering.assistant import Assistant
    from qa_assistant.indexing.build import build_index
    from qa_assistant.indexing.retrieval import search

    (workspace.corpus_dir / "late-update.txt").write_text(
        "Executive Member Update\n\nDate: 14 November 2026\n\nThe number of children looked after stood at "
        "487 at 31 October 2026. Eleven new foster households were approved in the quarter.\n"
    )
    appended = build_index(workspace)
    assert appended.appended and appended.added == ["late-update"] and appended.documents == 6
    grown = load_index(workspace)
    # the same per-paper vectors (int8 activations are scaled per batch, so re-embedding may differ slightly)
    shutil.copytree(workspace.index_dir / "cache", workspace.index_dir.parent / "full" / "cache")
    full = build_index(workspace.model_copy(update={"index_dir": workspace.index_dir.parent / "full"}))
    assert not full.appended
    rebuilt = load_index(workspace.model_copy(update={"index_dir": workspace.index_dir.parent / "full"}))
    assert [c.text for c in grown.chunks] == [c.text for c in rebuilt.chunks]
    assert [f.model_dump() for f in grown.figures] == [f.model_dump() for f in rebuilt.figures]
    assert list(grown.sentence_spans) == list(rebuilt.sentence_spans)
    for query in ("children looked after October 2026", "foster households approved", "Early Help"):
        got = [(h.chunk.chunk_id, round(h.score, 6)) for h in search(grown, query, k=5)]
        assert got == [(h.chunk.chunk_id, round(h.score, 6)) for h in search(rebuilt, query, k=5)]
    question = "How many children were looked after in October 2026?"
    answer = Assistant(grown, workspace).ask(question)
    assert answer.figures and answer.figures[0].value_text == "487"
    assert answer.text == Assistant(rebuilt, workspace).ask(question).text
    (workspace.corpus_dir / "late-update.txt").write_text("Changed.\n\nThe panel met in November 2026.\n")
    assert not build_index(workspace).appended  # a changed paper: the full path


_PANEL_NEWS = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Councillor slams qualifications of parents at the first Children's Scrutiny Panel</title></head>
<body><h1>Councillor slams qualifications of parents at the first Children's Scrutiny Panel</h1>
<p>The interim director for education told the panel that attendance was improving.</p>
<p>There are currently 88 permanent exclusions across the town, which is a slightly lower figure than last
year.</p></body></html>"""


def test_a_figure_the_named_paper_calls_current_answers_a_question_about_now(workspace, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "panel-news.html").write_text(_PANEL_NEWS, encoding="utf-8")
    assert cli_main(["add", str(inbox)]) == 0
    named = _ask(
        workspace,
        "At the first meeting of the Children's Scrutiny Panel, how many permanent exclusions were there currently?",
    )
    assert named.kind == "figure" and [f.value_text for f in named.figures] == ["88"]
    assert "gives this as the current figure" in named.text
    # without the paper named, an undated figure is not stated as today's
    unnamed = _ask(workspace, "How many permanent exclusions are there currently?")
    assert unnamed.kind != "figure"
    # ... unless it is the only paper holding that figure for another place the question names
    inbox2 = tmp_path / "inbox2"
    inbox2.mkdir()
    (inbox2 / "warrington-homes.txt").write_text(
        "Warrington Borough Council: council-run children's homes\n\nThe council now has 46 beds in its own "
        "children's homes.\n",
        encoding="utf-8",
    )
    assert cli_main(["add", str(inbox2)]) == 0
    other = _ask(workspace, "How many beds does Warrington now have in its own children's homes?")
    assert other.kind == "figure" and [f.value_text for f in other.figures] == ["46"], other.text
    assert "gives this as the current figure" in other.text


_RISE_NEWS = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Bolton: number of children in care reaches five-year high</title></head>
<body><h1>Bolton: number of children in care reaches five-year high</h1>
<p>There were 642 children in care in Bolton as of March 31 last year, an increase on 572 at the same point in
2015, Department for Education figures show.</p></body></html>"""


def test_the_value_a_rise_started_from_is_not_the_latest_however_well_dated(workspace, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "rise-news.html").write_text(_RISE_NEWS, encoding="utf-8")
    assert cli_main(["add", str(inbox)]) == 0
    answer = _ask(workspace, "How many children were in Bolton's care?")
    # 572 is dated (2015) and 642 is not, but 642 is what the number rose to
    assert [f.value_text for f in answer.figures] == ["642"], answer.text
    assert "does not say what date" in answer.text


def test_a_quoted_answer_comes_from_papers_about_the_council_asked(workspace, tmp_path):
    _add_text_paper(
        tmp_path,
        "redcar-corporate-parenting",
        "Redcar and Cleveland Borough Council\n\nCorporate Parenting Board\n\n"
        "The Board heard that foster carers had asked for more training on trauma-informed care and for more "
        "support from the fostering team at weekends.\n",
    )
    # another council's paper does not answer for ours while ours say something of it ...
    ours = _ask(
        workspace,
        "What did Middlesbrough's Board hear about training on trauma-informed care for foster carers?",
    )
    assert ours.citations
    # (what the papers say of the question's other words may still follow it)
    assert ours.citations[0].doc_id != "redcar-corporate-parenting", [c.doc_id for c in ours.citations]
    # ... and answers for its own council
    theirs = _ask(
        workspace,
        "What did Redcar and Cleveland's Board hear about training on trauma-informed care for foster carers?",
    )
    assert any(c.doc_id == "redcar-corporate-parenting" for c in theirs.citations), theirs.text


def test_a_question_for_a_day_is_not_answered_with_another_events_day(workspace, tmp_path):
    _add_text_paper(
        tmp_path,
        "youth-voice-forum",
        "Youth Voice Forum update\n\nThe Youth Voice Forum was established in March 2017. "
        "The Youth Voice Forum met on 12 June 2018 to agree its terms of reference.\n\n"
        "Membership\n\nIts constitution, established on 4 September 2018, sets out who may join.\n",
    )
    # the forum's founding is given only as a month: the day of another event (its first meeting, or a
    # weaker sentence's "established on") does not stand in for it
    founded = _ask(workspace, "On what date was the Youth Voice Forum established?")
    assert not {"12 June 2018", "4 September 2018"} & {e.text for e in founded.entities}, founded.text
    # the day of the meeting is the answer to when it met
    met = _ask(workspace, "On what date did the Youth Voice Forum meet to agree its terms of reference?")
    assert met.kind == "entity" and met.entities[0].text == "12 June 2018", met.text


def _add_text_paper(tmp_path: Path, name: str, text: str) -> None:
    """Add one plain-text paper to the workspace with the real `add` command."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / f"{name}.txt").write_text(text, encoding="utf-8")
    assert cli_main(["add", str(inbox)]) == 0
