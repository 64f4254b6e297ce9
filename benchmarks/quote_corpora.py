"""Gold direct quotations and speakers from two licensed corpora, as plain texts with spans.

The corpora are read from the shared data folder and never copied into the repository:

- GUM news (24 Wikinews articles): ``xml/`` token-per-line markup, ``rst_rs4/`` eRST trees,
  ``coref_tsv/`` WebAnno TSV 3.2 coreference; the three share one tokenization (checked).
- LitBank quotations (100 fiction excerpts): ``tsv/*_brat.txt`` one tokenized sentence per
  line and ``tsv/*_brat.ann`` QUOTE and ATTRIB rows.

Each document becomes a `GoldDocument`: a detokenized text, its date (GUM ``dateCreated``) and
its gold quotes. A gold quote's span covers the words inside the quotation marks, without the
marks; its speaker is a name (or None). For GUM, `mentions` are the character spans of every
coreference mention of the speaker's entity and `aliases` its other proper-noun names.

Detokenization (`join_tokens`): no space before closing punctuation (``, . ; : ? ! ) ]``),
clitics (``n't 's 're 've 'll 'd 'm``) or a closing quotation mark; none after an opening
bracket, ``$`` or an opening mark. Paragraphs are separated by a blank line, sentences within
one by a space. GUM: ``<p>``, ``<head>``, ``<caption>`` and ``<item>`` are paragraphs; tokens
of a ``<w>`` (a word written without spaces, e.g. a hyphenated compound) are joined; a mark
opens when its PTB tag is ````` and closes when it is ``''``. LitBank has no paragraph markup:
a line (sentence) starts a new paragraph when no quotation in the document's main marks
(double, unless single marks open more often) is open, it does not start in lower case (a
sentence split such as "cried she."), and it starts with an opening mark or a dialogue dash or
the line before ended with a closing mark (a turn of dialogue). Curly marks say open or close
by their shape, straight ones by alternation, and a QUOTE row's own boundary marks fix their
role. LitBank gold is every QUOTE row with its ATTRIB speaker (``Mrs_Bennet-7`` -> "Mrs
Bennet"), the row's boundary marks (or a leading dialogue dash) left out of the span.

GUM gold: which quotations are direct quotations, and who said them
-------------------------------------------------------------------
GUM's ``<quote>`` markup is incomplete (some articles quote people at length inside marks that
no ``<quote>`` encloses), so the candidates are the quotation-mark pairs of the text: marks
pair by their PTB tags, double and single separately, a pair never crosses a paragraph (a mark
left open closes at the paragraph's end) and a pair nested in another is part of it. A
multi-sentence quotation that GUM splits into one ``<quote>`` per sentence is thus one
candidate. Each candidate is decided by the first rule that applies:

1. Inside a ``<q>`` element (GUM's markup for mentioned terms, titles and scare quotes):
   not gold.
2. A ``<quote>`` with no quotation mark at all (pull quotes and block quotes, which plain text
   does not mark): not gold.
3. Inside the source clause of an attribution (a title named by the source, as in: X says on
   "Site Title"): not gold.
4. Attributed: from each EDU (eRST segment) holding the quoted words, walk up the tree by
   parent links; at each node look for a satellite attached to it by ``attribution-positive``
   or ``attribution-negative``, skipping satellites that overlap the quoted words (their own
   "I think") and photo credits (a satellite right after "Image :"). The lowest one found is
   the attribution: gold.
5. Continuation: the previous candidate is gold, lies in the same or the next paragraph of
   running text (captions in between are skipped), and only its attribution clause (with what
   hangs from it), punctuation, conjunctions and adverbs stand between them: gold, with the
   previous candidate's speaker (the second half of "X," she said, "Y", or a next paragraph).
6. A clause: at least `MIN_CLAUSE_WORDS` words with a finite verb, though the eRST layer marks
   no attribution (quotations introduced by "stated ,", "described X as", a colon): gold, the
   speaker being the person or organization subject of its sentence before the quote, else of
   the sentence before.
7. Otherwise (a term, a name or a title in marks, without attribution): not gold.

`GUM_EXCEPTIONS` overrides the outcome for named candidates (three, each with its reason); see
docs/quote-gold-check.md for the hand check of every ``<quote>`` and every candidate.

The speaker of an attribution: the satellite's ``attribution_source`` signal gives the source
tokens (e.g. "he" in "he said ."); the coreference mention overlapping them most (then the
shortest) is the source, or, when that is no person or organization ("Cornyn 's statement"),
a person or organization before its head noun; without a signal, the satellite's first person
or organization mention. Its entity is closed over identity links (``coref``, ``ana``,
``cata``, ``appos``; not bridging or predication). The name is the entity's ``identity``
(``Creswell_Eastman`` -> "Creswell Eastman", percent-escapes and a bracketed disambiguation
removed); else, for a person or organization, its longest mention made only of proper nouns,
else the proper-noun run heading its earliest mention that has one; else None (a letter, a
report, "the authors").
"""

from __future__ import annotations

import argparse
import html
import re
import textwrap
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "quotes"
GUM = DATA / "gum-news"
LITBANK = DATA / "litbank-quotations"

OPENING_MARKS = frozenset({"“", "‘", "``", "«"})
CLOSING_MARKS = frozenset({"”", "’", "''", "»"})
STRAIGHT_MARKS = frozenset({'"', "'"})
QUOTE_MARKS = OPENING_MARKS | CLOSING_MARKS | STRAIGHT_MARKS
DIALOGUE_DASHES = frozenset({"—", "--", "―"})
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "...", "…"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#"})
_CLITIC = re.compile(r"^(?:n['’`]t|['’](?:s|re|ve|ll|d|m|t))$", re.IGNORECASE)
_PUNCT_RUN = re.compile(r"^[.,;:?!]+$")
_IDENTITY_RELATIONS = frozenset({"coref", "ana", "cata", "appos"})
_BLOCKS = frozenset({"p", "head", "caption", "item"})


@dataclass(frozen=True, slots=True)
class GumException:
    """An override of the automatic rule for one candidate: gold or not, why, and whether
    the derived speaker is to be dropped (a wrong coreference link in the source data)."""

    gold: bool
    why: str
    no_speaker: bool = False


_INGRAM_LINK = (
    "GUM's coreference puts the anonymous blogger/poster in Matthew Ingram's entity; "
    "the text gives the poster no name"
)
# Candidate id (document@token index of its opening mark) -> override.
GUM_EXCEPTIONS: dict[str, GumException] = {
    # The caption's credit is "Anonymous blogger, <post title>"; the attribution_source signal
    # marks a word of the title, whose entity is the Anonymous movement.
    "GUM_news_hackers@298": GumException(
        True, "source signal on the post title; the blogger is unnamed", no_speaker=True
    ),
    "GUM_news_hackers@355": GumException(True, _INGRAM_LINK, no_speaker=True),
    "GUM_news_hackers@403": GumException(True, _INGRAM_LINK, no_speaker=True),
}


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """A gold direct quotation: `start`/`end` span the words inside the marks in the text.

    `speaker` is the speaker's name; GUM adds `mentions` (character spans of every mention of
    the speaker's entity), `speaker_mention` (the source words the name was derived from) and
    `aliases` (other names the document gives the speaker).
    """

    id: str
    start: int
    end: int
    speaker: str | None
    mentions: tuple[tuple[int, int], ...] = ()
    speaker_mention: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One document of a corpus: its text, its date and its gold quotes."""

    corpus: str
    name: str
    text: str
    date: str | None
    quotes: tuple[GoldQuote, ...]


@dataclass(frozen=True, slots=True)
class Token:
    """A token to detokenize: `glue_left` means no space before it, `glue_right` none after."""

    text: str
    glue_left: bool = False
    glue_right: bool = False
    paragraph_start: bool = False


def default_glue(text: str) -> tuple[bool, bool]:
    """Whether a token, by its text alone, takes no space before it and none after it."""
    left = text in _NO_SPACE_BEFORE or bool(_CLITIC.match(text) or _PUNCT_RUN.match(text))
    right = text in _NO_SPACE_AFTER or text in OPENING_MARKS
    if text in CLOSING_MARKS:
        left = True
    return left, right


def join_tokens(tokens: Sequence[Token]) -> tuple[str, list[tuple[int, int]]]:
    """Detokenize: the text and each token's character span in it.

    A token with `paragraph_start` (other than the first) is preceded by a blank line.
    """
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    previous: Token | None = None
    for token in tokens:
        if previous is not None:
            if token.paragraph_start:
                separator = "\n\n"
            elif previous.glue_right or token.glue_left:
                separator = ""
            else:
                separator = " "
            parts.append(separator)
            position += len(separator)
        parts.append(token.text)
        spans.append((position, position + len(token.text)))
        position += len(token.text)
        previous = token
    return "".join(parts), spans


def entity_name(identifier: str) -> str:
    """A readable name from an entity id: ``Mrs__Hall-6`` -> "Mrs Hall",
    ``Creswell_Eastman`` -> "Creswell Eastman"."""
    name = re.sub(r"-\d+$", "", identifier)
    return " ".join(name.replace("_", " ").split())


# --------------------------------------------------------------------------------------------
# GUM


@dataclass(slots=True)
class GumToken:
    """One GUM token with what the converter needs from the XML."""

    text: str
    xpos: str
    upos: str
    deprel: str
    sentence: int
    paragraph: int
    block: str
    word: int | None = None  # index of its <w> group: tokens of one group are written joined


@dataclass(slots=True)
class Segment:
    """A node of the eRST tree: an EDU (with its token range) or a group."""

    id: str
    parent: str | None
    relname: str
    first: int = -1  # token range of an EDU, 0-based, end exclusive
    last: int = -1


@dataclass(slots=True)
class Mention:
    """A coreference mention: its id, entity type, identity and token range (end exclusive)."""

    id: str
    kind: str
    identity: str | None
    first: int
    last: int


@dataclass(slots=True)
class GumParse:
    """Everything read for one GUM document; token indexes are shared by the three layers."""

    name: str
    date: str | None
    tokens: list[GumToken]
    quotes: list[tuple[int, int]]  # <quote> elements
    q_elements: list[tuple[int, int]]  # <q> elements
    segments: dict[str, Segment]
    signals: dict[str, list[int]]  # attribution_source tokens by satellite id
    mentions: dict[str, Mention]
    clusters: dict[str, str]  # mention id -> entity (representative mention id)
    children: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class Candidate:
    """A quotation-mark pair (or an unmarked ``<quote>``) and the converter's decision on it.

    `first`/`last` include the marks, `inner_first`/`inner_last` do not; `elements` are the
    ``<quote>`` elements it overlaps. `kind` is "quote" (overlaps a ``<quote>``), "extra" (marks
    that GUM did not enclose in ``<quote>`` nor ``<q>``), "q" (inside a ``<q>``) or "unmarked"
    (a ``<quote>`` without any mark).
    """

    id: str
    kind: str
    first: int
    last: int
    inner_first: int
    inner_last: int
    elements: tuple[int, ...]
    gold: bool = False
    reason: str = ""
    attribution: str | None = None
    steps: int = 0
    speaker: str | None = None
    speaker_mention: str | None = None
    entity: frozenset[str] = frozenset()
    aliases: tuple[str, ...] = ()


def _parse_gum_xml(
    path: Path,
) -> tuple[str | None, list[GumToken], list[tuple[int, int]], list[tuple[int, int]]]:
    """Tokens, ``<quote>`` and ``<q>`` token ranges and ``dateCreated`` of a GUM XML file."""
    tokens: list[GumToken] = []
    quotes: list[tuple[int, int]] = []
    q_elements: list[tuple[int, int]] = []
    opened: dict[str, list[int]] = {"quote": [], "q": []}
    date: str | None = None
    sentence = paragraph = -1
    block = "p"
    new_block = True
    word: int | None = None
    words = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("<") and line.endswith(">") and "\t" not in line:
            found = re.match(r"<(/?)([a-zA-Z]+)", line)
            closing, name = (found.group(1) == "/", found.group(2)) if found else (False, "")
            if name == "text" and not closing:
                created = re.search(r'dateCreated="([^"]*)"', line)
                date = created.group(1) if created else None
            elif name in _BLOCKS:
                new_block = True
                if not closing:
                    block = name
            elif name == "s" and not closing:
                sentence += 1
            elif name in opened:
                if closing:
                    target = quotes if name == "quote" else q_elements
                    target.append((opened[name].pop(), len(tokens)))
                else:
                    opened[name].append(len(tokens))
            elif name == "w":
                word = None if closing else words
                words += 0 if closing else 1
            continue
        columns = line.split("\t")
        if new_block:
            paragraph += 1
            new_block = False
        tokens.append(
            GumToken(
                text=html.unescape(columns[0]),
                xpos=columns[1],
                upos=columns[4],
                deprel=columns[5],
                sentence=sentence,
                paragraph=paragraph,
                block=block,
                word=word,
            )
        )
    return date, tokens, sorted(quotes), sorted(q_elements)


def _parse_rs4(path: Path) -> tuple[dict[str, Segment], dict[str, list[int]], int]:
    """eRST nodes with EDU token ranges, attribution_source signal tokens (0-based) per
    source node, and the number of tokens."""
    body = ElementTree.parse(path).getroot().find("body")
    if body is None:
        raise ValueError(f"{path}: no <body>")
    segments: dict[str, Segment] = {}
    position = 0
    for element in sorted(body.iter("segment"), key=lambda e: int(e.get("id", "0"))):
        count = len((element.text or "").split())
        node = element.get("id", "")
        segments[node] = Segment(
            node, element.get("parent"), element.get("relname", ""), position, position + count
        )
        position += count
    for element in body.iter("group"):
        node = element.get("id", "")
        segments[node] = Segment(node, element.get("parent"), element.get("relname", ""))
    signals: dict[str, list[int]] = {}
    for element in body.iter("signal"):
        if element.get("subtype") == "attribution_source" and element.get("tokens"):
            numbers = [int(n) - 1 for n in element.get("tokens", "").split(",") if n]
            signals.setdefault(element.get("source", ""), []).extend(numbers)
    return segments, signals, position


def _parse_coref(path: Path) -> tuple[dict[str, Mention], dict[str, str], int]:
    """Mentions by id, each mention's entity (closed over identity links), token count."""
    mentions: dict[str, Mention] = {}
    links: list[tuple[str, str]] = []
    index = -1
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        columns = line.split("\t")
        index += 1
        if columns[3] == "_":
            continue
        identities = {}
        for value in columns[6].split("|"):
            found = re.match(r"(.*)\[(\d+)\]$", value)
            if found:
                identities[found.group(2)] = found.group(1)
        for value in columns[3].split("|"):
            found = re.match(r"(.*)\[(\d+)\]$", value)
            if not found:
                continue
            kind, number = found.groups()
            if number in mentions:
                mentions[number].last = index + 1
            else:
                mentions[number] = Mention(number, kind, identities.get(number), index, index + 1)
        for relation, target in zip(columns[8].split("|"), columns[9].split("|"), strict=False):
            found = re.search(r"\[(\d+)_(\d+)\]", target)
            if found and relation in _IDENTITY_RELATIONS:
                links.append((found.group(1), found.group(2)))
    parent = {number: number for number in mentions}

    def find(number: str) -> str:
        while parent[number] != number:
            parent[number] = parent[parent[number]]
            number = parent[number]
        return number

    for one, other in links:
        if one in parent and other in parent:
            parent[find(one)] = find(other)
    return mentions, {number: find(number) for number in mentions}, index + 1


def parse_gum(name: str, root: Path = GUM) -> GumParse:
    """Read the three layers of one GUM document and check that their tokens align."""
    date, tokens, quotes, q_elements = _parse_gum_xml(root / "xml" / f"{name}.xml")
    segments, signals, rst_count = _parse_rs4(root / "rst_rs4" / f"{name}.rs4")
    mentions, clusters, tsv_count = _parse_coref(root / "coref_tsv" / f"{name}.tsv")
    if not rst_count == tsv_count == len(tokens):
        raise ValueError(f"{name}: {len(tokens)} XML, {rst_count} RST, {tsv_count} TSV tokens")
    parse = GumParse(name, date, tokens, quotes, q_elements, segments, signals, mentions, clusters)
    for segment in segments.values():
        if segment.parent is not None:
            parse.children.setdefault(segment.parent, []).append(segment.id)
    return parse


def gum_names(root: Path = GUM) -> list[str]:
    """The GUM news document names, sorted."""
    return sorted(path.stem for path in (root / "xml").glob("GUM_news_*.xml"))


def _glued(parse: GumParse, index: int) -> tuple[bool, bool]:
    """No space before / after token `index`: PTB tags decide marks, ``<w>`` joins tokens."""
    token = parse.tokens[index]
    left, right = default_glue(token.text)
    if token.xpos == "``":
        left, right = False, True
    elif token.xpos == "''":
        left, right = True, False
    if index and token.word is not None and parse.tokens[index - 1].word == token.word:
        left = True
    return left, right


def _gum_tokens(parse: GumParse) -> list[Token]:
    """Detokenizer input for a GUM document."""
    result: list[Token] = []
    for index, token in enumerate(parse.tokens):
        left, right = _glued(parse, index)
        new = index > 0 and token.paragraph != parse.tokens[index - 1].paragraph
        result.append(Token(token.text, left, right, paragraph_start=new))
    return result


def _mark_regions(parse: GumParse) -> list[tuple[int, int]]:
    """Top-level quotation-mark pairs as token ranges including the marks.

    Double and single marks pair separately (PTB ````` opens, ``''`` closes). A pair never
    crosses a paragraph: a mark left open at the end of a paragraph closes there (a quotation
    running over paragraphs reopens its mark in the next). Pairs nested in another are dropped.
    """
    regions: list[tuple[int, int]] = []
    for marks in (('"', "“", "”"), ("'", "‘", "’", "`")):
        start: int | None = None
        for index, token in enumerate(parse.tokens):
            if start is not None and token.paragraph != parse.tokens[start].paragraph:
                end = index
                while parse.tokens[end - 1].paragraph != parse.tokens[start].paragraph:
                    end -= 1
                regions.append((start, end))
                start = None
            if token.text not in marks or token.xpos not in {"``", "''"}:
                continue
            if token.xpos == "``":
                if start is not None:
                    regions.append((start, index))
                start = index
            elif start is not None:
                regions.append((start, index + 1))
                start = None
        if start is not None:
            regions.append((start, len(parse.tokens)))
    regions.sort(key=lambda r: (r[0], -r[1]))
    top: list[tuple[int, int]] = []
    for region in regions:
        if top and region[0] < top[-1][1]:
            continue
        top.append(region)
    return top


def _node_tokens(parse: GumParse, node: str) -> tuple[int, int]:
    """Token range covered by a node of the tree (an EDU, or every EDU below a group)."""
    segment = parse.segments[node]
    if segment.first >= 0:
        return segment.first, segment.last
    ranges = [_node_tokens(parse, child) for child in parse.children.get(node, [])]
    return min(r[0] for r in ranges), max(r[1] for r in ranges)


def _subtree(parse: GumParse, node: str) -> set[int]:
    """Tokens of a node and of everything attached below it."""
    tokens = set(range(*_node_tokens(parse, node)))
    for child in parse.children.get(node, []):
        tokens |= _subtree(parse, child)
    return tokens


def _is_credit(parse: GumParse, satellite: str) -> bool:
    """Whether a satellite is a photo credit ("Image : NAME")."""
    start, _ = _node_tokens(parse, satellite)
    return [t.text for t in parse.tokens[max(0, start - 2) : start]] == ["Image", ":"]


def _attribution_for(parse: GumParse, first: int, last: int) -> tuple[str | None, int]:
    """The lowest attribution satellite governing tokens [first, last) and the steps up to it.

    Satellites overlapping [first, last) (the quoted words' own "I think"; pass the range
    without its marks, which a satellite may include) and photo credits are skipped.
    """
    best: tuple[int, str] | None = None
    for edu in parse.segments.values():
        if not (edu.first >= 0 and edu.first < last and edu.last > first):
            continue
        node: str | None = edu.id
        steps = 0
        while node is not None and (best is None or steps < best[0]):
            found = None
            for child in parse.children.get(node, []):
                if not parse.segments[child].relname.startswith("attribution"):
                    continue
                start, end = _node_tokens(parse, child)
                if (start < last and end > first) or _is_credit(parse, child):
                    continue
                found = child
                break
            if found is not None:
                best = (steps, found)
                break
            node = parse.segments[node].parent
            steps += 1
    return (best[1], best[0]) if best else (None, 0)


def _in_attribution_source(parse: GumParse, first: int, last: int) -> str | None:
    """The attribution satellite EDU that contains tokens [first, last), if any (a title
    named in the source, as in: X says on "Site Title")."""
    for segment in parse.segments.values():
        if (
            segment.relname.startswith("attribution")
            and segment.first >= 0
            and segment.first <= first
            and last <= segment.last
        ):
            return segment.id
    return None


def _head_end(parse: GumParse, mention: Mention) -> int:
    """Where a mention's post-modifiers begin: its first comma, bracket, preposition or verb
    after the first token (the head noun stands just before)."""
    for index in range(mention.first + 1, mention.last):
        token = parse.tokens[index]
        if token.text in {",", "("} or token.upos in {"ADP", "VERB"}:
            return index
    return mention.last


def _source_mention(parse: GumParse, satellite: str) -> tuple[Mention | None, tuple[int, ...]]:
    """The coreference mention of an attribution's source, and the source tokens.

    The source tokens are the satellite's attribution_source signal; the mention is the one
    overlapping them most (then the shortest). When that is not a person or organization
    (as "Cornyn 's statement"), a person or organization before its head noun is taken.
    Without a signal, the first person or organization mention in the satellite.
    """
    tokens = tuple(sorted(set(parse.signals.get(satellite, []))))
    if not tokens:
        start, end = _node_tokens(parse, satellite)
        for mention in sorted(parse.mentions.values(), key=lambda m: (m.first, -m.last)):
            if start <= mention.first and mention.last <= end and mention.kind in _SPEAKER_KINDS:
                return mention, tuple(range(mention.first, mention.last))
        return None, ()
    wanted = set(tokens)
    best: tuple[int, int, str] | None = None
    for mention in parse.mentions.values():
        overlap = len(wanted & set(range(mention.first, mention.last)))
        if overlap:
            key = (-overlap, mention.last - mention.first, mention.id)
            best = key if best is None or key < best else best
    if best is None:
        return None, tokens
    found = parse.mentions[best[2]]
    if found.kind not in _SPEAKER_KINDS:
        head = _head_end(parse, found)
        inside = [
            m
            for m in parse.mentions.values()
            if m.kind in _SPEAKER_KINDS and found.first <= m.first and m.last < head
        ]
        if inside:
            found = min(inside, key=lambda m: (m.first, -m.last))
    return found, tokens


_SPEAKER_KINDS = frozenset({"person", "organization"})


def _clean_identity(identity: str) -> str:
    """``John_Baird_%28Canadian_politician%29`` -> "John Baird"."""
    name = entity_name(urllib.parse.unquote(identity))
    return re.sub(r"\s*\([^)]*\)$", "", name)


_NAME_PARTS = frozenset({"compound", "flat", "nmod:desc", "flat:name", "flat:foreign"})


def _words(parse: GumParse, indexes: Sequence[int]) -> str:
    """Token texts written as in the text (tokens of a ``<w>`` joined)."""
    text = ""
    for position, index in enumerate(indexes):
        if position and not _glued(parse, index)[0] and not _glued(parse, indexes[position - 1])[1]:
            text += " "
        text += parse.tokens[index].text
    return text


def _name_in(parse: GumParse, mention: Mention) -> str | None:
    """The proper name heading a mention: the proper-noun run at its end (cut after a token
    that heads its own phrase, as "Council" in "Refugee Council Enver Solomon"), else the run
    ending at its head noun (before a comma, bracket, preposition or verb), else None."""
    indexes = list(range(mention.first, mention.last))

    def proper(index: int) -> bool:
        token = parse.tokens[index]
        return token.upos == "PROPN" or (token.text == "-" and token.word is not None)

    def run_ending(end: int) -> list[int]:
        run = [end]
        while run[0] - 1 >= mention.first and proper(run[0] - 1):
            if (
                parse.tokens[run[0] - 1].deprel not in _NAME_PARTS
                and parse.tokens[run[0] - 1].upos == "PROPN"
            ):
                break
            run.insert(0, run[0] - 1)
        return run

    if proper(indexes[-1]):
        return _words(parse, run_ending(indexes[-1]))
    head = _head_end(parse, mention) - 1
    return _words(parse, run_ending(head)) if proper(head) else None


def _entity_name(parse: GumParse, entity: str) -> str | None:
    """The entity's identity, else (for a person or organization) its longest mention made
    only of proper nouns, else the name heading its earliest mention that has one, else None."""
    members = sorted(
        (m for m in parse.mentions.values() if parse.clusters[m.id] == entity),
        key=lambda m: (m.first, m.last),
    )
    for mention in members:
        if mention.identity:
            return _clean_identity(mention.identity)
    if not any(m.kind in _SPEAKER_KINDS for m in members):
        return None  # a letter, a report, a statement: no name to give
    only_names = [
        m
        for m in members
        if all(
            parse.tokens[i].upos == "PROPN" or parse.tokens[i].upos == "PUNCT"
            for i in range(m.first, m.last)
        )
        and any(parse.tokens[i].upos == "PROPN" for i in range(m.first, m.last))
    ]
    if only_names:
        longest = max(only_names, key=lambda m: (m.last - m.first, -m.first))
        return _words(parse, range(longest.first, longest.last))
    for mention in members:
        name = _name_in(parse, mention)
        if name:
            return name
    return None


def _entity_aliases(parse: GumParse, entity: str, name: str) -> tuple[str, ...]:
    """Other names the document gives the entity: its mentions made only of proper nouns
    ("KCNA" beside the identity "Korean Central News Agency", a misspelt "Ms Bauchtman"
    beside "Lydia Buchtmann")."""
    aliases: list[str] = []
    for mention in sorted(
        (m for m in parse.mentions.values() if parse.clusters[m.id] == entity),
        key=lambda m: m.first,
    ):
        tokens = parse.tokens[mention.first : mention.last]
        if all(t.upos in {"PROPN", "PUNCT"} for t in tokens) and any(
            t.upos == "PROPN" for t in tokens
        ):
            alias = _words(parse, range(mention.first, mention.last))
            if alias != name and alias not in aliases:
                aliases.append(alias)
    return tuple(aliases)


def _inner(parse: GumParse, first: int, last: int) -> tuple[int, int]:
    """A region without its opening and closing marks."""
    if first < last and parse.tokens[first].xpos == "``":
        first += 1
    if last > first and parse.tokens[last - 1].xpos == "''":
        last -= 1
    return first, last


def gum_candidates(parse: GumParse) -> list[Candidate]:
    """Every quotation-mark pair and unmarked ``<quote>`` of a document, decided (see the
    module docstring for the rule) and with the derived speaker."""
    candidates: list[Candidate] = []
    regions = _mark_regions(parse)
    covered: set[int] = set()
    for first, last in regions:
        elements = tuple(i for i, (a, b) in enumerate(parse.quotes) if a < last and b > first)
        in_q = any(a <= first and last <= b for a, b in parse.q_elements)
        kind = "q" if in_q else ("quote" if elements else "extra")
        if in_q:
            elements = ()
        inner = _inner(parse, first, last)
        candidates.append(Candidate("", kind, first, last, *inner, elements))
        covered.update(elements)
    for index, (first, last) in enumerate(parse.quotes):
        if index not in covered:
            candidates.append(Candidate("", "unmarked", first, last, first, last, (index,)))
    candidates.sort(key=lambda c: c.first)
    for candidate in candidates:
        candidate.id = f"{parse.name}@{candidate.first}"
    previous: Candidate | None = None
    for candidate in candidates:
        _decide(parse, candidate, previous)
        override = GUM_EXCEPTIONS.get(candidate.id)
        if override is not None:
            candidate.gold = override.gold
            candidate.reason += f"; exception: {override.why}"
            if override.no_speaker:
                candidate.speaker, candidate.entity, candidate.aliases = None, frozenset(), ()
        if candidate.kind not in {"q", "unmarked"}:
            previous = candidate
    return candidates


def _decide(parse: GumParse, candidate: Candidate, previous: Candidate | None) -> None:
    """Apply the rule of the module docstring to one candidate."""
    if candidate.kind == "q":
        candidate.reason = "inside a <q> (GUM: a mention, title or scare quote)"
        return
    if candidate.kind == "unmarked":
        candidate.reason = "no quotation mark in the text (pull quote or block quote)"
        return
    source = _in_attribution_source(parse, candidate.first, candidate.last)
    if source is not None:
        candidate.reason = "inside an attribution's source clause (a title)"
        return
    satellite, steps = _attribution_for(parse, candidate.inner_first, candidate.inner_last)
    if satellite is not None:
        _attribute(parse, candidate, satellite, steps)
        candidate.gold, candidate.reason = True, "attributed"
    elif previous is not None and previous.gold and _continues(parse, previous, candidate):
        candidate.gold, candidate.reason = True, f"continues {previous.id}"
        candidate.attribution = previous.attribution
        candidate.speaker, candidate.entity = previous.speaker, previous.entity
        candidate.speaker_mention, candidate.aliases = previous.speaker_mention, previous.aliases
    elif _is_clause(parse, candidate):
        candidate.gold, candidate.reason = True, "unattributed clause"
        mention = _sentence_subject(parse, candidate.first)
        if mention is not None:
            candidate.speaker_mention = _words(parse, range(mention.first, mention.last))
            _set_speaker(parse, candidate, parse.clusters[mention.id])
    else:
        candidate.reason = "unattributed, not a clause (term, name or title)"


_FINITE = frozenset({"VVD", "VVZ", "VVP", "VBD", "VBZ", "VBP", "VHD", "VHZ", "VHP", "MD"})
MIN_CLAUSE_WORDS = 6


def _is_clause(parse: GumParse, candidate: Candidate) -> bool:
    """At least `MIN_CLAUSE_WORDS` words with a finite verb among them."""
    tokens = parse.tokens[candidate.inner_first : candidate.inner_last]
    words = [t for t in tokens if t.upos != "PUNCT"]
    return len(words) >= MIN_CLAUSE_WORDS and any(t.xpos in _FINITE for t in tokens)


def _sentence_subject(parse: GumParse, position: int) -> Mention | None:
    """The first person or organization mention holding a subject, before `position` in its
    sentence, else in the sentence before (same or previous paragraph)."""
    sentence = parse.tokens[position].sentence
    for wanted in (sentence, sentence - 1):
        indexes = [
            i
            for i in range(max(0, position - 400), position)
            if parse.tokens[i].sentence == wanted and parse.tokens[i].block != "caption"
        ]
        subjects = {i for i in indexes if parse.tokens[i].deprel.startswith("nsubj")}
        found = [
            m
            for m in parse.mentions.values()
            if m.kind in {"person", "organization"}
            and subjects & set(range(m.first, m.last))
            and m.first >= (indexes[0] if indexes else position)
            and m.last <= position
        ]
        if found:
            return min(found, key=lambda m: (m.first, m.last - m.first))
    return None


def _attribute(parse: GumParse, candidate: Candidate, satellite: str, steps: int) -> None:
    """Set the candidate's attribution and the speaker derived from it."""
    candidate.attribution, candidate.steps = satellite, steps
    mention, tokens = _source_mention(parse, satellite)
    candidate.speaker_mention = _words(parse, tokens) if tokens else None
    if mention is not None:
        _set_speaker(parse, candidate, parse.clusters[mention.id])


def _set_speaker(parse: GumParse, candidate: Candidate, entity: str) -> None:
    """The speaker's name, other names and mentions from its coreference entity."""
    candidate.speaker = _entity_name(parse, entity)
    candidate.entity = frozenset(m for m, e in parse.clusters.items() if e == entity)
    if candidate.speaker is not None:
        candidate.aliases = _entity_aliases(parse, entity, candidate.speaker)


def _continues(parse: GumParse, before: Candidate, after: Candidate) -> bool:
    """Whether `after` goes on with `before`'s speech: in the same or the next paragraph of
    running text, with only `before`'s attribution clause, punctuation, conjunctions, adverbs
    and figure captions between them."""
    allowed: set[int] = set()
    if before.attribution is not None:
        allowed = _subtree(parse, before.attribution)
    paragraphs = set()
    for index in range(before.last, after.first):
        token = parse.tokens[index]
        if token.block == "caption":
            continue
        paragraphs.add(token.paragraph)
        if index in allowed or token.upos in {"PUNCT", "CCONJ", "ADV"}:
            continue
        return False
    paragraphs.discard(parse.tokens[before.last - 1].paragraph)
    paragraphs.discard(parse.tokens[after.first].paragraph)
    return not paragraphs and (
        parse.tokens[after.first].paragraph - parse.tokens[before.last - 1].paragraph
        <= 1 + _captions_between(parse, before.last, after.first)
    )


def _captions_between(parse: GumParse, first: int, last: int) -> int:
    """How many caption paragraphs lie between two token positions."""
    return len({t.paragraph for t in parse.tokens[first:last] if t.block == "caption"})


def gum_document(name: str, root: Path = GUM) -> GoldDocument:
    """One GUM document as text, date and gold quotes (see the module docstring)."""
    parse = parse_gum(name, root)
    text, spans = join_tokens(_gum_tokens(parse))
    quotes: list[GoldQuote] = []
    for candidate in gum_candidates(parse):
        if not candidate.gold or candidate.inner_first >= candidate.inner_last:
            continue
        mentions = sorted(
            (spans[parse.mentions[m].first][0], spans[parse.mentions[m].last - 1][1])
            for m in candidate.entity
        )
        quotes.append(
            GoldQuote(
                id=candidate.id,
                start=spans[candidate.inner_first][0],
                end=spans[candidate.inner_last - 1][1],
                speaker=candidate.speaker,
                mentions=tuple(mentions),
                speaker_mention=candidate.speaker_mention,
                aliases=candidate.aliases,
            )
        )
    return GoldDocument("gum", name, text, parse.date, tuple(quotes))


def load_gum(root: Path = GUM, limit: int | None = None) -> list[GoldDocument]:
    """All (or the first `limit`) GUM news documents."""
    return [gum_document(name, root) for name in gum_names(root)[:limit]]


# --------------------------------------------------------------------------------------------
# LitBank


@dataclass(frozen=True, slots=True)
class LitbankQuote:
    """A QUOTE row with its ATTRIB speaker id: inclusive (sentence, token) boundaries."""

    id: str
    start: tuple[int, int]
    end: tuple[int, int]
    speaker_id: str | None


def litbank_names(root: Path = LITBANK) -> list[str]:
    """The LitBank work names (file stems without ``_brat``), sorted."""
    return sorted(path.name.removesuffix("_brat.txt") for path in (root / "tsv").glob("*.txt"))


def _litbank_rows(path: Path) -> list[LitbankQuote]:
    quotes: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {}
    speakers: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split("\t")
        if columns[0] == "QUOTE":
            numbers = [int(n) for n in columns[2:6]]
            quotes[columns[1]] = ((numbers[0], numbers[1]), (numbers[2], numbers[3]))
        elif columns[0] == "ATTRIB":
            speakers[columns[1]] = columns[2]
    rows = [LitbankQuote(q, s, e, speakers.get(q)) for q, (s, e) in quotes.items()]
    return sorted(rows, key=lambda row: (row.start, row.end))


def _litbank_roles(
    lines: list[list[str]], rows: Iterable[LitbankQuote]
) -> dict[tuple[int, int], str]:
    """ "open" or "close" for every quotation mark token (by shape, else alternation)."""
    fixed: dict[tuple[int, int], str] = {}
    for row in rows:
        if lines[row.start[0]][row.start[1]] in QUOTE_MARKS:
            fixed[row.start] = "open"
        if lines[row.end[0]][row.end[1]] in QUOTE_MARKS:
            fixed[row.end] = "close"
    roles: dict[tuple[int, int], str] = {}
    inside = {'"': False, "'": False}
    for s, line in enumerate(lines):
        for t, word in enumerate(line):
            if word in OPENING_MARKS:
                roles[s, t] = "open"
            elif word in CLOSING_MARKS:
                roles[s, t] = "close"
            elif word == '"':
                role = fixed.get((s, t)) or ("close" if inside['"'] else "open")
                inside['"'] = role == "open"
                roles[s, t] = role
            elif word == "'":
                before = line[t - 1] if t else ""
                after = line[t + 1] if t + 1 < len(line) else ""
                guess = "open" if (not before or before in {",", ":"}) and after else "close"
                roles[s, t] = fixed.get((s, t)) or guess
    return roles


def litbank_document(name: str, root: Path = LITBANK) -> GoldDocument:
    """One LitBank work as text (paragraphs rebuilt, see the module docstring) and gold quotes."""
    lines = [
        line.split()
        for line in (root / "tsv" / f"{name}_brat.txt").read_text(encoding="utf-8").split("\n")
    ]
    if lines and not lines[-1]:
        lines.pop()
    rows = _litbank_rows(root / "tsv" / f"{name}_brat.ann")
    roles = _litbank_roles(lines, rows)
    tokens: list[Token] = []
    index: dict[tuple[int, int], int] = {}
    words = [word for line in lines for word in line]
    doubles = words.count("“") + words.count('"') / 2
    primary = {'"', "“", "”"} if doubles >= words.count("‘") else {"'", "‘", "’"}
    quoting = False  # a primary quotation is open
    previous_closed = False
    for s, line in enumerate(lines):
        first = line[0] if line else ""
        starts_turn = (roles.get((s, 0)) == "open" and first in primary) or first in DIALOGUE_DASHES
        lower = first[:1].islower()  # a sentence split inside a paragraph ("cried she.")
        new_paragraph = s > 0 and not quoting and not lower and (starts_turn or previous_closed)
        italic = False
        for t, word in enumerate(line):
            left, right = default_glue(word)
            if word == "_":  # Gutenberg italics, _word_
                left, right = (False, True) if not italic else (True, False)
                italic = not italic
            role = roles.get((s, t))
            if role == "open":
                left, right = False, True
            elif role == "close":
                left, right = True, False
            if role and word in primary:
                quoting = role == "open"
            index[s, t] = len(tokens)
            tokens.append(Token(word, left, right, paragraph_start=new_paragraph and t == 0))
        previous_closed = (
            bool(line) and line[-1] in primary and roles.get((s, len(line) - 1)) == "close"
        )
    text, spans = join_tokens(tokens)
    positions = {value: key for key, value in index.items()}
    quotes: list[GoldQuote] = []
    for row in rows:
        first, last = index[row.start], index[row.end] + 1
        if tokens[first].text in DIALOGUE_DASHES:  # dash-introduced dialogue, no marks
            first += 1
        while first < last and roles.get(positions[first]) == "open":
            first += 1
        while last > first and roles.get(positions[last - 1]) == "close":
            last -= 1
        if first >= last:
            continue
        quotes.append(
            GoldQuote(
                id=row.id,
                start=spans[first][0],
                end=spans[last - 1][1],
                speaker=entity_name(row.speaker_id) if row.speaker_id else None,
            )
        )
    return GoldDocument("litbank", name, text, None, tuple(quotes))


def load_litbank(root: Path = LITBANK, limit: int | None = None) -> list[GoldDocument]:
    """All (or the first `limit`) LitBank works."""
    return [litbank_document(name, root) for name in litbank_names(root)[:limit]]


# --------------------------------------------------------------------------------------------
# Hand check


def audit_gum(root: Path = GUM) -> None:
    """Print every candidate with its context, decision and derived speaker, then counts."""
    from collections import Counter

    counts: Counter[str] = Counter()
    for name in gum_names(root):
        parse = parse_gum(name, root)
        words = [t.text for t in parse.tokens]
        for candidate in gum_candidates(parse):
            before = words[max(0, candidate.first - 15) : candidate.first]
            after = words[candidate.last : candidate.last + 8]
            inside = words[candidate.first : candidate.last]
            context = " ".join([*before, "[[", *inside, "]]", *after])
            satellite = ""
            if candidate.attribution is not None:
                satellite = _words(parse, range(*_node_tokens(parse, candidate.attribution)))
            verdict = "GOLD" if candidate.gold else "drop"
            counts[f"{candidate.kind} {verdict}"] += 1
            elements = ",".join(map(str, candidate.elements)) or "-"
            print(
                f"{candidate.id} {candidate.kind} <quote> {elements}: {verdict} "
                f"({candidate.reason}); {len(inside)} tokens, steps {candidate.steps}"
            )
            print(textwrap.indent(textwrap.fill(context, 100), "    "))
            if candidate.gold:
                print(f"    satellite: {satellite!r}")
                print(f"    source {candidate.speaker_mention!r} -> speaker {candidate.speaker!r}")
    for key, value in sorted(counts.items()):
        print(f"{key}: {value}")


def main() -> None:
    """Command line: ``--audit`` prints the GUM hand-check listing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--audit", action="store_true", help="print every GUM <quote> element")
    arguments = parser.parse_args()
    if arguments.audit:
        audit_gum()
        return
    for documents in (load_gum(), load_litbank()):
        quotes = [q for d in documents for q in d.quotes]
        named = sum(q.speaker is not None for q in quotes)
        print(
            f"{documents[0].corpus}: {len(documents)} documents, {len(quotes)} gold quotes, "
            f"{named} with a speaker"
        )


if __name__ == "__main__":
    main()
