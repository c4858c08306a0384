"""When a number is as of, written as a span of years ("the 3 year rolling average for 2014-16"), as the months a
change ran between ("between May and September, from 872 to 919"), or as the date a movement is measured from
("decreased since November 2021"). Table-driven, no index; the sentences are written for these tests, not
copied from any paper."""

from __future__ import annotations

import datetime as dt

import pytest
from figure_helpers import figure

from qa_assistant.answering.entity_candidates import fits_dates
from qa_assistant.answering.entity_things import find_dates_in
from qa_assistant.answering.figure_choice import matches_period
from qa_assistant.figures.question import read
from qa_assistant.text.dates import find_dates


@pytest.mark.parametrize(
    "text,found",
    [
        # several years written as one period: a span, not a financial year and not one of its years
        ("the 3 year rolling average for 2014-16", [("2014-16", "span")]),
        ("over 2013-2016", [("2013-2016", "span")]),
        ("from 2019 – 22", [("2019 – 22", "span")]),
        # two consecutive years are a financial year, as before
        ("in 2015-16", [("2015/16 financial year", "fy")]),
        ("in 2015-2016", [("2015/16 financial year", "fy")]),
        # years too far apart, or backwards, are no period
        ("between 2010-2030", []),
        ("in 2016-14", []),
        # a plan's years name the plan, not when a figure is
        ("the Children's Plan 2022-25 was agreed", []),
        ("the 2023-2026 Sufficiency Strategy notes", []),
        ("the MTFS 2024-28 assumes", []),
        # ... but a period a budget or a count is for is its date
        ("The children's services budget for 2022-25 is £4.5m.", [("2022-25", "span")]),
        ("Over 2021-24 Child Protection Plans started totalled 1,260.", [("2021-24", "span")]),
    ],
)
def test_a_span_of_years_is_one_period(text, found):
    assert [(d.label, d.kind) for d in find_dates(text)] == found


@pytest.mark.parametrize(
    "text,months",
    [
        # May is a month after a word that says when
        ("numbers rose between May and September", ["May 2023", "September 2023"]),
        ("from March to May", ["March 2024", "May 2024"]),
        ("In May the panel met", ["May 2024"]),
        ("since May, 40 children", ["May 2024"]),
        # ... not the verb
        ("numbers may rise by September", ["September 2023"]),
        ("Numbers May Rise", []),
        ("the report was presented to May Smith", []),
        ("and May be ended early", []),
        ("In April 2024 there were 305, and in May there were 310.", ["April 2024", "May 2024"]),
        ("In May we had 310 children in care", ["May 2024"]),
        ("A report from May Carter said", []),
        # a bare month starting a range takes the year of a dated end
        ("between May and September 2023", ["May 2023", "September 2023"]),
    ],
)
def test_may_is_a_month_only_after_a_word_that_says_when(text, months):
    assert [d.label for d in find_dates(text, reference=dt.date(2024, 6, 12))] == months


@pytest.mark.parametrize(
    "text,months",
    [
        # a month named without a year, in a paper with no date, is that month within the period named before it
        (
            "is predicting a deficit in 2025/26, as of the end of December",
            ["2025/26 financial year", "December 2025"],
        ),
        ("In 2025/26 the overspend at the end of February was", ["2025/26 financial year", "February 2026"]),
        ("in the 2021/22 academic year; by October", ["2021/22 academic year", "October 2021"]),
        # ... every month the sentence names after it, a range's too
        (
            "In 2024/25 the forecast in November was £3m, and in February £4m.",
            ["2024/25 financial year", "November 2024", "February 2025"],
        ),
        (
            "In 2024/25, between December and February it grew.",
            ["2024/25 financial year", "December 2024", "February 2025"],
        ),
        (
            "In 2024/25, from 1 December to 28 February",
            ["2024/25 financial year", "1 December 2024", "28 February 2025"],
        ),
        (
            "in 2025/26, at the end of December £6m; at the end of January £7m",
            ["2025/26 financial year", "December 2025", "January 2026"],
        ),
        ("In 2019 the rate rose, and in March it was 5.", ["2019", "March 2019"]),
        # ... in later sentences and lines too
        (
            "The 2024/25 forecast overspend is £3m. In November it was £3.5m.",
            ["2024/25 financial year", "November 2024"],
        ),
        ("Budget monitoring 2024/25\nPeriod 9 (December): £3m", ["2024/25 financial year", "December 2024"]),
        # ... until a date outside it is named
        (
            "In 2019 it rose. In December 2023 there were 300. In January 310.",
            ["2019", "December 2023", "January 2023"],
        ),
        # ... but not after its last day, nor a year compared against
        (
            "In 2023/24 there were 300 at 31 March 2024. In April 320.",
            ["2023/24 financial year", "31 March 2024", "April 2024"],
        ),
        (
            "The 2024/25 overspend is £6m (2023/24: £5m). In December it was £5.5m.",
            ["2024/25 financial year", "2023/24 financial year", "December 2024"],
        ),
        (
            "In 2023/24 there were 300, compared with 280 in 2022/23. In March 310.",
            ["2023/24 financial year", "2022/23 financial year", "March 2024"],
        ),
        (
            "More than 300 entered care in 2023/24. In December, 40 entered care.",
            ["2023/24 financial year", "December 2023"],
        ),
        (
            "In 2020/21 (25) compared to 2019/20 (16). As of March 31, 570.",
            ["2020/21 financial year", "2019/20 financial year", "31 March 2021"],
        ),
        # ... and a forecast outturn is no ended year
        ("The 2024/25 outturn forecast in December was £5m.", ["2024/25 financial year", "December 2024"]),
        (
            "The projected 2024/25 outturn as at December was £5m.",
            ["2024/25 financial year", "December 2024"],
        ),
        # not after the end or the outturn of the period: the period's last year, as before
        (
            "The 2023/24 year-end position was £5m. In April it was reviewed.",
            ["2023/24 financial year", "April 2024"],
        ),
        (
            "The 2023/24 outturn, reported to Cabinet in June, was £5m.",
            ["2023/24 financial year", "June 2024"],
        ),
        (
            "At the end of 2023/24 there were 300. In May there were 320.",
            ["2023/24 financial year", "May 2024"],
        ),
        (
            "The 2023/24 outturn was £5m. In April the council will review it.",
            ["2023/24 financial year", "April 2024"],
        ),
        # a span holding the month in several years takes its last year, as before
        ("over 2014-16, and in June", ["2014-16", "June 2016"]),
    ],
)
def test_a_month_without_a_year_is_within_the_period_named_before_it(text, months):
    assert [d.label for d in find_dates(text)] == months


def test_a_rolling_average_over_years_answers_no_one_year():
    text = "When comparing the 3 year rolling average for 2014-16, the council has a figure of 23.3%."
    f = figure(text, "23.3%")
    assert f.as_of.label == "2014-16"
    assert not matches_period(
        f, read("What percentage of children looked after were adopted during 2016-17?")
    )
    assert matches_period(f, read("What was the rolling average percentage adopted between 2014 and 2016?"))
    # ... nor a shorter span in it, however much of it the span asked covers
    assert not matches_period(f, read("What percentage of children were adopted between 2015 and 2016?"))
    total = figure("Over 2019-23, 2,100 children were adopted.", "2,100")
    assert not matches_period(total, read("How many children were adopted between 2020 and 2023?"))
    assert matches_period(total, read("How many children were adopted between 2019 and 2023?"))
    # ... while a financial year's figure still answers for a month in it
    year = figure("In 2016/17 the adoption rate was 23.0%.", "23.0%")
    assert matches_period(year, read("What was the adoption rate in December 2016?"))


@pytest.mark.parametrize(
    "text,value,phrase,as_of",
    [
        # the values a change ran from and to, after its size and its months, are of what the change is of
        (
            "The number of children in care increased by 47 between May and September, from 872 to 919.",
            "872",
            "The number of children in care",
            "May 2023",
        ),
        (
            "The number of children in care increased by 47 between May and September, from 872 to 919.",
            "919",
            "The number of children in care",
            "September 2023",
        ),
        (
            "Children in care in the county had decreased to 831 from 855 since November 2021.",
            "855",
            "Children in care in the county",
            "November 2021",
        ),
        # ... not when the words between name another measure
        (
            "The number of referrals rose by 47 in the year, from 872 contacts to 919.",
            "872",
            None,
            None,
        ),
    ],
)
def test_the_values_a_change_ran_between(text, value, phrase, as_of):
    f = figure(text, value)
    if phrase is None:
        assert f.phrase != "The number of referrals"
        return
    assert (f.phrase, f.as_of.label) == (phrase, as_of)


def test_a_plan_or_strategy_named_with_its_years_asks_no_period():
    found = find_dates_in(
        "The report considered by Cabinet Members on 15 June highlighted the strategy.", None
    )
    assert [c.text for c in found] == ["15 June"]
    asked = "On what date did Cabinet Members consider the report on the Sufficiency Strategy 2022-2025?"
    assert fits_dates(found[0], read(asked))
    assert not fits_dates(found[0], read("On what date in 2022 did Cabinet Members consider the report?"))


@pytest.mark.parametrize(
    "text,value,label",
    [
        # the year another number is compared against dates neither that number nor the next
        (
            "There were 255 children, 19 more than in 2010/11, at a cost of £19,693 per child.",
            "£19,693",
            None,
        ),
        ("Children in care are higher than in 2022/23, at 320.", "320", None),
        ("Numbers remain higher than at 31 March 2023, standing at 320.", "320", None),
        ("It rose to 320, higher than in 2022/23 (provisional), with 45 in residential care.", "45", None),
        # ... while a year before the value, not compared against, still dates it
        (
            "The review will take place no later than 31 March 2025, and 40 cases will be audited.",
            "40",
            "31 March 2025",
        ),
        ("In 2010/11 the cost was £19,693 per child.", "£19,693", "2010/11 financial year"),
        # ... and so does one compared against that then gives its own value
        ("It is higher than in 2022/23 (410 children).", "410", "2022/23 financial year"),
        (
            "Numbers are lower than at the end of March 2023, when there were 300 children.",
            "300",
            "end of March 2023",
        ),
    ],
)
def test_a_year_compared_against_dates_no_later_value(text, value, label):
    as_of = figure(text, value).as_of
    if label is None:
        assert as_of.basis != "stated", as_of.label
    else:
        assert as_of.label == label


def test_a_sentence_restating_the_figure_before_takes_its_date():
    text = "In September there were 783 children in care. It works out as 139 per 10,000 in the population."
    assert figure(text, "139 per 10,000").as_of.label == "September 2023"


@pytest.mark.parametrize(
    "text,value",
    [
        # ... not a year compared against, aimed at or moved from, nor for a value not right after the restating words
        ("The rate is higher than in 2022. It works out as 139 per 10,000.", "139 per 10,000"),
        (
            "Our target for 2025 is 100 per 10,000. This represents a reduction of 39 per 10,000.",
            "39 per 10,000",
        ),
        ("The rate fell from 150 in 2021 to 139. This represents 783 children.", "783"),
        (
            "Ofsted rated the service inadequate in 2018. This represents a major challenge; 500 children are in care.",
            "500",
        ),
    ],
)
def test_a_restating_sentence_takes_no_date_compared_aimed_or_moved_from(text, value):
    assert figure(text, value).as_of.basis == "meeting date"


@pytest.mark.parametrize(
    "text,value,label",
    [
        # a value counted over a span written right after it is of the whole span, not of its first month
        (
            "The council paid £3,500,000 to independent fostering agencies between April 2021 and September 2022.",
            "£3,500,000",
            "April 2021 to September 2022",
        ),
        (
            "In all 310 children entered care from January 2022 to March 2023.",
            "310",
            "January 2022 to March 2023",
        ),
        # the value a change went to is of the span's end
        (
            "The number of children in care increased by 30 to 610 between May and September 2023.",
            "610",
            "September 2023",
        ),
        ("Referrals fell from 1,200 to 1,050 between April and September 2023.", "1,050", "September 2023"),
        # two dates that are no span date the value by the first, as before
        ("The council paid £2m in April 2022 and £3m in May 2022.", "£2m", "April 2022"),
        # (a closed aside between them does not part them)
        (
            "There were 120 referrals (from schools) between April and June 2023.",
            "120",
            "April 2023 to June 2023",
        ),
        # a comparison or an aside between the value and the span: the span is the comparison's
        (
            "Our rate is 72 per 10,000 against the England average between 2019 and 2023.",
            "72 per 10,000",
            None,
        ),
        ("There were 500 children in care (an increase on the position between 2022 and 2023).", "500", None),
        (
            "Our rate is 72 per 10,000 (against the England average) between 2019 and 2023.",
            "72 per 10,000",
            None,
        ),
        # another number between the value and the span: the span is not the value's
        ("The council paid £2m, and 40 carers were approved between April 2022 and March 2023.", "£2m", None),
    ],
)
def test_a_value_counted_over_a_span_is_of_the_whole_span(text, value, label):
    got = figure(text, value).as_of.label
    if label is None:
        assert " to " not in got
        return
    assert got == label
