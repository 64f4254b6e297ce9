"""The reader's output: a document's plain text, and how each character maps back to the file.

Offsets inside sourcelint are 0-based character offsets into `Document.text`. Line and column
are 1-based and point into the file the user gave (after decoding; a column counts characters).
A PDF has no lines of its own: its source is the text of its pages, line by line in reading
order, and its positions are a page and a line on that page (`Document.page_starts`). A Word
file's source holds one paragraph a line, so its line is the paragraph's number.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sourcelint.record_table import CACHED_ROWS, RecordTable


class BlockKind(StrEnum):
    """What a run of text is in the source's structure."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    NOTE = "note"  # a footnote or endnote definition found by structure (md [^1]:, html notes)
    CELL = "cell"
    CAPTION = "caption"  # a figure or table caption, an image credit line
    PREFORMATTED = "preformatted"


# Blocks that hold running prose, where claims, statistics findings and quotations are read;
# table cells, captions, notes and code are not prose (citation markers in them still count).
PROSE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM})


@dataclass(frozen=True, slots=True)
class Block:
    """A run of text between block boundaries (paragraph, heading, list item, note, cell).

    `item` groups the runs of one list item or note (a note may hold several paragraphs);
    `group` identifies the list (or, for a table cell, the table) it belongs to; `row` the
    table row of a cell; `ordinal` is its number in an ordered list;
    `label` a printed or declared label (a Markdown footnote's label); `anchor` the HTML id
    markers link to; `notes` is true when the source marks the container as footnotes or
    references (class="references", role="doc-endnotes", Markdown footnotes).
    """

    start: int
    end: int
    kind: BlockKind
    level: int = 0
    item: int | None = None
    group: int | None = None
    ordinal: int | None = None
    label: str | None = None
    anchor: str | None = None
    notes: bool = False
    quote: bool = False
    row: int | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink: the span of its visible text and where it points."""

    start: int
    end: int
    url: str


@dataclass(frozen=True, slots=True)
class MarkerHint:
    """A citation marker the source's structure declares (HTML superscript or footnote link,
    Markdown footnote reference), with the fragment it links to when there is one."""

    start: int
    end: int
    label: str
    target: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the input that is reported as a finding (an SL9xx code).

    `source_offset`, when set, is where the problem is in the decoded source; it decides the
    finding's line and column when the problem lies in markup rather than in the text.
    """

    code: str
    message: str
    start: int = 0
    end: int = 0
    source_offset: int | None = None


class OffsetMap:
    """Maps offsets in the extracted text to offsets in the decoded source, piecewise linearly.

    Stored as runs: from text offset `text_starts[i]` on, text offset t maps to
    `source_starts[i] + (t - text_starts[i])`. Compact enough for 50 MB documents.
    """

    __slots__ = ("_source_starts", "_text_starts")

    def __init__(self) -> None:
        self._text_starts: array[int] = array("q")
        self._source_starts: array[int] = array("q")

    @classmethod
    def identity(cls) -> OffsetMap:
        """The map of a text that is its own source."""
        offset_map = cls()
        offset_map.add(0, 0)
        return offset_map

    def add(self, text_offset: int, source_offset: int) -> None:
        """Declare that `text_offset` comes from `source_offset`; runs are merged when linear."""
        if self._text_starts:
            last_text, last_source = self._text_starts[-1], self._source_starts[-1]
            if source_offset - last_source == text_offset - last_text:
                return
            if text_offset == last_text:
                self._source_starts[-1] = source_offset
                return
        self._text_starts.append(text_offset)
        self._source_starts.append(source_offset)

    def add_run(self, text_offset: int, source_offsets: Iterable[int]) -> None:
        """Declare the source offsets of consecutive text characters from `text_offset` on."""
        for index, source_offset in enumerate(source_offsets):
            self.add(text_offset + index, source_offset)

    def run_starts(self, start: int, end: int) -> list[int]:
        """The text offsets in [start, end) where a new linear run begins."""
        low = bisect.bisect_left(self._text_starts, start)
        high = bisect.bisect_left(self._text_starts, end)
        return list(self._text_starts[low:high])

    def to_source(self, text_offset: int) -> int:
        """The source offset of a text offset (0 for an empty map)."""
        if not self._text_starts:
            return 0
        index = bisect.bisect_right(self._text_starts, text_offset) - 1
        index = max(index, 0)
        return self._source_starts[index] + (text_offset - self._text_starts[index])


_NEWLINE = re.compile(r"\n")


class LineIndex:
    """Turns source offsets into 1-based (line, column) pairs."""

    __slots__ = ("_length", "_starts")

    def __init__(self, source: str) -> None:
        self._starts: array[int] = array("q", [0])
        self._starts.extend(match.end() for match in _NEWLINE.finditer(source))
        self._length = len(source)

    def locate(self, source_offset: int) -> tuple[int, int]:
        """The 1-based line and column of a source offset."""
        source_offset = min(max(source_offset, 0), self._length)
        line = bisect.bisect_right(self._starts, source_offset) - 1
        return line + 1, source_offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """The source offset where 1-based `line` starts."""
        line = min(max(line, 1), len(self._starts))
        return self._starts[line - 1]


@dataclass(frozen=True)
class Document:
    """A document as readers produce it and every later stage reads it."""

    path: str
    format: str
    text: str
    source: str
    offsets: OffsetMap
    title: str | None = None
    date: str | None = None
    title_source: str | None = None
    date_source: str | None = None
    # a document of more than CACHED_ROWS blocks keeps them as a RecordTable (columns)
    blocks: Sequence[Block] = ()
    links: tuple[Link, ...] = ()
    marker_hints: tuple[MarkerHint, ...] = ()
    problems: tuple[Problem, ...] = ()
    code_spans: tuple[tuple[int, int], ...] = ()
    # where each page starts in `source` (a PDF's pages; empty for unpaginated formats)
    page_starts: tuple[int, ...] = ()
    lines: LineIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", LineIndex(self.source))
        if len(self.blocks) > CACHED_ROWS and not isinstance(self.blocks, RecordTable):
            object.__setattr__(self, "blocks", RecordTable.build(Block, self.text, "", self.blocks))

    def locate(self, text_offset: int) -> tuple[int, int]:
        """The 1-based (line, column) in the source file of a 0-based text offset; in a
        paginated document the line is counted from the top of its page."""
        return self.locate_source(self.offsets.to_source(text_offset))

    def locate_source(self, source_offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of a source offset (the line on its page in a PDF)."""
        line, col = self.lines.locate(source_offset)
        if not self.page_starts:
            return line, col
        page_line, _ = self.lines.locate(self.page_starts[self._page_index(source_offset)])
        return line - page_line + 1, col

    def _page_index(self, source_offset: int) -> int:
        return max(bisect.bisect_right(self.page_starts, source_offset) - 1, 0)

    def page(self, text_offset: int) -> int | None:
        """The 1-based page of a text offset in a paginated document (a PDF), else None."""
        if not self.page_starts:
            return None
        return self._page_index(self.offsets.to_source(text_offset)) + 1

    def page_of_source(self, source_offset: int) -> int | None:
        """The 1-based page of a source offset in a paginated document, else None."""
        return self._page_index(source_offset) + 1 if self.page_starts else None
