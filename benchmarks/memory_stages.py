"""Where a large document's memory goes: resident memory after each stage of the analysis,
per MB of input. Run with `make bench` or `.venv/bin/python benchmarks/memory_stages.py
[--megabytes 5]`.

The text is benchmarks/large_input.py's paragraph (a marker and an author-year citation in
each paragraph) repeated to the size asked. Each stage runs as `api.extract` runs it; after
it, the garbage collector runs and the resident set (VmRSS, Linux) is read, so a row is what
the stage keeps, not its peak. The last row is the process's peak (ru_maxrss).
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
from pathlib import Path

from sourcelint import nlp
from sourcelint.api import check
from sourcelint.config import Settings
from sourcelint.extract.checkworthy import load_model
from sourcelint.extract.citations import extract_citations
from sourcelint.extract.claims import extract_claims, prose_spans, score_claims
from sourcelint.extract.quantities import extract_quantities, link_quantities
from sourcelint.extract.quotes import extract_quotes, link_quotes
from sourcelint.memory import TRIM_FROM_CHARACTERS, release_free_memory
from sourcelint.readers import read_text_as
from sourcelint.rules.base import Evidence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from large_input import PARAGRAPH


def resident_mb() -> float:
    """The process's resident memory now, in MB (after a full collection, and after freed
    memory is given back to the system as `api.extract` does between stages)."""
    gc.collect()
    release_free_memory(TRIM_FROM_CHARACTERS)
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit("this benchmark reads /proc/self/status (Linux)")


def peak_mb() -> float:
    """The process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Print each stage's kept memory, in MB and in MB per input MB."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=5)
    megabytes = parser.parse_args().megabytes
    nlp.sentence_pipeline()
    load_model()
    rows: list[tuple[str, float, float]] = [
        ("interpreter, spaCy and the model", resident_mb(), peak_mb())
    ]
    text = PARAGRAPH * (megabytes * 1024 * 1024 // len(PARAGRAPH) + 1)
    text += "References\n\n[4] Ministry of Agriculture, Bulletin, 2024.\n"
    document = read_text_as(text, path="large.txt", format="txt")
    del text
    rows.append(("document (text, blocks, line index)", resident_mb(), peak_mb()))
    citations, references = extract_citations(document)
    rows.append(("citations and references", resident_mb(), peak_mb()))
    prose = prose_spans(document, references)
    claims = extract_claims(document, citations, references, prose=prose)
    rows.append(("claims (the sentence pass)", resident_mb(), peak_mb()))
    markers = [(citation.start, citation.end) for citation in citations]
    quoted = extract_quotes(document, claims, references, prose=prose, markers=markers)
    claims = link_quotes(claims, quoted.quotes)
    rows.append(("quotations, linked to claims", resident_mb(), peak_mb()))
    claims = score_claims(claims, document.text)
    rows.append(("check-worthiness and sources", resident_mb(), peak_mb()))
    quantities = extract_quantities(document, claims, markers=markers)
    claims = link_quantities(claims, quantities)
    rows.append(("statistics, linked to claims", resident_mb(), peak_mb()))
    evidence = Evidence(
        document=document,
        citations=tuple(citations),
        references=tuple(references),
        claims=claims,
        credits=(),
        quotes=quoted.quotes,
        stray_marks=quoted.stray_marks,
        quantities=tuple(quantities),
    )
    del citations, references, claims, quantities, quoted, prose, markers
    findings = check(evidence, Settings(select=("SL101",)))
    rows.append((f"findings ({len(findings):,}, SL101)", resident_mb(), peak_mb()))
    print(f"{megabytes} MB of text; {len(evidence.claims):,} sentences")
    print(f"{'after':40} {'MB':>8} {'added':>8} {'per input MB':>13} {'peak so far':>12}")
    previous = 0.0
    for name, value, peak in rows:
        added = value - previous if previous else 0.0
        share = f"{added / megabytes:13.1f}" if previous else f"{'':13}"
        print(f"{name:40} {value:8.0f} {added:+8.0f} {share} {peak:12.0f}")
        previous = value
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak (ru_maxrss)':40} {peak:8.0f}")


if __name__ == "__main__":
    main()
