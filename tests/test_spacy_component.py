"""sourcelint inside other people's spaCy pipelines: the same quotations, figures and
citations as `sourcelint scan`, as spans with extensions."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy

from sourcelint import nlp as sourcelint_nlp
from sourcelint.spacy_component import SourcelintComponent
from tests.conftest import scan_text

ARTICLE = (
    "Harbour dues rise\n\n"
    "Exports rose to 18,000 tonnes in October.[1] “We are ready for the harvest,” the "
    "harbour master, Ana Ruiz, said on Tuesday. About 40 ships are expected next month.[2]\n\n"
    "References\n\n[1] Port Authority, Annual Report, 2024.\n"
)
MARKDOWN = (
    "# Harbour dues rise\n\n"
    "Exports rose to **18,000 tonnes** in October.[^1] “We are ready,” said *Ana Ruiz*, "
    "the harbour master.\n\n[^1]: Port Authority, Annual Report, 2024.\n"
)


def test_a_blank_pipeline_gets_the_scans_quotations_figures_and_citations() -> None:
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sourcelint")
    doc = pipeline(ARTICLE)
    scanned = scan_text(ARTICLE)
    quotes = [(span.text, span._.speaker, span._.cue) for span in doc.spans["quotes"]]
    assert quotes == [
        (ARTICLE[q.start : q.end], q.speaker.name if q.speaker else None, q.cue)
        for q in scanned.quotes
    ]
    assert quotes[0][1:] == ("Ana Ruiz", "said")
    figures = [(span.text, span._.value, span._.counted) for span in doc.spans["quantities"]]
    assert ("18,000 tonnes", 18000.0, "exports") in figures
    assert len(figures) == len(scanned.quantities)
    references = [span._.reference for span in doc.spans["citations"]]
    assert references == ["Port Authority, Annual Report, 2024.", None]  # [2] points nowhere
    assert doc._.sourcelint.findings == ()  # rules run only when asked


def test_the_models_own_pipeline_and_rules_on_request() -> None:
    pipeline = spacy.load(sourcelint_nlp.model_name())
    pipeline.add_pipe("sourcelint", config={"rules": True})
    doc = pipeline(ARTICLE)
    assert [span._.speaker for span in doc.spans["quotes"]] == ["Ana Ruiz"]
    assert "SL101" in [finding.code for finding in doc._.sourcelint.findings]
    assert doc[0].pos_  # the host's tagger still ran


def test_markdown_spans_land_on_the_markup() -> None:
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sourcelint", config={"format": "md"})
    doc = pipeline(MARKDOWN)
    assert [span.text for span in doc.spans["quotes"]] == ["We are ready,"]
    assert [span._.speaker for span in doc.spans["quotes"]] == ["Ana Ruiz"]
    # the blank tokenizer keeps "tonnes**" whole: the span widens to the token
    assert [span.text for span in doc.spans["quantities"]] == ["18,000 tonnes**"]
    assert [span._.value for span in doc.spans["quantities"]] == [18000.0]


def test_the_factory_is_an_entry_point_and_survives_a_save(tmp_path: Path) -> None:
    names = [entry.name for entry in entry_points(group="spacy_factories")]
    assert "sourcelint" in names
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sourcelint", config={"format": "md"})
    pipeline.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["sourcelint"]
    assert loaded.get_pipe_config("sourcelint")["format"] == "md"


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="format must be"):
        SourcelintComponent(format="pdf")


def test_loading_any_pipeline_does_not_import_the_analysis() -> None:
    # spaCy imports every spacy_factories entry point when a pipeline loads: the component's
    # module must stay light for everyone who merely has sourcelint installed
    probe = (
        "import sys, spacy; spacy.blank('en').add_pipe('sentencizer'); "
        f"spacy.load({sourcelint_nlp.model_name()!r}); "
        "print('sourcelint.api' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
