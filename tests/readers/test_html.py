from __future__ import annotations

import pytest

from sourcelint.document import BlockKind
from sourcelint.readers import read_bytes

PAGE = """<!doctype html>
<html><head><title>Bridge | Example Courier</title>
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
<script>var fake = "Exports rose.[9]";</script></head>
<body>
<nav class="site-nav"><a href="/">Home</a> <a href="/news">News [7]</a></nav>
<div class="cookie-banner">We use cookies [8].</div>
<article>
<h1>Bridge reopens</h1>
<p>The bridge carries 40,000 vehicles a day.<sup id="cite_ref-4" class="reference"><a href="#cite_note-4">&#91;4&#93;</a></sup>
Its deck is 120 m<sup>2</sup> and tolls rose<a href="#fn1" class="footnote-ref" role="doc-noteref"><sup>1</sup></a>.</p>
<blockquote><p>&ldquo;It is open,&rdquo; the mayor said.</p></blockquote>
<p>Read <a href="https://example.org/report">the report</a> or <a href="javascript:alert(1)">this</a>.</p>
<aside class="share-tools">Share this [6]</aside>
</article>
<ol class="references"><li id="cite_note-4"><span class="mw-cite-backlink"><a href="#cite_ref-4">^</a></span>
<span class="reference-text">Harbour Board (2023). "Annual report". https://example.org/ar</span></li></ol>
<section class="footnotes" role="doc-endnotes"><ol><li id="fn1"><p>Toll schedule, 2024.
<a href="#fnref1" class="footnote-back">&#8617;</a></p></li></ol></section>
<footer>Copyright [5]</footer>
</body></html>
"""


def test_boilerplate_scripts_and_navigation_are_left_out() -> None:
    document = read_bytes(PAGE.encode(), path="a.html")
    for noise in ("[9]", "[7]", "[8]", "[6]", "[5]", "Home", "cookies", "Copyright"):
        assert noise not in document.text


def test_title_and_date_come_from_the_article_and_meta() -> None:
    document = read_bytes(PAGE.encode(), path="a.html")
    assert document.title == "Bridge reopens"
    assert document.date == "2024-05-02"


def test_superscript_and_footnote_links_are_markers_with_targets() -> None:
    document = read_bytes(PAGE.encode(), path="a.html")
    hints = [(document.text[h.start : h.end], h.label, h.target) for h in document.marker_hints]
    assert hints == [("[4]", "4", "cite_note-4"), ("[1]", "1", "fn1")]


def test_marker_points_at_the_entity_in_the_source() -> None:
    document = read_bytes(PAGE.encode(), path="a.html")
    first = document.marker_hints[0]
    line, col = document.locate(first.start)
    assert PAGE.split("\n")[line - 1][col - 1 :].startswith("&#91;4&#93;")


def test_an_exponent_is_not_a_marker_and_never_glues_a_bracket() -> None:
    document = read_bytes(PAGE.encode(), path="a.html")
    assert "120 m2" in document.text


def test_reference_lists_outside_the_article_are_kept_as_notes_without_backlinks() -> None:
    document = read_bytes(PAGE.encode(), path="a.html")
    notes = [block for block in document.blocks if block.kind is BlockKind.NOTE]
    assert [note.anchor for note in notes] == ["cite_note-4", "fn1"]
    assert "^" not in document.text
    assert "\u21a9" not in document.text


def test_links_keep_targets_and_script_urls_are_dropped() -> None:
    document = read_bytes(PAGE.encode(), path="a.html")
    assert [link.url for link in document.links] == ["https://example.org/report"]


def test_blockquote_is_marked_as_a_quote() -> None:
    document = read_bytes(PAGE.encode(), path="a.html")
    quoted = [document.text[b.start : b.end] for b in document.blocks if b.quote]
    assert quoted == ["\u201cIt is open,\u201d the mayor said."]


def _nested(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + "<p>Deep text.[1]</p>" + "</div>" * depth).encode()


def test_deeply_nested_markup_is_read() -> None:
    assert "Deep text.[1]" in read_bytes(_nested(1000), path="deep.html").text


def test_markup_deeper_than_the_parser_goes_is_reported_not_dropped_silently() -> None:
    # libxml2 stops at about 2,048 levels: what lies deeper is not read, and SL910 says so.
    document = read_bytes(_nested(5000), path="deeper.html")
    assert document.text == ""
    assert [problem.code for problem in document.problems] == ["SL910"]


def test_entities_a_page_declares_are_never_expanded_or_fetched() -> None:
    laughs = "".join(f'<!ENTITY l{level} "{f"&l{level - 1};" * 10}">' for level in range(1, 9))
    page = (
        f'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY l0 "lol">{laughs}'
        '<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        "<html><body><p>Dues rose by &l8; 4% &secret; this year.</p></body></html>"
    )
    document = read_bytes(page.encode(), path="laughs.html")
    assert len(document.text) < 200
    assert "lol" not in document.text
    assert "root:" not in document.text


def test_page_of_only_scripts_has_no_text() -> None:
    document = read_bytes(
        b"<html><body><script>document.write('[1]')</script></body></html>", path="s.html"
    )
    assert document.text == ""


def test_declared_legacy_charset_is_honoured() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 prices rose.</p></body></html>'
    document = read_bytes(page.encode("cp1252"), path="c.html")
    assert "Café prices rose." in document.text
    assert document.problems == ()


SUBSTACK_STYLE = """<html><body><div class="post"><div class="body markup">
<p>Rents rose 9% last year.<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a> See <a href="#part-2">part 2</a>.</p>
<div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number">1</a>
<div class="footnote-content"><p>City housing survey, 2024.</p></div></div>
</div></div></body></html>"""


def test_footnotes_are_found_by_how_they_link_whatever_their_classes() -> None:
    document = read_bytes(SUBSTACK_STYLE.encode(), path="s.html")
    assert [(h.label, h.target) for h in document.marker_hints] == [("1", "footnote-1")]
    notes = [block for block in document.blocks if block.kind is BlockKind.NOTE]
    assert [(note.anchor, document.text[note.start : note.end]) for note in notes] == [
        ("footnote-1", "City housing survey, 2024.")
    ]
    assert "part 2" in document.text  # an internal link with words is not a marker


def test_note_group_labels_like_note_1_are_markers() -> None:
    page = (
        '<html><body><article><p>It shut.<sup><a href="#cite_note-n1">[note 1]</a></sup></p>'
        '<ol class="references"><li id="cite_note-n1">Closed for repairs, per the council.</li></ol>'
        "</article></body></html>"
    )
    document = read_bytes(page.encode(), path="n.html")
    assert [(h.label, h.target) for h in document.marker_hints] == [("note 1", "cite_note-n1")]


def test_a_marker_with_white_space_inside_points_at_its_bracket() -> None:
    page = "<html><body><article>\n<p>Rates rose.\nIn October.<sup>[1,\n 2]</sup> Done.</p></article></body></html>"
    document = read_bytes(page.encode(), path="w.html")
    (hint,) = document.marker_hints
    assert document.locate(hint.start) == (3, 17)  # the "[" after "In October.<sup>"


def test_figure_links_are_not_notes_and_backward_word_links_stay() -> None:
    page = (
        '<html><body><article><h2 id="methods">Methods</h2><p>As described in <a href="#methods">Methods</a>, '
        'yields rose (see Figure <a href="#fig2">2</a>).[1]</p><figure id="fig2"><figcaption>Yields by year.'
        "</figcaption></figure><h2>References</h2><ol><li>Smith, J. Soils. 2019.</li></ol></article></body></html>"
    )
    document = read_bytes(page.encode(), path="f.html")
    assert "As described in Methods, yields rose (see Figure 2).[1]" in document.text
    assert document.marker_hints == ()
    assert not [block for block in document.blocks if block.kind is BlockKind.NOTE]


@pytest.mark.parametrize("exponent", ["R<sup>2</sup> = 0.81", "mc<sup>2</sup>", "4 km<sup>2</sup>"])
def test_exponents_in_superscript_are_not_markers(exponent: str) -> None:
    document = read_bytes(
        f"<html><body><p>We found {exponent} here.</p></body></html>".encode(), path="e.html"
    )
    assert document.marker_hints == ()


@pytest.mark.parametrize("charset", ["rot13", "base64", "utf-16"])
def test_a_declared_charset_that_is_no_text_encoding_is_ignored(charset: str) -> None:
    page = (
        f'<html><head><meta charset="{charset}"></head><body><p>Plain words here.</p></body></html>'
    )
    assert "Plain words here." in read_bytes(page.encode(), path="c.html").text


def test_python_markdown_footnotes_in_a_plain_list_are_notes() -> None:
    page = (
        '<html><body><p>Rose.<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>'
        '<div class="footnote"><hr><ol><li id="fn:1"><p>Ministry bulletin, 2024.&#160;'
        '<a class="footnote-backref" href="#fnref:1">&#8617;</a></p></li></ol></div></body></html>'
    )
    document = read_bytes(page.encode(), path="p.html")
    notes = [block for block in document.blocks if block.kind is BlockKind.NOTE]
    assert [(note.anchor, document.text[note.start : note.end]) for note in notes] == [
        ("fn:1", "Ministry bulletin, 2024.")
    ]


def test_a_second_backlink_with_a_number_is_dropped() -> None:
    page = (
        '<html><body><article><p>A.<sup><a href="#fn-1" id="fnref-1">1</a></sup> B.<sup><a href="#fn-1" id="fnref-1-2">1</a></sup></p>'
        '<section class="footnotes"><ol><li id="fn-1"><p>Survey, 2024. <a href="#fnref-1">↩</a> '
        '<a href="#fnref-1-2">↩<sup>2</sup></a></p></li></ol></section></article></body></html>'
    )
    document = read_bytes(page.encode(), path="g.html")
    assert "Survey, 2024." in document.text
    assert "↩" not in document.text
    assert "[2]" not in document.text


def test_citeproc_links_to_the_bibliography_are_kept() -> None:
    page = '<html><body><p>Yields fell (<a href="#ref-smith2019">Smith 2019</a>).</p></body></html>'
    assert "Yields fell (Smith 2019)." in read_bytes(page.encode(), path="c.html").text
