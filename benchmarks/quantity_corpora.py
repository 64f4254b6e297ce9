"""Gold quantities (statistics) from two sources, as plain texts with character spans.

1. **Recognizers-Text English specs** (MIT), read from ``../shared/data/quantities/
   recognizers-text-specs-en`` beside the repository and never copied into it: one JSON array
   of test cases per model, ``{"Input", "Results": [{"Text", "TypeName", "Resolution",
   "Start", "End"}], "NotSupported"?, "NotSupportedByDesign"?}``. ``End`` is inclusive (the
   date extractor gives ``Length`` instead); ``Text`` is sometimes lower-cased, so the span is
   always taken from ``Input``.
2. **The project's news gold set**, ``tests/fixtures/quantities_gold`` (11 invented documents,
   MIT, see its README.md): ``NAME.gold.json`` beside each raw ``NAME.md``/``NAME.txt``, with
   `quantities` (text, occurrence, start, value, value_high, unit, ...) and `not_quantities`
   (distinct strings, each covering every bounded occurrence in the file; see `bounded_matches`).

Which Recognizers files are about "statistics in news" (`SPEC_FILES`)
----------------------------------------------------------------------
Each file annotates one type only, so a sentence of the currency file may hold a count or a
year that its gold leaves out. A file therefore has a `scope`: the kinds of prediction it
annotates exhaustively (see `unit_kind`). An unmatched prediction of another kind is out of
scope and not counted against precision; a matched one counts whatever its kind.

- positive, scored: ``Number_NumberModel`` (digits, separators, number words, scale words,
  fractions: the value side; scope ``number``, i.e. unit-less predictions, because the file
  leaves "180ml" unannotated on purpose), ``Number_PercentModel`` (``percent``),
  ``Number_NumberRangeModel`` (ranges and bounds; scope ``number``),
  ``NumberWithUnit_CurrencyModel`` (``currency``; mostly WSJ-style tokenised newswire),
  ``NumberWithUnit_DimensionModel`` (``dimension``: length, mass, area, volume, speed,
  information), ``NumberWithUnit_TemperatureModel`` (``temperature``).
- negative (spans that must NOT be reported): ``DateTime_DateExtractor`` (dates) and
  ``NumberWithUnit_AgeModel`` (ages: the news gold set's convention is that ages of people and
  of things are not statistics). There is no ordinal file in the folder: ordinals are
  negatives only through `SPEC_OVERRIDES` (ordinal ranges) and the empty-result number cases
  ("Book a first class seat"), where any unit-less prediction is a false positive.

What is skipped
---------------
- A case whose ``NotSupported`` or ``NotSupportedByDesign`` lists ``python`` (it fails in
  Microsoft's Python port), unless `include_unsupported` is set. NB: this removes *every* case
  of ``Number_NumberRangeModel`` (85 of its 87 cases say ``javascript, python`` and the other 2
  are python by design), so ranges are only scored with ``--all-cases``.
- A result whose resolved value is null: a unit named without a number ("convert 10 celsius
  to fahrenheit" annotates "fahrenheit").
- Cases listed in `SPEC_OVERRIDES` as "skip" (not applicable); cases listed as "negative"
  turn their results into negatives (dates, phone numbers, IP addresses, identifiers,
  versions, ordinal ranges, ages inside the range and number files).

Values and units
----------------
A Recognizers value is the resolved number (``"75000000"``, ``"1E-12"``, ``"100%"`` -> 100);
a number range ``"[20,30)"`` gives value 20 and value_high 30, an open one ``"(30,)"`` or
``"(,170)"`` gives its finite bound as value (the news convention: "more than 30" is 30 with an
approximation), ``[20,20]`` gives 20. Units are mapped onto one vocabulary by `normalize_unit`
(the news gold set's: ``percent``, ``USD``, ``tonne``, ``m``, ``km/h``, ``degC``...; other
units get a short name such as ``foot``, ``lb``, ``gallon``; currencies their ISO code when
known). Recognizers keeps cents as cents (``50 cents`` -> 50 ``cent``); the news gold set turns
them into the main unit (``20 cents`` -> 0.2 ``EUR``).

Run ``.venv/bin/python benchmarks/quantity_corpora.py`` for counts.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "quantities"
RECOGNIZERS = DATA / "recognizers-text-specs-en"
GOLD = ROOT / "tests" / "fixtures" / "quantities_gold"
HELD_OUT = GOLD.parent / "quantities_heldout"  # written blind, scored once (its README)


# --------------------------------------------------------------------------------------------
# Units: one vocabulary for every source


# Canonical currency units that are not ISO codes (minor units, historic or vague currencies).
OTHER_CURRENCIES = frozenset({"cent", "penny", "franc", "sen", "satoshi", "BTC"})
TIME_UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
)
TEMPERATURE_UNITS = frozenset({"degC", "degF", "K", "degree"})
PERCENT_UNITS = frozenset({"percent", "percentage_point", "permille"})

# Every source's unit name (lower-cased) -> the canonical unit. Sources: quantulum3's unit names,
# Recognizers-Text's resolved units, the news gold set's vocabulary (which maps onto itself).
UNIT_NAMES: dict[str, str] = {
    # shares
    "percent": "percent", "per cent": "percent", "percentage": "percent", "%": "percent",
    "percentage point": "percentage_point", "percentage_point": "percentage_point",
    "per mille": "permille", "permille": "permille", "ratio": "ratio",
    # money: ISO codes, then names
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "chf": "CHF", "cad": "CAD", "aud": "AUD",
    "nzd": "NZD", "jpy": "JPY", "cny": "CNY", "hkd": "HKD", "inr": "INR", "mxn": "MXN",
    "try": "TRY", "crc": "CRC", "gel": "GEL", "lak": "LAK", "lkr": "LKR",
    "dollar": "USD", "united states dollar": "USD", "us dollar": "USD",
    "euro": "EUR", "pound sterling": "GBP", "british pound": "GBP", "swiss franc": "CHF",
    "canadian dollar": "CAD", "australian dollar": "AUD", "new zealand dollar": "NZD",
    "hong kong dollar": "HKD", "japanese yen": "JPY", "yen": "JPY", "chinese yuan": "CNY",
    "yuan": "CNY", "renminbi": "CNY", "indian rupee": "INR", "rupee": "INR",
    "mexican peso": "MXN", "turkish lira": "TRY", "costa rican colón": "CRC",
    "georgian lari": "GEL", "lao kip": "LAK", "sri lankan rupee": "LKR",
    "finnish markka": "FIM", "peseta": "ESP", "netherlands guilder": "NLG",
    "bitcoin": "BTC", "satoshi": "satoshi", "sen": "sen", "franc": "franc",
    "cent": "cent", "pence": "penny", "penny": "penny",
    # mass
    "tonne": "tonne", "metric ton": "tonne", "ton": "ton", "short ton": "ton",
    "kilogram": "kg", "kg": "kg", "gram": "g", "g": "g", "milligram": "mg", "microgram": "µg",
    "pound-mass": "lb", "pound": "lb", "lb": "lb", "ounce": "oz", "dram": "dram",
    "nanogram per gram": "ng/g", "ng/g": "ng/g",
    # length
    "metre": "m", "meter": "m", "m": "m", "kilometre": "km", "kilometer": "km", "km": "km",
    "centimetre": "cm", "centimeter": "cm", "cm": "cm", "millimetre": "mm", "millimeter": "mm",
    "mm": "mm", "decimetre": "dm", "decimeter": "dm", "picometre": "pm", "picometer": "pm",
    "mile": "mile", "foot": "foot", "inch": "inch", "yard": "yard",
    # area and volume
    "square metre": "m2", "square meter": "m2", "m2": "m2", "square kilometre": "km2",
    "square kilometer": "km2", "km2": "km2", "hectare": "hectare", "acre": "acre",
    "square mile": "mile2", "cubic metre": "m3", "cubic meter": "m3", "m3": "m3",
    "cubic kilometre": "km3", "cubic kilometer": "km3", "km3": "km3", "cubic foot": "ft3",
    "cubic centimetre": "ml",  # the same unit as the millilitre (quantulum3 reads "ml" so)
    "litre": "litre", "liter": "litre", "millilitre": "ml", "milliliter": "ml",
    "gallon": "gallon", "barrel": "barrel", "tablespoon": "tbsp", "teaspoon": "tsp", "cup": "cup",
    # energy and power
    "watt": "W", "kilowatt": "kW", "megawatt": "MW", "mw": "MW", "gigawatt": "GW", "gw": "GW",
    "kilowatt hour": "kWh", "megawatt hour": "MWh", "mwh": "MWh", "gigawatt hour": "GWh",
    "gwh": "GWh", "terawatt hour": "TWh",
    # temperature and angle
    "degree celsius": "degC", "degc": "degC", "c": "degC", "degree fahrenheit": "degF",
    "degf": "degF", "f": "degF", "kelvin": "K", "degree": "degree", "degree angle": "degree",
    "radian": "rad", "turn": "turn",
    # speed
    "kilometre per hour": "km/h", "kilometer per hour": "km/h", "km/h": "km/h",
    "mile per hour": "mph", "mph": "mph", "metre per second": "m/s",
    # information
    "bit": "bit", "megabit": "Mb", "megabyte": "MB", "gigabyte": "GB",
    # time
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
    "month": "month", "year": "year", "decade": "decade", "century": "century",
    # no unit
    "dimensionless": "", "": "",
}  # fmt: skip


def normalize_unit(name: str | None) -> str | None:
    """The canonical unit of a unit name from any source, or None for a plain count.

    Known names map through `UNIT_NAMES` (case-insensitive); an unknown "A per B" maps to A's
    unit, since the news contract keeps a rate's denominator out of the unit ("€248 a tonne" is
    EUR with the rate per_tonne) while unit-internal rates (km/h, mph, ng/g) are listed whole;
    any other unknown name is kept, lower-cased, so that it equals nothing else.
    """
    if name is None:
        return None
    key = " ".join(name.strip().lower().split())
    if key in UNIT_NAMES:
        return UNIT_NAMES[key] or None
    if key.endswith("s") and key[:-1] in UNIT_NAMES:  # "tonnes", "metres", "dollars"
        return UNIT_NAMES[key[:-1]] or None
    if " per " in key:
        return normalize_unit(key.split(" per ", 1)[0])
    return key


def unit_kind(unit: str | None) -> str:
    """What a canonical unit measures, for the scope of a Recognizers file: "number" (no unit,
    or a ratio), "percent", "currency", "temperature", "time" or "dimension"."""
    if unit is None or unit == "ratio":
        return "number"
    if unit in PERCENT_UNITS:
        return "percent"
    if unit in OTHER_CURRENCIES or re.fullmatch(r"[A-Z]{3}", unit):
        return "currency"
    if unit in TEMPERATURE_UNITS:
        return "temperature"
    if unit in TIME_UNITS:
        return "time"
    return "dimension"


# Recognizers' temperature "Degree" names no scale: any degree unit is right for it.
UNIT_EQUIVALENTS: dict[str, frozenset[str]] = {"degree": frozenset({"degree", "degC", "degF"})}


def same_unit(gold: str | None, predicted: str | None) -> bool:
    """Whether a predicted canonical unit is the gold one (see `UNIT_EQUIVALENTS`)."""
    if gold in UNIT_EQUIVALENTS:
        return predicted in UNIT_EQUIVALENTS[gold]
    return gold == predicted


# --------------------------------------------------------------------------------------------
# Recognizers-Text specs


@dataclass(frozen=True, slots=True)
class SpecFile:
    """How one Recognizers spec file is used: `role` "positive" (its results are quantities to
    find, `scope` the prediction kinds it annotates exhaustively) or "negative" (its results
    are spans that must not be reported, of type `negative_type`)."""

    role: str
    scope: frozenset[str] = frozenset()
    negative_type: str | None = None
    why: str = ""


SPEC_FILES: dict[str, SpecFile] = {
    "Number_NumberModel": SpecFile(
        "positive", frozenset({"number"}), why="values: digits, separators, words, fractions"
    ),
    "Number_PercentModel": SpecFile("positive", frozenset({"percent"}), why="percentages"),
    "Number_NumberRangeModel": SpecFile(
        "positive", frozenset({"number"}), why="ranges and bounds (all python-unsupported)"
    ),
    "NumberWithUnit_CurrencyModel": SpecFile(
        "positive", frozenset({"currency"}), why="money, mostly newswire sentences"
    ),
    "NumberWithUnit_DimensionModel": SpecFile(
        "positive", frozenset({"dimension"}), why="physical measures"
    ),
    "NumberWithUnit_TemperatureModel": SpecFile(
        "positive", frozenset({"temperature"}), why="temperatures"
    ),
    "NumberWithUnit_AgeModel": SpecFile(
        "negative", negative_type="age", why="ages are not statistics (news gold convention)"
    ),
    "DateTime_DateExtractor": SpecFile("negative", negative_type="date", why="dates"),
}

# (file stem, exact input) -> (action, type, reason). "negative": the case's results become
# spans that must not be reported, of that type; "skip": the case is not applicable.
SPEC_OVERRIDES: dict[tuple[str, str], tuple[str, str, str]] = {
    ("Number_NumberModel", "192.168.1.2"): ("negative", "identifier", "an IP address"),
    ("Number_NumberModel", "Any time to meet on 5/17/2018?"): ("negative", "date", "a date"),
    ("Number_NumberModel", "My phone number is +1-222-2222/2222"): (
        "negative", "phone", "a phone number"
    ),
    ("Number_NumberModel", "SCP-173"): ("negative", "identifier", "a catalogue code"),
    ("Number_NumberModel", "Exercises nrs. 22,24,26,31."): (
        "negative", "identifier", "exercise numbers"
    ),
    ("Number_NumberModel", "Exercise nr. 22,240,260,310."): (
        "negative", "identifier", "an exercise number"
    ),
    (
        "Number_NumberModel",
        "we will be working on releasing version two and a previous version will still be "
        "maintained",
    ): ("negative", "version", "a version number"),
    ("Number_NumberModel", "they were playing three-nought-four"): (
        "skip", "", "digits read out one by one (a code or a score), not a quantity"
    ),
    ("Number_NumberModel", "Let's try one last time"): (
        "skip", "", "'one' as a determiner, which the news convention does not report"
    ),
    ("Number_NumberRangeModel", "He ranks between the tenth and the fifteenth."): (
        "negative", "ordinal", "a range of ranks"
    ),
    ("Number_NumberRangeModel", "He ranks higher than the tenth but lower than the fifteenth."): (
        "negative", "ordinal", "a range of ranks"
    ),
    ("Number_NumberRangeModel", "He is more than thirty years old."): ("negative", "age", "an age"),
    ("Number_NumberRangeModel", "He is over thirty years old."): ("negative", "age", "an age"),
    ("Number_NumberRangeModel", "His age is no less than thirty."): ("negative", "age", "an age"),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class SpecSpan:
    """An annotated span of a spec input: `start`/`end` (exclusive) into the input, `type` the
    Recognizers type name (number, percentage, currency, dimension, temperature, numberrange,
    age, date) or the override's type, the resolved `value`/`value_high`, the canonical `unit`
    and the raw resolution (`raw_value`, `raw_unit`, `subtype`)."""

    text: str
    start: int
    end: int
    type: str
    value: float | None
    value_high: float | None
    unit: str | None
    raw_value: str | None = None
    raw_unit: str | None = None
    subtype: str | None = None


@dataclass(frozen=True, slots=True)
class SpecCase:
    """One test case: the input sentence, the quantities to find (`expected`), the spans that
    must not be reported (`negatives`) and the prediction kinds the file annotates (`scope`)."""

    file: str
    index: int
    input: str
    expected: tuple[SpecSpan, ...]
    negatives: tuple[SpecSpan, ...]
    scope: frozenset[str]
    not_supported: tuple[str, ...]
    comment: str | None = None


def _languages(case: dict[str, Any]) -> tuple[str, ...]:
    """The ports a case is marked as not supported in (either key), lower-cased."""
    names = ",".join(str(case.get(key) or "") for key in ("NotSupported", "NotSupportedByDesign"))
    return tuple(sorted({name.strip().lower() for name in names.split(",") if name.strip()}))


def parse_range(resolution: str) -> tuple[float | None, float | None]:
    """A Recognizers interval as (value, value_high): ``[20,30)`` -> (20, 30), ``(30,)`` ->
    (30, None), ``(,170)`` -> (170, None), ``[20,20]`` -> (20, None)."""
    found = re.fullmatch(r"\s*[\[(]\s*([^,]*?)\s*,\s*([^,]*?)\s*[\])]\s*", resolution)
    if not found:
        raise ValueError(f"not an interval: {resolution!r}")
    low = float(found.group(1)) if found.group(1) else None
    high = float(found.group(2)) if found.group(2) else None
    if low is None:
        return high, None
    if high is None or high == low:
        return low, None
    return low, high


def spec_unit(type_name: str, raw_unit: str | None, iso: str | None) -> str | None:
    """The canonical unit of a Recognizers result: the ISO code of a currency when given,
    "percent" for a percentage, Celsius/Fahrenheit/unscaled degrees for a temperature, else
    the resolved unit through `normalize_unit` (a currency "Pound" is GBP, a weight one lb)."""
    if type_name == "percentage":
        return "percent"
    if type_name == "currency":
        if iso:
            return iso
        if raw_unit and raw_unit.lower() == "pound":
            return "GBP"
    if type_name == "temperature" and raw_unit in {"C", "F", "Degree"}:
        return {"C": "degC", "F": "degF", "Degree": "degree"}[raw_unit]
    if type_name in {"number", "numberrange"}:
        return None
    return normalize_unit(raw_unit)


def spec_span(text: str, result: dict[str, Any], type_name: str | None = None) -> SpecSpan:
    """One Recognizers result as a span of `text` (``End`` inclusive, or ``Length``)."""
    start = int(result["Start"])
    end = start + int(result["Length"]) if "Length" in result else int(result["End"]) + 1
    kind = str(result.get("TypeName") or result.get("Type") or "")
    resolution = result.get("Resolution") or {}
    raw_value = resolution.get("value")
    if raw_value == "null":  # "Only a small percent attain...": a unit without a number
        raw_value = None
    raw_unit = resolution.get("unit")
    value: float | None = None
    value_high: float | None = None
    if raw_value is not None:
        if kind == "numberrange":
            value, value_high = parse_range(str(raw_value))
        else:
            value = float(str(raw_value).rstrip("%"))
    return SpecSpan(
        text=text[start:end],
        start=start,
        end=end,
        type=type_name or kind,
        value=value,
        value_high=value_high,
        unit=spec_unit(kind, raw_unit, resolution.get("isoCurrency")),
        raw_value=None if raw_value is None else str(raw_value),
        raw_unit=raw_unit,
        subtype=resolution.get("subtype"),
    )


def spec_cases(path: Path, include_unsupported: bool = False) -> Iterator[SpecCase]:
    """The cases of one spec file, skipping python-unsupported ones (unless asked), cases that
    `SPEC_OVERRIDES` skips and results without a value."""
    stem = path.stem
    use = SPEC_FILES[stem]
    cases = json.loads(path.read_text(encoding="utf-8"))
    for index, case in enumerate(cases):
        languages = _languages(case)
        if "python" in languages and not include_unsupported:
            continue
        text = case["Input"]
        action, override_type, _ = SPEC_OVERRIDES.get((stem, text), ("", "", ""))
        if action == "skip":
            continue
        negative = use.role == "negative" or action == "negative"
        type_name = (override_type or use.negative_type) if negative else None
        spans = [spec_span(text, result, type_name) for result in case.get("Results", [])]
        if not negative:
            spans = [span for span in spans if span.value is not None]
        yield SpecCase(
            file=stem,
            index=index,
            input=text,
            expected=() if negative else tuple(spans),
            negatives=tuple(spans) if negative else (),
            scope=use.scope,
            not_supported=languages,
            comment=case.get("Comment"),
        )


def load_recognizers(
    root: Path = RECOGNIZERS,
    files: Iterator[str] | list[str] | tuple[str, ...] | None = None,
    include_unsupported: bool = False,
    limit: int | None = None,
) -> list[SpecCase]:
    """The cases of the chosen spec files (default: all of `SPEC_FILES`), in file order; with
    `limit`, the first `limit` cases of each file."""
    cases: list[SpecCase] = []
    for stem in files if files is not None else SPEC_FILES:
        found = list(spec_cases(root / f"{stem}.json", include_unsupported))
        cases.extend(found[:limit])
    return cases


# --------------------------------------------------------------------------------------------
# The news gold set


@dataclass(frozen=True, slots=True)
class GoldQuantity:
    """A gold quantity: every key of the gold file, plus `end` (exclusive)."""

    text: str
    occurrence: int
    start: int
    end: int
    value: float | None
    value_high: float | None
    unit: str | None
    scale_words: str | None
    approx: str | None
    rate: str | None
    change: str | None
    counted: str | None
    part_of: int | None
    vague: bool
    magnitude: int | None
    as_of: str | None


@dataclass(frozen=True, slots=True)
class NotQuantity:
    """One bounded occurrence of a `not_quantities` string: its span and a rough `kind`."""

    text: str
    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class QuantityDocument:
    """A document of the news gold set: the raw file's text (front matter included; gold
    offsets point into it), where the body starts, the gold date and the gold spans."""

    path: Path
    name: str
    format: str
    text: str
    body_start: int
    date: str | None
    quantities: tuple[GoldQuantity, ...]
    not_quantities: tuple[NotQuantity, ...]
    sentences: int


def _digit(char: str) -> bool:
    return char in "0123456789"  # not str.isdigit: a footnote mark "²" is no digit here


def _word(char: str) -> bool:
    return char.isalpha() or _digit(char)


def _blocked_before(text: str, start: int) -> bool:
    if start == 0:
        return False
    before = text[start - 1]
    earlier = text[start - 2] if start >= 2 else ""
    if _word(before):
        return True
    if before in ".," or before == " ":
        return _digit(earlier)
    return before == "-" and _word(earlier)


def _blocked_after(text: str, end: int) -> bool:
    if end >= len(text):
        return False
    after = text[end]
    later = text[end + 1] if end + 1 < len(text) else ""
    if _word(after):
        return True
    if after in ".,":
        return _digit(later)
    if after == " ":
        group = text[end + 1 : end + 4]
        return len(group) == 3 and all(_digit(char) for char in group)
    return after == "-" and _word(later)


def bounded_matches(text: str, needle: str) -> list[int]:
    """Start offsets of the bounded matches of `needle` in `text` (the gold README's rule): a
    match inside a larger number or word is skipped. Before it there must be no letter or
    digit, no ``.``/``,``/space preceded by a digit, no ``-`` preceded by a letter or digit;
    after it no letter or digit, no ``.``/``,`` followed by a digit, no space followed by three
    digits (a thousands group), no ``-`` followed by a letter or digit."""
    found: list[int] = []
    start = text.find(needle)
    while start != -1:
        end = start + len(needle)
        if not _blocked_before(text, start) and not _blocked_after(text, end):
            found.append(start)
        start = text.find(needle, start + 1)
    return found


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_ORDINAL_WORDS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
NOT_QUANTITY_KINDS: tuple[tuple[str, str], ...] = (
    ("marker", r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+$|^(?:footnote|note|annex)\s+\d+$"),
    ("list number", r"^\d+\.$"),
    ("version", r"^(?:version\s+|v)\d+(?:\.\d+)+$"),
    ("clock time", r"^\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)$"),
    ("phone", r"^\+?\d[\d ]{5,}\d$"),
    ("date", rf"\b(?:{_MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
     r"|\bquarter\b"),
    ("year", r"^\d{4}s?$|^\d{4}[-–]\d{2,4}$"),
    ("reference", r"^(?:page|pages|pp?\.|section|chapter|table|vol\.|sheet)\s|et al\."),
    ("ordinal", rf"^(?:{_ORDINAL_WORDS})\b|^\d+(?:st|nd|rd|th)$|\b(?:top|largest|lowest)\b"
     rf"|^(?:second|third) round$"),
    ("age or modifier", r"^\d{1,3}$|-(?:year|day|week|bedroom)s?(?:-olds?)?$|^one-off$"
     r"|-year-olds?$"),
    ("time window", r"^\w+ (?:seconds|minutes|hours|days|weeks|months|years|seasons)$"),
    ("score", r"^\d+-\d+$"),
)  # fmt: skip


def not_quantity_kind(text: str) -> str:
    """A rough kind of a not-quantity string, for the report (first pattern that matches in
    `NOT_QUANTITY_KINDS`); "identifier or other" (Ward 12, A61, one clinic, 18 to 24...)."""
    for kind, pattern in NOT_QUANTITY_KINDS:
        if re.search(pattern, text, re.IGNORECASE):
            return kind
    return "identifier or other"


def front_matter_end(text: str) -> int:
    """Where the body starts: after a leading ``---`` ... ``---`` block, else 0."""
    if not text.startswith("---\n"):
        return 0
    close = text.find("\n---\n", 3)
    return 0 if close == -1 else close + len("\n---\n")


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def gold_document(gold_path: Path) -> QuantityDocument:
    """One gold file with its raw document; checks that every quantity's `start` is the
    `occurrence`-th bounded match of its `text`."""
    name = gold_path.name.removesuffix(".gold.json")
    raw = [p for p in gold_path.parent.glob(f"{name}.*") if not p.name.endswith(".gold.json")]
    if len(raw) != 1:
        raise ValueError(f"{gold_path}: expected one raw document, found {raw}")
    path = raw[0]
    text = path.read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    quantities = []
    for entry in gold["quantities"]:
        matches = bounded_matches(text, entry["text"])
        occurrence = entry["occurrence"]
        if len(matches) < occurrence or matches[occurrence - 1] != entry["start"]:
            raise ValueError(
                f"{path.name}: {entry['text']!r} #{occurrence} not at {entry['start']}"
            )
        quantities.append(
            GoldQuantity(
                text=entry["text"],
                occurrence=occurrence,
                start=entry["start"],
                end=entry["start"] + len(entry["text"]),
                value=_number(entry["value"]),
                value_high=_number(entry["value_high"]),
                unit=entry["unit"],
                scale_words=entry["scale_words"],
                approx=entry["approx"],
                rate=entry["rate"],
                change=entry["change"],
                counted=entry["counted"],
                part_of=entry["part_of"],
                vague=bool(entry["vague"]),
                magnitude=entry["magnitude"],
                as_of=entry["as_of"],
            )
        )
    body = front_matter_end(text)
    not_quantities = sorted(
        (
            NotQuantity(string, start, start + len(string), not_quantity_kind(string))
            for string in gold["not_quantities"]
            for start in bounded_matches(text, string)
            if start >= body
        ),
        key=lambda n: (n.start, n.end),
    )
    return QuantityDocument(
        path=path,
        name=name,
        format=path.suffix.lstrip("."),
        text=text,
        body_start=body,
        date=gold["date"],
        quantities=tuple(quantities),
        not_quantities=tuple(not_quantities),
        sentences=int(gold["sentences"]),
    )


def load_gold(root: Path = GOLD, limit: int | None = None) -> list[QuantityDocument]:
    """All (or the first `limit`) documents of the news gold set, by name."""
    return [gold_document(path) for path in sorted(root.glob("*.gold.json"))[:limit]]


# --------------------------------------------------------------------------------------------


def main() -> None:
    """Print what the readers find."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all-cases", action="store_true", help="keep python-unsupported cases")
    arguments = parser.parse_args()
    if RECOGNIZERS.is_dir():
        cases = load_recognizers(include_unsupported=arguments.all_cases)
        print("| spec file | role | cases | expected | negatives |")
        print("| --- | --- | ---: | ---: | ---: |")
        for stem, use in SPEC_FILES.items():
            mine = [c for c in cases if c.file == stem]
            expected = sum(len(c.expected) for c in mine)
            negatives = sum(len(c.negatives) for c in mine)
            print(f"| {stem} | {use.role} | {len(mine)} | {expected} | {negatives} |")
    else:
        print(f"Recognizers-Text specs not found at {RECOGNIZERS}")
    documents = load_gold()
    quantities = [q for d in documents for q in d.quantities]
    kinds = Counter(n.kind for d in documents for n in d.not_quantities)
    print(
        f"\nnews gold: {len(documents)} documents, {sum(d.sentences for d in documents)} "
        f"sentences, {len(quantities)} quantities, "
        f"{sum(len(d.not_quantities) for d in documents)} not-quantity occurrences"
    )
    print(", ".join(f"{kind} {count}" for kind, count in kinds.most_common()))


if __name__ == "__main__":
    main()
