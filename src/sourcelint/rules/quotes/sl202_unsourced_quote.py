"""SL202 unsourced-quote: a quotation whose sentence and paragraph say nothing about where it
comes from.

## What it does
In a document that cites its sources (it has a citation marker, a link or a reference list),
reports a quotation with a named speaker when its paragraph carries no citation marker or
link and names no outlet or occasion ("told Reuters", "in a statement", "in an interview with
CNN", "wrote on X"; data/news_outlets.txt). One sourced quotation covers the speaker's other
quotations in the document. Quotations with no speaker are SL201's, not reported twice.
Documents that cite nothing at all (most original reporting, where the reporter is the
source) get no SL202: there it would fire on every quotation and say nothing new.

## Why
"She said" tells a reader who, not where: a quotation from a speech, a filing or another outlet
can be checked only if the text says which.

## Example
```markdown
Harvest figures are [on the ministry's site](https://example.org/harvest).

"Prices will fall by spring," Jane Doe said.
```
Use instead: `"Prices will fall by spring," Jane Doe told Reuters.` or add a link or marker.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from sourcelint.extract.quotes import outlet_in
from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation


def _paragraph(evidence: Evidence, offset: int) -> tuple[int, int]:
    text = evidence.document.text
    start = text.rfind("\n\n", 0, offset)
    end = text.find("\n\n", offset)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end)


def check(evidence: Evidence) -> Iterator[Violation]:
    """One violation per named quotation with no source in its sentence or paragraph."""
    document = evidence.document
    text = document.text
    points = sorted(
        [citation.start for citation in evidence.citations]
        + [link.start for link in document.links]
    )
    if not points and not evidence.references:
        return
    unsourced = []
    sourced_speakers: set[str] = set()
    for quote in evidence.quotes:
        if quote.speaker is None:
            continue
        start, end = _paragraph(evidence, quote.start)
        end = max(end, _paragraph(evidence, quote.end)[1])
        marked = bisect_left(points, start) < bisect_left(points, end)
        if marked or outlet_in(text, start, end):
            sourced_speakers.add(quote.speaker.id)
        else:
            unsourced.append(quote)
    for quote in unsourced:
        assert quote.speaker is not None
        if quote.speaker.id in sourced_speakers:
            continue
        yield Violation(
            quote.start,
            quote.end,
            f"quotation of {quote.speaker.name} says nowhere where it comes from "
            "(no marker, link or outlet in its paragraph)",
        )


RULE = Rule(
    code="SL202",
    name="unsourced-quote",
    severity=Severity.WARNING,
    summary="Quotation with no marker, link or outlet in its sentence or paragraph",
    check=check,
    doc=__doc__ or "",
    passing=(
        Example('"Prices will fall by spring," Jane Doe told Reuters.\n'),
        Example('"Prices will fall by spring," Jane Doe said.\n'),
        Example(
            '"Prices will fall by spring," Jane Doe said.[1]\n\n'
            "1. Doe, J. Statement on prices. Ministry of Finance, 2024.\n"
        ),
    ),
    failing=(
        Example(
            "Harvest figures are [on the ministry's site](https://example.org/harvest).\n\n"
            '"Prices will fall by spring," Jane Doe said.\n',
            "md",
        ),
    ),
)
