"""PDF content streams: the text a page draws, as pieces with their place, size and font.

pypdf parses the file, its objects and fonts; each page's content stream is tokenised here
(a regular-expression lexer, about three times as fast as pypdf's object parser, which was
most of the reading time) and its text operators interpreted here, because pypdf's own
extraction reports neither where a piece of text sits nor how large it is or how far it is
raised, and the layout needs all three.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

MAX_OPERATIONS = 2_000_000  # content-stream operations read on one page
# Tokens (operators and operands) read in the whole document: pages may share one content
# stream, and a stream of operands with no operator is work too. At most about ten seconds
# here; a typeset page spends about 2,000 (benchmarks/pdf_read.py), a browser-printed one
# that draws each glyph on its own about ten times as many.
MAX_DOCUMENT_TOKENS = 4_000_000
MAX_OPERANDS = 10_000  # operands kept for one operator, or items kept in one array


class Budget:
    """The tokens a document may still spend; shared by its pages."""

    def __init__(self, tokens: int | None = None) -> None:
        self.limit = MAX_DOCUMENT_TOKENS if tokens is None else tokens
        self.tokens = self.limit

    @property
    def spent(self) -> bool:
        """Whether the document's budget is used up."""
        return self.tokens <= 0


MAX_FORM_DEPTH = 8  # form XObjects drawn inside form XObjects
# typographic ligatures, as the words they print ("ﬁgure" is "figure" to every later stage)
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)


_TOKEN = re.compile(
    rb"""
    (?P<space>[\x00\t\n\x0c\r ]+|%[^\r\n]*)
  | (?P<number>[+-]?(?:\d+\.?\d*|\.\d+))
  | (?P<name>/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*)
  | (?P<open>\()
  | (?P<hex><[0-9A-Fa-f\x00\t\n\x0c\r ]*>)
  | (?P<dict><<|>>)
  | (?P<array>[\[\]])
  | (?P<operator>[A-Za-z'"*][A-Za-z0-9'"*]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_STRING_SPECIAL = re.compile(rb"[()\\]")
_OCTAL = re.compile(rb"[0-7]{1,3}")
_END_IMAGE = re.compile(rb"[\x00\t\n\x0c\r ]EI(?=[\x00\t\n\x0c\r ]|$)")


def _literal(data: bytes, position: int) -> tuple[bytes, int]:
    """A literal string from just after its "(": its bytes and the position after ")"."""
    parts: list[bytes] = []
    depth = 1
    start = position
    while True:
        match = _STRING_SPECIAL.search(data, position)
        if match is None:
            parts.append(data[start:])
            return b"".join(parts), len(data)
        char = match.group()
        end = match.start()
        if char == b"\\":
            parts.append(data[start:end])
            following = data[end + 1 : end + 2]
            if following in _ESCAPES:
                parts.append(_ESCAPES[following])
                position = end + 2
            elif following.isdigit() and following in b"01234567":
                octal = _OCTAL.match(data, end + 1)
                assert octal is not None
                parts.append(bytes([int(octal.group(), 8) & 0xFF]))
                position = octal.end()
            elif following in (b"\r", b"\n"):
                position = end + 2
                if following == b"\r" and data[position : position + 1] == b"\n":
                    position += 1
            else:
                parts.append(following)
                position = end + 2
            start = position
            continue
        position = end + 1
        if char == b"(":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                parts.append(data[start:end])
                return b"".join(parts), position


def operations(data: bytes, budget: Budget | None = None) -> Iterator[tuple[list[Any], bytes]]:
    """The (operands, operator) pairs of a content stream. Numbers are floats, strings
    bytes, names str (with their slash), arrays lists; a dictionary operand (marked content)
    is a list of its keys and values; inline images are skipped. Each token spends one of
    `budget`; the stream ends where it runs out. Past MAX_OPERANDS, operands are dropped."""
    budget = budget if budget is not None else Budget()
    operands: list[Any] = []
    stack: list[list[Any]] = []
    position = 0
    length = len(data)
    match_token = _TOKEN.match
    while position < length:
        match = match_token(data, position)
        if match is None:
            break
        position = match.end()
        kind = match.lastgroup
        if kind in ("space", "other"):
            continue
        budget.tokens -= 1
        if budget.tokens < 0:
            return
        target = stack[-1] if stack else operands
        if len(target) >= MAX_OPERANDS and kind not in ("operator", "array", "dict"):
            continue
        if kind == "number":
            target.append(float(match.group()))
        elif kind == "operator":
            operator = match.group()
            if stack:
                continue  # a keyword inside an array (true, false, null)
            if operator == b"BI":
                image_end = _END_IMAGE.search(data, position)
                position = image_end.end() if image_end else length
                operands = []
                continue
            yield operands, operator
            operands = []
        elif kind == "open":
            value, position = _literal(data, position)
            target.append(value)
        elif kind == "name":
            target.append(match.group().decode("latin-1"))
        elif kind == "hex":
            digits = re.sub(rb"[^0-9A-Fa-f]", b"", match.group()[1:-1])
            if len(digits) % 2:
                digits += b"0"
            target.append(bytes.fromhex(digits.decode("ascii")))
        elif kind == "array" or kind == "dict":
            if match.group() in (b"[", b"<<"):
                stack.append([])
            elif stack:
                finished = stack.pop()
                (stack[-1] if stack else operands).append(finished)


@dataclass
class Piece:
    """Text drawn by one text-showing operator: where it starts and ends, its baseline,
    size and font."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    bold: bool
    raised: bool = False  # set when laid out: a superscript on its line
    # the spans of `text` under a link annotation, with its address
    links: list[tuple[int, int, str]] = field(default_factory=list)


MAX_LINKS = 2_000  # link annotations read on one page


def _link_areas(page: Any) -> list[tuple[float, float, float, float, str]]:
    """The page's web links: each link annotation's rectangle and http(s) address."""
    areas: list[tuple[float, float, float, float, str]] = []
    try:
        annotations = page.get("/Annots")
        annotations = annotations.get_object() if annotations is not None else []
        for reference in list(annotations)[:MAX_LINKS]:
            annotation = reference.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            action = action.get_object() if action is not None else {}
            url = str(action.get("/URI", "")) if action.get("/S") == "/URI" else ""
            if not url.lower().startswith(("http://", "https://")):
                continue
            x0, y0, x1, y1 = (float(value) for value in annotation["/Rect"])
            areas.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), url))
    except Exception:  # a damaged annotation costs its link, never the page
        return areas
    return areas


_WORD = re.compile(r"\S+")
_TRAILING = frozenset('.,;:!?)]}"”’')
_LEADING = frozenset('([{"“‘')


def _under(piece: Piece, left: float, right: float) -> tuple[int, int] | None:
    """The whole words of a piece's text that lie under [left, right] (positions estimated
    along the piece in proportion to characters)."""
    length = len(piece.text)
    width = piece.x1 - piece.x0
    if length == 0 or width <= 0:
        return None
    words = []
    for match in _WORD.finditer(piece.text):
        middle = piece.x0 + width * (match.start() + match.end()) / 2 / length
        if left <= middle <= right:
            words.append(match)
    if not words:
        return None
    start, end = words[0].start(), words[-1].end()
    text = piece.text
    while end > start + 1 and text[end - 1] in _TRAILING:
        end -= 1  # "figures." is linked as "figures"
    while start < end - 1 and text[start] in _LEADING:
        start += 1
    return start, end


def multiply(first: list[float], second: list[float]) -> list[float]:
    a, b, c, d, e, f = first
    g, h, i, j, k, m = second
    return [
        a * g + b * i,
        a * h + b * j,
        c * g + d * i,
        c * h + d * j,
        e * g + f * i + k,
        e * h + f * j + m,
    ]


class _FontInfo:
    """How to decode a font's strings and how wide each glyph is."""

    def __init__(self, resource: Any) -> None:
        from pypdf.generic._font import Font

        self.font = Font.from_font_resource(resource)
        base = str(resource.get("/BaseFont", "")) if resource is not None else ""
        self.bold = bool(re.search(r"bold|black|heavy|semibold", base, re.I))
        self.two_byte = isinstance(self.font.encoding, str) and "utf-16" in self.font.encoding
        self.widths: dict[str, float] = {}

    def decode(self, data: bytes) -> tuple[str, list[str]]:
        """The string's Unicode text and the raw characters its widths are looked up by."""
        encoding = self.font.encoding
        if isinstance(encoding, str):
            try:
                text = data.decode(encoding, "surrogatepass")
            except (UnicodeDecodeError, LookupError):
                text = data.decode("latin-1")
            raw = list(text)
        else:
            text = "".join(encoding.get(byte, chr(byte)) for byte in data)
            raw = [chr(byte) for byte in data]
        character_map = self.font.character_map
        shown = "".join(character_map.get(char, char) for char in text)
        return shown.translate(_LIGATURES), raw

    def width(self, char: str) -> float:
        """A glyph's width in thousandths of the font size."""
        known = self.widths.get(char)
        if known is None:
            if char == self.font.space_char:
                known = float(self.font.space_width)
            else:
                try:
                    known = float(self.font.get_text_width(char))
                except Exception:
                    known = 500.0
            self.widths[char] = known
        return known


class PageReader:
    """Interprets one page's content stream into pieces of text."""

    def __init__(self, reader: Any, budget: Budget | None = None) -> None:
        self.reader = reader
        self.budget = budget if budget is not None else Budget()
        self.fonts: dict[int, _FontInfo] = {}
        self.pieces: list[Piece] = []
        self.operations = 0
        self.rotated = 0  # text-showing operators drawn at an angle, left out

    def _font(self, resources: Any, name: Any) -> _FontInfo | None:
        try:
            fonts = resources["/Font"].get_object()
            resource = fonts[name].get_object()
        except (KeyError, TypeError, AttributeError):
            return None
        key = id(resource)
        info = self.fonts.get(key)
        if info is None:
            try:
                info = _FontInfo(resource)
            except Exception:
                return None
            self.fonts[key] = info
        return info

    def read(self, page: Any) -> list[Piece]:
        contents = page.get_contents()
        if contents is None:
            return []
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else {}
        self._run(
            operations(contents.get_data(), self.budget),
            resources,
            [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
            0,
        )
        areas = _link_areas(page)
        for piece in self.pieces if areas else ():
            middle_y = piece.y + piece.size * 0.3
            for x0, y0, x1, y1, url in areas:
                if y0 - 1 <= middle_y <= y1 + 1 and x0 < piece.x1 and x1 > piece.x0:
                    span = _under(piece, x0, x1)
                    if span is not None:
                        piece.links.append((*span, url))
        return self.pieces

    def _run(
        self,
        steps: Iterator[tuple[list[Any], bytes]],
        resources: Any,
        ctm: list[float],
        depth: int,
    ) -> None:
        stack: list[tuple[list[float], Any]] = []
        tm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
        line_matrix = tm[:]
        font: _FontInfo | None = None
        size = 0.0
        char_spacing = word_spacing = rise = leading = 0.0
        scale = 1.0

        def show(strings: list[Any]) -> None:
            nonlocal tm
            if font is None:
                return
            matrix = multiply(tm, ctm)
            if abs(matrix[1]) > abs(matrix[0]) * 0.05 or abs(matrix[2]) > abs(matrix[3]) * 0.05:
                # text at an angle (an arXiv stamp up the margin, a rotated table): laid out
                # by its starting point it would land inside the prose
                self.rotated += 1
                return
            start = multiply([1.0, 0.0, 0.0, 1.0, 0.0, rise], matrix)
            height = math.hypot(matrix[2], matrix[3]) * size
            parts: list[str] = []
            advance = 0.0
            for item in strings:
                if isinstance(item, bytes | str):
                    # pypdf hands strings over decoded as text; the font decodes the bytes
                    original = getattr(item, "original_bytes", None)
                    if isinstance(original, bytes):
                        data = original
                    elif isinstance(item, bytes):
                        data = bytes(item)
                    else:
                        data = item.encode("latin-1", "replace")
                    shown, raw = font.decode(data)
                    for char in raw:
                        glyph = font.width(char) / 1000 * size + char_spacing
                        if char == " " and not font.two_byte:
                            glyph += word_spacing
                        advance += glyph * scale
                    parts.append(shown)
                else:
                    try:
                        offset = float(item)
                    except (TypeError, ValueError):
                        continue
                    advance -= offset / 1000 * size * scale
                    if offset <= -180 and parts and not parts[-1].endswith(" "):
                        parts.append(" ")  # a word gap written as a shift
            text = "".join(parts)
            tm = multiply([1.0, 0.0, 0.0, 1.0, advance, 0.0], tm)
            if not text.strip():
                return
            end = multiply(tm, ctm)
            self.pieces.append(
                Piece(
                    text=text,
                    x0=start[4],
                    x1=max(end[4], start[4]),
                    y=start[5],
                    size=height or size,
                    bold=font.bold,
                )
            )

        for operands, operator in steps:
            self.operations += 1
            if self.operations > MAX_OPERATIONS:
                return
            try:
                if operator == b"q":
                    stack.append((ctm[:], None))
                elif operator == b"Q":
                    if stack:
                        ctm = stack.pop()[0]
                elif operator == b"cm" and len(operands) == 6:
                    ctm = multiply([float(value) for value in operands], ctm)
                elif operator == b"BT":
                    tm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
                    line_matrix = tm[:]
                elif operator == b"Tf" and len(operands) == 2:
                    font = self._font(resources, operands[0])
                    size = float(operands[1])
                elif operator == b"Tc" and operands:
                    char_spacing = float(operands[0])
                elif operator == b"Tw" and operands:
                    word_spacing = float(operands[0])
                elif operator == b"Tz" and operands:
                    scale = float(operands[0]) / 100
                elif operator == b"TL" and operands:
                    leading = float(operands[0])
                elif operator == b"Ts" and operands:
                    rise = float(operands[0])
                elif operator in (b"Td", b"TD") and len(operands) == 2:
                    x, y = float(operands[0]), float(operands[1])
                    if operator == b"TD":
                        leading = -y
                    line_matrix = multiply([1.0, 0.0, 0.0, 1.0, x, y], line_matrix)
                    tm = line_matrix[:]
                elif operator == b"Tm" and len(operands) == 6:
                    line_matrix = [float(value) for value in operands]
                    tm = line_matrix[:]
                elif operator == b"T*":
                    line_matrix = multiply([1.0, 0.0, 0.0, 1.0, 0.0, -leading], line_matrix)
                    tm = line_matrix[:]
                elif operator == b"Tj" and operands:
                    show([operands[0]])
                elif operator == b"TJ" and operands:
                    show(list(operands[0]))
                elif operator in (b"'", b'"') and operands:
                    if operator == b'"' and len(operands) == 3:
                        word_spacing, char_spacing = float(operands[0]), float(operands[1])
                    line_matrix = multiply([1.0, 0.0, 0.0, 1.0, 0.0, -leading], line_matrix)
                    tm = line_matrix[:]
                    show([operands[-1]])
                elif operator == b"Do" and operands and depth < MAX_FORM_DEPTH:
                    self._form(resources, operands[0], ctm, depth)
            except (TypeError, ValueError, IndexError, KeyError, AttributeError):
                continue  # an operator with operands of the wrong kind draws nothing

    def _form(self, resources: Any, name: Any, ctm: list[float], depth: int) -> None:
        try:
            form = resources["/XObject"].get_object()[name].get_object()
        except (KeyError, TypeError, AttributeError):
            return
        if form.get("/Subtype") != "/Form":
            return
        matrix = [float(value) for value in form.get("/Matrix", [1, 0, 0, 1, 0, 0])]
        inner = form.get("/Resources")
        inner = inner.get_object() if inner is not None else resources
        try:
            data = form.get_data()
        except Exception:
            return
        self._run(operations(data, self.budget), inner, multiply(matrix, ctm), depth + 1)
