"""Shared helpers: documents are written in the tests; the model is loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcelint.api import analyze
from sourcelint.config import Settings
from sourcelint.model import Analysis
from sourcelint.readers import read_bytes

FIXTURES = Path(__file__).parent / "fixtures"
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


EVERY_RULE = Settings(select=("SL",))


def scan_text(
    content: str | bytes, fmt: str = "txt", path: str = "doc", *, settings: Settings = EVERY_RULE
) -> Analysis:
    """Read and analyse a document written in a test, with every rule on (those off by
    default too: a test of a rule runs it whatever the default set is)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return analyze(read_bytes(data, path=f"{path}.{fmt}", format=fmt), settings=settings)


def codes(analysis: Analysis) -> list[str]:
    """The codes of an analysis's findings, in order."""
    return [finding.code for finding in analysis.findings]


@pytest.fixture
def tmp_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder as the current directory (no stray configuration above it)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
