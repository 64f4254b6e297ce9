"""Human-readable findings, one per line: `path:line:col: CODE [severity] message (name)`
(`path:pPAGE:line:col` in a PDF, the line counted on its page),
then a summary line, then a who-said-what table per document that quotes anyone and a
statistics table per document that has figures."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator

from sourcelint.display import printable, printable_name
from sourcelint.model import Analysis, Quantity, Quote
from sourcelint.rules.registry import RULES_BY_CODE


def _where(page: int | None, line: int, col: int) -> str:
    return f"p{page}:{line}:{col}" if page is not None else f"{line}:{col}"


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def render_text(analyses: list[Analysis]) -> str:
    """Findings as lines, then a summary of what was scanned and found."""
    return "".join(render_text_chunks(analyses))


def render_text_chunks(analyses: list[Analysis]) -> Iterator[str]:
    """The text report in pieces of a few hundred lines, to be written as they come: the
    report of a large document is never held whole in memory."""
    batch: list[str] = []
    severities: Counter[str] = Counter()
    for analysis in analyses:
        path = printable_name(analysis.path)
        for finding in analysis.findings:
            rule = RULES_BY_CODE.get(finding.code)
            name = f" ({rule.name})" if rule else ""
            batch.append(
                f"{path}:{finding.where}: {finding.code} "
                f"[{finding.severity.value}] {finding.message}{name}\n"
            )
            severities[finding.severity.value] += 1
            if len(batch) >= _BATCH:
                yield "".join(batch)
                batch.clear()
    total = sum(severities.values())
    citations = sum(len(analysis.citations) for analysis in analyses)
    unresolved = sum(1 for analysis in analyses for c in analysis.citations if c.reference is None)
    references = sum(len(analysis.references) for analysis in analyses)
    detail = ", ".join(
        _plural(severities[level], level)
        for level in ("error", "warning", "info")
        if severities[level]
    )
    batch.append(
        f"{_plural(len(analyses), 'document')}: {_plural(citations, 'citation')} "
        f"({unresolved} unresolved), "
        f"{_plural(references, 'reference entry', 'reference entries')}; "
        + (f"{_plural(total, 'finding')} ({detail}).\n" if total else "no findings.\n")
    )
    for analysis in analyses:
        for line in itertools.chain(who_said_what(analysis), statistics_table(analysis)):
            batch.append(line + "\n")
            if len(batch) >= _BATCH:
                yield "".join(batch)
                batch.clear()
    yield "".join(batch)


_BATCH = 500


def _excerpt(text: str, limit: int = 56) -> str:
    flat = " ".join(text.split())
    return printable(flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…")


def who_said_what(analysis: Analysis) -> list[str]:
    """The document's quotations grouped by speaker: one heading line per speaker, one line
    per quotation (line:col, cue, date, the words)."""
    if not analysis.quotes:
        return []
    groups: dict[str, list[Quote]] = {}
    for quote in analysis.quotes:
        groups.setdefault(quote.speaker.id if quote.speaker else "", []).append(quote)
    lines = ["", f"Who said what in {printable_name(analysis.path)}:"]
    for key, quotes in sorted(groups.items(), key=lambda item: (item[0] == "", item[1][0].start)):
        speaker = quotes[0].speaker
        if speaker is None:
            heading = "  (no speaker found)"
        else:
            title = f", {printable(speaker.title)}" if speaker.title else ""
            heading = f"  {key} {printable(speaker.name)}{title}"
        lines.append(f"{heading}: {_plural(len(quotes), 'quotation')}")
        for quote in quotes:
            where = _where(quote.page, quote.line, quote.col)
            cue = printable(quote.cue or "-")
            lines.append(
                f"    {where:<9} {cue:<13} {quote.date or '-':<10} “{_excerpt(quote.text)}”"
            )
    return lines


def _figure(value: float) -> str:
    return f"{value:,.4f}".rstrip("0").rstrip(".") if not value.is_integer() else f"{value:,.0f}"


def _value(quantity: Quantity) -> str:
    if quantity.value is None:
        return f"~10^{quantity.magnitude}" if quantity.magnitude is not None else "?"
    shown = _figure(quantity.value)
    if quantity.value_high is not None:
        shown += f"–{_figure(quantity.value_high)}"
    return shown


def statistics_table(analysis: Analysis) -> list[str]:
    """The document's statistics, one line each: line:col, value and unit (with its bound,
    rate and change), what it counts, as of when, and the words as printed."""
    if not analysis.quantities:
        return []
    count = _plural(len(analysis.quantities), "figure")
    lines = ["", f"Statistics in {printable_name(analysis.path)}: {count}"]
    for quantity in analysis.quantities:
        where = _where(quantity.page, quantity.line, quantity.col)
        amount = " ".join(
            part
            for part in (
                "" if quantity.approx == "exact" else (quantity.qualifier or quantity.approx),
                _value(quantity),
                quantity.unit or "",
                quantity.rate or "",
                f"({quantity.change.replace('_', ' ')})" if quantity.change else "",
            )
            if part
        )
        counted = printable(quantity.counted or "-")
        lines.append(
            f"    {where:<9} {_excerpt(amount, 34):<34} {_excerpt(counted, 20):<20} "
            f"{quantity.as_of or '-':<10} “{_excerpt(quantity.text, 40)}”"
        )
    return lines
