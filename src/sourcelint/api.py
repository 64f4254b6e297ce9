"""The library entry points: `scan` for a path or a text, `analyze` for a Document.

The CLI is a thin shell over these. Each stage is a pure function of the previous one:
reader -> extractors (citations and references, credits; then the sentence pass) -> rules
-> findings.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from functools import partial
from pathlib import Path

from sourcelint.config import Settings
from sourcelint.display import printable
from sourcelint.document import Document
from sourcelint.extract.citations import extract_citations
from sourcelint.extract.claims import extract_claims, prose_spans, score_claims
from sourcelint.extract.credits import Credit, extract_credits
from sourcelint.extract.quantities import extract_quantities, link_quantities
from sourcelint.extract.quotes import QuoteScan, extract_quotes, link_quotes
from sourcelint.guard import Failure, Guard
from sourcelint.memory import release_free_memory
from sourcelint.model import Analysis, Citation, Claim, Finding, Quantity, Reference, Severity
from sourcelint.notebook import ScanResult
from sourcelint.readers import read_path, read_text_as
from sourcelint.readers.decoding import normalize_newlines
from sourcelint.record_table import RecordTable
from sourcelint.rules.base import Evidence, Rule, Violation
from sourcelint.rules.registry import RULES
from sourcelint.suppress import apply_suppressions, inline_suppressions


def extract(document: Document, *, progress: Callable[[int], None] | None = None) -> Evidence:
    """Run every extractor on a document, each under a guard: a stage that raises leaves its
    result empty and one failure in `Evidence.failures`, and the others still run."""
    guard = Guard()
    citations: Sequence[Citation] = ()
    references: list[Reference] = []
    citations, references = guard.run(
        "the citation extractor", lambda: extract_citations(document), (citations, references)
    )
    release_free_memory(len(document.text))
    prose = guard.run("the prose reader", lambda: prose_spans(document, references), None)
    claims: Sequence[Claim] = ()
    claims = guard.run(
        "the sentence pass",
        lambda: extract_claims(document, citations, references, progress=progress, prose=prose),
        claims,
    )
    release_free_memory(len(document.text))
    quoted = guard.run(
        "the quotation extractor",
        lambda: extract_quotes(
            document, claims, references, prose=prose, markers=_spans(citations)
        ),
        QuoteScan((), ()),
    )
    release_free_memory(len(document.text))
    claims = guard.run("the quotation linker", lambda: link_quotes(claims, quoted.quotes), claims)
    claims = guard.run(
        "the check-worthiness model", lambda: score_claims(claims, document.text), claims
    )
    release_free_memory(len(document.text))
    quantities: Sequence[Quantity] = ()
    quantities = guard.run(
        "the statistics extractor",
        lambda: extract_quantities(document, claims, markers=_spans(citations)),
        quantities,
    )
    claims = guard.run("the statistics linker", lambda: link_quantities(claims, quantities), claims)
    release_free_memory(len(document.text))
    credits: list[Credit] = []
    credits = guard.run("the credit reader", lambda: extract_credits(document), credits)
    return Evidence(
        document=document,
        citations=citations,
        references=tuple(references),
        claims=claims,
        credits=tuple(credits),
        quotes=quoted.quotes,
        stray_marks=quoted.stray_marks,
        quantities=quantities,
        failures=tuple(guard.failures),
    )


def _located(document: Document, quantities: Sequence[Quantity]) -> Sequence[Quantity]:
    """The quantities with the line, column and page of each (a table gets new columns)."""
    spans = _spans(quantities)
    places = [document.locate(start) for start, _ in spans]
    lines, cols = [line for line, _ in places], [col for _, col in places]
    pages = [document.page(start) for start, _ in spans]
    if isinstance(quantities, RecordTable):
        return quantities.with_columns(line=lines, col=cols, page=pages)
    return tuple(
        replace(quantity, line=line, col=col, page=page)
        for quantity, line, col, page in zip(quantities, lines, cols, pages, strict=True)
    )


def _spans(records: Sequence[Citation] | Sequence[Quantity]) -> Sequence[tuple[int, int]]:
    """The records' spans: a view of a table's offsets, or a list."""
    if isinstance(records, RecordTable):
        return records.spans()
    return [(record.start, record.end) for record in records]


def to_finding(document: Document, rule: Rule, violation: Violation) -> Finding:
    """A rule's violation as a located, immutable finding."""
    if violation.source_offset is not None:
        line, col = document.locate_source(violation.source_offset)
        end_line, end_col = line, col
        page = document.page_of_source(violation.source_offset)
    else:
        line, col = document.locate(violation.start)
        end_line, end_col = document.locate(violation.end)
        if end_line == line:
            end_line = line  # one int object, not two: a large document has many findings
        page = document.page(violation.start)
    return Finding(
        code=rule.code,
        severity=rule.severity,
        message=sys.intern(printable(violation.message)),  # a rule repeats its messages
        start=violation.start,
        end=violation.end,
        line=line,
        col=col,
        end_line=end_line,
        end_col=end_col,
        page=page,
        paragraph=line if document.format == "docx" else None,
    )


def check(evidence: Evidence, settings: Settings) -> list[Finding]:
    """Run the enabled rules and drop what the document's comments silence. A rule that
    raises costs its own findings only: it becomes one SL999 finding, as does each
    extractor's failure."""
    evidence = replace(
        evidence,
        claim_threshold=settings.claim_threshold,
        paragraph_sources=settings.claim_sources == "paragraph",
    )
    document = evidence.document
    guard = Guard()
    findings: list[Finding] = []
    for rule in RULES:
        if settings.enabled(rule.code, default=rule.default):
            found: list[Finding] = []
            findings += guard.run(
                f"rule {rule.code} {rule.name}",
                partial(_rule_findings, document, rule, evidence),
                found,
            )
    findings = apply_suppressions(findings, inline_suppressions(document))
    findings += [
        failure_finding(document, failure) for failure in (*evidence.failures, *guard.failures)
    ]
    return sorted(
        findings, key=lambda finding: (finding.page or 0, finding.line, finding.col, finding.code)
    )


def _rule_findings(document: Document, rule: Rule, evidence: Evidence) -> list[Finding]:
    return [to_finding(document, rule, violation) for violation in rule.check(evidence)]


def failure_finding(document: Document, failure: Failure) -> Finding:
    """A stage's failure as an SL999 finding at the offset it was working at."""
    offset = min(max(failure.offset, 0), len(document.text))
    line, col = document.locate(offset)
    return Finding(
        code="SL999",
        severity=Severity.ERROR,
        message=printable(failure.message),
        start=offset,
        end=offset,
        line=line,
        col=col,
        end_line=line,
        end_col=col,
        page=document.page(offset),
        paragraph=line if document.format == "docx" else None,
    )


def analyze(
    document: Document,
    *,
    settings: Settings | None = None,
    progress: Callable[[int], None] | None = None,
) -> Analysis:
    """Everything sourcelint finds in a document."""
    evidence = extract(document, progress=progress)
    findings = check(evidence, settings or Settings())
    release_free_memory(len(document.text))
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
            replace(quote, line=line, col=col, page=document.page(quote.start))
            for quote in evidence.quotes
            for line, col in [document.locate(quote.start)]
        ),
        quantities=_located(document, evidence.quantities),
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
) -> ScanResult:
    """Scan a file or a text.

    A `pathlib.Path` (or any path-like) is read from disk, and so is a one-line string that
    names an existing file; any other string is the document's text itself (plain text
    unless `format` says "md" or "html"). Raises SourcelintError for input that cannot be read.
    The result is an Analysis that, in a notebook, shows the evidence map and gives data
    frames (`to_pandas()`).
    """
    if isinstance(path_or_text, os.PathLike) or _names_a_file(path_or_text):
        document = read_path(Path(path_or_text), format=format)
    else:
        text = normalize_newlines(path_or_text)
        document = read_text_as(text, path="<text>", format=format or "txt")
    analysis = analyze(document, settings=config)
    values = {item.name: getattr(analysis, item.name) for item in fields(Analysis)}
    return ScanResult(**values, document=document)
