from __future__ import annotations

import pytest

from sourcelint.extract.attributions import claim_attributions

from ..conftest import scan_text


def test_every_sentence_is_a_claim_and_markers_stay_with_their_sentence() -> None:
    analysis = scan_text(
        "Exports rose sharply.[12] However, imports fell.^4 Officials noted this.[^n] Done.\n\n"
        "Notes\n[12] Port authority, Tonnage report, 2024.\n[^n]: Ministry, Bulletin, 2024.\n"
    )
    texts = [claim.text for claim in analysis.claims]
    assert texts == [
        "Exports rose sharply.[12]",
        "However, imports fell.^4",
        "Officials noted this.[^n]",
        "Done.",
    ]
    by_id = {citation.id: citation.marker for citation in analysis.citations}
    assert [[by_id[c] for c in claim.citations] for claim in analysis.claims] == [
        ["12"],
        ["4"],
        ["n"],
        [],
    ]


def test_reference_entries_and_their_heading_are_not_claims() -> None:
    analysis = scan_text("It rose.[1]\n\nReferences\n[1] Ministry, Bulletin, 2024.\n")
    assert [claim.text for claim in analysis.claims] == ["It rose.[1]"]


def test_links_are_listed_as_sources_of_their_sentence() -> None:
    analysis = scan_text("See [the bulletin](https://example.org/b) for figures. Next one.\n", "md")
    first, second = analysis.claims
    assert [(s.kind, s.text) for s in first.sourced_by] == [("link", "the bulletin")]
    assert second.sourced_by == ()


def test_sentences_never_cross_paragraphs() -> None:
    analysis = scan_text("A heading without a stop\n\nThe body starts here. It ends here.\n")
    assert [claim.text for claim in analysis.claims] == [
        "A heading without a stop",
        "The body starts here.",
        "It ends here.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO member states agreed to spend 2% of GDP on defence.",
        "The United States sent 3,000 troops to the region.",
        "The minister did not say how many troops would go.",
        "The company was found to have dumped 300 tonnes of waste.",
        "It was reported that 40 people died in the fire.",
    ],
)
def test_names_plural_nouns_negations_and_agentless_passives_name_no_source(
    sentence: str,
) -> None:
    assert claim_attributions(sentence, 0, len(sentence)) == []


def test_a_passive_with_by_and_a_name_names_its_source() -> None:
    sentence = "The levels were reported by the Environment Agency on Monday."
    (source,) = claim_attributions(sentence, 0, len(sentence))
    assert source.text == "reported"


@pytest.mark.parametrize(
    ("sentence", "vague"),
    [
        ("The singer reportedly left the band in March after a dispute over pay.", True),
        ("Prosecutors say he allegedly took bribes worth $40,000 from the firm.", False),
        ("She posted about the tour on social media every day in May.", False),
        ("State media reported that 40 people died in the floods.", True),
    ],
)
def test_vague_attribution_words_judged_on_real_pages(sentence: str, vague: bool) -> None:
    from sourcelint.extract.attributions import find_vague_attributions

    assert bool(find_vague_attributions(sentence, 0, len(sentence))) is vague


@pytest.mark.parametrize(
    ("sentence", "named", "vague"),
    [
        ("The launch cost $40 million, Roscosmos said in a statement.", True, False),
        ("Crews restored power, Con Edison officials said on Monday.", True, False),
        ("Later, Harlow Port officials said 200 ships were waiting.", True, False),
        ("Israeli officials said 40 troops had left the area.", False, True),
        ("US officials said 40 troops had left the area.", False, True),
        ("Officials said 40 troops had left the area.", False, True),
        ("Yesterday officials said 40 troops had left the area.", False, True),
    ],
)
def test_an_organisation_named_before_its_officials_or_alone_is_a_source(
    sentence: str, named: bool, vague: bool
) -> None:
    from sourcelint.extract.attributions import find_vague_attributions

    assert bool(claim_attributions(sentence, 0, len(sentence))) is named
    assert bool(find_vague_attributions(sentence, 0, len(sentence))) is vague


def test_an_attribution_the_splitter_cut_off_sources_its_quotation() -> None:
    analysis = scan_text(
        "“Why would we sell the profit now?” Forte said. The fund lost $4 million in May.\n"
    )
    quoted, attribution, bare = analysis.claims
    assert [source.text for source in quoted.sourced_by] == ["said"]
    assert [source.text for source in attribution.sourced_by] == ["said"]
    assert bare.sourced_by == ()


def test_a_speakers_label_is_never_an_unsourced_claim() -> None:
    from sourcelint.config import Settings

    text = (
        "((Aparna Garg))\n\n"
        "The clinic treated 4,000 patients in 2019 and doubled its staff to 40 doctors.\n"
    )
    analysis = scan_text(text)
    labelled = analysis.claims[0]
    assert labelled.text == "((Aparna Garg))"
    from sourcelint.api import check, extract
    from sourcelint.readers import read_text_as

    document = read_text_as(text, path="<text>", format="txt")
    flagged = [
        text[f.start : f.end]
        for f in check(extract(document), Settings(select=("SL401",)))
        if f.code == "SL401"
    ]
    assert "((Aparna Garg))" not in flagged
