"""A threshold written many ways is one word: "three or more placements", "3 or more", "3+", "16-plus" and "at least
3" all read "3ormore", so a question and a paper that write it differently still share it, while "fewer than 3"
or a bare "3" do not. Read by terms.words, before a text is cut into words."""

from __future__ import annotations

import re

from qa_assistant.text.word_numbers import WORD_NUMBER, word_value

_N = rf"((?<![\d.,])\d+|{WORD_NUMBER.pattern})"  # not the "5" of "2.5"; a number in words ("three")
_OR_MORE = r"(?:\s+or\s+more\b|\+|[\s-]plus\b)"
_THRESHOLD = re.compile(rf"\bat\s+least\s+{_N}\b|\b{_N}{_OR_MORE}")
# a threshold starting where a phrase's walk stands ("47 had | three or more placement moves")
THRESHOLD_HERE = re.compile(rf"{_N}{_OR_MORE}", re.I)


def _one_word(m: re.Match[str]) -> str:
    n = m.group(1) or m.group(2)
    value = n if n.isdigit() else word_value(n)
    return f" {int(value) if value is not None else n}ormore "


def is_number_term(term: str) -> bool:
    """A term that is a number or a threshold ("16", "3ormore"): what a list line or an age must say too."""
    return term[:1].isdigit()


def thresholds_as_words(lowered: str) -> str:
    """Lower-cased text with each threshold written as one word ("3ormore")."""
    return _THRESHOLD.sub(_one_word, lowered)
