"""Scaling of the extractors on inputs built to be hard: each case is timed at size n and 2n
in the same process and the ratio printed. Linear work gives about 2.0; quadratic about 4.0.

Run with `make bench`. Covers the shapes a review found quadratic once (issue notes).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sourcelint.extract.citations import extract_citations
from sourcelint.extract.claims import prose_spans
from sourcelint.extract.quantities import extract_quantities, link_quantities
from sourcelint.extract.quotes import extract_quotes, link_quotes
from sourcelint.model import Claim
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
    ("lines of dialogue", "txt", lambda n: "“Yes.”\n\n“How far?”\n\n" * n, 4_000),
    (
        "quotations by many speakers",
        "txt",
        lambda n: "".join(
            f"“We hold {i},” Minister Ann Lee{i} said. “More,” she added. He called it “a plan”."
            "\n\n"
            for i in range(n)
        ),
        2_000,
    ),
    (
        "many people with one surname",
        "txt",
        lambda n: "".join(f"“We hold {i},” said Ann{i} Lee.\n\n" for i in range(n)),
        2_000,
    ),
    (
        "many acronyms as speakers",
        "txt",
        lambda n: "".join(
            f"“We act {i},” said {''.join(chr(65 + (i // 26**k) % 26) for k in range(3))}.\n\n"
            "The talks went on for hours.\n\n"
            for i in range(n)
        ),
        2_000,
    ),
    ("unclosed quotation marks", "txt", lambda n: "He said “open and never close.\n\n" * n, 4_000),
    (
        "British marks among apostrophes",
        "txt",
        lambda n: "‘It’s the workers’ pay,’ said Ann Lee. The drivers’ canteen’s view.\n\n" * n,
        4_000,
    ),
    (
        "block quotes with dash credits",
        "md",
        lambda n: "> We hold the line.\n>\n> — Ann Lee, Minister\n\nText.\n\n" * n,
        2_000,
    ),
    (
        "one sentence holding a table of figures",
        "txt",
        lambda n: (
            "Totals were "
            + ", ".join(f"{i * 7 % 997},{i % 1000:03d} tonnes in 2024" for i in range(n))
            + "."
        ),
        2_000,
    ),
    (
        "sentences of changes and dates",
        "txt",
        lambda n: "".join(
            f"Exports rose by {i % 90}% to €{i}m in March, up from €{i // 2}m a year earlier. "
            for i in range(n)
        ),
        2_000,
    ),
    ("a run of digits", "txt", lambda n: "1" * (10 * n) + " people", 4_000),
    ("a run of comma groups", "txt", lambda n: ",".join(["1"] * n) + " people", 4_000),
    (
        "dates among counts",
        "txt",
        lambda n: " ".join(f"On March {i % 28 + 1}, {i} people came in 2024." for i in range(n)),
        2_000,
    ),
]


def seconds(fmt: str, source: str) -> float:
    """Time to read a document and run the cheap extractors, the quotation stage and the
    statistics stage (no spaCy)."""
    start = time.perf_counter()
    document = read_text_as(source, path="bench", format=fmt)
    _, references = extract_citations(document)
    prose = prose_spans(document, references)
    inline_suppressions(document)
    # The quotation stage, with each prose span standing in for a sentence (no spaCy here).
    claims = [
        Claim(f"s{i}", document.text[a:b], a, b, None, (), (), (), ())
        for i, (a, b) in enumerate(prose)
    ]
    found = extract_quotes(document, claims, references, prose=prose)
    link_quotes(claims, found.quotes)
    link_quantities(claims, extract_quantities(document, claims))
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
