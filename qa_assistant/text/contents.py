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
