"""Statistics (quantities): sourcelint against quantulum3, on the same texts in the same run,
scored on the project's news gold set (tests/fixtures/quantities_gold) and on the
Recognizers-Text English specs (../shared/data/quantities), both read by
benchmarks/quantity_corpora.py.

Matching (one-to-one, greedy, largest character overlap first) is done twice:

- **value**: a prediction matches a gold quantity when their spans overlap and their values
  are equal within `TOLERANCE` (0.5%) relative. Values are compared by magnitude (the contract's
  `value` is never negative: direction goes into `change`). A range compares low with low and
  high with high, and a range never equals a single value. A vague gold count (`value` null,
  `magnitude` k: "thousands", "tens of thousands") matches a prediction that is vague with the
  same magnitude, or whose single value is 10**k.
- **value+unit**: the same, and the canonical units are equal (`quantity_corpora.
  normalize_unit` maps quantulum3's unit names, Recognizers' resolved units and the gold
  vocabulary onto one vocabulary; no unit is None, never equal to a unit).

Precision = matched / predicted, recall = matched / gold. On the news set every prediction in
the document body counts (the front matter, which holds no quantity, is blanked for quantulum3
and predictions in it are dropped for any system). On a Recognizers file, which annotates only
its own type, a prediction counts when it overlaps an expected span or its unit's kind is in
the file's scope (`quantity_corpora.SPEC_FILES`); the Number file's scope is unit-less
predictions. Not-quantities: each bounded occurrence of a gold `not_quantities` string (news)
and each negative spec span (dates, ages, overrides) overlapped by at least one prediction is
a false report.

quantulum3 runs rule-only: its packaged classifier (a joblib pickle built with scikit-learn
1.8) cannot be unpickled by the scikit-learn 1.9 pinned here (ModuleNotFoundError: _loss), and
passing `classifier_path=None` does not avoid it (None means "the packaged file"). Setting
`quantulum3.classifier.USE_CLF = False` before parsing sends every disambiguation through
`no_classifier`, the same code path as an install without scikit-learn (checked: the same
output on both data sets as a run with scikit-learn hidden from import). Each `Quantity`
becomes (span, value, unit): `span` as given; a range (`uncertainty` set, no ± in the surface)
becomes value - uncertainty .. value + uncertainty; `unit.name` is normalised. No other
conversion: "a dozen" stays 1 "dozen", as quantulum3 says.

sourcelint: `sourcelint.api.analyze` on the document as read by `sourcelint.readers`
(`read_path` for a news file, `read_text_as(..., "txt")` for a spec sentence); each entry of
`analysis.quantities` is read as its JSON contract object: `start`/`end` (offsets into the
extracted text), `value`, `value_high`, `unit`, `magnitude`, mapped back to the raw file's
offsets with the document's offset map.

Run: `.venv/bin/python benchmarks/quantities.py [--limit N] [--all-cases] [--systems
quantulum3,sourcelint] [--dump DIR]`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from matching import greedy_pairs, overlap
from quantity_corpora import (
    GOLD,
    HELD_OUT,
    RECOGNIZERS,
    SPEC_FILES,
    QuantityDocument,
    SpecCase,
    load_gold,
    load_recognizers,
    normalize_unit,
    same_unit,
    unit_kind,
)
from run_info import versions

TOLERANCE = 0.005
_PLUS_MINUS = re.compile(r"±|\+/-|\+-|plus (?:or )?minus", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Target:
    """A gold quantity as the scorer sees it: span, value (or low), high, canonical unit and,
    for a vague count, the magnitude."""

    start: int
    end: int
    value: float | None
    value_high: float | None
    unit: str | None
    magnitude: int | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Prediction:
    """A predicted quantity: span, value (or low), high, canonical unit, the system's own unit
    name, and the magnitude of a vague count."""

    start: int
    end: int
    value: float | None
    value_high: float | None
    unit: str | None
    raw_unit: str | None = None
    magnitude: int | None = None
    text: str = ""


@dataclass(slots=True)
class Tally:
    """Counts of one system on one data set (or one spec file)."""

    gold: int = 0
    predicted: int = 0
    value: int = 0  # matched on value
    unit: int = 0  # matched on value and unit
    negatives: int = 0  # not-quantity spans
    reported: int = 0  # of which a prediction overlaps
    units: int = 0  # texts scored
    errors: int = 0  # texts where the system raised
    span_mismatches: int = 0  # predictions whose text differs from the input at their span
    seconds: float = 0.0
    reported_kinds: Counter[str] = field(default_factory=Counter)
    negative_kinds: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        for name in self.__dataclass_fields__:
            mine = getattr(self, name)
            if isinstance(mine, Counter):
                mine.update(getattr(other, name))
            else:
                setattr(self, name, mine + getattr(other, name))


# --------------------------------------------------------------------------------------------
# Matching


def close(a: float, b: float, tolerance: float = TOLERANCE) -> bool:
    """Equal magnitudes within a relative tolerance."""
    a, b = abs(a), abs(b)
    return abs(a - b) <= tolerance * max(a, b)


def same_value(gold: Target, predicted: Prediction) -> bool:
    """Whether a prediction's value is the gold value (see the module docstring)."""
    if gold.value is None:
        if gold.magnitude is None:
            return predicted.value is None
        if predicted.value is None:
            return predicted.magnitude == gold.magnitude
        return predicted.value_high is None and close(predicted.value, 10.0**gold.magnitude)
    if predicted.value is None or not close(gold.value, predicted.value):
        return False
    if gold.value_high is None or predicted.value_high is None:
        return gold.value_high is None and predicted.value_high is None
    return close(gold.value_high, predicted.value_high)


def match(
    gold: Sequence[Target], predicted: Sequence[Prediction], with_unit: bool
) -> list[tuple[int, int]]:
    """One-to-one greedy matching, largest overlap first, among overlapping pairs with the
    same value (and, `with_unit`, the same unit)."""
    candidates = []
    for g, target in enumerate(gold):
        for p, prediction in enumerate(predicted):
            shared = overlap((target.start, target.end), (prediction.start, prediction.end))
            if not shared or not same_value(target, prediction):
                continue
            if with_unit and not same_unit(target.unit, prediction.unit):
                continue
            candidates.append((shared, g, p))
    return greedy_pairs(candidates)


@dataclass(slots=True)
class Scored:
    """One system's predictions on one text, and how they matched."""

    predictions: list[Prediction]
    counted: list[int]  # indexes of the predictions that count
    value_pairs: list[tuple[int, int]]
    unit_pairs: list[tuple[int, int]]
    reported: list[int]  # indexes of the negatives overlapped by a prediction
    tally: Tally


def score(
    gold: Sequence[Target],
    negatives: Sequence[tuple[int, int, str]],
    predictions: list[Prediction],
    scope: frozenset[str] | None = None,
) -> Scored:
    """Match one text's predictions. `negatives` are (start, end, kind) spans that must not be
    reported; `scope` None counts every prediction, else only those overlapping a gold span
    or whose unit kind is in it."""
    counted = [
        p
        for p, prediction in enumerate(predictions)
        if scope is None
        or unit_kind(prediction.unit) in scope
        or any(overlap((t.start, t.end), (prediction.start, prediction.end)) for t in gold)
    ]
    kept = [predictions[p] for p in counted]
    value_pairs = [(g, counted[p]) for g, p in match(gold, kept, with_unit=False)]
    unit_pairs = [(g, counted[p]) for g, p in match(gold, kept, with_unit=True)]
    reported = [
        n
        for n, (start, end, _) in enumerate(negatives)
        if any(overlap((start, end), (p.start, p.end)) for p in predictions)
    ]
    tally = Tally(
        gold=len(gold),
        predicted=len(counted),
        value=len(value_pairs),
        unit=len(unit_pairs),
        negatives=len(negatives),
        reported=len(reported),
        units=1,
        reported_kinds=Counter(negatives[n][2] for n in reported),
        negative_kinds=Counter(kind for _, _, kind in negatives),
    )
    return Scored(predictions, counted, value_pairs, unit_pairs, reported, tally)


# --------------------------------------------------------------------------------------------
# The two systems. A predictor takes (text, path or None) and returns predictions whose spans
# index `text`.

Predictor = Callable[[str, Path | None], list[Prediction]]


def quantulum_predictor() -> Predictor:
    """quantulum3's `parser.parse`, rule-only (see the module docstring)."""
    import quantulum3.classifier

    quantulum3.classifier.USE_CLF = False  # the packaged classifier cannot load here
    from quantulum3 import parser

    def predict(text: str, path: Path | None = None) -> list[Prediction]:
        predictions = []
        for quantity in parser.parse(text):
            start, end = quantity.span
            value: float | None = float(quantity.value)
            high: float | None = None
            surface = quantity.surface or ""
            if quantity.uncertainty and not _PLUS_MINUS.search(surface):  # a range
                high = quantity.value + quantity.uncertainty
                value = quantity.value - quantity.uncertainty
            name = quantity.unit.name if quantity.unit is not None else None
            predictions.append(
                Prediction(start, end, value, high, normalize_unit(name), name, text=surface)
            )
        return predictions

    return predict


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def sourcelint_predictor() -> Predictor:
    """sourcelint's `analysis.quantities`, offsets mapped back to the raw text."""
    from sourcelint.api import analyze
    from sourcelint.readers import read_path, read_text_as

    def predict(text: str, path: Path | None = None) -> list[Prediction]:
        if path is not None:
            document = read_path(path)
        else:
            document = read_text_as(text, path="<text>", format="txt")
        analysis = analyze(document)
        predictions = []
        for quantity in analysis.quantities:
            entry = quantity.to_json()  # the JSON contract's quantity object
            start, end = int(entry["start"]), int(entry["end"])
            source_start = document.offsets.to_source(start)
            source_end = document.offsets.to_source(max(end - 1, start)) + 1
            predictions.append(
                Prediction(
                    source_start,
                    source_end,
                    _number(entry.get("value")),
                    _number(entry.get("value_high")),
                    normalize_unit(entry.get("unit")),
                    entry.get("unit"),
                    entry.get("magnitude"),
                    text=str(entry.get("text", "")),
                )
            )
        return predictions

    return predict


def sourcelint_ready() -> str | None:
    """Why sourcelint cannot be scored (None when it can)."""
    try:
        from sourcelint.api import scan
    except ImportError as error:
        return f"sourcelint.api.scan cannot be imported ({error})"
    del scan
    return None


# --------------------------------------------------------------------------------------------
# Running


def _blank(text: str, end: int) -> str:
    """The text with its first `end` characters (front matter) blanked, newlines kept."""
    return re.sub(r"[^\n]", " ", text[:end]) + text[end:]


def news_targets(document: QuantityDocument) -> list[Target]:
    """The gold quantities of a news document as targets."""
    return [
        Target(q.start, q.end, q.value, q.value_high, q.unit, q.magnitude, q.text)
        for q in document.quantities
    ]


def run_news(name: str, predict: Predictor, documents: Sequence[QuantityDocument]) -> list[Scored]:
    """Predict and score each news document."""
    results = []
    for document in documents:
        started = time.perf_counter()
        errors = 0
        try:
            predictions = predict(_blank(document.text, document.body_start), document.path)
        except Exception as error:  # a system's crash is a result, not a stop
            print(f"{name} raised on {document.name}: {error!r}", file=sys.stderr)
            predictions, errors = [], 1
        predictions = [p for p in predictions if p.start >= document.body_start]
        negatives = [(n.start, n.end, n.kind) for n in document.not_quantities]
        scored = score(news_targets(document), negatives, predictions)
        scored.tally.errors = errors
        scored.tally.span_mismatches = sum(
            bool(p.text) and document.text[p.start : p.end] != p.text for p in predictions
        )
        scored.tally.seconds = time.perf_counter() - started
        results.append(scored)
    return results


def spec_targets(case: SpecCase) -> list[Target]:
    """The expected results of a spec case as targets."""
    return [
        Target(s.start, s.end, s.value, s.value_high, s.unit, None, s.text) for s in case.expected
    ]


def run_specs(name: str, predict: Predictor, cases: Sequence[SpecCase]) -> dict[str, Tally]:
    """Predict and score each spec case; tallies by file."""
    tallies: dict[str, Tally] = {}
    for case in cases:
        started = time.perf_counter()
        errors = 0
        try:
            predictions = predict(case.input, None)
        except Exception as error:
            print(f"{name} raised on {case.file}#{case.index}: {error!r}", file=sys.stderr)
            predictions, errors = [], 1
        negatives = [(s.start, s.end, s.type) for s in case.negatives]
        scored = score(spec_targets(case), negatives, predictions, case.scope)
        scored.tally.errors = errors
        scored.tally.span_mismatches = sum(
            bool(p.text) and case.input[p.start : p.end] != p.text for p in predictions
        )
        scored.tally.seconds = time.perf_counter() - started
        tallies.setdefault(case.file, Tally()).add(scored.tally)
    return tallies


# --------------------------------------------------------------------------------------------
# Report


def prf(matched: int, predicted: int, gold: int) -> str:
    """Precision, recall and F1 as three table cells."""
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{precision:.3f} | {recall:.3f} | {f1:.3f}"


def score_table(rows: Iterable[tuple[str, str, Tally]], negatives: bool = True) -> str:
    """The markdown table of scores."""
    head = (
        "| data set | system | gold | predicted | value P | value R | value F1 "
        "| value+unit P | value+unit R | value+unit F1 |"
    )
    rule = "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    if negatives:
        head += " not-quantities reported | seconds |"
        rule += " ---: | ---: |"
    lines = [head, rule]
    for data, system, tally in rows:
        line = (
            f"| {data} | {system} | {tally.gold} | {tally.predicted} "
            f"| {prf(tally.value, tally.predicted, tally.gold)} "
            f"| {prf(tally.unit, tally.predicted, tally.gold)} |"
        )
        if negatives:
            line += f" {tally.reported}/{tally.negatives} | {tally.seconds:.1f} |"
        lines.append(line)
    return "\n".join(lines)


def kinds_table(tallies: dict[str, Tally]) -> str:
    """Not-quantity occurrences reported, by kind, one column per system."""
    systems = list(tallies)
    totals = next(iter(tallies.values())).negative_kinds if tallies else Counter()
    lines = [
        "| not-quantity kind | occurrences | " + " | ".join(systems) + " |",
        "| --- | ---: | " + " | ".join("---:" for _ in systems) + " |",
    ]
    for kind, count in totals.most_common():
        cells = " | ".join(str(tallies[s].reported_kinds[kind]) for s in systems)
        lines.append(f"| {kind} | {count} | {cells} |")
    return "\n".join(lines)


def dump(
    folder: Path, documents: Sequence[QuantityDocument], results: dict[str, list[Scored]]
) -> None:
    """One JSON file per news document: gold, each system's predictions with their matches,
    the gold it missed and the not-quantities it reported (for error analysis)."""
    folder.mkdir(parents=True, exist_ok=True)
    for index, document in enumerate(documents):
        record: dict[str, Any] = {"name": document.name, "date": document.date, "systems": {}}
        for system, per_document in results.items():
            scored = per_document[index]
            by_value = {p: g for g, p in scored.value_pairs}
            by_unit = {p: g for g, p in scored.unit_pairs}
            record["systems"][system] = {
                "predictions": [
                    {
                        **asdict(prediction),
                        "raw_text": document.text[prediction.start : prediction.end],
                        "gold_value": by_value.get(p),
                        "gold_value_unit": by_unit.get(p),
                    }
                    for p, prediction in enumerate(scored.predictions)
                ],
                "missed_value": [
                    {"index": g, "text": q.text, "value": q.value, "unit": q.unit}
                    for g, q in enumerate(document.quantities)
                    if g not in set(by_value.values())
                ],
                "reported_not_quantities": [
                    asdict(document.not_quantities[n]) for n in scored.reported
                ],
            }
        path = folder / f"{document.name}.json"
        path.write_text(json.dumps(record, indent=1, ensure_ascii=False), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    """Run the systems on both data sets and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--limit", type=int, help="only the first N news documents and N cases per spec file"
    )
    parser.add_argument(
        "--all-cases",
        action="store_true",
        help="keep the spec cases marked not supported in python (all of NumberRange)",
    )
    parser.add_argument(
        "--systems", default="quantulum3,sourcelint", help="comma-separated systems to run"
    )
    parser.add_argument("--dump", type=Path, help="write per-document JSON of the news set here")
    arguments = parser.parse_args(argv)
    wanted = arguments.systems.split(",")
    systems: dict[str, Predictor] = {}
    notes: list[str] = []
    if "quantulum3" in wanted:
        systems["quantulum3"] = quantulum_predictor()
    if "sourcelint" in wanted:
        why = sourcelint_ready()
        if why is None:
            systems["sourcelint"] = sourcelint_predictor()
        else:
            notes.append(f"sourcelint not run: {why}.")
    documents = load_gold(GOLD, limit=arguments.limit)
    held_out = load_gold(HELD_OUT, limit=arguments.limit) if HELD_OUT.is_dir() else []
    cases = (
        load_recognizers(include_unsupported=arguments.all_cases, limit=arguments.limit)
        if RECOGNIZERS.is_dir()
        else []
    )
    if not cases:
        notes.append(f"Recognizers-Text specs not found at {RECOGNIZERS}: spec tables skipped.")
    news_rows: list[tuple[str, str, Tally]] = []
    news_results: dict[str, list[Scored]] = {}
    news_totals: dict[str, Tally] = {}
    spec_results: dict[str, dict[str, Tally]] = {}
    for system, predict in systems.items():
        results = run_news(system, predict, documents)
        news_results[system] = results
        total = Tally()
        for scored in results:
            total.add(scored.tally)
        news_totals[system] = total
        news_rows.append(("news gold", system, total))
        if held_out:
            held_total = Tally()
            for scored in run_news(system, predict, held_out):
                held_total.add(scored.tally)
            news_rows.append(("news held-out", system, held_total))
        if cases:
            spec_results[system] = run_specs(system, predict, cases)
    command = " ".join([".venv/bin/python", "benchmarks/quantities.py", *sys.argv[1:]])
    print(f"Command: `{command}`  ")
    print(f"Versions: {versions('sourcelint', 'quantulum3', 'scikit-learn')}  ")
    print(
        f"Match: one-to-one, greedy by overlap; spans overlap and values equal within "
        f"{TOLERANCE:.1%} (ranges: low and high); value+unit also needs the same canonical "
        "unit. quantulum3 runs rule-only (`quantulum3.classifier.USE_CLF = False`).  "
    )
    for note in notes:
        print(f"Note: {note}  ")
    sentences = sum(d.sentences for d in documents)
    print(
        f"\n### News gold set ({len(documents)} documents, {sentences} sentences, "
        f"{sum(len(d.quantities) for d in documents)} quantities, "
        f"{sum(len(d.not_quantities) for d in documents)} not-quantity occurrences)\n"
    )
    if held_out:
        print(
            f"Held-out set (tests/fixtures/quantities_heldout): {len(held_out)} documents, "
            f"{sum(d.sentences for d in held_out)} sentences, "
            f"{sum(len(d.quantities) for d in held_out)} quantities, "
            f"{sum(len(d.not_quantities) for d in held_out)} not-quantity occurrences.\n"
        )
    print(score_table(news_rows))
    if news_totals:
        print("\nNot-quantities reported, by kind (occurrences a prediction overlaps):\n")
        print(kinds_table(news_totals))
    if cases:
        print(
            f"\n### Recognizers-Text English specs ({len(cases)} cases"
            f"{', python-unsupported kept' if arguments.all_cases else ''})\n"
        )
        rows: list[tuple[str, str, Tally]] = []
        negative_rows: list[str] = []
        for stem, use in SPEC_FILES.items():
            for system, tallies in spec_results.items():
                tally = tallies.get(stem)
                if tally is None:
                    continue
                if use.role == "positive":
                    rows.append((stem, system, tally))
                if tally.negatives:
                    negative_rows.append(
                        f"| {stem} | {system} | {tally.negatives} | {tally.reported} |"
                    )
        for system, tallies in spec_results.items():
            total = Tally()
            for stem, tally in tallies.items():
                if SPEC_FILES[stem].role == "positive":
                    total.add(tally)
            rows.append(("all positive files", system, total))
        print(score_table(rows, negatives=False))
        print("\nNegative spans (dates, ages, overrides) reported:\n")
        print("| spec file | system | negative spans | reported |")
        print("| --- | --- | ---: | ---: |")
        print("\n".join(negative_rows))
        seconds = {
            s: sum(t.seconds for t in tallies.values()) for s, tallies in spec_results.items()
        }
        print("\nSeconds on the specs: " + ", ".join(f"{s} {v:.1f}" for s, v in seconds.items()))
    errors = {
        s: sum(r.tally.errors for r in results)
        + sum(t.errors for t in spec_results.get(s, {}).values())
        for s, results in news_results.items()
    }
    mismatches = {
        s: sum(r.tally.span_mismatches for r in results)
        + sum(t.span_mismatches for t in spec_results.get(s, {}).values())
        for s, results in news_results.items()
    }
    for system in systems:
        if errors.get(system) or mismatches.get(system):
            print(
                f"\nWarning: {system} raised on {errors[system]} texts; "
                f"{mismatches[system]} predictions whose text differs from the input at their span."
            )
    if arguments.dump is not None:
        dump(arguments.dump, documents, news_results)


if __name__ == "__main__":
    main()
