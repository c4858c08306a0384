"""Unicode and whitespace normalisation, done once per paper so every offset in the system is stable."""

from __future__ import annotations

import re
import unicodedata


def clean_text(raw: str) -> str:
    """Normalise Unicode and whitespace so offsets are stable and passages read well."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").replace("\t", " ")
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch)[0] != "C")
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()
