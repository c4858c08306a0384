"""Turn a paper's bytes (text, Markdown, HTML page, text-based PDF) into clean text, keeping PDF page breaks.

The type is decided by the bytes, not the file name: a ".pdf" that is really a web page is refused with a
message rather than fed to the wrong parser. This module decides the type and hands the bytes to its reader:
formats_pdf.py (pypdf), formats_html.py (trafilatura finds the page's main content) or formats_text.py, which
also holds what the readers share. Every failure is a `PaperError` with a message an officer can act on.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Literal

from qa_assistant.ingest.formats_html import read_html
from qa_assistant.ingest.formats_pdf import read_pdf
from qa_assistant.ingest.formats_text import Extracted, PaperError, read_text

log = logging.getLogger(__name__)
__all__ = ["EXTRACTOR_VERSION", "SUFFIX_TYPES", "Extracted", "PaperError", "extract", "paper_type", "sniff"]

PaperType = Literal["text", "html", "pdf"]
SUFFIX_TYPES: dict[str, PaperType] = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
EXTRACTOR_VERSION = "5"  # bump when extraction changes, so cached extractions are redone


def sniff(data: bytes) -> PaperType | str:
    """What the bytes are: a supported type, or a short description of what they are instead."""
    head = data[:4096]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "a zip or Word/Excel file"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "an image"
    if b"\x00" in head:
        return "a binary file"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered or b"<body" in lowered:
        return "html"
    return "text"


def paper_type(path: Path, data: bytes) -> PaperType:
    """The paper's type, checked against its extension."""
    expected = SUFFIX_TYPES.get(path.suffix.lower())
    if expected is None:
        raise PaperError(
            f"{path.name}: unsupported file type {path.suffix or '(no extension)'}; "
            f"use {', '.join(sorted(SUFFIX_TYPES))}"
        )
    if not data.strip():
        raise PaperError(f"{path.name}: the file is empty")
    actual = sniff(data)
    if actual != expected:
        what = {"text": "plain text", "html": "an HTML page", "pdf": "a PDF"}.get(actual, actual)
        raise PaperError(
            f"{path.name}: the extension says {expected} but the content is {what}; "
            "rename it with the right extension"
        )
    return expected


_READERS = {"pdf": read_pdf, "html": read_html, "text": read_text}


def extract(path: Path, data: bytes | None = None) -> Extracted:
    """Clean text of one paper of any supported type."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise PaperError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    result = _READERS[paper_type(path, data)](path.name, data)
    if not result.text:
        raise PaperError(f"{path.name}: no text left after cleaning")
    return result
