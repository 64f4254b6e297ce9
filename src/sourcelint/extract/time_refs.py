"""Time expressions that date a figure ("as of March 3", "in 2022", "last year", "between
April and July", "so far"), resolved against the document's date.

A value is ISO at the granularity printed: "2025-03-03", "2025-03" or "2025". Periods give
their end ("between April and July" → the July), cumulative expressions ("so far", "in the
month since", "this week") give the document's date, and relative ones ("last year", "on
Tuesday") need a document date: in an undated document they resolve to nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sourcelint.dates import MONTHS
from sourcelint.extract.dates import WEEKDAYS, valid_day

# Month names must be capitalised ("may" is a verb); everything else matches in any case.
_MONTH_NAMES = (
    "(?-i:"
    + "|".join(
        sorted((name.capitalize() for name in MONTHS if len(name) > 3), key=len, reverse=True)
    )
    + ")"
)
_MONTH_ANY = (
    "(?-i:" + "|".join(sorted((n.capitalize() for n in MONTHS), key=len, reverse=True)) + ")"
)
_YEAR = r"(?:1[89]|20|21)\d\d"
_QUARTERS = {"first": 3, "second": 6, "third": 9, "fourth": 12, "final": 12, "last": 12}


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression: where it is, what it resolves to, and how it reads.

    `anchor` marks a comparison anchor ("on last year", "a year earlier") that dates only the
    figure beside it.
    """

    start: int
    end: int
    value: str
    anchor: bool = False


def _month_end_before(month: int, reference: date) -> str:
    year = reference.year if month <= reference.month else reference.year - 1
    return f"{year}-{month:02d}"


def _previous_month(reference: date) -> str:
    first = reference.replace(day=1) - timedelta(days=1)
    return f"{first.year}-{first.month:02d}"


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


Resolver = Callable[[re.Match[str], date | None], str | None]


def _full_date(match: re.Match[str], reference: date | None) -> str | None:
    if match.group(0).lower().startswith("since"):  # cumulative to now: "since March 1"
        return _now(match, reference)
    month = _month(match["month"])
    day = int(match["day"])
    if match["year"]:
        found = valid_day(int(match["year"]), month, day)
        return found.isoformat() if found else None
    if reference is None:
        return None
    found = valid_day(reference.year, month, day)
    if found is not None and found > reference + timedelta(days=1):
        found = valid_day(reference.year - 1, month, day)
    return found.isoformat() if found else None


def _month_year(match: re.Match[str], reference: date | None) -> str | None:
    month = _month(match["month"])
    if match["year"]:
        return f"{match['year']}-{month:02d}"
    if reference is None:
        return None
    preposition = (match.groupdict().get("prep") or "").lower()
    if preposition == "since":  # cumulative to now: "dropped by a fifth since June"
        return reference.isoformat()
    if preposition in ("for", "until", "by", "from") and month > reference.month:
        return f"{reference.year}-{month:02d}"  # a schedule: "trains for October"
    return _month_end_before(month, reference)


def _year(match: re.Match[str], reference: date | None) -> str | None:
    return match["year"]


def _year_span(match: re.Match[str], reference: date | None) -> str | None:
    first, second = match["year"], match["end"]
    if len(second) == 2:
        second = first[:2] + second
    return second if int(second) > int(first) else None


def _weekday(match: re.Match[str], reference: date | None) -> str | None:
    if reference is None:
        return None
    wanted = WEEKDAYS.index(match["weekday"].lower())
    return (reference - timedelta(days=(reference.weekday() - wanted) % 7)).isoformat()


def _now(match: re.Match[str], reference: date | None) -> str | None:
    return None if reference is None else reference.isoformat()


def _yesterday(match: re.Match[str], reference: date | None) -> str | None:
    return None if reference is None else (reference - timedelta(days=1)).isoformat()


def _this_year(match: re.Match[str], reference: date | None) -> str | None:
    return None if reference is None else str(reference.year)


def _last_year(match: re.Match[str], reference: date | None) -> str | None:
    return None if reference is None else str(reference.year - 1)


def _last_month(match: re.Match[str], reference: date | None) -> str | None:
    return None if reference is None else _previous_month(reference)


def _quarter(match: re.Match[str], reference: date | None) -> str | None:
    month = _QUARTERS[match["ordinal"].lower()]
    if match["year"]:
        return f"{match['year']}-{month:02d}"
    if reference is None:
        return None
    return _month_end_before(month, reference)


def _end_of_year(match: re.Match[str], reference: date | None) -> str | None:
    return f"{match['year']}-12"


def _named_season(match: re.Match[str], reference: date | None) -> str | None:
    if reference is None:
        return None
    return str(reference.year - (1 if match["which"].lower() == "last" else 0))


_WEEKDAY_NAMES = "(?-i:" + "|".join(day.capitalize() for day in WEEKDAYS) + ")"
_PATTERNS: tuple[tuple[re.Pattern[str], Resolver, bool], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), resolver, anchor)
    for pattern, resolver, anchor, _ in (
        # "as of March 3", "March 3, 2025", "3 March 2025", "on 1 October"
        (
            rf"\b(?:as\s+of\s+|on\s+|since\s+|by\s+|until\s+)?(?P<month>{_MONTH_NAMES}|"
            rf"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s+(?P<day>[0-3]?\d)"
            rf"(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>{_YEAR})\b)?(?![,.]?\d)",
            _full_date,
            False,
            False,
        ),
        (
            rf"\b(?:as\s+of\s+|on\s+|since\s+|by\s+|until\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"\s+(?:of\s+)?(?P<month>{_MONTH_ANY})\.?\b(?:,?\s+(?P<year>{_YEAR})\b)?",
            _full_date,
            False,
            False,
        ),
        # "between April and July", "between 2013 and 2023": the period's end
        (
            rf"\bbetween\s+(?:{_MONTH_NAMES})\s+and\s+(?P<month>{_MONTH_NAMES})"
            rf"(?:\s+(?P<year>{_YEAR}))?\b",
            _month_year,
            False,
            False,
        ),
        (rf"\bbetween\s+{_YEAR}\s+and\s+(?P<year>{_YEAR})\b", _year, False, True),
        # "the first quarter (of 2027)"
        (
            rf"\b(?:in\s+)?the\s+(?P<ordinal>first|second|third|fourth|final|last)\s+quarter"
            rf"(?:\s+of\s+(?P<year>{_YEAR}))?\b",
            _quarter,
            False,
            True,
        ),
        # "by the end of 2026"
        (rf"\b(?:by\s+)?the\s+end\s+of\s+(?P<year>{_YEAR})\b", _end_of_year, False, True),
        # "(in) the year to September", "in the 12 months to October"
        (
            rf"\b(?:in\s+)?the\s+(?:year|12\s+months|twelve\s+months)\s+(?:to|ending|ended)\s+"
            rf"(?P<month>{_MONTH_NAMES})(?:\s+(?P<year>{_YEAR}))?\b",
            _month_year,
            False,
            False,
        ),
        # "in March 2025", "in January", "during August", "since March"
        (
            rf"\b(?P<prep>in|during|for|by|until|of|since|as\s+of)\s+(?:early\s+|late\s+|mid-?)?"
            rf"(?P<month>{_MONTH_NAMES})(?:\s+(?P<year>{_YEAR}))?\b(?!\s+\d)",
            _month_year,
            False,
            False,
        ),
        (
            rf"\b(?P<month>{_MONTH_NAMES})\s+(?P<year>{_YEAR})\b",
            _month_year,
            False,
            False,
        ),
        # "2024-25", "for 2026-2030"
        (rf"\b(?P<year>{_YEAR})[-–](?P<end>\d\d(?:\d\d)?)\b", _year_span, False, False),
        # "in 2022", "by 2028", "to 2100", "the 2024 season"
        (
            rf"\b(?:in|during|for|by|to|until|of|in\s+early|in\s+late)\s+(?P<year>{_YEAR})\b"
            rf"(?![-–]\d|\s*(?:%|per\s|million|billion))",
            _year,
            False,
            True,
        ),
        (rf"\bthe\s+(?P<year>{_YEAR})\s+(?:season|harvest|financial\s+year)\b", _year, False, True),
        (rf"\b(?:since|as\s+of)\s+(?:{_YEAR})\b", _now, False, True),
        (
            rf"\b(?:on\s+|last\s+)?(?P<weekday>{_WEEKDAY_NAMES})\b(?!,?\s+(?:{_MONTH_NAMES}))",
            _weekday,
            False,
            False,
        ),
        (
            r"\b(?:so\s+far|to\s+date|now|currently|today|this\s+week|this\s+month|"
            r"this\s+season|in\s+the\s+(?:past|last)\s+(?:year|month|week|twelve\s+months|"
            r"12\s+months|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|fourteen|"
            r"thirty)\s+(?:days|weeks|months))|in\s+the\s+(?:month|week|year|weeks|months|"
            r"days)\s+since|year[-\s]to[-\s]date)\b",
            _now,
            False,
            True,
        ),
        (r"\byesterday\b", _yesterday, False, True),
        (
            r"\b(?:this|the\s+current)\s+(?:year|spring|summer|autumn|fall|winter)\b",
            _this_year,
            False,
            True,
        ),
        (
            r"\b(?P<which>last)\s+(?:spring|summer|autumn|fall|winter)\b",
            _named_season,
            False,
            True,
        ),
        (r"\b(?:on\s+|than\s+|from\s+)?last\s+year\b", _last_year, False, True),
        (r"\ba\s+year\s+(?:earlier|before|ago|previously)\b", _last_year, True, True),
        (r"\b(?:last\s+month|a\s+month\s+(?:earlier|before|ago))\b", _last_month, True, True),
    )
)


_ANY_TIME = re.compile(
    rf"(?P<month>{_MONTH_ANY})|(?P<weekday>{_WEEKDAY_NAMES})|(?P<year4>\b(?:1[89]|20|21)[0-9]{{2}}\b)"
    r"|\b(?P<word>years?|months?|weeks?|days|now|far|date|today|yesterday|currently|quarter|"
    r"season|spring|summer|autumn|fall|winter|since)\b",
    re.IGNORECASE,
)
_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
_NOW_WORDS = frozenset({"now", "far", "date", "today", "currently", "week", "weeks", "month"})
_NOW_WORDS |= {"months", "days", "year", "years", "season", "since"}
# What each of _PATTERNS needs in the sentence to have a chance, in the same order: a sentence
# is searched only with the patterns whose cue it holds.
_NEEDS: tuple[frozenset[str], ...] = (
    frozenset({"month"}),
    frozenset({"month"}),
    frozenset({"month"}),
    frozenset({"year4"}),
    frozenset({"quarter"}),
    frozenset({"year4"}),
    frozenset({"month"}),
    frozenset({"month"}),
    frozenset({"month"}),
    frozenset({"year4"}),
    frozenset({"year4"}),
    frozenset({"year4"}),
    frozenset({"year4"}),
    frozenset({"weekday"}),
    _NOW_WORDS,
    frozenset({"yesterday"}),
    frozenset({"year"}) | _SEASONS | {"season"},
    _SEASONS,
    frozenset({"year"}),
    frozenset({"year"}),
    frozenset({"month"}) | {"month_word"},
)


def _cues(text: str, start: int, end: int) -> set[str]:
    found: set[str] = set()
    for match in _ANY_TIME.finditer(text, start, end):
        kind = match.lastgroup or ""
        if kind == "word":
            word = match.group(0).lower()
            found.add(word)
            if word in ("month", "months"):
                found.add("month_word")
        else:
            found.add(kind)
    return found


def find_time_refs(text: str, start: int, end: int, *, reference: date | None) -> list[TimeRef]:
    """The time expressions in text[start:end] that resolve, in order, without overlaps
    (the first pattern listed wins where two overlap)."""
    cues = _cues(text, start, end)
    if not cues:
        return []  # one cheap search spares the twenty patterns below
    taken: list[TimeRef] = []
    for (pattern, resolver, anchor), needs in zip(_PATTERNS, _NEEDS, strict=True):
        if cues.isdisjoint(needs):
            continue
        for match in pattern.finditer(text, start, end):
            if any(match.start() < ref.end and ref.start < match.end() for ref in taken):
                continue
            value = resolver(match, reference)
            if value is None:
                continue
            lowered = match.group(0).lower()
            is_anchor = anchor or lowered.startswith(("on last", "than last", "from last"))
            taken.append(TimeRef(match.start(), match.end(), value, is_anchor))
    return sorted(taken, key=lambda ref: ref.start)
