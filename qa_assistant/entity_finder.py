"""Find people (with their roles), dates and names in a sentence, by the shapes council papers write them in.

People: a title and a name ("Councillor Luke Henman", "Cllr Garvey", "Dr A Smith"), or a name followed by a
role ("J Rowan, Fostering Team Manager", "Sue Butcher, Director of Children's Services"), or a role alone
("the Executive Member for Children's Services") when no name is given. Dates: every date phrase the date
finder knows. Names: quoted titles ('Alfie's Story') and capitalised names of teams, services, boards,
programmes and the like ("Futures for Families", "Multi-Agency Children's Hub"). Role words and titles
are data (data/lexicon.json).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import find_dates
from .figures.terms import lexicon

_CAP = r"[A-Z][a-zA-Z'’\-]+"
_NAME = rf"(?:[A-Z]\.?\s)?{_CAP}(?:\s(?:[A-Z]\.?\s)?{_CAP}){{0,2}}"
_ORG_HEADS = (r"Team|Teams|Service|Services|Board|Panel|Hub|Programme|Program|Project|Scheme|Campaign|Strategy|"
              r"Model|Unit|Council|Group|Forum|Partnership|Collaborative|Protocol|Tool|Centre|Center|Home|House|"
              r"Lodge|School|Academy|Trust|Agency|Network|Committee|Plan|Framework|Initiative|Offer|Pathway|"
              r"Pathways|Families|Fund|Project|Court|Office|Department|Commissioner|Police|Hospital|Charity|Club")
_CAP_SEQ = re.compile(rf"(?:{_CAP}|of|for|and|the|&|in|on|to|[A-Z]{{2,}})(?:\s+(?:{_CAP}|of|for|and|the|&|in|on|to|"
                      rf"[A-Z]{{2,}}|Children’s|Children's))*")
_QUOTED = re.compile(r"[‘'\"“]([A-Z][^‘'\"“”’]{2,60}?)[’'\"”]")


@dataclass(frozen=True)
class Found:
    start: int  # offsets in the sentence text
    end: int
    text: str
    type: str  # person | date | name
    role: str | None = None


@lru_cache(maxsize=1)
def _titles() -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in sorted(lexicon()["person_titles"], key=len, reverse=True))
    return re.compile(rf"\b(?:{titles})\s+{_NAME}")


@lru_cache(maxsize=1)
def _roles() -> re.Pattern[str]:
    roles = "|".join(re.escape(r) for r in sorted(lexicon()["roles"], key=len, reverse=True))
    return re.compile(rf"(?:(?:Interim|Acting|Deputy|Assistant|Senior|Principal|Strategic|Corporate)\s+)*"
                      rf"(?:{_CAP}\s+){{0,3}}?(?:{roles})\b(?:\s+(?:of|for)\s+(?:the\s+)?(?:{_CAP}|and|&)"
                      rf"(?:\s+(?:{_CAP}|and|&|of|the|Children’s|Children's))*)?")


_NAME_THEN_ROLE = None


@lru_cache(maxsize=1)
def _name_then_role() -> re.Pattern[str]:
    return re.compile(rf"\b({_NAME})\s*(?:,|–|—|-|\()\s*(?:the\s+)?({_roles().pattern})")


def _role_after(text: str, end: int) -> str | None:
    m = re.match(rf"\s*(?:,|–|—|-|\(|as)\s*(?:the\s+)?({_roles().pattern})", text[end:])
    return m.group(1).strip() if m else None


def find_people(text: str) -> list[Found]:
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for m in _titles().finditer(text):
        found.append(Found(m.start(), m.end(), m.group(0), "person", _role_after(text, m.end())))
        taken.append(m.span())
    for m in _name_then_role().finditer(text):
        s, e = m.span(1)
        if any(a < e and s < b for a, b in taken) or _roles().fullmatch(m.group(1)):
            continue
        found.append(Found(s, e, m.group(1), "person", m.group(2).strip()))
        taken.append((s, e))
    for m in _roles().finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        start = m.start()
        the = re.search(r"\bthe\s+$", text[max(0, start - 4) : start], re.I)
        if the:
            start -= 4
        found.append(Found(start, m.end(), text[start:m.end()], "person", None))
    return sorted(found, key=lambda f: f.start)


def find_dates_in(text: str, reference: dt.date | None) -> list[Found]:
    return [Found(d.start, d.end, text[d.start:d.end], "date") for d in find_dates(text, reference=reference)
            if d.kind in ("day", "month", "quarter", "fy", "year")]


def find_names(text: str, head: str | None = None) -> list[Found]:
    """Named things; head ("team", "programme") keeps only names ending in that kind of word, when given."""
    found: list[Found] = []
    for m in _QUOTED.finditer(text):
        found.append(Found(m.start(1), m.end(1), m.group(1), "name"))
    heads = re.compile(rf"\b(?:{_ORG_HEADS})$")
    for m in _CAP_SEQ.finditer(text):
        phrase = m.group(0).strip()
        phrase = re.sub(r"^(?:the|of|for|and|in|on|to|&)\s+", "", phrase)
        phrase = re.sub(r"\s+(?:of|for|and|the|in|on|to|&)$", "", phrase)
        if len(phrase.split()) < 2 and not re.fullmatch(r"[A-Z]{2,}", phrase):
            continue
        if not heads.search(phrase) and not (head and phrase.lower().endswith(head)):
            continue
        if head and not re.search(rf"\b{re.escape(head)}s?\b", phrase, re.I) and head not in ("name",):
            continue
        start = text.find(phrase, m.start())
        found.append(Found(start, start + len(phrase), phrase, "name"))
    return sorted(found, key=lambda f: f.start)
