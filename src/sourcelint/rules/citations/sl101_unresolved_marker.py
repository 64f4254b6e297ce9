"""SL101 unresolved-marker: a citation marker that points to no reference entry.

## What it does
Reports every in-text citation (`[4]`, `^4`, `[^note]`, a superscript, a footnote link,
`(Smith, 2019)`) whose label matches no entry in the document's reference list, footnotes
or bibliography. One finding per label, at the marker: `[3–5]` with no entry 4 reports 4.

## Why
A marker promises the reader a source. One that points nowhere is a source lost in editing,
a list cut off when the text was copied, or a number mistyped, and a reader cannot check
the sentence it sits in.

## Example
```text
Exports rose by a third in October.[4]

References
[1] Ministry of Agriculture, "Grain bulletin", October 2024.
```
Use instead: add the missing entry 4, or correct the marker.
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcelint.model import CitationStyle, Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation


def check(evidence: Evidence) -> Iterator[Violation]:
    """One violation per citation that resolves to nothing."""
    has_list = bool(evidence.references)
    for citation in evidence.citations:
        if citation.reference is not None:
            continue
        shown = evidence.document.text[citation.start : citation.end]
        if citation.style is CitationStyle.AUTHOR_YEAR:
            where = "no entry in the reference list" if has_list else "no reference list"
            message = f"citation {citation.marker} ({shown}) matches {where}"
        else:
            where = (
                "no reference entry" if has_list else "nothing: the document has no reference list"
            )
            message = f"citation marker {shown} (label {citation.marker}) points to {where}"
        yield Violation(citation.start, citation.end, message)


RULE = Rule(
    code="SL101",
    name="unresolved-marker",
    severity=Severity.ERROR,
    summary="Citation marker without a reference entry",
    check=check,
    doc=__doc__ or "",
    passing=(
        Example(
            "Exports rose.[1]\n\nReferences\n[1] Ministry of Agriculture, Grain bulletin, 2024.\n"
        ),
        Example(
            "Exports rose.[^1]\n\n[^1]: Ministry of Agriculture, *Grain bulletin*, 2024.\n", "md"
        ),
    ),
    failing=(
        Example(
            "Exports rose.[4]\n\nReferences\n[1] Ministry of Agriculture, Grain bulletin, 2024.\n"
        ),
        Example(
            "Yields fell (Okafor et al., 2021).\n\n"
            "References\nSmith, J. (2019). Soils. Agronomy Journal.\n"
        ),
    ),
)
