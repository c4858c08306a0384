#!/usr/bin/env python3
"""Consistency check of the frozen test set (evals/test/qa.jsonl) against its own papers.

Checks (errors):
  * every line of qa.jsonl parses as a JSON object; ids are unique and follow test-NNN;
  * required fields per type; type and trap values are from the allowed sets;
  * number: expected is a non-empty string that occurs (as a whole token) in the named paper;
    as_of is an ISO date (YYYY-MM-DD) or null;
  * entity: expected is a non-empty list of strings, each of which occurs in the named paper;
  * text: expected is a 4-12 word phrase that occurs verbatim in the named paper;
  * timeline: expected is a list of >= 2 strings; each occurs in one of the papers named in
    "docs" (or "doc"), or, when none is named, in some test or seed paper;
  * not_found: expected and doc are null;
  * history, when present, is a non-empty list of strings;
  * papers/manifest.json lists every paper in papers/ (and only those), with the seed manifest's
    fields, meeting_date YYYY-MM-DD or null; every doc named by a question is in the manifest.

Warnings (for review, not errors): a number's expected string that also occurs in another test
paper or in a seed paper (corpus/); a paper outside the 400-2,500 word range.

Matching ignores case, runs of whitespace and curly-vs-straight quotes; .html papers are reduced
to their text (tags, scripts and styles removed, entities unescaped) before matching.

Usage: python evals/test/check_test_set.py   (exit status 0 when there are no errors)
Does not import qa_assistant.
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
SEEDS = HERE.parent.parent / "corpus"

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
MANIFEST_FIELDS = ("file", "title", "committee", "meeting_date", "kind", "source_url", "date_note")


def html_to_text(raw: str) -> str:
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
    raw = re.sub(r"(?s)<!--.*?-->", " ", raw)
    raw = re.sub(r"(?s)<[^>]+>", " ", raw)
    return html.unescape(raw)


def read_paper(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    return html_to_text(raw) if path.suffix.lower() in (".html", ".htm") else raw


def norm(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().lower()


def occurs(needle: str, hay: str) -> bool:
    """Whole-token occurrence: '9' must not match inside '19' or '9.3', a word not inside a word."""
    n = norm(needle)
    if not n:
        return False
    h = norm(hay)
    left = r"(?<![\w.,])" if n[0].isalnum() else ""
    right = r"(?![\w]|[.,]\d)" if n[-1].isalnum() else ""
    return re.search(left + re.escape(n) + right, h) is not None


def is_iso(s) -> bool:
    if not isinstance(s, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return False
    try:
        dt.date.fromisoformat(s)
        return True
    except ValueError:
        return False


def main() -> int:
    errors: list[str] = []
    warnings: list[str] = []

    # ---- papers and manifest
    papers = {p.stem: p for p in sorted(PAPERS.iterdir()) if p.is_file() and p.name != "manifest.json"}
    texts = {stem: read_paper(p) for stem, p in papers.items()}
    seeds = (
        {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))} if SEEDS.is_dir() else {}
    )
    try:
        manifest = json.loads((PAPERS / "manifest.json").read_text(encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001
        print(f"ERROR manifest.json does not parse: {exc}")
        return 1
    listed = {}
    for d in manifest.get("documents", []):
        for f in MANIFEST_FIELDS:
            if f not in d:
                errors.append(f"manifest: {d.get('file')} lacks field {f}")
        md = d.get("meeting_date")
        if md is not None and not is_iso(md):
            errors.append(f"manifest: {d.get('file')} meeting_date {md!r} is not YYYY-MM-DD or null")
        listed[Path(d.get("file", "")).stem] = d
        if d.get("file") not in {p.name for p in papers.values()}:
            errors.append(f"manifest: {d.get('file')} is not in papers/")
    for stem, p in papers.items():
        if stem not in listed:
            errors.append(f"manifest: paper {p.name} is not listed")
        words = len(texts[stem].split())
        if not 400 <= words <= 2500:
            warnings.append(f"paper {p.name} has {words} words (outside 400-2,500)")
    undated = sum(1 for d in manifest.get("documents", []) if d.get("meeting_date") is None)
    if undated < 2:
        errors.append(f"manifest: only {undated} papers have meeting_date null (need 2)")

    # ---- questions
    seen: set[str] = set()
    recs = []
    for ln, line in enumerate(QA.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            errors.append(f"line {ln}: empty line")
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {ln}: does not parse ({exc})")
            continue
        if not isinstance(r, dict):
            errors.append(f"line {ln}: not an object")
            continue
        recs.append(r)
        rid = r.get("id")
        where = f"{rid or 'line ' + str(ln)}"
        if not isinstance(rid, str) or not re.fullmatch(r"test-\d{3}", rid):
            errors.append(f"{where}: id must look like test-NNN")
        if rid in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(rid)
        q = r.get("question")
        if not isinstance(q, str) or not q.strip():
            errors.append(f"{where}: empty question")
        typ = r.get("type")
        if typ not in TYPES:
            errors.append(f"{where}: bad type {typ!r}")
            continue
        trap = r.get("trap")
        if trap is not None and trap not in TRAPS:
            errors.append(f"{where}: bad trap {trap!r}")
        if not r.get("note"):
            errors.append(f"{where}: missing note")
        hist = r.get("history")
        if hist is not None and (
            not isinstance(hist, list) or not hist or not all(isinstance(h, str) and h for h in hist)
        ):
            errors.append(f"{where}: history must be a non-empty list of strings")
        exp = r.get("expected")
        doc = r.get("doc")
        if typ == "not_found":
            if exp is not None or doc is not None:
                errors.append(f"{where}: not_found must have expected and doc null")
            continue
        if typ == "timeline":
            docs = r.get("docs") or ([doc] if doc else [])
            if not isinstance(exp, list) or len(exp) < 2 or not all(isinstance(v, str) and v for v in exp):
                errors.append(f"{where}: timeline expected must be a list of >= 2 strings")
                continue
            for dname in docs:
                if dname not in texts:
                    errors.append(f"{where}: unknown doc {dname!r}")
            pool = [texts[d] for d in docs if d in texts] or list(texts.values()) + list(seeds.values())
            for v in exp:
                if not any(occurs(v, t) for t in pool):
                    errors.append(f"{where}: timeline value {v!r} not found in {docs or 'any paper'}")
            continue
        if doc not in texts:
            errors.append(f"{where}: doc {doc!r} is not a test paper")
            continue
        if doc not in listed:
            errors.append(f"{where}: doc {doc!r} not in manifest")
        text = texts[doc]
        if typ == "number":
            if "as_of" in r and r["as_of"] is not None and not is_iso(r["as_of"]):
                errors.append(f"{where}: as_of {r['as_of']!r} is not an ISO date")
            if not isinstance(exp, str) or not exp.strip():
                errors.append(f"{where}: number expected must be a non-empty string")
                continue
            if not occurs(exp, text):
                errors.append(f"{where}: expected {exp!r} not found in {doc}")
            others = [d for d, t in texts.items() if d != doc and occurs(exp, t)]
            others += [f"seed:{d}" for d, t in seeds.items() if occurs(exp, t)]
            if others:
                warnings.append(f"{where}: {exp!r} also occurs in {', '.join(others)}")
        elif typ == "entity":
            if not isinstance(exp, list) or not exp or not all(isinstance(v, str) and v for v in exp):
                errors.append(f"{where}: entity expected must be a non-empty list of strings")
                continue
            for v in exp:
                if not occurs(v, text):
                    errors.append(f"{where}: entity {v!r} not found in {doc}")
        elif typ == "text":
            if not isinstance(exp, str):
                errors.append(f"{where}: text expected must be a string")
                continue
            nw = len(exp.split())
            if not 4 <= nw <= 12:
                errors.append(f"{where}: text phrase has {nw} words (need 4-12)")
            if norm(exp) not in norm(text):
                errors.append(f"{where}: phrase {exp!r} not found verbatim in {doc}")
        if typ != "number" and "as_of" in r:
            errors.append(f"{where}: as_of is only for number questions")

    # ---- summary
    by_type = Counter(r.get("type") for r in recs)
    by_trap = Counter(r.get("trap") or "-" for r in recs)
    followups = sum(1 for r in recs if r.get("history"))
    print(f"{len(recs)} questions; by type: {dict(sorted(by_type.items()))}; follow-ups: {followups}")
    print(f"by trap: {dict(sorted(by_trap.items()))}")
    print(f"{len(papers)} papers, {undated} undated")
    for w in warnings:
        print("WARNING", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
