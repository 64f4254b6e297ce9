"""SL304 conflicting-statistic: the same thing counted with different values in one document
for the same date.

## What it does
Reports a figure that counts the same thing as an earlier one for the same date (the same
counted noun, unit, rate and a known, equal as-of date, in another sentence) with a value that
disagrees with it: beyond 0.5% when both are exact, beyond 15% when either is approximate
("about", "nearly"), or on the wrong side of a bound ("more than 1,000" against 900). Changes,
ranges, parts, vague counts and levels of a comparison are not compared, and two figures whose
sentences name different places, people or bodies are taken to count different things.

## Why
A document that gives two values for one figure contradicts itself; a reader cannot tell
which to repeat, and one of them is usually a typo or a stale copy.

## Default
Off: run it with `--select SL304`. 0 of 1 finding on 82 real pages judged right (judged blind,
`tests/fixtures/rule_judgments/`); it returns to the default set when a fresh judgment reaches 80%.

## Example
```text
The harvest reached 18,000 tonnes of grain in 2024.

Officials later put the harvest at 81,000 tonnes of grain in 2024.
```
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from sourcelint.extract.quantities import claims_by_quantity
from sourcelint.model import Claim, Quantity, Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation

EXACT_TOLERANCE = 0.005
APPROX_TOLERANCE = 0.15
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z][\w'’-]*")


def _names(claim: Claim | None) -> frozenset[str]:
    """Capitalised words after the first, the sentence's proper names (rough, and enough)."""
    if claim is None:
        return frozenset()
    return frozenset(match.group(0) for match in _NAME.finditer(claim.text))


def _agree(first: Quantity, second: Quantity) -> bool:
    assert first.value is not None and second.value is not None
    low, high = sorted((first.value, second.value))
    if high == 0:
        return True
    gap = (high - low) / high
    if first.approx == "exact" and second.approx == "exact":
        return gap <= EXACT_TOLERANCE
    for bound, other in ((first, second), (second, first)):
        assert bound.value is not None and other.value is not None
        if bound.approx == "at_least" and other.approx == "exact":
            return other.value >= bound.value * (1 - EXACT_TOLERANCE)
        if bound.approx == "at_most" and other.approx == "exact":
            return other.value <= bound.value * (1 + EXACT_TOLERANCE)
    return gap <= APPROX_TOLERANCE


def check(evidence: Evidence) -> Iterator[Violation]:
    """A violation at each figure that disagrees with an earlier one of the same thing."""
    claim_of = claims_by_quantity(evidence.claims)
    groups: dict[tuple[str | None, ...], list[Quantity]] = defaultdict(list)
    for quantity in evidence.quantities:
        if (
            quantity.counted is None
            or quantity.as_of is None
            or quantity.value is None
            or quantity.value_high is not None
            or quantity.change is not None
            or quantity.part_of is not None
        ):
            continue
        key = (quantity.counted, quantity.unit, quantity.rate, quantity.as_of)
        groups[key].append(quantity)
    for group in groups.values():
        for index, later in enumerate(group):
            later_claim = claim_of.get(later.id)
            for earlier in group[:index]:
                earlier_claim = claim_of.get(earlier.id)
                if earlier_claim is not None and earlier_claim is later_claim:
                    continue
                names, other_names = _names(earlier_claim), _names(later_claim)
                if names and other_names and not names & other_names:
                    continue
                if not _agree(earlier, later):
                    yield Violation(
                        later.start,
                        later.end,
                        f"{later.text!r} counts {later.counted!r} differently from "
                        f"{earlier.text!r} earlier in the document"
                        + f" (both as of {later.as_of})",
                    )
                    break


RULE = Rule(
    code="SL304",
    name="conflicting-statistic",
    severity=Severity.WARNING,
    summary="The same thing counted with different values for the same date",
    check=check,
    doc=__doc__ or "",
    passing=(
        Example(
            "The harvest reached 18,000 tonnes of grain in 2024.\n\n"
            "Officials later put the harvest at about 18,200 tonnes of grain in 2024.\n"
        ),
        Example(
            "Greens won 19 seats in Harlow in 2024.\n\nLabour won 16 seats in Danbury in 2024.\n"
        ),
        Example(
            "The harvest reached 18,000 tonnes of grain.\n\n"
            "It was 81,000 tonnes of grain in 1990.\n"
        ),
    ),
    failing=(
        Example(
            "The harvest reached 18,000 tonnes of grain in 2024.\n\n"
            "Officials later put the harvest at 81,000 tonnes of grain in 2024.\n"
        ),
    ),
    default=False,
)
