"""The Word reader, on files the tests make with python-docx (notes written by hand)."""

from __future__ import annotations

import io
import zipfile

import pytest

from sourcelint.api import analyze
from sourcelint.document import BlockKind, Document
from sourcelint.errors import SourcelintError
from sourcelint.readers import detect_format, read_bytes
from sourcelint.readers.docx import MAX_PART_BYTES
from tests.conftest import scan_text
from tests.readers.docx_maker import WordMaker, raw_paragraph, raw_word


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


# the reader's defences and its walk of the document's structure, on raw XML parts


def _footnote(note_id: int, inner: str = "") -> str:
    return f'<w:r><w:footnoteReference w:id="{note_id}"/></w:r>{inner}'


def _lines(document: Document) -> list[str]:
    return document.source.split("\n")


@pytest.mark.parametrize("style", ["lowerRoman", "upperLetter", "chicago", "decimal"])
def test_a_huge_note_start_is_numbered_in_decimal_at_once(style: str) -> None:
    settings = (
        f'<w:endnotePr><w:numFmt w:val="{style}"/>'
        '<w:numStart w:val="999999999999999"/></w:endnotePr>'
    )
    body = (
        '<w:p><w:r><w:t>Claim.</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r>'
        '<w:r><w:t> Again.</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r></w:p>'
    )
    endnotes = "".join(
        f'<w:endnote w:id="{n}">{raw_paragraph(f"Source {n}.")}</w:endnote>' for n in (1, 2)
    )
    document = _read(raw_word(body, endnotes=endnotes, settings=settings))
    assert [hint.label for hint in document.marker_hints] == [
        "999999999999999",
        "1000000000000000",
    ]
    assert document.text.startswith("Claim.[999999999999999] Again.[1000000000000000]")


def test_a_styled_note_number_is_never_a_long_label() -> None:
    from sourcelint.readers.docx import MAX_LABEL, _number

    assert (_number(3, "lowerRoman"), _number(28, "lowerLetter"), _number(6, "chicago")) == (
        "iii",
        "bb",
        "††",
    )
    assert _number(9_999, "upperRoman") == "MMMMMMMMMCMXCIX"  # under the bound: still roman
    assert _number(10_001, "lowerRoman") == "10001"
    assert _number(5_000, "chicago") == "5000"  # 1,250 daggers: decimal instead
    assert _number(10**15, "lowerLetter") == str(10**15)
    for number in (*range(1, 2_000, 7), 9_999, 10_000, 10_001, 10**20):
        for style in ("lowerRoman", "upperRoman", "lowerLetter", "upperLetter", "chicago"):
            assert 0 < len(_number(number, style)) <= max(MAX_LABEL, len(str(number)))


def test_an_unreadable_note_start_is_ignored() -> None:
    settings = f'<w:footnotePr><w:numStart w:val="{"9" * 5000}"/></w:footnotePr>'
    body = f"<w:p><w:r><w:t>Claim.</w:t></w:r>{_footnote(1)}</w:p>"
    footnotes = f'<w:footnote w:id="1">{raw_paragraph("Source.")}</w:footnote>'
    document = _read(raw_word(body, footnotes=footnotes, settings=settings))
    assert [hint.label for hint in document.marker_hints] == ["1"]


def test_a_custom_mark_takes_no_number_from_the_other_kind_of_note() -> None:
    # footnote 1 has its own mark; endnotes 1 and 2 are numbered i and ii all the same
    body = (
        '<w:p><w:r><w:t>One.</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" '
        'w:id="1"/><w:t>*</w:t></w:r><w:r><w:t> Two.</w:t></w:r>'
        '<w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:t> Three.</w:t></w:r>'
        '<w:r><w:endnoteReference w:id="2"/></w:r></w:p>'
    )
    footnotes = f'<w:footnote w:id="1">{raw_paragraph("Note.")}</w:footnote>'
    endnotes = "".join(
        f'<w:endnote w:id="{n}">{raw_paragraph(f"Source {n}.")}</w:endnote>' for n in (1, 2)
    )
    document = _read(raw_word(body, footnotes=footnotes, endnotes=endnotes))
    assert [hint.label for hint in document.marker_hints] == ["*", "i", "ii"]


def test_many_note_references_are_numbered_in_order() -> None:
    # Tests are not timed: reading 40,000 references took 47.9 s when each one counted the
    # labels before it, 1.0 s since (the closing note of issue 16's review)
    count = 3_000
    body = f"<w:p><w:r><w:t>Claim.</w:t></w:r>{''.join(_footnote(n) for n in range(count))}</w:p>"
    document = _read(raw_word(body))
    labels = [hint.label for hint in document.marker_hints]
    assert labels == [str(number) for number in range(1, count + 1)]


@pytest.mark.parametrize("kind", ["footnote", "endnote"])
def test_a_note_reference_inside_a_note_is_read_once(kind: str) -> None:
    def reference(note_id: int) -> str:
        return f'<w:r><w:{kind}Reference w:id="{note_id}"/></w:r>'

    body = f"<w:p><w:r><w:t>Claim.</w:t></w:r>{reference(1)}</w:p>"
    notes = (
        # note 1 refers to note 2 and to itself; note 2 back to note 1
        f'<w:{kind} w:id="1"><w:p><w:r><w:t>Note one</w:t></w:r>{reference(2)}{reference(1)}'
        f'</w:p></w:{kind}><w:{kind} w:id="2"><w:p><w:r><w:t>Note two</w:t></w:r>{reference(1)}'
        f"</w:p></w:{kind}>"
    )
    document = _read(raw_word(body, **{f"{kind}s": notes}))
    one, two = ("1", "2") if kind == "footnote" else ("i", "ii")
    assert _lines(document) == [f"Claim.{one}", f"Note one{two}{one}", f"Note two{one}"]
    notes_read = [b for b in document.blocks if b.kind is BlockKind.NOTE]
    assert [b.label for b in notes_read] == [one, two]
    analysis = scan_text(raw_word(body, **{f"{kind}s": notes}), "docx", "draft")
    assert analysis.citations and all(citation.reference for citation in analysis.citations)


def test_a_nested_table_is_read_once() -> None:
    p = raw_paragraph
    inner = (
        f"<w:tbl><w:tr><w:tc>{p('Inner cell')}</w:tc><w:tc>{p('Inner two')}</w:tc></w:tr></w:tbl>"
    )
    body = (
        f"{p('Before.')}<w:tbl><w:tr><w:tc>{p('Outer cell')}{inner}</w:tc>"
        f"<w:tc>{p('Outer two')}</w:tc></w:tr><w:tr><w:tc>{p('Second row')}</w:tc></w:tr>"
        f"</w:tbl>{p('After 12 percent.')}"
    )
    document = _read(raw_word(body))
    assert _lines(document) == [
        "Before.",
        "Outer cell",
        "Inner cell",
        "Inner two",
        "Outer two",
        "Second row",
        "After 12 percent.",
    ]
    assert document.locate(document.text.index("12 percent")) == (7, 7)
    cells = [b for b in document.blocks if b.row is not None]  # a cell's paragraphs
    assert [document.text[b.start : b.end] for b in cells].count("Inner cell") == 1
    rows = {document.text[b.start : b.end]: (b.group, b.row) for b in cells}
    assert rows["Outer cell"] == rows["Outer two"] != rows["Second row"]
    assert rows["Outer cell"][0] == rows["Second row"][0]  # one table
    assert rows["Inner cell"] == rows["Inner two"]
    assert rows["Inner cell"][0] != rows["Outer cell"][0]  # a table of its own


def test_alternate_content_is_read_once_inline() -> None:
    def text_box(choice: str | None, fallback: str | None) -> str:
        branches = ""
        if choice is not None:
            branches += (
                '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
                f"{raw_paragraph(choice)}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
            )
        if fallback is not None:
            branches += (
                "<mc:Fallback><w:pict><v:textbox><w:txbxContent>"
                f"{raw_paragraph(fallback)}</w:txbxContent></v:textbox></w:pict></mc:Fallback>"
            )
        return (
            "<w:p><w:r><w:t>Before</w:t></w:r><w:r><mc:AlternateContent>"
            f"{branches}</mc:AlternateContent></w:r><w:r><w:t> after.</w:t></w:r></w:p>"
        )

    both = _read(raw_word(text_box("Box text", "Box text")))
    assert both.text == "Before Box text after."
    assert _read(raw_word(text_box("Chosen", "Fallen back"))).text == "Before Chosen after."
    assert _read(raw_word(text_box(None, "Fallen back"))).text == "Before Fallen back after."


def test_alternate_content_in_the_body_is_read_as_blocks() -> None:
    p = raw_paragraph
    body = (
        f'{p("Before.")}<mc:AlternateContent><mc:Choice Requires="w14">{p("Chosen one.")}'
        f"<w:tbl><w:tr><w:tc>{p('Chosen cell')}</w:tc></w:tr></w:tbl>{p('Chosen two.')}"
        f"</mc:Choice><mc:Fallback>{p('Fallen back.')}</mc:Fallback></mc:AlternateContent>"
        f"{p('After.')}"
    )
    document = _read(raw_word(body))
    assert _lines(document) == ["Before.", "Chosen one.", "Chosen cell", "Chosen two.", "After."]
    assert [document.text[b.start : b.end] for b in document.blocks if b.row is not None] == [
        "Chosen cell"
    ]
    fallback_only = (
        f"<mc:AlternateContent><mc:Fallback>{p('Fallen back.')}</mc:Fallback></mc:AlternateContent>"
    )
    assert _read(raw_word(fallback_only)).text == "Fallen back."


def test_content_controls_around_blocks_rows_and_cells_are_read() -> None:
    p = raw_paragraph

    def control(content: str) -> str:
        return f'<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'

    cell = control(f"<w:tc>{p('Cell control')}</w:tc>")
    row = control(f"<w:tr><w:tc>{p('Row control')}</w:tc></w:tr>")
    body = (
        f"{p('Intro.')}{control(p('Block control.'))}<w:tbl>"
        f"<w:tr><w:tc>{p('Plain cell')}</w:tc>{cell}</w:tr>{row}</w:tbl>{p('After.')}"
    )
    document = _read(raw_word(body))
    assert _lines(document) == [
        "Intro.",
        "Block control.",
        "Plain cell",
        "Cell control",
        "Row control",
        "After.",
    ]
    cells = [b for b in document.blocks if b.row is not None]  # a cell's paragraphs
    assert [document.text[b.start : b.end] for b in cells] == [
        "Plain cell",
        "Cell control",
        "Row control",
    ]
    assert cells[0].row == cells[1].row != cells[2].row


def test_a_text_box_and_a_table_in_a_footnote_are_read_once() -> None:
    p = raw_paragraph
    box = f"<w:r><w:drawing><wps:txbx><w:txbxContent>{p('Boxed')}</w:txbxContent></wps:txbx></w:drawing></w:r>"
    footnotes = (
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Note text</w:t></w:r>'
        f"{box}</w:p><w:tbl><w:tr><w:tc>{p('Noted cell')}</w:tc></w:tr></w:tbl></w:footnote>"
    )
    body = f"<w:p><w:r><w:t>Claim.</w:t></w:r>{_footnote(1)}</w:p>"
    document = _read(raw_word(body, footnotes=footnotes))
    assert _lines(document) == ["Claim.1", "Note text Boxed", "Noted cell"]
    assert document.text.count("Boxed") == 1


def test_a_tables_text_is_cells_not_prose() -> None:
    p = raw_paragraph
    body = (
        f"{p('Exports rose, the ministry said.')}<w:tbl><w:tr><w:tc>{p('Wheat')}</w:tc>"
        f"<w:tc>{p('Exports rose by 4,100 tonnes in 2024 across the region.')}</w:tc></w:tr>"
        f"</w:tbl>"
    )
    document = _read(raw_word(body))
    kinds = {document.text[b.start : b.end]: b.kind for b in document.blocks}
    assert kinds["Wheat"] is BlockKind.CELL
    assert kinds["Exports rose by 4,100 tonnes in 2024 across the region."] is BlockKind.CELL
    assert kinds["Exports rose, the ministry said."] is BlockKind.PARAGRAPH
    analysis = analyze(document)
    assert [claim.text for claim in analysis.claims] == ["Exports rose, the ministry said."]
