"""Statistics: every figure in the prose, its value, unit, bound, rate, change, what it
counts, what it is part of, and the date it refers to.

The stage reads each sentence with regular expressions and word lists; no statistical model
runs in it. A sentence without a digit or a number word is skipped after one search. In a
sentence, a figure's core is found first (digits, number words, a fraction, a vague count),
then what is printed around it: a currency sign, a scale word, a unit, a bound word before
it, a range, a rate after it. Labels that look like figures (years, dates, clock times,
ordinals, ages, list numbers, markers, pages and sections, phone and version numbers,
identifiers, scores, time windows) are dropped before that. Then each figure of the sentence
gets its change, counted thing, part-of link and as-of date.
"""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from sourcelint.claim_table import ClaimTable, sentence_spans
from sourcelint.dates import MONTHS
from sourcelint.document import Document
from sourcelint.extract.dates import parse_iso, period_end
from sourcelint.extract.events import DatedFigure, past_events
from sourcelint.extract.numbers import (
    DENOMINATORS,
    DIGITS_PATTERN,
    NUMBER_WORD,
    SCALE_ABBREVIATIONS,
    SCALES,
    SCALES_LONG,
    SMALL,
    VAGUE_MAGNITUDE,
    VAGUE_SCALE,
    WORDS_PATTERN,
    digits_value,
    largest_scale,
    trie_pattern,
    words_value,
)
from sourcelint.extract.time_refs import find_time_refs
from sourcelint.guard import at
from sourcelint.model import Claim, Quantity
from sourcelint.record_table import RecordTable, Spans
from sourcelint.terms import load_terms

TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})
PERCENT_UNITS = frozenset({"percent", "percentage_point", "permille"})


# --- term tables ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UnitTable:
    """Unit surfaces → canonical units, as one regular expression per matching mode."""

    canonical: dict[str, str]
    sensitive: re.Pattern[str]
    insensitive: re.Pattern[str]


def _pairs(name: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for line in load_terms(name):
        canonical, _, forms = line.partition(":")
        pairs.extend((form.strip(), canonical.strip()) for form in forms.split(",") if form.strip())
    return pairs


def _mapping(name: str) -> dict[str, str]:
    """A data file of `phrase: value` lines as a dict keyed by the lower-cased phrase."""
    pairs = (line.partition(":") for line in load_terms(name))
    return {phrase.strip().lower(): value.strip() for phrase, _, value in pairs}


def _alternation(forms: Sequence[str]) -> str:
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))


@cache
def units() -> UnitTable:
    """The unit table of data/units.txt."""
    canonical: dict[str, str] = {}
    sensitive: list[str] = []
    insensitive: list[str] = []
    for form, name in _pairs("units"):
        case_matters = len(form) <= 3
        canonical[form if case_matters else form.lower()] = name
        (sensitive if case_matters else insensitive).append(form)
    tail = r"(?![\w²³])"
    return UnitTable(
        canonical,
        re.compile(rf"(?:{_alternation(sensitive)}){tail}"),
        re.compile(rf"(?:{_alternation(insensitive)}){tail}", re.IGNORECASE),
    )


@cache
def currency_signs() -> tuple[re.Pattern[str], dict[str, str]]:
    """Signs and codes printed before an amount (data/currency_signs.txt)."""
    table = dict(_pairs("currency_symbols"))
    pattern = re.compile(rf"(?:{_alternation(list(table))})[ \u00a0]?(?=[0-9])")
    return pattern, table


@cache
def qualifiers() -> tuple[re.Pattern[str], dict[str, str]]:
    """Bound words before a figure (data/quantity_qualifiers.txt), matched at its left."""
    table = _mapping("quantity_qualifiers")
    pattern = re.compile(
        rf"(?<![\w-])(?:just\s+|well\s+)?(?:{_alternation(list(table))})\s+$", re.IGNORECASE
    )
    return pattern, table


@cache
def change_words() -> dict[str, str]:
    """Words of movement over time → rise or fall (data/change_words.txt)."""
    return _mapping("change_words")


@cache
def _word_set(name: str) -> frozenset[str]:
    return frozenset(term.lower() for term in load_terms(name))


_TIME_POINT_AFTER = re.compile(
    r"(?:\s+(?:seasons?|years?|weeks?|days?|months?|hours?|minutes?|decades?))?"
    r"\s+(?:ago|later|earlier|early|late|hence|afterwards)\b",
    re.IGNORECASE,
)


@cache
def _window_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w-])(?:{_alternation(load_terms('window_words'))})\s+$", re.IGNORECASE
    )


# --- the cores: where a figure is ------------------------------------------------------------

_SMALL_WORDS = "|".join(sorted(SMALL, key=len, reverse=True))
_DENOMINATOR = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
_FRACTION_FOLLOW = (
    r"(?=\s+of\b|\s*[,.;:)!?–—]|\s*$|\s+(?:more|less|fewer|higher|lower|smaller|larger|bigger|"
    r"cheaper|dearer|in\b|since\b|on\b|over\b|from\b|than\b|and\b|to\b|as\b))"
)
_CORE = re.compile(
    rf"(?P<vague>\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)"
    rf"|(?:several|a\s+few|many)\s+(?:hundred|thousand|million|billion)(?!\s+(?:and\s+)?[a-z]*-?\d)"
    rf"|dozens|scores(?=\s+of\b)|hundreds|thousands|millions|billions)\b)"
    rf"|(?P<ratio>\b(?:[0-9]{{1,3}}|{_SMALL_WORDS})\s+"
    rf"(?:(?<=one\s)(?:year|day|week|month|household|adult|child|person)\s+)?in\s+(?:every\s+)?"
    rf"(?!(?:1[5-9]|20|21)[0-9]{{2}}\b)"
    rf"(?:{DIGITS_PATTERN}|(?:{NUMBER_WORD})(?:[\s-]+(?:{NUMBER_WORD}))*)\b(?![.,]?[0-9]))"
    rf"|(?P<fraction>\b(?:an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
    rf"(?:{_DENOMINATOR})\b(?!-){_FRACTION_FOLLOW})"
    rf"|(?P<half>(?<![\w-])(?<!first\s)(?<!second\s)(?<!the\s)(?<!latter\s)half\b(?![-\w])(?=\s+(?:of|the|its|their|his|her|our|all|those|these)\b"
    rf"|\s*[,.;:]))"
    rf"|(?P<slash>(?<![\w./])(?:[0-9]{{1,3}}\s+)?[0-9]{{1,2}}/[0-9]{{1,3}}(?![\w/]))"
    rf"|(?P<times>(?:\b(?:{DIGITS_PATTERN}|{_SMALL_WORDS})\s+times|\btwice)\b"
    rf"(?!\s+(?:a|an|per|each|every|in|since|before|over|this|that|last|daily|weekly)\b))"
    rf"|(?P<digits>(?<![\w.,/\\#@&])(?<![A-Za-z]-)(?:[+\-−](?=[0-9]|[$€£]))?(?P<digits_number>{DIGITS_PATTERN})"
    rf"(?![.,][0-9])(?P<glued>[A-Za-z%°‰²³/]+(?:/[A-Za-z]+)?)?)"
    rf"|(?P<words>\b{WORDS_PATTERN}\b(?!-(?:{NUMBER_WORD})))",
    re.IGNORECASE,
)
_PLAIN_CORE = re.compile(
    rf"(?P<digits>(?<![\w.,/\\#@&])(?P<digits_number>{DIGITS_PATTERN})(?![.,][0-9])"
    rf"(?P<glued>[A-Za-z%°‰²³/]+(?:/[A-Za-z]+)?)?)"
    rf"|(?P<words>\b{WORDS_PATTERN}\b(?!-(?:{NUMBER_WORD})))",
    re.IGNORECASE,
)
_TRIGGER_WORDS = [*SMALL, "hundred", "thousand", "million", "billion", "dozen", "half", "twice"]
_TRIGGER_WORDS += ["dozens", "scores", "hundreds", "thousands", "millions", "billions"]
_ANY_NUMBER = re.compile(
    rf"[0-9]+|\b{trie_pattern([*_TRIGGER_WORDS, *DENOMINATORS])}\b", re.IGNORECASE
)
_LOWER_NUMBER = re.compile(rf"[0-9]+|\b{trie_pattern([*_TRIGGER_WORDS, *DENOMINATORS])}\b")
_WORD_START = re.compile(r"\b\w")
_LABEL_START = re.compile(r"\b\w|[+(‘'’]")


def number_positions(text: str, spans: Sequence[tuple[int, int]] | None = None) -> list[int]:
    """Where each run of digits and each number word starts in the `spans` of `text` (all of
    it by default), in order: one pass, so a sentence without any is skipped at the cost of a
    lookup. Each span is lower-cased on its own, which keeps memory flat on huge documents."""
    positions: list[int] = []
    for start, end in spans if spans is not None else [(0, len(text))]:
        piece = text[start:end]
        lowered = piece.lower()
        if len(lowered) == len(piece):  # offsets kept: search without IGNORECASE
            positions.extend(start + match.start() for match in _LOWER_NUMBER.finditer(lowered))
        else:
            positions.extend(match.start() for match in _ANY_NUMBER.finditer(text, start, end))
    return positions


_DIGIT = re.compile(r"[0-9]")

# --- labels that look like figures ----------------------------------------------------------

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_MASKS = re.compile(
    # links and addresses: "https://…?q=30%25", "www.example.org/2024/05", "name@host"
    r"\b(?:https?://|www\.)\S+|(?<!\S)[^\s@]+@\S+\.\w+"
    r"|"
    # dates: "March 3", "May 9, 2025", "1 October", "3 to 9 November", "January 2024"
    rf"\b{_MONTHS}\s+[0-3]?[0-9](?:st|nd|rd|th)?\b(?![.,][0-9])(?:,?\s+[0-9]{{4}}\b)?"
    rf"|\b[0-3]?[0-9](?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*[0-3]?[0-9](?:st|nd|rd|th)?)?"
    rf"\s+(?:of\s+)?{_MONTHS}(?:,?\s+[0-9]{{4}})?\b"
    rf"|\b{_MONTHS}\s+[0-9]{{4}}\b"
    # clock times: "8am", "4.40am", "7:30", "10 p.m."
    r"|\b[0-2]?[0-9](?:[.:][0-5][0-9])?\s?(?:am|pm|a\.m\.|p\.m\.|GMT|BST|CET|UTC)(?!\w)"
    r"|\b[0-2]?[0-9]:[0-5][0-9]\b"
    # phone numbers: "0800 412 7763", "+44 1632 960 214", "0471 55 20 90"
    r"|(?<![\w+])(?:\+[0-9]{1,3}[\s.-]?\(?0?\)?[0-9]{1,5}|\(?0[0-9]{1,5}\)?)(?:[\s.-][0-9]{2,4}){1,4}\b"
    # numeric dates: "2020-10-26", "2020/10/26", "26.10.2020", "10/26/2020"
    r"|\b(?:1[5-9]|20|21)[0-9]{2}([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12][0-9]|3[01])\b"
    r"|\b(?:0?[1-9]|[12][0-9]|3[01])([./])(?:0?[1-9]|1[0-2])\2(?:1[5-9]|20|21)[0-9]{2}\b"
    r"|\b(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12][0-9]|3[01])/(?:[0-9]{2}|(?:1[5-9]|20|21)[0-9]{2})\b"
    # North American phone numbers: "206-652-6593", "(206) 652-6593"
    r"|(?<![\w+])\(?[0-9]{3}\)?[\s.-][0-9]{3}[.-][0-9]{4}\b"
    # coordinates: "41°17′S", "174°46′E", "41.3° N"
    r"|\b[0-9]{1,3}(?:\.[0-9]+)?°\s*(?:[0-9]{1,2}(?:\.[0-9]+)?[′']\s*)?"
    r"(?:[0-9]{1,2}(?:\.[0-9]+)?[″\"]\s*)?[NSEW]\b"
    # arithmetic and code: "2^15 - 1", "2**16"
    r"|\b[0-9]+\s*(?:\^|\*\*)\s*[0-9]+(?:\s*[-+*/]\s*[0-9]+)*"
    # standard identifiers and their codes: "ISSN 1234-5678", "ISBN 978-3-16-148410-0",
    # "doi:10.1000/182", "PMID 12345678", "arXiv:2101.00001"
    r"|\b(?:ISSN|e?ISBN(?:-1[03])?|DOI|PMID|PMCID|arXiv|OCLC|LCCN)\b:?\s*[0-9][0-9Xx./:-]*"
    # version numbers and codes: "5.2.1", "v2.0.3", "OG/2025/014", "A61", "SV-15"
    r"|\b[0-9]+(?:\.[0-9]+){2,}\b|\b[A-Za-z]+[0-9][\w]*\b|\b[A-Z]{1,4}-[0-9]+\b"
    r"|\b[A-Za-z]\w*(?:/[0-9]+)+\b|\b[0-9]+(?:/[0-9]+){2,}\b"
    # years and decades: "1960s", "the '90s", "2024-25", "2026–2030"
    r"|\b(?:1[5-9]|20|21)[0-9]{2}s\b|['’][0-9]0s\b"
    r"|\b(?:1[5-9]|20|21)[0-9]{2}\s*[-–/]\s*(?:(?:1[5-9]|20|21)[0-9]{2}|[0-9]{2})\b"
)
_NEXT_WORD = re.compile(r"[\s-]+([^\W\d_][\w'’-]*)")
_PHONE_CONTEXT = re.compile(
    r"\b(?:call|calling|ring|dial|phone|telephone|tel|helpline|hotline|freephone|text|sms|fax)"
    r"\b[^.;]{0,25}$",
    re.IGNORECASE,
)
_LIST_NUMBER = re.compile(r"(?:^|\n)[ \t]*(?:[-*•][ \t]+)?$")
_AGE_BRACKET = re.compile(
    r"\b(?:children|kids|pupils|babies|infants|adults|people|those|men|women|girls|boys|anyone)"
    r"\s+(?:under|over|aged|below|above|older\s+than|younger\s+than)\s+$",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(
    r"(?:\b[A-Z][\w'’.-]+,\s*$|\(\s*$|\b(?:aged|age|ages|aged\s+between|aged\s+from)\s+$)"
)
_AGE_AFTER = re.compile(r"^\s*(?:,|\)|;|\s+who\b|\s+(?:years?|months?)[\s-]+old\b|-year-old)")
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|in|since|by|of|from|to|until|till|during|between|and|after|before|"
    r"around|early|late|mid|circa|c\.|fiscal|year|spring|summer|autumn|winter)|['’]s)\s+$",
    re.IGNORECASE,
)
_CLOCK_ZONE = re.compile(r"\s*(?:UTC|GMT|hrs\b|hours\s+(?:local|UTC|GMT))")
_CLOCK_LEFT = re.compile(r"\s+(?:left|remaining|to\s+go|to\s+play)\b")
_PERSON_WAS = re.compile(r"\b(?:I|he|she|we|they)\s+(?:was|were|am|turned)\s+$", re.IGNORECASE)
_AT_SHOP = re.compile(r"\s+(?:at|from|on)\s+((?:[A-Z][\w'’&.]*)(?:\s+[A-Z][\w'’&.]*)?)")
_SERVES = re.compile(r"\b(?:serves|makes|yields?|servings?:?)\s+$", re.IGNORECASE)
_DEAL_WORDS = re.compile(
    r"\b(?:save|saving|was|reg\.|regularly|list price|MSRP|off|deal|discount|coupon|sale)\b",
    re.IGNORECASE,
)
# A sentence's first word, past bullets, numbering and opening marks; a capitalised word
# followed by a space (a verb opening an instruction, not "Save:" as a label).
_OPENING_WORD = re.compile(r"[\s\-*•>\"“‘(]*([A-Z][a-z]+)[ \t]")
# Two capitalised words right after a bare number, the first singular: a name holds the
# number ("80 Day Obsession").
_TITLE_AFTER = re.compile(r"[ \t]+[A-Z][a-z]+(?<!s)[ \t]+[A-Z][a-z]+\b")
# "16-inch MacBook", "12-inch Surface": a size joined to its unit by a hyphen, then a name
# (a word with a capital inside, "MacBook", or two capitalised words, "Surface Pro"; not a
# "12-foot Burmese python")
_SIZE_BEFORE_NAME = re.compile(
    r"[ \t]+(?:[A-Za-z]+[a-z][A-Z][A-Za-z]*|[A-Z][a-z]+[ \t]+[A-Z][A-Za-z]+)\b"
)
_POINTS_TO = re.compile(r"[ \t]+(?:points?|goals?|runs?)[ \t]+to[ \t]+\d+\b")
_ANAPHORIC = re.compile(r"\b(?:the|these|those|both)\s+$", re.IGNORECASE)
_RANK = re.compile(r"\b(?:top|bottom|first|last|the\s+best|the\s+worst)\s+$", re.IGNORECASE)
_SUPERLATIVE_AFTER = re.compile(r"^\s+\w+est\b|^\s+most\b", re.IGNORECASE)


# --- what is printed around a core ----------------------------------------------------------

_SCALE_WORD_AFTER = re.compile(
    r"\s+(million|billion|trillion|thousand|lakh(?:\s+crore)?|crore)s?\b", re.IGNORECASE
)
_METRE_CONTEXT = re.compile(
    r"^\s+(?:tall|high|deep|long|wide|above|below|away|across|thick|in\b|of\s+(?:rain|snow|water))",
    re.IGNORECASE,
)
_RATE_AFTER = re.compile(
    r"\s*(?:(?P<adverb>annually|yearly|a\s+year|per\s+year|per\s+annum|each\s+year|every\s+year|"
    r"daily|a\s+day|per\s+day|each\s+day|weekly|a\s+week|per\s+week|monthly|a\s+month|"
    r"per\s+month|hourly|an\s+hour|per\s+hour|a\s+night|per\s+night|a\s+head|per\s+head|"
    r"per\s+capita|per\s+person)\b(?!\s+(?:earlier|before|ago|later|previously|on)\b)"
    r"|(?P<per>(?:per|a|an)\s+|/)(?:(?<=per\s)[a-z]+(?:ed|ing)\s+)?"
    r"(?P<denominator>[A-Za-z][\w-]*(?:\s+hour)?)\b"
    r"(?!\s+(?:earlier|before|ago|later|previously)\b))",
    re.IGNORECASE,
)
_RATE_ADVERBS = {
    "annually": "per year",
    "yearly": "per year",
    "per annum": "per year",
    "daily": "per day",
    "weekly": "per week",
    "monthly": "per month",
    "hourly": "per hour",
    "a head": "per person",
    "per head": "per person",
    "per capita": "per person",
}
_RATE_DENOMINATORS = frozenset(
    {"night", "person", "resident", "household", "farm", "voter", "pupil", "student", "patient"}
)
_ADJECTIVE_ENDINGS = ("ed", "al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ary", "est")
_VALUE_OF = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?:(?P<modifier>[a-z][\w-]*)\s+)?(?P<noun>[a-z][\w-]*)\s+"
    r"(?:of|at|was|is|stood\s+at|came\s+to|reached|totalled|hit)\s+$"
    r"|\b(?:puts?|putting|estimates?|estimated|values?|valued|sets?|setting)\s+(?:the|its|their)\s+"
    r"(?P<noun2>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+at\s+$",
)
_OF_NOUN = re.compile(
    r"^\s+(?P<prep>of|in)\s+(?:(?:the|its|their|his|her|our|this|that|those|these|all|[A-Z]?[\w-]+['’]s?)"
    r"\s+)?(?P<phrase>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3})"
)
_PART_AFTER = re.compile(r"^\s+of\s+(?:them|whom|those|these)\b", re.IGNORECASE)
_PART_BEFORE = re.compile(
    r"\b(?:including|include|includes|included|among\s+them|of\s+which|of\s+whom)\s+$",
    re.IGNORECASE,
)
_PART_OF_NEXT = re.compile(
    r"^\s+of\s+(?:the|its|their|our|his|her|those|these|all|[A-Z]?[\w-]+['’]s?)\s+"
    r"(?:[A-Za-z'’-]+\s+){0,3}?$"
)
_CHANGE_NOUN = re.compile(
    r"\b(?:a|an|the)\s+(?:\w+\s+)?(?P<noun>rise|increase|jump|gain|growth|fall|drop|decline|"
    r"decrease|cut|reduction|loss)\s+of\s+$",
    re.IGNORECASE,
)
_RISE_NOUNS = frozenset({"rise", "increase", "jump", "gain", "growth"})
_COMPARED = re.compile(
    r"(?:\bcompared\s+(?:with|to)|\bfrom|\bagainst|\bversus|\bvs\.?)\s+$", re.IGNORECASE
)
_TEMPERATURE_CONTEXT = re.compile(
    r"\b(?:temperatures?|degrees?|warm\w*|cold\w*|heat\w*|hot\w*|cool\w*|freez\w*|"
    r"thaw\w*|frost\w*|highs?|lows?|weather|climate|celsius|fahrenheit)\b|°",
    re.IGNORECASE,
)
_POINTS_CONTEXT = re.compile(
    r"%|\bper\s?cent|\bpercent|\bturnout|\bpoll|\bshare|\brate\b|\bapproval|\bmargin",
    re.IGNORECASE,
)
_REPORTING_BEFORE = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|confirmed|added|wrote|stated)\s+$", re.IGNORECASE
)
_CLAUSE_BREAK = re.compile(r"[;:()–—]|,\s|\s-\s|\b(?:while|whereas|but)\b")


@dataclass(slots=True)
class _Figure:
    """A figure while its sentence is read (mutable; frozen into a Quantity at the end)."""

    start: int
    end: int
    core_start: int
    core_end: int
    value: float | None
    unit: str | None = None
    value_high: float | None = None
    scale: str | None = None
    magnitude: int | None = None
    qualifier: str | None = None
    rate: str | None = None
    change: str | None = None
    counted: str | None = None
    part_of: int | None = None
    as_of: str | None = None
    kind: str = "count"  # count, measure, money, share, ratio, vague
    signed: bool = False


def _is_plural(word: str) -> bool:
    lowered = word.lower()
    if lowered in _word_set("irregular_plurals"):
        return True
    return (
        len(lowered) > 3
        and lowered.endswith("s")
        and not lowered.endswith(("ss", "us", "is", "'s", "’s"))
    )


def _is_adjective(word: str) -> bool:
    lowered = word.lower()
    return lowered in _word_set("count_adjectives") or (
        lowered.endswith(_ADJECTIVE_ENDINGS) and not _is_plural(lowered) and len(lowered) > 4
    )


def _noun_phrase(text: str, position: int, limit: int, *, need_plural: bool) -> tuple[int, str]:
    """The noun phrase that starts at `position`: (its end, its head phrase lower-cased), or
    (position, "") when there is none. Adjectives at its left are dropped from the head."""
    words: list[tuple[int, int, str]] = []
    for match in re.finditer(r"\s*([A-Za-z][\w'’-]*)", text[position:limit]):
        if match.start() != (words[-1][1] - position if words else 0):
            break
        word = match.group(1)
        if word.lower() in _word_set("count_stop_words") or word.lower() in change_words():
            break
        if word[0].isupper():
            break
        words.append((position + match.start(1), position + match.end(1), word))
        if _is_plural(word) or len(words) == 4:
            break
    if not words:
        return position, ""
    if need_plural and not _is_plural(words[-1][2]):
        return position, ""
    end = words[-1][1]
    head = [word for _, _, word in words if not word.endswith(("'s", "’s"))] or [words[-1][2]]
    while len(head) > 1 and _is_adjective(head[0]):
        head.pop(0)
    return end, " ".join(head).lower()


class _SentenceReader:
    """Reads the figures of one sentence."""

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        masks: Sequence[tuple[int, int]],
        triggers: Sequence[int],
        *,
        pound_money: bool = True,
    ) -> None:
        self.pound_money = pound_money
        self.text = text
        self.start = start
        self.end = end
        self.masks = masks
        self.triggers = triggers
        self.score_end = -1  # where the last score read ("112-107") ends

    def masked(self, start: int, end: int) -> bool:
        """Whether text[start:end] lies in a citation marker or a label that looks like a
        figure (a date, clock time, phone or version number, code, link, page or score).
        Labels are looked for around the figure only: most of a document holds none."""
        index = bisect_right(self.masks, (start, 10**12)) - 1
        for mask_start, mask_end in self.masks[max(index - 2, 0) : index + 2]:
            if mask_start < end and start < mask_end:
                return True
        text = self.text
        if _DIGIT.search(text, start, end) is None:
            return False  # every label holds a digit
        token_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
        token_end = min(
            (found for found in (text.find(" ", end), text.find("\n", end)) if found >= 0),
            default=len(text),
        )
        token = text[token_start:token_end]
        if "://" in token or "www." in token or "@" in token:
            return True  # a link or an address
        window_end = min(end + 40, self.end + 8, len(text))
        # A label overlapping the figure starts at a word (or a "+", "(", "'") at most a few
        # words before it: the patterns are tried there only, not at every character.
        labels = _label_pattern()
        for candidate in _LABEL_START.finditer(text, max(start - 40, self.start - 8, 0), end):
            at = candidate.start()
            for pattern in (_MASKS, labels):
                found = pattern.match(text, at, window_end)
                if found is not None and found.start() < end and start < found.end():
                    return True
            score = _SCORE.match(text, at, window_end)
            # "3-1", "2-2": a result
            if (
                score is not None
                and score.start() < end
                and start < score.end()
                and int(score.group(1)) >= int(score.group(2))
            ):
                return True
        return False

    def before(self, position: int, width: int = 80) -> str:
        return self.text[max(self.start, position - width) : position]

    def after(self, position: int, width: int = 80) -> str:
        return self.text[position : min(self.end, position + width)]

    def figures(self) -> list[_Figure]:
        found: list[_Figure] = []
        position = self.start
        while position < self.end:
            match = self.next_core(position)
            if match is None:
                break
            figure = None
            if not self.masked(match.start(), match.end()):
                figure = self.read(match)
            if figure is None and match.lastgroup in ("ratio", "times", "fraction"):
                # a rejected "11 in nine" still starts with a figure
                plain = _PLAIN_CORE.match(self.text, match.start(), self.end)
                if plain is not None and not self.masked(plain.start(), plain.end()):
                    figure = self.read(plain)
                if figure is None:
                    position = plain.end() if plain else match.start() + 1
                    continue
            if figure is None:
                position = max(match.end(), self.score_end)
                continue
            found.append(figure)
            position = figure.end
        return found

    def next_core(self, position: int) -> re.Match[str] | None:
        """The first figure's core at or after `position`. Rather than running the whole
        pattern at every character, it is tried only at the words just before a digit or a
        number word (a core starts there: "a third", "tens of thousands", "+8")."""
        text = self.text
        triggers = self.triggers
        for index in range(bisect_left(triggers, position), len(triggers)):
            at = triggers[index]
            if at >= self.end:
                break
            starts = [
                word.start() for word in _WORD_START.finditer(text, max(position, at - 16), at)
            ]
            if at - 1 >= position and text[at - 1] in "+-−":
                starts.append(at - 1)
            starts.append(at)
            for start in sorted(set(starts)):
                match = _CORE.match(text, start, self.end)
                if match is not None and match.end() > at:
                    return match
        return None

    # -- one figure

    def read(self, match: re.Match[str]) -> _Figure | None:
        kind = match.lastgroup
        if kind == "digits":
            figure = self.read_digits(match)
        elif kind == "words":
            figure = self.read_words(match)
        elif kind == "vague":
            figure = self.read_vague(match)
        elif kind in ("ratio", "fraction", "half", "times"):
            figure = self.read_ratio(match, kind)
        elif kind == "slash":
            figure = self.read_slash(match)
        else:  # pragma: no cover - the pattern has no other group
            return None
        if figure is None:
            return None
        if (
            figure.unit in TIME_UNITS
            or re.match(r"\s+(?:seasons?|years?|weeks?|days?|months?)\b", self.after(figure.end))
        ) and (self.is_window(figure) or self.is_time_point(figure)):
            return None
        if self.is_age_bracket(figure):
            return None
        if self.attributive_duration(figure) or self.clock_or_age(figure):
            return None
        if figure.unit is None and _TITLE_AFTER.match(self.text, figure.end, self.end):
            return None  # "80 Day Obsession": part of a name
        if self.size_in_a_name(figure):
            return None
        self.read_qualifier(figure)
        self.read_range(figure)
        if figure.kind == "score":
            return None
        points = _POINTS_TO.match(self.text, figure.end, self.end)
        if points is not None and figure.unit is None:
            self.score_end = points.end()
            return None  # "defeated Wynnum 45 points to 24": a score
        self.read_rate(figure)
        return figure

    def size_in_a_name(self, figure: _Figure) -> bool:
        """ "the 16-inch MacBook Pro": a size hyphenated to its unit before a capitalised name
        labels a product model; "a 22-inch wheel", "the 2,000-mile-wide moon" still measure."""
        surface = self.text[figure.start : figure.end]
        if figure.unit is None or not re.search(r"[0-9]-[A-Za-z]", surface):
            return False
        name = _SIZE_BEFORE_NAME.match(self.text, figure.end, self.end)
        return name is not None and name.group(0).split()[0].lower() not in MONTHS

    def clock_or_age(self, figure: _Figure) -> bool:
        """A reading of a clock or a person's age, not a statistic: "0100 UTC", "with 55
        seconds left", "since I was 17"."""
        surface = self.text[figure.start : figure.end]
        after = self.after(figure.end, 24)
        if re.fullmatch(r"[0-2][0-9][0-5][0-9]", surface) and (
            surface.startswith("0") or _CLOCK_ZONE.match(after)
        ):
            return True
        before = self.before(figure.start, 12)
        if (
            figure.unit in TIME_UNITS
            and re.search(r"\bwith\s+$", before)
            and _CLOCK_LEFT.match(after)
        ):
            return True
        if figure.unit in (None, "year") and re.match(
            r"(?:[\s-]+years?)?[\s-]+(?:old\b|of\s+age\b)", after
        ):
            # "she was 14 years old": an age, a statistic only as a group's aggregate ("the
            # average patient was 64 years old")
            sentence = self.text[self.start : figure.start]
            return _AGGREGATE_AGE.search(sentence) is None
        if figure.unit is None and figure.value is not None and figure.value < 130:
            person = _PERSON_WAS.search(self.before(figure.start, 24))
            return (
                person is not None
                and re.match(r"\s*(?:[,.;)]|$|\s+(?:when|and|at)\b)", after) is not None
            )
        return False

    def attributive_duration(self, figure: _Figure) -> bool:
        """ "a seven day mourning period", "a forty minute drive": a number above one with a
        time unit in the singular, before a noun, describes a kind of thing rather than
        measuring one."""
        if figure.unit not in TIME_UNITS or figure.value is None or figure.value <= 1:
            return False
        word = re.search(r"([a-z]+)$", self.text[figure.start : figure.end].lower())
        if word is None or word.group(1) != figure.unit:
            return False
        noun = re.match(r"[ \t]+([a-z]+)", self.text[figure.end : figure.end + 24])
        return noun is not None and noun.group(1) not in _word_set("penalty_nouns")

    def read_digits(self, match: re.Match[str]) -> _Figure | None:
        text = self.text
        number = match.group("digits_number")
        if sum(char.isdigit() for char in number) > 18:
            return None  # a run of digits (an id, a hash, noise), not a figure
        core_start = match.start("digits_number")
        glued = match.group("glued") or ""
        value = digits_value(number)
        unit: str | None = None
        scale: str | None = None
        signed = match.group(0)[0] in "+-−"
        if (
            signed
            and core_start - 1 > self.start
            and text[match.start() - 1 : match.start()].isalnum()
        ):
            return None
        prefix_end = match.start("digits_number")
        prefix = text[match.start() + (1 if signed else 0) : prefix_end]
        start = match.start()
        if not prefix:
            sign_pattern, table = currency_signs()
            for length in (4, 3, 2, 1):
                candidate_start = core_start - length
                if candidate_start < self.start:
                    continue
                sign = sign_pattern.match(text, candidate_start, match.end())
                if sign and sign.end() == core_start:
                    before = text[candidate_start - 1 : candidate_start] if candidate_start else ""
                    if before.isalpha():
                        continue
                    unit = table[sign.group(0).strip()]
                    start = candidate_start
                    break
        end = match.start("digits_number") + len(number)
        if glued:
            lowered = glued.lower()
            if lowered in ("st", "nd", "rd", "th", "am", "pm", "s", "x", "d", "g"):
                return None  # ordinals, clock times, decades, "3x", "3D", "5G"
            if glued.startswith("/") and unit is not None:
                pass  # "$0.03/kWh": the price; the rate is read after the figure
            elif glued in ("%", "pc"):
                unit, end = "percent", end + len(glued)
            elif glued == "‰":
                unit, end = "permille", end + 1
            elif lowered in SCALES:  # "£71.6million"
                scale = lowered
                end += len(glued)
            elif lowered in SCALE_ABBREVIATIONS and not (
                lowered == "m" and unit is None and self.is_metre(end + 1, value)
            ):
                scale = SCALE_ABBREVIATIONS[lowered]
                end += len(glued)
            elif glued in ("p",) and unit is None:
                unit, value, end = "GBP", value / 100, end + 1
            else:
                unit_table = units()
                canonical = unit_table.canonical.get(glued) or unit_table.canonical.get(lowered)
                if canonical is None or (
                    len(glued) == 1 and glued not in ("C", "F", "m", "t", "g", "l", "°")
                ):
                    return None  # "3D", "COVID-19", "5G": a name, not a figure
                if glued in ("C", "F") and not _TEMPERATURE_CONTEXT.search(
                    self.text, self.start, self.end
                ):
                    return None  # "a Boeing 777F", "the 13F filing"
                if unit is not None and canonical not in PERCENT_UNITS:
                    return None
                unit, end = canonical, end + len(glued)
        if scale is None:
            scale_match = _SCALE_WORD_AFTER.match(text, end, self.end)
            if scale_match:
                scale = " ".join(scale_match.group(1).lower().split())
                end = scale_match.end()
            elif unit is not None:  # "£4.8 bn", "€600 m"
                short = re.match(r"\s?(bn|mn|m|k)\b", text[end : self.end])
                if short:
                    scale = SCALE_ABBREVIATIONS[short.group(1)]
                    end += short.end()
        if scale is not None:
            value *= SCALES_LONG[scale]
        if not self.plausible_digits(match, number, start, end, unit, scale, glued):
            return None
        if unit is None and scale is None and not glued and self.descriptor_after(end):
            return None
        figure = _Figure(start, end, core_start, end, value, unit=unit, scale=scale, signed=signed)
        figure.kind = "money" if unit and unit.isupper() and len(unit) == 3 else "count"
        if unit == "percent":
            figure.kind = "share"
        if unit is None or (unit in ("percent",) and not glued):
            self.read_unit(figure)
        elif unit and not glued:
            self.read_unit(figure, money=True)
        if figure.kind == "count" and figure.unit is not None:
            figure.kind = "share" if figure.unit in PERCENT_UNITS else "measure"
        if figure.unit is None and self.descriptor_after(figure.end):
            return None
        return figure

    def is_metre(self, after: int, value: float) -> bool:
        """Whether "4m" reads as metres: a word of size follows ("4m tall"), or no noun
        follows and no figure nearby uses "m" for million ("4.1m passengers … peak of 4.5m")."""
        rest = self.text[after : self.end]
        if _METRE_CONTEXT.match(rest):
            return True
        word = re.match(r"\s+([A-Za-z][\w-]*)", rest)
        if word is not None and word.group(1).lower() not in _word_set("count_stop_words"):
            return False
        nearby = self.text[max(0, self.start - 400) : self.end + 400]
        return not re.search(r"[0-9]m\s+[a-z]+s\b|[$€£][0-9.,]+m\b", nearby)

    def plausible_digits(
        self,
        match: re.Match[str],
        number: str,
        start: int,
        end: int,
        unit: str | None,
        scale: str | None,
        glued: str,
    ) -> bool:
        """False for years, ages, list numbers, identifiers, phone numbers and ranks."""
        text = self.text
        before = self.before(start)
        after = self.after(end)
        bare = unit is None and scale is None and not glued
        plain = re.fullmatch(r"[0-9]+", number) is not None
        if (
            bare
            and plain
            and len(number) == 4
            and 1500 <= int(number) <= 2199
            and (_YEAR_BEFORE.search(before) or not re.match(r"\s+[a-z]+s\b", after))
        ):
            return False
        if (
            bare
            and plain
            and _LIST_NUMBER.search(text[max(0, start - 40) : start])
            and (re.match(r"[.)]\s", text[end : end + 2]) or start == self.start)
            and re.match(r"[.)]", text[end : end + 1])
        ):
            return False
        word_before = re.search(r"([A-Za-z][\w.]*)\s*$", before)
        if word_before:
            word = word_before.group(1)
            if word.lower() in _word_set("identifier_words") or word.lower().rstrip(".") in (
                _word_set("identifier_words")
            ):
                return False
            if len(word) >= 2 and word.isupper() and bare and word not in ("US", "UK", "EU"):
                return False
            if (
                bare
                and re.fullmatch(r"[0-9]{1,2}\.[0-9]{1,2}", number)
                and re.fullmatch(r"[A-Z][a-z]+|[a-z]+[A-Z]\w*", word)
                and word.lower() not in _word_set("count_stop_words")
                and word.lower() not in MONTHS
                and not re.match(r"\s*(?:%|percent|per\b)", after)
            ):
                return False  # a version after a product's name: "iOS 13.2", "Python 3.11"
        if re.search(r"#\s*$|\bNo\.?\s*$|\bnumber\s+$", before, re.IGNORECASE) and bare:
            return False
        if bare and plain and int(number) < 120 and match.group(0)[0] not in "+-−":
            if _AGE_BEFORE.search(before) and _AGE_AFTER.match(after):
                return False
            if re.search(r"\b(?:aged|age)\s+(?:between\s+|from\s+)?$", before, re.IGNORECASE):
                return False
        if bare and (_RANK.search(before) or _SUPERLATIVE_AFTER.match(after)):
            return False
        return not (
            bare
            and _PHONE_CONTEXT.search(before)
            and re.search(r"[0-9][\s-][0-9]", text[start : end + 8])
        )

    def descriptor_after(self, position: int) -> bool:
        """A hyphenated descriptor after the figure: "10-year contract", "30-year-old"."""
        hyphen = re.match(r"-([A-Za-z]+)", self.text[position : self.end])
        return hyphen is not None and hyphen.group(1).lower() in _word_set("descriptor_heads")

    def read_words(self, match: re.Match[str]) -> _Figure | None:
        surface = match.group(0)
        value = words_value(surface)
        if value is None:
            return None
        if surface[:1].isupper() and self.in_name(match.start(), match.end()):
            return None  # "the Group of Seven", "Ninety Mile Beach": a name
        lowered = surface.lower()
        if lowered in ("one", "a", "an"):
            after = self.after(match.end())
            if not (_SCALE_WORD_AFTER.match(after) or self.unit_at(match.end())):
                return None  # "one clinic": a determiner
        if self.descriptor_after(match.end()):
            return None
        if _RANK.search(self.before(match.start())) or _SUPERLATIVE_AFTER.match(
            self.after(match.end())
        ):
            return None
        if re.search(
            r"\b(?:aged|age)\s+(?:between\s+|from\s+)?$", self.before(match.start()), re.I
        ):
            return None
        scale = largest_scale(surface)
        figure = _Figure(match.start(), match.end(), match.start(), match.end(), value, scale=scale)
        self.read_unit(figure)
        if figure.unit is not None:
            figure.kind = (
                "share"
                if figure.unit in PERCENT_UNITS
                else ("money" if figure.unit.isupper() and len(figure.unit) == 3 else "measure")
            )
        elif value == 1 and scale is None:
            return None  # "one of the ...", "one more": not a statistic
        elif value <= 10 and scale is None and _ANAPHORIC.search(self.before(match.start(), 12)):
            return None  # "the two countries", "these three types": known items, not a count
        return figure

    def in_name(self, start: int, end: int) -> bool:
        """Whether a capitalised number word is part of a name: capitalised inside its
        sentence, or opening it before another capitalised word ("Ninety Mile Beach")."""
        lead = self.text[self.start : start].strip(" \t\n\"'“‘(")
        if lead:
            return True
        following = _NEXT_WORD.match(self.text, end, self.end)
        return following is not None and following.group(1)[:1].isupper()

    def read_vague(self, match: re.Match[str]) -> _Figure | None:
        words = match.group(0).lower().split()
        scale: str | None
        if words[0] in ("tens", "hundreds") and len(words) == 3:
            magnitude = (1 if words[0] == "tens" else 2) + VAGUE_MAGNITUDE[words[2]]
            scale = VAGUE_SCALE[words[2]]
        elif (len(words) >= 2 and words[-1] in SCALES_LONG) or words[-1] == "hundred":
            magnitude = 2 if words[-1] == "hundred" else len(str(SCALES_LONG[words[-1]])) - 1
            scale = None if words[-1] == "hundred" else words[-1]
        else:
            magnitude = VAGUE_MAGNITUDE[words[-1]]
            scale = VAGUE_SCALE.get(words[-1])
        before = self.before(match.start(), 20)
        if (
            re.search(r"\b(?:the|in|of)\s+$", before, re.IGNORECASE)
            and words[-1]
            in (
                "hundreds",
                "thousands",
            )
            and re.match(r"\s*(?:of\s+)?(?:years|centuries)", self.after(match.end()))
        ):
            return None
        figure = _Figure(
            match.start(),
            match.end(),
            match.start(),
            match.end(),
            None,
            scale=scale,
            magnitude=magnitude,
            kind="vague",
        )
        unit_of = re.match(r"\s+of\s+", self.text[match.end() : self.end])
        if unit_of:
            figure.end = match.end() + unit_of.end()
            if self.read_unit(figure, money=False):
                return figure
            figure.end = match.end()
        return figure

    def read_ratio(self, match: re.Match[str], kind: str) -> _Figure | None:
        surface = match.group(0)
        lowered = surface.lower()
        value: float | None
        if kind == "half":
            value = 0.5
        elif kind == "times":
            if lowered == "twice":
                value = 2.0
            else:
                number = lowered.rsplit(None, 1)[0]
                value = words_value(number) if number in SMALL else digits_value(number)
            if value is None or not (
                re.match(
                    r"\s+(?:as|the|that|what|more|higher|larger|bigger|greater|faster|its|their)\b",
                    self.after(match.end()),
                    re.IGNORECASE,
                )
                or qualifiers()[0].search(self.before(match.start()))
            ):
                return None
        elif kind == "fraction":
            numerator_word, denominator_word = re.split(r"[\s-]+", lowered)[:2]
            numerator = 1.0 if numerator_word in ("a", "an") else float(SMALL[numerator_word])
            if numerator_word in ("a", "an", "one") and denominator_word.endswith("s"):
                return None
            if numerator > 1 and not denominator_word.endswith("s") and denominator_word != "half":
                return None
            value = numerator / DENOMINATORS[denominator_word]
            if denominator_word.startswith("quarter") and re.match(
                r"\s+of\s+(?:the\s+)?(?:year|19|20)", self.after(match.end())
            ):
                return None
        else:
            parts = re.split(r"\s+in\s+(?:every\s+)?", lowered)
            first = parts[0].split()[0]
            second = parts[1]
            top = 1.0 if first in ("a", "an") else words_value(first) if first in SMALL else None
            if top is None and re.fullmatch(DIGITS_PATTERN, first):
                top = digits_value(first)
            bottom = words_value(second) if not re.match(r"[0-9]", second) else digits_value(second)
            if top is None or not bottom or top >= bottom:
                return None
            value = top / bottom
        rounded = round(value, 4)
        figure = _Figure(
            match.start(),
            match.end(),
            match.start(),
            match.end(),
            rounded,
            unit="ratio",
            kind="ratio",
        )
        if kind == "ratio":
            end, _ = _noun_phrase(self.text, figure.end, self.end, need_plural=True)
            figure.end = end
        return figure

    def read_slash(self, match: re.Match[str]) -> _Figure | None:
        """ "3/4 of voters", "1/4 mile", "10 1/2 miles": a fraction written with a slash.
        Only common denominators count, so "24/7" and "9/11" stay what they are."""
        whole, _, fraction = match.group(0).rpartition(" ")
        numerator, denominator = (int(part) for part in fraction.split("/"))
        if denominator not in _SLASH_DENOMINATORS or not 0 < numerator < denominator:
            return None
        value = (int(whole) if whole.strip() else 0) + numerator / denominator
        figure = _Figure(
            match.start(), match.end(), match.start(), match.end(), round(value, 4), kind="ratio"
        )
        if self.read_unit(figure):
            figure.kind = "measure"
        else:
            figure.unit = "ratio"
        return figure

    def unit_at(self, position: int) -> tuple[str, int] | None:
        """The unit printed at `position` (after a space or a hyphen): (canonical, end)."""
        table = units()
        gap = re.match(r"[ \u00a0]?-?|\s", self.text[position : position + 2])
        offset = position + (gap.end() if gap else 0)
        best: tuple[str, int] | None = None
        for pattern in (table.insensitive, table.sensitive):
            found = pattern.match(self.text, offset, self.end)
            if found and (best is None or found.end() > best[1]):
                surface = found.group(0)
                name = table.canonical.get(surface) or table.canonical.get(surface.lower())
                if name is not None:
                    best = (name, found.end())
        return best

    def read_unit(self, figure: _Figure, *, money: bool = False) -> bool:
        """The unit after the figure, if any; True when one was read."""
        found = self.unit_at(figure.end)
        if found is None:
            return False
        name, end = found
        surface = self.text[figure.end : end].strip(" -\u00a0")
        if money and name not in PERCENT_UNITS:
            return False  # "€5 million tonnes" does not happen; "$5 a tonne" is a rate
        if figure.unit is not None and figure.unit not in PERCENT_UNITS and name != figure.unit:
            return False
        # a lone letter after a space is rarely a unit ("4 m"? "grade 4 C"?)
        if (
            surface in ("t", "g", "l", "m", "C", "F", "pc", "°")
            and self.text[figure.end] == " "
            and (surface != "m" or not _METRE_CONTEXT.match(self.text[end - 1 : self.end]))
        ):
            return False
        if (
            surface.lower() in ("points", "point", "pts")
            and name == "percentage_point"
            and not _POINTS_CONTEXT.search(self.text[self.start : self.end])
        ):
            return False
        if name in TIME_UNITS and re.match(r"[\s-]+old\b", self.text[end : end + 6]):
            return False
        if name == "GBP" and surface.lower().startswith("pound") and not self.pound_money:
            name = "lb"  # "pounds" is money only in a document that prints £ or sterling
        figure.unit = name
        figure.end = end
        return True

    def is_age_bracket(self, figure: _Figure) -> bool:
        """ "children under five", "adults over 65": an age bracket, not a statistic."""
        return figure.unit is None and bool(_AGE_BRACKET.search(self.before(figure.core_start, 40)))

    def is_time_point(self, figure: _Figure) -> bool:
        """A duration that places an event in time: "two years ago", "Three days later",
        "achieved three years early". ("Down from two hours before the well was built" measures:
        "before" and "after" do not decide.)"""
        return bool(_TIME_POINT_AFTER.match(self.text, figure.end, self.end))

    def is_window(self, figure: _Figure) -> bool:
        """A time window that frames another figure: "in the past seven days"."""
        return bool(_window_pattern().search(self.before(figure.start, 40)))

    def read_qualifier(self, figure: _Figure) -> None:
        pattern, table = qualifiers()
        before = self.before(figure.start, 40)
        found = pattern.search(before)
        if found is None:
            return
        phrase = re.sub(r"^(?:just|well)\s+", "", found.group(0).strip().lower())
        phrase = " ".join(phrase.split())
        if phrase not in table:
            return
        qualifier = table[phrase]
        if qualifier == "over" and figure.unit in TIME_UNITS:
            return
        if phrase in ("up to",) and re.search(
            r"\b(?:went|gone|go|goes|going)\s+up\s+to\s+$", before
        ):
            return
        if found.group(0).lower().startswith("just ") and phrase == "under":
            qualifier = "under"
        figure.qualifier = qualifier
        figure.start = figure.start - len(before) + found.start()

    def read_range(self, figure: _Figure) -> None:
        """ "10–15", "between 10 and 15", "£120 to £150", "30–45%"."""
        if figure.kind == "vague" or figure.value is None:
            return
        text = self.text
        between = re.search(r"\bbetween\s+$", self.before(figure.start, 12), re.IGNORECASE)
        joiner = _RANGE_AND if between else _RANGE_JOINER
        link = joiner.match(text, figure.end, self.end)
        if link is None:
            return
        if re.match(r"\s+[–—]\s+", link.group(0)) or re.match(r"\s+-\s+", link.group(0)):
            return  # a spaced dash joins a whole and its part, not a range
        by_to = "to" in link.group(0) and re.search(r"\bby\s+$", self.before(figure.start, 8))
        sign = currency_signs()[0].match(text, link.end(), self.end)
        second_match = _CORE.match(text, sign.end() if sign else link.end(), self.end)
        if second_match is None or second_match.lastgroup not in ("digits", "words", "times"):
            return
        second = (
            self.read(second_match) if not self.masked(link.end(), second_match.end()) else None
        )
        if second is None or second.value is None or second.qualifier is not None:
            return
        if by_to and not (figure.unit is None and second.unit is not None):
            return  # "rose by 7.4% to 58.2 million": a change and a level
        first_value = figure.value
        if figure.unit is None and second.unit is not None:
            if figure.scale is None and second.scale is not None:
                first_value *= SCALES_LONG[second.scale]
        elif figure.unit is not None and figure.unit != second.unit:
            return
        if "-" in link.group(0) and first_value >= second.value and figure.unit is None:
            figure.kind = "score"  # "3-1", "112-107": a result, neither side a statistic
            self.score_end = second.end
            return
        if first_value >= second.value:
            return
        if not between and re.search(r"\bfrom\s+$", self.before(figure.start, 8), re.IGNORECASE):
            clause = self.before(figure.start, 60).lower()
            if any(word in change_words() for word in re.findall(r"[a-z]+", clause)[-10:]):
                return  # "rose from 5 to 7": a change, two figures
        if between:
            figure.start = figure.start - len(self.before(figure.start, 12)) + between.start()
        figure.value = first_value
        figure.value_high = second.value
        figure.unit = figure.unit or second.unit
        figure.scale = figure.scale or second.scale
        figure.end = second.end
        figure.rate = second.rate
        if figure.kind == "count":
            figure.kind = second.kind

    def read_rate(self, figure: _Figure) -> None:
        if figure.rate is not None:
            return
        found = _RATE_AFTER.match(self.text, figure.end, self.end)
        if found is None:
            return
        if found.group("adverb"):
            phrase = " ".join(found.group("adverb").lower().split())
            figure.rate = _RATE_ADVERBS.get(phrase, "per " + phrase.split()[-1])
            return
        denominator = found.group("denominator")
        table = units()
        canonical = table.canonical.get(denominator) or table.canonical.get(denominator.lower())
        if canonical is None and denominator.lower().endswith("s"):
            canonical = table.canonical.get(denominator.lower()[:-1] + "s")
        if canonical == "GBP" and figure.kind == "money" and denominator.lower() == "pound":
            figure.rate = "per lb"  # "$5 a pound": a price per pound of weight
        elif canonical is not None and canonical not in PERCENT_UNITS:
            figure.rate = "per " + canonical
        elif found.group("per").strip().lower() in ("per", "/") or (
            denominator.lower() in _RATE_DENOMINATORS
        ):
            figure.rate = "per " + denominator.lower()


# --- the sentence's figures together ---------------------------------------------------------


def _clause_start(text: str, start: int, position: int) -> int:
    last = start
    for match in _CLAUSE_BREAK.finditer(text, start, position):
        last = match.end()
    return last


_RANGE_AND = re.compile(r"\s+and\s+")
# "10–15", "10 to 15", and alternatives read as one range: "10 or 20 hours"
_RANGE_JOINER = re.compile(r"\s*[–—]\s*|-(?=[0-9$€£])|\s+to\s+|\s+or\s+")
_FILLER_AT_END = re.compile(
    r"(?:\b(?:an\s+average(?:\s+of)?|a\s+further|a\s+total\s+of|another|a|an)\s*)+$"
)
_WORDS = re.compile(r"[a-z]+")
_COMPARATIVE_AFTER = re.compile(
    r"\s+(?P<word>more|extra|additional|fewer|less|higher|lower)\b"
    r"(?P<than>\s+than\b(?P<time>\s+(?:a\s+year|a\s+month|a\s+decade|last\s+year|"
    r"in\s+(?:1[89]|20)\d\d|(?:1[89]|20)\d\d|(?:in\s+)?the\s+previous|(?:in\s+)?the\s+same|"
    r"(?:in\s+|on\s+)?last\s+year)\b)?)?",
    re.IGNORECASE,
)
_THAN_TIME = re.compile(
    r"\s+(?:more|extra|additional|fewer|less|higher|lower)\s+than\b|\s+(?:up|down)\s+on\b",
    re.IGNORECASE,
)
_RISE_COMPARATIVES = frozenset({"more", "extra", "additional", "higher"})


def _change_window(text: str, left: int, figure: _Figure) -> list[str]:
    """The words before a figure back to the previous one, fillers at the end dropped
    ("rose by an average of 4.6 percent" reads as "rose by")."""
    lowered = text[max(left, figure.start - 60) : figure.start].lower()
    return _WORDS.findall(_FILLER_AT_END.sub("", lowered))


def _read_changes(text: str, start: int, figures: list[_Figure]) -> None:
    words = change_words()
    for index, figure in enumerate(figures):
        left = figures[index - 1].end if index else start
        previous = (figures[index - 1].change or "") if index else ""
        if figure.signed:
            sign = text[figure.core_start - 1 : figure.core_start]
            figure.change = "fall_by" if sign in "-−" else "rise_by"
            continue
        noun = _CHANGE_NOUN.search(text[max(left, figure.start - 60) : figure.start])
        if noun:
            figure.change = (
                "rise" if noun.group("noun").lower() in _RISE_NOUNS else "fall"
            ) + "_by"
            _mark_level(figures, index, figure.change[:-3])
            continue
        comparative = _COMPARATIVE_AFTER.match(text, figure.end) or _COMPARATIVE_AFTER.match(
            text, figure.core_end
        )
        if (
            comparative
            and figure.kind in ("count", "money", "measure", "share")
            and (comparative.group("than") is None or comparative.group("time"))
        ):
            if comparative.group("than") is None and comparative.group("word").lower() in (
                "higher",
                "lower",
            ):
                pass
            else:
                rise = comparative.group("word").lower() in _RISE_COMPARATIVES
                figure.change = ("rise" if rise else "fall") + "_by"
                _mark_level(figures, index, figure.change[:-3])
                continue
        tokens = _change_window(text, left, figure)
        if not tokens:
            continue
        last = tokens[-1]
        recent = tokens[-6:-1] if last == "by" else tokens[-10:-1]
        direction = next((words[token] for token in reversed(recent) if token in words), None)
        if last in ("up", "down"):
            figure.change = ("rise" if last == "up" else "fall") + "_by"
            _mark_level(figures, index, figure.change[:-3])
        elif last == "by" and direction:
            figure.change = direction + "_by"
        elif last == "to" and direction:
            figure.change = sys.intern(direction + "_to")
        elif last == "from" and (direction or (len(tokens) > 1 and tokens[-2] in ("up", "down"))):
            if len(tokens) > 1 and tokens[-2] in ("up", "down"):
                direction = "rise" if tokens[-2] == "up" else "fall"
                _mark_level(figures, index, direction, start_level=True)
            figure.change = f"{direction}_from"
        elif last == "to" and previous.endswith(("_from", "_by")):
            figure.change = previous.rsplit("_", 1)[0] + "_to"
        elif last == "from" and previous.endswith("_to"):
            figure.change = previous[:-3] + "_from"
        elif tokens == ["or"] and previous.endswith("_by"):
            figure.change = previous  # "risen by €118 million, or almost a third"
        elif words.get(last) and (
            last not in ("up", "down", "cut", "lost", "add", "added")
            or figure.kind in ("share", "ratio")
        ):
            figure.change = words[last] + "_by"
    _settle_moves(figures)


def _settle_moves(figures: list[_Figure]) -> None:
    """ "taking the share from 8% to 35%": a move's direction from its two levels."""
    for index, figure in enumerate(figures):
        if figure.change != "move_from":
            continue
        target = next((f for f in figures[index + 1 :] if f.change == "move_to"), None)
        if target is None or figure.value is None or target.value is None:
            figure.change = None
            continue
        direction = "rise" if target.value > figure.value else "fall"
        figure.change, target.change = f"{direction}_from", f"{direction}_to"
    for figure in figures:
        if figure.change is not None and figure.change.startswith("move"):
            figure.change = None


def _fill_ellipsis(figures: list[_Figure]) -> None:
    """ "61,000 barrels a day, down from 90,000": a level whose unit is left out takes the
    unit and rate of the level it is compared with; "£12.21" after "£13.20 an hour" the rate."""
    for index, figure in enumerate(figures):
        if figure.change is None or figure.change.endswith("_by") or not index:
            continue
        partner = figures[index - 1]
        if partner.change is None or partner.value is None or figure.value is None:
            continue
        if (
            figure.unit is None
            and figure.counted is None
            and partner.unit is not None
            and 0.1 <= figure.value / max(partner.value, 1e-9) <= 10
        ):
            figure.unit, figure.kind = partner.unit, partner.kind
        if figure.rate is None and figure.unit == partner.unit and partner.rate is not None:
            figure.rate = partner.rate


def _mark_level(
    figures: list[_Figure], index: int, direction: str, *, start_level: bool = False
) -> None:
    """A stated change ("down 18%") makes the earlier level in its sentence its end level,
    and a level before that introduced by "compared with"/"from" its start."""
    change = figures[index]
    for earlier_index in range(index - 1, -1, -1):
        earlier = figures[earlier_index]
        if earlier.change is not None:
            break
        if start_level:  # "61,000 barrels a day, down from 90,000": the unit may be left out
            if change.unit is not None and earlier.unit != change.unit:
                continue
        elif not _comparable(earlier, change):
            continue
        earlier.change = f"{direction}_to"
        break


def _comparable(level: _Figure, change: _Figure) -> bool:
    if change.unit in ("percent", "ratio"):
        return True
    if change.unit == "percentage_point":
        return level.unit == "percent"
    return level.unit == change.unit


def _read_compared(text: str, start: int, figures: list[_Figure]) -> None:
    """ "41 per cent …, compared with 29 per cent …, a rise of 12 points": the earlier level."""
    for index, figure in enumerate(figures):
        if figure.change is not None or not index:
            continue
        if not _COMPARED.search(text[max(start, figure.start - 20) : figure.start]):
            continue
        later_changes = [f for f in figures[index + 1 :] if (f.change or "").endswith("_by")]
        level = figures[index - 1]
        if (level.change or "").endswith("_to") and level.unit == figure.unit:
            figure.change = (level.change or "")[:-3] + "_from"
        elif later_changes and level.change is None and level.unit == figure.unit:
            direction = (later_changes[0].change or "")[:-3]
            level.change = f"{direction}_to"
            figure.change = f"{direction}_from"


def _read_counted(reader: _SentenceReader, figures: list[_Figure]) -> None:
    text = reader.text
    for index, figure in enumerate(figures):
        limit = figures[index + 1].start if index + 1 < len(figures) else reader.end
        after_end = figure.end
        if figure.rate is not None:
            rate = _RATE_AFTER.match(text, figure.end, reader.end)
            if rate:
                after_end = rate.end()
        if figure.kind in ("count",) and figure.unit is None:
            end, phrase = _noun_phrase(text, figure.end, limit, need_plural=figure.value != 1)
            hyphen = re.match(r"-([a-z]+)", text[figure.end : limit])
            if hyphen and not phrase:
                noun_end, noun = _noun_phrase(
                    text, figure.end + hyphen.end(), limit, need_plural=False
                )
                phrase = noun or hyphen.group(1)
                end = noun_end if noun else figure.end + hyphen.end()
            if phrase:
                figure.counted = phrase
                figure.end = end
                if figure.rate is None:
                    reader.read_rate(figure)
                continue
        of_noun = _OF_NOUN.match(text[after_end:limit])
        if (
            of_noun
            and (of_noun.group("prep") == "of" or figure.kind == "money")
            and (figure.kind != "count" or figure.unit is not None or figure.kind == "vague")
        ):
            _phrase_end, phrase = _noun_phrase(
                text, after_end + of_noun.start("phrase"), limit, need_plural=False
            )
            if phrase:
                figure.counted = phrase
                continue
        before = text[max(reader.start, figure.start - 60) : figure.start]
        value_of = _VALUE_OF.search(before)
        if value_of:
            noun = value_of.group("noun") or value_of.group("noun2")
            if (
                noun
                and noun.split()[0] not in _word_set("not_counted_nouns")
                and noun not in change_words()
            ):
                figure.counted = noun.lower()
                continue
        clause_start = _clause_start(text, reader.start, figure.start)
        if index and figures[index - 1].end > clause_start:
            clause_start = figures[index - 1].end
        figure.counted = _clause_subject(
            text[clause_start : figure.start], clause_start == reader.start
        )


_LEADING_ADVERBIAL = re.compile(
    r"(?:(?:In|On|By|Since|At|During|Across|Over|Last|This|After|Before|For)\b[^,]{0,40},\s*)"
)
_VERB_TO_FIGURE = frozenset(
    {"to", "by", "from", "at", "of", "about", "around", "nearly", "almost", "some", "an", "a"}
    | {"average", "estimated", "just", "over", "under", "more", "than", "roughly", "further"}
    | {"total", "only", "already", "now", "still", "also", "another"}
)
_AUXILIARIES = frozenset(
    [
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "is",
        "are",
        "was",
        "were",
        "been",
        "be",
        "also",
        "now",
        "already",
        "still",
        "then",
        "only",
    ]
)
_SUBJECT_VERBS = frozenset(
    [
        "came",
        "come",
        "comes",
        "stood",
        "stands",
        "stand",
        "traded",
        "trades",
        "trade",
        "totalled",
        "totaled",
        "totals",
        "reached",
        "reaches",
        "hit",
        "hits",
        "averaged",
        "averages",
        "cost",
        "costs",
        "was",
        "were",
        "is",
        "are",
        "be",
        "numbered",
        "number",
        "amounted",
        "amounts",
        "stayed",
        "remained",
        "remains",
        "sat",
        "sits",
    ]
)
_SUBJECT_CUT = frozenset(
    [
        "between",
        "in",
        "of",
        "on",
        "at",
        "for",
        "from",
        "across",
        "during",
        "since",
        "after",
        "before",
        "under",
        "over",
        "within",
        "by",
        "with",
        "near",
        "to",
        "among",
    ]
)


def _clause_subject(clause: str, at_sentence_start: bool) -> str | None:
    """What a copular or change verb says a figure is ("Barley came to 1,150,000 tonnes" →
    barley; "Rainfall between April and July was 96 mm" → rainfall); None for a named
    entity ("the Orvik Glacier retreated by 1.4 km") or when no such verb leads to the figure."""
    clause = clause.strip()
    leading = _LEADING_ADVERBIAL.match(clause)
    if leading:
        clause, at_sentence_start = clause[leading.end() :], False
    tokens = clause.split()
    verb_at = next(
        (
            position
            for position, token in enumerate(tokens[:9])
            if position and (token in _SUBJECT_VERBS or token in change_words())
        ),
        None,
    )
    if verb_at is None:
        return None
    if any(token.lower() not in _VERB_TO_FIGURE for token in tokens[verb_at + 1 :]):
        return None  # "analysts put the fall closer to a sixth": "fall" is no verb here
    subject = tokens[:verb_at]
    while subject and subject[-1].lower() in _AUXILIARIES:
        subject.pop()
    if not subject or any(not re.fullmatch(r"[A-Za-z][\w'’-]*", word) for word in subject):
        return None
    words = list(subject)
    for cut, word in enumerate(words):
        if word.lower() in _SUBJECT_CUT and cut:
            words = words[:cut]
            break
    stop = _word_set("count_stop_words")
    while words and (words[0].lower() in stop or words[0].endswith(("'s", "’s"))):
        words.pop(0)
    if not words:
        return None
    first_is_capital_only = at_sentence_start and words[0] == subject[0]
    if any(word[0].isupper() for word in words[1:]) or (
        words[0][0].isupper() and not first_is_capital_only
    ):
        return None
    for cut, word in enumerate(words):
        if word.lower() in stop and cut:  # "pupils who …", "listings that …"
            words = words[:cut]
            break
    words = [word for word in words if not word.endswith(("'s", "’s"))]
    while len(words) > 1 and _is_adjective(words[0]):
        words.pop(0)
    return sys.intern(" ".join(words[-2:]).lower()) or None


def _share_counted(figures: list[_Figure]) -> None:
    """A change and the levels it joins count the same thing ("3.4 million tonnes of wheat,
    down 18%": the 18% counts wheat); so do a range's ends and a part without a noun."""
    for index, figure in enumerate(figures):
        if figure.counted is not None or figure.change is None:
            continue
        partners = [
            other
            for other in figures
            if other is not figure and other.change is not None and other.counted is not None
        ]
        if partners:
            nearest = min(partners, key=lambda other: abs(figures.index(other) - index))
            figure.counted = nearest.counted


def _whole_before(figures: list[_Figure], index: int) -> int | None:
    """The whole an "including N" part belongs to: the nearest earlier figure counting the
    same thing, or, for a part without a noun ("including 9,500 in Sarnford"), the nearest
    earlier figure in the same unit that can hold it."""
    part = figures[index]
    for candidate in range(index - 1, -1, -1):
        whole = figures[candidate]
        if whole.unit != part.unit or whole.value is None:
            continue
        if part.counted is not None:
            if whole.counted == part.counted:
                return candidate
        elif part.value is not None and whole.value >= part.value:
            return candidate
    return None


def _read_parts(reader: _SentenceReader, figures: list[_Figure], offset: int) -> None:
    text = reader.text
    for index, figure in enumerate(figures):
        core_after = text[figure.core_end : reader.end]
        part_after = _PART_AFTER.match(core_after)
        if part_after and index:
            figure.part_of = offset + index - 1
            position = figure.core_end + part_after.end()
            _, noun = _noun_phrase(text, position, reader.end, need_plural=True)
            figure.counted = noun or figures[index - 1].counted
            continue
        if _PART_BEFORE.search(text[max(reader.start, figure.start - 30) : figure.start]) and index:
            whole = _whole_before(figures, index)
            if whole is not None:
                figure.part_of = offset + whole
            continue
        if index + 1 < len(figures):
            following = figures[index + 1]
            gap = text[figure.end : following.start]
            if figure.counted is None or figure.kind in ("share", "ratio", "count"):
                gap = text[
                    figure.core_end if figure.kind == "count" else figure.end : following.start
                ]
            if (
                _PART_OF_NEXT.match(gap)
                and following.value is not None
                and (figure.unit == following.unit or figure.kind in ("share", "ratio"))
            ):
                figure.part_of = offset + index + 1
                if figure.counted is None or figure.kind in ("share", "ratio"):
                    figure.counted = following.counted or figure.counted


def _read_dates(reader: _SentenceReader, figures: list[_Figure], reference: date | None) -> None:
    text = reader.text
    refs = [
        ref
        for ref in find_time_refs(text, reader.start, reader.end, reference=reference)
        if not _REPORTING_BEFORE.search(text[max(reader.start, ref.start - 30) : ref.start])
        and not any(figure.start <= ref.start < figure.end for figure in figures)
    ]
    if not refs:
        return
    breaks = [reader.start]
    breaks += [match.end() for match in _CLAUSE_BREAK.finditer(text, reader.start, reader.end)]
    breaks.append(reader.end)
    segment_starts = [reader.start] + [
        match.end() for match in _SEGMENT_BREAK.finditer(text, reader.start, reader.end)
    ]
    openers = [
        ref
        for ref in refs
        if not ref.anchor
        and re.fullmatch(
            r"\s*(?:(?:in|on|by|as\s+of|since|during|at|until|from|for|after|over)\s+)?",
            text[segment_starts[bisect_right(segment_starts, ref.start) - 1] : ref.start],
            re.IGNORECASE,
        )
    ]
    for figure in figures:
        segment = segment_starts[bisect_right(segment_starts, figure.start) - 1]
        leading = next(
            (ref for ref in reversed(openers) if segment <= ref.start < figure.start), None
        )
        slot = bisect_right(breaks, figure.core_start) - 1
        clause_start, clause_end = breaks[slot], breaks[min(slot + 1, len(breaks) - 1)]
        in_clause = [ref for ref in refs if clause_start <= ref.start < clause_end]
        # an anchor ("a year earlier", "on last year") dates only the figure right before it
        anchors = [
            ref
            for ref in in_clause
            if ref.anchor
            and ref.start >= figure.end
            and not any(figure.end <= other.start < ref.start for other in figures)
        ]
        plain = [ref for ref in in_clause if not ref.anchor]
        after = [ref for ref in plain if ref.start >= figure.end]
        before = [ref for ref in plain if ref.end <= figure.start]
        if anchors:
            figure.as_of = anchors[0].value
        elif after:
            figure.as_of = after[0].value
        elif before:
            figure.as_of = before[-1].value
        elif leading is not None:
            figure.as_of = leading.value
    for figure in figures:
        if not (figure.change or "").endswith("_by"):
            continue
        # a change is dated by the level it ends at, never by its comparison base ("12
        # percent less than last year")
        partner = next(
            (
                other
                for other in figures
                if other is not figure and (other.change or "").endswith("_to")
            ),
            None,
        )
        if partner is not None:
            figure.as_of = partner.as_of
        elif _THAN_TIME.match(text, figure.end):
            figure.as_of = None


_SLASH_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 100})
_SEGMENT_BREAK = re.compile(r";\s*")
_STERLING = re.compile(r"\bsterling\b", re.IGNORECASE)
_RUN = 32  # figures read together for their changes, parts and dates
_MINOR_UNIT = re.compile(r"\s*(cents?|pence|penny)\b", re.IGNORECASE)


def _dominant_currency(text: str) -> str:
    counts = {"EUR": text.count("€") + text.count("euro"), "GBP": text.count("£")}
    counts["USD"] = text.count("$") + text.count("dollar")
    best = max(counts, key=lambda code: counts[code])
    return best if counts[best] else "USD"


_SCORE = re.compile(r"(?<![\w.,$€£+−-])([0-9]{1,2})[-–]([0-9]{1,2})(?![\w%.,-]|\s*(?:per|%))")


@cache
def _label_pattern() -> re.Pattern[str]:
    """Labels with their numbers and number ranges: "pages 22-23", "pp. 233–251", "vol. 14",
    "aged 18 to 24", "section 14(2)"."""
    words = _alternation([*list(load_terms("identifier_words")), "aged", "ages", "age"])
    return re.compile(
        rf"(?<![\w-])(?:{words})\s*[0-9][0-9.]*(?:\([0-9a-z]+\))?"
        rf"(?:\s*(?:[-–]|to|and)\s*[0-9]+)?(?![\w])",
        re.IGNORECASE,
    )


_ROW_MAX = 400
_AGGREGATE_AGE = re.compile(
    r"\b(?:average|median|mean|typical|oldest|youngest|minimum|maximum)\b", re.IGNORECASE
)
_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+|\s*,\s*")


def _share_unit_and_rate(text: str, figures: list[_Figure]) -> None:
    """ "5 and 6 tonnes a day", "$5 and $6 a pound", "4% and 5% a year": figures joined by
    "and", "or" or a comma share the unit and the rate printed after the last of them."""
    for index in range(len(figures) - 2, -1, -1):
        first, second = figures[index], figures[index + 1]
        if first.value is None or second.value is None or first.value_high is not None:
            continue
        if not _COORDINATED.fullmatch(text, first.end, second.start):
            continue
        similar = 0 < first.value <= second.value * 10 and second.value <= first.value * 10
        if first.unit is None and first.kind == "count" and second.unit is not None and similar:
            # "5 and 6 tonnes"; not "sales reached 1,200 and 40% were exported"
            first.unit, first.kind = second.unit, second.kind
        if first.unit == second.unit and first.rate is None and second.rate is not None:
            first.rate = second.rate


def _without_number_lines(text: str, found: list[_Figure]) -> list[_Figure]:
    """Bare numbers on a line made of little else ("Rockledge 14 11 6 15 — 44", a line score
    or a table row pasted as text) are cells of a table, not statistics of the prose."""
    bare = [figure for figure in found if figure.unit is None]
    if len(bare) < 4:
        return found
    lines: dict[int, list[_Figure]] = {}
    for figure in bare:
        lines.setdefault(text.rfind("\n", 0, figure.start) + 1, []).append(figure)
    dropped: set[int] = set()
    for line_start, numbers in lines.items():
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        if line_end - line_start > _ROW_MAX:
            continue  # a row of a table is short; a long line is prose
        line = text[line_start:line_end]
        words = len(re.findall(r"[^\W\d_]{2,}", line))
        if len(numbers) >= 4 and words <= len(numbers) // 2 + 1:
            dropped.update(id(figure) for figure in numbers)
    return [figure for figure in found if id(figure) not in dropped]


def _instructions_and_ads_left_out(
    document: Document, figures: list[_Figure], sentences: Sequence[tuple[int, int]]
) -> list[int]:
    """The indexes of the figures that are statistics. In a recipe (three amounts in kitchen
    measures), its amounts, oven temperatures and cooking times instruct; in a deals listing
    (three prices offered at a shop), its prices and discounts advertise. Neither reports."""
    text = document.text
    measures = _word_set("recipe_measures")
    kept = list(range(len(figures)))

    def next_word(figure: _Figure) -> str:
        found = re.match(r"[\s-]+(?:of\s+)?([a-z]+)", text[figure.end : figure.end + 24])
        return found.group(1) if found else ""

    def words(figure: _Figure) -> set[str]:
        return set(re.findall(r"[a-z]+", text[figure.start : figure.end])) | {next_word(figure)}

    in_measure = {i for i, f in enumerate(figures) if words(f) & measures}
    if len(in_measure) >= 3:
        cooking = _word_set("cooking_verbs")
        dropped = set(in_measure)
        # the other amounts of an ingredient line ("2 eggs, ½ cup sweet potato, 1 tsp. oil")
        ingredients = {sentences[index] for index in in_measure}
        dropped |= {index for index in range(len(figures)) if sentences[index] in ingredients}
        for index, figure in enumerate(figures):
            if _SERVES.search(text, max(0, figure.start - 12), figure.start):
                dropped.add(index)  # "Serves four", "Makes 12"
            if figure.unit in {"degF", "degC"} or figure.unit in TIME_UNITS:
                start, end = sentences[index]
                if set(re.findall(r"[a-zé]+", text[start:end].lower())) & cooking:
                    dropped.add(index)
        kept = [index for index in kept if index not in dropped]
    retailers = _word_set("retailers")
    offers: list[int] = []
    for index, figure in enumerate(figures):
        shop = _AT_SHOP.match(text, figure.end) if figure.kind == "money" else None
        if shop is not None and shop.group(1).lower() in retailers:
            offers.append(index)
    if len(offers) >= 3:
        lines = {text.rfind("\n", 0, figures[index].start) for index in offers}

        def advertised(figure: _Figure) -> bool:
            if figure.kind not in {"money", "share"}:
                return False
            if text.rfind("\n", 0, figure.start) in lines:
                return True
            near = (max(0, figure.start - 40), figure.end + 40)
            return _DEAL_WORDS.search(text, *near) is not None

        kept = [index for index in kept if not advertised(figures[index])]
    return kept


def _renumbered(figures: list[_Figure], kept: list[int]) -> list[_Figure]:
    """Figures after some were left out, with their part-of links pointing at the new places
    (a link to a figure left out is dropped)."""
    new_index = {old: new for new, old in enumerate(kept)}
    for figure in figures:
        if figure.part_of is not None:
            figure.part_of = new_index.get(figure.part_of)
    return figures


def extract_quantities(
    document: Document,
    claims: Sequence[Claim],
    *,
    markers: Sequence[tuple[int, int]] = (),
) -> RecordTable[Quantity]:
    """Every statistic in the document's sentences, in document order, with ids n1, n2, …"""
    text = document.text
    reference = parse_iso(document.date)
    masks: Sequence[tuple[int, int]] = markers  # markers, code, shortcodes
    if document.code_spans or any(markers[i] > markers[i + 1] for i in range(len(markers) - 1)):
        masks = sorted([*markers, *document.code_spans])
    currency: str | None = None
    figures: list[_Figure] = []
    sentence_starts: array[int] = array("q")  # each figure's sentence
    sentence_ends: array[int] = array("q")
    triggers = array("q", number_positions(text, sentence_spans(claims)))
    pound_money = "£" in text or _STERLING.search(text) is not None
    imperatives = _word_set("imperative_verbs")
    for claim in claims:
        at(claim.start)
        first = bisect_left(triggers, claim.start)
        if first == len(triggers) or triggers[first] >= claim.end:
            continue  # no digit and no number word: nothing to read
        opening = _OPENING_WORD.match(text, claim.start, claim.end)
        instruction_end = claim.start
        if opening is not None and opening.group(1).lower() in imperatives:
            # "Eat 60–90 minutes before you work out": an instruction, to its first ";"
            semicolon = text.find(";", claim.start, claim.end)
            instruction_end = claim.end if semicolon < 0 else semicolon
        reader = _SentenceReader(
            text, claim.start, claim.end, masks, triggers, pound_money=pound_money
        )
        found = [
            figure
            for figure in _without_number_lines(text, reader.figures())
            if figure.start >= instruction_end
        ]
        if not found:
            continue
        _share_unit_and_rate(text, found)
        if currency is None:  # read once, and only for documents with figures
            currency = _dominant_currency(text) if re.search(r"\bcents?\b", text) else "USD"
        for figure in found:
            minor = _MINOR_UNIT.match(text, figure.end, claim.end)
            if figure.unit is None and figure.value is not None and minor:
                pence = minor.group(1).lower().startswith("pen")
                figure.unit = "GBP" if pence else currency
                figure.value = round(figure.value / 100, 4)
                figure.end = minor.end()
                figure.kind = "money"
        # Figures relate within a sentence; a "sentence" holding a table's worth of them is
        # read in runs, so the work stays linear in its length.
        for first in range(0, len(found), _RUN):
            run = found[first : first + _RUN]
            run_start = claim.start if first == 0 else found[first - 1].end
            run_end = claim.end if first + _RUN >= len(found) else found[first + _RUN].start
            context = _SentenceReader(
                text, run_start, run_end, masks, triggers, pound_money=pound_money
            )
            _read_changes(text, run_start, run)
            _read_compared(text, run_start, run)
            _read_counted(context, run)
            _fill_ellipsis(run)
            _share_counted(run)
            _read_parts(context, run, len(figures))
            _read_dates(context, run, reference)
            figures.extend(run)
            sentence_starts.extend(claim.start for _ in run)
            sentence_ends.extend(claim.end for _ in run)
    for figure in figures:  # a part without a date of its own is counted when its whole is
        if figure.part_of is not None and figure.as_of is None:
            figure.as_of = figures[figure.part_of].as_of
    sentences: Sequence[tuple[int, int]] = Spans(sentence_starts, sentence_ends)
    kept = _instructions_and_ads_left_out(document, figures, sentences)
    if len(kept) < len(figures):
        sentences = [sentences[index] for index in kept]
        figures = _renumbered([figures[index] for index in kept], kept)
    events = _past_events(text, figures, sentences, reference)
    del sentences
    return RecordTable.build(Quantity, text, "n", _quantities(text, figures, events))


def _quantities(text: str, figures: list[_Figure], events: set[int]) -> Iterator[Quantity]:
    """Each figure frozen into a Quantity, in order; the list is emptied as it goes, so a large
    document's figures and quantities are not all held twice."""
    figures.reverse()
    index = 0
    while figures:
        figure = figures.pop()
        index += 1
        yield Quantity(
            id=f"n{index}",
            text=text[figure.start : figure.end],
            start=figure.start,
            end=figure.end,
            value=figure.value,
            unit=figure.unit,
            counted=figure.counted,
            as_of=figure.as_of,
            rate=figure.rate,
            part_of=None if figure.part_of is None else f"n{figure.part_of + 1}",
            value_high=figure.value_high,
            qualifier=figure.qualifier,
            change=figure.change,
            scale=figure.scale,
            magnitude=figure.magnitude,
            past_event=index - 1 in events,
        )


def _past_events(
    text: str,
    figures: Sequence[_Figure],
    sentences: Sequence[tuple[int, int]],
    reference: date | None,
) -> set[int]:
    """The indices of figures dated before the document that count a past event. Only those
    sentences are tagged, so an undated document costs nothing."""
    if reference is None:
        return set()
    dated = [
        index
        for index, figure in enumerate(figures)
        if figure.as_of is not None
        and (end := period_end(figure.as_of)) is not None
        and end < reference
    ]
    answers = past_events(
        text,
        [DatedFigure(figures[i].start, figures[i].end, *sentences[i]) for i in dated],
    )
    return {index for index, event in zip(dated, answers, strict=True) if event}


def link_quantities(claims: Sequence[Claim], quantities: Sequence[Quantity]) -> ClaimTable:
    """Each claim with the ids of the quantities inside it."""
    starts = [start for start, _ in _spans_of(quantities)]
    ids = [quantity.id for quantity in quantities]
    spans = sentence_spans(claims)
    inside = (
        tuple(ids[bisect_left(starts, start) : bisect_left(starts, end)]) for start, end in spans
    )
    if isinstance(claims, ClaimTable):
        return claims.with_quantities(inside)
    return ClaimTable.build(
        "",
        (
            replace(claim, quantities=held) if held else claim
            for claim, held in zip(claims, inside, strict=True)
        ),
    )


def _spans_of(quantities: Sequence[Quantity]) -> Sequence[tuple[int, int]]:
    if isinstance(quantities, RecordTable):
        return quantities.spans()
    return [(quantity.start, quantity.end) for quantity in quantities]


def is_statistic(quantity: Quantity) -> bool:
    """Whether a figure is a statistic a reader would want sourced: a share, ratio, amount of
    money or physical measure, or a count of 100 or more. Vague counts ("thousands"),
    durations and small counts ("two children") are facts of the story, not statistics."""
    if quantity.value is None or quantity.unit in TIME_UNITS:
        return False
    if quantity.unit is None:
        return quantity.value >= 100
    return True


def claims_by_quantity(claims: Sequence[Claim]) -> dict[str, Claim]:
    """The claim (sentence) that holds each quantity, by quantity id."""
    return {quantity_id: claim for claim in claims for quantity_id in claim.quantities}
