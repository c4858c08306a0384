"""FastAPI app: JSON API plus the static chat page. Thin: every answer comes from answering.Assistant.

Every response carries the security headers and every request body is bounded (http_guards); SIGTERM also
tells long work in this process to stop (stopping), so shutdown takes seconds even mid-build.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, HTTPException, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from qa_assistant import stopping
from qa_assistant.answering.assistant import QuestionError, QuestionTooLong
from qa_assistant.answering.generation import backend_from_settings
from qa_assistant.answering.pipeline import Responder
from qa_assistant.figures.concepts import concepts_by_id, load_concepts
from qa_assistant.indexing.loaded import LoadedIndex, load_index
from qa_assistant.models import Answer, Chunk, DocumentMeta, FigureValue
from qa_assistant.serve import http_guards
from qa_assistant.serve.feedback_api import feedback_router
from qa_assistant.serve.live import LiveAssistant
from qa_assistant.serve.openai_api import openai_router
from qa_assistant.serve.views_api import views_router
from qa_assistant.settings import Settings

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"


class AskRequest(BaseModel):
    question: str = Field(description="The question as typed")
    history: list[str] = Field(
        default_factory=list,
        max_length=50,
        description="Earlier questions in this conversation, oldest first",
    )


class DocumentOut(BaseModel):
    document: DocumentMeta
    meeting_date_label: str = Field(description="The meeting date, or 'date not stated'")
    text: str | None = None


class PassageOut(BaseModel):
    chunk: Chunk
    document: DocumentMeta


class MeasureOut(BaseModel):
    id: str
    label: str
    units: list[str]
    figures: int


def create_app(settings: Settings, rebuild: bool = True, index: LoadedIndex | None = None) -> FastAPI:
    """The app over `index`, or over the published index: validated and rebuilt (or fallen back to the last good
    version) when rebuild is set, else loaded as it is (a worker loads what its parent validated)."""
    if index is None:
        if rebuild:
            from qa_assistant.serve.workers import prepare_index

            index = prepare_index(settings)
        else:
            index = load_index(settings, check_fresh=False)
    live = LiveAssistant(settings, index)
    responder = Responder(backend_from_settings(settings))
    try:  # load the model now, not on a user's first question
        live.get().ask("How many children were looked after?")
    except Exception:  # noqa: BLE001 - a warm-up failure must not stop the server; the real request will report
        log.exception("warm-up question failed")

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        stopping.chain_signal_handlers()  # uvicorn's handlers are in place by now; SIGTERM also stops builds
        yield

    app = FastAPI(
        title="qa-assistant",
        version="0.1.0",
        lifespan=lifespan,
        description="Cited, extractive answers from Middlesbrough Council children's services papers.",
    )
    http_guards.install(app, settings)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(
            status_code=422,
            content={
                "detail": "The request was not understood: "
                + "; ".join(str(e.get("msg")) for e in exc.errors()[:3])
            },
        )

    @app.get("/api/health")
    def health() -> dict:
        assistant = live.get()
        meta = assistant.index.meta
        return {
            "status": "ok",
            "documents": meta.get("documents"),
            "chunks": meta.get("chunks"),
            "figures": meta.get("figures"),
            "built_at": meta.get("built_at"),
            "model": meta.get("model"),
            "mode": responder.mode,
            "generation_model": settings.llm_model if responder.backend else None,
            "index_version": assistant.index.path.name,
            "admin": bool(settings.admin_token),
        }

    @app.post("/api/ask", response_model=Answer)
    def ask(req: AskRequest) -> Answer:
        try:
            return responder.ask(live.get(), req.question, req.history)
        except QuestionError as exc:
            raise HTTPException(413 if isinstance(exc, QuestionTooLong) else 422, str(exc)) from exc

    @app.get("/api/documents", response_model=list[DocumentOut])
    def documents() -> list[DocumentOut]:
        assistant = live.get()
        metas = [assistant.index.doc_meta(d) for d in assistant.index.documents]
        return [DocumentOut(document=m, meeting_date_label=m.meeting_date_label) for m in metas]

    @app.get("/api/documents/{doc_id}", response_model=DocumentOut)
    def document(doc_id: str) -> DocumentOut:
        assistant = live.get()
        doc = assistant.index.documents.get(doc_id)
        if doc is None:
            raise HTTPException(404, f"No document {doc_id!r}.")
        meta = assistant.index.doc_meta(doc_id)
        return DocumentOut(document=meta, meeting_date_label=meta.meeting_date_label, text=doc.text)

    @app.get("/api/passages/{chunk_id}", response_model=PassageOut)
    def passage(
        chunk_id: Annotated[
            str, PathParam(pattern=r"^[0-9]{1,9}$", description="Passage number (digits only)")
        ],
    ) -> PassageOut:
        assistant = live.get()
        number = int(chunk_id)
        if not 0 <= number < len(assistant.index.chunks):
            raise HTTPException(404, f"No passage {number}.")
        chunk = assistant.index.chunks[number]
        return PassageOut(chunk=chunk, document=assistant.index.doc_meta(chunk.doc_id))

    @app.get("/api/measures", response_model=list[MeasureOut])
    def measures() -> list[MeasureOut]:
        """The concepts catalogue, with how many figures the papers report for each."""
        assistant = live.get()
        counts: dict[str, int] = {}
        for f in assistant.index.figures:
            if f.concept_id:
                counts[f.concept_id] = counts.get(f.concept_id, 0) + 1
        return [
            MeasureOut(id=c.id, label=c.label, units=list(c.units), figures=counts.get(c.id, 0))
            for c in load_concepts()
        ]

    @app.get("/api/timeline/{concept_id}", response_model=list[FigureValue])
    def timeline(concept_id: str, unit: str | None = None) -> list[FigureValue]:
        """The council's own reported levels of one concept, in date order."""
        concept = concepts_by_id().get(concept_id)
        if concept is None:
            raise HTTPException(404, f"No measure {concept_id!r}.")
        return live.get().concept_timeline(concept.id, unit or concept.headline_unit)

    app.include_router(openai_router(live.get, responder))
    app.include_router(views_router(live.get))
    app.include_router(feedback_router(settings, lambda: live.get().index.path.name))

    if settings.admin_token:
        from qa_assistant.serve.admin import admin_router

        app.include_router(admin_router(settings))

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app


def app_from_env() -> FastAPI:
    """Factory for uvicorn worker processes: settings from QA_* env, index validated by the parent. A worker
    that cannot load it stops the server with one message (serving.worker_start_failed), never a restart loop."""
    from qa_assistant.serve.workers import worker_start_failed
    from qa_assistant.settings import get_settings

    try:
        return create_app(get_settings(), rebuild=False)
    except Exception as exc:  # noqa: BLE001 - whatever stops a worker loading, the server must stop, not loop
        worker_start_failed(exc)
        raise
