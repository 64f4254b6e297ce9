"""`sourcelint.scan` in a notebook: the evidence map inline, escaped and sandboxed, and the
evidence as data frames."""

from __future__ import annotations

import html
import re

import sourcelint
from sourcelint.model import Analysis
from sourcelint.notebook import ScanResult

ARTICLE = (
    "Exports rose to 18,000 tonnes in October.[1] “We are ready,” the harbour master, Ana "
    "Ruiz, said. Officials expect 40 ships.[7]\n\n"
    "References\n\n[1] Port Authority, Annual Report, 2024.\n"
)
HOSTILE = 'He said "<script>alert(1)</script>" and left.\n'


def test_scan_returns_an_analysis_that_shows_the_evidence_map() -> None:
    result = sourcelint.scan(ARTICLE)
    assert isinstance(result, ScanResult) and isinstance(result, Analysis)
    shown = result._repr_html_()
    assert shown.startswith('<iframe sandbox="allow-scripts"')
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', shown).group(1))  # type: ignore[union-attr]
    assert "Ana Ruiz" in page and "18,000 tonnes" in page
    assert result.to_json() == Analysis.to_json(result)  # the contract is unchanged


def test_document_text_stays_text_inline() -> None:
    shown = sourcelint.scan(HOSTILE)._repr_html_()
    assert "<script>alert" not in shown  # the attribute holds the page escaped once more
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', shown).group(1))  # type: ignore[union-attr]
    assert "<script>alert(1)</script>" not in page  # and the page escapes the document
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_evidence_as_data_frames() -> None:
    frames = sourcelint.scan(ARTICLE, config=sourcelint.Settings()).to_pandas()
    assert list(frames["quotes"]["speaker"]) == ["Ana Ruiz"]
    assert 18000.0 in list(frames["quantities"]["value"])
    citations = frames["citations"]
    assert citations["entry"][0] == "Port Authority, Annual Report, 2024."
    assert citations["entry"].isna().tolist() == [False, True]  # [7] points nowhere
    assert "SL101" in list(frames["findings"]["code"])


def test_empty_evidence_gives_empty_frames_with_columns() -> None:
    frames = sourcelint.scan("We think it is fine.\n").to_pandas()
    for name in ("quotes", "quantities", "citations", "findings"):
        assert len(frames[name]) == 0
        assert len(frames[name].columns) > 0
