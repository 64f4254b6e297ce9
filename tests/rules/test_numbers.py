"""SL3xx: which statistics the number rules report, and which they leave alone."""

from __future__ import annotations

from sourcelint.extract.dates import period_end
from sourcelint.model import Analysis

from ..conftest import scan_text


def codes(analysis: Analysis) -> list[str]:
    """The SL3xx codes of an analysis's findings, in order."""
    return [finding.code for finding in analysis.findings if finding.code.startswith("SL3")]


def test_unsourced_statistics_are_one_finding_per_paragraph() -> None:
    text = "Unemployment reached 12.4% and wages fell 3%.\n\nExports rose 8%.\n"
    analysis = scan_text(text)
    assert codes(analysis) == ["SL301", "SL301"]
    first = next(finding for finding in analysis.findings if finding.code == "SL301")
    assert "2 statistics" in first.message


def test_attribution_marker_link_or_quote_in_the_paragraph_sources_a_statistic() -> None:
    for text in (
        "Unemployment reached 12.4%. The statistics office published the figure.\n",
        "According to the census, 1.2 million residents live in the capital.\n",
        "Unemployment reached 12.4%.[1]\n\n1. Labour survey, Statistics Office, 2024.\n",
        "“Unemployment reached 12.4%,” the minister, Jane Doe, said.\n",
    ):
        assert "SL301" not in codes(scan_text(text)), text


def test_headlines_small_counts_and_restated_figures_are_not_reported() -> None:
    text = (
        "# Exports rose 8% in May\n\n"
        "Exports rose 8% in May, the customs office said.\n\n"
        "Two ships were late. The 8% rise was the largest this year.\n"
    )
    assert "SL301" not in codes(scan_text(text, "md"))


def test_a_list_is_read_with_the_paragraph_that_introduces_it() -> None:
    text = "The ministry said its budget sets out two items:\n\n- €40 million for roads\n- €12 million for parks\n"
    assert "SL301" not in codes(scan_text(text, "md"))
    unsourced = text.replace("The ministry said its budget sets out", "The budget sets out")
    assert codes(scan_text(unsourced, "md")) == ["SL301", "SL301"]


def test_stale_counts_from_the_end_of_the_period() -> None:
    assert str(period_end("2024")) == "2024-12-31"
    assert str(period_end("2024-02")) == "2024-02-29"
    assert str(period_end("2024-02-03")) == "2024-02-03"
    fresh = (
        "---\ndate: 2025-01-20\n---\nThe region had 48,000 dairy cows in 2024, the office said.\n"
    )
    stale = (
        "---\ndate: 2025-06-20\n---\nThe region had 48,000 dairy cows in 2024, the office said.\n"
    )
    assert "SL303" not in codes(scan_text(fresh, "md"))
    assert "SL303" in codes(scan_text(stale, "md"))


def test_the_start_of_a_change_is_history_not_a_stale_figure() -> None:
    text = "---\ndate: 2025-06-20\n---\nExports rose to 9,000 tonnes, up from 7,000 tonnes in 2023, the office said.\n"
    assert "SL303" not in codes(scan_text(text, "md"))


def test_conflicting_values_respect_bounds_and_rounding() -> None:
    base = "The harvest reached {} tonnes of grain in 2024, the office said.\n\n"
    later = "Officials later put the harvest at {} tonnes of grain in 2024, the office said.\n"
    agree = [
        ("18,000", "about 18,900"),
        ("18,000", "more than 17,000"),
        ("1.3 million", "1,300,000"),
    ]
    for first, second in agree:
        assert "SL304" not in codes(scan_text(base.format(first) + later.format(second)))
    for first, second in [("18,000", "81,000"), ("18,000", "more than 20,000")]:
        assert "SL304" in codes(scan_text(base.format(first) + later.format(second)))


def test_a_part_larger_than_its_whole_and_shares_past_a_hundred() -> None:
    assert "SL302" in codes(scan_text("Some 1,200 people fled, 1,500 of them children.\n"))
    assert "SL302" not in codes(scan_text("Some 1,200 people fled, 500 of them children.\n"))
    shares = "Of those polled, 58% of voters backed it and 55% of voters opposed it, the pollster said.\n"
    assert "SL302" in codes(scan_text(shares))
