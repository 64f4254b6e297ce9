from __future__ import annotations

from sourcelint.document import BlockKind
from sourcelint.readers import read_bytes

SOURCE = """---
title: "Grain report"
date: 2024-03-05
---

# Heading

Exports rose.[^1] See [the bulletin](https://example.org/b) and [a ref][r].

```
code [5] is ignored
```

Inline `values[3]` is code.

[r]: https://example.org/r
[^1]: Ministry of Agriculture, 2024.
"""


def test_front_matter_title_and_date() -> None:
    document = read_bytes(SOURCE.encode(), path="a.md")
    assert document.title == "Grain report"
    assert document.date == "2024-03-05"


def test_code_blocks_are_not_in_the_text_and_inline_code_is_marked() -> None:
    document = read_bytes(SOURCE.encode(), path="a.md")
    assert "code [5]" not in document.text
    (code,) = document.code_spans
    assert document.text[code[0] : code[1]] == "values[3]"


def test_footnote_reference_is_a_marker_at_its_source_position() -> None:
    document = read_bytes(SOURCE.encode(), path="a.md")
    (hint,) = document.marker_hints
    assert hint.label == "1"
    assert document.text[hint.start : hint.end] == "[^1]"
    assert document.locate(hint.start) == (8, 14)


def test_footnote_definition_is_a_note_block() -> None:
    document = read_bytes(SOURCE.encode(), path="a.md")
    notes = [block for block in document.blocks if block.kind is BlockKind.NOTE]
    assert [note.label for note in notes] == ["1"]
    assert document.text[notes[0].start : notes[0].end] == "Ministry of Agriculture, 2024."
    assert document.locate(notes[0].start) == (17, 7)


def test_inline_and_reference_links_keep_their_targets() -> None:
    document = read_bytes(SOURCE.encode(), path="a.md")
    links = {document.text[link.start : link.end]: link.url for link in document.links}
    assert links == {"the bulletin": "https://example.org/b", "a ref": "https://example.org/r"}


def test_positions_stay_in_their_block_when_a_later_line_repeats_the_text() -> None:
    source = "Exports rose 4\\% in a year [3].\n\nExports rose 4% in a year [3].\n"
    document = read_bytes(source.encode(), path="r.md")
    starts = [
        document.locate(index)
        for index, char in enumerate(document.text)
        if document.text.startswith("[3]", index)
    ]
    assert starts == [(1, 28), (3, 27)]


def test_a_footnote_definition_inside_a_code_block_is_an_example() -> None:
    source = "Use footnotes like this:\n\n```\n[^1]: The source.\n```\n"
    document = read_bytes(source.encode(), path="code.md")
    assert not [block for block in document.blocks if block.kind is BlockKind.NOTE]


def test_a_label_defined_twice_keeps_both_definitions_in_file_order() -> None:
    from sourcelint.api import analyze

    source = "# T\n\nClaim.[^a]\n\n[^a]: First note, 2020.\n[^a]: Second note, 2021.\n"
    analysis = analyze(read_bytes(source.encode(), path="d.md"))
    assert sorted(ref.text for ref in analysis.references) == [
        "First note, 2020.",
        "Second note, 2021.",
    ]
    assert [(f.code, f.line, f.message) for f in analysis.findings] == [
        ("SL105", 6, "reference label a is used twice (first on line 5)")
    ]


def test_raw_html_blocks_are_read_like_html_with_offsets_into_the_markdown() -> None:
    source = (
        "# Fares\n\nIntro paragraph.\n\n"
        '<table><tr><td>Adult</td><td>13.50 <a href="https://example.org/fares">euros</a>'
        "</td></tr></table>\n\n"
        "<blockquote><p>Open again.</p></blockquote>\n\nAfter.\n"
    )
    document = read_bytes(source.encode(), path="a.md")
    kinds = [(b.kind.value, b.quote, document.text[b.start : b.end]) for b in document.blocks]
    assert ("cell", False, "13.50 euros") in kinds
    assert ("paragraph", True, "Open again.") in kinds
    assert kinds[-1] == ("paragraph", False, "After.")
    (link,) = document.links
    assert document.text[link.start : link.end] == "euros"
    assert link.url == "https://example.org/fares"
    cell = next(b for b in document.blocks if document.text[b.start : b.end] == "13.50 euros")
    line, col = document.locate(cell.start)
    assert source.splitlines()[line - 1][col - 1 :].startswith("13.50")


def test_numbered_links_in_a_superscript_are_markers_and_their_definitions_notes() -> None:
    from ..conftest import scan_text

    source = (
        "Tending code<sup>[3],[4]</sup> is gardening.<sup>[1]</sup> See [the site][3].\n\n"
        "### References\n\n"
        '[1]: https://example.org/a "Okafor, J. Gardening code. 2019"\n'
        '[3]: https://example.org/c "Ruiz, P. Trees. 2020"\n'
        "[4]: https://example.org/d\n"
        "[9]: https://example.org/unused\n"
    )
    analysis = scan_text(source, "md")
    by_id = {reference.id: reference for reference in analysis.references}
    resolved = {c.marker: by_id[c.reference].url for c in analysis.citations if c.reference}
    assert resolved == {
        "1": "https://example.org/a",
        "3": "https://example.org/c",
        "4": "https://example.org/d",
    }
    # a definition no superscript uses stays a plain link definition, not a note
    assert len(analysis.references) == 3
    assert not [f for f in analysis.findings if f.code.startswith("SL10")]
