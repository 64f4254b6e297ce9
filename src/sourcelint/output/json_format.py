"""The JSON contract (schema "sourcelint/1", DESIGN.md)."""

from __future__ import annotations

import json

from sourcelint.model import Analysis, contract


def render_json(analyses: list[Analysis]) -> str:
    """The whole scan as the JSON contract."""
    return json.dumps(contract(analyses), ensure_ascii=False, indent=2) + "\n"
