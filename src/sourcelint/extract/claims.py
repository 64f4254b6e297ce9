"""Claims: every sentence of the document's prose, with the sources it carries."""

from __future__ import annotations

import itertools
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence

from sourcelint import nlp
from sourcelint.claim_table import ClaimTable
from sourcelint.document import PROSE_KINDS, BlockKind, Document, Link
from sourcelint.extract.attributions import claim_attributions
from sourcelint.extract.checkworthy import checkworthiness, load_model
from sourcelint.extract.references import is_reference_heading
from sourcelint.guard import at
from sourcelint.model import Citation, CitationStyle, Claim, Reference, SourceRef


def prose_spans(document: Document, references: list[Reference]) -> list[tuple[int, int]]:
    """The blocks that hold prose: not reference entries, notes, code, table cells, captions
    or reference headings."""
    entries = sorted((reference.entry_start, reference.end) for reference in references)
    entry_ends = list(itertools.accumulate((end for _, end in entries), max))
    spans: list[tuple[int, int]] = []
    for block in document.blocks:
        if block.kind not in PROSE_KINDS:
            continue
        body = document.text[block.start : block.end]
        if block.kind is BlockKind.HEADING and is_reference_heading(body):
            continue
        start = block.start
        first = max(bisect_left(entry_ends, block.start + 1), 0)
        for entry_start, entry_end in entries[first:]:
            if entry_start >= block.end:
                break
            if entry_end <= start:
                continue
            if entry_start > start and not is_reference_heading(document.text[start:entry_start]):
                spans.append((start, entry_start))
            start = max(start, entry_end)
        if start < block.end and document.text[start : block.end].strip():
            spans.append((start, block.end))
    return spans


class _Markers:
    """The citations' starts, ends and ids as parallel lists sorted by start (a stable sort,
    so markers that share a start keep their order): smaller than the Citation objects."""

    def __init__(self, citations: Sequence[Citation]) -> None:
        self.starts: array[int] = array("q")
        self.ends: array[int] = array("q")
        self.ids: list[str] = []
        for citation in citations:
            self.starts.append(citation.start)
            self.ends.append(citation.end)
            self.ids.append(citation.id)
        if any(self.starts[index] > self.starts[index + 1] for index in range(len(self) - 1)):
            order = sorted(range(len(self)), key=self.starts.__getitem__)
            self.starts = array("q", (self.starts[index] for index in order))
            self.ends = array("q", (self.ends[index] for index in order))
            self.ids = [self.ids[index] for index in order]

    def __len__(self) -> int:
        return len(self.starts)

    def end_of_marker_at(self, offset: int) -> int | None:
        """The end of the (last listed) marker that starts at `offset`, if one does."""
        index = bisect_right(self.starts, offset) - 1
        if index >= 0 and self.starts[index] == offset:
            return self.ends[index]
        return None


def _attach_markers(
    sentences: Iterable[tuple[int, int]], markers: _Markers, text: str
) -> Iterator[tuple[int, int]]:
    """A marker right after a sentence's closing punctuation belongs to that sentence."""
    pending: tuple[int, int] | None = None
    for sentence_start, end in sentences:
        start = sentence_start
        while (
            pending
            and (marker_end := markers.end_of_marker_at(start)) is not None
            and not text[pending[1] : start].strip()
        ):
            pending = (pending[0], max(pending[1], marker_end))
            start = marker_end
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            if pending:
                yield pending
            pending = (start, end)
    if pending:
        yield pending


_TERMINAL = re.compile(r"[.!?…][\s\"'”’)\]]*$")


def _merge_fragments(sentences: Iterable[tuple[int, int]], text: str) -> Iterator[tuple[int, int]]:
    """A sentence cut after a narrative citation ("Lindqvist (2022) | found that …") is one
    sentence: a piece without closing punctuation joins a next piece that starts in lower
    case within the same paragraph."""
    pending: tuple[int, int] | None = None
    for start, end in sentences:
        if pending:
            previous_start, previous_end = pending
            gap = text[previous_end:start]
            if (
                text[start : start + 1].islower()
                and "\n\n" not in gap
                and not gap.strip()
                and not _TERMINAL.search(text[previous_start:previous_end])
            ):
                pending = (previous_start, end)
                continue
            yield pending
        pending = (start, end)
    if pending:
        yield pending


def extract_claims(
    document: Document,
    citations: Sequence[Citation],
    references: list[Reference],
    *,
    progress: Callable[[int], None] | None = None,
    prose: list[tuple[int, int]] | None = None,
) -> ClaimTable:
    """One claim per sentence, with the citations and links it carries.

    `prose` is the document's prose spans when the caller has them (`prose_spans`)."""
    text = document.text
    if prose is None:
        prose = prose_spans(document, references)
    masks = (
        (citation.start, citation.end)
        for citation in citations
        if citation.style is not CitationStyle.AUTHOR_YEAR  # narrative ones are grammar
    )
    markers = _Markers(citations)
    sentences = nlp.segment(text, prose, masks=masks, progress=progress)
    sentences = _attach_markers(sentences, markers, text)
    sentences = _merge_fragments(sentences, text)
    links = sorted(document.links, key=lambda link: link.start)
    link_starts = [link.start for link in links]
    return ClaimTable.build(text, _sentence_claims(text, sentences, markers, links, link_starts))


def _sentence_claims(
    text: str,
    sentences: Iterable[tuple[int, int]],
    markers: _Markers,
    links: list[Link],
    link_starts: list[int],
) -> Iterator[Claim]:
    for number, (start, end) in enumerate(sentences, start=1):
        at(start)
        low = bisect_left(markers.starts, start)
        high = bisect_left(markers.starts, end)
        linked = links[bisect_left(link_starts, start) : bisect_left(link_starts, end)]
        sources: list[SourceRef] = []
        seen_spans: set[tuple[int, int]] = set()
        for index in range(low, high):
            span = (markers.starts[index], markers.ends[index])
            if span not in seen_spans:
                seen_spans.add(span)
                sources.append(SourceRef("citation", text[span[0] : span[1]], *span))
        sources.extend(
            SourceRef("link", text[link.start : link.end], link.start, link.end) for link in linked
        )
        yield Claim(
            id=f"s{number}",
            text=text[start:end],
            start=start,
            end=end,
            checkworthy=None,
            citations=tuple(markers.ids[low:high]),
            quotes=(),
            quantities=(),
            sourced_by=tuple(sorted(sources, key=lambda source: source.start)),
        )


def score_claims(claims: Sequence[Claim], text: str) -> ClaimTable:
    """Each claim with its check-worthiness and the named attributions it carries ("the
    ministry said", "according to the census") added to `sourced_by`."""
    return ClaimTable.build(text, _scored(claims, text))


def _scored(claims: Sequence[Claim], text: str) -> Iterator[Claim]:
    model = load_model()
    pending: Claim | None = None  # held back one sentence: the next may be its attribution
    for claim in claims:
        at(claim.start)
        words = model.tokens(claim.text)
        cut = pending is not None and _cut_attribution(pending, claim, text, len(words))
        found = claim_attributions(text, claim.start, claim.end, words, after_quotation=cut)
        sources = claim.sourced_by
        if found:
            sources = tuple(sorted((*sources, *found), key=lambda source: source.start))
            if cut and pending is not None:
                # "“… the profit?” | Forte said.": the splitter cut the attribution off
                more = tuple(sorted((*pending.sourced_by, *found), key=lambda ref: ref.start))
                pending = _rebuilt(pending, pending.checkworthy, more)
        if pending is not None:
            yield pending
        pending = _rebuilt(claim, round(checkworthiness(claim.text, words), 4), sources)
    if pending is not None:
        yield pending


def _rebuilt(claim: Claim, checkworthy: float | None, sources: tuple[SourceRef, ...]) -> Claim:
    """The claim with this score and these sources (built directly: dataclasses.replace costs
    three times as much)."""
    return Claim(
        claim.id,
        claim.text,
        claim.start,
        claim.end,
        checkworthy,
        claim.citations,
        claim.quotes,
        claim.quantities,
        sources,
    )


_QUESTION_OR_EXCLAMATION_CLOSED = re.compile(r"[?!…][”\"’']\s*$")
_CUT_ATTRIBUTION_WORDS = 12


def _cut_attribution(previous: Claim, claim: Claim, text: str, words: int) -> bool:
    """Whether `claim` is the attribution of the quotation that ends `previous`: the quoted
    words close with "?" or "!" (where the splitter cuts), the attribution follows on the same
    line and is short ("Forte said.", "the minister told reporters on Tuesday.")."""
    return (
        _QUESTION_OR_EXCLAMATION_CLOSED.search(previous.text) is not None
        and words <= _CUT_ATTRIBUTION_WORDS
        and not text[previous.end : claim.start].strip()
        and "\n" not in text[previous.end : claim.start]
    )
