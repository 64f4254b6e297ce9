"""sourcelint as a spaCy pipeline component: `nlp.add_pipe("sourcelint")`.

The component reads the Doc's text as a document (plain text by default; `format` may say
"md" or "html" when the text is markup), runs sourcelint's extractors and puts what they
find on the Doc:

- `doc.spans["quotes"]` (label QUOTE): `span._.speaker`, `span._.speaker_title`, `span._.cue`
  and `span._.said_on` (the ISO date the words were said, when the text gives it);
- `doc.spans["quantities"]` (label the figure's kind, e.g. COUNT): `span._.value`,
  `span._.unit`, `span._.counted`, `span._.as_of`;
- `doc.spans["citations"]` (label CITATION): `span._.reference`, the reference entry's text,
  or None for a marker that points nowhere;
- `doc._.sourcelint`, the full `Analysis` (with findings when `rules` is true).

Spans are aligned to the Doc's tokens (expanded to whole tokens), so the component works in
any English pipeline, a blank one included. sourcelint segments sentences with its own
pinned model, loaded once per process, so the host pipeline's own components are never
changed. The factory is registered under spaCy's `spacy_factories` entry point, so
`spacy.load` of a saved pipeline that holds it finds it without an import.

    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("sourcelint", config={"format": "md"})
    doc = nlp(text)
    [(span.text, span._.speaker) for span in doc.spans["quotes"]]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from sourcelint.model import Analysis

# The analysis is imported when a component is built, not here: spaCy imports this module
# through its entry point whenever any pipeline loads, sourcelint's or not.

_SPAN_EXTENSIONS = (
    "speaker",
    "speaker_title",
    "cue",
    "said_on",
    "value",
    "unit",
    "counted",
    "as_of",
    "reference",
)


def _register_extensions() -> None:
    for name in _SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Doc.has_extension("sourcelint"):
        Doc.set_extension("sourcelint", default=None)


class SourcelintComponent:
    """The pipeline component; build it with `nlp.add_pipe("sourcelint")`."""

    def __init__(self, *, format: str = "txt", rules: bool = False) -> None:
        if format not in ("txt", "md", "html"):
            raise ValueError(f"format must be txt, md or html, not {format!r}")
        from sourcelint.config import Settings

        _register_extensions()
        self.format = format
        self.settings = Settings() if rules else Settings(select=())  # nothing selected: no rule

    def __call__(self, doc: Doc) -> Doc:
        """Analyse the Doc's text and set its spans and extensions."""
        from sourcelint.api import analyze
        from sourcelint.readers import read_text_as

        document = read_text_as(doc.text, path="<doc>", format=self.format)
        analysis = analyze(document, settings=self.settings)
        doc._.sourcelint = analysis
        # Offsets are into the text the reader extracted: for plain text that is the Doc's
        # own text; for markup, spans are placed through the document's source offsets.
        to_doc = (
            (lambda offset: offset) if document.text == doc.text else document.offsets.to_source
        )
        doc.spans["quotes"] = [
            span for quote in analysis.quotes if (span := _quote_span(doc, quote, to_doc))
        ]
        doc.spans["quantities"] = [
            span
            for quantity in analysis.quantities
            if (span := _quantity_span(doc, quantity, to_doc))
        ]
        doc.spans["citations"] = [
            span
            for citation in analysis.citations
            if (span := _citation_span(doc, citation, analysis, to_doc))
        ]
        return doc


def _span(doc: Doc, start: int, end: int, label: str, to_doc: Any) -> Span | None:
    """The span on the Doc's tokens: exact where the tokens allow, else widened to the
    tokens it touches ("tonnes**" in Markdown is one token to a blank tokenizer)."""
    start, end = to_doc(start), to_doc(end)
    return doc.char_span(start, end, label=label) or doc.char_span(
        start, end, label=label, alignment_mode="expand"
    )


def _quote_span(doc: Doc, quote: Any, to_doc: Any) -> Span | None:
    span = _span(doc, quote.start, quote.end, "QUOTE", to_doc)
    if span is not None:
        span._.speaker = quote.speaker.name if quote.speaker else None
        span._.speaker_title = quote.speaker.title if quote.speaker else None
        span._.cue = quote.cue
        span._.said_on = quote.date
    return span


def _quantity_span(doc: Doc, quantity: Any, to_doc: Any) -> Span | None:
    span = _span(doc, quantity.start, quantity.end, "QUANTITY", to_doc)
    if span is not None:
        span._.value = quantity.value
        span._.unit = quantity.unit
        span._.counted = quantity.counted
        span._.as_of = quantity.as_of
    return span


def _citation_span(doc: Doc, citation: Any, analysis: Analysis, to_doc: Any) -> Span | None:
    span = _span(doc, citation.start, citation.end, "CITATION", to_doc)
    if span is not None and citation.reference is not None:
        entry = next((r for r in analysis.references if r.id == citation.reference), None)
        span._.reference = entry.text if entry else None
    return span


@Language.factory(
    "sourcelint",
    default_config={"format": "txt", "rules": False},
)
def make_sourcelint(nlp: Language, name: str, format: str, rules: bool) -> SourcelintComponent:
    """The spaCy factory: `format` is how to read the Doc's text (txt, md or html); `rules`
    runs the default rules too, their findings in `doc._.sourcelint.findings`."""
    return SourcelintComponent(format=format, rules=rules)
