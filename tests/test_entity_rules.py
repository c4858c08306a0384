"""Table-driven unit tests for the rules that find people, dates and names in a sentence: no index, no model.

The sentences are written for these tests in the shapes council minutes use, not copied from the seed papers.
"""

from __future__ import annotations

import datetime as dt

import pytest

from qa_assistant.answering.entity_asked import Asked
from qa_assistant.answering.entity_candidates import (
    about_subject,
    dated_as_published,
    fits_dates,
    pick,
    restates_question,
    said_of,
    says_something_asked,
    term_coverage,
)
from qa_assistant.answering.entity_extremes import asked_superlative
from qa_assistant.answering.entity_finder import Found, find_people
from qa_assistant.answering.entity_names import find_names
from qa_assistant.answering.entity_posts import body_terms, further_post_of_named, holds_role, same_body
from qa_assistant.answering.entity_question import (
    asks_which_titled_person,
    doer_verb,
    name_head,
    question_role_terms,
)
from qa_assistant.answering.entity_things import (
    find_dates_in,
    find_grades,
    graded_for_another,
    pick_grade,
    with_its_grade,
)
from qa_assistant.figures.question import read
from qa_assistant.figures.subjects import paper_subject
from qa_assistant.figures.terms import measure_terms, terms
from qa_assistant.text.spans import sentence_spans


@pytest.mark.parametrize(
    "sentence,name,role",
    [
        ("Councillor Ann Hill (Chair) welcomed everyone to the meeting.", "Ann Hill", "Chair"),
        ("The report was presented by Mark Dale, Head of Fostering.", "Mark Dale", "Head of Fostering"),
        (
            "The Director of Children's Services, Sue Brown, gave an update.",
            "Sue Brown",
            "Director of Children's Services",
        ),
        # a report's header block: the post's name holds commas, or ends in a colon
        (
            "Executive Director for Children, Families and Learning, Gill Rollings",
            "Gill Rollings",
            "Executive Director for Children, Families and Learning",
        ),
        (
            "Executive Member for Children, Families and Learning: Councillor Michael Carr",
            "Councillor Michael Carr",
            "Executive Member for Children, Families and Learning",
        ),
        # a post's name may hold "of the"
        (
            "The Chair welcomed Beth Bradshaw, Voice of the Child Coordinator, to the meeting.",
            "Beth Bradshaw",
            "Voice of the Child Coordinator",
        ),
        # news writes the title in lower case after party and place, or shortened
        ("Labour Darlington councillor Nick Wallis said care leavers faced barriers.", "Nick Wallis", ""),
        ("Coun Fred Walker called the figure pathetic.", "Fred Walker", ""),
        # ... or writes the post in lower case straight before the name
        (
            "Cabinet member for children and young people Jon Hunt said the changes were fair.",
            "Jon Hunt",
            "Cabinet member for children and young people",
        ),
        # ... with the council it is held at
        (
            "Director of children's services at Westmorland and Furness Council Milorad Vasic paid tribute.",
            "Milorad Vasic",
            "Director of children's services at Westmorland and Furness Council",
        ),
        # ... but no verb or preposition is part of such a post
        (
            "The chair of the panel thanked Sarah Jones, Head of Fostering, for her report.",
            "Sarah Jones",
            "Head of",
        ),
        # a post's last word owning what follows makes the post of that
        (
            "Cllr Ann Hill, the leader of the council’s opposition group, said the cuts were wrong.",
            "Cllr Ann Hill",
            "leader of the council’s opposition group",
        ),
        (
            "Cllr Ann Hill, Leader of the Council, said the cuts were wrong.",
            "Cllr Ann Hill",
            "Leader of the Council",
        ),
        (
            "Cllr Ann Hill, the Mayor’s Cabinet Member for Children, said the cuts were wrong.",
            "Cllr Ann Hill",
            "Mayor’s Cabinet Member for Children",
        ),
    ],
)
def test_people_with_their_roles(sentence, name, role):
    found = [(p.text, p.role or "") for p in find_people(sentence)]
    assert any(name in text and role in found_role for text, found_role in found), found


@pytest.mark.parametrize(
    "sentence,names",
    [
        # a hyphen inside a post is no dash after a name: no one is called "Co" or "Vice"
        ("Councillor Ann Reed was appointed as Co-Chair for the Joint Committee.", ["Councillor Ann Reed"]),
        ("Sam Hale was appointed Vice-Chair of the Board.", []),
        # ... while a dash set off by a space still gives a name its post
        ("A Coulson - Team Manager attended.", ["A Coulson"]),
        # a day or a month alone, or a sentence's opening preposition, is no one's name
        ("The report, published on Friday, Director Ian Bell said, was fair.", ["Ian Bell"]),
        ("In March, the Director said the service was improving.", []),
        ("On Monday, Councillor Ann Reed said the service was improving.", ["Councillor Ann Reed"]),
        # ... while a first name that is a month, with its surname, is a name
        ("Councillor June Brown, Chair of the Board, opened the meeting.", ["Councillor June Brown"]),
        # ... and a surname that is a month or a day, after a title
        ("Councillor May said the service was improving.", ["Councillor May"]),
        ("Mr June said the service was improving.", ["Mr June"]),
        # ... but not one a date goes on from
        ("Report by Councillor June 2024 update on fostering.", []),
    ],
)
def test_a_hyphenated_post_names_no_one(sentence, names):
    assert [p.text for p in find_people(sentence) if not p.role_only] == names


def test_a_post_after_and_is_not_the_post_before_it():
    """ "Lisa Kitto, interim director of resources, and the chief executive, Balvinder Heran": ", and" starts
    another post, so the second name is not the director of resources."""
    sentence = (
        "The report, from Lisa Kitto, Dudley's interim director of resources, and the council's chief executive,"
        " Balvinder Heran, said costs rose."
    )
    roles = {p.text: p.role for p in find_people(sentence)}
    assert roles["Balvinder Heran"] == "chief executive"
    assert "director of resources" in roles["Lisa Kitto"]


@pytest.mark.parametrize(
    "sentence,further",
    [
        # a post set after a named person's description is theirs, not a second person
        (
            "Joan Hill, Project Officer at Stockton Voluntary Action and also Chair of Stockton Foodbank, spoke.",
            True,
        ),
        # "and the ..." brings in another person
        ("Joan Hill, Project Officer, and the Chair of Stockton Foodbank attended.", False),
        # a verb between: the post is said of someone else
        ("Joan Hill attended and said the Chair of Stockton Foodbank agreed.", False),
        # ", and" after the description: another person's post
        (
            "The report was presented by Councillor Joan Hill, Executive Member for Children's Services, and"
            " Director of Children's Services.",
            False,
        ),
    ],
)
def test_a_further_post_of_a_named_person_is_no_one_else(sentence, further):
    people = find_people(sentence)
    post = [p for p in people if p.role_only][-1]
    assert further_post_of_named(sentence, post, people) == further


def _tagged(sentence: str, names: tuple[str, ...]) -> list[Found]:
    """The people a tagger would find in the sentence: names with no post of their own."""
    return [Found(sentence.index(n), sentence.index(n) + len(n), n, "person", tagged=True) for n in names]


def test_a_post_set_off_after_another_name_is_not_the_next_names():
    """ "Present: Tom Brown, Director of Children's Services, Andrew Rodgers, Lisa Ward": the post is Tom's."""
    sentence = "Present: Tom Brown, Director of Children's Services, Andrew Rodgers, Lisa Ward."
    people = _tagged(sentence, ("Tom Brown", "Andrew Rodgers", "Lisa Ward"))
    terms = question_role_terms("Who is the Director of Children's Services?")
    assert not holds_role(people[1], sentence, terms, frozenset(), people)


@pytest.mark.parametrize("name,holds", [("Sam Ortiz", True), ("Ann Lee", False)])
def test_a_tagged_name_set_off_after_its_post_holds_it(name, holds):
    """ "the Principal at Hillcrest Academy, Sam Ortiz, and ...": the post before the comma is his."""
    sentence = (
        "Invited were the Principal at Hillcrest Academy, Sam Ortiz, and the Head Teacher at Moor Trust, Ann Lee,"
        " who attended."
    )
    people = _tagged(sentence, ("Sam Ortiz", "Ann Lee"))
    person = next(p for p in people if p.text == name)
    terms = question_role_terms("Which Hillcrest Academy leader attended the meeting?")
    assert holds_role(person, sentence, terms, frozenset(), people) == holds


@pytest.mark.parametrize(
    "text,sentences",
    [
        # a middle initial inside a name does not end the sentence
        ("Authors: Dr Susan J. Marsh & Tom Hale", 1),
        ("Report by Dr Peter K. Lane. It was noted.", 2),
        # ... while a single capital before a sentence opener does
        ("See Appendix B. The panel agreed.", 2),
        ("The position is shown in Chart B. Numbers have since fallen.", 2),
        ("Kent's figures are shown in Table A. However, 385 children are looked after in Medway.", 2),
    ],
)
def test_a_middle_initial_is_not_a_sentence_end(text, sentences):
    assert len(sentence_spans(text)) == sentences


@pytest.mark.parametrize(
    "sentence,head,name",
    [
        (
            "Two members of Young Voices Count, the borough's Children in Care Council, attended.",
            "council",
            "Young Voices Count",
        ),
        ("Beech Lodge, the Council's new three-bed children's home, opens in May.", "home", "Beech Lodge"),
        (
            "The recruitment campaign launched in March, Room to Grow, brought 30 enquiries.",
            "campaign",
            "Room to Grow",
        ),
        ("Support is now delivered by the Pathways team.", "team", "Pathways team"),
        # a law's year is part of its name
        (
            "Members were advised that the Children and Social Work Act 2017 required local authorities to publish it.",
            "act",
            "Children and Social Work Act 2017",
        ),
        # a name, then its kind in brackets
        (
            "The Commission met 9 members of Hackney of Tomorrow (Care Council) to talk.",
            "council",
            "Hackney of Tomorrow",
        ),
        # a name given after the kind and a comma
        (
            "The consultation, called Open Doors Beyond Walls, proposes to move the services.",
            "consultation",
            "Open Doors Beyond Walls",
        ),
    ],
)
def test_names_beside_what_was_asked_for(sentence, head, name):
    assert name in [f.text for f in find_names(sentence, head)]


@pytest.mark.parametrize(
    "sentence,head,person",
    [
        # a titled person set before a kind in brackets spoke for it; the kind is the name (untitled people are
        # the tagger's to tell: test_person_tagging)
        ("Councillor Ann Hill (Youth Council) spoke for young people.", "council", "Councillor Ann Hill"),
    ],
)
def test_a_person_before_a_bracketed_kind_is_no_name_of_it(sentence, head, person):
    assert person not in [f.text for f in find_names(sentence, head)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nevertheless, the unit was rated Good.",
        "Currently, the respite unit is closed.",
        "Staff, the unit manager and",
    ],
)
def test_one_word_before_the_kind_is_no_name(sentence):
    assert find_names(sentence, "unit") == []


@pytest.mark.parametrize(
    "question,head",
    [
        ("What is the Children in Care Council called?", "council"),
        ("Which team supports care leavers?", "team"),
        ("What is the name of the new fostering campaign?", "campaign"),
        ("Which regional adoption agency did the council join?", "agency"),
        ("Which Haringey programme helps families?", "programme"),
        ("Which charity runs the service?", "charity"),
        ("Which agencies supply foster carers?", "agency"),  # a plural head, read as its singular
        # laws, universities, centres and departments are named things too
        ("Which Act required councils to publish their local offer to care leavers?", "act"),
        ("From which learning centre were the courses delivered?", "centre"),
        ("Which university carried out the analysis?", "university"),
        # of two kinds of name side by side, the last is the head
        ("Which children's centre programme helped the most families?", "programme"),
        # a possessive may stand before the kind whose name is asked, but a post's words are no kind
        ("What is the name of Hackney's Children in Care Council that met the commission?", "council"),
        ("What is the name of the Director of Children's Services?", None),
        # ... and what the kind is about may follow it
        ("What is the name of Greenwich's consultation on changing its Children's Centres?", "consultation"),
        # "which" opening a relative clause is not the question's; at its start it is
        ("What is the name of the project from which the council drew down money?", "project"),
        ("Details of which bill were said to be emerging?", "bill"),
        ("In which borough did the home open?", "borough"),
        ("What was agreed at the meeting, and in which ward is the new hub?", "ward"),
        ("How much money was given to which charity?", "charity"),
        # ... and a preposition is never the kind, the noun before it is
        ("What was the name of the partnership in which the council works with health?", "partnership"),
        # the kind is one noun phrase: never past its verb to another head ("... is Southwark's fostering service")
        ("Which consortium is Southwark's fostering service now part of?", "consortium"),
        # ... and with no known head it is the phrase's last word before its verb, not its first
        ("Which housing association did the council partner with?", "association"),
    ],
)
def test_what_kind_of_name_is_asked_for(question, head):
    assert name_head(question) == head


@pytest.mark.parametrize(
    "question,constrained",
    [
        ("Who is the Executive Member for Children's Services?", True),
        ("Which officer gave the Panel the figures on placement searches?", False),
    ],
)
def test_generic_roles_do_not_constrain_who_answers(question, constrained):
    assert bool(question_role_terms(question)) == constrained


@pytest.mark.parametrize(
    "question,terms",
    [
        # a post's whole capitalised name, commas and "and" included
        (
            "Who was Executive Director for Children, Families and Learning in 2010?",
            {"execut", "director", "child", "famili", "learn"},
        ),
        # "chairing" names the post the person must be given
        ("Who was chairing the scrutiny panel when it looked at children in care?", {"chair"}),
        ("Who chaired the meeting?", {"chair"}),
        ("Who presented the report?", set()),
    ],
)
def test_the_post_a_who_question_names(question, terms):
    assert set(question_role_terms(question)) == terms


@pytest.mark.parametrize(
    "question,picks_a_person",
    [
        # a person picked by the title they hold: a post with no name ("the officer") is not the answer
        ("Which Wigan councillor called the adoption figure 'pathetic'?", True),
        ("Which councillors sit on the Corporate Parenting Board?", True),
        ("Which officer gave the Panel the figures?", False),
        ("Which team runs the hub?", False),
        ("Who chairs the board?", False),
        ("Which ward did Councillor Henman say he was elected for?", False),
    ],
)
def test_which_titled_person_asks_for_a_name(question, picks_a_person):
    assert asks_which_titled_person(question) == picks_a_person


@pytest.mark.parametrize("written", ["Cllr Smith", "Coun Smith", "Councillor Smith"])
def test_abbreviated_titles_are_the_councillor_title(written):
    assert terms(written) == ["councillor", "smith"]


@pytest.mark.parametrize(
    "title,near,question,allowed",
    [
        # this council's question: its own papers answer; another council's paper only where it names ours
        ("Corporate Parenting Board minutes", "Councillor Ann Hill chaired.", "Who chairs the board?", True),
        (
            "Hartlepool Borough Council: care costs (BBC)",
            "Councillor Jo Bell, chair of the children's services committee, said costs had risen.",
            "Who chairs the children's services committee?",
            False,
        ),
        # another council's question: its papers, or a passage naming it
        (
            "Hartlepool Borough Council: care costs (BBC)",
            "Councillor Jo Bell, chair of the committee, said costs had risen.",
            "Who chairs Blackburn with Darwen's children's services committee?",
            False,
        ),
        (
            "Regional news round-up",
            "In Blackburn with Darwen, children's services boss Cllr Bateson warned of rising numbers.",
            "Who was Blackburn with Darwen's children's services boss?",
            True,
        ),
        # a question naming both may be answered from either
        (
            "North Yorkshire County Council: No Wrong Door",
            "The approach is called No Wrong Door.",
            "What is the North Yorkshire approach Middlesbrough adopted?",
            True,
        ),
    ],
)
def test_whose_papers_may_answer_a_who_question(title, near, question, allowed):
    whose = paper_subject(title, near)
    assert about_subject(whose, near, read(question).subject, question) == allowed


@pytest.mark.parametrize(
    "question,answer_type",
    [
        ("Which minister revoked the Statutory Direction?", "person"),
        ("Which Hartlepool council leader said care costs were rising?", "person"),
        # the post may come a few words after "which", past the place whose it is
        ("Which Redcar and Cleveland cabinet member commented on the figures?", "person"),
        ("Which Adoption Tees Valley team manager spoke to the committee?", "person"),
        ("Which Leeds portfolio holder for children presented the report?", "person"),
        ("Which stakeholder groups were consulted?", "name"),
        ("Which schools did local councillors visit?", "name"),  # no verb between "which" and the post
        ("Which ward did Councillor Henman say he was elected for?", "name"),
        ("Which Secretary of State agreed the supervision should continue?", "person"),
        ("What’s the children in care council called now?", "name"),  # a contraction
        ("Which Haringey programme was expected to help families?", "name"),  # a name before the head
        ("Which of the officers said it?", "text"),
        ("What's the latest number of children in care?", "number"),
        ("What year-end overspend was forecast at quarter two?", "number"),  # 'year-end' is not 'what year'
        ("What year did the new home open?", "date"),
        ("What was the average social work caseload in the 2015 report?", "number"),  # 'work' is a noun here
        ("What did the panel hear about social work caseloads?", "text"),
        ("What does the transformation programme aim to save this year?", "number"),
        ("What weekly allowance do we pay for a child aged 11 to 15?", "number"),
        ("What reduction in youth offending did the council attribute to the project?", "number"),
        ("What new data tool was the council introducing?", "name"),
        ("What does the team do for care leavers?", "text"),  # not "what <its own words> team"
        ("Name a Fostering Team Manager who wrote the annual report.", "person"),
        ("What did the panel say about fees?", "text"),
        # what happened to something is told, though a figure's word is in the question
        ("What happened to early help cases when the staff had high caseloads?", "text"),
        ("What happened to the number of children in care in 2023?", "number"),
        ("What happened to the average caseload?", "number"),
        ("What happened to the DSG deficit?", "number"),
        # "until when", "by when", "up to when" ask for a date as "when" does
        ("Until when has the statutory override on the DSG deficit been extended?", "date"),
        ("Up to when will the contract run?", "date"),
        # how often something is done is said in words ("every six months")
        ("How often was the Local Offer for care leavers to be reviewed?", "text"),
        # a person asked for by what they do rather than by a post
        ("Which foster carer from Marske was quoted in the campaign story?", "person"),
        ("Which social worker gave evidence to the panel?", "person"),
        ("Which foster carer received an award?", "person"),  # any past-tense verb after the kind
        # ... not a thing named after such people, nor a clause about them inside a number question
        ("Which young carers project received funding from the council?", "name"),
        ("How many assessments were completed for families in which carers were over 65?", "number"),
        # the kind of thing asked for may come after a place's name ("which North Yorkshire County Council model")
        ("Which North Yorkshire County Council model is the service based on?", "name"),
        # a borough or authority is a name asked for, as a council is
        ("Which London borough oversees the pan-London protocol?", "name"),
        # ... but not a borough-wide thing, nor an authority's duties
        ("Which borough-wide priorities were missed in 2023?", "text"),
        ("Which local authority duties apply to care leavers?", "text"),
        # what caused a figure asks for the reason, not the figure
        ("What caused the children's services overspend in 2023/24?", "text"),
        ("What is causing the overspend?", "text"),
        # ... as does what someone said was behind it, or its reasons
        (
            "What did the Select Committee hear was behind the recent downward trend in children looked after?",
            "text",
        ),
        ("What did officers say were the main reasons for the rise in children in care?", "text"),
        # ... not what someone said a figure was
        ("What did the council say was the overspend in 2023/24?", "number"),
        # what would happen to a figure, and what a figure was based on, ask words
        ("What did the report warn would happen to the overspend if agency use does not fall?", "text"),
        ("What was the council's 2018/19 target for children in care based on?", "text"),
        ("If agency use does not fall, what would happen to the overspend?", "text"),
        # ... but which figure a target was based on asks that figure
        ("What was the baseline figure the 2025 target was based on?", "number"),
        ("What is the population estimate that the rate is based on?", "number"),
        ("What was the rate based on?", "text"),
        ("What would happen to the £2m grant that was allocated to the service?", "text"),
        # ... but which estimate a figure is based on asks that estimate
        ("What population estimate is the rate per 10,000 based on?", "number"),
        # an amount a question names by its kind ("what take-up", "what investment") asks a figure
        ("What take-up of two-year-old nursery places had the service achieved?", "number"),
        ("What investment in children's social care did the Cabinet seek?", "number"),
        # ... but one noun phrase: "which care leaver and council apprentice" asks for no council
        ("Which care leaver and council apprentice was working with Participation People?", "text"),
    ],
)
def test_who_and_which_questions_in_plain_wording(question, answer_type):
    assert read(question).answer_type == answer_type


@pytest.mark.parametrize(
    "question,verb",
    [
        ("Which organisation delivers detached youth work on the streets?", {"deliv"}),
        ("Which provider won our supported accommodation contract?", {"win"}),
        ("Which charity runs the hub?", {"run"}),
        # the name is the object, or the verb is only "to be": nothing the thing does
        ("Which team did the council restructure?", set()),
        ("Which charity is running the scheme?", set()),
    ],
)
def test_what_the_named_thing_does(question, verb):
    assert doer_verb(question) == verb


def test_the_name_the_asked_verb_follows_does_it():
    sentence = (
        "The Junction also delivered detached youth work whereby the Youth Workers went directly onto the "
        "streets and estates and engaged with young people."
    )
    found = [
        Found(s, s + len(name), name, "name")
        for name in ("The Junction", "Youth Workers")
        for s in [sentence.index(name)]
    ]
    words = set(terms("organisation delivers detached youth work streets estates"))
    assert pick(found, words, sentence).text == "Youth Workers"  # nearer the question's other words
    assert pick(found, words, sentence, doer_verb("Which organisation delivers youth work?")).text.endswith(
        "Junction"
    )


@pytest.mark.parametrize(
    "question,sentence,name",
    [
        # the name in the clause that says the degree asked, though another stands first and nearer more words
        (
            "Which provider was the most expensive semi-independent accommodation provider?",
            "The cheapest semi-independent accommodation provider is Mococo House at £900 weekly, whereas the most "
            "expensive is Triangle Care Group.",
            "Triangle Care Group",
        ),
        (
            "Which provider was the cheapest semi-independent accommodation provider?",
            "The cheapest semi-independent accommodation provider is Mococo House at £900 weekly, whereas the most "
            "expensive is Triangle Care Group.",
            "Mococo House",
        ),
        # another place in the order is not the one asked; "and" starts another clause
        (
            "Which provider was the most expensive?",
            "Oak Care Group was the second most expensive at £5,200, while the most expensive was Elm Lodge at"
            " £6,000.",
            "Elm Lodge",
        ),
        (
            "Which provider was the most expensive?",
            "The cheapest provider was Mococo House and the most expensive was Triangle Care Group.",
            "Triangle Care Group",
        ),
    ],
)
def test_the_name_whose_clause_says_the_degree_asked_is_singled_out(question, sentence, name):
    found = find_names(sentence)
    words = set(terms(question)) - set(terms("which"))
    assert pick(found, words, sentence, superlative=asked_superlative(question)).text == name


@pytest.mark.parametrize(
    "question,degree",
    [
        ("Which ward was the most deprived?", "most deprived"),
        ("Which provider was the cheapest?", "cheapest"),
        ("Which council had the lowest rate?", "lowest"),
        # "most of", "at least one": no degree singles one thing out
        ("Which charity supported most of the young people?", ""),
        ("Which team saw at least one child?", ""),
        # a degree that only describes ("in the most deprived wards") singles nothing out
        ("Which organisation delivers support to families in the most deprived wards?", ""),
    ],
)
def test_the_degree_a_question_singles_its_answer_out_by(question, degree):
    assert asked_superlative(question) == degree


def test_the_name_a_thing_is_now_called_wins_over_its_old_one():
    sentence = "She advised that the children in care council ‘CICC’ had been renamed and was now called ‘We matter’."
    found = find_names(sentence)
    assert [f.text for f in found] == ["CICC", "We matter"]
    assert pick(found, {"child", "care", "council", "call"}, sentence).text == "We matter"


@pytest.mark.parametrize(
    "question,role,allowed",
    [
        (
            "Who chaired the Community Safety and Leisure Scrutiny Panel?",
            "Chair of Overview and Scrutiny Board",
            False,
        ),
        ("Who chaired the Together for Children board?", "Chair of Corporate Parenting Board", False),
        (
            "Who chairs the Corporate Parenting Board?",
            "Chair of the You Matter to Us Corporate Parenting Board",
            True,
        ),
        ("Who chairs the Corporate Parenting Board?", "Executive Member for Children's Services", True),
        # a body's name may be quoted
        (
            "Who leads the opposition IMPACT group on the council?",
            "leader of the council’s opposition ‘IMPACT’ group of Independent",
            True,
        ),
    ],
)
def test_a_post_on_another_body_does_not_answer(question, role, allowed):
    assert same_body(role, body_terms(question)) == allowed


_OPPOSITION_LEADER = (
    "Cllr Ann Hill, Leader of the Council’s opposition ‘IMPACT’ group of Independents, said it was wrong."
)


@pytest.mark.parametrize(
    "question,sentence,allowed",
    [
        # a post of what a body owns is not the body's own post
        ("Who is the Leader of the Council?", _OPPOSITION_LEADER, False),
        ("Who leads the opposition IMPACT group?", _OPPOSITION_LEADER, True),
        (
            "Who is the council leader?",
            "Cllr Stuart Wilson, the leader of the council’s opposition group, said it was wrong.",
            False,
        ),
    ],
)
def test_a_post_of_what_a_body_owns(question, sentence, allowed):
    person = find_people(sentence)[0]
    asked = Asked.of(question, read(question))
    assert holds_role(person, sentence, asked.role_terms, asked.body, [person]) is allowed


@pytest.mark.parametrize(
    "sentence,people",
    [
        # a possessive post stops before another person
        ("Sir Ann Hill, the Mayor’s deputy Dr Bob Lee told the panel.", ["Sir Ann Hill", "Dr Bob Lee"]),
        (
            "Cllr Ann Hill, Leader of the Council’s deputy Cllr Bob Lee said so.",
            ["Cllr Ann Hill", "Cllr Bob Lee"],
        ),
    ],
)
def test_a_possessive_post_stops_before_another_person(sentence, people):
    assert [p.text for p in find_people(sentence)] == people


@pytest.mark.parametrize(
    "sentence,name,role",
    [
        ("Graham Smith, Group Accountant, introduced the report.", "Graham Smith", "Group Accountant"),
        ("Chris Joynes, Thirteen group, who had agreed to join the Board", "Chris Joynes", "Thirteen group"),
        (
            "a presentation from the Strategic Manager, Finance Business Partnering, Sian Kenny, on the budget",
            "Sian Kenny",
            "Manager, Finance Business Partnering",
        ),
        # what a post is "of" completes its title: "Corporate Parenting" is no one's name
        (
            "Sharon Shaw, Head of Corporate Parenting presented the annual adoption reports to the Panel.",
            "Sharon Shaw",
            "Head of Corporate Parenting",
        ),
        # an initial and a surname, then the team's name before the post
        (
            "A Coulson, Leaving Care (Pathways) Team Manager, was in attendance at the meeting.",
            "A Coulson",
            "Leaving Care (Pathways) Team Manager",
        ),
    ],
)
def test_a_name_set_off_by_what_they_are(sentence, name, role):
    assert [(f.text, f.role) for f in find_people(sentence)] == [(name, role)]


def test_a_role_is_a_whole_word():
    assert (
        find_people("The Annual Report fulfils Gateshead Council's obligations under this regulation.") == []
    )


@pytest.mark.parametrize(
    "question,terms",
    [
        ("Which Hartlepool council leader said care costs were rising?", {"leader"}),
        ("Which Sunderland director of children's services resigned?", {"director", "children"}),
    ],
)
def test_whose_post_is_not_a_word_of_the_post(question, terms):
    assert question_role_terms(question) == frozenset(terms)


@pytest.mark.parametrize(
    "sentence,answered,coverage",
    [
        # the kind of thing asked for is what the answer names: not missed when the sentence does not write it
        ("Clinical Property Group Limited wants to use a house in Hemlington as a home.", {"compani"}, 1.0),
        ("Clinical Property Group Limited wants to use a house in Hemlington as a home.", set(), 0.75),
        # ... and counted when it does
        ("The company wants to use a house in Hemlington as a home.", {"compani"}, 1.0),
        ("Residents objected to the plans for a house in Hemlington.", {"compani"}, 2 / 3),
    ],
)
def test_the_kind_of_thing_asked_for_is_not_a_missing_word(sentence, answered, coverage):
    asked = {"compani", "hemlington", "hous", "home"}
    assert term_coverage(asked, sentence, "", frozenset(answered)) == pytest.approx(coverage)


@pytest.mark.parametrize(
    "sentence,said",
    [
        ("Read more: Former footballer crashed Land Rover into Co op", False),
        ("Courtyard Care Ltd applied for planning permission to change a large home.", True),
    ],
)
def test_a_name_comes_from_a_sentence_that_says_something_asked(sentence, said):
    asked = {"low", "lane", "children", "home", "appli"}
    assert says_something_asked(sentence, asked) == said


_DURHAM = (
    "Ofsted undertook an Inspection of Durham Local Authority Children's Services (ILACS) between 24 March and"
    " 28 March 2025, with the outcome letter published on 13 May 2025."
)
_VISIT = "The report set out the findings of Ofsted's Monitoring Visit on 29/30 March 2022."
_LETTER = "The letter reporting Ofsted's findings was published on 6 May 2022."


@pytest.mark.parametrize(
    "question,sentence,answers",
    [
        # a publishing date is the one the sentence gives as such, on or after the event the question names
        (
            "When was the outcome letter for Durham's 2025 ILACS inspection published?",
            _DURHAM,
            ["13 May 2025"],
        ),
        ("When was Ofsted's letter on the March 2022 monitoring visit published?", _VISIT, []),
        ("When was Ofsted's letter on the March 2022 monitoring visit published?", _LETTER, ["6 May 2022"]),
        # a question about the event itself: its dates, within the period named
        (
            "When did the 2025 ILACS inspection of Durham start?",
            _DURHAM,
            ["24 March", "28 March 2025", "13 May 2025"],
        ),
        ("When did the March 2022 monitoring visit take place?", _LETTER, []),
        # a date that names the paper bounds the answer only from above
        (
            "From which month had the council been running the programme, according to the January 2018 Panel?",
            "Since June 2017, when the Council had commenced some aspects of the programme, numbers fell.",
            ["June 2017"],
        ),
        (
            "From which month had the council been running the programme, according to the January 2018 Panel?",
            "The programme will start in June 2019.",
            [],
        ),
    ],
)
def test_dates_a_publishing_question_accepts(question, sentence, answers):
    r = read(question)
    found = [
        c
        for c in find_dates_in(sentence, None)
        if fits_dates(c, r) and dated_as_published(c, sentence, question)
    ]
    assert [c.text for c in found] == answers


@pytest.mark.parametrize(
    "sentence,date,said",
    [
        # a date in an aside set off by commas is said of the words before the aside
        (
            "Attendance figures for this term, to 14 March 2024, were reported as follows:",
            "14 March 2024",
            True,
        ),
        # ... but not a date in a clause of its own
        (
            "The attendance review began in January, with the report published on 2 May 2024.",
            "2 May 2024",
            False,
        ),
        # ... only an aside that bounds data ("to", "until", "as at"), not any date between commas
        (
            "Following the decision on attendance figures, from 1 April 2024, services moved to the new hub.",
            "1 April 2024",
            False,
        ),
    ],
)
def test_a_day_is_said_of_the_words_before_it(sentence, date, said):
    found = next(c for c in find_dates_in(sentence, None) if c.text == date)
    assert said_of(found, sentence, set(terms("attendance figures"))) == said


def test_a_date_is_picked_by_the_words_just_before_it():
    dates = find_dates_in(_DURHAM, None)
    assert pick(dates, set(terms("outcome letter published")), _DURHAM).text == "13 May 2025"


@pytest.mark.parametrize(
    "question,held",
    [
        # every word names the occasion: the occasion is what is asked about
        ("When was the outcome letter for Durham's 2025 ILACS inspection published?", {"letter", "inspect"}),
        # otherwise the occasion's words are not asked of the sentence
        ("When did the 2021 focused visit take place?", {"focus", "visit"}),
        # a date is the occasion's own: what was done is asked of the sentence beside what it was about
        (
            "On what date did Ofsted publish its findings that West Sussex children's services were inadequate?",
            {"ofst", "publish", "inadequ"},
        ),
    ],
)
def test_the_words_an_entity_answer_must_hold(question, held):
    from qa_assistant.answering.entity_asked import asked_terms

    assert held <= asked_terms(read(question))


@pytest.mark.parametrize(
    "sentence,bodies",
    [
        (
            "The analysis – carried out for the End Child Poverty coalition by Loughborough University – shows it.",
            ["Loughborough University"],
        ),
        ("The review was carried out by the Department for Education.", ["Department for Education"]),
        # a person is not a body
        ("The report was presented by Sharon Shaw.", []),
        # a post is not a body, and a body after another verb did not do what was asked
        ("The review was carried out by the Service Manager for Fostering.", []),
        (
            "The plan was carried out by the Head of Service and endorsed by the Corporate Parenting Board.",
            [],
        ),
        # a name set off by words that say it is a body, whatever word it ends in
        (
            "The work is carried out day to day by Stonham – the care and support division of Home Group.",
            ["Stonham"],
        ),
        ("The survey was carried out by Ipsos, a research company based in London.", ["Ipsos"]),
        # words set off that say no body; a person; a date
        ("The survey was carried out by Ipsos, a long time ago.", []),
        ("The review was carried out by Jane Smith, the head of the charity.", []),
        ("The survey was carried out by March, a month before the company reported.", []),
        # a person set off by their post in a body is no body
        (
            "The work is carried out by Lisa Jones, the charity's chief executive, on behalf of Barnardo's.",
            [],
        ),
        ("The work is carried out by John Smith, a company director.", []),
        ("The work is carried out by Sarah Brown, a charity worker.", []),
        ("The work is carried out by Lisa Jones, the charity's CEO.", []),
        ("The work is carried out by Tom Reed, a partner at the firm.", []),
        # a body described with a post's word that is not its own noun
        # a partner may be a person ("the firm's senior partner"), so it names no body by itself
        ("The work is carried out by Barnardo's, the lead partner of the consortium.", []),
        ("The work is carried out by Tom Reed, the firm's senior partner.", []),
        # a post after the body's noun, or a reporting verb's speaker, is a person; a season is no body
        ("The work is carried out by Jane Smith, the charity's policy and research manager.", []),
        ("The work is carried out by Priya Shah, a company spokesperson said.", []),
        ("The work is carried out by Priya Shah, the charity's project coordinator.", []),
        ("The work will be carried out by Easter, the company said.", []),
        ("The work is carried out by Barnardo's, a charity and member of the consortium.", ["Barnardo's"]),
        # the people a body employs describe the body, not a person
        (
            "The work is carried out by Barnardo's – a charity whose staff support care leavers.",
            ["Barnardo's"],
        ),
    ],
)
def test_a_body_named_as_who_did_it(sentence, bodies):
    from qa_assistant.answering.entity_bodies import bodies_by
    from qa_assistant.figures.terms import measure_terms

    assert [b.text for b in bodies_by(sentence, frozenset(measure_terms("carried")))] == bodies


@pytest.mark.parametrize(
    "question,verb",
    [
        ("Who chairs the Corporate Parenting Board?", {"chair"}),
        ("Which organisation runs the Single Key Foyer day to day?", {"run"}),
        # after an auxiliary the question asks who was acted on, not who acted
        ("Which company was commissioned to review the service?", set()),
        ("Which organisation was funded to run the hub?", set()),
        ("Which charity has been funded to run the hub?", set()),
        ("Which charity had been commissioned to provide advocacy?", set()),
        ("Which organisation has been running the Foyer?", {"run"}),
        # the body's own verb in other tenses
        ("Which organisation has run the Foyer?", {"run"}),
        ("Which organisation is running the Foyer?", {"run"}),
        ("Which company will deliver the service?", {"deliv"}),
        # a verb in title case; a name
        ("Who Leads the Youth Justice Board?", {"lead"}),
        ("Who is Jane Smith?", set()),
        # no verb of the body's own: an auxiliary asks what was done to it
        ("Which charity did the council fund?", set()),
        ("Which organisation is responsible for the home?", set()),
        # a capitalised word after "who was" is a name, not what was done
        ("Who was Wandsworth's director of children's services?", set()),
        ("Who was Stockton's director of children's services?", set()),
    ],
)
def test_what_the_person_or_body_asked_for_did(question, verb):
    from qa_assistant.answering.entity_question import question_verb

    assert question_verb(question) == verb


@pytest.mark.parametrize(
    "question,head",
    [
        # "which local authority's team": the authority is asked, not its team
        ("Which local authority's team was crowned champion at the fun day?", "council"),
        ("Which team supports care leavers?", "team"),
        # an authority that only describes the thing asked does not make it an authority
        ("Which local authority team won the award?", "team"),
    ],
)
def test_a_question_for_an_authority_asks_for_a_council(question, head):
    from qa_assistant.answering.entity_asked import Asked

    assert Asked.of(question, read(question)).head == head


_PUBLISHED_ON = "On Wednesday 8 May 2019, Ofsted published the findings of its February 2019 inspection."
_TWO_DAYS = "Ofsted had carried out a Monitoring Visit to Children's Services on 14 and 15 December 2021."
_FIRST_MEETING = (
    "The Corporate Parenting Board was established after the inspection and held its first meeting on 12 June"
    " 2018, with terms of reference agreed on 4 September 2018."
)
_LASTED = (
    "Ofsted's inspection of children's services lasted two weeks, with the final report published on 8 May 2019"
    " and the action plan due on 2 August 2019."
)
_MET = "The Corporate Parenting Board met on 12 June 2018 to agree its terms of reference."
_INSPECTED = "Ofsted inspected the service in February 2019 and published its report on 8 May 2019."
_VISIT_THEN_LETTER = "Following the visit on 12 March 2024, Ofsted published its letter."
_RELEASED_UP_TO = "The data released by the DfE for the period up to 31 March 2024 show a rise."
_RELEASED_FOR_PERIOD = "The DfE released figures for the period covering the year ending on 31 March 2024."
_PUBLISHED_FOR = "Ofsted published the letter for the council's children's services on 8 May 2019."
_PUBLISHED_LATER = (
    "Inspectors were on site from 9 to 13 March 2020, and Ofsted published its full findings by way of a report on"
    " 15 April 2020."
)


@pytest.mark.parametrize(
    "question,sentence,answer",
    [
        # a day is asked: the day the sentence gives for what was asked ...
        ("On what date did Ofsted publish its findings?", _PUBLISHED_ON, "Wednesday 8 May 2019"),
        ("On what date did Ofsted publish its report?", _INSPECTED, "8 May 2019"),
        # ... not a day in a phrase before the clause that publishes, nor a period's end after a publishing word
        ("When was the letter published?", _VISIT_THEN_LETTER, None),
        ("When was the report released?", _RELEASED_UP_TO, None),
        ("When was the report published?", _RELEASED_FOR_PERIOD, None),
        ("When was the letter published?", _PUBLISHED_FOR, "8 May 2019"),
        # (what was published may stand between the verb and the day)
        (
            "On what date did Ofsted publish its report on the March 2020 inspection?",
            _PUBLISHED_LATER,
            "15 April 2020",
        ),
        # ... not another event's day when the one asked is given only as a month
        ("On what date did Ofsted inspect the service?", _INSPECTED, None),
        ("On what date was the Corporate Parenting Board established?", _MET, None),
        ("On which dates did Ofsted carry out the monitoring visit?", _TWO_DAYS, "15 December 2021"),
        # (a question word in an earlier clause does not make a later clause's day the one asked)
        ("On what date was the Corporate Parenting Board established?", _FIRST_MEETING, None),
        ("On what date did Ofsted inspect the council's children's services?", _LASTED, None),
        # "when" may be answered at any precision
        ("When did Ofsted inspect the service?", _INSPECTED, "February 2019"),
    ],
)
def test_a_question_for_a_day_is_answered_with_a_day(question, sentence, answer):
    from qa_assistant.answering.entities import EntityAnswerer
    from qa_assistant.answering.entity_asked import Asked
    from qa_assistant.answering.entity_question import asks_for_a_day
    from qa_assistant.answering.entity_things import names_a_day
    from qa_assistant.settings import Settings

    r = read(question)
    asked = Asked.of(question, r)
    candidates = EntityAnswerer(None, None, Settings())._candidates(sentence, None, question, r, asked)
    best = pick(candidates, asked.terms, sentence) if candidates else None
    # (EntityAnswerer.answer gives no answer when the best is not a day)
    day = best is not None and (not asks_for_a_day(question) or names_a_day(best.text, None))
    assert (best.text if day else None) == answer


_KING = "Karen King, 45, from Marske, fosters for her Local Authority and looks after children aged between 11 and 18."
_ROWAN = "J Rowan, Fostering Team Manager, was in attendance to tell the Panel about foster carers."


def test_the_kind_of_person_asked_for_is_not_a_missing_word():
    from qa_assistant.answering.entity_candidates import term_coverage
    from qa_assistant.answering.entity_question import person_kind_terms

    asked = set(terms("foster carer Marske"))
    kind = person_kind_terms("Which foster carer from Marske was quoted?")
    assert kind == frozenset(terms("foster carer"))
    assert term_coverage(asked, _KING, "", kind) == 1.0  # "fosters" and "Marske" are written; "carer" is not


def _person(sentence: str, name: str, role: str | None = None) -> Found:
    at = sentence.index(name)
    return Found(at, at + len(name), name, "person", role=role)


_RUTHERFORD = "Emma Rutherford, council executive head teacher for vulnerable pupils, noted rising numbers."
_BROWN = "Foster carers are needed, the Gazette reported. Social worker Amy Brown was quoted as saying so."
_SMITH = "Jane Smith, a parent, asked about home to school transport for children with SEND."
_BRANSON = "Coulby Newham councillor David Branson agreed the cost of children's services was a headache."
_FOSTERED = "Tom Hall, 19, fostered from the age of six, spoke at the Board about leaving care."
_CARER_OF = "The foster carer of Tom Hall spoke at the Board about his move to independence."
_HALL = "Tom Hall, a care leaver, spoke to the Corporate Parenting Board about his placement."
_JONES = "The fostering report was presented by Mary Jones from the Fostering Network."


@pytest.mark.parametrize(
    "question,sentence,person,answers",
    [
        # a person the paper gives another post is not of the kind asked ...
        (
            "Which foster carer was quoted?",
            _ROWAN,
            _person(_ROWAN, "J Rowan", "Fostering Team Manager"),
            False,
        ),
        # ... one given no post is, when the sentence says what they do, and not otherwise
        ("Which foster carer from Marske was quoted?", _KING, _person(_KING, "Karen King"), True),
        (
            "Which foster carer spoke to the Corporate Parenting Board?",
            _HALL,
            _person(_HALL, "Tom Hall"),
            False,
        ),
        ("Which foster carer was quoted?", _BROWN, _person(_BROWN, "Amy Brown"), False),
        ("Which foster carer spoke at the Board?", _FOSTERED, _person(_FOSTERED, "Tom Hall"), False),
        ("Which foster carer spoke at the Board?", _CARER_OF, _person(_CARER_OF, "Tom Hall"), False),
        # a councillor is one the paper titles or describes so
        ("Which councillor asked about school transport?", _SMITH, _person(_SMITH, "Jane Smith"), False),
        (
            "Which councillor called the costs a headache?",
            _BRANSON,
            _person(_BRANSON, "councillor David Branson"),
            True,
        ),
        # an officer is someone the paper gives a post, whatever it is
        (
            "Which officer told the Panel about foster carers?",
            _ROWAN,
            _person(_ROWAN, "J Rowan", "Fostering Team Manager"),
            True,
        ),
        ("Which officer presented the fostering report?", _JONES, _person(_JONES, "Mary Jones"), False),
        (
            "Which officer spoke about home education?",
            _RUTHERFORD,
            _person(_RUTHERFORD, "Emma Rutherford"),
            True,
        ),
    ],
)
def test_a_person_asked_for_by_what_they_do(question, sentence, person, answers):
    from qa_assistant.answering.entity_posts import of_the_kind_asked
    from qa_assistant.answering.entity_question import person_kind_head, person_kind_terms

    kind, kind_terms = person_kind_head(question), person_kind_terms(question)
    assert of_the_kind_asked(person, kind, kind_terms, sentence) == answers


# ---- an inspection's judgements laid out one line under each area -------------------------------------------

JUDGEMENTS = (
    "The judgements on areas of the service are:\n1. Children who need help and protection\nRequires improvement\n"
    "2. Children looked after and achieving\npermanence\nGood\n2.1 Adoption performance\nGood"
)


@pytest.mark.parametrize(
    "area,grade",
    [
        ("1. Children who need help and protection", "Requires improvement"),
        ("permanence", "Good"),
        ("2.1 Adoption performance", "Good"),
        ("The judgements on areas of the service are:", None),  # the next line is an area, not a grade
    ],
)
def test_the_judgement_under_an_area_is_read_with_it(area, grade):
    """(The judgements of two inspections side by side are tested below: neither is read with the area.)"""
    end = JUDGEMENTS.index(area) + len(area)
    found = find_grades(JUDGEMENTS[JUDGEMENTS.index(area) : with_its_grade(JUDGEMENTS, end)])
    assert [f.text for f in found] == ([grade] if grade else [])


@pytest.mark.parametrize(
    "sentence,grades",
    [
        # a grade opening the sentence on its own line is the item before's
        ("Good\n2.2 Experiences and progress of care leavers", []),
        ("Good\n2.2 Experiences and progress of care leavers\nGood", ["Good"]),
        ("The service was judged Requires Improvement in 2019.", ["Requires Improvement"]),
        ("Outstanding: the inspectors praised the leadership.", ["Outstanding"]),
        # a grade denied is not given
        ("Services for children in Manchester are no longer inadequate.", []),
        ("The service is not Inadequate but Requires Improvement.", ["Requires Improvement"]),
        ("The service is no longer judged Inadequate.", []),
        ("The service was judged not only Good but Outstanding.", ["Outstanding"]),
    ],
)
def test_a_grade_is_said_of_the_words_before_it(sentence, grades):
    assert [f.text for f in find_grades(sentence)] == grades


_GRADE_ROWS = (
    "Permanence Requires improvement 2.1 Adoption performance Good 2.2 Care leavers Requires improvement"
)


@pytest.mark.parametrize(
    "sentence,terms,grade",
    [
        # in a list of graded items, each grade is of the words laid out before it
        (_GRADE_ROWS, {"adopt", "perform"}, "Good"),
        (_GRADE_ROWS, {"leaver"}, "Requires improvement"),
        (_GRADE_ROWS, {"ofst"}, "Requires improvement"),
        # in prose the item often follows its grade: not read so
        (
            "The service was judged Good in leadership and Requires improvement in help and protection.",
            {"protect"},
            None,
        ),
        ("Good – help and protection; Requires improvement – children in care", {"care"}, None),
    ],
)
def test_the_grade_of_the_item_asked(sentence, terms, grade):
    picked = pick_grade(find_grades(sentence), terms, sentence)
    assert (picked.text if picked else None) == grade


@pytest.mark.parametrize(
    "sentence,question,other",
    [
        (
            "following a judgement of inadequate for overall effectiveness in 2014.",
            "What judgement did Ofsted give Manchester's adoption performance?",
            True,
        ),
        # the question names no area, or the same one
        (
            "following a judgement of inadequate for overall effectiveness in 2014.",
            "What rating did Ofsted give Doncaster's children's services?",
            False,
        ),
        (
            "Ofsted rated the council Good for adoption.",
            "What rating did Ofsted give its adoption service?",
            False,
        ),
        # what a grade is for that is no area
        (
            "The service was rated Outstanding for a second time.",
            "What rating did Ofsted give fostering?",
            False,
        ),
        (
            "The service was rated Good for its care of young people.",
            "What rating did Ofsted give adoption?",
            False,
        ),
    ],
)
def test_a_grade_given_for_another_area(sentence, question, other):
    assert graded_for_another(sentence, find_grades(sentence)[0], question) == other


@pytest.mark.parametrize(
    "question,grade,restated",
    [
        # a grade may share the question's words ("children who NEED help": "REQUIRES improvement") ...
        (
            "What judgement did Ofsted give for children who need help and protection?",
            "Requires improvement",
            False,
        ),
        # ... unless the question names that grade itself
        (
            "Having been rated Requires Improvement in 2019, what judgement did Ofsted give the service in 2023?",
            "Requires Improvement",
            True,
        ),
    ],
)
def test_a_grade_asked_for_may_share_the_questions_words(question, grade, restated):
    asked = set(terms(question)) | set(terms("requires"))
    assert restates_question(grade, asked, question) == restated


def test_two_years_judgements_under_an_area_are_neither_read_with_it():
    text = "Children who need help and protection\nRequires improvement\nGood\n"
    end = len("Children who need help and protection")
    assert with_its_grade(text, end) == end


@pytest.mark.parametrize(
    "sentence,people",
    [
        # two posts joined by "and" with no second article: one person holds both
        (
            "Update PDF 308 KB\nThe Deputy Mayor and Executive Member for Children’s Services presented a report.",
            ["The Deputy Mayor and Executive Member for Children’s Services"],
        ),
        # ... a plural verb makes two people; and a post never runs across a line break
        (
            "The Director of Children's Services and Head of Safeguarding were present.",
            ["The Director of Children's Services", "Head of Safeguarding"],
        ),
        # a judge is a titled person
        (
            "Her Honour Judge Matthews QC was unable to attend the meeting.",
            ["Her Honour Judge Matthews QC"],
        ),
        # "Judge" alone starts names of other things
        ("Judge Street Children's Centre has closed.", []),
    ],
)
def test_posts_and_titles_a_sentence_names(sentence, people):
    assert [p.text for p in find_people(sentence)] == people


@pytest.mark.parametrize(
    "question,sentence,recipient",
    [
        (
            "Who asked why children in care numbers had not fallen?",
            "according to her initial report to the Children’s Minister.",
            True,
        ),
        ("Who was the report sent to?", "The report was sent to the Children’s Minister.", False),
        (
            "To whom was the letter addressed?",
            "The letter was addressed to the Director of Children's Services.",
            False,
        ),
        ("Who presented the report?", "The Director of Children's Services presented the report.", False),
        # only a post something was sent or reported to: a named person after "to" may be the one asked about
        (
            "Who said the rise was unsustainable?",
            "The rise was unsustainable, according to Councillor Jane Smith.",
            False,
        ),
        ("Who won the award?", "The foster carer of the year award went to Councillor Sarah Bell.", False),
        # a named person a thing was sent to, or written for, did not do it either
        (
            "Who wrote the letter?",
            "The Director of Children's Services sent the letter to Councillor Jane Smith.",
            True,
        ),
        ("Who prepared the report?", "The report was prepared for Councillor Ann Hill.", True),
        # "to which director": the recipient is asked for
        (
            "To which director did Ofsted write after its visit?",
            "In a letter to Sam Reed, Director of Children's Services, inspectors praised progress.",
            False,
        ),
        (
            "Who presented the fostering annual report?",
            "The Chair handed over to the Head of Fostering, who presented the fostering annual report.",
            False,
        ),
    ],
)
def test_a_person_something_was_sent_to_did_not_do_it(question, sentence, recipient):
    from qa_assistant.answering.entity_candidates import a_recipient

    person = find_people(sentence)[-1]
    assert a_recipient(person, sentence, question) == recipient


@pytest.mark.parametrize(
    "before,said",
    [
        # the question's other words are said, just before, of a named person
        (
            "Her Honour Judge Matthews QC was unable to attend the meeting due to being listed in court. "
            "However, she would attend a future meeting.",
            True,
        ),
        # ... not when the sentence before names only a post, or says none of them
        ("The Chair said the Judge was unable to attend due to being listed in court.", False),
        ("Councillor Ann Hill welcomed everyone.", False),
    ],
)
def test_a_posts_missing_words_said_of_a_named_person_before_it(before, said):
    from qa_assistant.answering.entity_candidates import said_of_another

    sentence = "The Head of Assessment and Family Placement Manager were in attendance to give evidence."
    post = find_people(sentence)[0]
    terms = {"attend", "court", "due", "evid"}
    assert said_of_another(before, sentence, terms, post) == said


def test_the_names_a_question_gives_are_not_words_said_of_someone_else():
    from qa_assistant.answering.entity_candidates import said_of_another

    before = "Councillor Ann Hill welcomed everyone to the Corporate Parenting Board."
    sentence = "The Head of Fostering presented the fostering report."
    post = find_people(sentence)[0]
    terms = {"present", "foster", "report", "corpor", "parent", "board"}
    names = frozenset({"corpor", "parent", "board"})
    assert said_of_another(before, sentence, terms, post)  # without the question's names, another's words
    assert not said_of_another(before, sentence, terms, post, names)


@pytest.mark.parametrize(
    "text,kind,question,written",
    [
        (
            "Children's Provision of Supported Accommodation",
            "name",
            "Which provider won our Children’s Provision of Supported Accommodation contract?",
            True,
        ),
        ("Care Leavers Team", "name", "Which team supports care leavers?", False),
        ("Ofsted", "name", "Did Ofsted visit?", False),  # one word may be the answer's own name
        # a date the question gives (the budget's year) is no date asked for; one within it is not written
        ("2026/27", "date", "On what date was full Council due to consider the 2026/27 budget?", True),
        (
            "18 February 2026",
            "date",
            "On what date was full Council due to consider the 2026/27 budget?",
            False,
        ),
        ("2026", "date", "On what date was full Council due to consider the 2026/27 budget?", False),
    ],
)
def test_a_name_or_date_the_question_writes_is_not_its_answer(text, kind, question, written):
    from qa_assistant.answering.entity_candidates import written_in

    assert written_in(Found(0, len(text), text, kind), question) == written


@pytest.mark.parametrize(
    "question,sentence,offered",
    [
        # a name made only of the question's own words (its head noun among them) is what it asks about
        (
            "Which Lincolnshire Family Assessment Support Team area was the exception to the rise?",
            "The increase had been across all eight Family Assessment Support Teams, with the exception of "
            "North Kesteven.",
            False,
        ),
        (
            "Which board oversees the fostering service?",
            "The fostering service is overseen by the Corporate Parenting Board, chaired by the Executive Member.",
            True,
        ),
    ],
)
def test_a_name_of_only_the_question_own_words_is_no_answer(question, sentence, offered):
    from qa_assistant.answering.entities import EntityAnswerer
    from qa_assistant.answering.entity_asked import Asked
    from qa_assistant.settings import Settings

    r = read(question)
    asked = Asked.of(question, r)
    candidates = EntityAnswerer(None, None, Settings())._candidates(sentence, None, question, r, asked)
    named = [c.text for c in candidates]
    assert (
        any("Family Assessment Support Teams" in n or "Corporate Parenting Board" in n for n in named)
        == offered
    )


@pytest.mark.parametrize(
    "sentence,reference,dates",
    [
        # a day written without its year, in a paper with no date, is answered as written (no year made up)
        (
            "A majority of councillors voted to approve the budget on Friday 8 March.",
            None,
            [("8 March", None)],
        ),
        ("Newham must give Ofsted a written statement by November 14.", None, [("November 14", None)]),
        # ... a paper's date still gives it its year
        (
            "A majority of councillors voted to approve the budget on Friday 8 March.",
            dt.date(2024, 3, 20),
            [("8 March", "8 March 2024")],
        ),
        # ... and a day with its year is read as before
        ("The visit was on 8 March 2022.", None, [("8 March 2022", None)]),
    ],
)
def test_a_day_without_its_year_is_a_date_answer_as_written(sentence, reference, dates):
    assert [(c.text, c.detail) for c in find_dates_in(sentence, reference)] == dates


def test_a_day_without_its_year_answers_no_question_that_gives_a_year():
    found = find_dates_in("Councillors voted to approve the budget on Friday 8 March.", None)
    assert [c.text for c in found] == ["8 March"]
    assert not fits_dates(found[0], read("When in 2019 did councillors approve the budget?"))
    assert fits_dates(found[0], read("When did councillors approve the budget?"))
    # ... a year that names the thing asked about is no period asked
    assert fits_dates(found[0], read("On what day did councillors vote to approve the 2024/2025 budget?"))
    # ... but a year before an event is when it happened
    assert not fits_dates(found[0], read("When did the 2019 Ofsted inspection start?"))


@pytest.mark.parametrize(
    "question,core",
    [
        # a clause after what is asked, saying when, is left out of the second retrieval
        (
            "Who was the council's cabinet member for children's services when Ofsted found its services wanting?",
            "Who was the council's cabinet member for children's services?",
        ),
        ("Who chaired the panel after the inspection was published?", "Who chaired the panel?"),
        # ... not "looked after", nor a question that opens with when, nor one with too little left
        ("Who chairs the looked after children panel?", None),
        ("When did the panel last meet?", None),
        ("Who was it when the board met?", None),
    ],
)
def test_the_question_without_its_when_clause(question, core):
    from qa_assistant.answering.sentences import without_when_clause

    assert without_when_clause(question) == core


@pytest.mark.parametrize(
    "paper_text,said",
    [
        ("Children's social care in the borough was found wanting in all areas by Ofsted.", True),
        # a paper that never speaks of the occasion cannot say who held the post then
        ("Jane Smith, Director of Children's Services, presented the annual report.", False),
    ],
)
def test_a_when_clause_is_said_by_the_paper(paper_text, said):
    from qa_assistant.answering.sentences import clause_terms

    question = (
        "Who was the cabinet member for children's services when Ofsted found its care wanting in all areas?"
    )
    clause = clause_terms(question, "Who was the cabinet member for children's services?")
    assert clause and (clause <= frozenset(measure_terms(paper_text))) is said
