"""Replay today's rules on the pages whose findings were judged blind, and score the findings
that were judged: a development measure.

Each file of tests/fixtures/rule_judgments holds a verdict for each finding that an earlier
commit raised on a sample of real pages (sl2.jsonl: SL201–SL204 at 0cf401e; sl3.jsonl: SL301–
SL304 at 31007f8; sl4.jsonl: SL401 and SL402 at b3c7f34). This script scans the same pages
with today's code (each rule on the pages where it was judged) and matches each finding to a
verdict (same rule, same span, or spans that overlap by at least 80% of the longer). A finding
with no verdict is new since the judging: it is counted, never guessed at. Precision over
judged findings says what a change removed and kept; it is not a fresh judgment (the judged
pages were read to decide the changes).

    .venv/bin/python benchmarks/judged_replay.py [--judgments sl2.jsonl] [--paragraph]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
from collections import Counter
from pathlib import Path
from typing import Any

from rich.progress import track

from run_info import versions
from sourcelint.api import analyze
from sourcelint.config import Settings
from sourcelint.document import Document
from sourcelint.readers import read_bytes, read_text_as

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
PAGES = SHARED / "html" / "article-extraction-benchmark" / "html"
WIKINEWS = SHARED / "news" / "wikinews-2020" / "wikinews_2020.csv"
JUDGMENTS = ROOT / "tests" / "fixtures" / "rule_judgments"


def read_page(page: str, rows: list[dict[str, str]]) -> Document:
    """A judged page, read as benchmarks/findings_on_real_pages.py reads it."""
    kind, _, key = page.partition(":")
    if kind == "aeb":
        path = PAGES / f"{key}.html.gz"
        return read_bytes(gzip.decompress(path.read_bytes()), path=path.name, format="html")
    row = rows[int(key)]
    return read_text_as(f"{row['title']}\n\n{row['text']}", path=f"{page}.txt", format="txt")


def same_finding(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Equal spans, or spans overlapping by at least 80% of the longer."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    longer = max(a[1] - a[0], b[1] - b[0], 1)
    return a == b or shared / longer >= 0.8


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraph", action="store_true", help='claim-sources = "paragraph"')
    parser.add_argument(
        "--judgments", default="sl4.jsonl", help="a file of tests/fixtures/rule_judgments"
    )
    arguments = parser.parse_args()
    verdicts: dict[str, list[dict[str, Any]]] = {}
    for line in (JUDGMENTS / arguments.judgments).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        verdicts.setdefault(str(row["page"]), []).append(row)
    with WIKINEWS.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    codes = sorted({str(row["code"]) for rows_ in verdicts.values() for row in rows_})
    settings = Settings(
        select=tuple(codes), claim_sources="paragraph" if arguments.paragraph else "sentence"
    )
    tally: dict[str, Counter[str]] = {code: Counter() for code in codes}
    for page in track(sorted(verdicts), description="scanning"):
        judged = verdicts[page]
        sampled = {str(row["code"]) for row in judged}  # SL401 was judged on a sample of pages
        for finding in analyze(read_page(page, rows), settings=settings).findings:
            if finding.code not in sampled:
                continue
            verdict = next(
                (
                    str(row["verdict"])
                    for row in judged
                    if row["code"] == finding.code
                    and same_finding(
                        (finding.start, finding.end),
                        (int(row["start"]), int(row["end"])),
                    )
                ),
                "new",
            )
            tally[finding.code][verdict] += 1
        for row in judged:
            tally[str(row["code"])]["judged"] += 1
    mode = "paragraph" if arguments.paragraph else "sentence"
    print(
        f"{arguments.judgments} replayed on {len(verdicts)} judged pages (claim-sources = {mode})"
    )
    print("| rule | judged then | found now | right | wrong | unclear | new | precision (judged) |")
    print("|---|---|---|---|---|---|---|---|")
    for code, counts in tally.items():
        judged_now = counts["correct"] + counts["wrong"] + counts["unclear"]
        found = judged_now + counts["new"]
        precision = counts["correct"] / judged_now if judged_now else 0.0
        print(
            f"| {code} | {counts['judged']} | {found} | {counts['correct']} | {counts['wrong']} "
            f"| {counts['unclear']} | {counts['new']} | {precision:.2f} |"
        )
    print(versions("spacy"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
