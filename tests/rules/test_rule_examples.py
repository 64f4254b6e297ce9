"""The meta-test: every rule documents itself and proves itself on both kinds of example."""

from __future__ import annotations

import json
import re

import pytest

from sourcelint.config import Settings
from sourcelint.rules.base import Rule
from sourcelint.rules.registry import ERRORS, RULES

from ..conftest import FIXTURES, codes, scan_text

CODE_PATTERN = re.compile(r"^SL[1-59]\d\d$")


def _id(rule: Rule) -> str:
    return rule.code


def test_codes_are_unique_well_formed_and_names_are_kebab_case() -> None:
    all_codes = [rule.code for rule in RULES] + [error.code for error in ERRORS]
    assert len(all_codes) == len(set(all_codes))
    for rule in RULES:
        assert CODE_PATTERN.match(rule.code), rule.code
        assert re.fullmatch(r"[a-z]+(?:-[a-z0-9]+)*", rule.name), rule.name
    assert len({rule.name for rule in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=_id)
def test_rule_has_documentation_sections(rule: Rule) -> None:
    assert rule.doc.startswith(f"{rule.code} {rule.name}:")
    for heading in ("## What it does", "## Why", "## Example"):
        assert heading in rule.doc, f"{rule.code} docstring lacks {heading}"


@pytest.mark.parametrize("rule", RULES, ids=_id)
def test_rule_has_passing_and_failing_examples(rule: Rule) -> None:
    assert rule.passing, f"{rule.code} has no passing example"
    assert rule.failing, f"{rule.code} has no failing example"


@pytest.mark.parametrize("rule", RULES, ids=_id)
def test_failing_examples_fail(rule: Rule) -> None:
    for example in rule.failing:
        assert rule.code in codes(scan_text(example.content, example.format)), example.content


@pytest.mark.parametrize("rule", RULES, ids=_id)
def test_passing_examples_pass(rule: Rule) -> None:
    for example in rule.passing:
        assert rule.code not in codes(scan_text(example.content, example.format)), example.content


def test_a_rule_off_by_default_runs_only_when_its_code_or_prefix_is_selected() -> None:
    from sourcelint.config import Settings

    assert Settings().enabled("SL202", default=True)
    assert not Settings().enabled("SL202", default=False)
    assert not Settings(select=("ALL",)).enabled("SL202", default=False)
    assert Settings(select=("SL2",)).enabled("SL202", default=False)
    assert Settings(select=("ALL", "SL202")).enabled("SL202", default=False)
    assert not Settings(select=("SL202",), ignore=("SL202",)).enabled("SL202", default=False)


@pytest.mark.parametrize("rule", [rule for rule in RULES if not rule.default], ids=_id)
def test_a_rule_off_by_default_stays_quiet_in_a_default_scan(rule: Rule) -> None:
    for example in rule.failing:
        found = codes(scan_text(example.content, example.format, settings=Settings()))
        assert rule.code not in found, example.content
        selected = Settings(select=("ALL", rule.code))
        assert rule.code in codes(scan_text(example.content, example.format, settings=selected))


def test_rules_judged_below_eighty_percent_on_real_pages_are_off_by_default() -> None:
    """The blind judgments of findings on real pages decide the default set: a rule whose
    judged findings were right less than 80% of the time is off (unclear counts as not right)."""
    verdicts: dict[str, list[str]] = {}
    for path in (FIXTURES / "rule_judgments").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            verdicts.setdefault(row["code"], []).append(row["verdict"])
    assert {"SL201", "SL202", "SL203", "SL204", "SL301", "SL303"} <= set(verdicts)
    by_code = {rule.code: rule for rule in RULES}
    for code, judged in verdicts.items():
        precision = judged.count("correct") / len(judged)
        assert by_code[code].default == (precision >= 0.8), (code, precision, len(judged))
