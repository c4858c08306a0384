"""Acronyms a paper defines for itself: "Placement Orders (POs)", "Personal Education Plan (PEP)".

A figure written with the short form ("28 PO's") is read with the long form's words, so a question that
spells the measure out finds it. Only definitions the paper itself gives are used: acronyms mean different
things in different places.
"""

from __future__ import annotations

import re

_DEFINITION = re.compile(
    r"((?:[A-Za-z][\w'’-]*\s+){1,6}?[A-Za-z][\w'’-]*)\s*\(\s*([A-Z][A-Za-z]{1,6}?)(?:s|'s|’s)?\s*\)"
)


def defined_acronyms(text: str) -> dict[str, str]:
    """Lower-cased acronym -> its long form, for "Long Form Words (LFW)" where the initials fit, else the
    nearest words before its first use whose initials spell it ("Fewer adoption orders granted" / "24 AO's")."""
    found: dict[str, str] = {}
    for m in _DEFINITION.finditer(text):
        acronym = m.group(2)
        letters = acronym.upper()
        words = m.group(1).split()
        long_form = _fit(words, letters)
        if long_form and acronym.lower() not in found:
            found[acronym.lower()] = long_form
    for m in _USE.finditer(text):
        acronym = m.group(1)
        if acronym.lower() in found:
            continue
        long_form = _spelled_before(text[max(0, m.start() - _IMPLIED_REACH) : m.start()], acronym)
        if long_form:
            found[acronym.lower()] = long_form
    return found


_USE = re.compile(r"\b([A-Z]{2,4})(?:s|'s|’s)?\b")
_IMPLIED_REACH = 400
_SMALL = ("of", "and", "the", "for", "in", "to", "&")


def _spelled_before(before: str, acronym: str) -> str | None:
    """The last run of words before an acronym whose initials spell it, each a real word (3+ letters)."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", before)
    n = len(acronym)
    for i in range(len(words) - n, -1, -1):
        run = words[i : i + n]
        if (
            all(len(w) >= 3 and w.lower() not in _SMALL for w in run)
            and "".join(w[0] for w in run).upper() == acronym
            and not all(w.isupper() for w in run)
        ):
            return " ".join(run)
    return None


def _fit(words: list[str], letters: str) -> str | None:
    """The shortest run of trailing words whose initials spell the acronym (small words may be skipped)."""
    for n in range(1, len(words) + 1):
        tail = words[-n:]
        initials = "".join(w[0].upper() for w in tail if w.lower() not in _SMALL)
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
