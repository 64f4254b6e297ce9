"""Plain text: the text is the source; paragraphs are separated by blank lines."""

from __future__ import annotations

import re

from sourcelint.dates import parse_date, unusable_date, unusable_date_message
from sourcelint.document import Block, BlockKind, Document, OffsetMap, Problem

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
_TERMINAL = tuple('.!?;,"”’)')
_DATE_LINE = re.compile(r"^\s*(?:(?:published|posted|updated|date|dated)\s*:?\s*)?(.{6,60})$", re.I)
_LABELLED_DATE_LINE = re.compile(
    r"^\s*(?:published|posted|updated|date|dated)\s*:?\s*(.{6,60})$", re.I
)
_TITLE_MAX = 120


_TRAILING_MARKERS = re.compile(r"(?:\[[^\]\n]{1,12}\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+)+$")


def _is_heading(line: str) -> bool:
    # "… 4.1 million tonnes.[7]" is a sentence: its full stop sits before the marker
    stripped = _TRAILING_MARKERS.sub("", line.strip()).rstrip()
    return (
        0 < len(stripped) <= 80
        and not stripped.endswith(_TERMINAL)
        and not stripped.startswith(("[", "^", "*", "-", "•"))
    )


def paragraph_blocks(text: str) -> list[Block]:
    """Blank-line separated paragraphs; one-line paragraphs without closing punctuation, and
    lines underlined with === or ---, are headings."""
    blocks: list[Block] = []
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        stripped_start = position + (len(chunk) - len(chunk.lstrip()))
        stripped_end = position + len(chunk.rstrip())
        if stripped_end > stripped_start:
            lines = text[stripped_start:stripped_end].split("\n")
            if len(lines) == 2 and _UNDERLINE.match(lines[1]) and lines[0].strip():
                first_end = stripped_start + len(lines[0].rstrip())
                blocks.append(Block(stripped_start, first_end, BlockKind.HEADING, level=1))
            elif len(lines) == 1 and _is_heading(lines[0]):
                blocks.append(Block(stripped_start, stripped_end, BlockKind.HEADING, level=2))
            else:
                blocks.append(Block(stripped_start, stripped_end, BlockKind.PARAGRAPH))
        position = match.end() if match else len(text)
    return blocks


def _title_and_date(text: str, blocks: list[Block]) -> tuple[str | None, str | None, str | None]:
    """The title (a short first line), the date and where the date came from: `date-line` (a
    line that is a date, "Published: 3 May 2024") or `dateline` (a news dateline's date)."""
    title = None
    if blocks:
        first_line = text[blocks[0].start : blocks[0].end].split("\n", 1)[0].strip()
        is_whole_text = blocks[0].start + len(first_line) >= len(text.rstrip())
        if (
            len(first_line) <= _TITLE_MAX
            and len(first_line.split()) >= 2
            and not first_line.endswith((".", ",", ":", ";"))
            and not is_whole_text
        ):
            title = first_line
    published, date_source = None, None
    lines = [line for line in text[:3000].split("\n")[:15] if line.strip()]
    for number, line in enumerate(lines):
        if number == 0 and title is not None and line.strip() == title:
            continue  # the headline: "Remembering the landings of 6 June 1944"
        match = _DATE_LINE.match(line)
        if match and len(line.split()) <= 10:
            published, date_source = parse_date(match.group(1)), "date-line"
        elif number <= 2:
            # a dateline: "PORT SELLICK, April 9, 2024 — ..."
            published, date_source = parse_date(line), "dateline"
        if published:
            return title, published, date_source
    return title, None, None


def _unusable_date_line(text: str) -> tuple[Problem, ...]:
    """SL914 for a labelled date line near the top ("Date: 0001-01-01") that names no usable
    date. (An unlabelled line with an old date is a subject, "Hastings, October 14, 1066".)"""
    position = 0
    for line in text[:3000].split("\n")[:15]:
        match = _LABELLED_DATE_LINE.match(line)
        if match and (shown := unusable_date(match.group(1))) is not None:
            message = unusable_date_message("the date line", shown)
            return (Problem("SL914", message, position, position + len(line)),)
        position += len(line) + 1
    return ()


def read_text(source: str, *, path: str, problems: tuple[Problem, ...] = ()) -> Document:
    """Read plain text (already decoded, newlines normalised)."""
    blocks = paragraph_blocks(source)
    title, published, date_source = _title_and_date(source, blocks)
    if published is None:
        problems = (*problems, *_unusable_date_line(source))
    return Document(
        path=path,
        format="txt",
        text=source,
        source=source,
        offsets=OffsetMap.identity(),
        title=title,
        date=published,
        title_source="first-line" if title is not None else None,
        date_source=date_source,
        blocks=tuple(blocks),
        problems=problems,
    )
