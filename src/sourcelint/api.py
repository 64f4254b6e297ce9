"""The library entry points: `scan` for a path or a text, `analyze` for a Document.

The CLI is a thin shell over these. Each stage is a pure function of the previous one:
reader -> extractors (citations and references, credits; then the sentence pass) -> rules
-> findings.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sourcelint.config import Settings
from sourcelint.document import Document
from sourcelint.extract.citations import extract_citations
from sourcelint.extract.claims import extract_claims, prose_spans, score_claims
from sourcelint.extract.credits import extract_credits
from sourcelint.extract.quantities import extract_quantities, link_quantities
from sourcelint.extract.quotes import extract_quotes, link_quotes
from sourcelint.model import Analysis, Finding
from sourcelint.readers import read_path, read_text_as
from sourcelint.readers.decoding import normalize_newlines
from sourcelint.rules.base import Evidence, Rule, Violation
from sourcelint.rules.registry import RULES
from sourcelint.suppress import apply_suppressions, inline_suppressions


def extract(document: Document, *, progress: Callable[[int], None] | None = None) -> Evidence:
    """Run every extractor on a document."""
    citations, references = extract_citations(document)
    prose = prose_spans(document, references)
    claims = extract_claims(document, citations, references, progress=progress, prose=prose)
    markers = [(citation.start, citation.end) for citation in citations]
    quoted = extract_quotes(document, claims, references, prose=prose, markers=markers)
    claims = link_quotes(claims, quoted.quotes)
    claims = score_claims(claims, document.text)
    quantities = extract_quantities(document, claims, markers=markers)
    claims = link_quantities(claims, quantities)
    return Evidence(
        document=document,
        citations=tuple(citations),
        references=tuple(references),
        claims=tuple(claims),
        credits=tuple(extract_credits(document)),
        quotes=quoted.quotes,
        stray_marks=quoted.stray_marks,
        quantities=tuple(quantities),
    )


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(message: str) -> str:
    """A message safe for a terminal or a CI log: control characters from the document
    (escape sequences, bidirectional overrides) are shown as \\uXXXX, never sent."""
    one_line = " ".join(message.split())  # a finding is one line, whatever the text wraps
    return _CONTROL.sub(lambda match: f"\\u{ord(match.group(0)):04x}", one_line)


def to_finding(document: Document, rule: Rule, violation: Violation) -> Finding:
    """A rule's violation as a located, immutable finding."""
    if violation.source_offset is not None:
        line, col = document.lines.locate(violation.source_offset)
        end_line, end_col = line, col
    else:
        line, col = document.locate(violation.start)
        end_line, end_col = document.locate(violation.end)
    return Finding(
        code=rule.code,
        severity=rule.severity,
        message=printable(violation.message),
        start=violation.start,
        end=violation.end,
        line=line,
        col=col,
        end_line=end_line,
        end_col=end_col,
    )


def check(evidence: Evidence, settings: Settings) -> list[Finding]:
    """Run the enabled rules and drop what the document's comments silence."""
    evidence = replace(
        evidence,
        claim_threshold=settings.claim_threshold,
        paragraph_sources=settings.claim_sources == "paragraph",
    )
    document = evidence.document
    findings = [
        to_finding(document, rule, violation)
        for rule in RULES
        if settings.enabled(rule.code, default=rule.default)
        for violation in rule.check(evidence)
    ]
    findings = apply_suppressions(findings, inline_suppressions(document))
    return sorted(findings, key=lambda finding: (finding.line, finding.col, finding.code))


def analyze(
    document: Document,
    *,
    settings: Settings | None = None,
    progress: Callable[[int], None] | None = None,
) -> Analysis:
    """Everything sourcelint finds in a document."""
    evidence = extract(document, progress=progress)
    findings = check(evidence, settings or Settings())
    return Analysis(
        path=document.path,
        format=document.format,
        title=document.title,
        date=document.date,
        title_source=document.title_source,
        date_source=document.date_source,
        citations=evidence.citations,
        references=evidence.references,
        claims=evidence.claims,
        findings=tuple(findings),
        quotes=tuple(
            replace(quote, line=line, col=col)
            for quote in evidence.quotes
            for line, col in [document.locate(quote.start)]
        ),
        quantities=tuple(
            replace(quantity, line=line, col=col)
            for quantity in evidence.quantities
            for line, col in [document.locate(quantity.start)]
        ),
    )


def _names_a_file(text: str) -> bool:
    if "\n" in text or "\r" in text or len(text) >= 4096:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False  # too long a name for the file system, or a NUL in it: text, not a path


def scan(
    path_or_text: str | os.PathLike[str],
    *,
    format: str | None = None,
    config: Settings | None = None,
) -> Analysis:
    """Scan a file or a text.

    A `pathlib.Path` (or any path-like) is read from disk, and so is a one-line string that
    names an existing file; any other string is the document's text itself (plain text
    unless `format` says "md" or "html"). Raises SourcelintError for input that cannot be read.
    """
    if isinstance(path_or_text, os.PathLike) or _names_a_file(path_or_text):
        document = read_path(Path(path_or_text), format=format)
    else:
        text = normalize_newlines(path_or_text)
        document = read_text_as(text, path="<text>", format=format or "txt")
    return analyze(document, settings=config)
