"""The values a scan produces. All are immutable; offsets are 0-based into Document.text.

`Analysis.to_json()` yields one document of the JSON contract in DESIGN.md (schema
"sourcelint/1.2": "sourcelint/1" with keys added to quantities and documents, see README); the
field names here follow it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

SCHEMA = "sourcelint/1.2"


class Severity(StrEnum):
    """How serious a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule's verdict at one span. `line`/`col` are 1-based in the source file; in a PDF
    `page` is set and `line` counts from the top of that page; in a Word file `paragraph` is
    set (and equals `line`)."""

    code: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    col: int
    end_line: int
    end_col: int
    page: int | None = None
    paragraph: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The contract's finding object; `page` and `paragraph` only where the format has
        them (PDF, Word)."""
        found: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "col": self.col,
        }
        if self.page is not None:
            found["page"] = self.page
        if self.paragraph is not None:
            found["paragraph"] = self.paragraph
        return found

    @property
    def where(self) -> str:
        """The finding's position as the text report prints it: `line:col`, or `p3:12:5`
        (page 3, line 12 of that page, column 5) in a PDF."""
        if self.page is not None:
            return f"p{self.page}:{self.line}:{self.col}"
        return f"{self.line}:{self.col}"


@dataclass(frozen=True, slots=True)
class Reference:
    """An entry of a reference list, footnote section or bibliography.

    `text` is the entry without its printed label; `label_printed` says whether the label was
    printed (or declared, as Markdown footnote labels are) rather than given by position;
    `structural` that the source marked it as a note; `anchor` the HTML id markers link to;
    `author_key` its first author's name and year ("Smith 2019") when it has them;
    `entry_start` where the entry begins, printed label included; `position` its place in a
    list whose entries print no number (None otherwise); `heading` its list's heading in
    lower case, when it has one ("notes", "further reading").
    """

    id: str
    label: str | None
    text: str
    start: int
    end: int
    url: str | None = None
    doi: str | None = None
    findable: bool = True
    label_printed: bool = False
    structural: bool = False
    list_id: int = 0
    anchor: str | None = None
    author_key: str | None = None
    entry_start: int = 0
    position: int | None = None
    heading: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The contract's reference object."""
        return {
            "id": self.id,
            "label": self.label,
            "text": self.text,
            "url": self.url,
            "start": self.start,
            "end": self.end,
        }


class CitationStyle(StrEnum):
    """How a citation is written."""

    NUMERIC = "numeric"  # [4], ^4, superscripts, footnote links
    NOTE = "note"  # [^note], * and † marks
    AUTHOR_YEAR = "author_year"  # (Smith, 2019), Smith (2019)


@dataclass(frozen=True, slots=True)
class Citation:
    """One in-text citation: one per label, so [3-5] yields three sharing a span."""

    id: str
    marker: str
    start: int
    end: int
    reference: str | None
    style: CitationStyle = CitationStyle.NUMERIC

    def to_json(self) -> dict[str, Any]:
        """The contract's citation object."""
        return {
            "id": self.id,
            "marker": self.marker,
            "start": self.start,
            "end": self.end,
            "reference": self.reference,
        }


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Something in a sentence that sources it: a citation, a link, an attribution, a quote."""

    kind: str
    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        """The contract's sourced_by object."""
        return {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a quotation: one id per person or body within a document.

    `start`/`end` locate the mention that names the speaker best near the quote (the full
    name when a pronoun was resolved to it), `name` is the longest form the document gives.
    """

    id: str
    name: str
    title: str | None
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        """The contract's speaker object."""
        return {
            "id": self.id,
            "name": self.name,
            "title": self.title,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation: `start`/`end` span the words inside the marks (or the whole
    blockquote), `cue` the reporting verb or phrase, `date` when it was said (ISO or a year).

    `marks` records how it was printed (a pair of marks, marks over paragraphs, a block, a
    dash-credited paragraph); `edited` whether it carries an ellipsis or a bracketed insertion;
    `cue_start`/`cue_end` locate the cue (for views that highlight it); `line`/`col` locate
    the quotation for people (1-based). These are not part of the JSON contract.
    """

    id: str
    text: str
    start: int
    end: int
    speaker: Speaker | None
    cue: str | None
    date: str | None
    marks: str = "pair"
    edited: bool = False
    cue_start: int | None = None
    cue_end: int | None = None
    line: int = 0
    col: int = 0
    page: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The contract's quote object."""
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": None if self.speaker is None else self.speaker.to_json(),
            "cue": self.cue,
            "date": self.date,
        }


# The contract's `approx` groups the printed bounds: "about 40", "more than 40", "up to 40".
APPROX_GROUPS = {
    "about": "about",
    "around": "about",
    "nearly": "about",
    "almost": "about",
    "over": "at_least",
    "more_than": "at_least",
    "upwards_of": "at_least",
    "passed": "at_least",
    "at_least": "at_least",
    "up_to": "at_most",
    "less_than": "at_most",
    "under": "at_most",
}


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


@dataclass(frozen=True, slots=True)
class Quantity:
    """A statistic: a count, amount, measure, share, rate or change printed as a number.

    `value` is the number with its scale word applied (never negative: a direction goes into
    `change`), None for a vague count ("tens of thousands", then `magnitude` is the power of
    ten); `value_high` the top of a range; `unit` a canonical unit ("tonne", "percent", ISO
    currency), None for a plain count; `qualifier` the printed bound ("upwards_of", "nearly";
    `approx` groups it as the contract says); `rate` its denominator ("per year", "per tonne");
    `change` rise_by, rise_to, rise_from, fall_by, fall_to or fall_from; `counted` what is
    measured; `part_of` the id of the figure it is a part of; `as_of` the date it refers to.
    `scale` is the scale word printed ("million"). `past_event` is true when a figure dated
    before the document counts a past event ("in 1998, 200 people died"), not a level that
    can go stale. `past_event`, `line` and `col` are not in the contract.
    """

    id: str
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    counted: str | None = None
    as_of: str | None = None
    rate: str | None = None
    part_of: str | None = None
    value_high: float | None = None
    qualifier: str | None = None
    change: str | None = None
    scale: str | None = None
    magnitude: int | None = None
    past_event: bool = False
    line: int = 0
    col: int = 0
    page: int | None = None

    @property
    def approx(self) -> str:
        """exact, about, at_least or at_most (the contract's vocabulary). A vague count with
        no printed bound ("hundreds of thousands of people") is a lower bound: at_least."""
        if self.qualifier is None:
            return "at_least" if self.vague else "exact"
        return APPROX_GROUPS.get(self.qualifier, "about")

    @property
    def vague(self) -> bool:
        """A count given only by its order of magnitude ("hundreds", "millions of")."""
        return self.value is None and self.magnitude is not None

    def to_json(self) -> dict[str, Any]:
        """The contract's quantity object (schema 1.1 keys after `part_of`)."""
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": _number(self.value),
            "unit": self.unit,
            "approx": self.approx,
            "counted": self.counted,
            "as_of": self.as_of,
            "rate": self.rate,
            "part_of": self.part_of,
            "value_high": _number(self.value_high),
            "qualifier": self.qualifier,
            "change": self.change,
            "scale": self.scale,
            "magnitude": self.magnitude,
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence of the document's prose and what it carries.

    `checkworthy` is None until a check-worthiness model scores it.
    """

    id: str
    text: str
    start: int
    end: int
    checkworthy: float | None
    citations: tuple[str, ...]
    quotes: tuple[str, ...]
    quantities: tuple[str, ...]
    sourced_by: tuple[SourceRef, ...]

    def to_json(self) -> dict[str, Any]:
        """The contract's claim object."""
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "checkworthy": self.checkworthy,
            "citations": list(self.citations),
            "quotes": list(self.quotes),
            "quantities": list(self.quantities),
            "sourced_by": [source.to_json() for source in self.sourced_by],
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything a scan found in one document: one entry of the contract's `documents`."""

    path: str
    format: str
    title: str | None
    date: str | None
    citations: Sequence[Citation]  # a RecordTable (sourcelint.record_table) from a scan
    references: tuple[Reference, ...]
    claims: Sequence[Claim]  # a ClaimTable (sourcelint.claim_table) from a scan
    findings: tuple[Finding, ...]
    quotes: tuple[Quote, ...] = ()
    quantities: Sequence[Quantity] = ()  # a RecordTable from a scan
    title_source: str | None = None
    date_source: str | None = None

    def to_json(self) -> dict[str, Any]:
        """This document as the JSON contract describes it (schema 1.2 adds the two sources)."""
        return {
            "path": self.path,
            "format": self.format,
            "title": self.title,
            "title_source": self.title_source,
            "date": self.date,
            "date_source": self.date_source,
            "quotes": [quote.to_json() for quote in self.quotes],
            "quantities": [quantity.to_json() for quantity in self.quantities],
            "citations": [citation.to_json() for citation in self.citations],
            "references": [reference.to_json() for reference in self.references],
            "claims": [claim.to_json() for claim in self.claims],
            "findings": [finding.to_json() for finding in self.findings],
        }


def contract(analyses: list[Analysis]) -> dict[str, Any]:
    """The whole JSON contract for a scan of several documents."""
    return {"schema": SCHEMA, "documents": [analysis.to_json() for analysis in analyses]}
