"""Dates printed in prose ("on October 9", "in 2019", "on Tuesday"), resolved against the
document's date when the text leaves out the year or names only a weekday.

A resolved date is an ISO string: "2024-10-09" for a day, "2019" for a year alone.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from sourcelint.dates import MONTHS

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?(?![\d,]*\d)"
    rf"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH_NAMES})\.?"
    rf"(?:,?\s+(?P<year2>(?:1[6-9]|20)\d\d))?"
    rf"|(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    rf"|(?P<relative>yesterday|today|tonight|this morning|this afternoon|this evening)"
    rf"|(?:in|since|of|during|back|as far back as|around|by)\s+"
    rf"(?:{_MONTH.replace('month', 'month3')}\s+)?{_YEAR.replace('year', 'year3')}\b"
    rf"(?!\s*(?:%|per|million|billion))"
    rf")",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date in the text: where it is and what it resolves to."""

    start: int
    end: int
    value: str


def parse_iso(value: str | None) -> date | None:
    """A `date` from the document's ISO date ("2024-10-09", or a longer timestamp)."""
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def period_end(value: str) -> date | None:
    """The last day of an ISO date, month ("2025-03") or year ("2024")."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, int(parts[2]))
    except (ValueError, IndexError):
        return None


def valid_day(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist (30 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(match: re.Match[str], reference: date | None) -> str | None:
    groups = match.groupdict()
    month_name = groups["month"] or groups["month2"]
    day_text = groups["day"] or groups["day2"]
    year_text = groups["year"] or groups["year2"] or groups["year3"]
    if month_name and day_text:
        month = MONTHS[month_name.lower().rstrip(".")]
        if year_text:
            found = valid_day(int(year_text), month, int(day_text))
            return found.isoformat() if found else None
        if reference is None:
            return None
        found = valid_day(reference.year, month, int(day_text))
        if found is None:
            return None
        if found > reference + timedelta(days=1):  # "on December 30" in a January article
            found = valid_day(reference.year - 1, month, int(day_text))
        return found.isoformat() if found else None
    if groups["weekday"]:
        if reference is None:
            return None
        wanted = WEEKDAYS.index(groups["weekday"].lower())
        return (reference - timedelta(days=(reference.weekday() - wanted) % 7)).isoformat()
    if groups["relative"]:
        if reference is None:
            return None
        back = 1 if groups["relative"].lower() == "yesterday" else 0
        return (reference - timedelta(days=back)).isoformat()
    if year_text:
        if groups["month3"]:
            return f"{year_text}-{MONTHS[groups['month3'].lower().rstrip('.')]:02d}"
        return year_text
    return None


def find_dates(text: str, start: int, end: int, *, reference: date | None) -> list[DateMention]:
    """The dates printed in text[start:end] that resolve, in order."""
    found: list[DateMention] = []
    for match in _DATE.finditer(text, start, end):
        value = _resolve(match, reference)
        if value is not None:
            found.append(DateMention(match.start(), match.end(), value))
    return found
