"""Table-driven unit tests for the figure reader and the question reader: no index, no model.

Each row is a sentence shape councils write and what must be read from it. The sentences are written for
these tests (not copied from the seed papers), so a rule that passes here is not fitted to one paper.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from figure_helpers import figure, figures, support

from qa_assistant.figures.question import read, read_conversation
from qa_assistant.figures.support_rules import subject_ok, whole_council_for_a_service
from qa_assistant.text.dates import find_dates
from qa_assistant.text.numbers import find_quantities


# ---- quantities ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,value_text,value,unit",
    [
        ("a budget of £1.2m this year", "£1.2m", 1.2e6, "gbp"),
        ("savings of £450k were made", "£450k", 450e3, "gbp"),
        ("the net budget is £3.456m", "£3.456m", 3.456e6, "gbp"),
        ("an allowance of £285 per week", "£285 per week", 285, "gbp_per_week"),
        ("costing £52,000 a year", "£52,000 a year", 52000, "gbp_per_year"),
        # what an amount is for each of may stand before its period
        ("costing on average £4,500 per child, per week", "£4,500 per child, per week", 4500, "gbp_per_week"),
        ("£52,000 a placement a year", "£52,000 a placement a year", 52000, "gbp_per_year"),
        ("costing £4,500 per child.", "£4,500", 4500, "gbp"),
        # ... but not a time phrase after a comma, nor one that says when
        ("£4,200 per placement, a year on it was £3,900", "£4,200", 4200, "gbp"),
        ("it was £4,200 a placement a year earlier", "£4,200", 4200, "gbp"),
        ("it was £30,000 a year ago", "£30,000", 30000, "gbp"),
        ("a rate of 98.5 per 10,000 children", "98.5 per 10,000", 98.5, "per_10000"),
        # what the rate counts may stand between it and its base, but not another clause
        ("a rate of 59.7 children in care per 10,000", "59.7 children in care per 10,000", 59.7, "per_10000"),
        ("20 children were placed per 10,000 homes", "20", 20, "count"),
        ("62.5 per cent of care leavers", "62.5 per cent", 62.5, "percent"),
        ("an average of 14 months", "14 months", 14, "months"),
        # a span of financial, calendar or school years is a duration, not a count of what the sentence names
        ("for each of the last five financial years", "five financial years", 5, "years"),
        ("over 12 calendar months", "12 calendar months", 12, "months"),
        ("an overspend of £3.2m financial year 2023/24", "£3.2m", 3200000, "gbp"),
        (
            "children in care lost 1,240 school days to exclusions",
            "1,240",
            1240,
            "count",
        ),  # days lost: a count
        ("Twenty three children", "Twenty three", 23, "count"),
        ("between 72-77 young people", "72-77", 72, "count"),
        # a value and what it changed to are two figures; a range stays one
        ("numbers rose from 450 to 500 this year", "450", 450, "count"),
        ("numbers rose from 450 to 500 this year", "500", 500, "count"),
        ("caseloads ranging from 18 to 22 children", "18 to 22", 18, "count"),
        ("a home for up to three children", "three", 3, "count"),  # a cap, as "up to 3" is; not a range
        # a scorecard's lines end in values that do not climb a few pages at a time
        (
            "Children looked after 503\nChild protection plans 320\nChildren in need 1450\nCare leavers 200\n"
            "Adoptions 20\n",
            "503",
            503,
            "count",
        ),
        (
            "Adoptions 2\nSpecial guardianship orders 4\nFoster carers approved 5\nFoster carers resigned 7\n"
            "Placement moves 9\n",
            "4",
            4,
            "count",
        ),
        # ... nor a scorecard under a contents heading whose values climb faster than pages do
        (
            "Contents\nChildren's Services Scorecard\nQ2 2024/25\nAdoptions 3\nSpecial guardianship orders 9\n"
            "Children missing from care 20\nPlacement moves 31\n",
            "3",
            3,
            "count",
        ),
        # a "Contents" heading a few headings away is not this list's
        (
            "Contents\nForeword\nIntroduction\nOur performance\n\nKey numbers\nChildren adopted 3\n"
            "Special guardianship orders 4\nFoster carers approved 7\nCare leavers in education 9\n",
            "7",
            7,
            "count",
        ),
        # after a contents list ends (a line of prose), numbers are figures again
        (
            "Contents:\n1. Introduction\n3\nLooked after children at the end of the quarter: 381\n",
            "381",
            381,
            "count",
        ),
        # ... and after a question that no page number a little further on follows (a "year in numbers" list)
        (
            "Contents\nOur year in numbers 2\nHow many children did we look after?\n512\nHow many care leavers?\n218\n",
            "512",
            512,
            "count",
        ),
        (
            "Contents\nForeword\n3\nOur care leavers\n8\nOur year in numbers\nHow many children were adopted?\n19\n",
            "19",
            19,
            "count",
        ),
        ("We approved 1 in 2023.", "1", 1, "count"),  # "in <year>" is no ratio
        # a rate's base written in words
        ("27.9 conceptions per thousand women aged 15-17", "27.9 conceptions per thousand", 27.9, "per_1000"),
        ("a rate of 12 per ten thousand children", "12 per ten thousand", 12, "per_10000"),
        # news and FOI shorthand for million; a line labelled by its year, then the value
        ("Total funding 2023/24- £239.5mill", "£239.5mill", 239.5e6, "gbp"),
        ("a £4mln overspend", "£4mln", 4e6, "gbp"),
        # procurement notices write the currency's code after the value, with or without the sign
        ("The contract, valued at 94,478.73 GBP, was awarded.", "94,478.73 GBP", 94478.73, "gbp"),
        ("a total value of £6,960,690.00 GBP", "£6,960,690.00 GBP", 6960690.0, "gbp"),
        # newspapers write per cent as "pc" on the number
        ("an increase of 25pc in one year", "25pc", 25, "percent"),
        ("The home at 12 Mill Road", "12", 12, "count"),  # a name in capitals, apart from the number
        ("Plans not returned in 20 weeks\n2024- 41.2% (769)\n2023- 57.4% (1,143)", "41.2%", 41.2, "percent"),
        ("Plans not returned in 20 weeks\n2024- 41.2% (769)\n2023- 57.4% (1,143)", "769", 769, "count"),
        ("There were 12 in 2022 and 14 in 2023.", "12", 12, "count"),
        # a share written in words is one percentage, as written; a larger "out of" stays two counts
        ("Three out of four young people took part", "Three out of four", 75, "percent"),
        ("failings at one in ten of the region's homes", "one in ten", 10, "percent"),
        ("1 in 5 children", "1 in 5", 20, "percent"),
        ("a quarter of referrals came from that route", "a quarter", 25, "percent"),
        ("two thirds of carers were over 50", "two thirds", 200 / 3, "percent"),
        ("Half of the children were placed out of area", "Half", 50, "percent"),
        ("120 out of 200 care leavers were in education", "120", 120, "count"),
        ("120 out of 200 care leavers were in education", "200", 200, "count"),
        (
            "the lowest rate in 12\nmonths in January",
            "12\nmonths",
            12,
            "months",
        ),  # a hard line wrap inside it
        # a multiple of another figure, never a count
        ("pupils with full attendance were 1.4 times more likely to pass", "1.4 times", 1.4, "multiple"),
        ("boys were three times as likely to be excluded", "three times", 3, "multiple"),
        ("placement costs are 2.5 times higher than the national average", "2.5 times", 2.5, "multiple"),
        (
            "Kent cares for 10 times the national average of asylum-seeking children",
            "10 times",
            10,
            "multiple",
        ),
        ("Blackpool has 10 times the number of children in care of Rutland", "10 times", 10, "multiple"),
        # ... while times counted are a count
        ("the family was visited 4 times in May", "4", 4, "count"),
        ("children were reported missing 212 times over the year", "212", 212, "count"),
        ("the panel met 11 times the previous year", "11", 11, "count"),
        # a count written without its comma that looks like a year, where a count stands
        ("at 31 March 2022, there were 1938 children in need", "1938", 1938, "count"),
        ("In 2021/22 there were 2017 referrals to children's social care.", "2017", 2017, "count"),
        ("The service received a total of 2040 contacts.", "2040", 2040, "count"),
        # a position in an order is an ordinal, a unit only a question asking a position takes
        ("The visit was the third monitoring visit since the last inspection.", "third", 3, "ordinal"),
        ("Middlesbrough ranked 150th among local authorities.", "150th", 150, "ordinal"),
        ("Number of children looked after (CLA)412", "412", 412, "count"),
        ("Children in need (CIN)85", "85", 85, "count"),
        ("Middlesbrough ranked 140th of 152 councils.", "140th", 140, "ordinal"),
        ("Children filmed to commemorate the 59th year anniversary of the club.", "59th", 59, "ordinal"),
        # ... "a" before it is a position when a noun follows, not a fraction
        (
            "But following a sixth monitoring visit, Ofsted said there was a turnaround.",
            "sixth",
            6,
            "ordinal",
        ),
        ("The council recorded a third consecutive overspend.", "third", 3, "ordinal"),
    ],
)
def test_quantities(text, value_text, value, unit):
    q = [
        x for x in find_quantities(text, [(d.start, d.end) for d in find_dates(text)]) if x.text == value_text
    ]
    assert q and q[0].value == pytest.approx(value) and q[0].unit == unit


@pytest.mark.parametrize(
    "text,not_a_figure",
    [
        ("Call (01642) 245 432 for details", "245"),
        ("see page 24 of the pack", "24"),
        ("young people aged 16 and over", "16"),
        ("the meeting at 4.00 pm", "4.00"),
        ("Monday 3 May | 10:30 a.m.", "30"),
        ("the panel met at 2 p.m. with 45 carers", "2"),
        ("section 1.2 Early Help", "1.2"),
        ("the rate per 10,000 is calculated", "10,000"),
        ("a rolling 12-month measure of re-referrals", "12"),
        ("numbers fell below the 400 mark in May", "400"),
        ("care leavers aged 19 to 21 in work", "21"),
        ("we expect two to three visits a week", "three"),  # a vague range in words is no reported figure
        ("three or four carers left", "three"),
        # either side of a ratio ("one in nine (10.9%)"): the percentage beside it is the figure
        ("only one in nine (10.9%) social worker posts were vacant", "nine"),
        ("around 1 in 4 children were placed out of area", "4"),
        ("around 1 in 4 children were placed out of area", "1"),
        ("1 in 2,000 children", "2,000"),
        # page numbers in a table of contents sit under a measure's name, but are not its value
        ("Contents:\n\n1. Introduction\n\n3\n\n2. Looked After Children Figures\n\n5\n\nThe report", "5"),
        ("Contents\nCare Leavers ........ 11\nPlacement Stability\t7\n", "11"),
        ("Contents\nCare Leavers ........ 11\nPlacement Stability\t7\n", "7"),
        # a short question is a section's heading, not prose that ends the list
        (
            "Contents\nIntroduction\n3\nWhat is corporate parenting?\n4\nHow many children are in our care?\n6\n"
            "How well are our children doing at school?\n9\nCare leavers\n12\n",
            "6",
        ),
        (
            "Contents\nSummary of findings\n33\nWhat does the LSCB need to improve?\n38\nAreas for improvement\n38\n",
            "38",
        ),
        ("225 care leavers aged between 18 and 25 were supported", "25"),
        ("225 care leavers aged between 18 and 25 were supported", "18"),
        ("young people aged 16 or 17 were in supported accommodation", "17"),
        ("a child under 16 years of age (or 18 if disabled) who is cared for by another adult", "18"),
        # an answer's number at the very end of a cut-off page
        ("Number of initial requests\n\n1,252\n\n2.", "2"),
        # a version after a name's word
        ("funding from the Fair Funding Review 2.0 totalled £10.653m", "2.0"),
        # a budget-monitoring period is a label (capitalised; "in that period 40 children" is a count)
        ("reported that in Period 3 there was a projected overspend of £6 million", "3"),
        ("At Month 6 the forecast overspend was £2m.", "6"),
        # an age band
        ("There were 45 care leavers living in 16-plus supported accommodation.", "16"),
        # a day written after its month, with no year after it
        ("There were 642 children in care as of March 31 last year.", "31"),
        ("A report to Thursday's (September 5) meeting said 39 children waited.", "5"),
        ("By June 30, the service had approved 12 carers.", "30"),
        ("There were 1,147 looked after children at April 11, two fewer than in November.", "11"),
        ("There were 642 children in care as of September 30 last year.", "30"),
        ("Since November 4, 12 foster carers have left.", "4"),
        ("Number of children in care as at march 31, 642 (up from 600).", "31"),
        # a footnote's marker glued to a closing bracket
        ("the most prevalent were Communication (76%) and Personal care (71%)5", "5"),
        # ... while a year is still a year
        ("In 2019 children in care rose to 500.", "2019"),
        ("The peak was 2019 when 702 children were in care.", "2019"),
        ("There were 2019 and 2020 figures in the table.", "2019"),
        ("The total of 2023 referrals was 3,400, against a total of 2022 referrals of 3,100.", "2022"),
        ("There is 2021 census data showing growth.", "2021"),
        ("There were 2019 levels of demand.", "2019"),
        # ... and a table cell glued to its label's bracket is still a figure: only a short marker is not
        ("Personal care (71%)5", "5"),
        # ... nor a number alone in square brackets: a footnote or source reference
        (
            "reduced to between 1 percent and 6 percent in the years 2008 to 2018.[1] In 2020, 259 were fostered.",
            "1",
        ),
        ("Lambeth has no residential homes[3] and 170 children are placed out of borough.", "3"),
        # an ordinal that is a fraction, a date's day, a period or a named order is no position
        ("One third of carers left.", "third"),
        ("On 1st October the hub opened.", "1st"),
        ("In the first year it would cost £1.7m.", "first"),
        ("A third party provider ran the service.", "third"),
        ("Costs were cut by a third.", "third"),
        ("A third of carers left.", "third"),
        ("A third were placed out of area.", "third"),
        # ... and a contents list with no heading before it (a PDF's, copied as text): title lines, each ending
        # in a page a few pages on from the last
        (
            "Foreword 3\n\nIntroduction 3\n\nCamden's Looked After Children 5\n\nWhat our young people have "
            "told us 6\n\nOur priorities 2021 - 24 8\n\nIndependence 13\n\nContents\n",
            "5",
        ),
        # ... nor with a few short lines between the heading and the entries ("Section / Page", the title)
        (
            "CONTENTS\nSection\nPage\nForeword 3\nIntroduction 4\nLooked After Children 5\nCare Leavers 8\n",
            "5",
        ),
        (
            "Contents\n\nCorporate Parenting Board\n12 June 2024\nForeword 3\nIntroduction 4\n"
            "Looked After Children 5\n",
            "5",
        ),
        # ... nor in another copy of that list the PDF's page header repeats without its heading
        (
            "Foreword 3\nIntroduction 3\nLooked After Children 5\nOur priorities 8\n\nPage 2\n\n"
            "Foreword 3\nIntroduction 3\nLooked After Children 5\nOur priorities 8\nContents\n",
            "5",
        ),
        # an age that bounds the group counted is no count of it
        ("There were 412 children under 18 in care at 31 March.", "18"),
        ("Costs were a fifth higher than last year.", "fifth"),
        ("A fifth reported feeling lonely.", "fifth"),
        ("Agency costs fell by a third between 2021 and 2023.", "third"),
        ("A fifth now live out of area.", "fifth"),
        # ... nor one inside a name, the first items of a count, or another item of the sequence
        ("The funding came from the Families First for Children Pathfinder.", "First"),
        ("The first 40 were placed in Ashford.", "first"),
        ("The June visit followed the first monitoring visit in September 2022.", "first"),
        # a day before its month with no year ("(Friday, 19 July)", "As at 31 March")
        ("At this week's cabinet meeting (Friday, 19 July), councillors will discuss two homes.", "19"),
        ("As at 31 March there were 450 children in care.", "31"),
    ],
)
def test_numbers_that_are_not_quantities(text, not_a_figure):
    assert not_a_figure not in [
        q.text for q in find_quantities(text, [(d.start, d.end) for d in find_dates(text)])
    ]


@pytest.mark.parametrize(
    "text,counts",
    [
        ("In March 12 children entered care.", ["12"]),
        ("Average caseload in March 18, down from 22 in January.", ["18", "22"]),
        ("Children in care at the end of March 28, compared with 25 at the end of February.", ["28", "25"]),
        ("Carers approved: April 4, May 6, June 3.", ["4", "6", "3"]),
        # a line's last number is no day of the month the next line opens with
        ("Average caseload per social worker: 18\nMarch saw an increase in referrals.", ["18"]),
    ],
)
def test_a_count_after_a_month_is_still_a_count(text, counts):
    assert [q.text for q in find_quantities(text, [(d.start, d.end) for d in find_dates(text)])] == counts


# ---- phrase, concept, kind, subject, unit, as-of ----------------------------------------------------------
@pytest.mark.parametrize(
    "text,value,phrase,concept",
    [
        ("Number of children we care for – 533.", "533", "Number of children we care for", "looked_after"),
        (
            "There were 212 approved fostering households at year end.",
            "212",
            "approved fostering households",
            "foster_households",
        ),
        ("The service received 1,840 contacts in the quarter.", "1,840", "contacts", "contacts"),
        ("A total of 46 children left care during the year.", "46", "children left care", "cla_ceased"),
        ("Of these, 230 children were in foster care.", "230", "children were in foster care", "cla_foster"),
        (
            "Our net revenue budget for children's social care is £61.4m.",
            "£61.4m",
            "Our net revenue budget for children's social care",
            "budget",
        ),
        (
            "Personal advisers each held an average caseload of 24 young people.",
            "24",
            "an average caseload",
            "caseloads",
        ),
        ("Laptops delivered: 1,200", "1,200", "Laptops delivered", None),
        (
            "The average caseload of a personal adviser was 21 in March.",
            "21",
            "The average caseload of a personal adviser",
            "caseloads",
        ),
        (
            "Care leaver numbers have fallen steadily, reaching 212 in May 2023.",
            "212",
            "Care leaver numbers",
            "care_leavers",
        ),
        (
            "The share of care leavers in education, employment or training was 61%.",
            "61%",
            "The share of care leavers in education, employment or training",
            "care_leavers_eet",
        ),
        (
            "Eleven households were approved as foster carers during the year.",
            "Eleven",
            "households were approved as foster carers",
            "foster_approvals",
        ),
        # quoted words after the number are still its phrase
        (
            "Latest figures show the town has 363 \u2018looked after' children.",
            "363",
            "looked after' children",
            "looked_after",
        ),
        # the level after "risen by X to" is a value of what rose
        (
            "The council said the number of children in its care had risen by 40% to 429 as of September 2024.",
            "429",
            "the number of children in its care",
            "looked_after",
        ),
        # a share with its count in brackets: both are what follows the bracket
        (
            "Of the open cases, 83% (3,224) were held open on a child in need basis.",
            "83%",
            "were held open on a child in need basis",
            "children_in_need",
        ),
        # an absolute clause ("with neglect being the most common") says something of the group, not which
        (
            "At the end of 2012, 118 children were subject to a protection plan with neglect being the most common.",
            "118",
            "children were subject to a protection plan",
            "child_protection",
        ),
        # nor does how the group is divided ("split into three categories", "broken down by age")
        (
            "The panel saw 38 performance metrics split into three categories.",
            "38",
            "performance metrics",
            None,
        ),
        (
            "There were 420 children in care broken down by age.",
            "420",
            "children in care",
            "looked_after",
        ),
        # the words inside a rate say what it counts
        (
            "There were 303 children in care, a rate of 59.7 children in care per 10,000.",
            "59.7 children in care per 10,000",
            "children in care",
            "looked_after",
        ),
        # a number's words end where the whole it is part of begins
        (
            "There were 38 looked after children from abroad in the context of approximately 600 looked after "
            "children.",
            "38",
            "looked after children from abroad",
            "looked_after",
        ),
        (
            "There were 120 care leavers in education out of 200 care leavers.",
            "120",
            "care leavers in education",
            "care_leavers",
        ),
        # "is predicted to be" links the money to what it is; "by the end of this financial year" says when
        (
            "The overspend forecast by the end of this financial year is predicted to be £3.9 million.",
            "£3.9 million",
            "The overspend forecast by the end of this financial year",
            "overspend",
        ),
        # "worth" and "valued at" link the money to what it is, like "of"
        (
            "Councillors approved our application for Exceptional Financial Support worth £4.7m.",
            "£4.7m",
            "our application for Exceptional Financial Support",
            None,
        ),
        # values listed place by place are the same measure for each place
        (
            "Stockton's schools issued 5,505 temporary exclusions, in Hartlepool it was 4,868, in Redcar 4,350 "
            "and in Middlesbrough 4,075.",
            "4,075",
            "temporary exclusions",
            "exclusions",
        ),
        (
            "Stockton's schools issued 5,505 temporary exclusions, in Hartlepool it was 4,868, in Redcar 4,350 "
            "and in Middlesbrough 4,075.",
            "4,868",
            "temporary exclusions",
            "exclusions",
        ),
        # ... but a value with words of its own is not the list's
        (
            "Middlesbrough had 150 children in care and in Hartlepool 12 new foster carers were approved.",
            "12",
            "new foster carers were approved",
            "foster_approvals",
        ),
        # a bracket that sets a group aside is no kind of the name before it
        (
            "Response:\n  2023-24 2022-23\nQ1 - Foster placements (other than in house) 183 170\n",
            "183",
            "Q1 - Foster placements (other than in house)",
            "foster_places",
        ),
        # a row's name with its qualifier bracketed after it is read with the qualifier before it
        (
            "Response:\n  2018-19 2017-18\nQ1 - Foster placement (In House) 287 311\n",
            "287",
            "Q1 - Foster placement (In House)",
            "cla_foster_in_house",
        ),
        # a number joined to a word by a hyphen: the word says what it counts
        ("A 43-bedded complex will open.", "43", "bedded complex will open", None),
        ("The council runs a 10-bed home.", "10", "bed home", None),
        ("The council runs a 10-place unit.", "10", "place unit", None),
        # a comma and an "or" joining a list of nouns go on with the phrase
        (
            "66% of young people leaving care are in employment, education or training, this figure has risen.",
            "66%",
            "young people leaving care are in employment, education or training",
            "care_leavers",
        ),
        # a clause after the comma, or capitalised names (places), end it
        (
            "There were 30 foster carers, this figure and the last rose.",
            "30",
            "foster carers",
            "foster_households",
        ),
        (
            "We had 20 foster carers in Stockton, Hartlepool and Redcar.",
            "20",
            "foster carers in Stockton",
            "foster_households",
        ),
        # a period after "during" / "throughout" / "between ... and ..." says when; the measure is before it
        (
            "The total spent on agency social workers during the last financial year was £2.1m.",
            "£2.1m",
            "The total spent on agency social workers during the last financial year",
            "agency_staff",
        ),
        (
            "The number of children in care throughout the pandemic was 310.",
            "310",
            "The number of children in care throughout the pandemic",
            "looked_after",
        ),
        (
            "The cost of placements between April and June was £3.4m.",
            "£3.4m",
            "The cost of placements between April and June",
            "placement_cost",
        ),
        # "hit", "peaked", "climbed" move the measure, as "rose" does; "hit by" says which ones
        (
            "The number of children in care hit 612 in March.",
            "612",
            "The number of children in care",
            "looked_after",
        ),
        ("Caseloads climbed to 25 in March.", "25", "Caseloads", "caseloads"),
        (
            "The number of families hit by the cuts was 40.",
            "40",
            "The number of families hit by the cuts",
            None,
        ),
        # a trend verb in the present ends the phrase as one in the past does
        (
            "We have seen the number of children subject to a Child Protection Plan remains stable at 378.",
            "378",
            "the number of children subject to a Child Protection Plan",
            "child_protection",
        ),
        # an -ing verb and its particle lead to the next number ("looking after 274 children"), and are not
        # what the first counts; an -ed verb keeps what follows it
        (
            "At the end of April the council had 195 fostering households looking after 274 children and young "
            "people.",
            "195",
            "fostering households",
            "foster_households",
        ),
        (
            "In 2011-12, 25 children were adopted with 32 adopters approved over this period.",
            "25",
            "children were adopted",
            "adoptions",
        ),
    ],
)
def test_phrase_and_concept(text, value, phrase, concept):
    f = figure(text, value)
    assert f.phrase == phrase
    assert f.concept_id == concept


@pytest.mark.parametrize(
    "text,value,kind",
    [
        ("There were 512 children in care, an increase of 14 since March.", "14", "change"),
        ("There were 512 children in care, an increase of 14 since March.", "512", "level"),
        ("Referrals fell by 8% compared with last year.", "8%", "change"),
        ("Our target is 90% of assessments completed on time.", "90%", "target"),
        ("We aim to recruit 25 new foster carers this year.", "25", "target"),
        ("The forecast overspend is £2.1m.", "£2.1m", "forecast"),
        (
            "Of the 41 carers approved (20 mainstream and 21 connected persons), most were local.",
            "20",
            "part",
        ),
        # a part may say so after itself
        ("There were 621 children in care, 85 of whom were placed out of area.", "85", "part"),
        (
            "Of the 41 carers approved (20 mainstream and 21 connected persons), most were local.",
            "41",
            "level",
        ),
        ("Agency staffing makes up £2.2m of the overspend.", "£2.2m", "part"),
        ("These measures should cut the overspend by £0.8m next year.", "£0.8m", "change"),
        # a number said to be current is a level, whatever the clause forecasts
        (
            "It was forecast that the current active 76 external placements would cost £14.4m this year.",
            "76",
            "level",
        ),
        ("The overspend is currently forecast at £3m.", "£3m", "forecast"),
        # a change verb whose object runs several long words before "by"
        (
            "The programme has helped to reduce North Yorkshire's looked-after population by 18 per cent.",
            "18 per cent",
            "change",
        ),
        ("Our aims for next year:\n- to bring social worker caseloads down to 17;", "17", "target"),
        ("57% of the children with our carers were aged over 10.", "57%", "level"),
        ("Agree these targets for 2025/26: re-referrals 20%; caseloads 16.", "20%", "target"),
        ("This year we want to welcome 30 new fostering families.", "30", "target"),
        ("Children with a plan (number, for information, no target): Q1 40; Q2 44.", "40", "level"),
        # a hedge between the change word and the number leaves it a change
        ("Exclusions in Middlesbrough rise by more than 300% since 2013", "300%", "change"),
        ("The overspend was up by around £2m on the last quarter.", "£2m", "change"),
        ("There were over 300 children in care.", "300", "level"),
        # a movement verb right before an amount, with no "by" or "to", gives a change
        ("Re-referrals fell 3% on the previous quarter.", "3%", "change"),
        ("Referrals increased 5 per cent compared with 2022.", "5 per cent", "change"),
        ("Re-referrals fell to 3% in the quarter.", "3%", "level"),
        # a forecast cue right before the value a change goes to is that value's, not the starting value's
        ("Spend on placements rose from £27.3m to a forecast £38.4m this year.", "£27.3m", "level"),
        ("Spend on placements rose from £27.3m to a forecast £38.4m this year.", "£38.4m", "forecast"),
        ("Spend is £27.3m, forecast to rise.", "£27.3m", "forecast"),
        # a sentence that opens on a whole: the number after its clause is a part of it
        (
            "Of the £16.7 million of savings aimed for, £6.5 million had so far been delivered.",
            "£6.5 million",
            "part",
        ),
        ("Of the 156 foster carers, 24 were connected carers.", "24", "part"),
        ("Of the 156 foster carers, 24 were connected carers.", "156", "level"),
        # not when the whole is not what the sentence opens on, or the units differ
        ("In 2023, of the 156 foster carers, 24 were connected carers.", "24", "level"),
        ("Of the 156 foster carers, 24% were connected carers.", "24%", "level"),
        ("Of the 156 foster carers recruited in 2023 and 2024, 24 left.", "24", "part"),
        # a change noun, what changed, then "of"; not "the number of" what is counted
        ("The report noted the increase in LAC numbers of 18.4% on the previous year.", "18.4%", "change"),
        ("A reduction in agency spend of £1.2m was achieved.", "£1.2m", "change"),
        ("There was an increase in the number of carers of 12 over the year.", "12", "change"),
        ("There was an increase in the number of 25 children placed out of area.", "25", "level"),
        ("There has been an increase in LAC to a total of 350 children.", "350", "level"),
        (
            "The increase in numbers reflects the arrival of 25 unaccompanied asylum-seeking children.",
            "25",
            "level",
        ),
        ("The weekly drop in sessions had an attendance of 45 young people.", "45", "level"),
        # a level noun is the counted thing only right before "of"; inside what changed it is a change
        ("Secondary schools saw an increase in attendance of 2.1% over the year.", "2.1%", "change"),
        ("There was an increase in high-cost placements of 14 since April.", "14", "change"),
        ("There was a rise in demand with an average of 22 cases.", "22", "level"),
        ("There was an increase in placements with a total cost of £2.4m.", "£2.4m", "level"),
        ("An increase in demand for places of this kind meant 35 children waited.", "35", "level"),
        # a change verb, when it happened and "by": the words between may run to nine
        (
            "The number of children in care had increased markedly over the course of the last year by 95.",
            "95",
            "change",
        ),
        (
            "Spending on agency staff was reduced across the whole of the service during the year by £2.1m.",
            "£2.1m",
            "change",
        ),
        # ... but a passive's agent after the verb's object is no change
        ("Increased demand was driven by 40 new arrivals.", "40", "level"),
        ("The improved offer was funded by 12 partner agencies.", "12", "level"),
        ("Demand increased as more children were placed in homes run by 4 providers.", "4", "level"),
        ("The service improved support to children who are taught by 14 specialist teachers.", "14", "level"),
        # ... while a relative clause or "that" inside the change's object leaves it a change
        ("The service reduced the number of children that are in residential care by 12.", "12", "change"),
        ("The service cut agency spend that year by £1m.", "£1m", "change"),
        (
            "The council improved outcomes for children who were looked after by 30 foster carers.",
            "30",
            "level",
        ),
        (
            "Demand increased because more children were being referred to the service by 12 schools.",
            "12",
            "level",
        ),
    ],
)
def test_kind(text, value, kind):
    assert figure(text, value).kind == kind


@pytest.mark.parametrize(
    "text,value,words",
    [
        # a number whose phrase cannot be read keeps its clause's words as context (never as its own phrase)
        (
            "With regards to foster placements that are not occupied, in quarter 4 there were 7.",
            "7",
            "there were",
        ),
        (
            "In terms of the fostering families, this number has decreased in quarter 4 (119).",
            "119",
            "fostering families",
        ),
    ],
)
def test_clause_words_when_no_phrase(text, value, words):
    f = figure(text, value)
    assert not f.terms and words in f.context


@pytest.mark.parametrize(
    "text,value,subject",
    [
        ("Our rate is 151 per 10,000, compared with 71 per 10,000 nationally.", "71 per 10,000", "england"),
        ("Our rate is 151 per 10,000, compared with 71 per 10,000 nationally.", "151 per 10,000", "own"),
        (
            "This is above the statistical neighbour average of 118 per 10,000.",
            "118 per 10,000",
            "neighbours",
        ),
        ("The North East rate was 110 per 10,000.", "110 per 10,000", "region"),
        # "across" scopes a number to a place a few words on; a sub-region is more than one council
        (
            "There are 3,640 children in care across the Black Country and Staffordshire, a rise of 42 per cent.",
            "3,640",
            "region",
        ),
        # Outer London is a region
        ("Outer London had the lowest percentage (4%).", "4%", "region"),
        ("The East Riding had 420 children in care.", "420", "other"),  # a short form of an authority's name
        # South Tees is Middlesbrough with Redcar and Cleveland: an area of more than the council
        ("Across the South Tees area 348 pupils were identified as young carers.", "348", "region"),
        ("Hartlepool looks after 310 children.", "310", "other"),
        ("It would cost in the region of £900 per week.", "£900 per week", "own"),
        # where a number ranks is not whose it is
        (
            "Middlesbrough has a fixed term exclusion rate of 14.89% – the second highest in England after "
            "Barnsley.",
            "14.89%",
            "own",
        ),
        # "the region" is a comparator, unless it says where children are
        ("This gives the region a fixed term exclusion rate of 3.79%.", "3.79%", "region"),
        ("There are 45 children placed outside the region.", "45", "own"),
        ("The council spent £2m on placements around the region.", "£2m", "own"),
        # "most" is no ranking of the place after it
        ("There are 6,000 of the most vulnerable children in care in the North East.", "6,000", "region"),
        # what a place is compared with is not whose a number further on is ...
        (
            "There are more children looked after in Wirral than in similar authorities, with 842 children"
            " looked after on 1 January 2019.",
            "842",
            "other",
        ),
        (
            "The use of residential placements is higher than the England average and 10% of children looked"
            " after by the council are placed outside the borough.",
            "10%",
            "own",
        ),
        # a comparison between two of the place's numbers leaves it the owner of what it goes on to say ...
        (
            "Newcastle has 551 looked after children compared with 460 at the end of March 2009 and is facing an"
            " increased cost pressure of £3.56 million for the current year.",
            "£3.56 million",
            "other",
        ),
        (  # "thanks" is no "than"
            "Newcastle has 551 looked after children compared with 460 in March 2009 and is facing, thanks to"
            " rising demand, a cost pressure of £3.56 million.",
            "£3.56 million",
            "other",
        ),
        # ... but not of a number the comparison reaches
        ("Stockton had a rate of 150 compared with the national 98.", "98", "england"),
        # a dash before the compared place's own value keeps it the place's ("the national average — just 21.5%")
        (
            "Our re-referral rate is 25%, which is higher than the national average — just 21.5% — and work is"
            " under way.",
            "21.5%",
            "england",
        ),
        (
            "There are 106 unaccompanied children in care - which is higher than the national benchmark - compared"
            " to the overall number of children in care which is 1385.",
            "1385",
            "own",
        ),
        # ... but right before the number, or when the words between give the number as its own, it is
        ("Our rate of 151 per 10,000 is higher than England's 70 per 10,000.", "70 per 10,000", "england"),
        (
            "Our rate is significantly higher than the England average, at 70 per 10,000.",
            "70 per 10,000",
            "england",
        ),
        ("Our re-referral rate is 18%, lower than the England average, which is 22%.", "22%", "england"),
        ("Re-referrals are lower than the national average, which stands at 22%.", "22%", "england"),
        # ... but a comparison set before its sentence owns none of the sentence's numbers
        ("Compared to England, 98 per 10,000 children are in care in Middlesbrough.", "98 per 10,000", "own"),
        ("Compared with the national average, 18% of referrals were re-referrals.", "18%", "own"),
        ("Our rate is higher than the England average, currently 70 per 10,000.", "70 per 10,000", "england"),
        ("Our rate is higher than the England average, 70 per 10,000.", "70 per 10,000", "england"),
        (
            "Our rate is higher than in Stockton, where 98 per 10,000 children are in care.",
            "98 per 10,000",
            "other",
        ),
        # a place after "while" is the next clause's
        (
            "Our rate is 65 children in every 10,000, while Stockton's is 66.",
            "65 children in every 10,000",
            "own",
        ),
        ("Our rate is 65 children in every 10,000, while Stockton's is 66.", "66", "other"),
        # and one after "followed by" is the next in a ranking
        (
            "Middlesbrough topped the list with 152 children in care per 10,000, followed by Hartlepool with 136.",
            "152 children in care per 10,000",
            "own",
        ),
        # a listed value is the place's named before it
        (
            "Stockton's schools issued 5,505 temporary exclusions, in Hartlepool it was 4,868, in Redcar 4,350 "
            "and in Middlesbrough 4,075.",
            "4,868",
            "other",
        ),
        (
            "Stockton's schools issued 5,505 temporary exclusions, in Hartlepool it was 4,868, in Redcar 4,350 "
            "and in Middlesbrough 4,075.",
            "4,075",
            "own",
        ),
        # two places compared with at once ("than both the national and statistical neighbour averages") own
        # none of the clause that goes on; their own values after "of" / "which are" stay theirs
        (
            "Whereas stability remains better than both the national and statistical neighbour averages, the "
            "percentage of children with three or more placements has risen from 3.9 per cent to 4.8 per cent.",
            "4.8 per cent",
            "own",
        ),
        (
            "Our rate of 5.1 per cent is better than both the national and regional averages of 6.0 per cent and "
            "7.2 per cent.",
            "6.0 per cent",
            "england",
        ),
        (
            "Our rate of 5.1 per cent is better than both the national and statistical neighbour averages, which "
            "are 6.0 per cent and 7.2 per cent.",
            "6.0 per cent",
            "neighbours",
        ),
        # ... but a pair whose clause goes on with no verb of its own keeps the number
        (
            "Placement stability is better than both the national and statistical neighbour averages, the latter "
            "being 7.2 per cent of children in care with three or more placements.",
            "7.2 per cent",
            "neighbours",
        ),
    ],
)
def test_subject(text, value, subject):
    assert figure(text, value).subject == subject


@pytest.mark.parametrize(
    "text,value,unit",
    [
        # a value compared with a rate, in the same words, is that rate
        ("Our rate is 65 children in every 10,000, while Stockton's is 66.", "66", "per_10000"),
        # but not a value with a counted noun of its own
        ("Children in care: 98 per 10,000 and 310 children.", "310", "count"),
        ("Our rate is 65 children in every 10,000, while Stockton has 300 children in care.", "300", "count"),
        # nor a count compared with a count
        ("There were 303 children in care, compared with 290 last year.", "290", "count"),
    ],
)
def test_a_compared_value_shares_the_rate_unit(text, value, unit):
    assert figure(text, value).unit == unit


@pytest.mark.parametrize(
    "text,value,phrase",
    [
        # "of every", "in every", "out of every" 10,000 state a rate as "per 10,000" does
        (
            "The city had the second highest proportion, with 135 of every 10,000 under-18s in care.",
            "135 of every 10,000",
            "under-18s in care",
        ),
        (
            "Around 60 in every 10,000 children are looked after.",
            "60 in every 10,000",
            "children are looked after",
        ),
        ("The rate was 75 out of every 10,000 children.", "75 out of every 10,000", "children"),
        # "every" may go unsaid before 10,000
        (
            "The rate across England, where 67 in 10,000 youngsters were in care on average.",
            "67 in 10,000",
            "youngsters were in care on average",
        ),
    ],
)
def test_a_rate_stated_of_every_ten_thousand(text, value, phrase):
    f = figure(text, value)
    assert (f.unit, f.phrase) == ("per_10000", phrase)


@pytest.mark.parametrize(
    "question",
    [
        "How many of every 10,000 under-18s were in Wolverhampton's care?",
        "How many children in every 10,000 were looked after in 2015?",
        "What was the rate of children in care per 10,000?",
    ],
)
def test_a_question_asking_of_every_ten_thousand_asks_a_rate(question):
    from qa_assistant.figures.question import read

    assert read(question).unit == "per_10000"


@pytest.mark.parametrize(
    "question,unit",
    [
        ("How many upheld Ombudsman decisions per 100,000 residents did we have in 2023-24?", "per_100000"),
        ("What was the rate of looked after children per 10000 in 2015?", "per_10000"),
        ("How many births per 1,000 women were there?", "per_1000"),
        ("How many per hundred thousand people?", "per_100000"),
    ],
)
def test_a_question_asking_per_any_base_asks_that_rate(question, unit):
    """ "per 100,000 residents" asks a rate of that base, as "per 10,000" does: never a count."""
    from qa_assistant.figures.question import read

    assert read(question).unit == unit


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        ("What was the North East's NEET rate?", "The East Midlands rate was 5.1%.", "5.1%", False),
        ("What was the North East's NEET rate?", "The North East rate was 8.2%.", "8.2%", True),
        ("What was the NEET rate across the region?", "The North East rate was 8.2%.", "8.2%", True),
    ],
)
def test_one_region_is_not_another(question, text, value, ok):
    assert subject_ok(read(question), figure(text, value)) == ok


def test_other_councils_paper_is_theirs():
    f = figure(
        "Stockton-on-Tees Borough Council\n\nChildren looked after: 402.",
        "402",
        title="Stockton-on-Tees Borough Council - Cabinet report",
    )
    assert f.subject == "other" and f.subject_name.startswith("Stockton")


TABLE = """Children's social care scorecard, as at 31 March 2024

Indicator | Middlesbrough | North East | England
CLA rate per 10,000 | 148.9 | 108.2 | 70.0
Re-referrals % | 21.5 | 22.0 | 22.4

Care leavers | Q1 2023/24 | Q2 2023/24 | Q3 2023/24 | Target
Number in suitable accommodation | 80 | 84 | 88 | 90
"""


@pytest.mark.parametrize(
    "value,unit,subject,as_of,kind",
    [
        ("148.9", "per_10000", "own", "31 March 2024", "level"),
        ("70.0", "per_10000", "england", "31 March 2024", "level"),
        ("22.0", "percent", "region", "31 March 2024", "level"),
        ("84", "count", "own", "quarter 2 of 2023/24 (July–September 2023)", "level"),
        ("90", "count", "own", "31 March 2024", "target"),
    ],
)
def test_table_columns(value, unit, subject, as_of, kind):
    f = figure(TABLE, value)
    assert (f.unit, f.subject, f.as_of.label, f.kind, f.layout) == (unit, subject, as_of, kind, "table")


def test_space_separated_table_under_period_header():
    text = "Looked after children\n2021/22 2022/23 2023/24\nNumber at year end 498 515 533\n"
    f = figure(text, "515")
    assert f.as_of.label == "2022/23 financial year" and f.as_of.basis == "table"


BUDGET_TABLE = """QUARTER TWO POSITION 2024/25 (£k)

Area | Budget £k | Forecast outturn £k | Forecast variance £k | Status
Residential placements | 9,100 | 10,250 | 1,150 | Over budget
Placements with in-house foster carers | 5,400 | 5,050 | (350) | Within 5% of budget

Measure | Target 2024/25 | Q1 | Q2 | Status
Contacts leading to a referral within 12 months (%) | 25% | 27.1% | 26.4% | Within 5% of target
"""


@pytest.mark.parametrize(
    "value,kind,label,as_of",
    [
        ("1,150", "change", "Residential placements", "quarter 2 of 2024/25 (July–September 2024)"),
        ("10,250", "forecast", "Residential placements", "quarter 2 of 2024/25 (July–September 2024)"),
        (
            "(350)",
            "change",
            "Placements with in-house foster carers",
            "quarter 2 of 2024/25 (July–September 2024)",
        ),
        (
            "26.4%",
            "level",
            "Contacts leading to a referral within 12 months (%)",
            "quarter 2 of 2024/25 (July–September 2024)",
        ),
    ],
)
def test_finance_and_scorecard_tables(value, kind, label, as_of):
    f = figure(BUDGET_TABLE, value, title="Revenue budget - Quarter Two 2024/25")
    assert (f.kind, f.phrase, f.as_of.label) == (kind, label, as_of)
    if value == "(350)":
        assert f.value < 0


def test_status_columns_and_numbers_in_row_labels_are_not_figures():
    values = [f.value_text for f in figures(BUDGET_TABLE)]
    assert "5%" not in values and "12" not in values


def test_period_value_lists_give_each_value_its_period_and_label():
    text = "Performance 2024/25\n\nChildren with a plan (number, for information, no target): Q1 40; Q2 44; Q3 41."
    f = figure(text, "44")
    assert f.phrase.startswith("Children with a plan") and f.as_of.label.startswith("quarter 2 of 2024/25")
    # a bracket of notes is context, not the measure
    assert "inform" not in f.terms and "target" not in f.terms


def test_columns_that_cannot_be_told_apart_give_no_figure():
    assert not [f for f in figures("Children looked after | 498 | 515 | 533\n") if f.value_text == "515"]


@pytest.mark.parametrize(
    "text,value,label,basis",
    [
        ("As at 31 March 2024:-\n\n- Children in care: 533", "533", "31 March 2024", "heading"),
        (
            "The number of children in care reduced from 560 in January to 533 now.",
            "560",
            "January 2024",
            "stated",
        ),
        (
            "The number of children in care reduced from 560 in January to 533 now.",
            "533",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        ("In 2022/23, 61 children were adopted.", "61", "2022/23 financial year", "stated"),
        (
            "Caseloads fell to 18, from 23 last year.",
            "23",
            "an earlier period (not stated exactly)",
            "earlier",
        ),
        # "previous year" with no article, as minutes write it
        (
            "Middlesbrough has had an increase with 61 referrals, 58 previous year.",
            "58",
            "an earlier period (not stated exactly)",
            "earlier",
        ),
        (
            "Caseloads fell from 26 at the start of the year to 19 at 31 March 2024.",
            "26",
            "an earlier date (not stated)",
            "earlier",
        ),
        (
            "This summary covers the period 1.4.2023 - 31.3.2024.\n\nAdoptions: 31",
            "31",
            "1 April 2023 to 31 March 2024 (the period the report covers)",
            "title",
        ),
        # a change is as of where it ends, not its base ("up from £15.3m in 2020-21")
        (
            "The council spent £21.6m on residential care in 2022-23, up from £15.3m in 2020-21 - an increase of"
            " 41% in two years.",
            "41%",
            "2022/23 financial year",
            "stated",
        ),
        # a date after a comparison belongs to what the number is compared with
        (
            "At the end of March 2020 the rate was 59.7 per 10,000 - below the 2018-19 national average.",
            "59.7 per 10,000",
            "end of March 2020",
            "stated",
        ),
        # ... as does one after "up on" or "down on" ("15 up on March 2017" is the change's base)
        (
            "At the end of March 2018 the number of approved carers increased to 235 - 15 up on March 2017.",
            "235",
            "end of March 2018",
            "stated",
        ),
        # ... but not a verb's "up on" ("signed up on 1 April 2024")
        (
            "After the campaign launched in January 2024, 45 foster carers signed up on 1 April 2024.",
            "45",
            "1 April 2024",
            "stated",
        ),
        # a paragraph that opens "As of <date>," dates what it goes on to report ...
        (
            "As of January 2024, Middlesbrough had 97 children in residential placements. It was noted that"
            " this was a national issue. This equated to 528 children in care.",
            "528",
            "January 2024",
            "heading",
        ),
        # ... but not the next paragraph, nor a sentence that opens with a date later on
        (
            "As of January 2024, Middlesbrough had 97 children in residential placements.\n\nThe Panel noted 12"
            " new foster carers.",
            "12",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        (
            "There were 97 children in residential placements. As of January 2024, this was high. There were"
            " 528 children in care.",
            "528",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        # "currently at around 70": the paper's own date, not a date the sentence gave earlier
        (
            "Following the decrease reported in April 2021, care cases are currently at around 70.",
            "70",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        # "Of the complaints, 12 ...": a part is as of the whole the sentence before dated
        (
            "The committee received 18 complaints in 2017/18.\n\nOf the complaints received, two were from care"
            " leavers.\n\nOf the complaints 12 were resolved at stage one.",
            "12",
            "2017/18 financial year",
            "stated",
        ),
        # a source line's year is when the source was published; "against this council" compares nothing
        (
            "Source: DfE SEND2, 2024\n46 appeals were registered against this council in 2023.",
            "46",
            "2023",
            "stated",
        ),
        (
            "Source: DfE SEND2, 2024\n97 assessments exceeded the 20-week statutory maximum.",
            "97",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        # a period labelling the value right after it labels that value, not the one before it
        ("Plans not returned\n2024- 41.2% (769)\n2023- 57.4% (1,143)", "769", "2024", "stated"),
        ("Plans not returned\n2024- 41.2% (769)\n2023- 57.4% (1,143)", "57.4%", "2023", "stated"),
        # the date before a comparison is the first value's
        (
            "In 2020 94.5 per cent were issued within 20 weeks, compared to 1.6 per cent last year.",
            "1.6 per cent",
            "an earlier period (not stated exactly)",
            "earlier",
        ),
        # the date before a change is the earlier value's when that value stands between them
        (
            "At Quarter One the projected overspend was £5,960k, so the position has worsened by £1,158k.",
            "£1,158k",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        # "since <date>, when N ...": the value a trend started from, as of that date
        (
            "Numbers have risen every year since 2015, when 320 children were in care.",
            "320",
            "2015",
            "earlier",
        ),
        # an aside set off by commas does not end the number's clause; one with a clause of its own does
        (
            "There were 450 looked after children, those placed under the care of the council, in the county as"
            " of March 2023.",
            "450",
            "March 2023",
            "stated",
        ),
        (
            "There were 450 looked after children, which is the most since records began, in the county as of"
            " March 2023.",
            "450",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        # a sentence opening by referring back reports what the sentence before named, as of its one date
        (
            "The only reliable information is the Health Survey (2017).\n\nThis indicated that there were 354"
            " young carers.",
            "354",
            "2017",
            "stated",
        ),
        # not when the sentence before gives two dates, or the sentence does not refer back
        (
            "The survey ran in 2017 and in 2019.\n\nThis indicated that there were 354 young carers.",
            "354",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        (
            "The only reliable information is the Health Survey (2017).\n\nThere were 354 young carers.",
            "354",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        # a date that starts a span, or is still to come, is not when the survey found it; "It" may refer to anything
        (
            "The survey will be repeated in autumn 2025.\n\nThe survey found that 354 pupils were young carers.",
            "354",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        (
            "Since 2019 the council has carried out an annual survey.\n\nThe survey found that 30 pupils were"
            " young carers.",
            "30",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        # no date before at all, or none in the paper (a sentence that refers back to nothing dated)
        (
            "There was a survey.\n\nThis indicated that there were 354 young carers.",
            "354",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        # a future said across a comma, or an expected date, is no finding's date
        (
            "The survey will be repeated, subject to funding, in 2025. The survey found that 354 young carers were"
            " identified.",
            "354",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        (
            "The results are expected in 2025. The survey found that 354 young carers were identified.",
            "354",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        # a future in an aside clause of the sentence before does not move its date
        (
            "The Health Survey, which will inform the new strategy, was carried out in 2017. The survey found that 354"
            " pupils were young carers.",
            "354",
            "2017",
            "stated",
        ),
        (
            "The service was restructured in April 2023. It identified 45 families in need.",
            "45",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        # a figure said to have "also" moved moved over the time the sentence before names
        (
            "At the end of March 2018, 105 children were in foster care. The number of carers approved to foster"
            " them also decreased, to 155.",
            "155",
            "end of March 2018",
            "stated",
        ),
        # ... not when the sentence before dates something set against its level, or this one has a span of its own
        (
            "The rate was 58 per 10,000, compared with 61 in 2022. The number of care leavers in suitable"
            " accommodation also rose, to 92%.",
            "92%",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        (
            "The national rate rose to 71 per 10,000 in 2023. The council's rate also rose, to 58 per 10,000, in the"
            " year to March 2024.",
            "58 per 10,000",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        (
            "In 2019 the council set a target of 250 foster carers. The number of foster carers also decreased,"
            " to 155.",
            "155",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        (
            "At the end of March 2018, 105 children were in foster care. Foster carer numbers have also declined over"
            " the past five years, to 155.",
            "155",
            "12 June 2024 (meeting date)",
            "meeting date",
        ),
        # a period in brackets right after a value is that value's, whatever the sentence's span says
        (
            "Between 2018-19 and 2019-20 the percentage of children adopted decreased from 14% (2018-19) to 7% "
            "(2019-20).",
            "14%",
            "2018/19 financial year",
            "stated",
        ),
        (
            "Between 2018-19 and 2019-20 the percentage of children adopted decreased from 14% (2018-19) to 7% "
            "(2019-20).",
            "7%",
            "2019/20 financial year",
            "stated",
        ),
    ],
)
def test_as_of(text, value, label, basis):
    f = figure(text, value)
    assert (f.as_of.label, f.as_of.basis) == (label, basis)


def test_rate_without_per_10000_words_takes_its_unit_from_the_label():
    assert figure("CLA rate: 151.2", "151.2").unit == "rate"


def test_linear_time_on_a_huge_single_paragraph():
    text = (
        "In 2023/24 there were 512 children in care and 48 care leavers, compared with 530 last year. " * 4000
    )
    assert len(figures(text)) > 1000  # finishes (a quadratic step would take minutes at this size)


# ---- question reading ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "question,concept,unit,subject,intent,kind,answer",
    [
        (
            "How many children were looked after in December 2018?",
            "looked_after",
            "count",
            "own",
            "value",
            "level",
            "number",
        ),
        (
            "What is the England rate of children in care?",
            "looked_after",
            "rate",
            "england",
            "latest",
            "level",
            "number",
        ),
        (
            "How many children does Hartlepool look after?",
            "looked_after",
            "count",
            "other",
            "latest",
            "level",
            "number",
        ),
        (
            "By how much did referrals increase in 2023/24?",
            "referrals",
            None,
            "own",
            "value",
            "change",
            "number",
        ),
        (
            "What is the target for care leavers in suitable accommodation?",
            "care_leavers_accommodation",
            None,
            "own",
            "latest",
            "target",
            "number",
        ),
        (
            "How has the number of foster carers changed over time?",
            "foster_households",
            "count",
            "own",
            "timeline",
            "level",
            "number",
        ),
        ("Who chairs the Corporate Parenting Board?", None, None, "own", "general", "level", "person"),
        ("When did the new Director start?", None, None, "own", "general", "level", "date"),
        ("Which team supports care leavers?", "care_leavers", None, "own", "general", "level", "name"),
        ("What is a connected carer?", "connected_carers", None, "own", "general", "level", "text"),
        (
            "How many households were approved as foster carers in 2023?",
            "foster_approvals",
            "count",
            "own",
            "value",
            "level",
            "number",
        ),
        (
            "What was the variance on residential placements?",
            "cla_residential",
            None,
            "own",
            "latest",
            "change",
            "number",
        ),
        (
            "How many children in care did Darlington place with Foster Tees Valley?",
            "looked_after",
            "count",
            "other",
            "latest",
            "level",
            "number",
        ),
        (
            "How many care experienced young people does the Leaving Care Team support?",
            "care_leavers",
            "count",
            "own",
            "latest",
            "level",
            "number",
        ),
        (
            "By what percentage had the number of children in care risen between March and August 2018?",
            "looked_after",
            "percent",
            "own",
            "value",
            "change",
            "number",
        ),
        (
            "What percentage increase in referrals was reported for 2023/24?",
            "referrals",
            "percent",
            "own",
            "value",
            "change",
            "number",
        ),
        (
            "Why is there no Middlesbrough rate of children looked after in the 2022 report?",
            "looked_after",
            "rate",
            "own",
            "general",
            "level",
            "text",
        ),
        (
            "What are Redcar and Cleveland's children in care asking for in 2024?",
            "looked_after",
            None,
            "other",
            "general",
            "level",
            "text",
        ),
        (
            "What are the priorities of the Corporate Parenting Strategy?",
            None,
            None,
            "own",
            "general",
            "level",
            "text",
        ),
        (
            "How many children and young people left care during 2022/23?",
            "cla_ceased",
            "count",
            "own",
            "value",
            "level",
            "number",
        ),  # "left care" is the event (care ceased); "young people leaving care" are care leavers
        ("What is the kinship team?", None, None, "own", "general", "level", "text"),  # names its team
        (
            "What is the new approach?",
            None,
            None,
            "own",
            "general",
            "level",
            "name",
        ),  # asks for the approach's name
        # "by how much has the number ... increased" is answered by a count or a percentage change
        (
            "By how much has the number of children looked after increased?",
            "looked_after",
            None,
            "own",
            "latest",
            "change",
            "number",
        ),
        # a concept's name keeps a word that is otherwise a question's scaffolding ("came")
        (
            "How many children came into care in 2016-17?",
            "cla_starts",
            "count",
            "own",
            "value",
            "level",
            "number",
        ),
        # a money question is about money: the children it names say what the money is for
        (
            "What was the projected overspend on looked after children placements?",
            "overspend",
            "money",
            "own",
            "latest",
            "forecast",
            "number",
        ),
        # a question in the future asks what is expected, too
        ("How many beds will the new home have?", None, "count", "own", "latest", "forecast", "number"),
        ("How many beds does the new home have?", None, "count", "own", "latest", "level", "number"),
        # "to what number ...", "what payment ...": a figure is asked; a payment named in passing is not
        (
            "To what number had foster carers fallen in 2023?",
            "foster_households",
            None,
            "own",
            "value",
            "level",
            "number",
        ),
        ("What payment did the review panel recommend?", None, "money", "own", "latest", "level", "number"),
        (
            "What payment frequency do kinship carers receive?",
            "connected_carers",
            None,
            "own",
            "general",
            "level",
            "text",
        ),
        (
            "What payment can kinship carers claim?",
            None,
            "money",
            "own",
            "latest",
            "level",
            "number",
        ),
        (
            "Beyond an apology and a payment, what staff measure did the council agree to?",
            None,
            None,
            "own",
            "general",
            "level",
            "text",
        ),
    ],
)
def test_reading_questions(question, concept, unit, subject, intent, kind, answer):
    r = read(question)
    assert (r.concept.concept.id if r.concept else None) == concept
    assert (r.unit, r.subject.kind, r.intent, r.figure_kind, r.answer_type) == (
        unit,
        subject,
        intent,
        kind,
        answer,
    )


@pytest.mark.parametrize(
    "question,subject,name",
    [
        # a place inside the words that name the source says which source; one outside them says whose figure
        (
            "In the Burnley Express story on Lancashire's rising care numbers, what was the England total of children "
            "in care?",
            "england",
            "England",
        ),
        (
            "According to the Hartlepool Mail's story, how many Stockton children were in care?",
            "other",
            "Stockton",
        ),
        ("What did the Echo's story say about how many children we had in care?", "own", None),
        # ... and the council's own name outside them says it is the council's figure
        (
            "In the Blackpool Gazette report on Blackpool's five-year high, what rate was given for Middlesbrough?",
            "own",
            "Middlesbrough",
        ),
    ],
)
def test_reading_subject_beside_a_named_source(question, subject, name):
    r = read(question)
    assert r.subject.kind == subject
    assert name is None or r.subject.name.startswith(name)


def test_follow_up_keeps_measure_and_date():
    r = read_conversation("and the England figure?", ["What was the CLA rate in March 2024?"])
    assert (
        r.concept.concept.id == "looked_after"
        and r.subject.kind == "england"
        and r.date_label == "March 2024"
    )
    r = read_conversation("and in Q3?", ["How many children were in care in Q2 2023/24?"])
    assert r.date_label.startswith("quarter 3 of 2023/24")


@pytest.mark.parametrize(
    "follow_up,first_question,label",
    [
        ("and a year earlier?", "How many children were in care at 31 March 2024?", "31 March 2023"),
        ("and the quarter before?", "How many children were in care in Q2 2023/24?", "quarter 1 of 2023/24"),
        (
            "and at the end of the year?",
            "What was the re-referral rate in Q1 2023/24?",
            "end of the year (31 March 2024)",
        ),
        (
            "and at the end of the year?",
            "How many children were in care in June 2023?",
            "end of the year (31 December 2023)",
        ),
    ],
)
def test_relative_dates_in_follow_ups(follow_up, first_question, label):
    r = read_conversation(follow_up, [first_question])
    assert r.date_label.startswith(label) and r.measure_seq == read(first_question).measure_seq


def test_date_edges_and_possessives_name_no_measure():
    assert "end" not in read("What was the re-referral rate at the end of Q3 2023/24?").measure_seq
    assert read("What is the overspend in Children's Services?").concept.concept.id == "overspend"
    assert "child" not in read("What is the overspend in Children's Services?").measure_seq


# ---- the support check ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "question,text,value,ok,why",
    [
        (
            "How many children were in care in March 2024?",
            "In March 2024, 21 children left care.",
            "21",
            False,
            "measure",
        ),
        # the whole a share is "out of" is not what the share counts
        (
            "How many children were placed in our own provision in 2019-20?",
            "In 2019-20 own provision rose from 58% to 61.5% (out of all 364 children in placements).",
            "364",
            False,
            "measure",
        ),
        (
            "How many children were in care in March 2024?",
            "At 31 March 2024, 533 children were in our care.",
            "533",
            True,
            "",
        ),
        (
            "How many children were looked after?",
            "There were 230 children in foster care.",
            "230",
            False,
            "measure",
        ),
        (
            "How many children were looked after?",
            "The looked after children rate was 151 per 10,000.",
            "151 per 10,000",
            False,
            "unit",
        ),
        (
            "What is the looked-after rate?",
            "Children looked after: 533 (151 per 10,000)",
            "533",
            False,
            "unit",
        ),
        (
            "How many children are in care?",
            "England had 83,630 children in care.",
            "83,630",
            False,
            "subject",
        ),
        (
            "How many personal advisers are there?",
            "Each personal adviser supports 24 young people.",
            "24",
            False,
            "measure",
        ),
        (
            "How many training courses did foster carers complete?",
            "There were 212 approved foster carers.",
            "212",
            False,
            "measure",
        ),
        (
            "How many foster carers were there?",
            "We aim to recruit 25 new foster carers.",
            "25",
            False,
            "measure",
        ),
        (
            "How many mainstream carers were approved?",
            "Of the 41 carers approved (20 mainstream and 21 connected persons), most were local.",
            "20",
            True,
            "",
        ),
        (
            "How many mainstream carers were approved?",
            "Of the 41 carers approved (20 mainstream and 21 connected persons), most were local.",
            "41",
            False,
            "measure",
        ),
        (
            "How many allegations against foster carers were substantiated?",
            "Twelve allegations were made against foster carers; four were substantiated.",
            "Twelve",
            False,
            "measure",
        ),
        (
            "How big is the overspend?",
            "Agency staffing makes up £2.2m of the overspend.",
            "£2.2m",
            False,
            "measure",
        ),
        (
            "How many children were in in-house foster placements?",
            "There were 97 children in foster care.",
            "97",
            False,
            "measure",
        ),
        (
            "What is the rate of children in need per 10,000?",
            "47.1% of children in need had a plan.",
            "47.1%",
            False,
            "unit",
        ),
        # "at the end of" a date is part of the date, not of what is counted
        (
            "What was the rate of looked after children at the end of 2015/16?",
            "The rate of looked after children in the borough at the end of 2015 / 16 (99 per 10,000 children) fell.",
            "99 per 10,000",
            True,
            "",
        ),
        # a question that gives an age has asked for the phrase's "age"; one that gives none has not
        (
            "How many children under 12 live in residential homes?",
            "There are ten children under the age of 12 living in residential homes.",
            "ten",
            True,
            "",
        ),
        (
            "How many children live in residential homes?",
            "There are ten children under the age of 12 living in residential homes.",
            "ten",
            False,
            "measure",
        ),
        # a word of the concept's own synonyms does not narrow it; a table heading's "group" adds no condition
        ("What average caseload is proposed?", "The average social worker caseload is 17.", "17", True, ""),
        # "Of <whole>, how many <part>": the part is the measure; the whole only says which group
        (
            "Of the children in care in January 2021, how many lived in fostering households?",
            "Of the 330 children in care, the majority (224) lived in fostering households.",
            "224",
            True,
            "",
        ),
        (
            "Of the children in care in January 2021, how many lived in fostering households?",
            "There were 330 children in care in January 2021.",
            "330",
            False,
            "measure",
        ),
        # "around the town" / "across the borough" is the council's own area: it does not narrow what is counted
        (
            "From how many locations are the family hub services delivered?",
            "Family hub services are delivered from six locations around the town.",
            "six",
            True,
            "",
        ),
        # what a rate is per 10,000 of belongs to the unit, not to the measure
        (
            "What was the looked-after rate per 10,000 under-18s in March 2012?",
            "At 31 March 2012 the rate of children looked after was 101 per 10,000 children.",
            "101 per 10,000",
            True,
            "",
        ),
        (
            "What percentage of children were aged 11 to 15?",
            "Age group | Percentage of children\n11 to 15 | 40%",
            "40%",
            True,
            "",
        ),
        # an acronym the question writes is spelled out by the sentence (three letters or more)
        (
            "How many care leavers were NEET in March 2023?",
            "In March 2023, 37 care leavers were not in employment, education or training.",
            "37",
            True,
            "",
        ),
        (
            "How many care leavers were NEET in March 2023?",
            "In March 2023, 37 care leavers were in higher education.",
            "37",
            False,
            "measure",
        ),
        # ... also when some of the words it stands for are weak ones
        (
            "How many FTE agency social workers were there in March 2023?",
            "In March 2023 there were 30.5 full-time-equivalent agency social workers.",
            "30.5",
            True,
            "",
        ),
        # when a figure was counted, or who runs the council, does not narrow what it counts
        (
            "How many children were looked after in March 2023?",
            "In March 2023 the number at the end of the quarter was 381 children looked after.",
            "381",
            True,
            "",
        ),
        (
            "How many children was Nottingham City Council looking after in March 2023?",
            "In March 2023 Nottingham's Labour-run council was looking after 721 children.",
            "721",
            True,
            "",
        ),
        (
            "How many placements were there in March 2023?",
            "In March 2023, 40 placements ended.",
            "40",
            False,
            "measure",
        ),
        # an age band written on another line of a list is another item's
        (
            "What is the weekly fostering allowance for a 16+ young person?",
            "The weekly fostering allowances are:\n\n0-4 £143.57\n16+ £247.67\n\nThey cover the cost.",
            "£143.57",
            False,
            "measure",
        ),
        (
            "What is the weekly fostering allowance for a 16+ young person?",
            "The weekly fostering allowances are:\n\n0-4 £143.57\n16+ £247.67\n\nThey cover the cost.",
            "£247.67",
            True,
            "",
        ),
        # "year old" with the ages given says only that they are ages
        (
            "What is the weekly allowance for an 11 to 15 year old?",
            "The weekly allowance for a child aged 11 to 15 is £234 per week.",
            "£234 per week",
            True,
            "",
        ),
        # a child "accommodated" in a placement is placed there; the kind of placement still has to match
        (
            "How many looked after children were in independent residential care homes at March 2019?",
            "At March 2019, 21 were accommodated within independent residential care home placements.",
            "21",
            True,
            "",
        ),
        (
            "How many looked after children were in independent residential care homes at March 2019?",
            "At March 2019, 21 were accommodated within in-house residential care home placements.",
            "21",
            False,
            "measure",
        ),
        # a number written in words that the question writes too was asked; one it does not write was not
        (
            "What proportion of looked-after children had one or more secondary school exclusions?",
            "The proportion of looked-after children with one or more exclusions from secondary schools was 12.9%.",
            "12.9%",
            True,
            "",
        ),
        (
            "What proportion of looked-after children had secondary school exclusions?",
            "The proportion of looked-after children with one or more exclusions from secondary schools was 12.9%.",
            "12.9%",
            False,
            "measure",
        ),
        # word families: pupils "excluded" are exclusions; posts "vacant" are vacancies; "needing" is needed
        (
            "How many pupils were permanently excluded?",
            "There were 52 pupils with permanent exclusions.",
            "52",
            True,
            "",
        ),
        (
            "How many social worker posts were vacant?",
            "There were 17 social worker vacancies.",
            "17",
            True,
            "",
        ),
        (
            "How many children needed foster care?",
            "The number of children needing foster care was 919.",
            "919",
            True,
            "",
        ),
        # "the county" is the council's area, not a narrower measure; an announcement is how a figure is stated
        (
            "What was the S47 rate per 10,000?",
            "The S47 rate per 10,000 in the county was 183.",
            "183",
            True,
            "",
        ),
        (
            "What overspend was forecast?",
            "There was an announcement of a projected overspend of £3.7m.",
            "£3.7m",
            True,
            "",
        ),
        # a window of time or a word of improvement says when or how it went, not what is counted
        (
            "What is the average weekly cost of a residential placement?",
            "The average weekly cost of residential placements for the last 12 months was £5,200.",
            "£5,200",
            True,
            "",
        ),
        (
            "What percentage of reviews were held on time?",
            "There were improvements in reviews held on time, at 82%.",
            "82%",
            True,
            "",
        ),
        (
            "How many foster carers were there?",
            "There were 14 new foster carers over the last 12 months.",
            "14",
            False,
            "measure: the figure counts new too",
        ),
        # a clause opened by a group ("in Year 9,", "for girls,") counts within it, wherever the sentence starts
        (
            "How many pupils were permanently excluded?",
            "Exclusions rose sharply. In Year 9, 8 pupils had been permanently excluded.",
            "8",
            False,
            "measure: the figure counts 9 too",
        ),
        (
            "How many pupils were permanently excluded?",
            "· in Year 9, 8 pupils had been permanently excluded.",
            "8",
            False,
            "measure: the figure counts 9 too",
        ),
        (
            "How many Year 9 pupils were permanently excluded?",
            "· in Year 9, 8 pupils had been permanently excluded.",
            "8",
            True,
            "",
        ),
        (
            "How many pupils were excluded?",
            "For girls, 20 pupils were excluded.",
            "20",
            False,
            "measure: the figure counts girl too",
        ),
        ("How many pupils were excluded?", "In total, 52 pupils were excluded.", "52", True, ""),
        # the words after "of these" describe the parts, not the whole before them
        (
            "How many young carers provided 50 hours or more of care a week?",
            "There were 1,500 young carers - of these, 725 cared for under 19 hours per week and 175 for 50 hours"
            " or more per week.",
            "1,500",
            False,
            "measure: 50 care hour describes another number here",
        ),
        (
            "How many young carers were there?",
            "There were 1,500 young carers - of these, 725 cared for under 19 hours per week and 175 for 50 hours"
            " or more per week.",
            "1,500",
            True,
            "",
        ),
        # who rated it, the limit a share is within, a word for how bad it is: not what is counted
        (
            "What percentage of early years providers were rated good or outstanding?",
            "The percentage of early years providers rated good or outstanding by Ofsted was 93%.",
            "93%",
            True,
            "",
        ),
        (
            "What share of plans were issued within 20 weeks?",
            "In 2020 94.5 per cent of plans were issued within the 20-week deadline.",
            "94.5 per cent",
            True,
            "",
        ),
        # a bracket right after the words asked is another name for them; one that narrows is not
        (
            "How many family and friends fostering households were there?",
            "Family and friends (connected persons) fostering households: 52",
            "52",
            True,
            "",
        ),
        (
            "How many children in care were there?",
            "Children in care (excluding UASC): 410",
            "410",
            False,
            "measure: the figure counts exclud uasc too",
        ),
        # a misspelt or cut-off council name says whose, not what
        (
            "How many children were in care?",
            "There were 528 children in care in Middlesbrou",
            "528",
            True,
            "",
        ),
        (
            "How many children were placed with our own carers?",
            "Children placed with Middleborough Carers: 169",
            "169",
            True,
            "",
        ),
        (
            "How many children were in care?",
            "There were 528 children in care in Middleton",
            "528",
            False,
            "measure: the figure counts middleton too",
        ),
        # the department is who overspent, not what
        (
            "By how much did the children's service overspend?",
            "The cost of the children's service rose from £35.7m last year – when the department overspent by"
            " £5.4m – to £38.4m this year.",
            "£5.4m",
            True,
            "",
        ),
        # what a later number counts is its own
        (
            "How many missing incidents were there for looked after children?",
            "There were 685 missing incidents and 73 children looked after.",
            "685",
            False,
            "measure:",
        ),
        # money words a question writes are unit words it asked, in a share's phrase too
        (
            "Up to what percentage of their Council Tax costs could working age people receive?",
            "Working age people could receive up to 80% support with their Council Tax costs.",
            "80%",
            True,
            "",
        ),
        (
            "Up to what percentage of their Council Tax could working age people receive?",
            "Working age people could receive up to 80% support with their Council Tax costs.",
            "80%",
            False,
            "measure: the figure counts",
        ),
        # "alone" narrows to the part the question names; for the whole it still says the figure is a part
        (
            "What overspend was forecast for children's services this year?",
            "The overspend forecast by the end of this financial year in children's services alone is predicted"
            " to be £3.9 million.",
            "£3.9 million",
            True,
            "",
        ),
        (
            "What is the forecast overspend across children's and adult social care?",
            "The forecast overspend across children's and adult social care is £8m, with £5m in children's social"
            " care alone.",
            "£5m",
            False,
            "measure: the figure counts",
        ),
        (
            "What overspend was forecast for the council this year?",
            "The overspend forecast by the end of this financial year in social care alone is predicted"
            " to be £3.9 million.",
            "£3.9 million",
            False,
            "measure: the figure counts",
        ),
        # the part after a clause opening on a whole counts the whole's measure, not an overspend
        (
            "What overspend was projected?",
            "Of the £16.7 million of savings aimed for, £6.5 million had so far been delivered.",
            "£6.5 million",
            False,
            "measure: asked overspend, figure is savings",
        ),
        # a forecast's own cue is its kind, not a narrower measure
        (
            "How many beds will the complex have?",
            "There is a four-bedded unit, with a 43-bedded complex expected to be ready by October.",
            "43",
            True,
            "",
        ),
        (
            "How many beds does the complex have?",
            "There is a four-bedded unit, with a 43-bedded complex expected to be ready by October.",
            "43",
            False,
            "kind: asked level, figure is a forecast",
        ),
        # a name after a post written in lower case says whose figure it is, not what it counts
        (
            "How much was the director paid a year?",
            "The leadership is among the best paid, with the service’s director Dawn Warwick receiving more than"
            " £177,000 a year.",
            "£177,000 a year",
            True,
            "",
        ),
        # a capitalised post is no such mark: "Head Start Programme" stays words of the measure
        (
            "How much did the programme receive?",
            "The Head Start Programme received £2m.",
            "£2m",
            False,
            "measure",
        ),
        # "in the area" says whose figure it is, not a narrower measure ...
        (
            "How many children started to be looked after in 2020-21?",
            "Figures show 114 youngsters in the area started to be looked after in 2020-21.",
            "114",
            True,
            "",
        ),
        # ... but an area the children are placed out of is part of what is counted
        (
            "How many children started to be looked after in 2020-21?",
            "Figures show 14 youngsters placed out of area started to be looked after in 2020-21.",
            "14",
            False,
            "measure",
        ),
        # "in the area" before a noun names something else, and after a verb says where they are
        (
            "How many social workers are there?",
            "There are 45 social workers in the area teams and 30 in the MASH.",
            "45",
            False,
            "measure",
        ),
        (
            "How many children are in care?",
            "Of the 400 children in care, 250 are in the area.",
            "250",
            False,
            "measure",
        ),
        # a verb divided into groups is no phrase end: the group it divides is what is counted
        (
            "How many children were in care?",
            "At 31 March, 45 children in care were split into different placements from their siblings.",
            "45",
            False,
            "measure",
        ),
        # "a similar amount" beside another amount of its sentence: the words around may be that one's
        (
            "How much is the council on course to overspend on children's services?",
            "The council overspent by £4.5 million on children's services in 2022/23 and is on course to overspend"
            " by a similar amount – some £4.2 million – on adult social care.",
            "£4.2 million",
            False,
            "measure",
        ),
        # "a similar amount" likens the figure to another one; it is no narrower measure
        (
            "How much is the council on course to overspend on children's services?",
            "The council is also on course to overspend by a similar amount – some £4.47 million – on"
            " children's services.",
            "£4.47 million",
            True,
            "",
        ),
        # whom the question says did it ("held by ...") is not what it counts
        (
            "How many early help cases were held by the Senior Practitioners working in Newport?",
            "Early Help had three Senior Practitioners working in the two localities - two in Newport.",
            "three",
            False,
            "measure",
        ),
        (
            "How many home visits were made by social workers in the team?",
            "The team has 12 social workers.",
            "12",
            False,
            "measure",
        ),
        # ... but the visits they made are
        (
            "How many home visits were made by social workers in the team?",
            "Social workers in the team made 340 home visits.",
            "340",
            True,
            "",
        ),
        # ... and a breakdown by who made them counts what was made: schools are no doers a figure counts
        (
            "How many referrals were made by schools?",
            "Referrals by source (2023/24): Police 1,410; Schools 820; Health 580.",
            "820",
            True,
            "",
        ),
        # a total for another period than the value before it is not that value's measure
        (
            "How many children were adopted in the quarter?",
            "Eight more children were adopted in the quarter, bringing the total for the year to 27.",
            "27",
            False,
            "measure",
        ),
        (
            "How many new foster carers were approved in the quarter?",
            "We approved 12 new foster carers in the quarter, bringing the total for the year to 30.",
            "30",
            False,
            "measure",
        ),
        # a rate in brackets after a count is its rate only when the bracket holds nothing else
        (
            "What is the rate of children in care per 10,000 in Hull?",
            "There are 947 children in care in Hull (110 per 10,000 among statistical neighbours).",
            "110 per 10,000",
            False,
            "",
        ),
        # staff and advocates are people a question may name as the doers
        (
            "How many cases were held by agency staff?",
            "There are 23 agency staff in the service.",
            "23",
            False,
            "measure",
        ),
    ],
)
def test_support_check(question, text, value, ok, why):
    s = support(question, text, value)
    assert s.ok == ok, s.reason
    assert s.reason.startswith(why) if why else True


_SOCIAL_CARE_PAPER = (
    "Children's social care quarterly report. Agency staff and assessments are covered below."
)


@pytest.mark.parametrize(
    "question,text,paper_text,value,ok",
    [
        # the service everything here belongs to, named by the question and by the paper but not by the
        # figure's sentence, says whose figure it is, not a narrower measure
        (
            "How many agency staff was children's social care using to cover posts?",
            "In September, 36 agency staff were covering posts.",
            _SOCIAL_CARE_PAPER,
            "36",
            True,
        ),
        # ... not when the paper never names that service (a paper about adult social care)
        (
            "How many agency staff was children's social care using to cover posts?",
            "In September, 36 agency staff were covering posts.",
            "Adult services quarterly report.",
            "36",
            False,
        ),
        # ... nor for money: the council's whole budget is not the service's
        (
            "What savings did children's social care make in 2025/26?",
            "Savings of £463,000 were made in 2025/26.",
            _SOCIAL_CARE_PAPER,
            "£463,000",
            False,
        ),
        # a light verb of doing ("carry out", "conduct") adds nothing to what is counted
        (
            "How many assessments did children's social care carry out in 2011/12?",
            "The 3,435 assessments in 2011/12 were up by 2,000.",
            _SOCIAL_CARE_PAPER,
            "3,435",
            True,
        ),
        ("How many inspectors carried out the visit?", "Six inspectors visited in June.", "", "Six", True),
        # ... but a noun is no light verb ("foster carers' conduct"), nor is "carried over"
        (
            "How many allegations about foster carers' conduct were received in 2023/24?",
            "The LADO received 42 allegations about foster carers in 2023/24.",
            "",
            "42",
            False,
        ),
        # the service's words are not excused in a council-wide paper that has an adult social care section ...
        (
            "How many assessments did children's social care carry out?",
            "During the quarter the team completed 1,450 assessments.",
            "Corporate performance report. Children's social care. Adult social care.",
            "1,450",
            False,
        ),
        # ... nor where the sentence speaks for the whole council
        (
            "How many staff did children's social care employ?",
            "The council employed 4,213 staff at 31 March 2024.",
            _SOCIAL_CARE_PAPER,
            "4,213",
            False,
        ),
    ],
)
def test_the_service_named_says_whose_figure(question, text, paper_text, value, ok):
    assert support(question, text, value, paper_text=paper_text).ok == ok


@pytest.mark.parametrize(
    "question,text,value,ok,why",
    [
        # money asked of the service everything here belongs to: a breakdown line naming "Children's
        # placements" does not take "children" from the whole overspend
        (
            "What overspend was projected for children's services?",
            "Budget; 2016 Update\n\nThe Head of Finance reported a projected overspend of £6 million. This had come"
            " from a number of sources, including;\n\n· Children’s placements - £2.2 million;",
            "£6 million",
            True,
            "",
        ),
        # a count is still checked word for word
        (
            "How many staff did children's services have?",
            "Staffing; 2016 Update\n\nThe Head of Service reported a total of 40 staff. They worked in a number of"
            " teams, including;\n\n· Children’s placements - 22 staff;",
            "40",
            False,
            "measure: children describes another number here",
        ),
        # not when the sentence writes the service itself, of another number: the council's whole overspend
        (
            "What overspend is projected for children's services?",
            "The Council is forecasting an overspend of £9.8m, of which £5.2m relates to children's services"
            " placements.",
            "£9.8m",
            False,
            "measure",
        ),
    ],
)
def test_money_of_the_service_everything_belongs_to(question, text, value, ok, why):
    s = support(question, text, value, title="Scrutiny panel - children's services budget position")
    assert s.ok == ok, s.reason
    assert s.reason.startswith(why) if why else True


@pytest.mark.parametrize(
    "question,sentence,whole",
    [
        # the whole council's budget is not a service's
        (
            "What will the council spend on children's services next year?",
            "The draft revenue budget for the council covers £116m of spending next year.",
            True,
        ),
        ("What is the social care overspend?", "The council's overall revenue budget is £143.3m.", True),
        (
            "What will the council spend next year?",
            "The draft revenue budget for the council covers £116m.",
            False,
        ),
        (
            "What will the council spend on children's services?",
            "Across the council, children's services will spend £47m.",
            False,
        ),
        ("What will the council spend on children's services?", "Spending will rise to £47m.", False),
    ],
)
def test_a_whole_council_budget_is_not_a_services(question, sentence, whole):
    f = figure(sentence, re.search(r"£[\d.]+m", sentence).group(0))
    assert whole_council_for_a_service(question, f, sentence) == whole


@pytest.mark.parametrize(
    "text,value,subject,concept,unit,as_of",
    [
        # list items labelled only by whose figure they are take the measure, unit and date from the line above
        (
            "Agency use is down.\n\nVacancy rates in September 2023\n\n"
            "• Gateshead Council: 8.7%\n• Hartlepool Council: 0.7%",
            "0.7%",
            "other",
            "sw_vacancies",
            "percent",
            "September 2023",
        ),
        (
            "Children looked after per 10,000, 2022:\n\nMiddlesbrough 160.2\nEngland 70",
            "70",
            "england",
            "looked_after",
            "per_10000",
            "2022",
        ),
        # ... or only by their period, under the question a freedom of information answer replies to
        (
            "4. What is your annual spend on independent fostering agencies?\n"
            "• 2020/21: 85,043\n• 2021/22: 441,449\n5. How many children are placed in-house?\n• 2021/22: 50",
            "441,449",
            "own",
            "outturn",
            "gbp",
            "2021/22 financial year",
        ),
        (
            "4. What is your annual spend on independent fostering agencies?\n"
            "• 2020/21: 85,043\n• 2021/22: 441,449\n5. How many children are placed in-house?\n• 2021/22: 50",
            "50",
            "own",
            None,
            "count",
            "2021/22 financial year",
        ),
        # ... or only by the band they belong to
        (
            "The weekly fostering allowances are:\n\n0-4 £143.57\n16+ £247.67\n\nThey cover the cost.",
            "£247.67",
            "own",
            "fostering_allowance",
            "gbp_per_week",
            "12 June 2024 (meeting date)",
        ),
    ],
)
def test_list_items_under_a_lead_in(text, value, subject, concept, unit, as_of):
    f = figure(text, value)
    assert (f.subject, f.concept_id, f.unit, f.as_of.label) == (subject, concept, unit, as_of)


@pytest.mark.parametrize(
    "text,band",
    [
        ("The weekly fostering allowances are:\n\n0-4 £143.57\n16+ £247.67", "0-4"),
        ("The weekly fostering allowances are:\n\n0-4 £143.57\n16+ £247.67", "16"),
    ],
)
def test_band_labels_are_not_figures(text, band):
    assert band not in [f.value_text for f in figures(text)]


def test_the_date_a_papers_data_was_taken_dates_its_figures():
    text = (
        "As part of this process, a list of all open cases was extracted on 31st July 2014. Using the "
        "information from the caseload extract, there were 3,711 cases open to Children's Services overall."
    )
    f = figure(text, "3,711")
    assert f.as_of.start == dt.date(2014, 7, 31) and "data was taken" in f.as_of.label


def test_clause_words_after_another_number_stop_at_its_comma():
    text = (
        "There were 3,907 open cases: 83% (3,224) were on a child in need basis, 9% (355) were looked after."
    )
    f = figure(text, "9%")
    assert "need" not in f.context and f.concept_id != "children_in_need"


def test_a_change_from_a_date_is_as_of_the_sentences_other_date():
    text = (
        "At the end of August 2018 the council had 409 looked after children, this is an increase of 4.1% from "
        "the end of March 2018."
    )
    f = figure(text, "4.1%")
    assert f.kind == "change" and f.as_of.label == "end of August 2018"


@pytest.mark.parametrize(
    "text,value,as_of",
    [
        (
            "Children in care are down 14.2% in comparison to the same point last year.",
            "14.2%",
            "12 June 2024 (meeting date)",
        ),
        (
            "There were 480 children in care, against 520 last year.",
            "520",
            "an earlier period (not stated exactly)",
        ),
        # the number's own words may stand before the earlier period ...
        (
            "There are 1385 children in care. This is compared to 1372 children in care in the last quarter.",
            "1372",
            "an earlier period (not stated exactly)",
        ),
        # ... but not words comparing it with that period: it is now, the earlier one its base
        ("There were 509 children in care compared with last year.", "509", "12 June 2024 (meeting date)"),
        ("There were 509 children in care, up on last year.", "509", "12 June 2024 (meeting date)"),
        # a comparison in the few words between the number and the earlier period makes it the base, not the date
        (
            "The percentage who are NEET remained at 3.5%, which was lower than the same period last year.",
            "3.5%",
            "12 June 2024 (meeting date)",
        ),
        ("We had 350 children in care, higher than the previous year.", "350", "12 June 2024 (meeting date)"),
        ("It was 17 in the same period last year.", "17", "an earlier period (not stated exactly)"),
        # a relative clause whose verb dates the number itself is no comparison
        ("We now have 285 children in care, compared to 330 which peaked in 2019.", "330", "2019"),
        ("Numbers reached 412 children which was recorded in March 2021.", "412", "March 2021"),
        ("There were 400 children which compared with 2019.", "400", "12 June 2024 (meeting date)"),
        # a relative clause that dates the thing counted, not the count
        (
            "The service now works with 120 families which were referred in 2022.",
            "120",
            "12 June 2024 (meeting date)",
        ),
        # a preposition compares nothing: the figure is last year's
        (
            "The council spent £2.1m on agency staff last year.",
            "£2.1m",
            "an earlier period (not stated exactly)",
        ),
        # "from" a value compares: the number is now, the value after "from" last year's
        (
            "The number of children in care rose to 812 from 790 last year.",
            "812",
            "12 June 2024 (meeting date)",
        ),
        ("There were 330 children, which is higher than in 2019.", "330", "12 June 2024 (meeting date)"),
        # ... and the further reach is only for the value compared with: "in the last year" is this period's
        (
            "Our fostering service approved 24 new foster carers in the last year, compared with 18 the previous year.",
            "24",
            "12 June 2024 (meeting date)",
        ),
        # the value a comparison starts from, said to be of the period before the one the sentence states, is
        # that earlier period's
        (
            "The council looked after 358 children at the end of the fourth quarter of 2024-25 - down from 376"
            " at the end of the previous three months.",
            "376",
            "quarter 3 of 2024/25 (October–December 2024)",
        ),
        ("In March 2024 there were 500 children in care, up from 480 a year earlier.", "480", "March 2023"),
        ("In March 2024 there were 500 children in care, up from 480 a year earlier.", "500", "March 2024"),
        # ... only when the words count in the stated period's length; else an earlier period, not said exactly
        (
            "In February 2024, 358 children were subject to a plan, down from 376 at the end of the previous quarter.",
            "376",
            "an earlier period (not stated exactly)",
        ),
        (
            "The forecast overspend for 2023/24 is £4.2m, up from £3.1m reported the previous month.",
            "£3.1m",
            "an earlier period (not stated exactly)",
        ),
        # not a value no comparison starts from
        (
            "In 2023/24 there were 500 children in care, the same as the previous year.",
            "500",
            "2023/24 financial year",
        ),
    ],
)
def test_last_year_dates_a_level_not_a_change(text, value, as_of):
    assert figure(text, value).as_of.label == as_of


@pytest.mark.parametrize(
    "title,as_of",
    [
        # a quarter the title names without its year is the latest such quarter ended by the meeting (12 June 2024)
        (
            "Quarter four performance indicators",
            "quarter 4 of 2023/24 (January–March 2024) (from the paper's title)",
        ),
        ("Q3 performance report", "quarter 3 of 2023/24 (October–December 2023) (from the paper's title)"),
        # a quarter not yet ended is not pushed back a year; a year beside the quarter is not guessed
        ("Q1 performance report", "12 June 2024 (meeting date)"),
        ("Quarter 3 2024/25 performance report", "12 June 2024 (meeting date)"),
        ("Quarter 1 2024 performance report", "12 June 2024 (meeting date)"),
        (
            "Sub-Committee, 13 February 2024 - quarter four indicators",
            "quarter 4 of 2023/24 (January–March 2024) (from the paper's title)",
        ),
        ("Performance report", "12 June 2024 (meeting date)"),
    ],
)
def test_a_quarter_the_title_names_without_its_year(title, as_of):
    assert figure("The rate of NEET young people was 3.5%.", "3.5%", title=title).as_of.label == as_of


@pytest.mark.parametrize(
    "question,not_measure,kept",
    [
        # words that name the source or the occasion are not what is counted
        (
            "Same Echo article on the foster/adopter TV campaign: how many of our children were on a CP plan?",
            {"echo", "campaign", "adopt"},
            {"plan"},
        ),
        (
            "Going back to the Echo story about our TV campaign - how many kids did we have in care?",
            {"echo", "tv"},
            {"care"},
        ),
        (
            "When Hartlepool restructured its social care teams, how many children was the service working with?",
            {"restructur", "team"},
            {"work"},
        ),
        (
            "How many looked-after children did Lancashire have when its cabinet approved the placement strategy?",
            {"cabinet", "strategi"},
            {"look"},
        ),
        (
            "How many children were placed with our own foster carers at quarter 3, per the Q3 fostering report?",
            {"report"},
            {"foster", "carer"},
        ),
        (
            "What weekly cost per looked after youngster did councillors hear about when the approach was agreed?",
            {"councillor", "hear", "approach"},
            {"look"},
        ),
        # a meeting the period is counted up to ("before its April 2022 scrutiny meeting")
        (
            "How many children had Wigan Council seen adopted in the 12 months before its April 2022 scrutiny meeting?",
            {"scrutini", "meet"},
            {"adopt"},
        ),
        # a when-clause holding a meeting's name names the occasion as a whole
        (
            "How many children were in care when councillors asked for greater clarity at the Select Committee?",
            {"councillor", "ask", "clariti", "committe"},
            {"care"},
        ),
        # how someone spoke of it ("described as 'scary'") is not what is counted
        (
            "How big was the children's services overspend described as 'scary' by the portfolio holder?",
            {"describ", "scari", "portfolio", "holder"},
            {"overspend"},
        ),
        # ... but a who-question keeps them: they pick the meeting
        (
            "Who was chairing the panel when it looked at the number of kids in care (Echo campaign story)?",
            set(),
            {"echo", "panel"},
        ),
        # a council's title ("the Royal Borough of") says whose figure it is, not what it counts
        (
            "How much is the Royal Borough of Windsor and Maidenhead on course to overspend?",
            {"royal", "borough"},
            {"overspend"},
        ),
        # an occasion in the active voice, with its own subject, says when
        (
            "How many children were in care in Sandwell just before the Sandwell Children's Trust launched in 2018?",
            {"trust", "launch"},
            {"child", "care"},
        ),
        (
            "What was the overspend after the cabinet approved a transfer from elsewhere in the service?",
            {"cabinet", "approv", "transfer"},
            {"overspend"},
        ),
        # ... with a body named without an article, and what an inspectorate does as the occasion
        (
            "How much did the council put into children's services after Ofsted rated them 'inadequate'?",
            {"ofst", "rate", "inadequ"},
            {"children"},
        ),
        (
            "How many children were in care after Ofsted inspected the service?",
            {"ofst", "inspect"},
            {"child", "care"},
        ),
        # "as at" a date is no occasion: what was judged is the measure
        (
            "How many children's homes as at 31 March 2024 were judged good or outstanding?",
            set(),
            {"judg", "good"},
        ),
        # an inspection at whose time a figure is asked stays in the measure
        (
            "How many children were in care at the time of the inspection?",
            set(),
            {"child", "care", "inspect"},
        ),
        # "heard" of those counted is what is counted
        (
            "What percentage of young people rated their review as helpful and felt heard?",
            set(),
            {"heard", "help"},
        ),
        # what a meeting heard names the meeting
        (
            "How many children were in care as of March 2023, as the children and families committee heard?",
            {"committe", "famili"},
            {"child", "care"},
        ),
        # ... not a verb of what is counted, nor a preposition before a noun, nor what was done to those counted
        ("How many children were adopted after care proceedings?", set(), {"adopt", "proceed"}),
        (
            "How many children left care after the court approved an adoption order?",
            set(),
            {"court", "adopt"},
        ),
        ("How many young people went missing after their placement went into crisis?", set(), {"crisi"}),
        (
            "What share of young people who appeared before the courts took part in restorative justice?",
            set(),
            {"court", "restor"},
        ),
    ],
)
def test_words_naming_the_occasion(question, not_measure, kept):
    r = read(question)
    assert not set(r.measure_seq) & not_measure, r.measure_seq
    assert kept <= set(r.measure_seq), r.measure_seq


# ---- tables flattened one cell per line, or onto one line ------------------------------------------------------
_STACKED = (
    "Children looked after at 31 March\n\nNumbers\n\nRates per 10,000 children\n\n2013\n\n2014\n\n2013\n\n"
    "2014\n\nNewcastle Upon Tyne\n\n550\n\n555\n\n100\n\n102\n\nEngland\n\n68,060\n\n68,840\n\n60\n\n"
    "60\n\nSource: SSDA903"
)
_STACKED_LABELS = (
    "Quarter 2\n\nQuarter 3\n\nNumber of enquiries\n\nNumber of initial visits\n\n14\n\n3\n\n10\n\n1\n\n"
    "Number of fostering families\n\n(mainstream and connected carers)\n\n130\n\n122\n\n"
    "The reduction has been for a number of reasons, which the Head of Fostering explained in some "
    "detail to the Board at the meeting."
)
_STACKED_LONG_TITLE = (
    "Children who were taken into care during the years ending 31 March, by local authority, Years ending 31 "
    "March 2006-08, Coverage: Government Office for the North East region\n\n2006\n\n2007\n\nNorth East\n\n"
    "480\n\n470\n\nMiddlesbrough\n\n30\n\n35"
)
_INLINE = (
    "The number of children taken into care in each area in (i) 2006 and (ii) 2007 is in the following table."
    "\n2006 2007 North East 480 470 Darlington 20 15 Middlesbrough 30 35"
)


@pytest.mark.parametrize(
    "text,value,subject,unit,as_of,concept",
    [
        (_STACKED, "555", "Newcastle", "count", "2014", "looked_after"),
        (_STACKED, "102", "Newcastle", "per_10000", "2014", "looked_after"),  # the second group's unit
        (_STACKED, "68,060", "England", "count", "2013", "looked_after"),
        (
            _STACKED_LABELS,
            "122",
            "Middlesbrough",
            "count",
            "12 June 2024 (meeting date)",
            "foster_households",
        ),
        (_INLINE, "35", "Middlesbrough", "count", "2007", "cla_starts"),
        # ... and a group header's unit is not overridden by a sentence above that names two units
        (
            "The numbers of children looked-after and the rate per 10,000 children under 18 years in Newcastle "
            "upon Tyne and England are as follows:\n\n" + _STACKED,
            "555",
            "Newcastle",
            "count",
            "2014",
            "looked_after",
        ),
        # a title too long to be a cell still says what the cells below it count
        (_STACKED_LONG_TITLE, "35", "Middlesbrough", "count", "2007", "cla_starts"),
        (_INLINE, "20", "Darlington", "count", "2006", "cla_starts"),
        # a row that is a number of something is a count, whatever the request above the table asks
        (
            "Request\n\n2. What percentage of EHC plans were issued within 20 weeks?\n\nDecision\n\n1.\n\n"
            "2021\n\n2022\n\nNumber of initial requests for an EHC plan\n\n1,294\n\n1,252\n\n2.",
            "1,252",
            "Middlesbrough",
            "count",
            "2022",
            "ehcp",
        ),
    ],
)
def test_flattened_tables(text, value, subject, unit, as_of, concept):
    f = figure(text, value)
    assert f.layout == "table"
    assert (f.subject_name, f.unit, f.as_of.label, f.concept_id) == (subject, unit, as_of, concept)


def test_flattened_table_values_that_cannot_be_placed_are_not_read_as_table_cells():
    # two labels, then four values: which value is whose cannot be told
    for f in figures(_STACKED_LABELS):
        if f.value_text in ("14", "3", "10", "1"):
            assert f.layout != "table"


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("The average weekly cost of a residential placement was £4,527.", "£4,527", "gbp_per_week"),
        ("Weekly fostering allowance for each child | £234\n", "£234", "gbp_per_week"),
        ("The placements budget was £4,527,000 in 2023/24.", "£4,527,000", "gbp"),
    ],
)
def test_money_said_to_be_weekly_is_per_week(text, value, unit):
    assert figure(text, value).unit == unit


@pytest.mark.parametrize(
    "question,stated",
    [
        ("What share of social workers had more than 20 cases?", {("count", 20.0)}),
        ("In the £14m savings announcement, what share of the budget?", {("gbp", 14e6)}),
        ("How many care leavers aged 18 to 25 were in touch in 2023/24?", set()),
        ("How many children were looked after in December 2018?", set()),
        # a date's day is no number the question states
        ("How many children were placed over 20 miles away at 30 June 2021?", set()),
    ],
)
def test_the_numbers_a_question_states(question, stated):
    from qa_assistant.figures.support_context import stated_numbers

    assert stated_numbers(question) == stated


@pytest.mark.parametrize(
    "text",
    [
        "In the first quarter of 2023 there were five.",  # a period, not a share
        "We approved 1 in 2023.",  # "in <year>"
        "one in 1,000 children",  # not a base a share is written in
        "In the first half of 2023 referrals rose.",  # a period
        "Over half of the year the post was vacant.",
        "a quarter of the time",
        "Assessments were completed 3 in 4 weeks.",  # a time, not a share
    ],
)
def test_words_that_are_no_share(text):
    from qa_assistant.text.shares import find_shares

    assert find_shares(text) == []


@pytest.mark.parametrize(
    "question,asks",
    [
        ("What was the average care cost per looked after child over the year?", True),
        ("What is the average weekly cost of an external placement?", True),
        ("What was the cost per placement?", True),
        ("What is the mean caseload of our social workers?", True),
        # a source, a rate's base, a comparator's average or the verb "mean" ask no average
        ("How many children were in care, per the Echo's report?", False),
        ("What share of children were in the same placement, per Lucy Townsend?", False),
        ("What was the rate per 10,000 children?", False),
        ("What percentage of assessments were on time, per cent of all?", False),
        ("What was the statistical neighbour average for assessments on time?", False),
        ("How far above the national average was our rate?", False),
        ("What does the overspend mean for next year's budget?", False),
        # "per" one of something asks an average of money, not of a measure that is itself per one
        ("How much did we spend per looked after child?", True),
        ("What was the caseload per social worker in March 2024?", False),
        ("How many visits were made per quarter?", False),
        ("How many children were in care, as per the latest figures?", False),
    ],
)
def test_which_questions_ask_for_an_average(question, asks):
    from qa_assistant.figures.averages import asks_average

    assert asks_average(question) == asks


_WIRRAL = (
    "Last year Wirral Council spent nearly £28m on care costs for the children it looks after. "
    "This is an average of £38,290 per child over the course of the year."
)


@pytest.mark.parametrize(
    "question,text,value,ok",
    [
        # the total an average was worked out from is no average
        ("What was Wirral's average care cost per looked after child?", _WIRRAL, "£28m", False),
        ("How much did Wirral spend on care costs for the children it looks after?", _WIRRAL, "£28m", True),
        # said of the number, past a count inside what it is the average of
        (
            "What is the average weekly cost of Hartlepool's external placements?",
            "The average cost of the current 49 external placements in Hartlepool is £7,010 per week.",
            "£7,010 per week",
            True,
        ),
        # ... but not past another value of its unit
        (
            "What is the average weekly cost of Hartlepool's external placements?",
            "The average cost of a placement is £7,010 per week and Hartlepool's external placements cost"
            " £230,000 per week in all.",
            "£230,000 per week",
            False,
        ),
        # ... nor past a value of another unit than a count
        (
            "What was the average number of children subject to care proceedings?",
            "The average length of care proceedings was 45 weeks, and 120 children were subject to proceedings.",
            "120",
            False,
        ),
        # an average the sentence before gives of its own number is that number's
        (
            "What was Wirral's average care cost per looked after child?",
            "Wirral's statistical neighbours spend an average of £40,000 per child. Last year Wirral Council spent"
            " nearly £28m on care costs for the children it looks after.",
            "£28m",
            False,
        ),
        (
            "What was Wirral's average care cost per looked after child?",
            "Wirral's statistical neighbours spend less on average per child. Last year Wirral Council spent"
            " nearly £28m on care costs for the children it looks after.",
            "£28m",
            False,
        ),
        # "each" counts right after the number, not anywhere in the sentence
        (
            "What was the average cost of a placement in 2023/24?",
            "The council spent £12.3m on placements in 2023/24, with each placement reviewed monthly.",
            "£12.3m",
            False,
        ),
        # said in the value itself
        (
            "What is the weekly cost per child of a residential placement?",
            "Residential placements cost £4,500 per child per week.",
            "£4,500 per child per week",
            True,
        ),
        # said in the sentence before, which the figure's sentence goes on from
        (
            "How many offences on average did Middlesbrough reoffenders commit?",
            "The site also shows the average number of offences committed by reoffenders. Middlesbrough"
            " reoffenders committed the highest number, at 3.4 offences.",
            "3.4",
            True,
        ),
        # a target set for an average
        (
            "What is the target for the average time from entering care to being placed for adoption?",
            "The average time from entering care to being placed for adoption was 609 days,"
            " exceeding the target of 426 days.",
            "426 days",
            True,
        ),
    ],
)
def test_an_average_is_answered_by_a_figure_given_as_one(question, text, value, ok):
    s = support(question, text, value)
    assert s.ok == ok, s.reason
