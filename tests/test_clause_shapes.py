"""What a number belongs to when the clause around it says so: a relative clause's noun ("the Illuminations,
which overspent by ..."), a change's result ("costs rose resulting in an overspend of ..."); and when it is, when
a paper names its financial year from its own date ("in the last financial year"). Table-driven, no index; the
sentences are written for these tests, not copied from any paper."""

from __future__ import annotations

import datetime as dt

import pytest
from figure_helpers import figure, support

from qa_assistant.figures.candidates import dated_title
from qa_assistant.text.dates import find_dates


@pytest.mark.parametrize(
    "text,value,phrase",
    [
        # a relative clause holding only its verb is said of the noun before ", which"
        (
            "Other services to overspend include the Leisure Centre, which overspent by £266,000.",
            "£266,000",
            "the Leisure Centre, which overspent by",
        ),
        (
            "Savings came from the transport budget, which underspent by £40,000 this year.",
            "£40,000",
            "the transport budget, which underspent by",
        ),
        # a change's result named after it is what the amount is of
        (
            "Placement costs have continued to increase resulting in an overspend within children's social care "
            "of £4,260k.",
            "£4,260k",
            "overspend within children's social care",
        ),
        (
            "Demand has risen sharply leading to a forecast overspend of £1.2m.",
            "£1.2m",
            "forecast overspend",
        ),
        # unchanged: a trend verb right before the number still ends the phrase; a linking verb after "which"
        ("The number of children in care has increased to 612.", "612", "The number of children in care"),
        ("We have 300 foster carers, which is 20 more than last year.", "20", "foster carers"),
    ],
)
def test_what_the_clause_says_the_number_belongs_to(text, value, phrase):
    f = figure(text, value)
    assert f.phrase == phrase


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # another service's overspend does not answer for children's social care
        (
            "What was the overspend in children's social care in 2021/22?",
            "Other areas of the 2021/22 budget to overspend include the Leisure Centre, which overspent by "
            "£266,000.",
            "£266,000",
            False,
        ),
        (
            "What was the overspend in children's social care?",
            "Placement costs have continued to increase resulting in an overspend within children's social care "
            "of £4,260k.",
            "£4,260k",
            True,
        ),
    ],
)
def test_a_clause_says_whose_amount_it_is(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "text,reference,label",
    [
        # a financial year named from the paper's date: the last one is the one before the paper's own
        ("overspent in the most recent financial year", dt.date(2024, 7, 13), "2023/24 financial year"),
        (
            "overspent by £2.4 million in the last financial year",
            dt.date(2018, 6, 20),
            "2017/18 financial year",
        ),
        ("the previous financial year", dt.date(2024, 3, 1), "2022/23 financial year"),
        ("a forecast for this financial year", dt.date(2024, 7, 13), "2024/25 financial year"),
        ("the current financial year", dt.date(2025, 1, 9), "2024/25 financial year"),
        # with no paper date it names no year
        ("overspent in the last financial year", None, None),
    ],
)
def test_a_financial_year_named_from_the_papers_date(text, reference, label):
    found = find_dates(text, reference=reference)
    assert (found[0].label if found else None) == label


@pytest.mark.parametrize(
    "title,day",
    [
        ("Council overspend (Shropshire Star, 13 July 2024)", dt.date(2024, 7, 13)),
        # a year or a financial year beside the one day does not stop it dating the paper
        ("Sharp rise drives 2023/24 overspend (Shropshire Star, 13 July 2024)", dt.date(2024, 7, 13)),
        ("Children's services budget 2023-2026 (Executive, 16 March 2021)", dt.date(2021, 3, 16)),
        # two days, or none: the title does not say when the paper was written
        ("Figures at 31 March 2023 (Council, 2 November 2023)", None),
        ("Children's services budget 2023/24", None),
    ],
)
def test_the_one_day_in_a_title_dates_the_paper(title, day):
    assert dated_title(title) == day
