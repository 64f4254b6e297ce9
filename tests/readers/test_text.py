from __future__ import annotations

import codecs

import pytest

from sourcelint.errors import SourcelintError
from sourcelint.readers import detect_format, read_bytes


def test_crlf_and_bom_keep_editor_line_and_column() -> None:
    data = codecs.BOM_UTF8 + b"Title line\r\n\r\nSecond para has [4] here.\r\n"
    document = read_bytes(data, path="a.txt")
    offset = document.text.index("[4]")
    assert document.locate(offset) == (3, 17)
    assert document.title == "Title line"


def test_invalid_utf8_is_replaced_and_reported_at_its_line() -> None:
    document = read_bytes(b"First line\nCaf\xe9 owners\n", path="a.txt")
    assert "\ufffd" in document.text
    (problem,) = document.problems
    assert problem.code == "SL902"
    assert problem.source_offset is not None
    assert document.lines.locate(problem.source_offset) == (2, 4)


def test_utf16_with_bom_is_decoded() -> None:
    document = read_bytes("Exports rose.[1]".encode("utf-16"), path="a.txt")
    assert document.text == "Exports rose.[1]"


def test_binary_data_is_refused_with_sl904() -> None:
    with pytest.raises(SourcelintError) as raised:
        read_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", path="image.txt")
    assert raised.value.code == "SL904"


def test_dateline_gives_the_publication_date() -> None:
    document = read_bytes(
        b"Grain exports slip\nPublished: 14 February 2024\n\nBody.\n", path="a.txt"
    )
    assert document.date == "2024-02-14"


def test_format_detection_by_extension_then_content() -> None:
    assert detect_format("a.MD", b"") == "md"
    assert detect_format(None, b"<!DOCTYPE html><html></html>") == "html"
    assert detect_format("notes", b"plain words") == "txt"


def test_a_date_in_the_headline_is_not_the_publication_date() -> None:
    document = read_bytes(
        b"Remembering the landings of 6 June 1944\n\nVeterans gathered.\n", path="a.txt"
    )
    assert document.date is None


def test_utf16_with_a_broken_tail_is_read_and_reported() -> None:
    data = "Exports rose.[4]\nMore.".encode("utf-16") + b"\x00"
    document = read_bytes(data, path="a.txt")
    assert "Exports rose.[4]" in document.text
    assert [problem.code for problem in document.problems] == ["SL902"]
