"""Check-worthiness on debate years held back: train on ClaimBuster's crowdsourced sentences
from debates before a year and score those from that year on, with the vectoriser and C of
`make train`, once on the text as printed and once entity-masked (names and numbers as tokens,
`sourcelint.extract.checkworthy.mask_entities`).

Run: `.venv/bin/python benchmarks/checkworthy_years.py`
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score

from run_info import versions
from sourcelint.extract.checkworthy import mask_entities

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "train"))
from checkworthy import TOKEN_PATTERN, C, common_words  # noqa: E402
from checkworthy_data import DATA  # noqa: E402

CUTS = (2000, 2008, 2012)


def main() -> int:
    if not DATA.is_dir():
        print(f"no ClaimBuster data at {DATA}", file=sys.stderr)
        return 2
    with (DATA / "crowdsourced.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    print(
        "| held back from | train | test | AP, plain | AP, masked "
        "| F1 at 0.5, plain | F1 at 0.5, masked |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for cut in CUTS:
        train = [(r["Text"], r["Verdict"] == "1") for r in rows if int(r["File_id"][:4]) < cut]
        test = [(r["Text"], r["Verdict"] == "1") for r in rows if int(r["File_id"][:4]) >= cut]
        truth = np.array([label for _, label in test])
        results = []
        for masked in (False, True):
            common = common_words([text for text, _ in train])

            def prepare(text: str, masked: bool = masked, common: frozenset[str] = common) -> str:
                return mask_entities(text, common) if masked else text

            vectorizer = TfidfVectorizer(
                ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=TOKEN_PATTERN
            )
            features = vectorizer.fit_transform([prepare(text) for text, _ in train])
            model = LogisticRegression(C=C, max_iter=5000)
            model.fit(features, [label for _, label in train])
            probability = model.predict_proba(vectorizer.transform([prepare(t) for t, _ in test]))
            scores = probability[:, 1]
            results.append((average_precision_score(truth, scores), f1_score(truth, scores >= 0.5)))
        (plain_ap, plain_f1), (masked_ap, masked_f1) = results
        print(
            f"| {cut} | {len(train):,} | {len(test):,} | {plain_ap:.3f} | {masked_ap:.3f} "
            f"| {plain_f1:.3f} | {masked_f1:.3f} |"
        )
    print(versions("scikit-learn"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
