"""Who is speaking in a quoted paragraph that names nobody.

News reports run a long quote over several paragraphs: 'Councillor Sue Ridney ... said: “It is wrong to take
children ...' (no closing mark), then a paragraph of its own, '“... it can cost up to £6,000 a week.”'. The
second paragraph holds what a question asks ("Which councillor said ... £6,000 a week?") but no name: the speaker
is the one whose paragraph opened the quote. Only double quotation marks are read (a single ’ is also an
apostrophe), and only a quote left open at the end of every paragraph between.
"""

from __future__ import annotations

_OPENING = ("\u201c", '"')
_MOST_PARAGRAPHS = 5  # a speech runs over a few paragraphs; further back is another part of the story


def _left_open(paragraph: str) -> bool:
    """Whether a quote opened in the paragraph is not closed at its end (news style: the quote goes on)."""
    curly = paragraph.count("\u201c") - paragraph.count("\u201d")
    return curly > 0 or paragraph.count('"') % 2 == 1


def quote_opened_at(text: str, start: int) -> int | None:
    """Where the paragraph that opened the quote holding text[start] begins, when that quote runs on from an
    earlier paragraph, left open at the end of each one between; else None."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start : line_start + 8].lstrip().startswith(_OPENING):
        return None
    for _ in range(_MOST_PARAGRAPHS):
        if line_start == 0:
            return None
        previous_start = text.rfind("\n", 0, line_start - 1) + 1
        paragraph = text[previous_start : line_start - 1]
        line_start = previous_start
        if not paragraph.strip():
            continue
        if not _left_open(paragraph):
            return None
        if not paragraph.lstrip().startswith(_OPENING):
            return previous_start
    return None
