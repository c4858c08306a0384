"""The `qa-assistant` command: a typer app (click underneath), its exit codes, and `main` for the console script.

Thin: each command lives in answers.py, papers.py, views.py or evals.py and imports its heavy modules (the
model, torch, faiss) inside its function, so `qa-assistant --help` and bad input answer at once."""

from __future__ import annotations

import logging
from typing import Annotated

import typer
from typer.core import TyperGroup

from qa_assistant.cli import answers, evals, papers, views
from qa_assistant.cli.common import example, say

HELP = """Cited answers from council committee papers.

Run `qa-assistant COMMAND --help` for a command's options and an example.

Exit codes:

\b
  0  success (a question the papers do not answer is still a success)
  1  a bad result: the eval fell below its thresholds, a file was skipped or refused,
     a paper to remove was not found, or the index is unavailable
  2  bad input: empty or too long question, unknown split, bad option or value, missing file
"""

ASK_EXAMPLE = "How many children were looked after in December 2018?"


class _Group(TyperGroup):
    """Known failures become one `error: ...` line on stderr and an exit code, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:
            code = _error_code(exc)
            if code is None:
                raise
            say(f"error: {exc}")
            raise typer.Exit(code) from exc


def _error_code(exc: Exception) -> int | None:
    """1 for an unavailable index, 2 for bad input (question, corpus), None for anything else: typer's own
    exits and usage errors (handled by click), and bugs (shown in full)."""
    if not type(exc).__module__.startswith("qa_assistant."):
        return None
    from qa_assistant.answering.assistant import QuestionError
    from qa_assistant.indexing.layout import IndexUnavailable
    from qa_assistant.ingest.documents import CorpusError

    if isinstance(exc, IndexUnavailable):
        return 1
    if isinstance(exc, (QuestionError, CorpusError)):
        return 2
    return None


def _version(value: bool) -> None:
    if value:
        from qa_assistant.settings import version

        print(f"qa-assistant {version()}")
        raise typer.Exit()


app = typer.Typer(
    name="qa-assistant",
    cls=_Group,
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain click help, as datasette and llm print it
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    pass


def _register() -> None:
    commands = [
        (papers.index, "index", example("qa-assistant index", "qa-assistant index --force")),
        (answers.search, "search", example('qa-assistant search "children in our care November 2025" -k 3')),
        (
            answers.ask,
            "ask",
            example(
                f'qa-assistant ask "{ASK_EXAMPLE}"',
                f'qa-assistant ask "and in July 2020?" --history "{ASK_EXAMPLE}" --json',
            ),
        ),
        (answers.serve, "serve", example("qa-assistant serve --port 8000 --workers 2")),
        (
            papers.add,
            "add",
            example(
                "qa-assistant add papers/ agenda-pack.pdf item.html",
                "qa-assistant add report.pdf --committee Executive --meeting-date 2026-03-11",
            ),
        ),
        (papers.remove, "remove", example("qa-assistant remove report")),
        (papers.meta, "meta", example('qa-assistant meta report --committee "Executive"')),
        (papers.documents, "documents", example("qa-assistant documents --json")),
        (views.figures, "figures", example("qa-assistant figures --concept looked_after --unit count --csv")),
        (
            views.feedback,
            "feedback",
            example(
                "qa-assistant feedback --verdict wrong", "qa-assistant feedback export --out candidates.jsonl"
            ),
        ),
        (evals.evaluate, "eval", example("qa-assistant eval --split dev --json")),
    ]
    for func, name, epilog in commands:
        app.command(name, epilog=epilog)(func)


_register()


def main(argv: list[str] | None = None) -> int:
    """Run the command line (argv: the arguments, default sys.argv[1:]); the exit code."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    try:  # standalone: click prints usage errors (exit 2) and turns typer.Exit into SystemExit
        typer.main.get_command(app).main(args=argv, prog_name="qa-assistant", standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    return 0
