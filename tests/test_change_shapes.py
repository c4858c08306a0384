"""How a change and the level it reached are written: "going up by £12m to £99.2m" (a change, then a level, not
a range), "forecasted to reach £13.3m" (a forecast, not an aim), the two ends of a weekly change. Table-driven, no
index; the sentences are written for these tests, not copied from any paper."""

from __future__ import annotations

import pytest
from figure_helpers import figure, figures

from qa_assistant.text.numbers import find_quantities


@pytest.mark.parametrize(
    "text,quantities",
    [
        # after "by", a tail far above the head is the level the change reached
        ("spending was going up by £12m to £99.2m next year", ["£12m", "£99.2m"]),
        ("the number rose by 5 to 40 children", ["5", "40"]),
        # ... a tail near the head is a range of the change
        ("costs will be cut by 10 to 15 per cent", ["10 to 15 per cent"]),
        ("between 10 to 15 children", ["10 to 15"]),
        # "by" naming who does it, a plan, or a unit written once after the range: a range
        ("Each team is staffed by 3 to 12 social workers.", ["3 to 12"]),
        ("Fees will rise by 2 to 10 per cent", ["2 to 10 per cent"]),
        ("Fees rose by 2 to 10 per cent", ["2 to 10 per cent"]),
        ("Fees increased in most areas by 1 to 15 per cent.", ["1 to 15 per cent"]),
        # ... a percentage or a rate far above the change, or the change's time between: a change then a level
        ("The rate rose by 2.1 to 65.4 per 10,000.", ["2.1", "65.4 per 10,000"]),
        ("The number increased last year by 12 to 310.", ["12", "310"]),
    ],
)
def test_a_change_then_the_level_it_reached_is_no_range(text, quantities):
    assert [text[q.start : q.end] for q in find_quantities(text)] == quantities


@pytest.mark.parametrize(
    "text,value,kind",
    [
        (
            "The deficit was forecasted to reach £13.3million by the end of the year.",
            "£13.3million",
            "forecast",
        ),
        ("Spending is projected to hit £20m next year.", "£20m", "forecast"),
        # an aim to reach a number is a target, as is what the service is expected to reach
        ("Our aim is to reach 40 foster carers.", "40", "target"),
        ("The service is expected to reach 95% by March.", "95%", "target"),
        ("Recruitment is forecast to reach the target of 40 foster carers.", "40", "target"),
    ],
)
def test_a_forecast_to_reach_is_a_forecast(text, value, kind):
    assert figure(text, value).kind == kind


def test_a_change_reached_level_is_read_as_two_figures():
    found = figures(
        "Spending on children's services was going up by £12m to £99.2m for the next financial year."
    )
    assert [(f.value_text, f.kind) for f in found] == [("£12m", "change"), ("£99.2m", "level")]


def test_the_ends_of_a_weekly_change_are_weekly_and_of_what_changed():
    text = (
        "Rising costs of care\nThe average cost of a placement for a child in care has also risen by £113 per week"
        " over the same period, increasing from £1,851 to £1,964."
    )
    found = {f.value_text: f for f in figures(text)}
    assert found["£1,964"].unit == found["£1,851"].unit == "gbp_per_week"
    assert found["£1,964"].phrase.startswith("The average cost of a placement")


def test_a_total_beside_a_weekly_change_stays_a_total():
    text = (
        "The average cost of a residential placement has risen by £150 per week since last year, while the total"
        " cost of residential placements increased from £9.8m to £11.2m."
    )
    assert {f.value_text: f.unit for f in figures(text)}["£11.2m"] == "gbp"


def test_a_heading_gives_way_only_to_the_change_its_value_ends():
    text = (
        "Repeat child protection plans\nThe proportion of assessments completed within 45 days was 85% in 2023/24"
        " and 21% in 2023/24."
    )
    assert figure(text, "21%").phrase != "The proportion of assessments completed within 45 days"


def test_under_a_heading_a_change_s_starting_value_takes_the_sentence_s_subject():
    text = (
        "Care costs\nThe number of children in care in the county has risen by about 80 per cent from 426 to 726"
        " since 2011."
    )
    assert (
        figure(text, "726").phrase
        == figure(text, "426").phrase
        == "The number of children in care in the county"
    )
