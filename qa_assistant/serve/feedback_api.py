"""`POST /api/feedback` (anyone; bounded and rate-limited) and `GET /api/admin/feedback` (admin token).

Checks run in this order and nothing is stored unless all pass: the client's rate (429), the body's size
(413), that it is JSON (422) and that its fields are valid (422, naming the field). The request is counted
towards the rate even when refused, so a client cannot probe the limits for free.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ValidationError

from qa_assistant.serve.feedback import FeedbackEntry, FeedbackIn, FeedbackStore
from qa_assistant.serve.http_guards import read_body, unprocessable
from qa_assistant.settings import Settings

log = logging.getLogger(__name__)


class FeedbackSaved(BaseModel):
    id: int
    message: str


class FeedbackList(BaseModel):
    total: int
    entries: list[FeedbackEntry]


def _problem(exc: ValidationError) -> str:
    parts = []
    for e in exc.errors()[:3]:
        where = ".".join(str(p) for p in e.get("loc", ()))
        parts.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
    return "The feedback was not stored: " + "; ".join(parts)


def feedback_router(settings: Settings, index_version: Callable[[], str | None]) -> APIRouter:
    store = FeedbackStore(settings.feedback_path)
    router = APIRouter(tags=["feedback"])

    @router.post("/api/feedback", response_model=FeedbackSaved, status_code=201)
    async def give_feedback(request: Request) -> FeedbackSaved:
        """Record that an answer was helpful or wrong, with an optional comment."""
        await _check_rate(store, settings, request)
        item = _parse(await _body(settings, request), settings.feedback_max_comment_chars)
        feedback_id = await run_in_threadpool(store.add, item, index_version())
        log.info("feedback %s recorded (%s)", feedback_id, item.verdict)
        return FeedbackSaved(id=feedback_id, message="Thank you: your feedback was recorded.")

    if settings.admin_token:
        from qa_assistant.serve.admin import admin_guard

        @router.get("/api/admin/feedback", response_model=FeedbackList, dependencies=[admin_guard(settings)])
        def list_feedback(
            verdict: Literal["helpful", "wrong"] | None = None,
            limit: Annotated[int, Query(ge=1, le=500)] = 100,
            offset: Annotated[int, Query(ge=0)] = 0,
        ) -> FeedbackList:
            """Feedback entries, newest first."""
            total, entries = store.entries(verdict, limit, offset)
            return FeedbackList(total=total, entries=entries)

    return router


async def _check_rate(store: FeedbackStore, settings: Settings, request: Request) -> None:
    """429 when this client has given too much feedback lately; the request counts towards the rate either way."""
    client = request.client.host if request.client else "unknown"
    allowed = await run_in_threadpool(
        store.allow, client, settings.feedback_rate_limit, settings.feedback_rate_window_seconds
    )
    if not allowed:
        raise HTTPException(
            429,
            "Too much feedback from this address; please try again later. Nothing was stored.",
            headers={"Retry-After": str(int(settings.feedback_rate_window_seconds))},
        )


async def _body(settings: Settings, request: Request) -> bytes:
    max_body = settings.feedback_max_body_bytes
    return await read_body(
        request, max_body, f"The feedback is too large (limit {max_body:,} bytes); nothing was stored."
    )


def _parse(raw: bytes, max_comment: int) -> FeedbackIn:
    """The feedback in a request body, or 422 saying what is wrong with it."""
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise unprocessable("The feedback was not stored: the body is not JSON.") from exc
    if not isinstance(data, dict):
        raise unprocessable("The feedback was not stored: expected a JSON object.")
    try:
        item = FeedbackIn.model_validate(data)
    except ValidationError as exc:
        raise unprocessable(_problem(exc)) from exc
    if len(item.comment) > max_comment:
        raise unprocessable(
            f"The feedback was not stored: the comment is {len(item.comment):,} characters; "
            f"please keep it under {max_comment:,}."
        )
    return item
