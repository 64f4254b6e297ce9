"""Human-readable findings, one per line: `path:line:col: CODE [severity] message (name)`."""

from __future__ import annotations

from collections import Counter

from sourcelint.model import Analysis
from sourcelint.rules.registry import RULES_BY_CODE


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def render_text(analyses: list[Analysis]) -> str:
    """Findings as lines, then a summary of what was scanned and found."""
    lines = []
    severities: Counter[str] = Counter()
    for analysis in analyses:
        for finding in analysis.findings:
            rule = RULES_BY_CODE.get(finding.code)
            name = f" ({rule.name})" if rule else ""
            lines.append(
                f"{analysis.path}:{finding.line}:{finding.col}: {finding.code} "
                f"[{finding.severity.value}] {finding.message}{name}"
            )
            severities[finding.severity.value] += 1
    total = sum(severities.values())
    citations = sum(len(analysis.citations) for analysis in analyses)
    unresolved = sum(1 for analysis in analyses for c in analysis.citations if c.reference is None)
    references = sum(len(analysis.references) for analysis in analyses)
    detail = ", ".join(
        _plural(severities[level], level)
        for level in ("error", "warning", "info")
        if severities[level]
    )
    summary = (
        f"{_plural(len(analyses), 'document')}: {_plural(citations, 'citation')} "
        f"({unresolved} unresolved), "
        f"{_plural(references, 'reference entry', 'reference entries')}; "
        + (f"{_plural(total, 'finding')} ({detail})." if total else "no findings.")
    )
    return "\n".join([*lines, summary]) + "\n"
