"""Which real documents sourcelint reads as interview transcripts: every page of the
article-extraction benchmark (as HTML) and every Wikinews 2020 article (as text) in
../shared/data, listing those where at least one quotation is an interview turn, with the
number of turns and the speakers named. A check that the turn reading fires on interviews
only.

Run: `.venv/bin/python benchmarks/interview_turns.py`
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import Counter
from pathlib import Path

from run_info import versions
from sourcelint.api import analyze
from sourcelint.readers import read_bytes

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
PAGES = SHARED / "html" / "article-extraction-benchmark" / "html"
WIKINEWS = SHARED / "news" / "wikinews-2020" / "wikinews_2020.csv"


def documents() -> list[tuple[str, bytes, str]]:
    """(id, bytes, format) of every page and article."""
    found = [
        (f"aeb:{path.name[:-8]}", gzip.decompress(path.read_bytes()), "html")
        for path in sorted(PAGES.glob("*.html.gz"))
    ]
    csv.field_size_limit(10**9)
    with WIKINEWS.open(encoding="utf-8", newline="") as stream:
        for row, entry in enumerate(csv.DictReader(stream)):
            found.append((f"wikinews:{row}", entry["text"].encode("utf-8"), "txt"))
    return found


def main() -> int:
    if not PAGES.is_dir() or not WIKINEWS.is_file():
        print(f"no data at {SHARED}", file=sys.stderr)
        return 2
    scanned = 0
    print("| document | turns | speakers |")
    print("|---|---:|---|")
    with_turns = 0
    for name, data, fmt in documents():
        scanned += 1
        quotes = analyze(read_bytes(data, path=f"d.{fmt}", format=fmt)).quotes
        turns = [quote for quote in quotes if quote.marks == "turn"]
        if not turns:
            continue
        with_turns += 1
        speakers = Counter(q.speaker.name if q.speaker else "(none)" for q in turns)
        named = ", ".join(f"{speaker} {count}" for speaker, count in speakers.most_common(4))
        print(f"| {name[:24]} | {len(turns)} | {named} |")
    print(f"{with_turns} of {scanned} documents read as interviews")
    print(versions("sourcelint"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
