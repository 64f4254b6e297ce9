"""Web pages as they are: the article and nothing else, structure kept, title and date with
their sources, and a finding when a large part was left out. Pages are written here."""

from __future__ import annotations

from sourcelint.document import BlockKind, Document
from sourcelint.readers import read_bytes
from sourcelint.readers.main_text import dropped_problems
from sourcelint.readers.text import read_text
from tests.conftest import codes, scan_text

NEWS = """<!doctype html>
<html><head><title>Ferry fares to rise in spring | The Harbour Gazette</title>
<meta property="og:title" content="Ferry fares to rise in spring">
<script type="application/ld+json">{"@type": "NewsArticle",
 "datePublished": "2023-03-14T07:30:00+01:00", "dateModified": "2023-03-15T10:00:00+01:00"}
</script></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/subscribe">Subscribe</a>
</nav></header>
<div class="cookie-notice"><p>We use cookies to improve your experience of our site and to
show you relevant advertising, as described in our policy.</p></div>
<main><article>
<h1>Ferry fares to rise in spring</h1>
<p class="byline">By Ines Marlow</p>
<figure><img src="ferry.jpg" alt=""><figcaption>“Rough crossing,” said the harbour sign
at Whitlock Quay, where the ferry leaves. Photo: Piet Ober</figcaption></figure>
<p>Fares on the island ferry will rise by 8 percent from April, the operator announced on
Tuesday, the second increase in two years.</p>
<p>The operator said fuel now accounts for a third of its running costs and that the new fares
would raise about 1.2 million euros a year.</p>
<p>“We held fares for as long as we could,” said Marta Kessel, the operator’s chief executive.
“Fuel has doubled since the contract was signed.”</p>
<h2>Islanders object</h2>
<p>The islanders’ association said the rise would hit commuters hardest and asked the council
to review the contract before the summer timetable starts.</p>
<table><caption>New fares from April</caption>
<tr><th>Ticket</th><th>Now</th><th>From April</th></tr>
<tr><td>Adult single</td><td>12.50 euros</td><td>13.50 euros<sup><a href="#fn1">1</a></sup></td></tr>
<tr><td>Child single</td><td>6.00 euros</td><td>6.50 euros</td></tr>
<tr><td>Car and driver</td><td>48.00 euros</td><td>52.00 euros</td></tr>
</table>
<p>A council spokesman said the contract allowed one review a year and that the request would
be discussed at the meeting on 28 March.</p>
<section class="footnotes" role="doc-endnotes"><ol><li id="fn1"><p>Fare table published by
the operator, 14 March 2023.</p></li></ol></section>
</article></main>
<aside class="related"><h3>Most read</h3><ul><li><a href="/a">Storm closes the pier for a
week</a></li><li><a href="/b">New bakery opens on Quay Street</a></li></ul></aside>
<section class="comments"><h3>Comments</h3><div class="comment"><p class="author">harbourfan</p>
<p>This is outrageous, the fares were already too high for people who travel every day.</p>
</div></section>
<footer><p>© 2023 The Harbour Gazette. All rights reserved.</p></footer>
</body></html>
"""

WIKI = """<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><title>Kessel Harbour - Examplepedia</title>
<meta name="generator" content="MediaWiki 1.41.0">
<script type="application/ld+json">{"@type": "Article", "datePublished": "2009-06-01T12:00:00Z",
 "dateModified": "2024-03-03T10:12:00Z"}</script></head><body class="mediawiki">
<div id="mw-navigation"><a href="/wiki/Main_Page">Main page</a>
<a href="/wiki/Special:Random">Random article</a></div>
<div id="content" class="mw-body">
<h1 id="firstHeading" class="firstHeading">Kessel Harbour</h1>
<div id="mw-content-text" class="mw-body-content"><div class="mw-parser-output">
<p><b>Kessel Harbour</b> is a small fishing port on the north coast of the island, first
mentioned in a royal charter.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a>
</sup> It handles most of the island's catch and a seasonal ferry service.</p>
<h2><span class="mw-headline" id="History">History</span><span class="mw-editsection">
<span class="mw-editsection-bracket">[</span><a href="/w/index.php?action=edit&amp;section=1">
edit</a><span class="mw-editsection-bracket">]</span></span></h2>
<p>The harbour was rebuilt after the great storm, when the old breakwater failed and most of
the fleet was lost. A new quay opened later and was lengthened to take the ferry.</p>
<p>In 1998, more than 200 boats were damaged when a second storm struck the coast, and the
harbour was closed for three months while the breakwater was repaired.</p>
<p>The harbour had 480 registered boats in 2019, according to the harbour board.</p>
<h2><span class="mw-headline" id="Traffic">Traffic</span><span class="mw-editsection">[<a
href="/w/index.php?action=edit&amp;section=2">edit</a>]</span></h2>
<table class="wikitable"><tr><th>Year</th><th>Landings (tonnes)</th><th>Passengers</th></tr>
<tr><td>2019</td><td>4,120</td><td>181,000<sup id="cite_ref-2" class="reference">
<a href="#cite_note-2">[2]</a></sup></td></tr>
<tr><td>2020</td><td>3,870</td><td>92,000</td></tr>
<tr><td>2021</td><td>4,010</td><td>143,000</td></tr>
</table>
<h2><span class="mw-headline" id="References">References</span></h2>
<div class="reflist"><ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span>
<span class="reference-text">Island Record Office (1990). <i>Charters of the north coast</i>.
</span></li>
<li id="cite_note-2"><span class="mw-cite-backlink"><a href="#cite_ref-2">^</a></span>
<span class="reference-text">Harbour Board (2022). "Annual report 2021".</span></li>
</ol></div>
<div role="navigation" class="navbox"><table><tr><th>Ports of the island</th></tr><tr><td>
<a href="/wiki/A">Altmark</a> · <a href="/wiki/B">Brede</a></td></tr></table></div>
</div></div>
<div class="printfooter">Retrieved from "<a href="https://example.org/w/index.php?oldid=1">
https://example.org/w/index.php?oldid=1</a>"</div>
<div id="catlinks" class="catlinks"><a href="/wiki/Help:Category">Categories</a>:
<ul><li><a href="/wiki/Category:Ports">Ports</a></li></ul></div>
</div>
<div id="footer"><ul id="footer-info"><li id="footer-info-lastmod"> This page was last edited
on 3 March 2024, at 10:12.</li></ul></div>
</body></html>
"""

_SECTIONS = {
    "The survey": (
        "Researchers counted seabirds on the northern cliffs every June for twelve years, "
        "walking the same transects at the same hour each morning.",
        "They recorded nests, chicks and adults separately, and compared their counts with "
        "photographs taken from a boat offshore on the same days.",
    ),
    "What they found": (
        "The number of nesting pairs fell in most years, with the steepest drops after the "
        "warm summers that the station recorded on the cliffs.",
        "“The birds are arriving on time, but the food is not there when they need it,” said "
        "Hanna Voss, who led the survey for the station.",
    ),
    "What comes next": (
        "The station plans to tag forty birds next spring to follow where they feed, and to "
        "repeat the boat photographs twice a season.",
        "Results from the first tagged birds are expected in the autumn, and the full count "
        "will be published as an open data set.",
    ),
}
MAGAZINE = (
    "<!doctype html><html><head><title>Seabirds | Field Notes Magazine</title>"
    '<meta property="og:title" content="Counting seabirds on the north cliffs"></head><body>'
    "<header><nav><a href='/'>Field Notes</a> <a href='/birds'>Birds</a></nav></header>"
    "<div class='wrapper'><h1>Counting seabirds on the north cliffs</h1>"
    + "".join(
        f"<article class='story-part'><h2>{heading}</h2>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        + "</article>"
        for heading, paragraphs in _SECTIONS.items()
    )
    + "</div><div class='newsletter'><p>Sign up for our weekly newsletter and get the best "
    "stories in your inbox every Friday morning.</p></div><footer>Field Notes</footer>"
    "</body></html>"
)


def _read(page: str) -> Document:
    return read_bytes(page.encode(), path="page.html", format="html")


def _kinds(document: Document) -> list[tuple[str, str]]:
    return [(block.kind.value, document.text[block.start : block.end]) for block in document.blocks]


def test_page_clutter_is_left_out_and_the_article_kept() -> None:
    document = _read(NEWS)
    for clutter in ("Subscribe", "cookies", "Most read", "bakery", "outrageous", "rights"):
        assert clutter not in document.text
    for kept in ("Fares on the island", "Islanders object", "A council spokesman"):
        assert kept in document.text


def test_blocks_keep_their_kinds() -> None:
    kinds = _kinds(_read(NEWS))
    assert ("heading", "Islanders object") in kinds
    assert ("cell", "6.50 euros") in kinds
    assert ("caption", "New fares from April") in kinds
    assert ("note", "Fare table published by the operator, 14 March 2023.") in kinds
    assert any(kind == "caption" and "Photo: Piet Ober" in text for kind, text in kinds)


def test_cells_and_captions_give_no_prose_findings_but_their_markers_count() -> None:
    analysis = scan_text(NEWS, "html")
    cells = [f for f in analysis.findings if f.code in ("SL301", "SL401") and f.line >= 30]
    assert cells == []
    assert all("euros" not in quantity.text for quantity in analysis.quantities[3:])
    assert [quote.speaker.name if quote.speaker else None for quote in analysis.quotes] == [
        "Marta Kessel",
        "Marta Kessel",
    ]  # the caption's words are not a quotation of a place
    assert [c.reference for c in analysis.citations] == ["r1"]  # the cell's marker cites fn1
    assert "SL102" not in codes(analysis)


def test_wiki_chrome_is_left_out_and_the_table_marker_cites_its_entry() -> None:
    document = _read(WIKI)
    for chrome in ("Retrieved from", "Categories", "edit", "Random article", "Altmark"):
        assert chrome not in document.text
    kinds = _kinds(document)
    assert ("heading", "History") in kinds and ("heading", "Traffic") in kinds
    assert ("cell", "181,000[2]") in kinds
    analysis = scan_text(WIKI, "html")
    assert sorted(c.reference or "" for c in analysis.citations) == ["r1", "r2"]
    assert "SL102" not in codes(analysis)


def test_the_wiki_date_is_its_last_modified_date() -> None:
    document = _read(WIKI)
    assert (document.date, document.date_source) == ("2024-03-03", "wiki-modified")
    assert (document.title, document.title_source) == ("Kessel Harbour", "h1")


def test_a_dated_past_event_is_history_and_a_dated_level_is_stale() -> None:
    analysis = scan_text(WIKI, "html")
    stale = [f for f in analysis.findings if f.code == "SL303"]
    assert [f.message.split("'")[1] for f in stale] == ["480 registered boats"]


def test_every_section_of_an_article_split_in_several_article_elements_is_read() -> None:
    document = _read(MAGAZINE)
    for heading, paragraphs in _SECTIONS.items():
        assert heading in document.text
        for paragraph in paragraphs:
            assert paragraph in document.text
    assert "newsletter" not in document.text
    assert document.title == "Counting seabirds on the north cliffs"


def test_metadata_dates_in_order_of_trust() -> None:
    document = _read(NEWS)
    assert (document.date, document.date_source) == ("2023-03-14", "json-ld:datePublished")
    meta = NEWS.replace(
        "<head>", '<head><meta property="article:published_time" content="2023-03-13">'
    )
    assert _read(meta).date_source == "meta:article:published_time"


def test_a_dateline_dates_a_page_without_metadata() -> None:
    page = (
        "<html><head><title>Council backs harbour plan</title></head><body><article>"
        "<h1>Council backs harbour plan</h1>"
        "<p>KESSEL, Feb. 23, 2015 -- The town council backed the harbour plan on Monday after "
        "a debate that lasted most of the evening.</p>"
        "<p>The plan moves the ferry terminal to the north quay and adds a second slipway for "
        "the fishing fleet, which has waited for one for years.</p></article></body></html>"
    )
    document = _read(page)
    assert (document.date, document.date_source) == ("2015-02-23", "dateline")


def test_a_page_without_a_date_has_none_and_no_stale_figures() -> None:
    page = (
        "<html><head><title>Cows</title></head><body><article><h1>Dairy herds</h1>"
        "<p>The region had 48,000 dairy cows in 2022, the farmers' union says in its report "
        "on the dairy sector and the herds of the north.</p></article></body></html>"
    )
    analysis = scan_text(page, "html")
    assert analysis.date is None and analysis.date_source is None
    assert "SL303" not in codes(analysis)


def test_the_title_is_never_a_caption() -> None:
    page = (
        "<html><head><title>Pier reopens | Gazette</title></head><body><article>"
        "<figure><img src='a.jpg'><figcaption><h1>Photo of the week</h1></figcaption></figure>"
        "<p>The pier reopened on Saturday after repairs that took most of the winter and cost "
        "the town more than it had planned.</p></article></body></html>"
    )
    document = _read(page)
    assert (document.title, document.title_source) == ("Pier reopens", "title-tag")


def _paragraphs(*paragraphs: str) -> Document:
    return read_text("\n\n".join(paragraphs), path="page.txt")


_PROSE = (
    "The survey team walked the same transects at the same hour each morning, counting "
    "nests, chicks and adults on the northern cliffs for the station's records, number {}."
)


def test_a_lost_run_of_article_paragraphs_is_reported_with_its_share() -> None:
    page = _paragraphs(*(_PROSE.format(index) for index in range(8)))
    (problem,) = dropped_problems(page, [0, 1])
    assert problem.code == "SL913"
    assert "words of running text (75% of the page's)" in problem.message


def test_scattered_comments_and_teasers_left_out_are_not_reported() -> None:
    scattered = []
    for index in range(6):
        scattered += ["harbourfan", "2 days ago", _PROSE.format(index)]
    page = _paragraphs(_PROSE.format(99), _PROSE.format(98), *scattered)
    assert dropped_problems(page, [0, 1]) == ()


def test_dropped_text_is_an_info_finding_with_a_location() -> None:
    page = NEWS.replace(
        "</body>",
        "<aside class='sidebar'><p>Budget figures rose by 4%<sup>3</sup> in the year "
        "before the vote on the harbour plan.</p></aside></body>",
    )
    analysis = scan_text(page, "html")
    (finding,) = [f for f in analysis.findings if f.code == "SL913"]
    assert finding.severity.value == "info"
    assert "citation markers" in finding.message
    assert finding.line > 40
    assert BlockKind.CAPTION in {block.kind for block in _read(page).blocks}


def _dated_page(head: str, byline: str, title: str = "Bay train stabbing") -> str:
    return (
        f"<html><head><title>{title} - The Bay Courier</title>{head}</head><body>"
        "<header><a href='/'><h1>The Bay Courier</h1></a><nav><a href='/news'>News</a></nav>"
        f"</header><article><h1>{title}</h1><p class='byline'>{byline}</p>"
        "<p>A man was stabbed to death on a train under the bay late on Tuesday, and the line "
        "was closed for several hours while officers searched the carriages.</p>"
        "<p>The transit police said a suspect was arrested at the next station and that the "
        "trains were running again before the morning rush.</p></article></body></html>"
    )


def test_a_printed_date_a_day_off_the_utc_metadata_is_the_local_day() -> None:
    meta = '<meta property="article:published_time" content="2019-11-20T05:57:50Z">'
    document = _read(_dated_page(meta, "By Ann Lee | Updated 10:01 pm PST, November 19, 2019"))
    assert (document.date, document.date_source) == ("2019-11-19", "byline")


def test_metadata_wins_over_a_printed_date_far_from_it() -> None:
    meta = '<meta property="article:published_time" content="2019-11-20T08:00:00Z">'
    document = _read(_dated_page(meta, "By Ann Lee | Updated 3 December 2019"))
    assert (document.date, document.date_source) == ("2019-11-20", "meta:article:published_time")


def test_a_page_without_metadata_is_dated_by_its_byline_and_placeholders_are_ignored() -> None:
    placeholder = (
        '<script type="application/ld+json">{"datePublished": "0001-01-01T00:00:00Z"}</script>'
    )
    document = _read(_dated_page(placeholder, "Von Ann Lee, publiziert am 25. September 2018"))
    assert (document.date, document.date_source) == ("2018-09-25", "byline")


def test_the_title_skips_a_logo_heading_and_keeps_dashes_inside_the_headline() -> None:
    title = "Trains stop — and riders wait - again"
    document = _read(_dated_page("", "By Ann Lee", title=title))
    assert (document.title, document.title_source) == (title, "h1")
    no_h1 = _dated_page("", "By Ann Lee").replace("<h1>Bay train stabbing</h1>", "")
    assert _read(no_h1).title == "Bay train stabbing"  # <title> less the site's name
