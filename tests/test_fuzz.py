"""Property-based tests: random and mutated documents never raise, never hang, and every
offset in the output points inside the text and maps back to a valid line:col.

The suite runs a small, derandomized budget; `make fuzz` runs the same properties with
SOURCELINT_FUZZ_EXAMPLES=10000 and fresh randomness (docs/benchmarks.md has its last result).
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcelint.api import analyze
from sourcelint.config import Settings
from sourcelint.document import Document
from sourcelint.errors import SourcelintError
from sourcelint.model import Analysis
from sourcelint.readers import read_bytes

EXAMPLES = int(os.environ.get("SOURCELINT_FUZZ_EXAMPLES", "0")) or None
EVERY_RULE = Settings(select=("SL",))
FUZZ = settings(
    max_examples=EXAMPLES or 25,
    deadline=10_000,  # milliseconds: no document may take longer
    derandomize=EXAMPLES is None,  # the suite is reproducible; `make fuzz` explores
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

SEEDS = {
    "md": (
        "---\ntitle: Harbour dues\ndate: 2024-03-18\n---\n\n# Harbour dues rise\n\n"
        '"We had no choice," the harbour master, Ana Ruiz, said on Tuesday.[^1] Dues rose by '
        "4% to $12.50 a tonne, and more than 1,200 boats use the port, according to the "
        'council\'s report (Lee & Park, 2021).\n\n{{< figure src="quay.png" width=519 >}}\n\n'
        "| Year | Boats |\n|---|---|\n| 2022 | 1,150 |\n| 2023 | 1,210 |\n\n"
        "> “It is a fair price,” she added.\n\n[^1]: Harbour Board, Minutes, 12 March 2024.\n"
    ),
    "html": (
        "<html><head><title>Dues</title><meta property='article:published_time' "
        "content='2024-03-18T09:00:00Z'><script>alert('x')</script></head><body><article>"
        "<h1>Harbour dues rise</h1><p>“We had no choice,” Ana Ruiz said.<sup><a href='#n1'>1"
        "</a></sup> Dues rose 4% to &pound;12.50 a tonne; about 1,200 boats came.</p>"
        "<blockquote><p>It is fair.</p></blockquote><table><tr><td>2023</td><td>1,210</td>"
        "</tr></table><ol><li id='n1'>Harbour Board, Minutes, 2024.</li></ol></article>"
        "</body></html>"
    ),
    "txt": (
        "Harbour dues rise\nDate: 18 March 2024\n\nPORT SELLICK, March 18 - Dues rose by 4% "
        'to $12.50 a tonne.[1] "We had no choice," said Ana Ruiz, the harbour master. '
        "She said upwards of 1,200 boats use the port as of March 1.\n\nMr Lee: It is fair.\n"
        "Ms Ruiz: We agree.\n\nReferences\n\n[1] Harbour Board, Minutes, 2024. doi:10.1/x\n"
    ),
}

HOSTILE = (
    "\x00",
    "\ufeff",
    "\u202e",
    "\u200b",
    "\u2066",
    "\x1b[31m",
    "“",
    "”",
    '"',
    "'",
    "’",
    "«",
    "[",
    "]",
    "[^",
    "^1",
    "[12]",
    "<div>",
    "</p>",
    "<!--",
    "<script>",
    "&amp;",
    "&#0;",
    "\n",
    "\n\n",
    "\r",
    "---\n",
    "{{<",
    "%}",
    "99999999999999999999999999999999",
    "1e308",
    "$",
    "£",
    "%",
    "-",
    "–",
    " said ",
    " he ",
    " She ",
    "References\n",
    "^ a b ",
    "0001-01-01",
    "December 31, 9999",
    "February 30, 2020",
    "as of 31 December 99999",
    "\ud7ff",
    "\U0001f600",
    "é",
    "\u0301",
)

FORMATS = ("txt", "md", "html")


def read(data: bytes, fmt: str) -> Document | None:
    """The document, or None when the reader refuses it with a coded error."""
    try:
        return read_bytes(data, path=f"fuzz.{fmt}", format=fmt)
    except SourcelintError as error:
        assert error.code.startswith("SL9"), error
        return None


def assert_sound(document: Document, analysis: Analysis) -> None:
    """Every offset lies inside the text and every line:col maps back to a source offset."""
    length = len(document.text)
    spans: list[tuple[int, int]] = []
    spans += [(item.start, item.end) for item in analysis.citations]
    spans += [(item.start, item.end) for item in analysis.references]
    spans += [(item.start, item.end) for item in analysis.claims]
    spans += [(item.start, item.end) for item in analysis.quotes]
    spans += [(item.start, item.end) for item in analysis.quantities]
    spans += [(item.start, item.end) for item in analysis.findings]
    for start, end in spans:
        assert 0 <= start <= end <= length, (start, end, length)
    positions: list[tuple[int, int]] = [(item.line, item.col) for item in analysis.findings]
    positions += [(item.line, item.col) for item in analysis.quotes]
    positions += [(item.line, item.col) for item in analysis.quantities]
    for line, col in positions:
        assert line >= 1 and col >= 1, (line, col)
        offset = document.lines.line_start(line) + col - 1
        assert offset <= len(document.source), (line, col)
        assert document.lines.locate(offset) == (line, col)
    assert not [f for f in analysis.findings if f.code == "SL999"], analysis.findings
    analysis.to_json()  # the contract can always be written


def scan_bytes(data: bytes, fmt: str) -> None:
    document = read(data, fmt)
    if document is not None:
        assert_sound(document, analyze(document, settings=EVERY_RULE))


@st.composite
def mutated(draw: Any) -> tuple[bytes, str]:
    """A seed document with a few mutations: byte flips, truncation (mid-tag, mid-UTF-8),
    hostile insertions, and re-encoding as UTF-16 with or without a byte order mark."""
    fmt = draw(st.sampled_from(FORMATS))
    text = SEEDS[fmt]
    for _ in range(draw(st.integers(0, 6))):
        where = draw(st.integers(0, len(text)))
        text = (
            text[:where] + draw(st.sampled_from(HOSTILE)) * draw(st.integers(1, 40)) + text[where:]
        )
    data = text.encode("utf-8", "surrogatepass")
    for _ in range(draw(st.integers(0, 4))):
        where = draw(st.integers(0, max(len(data) - 1, 0)))
        data = data[:where] + bytes([draw(st.integers(0, 255))]) + data[where + 1 :]
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    encoding = draw(st.sampled_from(("utf-8", "utf-8", "utf-8", "utf-16", "utf-16-le")))
    if encoding != "utf-8":
        data = data.decode("utf-8", "replace").encode(encoding)
    return data, fmt


@FUZZ
@given(mutated())
def test_mutated_documents_are_read_and_scanned_soundly(case: tuple[bytes, str]) -> None:
    data, fmt = case
    scan_bytes(data, fmt)


@FUZZ
@given(
    st.lists(st.sampled_from(HOSTILE) | st.text(max_size=12), max_size=60),
    st.sampled_from(FORMATS),
)
def test_random_text_is_scanned_soundly(pieces: list[str], fmt: str) -> None:
    scan_bytes("".join(pieces).encode("utf-8", "surrogatepass"), fmt)


@FUZZ
@given(st.binary(max_size=600), st.sampled_from(FORMATS))
def test_random_bytes_are_read_or_refused_with_a_code(data: bytes, fmt: str) -> None:
    scan_bytes(data, fmt)


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("deep nesting", "<div>" * 5000 + "He said “yes”." + "</div>" * 5000, "html"),
        ("deep lists", "".join(f"{'  ' * i}- item {i}\n" for i in range(300)), "md"),
        ("thousands of markers", "A claim." + "[1]" * 3000 + "\n\n[1] A source.\n", "txt"),
        ("thousands of quote marks", "“" * 2000 + " said Ana " + '"' * 2001, "txt"),
        ("giant numbers", "The debt is $" + "9" * 3000 + " and 1e999999 tonnes.", "txt"),
        ("odd dates", "---\ndate: 0001-01-01\n---\n\nAs of December 31, 9999, 40 came.", "md"),
        ("zero-width and bidi", "Ana\u200b said \u202e“x”\u202c; 4\u200b0% came.\n" * 200, "txt"),
        ("a long line", ('Ana said "yes" and 40% of 1,200 agreed [1]. ' * 2500), "txt"),
        ("unterminated tags", "<p>Ana said “yes<p><b>40% <a href='", "html"),
    ],
)
def test_hostile_documents_are_scanned_soundly(name: str, content: str, fmt: str) -> None:
    scan_bytes(content.encode("utf-8"), fmt)
