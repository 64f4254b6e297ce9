"""Term lists shipped as data files (src/sourcelint/data/*.txt), loaded once."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load_terms(name: str) -> tuple[str, ...]:
    """The entries of data/NAME.txt: one per line, `#` comments and blank lines skipped."""
    text = resources.files("sourcelint").joinpath("data", f"{name}.txt").read_text("utf-8")
    entries = (line.strip() for line in text.splitlines())
    return tuple(entry for entry in entries if entry and not entry.startswith("#"))
