"""Claims: the shipped check-worthiness model and the sources sourcelint finds, scored.

- **Check-worthiness** of the check-worthy class, for the model alone and as sourcelint
  uses it (capped at 0.3 for questions, recommendations and predictions:
  data/opinion_markers.txt), (F1, precision, recall at the model's default
  threshold and at 0.5; average precision) on ClaimBuster's `groundtruth.csv` (debates, the
  test set of the training run; read from ../shared/data) and on the project's article set
  (tests/fixtures/checkworthy_gold: 14 documents of news, wire stories, op-eds, a report, a
  press release, a blog, a wiki page and a piece of pure opinion, written and labelled for the
  project). Scored with sourcelint's own scorer, as `sourcelint scan` runs it.
- **Sources** on the article set: each labelled sentence is matched to the claim that holds
  its start (`claims[]` of `sourcelint.api.analyze` on the document). "Sourced" means the
  claim's `sourced_by` is not empty; a vague attribution is SL402's phrase list.
- **SL401** on the article set: a sentence is flagged when SL401 reports it; it should be when
  the label says check-worthy, not sourced and not vaguely attributed.

Run: `.venv/bin/python benchmarks/claims.py`.
"""

from __future__ import annotations

import json
import sys
from bisect import bisect_right
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "train"))

from checkworthy_data import ARTICLES, DATA, load_articles, load_claimbuster  # noqa: E402

from run_info import versions  # noqa: E402
from sourcelint.api import analyze  # noqa: E402
from sourcelint.config import Settings  # noqa: E402
from sourcelint.extract.attributions import find_vague_attributions  # noqa: E402
from sourcelint.extract.checkworthy import checkworthiness, load_model  # noqa: E402
from sourcelint.readers import read_path  # noqa: E402


def prf(true_positive: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1."""
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def average_precision(truth: list[bool], scores: list[float]) -> float:
    """Average precision of the positive class (the mean of precision at each true hit)."""
    ranked = sorted(zip(scores, truth, strict=True), key=lambda pair: -pair[0])
    hits = 0
    total = 0.0
    for rank, (_, positive) in enumerate(ranked, start=1):
        if positive:
            hits += 1
            total += hits / rank
    return total / max(sum(truth), 1)


def classifier_rows(name: str, truth: list[bool], scores: list[float], threshold: float) -> None:
    """Two table rows: at the default threshold and at 0.5."""
    for label, cut in ((f"{threshold:.2f} (default)", threshold), ("0.50", 0.5)):
        predicted = [score >= cut for score in scores]
        hits = sum(p and t for p, t in zip(predicted, truth, strict=True))
        precision, recall, f1 = prf(hits, sum(predicted), sum(truth))
        print(
            f"| {name} | {len(truth)} | {label} | {f1:.3f} | {precision:.3f} | {recall:.3f} | "
            f"{average_precision(truth, scores):.3f} |"
        )


def source_tallies() -> tuple[dict[str, dict[str, int]], int]:
    """Per measure (sourced, vague, SL401) true positives, predictions and gold counts on the
    article set, and the number of SL401 findings on its pure-opinion document."""
    sourced = {"tp": 0, "predicted": 0, "gold": 0}
    vague = {"tp": 0, "predicted": 0, "gold": 0}
    flagged = {"tp": 0, "predicted": 0, "gold": 0}
    opinion_flags = 0
    for labels in sorted(ARTICLES.glob("*.labels.jsonl")):
        stem = labels.name.removesuffix(".labels.jsonl")
        source = next(path for path in ARTICLES.glob(f"{stem}.*") if path != labels)
        document = read_path(source)
        analysis = analyze(document, settings=Settings(select=("ALL", "SL4")))
        starts = [claim.start for claim in analysis.claims]
        reported = {finding.start for finding in analysis.findings if finding.code == "SL401"}
        for line in labels.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            # the label's offset is into the raw file; claims index the extracted text
            raw = entry["start"]
            position = next(
                (i for i in range(len(document.text)) if document.offsets.to_source(i) >= raw),
                len(document.text),
            )
            index = bisect_right(starts, position + 2) - 1
            claim = analysis.claims[index] if index >= 0 else None
            is_sourced = bool(claim and claim.sourced_by)
            is_vague = bool(
                claim and find_vague_attributions(document.text, claim.start, claim.end)
            )
            is_flagged = bool(claim and claim.start in reported)
            for tally, mine, gold in (
                (sourced, is_sourced, entry["sourced"]),
                (vague, is_vague, entry["vague_attribution"]),
                (
                    flagged,
                    is_flagged,
                    entry["label"] == 1 and not entry["sourced"] and not entry["vague_attribution"],
                ),
            ):
                tally["tp"] += mine and gold
                tally["predicted"] += mine
                tally["gold"] += gold
            if stem.startswith("opinion_"):
                opinion_flags += is_flagged
    return (
        {
            "sentence carries a source": sourced,
            "vague attribution (SL402 phrases)": vague,
            "SL401: check-worthy and unsourced": flagged,
        },
        opinion_flags,
    )


def main() -> None:
    """Print the tables."""
    model = load_model()
    print("Command: `.venv/bin/python benchmarks/claims.py`  ")
    print(f"Versions: {versions('sourcelint')}  \n")
    print("| set | sentences | threshold | F1 | precision | recall | average precision |")
    print("|---|---:|---|---:|---:|---:|---:|")
    sets = [("article set", load_articles())]
    if DATA.is_dir():
        sets.insert(0, ("ClaimBuster groundtruth.csv", load_claimbuster("groundtruth.csv")))
    for name, rows in sets:
        truth = [label for _, label in rows]
        classifier_rows(f"{name}, model", truth, [model.score(t) for t, _ in rows], model.threshold)
        classifier_rows(
            f"{name}, model + opinion markers",
            truth,
            [checkworthiness(t) for t, _ in rows],
            model.threshold,
        )
    tallies, opinion_flags = source_tallies()
    print("\n| on the article set | precision | recall | F1 |")
    print("|---|---:|---:|---:|")
    for name, tally in tallies.items():
        precision, recall, f1 = prf(tally["tp"], tally["predicted"], tally["gold"])
        print(f"| {name} | {precision:.3f} | {recall:.3f} | {f1:.3f} |")
    print(f"\nSL401 findings on the pure-opinion document: {opinion_flags}")


if __name__ == "__main__":
    main()
