"""`eval`: the known question-answer pairs of each split through the same Assistant.ask the web page uses."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qa_assistant.cli.common import Json, NoRebuild, emit_json, fail, say
from qa_assistant.settings import get_settings

DEFAULT_SPLITS = ("dev", "test")


def evaluate(
    split: Annotated[
        list[str] | None,
        typer.Option(
            metavar="NAME", help="dev, test, real-dev, real-test, ... (repeat; default: dev and test)."
        ),
    ] = None,
    papers: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR", help="Folder of the split's papers (real-* splits: their text is not committed)."
        ),
    ] = None,
    show_test_failures: Annotated[
        bool, typer.Option("--show-test-failures", help="List held-out failures in the report too.")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(file_okay=False, metavar="DIR", help="Folder for the reports (default evals/reports)."),
    ] = None,
    no_rebuild: NoRebuild = False,
    json: Json = False,
) -> None:
    """Run the known QA pairs per split and report.

    Prints a table per split and writes evals/reports/latest.json and latest.md (or --out DIR). The gated
    splits (dev, test) are checked against evals/thresholds.json: exit 1 when one falls below. With --json the
    summary of each split (the numbers the table shows, and more), its gate result and the report paths are
    printed as one document.
    """
    import json as jsonlib

    from qa_assistant.evals.report import write_reports
    from qa_assistant.evals.splits import EVALS_DIR, SplitError, get_split

    names = split or list(DEFAULT_SPLITS)
    try:  # every split checked before any runs: a typo fails at once, not after minutes of evaluation
        splits = [get_split(name, papers) for name in names]
    except SplitError as exc:
        fail(str(exc))
    thresholds = jsonlib.loads((EVALS_DIR / "thresholds.json").read_text())
    runs, shown, gates = {}, {}, {}
    for s in splits:
        runs[s.name], gates[s.name] = _run_split(s, thresholds.get(s.name, {}), no_rebuild, quiet=json)
        shown[s.name] = not s.name.endswith("test") or show_test_failures
    reports = write_reports(runs, out or EVALS_DIR / "reports", shown)
    if not _report(runs, gates, reports, json):
        raise typer.Exit(1)


def _report(runs: dict, gates: dict, reports: tuple[Path, Path], as_json: bool) -> bool:
    """Print where the reports are and every gate failure (or all of it as one JSON document); passed?"""
    failures = [f"{name}: {f}" for name, gate in gates.items() for f in gate["failures"]]
    js, md = reports
    if as_json:
        emit_json(
            {
                "splits": {name: {"summary": runs[name][1], **gates[name]} for name in runs},
                "gate": {"passed": not failures, "failures": failures},
                "reports": {"json": str(js), "markdown": str(md)},
            }
        )
        return not failures
    print(f"\nReports: {js} and {md}")
    for f in failures:
        print(f"BELOW THRESHOLD: {f}")
    return not failures


def _run_split(split, thresholds: dict, no_rebuild: bool, quiet: bool) -> tuple[tuple[list, dict], dict]:
    """One split: (results, summary) and its gate ({gated, thresholds, failures, passed})."""
    from qa_assistant.answering.assistant import Assistant
    from qa_assistant.evals.report import check_thresholds, table
    from qa_assistant.evals.runner import run
    from qa_assistant.evals.splits import split_settings
    from qa_assistant.indexing.loaded import ensure_index

    local = split_settings(split, get_settings())
    index = ensure_index(local, rebuild=not no_rebuild, say=say)
    results, summary = run(Assistant(index, local), split.cases())
    if not quiet:
        print(f"\n{split.name}: {summary['overall']['n']} questions")
        print("\n".join(table(summary)))
    failures = check_thresholds(summary, thresholds) if split.gate else []
    gate = {
        "gated": split.gate,
        "thresholds": thresholds if split.gate else {},
        "failures": failures,
        "passed": not failures,
    }
    return (results, summary), gate
