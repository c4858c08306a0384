"""`qa-assistant figures` and `qa-assistant feedback [export]`: the figures table and the feedback store on the
command line. Thin: the rows come from figure_table.py and feedback.py, exactly as the web pages show them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from qa_assistant.settings import get_settings


def cmd_figures(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from qa_assistant.figures.concepts import concepts_by_id
    from qa_assistant.indexing.loaded import ensure_index
    from qa_assistant.serve.figure_table import (
        FigureFilter,
        FilterError,
        check_filter,
        figures_csv,
        query_figures,
    )

    try:
        flt = FigureFilter(
            concept=args.concept,
            q=args.phrase,
            unit=args.unit,
            subject=args.subject,
            kind=args.kind,
            date_from=args.date_from,
            date_to=args.date_to,
            doc=args.doc,
            sort=args.sort,
            order="desc" if args.desc else "asc",
            limit=args.limit or 500,
            offset=args.offset,
        )
    except ValidationError as exc:
        print(f"error: {'; '.join(str(e['msg']) for e in exc.errors()[:3])}", file=sys.stderr)
        return 2
    index = ensure_index(get_settings(), rebuild=not args.no_rebuild, say=lambda m: print(m, file=sys.stderr))
    try:
        check_filter(flt, index, set(concepts_by_id()))
    except FilterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.csv:
        sys.stdout.write(figures_csv(index, flt))
        return 0
    page = query_figures(index, flt)
    if args.json:
        print(page.model_dump_json(indent=2, exclude={"units", "subjects"}))
        return 0
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
    return 0


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def _entries(verdict: str | None, limit: int):
    from qa_assistant.serve.feedback import FeedbackStore

    return FeedbackStore(get_settings().feedback_path).entries(verdict, limit=limit)


def cmd_feedback(args: argparse.Namespace) -> int:
    if getattr(args, "action", None) == "export":
        return _export(args)
    total, entries = _entries(args.verdict, args.limit)
    if args.json:
        print(json.dumps([e.model_dump(mode="json") for e in entries], indent=2))
        return 0
    print(f"{total} feedback entr{'y' if total == 1 else 'ies'} in {get_settings().feedback_path}")
    for e in entries:
        print(f"#{e.id} {e.created_at} {e.verdict.upper()}  [{e.answer.kind}] {e.question}")
        if e.history:
            print(f"    after: {' / '.join(e.history)}")
        print(f"    answer: {' '.join(e.answer.text.split())[:300]}")
        if e.comment:
            print(f"    comment: {' '.join(e.comment.split())}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from qa_assistant.serve.feedback import candidate_case

    _, entries = _entries(args.verdict, 1_000_000)
    lines = [json.dumps(candidate_case(e), ensure_ascii=False) for e in reversed(entries)]
    text = "".join(line + "\n" for line in lines)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(
            f"wrote {len(lines)} candidate eval case(s) to {args.out}; confirm each 'expected' against the papers "
            f"before adding it to evals/",
            file=sys.stderr,
        )
    else:
        sys.stdout.write(text)
    return 0


def add_parsers(sub) -> None:
    """Register the `figures` and `feedback` commands on the main parser's subcommands."""
    fg = sub.add_parser("figures", help="every extracted figure (filter, sort; --csv / --json)")
    fg.add_argument("--concept", help="measure id (see /api/measures), e.g. looked_after")
    fg.add_argument("--phrase", help="words the figure's measure phrase holds")
    fg.add_argument("--unit", help="count, percent, per_10000, gbp, ...")
    fg.add_argument("--subject", help="own, england, region, neighbours, other, or a council's name")
    fg.add_argument("--kind", choices=["level", "change", "target", "forecast", "part"])
    fg.add_argument("--from", dest="date_from", help="as of on or after YYYY-MM-DD")
    fg.add_argument("--to", dest="date_to", help="as of on or before YYYY-MM-DD")
    fg.add_argument("--doc", help="paper id")
    fg.add_argument("--sort", choices=["as_of", "value", "measure", "paper", "meeting_date"], default="as_of")
    fg.add_argument("--desc", action="store_true", help="largest / latest first")
    fg.add_argument("--limit", type=int, default=50, help="rows to print (0 = up to 500)")
    fg.add_argument("--offset", type=int, default=0)
    out = fg.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--csv", action="store_true", help="every matching figure as CSV")
    fg.add_argument("--no-rebuild", action="store_true")
    fg.set_defaults(func=cmd_figures)

    fb = sub.add_parser(
        "feedback", help="list feedback on answers; `feedback export` drafts eval cases from it"
    )
    fb.add_argument("action", nargs="?", choices=["list", "export"], default="list")
    fb.add_argument("--verdict", choices=["helpful", "wrong"])
    fb.add_argument("--limit", type=int, default=100)
    fb.add_argument("--json", action="store_true")
    fb.add_argument("--out", help="export: write the candidate cases (JSON lines) here instead of stdout")
    fb.set_defaults(func=cmd_feedback)
