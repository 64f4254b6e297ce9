"""`sourcelint lsp`: the language server editors talk to over stdio (pygls and lsprotocol).

- Diagnostics for Markdown, plain text and HTML documents (by languageId, else by the URI's
  suffix) on open, on save and, debounced, on change. The newest version of a document wins:
  an analysis of a version the editor has since replaced is never published.
- Hover over a quotation (speaker, title, cue, date), a statistic (value, unit, what it
  counts, as of when) or a citation marker (its reference entry, or that it points nowhere).
- Quick fixes: silence a finding with the `disable-next-line` comment that suppress.py reads
  (Markdown and HTML only: plain text has no comments), and flag a claim that lacks a source
  `[citation needed]`.

Settings come from the same lookup as `sourcelint scan` (the nearest sourcelint.toml or
pyproject.toml of the file, or `--config`), with the default rule set: rules that are off by
default stay off. The spaCy model is loaded once per server, when the client says
`initialized`, on the one worker thread every analysis runs on (so the pipeline is never
used by two threads at once). Document text is untrusted: it is only read and analysed, and
what of it goes into a hover is escaped so that an editor's Markdown renderer shows it as
text (no link, image or HTML from a document reaches it).
"""

from __future__ import annotations

import asyncio
import re
import sys
from bisect import bisect_right
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from sourcelint import nlp
from sourcelint._version import __version__
from sourcelint.api import analyze
from sourcelint.config import Settings
from sourcelint.discover import STDIN
from sourcelint.display import printable
from sourcelint.document import Document
from sourcelint.errors import SourcelintError, internal_error
from sourcelint.model import Analysis, Citation, Finding, Quantity, Quote, Severity
from sourcelint.readers import EXTENSIONS, read_text_as
from sourcelint.readers.decoding import normalize_newlines
from sourcelint.rules.registry import RULES_BY_CODE
from sourcelint.runner import ScanOptions, settings_for_path
from sourcelint.suppress import DIRECTIVE, directive_codes

SOURCE = "sourcelint"
DEBOUNCE_SECONDS = 0.3
# Where a diagnostic's code links to: docs/rules.md in the repository. Each rule's anchor is
# the slug of its heading there ("## SL101 `unresolved-marker`" -> #sl101-unresolved-marker,
# as GitHub and MkDocs make it); codes that are no rule link to the error table (#errors).
RULES_DOCS_URL = "https://github.com/sourcelint/sourcelint/blob/main/docs/rules.md"
# languageId -> reader format; a document with another languageId is read by its suffix.
LANGUAGE_FORMATS = {"markdown": "md", "plaintext": "txt", "text": "txt", "html": "html"}
# suppress.inline_suppressions reads comments in these formats only.
COMMENT_FORMATS = frozenset({"md", "html"})
CITATION_NEEDED = "[citation needed]"
# Findings that say something lacks a source: a quotation (SL202), a statistic (SL301), a
# claim (SL401), a claim credited to no one checkable (SL402) or only to a dead marker (SL403).
MISSING_SOURCE_CODES = frozenset({"SL202", "SL301", "SL401", "SL402", "SL403"})
_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_HOVER_TEXT_LIMIT = 600

# Positions. sourcelint's line and column are 1-based and count characters (code points).
# LSP's are 0-based, and by default LSP's `character` counts UTF-16 code units; a client may
# offer other encodings in `general.positionEncodings` (LSP 3.17). pygls picks the client's
# first choice among utf-8, utf-16 and utf-32 at initialize and announces it in the server's
# capabilities (utf-16 when the client offers none); the functions below convert a column to
# and from that encoding, so an emoji (one code point, two UTF-16 units, four UTF-8 bytes)
# before a finding shifts it as the editor counts.
UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def _units(char: str, encoding: str) -> int:
    point = ord(char)
    if encoding == UTF8:
        return 1 if point < 0x80 else 2 if point < 0x800 else 3 if point < 0x10000 else 4
    if encoding == UTF16:
        return 2 if point > 0xFFFF else 1
    return 1


def to_client_character(line: str, column: int, encoding: str) -> int:
    """A 0-based column counted in characters, as the client counts it: in code units of
    `encoding` (utf-8, utf-16 or utf-32)."""
    prefix = line[: max(column, 0)]
    if encoding == UTF32:
        return len(prefix)
    if encoding == UTF16:
        return len(prefix) + sum(1 for char in prefix if ord(char) > 0xFFFF)
    return sum(_units(char, UTF8) for char in prefix)


def from_client_character(line: str, character: int, encoding: str) -> int:
    """A client's column (code units of `encoding`) as a 0-based column in characters; a
    column inside a character (half a surrogate pair) moves past it."""
    if encoding == UTF32:
        return min(max(character, 0), len(line))
    units = 0
    for index, char in enumerate(line):
        if units >= character:
            return index
        units += _units(char, encoding)
    return len(line)


class TextPositions:
    """A document's text split into lines as LSP splits it (the text's line breaks are
    normalised to LF first, so CRLF and lone CR count as one break, as LSP counts them), with
    conversions between offsets, sourcelint's 1-based (line, column) and LSP positions."""

    def __init__(self, text: str, encoding: str) -> None:
        self.text = text
        self.encoding = encoding
        self.lines = text.split("\n")
        self._starts = [0]
        for line in self.lines[:-1]:
            self._starts.append(self._starts[-1] + len(line) + 1)

    def position(self, line: int, column: int) -> types.Position:
        """The LSP position of a 0-based line and a 0-based column in characters (clamped to
        the text)."""
        line = min(max(line, 0), len(self.lines) - 1)
        text = self.lines[line]
        column = min(max(column, 0), len(text))
        return types.Position(line, to_client_character(text, column, self.encoding))

    def finding_range(self, finding: Finding) -> types.Range:
        """A finding's span (1-based line and column, end exclusive) as an LSP range."""
        start = self.position(finding.line - 1, finding.col - 1)
        end = self.position(finding.end_line - 1, finding.end_col - 1)
        if (end.line, end.character) < (start.line, start.character):
            end = start
        return types.Range(start, end)

    def position_at(self, offset: int) -> types.Position:
        """The LSP position of an offset into the text."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect_right(self._starts, offset) - 1
        return self.position(line, offset - self._starts[line])

    def offset_at(self, position: types.Position) -> int:
        """The offset into the text of an LSP position (clamped to the text)."""
        line = min(max(position.line, 0), len(self.lines) - 1)
        column = from_client_character(self.lines[line], position.character, self.encoding)
        return self._starts[line] + column


def document_format(uri: str, language_id: str | None) -> str | None:
    """The reader format for a document: by its languageId (markdown, plaintext, html), else
    by its URI's suffix (.md, .txt, .html and the others `sourcelint scan` reads); None for a
    document sourcelint does not read."""
    if language_id and language_id.lower() in LANGUAGE_FORMATS:
        return LANGUAGE_FORMATS[language_id.lower()]
    suffix = PurePosixPath(unquote(urlparse(uri).path)).suffix.lower()
    return EXTENSIONS.get(suffix)


def rule_docs_url(code: str) -> str:
    """The documentation of a code: its rule's section of docs/rules.md, or the error table."""
    rule = RULES_BY_CODE.get(code)
    anchor = f"{rule.code}-{rule.name}".lower() if rule is not None else "errors"
    return f"{RULES_DOCS_URL}#{anchor}"


def to_diagnostic(
    finding: Finding, positions: TextPositions, linted: Linted | None = None
) -> types.Diagnostic:
    """A finding as an LSP diagnostic (range in the client's position encoding)."""
    return types.Diagnostic(
        range=diagnostic_range(finding, positions, linted),
        message=finding.message,
        severity=_SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=rule_docs_url(finding.code)),
        source=SOURCE,
    )


def diagnostic_range(
    finding: Finding, positions: TextPositions, linted: Linted | None = None
) -> types.Range:
    """A finding's range: from its line and column to its end line and column. A finding's
    end is where the text after its span comes from, which in HTML or Markdown can be past
    the markup that closes a paragraph (the next line's `<p>`); with the document at hand,
    the range ends right after the span's last character instead."""
    span = positions.finding_range(finding)
    document = linted.document if linted is not None else None
    if linted is None or document is None or finding.end <= finding.start:
        return span
    source_end = document.lines.locate(document.offsets.to_source(finding.end))
    if source_end != (finding.end_line, finding.end_col):
        return span  # located in the source by the rule (SL902, SL910): keep it
    end = positions.position_at(_after(linted, document, finding.end))
    start_key = (span.start.line, span.start.character)
    if start_key <= (end.line, end.character) <= (span.end.line, span.end.character):
        return types.Range(span.start, end)
    return span


# Analysis


@dataclass(frozen=True)
class Linted:
    """One version of a document and what sourcelint found in it. `text` is the document's
    text with its line breaks normalised; `document` and `analysis` are None when it could
    not be analysed (then `findings` says why)."""

    version: int | None
    text: str
    format: str
    findings: tuple[Finding, ...]
    document: Document | None = None
    analysis: Analysis | None = None


def _note(code: str, severity: Severity, message: str) -> Finding:
    """A problem with the whole document (configuration, size, model), at its start."""
    return Finding(code, severity, printable(message), 0, 0, 1, 1, 1, 1)


def _settings(path: str | None, root: str | None, config: Path | None) -> Settings:
    """The CLI's lookup: --config, else the nearest configuration of the file (of the
    workspace folder for an unsaved document), else the defaults."""
    if path is None and root is None and config is None:
        return Settings()
    target = path or root or STDIN
    return settings_for_path(ScanOptions(paths=[target], config=config), target)


def lint(
    text: str,
    *,
    version: int | None,
    format: str,
    path: str | None,
    root: str | None = None,
    config: Path | None = None,
) -> Linted:
    """Analyse one version of a document as `sourcelint scan` would analyse the file. Never
    raises: a configuration error (SL906) is reported and the defaults are used; a document
    over max-file-size (SL907), a missing model (SL908) or a bug (SL999) is one finding."""
    text = normalize_newlines(text)
    notes: list[Finding] = []
    try:
        settings = _settings(path, root, config)
    except SourcelintError as error:
        notes.append(_note(error.code, Severity.ERROR, f"{error}; using the default settings"))
        settings = Settings()
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > settings.max_file_size:
        message = (
            f"the document is {size:,} bytes, over the limit of {settings.max_file_size:,} "
            "(max-file-size): not analysed"
        )
        return Linted(version, text, format, (*notes, _note("SL907", Severity.ERROR, message)))
    try:
        document = read_text_as(text, path=path or "<untitled>", format=format)
        analysis = analyze(document, settings=settings)
    except SourcelintError as error:
        failure = _note(error.code, Severity.ERROR, error.message)
        return Linted(version, text, format, (*notes, failure))
    except Exception as error:
        failure = _note("SL999", Severity.ERROR, internal_error(error).message)
        return Linted(version, text, format, (*notes, failure))
    return Linted(version, text, format, (*notes, *analysis.findings), document, analysis)


# Hover

# The marks that can start Markdown or HTML inside a line: emphasis, code, links and images,
# autolinks and tags, character references, tables, strikethrough, math. Hover lines always
# begin with the server's own words, so marks that count only at a line's start (-, +, 1.)
# need no escape, and dates and figures read as printed.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]()<>!#|~&{}$])")


def markdown_text(text: str, limit: int = _HOVER_TEXT_LIMIT) -> str:
    """Document text as Markdown that renders as that text: on one line, control characters
    shown as \\uXXXX, every mark that could make a link, image, HTML or emphasis
    backslash-escaped, cut at `limit` characters."""
    flat = printable(text)
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", flat)


def _figure(value: float) -> str:
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.4f}".rstrip("0").rstrip(".")


def quantity_amount(quantity: Quantity) -> str:
    """A statistic's value as words: bound, value (or range), unit, rate and change."""
    if quantity.value is None:
        value = (
            f"on the order of 10^{quantity.magnitude}"
            if quantity.magnitude is not None
            else "no value"
        )
    else:
        value = _figure(quantity.value)
        if quantity.value_high is not None:
            value += f" to {_figure(quantity.value_high)}"
    parts = [
        "" if quantity.approx == "exact" else (quantity.qualifier or "about").replace("_", " "),
        value,
        quantity.unit or "",
        quantity.rate or "",
        f"({quantity.change.replace('_', ' ')})" if quantity.change else "",
    ]
    return " ".join(part for part in parts if part)


def quote_hover(quote: Quote) -> str:
    """Hover text for a quotation: who said it (name and title), the cue and when."""
    speaker = quote.speaker
    lines = [
        "**Quotation** by " + (f"**{markdown_text(speaker.name)}**" if speaker else "no one named")
    ]
    lines.append("")
    if speaker is not None:
        lines.append(f"- speaker: {markdown_text(speaker.name)}")
        lines.append(f"- title: {markdown_text(speaker.title) if speaker.title else 'none given'}")
    else:
        lines.append("- speaker: none found")
    lines.append(f"- cue: {markdown_text(quote.cue) if quote.cue else 'none'}")
    lines.append(f"- date: {markdown_text(quote.date) if quote.date else 'not given'}")
    if quote.edited:
        lines.append("- edited: shortened or changed (an ellipsis or a bracketed insertion)")
    return "\n".join(lines)


def quantity_hover(quantity: Quantity) -> str:
    """Hover text for a statistic: its value and unit, what it counts and as of when."""
    return "\n".join(
        [
            f"**Statistic** “{markdown_text(quantity.text)}”",
            "",
            f"- value: {markdown_text(quantity_amount(quantity))}",
            f"- counts: {markdown_text(quantity.counted) if quantity.counted else 'not found'}",
            f"- as of: {markdown_text(quantity.as_of) if quantity.as_of else 'not dated'}",
        ]
    )


def citation_hover(marker: str, citations: Sequence[Citation], analysis: Analysis) -> str:
    """Hover text for a citation marker: the reference entry of each label it carries, or
    that the label points nowhere."""
    references = {reference.id: reference for reference in analysis.references}
    lines = [f"**Citation** {markdown_text(marker)}", ""]
    for citation in citations:
        label = markdown_text(citation.marker)
        reference = references.get(citation.reference) if citation.reference else None
        if reference is None:
            lines.append(f"- {label}: points nowhere (no reference entry has this label)")
        else:
            lines.append(f"- {label}: {markdown_text(reference.text)}")
    return "\n".join(lines)


def hover_at(linted: Linted, offset: int) -> tuple[str, int, int] | None:
    """What is at an offset of the text, as hover Markdown with the span it describes: a
    citation marker first, then a statistic, then a quotation (its marks included)."""
    document, analysis = linted.document, linted.analysis
    if document is None or analysis is None:
        return None

    def span(start: int, end: int) -> tuple[int, int]:
        first = document.offsets.to_source(start)
        return first, max(document.offsets.to_source(max(end - 1, start)) + 1, first)

    marker_spans = [(span(c.start, c.end), c) for c in analysis.citations]
    hit = [(bounds, c) for bounds, c in marker_spans if bounds[0] <= offset < bounds[1]]
    if hit:
        (start, end), _ = hit[0]
        citations = [c for bounds, c in hit if bounds == (start, end)]
        return citation_hover(linted.text[start:end], citations, analysis), start, end
    for quantity in analysis.quantities:
        start, end = span(quantity.start, quantity.end)
        if start <= offset < end:
            return quantity_hover(quantity), start, end
    for quote in analysis.quotes:
        start, end = span(quote.start, quote.end)
        if start - 1 <= offset <= end:  # the marks around the words count
            return quote_hover(quote), max(start - 1, 0), min(end + 1, len(linted.text))
    return None


# Code actions

_ANY_DIRECTIVE = re.compile(r"<!--\s*sourcelint\s*:", re.IGNORECASE)
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
_RULE_LINE = re.compile(r"^ {0,3}([-=*_+.])(?:[ \t]*\1)*[ \t]*$")  # ---, ===, ***, +++, ...
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_MARKDOWN_PREFIX = re.compile(r"^(?:[ \t]*>)*[ \t]*")
_HTML_PREFIX = re.compile(r"^[ \t]*")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_CLOSING_MARKS = "\"'”’»›」』"


@dataclass(frozen=True)
class Edit:
    """A replacement of the text from (line, column) to (end_line, end_column), 0-based and
    in characters."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str


def _in_front_matter(lines: Sequence[str], line: int) -> bool:
    if not lines or lines[0].strip() != "---":
        return False
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return line <= index
    return False


def _codes_cover(codes: Sequence[str], code: str) -> bool:
    return not codes or "ALL" in codes or any(code.startswith(prefix) for prefix in codes)


def suppression_edit(lines: Sequence[str], line: int, code: str, format: str) -> Edit | None:
    """The edit that silences `code` on 0-based `line` with the comment suppress.py reads,
    `<!-- sourcelint: disable-next-line=CODE -->`, or None where no comment can do it (plain
    text, front matter, the middle of an HTML tag) or one already names the code.

    The comment goes on the line before. In Markdown a comment on a line of its own would
    end the paragraph or list above it, so after a line of text it is added to the end of
    that line (still the line before, and inline HTML there changes nothing); after a blank
    line, a heading, a fence or a rule it is a line of its own, indented (and quoted) as the
    flagged line is. A directive that already silences the flagged line (on the nearest line
    above with text: blank lines between do not count) gets the code added, and after any
    other sourcelint comment there the new one goes on the same line, so that neither comment
    ends up silencing the new line instead of the flagged one."""
    if format not in COMMENT_FORMATS or not 0 <= line < len(lines):
        return None
    if format == "md" and _in_front_matter(lines, line):
        return None
    comment = f"<!-- sourcelint: disable-next-line={code} -->"
    previous = lines[line - 1] if line > 0 else ""
    above = next((index for index in range(line - 1, -1, -1) if lines[index].strip()), None)
    if above is not None and _ANY_DIRECTIVE.search(lines[above]):
        directives = [
            found
            for found in DIRECTIVE.finditer(lines[above])
            if found.group("action").lower() == "disable-next-line"
        ]
        if directives:
            directive = directives[-1]
            codes = list(directive_codes(directive.group("codes")))
            start, end = directive.span("codes")
            if _codes_cover(codes, code) or start < 0:
                return None
            return Edit(above, start, above, end, ",".join([*codes, code]))
        at = len(lines[above].rstrip())
        return Edit(above, at, above, at, f" {comment}")
    if format == "md" and previous.strip():
        block_ends = _FENCE.match(previous) or _RULE_LINE.match(previous)
        if not (block_ends or _HEADING.match(previous)):
            stripped = previous.rstrip()
            if stripped.lstrip().startswith("|") and stripped.endswith("|") and len(stripped) > 1:
                at = len(stripped) - 1  # a table row: inside its last cell
                return Edit(line - 1, at, line - 1, at, f"{comment} ")
            at = len(stripped)  # before trailing spaces, which may be a hard line break
            return Edit(line - 1, at, line - 1, at, f" {comment}")
    if format == "html":
        before = "\n".join(lines[:line])
        if before.rfind("<") > before.rfind(">"):
            return None  # the line starts inside a tag or a comment
    prefix_pattern = _MARKDOWN_PREFIX if format == "md" else _HTML_PREFIX
    prefix = prefix_pattern.match(lines[line])
    indent = prefix.group(0) if prefix else ""
    return Edit(line, 0, line, 0, f"{indent}{comment}\n")


def _after(linted: Linted, document: Document, end: int) -> int:
    """The source offset just after the character that ends at text offset `end`: past the
    whole of an escape (Markdown `\\.`) or a character reference (`&rdquo;`) it was written as."""
    source = document.offsets.to_source(end - 1)
    if linted.format == "md" and linted.text.startswith("\\", source):
        return source + 2
    entity = _ENTITY.match(linted.text, source)
    return entity.end() if entity else source + 1


def citation_needed_offset(linted: Linted, finding: Finding) -> int | None:
    """Where a `[citation needed]` flag goes for a finding that says something lacks a
    source: after the sentence that holds the end of the flagged span (for SL401 and SL403
    the span is that sentence; for a figure, a vague phrase or a quotation it is the
    sentence they are in, where editors put the flag), else after the span and any closing
    quotation mark. None when the document was not analysed or the flag is already there."""
    document, analysis, text = linted.document, linted.analysis, linted.text
    if document is None or analysis is None:
        return None
    last = max(finding.end - 1, finding.start)
    sentence_end = next(
        (claim.end for claim in analysis.claims if claim.start <= last < claim.end), None
    )
    if sentence_end is not None:
        offset = _after(linted, document, sentence_end)
    elif finding.end > finding.start:
        offset = _after(linted, document, finding.end)
        while offset < len(text) and text[offset] in _CLOSING_MARKS:
            offset += 1
    else:
        offset = document.offsets.to_source(finding.start)
    offset = min(max(offset, 0), len(text))
    return None if text.startswith(CITATION_NEEDED, offset) else offset


# The server


@dataclass
class _DocumentState:
    """What the server keeps per open document: its newest analysis, the debounced task that
    will publish the next, and the analysis running now (shared with hovers that need it)."""

    linted: Linted | None = None
    pending: asyncio.Task[None] | None = None
    running: tuple[tuple[int | None, str], asyncio.Future[Linted | None]] | None = None


class SourcelintLanguageServer(LanguageServer):
    """The language server: keeps each open document's analysis and publishes findings."""

    def __init__(self, config: Path | None = None, debounce: float = DEBOUNCE_SECONDS) -> None:
        super().__init__(
            SOURCE, __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
        )
        self.config_file = config
        self.debounce = debounce
        # One worker: analyses never run at once (spaCy's pipeline is not thread-safe) and
        # the model, loaded first on it, is loaded once.
        self.analysis_pool = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="sourcelint-analysis"
        )
        self.document_states: dict[str, _DocumentState] = {}
        # per document, the number of the newest analysis asked for: older ones still queued
        # on the analysis thread are skipped
        self._generations: dict[str, int] = {}
        self.shutdown_requested = False

    @property
    def encoding(self) -> str:
        """The position encoding agreed with the client at initialize."""
        chosen = self.workspace.position_encoding
        value = getattr(chosen, "value", chosen)
        return value if value in (UTF8, UTF16, UTF32) else UTF16

    async def load_model(self) -> None:
        """Load the spaCy model on the analysis thread, once per server: analyses queue
        behind it. A missing model (SL908) is shown to the user; each analysis then reports
        it as a diagnostic too."""
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self.analysis_pool, nlp.sentence_pipeline)
        except Exception as error:
            failure = error if isinstance(error, SourcelintError) else internal_error(error)
            self.window_show_message(
                types.ShowMessageParams(
                    types.MessageType.Error, f"sourcelint: {printable(str(failure))}"
                )
            )

    def _snapshot(self, uri: str) -> tuple[str, int | None, str, str | None] | None:
        """The open document's text, version, format and file path; None when the document is
        not open or not one sourcelint reads."""
        document = self.workspace.text_documents.get(unquote(uri))
        if document is None:
            return None
        fmt = document_format(uri, document.language_id)
        if fmt is None:
            return None
        return document.source, document.version, fmt, to_fs_path(uri)

    async def analysis(self, uri: str, *, fresh: bool = False) -> Linted | None:
        """The analysis of the document's current version: the one kept, the one running,
        or a new one on the analysis thread. `fresh` ignores the one kept (a save may follow
        a change of configuration)."""
        snapshot = self._snapshot(uri)
        if snapshot is None:
            return None
        text, version, fmt, path = snapshot
        state = self.document_states.setdefault(uri, _DocumentState())
        key = (version, normalize_newlines(text))
        kept = state.linted
        if not fresh and kept is not None and (kept.version, kept.text) == key:
            return kept
        if state.running is not None and state.running[0] == key and not fresh:
            return await asyncio.shield(state.running[1])
        root = to_fs_path(self.workspace.root_uri) if self.workspace.root_uri else None
        generation = self._generations.get(uri, 0) + 1
        self._generations[uri] = generation

        def work() -> Linted | None:
            if self._generations.get(uri) != generation:
                return None  # a newer version was asked for before this one's turn came
            return lint(
                text, version=version, format=fmt, path=path, root=root, config=self.config_file
            )

        future = asyncio.get_running_loop().run_in_executor(self.analysis_pool, work)
        state.running = (key, future)

        def finished(done: asyncio.Future[Linted | None]) -> None:
            # kept even when the task that asked for it was cancelled by a newer change
            if state.running is not None and state.running[1] is done:
                state.running = None
            open_still = self.document_states.get(uri) is state
            if open_still and not done.cancelled() and done.exception() is None:
                state.linted = done.result() or state.linted

        future.add_done_callback(finished)
        return await asyncio.shield(future)

    def schedule(self, uri: str, delay: float, *, fresh: bool = False) -> None:
        """Publish the document's diagnostics after `delay` seconds unless another change
        comes first (which reschedules)."""
        state = self.document_states.setdefault(uri, _DocumentState())
        if state.pending is not None:
            state.pending.cancel()
        state.pending = asyncio.ensure_future(self._publish_later(uri, delay, fresh))

    async def _publish_later(self, uri: str, delay: float, fresh: bool) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        linted = await self.analysis(uri, fresh=fresh)
        snapshot = self._snapshot(uri)
        if linted is None or snapshot is None or snapshot[1] != linted.version:
            return  # closed, or a newer version has come (its own task publishes it)
        positions = TextPositions(linted.text, self.encoding)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=linted.version,
                diagnostics=[
                    to_diagnostic(finding, positions, linted) for finding in linted.findings
                ],
            )
        )

    def forget(self, uri: str) -> None:
        """A closed document: stop its pending work and clear its diagnostics."""
        state = self.document_states.pop(uri, None)
        if state is not None and state.pending is not None:
            state.pending.cancel()
        self._generations[uri] = self._generations.get(uri, 0) + 1
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    def kept_analysis(self, uri: str) -> Linted | None:
        """The analysis kept for the document's current text, if any (no new analysis)."""
        snapshot = self._snapshot(uri)
        state = self.document_states.get(uri)
        if snapshot is None or state is None or state.linted is None:
            return None
        if state.linted.text != normalize_newlines(snapshot[0]):
            return None
        return state.linted

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        """Quick fixes for sourcelint's diagnostics in the request's context."""
        only = params.context.only
        if only is not None and not any(
            types.CodeActionKind.QuickFix.value.startswith(kind) for kind in only
        ):
            return []
        uri = params.text_document.uri
        snapshot = self._snapshot(uri)
        if snapshot is None:
            return []
        text, _, fmt, _ = snapshot
        newline = "\r\n" if "\r\n" in text else "\n"
        positions = TextPositions(normalize_newlines(text), self.encoding)
        linted = self.kept_analysis(uri)
        actions: list[types.CodeAction] = []
        for diagnostic in params.context.diagnostics:
            code = diagnostic.code
            if diagnostic.source != SOURCE or not isinstance(code, str):
                continue
            if code not in RULES_BY_CODE:
                continue  # problems with the whole document (SL906, SL907...) are no findings
            edit = suppression_edit(positions.lines, diagnostic.range.start.line, code, fmt)
            if edit is not None:
                actions.append(
                    _action(
                        f"Silence {code} on this line (sourcelint: disable-next-line)",
                        uri,
                        diagnostic,
                        types.TextEdit(
                            types.Range(
                                positions.position(edit.line, edit.column),
                                positions.position(edit.end_line, edit.end_column),
                            ),
                            edit.text.replace("\n", newline),
                        ),
                    )
                )
            if code in MISSING_SOURCE_CODES:
                at = self._citation_needed_at(linted, diagnostic, positions)
                if at is not None:
                    actions.append(
                        _action(
                            f"Flag it {CITATION_NEEDED} ({code})",
                            uri,
                            diagnostic,
                            types.TextEdit(types.Range(at, at), CITATION_NEEDED),
                        )
                    )
        return actions

    @staticmethod
    def _citation_needed_at(
        linted: Linted | None, diagnostic: types.Diagnostic, positions: TextPositions
    ) -> types.Position | None:
        if linted is not None:
            for finding in linted.findings:
                if finding.code == diagnostic.code and (
                    diagnostic_range(finding, positions, linted) == diagnostic.range
                ):
                    offset = citation_needed_offset(linted, finding)
                    return None if offset is None else positions.position_at(offset)
        end = positions.offset_at(diagnostic.range.end)
        if positions.text.startswith(CITATION_NEEDED, end):
            return None
        return positions.position_at(end)

    async def hover(self, params: types.HoverParams) -> types.Hover | None:
        """What is under the cursor: a quotation, a statistic or a citation marker."""
        linted = await self.analysis(params.text_document.uri)
        if linted is None:
            return None
        positions = TextPositions(linted.text, self.encoding)
        found = hover_at(linted, positions.offset_at(params.position))
        if found is None:
            return None
        content, start, end = found
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=content),
            range=types.Range(positions.position_at(start), positions.position_at(end)),
        )


def _action(
    title: str, uri: str, diagnostic: types.Diagnostic, edit: types.TextEdit
) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
    )


def create_server(
    config: Path | None = None, debounce: float = DEBOUNCE_SECONDS
) -> SourcelintLanguageServer:
    """A language server with sourcelint's features registered (not yet started)."""
    server = SourcelintLanguageServer(config, debounce)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: SourcelintLanguageServer, params: types.InitializedParams) -> None:
        await ls.load_model()

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: SourcelintLanguageServer, params: None) -> None:
        ls.shutdown_requested = True
        for state in ls.document_states.values():
            if state.pending is not None:
                state.pending.cancel()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(
        ls: SourcelintLanguageServer, params: types.DidOpenTextDocumentParams
    ) -> None:
        ls.schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(
        ls: SourcelintLanguageServer, params: types.DidChangeTextDocumentParams
    ) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(
        ls: SourcelintLanguageServer, params: types.DidSaveTextDocumentParams
    ) -> None:
        ls.schedule(params.text_document.uri, 0.0, fresh=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(
        ls: SourcelintLanguageServer, params: types.DidCloseTextDocumentParams
    ) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: SourcelintLanguageServer, params: types.HoverParams) -> types.Hover | None:
        return await ls.hover(params)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(
        ls: SourcelintLanguageServer, params: types.CodeActionParams
    ) -> list[types.CodeAction]:
        return ls.code_actions(params)

    return server


def serve_stdio(config: Path | None = None) -> int:
    """Run the language server on standard input and output until the client says exit.
    Returns 0 after a shutdown request, 1 when the client exits without one (as LSP asks)."""
    server = create_server(config)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    original = sys.stdout
    sys.stdout = sys.stderr  # a stray print must not corrupt the JSON-RPC stream
    try:
        server.start_io(stdin, stdout)
    finally:
        sys.stdout = original
        server.analysis_pool.shutdown(wait=False, cancel_futures=True)
    return 0 if server.shutdown_requested else 1
