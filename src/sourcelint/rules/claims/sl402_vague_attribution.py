"""SL402 vague-attribution: a claim attributed to no one a reader could check.

## What it does
Reports "experts say", "studies show", "sources said", "critics argue", "it is widely
reported", "according to officials" and similar phrasings (data/vague_attributions.txt) in
sentences that name no source besides: no marker, link, named attribution or named speaker.
One finding per sentence, at the phrase.

## Why
A vague attribution sounds like a source and is none: which experts, which studies? It lends
a claim authority it has not earned, and a reader cannot follow it up.

## Default
Off: run it with `--select SL402`. 71 of 130 findings on real pages judged right: 'social media' as
a topic, 'allegedly' with the accuser named, and vague words followed at once by a named source
(judged blind, `tests/fixtures/rule_judgments/`); it returns to the default set when a fresh
judgment reaches 80%.

## Example
```text
Experts say the dam will fail within a decade.
```
Use instead: `Hydrologist Ana Ruiz of the Kestrel Institute says the dam …` or add a marker.
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcelint.extract.attributions import find_vague_attributions
from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation
from sourcelint.rules.claims._common import body_claims


def check(evidence: Evidence) -> Iterator[Violation]:
    """One violation per sentence whose only attribution is a vague one."""
    text = evidence.document.text
    for claim in body_claims(evidence):
        if claim.sourced_by:
            continue
        vague = find_vague_attributions(text, claim.start, claim.end)
        if vague:
            phrase = vague[0]
            yield Violation(
                phrase.start,
                phrase.end,
                f"vague attribution {phrase.text!r}: name who says it, or cite it",
            )


RULE = Rule(
    code="SL402",
    name="vague-attribution",
    severity=Severity.WARNING,
    summary='Claim attributed to no one checkable ("experts say", "studies show")',
    check=check,
    doc=__doc__ or "",
    passing=(
        Example("Hydrologist Ana Ruiz of the Kestrel Institute said the dam is at risk.\n"),
        Example("Experts say the dam is at risk.[1]\n\n1. Kestrel Institute, Dam safety review.\n"),
    ),
    failing=(Example("Experts say the dam will fail within a decade.\n"),),
    default=False,
)
