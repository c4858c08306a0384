"""Admin API: add, correct and remove papers over HTTP. Mounted only when QA_ADMIN_TOKEN is set.

Uploads are raw request bodies (`curl -T paper.pdf -H "Authorization: Bearer $TOKEN" .../api/admin/documents/paper.pdf`),
bounded in size while they stream in, checked by content (library.add_bytes) and stored under a safe name.
Every change rebuilds the index incrementally; the serving workers pick the new version up by themselves.
"""

from __future__ import annotations

import hmac
import logging

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from .documents import CorpusError
from .index import build_index
from .library import AddResult, add_bytes, remove_document, update_metadata
from .settings import Settings

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
    metadata: dict = Field(default_factory=dict, description="Stored metadata; 'inferred' lists fields guessed from the text")
    index: str | None = Field(default=None, description="What the index rebuild did, when one ran")


def admin_guard(settings: Settings):
    """A dependency that refuses any request without `Authorization: Bearer <QA_ADMIN_TOKEN>` (compared in
    constant time). Shared by every /api/admin/* route, including the feedback listing."""
    token = settings.admin_token or ""
    bearer = HTTPBearer(auto_error=False)

    def require_token(cred: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
        if not token or cred is None or not hmac.compare_digest(cred.credentials.encode(), token.encode()):
            raise HTTPException(401, "A valid admin token is required.", headers={"WWW-Authenticate": "Bearer"})

    return Depends(require_token)


def admin_router(settings: Settings) -> APIRouter:
    router = APIRouter(prefix="/api/admin", tags=["admin"], dependencies=[admin_guard(settings)])
    limit = int(settings.max_upload_mb * 1024 * 1024)

    def reindex() -> str:
        return build_index(settings).summary()

    @router.put("/documents/{filename}", response_model=ChangeOut)
    async def upload(filename: str, request: Request, title: str | None = None, committee: str | None = None,
                     meeting_date: str | None = None, kind: str | None = None,
                     source_url: str | None = None) -> ChangeOut:
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise HTTPException(413, f"That file is larger than the {settings.max_upload_mb:g} MB limit.")
        body = bytearray()
        async for part in request.stream():
            body += part
            if len(body) > limit:
                raise HTTPException(413, f"That file is larger than the {settings.max_upload_mb:g} MB limit.")
        overrides = {k: v for k, v in dict(title=title, committee=committee, meeting_date=meeting_date, kind=kind,
                                           source_url=source_url).items() if v is not None}
        result: AddResult = await run_in_threadpool(add_bytes, settings.corpus_dir, filename, bytes(body), overrides)
        if result.outcome == "skipped":
            raise HTTPException(422, result.message)
        summary = await run_in_threadpool(reindex) if result.outcome != "unchanged" else None
        return ChangeOut(**result.as_dict(), index=summary)

    @router.patch("/documents/{doc_id}", response_model=ChangeOut)
    def correct(doc_id: str, fields: MetadataFields) -> ChangeOut:
        try:
            entry = update_metadata(settings.corpus_dir, doc_id, fields.model_dump(exclude_unset=True))
        except CorpusError as exc:
            raise HTTPException(404, str(exc)) from exc
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc
        return ChangeOut(outcome="updated", message=f"metadata of {doc_id} updated", doc_id=doc_id,
                         file=entry.get("file"), metadata=entry, index=reindex())

    @router.delete("/documents/{doc_id}", response_model=ChangeOut)
    def remove(doc_id: str) -> ChangeOut:
        try:
            name = remove_document(settings.corpus_dir, doc_id)
        except CorpusError as exc:
            raise HTTPException(404, str(exc)) from exc
        return ChangeOut(outcome="removed", message=f"{name} removed", doc_id=doc_id, file=name, index=reindex())

    @router.post("/reindex", response_model=ChangeOut)
    def reindex_now() -> ChangeOut:
        return ChangeOut(outcome="updated", message="index rebuilt", index=reindex())

    return router
