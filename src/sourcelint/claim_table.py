"""The sentences of a document stored as columns: what keeps a 50 MB document's claims small.

A document of 50 MB holds about 900,000 sentences. As `Claim` objects, each with a copy of its
text, an id string and `SourceRef` objects of its own, they took about 12 bytes per byte of
input; as columns (offsets and scores in arrays, id lists shared with the objects they name,
source texts kept only where they are not the document's own words) they take about 2.
A `ClaimTable` is a `Sequence[Claim]`: indexing or iterating it builds each `Claim` on demand,
so every reader of claims (rules, outputs, tests) sees the same values as before.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Sequence

from sourcelint.model import Claim, SourceRef
from sourcelint.record_table import RowTable

# sourced_by kinds, stored as one byte each; an unknown kind is stored by name.
_KINDS = ("citation", "link", "attribution", "quote")
_KIND_CODES = {kind: code for code, kind in enumerate(_KINDS)}
_OTHER_KIND = 255


class _IdLists:
    """A tuple of ids per row, stored flat: row i holds ids offsets[i] to offsets[i+1]. An id
    of the form `<prefix><number>` ("c12") is stored as its number; any other id as itself."""

    __slots__ = ("_numbers", "_offsets", "_others", "_prefix")

    def __init__(self, prefix: str) -> None:
        self._prefix = prefix
        self._offsets: array[int] = array("q", [0])
        self._numbers: array[int] = array("q")
        self._others: dict[int, str] = {}

    def append(self, ids: tuple[str, ...]) -> None:
        for value in ids:
            digits = value[len(self._prefix) :]
            if value.startswith(self._prefix) and digits.isascii() and digits.isdigit():
                number = int(digits)
                if f"{self._prefix}{number}" == value:  # no leading zeros lost
                    self._numbers.append(number)
                    continue
            self._others[len(self._numbers)] = value
            self._numbers.append(-1)
        self._offsets.append(len(self._numbers))

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def get(self, row: int) -> tuple[str, ...]:
        low, high = self._offsets[row], self._offsets[row + 1]
        if low == high:
            return ()
        return tuple(
            self._others[index]
            if index in self._others
            else f"{self._prefix}{self._numbers[index]}"
            for index in range(low, high)
        )


class _SourceLists:
    """The `sourced_by` of each row: kind, offsets and, only where it is not the document's
    text at those offsets, the source's text."""

    __slots__ = ("_ends", "_kinds", "_offsets", "_other_kinds", "_starts", "_texts")

    def __init__(self) -> None:
        self._offsets: array[int] = array("q", [0])
        self._kinds: array[int] = array("B")
        self._starts: array[int] = array("q")
        self._ends: array[int] = array("q")
        self._texts: dict[int, str] = {}
        self._other_kinds: dict[int, str] = {}

    def append(self, sources: tuple[SourceRef, ...], text: str) -> None:
        for source in sources:
            index = len(self._kinds)
            code = _KIND_CODES.get(source.kind, _OTHER_KIND)
            if code == _OTHER_KIND:
                self._other_kinds[index] = source.kind
            self._kinds.append(code)
            self._starts.append(source.start)
            self._ends.append(source.end)
            if text[source.start : source.end] != source.text:
                self._texts[index] = source.text
        self._offsets.append(len(self._kinds))

    def get(self, row: int, text: str) -> tuple[SourceRef, ...]:
        low, high = self._offsets[row], self._offsets[row + 1]
        if low == high:
            return ()
        sources = []
        for index in range(low, high):
            code = self._kinds[index]
            kind = self._other_kinds[index] if code == _OTHER_KIND else _KINDS[code]
            start, end = self._starts[index], self._ends[index]
            own = self._texts.get(index)
            sources.append(SourceRef(kind, text[start:end] if own is None else own, start, end))
        return tuple(sources)


class ClaimTable(RowTable[Claim]):
    """A document's claims as columns over its text; a read-only sequence of `Claim`.

    Build one with `ClaimTable.build(text, claims)` from any iterable of claims (a generator
    keeps only one `Claim` alive at a time). A claim whose id is not `s<row + 1>` or whose
    text is not the document's text at its offsets keeps its own id or text.
    """

    __slots__ = (
        "_cache",
        "_citations",
        "_ends",
        "_ids",
        "_quantities",
        "_quotes",
        "_scores",
        "_sources",
        "_starts",
        "_text",
        "_texts",
    )
    _noun = "claim"

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: array[int] = array("q")
        self._ends: array[int] = array("q")
        self._scores: array[float] = array("d")
        self._cache = None
        self._ids: dict[int, str] = {}
        self._texts: dict[int, str] = {}
        self._citations = _IdLists("c")
        self._quotes = _IdLists("q")
        self._quantities = _IdLists("n")
        self._sources = _SourceLists()

    @classmethod
    def build(cls, text: str, claims: Iterable[Claim]) -> ClaimTable:
        """A table of these claims over the document text they were read from."""
        table = cls(text)
        for claim in claims:
            table._append(claim)
        return table

    def _append(self, claim: Claim) -> None:
        self._cache = None
        row = len(self._starts)
        if claim.id != f"s{row + 1}":
            self._ids[row] = claim.id
        if self._text[claim.start : claim.end] != claim.text:
            self._texts[row] = claim.text
        self._starts.append(claim.start)
        self._ends.append(claim.end)
        self._scores.append(math.nan if claim.checkworthy is None else claim.checkworthy)
        self._citations.append(claim.citations)
        self._quotes.append(claim.quotes)
        self._quantities.append(claim.quantities)
        self._sources.append(claim.sourced_by, self._text)

    def with_quantities(self, quantities: Iterable[tuple[str, ...]]) -> ClaimTable:
        """A table whose claims hold these quantity ids (one tuple per claim, in order); the
        other columns are shared, not copied."""
        column = _IdLists("n")
        for ids in quantities:
            column.append(ids)
        if len(column) != len(self):
            raise ValueError(f"{len(column)} quantity lists for {len(self)} claims")
        table = ClaimTable(self._text)
        for name in self.__slots__:
            setattr(table, name, getattr(self, name))
        table._quantities = column
        table._cache = None
        return table

    def _row(self, row: int) -> Claim:
        start, end = self._starts[row], self._ends[row]
        score = self._scores[row]
        own_text = self._texts.get(row)
        return Claim(
            self._ids.get(row) or f"s{row + 1}",
            self._text[start:end] if own_text is None else own_text,
            start,
            end,
            None if math.isnan(score) else score,
            self._citations.get(row),
            self._quotes.get(row),
            self._quantities.get(row),
            self._sources.get(row, self._text),
        )

    def __repr__(self) -> str:
        return f"ClaimTable({len(self)} claims)"


def sentence_spans(claims: Sequence[Claim]) -> Sequence[tuple[int, int]]:
    """The claims' (start, end) pairs: a view of a table's arrays, or a list for other claims."""
    if isinstance(claims, ClaimTable):
        return claims.spans()
    return [(claim.start, claim.end) for claim in claims]
