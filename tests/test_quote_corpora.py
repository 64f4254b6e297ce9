"""The quotation gold converter (benchmarks/quote_corpora.py) on the real corpora, and the
benchmark's matching and name rules (benchmarks/quotes.py).

The corpora live in ../shared/data/quotes beside the repository and are never copied into it;
without them the corpus tests are skipped. No spaCy or textacy here: the converter reads files.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
QUOTES_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

corpora: ModuleType = importlib.import_module("quote_corpora")
scoring: ModuleType = importlib.import_module("quotes")

needs_data = pytest.mark.skipif(
    not (QUOTES_DATA / "gum-news").is_dir() or not (QUOTES_DATA / "litbank-quotations").is_dir(),
    reason=f"the licensed quotation corpora are not at {QUOTES_DATA}",
)
OPENING = {'"', "“", "‘", "'"}


@pytest.fixture(scope="module")
def gum() -> list:
    return corpora.load_gum(QUOTES_DATA / "gum-news")


@pytest.fixture(scope="module")
def litbank() -> list:
    return corpora.load_litbank(QUOTES_DATA / "litbank-quotations")


def test_detokenizer_attaches_punctuation_clitics_and_marks() -> None:
    words = [("He", 0), ("said", 0), (",", 0), ('"', 1), ("we", 0), ("do", 0), ("n't", 0)]
    words += [("know", 0), (".", 0), ('"', 2), ("(", 0), ("Yes", 0), (")", 0)]
    tokens = []
    for word, role in words:
        left, right = corpora.default_glue(word)
        if role == 1:
            left, right = False, True
        elif role == 2:
            left, right = True, False
        tokens.append(corpora.Token(word, left, right))
    tokens.append(corpora.Token("Next", paragraph_start=True))
    text, spans = corpora.join_tokens(tokens)
    assert text == 'He said, "we don\'t know." (Yes)\n\nNext'
    assert [text[a:b] for a, b in spans] == [word for word, _ in words] + ["Next"]


def test_entity_names_read_like_names() -> None:
    assert corpora.entity_name("Mrs_Bennet-7") == "Mrs Bennet"
    assert corpora.entity_name("Mrs__Hall-6") == "Mrs Hall"
    assert corpora.entity_name("Creswell_Eastman") == "Creswell Eastman"


@needs_data
def test_gum_iodine_first_named_quote_is_creswell_eastman(gum: list) -> None:
    iodine = next(d for d in gum if d.name == "GUM_news_iodine")
    assert iodine.date == "2006-02-23"
    named = [q for q in iodine.quotes if q.speaker is not None]
    assert named[0].id == "GUM_news_iodine@344"
    assert named[0].speaker == "Creswell Eastman"
    # the generous mention spans cover the pronoun of the cue ("he said")
    pronouns = [iodine.text[a:b] for a, b in named[0].mentions]
    assert "he" in pronouns and "Professor Eastman" in pronouns


@needs_data
def test_gum_counts_match_the_hand_check(gum: list) -> None:
    """The figures recorded in docs/quote-gold-check.md."""
    kinds: dict[str, int] = {}
    elements = 0
    for name in corpora.gum_names(QUOTES_DATA / "gum-news"):
        parse = corpora.parse_gum(name, QUOTES_DATA / "gum-news")
        elements += len(parse.quotes)
        for candidate in corpora.gum_candidates(parse):
            key = f"{candidate.kind} {'gold' if candidate.gold else 'drop'}"
            kinds[key] = kinds.get(key, 0) + 1
    assert elements == 84
    assert sum(len(d.quotes) for d in gum) == kinds["quote gold"] + kinds["extra gold"]
    assert kinds == {
        "quote gold": 64,
        "quote drop": 5,
        "unmarked drop": 7,
        "extra gold": 35,
        "extra drop": 16,
        "q drop": 22,
    }


@needs_data
def test_gum_spans_are_the_words_inside_the_marks(gum: list) -> None:
    for document in gum:
        for quote in document.quotes:
            words = document.text[quote.start : quote.end]
            assert words and not words[0].isspace() and not words[-1].isspace(), quote.id
            assert document.text[quote.start - 1] in OPENING, quote.id
            assert "\n\n" not in words, quote.id


@needs_data
def test_litbank_pride_and_prejudice_first_quote_is_mrs_bennet(litbank: list) -> None:
    pride = next(d for d in litbank if d.name == "1342_pride_and_prejudice")
    first = pride.quotes[0]
    assert (first.id, first.speaker) == ("Q405", "Mrs Bennet")
    assert pride.text[first.start - 1] == "“" and pride.text[first.end] == "”"


@needs_data
def test_litbank_spans_follow_their_marks(litbank: list) -> None:
    root = QUOTES_DATA / "litbank-quotations"
    assert len(litbank) == 100
    assert sum(len(d.quotes) for d in litbank) == 1765
    for document in litbank:
        lines = (root / "tsv" / f"{document.name}_brat.txt").read_text(encoding="utf-8")
        words = [line.split() for line in lines.split("\n")]
        rows = {
            row.id: row for row in corpora._litbank_rows(root / "tsv" / f"{document.name}_brat.ann")
        }
        for quote in document.quotes:
            span = document.text[quote.start : quote.end]
            assert span and not span[0].isspace() and not span[-1].isspace(), quote.id
            assert quote.speaker, quote.id
            sentence, token = rows[quote.id].start
            if words[sentence][token] in corpora.QUOTE_MARKS:
                assert document.text[quote.start - 1] in OPENING, (document.name, quote.id)


def test_same_speaker_rule() -> None:
    same = scoring.same_speaker
    assert same("Professor Cres Eastman", "Creswell Eastman")
    assert same("Nabil Maaloul", "Nabil Maâloul")
    assert same("the girl", "a girl")
    assert same("Mrs. Bennet", "Mrs Bennet")
    assert not same("Mr. Bennet", "Mrs Bennet")
    assert not same("he", "Creswell Eastman")
    assert not same(None, "Creswell Eastman")
    assert same("the King", "King")


def test_matching_needs_half_of_both_spans_and_is_one_to_one() -> None:
    gold = [corpora.GoldQuote("a", 0, 100, None), corpora.GoldQuote("b", 200, 220, None)]
    predicted = [
        scoring.Prediction(0, 60, None),  # 60% of "a", all of itself: qualifies
        scoring.Prediction(30, 100, None),  # 70% of "a": the larger overlap takes "a"
        scoring.Prediction(190, 260, None),  # all of "b" but only 29% of itself
    ]
    assert scoring.match(gold, predicted) == [(0, 1)]
