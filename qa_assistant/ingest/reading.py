"""Read one paper's bytes into clean text, in a child process (see jobs), refusing a paper too long to keep."""

from __future__ import annotations

from pathlib import Path

from qa_assistant.ingest.formats import Extracted, extract
from qa_assistant.ingest.jobs import check_size


def read_paper(name: str, data: bytes, max_chars: int) -> Extracted:
    """Clean text of one file, refused when it is longer than one paper may be."""
    result = extract(Path(name), data)
    check_size(name, len(result.text), max_chars)
    return result
