"""Giving freed memory back to the operating system between the stages of a large document.

Each stage of a large document's analysis frees most of what it built, but the C library
keeps freed blocks for reuse, scattered among live ones; the next stage then asks for more.
`malloc_trim` (glibc) returns the free pages, which lowers a 50 MB document's peak by about a
sixth (docs/benchmarks.md). Elsewhere (macOS, musl, Windows) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache
from typing import Any

# Below this much text a stage's garbage is small and trimming is not worth its time.
TRIM_FROM_CHARACTERS = 2_000_000


@cache
def _malloc_trim() -> Any:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None


def release_free_memory(characters: int) -> None:
    """Return freed heap memory to the system after a stage of a document this long."""
    if characters < TRIM_FROM_CHARACTERS:
        return
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
