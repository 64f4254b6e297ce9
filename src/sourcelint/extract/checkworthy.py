"""Check-worthiness: how much a sentence reads like a checkable factual claim, from 0 to 1.

The model ships as JSON (data/checkworthy_model.json, written by `make train`,
train/checkworthy.py): TF-IDF of word 1- and 2-grams of entity-masked text (`mask_entities`)
and a logistic regression trained on ClaimBuster. It is read without pickle and scored here in
plain Python, the way scikit-learn scores it: lower-case, `\\b\\w+\\b` tokens, unigrams and
bigrams, 1 + log(tf) times idf, L2-normalised, then the logistic function of the weighted sum.
`load_model` checks the file's own reference probabilities, so a scorer that drifted from the
trainer fails loudly."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

from sourcelint.errors import SourcelintError
from sourcelint.terms import load_terms

FORMAT = "sourcelint-checkworthy/1"
# Names are not features: a run of capitalised words (a person, party, army, place or
# nationality) is one NAME token and a number one NUMBER token, in training and when scoring,
# so a sentence scores the same whoever it is about.
NAME_TOKEN = "xxname"
NUMBER_TOKEN = "xxnumber"
_CAPITAL_RUN = re.compile(
    r"(?<![\w'’])[A-Z][\w'’.&-]*(?:[ \t]+(?:(?:of|the|de|van|von|al|bin|du|la|le|da)[ \t]+)*"
    r"[A-Z][\w'’.&-]*)*"
)
_NUMBER = re.compile(r"(?<![\w.])\d(?:[\d,.]*\d)?(?!\w)")
# Words that open a sentence before a name ("The Israeli army", "In Gaza City").
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "from", "to"}
    | {"by", "with", "after", "before", "during", "since", "when", "while", "as", "if", "but"}
    | {"and", "or", "so", "yet", "both", "all", "some", "many", "most", "every", "each", "his"}
    | {"her", "their", "its", "our", "my", "your", "under", "over", "against", "between"}
)
_FIRST_PERSON = frozenset({"I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "I'll", "I’ll"})
_OPENERS = frozenset('.!?:;"“‘([—–')


def _opens_sentence(text: str, position: int) -> bool:
    """Whether only white space lies between `position` and the text's start or an opener
    (end of a sentence, a colon, an opening mark or bracket, a dash)."""
    index = position - 1
    while index >= 0 and text[index].isspace():
        index -= 1
    return index < 0 or text[index] in _OPENERS


def mask_entities(text: str, common_words: frozenset[str]) -> str:
    """`text` with each capitalised run replaced by NAME_TOKEN and each number by
    NUMBER_TOKEN. A single capitalised word where a sentence or quotation opens stays a word
    when `common_words` (words the training text writes in lower case more often than
    capitalised) holds it ("The", "Unemployment"); a function word opening a longer run is
    split off ("The Israeli army" → "The" and a name)."""
    numbered = _NUMBER.sub(f" {NUMBER_TOKEN} ", text)

    def name(match: re.Match[str]) -> str:
        run = match.group(0)
        if run in _FIRST_PERSON:
            return run
        first, _, rest = run.partition(" ")
        single = not rest.strip()
        opening = first.lower() in (common_words if single else _FUNCTION_WORDS)
        if opening and _opens_sentence(numbered, match.start()):
            # "The Israeli army": the sentence's first word, then a name ("New Delhi" and
            # "United States" stay whole names)
            return first if single else f"{first} {NAME_TOKEN} "
        return f" {NAME_TOKEN} "

    return _CAPITAL_RUN.sub(name, numbered)


@dataclass(frozen=True, slots=True)
class CheckworthyModel:
    """The shipped model: per n-gram (idf, weight), the intercept and the default threshold."""

    terms: dict[str, tuple[float, float]]
    intercept: float
    threshold: float
    token_pattern: re.Pattern[str]
    common_words: frozenset[str] = frozenset()
    masks_entities: bool = False

    def tokens(self, text: str) -> list[str]:
        """The lower-cased words of a text (names and numbers as printed)."""
        return self.token_pattern.findall(text.lower())

    def features(self, text: str) -> list[str]:
        """The tokens the model scores: names and numbers masked when it was trained so."""
        return self.tokens(mask_entities(text, self.common_words) if self.masks_entities else text)

    def score(self, text: str) -> float:
        """The probability that `text` is a check-worthy factual claim."""
        return self.score_tokens(self.features(text))

    def score_tokens(self, tokens: list[str]) -> float:
        """The probability for a text already split by `tokens`."""
        counts = Counter(tokens)
        counts.update(map(" ".join, pairwise(tokens)))  # bigrams, joined in C
        terms = self.terms
        squares = dot = 0.0
        for gram, count in counts.items():
            entry = terms.get(gram)
            if entry is None:
                continue
            idf, weight = entry
            value = idf if count == 1 else (1.0 + math.log(count)) * idf
            squares += value * value
            dot += value * weight
        logit = self.intercept + (dot / math.sqrt(squares) if squares else 0.0)
        return 1.0 / (1.0 + math.exp(-logit))


def parse_model(text: str) -> CheckworthyModel:
    """A model from its JSON (SL908-style error on a file that is not one)."""
    try:
        payload = json.loads(text)
        if payload.get("format") != FORMAT:
            raise ValueError(f"format is {payload.get('format')!r}, not {FORMAT!r}")
        terms = {
            str(term): (float(pair[0]), float(pair[1])) for term, pair in payload["terms"].items()
        }
        model = CheckworthyModel(
            terms=terms,
            intercept=float(payload["intercept"]),
            threshold=float(payload["threshold"]),
            token_pattern=re.compile(str(payload["token_pattern"])),
            common_words=frozenset(str(word) for word in payload.get("common_words", ())),
            masks_entities=bool(payload.get("masks_entities", False)),
        )
        checks = [(str(sentence), float(expected)) for sentence, expected in payload["checks"]]
    except (ValueError, KeyError, TypeError, IndexError, re.error) as error:
        raise SourcelintError("SL908", f"check-worthiness model unreadable: {error}") from None
    for sentence, expected in checks:
        if abs(model.score(sentence) - expected) > 1e-4:
            raise SourcelintError(
                "SL908", "check-worthiness model does not reproduce its reference scores"
            )
    return model


@cache
def load_model() -> CheckworthyModel:
    """The shipped model, read once per process."""
    text = resources.files("sourcelint").joinpath("data", "checkworthy_model.json")
    return parse_model(text.read_text("utf-8"))


OPINION_CAP = 0.3


@cache
def _opinion_markers() -> re.Pattern[str]:
    patterns = "|".join(f"(?:{pattern})" for pattern in load_terms("opinion_markers"))
    return re.compile(rf"\b(?:{patterns})\b", re.IGNORECASE)


_QUESTION_END = re.compile(r"\?[\s”\"’').)\]]*$")
# A sentence can hold an opinion marker only if it holds one of these words: the regular
# expressions run only then.
_OPINION_CUES = frozenset(
    {"should", "must", "ought", "need", "needs", "likely", "unlikely", "expected", "set"}
    | {"due", "bound", "will", "would", "could", "might", "may", "think", "believe", "hope"}
    | {"fear", "suspect", "doubt", "argue", "convinced", "view", "opinion", "let", "s"}
)


def opinion_marked(text: str, tokens: list[str] | None = None) -> bool:
    """Whether a sentence asks, recommends or predicts (data/opinion_markers.txt)."""
    if _QUESTION_END.search(text):
        return True
    words = tokens if tokens is not None else re.findall(r"\w+", text.lower())
    if _OPINION_CUES.isdisjoint(words):
        return False
    return bool(_opinion_markers().search(text))


def checkworthiness(text: str, tokens: list[str] | None = None) -> float:
    """The check-worthiness sourcelint gives a sentence: the model's probability, capped at
    0.3 for a question or a sentence that recommends or predicts (`opinion_marked`): the
    model learnt from debates, where "we will cut taxes by 10%" reads like a fact. `tokens`
    are the model's tokens of `text` when the caller has them."""
    model = load_model()
    if tokens is None:
        tokens = model.tokens(text)
    score = model.score_tokens(model.features(text) if model.masks_entities else tokens)
    return OPINION_CAP if score > OPINION_CAP and opinion_marked(text, tokens) else score
