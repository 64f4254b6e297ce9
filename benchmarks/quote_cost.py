"""What the quotation stage (or, with `--stage statistics`, the statistics stage) costs next to
the spaCy pass, on the same documents, in one run.

Documents: the 24 GUM Wikinews articles and the 100 LitBank excerpts (text only, read from
../shared/data through benchmarks/quote_corpora.py), and the repository's own test documents.
The statistics stage also reads the two news gold sets of statistics. For each document the
spaCy pass (sentence segmentation of its prose, as `sourcelint scan` runs it) and the stage
are timed; each is the best of three runs. The quotation stage is pairing marks, attribution,
speaker ids and linking quotations to claims (budget 15%); the statistics stage is reading
figures, their qualifiers, counted things, parts and dates, and linking them to claims
(budget 10%); the claims stage is scoring every sentence's check-worthiness and finding its
named attributions, and `checkworthiness` the scoring alone (the issue's budget: 15%). All
share the prose spans, as `analyze` does. Prints both totals and their
ratio. Run with `make bench` or `.venv/bin/python benchmarks/quote_cost.py [--stage
statistics|claims|checkworthiness]`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rich.progress import Progress

from sourcelint.document import Document
from sourcelint.extract.checkworthy import checkworthiness
from sourcelint.extract.citations import extract_citations
from sourcelint.extract.claims import extract_claims, prose_spans, score_claims
from sourcelint.extract.quantities import extract_quantities, link_quantities
from sourcelint.extract.quotes import extract_quotes, link_quotes
from sourcelint.model import Claim
from sourcelint.readers import read_path, read_text_as

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quote_corpora import load_gum, load_litbank

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The shortest of `runs` timings of `work`, in seconds."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    return min(timings)


def documents(stage: str = "quotes") -> list[tuple[str, Document]]:
    """(set name, Document) for every benchmark document of a stage."""
    found: list[tuple[str, Document]] = []
    for gold in load_gum():
        found.append(("gum-news", read_text_as(gold.text, path=gold.name, format="txt")))
    for gold in load_litbank():
        found.append(("litbank", read_text_as(gold.text, path=gold.name, format="txt")))
    folders = ["gold", "gold2", "quotes_gold"]
    if stage == "statistics":
        folders += ["quantities_gold", "quantities_heldout"]
    for folder in folders:
        for path in sorted((ROOT / "tests" / "fixtures" / folder).glob("*")):
            if path.suffix in {".txt", ".md", ".html"} and path.stem != "README":
                found.append(("own", read_path(path)))
    return found


def time_document(document: Document, stage: str = "quotes") -> tuple[float, float, int]:
    """(spaCy pass, stage, items found) for one document. The prose spans are computed once
    and shared, as `analyze` does; the spaCy pass is timed with them."""
    citations, references = extract_citations(document)
    prose = prose_spans(document, references)

    def spacy_pass() -> list[Claim]:
        return extract_claims(document, citations, references, prose=prose)

    claims = spacy_pass()

    def quote_stage() -> int:
        found = extract_quotes(document, claims, references, prose=prose)
        link_quotes(claims, found.quotes)
        return len(found.quotes)

    markers = [(citation.start, citation.end) for citation in citations]

    def statistics_stage() -> int:
        quantities = extract_quantities(document, claims, markers=markers)
        link_quantities(claims, quantities)
        return len(quantities)

    def claims_stage() -> int:
        return len(score_claims(claims, document.text))

    def scoring() -> int:
        return len([checkworthiness(claim.text) for claim in claims])

    work = {
        "statistics": statistics_stage,
        "claims": claims_stage,
        "checkworthiness": scoring,
    }.get(stage, quote_stage)
    return best_of(RUNS, spacy_pass), best_of(RUNS, work), work()


def main() -> None:
    """Time the spaCy pass and the stage per set and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--stage",
        choices=("quotes", "statistics", "claims", "checkworthiness"),
        default="quotes",
    )
    stage = parser.parse_args().stage
    loaded = documents(stage)
    totals: dict[str, list[float]] = {}
    words: dict[str, int] = {}
    quotes: dict[str, int] = {}
    with Progress(transient=True) as progress:
        task = progress.add_task("timing", total=len(loaded))
        for name, document in loaded:
            spacy_time, quote_time, found = time_document(document, stage)
            spent = totals.setdefault(name, [0.0, 0.0])
            spent[0] += spacy_time
            spent[1] += quote_time
            words[name] = words.get(name, 0) + len(document.text.split())
            quotes[name] = quotes.get(name, 0) + found
            progress.advance(task)
    item, stage_name = {
        "statistics": ("statistics", "statistics stage"),
        "claims": ("sentences", "claims stage"),
        "checkworthiness": ("sentences", "check-worthiness scoring"),
    }.get(stage, ("quotations", "quotation stage"))
    print(f"| documents | words | {item} | spaCy pass (s) | {stage_name} (s) | ratio |")
    print("|---|---:|---:|---:|---:|---:|")
    all_spacy = all_quotes = 0.0
    for name, (spacy_time, quote_time) in totals.items():
        all_spacy += spacy_time
        all_quotes += quote_time
        print(
            f"| {name} | {words[name]:,} | {quotes[name]:,} | {spacy_time:.3f} | "
            f"{quote_time:.3f} | {quote_time / spacy_time:.1%} |"
        )
    print(
        f"| all | {sum(words.values()):,} | {sum(quotes.values()):,} | {all_spacy:.3f} | "
        f"{all_quotes:.3f} | {all_quotes / all_spacy:.1%} |"
    )


if __name__ == "__main__":
    main()
