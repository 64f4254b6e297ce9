"""Quotations scored against the project's own blind gold set (tests/fixtures/quotes_gold).

The set was written by a teammate blind to the code: 12 documents in news, essay, Wikipedia,
British and European styles with their quotations, speakers, titles, cues and dates (see its
README). A predicted quotation matches a gold one when, white space collapsed, its words equal
the gold words (or start with them, for gold marked `prefix`), ignoring punctuation at either
end. Prints quotation precision, recall and F1, and among matched quotations the share with the
right speaker, title, cue and date; with `--errors`, every miss. Run with `make bench`.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from sourcelint.api import analyze
from sourcelint.config import Settings
from sourcelint.model import Analysis, Quote
from sourcelint.readers import read_path

FOLDER = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "quotes_gold"
_EDGE = re.compile(r"^[\s\W]+|[\s\W]+$")


def normal(text: str | None) -> str:
    """Words only: white space collapsed, outer punctuation and case dropped, accents kept."""
    if text is None:
        return ""
    flat = " ".join(unicodedata.normalize("NFC", text).split())
    return _EDGE.sub("", flat).lower()


def same_name(predicted: str | None, gold: str | None) -> bool:
    """Names equal once "the"/"a" and case are dropped."""

    def key(name: str | None) -> str:
        words = normal(name).split()
        while words and words[0] in {"the", "a", "an"}:
            words = words[1:]
        return " ".join(words)

    return key(predicted) == key(gold)


def matches(quote: Quote, gold: dict[str, Any]) -> bool:
    """Whether a predicted quotation is the gold one."""
    predicted, expected = normal(quote.text), normal(gold["text"])
    if gold.get("prefix"):
        return predicted.startswith(expected)
    return predicted == expected


def score_document(
    analysis: Analysis, gold: dict[str, Any], errors: list[str], name: str
) -> Counter[str]:
    """Counts for one document: found, missed, spurious, and right attributes."""
    counts: Counter[str] = Counter()
    unmatched = list(analysis.quotes)
    for item in gold["quotes"]:
        found = next((quote for quote in unmatched if matches(quote, item)), None)
        if found is None:
            counts["missed"] += 1
            errors.append(f"{name}: MISSED {item['text'][:70]!r}")
            continue
        unmatched.remove(found)
        counts["found"] += 1
        speaker = found.speaker
        checks = {
            "speaker": same_name(speaker.name if speaker else None, item["speaker"]),
            "title": normal(speaker.title if speaker else None) == normal(item["title"]),
            "cue": normal(found.cue) == normal(item["cue"]),
            "date": found.date == item["date"],
        }
        for field, right in checks.items():
            counts[f"{field}_right"] += right
            if not right:
                got = {
                    "speaker": speaker.name if speaker else None,
                    "title": speaker.title if speaker else None,
                    "cue": found.cue,
                    "date": found.date,
                }[field]
                errors.append(
                    f"{name}: {field} {got!r} != {item[field]!r} in {item['text'][:50]!r}"
                )
    for quote in unmatched:
        counts["spurious"] += 1
        kind = "NOT-QUOTE" if normal(quote.text) in map(normal, gold["not_quotes"]) else "EXTRA"
        errors.append(f"{name}: {kind} {quote.text[:70]!r}")
    stray = sum(1 for finding in analysis.findings if finding.code == "SL203")
    counts["stray_found"] += stray
    counts["stray_gold"] += gold["unbalanced_marks"]
    return counts


def main() -> None:
    """Score every document of the set and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", action="store_true", help="print every miss")
    arguments = parser.parse_args()
    total: Counter[str] = Counter()
    errors: list[str] = []
    documents = 0
    for gold_path in sorted(FOLDER.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        stem = gold_path.name.removesuffix(".gold.json")
        source = next(path for path in FOLDER.glob(f"{stem}.*") if path != gold_path)
        document = read_path(source)
        analysis = analyze(document, settings=Settings(select=("ALL", "SL203")))
        total += score_document(analysis, gold, errors, document.path)
        documents += 1
    found, missed, spurious = total["found"], total["missed"], total["spurious"]
    precision = found / max(found + spurious, 1)
    recall = found / max(found + missed, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(f"quotes_gold: {documents} documents, {found + missed} gold quotations")
    print(f"quotations: P {precision:.3f} R {recall:.3f} F1 {f1:.3f} ({spurious} spurious)")
    for field in ("speaker", "title", "cue", "date"):
        right = total[f"{field}_right"]
        print(f"{field} right: {right}/{found} = {right / max(found, 1):.3f}")
    print(f"unbalanced marks: {total['stray_found']} reported, {total['stray_gold']} in gold")
    if arguments.errors:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
