"""Bytes to text: encoding detection, BOMs, invalid UTF-8, binary files, line endings."""

from __future__ import annotations

import codecs
import re

from sourcelint.document import Problem
from sourcelint.errors import SourcelintError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_SNIFF = 8192


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: a NUL byte, or many control bytes, early on."""
    head = data[:_SNIFF]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.10


def bomless_utf16(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for UTF-16 text saved without a byte order mark (as some
    Windows tools save it), told by where its NUL bytes fall: Latin text in UTF-16 has a NUL
    in nearly every other byte, always on the same side. None for anything else."""
    head = data[: _SNIFF - _SNIFF % 2]
    if len(head) < 8 or len(data) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and others.count(0) <= 0.02 * len(others):
            try:
                head.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; line and column numbers stay those an editor shows."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _declared_html_charset(data: bytes) -> str | None:
    """The charset a page declares, if it is a text encoding. As browsers do, a page that
    declares UTF-16 or UTF-32 in ASCII-readable markup is read as UTF-8."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name.startswith(("utf-16", "utf-32")):
        return None  # rot13, base64, zlib are codecs, not encodings a page may choose
    return info.name


def decode(data: bytes, *, path: str, html: bool = False) -> tuple[str, tuple[Problem, ...]]:
    """Decode a file's bytes; invalid UTF-8 is replaced and reported as an SL902 problem.

    Raises SourcelintError(SL904) for binary data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return normalize_newlines(data.decode(encoding).lstrip("\ufeff")), ()
            except UnicodeDecodeError as error:
                text = normalize_newlines(data.decode(encoding, errors="replace").lstrip("\ufeff"))
                problem = Problem(
                    "SL902",
                    f"invalid {encoding.upper()}: undecodable bytes replaced with U+FFFD, "
                    f"the first at byte {error.start}",
                    source_offset=max(text.find("\ufffd"), 0),
                )
                return text, (problem,)
    if (utf16 := bomless_utf16(data)) is not None:
        text = normalize_newlines(data.decode(utf16, errors="replace"))
        return text, ()
    if looks_binary(data):
        raise SourcelintError("SL904", "binary file, not text: not scanned", path=path)
    declared = _declared_html_charset(data) if html else None
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return normalize_newlines(data.decode(declared)), ()
        except (UnicodeError, LookupError):  # "punycode", "undefined": not a text charset
            pass
    try:
        return normalize_newlines(data.decode("utf-8")), ()
    except UnicodeDecodeError as error:
        first_bad = error.start
    text = normalize_newlines(data.decode("utf-8", errors="replace"))
    bad_count = text.count("\ufffd") - data.decode("utf-8", "ignore").count("\ufffd")
    char_offset = len(normalize_newlines(data[:first_bad].decode("utf-8", errors="replace")))
    problem = Problem(
        "SL902",
        f"invalid UTF-8: {bad_count} undecodable byte sequence(s) replaced with U+FFFD, "
        f"the first at byte {first_bad}",
        source_offset=char_offset,
    )
    return text, (problem,)
