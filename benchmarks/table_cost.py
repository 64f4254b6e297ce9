"""What storing claims, citations and statistics as columns costs the stages that read them.

`api.extract` returns claims, citations and statistics as tables (`ClaimTable`,
`RecordTable`) that build each object when it is read, which keeps a large document's memory
small. The rules and the JSON output read them again and again; this prints what that costs,
in one run on the same documents: every rule (`--select SL`) and the JSON contract, once on the
tables and once on the same evidence copied into tuples of objects (what the code kept
before), each the best of three. The extraction, which both share, is timed once for scale.

Documents: the 305 real pages of ../shared/data (the article extraction benchmark's HTML and
the Wikinews 2020 articles), read as `sourcelint scan` reads them. Run with `make bench` or
`.venv/bin/python benchmarks/table_cost.py`.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

from rich.progress import track

from sourcelint import document, record_table
from sourcelint.api import check, extract
from sourcelint.config import Settings
from sourcelint.model import Analysis

sys.path.insert(0, str(Path(__file__).resolve().parent))
from findings_on_real_pages import documents


def _best_of_three(run: object) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Print the extraction time and the rules-and-JSON time on tables and on tuples."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--uncached",
        action="store_true",
        help="build every object on each read, as for a document of over 25,000 rows",
    )
    if parser.parse_args().uncached:
        for module in (document, record_table):
            module.CACHED_ROWS = 0  # type: ignore[attr-defined]
    every_rule = Settings(select=("SL",))
    read = list(documents())
    started = time.perf_counter()
    tables = [extract(document) for document in track(read, description="extracting")]
    extraction = time.perf_counter() - started
    tuples = [
        replace(
            evidence,
            claims=tuple(evidence.claims),
            citations=tuple(evidence.citations),
            quantities=tuple(evidence.quantities),
        )
        for evidence in tables
    ]

    def rules_and_json(evidences: list) -> None:  # type: ignore[type-arg]
        for evidence in evidences:
            findings = check(evidence, every_rule)
            document = evidence.document
            Analysis(
                path=document.path,
                format=document.format,
                title=None,
                date=None,
                citations=evidence.citations,
                references=evidence.references,
                claims=evidence.claims,
                findings=tuple(findings),
                quotes=evidence.quotes,
                quantities=evidence.quantities,
            ).to_json()

    on_tables = _best_of_three(lambda: rules_and_json(tables))
    on_tuples = _best_of_three(lambda: rules_and_json(tuples))
    claims = sum(len(evidence.claims) for evidence in tables)
    print(f"{len(read)} documents, {claims:,} claims")
    print(f"extraction (shared)            {extraction:7.2f} s")
    print(f"rules and JSON on tuples       {on_tuples:7.2f} s")
    print(f"rules and JSON on tables       {on_tables:7.2f} s")
    print(f"ratio tables / tuples          {on_tables / on_tuples:7.2f}")
    print(
        f"extra cost / whole scan        {(on_tables - on_tuples) / (extraction + on_tuples):7.1%}"
    )


if __name__ == "__main__":
    main()
