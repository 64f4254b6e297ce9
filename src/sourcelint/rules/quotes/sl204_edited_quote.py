"""SL204 edited-quote: a quotation shortened with an ellipsis or changed by a bracketed insertion.

## What it does
Reports (as info) each quotation holding an ellipsis (… or ...) or words in square brackets
("[the staff]", "[sic]"). Numeric citation markers ([4]) do not count.

## Why
Edits to a quotation are legitimate but are where meaning gets changed: a checker compares the
edited words with the original.

## Example
```text
“The wards are full … and [the staff] are exhausted,” Dr Hugh Hill said.
```
Nothing to fix: the finding marks a quotation to compare with its source.
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation


def check(evidence: Evidence) -> Iterator[Violation]:
    """One violation per edited quotation."""
    for quote in evidence.quotes:
        if quote.edited:
            yield Violation(
                quote.start,
                quote.end,
                "quotation edited with an ellipsis or a bracketed insertion: compare it with "
                "the original",
            )


RULE = Rule(
    code="SL204",
    name="edited-quote",
    severity=Severity.INFO,
    summary="Quotation edited with an ellipsis or bracketed insertion",
    check=check,
    doc=__doc__ or "",
    passing=(Example("“The wards are full and the staff are exhausted,” Dr Hugh Hill said.\n"),),
    failing=(
        Example("“The wards are full … and [the staff] are exhausted,” Dr Hugh Hill said.\n"),
        Example('"We will win ... whatever it takes," Jane Doe said.\n'),
    ),
)
