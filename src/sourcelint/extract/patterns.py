"""Patterns that more than one stage needs: footnote marks, superscript digits, exponents,
surname particles. One definition each, so the stages agree on what a marker is."""

from __future__ import annotations

import re
from collections.abc import Iterator

# "rose 4%*", "prices†": a mark attached to the word before it.
ATTACHED_MARK = re.compile(r"(?<=[^\s*†‡])([†‡]{1,3}|\*{1,3})(?=[\s.,;:!?)\]”\"]|$)", re.MULTILINE)
# "*really*": emphasis in plain text, whose closing asterisk is no footnote mark.
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3})(?=[^\s*])[^*\n]*?(?<=[^\s*])\1(?![\w*])")

SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

# What stands before an exponent rather than a note: a number, a one- or two-letter symbol
# (R², mc², km²), or a unit. Matched against the text just before the superscript.
EXPONENT_BEFORE = re.compile(r"(?:\d|(?<![^\W\d_])[^\W\d_]{1,2}|\b(?:sq|m/s))\s*$")

NAME_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "della", "dos"}
    | {"das", "ter", "ten", "bin", "al", "el", "st.", "mc"}
)
PARTICLE = r"(?:(?:van|von|de|der|den|da|di|du|la|le|del|della|dos|das|ter|ten)[ \t]+)"


def attached_marks(text: str) -> Iterator[re.Match[str]]:
    """Footnote marks attached to a word ("4%*", "prices†"), without the asterisks that
    close an emphasis ("*really*")."""
    closers = {match.end() - len(match.group(1)) for match in _EMPHASIS.finditer(text)}
    for match in ATTACHED_MARK.finditer(text):
        if match.start() not in closers:
            yield match


def superscript_number(text: str) -> str:
    """ "²³" → "23"."""
    return text.translate(SUPERSCRIPT_DIGITS)


def looks_like_organisation(words: list[str]) -> bool:
    """A name that is an organisation's ("World Health Organization", "UNICEF"), not a
    person's: more than two words besides particles, or an acronym."""
    named = [word for word in words if word.lower() not in NAME_PARTICLES]
    return len(named) > 2 or any(word.isupper() and len(word) > 1 for word in words)
