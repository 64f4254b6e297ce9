"""PDF: the text of each page in reading order, with positions as page and line.

pdf_content.py turns each page's content stream into pieces of text with their place, size
and font; this module lays the pieces out as a person reads the page:

- pieces on one baseline make a line; a page whose text leaves a clear gutter down the middle
  is read column by column (a heading across both columns stays in its place);
- the running header and footer (a row at the top or bottom of the page that repeats at the
  same height on other pages, digits aside), bare page numbers and the line numbers down a
  court filing's margin are kept out of the text;
- a word hyphenated at a line's end is rejoined when the next line goes on in lower case;
- smaller, raised text right after a word is a note marker (by size and raise, so "3" and
  "a" and "*" all count); small lines at the foot of a page that start with a label are that
  page's footnotes, and labelled entries after a "Notes" or "Endnotes" heading are endnotes:
  both become note blocks the markers link to;
- lines whose pieces sit apart in cells that line up from row to row are a table, read as
  cells, not prose;
- a link annotation over words makes them a link to its (http or https) address.

The document's source is the pages' lines in reading order (running headers and page
numbers included, so lines count from the top of the page), pages separated by a form feed
line; `Document.page_starts` turns a source offset into page and line.
"""

from __future__ import annotations

import io
import itertools
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from sourcelint.document import BlockKind, Document, Problem
from sourcelint.errors import SourcelintError
from sourcelint.readers.builder import TextBuilder
from sourcelint.readers.pdf_content import (
    MAX_OPERATIONS,
    Budget,
    PageReader,
    Piece,
)

MAX_PAGES = 5000  # a page loop is bounded: past this the rest of the file is not read
PAGE_BREAK = "\f"

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)]?(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.I,
)
_LINE_NUMBER = re.compile(r"^\d{1,3}$")
# a note's label: a number, a symbol, a letter, or a small roman numeral (Word's endnotes)
_ROMAN = r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})"
_NOTE_LABEL = re.compile(rf"^(\d{{1,3}}|[*†‡§¶]{{1,3}}|{_ROMAN}|[a-z])(?:[.)]\s*|\s+)(?=\S)")
_MARKER_TEXT = re.compile(
    rf"^(?:\d{{1,3}}(?:\s*[,–-]\s*\d{{1,3}})*|[*†‡§¶]{{1,3}}|{_ROMAN}|[a-z])$"
)
_ORDINAL_SUFFIX = frozenset({"st", "nd", "rd", "th", "er", "e", "re"})
_UNIT_BEFORE = re.compile(r"\b(?:k?m|cm|mm|ft)$")
_SENTENCE_END = tuple('.!?:;"”’)')
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_INFO_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?")


@dataclass
class _Line:
    pieces: list[Piece]
    y: float
    size: float
    column: int = 0  # 0 across the page, 1 left, 2 right
    role: str = "body"  # body, furniture (header, footer, page number), footnote
    text: str = ""
    # (start, end, label) of each raised marker inside `text`
    markers: list[tuple[int, int, str]] = field(default_factory=list)
    cells: list[tuple[int, int]] = field(default_factory=list)  # spans of `text`
    cell_edges: list[tuple[float, float]] = field(default_factory=list)  # (x0, x1) of each
    links: list[tuple[int, int, str]] = field(default_factory=list)  # spans of `text`
    source_start: int = 0
    right: float = 0.0  # where its column's longest lines end
    left: float = 0.0  # where its column's lines start

    @property
    def x0(self) -> float:
        return min(piece.x0 for piece in self.pieces)

    @property
    def x1(self) -> float:
        return max(piece.x1 for piece in self.pieces)


def _body_size(pages: list[list[Piece]]) -> float:
    sizes: Counter[float] = Counter()
    for pieces in pages:
        for piece in pieces:
            sizes[round(piece.size, 1)] += len(piece.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _rows(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces grouped by baseline, top first (each row sorted left to right)."""
    rows: list[list[Piece]] = []
    baseline = math.inf
    for piece in sorted(pieces, key=lambda p: -p.y):
        if rows and baseline - piece.y <= 0.35 * max(piece.size, 1):
            rows[-1].append(piece)
        else:
            rows.append([piece])
            baseline = piece.y
    for row in rows:
        row.sort(key=lambda p: p.x0)
    return rows


def _gutter(rows: list[list[Piece]], width: float) -> tuple[float, float] | None:
    """The band down the middle of the page that (almost) no line crosses, if the page has
    two columns of text: its left and right edges."""
    if len(rows) < 3 or width <= 0:
        return None
    low, high = int(width * 0.3), int(width * 0.7)
    coverage = [0] * (high - low + 1)
    for row in rows:
        covered: set[int] = set()
        for piece in row:
            covered.update(range(max(int(piece.x0) + 1, low), min(int(piece.x1) - 1, high) + 1))
        for x in covered:
            coverage[x - low] += 1
    # a heading or a footnote may cross the band; a column's lines never do
    allowed = max(min(coverage), len(rows) // 5)
    runs: list[tuple[int, int]] = []
    run_start: int | None = None
    for index, count in enumerate([*coverage, allowed + 1]):
        if count <= allowed and run_start is None:
            run_start = index
        elif count > allowed and run_start is not None:
            runs.append((run_start, index))
            run_start = None
    if not runs:
        return None
    start, end = max(runs, key=lambda run: run[1] - run[0])
    if end - start < 4:
        return None
    left_edge, right_edge = low + start, low + end
    middle = (left_edge + right_edge) / 2
    # both sides hold a good share of the page's words (a table's last column does not)
    pieces = [piece for row in rows for piece in row]
    total = sum(len(piece.text) for piece in pieces)
    left = sum(len(piece.text) for piece in pieces if piece.x1 <= middle)
    right = sum(len(piece.text) for piece in pieces if piece.x0 >= middle)
    if left < total * 0.25 or right < total * 0.25:
        return None
    # and lines side by side: a short page whose header has a date at the left and a title
    # at the right is not two columns
    side_by_side = sum(
        1
        for row in rows
        if any(piece.x1 <= left_edge + 1 for piece in row)
        and any(piece.x0 >= right_edge - 1 for piece in row)
    )
    if side_by_side < 3:
        return None
    return left_edge, right_edge


def _group_lines(pieces: list[Piece], body_size: float) -> list[_Line]:
    """Pieces on one baseline make a line; small raised pieces join the line they sit on."""
    small = [
        piece for piece in pieces if len(piece.text.strip()) <= 7 and piece.size < body_size * 0.85
    ]
    small_ids = {id(piece) for piece in small}
    lines: list[_Line] = []
    for piece in sorted(
        (piece for piece in pieces if id(piece) not in small_ids), key=lambda p: -p.y
    ):
        for line in reversed(lines[-4:]):
            if abs(line.y - piece.y) <= 0.35 * max(min(line.size, piece.size), 1):
                line.pieces.append(piece)
                line.size = max(line.size, piece.size)
                break
        else:
            lines.append(_Line([piece], piece.y, piece.size))
    for piece in small:
        host = None
        for line in lines:
            rise = piece.y - line.y
            if (
                -0.2 * line.size <= rise <= 0.75 * line.size
                and line.x0 - line.size <= piece.x0 <= line.x1 + line.size
                and piece.size < line.size * 0.9
            ):
                host = line
                piece.raised = rise >= 0.15 * line.size
                break
            if abs(rise) <= 0.35 * max(min(line.size, piece.size), 1):
                host = line
                break
        if host is None:
            lines.append(_Line([piece], piece.y, piece.size))
        else:
            host.pieces.append(piece)
    lines.sort(key=lambda line: -line.y)
    for line in lines:
        line.pieces.sort(key=lambda piece: piece.x0)
        sizes: Counter[float] = Counter()
        for piece in line.pieces:
            if not piece.raised:
                sizes[piece.size] += len(piece.text)
        if sizes:
            line.size = sizes.most_common(1)[0][0]
        _compose(line)
    return lines


def _compose(line: _Line) -> None:
    """The line's text: pieces joined, with a space where they sit apart, markers noted and
    wide gaps (table cells) recorded."""
    parts: list[str] = []
    length = 0
    cell_start = 0
    cell_x = line.pieces[0].x0 if line.pieces else 0.0
    previous: Piece | None = None
    for piece in line.pieces:
        text = piece.text.replace("\n", " ").replace("\t", " ")
        if previous is not None:
            gap = piece.x0 - previous.x1
            if gap > 2.0 * line.size and not piece.raised:
                line.cells.append((cell_start, length))
                line.cell_edges.append((cell_x, previous.x1))
                cell_x = piece.x0
                parts.append("  ")
                length += 2
                cell_start = length
            elif (
                gap > 0.15 * line.size
                and not piece.raised
                and not parts[-1].endswith(" ")
                and not text.startswith(" ")
            ):
                parts.append(" ")
                length += 1
        if piece.raised:
            stripped = text.strip()
            parts.append(stripped)
            line.markers.append((length, length + len(stripped), stripped))
            length += len(stripped)
        else:
            if not parts:
                text = text.lstrip()
            parts.append(text)
            # piece.text[i] is at length + i - cut in the line (`cut`: white space stripped)
            cut = len(piece.text) - len(text)
            for span_start, span_end, url in piece.links:
                start, end = max(length + span_start - cut, length), length + span_end - cut
                if line.links and line.links[-1][2] == url and line.links[-1][1] >= start - 2:
                    start = line.links.pop()[0]  # one link drawn in several pieces
                line.links.append((start, end, url))
            length += len(text)
        previous = piece
    text = "".join(parts).rstrip()
    line.text = text
    if line.cells and previous is not None:
        line.cells.append((cell_start, len(text)))
        line.cell_edges.append((cell_x, previous.x1))


def _without_line_numbers(
    raw: list[tuple[list[Piece], float, float]],
) -> list[tuple[list[Piece], float, float]]:
    """The pages without the line numbers printed down a margin (a court filing's pleading
    paper: 1 to 28 on every page): bare numbers in the outer fifth of the page, outside the
    text (a footnote's number sits at the text's edge), ten or more stacked at one x and
    counting up the page down, on at least half the pages."""
    stacks: list[dict[int, list[Piece]]] = []
    columns: Counter[int] = Counter()
    for pieces, width, _ in raw:
        stack: dict[int, list[Piece]] = {}
        words = [piece for piece in pieces if not _LINE_NUMBER.match(piece.text.strip())]
        text_left = min((piece.x0 for piece in words), default=0.0)
        text_right = max((piece.x1 for piece in words), default=width)
        for piece in pieces:
            text = piece.text.strip()
            if _LINE_NUMBER.match(text) and (
                (piece.x1 < width * 0.2 and piece.x1 < text_left - 4)
                or (piece.x0 > width * 0.8 and piece.x0 > text_right + 4)
            ):
                # one key for a column of numbers, left- or right-aligned: their middles
                # lie within a digit's width
                stack.setdefault(round((piece.x0 + piece.x1) / 20), []).append(piece)
        for key in sorted(stack):
            if key - 1 in stack:  # a column whose middles straddle two keys
                stack[key] = stack.pop(key - 1) + stack[key]
        for key, numbers in list(stack.items()):
            values = [int(piece.text) for piece in sorted(numbers, key=lambda p: -p.y)]
            rising = sum(1 for a, b in itertools.pairwise(values) if b > a)
            if len(values) >= 10 and rising >= (len(values) - 1) * 0.8:
                columns[key] += 1
            else:
                del stack[key]
        stacks.append(stack)
    needed = max(1, math.ceil(len(raw) * 0.5))
    margins = {key for key, pages in columns.items() if pages >= needed}
    if not margins:
        return raw
    cleaned = []
    for (pieces, width, height), stack in zip(raw, stacks, strict=True):
        dropped = {id(piece) for key in margins for piece in stack.get(key, [])}
        cleaned.append(([piece for piece in pieces if id(piece) not in dropped], width, height))
    return cleaned


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


@dataclass
class _Page:
    number: int
    lines: list[_Line]
    height: float


def _clear(rows: list[list[Piece]], band: tuple[float, float]) -> bool:
    """Whether some rows hold text on both sides of `band` and at most one crosses it."""
    beside = crossing = 0
    for row in rows:
        if any(piece.x0 < band[1] - 1 and piece.x1 > band[0] + 1 for piece in row):
            crossing += 1
        elif any(p.x1 <= band[0] + 1 for p in row) and any(p.x0 >= band[1] - 1 for p in row):
            beside += 1
    return beside >= 1 and crossing <= 1


def _layout(
    pieces: list[Piece],
    width: float,
    body_size: float,
    usual: tuple[float, float] | None = None,
) -> list[_Line]:
    """A page's lines in reading order: across-page lines in place, columns one after the
    other between them. `usual` is the gutter of the document's other pages: a short last
    page of a two-column document has too few lines to show its own."""
    large = [piece for piece in pieces if piece.size >= body_size * 0.7]
    rows = _rows(large)
    band = _gutter(rows, width)
    if band is None and usual is not None and _clear(rows, usual):
        band = usual
    if band is None:
        return _group_lines(pieces, body_size)
    middle = (band[0] + band[1]) / 2
    band_width = band[1] - band[0]
    left: list[Piece] = []
    right: list[Piece] = []
    across: list[Piece] = []
    for row in rows:
        before = [piece for piece in row if piece.x0 < middle]
        after = [piece for piece in row if piece.x0 >= middle]
        crossing = any(piece.x1 > middle + 1 for piece in before)
        gap = after[0].x0 - max(piece.x1 for piece in before) if before and after else math.inf
        if crossing or gap < band_width * 0.6:
            across += row  # a line across both columns: a title, a wide footnote
        else:
            left += before
            right += after
    sides = {id(piece): side for side in (left, right, across) for piece in side}
    for piece in pieces:
        if id(piece) in sides:
            continue
        # small print (a note marker) goes with the text it follows on its baseline, which
        # may end near the gutter
        preceding = [
            other
            for other in large
            if other.x1 <= piece.x0 + 2 and abs(other.y - piece.y) <= other.size * 0.8
        ]
        host = max(preceding, key=lambda other: other.x1, default=None)
        side = sides[id(host)] if host is not None else (left if piece.x0 < middle else right)
        side.append(piece)
    spans = _group_lines(across, body_size)
    left_lines = _group_lines(left, body_size)
    right_lines = _group_lines(right, body_size)
    for line in left_lines:
        line.column = 1
    for line in right_lines:
        line.column = 2
    ordered: list[_Line] = []
    bounds = [math.inf, *(line.y for line in spans), -math.inf]
    for index in range(len(bounds) - 1):
        top, bottom = bounds[index], bounds[index + 1]
        if index > 0:
            ordered.append(spans[index - 1])
        ordered += [line for line in left_lines if top > line.y >= bottom]
        ordered += [line for line in right_lines if top > line.y >= bottom]
    return ordered


def _mark_furniture(pages: list[_Page], body_size: float) -> None:
    """Running headers, footers and page numbers: among the two top and two bottom rows of a
    page, inside its top or bottom tenth, those that are a bare page number, or that repeat at
    the same height on other pages (digits aside: "Page 3 of 9", a date). A row is every line
    on one baseline, whichever column it fell in."""
    edge_keys: Counter[tuple[str, int]] = Counter()
    candidates: list[tuple[list[_Line], str, int]] = []
    for page in pages:
        rows: dict[int, list[_Line]] = {}
        for line in page.lines:
            rows.setdefault(round(line.y), []).append(line)
        heights = sorted(rows, reverse=True)
        labels = _marker_labels(page)
        for height in {*heights[:2], *heights[-2:]}:
            if page.height * 0.1 < height < page.height * 0.9:
                continue
            row = sorted(rows[height], key=lambda line: line.x0)
            text = "  ".join(line.text.strip() for line in row)
            if _PAGE_NUMBER.match(text):
                for line in row:
                    line.role = "furniture"
                continue
            if max(line.size for line in row) > body_size * 1.12:
                continue  # a heading at the top of each section's page, not a running header
            found = _note_label(row[0])
            if found is not None and found[0] in labels:
                continue  # the page's last footnote ("4 Ibid., p. 7."), not a running footer
            key, bucket = _furniture_key(text), round(height / 3)
            candidates.append((row, key, bucket))
            edge_keys[key, bucket] += 1
    if len(pages) < 2:
        return
    needed = max(2, math.ceil(len(pages) * 0.4))
    for row, key, bucket in candidates:
        if sum(edge_keys[key, near] for near in (bucket - 1, bucket, bucket + 1)) >= needed:
            for line in row:
                line.role = "furniture"


def _marker_labels(page: _Page) -> set[str]:
    """The labels of the raised note markers in a page's text (not in its note lines)."""
    return {
        label
        for line in page.lines
        for start, _, label in line.markers
        if start > 0 and line.role == "body"
    }


def _mark_footnotes(
    page: _Page, body_size: float, gap: float, previous: _Page | None = None
) -> None:
    """The footnotes at the foot of each column: from a line that starts with a note label
    to the column's end, when that run is set smaller than the text, or when every label in
    it is that of a marker on the page and a wider gap sets it off from the text (notes set
    at the text's size, as Word's default styles and LibreOffice print them). A note that did
    not fit goes on to the next page: the previous page's labels count too."""
    labels = _marker_labels(page) | (_marker_labels(previous) if previous else set())
    for column in (0, 1, 2):
        lines = [line for line in page.lines if line.column == column and line.role == "body"]
        lines.sort(key=lambda line: -line.y)
        small: list[_Line] = []
        for line in reversed(lines):
            if line.size > body_size * 0.92:
                break
            small.insert(0, line)
        while small and _note_label(small[0]) is None:
            small.pop(0)
        run = small
        if not run:
            for index, line in enumerate(lines):
                found = _note_label(line)
                if found is None or found[0] not in labels or index == 0:
                    continue
                block = lines[index:]
                found_labels = [note[0] for note in map(_note_label, block) if note is not None]
                if (
                    all(label in labels for label in found_labels)
                    and lines[index - 1].y - line.y > gap * 1.3
                    and all(abs(other.size - line.size) <= 0.5 for other in block)
                ):
                    run = block
                    break
        for line in run:
            line.role = "footnote"


def _mark_endnotes(pages: list[_Page]) -> None:
    """Pages of notes at the end of the document, without a heading (as Word and LibreOffice
    print endnotes): from the last page back, a page whose text starts with a note label that
    a marker elsewhere uses, and whose labelled lines mostly carry such labels, is notes."""
    labels = set().union(*(_marker_labels(page) for page in pages))
    for page in reversed(pages):
        body = [line for line in page.lines if line.role == "body" and line.text.strip()]
        if not body:
            continue
        found = [note for note in map(_note_label, body) if note is not None]
        first = _note_label(body[0])
        if (
            first is None
            or first[0] not in labels
            or sum(label in labels for label, _ in found) < len(found) * 0.6
            or len(found) < len(body) * 0.3
        ):
            break
        for line in body:
            line.role = "footnote"


def _note_label(line: _Line) -> tuple[str, int] | None:
    """A note line's label and where its text starts, if it starts with one."""
    if line.markers and line.markers[0][0] == 0:
        _, end, label = line.markers[0]
        if _MARKER_TEXT.match(label):
            return label, end
    match = _NOTE_LABEL.match(line.text)
    if match:
        return match.group(1), match.end()
    return None


def _info_text(reader: Any, key: str) -> str | None:
    try:
        info = reader.metadata
        value = info.get(key) if info is not None else None
    except Exception:
        return None
    return str(value).strip() if value else None


def _info_date(reader: Any) -> str | None:
    raw = _info_text(reader, "/CreationDate")
    match = _INFO_DATE.match(raw or "")
    if not match or not match.group(3):
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    if not 1900 < int(year) < 2200 or not 1 <= int(month) <= 12 or not 1 <= int(day) <= 31:
        return None
    return f"{year}-{month}-{day}"


def _open(data: bytes, path: str) -> Any:
    from pypdf import PdfReader

    # pypdf logs every repair it makes to a damaged file; the reader reports what matters
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except Exception as error:  # pypdf raises many kinds on a damaged file
        raise SourcelintError("SL904", f"not a readable PDF: {error}", path=path) from None
    if encrypted:
        try:
            opened = bool(reader.decrypt(""))
        except Exception:
            opened = False
        if not opened:
            raise SourcelintError(
                "SL912",
                "the PDF is encrypted and needs a password to read; nothing was read",
                path=path,
            )
    return reader


def read_pdf(data: bytes, *, path: str) -> Document:
    """Read a PDF's text. Raises SourcelintError SL911 when no page has a text layer (a
    scanned image), SL912 when it is encrypted with a password, SL904 when it is no PDF."""
    reader = _open(data, path)
    problems: list[Problem] = []
    try:
        pdf_pages = list(reader.pages)
    except Exception as error:
        raise SourcelintError("SL904", f"not a readable PDF: {error}", path=path) from None
    if len(pdf_pages) > MAX_PAGES:
        problems.append(
            Problem("SL913", f"only the first {MAX_PAGES:,} of {len(pdf_pages):,} pages were read")
        )
        pdf_pages = pdf_pages[:MAX_PAGES]
    raw: list[tuple[list[Piece], float, float]] = []
    budget = Budget()
    cut: list[int] = []  # pages cut short by the per-page operation limit
    rotated: list[int] = []  # pages whose only text is drawn at an angle
    for number, pdf_page in enumerate(pdf_pages, start=1):
        if budget.spent:
            problems.append(
                Problem(
                    "SL913",
                    f"only the first {number - 1:,} of {len(pdf_pages):,} pages were read: "
                    f"the file's drawing instructions are over the limit of "
                    f"{budget.limit:,}",
                )
            )
            break
        page_reader = PageReader(reader, budget)
        try:
            box = pdf_page.mediabox
            width, height = float(box.width), float(box.height)
            pieces = page_reader.read(pdf_page)
        except Exception:
            width, height, pieces = 612.0, 792.0, []
        if page_reader.operations > MAX_OPERATIONS:
            cut.append(number)
        if page_reader.rotated and not pieces:
            rotated.append(number)
        raw.append((pieces, width, height))
    if cut:
        problems.append(
            Problem(
                "SL913",
                f"page{'s' if len(cut) > 1 else ''} {_page_list(cut)}: only the first "
                f"{MAX_OPERATIONS:,} drawing operations were read",
            )
        )
    if rotated:
        problems.append(
            Problem(
                "SL913",
                f"page{'s' if len(rotated) > 1 else ''} {_page_list(rotated)}: text drawn at "
                "an angle (a rotated page or table) was not read",
            )
        )
    if not any(pieces for pieces, _, _ in raw):
        raise SourcelintError(
            "SL911",
            f"no text to read: none of its {len(pdf_pages)} page(s) has a text layer "
            "(a scanned image?); run it through OCR first",
            path=path,
        )
    raw = _without_line_numbers(raw)
    body_size = _body_size([pieces for pieces, _, _ in raw])
    bands: Counter[tuple[float, float]] = Counter()
    for pieces, width, _ in raw:
        rows = _rows([piece for piece in pieces if piece.size >= body_size * 0.7])
        if (band := _gutter(rows, width)) is not None:
            bands[round(band[0]), round(band[1])] += 1
    # the gutter most two-column pages share, when most pages have one
    usual: tuple[float, float] | None = None
    if bands and sum(bands.values()) >= len(raw) * 0.5:
        left_edge, right_edge = bands.most_common(1)[0][0]
        usual = (float(left_edge), float(right_edge))
    pages = [
        _Page(number, _layout(pieces, width, body_size, usual), height)
        for number, (pieces, width, height) in enumerate(raw, start=1)
    ]
    _mark_furniture(pages, body_size)
    gap = _line_gap(pages, body_size)
    for index, page in enumerate(pages):
        _mark_footnotes(page, body_size, gap, pages[index - 1] if index else None)
    _mark_endnotes(pages)
    return _build(
        pages,
        body_size,
        path=path,
        reader=reader,
        problems=tuple(problems),
        explained=frozenset(cut) | frozenset(rotated),
    )


def _page_list(numbers: list[int]) -> str:
    """ "3", "3 and 5", "3, 5, 8 and 3 more"."""
    shown = [str(number) for number in numbers[:3]]
    if len(numbers) > 3:
        return f"{', '.join(shown)} and {len(numbers) - 3} more"
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def _source(pages: list[_Page]) -> tuple[str, list[int]]:
    parts: list[str] = []
    page_starts: list[int] = []
    length = 0
    for page in pages:
        if page_starts:
            parts.append(f"\n{PAGE_BREAK}\n")
            length += 3
        page_starts.append(length)
        for index, line in enumerate(page.lines):
            if index:
                parts.append("\n")
                length += 1
            line.source_start = length
            parts.append(line.text)
            length += len(line.text)
    return "".join(parts), page_starts


def _is_heading(line: _Line, body_size: float) -> int:
    """The heading level of a line (0: not a heading)."""
    text = line.text.strip()
    if not text or len(text) > 120 or line.cells:
        return 0
    if line.size >= body_size * 1.5:
        return 1
    if line.size >= body_size * 1.12:
        return 2
    if all(piece.bold for piece in line.pieces if not piece.raised) and not text.endswith(
        _SENTENCE_END[:3]
    ):
        return 3
    return 0


class _Writer:
    """Emits the laid-out lines into a TextBuilder: paragraphs, headings, tables, notes."""

    def __init__(self, body_size: float) -> None:
        self.builder = TextBuilder()
        self.body_size = body_size
        self.ids = iter(range(1, 1_000_000_000))
        self.open = False
        self.previous: _Line | None = None
        self.kind: str = ""
        self.heading_size = 0.0
        self.endnotes_group: int | None = None
        self.note_open = False
        self.hyphen: int | None = None
        self.words: set[str] = set()

    def close(self, offset: int) -> None:
        self.flush()
        if self.open:
            self.builder.close_block(offset)
        self.open = False
        self.note_open = False
        self.kind = ""

    def emit_line(
        self, line: _Line, start: int = 0, *, targets: dict[str, str] | None = None
    ) -> None:
        """Emit a line's text from `start`, its markers as [label] markers."""
        builder = self.builder
        text = line.text
        position = start
        for marker_start, marker_end, label in line.markers:
            if marker_end <= start:
                continue
            self._emit_plain(line, position, marker_start)
            source = line.source_start + marker_start
            before = builder.text()[-8:] if builder.position else ""
            if not _MARKER_TEXT.match(label) or label.lower() in _ORDINAL_SUFFIX:
                self._emit_plain(line, marker_start, marker_end)
            elif label.isdigit() and len(label) == 1 and _UNIT_BEFORE.search(before):
                # km², m³: a power, not a note
                builder.emit(
                    label.translate(_SUPERSCRIPT_DIGITS),
                    range(source, source + len(label)),
                )
            else:
                marker_at = builder.position
                builder.emit_synthetic("[", source)
                builder.emit(label, range(source, source + len(label)))
                builder.emit_synthetic("]", source + len(label) - 1)
                target = (targets or {}).get(label)
                builder.add_marker(marker_at, label, target)
            position = marker_end
        end = len(text)
        marker_at_end = bool(line.markers) and line.markers[-1][1] >= end
        if end - position >= 2 and text[-1] == "-" and text[-2].isalnum() and not marker_at_end:
            # held back: `join` drops it when the word goes on on the next line
            end -= 1
            self.hyphen = line.source_start + end
        self._emit_plain(line, position, end)

    def row(self, line: _Line, group: int) -> None:
        """A table row: each cell a block of its own."""
        row = next(self.ids)
        for cell_start, cell_end in line.cells:
            raw = line.text[cell_start:cell_end]
            cell = raw.strip()
            if not cell:
                continue
            source = line.source_start + cell_start + len(raw) - len(raw.lstrip())
            self.builder.open_block(source, kind=BlockKind.CELL, group=group, row=row)
            self.builder.emit(cell, range(source, source + len(cell)))
            self.builder.close_block(source + len(cell))

    def flush(self) -> None:
        """Emit a held-back hyphen: the line after it did not go on with the word."""
        if self.hyphen is not None:
            self.builder.emit("-", (self.hyphen,))
            self.hyphen = None

    def _emit_plain(self, line: _Line, start: int, end: int) -> None:
        """Emit line.text[start:end], recording the links inside it."""
        for link_start, link_end, url in line.links:
            if link_end <= start or link_start >= end:
                continue
            self._emit_range(line, start, max(link_start, start))
            position = self.builder.position
            self._emit_range(line, max(link_start, start), min(link_end, end))
            self.builder.add_link(position, url)
            start = min(link_end, end)
        self._emit_range(line, start, end)

    def _emit_range(self, line: _Line, start: int, end: int) -> None:
        if end > start:
            self.builder.emit_text(line.text[start:end], line.source_start + start)

    def join(self, previous: _Line, line: _Line) -> None:
        """Go from one line to the next inside a paragraph. A hyphen at the line's end joins
        the two halves of a word: it is dropped when the word goes on in lower case (kept
        when the document prints the word with a hyphen elsewhere, "starry-eyed", and not
        without), kept before a capital ("Rose-Lynn") or after a digit ("16-inch"); else a
        space."""
        text = previous.text
        following = line.text.lstrip()
        if text.endswith("\u00ad"):
            return
        if self.hyphen is not None:
            head = _last_word(text[:-1])
            tail = _first_word(following)
            hyphenated = f"{head}-{tail}".lower()
            if (
                following[:1].islower()
                and head[-1:].isalpha()
                and not (hyphenated in self.words and hyphenated.replace("-", "") not in self.words)
            ):
                self.hyphen = None
            elif following[:1].isalpha():
                self.flush()
            else:
                self.flush()
                self.builder.emit(" ", (line.source_start,))
            return
        self.builder.emit(" ", (line.source_start,))


_WORD_EDGE = re.compile(r"[^\w'’-]+")


def _last_word(text: str) -> str:
    return _WORD_EDGE.split(text)[-1] if text else ""


def _first_word(text: str) -> str:
    return _WORD_EDGE.split(text, maxsplit=1)[0] if text else ""


def _vocabulary(pages: list[_Page]) -> set[str]:
    """The words the document prints inside its lines (not at a line's end), lower-cased:
    whether it writes "starry-eyed" or "starryeyed" decides a hyphen at a line's end."""
    words: set[str] = set()
    for page in pages:
        for line in page.lines:
            words.update(word.lower() for word in _WORD_EDGE.split(line.text)[:-1] if word)
    return words


def _ended(previous: _Line, line: _Line) -> bool:
    """Whether `previous` ended before its column's edge with room for the first word of
    `line`: the author broke the line there, so a paragraph (or list item) ended."""
    text = line.text.strip()
    if not text or previous.right <= 0 or text[0].islower() or previous.text.endswith("-"):
        return False  # a word or a sentence that goes on
    per_char = (line.x1 - line.x0) / len(text)
    first_word = len(text.split(" ", 1)[0]) * per_char
    return previous.right - previous.x1 > first_word + 2 * per_char


def _continues(previous: _Line, line: _Line, body_size: float, gap: float) -> bool:
    """Whether `line` goes on with `previous`'s paragraph."""
    if abs(previous.size - line.size) > body_size * 0.1 or _ended(previous, line):
        return False
    if previous.column != line.column or previous.y < line.y:
        # the next column or page: a sentence cut off at the end of a full line goes on at
        # the top, unless that line is indented as a paragraph's first line is (a paragraph
        # that goes on after a full stop is split there: merging two would be worse)
        return (
            not previous.text.rstrip().endswith(_SENTENCE_END)
            and line.x0 <= line.left + line.size * 0.9
        )
    spacing = previous.y - line.y
    if spacing <= 0 or spacing > gap * 1.35:
        return False
    indent = line.x0 - previous.x0
    return not (indent > line.size * 0.9 and previous.text.rstrip().endswith(_SENTENCE_END))


def _line_gap(pages: list[_Page], body_size: float) -> float:
    """The distance between two lines of one paragraph: the smallest spacing that is common
    (a page of one-line paragraphs has more paragraph gaps than line gaps)."""
    gaps: Counter[float] = Counter()
    for page in pages:
        body = [line for line in page.lines if line.role == "body"]
        for previous, line in itertools.pairwise(body):
            spacing = round((previous.y - line.y) * 2) / 2
            if previous.column == line.column and 0 < spacing < body_size * 3:
                gaps[spacing] += 1
    total = sum(gaps.values())
    common = [spacing for spacing, count in gaps.items() if count >= total * 0.15]
    return min(common) if common else body_size * 1.2


def _aligned(first: _Line, second: _Line) -> bool:
    """Whether two lines' cells line up: a cell after the first starts or ends (left- or
    right-aligned columns) where one of the other line's does. A justified line's wide word
    gaps never line up with the next line's."""
    return any(
        abs(a[0] - b[0]) < 3 or abs(a[1] - b[1]) < 3
        for a in first.cell_edges[1:]
        for b in second.cell_edges[1:]
    )


def _tables(lines: list[_Line]) -> set[int]:
    """Indices of lines that are table rows: runs of two or more lines whose cells line up."""
    rows: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, None]):
        if (
            line is not None
            and len(line.cells) >= 2
            and (not run or _aligned(lines[run[-1]], line))
        ):
            run.append(index)
            continue
        if len(run) >= 2:
            rows.update(run)
        run = [index] if line is not None and len(line.cells) >= 2 else []
    return rows


def _build(
    pages: list[_Page],
    body_size: float,
    *,
    path: str,
    reader: Any,
    problems: tuple[Problem, ...],
    explained: frozenset[int] = frozenset(),
) -> Document:
    """The Document of laid-out pages; a page without text gets SL913 unless `explained`
    (already reported: cut short, or drawn at an angle)."""
    from sourcelint.extract.references import is_reference_heading

    source, page_starts = _source(pages)
    blank = [page.number for page in pages if not page.lines and page.number not in explained]
    if blank:
        # some pages are images: the scan goes on, and says which pages it could not read
        shown = ", ".join(str(number) for number in blank[:20]) + (", …" if len(blank) > 20 else "")
        problems = (
            *problems,
            Problem(
                "SL913",
                f"no text to read on page{'s' if len(blank) > 1 else ''} {shown} "
                "(blank, or a scanned image without OCR): not read",
                source_offset=page_starts[blank[0] - 1],
            ),
        )
    writer = _Writer(body_size)
    writer.words = _vocabulary(pages)
    builder = writer.builder
    gap = _line_gap(pages, body_size)
    footnotes: list[tuple[_Page, list[_Line]]] = []
    title: str | None = None
    in_endnotes = False
    table_group = 0
    for page in pages:
        body = [line for line in page.lines if line.role == "body" and line.text.strip()]
        for column in (0, 1, 2):
            lines = [line for line in body if line.column == column]
            right = max((line.x1 for line in lines), default=0.0)
            left = min((line.x0 for line in lines), default=0.0)
            for line in lines:
                line.right, line.left = right, left
        page_notes = [line for line in page.lines if line.role == "footnote"]
        targets = {
            label: f"pdf-note-{page.number}-{label}"
            for line in page_notes
            if (found := _note_label(line)) is not None
            for label in [found[0]]
        }
        footnotes.append((page, page_notes))
        rows = _tables(body)
        previous_row: int | None = None
        for index, line in enumerate(body):
            level = _is_heading(line, body_size)
            offset = line.source_start
            if index in rows:
                if writer.kind != "table" or previous_row != index - 1:
                    writer.close(offset)
                    table_group += 1
                    writer.kind = "table"
                writer.row(line, table_group)
                previous_row = index
                writer.previous = None
                continue
            if level:
                text = line.text.strip()
                if title is None and page.number <= 2 and level <= 2:
                    title = text
                if writer.kind == "heading" and abs(writer.heading_size - line.size) < 0.5:
                    writer.join(writer.previous or line, line)
                    writer.emit_line(line, targets=targets)
                    writer.previous = line
                    continue
                writer.close(offset)
                in_endnotes = is_reference_heading(text)
                builder.open_block(offset, kind=BlockKind.HEADING, level=level)
                writer.open, writer.kind, writer.heading_size = True, "heading", line.size
                writer.emit_line(line, targets=targets)
                writer.previous = line
                if in_endnotes:
                    writer.close(offset + len(line.text))
                    writer.endnotes_group = next(writer.ids)
                continue
            if in_endnotes:
                found = _note_label(line)
                if found is not None:
                    writer.close(offset)
                    label, text_start = found
                    builder.open_block(
                        offset,
                        kind=BlockKind.NOTE,
                        notes=True,
                        group=writer.endnotes_group,
                        item=next(writer.ids),
                        label=label,
                    )
                    writer.open, writer.kind = True, "note"
                    writer.emit_line(line, text_start)
                    writer.previous = line
                    continue
                if writer.kind == "note" and writer.previous is not None:
                    writer.join(writer.previous, line)
                    writer.emit_line(line)
                    writer.previous = line
                    continue
            if (
                writer.kind == "paragraph"
                and writer.previous is not None
                and _continues(writer.previous, line, body_size, gap)
            ):
                writer.join(writer.previous, line)
                writer.emit_line(line, targets=targets)
                writer.previous = line
                continue
            writer.close(offset)
            builder.open_block(offset, kind=BlockKind.PARAGRAPH)
            writer.open, writer.kind = True, "paragraph"
            writer.emit_line(line, targets=targets)
            writer.previous = line
    end = len(source)
    writer.close(end)
    # footnotes after the text, as a notes section: each keeps its page and line
    for page, lines in footnotes:
        group = next(writer.ids)
        ordinals = itertools.count(1)
        previous: _Line | None = None
        for line in lines:
            found = _note_label(line)
            if found is not None:
                writer.close(line.source_start)
                label, text_start = found
                builder.open_block(
                    line.source_start,
                    kind=BlockKind.NOTE,
                    notes=True,
                    group=group,
                    item=next(writer.ids),
                    label=label,
                    anchor=f"pdf-note-{page.number}-{label}",
                    # a page's footnotes are a list of their own: labels may restart on each
                    # page, and a marker links to its own page's note
                    ordinal=next(ordinals),
                )
                writer.open, writer.kind = True, "note"
                writer.emit_line(line, text_start)
            elif writer.kind == "note" and previous is not None:
                writer.join(previous, line)
                writer.emit_line(line)
            previous = line
        writer.close(end)
    metadata_title = _info_text(reader, "/Title")
    if metadata_title and len(metadata_title.split()) >= 2 and len(metadata_title) <= 200:
        title, title_source = metadata_title, "pdf-info:Title"
    else:
        title_source = "heading"
    published = _info_date(reader)
    document = builder.document(
        path=path,
        format="pdf",
        source=source,
        title=title,
        date=published,
        problems=problems,
        title_source=title_source,
        date_source="pdf-info:CreationDate",
    )
    return replace(document, page_starts=tuple(page_starts))
