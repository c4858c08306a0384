"""What every command shares: messages on stderr, JSON on stdout, the index, and the options that recur.

Kept light: importing this (and so `qa-assistant --help`) loads neither the model, torch nor faiss."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any, NoReturn

import typer

from qa_assistant.settings import get_settings

NoRebuild = Annotated[
    bool, typer.Option("--no-rebuild", help="Fail (exit 1) instead of rebuilding a missing or stale index.")
]
Json = Annotated[bool, typer.Option("--json", help="One JSON document on stdout instead of text.")]
NoIndex = Annotated[bool, typer.Option("--no-index", help="Change the corpus only; index later.")]


def say(msg: str) -> None:
    """Progress and errors go to stderr, so stdout stays the result (and valid JSON with --json)."""
    print(msg, file=sys.stderr)


def fail(msg: str, code: int = 2) -> NoReturn:
    """A one-line `error: ...` on stderr and the exit code (2: bad input)."""
    say(f"error: {msg}")
    raise typer.Exit(code)


def emit_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def load_index(no_rebuild: bool):
    """The served index, rebuilt first when missing or stale unless --no-rebuild (IndexUnavailable: exit 1)."""
    from qa_assistant.indexing.loaded import ensure_index

    return ensure_index(get_settings(), rebuild=not no_rebuild, say=say)


def example(*lines: str) -> str:
    """An epilog with example command lines, kept as written by the help formatter (click's \\b)."""
    title = "Example:" if len(lines) == 1 else "Examples:"
    return f"{title}\n\n\b\n" + "\n".join(f"  {line}" for line in lines)
