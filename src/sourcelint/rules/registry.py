"""The code table: every rule and every error code sourcelint has, in one place.

Codes are stable and never reused: a retired rule keeps its number out of circulation.
"""

from __future__ import annotations

from sourcelint.rules.base import ErrorCode, Rule
from sourcelint.rules.citations import (
    sl101_unresolved_marker,
    sl102_uncited_reference,
    sl103_unfindable_reference,
    sl104_empty_credit,
    sl105_duplicate_reference_label,
    sl106_editor_flag,
)
from sourcelint.rules.claims import (
    sl401_unsourced_claim,
    sl402_vague_attribution,
    sl403_claim_on_unresolved_marker,
)
from sourcelint.rules.input import (
    sl902_invalid_utf8,
    sl903_empty_document,
    sl910_markup_too_deep,
    sl913_dropped_text,
    sl914_unusable_date,
)
from sourcelint.rules.numbers import (
    sl301_unsourced_statistic,
    sl302_part_exceeds_whole,
    sl303_stale_statistic,
    sl304_conflicting_statistic,
)
from sourcelint.rules.quotes import (
    sl201_quote_without_speaker,
    sl202_unsourced_quote,
    sl203_unbalanced_quote_mark,
    sl204_edited_quote,
)

RULES: tuple[Rule, ...] = (
    sl101_unresolved_marker.RULE,
    sl102_uncited_reference.RULE,
    sl103_unfindable_reference.RULE,
    sl104_empty_credit.RULE,
    sl105_duplicate_reference_label.RULE,
    sl106_editor_flag.RULE,
    sl201_quote_without_speaker.RULE,
    sl202_unsourced_quote.RULE,
    sl203_unbalanced_quote_mark.RULE,
    sl204_edited_quote.RULE,
    sl301_unsourced_statistic.RULE,
    sl302_part_exceeds_whole.RULE,
    sl303_stale_statistic.RULE,
    sl304_conflicting_statistic.RULE,
    sl401_unsourced_claim.RULE,
    sl402_vague_attribution.RULE,
    sl403_claim_on_unresolved_marker.RULE,
    sl902_invalid_utf8.RULE,
    sl903_empty_document.RULE,
    sl910_markup_too_deep.RULE,
    sl913_dropped_text.RULE,
    sl914_unusable_date.RULE,
)

ERRORS: tuple[ErrorCode, ...] = (
    ErrorCode("SL900", "usage-error", "Bad command-line option or argument"),
    ErrorCode("SL901", "unreadable-path", "Path does not exist or cannot be read"),
    ErrorCode("SL904", "binary-file", "File is binary, not text"),
    ErrorCode("SL905", "nothing-to-scan", "Directory holds no file to scan"),
    ErrorCode("SL906", "invalid-config", "Configuration file cannot be parsed or has unknown keys"),
    ErrorCode("SL907", "file-too-large", "File exceeds the size limit"),
    ErrorCode("SL908", "model-missing", "No spaCy English model installed"),
    ErrorCode("SL909", "output-not-written", "Output file could not be written"),
    ErrorCode("SL911", "no-text-layer", "PDF has no text to read (a scanned image without OCR)"),
    ErrorCode("SL912", "encrypted-pdf", "PDF is encrypted and needs a password"),
    ErrorCode(
        "SL915",
        "fetch-failed",
        "Web address could not be fetched (refused address, timeout, HTTP error, size, type)",
    ),
    ErrorCode(
        "SL999",
        "internal-error",
        "A bug in sourcelint: a finding where one stage failed, or an error for a whole file",
    ),
)

RULES_BY_CODE = {rule.code: rule for rule in RULES}
ERRORS_BY_CODE = {error.code: error for error in ERRORS}
ALL_CODES = tuple(sorted([*RULES_BY_CODE, *ERRORS_BY_CODE]))

if len(RULES_BY_CODE) + len(ERRORS_BY_CODE) != len(RULES) + len(ERRORS):
    raise RuntimeError("duplicate code in the code table")


def lookup(code: str) -> Rule | ErrorCode | None:
    """The rule or error with this code (case-insensitive), or None."""
    code = code.upper()
    return RULES_BY_CODE.get(code) or ERRORS_BY_CODE.get(code)
