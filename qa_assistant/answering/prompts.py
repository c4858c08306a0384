"""Load prompt templates from prompts/ by name and version; no prompt text lives in code.

Templates are `NAME.vN.md` files with `$placeholders` (string.Template). The highest version is used unless
settings pin one (QA_PROMPT_VERSIONS="answer=1,system=1").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Template

_VERSIONED = re.compile(r"^(?P<name>[a-z_]+)\.v(?P<version>\d+)\.md$")


class PromptError(Exception):
    """A prompt is missing or a placeholder has no value."""


@dataclass(frozen=True)
class Prompt:
    name: str
    version: int
    template: str

    @property
    def ref(self) -> str:
        return f"{self.name}.v{self.version}"

    def render(self, **values: str) -> str:
        try:
            return Template(self.template).substitute(**values)
        except (KeyError, ValueError) as exc:
            raise PromptError(f"prompt {self.ref}: no value for placeholder {exc}") from exc


def parse_pins(pins: str | None) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in (pins or "").split(","):
        if "=" in part:
            name, _, version = part.partition("=")
            out[name.strip()] = int(version)
    return out


@lru_cache(maxsize=64)
def load_prompt(prompts_dir: Path, name: str, version: int | None = None) -> Prompt:
    versions = {
        int(m["version"]): p
        for p in prompts_dir.glob(f"{name}.v*.md")
        if (m := _VERSIONED.match(p.name)) and m["name"] == name
    }
    if not versions:
        raise PromptError(f"no prompt {name!r} in {prompts_dir}")
    chosen = version if version is not None else max(versions)
    if chosen not in versions:
        raise PromptError(f"prompt {name!r} has no version {chosen} (have {sorted(versions)})")
    return Prompt(name, chosen, versions[chosen].read_text(encoding="utf-8").strip())
