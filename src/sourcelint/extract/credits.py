"""Credit lines: "Source: ...", "Photo: ...", "Image: ..." at the start of a line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sourcelint.document import Document
from sourcelint.extract.references import is_reference_heading, non_locators
from sourcelint.terms import load_terms

_MAX_LINE = 200
_WORD = re.compile(r"[^\W_][\w'’.-]*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Credit:
    """A credit line: its label ("Photo") and what follows it."""

    start: int
    end: int
    label: str
    value: str
    value_start: int

    @property
    def has_locator(self) -> bool:
        """Whether the credit names something: any word that is not a generic non-locator."""
        generic = non_locators()
        words = [word.lower().strip(".'’-") for word in _WORD.findall(self.value)]
        return any(word and word not in generic for word in words)


@cache
def _credit_line() -> re.Pattern[str]:
    labels = "|".join(sorted(map(re.escape, load_terms("credit_labels")), key=len, reverse=True))
    # At the start of a line, or after a caption's closing punctuation on the same line.
    return re.compile(
        rf"(?:^[ \t]*|(?<=[.!?][ \t]))(?P<label>(?:{labels}))[ \t]*:(?P<value>[^\n]*)$",
        re.IGNORECASE | re.MULTILINE,
    )


def extract_credits(document: Document) -> list[Credit]:
    """Every credit line of the document. A credit's value may stand on the line below its
    label ("Photo:" then "Jane Doe / Example Wire"); "Sources:" above a list is a heading."""
    text = document.text
    credits = []
    for match in _credit_line().finditer(text):
        if match.end() - match.start() > _MAX_LINE:
            continue
        value = match.group("value").strip()
        value_start = match.start("value")
        if not value:
            below = text[match.end() + 1 : match.end() + 400].split("\n")
            if is_reference_heading(match.group("label")) and any(
                line.strip() for line in below[:3]
            ):
                continue
            if below and below[0].strip() and len(below[0]) <= _MAX_LINE:
                value = below[0].strip()
                value_start = match.end() + 1
        credits.append(
            Credit(
                start=match.start("label"),
                end=value_start + len(value) if value else match.end("label") + 1,
                label=match.group("label"),
                value=value,
                value_start=value_start,
            )
        )
    return credits
