"""Words that do not make a figure a different measure from the one asked: the support check (selection.py)
takes them out before it asks whether the figure's phrase says more, or the question asks more, than the
other side. Each helper says why its words are explained rather than asked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.figures.concepts import unit_family
from qa_assistant.figures.support_rules import service_pattern, unit_terms
from qa_assistant.figures.terms import (
    counting_terms,
    lexicon,
    measure_terms,
    phrase_pattern,
    stem_list,
    terms,
)
from qa_assistant.figures.thresholds import is_number_term
from qa_assistant.figures.when_words import WHEN_WORD, empty_terms, says_only_when
from qa_assistant.models import Figure
from qa_assistant.text.numbers import find_quantities
from qa_assistant.text.word_numbers import WORD_NUMBER

_AGE = frozenset({"age"})


def slash_explained(phrase: str, q: frozenset[str]) -> frozenset[str]:
    """ "laptops/devices": when the question names one alternative, the other is no extra condition."""
    out: set[str] = set()
    for a, b in re.findall(r"([A-Za-z][\w'’-]*)\s?/\s?([A-Za-z][\w'’-]*)", phrase):
        ta, tb = set(measure_terms(a)), set(measure_terms(b))
        if ta & q:
            out |= tb
        if tb & q:
            out |= ta
    return frozenset(out)


# "(excluding UASC)", "(aged 16-17)": a bracket that narrows, never another name for what it follows
_NARROWING_BRACKET = re.compile(
    r"\(\s*(?:(?:excluding|including|except|only|aged|under|over|not|no)\b|\d)", re.I
)


def bracket_alias(phrase: str, q: frozenset[str]) -> frozenset[str]:
    """ "Family and friends (connected persons) fostering households": a bracket right after words the question
    asks is another name for them, no extra condition."""
    out: set[str] = set()
    for m in re.finditer(r"([A-Za-z][\w'’-]*)\s*\(([^()]{1,40})\)", phrase):
        if set(measure_terms(m.group(1))) & q and not _NARROWING_BRACKET.match(phrase, m.start(2) - 1):
            out.update(measure_terms(m.group(2)))
    return frozenset(out)


# "in children's services alone": the words before the focus word name the part the figure is of
_FOCUS_AFTER = re.compile(r"((?:[\w'’-]+\s+){1,3})(alone)\b", re.I)


def focus_restated(f: Figure, question: str, sentence_text: str) -> frozenset[str]:
    """ "The overspend forecast in children's services ALONE" answers "the overspend forecast for children's
    services": "alone" narrows to what the question already names. It stays unexplained when the question
    does not name that part ("the council's overspend"), or when the sentence gives the whole before it
    ("£8m across children's and adult social care, with £5m in children's social care alone"), so a part is
    not read as the whole."""
    focused = list(_FOCUS_AFTER.finditer(f.phrase))
    if not focused:  # (most phrases: nothing more is read)
        return frozenset()
    at = f.start - f.sentence_start
    before = find_quantities(sentence_text[: max(0, at)]) if at > 0 else []
    if any(unit_family(q.unit) == unit_family(f.unit) for q in before):
        return frozenset()
    asked = set(measure_terms(question))
    return frozenset(
        t for m in focused if set(measure_terms(m.group(1))) & asked for t in measure_terms(m.group(2))
    )


def age_asked(q: frozenset[str]) -> frozenset[str]:
    """ "children under 12" asks about an age as surely as "under the age of 12": a question that gives a number
    (an age, as it is read with the figure's phrase) has asked for the phrase's "age"."""
    return _AGE if any(map(is_number_term, q)) else frozenset()


_AGE_WORDS = frozenset({"age", "old"})


def age_words(q: frozenset[str]) -> frozenset[str]:
    """ "an 11 to 15 year old": with the ages given as numbers (which the figure must still say), "old" and
    "age" only say that they are ages."""
    return q & _AGE_WORDS if any(map(is_number_term, q)) else frozenset()


def elided(before_pairs: frozenset[tuple[str, str]], p: frozenset[str]) -> frozenset[str]:
    """Words the item said just before, right in front of a word of the figure's own phrase ("foster" of
    "foster carers" when the figure says "carers")."""
    return frozenset(m for m, head in before_pairs if head in p and m != head)


def names_the_measure(q: frozenset[str], p: frozenset[str]) -> bool:
    """The figure's own words name what the question counts: a shared word that is more than a counted noun."""
    return bool((q & p) - counting_terms() - stem_list("ubiquitous"))


_ACRONYM = re.compile(r"\b([A-Z]{2,6})(?:s|'s|’s)?\b")
_MIN_ACRONYM = 3  # two letters name too many things ("CP": child protection, corporate parenting, care plan)
_SMALL_WORDS = frozenset({"of", "and", "the", "in", "for", "to", "on", "a"})


def initialisms_asked(phrase: str, question: str) -> frozenset[str]:
    """ "Gateshead FTEs" when the question says "first time entrants": an acronym of the figure's phrase whose
    letters are the initials of words the question writes out in a row (small words may be left out). Three
    letters or more: "CP plans" is not "children placed"."""
    out: set[str] = set()
    for m in _ACRONYM.finditer(phrase):
        if len(m.group(1)) >= _MIN_ACRONYM and spells_initials(m.group(1), question):
            out.update(measure_terms(m.group(0)))
    return frozenset(out)


def spells_initials(acronym: str, text: str) -> bool:
    """Whether the acronym's letters are the initials of words the text writes in a row, small words left out
    ("FTE" in "first time entrants", "CPB" in "Corporate Parenting Board")."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in _SMALL_WORDS]
    return acronym.upper() in "".join(w[0].upper() for w in words)


@lru_cache(maxsize=1)
def _titled_name() -> re.Pattern[str]:
    titles = "|".join(re.escape(t.rstrip(".")) for t in lexicon()["person_titles"])
    return re.compile(rf"\b(?:{titles})\.?\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?")


@lru_cache(maxsize=1)
def _post_then_name() -> re.Pattern[str]:
    """ "the service's director Dawn Warwick", "children's services boss Maureen Bateson": a post written in lower
    case, as news stories write one before a name, then a name of two capitalised words."""
    posts = "|".join(re.escape(r.lower()) for r in sorted(lexicon()["roles"], key=len, reverse=True))
    return re.compile(rf"\b(?:{posts}|boss)\s+[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+\b")


def person_words(phrase: str) -> frozenset[str]:
    """ "Cllr Bateson reveals 235 ...", "director Dawn Warwick receiving more than £177,000": a person's name
    says who gave the figure or whose it is, not what it counts."""
    found = list(_titled_name().finditer(phrase)) + list(_post_then_name().finditer(phrase))
    return frozenset(t for m in found for t in terms(m.group(0)))


def numbers_written(phrase: str, question: str) -> frozenset[str]:
    """ "children with one or more exclusions": a number the phrase writes in words that the question writes
    too was asked (the question's reading drops numbers written in words; the phrase's keeps them)."""
    asked = {m.group(0).lower() for m in WORD_NUMBER.finditer(question)}
    return frozenset(
        t for m in WORD_NUMBER.finditer(phrase) if m.group(0).lower() in asked for t in terms(m.group(0))
    )


# "there are fewer children being looked after": a comparative set before what is counted says how the count
# moved, not which count it is ("three or more placements", "fewer than three" do narrow it)
_COMPARATIVE = re.compile(r"(?<!\bor )(?<!\d )\b(?:more|fewer|less)\b(?=\s+(?!than\b)[a-z])", re.I)
_LIKENED = re.compile(r"\b(?:similar|comparable)\b(?=\s+(?:amount|sum|figure|number|level|total)\b)", re.I)


def comparative_words(phrase: str, sentence_text: str) -> frozenset[str]:
    """The terms of "more / fewer / less" where they say how a count moved, not which it is, and of "a similar
    amount" ("to overspend by a similar amount - some £4.47 million - on children's services"), which likens it
    to a figure of another sentence (beside one of its own sentence, the words around may be that one's)."""
    found = list(_COMPARATIVE.finditer(phrase))
    likened = list(_LIKENED.finditer(phrase))
    if likened and len(find_quantities(sentence_text)) == 1:
        found += likened
    return frozenset(t for m in found for t in terms(m.group(0)))


def terms_of_words(text: str) -> frozenset[str]:
    """Terms of a phrase including words that are otherwise weak ("councils")."""
    return frozenset(terms(text))


def domain_words(phrase: str) -> frozenset[str]:
    """ "children in need of social service help": naming the service everything here belongs to ("social
    services", "children's social care"), or the place ("youngsters in the area"), does not make a narrower
    measure."""
    areas = [m for m in _area_pattern().finditer(phrase) if _says_whose(phrase, m)]
    spans = [*service_pattern().finditer(phrase), *areas]
    return frozenset(t for m in spans for t in terms(m.group(0)))


@lru_cache(maxsize=1)
def _area_pattern() -> re.Pattern[str]:
    return phrase_pattern(lexicon()["area_phrases"])


# "250 are in the area", "85 children placed in the area by other councils": where the children are, after a verb
_VERB_BEFORE = re.compile(
    r"\b(?:are|is|were|was|be|been|being|placed|living|lives|live|remain|remained|stay|stayed)\s*$", re.I
)
# "45 social workers in the area teams": the area names a team
_NOUN_AFTER = re.compile(r"\s*(?:teams?|offices?|hubs?|services?|based)\b", re.I)


def _says_whose(phrase: str, m: re.Match[str]) -> bool:
    """An area phrase right after the counted noun ("youngsters in the area") says whose figure it is; after a
    verb it says where they are, and before a noun it names something else."""
    before = phrase[: m.start()]
    return bool(before.strip()) and not _VERB_BEFORE.search(before) and not _NOUN_AFTER.match(phrase, m.end())


def long_forms(f: Figure) -> frozenset[str]:
    """The terms of the long forms of the acronyms in a figure's phrase ("PO's": placement, order)."""
    return frozenset(t for alias in f.aliases for t in alias.partition(":")[2].split())


def spelled_out(f: Figure, q: frozenset[str]) -> frozenset[str]:
    """Acronyms in the figure's phrase that the question spells out ("PO's" when asked about placement orders)."""
    out = set()
    for alias in f.aliases:
        short, _, long_form = alias.partition(":")
        if q & set(long_form.split()):
            out.add(short)
    return frozenset(out)


@lru_cache(maxsize=1)
def _party_run() -> re.Pattern[str]:
    parties = phrase_pattern(lexicon()["political_parties"]).pattern
    return re.compile(parties + r"[\s-]+(?:run|led|controlled)\b", re.I)


def party_words(phrase: str) -> frozenset[str]:
    """ "the Labour-run council was looking after 721": who runs the council says whose figure, not what it
    counts."""
    return frozenset(t for m in _party_run().finditer(phrase) for t in terms(m.group(0)))


def acronym_spelled_out(
    question: str, sentence_seq: tuple[str, ...], sentence_all: tuple[str, ...] = ()
) -> tuple[frozenset[str], frozenset[str]]:
    """ "Care leavers NEET" beside "care leavers not in employment, education or training": an acronym the
    question writes whose letters are the initials of terms the figure's sentence writes in a row (its measure
    terms, or all its terms: "FTE" is "full-time-equivalent", whose first two words are weak). Returns the
    acronym's terms (said by the sentence, spelled out) and the spelled-out terms (asked by the acronym)."""
    asked: set[str] = set()
    spelled: set[str] = set()
    for acronym in question_acronyms(question):
        for seq in (sentence_seq, sentence_all):
            at = "".join(t[0] for t in seq).find(acronym.lower())
            if at >= 0:
                asked.update(measure_terms(acronym))
                spelled.update(seq[at : at + len(acronym)])
                break
    return frozenset(asked), frozenset(spelled)


def question_acronyms(question: str) -> tuple[str, ...]:
    """The acronyms of three letters or more a question writes ("NEET", "UASC")."""
    return tuple(m.group(1) for m in _ACRONYM.finditer(question) if len(m.group(1)) >= _MIN_ACRONYM)


def says_what_it_counts(f: Figure) -> bool:
    """Whether a figure's own phrase has a word beyond its unit, a counted noun, a statement or a weak word
    ("it had soared to 75", "this equates to a rate of 67" say nothing of what). A phrase that says only when
    ("129 children came into care last year", "£8.5m last year") is silent too, but only once its date was
    read from those words; otherwise they count as saying something, so that a number whose period was not
    understood is never read from its sentence as the current figure."""
    place = frozenset(measure_terms(f.subject_name)) if f.subject_name else frozenset()
    if WHEN_WORD.search(f.phrase):
        return not (
            f.as_of.basis in ("stated", "earlier") and says_only_when(f.phrase, unit_terms(f.unit) | place)
        )
    return bool(frozenset(f.terms) - _generic_terms(f.unit) - place)


@lru_cache(maxsize=32)
def _generic_terms(unit: str) -> frozenset[str]:
    return unit_terms(unit) | empty_terms()
