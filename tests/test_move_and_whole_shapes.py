"""Two shapes: a question asking where a measure moved to ("To what figure had the overspend been reduced?"),
and a sentence that turns to the whole ("Overall, 5,067 children were looked after"). Table-driven, no index;
the sentences are written for these tests, not copied from any paper."""

from __future__ import annotations

import pytest
from figure_helpers import support

from qa_assistant.figures.moved_to import asks_moved_to


@pytest.mark.parametrize(
    "question,asks",
    [
        ("To what figure had the estimated overspend been reduced, according to the councillor?", True),
        ("What had the average number of days in care been reduced to?", True),
        ("To what number did children in care fall in the three months to June?", True),
        ("Redcar had 194 in 2021/22; to what number had this risen a year later?", True),
        # not a move: a limit, a cause, or a noun
        ("Up to what age can care leavers ask for a Personal Adviser?", False),
        ("To what did the report attribute the decrease in looked after children?", False),
        ("What was the overspend after the cut?", False),
        ("How many schools did children in care go to?", False),
        ("What had spending gone up to?", True),
    ],
)
def test_a_question_asking_where_a_measure_moved_to(question, asks):
    assert asks_moved_to(question) is asks


@pytest.mark.parametrize(
    "text,value,ok",
    [
        # only a value the paper says the measure moved to answers
        ("The overspend estimate has reduced down to £4.6m.", "£4.6m", True),
        ("The overspend has now fallen to around £4.6m.", "£4.6m", True),
        ("The predicted overspend of £5m is a concern.", "£5m", False),
        ("The overspend was £4.6m in the report.", "£4.6m", False),
        # ... or stands at now, or a change ended at
        ("The overspend is now at £4.6m.", "£4.6m", True),
        ("The overspend has been reduced and is currently £4.6m.", "£4.6m", True),
        ("The overspend is £4.6m, a reduction of £0.4m from the £5m previously reported.", "£4.6m", True),
        # a value compared with is no value moved to
        ("The overspend is now forecast at £4.6m, compared to £5m at quarter 1.", "£4.6m", True),
        ("The overspend is now forecast at £4.6m, compared to £5m at quarter 1.", "£5m", False),
    ],
)
def test_where_a_measure_moved_to_is_a_value_it_moved_to(text, value, ok):
    question = "To what figure had the overspend been reduced?"
    assert support(question, text, value).ok is ok


@pytest.mark.parametrize(
    "question,value,ok",
    [
        # a peak answers where a rise went, not where a fall went; a low the other way
        ("What had the average caseload been reduced to?", "25", False),
        ("What had the average caseload been reduced to?", "18", True),
        ("What had the average caseload risen to?", "25", True),
    ],
)
def test_a_peak_is_where_a_rise_went(question, value, ok):
    text = "Average caseloads, which reached a peak of 25 in 2022, have been reduced and are currently 18."
    assert support(question, text, value).ok is ok


@pytest.mark.parametrize(
    "text,ok",
    [
        # a sentence turning to the whole, after sentences on the group asked, is not of that group
        (
            "12 disabled children were looked after in Telford. Overall, 5,067 children were being looked after.",
            False,
        ),
        (
            "12 disabled children were looked after in Telford. In total, 5,067 children were being looked after.",
            False,
        ),
        # ... while with no group spoken of before, the title stays the paper's scope
        ("The service grew. Overall, 5,067 children were being looked after in Telford.", True),
        # ... while one that names the group is of it
        ("The service grew. In total, 5,067 disabled children were being looked after in Telford.", True),
    ],
)
def test_a_sentence_turning_to_the_whole_is_not_the_group_spoken_of_before(text, ok):
    question = "How many disabled children were looked after in Telford?"
    title = "Disabled children looked after in Telford"
    assert support(question, text, "5,067", title=title, window=True).ok is ok


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # "now" or "currently" only right after a verb, and never a value compared with
        (
            "What had caseloads fallen to?",
            "Currently 12 social workers have caseloads above 25.",
            "12",
            False,
        ),
        (
            "What had children in care risen to?",
            "The number of children in care is currently higher than the 410 recorded last year.",
            "410",
            False,
        ),
        (
            "What had the average caseload been reduced to?",
            "Average caseloads now stand at 18 compared with 25, a fall of 7.",
            "25",
            False,
        ),
        (
            "What had the overspend been reduced to?",
            "The overspend was £5m, but has since come down from it.",
            "£5m",
            False,
        ),
        # where the sentence gives a value moved to, only that one
        (
            "What had the overspend been reduced to?",
            "The overspend of £5m (down from £6m) has been reduced further to £4.6m.",
            "£5m",
            False,
        ),
        # the way asked: a value it grew to is not where it was reduced to; one it now stands at is
        (
            "To what figure had the overspend been reduced?",
            "The overspend, which had grown to £6m at quarter 2, has since been reduced and is currently £4.6m.",
            "£6m",
            False,
        ),
        (
            "To what figure had the overspend been reduced?",
            "The overspend, which had grown to £6m at quarter 2, has since been reduced and is currently £4.6m.",
            "£4.6m",
            True,
        ),
        (
            "What had the number of children in care risen to?",
            "Children in care rose to a high of 470 in October before falling to 430 in March.",
            "430",
            False,
        ),
        (
            "What had the number of children in care risen to?",
            "Children in care rose to a high of 470 in October before falling to 430 in March.",
            "470",
            True,
        ),
        ("To what figure had the overspend been reduced?", "The overspend now totals £4.6m.", "£4.6m", True),
        (
            "To what figure had the overspend been reduced?",
            "The overspend, which had grown to £7.5m, now totals £5m.",
            "£5m",
            True,
        ),
        (
            "What had the number of agency social workers fallen to?",
            "Agency social workers fell from 40 to 25, with vacancies reduced to 12.",
            "25",
            True,
        ),
        (
            "What had the number of children in care fallen to?",
            "The number of children in care fell from 2019 to 2023 to 280.",
            "280",
            True,
        ),
    ],
)
def test_only_the_value_a_measure_moved_to(question, text, value, ok):
    assert support(question, text, value).ok is ok
