"""Word (.docx): paragraphs, headings, lists, tables, links and notes, one paragraph a line.

A .docx file is a zip of XML parts. The zip is checked before anything is unpacked (entry
count, each part's and the total declared size, compression ratio: SL907), each part is read
no further than its limit, and its XML is parsed with entities left unexpanded and no
network, DTD or huge-tree parsing.

What is read: the body (word/document.xml) in order, tracked insertions included and tracked
deletions and moved-away text left out; comments are never read. Each table row and cell is
read once (a nested table in its cell), content controls around blocks, rows and cells
included; of an mc:AlternateContent only one branch is read, its first mc:Choice (or its
mc:Fallback when it has none). Footnote and endnote references become markers linked to
note blocks made from word/footnotes.xml and word/endnotes.xml, labelled as Word prints them:
numbered in the style word/settings.xml sets (by default footnotes 1, 2, … and endnotes i,
ii, …; in decimal past MAX_STYLED_NUMBER or MAX_LABEL characters), or with the note's own
mark ("*") where the reference carries one. Hyperlinks keep their targets from
word/_rels/document.xml.rels.

The document's source holds one paragraph a line (empty paragraphs left out), the body's
first and the notes' after them, so a finding's line is its paragraph's number.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator

from lxml import etree

from sourcelint.document import BlockKind, Document, Problem
from sourcelint.errors import SourcelintError
from sourcelint.readers.builder import TextBuilder

MAX_ENTRIES = 10_000  # zip entries in one file
MAX_PART_BYTES = 64 * 1024 * 1024  # one XML part, unpacked
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # every entry together, as the zip declares them
MAX_RATIO = 100  # unpacked size over packed size, for parts over a megabyte

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_ALTERNATE_CONTENT = f"{{{_MC}}}AlternateContent"
MAX_STYLED_NUMBER = 10_000  # above it a note's number is printed in decimal whatever its style
MAX_LABEL = 32  # characters in a note's number as printed, in any style


# what a damaged zip raises, here or in zipfile and zlib
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    OSError,
    ValueError,
    RuntimeError,
    EOFError,
    NotImplementedError,
    zlib.error,
)


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


_SKIPPED = frozenset(
    _w(name)
    for name in (
        "del",
        "moveFrom",
        "instrText",
        "delInstrText",
        "commentReference",
        "rPr",
        "pPr",
        "sectPr",
        "tblPr",
        "trPr",
        "tcPr",
        "tblGrid",
        "footnotePr",
        "endnotePr",
        "sdtPr",
        "sdtEndPr",
    )
)
# what may wrap paragraphs and tables in a body, a cell or a note, rows in a table and cells
# in a row: content controls, custom XML, tracked insertions and moves
_WRAPPERS = frozenset((_w("sdt"), _w("customXml"), _w("ins"), _w("moveTo")))
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+"(https?://[^"]+)"', re.I)
_HEADING_STYLE = re.compile(r"^(?:heading|berschrift|titre)\s*(\d)$", re.I)
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _roman(number: int) -> str:
    parts = []
    for value, letters in _ROMAN:
        while number >= value:
            parts.append(letters)
            number -= value
    return "".join(parts)


def _number(number: int, style: str) -> str:
    """A note's number as Word prints it in a numbering style (w:numFmt); in decimal when
    the style would print it over MAX_LABEL characters or it is over MAX_STYLED_NUMBER."""
    number = max(number, 1)
    if number > MAX_STYLED_NUMBER:
        return str(number)
    if style == "lowerRoman":
        return _roman(number)
    if style == "upperRoman":
        return _roman(number).upper()
    if style in ("lowerLetter", "upperLetter") and (number - 1) // 26 < MAX_LABEL:
        # a, b, … z, aa, bb, … as Word counts letters
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter if style == "lowerLetter" else letter.upper()
    if style == "chicago" and (number - 1) // 4 < MAX_LABEL:
        return "*†‡§"[(number - 1) % 4] * ((number - 1) // 4 + 1)
    return str(number)


def _branch(alternate: etree._Element) -> etree._Element | None:
    """The one branch of an mc:AlternateContent that is read: its first mc:Choice, or its
    mc:Fallback when it has no choice."""
    choice = alternate.find(f"{{{_MC}}}Choice")
    return choice if choice is not None else alternate.find(f"{{{_MC}}}Fallback")


def _children(parent: etree._Element, tags: frozenset[str]) -> Iterator[etree._Element]:
    """The parent's children with one of `tags`, in order, each once: those wrapped in a
    content control, custom XML, a tracked insertion or an mc:AlternateContent included, and
    nothing deeper (a nested table's rows are its own)."""
    for child in parent:
        tag = child.tag
        if tag in tags:
            yield child
        elif tag in _WRAPPERS:
            content = child.find(_w("sdtContent")) if tag == _w("sdt") else child
            if content is not None:
                yield from _children(content, tags)
        elif tag == _ALTERNATE_CONTENT:
            branch = _branch(child)
            if branch is not None:
                yield from _children(branch, tags)


_BLOCKS = frozenset((_w("p"), _w("tbl")))
_ROWS = frozenset((_w("tr"),))
_CELLS = frozenset((_w("tc"),))
_NUMBER = re.compile(r"[0-9]{1,20}")  # a longer w:numStart is ignored


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def is_docx(data: bytes) -> bool:
    """Whether `data` is a zip holding word/document.xml (a Word document)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except _ZIP_ERRORS:
        return False


class _Package:
    """The zip, checked against bombs before any part is unpacked."""

    def __init__(self, data: bytes, path: str) -> None:
        self.path = path
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            entries = self.archive.infolist()
        except _ZIP_ERRORS as error:
            raise SourcelintError(
                "SL904", f"not a readable Word file: {error}", path=path
            ) from None
        if len(entries) > MAX_ENTRIES:
            raise self._too_large(f"it holds {len(entries):,} zip entries")
        total = sum(entry.file_size for entry in entries)
        if total > MAX_TOTAL_BYTES:
            raise self._too_large(f"it unpacks to {total:,} bytes")
        self.entries = {entry.filename: entry for entry in entries}
        if "word/document.xml" not in self.entries:
            raise SourcelintError(
                "SL904", "not a Word document: the zip has no word/document.xml", path=path
            )

    def _too_large(self, why: str) -> SourcelintError:
        return SourcelintError(
            "SL907",
            f"refused as a possible zip bomb: {why} (limits in docs/security.md)",
            path=self.path,
        )

    def part(self, name: str) -> etree._Element | None:
        """A part's parsed XML, or None when the package has no such part."""
        entry = self.entries.get(name)
        if entry is None:
            return None
        if entry.file_size > MAX_PART_BYTES:
            raise self._too_large(f"{name} unpacks to {entry.file_size:,} bytes")
        if entry.file_size > 1024 * 1024 and entry.file_size > MAX_RATIO * max(
            entry.compress_size, 1
        ):
            raise self._too_large(
                f"{name} is compressed {entry.file_size // max(entry.compress_size, 1):,} to 1"
            )
        try:
            with self.archive.open(entry) as stream:
                data = stream.read(MAX_PART_BYTES + 1)  # the declared size may lie
        except _ZIP_ERRORS as error:
            raise SourcelintError(
                "SL904", f"cannot unpack {name}: {error}", path=self.path
            ) from None
        if len(data) > MAX_PART_BYTES:
            raise self._too_large(f"{name} unpacks to more than {MAX_PART_BYTES:,} bytes")
        try:
            return etree.fromstring(data, _parser())
        except etree.XMLSyntaxError as error:
            raise SourcelintError(
                "SL904", f"{name} is not well-formed XML: {error}", path=self.path
            ) from None


class _Reader:
    def __init__(self, package: _Package) -> None:
        self.package = package
        self.builder = TextBuilder()
        self.source: list[str] = []
        self.length = 0  # of the source so far
        self.line_open = False
        self.cell_depth = 0  # inside how many table cells
        self.ids = iter(range(1, 1_000_000_000))
        self.links: dict[str, str] = {}
        self.footnote_labels: dict[str, str] = {}
        self.endnote_labels: dict[str, str] = {}
        # how many notes of each kind are numbered so far (a custom mark takes no number)
        self.numbered = {"footnote": 0, "endnote": 0}
        # each kind's referenced notes, in the order of their first references
        self.order: dict[str, list[str]] = {"footnote": [], "endnote": []}
        self.fields: list[list[str | int | None]] = []  # open fields: instruction, shown from
        self.custom_mark: tuple[str, str] | None = None
        # how notes are numbered (word/settings.xml): Word's defaults until read
        self.numbering = {"footnote": ("decimal", 1), "endnote": ("lowerRoman", 1)}
        self.note_anchor = ""

    # the source: one line a paragraph

    def _put(self, text: str) -> range:
        if not self.line_open:
            if self.length:
                self.source.append("\n")
                self.length += 1
            self.line_open = True
        start = self.length
        self.source.append(text)
        self.length += len(text)
        return range(start, self.length)

    def _emit(self, text: str) -> None:
        if text:
            self.builder.emit(text, self._put(text))

    def read_numbering(self) -> None:
        """How footnotes and endnotes are numbered, from word/settings.xml."""
        settings = self.package.part("word/settings.xml")
        if settings is None:
            return
        for kind in ("footnote", "endnote"):
            properties = settings.find(_w(f"{kind}Pr"))
            if properties is None:
                continue
            style, start = self.numbering[kind]
            number_format = properties.find(_w("numFmt"))
            if number_format is not None:
                style = number_format.get(_w("val"), style)
            first = properties.find(_w("numStart"))
            if first is not None and _NUMBER.fullmatch(first.get(_w("val"), "")):
                start = int(first.get(_w("val"), "1"))
            self.numbering[kind] = (style, start)

    def read_links(self) -> None:
        relationships = self.package.part("word/_rels/document.xml.rels")
        if relationships is None:
            return
        for relationship in relationships.iter(f"{{{_REL}}}Relationship"):
            if relationship.get("Type") == _HYPERLINK and relationship.get("Id"):
                self.links[relationship.get("Id", "")] = relationship.get("Target", "")

    # the body

    def block_container(self, container: etree._Element, *, note: bool = False) -> None:
        """The paragraphs and tables of a body, a cell or a note, in order; in a note each
        paragraph is one of the note's lines."""
        for child in _children(container, _BLOCKS):
            if child.tag == _w("tbl"):
                self.table(child, note=note)
            elif note:
                self._note_paragraph(child)
            else:
                self.paragraph(child)

    def table(self, table: etree._Element, *, note: bool = False) -> None:
        """A table's rows and cells, each once (a nested table is read in its cell); in a
        note its cells' paragraphs are the note's lines."""
        group = next(self.ids)
        for row in _children(table, _ROWS):
            row_id = next(self.ids)
            for cell in _children(row, _CELLS):
                if not note:
                    self.builder.open_block(
                        self.length, kind=BlockKind.CELL, group=group, row=row_id
                    )
                self.cell_depth += 1
                self.block_container(cell, note=note)
                self.cell_depth -= 1
                if not note:
                    self.builder.close_block(self.length)

    def paragraph(self, paragraph: etree._Element) -> None:
        kind, level = BlockKind.PARAGRAPH, 0
        properties = paragraph.find(_w("pPr"))
        if properties is not None:
            style = properties.find(_w("pStyle"))
            name = style.get(_w("val"), "") if style is not None else ""
            outline = properties.find(_w("outlineLvl"))
            if (match := _HEADING_STYLE.match(name)) is not None:
                kind, level = BlockKind.HEADING, int(match.group(1))
            elif name.lower() in ("title", "subtitle"):
                kind, level = BlockKind.HEADING, 1
            elif outline is not None and outline.get(_w("val"), "9").isdigit():
                kind, level = BlockKind.HEADING, int(outline.get(_w("val"), "0")) + 1
            elif properties.find(_w("numPr")) is not None:
                kind = BlockKind.LIST_ITEM
        if self.cell_depth:
            kind, level = BlockKind.CELL, 0  # a table's text is not prose, whatever its style
        self.builder.open_block(self.length, kind=kind, level=level)
        self.line_open = False
        self.inline(paragraph)
        self.builder.close_block(self.length)

    def _field(self, child: etree._Element) -> None:
        """A complex field's begin, separator or end (w:fldChar): a HYPERLINK field's shown
        text becomes a link to its address."""
        kind = child.get(_w("fldCharType"))
        if kind == "begin":
            self.fields.append(["", None])
        elif kind == "separate" and self.fields:
            self.fields[-1][1] = self.builder.position
        elif kind == "end" and self.fields:
            instruction, start = self.fields.pop()
            match = _HYPERLINK_FIELD.match(str(instruction))
            if match and isinstance(start, int):
                self.builder.add_link(start, match.group(1))

    def inline(self, element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if tag == _w("instrText") and self.fields:
                self.fields[-1][0] = f"{self.fields[-1][0]}{child.text or ''}"
                continue
            if tag == _w("fldChar"):
                self._field(child)
                continue
            if tag in _SKIPPED or not isinstance(tag, str):
                continue
            if tag == _ALTERNATE_CONTENT:  # one branch only: the same content, made twice
                branch = _branch(child)
                if branch is not None:
                    self.inline(branch)
                continue
            if tag == _w("t"):
                if self.custom_mark is not None and (child.text or "").strip():
                    # a note's own mark ("*", "†") printed in place of its number
                    note_id, kind = self.custom_mark
                    self.custom_mark = None
                    self.note_marker(note_id, kind, (child.text or "").strip())
                    continue
                self._emit(child.text or "")
            elif tag in (_w("tab"), _w("ptab")):
                self._emit(" ")
            elif tag in (_w("br"), _w("cr")):
                self._emit(" ")  # a line break inside a paragraph: the paragraph stays one line
            elif tag == _w("noBreakHyphen"):
                self._emit("-")
            elif tag in (_w("footnoteReference"), _w("endnoteReference")):
                kind = "footnote" if tag == _w("footnoteReference") else "endnote"
                if child.get(_w("customMarkFollows")) in ("1", "true", "on"):
                    self.custom_mark = (child.get(_w("id"), ""), kind)
                else:
                    self.note_marker(child.get(_w("id"), ""), kind)
            elif tag == _w("hyperlink"):
                start = self.builder.position
                self.inline(child)
                target = self.links.get(child.get(f"{{{_R}}}id", ""))
                if target:
                    self.builder.add_link(start, target)
            elif tag == _w("p"):  # a text box's paragraph, inside a drawing: read in place
                self._emit(" ")
                self.inline(child)
            else:  # runs, insertions, smart tags, fields, content controls
                self.inline(child)

    def note_marker(self, note_id: str, kind: str, custom: str | None = None) -> None:
        labels = self.footnote_labels if kind == "footnote" else self.endnote_labels
        if note_id not in labels:
            if custom:
                labels[note_id] = custom
            else:
                style, start = self.numbering[kind]
                labels[note_id] = _number(self.numbered[kind] + start, style)
                self.numbered[kind] += 1
            self.order[kind].append(note_id)
        label = labels[note_id]
        offsets = self._put(label)
        start = self.builder.position
        self.builder.emit_synthetic("[", offsets[0])
        self.builder.emit(label, offsets)
        self.builder.emit_synthetic("]", offsets[-1])
        self.builder.add_marker(start, label, f"docx-{kind}-{note_id}")

    # the notes

    def notes(self, part: str, kind: str, labels: dict[str, str]) -> None:
        root = self.package.part(part)
        if root is None:
            return
        group = next(self.ids)
        self.builder.open_block(self.length, notes=True, group=group)
        by_id = {note.get(_w("id"), ""): note for note in root.findall(_w(kind))}
        # a reference inside a note (to a note of the same kind) adds to the order while it
        # is read: its note is read after the others, each note once
        order = self.order[kind]
        ordinal = 0
        while ordinal < len(order):
            note_id = order[ordinal]
            label = labels[note_id]
            ordinal += 1
            note = by_id.get(note_id)
            if note is None or note.get(_w("type")) not in (None, "normal"):
                continue
            self.builder.open_block(
                self.length,
                kind=BlockKind.NOTE,
                item=next(self.ids),
                label=label,
                anchor=f"docx-{kind}-{note_id}",
                # Word numbers its notes itself, footnotes and endnotes apart: a footnote 1
                # and an endnote 1 are no duplicate labels
                ordinal=ordinal,
            )
            self.block_container(note, note=True)
            self.builder.close_block(self.length)
        self.builder.close_block(self.length)

    def _note_paragraph(self, paragraph: etree._Element) -> None:
        self.line_open = False
        # the note's own reference mark (its number, repeated at its start) is not text
        for reference in list(paragraph.iter(_w("footnoteRef"), _w("endnoteRef"))):
            parent = reference.getparent()
            if parent is not None:
                parent.remove(reference)
        self.inline(paragraph)
        self.builder.line_break(self.length)


def _core(package: _Package) -> tuple[str | None, str | None]:
    core = package.part("docProps/core.xml")
    if core is None:
        return None, None
    title = date = None
    for element in core:
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        value = (element.text or "").strip()
        if name == "title" and value:
            title = " ".join(value.split())
        elif name == "created" and (match := _DATE.match(value)):
            date = match.group(1)
    return title, date


def read_docx(data: bytes, *, path: str) -> Document:
    """Read a Word document. Raises SourcelintError SL904 when it is no readable .docx,
    SL907 when its zip exceeds the limits against zip bombs."""
    package = _Package(data, path)
    reader = _Reader(package)
    reader.read_links()
    reader.read_numbering()
    document = package.part("word/document.xml")
    body = document.find(_w("body")) if document is not None else None
    if body is not None:
        reader.block_container(body)
    reader.notes("word/footnotes.xml", "footnote", reader.footnote_labels)
    reader.notes("word/endnotes.xml", "endnote", reader.endnote_labels)
    title, date = _core(package)
    title_source = "docx-core:title"
    if title is None:
        text = reader.builder.text()
        heading = next(
            (block for block in reader.builder.blocks if block.kind is BlockKind.HEADING), None
        )
        if heading is not None and heading.level <= 1:
            title, title_source = text[heading.start : heading.end], "heading"
    problems: tuple[Problem, ...] = ()
    return reader.builder.document(
        path=path,
        format="docx",
        source="".join(reader.source),
        title=title,
        date=date,
        problems=problems,
        title_source=title_source,
        date_source="docx-core:created",
    )
