"""Formatters: Analysis values in, text out. They never compute findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sourcelint.model import Analysis
from sourcelint.output.github import render_github
from sourcelint.output.json_format import render_json_chunks
from sourcelint.output.sarif import render_sarif
from sourcelint.output.text import render_text_chunks

# A renderer returns the report whole, or in pieces to be written as they come (text and
# JSON, whose report for a large document would otherwise be held in memory as one string).
Renderer = Callable[[list[Analysis]], str | Iterable[str]]
RENDERERS: dict[str, Renderer] = {
    "text": render_text_chunks,
    "json": render_json_chunks,
    "sarif": render_sarif,
    "github": render_github,
}
