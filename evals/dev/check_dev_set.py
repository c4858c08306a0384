#!/usr/bin/env python3
"""Check the second development set (evals/dev/): papers, manifest and questions.

Errors (exit status 1):
  * every line of qa.jsonl parses as a JSON object; ids are unique, follow dev2-NNN and do not clash
    with the ids of evals/qa.jsonl; no question text repeats one of evals/qa.jsonl;
  * fields by type: number -> expected is a non-empty string, as_of an ISO date or null;
    entity -> non-empty list of strings; text -> a 4-12 word string; timeline -> list of >= 2 strings;
    not_found -> expected and doc are null; trap (optional) from the agreed list; note present;
    history (optional) a non-empty list of strings;
  * doc names a paper of the manifest (file stem), and every expected number / entity string / phrase
    occurs in that paper's text (timeline values: each in at least one dev paper);
    comparison ignores case, runs of whitespace and curly-vs-straight quotes, and a bare number must be a
    whole token ("19" does not match "192" or "1.9");
  * manifest.json has the shape of corpus/manifest.json, lists exactly the files in papers/, has exactly
    one paper with meeting_date null, and each paper is 400-2,000 words;
  * seed protection: no year after 2024 appears in a dev paper (the seeds' figures run to 26 November
    2025, and dev figures are dated 2021-2024), every as_of lies in 2021-2024, and no paper uses a phrase
    that would give a second answer to one of the 128 questions of evals/qa.jsonl (see PROTECTED).

Warnings (for review only): an expected number string that also occurs in another dev paper or in a seed
paper (numbers recur as dates, parts or other measures; the question must name enough to pick one).

HTML papers are read as the product reads them: reduced to their main content with trafilatura when it is
installed (navigation, header and footer dropped), otherwise with the tags stripped.

Usage: /work/main/.venv/bin/python evals/dev/check_dev_set.py [--quiet]
Does not import qa_assistant and does not read evals/test/.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAPERS = HERE / "papers"
QA = HERE / "qa.jsonl"
SEED_QA = HERE.parent / "qa.jsonl"
SEED_CORPUS = HERE.parent.parent / "corpus"

TYPES = {"number", "entity", "text", "timeline", "not_found"}
TRAPS = {
    "distractor_council",
    "comparator",
    "unit",
    "period",
    "subset",
    "change",
    "target",
    "breakdown",
    "unknown_measure",
    "undated",
    "near_date",
}
ID_RE = re.compile(r"^dev2-\d{3}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MANIFEST_KEYS = {"file", "title", "committee", "meeting_date", "kind", "source_url", "date_note"}

# Phrases that would let a dev paper answer (differently) one of the 128 seed questions, whose answers must
# not change: not_found questions (potholes, libraries, bins, parking, weather, teachers, mayor's salary,
# Stainton), undated seed figures (Council Tax idea, care proceedings in 26 weeks, agency conversions,
# population base, missing reports, school attendance, reunification, laptops, YOS, Troubled Families) and
# the seeds' general questions (Edge of Care, Signs of Safety, MOMO, Alfie, feedback boxes, Harm Outside the
# Home, MACH, Practice Week, Corporate Parenting Strategy, the Care Leavers Month film, kinship team).
PROTECTED = [
    "council tax",
    "acklam",
    "stainton",
    "pothole",
    "parking",
    "librar",
    "weather",
    "teacher",
    "salary",
    "bin collection",
    "care proceedings",
    "26 weeks",
    "converted to permanent",
    "conversion of agency",
    "population estimate",
    "mid 2017",
    "missing from",
    "attending school",
    "school attendance",
    "reunification",
    "laptop",
    "youth offending",
    "troubled families",
    "edge of care",
    "signs of safety",
    "mind of my own",
    "momo",
    "alfie",
    "feedback box",
    "harm outside the home",
    "mach",
    "multi-agency children's hub",
    "practice week",
    "corporate parenting strategy",
    "care leavers month",
    "dreams",
    "kinship team",
    "alternative delivery",
    "£7k",
    "holly lodge",
]


def norm(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u00a0", " ").replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip().lower()


def occurs(needle: str, hay_norm: str) -> bool:
    n = norm(needle)
    if not n:
        return False
    left = r"(?<![\w.,])" if n[0].isalnum() else ""
    right = r"(?![\w]|[.,]\d)" if n[-1].isalnum() else ""
    return re.search(left + re.escape(n) + right, hay_norm) is not None


def html_text(raw: str) -> str:
    try:
        import trafilatura  # the product reduces HTML pages with trafilatura

        text = trafilatura.extract(raw, include_tables=True, include_comments=False, favor_recall=True)
        if text:
            return text
    except ImportError:
        pass
    raw = re.sub(r"(?is)<(script|style|nav|header|footer)\b.*?</\1>", " ", raw)
    return html.unescape(re.sub(r"<[^>]+>", " ", raw))


def paper_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    return html_text(raw) if path.suffix.lower() in {".html", ".htm"} else raw


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    errors: list[str] = []
    warnings: list[str] = []

    # ---- manifest and papers
    manifest = json.loads((PAPERS / "manifest.json").read_text(encoding="utf-8"))
    docs = manifest.get("documents")
    if not isinstance(docs, list) or not docs:
        errors.append("manifest: 'documents' must be a non-empty list")
        docs = []
    texts: dict[str, str] = {}
    nulls = 0
    for d in docs:
        if set(d) != MANIFEST_KEYS:
            errors.append(f"manifest {d.get('file')}: keys {sorted(d)} != {sorted(MANIFEST_KEYS)}")
        path = PAPERS / d.get("file", "")
        if not path.is_file():
            errors.append(f"manifest: {d.get('file')} does not exist")
            continue
        md = d.get("meeting_date")
        if md is None:
            nulls += 1
        elif not DATE_RE.match(md) or not (2021 <= int(md[:4]) <= 2024):
            errors.append(f"manifest {d['file']}: meeting_date {md!r} is not an ISO date in 2021-2024")
        texts[path.stem] = paper_text(path)
        words = len(texts[path.stem].split())
        if not 400 <= words <= 2000:
            errors.append(f"{d['file']}: {words} words (want 400-2,000)")
    if nulls != 1:
        errors.append(f"manifest: {nulls} papers with meeting_date null (want exactly 1)")
    on_disk = {p.name for p in PAPERS.iterdir() if p.name != "manifest.json"}
    listed = {d.get("file") for d in docs}
    if on_disk != listed:
        errors.append(
            f"manifest and papers/ differ: only on disk {sorted(on_disk - listed)}, "
            f"only in manifest {sorted(listed - on_disk)}"
        )
    normed = {k: norm(v) for k, v in texts.items()}

    # ---- seed protection in the papers
    for stem, t in normed.items():
        for year in re.findall(r"\b(20[2-9]\d)\b", t):
            if int(year) > 2024:
                errors.append(f"{stem}: mentions {year}; dev papers must stay within 2021-2024")
        for phrase in PROTECTED:
            if re.search(r"(?<!\w)" + re.escape(phrase), t):
                errors.append(f"{stem}: uses protected phrase {phrase!r} (could change a seed answer)")

    seeds = {p.stem: norm(p.read_text(encoding="utf-8")) for p in sorted(SEED_CORPUS.glob("*.txt"))}
    seed_rows = [
        json.loads(line) for line in SEED_QA.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    seed_ids = {r["id"] for r in seed_rows}
    seed_questions = {norm(r["question"]) for r in seed_rows}

    # ---- questions
    seen: set[str] = set()
    rows = []
    for ln, line in enumerate(QA.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            errors.append(f"qa.jsonl line {ln}: blank line")
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"qa.jsonl line {ln}: does not parse ({exc})")
            continue
        if not isinstance(r, dict):
            errors.append(f"qa.jsonl line {ln}: not a JSON object")
            continue
        rows.append(r)
        rid = r.get("id", "")
        where = f"{rid or 'line ' + str(ln)}"
        if not ID_RE.match(str(rid)):
            errors.append(f"{where}: id must look like dev2-NNN")
        if rid in seen:
            errors.append(f"{where}: duplicate id")
        if rid in seed_ids:
            errors.append(f"{where}: id clashes with evals/qa.jsonl")
        seen.add(rid)
        typ, exp, doc = r.get("type"), r.get("expected"), r.get("doc")
        if typ not in TYPES:
            errors.append(f"{where}: type {typ!r}")
            continue
        if not isinstance(r.get("question"), str) or not r["question"].strip():
            errors.append(f"{where}: question missing")
        elif norm(r["question"]) in seed_questions:
            errors.append(f"{where}: question repeats one of evals/qa.jsonl")
        if not isinstance(r.get("note"), str) or not r["note"].strip():
            errors.append(f"{where}: note missing")
        if "trap" in r and r["trap"] not in TRAPS:
            errors.append(f"{where}: trap {r['trap']!r} not in {sorted(TRAPS)}")
        if "history" in r and (
            not isinstance(r["history"], list)
            or not r["history"]
            or not all(isinstance(h, str) and h.strip() for h in r["history"])
        ):
            errors.append(f"{where}: history must be a non-empty list of strings")
        if "as_of" in r and typ != "number":
            errors.append(f"{where}: as_of is only for number questions")
        if typ == "number":
            a = r.get("as_of")
            if a is not None:
                try:
                    day = dt.date.fromisoformat(a)
                    if not 2021 <= day.year <= 2024:
                        errors.append(f"{where}: as_of {a} outside 2021-2024")
                except (TypeError, ValueError):
                    errors.append(f"{where}: as_of {a!r} is not an ISO date")
        if typ == "not_found":
            if exp is not None or doc is not None:
                errors.append(f"{where}: not_found needs expected and doc null")
            continue
        if doc not in texts:
            errors.append(f"{where}: doc {doc!r} is not a paper in the manifest")
            continue
        hay = normed[doc]
        if typ == "number":
            if not isinstance(exp, str) or not exp.strip():
                errors.append(f"{where}: expected must be a non-empty string")
                continue
            if not occurs(exp, hay):
                errors.append(f"{where}: expected {exp!r} not found in {doc}")
            others = [k for k, v in normed.items() if k != doc and occurs(exp, v)]
            others += [f"seed:{k}" for k, v in seeds.items() if occurs(exp, v)]
            if others:
                warnings.append(f"{where}: {exp!r} also occurs in {', '.join(others)}")
        elif typ == "entity":
            if not isinstance(exp, list) or not exp or not all(isinstance(e, str) and e.strip() for e in exp):
                errors.append(f"{where}: entity expected must be a non-empty list of strings")
                continue
            for e in exp:
                if not occurs(e, hay):
                    errors.append(f"{where}: entity {e!r} not found in {doc}")
        elif typ == "text":
            if not isinstance(exp, str):
                errors.append(f"{where}: text expected must be a string")
                continue
            n = len(exp.split())
            if not 4 <= n <= 12:
                errors.append(f"{where}: phrase has {n} words (want 4-12)")
            if not occurs(exp, hay):
                errors.append(f"{where}: phrase {exp!r} not found verbatim in {doc}")
        elif typ == "timeline":
            if not isinstance(exp, list) or len(exp) < 2 or not all(isinstance(v, str) for v in exp):
                errors.append(f"{where}: timeline expected must be a list of >= 2 strings")
                continue
            if not occurs(exp[-1], hay):
                errors.append(f"{where}: last timeline value {exp[-1]!r} not in doc {doc}")
            for v in exp:
                if not any(occurs(v, t) for t in normed.values()):
                    errors.append(f"{where}: timeline value {v!r} not in any dev paper")

    # ---- summary
    types = Counter(r.get("type") for r in rows)
    traps = Counter(r.get("trap") for r in rows if r.get("trap"))
    follow = sum(1 for r in rows if r.get("history"))
    per_doc = Counter(r.get("doc") for r in rows if r.get("doc"))
    print(f"{len(rows)} questions over {len(texts)} papers; follow-ups with history: {follow}")
    print("by type: " + ", ".join(f"{k} {v}" for k, v in sorted(types.items())))
    print(
        "by trap: "
        + ", ".join(f"{k} {v}" for k, v in sorted(traps.items()))
        + f"; no trap {sum(1 for r in rows if not r.get('trap'))}"
    )
    print("by doc:  " + ", ".join(f"{k} {v}" for k, v in sorted(per_doc.items())))
    if warnings and not quiet:
        print(f"\n{len(warnings)} warnings (review only):")
        for w in warnings:
            print("  - " + w)
    if errors:
        print(f"\n{len(errors)} errors:")
        for e in errors:
            print("  - " + e)
        return 1
    print("\nOK: no errors")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
