"""SL204 edited-quote: a quotation shortened with an ellipsis or changed by a bracketed insertion.

## What it does
Reports (as info) each quotation holding an ellipsis (… or ...) or words in square brackets
("[the staff]", "[sic]"). Numeric citation markers ([4]) do not count. The turns of an
interview transcript ("Name: …") are left out: there brackets and ellipses are the
transcript's own conventions (a word supplied, a pause, "[laughs]"), the original is the
recording, and a finding on every other turn would bury the rest of the report.

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
        if quote.edited and quote.marks != "turn":
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
    passing=(
        Example("“The wards are full and the staff are exhausted,” Dr Hugh Hill said.\n"),
        Example(
            "Interview with the harbour master\n\nReporter: How long have you worked here?\n\n"
            "Ana Ruiz: I came [to the port] in 1998, when I was twenty.\n\nReporter: And the "
            "dues?\n\nAna Ruiz: We raised them... we had to. I know it.\n\nReporter: Thank "
            "you.\n\nAna Ruiz: I am glad you came.\n"
        ),
    ),
    failing=(
        Example("“The wards are full … and [the staff] are exhausted,” Dr Hugh Hill said.\n"),
        Example('"We will win ... whatever it takes," Jane Doe said.\n'),
    ),
)
