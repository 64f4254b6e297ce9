"""The check-worthiness data sets, read without any training library (tests and benchmarks
use them too): ClaimBuster's CSVs (CC BY 4.0, ../shared/data) and the project's article set."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "checkworthy" / "claimbuster"
ARTICLES = ROOT / "tests" / "fixtures" / "checkworthy_gold"


def load_claimbuster(name: str) -> list[tuple[str, bool]]:
    """(text, check-worthy) for each row of a ClaimBuster CSV."""
    with (DATA / name).open(newline="", encoding="utf-8") as handle:
        return [(row["Text"], row["Verdict"] == "1") for row in csv.DictReader(handle)]


def load_articles() -> list[tuple[str, bool]]:
    """(sentence, check-worthy) for the project's article set."""
    rows = []
    for path in sorted(ARTICLES.glob("*.labels.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            rows.append((entry["text"], entry["label"] == 1))
    return rows


def normalise(text: str) -> str:
    """Words only, lower-cased: how a repeated sentence is recognised."""
    return " ".join(re.findall(r"\w+", text.lower()))
