"""Pairing quotation marks: which marks open, which close, and which pairs run over several
paragraphs. Marks that pair with nothing are reported, never fatal.

Double marks (" “ ” „ « ») are the primary level. Single marks (‘ ’ ') inside a double pair are
nested quotes and stay part of its words; at the top level they open a quote only in the
British style ('…' with no double marks around), where apostrophes make them ambiguous, so
their pairs are kept apart (`single=True`) for the caller to hold to a stricter standard.
A paragraph that ends inside a quote continues it only when the next paragraph opens with a
mark (the convention for quotes over several paragraphs); otherwise the opening mark is
unbalanced.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from sourcelint.terms import load_terms

_DOUBLE = re.compile(r"[\"“”„«»‟]")
# A single mark with a non-word character on at least one side: not the apostrophe inside
# "don't". Written so the pattern starts with the mark itself, which keeps the scan fast.
_SINGLE = re.compile(r"['‘’‚‹›](?:\B|(?<=\W.)|(?<=^.))", re.MULTILINE)
_OPEN_BEFORE = set(" \t\n\u00a0([{—–-/:;,")
# "[" and superscripts: a citation marker right after a closing mark ("…,”[1] said Lee").
_CLOSE_AFTER = set(" \t\n\u00a0.,;:!?)]}—–-…[^¹²³⁴⁵⁶⁷⁸⁹⁰*†‡")


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """A pair of marks: `open`/`close` are the marks' offsets; `parts` the (start, end) of the
    words inside each paragraph's piece (one part unless the quote runs over paragraphs)."""

    open: int
    close: int
    parts: tuple[tuple[int, int], ...]
    single: bool = False

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


@dataclass(frozen=True, slots=True)
class StrayMark:
    """A quotation mark that pairs with nothing."""

    offset: int
    mark: str


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_WORD_AFTER = re.compile(r"[^\W\d_]+")


def _continuation(text: str, start: int, end: int, openers: str) -> int | None:
    """Where a quotation left open by the paragraph before goes on in text[start:end]: after
    the paragraph's opening mark, or None when the paragraph opens without one."""
    first = _inner(text, start, end)[0]
    return first + 1 if first < end and text[first] in openers else None


def _role(text: str, offset: int, start: int, end: int, opener: str | None) -> str:
    """ "open", "close" or "either" for a straight or curly mark at `offset`, when the quotation
    open so far (if any) began with `opener`."""
    mark = text[offset]
    is_open = opener is not None
    before = text[offset - 1] if offset > start else " "
    after = text[offset + 1] if offset + 1 < end else " "
    if mark in "“„«‟‘‚":
        if mark == "“" and opener == "„":
            return "close"  # „…“, the German pair
        if mark == "“" and opener == '"' and not before.isspace():
            return "close"  # "…“: a typo for the closing mark
        return "open"
    if mark in "”»":
        if not is_open and (before in _OPEN_BEFORE) and not after.isspace():
            return "open"  # Swedish ”…” style
        return "close"
    can_open = before in _OPEN_BEFORE and not after.isspace()
    can_close = not before.isspace() and (after in _CLOSE_AFTER or after in "\"'”’")
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "either"


class _Pairer:
    """One pass over the paragraphs of a document, for one level of marks."""

    def __init__(self, text: str, code_spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.code_starts = [start for start, _ in code_spans]
        self.code_spans = code_spans
        self.pairs: list[MarkedSpan] = []
        self.strays: list[StrayMark] = []

    def in_code(self, offset: int) -> bool:
        index = bisect_right(self.code_starts, offset) - 1
        return index >= 0 and offset < self.code_spans[index][1]

    def pair_double(self, paragraphs: list[tuple[int, int]]) -> None:
        text = self.text
        opened: int | None = None  # offset of the open mark
        parts: list[tuple[int, int]] = []
        part_start = 0
        marks = _by_paragraph(_DOUBLE, text, paragraphs)
        for number, (start, end) in enumerate(paragraphs):
            if opened is not None:
                continued = _continuation(text, start, end, '“„«"‟')
                if continued is not None:
                    part_start = continued
                else:
                    self.strays.append(StrayMark(opened, text[opened]))
                    opened, parts = None, []
            for offset in marks[number]:
                if self.code_spans and self.in_code(offset):
                    continue
                if opened is not None and offset == part_start - 1:
                    continue  # the continuation mark of a quote over paragraphs
                role = _role(text, offset, start, end, None if opened is None else text[opened])
                if role == "either":
                    role = "close" if opened is not None else "open"
                if role == "open":
                    if opened is not None and text[offset] == text[opened] and not parts:
                        # English nests with single marks: a second opening mark of the same
                        # kind means the first was never closed.
                        self.strays.append(StrayMark(opened, text[opened]))
                        opened = None
                    if opened is None:
                        opened, parts, part_start = offset, [], offset + 1
                    continue
                if opened is None:
                    before = text[offset - 1] if offset > start else " "
                    if text[offset] == '"' and before.isdigit():
                        continue  # 12" (inches), 30" (seconds)
                    self.strays.append(StrayMark(offset, text[offset]))
                    continue
                parts.append(_inner(text, part_start, offset))
                self.pairs.append(MarkedSpan(opened, offset, tuple(parts)))
                opened, parts = None, []
            if opened is not None:
                parts.append(_inner(text, part_start, end))
                if number == len(paragraphs) - 1:
                    self.strays.append(StrayMark(opened, text[opened]))
        return

    def pair_single(self, paragraphs: list[tuple[int, int]], inside: list[MarkedSpan]) -> None:
        """Top-level single-mark pairs outside double pairs: within a paragraph, or over
        paragraphs when each continuing paragraph opens with a mark. A single mark that
        pairs with nothing is not reported: it may be an apostrophe."""
        text = self.text
        covered = sorted((pair.open, pair.close) for pair in inside)
        covered_starts = [start for start, _ in covered]
        opened: int | None = None
        parts: list[tuple[int, int]] = []
        part_start = 0
        marks = _by_paragraph(_SINGLE, text, paragraphs)
        for number, (start, end) in enumerate(paragraphs):
            if opened is not None:
                continued = _continuation(text, start, end, "'‘")
                if continued is not None:
                    part_start = continued
                else:
                    opened, parts = None, []
            for offset in marks[number]:
                index = bisect_right(covered_starts, offset) - 1
                if (index >= 0 and offset <= covered[index][1]) or (
                    self.code_spans and self.in_code(offset)
                ):
                    continue
                if opened is not None and offset == part_start - 1:
                    continue  # the continuation mark of a quote over paragraphs
                before = text[offset - 1] if offset > start else " "
                after = text[offset + 1] if offset + 1 < end else " "
                if before.isalnum() and after.isalnum():
                    continue  # don't, O'Brien
                if opened is None:
                    if before in _OPEN_BEFORE and after.isalpha() and text[offset] in "'‘":
                        word = _WORD_AFTER.match(text, offset + 1, end)
                        if word is None or word.group(0).lower() not in load_terms("elisions"):
                            opened, parts, part_start = offset, [], offset + 1
                    continue
                closes = before in ".,!?;:…—" or (after in _CLOSE_AFTER and not before.isspace())
                if closes and text[offset] in "'’":
                    if before == "s" and after == " ":
                        # "workers' union": possessive, unless nothing else closes this pair
                        rest = text[offset + 1 : min(end, offset + 300)]
                        if re.search(r"[.,!?]['’]", rest):
                            continue
                    parts.append(_inner(text, part_start, offset))
                    self.pairs.append(MarkedSpan(opened, offset, tuple(parts), single=True))
                    opened, parts = None, []
            if opened is not None:
                parts.append(_inner(text, part_start, end))


def _by_paragraph(
    pattern: re.Pattern[str], text: str, paragraphs: list[tuple[int, int]]
) -> list[list[int]]:
    """The offsets of the pattern's matches in each paragraph, found in one pass over the
    text rather than one search per paragraph."""
    found: list[list[int]] = [[] for _ in paragraphs]
    if not paragraphs:
        return found
    starts = [start for start, _ in paragraphs]
    for match in pattern.finditer(text, paragraphs[0][0], paragraphs[-1][1]):
        offset = match.start()
        number = bisect_right(starts, offset) - 1
        if number >= 0 and offset < paragraphs[number][1]:
            found[number].append(offset)
    return found


def pair_marks(
    text: str, paragraphs: list[tuple[int, int]], code_spans: list[tuple[int, int]]
) -> tuple[list[MarkedSpan], list[StrayMark]]:
    """Quotation-mark pairs and unpaired marks in the given paragraphs (in order)."""
    pairer = _Pairer(text, sorted(code_spans))
    pairer.pair_double(paragraphs)
    doubles = list(pairer.pairs)
    pairer.pair_single(paragraphs, doubles)
    pairs = sorted(pairer.pairs, key=lambda pair: pair.open)
    return pairs, sorted(pairer.strays, key=lambda stray: stray.offset)
