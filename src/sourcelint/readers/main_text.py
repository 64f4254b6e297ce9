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
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from sourcelint.dates import DATE_PATTERNS, parse_date
from sourcelint.document import Block, BlockKind, Document, Problem

_WORD = re.compile(r"\w+")
_CAPTION_WORDS = 3  # words (not numbers) in a caption worth reading
_SHINGLE = 4
_LINE_EXTRA = 2  # words an extracted line may add to a short block it matches
_COVERED = 0.5  # share of a block's words in kept 4-word runs for the block to be kept
# A left-out paragraph counts towards SL913 when it reads as prose (long enough, ending in a
# sentence's punctuation, not mostly link text: not a teaser list or a menu) and lies in a run.
_PROSE_WORDS = 25
_LINK_SHARE = 0.3
_FILLER_WORDS = 2  # a line as short as "Advertisement" does not end a run of left-out prose
_RUN_PARAGRAPHS = 3  # left-out prose paragraphs in a row that look like a lost section
_DROPPED_WORDS = 150
_DROPPED_SHARE = 0.25
_RETRY_SHARE = 0.2
# A printed date is looked for in short lines (a byline, not a paragraph that names a day)
# from a few blocks above the headline to a few blocks into the text.
_BYLINE_WORDS = 25
_BYLINE_REACH = 4
_BYLINE_SPAN = 40
_UPDATED = re.compile(r"\b(?:updated|modified|edited|revised|last\s+changed)\b", re.IGNORECASE)
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
    lines = _short_lines(extracted)
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
    if not any(page.blocks[index].kind is not BlockKind.NOTE for index in chosen):
        return None
    chosen.update(_captions_inside(page, chosen))
    return sorted(chosen)


def _captions_inside(page: Document, chosen: set[int]) -> list[int]:
    """Captions between the article's headline (or first running text) and its last running
    text. Captions are not prose and trafilatura leaves them out, but a caption inside the
    article is still read (as a caption) for its credit line and its markers; a gallery's
    controls and counters ("Close", "Image 1 of 23": fewer than three words) and a caption
    repeated by a slideshow are not."""
    body = [
        index
        for index in chosen
        if page.blocks[index].kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
        and not page.blocks[index].notes
    ]
    headline = [
        index
        for index in chosen
        if page.blocks[index].kind is BlockKind.HEADING and page.blocks[index].level == 1
    ]
    if body and headline and min(headline) < min(body):
        body.append(min(headline))  # the lead picture between the headline and the text
    if not body:
        return []
    seen: set[str] = set()
    captions = []
    for index in range(min(body), max(body)):
        block = page.blocks[index]
        if block.kind is not BlockKind.CAPTION:
            continue
        text = page.text[block.start : block.end]
        key = " ".join(_tokens(text))
        if (
            sum(1 for token in _tokens(text) if token.isalpha()) >= _CAPTION_WORDS
            and key not in seen
        ):
            seen.add(key)
            captions.append(index)
    return captions


def _short_lines(extracted: str) -> set[str]:
    """The extracted lines and table cells a short block may equal, as token strings; a line
    may carry up to two words the block does not ("History[edit]" for the heading "History")."""
    found: set[str] = set()
    for part in re.split(r"\n|\|", extracted):
        tokens = _tokens(part)
        if len(tokens) >= _SHINGLE + _LINE_EXTRA:
            continue
        for size in range(max(len(tokens) - _LINE_EXTRA, 1), len(tokens) + 1):
            found.update(" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1))
    return found


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


def _is_prose(page: Document, block: Block) -> bool:
    text = page.text[block.start : block.end].strip()
    return (
        len(_tokens(text)) >= _PROSE_WORDS
        and _SENTENCE_END.search(text) is not None
        and _link_share(page, block) < _LINK_SHARE
    )


def _is_filler(page: Document, block: Block) -> bool:
    return (
        block.kind is BlockKind.PARAGRAPH
        and len(_tokens(page.text[block.start : block.end])) <= _FILLER_WORDS
    )


def _dropped_runs(page: Document, kept: set[int]) -> list[list[int]]:
    """Runs of left-out prose paragraphs that follow one another, as an article's text does:
    a run may step over a one- or two-word line ("Advertisement") but ends at a heading, a list,
    a kept block or any other text. Comments, teasers and notices come one paragraph at a time
    between names, dates and headlines, so they make no long runs."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, block in enumerate(page.blocks):
        if index not in kept and block.kind is BlockKind.PARAGRAPH and _is_prose(page, block):
            current.append(index)
        elif index not in kept and _is_filler(page, block):
            continue
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [run for run in runs if len(run) >= _RUN_PARAGRAPHS]


def dropped_problems(page: Document, chosen: Sequence[int]) -> tuple[Problem, ...]:
    """SL913 when the prose left out is large beside what was read, or when a block left out
    holds citation markers (its references would look uncited)."""
    kept = set(chosen)
    kept_words = sum(
        len(_tokens(page.text[page.blocks[index].start : page.blocks[index].end]))
        for index in chosen
    )
    hinted = {
        index
        for hint in page.marker_hints
        if (index := bisect_right(page.blocks, hint.start, key=lambda b: b.start) - 1) >= 0
        and hint.start < page.blocks[index].end
    }
    marked = [
        block
        for index, block in enumerate(page.blocks)
        if index in hinted and index not in kept and not block.notes
    ]
    dropped = [page.blocks[index] for run in _dropped_runs(page, kept) for index in run]
    dropped_words = sum(len(_tokens(page.text[b.start : b.end])) for b in dropped)
    large = dropped_words >= max(_DROPPED_WORDS, _DROPPED_SHARE * kept_words)
    if not large and not marked:
        return ()
    parts = []
    if large:
        share = dropped_words / max(dropped_words + kept_words, 1)
        parts.append(
            f"{dropped_words:,} words of running text ({share:.0%} of the page's) were left out "
            "as not part of the article"
        )
    if marked:
        parts.append(f"{len(marked)} block(s) left out hold citation markers")
    where = min(block.start for block in [*marked, *(dropped if large else [])])
    return (
        Problem(
            "SL913",
            "; ".join(parts) + "; `sourcelint text` shows what was read",
            source_offset=page.offsets.to_source(where),
        ),
    )


def _dates_in(text: str) -> list[tuple[int, int, str]]:
    """Every full date in a short text: (start, end, ISO day), in order, overlaps dropped."""
    found: list[tuple[int, int, str]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if (day := parse_date(match.group(0))) and not any(
                start < match.end() and match.start() < end for start, end, _ in found
            ):
                found.append((match.start(), match.end(), day))
    return sorted(found)


def printed_dates(
    page: Document, chosen: Sequence[int], *, title: str | None
) -> tuple[str | None, str | None]:
    """The publication date and the update date a reader sees printed by the headline: in the
    short lines (bylines, datelines, "Updated …" lines) from a few blocks above the headline
    (or the article's first paragraph) to a few blocks into the text."""
    body = [
        i for i in chosen if page.blocks[i].kind is BlockKind.PARAGRAPH and not page.blocks[i].notes
    ]
    headlines = [
        i
        for i in chosen
        if page.blocks[i].kind is BlockKind.HEADING
        and page.text[page.blocks[i].start : page.blocks[i].end] == title
    ]
    if not body:
        return None, None
    anchor = min(headlines or body)
    first_text = min((i for i in body if i >= anchor), default=anchor)
    low = max(anchor - _BYLINE_REACH, 0)
    high = min(first_text + _BYLINE_REACH, anchor + _BYLINE_SPAN, len(page.blocks) - 1)
    published = updated = None
    for block in page.blocks[low : high + 1]:
        text = page.text[block.start : block.end]
        if len(_tokens(text)) > _BYLINE_WORDS:
            continue
        previous_end = 0
        for start, end, day in _dates_in(text):
            if _UPDATED.search(text, previous_end, start):
                updated = updated or day
            else:
                published = published or day
            previous_end = end
        if published:
            break
    return published, updated


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
