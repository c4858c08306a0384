"""Eval splits (evals/splits.json): which case files, asked over which corpus.

A split's corpus is the seed papers plus its own papers, assembled under index/evals/<split>/corpus with
one manifest (the seeds' entries, the split's manifest.json entries and any PAPER.json sidecars) and
indexed under index/evals/<split>/index, so per-paper artefacts are reused between runs. Split papers never
go into corpus/: the served corpus holds only the council's real papers.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from qa_assistant.evals.cases import Case, load_cases
from qa_assistant.ingest.documents import MANIFEST_NAME, SUFFIXES, read_manifest
from qa_assistant.settings import REPO_ROOT, Settings

EVALS_DIR = REPO_ROOT / "evals"


class SplitError(ValueError):
    """The split cannot be run as asked (unknown name, papers folder missing)."""


@dataclass
class Split:
    name: str
    case_files: list[Path]
    paper_dirs: list[Path]
    external_papers: bool
    gate: bool

    def cases(self) -> list[Case]:
        out: list[Case] = []
        for path in self.case_files:
            if path.exists():
                out.extend(load_cases(path))
        return out


def load_splits(evals_dir: Path = EVALS_DIR) -> dict[str, Split]:
    data = json.loads((evals_dir / "splits.json").read_text(encoding="utf-8"))["splits"]
    return {
        name: Split(
            name,
            [evals_dir / c for c in spec["cases"]],
            [evals_dir / p for p in spec.get("papers", [])],
            bool(spec.get("external_papers")),
            bool(spec.get("gate")),
        )
        for name, spec in data.items()
    }


def get_split(name: str, papers: Path | None = None, evals_dir: Path = EVALS_DIR) -> Split:
    splits = load_splits(evals_dir)
    if name not in splits:
        raise SplitError(f"no split {name!r}; known: {', '.join(splits)}")
    split = splits[name]
    if papers is not None:
        if not papers.is_dir():
            raise SplitError(f"papers folder {papers} does not exist")
        split.paper_dirs = [papers]
    elif split.external_papers:
        raise SplitError(
            f"split {name!r} needs its papers folder: --papers DIR (their text is not committed)"
        )
    return split


def split_settings(split: Split, base: Settings) -> Settings:
    """Settings whose corpus is the seeds plus the split's papers, assembled afresh under index/evals/."""
    root = base.index_dir / "evals" / split.name
    corpus = root / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)
    entries = dict(read_manifest(base.corpus_dir))
    sources = [base.corpus_dir, *split.paper_dirs]
    for folder in sources:
        if not folder.is_dir():
            continue
        listed = read_manifest(folder) if folder != base.corpus_dir else {}
        for path in sorted(folder.iterdir()):
            if not path.is_file() or path.suffix.lower() not in SUFFIXES or path.name.startswith("."):
                continue
            shutil.copy2(path, corpus / path.name)
            entry = listed.get(path.name) or _sidecar(path)
            if entry is not None:
                entries[path.name] = {"file": path.name} | entry
    (corpus / MANIFEST_NAME).write_text(
        json.dumps({"documents": list(entries.values())}, indent=1), encoding="utf-8"
    )
    return base.model_copy(update={"corpus_dir": corpus, "index_dir": root / "index"})


def _sidecar(path: Path) -> dict | None:
    for candidate in (path.with_name(path.name + ".json"), path.with_suffix(".json")):
        if candidate.is_file():
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except ValueError:
                return None
            return data if isinstance(data, dict) else None
    return None
