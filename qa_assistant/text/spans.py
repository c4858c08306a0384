"""Paragraph and sentence boundaries as character offsets into clean text.

Chunking, figure extraction and answer quoting all need the same notion of "sentence"; keeping it here
means a quoted sentence and the figure inside it always line up.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

_BULLET = r"(?:[-•·●*]|\d+(?:\.\d+)*[.)]\s|\(?[a-z]\)\s|o[ \t]+(?=[A-Z]))"  # "o Care": a sub-bullet
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "No.", "Mr.", "Mrs.", "Ms.", "Dr.", "Cllr.", "approx.", "vs.")
_SENTENCE_END = re.compile(r"[.!?](?:[\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9£•·●-])")
_LINE_BREAK = re.compile(r"\n")
_BULLET_START = re.compile(r"\s*" + _BULLET)


def paragraph_spans(text: str) -> list[Span]:
    """Blocks separated by blank lines, trimmed."""
    found = (_trimmed(text, m.start(), m.end()) for m in re.finditer(r"(?:[^\n]|\n(?!\n))+", text))
    return [span for span in found if span is not None]


def _trimmed(text: str, s: int, e: int) -> Span | None:
    """The span without the white space at either end; None when nothing else is left."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None


def is_list_item(text: str, start: int) -> bool:
    return bool(_BULLET_START.match(text, start))


# "Dr Katharine M. Wells & Heather Black": a title, a first name, a middle initial, then a surname that ends the
# name (a comma, "&", "and", a bracket, a full stop or the line's end after it); "Chart B. Numbers have since
# fallen" and "Table A. However, ..." go on as sentences
_FIRST_NAME_INITIAL = re.compile(
    r"\b(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Cllr|Councillor|Sir|Dame|Rev)\.?\s+[A-Z][a-z]+\s[A-Z]\.$"
)
_SURNAME_ENDING = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?(?:[ \t]*(?:[&,;.)]|\band\b|$))", re.M)


def _middle_initial(text: str, m: re.Match[str]) -> bool:
    """Whether the full stop at m ends a middle initial inside a person's name, not a sentence."""
    return bool(_FIRST_NAME_INITIAL.search(text, max(0, m.start() - 30), m.start() + 1)) and bool(
        _SURNAME_ENDING.match(text, m.end())
    )


def _breaks_in(text: str, start: int, end: int) -> list[int]:
    """Offsets where a new sentence starts inside [start, end)."""
    cuts: list[int] = []
    for m in _SENTENCE_END.finditer(text, start, end):
        before = text[max(start, m.start() - 6) : m.start() + 1]
        if any(before.endswith(a) for a in _ABBREVIATIONS) or _middle_initial(text, m):
            continue
        cuts.append(m.end())
    # One pass over the line breaks, each line looked at once: slicing from `start` at every break made this
    # quadratic in a paragraph's line count (a 5 MB text of wrapped lines spent seconds here).
    last = ""  # the last non-space character in [start, this break)
    line_from = start  # where the text after the previous break begins
    previous_break = -1  # offset of the previous line break in [start, end), or -1
    for m in _LINE_BREAK.finditer(text, start, end):
        line = text[line_from : m.start()].rstrip()
        if line:
            last = line[-1]
        nxt = m.end()
        if (last and last in ".:;!?-") or _BULLET_START.match(text, nxt) or not last:
            cuts.append(nxt)
        elif nxt < end and text[nxt].isupper() and m.start() - (previous_break + 1) < 60:
            # A short line followed by a capitalised line is a heading, not a wrapped sentence.
            # (The first line is measured from offset 0, not from `start`, as it always has been.)
            cuts.append(nxt)
        line_from, previous_break = nxt, m.start()
    return sorted(set(c for c in cuts if start < c < end))


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences (and list items, and headings) within [start, end), trimmed of whitespace."""
    end = len(text) if end is None else end
    bounds = [start, *_breaks_in(text, start, end), end]
    found = (_trimmed(text, s, e) for s, e in zip(bounds, bounds[1:]))
    return [span for span in found if span is not None]


def sentence_spans_by_paragraph(text: str) -> list[Span]:
    return [s for p in paragraph_spans(text) for s in sentence_spans(text, *p)]


def word_count(text: str) -> int:
    return len(text.split())
