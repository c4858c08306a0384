"""`search`, `ask` and `serve`: passages, cited answers, and the chat page with its JSON API."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from qa_assistant.cli.common import Json, NoRebuild, emit_json, load_index, say
from qa_assistant.settings import get_settings

SNIPPET_CHARS = 300
QUOTE_CHARS = 400


def search(
    query: Annotated[str, typer.Argument(metavar="QUERY", help="Words to look for (a question works too).")],
    k: Annotated[int, typer.Option("-k", min=1, help="How many passages.")] = 5,
    mode: Annotated[
        Literal["hybrid", "bm25", "dense"], typer.Option(help="Retriever: both fused, keywords, or meaning.")
    ] = "hybrid",
    no_rebuild: NoRebuild = False,
    json: Json = False,
) -> None:
    """Ranked passages for a query.

    Each passage with its paper, committee, meeting date, score and character offsets. With --json each hit
    carries the passage's full text (not the shortened snippet), the paper's metadata, the score and the
    passage's character offsets in the paper's clean text.
    """
    from qa_assistant.answering.assistant import clean_question
    from qa_assistant.indexing.retrieval import search as run_search

    settings = get_settings()
    query = clean_question(query, settings.max_question_chars)
    index = load_index(no_rebuild)
    hits = run_search(
        index, query, k=k, mode=mode, rrf_k=settings.rrf_k, candidates=settings.candidates_per_retriever
    )
    if json:
        emit_json(
            {"query": query, "mode": mode, "k": k, "hits": [_hit_json(r, h) for r, h in enumerate(hits, 1)]}
        )
        return
    if not hits:
        print("No passages match.")
    for rank, h in enumerate(hits, 1):
        snippet = " ".join(h.chunk.text.split())
        print(
            f"{rank}. [{h.score:.4f}] {h.document.title} | {h.document.committee or 'committee not stated'} | "
            f"{h.document.meeting_date_label} | chars {h.chunk.start}-{h.chunk.end}"
        )
        print(f"   {snippet[:SNIPPET_CHARS]}{'…' if len(snippet) > SNIPPET_CHARS else ''}")


def _hit_json(rank: int, hit) -> dict:
    """A SearchHit as JSON: the whole chunk (text, offsets), the paper's metadata, score and ranks."""
    from qa_assistant.models import page_of

    out = {"rank": rank, **hit.model_dump(mode="json")}
    out["document"]["meeting_date_label"] = hit.document.meeting_date_label
    out["page"] = page_of(hit.document.page_starts, hit.chunk.start)
    return out


def ask(
    question: Annotated[str, typer.Argument(metavar="QUESTION", help="The question, in plain words.")],
    history: Annotated[
        list[str] | None,
        typer.Option(
            metavar="QUESTION", help="An earlier question of the conversation (repeat, oldest first)."
        ),
    ] = None,
    no_rebuild: NoRebuild = False,
    json: Json = False,
) -> None:
    """A cited answer to a question.

    The figure (or who / when / which) with the passages it comes from. A question the papers do not answer
    gets a "not found" answer and still exits 0. With --json the whole Answer (figures, citations with
    offsets, what was understood) is printed.
    """
    from qa_assistant.answering.assistant import Assistant, clean_question

    settings = get_settings()
    clean_question(question, settings.max_question_chars)  # bad input fails before the index is loaded
    answer = Assistant(load_index(no_rebuild), settings).ask(question, history or [])
    if json:
        emit_json(answer.model_dump(mode="json"))
        return
    print(f"[{answer.kind}] {answer.text}")
    for i, c in enumerate(answer.citations, 1):
        quote = " ".join(c.quote.split())
        print(f"  [{i}] {c.reference()}")
        print(f"      \u201c{quote[:QUOTE_CHARS]}\u201d")


def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on (default QA_HOST).")] = None,
    port: Annotated[int | None, typer.Option(min=0, max=65535, help="Port (default QA_PORT).")] = None,
    no_rebuild: NoRebuild = False,
    workers: Annotated[
        int | None,
        typer.Option(min=0, help="Worker processes (default QA_WORKERS, else one per core up to 4)."),
    ] = None,
) -> None:
    """The chat web page and the JSON API (Ctrl+C to stop)."""
    import os

    # One thread per worker for BLAS/OpenMP: with a worker per core, extra threads only spin against each other
    # (measured: 26 -> 71 questions/s with 2 workers). Set before numpy/faiss load, inherited by the workers.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    from qa_assistant.serve.workers import prepare_index, run_workers

    settings = get_settings()
    host, port = host or settings.host, port or settings.port
    workers = workers or settings.worker_count
    # Open the index the workers will load (rebuild it, or fall back to the last good version) before any starts.
    index = prepare_index(settings, rebuild=not no_rebuild, say=say)
    # each worker loads its own model and index; validated and exported (if needed) once, here
    if workers > 1:
        from qa_assistant.indexing import embedding

        del index
        embedding.prepare()
        say(f"qa-assistant: open http://{host}:{port}/ in your browser ({workers} workers; Ctrl+C to stop)")
        code = run_workers(settings, host, port, workers, say)
        if code:
            raise typer.Exit(code)
        return
    _serve_one(settings, index, host, port)


def _serve_one(settings, index, host: str, port: int) -> None:
    import uvicorn

    from qa_assistant.serve.app import create_app

    app = create_app(settings, index=index)
    say(f"qa-assistant: open http://{host}:{port}/ in your browser (Ctrl+C to stop)")
    uvicorn.run(
        app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=settings.shutdown_seconds
    )
