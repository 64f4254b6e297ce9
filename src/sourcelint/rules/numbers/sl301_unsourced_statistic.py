"""SL301 unsourced-statistic: a statistic whose sentence and paragraph say nothing about where
it comes from.

## What it does
Reports a statistic (a share, ratio, amount of money or physical measure, or a count of 100
or more) when neither its sentence nor its paragraph carries a citation marker, a link, an
attribution ("according to the census", "the ministry said", "figures from Eurostat show",
a quotation with a named speaker) or an outlet ("told Reuters"). A list item is read with the
paragraph that introduces its list. Headings are skipped: a headline's figure is sourced by
the story under it, and a figure restated from a sourced sentence elsewhere in the document
is sourced there. One finding per paragraph, at its first unsourced statistic.

## Why
Figures are what readers repeat and what goes stale. A statistic without a source cannot be
checked, updated or weighed: 12% of what survey, counted by whom, when?

## Default
Off: run it with `--select SL301`. 60 of 195 findings on 82 real pages judged right: recipe
amounts, deal prices, scores and figures whose source the writer saw (judged blind,
`tests/fixtures/rule_judgments/`); it returns to the default set when a fresh judgment reaches 80%.

## Example
```text
Unemployment in the region reached 12.4% in March.
```
Use instead: `Unemployment in the region reached 12.4% in March, the statistics office said.`
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from sourcelint.document import BlockKind
from sourcelint.extract.attributions import attributed
from sourcelint.extract.quantities import is_statistic
from sourcelint.extract.quotes import outlet_in
from sourcelint.model import Quantity, Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation


def check(evidence: Evidence) -> Iterator[Violation]:
    """One violation per paragraph whose statistics carry no source."""
    document = evidence.document
    text = document.text
    points = sorted(
        [citation.start for citation in evidence.citations]
        + [link.start for link in document.links]
        + [quote.start for quote in evidence.quotes if quote.speaker is not None]
    )
    blocks = sorted(document.blocks, key=lambda block: block.start)
    starts = [block.start for block in blocks]
    unsourced: dict[int, list[Quantity]] = {}
    sourced_figures: set[tuple[float | None, str | None]] = set()
    sourced_spans: dict[tuple[int, int], bool] = {}
    for quantity in evidence.quantities:
        if not is_statistic(quantity):
            continue
        index = bisect_left(starts, quantity.start + 1) - 1
        if index < 0 or blocks[index].kind is BlockKind.HEADING:
            continue
        start, end = blocks[index].start, blocks[index].end
        if blocks[index].kind is BlockKind.LIST_ITEM:
            lead = index - 1
            while lead >= 0 and blocks[lead].kind is BlockKind.LIST_ITEM:
                lead -= 1
            if lead >= 0 and blocks[lead].kind is not BlockKind.HEADING:
                start = blocks[lead].start
        if (start, end) not in sourced_spans:  # once per paragraph, however many figures
            marked = bisect_left(points, start) < bisect_left(points, end)
            sourced_spans[(start, end)] = (
                marked or attributed(text, start, end) or outlet_in(text, start, end)
            )
        if sourced_spans[(start, end)]:
            sourced_figures.add((quantity.value, quantity.unit))
            continue
        unsourced.setdefault(index, []).append(quantity)
    for found in unsourced.values():
        # a figure restated from a sourced sentence ("1.3 GW" again) is sourced there
        quantities = [q for q in found if (q.value, q.unit) not in sourced_figures]
        if not quantities:
            continue
        first = quantities[0]
        if len(quantities) > 1:
            message = (
                f"{len(quantities)} statistics in this paragraph (first: {first.text!r}) carry "
                "no source"
            )
        else:
            message = f"statistic {first.text!r} carries no source"
        yield Violation(
            first.start,
            first.end,
            f"{message} (no marker, link or attribution in the sentence or paragraph)",
        )


RULE = Rule(
    code="SL301",
    name="unsourced-statistic",
    severity=Severity.WARNING,
    summary="Statistic with no marker, link or attribution in its sentence or paragraph",
    check=check,
    doc=__doc__ or "",
    passing=(
        Example("Unemployment in the region reached 12.4% in March, the statistics office said.\n"),
        Example("According to the census, 1.2 million residents live in the capital.\n"),
        Example(
            "Unemployment reached 12.4% in March.[1]\n\n1. Statistics Office, Labour survey.\n"
        ),
        Example("Two children were hurt.\n"),
    ),
    failing=(Example("Unemployment in the region reached 12.4% in March.\n"),),
    default=False,
)
