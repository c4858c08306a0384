"""The JSON API over what the assistant answers from: the papers, their passages, the measures catalogue and
each measure's timeline. Unknown ids are 404 with a plain reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, HTTPException
from fastapi import Path as PathParam
from pydantic import BaseModel, Field

from qa_assistant.answering.assistant import Assistant
from qa_assistant.figures.concepts import concepts_by_id, load_concepts
from qa_assistant.models import Chunk, DocumentMeta, FigureValue


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


def corpus_router(get: Callable[[], Assistant]) -> APIRouter:
    router = APIRouter()

    @router.get("/api/documents", response_model=list[DocumentOut])
    def documents() -> list[DocumentOut]:
        assistant = get()
        metas = [assistant.index.doc_meta(d) for d in assistant.index.documents]
        return [DocumentOut(document=m, meeting_date_label=m.meeting_date_label) for m in metas]

    @router.get("/api/documents/{doc_id}", response_model=DocumentOut)
    def document(doc_id: str) -> DocumentOut:
        return _document(get(), doc_id)

    @router.get("/api/passages/{chunk_id}", response_model=PassageOut)
    def passage(
        chunk_id: Annotated[
            str, PathParam(pattern=r"^[0-9]{1,9}$", description="Passage number (digits only)")
        ],
    ) -> PassageOut:
        return _passage(get(), int(chunk_id))

    @router.get("/api/measures", response_model=list[MeasureOut])
    def measures() -> list[MeasureOut]:
        """The concepts catalogue, with how many figures the papers report for each."""
        return _measures(get())

    @router.get("/api/timeline/{concept_id}", response_model=list[FigureValue])
    def timeline(concept_id: str, unit: str | None = None) -> list[FigureValue]:
        """The council's own reported levels of one concept, in date order."""
        concept = concepts_by_id().get(concept_id)
        if concept is None:
            raise HTTPException(404, f"No measure {concept_id!r}.")
        return get().concept_timeline(concept.id, unit or concept.headline_unit)

    return router


def _document(assistant: Assistant, doc_id: str) -> DocumentOut:
    doc = assistant.index.documents.get(doc_id)
    if doc is None:
        raise HTTPException(404, f"No document {doc_id!r}.")
    meta = assistant.index.doc_meta(doc_id)
    return DocumentOut(document=meta, meeting_date_label=meta.meeting_date_label, text=doc.text)


def _passage(assistant: Assistant, number: int) -> PassageOut:
    if not 0 <= number < len(assistant.index.chunks):
        raise HTTPException(404, f"No passage {number}.")
    chunk = assistant.index.chunks[number]
    return PassageOut(chunk=chunk, document=assistant.index.doc_meta(chunk.doc_id))


def _measures(assistant: Assistant) -> list[MeasureOut]:
    counts: dict[str, int] = {}
    for f in assistant.index.figures:
        if f.concept_id:
            counts[f.concept_id] = counts.get(f.concept_id, 0) + 1
    return [
        MeasureOut(id=c.id, label=c.label, units=list(c.units), figures=counts.get(c.id, 0))
        for c in load_concepts()
    ]
