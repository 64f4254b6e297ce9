"""SL203 unbalanced-quote-mark: a quotation mark that opens or closes nothing.

## What it does
Reports an opening mark whose paragraph ends without a closing mark (unless the next paragraph
opens with a mark, the convention for quotations over several paragraphs), and a closing mark
with no opening mark before it. Inch and second marks after a number (12") are left alone.
The rest of the document is analysed as usual.

## Why
An unclosed quotation leaves the reader unsure where someone's words end and the writer's
begin; it is also where a quotation was cut or pasted wrongly.

## Default
Off: run it with `--select SL203`. 2 of 15 findings on 95 real pages judged right: inch marks,
markup and doubled closing marks (judged blind, `tests/fixtures/rule_judgments/`); it returns to
the default set when a fresh judgment reaches 80%.

## Example
```text
Doe said: “The harvest was the worst in a decade. Prices will rise.
```
Use instead: close the quotation: `… Prices will rise.”`
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation


def check(evidence: Evidence) -> Iterator[Violation]:
    """One violation per quotation mark that pairs with nothing."""
    text = evidence.document.text
    for stray in evidence.stray_marks:
        before = text[stray.offset - 1] if stray.offset else " "
        after = text[stray.offset + 1] if stray.offset + 1 < len(text) else " "
        opening = stray.mark in "“„«‟" or (
            stray.mark == '"' and (before.isspace() or not after.isspace())
        )
        what = "opens a quotation that is never closed" if opening else "closes no quotation"
        yield Violation(stray.offset, stray.offset + 1, f"quotation mark {stray.mark} {what}")


RULE = Rule(
    code="SL203",
    name="unbalanced-quote-mark",
    severity=Severity.WARNING,
    summary="Quotation mark with no partner",
    check=check,
    doc=__doc__ or "",
    passing=(
        Example("Doe said: “The harvest was the worst in a decade.”\n"),
        Example("“It goes on.\n\n“And ends here,” Doe said.\n"),
    ),
    failing=(
        Example("Doe said: “The harvest was the worst in a decade. Prices will rise.\n"),
        Example("The harvest was the worst in a decade,” Doe said.\n"),
    ),
    default=False,
)
