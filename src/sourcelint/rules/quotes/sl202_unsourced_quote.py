"""SL202 unsourced-quote: a quotation whose sentence and paragraph say nothing about where it
comes from.

## What it does
In a document that cites its sources (it has a citation marker, a link or a reference list),
reports a quotation with a named speaker when its paragraph carries no citation marker or
link and names no outlet or occasion ("told Reuters", "in a statement", "in an interview with
CNN", "in a televised address", "told this newspaper", "wrote on X"; data/news_outlets.txt,
data/occasions.txt), and no credit line under it names a work ("— Alfred Mayhew, Letters from
the Coast, 1889"). A paragraph anywhere in the piece that names the speaker with an outlet,
occasion, marker or link covers all of the speaker's quotations ("In an interview with the
BBC, Mr Obama said …" sources his later quotations); a speaker's unsourced quotations in one
paragraph are one finding.
Quotations with no speaker are SL201's, not reported twice.
Documents that cite nothing at all (most original reporting, where the reporter is the
source) get no SL202: there it would fire on every quotation and say nothing new.

## Why
"She said" tells a reader who, not where: a quotation from a speech, a filing or another outlet
can be checked only if the text says which.

## Default
Off: run it with `--select SL202`. 16 of 153 findings on 95 real pages judged right: most
quotations come from the writer's own reporting or an occasion named elsewhere (judged blind,
`tests/fixtures/rule_judgments/`); it returns to the default set when a fresh judgment reaches 80%.

## Example
```markdown
Harvest figures are [on the ministry's site](https://example.org/harvest).

"Prices will fall by spring," Jane Doe said.
```
Use instead: `"Prices will fall by spring," Jane Doe told Reuters.` or add a link or marker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from sourcelint.extract.quotes import outlet_in
from sourcelint.model import Quote, Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation, paragraph_of

_DASHES = frozenset("—–―-")


def check(evidence: Evidence) -> Iterator[Violation]:
    """One violation per speaker and paragraph whose quotations carry no source, at the first
    of them."""
    document = evidence.document
    text = document.text
    points = sorted(
        [citation.start for citation in evidence.citations]
        + [link.start for link in document.links]
    )
    if not points and not evidence.references:
        return
    blocks = sorted((block.start, block.end) for block in document.blocks)
    unsourced: dict[tuple[str, int], list[Quote]] = {}
    sourced_speakers: set[str] = set()
    for quote in evidence.quotes:
        if quote.speaker is None:
            continue
        start, end = paragraph_of(blocks, quote.start)
        end = max(end, paragraph_of(blocks, quote.end)[1])
        following = bisect_right(blocks, (end, 1 << 62))
        if (
            following < len(blocks)
            and text[blocks[following][0] : blocks[following][0] + 1] in _DASHES
        ):
            end = blocks[following][1]  # the credit line printed under a block quote
        marked = bisect_left(points, start) < bisect_left(points, end)
        if marked or outlet_in(text, start, end):
            sourced_speakers.add(quote.speaker.id)
        else:
            unsourced.setdefault((quote.speaker.id, start), []).append(quote)
    named_sources = _speakers_sourced_elsewhere(evidence, blocks, points)
    for (speaker_id, _), quotes in unsourced.items():
        if speaker_id in sourced_speakers or speaker_id in named_sources:
            continue
        first = quotes[0]
        name = first.speaker.name if first.speaker else ""
        if len(quotes) > 1:
            message = f"{len(quotes)} quotations of {name} say nowhere where they come from"
        else:
            message = f"quotation of {name} says nowhere where it comes from"
        yield Violation(
            first.start,
            first.end,
            f"{message} (no marker, link or outlet in the paragraph)",
        )


def _speakers_sourced_elsewhere(
    evidence: Evidence, blocks: list[tuple[int, int]], points: list[int]
) -> set[str]:
    """Speakers whose occasion or outlet the piece gives in a paragraph that names them,
    quoted there or not ("In an interview with the BBC, Mr Obama said the talks had stalled"
    sources his later quotations)."""
    text = evidence.document.text
    surnames: dict[str, str] = {}
    for quote in evidence.quotes:
        if quote.speaker is not None and quote.speaker.name[:1].isupper():
            surnames[quote.speaker.id] = quote.speaker.name.split()[-1]
    if not surnames:
        return set()
    found: set[str] = set()
    for start, end in blocks:
        marked = bisect_left(points, start) < bisect_left(points, end)
        if not (marked or outlet_in(text, start, end)):
            continue
        paragraph = text[start:end]
        found.update(
            speaker
            for speaker, name in surnames.items()
            if re.search(rf"\b{re.escape(name)}\b", paragraph)
        )
    return found


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
    default=False,
)
