"""`index`, `add`, `remove`, `meta` and `documents`: the corpus of papers and the index built from it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from qa_assistant.cli.common import Json, NoIndex, emit_json, fail, say
from qa_assistant.settings import get_settings

Title = Annotated[str | None, typer.Option(help="The paper's title.")]
Committee = Annotated[str | None, typer.Option(help="The committee the paper went to.")]
MeetingDate = Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", help="The meeting's date.")]
Kind = Annotated[str | None, typer.Option(help="e.g. minutes, agenda pack, report.")]
SourceUrl = Annotated[str | None, typer.Option(metavar="URL", help="Where the paper is published.")]
FIGURES_SHOWN = 20


def index(
    force: Annotated[bool, typer.Option("--force", help="Rebuild even when up to date.")] = False,
) -> None:
    """Build the index from corpus/ (skipped when it is up to date)."""
    from qa_assistant.indexing.build import build_index
    from qa_assistant.indexing.loaded import check_index

    settings = get_settings()
    status = check_index(settings)
    if status.state == "ok" and not force:
        print(f"Index is up to date ({status.reason}). Use --force to rebuild.")
        return
    report = build_index(settings, say=say, terminal=sys.stderr.isatty())
    print(f"{report.summary()} -> {report.path}")
    for p in report.problems:
        print(f"  note: {p}")


def _fields(title, committee, meeting_date, kind, source_url) -> dict:
    given = {
        "title": title,
        "committee": committee,
        "meeting_date": meeting_date,
        "kind": kind,
        "source_url": source_url,
    }
    return {k: v for k, v in given.items() if v is not None}


def _show_entry(entry: dict, doc_id: str | None) -> None:
    inferred = set(entry.get("inferred") or [])
    for key in ("title", "committee", "meeting_date"):
        value = entry.get(key) or "not found"
        note = "  (inferred from the text)" if key in inferred else ""
        print(f"      {key.replace('_', ' ')}: {value}{note}")
    if inferred and doc_id:
        print(f"      correct with: qa-assistant meta {doc_id} --committee '...' --meeting-date YYYY-MM-DD")


def _reindex(no_index: bool):
    """Rebuild after a change (unless --no-index); the BuildReport, or None."""
    from qa_assistant.indexing.build import build_index

    if no_index:
        print("Corpus updated; index not rebuilt (--no-index). Run `qa-assistant index`.")
        return None
    report = build_index(get_settings(), say=say, terminal=sys.stderr.isatty())
    print(report.summary())
    return report


def add(
    paths: Annotated[
        list[Path],
        typer.Argument(exists=True, metavar="PATHS", help="Files (.txt .md .html .pdf) or folders of them."),
    ],
    title: Title = None,
    committee: Committee = None,
    meeting_date: MeetingDate = None,
    kind: Kind = None,
    source_url: SourceUrl = None,
    no_index: NoIndex = False,
) -> None:
    """Add papers and update the index.

    Files (.txt .md .html .pdf) or folders of them; a changed paper is updated. Metadata not given is read
    from a PAPER.json sidecar or inferred from the text (and marked as inferred). Exits 1 when any file was
    skipped (unreadable, unsupported, a conflict) or refused by the index.
    """
    from qa_assistant.ingest.add_files import add_paths

    fields = _fields(title, committee, meeting_date, kind, source_url)
    if len(paths) > 1 and fields:
        fail("--title/--committee/--meeting-date apply to one file at a time")
    results = add_paths(get_settings().corpus_dir, paths, fields)
    for r in results:
        print(f"{r.outcome:9} {r.message}")
        if r.outcome in ("added", "updated"):
            _show_entry(r.metadata, r.doc_id)
    changed = [r for r in results if r.outcome in ("added", "updated")]
    refused = _index_added(changed, no_index) if changed else []
    if refused or any(r.outcome in ("skipped", "conflict") for r in results):
        raise typer.Exit(1)


def _index_added(changed: list, no_index: bool) -> list:
    """Index the added papers; a paper over its budget is taken out of the corpus again. The refused ones."""
    from qa_assistant.ingest.adding import undo_add

    report = _reindex(no_index)
    refused = [r for r in changed if report is not None and r.doc_id in report.refused]
    for r in refused:
        reason = next((p for p in report.problems if r.file and r.file in p), "it could not be indexed")
        print(f"refused   {reason.removeprefix('refused ')} (taken out of the corpus again)")
        undo_add(get_settings().corpus_dir, r)
    if refused:
        _reindex(no_index)
    if not no_index:
        _show_figures([r.doc_id for r in changed if r.doc_id and r not in refused])
    return refused


def _show_figures(doc_ids: list[str]) -> None:
    """What was extracted from each new paper, so an officer can check it (or see that a measure is missing)."""
    from qa_assistant.indexing.loaded import load_index

    loaded = load_index(get_settings(), check_fresh=False)
    for doc_id in doc_ids:
        figures = [f for f in loaded.figures if f.doc_id == doc_id]
        print(f"figures in {doc_id}: {len(figures) or 'none'}")
        for f in figures[:FIGURES_SHOWN]:
            whose = "" if f.subject == "own" else f" [{f.subject_name}]"
            kind = "" if f.kind == "level" else f" ({f.kind})"
            print(f"      {f.label}{whose}: {f.value_text}{kind} as of {f.as_of.label}")
        if len(figures) > FIGURES_SHOWN:
            print(f"      ... and {len(figures) - FIGURES_SHOWN} more")


def meta(
    doc: Annotated[str, typer.Argument(metavar="DOC", help="The paper's id (see `qa-assistant documents`).")],
    title: Title = None,
    committee: Committee = None,
    meeting_date: MeetingDate = None,
    kind: Kind = None,
    source_url: SourceUrl = None,
    no_index: NoIndex = False,
) -> None:
    """Correct a paper's metadata and update the index.

    Corrected fields are no longer marked as inferred.
    """
    from qa_assistant.ingest.library import update_metadata

    fields = _fields(title, committee, meeting_date, kind, source_url)
    if not fields:
        fail("give at least one of --title, --committee, --meeting-date, --kind, --source-url")
    try:
        entry = update_metadata(get_settings().corpus_dir, doc, fields)
    except ValueError as exc:
        fail(str(exc))
    print(f"updated   metadata of {doc}")
    _show_entry(entry, doc)
    _reindex(no_index)


def remove(
    docs: Annotated[list[str], typer.Argument(metavar="DOCS", help="Paper ids or file names.")],
    no_index: NoIndex = False,
) -> None:
    """Remove papers and update the index.

    Each paper goes with its passages and figures. Exits 1 if any was not found.
    """
    from qa_assistant.ingest.library import NoSuchPaper, remove_document

    missing = 0
    for doc in docs:  # each on its own: one unknown id does not stop the others
        try:
            print(f"removed   {remove_document(get_settings().corpus_dir, doc)}")
        except NoSuchPaper as exc:
            print(f"skipped   {exc}")
            missing += 1
    if missing < len(docs):
        _reindex(no_index)
    if missing:
        raise typer.Exit(1)


def documents(json: Json = False) -> None:
    """List the papers in the corpus.

    Each with its metadata (inferred fields marked). With --json: every field but the text.
    """
    from qa_assistant.ingest.documents import load_corpus

    loaded = load_corpus(get_settings().corpus_dir)
    if json:
        docs = [
            {**d.model_dump(mode="json", exclude={"text"}), "meeting_date_label": d.meeting_date_label}
            for d in loaded.documents
        ]
        emit_json({"documents": docs, "problems": loaded.problems})
        return
    for d in loaded.documents:
        pages = f", {len(d.page_starts)} pages" if d.page_starts else ""
        inferred = f"  [inferred: {', '.join(d.inferred)}]" if d.inferred else ""
        print(
            f"{d.doc_id}  ({d.file}{pages})\n    {d.title} | {d.committee or 'committee not stated'} | "
            f"{d.meeting_date_label}{inferred}"
        )
    for problem in loaded.problems:
        print(f"note: {problem}")
