"""Write a fresh sample of findings for a blind judge: the pages' extracted texts and one line
per finding (rule, span, the flagged words), for pages never judged before.

The sample is drawn with a fixed seed from the real pages of ../shared/data (the
article-extraction benchmark's HTML pages and the Wikinews 2020 articles), leaving out every page
named in tests/fixtures/rule_judgments. The judge reads the texts, never sourcelint's code, and
writes a verdict per line (see tests/fixtures/rule_judgments/README-sl4.md for the criteria).

    .venv/bin/python benchmarks/findings_to_judge.py --codes SL401 SL402 --pages 30 --out DIR
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

from rich.progress import track

from judged_replay import JUDGMENTS, PAGES, WIKINEWS, read_page
from run_info import versions
from sourcelint.api import analyze
from sourcelint.config import Settings


def candidate_pages(rows: int) -> list[str]:
    """Every real page not judged before, as `aeb:<id>` or `wikinews:<row>`."""
    judged = {
        json.loads(line)["page"]
        for path in JUDGMENTS.glob("*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    pages = [f"aeb:{path.name.removesuffix('.html.gz')}" for path in sorted(PAGES.glob("*.gz"))]
    pages += [f"wikinews:{row}" for row in range(rows)]
    return [page for page in pages if page not in judged]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", nargs="+", required=True, help="rules to sample")
    parser.add_argument("--pages", type=int, default=30, help="pages to draw")
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--out", type=Path, required=True, help="folder for texts and findings")
    arguments = parser.parse_args()
    with WIKINEWS.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    pages = candidate_pages(len(rows))
    random.Random(arguments.seed).shuffle(pages)
    chosen = sorted(pages[: arguments.pages])
    (arguments.out / "texts").mkdir(parents=True, exist_ok=True)
    settings = Settings(select=tuple(arguments.codes))
    lines: list[str] = []
    for page in track(chosen, description="scanning"):
        document = read_page(page, rows)
        name = page.replace(":", "_") + ".txt"
        (arguments.out / "texts" / name).write_text(document.text, encoding="utf-8")
        for finding in analyze(document, settings=settings).findings:
            if finding.code not in arguments.codes:
                continue
            lines.append(
                json.dumps(
                    {
                        "page": page,
                        "text_file": f"texts/{name}",
                        "code": finding.code,
                        "start": finding.start,
                        "end": finding.end,
                        "flagged": document.text[finding.start : finding.end],
                        "message": finding.message,
                    },
                    ensure_ascii=False,
                )
            )
    (arguments.out / "findings.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} findings on {len(chosen)} pages written to {arguments.out}")
    print(versions("spacy"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
