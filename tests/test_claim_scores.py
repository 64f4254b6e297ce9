"""Claim scores as regression floors: the shipped model on ClaimBuster's groundtruth.csv
(skipped without ../shared/data) and the sources and SL401 on the project's article set.

The floors sit a little under the figures measured when issue 5 closed (docs/benchmarks.md).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

from sourcelint.extract.checkworthy import checkworthiness, load_model

ROOT = Path(__file__).resolve().parents[1]
for folder in ("benchmarks", "train"):
    if str(ROOT / folder) not in sys.path:
        sys.path.insert(0, str(ROOT / folder))

claims: ModuleType = importlib.import_module("claims")
training: ModuleType = importlib.import_module("checkworthy_data")


def f1(truth: list[bool], predicted: list[bool]) -> float:
    hits = sum(t and p for t, p in zip(truth, predicted, strict=True))
    precision, recall = hits / max(sum(predicted), 1), hits / max(sum(truth), 1)
    return 2 * precision * recall / max(precision + recall, 1e-9)


@pytest.mark.skipif(not training.DATA.is_dir(), reason="ClaimBuster data not beside the repo")
def test_the_model_keeps_its_score_on_claimbuster_groundtruth() -> None:
    model = load_model()
    rows = training.load_claimbuster("groundtruth.csv")
    truth = [label for _, label in rows]
    predicted = [model.score(text) >= model.threshold for text, _ in rows]
    # 0.858 since names and numbers are masked (0.883 before): in-domain debates lose a
    # little; articles and later debate years gain (docs/benchmarks.md)
    assert f1(truth, predicted) >= 0.85


def test_article_set_keeps_its_scores() -> None:
    rows = training.load_articles()
    truth = [label for _, label in rows]
    scores = [checkworthiness(text) for text, _ in rows]
    assert claims.average_precision(truth, scores) >= 0.87
    tallies, opinion_flags = claims.source_tallies()
    floors = {
        "sentence carries a source": 0.87,
        "vague attribution (SL402 phrases)": 0.88,
        "SL401: check-worthy and unsourced": 0.64,
    }
    for name, floor in floors.items():
        tally = tallies[name]
        _, _, score = claims.prf(tally["tp"], tally["predicted"], tally["gold"])
        assert score >= floor, (name, score)
    assert opinion_flags == 0
