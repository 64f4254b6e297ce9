"""One odd detail costs one stage's results, never the document: an extractor or rule that
raises becomes an SL999 finding where it happened, and everything else is still reported."""

from __future__ import annotations

from typing import Any

import pytest

import sourcelint.api
from sourcelint.errors import SourcelintError
from sourcelint.extract import quantities as quantities_module
from sourcelint.guard import at
from sourcelint.rules import registry
from sourcelint.rules.base import Rule
from tests.conftest import scan_text

ARTICLE = (
    "The port handled 18,000 tonnes of grain in October.[1]\n\n"
    '"We are ready for the harvest," the harbour master, Ana Ruiz, said on Tuesday.\n\n'
    "Officials expect 40 ships next month.\n\n"
    "References\n\n[1] Port Authority, Annual Report, 2024.\n"
)


def test_a_failing_extractor_costs_its_own_results_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(document: Any, claims: Any, **options: Any) -> Any:
        for claim in claims:
            if "40 ships" in claim.text:
                at(claim.start)
                raise ZeroDivisionError("simulated bug")
        return []

    monkeypatch.setattr(sourcelint.api, "extract_quantities", broken)
    analysis = scan_text(ARTICLE)
    assert analysis.quantities == ()
    assert [quote.speaker.name for quote in analysis.quotes if quote.speaker] == ["Ana Ruiz"]
    assert [citation.reference for citation in analysis.citations] == ["r1"]
    failures = [finding for finding in analysis.findings if finding.code == "SL999"]
    assert len(failures) == 1
    failure = failures[0]
    assert ARTICLE[failure.start :].startswith("Officials expect 40 ships")
    assert (failure.line, failure.col) == (5, 1)
    assert "statistics extractor" in failure.message
    assert "ZeroDivisionError: simulated bug" in failure.message
    assert failure.severity.value == "error"


def test_a_failing_rule_costs_its_own_findings_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(evidence: Any) -> Any:
        raise KeyError("simulated")

    rules = tuple(
        Rule(**{**rule.__dict__, "check": broken}) if rule.code == "SL301" else rule
        for rule in registry.RULES
    )
    monkeypatch.setattr(sourcelint.api, "RULES", rules)
    broken_document = ARTICLE.replace("[1]", "[7]", 1)
    analysis = scan_text(broken_document)
    found = [finding.code for finding in analysis.findings]
    assert "SL101" in found  # the other rules still ran
    assert found.count("SL999") == 1
    message = next(f.message for f in analysis.findings if f.code == "SL999")
    assert "rule SL301" in message
    assert len(analysis.quantities) == 2  # extraction is untouched


def test_a_real_stage_failure_is_located_by_the_stage_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_reader = quantities_module._SentenceReader

    class Failing(real_reader):  # type: ignore[misc,valid-type]
        def figures(self) -> Any:
            if "40 ships" in self.text[self.start : self.end]:
                raise RuntimeError("boom")
            return super().figures()

    monkeypatch.setattr(quantities_module, "_SentenceReader", Failing)
    analysis = scan_text(ARTICLE)
    failure = next(finding for finding in analysis.findings if finding.code == "SL999")
    assert ARTICLE[failure.start :].startswith("Officials expect")


def test_a_coded_error_is_not_hidden_as_a_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_model(*args: Any, **options: Any) -> Any:
        raise SourcelintError("SL908", "no spaCy English model is installed")

    monkeypatch.setattr(sourcelint.api, "extract_claims", no_model)
    with pytest.raises(SourcelintError) as raised:
        scan_text(ARTICLE)
    assert raised.value.code == "SL908"
