"""Check a generated answer against the passages it was given, before anyone sees it.

A generated answer is shown only if: every sentence cites at least one passage that exists; every number in a
sentence appears in a passage that sentence cites; most of each sentence's content words come from its cited
passages. Sentences inside a passage that read like instructions to a model (planted text) do not count as
support, so an answer that obeys them fails. Anything else falls back to the extractive answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa_assistant.settings import weight
from qa_assistant.text.stemming import stemmer

CITE = re.compile(r"\[(\d{1,3})\]")
NUMBER = re.compile(r"(?<![\w.])£?\d[\d,]*(?:\.\d+)?")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[a-z][a-z'’-]{2,}")

# Text in a paper addressed to a model rather than to councillors.
INJECTION = re.compile(
    r"\b(?:ignore|disregard|forget|override)\b[^.\n]{0,60}\b(?:instructions?|prompts?|rules|guidelines)\b"
    r"|\b(?:AI|language model|LLM|chatbot|assistant)s?\b[^.\n]{0,60}"
    r"\b(?:must|should|tell|say|reply|respond|answer|state)\b"
    r"|\bsystem prompt\b|\byou are now\b|\bact as\b[^.\n]{0,30}\b(?:AI|assistant|model)\b",
    re.I,
)
STOPWORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "that",
        "this",
        "with",
        "from",
        "were",
        "was",
        "are",
        "has",
        "have",
        "had",
        "been",
        "its",
        "their",
        "there",
        "which",
        "what",
        "when",
        "where",
        "who",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "also",
        "than",
        "then",
        "them",
        "they",
        "these",
        "those",
        "into",
        "onto",
        "about",
        "over",
        "under",
        "per",
        "not",
        "but",
        "all",
        "any",
        "each",
        "other",
        "such",
        "only",
        "very",
        "more",
        "most",
        "some",
        "our",
        "your",
        "his",
        "her",
        "him",
        "she",
        "you",
        "one",
        "two",
    ]
)


@dataclass
class Verdict:
    ok: bool
    reason: str = ""


def _digits(text: str) -> str:
    """Number words as digits ("five hundred" -> "500"), so a spelled-out number is checked too."""
    try:
        from text_to_num import alpha2digit

        return alpha2digit(text, "en")
    except Exception:  # noqa: BLE001 - conversion is a best effort; the digits already present still count
        return text


def numbers_in(text: str) -> set[str]:
    return {
        m.group().lstrip("£").replace(",", "").rstrip(".")
        for m in NUMBER.finditer(_digits(CITE.sub(" ", text)))
    }


def content_stems(text: str) -> set[str]:
    words = [w.strip("'’-") for w in WORD.findall(text.lower())]
    return set(stemmer().stemWords([w for w in words if w and w not in STOPWORDS]))


def strip_instructions(text: str) -> str:
    """The passage without its instruction-like sentences: what may support an answer."""
    sentences = re.split(r"(?<=[.!?])\s+|\n+", text)
    return " ".join(s for s in sentences if not INJECTION.search(s))


def split_sentences(text: str) -> list[str]:
    """Sentences of the answer; a fragment that is only citation markers joins the sentence before it."""
    out: list[str] = []
    for part in SENTENCE_END.split(text.strip()):
        if out and not CITE.sub("", part).strip(" .;,"):
            out[-1] = f"{out[-1]} {part}"
        elif part.strip():
            out.append(part.strip())
    return out


def verify(answer: str, passages: list[str]) -> Verdict:
    """passages[i] is passage number i + 1 as the model saw it."""
    if not answer.strip():
        return Verdict(False, "the model returned no text")
    if INJECTION.search(answer):
        return Verdict(False, "the answer repeats instruction-like text")
    usable = [strip_instructions(p) for p in passages]
    for sentence in split_sentences(answer):
        cited = {int(n) for n in CITE.findall(sentence)}
        if not cited:
            return Verdict(False, f"sentence without a citation: {sentence[:120]!r}")
        missing = sorted(n for n in cited if not 1 <= n <= len(passages))
        if missing:
            return Verdict(
                False, f"cites passage [{missing[0]}], which does not exist ({len(passages)} given)"
            )
        support = " ".join(usable[n - 1] for n in sorted(cited))
        invented = sorted(numbers_in(sentence) - numbers_in(support))
        if invented:
            return Verdict(False, f"number {invented[0]} is not in the cited passage(s) {sorted(cited)}")
        words = content_stems(CITE.sub(" ", sentence))
        if words:
            share = len(words & content_stems(support)) / len(words)
            if share < weight("verification", "min_support"):
                return Verdict(
                    False,
                    f"sentence not supported by its cited passage(s) "
                    f"({share:.0%} of its words found): {sentence[:120]!r}",
                )
    return Verdict(True)
