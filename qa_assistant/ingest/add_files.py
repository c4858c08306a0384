"""Add papers from disk (the CLI): files, or every supported file in folders, each with the metadata published
beside it (a sidecar JSON file), through adding.add_bytes. What is wrong with one file is in its result.
"""

from __future__ import annotations

import json
from pathlib import Path

from qa_assistant.ingest.adding import AddResult, add_bytes
from qa_assistant.ingest.documents import MANIFEST_NAME
from qa_assistant.ingest.fields import EDITABLE
from qa_assistant.ingest.formats import SUFFIX_TYPES, PaperError


def add_paths(corpus_dir: Path, paths: list[Path], overrides: dict | None = None) -> list[AddResult]:
    """Add files, or every supported file in folders (not recursing into hidden folders)."""
    results: list[AddResult] = []
    for path in paths:
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.suffix.lower() in SUFFIX_TYPES
            )
            if not files:
                results.append(
                    AddResult(str(path), "skipped", f"{path}: no .txt, .md, .html or .pdf files in it")
                )
            for f in files:
                # per-file overrides make no sense for a folder
                results.append(_add_path(corpus_dir, f, None))
        else:
            results.append(_add_path(corpus_dir, path, overrides))
    return results


def _add_path(corpus_dir: Path, path: Path, overrides: dict | None) -> AddResult:
    try:
        data = path.read_bytes()
        sidecar = _sidecar(path)
    except FileNotFoundError:
        return AddResult(str(path), "skipped", f"{path}: no such file")
    except IsADirectoryError:
        return AddResult(str(path), "skipped", f"{path}: is a folder")
    except (OSError, PaperError) as exc:
        return AddResult(str(path), "skipped", f"{path}: {exc}" if isinstance(exc, OSError) else str(exc))
    try:
        return add_bytes(corpus_dir, path.name, data, overrides, sidecar)
    # the corpus folder itself failed (disk full, permissions): this file was not added
    except OSError as exc:
        return AddResult(str(path), "skipped", f"{path}: could not be stored ({exc})")


def _sidecar(path: Path) -> dict | None:
    """Metadata published beside a file: PAPER.pdf.json or PAPER.json."""
    for candidate in (path.with_name(path.name + ".json"), path.with_suffix(".json")):
        if candidate.is_file() and candidate.name != MANIFEST_NAME:
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise PaperError(f"{candidate.name}: sidecar metadata is not valid JSON ({exc})") from exc
            if not isinstance(data, dict):
                raise PaperError(f"{candidate.name}: sidecar metadata must be a JSON object")
            return {k: data[k] for k in EDITABLE if k in data}
    return None
