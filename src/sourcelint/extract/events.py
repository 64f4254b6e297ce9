"""Whether a dated figure counts a past event or states a level that can go stale.

"In 1998, more than 200 people died" dates an event: the figure is history and stays true.
"The region had 48,000 dairy cows in 2022" dates a level, which may have changed since. The
verb next to the figure tells them apart: a past-tense verb that is neither a verb of state
(data/state_verbs.txt) nor one of movement (data/change_words.txt) makes the figure an event.
Parts of speech come from the model's tagger, run only on the sentences that need it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sourcelint import nlp
from sourcelint.terms import load_terms

_PAST_AUXILIARIES = frozenset({"was", "were", "had"})


@dataclass(frozen=True, slots=True)
class DatedFigure:
    """A figure's span and the span of the sentence it is in (offsets into the text)."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int


@cache
def _state_verbs() -> frozenset[str]:
    return frozenset(load_terms("state_verbs"))


@cache
def _movement_words() -> frozenset[str]:
    return frozenset(line.partition(":")[0].strip().lower() for line in load_terms("change_words"))


def _verb_groups(doc: Any) -> list[list[Any]]:
    """Runs of verbs and auxiliaries, allowing a negation or an adverb inside ("had not yet
    been")."""
    groups: list[list[Any]] = []
    current: list[Any] = []
    for token in doc:
        if token.pos_ in ("VERB", "AUX"):
            current.append(token)
        elif current and token.pos_ in ("PART", "ADV"):
            continue
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _is_past_event(group: list[Any]) -> bool:
    main = group[-1]
    if main.lemma_.lower() in _state_verbs() or main.lower_ in _movement_words():
        return False
    if main.tag_ == "VBD":
        return True
    return main.tag_ == "VBN" and any(token.lower_ in _PAST_AUXILIARIES for token in group[:-1])


def past_events(text: str, figures: Sequence[DatedFigure]) -> list[bool]:
    """For each figure, whether its sentence's verb nearest to it tells a past event."""
    if not figures:
        return []
    sentences = sorted({(f.sentence_start, f.sentence_end) for f in figures})
    docs = dict(
        zip(
            sentences,
            nlp.tagging_pipeline().pipe(text[start:end] for start, end in sentences),
            strict=True,
        )
    )
    answers = []
    for figure in figures:
        doc = docs[(figure.sentence_start, figure.sentence_end)]
        start = figure.start - figure.sentence_start
        end = figure.end - figure.sentence_start

        def distance(group: list[Any], start: int = start, end: int = end) -> int:
            first: int = group[0].idx
            last: int = group[-1].idx + len(group[-1])
            return max(first - end, start - last, 0)

        groups = _verb_groups(doc)
        nearest = min(groups, key=distance, default=None)
        answers.append(nearest is not None and _is_past_event(nearest))
    return answers
