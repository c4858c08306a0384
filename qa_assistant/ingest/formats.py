"""Turn a paper's bytes (text, Markdown, HTML page, text-based PDF) into clean text, keeping PDF page breaks.

The type is decided by the bytes, not the file name: a ".pdf" that is really a web page is refused with a
message rather than fed to the wrong parser. pypdf reads PDFs; trafilatura finds an HTML page's main content.
Every failure is a `PaperError` with a message an officer can act on.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Literal

from qa_assistant.text.cleaning import clean_text

log = logging.getLogger(__name__)

PaperType = Literal["text", "html", "pdf"]
SUFFIX_TYPES: dict[str, PaperType] = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
EXTRACTOR_VERSION = "5"  # bump when extraction changes, so cached extractions are redone
MIN_PDF_CHARS_PER_PAGE = 20  # below this a PDF has no usable text layer (a scan)
MAX_HTML_DEPTH = 200  # libxml2 truncates at 256 levels without saying so; real pages are a few dozen deep
MAX_MAIN_CONTENT_ELEMENTS = 20_000  # beyond this, skip trafilatura (super-linear); see _html


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


def decode_text(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PaperError(f"{name}: not UTF-8 text (byte {exc.start}); re-save it as UTF-8") from exc


def extract(path: Path, data: bytes | None = None) -> Extracted:
    """Clean text of one paper of any supported type."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise PaperError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    kind = paper_type(path, data)
    if kind == "pdf":
        result = _pdf(path.name, data)
    elif kind == "html":
        result = _html(path.name, data)
    else:
        result = Extracted(clean_text(unwrap_lines(decode_text(path.name, data))))
    if not result.text:
        raise PaperError(f"{path.name}: no text left after cleaning")
    return result


def _pdf(name: str, data: bytes) -> Extracted:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(
        logging.ERROR
    )  # pypdf warns on every odd object; problems are ours to report
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


def _html(name: str, data: bytes) -> Extracted:
    import lxml.html
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    html = decode_text(name, data) if _is_utf8(data) else data.decode("cp1252", errors="replace")
    try:
        tree = lxml.html.fromstring(html)
    except Exception as exc:  # noqa: BLE001 - lxml raises several types for unparseable markup
        raise PaperError(f"{name}: the HTML cannot be parsed ({exc})") from exc
    depth, elements = _shape(tree)
    if depth >= MAX_HTML_DEPTH:  # libxml2 silently drops everything below depth 256: the text would be lost
        raise PaperError(
            f"{name}: the page's markup is nested more than {MAX_HTML_DEPTH} elements deep, so its "
            "text cannot be read reliably (a committee page is a few dozen deep); save it as PDF or "
            "text and add that"
        )
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    title = " ".join((tree.findtext(".//title") or "").split()) or None
    full = clean_text(_block_text(tree))
    if elements > MAX_MAIN_CONTENT_ELEMENTS:
        # trafilatura's main-content search slows super-linearly with the element count (40,000 links: 4.4 s,
        # twice that ~4x longer); a page this large is not a committee-system item page, so keep the visible
        # text minus the usual page furniture instead.
        for furniture in tree.xpath("//nav|//header|//footer|//aside|//form"):
            furniture.drop_tree()
        return Extracted(clean_text(_block_text(tree)), [], title, full)
    main = trafilatura.extract(
        html,
        include_tables=True,
        include_comments=False,
        favor_recall=True,
        include_formatting=True,
        output_format="txt",
    )
    text = clean_text(unwrap_lines(markdown_to_plain(main or "")))
    if len(text) < 0.2 * len(
        full
    ):  # extraction dropped most of a short page: keep everything visible instead
        text = full
    return Extracted(text, [], title, full)


_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def markdown_to_plain(text: str) -> str:
    """trafilatura keeps tables as "| cell | cell |" rows only when it writes formatting; keep those rows (as
    "cell | cell"), drop the "|---|" rules, heading hashes and bold/italic marks."""
    lines = []
    for line in text.split("\n"):
        if _TABLE_RULE.match(line):
            continue
        line = re.sub(r"^\s*#{1,6}\s+", "", line)
        line = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), line)
        if line.lstrip().startswith("|"):
            line = line.strip().strip("|").strip()
        lines.append(line)
    return "\n".join(lines)


def _shape(tree) -> tuple[int, int]:
    """Deepest nesting and number of elements of a parsed page, in one pass."""
    from lxml import etree

    depth = deepest = elements = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            depth += 1
            elements += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest, elements


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "dt",
    "dd",
    "title",
    "ul",
    "ol",
}


def _block_text(tree) -> str:
    """Visible text with a line break after each block element, so "Date: ..." lines stay lines."""
    parts: list[str] = []

    def walk(el) -> None:
        is_element = isinstance(el.tag, str)  # comments and processing instructions have callable tags
        if is_element and el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if is_element and el.tag.lower() in _BLOCK_TAGS:
            parts.append("\n")
        elif is_element and el.tag.lower() in ("td", "th"):
            parts.append(" | ")

    walk(tree)
    return re.sub(r"[ \t]*\n[ \t]*", "\n", "".join(parts))
