"""The concepts catalogue (data/concepts.json): canonical measures with synonyms, used to name and group.

A phrase (a figure's own words, or a question's measure words) names a concept when one of its synonyms
appears in it as a contiguous run of terms: "approved foster care households" names foster_households;
"children who left care" names cla_ceased through "left care", not looked_after, because "children ... care"
is not contiguous there; "children's social care" names nothing. When a concept and a broader one both
appear, the narrower wins ("children in foster care" -> cla_foster, not looked_after). Terms the synonym
does not explain are returned as leftovers, which the support check weighs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from qa_assistant.figures.exclusions import exclusion_terms
from qa_assistant.figures.terms import measure_terms
from qa_assistant.settings import DATA_DIR

CATALOGUE_PATH = DATA_DIR / "concepts.json"


@dataclass(frozen=True)
class Concept:
    id: str
    label: str
    units: tuple[str, ...]
    synonyms: tuple[str, ...]
    parent: str | None
    defined_by: tuple[str, ...] = ()  # concepts its definition names (care leavers: once looked after)
    reported_after_period: bool = False  # known only as its period runs and after it ends (an overspend)

    @property
    def headline_unit(self) -> str:
        return self.units[0]


@dataclass(frozen=True)
class ConceptMatch:
    concept: Concept
    synonym: str
    matched: frozenset[str]  # the synonym's terms, found as a contiguous run
    leftover: frozenset[str]  # the phrase's terms the synonym does not explain


@lru_cache(maxsize=1)
def load_concepts() -> tuple[Concept, ...]:
    data = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))
    return tuple(
        Concept(
            id=c["id"],
            label=c["label"],
            units=tuple(c["units"]),
            synonyms=tuple(c["synonyms"]),
            parent=c.get("parent"),
            defined_by=tuple(c.get("defined_by", ())),
            reported_after_period=bool(c.get("reported_after_period", False)),
        )
        for c in data["concepts"]
    )


@lru_cache(maxsize=1)
def concepts_by_id() -> dict[str, Concept]:
    return {c.id: c for c in load_concepts()}


@lru_cache(maxsize=1)
def synonyms_by_first_term() -> dict[str, tuple[tuple[Concept, str, tuple[str, ...]], ...]]:
    index: dict[str, list[tuple[Concept, str, tuple[str, ...]]]] = {}
    for c in load_concepts():
        for s in c.synonyms:
            seq = tuple(measure_terms(s))
            if seq:
                index.setdefault(seq[0], []).append((c, s, seq))
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1024)
def names_several_measures(text: str) -> bool:
    """Whether a title or heading names two or more measures side by side, neither part of the other ("Looked
    After Children and Care Leavers Annual Report"): it does not say which one a figure under it counts. ("Social
    workers' caseloads" is one measure, a compound.)"""
    named = set()
    for part in re.split(r"\b(?:and|or)\b|&|,|;|/", text, flags=re.I):
        m = match_concept(measure_terms(part))
        if m is not None:
            named.add(m.concept.id)
    return len(named - {a for cid in named for a in ancestors(cid)}) > 1


def synonym_positions(seq: list[str]) -> frozenset[int]:
    """The positions of a term sequence that some concept's synonym covers ("came into care" names children
    entering care, though "came" alone is a question's scaffolding)."""
    index = synonyms_by_first_term()
    covered: set[int] = set()
    for i, term in enumerate(seq):
        for _, _, syn in index.get(term, ()):
            if len(syn) > 1 and tuple(seq[i : i + len(syn)]) == syn:
                covered.update(range(i, i + len(syn)))
    return frozenset(covered)


_PREPOSITIONS = {"with", "in", "into", "to", "by", "for", "from", "at", "on", "as", "under", "within", "out"}


def _adjectival_start(synonym: str) -> bool:
    """ "approved foster carers": the synonym opens with a participle used as an adjective (a noun follows it), so
    a question's verb ("were approved as foster carers") cannot start it; "placed with in-house carers" can."""
    words = synonym.lower().split()
    return len(words) > 1 and words[1] not in _PREPOSITIONS


def reported_in(concept: Concept, unit: str | None) -> bool:
    """Whether a concept is ever reported in the unit's family (money of any period, a rate of any base)."""
    return unit is not None and unit_family(unit) in {unit_family(u) for u in concept.units}


def says_what_money_is_for(concept_id: str, unit: str) -> bool:
    """A money figure filed under a concept never reported in money ("£21.6m on residential care"): the concept
    says what the money is for, not what the figure measures, so it is not compared with the question's."""
    concept = concepts_by_id().get(concept_id)
    return concept is not None and unit_family(unit) == "money" and not reported_in(concept, unit)


def unit_family(unit: str) -> str:
    """Units of one kind: money (£, £ a week, £ a year), rates (per 10,000, per 1,000), or the unit itself."""
    if unit.startswith("gbp"):
        return "money"
    if unit.startswith("per_") or unit == "rate":
        return "rate"
    return unit


def ancestors(concept_id: str) -> list[str]:
    out: list[str] = []
    c = concepts_by_id().get(concept_id)
    while c is not None and c.parent:
        out.append(c.parent)
        c = concepts_by_id().get(c.parent)
    return out


_PASSIVE = re.compile(
    r"\b(?:were|was|been|being|are|is|be|get|gets|got)\s+(?:\w+ly\s+)?([A-Za-z]+(?:ed|en))\b", re.I
)


def passive_participles(text: str) -> frozenset[str]:
    """Terms used as verbs after an auxiliary ("households WERE APPROVED as foster carers"): there they say what
    happened to the thing before them and cannot be an adjective of the noun after ("approved foster carers")."""
    return frozenset(t for m in _PASSIVE.finditer(text) for t in measure_terms(m.group(1)))


def match_concept(
    seq: list[str],
    unit: str | None = None,
    verbs: frozenset[str] = frozenset(),
    reported_in_unit: bool = False,
) -> ConceptMatch | None:
    """The concept named in a term sequence (see module docstring), or None. When two unrelated concepts are
    named equally well, the one reported in the figure's unit wins ("% of children in our care attending
    school" is about attendance, a percentage, not about how many children are in care). verbs: terms used as
    verbs (passive_participles), which cannot open a synonym of several words. reported_in_unit: only
    concepts ever reported in that unit may be named. The group an exclusion word sets aside ("children in
    care excluding unaccompanied asylum-seeking children") is not what is counted: the words before it name
    the concept when they name one, and the rest are leftovers."""
    cut = next((i for i, t in enumerate(seq) if i and t in exclusion_terms()), None)
    if cut is not None:
        head = _match_concept(seq[:cut], unit, verbs, reported_in_unit)
        if head is not None:
            return ConceptMatch(head.concept, head.synonym, head.matched, frozenset(seq) - head.matched)
    return _match_concept(seq, unit, verbs, reported_in_unit)


def _match_concept(
    seq: list[str], unit: str | None, verbs: frozenset[str], reported_in_unit: bool
) -> ConceptMatch | None:
    found: list[tuple[Concept, str, tuple[str, ...]]] = []
    spans: list[tuple[int, int, str]] = []  # start, end, concept id
    index = synonyms_by_first_term()
    for i, term in enumerate(seq):
        for concept, synonym, syn in index.get(term, ()):
            if len(syn) > 1 and term in verbs and _adjectival_start(synonym):
                continue
            if tuple(seq[i : i + len(syn)]) == syn:
                if reported_in_unit and not reported_in(concept, unit):
                    continue
                found.append((concept, synonym, syn))
                spans.append((i, i + len(syn), concept.id))
    if not found:
        return None
    found = _head_final(found, [sp for sp in spans if seq[sp[1] - 1] not in verbs])
    named = {c.id for c, _, _ in found}
    broader = {a for cid in named for a in ancestors(cid)}
    narrowest = [f for f in found if f[0].id not in broader] or found

    def rank(f: tuple[Concept, str, tuple[str, ...]]) -> tuple[int, int, int]:
        return (len(f[2]), int(reported_in(f[0], unit)), len(ancestors(f[0].id)))

    concept, synonym, syn = max(narrowest, key=rank)
    matched = frozenset(t for c, _, other in found if c.id == concept.id for t in other)
    return ConceptMatch(concept, synonym, matched, frozenset(seq) - matched)


_OF = re.compile(r"\s+of\s+(?:a|an|the|each|every|per|our|their|its)?\s*", re.I)


def match_phrase(
    text: str, unit: str | None = None, verbs: frozenset[str] = frozenset()
) -> ConceptMatch | None:
    """The concept a phrase names. "The average caseload of a personal adviser" is a caseload: when the words
    before "of" name one measure and the words after it another, the first is the head."""
    fronted = _qualifier_fronted(text, unit, verbs)
    if fronted is not None:
        return fronted
    seq = measure_terms(text)
    whole = match_concept(seq, unit, verbs)
    m = _OF.search(text)
    if whole is None or m is None:
        return whole
    head = match_concept(measure_terms(text[: m.start()]), unit, verbs)
    tail = match_concept(measure_terms(text[m.end() :]), unit, verbs)
    if (
        head is None
        or tail is None
        or head.concept.id == tail.concept.id
        or whole.concept.id == head.concept.id
    ):
        return whole  # (a synonym spanning the "of", "re-referrals within 12 months of a previous referral", wins)
    return ConceptMatch(head.concept, head.synonym, head.matched, frozenset(seq) - head.matched)


# "Foster placement (In House)": a row's name with its qualifier bracketed after it; not a bracket that sets a
# group aside or adds one ("(other than in house)", "(incl agency)", "(excluding UASC)")
_TRAILING_QUALIFIER = re.compile(r"(?P<head>.*\S)\s*\((?P<qualifier>[A-Za-z][A-Za-z' -]{0,30})\)\s*")
_NOT_A_KIND = re.compile(r"\b(?:not|non|other|than|excl\w*|incl\w*|and|or|only|except|plus|without)\b", re.I)


def _qualifier_fronted(text: str, unit: str | None, verbs: frozenset[str]) -> ConceptMatch | None:
    """A bracketed qualifier after a name is read before it ("Q1 - In House Foster placement"), when one
    synonym then spans the qualifier and the name; else None."""
    m = _TRAILING_QUALIFIER.fullmatch(text)
    if m is None or _NOT_A_KIND.search(m["qualifier"]):
        return None
    qualifier, head = measure_terms(m["qualifier"]), measure_terms(m["head"])
    for at in range(len(head)):  # before the name, wherever a label ("Q1 -") leaves it
        found = match_concept(head[:at] + qualifier + head[at:], unit, verbs)
        if found is not None and set(qualifier) <= found.matched and found.matched - set(qualifier):
            return found
    return None


def _head_final(found: list, spans: list[tuple[int, int, str]]) -> list:
    """ "social worker caseload": two measures named side by side make a compound whose head is the last one
    (a caseload, of social workers), unless one synonym spans both. The head is one noun: "care experienced
    young people | leaving care" or "becoming looked after | looked after children" are not compounds."""
    modifiers: set[str] = set()
    for a_start, a_end, a_id in spans:
        for b_start, b_end, b_id in spans:
            one_noun = max(e for s, e, c in spans if s == b_start and c == b_id) - b_start == 1
            if (
                a_id != b_id
                and b_start == a_end
                and one_noun
                and not any(s <= a_start and b_end <= e for s, e, _ in spans if (s, e) != (a_start, a_end))
            ):
                modifiers.add(a_id)
    kept = [f for f in found if f[0].id not in modifiers]
    return kept or found
