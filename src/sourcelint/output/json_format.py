"""The JSON contract (schema "sourcelint/1.2": DESIGN.md's "sourcelint/1" plus quantity keys
and the sources of the title and date; the README documents each addition)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from sourcelint.model import Analysis, contract


def render_json_chunks(analyses: list[Analysis]) -> Iterator[str]:
    """The whole scan as the JSON contract, in pieces to write as they come: a large
    document's contract is never held as one string."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    yield from encoder.iterencode(contract(analyses))
    yield "\n"


def render_json(analyses: list[Analysis]) -> str:
    """The whole scan as the JSON contract."""
    return "".join(render_json_chunks(analyses))
