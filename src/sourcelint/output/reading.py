"""What a scan reads (`sourcelint text`): a document's blocks with their kinds, its title and
date with where each came from, and what the reader reported about the input."""

from __future__ import annotations

import json
from typing import Any

from sourcelint.display import printable, printable_name
from sourcelint.document import Block, BlockKind, Document


def block_kind(block: Block) -> str:
    """The kind a person reads: a paragraph inside a block quote is a `blockquote`."""
    if block.quote and block.kind is BlockKind.PARAGRAPH:
        return "blockquote"
    return block.kind.value


def _words(document: Document) -> int:
    return sum(len(document.text[b.start : b.end].split()) for b in document.blocks)


def reading_json(document: Document) -> dict[str, Any]:
    """The reading as a JSON object: `blocks` (kind, text, start, end, line, col; `level` for
    headings, `quote` inside block quotes, `page` in a PDF) and the title and date with their
    sources."""
    blocks = []
    for block in document.blocks:
        line, col = document.locate(block.start)
        entry: dict[str, Any] = {
            "kind": block.kind.value,
            "text": document.text[block.start : block.end],
            "start": block.start,
            "end": block.end,
            "line": line,
            "col": col,
            "quote": block.quote,
        }
        if block.kind is BlockKind.HEADING:
            entry["level"] = block.level
        if (page := document.page(block.start)) is not None:
            entry["page"] = page
        blocks.append(entry)
    return {
        "path": document.path,
        "format": document.format,
        "title": document.title,
        "title_source": document.title_source,
        "date": document.date,
        "date_source": document.date_source,
        "words": _words(document),
        "blocks": blocks,
        "problems": [
            {"code": problem.code, "message": problem.message} for problem in document.problems
        ],
    }


def render_reading_json(document: Document) -> str:
    """`sourcelint text --format json`."""
    return json.dumps(reading_json(document), ensure_ascii=False, indent=2) + "\n"


def render_reading_text(document: Document) -> str:
    """`sourcelint text`: a header (title, date, their sources, size), then one line per
    block: where it starts (line:col), its kind, its text on one line."""

    def source(value: str | None, found_in: str | None) -> str:
        if value is None:
            return "none found"
        return f"{printable(value)}  ({found_in})" if found_in else printable(value)

    lines = [
        f"{printable_name(document.path)} ({document.format}): "
        f"{len(document.blocks)} blocks, {_words(document):,} words",
        f"title: {source(document.title, document.title_source)}",
        f"date:  {source(document.date, document.date_source)}",
    ]
    lines += [
        f"note:  {problem.code} {printable(problem.message)}" for problem in document.problems
    ]
    lines.append("")
    for block in document.blocks:
        line, col = document.locate(block.start)
        kind = block_kind(block)
        if block.kind is BlockKind.HEADING:
            kind = f"heading {block.level}" if block.level else kind
        text = " ".join(document.text[block.start : block.end].split())
        page = document.page(block.start)
        where = f"p{page}:{line}:{col}" if page is not None else f"{line}:{col}"
        lines.append(f"{where:<9} {kind:<12} {printable(text)}")
    return "\n".join(lines) + "\n"
