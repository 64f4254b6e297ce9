"""Attributions without quotation marks: the words that say where a statement comes from
("according to the UN", "the ministry said", "data from the census show", "a 2021 study in
Nature found").

Read with word lists (data/reporting_verbs.txt, attribution_phrases.txt, source_nouns.txt):
a reporting verb or "according to" anywhere, or a source noun with a verb of finding or
a "from/by/in" name after it. Vague attributions ("experts say", "studies show") are
attributions too: telling them apart is the claims stage's job.
"""

from __future__ import annotations

import re
from functools import cache

from sourcelint.model import SourceRef
from sourcelint.terms import load_terms


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def _pattern() -> re.Pattern[str]:
    verbs = _alternation((*load_terms("reporting_verbs"), "estimated", "estimates", "reported"))
    phrases = _alternation(tuple(p for p in load_terms("attribution_phrases") if " " in p))
    finding = _alternation(tuple(p for p in load_terms("attribution_phrases") if " " not in p))
    nouns = _alternation(load_terms("source_nouns"))
    return re.compile(
        rf"\b(?:{phrases})\b[^.;,]{{0,60}}"
        rf"|\b(?:{nouns})\b(?:\s+(?:\w+\s+){{0,3}}?(?:{finding})\b|\s+(?:from|by|of|in|published\s+by)"
        rf"\s+(?:the\s+)?[A-Z][\w&'’-]*)"
        rf"|(?<!\bI )(?<!\b[Ww]e )\b(?:{verbs})\b",
        re.IGNORECASE,
    )


def find_attributions(text: str, start: int, end: int) -> list[SourceRef]:
    """The attributions in text[start:end], in order."""
    return [
        SourceRef("attribution", match.group(0).strip(), match.start(), match.end())
        for match in _pattern().finditer(text, start, end)
    ]


def attributed(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] attributes what it says to a source."""
    return _pattern().search(text, start, end) is not None
