"""Phrasing a figure answer: the value for each date with its source (every value, flagged, when papers
disagree), a timeline, the nearest dates when none is for the date asked, or a figure the papers never
date; each as a cited Answer.
"""

from __future__ import annotations

import datetime as dt

from qa_assistant.answering.citing import Citer, merge_citations
from qa_assistant.answering.figure_choice import Scored
from qa_assistant.answering.figure_context import previous_sentence_start
from qa_assistant.answering.figure_timeline import by_date, disagree, timeline_points, timeline_text
from qa_assistant.figures.reading import Reading
from qa_assistant.figures.support_context import stated_numbers
from qa_assistant.models import Answer, Figure, FigureValue
from qa_assistant.text.periods import period_distance

_SUBJECT_WORDS = {"england": "England's", "region": "the region's", "neighbours": "statistical neighbours'"}


class FigureWriter:
    """Turns the chosen figures into a cited Answer of the shape the question's intent calls for."""

    def __init__(self, index, citer: Citer) -> None:
        self.index = index
        self.citer = citer

    def value(self, s: Scored, previous: Figure | None = None) -> FigureValue:
        """A figure with its citation, quoting from the sentence before when that is where its words are."""
        quote_from = None
        if "near" in s.support.notes:
            text = self.index.documents[s.figure.doc_id].text
            quote_from = previous_sentence_start(text, s.figure.sentence_start)
        return self.citer.figure_value(s.figure, previous, quote_from)

    def related(
        self,
        values: list[FigureValue],
        chosen: list[Scored],
        given: frozenset[tuple[str, float]] = frozenset(),
    ) -> list[FigureValue]:
        """The same measure in another unit in the same sentence ("500 (154.3 per 10,000)"); never a number
        the question itself gives (given: "caseloads of 25 or fewer")."""
        out: list[FigureValue] = []
        seen = {v.figure_id for v in values}
        for s in chosen:
            for other in self.index.figure_index.siblings(s.figure):
                if other.figure_id in seen or other.unit == s.figure.unit or other.kind != s.figure.kind:
                    continue
                if (other.unit, other.value) in given:
                    continue
                # of the same concept and naming nothing more ("39% allocated to Children's Services" is not
                # the overall budget in per cent)
                same = (
                    other.concept_id
                    and other.concept_id == s.figure.concept_id
                    and not set(other.terms) - set(s.figure.terms)
                ) or (other.phrase and other.phrase == s.figure.phrase)
                if same and other.as_of.label == s.figure.as_of.label and other.subject == s.figure.subject:
                    out.append(self.citer.figure_value(other))
                    seen.add(other.figure_id)
        return out

    def present(self, question: str, r: Reading, chosen: list[Scored], note: str = "") -> Answer:
        """The chosen figures, best supported first, one part per date; note is added to the text."""
        chosen = sorted(chosen, key=lambda s: -s.support.score)
        values = _once_per_paper([self.value(s) for s in chosen])
        related = self.related(values, chosen, stated_numbers(r.question))
        dates = by_date(values)
        conflict = any(disagree(vs) for vs in dates.values())
        parts = [_date_part(as_of, vs, related) for as_of, vs in dates.items()]
        text = f"{measure_label(chosen[0].figure, r)}: " + "; ".join(parts) + "." + note
        return Answer(
            question=question,
            kind="figure",
            text=text,
            figures=values + related,
            conflict=conflict,
            citations=merge_citations([v.citation for v in values + related]),
            resolved=r.resolved(),
        )

    def timeline(self, question: str, r: Reading, series: list[Scored]) -> Answer:
        """The series' levels in date order, each with its change from the one before; a single dated figure
        is presented on its own, saying no change can be shown."""
        points = timeline_points(series, r)
        if len({s.figure.as_of.label for s in points}) < 2:
            only = points or series
            return self.present(
                question,
                r,
                only,
                note=" It is the only dated figure the papers report for this, so no change can be shown.",
            )
        values: list[FigureValue] = []
        previous: Figure | None = None
        for s in points:
            values.append(self.value(s, previous))
            previous = s.figure
        text, conflict = timeline_text(measure_label(points[0].figure, r), values)
        return Answer(
            question=question,
            kind="timeline",
            text=text,
            series=values,
            conflict=conflict,
            citations=[v.citation for v in values],
            resolved=r.resolved(),
        )

    def nearest(self, question: str, r: Reading, dated: list[Scored]) -> Answer:
        """No figure for the date asked: say so, and give the three reported dates nearest to it."""
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
        near = [self.value(s) for s in nearest]
        asked = r.date_label or (f"quarter {r.quarter}" if r.quarter else "the date asked")
        text = (
            f"The papers hold no figure for {measure_label(dated[0].figure, r)} for {asked}. The nearest reported "
            "figures are: "
            + "; ".join(f"{n.value_text} ({n.as_of.label}; {n.citation.title})" for n in near)
            + "."
        )
        return _not_found_with_nearest(question, r, text, near)

    def superseded(self, question: str, r: Reading, earlier: list[Scored]) -> Answer:
        """Only a value the paper says things have since moved on from ("has risen every year since 2018/19, when
        108 children entered care"): not the latest figure, so shown as the nearest the papers hold."""
        near = [self.value(s) for s in sorted(earlier, key=lambda s: s.figure.as_of.end)[-3:]]
        text = (
            f"The papers give no current figure for {measure_label(earlier[0].figure, r)}. They give "
            + "; ".join(f"{n.value_text} ({n.as_of.label}; {n.citation.title})" for n in near)
            + " as the value it has changed from since."
        )
        return _not_found_with_nearest(question, r, text, near)

    def undated(self, question: str, r: Reading, series: list[Scored]) -> Answer:
        """A figure for the measure exists but the paper never says when: not an answer for a date asked."""
        near = [self.value(s) for s in series[:3]]
        asked = r.date_label or (f"quarter {r.quarter}" if r.quarter else "now")
        text = (
            f"The papers hold no dated figure for {measure_label(series[0].figure, r)} for {asked}. They do report "
            + "; ".join(f"{n.value_text} ({n.citation.title})" for n in near)
            + ", but do not say what date it is as of."
        )
        return _not_found_with_nearest(question, r, text, near)


def _once_per_paper(values: list[FigureValue]) -> list[FigureValue]:
    """The same value for the same date in one paper is one figure, however often it is said."""
    unique: dict[tuple[str, str, str], FigureValue] = {}
    for v in values:
        unique.setdefault((v.value_text, v.citation.doc_id, v.as_of.label), v)
    return list(unique.values())


def _date_part(as_of: str, vs: list[FigureValue], related: list[FigureValue]) -> str:
    """One date's part of the answer: the value with its other units, kind and source; or, when the papers
    disagree, every value with the paper and sentence that gives it."""
    if disagree(vs):
        return f"the papers give different figures as of {as_of}: " + "; ".join(
            f"{v.value_text} in {v.citation.title} (\u201c{v.citation.quote}\u201d)" for v in vs
        )
    v = vs[0]
    extra = [
        x.value_text for x in related if x.as_of.label == as_of and x.citation.doc_id == v.citation.doc_id
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
    return (
        f"{v.value_text}{' (' + ', '.join(extra) + ')' if extra else ''}{kind} as of {as_of} "
        f"(source: {v.citation.title}, {v.citation.committee or 'committee not stated'}, "
        f"meeting {v.citation.meeting_date_label})"
    )


def measure_label(f: Figure, r: Reading) -> str:
    """What the figure measures, whose it is and (for a rate) per what, as the answer names it."""
    label = f.concept_label or (f"\u201c{f.phrase}\u201d" if f.phrase else r.measure_text or "this measure")
    whose = _SUBJECT_WORDS.get(f.subject) or (f"{f.subject_name}'s" if f.subject == "other" else "")
    label = f"{whose} {label}".strip() if whose else label
    if f.unit in ("per_10000", "rate") and "rate" not in label.lower():
        label += " (rate" + (" per 10,000" if f.unit == "per_10000" else "") + ")"
    return label[0].upper() + label[1:]


def _not_found_with_nearest(question: str, r: Reading, text: str, near: list[FigureValue]) -> Answer:
    """No figure answers as asked; the nearest the papers do hold are shown, each with its source."""
    return Answer(
        question=question,
        kind="not_found",
        text=text,
        nearest=near,
        citations=[n.citation for n in near],
        resolved=r.resolved(),
    )
