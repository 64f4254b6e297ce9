"""SL403 claim-on-unresolved-marker: a check-worthy claim whose only source is a citation
marker that points to no reference entry.

## What it does
Ties SL101 to the sentence it leaves bare: reports a check-worthy claim (see SL401 for the
threshold) that carries citation markers, every one of them unresolved, and no link,
attribution or named speaker besides.

## Why
A marker that resolves to nothing looks like a source and is none: the reader who follows it
finds nothing, and the claim stands unsupported.

## Example
```text
Exports fell by 20 percent in 2024, to 4.1 million tonnes.[7]

References
1. Ministry of Trade, Annual report, 2024.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation
from sourcelint.rules.claims._common import checkworthy_claims


def check(evidence: Evidence) -> Iterator[Violation]:
    """One violation per check-worthy claim resting only on unresolved markers."""
    resolved = {citation.id: citation.reference is not None for citation in evidence.citations}
    for claim in checkworthy_claims(evidence):
        if not claim.citations:
            continue
        if any(resolved.get(citation_id, False) for citation_id in claim.citations):
            continue
        if any(source.kind != "citation" for source in claim.sourced_by):
            continue
        yield Violation(
            claim.start,
            claim.end,
            f"check-worthy claim ({claim.checkworthy:.2f}) rests only on a marker that points "
            "to no reference entry",
        )


RULE = Rule(
    code="SL403",
    name="claim-on-unresolved-marker",
    severity=Severity.WARNING,
    summary="Check-worthy claim whose only source is an unresolved marker",
    check=check,
    doc=__doc__ or "",
    passing=(
        Example(
            "Trade review\n\nExports fell by 20 percent in 2024, to 4.1 million tonnes.[1]\n\n"
            "References\n"
            "1. Ministry of Trade, Annual report, 2024.\n"
        ),
    ),
    failing=(
        Example(
            "Trade review\n\nExports fell by 20 percent in 2024, to 4.1 million tonnes.[7]\n\n"
            "References\n"
            "1. Ministry of Trade, Annual report, 2024.\n"
        ),
    ),
)
