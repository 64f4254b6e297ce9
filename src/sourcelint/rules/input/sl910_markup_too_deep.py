"""SL910 markup-too-deep: an HTML page nested deeper than the parser reads.

## What it does
Reports a page whose elements nest about 2,000 levels deep or more. The HTML parser (libxml2)
stops following nesting near 2,048 levels, so whatever lies deeper is not read; the scan
carries on with the rest.

## Why
Citations and claims inside the unread part are missing from the report, and a clean result
would overstate what was checked. Real articles never nest this deep: the page is generated
badly, or built to hide text from tools.

## Example
A page of 3,000 nested `<div>` elements around a paragraph.
Use instead: save the article's text or a cleaned copy of the page.
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation, reader_problems


def _nested(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + "<p>Deep text.</p>" + "</div>" * depth


def check(evidence: Evidence) -> Iterator[Violation]:
    """The reader's SL910 problem, if any."""
    return reader_problems(evidence, "SL910")


RULE = Rule(
    code="SL910",
    name="markup-too-deep",
    severity=Severity.WARNING,
    summary="HTML nested deeper than the parser reads",
    check=check,
    doc=__doc__ or "",
    passing=(
        Example("<html><body>" + "<div>" * 200 + "<p>Deep text.</p>" + "</div>" * 200, "html"),
    ),
    failing=(
        Example("<html><body>" + "<div>" * 3000 + "<p>Deep text.</p>" + "</div>" * 3000, "html"),
    ),
)
