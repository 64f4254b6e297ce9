"""Formatters: Analysis values in, text out. They never compute findings."""

from __future__ import annotations

from collections.abc import Callable

from sourcelint.model import Analysis
from sourcelint.output.github import render_github
from sourcelint.output.json_format import render_json
from sourcelint.output.sarif import render_sarif
from sourcelint.output.text import render_text

Renderer = Callable[[list[Analysis]], str]
RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
}
