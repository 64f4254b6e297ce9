"""Main-text extraction from real web pages: sourcelint's HTML reader beside trafilatura and
readability-lxml, in one run, on the Zyte article-extraction benchmark
(../shared/data/html/article-extraction-benchmark: 181 pages with hand-marked article bodies).

The metric is the benchmark's own, reimplemented from its description (SOURCE.md): a text's
tokens are its `\\w+` runs; a text becomes the multiset of its 4-token shingles; per page,
true positives, false positives and false negatives are the multiset overlaps, divided by their
sum so that long pages do not weigh more; precision is the mean over pages that predicted
anything, recall the mean over pages whose truth is not empty, F1 from the two means.

What sourcelint is scored on is what `sourcelint text` prints (the text of the document's
blocks: headings, paragraphs, list items, quotations, cells, notes, in order) less the two kinds
of block the benchmark's hand-marked bodies leave out by definition: the headline (an `<h1>`
that is the document's title) and captions (figure captions and credit lines), which
sourcelint reads as blocks of their own kind, not as prose. trafilatura, too, leaves both out
of its text.
Pages are split by id (test when the last hex digit of the id is odd) so that changes made
while looking at dev pages can be checked on pages not looked at; the table shows both and all.

`markup-reader` is sourcelint's reader before trafilatura chose the blocks (it remains the
fallback for a page where trafilatura finds no main text).

Run: `.venv/bin/python benchmarks/main_text.py [--systems sourcelint,markup-reader,trafilatura,
readability] [--page ID] [--worst N]`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable

from run_info import ROOT, versions

DATA = ROOT.parent / "shared" / "data" / "html" / "article-extraction-benchmark"
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of `size`-token shingles of a text (tokens are `\\w+` runs)."""
    tokens = _WORD.findall(text)
    return Counter(tuple(tokens[i : i + size]) for i in range(max(len(tokens) - size + 1, 0)))


def page_counts(truth: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, normalised to sum to 1 (all 0 when both are empty)."""
    gold, guess = shingles(truth), shingles(predicted)
    tp = sum((gold & guess).values())
    fp = sum((guess - gold).values())
    fn = sum((gold - guess).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score(pages: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Precision, recall and F1 over pages, as the benchmark defines them."""
    precisions = [tp / (tp + fp) for tp, fp, _ in pages if tp + fp > 0]
    recalls = [tp / (tp + fn) for tp, _, fn in pages if tp + fn > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_pages() -> list[tuple[str, str, str, str]]:
    """(id, split, html, article body) for every page of the benchmark."""
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        raw = gzip.decompress((DATA / "html" / f"{page_id}.html.gz").read_bytes())
        split = "test" if int(page_id[-1], 16) % 2 else "dev"
        pages.append(
            (page_id, split, raw.decode("utf-8", "replace"), truth[page_id]["articleBody"])
        )
    return pages


def sourcelint_text(html: str) -> str:
    from sourcelint.document import BlockKind
    from sourcelint.readers import read_bytes

    document = read_bytes(html.encode("utf-8"), path="page.html", format="html")
    return "\n\n".join(
        document.text[block.start : block.end]
        for block in document.blocks
        if block.kind is not BlockKind.CAPTION
        and (
            not (block.kind is BlockKind.HEADING and block.level == 1)
            or document.text[block.start : block.end] != document.title
        )
    )


def markup_reader_text(html: str) -> str:
    """The reader before this benchmark (still sourcelint's fallback when trafilatura finds no
    main text): the article's container chosen by markup alone, boilerplate classes removed."""
    from sourcelint.readers import html as html_reader

    tree = html_reader._parse(html)
    if tree is None:
        return ""
    document = html_reader._read_tree(tree, html, whole_page=False)
    return "\n\n".join(document.text[block.start : block.end] for block in document.blocks)


def trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def readability_text(html: str) -> str:
    import lxml.html
    from readability import Document as ReadabilityDocument

    summary = ReadabilityDocument(html).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


SYSTEMS: dict[str, Callable[[str], str]] = {
    "sourcelint": sourcelint_text,
    "markup-reader": markup_reader_text,
    "trafilatura": trafilatura_text,
    "readability": readability_text,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--page", help="print one page's extraction by each system")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst dev pages")
    arguments = parser.parse_args()
    if not DATA.is_dir():
        print(f"no benchmark data at {DATA}", file=sys.stderr)
        return 2
    pages = load_pages()
    systems = [name for name in arguments.systems.split(",") if name]
    if arguments.page:
        for page_id, _, html, body in pages:
            if page_id.startswith(arguments.page):
                for name in systems:
                    text = SYSTEMS[name](html)
                    print(f"=== {name}: {page_counts(body, text)}\n{text}\n")
        return 0
    print(f"Main text on {len(pages)} pages of the article-extraction benchmark (Zyte)")
    print("| system | split | pages | precision | recall | F1 | seconds |")
    print("|---|---|---|---|---|---|---|")
    for name in systems:
        extract = SYSTEMS[name]
        counts: dict[str, list[tuple[float, float, float]]] = {"dev": [], "test": []}
        per_page: list[tuple[float, str]] = []
        elapsed = 0.0
        for page_id, split, html, body in pages:
            started = time.perf_counter()
            try:
                text = extract(html)
            except Exception as error:  # a peer's crash scores as an empty page
                print(f"  {name} failed on {page_id[:10]}: {error!r}", file=sys.stderr)
                text = ""
            elapsed += time.perf_counter() - started
            page = page_counts(body, text)
            counts[split].append(page)
            if split == "dev":
                per_page.append((page[0], page_id))
        for split in ("dev", "test", "all"):
            chosen = counts["dev"] + counts["test"] if split == "all" else counts[split]
            precision, recall, f1 = score(chosen)
            seconds = f"{elapsed:.1f}" if split == "all" else ""
            print(
                f"| {name} | {split} | {len(chosen)} | {precision:.3f} | {recall:.3f} | "
                f"{f1:.3f} | {seconds} |"
            )
        for value, page_id in sorted(per_page)[: arguments.worst]:
            print(f"  worst dev: {page_id[:12]} tp={value:.2f}")
    print(versions("lxml", "trafilatura", "readability-lxml"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
