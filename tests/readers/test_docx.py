"""The Word reader, on files the tests make with python-docx (notes written by hand)."""

from __future__ import annotations

import io
import zipfile

import pytest

from sourcelint.document import BlockKind, Document
from sourcelint.errors import SourcelintError
from sourcelint.readers import detect_format, read_bytes
from sourcelint.readers.docx import MAX_PART_BYTES
from tests.conftest import scan_text
from tests.readers.docx_maker import WordMaker


def _draft() -> bytes:
    maker = WordMaker()
    maker.paragraph("Grain exports", style="Heading 1")
    maker.paragraph("")  # an empty paragraph: not counted
    first = maker.paragraph("Exports rose by 12 percent last year, the ministry said.")
    maker.add_note(first, "Ministry of Agriculture, Annual Figures (2024).")
    second = maker.paragraph("The harvest reached 4.1 million tonnes")
    maker.tracked(second, " in the spring", " in the autumn")
    maker.add_note(second, "Grain Board, Harvest Report (2024).", kind="endnote")
    third = maker.paragraph("Details are in the ")
    maker.hyperlink(third, "board's report", "https://example.org/report")
    maker.comment_marks(third)
    fourth = maker.paragraph("Farmers welcomed the news, a union official said.")
    maker.add_note(fourth, "Interview with the National Farmers Union, 3 May 2024.")
    maker.paragraph("Outlook", style="Heading 2")
    return maker.save()


def _read(data: bytes) -> Document:
    return read_bytes(data, path="draft.docx")


def test_docx_is_detected_by_extension_and_by_its_parts() -> None:
    data = _draft()
    assert detect_format("draft.docx", data) == "docx"
    assert detect_format(None, data) == "docx"


def test_paragraphs_headings_links_and_tracked_changes() -> None:
    document = _read(_draft())
    headings = [
        (document.text[b.start : b.end], b.level)
        for b in document.blocks
        if b.kind is BlockKind.HEADING
    ]
    assert headings == [("Grain exports", 1), ("Outlook", 2)]
    assert "4.1 million tonnes in the spring" in document.text
    assert "autumn" not in document.text  # a tracked deletion
    (link,) = document.links
    assert document.text[link.start : link.end] == "board's report"
    assert link.url == "https://example.org/report"
    assert document.title == "Grain exports"


def test_positions_are_paragraph_numbers() -> None:
    document = _read(_draft())
    offset = document.text.index("4.1 million")
    assert document.locate(offset) == (3, 21)  # paragraph 3 (the empty one is not counted)
    assert document.source.split("\n")[2].startswith("The harvest reached")


def test_footnotes_and_endnotes_resolve_their_references() -> None:
    analysis = scan_text(_draft(), "docx", "draft")
    markers = [(c.marker, c.reference) for c in analysis.citations]
    assert markers == [("1", "r1"), ("i", "r3"), ("2", "r2")]
    references = {r.id: (r.label, r.text) for r in analysis.references}
    assert references["r1"] == ("1", "Ministry of Agriculture, Annual Figures (2024).")
    assert references["r3"] == ("i", "Grain Board, Harvest Report (2024).")
    assert not [f for f in analysis.findings if f.code in ("SL101", "SL102", "SL105")]
    quantity = next(q for q in analysis.quantities if q.text.startswith("4.1"))
    assert (quantity.line, quantity.col) == (3, 21)


def test_findings_carry_the_paragraph_in_json() -> None:
    maker = WordMaker()
    maker.paragraph("Exports rose.")
    maker.paragraph("Prices fell, as shown in [7].")
    analysis = scan_text(maker.save(), "docx", "draft")
    (finding,) = [f for f in analysis.findings if f.code == "SL101"]
    assert finding.to_json()["paragraph"] == 2
    assert "page" not in finding.to_json()


def _zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    # 80 MB of one byte packs to about 80 KB: over the part limit and the ratio limit
    bomb = _zip({"word/document.xml": b"<" + b"a" * (MAX_PART_BYTES + 16 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    with pytest.raises(SourcelintError) as raised:
        _read(bomb)
    assert raised.value.code == "SL907"


def test_a_highly_compressed_part_is_refused() -> None:
    bomb = _zip({"word/document.xml": b" " * (8 * 1024 * 1024)})
    with pytest.raises(SourcelintError) as raised:
        _read(bomb)
    assert raised.value.code == "SL907"
    assert "compressed" in raised.value.message


def test_entities_are_not_expanded() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        b'<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>Start &c; &secret; end.</w:t></w:r></w:p></w:body></w:document>"
    )
    document = _read(_zip({"word/document.xml": laughs}))
    assert "aaaa" not in document.text
    assert "root" not in document.text
    assert document.text.startswith("Start")


def test_a_broken_docx_is_sl904() -> None:
    with pytest.raises(SourcelintError) as raised:
        _read(b"PK\x03\x04 not really a zip")
    assert raised.value.code == "SL904"
    with pytest.raises(SourcelintError) as raised:
        _read(_zip({"word/document.xml": b"<w:document><unclosed>"}))
    assert raised.value.code == "SL904"


def test_damaged_docx_files_never_raise_anything_but_a_coded_error() -> None:
    import random

    original = _draft()
    chooser = random.Random(16)
    for _ in range(150):
        data = bytearray(original)
        for _ in range(chooser.randint(1, 4)):
            at = chooser.randrange(len(data))
            data[at] = chooser.randrange(256)
        try:
            document = read_bytes(bytes(data), path="damaged.docx")
        except SourcelintError as error:
            assert error.code in ("SL904", "SL907")
            continue
        assert all(0 <= block.start <= block.end <= len(document.text) for block in document.blocks)


def test_note_numbering_follows_the_settings_and_custom_marks() -> None:
    maker = WordMaker()
    maker.endnote_format = "decimal"
    first = maker.paragraph("Exports rose, the ministry said.")
    maker.add_note(first, "Ministry of Agriculture, Annual Figures (2024).", kind="endnote")
    second = maker.paragraph("Prices fell, the board said.")
    maker.add_note(second, "Grain Board, Bulletin (2024).", custom_mark="*")
    third = maker.paragraph("Farmers were pleased, the union said.")
    maker.add_note(third, "National Farmers Union, statement (2024).")
    document = _read(maker.save())
    assert "said.[1]" in document.text  # the endnote, numbered 1 as settings.xml says
    assert "said.[*]" in document.text and "*]*" not in document.text
    hints = [(hint.label, hint.target) for hint in document.marker_hints]
    assert hints == [
        ("1", "docx-endnote-1"),
        ("*", "docx-footnote-1"),
        ("1", "docx-footnote-2"),  # a custom mark takes no number
    ]
    analysis = scan_text(maker.save(), "docx", "draft")
    assert all(citation.reference for citation in analysis.citations)
    assert "SL105" not in [finding.code for finding in analysis.findings]


def test_a_hyperlink_field_is_a_link() -> None:
    from docx.oxml import parse_xml

    from tests.readers.docx_maker import W

    maker = WordMaker()
    paragraph = maker.paragraph("Figures are on ")
    for run in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/data" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>the ministry's site</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        "<w:r><w:t>.</w:t></w:r>",
    ):
        paragraph._p.append(parse_xml(run.replace("<w:r>", f'<w:r xmlns:w="{W}">', 1)))
    document = _read(maker.save())
    assert document.text == "Figures are on the ministry's site."
    (link,) = document.links
    assert document.text[link.start : link.end] == "the ministry's site"
    assert link.url == "https://example.org/data"
