"""Builds a Document's text from pieces of source, keeping the offset map and block runs.

Readers for structured formats (Markdown, HTML) walk their parse tree and hand the builder
text with the source offset of every character; the builder folds white space, separates
blocks with blank lines and records each run of text with the attributes of its block.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sourcelint.document import Block, BlockKind, Document, Link, MarkerHint, OffsetMap, Problem

_BREAK_RANK = {"": 0, " ": 1, "\n": 2, "\n\n": 3}
_NON_SPACE = re.compile(r"\S+")


class TextBuilder:
    """Accumulates text, its offset map, and block runs."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.offsets = OffsetMap()
        self._pending = ""
        self._pending_source = 0
        self._block_stack: list[Block] = [Block(0, 0, BlockKind.PARAGRAPH)]
        self._run_start: int | None = None
        self._run_end = 0
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.marker_hints: list[MarkerHint] = []
        self.code_spans: list[tuple[int, int]] = []
        self.preformatted = 0

    @property
    def position(self) -> int:
        """The offset the next emitted character will have (pending white space included)."""
        return self._length + (len(self._pending) if self._pending and self._length else 0)

    def text(self) -> str:
        """The text built so far."""
        return "".join(self._parts)

    def _request(self, separator: str, source_offset: int) -> None:
        if _BREAK_RANK[separator] > _BREAK_RANK[self._pending]:
            self._pending = separator
            self._pending_source = source_offset

    def _write(self, chars: str, source_offsets: Sequence[int]) -> None:
        self._parts.append(chars)
        self.offsets.add_run(self._length, source_offsets)
        self._length += len(chars)

    def emit(self, chars: str, source_offsets: Sequence[int]) -> None:
        """Add characters, each with its source offset; white space is folded outside <pre>."""
        for char, source_offset in zip(chars, source_offsets, strict=True):
            if char.isspace() and not self.preformatted:
                self._request(" ", source_offset)
                continue
            if self.preformatted and char == "\n":
                self._request("\n", source_offset)
                continue
            if self._pending and self._length:
                self._write(self._pending, [self._pending_source] * len(self._pending))
            self._pending = ""
            if self._run_start is None:
                self._run_start = self._length
            self._write(char, (source_offset,))
            self._run_end = self._length

    def emit_text(self, chars: str, source_start: int) -> None:
        """Add characters whose source offsets run on from `source_start` (a PDF's line):
        as `emit` does, white space folded, but a word at a time, for speed."""
        if self.preformatted:
            self.emit(chars, range(source_start, source_start + len(chars)))
            return
        position = 0
        for match in _NON_SPACE.finditer(chars):
            if match.start() > position:
                self._request(" ", source_start + position)
            if self._pending and self._length:
                self._write(self._pending, [self._pending_source] * len(self._pending))
            self._pending = ""
            if self._run_start is None:
                self._run_start = self._length
            word = match.group()
            self._parts.append(word)
            self.offsets.add(self._length, source_start + match.start())  # linear in the word
            self._length += len(word)
            self._run_end = self._length
            position = match.end()
        if position < len(chars):
            self._request(" ", source_start + position)

    def emit_synthetic(self, chars: str, source_offset: int) -> None:
        """Add characters that stand for markup (a marker's brackets) at one source offset."""
        self.emit(chars, [source_offset] * len(chars))

    def line_break(self, source_offset: int) -> None:
        """A hard line break (<br>, a Markdown hard break)."""
        self._request("\n", source_offset)

    def _close_run(self) -> None:
        if self._run_start is not None and self._run_end > self._run_start:
            self.blocks.append(
                replace(self._block_stack[-1], start=self._run_start, end=self._run_end)
            )
        self._run_start = None

    def open_block(self, source_offset: int, **attributes: Any) -> None:
        """Start a block; its attributes extend those of the enclosing block."""
        self._close_run()
        self._request("\n\n", source_offset)
        self._block_stack.append(replace(self._block_stack[-1], **attributes))

    def close_block(self, source_offset: int) -> None:
        """End the innermost block."""
        self._close_run()
        self._request("\n\n", source_offset)
        if len(self._block_stack) > 1:
            self._block_stack.pop()

    def add_link(self, start: int, url: str) -> None:
        """Record a link whose visible text runs from `start` to the current end."""
        if self._length > start:
            self.links.append(Link(start, self._length, url))

    def add_code(self, start: int) -> None:
        """Record inline code from `start` to the current end: no markers are looked for there."""
        if self._length > start:
            self.code_spans.append((start, self._length))

    def add_marker(self, start: int, label: str, target: str | None) -> None:
        """Record a structural citation marker spanning `start` to the current end."""
        if self._length > start:
            self.marker_hints.append(MarkerHint(start, self._length, label, target))

    def finish(self) -> str:
        """Close the last run and return the text."""
        self._close_run()
        return self.text()

    def document(
        self,
        *,
        path: str,
        format: str,
        source: str,
        title: str | None,
        date: str | None,
        problems: tuple[Problem, ...],
        title_source: str | None = None,
        date_source: str | None = None,
    ) -> Document:
        """The finished Document: this builder's text and structure, and what the reader found."""
        return Document(
            path=path,
            format=format,
            text=self.finish(),
            source=source,
            offsets=self.offsets,
            title=title,
            date=date,
            title_source=title_source if title is not None else None,
            date_source=date_source if date is not None else None,
            blocks=tuple(self.blocks),
            links=tuple(self.links),
            marker_hints=tuple(self.marker_hints),
            problems=problems,
            code_spans=tuple(self.code_spans),
        )


def find_aligned(
    haystack: str, needle: str, cursor: int, *, window: int = 64, limit: int | None = None
) -> list[int]:
    """Offsets in `haystack` of each character of `needle`, searched from `cursor` on.

    Tries an exact match first, no further than `limit` (default: a few thousand characters
    ahead, so that a failed search never scans a whole file); falls back to matching
    character by character within a small window, which survives escapes and entities that
    change the source's spelling. Characters that cannot be found map to the position reached.
    """
    end = limit if limit is not None else cursor + window * 64 + len(needle)
    found = haystack.find(needle, cursor, end)
    if found >= 0:
        return list(range(found, found + len(needle)))
    positions: list[int] = []
    position = cursor
    for char in needle:
        hit = haystack.find(char, position, position + window)
        if hit < 0:
            positions.append(min(position, max(len(haystack) - 1, 0)))
            continue
        positions.append(hit)
        position = hit + 1
    return positions


def select_blocks(document: Document, keep: Sequence[int]) -> Document:
    """The document reduced to the blocks at the indices `keep` (in order), joined by blank
    lines; offsets, links, markers and code spans inside them follow, the rest is dropped."""
    text_parts: list[str] = []
    offsets = OffsetMap()
    blocks: list[Block] = []
    shifts: list[tuple[int, int, int]] = []  # (old start, old end, new start)
    length = 0
    for index in keep:
        block = document.blocks[index]
        if text_parts:
            separator_source = document.offsets.to_source(block.start)
            text_parts.append("\n\n")
            offsets.add(length, separator_source)
            offsets.add(length + 1, separator_source)
            length += 2
        # the old map is linear between its run starts: only those inside the block are added
        for offset in (block.start, *document.offsets.run_starts(block.start + 1, block.end)):
            offsets.add(length + offset - block.start, document.offsets.to_source(offset))
        text_parts.append(document.text[block.start : block.end])
        shifts.append((block.start, block.end, length))
        blocks.append(replace(block, start=length, end=length + block.end - block.start))
        length += block.end - block.start

    old_starts = [old_start for old_start, _, _ in shifts]

    def moved(start: int, end: int) -> tuple[int, int] | None:
        index = bisect.bisect_right(old_starts, start) - 1
        if index < 0:
            return None
        old_start, old_end, new_start = shifts[index]
        if end <= old_end:
            return new_start + start - old_start, new_start + end - old_start
        return None

    links = [
        replace(link, start=span[0], end=span[1])
        for link in document.links
        if (span := moved(link.start, link.end))
    ]
    hints = [
        replace(hint, start=span[0], end=span[1])
        for hint in document.marker_hints
        if (span := moved(hint.start, hint.end))
    ]
    code = [span for start, end in document.code_spans if (span := moved(start, end))]
    return replace(
        document,
        text="".join(text_parts),
        offsets=offsets,
        blocks=tuple(blocks),
        links=tuple(links),
        marker_hints=tuple(hints),
        code_spans=tuple(code),
    )
