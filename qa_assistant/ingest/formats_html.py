"""HTML papers (committee-system web pages): trafilatura finds the main content; the page's title and all its
visible text are kept too, since metadata often sits outside the main content.

Pages nested too deep for libxml2 are refused rather than read with text silently missing; very large pages
skip trafilatura (it slows super-linearly) and keep the visible text minus the page furniture.
"""

from __future__ import annotations

import logging
import re

from qa_assistant.ingest.formats_text import Extracted, PaperError, decode_text, unwrap_lines
from qa_assistant.text.cleaning import clean_text

MAX_HTML_DEPTH = 200  # libxml2 truncates at 256 levels without saying so; real pages are a few dozen deep
MAX_MAIN_CONTENT_ELEMENTS = 20_000  # beyond this, skip trafilatura (super-linear); see read_html


def read_html(name: str, data: bytes) -> Extracted:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    html = decode_text(name, data) if _is_utf8(data) else data.decode("cp1252", errors="replace")
    tree, elements = _parse(name, html)
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


def _parse(name: str, html: str):
    """The parsed page and its number of elements; a page lxml cannot parse, or nested too deep to read
    reliably, is refused."""
    import lxml.html

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
    return tree, elements


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
