"""Source of evals/qa.jsonl: hand-written QA pairs, phrased as councillors and officers ask.

Run `python evals/build_qa.py` after editing; qa.jsonl is what the runner reads.
A=000 OSB Oct 2025 minutes, B=001 scrutiny panel pack Feb 2021, C=002 Council Jan 2019, D=003 YMTU undated,
E=004 Council Nov 2025.
"""

import json
from pathlib import Path

A, B, C, D, E = "000", "001", "002", "003", "004"
N, T, TL, NF = "number", "text", "timeline", "not_found"
LAC = "How many children were looked after in December 2018?"
cases = [
    # --- numbers: looked-after children and rates
    (N, LAC, "500", "2018-12-21", C, None),
    (
        N,
        "What was the number of looked after children just before Christmas 2018?",
        "500",
        "2018-12-21",
        C,
        None,
    ),
    (N, "What was the LAC rate per 10,000 in December 2018?", "154.3 per 10,000", "2018-12-21", C, None),
    (N, "How many kids were in the council's care in July 2020?", "702", "2020-07-15", B, None),
    (N, "How many children were looked after at the end of October 2020?", "629", "2020-10-31", B, None),
    (
        N,
        "What was the looked-after figure reported to the Board in January 2025?",
        "504",
        "2025-01-15",
        A,
        None,
    ),
    (N, "How many children did Middlesbrough look after in October 2025?", "494", "2025-10-22", A, None),
    (N, "How many children were in our care in November 2025?", "509", "2025-11-26", E, None),
    (N, "How many children are in care now?", "509", "2025-11-26", E, None),
    (N, "What is the latest number of cared for children?", "514", "2025-11-26", E, None),
    # --- child protection / children in need
    (N, "How many children were on child protection plans in December 2018?", "226", "2018-12-21", C, None),
    (
        N,
        "What was the child protection rate per 10,000 at 21 December 2018?",
        "69.8 per 10,000",
        "2018-12-21",
        C,
        None,
    ),
    (
        N,
        "How many children were subject to child protection plans in October 2025?",
        "350",
        "2025-10-22",
        A,
        None,
    ),
    (N, "How many children in need were there in December 2018?", "1022", "2018-12-21", C, None),
    (N, "What was the CIN rate per 10,000 in December 2018?", "315.5 per 10,000", "2018-12-21", C, None),
    (N, "How many children had child in need plans in October 2025?", "418", "2025-10-22", A, None),
    (N, "What population estimate is the rate per 10,000 based on?", "32,396", None, C, None),
    # --- early help
    (N, "How many families were accessing Early Help in October 2025?", "658", "2025-10-22", A, None),
    (N, "How many children access early help through the council?", "545", "2025-11-26", E, None),
    (N, "How many children opened to early help in September 2025?", "95", "2025-09-15", E, None),
    (N, "How many early help cases closed in September 2025?", "136", "2025-09-15", E, None),
    (N, "What percentage of closed early help cases had positive outcomes?", "90%", None, E, None),
    (N, "What share of early help cases is held by partners?", "67%", None, E, None),
    (
        N,
        "How many children were getting early help support from partner services in September 2025?",
        "1121",
        "2025-09-15",
        E,
        None,
    ),
    (
        N,
        "How many child and family assessments were being completed in October 2025?",
        "297",
        "2025-10-22",
        A,
        None,
    ),
    # --- fostering
    (
        N,
        "How many approved foster care households were there in quarter two 2020/21?",
        "156",
        "2020-08-15",
        B,
        None,
    ),
    (N, "How many fostering households did we have in Q1 2020/21?", "149", "2020-05-15", B, None),
    (N, "What was the foster carer figure in the 2019/20 annual return?", "141", "2019-06-01", B, None),
    (N, "How many foster placements were there in quarter two of 2020/21?", "263", "2020-08-15", B, None),
    (N, "How many fostering placements did the 2019/20 annual return show?", "261", "2019-06-01", B, None),
    (N, "How many foster placements were there in Q1 2020/21?", "243", "2020-05-15", B, None),
    (N, "How many foster carers does Middlesbrough have now?", "71", "2025-11-26", E, None),
    (N, "How many connected carers does the council have now?", "26", "2025-11-26", E, None),
    (N, "How many short term foster carers were there in Q2 2020/21?", "89", "2020-08-15", B, None),
    (N, "How many long term foster carers were there in quarter two 2020/21?", "17", "2020-08-15", B, None),
    (N, "How many respite carers were there in Q2 2020/21?", "11", "2020-08-15", B, None),
    (N, "How many foster carers were approved in 2019/20?", "41", "2019-06-01", B, None),
    (N, "How many new foster carers were approved in quarter one 2020/21?", "10", "2020-05-15", B, None),
    (N, "How many foster carers were approved in quarter two of 2020/21?", "12", "2020-08-15", B, None),
    (N, "How many foster carers were de-registered in 2019/20?", "24", "2019-06-01", B, None),
    (N, "How many initial fostering enquiries were there in 2019/20?", "123", "2019-06-01", B, None),
    (N, "How many initial fostering enquiries came in during Q2 2020/21?", "19", "2020-08-15", B, None),
    (
        N,
        "How many children were placed with in-house foster carers in 2019/20?",
        "163",
        "2019-06-01",
        B,
        None,
    ),
    (
        N,
        "How many children were placed with in-house carers in quarter two 2020/21?",
        "174",
        "2020-08-15",
        B,
        None,
    ),
    (N, "How many vacant foster places were there at quarter two 2020/21?", "15", "2020-08-15", B, None),
    (
        N,
        "How many foster carers were taking a break or pending resignation in Q2 2020/21?",
        "18",
        "2020-08-15",
        B,
        None,
    ),
    (N, "How many looked-after children were in foster care in October 2025?", "97", "2025-10-22", A, None),
    (
        N,
        "How many looked after children lived with connected carers in October 2025?",
        "112",
        "2025-10-22",
        A,
        None,
    ),
    # --- outcomes, money, other
    (N, "How many Middlesbrough children were adopted in the last year?", "Twenty one", None, A, None),
    (N, "What proportion of care proceedings were completed within 26 weeks?", "93%", None, A, None),
    (N, "What percentage of agency staff converted to permanent posts?", "33%", None, A, None),
    (N, "How many care orders were discharged by the Family Reunification Project?", "16", None, A, None),
    (N, "How much did the Family Reunification Project save in care costs?", "£463,000", None, A, None),
    (N, "What is the Council's overall budget for 2025-2026?", "£143.3 million", "2025-10-01", A, None),
    (N, "How much of the budget goes to Children's Services?", "£56 million", "2025-10-01", A, None),
    (
        N,
        "What percentage of the council budget is allocated to Children's Services?",
        "39%",
        "2025-10-01",
        A,
        None,
    ),
    (N, "How big is the forecast overspend in Children's Services?", "£8 million", None, A, None),
    (
        N,
        "By how much has the Children's Services budget increased since 2022-23?",
        "£20 million",
        None,
        A,
        None,
    ),
    (N, "How has the LAC rate per 10,000 changed over time?", "154.3 per 10,000", "2018-12-21", C, None),
    (N, "Above what weekly cost must a placement be agreed by a director?", "£7k per week", None, A, None),
    (N, "How much does an IFA foster placement cost per week?", "£800 per week", None, B, None),
    (
        N,
        "How much does an external residential placement cost each week?",
        "£5,000 - £8,000 per week",
        None,
        B,
        None,
    ),
    (N, "How many children were in expensive external residential provision?", "74", None, B, None),
    (N, "How many additional laptops did Middlesbrough schools need?", "700", None, B, None),
    (N, "What percentage of children in our care attend school?", "86.5%", None, E, None),
    (N, "What is school attendance for primary-aged children in care?", "94.3%", None, E, None),
    (N, "What is school attendance for secondary-aged children in our care?", "78.5%", None, E, None),
    (
        N,
        "What proportion of young people were seen by the Youth Offending Service within timescales?",
        "94%",
        None,
        C,
        None,
    ),
    (N, "How much did Troubled Families secure to reduce parental conflict?", "£45,000", None, C, None),
    (N, "How many missing from home reports do police receive each month?", "300", None, D, None),
    (N, "How many young people are in external placements?", "72-77", None, D, None),
    (N, "How many children were being assessed to return to their families?", "31", None, D, None),
    # --- general / text
    (T, "What did the panel hear about foster carer recruitment?", "recruitment", B, None),
    (T, "What is Alfie's Story?", "Alfie", C, None),
    (T, "What does the Edge of Care Service do?", "verge of formal care proceedings", A, None),
    (T, "What is a connected carer?", "family and friends", A, None),
    (T, "What is the difference between staying put and supported lodgings?", "Staying Put", B, None),
    (
        T,
        "What did the Commissioner conclude about alternative delivery mechanisms?",
        "alternative delivery mechanisms",
        B,
        None,
    ),
    (T, "Why are residential placements so expensive?", "residential", A, None),
    (T, "What is the Multi-Agency Children's Hub working on?", "MACH", E, None),
    (T, "What happened at Social Work Practice Week?", "Practice Week", C, None),
    (T, "What is Mind of My Own?", "MOMO", C, None),
    (T, "What is the Pathways team?", "Pathways", E, None),
    (T, "What did the Care Ambassador ask about the new children's homes?", "feedback boxes", D, None),
    (T, "What is the Signs of Safety approach?", "Signs of Safety", C, None),
    (T, "What did young people film for Care Leavers Month?", "Dreams", E, None),
    (
        T,
        "How does the council keep vulnerable children safe when they are not in school during Covid?",
        "vulnerable",
        B,
        None,
    ),
    (
        T,
        "What are the priorities of the Corporate Parenting Strategy?",
        "Prevention and Edge of Care",
        B,
        None,
    ),
    (T, "What is the Harm Outside the Home Team?", "Harm Outside the Home", A, None),
    (T, "What assurance arrangements did the Executive Member describe?", "Performance meetings", A, None),
    (T, "What suggestion was made about Council Tax for foster carers?", "Council Tax", A, None),
    (T, "What is the kinship team?", "kinship", E, None),
    # --- not found
    (NF, "How many children were looked after in March 2023?", None, None, None, None),
    (NF, "How many children were on child protection plans in 2021?", None, None, None, None),
    (NF, "What is the council's policy on potholes?", None, None, None, None),
    (NF, "How many libraries closed in 2019?", None, None, None, None),
    (NF, "How many foster carers were there in 2015?", None, None, None, None),
    (NF, "What was the looked-after figure in 2012?", None, None, None, None),
    (NF, "How many families accessed early help in 2019?", None, None, None, None),
    (NF, "What is the mayor's salary?", None, None, None, None),
    (NF, "When is the next bin collection in Acklam?", None, None, None, None),
    (NF, "How many children in need were there in 2024?", None, None, None, None),
    (NF, "What did the planning committee decide about the Stainton housing estate?", None, None, None, None),
    (NF, "How many parking fines were issued last year?", None, None, None, None),
    (NF, "What is the weather forecast for Middlesbrough?", None, None, None, None),
    (NF, "How many teachers work in Middlesbrough schools?", None, None, None, None),
    (NF, "How many foster carers were approved in 2023/24?", None, None, None, None),
    (NF, "What was the children's services overspend in 2019?", None, None, None, None),
]
timelines = [
    (
        "How has the number of looked after children changed over time?",
        ["500", "702", "629", "504", "494", "509"],
    ),
    ("Show me the trend in children in our care", ["500", "702", "629", "504", "494"]),
    ("How have child protection plan numbers changed?", ["226", "350"]),
    ("How has the number of children in need changed since 2018?", ["1022", "418"]),
    ("How has the number of foster carers changed over the years?", ["141", "149", "156", "71"]),
    ("How have fostering placements changed over time?", ["261", "243", "263"]),
    ("How have foster carer approvals changed over time?", ["41", "10", "12"]),
    ("How has the number of fostering enquiries changed?", ["123", "19"]),
    ("How has the number of children placed with in-house foster carers changed?", ["163", "145", "174"]),
    ("How has the number of children on child protection plans changed since 2018?", ["226", "350"]),
]
followups = [
    ([LAC], "and in July 2020?", "702", "2020-07-15", B),
    ([LAC], "what about child protection plans?", "226", "2018-12-21", C),
    ([LAC], "and children in need?", "1022", "2018-12-21", C),
    (
        ["How many children were looked after in July 2020?"],
        "And at the end of October 2020?",
        "629",
        "2020-10-31",
        B,
    ),
    (
        ["How many approved foster households were there in quarter two 2020/21?"],
        "and in quarter one?",
        "149",
        "2020-05-15",
        B,
    ),
    (
        ["How many foster carers were approved in 2019/20?"],
        "and during quarter two 2020/21?",
        "12",
        "2020-08-15",
        B,
    ),
    (
        ["How many families were accessing Early Help in October 2025?"],
        "what about child protection plans?",
        "350",
        "2025-10-22",
        A,
    ),
    (["How many children are in care now?"], "and in December 2018?", "500", "2018-12-21", C),
    (
        ["How many children were on child protection plans in December 2018?"],
        "and now?",
        "350",
        "2025-10-22",
        A,
    ),
    (
        ["How many initial fostering enquiries were there in 2019/20?"],
        "and in Q1 2020/21?",
        "12",
        "2020-05-15",
        B,
    ),
]
rows = []
for i, (typ, q, exp, *rest) in enumerate(cases):
    if typ == N:
        as_of, doc, _ = rest
        rows.append(
            {"id": f"num-{i:03d}", "question": q, "type": N, "expected": exp, "as_of": as_of, "doc": doc}
        )
    elif typ == T:
        doc = rest[0]
        rows.append({"id": f"txt-{i:03d}", "question": q, "type": T, "expected": exp, "doc": doc})
    else:
        rows.append({"id": f"nf-{i:03d}", "question": q, "type": NF})
for i, (q, vals) in enumerate(timelines):
    rows.append({"id": f"tl-{i:02d}", "question": q, "type": TL, "expected": vals})
for i, (hist, q, exp, as_of, doc) in enumerate(followups):
    rows.append(
        {
            "id": f"fu-{i:02d}",
            "question": q,
            "type": N,
            "expected": exp,
            "as_of": as_of,
            "doc": doc,
            "history": hist,
            "evidence": None,
        }
    )
out = Path(__file__).with_name("qa.jsonl")
out.write_text("".join(json.dumps(r) + "\n" for r in rows))
print(f"wrote {len(rows)} cases to {out}")
