"""How well the PDF reader reads real articles as a browser prints them: the longest articles
of the article-extraction benchmark (../shared/data), their paragraphs and headings written
into a plain page (one column, and two columns, justified and hyphenated), printed to PDF by
Chromium with its own running header (date, title) and footer (address, "1/4"), then read by
sourcelint and by pypdf's plain `extract_text`.

Printed for each PDF: its pages; the word match with the article's own words (difflib ratio
over the word sequences: reading order, headers, hyphens and spaces all count); how many of
its paragraphs come out as exactly one block of sourcelint's text; and whether any running
header or footer was read as text. Chromium runs with every host name unresolvable, so a
page can fetch nothing.

Run: `.venv/bin/python benchmarks/pdf_real_pages.py [--articles 6]` (needs /usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import html
import subprocess
import sys
import tempfile
from pathlib import Path

from run_info import ROOT, versions

DATA = ROOT.parent / "shared" / "data" / "html" / "article-extraction-benchmark" / "html"
CHROMIUM = "/usr/bin/chromium"
STYLES = {
    "one column": "body{font:11pt serif;text-align:justify;hyphens:auto}",
    "two columns": (
        "body{font:10.5pt serif}.c{column-count:2;column-gap:2em;text-align:justify;hyphens:auto}"
    ),
}


def articles(count: int) -> list[tuple[str, list[tuple[str, str]]]]:
    """The `count` longest articles: name and (tag, text) of each heading and paragraph."""
    from sourcelint.readers import read_bytes

    found = []
    for path in sorted(DATA.glob("*.html.gz")):
        document = read_bytes(gzip.decompress(path.read_bytes()), path="page.html")
        parts = [
            (
                "h2" if block.kind == "heading" else "p",
                " ".join(document.text[block.start : block.end].split()),
            )
            for block in document.blocks
            if block.kind in ("heading", "paragraph", "list_item")
        ]
        found.append((len(document.text), path.name[:10], parts))
    found.sort(reverse=True)
    return [(name, parts) for _, name, parts in found[:count]]


def print_pdf(parts: list[tuple[str, str]], style: str, folder: Path) -> bytes:
    body = "".join(f"<{tag}>{html.escape(text)}</{tag}>" for tag, text in parts)
    page = folder / "page.html"
    page.write_text(
        f"<html lang=en><head><meta charset=utf-8><title>Article</title><style>{style}</style>"
        f"</head><body><div class=c>{body}</div></body></html>",
        encoding="utf-8",
    )
    target = folder / "page.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--print-to-pdf={target}",
            str(page),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    return target.read_bytes()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=6)
    arguments = parser.parse_args()
    if not DATA.is_dir() or not Path(CHROMIUM).exists():
        print(f"needs {DATA} and {CHROMIUM}", file=sys.stderr)
        return 2
    import io

    from pypdf import PdfReader

    from sourcelint.readers import read_bytes

    print(
        f"{'article':<12}{'layout':<13}{'pages':>6}{'words ours':>11}{'pypdf':>7}"
        f"{'paragraphs exact':>18}{'header read':>13}"
    )
    totals = {"ours": [], "pypdf": [], "exact": 0, "paragraphs": 0, "leaks": 0}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for name, parts in articles(arguments.articles):
            words = " ".join(text for _, text in parts).split()
            for layout, style in STYLES.items():
                data = print_pdf(parts, style, folder)
                document = read_bytes(data, path="page.pdf")
                plain = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
                ours = difflib.SequenceMatcher(
                    None, words, document.text.split(), autojunk=False
                ).ratio()
                base = difflib.SequenceMatcher(None, words, plain.split(), autojunk=False).ratio()
                blocks = {" ".join(document.text[b.start : b.end].split()) for b in document.blocks}
                exact = sum(1 for _, text in parts if text in blocks)
                leak = "file:///" in document.text
                totals["ours"].append(ours)
                totals["pypdf"].append(base)
                totals["exact"] += exact
                totals["paragraphs"] += len(parts)
                totals["leaks"] += leak
                print(
                    f"{name:<12}{layout:<13}{len(document.page_starts):>6}{ours:>11.3f}{base:>7.3f}"
                    f"{f'{exact}/{len(parts)}':>18}{'yes' if leak else 'no':>13}"
                )
    count = len(totals["ours"])
    print(
        f"mean word match: sourcelint {sum(totals['ours']) / count:.3f}, "
        f"pypdf {sum(totals['pypdf']) / count:.3f}; paragraphs exact "
        f"{totals['exact']}/{totals['paragraphs']}; PDFs with a header read as text: "
        f"{totals['leaks']} of {count}"
    )
    print(versions("pypdf"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
