"""SL914 unusable-date: the document's date field names a date that cannot be used.

## What it does
Reports a front matter date, a page's metadata or JSON-LD date, or a labelled date line
("Date: …") whose value has the shape of a date but names none sourcelint can use: a year
before 1800 or after 2200 (placeholders such as `0001-01-01` and `9999-12-31` among them) or
a day that does not exist (`2020-02-30`). The document is then treated as undated, and the
finding says so; nothing else in the document is lost.

## Why
Statistics are read against the document's date ("last year", SL303's staleness). A
placeholder date taken at its word would date every figure two thousand years back; a
document silently treated as undated leaves the reader wondering why no figure is dated.

## Example
Front matter with a placeholder date: `date: 0001-01-01`.
Use instead: the date the piece was published, `date: 2024-03-18`.
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation, reader_problems

_POST = "---\ntitle: Harbour dues\ndate: {date}\n---\n\nHarbour dues rose by 4% last year.\n"


def check(evidence: Evidence) -> Iterator[Violation]:
    """The reader's SL914 problem, if any."""
    return reader_problems(evidence, "SL914")


RULE = Rule(
    code="SL914",
    name="unusable-date",
    severity=Severity.INFO,
    summary="The document's date field names a date that cannot be used",
    check=check,
    doc=__doc__ or "",
    passing=(Example(_POST.format(date="2024-03-18"), "md"),),
    failing=(
        Example(_POST.format(date="0001-01-01"), "md"),
        Example(
            "<html><head><meta property='article:published_time' content='9999-12-31'>"
            "</head><body><p>Harbour dues rose by 4% last year.</p></body></html>",
            "html",
        ),
        Example("Harbour dues\nDate: 2020-02-30\n\nHarbour dues rose by 4% last year.\n"),
    ),
)
