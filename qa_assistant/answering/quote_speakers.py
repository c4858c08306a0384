"""Who is speaking in a quoted paragraph that names nobody.

News reports run a long quote over several paragraphs: 'Councillor Sue Ridney ... said: “It is wrong to take
children ...' (no closing mark), then a paragraph of its own, '“... it can cost up to £6,000 a week.”'. The
second paragraph holds what a question asks ("Which councillor said ... £6,000 a week?") but no name: the speaker
is the one whose verb of saying opened the quote. Only double quotation marks are read (a single ’ is also an
apostrophe), and only a quote left open at the end of every paragraph between.
"""

from __future__ import annotations

import re

from qa_assistant.text.spans import sentence_spans

_OPENING = ("\u201c", '"')
_MOST_PARAGRAPHS = 5  # a speech runs over a few paragraphs; further back is another part of the story
# the last opening mark of a paragraph, right after a verb of saying ("... and said: "", "added, "", "says "")
# whose speaker comes before it; not "told X:" or "wrote to X saying:", where the one named last is spoken to
_OPENED_BY_SPEAKER = re.compile(
    r"\b(?:said|says|added|adds|explained|explains|warned|warns|commented|replied|stated|states|continued|"
    r"insisted|argued|noted|told\s+(?:the\s+)?(?:committee|meeting|panel|board|council|cabinet|members|councillors|"
    r"reporters|service|press|Local\s+Democracy\s+Reporting\s+Service|LDRS))\s*[:,]?\s*[\u201c\"][^\u201c\u201d\"]*$"
)
# the quote's own paragraph says who said it ('... a week," a spokesperson said.'): not the opener's words
# (a closing mark right after the quote's last words; "she added" is the same speaker)
_ATTRIBUTED_AFTER = re.compile(
    r"(?:(?<=[,.!?])[\u201d\"]|(?<=\w)[\u201d\"](?=\s*,))\s*,?\s*(?=\S)(?!(?:he|she|they)\b)[^\u201c\u201d\"]{0,80}\b"
    r"(?:said|says|added|told|stated)\b"
)


def _left_open(paragraph: str) -> bool:
    """Whether a quote opened in the paragraph is not closed at its end (news style: the quote goes on)."""
    curly = paragraph.count("\u201c") - paragraph.count("\u201d")
    return curly > 0 or paragraph.count('"') % 2 == 1


def _still_open_at(paragraph_start: int, text: str, start: int) -> bool:
    """Whether the quote that opens the paragraph is still open where the sentence starts, and the paragraph
    does not name a speaker of its own."""
    before = text[paragraph_start:start]
    line_end = text.find("\n", start)
    paragraph = text[paragraph_start : len(text) if line_end < 0 else line_end]
    return _left_open(before.lstrip() or '"') and not _ATTRIBUTED_AFTER.search(paragraph)


def _speaker_sentence(text: str, paragraph_start: int, paragraph_end: int) -> int | None:
    """Where the sentence that opened the paragraph's last quote begins, when a verb of saying opened it."""
    opened = _OPENED_BY_SPEAKER.search(text, paragraph_start, paragraph_end)
    if opened is None:
        return None
    # the sentence as the index cuts it, so the cited span starts where a sentence does
    return next(
        (s for s, e in sentence_spans(text, paragraph_start, paragraph_end) if s <= opened.start() < e),
        paragraph_start,
    )


def quote_opened_at(text: str, start: int) -> int | None:
    """Where the sentence that opened the quote holding text[start] begins, when that quote runs on from an
    earlier paragraph (left open at the end of each one between) and a verb of saying opened it; else None."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start : line_start + 8].lstrip().startswith(_OPENING):
        return None
    if not _still_open_at(line_start, text, start):
        return None
    for _ in range(_MOST_PARAGRAPHS):
        if line_start == 0:
            return None
        previous_start = text.rfind("\n", 0, line_start - 1) + 1
        paragraph_end = line_start - 1
        paragraph = text[previous_start:paragraph_end]
        line_start = previous_start
        if not paragraph.strip():
            continue
        if not _left_open(paragraph):
            return None
        if not paragraph.lstrip().startswith(_OPENING):
            return _speaker_sentence(text, previous_start, paragraph_end)
    return None
