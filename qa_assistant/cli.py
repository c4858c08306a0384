"""Command line: index, search, ask, serve. Thin: everything it prints comes from the modules below it."""

from __future__ import annotations

import argparse
import logging
import sys

from qa_assistant.settings import get_settings


def _say(msg: str) -> None:
    print(msg, file=sys.stderr)


def _load(args: argparse.Namespace):
    from qa_assistant.indexing.loaded import ensure_index

    return ensure_index(get_settings(), rebuild=not args.no_rebuild, say=_say)


def cmd_index(args: argparse.Namespace) -> int:
    from qa_assistant.indexing.build import build_index
    from qa_assistant.indexing.loaded import check_index

    settings = get_settings()
    status = check_index(settings)
    if status.state == "ok" and not args.force:
        print(f"Index is up to date ({status.reason}). Use --force to rebuild.")
        return 0
    report = build_index(settings, say=_say)
    print(f"{report.summary()} -> {report.path}")
    for p in report.problems:
        print(f"  note: {p}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from qa_assistant.answering.assistant import clean_question
    from qa_assistant.indexing.retrieval import search

    settings = get_settings()
    query = clean_question(args.query, settings.max_question_chars)
    index = _load(args)
    hits = search(
        index,
        query,
        k=args.k,
        mode=args.mode,
        rrf_k=settings.rrf_k,
        candidates=settings.candidates_per_retriever,
    )
    if not hits:
        print("No passages match.")
    for rank, h in enumerate(hits, 1):
        snippet = " ".join(h.chunk.text.split())
        print(
            f"{rank}. [{h.score:.4f}] {h.document.title} | {h.document.committee or 'committee not stated'} | "
            f"{h.document.meeting_date_label} | chars {h.chunk.start}-{h.chunk.end}"
        )
        print(f"   {snippet[:300]}{'…' if len(snippet) > 300 else ''}")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from qa_assistant.answering.assistant import Assistant

    settings = get_settings()
    answer = Assistant(_load(args), settings).ask(args.question, args.history or [])
    if args.json:
        print(answer.model_dump_json(indent=2))
        return 0
    print(f"[{answer.kind}] {answer.text}")
    for i, c in enumerate(answer.citations, 1):
        quote = " ".join(c.quote.split())
        print(f"  [{i}] {c.reference()}")
        print(f"      \u201c{quote[:400]}\u201d")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    # One thread per worker for BLAS/OpenMP: with a worker per core, extra threads only spin against each other
    # (measured: 26 -> 71 questions/s with 2 workers). Set before numpy/faiss load, inherited by the workers.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    import uvicorn

    from qa_assistant.serve.app import create_app
    from qa_assistant.serve.workers import prepare_index, run_workers

    settings = get_settings()
    host, port = args.host or settings.host, args.port or settings.port
    workers = args.workers or settings.worker_count
    # Open the index the workers will load (rebuild it, or fall back to the last good version) before any starts.
    index = prepare_index(settings, rebuild=not args.no_rebuild, say=_say)
    if (
        workers > 1
    ):  # each worker loads its own model and index; validated and exported (if needed) once, here
        from qa_assistant.indexing import embedding

        del index
        embedding.prepare()
        _say(f"qa-assistant: open http://{host}:{port}/ in your browser ({workers} workers; Ctrl+C to stop)")
        return run_workers(settings, host, port, workers, _say)
    app = create_app(settings, index=index)
    _say(f"qa-assistant: open http://{host}:{port}/ in your browser (Ctrl+C to stop)")
    uvicorn.run(
        app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=settings.shutdown_seconds
    )
    return 0


def _meta_fields(args: argparse.Namespace) -> dict:
    return {
        k: getattr(args, k)
        for k in ("title", "committee", "meeting_date", "kind", "source_url")
        if getattr(args, k, None) is not None
    }


def _show_entry(entry: dict, doc_id: str | None) -> None:
    inferred = set(entry.get("inferred") or [])
    for key in ("title", "committee", "meeting_date"):
        value = entry.get(key) or "not found"
        print(
            f"      {key.replace('_', ' ')}: {value}{'  (inferred from the text)' if key in inferred else ''}"
        )
    if inferred and doc_id:
        print(f"      correct with: qa-assistant meta {doc_id} --committee '...' --meeting-date YYYY-MM-DD")


def _reindex(args: argparse.Namespace):
    """Rebuild after a change (unless --no-index); the BuildReport, or None."""
    from qa_assistant.indexing.build import build_index

    if getattr(args, "no_index", False):
        print("Corpus updated; index not rebuilt (--no-index). Run `qa-assistant index`.")
        return None
    report = build_index(get_settings(), say=_say)
    print(report.summary())
    return report


def cmd_add(args: argparse.Namespace) -> int:
    from pathlib import Path

    from qa_assistant.ingest.library import add_paths

    if len(args.paths) > 1 and _meta_fields(args):
        _say("error: --title/--committee/--meeting-date apply to one file at a time")
        return 2
    corpus = get_settings().corpus_dir
    results = add_paths(corpus, [Path(p) for p in args.paths], _meta_fields(args))
    for r in results:
        print(f"{r.outcome:9} {r.message}")
        if r.outcome in ("added", "updated"):
            _show_entry(r.metadata, r.doc_id)
    changed = [r for r in results if r.outcome in ("added", "updated")]
    refused = []
    if changed:
        report = _reindex(args)
        refused = [r for r in changed if report is not None and r.doc_id in report.refused]
        if refused:  # over its budget: a paper the index cannot take does not stay in the corpus
            from qa_assistant.ingest.library import undo_add

            for r in refused:
                reason = next(
                    (p for p in report.problems if r.file and r.file in p), "it could not be indexed"
                )
                print(f"refused   {reason.removeprefix('refused ')} (taken out of the corpus again)")
                undo_add(corpus, r)
            _reindex(args)
        if not args.no_index:
            _show_figures([r.doc_id for r in changed if r.doc_id and r not in refused])
    return 1 if refused or any(r.outcome in ("skipped", "conflict") for r in results) else 0


def _show_figures(doc_ids: list[str]) -> None:
    """What was extracted from each new paper, so an officer can check it (or see that a measure is missing)."""
    from qa_assistant.indexing.loaded import load_index

    index = load_index(get_settings(), check_fresh=False)
    for doc_id in doc_ids:
        figures = [f for f in index.figures if f.doc_id == doc_id]
        print(f"figures in {doc_id}: {len(figures) or 'none'}")
        for f in figures[:20]:
            whose = "" if f.subject == "own" else f" [{f.subject_name}]"
            kind = "" if f.kind == "level" else f" ({f.kind})"
            print(f"      {f.label}{whose}: {f.value_text}{kind} as of {f.as_of.label}")
        if len(figures) > 20:
            print(f"      ... and {len(figures) - 20} more")


def cmd_meta(args: argparse.Namespace) -> int:
    from qa_assistant.ingest.library import update_metadata

    fields = _meta_fields(args)
    if not fields:
        _say("error: give at least one of --title, --committee, --meeting-date, --kind, --source-url")
        return 2
    try:
        entry = update_metadata(get_settings().corpus_dir, args.doc, fields)
    except ValueError as exc:
        _say(f"error: {exc}")
        return 2
    print(f"updated   metadata of {args.doc}")
    _show_entry(entry, args.doc)
    _reindex(args)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from qa_assistant.ingest.library import NoSuchPaper, remove_document

    missing = 0
    for doc in args.docs:  # each on its own: one unknown id does not stop the others
        try:
            print(f"removed   {remove_document(get_settings().corpus_dir, doc)}")
        except NoSuchPaper as exc:
            print(f"skipped   {exc}")
            missing += 1
    if missing < len(args.docs):
        _reindex(args)
    return 1 if missing else 0


def cmd_documents(args: argparse.Namespace) -> int:
    from qa_assistant.ingest.documents import load_corpus

    loaded = load_corpus(get_settings().corpus_dir)
    for d in loaded.documents:
        pages = f", {len(d.page_starts)} pages" if d.page_starts else ""
        inferred = f"  [inferred: {', '.join(d.inferred)}]" if d.inferred else ""
        print(
            f"{d.doc_id}  ({d.file}{pages})\n    {d.title} | {d.committee or 'committee not stated'} | "
            f"{d.meeting_date_label}{inferred}"
        )
    for problem in loaded.problems:
        print(f"note: {problem}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from qa_assistant.answering.assistant import Assistant
    from qa_assistant.evals.report import check_thresholds, table, write_reports
    from qa_assistant.evals.runner import run
    from qa_assistant.evals.splits import EVALS_DIR, SplitError, get_split, split_settings
    from qa_assistant.indexing.loaded import ensure_index

    settings = get_settings()
    names = args.split or ["dev", "test"]
    thresholds = json.loads((EVALS_DIR / "thresholds.json").read_text())
    runs, failures, shown = {}, [], {}
    for name in names:
        try:
            split = get_split(name, Path(args.papers) if args.papers else None)
        except SplitError as exc:
            _say(f"error: {exc}")
            return 2
        local = split_settings(split, settings)
        index = ensure_index(local, say=_say)
        results, summary = run(Assistant(index, local), split.cases())
        runs[name] = (results, summary)
        shown[name] = not name.endswith("test") or args.show_test_failures
        print(f"\n{name}: {summary['overall']['n']} questions")
        print("\n".join(table(summary)))
        if split.gate:
            failures += [f"{name}: {f}" for f in check_thresholds(summary, thresholds.get(name, {}))]
    js, md = write_reports(runs, Path(args.out) if args.out else EVALS_DIR / "reports", shown)
    print(f"\nReports: {js} and {md}")
    for f in failures:
        print(f"BELOW THRESHOLD: {f}")
    return 1 if failures else 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="qa-assistant", description="Cited answers from council committee papers."
    )
    sub = p.add_subparsers(dest="command", required=True)
    ix = sub.add_parser("index", help="build the index from corpus/ (skipped when up to date)")
    ix.add_argument("--force", action="store_true")
    ix.set_defaults(func=cmd_index)
    for name, func, helptext in (
        ("search", cmd_search, "ranked passages"),
        ("ask", cmd_ask, "a cited answer"),
    ):
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
    ev = sub.add_parser("eval", help="run the known QA pairs per split and report; non-zero below thresholds")
    ev.add_argument(
        "--split", action="append", help="dev, test, real-dev, real-test (repeat; default dev and test)"
    )
    ev.add_argument(
        "--papers", help="folder of the split's papers (real-* splits: their text is not committed)"
    )
    ev.add_argument(
        "--show-test-failures", action="store_true", help="list held-out failures in the report too"
    )
    ev.add_argument("--out")
    ev.add_argument("--no-rebuild", action="store_true")
    ev.set_defaults(func=cmd_eval)
    add = sub.add_parser("add", help="add papers (.txt .md .html .pdf files or folders) and update the index")
    add.add_argument("paths", nargs="+")
    rm = sub.add_parser("remove", help="remove papers by id or file name and update the index")
    rm.add_argument("docs", nargs="+")
    meta = sub.add_parser("meta", help="correct a paper's metadata and update the index")
    meta.add_argument("doc")
    for sp in (add, meta):
        sp.add_argument("--title")
        sp.add_argument("--committee")
        sp.add_argument("--meeting-date", dest="meeting_date", help="YYYY-MM-DD")
        sp.add_argument("--kind", help="e.g. minutes, agenda pack, report")
        sp.add_argument("--source-url", dest="source_url")
    for sp, func in ((add, cmd_add), (rm, cmd_remove), (meta, cmd_meta)):
        sp.add_argument("--no-index", action="store_true", help="change the corpus only; index later")
        sp.set_defaults(func=func)
    docs = sub.add_parser("documents", help="list the papers in the corpus with their metadata")
    docs.set_defaults(func=cmd_documents)
    from qa_assistant.cli_views import add_parsers

    add_parsers(sub)  # figures, feedback
    sv = sub.add_parser("serve", help="the chat web page and JSON API")
    sv.add_argument("--host")
    sv.add_argument("--port", type=int)
    sv.add_argument("--no-rebuild", action="store_true")
    sv.add_argument(
        "--workers", type=int, help="worker processes (default QA_WORKERS, else one per core up to 4)"
    )
    sv.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    args = build_parser().parse_args(argv)
    from qa_assistant.answering.assistant import QuestionError
    from qa_assistant.indexing.layout import IndexUnavailable
    from qa_assistant.ingest.documents import CorpusError

    try:
        return args.func(args)
    except (QuestionError, CorpusError, IndexUnavailable) as exc:
        _say(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
