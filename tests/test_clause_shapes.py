"""What a number belongs to when the clause around it says so: a relative clause's noun ("the Illuminations,
which overspent by ..."), a change's result ("costs rose resulting in an overspend of ..."). Table-driven, no
index; the sentences are written for these tests, not copied from any paper."""

from __future__ import annotations

import pytest
from figure_helpers import figure, support


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
