"""Command line: index, search, ask, serve. Thin: everything it prints comes from the modules below it."""

from __future__ import annotations

import argparse
import logging
import sys

from .settings import get_settings


def _say(msg: str) -> None:
    print(msg, file=sys.stderr)


def _load(args: argparse.Namespace):
    from .index import ensure_index

    return ensure_index(get_settings(), rebuild=not args.no_rebuild, say=_say)


def cmd_index(args: argparse.Namespace) -> int:
    from .index import build_index, check_index

    settings = get_settings()
    status = check_index(settings)
    if status.state == "ok" and not args.force:
        print(f"Index is up to date ({status.reason}). Use --force to rebuild.")
        return 0
    report = build_index(settings)
    print(f"Indexed {report.documents} documents, {report.chunks} passages, {report.figures} figures "
          f"in {report.seconds:.1f}s -> {report.path}")
    for p in report.problems:
        print(f"  note: {p}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from .answering import clean_question
    from .retrieval import search

    settings = get_settings()
    query = clean_question(args.query, settings.max_question_chars)
    index = _load(args)
    hits = search(index, query, k=args.k, mode=args.mode, rrf_k=settings.rrf_k,
                  candidates=settings.candidates_per_retriever)
    if not hits:
        print("No passages match.")
    for rank, h in enumerate(hits, 1):
        snippet = " ".join(h.chunk.text.split())
        print(f"{rank}. [{h.score:.4f}] {h.document.title} | {h.document.committee or 'committee not stated'} | "
              f"{h.document.meeting_date_label} | chars {h.chunk.start}-{h.chunk.end}")
        print(f"   {snippet[:300]}{'…' if len(snippet) > 300 else ''}")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from .answering import Assistant

    settings = get_settings()
    answer = Assistant(_load(args), settings).ask(args.question, args.history or [])
    if args.json:
        print(answer.model_dump_json(indent=2))
        return 0
    print(f"[{answer.kind}] {answer.text}")
    for i, c in enumerate(answer.citations, 1):
        quote = " ".join(c.quote.split())
        print(f"  [{i}] {c.title} | {c.committee or 'committee not stated'} | meeting {c.meeting_date_label}"
              + (f" | as of {c.as_of_label}" if c.as_of_label else ""))
        print(f"      \u201c{quote[:400]}\u201d")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .server import create_app

    settings = get_settings()
    app = create_app(settings, rebuild=not args.no_rebuild)
    host, port = args.host or settings.host, args.port or settings.port
    _say(f"qa-assistant: open http://{host}:{port}/ in your browser (Ctrl+C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from .answering import Assistant
    from .evals import check_thresholds, load_cases, markdown, run, write_reports
    from .settings import REPO_ROOT

    settings = get_settings()
    evals_dir = REPO_ROOT / "evals"
    cases = load_cases(Path(args.cases) if args.cases else evals_dir / "qa.jsonl")
    results, summary = run(Assistant(_load(args), settings), cases)
    js, md = write_reports(results, summary, Path(args.out) if args.out else evals_dir / "reports")
    print(markdown(results, summary).split("## Failures")[0])
    print(f"Reports: {js} and {md}")
    thresholds = json.loads((evals_dir / "thresholds.json").read_text())
    failures = check_thresholds(summary, thresholds)
    for f in failures:
        print(f"BELOW THRESHOLD: {f}")
    return 1 if failures else 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="qa-assistant", description="Cited answers from council committee papers.")
    sub = p.add_subparsers(dest="command", required=True)
    ix = sub.add_parser("index", help="build the index from corpus/ (skipped when up to date)")
    ix.add_argument("--force", action="store_true")
    ix.set_defaults(func=cmd_index)
    for name, func, helptext in (("search", cmd_search, "ranked passages"), ("ask", cmd_ask, "a cited answer")):
        sp = sub.add_parser(name, help=helptext)
        sp.add_argument("query" if name == "search" else "question")
        sp.add_argument("--no-rebuild", action="store_true", help="fail instead of rebuilding a stale index")
        if name == "search":
            sp.add_argument("-k", type=int, default=5)
            sp.add_argument("--mode", choices=["hybrid", "bm25", "dense"], default="hybrid")
        else:
            sp.add_argument("--history", action="append", help="an earlier question (repeat, oldest first)")
            sp.add_argument("--json", action="store_true")
        sp.set_defaults(func=func)
    ev = sub.add_parser("eval", help="run the known QA pairs and report; non-zero below thresholds")
    ev.add_argument("--cases")
    ev.add_argument("--out")
    ev.add_argument("--no-rebuild", action="store_true")
    ev.set_defaults(func=cmd_eval)
    sv = sub.add_parser("serve", help="the chat web page and JSON API")
    sv.add_argument("--host")
    sv.add_argument("--port", type=int)
    sv.add_argument("--no-rebuild", action="store_true")
    sv.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    args = build_parser().parse_args(argv)
    from .answering import QuestionError
    from .documents import CorpusError
    from .index import IndexUnavailable

    try:
        return args.func(args)
    except (QuestionError, CorpusError, IndexUnavailable) as exc:
        _say(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
