"""GitHub Actions workflow commands: annotations on the changed files."""

from __future__ import annotations

from sourcelint.display import printable_name
from sourcelint.model import Analysis, Severity
from sourcelint.rules.registry import RULES_BY_CODE

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(analyses: list[Analysis]) -> str:
    """One `::error file=...,line=...::message` line per finding."""
    lines = []
    for analysis in analyses:
        for finding in analysis.findings:
            rule = RULES_BY_CODE.get(finding.code)
            title = f"{finding.code} {rule.name}" if rule else finding.code
            if finding.page is not None:  # annotations have no page: the title names it
                title += f" (page {finding.page})"
            properties = ",".join(
                [
                    f"file={_escape_property(printable_name(analysis.path))}",
                    f"line={finding.line}",
                    f"col={finding.col}",
                    f"endLine={finding.end_line}",
                    f"endColumn={finding.end_col}",
                    f"title={_escape_property(title)}",
                ]
            )
            lines.append(
                f"::{_LEVEL[finding.severity]} {properties}::{_escape_data(finding.message)}"
            )
    return "".join(line + "\n" for line in lines)
