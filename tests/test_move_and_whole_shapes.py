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
    ],
)
def test_where_a_measure_moved_to_is_a_value_it_moved_to(text, value, ok):
    question = "To what figure had the overspend been reduced?"
    assert support(question, text, value).ok is ok


@pytest.mark.parametrize(
    "sentence,ok",
    [
        # a sentence turning to the whole does not take the group the title names
        ("Overall, 5,067 children were being looked after in Telford.", False),
        ("In total, 5,067 children were being looked after in Telford.", False),
        # ... while one that does not turn may (the title says what the paper counts)
        ("5,067 children were being looked after in Telford.", True),
    ],
)
def test_a_sentence_turning_to_the_whole_takes_no_words_from_the_title(sentence, ok):
    question = "How many disabled children were looked after in Telford?"
    title = "Disabled children looked after in Telford"
    assert support(question, sentence, "5,067", title=title).ok is ok
