"""Citation extraction and resolution scored against the gold sets in tests/fixtures.

A citation counts as found when its label, line and column match a gold citation; it is
resolved right when the entry it points to has the gold label. Prints precision, recall and
resolution per set. Uses only the reader and `analyze`, so it also scores older commits:
`git stash; git checkout COMMIT -- src; python benchmarks/gold_scores.py`.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from sourcelint.api import analyze
from sourcelint.readers import read_path

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"


def score(folder: Path) -> Counter[str]:
    """True and false positives, misses, and right and wrong resolutions over one gold set."""
    counts: Counter[str] = Counter()
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        document = read_path(gold_path.with_name(gold_path.name.removesuffix(".gold.json")))
        analysis = analyze(document)
        labels = {reference.id: reference.label for reference in analysis.references}
        found: Counter[tuple[str, int, int]] = Counter()
        resolved: dict[tuple[str, int, int], list[str | None]] = {}
        for citation in analysis.citations:
            key = (citation.marker, *document.locate(citation.start))
            found[key] += 1
            resolved.setdefault(key, []).append(labels.get(citation.reference or ""))
        expected: Counter[tuple[str, int, int]] = Counter()
        targets: dict[tuple[str, int, int], list[str | None]] = {}
        for item in gold["citations"]:
            key = (item["marker"], item["line"], item["col"])
            expected[key] += 1
            targets.setdefault(key, []).append(item["resolves_to"])
        matched = found & expected
        counts["tp"] += sum(matched.values())
        counts["fp"] += sum((found - expected).values())
        counts["fn"] += sum((expected - found).values())
        for key in matched:
            right = sorted(map(str, resolved[key])) == sorted(map(str, targets[key]))
            counts["resolved right" if right else "resolved wrong"] += matched[key]
    return counts


def main() -> None:
    """Print the scores of both gold sets."""
    for name in ("gold", "gold2"):
        counts = score(FIXTURES / name)
        found = counts["tp"]
        precision = found / max(found + counts["fp"], 1)
        recall = found / max(found + counts["fn"], 1)
        print(
            f"{name}: {found} found, {counts['fp']} false, {counts['fn']} missed; "
            f"precision {precision:.3f}, recall {recall:.3f}; "
            f"resolved right {counts['resolved right']} of {found}"
        )


if __name__ == "__main__":
    main()
