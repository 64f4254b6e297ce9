"""SL903 empty-document: the document has no readable text.

## What it does
Reports an empty file, a file of white space, or an HTML page whose main content holds no
text once scripts, navigation and boilerplate are set aside.

## Why
Nothing was checked, and a clean report would say otherwise. An HTML page that renders its
article with JavaScript is the usual cause: save the rendered page, or its text, instead.

## Example
An empty `article.txt`.
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation


def check(evidence: Evidence) -> Iterator[Violation]:
    """A violation at the start when the text is empty."""
    document = evidence.document
    if not document.text.strip():
        kind = (
            "HTML page has no readable text in its main content"
            if document.format == "html"
            else "document is empty"
        )
        yield Violation(0, 0, kind, 0)


RULE = Rule(
    code="SL903",
    name="empty-document",
    severity=Severity.WARNING,
    summary="Document has no readable text",
    check=check,
    doc=__doc__ or "",
    passing=(Example("One sentence is enough."),),
    failing=(Example(""), Example("<html><body><script>render()</script></body></html>", "html")),
)
