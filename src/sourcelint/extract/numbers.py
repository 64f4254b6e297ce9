"""Reading the value of a number as printed: digits with separators, number words, scale
words, fractions and vague counts ("tens of thousands").

These are the grammar of English numerals, not vocabularies that vary by document, so they
live here rather than in data files; units, qualifiers and other term lists are data files.
"""

from __future__ import annotations

import re
from typing import TypeAlias

SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Indian scale words after digits ("Rs 24 lakh", "₹1 lakh crore"); not read in number words
SCALES_LONG = {
    **SCALES,
    "trillion": 1_000_000_000_000,
    "lakh": 100_000,
    "crore": 10_000_000,
    "lakh crore": 1_000_000_000_000,
}
# Abbreviated scale words glued to or after a figure ("£4.8bn", "2.5k entrants", "€600m").
SCALE_ABBREVIATIONS = {
    "k": "thousand",
    "m": "million",
    "mn": "million",
    "mln": "million",
    "bn": "billion",
    "b": "billion",
    "tn": "trillion",
    "trn": "trillion",
}
DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
# Vague counts: the power of ten a plural scale word stands for.
VAGUE_MAGNITUDE = {"dozens": 1, "scores": 1, "hundreds": 2, "thousands": 3, "millions": 6}
VAGUE_MAGNITUDE["billions"] = 9
VAGUE_SCALE = {"thousands": "thousand", "millions": "million", "billions": "billion"}

NUMBER_WORD = "|".join(sorted([*SMALL, "hundred", *SCALES, "dozen"], key=len, reverse=True))
# A run of number words: "twenty-five", "two and a half", "half a million", "a dozen".
WORDS_PATTERN = (
    rf"(?:(?:a|one)\s+and\s+a\s+half\s+|half\s+a\s+|a\s+(?=(?:dozen|hundred|thousand|million|billion)\b))?"
    rf"(?:{NUMBER_WORD})(?:(?:[\s-]+|\s+and\s+)(?:a\s+)?(?:{NUMBER_WORD}|half)\b)*"
)
DIGITS_PATTERN = (
    # groups set off by spaces ("12 500", "1 250 000"), but not two numbers before a name
    # ("400 737 Max")
    r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3}){2,}(?![0-9])"
    r"|[0-9]{1,3}[ \u00a0\u202f][0-9]{3}(?![0-9])(?![ \u00a0\u202f][0-9])(?![ \t](?-i:[A-Z]))"
    r"|[0-9]+)"
    r"(?:\.[0-9]+)?"
)


def digits_value(text: str) -> float:
    """The value of digits as printed: "1,500", "1 500" and "1.5" (a point is decimal)."""
    return float(re.sub(r"[,\s\u00a0\u202f]", "", text))


def words_value(text: str) -> float | None:
    """The value of a run of number words ("twenty-five", "half a million", "a dozen",
    "two and a half"), or None when it holds no number."""
    words = [word for word in re.split(r"[\s-]+", text.lower()) if word]
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        if word in ("and", "a"):
            continue
        if word == "half":
            # "half a million": half of the scale that follows; "two and a half": + 0.5
            if current or total:
                current += 0.5
            else:
                current = 0.5
            seen = True
            continue
        if word in SMALL:
            current += SMALL[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current


def largest_scale(text: str) -> str | None:
    """The largest scale word in a printed number ("1.2 million" → million, "£4.8bn" →
    billion), canonical; None when it has none."""
    lowered = text.lower()
    found: str | None = None
    for word in re.findall(r"[a-z]+", lowered):
        canonical = word if word in SCALES_LONG else SCALE_ABBREVIATIONS.get(word)
        if canonical is None and word in VAGUE_SCALE:
            canonical = VAGUE_SCALE[word]
        if canonical and (found is None or SCALES_LONG[canonical] > SCALES_LONG[found]):
            found = canonical
    return found


_Trie: TypeAlias = dict[str, "_Trie"]


def trie_pattern(words: list[str]) -> str:
    """An alternation of `words` factored by common prefixes ("t(?:wo|hree|en)"): the regex
    engine then tries one branch per letter instead of every word at every position."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: _Trie) -> str:
        branches: list[str] = []
        optional = "" in node
        for char in sorted(key for key in node if key):
            branches.append(re.escape(char) + render(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return render(tree)
