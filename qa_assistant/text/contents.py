"""A paper's table of contents: its page numbers are not reported figures.

Agenda packs and reports copied from PDFs keep their contents list ("3. Looked After Children Figures" then "5"
on the next line, or "Care Leavers ........ 11"); read as text, each page number sits right under a measure's
name and would be taken for its value.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"(?im)^[ \t]*(?:table\s+of\s+)?contents[ \t]*:?[ \t]*$")
_PAGE_LINE = re.compile(r"[ \t]*\d{1,3}[ \t]*")  # a line that is only a page number
_LEADER_PAGE = re.compile(r".*?(?:\.{3,}|…+|\t)[ \t]*(\d{1,3})[ \t]*")  # "Care Leavers ........ 11"
_MAX_ENTRY_WORDS = 8  # a longer line is prose: the contents list has ended
_MAX_LINES = 80
_QUESTION_STEP = 10  # a question heading's page follows the last entry's by a few pages


def page_number_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the page numbers in each contents list of a text."""
    return sorted(set(_under_heading(text)) | set(_unheaded(text)))


# "Camden's Looked After Children 5": an entry and its page on one line
_ENTRY_PAGE = re.compile(r"(?m)^[ \t]*(?P<entry>[A-Z][^\n]*?[^\s.,;:!?])[ \t]+(?P<page>\d{1,3})[ \t]*$")
_MIN_UNHEADED_ENTRIES = 3
_MAX_HEADER_LINES = 3
_PAGE_FOOTER = re.compile(r"[ \t]*(?:page[ \t]+)?\d{1,3}(?:[ \t]+of[ \t]+\d{1,3})?[ \t]*", re.I)
_HEADING_REACH = 160  # how far from the entries their "Contents" heading may be (a page header between)
_MAX_PAGE_STEP = 5
_MAX_FIRST_PAGE = 10
_MAX_UNHEADED_ENTRY_WORDS = 12  # a page on the entry's own line says it is one, so it may run longer


def _unheaded(text: str) -> list[tuple[int, int]]:
    """Page numbers of a contents list whose heading is not right above its entries (a PDF copied as text puts
    it after them, or a page header between): a run of short title lines, one after another (blank lines
    between), each ending in a page number a few pages on from the last, starting near the front, with a
    "Contents" line just before or after. A scorecard's small values may climb so too, but no heading says so."""
    runs: list[list[re.Match[str]]] = [[]]
    for m in _ENTRY_PAGE.finditer(text):
        if _PAGE_FOOTER.fullmatch(m.group(0)):
            continue  # "Page 2": a page's header or footer between copies, no entry
        run = runs[-1]
        joined = bool(run) and not text[run[-1].end() : m.start()].strip()
        if not (joined and 0 <= int(m.group("page")) - int(run[-1].group("page")) <= _MAX_PAGE_STEP):
            runs.append(run := [])
        if len(m.group("entry").split()) <= _MAX_UNHEADED_ENTRY_WORDS:
            run.append(m)
    listed = [
        r for r in runs if len(r) >= _MIN_UNHEADED_ENTRIES and int(r[0].group("page")) <= _MAX_FIRST_PAGE
    ]
    headed = {_entries(r) for r in listed if _headed(r)}
    # a PDF's header repeated on every page copies the list again, with the heading beside one copy only
    return [m.span("page") for r in listed if _entries(r) in headed for m in r]


def _entries(run: list[re.Match[str]]) -> tuple[str, ...]:
    """A run's lines as written, to find its copies."""
    return tuple(m.group(0).strip() for m in run)


def _headed(run: list[re.Match[str]]) -> bool:
    """A "Contents" line right before the run's first entry (at most a few short lines between: a page header,
    "Section / Page", the paper's title) or right after its last: not one a few headings
    away ("Contents / Foreword / Introduction / Our performance / Key numbers / Adoptions 3")."""
    text = run[0].string
    before = [
        ln for ln in text[max(0, run[0].start() - _HEADING_REACH) : run[0].start()].split("\n") if ln.strip()
    ]
    after = [ln for ln in text[run[-1].end() : run[-1].end() + _HEADING_REACH].split("\n") if ln.strip()]
    for between, line in enumerate(reversed(before)):
        if _HEADING.fullmatch(line):
            return True
        if between >= _MAX_HEADER_LINES or len(line.split()) > _MAX_ENTRY_WORDS:
            break
    return bool(after and _HEADING.fullmatch(after[0]))


def _under_heading(text: str) -> list[tuple[int, int]]:
    """Page numbers of each contents list under a "Contents" heading."""
    spans: list[tuple[int, int]] = []
    for heading in _HEADING.finditer(text):
        pos, last_page = heading.end() + 1, 0
        for _ in range(_MAX_LINES):
            if pos >= len(text):
                break
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            if _is_prose(line) or (line.rstrip().endswith("?") and not _page_follows(text, end, last_page)):
                break
            if _PAGE_LINE.fullmatch(line):
                spans.append((pos, end))
                last_page = max(last_page, int(line))
            elif leader := _LEADER_PAGE.fullmatch(line):
                spans.append((pos + leader.start(1), pos + leader.end(1)))
            pos = end + 1
    return spans


def _page_follows(text: str, end: int, last_page: int) -> bool:
    """A short question is a section's heading ("What does the local authority need to improve?", "How many
    children are in our care?") when the next line is a page number a few pages on from the last; not "How many
    children were adopted?" then "19", eleven pages past the last entry: that is a figure."""
    line_end = text.find("\n", end + 1)
    nxt = text[end + 1 : line_end if line_end >= 0 else len(text)]
    return bool(_PAGE_LINE.fullmatch(nxt)) and last_page <= int(nxt) <= last_page + _QUESTION_STEP


def _is_prose(line: str) -> bool:
    """A line that no contents list holds: long, starting in lower case, or ending a sentence."""
    words = line.split()
    if not words:
        return False
    return len(words) > _MAX_ENTRY_WORDS or words[0][0].islower() or line.rstrip()[-1] in ".!;,"
