"""Understand a question as a figure query: which measure, which date or period, what intent.

Measures are matched with rapidfuzz against the catalogue's phrases and with embeddings against their
descriptions, so "how many kids are in care" finds looked-after children without a list of questions.
Follow-ups ("and in 2021?", "what about child protection plans?") fill in what they leave out from the
previous turn.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from . import embedding
from .dates import find_dates
from .measures import Measure, load_catalogue
from .models import ResolvedQuery

_TIMELINE = re.compile(
    r"\b(?:chang\w*|trend\w*|over time|over the years|history|timeline|since|compare\w*|gone (?:up|down)|"
    r"(?:increas|decreas|ris|fall|fell|drop|grow|grew|reduc)\w*\s+(?:over|since|between)|each year|so far|evolv\w*)\b",
    re.I,
)
_LATEST = re.compile(r"\b(?:now|currently|current|latest|most recent|today|at present|these days|last reported)\b", re.I)
_NUMERIC = re.compile(
    r"\b(?:how many|how much|number of|numbers|what (?:was|is|were|are) the (?:figure|number|total|rate|percentage|"
    r"proportion|budget|cost|saving|share)|what percentage|what proportion|what share|percentage|proportion|rate|"
    r"figure|total|budget|cost|costs|saving|saved|overspend|count|how often|per week|amount|attendance|level|"
    r"how (?:big|high|low|large))\b",
    re.I,
)
_FOLLOW_UP = re.compile(r"^\s*(?:and|what about|how about|and what about|what of|same for|how has that|how did that|"
                        r"and how|what was it|and then|and in|and at|and for|in)\b|\b(?:that|it|they|those)\b\s*(?:changed|now|then)?\s*\??$",
                        re.I)
_RATE_WORDS = re.compile(r"\b(?:rate|per 10,?000)\b", re.I)
_PCT_WORDS = re.compile(r"\b(?:percent\w*|proportion|share|%)\b", re.I)
_MONEY_WORDS = re.compile(r"\b(?:how much|budget|cost|costs|saving|saved|spend|spent|overspend|£|money|funding)\b", re.I)


@dataclass
class MeasureMatch:
    measure: Measure
    score: float


@lru_cache(maxsize=1)
def _measure_vectors() -> tuple[list[int], np.ndarray]:
    """One vector per (measure, phrase); computed once per process, ~60 short strings."""
    owners: list[int] = []
    texts: list[str] = []
    for i, m in enumerate(load_catalogue()):
        for phrase in (m.label, m.description, *m.synonyms):
            if len(phrase) > 4:
                owners.append(i)
                texts.append(phrase)
    return owners, embedding.encode(texts)


_GENERIC = re.compile(r"\b(?:Middlesbrough|the Council|Council|council's|Council's|MBC)\b", re.I)


def _strip_dates(question: str) -> str:
    out = question
    for d in reversed(find_dates(question)):
        out = out[: d.start] + " " + out[d.end :]
    return out


def is_number_question(question: str) -> bool:
    return bool(re.search(r"\bhow (?:many|much)\b|\bwhat (?:percentage|proportion|number)\b", question, re.I))


def asked_units(question: str) -> list[str]:
    """Units a question's wording implies ("how many" -> counts); empty when it does not say."""
    if _PCT_WORDS.search(question):
        return ["percent"]
    if _RATE_WORDS.search(question):
        return ["per_10000"]
    if _MONEY_WORDS.search(question):
        return ["gbp", "gbp_per_week"]
    if re.search(r"\bhow many\b", question, re.I):
        return ["count"]
    return []


def match_measures(question: str, question_vec: np.ndarray | None = None,
                   units: list[str] | None = None) -> list[MeasureMatch]:
    """Catalogue measures ranked by how well the question names them (score in 0..1)."""
    text = _strip_dates(question)
    lowered = _GENERIC.sub(" ", text).lower()  # place names match every measure's long phrases equally
    catalogue = load_catalogue()
    fuzzy = np.zeros(len(catalogue))
    acronym = np.zeros(len(catalogue))
    for i, m in enumerate(catalogue):
        best = 0.0
        for phrase in (m.label, *m.synonyms):
            if re.fullmatch(r"[A-Z]{2,4}", phrase):
                if re.search(rf"\b{phrase}\b", text):
                    acronym[i] = 1.0
            elif len(phrase) >= 6:
                # Longer phrases matched in full are more specific: "foster carers were approved" beats "foster carers".
                weight = 0.7 + 0.3 * min(1.0, len(phrase) / 30)
                core = _GENERIC.sub(" ", phrase).strip().lower()
                if len(core) >= 6:
                    best = max(best, fuzz.partial_ratio(core, lowered) / 100 * weight)
        fuzzy[i] = best
    owners, vecs = _measure_vectors()
    qv = question_vec if question_vec is not None else embedding.encode_one(text)
    sims = vecs @ qv
    dense = np.zeros(len(catalogue))
    for owner, sim in zip(owners, sims):
        dense[owner] = max(dense[owner], float(sim))
    scores = np.maximum(0.55 * fuzzy + 0.45 * dense, 0.9 * acronym + 0.1 * dense)
    if units:
        scores = scores * np.array([1.0 if set(m.units) & set(units) else 0.6 for m in catalogue])
    order = np.argsort(-scores)
    return [MeasureMatch(catalogue[i], float(scores[i])) for i in order[:5]]


def preferred_units(question: str, measure: Measure) -> list[str]:
    """Units the question asks for, in the measure's own order when the question does not say."""
    wanted: list[str] = []
    if _RATE_WORDS.search(question):
        wanted += [u for u in measure.units if u.startswith("per_")]
    if _PCT_WORDS.search(question):
        wanted += [u for u in measure.units if u == "percent"]
    if _MONEY_WORDS.search(question):
        wanted += [u for u in measure.units if u.startswith("gbp")]
    return wanted or [measure.headline_unit]


def resolve(question: str, previous: ResolvedQuery | None, min_score: float,
            question_vec: np.ndarray | None = None) -> tuple[ResolvedQuery, Measure | None, list[str]]:
    """What the question asks, using the previous turn for whatever a follow-up leaves out."""
    dates = find_dates(question)
    if previous is not None and previous.date_start and re.search(r"\bquarter\b|\bQ[1-4]\b", question, re.I) and not dates:
        # "and in quarter one?" takes the financial year of the previous turn.
        fy = previous.date_start.year if previous.date_start.month >= 4 else previous.date_start.year - 1
        prefix = f"{fy}/{(fy + 1) % 100:02d} "
        dates = [d for d in find_dates(prefix + question) if d.start >= len(prefix)]
    follow_up = previous is not None and previous.measure_id is not None and (
        bool(_FOLLOW_UP.search(question)) or len(question.split()) <= 5
    )
    matches = match_measures(question, question_vec, asked_units(question))
    measure = matches[0].measure if matches and matches[0].score >= min_score else None
    catalogue = {m.id: m for m in load_catalogue()}
    if follow_up and previous and previous.measure_id:
        named_new = measure is not None and matches[0].score >= min_score + 0.08
        if not named_new:
            measure = catalogue.get(previous.measure_id)
    timeline = bool(_TIMELINE.search(question))
    numeric = bool(_NUMERIC.search(question)) or timeline or bool(_LATEST.search(question))
    if follow_up and previous and previous.intent in ("value", "latest", "timeline"):
        numeric = True
    if measure is None or not numeric:
        return ResolvedQuery(intent="general"), None, []

    first = last = None
    label = None
    if dates:
        first, last = min(d.first for d in dates), max(d.last for d in dates)
        label = " to ".join(dict.fromkeys(d.label for d in dates))
    elif follow_up and previous and previous.date_start and not timeline and not _LATEST.search(question):
        first, last, label = previous.date_start, previous.date_end, previous.date_label
        if previous.intent == "timeline":  # "what about CP?" after "how has that changed since?"
            timeline = True
    if follow_up and previous and previous.intent == "timeline" and not dates and not _LATEST.search(question):
        timeline = True
    if timeline:
        intent = "timeline"
        if re.search(r"\bsince\b", question, re.I) and previous and previous.date_start and not dates:
            first, last, label = previous.date_start, dt.date.max, f"since {previous.date_label}"
        elif dates and re.search(r"\bsince\b", question, re.I):
            last, label = dt.date.max, f"since {label}"
    elif first is not None:
        intent = "value"
    else:
        intent = "latest"
    resolved = ResolvedQuery(measure_id=measure.id, measure_label=measure.label, date_start=first, date_end=last,
                             date_label=label, intent=intent)
    return resolved, measure, preferred_units(question, measure)
