"""The package's shape, as the README draws it: stages import only the stages before them, every subpackage
says its job, and no module or function grows past what a newcomer can read in one sitting.

Reads the source with `ast`; imports nothing from the package, so it runs in a second without an index.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "qa_assistant"
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60

# What each stage may import from the package (besides itself). Shared modules import nothing of ours.
ALLOWED: dict[str, set[str]] = {
    "models": set(),
    "settings": set(),
    "stopping": set(),
    "text": {"models"},
    "ingest": {"text", "models", "settings", "stopping"},
    "figures": {"text", "models", "settings"},
    "indexing": {"ingest", "text", "figures", "models", "settings", "stopping"},
    "answering": {"indexing", "figures", "text", "models", "settings"},
    "serve": {"answering", "indexing", "ingest", "figures", "text", "models", "settings", "stopping"},
    "evals": {"answering", "indexing", "ingest", "figures", "text", "models", "settings"},
    "cli": {"serve", "evals", "answering", "indexing", "ingest", "figures", "text", "models", "settings"},
}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "static" not in p.parts)


def _stage(path: Path) -> str:
    first = path.relative_to(PACKAGE).parts[0]
    return first.removesuffix(".py") if first != "__init__.py" else "__init__"


def _imported_stages(path: Path) -> set[str]:
    stages: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            stages.add("<relative import>")
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "qa_assistant":
            parts = node.module.split(".")
            stages.update([parts[1]] if len(parts) > 1 else [alias.name for alias in node.names])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "qa_assistant" and len(parts) > 1:
                    stages.add(parts[1])
    return stages


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_module_imports_only_the_stages_before_it(path: Path):
    stage = _stage(path)
    if stage == "__init__":
        return
    key = "cli" if stage.startswith("cli") else stage
    assert key in ALLOWED, (
        f"{stage}: a new stage needs its place in ALLOWED (and in the README's architecture)"
    )
    own = {stage, key} | (
        {s for s in _imported_stages(path) if s.startswith("cli")} if key == "cli" else set()
    )
    wrong = _imported_stages(path) - ALLOWED[key] - own
    assert not wrong, (
        f"{path.relative_to(PACKAGE)} imports {sorted(wrong)}; {key} may import {sorted(ALLOWED[key])}"
    )


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_module_stays_readable(path: Path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{lines} lines: split it by job"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines: {long}"


@pytest.mark.parametrize(
    "package", sorted(p.parent for p in PACKAGE.glob("*/__init__.py")), ids=lambda p: p.name
)
def test_a_subpackage_says_its_job_and_what_it_may_import(package: Path):
    doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8"))) or ""
    assert len(doc.split()) >= 20, "a one-paragraph docstring saying the stage's job"
    assert "may import" in doc.lower(), "the docstring says what the stage may import"


def test_every_module_the_forkserver_preloads_exists():
    """ingest/jobs.py names the readers by string (so ingest imports no later stage): a module renamed or moved
    would silently drop out of the preload and every paper would pay for importing it."""
    from qa_assistant.ingest.jobs import PRELOAD

    missing = [name for name in PRELOAD if importlib.util.find_spec(name) is None]
    assert not missing
