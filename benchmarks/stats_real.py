"""Statistics on real documents nobody tuned the extractor to: the blind gold of
tests/fixtures/stats_real (docs/guideline-statistics.md), sourcelint beside quantulum3 in the
same process.

Each document's text is the one the gold's offsets point into (a Wikinews row's `text`, a
benchmark page's hand-marked `articleBody`), scanned as plain text. Matching is
benchmarks/quantities.py's: one-to-one, greedy by overlap, values equal within 0.5% (a range
needs both ends). A prediction overlapping an optional statistic is neither right nor wrong;
every other unmatched prediction is a false figure. Value F1 matches on value; value+unit also
needs the same canonical unit. Field accuracy is over statistics matched on value: `counted`
is right when the gold phrase's last word (lower case, a plural's "s" dropped) is in sourcelint's
counted phrase; `as_of` when equal; `bound` when sourcelint's bound (from its `approx`: at_least
is lower, at_most upper) equals the gold's.

Split by document (the last hex digit of the SHA-1 of its id: odd is test). `--errors` lists
dev only; test is reported in aggregate.

Run: `.venv/bin/python benchmarks/stats_real.py [--errors]`
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from matching import greedy_pairs, overlap
from quantities import Prediction, Target, quantulum_predictor, same_value
from quantity_corpora import normalize_unit
from run_info import versions

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
WIKINEWS = SHARED / "news" / "wikinews-2020" / "wikinews_2020.csv"
PAGES = SHARED / "html" / "article-extraction-benchmark"
GOLDS = ROOT / "tests" / "fixtures" / "stats_real"
FIELDS = ("counted", "as_of", "bound")
_LOWER = {"at_least", "more_than", "over", "upwards_of", "vague"}
_UPPER = {"at_most", "less_than", "under", "nearly", "up_to"}


def split_of(doc: str) -> str:
    """dev or test, by the SHA-1 of the document id."""
    return "test" if int(hashlib.sha1(doc.encode()).hexdigest()[-1], 16) % 2 else "dev"


def load_documents() -> list[dict[str, Any]]:
    """Every gold document with its text; refuses a text that changed since annotation."""
    csv.field_size_limit(10**9)
    with WIKINEWS.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    bodies = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    documents = [
        document
        for path in sorted(GOLDS.glob("*.json"))
        for document in json.loads(path.read_text(encoding="utf-8"))
    ]
    for document in documents:
        kind, _, key = document["doc"].partition(":")
        text = rows[int(key)]["text"] if kind == "wikinews" else bodies[key]["articleBody"]
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != document["text_sha1"]:
            raise SystemExit(f"{document['doc']}: the text changed since it was annotated")
        document["text"], document["split"] = text, split_of(document["doc"])
    return documents


def target(entry: dict[str, Any]) -> Target:
    """A gold statistic as benchmarks/quantities.py scores it (a vague count by magnitude)."""
    value = entry["value"]
    if entry["approx"] == "vague" and value and math.log10(value).is_integer():
        return Target(entry["start"], entry["end"], None, None, None, int(math.log10(value)))
    unit = normalize_unit(entry["unit"])
    return Target(entry["start"], entry["end"], value, entry["value_high"], unit)


def sourcelint_figures(text: str) -> list[tuple[Prediction, dict[str, Any]]]:
    """sourcelint's quantities of a plain text, with their JSON entries."""
    from sourcelint.api import analyze
    from sourcelint.readers import read_text_as

    document = read_text_as(text, path="<text>", format="txt")
    found = []
    for quantity in analyze(document).quantities:
        entry = quantity.to_json()
        start = document.offsets.to_source(int(entry["start"]))
        end = document.offsets.to_source(max(int(entry["end"]) - 1, int(entry["start"]))) + 1
        value, high = entry.get("value"), entry.get("value_high")
        prediction = Prediction(
            start,
            end,
            None if value is None else float(value),
            None if high is None else float(high),
            normalize_unit(entry.get("unit")),
            entry.get("unit"),
            entry.get("magnitude"),
            text=str(entry.get("text", "")),
        )
        found.append((prediction, entry))
    return found


def _head(phrase: str) -> str:
    word = phrase.lower().split()[-1] if phrase.split() else ""
    return word[:-1] if word.endswith("s") else word


def field_right(name: str, gold: dict[str, Any], entry: dict[str, Any]) -> bool:
    """Whether sourcelint's field equals the gold one (see the module docstring)."""
    if name == "counted":
        if not gold["counted"]:
            return not entry.get("counted")
        return (
            bool(entry.get("counted")) and _head(gold["counted"]) in str(entry["counted"]).lower()
        )
    if name == "as_of":
        return gold["as_of"] == entry.get("as_of")
    approx = entry.get("approx") or ""
    bound = "lower" if approx in _LOWER else "upper" if approx in _UPPER else None
    return gold["bound"] == bound


class Tally:
    """Counts for one system on one split."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, name: str, amount: int = 1) -> None:
        self.counts[name] += amount

    def prf(self, kind: str) -> tuple[float, float, float]:
        right, predicted, gold = (
            self.counts[f"{kind}_right"],
            self.counts["predicted"],
            self.counts["gold"],
        )
        precision = right / predicted if predicted else 0.0
        recall = right / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def score(
    document: dict[str, Any],
    found: list[tuple[Prediction, dict[str, Any] | None]],
    tally: Tally,
    errors: list[str] | None,
) -> None:
    """Add one document's counts to `tally` (and its misses to `errors`)."""
    gold = document["statistics"]
    targets = [target(entry) for entry in gold]
    optional = [entry["optional"] for entry in gold]
    for with_unit in (False, True):
        candidates = []
        for g, goal in enumerate(targets):
            for p, (prediction, _) in enumerate(found):
                shared = overlap((goal.start, goal.end), (prediction.start, prediction.end))
                if not shared or not same_value(goal, prediction):
                    continue
                if with_unit and goal.unit != prediction.unit:
                    continue
                candidates.append((shared, g, p))
        pairs = greedy_pairs(candidates)
        kind = "unit" if with_unit else "value"
        tally.add(f"{kind}_right", sum(1 for g, _ in pairs if not optional[g]))
        if not with_unit:
            matched_predictions = {p for _, p in pairs}
            neutral = {
                p
                for p, (prediction, _) in enumerate(found)
                if p not in matched_predictions
                and any(
                    optional[g] and overlap((t.start, t.end), (prediction.start, prediction.end))
                    for g, t in enumerate(targets)
                )
            }
            neutral |= {p for g, p in pairs if optional[g]}
            tally.add("predicted", len(found) - len(neutral))
            tally.add("gold", sum(1 for flag in optional if not flag))
            for g, p in pairs:
                entry = found[p][1]
                if optional[g] or entry is None:
                    continue
                tally.add("fields_matched")
                for name in FIELDS:
                    if field_right(name, gold[g], entry):
                        tally.add(f"{name}_right_field")
                    elif errors is not None:
                        errors.append(
                            f"  {document['doc']} @{gold[g]['start']}: {name} "
                            f"gold {gold[g][name]!r}, got {entry.get(name)!r}"
                        )
            if errors is not None:
                text = document["text"]
                for g, goal in enumerate(targets):
                    if not optional[g] and all(g != pair[0] for pair in pairs):
                        errors.append(
                            f"  {document['doc']} @{goal.start}: missed "
                            f"{text[goal.start : goal.end]!r} (gold {gold[g]['value']})"
                        )
                for p, (prediction, _) in enumerate(found):
                    if p not in matched_predictions and p not in neutral:
                        errors.append(
                            f"  {document['doc']} @{prediction.start}: false "
                            f"{text[prediction.start : prediction.end]!r} ({prediction.value})"
                        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list sourcelint's dev errors")
    arguments = parser.parse_args()
    if not PAGES.is_dir() or not WIKINEWS.is_file():
        print(f"no data at {SHARED}", file=sys.stderr)
        return 2
    documents = load_documents()
    quantulum = quantulum_predictor()
    systems = {
        "sourcelint": lambda text: [(p, e) for p, e in sourcelint_figures(text)],
        "quantulum3": lambda text: [(p, None) for p in quantulum(text)],
    }
    errors: list[str] = []
    print(f"Statistics in {len(documents)} real documents, blind gold of tests/fixtures/stats_real")
    print(
        "| system | split | docs | gold | predicted | value P | value R | value F1 "
        "| value+unit F1 | counted | as of | bound |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, predict in systems.items():
        tallies = {"dev": Tally(), "test": Tally()}
        docs = Counter(document["split"] for document in documents)
        for document in documents:
            wanted = errors if arguments.errors and name == "sourcelint" else None
            if document["split"] == "test":
                wanted = None
            score(document, predict(document["text"]), tallies[document["split"]], wanted)
        for split, tally in tallies.items():
            precision, recall, f1 = tally.prf("value")
            _, _, unit_f1 = tally.prf("unit")
            matched = tally.counts["fields_matched"]
            fields = [
                f"{tally.counts[f'{field}_right_field'] / matched:.3f}" if matched else "—"
                for field in FIELDS
            ]
            print(
                f"| {name} | {split} | {docs[split]} | {tally.counts['gold']} "
                f"| {tally.counts['predicted']} | {precision:.3f} | {recall:.3f} | {f1:.3f} "
                f"| {unit_f1:.3f} | {' | '.join(fields)} |"
            )
    print(versions("spacy", "quantulum3"))
    for line in errors:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
