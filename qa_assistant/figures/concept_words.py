"""The words a catalogue concept owns: its synonyms' terms, its name's, and those with which a phrase names it
or a broader or narrower kind of it. The support check (selection.py) and the question reader use them to tell
a word that explains a measure from one that narrows it.
"""

from __future__ import annotations

from functools import lru_cache

from qa_assistant.figures.concepts import (
    ancestors,
    concepts_by_id,
    synonyms_by_first_term,
)
from qa_assistant.figures.terms import measure_terms


@lru_cache(maxsize=256)
def concept_vocabulary(concept_id: str | None) -> frozenset[str]:
    """Every term of a concept's synonyms, and of those of the concepts its definition names ("care leavers
    ... who had previously been CLA" are care leavers, not a narrower kind of them)."""
    c = concepts_by_id().get(concept_id or "")
    if c is None:
        return frozenset()
    own = frozenset(t for s in c.synonyms for t in measure_terms(s))
    return own.union(*(concept_vocabulary(d) for d in c.defined_by))


@lru_cache(maxsize=256)
def label_terms(concept_id: str | None) -> frozenset[str]:
    """The terms of a concept's own name ("social worker caseloads")."""
    c = concepts_by_id().get(concept_id or "")
    return frozenset(measure_terms(c.label)) if c else frozenset()


def names_concept(concept_id: str, seq: list[str] | tuple[str, ...]) -> frozenset[str]:
    """The terms with which seq names the concept through one of its synonyms (empty if it does not)."""
    out: set[str] = set()
    index = synonyms_by_first_term()
    for i, term in enumerate(seq):
        for concept, _, syn in index.get(term, ()):
            if concept.id == concept_id and tuple(seq[i : i + len(syn)]) == syn:
                out.update(syn)
    return frozenset(out)


def ancestor_terms(concept_id: str, seq: list[str]) -> frozenset[str]:
    """Terms of a concept's broader concepts named in the same words ("looked after children living with
    connected carers": "looked after" is implied by kinship placements, which are a kind of it)."""
    broader = set(ancestors(concept_id))
    if not broader:
        return frozenset()
    out: set[str] = set()
    index = synonyms_by_first_term()
    for i, term in enumerate(seq):
        for concept, _, syn in index.get(term, ()):
            if concept.id in broader and tuple(seq[i : i + len(syn)]) == syn:
                out.update(syn)
    return frozenset(out)
