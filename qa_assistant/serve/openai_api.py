"""`POST /v1/chat/completions` (and `GET /v1/models`): the assistant speaking the OpenAI chat protocol.

Existing chat front ends and the `openai` client can use it. The last user message is the question and the
earlier user messages are the conversation. The reply's content is the answer with [1], [2] markers and a
"Sources:" list; the structured citations travel in a top-level `citations` field (on the final chunk when
streaming), each with the document, committee, meeting date, page, quoted words and `url`: the paper view at
those words.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from qa_assistant.answering.assistant import Assistant, QuestionError
from qa_assistant.answering.pipeline import Responder
from qa_assistant.models import Answer, Citation
from qa_assistant.serve.http_guards import question_status
from qa_assistant.serve.paper_view import citation_path

MODEL_ID = "qa-assistant"


class ContentPart(BaseModel):
    """One part of a message's content. Text parts must carry text as a string (a number, list or object is a
    422, not a crash); other parts (images, audio) are accepted and ignored."""

    model_config = ConfigDict(extra="allow")
    type: str = "text"
    text: str | None = None


class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant", "tool", "function", "developer"]
    content: str | list[ContentPart] | None = None


class ChatRequest(BaseModel):
    model: str = MODEL_ID
    messages: list[ChatMessage] = Field(min_length=1, max_length=200)
    stream: bool = False


def _text_of(message: ChatMessage) -> str:
    if isinstance(message.content, list):  # content parts: keep the text ones
        return " ".join(p.text for p in message.content if p.type == "text" and p.text)
    return message.content or ""


def paper_url(c: Citation, base_url: str = "") -> str:
    """The paper view at the cited words (absolute when the server's address is known)."""
    return base_url.rstrip("/") + citation_path(c)


def reply_text(answer: Answer, base_url: str = "") -> str:
    """Answer text with [n] markers, then the numbered sources, each with a link to the paper at that place."""
    text = answer.text
    if answer.citations and answer.mode == "extractive":
        text += " " + "".join(f"[{i}]" for i in range(1, len(answer.citations) + 1))
    if answer.citations:
        text += "\n\nSources:\n" + "\n".join(
            f"[{i}] {c.reference()} {paper_url(c, base_url)}" for i, c in enumerate(answer.citations, 1)
        )
    if answer.mode == "extractive":
        text += "\n\n(Extractive answer: quoted from the papers.)"
    return text


def _error(status: int, message: str, kind: str = "invalid_request_error") -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"message": message, "type": kind}})


def openai_router(get_assistant: Callable[[], Assistant], responder: Responder) -> APIRouter:
    router = APIRouter(tags=["openai-compatible"])

    @router.get("/v1/models")
    def models() -> dict:
        return {
            "object": "list",
            "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "local"}],
        }

    @router.post("/v1/chat/completions", response_model=None)
    def chat(req: ChatRequest, request: Request) -> JSONResponse | StreamingResponse:
        users = [_text_of(m) for m in req.messages if m.role == "user"]
        if not users:
            return _error(400, "No user message: send at least one message with role 'user'.")
        question, history = users[-1], users[:-1]
        try:
            answer = responder.ask(get_assistant(), question, history)
        except QuestionError as exc:
            return _error(question_status(exc), str(exc))
        cid, created = f"chatcmpl-{uuid.uuid4().hex[:24]}", int(time.time())
        base = str(request.base_url)
        citations = [c.model_dump(mode="json") | {"url": paper_url(c, base)} for c in answer.citations]
        content = reply_text(answer, base)
        extra = {"citations": citations, "answer_kind": answer.kind, "answer_mode": answer.mode}
        if not req.stream:
            return JSONResponse(
                {
                    "id": cid,
                    "object": "chat.completion",
                    "created": created,
                    "model": MODEL_ID,
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": content},
                            "finish_reason": "stop",
                            "logprobs": None,
                        }
                    ],
                    "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
                }
                | extra
            )
        return StreamingResponse(_stream(cid, created, content, extra), media_type="text/event-stream")

    return router


def _stream(cid: str, created: int, content: str, extra: dict) -> Iterator[str]:
    def chunk(delta: dict, finish: str | None = None, more: dict | None = None) -> str:
        body = {
            "id": cid,
            "object": "chat.completion.chunk",
            "created": created,
            "model": MODEL_ID,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
        } | (more or {})
        return f"data: {json.dumps(body)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    words = content.split(" ")
    # the answer is ready: stream it in word groups for front ends that expect it
    for i in range(0, len(words), 8):
        piece = " ".join(words[i : i + 8])
        yield chunk({"content": piece if i == 0 else " " + piece})
    yield chunk({}, "stop", extra)
    yield "data: [DONE]\n\n"
