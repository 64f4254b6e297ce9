"""SL902 invalid-utf8: bytes that are not valid UTF-8 were replaced.

## What it does
Reports a file that is neither valid UTF-8 nor marked with a byte-order mark or an HTML
charset declaration. The undecodable bytes become U+FFFD and the scan carries on; the finding
points at the first of them.

## Why
Replaced characters can hide a name, a figure or a quotation mark, so quotes and numbers near
them may be misread. Usually the file is in a legacy encoding such as Windows-1252.

## Example
A file saved as Windows-1252 with `caf\\xe9` in it.
Use instead: save the file as UTF-8 (or declare its charset in HTML).
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcelint.model import Severity
from sourcelint.rules.base import Evidence, Example, Rule, Violation, reader_problems


def check(evidence: Evidence) -> Iterator[Violation]:
    """The reader's SL902 problem, if any."""
    return reader_problems(evidence, "SL902")


RULE = Rule(
    code="SL902",
    name="invalid-utf8",
    severity=Severity.WARNING,
    summary="Undecodable bytes replaced",
    check=check,
    doc=__doc__ or "",
    passing=(Example("Caf\u00e9 owners said so.".encode()),),
    failing=(Example(b"Caf\xe9 owners said so."),),
)
