"""Plain text and Markdown papers, plus what every reader shares: the result, the error, UTF-8 decoding and
joining hard line wraps inside sentences.

formats.py dispatches here, to formats_pdf.py and to formats_html.py by what the bytes are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa_assistant.text.cleaning import clean_text


class PaperError(ValueError):
    """This file cannot be read as a paper; the message names the file and says why."""


@dataclass
class Extracted:
    text: str
    page_starts: list[int] = field(default_factory=list)  # offset in text where each page begins (PDF only)
    title_hint: str | None = None  # <title> of an HTML page or the PDF's Title property
    full_text: str | None = (
        None  # all visible text of an HTML page (metadata often sits outside main content)
    )


def decode_text(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PaperError(f"{name}: not UTF-8 text (byte {exc.start}); re-save it as UTF-8") from exc


def read_text(name: str, data: bytes) -> Extracted:
    """A plain text or Markdown paper: UTF-8, hard wraps joined, cleaned."""
    return Extracted(clean_text(unwrap_lines(decode_text(name, data))))


_WRAP_AFTER_WORD = re.compile(r"(?<=[a-z,;])[ \t]*\n[ \t]*(?=[a-z(]|\d[\d,.]*%?\s+[a-z])")
_WRAP_AFTER_FUNCTION_WORD = re.compile(
    r"\b(of|the|and|to|in|for|with|a|an|at|by|on|from|that|were|was|is|are|"
    r"had|has|have|there|their|our|this|these|than|or|as|into|by|be|been|being)[ \t]*\n[ \t]*(?=[A-Za-z0-9(])"
)


def unwrap_lines(text: str) -> str:
    """Join hard line wraps inside sentences ("which continues the\nsteady reduction", "offering\n227
    placements", "The Head of\nService"), so passages and quotes read as prose and a figure keeps its words.
    A break is joined after a lower-case word or comma before a lower-case word or a number in running text,
    and after a word that cannot end a line of its own ("of", "the", "and"); headings, list items and table rows
    keep their lines."""
    return _WRAP_AFTER_FUNCTION_WORD.sub(r"\1 ", _WRAP_AFTER_WORD.sub(" ", text))
