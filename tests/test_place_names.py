"""An authority whose name is also an everyday word ("Reading") is the place only where it is written as one
(figures/subjects.py, places.json word_names). Table-driven, no index."""

from __future__ import annotations

import pytest

from qa_assistant.figures.question import read
from qa_assistant.figures.subjects import find_subject_mentions


@pytest.mark.parametrize(
    "text,places",
    [
        ("Reading Borough Council said the overspend had grown.", ["Reading"]),
        ("Reading Council agreed the budget.", ["Reading"]),
        ("Brighter Futures for Children (Reading) reported 139 placements.", ["Reading"]),
        ("In Reading, 310 children are in care.", ["Reading"]),
        ("Across Reading, the number of children in care has reached 310.", ["Reading"]),
        ("Reading's children's services overspent by £9m.", ["Reading"]),
        # the word, not the place
        ("Reading the report, members noted the overspend.", []),
        ("Pupils in Reading Recovery made progress.", []),
        ("Reading and writing scores rose.", []),
        ("The expected standard in Reading, writing and maths at KS2 rose to 62%.", []),
        ("KS2 (Reading) was 74%.", []),
    ],
)
def test_a_council_named_by_a_word_is_the_place_only_when_written_as_one(text, places):
    assert [m.subject.name for m in find_subject_mentions(text)] == places


def test_a_question_naming_the_place_with_a_possessive_asks_for_that_place():
    assert (
        read("Which organisation submitted Reading's IRO annual report for 2017/18?").subject.name
        == "Reading"
    )


def test_a_question_naming_the_places_newspaper_asks_for_that_place():
    question = (
        "What was Brighter Futures for Children's overspend in 2023/24, according to the Reading Chronicle?"
    )
    assert read(question).subject.name == "Reading"
