"""Silencing findings: inline comments in Markdown and HTML, and baseline files.

Inline, in .md and .html:
- `<!-- sourcelint: disable=SL101 -->` ... `<!-- sourcelint: enable=SL101 -->` silences a
  range of lines; a `disable` that is never re-enabled silences the next line only.
- `<!-- sourcelint: disable-next-line=SL101,SL3 -->` silences the next line.
Codes may be prefixes; no codes (or `all`) means every code.

A baseline file records today's findings so that only new ones are reported; it matches by
file, code and the text flagged, not by line, so edits elsewhere do not wake old findings.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sourcelint.document import Document
from sourcelint.errors import SourcelintError
from sourcelint.model import Analysis, Finding

DIRECTIVE = re.compile(
    r"<!--\s*sourcelint\s*:\s*(?P<action>disable-next-line|disable|enable)"
    r"(?:\s*[=:]?\s*(?P<codes>[A-Za-z0-9,\s]*?))?\s*-->",
    re.IGNORECASE,
)
BASELINE_SCHEMA = "sourcelint-baseline/1"


@dataclass(frozen=True, slots=True)
class Suppression:
    """Codes (prefixes; empty = all) silenced from `first_line` to `last_line`, inclusive."""

    codes: tuple[str, ...]
    first_line: int
    last_line: int

    def covers(self, finding: Finding) -> bool:
        """Whether this suppression silences the finding."""
        in_range = self.first_line <= finding.line <= self.last_line
        return in_range and (
            not self.codes or any(finding.code.startswith(code) for code in self.codes)
        )


def directive_codes(raw: str | None) -> tuple[str, ...]:
    """The codes a directive names, upper-cased; () for all (none named, or ALL)."""
    items = [item.strip().upper() for item in re.split(r"[,\s]+", raw or "") if item.strip()]
    return () if not items or "ALL" in items else tuple(items)


def _next_content_line(lines: list[str], line: int) -> int:
    for number in range(line + 1, len(lines) + 1):
        if lines[number - 1].strip():
            return number
    return line + 1


def inline_suppressions(document: Document) -> list[Suppression]:
    """The suppressions a Markdown or HTML document declares in comments."""
    if document.format not in ("md", "html") or "sourcelint" not in document.source:
        return []
    suppressions: list[Suppression] = []
    lines = document.source.split("\n")
    open_ranges: list[tuple[tuple[str, ...], int, int]] = []  # codes, line, end of comment line
    for match in DIRECTIVE.finditer(document.source):
        action = match.group("action").lower()
        codes = directive_codes(match.group("codes"))
        line, _ = document.lines.locate(match.start())
        end_line, _ = document.lines.locate(match.end())
        if action == "disable-next-line":
            target = _next_content_line(lines, end_line)
            suppressions.append(Suppression(codes, target, target))
        elif action == "disable":
            open_ranges.append((codes, line, end_line))
        else:
            for index, (open_codes, start_line, _) in enumerate(open_ranges):
                if open_codes == codes or not codes:
                    suppressions.append(Suppression(open_codes, start_line, line))
                    del open_ranges[index]
                    break
    for codes, _, end_line in open_ranges:
        target = _next_content_line(lines, end_line)
        suppressions.append(Suppression(codes, target, target))
    return suppressions


def apply_suppressions(
    findings: Iterable[Finding], suppressions: list[Suppression]
) -> list[Finding]:
    """The findings no suppression covers."""
    return [
        finding for finding in findings if not any(item.covers(finding) for item in suppressions)
    ]


def fingerprint(analysis_path: str, finding: Finding, flagged_text: str) -> str:
    """A finding's identity for baselines: file, code and what it flags, not where."""
    digest = hashlib.sha256(
        "\0".join(
            (Path(analysis_path).as_posix(), finding.code, " ".join(flagged_text.split()))
        ).encode()
    )
    return digest.hexdigest()[:20]


def baseline_entries(analyses: list[tuple[Analysis, Document]]) -> list[dict[str, Any]]:
    """Baseline records for every finding of a scan."""
    entries = []
    for analysis, document in analyses:
        for finding in analysis.findings:
            flagged = document.text[finding.start : finding.end]
            entries.append(
                {
                    "path": Path(analysis.path).as_posix(),
                    "code": finding.code,
                    "fingerprint": fingerprint(analysis.path, finding, flagged),
                    "line": finding.line,
                    "message": finding.message,
                }
            )
    return entries


def write_baseline(analyses: list[tuple[Analysis, Document]]) -> str:
    """The text of a baseline file for this scan."""
    payload = {"schema": BASELINE_SCHEMA, "findings": baseline_entries(analyses)}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def load_baseline(path: Path) -> Counter[str]:
    """How many times each fingerprint is known. Raises SL900 for an unreadable baseline."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourcelintError("SL901", "baseline file not found", path=str(path)) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourcelintError(
            "SL900", f"baseline file cannot be read: {error}", path=str(path)
        ) from None
    findings = payload.get("findings") if isinstance(payload, dict) else None
    valid = isinstance(findings, list) and all(isinstance(entry, dict) for entry in findings)
    if not valid or payload.get("schema") != BASELINE_SCHEMA:
        raise SourcelintError(
            "SL900", f"not a baseline file (expected schema {BASELINE_SCHEMA})", path=str(path)
        )
    return Counter(str(entry.get("fingerprint")) for entry in payload.get("findings", []))


def filter_baseline(analysis: Analysis, document: Document, known: Counter[str]) -> list[Finding]:
    """The findings not in the baseline; each baseline record absorbs one finding."""
    kept = []
    for finding in analysis.findings:
        key = fingerprint(analysis.path, finding, document.text[finding.start : finding.end])
        if known[key] > 0:
            known[key] -= 1
        else:
            kept.append(finding)
    return kept
