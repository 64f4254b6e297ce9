"""Direct quotations: every printed form is found once, scare quotes and titles are not, and
each quotation gets its speaker (or None), cue and date."""

from __future__ import annotations

import random

import pytest

from sourcelint.model import Analysis, Quote

from ..conftest import codes, scan_text


def only(analysis: Analysis) -> Quote:
    assert len(analysis.quotes) == 1, [quote.text for quote in analysis.quotes]
    return analysis.quotes[0]


def speakers(analysis: Analysis) -> list[str | None]:
    return [quote.speaker.name if quote.speaker else None for quote in analysis.quotes]


@pytest.mark.parametrize(
    "text",
    [
        '"We will hold the line," Jane Doe said.',
        "“We will hold the line,” Jane Doe said.",
        "«We will hold the line,» Jane Doe said.",
        "„We will hold the line,“ Jane Doe said.",
        "Jane Doe said: “We will hold the line.”",
        'Jane Doe said, "We will hold the line."',
    ],
)
def test_each_form_of_marks_is_one_quotation_with_its_speaker(text: str) -> None:
    quote = only(scan_text(text + "\n"))
    assert quote.text.rstrip(",.") == "We will hold the line"
    assert quote.speaker is not None and quote.speaker.name == "Jane Doe"
    assert quote.cue == "said"


def test_single_marks_nested_in_double_marks_stay_inside_the_quotation() -> None:
    quote = only(scan_text("“He told me ‘never again’ and walked out,” Jane Doe said.\n"))
    assert quote.text == "He told me ‘never again’ and walked out,"


def test_british_single_marks_with_a_cue_are_a_quotation() -> None:
    quote = only(
        scan_text("'We will not be moved on this,' said Jane Doe. The workers' union agreed.\n")
    )
    assert quote.text == "We will not be moved on this,"
    assert quote.speaker is not None and quote.speaker.name == "Jane Doe"


def test_quotation_split_around_its_attribution_is_two_parts_of_one_speaker() -> None:
    analysis = scan_text("“The first part,” she said, “and the second part.”\n")
    assert [quote.text for quote in analysis.quotes] == ["The first part,", "and the second part."]
    assert [quote.cue for quote in analysis.quotes] == ["said", "said"]


def test_quotation_over_paragraphs_is_found_once() -> None:
    analysis = scan_text(
        "Jane Doe, the minister, spoke first.\n\n"
        "“The harvest failed in the north.\n\n"
        "“It failed in the south as well,” she said.\n"
    )
    quote = only(analysis)
    assert quote.text.startswith("The harvest failed") and quote.text.endswith("as well,")
    assert quote.speaker is not None and quote.speaker.name == "Jane Doe"
    assert "SL203" not in codes(analysis)


def test_ellipsis_and_bracketed_insertion_mark_an_edited_quotation() -> None:
    analysis = scan_text("“The wards are full … and [the staff] are exhausted,” Hugh Hill said.\n")
    assert only(analysis).edited
    assert "SL204" in codes(analysis)
    plain = scan_text("“The wards are full and the staff are tired,” Hugh Hill said.[4]\n")
    assert not only(plain).edited


def test_epigraph_with_a_dash_credit() -> None:
    quote = only(
        scan_text("“Knowledge is power, and power is knowledge.”\n– Francis Bacon, philosopher\n")
    )
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.title) == ("Francis Bacon", "philosopher")


def test_markdown_blockquote_credited_by_a_dash_line() -> None:
    analysis = scan_text(
        "The debate went on.\n\n> We will never sign this agreement.\n>\n> — Jane Doe, Defense Minister\n",
        "md",
    )
    quote = only(analysis)
    assert quote.text == "We will never sign this agreement."
    assert quote.speaker is not None and quote.speaker.title == "Defense Minister"
    assert quote.marks == "block"


def test_html_blockquote_introduced_by_a_colon() -> None:
    analysis = scan_text(
        "<p>The group stated in its charter:</p>"
        "<blockquote><p>Every member keeps one vote.</p></blockquote>",
        "html",
    )
    quote = only(analysis)
    assert quote.text == "Every member keeps one vote."
    assert quote.speaker is not None and quote.speaker.name == "the group"
    assert quote.cue == "stated"


def test_pull_quote_without_marks_credited_by_a_handle() -> None:
    quote = only(scan_text("Rivers are roads that move.\n\n— @riverwatch\n"))
    assert quote.speaker is not None and quote.speaker.name == "@riverwatch"


def test_colon_attribution_with_from() -> None:
    quote = only(scan_text("From the minister: “No comment on the talks at this stage.”\n"))
    assert quote.speaker is not None and quote.speaker.name == "the minister"


@pytest.mark.parametrize(
    "text",
    [
        "Critics call it an “axis of evil” in the region.",
        "She reread “The Great Gatsby” on the train.",
        "The so-called “reform” cut pensions.",
        "Their “Axis of Evil” speech was long.",
        "The file was named “final_v2”.",
    ],
)
def test_scare_quotes_and_titles_are_not_quotations(text: str) -> None:
    assert scan_text(text + "\n").quotes == ()


def test_aside_between_speaker_and_verb() -> None:
    quote = only(scan_text("“Beds are short,” Hugh Hill, a doctor at the clinic, said.\n"))
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.title) == ("Hugh Hill", "doctor at the clinic")


def test_title_is_split_from_the_name() -> None:
    quote = only(scan_text("Defense Minister Jane Doe said: “The border is calm.”\n"))
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.title) == ("Jane Doe", "Defense Minister")


def test_organisation_as_speaker() -> None:
    quote = only(scan_text("“Members keep one vote each,” the group stated in its charter.\n"))
    assert quote.speaker is not None and quote.speaker.name == "the group"


def test_pronoun_resolves_to_the_last_compatible_named_speaker() -> None:
    analysis = scan_text(
        "“Prices will fall,” Mr. John Roe said on Monday.\n\n"
        "“Not this year,” Ms. Jane Doe told the committee.\n\n"
        "“They have to fall eventually,” he said.\n"
    )
    assert speakers(analysis) == ["John Roe", "Jane Doe", "John Roe"]


def test_speaker_named_in_the_sentence_before() -> None:
    analysis = scan_text(
        "Jane Doe spoke to reporters after the vote. “We have won this one fair and square.”\n"
    )
    assert speakers(analysis) == ["Jane Doe"]


def test_continuing_quotation_keeps_the_speaker() -> None:
    analysis = scan_text(
        "“The line held,” Jane Doe said. “We lost no ground at all tonight.”\n\n"
        "“Tomorrow we go again and we will win.”\n"
    )
    assert speakers(analysis) == ["Jane Doe", "Jane Doe", "Jane Doe"]


def test_one_speaker_one_id_across_name_forms() -> None:
    analysis = scan_text(
        "“We will hold,” Defense Minister Jane Doe said.\n\n"
        "“The talks resume soon,” Doe added.\n\n"
        "“Not before spring,” said Minister Doe.\n\n"
        "“I disagree,” said John Roe.\n"
    )
    ids = [quote.speaker.id if quote.speaker else None for quote in analysis.quotes]
    assert ids[0] == ids[1] == ids[2] != ids[3]
    assert speakers(analysis)[:3] == ["Jane Doe"] * 3
    first = analysis.quotes[0].speaker
    assert first is not None and first.title == "Defense Minister"


def test_no_speaker_is_null_not_a_guess() -> None:
    analysis = scan_text("The room went quiet. Then: “Nobody leaves until this is settled.”\n")
    assert speakers(analysis) == [None]
    assert "SL201" in codes(analysis)


DATED = "---\ntitle: Talks\ndate: 2024-10-17\n---\n\n"


@pytest.mark.parametrize(
    ("attribution", "date"),
    [
        ("Jane Doe said on October 9", "2024-10-09"),
        ("Jane Doe said in 2019", "2019"),
        ("Jane Doe said on Tuesday", "2024-10-15"),
        ("Jane Doe said as far back as 1998", "1998"),
        ("Jane Doe said", None),
    ],
)
def test_date_of_the_utterance(attribution: str, date: str | None) -> None:
    analysis = scan_text(f"{DATED}“We will hold the line in 2030,” {attribution}.\n", "md")
    assert only(analysis).date == date


def test_unbalanced_mark_is_a_finding_and_the_rest_is_still_read() -> None:
    analysis = scan_text(
        "Doe said: “The harvest was poor. Prices will rise.\n\n"
        "Later: “We will hold the line,” Jane Doe said.\n"
        "The harvest was poor,” he added.\n"
    )
    assert codes(analysis).count("SL203") >= 1
    assert any(quote.text == "We will hold the line," for quote in analysis.quotes)


def test_inch_marks_are_not_quotation_marks() -> None:
    analysis = scan_text('The 12" screen and the 30" frame were sold.\n')
    assert analysis.quotes == () and "SL203" not in codes(analysis)


def test_quotes_inside_code_are_ignored() -> None:
    analysis = scan_text('Run `echo "hello there friend."` now.\n', "md")
    assert analysis.quotes == ()


def test_claims_list_their_quotations_and_named_quotes_source_them() -> None:
    analysis = scan_text("“Prices will fall by spring,” Jane Doe said.\n")
    claim = analysis.claims[0]
    assert claim.quotes == ("q1",)
    assert [source.kind for source in claim.sourced_by] == ["quote", "attribution"]


def test_sl202_fires_only_in_documents_that_cite_and_an_outlet_sources_the_speaker() -> None:
    cited = "Figures are [on the site](https://example.org).\n\n"
    bare = scan_text(cited + "“Prices will fall by spring,” Jane Doe said.\n", "md")
    assert "SL202" in codes(bare)
    told = scan_text(
        cited + "“Prices will fall,” Jane Doe told Reuters.\n\n“Soon,” she said.\n", "md"
    )
    assert "SL202" not in codes(told)
    uncited = scan_text("“Prices will fall by spring,” Jane Doe said.\n")
    assert "SL202" not in codes(uncited)


def test_british_document_reads_single_marks_as_quotations() -> None:
    analysis = scan_text(
        "‘We will not be moved,’ said Ann Lee, the union’s organiser. ‘Not this year.’\n\n"
        "Lee was unimpressed. ‘A rise on a lower rate is still a lower rate.’\n\n"
        "The workers’ union meets on Friday; the drivers’ canteen was quiet.\n"
    )
    assert [quote.text for quote in analysis.quotes] == [
        "We will not be moved,",
        "Not this year.",
        "A rise on a lower rate is still a lower rate.",
    ]
    assert speakers(analysis) == ["Ann Lee"] * 3


def test_short_name_is_completed_from_the_introduction() -> None:
    analysis = scan_text(
        "Labour Minister Daniel Feyer met both sides on Monday.\n\n"
        "“We have offered three rounds of mediation,” Feyer said.\n"
    )
    speaker = only(analysis).speaker
    assert speaker is not None
    assert (speaker.name, speaker.title) == ("Daniel Feyer", "Labour Minister")


def test_description_resolves_to_the_organisation_it_stands_for() -> None:
    analysis = scan_text(
        "Members of the Calder Bay Dockers' Union walked out.\n\n"
        "“No machine replaces a docker,” the union said.\n"
    )
    assert speakers(analysis) == ["Calder Bay Dockers' Union"]


def test_acronym_speaker_is_spelled_out() -> None:
    analysis = scan_text(
        "The Korean Central News Agency (KCNA) issued a warning.\n\n"
        "“The army is ready,” said KCNA.\n"
    )
    assert speakers(analysis) == ["Korean Central News Agency"]


def test_person_of_an_organisation() -> None:
    quote = only(scan_text("“It will pass,” Matthew Ingram of The Globe and Mail wrote.\n"))
    assert quote.speaker is not None and quote.speaker.name == "Matthew Ingram"


def test_apposition_gives_the_name_and_the_title() -> None:
    analysis = scan_text(
        "Its chair, Dev Amberley, wrote that the aim was “a smaller service that is better funded.”\n\n"
        "“We will look at travel times,” said its spokesman, Arnaud Petit.\n"
    )
    assert [(q.speaker.name, q.speaker.title) for q in analysis.quotes if q.speaker] == [
        ("Dev Amberley", "chair"),
        ("Arnaud Petit", "spokesman"),
    ]


def test_second_quotation_in_the_sentence_shares_the_attribution() -> None:
    analysis = scan_text(
        "In a statement, she wrote that she would “cooperate fully with any review” and shared "
        "“the anger of every resident of this town.”\n"
    )
    assert [quote.cue for quote in analysis.quotes] == ["wrote", "wrote"]


def test_dash_credit_with_a_year_is_a_date_not_a_title() -> None:
    quote = only(
        scan_text("“A town that reads is a town that governs itself.”\n— Alfred Mayhew, 1889\n")
    )
    assert quote.speaker is not None and quote.speaker.title is None
    assert quote.date == "1889"


def test_labels_and_ratings_in_marks_are_not_quotations() -> None:
    analysis = scan_text(
        "A user labelled “Anonymous” posted it, and the judge called the ruling “dangerous”. "
        "Critics dubbed it “Project Fear”.\n"
    )
    assert analysis.quotes == ()


def test_lines_of_dialogue_are_quotations_with_new_speakers() -> None:
    lines = ["“Is it far?” asked Tom Bell."] + [
        "“Yes.”" if number % 2 else "“How far?”" for number in range(8)
    ]
    analysis = scan_text("\n\n".join(lines) + "\n")
    assert len(analysis.quotes) == 9
    assert speakers(analysis)[0] == "Tom Bell"
    assert speakers(analysis)[1:] == [None] * 8  # turns answer each other: no guess


def test_writer_words_before_a_quotation_break_the_speaker_chain() -> None:
    analysis = scan_text(
        "“Not this year,” said John Roe.\n\n"
        "The room went quiet. Then: “Nobody leaves until this is settled.”\n"
    )
    assert speakers(analysis) == ["John Roe", None]


def test_html_q_element_is_a_quotation_located_in_the_source() -> None:
    analysis = scan_text("<p>Jane Doe said <q>we will hold the line at any cost</q>.</p>", "html")
    quote = only(analysis)
    assert quote.text == "we will hold the line at any cost"
    assert quote.speaker is not None and quote.speaker.name == "Jane Doe"
    assert (quote.line, quote.col) == (1, 21)


def test_random_marks_and_words_never_stop_the_scan() -> None:
    pieces = [
        *"“”„«»‘’'\"—–-:;,.!? \n\t",
        "said", "Doe", "Jane", "he", "the", "according to", "told", "Reuters", "said:", "— ",
        "\n> ", "[4]", "…", "[x]", "@h", "’s", "O’Neill", "on Tuesday", "who", "Ms.", "\n\n",
    ]  # fmt: skip
    chooser = random.Random(11)
    for _ in range(150):
        text = " ".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 50)))
        for fmt in ("txt", "md", "html"):
            analysis = scan_text(text, fmt)
            for quote in analysis.quotes:
                assert 0 <= quote.start <= quote.end


@pytest.mark.parametrize(
    "text",
    [
        "“We will win the vote,”[1] said Ann Lee.\n\n1. Lee, A. Interview with the Courier, 2024.\n",
        '"We will win the vote,"[1] said Ann Lee.\n\n1. Lee, A. Interview with the Courier, 2024.\n',
        '"We will win the vote," [1] said Ann Lee.\n\n1. Lee, A. Interview with the Courier, 2024.\n',
    ],
)
def test_citation_marker_after_the_closing_mark(text: str) -> None:
    analysis = scan_text(text)
    assert speakers(analysis) == ["Ann Lee"]
    assert "SL203" not in codes(analysis)


def test_block_quote_that_quotes_inside_itself_keeps_its_own_speaker() -> None:
    analysis = scan_text(
        "“We will win,” said Ann Lee.\n\n> “Quoted in a block,” said Ben Roe.\n\n"
        "> The economy is bad and getting worse every year.\n",
        "md",
    )
    assert [
        (quote.text, speaker)
        for quote, speaker in zip(analysis.quotes, speakers(analysis), strict=True)
    ] == [
        ("We will win,", "Ann Lee"),
        ("Quoted in a block,", "Ben Roe"),
        ("The economy is bad and getting worse every year.", None),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Jane Doe was charged. Doe's lawyer said: “My client is innocent of every charge.”",
            "Doe's lawyer",
        ),
        ("“He misled us,” said Doe's spokesman, Tim Ray.", "Tim Ray"),
        ("Al Gore said: “We must act now on the climate.”", "Al Gore"),
        ("“We have nothing to add,” a spokesperson for Acme said.", "a spokesperson for Acme"),
        ("The workers’ union said “we will strike” tomorrow.", "the workers’ union"),
        ("“We act,” the U.S. State Department said.", "the U.S. State Department"),
    ],
)
def test_speaker_phrases_the_review_found(text: str, speaker: str) -> None:
    assert speakers(scan_text(text + "\n")) == [speaker]


def test_pronoun_does_not_guess_between_subject_and_object() -> None:
    analysis = scan_text(
        "Anna Berg met Tom Reed on Monday. “It was a good meeting,” she said. "
        "“We agree on most things,” he said.\n"
    )
    assert speakers(analysis) == ["Anna Berg", None]


def test_names_that_end_up_equal_share_one_id() -> None:
    analysis = scan_text(
        "“We act,” said the Korean Central News Agency (KCNA).\n\n“We act again,” KCNA said.\n\n"
        "“It is a great day,” Hannah said.\n\n“We did it,” said Hannah Kettering.\n"
    )
    ids = [quote.speaker.id for quote in analysis.quotes if quote.speaker]
    assert ids == ["p1", "p1", "p2", "p2"]


def test_nested_q_elements_alternate_marks() -> None:
    analysis = scan_text(
        "<p>Resident Ola Lind said: <q>The river took <q>everything</q> from us.</q></p>", "html"
    )
    assert [quote.text for quote in analysis.quotes] == ["The river took ‘everything’ from us."]
    assert "SL203" not in codes(analysis)


def test_second_opening_mark_leaves_the_first_unbalanced() -> None:
    analysis = scan_text('The "plan was late. "We will finish by May," said Tom Bell.\n')
    assert [quote.text for quote in analysis.quotes] == ["We will finish by May,"]
    assert codes(analysis).count("SL203") == 1


def test_titles_sign_offs_and_elisions_are_not_quotations() -> None:
    analysis = scan_text(
        'My favourite song is "Here Comes the Sun."\n\nChapter One: "The Long Night Begins Here."\n\n'
        "Fans sang 'til dawn and danced all night long.\n\n"
        "Thanks for reading, see you in March.\n— Ann Lee, Editor\n"
    )
    assert analysis.quotes == ()


@pytest.mark.parametrize(
    "attribution",
    [
        "“We will rebuild,” said Ann Lee, who was elected in 2019.",
        "“We will rebuild,” said Ann Lee, 45, who has lived in the town since 1998.",
        "Ann Lee, who took office on March 3, 2021, said: “We will rebuild.”",
        "“We will rebuild,” said Ann Lee, whose term ends in May 2026.",
    ],
)
def test_dates_about_the_speaker_are_not_when_the_words_were_said(attribution: str) -> None:
    assert only(scan_text(f"{DATED}{attribution}\n", "md")).date is None


def test_passive_attribution_names_the_asker() -> None:
    assert speakers(scan_text("Tom Bell was asked by Ann Lee: “Will you resign now?”\n")) == [
        "Ann Lee"
    ]


def test_epigraph_credited_with_a_work_and_year_is_sourced() -> None:
    cited = "See the archive.[^1]\n\n> A town that reads is a town that governs itself.\n\n"
    notes = "\n\n[^1]: City archive, box 4.\n"
    work = scan_text(cited + "— Alfred Mayhew, *Letters from the Coast*, 1889" + notes, "md")
    quote = only(work)
    assert quote.speaker is not None and quote.speaker.title is None and quote.date == "1889"
    assert "SL202" not in codes(work)
    person = scan_text(cited + "— Alfred Mayhew, Mayor" + notes, "md")
    assert "SL202" in codes(person)


@pytest.mark.parametrize(
    "occasion",
    [
        "In a televised address on Sunday, President Tara Voss said:",
        "At a news conference, Tara Voss said:",
        "During testimony to the committee, Tara Voss said:",
        "Tara Voss told this newspaper:",
    ],
)
def test_an_occasion_or_the_writers_own_interview_sources_a_quotation(occasion: str) -> None:
    linked = "See [the report](https://example.org/report).\n\n"
    analysis = scan_text(f'{linked}{occasion} "The country will not be divided."\n', "md")
    assert [quote.speaker.name if quote.speaker else None for quote in analysis.quotes] == [
        "Tara Voss"
    ]
    assert "SL202" not in codes(analysis)
    bare = scan_text(f'{linked}Tara Voss said: "The country will not be divided."\n', "md")
    assert "SL202" in codes(bare)


def test_an_outlet_named_once_for_a_speaker_sources_all_their_quotations() -> None:
    document = (
        "See [the report](https://example.org/report).\n\n"
        "In an interview with the BBC, Ada Obi said the talks had stalled.\n\n"
        '"Nobody wants another winter," Obi said.\n\n'
        '"We lost everything," Ann Lee said.\n'
    )
    findings = [f for f in scan_text(document, "md").findings if f.code == "SL202"]
    assert [f.message.split(" says")[0] for f in findings] == ["quotation of Ann Lee"]


def test_in_someones_words_names_the_speaker() -> None:
    analysis = scan_text(
        "Neurons keep score. In Dr. Maya Shadlen's words, “the brain keeps a running tally of "
        "evidence.”\n"
    )
    (quote,) = analysis.quotes
    assert quote.speaker is not None and quote.speaker.name == "Maya Shadlen"
    assert "SL201" not in codes(analysis)


def test_a_contraction_is_a_pronoun_never_a_name() -> None:
    analysis = scan_text("Tom Ruiz runs the station.\n\n“It was chaos,” He’d said later.\n")
    (quote,) = analysis.quotes
    assert quote.speaker is not None and quote.speaker.name == "Tom Ruiz"


def test_a_subordinating_word_never_starts_a_speakers_name() -> None:
    for sentence, name in [
        ("Since Tom Ruiz said the depot was “never busier than now,” nobody argued.", "Tom Ruiz"),
        ("Once Diaz said “the depot is closed for good,” buses stopped.", "Diaz"),
        ("Although Ruiz called it “a disaster for the town,” he stayed.", "Ruiz"),
    ]:
        (quote,) = scan_text(sentence + "\n").quotes
        assert quote.speaker is not None and quote.speaker.name == name


MARKDOWN_WITH_HTML = """# Notes from the coast

The harbour reopened this week after a winter of repairs.

<aside class="pullquote">
<p>“The sea gave us nothing back this year.”</p>
</aside>

— Mara Lindahl, harbour master

<blockquote class="twitter-tweet"><p>We are open again. Come down to the quay!</p>&mdash; Port of
Kessel (@kesselport) <a href="https://x.com/kesselport/status/1">May 1, 2024</a></blockquote>

<figure><blockquote>Repairs took fourteen weeks and every one was needed.</blockquote>
<figcaption>— Tom Ruiz, Harbour Log</figcaption></figure>

The first boats left at dawn (“we could not wait another day,” said skipper Ana Diaz).

- Her crew: “best catch in a year”, she said later.
"""


def test_raw_html_in_markdown_is_read_like_html_with_its_quotations_and_credits() -> None:
    analysis = scan_text(MARKDOWN_WITH_HTML, "md")
    found = [
        (quote.text, quote.speaker.name if quote.speaker else None) for quote in analysis.quotes
    ]
    assert found == [
        ("The sea gave us nothing back this year.", "Mara Lindahl"),
        ("We are open again. Come down to the quay!", "Port of Kessel"),
        ("Repairs took fourteen weeks and every one was needed.", "Tom Ruiz"),
        ("we could not wait another day,", "Ana Diaz"),
        ("best catch in a year", "Ana Diaz"),
    ]
    assert "The harbour reopened" not in " ".join(quote.text for quote in analysis.quotes)


def test_a_pull_quote_repeating_an_attributed_quotation_is_one_quotation() -> None:
    document = (
        "“The sea gave us nothing back this year,” said harbour master Mara Lindahl.\n\n"
        '<aside class="pullquote"><p>“The sea gave us nothing back this year.”</p></aside>\n\n'
        "The boats stayed in.\n"
    )
    (quote,) = scan_text(document, "md").quotes
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.title) == ("Mara Lindahl", "harbour master")


def test_a_description_stands_for_the_person_named_with_that_title() -> None:
    analysis = scan_text(
        "Mayor Tom Ruiz opened the meeting on Monday.\n\n"
        "“We will not close the pier,” the mayor said.\n\n"
        "The company’s chief executive, Ana Diaz, disagreed. “The pier is unsafe,” the "
        "executive said.\n"
    )
    assert [quote.speaker.name if quote.speaker else None for quote in analysis.quotes] == [
        "Tom Ruiz",
        "Ana Diaz",
    ]


def test_a_description_two_people_could_hold_stays_a_description() -> None:
    analysis = scan_text(
        "Mayor Tom Ruiz and Mayor Ana Diaz met on Monday.\n\n"
        "“We will not close the pier,” the mayor said.\n"
    )
    (quote,) = analysis.quotes
    assert quote.speaker is not None and quote.speaker.name == "the mayor"


def test_a_heading_is_never_the_speaker_of_the_quotation_under_it() -> None:
    analysis = scan_text(
        "# Harbour News\n\n## Skipper Ana Diaz\n\n“We will fish again next week.”\n", "md"
    )
    (quote,) = analysis.quotes
    assert quote.speaker is None


def test_a_participle_cue_in_an_aside_names_its_subject() -> None:
    analysis = scan_text(
        "The ministry, stating that “no ship will wait longer than a week,” promised more staff.\n"
    )
    (quote,) = analysis.quotes
    assert quote.speaker is not None and quote.speaker.name == "the ministry"
    assert quote.cue == "stating"


def _speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in scan_text(text).quotes]


def test_a_pronoun_opening_a_sentence_is_never_a_speakers_name() -> None:
    text = (
        "Prime Minister Olek Varnas offered to resign on Friday.\n\n"
        "Varnas filed his resignation after the leak. He said the president is "
        "“a model of honesty for me”; however, “I wrote a resignation offer,” he added.\n"
    )
    assert _speakers(text) == ["Olek Varnas", "Olek Varnas"]


def test_a_participle_after_a_comma_has_its_clauses_subject() -> None:
    text = (
        "In a press release issued the following day, the Harlow Ministry of Transport "
        "denounced the conclusions of the summit, calling the agreements “legitimate and fully "
        "lawful under every treaty”.\n"
    )
    (speaker,) = _speakers(text)
    assert speaker is not None and speaker.endswith("Harlow Ministry of Transport")


def test_a_name_after_a_preposition_is_an_object_not_the_speaker() -> None:
    text = (
        "On Tuesday, the minister speaking to the Grand Council think tank called the border "
        "agreement “null and void and geographically absurd”.\n"
    )
    assert "Grand Council think tank" not in str(_speakers(text))


def test_a_lower_case_occupation_before_a_name_in_commas() -> None:
    text = (
        "One of the study's authors, herpetologist Dana Bleck, told a magazine the pattern "
        "was deep: “These frogs are turning on some ancient machinery in their DNA.”\n"
    )
    assert _speakers(text) == ["Dana Bleck"]


def test_a_pronoun_after_a_name_met_with_is_not_that_name() -> None:
    text = (
        "Prime Minister Kostas Manolis spoke in Athens on Monday.\n\n"
        "Later on Tuesday Manolis met with President Ruth Hale, where he denounced the deal "
        "again. He noted “it is important to point out that the agreement infringes on our "
        "rights”.\n"
    )
    assert _speakers(text) == ["Kostas Manolis"]


def test_an_occupation_in_lower_case_before_a_full_name() -> None:
    text = (
        "“Organics are very important for the chance of life on Tarn,” said planetary "
        "geologist Rosa Lenz of the Vale Laboratory.\n\n"
        "“We performed diligent safety checks on every sample,” Goddard planetary scientist "
        "Avi Mendel said.\n"
    )
    assert _speakers(text) == ["Rosa Lenz", "Avi Mendel"]


def test_a_surname_after_a_fronted_phrase_is_the_pronouns_antecedent() -> None:
    text = (
        "Prime Minister Kostas Manolis arrived in Washington on Monday.\n\n"
        "In his Tuesday talk at the Hollin Institute's headquarters, Manolis said the project "
        "is open to all. “We don't seek to exclude anyone from energy cooperation,” he said.\n"
    )
    assert _speakers(text) == ["Kostas Manolis"]


def test_a_friend_of_a_named_person_is_not_that_person() -> None:
    text = "“He never missed a day of work,” a friend of Avi Mendel said.\n"
    assert _speakers(text) != ["Avi Mendel"]


INTERVIEW = (
    "Marta Quell, a glass artist from Dunmore, spoke to us about her studio.\n\n"
    "Interviewer: How did you start working with glass?\n\n"
    "Marta Quell: My uncle had a furnace behind his shop, and I watched him every summer.\n\n"
    "I was nine when he let me hold the pipe.\n\n"
    "Interviewer: What do you make now?\n\n"
    "Marta Quell: Mostly bowls. We sell them at the Saturday market.\n"
)


def test_interview_turns_are_quotations_of_their_labelled_speaker() -> None:
    quotes = scan_text(INTERVIEW).quotes
    answers = [q for q in quotes if q.speaker and q.speaker.name == "Marta Quell"]
    assert [q.text for q in answers] == [
        "My uncle had a furnace behind his shop, and I watched him every summer.",
        "I was nine when he let me hold the pipe.",
        "Mostly bowls. We sell them at the Saturday market.",
    ]


def test_question_and_answer_labels_credit_the_person_introduced() -> None:
    text = (
        "Meet Junia Gasse, our new chief executive. Junia Gasse joined us in May.\n\n"
        "Q: What drew you to the role?\n\nA: I love building teams.\n\n"
        "Q: What is next for you?\n\nA: We open two offices this year.\n"
    )
    quotes = scan_text(text).quotes
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("I love building teams.", "Junia Gasse"),
        ("We open two offices this year.", "Junia Gasse"),
    ]


def test_labels_that_are_not_speech_make_no_turns() -> None:
    box_score = (
        "Harbor City beat Elmwood 101-99 on Tuesday.\n\n"
        "Harbor: Tom Lisk missed the game with a knee sprain.\n\n"
        "Elmwood: Dan Ruhl left in the second quarter.\n\n"
        "Harbor: Host Elmwood on Friday.\n\n"
        "Elmwood: Visit Harbor on Friday.\n"
    )
    assert scan_text(box_score).quotes == ()
    update = "The bridge reopened on Monday.\n\nUpdate: It closed again at noon.\n"
    assert scan_text(update).quotes == ()


def test_a_name_in_commas_after_a_parenthesis() -> None:
    text = (
        "The general secretary of the dockers' union (Harbour Union of Rail, Sea and Road "
        "Workers), Mick Dorran, said the measure was “nowhere near enough for anyone”.\n"
    )
    assert _speakers(text) == ["Mick Dorran"]


def test_a_nested_quotation_closing_first_still_ends_with_punctuation() -> None:
    text = (
        "She was shocked to find an olfactory receptor called Olfr78 in kidney cells.\n\n"
        "“I said to my adviser, like, ‘I don’t even know that I can trust this data?’” "
        "Pluzek recalled.\n"
    )
    assert _speakers(text) == ["Pluzek"]


def test_a_place_after_a_comma_is_not_a_pronouns_antecedent() -> None:
    text = (
        "Richard Loxley, an immunologist at the University of Carrow, San Ferrin, directs "
        "the work. He describes the prospects as good, but cautions that “we’re still in the "
        "very early days” of it.\n"
    )
    assert _speakers(text) == ["Richard Loxley"]


def test_a_surname_after_a_connective_opens_its_sentence() -> None:
    text = (
        "Andrew Vale studies tuft cells. Others praised the new results.\n\n"
        "But Vale cautioned that the cells might cause trouble. “You may not always want to "
        "overreact,” he said.\n"
    )
    assert _speakers(text) == ["Andrew Vale"]


def test_an_imperative_opening_the_sentence_before_is_no_speaker() -> None:
    text = (
        "We have brought some reviews here! Check them out below.\n\n"
        "“The show was really great and the staff were kind to us all evening.”\n"
    )
    assert _speakers(text) == [None]


def test_saying_before_a_quotation_is_its_cue() -> None:
    text = (
        "In a livestream, Sanders shared his reasoning with supporters, pointing out he trailed "
        "Joe Biden, saying “the path toward victory is virtually impossible”.\n"
    )
    (quote,) = scan_text(text).quotes
    assert quote.cue == "saying" and quote.speaker is not None
    assert quote.speaker.name == "Sanders"


def test_a_participle_after_a_quotation_leaves_the_speaker_before_it() -> None:
    text = (
        "Bernie Sanders said in his live stream, “I do not make this decision lightly”, "
        "calling it a hard choice.\n"
    )
    assert _speakers(text) == ["Bernie Sanders"]


def test_a_document_after_a_weak_inverted_cue() -> None:
    text = "“It is likely that the outbreak has caused many more cases than reported”, reads the report.\n"
    assert _speakers(text) == ["the report"]


def test_an_inverted_cue_and_name_need_no_punctuation_before_the_mark() -> None:
    text = "“You would probably minimise the panic” said Russell Zane of the retail council.\n"
    assert _speakers(text) == ["Russell Zane"]


def test_a_title_in_capitals_before_a_name_and_a_statement_that_reads() -> None:
    text = (
        "IM Dora Derak grew up in Tehran, and she learned to read at a young age. She "
        "remarked that a country where “women are seen as second-class citizens” was hard.\n\n"
        "The club's official statement read “We are very sorry to report that our player has "
        "left us.”\n"
    )
    speakers = _speakers(text)
    assert speakers[0] == "Dora Derak"
    assert speakers[1] is not None and "statement" in speakers[1]


def test_a_thing_before_a_participle_cue_is_its_object() -> None:
    text = (
        "Mehran Pahlavi, the president of the country's chess federation, explained the "
        "decision to ban the players saying, “As a first step, these two will be denied entry "
        "to all tournaments.”\n\n"
        "Turkish president Erdal Demir spoke on Wednesday. He underlined the call for "
        "cooperation by saying “we are ready to take more steps towards peace”.\n"
    )
    assert _speakers(text) == ["Mehran Pahlavi", "Erdal Demir"]


def test_a_long_description_between_the_name_and_the_cue() -> None:
    text = (
        "“Numerical experiments of this kind succeed when you get out more than you put in,” "
        "Dylan Nell, a postdoctoral fellow at the Varn Institute for Astrophysics in Munich, "
        "Germany, and co-author of the study, said in a statement.\n"
    )
    assert _speakers(text) == ["Dylan Nell"]


def test_a_quotation_after_a_long_attribution_continues_its_speaker() -> None:
    text = (
        "“Experiments of this kind succeed when you get out more than you put in,” Dylan "
        "Nell, a fellow at the Varn Institute in Munich, Germany, and co-author of the study, "
        "said in a statement. “In our simulation, we see things nobody programmed into it.”\n"
    )
    assert _speakers(text) == ["Dylan Nell", "Dylan Nell"]


def test_a_nationality_and_a_title_in_lower_case_before_the_name() -> None:
    text = (
        "On Tuesday, Greek prime minister Nikos Andreou speaking to the Harbour Council "
        "think tank called the border agreement “null and void and a plain insult”. "
        "“It goes against everything we know about the law of the sea,” he added.\n"
    )
    assert _speakers(text) == ["Nikos Andreou", "Nikos Andreou"]


def test_a_name_run_into_the_marks_is_what_the_quotation_is_about() -> None:
    text = (
        "In the recording, someone, seemingly the minister, says Petrenko “has a very "
        "primitive understanding of the budget.”\n"
    )
    assert _speakers(text) == [None]


def test_a_description_before_the_name_after_the_marks() -> None:
    text = (
        "Dora Pellin beat the holder in three sets on Sunday.\n\n"
        "“I think I played one of the best matches of my career,” the 14th-ranked Pellin "
        "said.\n\n"
        "“There are ways those complex organics can go down into the ocean,” lab scientist "
        "and study co-author Ivo Marsk said.\n\n"
        "“It will not last the winter, whatever they promise us,” the report on Marsk said.\n"
    )
    # "the report on Marsk" is no description of Marsk: the quotation stays, unattributed
    assert _speakers(text) == ["Dora Pellin", "Ivo Marsk", None]
