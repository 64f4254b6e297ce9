from __future__ import annotations

import pytest

from sourcelint.extract.citations import SpanIndex, expand_numbers

from ..conftest import scan_text


def markers(content: str, fmt: str = "txt") -> list[tuple[str, str | None]]:
    analysis = scan_text(content, fmt)
    labels = {reference.id: reference.label for reference in analysis.references}
    return [
        (citation.marker, labels[citation.reference] if citation.reference else None)
        for citation in analysis.citations
    ]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("4", ["4"]),
        ("3–5", ["3", "4", "5"]),
        ("3-5", ["3", "4", "5"]),
        ("3, 7", ["3", "7"]),
        ("0", None),
        ("9-2", None),
    ],
)
def test_expand_numbers(label: str, expected: list[str] | None) -> None:
    assert expand_numbers(label) == expected


def test_span_index_overlaps() -> None:
    index = SpanIndex([(10, 20), (0, 3), (12, 14)])
    assert index.overlaps(19, 25)
    assert index.overlaps(2, 3)
    assert not index.overlaps(3, 10)
    assert not index.overlaps(20, 30)


def test_numeric_forms_give_one_citation_per_label() -> None:
    text = "A rose.[1] B fell[2][3]. C held [4–5]. D, [1, 3]. Ends^2 F.\n\nNotes\n" + "".join(
        f"[{n}] Ministry of Agriculture, Bulletin {n}, 2024.\n" for n in range(1, 6)
    )
    assert [m for m, _ in markers(text)] == ["1", "2", "3", "4", "5", "1", "3", "2"]
    assert all(resolved is not None for _, resolved in markers(text))


@pytest.mark.parametrize(
    "text",
    [
        "He wrote that it was 'definately' [sic] wrong.",
        "[The ministry] said so.",
        "The law [2019] changed.",
        "The area is x^2 plus y.",
        "It costs $4 [about a day's wage].",
        "Items 1. and 2. are listed.",
    ],
)
def test_things_that_are_not_markers(text: str) -> None:
    assert markers(text) == []


def test_markers_inside_inline_code_are_not_markers() -> None:
    assert markers("Use `values[3]` here.\n", "md") == []


def test_author_year_forms_resolve_whatever_the_entry_style() -> None:
    text = (
        "Loads rose (Okonjo, 2019; Smith & Lee 2020) and fell (Doe et al., 2021, p. 4). "
        "Haddad (2019a) and Haddad (2019b) disagree, as van der Berg 2018 et al. noted; "
        "Farrow et al. 2017 agreed.\n\nReferences\n"
        "Doe, J., Ray, K., & Lu, M. (2021). Title one. Journal A.\n"
        "Farrow, P. (2017). Title two. Journal B.\n"
        "Haddad, S. (2019a). Title three. Report C.\n"
        "Haddad, S. (2019b). Title four. Report D.\n"
        "Jane Okonjo. 2019. Title five. Outlet E.\n"
        "Smith, A., & Lee, B. (2020). Title six. Journal F.\n"
    )
    found = markers(text)
    assert found == [
        ("Okonjo 2019", "Okonjo 2019"),
        ("Smith 2020", "Smith 2020"),
        ("Doe 2021", "Doe 2021"),
        ("Haddad 2019a", "Haddad 2019a"),
        ("Haddad 2019b", "Haddad 2019b"),
        ("Farrow 2017", "Farrow 2017"),
    ]


def test_unresolved_strong_author_year_is_kept_and_weak_narrative_is_not() -> None:
    text = (
        "Yields fell (Okafor et al., 2021). The Climate Act (2019) applies.\n\n"
        "References\nSmith, J. (2019). Soils. Agronomy Journal.\n"
    )
    assert markers(text) == [("Okafor 2021", None)]


def test_place_and_date_in_parentheses_is_not_a_citation_without_references() -> None:
    assert markers("The summit (Paris, 2015) agreed targets.") == []


def test_unnumbered_web_list_is_matched_by_order() -> None:
    text = (
        "First.[1] Second.[2] Third.[3]\n\nReferences\n"
        '^ "Museum opens". Gazette. 14 March 1961.\n'
        "^ a b Pryce, Eleanor (2020). Two Centuries. Millrace Press.\n"
        '^ "Visitor figures". Council. Retrieved 4 February 2024.\n'
    )
    analysis = scan_text(text)
    assert [(c.marker, c.reference) for c in analysis.citations] == [
        ("1", "r1"),
        ("2", "r2"),
        ("3", "r3"),
    ]
    assert analysis.references[1].text.startswith("Pryce")


def test_note_marks_resolve_to_their_notes_and_emphasis_is_not_a_mark() -> None:
    text = "Output *really* fell 4%* and prices rose†.\n\n* Provisional figures, Statistics Office, 2024.\n† Ministry of Trade price index, 2024.\n"
    assert markers(text) == [("*", "*"), ("†", "†")]


def test_unicode_superscripts_are_markers_but_powers_of_units_are_not() -> None:
    text = (
        "Output rose by 12%¹ and the plant covers 4 km² with 10⁶ litres.² Exports fell,³ they said.⁴\n\n"
        "Notes\n¹ Statistics Office, Output survey, 2024.\n² Water board, Storage register, 2023.\n"
        '3 Ministry of Trade, "Export bulletin", 2024.\n'
    )
    assert markers(text) == [("1", "1"), ("2", "2"), ("3", "3"), ("4", None)]


def test_one_line_entries_without_full_stops_stay_in_the_reference_section() -> None:
    text = (
        "Rose.[1] Fell.[2]\n\nReferences\n\n[1] Ministry of Agriculture, Bulletin 2024\n\n"
        "Port authority tonnage https://example.org/tonnage\n\n[2] Statistics Office, Survey 2023\n"
    )
    assert markers(text) == [("1", "1"), ("2", "2")]


def test_a_paragraph_after_a_labelled_list_is_not_an_entry() -> None:
    from ..conftest import codes

    analysis = scan_text(
        "Rose.[1]\n\nReferences\n[1] Ministry of Agriculture, Bulletin, 2024.\n\n"
        "Jane Doe reports on farming for the Courier.\n"
    )
    assert len(analysis.references) == 1
    assert codes(analysis) == []


@pytest.mark.parametrize(
    "text",
    [
        "Energy is E = mc^2 here.",
        "The site covers 1,200 km^2 of land.",
        "Einstein wrote mc² first.",
        "Zeffirelli made Romeo and Juliet (1968) on location.",
        "- [x] Draft written.\n- [x] Figures checked.\n",
        "[Update] The council replied.\n\n[Update] It later withdrew.\n",
    ],
)
def test_maths_titles_task_lists_and_updates_are_not_markers(text: str) -> None:
    analysis = scan_text(text)
    assert analysis.citations == ()
    assert [finding for finding in analysis.findings if finding.code.startswith("SL1")] == []


def test_place_and_date_is_not_a_citation_in_a_numbered_document() -> None:
    text = "The accord (Paris, 2015) held.[1]\n\nReferences\n[1] Ministry of Foreign Affairs, Treaty text, 2015.\n"
    assert markers(text) == [("1", "1")]


def test_footnote_and_numbered_labels_are_separate_namespaces() -> None:
    text = (
        "Rose.[^1] Fell [1].\n\n## References\n\n[1] Ministry of Agriculture, Bulletin, 2024.\n\n"
        "[^1]: Port authority tonnage log, 2024.\n"
    )
    analysis = scan_text(text, "md")
    by_id = {reference.id: reference.text for reference in analysis.references}
    assert [by_id[c.reference or ""] for c in analysis.citations] == [
        "Port authority tonnage log, 2024.",
        "Ministry of Agriculture, Bulletin, 2024.",
    ]
    assert analysis.findings == ()


def test_superscript_digit_labels_never_crash() -> None:
    for text in ("Text.\n\n[²] Foo bar, 2019.\n", "See note.[^¹]\n"):
        scan_text(text)
    scan_text("Text[^¹].\n\n[^¹]: A source, 2020.\n", "md")


def test_citation_resolves_to_the_entry_whose_first_author_it_names() -> None:
    text = (
        "One (Lee, 2020). Two (Smith & Lee, 2020).\n\nReferences\n"
        "Smith, J., & Lee, K. (2020). Joint work. Journal A.\n"
        "Lee, K. (2020). Solo work. Journal B.\n"
    )
    assert markers(text) == [("Lee 2020", "Lee 2020"), ("Smith 2020", "Smith 2020")]


def test_numbered_notes_and_an_unnumbered_bibliography_share_a_section() -> None:
    text = (
        "Rose.[1] Queues will clear (Okafor et al., 2023).\n\nReferences\n\n"
        "[1] Ministry of Agriculture, Bulletin, 2024.\n\n"
        "Okafor, N., & Sato, K. (2023). Clearing port congestion. Maritime Logistics.\n"
    )
    assert markers(text) == [("1", "1"), ("Okafor 2023", "Okafor 2023")]


def test_apa_entries_ending_in_a_doi_are_separate_entries() -> None:
    text = (
        "Garcia (2018) found it too (Doe et al., 2021).\n\nReferences\n\n"
        "Doe, J., & White, L. (2021). Heat and health. The Lancet, 398, 100–110. https://doi.org/10.1016/j.x.2021.01.001\n"
        "Garcia, M. (2018). Heat in Madrid. Environmental Research, 12, 1–9. https://doi.org/10.1016/j.y.2018.02.003\n"
        "Smith, A. (2020). Mortality in heat waves. BMJ, 370, m100.\n"
    )
    analysis = scan_text(text)
    assert [reference.label for reference in analysis.references] == [
        "Doe 2021",
        "Garcia 2018",
        "Smith 2020",
    ]
    assert markers(text) == [("Garcia 2018", "Garcia 2018"), ("Doe 2021", "Doe 2021")]
    assert [finding.code for finding in analysis.findings] == ["SL102"]


def test_prose_after_numbered_notes_is_not_an_entry() -> None:
    text = (
        "Rose.[1] Fell.[2]\n\nNotes\n\n[1] Ministry of Agriculture, Bulletin, 2024.\n[2] Port authority, Log, 2024.\n\n"
        "Jane Doe has covered water since 2015. Her book [3] won a prize.\n"
    )
    analysis = scan_text(text)
    assert len(analysis.references) == 2
    found = [(f.code, analysis.citations[2].marker) for f in analysis.findings]
    assert [entry for entry in found if entry[0].startswith("SL1")] == [("SL101", "3")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("But Smith (2019) disagreed.", [("Smith 2019", "Smith 2019")]),
        (
            "See Brown (2021a, 2021b) for both.",
            [("Brown 2021a", "Brown 2021a"), ("Brown 2021b", "Brown 2021b")],
        ),
        (
            "Two reports (Nguyen, 2023a, b) agree.",
            [("Nguyen 2023a", "Nguyen 2023a"), ("Nguyen 2023b", "Nguyen 2023b")],
        ),
        (
            "Deaths rose (WHO, 2022).",
            [("World Health Organization 2022", "World Health Organization 2022")],
        ),
        ("Counts fell (Census 2021) under the (Equality Act 2010).", []),
    ],
)
def test_author_year_edge_forms(text: str, expected: list[tuple[str, str | None]]) -> None:
    references = (
        "\n\nReferences\n\nBrown, T. (2021a). First. Journal.\nBrown, T. (2021b). Second. Journal.\n"
        "Nguyen, H. (2023a). Part one. Report.\nNguyen, H. (2023b). Part two. Report.\n"
        "Smith, J. (2019). Soils. Agronomy Journal.\nWorld Health Organization. (2022). World report.\n"
    )
    assert markers(text + references) == expected


def test_without_a_reference_list_only_unmistakable_author_year_forms_count() -> None:
    text = "Growth slowed (Germany 2019; France 2020) and (Apple and Google, 2023) but (Ray et al., 2021) did not."
    assert markers(text) == [("Ray 2021", None)]


def test_emphasis_and_bullets_are_not_footnote_marks() -> None:
    analysis = scan_text("It was *really* late.\n\n* First point here.\n* Second point here.\n")
    assert analysis.citations == ()
    assert analysis.findings == ()


def test_numbers_that_open_a_declared_note_are_its_text() -> None:
    analysis = scan_text("The statute applies.[^1]\n\n[^1]: 42 U.S.C. § 1983.\n", "md")
    assert [(ref.label, ref.text) for ref in analysis.references] == [("1", "42 U.S.C. § 1983.")]
    assert analysis.findings == ()


def test_a_pasted_wiki_reference_list_with_edit_residue_and_no_blank_lines_resolves() -> None:
    text = (
        "Kessel Harbour\n\n"
        "Kessel Harbour is a fishing port.[1] It was rebuilt in 1961.[2][3]\n"
        "References[edit]\n"
        "^ a b Island Record Office (1990). Charters of the north coast.\n"
        '^ Harbour Board (2022). "Annual report 2021".\n'
        "^ Smith, J. (2001). A history of ports. Kessel Press.\n\n"
        "External links follow here in the page, with no entries of their own.\n"
    )
    analysis = scan_text(text)
    assert [(c.marker, c.reference) for c in analysis.citations] == [
        ("1", "r1"),
        ("2", "r2"),
        ("3", "r3"),
    ]
    assert len(analysis.references) == 3
    assert not [f for f in analysis.findings if f.code in ("SL101", "SL102")]


LAB_NOTEBOOK = (
    "Fischer J, Peterson G and Folke C (2009) showed that resilience matters. Nicholson & "
    "Possingham, 2007 gives a method. It was confirmed (Harlow _et al._ 2010) (Jones and "
    "Park, 2011). (Brown et. al., 2012) opened the field, as did Reyes et al 2013.\n\n"
    "References\n\n"
    "Fischer J, Peterson G and Folke C (2009). Mind the sustainability gap. Trends 22: 1-4.\n"
    "Nicholson E, Possingham HP (2007). Making conservation decisions. Ecol Appl 17: 2-6.\n"
    "Harlow A, Lee B, Wu C (2010). A title. J Ecol 5: 1-2.\n"
    "Jones K, Park S (2011). Another title. Oecologia 3: 4-5.\n"
    "Brown T, Green U, White V (2012). The field. Nature 1: 1-3.\n"
    "Reyes M, Ortiz P (2013). Notes. Ecology 2: 7-9.\n"
)


@pytest.mark.parametrize(
    ("content", "fmt"),
    [(LAB_NOTEBOOK, "txt"), (LAB_NOTEBOOK.replace("\nReferences\n", "\n## References\n"), "md")],
)
def test_vancouver_entries_and_every_spelling_of_et_al_resolve(content: str, fmt: str) -> None:
    analysis = scan_text(content, fmt)
    labels = [citation.marker for citation in analysis.citations]
    assert labels == [
        "Fischer 2009",
        "Nicholson 2007",
        "Harlow 2010",
        "Jones 2011",
        "Brown 2012",
        "Reyes 2013",
    ]
    assert all(citation.reference is not None for citation in analysis.citations)
    assert [f.code for f in analysis.findings if f.code.startswith("SL1")] == []
    keys = [reference.author_key for reference in analysis.references]
    assert keys[:2] == ["Fischer 2009", "Nicholson 2007"]  # the surname, never the initials


def test_two_authors_and_a_year_without_parentheses_need_a_reference_list() -> None:
    analysis = scan_text("Smith and Jones, 2019 was a good year for the club.\n")
    assert analysis.citations == ()


@pytest.mark.parametrize("heading", ["References", "**Sources**"])
def test_a_reference_heading_written_as_a_paragraph_starts_the_list(heading: str) -> None:
    text = (
        "Resilience matters. (Harlow et al., 2010) It was shown twice. (Jones & Park 2011)\n\n"
        f"{heading}\n\n"
        "Harlow A, Lee B (2010). A title. J Ecol 5: 1-2.\n"
        "Jones K, Park S (2011). Another. Oecologia 3: 4-5.\n"
    )
    analysis = scan_text(text, "md")
    assert [citation.reference for citation in analysis.citations] == ["r1", "r2"]
    assert [f.code for f in analysis.findings if f.code.startswith("SL1")] == []


PASTED_WIKI = (
    "Harrow River\n\nFrom Wikipedia, the free encyclopedia\n\nContents\n1 History\n2 Floods\n"
    "3 See also\n4 Citations\n5 References\n\n"
    "The river floods every spring,[1] as Okafor and Ruiz (2011) first showed.[2]\n\n"
    "Citations[edit]\n"
    "^ Okafor, Jane (2019). A history of the Harrow. Millrace Press.\n"
    "^ Okafor and Ruiz (2011), page 14.\n"
    "References[edit]\n"
    "Jane Okafor and Pablo Ruiz (2011). Rivers of the north. Northern Books.\n"
    "Thomas R. Bell (2008). Bridges of Teland. Teland Press.\n"
    'Retrieved from "https://en.wikipedia.org/w/index.php?title=Harrow_River"\n'
    "Categories:\nRivers of Teland\nNavigation menu\nMain page\n"
)


def test_a_pasted_wiki_page_contents_menus_and_short_form_notes() -> None:
    analysis = scan_text(PASTED_WIKI)
    by_id = {reference.id: reference for reference in analysis.references}
    # "4 Citations" and "5 References" in the contents start no list; the menus end the last
    texts = [reference.text.split(".")[0] for reference in analysis.references]
    assert len(texts) == 4 and not any("Categories" in text for text in texts)
    resolved = {c.marker: by_id[c.reference].text[:11] for c in analysis.citations if c.reference}
    assert resolved == {"1": "Okafor, Jan", "2": "Okafor and ", "Okafor 2011": "Jane Okafor"}
    # the bibliography's entry cited in short form by note 2 is cited; Bell 2008 is not
    uncited = [PASTED_WIKI[f.start : f.end] for f in analysis.findings if f.code == "SL102"]
    assert [text[:14] for text in uncited] == ["Thomas R. Bell"]


@pytest.mark.parametrize("backlink", ["^", "^ a b", "↑", "↑ a b"])
def test_a_pasted_wiki_note_opens_with_its_back_links(backlink: str) -> None:
    text = (
        "Rivers flood.[1] Bridges fall.[2]\n\nReferences\n"
        f"{backlink} Okafor, Jane (2019). A history. Millrace.\n"
        f"{backlink} Ruiz, Pablo (2011). Rivers. Northern.\n"
    )
    analysis = scan_text(text)
    texts = {r.id: r.text[:6] for r in analysis.references}
    assert [texts[c.reference] for c in analysis.citations if c.reference] == ["Okafor", "Ruiz, "]


def test_an_older_wiki_paste_with_edit_links_before_headings_and_further_reading() -> None:
    text = (
        "The island was a port.[1] Tin was traded there.[2] Ships came often.[1]\n\n"
        "[edit] History\n\nIt was Ictis (Cunliffe 1983; Hawkes 1984), some say.\n\n"
        "[edit] Notes\n\n"
        "^ a b Okafor, Jane (2019). A history. Millrace.\n"
        "^ Ruiz, P. (2011). Rivers. Northern.\n\n"
        "[edit] Further reading\n\n"
        "Cunliffe, Barry (1983). Ictis: is it here? Oxford Journal of Archaeology.\n"
        "Hawkes, C. (1984). Ictis disentangled. Oxford Journal of Archaeology.\n"
        "Penhallow, T. (1990). Tin and the sea. Truro Press.\n"
    )
    analysis = scan_text(text)
    texts = {r.id: r.text[:5] for r in analysis.references}
    resolved = [texts.get(c.reference or "") for c in analysis.citations]
    assert resolved == ["Okafo", "Ruiz,", "Okafo", "Cunli", "Hawke"]
    # nobody cites Penhallow: a further-reading list is offered, not owed, so no SL102
    assert [f.code for f in analysis.findings if f.code.startswith("SL1")] == []


def test_a_pasted_wiki_page_with_lettered_notes_and_numbered_references() -> None:
    text = (
        "The river floods every spring.[a][1] It was bridged in 1820.[2][note 2]\n\n"
        "Notes[edit]\n"
        "^ The spring flood of 1811 was the largest.\n"
        "^ Some say 1822.\n"
        "References[edit]\n"
        "^ Okafor, Jane (2019). A history of the Harrow. Millrace Press.\n"
        "^ Ruiz, Pablo (2011). Rivers of the north. Northern Books.\n"
    )
    analysis = scan_text(text)
    texts = {r.id: r.text[:8] for r in analysis.references}
    resolved = [(c.marker, texts.get(c.reference or "")) for c in analysis.citations]
    # a number never resolves to the lettered notes, which print no labels either
    assert resolved == [
        ("a", "The spri"),
        ("1", "Okafor, "),
        ("2", "Ruiz, Pa"),
        ("note 2", "Some say"),
    ]
    assert not [f for f in analysis.findings if f.code.startswith("SL1")]


def test_letters_in_brackets_are_no_markers_outside_a_pasted_wiki_page() -> None:
    text = "Prices rose.[1] A list: [a] apples, [b] pears.\n\nReferences\n\n[1] Okafor, J. 2019.\n"
    assert [c.marker for c in scan_text(text).citations] == ["1"]
