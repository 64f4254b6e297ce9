"""Dates and titles of real web pages: sourcelint's HTML reader beside htmldate and
trafilatura's metadata, in one run, on the blind-annotated gold of tests/fixtures/page_dates
(100 pages of the article-extraction benchmark; guideline docs/guideline-page-dates.md).

Date accuracy is the share of pages whose date is the gold publication date (a page the gold
dates and the system does not counts as wrong; so does a date given where the gold has none).
"Either" also accepts the gold's modified date, the date a reader of an updated article may
take. Title accuracy is the share of pages whose title, normalised as the guideline says,
hashes to the gold's SHA-1 (the gold stores only the hash). Pages split by id as in
benchmarks/main_text.py (test when the id's last hex digit is odd).

A second set, `--gold fresh` (the other 81 pages of the benchmark), was annotated after the
reader's date and title rules were written, and is scored as test only.

Run: `.venv/bin/python benchmarks/page_dates.py [--gold gold|fresh] [--errors]` (`--errors`
lists dev pages only).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from typing import Any

from run_info import ROOT, versions

DATA = ROOT.parent / "shared" / "data" / "html" / "article-extraction-benchmark"
GOLDS = ROOT / "tests" / "fixtures" / "page_dates"


def title_sha1(title: str) -> str:
    """The guideline's normalised title hash."""
    text = unicodedata.normalize("NFKC", title)
    text = text.translate(str.maketrans("‘’‚‛“”„‟–—―", "''''\"\"\"\"---"))
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def sourcelint_reading(html: str) -> tuple[str | None, str | None]:
    from sourcelint.readers import read_bytes

    document = read_bytes(html.encode("utf-8"), path="page.html", format="html")
    return document.date, document.title


def htmldate_reading(html: str) -> tuple[str | None, str | None]:
    from htmldate import find_date

    return find_date(html, original_date=True, extensive_search=True), None


def trafilatura_reading(html: str) -> tuple[str | None, str | None]:
    from trafilatura import extract_metadata

    metadata = extract_metadata(html)
    if metadata is None:
        return None, None
    return metadata.date, metadata.title


SYSTEMS: dict[str, Callable[[str], tuple[str | None, str | None]]] = {
    "sourcelint": sourcelint_reading,
    "htmldate": htmldate_reading,
    "trafilatura": trafilatura_reading,
}


def load_gold(name: str = "gold") -> list[dict[str, Any]]:
    """The gold rows, each with its split and the page's HTML. `gold` is split into dev and
    test; `fresh`, annotated after the reader was tuned, is all test."""
    rows = []
    for line in (GOLDS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        raw = gzip.decompress((DATA / "html" / f"{row['id']}.html.gz").read_bytes())
        row["html"] = raw.decode("utf-8", "replace")
        odd = int(row["id"][-1], 16) % 2
        row["split"] = "test" if odd or name != "gold" else "dev"
        rows.append(row)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list sourcelint's dev errors")
    parser.add_argument("--gold", choices=("gold", "fresh"), default="gold", help="which set")
    arguments = parser.parse_args()
    gold = GOLDS / f"{arguments.gold}.jsonl"
    if not DATA.is_dir() or not gold.is_file():
        print(f"no data at {DATA} or no gold at {gold}", file=sys.stderr)
        return 2
    rows = load_gold(arguments.gold)
    print(f"Dates and titles of {len(rows)} blind-annotated pages ({gold.relative_to(ROOT)})")
    print(
        "| system | split | pages | date | date (either) | dated when gold is | title | seconds |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, read in SYSTEMS.items():
        results: list[tuple[str, bool, bool, bool, bool | None]] = []
        elapsed = 0.0
        for row in rows:
            started = time.perf_counter()
            found_date, found_title = read(row["html"])
            elapsed += time.perf_counter() - started
            exact = found_date == row["date"]
            either = exact or (found_date is not None and found_date == row["modified"])
            title = (
                None
                if found_title is None and name == "htmldate"
                else (found_title is not None and title_sha1(found_title) == row["title_sha1"])
            )
            results.append((row["split"], exact, either, found_date is not None, title))
            listed = arguments.errors and name == "sourcelint" and row["split"] == "dev"
            if listed and (not exact or title is False):
                print(
                    f"  {row['id'][:10]} gold {row['date']} (modified {row['modified']}) "
                    f"found {found_date}; title {'ok' if title else 'wrong'}: {found_title!r}"
                )
        for split in ("dev", "test", "all"):
            chosen = [r for r in results if split == "all" or r[0] == split]
            if not chosen:
                continue
            count = len(chosen)
            dated = sum(r[3] for r in chosen)
            titles = [r[4] for r in chosen if r[4] is not None]
            title_share = f"{sum(titles) / len(titles):.3f}" if titles else "—"
            seconds = f"{elapsed:.1f}" if split == "all" else ""
            print(
                f"| {name} | {split} | {count} | {sum(r[1] for r in chosen) / count:.3f} | "
                f"{sum(r[2] for r in chosen) / count:.3f} | {dated / count:.3f} | "
                f"{title_share} | {seconds} |"
            )
    print(versions("lxml", "trafilatura", "htmldate"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
