"""Values strung through a trend sentence measure what the trend is about (figures/trend_chains.py), and a word
number with "per cent" is a percentage. Table-driven; no index needed."""

from __future__ import annotations

import pytest
from figure_helpers import figure, support

from qa_assistant.figures.trend_chains import says_nothing


@pytest.mark.parametrize(
    "text,value,phrase",
    [
        # a later value whose own words say only when it was: the earlier value's measure
        (
            "It was explained that the number of referrals had dropped from 211 in July to 154 in August and"
            " stood at 172 in September.",
            "172",
            "the number of referrals",
        ),
        (
            "A total of 346 children were in the council's care at the end of 2020/2021, which reduced to 332"
            " in the first quarter of 2021/22 and dropped to 313 as of September 30, 2021.",
            "313",
            "children were in the council's care",
        ),
        (
            "The number of looked after children has risen to 529, up from 510 in March.",
            "510",
            "The number of looked after children",
        ),
        (
            "The number of looked after children fell to 480 in June and then rose to 495 in July.",
            "495",
            "The number of looked after children",
        ),
        # the first value of a trend: the sentence's subject
        (
            "The rate of CLA per 10,000 had steadily declined since February 2021, recently reaching the lowest"
            " rate in 12 months in January 2022 at 40.81.",
            "40.81",
            "The rate of CLA per 10,000",
        ),
        (
            "Official figures show the total number of looked after children reached a new high of 72,670 in"
            " 2016/17.",
            "72,670",
            "the total number of looked after children",
        ),
        # ... after a change of another unit ("increased by 13% ..., from 834 ... to 919")
        (
            "The service revealed the number of children needing foster care has increased by 13% in the last"
            " five years, from 834 in 2016/17, to 919 in 2020/21.",
            "834",
            "the number of children needing foster care",
        ),
        # "this rate" after a contrast is another place's value, not a later value of the trend
        (
            "The overall re-offending rate in England and Wales was 26%, however, this rate was 32.9% in"
            " Middlesbrough.",
            "32.9%",
            "however",
        ),
        # "that number" refers back to the earlier value's measure
        (
            "The council is notified of two private fostering arrangements, and in the last three years that number"
            " has only ever been as high as 10.",
            "10",
            "private fostering arrangements",
        ),
        # "from around 65 to just 21": the value a change goes to, though hedged, and though its own words
        # say only when ("in recent years")
        (
            "The use of agency social workers has reduced from around 65 to just 21 in recent years.",
            "21",
            "The use of agency social workers",
        ),
        # a series of dated values, "followed by" the next
        (
            "In 2016/2017, 159 children were taken into care, followed by 162 in 2017/2018, 171 in 2018/2019 and"
            " 151 in 2019/2020.",
            "171",
            "children were taken into care",
        ),
        # a participle clause goes on from the sentence's subject when no value comes before it
        (
            "CLA numbers have vastly improved, dropping below 500 in January, reaching 503 in February.",
            "503",
            "CLA numbers",
        ),
        # the value a change goes to, written as a forecast or hedged, takes the change's words
        (
            "Spend on placements has increased from £27.3m to a forecast £38.4m this year.",
            "£38.4m",
            "Spend on placements",
        ),
        # a bracket spelling out a change's two ends measures what the change does
        (
            "The number of looked after children has increased by 22 per cent (rising from 125 to 161 children)"
            " between 2011/12 and 2013/14.",
            "125",
            "The number of looked after children",
        ),
        (
            "Children on a plan rose by 48 per cent in this period (from 78 to 116 children).",
            "116",
            "Children on a plan",
        ),
        # what a rate is per 10,000 of is no word of the value after it
        (
            "In 2005-06, there were 89.5 LAC per 10,000 children, falling to 84.4 in 2006-07.",
            "84.4",
            "LAC",
        ),
        # ... not a bracket after a level
        ("The service had 40 carers (from 12 agencies).", "12", "agencies"),
        # a value with words of its own keeps them
        (
            "The number of looked after children fell to 480 in June and 30 were adopted in July.",
            "30",
            "were adopted",
        ),
        # a total the earlier value brings its measure to counts all of them, not only the ones added
        (
            "Since October 2019, there are an additional 146 children in care, bringing the total to 612.",
            "612",
            "children in care",
        ),
        ("We approved 12 new foster carers, taking the total number to 140.", "140", "foster carers"),
        ("We approved 12 new foster carers, taking the total number to 140.", "12", "new foster carers"),
        # ... but not a flow's total, nor another period's: those totals are not what the earlier value counts
        ("Six agency social workers left in the quarter, bringing the total to 31.", "31", "bringing"),
        (
            "An additional 146 children entered care in the year, bringing the total to 612.",
            "612",
            "bringing",
        ),
    ],
)
def test_a_value_in_a_trend_measures_what_the_trend_is_about(text, value, phrase):
    assert figure(text, value).phrase == phrase


@pytest.mark.parametrize(
    "text,value,ok",
    [
        # not a trend: nothing moves the measure between the two values, so "last year" says nothing of what
        ("The number of children in care was 72,600 last year, and 75,400 this year.", "75,400", False),
        # a link that names another measure ("in foster care") is not a link
        (
            "The number of children in care fell to 480 in June, with 200 in foster care by July.",
            "200",
            False,
        ),
        ("The number of children in care fell to 480 in June and rose to 495 in July.", "495", True),
    ],
)
def test_a_trend_supports_only_through_a_link(text, value, ok):
    s = support("How many children were in care?", text, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "phrase,nothing",
    [
        ("in August and", True),
        ("the lowest rate in 13 months", True),
        ("in the last five years", True),
        ("a new high", True),
        ("children were in care", False),
        ("foster carers", False),
        ("adopted", False),
    ],
)
def test_which_phrases_say_nothing(phrase, nothing):
    assert says_nothing(phrase) == nothing


@pytest.mark.parametrize(
    "text,value,unit,kind",
    [
        (
            "Across England, the number of children in care is rising by four per cent a year.",
            "four per cent",
            "percent",
            "change",
        ),
        (
            "Twenty-five per cent of children were placed out of area.",
            "Twenty-five per cent",
            "percent",
            "level",
        ),
        ("The assessment took six weeks.", "six weeks", "weeks", "level"),
    ],
)
def test_a_word_number_takes_the_unit_written_after_it(text, value, unit, kind):
    f = figure(text, value)
    assert (f.unit, f.kind) == (unit, kind)


# ---- a question for the highest or lowest value (figures/extremes.py) ----------------------------------------

_PRIVATE = (
    "In Middlesbrough, the local authority are currently only notified of two private fostering arrangements, and"
    " in the last three years that number has only ever been as high as 10."
)


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        (
            "What was the highest number of private fostering arrangements in the last three years?",
            _PRIVATE,
            "10",
            True,
        ),
        (
            "What was the highest number of private fostering arrangements in the last three years?",
            _PRIVATE,
            "two",
            False,
        ),
        ("How many private fostering arrangements is the council notified of?", _PRIVATE, "two", True),
        (
            "What was the peak number of children in care?",
            "The number of children in care peaked at 702 in July 2020 and is now 500.",
            "702",
            True,
        ),
        (
            "What was the peak number of children in care?",
            "The number of children in care peaked at 702 in July 2020. It is now 500.",
            "500",
            False,
        ),
        # the extreme word names the source asked about, not what is asked
        (
            "How many children were in care, per the Echo report on the all-time high?",
            "The number of children in care is now 500.",
            "500",
            True,
        ),
    ],
)
def test_a_question_for_the_highest_value_takes_a_figure_said_to_be_it(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "text,value,kind",
    [
        # a change verb, its object (up to six words), then "by"
        ("A target was set to improve the rate of first time entrants by 10%.", "10%", "change"),
        # "worsened by" is itself a change cue, as "increased by" is
        ("The position has worsened by £1,158k over the quarter.", "£1,158k", "change"),
        ("The rate of first time entrants was 505.", "505", "level"),
    ],
)
def test_a_change_verb_with_its_object_then_by(text, value, kind):
    assert figure(text, value).kind == kind


def test_a_participle_clause_after_a_value_goes_on_from_that_value():
    """ "... have put forward savings ... totalling around £7m for next year, rising to £8.7m": what rose is
    what was £7m, not the sentence's subject (the Mayor and his Executive)."""
    text = (
        "Mayor Chris Cooke and his Executive have put forward savings and income growth totalling around £7m for"
        " next year, rising to £8.7m in 2026/27."
    )
    assert figure(text, "£8.7m").phrase == figure(text, "£7m").phrase
    assert "Executive" not in figure(text, "£8.7m").phrase
