"""Scaling of the extractors on inputs built to be hard: each case is timed at size n and 2n
in the same process and the ratio printed. Linear work gives about 2.0; quadratic about 4.0.

Run with `make bench`. Covers the shapes a review found quadratic once (issue notes).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sourcelint.extract.citations import extract_citations
from sourcelint.extract.claims import prose_spans
from sourcelint.readers import read_text_as
from sourcelint.suppress import inline_suppressions

CASES: list[tuple[str, str, Callable[[int], str], int]] = [
    ("superscript markers", "txt", lambda n: "Word\u00b9 and more. " * n, 10_000),
    ("signatory list of names", "txt", lambda n: "We, " + "Aaron Smith, " * n + "signed.", 4_000),
    (
        "bibliography without blank lines",
        "txt",
        lambda n: (
            "References\n"
            + "".join(f"Smith, J. (20{i % 100:02d}). Title {i}. Journal.\n" for i in range(n))
        ),
        4_000,
    ),
    (
        "author-year citations, one year",
        "txt",
        lambda n: (
            " ".join(f"Claim {i} (Author{i}, 2019)." for i in range(n))
            + "\n\nReferences\n"
            + "".join(f"Author{i}, J. (2019). T.\n" for i in range(n))
        ),
        4_000,
    ),
    (
        "many notes containers",
        "html",
        lambda n: "".join(f'<div class="references">r{i}</div>' for i in range(n)),
        10_000,
    ),
    (
        "text nodes lxml reads differently",
        "html",
        lambda n: "".join(f"<p>Text {i} 5&#27; now.</p>" for i in range(n)),
        4_000,
    ),
    (
        "suppression comments",
        "md",
        lambda n: "".join(
            f"<!-- sourcelint: disable-next-line=SL101 -->\nLine {i}.[9]\n\n" for i in range(n)
        ),
        4_000,
    ),
]


def seconds(fmt: str, source: str) -> float:
    """Time to read a document and run the cheap extractors (no spaCy)."""
    start = time.perf_counter()
    document = read_text_as(source, path="bench", format=fmt)
    _, references = extract_citations(document)
    prose_spans(document, references)
    inline_suppressions(document)
    return time.perf_counter() - start


def main() -> None:
    """Print each case's time at n and 2n and their ratio."""
    print(f"{'case':<36}{'n':>8}{'t(n) s':>10}{'t(2n) s':>10}{'ratio':>8}")
    for name, fmt, build, size in CASES:
        small = seconds(fmt, build(size))
        large = seconds(fmt, build(2 * size))
        print(f"{name:<36}{size:>8}{small:>10.3f}{large:>10.3f}{large / small:>8.2f}")


if __name__ == "__main__":
    main()
