"""SL104 empty-credit: a credit line with nothing after it, or nothing a reader could find.

## What it does
Reports lines that open with a credit label (Source:, Credit:, Photo:, Image:, Chart:, ...;
the list is data/credit_labels.txt) and then name nobody: nothing at all, or only words such
as "internet", "social media" or "file" (data/non_locators.txt).

## Why
A credit is the one place a chart, photo or table says where it comes from. An empty one
looks like sourcing and is none.

## Example
```text
Harvest by region, 2024
Source:
```
Use instead: `Source: Ministry of Agriculture, harvest survey 2024`.
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation


def check(evidence: Evidence) -> Iterator[Violation]:
    """One violation per credit line without a locator."""
    for credit in evidence.credits:
        if credit.has_locator:
            continue
        what = f"only {credit.value!r}" if credit.value else "nothing"
        yield Violation(credit.start, credit.end, f"credit line '{credit.label}:' names {what}")


RULE = Rule(
    code="SL104",
    name="empty-credit",
    severity=Severity.WARNING,
    summary="Source or photo credit with nothing after it",
    check=check,
    doc=__doc__ or "",
    passing=(
        Example("Harvest by region, 2024\nSource: Ministry of Agriculture harvest survey\n"),
        Example("Photo: Jane Doe / Example Wire\n"),
    ),
    failing=(
        Example("Harvest by region, 2024\nSource:\n"),
        Example("A flooded street.\nImage: internet\n"),
    ),
)
