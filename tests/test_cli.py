"""The command line: every command's help has an example, exit codes (0 / 1 / 2) and `--json` output.

Most tests need no index: help, --version and bad input are answered before anything heavy loads (checked in
a subprocess by the modules it imported). The last ones use the real index (the session fixture `index`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from paper_fixtures import REPO

from qa_assistant.cli import main as cli_main
from qa_assistant.settings import get_settings

COMMANDS = [
    "index",
    "search",
    "ask",
    "serve",
    "add",
    "remove",
    "meta",
    "documents",
    "figures",
    "feedback",
    "eval",
]
HEAVY = ("torch", "faiss", "sentence_transformers", "transformers", "onnxruntime")
LAC_2018 = "How many children were looked after in December 2018?"


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "qa_assistant.cli", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


# Help and version -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_summary_and_an_example(command, capsys):
    assert cli_main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Usage: qa-assistant {command} ")
    summary = out.split("\n\n")[1].strip()
    assert summary and "\n" not in summary, "a one-line summary first"
    examples = out.split("Example")[-1]
    assert f"qa-assistant {command}" in examples, "an example command line at the end"


def test_top_level_help_lists_every_command_and_the_exit_codes(capsys):
    assert cli_main(["--help"]) == 0
    out = capsys.readouterr().out
    commands = out.split("Commands:")[1]
    assert all(f"  {c} " in commands for c in COMMANDS)
    codes = out.split("Exit codes:")[1]
    assert "0  success" in codes and "1  a bad result" in codes and "2  bad input" in codes


def test_version(capsys):
    assert cli_main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"qa-assistant {version('qa-assistant')}"


@pytest.mark.parametrize(
    "args, code",
    [
        (["--help"], 0),
        (["--version"], 0),
        (["ask", "--help"], 0),
        (["search", "--help"], 0),
        (["serve", "--help"], 0),
        (["eval", "--split", "no-such-split"], 2),
        (["search", "x", "--bogus"], 2),
    ],
)
def test_help_and_bad_options_load_no_model(args, code):
    """`--help` and usage errors answer without torch, faiss or the model (the modules, not a timing)."""
    script = (
        "import sys\n"
        "from qa_assistant.cli import main\n"
        "code = main(sys.argv[1:])\n"
        f"print('LOADED', code, *sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert proc.stdout.splitlines()[-1] == f"LOADED {code}", proc.stdout + proc.stderr


def test_python_dash_m_runs_the_cli():
    proc = run_cli("--help")
    assert proc.returncode == 0 and "Usage: qa-assistant" in proc.stdout
    proc = run_cli("ask", "")
    assert proc.returncode == 2 and proc.stderr.strip() == "error: Please type a question."


# Exit codes -------------------------------------------------------------------------------------------------

BAD_INPUT = [
    (["ask", ""], "error: Please type a question."),
    (["ask", " \u200b "], "error: Please type a question."),
    (["ask", "x" * 3000], "please keep it under 2,000"),
    (["search", ""], "error: Please type a question."),
    (["eval", "--split", "no-such-split"], "error: no split 'no-such-split'"),
    (["eval", "--split", "real-dev"], "--papers DIR"),
    (["eval", "--split", "dev", "--papers", "/no/such/folder"], "does not exist"),
    (["search", "x", "--mode", "fuzzy"], "'fuzzy' is not one of"),
    (["search", "x", "-k", "0"], "-k"),
    (["ask", LAC_2018, "--bogus"], "No such option: --bogus"),
    (["frobnicate"], "No such command"),
    (["ask"], "Missing argument"),
    (["remove"], "Missing argument"),
    (["add", "/no/such/paper.pdf"], "does not exist"),
    (["feedback", "export", "--out", "/no/such/folder/cases.jsonl"], "does not exist"),
    (["feedback", "--verdict", "meh"], "'meh' is not one of"),
    (["figures", "--json", "--csv"], "error: --json and --csv cannot be used together"),
    (["figures", "--kind", "guess"], "'guess' is not one of"),
    (["meta", "some-paper"], "error: give at least one of --title"),
    (["serve", "--port", "99999"], "--port"),
]


@pytest.mark.parametrize("args, message", [pytest.param(a, m, id=" ".join(a)[:40]) for a, m in BAD_INPUT])
def test_bad_input_exits_2_with_a_message_not_a_traceback(args, message, capsys):
    assert cli_main(args) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err + captured.out


def test_an_empty_question_is_refused_before_the_index_is_built(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QA_INDEX_DIR", str(tmp_path / "no-index"))
    get_settings.cache_clear()
    try:
        assert cli_main(["ask", "  "]) == 2  # without --no-rebuild: a missing index would be built first
    finally:
        get_settings.cache_clear()
    assert capsys.readouterr().err == "error: Please type a question.\n"
    assert not (tmp_path / "no-index").exists()


@pytest.mark.parametrize("args", [["search", "foster carers"], ["ask", LAC_2018], ["figures"]])
def test_no_index_with_no_rebuild_exits_1(args, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QA_INDEX_DIR", str(tmp_path / "no-index"))
    get_settings.cache_clear()
    try:
        assert cli_main([*args, "--no-rebuild"]) == 1
    finally:
        get_settings.cache_clear()
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "missing" in err and "Traceback" not in err


def test_eval_json_is_the_summary_per_split_and_the_gate(capsys):
    from qa_assistant.cli.evals import _report

    summary = {"overall": {"n": 2, "answer_accuracy": 0.5}, "by_type": {}, "retrieval": {}}
    runs = {"dev": ([], summary), "real-dev": ([], summary)}
    gates = {
        "dev": {
            "gated": True,
            "thresholds": {"answer_accuracy": 0.9},
            "failures": ["answer_accuracy 0.500 < 0.9"],
        },
        "real-dev": {"gated": False, "thresholds": {}, "failures": []},
    }
    assert _report(runs, gates, (Path("r/latest.json"), Path("r/latest.md")), as_json=True) is False
    data = json.loads(capsys.readouterr().out)
    assert data["splits"]["dev"]["summary"] == summary and data["splits"]["dev"]["gated"] is True
    assert data["gate"] == {"passed": False, "failures": ["dev: answer_accuracy 0.500 < 0.9"]}
    assert data["reports"] == {"json": "r/latest.json", "markdown": "r/latest.md"}


# With the real index ----------------------------------------------------------------------------------------


def test_search_json_gives_the_full_passage_text_with_its_paper(index, capsys):
    assert (
        cli_main(["search", "children looked after December 2018", "-k", "5", "--json", "--no-rebuild"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["mode"] == "hybrid" and len(data["hits"]) == 5
    assert [h["rank"] for h in data["hits"]] == [1, 2, 3, 4, 5]
    for hit in data["hits"]:
        stored = index.chunks[hit["chunk"]["chunk_id"]]
        assert hit["chunk"]["text"] == stored.text  # the whole passage, not the snippet the text output shows
        assert (hit["chunk"]["start"], hit["chunk"]["end"]) == (stored.start, stored.end)
        doc = hit["document"]
        assert doc["doc_id"] == stored.doc_id and doc["title"] and doc["meeting_date_label"]
        assert "text" not in doc and isinstance(hit["score"], float)
    assert any(len(h["chunk"]["text"]) > 300 for h in data["hits"])


def test_ask_json_is_the_answer_with_the_figure_and_its_citation(index, capsys):
    from qa_assistant.models import Answer

    assert cli_main(["ask", LAC_2018, "--json", "--no-rebuild"]) == 0
    data = json.loads(capsys.readouterr().out)
    answer = Answer.model_validate(data)
    assert answer.kind == "figure" and answer.figures[0].value_text == "500"
    assert answer.citations and answer.citations[0].quote and answer.citations[0].doc_id in index.documents


def test_a_question_the_papers_do_not_answer_still_exits_0(index, capsys):
    assert cli_main(["ask", "How many libraries closed in 2019?", "--json", "--no-rebuild"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "not_found"


def test_documents_json_lists_the_seed_papers(index, capsys):
    assert cli_main(["documents", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    seeds = sorted(p.stem for p in (REPO / "corpus").glob("*.txt"))
    assert len(seeds) == 5 and sorted(d["doc_id"] for d in data["documents"]) == seeds
    assert all(d["title"] and d["meeting_date_label"] and "text" not in d for d in data["documents"])
    assert data["problems"] == []


def test_search_text_output_is_unchanged(index, capsys):
    assert cli_main(["search", "foster carers", "-k", "2", "--mode", "bm25", "--no-rebuild"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1. [") and "| chars " in lines[0] and lines[1].startswith("   ")
    assert lines[2].startswith("2. [")
