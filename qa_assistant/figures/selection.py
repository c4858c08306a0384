"""Choose among candidate figures: a figure is stated only when its cited sentence SUPPORTS the question.

Supports means all of:
- unit: a count for "how many", a rate for "rate", a percentage for "what proportion", money for "how much";
- subject: the council's own figure unless the question names England, the region, the neighbours or another
  council (and then that one's);
- kind: a level unless the question asks for a change, a target or a forecast;
- measure: the figure's own phrase asks for nothing the question does not (its leftover terms would make it a
  different, narrower measure: "children who LEFT care", "children in FOSTER care"), the question asks for
  nothing the figure's sentence and context do not say, and if both name a catalogue concept it is the same
  one. Words that another number in the same sentence owns ("22 mainstream") do not support this number.
Dates are not part of support: the answer either matches the period asked for or says plainly that it
gives the nearest one. Every refusal carries a reason, so tests and logs can say why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from qa_assistant.figures.concepts import ancestor_terms, concept_vocabulary
from qa_assistant.figures.question import Reading
from qa_assistant.figures.terms import (
    counting_terms,
    lexicon,
    measure_terms,
    phrase_pattern,
    scaffold_terms,
    stem_list,
    terms,
)
from qa_assistant.models import Figure

RATE_UNITS = ("per_10000", "per_1000", "per_100000", "rate")
MONEY_UNITS = ("gbp", "gbp_per_week", "gbp_per_year")
DURATION_UNITS = ("days", "weeks", "months", "years")
_UNIT_OK = {
    "count": ("count",),
    "rate": RATE_UNITS,
    "per_10000": ("per_10000", "rate"),
    "percent": ("percent",),
    "money": MONEY_UNITS,
    "money_week": ("gbp_per_week",),
    "money_year": ("gbp_per_year",),
    "duration": DURATION_UNITS,
}


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


@dataclass
class Support:
    ok: bool
    reason: str
    score: float = 0.0
    notes: list[str] = field(default_factory=list)


def build_context(
    f: Figure,
    sentence_text: str,
    previous_text: str,
    heading_text: str,
    siblings: list[Figure],
    source: frozenset[str] = frozenset(),
    document: frozenset[str] = frozenset(),
    before_text: str = "",
) -> FigureContext:
    """The words around a figure that may support a question: its sentence, the sentence before and its
    section heading; less what later numbers of the sentence, or breakdown parts, own ("41 approved (20
    mainstream and 21 connected)": "mainstream" does not describe 41)."""
    owned = set(
        t for g in siblings if g.kind == "part" or f.kind == "part" or g.start > f.start for t in g.terms
    )
    if f.layout == "table":  # "Projected outturn" names the cells under it, not the budget beside them
        owned.update(
            t for g in siblings if g.layout == "table" for t in g.context_terms if t not in f.context_terms
        )
    return FigureContext(
        frozenset(measure_terms(sentence_text)),
        frozenset(measure_terms(f"{previous_text} {heading_text}")),
        frozenset(owned),
        source,
        document,
        frozenset(measure_terms(before_text)),
        _adjacent_pairs(before_text),
    )


_ADJACENT = re.compile(r"(?=\b([A-Za-z][\w'’-]*) ([A-Za-z][\w'’-]*)\b)")


def _adjacent_pairs(text: str) -> frozenset[tuple[str, str]]:
    """Terms of words written side by side ("foster carers"), with nothing between them."""
    out: set[tuple[str, str]] = set()
    for m in _ADJACENT.finditer(text):
        a, b = measure_terms(m.group(1)), measure_terms(m.group(2))
        if len(a) == 1 and len(b) == 1:
            out.add((a[0], b[0]))
    return frozenset(out)


def _mask(text: str) -> str:
    return re.sub(
        r"£?\d[\d,.]*(?![\d,.])(?:\s?%)?(?!\s*(?:working\s+)?(?:days?|weeks?|months?|years?)\b)", " ", text
    )


def phrase_terms(f: Figure) -> frozenset[str]:
    return frozenset(f.terms)


def context_terms(f: Figure) -> frozenset[str]:
    return frozenset(f.context_terms)


def _slash_explained(phrase: str, q: frozenset[str]) -> frozenset[str]:
    """ "laptops/devices": when the question names one alternative, the other is no extra condition."""
    out: set[str] = set()
    for a, b in re.findall(r"([A-Za-z][\w'’-]*)\s?/\s?([A-Za-z][\w'’-]*)", phrase):
        ta, tb = set(measure_terms(a)), set(measure_terms(b))
        if ta & q:
            out |= tb
        if tb & q:
            out |= ta
    return frozenset(out)


def unit_ok(asked: str | None, unit: str) -> bool:
    """ "Rate" asks for a rate per 10,000 or a percentage rate ("re-referral rate 21%"); the question's own
    "per 10,000" is read as the unit "per_10000" and stays strict."""
    if asked == "rate" and unit == "percent":
        return True
    return asked is None or unit in _UNIT_OK.get(asked, (asked,))


def subject_ok(r: Reading, f: Figure) -> bool:
    if r.subject.kind != f.subject:
        return False
    if f.subject != "other":
        return True
    a, b = r.subject.name.lower(), f.subject_name.lower()
    return a.startswith(b) or b.startswith(a) or a.split()[0] == b.split()[0]


def kind_ok(asked: str, f: Figure) -> bool:
    if asked == "level":
        return f.kind in ("level", "part") or (f.kind == "forecast" and f.unit in MONEY_UNITS)
    if asked == "forecast":
        return f.kind in ("forecast", "level")
    return f.kind == asked


def check(r: Reading, f: Figure, ctx: Callable[[Figure], FigureContext]) -> Support:
    """Does figure f's cited sentence support question reading r (dates aside)? The measure is checked first,
    so a refusal for unit, subject or kind means the measure itself was right (a near miss worth offering)."""
    measure = _measure_support(r, f, ctx)
    if not measure.ok:
        return measure
    if not unit_ok(r.unit, f.unit):
        return Support(False, f"unit: asked {r.unit}, figure is {f.unit}")
    if not subject_ok(r, f):
        return Support(False, f"subject: asked {r.subject.name}, figure is {f.subject_name or f.subject}")
    if not kind_ok(r.figure_kind, f):
        return Support(False, f"kind: asked {r.figure_kind}, figure is a {f.kind}")
    if f.kind == "forecast" and r.figure_kind != "forecast":
        measure.notes.append("forecast")
    return measure


def _measure_support(r: Reading, f: Figure, ctx: Callable[[Figure], FigureContext]) -> Support:
    q = frozenset(r.measure_seq)
    if not q or (r.concept is None and not q - counting_terms() - stem_list("ubiquitous")):
        return Support(False, "measure: the question names no measure")
    p, c = phrase_terms(f), context_terms(f)
    q_concept = r.concept.concept.id if r.concept else None
    if f.concept_id and q_concept and f.concept_id != q_concept:
        return Support(False, f"measure: asked {q_concept}, figure is {f.concept_id}")
    same_concept = bool(f.concept_id) and f.concept_id == q_concept
    explained_q: frozenset[str] = (
        r.concept.matched | ancestor_terms(q_concept, r.measure_seq) if same_concept else frozenset()
    )
    # a word of the concept's own synonyms never makes the figure a narrower measure of that concept
    # ("average social worker caseload" is a caseload)
    explained_p = (
        frozenset(f.concept_terms) | concept_vocabulary(f.concept_id) if same_concept else frozenset()
    )
    ignorable = counting_terms()
    if (
        f.counted
        and r.unit == "count"
        and not q & (frozenset(measure_terms(f.counted)) | _terms_of_words(f.counted))
    ):
        return Support(False, f"measure: the figure counts {f.counted}, not {r.measure_text}")
    p_left = (
        p
        - q
        - explained_p
        - unit_terms(f.unit)
        - ignorable
        - stem_list("ubiquitous")
        - scaffold_terms()
        - stem_list("heading_words")
        - _age_asked(q)
        - _spelled_out(f, q)
        - _slash_explained(f.phrase, q)
        - _domain_words(f.phrase)
    )
    if p_left:
        return Support(
            False, f"measure: the figure counts {' '.join(sorted(p_left))} too, which was not asked"
        )
    if not (q & (p | c)) and not same_concept:
        return Support(False, "measure: the figure's phrase shares no word with the question")
    around = ctx(f)
    own = p | c
    in_sentence = own | (around.sentence - (around.owned - own))
    q_left = q - own - explained_q - ignorable
    missing = q_left - in_sentence
    notes: list[str] = []
    if missing & (around.owned - own):
        return Support(
            False, f"measure: {' '.join(sorted(missing & around.owned))} describes another number here"
        )
    if missing:
        # Words about the occasion, not the measure: the paper's own title, or a name the question gives
        # ("What figure did Karen Robb give the Panel ...") found anywhere in the paper.
        occasion = around.source | (frozenset(r.source_terms) & around.document)
        if missing <= around.near | occasion:
            notes.append("near" if missing & around.near else "source")
        elif missing <= around.near | occasion | (
            around.before & frozenset(r.name_terms + r.source_terms)
        ) | _elided(around, p) and _names_the_measure(q, p):
            # "The proposal received 28 objections": which proposal (the Low Lane home) the article said before;
            # "18 carers taking a break" after "foster carers being on hold": the paper stopped repeating "foster"
            notes.append("before")
        else:
            return Support(False, f"measure: the sentence does not say {' '.join(sorted(missing))}")
    coverage = len(q & (p | explained_p | _long_forms(f))) / len(q)
    score = (
        coverage
        + (1.0 if same_concept else 0.0)
        + (0.1 if f.layout in ("label", "table") else 0.0)
        - 0.05 * len(q_left)
        - (0.1 * len(missing) if "before" in notes else 0.0)
    )
    return Support(True, "supported", score, notes)


_AGE = frozenset({"age"})


def _age_asked(q: frozenset[str]) -> frozenset[str]:
    """ "children under 12" asks about an age as surely as "under the age of 12": a question that gives a number
    (an age, as it is read with the figure's phrase) has asked for the phrase's "age"."""
    return _AGE if any(t.isdigit() for t in q) else frozenset()


def _elided(around: FigureContext, p: frozenset[str]) -> frozenset[str]:
    """Words the item said just before, right in front of a word of the figure's own phrase ("foster" of
    "foster carers" when the figure says "carers")."""
    return frozenset(m for m, head in around.before_pairs if head in p and m != head)


def _names_the_measure(q: frozenset[str], p: frozenset[str]) -> bool:
    """The figure's own words name what the question counts: a shared word that is more than a counted noun."""
    return bool((q & p) - counting_terms() - stem_list("ubiquitous"))


def _terms_of_words(text: str) -> frozenset[str]:
    """Terms of a phrase including words that are otherwise weak ("councils")."""
    return frozenset(terms(text))


def _domain_words(phrase: str) -> frozenset[str]:
    """ "children in need of social service help": naming the service everything here belongs to ("social
    services", "children's social care") does not make a narrower measure."""
    return frozenset(
        t for m in phrase_pattern(lexicon()["domain_phrases"]).finditer(phrase) for t in terms(m.group(0))
    )


def _long_forms(f: Figure) -> frozenset[str]:
    """The terms of the long forms of the acronyms in a figure's phrase ("PO's": placement, order)."""
    return frozenset(t for alias in f.aliases for t in alias.partition(":")[2].split())


def _spelled_out(f: Figure, q: frozenset[str]) -> frozenset[str]:
    """Acronyms in the figure's phrase that the question spells out ("PO's" when asked about placement orders)."""
    out = set()
    for alias in f.aliases:
        short, _, long_form = alias.partition(":")
        if q & set(long_form.split()):
            out.add(short)
    return frozenset(out)


def unit_terms(unit: str) -> frozenset[str]:
    """Words that only restate a figure's unit ("costs" of a money figure), never a different measure."""
    if unit.startswith("gbp"):
        return stem_list("money_words")
    if unit == "percent":
        return stem_list("percent_words")
    if unit in RATE_UNITS:
        return stem_list("rate_words")
    return frozenset()
