"""Words to comparable terms: lower-cased, synonyms mapped, stop words dropped, Snowball-stemmed.

A question and a figure's phrase are compared as sets of these terms, so "looked-after children" and
"children looked after" agree, and "kids" is "child". The word lists are data (data/lexicon.json); this
module only applies them. Pure Python and fast: it runs on every figure at index time.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache

from rapidfuzz import fuzz

from qa_assistant.figures.asof_spans import HEDGE
from qa_assistant.figures.thresholds import thresholds_as_words
from qa_assistant.settings import DATA_DIR, weight
from qa_assistant.text.stemming import stem

LEXICON_PATH = DATA_DIR / "lexicon.json"
# "we", "our", "us": the council speaking for itself
FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.I)
# "while", "whilst", "whereas": the words that set one clause against the next (a regex alternation)
CONTRAST = r"while|whilst|whereas"
# nouns that stand for a measure named before ("on that measure", "this figure"), in the back-reference readers
REFERRING_NOUNS = r"measure|indicator|metric|figure|number|rate|score|total"
_TOKEN = re.compile(r"[a-z0-9£%]+(?:[-'][a-z0-9]+)*")
_GLUED_FOOTNOTE = re.compile(r"(?<=[a-z]{4})\d{1,2}$")
_IRREGULAR_PLURALS = {"children", "people", "women", "men"}
_JOINED_PREFIXES = {"re", "de", "co", "pre", "non", "sub", "post", "mid", "multi", "inter", "self"}


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(LEXICON_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(lexicon()["stopwords"])


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, str]:
    return {k.lower(): v.lower() for k, v in lexicon()["word_synonyms"].items()}


# a phrase is read as its other wording only for the amount it is said of, written right before it, after "by", or
# as the words read after a figure's number ("went £2m over budget", "is over budget by £5.3m"; not "an outturn of
# £125.3m is over budget", "clashed over the budget"), and where it ends the clause or a linking word follows
_PHRASE_ENDS = (
    r"(?=\s*(?:[.,;:)!?'\"”]|$)|\s+(?:by|and|or|but|in|for|this|last|at|on|again|which|because|due|after|so|"
    r"with|during|until|to|as|despite|although|while|whilst)\b)"
)
_AMOUNT_BEFORE = re.compile(r"\d(?:[\d,.]*\d)?\s?(?:k|m|bn|million|billion)?\s+$", re.I)
# a question says it of what it asks after a verb of going ("did the service go over budget?"); a paper's
# "costs of £6.2m were over budget" does not make the £6.2m an overspend
_GOING_BEFORE = re.compile(
    r"\b(?:go|goes|going|gone|went|run|runs|running|ran|come\s+in|came\s+in|is|was|are|were|be|been)\s+$",
    re.I,
)
# "over budget by (around) £5.3m" and "is over budget by (around) | £2.3m" (the words before a figure's number, cut
# at it): the amount after "by" is what the phrase is said of
_BY_HEDGE = rf"\s+by(?:\s+(?:{HEDGE}|circa|an\s+estimated|estimated))?\s*£?"
BY_THE_NUMBER = re.compile(rf"{_BY_HEDGE}\s*$", re.I)
_AMOUNT_AFTER = re.compile(rf"{_BY_HEDGE}\s*\d", re.I)


@lru_cache(maxsize=1)
def phrase_synonyms() -> tuple[re.Pattern[str] | None, dict[str, str], frozenset[str]]:
    """Phrases another wording says ("went £15.5m over budget" overspent its budget): a pattern, its map, and
    the phrases' last words (a text without any of them is left as it is, at no cost)."""
    mapped = {" ".join(k.lower().split()): v for k, v in lexicon()["phrase_synonyms"].items()}
    if not mapped:
        return None, mapped, frozenset()
    alternatives = "|".join(
        r"\s+".join(map(re.escape, k.split())) for k in sorted(mapped, key=len, reverse=True)
    )
    ends = frozenset(k.split()[-1] for k in mapped)
    return re.compile(rf"\b(?:{alternatives})\b{_PHRASE_ENDS}", re.I), mapped, ends


def _with_phrase_synonyms(text: str) -> str:
    pattern, mapped, ends = phrase_synonyms()
    if pattern is None or not any(end in text for end in ends):
        return text

    def said_so(m: re.Match[str]) -> str:
        before = text[max(0, m.start() - 24) : m.start()]
        # (a phrase opening the text is read on its own, as the words after a figure's number are)
        said_of = (
            not before.strip()
            or _AMOUNT_BEFORE.search(before)
            or _AMOUNT_AFTER.match(text, m.end())
            or BY_THE_NUMBER.match(text, m.end())
        )
        return mapped[" ".join(m.group(0).split())] if said_of else m.group(0)

    return pattern.sub(said_so, text)


def asked_phrase_synonyms(question: str) -> str:
    """A question's phrases read as their other wording after a verb of going ("By how much did the service go
    over budget?" asks for an overspend)."""
    pattern, mapped, _ = phrase_synonyms()
    if pattern is None:
        return question

    def said_so(m: re.Match[str]) -> str:
        going = _GOING_BEFORE.search(question, max(0, m.start() - 24), m.start())
        return mapped[" ".join(m.group(0).lower().split())] if going else m.group(0)

    return pattern.sub(said_so, question)


def after_a_number(text: str) -> str:
    """The words read right after a number, with a phrase they open read as its other wording ("£1.2m | over
    budget" is an overspend), before the number is masked out of the clause they join."""
    return _with_phrase_synonyms(text.lower())


@lru_cache(maxsize=1)
def _out_of() -> re.Pattern[str]:
    """ "out of" before a place or state the lexicon lists ("out of care", "out-of-area"), read as "outside"."""
    places = "|".join(r"[\s-]+".join(map(re.escape, p.split())) for p in lexicon()["out_of_places"])
    own = r"(?:(?:the|our|their|its|this)\s+)?(?:(?:home|local|own)\s+)?"
    return re.compile(rf"\bout[\s-]+of[\s-]+(?={own}(?:{places})\b)")


@lru_cache(maxsize=1)
def _open_compounds() -> re.Pattern[str]:
    """One word written as two ("case loads", "full-time"; not in "full-time equivalent", a unit like FTE)."""
    return re.compile(phrase_pattern(lexicon()["open_compounds"]).pattern + r"(?![\s-]+equivalent)", re.I)


def words(text: str) -> list[str]:
    """Surface words, lower-cased, possessives dropped, prefix hyphens joined ("re-referral" -> "rereferral",
    "face-to-face" -> "facetoface"), one word written as two joined ("turn over"), a phrase another wording says
    as that wording ("over budget"), and "out of" a place or state as "outside" ("12 children out of care" are
    not children in care; "out" and "of" alone are stop words)."""
    out: list[str] = []
    lowered = _with_phrase_synonyms(text.lower().replace("’", "'").replace("‘", "'"))
    lowered = _open_compounds().sub(lambda m: re.sub(r"[\s\-]+", "", m.group(0)), lowered)  # "turnover"
    lowered = _out_of().sub("outside ", lowered)
    lowered = thresholds_as_words(lowered)  # "three or more", "3+" -> "3ormore"
    for raw in _TOKEN.findall(lowered):
        if raw.endswith("'s"):
            # "children's services" is a service, not "children in care": an irregular plural's possessive
            # stays its own word ("childrens"), other possessives drop the 's
            raw = raw[:-2] + "s" if raw[:-2] in _IRREGULAR_PLURALS else raw[:-2]
        raw = raw.strip("'")
        raw = _GLUED_FOOTNOTE.sub("", raw)  # "children in need4": a footnote's marker is no part of the word
        if "-" in raw:
            head, _, rest = raw.partition("-")
            parts = raw.split("-")
            if head in _JOINED_PREFIXES or (len(parts) == 3 and parts[0] == parts[2]):
                # "re-referral"; and a compound of one word twice ("face-to-face", "one-to-one", "day-to-day")
                # is one word, not the word it repeats
                out.append(raw.replace("-", ""))
                continue
            mapped = _synonyms().get(raw)
            if mapped:
                out.append(raw)
                continue
            out.extend(p for p in raw.split("-") if p)
            continue
        if raw:
            out.append(raw)
    return out


def _word_terms(text: str) -> list[tuple[str, str]]:
    """(word, term) pairs in text order: the word after synonyms, and its stem."""
    out: list[tuple[str, str]] = []
    synonyms, stop = _synonyms(), stopwords()
    for w in words(text):
        for part in synonyms.get(w, w).replace("-", " ").split():
            if part not in stop:
                out.append((part, stem(part)))
    return out


def terms(text: str) -> list[str]:
    """Comparable terms in text order (duplicates kept)."""
    return [t for _, t in _word_terms(text)]


@cache
def stem_list(name: str) -> frozenset[str]:
    """A lexicon word list as terms (each entry may be several words)."""
    out: set[str] = set()
    for entry in lexicon()[name]:
        out.update(terms(entry))
    return frozenset(out)


@lru_cache(maxsize=1)
def weak_words() -> frozenset[str]:
    """Words that never tell one measure from another ("number", "total", "current")."""
    return frozenset(w.lower() for w in lexicon()["weak"])


_INFLECTIONS = ("", "s", "es", "ed", "d", "ing", "e", "ly")


def _is_weak(word: str) -> bool:
    """A weak word or an inflection of one ("receive" for "received"). Compared by stem only when what follows
    the stem is an inflection: "substantial" is weak, but "substantiated" shares its stem and is not."""
    if word in weak_words():
        return True
    t = stem(word)
    return t in stem_list("weak") and word.startswith(t) and word[len(t) :] in _INFLECTIONS


def counting_terms() -> frozenset[str]:
    """Nouns that say what is counted but not which measure ("children", "cases", "young people")."""
    return stem_list("counting_nouns")


def scaffold_terms() -> frozenset[str]:
    """Question words that ask rather than name a measure ("how many", "latest", "figure")."""
    return stem_list("scaffold")


def phrase_pattern(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive whole-word regex for a list of phrases, longest first (spaces match any run of
    spaces or hyphens, so "looked after" also finds "looked-after"; an apostrophe matches a curly one, as
    pages and PDFs write "children’s")."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        body = r"[\s\-]+".join(re.escape(w).replace("'", "['’]") for w in p.split())
        parts.append(body)
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.I)


@lru_cache(maxsize=1)
def _council_aliases() -> tuple[str, ...]:
    data = json.loads((LEXICON_PATH.parent / "council.json").read_text(encoding="utf-8"))
    return tuple(data["aliases"])


@lru_cache(maxsize=1)
def own_name_terms() -> frozenset[str]:
    """Terms of the council's own names ("middlesbrough", "mbc"): they say whose figure, not what it counts."""
    return frozenset(t for alias in _council_aliases() for t in terms(alias))


# "did the service carry out?", "interviews were carried out": "do", naming no measure (measure_terms keeps it:
# "Who carried out the analysis?" is answered by the words around it)
LIGHT_VERB = re.compile(r"\bcarr(?:y|ies|ied|ying)\s+out\b", re.I)


def measure_terms(text: str) -> list[str]:
    """Terms that can say what a figure counts: no weak words, no units, no own-council names, no bare numbers
    other than those that define a measure ("26 weeks", "45 days" keep their digits)."""
    own = own_name_terms()
    return [
        t
        for w, t in _word_terms(UNIT_TEXT.sub(" ", text))
        if t not in own and not _is_weak(w) and not _own_name(w)
    ]


_MIN_CUT_NAME = 8  # "Middlesbrou": a page cut inside the council's name still names it


@lru_cache(maxsize=65536)
def _own_name(word: str) -> bool:
    """A misspelt or cut-off own council name ("Middleborough", "Middlesbrou"): whose, not what."""
    if len(word) < _MIN_CUT_NAME:
        return False
    return any(
        (name.startswith(word) or fuzz.ratio(word, name) >= weight("own_name", "min_similarity"))
        for name in _own_long_names()
    )


@lru_cache(maxsize=1)
def _own_long_names() -> tuple[str, ...]:
    """The council's own names as single long words ("middlesbrough"), to read misspelt or cut-off copies by."""
    words = (w.lower() for alias in _council_aliases() for w in re.findall(r"[A-Za-z]+", alias))
    return tuple(
        w for w in dict.fromkeys(words) if len(w) >= _MIN_CUT_NAME and not _is_weak(w)
    )  # not "authority"


WEEKLY = re.compile(r"\b(?:per|a|each) week\b|\bweekly\b", re.I)  # "per week", "a week", "weekly"
YEARLY = re.compile(r"\b(?:per|a) (?:year|annum)\b|\bannual(?:ly)?\b", re.I)  # "per year", "a year", "annual"
# Unit words, with what a rate is per 10,000 of ("per 10,000 under-18s"), which never say what is counted.
UNIT_TEXT = re.compile(
    r"per\s+(?:10,?000|100,?000|1,?000|10k)(?:\s+(?:of\s+the\s+)?"
    + phrase_pattern(lexicon()["rate_denominators"]).pattern
    + r")?|%|\bper\s?cent\b|£\s?(?:000s?|k|m)?\b",
    re.I,
)
