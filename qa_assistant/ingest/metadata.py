"""Infer a paper's title, committee and meeting date from its own text, when no manifest or sidecar says.

Council papers state these near the top in a few set shapes ("Date: Monday 15th February, 2021",
"DATE OF MEETING: 26 November 2025", a committee-system page's "Meeting: 15/02/2021 - Executive (Item 5.)").
Only those labelled shapes are trusted: a date merely mentioned in the text is not the meeting date.
Inferred values are marked as such so they can be shown and corrected.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from qa_assistant.text.dates import find_dates

HEAD_CHARS = 4000  # metadata lives at the top of a paper

_DATE_LABELS = re.compile(
    r"^\s*(?:date\s+of\s+(?:the\s+)?meeting|meeting\s+date|date)\s*[:\-–]\s*(?P<rest>.+)$", re.I | re.M
)
_MEETING_LINE = re.compile(
    r"^\s*meeting\s*[:\-–]\s*(?P<date>[0-3]?\d/[01]?\d/(?:19|20)\d{2})\s*[-–]\s*(?P<committee>[^\n(]+)",
    re.I | re.M,
)
_COMMITTEE_LABEL = re.compile(
    r"^\s*(?:committee|meeting\s+of|report\s+to|submitted\s+to|decision\s+maker|body)\s*[:\-–]\s*(?P<name>[^\n]{3,150})$",
    re.I | re.M,
)
_COMMITTEE_NAME = re.compile(
    r"^(?P<name>(?:[A-Z][\w'’&,-]*\s+){0,14}?(?:Scrutiny\s+(?:Panel|Board|Committee)|Overview\s+and\s+Scrutiny\s+Board|"
    r"Executive(?:\s+Member)?|Council|Committee|Corporate\s+Parenting\s+Board|Board|Panel))\s*$",
    re.M,
)
_TITLE_LABEL = re.compile(
    r"^\s*(?:title|subject|report\s+title)\s*[:\-–]\s*(?P<title>[^\n]{3,200})$", re.I | re.M
)


@dataclass
class InferredMeta:
    title: str | None = None
    committee: str | None = None
    meeting_date: dt.date | None = None
    inferred: list[str] = field(default_factory=list)  # which fields came from the text

    def as_entry(self) -> dict:
        return {
            "title": self.title,
            "committee": self.committee,
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "inferred": list(self.inferred),
        }


def infer_meeting_date(text: str) -> dt.date | None:
    head = text[:HEAD_CHARS]
    m = _MEETING_LINE.search(head)
    if m:
        return _single_date(m.group("date"))
    for m in _DATE_LABELS.finditer(head):
        found = _single_date(m.group("rest"))
        if found:
            return found
    return None


def _single_date(fragment: str) -> dt.date | None:
    for mention in find_dates(fragment):
        if mention.first == mention.last:
            return mention.first
    return None


def infer_committee(text: str) -> str | None:
    head = text[:HEAD_CHARS]
    for pattern in (_MEETING_LINE, _COMMITTEE_LABEL):
        m = pattern.search(head)
        if m:
            return _tidy(m.group("committee" if pattern is _MEETING_LINE else "name"))
    m = _COMMITTEE_NAME.search(head)
    return _tidy(m.group("name")) if m else None


def infer_title(text: str, hint: str | None, fallback: str) -> str:
    m = _TITLE_LABEL.search(text[:HEAD_CHARS])
    if m:
        return _tidy(m.group("title"))
    if hint:  # a web page's <title>: drop the site name and the committee system's "Agenda item - " prefix
        hint = re.sub(r"^\s*(?:agenda\s+item|issue|decision)\s*[-–|:]\s*", "", hint, flags=re.I)
        hint = re.sub(r"\s*[-–|]\s*[^-–|]*\b(?:Council|Borough)\s*$", "", hint)
        if len(hint) > 3:
            return _tidy(hint)[:200]
    for line in text.split("\n"):
        if len(line.strip()) > 3:
            return line.strip()[:200]
    return fallback


def _tidy(value: str) -> str:
    return " ".join(value.split()).strip(" -–:,.")


def infer(
    text: str,
    *,
    title_hint: str | None = None,
    fallback_title: str = "Untitled paper",
    extra_text: str | None = None,
) -> InferredMeta:
    """Infer all three fields; extra_text is searched too (an HTML page's header outside its main content)."""
    sources = [t for t in (extra_text, text) if t]
    meta = InferredMeta(title=infer_title(text, title_hint, fallback_title), inferred=["title"])
    for source in sources:
        meta.meeting_date = meta.meeting_date or infer_meeting_date(source)
        meta.committee = meta.committee or infer_committee(source)
    meta.inferred += [f for f in ("committee", "meeting_date") if getattr(meta, f) is not None]
    return meta
