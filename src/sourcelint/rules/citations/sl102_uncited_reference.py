"""SL102 uncited-reference: a reference entry that no marker cites.

## What it does
Reports entries of a reference list or footnote section that no citation in the text points
to. To stay quiet on general reading lists, it speaks only about lists the document does
cite from (at least one other entry is cited) and about Markdown footnote definitions, never
about a "Further reading" list. An
entry that a note cites in short form ("Parker and Van Alstyne (2005), p. 1498" in a note, for
the bibliography's "Geoffrey Parker and Marshall Van Alstyne (2005). …") is cited.

## Why
An entry nobody cites is often the trace of a sentence cut in editing, or of a marker that
went missing: the claim it supported may now stand bare somewhere else in the text.

## Example
```text
Exports rose.[1]

References
[1] Ministry of Agriculture, "Grain bulletin", 2024.
[2] Port authority, "Monthly tonnage", 2024.
```
Use instead: cite entry 2 where it supports the text, or remove it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from sourcelint.extract.references import label_namespace, offered_for_reading
from sourcelint.model import Reference, Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation


def check(evidence: Evidence) -> Iterator[Violation]:
    """One violation per uncited entry of a list the document cites from."""
    cited = {citation.reference for citation in evidence.citations if citation.reference}
    cited_lists = {ref.list_id for ref in evidence.references if ref.id in cited}
    cited_labels = {
        (label_namespace(ref), ref.label) for ref in evidence.references if ref.id in cited
    }
    markdown = evidence.document.format == "md"
    for reference in evidence.references:
        if reference.label is None:
            continue  # no label, no author and year: nothing could cite it (SL103's concern)
        if offered_for_reading(reference):
            continue  # "Further reading": offered for reading, not waiting to be cited
        if reference.id in cited or (label_namespace(reference), reference.label) in cited_labels:
            continue  # a duplicate label is SL105's finding, not this one
        if _cited_by_a_note(reference, evidence.references):
            continue
        if reference.list_id in cited_lists or (markdown and reference.structural):
            label = f" {reference.label}" if reference.label else ""
            yield Violation(
                reference.entry_start, reference.end, f"reference entry{label} is never cited"
            )


def _cited_by_a_note(reference: Reference, references: Sequence[Reference]) -> bool:
    """Whether another entry cites this one in short form, as notes cite a bibliography
    ("Parker and Van Alstyne (2005), page 1498" for "Geoffrey Parker and Marshall Van Alstyne
    (2005). Two-Sided Network Effects …")."""
    key = reference.author_key
    if key is None or key.endswith("n.d."):
        return False
    name, _, year = key.rpartition(" ")
    short = re.compile(
        rf"(?<!\w){re.escape(name)}(?!\w)[^\n]{{0,80}}?(?<!\d){re.escape(year)}(?!\d)"
    )
    return any(
        other.id != reference.id and other.list_id != reference.list_id and short.search(other.text)
        for other in references
    )


RULE = Rule(
    code="SL102",
    name="uncited-reference",
    severity=Severity.WARNING,
    summary="Reference entry never cited",
    check=check,
    doc=__doc__ or "",
    passing=(
        Example(
            "Exports rose.[1]\n\nReferences\n[1] Ministry of Agriculture, Grain bulletin, 2024.\n"
        ),
        Example("Further reading\n\nSmith, J. (2019). Soils. Agronomy Journal.\n"),
    ),
    failing=(
        Example(
            "Exports rose.[1]\n\nReferences\n[1] Ministry of Agriculture, Grain bulletin, 2024.\n"
            "[2] Port authority, Monthly tonnage, 2024.\n"
        ),
        Example("Exports rose.\n\n[^1]: Ministry of Agriculture, *Grain bulletin*, 2024.\n", "md"),
    ),
)
