"""How many findings each rule raises on the real pages of ../shared/data, and on how many
pages: the 181 web pages of the article-extraction benchmark (HTML) and the 124 Wikinews 2020
articles (title and text, as plain text). Every rule runs, those off by default too.

This is the count behind "the citation rules raise no finding on the 305 real pages" and
"SL204 raises 104 findings there" in README and docs/benchmarks.md. It says nothing of
whether a finding is right: the blind judgments (benchmarks/rule_precision.py) do.

    .venv/bin/python benchmarks/findings_on_real_pages.py
"""

from __future__ import annotations

import csv
import gzip
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from rich.progress import track

from run_info import versions
from sourcelint.api import analyze
from sourcelint.config import Settings
from sourcelint.document import Document
from sourcelint.readers import read_bytes, read_text_as
from sourcelint.rules.registry import RULES

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
PAGES = SHARED / "html" / "article-extraction-benchmark" / "html"
WIKINEWS = SHARED / "news" / "wikinews-2020" / "wikinews_2020.csv"


def documents() -> Iterator[Document]:
    """The 305 real pages, read as `sourcelint scan` reads them."""
    for path in sorted(PAGES.glob("*.html.gz")):
        yield read_bytes(gzip.decompress(path.read_bytes()), path=path.name, format="html")
    with WIKINEWS.open(newline="", encoding="utf-8") as stream:
        for number, row in enumerate(csv.DictReader(stream)):
            text = f"{row['title']}\n\n{row['text']}"
            yield read_text_as(text, path=f"wikinews-{number}.txt", format="txt")


def main() -> None:
    """Print each rule's findings and pages."""
    every_rule = Settings(select=("SL",))
    findings: Counter[str] = Counter()
    pages: Counter[str] = Counter()
    read = list(documents())
    for document in track(read, description="scanning"):
        codes = [finding.code for finding in analyze(document, settings=every_rule).findings]
        findings.update(codes)
        pages.update(set(codes))
    print(f"{len(read)} real pages")
    print("| rule | default | findings | pages |")
    print("|---|---|---|---|")
    for rule in RULES:
        default = "on" if rule.default else "off"
        print(f"| {rule.code} | {default} | {findings[rule.code]} | {pages[rule.code]} |")
    print(versions("spacy"))


if __name__ == "__main__":
    main()
