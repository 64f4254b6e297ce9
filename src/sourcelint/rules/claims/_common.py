"""What the claim rules share: which sentences count, and the threshold in force."""

from __future__ import annotations

import re
from bisect import bisect_right

from sourcelint.document import BlockKind
from sourcelint.extract.checkworthy import load_model
from sourcelint.model import Claim
from sourcelint.rules.base import Evidence


def threshold(evidence: Evidence) -> float:
    """The check-worthiness above which a claim is reported: the configured one, or the
    model's default (set for precision 0.8 on the project's article set)."""
    if evidence.claim_threshold is not None:
        return evidence.claim_threshold
    return load_model().threshold


def body_claims(evidence: Evidence) -> list[Claim]:
    """The claims outside headings: a headline is sourced by the story under it."""
    blocks = sorted(evidence.document.blocks, key=lambda block: block.start)
    starts = [block.start for block in blocks]
    kept = []
    for claim in evidence.claims:
        index = bisect_right(starts, claim.start) - 1
        if index >= 0 and blocks[index].kind is BlockKind.HEADING:
            continue
        kept.append(claim)
    return kept


def checkworthy_claims(evidence: Evidence) -> list[Claim]:
    """The claims outside headings that score at or above the threshold in force and read as
    prose: a speaker's label ("((Aparna Garg))", "WN:") or a name alone asserts nothing."""
    limit = threshold(evidence)
    return [
        claim
        for claim in body_claims(evidence)
        if claim.checkworthy is not None and claim.checkworthy >= limit and _reads_as_prose(claim)
    ]


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _reads_as_prose(claim: Claim) -> bool:
    """At least three words, one of them in lower case."""
    words = _WORD.findall(claim.text)
    return len(words) >= 3 and any(word[0].islower() for word in words)


def paragraph_sourced(evidence: Evidence) -> set[str]:
    """With `claim-sources = "paragraph"`: the ids of claims whose paragraph carries a source
    in some sentence."""
    if not evidence.paragraph_sources:
        return set()
    blocks = sorted((block.start, block.end) for block in evidence.document.blocks)
    starts = [start for start, _ in blocks]
    sourced_blocks: set[int] = set()
    where: dict[str, int] = {}
    for claim in evidence.claims:
        index = bisect_right(starts, claim.start) - 1
        where[claim.id] = index
        if claim.sourced_by and any(
            source.kind != "citation" or claim.citations for source in claim.sourced_by
        ):
            sourced_blocks.add(index)
    return {claim_id for claim_id, index in where.items() if index in sourced_blocks}
