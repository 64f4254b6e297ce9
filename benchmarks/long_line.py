"""The same prose as paragraphs and as one line, in the same process: a line with no break
must cost what the paragraphs cost (issue 19: "one 5 MB line"). Run with `make bench`.

The prose is the 124 Wikinews articles in ../shared/data (read from there), repeated to the
sizes below; the scan is the whole analysis with every rule on.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from sourcelint import nlp
from sourcelint.api import analyze
from sourcelint.config import Settings
from sourcelint.readers import read_text_as

WIKINEWS = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "wikinews-2020"
) / "wikinews_2020.csv"
SIZES = (1_000_000, 3_000_000)


def articles() -> list[str]:
    """The Wikinews articles' texts."""
    with WIKINEWS.open(newline="", encoding="utf-8") as stream:
        return [row["text"] for row in csv.DictReader(stream)]


def seconds(text: str) -> float:
    """Wall time of reading and analysing `text` as plain text."""
    start = time.perf_counter()
    document = read_text_as(text, path="long.txt", format="txt")
    analyze(document, settings=Settings(select=("SL",)))
    return time.perf_counter() - start


def main() -> None:
    """Print each size's time as paragraphs, as one line, and their ratio."""
    texts = articles()
    paragraphs = "\n\n".join(texts)
    line = " ".join(" ".join(text.split()) for text in texts)
    nlp.sentence_pipeline()
    print(f"{'size':>10} {'paragraphs s':>13} {'one line s':>11} {'ratio':>6}")
    for size in SIZES:
        as_paragraphs = (paragraphs * (size // len(paragraphs) + 1))[:size]
        as_line = (line * (size // len(line) + 1))[:size]
        took_paragraphs, took_line = seconds(as_paragraphs), seconds(as_line)
        print(
            f"{size:>10,} {took_paragraphs:>13.1f} {took_line:>11.1f} "
            f"{took_line / took_paragraphs:>6.2f}"
        )
    print(f"Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
