"""The evidence map: one self-contained HTML page per document (inline CSS and script, no
request to any other host), rendered with Jinja2 from templates/report.html.j2.

The document's text is shown whole, cut into segments at every span boundary, so quotations,
statistics, markers and flagged claims can overlap without nesting tags. A segment that holds
evidence is focusable and names its items (`data-refs`); the page's script shows an item's
details from a JSON blob, always as text. Every string from the document goes through
Jinja2's autoescaping (or `tojson`, which escapes `<`, `>`, `&` and quotes), so a document
carrying `<script>` or `</textarea>` stays text. The page's Content-Security-Policy allows no
network request and runs only its own script, named by its hash.
"""

from __future__ import annotations

import base64
import hashlib
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any

from jinja2 import Environment, Template, select_autoescape

from sourcelint.document import Block, BlockKind, Document
from sourcelint.extract.quantities import claims_by_quantity
from sourcelint.model import Analysis

KINDS = (
    ("quote", "quotations"),
    ("stat", "statistics"),
    ("marker", "markers"),
    ("claim", "unsourced claims"),
)


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    kind: str
    ref: str


@cache
def _environment() -> Environment:
    return Environment(autoescape=select_autoescape(default=True, default_for_string=True))


@cache
def _template_text(name: str) -> str:
    return resources.files("sourcelint").joinpath("output", "templates", name).read_text("utf-8")


@cache
def template(name: str) -> Template:
    """A template of output/templates, compiled once per process."""
    return _environment().from_string(_template_text(name))


def script_and_policy() -> tuple[str, str]:
    """The page's script and the Content-Security-Policy that runs it and nothing else."""
    script = _template_text("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = (
        "default-src 'none'; "
        f"script-src 'sha256-{digest}'; style-src 'unsafe-inline'; img-src data:; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
    return script, policy


def _segments(
    text: str, spans: list[_Span], boundaries: Iterable[int] = ()
) -> list[dict[str, str]]:
    """The text cut at every span boundary (and at `boundaries`, the edges of table cells);
    each piece with the spans covering it. One sweep over the boundaries keeps the spans open
    at each point, so the work is linear in them."""
    edges = {0, len(text), *(s.start for s in spans), *(s.end for s in spans), *boundaries}
    cuts = sorted(edge for edge in edges if 0 <= edge <= len(text))
    opening: dict[int, list[_Span]] = {}
    for span in spans:
        opening.setdefault(span.start, []).append(span)
    open_spans: dict[int, _Span] = {}  # by id(): spans may be equal in value
    pieces: list[dict[str, str]] = []
    for left, right in pairwise(cuts):
        for span in opening.get(left, ()):
            open_spans[id(span)] = span
        for key in [key for key, span in open_spans.items() if span.end <= left]:
            del open_spans[key]
        covering = sorted(open_spans.values(), key=lambda span: (span.start, span.ref))
        kinds = sorted({span.kind for span in covering})
        pieces.append(
            {
                "text": text[left:right],
                "refs": " ".join(span.ref for span in covering),
                "classes": " ".join(f"k-{kind}" for kind in kinds),
                "id": f"at{left}",
                "label": ", ".join(kinds),
            }
        )
    return pieces


def _tables(document: Document) -> list[list[Block]]:
    """The document's tables: runs of consecutive cells of one table, in order."""
    tables: list[list[Block]] = []
    previous: Block | None = None
    for block in document.blocks:
        if block.kind is BlockKind.CELL:
            same = previous is not None and previous.kind is BlockKind.CELL
            if same and previous is not None and previous.group == block.group:
                tables[-1].append(block)
            else:
                tables.append([block])
        previous = block
    return tables


def _parts(segments: list[dict[str, str]], tables: list[list[Block]]) -> list[dict[str, Any]]:
    """The segments as the page lays them out: running text, and tables as rows of cells.
    White space between cells (the reader's block separators) is not shown; anything else
    there stays in the cell before it."""
    parts: list[dict[str, Any]] = []
    index = 0
    starts = [int(segment["id"][2:]) for segment in segments]
    for cells in tables:
        first = bisect_right(starts, cells[0].start) - 1
        if first > index:
            parts.append({"table": False, "segments": segments[index:first]})
        rows: list[list[list[dict[str, str]]]] = []
        row: int | None = None
        position = max(first, index)
        for cell in cells:
            end = bisect_right(starts, cell.end - 1)
            inside = segments[bisect_right(starts, cell.start - 1) : end]
            between = [s for s in segments[position : end - len(inside)] if s["text"].strip()]
            if not rows or cell.row != row:
                rows.append([])
                row = cell.row
            if between and rows[-1]:
                rows[-1][-1].extend(between)
            rows[-1].append(inside)
            position = end
        parts.append({"table": True, "rows": rows})
        index = position
    if index < len(segments):
        parts.append({"table": False, "segments": segments[index:]})
    return parts


def _page_starts(document: Document) -> dict[int, int]:
    """Where each page of a PDF begins in the text (the first block of each new page), by
    text offset; empty for a document without pages."""
    starts: dict[int, int] = {}
    last = 1
    for block in document.blocks:
        page = document.page(block.start)
        if page is not None and page > last:
            starts[block.start] = page
            last = page
    return starts


def _target(segments: list[dict[str, str]], offsets: list[int], position: int) -> str:
    index = max(bisect_right(offsets, position) - 1, 0)
    return segments[index]["id"] if segments else ""


def render_html(
    document: Document, analysis: Analysis, *, download: tuple[str, str] | None = None
) -> str:
    """The evidence map of one analysed document, as a complete HTML page. `download` (the
    text and its format), from the web app, adds buttons that fetch the JSON and SARIF."""
    text = document.text
    spans: list[_Span] = []
    items: dict[str, dict[str, Any]] = {}
    for quote in analysis.quotes:
        spans.append(_Span(quote.start, quote.end, "quote", quote.id))
        speaker = quote.speaker
        items[quote.id] = {
            "kind": "quote",
            "title": "Quotation",
            "fields": [
                ["speaker", speaker.name if speaker else "no speaker found"],
                ["title", speaker.title if speaker else None],
                ["cue", quote.cue],
                ["date", quote.date],
            ],
        }
    resolved = {citation.id for citation in analysis.citations if citation.reference}
    sourced = {  # a marker that points nowhere sources nothing (SL403)
        claim.id: any(source.kind != "citation" for source in claim.sourced_by)
        or any(citation_id in resolved for citation_id in claim.citations)
        for claim in analysis.claims
    }
    claim_of = {
        quantity_id: claim.id for quantity_id, claim in claims_by_quantity(analysis.claims).items()
    }
    for quantity in analysis.quantities:
        spans.append(_Span(quantity.start, quantity.end, "stat", quantity.id))
        value = quantity.to_json()
        items[quantity.id] = {
            "kind": "stat",
            "title": "Statistic",
            "fields": [
                ["value", value["value"] if value["value"] is not None else "vague"],
                ["to", value["value_high"]],
                ["unit", quantity.unit],
                ["bound", quantity.qualifier],
                ["rate", quantity.rate],
                ["change", quantity.change],
                ["counts", quantity.counted],
                ["as of", quantity.as_of],
                ["sourced", "yes" if sourced.get(claim_of.get(quantity.id, ""), False) else "no"],
            ],
        }
    references = {reference.id: reference for reference in analysis.references}
    for citation in analysis.citations:
        kind = "marker" if citation.reference else "unresolved"
        ref = f"m{citation.id}"
        spans.append(_Span(citation.start, citation.end, kind, ref))
        entry = references.get(citation.reference or "")
        items[ref] = {
            "kind": "marker",
            "title": f"Citation {citation.marker}",
            "fields": [["points to", entry.text if entry else "nothing: no reference entry"]],
        }
    flagged = {finding.start for finding in analysis.findings if finding.code in ("SL401", "SL403")}
    for claim in analysis.claims:
        if claim.start in flagged:
            spans.append(_Span(claim.start, claim.end, "claim", claim.id))
            items[claim.id] = {
                "kind": "claim",
                "title": "Check-worthy claim without a source",
                "fields": [["check-worthiness", claim.checkworthy]],
            }
    spans = [span for span in spans if 0 <= span.start < span.end <= len(text)]
    tables = _tables(document)
    page_starts = _page_starts(document)
    segments = _segments(
        text,
        spans,
        [
            *(edge for cells in tables for cell in cells for edge in (cell.start, cell.end)),
            *page_starts,
        ],
    )
    for segment in segments:
        page = page_starts.get(int(segment["id"][2:]))
        if page is not None:
            segment["page"] = str(page)
    offsets = [int(segment["id"][2:]) for segment in segments]
    cited = {citation.reference for citation in analysis.citations if citation.reference}
    script, policy = script_and_policy()
    levels = {finding.severity.value for finding in analysis.findings}
    return template("report.html.j2").render(
        title=document.title or document.path,
        path=document.path,
        format=document.format,
        date=document.date,
        counts=(
            f"{len(analysis.quotes)} quotations, {len(analysis.quantities)} statistics, "
            f"{len(analysis.citations)} citations, {len(analysis.findings)} findings"
        ),
        csp=policy,
        download=download,
        script=script,
        kinds=KINDS,
        levels=levels,
        parts=_parts(segments, tables),
        evidence={"items": items},
        findings=[
            {
                "severity": finding.severity.value,
                "code": finding.code,
                "where": finding.where,
                "col": finding.col,
                "message": finding.message,
                "target": _target(segments, offsets, finding.start),
            }
            for finding in analysis.findings
        ],
        quotes=[
            {
                "speaker": quote.speaker.name if quote.speaker else "—",
                "cue": quote.cue or "—",
                "date": quote.date or "—",
                "text": quote.text if len(quote.text) < 90 else quote.text[:89] + "…",
                "target": _target(segments, offsets, quote.start),
            }
            for quote in analysis.quotes
        ],
        statistics=[
            {
                "value": quantity.text,
                "counted": quantity.counted or "—",
                "as_of": quantity.as_of or "—",
                "source": "yes"
                if sourced.get(claim_of.get(quantity.id, ""), False)
                else "none in its sentence",
                "target": _target(segments, offsets, quantity.start),
            }
            for quantity in analysis.quantities
        ],
        references=[
            {
                "id": f"ref-{reference.id}",
                "label": reference.label or "—",
                "text": reference.text,
                "url": reference.url,
                "status": "cited" if reference.id in cited else "never cited",
            }
            for reference in analysis.references
        ],
    )
