"""HTML: the article's main text, with the structure evidence needs.

Parsing is lxml's. Boilerplate (navigation, menus, cookie banners, share bars, scripts,
hidden elements) is dropped; the article is chosen by its markup (article, main, known
content containers) or by where the paragraphs are. Kept: superscript and footnote-link
markers (rendered as `[n]` in the text so digits never glue onto words), reference lists
and footnote sections (also when they sit outside the article), blockquotes, links, and
the publication date from meta tags, JSON-LD or `<time>`.

Every character of the text maps back to the source: the source is tokenised once into a
stream of decoded text (entities resolved, tags, comments and scripts skipped) that keeps
each character's source offset, and every lxml text node is found in that stream in order.
"""

from __future__ import annotations

import html as html_lib
import itertools
import re
from array import array
from dataclasses import replace
from datetime import date

import lxml.etree
import lxml.html

from sourcelint.dates import parse_date, unusable_date, unusable_date_message
from sourcelint.document import BlockKind, Document, OffsetMap, Problem
from sourcelint.extract.patterns import EXPONENT_BEFORE
from sourcelint.readers import main_text
from sourcelint.readers.builder import TextBuilder, find_aligned, select_blocks

_TOKENS = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?(?:</\1\s*>|\Z)"
    r"|<[!?/]?[A-Za-z](?:[^>\"']|\"[^\"]*\"|'[^']*')*>?"
    r"|&(?:#\d{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)",
    re.DOTALL | re.IGNORECASE,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

_DROP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "canvas",
        "iframe",
        "object",
        "embed",
        "button",
        "input",
        "select",
        "textarea",
        "option",
        "nav",
        "menu",
        "dialog",
        "link",
        "meta",
        "head",
    ]
)
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_BOILERPLATE = re.compile(
    r"(?:^|[-_])(?:nav|navbar|navigation|menu|breadcrumbs?|cookies?|consent|gdpr|share|sharing|"
    r"social|related|recommended|newsletter|subscribe|subscription|promo|advert|ads|ad|"
    r"sponsored|sidebar|comments?|skip|masthead|toolbar|popup|modal|banner|paywall|"
    r"mw-editsection|mw-jump-link|navbox|toc)(?:[-_]|$)",
    re.IGNORECASE,
)
_BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "dialog"})
_NOTE_CLASSES = frozenset(
    [
        "references",
        "footnotes",
        "endnotes",
        "reflist",
        "refbegin",
        "wp-block-footnotes",
        "footnote-list",
        "bibliography",
        "citations",
    ]
)
_CHROME = frozenset(
    [
        "mw-editsection",
        "mw-jump-link",
        "navbox",
        "vertical-navbox",
        "catlinks",
        "printfooter",
        "mw-navigation",
        "mw-indicators",
        "sr-only",
        "visually-hidden",
        "screen-reader-text",
        "skip-link",
    ]
)
_NOTE_IDS = frozenset({"footnotes", "references", "endnotes", "notes", "bibliography"})
_NOTE_ROLES = frozenset({"doc-endnotes", "doc-bibliography", "doc-footnote"})
_CONTENT_HINTS = (
    "//*[@itemprop='articleBody']",
    "//*[@id='mw-content-text']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' post-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' article-body ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' story-body ')]",
)
_BACKLINK = re.compile(r"^#(?:cite_ref|fnref|footnote-ref|backref)", re.IGNORECASE)
_NOTE_HREF = re.compile(r"^#(?:cite_note|fn|footnote|note|endnote|ref|en)[-_:]?", re.IGNORECASE)
_MARKER_LABEL = re.compile(
    r"^\[?\s*(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*|[a-z]{1,2}|[*†‡]{1,3}|(?:note|nb|n|fn)\.?\s*\d{1,3})\s*\]?$",
    re.IGNORECASE,
)
_BACK_ARROWS = frozenset({"↩", "↩︎", "↑", "^", "⤴", "⬆", "back"})
_ARROW_CHARACTERS = "↩↑⤴⬆"
_LINK_TEXT_MAX = 12
_SEARCH_SPAN = 200_000
_PARSER_DEPTH_LIMIT = 2_000  # how far from the cursor a text node is looked for
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "article:modified_time",
    "og:updated_time",
    "datepublished",
    "date",
    "pubdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "citation_publication_date",
    "sailthru.date",
    "parsely-pub-date",
)
_JSON_LD_DATE = re.compile(r'"(datePublished|dateCreated|dateModified)"\s*:\s*"([^"]+)"')
_SITE_NAME_WORDS = 4
_TITLE_OVERLAP = 0.6
_TITLE_SEPARATOR = re.compile(r"\s+[|–—·•:]\s+|\s+-\s+")
_OTHER_STORIES = re.compile(r"related|recommend|more-|popular|most-|comment|teaser|promo|card")
_BYLINE = re.compile(r"byline|meta|header|dateline|timestamp|published|date")
_HEADING_TAG = re.compile(r"h([1-6])")
_CAPTION_CLASS = re.compile(r"caption|credit", re.IGNORECASE)
_UNSAFE_URL = re.compile(r"\s*(?:javascript|data|vbscript):", re.IGNORECASE)


def decoded_stream(source: str) -> tuple[str, array[int]]:
    """The source's text content (entities decoded, markup and scripts left out), with the
    source offset of each of its characters."""
    chars: list[str] = []
    positions: array[int] = array("q")
    position = 0

    def keep(start: int, end: int) -> None:
        chars.append(source[start:end])
        positions.extend(range(start, end))

    for match in _TOKENS.finditer(source):
        if match.start() > position:
            keep(position, match.start())
        token = match.group(0)
        if token.startswith("&"):
            decoded = html_lib.unescape(token)
            chars.append(decoded)
            positions.extend([match.start()] * len(decoded))
        position = match.end()
    if position < len(source):
        keep(position, len(source))
    return "".join(chars), positions


def _classes(element: lxml.html.HtmlElement) -> list[str]:
    return (element.get("class") or "").split()


def _is_notes_container(element: lxml.html.HtmlElement) -> bool:
    return (
        any(name.lower() in _NOTE_CLASSES for name in _classes(element))
        or (element.get("id") or "").lower() in _NOTE_IDS
        or (element.get("role") or "").lower() in _NOTE_ROLES
    )


def _is_hidden(element: lxml.html.HtmlElement) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("hidden") is not None
        or (element.get("aria-hidden") or "").lower() == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


def _is_boilerplate(element: lxml.html.HtmlElement) -> bool:
    if (element.get("role") or "").lower() in _BOILERPLATE_ROLES:
        return True
    names = [*_classes(element), element.get("id") or ""]
    return any(_BOILERPLATE.search(name) for name in names if name)


def _is_chrome(element: lxml.html.HtmlElement) -> bool:
    """Page furniture no reader takes for the article whatever the layout: wiki edit links,
    navigation boxes, category bars, screen-reader-only text."""
    names = [*_classes(element), element.get("id") or ""]
    return any(name.lower() in _CHROME for name in names if name)


def _text_length(element: lxml.html.HtmlElement) -> int:
    return len(" ".join(element.itertext()).split())


def _choose_root(body: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    articles = body.xpath("//article")
    if articles:
        return max(articles, key=_text_length)
    for query in ("//main", "//*[@role='main']", *_CONTENT_HINTS):
        found = body.xpath(query)
        if found:
            return max(found, key=_text_length)
    scores: dict[lxml.html.HtmlElement, int] = {}
    for paragraph in body.iter("p"):
        parent = paragraph.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + len(paragraph.text_content())
    if scores:
        best = max(scores, key=lambda element: scores[element])
        if scores[best] >= 200:
            return best
    return body


def _remove(element: lxml.html.HtmlElement) -> None:
    """Remove an element but keep its tail text in the tree."""
    element.drop_tree()


def _clean(
    root: lxml.html.HtmlElement, protected: set[lxml.html.HtmlElement], *, boilerplate: bool
) -> None:
    keep = set(protected) | {ancestor for item in protected for ancestor in item.iterancestors()}
    doomed = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            doomed.append(element)
            continue
        tag = element.tag.lower()
        backlink = (
            (tag == "a" and _BACKLINK.match(element.get("href") or ""))
            or (tag == "a" and (element.get("role") or "") == "doc-backlink")
            or "mw-cite-backlink" in _classes(element)
            or "footnote-back" in _classes(element)
        )
        chrome = element not in keep and (
            _is_chrome(element) or (boilerplate and _is_boilerplate(element))
        )
        if tag in _DROP_TAGS or _is_hidden(element) or chrome or backlink:
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            _remove(element)


def _list_number(value: str | None, default: int) -> int:
    """An <ol start> or <li value>: ASCII digits only, else the default."""
    text = (value or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 7 else default


def _ordinal_label(item: lxml.html.HtmlElement, ordinal: int) -> str:
    """How a list prints an item's number: 1, or a for lettered lists (type="a", or a
    list-style-type on the list or the block around it, as wikis style note groups)."""
    styles = []
    for element in (item.getparent(), *list(item.iterancestors())[1:3]):
        if element is not None:
            styles.append((element.get("type") or "") + " " + (element.get("style") or "").lower())
    lettered = any(
        style.startswith("a ") or "lower-alpha" in style or "lower-latin" in style
        for style in styles
    )
    if lettered and 0 < ordinal <= 26:
        return "abcdefghijklmnopqrstuvwxyz"[ordinal - 1]
    return str(ordinal)


def _document_order(roots: list[lxml.html.HtmlElement]) -> dict[lxml.html.HtmlElement, int]:
    order: dict[lxml.html.HtmlElement, int] = {}
    for root in roots:
        for element in root.iter():
            if isinstance(element.tag, str):
                order[element] = len(order)
    return order


def _block_ancestor(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    current = element
    while current is not None and current.tag not in _BLOCK_TAGS:
        current = current.getparent()
    return current if current is not None else element


def _is_marker_element(element: lxml.html.HtmlElement) -> bool:
    """A footnote marker or its wrapper: a link or superscript with a short label."""
    if element.tag not in ("a", "sup", "span"):
        return False
    return _MARKER_LABEL.match(" ".join(element.text_content().split())) is not None


def _looks_like_noteref(link: lxml.html.HtmlElement, text: str, href: str) -> bool:
    """A footnote reference, not "Figure <a href="#fig2">2</a>": superscript, bracketed, or
    marked as a note by its role, class, id or target."""
    parent = link.getparent()
    marks = " ".join((link.get(name) or "") for name in ("class", "id", "role", "rel")).lower()
    return (
        (parent is not None and parent.tag == "sup")
        or bool(link.xpath(".//sup"))
        or text.startswith("[")
        or _NOTE_HREF.match(href) is not None
        or any(word in marks for word in ("foot", "note", "fn", "cite", "ref"))
    )


def footnote_structure(
    roots: list[lxml.html.HtmlElement],
) -> tuple[dict[lxml.html.HtmlElement, str], set[lxml.html.HtmlElement]]:
    """Notes and back-links found by how footnotes link, whatever their class names.

    A short in-page link (a number, a letter, `[4]`) that points forward is a marker and its
    target is a note (the target's block, when the target is inline, as Substack's numbered
    anchors are); one that points back to an earlier element is a back-link, and so is an
    arrow. Returns the note blocks with their anchor ids, and the back-links.
    """
    order = _document_order(roots)
    ids: dict[str, lxml.html.HtmlElement] = {}
    for element in order:
        identifier = element.get("id")
        if identifier:
            ids.setdefault(identifier, element)
    notes: dict[lxml.html.HtmlElement, str] = {}
    backlinks: set[lxml.html.HtmlElement] = set()
    for link in order:
        href = link.get("href") if link.tag == "a" else None
        if not href or not href.startswith("#") or len(href) < 2:
            continue
        text = " ".join(link.text_content().split())
        target = ids.get(href[1:])
        label_like = _MARKER_LABEL.match(text) is not None
        arrow = text in _BACK_ARROWS or text[:1] in _ARROW_CHARACTERS  # "↩", GitHub's "↩2"
        if arrow or (
            target is not None
            and order[target] < order[link]
            and label_like
            and _is_marker_element(target)
        ):
            backlinks.add(link)  # back to the marker; "Figure 1" back to a figure stays
        elif target is not None and label_like and _looks_like_noteref(link, text, href):
            notes.setdefault(_block_ancestor(target), href[1:])
    return notes, backlinks


def _normalised_title(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _overlaps(found: str, wanted: str) -> bool:
    """Whether a heading and a declared title are one headline, one holding the other with
    little added (a kicker, "Column:"); a site's name inside the title is too short to count."""
    shorter, longer = sorted((found, wanted), key=len)
    return shorter in longer and len(shorter) >= _TITLE_OVERLAP * len(longer)


def _strip_site_name(title: str) -> str:
    """ "Headline | Site", "Headline - Site" or "Site | Headline" without the site's name: a
    part of at most four words at either end, cut at the separator next to it, when what is
    left is longer. Separators inside the headline ("Here — And") stay."""
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    last, first = separators[-1], separators[0]
    head, tail = title[: last.start()], title[last.end() :]
    if len(tail.split()) <= _SITE_NAME_WORDS and len(head.split()) >= len(tail.split()):
        return head.strip()
    head, tail = title[: first.start()], title[first.end() :]
    if len(head.split()) <= _SITE_NAME_WORDS and len(tail.split()) > len(head.split()):
        return tail.strip()
    return title


def _title(tree: lxml.html.HtmlElement) -> tuple[str | None, str | None]:
    """The headline and where it came from, in this order: the `<h1>` that agrees with the
    page's declared title (og:title, else <title>), or an `<h2>` that is that title; the first
    `<h1>` outside the page's header, navigation and asides that is not a link (a logo's link
    home); og:title; then <title>; both without the site's name. A heading inside a figure
    or caption is never the title."""
    headings: dict[str, list[tuple[str, bool]]] = {"h1": [], "h2": []}
    for heading in tree.iter("h1", "h2"):
        ancestors = {a.tag for a in heading.iterancestors() if isinstance(a.tag, str)}
        if ancestors & {"figure", "figcaption", "caption"}:
            continue
        text = " ".join(heading.text_content().split())
        if text:
            in_body = not ancestors & {"header", "nav", "aside", "footer", "a"} and not any(
                " ".join(link.text_content().split()) == text for link in heading.iter("a")
            )
            headings[str(heading.tag)].append((text, in_body))
    og = tree.xpath("//meta[@property='og:title' or @name='og:title']/@content")
    og_title = _strip_site_name(" ".join(str(og[0]).split())) if og else ""
    title_tags = tree.xpath("//title")
    page_title = " ".join(title_tags[0].text_content().split()) if title_tags else ""
    page_title = _strip_site_name(page_title)
    for tag in ("h1", "h2"):
        for declared in (og_title, page_title):
            wanted = _normalised_title(declared)
            for heading, _ in headings[tag]:
                found = _normalised_title(heading)
                if not (found and wanted):
                    continue
                # an <h2> must be the declared title itself: a recipe card's "Pear Jam" is
                # not the headline of "Pear Jam Recipe"
                if found == wanted or (tag == "h1" and _overlaps(found, wanted)):
                    return heading, tag
    for heading, in_body in headings["h1"]:
        if in_body:
            return heading, "h1"
    if og_title:
        return og_title, "og:title"
    if page_title:
        return page_title, "title-tag"
    return None, None


def _json_ld_dates(tree: lxml.html.HtmlElement) -> dict[str, str]:
    dates: dict[str, str] = {}
    for script in tree.xpath("//script[@type='application/ld+json']"):
        for key, value in _JSON_LD_DATE.findall(script.text or ""):
            dates.setdefault(key, value)
    return dates


def _unusable_metadata_date(tree: lxml.html.HtmlElement, source: str) -> tuple[Problem, ...]:
    """SL914 for the first metadata date that names no usable date ("0001-01-01"), when the
    page has no usable date at all."""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = meta.get("content") or ""
        if key in _DATE_META and (shown := unusable_date(value)) is not None:
            message = unusable_date_message(f"the page's metadata '{key}'", shown)
            return (Problem("SL914", message, source_offset=max(source.find(value), 0)),)
    for key, value in _json_ld_dates(tree).items():
        if (shown := unusable_date(value)) is not None:
            message = unusable_date_message(f"the page's JSON-LD '{key}'", shown)
            return (Problem("SL914", message, source_offset=max(source.find(value), 0)),)
    return ()


def _metadata_date(tree: lxml.html.HtmlElement, wiki: bool) -> tuple[str | None, str | None]:
    """The page's own date from its metadata and where it came from, in this order of trust:
    the published date in meta tags, the modified date there, JSON-LD datePublished and
    dateModified, `itemprop` dates, then a `<time datetime>` in a header. A wiki page, which
    has no publication date, gives its last-modified date."""
    if wiki and (modified := _wiki_modified(tree)):
        return modified, "wiki-modified"
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key and meta.get("content"):
            metas.setdefault(key, meta.get("content") or "")
    for key in _DATE_META:
        if key in metas and (found := parse_date(metas[key])):
            return found, f"meta:{key}"
    json_ld = _json_ld_dates(tree)
    for key in ("datePublished", "dateCreated", "dateModified"):
        if key in json_ld and (found := parse_date(json_ld[key])):
            return found, f"json-ld:{key}"
    for prop in ("datePublished", "dateModified"):
        for element in tree.xpath(f"//*[@itemprop='{prop}']"):
            value = element.get("datetime") or element.get("content") or element.text_content()
            if found := parse_date(value or ""):
                return found, f"itemprop:{prop}"
    for time_element in tree.iter("time"):
        value = time_element.get("datetime")
        if value and (found := parse_date(value)) and _in_header(time_element):
            return found, "time"
    return None, None


def _printed_date(
    metadata: str | None, source: str | None, printed: tuple[str | None, str | None]
) -> tuple[str | None, str | None]:
    """The page's date, given its metadata (or dateline) date and the dates printed by the
    headline. The metadata is trusted first, but a printed date a day off is the same moment
    in the time zone the page prints (a UTC timestamp at 02:24 is 9:24 pm the evening before
    in New York), and a page without metadata is dated by what it prints (its update date when
    that is all)."""
    published, updated = printed
    shown = published or updated
    if shown is None:
        return metadata, source
    if metadata is None:
        return shown, "byline"
    if shown != metadata:
        gap = abs((date.fromisoformat(shown) - date.fromisoformat(metadata)).days)
        if gap <= 1:
            return shown, "byline"
    return metadata, source


def _in_header(element: lxml.html.HtmlElement) -> bool:
    """Whether an element sits in the article's header area rather than in a list of other
    stories or comments: near a byline, a header or the headline."""
    for ancestor in element.iterancestors():
        tag = ancestor.tag if isinstance(ancestor.tag, str) else ""
        names = " ".join([*_classes(ancestor), ancestor.get("id") or ""]).lower()
        if tag in ("li", "aside", "footer", "nav") or _OTHER_STORIES.search(names):
            return False
        if tag in ("header", "article") or _BYLINE.search(names):
            return True
    return True


def _wiki_modified(tree: lxml.html.HtmlElement) -> str | None:
    json_ld = _json_ld_dates(tree)
    if "dateModified" in json_ld and (found := parse_date(json_ld["dateModified"])):
        return found
    for element in tree.xpath("//*[@id='footer-info-lastmod']"):
        if found := parse_date(element.text_content()):
            return found
    return None


def _is_wiki(tree: lxml.html.HtmlElement) -> bool:
    generator = " ".join(tree.xpath("//meta[@name='generator']/@content")).lower()
    return "mediawiki" in generator or bool(tree.xpath("//*[@id='mw-content-text']"))


class _HtmlWalker:
    def __init__(self, source: str, notes: dict[lxml.html.HtmlElement, str] | None = None) -> None:
        self.source = source
        self.notes = notes or {}
        self.note_targets = set(self.notes.values())
        self.decoded, self.positions = decoded_stream(source)
        self.cursor = 0
        self.builder = TextBuilder()
        self.ids = itertools.count(1)
        self.recent = ""
        self.q_depth = 0  # nesting of <q>: odd levels print double marks, even single

    def _source_offsets(self, text: str) -> list[int]:
        """Where each character of a text node is in the source, found in the decoded stream
        near the walk's cursor: ahead of it, else behind it (lxml may reorder a misnested
        node), else character by character. White space (folded anyway) never moves it."""
        last = len(self.positions) - 1
        if last < 0:
            return [0] * len(text)
        if not text.strip():
            return [self.positions[min(self.cursor, last)]] * len(text)
        found = self.decoded.find(text, self.cursor, self.cursor + _SEARCH_SPAN)
        if found < 0:
            found = self.decoded.find(text, max(0, self.cursor - _SEARCH_SPAN), self.cursor)
        if found >= 0:
            self.cursor = found + len(text)
            return list(self.positions[found : found + len(text)])
        aligned = find_aligned(self.decoded, text, self.cursor)
        self.cursor = aligned[-1] + 1
        return [self.positions[min(index, last)] for index in aligned]

    def _emit(self, text: str | None, element: lxml.html.HtmlElement) -> None:
        if not text:
            return
        self.builder.emit(text, self._source_offsets(text))
        self.recent = (self.recent + text)[-12:]

    def _marker(self, element: lxml.html.HtmlElement, tag: str) -> tuple[str, str | None] | None:
        text = " ".join(element.text_content().split())
        match = _MARKER_LABEL.match(text)
        if not match:
            return None
        label = match.group(1)
        href = element.get("href") if tag == "a" else None
        if href is None:
            anchors = element.xpath(".//a[@href]")
            href = anchors[0].get("href") if anchors else None
        target = href[1:] if href and href.startswith("#") and len(href) > 1 else None
        if tag == "a":
            if target is None:
                return None
            noteref = (
                target in self.note_targets
                or (element.get("role") or "") == "doc-noteref"
                or any("footnote" in name or "noteref" in name for name in _classes(element))
                or _NOTE_HREF.match(href or "") is not None
                or bool(element.xpath(".//sup"))
            )
            return (label, target) if noteref else None
        if target is None:
            if label.isalpha():
                return None
            if label[0] in "0123456789" and EXPONENT_BEFORE.search(self.recent):
                return None
        return label, target

    def walk(self, roots: list[lxml.html.HtmlElement], notes: set[lxml.html.HtmlElement]) -> None:
        for root in roots:
            self._walk(root, notes)

    def _walk(self, root: lxml.html.HtmlElement, notes: set[lxml.html.HtmlElement]) -> None:
        builder = self.builder
        walker = lxml.etree.iterwalk(root, events=("start", "end"))
        links: dict[lxml.html.HtmlElement, int] = {}
        code_starts: dict[lxml.html.HtmlElement, int] = {}
        skipped: set[lxml.html.HtmlElement] = set()
        notes_depth = 0
        list_state: list[tuple[int, int]] = []
        for event, element in walker:
            if not isinstance(element.tag, str):
                continue
            tag = element.tag.lower()
            offset = self.cursor_source()
            if event == "start":
                if element in notes:
                    notes_depth += 1
                    builder.open_block(offset, notes=True, group=next(self.ids))
                if tag in ("sup", "a") and (marker := self._marker(element, tag)):
                    label, target = marker
                    start = builder.position
                    visible = " ".join(element.text_content().split())
                    offsets = self._source_offsets(visible)
                    if visible.startswith("["):
                        builder.emit(visible, offsets)
                    else:
                        builder.emit_synthetic("[", offsets[0])
                        builder.emit(visible, offsets)
                        builder.emit_synthetic("]", offsets[-1])
                    self.recent = "]"
                    builder.add_marker(start, label, target)
                    skipped.add(element)
                    walker.skip_subtree()
                    continue
                self._open(element, tag, notes_depth > 0, list_state, offset)
                href = element.get("href") if tag == "a" else None
                if href and not href.startswith("#") and not _UNSAFE_URL.match(href):
                    links[element] = builder.position
                if tag == "pre":
                    builder.preformatted += 1
                if tag in ("code", "kbd", "samp", "pre"):
                    code_starts[element] = builder.position
                if tag == "br":
                    builder.line_break(offset)
                if tag == "q":  # browsers print the marks of <q>; the text needs them too
                    self.q_depth += 1
                    builder.emit_synthetic("“" if self.q_depth % 2 else "‘", offset)
                self._emit(element.text, element)
            else:
                if element not in skipped:
                    if element in links:
                        builder.add_link(links.pop(element), element.get("href") or "")
                    if tag == "pre":
                        builder.preformatted -= 1
                    if element in code_starts:
                        builder.add_code(code_starts.pop(element))
                    if tag == "q":
                        builder.emit_synthetic("”" if self.q_depth % 2 else "’", offset)
                        self.q_depth -= 1
                    self._close(element, tag, list_state, offset)
                    if element in notes:
                        notes_depth -= 1
                        builder.close_block(offset)
                if element is not root:
                    self._emit(element.tail, element)

    def cursor_source(self) -> int:
        """The source offset the walk has reached."""
        if self.cursor < len(self.positions):
            return self.positions[self.cursor]
        return len(self.source)

    def _open(
        self,
        element: lxml.html.HtmlElement,
        tag: str,
        in_notes: bool,
        list_state: list[tuple[int, int]],
        offset: int,
    ) -> None:
        builder = self.builder
        if tag in ("ol", "ul"):
            start = _list_number(element.get("start"), 1)
            list_state.append((next(self.ids), start if tag == "ol" else 0))
            builder.open_block(offset, group=list_state[-1][0])
        elif tag == "li":
            group, ordinal = list_state[-1] if list_state else (0, 0)
            ordinal = _list_number(element.get("value"), ordinal)
            if list_state:
                list_state[-1] = (group, ordinal + 1 if ordinal else 0)
            note = in_notes or element in self.notes  # a note by container, or by its links
            builder.open_block(
                offset,
                kind=BlockKind.NOTE if note else BlockKind.LIST_ITEM,
                item=next(self.ids),
                group=group,
                ordinal=ordinal or None,
                label=_ordinal_label(element, ordinal) if note and ordinal else None,
                anchor=self.notes.get(element) or element.get("id"),
                notes=note,
            )
        elif element in self.notes or (in_notes and tag in ("p", "div") and element.get("id")):
            builder.open_block(
                offset,
                kind=BlockKind.NOTE,
                item=next(self.ids),
                anchor=self.notes.get(element) or element.get("id"),
                notes=True,
            )
        elif heading := _HEADING_TAG.fullmatch(tag):
            builder.open_block(offset, kind=BlockKind.HEADING, level=int(heading.group(1)))
        elif tag == "blockquote":
            builder.open_block(offset, quote=True)
        elif tag == "table":
            builder.open_block(offset, group=next(self.ids))
        elif tag == "tr":
            builder.open_block(offset, row=next(self.ids))
        elif tag in ("td", "th"):
            builder.open_block(offset, kind=BlockKind.CELL)
        elif tag in ("figcaption", "caption") or (
            tag in ("p", "div") and any(_CAPTION_CLASS.search(name) for name in _classes(element))
        ):
            builder.open_block(offset, kind=BlockKind.CAPTION)
        elif tag == "pre":
            builder.open_block(offset, kind=BlockKind.PREFORMATTED)
        elif tag in _BLOCK_TAGS:
            builder.open_block(offset)

    def _close(
        self,
        element: lxml.html.HtmlElement,
        tag: str,
        list_state: list[tuple[int, int]],
        offset: int,
    ) -> None:
        if tag in ("ol", "ul") and list_state:
            list_state.pop()
        if tag in _BLOCK_TAGS or tag == "pre":
            self.builder.close_block(offset)


def _empty_document(source: str, path: str, problems: tuple[Problem, ...]) -> Document:
    return Document(
        path=path, format="html", text="", source=source, offsets=OffsetMap(), problems=problems
    )


def _depth_problems(tree: lxml.html.HtmlElement, source: str) -> tuple[Problem, ...]:
    """SL910 when the page nests deeper than the parser follows (libxml2 stops near 2,048
    levels and drops what lies deeper, so the text may be incomplete)."""
    depth = deepest = 0
    deepest_element = tree
    for event, element in lxml.etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > deepest:
            deepest, deepest_element = depth, element
    if deepest < _PARSER_DEPTH_LIMIT:
        return ()
    line = deepest_element.sourceline or 1
    offset = sum(len(text) + 1 for text in source.split("\n", line - 1)[: line - 1])
    return (
        Problem(
            "SL910",
            f"markup is nested {deepest:,} levels deep; the HTML parser stops near "
            f"{_PARSER_DEPTH_LIMIT:,}, so text deeper than that was not read",
            source_offset=offset,
        ),
    )


def _notes_containers(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    found = [
        element
        for element in tree.iter()
        if isinstance(element.tag, str) and _is_notes_container(element)
    ]
    found_set = set(found)
    return [
        element
        for element in found
        if not any(ancestor in found_set for ancestor in element.iterancestors())
    ]


def _outside(element: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> bool:
    return element is not root and root not in set(element.iterancestors())


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _parse(markup: str) -> lxml.html.HtmlElement | None:
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        return lxml.html.document_fromstring(markup, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None


def _read_tree(tree: lxml.html.HtmlElement, source: str, *, whole_page: bool) -> Document:
    """Walk the page into a Document. With `whole_page`, everything a reader could see is
    read (only scripts, hidden elements, navigation and wiki chrome dropped) for the main-text
    choice to select from; otherwise the article is chosen by markup and boilerplate classes
    are dropped too (the fallback when no main text is found)."""
    body = tree.find("body")
    if body is None:
        body = tree
    notes = _notes_containers(body)
    root = body if whole_page else _choose_root(body)
    linked_notes, _ = footnote_structure([body])
    extra = [container for container in notes if _outside(container, root)]
    extra += [
        block
        for block in linked_notes
        if _outside(block, root)
        and not any(block is c or c in block.iterancestors() for c in extra)
    ]
    protected = set(notes) | set(linked_notes)
    for container in [root, *extra]:
        _clean(container, protected, boilerplate=not whole_page)
    roots = [root, *[container for container in extra if container.getparent() is not None]]
    note_blocks, backlinks = footnote_structure(roots)
    for backlink in backlinks:
        if backlink.getparent() is not None:
            _remove(backlink)
    notes = [container for container in notes if container.getparent() is not None]
    walker = _HtmlWalker(source, note_blocks)
    walker.walk(roots, set(notes))
    return walker.builder.document(
        path="", format="html", source=source, title=None, date=None, problems=()
    )


def read_fragment(markup: str) -> Document:
    """A piece of HTML inside another format (a raw HTML block in Markdown) read as the whole
    of a page: every visible block with its kind, links and markers; offsets into `markup`."""
    cleaned = _CONTROL_CHARACTERS.sub(" ", markup)
    tree = _parse(f"<html><body>{cleaned}</body></html>") if cleaned.strip() else None
    if tree is None:
        return _empty_document(markup, "", ())
    return _read_tree(tree, markup, whole_page=True)


def read_html(source: str, *, path: str, problems: tuple[Problem, ...] = ()) -> Document:
    """Read HTML (already decoded, newlines normalised): the article's text, structure, title
    and date."""
    markup = _XML_DECLARATION.sub("", source, count=1)
    # lxml refuses control characters (a form feed copied from a PDF) in text it moves: a
    # space in their place keeps every offset
    markup = _CONTROL_CHARACTERS.sub(" ", markup)
    if not markup.strip():
        return _empty_document(source, path, problems)
    tree = _parse(markup)
    if tree is None:
        return _empty_document(source, path, problems)
    problems = (*problems, *_depth_problems(tree, source))
    title, title_source = _title(tree)
    published, date_source = _metadata_date(tree, _is_wiki(tree))
    page = _read_tree(tree, source, whole_page=True)
    chosen = main_text.choose_blocks(page, markup, title=title)
    if chosen is None:  # no main text found: choose by markup alone
        fallback = _parse(markup)
        document = page if fallback is None else _read_tree(fallback, source, whole_page=False)
        dropped: tuple[Problem, ...] = ()
    else:
        document = select_blocks(page, chosen)
        dropped = main_text.dropped_problems(page, chosen)
    if published is None and (found := main_text.dateline(document)):
        published, date_source = found, "dateline"
    if chosen is not None and date_source != "wiki-modified":
        published, date_source = _printed_date(
            published, date_source, main_text.printed_dates(page, chosen, title=title)
        )
    if published is None:
        problems = (*problems, *_unusable_metadata_date(tree, source))
    return replace(
        document,
        path=path,
        title=title,
        title_source=title_source,
        date=published,
        date_source=date_source,
        problems=(*problems, *dropped),
    )
