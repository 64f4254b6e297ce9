"""Statistics scores as regression floors, on the project's two news gold sets (the development
set and the held-out set, tests/fixtures/quantities_gold and quantities_heldout).

The floors sit a little under the scores measured when issue 4 closed (docs/benchmarks.md), so
a change that loses figures, reports labels as figures or gets their fields wrong fails here.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

from sourcelint.api import analyze
from sourcelint.readers import read_path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

scoring: ModuleType = importlib.import_module("quantities")
corpora: ModuleType = importlib.import_module("quantity_corpora")
fields: ModuleType = importlib.import_module("quantity_fields")


def _f1(matched: int, predicted: int, gold: int) -> float:
    precision, recall = matched / max(predicted, 1), matched / max(gold, 1)
    return 2 * precision * recall / max(precision + recall, 1e-9)


@pytest.mark.parametrize(
    ("folder", "value_floor", "unit_floor", "reported_ceiling"),
    [(corpora.GOLD, 0.98, 0.98, 3), (corpora.HELD_OUT, 0.96, 0.96, 4)],
    ids=["development", "held-out"],
)
def test_news_gold_keeps_its_scores(
    folder: Path, value_floor: float, unit_floor: float, reported_ceiling: int
) -> None:
    documents = corpora.load_gold(folder)
    total = scoring.Tally()
    for scored in scoring.run_news("sourcelint", scoring.sourcelint_predictor(), documents):
        total.add(scored.tally)
    assert total.errors == 0 and total.span_mismatches == 0
    assert _f1(total.value, total.predicted, total.gold) >= value_floor
    assert _f1(total.unit, total.predicted, total.gold) >= unit_floor
    assert total.reported <= reported_ceiling, total.reported_kinds


def test_fields_of_matched_figures_keep_their_accuracy() -> None:
    result = fields.score_fields(corpora.GOLD)
    floors = {
        "unit": 0.99,
        "approx": 0.98,
        "rate": 0.95,
        "change": 0.93,
        "counted": 0.60,
        "part_of": 0.95,
        "as_of": 0.86,
    }
    for name, floor in floors.items():
        assert result.right[name] / result.matched >= floor, (name, result.misses[name][:5])


def test_consistent_documents_get_no_consistency_findings() -> None:
    """The gold documents were written consistent: SL302 and SL304 must stay silent there."""
    for folder in (corpora.GOLD, corpora.HELD_OUT):
        for path in sorted(folder.glob("*.gold.json")):
            stem = path.name.removesuffix(".gold.json")
            source = next(p for p in folder.glob(f"{stem}.*") if p != path)
            analysis = analyze(read_path(source))
            found = [f for f in analysis.findings if f.code in ("SL302", "SL304")]
            assert found == [], (source.name, [f.message for f in found])


SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.mark.skipif(
    not (SHARED / "news" / "wikinews-2020").is_dir(), reason=f"no shared data at {SHARED}"
)
def test_real_documents_keep_their_scores() -> None:
    """Floors under the blind real-document statistics (tests/fixtures/stats_real), dev and
    test together, 82 documents (2026-12-04: value precision 0.64, recall 0.90)."""
    real = importlib.import_module("stats_real")
    tally = real.Tally()
    for document in real.load_documents():
        real.score(document, real.sourcelint_figures(document["text"]), tally, None)
    precision, recall, _ = tally.prf("value")
    assert precision >= 0.62
    assert recall >= 0.89
