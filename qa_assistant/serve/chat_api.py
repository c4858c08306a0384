"""The chat page's own JSON: `GET /api/health` (what this server is serving) and `POST /api/ask`.

A question the assistant refuses is answered 413 when it is over the length limit, else 422, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from qa_assistant.answering.assistant import Assistant, QuestionError
from qa_assistant.answering.pipeline import Responder
from qa_assistant.figures.subjects import council
from qa_assistant.indexing.progress import build_in_progress
from qa_assistant.models import Answer
from qa_assistant.serve.http_guards import question_status, too_large, unprocessable
from qa_assistant.settings import Settings


class AskRequest(BaseModel):
    question: str = Field(description="The question as typed")
    history: list[str] = Field(
        default_factory=list,
        max_length=50,
        description="Earlier questions in this conversation, oldest first",
    )


def chat_router(get: Callable[[], Assistant], responder: Responder, settings: Settings) -> APIRouter:
    router = APIRouter()

    @router.get("/api/health")
    def health() -> dict:
        return _health(get(), responder, settings)

    @router.post("/api/ask", response_model=Answer)
    def ask(req: AskRequest) -> Answer:
        try:
            return responder.ask(get(), req.question, req.history)
        except QuestionError as exc:
            raise _refusal(exc) from exc

    return router


def _health(assistant: Assistant, responder: Responder, settings: Settings) -> dict:
    meta = assistant.index.meta
    return {
        "status": "ok",
        "council": council()["name"],
        "documents": meta.get("documents"),
        "chunks": meta.get("chunks"),
        "figures": meta.get("figures"),
        "built_at": meta.get("built_at"),
        "model": meta.get("model"),
        "mode": responder.mode,
        "generation_model": settings.llm_model if responder.backend else None,
        "index_version": assistant.index.path.name,
        "admin": bool(settings.admin_token),
        # a build running now (in any process): its phase and counts; None when none is
        "build_in_progress": build_in_progress(settings.index_dir),
    }


def _refusal(exc: QuestionError) -> HTTPException:
    return too_large(str(exc)) if question_status(exc) == 413 else unprocessable(str(exc))
