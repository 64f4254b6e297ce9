"""What `sourcelint.scan` returns: an Analysis that also shows itself in a notebook.

In Jupyter (or any front end that calls `_repr_html_`), the result is the evidence map, the
same self-contained, escaped page `sourcelint report` writes, shown in a sandboxed frame so
its styles and script stay inside it. `to_pandas()` gives quotations, figures, citations and
findings as data frames (pandas is optional: `pip install sourcelint[notebook]`).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sourcelint.document import Document
from sourcelint.model import Analysis

if TYPE_CHECKING:
    import pandas


@dataclass(frozen=True, slots=True)
class ScanResult(Analysis):
    """An Analysis with the document it was made from (not part of the JSON contract)."""

    document: Document | None = field(default=None, repr=False, compare=False)

    def _repr_html_(self) -> str:
        """The evidence map inline: the report page in a sandboxed iframe's `srcdoc`."""
        from sourcelint.output.html import render_html

        if self.document is None:
            return f"<pre>{html.escape(self.path)}: no document to show</pre>"
        page = render_html(self.document, self)
        # srcdoc holds the page as an attribute value: escaped once more for the attribute;
        # the sandbox lets the map's own script run but gives it no access to the notebook
        return (
            '<iframe sandbox="allow-scripts" style="width:100%;height:32em;border:1px solid '
            f'#ccc" title="sourcelint evidence map" srcdoc="{html.escape(page, quote=True)}">'
            "</iframe>"
        )

    def to_pandas(self) -> dict[str, pandas.DataFrame]:
        """Quotations, figures, citations and findings as data frames, keyed by those names."""
        try:
            import pandas
        except ImportError as error:  # pragma: no cover - depends on the environment
            raise ImportError(
                "to_pandas() needs pandas: pip install 'sourcelint[notebook]'"
            ) from error
        return {
            "quotes": pandas.DataFrame(
                [_quote_row(quote) for quote in self.quotes], columns=_QUOTE_COLUMNS
            ),
            "quantities": pandas.DataFrame(
                [quantity.to_json() for quantity in self.quantities] or None,
                columns=None if self.quantities else _QUANTITY_COLUMNS,
            ),
            "citations": pandas.DataFrame(
                [_citation_row(self, citation) for citation in self.citations],
                columns=_CITATION_COLUMNS,
            ),
            "findings": pandas.DataFrame(
                [_finding_row(finding) for finding in self.findings], columns=_FINDING_COLUMNS
            ),
        }


_QUOTE_COLUMNS = ["id", "text", "speaker", "title", "cue", "date", "start", "end", "line", "col"]
_QUANTITY_COLUMNS = ["id", "text", "start", "end", "value", "unit", "counted", "as_of"]
_CITATION_COLUMNS = ["id", "marker", "reference", "entry", "start", "end"]
_FINDING_COLUMNS = ["code", "severity", "message", "line", "col", "start", "end"]


def _quote_row(quote: Any) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "id": quote.id,
        "text": quote.text,
        "speaker": speaker.name if speaker else None,
        "title": speaker.title if speaker else None,
        "cue": quote.cue,
        "date": quote.date,
        "start": quote.start,
        "end": quote.end,
        "line": quote.line,
        "col": quote.col,
    }


def _citation_row(analysis: Analysis, citation: Any) -> dict[str, Any]:
    entry = next((r for r in analysis.references if r.id == citation.reference), None)
    return {
        "id": citation.id,
        "marker": citation.marker,
        "reference": citation.reference,
        "entry": entry.text if entry else None,
        "start": citation.start,
        "end": citation.end,
    }


def _finding_row(finding: Any) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message,
        "line": finding.line,
        "col": finding.col,
        "start": finding.start,
        "end": finding.end,
    }
