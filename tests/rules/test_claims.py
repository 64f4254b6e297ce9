"""SL4xx: unsourced check-worthy claims, vague attributions and claims on unresolved markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcelint.cli import main
from sourcelint.model import Analysis

from ..conftest import scan_text


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


FACT = "Varnia moved two armoured brigades to within 30 kilometres of the border on Wednesday"
OPINION_DOCUMENT = (
    Path(__file__).parents[1] / "fixtures" / "checkworthy_gold" / "opinion_neighbours.md"
)


def claim_codes(analysis: Analysis) -> list[str]:
    return [finding.code for finding in analysis.findings if finding.code.startswith("SL4")]


def test_an_unsourced_fact_is_reported_and_each_kind_of_source_sources_it() -> None:
    assert claim_codes(scan_text(f"Border news\n\n{FACT}.\n")) == ["SL401"]
    for sourced in (
        f"{FACT}, the defence ministry said.",
        f"According to the defence ministry, v{FACT[1:]}.",
        f"{FACT}, said Defence Minister Ana Ruiz.",
        f"{FACT}.[1]\n\n## References\n\n1. Defence Ministry, Statement, 2025.",
        f"[{FACT}](https://example.org/statement).",
        f"“{FACT},” Defence Minister Ana Ruiz said.",
    ):
        analysis = scan_text(f"Border news\n\n{sourced}\n", "md")
        assert claim_codes(analysis) == [], sourced
        assert any(claim.sourced_by for claim in analysis.claims), sourced


def test_the_pure_opinion_document_yields_no_unsourced_claim() -> None:
    analysis = scan_text(OPINION_DOCUMENT.read_text("utf-8"), "md")
    assert "SL401" not in claim_codes(analysis)


def test_vague_attributions_are_sl402_not_sources() -> None:
    for phrase in ("Experts say", "Studies show", "Sources said", "Critics argue"):
        analysis = scan_text(f"Dam report\n\n{phrase} the dam will fail within a decade.\n")
        assert claim_codes(analysis) == ["SL402"], phrase
        assert all(not claim.sourced_by for claim in analysis.claims)
    named = scan_text("Dam report\n\nHydrologist Ana Ruiz said the dam is at risk.\n")
    assert claim_codes(named) == []


def test_a_claim_resting_on_an_unresolved_marker_is_sl403() -> None:
    text = (
        "Trade\n\nExports fell by 20 percent in 2024, to 4.1 million tonnes.[7]\n\n"
        "References\n1. Ministry of Trade, Annual report, 2024.\n"
    )
    assert claim_codes(scan_text(text)) == ["SL403"]
    resolved = text.replace("[7]", "[1]")
    assert claim_codes(scan_text(resolved)) == []


def test_claims_carry_scores_and_named_attributions_in_the_contract() -> None:
    analysis = scan_text(f"Border news\n\n{FACT}, the defence ministry said.\n")
    claim = analysis.claims[-1]
    assert claim.checkworthy is not None and claim.checkworthy > 0.5
    payload = claim.to_json()
    assert [source["kind"] for source in payload["sourced_by"]] == ["attribution"]
    assert payload["sourced_by"][0]["text"] == "said"


def test_threshold_from_the_command_line_and_the_configuration(
    tmp_cwd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_cwd / "a.txt").write_text(f"Border news\n\n{FACT}.\n")
    _, out, _ = run(["scan", "a.txt", "--select", "SL4"], capsys)
    assert "SL401" in out
    _, out, _ = run(["scan", "a.txt", "--select", "SL4", "--claim-threshold", "1"], capsys)
    assert "SL401" not in out
    with pytest.raises(SystemExit) as stopped:
        main(["scan", "a.txt", "--claim-threshold", "2"])
    assert stopped.value.code == 2
    assert "0 to 1" in capsys.readouterr().err
    (tmp_cwd / "sourcelint.toml").write_text("claim-threshold = 1.0\n")
    _, out, _ = run(["scan", "a.txt", "--select", "SL4"], capsys)
    assert "SL401" not in out
    (tmp_cwd / "sourcelint.toml").write_text('claim-sources = "chapter"\n')
    status, _, err = run(["scan", "a.txt"], capsys)
    assert status == 2 and "SL906" in err


def test_paragraph_sources_when_configured(
    tmp_cwd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_cwd / "a.txt").write_text(
        f"Border news\n\nThe defence ministry said troops were moving. {FACT}.\n"
    )
    _, out, _ = run(["scan", "a.txt", "--select", "SL401"], capsys)
    assert "SL401" in out
    (tmp_cwd / "sourcelint.toml").write_text('claim-sources = "paragraph"\n')
    _, out, _ = run(["scan", "a.txt", "--select", "SL401"], capsys)
    assert "SL401" not in out
