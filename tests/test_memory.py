"""Freed memory is given back between the stages of a large document, and only of one."""

from __future__ import annotations

import pytest

from sourcelint import memory


def test_only_a_large_document_trims(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(memory, "_malloc_trim", lambda: calls.append)
    memory.release_free_memory(memory.TRIM_FROM_CHARACTERS - 1)
    assert calls == []
    memory.release_free_memory(memory.TRIM_FROM_CHARACTERS)
    assert calls == [0]


def test_without_malloc_trim_nothing_happens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "_malloc_trim", lambda: None)
    memory.release_free_memory(10 * memory.TRIM_FROM_CHARACTERS)  # no error


def test_the_real_trim_runs_where_the_c_library_has_it() -> None:
    memory.release_free_memory(memory.TRIM_FROM_CHARACTERS)  # glibc here; a no-op elsewhere
