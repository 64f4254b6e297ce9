"""Parsing the publication dates documents state into ISO form."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = re.compile(r"(?<!\d)(?P<year>\d{4})([-/.])(?P<mnum>\d{1,2})\2(?P<day>\d{1,2})(?!\d)")
# 25.09.2018, as European pages print it (slashed day/month orders are ambiguous: not read)
_DOTTED = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})(?!\d)")
_MONTH_DAY_YEAR = re.compile(
    _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.IGNORECASE
)
_DAY_MONTH_YEAR = re.compile(
    r"(?P<day>\d{1,2})(?:st|nd|rd|th|\.)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})", re.IGNORECASE
)
_FIRST_YEAR, _LAST_YEAR = 1800, 2200
DATE_PATTERNS = (_ISO, _DOTTED, _MONTH_DAY_YEAR, _DAY_MONTH_YEAR)
# The same shapes with any year from 1 to 6 digits: what a date field holds when it names a
# date sourcelint will not use ("0001-01-01", "December 31, 99999", "2020-13-45")
_DATE_SHAPES = tuple(
    re.compile(pattern.pattern.replace(r"(?P<year>\d{4})", r"(?P<year>\d{1,6})"), pattern.flags)
    for pattern in DATE_PATTERNS
)


def _valid(year: int, month: int, day: int) -> str | None:
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        return None  # a placeholder ("0001-01-01" in JSON-LD) or not a date
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(value: str) -> str | None:
    """The first full date (year, month, day) in `value` as YYYY-MM-DD, or None."""
    best: tuple[int, str] | None = None
    for pattern in DATE_PATTERNS:
        match = pattern.search(value)
        if not match:
            continue
        groups = match.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()]
        parsed = _valid(int(groups["year"]), month, int(groups["day"]))
        if parsed and (best is None or match.start() < best[0]):
            best = (match.start(), parsed)
    return best[1] if best else None


def unusable_date(value: str) -> str | None:
    """The date-shaped text of a date field that names no usable date (a year before 1800 or
    after 2200, a day that does not exist), or None when the field has a usable date or no
    date shape at all. The reader then treats the document as undated and says so (SL914)."""
    if parse_date(value):
        return None
    found = [match for pattern in _DATE_SHAPES if (match := pattern.search(value))]
    return min(found, key=lambda match: match.start()).group(0) if found else None


def unusable_date_message(where: str, shown: str) -> str:
    """SL914's message for a date field's unusable value."""
    return (
        f"{where} gives the date '{shown[:40]}', which is not a usable date (a year outside "
        f"{_FIRST_YEAR}-{_LAST_YEAR} or a day that does not exist); the document is treated "
        "as undated"
    )
