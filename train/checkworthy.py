"""Train the check-worthiness model that ships in the package (`make train`).

Data: ClaimBuster (CC BY 4.0, ../shared/data/checkworthy/claimbuster; Arslan et al., ICWSM
2020). The model trains on `crowdsourced.csv` and is tested on `groundtruth.csv`; the positive
class is a check-worthy factual sentence (Verdict 1) against the rest. The two files share no
sentence id, but a few training sentences repeat a test sentence word for word: those are
dropped from training (the NCS json files mix both files, so they are never used).

Names are not features: every sentence is entity-masked before training and scoring
(`sourcelint.extract.checkworthy.mask_entities`: a run of capitalised words becomes one name
token, a number one number token), so a sentence scores the same whoever it names.

Model: TF-IDF of word 1- and 2-grams (lower-cased, `\\w+` tokens, sublinear term
frequency, L2-normalised) and a logistic regression. Chosen by measurement against word+char
n-grams and MiniLM sentence embeddings (docs/benchmarks.md): best per unit of time, and simple
enough to score in pure Python. It is written as JSON (`src/sourcelint/data/
checkworthy_model.json`): per n-gram its idf and weight, the intercept, the default threshold,
and a few sentences with sklearn's probabilities, which the runtime scorer is checked against.
Nothing is pickled. Training is deterministic (lbfgs, fixed data order).

The default threshold is the lowest at which precision on the project's article set
(tests/fixtures/checkworthy_gold, written and labelled for the project) reaches 0.8, with the
scores as `sourcelint scan` uses them (capped at 0.3 for questions, recommendations and
predictions: `sourcelint.extract.checkworthy.opinion_marked`).

Run: `.venv/bin/python train/checkworthy.py [--out PATH]`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score

from sourcelint.extract.checkworthy import FORMAT, OPINION_CAP, mask_entities, opinion_marked

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checkworthy_data import DATA, load_articles, load_claimbuster, normalise

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "sourcelint" / "data" / "checkworthy_model.json"
TOKEN_PATTERN = r"(?u)\w+"  # the same tokens as scikit-learn's default \b\w+\b, found faster
C = 10.0
TARGET_PRECISION = 0.8


def scores(truth: np.ndarray, probability: np.ndarray, threshold: float) -> dict[str, float]:
    """F1, precision, recall (at `threshold`) and average precision of the positive class."""
    predicted = probability >= threshold
    return {
        "f1": round(float(f1_score(truth, predicted)), 4),
        "precision": round(float(precision_score(truth, predicted, zero_division=0)), 4),
        "recall": round(float(recall_score(truth, predicted)), 4),
        "average_precision": round(float(average_precision_score(truth, probability)), 4),
    }


def threshold_for_precision(truth: np.ndarray, probability: np.ndarray, target: float) -> float:
    """The lowest threshold (to 0.01) whose precision on `truth` reaches `target`."""
    for step in range(1, 100):
        threshold = step / 100
        predicted = probability >= threshold
        if predicted.any() and precision_score(truth, predicted) >= target:
            return threshold
    return 0.99


def common_words(texts: list[str]) -> frozenset[str]:
    """Words the training text writes in lower case at least twice and more often than
    capitalised inside a sentence: a capitalised one where a sentence opens is that word,
    not a name ("The", "Unemployment"), when scoring is masked."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for text in texts:
        for match in re.finditer(r"(?<=[\w,;] )([A-Za-z][\w'’-]*)", text):
            word = match.group(1)
            (capital if word[0].isupper() else lower)[word.lower()] += 1
    return frozenset(word for word, count in lower.items() if count >= 2 and count >= capital[word])


def sha256(path: Path) -> str:
    """The file's SHA-256, to record which data a model was trained on."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> None:
    """Train, evaluate, and write the model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    arguments = parser.parse_args(argv)
    if not DATA.is_dir():
        sys.exit(f"ClaimBuster data not found at {DATA}")
    train = load_claimbuster("crowdsourced.csv")
    test = load_claimbuster("groundtruth.csv")
    held = {normalise(text) for text, _ in test}
    kept = [(text, label) for text, label in train if normalise(text) not in held]
    articles = load_articles()
    print(
        f"train {len(train)} sentences, {len(train) - len(kept)} repeated in the test set dropped"
    )
    common = common_words([text for text, _ in kept])
    vectorizer = TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=TOKEN_PATTERN
    )
    features = vectorizer.fit_transform([mask_entities(text, common) for text, _ in kept])
    model = LogisticRegression(C=C, max_iter=5000)
    model.fit(features, np.array([label for _, label in kept]))

    def predict(texts: list[str]) -> np.ndarray:
        masked = [mask_entities(text, common) for text in texts]
        return np.asarray(model.predict_proba(vectorizer.transform(masked))[:, 1])

    test_truth = np.array([label for _, label in test])
    test_probability = predict([text for text, _ in test])
    article_truth = np.array([label for _, label in articles])
    article_probability = predict([text for text, _ in articles])
    capped = np.array(
        [
            min(p, OPINION_CAP) if opinion_marked(text) else p
            for (text, _), p in zip(articles, article_probability, strict=True)
        ]
    )
    threshold = threshold_for_precision(article_truth, capped, TARGET_PRECISION)
    evaluation = {
        "groundtruth_at_0.5": scores(test_truth, test_probability, 0.5),
        "groundtruth_at_default": scores(test_truth, test_probability, threshold),
        "articles_at_0.5": scores(article_truth, article_probability, 0.5),
        "articles_at_default": scores(article_truth, article_probability, threshold),
        "articles_capped_at_default": scores(article_truth, capped, threshold),
    }
    for name, figures in evaluation.items():
        print(f"{name}: {figures}")
    vocabulary: dict[str, int] = vectorizer.vocabulary_
    idf = vectorizer.idf_
    weights = model.coef_[0]
    terms: dict[str, list[float]] = {
        term: [round(float(idf[index]), 6), round(float(weights[index]), 6)]
        for term, index in sorted(vocabulary.items())
    }
    checks = [text for text, _ in test[:20]] + [text for text, _ in articles[:20]]
    payload: dict[str, Any] = {
        "format": FORMAT,
        "model": "tf-idf word 1-2 grams of entity-masked text, logistic regression",
        "masks_entities": True,
        "common_words": sorted(common),
        "token_pattern": TOKEN_PATTERN,
        "ngram_range": [1, 2],
        "sublinear_tf": True,
        "intercept": round(float(model.intercept_[0]), 6),
        "threshold": threshold,
        "trained_on": {
            "file": "crowdsourced.csv",
            "sha256": sha256(DATA / "crowdsourced.csv"),
            "sentences": len(kept),
            "C": C,
            "min_df": 2,
        },
        "evaluation": evaluation,
        "checks": [
            [text, round(float(p), 6)] for text, p in zip(checks, predict(checks), strict=True)
        ],
        "terms": terms,
    }
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    arguments.out.write_text(text + "\n", encoding="utf-8")
    size = arguments.out.stat().st_size
    print(f"wrote {arguments.out} ({size / 1e6:.1f} MB, {len(terms)} terms, threshold {threshold})")
    assert math.isfinite(payload["intercept"])


if __name__ == "__main__":
    main()
