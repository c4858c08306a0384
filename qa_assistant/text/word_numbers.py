"""Numbers written as words ("Twenty one", "three per cent", "six weeks"): read apart from digits, which
numbers.py finds, because their shapes and exceptions ("one carer", "three or four", "stage two") differ.
"""

from __future__ import annotations

import re

from text_to_num import text2num

from qa_assistant.text.not_quantities import ratio_part
from qa_assistant.text.quantity import MULTIPLE_AFTER, NOT_QUANTITY_AFTER, SPAN_OF, Quantity, in_dates

_WORD_UNITS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen"
)
_WORD_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORD_BELOW_100 = rf"(?:(?:{_WORD_TENS})(?:[\s-](?:{_WORD_UNITS}))?|(?:{_WORD_UNITS}))"
WORD_NUMBER = re.compile(rf"\b{_WORD_BELOW_100}(?:\s+hundred(?:\s+and\s+{_WORD_BELOW_100})?)?\b", re.I)
_WORD_NOT_QUANTITY = {"one"}  # "one" is nearly always an article-like use ("one carer", "one third")


def word_value(phrase: str) -> float | None:
    """The value of a number written in words ("Twenty-one" -> 21.0), None when it is not one."""
    try:
        return float(text2num(phrase.lower().replace("-", " ").replace(" and ", " "), "en"))
    except ValueError:
        return None


def word_numbers(text: str, date_spans: list[tuple[int, int]], date_starts: list[int]) -> list[Quantity]:
    out: list[Quantity] = []
    for m in WORD_NUMBER.finditer(text):
        phrase = m.group(0)
        if (
            phrase.lower() in _WORD_NOT_QUANTITY
            or NOT_QUANTITY_AFTER.match(text, m.end())
            or ratio_part(text, m.start(), m.end())
        ):
            continue
        if in_dates(m.start(), m.end(), date_spans, date_starts) or re.search(
            r"(?<!\bup )\b(?:or|to)\s+$", text[max(0, m.start() - 7) : m.start()]
        ):  # "three or four", "two to three"; but "up to three" is a cap, as "up to 3" is
            continue
        times = re.match(rf"\s+{MULTIPLE_AFTER}", text[m.end() : m.end() + 30], re.I)
        if re.match(r"\s+(?:or|to)\s+\w+", text[m.end() : m.end() + 20]) or (
            not times
            and re.match(r"\s+(?:third|quarter|half|fifth|times)", text[m.end() : m.end() + 12], re.I)
        ):
            continue  # "three or four", "one third", "three times a week": vague, not a reported figure
        if re.search(
            r"\b(?:quarter|phase|stage|tier|level|(?<!last )(?<!this )(?<!next )(?<!each )(?<!every )year|key stage|"
            r"option|page|item)\s+$",
            text[max(0, m.start() - 12) : m.start()],
            re.I,
        ):
            continue  # "quarter two", "stage three"
        value = word_value(phrase)
        if value is None:
            continue
        if times:  # "three times more likely"
            end = m.end() + times.end()
            out.append(Quantity(m.start(), end, text[m.start() : end], value, None, "multiple", True))
            continue
        dur = re.match(
            rf"\s+{SPAN_OF}?(days?|weeks?|months?|years?|per\s?cent)\b",
            text[m.end() : m.end() + 20],
            re.I,
        )
        if dur:
            word = dur.group(1).lower()
            end = m.end() + dur.end()
            out.append(Quantity(m.start(), end, text[m.start() : end], value, None, _word_unit(word), True))
            continue
        out.append(Quantity(m.start(), m.end(), phrase, value, None, "count", True))
    return out


def _word_unit(word: str) -> str:
    """The unit a word number's next word gives it: "four per cent" a percentage, "six weeks" a duration."""
    if word.startswith("per"):
        return "percent"
    return word if word.endswith("s") else word + "s"
