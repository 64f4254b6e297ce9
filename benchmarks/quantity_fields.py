"""Statistics beyond the value: on the news gold set, how often sourcelint gets each field of
a quantity right (unit, bound, rate, change, counted thing, part-of link, as-of date), among
the quantities it matched on value (benchmarks/quantities.py's matching).

A field is right when it equals the gold one after spelling is aligned: the gold rate
`per_year` is the contract's `per year`; the gold `approx` vocabulary is sourcelint's
`qualifier`; a `part_of` is right when it points at the prediction matched to the gold whole
(or both are null); `counted` is compared lower-cased and exact.

Run: `.venv/bin/python benchmarks/quantity_fields.py [--errors FIELD] [--gold DIR]`.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quantities import Prediction, match, news_targets
from quantity_corpora import GOLD, load_gold, normalize_unit
from run_info import versions

FIELDS = ("unit", "approx", "rate", "change", "counted", "part_of", "as_of")


@dataclass(frozen=True, slots=True)
class FieldScore:
    """How many matched quantities have a field right, and the misses."""

    right: Counter[str]
    matched: int
    gold: int
    misses: dict[str, list[tuple[str, str, Any, Any]]]


def _gold_field(name: str, gold: Any, index_to_prediction: dict[int, int]) -> Any:
    value = getattr(gold, name)
    if name == "rate" and value is not None:
        return value.replace("_", " ")
    if name == "part_of" and value is not None:
        return index_to_prediction.get(value, -1)
    return value


def score_fields(gold_dir: Path = GOLD) -> FieldScore:
    """Score every field on the gold set in `gold_dir`."""
    from sourcelint.api import analyze
    from sourcelint.readers import read_path

    right: Counter[str] = Counter()
    misses: dict[str, list[tuple[str, str, Any, Any]]] = {name: [] for name in FIELDS}
    matched = gold_total = 0
    for document in load_gold(gold_dir):
        read = read_path(document.path)
        analysis = analyze(read)
        entries = [quantity.to_json() for quantity in analysis.quantities]
        predictions = []
        for entry in entries:
            start = read.offsets.to_source(entry["start"])
            end = read.offsets.to_source(max(entry["end"] - 1, entry["start"])) + 1
            predictions.append(
                Prediction(
                    start,
                    end,
                    None if entry["value"] is None else float(entry["value"]),
                    None if entry["value_high"] is None else float(entry["value_high"]),
                    normalize_unit(entry["unit"]),
                    entry["unit"],
                    entry["magnitude"],
                    entry["text"],
                )
            )
        pairs = match(news_targets(document), predictions, with_unit=False)
        gold_total += len(document.quantities)
        matched += len(pairs)
        gold_to_prediction = dict(pairs)
        id_to_index = {entry["id"]: index for index, entry in enumerate(entries)}
        for g, p in pairs:
            gold = document.quantities[g]
            entry = entries[p]
            mine = {
                "unit": entry["unit"],
                "approx": entry["qualifier"],
                "rate": entry["rate"],
                "change": entry["change"],
                "counted": entry["counted"],
                "part_of": None if entry["part_of"] is None else id_to_index[entry["part_of"]],
                "as_of": entry["as_of"],
            }
            for name in FIELDS:
                expected = _gold_field(name, gold, gold_to_prediction)
                if mine[name] == expected:
                    right[name] += 1
                else:
                    misses[name].append((document.name, gold.text, expected, mine[name]))
    return FieldScore(right, matched, gold_total, misses)


def main(argv: Sequence[str] | None = None) -> None:
    """Print the field accuracies (and, with --errors, one field's misses)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", choices=FIELDS, help="list the misses of one field")
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold folder")
    arguments = parser.parse_args(argv)
    result = score_fields(arguments.gold)
    print("Command: `.venv/bin/python benchmarks/quantity_fields.py`  ")
    print(f"Versions: {versions('sourcelint')}  ")
    print(f"Gold: {arguments.gold}; matched on value {result.matched} of {result.gold}\n")
    print("| field | right | accuracy |")
    print("| --- | ---: | ---: |")
    for name in FIELDS:
        print(
            f"| {name} | {result.right[name]}/{result.matched} | "
            f"{result.right[name] / max(result.matched, 1):.3f} |"
        )
    if arguments.errors:
        print()
        for document, text, expected, got in result.misses[arguments.errors]:
            print(f"{document}: {text!r}: gold {expected!r}, sourcelint {got!r}")


if __name__ == "__main__":
    main()
