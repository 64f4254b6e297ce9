"""How often each rule's findings were right on real pages, from the blind judgments in
tests/fixtures/rule_judgments (a helper judged each finding as a fact-checker would, reading the
page, never the code). Precision counts `unclear` as not right; the interval is Wilson's 95%.
A rule below 0.80 is off by default (`Rule.default`); the table shows whether the shipped
default agrees.

Run: `.venv/bin/python benchmarks/rule_precision.py`
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from pathlib import Path

from run_info import versions
from sourcelint.rules.registry import RULES

JUDGMENTS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "rule_judgments"
THRESHOLD = 0.8


def wilson(right: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson's score interval for a proportion."""
    if not total:
        return 0.0, 1.0
    share = right / total
    centre = share + z * z / (2 * total)
    spread = z * math.sqrt(share * (1 - share) / total + z * z / (4 * total * total))
    scale = 1 + z * z / total
    return (centre - spread) / scale, (centre + spread) / scale


def main() -> int:
    verdicts: dict[str, Counter[str]] = defaultdict(Counter)
    pages: dict[str, set[str]] = defaultdict(set)
    for path in sorted(JUDGMENTS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            verdicts[row["code"]][row["verdict"]] += 1
            pages[row["code"]].add(row["page"])
    defaults = {rule.code: rule.default for rule in RULES}
    print("Precision of each rule's findings on real pages, judged blind")
    print(
        "| rule | pages | findings | right | wrong | unclear | precision | 95% interval "
        "| default | agrees |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for code in sorted(verdicts):
        counts = verdicts[code]
        total = sum(counts.values())
        right = counts["correct"]
        low, high = wilson(right, total)
        default = defaults[code]
        agrees = default == (right / total >= THRESHOLD)
        print(
            f"| {code} | {len(pages[code])} | {total} | {right} | {counts['wrong']} "
            f"| {counts['unclear']} | {right / total:.2f} | {low:.2f}–{high:.2f} "
            f"| {'on' if default else 'off'} | {'yes' if agrees else 'NO'} |"
        )
    print(versions("sourcelint"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
