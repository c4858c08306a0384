"""How well a figure that passed the support check fits the question, to rank it among the others that did:
the share of the question's words it names, a shared concept, a labelled or table layout, less for each word
read from around its sentence (weights in weights.json, figure_support)."""

from __future__ import annotations

from dataclasses import dataclass

from qa_assistant.figures.explained_words import long_forms
from qa_assistant.figures.reading import Reading
from qa_assistant.models import Figure
from qa_assistant.settings import weight


@dataclass(frozen=True)
class Fit:
    """What the support check found: the question's terms (q), the figure's phrase terms (p), those a shared
    concept explains, the question's words the phrase left out (q_left) and those its sentence did too."""

    q: frozenset[str]
    p: frozenset[str]
    explained_p: frozenset[str]
    same_concept: bool
    q_left: frozenset[str]
    missing: frozenset[str]
    notes: list[str]
    own_words: float


def name_only_terms(r: Reading) -> frozenset[str]:
    """Terms the question writes only inside a capitalised name ("families" in "How many children had the Safe
    Families for Children pilot helped?"): they name the programme, not what is counted."""
    return frozenset(t for t in set(r.name_terms) if r.measure_seq.count(t) <= r.name_terms.count(t))


def fit_score(f: Figure, fit: Fit, name_only: frozenset[str] = frozenset()) -> float:
    """The rank of a supported figure (see module docstring). A phrase word the question writes only inside a
    name covers nothing: "326 families" does not answer how many children the Safe Families pilot helped."""
    p = fit.p - name_only
    coverage = len(fit.q & (p | fit.explained_p | long_forms(f))) / len(fit.q)
    q_left = fit.q_left | (fit.p & name_only)
    return (
        coverage
        + _W("own_word_bonus") * fit.own_words
        + (_W("same_concept_bonus") if fit.same_concept else 0.0)
        + (_W("labelled_layout_bonus") if f.layout in ("label", "table") else 0.0)
        - _W("unmatched_word_penalty") * len(q_left)
        - (_W("word_from_before_penalty") * len(fit.missing) if "before" in fit.notes else 0.0)
    )


def own_word_share(f: Figure, q: frozenset[str]) -> float:
    """The share of the question's words the figure's own phrase writes as the question does (or spells out
    as an acronym: "PO's" for placement orders), not through a synonym the catalogue supplies."""
    return len(q & (frozenset(f.terms) | long_forms(f))) / len(q) if q else 0.0


def _W(name: str) -> float:
    return weight("figure_support", name)
