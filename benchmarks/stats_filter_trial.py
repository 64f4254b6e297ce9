"""A learned filter over the figures the statistics stage reports, tried on the blind real
documents of tests/fixtures/stats_real and not shipped: the record behind "A learned filter,
tried and not kept" in docs/benchmarks.md.

Each figure sourcelint reports is labelled by the gold (1: it matches a statistic, 0: it
matches none; one overlapping an optional statistic is left out), as benchmarks/stats_real.py
counts them. A logistic regression over the figure's own fields (unit class, bound, scale,
counted noun, value band), its line (length, density of numbers) and the shapes of the words
beside it is scored by five-fold cross-validation by document on dev, then trained on all of
dev and scored once on test. Precision, recall and F1 are over the labelled figures, with the
gold counts of stats_real.

Run: `.venv/bin/python benchmarks/stats_filter_trial.py` (needs scikit-learn)
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from matching import greedy_pairs, overlap
from quantities import same_value
from run_info import versions
from stats_real import load_documents, sourcelint_figures, target

_TOKEN = re.compile(r"[A-Za-z]+|\d[\d,.]*|\S")
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year"}
THRESHOLDS = (0.0, 0.2, 0.3, 0.4, 0.5)


def labelled_figures() -> tuple[list[dict[str, Any]], dict[str, int]]:
    """sourcelint's figures with their gold label, split and context; gold counts per split."""
    rows: list[dict[str, Any]] = []
    gold = {"dev": 0, "test": 0}
    for document in load_documents():
        statistics = document["statistics"]
        targets = [target(entry) for entry in statistics]
        optional = [entry["optional"] for entry in statistics]
        gold[document["split"]] += sum(1 for flag in optional if not flag)
        found = sourcelint_figures(document["text"])
        candidates = [
            (shared, g, p)
            for g, goal in enumerate(targets)
            for p, (prediction, _) in enumerate(found)
            if (shared := overlap((goal.start, goal.end), (prediction.start, prediction.end)))
            and same_value(goal, prediction)
        ]
        matched = {p: g for g, p in greedy_pairs(candidates)}
        text = document["text"]
        for p, (prediction, entry) in enumerate(found):
            span = (prediction.start, prediction.end)
            if p in matched:
                label = None if optional[matched[p]] else 1
            elif any(
                optional[g] and overlap((t.start, t.end), span) for g, t in enumerate(targets)
            ):
                label = None
            else:
                label = 0
            if label is None:
                continue
            rows.append(
                {
                    "doc": document["doc"],
                    "split": document["split"],
                    "label": label,
                    "entry": entry,
                    "before": text[max(0, prediction.start - 200) : prediction.start],
                    "after": text[prediction.end : prediction.end + 200],
                }
            )
    return rows, gold


def _shape(token: str) -> str:
    if token[:1].isdigit():
        return "<num>"
    if token[:1].isupper() and token.isalpha():
        return "<Cap>"
    return token.lower()


def features(row: dict[str, Any]) -> dict[str, float]:
    """What the filter sees of one figure."""
    entry = row["entry"]
    unit = entry.get("unit") or ""
    kind = (
        "none"
        if not unit
        else "money"
        if len(unit) == 3 and unit.isupper()
        else "percent"
        if unit == "percent"
        else "time"
        if unit in _TIME_UNITS
        else "other"
    )
    found: dict[str, float] = {
        "bare": float(not unit and not entry.get("counted")),
        f"unit={kind}": 1.0,
        f"approx={entry.get('approx')}": 1.0,
    }
    for name in ("counted", "rate", "change", "scale", "as_of", "part_of", "value_high"):
        found[name] = float(bool(entry.get(name)))
    value = entry.get("value")
    if value is None:
        found["value=none"] = 1.0
    else:
        value = float(value)
        band = (
            "<=1"
            if value <= 1
            else "<=10"
            if value <= 10
            else "<=100"
            if value <= 100
            else "year"
            if 1900 <= value <= 2100 and value == int(value)
            else "<1e3"
            if value < 1000
            else ">=1e3"
        )
        found[f"value={band}"] = 1.0
        found["integer"] = float(value == int(value))
    surface = str(entry.get("text", ""))
    found["in_words"] = float(not any(char.isdigit() for char in surface))
    before, after = row["before"], row["after"]
    line_before, line_after = before.rsplit("\n", 1)[-1], after.split("\n", 1)[0]
    line = line_before + surface + line_after
    tokens = _TOKEN.findall(line)
    found["line_short"] = float(len(line) < 60)
    found["line_start"] = float(not line_before.strip())
    found["number_density"] = sum(1 for t in tokens if t[:1].isdigit()) / max(1, len(tokens))
    found["line_ends_a_sentence"] = float(line.rstrip()[-1:] in '.!?"”')
    found["hyphen_after"] = float(after[:1] == "-")
    found["parenthesis_before"] = float(line_before.rstrip()[-1:] == "(")
    words_before, words_after = _TOKEN.findall(before[-60:]), _TOKEN.findall(after[:60])
    found["prev=" + (_shape(words_before[-1]) if words_before else "<s>")] = 1.0
    found["prev2=" + (_shape(words_before[-2]) if len(words_before) > 1 else "<s>")] = 1.0
    found["next=" + (_shape(words_after[0]) if words_after else "</s>")] = 1.0
    return found


def _fit(rows: list[dict[str, Any]]) -> tuple[DictVectorizer, LogisticRegression]:
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([features(row) for row in rows])
    model = LogisticRegression(C=1.0, max_iter=2000).fit(matrix, [row["label"] for row in rows])
    return vectorizer, model


def _report(name: str, rows: list[dict[str, Any]], scores: np.ndarray, gold: int) -> None:
    for threshold in THRESHOLDS:
        kept = [row for row, score in zip(rows, scores, strict=True) if score >= threshold]
        right = sum(row["label"] for row in kept)
        precision = right / len(kept) if kept else 0.0
        recall = right / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(
            f"| {name} | {threshold:.1f} | {len(kept)} | {precision:.3f} | {recall:.3f} "
            f"| {f1:.3f} |"
        )


def main() -> int:
    rows, gold = labelled_figures()
    dev = [row for row in rows if row["split"] == "dev"]
    test = [row for row in rows if row["split"] == "test"]
    cross_validated = np.zeros(len(dev))
    folds = GroupKFold(n_splits=5).split(dev, groups=[row["doc"] for row in dev])
    for train_rows, held_rows in folds:
        vectorizer, model = _fit([dev[i] for i in train_rows])
        held = vectorizer.transform([features(dev[i]) for i in held_rows])
        cross_validated[held_rows] = model.predict_proba(held)[:, 1]
    vectorizer, model = _fit(dev)
    on_test = model.predict_proba(vectorizer.transform([features(row) for row in test]))[:, 1]
    print("| scored | threshold | kept | precision | recall | F1 |")
    print("|---|---|---|---|---|---|")
    _report("dev, 5-fold by document", dev, cross_validated, gold["dev"])
    _report("test, trained on dev", test, on_test, gold["test"])
    print(versions("spacy", "scikit-learn"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
