"""SL303 stale-statistic: a figure whose as-of date is more than 90 days before the document's
date.

## What it does
In a dated document, reports a statistic (see SL301 for which figures count) whose `as_of`
date, read from its sentence ("in 2022", "as of March 3", "last year"), ends more than 90 days
before the document's own date. A month counts from its last day and a year from 31 December,
so "in 2024" in a January 2025 article is not stale. The starting level of a stated change
("up from 1,845 GWh in January 2024") is history by design and is not reported; neither is a
figure that counts a past event the sentence dates ("in 1998, more than 200 people died":
the verb next to it is a past-tense verb of event, not of state like "had" or "stood at"),
nor anything in a document without a date of its own (metadata, front matter or dateline).

## Why
Figures go stale: a reader who repeats "12% unemployment" today should know it was measured
in 2022. The finding is information, not an error: older figures are often the latest there
are, and saying so is the fix.

## Default
Off: run it with `--select SL303`. 8 of 26 findings on 82 real pages judged right: history and
baselines, and misread dates (judged blind, `tests/fixtures/rule_judgments/`); it returns to the
default set when a fresh judgment reaches 80%.

## Example
```markdown
---
date: 2025-09-18
---
The region had 48,000 dairy cows in 2022.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcelint.extract.dates import parse_iso, period_end
from sourcelint.extract.quantities import is_statistic
from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation

STALE_AFTER_DAYS = 90


def check(evidence: Evidence) -> Iterator[Violation]:
    """One violation per stale statistic."""
    published = parse_iso(evidence.document.date)
    if published is None:
        return
    for quantity in evidence.quantities:
        if quantity.as_of is None or not is_statistic(quantity):
            continue
        if (quantity.change or "").endswith("_from") or quantity.past_event:
            continue
        end = period_end(quantity.as_of)
        if end is None:
            continue
        age = (published - end).days
        if age > STALE_AFTER_DAYS:
            yield Violation(
                quantity.start,
                quantity.end,
                f"{quantity.text!r} is as of {quantity.as_of}, {age} days before the "
                f"document's date ({published.isoformat()})",
            )


RULE = Rule(
    code="SL303",
    name="stale-statistic",
    severity=Severity.INFO,
    summary="Statistic dated more than 90 days before the document",
    check=check,
    doc=__doc__ or "",
    passing=(
        Example("---\ndate: 2025-09-18\n---\nThe region had 48,000 dairy cows in August.\n", "md"),
        Example("The region had 48,000 dairy cows in 2022.\n"),
        Example(
            "---\ndate: 2025-09-18\n---\nIn 1998, more than 200 people died in the floods.\n", "md"
        ),
    ),
    failing=(
        Example("---\ndate: 2025-09-18\n---\nThe region had 48,000 dairy cows in 2022.\n", "md"),
    ),
    default=False,
)
