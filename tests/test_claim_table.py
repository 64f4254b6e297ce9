"""ClaimTable: claims stored as columns read back exactly as they were built."""

from __future__ import annotations

import pytest

from sourcelint import record_table
from sourcelint.claim_table import ClaimTable
from sourcelint.model import Claim, SourceRef

TEXT = "The ministry said exports rose.[4] Critics disagreed. See the report."


@pytest.fixture(autouse=True, params=["objects kept", "objects built on each read"])
def cached_rows(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs on a table small enough to keep its objects and on one that is not."""
    if request.param == "objects built on each read":
        monkeypatch.setattr(record_table, "CACHED_ROWS", 0)  # ClaimTable's too


def _claims() -> list[Claim]:
    return [
        Claim(
            id="s1",
            text=TEXT[0:34],
            start=0,
            end=34,
            checkworthy=0.8123,
            citations=("c1",),
            quotes=(),
            quantities=("n1", "n2"),
            sourced_by=(
                SourceRef("attribution", "said", 13, 17),
                SourceRef("citation", "[4]", 31, 34),
            ),
        ),
        Claim(
            id="s2",
            text=TEXT[35:53],
            start=35,
            end=53,
            checkworthy=None,
            citations=(),
            quotes=("q1",),
            quantities=(),
            # a quotation's source names its speaker: not the document's words at its offsets
            sourced_by=(SourceRef("quote", "Ana Ruiz", 35, 53),),
        ),
        Claim(
            id="s3",
            text=TEXT[54:69],
            start=54,
            end=69,
            checkworthy=0.0,
            citations=(),
            quotes=(),
            quantities=(),
            sourced_by=(SourceRef("a-new-kind", "report", 62, 68),),
        ),
    ]


def test_table_reads_back_the_claims_it_was_built_from() -> None:
    claims = _claims()
    table = ClaimTable.build(TEXT, claims)
    assert len(table) == 3
    assert list(table) == claims
    assert table == claims
    assert table == tuple(claims)
    assert table[1] == claims[1]
    assert table[-1] == claims[2]
    assert table[0:2] == tuple(claims[:2])
    assert table.spans() == [(0, 34), (35, 53), (54, 69)]


def test_ids_and_texts_that_do_not_follow_the_document_are_kept() -> None:
    odd = Claim("x7", "not the document's words", 0, 3, None, (), (), (), ())
    table = ClaimTable.build(TEXT, [_claims()[0], odd])
    assert table[1].id == "x7"
    assert table[1].text == "not the document's words"
    assert table[0].id == "s1"


def test_a_missing_score_stays_missing_and_zero_stays_zero() -> None:
    table = ClaimTable.build(TEXT, _claims())
    assert table[1].checkworthy is None
    assert table[2].checkworthy == 0.0


def test_out_of_range_index_raises_index_error() -> None:
    table = ClaimTable.build(TEXT, _claims())
    with pytest.raises(IndexError):
        table[3]
    with pytest.raises(IndexError):
        table[-4]


def test_an_empty_table_is_an_empty_sequence() -> None:
    table = ClaimTable.build(TEXT, [])
    assert len(table) == 0
    assert list(table) == []
    assert table == ()
    assert not table


def test_with_quantities_replaces_one_column_and_shares_the_rest() -> None:
    table = ClaimTable.build(TEXT, _claims())
    list(table)  # a kept object must not outlive the column it was built from
    linked = table.with_quantities([("n7",), (), ("n8", "n9")])
    assert [claim.quantities for claim in linked] == [("n7",), (), ("n8", "n9")]
    assert [claim.sourced_by for claim in linked] == [claim.sourced_by for claim in _claims()]
    assert table[0].quantities == ("n1", "n2")  # the original is unchanged
    with pytest.raises(ValueError, match="quantity lists"):
        table.with_quantities([()])


def test_a_small_table_builds_its_claims_once() -> None:
    table = ClaimTable.build(TEXT, _claims())
    if record_table.CACHED_ROWS:
        assert table[0] is table[0]
    else:
        assert table[0] == table[0]
        assert table[0] is not table[0]
