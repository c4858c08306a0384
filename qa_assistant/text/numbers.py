"""Find reported quantities in text: value as written, normalised value, unit, and exact span.

"1022" -> 1022 count; "£463,000" -> 463000 gbp; "£143.3 million", "£1.2m", "£450k" -> gbp; "86.5%", "86.5 per
cent" -> percent; "154.3 per 10,000" -> per_10000; "£800 per week" -> gbp_per_week; "£30,000 a year" -> gbp_per_year;
"14 months" -> months (a duration); "1.3 times more likely" -> multiple; "72-77" -> a range; "Twenty one" -> 21
(word_numbers.py). Numbers that are parts of dates, section numbers, times, phone numbers or ages are not
quantities. Linear in the text's length (bounded look-backs).
"""

from __future__ import annotations

import bisect
import re

from qa_assistant.text.contents import page_number_spans
from qa_assistant.text.not_quantities import not_a_quantity
from qa_assistant.text.ordinals import find_ordinals
from qa_assistant.text.quantity import MULTIPLE_AFTER, NOT_QUANTITY_AFTER, SPAN_OF, Quantity, in_dates
from qa_assistant.text.shares import find_shares
from qa_assistant.text.word_numbers import word_numbers

# "£239.5mill", "£4mln": news and FOI shorthand for million (lower case, written onto the number: "12 Mill Road")
_SCALE = {"k": 1e3, "thousand": 1e3, "bn": 1e9, "billion": 1e9} | dict.fromkeys(
    ("m", "million", "mn", "mill", "mil", "mln"), 1e6
)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALED = r"(?:[ ]?(?P<scale{n}>k|m|mn|bn|million|billion|thousand|(?<=\d)(?-i:mill|mil|mln))\b)?"
# "pounds 40,000": how some newspaper archives write the pound sign; "94,478.73 GBP": how procurement notices do
_HEAD = rf"(?P<cur>£|pounds[ ])?(?P<num>{_NUM})" + _SCALED.format(n="")
_CURRENCY_CODE = re.compile(r"[ ]?GBP\b")
_RANGE_TAIL = rf"(?:[ ]?(?:-|–|to)[ ]?(?P<cur2>£)?(?P<num2>{_NUM})" + _SCALED.format(n="2") + ")?"
# what a rate is per: "per 10,000", "per 100,000 residents", "per thousand women" (questions ask with these too)
PER_BASE = (
    r"10,000|100,000|1,000|10000|100000|1000|10k|"
    r"ten[ ]thousand|a[ ]hundred[ ]thousand|hundred[ ]thousand|thousand"
)
# "a rate of 59.7 children in care per 10,000": what a rate counts may stand between it and its base, but no
# word that starts another clause or compares it with something else
_RATE_WORD = (
    r"(?!(?:per|than|compared|against|versus|vs|was|were|is|are|has|have|had|from|to|while|whereas|but|"
    r"with|which|who|that|a|an|the)\b)[A-Za-z][A-Za-z'’-]*"
)
# "£4,500 per child, per week", "£52,000 a placement a year": what the amount is for each of, before its period
_EACH = r"child|young[ ]+person|person|placement|place|bed|pupil|family|household|carer|case|head"
_NOT_WHEN = r"(?![ ]+(?:earlier|ago|later)\b)"  # "a year earlier", "a week later": when, not how often
_FOR_EACH_ONE = rf"(?:[ ]+(?:per|a|an|each|for[ ]+each)[ ]+(?:{_EACH})(?:,(?=[ ]+per\b))?)?"
_UNIT_TAIL = (
    r"(?P<pct>[ ]?%|[ ]?per[ ]?cent\b|[ ]?percent\b|(?-i:pc)\b)?"  # "40pc": newspapers' per cent
    rf"(?P<rate>(?P<counted>(?:[ ]+{_RATE_WORD}){{0,4}}?)[ ]+(?:per|(?:out[ ]+of|of|in|for)[ ]+every|in"
    r"(?=[ ]+(?:10,000|100,000|10000|100000)\b))[ ]+"  # "67 in 10,000 youngsters": "every" may go unsaid
    rf"(?P<per>{PER_BASE})\b)?"
    rf"(?P<week>{_FOR_EACH_ONE}[ ]+(?:per|a|each)[ ]+(?:week|wk)\b{_NOT_WHEN})?"
    rf"(?P<year>{_FOR_EACH_ONE}[ ]+(?:per|a)[ ]+(?:year|annum)\b{_NOT_WHEN})?"
    # a hard line wrap may fall inside "12 / months" (text copied from a PDF or a web page)
    # "1.3 times more likely", "three times as many": a multiple of another figure, not a count
    rf"(?P<times>[ ]+{MULTIPLE_AFTER})?"
    rf"(?P<dur>[ ]*(?:\n[ ]*)?{SPAN_OF}?(?:days?|weeks?|months?|years?)\b(?![ -]*olds?\b))?"
)
_QUANTITY = re.compile(_HEAD + _RANGE_TAIL + _UNIT_TAIL, re.I)
# The same without a range, for "2020 to 629" where the would-be range is a date and a number.
_SINGLE = re.compile(_HEAD + r"(?P<cur2>)(?P<num2>)(?P<scale2>)" + _UNIT_TAIL, re.I)
_STARTS = re.compile(r"(?<![\w£.,])(?=£?\d|pounds[ ]\d)", re.I)


def rate_unit(per: str) -> str:
    """A rate's unit from its base: "10,000", "10k", "ten thousand" -> "per_10000" ("27.9 per thousand women")."""
    per = per.lower().replace(",", "").replace("10k", "10000").replace("a hundred", "hundred")
    return "per_" + (
        per.replace("hundred thousand", "100000").replace("ten thousand", "10000").replace("thousand", "1000")
    )


def parse_number(text: str) -> float:
    return float(text.replace(",", ""))


def _scaled(num: str, scale: str | None) -> float:
    return parse_number(num) * (_SCALE[scale.lower()] if scale else 1)


class _Lines:
    """Line starts of a text, for O(log n) 'start of this line' look-ups."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def start_of(self, pos: int) -> int:
        return self.starts[bisect.bisect_right(self.starts, pos) - 1]


def _value_end(m: re.Match[str]) -> int:
    return max(m.end(g) for g in ("num", "scale", "num2", "scale2") if m.group(g))


def _unit(m: re.Match[str]) -> tuple[str, int]:
    """Unit and the end of the value text (a count's trailing "per week" is not part of its value)."""
    code = _CURRENCY_CODE.match(m.string, _value_end(m))
    if m.group("cur") or code:
        if m.group("week"):
            return "gbp_per_week", m.end("week")
        if m.group("year"):
            return "gbp_per_year", m.end("year")
        return "gbp", code.end() if code else _value_end(m)
    if m.group("pct"):
        return "percent", m.end("pct")
    if m.group("rate"):
        return rate_unit(m.group("per")), m.end("rate")
    if m.group("times"):
        return "multiple", m.end("times")
    if m.group("dur"):
        word = m.group("dur").split()[-1].lower()
        return (word if word.endswith("s") else word + "s"), m.end("dur")
    return "count", _value_end(m)


def _counted_in_rate(m: re.Match[str], unit: str) -> tuple[int, int] | None:
    """Where the words between a rate and its base are ("59.7 children in care per 10,000"), if any."""
    if not unit.startswith("per_") or not m.group("counted").strip():
        return None
    start, end = m.span("counted")
    return start + len(m.group("counted")) - len(m.group("counted").lstrip()), end


_RANGING_FROM = re.compile(r"\b(?:rang\w*|var\w*|anywhere|aged|ages|between)\s+from\s+$", re.I)


def _changed_from(text: str, start: int, tail: int) -> bool:
    """ "increased from 450 to 500": a value and what it changed to, two figures; but "ranging from 10 to 20"
    and "aged from 16 to 18" are ranges."""
    before = text[max(0, start - 30) : start]
    return (
        bool(_FROM_BEFORE.search(before))
        and not _RANGING_FROM.search(before)
        and bool(re.search(r"\bto\b", text[start:tail]))
    )


# a change said in the past or present ("rose by", "increased last year by", "was going up by"), not an agent
# ("staffed by 3 to 12") nor a plan or a prospect, where ranges are usual ("aim to reduce by 5 to 20")
_BY_BEFORE = re.compile(
    r"\b(?:rose|risen|fell|fallen|grew|grown|dropped|increased|decreased|reduced|climbed|jumped|soared|"
    r"went\s+(?:up|down)|gone\s+(?:up|down)|going\s+(?:up|down)|(?:was|were|is|are|has|have|had)\s+(?:up|down))"
    r"(?:\s+[\w'’-]+){0,3}?\s+by\s+$",
    re.I,
)
# how far above the change the tail must be to be the level reached: "cut by 10 to 15" is a range of the change,
# "up by £12m to £99.2m" is not; with a rate, "rose by 2 to 10 per 10,000" may be a range, "by 2.1 to 65.4" is not
_TAIL_FAR = 3
_TAIL_FAR_WITH_UNIT = 10


def _changed_by_then_to(text: str, start: int, m: re.Match[str]) -> bool:
    """ "spending was going up by £12m to £99.2m": the change, then the level it reached (its tail far above its
    head), not a range."""
    if m.group("pct"):
        return False  # "increased by 1 to 15 per cent": a unit written once, after the tail, is the range's
    far = _TAIL_FAR_WITH_UNIT if m.group("rate") else _TAIL_FAR
    return bool(_BY_BEFORE.search(text, max(0, start - 60), start)) and _scaled(
        m.group("num2"), m.group("scale2") or m.group("scale")
    ) > far * _scaled(m.group("num"), m.group("scale"))


def find_quantities(text: str, date_spans: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Quantities in text order. date_spans (from dates.find_dates, in text order) mark digits of dates."""
    date_spans = sorted(date_spans or [])
    date_starts = [d[0] for d in date_spans]
    lines = _Lines(text)
    pages = page_number_spans(text)
    found: list[Quantity] = []
    covered = 0
    for start in _STARTS.finditer(text):
        if start.start() < covered:
            continue
        m = _QUANTITY.match(text, start.start())
        if m is None:
            continue
        if m.group("num2") and (
            in_dates(m.start("num2"), m.end("num2"), date_spans, date_starts)
            or _scaled(m.group("num2"), m.group("scale2") or m.group("scale"))
            <= _scaled(m.group("num"), m.group("scale"))
            or _changed_from(text, start.start(), m.start("num2"))
            or _changed_by_then_to(text, start.start(), m)
        ):
            # "2020 to 629", "rose from 450 to 500": not a range; take the first number alone
            m = _SINGLE.match(text, start.start())
        s = m.start()
        if in_dates(m.start("num"), m.end("num"), date_spans, date_starts):
            continue
        if any(ps <= m.start("num") < pe for ps, pe in pages):
            continue  # a page number in a table of contents
        if not_a_quantity(text, m.start("num"), m.end("num"), lines.start_of(s)):
            if m.group("num2"):
                covered = m.end("num2")  # "aged 19 to 21": the range's tail is an age too
            continue
        unit, e = _unit(m)
        if re.match(r"[A-Za-z]", text[e : e + 1]) and not m.group("dur"):
            continue  # "under 1s", "4x4", "10am": not a reported quantity
        if not (m.group("pct") or m.group("rate") or m.group("cur") or m.group("dur")) and (
            NOT_QUANTITY_AFTER.match(text, m.end("num")) or NOT_QUANTITY_AFTER.match(text, e)
        ):
            continue
        value = _scaled(m.group("num"), m.group("scale"))
        high = _scaled(m.group("num2"), m.group("scale2") or m.group("scale")) if m.group("num2") else None
        covered = e
        raw = text[s:e].rstrip()
        found.append(Quantity(s, s + len(raw), raw, value, high, unit, counted=_counted_in_rate(m, unit)))
    spans, starts = [(q.start, q.end) for q in found], [q.start for q in found]  # "12 per ten thousand": one
    found.extend(
        w
        for w in word_numbers(text, date_spans, date_starts)
        if not in_dates(w.start, w.start + 1, spans, starts)
    )
    spans, starts = [(q.start, q.end) for q in found], [q.start for q in found]
    found.extend(
        o for o in find_ordinals(text, date_spans, date_starts) if not in_dates(o.start, o.end, spans, starts)
    )
    for sh in find_shares(text):  # "three out of four", "a quarter of": one share, not two counts
        found = [q for q in found if q.end <= sh.start or q.start >= sh.end]
        found.append(Quantity(sh.start, sh.end, sh.text, sh.percent, None, "percent", written_as_words=True))
    found.sort(key=lambda q: q.start)
    return _ends_take_change_unit(text, _to_takes_from_unit(text, found))


_FROM_TO_GAP = re.compile(r"^\s*(?:to|down\s+to|up\s+to)\s*$", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
# rates and shares: written once after the last of several values, they are every value's unit
_CARRIED_UNITS = ("per_10000", "per_1000", "per_100000", "percent")


def changed_from_to(text: str, a_start: int, a_end: int, b_start: int) -> bool:
    """ "a fall from 13.3 per 10,000 to 11.7": the number at b_start is the value the number at a_start..a_end
    changed to (the two ends of one change, of one place and unit)."""
    return bool(
        _FROM_TO_GAP.match(text[a_end:b_start]) and _FROM_BEFORE.search(text[max(0, a_start - 8) : a_start])
    )


# "89.5 LAC per 10,000 children, falling to 84.4 in 2006-07": a rate moving on to a bare number
_MOVED_TO_GAP = re.compile(
    r"^(?:\s+[\w'’-]+){0,3}?,?\s+(?:falling|rising|dropping|increasing|decreasing|reducing|climbing|fell|rose|"
    r"dropped|increased|decreased|reduced|climbed)\s+(?:back\s+)?to\s*$",
    re.I,
)
# what may follow such a bare number: its date or the clause's end, not a noun of its own ("to 84 children")
_BARE_AFTER = re.compile(
    r"\s*(?:$|[,.;:)]|(?:in|at|by|on|during|for|and|as|last|this|compared|while|whilst|which|before|after)\b)",
    re.I,
)


def _to_takes_from_unit(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "fell from 13.3 per 10,000 to 11.7", "89.5 per 10,000 children, falling to 84.4 in 2006-07": a bare
    number right after "to" takes the rate or percentage the number it changed from was written in."""
    out = list(found)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        moved = _MOVED_TO_GAP.match(text[a.end : b.start])
        moved_on = (
            moved
            and _BARE_AFTER.match(text, b.end)
            and (a.unit != "percent" or b.value <= 100)
            and (b.value < a.value) == bool(re.search(r"fall|drop|decreas|reduc|fell", moved.group(0), re.I))
        )
        if (
            a.unit in _CARRIED_UNITS
            and b.unit == "count"
            and not b.written_as_words
            and (changed_from_to(text, a.start, a.end, b.start) or moved_on)
        ):
            out[i] = Quantity(b.start, b.end, b.text, b.value, b.value_high, a.unit)
    return out


# what stands between a change and the values it ran between, in one clause ("has risen by £113 per week over the
# same period, increasing from")
_THEN_FROM = re.compile(r"^[^.;:\d£]{0,80}\bfrom\s*$", re.I)


# the ends differ by the change itself ("by £113 ... from £1,851 to £1,964"), not a total's
_SAME_CHANGE = 0.02


def _ends_take_change_unit(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "has risen by £113 per week over the same period, increasing from £1,851 to £1,964": the two ends of a
    change written per week (or per year) are amounts per week too, though the unit is written only once."""
    out = list(found)
    for i in range(2, len(out)):
        change, a, b = out[i - 2], out[i - 1], out[i]
        if (
            change.unit in ("gbp_per_week", "gbp_per_year")
            and a.unit == b.unit == "gbp"
            and _THEN_FROM.match(text[change.end : a.start])
            and changed_from_to(text, a.start, a.end, b.start)
            and abs(abs(b.value - a.value) - change.value) <= _SAME_CHANGE * change.value
        ):
            out[i - 1] = Quantity(a.start, a.end, a.text, a.value, a.value_high, change.unit)
            out[i] = Quantity(b.start, b.end, b.text, b.value, b.value_high, change.unit)
    return out
