"""A date or period found in text: where it is written and the days it covers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class DateMention:
    start: int  # character offsets of the phrase
    end: int
    first: dt.date  # the period it denotes
    last: dt.date
    label: str
    kind: str
