"""Table-driven tests for rules that make figures from papers the system has never seen answerable, and keep
the wrong ones out: what a question asks (not what it quotes to name its source), lists and tables as
councils and FOI answers lay them out, news-style dates, and a figure filed under a sibling concept.

Every text is written for these tests in the shapes public pages use; none is copied from a paper.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from figure_helpers import figure, figures, paper, support

from qa_assistant.answering.figure_choice import (
    BoundReader,
    Scored,
    best_series,
    from_named_paper,
    matches_period,
)
from qa_assistant.answering.figure_context import FigureContexts, refers_back
from qa_assistant.figures.candidates import extract_figures
from qa_assistant.figures.concepts import names_several_measures
from qa_assistant.figures.masks import mask_dates
from qa_assistant.figures.question import read
from qa_assistant.figures.range_ends import asked_end
from qa_assistant.figures.selection import Support, check
from qa_assistant.figures.subjects import same_authority
from qa_assistant.figures.support_context import build_context
from qa_assistant.figures.terms import measure_terms
from qa_assistant.figures.when_words import says_only_when
from qa_assistant.models import Document
from qa_assistant.text.dates import find_dates

# ---- the question: its unit and measure come from the words that ask ----------------------------------------


@pytest.mark.parametrize(
    "question,unit,kind,not_measure",
    [
        # a percentage the question quotes to say which scorecard it means is given, not asked
        (
            "In the scorecard reporting a 22.6% reduction, how many children had ceased to be looked after?",
            "count",
            "level",
            {"22", "6"},
        ),
        # a news story's title that names costs does not make "how many children" a money question
        (
            "How many children were in the council's care in the 'care costs are killing us' story?",
            "count",
            "level",
            set(),
        ),
        # "how many" asks for a count even when money words name the occasion
        ("How many social workers did the £400,000 plan recruit?", "count", "level", {"400"}),
        # the amount over budget is the overspend itself, not a change in it
        (
            "By how much was the placements budget forecast to overspend this year?",
            "money",
            "forecast",
            set(),
        ),
        # ... also when the question says the amount is over the budget, or that the budget was overrun
        ("By how much was the trust over its £130m annual budget for 2022/23?", "money", "level", set()),
        ("By how much did the people directorate overrun its budget in 2021-22?", "money", "level", set()),
        ("By how much did the directorate overrun its budget?", "money", "level", {"budget"}),
        # ... while a budget over last year's is a change between two budgets
        (
            "By how much is the 2024-25 children's services budget over last year's budget?",
            "money",
            "change",
            set(),
        ),
        # a position asked ("where in the sequence", "where did it rank", "which monitoring visit") is an ordinal,
        # and the words that ask it are not the measure
        (
            "Where in the sequence of monitoring visits did the March 2022 visit come?",
            "ordinal",
            "level",
            {"sequenc", "come"},
        ),
        (
            "Where did Middlesbrough rank among single tier councils for its reserves?",
            "ordinal",
            "level",
            {"rank"},
        ),
        # ... also of a rate (any measure may be ranked; the rate's word does not make it a rate question)
        (
            "Where did Middlesbrough rank among local authorities for its child protection rate in 2022?",
            "ordinal",
            "level",
            {"rank"},
        ),
        (
            "Which monitoring visit since the inadequate judgement was the July 2025 visit?",
            "ordinal",
            "level",
            set(),
        ),
        # ... while a rise in the overspend is a change
        ("By how much did the overspend rise between Q1 and Q2?", "money", "change", set()),
        # "to reduce" says what money was for; "... reduce its budget by?" asks the size of a change
        ("How much did the programme secure to reduce parental conflict?", "money", "level", set()),
        ("How much did the council have to reduce its budget by?", "money", "change", set()),
        ("How many days did adoption take?", "duration", "level", set()),
        ("What percentage of care leavers were NEET?", "percent", "level", set()),
        # a month without its year says when, with the words that place the figure in it
        ("How many fostered children were there at the end of March?", "count", "level", {"end", "march"}),
        # an event the question counts from says when, and "academic year" is part of its date
        (
            "How many children were in care 16 months after the Children's Trust was set up?",
            "count",
            "level",
            {"16", "trust", "set"},
        ),
        ("How many pupils were excluded in the 2021/22 academic year?", "count", "level", {"academ"}),
        ("How many children were adopted in May?", "count", "level", {"may"}),
        # "the council itself" stresses who, and "supporting" is how the council holds a case, not a measure
        ("What share of placements were arranged by the council itself?", "percent", "level", {"itself"}),
        ("How many children were we supporting through Child in Need?", "count", "level", {"support"}),
        # ... and its day, too, says when ("at 31 March", "the 31st of March", "March 31st")
        ("How many children were in the council's care at 31 March?", "count", "level", {"31", "march"}),
        ("How many children were in care on the 31st of March?", "count", "level", {"31st", "31", "march"}),
        ("How many care leavers were there on March 31st?", "count", "level", {"31st", "31", "march"}),
        # a child is under 18: "children under 18" asks nothing more than "children" ...
        ("How many children under 18 were recorded as missing?", "count", "level", {"18"}),
        ("How many children (under 18 years old) were missing?", "count", "level", {"18", "old"}),
        # a "rate" of a measure reported as a percentage asks for that rate, never a count
        ("What was the fixed term exclusion rate in the city in 2014-15?", "rate", "level", set()),
        # "how many times more likely" asks for a multiple: a count or a percentage will not do
        ("How many times more likely to be excluded are boys than girls?", "multiple", "level", set()),
        # a rate of pay is money
        ("What hourly rate did the council pay agency social workers?", "money", "level", set()),
        # ... an annual rate of growth is not
        ("What was the annual rate of growth in children in need?", "rate", "level", set()),
        # a count the question gives to name its source, with the words it counts, is not asked
        (
            "How many children were looked after in the update that also counted 284 care leavers?",
            "count",
            "level",
            {"284", "leaver"},
        ),
        # ... or a count it says the amount asked includes
        (
            "How much a year is the council investing, including more than 40 new social work professionals?",
            "money",
            "level",
            {"40", "social", "profession"},
        ),
        # ... or the whole a part is asked of ("how many of the 22 areas"): what the parts are is asked
        (
            "In how many of the 22 areas in the inspection report was the council judged good?",
            "count",
            "level",
            {"22", "area"},
        ),
        (
            "How many of the 1,500 young carers cared for 50 hours or more?",
            "count",
            "level",
            {"1,500", "1500", "young"},
        ),
        # "how much higher ... than" asks the difference itself; "how much additional funding" an amount given
        (
            "How much additional investment for vulnerable children did the draft budget include?",
            "money",
            "level",
            set(),
        ),
        (
            "How much higher was the cost of an out of borough placement than an in-house one, as a percentage?",
            "percent",
            "change",
            set(),
        ),
        # ... only when said against something ("than"): not "higher education", not "more money is needed"
        ("How much more of the budget went on placements?", "money", "level", set()),
        ("How much higher education funding did care leavers receive?", "money", "level", set()),
        ("How much more did the council spend on placements than budgeted?", "money", "change", set()),
        # ... or with its own verb, against a year ("compared with")
        (
            "How much more was spent on residential placements in 2023/24 compared with 2022/23?",
            "money",
            "change",
            set(),
        ),
        # "the annual increase in" is a change as "the increase in" is
        ("What is the annual increase in the cost of residential placements?", "money_year", "change", set()),
        # ... "how much more is needed" asks an amount, not a difference
        ("How much more is needed to close the funding gap?", "money", "level", set()),
        # ... but with its own verb it asks the difference ("how much more was spent")
        ("How much more was spent on residential placements in 2023/24?", "money", "change", set()),
        # ... and exceeding a forecast or a number is a difference, as a target's is
        ("By how much did the number of referrals exceed the forecast?", None, "change", set()),
        # ... and "exceed the budget" the overspend, with the budget the question gives blanked first
        ("By how much did spending exceed the budget?", None, "level", set()),
        # ... as is exceeding an average (only a budget or funding is exceeded by an overspend)
        (
            "By how much did Camden's rate of children in care exceed the national average?",
            "rate",
            "change",
            set(),
        ),
        # exceeding a target is a difference from it, exceeding a budget the overspend
        ("By how much did foster carer recruitment during 2023/24 exceed its target?", None, "change", set()),
        # "by how much ... overspent", however far apart, is the overspend itself
        (
            "By how much was Enfield's 2024/25 budget for spending on looked-after children likely to be "
            "overspent?",
            "money",
            "level",
            set(),
        ),
        # a clause with its own subject says when, not which kind, even after "as"
        (
            "How many children were in care, as officers told the committee about the projected overspend?",
            "count",
            "level",
            set(),
        ),
        # what a rate is per 10,000 of is its unit, not the measure
        (
            "What was Blackburn with Darwen's rate of children in care per 10,000 children under 18?",
            "per_10000",
            "level",
            {"18", "under"},
        ),
        # a paper's name may say which kind is asked, named by any reporting verb
        (
            "What was the overspend on placements, as discussed in the quarter 2 forecast report?",
            "money",
            "forecast",
            set(),
        ),
        (
            "What was the number of children in care as reported in the year-end forecast?",
            "count",
            "forecast",
            set(),
        ),
        # the clause naming the occasion says when, not which kind of figure is asked
        (
            "To how many did the number of children in Cambridgeshire's care rise when its placements budget was "
            "predicted to overspend by £3.5 million?",
            "count",
            "level",
            set(),
        ),
        # "by how many" asks a change as "by how much" does; "how many more ... than" asks the difference
        (
            "By how many did the number of children in care change compared with 2020/21?",
            "count",
            "change",
            set(),
        ),
        (
            "How many more young people than assumed in the budget were forecast to be supported in 2018/19?",
            "count",
            "change",
            set(),
        ),
        ("How many more children are in care?", "count", "level", set()),
    ],
)
def test_what_a_question_asks(question, unit, kind, not_measure):
    r = read(question)
    assert (r.unit, r.figure_kind) == (unit, kind)
    assert not set(r.measure_seq) & not_measure


@pytest.mark.parametrize(
    "question,ok",
    [
        # "212 times" counts occasions: it answers how many times, not how many children
        ("How many children went missing?", False),
        ("How many times did children go missing?", True),
    ],
)
def test_a_count_of_times_counts_occasions(question, ok):
    text = "Children went missing 212 times over the year, with 45 children going missing more than once."
    assert support(question, text, "212").ok == ok


def test_a_count_of_those_paid_at_a_rate_is_not_money():
    assert read("How many agency social workers were paid above the hourly rate cap?").unit != "money"


def test_a_younger_age_is_still_asked():
    # ... but "children aged under 12" asks for an age group
    assert "12" in read("How many children aged under 12 were missing?").measure_seq


@pytest.mark.parametrize(
    "question,measure,source",
    [
        # the paper is named from the last "in" before its noun: the first "in" still says what is counted
        (
            "How many children did Herefordshire have in care in its FOI response last year?",
            {"child", "care"},
            {"foi", "respons"},
        ),
        (
            "How many children did the council have in external placements in the BBC's report on the overspend?",
            {"child", "extern", "placement"},
            {"bbc"},
        ),
        ("How many carers were approved in the annual fostering report?", {"carer", "approv"}, {"annual"}),
        # ... but a long run of other words after "did" is what is asked
        (
            "How many assessments did the team complete within 45 days as reported to the Board?",
            {"assess", "complet", "45", "day"},
            {"board"},
        ),
        # a long title between "did" and the reporting verb still names who said it
        (
            "What weekly cost of crisis provision did Rochdale's assistant director of children's social care "
            "quote in January 2019?",
            {"crisi", "provis"},
            {"assist", "director"},
        ),
        # "report" after "did <someone>" is a verb: what comes before it is still asked
        (
            "How many looked after children in placements did the council report in the Cabinet business case?",
            {"look", "child", "placement"},
            {"cabinet", "busi", "case"},
        ),
        # "reported in 2017-18" says when, not where: what follows is still asked
        (
            "How many missing incidents were reported in 2017-18 for looked after children placed inside the county?",
            {"miss", "incid", "placement", "insid"},
            set(),
        ),
        # a paper named with its own year and more words before "say"
        (
            "What did the 2025/26 budget press release say the savings would rise to in 2026/27?",
            {"save"},
            {"budget", "press", "releas"},
        ),
        # "the year of <a paper>" says when by naming the paper
        (
            "What was the forecast spend on placements for the year of the in-house homes business case?",
            {"spend", "placement"},
            {"busi", "case"},
        ),
        # ... and an occasion after the period still names the source
        ("What overspend was reported in March 2023 to the executive?", {"overspend"}, {"execut"}),
        # budget proposals are a paper
        (
            "What council tax increase was proposed in our initial 2025/26 budget proposals?",
            {"tax"},
            {"budget"},
        ),
        # a review or an evaluation is a paper; "reviews" counted stay the measure
        (
            "How many foster households did the council have at the time of its 2024 recruitment review?",
            {"foster", "household"},
            {"recruit", "review"},
        ),
        ("How many families took part, according to the programme's evaluation?", {"famili"}, {"evalu"}),
        ("How many child protection reviews were held on time?", {"child", "protect", "review"}, set()),
        # who did something is no source ("did foster carers and their families raise")
        (
            "How many complaints did foster carers and their families raise?",
            {"complaint", "foster", "carer"},
            set(),
        ),
        # "looked after" is no preposition before a paper's noun
        (
            "What percentage of looked after children reviews were held within timescale?",
            {"look", "child", "review"},
            set(),
        ),
        # "as heard at / cited in / set out in ...": the occasion or paper, not what is counted
        (
            "How many agency workers did Bexley have in mid-2023, as heard at the February 2025 scrutiny meeting?",
            {"agenc", "worker"},
            {"scrutini"},
        ),
        ("How many carers were recruited, as set out in the sufficiency strategy?", {"carer"}, {"suffici"}),
        # a count with "that included" is part of what is asked, not a paper it names
        (
            "How many children in care had a placement history that included 3 or more moves?",
            {"child", "placement", "move"},
            set(),
        ),
        # "looked after" opens no clause naming an occasion ("after ... were adopted")
        (
            "What percentage of children looked after in Derby were adopted during 2019-20?",
            {"child", "look", "adopt"},
            set(),
        ),
        ("How many looked-after children were adopted in 2022-23?", {"child", "look", "adopt"}, set()),
        # "In how many areas of its report": "how" starts what is asked, so the paper is not named from "In"
        (
            "In how many areas of its Ofsted report was the council judged inadequate?",
            {"area", "inadequ"},
            set(),
        ),
    ],
)
def test_the_words_naming_the_paper_start_at_its_own_preposition(question, measure, source):
    r = read(question)
    assert measure <= set(r.measure_seq), r.measure_seq
    assert source <= set(r.source_terms) and not measure & set(r.source_terms), r.source_terms


@pytest.mark.parametrize(
    "question,in_measure,in_source",
    [
        # a period after "as recorded at" says when, not which paper
        ("How many children were in care, as recorded at 31 March 2023?", {"child", "care"}, set()),
        # the paper's words end before the next preposition when no paper's noun closes them
        (
            "How many children were placed as noted in the sufficiency strategy in residential homes?",
            {"child", "placement", "residenti", "home"},
            {"suffici", "strategi"},
        ),
        # a clause takes over a shorter span only when its verb is right before it: "from the place scrutiny
        # panel" is the occasion, the BBC is still asked of
        (
            "What does home-to-school transport cost, as reported by the BBC from the place scrutiny panel?",
            {"bbc"},
            {"place", "scrutini", "panel"},
        ),
        (
            "How many agency workers were there, as heard at the scrutiny meeting?",
            {"agenc", "worker"},
            {"heard"},
        ),
    ],
)
def test_an_as_clause_names_the_paper_only_as_far_as_it_goes(question, in_measure, in_source):
    r = read(question)
    assert in_measure <= set(r.measure_seq) and not in_measure & set(r.source_terms), r.measure_seq
    assert in_source <= set(r.source_terms) and not r.date_names_paper, r.source_terms


def test_a_post_cited_by_its_quoted_title_adds_nothing_to_the_measure():
    r = read(
        "What was the rate of children in care in April, as cited in the 'Fall in the number of children in care' post?"
    )
    assert r.measure_seq == ["child", "care"] and "post" in r.source_terms


def test_a_change_the_question_quotes_names_no_date_or_trend():
    r = read(
        "In the scorecard that reported a 22.3% reduction since August 2020, how many children were in "
        "connected carers placements in July 2021?"
    )
    assert (r.date_label, r.intent, r.unit) == ("July 2021", "value", "count")
    assert read("By what percentage were numbers down on the same point a year earlier?").measure_seq == []


def test_compared_with_last_year_asks_for_both_years_unless_a_change_is_asked():
    assert read("How many children were in care, compared with last year?").intent == "timeline"
    assert read("How much did spending rise compared with last year?").figure_kind == "change"


def test_a_forecast_question_takes_a_part_of_a_breakdown():
    s = support(
        "What was the forecast overspend at the end of September 2018?",
        "There was an overspend of £5.6m which was attributable to the Children's Social Care service.",
        "£5.6m",
    )
    assert s.ok, s.reason


@pytest.mark.parametrize(
    "question,subject",
    [
        (
            "How many children in Northumberland were subject to a child protection plan in March 2018?",
            "Northumberland",
        ),
        (
            "How many children were in Lincolnshire's care according to its Fostering Annual Report?",
            "Lincolnshire",
        ),
        # a place that names the paper is not whose figure when the question names another ...
        ("According to the South Tyneside JSNA, what was Middlesbrough's rate?", "Middlesbrough"),
        (
            "According to the South Tyneside JSNA, how many of our children were looked after?",
            "Middlesbrough",
        ),
        # ... but with no other place and no "our", a council's own report is about that council
        ("According to the South Tyneside JSNA, how many children were looked after?", "South Tyneside"),
        ("In Barnsley's 2019/20 corporate parenting report, how many children were in care?", "Barnsley"),
        ("In the Kirklees report presented by Julie Bragg, how many children were in care?", "Kirklees"),
        # a local paper is named for its place: the source, unless no other place is named
        (
            "In how many areas was Kingston Council judged inadequate, according to the Sutton Guardian?",
            "Kingston upon Thames",
        ),
        (
            "According to the Sutton Guardian, how many children were in care in Kingston?",
            "Kingston upon Thames",
        ),
        (
            "According to a column in Brighton and Hove News, how much did placements cost?",
            "Brighton and Hove",
        ),
        ("How many children were in care, as reported by the Hartlepool Mail?", "Hartlepool"),
        # a council's common short name ("Kingston" for Kingston upon Thames, "Telford")
        ("How many children did Telford have in care?", "Telford and Wrekin"),
    ],
)
def test_a_place_is_the_source_only_when_it_names_the_paper(question, subject):
    assert read(question).subject.name == subject


_NEWS_FROM_NATIONAL_DATA = (
    "Figures show 3,658 requests were made in Lancashire in 2024.\n\nOf the new plans issued, 17% were issued within"
    " 20 weeks.\n\nAcross England, 154,500 requests were received in 2024.\n\nJust 46% of new plans were issued"
    ' within 20 weeks last year.\n\nClaire said: "We see 12 families a week."\n\nIn Lancashire, 30% waited.'
)


@pytest.mark.parametrize(
    "text,value,subject",
    [
        (
            "Its vacancy rate covered by agency staff is 9.5 per cent – below the national average of 14 per cent.",
            "9.5 per cent",
            "Middlesbrough",
        ),
        (
            "Its vacancy rate covered by agency staff is 9.5 per cent – below the national average of 14 per cent.",
            "14 per cent",
            "England",
        ),
        ("Timeliness – 6 month rate 85% (on par with national rate).", "85%", "Middlesbrough"),
        # a place inside the number's own words, however far after it
        ("Figures show there are 6,000 children currently in care in the North East.", "6,000", "North East"),
        # a place the sentence opens with is every number's there, unless a nearer one names its own
        ("Across England, care numbers rose by 4 per cent from 72,600 to 75,400.", "72,600", "England"),
        ("Across England, care numbers rose by 4 per cent from 72,600 to 75,400.", "75,400", "England"),
        ("In Stockton, 120 children were in care, compared with 70 in England.", "120", "Stockton"),
        ("In Stockton, 120 children were in care, compared with 70 in England.", "70", "England"),
        # a region's name inside an authority's is the authority
        ("North East Lincolnshire had 300 children in care.", "300", "North East Lincolnshire"),
        # a sentence that refers back to one opening with a place is about that place too
        (
            "Nationally, agency workers reached 7,174 FTE. Of these, 5,744 filled vacancies. This meant 74.4% of "
            "vacancies were covered by agency workers.",
            "74.4%",
            "England",
        ),
        (
            "Nationally, 70 per 10,000 are in care. This compares with 150 in Middlesbrough.",
            "150",
            "Middlesbrough",
        ),
        # a paragraph opening "Nationally," starts a run of paragraphs about the nation until a place is named
        # or the council speaks ("we"): wrongly England's, a figure is not given for the council; wrongly the
        # council's, it would be a confident wrong number
        ("Nationally, 70 per 10,000 are in care.\n\nThis means 45 children waited.", "45", "England"),
        ("Nationally, 70 per 10,000 are in care.\n\nWe saw 45 children wait.", "45", "Middlesbrough"),
        # a party before a place says who, it does not make the place an organisation's name
        ("Labour Darlington councillor Nick Wallis said 40 care leavers had applied.", "40", "Darlington"),
        # a place the sentence leaves out is not whose the figure is
        (
            "The 11 North East councils, excluding Sunderland, spent a total of £8.1 million.",
            "£8.1 million",
            "North East",
        ),
        ("Other than Hartlepool, the councils spent £2m.", "£2m", "Middlesbrough"),
        # a sentence referring back keeps the place the one before opened with, though a later number names its
        # own ("including 118 children from Northumberland"); "Across England there were" opens with England
        (
            "Across England there were 83,840 children in care. Of these, 17,630 were placed more than 20 miles"
            " from their home, including 118 children from Northumberland.",
            "17,630",
            "England",
        ),
        (
            "Across England there were 83,840 children in care. Of these, 17,630 were placed more than 20 miles"
            " from their home, including 118 children from Northumberland.",
            "118",
            "Northumberland",
        ),
        # "across the country" is England's
        (
            "South Tyneside's carers rose to 215. Across the country, the number of approved foster carers has"
            " dropped each of the last two years - there were around 73,500 last March.",
            "73,500",
            "England",
        ),
        # news from national data: paragraphs after "Across England," naming no place are England's, until a
        # place is named again or someone speaks for the council ("we")
        # a place's other number between it and this one ("came in at 46") does not take the number from it
        (
            "Durham came 17th, and Stockton came in at 46 with an 80 per cent adoption rate.",
            "80 per cent",
            "Stockton",
        ),
        # ... unless the words between compare it with something else
        ("Stockton's rate is 150 per 10,000, compared with 70 per 10,000.", "70 per 10,000", "Middlesbrough"),
        (_NEWS_FROM_NATIONAL_DATA, "17%", "Lancashire"),
        (_NEWS_FROM_NATIONAL_DATA, "46%", "England"),
        (_NEWS_FROM_NATIONAL_DATA, "12", "Lancashire"),
        (_NEWS_FROM_NATIONAL_DATA, "30%", "Lancashire"),
        # what is paid into another place's body goes there; it is the payer's figure
        (
            "Stockton Council said it expects to pay £51.2 million into the Hartlepool Children's Trust this year.",
            "£51.2 million",
            "Stockton",
        ),
        # ... while "into X's care" says whose care
        ("In 2023/24 a total of 212 children were taken into Stockton's care.", "212", "Stockton"),
        # a council's common short name is the council's; a local paper's place is not whose figure
        ("Kingston saw seven areas deemed inadequate and two deemed good.", "seven", "Kingston upon Thames"),
        (
            "In Richmond, 41 children were adopted, the Kingston Guardian reported.",
            "41",
            "Richmond upon Thames",
        ),
        (
            "Speaking to the Kingston Guardian, officials said 41 children were adopted.",
            "41",
            "Middlesbrough",
        ),
        # ... nor an ordinary word after a place, nor the places a paper is named for
        ("Across Sunderland Post-16 provision, 412 young people were NEET.", "412", "Sunderland"),
        (
            "Figures seen by the Darlington and Stockton Times show 120 children were in care.",
            "120",
            "Middlesbrough",
        ),
        # a short form that starts another proper name is not the council
        ("Windsor Castle welcomed 120 children in care.", "120", "Middlesbrough"),
    ],
)
def test_whose_figure_a_number_is(text, value, subject):
    assert figure(text, value).subject_name == subject


def test_a_local_paper_in_the_title_does_not_say_whose_paper_it_is():
    title = "Teesside council's children's services overspend | Sunderland Echo"
    f = figure("The council had 620 children in care at the end of March.", "620", title=title)
    assert f.subject_name == "Middlesbrough"


def test_vacancies_covered_by_agency_workers_is_a_measure_not_a_source():
    r = read("What proportion of vacancies were covered by agency workers nationally in 2023?")
    assert {"cover", "agenc", "worker"} <= set(r.measure_seq)
    assert "cover" not in read("How many children were looked after, as covered by the Echo?").measure_seq


# ---- lists under a colon lead-in, list markers -------------------------------------------------------------

FOI_ANSWER = (
    "c. Total number of carer households as of today:\n"
    "i. Connected Carers (family and friends)\n\nEighteen (18)\n\n"
    "ii. Mainstream in-house\n\nTwo hundred and seventy six (276)\n\n"
    "a. Number of children currently placed with:\n"
    "i. Connected carers\n\nThirty five (35)\n\n"
    "ii. Mainstream in-house carers\n\nThree hundred and twenty three (323)\n"
)


@pytest.mark.parametrize(
    "question,value,ok",
    [
        ("How many mainstream in-house carer households were there?", "276", True),
        # the list it sits in counts children placed, not households: never the households' answer
        ("How many mainstream in-house carer households were there?", "323", False),
        ("How many children were placed with mainstream in-house carers?", "323", True),
    ],
)
def test_a_list_lead_in_says_what_its_items_count(question, value, ok):
    s = support(question, FOI_ANSWER, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "text,value,phrase",
    [
        ("ii. Mainstream in-house\n\nTwo hundred and seventy six (276)", "276", "Mainstream in-house"),
        ("(iv) Connected carers: 40", "40", "Connected carers"),
        ("b) Residential placements: 12", "12", "Residential placements"),
        # a word processor's "o" sub-bullet is no word of the phrase
        ("Progress:\n\no Care proceedings had fallen to 31 weeks.", "31 weeks", "Care proceedings"),
        ("o Placement moves stood at 14.", "14", "Placement moves"),
        # what money is spent on, after "cost for"
        (
            "£950 was the average weekly cost for agency foster placements in 2021/22.",
            "£950",
            "was the average weekly cost for agency foster placements",
        ),
        # "<noun phrase> of N <verb> <object>": the noun phrase says what N is
        (
            "A projected underspend of £1.2m covered a pressure of £0.4m on transport.",
            "£1.2m",
            "projected underspend",
        ),
        # ... but after "is"/"are" the words still say what it is
        ("Savings of £600k are expected to be achieved by March.", "£600k", "are expected to be achieved"),
        # a rate set beside a count by a comma is the count's rate
        (
            "There were 3,890 referrals accepted by the teams, a rate of 659 per 10,000 children.",
            "659 per 10,000",
            "referrals accepted",
        ),
        # ... and so is one in brackets right after the count's words ("population" is what it is per 10,000 of)
        (
            "In 2021 there were 947 children in care in Hull (160 per 10,000 population).",
            "160 per 10,000",
            "children in care in Hull",
        ),
        # a label that says only when is not what the number counts
        ("“Last year (2016-2017) 129 children came into care.", "129", "children came into care"),
        # an -ed word that starts a noun phrase is not a predicate
        (
            "A total of 84 approved foster households were in place.",
            "84",
            "approved foster households were in place",
        ),
        # what money is spent "on" goes on to say for whom
        (
            "Of the overspend, £7.1m was spent on placements, and £1.6m on care for migrant children.",
            "£1.6m",
            "on care for migrant children",
        ),
        # the service a number is counted "through" says what it counts
        (
            "As of 29/12/21 we support\n\n- 1446 children through Child In Need",
            "1446",
            "children through Child In Need",
        ),
        ("We supported 120 families through difficult times.", "120", "families"),
        # "in care in the city": a word ending in "are" before a preposition is no verb
        (
            "Between 2016 and 2020 the number of children in care in the city rose from 410 to 480.",
            "410",
            "the number of children in care in the city",
        ),
        # a clause that is only a change counts what the clause before it named
        (
            "The city now has more children in care; from 390 in 2019 to 455 in 2022.",
            "455",
            "The city now has more children in care",
        ),
        # a "where" / "whose" clause after a counted noun says which ones
        (
            "There are 40 children where the placing council is not recorded.",
            "40",
            "children where the placing council is not recorded",
        ),
        ("There were 60 referrals where the threshold was met.", "60", "referrals"),
        ("There were 12 families whose support plans were closed.", "12", "families"),
        # "the number of" after "for" belongs to what comes before it
        (
            "The target for the number of children in care by March 2025 is 400.",
            "400",
            "The target for the number of children in care by March 2025",
        ),
        # a table cell's label on the line before does not name a sentence that opens the next line
        (
            "Hereford |\n388 children were in the care of the council as of December 2022.",
            "388",
            "children were in the care of the council",
        ),
        ("Children in care |\n388\nCare leavers |\n120", "388", "Children in care"),
        # "and" inside a capitalised name joins no clauses
        (
            "The service forecast it would spend £3.7m beyond its budget for Children’s and Family Services.",
            "£3.7m",
            "beyond its budget for Children’s and Family Services",
        ),
        # "the number of ..." starts the measure after any preposition
        (
            "The Lead updated the Board on the number of children looked after which stood at 1,140.",
            "1,140",
            "the number of children looked after",
        ),
        # who reports it is not what the number counts: the phrase starts after a reporting verb and its new subject
        (
            "Officers say they had hoped to make savings of £1.1 million this year.",
            "£1.1 million",
            "they had hoped to make savings",
        ),
        (
            "Costs continue to spiral for children's services as the council reveal they are expecting to spend"
            " £6.7 million.",
            "£6.7 million",
            "they are expecting to spend",
        ),
        # ... or a reporting verb and a named subject with its verb
        (
            "Figures obtained by the Gazette show Leeds City Council has paid £2,300,000 to agency staff.",
            "£2,300,000",
            "Leeds City Council",
        ),
        # ... only after a reporting verb: "including" and a name are still the measure's words
        (
            "The number of children in care across the Tees Valley including Middlesbrough is 1,500.",
            "1,500",
            "The number of children in care across the Tees Valley including Middlesbrough",
        ),
        # after a clause with its measure, a value followed only by a verb of being and a place counts the same
        (
            "Figures show 81,000 children were in care across England and 621 were in Dudley.",
            "621",
            "children were in care",
        ),
        # ... and a rate set beside that value as its equivalent measures it too
        (
            "Figures show 81,000 children were in care across England and 621 were in Dudley – the equivalent"
            " of 89 in every 10,000 young people in the area.",
            "89 in every 10,000",
            "children were in care",
        ),
        # ... only when that clause named its own place: else it tells where some of them are
        ("Middlesbrough has 621 children in care, and 85 are in Stockton.", "85", "are in Stockton"),
        # ... and not a rate beside a part of another count
        (
            "Middlesbrough had 621 children in care, 85 of whom were placed out of area - the equivalent of 89 in"
            " every 10,000 children.",
            "89 in every 10,000",
            "the equivalent",
        ),
        # ... but not a value with a verb of its own ("20 were placed in Dudley")
        ("In 2020, 500 children were referred and 20 were placed in Dudley.", "20", "were placed in Dudley"),
        # values listed each with its own period after it share the first one's words
        (
            "The aim is to make savings of £612,051 in the current financial year, £2.65m in 2020/21, £5.8m in"
            " 2021/22, and £7.3m in 2022/23.",
            "£7.3m",
            "The aim is to make savings",
        ),
        # ... but not a later value with words of its own after its period
        (
            "There were 45 children adopted in 2022/23, 30 in the current year, and 12 special guardianship orders.",
            "12",
            "special guardianship orders",
        ),
        ("Savings of £1m in 2022/23, £2m of pressures in 2023/24.", "£2m", "of pressures"),
        # ... nor in a relative clause: the reporter is what is counted
        (
            "The number of providers who said they had vacancies was 12.",
            "12",
            "The number of providers who said they had vacancies",
        ),
        # ... but a participle is no report: "children reported missing" is the measure
        ("The number of children reported missing was 45.", "45", "The number of children reported missing"),
        # a modal verb opens a claim about the number, not what it counts
        (
            "He said the rise to 503 children in care could not be directly attributed to a Baby P effect.",
            "503",
            "children in care",
        ),
        # ... but after a plain count it is part of what is counted
        (
            "Of the 412 children in care, 37 children could not be placed locally.",
            "37",
            "children could not be placed locally",
        ),
        # where those counted come from says which they are; "from" a number or a high is a change's start
        (
            "There were 565 children in care in Cornwall, including 164 from other areas of the UK.",
            "164",
            "from other areas of the UK",
        ),
        ("Numbers rose to 500 from 450 last year.", "500", "Numbers"),
    ],
)
def test_the_phrase_a_number_takes(text, value, phrase):
    assert figure(text, value).phrase == phrase


@pytest.mark.parametrize(
    "text,durations",
    [
        # the end or start of a movement is a value reported
        (
            "Care proceedings were predicted to fall to 26 weeks (down from 60 weeks).",
            ["26 weeks", "60 weeks"],
        ),
        ("The average wait fell to 30 weeks last year.", ["30 weeks"]),
        ("Care proceedings now stand at 34 weeks.", ["34 weeks"]),
        # a movement's end, with or without the start's date between
        ("The average wait for adoption fell from 40 weeks to 34 weeks.", ["40 weeks", "34 weeks"]),
        # ... with the start's unit left for the end to say
        ("The average time to complete care proceedings was reduced from 58 to 52 weeks.", ["52 weeks"]),
        # ... only after a verb of movement: a bare span is no movement
        ("Short breaks last from 2 to 4 weeks.", []),
        (
            "The average wait for adoption rose from 43 weeks, as of April 2018, to 46 weeks in April 2019.",
            ["43 weeks", "46 weeks"],
        ),
        # a limit that defines the measure is not
        ("93% of care proceedings were completed within 26 weeks.", []),
        ("Short breaks of up to 12 weeks were offered to 40 families.", []),
        ("Plans were reviewed to 26 weeks in line with the guidance.", []),
        # a limit set, and "followed up at": no movement's value
        (
            "The timescale for care proceedings was reduced to 26 weeks in 2014, but cases averaged 45 weeks.",
            ["45 weeks"],
        ),
        (
            "Families were followed up at 6 weeks and stayed in the programme for an average of 14 weeks.",
            ["14 weeks"],
        ),
    ],
)
def test_a_duration_a_movement_reaches_is_reported_not_a_limit(text, durations):
    assert [f.value_text for f in figures(text) if f.unit == "weeks" and f.kind != "limit"] == durations


# ---- tables: a unit row label, a place row label -----------------------------------------------------------

YOUTH_JUSTICE_TABLE = (
    "First time entrants\n\n"
    "Gateshead FTEs | 2017/18 | 2018/19 |\n"
    "Number | 77 | 51 |\n"
    "Rate / 1000 | 452 | 298 |\n\n"
    "Regional comparison\n\n"
    "Area | 2017/18 | 2018/19\n"
    "North East | 830 | 687\n"
    "England | 5 | 6\n"
)


@pytest.mark.parametrize(
    "value,unit,subject",
    [
        ("51", "count", "Gateshead"),  # the table's first header names whose figures they are
        ("298", "rate", "Gateshead"),  # "Rate / 1000" labels its row: a rate, and 1000 is no figure
        ("687", "count", "North East"),  # a row labelled by a place holds that place's figures
        ("6", "count", "England"),
    ],
)
def test_table_row_labels_give_unit_and_place(value, unit, subject):
    f = figure(YOUTH_JUSTICE_TABLE, value)
    assert (f.unit, f.subject_name) == (unit, subject)
    assert "1000" not in [g.value_text for g in figures(YOUTH_JUSTICE_TABLE)]


def test_an_acronym_the_question_spells_out_and_the_place_add_no_condition():
    s = support("How many first time entrants did Gateshead have in 2018/19?", YOUTH_JUSTICE_TABLE, "51")
    assert s.ok, s.reason


@pytest.mark.parametrize(
    "text,value,written",
    [
        (
            "The service overspent its budget by more than £1 million last year.",
            "£1 million",
            "more than £1 million",
        ),
        ("There are around 500 children in care.", "500", "around 500"),
        ("The overspend is about £2m.", "£2m", "about £2m"),
        ("Over 300 children are in the care of the council.", "300", "Over 300"),
        ("The service received over 1,200 referrals during 2023/24.", "1,200", "over 1,200"),
        # "over" and "about" as a particle or a preposition hedge nothing
        ("The council carried over £1.2m of unspent grant into 2024/25.", "£1.2m", "£1.2m"),
        ("Members asked for more information about 312 children placed away.", "312", "312"),
        ("There are 500 children in care.", "500", "500"),
        # a hedge in another clause is not this figure's
        ("Over the year, 500 children were in care.", "500", "500"),
    ],
)
def test_an_answer_states_a_figure_with_its_hedge(text, value, written):
    from qa_assistant.answering.citing import as_written

    assert as_written(text, figure(text, value)) == written


# ---- the words a sentence states a figure with ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        (
            "How many of the children in care are with foster families?",
            "Cllr Smith reveals 235 of the children in care are with foster families.",
            "235",
            True,
        ),
        (
            "How many agency workers were there in children's social care?",
            "There were 30.5 full-time-equivalent agency workers in children's social care.",
            "30.5",
            True,
        ),
        # what a body has "on its books" it has
        (
            "How many fostering households did the council have in March 2015?",
            "The council had 115 fostering households on its books in March 2015.",
            "115",
            True,
        ),
        # income above a budget, or a total cost after going over it, is no overspend
        (
            "What is the council's forecast overspend?",
            "Income from school meals was £240,000 above budget in 2023/24.",
            "£240,000",
            False,
        ),
        (
            "What is the council's forecast overspend?",
            "Income from fees and charges exceeded the budget by £0.6m.",
            "£0.6m",
            False,
        ),
        (
            "What is the SEND transport overspend?",
            "SEND transport has overspent its budget, with costs of £9.8m.",
            "£9.8m",
            False,
        ),
        # spending beyond a budget is an overspend
        (
            "What overspend did the service forecast?",
            "The service forecast it would spend £3.7m beyond its budget.",
            "£3.7m",
            True,
        ),
        # a word that does narrow what is counted still refuses
        (
            "How many children were in care?",
            "There were 40 children in care placed with parents.",
            "40",
            False,
        ),
        # what a councillor raised, asked or queried names the occasion, not the measure
        (
            "What overspend in Children's Services did Councillor Smith raise when questioning the Executive Member?",
            "Councillor Smith referred to a predicted overspend of £3.7 million in Children's Services.",
            "£3.7 million",
            True,
        ),
    ],
)
def test_statement_words_add_no_condition(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # "fewer" / "more" say how the count moved, not which count it is
        (
            "How many children were in care in 2022?",
            "The city now has fewer children in care; from 455 in 2019 to 390 in 2022.",
            "390",
            True,
        ),
        (
            "How many children were in care?",
            "There are more children in care than ever, 512 in all.",
            "512",
            True,
        ),
        # "three or more" and "fewer than" do narrow it
        (
            "What percentage of children in care had fewer than three placements?",
            "14% of children in care had three or more placements.",
            "14%",
            False,
        ),
        # a change whose clause before joins two measures is not read as either
        (
            "How many children were supported through early help in 2006?",
            "Fewer children are now looked after and more are supported through early help; from 615 in 2004 to"
            " 485 in 2006.",
            "485",
            False,
        ),
        # a "where" clause narrows the count
        (
            "How many children were in care?",
            "Of the children in care, there are 40 children where the placing council is not recorded.",
            "40",
            False,
        ),
    ],
)
def test_a_change_or_a_comparative_adds_no_condition(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


# ---- a number whose phrase says nothing of what it counts --------------------------------------------------


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # money asked about children in care: the concept says what the money is for, and the words are checked
        (
            "What was the average cost of a child in care in 2022/23?",
            "For financial year 2022/23, the average cost of a child in care was £79,354.",
            "£79,354",
            True,
        ),
        (
            "What was the average cost of a child in care in 2022/23?",
            "For financial year 2022/23, the average cost of an agency social worker was £79,354.",
            "£79,354",
            False,
        ),
    ],
)
def test_money_asked_for_a_counted_group_names_a_measure(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # read from its sentence, which says what
        (
            "What is the re-offending rate in Middlesbrough?",
            "Re-offending in England was 26% but this rate was 32.9% in Middlesbrough.",
            "32.9%",
            True,
        ),
        # words that say only when, once read as its date, leave it as silent ("58 previous year" is last
        # year's referrals: the date check, not the measure, keeps it from answering for this year)
        ("How many referrals were there?", "There were 61 referrals, 58 previous year.", "58", True),
        (
            "How much did the department overspend?",
            "The department overspent by £8.5m last year.",
            "£8.5m",
            True,
        ),
        # ... but not when a date the words say was not understood ("this year" is not read as a date)
        (
            "What was the England total of children in care?",
            "Across England, the number of children in care was 72,600 last year, and 75,400 this year.",
            "75,400",
            False,
        ),
        # ... nor when a sibling's words say only when: they too may be the sentence's measure's
        (
            "What was the England total of children in care?",
            "Across England, the number of children in care was 72,600 last year, and 75,400 this year.",
            "72,600",
            False,
        ),
        # ... nor when another number of the sentence is as silent: whose words are they?
        (
            "What is the re-offending rate in Middlesbrough?",
            "Across Teesside re-offending was 31.0% in Stockton and 32.9% in Middlesbrough.",
            "32.9%",
            False,
        ),
        # ... nor when its own words say something else, and the asked words are an earlier number's that a
        # contrast parts from it ("allocated £12m, but went £1.2m over budget": the overspend is not the budget)
        (
            "How much was the fostering service allocated in 2022/23?",
            "The fostering service was allocated £12m in 2022/23, but went £1.2m over budget.",
            "£1.2m",
            False,
        ),
        (
            "How much was the fostering service allocated in 2022/23?",
            "The fostering service was allocated £12m in 2022/23, but went £1.2m over budget.",
            "£12m",
            True,
        ),
        # ... while a number that goes on to describe the earlier one's group, with no contrast, is read from it
        (
            "What did a residential care placement cost per child per week?",
            "In May, 122 children were in residential care placements, costing on average £4,500 per child, "
            "per week.",
            "£4,500 per child, per week",
            True,
        ),
    ],
)
def test_a_number_whose_phrase_says_nothing_is_read_from_its_sentence(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


# ---- a part of a breakdown is not its total: a year group ("Year 10"), the catch-all "Other" row ------------

YEAR_GROUPS = (
    "During 2021/22, in reference to the 52 permanent exclusions: more Year 10 pupils had been excluded "
    "than any other year group (21), followed by Year 9 (10)."
)
EXCLUSION_REASONS = (
    "In 2022/23, 40 pupils were permanently excluded. The reasons for the permanent exclusions were as follows:\n"
    "· Physical assault on a pupil - 11\n· Other - 3"
)


# an FOI request for a breakdown, its items joined on one line as cleaning leaves them, and an answer of one total
SGO_REQUEST = (
    "d. Total special guardianship orders granted in the year 2016/17 to:\ni. mainstream in-house foster carers "
    "ii. Independent foster carers iii. Connected carers (family and friends)\n\nThe total number was 161. However, "
    "we do not record the distinctions in i - iii."
)


@pytest.mark.parametrize(
    "text,value,question,ok",
    [
        (YEAR_GROUPS, "21", "How many pupils were permanently excluded in 2021/22?", False),
        (YEAR_GROUPS, "21", "How many Year 10 pupils were permanently excluded in 2021/22?", True),
        (EXCLUSION_REASONS, "3", "How many permanent exclusions were there in 2022/23?", False),
        (EXCLUSION_REASONS, "3", "How many permanent exclusions were for other reasons in 2022/23?", True),
        # a figure that says only that it is the total answers the whole, never one of the parts listed above it
        (SGO_REQUEST, "161", "How many special guardianship orders were granted in 2016/17?", True),
        (
            SGO_REQUEST,
            "161",
            "How many special guardianship orders went to connected carers in 2016/17?",
            False,
        ),
    ],
)
def test_a_part_of_a_breakdown_answers_only_for_that_part(text, value, question, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


# ---- a figure filed under another concept that its own words also name ---------------------------------------


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        (
            "How much was the placements budget forecast to overspend this year?",
            "The budget for placements is forecast to overspend by £6.7m this year.",
            "£6.7m",
            True,
        ),
        # a narrower concept the figure's sentence states: care leavers who are NEET
        (
            "What share of care leavers were not in education, employment or training?",
            "Currently, 29% of care leavers were not in employment, education or training.",
            "29%",
            True,
        ),
        # the reverse never holds: children who left care are not the looked-after count
        (
            "How many children were looked after in March 2024?",
            "In March 2024, 21 children ceased to be looked after.",
            "21",
            False,
        ),
        # an EHC needs assessment is not an EHC plan (the national SEN2 return counts them apart) ...
        (
            "How many EHC needs assessments were there at the end of December 2022?",
            "At the end of December 2022 there were 2,320 EHC plans.",
            "2,320",
            False,
        ),
        # ... a statutory timescale is the timescale
        (
            "What share of EHC needs assessments met the 20-week timescale at the end of 2022?",
            "At the end of 2022, 38% of EHC needs assessments met the 20 week statutory timescale.",
            "38%",
            True,
        ),
        # ... and "in the system" adds nothing to what is counted
        (
            "How many EHC needs assessments were there at the end of December 2022?",
            "At the end of December 2022 there were 493 active EHC needs assessments in the system.",
            "493",
            True,
        ),
        # a question naming the broad concept and, apart, the figure's narrower kind asks for that kind
        (
            "How many of the county's children in care were in foster care?",
            "There are 610 children in the county's care; 430 children are in foster care.",
            "430",
            True,
        ),
        # ... but not when it names only the broad one
        (
            "How many children were in the county's care?",
            "There are 610 children in the county's care; 430 children are in foster care.",
            "430",
            False,
        ),
    ],
)
def test_sibling_concepts_named_by_the_figures_own_words(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


# ---- changes: the period before, the value it changed to ------------------------------------------------------


@pytest.mark.parametrize(
    "text,value,as_of,unit,subject",
    [
        # the year before, named before the brackets the numbers sit in
        (
            "In 2019/20, 16 children were adopted, consistent with the year before (17 adopted and 16 placed).",
            "17",
            "an earlier period (not stated exactly)",
            "count",
            "Middlesbrough",
        ),
        (
            "Last year 16 children were adopted.",
            "16",
            "12 June 2024 (meeting date)",
            "count",
            "Middlesbrough",
        ),
        # the value a rate fell to is a rate too, and the same place's
        (
            "Only Hartlepool bucked the trend, recording a fall in care applications from 13.3 per 10,000 to 11.7.",
            "11.7",
            "12 June 2024 (meeting date)",
            "per_10000",
            "Hartlepool",
        ),
        # "since <date>, when N ...": the number in the when-clause is as of that date
        (
            "Numbers have risen every year since 2015, when 320 children were in care.",
            "320",
            "2015",
            "count",
            "Middlesbrough",
        ),
        # ... while "since <date>" alone still says when a count began, not when it is as of
        (
            "Since 2019, 45 carers have been approved.",
            "45",
            "12 June 2024 (meeting date)",
            "count",
            "Middlesbrough",
        ),
        # "an increase on 34% compared with 2021": the value the rise started from is 2021's
        (
            "At end of year, 38% of assessments met the timescale, an increase on 34% compared with 2021.",
            "34%",
            "2021",
            "percent",
            "Middlesbrough",
        ),
        # a span of years before a change: its first year is the value the change started from
        (
            "Between 2016 and 2020 the number of children in care in the city rose from 410 to 480.",
            "410",
            "2016",
            "count",
            "Middlesbrough",
        ),
        (
            "Between 2016 and 2020 the number of children in care in the city rose from 410 to 480.",
            "480",
            "2020",
            "count",
            "Middlesbrough",
        ),
        ("From 2015 to 2019 adoptions fell from 61 to 44.", "61", "2015", "count", "Middlesbrough"),
        (
            "Between 31 March 2019 and 31 March 2024, the number of children looked after rose from 365 to 412.",
            "365",
            "31 March 2019",
            "count",
            "Middlesbrough",
        ),
        (
            "Between April and September 2024 the number of children looked after fell from 365 children and young"
            " people to 250.",
            "365",
            "April 2024",
            "count",
            "Middlesbrough",
        ),
        # ... but not a span both values count, set against another period
        (
            "Between April and September 2024, referrals fell from 1,540 to 1,320 compared with the same period"
            " last year.",
            "1,540",
            "September 2024",
            "count",
            "Middlesbrough",
        ),
        # ... not a value "from" that is no change's start, nor a span of months both values may share
        (
            "Between 2021 and 2024 the council received 96 applications from 41 prospective foster carers.",
            "41",
            "2024",
            "count",
            "Middlesbrough",
        ),
        # a rate moving on to a bare number: the number is that rate
        (
            "In 2005-06, there were 89.5 LAC per 10,000 children, falling to 84.4 in 2006-07.",
            "84.4",
            "2006/07 financial year",
            "per_10000",
            "Middlesbrough",
        ),
        # ... not a percentage over 100, nor a "fall" to a larger number
        (
            "Re-referrals were 22% of all referrals, rising to 310 in 2023/24.",
            "310",
            "2023/24 financial year",
            "count",
            "Middlesbrough",
        ),
        ("The rate was 18% in 2022, falling to 26 in 2023.", "26", "2023", "count", "Middlesbrough"),
        # ... not a number with a noun of its own
        (
            "The rate was 45 per 10,000 in 2019, rising to 50 children in 2020.",
            "50",
            "2020",
            "count",
            "Middlesbrough",
        ),
        # a from-to change followed by the span it covers: its first date starts it, its last ends it
        (
            "Children in care have increased by 22 per cent (rising from 125 to 161 children) between 2011/12 and"
            " 2013/14.",
            "125",
            "2011/12 financial year",
            "count",
            "Middlesbrough",
        ),
        (
            "Children in care have increased by 22 per cent (rising from 125 to 161 children) between 2011/12 and"
            " 2013/14.",
            "161",
            "2013/14 financial year",
            "count",
            "Middlesbrough",
        ),
        # a rate's two ends, and the span after them
        (
            "The rate of children in care rose from 58 per 10,000 to 63 per 10,000 between 2019 and 2023.",
            "63 per 10,000",
            "2023",
            "per_10000",
            "Middlesbrough",
        ),
        # ... not a span in another clause
        (
            "Referrals rose from 1,540 to 1,720 whereas the England average fell between 2019 and 2023.",
            "1,540",
            "an earlier date (not stated)",
            "count",
            "Middlesbrough",
        ),
        (
            "Referrals rose from 1,540 to 1,720 last year, while between 2019 and 2023 the national figure was flat.",
            "1,540",
            "an earlier date (not stated)",
            "count",
            "Middlesbrough",
        ),
        (
            "The number of children in care fell from 420 to 395, the lowest level seen between 2015 and 2024.",
            "420",
            "an earlier date (not stated)",
            "count",
            "Middlesbrough",
        ),
        # ... not when the span's first date writes no year of its own (one period both may share)
        (
            "Referrals fell from 1,540 to 1,320 between April and September 2024.",
            "1,540",
            "an earlier date (not stated)",
            "count",
            "Middlesbrough",
        ),
    ],
)
def test_the_two_ends_of_a_change(text, value, as_of, unit, subject):
    f = figure(text, value)
    assert (f.as_of.label, f.unit, f.subject_name) == (as_of, unit, subject)


@pytest.mark.parametrize(
    "text,value,unit,subject",
    [
        ("Each case can cost up to pounds 40,000 to deal with.", "pounds 40,000", "gbp", "Middlesbrough"),
        (
            "Middlesbrough (from 12 children per 10,000, to 25.4)",
            "12 children per 10,000",
            "per_10000",
            "Middlesbrough",
        ),
        # a place a figure is ranked in is not whose figure it is
        (
            "Middlesbrough has the highest rate of cases in England, each of which can cost up to £40,000.",
            "£40,000",
            "gbp",
            "Middlesbrough",
        ),
        ("Cumbria County Council employs 17 social workers through agencies.", "17", "count", "Cumbria"),
    ],
)
def test_money_rates_and_places_written_the_newspaper_way(text, value, unit, subject):
    f = figure(text, value)
    assert (f.unit, f.subject_name) == (unit, subject)


@pytest.mark.parametrize(
    "text,value,basis",
    [
        (
            "There are now 1,923 looked-after children in the county. In March 2016 it had 1,665.",
            "1,923",
            "current",
        ),
        # the marker set off by its own comma
        ("Currently, 377 children across the town are accessing alternative provision.", "377", "current"),
        # "currently" in another clause says nothing of this number
        ("Currently the service is stretched, and 52 staff have left.", "52", "unknown"),
    ],
)
def test_a_figure_the_paper_gives_as_now_is_current(text, value, basis):
    doc = Document(
        doc_id="n", file="n.txt", title="Placements strategy approved (news)", text=text, sha256="0"
    )
    found = {f.value_text: f.as_of for f in extract_figures(doc)}
    assert found[value].basis == basis  # no meeting date: as of the paper's own "now"
    if value == "1,923":
        assert found["1,665"].label == "March 2016"


# ---- news-style dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,dates",
    [
        # a day without its year that starts a range takes the year of the day that ends it
        (
            "between September 30 and December 31 2017 it rose by four to 384",
            [("September 30", "30 September 2017"), ("December 31 2017", "31 December 2017")],
        ),
        (
            "from 1 April to 30 June 2020, 45 children entered care",
            [("1 April", "1 April 2020"), ("30 June 2020", "30 June 2020")],
        ),
        (
            "from November 30 to February 28 2018",
            [("November 30", "30 November 2017"), ("February 28 2018", "28 February 2018")],
        ),
        # ... but a day beside a year only further on is left alone
        ("from 1 April there were 30 carers in June 2020", [("June 2020", "June 2020")]),
    ],
)
def test_a_day_starting_a_range_takes_the_year_that_ends_it(text, dates):
    assert [(text[d.start : d.end], d.label) for d in find_dates(text)] == dates


@pytest.mark.parametrize(
    "text,date,label",
    [
        ("1,387 children were in need on March 31 this year", "March 31", "31 March 2024"),
        ("it rose to 384 by December 31 2017", "December 31 2017", "31 December 2017"),
        ("the review is due by September 30th", "September 30th", "30 September 2023"),
        ("In March 15 children entered care", "March", "March 2024"),  # 15 is a count, not a day
        ("On March 15 the panel met", "March 15", "15 March 2024"),
        ("As of March 31, 570 children were looked after", "March 31", "31 March 2024"),
        ("as at September 30th there were 12 vacancies", "September 30th", "30 September 2023"),
        # a month "this year" or "last year" is in the paper's year or the one before
        ("as of June this year it was 39 weeks", "June this year", "June 2024"),
        ("as of September this year it was 39 weeks", "September this year", "September 2024"),
        ("in March last year it was 33 weeks", "March last year", "March 2023"),
        # an academic or school year runs September to August
        ("52 pupils over the whole 2021/22 academic year", "2021/22 academic year", "2021/22 academic year"),
        ("in the 2019-20 school year", "2019-20 school year", "2019/20 academic year"),
        ("results for academic year 2022/23", "academic year 2022/23", "2022/23 academic year"),
    ],
)
def test_month_first_dates(text, date, label):
    found = find_dates(text, reference=dt.date(2024, 6, 12))
    assert [(text[d.start : d.end], d.label) for d in found] == [(date, label)]


@pytest.mark.parametrize(
    "text,dates",
    [
        # a two-digit financial year after a word that says when, or before "financial year"
        ("a rate of 112 per 10,000 at the end of 23/24", ["2023/24 financial year"]),
        ("During 22/23 we received 96 children", ["2022/23 financial year"]),
        ("the 22/23 financial year", ["2022/23 financial year"]),
        ("it fell from 12/13 to 13/14", ["2012/13 financial year", "2013/14 financial year"]),
        # ... not a score, a share of a group, or two years that do not follow each other
        ("She scored 23/24 in the test.", []),
        ("of 12/13 children placed", []),
        ("rose to 12/15 teams", []),
        ("24 supported accommodation places for 16/17 year olds", []),
    ],
)
def test_a_two_digit_financial_year(text, dates):
    assert [d.label for d in find_dates(text)] == dates


def test_a_quarter_starting_a_range_takes_the_year_that_ends_it():
    found = find_dates("How much did it worsen between Q1 and Q2 2023/24?")
    assert [d.label for d in found] == [
        "quarter 1 of 2023/24 (April–June 2023)",
        "quarter 2 of 2023/24 (July–September 2023)",
    ]


@pytest.mark.parametrize(
    "text,dates",
    [
        # after "to" or "and" a number that goes on into a noun phrase is a count, not the month's day
        (
            "Between January and March 15 new carers were approved",
            [("January", "January 2024"), ("March", "March 2024")],
        ),
        ("From April to June 20 children entered care", [("April", "April 2024"), ("June", "June 2024")]),
        ("from April 1 to June 30, 40 children", [("April 1", "1 April 2024"), ("June 30", "30 June 2024")]),
    ],
)
def test_a_month_first_day_after_to_or_and_ends_its_phrase(text, dates):
    found = find_dates(text, reference=dt.date(2024, 6, 12))
    assert [(text[d.start : d.end], d.label) for d in found] == dates


def test_a_month_first_day_is_not_read_as_a_figure():
    values = [f.value_text for f in figures("The area had 1,387 children in need on March 31 this year.")]
    assert values == ["1,387"]


@pytest.mark.parametrize(
    "question,distinctive",
    [
        ("How many agency social workers were employed at the time of the FOI?", set()),
        ("What did the Burnley Express story say about care numbers?", {"burnley", "express"}),
        ("What was the rate in the November 2021 scorecard?", set()),
        # the place whose figure is asked is in all its papers: only the rest tells which
        (
            "How many children did Buckinghamshire's cabinet member say the council was caring for at that"
            " November cabinet meeting?",
            {"cabinet", "member"},
        ),
        (
            "In the Burnley Express story, how many children were in care in Lancashire?",
            {"burnley", "express"},
        ),
    ],
)
def test_words_that_tell_which_paper_a_question_names(question, distinctive):
    """The words of a named source that can tell one paper from another: not its kind, its date, when it
    was ('at the time of'), or the place whose figure is asked."""
    from qa_assistant.answering.figure_choice import distinctive_source_words

    assert distinctive_source_words(read(question)) == distinctive


def test_the_paper_a_question_dates_is_not_the_period_asked():
    r = read("What did the 2025/26 budget press release say the savings would rise to in 2026/27?")
    assert r.date_label == "2026/27 financial year"


@pytest.mark.parametrize(
    "text,value,term",
    [
        ("A reduction of £0.136m on the FR1 overspend position of £8.998m.", "£8.998m", "fr1"),
        ("There were 1,308 S47 enquiries completed in the year.", "1,308", "s47"),
        ("In total 61% of KS4 pupils in care sat their exams.", "61%", "ks4"),
    ],
)
def test_a_code_keeps_its_digits_in_a_figures_words(text, value, term):
    """'S47', 'KS4', 'FR1' name what is counted; only a free-standing number is another figure."""
    from figure_helpers import figure

    assert term in figure(text, value).terms


@pytest.mark.parametrize(
    "text,values",
    [
        ('3 Children deemed to be "taken" into care are those who started to be looked after.', []),
        ("1 Figures exclude children in respite care.", []),
        ("2 Source: the department's annual return", []),
        # a count that starts a line is still a count
        ("12 Children were adopted in the year, including 4 by their foster carers.", ["12", "4"]),
        ("5 Foster carers were approved in the quarter.", ["5"]),
    ],
)
def test_a_footnote_marker_is_not_a_figure(text, values):
    assert [f.value_text for f in figures(text)] == values


@pytest.mark.parametrize(
    "sentence,kept",
    [
        ("Vice-Chair:      Councillor J Walker", True),  # a terms-of-reference page's membership table
        ("Date: 15 February 2021", True),
        ("NOTED", False),
        ("Apologies: None", False),
        ("Agenda item 4", False),
        ("The Quorum shall be 3 members.", True),
    ],
)
def test_a_labelled_line_is_quotable_though_short(sentence, kept):
    from qa_assistant.indexing.cutting import quotable

    assert quotable(sentence, 5) == kept


@pytest.mark.parametrize(
    "sentence,leads_in",
    [
        ("Aims and objectives of the Fostering Service", True),
        ("The Director made the following points:", True),
        ("The panel noted the report.", False),
        ("Members asked whether placements would rise?", False),
        ('She said the service was "improving".', False),
        ("Consideration was given to a report that presented a proposal for the fostering service.", True),
        ("The Service Manager will provide an overview of the annual report to the Board.", True),
        ("The objective was to address the declining number of foster carers.", False),
    ],
)
def test_a_heading_or_lead_in_is_quoted_with_what_follows(sentence, leads_in):
    from qa_assistant.answering.assistant import announces

    assert announces(sentence) == leads_in


@pytest.mark.parametrize(
    "question,topic",
    [
        ("What did the annual report say about recruiting adopters?", {"recruit", "adopt"}),
        ("What did the panel hear about foster carers?", {"foster", "carer"}),
        # the occasion and its date are not the topic
        (
            "What did Ofsted say about caseloads in the November 2019 report?",
            {"caseload"},
        ),
        ("What did the panel hear about foster carers, according to the annual report?", {"foster", "carer"}),
        # no "about": no topic to put first
        ("What did the Commissioner conclude in his first report?", set()),
    ],
)
def test_the_topic_a_quoted_answer_must_say(question, topic):
    from qa_assistant.answering.sentences import topic_terms

    assert topic_terms(question) == topic


_VISIT = (
    "The Director advised that there had been an Ofsted Focused Visit in 2021 and the report was published."
)


@pytest.mark.parametrize(
    "question,best,others,found",
    [
        # the best sentence names the occasion; the words it leaves out find what was said there
        (
            "What did the 2021 Ofsted focused visit flag as an area for improvement for care leavers?",
            _VISIT,
            [
                "Ofsted will return in May.",
                "Areas for improvement: too many care leavers in NEET.",
                "Care was good.",
            ],
            1,
        ),
        # a tie goes to the sentence ranked higher
        ("What did the visit say about caseloads?", _VISIT, ["Caseloads fell.", "Caseloads rose."], 0),
        # the best sentence says every word asked, or no other sentence says any of the rest
        (
            "What did the focused visit find?",
            "The focused visit found much to praise.",
            ["Caseloads fell."],
            None,
        ),
        ("What did the visit say about caseloads?", _VISIT, ["Ofsted will return in May."], None),
    ],
)
def test_a_quoted_answer_adds_the_sentence_saying_the_rest_of_the_question(question, best, others, found):
    from qa_assistant.answering.sentences import says_the_rest

    assert says_the_rest(question, best, others) == found


@pytest.mark.parametrize(
    "other,said",
    [
        # another paper's sentence is quoted beside the own paper's only when it says more of the rest
        ("The visit was conducted by four social care inspectors.", 1),
        ("Children told inspectors they would have liked a social worker who stayed with them.", 3),
        ("Ofsted will return in May.", 0),
    ],
)
def test_how_much_of_the_rest_of_the_question_a_sentence_says(other, said):
    from qa_assistant.answering.sentences import rest_said

    question = "What did children tell Ofsted about their social workers during the focused visit?"
    best = "There had been an Ofsted Focused Visit and the report was published."
    assert rest_said(question, best, other) == said


def test_a_why_question_adds_the_sentence_that_gives_a_reason():
    from qa_assistant.answering.sentences import BECAUSE, says_the_rest

    question = "Why did the January 2023 Executive report say investment in in-house fostering was needed?"
    best = "In-House Fostering - Part A"
    others = [
        "The Executive report of January 2023 set out the investment.",
        "At present carers were leaving to move to IFAs and therefore this investment was required.",
    ]
    assert says_the_rest(question, best, others) == 0
    assert says_the_rest(question, best, others, BECAUSE) == 1


@pytest.mark.parametrize(
    "text,expected",
    [
        ("face-to-face visits", ["facetoface", "visits"]),  # a compound of one word twice is one word
        ("one-to-one support", ["onetoone", "support"]),
        ("the council faces a deficit", ["the", "council", "faces", "a", "deficit"]),
        ("re-referrals", ["rereferrals"]),
        # a footnote's marker glued to a word is no part of it; a code's digits are ("fr1", "ks4", "s47")
        ("there were 1938 children in need4", ["there", "were", "1938", "children", "in", "need"]),
        ("3620 referrals in the year1", ["3620", "referrals", "in", "the", "year"]),
        ("the KS4 and FR1 codes", ["the", "ks4", "and", "fr1", "codes"]),
    ],
)
def test_hyphenated_compounds_read_as_one_word(text, expected):
    from qa_assistant.figures.terms import words

    assert words(text) == expected


def test_children_moved_out_of_care_are_not_children_in_care():
    """'out' and 'of' alone are stop words; 'out of care' is the opposite of 'in care'."""
    assert not support(
        "How many children were in care?",
        "The council hoped to save £1.1m by moving 12 children out of care.",
        "12",
    ).ok


def test_face_to_face_visits_are_not_all_visits():
    """'faces' only states a figure ('the council faces a £5.5m overspend'); 'face-to-face' narrows what is counted."""
    assert not support(
        "How many visits were made?", "There were 40 face-to-face visits in the quarter.", "40"
    ).ok


@pytest.mark.parametrize(
    "text,same_as",
    [
        ("a 16+ young person", "16+ young people"),  # an irregular plural is the same word
        ("Level 2 - 1st child", "level 2 first child"),  # an ordinal in figures is the ordinal in words
        # one word written as two is that word
        ("the turn over of staff", "the turnover of staff"),
        ("social work case loads", "social work caseloads"),
        ("the children's work force", "the children's workforce"),
        # "out of" a place or state is "outside" it
        ("children placed out of the borough", "children placed outside the borough"),
        ("young people who remain out of the care system", "young people who remain outside the care system"),
        # ... but "out of" a number or "every" is a share, not a place
        ("12 out of the 500 children", "12 of the 500 children"),
        ("7 out of 10 children", "7 of 10 children"),
        ("out of those, 320 were placed", "of those, 320 were placed"),
        ("children placed out-of-area", "children placed outside the area"),
        ("children placed out of their local authority", "children placed outside local authority"),
    ],
)
def test_singular_and_ordinal_forms_are_the_same_terms(text, same_as):
    assert measure_terms(text) == measure_terms(same_as)


@pytest.mark.parametrize(
    "text,same_as",
    [
        # going over a budget is overspending it, where the phrase ends its clause or a linking word follows
        ("went £15.5m over budget", "went £15.5m budget overspend"),
        (
            "went around £15 million over its budget for children's services",
            "went around £15 million budget overspend for children's services",
        ),
        ("came in £1m under budget.", "came in £1m budget underspend."),
        # ... and not where a noun follows: "over" is about the budget's cuts or proposals
        ("a row over budget cuts", "a row about budget cuts"),
        ("consulted over budget proposals", "consulted about budget proposals"),
        # ... nor without an amount or a verb of going before it
        (
            "councillors clashed over the budget, which will rise",
            "councillors clashed about the budget, which will rise",
        ),
        ("Under the budget, £1.5m will go to early help.", "About the budget, £1.5m will go to early help."),
        # ... nor of an amount that is not the one said to be over ("an outturn of £125.3m is over budget"; a
        # question says it after a verb of going: "did the service go over budget?", read by the question reader)
        ("the service is running over budget.", "the service is running about budget."),
        ("an outturn of £125.3m is over budget", "an outturn of £125.3m is about budget"),
        ("is over budget by £5.3m", "is budget overspend by £5.3m"),
    ],
)
def test_phrases_another_wording_says(text, same_as):
    assert measure_terms(text) == measure_terms(same_as)


@pytest.mark.parametrize(
    "question,ok",
    [
        ("What is the overspend for children's services?", True),
        ("What is the budget for children's services?", False),
    ],
)
def test_over_budget_by_an_amount_is_an_overspend(question, ok):
    text = "At quarter 2, children's services is over budget by around £2.3 million."
    assert support(question, text, "£2.3 million").ok == ok


def test_the_total_that_is_over_budget_is_not_the_overspend():
    text = "Agency staffing costs of £6.2m were over budget due to vacancies."
    assert not support("What was the overspend on agency staffing?", text, "£6.2m").ok


def test_what_caused_a_figure_is_not_what_it_counts():
    """ "What overspend did the rise cause": the cause is asked about, the overspend is what is counted."""
    text = "The rise in looked after children resulted in a £6.6m overspend in the children's social care budget."
    question = (
        "What overspend did the rise in looked after children cause in the children's social care budget?"
    )
    assert support(question, text, "£6.6m").ok


@pytest.mark.parametrize(
    "question,value,ok",
    [
        ("By how much did the fostering service go over budget in 2022/23?", "£1.2m", True),
        ("By how much did the fostering service go over budget in 2022/23?", "£12m", False),
        ("By how much did the fostering service overspend in 2022/23?", "£1.2m", True),
    ],
)
def test_an_amount_over_budget_is_an_overspend(question, value, ok):
    text = "The fostering service was allocated £12m in 2022/23, but went £1.2m over budget."
    assert support(question, text, value).ok == ok


# ---- words that say only when -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase,only_when",
    [
        ("Last year", True),
        ("the previous year", True),
        ("the number at the end of the quarter", True),
        ("by the end of this financial year", True),
        ("across just the course of this year", True),
        ("in 2016-17", True),
        ("Year 10", False),  # a year group
        ("Key Stage 4", False),
        ("a new high", False),
        ("previous year referrals", False),
        ("Rate / 1000", False),
    ],
)
def test_words_that_say_only_when(phrase, only_when):
    assert says_only_when(phrase) == only_when


# ---- the paper's title stands in for words its sentences leave out, except under a question it quotes --------

_FOI = (
    "3. What is your annual spend on recruiting in-house foster carers?\n• 2020-2021: £7.7k\n"
    "5. What is your annual spend on in-house fostering?\n• 2020/21: 1,473,815\n• 2021/22: 1,576,301"
)


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        (
            "How many foster households were approved for recruitment in 2021/22?",
            "In 2021/22 we approved 23 foster households.",
            "23",
            True,
        ),
        ("How much did we spend on recruiting in-house foster carers in 2021/22?", _FOI, "1,576,301", False),
        ("How much did we spend on in-house fostering in 2021/22?", _FOI, "1,576,301", True),
    ],
)
def test_the_title_says_what_a_paper_is_about(question, text, value, ok):
    s = support(question, text, value, title="Foster carers recruitment")
    assert s.ok == ok, s.reason


# ---- which paper a question names: its words in the order it gives them -------------------------------------


def _paper(doc_id: str, title: str, committee: str) -> Document:
    return Document(doc_id=doc_id, file=f"{doc_id}.txt", title=title, committee=committee, text="", sha256="")


def test_a_named_source_prefers_the_paper_that_writes_its_name_in_order():
    question = (
        "At the first meeting of the new Children's Scrutiny Panel, how many permanent exclusions did the "
        "director say there were?"
    )
    papers = {
        "learning": _paper(
            "learning",
            "School Exclusion Data - Update Report",
            "Children and Young People's Learning Scrutiny Panel",
        ),
        "news": _paper("news", "Councillor slams parents (Children's Scrutiny Panel: exclusions)", ""),
    }
    text = "There were 52 permanent exclusions."
    scored = [
        Scored(f.model_copy(update={"doc_id": doc_id}), Support(True, "supported"))
        for doc_id in papers
        for f in figures(text)
    ]
    kept = from_named_paper(scored, read(question), papers, lambda _: frozenset())
    assert {s.figure.doc_id for s in kept} == {"news"}


@pytest.mark.parametrize(
    "question,kept",
    [
        # the council's own name, which every paper of it may hold, tells no paper apart
        (
            "How many children were in care in Cornwall, as reported to Cornwall Council's children and "
            "families committee?",
            {"bid", "demand"},
        ),
        (
            "How many children were in care in Cornwall, as reported to Cornwall County Council's children and "
            "families committee?",
            {"bid", "demand"},
        ),
        # ... but the place in another name does ("The Cornwall News")
        ("How many children were in care in Cornwall, as reported by The Cornwall News?", {"demand"}),
    ],
)
def test_a_named_source_is_not_the_councils_name(question, kept):
    papers = {
        "bid": _paper("bid", "Cornwall Council: bid to keep local children in care in county", ""),
        "demand": _paper(
            "demand",
            "Cornwall Council: children's services see rising demand - 612 children in care (Cornwall News)",
            "",
        ),
    }
    text = "There were 565 children in care."
    scored = [
        Scored(f.model_copy(update={"doc_id": doc_id}), Support(True, "supported"))
        for doc_id in papers
        for f in figures(text)
    ]
    got = from_named_paper(scored, read(question), papers, lambda _: frozenset({"children", "families"}))
    assert {s.figure.doc_id for s in got} == kept


@pytest.mark.parametrize(
    "question,kept",
    [
        # a committee named by its initials ("CPB") is the Corporate Parenting Board's paper
        ("In the CPB scorecard, how many children were in connected carers placements?", {"board"}),
        ("In the OSB report, how many children were in connected carers placements?", set()),
    ],
)
def test_a_named_source_may_be_written_as_its_initials(question, kept):
    papers = {
        "board": _paper(
            "board",
            "Performance against Corporate Parenting Strategy - scorecard",
            "Corporate Parenting Board",
        ),
        "panel": _paper(
            "panel", "Fostering update", "Children and Young People's Social Care Scrutiny Panel"
        ),
    }
    text = "There were 112 children in connected carers placements."
    scored = [
        Scored(f.model_copy(update={"doc_id": doc_id}), Support(True, "supported"))
        for doc_id in papers
        for f in figures(text)
    ]
    got = from_named_paper(scored, read(question), papers, lambda _: frozenset())
    assert {s.figure.doc_id for s in got} == kept


@pytest.mark.parametrize(
    "phrase,masked_words",
    [
        # a month without its year, with the words placing the figure in it, says when
        ("fostered children at the end of March last year", "fostered children last year"),
        ("children who may need help", "children who may need help"),  # "may" is a verb
        ("referrals in May", "referrals in"),
        ("children in care at 31 March 2024", "children in care at"),
        ("children in care at 31 March", "children in care at"),
        ("children in care as of 31st May", "children in care"),
    ],
)
def test_dates_say_when_not_what(phrase, masked_words):
    assert mask_dates(phrase).split() == masked_words.split()


def test_a_figure_whose_sentence_says_the_words_beats_one_that_needs_the_headline():
    question = "How many of Northumberland's children in care were placed more than 20 miles from home?"
    headline = "Northumberland: looked after children placed more than 20 miles from home"
    before = "Across England there were 83,840 children in care."
    text = (
        f"Figures show there were 450 looked after children in Northumberland as of March 2023.\n\n{before} Of "
        "these, 17,630 were placed more than 20 miles from their home, including 118 children from Northumberland."
    )
    found = figures(text, title=headline)
    scored = []
    for f in found:
        siblings = [g for g in found if g is not f and g.sentence_start == f.sentence_start]
        sentence = text[f.sentence_start : f.sentence_end]
        ctx = build_context(f, sentence, before, "", siblings, frozenset(measure_terms(headline)))
        verdict = check(read(question), f, lambda _, ctx=ctx: ctx)
        if verdict.ok:
            scored.append(Scored(f, verdict))
    # 450 is supported only through the headline's words; 118's own sentence (and the one it refers back to)
    # says them
    assert sorted(s.figure.value_text for s in scored) == ["118", "450"]
    assert [s.figure.value_text for s in best_series(scored, read(question))] == ["118"]


@pytest.mark.parametrize(
    "question,earlier",
    [
        ("How many children were in the council's care in the previous year, before the 20% increase?", True),
        ("Exactly how many care cases did Legal Services have a year before the latest update?", True),
        ("How many fostered children were there the year before?", True),
        # "last year" names a year; a dated question counts back from its own date
        ("How many children were adopted last year?", False),
        ("How many children were in care in March 2023, a year before the inspection?", False),
    ],
)
def test_a_period_before_the_latest_asked_with_no_date(question, earlier):
    assert read(question).asks_earlier == earlier


@pytest.mark.parametrize(
    "question,date_label",
    [
        # the latest figure after a dated event: the date is the event's
        ("How many care cases did we have at the latest update following the 2019 Ofsted inspection?", None),
        # a date asked for stays
        ("How many care cases did we have in March 2019?", "March 2019"),
        ("How many care cases did we have following the inspection in March 2019?", "March 2019"),
    ],
)
def test_a_date_that_anchors_an_event_is_not_the_date_asked(question, date_label):
    assert read(question).date_label == date_label


@pytest.mark.parametrize(
    "title,label",
    [
        # a paper with no meeting date is dated by a day or month its title names
        ("Care proceedings take longer (Northumberland Gazette, September 2019)", "June 2019"),
        # ... not by a year or a period it reports on
        ("Care proceedings annual report 2018/19", "2018/19 financial year"),
    ],
)
def test_this_year_in_a_paper_dated_by_its_title(title, label):
    text = "The average time for care proceedings to conclude, as of June this year, is 39 weeks."
    doc = Document(doc_id="n", file="n.txt", title=title, text=text, sha256="0")
    f = next(f for f in extract_figures(doc) if f.value_text == "39 weeks")
    assert f.as_of.label.startswith(label)


@pytest.mark.parametrize(
    "sentence,previous,refers",
    [
        # "The contract" is the contract the sentence before awarded
        (
            "The contract, with a total value of £6.9m, was signed in January.",
            "The council has awarded a contract for a children's residential block.",
            True,
        ),
        (
            "The committee faces a £14.1m budget overspend.",
            "The officer gave an update to the education, children and families policy committee.",
            True,
        ),
        # ... but a noun the sentence before never named is new, and "the council" names no topic
        ("The overspend was £3m.", "Placements rose by 10 in the year.", False),
        ("The council spent £3m on agency staff.", "The council approved its budget.", False),
        ("Of those children, 12 were placed out of area.", "There were 40 referrals.", True),
        # money spent with no "on" was spent on what the sentence before said
        (
            "Luton spent £54.2 million in 2022-23 – a rise of 24% from five years earlier.",
            "Figures show spending on children's social work services has exploded.",
            True,
        ),
        ("The council spent £3m on agency staff in 2022-23.", "Figures show spending has exploded.", False),
        # "that measure" is the measure the sentence before named; "that" alone refers to nothing
        (
            "It was confirmed that Camden placed third in the country on that measure.",
            "A member asked about the high number of foster children placed outside of the borough.",
            True,
        ),
        ("It was confirmed that Camden placed third in the country.", "A member asked about targets.", False),
        # ... "that figure" after a time phrase points back too
        (
            "By June that figure had risen to 452.",
            "There were 410 children subject to a plan in March.",
            True,
        ),
        # ... with an adverb before its verb, or "of" a number
        ("That figure now stands at 452.", "There were 410 children subject to a plan in March.", True),
        (
            "That figure of 452 compares with 410 in March.",
            "There were 410 children subject to a plan.",
            True,
        ),
        # ... never a plural, which only a conjunction's "that" takes
        (
            "Members noted that numbers had reached 1,240 across all early help services.",
            "The report covers the number of children subject to a child protection plan.",
            False,
        ),
        # ... not "that" before a noun phrase, whatever verb it follows
        (
            "The Director warned that total spending was now £40m.",
            "Residential placements remain the main pressure on the budget.",
            False,
        ),
        # ... "that" as a conjunction refers to nothing
        (
            "Members noted that total spending was £40m.",
            "Spending on residential placements rose to £12m.",
            False,
        ),
        # "It" moving is not read as the measure the sentence before named: that sentence may name another
        # place's figure or two measures ("Referrals fell to 1,200 while the number in care rose. It had risen to
        # 430 by June"); nor does "It was agreed" refer to anything
        (
            "It hit 583 in 2010, then went to 591.",
            "Since 2009 the number of looked-after children has risen every year, starting at 531.",
            False,
        ),
        ("It was agreed that 12 places would be commissioned.", "The panel discussed sufficiency.", False),
    ],
)
def test_a_sentence_that_refers_back_to_the_one_before(sentence, previous, refers):
    assert refers_back(sentence, previous) == refers


@pytest.mark.parametrize(
    "question,text,asked,other",
    [
        # a word the question writes only inside a name ("Safe Families") is not what it counts
        (
            "How many children had the Safe Families for Children pilot helped?",
            "The Safe Families for Children pilot has so far helped 326 families and 752 children.",
            "752",
            "326",
        ),
        # ... while one it also asks for outside the name still counts
        (
            "How many families had the Safe Families for Children pilot helped?",
            "The Safe Families for Children pilot has so far helped 326 families and 752 children.",
            "326",
            "752",
        ),
    ],
)
def test_a_word_only_in_a_programme_name_covers_nothing(question, text, asked, other):
    right, wrong = support(question, text, asked), support(question, text, other)
    assert right.ok and (not wrong.ok or right.score > wrong.score), (right, wrong)


@pytest.mark.parametrize(
    "question,end",
    [
        ("What was the top of the weekly cost range for a child in care?", "high"),
        ("What is the upper end of the original contract value?", "high"),
        ("What is the lower limit of the contract value?", "low"),
        ("What is the bottom of the pay scale?", "low"),
        # the highest value with no range is an extreme (extremes.py), not an end
        ("What was the highest rate of children in care?", None),
        ("Which council had the lowest rate?", None),
    ],
)
def test_a_question_for_one_end_of_a_range(question, end):
    assert asked_end(question) == end


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        (
            "What was the top of the weekly cost range for a child in care?",
            "The cost per week for a child in care ranges between £350 and £3,500.",
            "£3,500",
            True,
        ),
        (
            "What was the top of the weekly cost range for a child in care?",
            "The cost per week for a child in care ranges between £350 and £3,500.",
            "£350",
            False,
        ),
        (
            "What is the lower end of the original contract value?",
            "The original contract value ranges between £20 million and £26 million.",
            "£20 million",
            True,
        ),
        # a value given on its own is no end of a range
        (
            "What was the top of the weekly cost range for a child in care?",
            "The average cost per week for a child in care is £1,200.",
            "£1,200",
            False,
        ),
    ],
)
def test_only_the_asked_end_of_a_range_answers(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # a council with a long name is often written by its initials
        (
            "How many children were in BCP's care in March 2023?",
            "In March 2023, Bournemouth, Christchurch and Poole Council had 480 children in care.",
            "480",
            True,
        ),
        (
            "How many children were in BCP's care in March 2023?",
            "In March 2023, Bath and North East Somerset Council had 480 children in care.",
            "480",
            False,
        ),
    ],
)
def test_a_council_asked_for_by_its_initials(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # the whole a part is set against is no part of the part's own words, and does not answer for it
        (
            "How many looked after children were unaccompanied children from abroad?",
            "There were 38 looked after children who were unaccompanied children from abroad in the context "
            "of approximately 600 looked after children.",
            "38",
            True,
        ),
        (
            "How many care leavers were in education?",
            "There were 120 care leavers in education out of 200 care leavers.",
            "120",
            True,
        ),
        # a care leaver was looked after: saying so narrows nothing
        (
            "How many care leavers from abroad was the council supporting?",
            "Additionally, there were 64 care leavers from abroad who had previously been looked after but "
            "were now being supported as care leavers.",
            "64",
            True,
        ),
        # a group the question sets aside may be another number's, and names no measure
        (
            "How many children were in our care at the end of June 2022, excluding unaccompanied "
            "asylum-seeking children?",
            "There were 273 children in our care at the end of June 2022, excluding the unaccompanied "
            "asylum-seeking children (7).",
            "273",
            True,
        ),
        (
            "How many children were in our care at the end of June 2022, excluding unaccompanied "
            "asylum-seeking children?",
            "There were 273 children in our care at the end of June 2022, excluding the unaccompanied "
            "asylum-seeking children (7).",
            "7",
            False,
        ),
        # and only when the sentence sets the same group aside
        (
            "How many children were in our care at the end of June 2022, excluding unaccompanied "
            "asylum-seeking children?",
            "There were 280 children in our care at the end of June 2022 (excluding respite), including 7 "
            "unaccompanied asylum-seeking children.",
            "280",
            False,
        ),
        # but the figure must itself set them aside
        (
            "How many children were in our care at the end of June 2022, excluding unaccompanied "
            "asylum-seeking children?",
            "There were 280 children in our care at the end of June 2022.",
            "280",
            False,
        ),
    ],
)
def test_a_part_a_whole_and_a_group_set_aside(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "seq_text,concept",
    [
        ("children in care excluding unaccompanied asylum seeking children", "looked_after"),
        ("unaccompanied asylum seeking children", "uasc"),
        ("care leavers excluding unaccompanied asylum seeking children", "care_leavers"),
    ],
)
def test_the_group_an_exclusion_sets_aside_names_no_measure(seq_text, concept):
    from qa_assistant.figures.concepts import match_concept

    assert match_concept(measure_terms(seq_text)).concept.id == concept


@pytest.mark.parametrize(
    "question,concept",
    [
        # the budget a variance is measured against is not what is asked; its year still says when
        ("What net overspend was forecast against its 2024-25 revenue budget?", "overspend"),
        # ... nor the budget a verb of going over names ("overran" is "overrun")
        ("By how much did Redbridge's people directorate overrun its budget in 2021-22?", "overspend"),
        ("How much did the people directorate overspend its budget by?", "overspend"),
        # ... while a budget asked for stays the budget ("given the overspend" only says which)
        ("Given the overspend, what was the children's services revenue budget in 2024/25?", "budget"),
        ("How large was the predicted budget gap of which the overspend was part?", "budget"),
    ],
)
def test_the_budget_a_variance_is_measured_against_is_not_asked(question, concept):
    r = read(question)
    assert r.concept.concept.id == concept


def test_which_budget_a_variance_is_against_is_still_asked():
    assert {"high", "requir"} <= set(
        read("What overspend was forecast against the high needs budget?").measure_seq
    )


def test_a_run_on_sentence_is_cut_at_a_semicolon_before_a_comma():
    from qa_assistant.figures.candidates import MAX_SENTENCE_CHARS, bounded

    clause = "the rate was within the threshold, which was an improvement on last year"
    last = "; there were 273 children in care at the end of June, excluding the unaccompanied children (7)"
    lead = "; ".join([clause] * 15)
    text = lead + last + " and work continues to reduce the number of children coming into care" * 2
    assert len(lead) < MAX_SENTENCE_CHARS < len(text) and text.index(", excluding") < MAX_SENTENCE_CHARS
    pieces = [text[s:e] for s, e in bounded(text, [(0, len(text))])]
    assert any("273" in p and "excluding the unaccompanied" in p for p in pieces), pieces


@pytest.mark.parametrize(
    "text,value,basis",
    [
        # a paper with no date: a figure said to be current is as of the paper, whatever date that is
        ("The cost of current external placements is £8.622m.", "£8.622m", "current"),
        (
            "The number of beds in council-run homes has increased from eight to 46 since 2019.",
            "46",
            "current",
        ),
        ("There are now 1,923 looked-after children.", "1,923", "current"),
        # a past perfect is not now, nor is a number in a past clause after "current"
        ("The number of beds in council-run homes had increased to 46.", "46", "unknown"),
        ("The current policy was agreed when there were 45 children in care.", "45", "unknown"),
        ("The cost has risen since the contract was let to £2m.", "£2m", "unknown"),
    ],
)
def test_a_figure_said_to_be_current_in_an_undated_paper(text, value, basis):
    doc = Document(doc_id="t", file="t.txt", title="Council news", meeting_date=None, text=text, sha256="0")
    f = next(f for f in extract_figures(doc) if f.value_text == value)
    assert f.as_of.basis == basis, f.as_of


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # "the city's" is the council's, as "the borough's" and "the county's" are
        (
            "What shortfall was there in Manchester's children's services budget?",
            "Manchester faces a £10m shortfall in the city's children's services budget.",
            "£10m",
            True,
        ),
        # a number a measure is "set to hit" is not its level
        (
            "How many children are in care?",
            "The number of children in care is set to hit 700.",
            "700",
            False,
        ),
        # "were able to be seen" is "could be seen"
        (
            "What share of cared for children could be seen face-to-face in their homes?",
            "80% of cared for children were able to be seen face-to-face in their homes.",
            "80%",
            True,
        ),
    ],
)
def test_words_that_say_whose_or_could_narrow_nothing(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


def test_the_words_that_place_a_figure_within_a_period_are_listed_once_in_each_home():
    """text/dates.DATE_EDGE cannot read the lexicon (the text package stands below figures/), so its words are
    written there again; they must stay the lexicon's period_edges."""
    import re

    from qa_assistant.figures.terms import lexicon
    from qa_assistant.text.date_patterns import DATE_EDGE

    written = re.search(r"\(\?:((?:[a-z]+\|)+[a-z]+)\)\\s\+of", DATE_EDGE.pattern).group(1).split("|")
    assert sorted(written) == sorted(lexicon()["period_edges"])


@pytest.mark.parametrize(
    "question,subject,date_label",
    [
        # a body named for a place, and the year that names the source, say which source, not whose or when
        (
            "According to the Association of North East Councils in 2012, how many looked after children did we"
            " have in the year ending March 2011?",
            "Middlesbrough",
            "March 2011",
        ),
        # ... while a source's date is the date asked when the question gives no other
        ("In the 2019 JSNA, how many children were in care?", "Middlesbrough", "2019"),
        ("How many children were in care across North East councils in 2012?", "North East", "2012"),
        # ... while "since" opens the period asked about
        (
            "According to the March 2024 report, how many children have been adopted since April 2023?",
            "Middlesbrough",
            "since April 2023",
        ),
        # ... nor does a date the figure is compared with
        (
            "How many children were in care according to the November 2021 scorecard, compared with 2020?",
            "Middlesbrough",
            "November 2021 to 2020",
        ),
    ],
)
def test_the_words_naming_a_source_say_neither_whose_nor_when(question, subject, date_label):
    r = read(question)
    assert (r.subject.name, r.date_label) == (subject, date_label)


@pytest.mark.parametrize(
    "sentence,question,names_its_own",
    [
        # a sentence naming a body the question does not name is about that body
        (
            "The Dedicated Schools Grant is forecasting a spend of £4.9m beyond its budget.",
            "What overspend did West Berkshire Children and Family Services forecast?",
            True,
        ),
        (
            "The service is forecasting a spend of £4.9m.",
            "What overspend did Children and Family Services forecast?",
            False,
        ),
        # places name no body
        (
            "In the North-East and North Yorkshire, only Hartlepool recorded a fall to 11.7.",
            "Which rate did Hartlepool's care applications fall to?",
            False,
        ),
    ],
)
def test_a_sentence_naming_its_own_body_is_not_about_the_one_before(sentence, question, names_its_own):
    from qa_assistant.figures.support_where import _names_its_own

    assert _names_its_own(sentence, read(question)) == names_its_own


@pytest.mark.parametrize(
    "question,ok",
    [
        ("By how much had the cost of residential placements risen since 2015-16?", True),
        # ... not when the question asks for money as such
        ("By how many pounds had the cost of residential placements risen since 2015-16?", False),
    ],
)
def test_a_change_in_cost_may_be_answered_in_per_cent(question, ok):
    text = "The cost of residential placements has increased by 28 per cent since 2015-16."
    assert support(question, text, "28 per cent").ok == ok


@pytest.mark.parametrize(
    "text",
    [
        "The number of residential placements has risen by 28% since 2021, driving up costs.",
        "The number of residential placements costing more than £5,000 a week has risen by 28%.",
    ],
)
def test_a_change_in_a_count_does_not_answer_a_change_in_cost(text):
    assert not support("By how much had the cost of residential placements risen?", text, "28%").ok


@pytest.mark.parametrize(
    "question,ok",
    [
        ("What was the children's social care overspend in 2023/24?", True),
        ("What was the children's social care budget in 2023/24?", False),
    ],
)
def test_going_over_a_budget_said_with_a_date_before_by(question, ok):
    text = "Children's social care overspent its budget in 2023/24 by £1.2m."
    assert support(question, text, "£1.2m").ok == ok


def test_a_breakdowns_item_stays_a_part():
    text = "The overspend of £6.2m is made up of:\n· placements up £4.1m\n· staffing £2.1m"
    assert figure(text, "£4.1m").kind == "part"


def test_a_list_items_change_is_a_change_not_a_part():
    text = "Key points from the year:\n· The number on a plan has dropped by 15%;\n· 40 referrals were made."
    assert (figure(text, "15%").kind, figure(text, "40").kind) == ("change", "level")
    # ... also when it says "a further" ("a further 25 CLA" came into care: no part of the count of children in care)
    text = "Key points:\n· In March 2022 there were a further 25 CLA and 12 that ceased to be looked after\n· 40 left."
    assert figure(text, "25").kind == "change"


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # an irregular past form is the verb's plain form
        (
            "How many Looked After Children Reviews did the council undertake in 2018/19?",
            "In 2018/19, 490 Looked After Children Reviews had been undertaken.",
            "490",
            True,
        ),
        ("How many placements were sought in 2023?", "In 2023 the team seek 35 placements.", "35", True),
        # "sent" is not SEND
        (
            "How many children with SEND were placed out of area?",
            "Of the 310 children in care, 45 were sent to placements out of area.",
            "45",
            False,
        ),
        # "left care" is not "leaving care": children who left care are not care leavers
        (
            "How many young people left care in 2023?",
            "In 2023, 120 young people leaving care were supported by personal advisers.",
            "120",
            False,
        ),
    ],
)
def test_an_irregular_past_form_is_the_plain_verb(question, text, value, ok):
    assert support(question, text, value).ok == ok


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("Stockton", "Stockton-on-Tees", True),
        ("Redcar", "Redcar & Cleveland", True),
        ("Hammersmith & Fulham", "Hammersmith and Fulham", True),
        ("BCP", "Bournemouth, Christchurch and Poole", True),
        ("Durham", "County Durham", True),
        ("Kingston upon Thames", "Kingston upon Thames", True),
        # a shared first word is not one authority
        ("North Tyneside", "North Yorkshire", False),
        ("West Sussex", "West Berkshire", False),
        ("Kingston upon Hull", "Kingston upon Thames", False),
        ("Richmond upon Thames", "Rich", False),
    ],
)
def test_two_writings_of_one_authority(a, b, same):
    assert same_authority(a, b) == same and same_authority(b, a) == same


def test_another_council_sharing_a_first_word_is_not_the_one_asked():
    s = support(
        "How many children were in care in North Tyneside?",
        "In North Yorkshire, 450 children were in care.",
        "450",
    )
    assert not s.ok and "subject" in s.reason


@pytest.mark.parametrize(
    "text,subject",
    [
        # a one-word short form that one authority goes by is read as its full name (Hull is "Hull")
        ("In Kingston, 120 children were in care.", "Kingston upon Thames"),
        ("Brighton saw 120 children in care.", "Brighton and Hove"),
        # a school named for a place is no authority
        ("At Kensington Primary School, 120 pupils left.", "Middlesbrough"),
    ],
)
def test_a_short_form_names_one_authority_and_a_school_none(text, subject):
    assert figure(text, "120").subject_name == subject


def test_an_authority_written_with_an_ampersand_is_another_council():
    assert [f.subject_name for f in figures("Brighton & Hove had 300 children in care.")] == [
        "Brighton & Hove"
    ]


def _supported(question: str, text: str, headline: str) -> list[Scored]:
    """The figures of text (a paper so titled) whose sentences support the question, as the answerer scores them."""
    found = figures(text, title=headline)
    scored = []
    for f in found:
        siblings = [g for g in found if g is not f and g.sentence_start == f.sentence_start]
        sentence = text[f.sentence_start : f.sentence_end]
        lead = text[f.sentence_start - 200 if f.sentence_start > 200 else 0 : f.sentence_start]
        ctx = build_context(f, sentence, lead, "", siblings, frozenset(measure_terms(headline)))
        verdict = check(read(question), f, lambda _, ctx=ctx: ctx)
        if verdict.ok:
            scored.append(Scored(f, verdict))
    return scored


@pytest.mark.parametrize(
    "text,answers",  # None: the bound stays, as without the rule
    [
        # a round bound and the exact figure it rounds, one paper, one date: the exact figure answers
        (
            "More than 780 children in the city are in care. The number - totalling 783 children - works out "
            "as 139 per 10,000.",
            ["783"],
        ),
        ("Almost 800 children are in care. The number - in all 783 children - is rising.", ["783"]),
        ("Around 800 children are in care (783 children).", ["783"]),
        # a figure named by its value restates the bound before it
        ("Nearly 800 children are in care. The 783 total is a rise.", ["783"]),
        ("Nearly 800 children are in care. The 795 total is a rise.", ["795"]),
        ("Nearly 800 children are in care. The 805 total is a rise.", None),
        # the exact figure of another measure, or one whose own sentence says what else it is, is no restatement
        ("More than 700 children are in care in the city. Budget was set for 745 children in care.", None),
        ("Over 400 children are in care. 430 children in care had an up to date health assessment.", None),
        # the exact figure is outside what the bound says: two figures, not one told twice
        ("More than 780 children are in care (779 children).", None),
        ("Almost 800 children are in care (801 children).", None),
        ("More than 700 children are in care (812 children).", None),
        # "more than 783" is no round figure
        ("More than 783 children are in care (785 children).", None),
    ],
)
def test_the_exact_figure_beats_the_round_bound_it_rounds(text, answers):
    from qa_assistant.answering.citing import as_written, hedge_before, restates_by_value

    question = "How many children were in care?"
    scored = _supported(question, text, "Children in care numbers rise")
    after = lambda b: [f for f in figures(text) if f.start > b.sentence_end and restates_by_value(text, f)]  # noqa: E731
    bounds = BoundReader(lambda f: hedge_before(text, f), after)
    chosen = best_series(scored, read(question), bounds)
    unchanged = best_series(scored, read(question))
    want = answers if answers is not None else [as_written(text, s.figure) for s in unchanged]
    assert sorted(as_written(text, s.figure) for s in chosen) == sorted(want)
    assert any(hedge_before(text, s.figure) for s in chosen) == (answers is None)


@pytest.mark.parametrize(
    "text,value,phrase",
    [
        # a verb after a fraction's whole says what the part is: the part takes the whole's words and the
        # predicate, the whole only its own words
        (
            "Last year 24 of the 156 foster carers were connected carers.",
            "24",
            "foster carers were connected carers",
        ),
        ("Last year 24 of the 156 foster carers were connected carers.", "156", "foster carers"),
        ("Figures show 235 out of 248 foster carers were approved.", "248", "foster carers"),
        (
            "Figures revealed that 62 of the 307 children in care in Southend as of March were placed more than "
            "20 miles from home.",
            "62",
            "children in care in Southend as of March were placed more than 20 miles from home",
        ),
        # a relative clause is the whole's own
        (
            "Of note, 12 of the 40 children who are in care were placed out of area.",
            "40",
            "children who are in care",
        ),
        # a list of nouns after a comma goes on with the predicate
        (
            "Overall 45 of the 120 care leavers were not in education, employment or training.",
            "45",
            "care leavers were not in education, employment or training",
        ),
        # a relative clause is the whole's own, with its own subject or not
        (
            "Then 5 of the 12 children that we have placed out of area were boys.",
            "12",
            "children that we have placed out of area",
        ),
        (
            "Last year 24 of the 156 foster carers that the council has approved were connected carers.",
            "24",
            "foster carers that the council has approved were connected carers",
        ),
        # a list of nouns ends before a date
        (
            "Overall 45 of the 200 care leavers were in education, employment or training in 2023.",
            "45",
            "care leavers were in education, employment or training",
        ),
        # no verb after the whole: the usual reading
        (
            "There were 235 out of 248 assessments completed in timescale.",
            "248",
            "assessments completed in timescale",
        ),
    ],
)
def test_a_fraction_whole_keeps_its_words_and_the_part_takes_the_verb(text, value, phrase):
    assert figure(text, value).phrase == phrase


@pytest.mark.parametrize(
    "text,part_date_is_whole",
    [
        # a part with a date of its own after a time word does not take the whole's
        ("Then 12 of the 300 children in care in March 2020 had left care by March 2021.", False),
        # "by" with no date after it is no time of its own
        (
            "Then 40 of the 300 children in care at 31 March 2023 were placed by the council's own service.",
            True,
        ),
    ],
)
def test_a_fraction_part_with_its_own_time_keeps_it(text, part_date_is_whole):
    part, whole = figures(text)[:2]
    assert (part.as_of.label == whole.as_of.label) == part_date_is_whole


def test_a_fraction_part_is_of_the_whole_place_and_date():
    text = (
        "Figures show 62 of the 307 children in care in Southend as of March 2025 were placed far from home."
    )
    part, whole = figure(text, "62"), figure(text, "307")
    assert (
        (part.subject_name, part.as_of.label)
        == (whole.subject_name, whole.as_of.label)
        == ("Southend", "March 2025")
    )


@pytest.mark.parametrize(
    "question,kind",
    [
        # a question asking what limit is set takes only a limit
        ("How long did Peterborough City Council have to submit an improvement plan?", "limit"),
        ("For how long must a private fostering arrangement be intended to last?", "limit"),
        ("How many working days does the council have to respond to a complaint?", "limit"),
        ("What is the statutory time limit for completing an assessment?", "limit"),
        ("According to the decision, after how long does a complaint count as late?", "limit"),
        ("After how long did the council escalate the complaint?", "level"),
        ("Within how many days are most complaints resolved?", "level"),
        # not what someone went through, nor a measure that names its limit
        ("How long did the grandmother have to wait for the allowance?", "level"),
        ("How long did the council take to complete the assessment?", "level"),
        ("What percentage of EHCPs were issued within the 20-week deadline in 2023?", "level"),
    ],
)
def test_a_question_asking_for_a_limit(question, kind):
    assert read(question).figure_kind == kind


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # a limit the paper sets answers a question asking for the limit, whatever else its sentence says
        (
            "How long did Peterborough City Council have to submit an improvement plan?",
            "Ofsted will now monitor the service. Peterborough City Council also has 70 days to submit an "
            "improvement plan.",
            "70 days",
            True,
        ),
        # but never a question asking how long something took
        (
            "How long did care proceedings take in 2023/24?",
            "In 2023/24, 93% of care proceedings were completed within the required 26 weeks.",
            "26 weeks",
            False,
        ),
        # and a limit question is not answered by a duration reported
        (
            "How long must care proceedings take?",
            "In 2023/24 care proceedings took 34 weeks on average.",
            "34 weeks",
            False,
        ),
    ],
)
def test_a_limit_answers_only_a_question_asking_for_one(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "text,value,kind",
    [
        # a limit only where the sentence sets a requirement, defines a term, or gives someone the time
        ("The statutory time limit is 20 working days.", "20 working days", "limit"),
        ("Late complaints are when someone takes more than 12 months to complain.", "12 months", "limit"),
        ("PCC also has 70 days to submit an improvement plan.", "70 days", "limit"),
        ("The time limit for stage 2 complaints is 25 working days.", "25 working days", "limit"),
        # how a service did against a limit, and an average, set none
        ("The average time taken against the statutory timescale was 31 days.", "31 days", None),
        ("The longest delay past the statutory deadline was 64 days.", "64 days", None),
        ("The council responded to 85% of complaints within 10 working days.", "10 working days", None),
        ("Stage 2 complaints were responded to within 25 working days on average.", "25 working days", None),
    ],
)
def test_a_limit_is_one_the_sentence_sets(text, value, kind):
    found = [f.kind for f in figures(text) if f.value_text == value]
    assert found == ([kind] if kind else []) or (kind is None and "limit" not in found)


def test_the_whole_of_a_fraction_is_not_the_part_its_predicate_names():
    text = "Overall 45 of the 120 care leavers were not in education, employment or training."
    assert not support("How many care leavers were in employment?", text, "120").ok


def test_a_limit_is_kept_as_a_figure_of_its_own_kind():
    text = "In 2023/24, 93% of care proceedings must be completed within 26 weeks."
    assert figure(text, "26 weeks").kind == "limit"
    assert figure(text, "93%").kind == "level"


@pytest.mark.parametrize(
    "question,concept",
    [
        # a measure said of children in care is what is asked
        ("What share of Rutland's children in care are with mainstream foster carers?", "foster_households"),
        (
            "What percentage of Havering's children in care had two or more changes of social worker?",
            "social_workers",
        ),
        ("How many adoptions of children in care took place in Richmond?", "adoptions"),
        # counting the children themselves, or naming nothing else, is about children in care
        ("How many children were looked after by foster families in York?", "looked_after"),
        ("How many of the children in care are with foster families?", "looked_after"),
        ("How many of Rutland's children in care are with foster families?", "looked_after"),
        ("What number of children in care have a social worker?", "looked_after"),
        ("What is the number of children in care per social worker?", "looked_after"),
        ("What is the number of children in care?", "looked_after"),
        # a threshold's number word is the measure's ("three or more placements"); "newly approved" households
        # are approvals, not the stock of households
        (
            "What percentage of our children in care had experienced three or more placements at the end of March?",
            "placement_stability_moves",
        ),
        ("How many newly approved foster households did Essex have in 2023/2024?", "foster_approvals"),
    ],
)
def test_a_measure_said_of_children_in_care_is_what_is_asked(question, concept):
    r = read(question)
    assert r.concept is not None and r.concept.concept.id == concept


@pytest.mark.parametrize(
    "name,several",
    [
        ("Looked After Children and Care Leavers Annual Report", True),
        ("Children in Need and Child Protection", True),
        # one measure, or a compound of two ("social workers' caseloads"), or one with its part
        ("Children in care", False),
        ("Children's social workers had some of the highest caseloads in England, 2013-14", False),
        ("Children in care and children in foster care", False),
        ("Children in Care or Care Leavers Annual Report", True),
    ],
)
def test_a_name_that_gives_several_measures(name, several):
    assert names_several_measures(name) == several


@pytest.mark.parametrize(
    "heading,ok",
    [
        # a figure with no words of its own is not told which measure by a heading that names several ...
        ("Looked After Children and Care Leavers", False),
        # ... but is by a heading that names one
        ("Care Leavers", True),
    ],
)
def test_a_wordless_figure_under_a_heading_of_several_measures(heading, ok):
    text = (
        f"{heading}\n\nThe report was presented to the Board.\n\nSince then these numbers had risen to 245."
    )
    doc = paper(text, title="Annual report")
    f = next(x for x in extract_figures(doc) if x.value_text == "245")
    # the server's view of a figure's surroundings, over this one paper (no retrieval is involved)
    index = SimpleNamespace(documents={"t": doc}, figure_index=SimpleNamespace(siblings=lambda g: []))
    contexts = FigureContexts(index)
    assert check(read("How many care leavers were there?"), f, contexts.context).ok == ok


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # an amount asked over a year is never a weekly one ...
        (
            "How much was the council charged in one year by private children's homes?",
            "The council was charged £25 million in one year by private children's homes, some charging £15,000 "
            "per child, per week.",
            "£15,000 per child, per week",
            False,
        ),
        (
            "What is the annual cost of a residential placement?",
            "A residential placement costs £5,000 per week.",
            "£5,000 per week",
            False,
        ),
        # ... while an amount asked with no span may be
        (
            "How much does a residential placement cost?",
            "A residential placement costs £5,000 per week.",
            "£5,000 per week",
            True,
        ),
    ],
)
def test_money_asked_over_a_year_is_not_a_weekly_amount(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # the words of a number the question itself states are given with it: they point at the figure asked
        (
            "How much was Halton charged by providers to accommodate 93 children?",
            "Halton was charged £25 million by providers to accommodate 93 children.",
            "£25 million",
            True,
        ),
        # ... but not when the question states no such number
        (
            "How much was Halton charged by providers to accommodate children?",
            "Halton was charged £25 million by providers to accommodate 93 children.",
            "£25 million",
            False,
        ),
        # ... nor when that number stands in another clause
        (
            "How much was spent on the 6 children placed in secure accommodation?",
            "The council spent £2.4m in total, and 6 children were placed in secure accommodation.",
            "£2.4m",
            False,
        ),
    ],
)
def test_words_of_a_number_the_question_states_are_given(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # the whole a part is asked of is given, but the figure's sentence must still say it
        (
            "In how many of the 22 areas in the report was the council deemed adequate?",
            "Of the 22 areas in the report, the council was deemed adequate in 16, inadequate in four, and in only "
            "two areas was it seen as good.",
            "16",
            True,
        ),
        (
            "How many of its 12 children's homes were rated good?",
            "Of the 40 schools inspected, 30 were rated good.",
            "30",
            False,
        ),
    ],
)
def test_a_stated_whole_is_given_but_must_be_said(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "text,value,question,matches",
    [
        # an overspend dated only by its paper, early in the year asked, may be the year just ended's outturn
        (
            "The children's services overspend was £11.9 million.",
            "£11.9 million",
            "What was the children's services overspend in 2024/25?",
            False,
        ),
        # ... a budget, set for the year begun, is that year's
        (
            "The children's services budget is £120 million.",
            "£120 million",
            "What was the children's services budget in 2024/25?",
            True,
        ),
        # ... and so is a forecast
        (
            "The children's services overspend is forecast to be £4.2 million.",
            "£4.2 million",
            "What was the children's services overspend in 2024/25?",
            True,
        ),
        # ... and an overspend dated by its own words is that date's
        (
            "The children's services overspend for 2024/25 was £11.9 million.",
            "£11.9 million",
            "What was the children's services overspend in 2024/25?",
            True,
        ),
    ],
)
def test_an_amount_dated_only_by_its_paper_early_in_a_year(text, value, question, matches):
    assert matches_period(figure(text, value), read(question)) == matches


@pytest.mark.parametrize(
    "question,position",
    [
        ("Where in the sequence of monitoring visits did the March 2022 visit come?", True),
        ("Where did Lewisham rank in London for its rate of children in care?", True),
        ("Where did Camden place in the country on the measure of children placed out of borough?", True),
        ("Which monitoring visit since the inadequate judgement was the July 2025 visit?", True),
        # "come from" asks where something came from; a verb of a clause about someone else asks nothing of rank
        ("Where did the additional funding for the front door come from?", False),
        ("Where were the unaccompanied children who came to Kent in July placed?", False),
        ("Where does Durham County Council place students it has permanently excluded?", False),
        # a role or a stance is no position in an order
        ("What position did Sarah Hammond hold?", False),
        ("What place-based early help does the council offer?", False),
    ],
)
def test_a_question_asking_a_position(question, position):
    from qa_assistant.figures.question_intent import asks_position

    assert asks_position(question) == position


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # the verb that ranks ("ranked", "placed", "came") restates a position's unit, as "rate" a rate's
        (
            "Where did Middlesbrough rank among local authorities for its child protection rate in 2022?",
            "The rate of children subject to a child protection plan is more than double the England rate: "
            "Middlesbrough ranked 150th of 152 local authorities on this measure.",
            "150th",
            True,
        ),
        (
            "Where did Lewisham rank in London for its rate of children in care?",
            "Lewisham's rate of children in care placed it 5th in London.",
            "5th",
            True,
        ),
        # ... but the words of another measure still refuse
        (
            "Where did Middlesbrough rank for its child protection rate?",
            "Middlesbrough ranked 12th for school attendance.",
            "12th",
            False,
        ),
        # ... each position of a sentence with its own measure ("5th for re-referrals and 150th for repeat plans")
        (
            "Where did Middlesbrough rank for re-referrals?",
            "Middlesbrough ranked 5th for re-referrals and 150th for repeat child protection plans.",
            "150th",
            False,
        ),
        (
            "Where did Middlesbrough rank for re-referrals?",
            "Middlesbrough ranked 5th for re-referrals and 150th for repeat child protection plans.",
            "5th",
            True,
        ),
        # ... "for the second year running" says when, not the measure
        (
            "Where did Middlesbrough rank for repeat child protection plans?",
            "Middlesbrough ranked 150th of 152 for the second year running on repeat child protection plans.",
            "150th",
            True,
        ),
        # ... and so do the words of the measure it was ranked on, after the field it was ranked in
        (
            "Where did Middlesbrough rank among local authorities for its child protection rate?",
            "Middlesbrough ranked 150th of 152 local authorities for the rate of children subject to a second or "
            "subsequent child protection plan.",
            "150th",
            False,
        ),
        (
            "Where did Middlesbrough rank nationally for its child protection rate?",
            "Middlesbrough ranked 20th nationally for repeat child protection plans.",
            "20th",
            False,
        ),
        (
            "Where did Middlesbrough rank among local authorities for its child protection rate?",
            "Middlesbrough ranked 150th of 152 local authorities for its child protection rate.",
            "150th",
            True,
        ),
    ],
)
def test_a_ranking_verb_restates_a_positions_unit(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "question,names_paper",
    [
        # a quarter named without its year can be part of the paper's name, as a dated one is
        ("How many places was London short of, according to Islington's Quarter 4 performance report?", True),
        ("How many places was London short of in quarter 4?", False),
    ],
)
def test_a_bare_quarter_may_name_the_paper(question, names_paper):
    assert read(question).date_names_paper == names_paper


@pytest.mark.parametrize(
    "question,latest",
    [
        ("What is the current number of children in care?", True),
        # "a current inspection" is something the counted homes have, not when the figure is from
        ("How many homes with a current Ofsted inspection were rated good?", False),
    ],
)
def test_a_current_thing_is_not_the_current_figure(question, latest):
    from qa_assistant.figures.question_intent import asks_latest

    assert asks_latest(question) == latest


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # a bound the question states ("more than 20 miles") against the bound the figure's own words give
        (
            "What percentage of children in care were placed outside the borough and more than 20 miles from home?",
            "47 percent of children in care are placed out of borough and within 20 miles of their home, and "
            "18 percent are in placements outside the borough and more than 20 miles from home.",
            "47 percent",
            False,
        ),
        (
            "What percentage of children in care were placed outside the borough and more than 20 miles from home?",
            "47 percent of children in care are placed out of borough and within 20 miles of their home, and "
            "18 percent are in placements outside the borough and more than 20 miles from home.",
            "18 percent",
            True,
        ),
        # ... the figure's own clause decides, whether its bound comes before or after it
        (
            "How many children in care were placed within 20 miles of home?",
            "The number of children in care placed within 20 miles of home rose to 147, with 58 placed over 20 "
            "miles away.",
            "147",
            True,
        ),
        (
            "How many children in care were placed within 20 miles of home?",
            "The number of children in care placed within 20 miles of home rose to 147, with 58 placed over 20 "
            "miles away.",
            "58",
            False,
        ),
        (
            "What percentage of placements were more than 20 miles from home?",
            "Placements more than 20 miles from home were 18 percent of the total, and placements within 20 miles "
            "47 percent.",
            "47 percent",
            False,
        ),
        # ... a clause ends at "and the number ...", ", up from", and a period the clause opens with is no bound
        (
            "How many children were placed within 20 miles of home?",
            "The number placed over 20 miles from home fell to 58 and the number within 20 miles rose to 147.",
            "147",
            True,
        ),
        (
            "How many children were placed within 20 miles of home?",
            "The number placed over 20 miles from home fell to 58 and the number within 20 miles rose to 147.",
            "58",
            False,
        ),
        # (", up from" does not end a clause: the earlier value keeps its bound, "45, down from 60")
        (
            "How many children were waiting less than 18 weeks for an assessment?",
            "The number of children waiting more than 18 weeks for an assessment was 45, down from 60 at the last "
            "report.",
            "60",
            False,
        ),
        # ... and a clause opening with a group bounded in weeks is that group
        (
            "How many children waited more than 18 weeks for an assessment?",
            "Under 18 weeks, 120 children waited for an assessment; over 18 weeks, 45 children waited for an "
            "assessment.",
            "120",
            False,
        ),
        (
            "How many children were re-referred within 12 months of a previous referral?",
            "Over 12 months, 230 children were re-referred within 12 months of a previous referral.",
            "230",
            True,
        ),
        # ... "although", "whilst", "leaving" end a clause too
        (
            "What percentage of assessments were completed within 45 working days?",
            "85% of assessments were completed within 45 working days, up from 70% last year, although 15% took "
            "more than 45 working days.",
            "85%",
            True,
        ),
        # ... and a span of years a clause opens with is a group (an age), not a period
        (
            "How many young people over 18 years were in supported accommodation?",
            "Under 18 years, 120 young people were in supported accommodation; over 18 years, 45 young people were "
            "in supported accommodation.",
            "120",
            False,
        ),
        # ... the same bound, or a bound on something else, refuses nothing
        (
            "How many children in care were placed more than 20 miles from home?",
            "There were 65 children in care placed over 20 miles from home.",
            "65",
            True,
        ),
    ],
)
def test_a_bound_the_question_states_is_the_figures_own(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # a share written as a count of a count answers "how many"
        (
            "How many children who received targeted early help went on to have a child protection plan?",
            "In the deep dive, 1 in 71 children who received targeted early help went on to have a child "
            "protection plan.",
            "1 in 71",
            True,
        ),
        # ... a percentage written as one does not
        (
            "How many children who received targeted early help went on to have a child protection plan?",
            "In the deep dive, 14% of children who received targeted early help went on to have a child "
            "protection plan.",
            "14%",
            False,
        ),
    ],
)
def test_a_share_written_as_a_count_of_a_count_answers_how_many(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


@pytest.mark.parametrize(
    "question,ok",
    [
        # a saving on a measure is not what the measure costs
        ("What is the annual cost of residential placements?", False),
        ("What annual saving will the new model make on residential placements?", True),
    ],
)
@pytest.mark.parametrize(
    "text",
    [
        "The new model is expected to save £1.2M per year on residential placements.",
        "The new model is expected to save the council £1.2M per year on residential placements.",
        "The new model will bring savings totalling £1.2M per year on residential placements.",
    ],
)
def test_a_saving_is_not_a_cost(question, ok, text):
    s = support(question, text, "£1.2M per year")
    assert s.ok == ok, s.reason


def test_spending_after_savings_is_a_cost():
    s = support(
        "How much does the council spend on residential placements?",
        "After savings £14.2m was spent on residential placements.",
        "£14.2m",
    )
    assert s.ok, s.reason


def test_a_figure_of_another_unit_answers_only_when_none_in_the_unit_asked_does():
    from qa_assistant.answering.figure_answers import prefer_asked_unit
    from qa_assistant.answering.figure_choice import Scored

    question = "How many children in need had a disability?"
    text = (
        "Of the 2,040 children in need, 612 had a disability; three in ten children in need had a disability."
    )
    scored = [Scored(figure(text, v), support(question, text, v)) for v in ("612", "three in ten")]
    assert all(s.support.ok for s in scored), [s.support.reason for s in scored]
    assert [s.figure.value_text for s in prefer_asked_unit(scored)] == ["612"]
    assert [s.figure.value_text for s in prefer_asked_unit(scored[1:])] == ["three in ten"]


# ---- a total asked is not an average given; a bracketed aside that states a figure is given, not asked ------

_WEEKLY = (
    "This was due to the increased number of external residential care placements for children in care "
    "required during the year, at an average weekly cost of £2,870."
)
_TOTAL = "The total cost of children in care during the last financial year was £13.3m."
_ASIDE_Q = (
    "What was the total cost of children in care during the last financial year, according to the report "
    "(£850 a week per child)?"
)


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        (_ASIDE_Q, _TOTAL, "£13.3m", True),
        (_ASIDE_Q, _WEEKLY, "£2,870", False),
        (
            "What was the total cost of residential care placements for children in care last year?",
            _WEEKLY,
            "£2,870",
            False,
        ),
        (
            "What was the average weekly cost of residential care placements for children in care?",
            _WEEKLY,
            "£2,870",
            True,
        ),
        # an average said of another number beside it does not make the total one
        (
            "How many children were in care in total in March?",
            "In March there were 310 children in care, an average of 12 per social worker.",
            "310",
            True,
        ),
    ],
)
def test_a_total_asked_is_not_an_average_given(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


_INTERVIEWS = (
    "In 2017, 92% of children who went missing agreed to a return interview, and 78% of those interviews were "
    "carried out within 72 hours."
)


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # "on a full-time basis": "basis" names nothing counted
        (
            "How many children was the council looking after full-time?",
            "On any one day, the county council will be looking after 410 children on a full-time basis.",
            "410",
            True,
        ),
        # "carried out" is a light verb in a figure's phrase as in a question; the hours of a time limit are the
        # measure's own ("within 72 hours" is not "within 24 hours")
        (
            "What share of return interviews were carried out within 72 hours in 2017?",
            _INTERVIEWS,
            "78%",
            True,
        ),
        (
            "What share of return interviews were carried out within 24 hours in 2017?",
            _INTERVIEWS,
            "78%",
            False,
        ),
    ],
)
def test_words_that_name_nothing_counted(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


# ---- the first review of the twenty-fifth round: shapes its rules must not claim ------------------------------


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # an -ing verb that says which children ("living with") stays in the phrase
        (
            "How many children were in care?",
            "There are 12 children in care living with 8 connected carers.",
            "12",
            False,
        ),
        # the "and" after "between April and June" joins clauses
        (
            "How many contacts were received?",
            "Contacts fell between April and June and referrals rose to 1,250.",
            "1,250",
            False,
        ),
        # "full-time" is a word of what is counted; "basis" is not
        (
            "How many social workers are employed?",
            "The council employs 25 social workers on a full-time basis.",
            "25",
            False,
        ),
        # "stays" as a noun is what is counted
        (
            "How many respite stays were provided?",
            "Respite stays at Oakwood House totalled 450.",
            "450",
            False,
        ),
        # a unit heading in brackets ("(£000 per child)") still asks an average
        (
            "What was the spend on placements (£000 per child)?",
            "Spend on placements was £24.5m in 2023/24.",
            "£24.5m",
            False,
        ),
        # a total given with an average beside it, "each year", or "above average" is still a total
        (
            "What was the total cost of children in care during 2023/24?",
            "The total cost of children in care in 2023/24, at an average of £44,000 per child, was £13.3m.",
            "£13.3m",
            True,
        ),
        (
            "What is the total spend on agency staff?",
            "The service spends £3.1m each year on agency staff.",
            "£3.1m",
            True,
        ),
        (
            "What was the total number of children in care?",
            "The number of children in care is above average, at 310.",
            "310",
            True,
        ),
        # a threshold in digits is the same as in words
        (
            "What percentage of children in care had three or more placements?",
            "The percentage of children in care with 3 or more placements was 9.8%.",
            "9.8%",
            True,
        ),
        # a threshold written "fewer than 3" or "3" is not "three or more"
        (
            "What percentage of children in care had three or more placements?",
            "The percentage of children in care with fewer than 3 placements was 88%.",
            "88%",
            False,
        ),
        (
            "How many children had 3 or more placements?",
            "Of our children in care, 40 had three or more placements.",
            "40",
            True,
        ),
        # an average's own phrase ("The cost per child ...") is still read
        (
            "What was the total cost of children in care?",
            "The cost per child in care is above average, at £62,000.",
            "£62,000",
            False,
        ),
    ],
)
def test_shapes_the_rounds_rules_must_not_claim(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason


def test_a_stated_aside_keeps_its_date():
    r = read("How many children were in care (in 2023/24, up 5%)?")
    assert r.date_start == dt.date(2023, 4, 1)


def test_the_same_quarter_last_year_is_an_earlier_period():
    text = "There are 412 children in care. The number of children in care during the same quarter last year was 402."
    assert figure(text, "402").as_of.basis == "earlier"


@pytest.mark.parametrize(
    "text,same",
    [
        ("three or more placements", True),
        ("3+ placements", True),
        ("at least three placements", True),
        ("3 or more placements", True),
        ("fewer than 3 placements", False),
        ("3 placements", False),
        ("2.3 or more placements", False),  # the "3" of a decimal is no threshold
    ],
)
def test_a_threshold_written_any_way_is_one_word(text, same):
    assert (set(measure_terms(text)) == set(measure_terms("3 or more placements"))) == same


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # a count of children with three or more placements is not the number of placement moves
        ("How many placement moves were there?", "47 children had 3+ placements.", "47", False),
        (
            "How many children had placement moves?",
            "47 children had three or more placement moves.",
            "47",
            False,
        ),
        (
            "How many placement moves were there?",
            "There were 112 placement moves; 47 children had three or more placements.",
            "112",
            True,
        ),
    ],
)
def test_a_threshold_count_is_not_the_moves_themselves(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason
