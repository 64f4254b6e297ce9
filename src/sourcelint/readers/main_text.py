"""Which blocks of a web page are the article: the main-text choice and what it left out.

The HTML reader reads the whole visible page into blocks with their own offsets; trafilatura
(favouring precision, comments excluded) says which text is the article, and each block is kept
when most of its words fall in 4-word runs that trafilatura kept. So trafilatura decides what
the article is, and sourcelint keeps its own offsets into the page for line:col and the map.
Footnotes and reference lists are kept wherever they are, and so are blocks whose citation
markers point to them (a table that cites a note is part of the article). What is left out is
measured: a large share of paragraph text left out is reported (SL913), so a partial read is
never silent.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence

from sourcelint.dates import DATE_PATTERNS, parse_date
from sourcelint.document import Block, BlockKind, Document, Problem

_WORD = re.compile(r"\w+")
_SHINGLE = 4
_COVERED = 0.5  # share of a block's words in kept 4-word runs for the block to be kept
# A left-out paragraph counts towards SL913 when it reads as prose: long enough, ending in a
# sentence's punctuation, not mostly link text (a teaser list, a menu).
_PROSE_WORDS = 25
_LINK_SHARE = 0.3
_DROPPED_WORDS = 150
_DROPPED_SHARE = 0.25
_RETRY_SHARE = 0.2
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_DATELINE = re.compile(
    r"^(?:(?:published|posted|updated|last updated|date|dated)\s*(?:on\s*)?:?\s*)?"
    r"(?:[A-Z][A-Za-z.'’ -]{1,40},\s+)?(?P<date>.{6,40}?)"
    r"\s*(?:--|—|–|-|:|\||$)",
    re.IGNORECASE,
)


def _tokens(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text)]


def article_text(markup: str, *, precise: bool = True) -> str | None:
    """The article's text as trafilatura extracts it, or None when it finds none."""
    import trafilatura  # imported here: its import costs a third of a second

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        text = trafilatura.extract(
            markup,
            include_comments=False,
            include_tables=True,
            favor_precision=precise,
            deduplicate=False,
        )
    except Exception:  # a third-party extractor's failure must not cost the document
        return None
    return text if text and text.strip() else None


def _prose_words(page: Document) -> int:
    return sum(
        count
        for block in page.blocks
        if block.kind is BlockKind.PARAGRAPH
        and (count := len(_tokens(page.text[block.start : block.end]))) >= _PROSE_WORDS
    )


def choose_blocks(page: Document, markup: str, *, title: str | None) -> list[int] | None:
    """The indices of the page's blocks that make the article, in order, or None when no main
    text is found (the caller then chooses by markup)."""
    extracted = article_text(markup)
    words = _tokens(extracted or "")
    if len(words) < _RETRY_SHARE * _prose_words(page):
        # favouring precision sometimes keeps only a reprint notice: ask again without it
        extracted = article_text(markup, precise=False) or extracted
        words = _tokens(extracted or "")
    if extracted is None:
        return None
    available = Counter(
        tuple(words[index : index + _SHINGLE]) for index in range(len(words) - _SHINGLE + 1)
    )
    # trafilatura prints a block a line and a table row as "| cell | cell |"
    lines = {" ".join(_tokens(part)) for part in re.split(r"\n|\|", extracted)}
    note_anchors = {block.anchor for block in page.blocks if block.notes and block.anchor}
    headline = " ".join(_tokens(title or ""))
    chosen: set[int] = set()
    long_blocks: list[tuple[int, int, list[str]]] = []
    for index, block in enumerate(page.blocks):
        tokens = _tokens(page.text[block.start : block.end])
        if block.notes or _cites_notes(page, block, note_anchors):
            chosen.add(index)
        elif not tokens:
            continue
        elif block.kind is BlockKind.HEADING and block.level == 1 and " ".join(tokens) == headline:
            chosen.add(index)
        elif len(tokens) < _SHINGLE:
            if " ".join(tokens) in lines:
                chosen.add(index)
        else:
            found = sum(
                1
                for start in range(len(tokens) - _SHINGLE + 1)
                if tuple(tokens[start : start + _SHINGLE]) in available
            )
            if found:
                long_blocks.append((found, index, tokens))
    # A text that appears twice in the page (a teaser and the paragraph it repeats) is matched
    # once: blocks with the most matching runs take them first, as a longest-first alignment
    # would, and each run of the extracted text is used as often as it occurs.
    for _, index, tokens in sorted(long_blocks, key=lambda item: (-item[0], item[1])):
        if _consume(tokens, available) >= _COVERED:
            chosen.add(index)
    body = [index for index in chosen if page.blocks[index].kind is not BlockKind.NOTE]
    if not body:
        return None
    # captions are not prose, and trafilatura leaves them out; a caption inside the article
    # is still read (as a caption), for its credit line and its markers
    chosen.update(
        index
        for index in range(min(body), max(body))
        if page.blocks[index].kind is BlockKind.CAPTION
    )
    return sorted(chosen)


def _consume(tokens: Sequence[str], available: Counter[tuple[str, ...]]) -> float:
    """The share of the tokens that lie in a 4-token run still available; the runs found are
    used up."""
    covered = [False] * len(tokens)
    for index in range(len(tokens) - _SHINGLE + 1):
        shingle = tuple(tokens[index : index + _SHINGLE])
        if available[shingle] > 0:
            available[shingle] -= 1
            for inside in range(index, index + _SHINGLE):
                covered[inside] = True
    return sum(covered) / len(tokens)


def _cites_notes(page: Document, block: Block, note_anchors: set[str]) -> bool:
    return any(
        hint.target in note_anchors
        for hint in page.marker_hints
        if block.start <= hint.start < block.end and hint.target
    )


def _link_share(page: Document, block: Block) -> float:
    linked = sum(
        min(link.end, block.end) - max(link.start, block.start)
        for link in page.links
        if link.start < block.end and link.end > block.start
    )
    return linked / max(block.end - block.start, 1)


def dropped_problems(page: Document, chosen: Sequence[int]) -> tuple[Problem, ...]:
    """SL913 when the paragraph text left out is large beside what was read."""
    kept = set(chosen)
    kept_words = sum(
        len(_tokens(page.text[page.blocks[index].start : page.blocks[index].end]))
        for index in chosen
    )
    dropped_words = 0
    first: Block | None = None
    for index, block in enumerate(page.blocks):
        if index in kept or block.kind is not BlockKind.PARAGRAPH:
            continue
        text = page.text[block.start : block.end].strip()
        count = len(_tokens(text))
        if (
            count >= _PROSE_WORDS
            and _SENTENCE_END.search(text)
            and _link_share(page, block) < _LINK_SHARE
        ):
            dropped_words += count
            first = first or block
    if first is None or dropped_words < max(_DROPPED_WORDS, _DROPPED_SHARE * kept_words):
        return ()
    share = dropped_words / max(dropped_words + kept_words, 1)
    return (
        Problem(
            "SL913",
            f"{dropped_words:,} words of paragraph text ({share:.0%} of the paragraphs read) "
            "were left out as not part of the article; `sourcelint text` shows what was read",
            source_offset=page.offsets.to_source(first.start),
        ),
    )


def dateline(document: Document) -> str | None:
    """A date that opens the article's text ("Feb. 23, 2015 --", "PORT SELLICK, April 9,
    2024 — …", "Published 14 February 2024"), looked for in its first blocks."""
    for block in document.blocks[:8]:
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.CAPTION):
            continue
        head = document.text[block.start : min(block.end, block.start + 120)]
        match = _DATELINE.match(head)
        if match is None:
            continue
        candidate = match.group("date")
        if any(pattern.fullmatch(candidate.strip(" ,.")) for pattern in DATE_PATTERNS):
            return parse_date(candidate)
    return None
