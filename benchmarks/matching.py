"""Matching predictions to gold spans, shared by the benchmark scripts."""

from __future__ import annotations

from collections.abc import Iterable


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters shared by two spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def greedy_pairs(candidates: Iterable[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching from (overlap, gold index, predicted index) candidates, largest
    overlap first (ties by index), as sorted (gold, predicted) pairs."""
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for _, g, p in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g not in used_gold and p not in used_predicted:
            pairs.append((g, p))
            used_gold.add(g)
            used_predicted.add(p)
    return sorted(pairs)
