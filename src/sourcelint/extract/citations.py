"""In-text citations and their resolution to reference entries.

Markers: `[4]`, ranges `[3–5]` and lists `[3, 7]` (one citation per number), `^4`, `[^note]`,
`*`/`†` marks, and the markers readers declare (HTML superscripts and footnote links,
Markdown footnote references). Author-year citations: `(Smith, 2019)`, `(Smith & Lee 2020;
Doe et al., 2021)`, `(Smith 2019, p. 4)`, `Smith (2019)`, `Smith et al. 2019`, `2019a`.

Precision first: a bracketed number that is a year, an editorial insertion, a reference
entry's own label or a Markdown link is not a marker; a narrative "Name (2019)" counts only
when it resolves to an entry.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from sourcelint.document import Document
from sourcelint.extract.patterns import (
    EXPONENT_BEFORE,
    NAME_PARTICLES,
    PARTICLE,
    attached_marks,
    looks_like_organisation,
    superscript_number,
)
from sourcelint.extract.references import (
    BACKLINKS,
    EntrySpan,
    find_entries,
    is_footnote_definition,
    number_by_position,
    parse_entries,
    without_initials,
)
from sourcelint.model import Citation, CitationStyle, Reference
from sourcelint.record_table import RecordTable
from sourcelint.terms import load_terms

_RANGE_MAX = 30
_NUMBER_LIST = r"\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*[,;]\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*"
_BRACKET = re.compile(r"\[(" + _NUMBER_LIST + r")\](?![(:])")
_CARET = re.compile(r"(?:(?<=[^\W\d_]{3})|(?<=[.,;:!?\"”’'\])%]))\^(\d{1,3})(?![\d^])(?![.,]\d)")
_SUPERSCRIPT = re.compile(
    r"(?:(?<=[^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹]{3})|(?<=[.,;:!?\"”’')\]%]))([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}(?:,[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})*)"
)
_NOTE_REF = re.compile(r"\[\^([^\]\s\x00-\x1f\x7f]{1,40})\](?!:)")

_CAPITALISED = r"[^\W\d_a-z][\w'’]*(?:-[^\W\d_][\w'’]*)?"
_NAME = rf"(?:{PARTICLE}*{_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{0,3}})"
_YEAR = r"(?:(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.)"  # n.d.: no date
_LOCATOR = r"(?:(?:pp?|ch|chap|para|fig|sec)\.\s*|§\s*)?[\dixvlc]+(?:\s*[-–]\s*[\dixvlc]+)?"
# "et al.", "et al", "et. al.", and emphasised "_et al._", "*et al.*"
_ET_AL = r"\s+[_*]{0,2}et\.?\s+al\b\.?[_*]{0,2}"
_AUTHORS = (
    rf"(?P<first>{_NAME})"
    rf"(?P<more>{_ET_AL}|(?:\s*,\s*{_NAME}){{0,5}},?\s+(?:&|and)\s+{_NAME})?"
)
_YEARS = rf"{_YEAR}(?:\s*,\s*(?:{_YEAR}|[a-z]\b))*"  # 2019, 2020a, b
_PART = re.compile(
    rf"(?:(?:see\s+also|see|e\.g\.,?|cf\.|i\.e\.,?|also|as\s+in)\s+)?{_AUTHORS}(?P<comma>\s*,)?\s*"
    rf"(?P<years>{_YEARS})(?P<locator>\s*[,:]\s*{_LOCATOR})?",
    re.UNICODE,
)
_PARENTHESES = re.compile(r"\(((?:[^()\n]|\n(?!\s*\n)){4,400})\)")  # not across paragraphs
_NARRATIVE = re.compile(
    rf"(?<![\w(])(?P<authors>{_AUTHORS})(?:['’]s)?\s+\((?P<years>{_YEARS})"
    rf"(?:\s*[,:]\s*{_LOCATOR})?\)",
    re.UNICODE,
)
_NARRATIVE_ET_AL = re.compile(
    rf"(?<![\w(])(?P<first>{_NAME}){_ET_AL},?\s+(?P<years>{_YEAR})\b", re.UNICODE
)
# "Nicholson & Possingham, 2007 gives …": two authors and a year without parentheses
_NARRATIVE_BARE = re.compile(
    rf"(?<![\w(])(?P<first>{_NAME})(?P<more>\s+(?:&|and)\s+{_NAME}),\s+(?P<years>{_YEAR})\b"
    r"(?!\s*\))",
    re.UNICODE,
)
# "… in Schreiber and Rudolf 2008, and …": the same without the comma counts only when an
# entry of the document matches it (weak)
_NARRATIVE_BARE_NO_COMMA = re.compile(
    rf"(?<![\w(])(?P<first>{_NAME})(?P<more>\s+(?:&|and)\s+{_NAME})\s+(?P<years>{_YEAR})\b"
    r"(?!\s*\))",
    re.UNICODE,
)
# the works of a parenthesis: "(Smith 2019; Doe 2020)", and "(Smith 2019, Doe 2020)" where a
# comma after a year is followed by a name
_WORKS_SEPARATOR = re.compile(r";|(?<=\d[a-z])\s*,(?=\s+[A-Z])|(?<=\d)\s*,(?=\s+[A-Z])")
_NOT_NAMES = frozenset(
    [
        "in",
        "since",
        "by",
        "from",
        "until",
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "but",
        "for",
        "see",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "fy",
        "q1",
        "q2",
        "q3",
        "q4",
        "est",
        "ca",
        "c",
    ]
)
_YEAR_OR_SUFFIX = re.compile(r"(\d{4})([a-z]?)")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_ANY_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)")  # 2019a counts


@dataclass(frozen=True, slots=True)
class _Marker:
    start: int
    end: int
    label: str
    style: CitationStyle
    target: str | None = None
    strong: bool = True
    parenthetical: bool = False
    superscript: bool = False
    in_note: bool = False
    letter: int | None = None  # a wiki's [a] or [note 1]: the place of its note


def _is_number(text: str) -> bool:
    """ASCII digits only: "²".isdigit() is true, but int("²") fails."""
    return text.isascii() and text.isdigit()


def expand_numbers(label: str) -> list[str] | None:
    """The labels a numeric marker stands for: "3–5" → 3, 4, 5; "3, 7" → 3, 7. None when the
    numbers cannot be markers (zero, a backward or implausibly long range)."""
    labels: list[str] = []
    for item in re.split(r"\s*[,;]\s*", label.strip()):
        bounds = re.split(r"\s*[-–—]\s*", item)
        if not all(_is_number(bound) for bound in bounds):
            return None
        low, high = int(bounds[0]), int(bounds[-1])
        if low == 0 or high < low or high - low > _RANGE_MAX:
            return None
        labels.extend(str(number) for number in range(low, high + 1))
    return labels or None


def _normal_label(label: str) -> str:
    return str(int(label)) if _is_number(label) else label.lower()


class SpanIndex:
    """Answers "does [start, end) overlap any of these spans?" in logarithmic time."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._max_ends: list[int] = []
        highest = -1
        for _, end in ordered:
            highest = max(highest, end)
            self._max_ends.append(highest)

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span begins before `end` and ends after `start`."""
        count = bisect.bisect_left(self._starts, max(end, start + 1))
        return count > 0 and self._max_ends[count - 1] > start


def _numeric_markers(
    document: Document, excluded: list[tuple[int, int]], entries_content: SpanIndex
) -> list[_Marker]:
    text = document.text
    markers: list[_Marker] = []
    hints = [(hint.start, hint.end) for hint in document.marker_hints]
    taken = SpanIndex([*excluded, *hints])
    for hint in document.marker_hints:
        labels = expand_numbers(hint.label) if _is_number(hint.label[:1]) else [hint.label]
        if not labels:
            continue
        style = CitationStyle.NUMERIC if _is_number(hint.label[:1]) else CitationStyle.NOTE
        target = hint.target if len(labels) == 1 else None
        markers.extend(_Marker(hint.start, hint.end, label, style, target) for label in labels)
    for match in _BRACKET.finditer(text):
        if taken.overlaps(match.start(), match.end()) or entries_content.overlaps(
            match.start(), match.start() + 1
        ):
            continue
        labels = expand_numbers(match.group(1))
        if labels:
            markers.extend(
                _Marker(match.start(), match.end(), label, CitationStyle.NUMERIC)
                for label in labels
            )
    for match in _CARET.finditer(text):
        inside_entry = entries_content.overlaps(match.start(), match.start() + 1)
        if not taken.overlaps(match.start(), match.end()) and not inside_entry:
            markers.append(
                _Marker(match.start(), match.end(), match.group(1), CitationStyle.NUMERIC)
            )
    for match in _SUPERSCRIPT.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        if taken.overlaps(match.start(), match.end()) or EXPONENT_BEFORE.search(before):
            continue  # km², cm³: a unit's power, not a note
        if entries_content.overlaps(match.start(), match.start() + 1):
            continue
        labels = superscript_number(match.group(1)).split(",")
        if "0" in (label.lstrip("0") or "0" for label in labels):
            continue  # "⁰⁰⁰" is no note number
        for label in labels:
            markers.append(
                _Marker(
                    match.start(),
                    match.end(),
                    str(int(label)),
                    CitationStyle.NUMERIC,
                    superscript=True,
                )
            )
    for match in _NOTE_REF.finditer(text):
        if not taken.overlaps(match.start(), match.end()):
            markers.append(_Marker(match.start(), match.end(), match.group(1), CitationStyle.NOTE))
    return markers


_LETTER_NOTE = re.compile(r"\[(?:(?P<letter>[a-z])|(?:note|n|nb)[ \t]?(?P<number>\d{1,2}))\]")
_NOTES_HEADINGS = frozenset({"notes", "explanatory notes", "informational notes", "footnotes"})


def _letter_notes_list(references: list[Reference], text: str) -> int:
    """The list id of a pasted wiki page's explanatory notes (0 when there is none): a list
    under "Notes" whose entries open with back-links and print no labels, in a page that
    also has another such list and markers such as [a] or [note 1]."""
    caret_lists: dict[int, str | None] = {}
    for reference in references:
        opening = text[reference.entry_start : reference.entry_start + 8].lstrip()
        if not reference.label_printed and opening.startswith(BACKLINKS):
            caret_lists.setdefault(reference.list_id, reference.heading)
    if len(caret_lists) < 2 or _LETTER_NOTE.search(text) is None:
        return 0
    return next(
        (list_id for list_id, heading in caret_lists.items() if heading in _NOTES_HEADINGS), 0
    )


def _letter_markers(text: str, excluded: SpanIndex) -> list[_Marker]:
    """[a], [b], [note 1]: a wiki's explanatory notes, the first letter or number the first
    note of its notes list."""
    markers = []
    for match in _LETTER_NOTE.finditer(text):
        if excluded.overlaps(match.start(), match.end()):
            continue
        letter = match.group("letter")
        position = ord(letter) - ord("a") + 1 if letter else int(match.group("number"))
        label = letter or f"note {match.group('number')}"
        markers.append(
            _Marker(match.start(), match.end(), label, CitationStyle.NOTE, letter=position)
        )
    return markers


def _symbol_markers(
    document: Document, excluded: SpanIndex, symbol_labels: set[str]
) -> list[_Marker]:
    text = document.text
    markers = []
    for match in attached_marks(text):
        symbol = match.group(1)
        if excluded.overlaps(match.start(), match.end()):
            continue
        if symbol.startswith("*") and symbol not in symbol_labels:
            continue  # an asterisk is a mark only where a note uses it
        markers.append(_Marker(match.start(), match.end(), symbol, CitationStyle.NOTE))
    return markers


def _years(listed: str) -> list[str]:
    """ "2019, 2020a, b" → 2019, 2020a, 2020b; "n. d." → n.d."""
    years: list[str] = []
    for item in re.split(r"\s*,\s*", listed):
        compact = re.sub(r"\s", "", item)
        if len(compact) == 1 and years and years[-1][:4].isdigit():
            compact = years[-1][:4] + compact  # "2023a, b": b is 2023b
        years.append(compact)
    return years


def _author_name(name: str) -> tuple[str, int] | None:
    """The author part of a capitalised run, and its offset in it: "But Smith" → "Smith";
    None for no name, or for events and laws ("Census", "Equality Act")."""
    words = name.split()
    offset = 0
    while words and words[0].lower() in _NOT_NAMES:
        offset = name.index(words[1], offset + len(words[0])) if len(words) > 1 else len(name)
        words = words[1:]
    if not words or not words[-1][:1].isupper() or words[-1].lower() in non_author_words():
        return None
    return " ".join(without_initials(words)), offset


@cache
def non_author_words() -> frozenset[str]:
    """Last words of names that are events or laws (data/non_author_words.txt)."""
    return frozenset(word.lower() for word in load_terms("non_author_words"))


def _author_year_markers(
    document: Document, excluded: SpanIndex, has_references: bool, notes: SpanIndex
) -> list[_Marker]:
    """Author-year citations. In footnotes only parenthetical ones count ("Pennock, Arthur
    (1961)" there is a bibliographic entry, "(Vesely, 2018)" a citation)."""
    text = document.text
    markers: list[_Marker] = []
    parenthetical: list[tuple[int, int]] = []
    for parenthesis in _PARENTHESES.finditer(text):
        if excluded.overlaps(parenthesis.start(), parenthesis.end()):
            continue
        inner_start = parenthesis.start(1)
        inner = parenthesis.group(1)
        bounds = [0, *(m.end() for m in _WORKS_SEPARATOR.finditer(inner))]
        ends = [*(m.start() for m in _WORKS_SEPARATOR.finditer(inner)), len(inner)]
        parts = [inner[a:b] for a, b in zip(bounds, ends, strict=True)]
        # works split at commas ("Smith 2019, Doe 2020") count only when an entry matches,
        # unless "et al." or a page says they are citations
        by_comma = len(parts) > 1 and ";" not in inner
        found: list[_Marker] = []
        for part, part_offset in zip(parts, bounds, strict=True):
            stripped = part.strip()
            part_start = inner_start + part_offset + (len(part) - len(part.lstrip()))
            match = _PART.fullmatch(stripped)
            author = _author_name(match.group("first")) if match else None
            if match is None or author is None:
                continue
            name, shift = author
            more = match.group("more") or ""
            strong = bool(more or match.group("locator") or len(parts) > 1)
            if by_comma:
                strong = "et al" in more or bool(match.group("locator"))
            if not has_references and not ("et al" in more or match.group("locator")):
                # Without a reference list only unmistakable forms count: "(Paris, 2015)",
                # "(Germany 2019; France 2020)", "(Apple and Google, 2023)" are not citations.
                continue
            name_start = part_start + match.start("first") + shift
            for year in _years(match.group("years")):
                found.append(
                    _Marker(
                        name_start,
                        part_start + match.end(),
                        f"{name} {year}",
                        CitationStyle.AUTHOR_YEAR,
                        strong=strong,
                        parenthetical=not by_comma,
                        in_note=notes.overlaps(name_start, name_start + 1),
                    )
                )
        if found:
            markers.extend(found)
            parenthetical.append((parenthesis.start(), parenthesis.end()))
    taken = SpanIndex(parenthetical)
    narrative: list[tuple[int, int]] = []
    for pattern in (_NARRATIVE, _NARRATIVE_ET_AL, _NARRATIVE_BARE, _NARRATIVE_BARE_NO_COMMA):
        if pattern in (_NARRATIVE_BARE, _NARRATIVE_BARE_NO_COMMA) and not has_references:
            continue  # without a reference list, "Smith and Jones, 2019" could be anything
        for match in pattern.finditer(text):
            if (
                excluded.overlaps(match.start(), match.end())
                or notes.overlaps(match.start(), match.end())
                or taken.overlaps(match.start(), match.end())
            ):
                continue
            author = _author_name(match.group("first"))
            if author is None:
                continue
            name, shift = author
            # "Smith et al. (2019)" is a citation; "Romeo and Juliet (1968)" may be a title.
            more = match.groupdict().get("more") or ""
            strong = pattern not in (_NARRATIVE, _NARRATIVE_BARE_NO_COMMA) or (
                re.search(r"\bet\.?\s+al\b", more) is not None
            )
            start = match.start("first") + shift
            for year in _years(match.group("years")):
                markers.append(
                    _Marker(
                        start,
                        match.end(),
                        f"{name} {year}",
                        CitationStyle.AUTHOR_YEAR,
                        strong=strong,
                    )
                )
            narrative.append((match.start(), match.end()))
        taken = SpanIndex([*parenthetical, *narrative])
    return markers


def _resolve_author_year(
    label: str, references: list[Reference], notes: frozenset[int] = frozenset()
) -> tuple[str, Reference | None]:
    """Find the entry for "Name Year": the year (and its a/b suffix) must match and one of the
    name's trailing word sequences must stand in the entry before the year."""
    name, _, year_text = label.rpartition(" ")
    if year_text == "n.d.":
        return _resolve_undated(name, references)
    year_match = _YEAR_OR_SUFFIX.fullmatch(year_text)
    if not year_match:
        return label, None
    year, suffix = year_match.groups()
    words = name.split()
    candidates = [
        " ".join(words[-size:])
        for size in range(len(words), 0, -1)
        if size == len(words) or " ".join(words[-size:]).lower() not in _NOT_NAMES
    ]
    # An entry whose first author is the name cited ("Geoffrey Parker" → "Parker") wins over
    # one that mentions the name somewhere before the year (a note citing the same paper).
    for candidate in candidates:
        first_author = [ref for ref in references if _first_author_is(ref, candidate)]
        # a bibliography's entry before a note that cites the same work (`notes`: the ids of
        # entries that are notes, as a wiki's "^" back-links or a document's footnotes show)
        first_author.sort(key=lambda ref: id(ref) in notes)
        for reference in first_author:
            if re.search(rf"\b{year}{suffix}\b", reference.text) and reference.author_key:
                return reference.author_key, reference
    for candidate in candidates:
        pattern = re.compile(rf"(?<!\w){re.escape(candidate)}(?!\w)", re.IGNORECASE)
        if candidate.isupper() and 2 <= len(candidate) <= 8:
            for reference in references:
                year_at = re.search(rf"\b{year}{suffix}", reference.text)
                if year_at and _initials(reference.text[: year_at.start()]) == candidate.lower():
                    named = reference.author_key or f"{candidate} {year}"
                    return f"{_YEAR_OR_SUFFIX.sub('', named).strip()} {year}{suffix}", reference
        best: tuple[int, Reference] | None = None
        for reference in references:
            for entry_year in re.finditer(rf"\b{year}([a-z]?)\b", reference.text):
                if suffix and entry_year.group(1) != suffix:
                    continue
                found = pattern.search(reference.text, 0, entry_year.start())
                if found and (best is None or found.start() < best[0]):
                    best = (found.start(), reference)
                break
        if best:
            key = best[1].author_key
            if key:
                key_name = _YEAR_OR_SUFFIX.sub("", key).strip()
                return f"{key_name} {year}{suffix}", best[1]
            return f"{_surname(candidate.split())} {year}{suffix}", best[1]
    return f"{_surname(words)} {year}{suffix}", None


def _surname(words: list[str]) -> str:
    """How a cited name is labelled: an organisation whole, a person by the surname ("Geoffrey
    Parker" → "Parker", "Marshall Van Alstyne" → "Van Alstyne")."""
    if not words:
        return ""
    if looks_like_organisation(words):
        return " ".join(words)
    kept = [words[-1]]
    for word in reversed(words[:-1]):
        if word.lower() not in NAME_PARTICLES:
            break
        kept.insert(0, word)
    return " ".join(kept)


def _references_by_year(references: list[Reference]) -> dict[tuple[str, str], list[Reference]]:
    """Entries by (year, word before that year), so a citation looks only at entries that
    could match it: "Smith 2019" at those with "smith" before a 2019."""
    index: dict[tuple[str, str], list[Reference]] = {}
    for reference in references:
        for year in _ANY_YEAR.finditer(reference.text):
            initials = _initials(reference.text[: year.start()])
            for word in [*_WORDS.findall(reference.text[: year.start()]), initials]:
                bucket = index.setdefault((year.group(0), word.lower()), [])
                if not bucket or bucket[-1] is not reference:
                    bucket.append(reference)
    return index


def _initials(author: str) -> str:
    """ "World Health Organization. (" → "who": how an organisation is cited by acronym."""
    words = [
        w for w in _WORDS.findall(author) if w.lower() not in ("of", "for", "and", "the", "on")
    ]
    return "".join(word[0] for word in words if word[:1].isupper()).lower()


def _resolve_undated(name: str, references: list[Reference]) -> tuple[str, Reference | None]:
    """ "(Anonymous, n.d.)": the entry that starts with the name and has no year, or says n.d."""
    pattern = re.compile(rf"^\W*{re.escape(name)}(?!\w)", re.IGNORECASE)
    for reference in references:
        undated = "n.d." in reference.text or not _ANY_YEAR.search(reference.text)
        if undated and pattern.search(reference.text):
            return f"{name} n.d.", reference
    return f"{name} n.d.", None


def _first_author_is(reference: Reference, name: str) -> bool:
    key = reference.author_key
    return key is not None and key.rpartition(" ")[0].lower() == name.lower()


def _split_superscript(
    marker: _Marker, by_label: dict[str, Reference]
) -> list[tuple[str, Reference]] | None:
    if not marker.superscript or len(marker.label) < 2:
        return None
    found = [(digit, by_label.get(digit)) for digit in marker.label]
    if any(reference is None for _, reference in found):
        return None
    return [(digit, reference) for digit, reference in found if reference is not None]


def extract_citations(document: Document) -> tuple[RecordTable[Citation], list[Reference]]:
    """The document's citations, in order, each resolved to a reference entry or to nothing,
    and its reference entries."""
    entries: list[EntrySpan] = find_entries(document)
    parsed = parse_entries(document, entries)
    label_spans = [
        (reference.entry_start, reference.start)
        for reference in parsed
        if reference.label_printed and reference.start > reference.entry_start
    ]
    # Inside an entry, "Smith (2019)" is the entry's own author and year, not a citation;
    # footnotes are prose too and may cite.
    entry_spans = [(ref.entry_start, ref.end) for ref in parsed if not ref.structural]
    note_spans = SpanIndex((ref.entry_start, ref.end) for ref in parsed if ref.structural)
    label_spans += list(document.code_spans)
    content_spans = SpanIndex((reference.start, reference.end) for reference in parsed)
    numeric = _numeric_markers(document, label_spans, content_spans)
    numeric_document = any(_is_number(marker.label) for marker in numeric)
    references = number_by_position(parsed) if numeric_document else parsed
    symbol_labels = {ref.label for ref in references if ref.label and set(ref.label) <= set("*†‡")}
    taken = label_spans + [(marker.start, marker.end) for marker in numeric]
    markers = numeric + _symbol_markers(document, SpanIndex(taken), symbol_labels)
    taken += [(marker.start, marker.end) for marker in markers] + entry_spans
    markers += _author_year_markers(document, SpanIndex(taken), bool(references), note_spans)
    del taken

    # A pasted wiki page numbers its explanatory notes [a], [b] (or [note 1]) and its
    # references [1], [2]: both lists print no labels, so the notes list is told by its
    # heading, and a number never resolves there.
    text = document.text
    letter_list = _letter_notes_list(references, text)
    if letter_list:
        markers += _letter_markers(text, SpanIndex([*label_spans, *entry_spans]))
    by_anchor = {reference.anchor: reference for reference in references if reference.anchor}
    # Markdown footnotes ([^1] and [^1]:) and numbered lists ([1], 1.) are two namespaces: a
    # marker looks in its own first.
    by_label: dict[str, Reference] = {}
    by_footnote: dict[str, Reference] = {}
    by_letter: dict[str, Reference] = {}
    for reference in references:
        if reference.label is not None:
            if letter_list and reference.list_id == letter_list:
                by_letter[reference.label] = reference
                continue
            namespace = by_footnote if is_footnote_definition(reference) else by_label
            namespace.setdefault(_normal_label(reference.label), reference)

    by_year = _references_by_year(references)
    order = {id(reference): index for index, reference in enumerate(references)}
    resolutions: dict[str, tuple[str, Reference | None]] = {}
    notes = frozenset(
        id(ref)
        for ref in references
        if ref.structural
        or text[ref.entry_start : ref.entry_start + 8].lstrip().startswith(BACKLINKS)
    )
    for marker in markers:
        if marker.style is CitationStyle.AUTHOR_YEAR and marker.label not in resolutions:
            name, _, year = marker.label.rpartition(" ")
            if year == "n.d.":
                candidates = references
            else:
                found = {
                    order[id(ref)]: ref
                    for word in name.split()
                    for ref in by_year.get((year[:4], word.lower()), [])
                }
                candidates = [found[key] for key in sorted(found)]
            resolutions[marker.label] = _resolve_author_year(marker.label, candidates, notes)
    resolved_author_year = {
        marker: resolutions[marker.label]
        for marker in markers
        if marker.style is CitationStyle.AUTHOR_YEAR
    }
    # A document that cites by author and year elsewhere makes "(Name 2019)" a citation too.
    author_year_document = bool(references) and any(
        marker.strong or resolution[1] is not None
        for marker, resolution in resolved_author_year.items()
    )
    citations = RecordTable(Citation, document.text, "c")
    for marker in sorted(markers, key=lambda marker: (marker.start, marker.end)):
        label = marker.label
        resolved: Reference | None = None
        if marker.style is CitationStyle.AUTHOR_YEAR:
            label, resolved = resolved_author_year[marker]
            if resolved is not None and resolved.entry_start <= marker.start < resolved.end:
                # "(Bramble Books, 2016)" inside a note names the note's own publisher.
                label, resolved = _resolve_author_year(
                    marker.label, [ref for ref in references if ref is not resolved], notes
                )
            weak_kept = marker.parenthetical and author_year_document
            if resolved is None and (marker.in_note or not (marker.strong or weak_kept)):
                continue
        elif marker.letter is not None:
            resolved = by_letter.get(str(marker.letter))
        else:
            if marker.target is not None:
                resolved = by_anchor.get(marker.target)
            if resolved is None:
                key = _normal_label(marker.label)
                footnote_form = document.text.startswith("[^", marker.start)
                first, second = (
                    (by_footnote, by_label) if footnote_form else (by_label, by_footnote)
                )
                resolved = first.get(key) or second.get(key)
            split = _split_superscript(marker, by_label) if resolved is None else None
            if split:
                # "²³" with notes 2 and 3 and no note 23: a PDF lost the comma between them.
                for digit, reference in split:
                    citations.append(
                        Citation(
                            f"c{len(citations) + 1}", digit, marker.start, marker.end, reference.id
                        )
                    )
                continue
        citations.append(
            Citation(
                id=f"c{len(citations) + 1}",
                marker=label,
                start=marker.start,
                end=marker.end,
                reference=resolved.id if resolved else None,
                style=marker.style,
            )
        )
    return citations, references
