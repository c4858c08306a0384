"""What every HTTP response gets, whatever the route: security headers, a bounded request body, an optional
allowed-hosts check, and a last-resort plain 500 (the trace goes to the log, never to the user).

One pure ASGI middleware rather than several BaseHTTPMiddleware layers: it sees each body chunk as it
arrives, so an oversized body is refused by its Content-Length before a byte is read, and a chunked one as
soon as it passes the limit (not after 20 MB have been buffered). Routes refuse through the same helpers:
too_large (413, with read_body for a body a route reads itself) and unprocessable (422).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from starlette.middleware.trustedhost import TrustedHostMiddleware

from qa_assistant.answering.assistant import QuestionError, QuestionTooLong
from qa_assistant.settings import Settings

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

# The chat page loads only its own script and stylesheet (no inline script or style), so it passes this.
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# FastAPI's API explorer pages (/docs, /redoc) load Swagger UI / ReDoc from a CDN with one inline script.
DOCS_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "font-src https://fonts.gstatic.com; img-src 'self' data: https://fastapi.tiangolo.com; "
    "connect-src 'self'; worker-src blob:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
]
UPLOAD_PREFIX = "/api/admin/documents/"


class BodyTooLarge(HTTPException):
    """413: a request body over its limit. Raised while the body streams in, wherever it is read."""

    def __init__(self, detail: str) -> None:
        super().__init__(413, detail)


def too_large(detail: str) -> BodyTooLarge:
    """The refusal of a body over its limit (413); `detail` says which limit, in the words of its route."""
    return BodyTooLarge(detail)


def body_too_large(limit_text: str) -> BodyTooLarge:
    """The guard's own refusal of any request body over QA_MAX_REQUEST_KB (uploads: QA_MAX_UPLOAD_MB)."""
    return too_large(f"The request body is larger than the {limit_text} limit.")


def question_status(exc: QuestionError) -> int:
    """The one status for a question refused before it is answered: 413 when it is too long, else 422."""
    return 413 if isinstance(exc, QuestionTooLong) else 422


def unprocessable(detail: str) -> HTTPException:
    """A request that was read but cannot be used (422), with the reason."""
    return HTTPException(422, detail)


async def read_body(request: Request, limit: int, refusal: str) -> bytes:
    """A route's request body, refused with too_large(refusal) by its declared Content-Length before a byte is
    read, or as soon as it streams past `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large(refusal)
    body = bytearray()
    async for part in request.stream():
        body += part
        if len(body) > limit:
            raise too_large(refusal)
    return bytes(body)


class Guard:
    """Security headers on every response; request bodies capped (uploads by QA_MAX_UPLOAD_MB, everything
    else by QA_MAX_REQUEST_KB); unhandled errors answered 500 with a plain message."""

    def __init__(self, app: Callable, max_body: int, max_upload: int) -> None:
        self.app = app
        self.max_body = max_body
        self.max_upload = max_upload

    def _limit(self, scope: Scope) -> tuple[int, str]:
        if scope["method"] == "PUT" and scope["path"].startswith(UPLOAD_PREFIX):
            return self.max_upload, f"{self.max_upload / 1024 / 1024:g} MB"
        return self.max_body, f"{self.max_body // 1024:,} KB"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        csp = (DOCS_CSP if scope["path"].startswith(DOCS_PATHS) else PAGE_CSP).encode()

        async def send_guarded(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                ours = {name for name, _ in SECURITY_HEADERS} | {b"content-security-policy"}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in ours]
                message = {
                    **message,
                    "headers": headers + SECURITY_HEADERS + [(b"content-security-policy", csp)],
                }
            await send(message)

        limit, limit_text = self._limit(scope)
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:  # refused before a byte of the body is read
            await _refuse(send_guarded, body_too_large(limit_text))
            return
        received = 0

        async def receive_bounded() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise body_too_large(limit_text)
            return message

        try:
            await self.app(scope, receive_bounded, send_guarded)
        except BodyTooLarge as exc:  # raised where no route handler turned it into a response
            if not started:
                await _refuse(send_guarded, exc)
        except Exception:  # noqa: BLE001 - the last resort: the trace goes to the log, never to the user
            log.exception("unhandled error in %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await _reply(send_guarded, 500, "Something went wrong answering that. Please try again.")


async def _refuse(send: Send, exc: HTTPException) -> None:
    await _reply(send, exc.status_code, str(exc.detail))


async def _reply(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def install(app: FastAPI, settings: Settings) -> None:
    """Add the guards (and, when QA_ALLOWED_HOSTS is set, the Host check) to an app; the guard is outermost so
    even a refused Host header gets the security headers."""
    if settings.allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts, www_redirect=False)
    app.add_middleware(
        Guard, max_body=settings.max_request_kb * 1024, max_upload=int(settings.max_upload_mb * 1024 * 1024)
    )
