"""SL201 quote-without-speaker: a direct quotation nobody is named as saying.

## What it does
Reports each quotation for which no speaker can be found: no reporting verb with a subject next
to it ("she said", "said Jane Doe"), no "according to", no colon after a name, no dash credit,
and no attributed quotation just before it that it continues.

## Why
A quotation is evidence only when the reader knows whose words they are. Unattributed words in
quotation marks cannot be checked against anyone.

## Default
Off: run it with `--select SL201`. 0 of 141 findings on 95 real pages judged right: on real pages
the speaker is almost always named somewhere the extractor does not yet reach (judged blind,
`tests/fixtures/rule_judgments/`); it returns to the default set when a fresh judgment reaches 80%.

## Example
```text
The minister left the room. Later, outside: "We will never sign this agreement."
```
Use instead: `"We will never sign this agreement," the minister, Jane Doe, told reporters.`
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation


def _excerpt(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def check(evidence: Evidence) -> Iterator[Violation]:
    """One violation per quotation whose speaker is unknown."""
    for quote in evidence.quotes:
        if quote.speaker is None:
            yield Violation(
                quote.start,
                quote.end,
                f"no speaker found for the quotation '{_excerpt(quote.text)}'",
            )


RULE = Rule(
    code="SL201",
    name="quote-without-speaker",
    severity=Severity.WARNING,
    summary="Direct quotation with no speaker",
    check=check,
    doc=__doc__ or "",
    passing=(
        Example('"We will never sign this agreement," Defense Minister Jane Doe said.\n'),
        Example("Jane Doe spoke after the vote.\n\n> We will never sign it.\n\n— Jane Doe\n", "md"),
    ),
    failing=(
        Example(
            'The minister left the room. Later, outside: "We will never sign this agreement."\n'
        ),
    ),
    default=False,
)
