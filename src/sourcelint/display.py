"""Text from documents, file names and configuration made safe to print on a terminal."""

from __future__ import annotations

import re

# C0 and C1 controls (terminal escapes among them), line separators and the bidirectional
# marks, embeddings, overrides and isolates that can make a terminal show text reordered
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def printable(message: str) -> str:
    """A message safe for a terminal or a CI log: control characters from the document
    (escape sequences, bidirectional overrides) are shown as \\uXXXX, never sent."""
    one_line = " ".join(message.split())  # a finding is one line, whatever the text wraps
    return _CONTROL.sub(lambda match: f"\\u{ord(match.group(0)):04x}", one_line)


_NAME_CONTROL = re.compile(_CONTROL.pattern.replace(r"\x0b-\x1f", r"\x09-\x1f"))


def printable_name(name: str) -> str:
    """A file name safe for a terminal: every control character, tab and line break among
    them, shown as \\uXXXX; spaces kept as they are."""
    return _NAME_CONTROL.sub(lambda match: f"\\u{ord(match.group(0)):04x}", name)
