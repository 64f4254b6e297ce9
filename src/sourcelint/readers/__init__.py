"""Readers: one per format, each turning a file's bytes into a Document."""

from __future__ import annotations

import re
import stat
from dataclasses import replace
from pathlib import Path

from sourcelint.document import Document, Problem
from sourcelint.errors import SourcelintError
from sourcelint.readers.decoding import decode
from sourcelint.readers.docx import is_docx, read_docx
from sourcelint.readers.html import read_html
from sourcelint.readers.markdown import read_markdown
from sourcelint.readers.pdf import read_pdf
from sourcelint.readers.text import read_text

FORMATS = ("txt", "md", "html", "pdf", "docx")
BINARY_FORMATS = frozenset({"pdf", "docx"})
EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".mdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def detect_format(path: str | None, data: bytes) -> str:
    """The format of a file: by its extension, else by sniffing its start; plain text last."""
    if path:
        suffix = Path(path).suffix.lower()
        if suffix in EXTENSIONS:
            return EXTENSIONS[suffix]
    if data[:1024].lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:4] == b"PK\x03\x04" and is_docx(data):
        return "docx"
    if _HTML_START.match(data[:2048]):
        return "html"
    return "txt"


def _checked(format: str) -> str:
    if format not in FORMATS:
        raise SourcelintError(
            "SL900", f"unknown format {format!r}; use one of {', '.join(FORMATS)}"
        )
    return format


def read_bytes(data: bytes, *, path: str, format: str | None = None) -> Document:
    """Decode and read a document; `format` overrides detection.

    Raises SourcelintError for input that cannot be read as text (SL904) or an unknown format
    (SL900).
    """
    chosen = _checked(format or detect_format(path, data))
    if chosen == "pdf":
        return read_pdf(data, path=path)
    if chosen == "docx":
        return read_docx(data, path=path)
    source, problems = decode(data, path=path, html=chosen == "html")
    return read_text_as(source, path=path, format=chosen, problems=problems)


def read_text_as(
    source: str, *, path: str, format: str, problems: tuple[Problem, ...] = ()
) -> Document:
    """Read already-decoded text in the given format (SL900 for an unknown format, or a binary
    format given as text)."""
    if format in BINARY_FORMATS:
        raise SourcelintError("SL900", f"a {format} document is read from its bytes, not text")
    reader = {"txt": read_text, "md": read_markdown, "html": read_html}[_checked(format)]
    document = reader(source, path=path, problems=problems)
    if document.problems:
        # A decoding problem lives in the source; point its text span at the first
        # replacement character the text kept, if any.
        first = document.text.find("\ufffd")
        located = tuple(
            replace(problem, start=max(first, 0), end=max(first, 0) + (first >= 0))
            for problem in document.problems
        )
        document = replace(document, problems=located)
    return document


def read_path(
    path: Path,
    *,
    format: str | None = None,
    display: str | None = None,
    max_size: int | None = None,
) -> Document:
    """Read a file from disk. Raises SourcelintError: SL901 when it cannot be read or is a
    device or socket (a link named .txt to /dev/zero), SL907 when it holds more than
    `max_size` bytes (read no further than that, so a growing file or a pipe cannot exhaust
    memory)."""
    shown = display or str(path)
    try:
        mode = path.stat().st_mode
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
            raise SourcelintError(
                "SL901", "not a regular file (a device or socket); refused", path=shown
            )
        with path.open("rb") as stream:
            data = stream.read() if max_size is None else stream.read(max_size + 1)
    except FileNotFoundError:
        raise SourcelintError("SL901", "no such file", path=shown) from None
    except IsADirectoryError:
        raise SourcelintError("SL901", "is a directory, not a file", path=shown) from None
    except OSError as error:
        raise SourcelintError(
            "SL901", f"cannot read: {error.strerror or error}", path=shown
        ) from None
    if max_size is not None and len(data) > max_size:
        raise SourcelintError(
            "SL907", f"file is over the limit of {max_size:,} bytes (max-file-size)", path=shown
        )
    return read_bytes(data, path=shown, format=format)
