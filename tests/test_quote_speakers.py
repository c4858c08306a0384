"""Who speaks a quoted paragraph that names nobody: the one whose paragraph opened a quote that runs on into it
(answering/quote_speakers.py). Table-driven, no index; the paragraphs are written for these tests."""

from __future__ import annotations

import pytest

from qa_assistant.answering.quote_speakers import quote_opened_at
from qa_assistant.figures.question import read

OPENER = 'Councillor Ann Lee backed the plan, and said: "It is wrong to move children far from home.'


@pytest.mark.parametrize(
    "text,opener",
    [
        # a quote left open at a paragraph's end runs on into the next paragraph that opens with a quote mark
        (OPENER + '\n"Some placements cost up to £6,000 a week."', OPENER[:20]),
        # ... over more than one paragraph, each left open, and past a blank line
        (OPENER + '\n\n"We will build homes here.\n"Some placements cost £6,000 a week."', OPENER[:20]),
        # ... with curly marks
        (
            "Cllr Ann Lee said: \u201cIt is wrong.\n\u201cSome placements cost £6,000 a week.\u201d",
            "Cllr Ann Lee said",
        ),
        # a quote closed before the paragraph ends is done: the next quote is not known to be the same speaker's
        ('Councillor Ann Lee said: "It is wrong."\n"Some placements cost £6,000 a week."', None),
        # a paragraph that does not open with a quote mark is not a quote running on
        (OPENER + "\nSome placements cost £6,000 a week.", None),
        # the first paragraph of a paper has nothing before it
        ('"Some placements cost £6,000 a week."', None),
        # two speakers in the opening paragraph: the one who opened the quote left open
        (
            'Councillor Tom Hale said: "We back the plan." Councillor Ann Lee replied: "It is wrong.\n'
            '"Some placements cost £6,000 a week."',
            "Councillor Ann Lee replied",
        ),
        # a stray mark (an inch mark, an unclosed title) opens no quote: no verb of saying before it
        (
            'Director Jane Cole introduced the "Staying Close programme.\n"Some placements cost £6,000 a week."',
            None,
        ),
        # the quoted paragraph names its own speaker
        (OPENER + '\n"Some placements cost £6,000 a week," a spokesperson for the Department said.', None),
        # a sentence after the quote has closed is not in it
        (OPENER + '\n"We will act." Some placements cost £6,000 a week.', None),
        # the one spoken to or written to is not the speaker
        (
            'Campaigners wrote to Councillor Ann Lee saying: "It is wrong.\n"Some placements cost £6,000 a week."',
            None,
        ),
        (
            'Councillor Ann Lee told Director Jane Cole: "It is wrong.\n"Some placements cost £6,000 a week."',
            None,
        ),
        # the same speaker goes on ("she added"), and a paragraph opening on a quote mark is no closing one
        (OPENER + '\n"Some placements cost £6,000 a week," she added.', OPENER[:20]),
        (OPENER + '\n"Some placements cost £6,000 a week", Ms Cole said.', None),
        (OPENER + '\n"Some placements cost £6,000 a week. We said this last year."', OPENER[:20]),
    ],
)
def test_a_quote_running_on_is_said_by_who_opened_it(text, opener):
    start = text.rindex("Some placements")
    found = quote_opened_at(text, start)
    assert (text[found : found + len(opener)] if found is not None else None) == opener


@pytest.mark.parametrize(
    "question",
    [
        "To whom did Ofsted send its letter after the focused visit?",
        "By whom was the report presented to the panel?",
    ],
)
def test_a_preposition_before_whom_still_asks_for_a_person(question):
    assert read(question).answer_type == "person"


@pytest.mark.parametrize(
    "question",
    [
        "With whom do most children in care live?",
        "To whom were most contacts referred?",
        "To whom were most referrals made?",
    ],
)
def test_whom_asking_for_a_group_is_not_a_person_question(question):
    assert read(question).answer_type != "person"
