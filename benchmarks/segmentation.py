"""Sentence segmentation: the model's senter alone (what sourcelint runs) against the full
pipeline with the parser (the peer), on the same texts in the same process.

Texts: the prose of the gold test documents and the bundled example, repeated to about 200,000
words. Prints words per second for each and their ratio. Run with `make bench`.
"""

from __future__ import annotations

import time
from pathlib import Path

import spacy

from sourcelint import nlp
from sourcelint.readers import read_path

ROOT = Path(__file__).resolve().parents[1]
TARGET_WORDS = 200_000


def corpus() -> list[str]:
    """Paragraphs of prose from the repository's own test documents."""
    paths = sorted((ROOT / "tests" / "fixtures" / "gold").iterdir())
    paragraphs: list[str] = []
    for path in [*paths, ROOT / "examples" / "grain-exports.md"]:
        if path.suffix not in (".txt", ".md", ".html") or path.stem == "README":
            continue
        document = read_path(path)
        paragraphs += [
            document.text[b.start : b.end] for b in document.blocks if b.end - b.start > 80
        ]
    words = sum(len(paragraph.split()) for paragraph in paragraphs)
    return paragraphs * max(1, TARGET_WORDS // max(words, 1))


def words_per_second(pipeline: spacy.language.Language, texts: list[str]) -> tuple[float, int]:
    """Throughput of a pipeline and how many sentences it found."""
    start = time.perf_counter()
    sentences = sum(len(list(doc.sents)) for doc in pipeline.pipe(texts, batch_size=32))
    elapsed = time.perf_counter() - start
    return sum(len(text.split()) for text in texts) / elapsed, sentences


def main() -> None:
    """Print the comparison."""
    texts = corpus()
    words = sum(len(text.split()) for text in texts)
    senter = nlp.sentence_pipeline()
    parser = spacy.load(nlp.model_name())
    words_per_second(senter, texts[:50])  # warm up both
    words_per_second(parser, texts[:50])
    senter_speed, senter_sentences = words_per_second(senter, texts)
    parser_speed, parser_sentences = words_per_second(parser, texts)
    print(f"words: {words:,} in {len(texts):,} paragraphs; model {nlp.model_name()}")
    print(
        f"senter only (sourcelint): {senter_speed:>10,.0f} words/s, {senter_sentences:,} sentences"
    )
    print(
        f"full pipeline (parser):   {parser_speed:>10,.0f} words/s, {parser_sentences:,} sentences"
    )
    print(f"ratio senter/parser: {senter_speed / parser_speed:.1f}x")


if __name__ == "__main__":
    main()
