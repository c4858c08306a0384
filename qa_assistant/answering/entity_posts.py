"""Whether a person named in a sentence is the one a who-question asks for: holds the post it names, on the
body it names, for the council it asks about, and is of the kind of person it asks for ("which foster
carer", "which officer", "which councillor").
"""

from __future__ import annotations

import re

from qa_assistant.answering.entity_finder import Found
from qa_assistant.figures.question_intent import PERSON_NOUNS
from qa_assistant.figures.subjects import Subject, find_subject_mentions
from qa_assistant.figures.terms import measure_terms

# The word of a post that says which post it is ("Executive MEMBER", "DIRECTOR of Children's Services")
_POST_WORDS = frozenset(
    measure_terms(
        "chair chairman chairperson member director manager head officer leader mayor "
        "commissioner lead adviser advisor holder"
    )
)


# (a body's name may be quoted: "the opposition ‘IMPACT’ group")
_BODY_NOUNS = "board|panel|committee|council|group|partnership|forum|cabinet|commission"
_BODY = re.compile(rf"(?:[\w'‘’-]+\s+){{0,5}}?(?:{_BODY_NOUNS})\b", re.I)
_BODY_WORDS = frozenset(
    measure_terms("board panel committee council group partnership forum cabinet commission chair of the")
)


def body_terms(text: str) -> frozenset[str]:
    """The distinctive words of the boards, panels or committees a text names ("Community Safety and Leisure
    Scrutiny Panel" -> community, safety, leisure, scrutiny)."""
    return frozenset(t for m in _BODY.finditer(text) for t in measure_terms(m.group(0))) - _BODY_WORDS


def same_body(role: str | None, asked_body: frozenset[str]) -> bool:
    """A person's post on another body does not answer for the body asked ("Chair of Overview and Scrutiny
    Board" is not the chair of the Community Safety and Leisure Scrutiny Panel): when both name one, most of
    the smaller name's words must be shared."""
    own = body_terms(role or "")
    if not own or not asked_body:
        return True
    return len(own & asked_body) * 3 >= min(len(own), len(asked_body)) * 2


# "the leader of the council’s opposition ‘IMPACT’ group": what a body or post owns, after its possessive, when
# the post is of it (not "Stockton Council's Cabinet Member", the council's own post)
_POST_POSSESSIVE = re.compile(
    rf"\bof\s+(?:the\s+)?(?:\w+\s+){{0,2}}?(?:{_BODY_NOUNS}|authority|mayor|leader|chair)['’]s\s+(.+)$",
    re.I,
)


def _owned_by_the_post(role: str | None) -> frozenset[str]:
    """The words a post's possessive owns ("opposition", "impact"), less the words of bodies and posts."""
    m = _POST_POSSESSIVE.search(role or "")
    return frozenset(measure_terms(m.group(1))) - _BODY_WORDS - _POST_WORDS if m else frozenset()


def _of_the_body_asked(role: str | None, role_terms: frozenset[str], asked_body: frozenset[str]) -> bool:
    """A post on the body asked, and not a post of what a body owns ("Leader of the Council’s opposition group"
    is not the Leader of the Council, nor the council leader) unless the question names what it owns."""
    owned = _owned_by_the_post(role)
    return same_body(role, asked_body) and (not owned or bool(owned & (role_terms | asked_body)))


def holds_role(
    c: Found,
    sentence: str,
    role_terms: frozenset[str],
    asked_body: frozenset[str] = frozenset(),
    others: list[Found] | tuple[Found, ...] = (),
    asked_place: Subject | None = None,
) -> bool:
    """A named person answers "who is <role>" only if the paper gives them that role (most of its words) in
    their own role or right beside their name (not past another person the sentence names: "Beth Bradshaw,
    Voice of the Child Coordinator and Laurie Hunter, support officer"; not when the paper gives the post to
    another person named there), and on the body the question names."""
    if c.type == "person" and not _of_the_body_asked(c.role, role_terms, asked_body):
        return False
    if not role_terms or c.type != "person":
        return True
    asked_post = role_terms & _POST_WORDS
    # "chaired by former Care Quality Commission Director Eileen Milner": she chairs it, whatever her own post
    # (not a vice or deputy chair standing in: "chaired by the Vice Chair Councillor Peter Hollins")
    done_by = (
        bool(asked_post) and _post_done_by(sentence, c, asked_post) and not _stands_in(c.role, role_terms)
    )
    own_post = frozenset(measure_terms(c.role)) & _POST_WORDS if c.role else frozenset()
    if asked_post and own_post and not asked_post & own_post and not done_by:
        return False  # the paper gives this person another post (an Executive Member, not the Director)
    if c.role and (_NOT_THE_POST & set(measure_terms(c.role))) - role_terms and not done_by:
        return False  # "Assistant Director of Children's Services" is not the Director asked
    if (
        c.role
        and not _INITIALS.fullmatch(c.role)  # "the DCS": a post written as its initials may be the one asked
        and not own_post & asked_post
        and not _names_post(c.role, role_terms)
        and any(o is not c and o.type == "person" and _holds_it_now(o.role, role_terms) for o in others)
    ):
        return False  # "Lisa Kitto, interim director of resources, and the chief executive, Balvinder Heran"
    left, right = max(0, c.start - 80), c.end + 80
    for o in others:
        if o.type == "person" and not o.role_only and o is not c:
            if o.end <= c.start:
                left = max(left, o.end)
            elif o.start >= c.end:
                right = min(right, o.start)
    if c.tagged:  # no shape ties a post to the name: words before it count only within its own clause
        cut = max(sentence.rfind(sep, left, c.start) for sep in (" and ", ", ", "; ", " & "))
        if cut >= 0 and not sentence[cut + 1 : c.start].strip() and _SET_OFF_AFTER.match(sentence, c.end):
            # "the Principal at Unity City Academy, Andrew Rodgers, and ...": a name set off after its post (not
            # another person's: "Tom Brown, Director of Children's Services, Andrew Rodgers")
            earlier = max(sentence.rfind(sep, left, cut) for sep in (" and ", ", ", "; ", " & "))
            if not any(o is not c and o.type == "person" and 0 <= earlier - o.end <= 1 for o in others):
                cut = earlier
        left = max(left, cut + 1)
    near = f"{c.role or ''} {sentence[left:right]}"
    have = role_terms & set(measure_terms(near))
    if c.role and any(_elsewhere(m.subject, asked_place) for m in find_subject_mentions(c.role)):
        return False  # "Virtual School Head of Islington" is not the council's own
    return done_by or len(have) * 3 >= len(role_terms) * 2


# between a named person and a further post of theirs: their description, with no verb and no "and the ..." or
# ", and" that would bring in another person ("Heather Black, Development Officer at Together Middlesbrough and
# also"; not "Jane Smith, Executive Member, and Director of ...")
_DESCRIPTION_ON = re.compile(
    r",\s+(?:(?!,\s*(?:and|&)\b|\b(?:is|was|are|were|has|had|have|said|told|and\s+(?:the|a|an|our|their|its)|with)\b)"
    r"[^;:.()])*",
    re.I,
)


def further_post_of_named(sentence: str, c: Found, others: list[Found] | tuple[Found, ...]) -> bool:
    """Whether a post given without a name is a further post of the named person just before it ("Heather
    Black, Development Officer at ... and also Chair of the Foodbank"), so no one else's. others: everyone the
    sentence names, the question's own people too."""
    if not c.role_only:
        return False
    before = [o for o in others if o.type == "person" and not o.role_only and o.end <= c.start]
    if not before:
        return False
    named = before[-1]
    # the post's own first word too: "..., and the Chair of the Foodbank" is someone else
    between = sentence[named.end : c.start] + c.text.split()[0]
    return c.start - named.end <= 120 and bool(_DESCRIPTION_ON.fullmatch(between))


_SET_OFF_AFTER = re.compile(r"\s*[,;)]")


# "will be chaired by former CQC Director Eileen Milner": the post done, by the person the words after "by"
# describe (titles, "former", a body's capitalised name), with nothing else between ("chaired by the Lead
# Member with support from Director Jane Smith" is not Jane Smith's chair)
_DONE_BY = re.compile(r"\b([A-Za-z]+)\s+by\s+(?:(?:former|the|of|for|[A-Z][\w'’&-]*)\s+)*$")


def _post_done_by(sentence: str, c: Found, asked_post: frozenset[str]) -> bool:
    """Whether the sentence says the asked post as what this person does ("chaired by", "led by") in the
    words just before their name, with only a description of them between."""
    m = _DONE_BY.search(sentence, max(0, c.start - 90), c.start)
    return m is not None and bool(set(measure_terms(m.group(1))) & asked_post)


_OFFICER = "offic"
_COUNCILLOR = "councillor"
_COUNCILLOR_TITLE = re.compile(r"\b(?:councillor|cllr|coun)\b", re.I)
_APPOSITIVE = re.compile(r",\s+((?:the\s+|a\s+|an\s+)?[a-z][^,.;:]{2,80}),")
_NEAR_NAME_CHARS = 60  # how far after a name what they do is looked for


def of_the_kind_asked(c: Found, kind: str | None, kind_terms: frozenset[str], sentence: str) -> bool:
    """ "Which officer presented the report?": a person the paper gives a post ("Ian Wright, head of financial
    planning"), not one it names with none ("Mary Jones from the Fostering Network"). "Which foster carer is
    quoted?": a person the paper describes as one ("Foster carer Julie Herman"), or describes as nothing and
    says what they do beside the name ("Karen King, 45, from Marske, fosters for her local authority"); not
    "J Rowan, Fostering Team Manager", "Social worker Amy Brown" or "Tom Hall, a care leaver"."""
    if kind is None or c.type != "person":
        return True
    described = _described_as(c, sentence)
    elected = bool(_COUNCILLOR_TITLE.search(f"{c.text} {described}")) or _MEMBER.search(described)
    if kind == _OFFICER:  # a post, and not a councillor's ("Councillor Smiles, Executive Member")
        return bool(described) and not elected
    if kind == _COUNCILLOR:  # "Councillor Jane Smith", "Cllr Evans", or a post naming one
        return bool(_COUNCILLOR_TITLE.search(f"{c.text} {described}"))
    if described:  # the head of what they are ("the council's foster carer recruitment LEAD" is a lead)
        return _head_term(described) == kind
    # nothing says what they are: the sentence must say they do it, right after the name ("Karen King, 45,
    # from Marske, fosters ..."; not "Tom Hall, 19, who grew up in foster care")
    after = sentence[c.end : c.end + _NEAR_NAME_CHARS]
    does = _DOES.match(after)
    verb = does.group(1) if does else ""
    # "fosters", not "fostered from the age of six" (done to them)
    return not verb.lower().endswith("ed") and bool(kind_terms & set(measure_terms(verb)))


# ", 45, from Marske, fosters": past short asides to the first word of the sentence's own verb
_DOES = re.compile(r"(?:\s*,\s*[^,]{1,25}(?=,))*\s*,?\s*(\w+)")
_MEMBER = re.compile(r"\bmember\b", re.I)
_OF_SOMEONE = re.compile(r"\b(?:of|for|to|by|with)$", re.I)
_HEAD_CUT = re.compile(r"\b(?:of|for|in|at|with|from|who|whose|which|that|to|on)\b|[,;:(]", re.I)


def _head_term(description: str) -> str | None:
    """The head word of a description, as a term: its last word before "of / for / in ..." ("head of financial
    planning" -> head)."""
    found = measure_terms(_HEAD_CUT.split(description)[0])
    return found[-1] if found else None


def _described_as(c: Found, sentence: str) -> str:
    """What the paper says a person is: their post as the finder read it, words set off after the name (",
    a care leaver,"), or a description just before it that names a kind of person ("Social worker Amy
    Brown")."""
    if c.role_only:
        return c.text
    if c.role:
        return c.role
    after = _APPOSITIVE.match(sentence, c.end)
    if after:
        return after.group(1)
    before = " ".join(sentence[: c.start].split()[-3:])
    # ("the foster carer of Tom Hall" describes someone else)
    return before if _PERSON_NOUN.search(before) and not _OF_SOMEONE.search(before) else ""


_PERSON_NOUN = re.compile(rf"\b(?:{PERSON_NOUNS})\b", re.I)


_INITIALS = re.compile(r"(?:(?:the|our|their|its|a)\s+)?[A-Z]{2,6}")
# "the former Director of Children's Services", "Assistant Director": not the post itself, unless asked so
# (an interim or acting holder is the one in post now, and a vice chair may chair a meeting; an assistant or former
# holder is not the post)
_NOT_THE_POST = frozenset(measure_terms("former previous ex assistant retired outgoing"))
_QUALIFIED = frozenset(measure_terms("former previous ex assistant deputy acting interim retired outgoing"))


_STANDS_IN = frozenset(measure_terms("vice deputy acting interim"))


def _stands_in(role: str | None, role_terms: frozenset[str]) -> bool:
    """Whether the person's own post is a stand-in for the one asked (a vice or deputy chair), unasked."""
    return bool(role) and bool((_STANDS_IN & set(measure_terms(role or ""))) - role_terms)


def _holds_it_now(role: str | None, role_terms: frozenset[str]) -> bool:
    """Whether another person's own post is the one asked, with no qualifier the question does not ask."""
    return (
        bool(role)
        and _names_post(role, role_terms)
        and not ((_QUALIFIED & set(measure_terms(role))) - role_terms)
    )


def _names_post(role: str, role_terms: frozenset[str]) -> bool:
    """A role as written holds most of the post asked ("Dudley's interim director of resources")."""
    return len(role_terms & set(measure_terms(role))) * 3 >= len(role_terms) * 2


def _elsewhere(place: Subject, asked: Subject | None) -> bool:
    """A post of another council than the one asked ("Head of Islington" for our own; not "Dudley's interim
    director" when Dudley is asked)."""
    return place.kind == "other" and not (
        asked is not None and asked.kind == "other" and asked.name == place.name
    )
