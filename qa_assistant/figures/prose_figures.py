"""A number in running text (or a list item) becomes a figure: its kind, whose, when, its unit and context.

Its phrase is already chosen (prose_phrases.py); this module reads the rest from the sentence around it, and
when the phrase names no measure, finds words that do: the label before a colon that every value after it
shares, the line introducing its list, or (as context only) the words of its clause.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from qa_assistant.figures import asof as asof_rules
from qa_assistant.figures.assembly import NumberFacts, figure, unit_of
from qa_assistant.figures.concepts import match_concept
from qa_assistant.figures.kinds import CHANGE, PART, kind_of
from qa_assistant.figures.list_items import counted_in_lead_in, item_lead_in, item_text, lead_in
from qa_assistant.figures.masks import mask_dates, mask_numbers, masked_phrase
from qa_assistant.figures.number_subject import subject_for
from qa_assistant.figures.phrases import Phrase
from qa_assistant.figures.relative import EARLIER_PERIOD, shifted_like
from qa_assistant.figures.sentence import SentenceReading
from qa_assistant.figures.tables import unit_hint
from qa_assistant.figures.terms import BY_THE_NUMBER, WEEKLY, after_a_number, measure_terms
from qa_assistant.figures.value_lists import stands_bare
from qa_assistant.models import AsOf, Figure
from qa_assistant.text.numbers import Quantity

_PAST_AFTER = rf"(?:{EARLIER_PERIOD}|the\s+same\s+(?:time|period|point|quarter)\s+last\s+year|previously)\b"
# "520 last year" is last year's; "3.5%, which was lower than the same period last year" is compared with it
# (but "£2.1m on agency staff last year" is last year's: a preposition compares nothing, unless "from" a value)
_COMPARED_WITH = (
    r"(?:than|compared|against|versus|vs|up|down|higher|lower|more|fewer|less|since|from(?=\s+£?\d))\b"
)
_COMPARING = rf"(?:on\b|from\b|{_COMPARED_WITH})"  # the further reach also stops at any "on" or "from"
_RELATIVE_PAST = re.compile(rf"^\W{{0,3}}(?:(?!{_COMPARED_WITH})\w+\s+){{0,4}}?{_PAST_AFTER}", re.I)
# "This is compared to 1372 children in care in the last quarter": the value compared with may name its own
# words first, further on (none comparing it in turn)
_COMPARED_TO = re.compile(r"\b(?:compared\s+(?:to|with)|against|versus|vs)\s*$", re.I)
_CHANGE_RIGHT_BEFORE = re.compile(r"\b(?:by|a\s+further|an\s+extra|an\s+additional)\s*(?:£)?$", re.I)
_RELATIVE_PAST_FAR = re.compile(rf"^\W{{0,3}}(?:(?!{_COMPARING})\w+\s+){{0,6}}?{_PAST_AFTER}", re.I)
# "consistent with the year before (17 adopted and 16 placed)", "the previous year's figure of 520", "during the
# same quarter last year was 402": an earlier period's, named just before it or before its brackets ("last year"
# only as a possessive: "Last year 16 children were adopted" reports that count, not a change's earlier value)
_RELATIVE_PAST_BEFORE = re.compile(
    r"(?:\b(?:the\s+)?(?:year|quarter|month)\s+before|\b(?:the\s+)?(?:previous|prior|preceding)\s+(?:year|quarter|"
    r"month|period)(?:['’]s)?|\blast\s+year['’]s|\ba\s+year\s+(?:earlier|before|ago)|"
    r"\bsame\s+(?:period|quarter|month|time|point|date)\s+(?:last\s+year|a\s+year\s+(?:earlier|before|ago)|"
    r"(?:of\s+)?the\s+(?:previous|prior|preceding)\s+year))"
    r"(?:\s+(?:figure|total|number))?\s*(?:of|was|were|at|with|:)?\s*\(?\s*$",
    re.I,
)
# "there are now 1,923", "Currently, 377 children": the marker may be set off by its own comma
_NOW_BEFORE = re.compile(
    r"\b(?:now|current|currently|at present|presently|today|to date)\b,?(?:(?!\b(?:was|were|had)\b)[^.;:,]){0,40}$",
    re.I,
)  # "There are now 1,923 ...", "The cost of current external placements is £8.622m"
# "the number of beds ... has increased from eight to 46": where a present-perfect change has brought it, now
_PERFECT_TO = re.compile(
    r"\b(?:has|have)\s+(?:now\s+)?(?:increased|risen|grown|gone\s+(?:up|down)|fallen|decreased|dropped|"
    r"reduced|doubled|trebled|tripled)\b(?:(?!\b(?:was|were|had)\b)[^.;:]){0,40}\bto\s*(?:£)?$",
    re.I,
)
# "In Year 9, 8 pupils had been permanently excluded", "For girls, 20 ...": a clause opened by the group it
# counts within (a school year, key stage, age band, sex or school phase) is a part of a breakdown by it
_GROUP_LEAD = re.compile(
    r"[\s•·*–-]*(?:in|for|among|amongst|of)\s+(?:the\s+)?(?P<group>(?:year|yr)\s*\d{1,2}|"
    r"(?:key\s+stage|ks)\s*\d|reception|nursery|(?:boys|girls|males|females|primary|secondary)"
    r"(?:\s+(?:pupils|schools|children|phase))?|(?:those\s+)?aged\s+\d{1,2}(?:\s*(?:-|–|to)\s*\d{1,2})?|"
    r"under[-\s]\d{1,2}s?|\d{1,2}\s*(?:-|–|to)\s*\d{1,2}[-\s]year[-\s]olds)\s*,\s*",
    re.I,
)
_CLAUSE_CHARS = 120  # how far either side of a number its clause's words are read when its phrase cannot be


def from_prose(
    r: SentenceReading,
    q: Quantity,
    phrase: Phrase,
    previous: Quantity | None,
    next_start: int,
    implied: str = "",
) -> Figure | None:
    """The figure of a number in running text, given its phrase and the measure it shares (implied), if any."""
    text = r.text
    previous_end = previous.end if previous is not None else r.sentence[0]
    kind = _prose_kind(r, q, previous_end, next_start)
    others = [x.start for x in r.qs if x is not q]
    phrase_end = phrase.end if phrase.found and phrase.start >= q.end else -1
    subject = subject_for(text, q.start, q.end, r.sentence, r.mentions, others, r.default, phrase_end)
    as_of = _prose_as_of(r, q, kind, others)
    phrase_text = text[phrase.start : phrase.end] if phrase.found else ""
    if phrase.found and phrase.end <= q.start and BY_THE_NUMBER.match(text, phrase.end, q.start):
        phrase_text = text[phrase.start : q.start]  # "is over budget by | £2.3m": the "by" says what it is of
    hint = unit_hint(phrase_text) if phrase.how in ("label", "heading", "inherited", "backward") else None
    if (
        phrase.how == "inherited"
        and hint is None
        and previous is not None
        and previous.unit == "per_10000"
        and stands_bare(text, q.end)  # not "98 per 10,000 and 310 children"
    ):
        hint = previous.unit  # "65 children in every 10,000, while Stockton's is 66": the same rate
    unit, value, high = unit_of(q, hint)
    quote_start = asof_rules.quote_start_for(r.ctx, q.start, r.sentence[0], as_of.basis)
    context = " ".join(x for x in (_colon_label(r, phrase), implied) if x)
    layout, end = _layout(phrase), r.sentence[1]
    facts = NumberFacts(
        phrase, phrase_text, context, unit, value, high, subject, kind, as_of, layout, quote_start, end
    )
    if phrase.found and phrase.how in ("label", "heading", "inherited"):
        facts = _under_item_lead_in(text, phrase, facts)
    clause_start = max(previous_end, text.rfind("\n", max(0, q.start - _CLAUSE_CHARS), q.start) + 1)
    group = _GROUP_LEAD.fullmatch(text, clause_start, q.start)
    if group and phrase.found and phrase.start >= q.end:
        facts = replace(facts, group=" ".join(group.group("group").split()))
    if not context and not measure_terms(masked_phrase(r, phrase, phrase_text)):
        lead = lead_in(r, q)
        if lead is not None:  # "Vacancy rates in September 2023" / "• Hartlepool Council: 0.7%"
            return _under_lead_in(r, q, facts, lead, hint)
        clause = _clause_words(r, q, previous_end, next_start, previous is not None)
        return figure(r, q, replace(facts, context=clause, layout="prose", concept_from_context=False))
    return figure(r, q, facts)


def _past_before(r: SentenceReading, q: Quantity) -> bool:
    """Whether the words just before the number, or before the brackets it sits in, name an earlier period."""
    before = r.text[max(r.sentence[0], q.start - 60) : q.start]
    bracket = before.rfind("(")
    m = _RELATIVE_PAST_BEFORE.search(before) or (
        _RELATIVE_PAST_BEFORE.search(before[: bracket + 1])
        if bracket >= 0 and ")" not in before[bracket:]
        else None
    )
    # "the year before (2018/19: 17)": a date written between them says which period it is
    return m is not None and not re.search(r"\b(?:19|20)\d{2}\b", before[m.start() :])


def _under_item_lead_in(text: str, phrase: Phrase, facts: NumberFacts) -> NumberFacts:
    """A value named by a list item ("ii. Mainstream in-house") is read with the colon line heading its list
    ("c. Total number of carer households as of today:"): its words support a question's, never narrow it,
    and what it says is counted (carer households, or children placed) is what the value counts."""
    lead = item_lead_in(text, phrase.start)
    if not lead:
        return facts
    words = " ".join(mask_numbers(mask_dates(item_text(lead))).split())
    context = " ".join(x for x in (facts.context, words) if x)
    return replace(facts, context=context, counted=counted_in_lead_in(lead))


def _layout(phrase: Phrase) -> str:
    """A figure named by a label or heading is laid out as a label; any other as prose."""
    return "label" if phrase.how in ("label", "heading") else "prose"


def _prose_kind(r: SentenceReading, q: Quantity, previous_end: int, next_start: int) -> str:
    """A part of the number before it (or of the list's heading), else what its clause's words say it is; a
    list item's change ("· The number of children on a plan has dropped by 15%", "a further 25") is no part."""
    kind = kind_of(r.text, q, r.sentence, previous_end, next_start)
    said_by = _CHANGE_RIGHT_BEFORE.search(r.text[max(0, q.start - 14) : q.start])
    if q.start in r.parts or (r.list_part and q is r.qs[0] and not (kind == CHANGE and said_by)):
        return PART
    return kind


def _prose_as_of(r: SentenceReading, q: Quantity, kind: str, others: list[int]) -> AsOf:
    """The number's date from its sentence, unless it is said to be last year's (not a change up to now)."""
    as_of = asof_rules.as_of(r.ctx, q, r.sentence, others)
    # "520 last year" is as of last year; "down 14.2% on the same point last year" is a change up to now
    after = r.text[q.end : min(r.sentence[1], q.end + 60)]
    compared = _COMPARED_TO.search(r.text, max(r.sentence[0], q.start - 20), q.start)
    past_after = (_RELATIVE_PAST_FAR if compared else _RELATIVE_PAST).match(after)
    base = (
        _shifted_base(r, q, as_of, after[: past_after.end() + 4]) if past_after and kind != "change" else None
    )
    if base is not None:
        as_of = base
    elif kind != "change" and ((past_after and as_of.basis != "stated") or _past_before(r, q)):
        as_of = AsOf(label="an earlier period (not stated exactly)", basis="earlier")
    elif kind == "change" and as_of.basis == "stated":
        own = asof_rules.change_from_anothers_date(r.ctx, q, r.sentence, others)
        as_of = own or asof_rules.change_end(r.ctx, q, r.sentence, as_of)
    elif as_of.basis == "unknown" and (
        _NOW_BEFORE.search(r.text[max(r.sentence[0], q.start - 55) : q.start])
        or _PERFECT_TO.search(r.text[max(r.sentence[0], q.start - 70) : q.start])
    ):
        # "There are now 1,923 looked-after children": as of the paper's own date, whatever that is
        as_of = AsOf(label="now, as the paper was written (it gives no date)", basis="current")
    elif as_of.basis in ("title", "meeting date", "unknown") and _OF_THESE.match(r.text, r.sentence[0]):
        # "... received 18 complaints in 2017/18. Of the complaints 12 were resolved at stage one": the part is
        # as of the whole the sentence before dated
        as_of = _previous_sentence_date(r) or as_of
    return as_of


# "358 children at the end of Q4 2024-25 - down from 376 at the end of the previous three months": the value a
# comparison starts from, said to be of the period before the one the sentence states, is that earlier period's
_BASE_BEFORE = re.compile(r"\b(?:from|than|compared\s+(?:to|with)|against|versus|vs\.?)\s*(?:£)?$", re.I)


def _shifted_base(r: SentenceReading, q: Quantity, as_of: AsOf, past_words: str) -> AsOf | None:
    """The stated date moved back by the words after the number ("the previous quarter"), when the number is
    what a comparison starts from and those words (or a bracket after them) name no date of their own; an
    earlier period, not said exactly, when the words do not count in the stated period's length."""
    if as_of.basis != "stated" or not as_of.known or re.search(r"\d", past_words):
        return None
    if not _BASE_BEFORE.search(r.text, max(r.sentence[0], q.start - 25), q.start):
        return None
    assert as_of.start is not None and as_of.end is not None
    moved = shifted_like(past_words, as_of.start, as_of.end)
    if moved is None:  # "in February 2024 ... down from 376 at the end of the previous quarter": not when
        return AsOf(label="an earlier period (not stated exactly)", basis="earlier")
    return AsOf(start=moved.first, end=moved.last, label=moved.label, basis="stated")


_OF_THESE = re.compile(r"\W*of\s+(?:these|those|them|which|the\s+[a-z]+s)\b", re.I)


def _previous_sentence_date(r: SentenceReading) -> AsOf | None:
    """The last date the sentence before states; when that one too opens "Of the complaints ...", the one before
    it (a few steps back at most)."""
    starts = r.ctx.sentence_starts
    k = bisect.bisect_right(starts, r.sentence[0]) - 1  # this sentence
    for before, end in list(zip(starts[max(0, k - 3) : k], starts[max(1, k - 2) : k + 1]))[::-1]:
        lo, hi = bisect.bisect_left(r.ctx.date_starts, before), bisect.bisect_left(r.ctx.date_starts, end)
        dates = [d for d in r.ctx.dates[lo:hi] if d.end <= end]
        if dates:
            return asof_rules.stated_as_of(dates[-1])
        if not _OF_THESE.match(r.text, before):
            return None
    return None


def _under_lead_in(
    r: SentenceReading, q: Quantity, facts: NumberFacts, lead: tuple[int, int], hint: str | None
) -> Figure:
    """A value labelled only by whose it is or which band, read under the line that introduces its list."""
    as_of = facts.as_of
    lead_text = r.text[lead[0] : lead[1]]
    context = " ".join(mask_numbers(mask_dates(lead_text)).split())
    unit, value, high = unit_of(q, hint or unit_hint(lead_text) or _money_asked(lead_text))
    if unit == "gbp" and WEEKLY.search(lead_text):
        unit = "gbp_per_week"  # "The weekly fostering allowances are:" / "16+ £247.67"
    if as_of.basis not in ("stated", "table"):
        dated = _lead_in_date(r, lead)
        if dated is not None:
            as_of = dated
    quote_start = min(facts.quote_start, lead[0])  # the citation shows the line that says what the list is
    lead_facts = replace(
        facts, context=context, unit=unit, value=value, high=high, as_of=as_of, quote_start=quote_start
    )
    return figure(r, q, lead_facts)


def _money_asked(lead_text: str) -> str | None:
    """ "What is your annual spend on in-house fostering?" above "• 2018/19: 1,499,305": the bare values of a
    list whose lead-in names a concept only ever reported in money (the catalogue's units) are pounds."""
    named = match_concept(measure_terms(lead_text))
    return "gbp" if named is not None and all(u.startswith("gbp") for u in named.concept.units) else None


def _lead_in_date(r: SentenceReading, lead: tuple[int, int]) -> AsOf | None:
    """The date on a list's lead-in line, when it has exactly one: the date of every value in the list."""
    lo = bisect.bisect_left(r.ctx.date_starts, lead[0])
    hi = bisect.bisect_left(r.ctx.date_starts, lead[1])
    dates = [d for d in r.ctx.dates[lo:hi] if d.end <= lead[1]]
    if len(dates) == 1:
        return AsOf(start=dates[0].first, end=dates[0].last, label=dates[0].label, basis="heading")
    return None


def _colon_label(r: SentenceReading, phrase: Phrase) -> str:
    """ "Percentage of children in our care attending school: all children 86.5%, primary-aged 94.3%": the
    words before the colon say what every value after it measures."""
    if not phrase.found or phrase.how not in ("forward", "backward", "label"):
        return ""
    if phrase.how == "label" and measure_terms(masked_phrase(r, phrase, r.text[phrase.start : phrase.end])):
        return ""  # "England 70 per 10,000" after "the rates were:": the label only says whose
    head = r.text[r.sentence[0] : phrase.start]
    colon = head.rfind(":")
    if colon < 0:
        return ""
    label = mask_dates(re.sub(r"\([^)]*\)", " ", head[:colon]))
    return " ".join(label.split()) if 0 < len(label.split()) <= 24 and not re.search(r"\d", label) else ""


def _clause_words(
    r: SentenceReading, q: Quantity, previous_end: int, next_start: int, after_number: bool
) -> str:
    """A number whose own phrase could not be read ("With regards to foster placements not occupied, in
    quarter 4 there were 7"): the words of its clause, up to the numbers either side, as context. They can
    support a question's words but never stand as the figure's own phrase, so they add no extra condition."""
    left = r.text[max(previous_end, q.start - _CLAUSE_CHARS) : q.start]
    right = r.text[q.end : min(next_start, q.end + _CLAUSE_CHARS)]
    # after another number, the words before a comma are that number's ("83% (3,224) were held open on a
    # child in need basis, 9% (355) ..."); at the start of a sentence they may say what this one counts
    left = re.split(r"[;:.!?\n,()]|\s[-–—]\s" if after_number else r"[;:.!?\n]|\s[-–—]\s", left)[-1]
    right = after_a_number(re.split(r"[;:.!?()\n,]|\s[-–—]\s|\s(?:and|but|while|whilst|whereas)\s", right)[0])
    return " ".join(mask_numbers(mask_dates(f"{left} {right}")).split())
