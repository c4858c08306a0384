"""Generate a synthetic archive of children's services committee papers, for benchmarks only.

The papers read like a council's committee archive (scrutiny and board minutes, executive member reports,
agendas, performance scorecards, optionally large text-based PDF agenda packs) but every name, figure and
sentence is made up from the templates below: nothing here is real council text. The archive is made on
demand and never committed. Same arguments, byte-identical files; paper i depends only on (seed, i), so the
papers of a smaller archive are the first papers of a larger one with the same seed. ~10 passages a paper:

    .venv/bin/python scripts/make_archive.py /tmp/archive1k --papers 1000            # ~10,000 passages
    .venv/bin/python scripts/make_archive.py /tmp/archive10k --papers 10000 --pdf-packs 3
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import html
import json
import random
import shutil
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from fpdf import FPDF

COMMITTEES = (
    "Executive",
    "Council",
    "Overview and Scrutiny Board",
    "Children and Young People's Social Care and Services Scrutiny Panel",
    "Children and Young People's Learning Scrutiny Panel",
    "Corporate Parenting Board",
    "Health Scrutiny Panel",
    "Audit Committee",
)
KINDS = (("minutes", 40), ("report", 30), ("agenda", 15), ("scorecard", 15))
SUFFIXES = ((".txt", 80), (".md", 10), (".html", 10))
FIRST_NAMES = (
    "Amira", "Ben", "Carol", "Dev", "Eileen", "Fraser", "Gemma", "Harpreet", "Ian", "Joanne", "Kieran",
    "Leanne", "Mohammed", "Nadia", "Owen", "Paula", "Qasim", "Rachel", "Stuart", "Tanya", "Usman", "Vicky",
    "Wayne", "Yvonne", "Zak", "Denise", "Graham", "Julie", "Lewis", "Shelley", "Callum", "Farah",
)  # fmt: skip
LAST_NAMES = (
    "Atkinson", "Bell", "Chaudhry", "Dobson", "Emmerson", "Fenwick", "Garbutt", "Hussain", "Iqbal",
    "Jobson", "Kerr", "Lowther", "McCabe", "Nicholson", "Oxley", "Pearson", "Quinn", "Robson", "Storey",
    "Thompson", "Umar", "Varley", "Walker", "Young", "Hodgson", "Bainbridge", "Coulson", "Dunn", "Hart",
    "Lynch", "Metcalfe", "Pattison",
)  # fmt: skip
ROLES = (
    "Director of Children's Services",
    "Executive Director of Children's Services",
    "Head of Safeguarding and Quality Assurance",
    "Head of Service for Children Looked After",
    "Head of Finance for People Services",
    "Service Manager for Fostering and Adoption",
    "Principal Social Worker",
    "Head of Performance and Partnerships",
    "Head of Achievement",
    "Strategic Lead for Early Help",
    "Virtual School Headteacher",
)
TEAMS = (
    "Assessment Team", "Children in Care Team", "Leaving Care Team", "Fostering Service", "Front Door team",
    "Early Help Service", "Child Protection Team", "Quality Assurance Unit", "Virtual School",
    "Adoption Service", "Edge of Care team", "Missing and Exploitation team",
)  # fmt: skip
TOPICS = (
    "the Edge of Care service", "the foster carer recruitment campaign", "the Family Hubs programme",
    "the practice model", "the improvement plan", "the reunification project", "the sufficiency strategy",
    "placement commissioning", "the Early Help offer", "the multi-agency safeguarding hub",
    "the local offer for care leavers", "the virtual school", "the workforce strategy",
    "the holiday activities programme", "school attendance", "the regional adoption agency",
)  # fmt: skip
ITEM_TITLES = (
    "Children's Services Performance Update", "Corporate Parenting Annual Report", "Fostering Sufficiency",
    "Budget Monitoring", "Inspection Action Plan - Progress Report", "Care Leavers Local Offer",
    "Missing from Home and Child Exploitation", "Executive Member Update", "Adoption Annual Report",
    "School Attendance and Exclusions", "Early Help Strategy Refresh", "Workforce Development Update",
)  # fmt: skip
TIMES = ("10.00 am", "1.30 pm", "4.30 pm")
VENUES = (
    "Mandela Room, Town Hall",
    "Spencer Room, Town Hall",
    "Council Chamber, Town Hall",
    "Remote meeting",
)
MONTHS = tuple(calendar.month_name)[1:]
QUARTER_WORDS = ("one", "two", "three", "four")
T = TypeVar("T")
POPULATION = 33_600  # children aged 0-17, for rates per 10,000

# (scorecard label, value kind, low, high, phrasings). Placeholders: v (the figure), prev, small, large,
# target, rate, trend, asof ("31 March 2021"), month ("March 2021"), period ("Q2 2020/21"), fy ("2020/21").
FACTS: tuple[tuple[str, str, float, float, tuple[str, ...]], ...] = (
    ("Children looked after", "count", 350, 720, (
        "There were {v} children looked after as at {asof}.",
        "The number of children in our care stood at {v} at the end of {month}.",
        "Children looked after: {v} (rate {rate} per 10,000).",
        "{v} children were in the care of the Council on {asof}.",
        "The looked after population {trend} from {prev} to {v} in the year to {asof}.",
    )),
    ("Child protection plans", "count", 140, 460, (
        "There were {v} children subject to a child protection plan at {asof}.",
        "The number of child protection plans {trend} from {prev} to {v} by the end of {month}.",
        "Child protection plans: {v} (rate {rate} per 10,000) at {asof}.",
        "{v} children were on a child protection plan on {asof}, compared with {prev} a year earlier.",
    )),
    ("Children in need", "count", 900, 2100, (
        "There were {v} children in need at {asof}, a rate of {rate} per 10,000 children.",
        "Children in need, including those on plans and in care: {v} at the end of {month}.",
        "The children in need population was {v} on {asof}.",
    )),
    ("Care leavers supported", "count", 170, 360, (
        "The service was supporting {v} care leavers aged 18 to 25 at {asof}.",
        "Care leavers in touch with the service: {v} ({month}).",
        "{v} young people were receiving support as care leavers at the end of {month}.",
    )),
    ("Approved foster households", "count", 80, 190, (
        "There were {v} approved foster households at {asof}.",
        "The number of approved fostering households {trend} from {prev} to {v} during {fy}.",
        "Approved foster households: {v} at the end of {period}.",
    )),
    ("Adoptions in the year", "count", 12, 60, (
        "{v} children were adopted during {fy}.",
        "Adoption orders granted in {fy}: {v}.",
        "The service achieved {v} adoptions in {fy}, against {prev} the year before.",
    )),
    ("Referrals in the quarter", "count", 700, 1700, (
        "The front door received {v} referrals in {period}.",
        "Referrals to children's social care: {v} in {period} (previous quarter {prev}).",
        "There were {v} referrals to children's social care during {period}.",
    )),
    ("Missing episodes in the quarter", "count", 60, 320, (
        "There were {v} missing episodes reported during {period}, involving {small} children.",
        "Missing from home or care episodes: {v} in {period}.",
        "Police recorded {v} missing episodes for children in {period}.",
    )),
    ("Assessments within 45 days (%)", "pct", 55, 98, (
        "{v}% of assessments were completed within 45 working days in {period}.",
        "Timeliness of assessments stood at {v}% at the end of {month}.",
        "Assessments completed in 45 days: {v}% (target {target}%).",
    )),
    ("Care leavers in education, employment or training (%)", "pct", 35, 70, (
        "{v}% of care leavers aged 19 to 21 were in education, employment or training at {asof}.",
        "Care leavers in education, employment or training: {v}% in {period}.",
        "The proportion of care leavers not in education, employment or training fell to {v}% by {month}.",
    )),
    ("Re-referrals within 12 months (%)", "pct", 12, 35, (
        "The re-referral rate within 12 months was {v}% in {period}.",
        "Re-referrals: {v}% against a target of {target}% ({fy}).",
        "{v}% of referrals in {period} were for children referred in the previous year.",
    )),
    ("Long-term placement stability (%)", "pct", 55, 80, (
        "{v}% of children looked after had been in the same placement for at least two years at {asof}.",
        "Long-term placement stability was {v}% in {fy}, compared with {prev}% the year before.",
    )),
    ("Children's services budget (£m)", "money", 30, 75, (
        "The children's services budget for {fy} is £{v}m.",
        "A net budget of £{v}m was set for children's care in {fy}.",
    )),
    ("Forecast overspend (£m)", "money", 0.5, 12, (
        "The service was forecasting an overspend of £{v}m at the end of {period}.",
        "The projected outturn shows a pressure of £{v}m on children's care for {fy}.",
        "Savings of £{v}m were delivered in {fy} against a target of £{large}m.",
    )),
    ("Average weekly placement cost (£)", "weekly", 800, 9500, (
        "The average external residential placement costs £{v} per week.",
        "An in-house foster placement costs around £{small} per week, against £{v} per week for an agency one.",
        "Weekly placement costs ranged up to £{large} per week in {period}, with an average of £{v}.",
    )),
    ("Average weeks in care proceedings", "weeks", 26, 60, (
        "Care proceedings took an average of {v} weeks in {period}, against the 26-week expectation.",
        "The average duration of care proceedings was {v} weeks at {asof}, down from {prev} weeks.",
        "Average weeks to complete care proceedings: {v} ({fy}).",
    )),
)  # fmt: skip
VALUE_FORMATS = {
    "count": lambda x: f"{round(x):,}",
    "pct": lambda x: f"{min(x, 99.9):.1f}",
    "money": lambda x: f"{x:.1f}",
    "weekly": lambda x: f"{round(x / 10) * 10:,}",
    "weeks": lambda x: f"{round(x)}",
}
PROSE = (
    "{name}, {role}, introduced the report and outlined the main areas of progress since the last meeting.",
    "Members were reminded that the improvement plan had been agreed following the most recent inspection.",
    "The Chair thanked officers for the detailed presentation and asked that thanks be passed to frontline staff.",
    "It was noted that the service continued to rely on agency social workers, although the number had reduced.",
    "Officers advised that a further update on {topic} would be brought to a future meeting of {body}.",
    "{cllr} commented that the partnership with schools and health colleagues was vital to {topic}.",
    "{body} discussed the difficulty of finding local placements for teenagers with complex needs.",
    "Members welcomed the progress made but expressed concern about the pace of change in some areas.",
    "Audits of case files were carried out monthly and the findings were shared with team managers.",
    "The {team} had been restructured so that families saw fewer changes of worker.",
    "{name} confirmed that the revised thresholds document had been sent to every partner agency.",
    "The report set out the work of {topic} and the difference it had made for children and families.",
    "Caseloads in the {team} had reduced, which allowed social workers to spend more time with children.",
    "It was highlighted that young people had helped to design the new information leaflets.",
    "The service had been working with neighbouring authorities to commission placements jointly.",
    "A practice week had been held in which senior leaders observed visits and supervision sessions.",
    "Officers emphasised that the figures should be read alongside the quality of practice seen in audits.",
    "The Executive Member explained that the demand pressures were being felt by councils across the region.",
    "Training on the practice model had been completed by most social workers and their managers.",
    "Members asked that future reports show trends over a longer period so that progress could be judged.",
    "The {team} was now fully staffed with permanent workers for the first time in several years.",
    "{cllr} asked that members be invited to the next celebration event for children in care.",
    "The views of the Children in Care Council had shaped the priorities set out in the plan.",
    "{name} reported that a new manager had been appointed to lead the {team}.",
    "It was acknowledged that recording had improved, although the quality of plans remained variable.",
    "Partners from health and the police had attended the development session held in {month}.",
    "{body} noted that the work on {topic} had been recognised by the regional improvement partner.",
    "A number of children had moved from residential homes to foster families closer to home.",
    "The Chair asked officers to provide a short glossary of terms for new members of {body}.",
    "Family group conferences were now offered to every family before a child came into care.",
    "The service was reviewing its use of unregistered provision and had reduced it significantly.",
    "{cllr} praised the commitment of foster carers, many of whom had cared for children for many years.",
    "Members were advised that the findings of the peer review would be shared once the report was final.",
    "The {team} had introduced weekly case discussions to make decisions more quickly.",
    "Officers agreed to provide a breakdown of the information by age group and locality.",
)
QUESTIONS = (  # (what a member asked, what the officer explained)
    ("whether there were enough foster carers for teenagers",
     "recruitment now focused on older children and sibling groups"),
    ("how children's views were recorded in their plans",
     "every child over five was invited to contribute to their review"),
    ("what was being done to reduce the use of agency staff",
     "a market supplement and a training academy had been introduced"),
    ("why so many children were placed outside the town",
     "there were not yet enough local homes for children with complex needs"),
    ("how the Council knew that early help was working",
     "families were surveyed when their plan closed and most felt better supported"),
    ("whether care leavers were given help with council tax",
     "care leavers living in the town were exempt until the age of 25"),
    ("how schools were involved in child protection conferences",
     "designated safeguarding leads were invited to every conference"),
    ("what the main reasons were for children going missing",
     "most episodes involved a small number of older children"),
    ("how long children waited for a mental health assessment",
     "waiting times had reduced since a dedicated worker joined the team"),
    ("whether the savings target for placements was realistic",
     "the target depended on recruiting more in-house foster carers"),
    ("how many social workers had left in the last year",
     "turnover had fallen and exit interviews were reviewed every quarter"),
    ("what support was offered to children returning home from care",
     "each family had a named worker for at least six months"),
    ("how the Council compared with its statistical neighbours",
     "the rate of children in care remained higher than the regional average"),
    ("whether ward councillors could be told about new children's homes",
     "members would be briefed before any new home opened in their ward"),
)  # fmt: skip
AGREED = (
    "AGREED that the information provided be noted.",
    "AGREED that the report be noted and a further update be provided in {month}.",
    "ORDERED that the information presented be noted.",
    "AGREED that the recommendations set out in the report be approved.",
    "AGREED that {body}'s comments be forwarded to the Executive Member for consideration.",
    "RESOLVED that the proposed changes to {topic} be endorsed, subject to the comments made by members.",
)
APOLOGIES = (
    "There were no apologies for absence.",
    "Apologies for absence were submitted on behalf of {absent}.",
    "Apologies for absence were received from {absent}, who was attending another meeting.",
)
DECLARATIONS = (
    "There were no declarations of interest at this point in the meeting.",
    "{cllr} declared a non-pecuniary interest in the item on fostering as a foster carer.",
    "{cllr} declared a non-pecuniary interest as a school governor.",
)
RECOMMENDS = (
    "That {body} notes the content of this report.",
    "That {body} notes the progress made and receives a further report in {month}.",
    "That {body} approves the revised approach to {topic} set out in this report.",
    "That {body} endorses the action plan and asks the {team} to report back on its delivery.",
)
ACTIONS = (
    "ACTION: {name} to circulate the breakdown of the figures by ward before the next meeting.",
    "ACTION: officers to arrange a visit for members to the {team}.",
    "ACTION: a briefing note on {topic} to be sent to all members of {body}.",
)


@dataclass
class Paper:
    """One paper being written: its random source, meeting and cast."""

    rng: random.Random
    committee: str
    meeting: dt.date
    chair: str
    members: list[str]
    officers: list[tuple[str, str]]
    used: set[object] = field(default_factory=set)  # templates already used, not repeated until all are
    levels: dict[str, float] = field(default_factory=dict)  # each measure's level in this paper

    def pick(self, templates: tuple[T, ...]) -> T:
        """A template not yet used in this paper (any, once all have been)."""
        fresh = [t for t in templates if t not in self.used]
        choice = self.rng.choice(fresh or templates)
        self.used.add(choice)
        return choice

    @property
    def body(self) -> str:
        """How the text names the meeting: "the Panel", "the Executive"."""
        last = self.committee.split()[-1]
        return f"the {last}" if last in ("Panel", "Board", "Committee") else f"the {self.committee}"


Block = tuple[str, str]  # ("title" | "h" | "p" | "lines" | "table", text); table rows are "a | b | c" lines


def words_in(blocks: list[Block]) -> int:
    return sum(len(text.split()) for _, text in blocks)


def long_date(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def fin_year(d: dt.date) -> str:
    start = d.year if d.month >= 4 else d.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def new_paper(rng: random.Random, committee: str | None = None) -> Paper:
    """A meeting between 2014 and 2026 with a chair, members and officers drawn from the name lists."""
    meeting = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(13 * 365))
    if meeting.weekday() >= 5:  # committees meet on weekdays: move to the Monday
        meeting += dt.timedelta(days=7 - meeting.weekday())
    people = [f"{a} {b}" for a, b in zip(rng.sample(FIRST_NAMES, 12), rng.sample(LAST_NAMES, 12))]
    roles = rng.sample(ROLES, 4)
    return Paper(
        rng=rng,
        committee=committee or rng.choice(COMMITTEES),
        meeting=meeting,
        chair=people[0],
        members=people[1 : rng.randint(5, 9)],
        officers=[(people[9 + i], roles[i]) for i in range(3)],
    )


def fact(p: Paper) -> str:
    """One figure sentence: a measure, a value and an as-of date 1-14 months before the meeting."""
    rng = p.rng
    label, kind, low, high, phrasings = rng.choice(FACTS)
    fmt = VALUE_FORMATS[kind]
    level = p.levels.setdefault(label, rng.uniform(low, high))  # figures in one paper stay plausible
    x = level * rng.uniform(0.92, 1.08)
    prev = x * rng.choice((rng.uniform(0.82, 0.96), rng.uniform(1.04, 1.18)))
    months = p.meeting.year * 12 + p.meeting.month - 1 - rng.randint(1, 14)
    year, month = divmod(months, 12)
    asof = dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])
    quarter = (asof.month - 4) % 12 // 3
    fy = fin_year(asof)
    period = rng.choice((f"Q{quarter + 1} {fy}", f"quarter {QUARTER_WORDS[quarter]} of {fy}"))
    return p.pick(phrasings).format(
        v=fmt(x),
        prev=fmt(prev),
        small=fmt(x * rng.uniform(0.3, 0.6)),
        large=fmt(x * rng.uniform(1.2, 1.9)),
        target=f"{round(x * rng.uniform(0.9, 1.1))}",
        rate=f"{x * 10_000 / POPULATION:.1f}",
        trend="rose" if x > prev else "fell",
        asof=long_date(asof),
        month=f"{MONTHS[asof.month - 1]} {asof.year}",
        period=period,
        fy=fy,
    )


def prose(p: Paper, templates: tuple[str, ...] = PROSE) -> str:
    """One non-figure sentence from the templates, with names, teams and topics filled in."""
    rng = p.rng
    name, role = rng.choice(p.officers)
    month = MONTHS[(p.meeting.month + rng.randint(1, 5)) % 12]
    sentence = p.pick(templates).format(
        name=name, role=role, cllr=f"Councillor {rng.choice(p.members)}", topic=rng.choice(TOPICS),
        team=rng.choice(TEAMS), body=p.body, month=month, absent=f"Councillor {rng.choice(LAST_NAMES)}",
    )  # fmt: skip
    return sentence[0].upper() + sentence[1:]


def question(p: Paper) -> str:
    asked, answer = p.pick(QUESTIONS)
    name, role = p.rng.choice(p.officers)
    return f"Councillor {p.rng.choice(p.members)} asked {asked}. {name}, {role}, explained that {answer}."


def paragraph(p: Paper, lead: str = "", tail: str = "", figures: float = 0.45) -> str:
    """A paragraph of 130-160 words (one passage, with room for a heading) mixing figures, prose and
    members' questions, between an optional opening and closing sentence."""
    rng = p.rng
    target = rng.randint(142, 156)
    sentences = [lead] if lead else []
    count = len(lead.split()) + len(tail.split())
    while count < target:
        roll = rng.random()
        sentence = fact(p) if roll < figures else question(p) if roll < figures + 0.12 else prose(p)
        n = len(sentence.split())
        if count + n > 160:
            break
        sentences.append(sentence)
        count += n
    return " ".join([*sentences, tail] if tail else sentences)


def minutes(p: Paper, target: int) -> list[Block]:
    """Minutes: who came, apologies, declarations, then agenda items of discussion ending in a decision."""
    rng = p.rng
    when = f"A meeting of the {p.committee} was held on {long_date(p.meeting)}.\nVenue: {rng.choice(VENUES)}"
    officers = ", ".join(f"{name} ({role})" for name, role in p.officers)
    present = (
        f"PRESENT: Councillor {p.chair} (Chair), Councillors {', '.join(p.members)}\nOFFICERS: {officers}"
    )
    blocks: list[Block] = [
        ("title", f"{p.committee} - Minutes - {long_date(p.meeting)}"),
        ("lines", when),
        ("lines", present),
        ("h", "APOLOGIES FOR ABSENCE"),
        ("p", prose(p, APOLOGIES)),
        ("h", "DECLARATIONS OF INTEREST"),
        ("p", prose(p, DECLARATIONS)),
    ]
    item = 3
    while words_in(blocks) < target:
        blocks.append(("h", f"{item}. {rng.choice(ITEM_TITLES).upper()}"))
        blocks += [("p", paragraph(p)) for _ in range(rng.randint(0, 2))]
        closing = [prose(p, AGREED)] + ([prose(p, ACTIONS)] if rng.random() < 0.4 else [])
        blocks.append(("p", paragraph(p, tail=" ".join(closing))))
        item += 1
    return blocks


def report(p: Paper, target: int) -> list[Block]:
    """An officer's or executive member's report: purpose, sections of narrative and figures, recommendations."""
    rng = p.rng
    name, role = p.officers[0]
    purpose = f"To update {p.body} on {rng.choice(TOPICS)} and on children's services performance."
    header = (
        f"MIDDLESBROUGH COUNCIL\nReport of: {role}\nSubmitted to: {p.committee}\n"
        f"Date: {long_date(p.meeting)}\nReport for: {rng.choice(('Decision', 'Information'))}"
    )
    blocks: list[Block] = [
        ("title", rng.choice(ITEM_TITLES)),
        ("lines", header),
        ("h", "PURPOSE OF THE REPORT"),
        ("p", paragraph(p, purpose)),
    ]
    sections = ["BACKGROUND", "PERFORMANCE", "FINANCIAL IMPLICATIONS", "WHAT WE HAVE LEARNED", "NEXT STEPS"]
    while words_in(blocks) < target - 60:
        blocks.append(("h", sections.pop(0) if sections else rng.choice(ITEM_TITLES).upper()))
        blocks += [("p", paragraph(p)) for _ in range(rng.randint(1, 2))]
    blocks += [
        ("h", "RECOMMENDATIONS"),
        ("p", prose(p, RECOMMENDS)),
        ("lines", f"Contact: {name}, {role}\nBackground papers: none"),
    ]
    return blocks


def agenda_front(p: Paper) -> list[Block]:
    """An agenda's first page: when and where, and the items."""
    rng = p.rng
    items = ["Welcome and fire evacuation procedure", "Apologies for absence", "Declarations of interest"]
    items += rng.sample(ITEM_TITLES, 4) + ["Any other urgent items"]
    when = f"Date: {long_date(p.meeting)}\nTime: {rng.choice(TIMES)}\nVenue: {rng.choice(VENUES)}"
    return [
        ("title", f"{p.committee} - Agenda - {long_date(p.meeting)}"),
        ("lines", when),
        ("h", "AGENDA"),
        ("lines", "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))),
        (
            "p",
            "Members of the public may attend this meeting. Reports are published on the Council's website.",
        ),
    ]


def agenda(p: Paper, target: int) -> list[Block]:
    blocks = agenda_front(p)
    title, *rest = report(p, target - words_in(blocks))
    return [*blocks, ("h", title[1]), *rest]


def scorecard(p: Paper, target: int) -> list[Block]:
    rng = p.rng
    reported = p.meeting - dt.timedelta(days=rng.randint(30, 100))  # the quarter before the meeting
    quarter = (reported.month - 4) % 12 // 3 + 1
    rows = ["Indicator | Target | Actual | Previous | RAG"]
    for label, kind, low, high, _ in rng.sample(FACTS, 10):
        actual = p.levels.setdefault(label, rng.uniform(low, high))  # the commentary's figures agree
        aim, previous = (actual * rng.uniform(0.85, 1.15) for _ in range(2))
        fmt, rag = VALUE_FORMATS[kind], rng.choice(("Green", "Amber", "Red"))
        rows.append(f"{label} | {fmt(aim)} | {fmt(actual)} | {fmt(previous)} | {rag}")
    blocks: list[Block] = [
        ("title", f"Children's Services Performance Scorecard - Q{quarter} {fin_year(reported)}"),
        (
            "p",
            paragraph(p, f"This scorecard is presented to {p.body} on {long_date(p.meeting)}.", figures=0.2),
        ),
        ("table", "\n".join(rows)),
        ("h", "COMMENTARY ON EXCEPTIONS"),
    ]
    while words_in(blocks) < target:
        blocks.append(("p", paragraph(p, figures=0.6)))
    return blocks


WRITERS = {"minutes": minutes, "report": report, "agenda": agenda, "scorecard": scorecard}


def render(blocks: list[Block], suffix: str) -> str:
    """The paper as plain text, Markdown or a simple committee-system page."""
    if suffix == ".html":
        return render_html(blocks)
    parts = []
    for kind, text in blocks:
        if suffix == ".md" and kind in ("title", "h"):
            text = ("# " if kind == "title" else "## ") + text
        elif suffix == ".md" and kind == "table":
            rows = [f"| {row} |" for row in text.split("\n")]
            text = "\n".join([rows[0], "|" + "---|" * (rows[0].count("|") - 1), *rows[1:]])
        parts.append(text)
    return "\n\n".join(parts) + "\n"


def render_html(blocks: list[Block]) -> str:
    title = html.escape(blocks[0][1])
    body = []
    for kind, text in blocks:
        esc = html.escape(text)
        if kind in ("title", "h"):
            body.append(f"<h1>{esc}</h1>" if kind == "title" else f"<h2>{esc}</h2>")
        elif kind == "table":
            cells = [row.split(" | ") for row in esc.split("\n")]
            trs = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in cells)
            body.append(f"<table>{trs}</table>")
        else:
            body.append("<p>" + esc.replace("\n", "<br>") + "</p>")
    head = f'<head><meta charset="utf-8"><title>{title}</title></head>'
    return f"<!DOCTYPE html>\n<html>{head}<body><main>\n" + "\n".join(body) + "\n</main></body></html>\n"


def weighted(rng: random.Random, choices: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def make_paper(seed: int, index: int) -> tuple[str, str, dict, int]:
    """(file name, file text, manifest entry, words) of paper `index`, from (seed, index) alone."""
    rng = random.Random(f"{seed}:paper:{index}")
    kind, suffix = weighted(rng, KINDS), weighted(rng, SUFFIXES)
    p = new_paper(rng, "Corporate Parenting Board" if kind == "minutes" and rng.random() < 0.2 else None)
    blocks = WRITERS[kind](p, rng.randint(1300, 1500))
    name = f"p{index:05d}{suffix}"
    missing = rng.random() < 0.03
    entry = {
        "file": name,
        "title": f"{blocks[0][1]} - {p.committee}" if kind == "report" else blocks[0][1],
        "committee": p.committee,
        "meeting_date": None if missing else p.meeting.isoformat(),
        "kind": kind,
        "source_url": None,
        "date_note": "the committee system gives no meeting date for this paper" if missing else None,
    }
    return name, render(blocks, suffix), entry, words_in(blocks)


LINE_MM, TOP_MM, LINES_PER_PAGE, WRAP_CHARS = 5.5, 15.0, 48, 88


def pdf_page(pdf: FPDF, lines: list[str]) -> None:
    pdf.add_page()
    for i, line in enumerate(lines):
        if line:
            pdf.text(x=12, y=TOP_MM + i * LINE_MM, text=line)


def wrap(blocks: list[Block]) -> list[str]:
    lines: list[str] = []
    for _, text in blocks:
        for row in text.split("\n"):
            lines += textwrap.wrap(row, WRAP_CHARS) or [""]
        lines.append("")
    return lines


def make_pack(seed: int, index: int, pages: int) -> tuple[bytes, dict, int]:
    """A text-based PDF agenda pack: a cover page, then agenda items of 1-3 pages each."""
    from fpdf import FPDF

    rng = random.Random(f"{seed}:pack:{index}")
    p = new_paper(rng)
    title = f"{p.committee} - Agenda Pack - {long_date(p.meeting)}"
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    pdf.set_title(title)
    pdf.set_font("Helvetica", size=11)
    cover = agenda_front(p)
    pdf_page(pdf, wrap(cover))
    words = words_in(cover)
    item = 1
    while pdf.page_no() < pages:
        span = min(rng.randint(1, 3), pages - pdf.page_no())
        writer = WRITERS[rng.choice(("report", "minutes", "scorecard"))]
        lines = wrap([("h", f"AGENDA ITEM {item}"), *writer(p, span * 560)])
        if len(lines) > span * LINES_PER_PAGE:  # end the item at the last paragraph that fits
            lines = lines[: span * LINES_PER_PAGE]
            lines = lines[: max(i for i, line in enumerate(lines) if not line)]
        words += sum(len(line.split()) for line in lines)
        for start in range(0, span * LINES_PER_PAGE, LINES_PER_PAGE):
            pdf_page(pdf, lines[start : start + LINES_PER_PAGE] or ["(This page is intentionally blank.)"])
        item += 1
    entry = {
        "file": f"pack{index:03d}.pdf",
        "title": title,
        "committee": p.committee,
        "meeting_date": p.meeting.isoformat(),
        "kind": "agenda",
        "source_url": None,
        "date_note": None,
    }
    return bytes(pdf.output()), entry, words


def prepare(out: Path, force: bool, parser: argparse.ArgumentParser) -> None:
    if out.exists() and not out.is_dir():
        parser.error(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        if not force:
            parser.error(f"{out} exists and is not empty; choose a new folder or pass --force to clear it")
        for child in out.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    out.mkdir(parents=True, exist_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the papers and manifest.json into")
    parser.add_argument(
        "--papers", type=int, default=1000, help="text/Markdown/HTML papers (~10 passages each)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pdf-packs", type=int, default=0, help="large PDF agenda packs to add")
    parser.add_argument("--pdf-pages", type=int, default=120, help="pages in each PDF pack")
    parser.add_argument("--force", action="store_true", help="clear OUT_DIR first if it is not empty")
    args = parser.parse_args(argv)
    if args.papers < 0 or args.pdf_packs < 0 or args.pdf_pages < 2:
        parser.error("--papers and --pdf-packs must be >= 0 and --pdf-pages >= 2")
    started = time.perf_counter()
    prepare(args.out_dir, args.force, parser)
    entries, total = [], 0
    for i in range(1, args.papers + 1):
        name, text, entry, words = make_paper(args.seed, i)
        (args.out_dir / name).write_text(text, encoding="utf-8", newline="\n")
        entries.append(entry)
        total += words
    for k in range(1, args.pdf_packs + 1):
        data, entry, words = make_pack(args.seed, k, args.pdf_pages)
        (args.out_dir / entry["file"]).write_bytes(data)
        entries.append(entry)
        total += words
    about = (
        f"Synthetic generated archive for benchmarks (scripts/make_archive.py, seed {args.seed}); "
        "not real council papers: every name, figure and sentence is made up."
    )
    manifest = json.dumps({"about": about, "documents": entries}, indent=1, ensure_ascii=False)
    (args.out_dir / "manifest.json").write_text(manifest + "\n", encoding="utf-8", newline="\n")
    print(
        f"wrote {args.papers:,} papers and {args.pdf_packs} PDF packs of {args.pdf_pages} pages to "
        f"{args.out_dir}: {total:,} words, ~{total // 165:,} passages (words/165), "
        f"{time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
