"""Small, dependable date helpers shared by the header readers.

News datelines and page headers write dates in a handful of shapes ("May 21",
"Jan. 5", "12 March", "February 21, 2013", "11 June 2015"). These helpers read exactly
those shapes and nothing cleverer, so a date is only ever reported when the text says
it. Signatures here are stable: other ingest modules import them.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
#: A month name or abbreviation (optionally with a dot), as a regex fragment.
MONTH_RE = rf"(?:{_MONTH_ALT})\.?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

_MONTH_DAY = re.compile(
    rf"\b(?P<month>{MONTH_RE})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>{_YEAR})\b)?",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(
    rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month>{MONTH_RE})(?:,?\s+(?P<year>{_YEAR}))?\b",
    re.IGNORECASE,
)
_YEAR_ONLY = re.compile(rf"(?<![\d.,/-]){_YEAR}(?![\d/-]|,\d)")


def month_number(name: str) -> int | None:
    """1–12 for an English month name or abbreviation ("Sept.", "march"), else None."""
    return MONTHS.get(name.strip().rstrip(".").casefold())


def iso_date(year: int | None, month: int, day: int) -> str | None:
    """``YYYY-MM-DD``, or ``--MM-DD`` without a year; None for an impossible date."""
    try:
        date(year or 2000, month, day)  # 2000 is a leap year, so --02-29 stays valid
    except ValueError:
        return None
    if year is None:
        return f"--{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_date(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the first month-day date in ``text``, else None.

    Reads both "May 21, 2004" and "21 May 2004" orders; the year is optional.
    """
    best: tuple[int, tuple[int | None, int, int]] | None = None
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for m in pattern.finditer(text):
            month = month_number(m.group("month"))
            day = int(m.group("day"))
            if month is None or not 1 <= day <= 31:
                continue
            year = int(m.group("year")) if m.group("year") else None
            if iso_date(year, month, day) is None:
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), (year, month, day))
            break
    return best[1] if best else None


def years_in(text: str) -> list[tuple[int, int]]:
    """Every plausible year (1800–2099) written in ``text``, as (offset, year)."""
    return [(m.start(), int(m.group())) for m in _YEAR_ONLY.finditer(text)]
