"""Unicode and whitespace normalisation, done once per paper so every offset in the system is stable."""

from __future__ import annotations

import re
import unicodedata

_CELL_GAP = re.compile(r"(?<=\S)[ ]*\t[ \t]*(?=\S)")


def clean_text(raw: str) -> str:
    """Normalise Unicode and whitespace so offsets are stable and passages read well. A tab or a wide run of
    spaces between words is a table's column gap: it becomes " | ", so the figure reader can tell columns."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    text = _CELL_GAP.sub(" | ", text).replace("\t", " ")
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch)[0] != "C")
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()
