"""Citation extraction and resolution against the hand-checked gold documents.

tests/fixtures/gold and tests/fixtures/gold2 hold documents written for these tests, blind to the
implementation, with their expected markers, positions, resolutions and findings (see their
READMEs; gold2 imitates the markup of real publishing platforms). Every expectation must hold.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sourcelint.api import analyze
from sourcelint.readers import read_path

FIXTURES = Path(__file__).parent / "fixtures"
DOCUMENTS = sorted(
    path
    for folder in (FIXTURES / "gold", FIXTURES / "gold2")
    for path in folder.iterdir()
    if path.suffix in (".txt", ".md", ".html") and path.stem != "README"
)
FINDING_KEYS = {
    "unresolved_markers": "SL101",
    "uncited_references": "SL102",
    "unfindable_references": "SL103",
    "empty_credits": "SL104",
    "duplicate_reference_labels": "SL105",
    "editor_flags": "SL106",
}


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name)
def test_gold_document(path: Path) -> None:
    gold = json.loads(path.with_name(f"{path.name}.gold.json").read_text(encoding="utf-8"))
    document = read_path(path)
    analysis = analyze(document)
    labels = {reference.id: reference.label for reference in analysis.references}

    found = sorted(
        (citation.marker, *document.locate(citation.start), labels.get(citation.reference or ""))
        for citation in analysis.citations
    )
    expected = sorted(
        (item["marker"], item["line"], item["col"], item["resolves_to"])
        for item in gold["citations"]
    )
    assert found == expected

    assert document.title == gold["title"]
    assert document.date == gold["date"]
    for key, code in FINDING_KEYS.items():
        lines = sorted(item if isinstance(item, int) else item[0] for item in gold[key])
        flagged = sorted(finding.line for finding in analysis.findings if finding.code == code)
        assert flagged == lines, f"{code} ({key})"
    suppressed = {tuple(item) for item in gold.get("suppressed_markers", [])}
    reported = {(finding.line, finding.col) for finding in analysis.findings}
    assert not suppressed & reported, "a marker silenced by a comment was reported"
    for text in gold["not_markers"]:
        assert all(document.text[c.start : c.end] != text for c in analysis.citations), text
