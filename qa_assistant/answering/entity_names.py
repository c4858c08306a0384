"""Find the names of things in a sentence: quoted titles ('Alfie's Story'), what a thing is "known as", and
capitalised names of teams, services, boards, programmes and the like ("Futures for Families", "Multi-Agency
Children's Hub"), or a proper name beside the kind of thing a question asks for ("the campaign Alfie's Story").
People and their posts are found in entity_finder.py.
"""

from __future__ import annotations

import re

from qa_assistant.answering.entity_finder import CAP_WORD, COMPANY_HEADS, ORG_HEADS, Found, titles

_CAP_SEQ = re.compile(
    rf"(?:{CAP_WORD}|of|for|and|the|&|in|on|to|[A-Z]{{2,}})(?:\s+(?:{CAP_WORD}|of|for|and|the|&|in|on|to|"
    rf"[A-Z]{{2,}}|Children’s|Children's))*"
)
_KNOWN_AS = re.compile(
    r"\b(?:also\s+)?(?:known|referred\s+to)\s+as\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+(?:of|for|and|in|the|"
    r"&|[A-Z][\w'’-]*))*)"
)
_QUOTED = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=\())[‘'\"“]([A-Z][^‘'\"“”’\n]{2,60}?)[’'\"”](?=[\s,.;:)]|$)")


def find_names(text: str, head: str | None = None) -> list[Found]:
    """Named things. head: the kind of thing asked for ("team", "campaign"); then only names ending in that
    word ("Pathways team"), or a proper name right beside it ("campaign Alfie's Story"), or quoted titles."""
    found: list[Found] = []
    for m in _QUOTED.finditer(text):
        found.append(Found(m.start(1), m.end(1), m.group(1), "name"))
    for m in _KNOWN_AS.finditer(text):  # "Early Help, also known as First Contact in Social Care"
        found.append(Found(m.start(1), m.end(1), m.group(1).rstrip(), "name", detail="known as"))
    if head in COMPANY_HEADS:
        head = None  # "which company": any organisation's name, whatever word it ends in
    if head:
        found.extend(_beside_head(text, head))
    heads = re.compile(rf"\b(?:{ORG_HEADS})$")
    for m in _CAP_SEQ.finditer(text):
        phrase = m.group(0).strip()
        phrase = re.sub(r"^(?:the|of|for|and|in|on|to|&)\s+", "", phrase)
        phrase = re.sub(r"\s+(?:of|for|and|the|in|on|to|&)$", "", phrase)
        if len(phrase.split()) < 2 and not re.fullmatch(r"[A-Z]{2,}", phrase):
            continue
        if head or not heads.search(phrase):
            continue  # with a head asked for, _beside_head has found what fits
        start = text.find(phrase, m.start())
        found.append(Found(start, start + len(phrase), phrase, "name"))
    return sorted(found, key=lambda f: f.start)


_PROPER = (
    r"[A-Z][\w'’\-]*(?:\s+(?:of|for|and|the|&|to|in|on|with|[A-Z][\w'’\-]*))*(?<![a-z] to)(?<! in)(?<! on)"
)


def _beside_head(text: str, head: str) -> list[Found]:
    """ "our Pathways team" -> "Pathways team"; "campaign Alfie's Story" -> "Alfie's Story"."""
    out: list[Found] = []
    h = re.escape(head)
    # "the Children and Social Work Act 2017": a year right after the head is part of the name
    for m in re.finditer(rf"\b({_PROPER})\s+(?i:{h}s?)\b(?:\s+(?:19|20)\d\d\b)?", text):
        name = re.sub(r"^(?:The|Our|A|An)\s+", "", m.group(0))
        if len(name.split()) >= 2 and name[0].isupper():
            out.append(Found(m.end() - len(name), m.end(), name, "name"))
    # ("The consultation, called Children's Centres Beyond Walls, ...": a comma may stand before "called")
    for m in re.finditer(
        rf"(?i:\b{h}s?)(?:\s+|,\s+(?=(?i:called|named|known as)\s))(?:(?i:called|named|known as)\s+)?({_PROPER})",
        text,
    ):
        name = m.group(1).strip()
        if not re.fullmatch(r"(?:The|A|An|In|On|At|It|This|That|Was|Were|Is|And)", name.split()[0]):
            out.append(Found(m.start(1), m.start(1) + len(name), name, "name"))
    # "Hackney of Tomorrow (Care Council)": a name, then its kind in brackets (not a person's: "Sarah Bell
    # (Leaving Care Team)" is who spoke for it)
    for m in re.finditer(rf"({_PROPER})\s+\((?:[\w'’-]+\s+){{0,3}}(?i:{h}s?)\)", text):
        if not _person_shaped(m.group(1)):
            out.append(_apposed(m))
    # Appositions: "Our Voice Matters, Middlesbrough's Children in Care Council"; "Fernlea House, the Council's
    # new children's home"; "the campaign launched in October, Open Your Door, had ..."
    for m in re.finditer(
        rf"({_PROPER}),\s+(?:the|our|its|their|[A-Z][\w]*['’]s)\s+(?:[\w'’-]+\s+){{0,5}}?"
        rf"(?i:{h}s?)\b",
        text,
    ):
        out.append(_apposed(m))
    for m in re.finditer(rf"(?i:\b{h}s?)\b[^,.;()]{{0,40}},\s+({_PROPER}),", text):
        out.append(_apposed(m))
    return [f for f in out if f is not None]


def _person_shaped(name: str) -> bool:
    """A titled name ("Councillor Ann Hill (Youth Council)"), not a body's; untitled people ("Sarah Bell (Leaving
    Care Team)") are the tagger's to tell from bodies ("Bright Futures (Youth Service)"; entity_tagged.names_in)."""
    return any(titles().match(part) for part in re.split(r"\s+(?:and|&)\s+", name.strip()))


def _apposed(m: re.Match[str]) -> Found | None:
    name = m.group(1).strip()
    if m.start(1) == 0 or not name.startswith("Our "):  # "members of Our Voice Matters": "Our" is in the name
        name = re.sub(r"^(?:The|Our|A|An)\s+", "", name)
    if len(name.split()) < 2 or re.fullmatch(
        r"(?:In|On|At|It|This|That|Was|Were|Is|And|But)", name.split()[0]
    ):
        return None
    return Found(m.end(1) - len(name), m.end(1), name, "name", detail="known as")
