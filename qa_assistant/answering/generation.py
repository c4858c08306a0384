"""Optional fluent phrasing by a language model behind any OpenAI-compatible chat-completions server.

Off unless QA_LLM_BASE_URL and QA_LLM_MODEL are set. The extractive answer is always computed first; the model
only rephrases what its passages say, and `verification.verify` decides whether the result is shown. Every
failure (server down, timeout, unfaithful text) falls back to the extractive answer with the reason logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from qa_assistant.answering.prompts import Prompt, load_prompt, parse_pins
from qa_assistant.figures.subjects import council
from qa_assistant.models import Answer, Citation
from qa_assistant.settings import Settings

log = logging.getLogger(__name__)


class GenerationError(Exception):
    """The backend could not be reached or returned nothing usable."""


@dataclass
class Passage:
    number: int
    citation: Citation
    text: str


def _escape(text: str) -> str:
    """Document text cannot close or open the passage delimiters it sits in."""
    return text.replace("<passage", "‹passage").replace("</passage", "‹/passage")


def render_passages(passages: list[Passage]) -> str:
    blocks = []
    for p in passages:
        c = p.citation
        page = f' page="{c.page}"' if c.page else ""
        blocks.append(
            f'<passage number="{p.number}" title="{_escape(c.title)}" committee="{c.committee or "not stated"}" '
            f'meeting="{c.meeting_date_label}"{page}>\n{_escape(p.text)}\n</passage>'
        )
    return "\n\n".join(blocks)


def render_figures(answer: Answer, passages: list[Passage]) -> str:
    lines = []
    for fv in answer.figures + answer.series:
        number = next(
            (
                p.number
                for p in passages
                if p.citation.doc_id == fv.citation.doc_id
                and p.citation.quote_start <= fv.citation.quote_start < p.citation.quote_end
            ),
            None,
        )
        if number is not None:
            lines.append(f"- {fv.label}: {fv.value_text} as of {fv.as_of.label} [passage {number}]")
    return "\n".join(dict.fromkeys(lines)) or "- (none)"


class GenerationBackend:
    """A chat-completions client plus the prompts it is driven with."""

    def __init__(self, settings: Settings) -> None:
        from openai import OpenAI

        self.settings = settings
        self.model = settings.llm_model or ""
        self.client = OpenAI(
            base_url=settings.llm_base_url,
            api_key=settings.llm_api_key or "not-needed",
            timeout=settings.llm_timeout_seconds,
            max_retries=0,
        )
        pins = parse_pins(settings.prompt_versions)
        self.prompts: dict[str, Prompt] = {
            name: load_prompt(settings.prompts_dir, name, pins.get(name))
            for name in ("system", "answer", "rewrite")
        }

    @property
    def prompt_refs(self) -> str:
        return ", ".join(p.ref for p in self.prompts.values())

    def _complete(self, messages: list[dict], max_tokens: int) -> str:
        try:
            resp = self.client.chat.completions.create(
                model=self.model, messages=messages, temperature=0, max_tokens=max_tokens
            )
        except Exception as exc:  # noqa: BLE001 - any client/transport failure means "use the extractive answer"
            raise GenerationError(f"{type(exc).__name__}: {exc}") from exc
        content = resp.choices[0].message.content if resp.choices else None
        if not content or not content.strip():
            raise GenerationError("the model returned no text")
        return content.strip()

    def answer(self, question: str, answer: Answer, passages: list[Passage]) -> str:
        user = self.prompts["answer"].render(
            question=question, figures=render_figures(answer, passages), passages=render_passages(passages)
        )
        return self._complete(
            [
                {"role": "system", "content": self.prompts["system"].render(council=council()["name"])},
                {"role": "user", "content": user},
            ],
            max_tokens=400,
        )

    def rewrite(self, question: str, history: list[str]) -> str:
        prompt = self.prompts["rewrite"].render(
            question=question, history="\n".join(f"- {h}" for h in history[-6:])
        )
        text = self._complete([{"role": "user", "content": prompt}], max_tokens=100)
        return text.splitlines()[0].strip().strip('"')[: self.settings.max_question_chars]


def backend_from_settings(settings: Settings) -> GenerationBackend | None:
    if not (settings.llm_base_url and settings.llm_model):
        return None
    return GenerationBackend(settings)
