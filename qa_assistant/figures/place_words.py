"""How a place is written in running text: a council's name with its suffix ("Reading Borough Council"), a local
paper named for its place ("the Sutton Guardian"), and an authority whose name is also an everyday word
("Reading"), which is the place only where it is written as one. Used by figures/subjects.py."""

from __future__ import annotations

import re

CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")


# "the Sutton Guardian", "Brighton and Hove News": a local paper, which names where it is from, not whose figure
# (and "the Darlington and Stockton Times": a paper may be named for two places; not "Post-16", "Star Awards")
_NEWSPAPER_AFTER = re.compile(
    r"(?:\s+(?:and|&)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?"
    r"\s*(?:Gazette|Live|Echo|Evening|Guardian|Herald|News|Post|Times|Chronicle|Mail|Star|Advertiser|Telegraph|"
    r"Journal|Mercury|Argus|Observer|Press|Standard|Recorder|Examiner|Courier|Sentinel|Citizen)\b"
    r"(?![-‑]|\s+[A-Z0-9])"
)


def names_a_newspaper(text: str, end: int) -> bool:
    """Whether the place name ending at `end` is the start of a local paper's title."""
    return _NEWSPAPER_AFTER.match(text, end) is not None


COUNCIL_SUFFIX = re.compile(
    r"(?:\s+(?:County|Borough|City|District|Metropolitan\s+Borough|Metropolitan\s+District))?\s+Council\b"
)
# "Brighter Futures for Children (Reading)": the place in a bracket of its own, after a capitalised name
_NAME_THEN_BRACKET = re.compile(r"\b[A-Z][A-Za-z'’-]*\s*\($")


_PLACE_BEFORE = re.compile(r"\b(?:in|of|for|from|at|across)\s+$", re.I)
# "Reading, writing and maths", "Reading Recovery", "KS2 (Reading)": the school subject, not the place
_SUBJECT_OF_STUDY = re.compile(
    r"\s*(?:,|and|&)\s*(?:writing|maths|mathematics|spelling|phonics|numeracy)\b", re.I
)


def word_name_as_place(text: str, start: int, end: int) -> bool:
    """Whether an authority whose name is also a word ("Reading") is named as the place: before "Council", with a
    possessive, after a preposition of place, in a bracket after a name, or before a newspaper's name; never as a
    school subject ("in Reading, writing and maths") or before another capitalised word ("Reading Recovery")."""
    if _SUBJECT_OF_STUDY.match(text, end):
        return False
    return bool(
        COUNCIL_SUFFIX.match(text, end)
        or text[end : end + 2] in ("'s", "\u2019s")
        or (_PLACE_BEFORE.search(text, max(0, start - 10), start) and not CAPITAL_NEXT.match(text, end))
        or names_a_newspaper(text, end)  # "the Reading Chronicle" (whose place a question's source names)
        or (_NAME_THEN_BRACKET.search(text, max(0, start - 40), start) and text[end : end + 1] == ")")
    )
