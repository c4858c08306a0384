"""What a number belongs to when the clause around it says so: a relative clause's noun ("the Illuminations,
which overspent by ..."); and when it is, when
a paper names its financial year from its own date ("in the last financial year"). Table-driven, no index; the
sentences are written for these tests, not copied from any paper."""

from __future__ import annotations

import datetime as dt

import pytest
from figure_helpers import figure, support

from qa_assistant.figures.question import read
from qa_assistant.text.dates import find_dates
from qa_assistant.text.title_dates import dated_title


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
        # not a noun inside a prepositional phrase, nor a verb that says what the noun held
        (
            "Home to School Transport for pupils with an EHCP, which overspent by £2m, remains a pressure.",
            "£2m",
            "Home to School Transport for pupils with an EHCP, which overspent by",
        ),
        ("Cabinet agreed growth in the placements budget, which included £1.5m.", "£1.5m", "included"),
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
        # a part that names nothing ("including £99,000 from ...") counts what its whole does
        (
            "What was the overspend in children's social care in 2021/22?",
            "Other areas of the 2021/22 budget to overspend include the Leisure Centre, which overspent by "
            "£266,000 including £99,000 from extending the opening hours.",
            "£99,000",
            False,
        ),
        (
            "What was the overspend on the Leisure Centre?",
            "Other areas of the 2021/22 budget to overspend include the Leisure Centre, which overspent by "
            "£266,000 including £99,000 from extending the opening hours.",
            "£266,000",
            True,
        ),
        # the cause of an overspend named before "resulting in" stays in what it counts
        (
            "What was the overspend in children's services?",
            "Home to school transport costs have risen sharply resulting in an overspend of £2.3m.",
            "£2.3m",
            False,
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
        # with no paper date it names no year; near a financial year the text names, "previous" is that one's
        ("overspent in the last financial year", None, None),
        (
            "In 2022/23 the overspend was £3m, compared with £2m in the previous financial year.",
            dt.date(2024, 6, 12),
            "2022/23 financial year",
        ),
        # in April "this financial year" may still be the one just ended
        ("a forecast overspend this financial year", dt.date(2024, 4, 3), None),
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
        # beside a year, the day the data is as of, or a day a later year follows, does not date the paper
        ("Children looked after at 31 March 2023 (report 2023/24)", None),
        ("Ofsted inspection of 12 May 2023 - Northern Echo 2024", None),
        ("Minutes of the meeting on 7 August 2018", dt.date(2018, 8, 7)),
    ],
)
def test_the_one_day_in_a_title_dates_the_paper(title, day):
    assert dated_title(title) == day


@pytest.mark.parametrize(
    "title",
    ["Outturn 2023/24 - year ended 31 March 2024", "Children in care: census day 31 March 2024 (2023/24)"],
)
def test_a_year_end_day_in_a_title_is_the_datas(title):
    assert dated_title(title) is None


@pytest.mark.parametrize(
    "text,value,phrase",
    [
        # why an amount came about is not what it is
        (
            "A £3.5m overspend in children's services was attributed to more youngsters in care.",
            "£3.5m",
            "overspend in children's services",
        ),
        ("The overspend of £2.7m was largely driven by placement costs.", "£2.7m", "The overspend"),
        # a count's cause says which ones are counted, and "£X of the overspend" is a part of it
        (
            "45 children in care were linked to county lines.",
            "45",
            "children in care were linked to county lines",
        ),
        (
            "£4.2m of the children's services overspend is attributable to agency staff.",
            "£4.2m",
            "of the children's services overspend is attributable to agency staff",
        ),
    ],
)
def test_a_cause_given_after_an_amount(text, value, phrase):
    assert figure(text, value).phrase == phrase


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        (
            "What was the overspend in children's services?",
            "A £3.5m overspend in children's services was attributed to more youngsters in care.",
            "£3.5m",
            True,
        ),
        # a subset named by its cause does not answer for the whole
        (
            "How many referrals were received?",
            "In the quarter, 320 referrals were attributed to domestic abuse.",
            "320",
            False,
        ),
    ],
)
def test_an_overspend_and_its_cause(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "question,measure",
    [
        # who was told names the occasion, not what is asked
        ("What overspend were cabinet members told was projected?", "overspend"),
        ("What overspend were councillors told was forecast for 2024/25?", "overspend"),
        # those told may be what is counted when nothing stands between ("children were told")
        ("How many children were told about their rights?", "children told rights"),
        # "the end of the year" stays: a figure from another time of year does not answer it
        ("What overspend did Bexley forecast by the end of the financial year?", "overspend end"),
        ("How many children were starting school in 2023?", "children starting school"),
    ],
)
def test_who_was_told_is_the_occasion(question, measure):
    assert read(question).measure_text == measure


@pytest.mark.parametrize(
    "question,latest",
    [
        # a capitalised "Now" inside a question is a name's ("CYP Now"), not the time's
        ("How many children did Liverpool have in care, according to CYP Now's Local Spotlight?", False),
        ("According to Children and Young People Now, how many children were in care?", False),
        ("How many children are in care now?", True),
        ("Now, how many children are in care?", True),
    ],
)
def test_now_in_a_name_asks_no_current_figure(question, latest):
    assert read(question).explicit_latest == latest


@pytest.mark.parametrize(
    "text,value,phrase",
    [
        # where an amount was said is not what it is
        (
            "The council said it was facing a £12.6m overspend in a report to councillors.",
            "£12.6m",
            "overspend",
        ),
        ("There were 45 children in care, in its latest update to the panel.", "45", "children in care"),
        # "in the report period" says when, as before
        ("The council recorded 300 referrals in the report period.", "300", "referrals"),
    ],
)
def test_where_an_amount_was_said_is_not_what_it_is(text, value, phrase):
    assert figure(text, value).phrase == phrase


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # an amount spent on those a count counts: the count's words are the amount's too
        (
            "How much does the council spend a year on housing children subject to a deprivation of liberty order?",
            "The council spends around £1.9million a year on housing just 20 children subject to a deprivation of"
            " liberty order.",
            "£1.9million a year",
            True,
        ),
        # ... not an amount whose words stop before another clause's count
        (
            "How much does the council spend a year on children subject to a deprivation of liberty order?",
            "The council spends £1.9million a year on housing, and 20 children are subject to a deprivation of"
            " liberty order.",
            "£1.9million a year",
            False,
        ),
    ],
)
def test_an_amount_spent_on_those_counted(question, text, value, ok):
    assert support(question, text, value).ok is ok


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # a money noun right after an amount is that amount's, never a later count's
        (
            "What shortfall did the council fund for placements?",
            "The council must fund a £6.7m shortfall to cover the cost of 13 extra placements.",
            "13",
            False,
        ),
        # ... only a money noun: what kind of budget it is may say what is counted
        (
            "How many foster carers does the budget support?",
            "A £2m fostering budget supports 40 carers.",
            "40",
            True,
        ),
        # ... and where the money went may say where those counted are
        (
            "How many pupils were in independent special schools?",
            "An overspend of £6.9m in Independent Special Schools with numbers of over 600 pupils.",
            "600",
            True,
        ),
    ],
)
def test_an_amounts_noun_is_not_a_later_counts(question, text, value, ok):
    assert support(question, text, value).ok is ok


@pytest.mark.parametrize(
    "text,value,subject",
    [
        # a place in a clause of its own after the number ("..., with the national target being 110") is not its
        (
            "The rate is 139 per 10,000 in the population, with the national target being 110.",
            "139 per 10,000",
            "Middlesbrough",
        ),
        (
            "It works out as 139 per 10,000, with the national average at 60 per 10,000.",
            "139 per 10,000",
            "Middlesbrough",
        ),
        # ... while a place right after it is
        ("The rate is 139 per 10,000 in England.", "139 per 10,000", "England"),
    ],
)
def test_a_place_in_a_with_clause_is_not_the_numbers(text, value, subject):
    f = figure(text, value)
    assert (f.subject_name or f.subject) == subject


@pytest.mark.parametrize(
    "text,value",
    [
        ("The rate of children in care aged under 5 is 65 per 10,000 children.", "65 per 10,000"),
        ("The rate of children in care is 65 per 10,000 children aged under 5.", "65 per 10,000"),
    ],
)
def test_an_age_band_still_narrows_a_rate(text, value):
    assert not support("What is the rate of children in care per 10,000?", text, value).ok


def test_what_a_rate_is_per_10000_of_is_its_unit():
    question = "What was the rate of children in care per 10,000?"
    text = "The rate of children in care works out as 139 per 10,000 in the population."
    assert support(question, text, "139 per 10,000").ok


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # a count whose words start at "with" counts those living with them, not the carers
        (
            "How many children in care were living with foster carers?",
            "There are 200 children in care in the borough – including 145 with foster carers and 20 in homes.",
            "145",
            True,
        ),
        (
            "How many approved foster carers did the council have?",
            "We have 150 children in care, 90 with foster carers.",
            "90",
            False,
        ),
        # ... only when the count it continues is of people ("Of the 60 placement disruptions")
        (
            "How many children in care were living with foster carers?",
            "Of the 60 placement disruptions in the year, 25 were with foster carers.",
            "25",
            False,
        ),
        # a word that ranks a figure ("the commonest") adds nothing to what it counts
        (
            "What proportion of children in care had abuse or neglect as their category of need?",
            "Abuse or neglect (78%) was the commonest category of need among children in care.",
            "78%",
            True,
        ),
        # ... but "common" alone may name a kind ("common assessments")
        (
            "How many assessments were completed?",
            "There were 900 common assessments completed.",
            "900",
            False,
        ),
        # "how much extra" asks the amount an extra is, which the reader files as a change
        (
            "How much extra did the council say it had put into children's services?",
            "An extra £17million has been put into children's services, the council said.",
            "£17million",
            True,
        ),
        # ... only an amount given as an extra: a change by which something rose is no extra amount
        (
            "How many additional social workers did the council have?",
            "Social worker numbers fell by a further 12 in the year.",
            "12",
            False,
        ),
        (
            "How much extra did the council put into children's services?",
            "Spending on children's services rose by £17million.",
            "£17million",
            False,
        ),
    ],
)
def test_whose_words_a_count_has(question, text, value, ok):
    assert support(question, text, value).ok is ok
