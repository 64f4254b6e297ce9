"""Neutral by construction: swapping the sides of real sentences (names, parties,
nationalities, groups and places; tests/fixtures/neutrality/swaps.tsv) changes neither a
sentence's check-worthiness (within 0.01) nor which sentences the claim rules flag.

The sentences are the Wikinews 2020 articles of ../shared/data (skipped without them), each
article scanned as written and with every listed pair swapped both ways at once. Sentences are
compared where the two scans cut the text alike; spaCy's sentence recogniser still reads the
words themselves, so a swap can move a boundary: the test measures how often (at most 2% of
sentences) and holds every sentence cut alike to the guarantee.
"""

from __future__ import annotations

import csv
import difflib
import re
from pathlib import Path

import pytest

from sourcelint.api import analyze
from sourcelint.config import Settings
from sourcelint.readers import read_bytes

from .conftest import FIXTURES, SHARED_DATA

WIKINEWS = SHARED_DATA / "news" / "wikinews-2020" / "wikinews_2020.csv"
CLAIM_RULES = Settings(select=("SL401", "SL402", "SL403"))


def _swaps() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for line in (FIXTURES / "neutrality" / "swaps.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        left, right = line.split("\t")
        pairs[left], pairs[right] = right, left
    return pairs


def _swapped(text: str, pairs: dict[str, str]) -> tuple[str, int]:
    names = sorted(pairs, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
    return pattern.subn(lambda match: pairs[match.group(0)], text)


def _reading(text: str) -> list[tuple[str, float | None, tuple[str, ...]]]:
    document = read_bytes(text.encode("utf-8"), path="a.txt", format="txt")
    analysis = analyze(document, settings=CLAIM_RULES)
    flagged: dict[int, list[str]] = {}
    for finding in analysis.findings:
        index = next(
            (
                i
                for i, claim in enumerate(analysis.claims)
                if claim.start <= finding.start < claim.end
            ),
            -1,
        )
        flagged.setdefault(index, []).append(finding.code)
    return [
        (claim.text, claim.checkworthy, tuple(sorted(flagged.get(index, []))))
        for index, claim in enumerate(analysis.claims)
    ]


@pytest.mark.skipif(not WIKINEWS.is_file(), reason=f"no Wikinews data at {WIKINEWS}")
def test_swapping_sides_changes_no_score_and_no_finding() -> None:
    csv.field_size_limit(10**9)
    with Path(WIKINEWS).open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    pairs = _swaps()
    swapped_sentences = cut_apart = total = 0
    for row in rows:
        swapped, count = _swapped(row["text"], pairs)
        if not count:
            continue
        original, mirrored = _reading(row["text"]), _reading(swapped)
        expected = [_swapped(text, pairs)[0] for text, _, _ in original]
        matcher = difflib.SequenceMatcher(
            a=expected, b=[text for text, _, _ in mirrored], autojunk=False
        )
        aligned = 0
        for block in matcher.get_matching_blocks():
            for offset in range(block.size):
                text, score, codes = original[block.a + offset]
                _, other_score, other_codes = mirrored[block.b + offset]
                assert codes == other_codes, (row["title"], text)
                if score is not None and other_score is not None:
                    assert abs(score - other_score) <= 0.01, (row["title"], text)
                aligned += 1
                swapped_sentences += _swapped(text, pairs)[1] > 0
        total += len(original)
        cut_apart += len(original) - aligned
        if swapped_sentences >= 400:
            break
    assert swapped_sentences >= 300
    assert cut_apart <= 0.02 * total, (cut_apart, total)
