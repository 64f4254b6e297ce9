"""SL105 duplicate-reference-label: two reference entries with the same printed label.

## What it does
Reports the second (and any later) entry whose printed label (`[4]`, `4.`, a Markdown
footnote's `[^4]:`) repeats an earlier entry's label in the same document.

## Why
A marker with that label can point to either entry: the reader cannot tell which source
supports the sentence, and one of the two is probably mislabelled.

## Example
```text
References
[4] Ministry of Agriculture, "Grain bulletin", 2024.
[4] Port authority, "Monthly tonnage", 2024.
```
Use instead: renumber the second entry and the markers that cite it.
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcelint.extract.references import label_namespace
from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation


def check(evidence: Evidence) -> Iterator[Violation]:
    """One violation per repeated printed label, at the repeat."""
    seen: dict[tuple[object, str], int] = {}
    document = evidence.document
    # In the order of the file: Markdown footnotes appear in the text in another order.
    for reference in sorted(
        evidence.references, key=lambda ref: document.offsets.to_source(ref.entry_start)
    ):
        if not reference.label_printed or reference.label is None:
            continue
        key = (label_namespace(reference), reference.label.lower())
        if key in seen:
            line, _ = document.locate(seen[key])
            page = document.page(seen[key])
            where = f"page {page}, line {line}" if page is not None else f"line {line}"
            yield Violation(
                reference.entry_start,
                reference.end,
                f"reference label {reference.label} is used twice (first on {where})",
            )
        else:
            seen[key] = reference.entry_start


RULE = Rule(
    code="SL105",
    name="duplicate-reference-label",
    severity=Severity.ERROR,
    summary="Two reference entries share a label",
    check=check,
    doc=__doc__ or "",
    passing=(
        Example(
            "Rose.[1][2]\n\nReferences\n[1] Ministry, Bulletin, 2024.\n[2] Port, Tonnage, 2024.\n"
        ),
    ),
    failing=(
        Example(
            "Rose.[1]\n\nReferences\n[1] Ministry, Bulletin, 2024.\n[1] Port, Tonnage, 2024.\n"
        ),
    ),
)
