"""SL401 unsourced-claim: a check-worthy factual sentence that carries no source.

## What it does
Scores every sentence with the shipped check-worthiness model (a TF-IDF logistic regression
trained on ClaimBuster; `claims[].checkworthy`) and reports those at or above the threshold
that carry no citation marker, no link, no attribution that names a source ("according to the
UN", "the ministry said", "data from the census show") and no quotation with a named speaker.
Sentences with a vague attribution ("experts say") are SL402's; headings are skipped. The
threshold defaults to the model's, chosen for precision 0.8 on the project's article set;
`--claim-threshold` or `claim-threshold` in the configuration changes it, and
`claim-sources = "paragraph"` lets a source anywhere in the paragraph cover its sentences.

## Why
The core question of an evidence linter: which checkable statements rest on nothing? Troop
movements, counts, votes and dates of events can be checked only if the text says where they
come from. Opinions, calls to action, questions and predictions score low and are left alone.

## Default
Off: run it with `--select SL401`. 65 of 193 findings on real pages judged right: a source named in
the paragraph, the outlet's own reporting of the event it covers, and datelines, lists and scores
that are no claims (judged blind, `tests/fixtures/rule_judgments/`); it returns to the default set
when a fresh judgment reaches 80%.

## Example
```text
Varnia moved two armoured brigades to within 30 kilometres of the border on Wednesday.
```
Use instead: `… on Wednesday, the defence ministry said.`
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcelint.extract.attributions import find_vague_attributions
from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation
from sourcelint.rules.claims._common import checkworthy_claims, paragraph_sourced


def check(evidence: Evidence) -> Iterator[Violation]:
    """One violation per check-worthy sentence without a source."""
    covered = paragraph_sourced(evidence)
    text = evidence.document.text
    for claim in checkworthy_claims(evidence):
        if claim.sourced_by or claim.id in covered:
            continue
        if find_vague_attributions(text, claim.start, claim.end):
            continue
        yield Violation(
            claim.start,
            claim.end,
            f"check-worthy claim ({claim.checkworthy:.2f}) carries no source (no marker, "
            "link, attribution or named speaker)",
        )


RULE = Rule(
    code="SL401",
    name="unsourced-claim",
    severity=Severity.WARNING,
    summary="Check-worthy sentence with no marker, link, attribution or named speaker",
    check=check,
    doc=__doc__ or "",
    passing=(
        Example(
            "Varnia moved two armoured brigades to within 30 kilometres of the border on "
            "Wednesday, the defence ministry said.\n"
        ),
        Example("We should all be kinder to our neighbours. Who would disagree?\n"),
    ),
    failing=(
        Example(
            "Varnia moved two armoured brigades to within 30 kilometres of the border on "
            "Wednesday.\n"
        ),
    ),
    default=False,
)
