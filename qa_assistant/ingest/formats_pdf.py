"""Text-based PDF papers: pypdf reads each page's text, keeping the page breaks; owner-password-only
(print/copy restricted) files open as in a viewer, and scans without a text layer are refused with a message.
"""

from __future__ import annotations

import logging
from io import BytesIO

from qa_assistant.ingest.formats_text import Extracted, PaperError, unwrap_lines
from qa_assistant.text.cleaning import clean_text

MIN_PDF_CHARS_PER_PAGE = 20  # below this a PDF has no usable text layer (a scan)


def read_pdf(name: str, data: bytes) -> Extracted:
    from pypdf import PdfReader

    # pypdf warns on every odd object; problems are ours to report
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted:
            _decrypt(name, reader)
        pages = [clean_text(unwrap_lines(page.extract_text() or "")) for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or None
    except PaperError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on odd files; each is this file's problem
        raise PaperError(
            f"{name}: the PDF is damaged and cannot be read ({type(exc).__name__}: {str(exc)[:200]})"
        ) from exc
    if not pages:
        raise PaperError(f"{name}: the PDF has no pages")
    if sum(len(p) for p in pages) < MIN_PDF_CHARS_PER_PAGE * len(pages):
        raise PaperError(
            f"{name}: the PDF has no text layer (a scanned document?); "
            "run it through OCR or ask for the text-based original"
        )
    text, starts = "", []
    for page in pages:
        if text:
            text += "\n\n"
        starts.append(len(text))
        text += page
    return Extracted(text, starts, str(title).strip() if title else None)


def _decrypt(name: str, reader) -> None:
    """Open an encrypted PDF with the empty user password, as a PDF viewer does: owner-password-only files
    (print/copy restrictions, often AES) open; files that need a password to view are refused."""
    from pypdf.errors import DependencyError

    try:
        opened = reader.decrypt("")
    except DependencyError as exc:  # AES needs the `cryptography` package, a dependency of this project
        raise PaperError(
            f"{name}: the PDF is encrypted with a method this installation cannot open ({exc}); "
            "reinstall qa-assistant with its dependencies, or save an unencrypted copy"
        ) from exc
    except Exception as exc:  # noqa: BLE001 - unsupported or broken encryption: this file cannot be opened
        raise PaperError(
            f"{name}: the PDF's encryption cannot be opened ({type(exc).__name__}: {str(exc)[:200]}); "
            "save an unencrypted copy and add that"
        ) from exc
    if not opened:
        raise PaperError(f"{name}: the PDF is password-protected; save an unprotected copy and add that")
