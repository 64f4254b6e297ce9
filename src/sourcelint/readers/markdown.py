"""Markdown (CommonMark with footnotes, tables and front matter) via markdown-it-py.

Code blocks are left out of the text. Footnote references stay in the text as written
(`[^1]`) and are declared as markers; footnote definitions become note blocks at the end.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from sourcelint.dates import parse_date, unusable_date, unusable_date_message
from sourcelint.document import BlockKind, Document, LineIndex, Link, Problem
from sourcelint.readers.builder import TextBuilder, find_aligned
from sourcelint.readers.html import read_fragment

_FRONT_MATTER_FIELD = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*[:=]\s*(.*?)\s*$")
_SHORTCODE = re.compile(r"\{\{[<%]?.*?[>%]?\}\}|\{%.*?%\}", re.DOTALL)
_SUP_OPEN = re.compile(r"^<sup\b[^>]*>$", re.IGNORECASE)
_SUP_CLOSE = re.compile(r"^</sup\s*>$", re.IGNORECASE)
_SUP_LABEL = re.compile(r"^\[?(\d{1,3}|[*†‡]{1,3})\]?$")
_HEADING_LEVEL = re.compile(r"h([1-6])")
_LINK_DEFINITION = re.compile(
    r"^[ ]{0,3}\[(?P<label>\d{1,3})\]:[ \t]*<?(?P<url>[^\s>]+)>?"
    r"(?:[ \t]+[\"'(](?P<title>[^\n]*?)[\"')])?[ \t]*$",
    re.MULTILINE,
)
_FOOTNOTE_DEFINITION = re.compile(
    r"^\[\^(?P<label>[^\]\s]+)\]:[ \t]*(?P<body>[^\n]*(?:\n(?:[ \t]{2,}|\t)[^\n]+)*)", re.MULTILINE
)


def _parser() -> MarkdownIt:
    return (
        MarkdownIt("commonmark", {"html": True})
        .use(front_matter_plugin)
        .use(footnote_plugin)
        .enable("table")
    )


def _front_matter(content: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in content.split("\n"):
        match = _FRONT_MATTER_FIELD.match(line)
        if match:
            fields.setdefault(match.group(1).lower(), match.group(2).strip().strip("\"'"))
    return fields


class _MarkdownWalker:
    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = LineIndex(source)
        self.builder = TextBuilder()
        self.cursor = 0
        self.limit = len(source)
        self.ids = itertools.count(1)
        self.lists: list[tuple[int, bool, int]] = []
        self.linked_labels: set[str] = set()  # numbered links used as superscript markers
        self.code_lines: list[
            tuple[int, int]
        ] = []  # 0-based [first, last) of code blocks  # (group id, ordered, next ordinal)
        self.footnote_label: str | None = None

    def _span_of(self, token: Token) -> tuple[int, int]:
        if token.map is None:
            return self.cursor, self.limit
        return self.lines.line_start(token.map[0] + 1), self.lines.line_start(token.map[1] + 1)

    def _emit(self, content: str) -> None:
        positions = find_aligned(self.source, content, self.cursor, limit=self.limit)
        if positions:
            self.cursor = positions[-1] + 1
        self.builder.emit(content, positions)

    def in_code(self, offset: int) -> bool:
        """Whether a source offset lies in a code block (0-based lines, as token maps)."""
        line = self.lines.locate(offset)[0] - 1
        return any(first <= line < last for first, last in self.code_lines)

    def walk(self, tokens: list[Token]) -> None:
        for token in tokens:
            self._block_token(token)

    def _block_token(self, token: Token) -> None:
        builder = self.builder
        kind = token.type
        if kind == "heading_open":
            self.cursor, self.limit = self._span_of(token)
            level_match = _HEADING_LEVEL.fullmatch(token.tag)
            level = int(level_match.group(1)) if level_match else 1
            builder.open_block(self.cursor, kind=BlockKind.HEADING, level=level)
        elif kind in ("paragraph_open", "td_open", "th_open"):
            if token.map is not None:
                self.cursor, self.limit = self._span_of(token)
            if kind != "paragraph_open":
                builder.open_block(self.cursor, kind=BlockKind.CELL)
            else:
                builder.open_block(self.cursor)
        elif kind in ("heading_close", "paragraph_close", "td_close", "th_close"):
            builder.close_block(self.cursor)
        elif kind == "table_open":
            builder.open_block(self.cursor, group=next(self.ids))
        elif kind == "tr_open":
            builder.open_block(self.cursor, row=next(self.ids))
        elif kind in ("table_close", "tr_close"):
            builder.close_block(self.cursor)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1)
            self.lists.append((next(self.ids), kind == "ordered_list_open", start))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            if self.lists:
                self.lists.pop()
        elif kind == "list_item_open":
            group, ordered, ordinal = self.lists[-1] if self.lists else (0, False, 1)
            if self.lists:
                self.lists[-1] = (group, ordered, ordinal + 1)
            self.cursor, self.limit = self._span_of(token)
            builder.open_block(
                self.cursor,
                kind=BlockKind.LIST_ITEM,
                item=next(self.ids),
                group=group,
                ordinal=ordinal if ordered else None,
            )
        elif kind == "list_item_close":
            builder.close_block(self.cursor)
        elif kind == "blockquote_open":
            builder.open_block(self.cursor, quote=True)
        elif kind == "blockquote_close":
            builder.close_block(self.cursor)
        elif kind == "footnote_block_open":
            builder.open_block(self.cursor, notes=True, group=next(self.ids))
        elif kind == "footnote_block_close":
            builder.close_block(self.cursor)
        elif kind == "footnote_open":
            self.footnote_label = str(token.meta.get("label", ""))
            builder.open_block(
                self.cursor, kind=BlockKind.NOTE, item=next(self.ids), label=self.footnote_label
            )
        elif kind == "footnote_close":
            builder.close_block(self.cursor)
            self.footnote_label = None
        elif kind == "inline":
            self._inline(token.children or [])
        elif kind == "html_block" and token.map is not None:
            self._html_block(token)
        elif kind in ("fence", "code_block") and token.map is not None:
            self.code_lines.append((token.map[0], token.map[1]))
        elif kind == "hr":
            builder.close_block(self.cursor)

    def _html_block(self, token: Token) -> None:
        """A raw HTML block (a pull quote in `<aside>`, an embedded post in `<blockquote>`, a
        `<figure>`) read as HTML: its blocks keep their kinds and quote flags, its links and
        markers count, and offsets point into the Markdown source."""
        assert token.map is not None
        start = self.lines.line_start(token.map[0] + 1)
        fragment = read_fragment(token.content)
        builder = self.builder
        for block in fragment.blocks:
            builder.open_block(
                start + fragment.offsets.to_source(block.start),
                kind=block.kind,
                level=block.level,
                quote=block.quote,
                notes=block.notes,
                anchor=block.anchor,
            )
            base = builder.position
            builder.emit(
                fragment.text[block.start : block.end],
                [start + fragment.offsets.to_source(i) for i in range(block.start, block.end)],
            )
            shift = base - block.start
            builder.links.extend(
                Link(link.start + shift, link.end + shift, link.url)
                for link in fragment.links
                if block.start <= link.start and link.end <= block.end
            )
            builder.marker_hints.extend(
                replace(hint, start=hint.start + shift, end=hint.end + shift)
                for hint in fragment.marker_hints
                if block.start <= hint.start and hint.end <= block.end
            )
            builder.close_block(start + fragment.offsets.to_source(max(block.end - 1, 0)) + 1)
        self.cursor = max(self.cursor, self.lines.line_start(token.map[1] + 1))

    def _inline(self, children: list[Token]) -> None:
        builder = self.builder
        link_starts: list[tuple[int, str]] = []
        index = 0
        while index < len(children):
            child = children[index]
            kind = child.type
            if kind == "text":
                self._emit(child.content)
            elif kind == "code_inline":
                start = builder.position
                self._emit(child.content)
                builder.add_code(start)
            elif kind in ("softbreak", "hardbreak"):
                newline = self.source.find("\n", self.cursor, self.limit)
                position = newline if newline >= 0 else self.cursor
                builder.line_break(position)
                self.cursor = position + 1 if newline >= 0 else self.cursor
            elif kind == "footnote_ref":
                label = str(child.meta.get("label", ""))
                start = builder.position
                self._emit(f"[^{label}]")
                builder.add_marker(start, label, None)
            elif kind == "link_open":
                link_starts.append((builder.position, str(child.attrGet("href") or "")))
            elif kind == "link_close" and link_starts:
                start, url = link_starts.pop()
                builder.add_link(start, url)
            elif kind == "html_inline" and _SUP_OPEN.match(child.content):
                consumed = self._inline_sup(children, index) or self._linked_sup(children, index)
                if consumed:
                    index += consumed
                    continue
            index += 1

    def _linked_sup(self, children: list[Token], index: int) -> int:
        """`<sup>[3],[4]</sup>` where each number is a link (a numbered reference-style link):
        one marker per number, each rendered `[3]` in the text."""
        end = index + 1
        numbers: list[str] = []
        while end < len(children) and not (
            children[end].type == "html_inline" and _SUP_CLOSE.match(children[end].content)
        ):
            token = children[end]
            if token.type == "link_open" and end + 2 < len(children):
                label, closing = children[end + 1], children[end + 2]
                if label.type != "text" or closing.type != "link_close":
                    return 0
                if not re.fullmatch(r"\d{1,3}", label.content.strip()):
                    return 0
                numbers.append(label.content.strip())
                end += 3
                continue
            if token.type != "text" or token.content.strip(" ,") != "":
                return 0
            end += 1
        if end >= len(children) or not numbers:
            return 0
        for number in numbers:
            positions = find_aligned(self.source, number, self.cursor)
            anchor = positions[0] if positions else self.cursor
            start = self.builder.position
            self.builder.emit_synthetic("[", anchor)
            self.builder.emit(number, positions[: len(number)])
            self.builder.emit_synthetic("]", positions[-1] if positions else anchor)
            self.builder.add_marker(start, number, None)
            self.linked_labels.add(number)
            if positions:
                self.cursor = positions[-1] + 1
        return end + 1 - index

    def _inline_sup(self, children: list[Token], index: int) -> int:
        """`<sup>1</sup>` written inline: a marker, rendered `[1]` in the text."""
        if index + 2 >= len(children):
            return 0
        label_token, closing = children[index + 1], children[index + 2]
        if label_token.type != "text" or not _SUP_CLOSE.match(closing.content):
            return 0
        label_match = _SUP_LABEL.match(label_token.content.strip())
        if not label_match:
            return 0
        positions = find_aligned(self.source, label_token.content, self.cursor)
        start = self.builder.position
        anchor = positions[0] if positions else self.cursor
        self.builder.emit_synthetic("[", anchor)
        self.builder.emit(
            label_token.content.strip(), positions[: len(label_token.content.strip())]
        )
        self.builder.emit_synthetic("]", positions[-1] if positions else anchor)
        self.builder.add_marker(start, label_match.group(1), None)
        if positions:
            self.cursor = positions[-1] + 1
        return 3


def _linked_definitions(walker: _MarkdownWalker) -> None:
    """The definitions of numbered links used as superscript markers (`<sup>[3]</sup>` with
    `[3]: https://… "Atwood, Jeff. Tending Your Software Garden. 2008."`): markdown-it hides
    them, but they are the document's notes, so they become note blocks at the end."""
    if not walker.linked_labels:
        return
    group = next(walker.ids)
    for match in _LINK_DEFINITION.finditer(walker.source):
        label = match.group("label")
        if label not in walker.linked_labels:
            continue
        if walker.in_code(match.start()):
            continue
        walker.cursor, walker.limit = match.start("url"), match.end("url")
        walker.builder.open_block(
            match.start("url"),
            kind=BlockKind.NOTE,
            item=next(walker.ids),
            label=label,
            group=group,
            notes=True,
        )
        url_start = walker.builder.position
        walker._emit(match.group("url"))
        walker.builder.add_link(url_start, match.group("url"))
        if match.group("title"):
            walker.builder.emit_synthetic(" ", match.end("url"))
            walker.cursor, walker.limit = match.start("title"), match.end("title")
            walker._emit(match.group("title"))
        walker.builder.close_block(match.end())
    walker.limit = len(walker.source)


def _unrendered_definitions(walker: _MarkdownWalker, rendered_lines: set[int]) -> None:
    """Footnote definitions markdown-it drops (never referenced, or a label defined twice,
    of which it keeps one) still belong to the document: they become notes, so SL102 and
    SL105 can see them. `rendered_lines` are the 0-based lines of the definitions it kept."""
    group = next(walker.ids)
    for match in _FOOTNOTE_DEFINITION.finditer(walker.source):
        if walker.in_code(match.start()):
            continue  # a definition shown inside a code block is an example
        if walker.lines.locate(match.start())[0] - 1 in rendered_lines:
            continue
        label = match.group("label")
        body = match.group("body")
        start = match.start("body")
        walker.cursor, walker.limit = start, match.end()
        walker.builder.open_block(
            start, kind=BlockKind.NOTE, item=next(walker.ids), label=label, group=group, notes=True
        )
        walker._emit(body)
        walker.builder.close_block(match.end())


def read_markdown(source: str, *, path: str, problems: tuple[Problem, ...] = ()) -> Document:
    """Read Markdown (already decoded, newlines normalised)."""
    tokens = _parser().parse(source)
    walker = _MarkdownWalker(source)
    fields: dict[str, str] = {}
    rendered_lines: set[int] = set()
    in_footnote = False
    for token in tokens:
        if token.type == "front_matter":
            fields = _front_matter(token.content)
        elif token.type == "footnote_open":
            in_footnote = True
        elif in_footnote and token.map is not None:
            rendered_lines.add(token.map[0])  # the first block of the definition it kept
            in_footnote = False
    walker.walk(tokens)
    _unrendered_definitions(walker, rendered_lines)
    _linked_definitions(walker)
    text = walker.builder.finish()
    # Hugo, Jekyll and Liquid shortcodes ({{< image "x.png" 519 >}}, {% include … %}) are
    # markup: their arguments are never figures, markers or prose
    walker.builder.code_spans.extend(match.span() for match in _SHORTCODE.finditer(text))
    title = fields.get("title") or None
    title_source = "front-matter:title"
    if title is None:
        title_source = "h1"
        for block in walker.builder.blocks:
            if block.kind is BlockKind.HEADING and block.level == 1:
                title = text[block.start : block.end]
                break
    published, date_source = None, None
    unusable: list[Problem] = []
    for key in ("date", "published", "publishdate", "pubdate", "created"):
        if key in fields:
            published = parse_date(fields[key])
            if published:
                date_source = f"front-matter:{key}"
                break
            if (shown := unusable_date(fields[key])) is not None:
                where = max(source.find(fields[key]), 0)
                unusable.append(
                    Problem(
                        "SL914",
                        unusable_date_message(f"front matter '{key}'", shown),
                        source_offset=where,
                    )
                )
    if published is None:
        problems = (*problems, *unusable[:1])
    return walker.builder.document(
        path=path,
        format="md",
        source=source,
        title=title,
        date=published,
        problems=problems,
        title_source=title_source,
        date_source=date_source,
    )
