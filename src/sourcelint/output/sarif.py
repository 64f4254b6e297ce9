"""SARIF 2.1.0: for code-scanning dashboards. Columns count Unicode code points from 1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sourcelint._version import __version__
from sourcelint.model import Analysis, Finding, Severity
from sourcelint.rules.registry import RULES

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    """A relative URI reference for a path: "my notes#1.txt" becomes "my%20notes%231.txt"."""
    if path.startswith("<"):
        return quote(path.strip("<>"))
    return quote(Path(path).as_posix())


def _page(finding: Finding) -> dict[str, Any]:
    # SARIF regions have no page: a PDF's lines count from the top of their page, and the
    # page goes in the region's property bag (viewers show it; the line alone would mislead)
    if finding.page is None:
        return {}
    return {"properties": {"page": finding.page}}


def sarif_log(analyses: list[Analysis]) -> dict[str, Any]:
    """The SARIF log object for a scan."""
    rule_index = {rule.code: index for index, rule in enumerate(RULES)}
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.doc.split("\n\n")[0]},
            "help": {"text": rule.doc, "markdown": rule.doc},
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        }
        for rule in RULES
    ]
    results = []
    for analysis in analyses:
        for finding in analysis.findings:
            result: dict[str, Any] = {
                "ruleId": finding.code,
                "level": _LEVEL[finding.severity],
                "message": {"text": finding.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(analysis.path)},
                            "region": {
                                "startLine": finding.line,
                                "startColumn": finding.col,
                                "endLine": max(finding.end_line, finding.line),
                                "endColumn": finding.end_col
                                if finding.end_line > finding.line
                                else max(finding.end_col, finding.col),
                                **_page(finding),
                            },
                        }
                    }
                ],
            }
            if finding.code in rule_index:
                result["ruleIndex"] = rule_index[finding.code]
            results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "sourcelint",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/sourcelint/",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render_sarif(analyses: list[Analysis]) -> str:
    """The scan as a SARIF 2.1.0 log."""
    return json.dumps(sarif_log(analyses), ensure_ascii=False, indent=2) + "\n"
