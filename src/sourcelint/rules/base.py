"""What a rule is: a stable code, a kebab-case name, a severity, a check, and examples.

A rule's module docstring is its documentation (What it does / Why / Example); the docs in
docs/rules.md and `sourcelint rule CODE` are generated from it. Every rule carries at least
one passing and one failing example document, and tests run them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from sourcelint.document import Document
from sourcelint.extract.credits import Credit
from sourcelint.extract.quote_marks import StrayMark
from sourcelint.guard import Failure
from sourcelint.model import Citation, Claim, Quantity, Quote, Reference, Severity


@dataclass(frozen=True, slots=True)
class Violation:
    """Where a rule found a problem, and what to say; the engine turns it into a Finding.

    `source_offset` overrides the location when the problem is in markup, not in the text.
    """

    start: int
    end: int
    message: str
    source_offset: int | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Everything the extractors found in one document: what rules read."""

    document: Document
    citations: Sequence[Citation]  # a RecordTable (sourcelint.record_table) from a scan
    references: tuple[Reference, ...]
    claims: Sequence[Claim]  # a ClaimTable from `extract`
    credits: tuple[Credit, ...]
    quotes: tuple[Quote, ...] = ()
    stray_marks: tuple[StrayMark, ...] = ()
    quantities: Sequence[Quantity] = ()  # a RecordTable from a scan
    claim_threshold: float | None = None  # None: the model's default
    paragraph_sources: bool = False  # a source in the paragraph covers its claims
    failures: tuple[Failure, ...] = ()  # extractors that raised (SL999 findings)


@dataclass(frozen=True, slots=True)
class Example:
    """A document a rule is shown on: `content` in `format` (bytes for input rules)."""

    content: str | bytes
    format: str = "txt"


Check = Callable[[Evidence], Iterator[Violation]]


@dataclass(frozen=True)
class Rule:
    """One rule: code (SL1xx citations, SL2xx quotes, SL3xx numbers, SL4xx claims, SL5xx
    verification, SL9xx input), name, severity, one-line summary, check and examples.

    `default` is false for a rule whose findings were right less than 80% of the time on real
    pages: it runs only when selected by its code or a prefix of it (`--select SL2`), never
    by the default `ALL`."""

    code: str
    name: str
    severity: Severity
    summary: str
    check: Check
    doc: str
    passing: tuple[Example, ...]
    failing: tuple[Example, ...]
    default: bool = True


@dataclass(frozen=True)
class ErrorCode:
    """An error that stops a scan (exit 2) rather than a finding."""

    code: str
    name: str
    summary: str


def reader_problems(evidence: Evidence, code: str) -> Iterator[Violation]:
    """The problems a reader recorded under `code` (SL902, SL910), as violations located
    where the reader found them in the source."""
    for problem in evidence.document.problems:
        if problem.code == code:
            yield Violation(problem.start, problem.end, problem.message, problem.source_offset)


def paragraph_of(blocks: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The block (paragraph, list item, cell) of sorted `blocks` holding `offset`."""
    index = bisect_right(blocks, (offset, 1 << 62)) - 1
    if index >= 0 and blocks[index][0] <= offset <= blocks[index][1]:
        return blocks[index]
    return offset, offset
