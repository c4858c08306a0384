"""Routes for the paper view and the figures table: their pages (static HTML + JS) and the JSON they read.

The pages carry no inline script or style (the site's Content-Security-Policy forbids both); each reads
JSON from the endpoints below and inserts document text with textContent only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, Response

from qa_assistant.answering.assistant import Assistant
from qa_assistant.figures.concepts import concepts_by_id
from qa_assistant.serve.figure_table import (
    FigureFilter,
    FigurePage,
    FilterError,
    check_filter,
    figures_csv,
    query_figures,
)
from qa_assistant.serve.http_guards import unprocessable
from qa_assistant.serve.paper_view import Excerpt, excerpt

STATIC = Path(__file__).parent / "static"


def _checked(flt: FigureFilter, assistant: Assistant) -> FigureFilter:
    try:
        check_filter(flt, assistant.index, set(concepts_by_id()))
    except FilterError as exc:
        raise unprocessable(str(exc)) from exc
    return flt


def views_router(get: Callable[[], Assistant]) -> APIRouter:
    router = APIRouter()

    @router.get("/papers/{doc_id}", include_in_schema=False)
    def paper_page(doc_id: str) -> FileResponse:
        """The paper view; its script reads the span from the address. An unknown paper still gets the page
        (which says so) but with a 404 status, so link checkers notice."""
        status = 200 if doc_id in get().index.documents else 404
        return FileResponse(STATIC / "paper.html", status_code=status)

    @router.get("/figures", include_in_schema=False)
    def figures_page() -> FileResponse:
        return FileResponse(STATIC / "figures.html")

    @router.get("/api/documents/{doc_id}/excerpt", response_model=Excerpt, tags=["papers"])
    def paper_excerpt(
        doc_id: str, start: Annotated[int, Query(ge=0)], end: Annotated[int, Query(ge=0)]
    ) -> Excerpt:
        """The paragraph(s) around a span of a paper's clean text (the chat's source box shows it)."""
        doc = get().index.documents.get(doc_id)
        if doc is None:
            raise HTTPException(404, f"No document {doc_id!r}.")
        if end <= start or end > len(doc.text):
            raise unprocessable(
                f"The span {start}-{end} is not inside this paper ({len(doc.text)} characters)."
            )
        return excerpt(doc, start, end)

    @router.get("/api/figures", response_model=FigurePage, tags=["figures"])
    def figures(flt: Annotated[FigureFilter, Query()]) -> FigurePage:
        """Every extracted figure, filtered by measure, words, unit, whose figure, kind, as-of dates and paper;
        sorted and paginated (limit up to 500)."""
        assistant = get()
        return query_figures(assistant.index, _checked(flt, assistant))

    @router.get("/api/figures.csv", tags=["figures"], response_class=Response)
    def figures_download(request: Request, flt: Annotated[FigureFilter, Query()]) -> Response:
        """The same figures as CSV: every match (no pagination), one row each, links absolute."""
        assistant = get()
        body = figures_csv(assistant.index, _checked(flt, assistant), str(request.base_url))
        name = (
            re.sub(r"[^A-Za-z0-9_-]+", "-", flt.concept or flt.q or flt.doc or "all").strip("-")[:60] or "all"
        )
        return Response(
            "\ufeff" + body,
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="figures-{name}.csv"'},
        )

    return router
