"""Answer a number question from the figures whose sentences support it, or say plainly that none does.

Supported figures are grouped into series (same concept or phrase, unit and subject); the best-supported
series answers. Within it: the figure for the period asked (all of them, flagged, if papers disagree), the
latest, or a timeline of levels in date order. When the series has no figure for the period asked, the answer
says so and lists the nearest dates. When nothing supports the question, the caller gets None and decides
between a labelled quote and "not found"; figures that failed only on unit, subject or kind are offered
as what the papers do hold.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from qa_assistant.answering.citing import Citer, merge_citations
from qa_assistant.figures.question import Reading, title_words
from qa_assistant.figures.selection import FigureContext, Support, build_context, check, phrase_terms
from qa_assistant.figures.terms import lexicon, measure_terms
from qa_assistant.models import Answer, Figure, FigureValue
from qa_assistant.text.dates import MONTHS, period_distance

_UNIT_PREFERENCE = ("count", "percent", "gbp", "per_10000", "rate", "gbp_per_week", "gbp_per_year")
_CONTEXT_CACHE = 4096
_DOCUMENT_CACHE = 256
_PREVIOUS_SENTENCE_CHARS = 400
_SUBJECT_WORDS = {"england": "England's", "region": "the region's", "neighbours": "statistical neighbours'"}


@dataclass
class Scored:
    figure: Figure
    support: Support


class FigureAnswerer:
    def __init__(self, index, citer: Citer, window_chars: int = 0) -> None:
        self.index = index
        self.citer = citer
        self.window_chars = window_chars
        self._contexts: OrderedDict[int, FigureContext] = OrderedDict()
        self._documents: OrderedDict[str, tuple[frozenset[str], frozenset[str]]] = OrderedDict()
        self._words: OrderedDict[str, frozenset[str]] = OrderedDict()

    # ---- support ---------------------------------------------------------------------------------------
    def context(self, f: Figure) -> FigureContext:
        cached = self._contexts.get(f.figure_id)
        if cached is not None:
            return cached
        doc = self.index.documents[f.doc_id]
        text = doc.text
        prev_start = _previous_sentence_start(text, f.sentence_start)
        source, document = self._document_terms(f.doc_id)
        sentence = text[f.sentence_start : f.sentence_end]
        previous = (
            _without_verbs(text[prev_start : f.sentence_start]) if _REFERS_BACK.search(sentence) else ""
        )
        before = (
            text[max(0, f.sentence_start - self.window_chars) : f.sentence_start] if self.window_chars else ""
        )
        ctx = build_context(
            f,
            sentence,
            previous,
            _section_heading(text, f.sentence_start),
            self.index.figure_index.siblings(f),
            source,
            document,
            before,
        )
        self._contexts[f.figure_id] = ctx
        if len(self._contexts) > _CONTEXT_CACHE:
            self._contexts.popitem(last=False)
        return ctx

    def _document_terms(self, doc_id: str) -> tuple[frozenset[str], frozenset[str]]:
        cached = self._documents.get(doc_id)
        if cached is None:
            doc = self.index.documents[doc_id]
            source = frozenset(measure_terms(f"{doc.title} {doc.committee or ''} {doc.kind or ''}"))
            cached = (source, frozenset(measure_terms(doc.text)))
            self._documents[doc_id] = cached
            if len(self._documents) > _DOCUMENT_CACHE:
                self._documents.popitem(last=False)
        return cached

    def supported(self, r: Reading) -> tuple[list[Scored], list[tuple[Figure, Support]]]:
        """Figures whose sentences support the question, and the near misses (right measure, wrong unit,
        subject or kind) to offer when nothing supports it."""
        ok: list[Scored] = []
        near: list[tuple[Figure, Support]] = []
        for f in self.index.figure_index.candidates(r):
            s = check(r, f, self.context)
            if s.ok:
                ok.append(Scored(f, s))
            elif s.reason.split(":")[0] in ("unit", "subject", "kind"):
                near.append((f, s))
        return ok, near

    # ---- entry -----------------------------------------------------------------------------------------
    def answer(self, question: str, r: Reading) -> Answer | None:
        scored, _ = self.supported(r)
        if not scored:
            return None
        named = self._from_named_paper(scored, r)
        if not named:
            return None
        series = self._best_series(named, r)
        if r.intent == "timeline":
            return self._timeline(question, r, series)
        dated = [s for s in series if s.figure.as_of.known]
        if r.intent == "value":
            hits = [s for s in dated if _matches_period(s.figure, r)]
            if hits:
                return self._present(question, r, hits)
            if named is not scored and r.date_names_paper and not dated:
                return self._present(
                    question,
                    r,
                    series,
                    note=" The paper you named gives no date for it; the "
                    "date in your question is part of the paper's name.",
                )
            if not dated:
                return self._undated(question, r, series)
            return self._nearest(question, r, dated)
        if not dated:
            if r.explicit_latest:
                return self._undated(question, r, series)
            return self._present(question, r, series, note=" The paper does not say what date this is as of.")
        latest_end = max(s.figure.as_of.end for s in dated)
        chosen = [s for s in dated if s.figure.as_of.end == latest_end]
        earlier = len({s.figure.as_of.label for s in dated}) - 1
        note = " This is the latest figure in the papers." + (
            f" Figures for {earlier} earlier date(s) are held; ask how it has changed to see them."
            if earlier
            else ""
        )
        return self._present(question, r, chosen, note=note)

    def _from_named_paper(self, scored: list[Scored], r: Reading) -> list[Scored]:
        """A question that names its source ("in the quarter 4 2020/21 fostering update", "what did the Echo's
        campaign story give") is answered from a paper that source can be: one whose title, committee or kind
        holds a distinctive word of it, or whose text holds most of them (a speaker's name). When several
        match, those titled with the most of its words; when none does, no figure is stated (another paper's
        figure is not what that source said: the answer offers it as what the papers do hold)."""
        if not r.occasion_words:
            return scored
        asked, distinctive = set(r.occasion_words), _distinctive(r.occasion_words)
        overlap: dict[str, int] = {}
        matches: dict[str, bool] = {}
        for s in scored:
            doc_id = s.figure.doc_id
            if doc_id not in overlap:
                doc = self.index.documents[doc_id]
                named = set(title_words(f"{doc.title} {doc.committee or ''} {doc.kind or ''}"))
                overlap[doc_id] = len(asked & named)
                # the paper's text is read (once per paper, cached) only when its title does not settle it
                matches[doc_id] = (
                    not distinctive
                    or bool(distinctive & named)
                    or 2 * len(distinctive & self._text_words(doc_id)) > len(distinctive)
                )
        kept = [s for s in scored if matches[s.figure.doc_id]]
        if not kept:
            return []
        best = max(overlap[s.figure.doc_id] for s in kept)
        return kept if best < 2 else [s for s in kept if overlap[s.figure.doc_id] == best]

    def _text_words(self, doc_id: str) -> frozenset[str]:
        """The paper's words as written (not stemmed: a source is named in its own words)."""
        cached = self._words.get(doc_id)
        if cached is None:
            cached = frozenset(title_words(self.index.documents[doc_id].text))
            self._words[doc_id] = cached
            if len(self._words) > _DOCUMENT_CACHE:
                self._words.popitem(last=False)
        return cached

    def _best_series(self, scored: list[Scored], r: Reading) -> list[Scored]:
        groups: dict[tuple, list[Scored]] = {}
        for s in scored:
            f = s.figure
            measure = f.concept_id or " ".join(sorted(phrase_terms(f)))
            groups.setdefault((measure, f.unit, f.subject, f.subject_name.lower()), []).append(s)

        reported_in = list(r.concept.concept.units) if r.concept else []
        preference = reported_in + [
            u for u in _UNIT_PREFERENCE if u not in reported_in
        ]  # headline unit first

        def rank(item: tuple[tuple, list[Scored]]) -> tuple:
            (_, unit, _, _), members = item
            unit_rank = -preference.index(unit) if unit in preference else -len(preference)
            levels = sum(1 for m in members if m.figure.kind == "level")
            fits = (
                r.unit is not None or not reported_in or unit in reported_in
            )  # the measure's own units first
            dated = r.intent != "value" or any(
                m.figure.as_of.known and _matches_period(m.figure, r) for m in members
            )
            return (
                fits,
                dated,
                round(max(m.support.score for m in members), 3),
                unit_rank if r.unit is None else 0,
                levels,
                len(members),
            )

        best = max(groups.items(), key=rank)[1]
        direct = [m for m in best if "before" not in m.support.notes]
        return direct or best  # a figure whose own sentence says it all beats one read with what came before

    # ---- answer shapes -----------------------------------------------------------------------------------
    def _value(self, s: Scored, previous: Figure | None = None) -> FigureValue:
        quote_from = None
        if "near" in s.support.notes:
            text = self.index.documents[s.figure.doc_id].text
            quote_from = _previous_sentence_start(text, s.figure.sentence_start)
        return self.citer.figure_value(s.figure, previous, quote_from)

    def _related(self, values: list[FigureValue], chosen: list[Scored]) -> list[FigureValue]:
        """The same measure in another unit in the same sentence ("500 (154.3 per 10,000)")."""
        out: list[FigureValue] = []
        seen = {v.figure_id for v in values}
        for s in chosen:
            for other in self.index.figure_index.siblings(s.figure):
                if other.figure_id in seen or other.unit == s.figure.unit or other.kind != s.figure.kind:
                    continue
                same = (other.concept_id and other.concept_id == s.figure.concept_id) or (
                    other.phrase and other.phrase == s.figure.phrase
                )
                if same and other.as_of.label == s.figure.as_of.label and other.subject == s.figure.subject:
                    out.append(self.citer.figure_value(other))
                    seen.add(other.figure_id)
        return out

    def _present(self, question: str, r: Reading, chosen: list[Scored], note: str = "") -> Answer:
        chosen = sorted(chosen, key=lambda s: -s.support.score)
        values = [self._value(s) for s in chosen]
        unique: dict[tuple[str, str, str], FigureValue] = {}
        for (
            v
        ) in values:  # the same value for the same date in one paper is one figure, however often it is said
            unique.setdefault((v.value_text, v.citation.doc_id, v.as_of.label), v)
        values = list(unique.values())
        related = self._related(values, chosen)
        by_date: dict[str, list[FigureValue]] = {}
        for v in values:
            by_date.setdefault(v.as_of.label, []).append(v)
        conflict = any(len({v.value for v in vs}) > 1 for vs in by_date.values())
        parts: list[str] = []
        for as_of, vs in by_date.items():
            if len({v.value for v in vs}) > 1:
                parts.append(
                    f"the papers give different figures as of {as_of}: "
                    + "; ".join(
                        f"{v.value_text} in {v.citation.title} (\u201c{v.citation.quote}\u201d)" for v in vs
                    )
                )
                continue
            v = vs[0]
            extra = [
                x.value_text
                for x in related
                if x.as_of.label == as_of and x.citation.doc_id == v.citation.doc_id
            ]
            kind = (
                " (forecast)"
                if v.kind == "forecast"
                else " (a change)"
                if v.kind == "change"
                else " (target)"
                if v.kind == "target"
                else ""
            )
            parts.append(
                f"{v.value_text}{' (' + ', '.join(extra) + ')' if extra else ''}{kind} as of {as_of} "
                f"(source: {v.citation.title}, {v.citation.committee or 'committee not stated'}, "
                f"meeting {v.citation.meeting_date_label})"
            )
        text = f"{_label(chosen[0].figure, r)}: " + "; ".join(parts) + "." + note
        return Answer(
            question=question,
            kind="figure",
            text=text,
            figures=values + related,
            conflict=conflict,
            citations=merge_citations([v.citation for v in values + related]),
            resolved=r.resolved(),
        )

    def _timeline(self, question: str, r: Reading, series: list[Scored]) -> Answer:
        points = sorted(
            (s for s in series if s.figure.as_of.known and s.figure.kind == "level"),
            key=lambda s: (s.figure.as_of.end, s.figure.as_of.start),
        )
        once: dict[tuple, Scored] = {}
        for s in points:  # a paper that repeats a figure (summary and body) reports it once
            once.setdefault((s.figure.value, s.figure.doc_id, s.figure.as_of.label), s)
        points = list(once.values())
        if r.date_start is not None:
            points = [s for s in points if s.figure.as_of.end >= r.date_start]
        if len({s.figure.as_of.label for s in points}) < 2:
            only = points or series
            return self._present(
                question,
                r,
                only,
                note=" It is the only dated figure the papers report for this, so no change can be shown.",
            )
        values: list[FigureValue] = []
        previous: Figure | None = None
        for s in points:
            values.append(self._value(s, previous))
            previous = s.figure
        lines = [f"{v.value_text} ({v.as_of.label}; {v.citation.title})" for v in values]
        text = f"Reported figures for {_label(points[0].figure, r)}, in date order: " + "; ".join(lines) + "."
        same_date = _conflicting(values)
        if same_date:
            text += " Note: the papers give different figures for the same date: " + same_date + "."
        return Answer(
            question=question,
            kind="timeline",
            text=text,
            series=values,
            conflict=bool(same_date),
            citations=[v.citation for v in values],
            resolved=r.resolved(),
        )

    def _nearest(self, question: str, r: Reading, dated: list[Scored]) -> Answer:
        by_distance = sorted(
            dated,
            key=lambda s: period_distance(
                s.figure.as_of.start,
                s.figure.as_of.end,
                r.date_start or dt.date.min,
                r.date_end or dt.date.max,
            ),
        )
        nearest = sorted(by_distance[:3], key=lambda s: s.figure.as_of.end)
        near = [self._value(s) for s in nearest]
        asked = r.date_label or (f"quarter {r.quarter}" if r.quarter else "the date asked")
        text = (
            f"The papers hold no figure for {_label(dated[0].figure, r)} for {asked}. The nearest reported "
            "figures are: "
            + "; ".join(f"{n.value_text} ({n.as_of.label}; {n.citation.title})" for n in near)
            + "."
        )
        return Answer(
            question=question,
            kind="not_found",
            text=text,
            nearest=near,
            citations=[n.citation for n in near],
            resolved=r.resolved(),
        )

    def _undated(self, question: str, r: Reading, series: list[Scored]) -> Answer:
        """A figure for the measure exists but the paper never says when: not an answer for a date asked."""
        near = [self._value(s) for s in series[:3]]
        asked = r.date_label or (f"quarter {r.quarter}" if r.quarter else "now")
        text = (
            f"The papers hold no dated figure for {_label(series[0].figure, r)} for {asked}. They do report "
            + "; ".join(f"{n.value_text} ({n.citation.title})" for n in near)
            + ", but do not say what date it is as of."
        )
        return Answer(
            question=question,
            kind="not_found",
            text=text,
            nearest=near,
            citations=[n.citation for n in near],
            resolved=r.resolved(),
        )

    def near_misses(self, near: list[tuple[Figure, Support]], r: Reading) -> list[FigureValue]:
        """Up to three figures of the right measure in another unit, for another subject or of another kind
        (never money offered for a count or the reverse: that is not the same measure in other words)."""
        asked_money = r.unit in ("money", "money_week", "money_year")
        usable = [(f, s) for f, s in near if (f.unit.startswith("gbp")) == asked_money or r.unit is None]
        ranked = sorted(usable, key=lambda fs: fs[0].as_of.end or dt.date.min, reverse=True)
        out, seen = [], set()
        for f, _ in ranked:
            key = (f.unit, f.subject, f.kind)
            if key in seen:
                continue
            seen.add(key)
            out.append(self.citer.figure_value(f))
            if len(out) == 3:
                break
        return out


def _distinctive(occasion_words: list[str]) -> set[str]:
    """The words of a named source that can tell one paper from another: not its kind ("story", "report"),
    not how it was told ("said", "gave"), not its date (matched by the date rules), not bare numbers and not
    words any paper may use of itself (lexicon "undistinctive_source_words")."""
    generic = _undistinctive()
    return {w for w in occasion_words if w.isalpha() and len(w) > 2 and w not in generic and w not in MONTHS}


@lru_cache(maxsize=1)
def _undistinctive() -> frozenset[str]:
    keys = ("source_nouns", "reporting_verbs", "occasion_verbs", "undistinctive_source_words")
    return frozenset(w.lower() for key in keys for w in lexicon()[key])


def _label(f: Figure, r: Reading) -> str:
    label = f.concept_label or (f"\u201c{f.phrase}\u201d" if f.phrase else r.measure_text or "this measure")
    whose = _SUBJECT_WORDS.get(f.subject) or (f"{f.subject_name}'s" if f.subject == "other" else "")
    label = f"{whose} {label}".strip() if whose else label
    if f.unit in ("per_10000", "rate") and "rate" not in label.lower():
        label += " (rate" + (" per 10,000" if f.unit == "per_10000" else "") + ")"
    return label[0].upper() + label[1:]


def _matches_period(f: Figure, r: Reading) -> bool:
    if r.quarter:
        return bool(re.match(rf"quarter {r.quarter} of", f.as_of.label))
    return f.as_of.start <= r.date_end and r.date_start <= f.as_of.end


_SECTION_REACH = 3000  # a heading further back than this is not taken as the figure's topic


def _section_heading(text: str, pos: int) -> str:
    """The nearest short line above a position that reads as a heading ("South Tees Youth Offending Service"):
    the section a figure sits in names its topic."""
    floor = max(0, pos - _SECTION_REACH)
    end = text.rfind("\n", floor, pos)
    while end > floor:
        start = text.rfind("\n", floor, end) + 1
        line = text[start:end].strip(" -•·*#")
        if line and len(line.split()) <= 10 and not re.search(r"[.:;,]$|\d{2,}", line) and line[0].isupper():
            return line
        end = start - 1
    return ""


# A sentence that refers back ("The project had also...", "Of those children...") takes its topic from the one
# before; one that does not is read on its own.
_REFERS_BACK = re.compile(
    r"\b(?:this|these|those|such|its|their)\b|\bthe\s+(?:project|programme|scheme|service|team|"
    r"initiative|pilot|review|report|strategy|plan|fund|grant|approach|model|hub|group|board|panel|"
    r"proposal|application|development|bid|policy|home|conference|event|campaign|visit)\b",
    re.I,
)
_VERB_PHRASE = re.compile(
    r"\b(?:was|were|is|are|be|been|being|to|had|has|have|will|would|can|could|should|must|may|"
    r"might)\s+(?:\w+ly\s+)?\w+|\b\w+(?:ed|ing)\b",
    re.I,
)


def _without_verbs(text: str) -> str:
    """The sentence before a figure may give its topic ("a successful Family Reunification Project"), not
    what it counts: its verbs ("was required to provide") never stand in for a question's words."""
    return _VERB_PHRASE.sub(" ", text)


def _previous_sentence_start(text: str, start: int) -> int:
    """Start of the sentence before the one at `start` (within the same paragraph)."""
    base = max(0, start - _PREVIOUS_SENTENCE_CHARS)
    window = text[base:start].rstrip()
    ends = [m.end() for m in re.finditer(r"[.!?]\s+|\n", window)]
    ends = [e for e in ends if e < len(window)]
    begin = base + (ends[-1] if ends else 0)
    while begin < start and text[begin].isspace():
        begin += 1
    return begin


def _conflicting(series: list[FigureValue]) -> str:
    by_date: dict[str, list[FigureValue]] = {}
    for p in series:
        by_date.setdefault(p.as_of.label, []).append(p)
    parts = [
        f"{label}: " + " vs ".join(p.value_text for p in ps)
        for label, ps in by_date.items()
        if len({p.value for p in ps}) > 1
    ]
    return "; ".join(parts)
