"""The quantity gold readers (benchmarks/quantity_corpora.py) on the real data, and the
benchmark's matching rules (benchmarks/quantities.py).

The Recognizers-Text specs live in ../shared/data/quantities beside the repository and are
never copied into it; the news gold set is tests/fixtures/quantities_gold. Without them the
data tests are skipped. No spaCy or quantulum3 here: the readers read files.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = REPO / "benchmarks"
GOLD = REPO / "tests" / "fixtures" / "quantities_gold"
SPECS = Path(__file__).resolve().parents[2] / "shared" / "data" / "quantities"
SPECS = SPECS / "recognizers-text-specs-en"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

corpora: ModuleType = importlib.import_module("quantity_corpora")
scoring: ModuleType = importlib.import_module("quantities")

needs_gold = pytest.mark.skipif(
    not any(GOLD.glob("*.gold.json")), reason=f"the news gold set is not at {GOLD}"
)
needs_specs = pytest.mark.skipif(
    not SPECS.is_dir(), reason=f"the Recognizers-Text specs are not at {SPECS}"
)
GOLD_UNITS = {
    "percent", "percentage_point", "permille", "ratio", "USD", "EUR", "GBP", "CHF", "tonne",
    "kg", "ng/g", "km", "m", "cm", "mm", "mile", "km2", "m2", "km3", "m3", "hectare", "litre",
    "barrel", "MW", "GW", "MWh", "GWh", "degC", "km/h", "mph", "second", "minute", "hour",
    "day", "week", "month", "year",
}  # fmt: skip


@pytest.fixture(scope="module")
def gold() -> list:
    return corpora.load_gold(GOLD)


@pytest.fixture(scope="module")
def specs() -> list:
    return corpora.load_recognizers(SPECS)


def test_bounded_matches_skip_matches_inside_numbers_and_words() -> None:
    text = "240,000 tonnes, 40 farms; about €2 350 or €2; two-thirds and two; 1 500 and 500"
    assert corpora.bounded_matches(text, "40") == [text.index("40 farms")]
    assert corpora.bounded_matches(text, "€2") == [text.index("€2;")]
    assert corpora.bounded_matches(text, "two") == [text.index("two;")]
    assert corpora.bounded_matches(text, "500") == [len(text) - 3]
    assert corpora.bounded_matches("inflation of 2.1 percent.²", "2.1 percent") == [13]


def test_units_normalise_onto_one_vocabulary() -> None:
    normal = corpora.normalize_unit
    assert {unit: normal(unit) for unit in GOLD_UNITS} == {unit: unit for unit in GOLD_UNITS}
    assert normal("metre") == normal("metres") == normal("Meter") == "m"
    assert normal("tonnes") == normal("Metric ton") == "tonne"
    assert normal("per cent") == normal("percentage") == "percent"
    assert normal("pound sterling") == "GBP" and normal("pound-mass") == "lb"
    assert normal("dollar") == normal("united states dollar") == normal("Dollar") == "USD"
    assert normal("pound sterling per year") == normal("GBP") == "GBP"  # a rate's denominator
    assert normal("kilometre per hour") == "km/h" and normal("mile per hour") == "mph"
    assert normal("degree Celsius") == "degC"
    assert normal("dimensionless") is None and normal(None) is None
    assert normal("euro bit newton") == "euro bit newton"  # unknown: kept, equals nothing
    assert corpora.unit_kind(None) == corpora.unit_kind("ratio") == "number"
    assert corpora.unit_kind("CAD") == corpora.unit_kind("cent") == "currency"
    assert corpora.unit_kind("km") == "dimension" and corpora.unit_kind("year") == "time"


def test_number_ranges_read_as_low_and_high() -> None:
    assert corpora.parse_range("[20,30)") == (20, 30)
    assert corpora.parse_range("(30,)") == (30, None)
    assert corpora.parse_range("(,170)") == (170, None)
    assert corpora.parse_range("[20,20]") == (20, None)
    assert corpora.parse_range("(0.25,0.5)") == (0.25, 0.5)


@needs_gold
def test_gold_spans_are_their_texts(gold: list) -> None:
    assert len(gold) == 11
    assert sum(len(d.quantities) for d in gold) == 519
    assert sum(d.sentences for d in gold) == 350
    for document in gold:
        for quantity in document.quantities:
            assert document.text[quantity.start : quantity.end] == quantity.text
            assert quantity.start >= document.body_start, (document.name, quantity.text)
            assert quantity.unit is None or quantity.unit in GOLD_UNITS, quantity.text
            assert (quantity.value is None) == quantity.vague, quantity.text
            if quantity.value_high is not None:
                assert quantity.value < quantity.value_high, quantity.text


@needs_gold
def test_gold_not_quantities_cover_every_string_and_no_quantity(gold: list) -> None:
    entries = 0
    for document in gold:
        strings = json.loads((GOLD / f"{document.name}.gold.json").read_text("utf-8"))
        entries += len(strings["not_quantities"])
        assert {n.text for n in document.not_quantities} == set(strings["not_quantities"])
        for item in document.not_quantities:
            assert document.text[item.start : item.end] == item.text
            for quantity in document.quantities:
                assert item.end <= quantity.start or quantity.end <= item.start, item.text
    assert entries == 217
    kinds = {n.text: n.kind for d in gold for n in d.not_quantities}
    assert kinds["1960s"] == kinds["2024-25"] == "year"
    assert kinds["Tuesday, April 15"] == kinds["third quarter of 2027"] == "date"
    assert kinds["14th"] == kinds["third-lowest"] == "ordinal"
    assert kinds["¹"] == kinds["footnote 9"] == "marker"
    assert kinds["+44 1632 960 214"] == kinds["116 040"] == "phone"
    assert kinds["version 5.2.1"] == kinds["v2.0.3"] == "version"


@needs_gold
def test_gold_documents_know_their_dates_and_front_matter(gold: list) -> None:
    by_name = {d.name: d for d in gold}
    floods = by_name["q05_sarn_floods"]
    assert floods.date == "2025-03-14" and floods.format == "md"
    assert floods.text[: floods.body_start].endswith("---\n")
    budget = by_name["q06_velmora_budget"]
    assert budget.date is None and budget.body_start == 0
    first = floods.quantities[1]
    assert (first.text, first.value, first.approx) == (
        "more than 31,000 insurance claims",
        31000,
        "more_than",
    )
    assert floods.quantities[3].part_of == 2  # "4,800 (of them women)" is part of "some 10,000"


@needs_specs
def test_recognizers_cases_have_spans_inside_their_input(specs: list) -> None:
    assert len(specs) > 600
    expected = [s for c in specs for s in c.expected]
    assert len(expected) > 400
    for case in specs:
        assert "python" not in case.not_supported
        for span in (*case.expected, *case.negatives):
            assert 0 <= span.start < span.end <= len(case.input), (case.file, case.index)
            assert case.input[span.start : span.end] == span.text
        for span in case.expected:
            assert span.value is not None, (case.file, case.index)
    files = {c.file for c in specs}
    assert "Number_NumberRangeModel" not in files  # every one of its cases is python-unsupported
    raw = json.loads((SPECS / "NumberWithUnit_CurrencyModel.json").read_text("utf-8"))
    texts = {r["Text"].lower() for case in raw for r in case["Results"]}
    assert {
        s.text.lower()
        for c in specs
        for s in c.expected
        if c.file == "NumberWithUnit_CurrencyModel"
    } <= texts


@needs_specs
def test_recognizers_values_units_and_negatives(specs: list) -> None:
    def first(file: str, start: str) -> object:
        case = next(c for c in specs if c.file == file and c.input.startswith(start))
        return (case.expected or case.negatives)[0]

    money = first("NumberWithUnit_CurrencyModel", "finnish conglomerate")
    assert (money.text, money.value, money.unit) == ("420 million finnish markka", 420e6, "FIM")
    assert first("NumberWithUnit_CurrencyModel", "the price of the second simulator").unit == "CAD"
    assert first("NumberWithUnit_CurrencyModel", "coyle ' s net worth").unit == "GBP"
    assert first("NumberWithUnit_CurrencyModel", "montgomery county").unit == "USD"
    share = first("Number_PercentModel", "240 percent")
    assert (share.value, share.unit) == (240, "percent")
    assert first("NumberWithUnit_DimensionModel", "You weight 200lbs").unit == "lb"
    assert first("NumberWithUnit_TemperatureModel", "its 90 fahrenheit").unit == "degF"
    age = first("NumberWithUnit_AgeModel", "When she was five years old")
    assert (age.text, age.type) == ("five years old", "age")
    assert first("Number_NumberModel", "Any time to meet on 5/17/2018?").type == "date"
    assert all(not c.expected for c in specs if c.file == "DateTime_DateExtractor")
    with_unsupported = corpora.load_recognizers(SPECS, ["Number_NumberRangeModel"], True)
    assert len(with_unsupported) == 87
    between = next(c for c in with_unsupported if c.input == "The number is between 20 and 30.")
    assert (between.expected[0].value, between.expected[0].value_high) == (20, 30)


def _target(start: int, end: int, value: float | None, high: float | None = None, **kw):
    return scoring.Target(start, end, value, high, kw.get("unit"), kw.get("magnitude"))


def _prediction(start: int, end: int, value: float | None, high: float | None = None, **kw):
    return scoring.Prediction(
        start, end, value, high, kw.get("unit"), magnitude=kw.get("magnitude")
    )


def test_values_match_within_half_a_percent_and_ranges_on_both_ends() -> None:
    same = scoring.same_value
    assert same(_target(0, 5, 3400000), _prediction(0, 5, 3410000))
    assert not same(_target(0, 5, 3400000), _prediction(0, 5, 3420000))
    assert same(_target(0, 5, 0.3333), _prediction(0, 5, 1 / 3))
    assert same(_target(0, 5, 8, 10), _prediction(0, 5, 8.0, 10.0))
    assert not same(_target(0, 5, 8, 10), _prediction(0, 5, 8.0))
    assert not same(_target(0, 5, 8), _prediction(0, 5, 8.0, 10.0))
    assert same(_target(0, 5, None, magnitude=4), _prediction(0, 5, None, magnitude=4))
    assert same(_target(0, 5, None, magnitude=3), _prediction(0, 5, 1000.0))
    assert not same(_target(0, 5, None, magnitude=3), _prediction(0, 5, None, magnitude=2))
    assert same(_target(0, 5, 5), _prediction(0, 5, -5.0))  # the contract's value is unsigned


def test_matching_is_one_to_one_and_needs_overlap_value_and_unit() -> None:
    gold = [_target(0, 10, 15e6, 20e6, unit="EUR"), _target(20, 30, 12, unit="percent")]
    predicted = [
        _prediction(0, 5, 15e6, unit="EUR"),  # half of the range: wrong value
        _prediction(0, 10, 15e6, 20e6, unit="USD"),  # right range, wrong currency
        _prediction(21, 25, 12.0, unit="percent"),
        _prediction(22, 24, 12.0, unit="percent"),  # less overlap with the same gold: unused
        _prediction(40, 42, 12.0, unit="percent"),  # no overlap
    ]
    assert scoring.match(gold, predicted, with_unit=False) == [(0, 1), (1, 2)]
    assert scoring.match(gold, predicted, with_unit=True) == [(1, 2)]
    scored = scoring.score(gold, [(40, 44, "year")], predicted)
    assert (scored.tally.predicted, scored.tally.value, scored.tally.unit) == (5, 2, 1)
    assert (scored.tally.negatives, scored.tally.reported) == (1, 1)
    assert scored.tally.reported_kinds == {"year": 1}


def test_a_typed_spec_file_ignores_predictions_of_other_kinds() -> None:
    gold = [_target(0, 10, 75e6, unit="USD")]
    predicted = [
        _prediction(2, 10, 75e6),  # overlaps the gold: counts, right value, no unit
        _prediction(20, 24, 1989.0),  # a year the currency file does not annotate
        _prediction(30, 34, 5.0, unit="GBP"),  # money the file would have annotated
    ]
    scored = scoring.score(gold, [], predicted, frozenset({"currency"}))
    assert scored.counted == [0, 2]
    assert (scored.tally.value, scored.tally.unit) == (1, 0)
