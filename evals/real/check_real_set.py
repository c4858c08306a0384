#!/usr/bin/env python3
"""Check the real-pages evaluation set (evals/real/<split>.jsonl) against local page copies.

The page texts are NOT in the repository; they live outside it (default /tmp/realpages, laid out as
<root>/dev/<slug>.txt and <root>/test/<slug>.txt, each with a <slug>.txt.json sidecar). Every later split
(dev2, dev3, test4, dev5, dev6: the splits pages.json names) lives in its own root (e.g. /tmp/realpages6) as
<root>/pages/<slug>.txt (or <root>/<split>/<slug>.txt).

Checks:
  * every line of dev.jsonl / test.jsonl parses as a JSON object with the required fields;
  * ids are unique across both files and follow real-<split>-NNN;
  * type-specific rules (number/text: non-empty string; entity: non-empty list of strings;
    not_found: expected, doc and url are null; as_of is an ISO date or null and only set for numbers;
    text phrases are 4-12 words);
  * the named doc exists in that split's folder, its sidecar source_url equals the question's url and
    pages.json agrees on slug/split/url;
  * every expected number / phrase / entity string occurs in the named page text
    (comparison ignores case, runs of whitespace and curly-vs-straight quotes);
  * (warning only) an expected number string that also occurs in another page of the same split
    (small numbers often recur as dates or unrelated counts; the warning is for review, not an error);
    for the later splits the 5 seed papers in corpus/ are included in this recurrence check.

Usage: python evals/real/check_real_set.py [ROOT] [--split NAME ...]
  ROOT defaults to /tmp/realpages. Without --split, the splits checked are those whose page folder
  exists under ROOT (dev/, test/, <split>/; a pages/ folder is the split its pages belong to in
  pages.json); e.g. `python evals/real/check_real_set.py /tmp/realpages6` checks dev6 only.
Exit status 0 when there are no errors. Does not import qa_assistant.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"number", "entity", "text", "not_found"}
TRAPS = {
    "distractor_council",
    "comparator",
    "unit",
    "period",
    "subset",
    "change",
    "unknown_measure",
    "near_date",
    "target",
}
REQUIRED = ("id", "question", "type", "expected", "as_of", "doc", "url", "note")


def norm(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().lower()


def occurs(needle: str, hay: str) -> bool:
    n = norm(needle)
    if not n:
        return False
    h = norm(hay)
    # whole-token match: a bare number must not be part of a longer number, a word not part of a word
    left = r"(?<![\w.,])" if n[0].isalnum() else ""
    right = r"(?![\w]|[.,]\d)" if n[-1].isalnum() else ""
    return re.search(left + re.escape(n) + right, h) is not None


FIRST_SPLITS = ("dev", "test")  # the first set's two splits share one root, each in its own folder
SEED_DIR = HERE.parent.parent / "corpus"


def all_splits() -> tuple[str, ...]:
    """Every split pages.json names, the first set's two first."""
    named = {p["split"] for p in json.loads((HERE / "pages.json").read_text())}
    return FIRST_SPLITS + tuple(sorted(named - set(FIRST_SPLITS)))


def split_folder(root: Path, split: str) -> Path:
    if split not in FIRST_SPLITS and not (root / split).is_dir():
        return root / "pages"
    return root / split


def splits_under(root: Path) -> list[str]:
    """The splits whose pages ROOT holds: its dev/, test/ or <split>/ folders, and the split most of the slugs
    in its pages/ folder belong to."""
    found = [s for s in all_splits() if (root / s).is_dir()]
    if (root / "pages").is_dir():
        split_of = {p["slug"]: p["split"] for p in json.loads((HERE / "pages.json").read_text())}
        named = [split_of[f.name[:-4]] for f in (root / "pages").glob("*.txt") if f.name[:-4] in split_of]
        if named:
            found.append(max(set(named), key=named.count))
    return found


def main(argv: list[str]) -> int:
    args = argv[1:]
    wanted: list[str] = []
    while "--split" in args:
        i = args.index("--split")
        if i + 1 >= len(args) or args[i + 1] not in all_splits():
            print(f"--split takes one of {', '.join(all_splits())}")
            return 2
        wanted.append(args[i + 1])
        del args[i : i + 2]
    root = Path(args[0]) if args else Path("/tmp/realpages")
    if not wanted:
        wanted = splits_under(root) or list(FIRST_SPLITS)
    errors: list[str] = []
    warnings: list[str] = []
    pages = {p["slug"]: p for p in json.loads((HERE / "pages.json").read_text())}
    seen_ids: set[str] = set()
    counts: dict[str, dict[str, int]] = {}
    for split in wanted:
        folder = split_folder(root, split)
        texts = (
            {f.name[:-4]: f.read_text(encoding="utf-8") for f in folder.glob("*.txt")}
            if folder.is_dir()
            else {}
        )
        others_pool = dict(texts)
        if split not in FIRST_SPLITS and SEED_DIR.is_dir():
            others_pool.update(
                {"seed:" + f.name: f.read_text(encoding="utf-8") for f in sorted(SEED_DIR.glob("*.txt"))}
            )
        if not texts:
            errors.append(f"{split}: no page texts under {folder}")
        for slug, p in pages.items():
            if p["split"] == split and slug not in texts:
                errors.append(f"{split}: page {slug} listed in pages.json but missing in {folder}")
        path = HERE / f"{split}.jsonl"
        c = counts.setdefault(split, {})
        for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{ln}"
            if not line.strip():
                errors.append(f"{where}: blank line")
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: does not parse ({e})")
                continue
            if not isinstance(r, dict):
                errors.append(f"{where}: not an object")
                continue
            missing = [k for k in REQUIRED if k not in r]
            if missing:
                errors.append(f"{where}: missing fields {missing}")
                continue
            rid, typ, exp, doc = r["id"], r["type"], r["expected"], r["doc"]
            where = f"{path.name}:{ln} {rid}"
            if not re.fullmatch(rf"real-{split}-\d{{3}}", str(rid)):
                errors.append(f"{where}: bad id")
            if rid in seen_ids:
                errors.append(f"{where}: duplicate id")
            seen_ids.add(rid)
            if typ not in TYPES:
                errors.append(f"{where}: bad type {typ!r}")
                continue
            c[typ] = c.get(typ, 0) + 1
            trap = r.get("trap")
            if trap is not None and trap not in TRAPS:
                errors.append(f"{where}: unknown trap {trap!r}")
            if not str(r["question"]).strip():
                errors.append(f"{where}: empty question")
            if r["as_of"] is not None:
                if typ != "number":
                    errors.append(f"{where}: as_of set on a {typ} question")
                try:
                    dt.date.fromisoformat(r["as_of"])
                except (TypeError, ValueError):
                    errors.append(f"{where}: as_of not an ISO date: {r['as_of']!r}")
            if typ == "not_found":
                if exp is not None or doc is not None or r["url"] is not None:
                    errors.append(f"{where}: not_found must have expected/doc/url null")
                continue
            if doc not in texts:
                errors.append(f"{where}: doc {doc!r} not found in {folder}")
                continue
            page = pages.get(doc)
            if page is None or page["split"] != split or page["url"] != r["url"]:
                errors.append(f"{where}: pages.json disagrees on slug/split/url for {doc}")
            side = folder / f"{doc}.txt.json"
            try:
                meta = json.loads(side.read_text(encoding="utf-8"))
                if meta.get("source_url") != r["url"]:
                    errors.append(f"{where}: sidecar source_url differs from url")
            except (OSError, json.JSONDecodeError) as e:
                errors.append(f"{where}: sidecar unreadable ({e})")
            text = texts[doc]
            if typ in ("number", "text"):
                if not isinstance(exp, str) or not exp.strip():
                    errors.append(f"{where}: expected must be a non-empty string")
                    continue
                if typ == "text" and not 4 <= len(exp.split()) <= 12:
                    errors.append(f"{where}: text phrase has {len(exp.split())} words (want 4-12)")
                if not occurs(exp, text):
                    errors.append(f"{where}: expected {exp!r} not in {doc}")
                if typ == "number":
                    others = [s for s, t in others_pool.items() if s != doc and occurs(exp, t)]
                    if others:
                        warnings.append(f"{where}: {exp!r} also occurs in {', '.join(sorted(others))}")
            else:  # entity
                if (
                    not isinstance(exp, list)
                    or not exp
                    or not all(isinstance(x, str) and x.strip() for x in exp)
                ):
                    errors.append(f"{where}: entity expected must be a non-empty list of strings")
                    continue
                for x in exp:
                    if not occurs(x, text):
                        errors.append(f"{where}: entity string {x!r} not in {doc}")
    for split, c in counts.items():
        print(f"{split}: {sum(c.values())} questions " + ", ".join(f"{k}={v}" for k, v in sorted(c.items())))
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
