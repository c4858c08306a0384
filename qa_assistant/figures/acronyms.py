"""Acronyms a paper defines for itself: "Placement Orders (POs)", "Personal Education Plan (PEP)".

A figure written with the short form ("28 PO's") is read with the long form's words, so a question that
spells the measure out finds it. Only definitions the paper itself gives are used: acronyms mean different
things in different places.
"""

from __future__ import annotations

import re

_DEFINITION = re.compile(r"((?:[A-Za-z][\w'’-]*\s+){1,6}?[A-Za-z][\w'’-]*)\s*\(\s*([A-Z][A-Za-z]{1,6}?)(?:s|'s|’s)?\s*\)")


def defined_acronyms(text: str) -> dict[str, str]:
    """Lower-cased acronym -> its long form, for "Long Form Words (LFW)" where the initials fit."""
    found: dict[str, str] = {}
    for m in _DEFINITION.finditer(text):
        acronym = m.group(2)
        letters = acronym.upper()
        words = m.group(1).split()
        long_form = _fit(words, letters)
        if long_form and acronym.lower() not in found:
            found[acronym.lower()] = long_form
    return found


def _fit(words: list[str], letters: str) -> str | None:
    """The shortest run of trailing words whose initials spell the acronym (small words may be skipped)."""
    for n in range(1, len(words) + 1):
        tail = words[-n:]
        initials = "".join(w[0].upper() for w in tail if w.lower() not in ("of", "and", "the", "for", "in", "to", "&"))
        if initials == letters:
            return " ".join(tail)
    return None


def expand(text: str, acronyms: dict[str, str]) -> str:
    """Text with each defined acronym (and its plural or possessive) followed by its long form."""
    if not acronyms:
        return text
    pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in acronyms) + r")(?:s|'s|’s)?\b", re.I)
    return pattern.sub(lambda m: f"{m.group(0)} {acronyms[m.group(1).lower()]}", text)


def expansions(text: str, acronyms: dict[str, str]) -> str:
    """The long forms of the defined acronyms a text uses, joined ("PO's" -> "Placement Orders")."""
    if not acronyms:
        return ""
    pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in acronyms) + r")(?:s|'s|’s)?\b", re.I)
    return " ".join(acronyms[m.group(1).lower()] for m in pattern.finditer(text))
