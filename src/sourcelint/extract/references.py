"""Reference lists, footnote sections and bibliographies, and their entries.

Entries are found by structure (Markdown footnote definitions, HTML footnote sections and
`ol.references`, lines that open with a bracketed label) and by heading (References, Notes,
Sources, ... up to the next heading of the same or a higher level). Each entry is parsed for
its label, URL, DOI and whether it names anything a reader could find.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from sourcelint.dates import MONTHS
from sourcelint.document import Block, BlockKind, Document
from sourcelint.extract.patterns import (
    NAME_PARTICLES,
    PARTICLE,
    attached_marks,
    superscript_number,
)
from sourcelint.model import Reference
from sourcelint.terms import load_terms

_SECTION_NUMBER = re.compile(r"^\s*(?:[#=]+\s*)?(?:\d+(?:\.\d+)*\.?|[IVX]+\.)?\s*")
# Outside reference sections only numbers and footnote labels open an entry: "- [x] Done" is a
# task list and "[Update] ..." an editor's note.
_LABELLED_LINE = re.compile(
    r"^[ \t]*(?:\[(?:\d{1,3}|\^[^\]\s]{1,20})\]:?|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})[ \t]*\S"
)
# what a wiki page pasted from the browser prints after its last list
_PAGE_FURNITURE = re.compile(
    r"[ \t]*(?:Retrieved from [\"“]?https?://|Categories:|Hidden categories:|Navigation menu\s*$)"
)
_GENERAL_READING = frozenset({"further reading", "additional reading", "suggested reading"})
_CONTENTS_LINE = re.compile(r"[ \t]*\d+(?:\.\d+)*[ \t]+[A-Z][^\n.]{0,60}$", re.MULTILINE)
_MARK_LINE = re.compile(r"^[ \t]*([*†‡]{1,3})[ \t]*[^\s*†‡]")
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_LABEL = re.compile(
    r"^(?:\s*(?:"
    r"\[\^?(?P<bracket>[^\]\s]{1,20})\]:?"
    r"|(?P<number>\d{1,3})[.)](?=\s)"
    r"|(?P<superscript>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?=\s*\S)"
    r"|(?P<symbol>[*†‡]{1,3})(?=\s*\S)"
    # "1 Ministry of ...", as PDFs print notes; not indented (a wrapped line) nor a date.
    rf")|(?P<spaced>\d{{1,3}})(?=[ \t]+(?!(?:{_MONTH_NAMES})\b)[A-Z\"“]))\s*"
)
# what a wiki's heading carries when copied from the browser: "References[edit]", "Notes [edit
# source]"
# "References[edit]", and "[edit] References" as MediaWiki printed it before 2013
_EDIT_RESIDUE = re.compile(
    r"\s*\[\s*edit(?:\s+source)?\s*\]\s*$|^\s*\[\s*edit(?:\s+source)?\s*\]\s*", re.IGNORECASE
)
# A wiki's back-links before a pasted note: "^", "^ a b", "↑" (other skins and languages)
BACKLINKS = ("^", "↑")
_WEB_BACKLINKS = re.compile(r"^\s*[\^↑](?:\s+[a-z](?=\s))*\s*")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'\]]+", re.IGNORECASE)
_DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+")
_ISBN = re.compile(r"\bISBN(?:-1[03])?[:\s]*[\dX][\dX\s-]{8,16}[\dX]\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)([a-z]?)\b")
_UNDATED = re.compile(r"\bn\.\s?d\.")
_QUOTED_TITLE = re.compile(r"[\"“][^\"”]{3,}[\"”]")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_TRAILING_PUNCTUATION = ".,;:)]}>"
_FIRST_AUTHOR = re.compile(
    rf"^\s*(?P<name>{PARTICLE}*"
    r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,5}?)\s*(?:,|\.|\(|\s(?:and|&)\s|$)",
    re.UNICODE,
)


_AFTER_INITIAL = re.compile(r"\.\s+([A-Z][\w'’-]+)(?=\s*(?:,|\(|\.|\s(?:and|&)\s|$))")


@cache
def heading_names() -> frozenset[str]:
    """Headings that open a reference section, lowercased."""
    return frozenset(load_terms("reference_headings"))


def is_reference_heading(text: str) -> bool:
    """True when a heading's text names a reference section ("References", "7. Notes:")."""
    return heading_name(text) in heading_names()


def offered_for_reading(reference: Reference) -> bool:
    """Whether an entry stands under "Further reading": offered, not owed a citation."""
    return reference.heading in _GENERAL_READING


def heading_name(text: str) -> str:
    """A heading's name without its number, edit links and colon, in lower case."""
    name = _EDIT_RESIDUE.sub("", _SECTION_NUMBER.sub("", text.strip()))
    return name.rstrip(":").strip().lower()


def _clean_url(url: str) -> str:
    return url.rstrip(_TRAILING_PUNCTUATION)


def is_footnote_definition(reference: Reference) -> bool:
    """A Markdown footnote definition ([^1]: ...): a note whose label the author declared."""
    return reference.structural and reference.label_printed


def label_namespace(reference: Reference) -> object:
    """Where a label must be unique: Markdown footnote definitions share one namespace, and
    each reference list has its own."""
    return "footnotes" if is_footnote_definition(reference) else reference.list_id


def is_findable(text: str, has_locator: bool) -> bool:
    """Whether an entry names something a reader could find: a URL, DOI or ISBN, a quoted
    title, or any word that is neither a generic non-locator ("personal communication",
    "internal memo") nor a month: a name, an outlet, a title."""
    if has_locator or _ISBN.search(text) or _QUOTED_TITLE.search(text):
        return True
    words = [word.lower().strip(".'’-") for word in _WORD.findall(text)]
    generic = non_locators()
    return any(word and word not in generic and word not in MONTHS for word in words)


@cache
def non_locators() -> frozenset[str]:
    """Words that name no source (data/non_locators.txt)."""
    return frozenset(load_terms("non_locators"))


def without_initials(words: list[str]) -> list[str]:
    """A name's words without the initials Vancouver and knitcitations print after the
    surname, with no comma: "Fischer J", "Possingham HP" → the surname."""
    if len(words) > 1 and re.fullmatch(r"[A-Z]{1,3}\.?", words[-1]):
        return words[:-1]
    return words


def author_key(text: str) -> str | None:
    """The first author's surname (or an organisation's name) and year: "Smith 2019"; an
    entry with no year (or "n.d.") gives "Anonymous n.d."."""
    year = _YEAR.search(text)
    undated = _UNDATED.search(text)
    if not year or (undated and undated.start() < year.start()):
        name_match = _FIRST_AUTHOR.match(text[: undated.start()] if undated else text)
        if not name_match or len(name_match.group("name").split()) > 4:
            return None
        return f"{name_match.group('name').strip()} n.d."
    head = text[: year.start()]
    match = _FIRST_AUTHOR.match(head)
    if not match:
        return None
    name = match.group("name").strip()
    if len(name.split()) >= 2 and re.search(r"\s[A-Z]$", name):
        # "Thomas R. Eisenmann, …": a middle initial's full stop does not end the name
        rest = _AFTER_INITIAL.match(head, match.end("name"))
        if rest is not None:
            name = f"{name}. {rest.group(1)}"
    words = name.split()
    if len(surname := without_initials(words)) < len(words):
        return f"{' '.join(surname)} {year.group(1)}{year.group(2)}"
    given_and_surname = len([word for word in words if word.lower() not in NAME_PARTICLES]) > 1
    if given_and_surname and not _organisation_author(words):
        # "Jane Smith and ..." / "Jane Smith." : the surname is the last word of the name.
        surname_words = [words[-1]]
        for word in reversed(words[:-1]):
            if word.lower() in NAME_PARTICLES:
                surname_words.insert(0, word)
            else:
                break
        name = " ".join(surname_words)
    return f"{name} {year.group(1)}{year.group(2)}"


def _organisation_author(words: list[str]) -> bool:
    """An organisation as first author ("World Health Organization", "UNICEF"), not a person
    with a middle name or initial ("Geoffrey G Parker", "Sangeet Paul Choudary")."""
    if any(word.isupper() and len(word.rstrip(".")) > 1 for word in words):
        return True
    organisation = _organisation_words()
    if any(word.lower().strip(".,") in organisation for word in words):
        return True
    named = [
        word for word in words if word.lower() not in NAME_PARTICLES and len(word.rstrip(".")) > 1
    ]
    return len(named) > 3


@cache
def _organisation_words() -> frozenset[str]:
    return frozenset(load_terms("organisation_words"))


@dataclass
class EntrySpan:
    """Where one entry lies, label included, and what its structure says about it."""

    start: int
    end: int
    list_id: int
    structural: bool = False
    ordinal: int | None = None
    declared_label: str | None = None
    anchor: str | None = None
    parts: list[tuple[int, int]] = field(default_factory=list)
    heading: str | None = None  # the list's heading, lower case ("notes", "references")


class _Finder:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        self.entries: list[EntrySpan] = []
        self.labelled: dict[int, bool] = {}  # list id -> every entry so far has a printed label
        self.carets: dict[int, bool] = {}  # list id -> every entry so far opens with "^"
        self.list_id = 0
        self.headings: dict[int, str] = {}  # list id -> its heading, lower case
        self.ended = False  # a list ran into the page's own furniture
        # A footnote mark and its note come in pairs: "rose 4%*" ... "* Provisional figures".
        self.attached_marks = {match.group(1) for match in attached_marks(self.text)}

    def _new_list(self) -> int:
        self.list_id += 1
        return self.list_id

    def find(self) -> list[EntrySpan]:
        section_level: int | None = None
        section_list = 0
        items: dict[tuple[int, int], EntrySpan] = {}
        note_lists: dict[int | None, int] = {}
        for block in self.document.blocks:
            body = self.text[block.start : block.end]
            guessed_heading = self.document.format == "txt"  # plain text has no markup for them
            if block.kind is BlockKind.HEADING and not (
                guessed_heading and section_level is not None and _looks_like_entry(body)
            ):
                if is_reference_heading(body):
                    section_level, section_list = block.level, self._new_list()
                    self.headings[section_list] = heading_name(body)
                elif section_level is not None and (
                    guessed_heading or block.level <= section_level
                ):
                    section_level = None
                continue
            if (
                block.kind is BlockKind.PARAGRAPH
                and "\n" not in body
                and len(body.split()) <= 3
                and is_reference_heading(body)
            ):
                # "References" or "**Sources**" as a paragraph of its own: a heading in all
                # but markup (Markdown and HTML pages often write it so)
                section_level, section_list = 2, self._new_list()
                self.headings[section_list] = heading_name(body)
                continue
            if block.kind is BlockKind.NOTE:
                list_id = note_lists.setdefault(block.group, self._new_list())
                self._item(items, block, list_id, structural=True)
                continue
            if block.kind is BlockKind.PARAGRAPH and "\n" in body:
                lines = list(_line_spans(self.text, block.start, block.end))
                # a wiki's pasted table of contents ("7 See also", "8 References", "9 External
                # links") names the sections; its "8 References" starts no list
                contents = sum(1 for a, b in lines if _CONTENTS_LINE.match(self.text, a, b)) >= 3
                headings = [
                    (line_start, line_end)
                    for line_start, line_end in lines
                    if line_end < block.end
                    and is_reference_heading(self.text[line_start:line_end])
                    and not (contents and _CONTENTS_LINE.match(self.text, line_start, line_end))
                ]
                if headings:
                    # "References" (or "Notes[edit]" pasted from a wiki) on the line right above
                    # its entries, with no blank line before or after it: each such line starts
                    # a list; the lines before the first are the paragraph's own.
                    if section_level is not None and headings[0][0] > block.start:
                        self._lines(block.start, headings[0][0] - 1, section_list)
                    bounds = [*(start for start, _ in headings[1:]), block.end + 1]
                    for (heading_start, heading_end), next_start in zip(
                        headings, bounds, strict=True
                    ):
                        section_level, section_list = 2, self._new_list()
                        heading = heading_name(self.text[heading_start:heading_end])
                        self.headings[section_list] = heading
                        self._lines(heading_end + 1, next_start - 1, section_list)
                    continue
            if self.ended:
                section_level, self.ended = None, False
            if section_level is not None and self._ends_labelled_list(body, section_list):
                section_level = None  # "Jane Doe reports on farming." after "[1] ... [2] ..."
            if section_level is not None:
                if block.kind is BlockKind.LIST_ITEM:
                    self._item(items, block, section_list, structural=False)
                elif block.kind in (BlockKind.PARAGRAPH, BlockKind.CELL, BlockKind.HEADING):
                    self._lines(block.start, block.end, section_list)
            else:
                self._labelled_lines(block)
        for entry in self.entries:
            entry.heading = self.headings.get(entry.list_id)
        return sorted(self.entries, key=lambda entry: entry.start)

    def _ends_labelled_list(self, body: str, list_id: int) -> bool:
        """A paragraph without a label after a list whose entries all have printed labels."""
        if body.lstrip().startswith(BACKLINKS):
            return False
        if self.carets.get(list_id, False):
            return True  # a wiki's pasted list ("^ a b …") ends where its carets end
        return (
            self.labelled.get(list_id, False)
            and _LABEL.match(body) is None
            and not looks_like_bibliography_entry(body)  # an unnumbered bibliography below
        )

    def _add(self, entry: EntrySpan) -> None:
        self.entries.append(entry)
        body = self.text[entry.start : entry.end]
        caret = body.lstrip().startswith(BACKLINKS)
        printed = _LABEL.match(body) is not None or caret
        self.carets[entry.list_id] = self.carets.get(entry.list_id, True) and caret
        self.labelled[entry.list_id] = self.labelled.get(entry.list_id, True) and printed

    def _item(
        self,
        items: dict[tuple[int, int], EntrySpan],
        block: Block,
        list_id: int,
        *,
        structural: bool,
    ) -> None:
        key = (list_id, block.item if block.item is not None else -block.start)
        entry = items.get(key)
        if entry is None:
            entry = EntrySpan(
                block.start,
                block.end,
                list_id,
                structural=structural,
                ordinal=block.ordinal,
                declared_label=block.label,
                anchor=block.anchor,
            )
            items[key] = entry
            self._add(entry)
        entry.end = max(entry.end, block.end)

    def _lines(self, start: int, end: int, list_id: int) -> None:
        """Split a paragraph of a reference section into entries, one per labelled line or,
        with no labels, one per line that starts a new entry."""
        current: EntrySpan | None = None
        previous_line = ""
        labelled = _any_label(self.text, start, end)
        for line_start, line_end in _line_spans(self.text, start, end):
            line = self.text[line_start:line_end]
            if not line.strip():
                continue
            if _PAGE_FURNITURE.match(line):
                self.ended = True
                return  # a pasted wiki page goes on with its categories and menus
            starts_entry = (
                current is None
                or _LABEL.match(line) is not None
                or line.lstrip().startswith(BACKLINKS)
                or (
                    not labelled
                    and _starts_like_entry(line)
                    and (
                        _ends_an_entry(previous_line)
                        # a pasted list: one entry per line, each with its author and year
                        or looks_like_bibliography_entry(line)
                    )
                )
            )
            if starts_entry:
                current = EntrySpan(line_start, line_end, list_id)
                self._add(current)
            elif current is not None:
                current.end = line_end
            previous_line = line

    def _labelled_lines(self, block: Block) -> None:
        """Outside reference sections, a line opening with a bracketed label is an entry."""
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            return
        body = self.text[block.start : block.end]
        mark = _MARK_LINE.match(body)
        if not _LABELLED_LINE.match(body) and not (mark and mark.group(1) in self.attached_marks):
            return
        list_id = (
            self.entries[-1].list_id if self.entries and not self.entries[-1].structural else 0
        )
        if not list_id or self.entries[-1].end < block.start - 3:
            list_id = self._new_list()
        self._lines(block.start, block.end, list_id)


def _ends_an_entry(line: str) -> bool:
    """A line an entry can end with: closing punctuation, or a URL or DOI (APA 7 style)."""
    stripped = line.rstrip()
    if stripped.endswith((".", ")", "/", '"', "”")):
        return True
    last = stripped.rsplit(None, 1)[-1] if stripped else ""
    return bool(_URL.fullmatch(last) or _DOI.search(last))


def looks_like_bibliography_entry(text: str) -> bool:
    """A paragraph that is an unnumbered bibliography entry, not prose: it opens with a URL
    or a quoted title, or with author names and then a year ("Okafor, N., & Sato, K. (2023)",
    "Jane Smith and Bob Lee. 2020.") with no ordinary lowercase word before the year."""
    stripped = text.strip()
    if _URL.match(stripped) or (
        stripped[:1] in '"“' and (_YEAR.search(stripped) or _URL.search(stripped))
    ):
        return True
    year = _YEAR.search(stripped)
    if year is None or year.start() > 200 or author_key(stripped) is None:
        return False
    before = _WORD.findall(stripped[: year.start()])
    allowed = NAME_PARTICLES | {"and", "et", "al", "al.", "eds", "ed", "eds.", "ed."}
    return all(word[:1].isupper() or word.lower() in allowed for word in before)


def _looks_like_entry(text: str) -> bool:
    """A one-line paragraph that is a reference entry, not a heading: it has a label, a URL,
    a DOI or a year."""
    return bool(_LABEL.match(text) or _URL.search(text) or _DOI.search(text) or _YEAR.search(text))


def _starts_like_entry(line: str) -> bool:
    """A line that opens an entry: a capital, a quoted title, or a name particle + capital."""
    words = line.split()
    if not words:
        return False
    first = words[0]
    if first[:1].isupper() or first[:1] in "\"“'‘(":
        return True
    return (
        first.lower() in NAME_PARTICLES
        and len(words) > 1
        and any(w[:1].isupper() for w in words[1:3])
    )


def _any_label(text: str, start: int, end: int) -> bool:
    return any(_LABEL.match(text[s:e]) for s, e in _line_spans(text, start, end))


def _line_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        line_end = end if newline < 0 else newline
        yield position, line_end
        position = line_end + 1


def find_entries(document: Document) -> list[EntrySpan]:
    """Where the reference entries of a document are, in order."""
    return _Finder(document).find()


def parse_entries(document: Document, entries: list[EntrySpan]) -> list[Reference]:
    """The reference entries found by `find_entries`, parsed. An entry with no label of its
    own is labelled by its first author and year; `number_by_position` relabels such entries
    by their place in the list when the document cites by number."""
    text = document.text
    references: list[Reference] = []
    position_in_list: dict[int, int] = {}
    links = sorted(document.links, key=lambda link: link.start)
    link_starts = [link.start for link in links]
    printed_lists = {
        entry.list_id for entry in entries if _LABEL.match(text[entry.start : entry.end])
    }
    for entry in entries:
        raw = text[entry.start : entry.end]
        label: str | None = entry.declared_label
        printed = entry.declared_label is not None and entry.ordinal is None
        content_start = entry.start
        match = None if entry.declared_label is not None else _LABEL.match(raw)
        if match and match.group("spaced") and (entry.ordinal is not None or entry.structural):
            match = None  # "42 U.S.C. § 1983", "3 News": a list item's text, not its number
        if match:
            superscript = match.group("superscript")
            label = (
                match.group("bracket")
                or match.group("number")
                or match.group("spaced")
                or match.group("symbol")
                or (str(int(superscript_number(superscript))) if superscript else None)
            )
            printed = True
            content_start = entry.start + match.end()
        else:
            backlinks = _WEB_BACKLINKS.match(raw)
            if backlinks and backlinks.end():
                content_start = entry.start + backlinks.end()
        body = text[content_start : entry.end].strip()
        if not any(char.isalnum() for char in body) and not entry.structural:
            continue  # "###", "* * *": an end mark, not an entry
        content_start = text.find(body[:1], content_start) if body else content_start
        content_end = content_start + len(body)
        position_in_list[entry.list_id] = position_in_list.get(entry.list_id, 0) + 1
        key = author_key(body)
        position = None
        if label is None:
            if entry.ordinal is not None:
                label = str(entry.ordinal)
            else:
                label = key
                if entry.list_id not in printed_lists:
                    position = position_in_list[entry.list_id]
        url_match = _URL.search(body)
        url = _clean_url(url_match.group(0)) if url_match else None
        if url is None:
            first = bisect.bisect_left(link_starts, content_start)
            last = bisect.bisect_left(link_starts, content_end)
            url = next(
                (link.url for link in links[first:last] if link.url.startswith("http")), None
            )
        doi_match = _DOI.search(body)
        doi = _clean_url(doi_match.group(0)) if doi_match else None
        if url is None and doi is not None:
            url = f"https://doi.org/{doi}"
        references.append(
            Reference(
                id=f"r{len(references) + 1}",
                label=label,
                text=body,
                start=content_start,
                end=content_end,
                url=url,
                doi=doi,
                findable=is_findable(body, url is not None or doi is not None),
                label_printed=printed,
                structural=entry.structural,
                list_id=entry.list_id,
                heading=entry.heading,
                anchor=entry.anchor,
                author_key=key,
                entry_start=entry.start,
                position=position,
            )
        )
    return references


def number_by_position(references: list[Reference]) -> list[Reference]:
    """For a document that cites by number: entries that print no number (a list copied from
    a web page) take the number of their place in the list."""
    return [
        replace(reference, label=str(reference.position))
        if reference.position is not None
        else reference
        for reference in references
    ]
