"""RecordTable and Spans: records stored as columns read back exactly as they were built."""

from __future__ import annotations

import bisect

import pytest

from sourcelint import record_table
from sourcelint.model import Citation, CitationStyle, Quantity
from sourcelint.record_table import RecordTable, Spans

TEXT = "Exports rose to 18,000 tonnes [4] and prices by 5% (Smith, 2019)."


@pytest.fixture(autouse=True, params=["objects kept", "objects built on each read"])
def cached_rows(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs on a table small enough to keep its objects and on one that is not."""
    if request.param == "objects built on each read":
        monkeypatch.setattr(record_table, "CACHED_ROWS", 0)  # ClaimTable's too


def _quantities() -> list[Quantity]:
    return [
        Quantity("n1", "18,000 tonnes", 16, 29, 18000.0, "tonne", counted="exports"),
        Quantity("n2", "5%", 48, 50, 5.0, "percent", qualifier="about", past_event=True),
    ]


def _citations() -> list[Citation]:
    return [
        Citation("c1", "4", 30, 33, "r1"),
        Citation("c2", "Smith 2019", 52, 63, None, CitationStyle.AUTHOR_YEAR),
    ]


def test_a_table_reads_back_the_records_it_was_built_from() -> None:
    for kind, prefix, records in (
        (Quantity, "n", _quantities()),
        (Citation, "c", _citations()),
    ):
        table = RecordTable.build(kind, TEXT, prefix, records)  # type: ignore[type-var]
        assert len(table) == 2
        assert list(table) == records
        assert table == tuple(records)
        assert table[-1] == records[-1]
        assert table[:1] == (records[0],)
        assert table.spans() == [(r.start, r.end) for r in records]


def test_ids_and_texts_that_do_not_follow_the_pattern_are_kept() -> None:
    odd = Quantity("x9", "a figure from elsewhere", 0, 7, 3.0, None)
    table = RecordTable.build(Quantity, TEXT, "n", [*_quantities(), odd])
    assert table[2].id == "x9"
    assert table[2].text == "a figure from elsewhere"
    assert table[0].id == "n1"
    assert table[0].text == "18,000 tonnes"


def test_with_columns_replaces_one_field_and_shares_the_rest() -> None:
    table = RecordTable.build(Quantity, TEXT, "n", _quantities())
    located = table.with_columns(line=[1, 1], col=[17, 49])
    assert [(q.line, q.col) for q in located] == [(1, 17), (1, 49)]
    assert [q.counted for q in located] == ["exports", None]
    assert [q.line for q in table] == [0, 0]  # the original is unchanged
    with pytest.raises(ValueError, match="no column"):
        table.with_columns(line=[1])
    with pytest.raises(ValueError, match="no column"):
        table.with_columns(start=[0, 0])


def test_out_of_range_index_raises_index_error() -> None:
    table = RecordTable.build(Citation, TEXT, "c", _citations())
    with pytest.raises(IndexError):
        table[2]


def test_spans_can_be_searched_and_sliced_like_a_list_of_pairs() -> None:
    spans = RecordTable.build(Citation, TEXT, "c", _citations()).spans()
    assert isinstance(spans, Spans)
    pairs = [(30, 33), (52, 63)]
    assert spans[0] == (30, 33)
    assert spans[0:2] == pairs
    assert bisect.bisect_right(spans, (40, 10**12)) == bisect.bisect_right(pairs, (40, 10**12))
    assert bisect.bisect_left(spans.starts, 52) == 1


def test_a_document_with_many_blocks_keeps_them_as_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    from sourcelint import document as document_module
    from sourcelint.readers import read_text_as

    text = "First paragraph.\n\nSecond one.\n\nThird one here.\n"
    small = read_text_as(text, path="a.txt", format="txt")
    monkeypatch.setattr(document_module, "CACHED_ROWS", 2)
    large = read_text_as(text, path="a.txt", format="txt")
    assert isinstance(large.blocks, RecordTable)
    assert not isinstance(small.blocks, RecordTable)
    assert large.blocks == small.blocks
    assert [large.text[b.start : b.end] for b in large.blocks] == [
        "First paragraph.",
        "Second one.",
        "Third one here.",
    ]
