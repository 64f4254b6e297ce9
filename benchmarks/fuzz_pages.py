"""Mutated real pages through the whole scan: none may raise, hang or put an offset outside
its text. Part of `make fuzz`; its last result is in docs/benchmarks.md.

The pages are the web pages and news articles in ../shared/data (read from there, never
copied). Each page gets a seeded random mix of the mutations tests/test_fuzz.py uses: byte
flips, truncation (mid-tag, mid-UTF-8), hostile insertions (NULs, bidi and zero-width
characters, quote marks, markers, giant numbers, impossible dates), and UTF-16 re-encoding.
Each document runs in a worker process with a time limit, so a hang is caught and counted.

    .venv/bin/python benchmarks/fuzz_pages.py --count 2000 --seed 1
"""

from __future__ import annotations

import argparse
import csv
import gzip
import multiprocessing
import random
import sys
import time
from collections import Counter
from pathlib import Path

from rich.progress import Progress

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

from tests.test_fuzz import HOSTILE, assert_sound, read  # noqa: E402

LIMIT_SECONDS = 10.0


def pages() -> list[tuple[str, bytes, str]]:
    """(name, bytes, format) of every real page in the shared data."""
    found: list[tuple[str, bytes, str]] = []
    html = SHARED / "html" / "article-extraction-benchmark" / "html"
    for path in sorted(html.glob("*.html.gz")):
        found.append((path.name, gzip.decompress(path.read_bytes()), "html"))
    news = SHARED / "news" / "wikinews-2020" / "wikinews_2020.csv"
    with news.open(newline="", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            text = f"{row['title']}\n\n{row['text']}"
            found.append((row["url"].rsplit("/", 1)[-1], text.encode("utf-8"), "txt"))
    return found


def mutate(data: bytes, rng: random.Random) -> bytes:
    """A few random mutations of a page's bytes."""
    for _ in range(rng.randint(0, 6)):
        where = rng.randint(0, len(data))
        insert = rng.choice(HOSTILE).encode("utf-8", "surrogatepass") * rng.randint(1, 60)
        data = data[:where] + insert + data[where:]
    for _ in range(rng.randint(0, 5)):
        where = rng.randrange(max(len(data), 1))
        data = data[:where] + bytes([rng.randrange(256)]) + data[where + 1 :]
    if rng.random() < 0.3:
        data = data[: rng.randint(0, len(data))]
    if rng.random() < 0.1:
        data = data.decode("utf-8", "replace").encode(rng.choice(("utf-16", "utf-16-le")))
    return data


def check(case: tuple[bytes, str]) -> str:
    """'ok', 'refused' (a coded SL9xx error) or the failure, for one document."""
    from sourcelint.api import analyze
    from sourcelint.config import Settings

    data, fmt = case
    try:
        document = read(data, fmt)
        if document is None:
            return "refused"
        assert_sound(document, analyze(document, settings=Settings(select=("SL",))))
    except Exception as error:  # the finding this script exists to report
        return f"FAIL {type(error).__name__}: {str(error)[:200]}"
    return "ok"


def _warm() -> None:
    from sourcelint import nlp

    nlp.sentence_pipeline()


def main() -> None:
    """Mutate, scan with a time limit each, and print the tally."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    corpus = pages()
    tally: Counter[str] = Counter()
    failures: list[str] = []
    slowest = (0.0, "")
    started = time.perf_counter()
    context = multiprocessing.get_context("forkserver")
    pool = context.Pool(1, initializer=_warm)
    with Progress() as progress:
        task = progress.add_task("mutated pages", total=arguments.count)
        for number in range(arguments.count):
            name, data, fmt = rng.choice(corpus)
            case = (mutate(data, rng), fmt)
            begun = time.perf_counter()
            pending = pool.apply_async(check, (case,))
            try:
                outcome = pending.get(timeout=LIMIT_SECONDS * 3)
            except multiprocessing.TimeoutError:
                outcome = "FAIL timeout"
                pool.terminate()
                pool = context.Pool(1, initializer=_warm)
            took = time.perf_counter() - begun
            if took > LIMIT_SECONDS and outcome in ("ok", "refused"):
                outcome = f"FAIL slow ({took:.1f} s)"
            slowest = max(slowest, (took, name))
            tally[outcome.split(":")[0] if outcome.startswith("FAIL") else outcome] += 1
            if outcome.startswith("FAIL"):
                failures.append(f"#{number} {name} ({fmt}): {outcome}")
            progress.advance(task)
    pool.terminate()
    elapsed = time.perf_counter() - started
    print(
        f"{arguments.count} mutated documents from {len(corpus)} real pages, seed {arguments.seed}"
    )
    print(f"outcomes: {dict(tally)}")
    print(f"slowest: {slowest[0]:.1f} s ({slowest[1]}); total {elapsed:.0f} s")
    for failure in failures:
        print(failure)
    raise SystemExit(1 if failures else 0)


if __name__ == "__main__":
    main()
