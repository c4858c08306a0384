"""`figures` and `feedback [list|export]`: the figures table and the feedback store on the command line.

Thin: the rows come from serve/figure_table.py and serve/feedback.py, exactly as the web pages show them."""

from __future__ import annotations

import json as jsonlib
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from qa_assistant.cli.common import Json, NoRebuild, emit_json, fail, load_index, say
from qa_assistant.settings import get_settings


def figures(
    concept: Annotated[
        str | None, typer.Option(help="Measure id (see /api/measures), e.g. looked_after.")
    ] = None,
    phrase: Annotated[str | None, typer.Option(help="Words the figure's measure phrase holds.")] = None,
    unit: Annotated[str | None, typer.Option(help="count, percent, per_10000, gbp, ...")] = None,
    subject: Annotated[
        str | None, typer.Option(help="own, england, region, neighbours, other, or a council's name.")
    ] = None,
    kind: Annotated[
        Literal["level", "change", "target", "forecast", "part", "limit"] | None, typer.Option()
    ] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", metavar="YYYY-MM-DD", help="As of on or after this date.")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", metavar="YYYY-MM-DD", help="As of on or before this date.")
    ] = None,
    doc: Annotated[str | None, typer.Option(help="Paper id.")] = None,
    sort: Annotated[Literal["as_of", "value", "measure", "paper", "meeting_date"], typer.Option()] = "as_of",
    desc: Annotated[bool, typer.Option("--desc", help="Largest / latest first.")] = False,
    limit: Annotated[int, typer.Option(help="Rows to print (0 = up to 500).")] = 50,
    offset: int = 0,
    json: Json = False,
    csv: Annotated[bool, typer.Option("--csv", help="Every matching figure as CSV.")] = False,
    no_rebuild: NoRebuild = False,
) -> None:
    """Every extracted figure with its source.

    Filter, sort and page through them (or get all of them with --csv), as the figures page does.
    """
    from pydantic import ValidationError

    from qa_assistant.serve.figure_table import FigureFilter

    if json and csv:
        fail("--json and --csv cannot be used together")
    try:
        flt = FigureFilter(
            concept=concept,
            q=phrase,
            unit=unit,
            subject=subject,
            kind=kind,
            date_from=date_from,
            date_to=date_to,
            doc=doc,
            sort=sort,
            order="desc" if desc else "asc",
            limit=limit or 500,
            offset=offset,
        )
    except ValidationError as exc:
        fail("; ".join(str(e["msg"]) for e in exc.errors()[:3]))
    _show_figures(flt, no_rebuild, "json" if json else "csv" if csv else "text")


def _show_figures(flt, no_rebuild: bool, output: str) -> None:
    from qa_assistant.figures.concepts import concepts_by_id
    from qa_assistant.serve.figure_table import FilterError, check_filter, figures_csv, query_figures

    index = load_index(no_rebuild)
    try:
        check_filter(flt, index, set(concepts_by_id()))
    except FilterError as exc:
        fail(str(exc))
    if output == "csv":
        sys.stdout.write(figures_csv(index, flt))
        return
    page = query_figures(index, flt)
    if output == "json":
        emit_json(page.model_dump(mode="json", exclude={"units", "subjects"}))
        return
    if not page.rows:
        print("No figures match.")
    for r in page.rows:
        whose = "" if r.subject == "own" else f" [{r.subject_name}]"
        kind = "" if r.kind == "level" else f" ({r.kind})"
        page_no = f", p. {r.page}" if r.page else ""
        print(f"{r.as_of:<32} {r.value_text:>18}  {r.measure}{whose}{kind}")
        print(
            f"{'':<32} {'':>18}  as of: {r.as_of_basis}; {_short(r.title, 70)}, {r.meeting_date_label}{page_no}"
        )
    shown = page.offset + len(page.rows)
    if shown < page.total:
        print(f"... {page.total - shown} more of {page.total}: --offset {shown}, or --csv for all")


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def _entries(verdict: str | None, limit: int):
    from qa_assistant.serve.feedback import FeedbackStore

    return FeedbackStore(get_settings().feedback_path).entries(verdict, limit=limit)


def _out_file(value: Path | None) -> Path | None:
    if value is not None and not value.parent.is_dir():
        raise typer.BadParameter(f"folder {value.parent} does not exist")
    return value


def feedback(
    action: Annotated[
        Literal["list", "export"],
        typer.Argument(metavar="ACTION", help="list entries, or export them as draft eval cases."),
    ] = "list",
    verdict: Annotated[Literal["helpful", "wrong"] | None, typer.Option()] = None,
    limit: int = 100,
    json: Json = False,
    out: Annotated[
        Path | None,
        typer.Option(
            dir_okay=False,
            callback=_out_file,
            help="export: write the candidate cases (JSON lines) here instead of stdout.",
        ),
    ] = None,
) -> None:
    """Feedback left on answers, newest first.

    `feedback export` drafts eval cases from it for a maintainer to confirm.
    """
    if action == "export":
        _export(verdict, out)
        return
    total, entries = _entries(verdict, limit)
    if json:
        emit_json([e.model_dump(mode="json") for e in entries])
        return
    print(f"{total} feedback entr{'y' if total == 1 else 'ies'} in {get_settings().feedback_path}")
    for e in entries:
        print(f"#{e.id} {e.created_at} {e.verdict.upper()}  [{e.answer.kind}] {e.question}")
        if e.history:
            print(f"    after: {' / '.join(e.history)}")
        print(f"    answer: {' '.join(e.answer.text.split())[:300]}")
        if e.comment:
            print(f"    comment: {' '.join(e.comment.split())}")


def _export(verdict: str | None, out: Path | None) -> None:
    from qa_assistant.serve.feedback import candidate_case

    _, entries = _entries(verdict, 1_000_000)
    lines = [jsonlib.dumps(candidate_case(e), ensure_ascii=False) for e in reversed(entries)]
    text = "".join(line + "\n" for line in lines)
    if out is None:
        sys.stdout.write(text)
        return
    out.write_text(text, encoding="utf-8")
    say(
        f"wrote {len(lines)} candidate eval case(s) to {out}; confirm each 'expected' against the papers "
        f"before adding it to evals/"
    )
