"""The words around a figure that may support a question's words: its sentence, what is said near it, the
paper's own names, and what other numbers of the sentence own. The support check (selection.py) reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa_assistant.figures.explained_words import says_what_it_counts
from qa_assistant.figures.terms import CONTRAST, lexicon, measure_terms
from qa_assistant.figures.when_words import says_only_when
from qa_assistant.models import Figure
from qa_assistant.text.dates import find_dates
from qa_assistant.text.numbers import find_quantities
from qa_assistant.text.quantity import Quantity


@dataclass
class FigureContext:
    """Terms around a figure that may support a question's words."""

    sentence: frozenset[str]
    near: frozenset[str]  # the sentence before (when this one refers back to it) and the section heading
    owned: frozenset[str]  # terms that other numbers of the sentence own: later ones, and breakdown parts
    source: frozenset[str] = frozenset()  # the paper's title, committee and kind
    document: frozenset[str] = frozenset()  # every term of the paper (for names the question gives)
    before: frozenset[str] = frozenset()  # the item's text just before the sentence (what it is about)
    before_pairs: frozenset[tuple[str, str]] = frozenset()  # adjacent terms there ("foster", "carer")
    sentence_seq: tuple[str, ...] = ()  # the sentence's terms in order (to find a concept's synonyms)
    line: frozenset[str] | None = None  # a list item's own line, when the sentence is a lead-in and its list
    others_say_what: bool = True  # every other number of the sentence has words of its own
    sentence_text: str = (
        ""  # the sentence itself (its weak words too spell out acronyms: "full-time-equivalent")
    )
    lead_text: str = ""  # the sentence before, whether or not this one refers back to it
    owned_across_contrast: frozenset[str] = frozenset()  # earlier numbers' words across a "but" ("allocated
    # £138m, but went £15.5m over budget"), owned too when this one's words say something else
    # each owning number's value, whether its clause is the figure's own (no clause break between them) and its words
    owned_by: tuple[tuple[float, bool, frozenset[str]], ...] = ()

    def owned_by_stated(self, question: str, value: float) -> frozenset[str]:
        """ "charged £25 million in one year by homes to accommodate 93 children", asked "How much ... by homes to
        accommodate 93 children?": words owned only by a number the question itself states, in the figure's own
        clause, point at the figure asked (they are given with that number), not away from it ("spent £2.4m in
        total, and 6 children were placed" is another clause)."""
        stated = stated_values(question) - {value}
        if not stated:
            return frozenset()
        given = {t for v, same, words in self.owned_by if v in stated and same for t in words}
        return frozenset(given - {t for v, same, words in self.owned_by if v not in stated for t in words})


_SPENT_ON_COUNT = re.compile(r"\s*(?:(?:just|only|some|around|about|nearly|almost|over)\s+)?$", re.I)


def _spent_on(f: Figure, g: Figure, sentence_text: str) -> bool:
    """ "spends around £1.9million a year on housing just 20 children subject to a deprivation of liberty order": an
    amount whose words run up to a count is spent on those counted, so the count's words are the amount's too."""
    if not (f.unit.startswith("gbp") and g.unit == "count" and f.phrase.lower().startswith("on ")):
        return False
    if f.phrase_end is None or not f.phrase_end <= g.start:
        return False
    gap = sentence_text[f.phrase_end - f.sentence_start : g.start - f.sentence_start]
    return bool(_SPENT_ON_COUNT.fullmatch(gap))


def _owners(f: Figure, siblings: list[Figure], sentence_text: str) -> list[Figure]:
    """The other numbers of the sentence whose words are their own, not f's: later ones, breakdown parts, and
    every other one when f is a whole."""
    whole = _is_whole(f, sentence_text)
    return [
        g
        for g in siblings
        if (g.kind == "part" or f.kind == "part" or g.start > f.start or (whole and g.start != f.start))
        and not _spent_on(f, g, sentence_text)
    ]


def _money_before_a_count(f: Figure, g: Figure) -> bool:
    return g.start < f.start and g.unit.startswith("gbp") and f.unit == "count"


def _noun_after(g: Figure, sentence_text: str) -> list[str]:
    """ "having to fund a £6.7 million shortfall to cover the cost of just 13 extra placements": a money noun
    right after an amount says what the amount is, never what a count after it is (but "a £2m fostering budget
    supports 40 carers": "fostering" may; "an overspend of £6.9m in Independent Special Schools ... 600 pupils":
    where the money went may say where those counted are)."""
    after = _WORD_AFTER.match(sentence_text, g.end - g.sentence_start)
    if after is None or after.group(1).lower() not in _money_nouns():
        return []
    return measure_terms(after.group(1))


@lru_cache(maxsize=1)
def _money_nouns() -> frozenset[str]:
    return frozenset(lexicon()["money_nouns"])


_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w-]*)")


def build_context(
    f: Figure,
    sentence_text: str,
    previous_text: str,
    heading_text: str,
    siblings: list[Figure],
    source: frozenset[str] = frozenset(),
    document: frozenset[str] = frozenset(),
    before_text: str = "",
    lead_text: str = "",
) -> FigureContext:
    """The words around a figure that may support a question: its sentence, the sentence before and its
    section heading; less what later numbers of the sentence, or breakdown parts, own ("41 approved (20
    mainstream and 21 connected)": "mainstream" does not describe 41). A limit the sentence sets ("within 26
    weeks") belongs to another figure's words rather than stands beside it, so it owns none of them; nor does a
    position beside an amount ("the third visit found 12 children", "the first to report 40 carers")."""
    siblings = [g for g in siblings if g.kind != "limit" and (g.unit == "ordinal") == (f.unit == "ordinal")]
    owners = _owners(f, siblings, sentence_text)
    owned = set(t for g in owners for t in g.terms)
    owned.update(t for g in siblings if _money_before_a_count(f, g) for t in _noun_after(g, sentence_text))
    owned.update(_breakdown_words(f, sentence_text))
    if f.layout == "table":  # "Projected outturn" names the cells under it, not the budget beside them
        owned.update(
            t for g in siblings if g.layout == "table" for t in g.context_terms if t not in f.context_terms
        )
    sentence_seq = tuple(measure_terms(sentence_text))
    return FigureContext(
        frozenset(sentence_seq),
        frozenset(measure_terms(f"{previous_text} {heading_text}")),
        frozenset(owned),
        source,
        document,
        frozenset(measure_terms(before_text)),
        _adjacent_pairs(before_text),
        sentence_seq,
        _own_line(f, sentence_text),
        # "from 72,600 last year, to 75,400 this year": a number whose words say only when is as silent; a change
        # ("an improvement of £1.56m") is of the same measure as the level it moved, so its silence takes no words
        all(
            g.kind == "change"
            and f.kind != "change"
            or says_what_it_counts(g)
            and not says_only_when(g.phrase)
            for g in siblings
        ),
        sentence_text,
        lead_text,
        _said_before_a_contrast(f, sentence_text, siblings),
        tuple((g.value, _same_clause(f, g, sentence_text), frozenset(g.terms)) for g in owners),
    )


_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s*(?:and|but|while|whereas|with|when)\b|\b(?:with|when|while|whereas)\b", re.I
)


def _same_clause(f: Figure, g: Figure, sentence_text: str) -> bool:
    """Whether nothing between two numbers of a sentence starts another clause."""
    between = sentence_text[
        max(0, min(f.end, g.end) - f.sentence_start) : max(0, max(f.start, g.start) - f.sentence_start)
    ]
    return not _CLAUSE_BREAK.search(between)


@lru_cache(maxsize=256)
def _stated(text: str) -> tuple[Quantity, ...]:
    return tuple(find_quantities(text, [(d.start, d.end) for d in find_dates(text)]))


def stated_numbers(text: str) -> frozenset[tuple[str, float]]:
    """The quantities a text states, as (unit, value), its dates aside: a question's own numbers ("more than 20
    cases", "the £14m savings announcement") are never its answer, nor shown beside it; "at 30 June 2021" states
    no 30."""
    return frozenset((q.unit, q.value) for q in _stated(text))


def stated_values(question: str) -> frozenset[float]:
    """The values of the quantities a question writes in digits (not its dates): numbers it gives, not asks."""
    return frozenset(q.value for q in _stated(question) if re.search(r"\d", q.text))


# "allocated £138m in 2021/22, but went £15.5m over budget": a contrast starts a clause about something else
_CONTRAST = re.compile(rf"\b(?:but|however|although|though|yet|{CONTRAST})\b", re.I)


def _said_before_a_contrast(f: Figure, sentence_text: str, siblings: list[Figure]) -> frozenset[str]:
    """The words of the sentence's earlier numbers that a contrast ("but", "whereas") parts from this one."""
    out: set[str] = set()
    for g in siblings:
        between = sentence_text[max(0, g.end - f.sentence_start) : max(0, f.start - f.sentence_start)]
        if g.end <= f.start and _CONTRAST.search(between):
            out.update(g.terms)
    return frozenset(out)


# "own provision has increased ... to 61.5% (out of all 364 children in placements)": the number a share is
# out of is the whole; the words of the sentence's other numbers describe their parts, not it
_WHOLE_BEFORE = re.compile(
    r"\b(?:out\s+of\s+(?:all\s+|a\s+total\s+of\s+|the\s+)?|of\s+all\s+|(?:from|of)\s+a\s+total\s+of\s+)$",
    re.I,
)


_BREAKDOWN = re.compile(r"\bof\s+(?:these|those|whom|which|them)\b\s*,?", re.I)


def _breakdown_words(f: Figure, sentence_text: str) -> list[str]:
    """ "1,500 young carers - of these, 725 ... and 175 for 50 hours or more per week": the words after the
    breakdown opens describe its parts, not the whole before it."""
    at = f.start - f.sentence_start
    m = _BREAKDOWN.search(sentence_text, max(0, at))
    if m is None or at < 0 or not re.search(r"\d", sentence_text[m.end() :]):
        return []
    return measure_terms(sentence_text[m.end() :])


def _is_whole(f: Figure, sentence_text: str) -> bool:
    """Whether the figure is what another number of its sentence is a share of ("out of all 364 children")."""
    at = f.start - f.sentence_start
    if not 0 < at <= len(sentence_text):
        return False
    return bool(_WHOLE_BEFORE.search(sentence_text[max(0, at - 25) : at]))


def _own_line(f: Figure, sentence_text: str) -> frozenset[str] | None:
    """The terms of the line a prose figure sits on when its sentence runs over several ("The weekly allowances
    are:\n0-4 £143.57\n16+ £247.67"): a band or age written on another line is another item's."""
    if f.layout != "prose" or "\n" not in sentence_text.strip():
        return None
    at = f.start - f.sentence_start
    if not 0 <= at < len(sentence_text):
        return None
    start = sentence_text.rfind("\n", 0, at) + 1
    end = sentence_text.find("\n", at)
    return frozenset(measure_terms(sentence_text[start : end if end >= 0 else len(sentence_text)]))


_ADJACENT = re.compile(r"(?=\b([A-Za-z][\w'’-]*) ([A-Za-z][\w'’-]*)\b)")


def _adjacent_pairs(text: str) -> frozenset[tuple[str, str]]:
    """Terms of words written side by side ("foster carers"), with nothing between them."""
    out: set[tuple[str, str]] = set()
    for m in _ADJACENT.finditer(text):
        a, b = _word_term(m.group(1)), _word_term(m.group(2))
        if a is not None and b is not None:
            out.add((a, b))
    return frozenset(out)


@lru_cache(maxsize=65536)
def _word_term(word: str) -> str | None:
    """The one measure term of a word, or None (memoised: the same words recur in every paper; computing them
    afresh for each figure's preceding text was most of a question's time in a 1,000-paper archive)."""
    found = measure_terms(word)
    return found[0] if len(found) == 1 else None


def read_from_sentence(f: Figure, around: FigureContext) -> bool:
    """A level in running text whose phrase says nothing of what it counts ("this equates to a rate of 67",
    "the number had fallen to a current number of 169") is read from its sentence, which must then say every
    word asked (or the sentence before, when it refers back); only when no other number there is as silent,
    so the words cannot be another number's."""
    return (
        f.layout == "prose" and f.kind != "change" and not says_what_it_counts(f) and around.others_say_what
    )


def says_something_else(f: Figure, q: frozenset[str], own: frozenset[str], same_concept: bool) -> bool:
    """A figure whose own words say what it is, none of them asked ("allocated £138m, but went £15.5m over
    budget"): the question's words may then not come from another number of its sentence, earlier ones too.
    Words that say only when ("61 referrals, 58 previous year") say nothing of what it counts."""
    return bool(own) and not q & own and not same_concept and not says_only_when(f.phrase)
