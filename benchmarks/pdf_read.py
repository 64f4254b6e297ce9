"""What reading a 100-page PDF costs: sourcelint's PDF reader (content streams interpreted,
pages laid out: columns, running headers, hyphens, footnotes linked, tables) beside pypdf's
plain `extract_text` on the same file in the same process, the baseline it is built on.

The PDF is drawn here with reportlab: 100 letter pages of two columns (50 lines of about 40
characters each), a running header and a page number, two raised note markers and their
footnotes on every page, and a hyphenated word at every tenth line. Each time is the median
of `--repeat` runs after one warm-up. The issue's budget: under 5 s.

Run: `.venv/bin/python benchmarks/pdf_read.py [--pages 100] [--repeat 3]`.
"""

from __future__ import annotations

import argparse
import io
import random

from run_info import versions
from timing import median_seconds

LIMIT_SECONDS = 5.0
WORDS = [
    "the",
    "ministry",
    "said",
    "exports",
    "of",
    "grain",
    "rose",
    "in",
    "the",
    "year",
    "to",
    "March",
    "according",
    "to",
    "figures",
    "published",
    "on",
    "Tuesday",
    "by",
    "officials",
    "who",
    "expect",
    "a",
    "larger",
    "harvest",
    "next",
    "season",
    "while",
    "farmers",
    "warned",
    "that",
    "prices",
    "for",
    "fertiliser",
    "and",
    "fuel",
    "remain",
    "high",
]


def make_pdf(pages: int, seed: int = 1) -> bytes:
    """A two-column report of `pages` pages with headers, page numbers and footnotes."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    chooser = random.Random(seed)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    for number in range(1, pages + 1):
        pdf.setFont("Helvetica", 8)
        pdf.drawString(72, 750, "Grain Board Annual Review 2024")
        pdf.drawString(300, 36, str(number))
        for column, x in enumerate((72, 320)):
            y = 720.0
            for index in range(50):
                text = pdf.beginText(x, y)
                text.setFont("Times-Roman", 9.5)
                line = " ".join(chooser.choice(WORDS) for _ in range(7))
                if index % 10 == 9:
                    line += " har-"
                elif index % 10 == 0 and index:
                    line = "vest " + line
                text.textOut(line)
                if index in (5, 30) and column == 0:
                    text.setFont("Times-Roman", 6)
                    text.setRise(3.5)
                    text.textOut(str(2 * number - 1 + (index == 30)))
                    text.setRise(0)
                pdf.drawText(text)
                y -= 11.5
        pdf.setFont("Times-Roman", 7.5)
        for place, label in enumerate((2 * number - 1, 2 * number)):
            pdf.drawString(
                72, 110 - 10 * place, f"{label} Ministry of Agriculture, Bulletin {label} (2024)."
            )
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    from pypdf import PdfReader

    from sourcelint.readers import read_bytes

    data = make_pdf(arguments.pages)

    def ours() -> object:
        return read_bytes(data, path="report.pdf")

    def baseline() -> object:
        return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]

    document = read_bytes(data, path="report.pdf")
    linked = sum(1 for hint in document.marker_hints if hint.target)
    notes = sum(1 for block in document.blocks if block.kind == "note")
    ours_seconds = median_seconds(ours, arguments.repeat)
    base_seconds = median_seconds(baseline, arguments.repeat)
    print(f"{arguments.pages} pages, {len(data):,} bytes, {len(document.text):,} characters read")
    print(f"{'reader':<34}{'seconds':>9}{'per page':>10}")
    for name, seconds in (
        ("sourcelint read (layout, notes)", ours_seconds),
        ("pypdf extract_text (plain)", base_seconds),
    ):
        print(f"{name:<34}{seconds:>9.2f}{seconds / arguments.pages * 1000:>8.1f}ms")
    print(f"ratio sourcelint / pypdf: {ours_seconds / base_seconds:.2f}")
    markers = len(document.marker_hints)
    print(f"markers linked to their footnote: {linked} of {markers}; notes: {notes}")
    print(f"headers left out: {'Grain Board Annual Review' not in document.text}")
    verdict = "within" if ours_seconds < LIMIT_SECONDS else "OVER"
    print(f"{verdict} the {LIMIT_SECONDS:.0f} s budget for {arguments.pages} pages")
    print(versions("pypdf", "reportlab"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
