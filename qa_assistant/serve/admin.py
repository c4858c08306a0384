"""Admin API: add, correct and remove papers over HTTP. Mounted only when QA_ADMIN_TOKEN is set.

Uploads are raw request bodies
(`curl -T paper.pdf -H "Authorization: Bearer $TOKEN" .../api/admin/documents/paper.pdf`), bounded in size while they
stream in, checked by content (ingest.adding.add_bytes) and stored under a safe name.
Every change rebuilds the index incrementally; the serving workers pick the new version up by themselves.

Every outcome has its own status and a plain reason: 422 a file or value that cannot be used (an uploaded
paper the build refuses is taken out of the corpus again), 404 no such paper, 409 a name clash or a broken
manifest (which blocks every change until it is fixed; the published index keeps serving), 503 another build
still running after QA_BUILD_WAIT_SECONDS, or the server shutting down.
"""

from __future__ import annotations

import hmac
import logging

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from filelock import Timeout
from pydantic import BaseModel, Field

from qa_assistant.indexing.build import BuildReport, build_index
from qa_assistant.ingest.adding import AddResult, add_bytes, undo_add
from qa_assistant.ingest.documents import CorpusError, ManifestError
from qa_assistant.ingest.library import NoSuchPaper, remove_document, update_metadata
from qa_assistant.serve.http_guards import read_body, unprocessable
from qa_assistant.settings import Settings
from qa_assistant.stopping import Stopping

log = logging.getLogger(__name__)


class MetadataFields(BaseModel):
    """Corrections; only the fields given are changed (null clears one)."""

    title: str | None = None
    committee: str | None = None
    meeting_date: str | None = Field(default=None, description="YYYY-MM-DD")
    kind: str | None = None
    source_url: str | None = None
    date_note: str | None = None


class ChangeOut(BaseModel):
    outcome: str = Field(description="added, updated, unchanged, skipped or removed")
    message: str
    doc_id: str | None = None
    file: str | None = None
    metadata: dict = Field(
        default_factory=dict, description="Stored metadata; 'inferred' lists fields guessed from the text"
    )
    index: str | None = Field(default=None, description="What the index rebuild did, when one ran")


def admin_guard(settings: Settings):
    """A dependency that refuses any request without `Authorization: Bearer <QA_ADMIN_TOKEN>` (compared in
    constant time). Shared by every /api/admin/* route, including the feedback listing."""
    token = settings.admin_token or ""
    bearer = HTTPBearer(auto_error=False)

    def require_token(cred: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
        if not token or cred is None or not hmac.compare_digest(cred.credentials.encode(), token.encode()):
            raise HTTPException(
                401, "A valid admin token is required.", headers={"WWW-Authenticate": "Bearer"}
            )

    return Depends(require_token)


def admin_router(settings: Settings) -> APIRouter:
    router = APIRouter(prefix="/api/admin", tags=["admin"], dependencies=[admin_guard(settings)])
    limit = int(settings.max_upload_mb * 1024 * 1024)
    too_big = f"That file is larger than the {settings.max_upload_mb:g} MB limit."

    @router.put("/documents/{filename}", response_model=ChangeOut)
    async def upload(
        filename: str,
        request: Request,
        title: str | None = None,
        committee: str | None = None,
        meeting_date: str | None = None,
        kind: str | None = None,
        source_url: str | None = None,
    ) -> ChangeOut:
        body = await read_body(request, limit, too_big)
        overrides = {
            k: v
            for k, v in dict(
                title=title, committee=committee, meeting_date=meeting_date, kind=kind, source_url=source_url
            ).items()
            if v is not None
        }
        return await run_in_threadpool(_add_and_index, settings, filename, body, overrides)

    @router.patch("/documents/{doc_id}", response_model=ChangeOut)
    def correct(doc_id: str, fields: MetadataFields) -> ChangeOut:
        return _correct(settings, doc_id, fields.model_dump(exclude_unset=True))

    @router.delete("/documents/{doc_id}", response_model=ChangeOut)
    def remove(doc_id: str) -> ChangeOut:
        name = _corpus_call(remove_document, settings.corpus_dir, doc_id)
        return ChangeOut(
            outcome="removed",
            message=f"{name} removed",
            doc_id=doc_id,
            file=name,
            index=_reindex(settings).summary(),
        )

    @router.post("/reindex", response_model=ChangeOut)
    def reindex_now() -> ChangeOut:
        return ChangeOut(outcome="updated", message="index rebuilt", index=_reindex(settings).summary())

    return router


def _reindex(settings: Settings) -> BuildReport:
    """Rebuild, with every failure as an HTTP status and a reason."""
    try:
        return build_index(settings, lock_timeout=settings.build_wait_seconds)
    except Timeout as exc:
        raise HTTPException(
            503,
            "Another index build is still running; try again in a few minutes.",
            headers={"Retry-After": "60"},
        ) from exc
    except Stopping as exc:
        raise HTTPException(
            503,
            "The server is shutting down; the change is saved and will be indexed when it starts again.",
        ) from exc
    except CorpusError as exc:
        raise HTTPException(409, f"The corpus cannot be indexed: {exc}") from exc


def _corpus_call(fn, *args):
    """A library call with its failures as HTTP statuses."""
    try:
        return fn(*args)
    except NoSuchPaper as exc:
        raise HTTPException(404, str(exc)) from exc
    except ManifestError as exc:
        raise HTTPException(409, str(exc)) from exc
    except ValueError as exc:
        raise unprocessable(str(exc)) from exc
    except OSError as exc:
        raise HTTPException(503, f"The corpus folder cannot be written ({exc.strerror or exc}).") from exc
    except Stopping as exc:
        raise HTTPException(503, "The server is shutting down; nothing was changed.") from exc


def _add_and_index(settings: Settings, filename: str, body: bytes, overrides: dict) -> ChangeOut:
    """Add the upload and rebuild; a paper the build refuses (over its budget) is taken out again: 422."""
    result: AddResult = _corpus_call(add_bytes, settings.corpus_dir, filename, body, overrides)
    if result.outcome == "skipped":
        raise unprocessable(result.message)
    if result.outcome == "conflict":
        raise HTTPException(409, result.message)
    if result.outcome == "unchanged":
        return ChangeOut(**result.as_dict())
    report = _reindex(settings)
    if result.doc_id in report.refused:  # the paper is over its budget: it does not stay in the corpus
        reason = next(
            (p for p in report.problems if result.file and result.file in p), "it could not be indexed"
        )
        _corpus_call(undo_add, settings.corpus_dir, result)
        _reindex(settings)
        raise unprocessable(reason.removeprefix("refused ").removeprefix("skipped "))
    return ChangeOut(**result.as_dict(), index=report.summary())


def _correct(settings: Settings, doc_id: str, fields: dict) -> ChangeOut:
    entry = _corpus_call(update_metadata, settings.corpus_dir, doc_id, fields)
    return ChangeOut(
        outcome="updated",
        message=f"metadata of {doc_id} updated",
        doc_id=doc_id,
        file=entry.get("file"),
        metadata=entry,
        index=_reindex(settings).summary(),
    )
