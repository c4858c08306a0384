"""People and organisations the NER tagger (ner.py) finds where the rules' shapes (entity_finder.py) name no
one: a tagged name is kept only if it could be a name (capitalised words, no team, council, role or service
word), and it is marked as tagged, so its post must be in its own clause (entity_candidates.holds_role).
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.answering.entity_bodies import bodies_set_off, holds_role_word, is_a_place
from qa_assistant.answering.entity_finder import (
    COMPANY_HEADS,
    NAME_SHAPE,
    NAME_WORD,
    ORG_HEADS,
    ORG_WORDS,
    Found,
    department_words,
    find_people,
    role_after,
)
from qa_assistant.answering.entity_names import find_names
from qa_assistant.answering.ner import organisation_spans, person_spans
from qa_assistant.figures.concepts import load_concepts
from qa_assistant.figures.subjects import find_subject_mentions
from qa_assistant.figures.terms import lexicon, measure_terms


def people_in(text: str) -> list[Found]:
    """The people the rules find; where they name no one, or leave a name-shaped run of capitalised words
    unclaimed, also those the tagger finds there (a tagger call costs about 4 ms a sentence, and where the rules
    found a person with a title or post, that shape is the better reading)."""
    found = find_people(text)
    named = [f for f in found if not f.role_only]
    if named and not _name_left(text, named):
        return found
    # "Ruth Evans, Voice of the Child Lead and Omar Shah, youth support officer": a name the rules left out
    tagged = [
        t
        for t in _tagged_people(text)
        if not any(f.start < t.end and t.start < f.end for f in named)
        and not _in_bracket_after_a_name(text, named, t.start)
    ]
    # a post the tagged name fills ("The Secretary of State for Education Gavin Williamson") is not a second answer
    roles = [f for f in found if not any(t.start < f.end and f.start < t.end for t in tagged)]
    return sorted(roles + tagged, key=lambda f: f.start)


def _name_left(text: str, named: list[Found]) -> bool:
    """Whether a name-shaped run of capitalised words lies outside the people the rules found ("Corporate
    Parenting Board", "Finance Business Partnering" name no one: the tagger is not asked about them)."""
    return any(
        not any(f.start < m.end() and m.start() < f.end for f in named)
        and not _in_bracket_after_a_name(text, named, m.start())
        and not ORG_WORDS.search(m.group(0))
        and not department_words().search(m.group(0))
        for m in NAME_SHAPE.finditer(text)
    )


def _in_bracket_after_a_name(text: str, named: list[Found], pos: int) -> bool:
    """ "Councillor Fiona Davidson (R4GV, Guildford South-East)": a bracket right after a named person holds
    their party and ward, no second person."""
    for f in named:
        m = _BRACKET_AFTER.match(text, f.end)
        if m and m.start(1) <= pos < m.end(1):
            return True
    return False


# party and ward: capitalised words, abbreviations and commas only ("(Lib Dem, Farnham North)"; not "(Jane
# Smith deputising)", whose lower-case words say what the second person did)
_BRACKET_AFTER = re.compile(r"\s*\(((?:[A-Z0-9][\w'’&.-]*(?:,?\s+|(?=\))))+)\)")


def names_in(text: str, head: str | None, authorities: bool = False) -> list[Found]:
    """The names the rules find; for "which company / organisation / agency" also the organisations the tagger
    finds, whatever word their name ends in ("Adopt Central England")."""
    found = find_names(text, head)
    # "Sarah Bell (Leaving Care Team)": a person set before a kind spoke for it, and is no name of it (the tagger
    # is asked only when a name without a body's word could be a person's)
    if any(not ORG_WORDS.search(f.text) for f in found):
        people = person_spans(text)
        found = [f for f in found if not any(s <= f.start and f.end <= e for s, e in people)]
    if head not in ("council", "authority", "borough"):
        found = [f for f in found if not is_a_place(f.text)]  # "which agency": not the council it is for
    elif authorities:  # "which council topped": "behind York, which topped the table" names one too
        found = sorted(found + _authorities(text, found), key=lambda f: f.start)
    if head in COMPANY_HEADS:
        for more in (_tagged_organisations(text), bodies_set_off(text, head)):
            found = sorted(
                found + [t for t in more if not any(f.start < t.end and t.start < f.end for f in found)],
                key=lambda f: f.start,
            )
    return found


def _authorities(text: str, found: list[Found]) -> list[Found]:
    """The councils a sentence names by their place alone, where no name found already covers them."""
    return [
        Found(m.start, m.end, text[m.start : m.end], "name")
        for m in find_subject_mentions(text)
        if m.subject.kind == "other" and not any(f.start < m.end and m.start < f.end for f in found)
    ]


@lru_cache(maxsize=1)
def _service_words() -> frozenset[str]:
    """The words of the measures, services and teams papers report on (the catalogue's synonyms, the lexicon's
    domain phrases, department words and counting nouns): the tagger sometimes reads them, capitalised, as a
    person's name."""
    texts = [syn for c in load_concepts() for syn in c.synonyms]
    for key in ("domain_phrases", "department_words", "counting_nouns"):
        texts += lexicon()[key]
    return frozenset(t for text in texts for t in measure_terms(text))


def _tagged_organisations(text: str) -> list[Found]:
    """ORG spans the tagger finds ("Adopt Central England", "WREC"), two joined by "and" taken as one
    ("Whitehead-Ross Education and Consulting", not one with an article of its own); never a post ("The Foster
    Carer Representative"), a council or place ("Herefordshire Council": whose it is, not what was asked), or a
    bare word any body uses of itself."""
    spans: list[list[int]] = []
    for s, e in organisation_spans(text):
        # "Kinship Carers Middlesbrough and the Association of ...": a second body with its own article
        if spans and text[spans[-1][1] : s] in (" and ", " & ") and not re.match(r"the\s", text[s:e], re.I):
            spans[-1][1] = e
        else:
            spans.append([s, e])
    out: list[Found] = []
    for s, e in spans:
        name = re.sub(r"^(?:the|The)\s+", "", text[s:e])
        if not name[:1].isupper() or re.fullmatch(rf"(?:{ORG_HEADS}|Borough|County|City)", name):
            continue
        if holds_role_word(name) or is_a_place(name):
            continue
        out.append(Found(e - len(name), e, name, "name", tagged=True))
    return out


_NAME_PAIR = re.compile(rf"(?=\b((?:[A-Z]\.?\s)?{NAME_WORD}\s(?:[A-Z]\.?\s)?{NAME_WORD})\b)")


def _could_be_a_name(name: str) -> bool:
    """No team, council, role or service words ("Children Looked After", "Family Hubs" are what a service does)."""
    if ORG_WORDS.search(name) or department_words().search(name) or holds_role_word(name):
        return False
    return not set(measure_terms(name)) & _service_words()


def _tagged_people(text: str) -> list[Found]:
    """PERSON spans the tagger finds that the rules did not: a full name only (a first and last name, each
    capitalised; no team, council or role words), with the role the paper gives right after it, if any."""
    out: list[Found] = []
    if not any(_could_be_a_name(m.group(1)) for m in _NAME_PAIR.finditer(text)):
        return out  # no two capitalised words that could be a name: the tagger (4 ms a sentence) is not asked
    for s, e in person_spans(text):  # the tagger's spans never overlap one another
        name = text[s:e]
        if NAME_SHAPE.fullmatch(name) and _could_be_a_name(name):
            out.append(Found(s, e, name, "person", role_after(text, e), tagged=True))
    return out


def a_post_alone(f: Found, sentence: str) -> bool:
    """A post that names no one ("Cabinet Member"), not one whose leading capitalised words hold a name the
    tagger finds ("Joanne Rabbitte Head of Delivery")."""
    return (
        f.type == "person"
        and f.role_only
        and not any(s < f.end and f.start < e for s, e in person_spans(sentence))
    )
