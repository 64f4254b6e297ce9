"""SL913 dropped-text: the HTML reader left out a large part of the page, or citation markers.

## What it does
Reports a web page where the reader, choosing the article among the page's blocks, left out
running text on the scale of an article section (three or more prose paragraphs in a row,
150 words or more and at least a quarter as many words as it kept), or left out a block that
holds citation markers. The message gives the words and the share left out; the finding
points at the first block left out. `sourcelint text FILE` prints what was read.
In a PDF it reports the pages with no text to read (blank, or scanned images without OCR:
the rest of the file is read) and pages past the reader's limit of 5,000.

## Why
Everything after this finding is about the text that was read. A section the reader mistook
for page clutter (an article split by an ad slot, a second `<article>` element) would hide its
quotations, figures and claims, and a marker left out makes its reference look uncited. The
user should know the read was partial before trusting a clean report.

## Example
A page whose sidebar, outside the article, holds a marker: `<aside><p>Budget figures rose by
4%<sup>3</sup>.</p></aside>`.
Use instead: check the reading with `sourcelint text`; scan a saved copy of the article alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation, reader_problems

_ARTICLE = (
    "<html><head><title>Harbour plan approved</title></head><body>"
    "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
    "<article><h1>Harbour plan approved</h1>"
    "<p>The town council approved the harbour plan on Tuesday after a debate that lasted most "
    "of the evening and ended in a vote of seven to four.</p>"
    "<p>The plan moves the ferry terminal to the north quay and adds a second slipway for the "
    "fishing fleet, which has waited for one since the storms of the last decade.</p>"
    "<p>Councillors who voted against it said the cost estimate was out of date and asked for "
    "a new survey of the quay walls before any contract is signed.</p>"
    "<p>Work is due to start in the spring and to finish before the summer timetable of the "
    "following year, the harbour master told the meeting.</p>"
    "</article>{aside}<footer>The Harbour Gazette</footer></body></html>"
)


def check(evidence: Evidence) -> Iterator[Violation]:
    """The reader's SL913 problem, if any."""
    return reader_problems(evidence, "SL913")


RULE = Rule(
    code="SL913",
    name="dropped-text",
    severity=Severity.INFO,
    summary="The reader left out a large part of the page or citation markers (or PDF pages)",
    check=check,
    doc=__doc__ or "",
    passing=(Example(_ARTICLE.format(aside=""), "html"),),
    failing=(
        Example(
            _ARTICLE.format(
                aside="<aside class='sidebar'><p>Budget figures rose by 4%<sup>3</sup> in the "
                "year before the vote.</p></aside>"
            ),
            "html",
        ),
    ),
)
