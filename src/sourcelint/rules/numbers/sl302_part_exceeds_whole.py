"""SL302 part-exceeds-whole: a part larger than its whole, or shares of one whole that add up
to more than 100%.

## What it does
Reports a figure that is part of another ("2,000 of them children", "40 of its 130 trains",
"including 610 families") when it is larger than that whole in the same unit, and a set of
percentages that are shares of one whole (parts of the same figure, or shares of the same
counted thing listed in one sentence) when they sum past 100%. Shares printed with a bound
("more than 40%") or as changes ("up 5%") are not summed; rounding is allowed half a point per
share.

## Why
A part cannot exceed its whole: one of the two figures is wrong, or the text links them
wrongly. Either way a reader who repeats them repeats a contradiction.

## Default
Off: run it with `--select SL302`. 0 of 1 finding on 82 real pages judged right (judged blind,
`tests/fixtures/rule_judgments/`); it returns to the default set when a fresh judgment reaches 80%.

## Example
```text
Some 1,200 people were evacuated, 1,500 of them children.
```
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from sourcelint.extract.quantities import claims_by_quantity
from sourcelint.model import Quantity, Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation

_SHARE_UNITS = ("percent",)


def _plain(quantity: Quantity) -> bool:
    return (
        quantity.value is not None
        and quantity.value_high is None
        and quantity.change is None
        and quantity.rate is None
    )


def check(evidence: Evidence) -> Iterator[Violation]:
    """Parts above their wholes; shares of one whole past 100%."""
    by_id = {quantity.id: quantity for quantity in evidence.quantities}
    shares: dict[tuple[str, ...], list[Quantity]] = defaultdict(list)
    for quantity in evidence.quantities:
        whole = by_id.get(quantity.part_of or "")
        if whole is not None and _plain(quantity) and _plain(whole):
            assert quantity.value is not None and whole.value is not None
            if (
                quantity.unit == whole.unit
                and quantity.unit not in _SHARE_UNITS
                and quantity.value > whole.value
                and quantity.qualifier is None
            ):
                yield Violation(
                    quantity.start,
                    quantity.end,
                    f"part {quantity.text!r} is larger than its whole {whole.text!r}",
                )
        if (
            quantity.unit in _SHARE_UNITS
            and _plain(quantity)
            and quantity.qualifier is None
            and whole is not None
        ):
            shares[("whole", whole.id)].append(quantity)
    claims = claims_by_quantity(evidence.claims)
    for quantity in evidence.quantities:
        if (
            quantity.unit in _SHARE_UNITS
            and _plain(quantity)
            and quantity.qualifier is None
            and quantity.part_of is None
            and quantity.counted is not None
        ):
            claim = claims.get(quantity.id)
            key = ("counted", claim.id if claim else "", quantity.counted, quantity.as_of or "")
            shares[key].append(quantity)
    for group in shares.values():
        if len(group) < 2:
            continue
        total = sum(quantity.value or 0 for quantity in group)
        if total > 100 + 0.5 * len(group):
            first = group[0]
            listed = ", ".join(quantity.text for quantity in group)
            yield Violation(
                first.start,
                group[-1].end,
                f"shares of one whole add up to {total:g}% ({listed})",
            )


RULE = Rule(
    code="SL302",
    name="part-exceeds-whole",
    severity=Severity.WARNING,
    summary="A part larger than its whole, or shares of one whole summing past 100%",
    check=check,
    doc=__doc__ or "",
    passing=(
        Example("Some 1,200 people were evacuated, 500 of them children.\n"),
        Example("Of the 900 voters polled, 48% backed the plan and 45% opposed the plan.\n"),
    ),
    failing=(
        Example("Some 1,200 people were evacuated, 1,500 of them children.\n"),
        Example(
            "Of the voters polled, 58% of voters backed the plan and 55% of voters opposed it.\n"
        ),
    ),
    default=False,
)
