"""Many small records of one kind stored as columns: what keeps a large document's citations
and statistics small.

A frozen dataclass instance costs its object, an id string, a copy of its text and an int
object per offset: about 200 bytes before its own values. A `RecordTable` keeps offsets in
arrays, derives `id` (`<prefix><row + 1>`) and `text` (the document's text at the record's
offsets) unless a record says otherwise, and keeps every other field as one pointer per row.
It is a `Sequence` of the records: indexing or iterating builds each one on demand, equal to
the record it was built from.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from typing import Any, Generic, Protocol, TypeVar, overload


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


Record = TypeVar("Record", bound=_Spanned)

_DERIVED = ("id", "text", "start", "end")

# Up to this many rows (a document of about 1 MB) a table keeps the objects it builds: the
# rules read them many times. Above it, each read builds them again and memory stays small.
CACHED_ROWS = 25_000


class _EqualAsSequence:
    """Equal to any sequence of the same items in the same order (a list or tuple of the
    records, another table); unhashable, as lists are."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        mine: Sequence[Any] = self  # type: ignore[assignment]
        return len(mine) == len(other) and all(a == b for a, b in zip(mine, other, strict=True))

    __hash__ = None  # type: ignore[assignment]


class Spans(_EqualAsSequence, Sequence[tuple[int, int]]):
    """(start, end) pairs read from two arrays, without a tuple per pair until one is asked
    for. `starts` is sorted when the spans are (sentences are), so `bisect` can search it."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, starts: array[int], ends: array[int]) -> None:
        self._starts = starts
        self._ends = ends

    @property
    def starts(self) -> array[int]:
        """The start offsets (shared: do not change them)."""
        return self._starts

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, int]]: ...

    def __getitem__(self, index: int | slice) -> tuple[int, int] | list[tuple[int, int]]:
        if isinstance(index, slice):
            return list(zip(self._starts[index], self._ends[index], strict=True))
        return self._starts[index], self._ends[index]

    def __repr__(self) -> str:
        return f"Spans({list(self)!r})"


Row = TypeVar("Row")


class RowTable(_EqualAsSequence, Sequence[Row]):
    """Rows over a document's text kept as columns and built on read: what `RecordTable` and
    `ClaimTable` share. A subclass fills `_text`, `_starts`, `_ends` and `_cache` (None
    whenever a row changes) and builds one row in `_row`."""

    __slots__ = ()
    _noun = "row"  # in the message for an index out of range
    _text: str
    _starts: array[int]
    _ends: array[int]
    _cache: tuple[Row, ...] | None

    @property
    def text(self) -> str:
        """The document text the rows' offsets point into."""
        return self._text

    def spans(self) -> Spans:
        """Each row's (start, end), without building the rows."""
        return Spans(self._starts, self._ends)

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Row, ...]: ...

    def __getitem__(self, index: int | slice) -> Row | tuple[Row, ...]:
        if isinstance(index, slice):
            return tuple(self._row(row) for row in range(len(self))[index])
        rows = len(self._starts)
        if index < 0:
            index += rows
        if not 0 <= index < rows:
            raise IndexError(f"{self._noun} index out of range")
        cache = self._cached()
        return self._row(index) if cache is None else cache[index]

    def __iter__(self) -> Iterator[Row]:
        cache = self._cached()
        if cache is not None:
            yield from cache
            return
        for row in range(len(self._starts)):
            yield self._row(row)

    def _cached(self) -> tuple[Row, ...] | None:
        """Every row built once, for a table small enough that holding them costs less than
        building them again on each read (rules read a document's rows many times)."""
        if self._cache is None and len(self._starts) <= CACHED_ROWS:
            self._cache = tuple(self._row(row) for row in range(len(self._starts)))
        return self._cache

    def _row(self, row: int) -> Row:
        raise NotImplementedError


class RecordTable(RowTable[Record], Generic[Record]):
    """Records of `kind` (a dataclass with `start` and `end`, and maybe `id` and `text`) over
    a document's text, as columns. Build one with `RecordTable.build`."""

    __slots__ = (
        "_cache",
        "_columns",
        "_ends",
        "_has_id",
        "_has_text",
        "_ids",
        "_kind",
        "_names",
        "_prefix",
        "_starts",
        "_text",
        "_texts",
    )

    def __init__(self, kind: type[Record], text: str, prefix: str) -> None:
        self._kind = kind
        self._text = text
        self._prefix = prefix
        names = [field.name for field in fields(kind)]  # type: ignore[arg-type]
        self._has_text = "text" in names
        self._has_id = "id" in names
        self._names = tuple(names)
        self._columns: dict[str, list[Any]] = {name: [] for name in names if name not in _DERIVED}
        self._starts: array[int] = array("q")
        self._ends: array[int] = array("q")
        self._cache = None
        self._ids: dict[int, str] = {}
        self._texts: dict[int, str] = {}

    @classmethod
    def build(
        cls, kind: type[Record], text: str, prefix: str, records: Iterable[Record]
    ) -> RecordTable[Record]:
        """A table of these records (ids `<prefix>1`, `<prefix>2`, … are not stored)."""
        table = cls(kind, text, prefix)
        for record in records:
            table.append(record)
        return table

    def append(self, record: Record) -> None:
        """Add a record at the end (while the table is being built; tables are read-only
        once handed on)."""
        self._cache = None
        row = len(self._starts)
        if self._has_id:
            own_id: str = record.id  # type: ignore[attr-defined]
            if own_id != f"{self._prefix}{row + 1}":
                self._ids[row] = own_id
        if self._has_text:
            own: str = record.text  # type: ignore[attr-defined]
            if self._text[record.start : record.end] != own:
                self._texts[row] = own
        self._starts.append(record.start)
        self._ends.append(record.end)
        for name, column in self._columns.items():
            value = getattr(record, name)
            # Labels, units, dates and counted things repeat across a document: one copy each.
            column.append(sys.intern(value) if type(value) is str else value)

    def with_columns(self, **columns: list[Any]) -> RecordTable[Record]:
        """A table with these stored fields replaced (one value per row); the other columns
        are shared, not copied."""
        for name, values in columns.items():
            if name not in self._columns or len(values) != len(self):
                raise ValueError(f"no column {name!r} of {len(self)} rows to replace")
        table = RecordTable(self._kind, self._text, self._prefix)
        table._starts, table._ends = self._starts, self._ends
        table._ids, table._texts = self._ids, self._texts
        table._columns = {**self._columns, **columns}
        return table

    def column(self, name: str) -> list[Any]:
        """One stored field of every record, in order (a copy)."""
        if name == "start":
            return list(self._starts)
        if name == "end":
            return list(self._ends)
        if name in self._columns:
            return list(self._columns[name])
        return [getattr(record, name) for record in self]

    def _row(self, row: int) -> Record:
        start, end = self._starts[row], self._ends[row]
        values: list[Any] = []
        for name in self._names:  # positional: the dataclass's field order
            if name == "id":
                values.append(self._ids.get(row) or f"{self._prefix}{row + 1}")
            elif name == "start":
                values.append(start)
            elif name == "end":
                values.append(end)
            elif name == "text":
                own = self._texts.get(row)
                values.append(self._text[start:end] if own is None else own)
            else:
                values.append(self._columns[name][row])
        return self._kind(*values)

    def __repr__(self) -> str:
        return f"RecordTable({self._kind.__name__}, {len(self)} records)"
