"""Answer a question: always extractively, and when a backend is configured, also in a verified fluent phrasing.

The extractive answer decides what is true (figures, dates, sources). A generated phrasing replaces its text
only after `verify` accepts it; otherwise the extractive answer is shown and the reason is logged and returned
in `answer.generation`. "Not found" is never handed to a model to fill in.
"""

from __future__ import annotations

import logging

from qa_assistant.answering.assistant import Assistant
from qa_assistant.answering.generation import GenerationBackend, GenerationError, Passage
from qa_assistant.answering.verification import verify
from qa_assistant.indexing.retrieval import search
from qa_assistant.models import Answer, Citation, GenerationInfo

log = logging.getLogger(__name__)

MAX_PASSAGES = 8
EXTRA_PASSAGES = 3  # retrieved passages added beside the extractive answer's own quotes, for context


def build_passages(assistant: Assistant, question: str, answer: Answer) -> list[Passage]:
    """Whole passages (chunks), so the model has context: first those holding the answer's own quotes, with the
    quoted words still highlighted, then the top retrieved ones. Each is cited as shown to the model, so any
    number the verifier accepts is visible to the reader in the cited passage."""
    chosen: list[Citation] = []
    for c in answer.citations:
        if len(chosen) < MAX_PASSAGES and not _overlaps(c, chosen):
            chosen.append(_widen(assistant, c))
    settings = assistant.settings
    hits = search(
        assistant.index,
        question,
        k=EXTRA_PASSAGES + 2,
        rrf_k=settings.rrf_k,
        candidates=settings.candidates_per_retriever,
    )
    for hit in hits:
        c = assistant.citer.cite(
            hit.chunk.doc_id, hit.chunk.start, hit.chunk.end, [], chunk_id=hit.chunk.chunk_id
        )
        if len(chosen) >= MAX_PASSAGES or len(chosen) >= len(answer.citations) + EXTRA_PASSAGES:
            break
        if not _overlaps(c, chosen):
            chosen.append(c)
    return [Passage(i, c, c.quote) for i, c in enumerate(chosen, 1)]


def _widen(assistant: Assistant, c: Citation) -> Citation:
    """The citation grown to the whole chunk(s) it sits in, highlights kept on the same words."""
    index = assistant.index
    first, last = (
        index.chunk_at(c.doc_id, c.quote_start),
        index.chunk_at(c.doc_id, max(c.quote_start, c.quote_end - 1)),
    )
    if first is None or last is None:
        return c
    start, end = min(index.chunks[first].start, c.quote_start), max(index.chunks[last].end, c.quote_end)
    marks = [(c.quote_start + h.start, c.quote_start + h.end) for h in c.highlights] or [
        (c.quote_start, c.quote_end)
    ]
    return assistant.citer.cite(c.doc_id, start, end, marks, as_of=c.as_of_label, chunk_id=first)


def _overlaps(c: Citation, chosen: list[Citation]) -> bool:
    return any(
        o.doc_id == c.doc_id and o.quote_start < c.quote_end and c.quote_start < o.quote_end for o in chosen
    )


class Responder:
    def __init__(self, backend: GenerationBackend | None) -> None:
        self.backend = backend

    @property
    def mode(self) -> str:
        return "extractive" if self.backend is None else "generated"

    def ask(self, assistant: Assistant, question: str, history: list[str] | None = None) -> Answer:
        answer = assistant.ask(question, history)
        backend = self.backend
        if backend is None:
            return answer
        info = GenerationInfo(model=backend.model, prompts=backend.prompt_refs)
        if answer.kind == "not_found" and history:
            answer = self._retry_standalone(assistant, question, history, answer)
        if answer.kind == "not_found":
            return answer.model_copy(
                update={
                    "generation": info.model_copy(
                        update={"status": "skipped", "reason": "nothing found to phrase"}
                    )
                }
            )
        passages = build_passages(assistant, answer.question, answer)
        try:
            text = backend.answer(answer.question, answer, passages)
        except GenerationError as exc:
            log.warning("generation failed, showing the extractive answer: %s", exc)
            return answer.model_copy(
                update={"generation": info.model_copy(update={"status": "failed", "reason": str(exc)[:300]})}
            )
        verdict = verify(text, [p.text for p in passages])
        if not verdict.ok:
            log.warning(
                "generated answer rejected (%s), showing the extractive answer. Text was: %r",
                verdict.reason,
                text[:500],
            )
            return answer.model_copy(
                update={
                    "generation": info.model_copy(update={"status": "rejected", "reason": verdict.reason})
                }
            )
        return answer.model_copy(
            update={
                "text": text,
                "citations": [p.citation for p in passages],
                "mode": "generated",
                "generation": info.model_copy(update={"status": "used"}),
            }
        )

    def _retry_standalone(
        self, assistant: Assistant, question: str, history: list[str], answer: Answer
    ) -> Answer:
        """A follow-up the extractive resolver could not place: retrieve with a model-rewritten question.

        Only a quoted-passage answer is taken from the retry (never a figure), and it is still verified."""
        try:
            rewritten = self.backend.rewrite(question, history)
        except GenerationError as exc:
            log.warning("follow-up rewrite failed: %s", exc)
            return answer
        if not rewritten or rewritten.lower() == question.lower():
            return answer
        retry = assistant.ask(rewritten)
        return retry.model_copy(update={"question": question}) if retry.kind == "general" else answer
