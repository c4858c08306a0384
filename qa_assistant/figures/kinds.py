"""What kind of figure a number is: a level, a change, a target, a forecast, or a part of a breakdown.

Only levels join a timeline and answer "how many"; a change answers "by how much did it increase", a
target "what is the target", a forecast says so in the answer. Cues are plain-English word lists
(data/lexicon.json) read in a short window around the number, never past another number.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.figures.asof_spans import HEDGE
from qa_assistant.figures.change_cues import changed_by_words_before
from qa_assistant.figures.terms import lexicon, phrase_pattern
from qa_assistant.text.quantity import DURATION_UNITS, Quantity
from qa_assistant.text.stemming import stem

LEVEL, CHANGE, TARGET, FORECAST, PART, LIMIT = "level", "change", "target", "forecast", "part", "limit"
_BEFORE_CHARS = 45
_AFTER_CHARS = 40
_HEDGE = rf"(?:\s+(?:(?:more|less|fewer)\s+than|{HEDGE}))?"  # "rise by more than 300%"


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    lx = lexicon()
    return {
        # "rise by more than 300%": a hedge between the cue and the number leaves it a change
        "change_before": re.compile(
            phrase_pattern(lx["change_cues_before"]).pattern + _HEDGE + r"\s*(?:£)?$", re.I
        ),
        "change_after": re.compile(r"^\s*(?:\)\s*)?" + phrase_pattern(lx["change_cues_after"]).pattern, re.I),
        "target": phrase_pattern(lx["target_cues"]),
        "forecast": phrase_pattern(lx["forecast_cues"]),
        # a forecast's verb before "to reach" ("is forecast to reach", "projected to hit"), not one the lexicon
        # gives as an aim ("expected to reach"), nor before a target named ("forecast to reach the target of 40")
        "forecast_to": re.compile(
            rf"\b(?:{'|'.join(_forecast_verbs(lx))})\s+to\s+(?:reach|hit|total|be)\b"
            r"(?:(?!\b(?:target|ambition|goal|aim)s?\b)[^.;:\d]){0,20}$",
            re.I,
        ),
        "threshold_before": re.compile(phrase_pattern(lx["threshold_cues"]).pattern + r"\s*$", re.I),
    }


def _forecast_verbs(lx: dict) -> list[str]:
    return [
        re.escape(w) for w in lx["forecast_cues"] if " " not in w and f"{w} to reach" not in lx["target_cues"]
    ]


def _window_before(text: str, q: Quantity, clause_start: int, previous_end: int) -> str:
    return text[max(clause_start, previous_end, q.start - _BEFORE_CHARS) : q.start]


def _window_after(text: str, q: Quantity, clause_end: int, next_start: int) -> str:
    return text[q.end : min(clause_end, next_start, q.end + _AFTER_CHARS)]


def kind_of(text: str, q: Quantity, clause: tuple[int, int], previous_end: int, next_start: int) -> str:
    """Level unless a change, target or forecast cue sits next to the number in its clause. A multiple ("1.3
    times more likely") compares two groups: its "more" is no change."""
    if q.unit == "multiple":
        return LEVEL
    before = _window_before(text, q, clause[0], previous_end)
    after = _window_after(text, q, clause[1], next_start)
    cues = _cues()
    head = text[clause[0] : q.start][-300:]
    if _AIM_TO.search(head) or _TARGETS_LISTED.search(head):
        return TARGET
    if re.search(r"\bup\s+to\s*$|\bdown\s+to\s*$", before, re.I):
        return LEVEL
    if (
        cues["change_before"].search(before)
        or cues["change_after"].match(after)
        or changed_by_words_before(text, q, max(clause[0], previous_end))
    ):
        return CHANGE
    if cues["forecast_to"].search(before):
        return FORECAST  # "the deficit was forecasted to reach £13.3m": where it is heading, not an aim
    if (cues["target"].search(before) and not re.search(r"\bno\s+targets?\b", before, re.I)) or re.match(
        r"^\s*(?:\)\s*)?(?:target|ambition|goal)\b", after, re.I
    ):
        return TARGET
    near_after = " ".join(_before_next_value(after, text, q, next_start).split()[:3])
    if _CURRENT_RIGHT_BEFORE.search(before):
        return LEVEL
    if cues["forecast"].search(before) or cues["forecast"].search(near_after):
        return FORECAST
    return LEVEL


def _before_next_value(after: str, text: str, q: Quantity, next_start: int) -> str:
    """The words after a number that are its own: "from £27.3m to a forecast £38.4m" - a forecast cue right
    before the next value is that value's."""
    if q.end + len(after) < next_start:
        return after
    cue = _cues()["forecast"]
    last = next((m for m in reversed(list(cue.finditer(after))) if not after[m.end() :].strip(" £$")), None)
    return after[: last.start()] if last else after


# "it was forecast that the current active 76 placements would cost £14.4m": a number said to be current right
# before it is a level, whatever the clause forecasts (prose_figures' _NOW_BEFORE, reaching further, dates it)
_CURRENT_RIGHT_BEFORE = re.compile(r"\b(?:current|currently|now)\s+(?:[a-z]+\s+)?$", re.I)
_SHARE_OF = re.compile(r"\s*of\s+(?:the|this|that|these|those|our|its|their)\s+(?!total\b)", re.I)


# "Our priorities are: - to reduce personal adviser caseloads to 20": a number an aim is to reach
_AIM_TO = re.compile(
    r"(?:^|[;:•·–-]\s*|\b(?:aim|aims|plan|plans|priority|priorities|ambition|seek|seeks|want|wants|"
    r"intend|intends|objective|commitment|committed)\s+(?:is\s+|are\s+)?)to\s+(?:reduce|increase|"
    r"raise|improve|lower|bring\s+down|bring|get|cut|grow|halve|double|recruit|reach)\b[^.;:]*\bto\s*$",
    re.I,
)


# "asked to agree the following targets for 2024/25: re-referrals 21%; caseloads 17": each item is a target
_TARGETS_LISTED = re.compile(r"\b(?:targets|ambitions|goals|aims|trajectories)\b[^:;.]{0,80}:[^:]*$", re.I)


def share_of_whole(text: str, q: Quantity) -> bool:
    """ "£5.4m of the overspend", "20 of the children": an amount or count that is part of a whole named after it
    (a percentage "of the children" is the usual way to state a rate, not a part)."""
    return q.unit != "percent" and bool(_SHARE_OF.match(text, q.end))


def is_threshold(text: str, q: Quantity, clause_start: int) -> bool:
    """A duration that defines a measure rather than reports one ("within 26 weeks", "for 2 years", "aged 16")."""
    if q.unit not in DURATION_UNITS:
        return False
    before = text[max(clause_start, q.start - 25) : q.start]
    if re.search(r"\b(?:age|aged|ages)\s+(?:of\s+)?(?:up\s+to\s+)?$", before, re.I) or _limit_is(text, q):
        return True  # an age, or "The statutory time limit is 20 working days"
    moved = _moved_to(before) or _from_then_to().search(text, max(0, q.start - 100), q.start)
    if moved and not _SET_LIMIT.search(text, max(0, q.start - 100), q.start):
        return False
    return not re.search(
        r"\b(?:average|averaged|averaging|mean|median|took|takes|taking|was|were|is|are|of)\s*$", before, re.I
    )


# "rising from 435 days, as of April 2018, to 446 days", "from 40 weeks to 34 weeks", "reduced from 58 to 52 weeks":
# a movement's end (a unit-less start only after a verb of movement: "last from 2 to 4 weeks" is a span)
@lru_cache(maxsize=1)
def _from_then_to() -> re.Pattern[str]:
    moves = phrase_pattern(lexicon()["trend_moves"]).pattern  # the lexicon's verbs of movement
    return re.compile(
        rf"\bfrom\s+(?:{HEDGE}\s+)?\d[\d,.]*\s+[a-z]+\b[^.;:]{{0,40}}?,?\s+to\s*$|"
        rf"{moves}\s+from\s+(?:{HEDGE}\s+)?\d[\d,.]*\s+to\s*$",
        re.I,
    )


def _limit_is(text: str, q: Quantity) -> bool:
    """ "The statutory time limit is 20 working days": the number is what its clause's subject, a limit
    (lexicon limit_words), is; not "The average time taken against the statutory timescale was 31 days"."""
    start = max(0, q.start - 80)
    clause = max(text.rfind(c, start, q.start) for c in ".;:\n") + 1  # 0: no clause start within reach
    return (clause > 0 or start == 0) and bool(_limit_is_pattern().fullmatch(text, clause, q.start))


@lru_cache(maxsize=1)
def _limit_is_pattern() -> re.Pattern[str]:
    limits = phrase_pattern(lexicon()["limit_words"]).pattern
    return re.compile(
        rf"\s*(?:the|a|its|our|their)?\s*(?:(?:statutory|legal|maximum|agreed|national|new)\s+)?{limits}"
        r"(?:\s+for\s+[^.;:]{0,40}?)?\s+(?:is|are|was|were)\s+",
        re.I,
    )


_MOVE_THEN_TO = re.compile(r"\b([a-z]+)\s+(?:to|from|at)\s*$", re.I)
# "The timescale for care proceedings was reduced to 26 weeks": a limit set, not a value reported (within the
# sentence: no sentence end between the word and the number)
_SET_LIMIT = re.compile(
    r"\b(?:timescales?|time\s+limits?|deadlines?|targets?|eligibility|limits?|allowed|maximum|entitlement)\b"
    r"[^.;:\n]*$",
    re.I,
)


def _moved_to(before: str) -> bool:
    """ "predicted to fall to 26 weeks", "down from 60 weeks", "stood at 31 weeks": a movement's end or start is
    the value reported, not a limit that defines the measure."""
    m = _MOVE_THEN_TO.search(before)
    if not m or re.search(r"\bup\s+to\s*$", before, re.I):  # "placements of up to 12 weeks" is a limit
        return False
    if m.group(1).lower() in ("up", "down") and not re.search(r"\b(?:up|down)\s+from\s*$", before, re.I):
        return False  # "followed up at 6 months": only "down from 60 weeks" is a movement's start
    return stem(m.group(1).lower()) in move_stems()


@lru_cache(maxsize=1)
def move_stems() -> frozenset[str]:
    """The stems of the lexicon's movement words ("fell", "rising", "up", "down"), stop words among them: how a
    trend strings its values (trend_chains), and what a duration a movement reaches follows."""
    return frozenset(stem(w) for w in lexicon()["trend_moves"])


_PARENT_BREAKDOWN = re.compile(
    r"\b(?:of\s+(?:the|these|those|whom|which)|breakdown|broken\s+down|as\s+follows|"
    r"including|comprising|made\s+up\s+of|split)\b[^.]*:-?\s*$",
    re.I,
)


def breakdown_heading(sentence_text: str) -> bool:
    """A sentence that introduces the parts of a total ("of the 156 foster carers:-", "broken down as follows:")."""
    return bool(_PARENT_BREAKDOWN.search(sentence_text))


_OUT_OF = re.compile(r"^\s*(?:out\s+of|of(?:\s+the)?|in)\s*(?:a\s+total\s+of\s+)?$", re.I)


def fractions(text: str, qs: list[Quantity]) -> set[int]:
    """ "235 out of 248 foster carers", "24 of the 156": the first number is a part of the second."""
    return {
        a.start
        for a, b in zip(qs, qs[1:])
        if a.unit == b.unit == "count" and _OUT_OF.match(text[a.end : b.start]) and a.value <= b.value
    }


_PART_SAID_AFTER = re.compile(r"\s*of\s+(?:whom|which|them|these|those)\b", re.I)


def parts_after(text: str, counts: list[Quantity]) -> set[int]:
    """Starts of counts that break down the count before them in the same sentence: "24 carers were
    de-registered – 16 mainstream and 8 connected" or "41 approved (22 mainstream and 19 connected)"."""
    parts: set[int] = set()
    for i, head in enumerate(counts):
        j = i + 1
        if j >= len(counts):
            break
        opener = text[head.end : counts[j].start]
        # "621 children in care, 85 of whom were placed out of area": the part may say so after itself
        said_after = _PART_SAID_AFTER.match(text, counts[j].end) and re.search(r",\s*$", opener)
        if not said_after and not re.search(
            r"\(|\s[-–—]\s|:\s*$|\bof\s+(?:whom|which)\b|\bincluding\b", opener, re.I
        ):
            continue
        if re.search(r"[.;]", opener):
            continue
        run = [counts[j]]
        for k in range(j + 1, len(counts)):
            gap = text[counts[k - 1].end : counts[k].start]
            if re.search(r"\)|[.;]|\s[-–—]\s", gap) or len(gap) > 60 or counts[k].unit != head.unit:
                break
            if not re.search(r",|\band\b|/", gap):
                break
            run.append(counts[k])
        introduced = (
            len(run) >= 2 or said_after or re.search(r"\bof\s+(?:whom|which)\b|\bincluding\b", opener, re.I)
        )
        if introduced and all(p.unit == head.unit for p in run):
            parts.update(p.start for p in run)
    return parts | fractions(text, counts)


# "Of the £16.7 million of savings aimed for, £6.5 million had so far been delivered", "Of the 156 foster
# carers, 24 were connected carers": a sentence that opens on a whole
_OPENS_ON_WHOLE = re.compile(
    r"\s*of\s+(?:the|these|those|our|its|their|this|all)?\s*(?:total\s+(?:of\s+)?)?", re.I
)


def part_of_opening_whole(text: str, sentence_start: int, counts: list[Quantity]) -> set[int]:
    """The start of the number right after the clause a sentence opens on a whole with: a part of that whole
    (it counts what the whole counts, not what its own few words say)."""
    if len(counts) < 2:
        return set()
    head, part = counts[0], counts[1]
    m = _OPENS_ON_WHOLE.match(text, sentence_start)
    if not m or m.end() != head.start or part.unit != head.unit:
        return set()
    gap = text[head.end : part.start]
    # the whole's clause ends at its first comma, and the part opens the main clause
    comma = gap.find(",")
    if comma < 0 or gap[comma + 1 :].strip() or re.search(r"[.;:()]", gap):
        return set()
    return {part.start}
