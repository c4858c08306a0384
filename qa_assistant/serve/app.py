"""FastAPI app: JSON API plus the static chat page. Thin: every answer comes from answering.assistant.Assistant.

Every response carries the security headers and every request body is bounded (http_guards); SIGTERM also
tells long work in this process to stop (stopping), so shutdown takes seconds even mid-build. The routes live
in their routers: chat_api (health, ask), corpus_api (papers, passages, measures), openai_api, views_api,
feedback_api and, when QA_ADMIN_TOKEN is set, admin.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from qa_assistant import stopping
from qa_assistant.answering import ner
from qa_assistant.answering.generation import backend_from_settings
from qa_assistant.answering.pipeline import Responder
from qa_assistant.figures.subjects import council
from qa_assistant.indexing.loaded import LoadedIndex, load_index
from qa_assistant.serve import http_guards
from qa_assistant.serve.chat_api import chat_router
from qa_assistant.serve.corpus_api import corpus_router
from qa_assistant.serve.feedback_api import feedback_router
from qa_assistant.serve.live import LiveAssistant, freeze_loaded_objects
from qa_assistant.serve.openai_api import openai_router
from qa_assistant.serve.views_api import views_router
from qa_assistant.settings import Settings, version

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"


def create_app(settings: Settings, rebuild: bool = True, index: LoadedIndex | None = None) -> FastAPI:
    """The app over `index`, or over the published index: validated and rebuilt (or fallen back to the last good
    version) when rebuild is set, else loaded as it is (a worker loads what its parent validated)."""
    if index is None:
        index = _published_index(settings, rebuild)
    live = LiveAssistant(settings, index)
    responder = Responder(backend_from_settings(settings))
    _warm_up(live)

    app = FastAPI(
        title="qa-assistant",
        version=version(),
        lifespan=_lifespan,
        description=f"Cited, extractive answers from {council()['name']} children's services papers.",
    )
    http_guards.install(app, settings)
    app.add_exception_handler(RequestValidationError, _invalid)

    app.include_router(chat_router(live.get, responder, settings))
    app.include_router(corpus_router(live.get))
    app.include_router(openai_router(live.get, responder))
    app.include_router(views_router(live.get))
    app.include_router(feedback_router(settings, lambda: live.get().index.path.name))

    if settings.admin_token:
        from qa_assistant.serve.admin import admin_router

        app.include_router(admin_router(settings))

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.get("/", include_in_schema=False)(page)
    return app


def _published_index(settings: Settings, rebuild: bool) -> LoadedIndex:
    if rebuild:
        from qa_assistant.serve.workers import prepare_index

        return prepare_index(settings)
    return load_index(settings, check_fresh=False)


def _warm_up(live: LiveAssistant) -> None:
    try:  # load the models now, not on a user's first question
        live.get().ask("How many children were looked after?")
        if live.get().settings.entity_tagger:
            ner.load()
    except Exception:  # noqa: BLE001 - a warm-up failure must not stop the server; the real request will report
        log.exception("warm-up question failed")
    freeze_loaded_objects()


@asynccontextmanager
async def _lifespan(_: FastAPI) -> AsyncIterator[None]:
    stopping.chain_signal_handlers()  # uvicorn's handlers are in place by now; SIGTERM also stops builds
    yield


async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
    return JSONResponse(
        status_code=422,
        content={
            "detail": "The request was not understood: "
            + "; ".join(str(e.get("msg")) for e in exc.errors()[:3])
        },
    )


def page() -> FileResponse:
    """The chat page."""
    return FileResponse(STATIC / "index.html")


def app_from_env() -> FastAPI:
    """Factory for uvicorn worker processes: settings from QA_* env, index validated by the parent. A worker
    that cannot load it stops the server with one message (serve.workers.worker_start_failed), never a restart loop."""
    from qa_assistant.serve.workers import worker_start_failed
    from qa_assistant.settings import get_settings

    try:
        return create_app(get_settings(), rebuild=False)
    except Exception as exc:  # noqa: BLE001 - whatever stops a worker loading, the server must stop, not loop
        worker_start_failed(exc)
        raise
