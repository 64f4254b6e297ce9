"""SL106 editor-flag: an editor's flag left in the text, such as [citation needed].

## What it does
Reports the bracketed flags editors and wikis put where a source is missing or doubtful:
`[citation needed]`, `[dubious]`, `[unreliable source?]`, `[better source needed]`,
`[according to whom?]`, ... (the list is data/editor_flags.txt).

## Why
The text itself admits that the sentence before the flag is unsourced or doubtful. Copied
into an article or report, the flag is also a sign of text lifted without checking.

## Example
```text
The bridge carries 40,000 vehicles a day.[citation needed]
```
Use instead: find a source and cite it, or cut the claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation
from sourcelint.terms import load_terms


@cache
def flag_pattern() -> re.Pattern[str]:
    """Any listed flag in square brackets, optionally followed by "– discuss" or a date."""
    flags = sorted(load_terms("editor_flags"), key=len, reverse=True)
    alternatives = "|".join(re.escape(flag).replace(r"\ ", r"\s+") for flag in flags)
    return re.compile(
        rf"\[\s*(?P<flag>{alternatives})(?:\s*[–—-]\s*discuss)?(?:\s*[,;]?\s*\w+\s+\d{{4}})?\s*\]",
        re.IGNORECASE,
    )


def check(evidence: Evidence) -> Iterator[Violation]:
    """One violation per flag."""
    code = evidence.document.code_spans
    for match in flag_pattern().finditer(evidence.document.text):
        if any(start <= match.start() < end for start, end in code):
            continue  # `[citation needed]` quoted as code is an example, not a flag
        yield Violation(
            match.start(),
            match.end(),
            f"editor's flag {match.group(0)!r} left in the text: the claim before it lacks a "
            "reliable source",
        )


RULE = Rule(
    code="SL106",
    name="editor-flag",
    severity=Severity.WARNING,
    summary="Editor's flag such as [citation needed] left in the text",
    check=check,
    doc=__doc__ or "",
    passing=(Example("The bridge carries 40,000 vehicles a day [the city says]."),),
    failing=(
        Example("The bridge carries 40,000 vehicles a day.[citation needed]"),
        Example("It opened in 1887.[dubious – discuss]"),
    ),
)
