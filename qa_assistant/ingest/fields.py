"""Rules for the metadata a person or a manifest may set on a paper: known fields only, one line of plain
text, dates as YYYY-MM-DD, source URLs as http(s) addresses only.

Shared by library (uploads, sidecars, corrections: a bad value is refused with the reason) and documents
(a hand-edited manifest: a bad value is dropped with a note), so nothing reaches a citation, the chat page or
/v1 that these rules would refuse: no control characters, no `javascript:` links.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from urllib.parse import urlsplit

EDITABLE = ("title", "committee", "meeting_date", "kind", "source_url", "date_note")
MAX_CHARS = 500
URL_SCHEMES = ("http", "https")


def validate_fields(fields: dict) -> dict:
    """Checked, normalised values for the given fields (None or "" clears one); ValueError says what is wrong."""
    return {key: validate_field(key, value) for key, value in fields.items()}


def validate_field(key: str, value: object) -> str | None:
    if key not in EDITABLE:
        raise ValueError(f"unknown metadata field {key!r}; editable: {', '.join(EDITABLE)}")
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"{key} must be text, not {type(value).__name__}")
    text = " ".join(value.split())
    if not text:
        return None
    bad = next((ch for ch in text if unicodedata.category(ch).startswith("C")), None)
    if bad is not None:
        raise ValueError(f"{key} contains a control character (U+{ord(bad):04X}); remove it")
    if len(text) > MAX_CHARS:
        raise ValueError(f"{key} is longer than {MAX_CHARS} characters")
    if key == "meeting_date":
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError as exc:
            raise ValueError(f"meeting_date {value!r} is not a date in YYYY-MM-DD form") from exc
    if key == "source_url":
        parts = urlsplit(text)
        if parts.scheme.lower() not in URL_SCHEMES or not parts.netloc or " " in text or "\\" in text:
            raise ValueError(f"source_url {text[:100]!r} is not an http:// or https:// address")
    return text


def clean_entry(entry: dict, where: str, problems: list[str]) -> dict:
    """A manifest entry with every invalid field dropped (and noted in problems), for loading a paper."""
    clean: dict = {}
    for key in EDITABLE:
        if key not in entry:
            continue
        try:
            clean[key] = validate_field(key, entry[key])
        except ValueError as exc:
            problems.append(f"{where}: {exc}; treated as not stated")
    inferred = entry.get("inferred")
    clean["inferred"] = [f for f in inferred if f in EDITABLE] if isinstance(inferred, list) else []
    return clean
