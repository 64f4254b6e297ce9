"""The PDF reader, on PDFs the tests draw: reading order, headers, hyphens, notes, tables,
positions as page and line."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from sourcelint.document import BlockKind, Document
from sourcelint.errors import SourcelintError
from sourcelint.readers import detect_format, read_bytes
from tests.readers.pdf_maker import WIDTH, Line, column, draw, furniture, image_only

BODY = [
    "Grain exports rose by twelve percent in the year",
    "to March, the ministry said in its annual state-",
    "ment on Tuesday. Farmers welcomed the figures",
    "and said the harvest would reach 4.1 million tonnes.",
]


def _read(data: bytes) -> Document:
    return read_bytes(data, path="report.pdf")


def _where(document: Document, needle: str) -> tuple[int | None, int, int]:
    offset = document.text.index(needle)
    return (document.page(offset), *document.locate(offset))


def test_pdf_is_detected_by_extension_and_by_its_first_bytes() -> None:
    data = draw([[Line("A line of text.", 72, 700)]])
    assert detect_format("report.pdf", data) == "pdf"
    assert detect_format(None, data) == "pdf"
    assert detect_format("download", data) == "pdf"


def test_headers_and_page_numbers_are_left_out_and_positions_are_page_and_line() -> None:
    pages = [
        [*furniture(1), *column(BODY, 72, 700)],
        [*furniture(2), *column(["The second page says exports fell by 3 percent."], 72, 700)],
        [*furniture(3), *column(["The third page is short."], 72, 700)],
    ]
    document = _read(draw(pages))
    assert "Grain Board Annual Review" not in document.text
    assert not any(block.start == 0 and document.text[:1].isdigit() for block in document.blocks)
    assert "\n2\n" not in document.text and not document.text.rstrip().endswith("3")
    # the header is line 1 of each page: the body starts on line 2
    assert _where(document, "Grain exports") == (1, 2, 1)
    assert _where(document, "exports fell") == (2, 2, 22)
    assert _where(document, "third page") == (3, 2, 5)


def test_words_hyphenated_across_lines_are_rejoined() -> None:
    document = _read(draw([column(BODY, 72, 700)]))
    assert "annual statement on Tuesday" in document.text
    assert "state-" not in document.text
    # the rejoined word still points at its first half
    assert _where(document, "statement") == (1, 2, 43)


def test_two_columns_are_read_one_after_the_other() -> None:
    left = [
        "The left column opens the story and runs",
        "down the page, line after line, until",
        "it ends here.",
    ]
    right = [
        "The right column is read second and",
        "goes on for a while, then at last",
        "closes the story.",
    ]
    page = [
        Line("How the harvest went", 72, 720, 16, "Helvetica-Bold"),
        *column(left, 72, 690),
        *column(right, 320, 690),
    ]
    document = _read(draw([page, page]))
    text = document.text
    assert text.index("How the harvest") < text.index("The left column") < text.index("ends here")
    assert text.index("ends here") < text.index("The right column") < text.index("closes the story")
    assert "runs down the page, line after line, until it ends" in text  # one paragraph
    heading = next(block for block in document.blocks if block.kind is BlockKind.HEADING)
    assert text[heading.start : heading.end] == "How the harvest went"
    # the right column's first line comes after the left column's lines on the page
    assert _where(document, "The right column") == (1, 5, 1)


def test_footnotes_at_the_foot_of_the_page_are_linked_from_raised_markers() -> None:
    page1 = [
        *furniture(1),
        Line(
            "Exports rose by 12 percent, the ministry said. Prices held.",
            72,
            700,
            notes=[(46, "1")],
        ),
        Line("Farmers were pleased, a union official told reporters.", 72, 688, notes=[(55, "2")]),
        *column(BODY, 72, 664),
        Line("1 Ministry of Agriculture, Annual Figures (2024), p. 4.", 72, 90, 8),
        Line("2 Interview with the National Farmers Union, 3 May 2024.", 72, 80, 8),
    ]
    page2 = [
        *furniture(2),
        Line("Wheat made up most of it, the board said.", 72, 700, notes=[(41, "a")]),
        *column(BODY, 72, 676),
        Line("a Grain Board, Harvest Report (2024).", 72, 90, 8),
    ]
    document = _read(draw([page1, page2]))
    labels = {hint.label: hint.target for hint in document.marker_hints}
    assert labels == {"1": "pdf-note-1-1", "2": "pdf-note-1-2", "a": "pdf-note-2-a"}
    notes = {
        block.anchor: document.text[block.start : block.end]
        for block in document.blocks
        if block.kind is BlockKind.NOTE
    }
    assert notes["pdf-note-1-1"] == "Ministry of Agriculture, Annual Figures (2024), p. 4."
    assert notes["pdf-note-2-a"] == "Grain Board, Harvest Report (2024)."
    assert "said.[1] Prices held." in document.text
    # a footnote keeps its own page and line
    assert _where(document, "Interview with") == (1, 9, 3)


def test_endnotes_after_a_notes_heading_resolve_the_markers() -> None:
    from tests.conftest import scan_text

    pages = [
        [
            *furniture(1),
            Line("Exports rose by 12 percent, the ministry said.", 72, 700, notes=[(46, "1")]),
            Line("The board expects a record harvest next year.", 72, 688, notes=[(46, "2")]),
        ],
        [
            *furniture(2),
            Line("Notes", 72, 700, 14, "Helvetica-Bold"),
            Line("1. Ministry of Agriculture, Annual Figures (2024).", 72, 680),
            Line("2. Grain Board, Outlook for the Coming Year (2024),", 72, 668),
            Line("pp. 3-5.", 72, 656),
        ],
    ]
    analysis = scan_text(draw(pages), "pdf", "report")
    assert [citation.reference for citation in analysis.citations] == ["r1", "r2"]
    texts = [reference.text for reference in analysis.references]
    assert texts[1].endswith("(2024), pp. 3-5.")
    assert not [finding for finding in analysis.findings if finding.code.startswith("SL10")]


def test_a_table_is_read_as_cells_not_prose() -> None:
    rows = [("Crop", "2023", "2024"), ("Wheat", "3.2", "4.1"), ("Barley", "1.0", "1.4")]
    page = [*column(["Output rose again this year, the board said."], 72, 700)]
    for index, row in enumerate(rows):
        page += [Line(cell, 72 + 150 * place, 660 - 12 * index) for place, cell in enumerate(row)]
    document = _read(draw([page]))
    cells = [document.text[b.start : b.end] for b in document.blocks if b.kind is BlockKind.CELL]
    assert cells == ["Crop", "2023", "2024", "Wheat", "3.2", "4.1", "Barley", "1.0", "1.4"]
    paragraphs = [b for b in document.blocks if b.kind is BlockKind.PARAGRAPH]
    assert [document.text[b.start : b.end] for b in paragraphs] == [
        "Output rose again this year, the board said."
    ]


def test_a_pdf_without_a_text_layer_is_sl911() -> None:
    with pytest.raises(SourcelintError) as raised:
        _read(image_only())
    assert raised.value.code == "SL911"
    assert "no text to read" in raised.value.message


def test_an_encrypted_pdf_is_sl912() -> None:
    data = draw([[Line("A secret line.", 72, 700)]], encrypt="password")
    with pytest.raises(SourcelintError) as raised:
        _read(data)
    assert raised.value.code == "SL912"


def test_a_damaged_pdf_is_sl904() -> None:
    with pytest.raises(SourcelintError) as raised:
        _read(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    assert raised.value.code in ("SL904", "SL911")


def test_metadata_title_and_unit_powers() -> None:
    page = [Line("The farm covers 40 km2 of land.", 72, 700)]
    document = _read(draw([page], title="The Grain Review"))
    assert document.title == "The Grain Review"
    assert document.title_source == "pdf-info:Title"
    assert WIDTH > 0


def test_footnote_numbers_that_restart_on_each_page_are_no_duplicates() -> None:
    from tests.conftest import scan_text

    pages = [
        [
            *furniture(number),
            Line(
                f"Exports rose by {number}2 percent, the ministry said.", 72, 700, notes=[(47, "1")]
            ),
            *column(BODY, 72, 676),
            Line(f"1 Ministry of Agriculture, Annual Figures (202{number}).", 72, 90, 8),
        ]
        for number in (1, 2)
    ]
    analysis = scan_text(draw(pages), "pdf", "report")
    assert [(c.marker, c.reference) for c in analysis.citations] == [("1", "r1"), ("1", "r2")]
    assert [r.text[-7:] for r in analysis.references] == ["(2021).", "(2022)."]
    assert "SL105" not in [finding.code for finding in analysis.findings]
    figures = [q for q in analysis.quantities if q.text.endswith("percent")]
    assert [(q.text, q.page, q.line, q.col) for q in figures] == [
        ("12 percent", 1, 2, 17),
        ("twelve percent", 1, 3, 23),
        ("22 percent", 2, 2, 17),
        ("twelve percent", 2, 3, 23),
    ]


def test_a_page_loop_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import sourcelint.readers.pdf as pdf_module
    import sourcelint.readers.pdf_content as content_module

    pages = [[Line(f"Page {number} says exports rose.", 72, 700)] for number in (1, 2, 3)]
    monkeypatch.setattr(pdf_module, "MAX_PAGES", 2)
    document = _read(draw(pages))
    assert "Page 2 says" in document.text and "Page 3" not in document.text
    (problem,) = document.problems
    assert problem.code == "SL913" and "first 2 of 3 pages" in problem.message
    monkeypatch.setattr(content_module, "MAX_OPERATIONS", 3)  # BT, Tf, then stop
    with pytest.raises(SourcelintError) as raised:
        _read(draw(pages))
    assert raised.value.code == "SL911"


def test_justified_lines_with_wide_word_gaps_are_prose_not_a_table() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    for index, (words, spacing) in enumerate(
        [
            ("Exports rose by twelve percent, officials said", 9),
            ("on Tuesday in the capital", 30),
            ("and farmers welcomed it.", 4),
        ]
    ):
        text = pdf.beginText(72, 700 - 12 * index)
        text.setFont("Times-Roman", 10)
        text.setWordSpace(spacing)
        text.textOut(words)
        pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    document = _read(buffer.getvalue())
    assert [block.kind for block in document.blocks] == [BlockKind.PARAGRAPH]
    assert " ".join(document.text.split()) == (
        "Exports rose by twelve percent, officials said on Tuesday in the capital and "
        "farmers welcomed it."
    )


def test_a_hyphen_at_a_line_end_before_a_capital_or_a_printed_compound_is_kept() -> None:
    lines = [
        "The starry-eyed director, Rose-",
        "Lynn Fowler, said the film was a starry-",
        "eyed look at a small town shot on a 16-",
        "millimetre camera.",
    ]
    document = _read(draw([column(lines, 72, 700)]))
    assert "Rose-Lynn Fowler" in document.text
    assert "a starry-eyed look" in document.text
    assert "a 16-millimetre camera" in document.text


def test_damaged_pdfs_never_raise_anything_but_a_coded_error() -> None:
    import random

    pages = [
        [
            *furniture(number),
            Line("Exports rose by 12 percent, the ministry said.", 72, 700, notes=[(46, "1")]),
            *column(BODY, 72, 676),
            Line("1 Ministry of Agriculture, Annual Figures (2024).", 72, 90, 8),
        ]
        for number in (1, 2)
    ]
    original = draw(pages)
    chooser = random.Random(16)
    hostile = [
        b"(((",
        b"[[[[",
        b"<<",
        b"BI /W 1 ID",
        b"\\",
        b"1e999",
        b"/Nope Tf",
        b"-0 0 Tf",
        b"Q Q Q",
    ]
    for _ in range(120):
        data = bytearray(original)
        for _ in range(chooser.randint(1, 6)):
            at = chooser.randrange(len(data))
            if chooser.random() < 0.5:
                data[at] = chooser.randrange(256)
            else:
                data[at:at] = chooser.choice(hostile)
        try:
            document = read_bytes(bytes(data), path="damaged.pdf")
        except SourcelintError as error:
            assert error.code in ("SL904", "SL911", "SL912")
            continue
        assert all(0 <= block.start <= block.end <= len(document.text) for block in document.blocks)
        for offset in range(0, len(document.text), 97):
            page, line, col = (document.page(offset), *document.locate(offset))
            assert page is not None and page >= 1 and line >= 1 and col >= 1


def test_short_lines_the_author_broke_are_paragraphs_of_their_own() -> None:
    lines = [
        "Portion Fix Containers: 1 Green, 1 Red.",
        "Drink within 30 minutes",
        "Beachbody Recover, 1 cup blueberries",
        "Each of these lines was a paragraph of its own in the draft, written",
        "one under the other, and this one runs on to the next line of text.",
    ]
    document = _read(draw([column(lines, 72, 700)]))
    paragraphs = [document.text[b.start : b.end] for b in document.blocks]
    assert paragraphs == [
        lines[0],
        lines[1],
        lines[2],
        f"{lines[3]} {lines[4]}",
    ]


def test_line_numbers_down_a_margin_are_not_text() -> None:
    filing = [
        "Plaintiffs allege that the agency approved the export permits without the review",
        "the statute requires. The agency's own report states that exports rose by 12",
        "percent in the year to March, and the ministry said the figures were final.",
        "Defendants deny each allegation and ask the court to dismiss the complaint for",
        "want of standing, as set out in the memorandum filed with this answer.",
        "The parties have agreed to the schedule attached to this filing as Exhibit A.",
    ]
    pages = []
    for number in (1, 2):
        page = [*column(filing, 100, 700, leading=24)]
        page += [Line(str(line), 60, 700 - 24 * (line - 1), 10) for line in range(1, 29)]
        page.append(Line(f"Case 1:24-cv-00016 Document 5 Page {number} of 2", 150, 30, 8))
        pages.append(page)
    document = _read(draw(pages))
    assert document.text.startswith("Plaintiffs allege that the agency")
    assert "review the statute requires" in document.text
    assert not [block for block in document.blocks if block.kind is BlockKind.CELL]
    assert "Case 1:24" not in document.text
    assert _where(document, "exports rose") == (1, 2, 59)


def test_link_annotations_are_links_over_their_words() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    before = "Exports rose by 12 percent, according to "
    words = "the ministry's figures"
    pdf.setFont("Times-Roman", 10)
    pdf.drawString(72, 700, before + words + ".")
    start = 72 + stringWidth(before, "Times-Roman", 10)
    end = start + stringWidth(words, "Times-Roman", 10)
    pdf.linkURL("https://example.org/figures", (start, 697, end, 709), relative=0)
    pdf.drawString(72, 688, "A second line without a link.")
    pdf.showPage()
    pdf.save()
    document = _read(buffer.getvalue())
    (link,) = document.links
    assert document.text[link.start : link.end] == words
    assert link.url == "https://example.org/figures"


def test_pages_without_text_in_a_pdf_with_text_are_reported_not_silently_dropped() -> None:
    from pypdf import PdfReader, PdfWriter

    text = draw([[Line("Exports rose by 12 percent, the ministry said.", 72, 700)]])
    writer = PdfWriter()
    for data in (text, image_only(), text):
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    from tests.conftest import scan_text

    analysis = scan_text(buffer.getvalue(), "pdf", "mixed")
    (finding,) = [f for f in analysis.findings if f.code == "SL913"]
    assert finding.page == 2
    assert "page 2 (blank, or a scanned image" in finding.message


def test_notes_set_at_the_text_size_and_endnotes_without_a_heading() -> None:
    # as LibreOffice prints a Word file: footnotes at the text's size below a wider gap,
    # their numbers at the text's edge; endnotes on a last page of their own, numbered i, ii
    from tests.conftest import scan_text

    pages = [
        [
            *furniture(1),
            Line("Exports rose by 12 percent, the ministry said.", 72, 700, notes=[(46, "1")]),
            *column(BODY, 72, 688),
            Line(
                "Farmers were pleased, a union official told reporters.", 72, 628, notes=[(55, "2")]
            ),
            Line("1 Ministry of Agriculture, Annual Figures (2024), p. 4.", 72, 110),
            Line("2 Interview with the National Farmers Union, 3 May 2024.", 72, 98),
        ],
        [
            *furniture(2),
            Line(
                "The harvest will reach 4.1 million tonnes, the board said.",
                72,
                700,
                notes=[(59, "i")],
            ),
            *column(BODY, 72, 688),
            Line("Prices held steady over the summer, traders said.", 72, 628, notes=[(50, "3")]),
            Line("3 Interview with a grain trader, 12 June 2024.", 72, 110),
        ],
        [
            Line("i Grain Board, Harvest Outlook (2024), p. 2.", 72, 700),
        ],
    ]
    analysis = scan_text(draw(pages), "pdf", "report")
    markers = [(citation.marker, citation.reference is not None) for citation in analysis.citations]
    assert markers == [("1", True), ("2", True), ("i", True), ("3", True)]
    texts = {reference.label: reference.text for reference in analysis.references}
    assert texts["i"] == "Grain Board, Harvest Outlook (2024), p. 2."
    assert texts["3"] == "Interview with a grain trader, 12 June 2024."
    assert "SL101" not in [finding.code for finding in analysis.findings]


def test_a_short_last_page_keeps_the_documents_columns() -> None:
    left = [
        "The left column opens the story and runs",
        "down the page, line after line, until",
        "it ends here.",
    ]
    right = [
        "The right column is read second and",
        "goes on for a while, then at last",
        "closes the story.",
    ]
    full = [*column(left, 72, 690), *column(right, 320, 690)]
    last = [
        Line("Its last left line ends a sentence.", 72, 690),
        Line("A short note sits on its right.", 320, 690),
    ]
    document = _read(draw([full, full, last]))
    assert "Its last left line ends a sentence.\n\nA short note sits on its right." in document.text


def _shared_stream_pdf(pages: int, content: bytes) -> bytes:
    """A PDF whose pages all draw one content stream (a page loop's cost multiplied)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    stream = DecodedStreamObject()
    stream.set_data(content)
    shared = writer._add_object(stream)
    for _ in range(pages):
        page = writer.add_blank_page(width=612, height=792)
        page[NameObject("/Contents")] = shared
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pages_sharing_one_stream_spend_one_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    from sourcelint.readers import pdf_content

    monkeypatch.setattr(pdf_content, "MAX_DOCUMENT_TOKENS", 30_000)
    drawn = draw([[Line("Exports rose by twelve percent, the ministry said.", 72, 700)]])
    filler = b"q Q " * 6_000  # 12,000 tokens a page
    data = _shared_stream_pdf(5, filler)
    with pytest.raises(SourcelintError) as raised:  # no text at all: SL911, and quickly
        _read(data)
    assert raised.value.code == "SL911"
    document = _read(drawn)
    assert "Exports rose" in document.text
    # the budget is the document's: a page past it is not read, and the reader says so
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for _ in range(4):
        writer.add_page(PdfReader(io.BytesIO(_shared_stream_pdf(1, filler))).pages[0])
    writer.add_page(PdfReader(io.BytesIO(drawn)).pages[0])
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(SourcelintError):
        _read(buffer.getvalue())  # the text is on the fifth page, past the budget


def test_operands_without_an_operator_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from sourcelint.readers import pdf_content

    monkeypatch.setattr(pdf_content, "MAX_OPERANDS", 50)
    steps = list(pdf_content.operations(b"1 " * 1_000 + b"[" + b"2 " * 1_000 + b"] TJ"))
    assert [len(operands) for operands, _ in steps] == [51]  # 50 numbers and the array
    assert len(steps[0][0][-1]) == 50
    budget = pdf_content.Budget(100)
    assert list(pdf_content.operations(b"1 " * 1_000 + b"q", budget)) == []
    assert budget.spent


def test_text_drawn_at_an_angle_stays_out_of_the_prose() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    for index in range(20):
        pdf.setFont("Times-Roman", 10)
        pdf.drawString(72, 700 - index * 12, f"Body line {index} says the harvest rose again.")
    pdf.saveState()
    pdf.translate(30, 400)
    pdf.rotate(90)
    pdf.setFont("Times-Roman", 14)
    pdf.drawString(0, 0, "arXiv:2101.00001v1 [cs.CL] 1 Jan 2021")
    pdf.restoreState()
    pdf.showPage()
    pdf.save()
    document = _read(buffer.getvalue())
    assert "arXiv" not in document.text
    assert "Body line 9 says the harvest rose again. Body line 10" in document.text
