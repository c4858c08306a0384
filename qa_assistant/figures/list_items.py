"""List items read against the line that introduces their list.

"Of the 156 foster carers:-" above "• 16 mainstream", "Vacancy rates in September 2023" above "• Hartlepool
Council: 0.7%", "The weekly fostering allowances are:" above "0-4 £143.57": an item's own words say only which
part, whose or which band; what is measured is said once, above. Reading upwards from an item is its own
job, bounded so that it stays linear in the text.
"""

from __future__ import annotations

import re

from qa_assistant.figures.kinds import breakdown_heading
from qa_assistant.figures.masks import mask_dates, mask_numbers
from qa_assistant.figures.sentence import SentenceReading
from qa_assistant.figures.terms import measure_terms
from qa_assistant.text.numbers import Quantity

_LEAD_IN_LINES = 12  # list lines read upwards looking for the line that introduces them
_LINE_REACH = 300  # characters looked back for the start of a list line (bounded, so reading stays linear)


def list_parent(r: SentenceReading) -> str:
    """For list items under "of the 156 foster carers:-": the words of that heading, which every item
    breaks down."""
    floor = max(0, r.sentence[0] - 3000)
    start = r.text.rfind("\n", floor, max(0, r.sentence[0] - 1))
    for _ in range(12):
        line_start = r.text.rfind("\n", floor, max(0, start))
        line = r.text[line_start + 1 : start].strip()
        if line and breakdown_heading(line):
            return " ".join(re.sub(r"£?\d[\d,.]*%?", " ", line).split())
        if line_start < 0:
            break
        start = line_start
    return ""


def band_label(r: SentenceReading, q: Quantity, nxt: Quantity | None) -> bool:
    """ "0-4 £143.57", "16+ £247.67": a range or "N+" opening a line, with another value after it on that
    line, names a band (of ages) the value belongs to; it is not a reported figure itself."""
    if (
        nxt is None
        or not (q.value_high is not None or r.text[q.end : q.end + 1] == "+")
        or r.text.find("\n", q.end, nxt.start) >= 0
    ):
        return False
    line_start = r.text.rfind("\n", max(0, q.start - _LINE_REACH), q.start) + 1
    return not r.text[line_start : q.start].strip(" \t•·*-")  # (the search back stays within _LINE_REACH)


def lead_in(r: SentenceReading, q: Quantity) -> tuple[int, int] | None:
    """The line that introduces a list of values labelled only by whose they are or which band ("Vacancy
    rates in September 2023" above "• Hartlepool Council: 0.7%"; "The weekly fostering allowances from 1st
    April 2016 are:" above "16+ £247.67"): the nearest line above ending in a colon or a question mark, or a
    short heading, over list lines and at most one blank line."""
    text = r.text
    floor = max(0, q.start - _LINE_REACH * _LEAD_IN_LINES)
    pos = text.rfind("\n", floor, q.start)
    own_end = text.find("\n", q.end)
    own_line = text[pos + 1 : own_end if own_end >= 0 else len(text)]
    # a question heads only the short value lines under it, never a paragraph that answers it in prose
    endings = (":", "?") if len(own_line.split()) <= _VALUE_LINE_WORDS else (":",)
    blanks = 0
    for _ in range(_LEAD_IN_LINES):
        if pos <= floor:
            return None
        start = text.rfind("\n", floor, pos) + 1
        line = text[start:pos].strip()
        pos = start - 1
        if not line:
            blanks += 1
            if blanks > 1:
                return None
            continue
        undated = mask_dates(line)
        # "4. What is your annual spend on independent fostering agencies?" above "• 2021/22: 441,449": a
        # freedom of information answer lists its values under the question they answer
        if line.endswith(endings) or (
            len(line.split()) <= 10
            and not re.search(r"[.;,!?]$", line)
            and not re.search(r"\d[\d,.]*%?\s*$", undated)
        ):
            if measure_terms(mask_numbers(mask_dates(line))):
                s0 = text.find(line, start)
                return s0, s0 + len(line)
            return None
        if not re.search(r"\d", line) or line.endswith("."):
            return None  # a sentence, not a list line: the list has no lead-in
    return None


# a list item's marker: a bullet, "1.", "a)", "(iv)", "ii."
_LIST_MARKER = re.compile(
    r"^\s*(?:[•·●▪*-]|\(?(?:[ivx]{1,5}|[a-z]|\d{1,2})[.)]|(?-i:o(?=[ \t]+[A-Z])))\s+", re.I
)
_VALUE_LINE_WORDS = 8
_ITEM_REACH = 2000  # characters read upwards from an item for its list's colon lead-in
_COUNTED_IN_LEAD = re.compile(r"\bnumber\s+of\s+([a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?)", re.I)


def item_lead_in(text: str, item_start: int) -> str:
    """For a list item that names its value ("iii. Mainstream in-house carers" above "Three hundred and twenty
    three (323)"): the line ending in a colon that introduces its list ("a. Number of children currently placed
    with:"), read upwards over the list's other items and their values; "" when the item is not a list item
    or no colon line heads its list. What the lead-in says the items count is part of what each item is."""
    line_start = text.rfind("\n", 0, item_start) + 1
    if not _LIST_MARKER.match(text[line_start : item_start + 1]):
        return ""
    floor = max(0, line_start - _ITEM_REACH)
    pos = line_start - 1
    for _ in range(_LEAD_IN_LINES * 3):
        if pos <= floor:
            return ""
        start = text.rfind("\n", floor, pos) + 1
        line = text[start:pos].strip()
        pos = start - 1
        if not line:
            continue
        if re.search(r":-?$", line):
            return line
        if _LIST_MARKER.match(line) or (re.search(r"\d", line) and len(line.split()) <= _VALUE_LINE_WORDS):
            continue  # another item of the list, or its value
        return ""  # running text: the item has no lead-in
    return ""


def item_text(line: str) -> str:
    """A list line without its marker and closing colon ("c. Total number of carer households:")."""
    return re.sub(r":-?\s*$", "", _LIST_MARKER.sub("", line, count=1))


def counted_in_lead_in(lead: str) -> str:
    """What a lead-in says its items count: "Number of children currently placed with:" counts children."""
    m = _COUNTED_IN_LEAD.search(lead)
    return m.group(1) if m else ""
