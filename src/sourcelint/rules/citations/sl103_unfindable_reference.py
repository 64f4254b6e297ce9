"""SL103 unfindable-reference: a reference entry that names nothing a reader could find.

## What it does
Reports entries with no URL, DOI or ISBN, no title and no author and year, made only of words
that name no source ("Personal communication.", "Internal memo.", "Interview.", or nothing).

## Why
An entry a reader cannot look up is a source in name only: the claim it supports cannot be
checked by anyone outside the newsroom.

## Example
```text
Output fell by a quarter.[1]

Notes
[1] Internal memo.
```
Use instead: say what the memo is, who wrote it and when, or publish it and link to it.
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation


def check(evidence: Evidence) -> Iterator[Violation]:
    """One violation per entry with nothing findable."""
    for reference in evidence.references:
        if reference.findable:
            continue
        label = f" {reference.label}" if reference.label else ""
        shown = f": {reference.text!r}" if reference.text else " is empty"
        yield Violation(
            reference.entry_start,
            max(reference.end, reference.entry_start + 1),
            f"reference entry{label} names nothing a reader could find (no URL, DOI, title or "
            f"outlet){shown}",
        )


RULE = Rule(
    code="SL103",
    name="unfindable-reference",
    severity=Severity.WARNING,
    summary="Reference entry with nothing a reader could find",
    check=check,
    doc=__doc__ or "",
    passing=(
        Example('Output fell.[1]\n\nNotes\n[1] Ministry of Industry, "Output survey", 2024.\n'),
        Example("Output fell.[1]\n\nNotes\n[1] https://example.org/output-survey\n"),
    ),
    failing=(
        Example("Output fell.[1]\n\nNotes\n[1] Internal memo.\n"),
        Example("Output fell.[1]\n\nNotes\n[1] Personal communication.\n"),
    ),
)
