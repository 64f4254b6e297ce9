"""The shipped check-worthiness model: read without pickle, scored in pure Python exactly as
it was trained, deterministic, small; opinion scores low."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from sourcelint.errors import SourcelintError
from sourcelint.extract.checkworthy import (
    OPINION_CAP,
    checkworthiness,
    load_model,
    opinion_marked,
    parse_model,
)

MODEL = resources.files("sourcelint").joinpath("data", "checkworthy_model.json")


def test_the_model_is_small_json_and_reproduces_its_reference_scores() -> None:
    raw = MODEL.read_bytes()
    assert len(raw) < 5 * 1024 * 1024
    payload = json.loads(raw)
    model = load_model()
    assert 0 < model.threshold < 1
    for sentence, expected in payload["checks"]:
        assert model.score(sentence) == pytest.approx(expected, abs=1e-4)


def test_a_model_that_does_not_reproduce_its_checks_is_refused() -> None:
    payload = json.loads(MODEL.read_text("utf-8"))
    payload["intercept"] += 1.0
    with pytest.raises(SourcelintError) as raised:
        parse_model(json.dumps(payload))
    assert raised.value.code == "SL908"
    for broken in ("not json", "{}", json.dumps({"format": "pickle"})):
        with pytest.raises(SourcelintError):
            parse_model(broken)


@pytest.mark.parametrize(
    "sentence",
    [
        "Varnia moved two armoured brigades to within 30 kilometres of the border on Wednesday.",
        "The council voted 31 to 12 to close four primary schools.",
        "Unemployment fell to 4.2 percent in March.",
    ],
)
def test_factual_claims_score_high(sentence: str) -> None:
    assert checkworthiness(sentence) >= load_model().threshold


@pytest.mark.parametrize(
    "sentence",
    [
        "We should all be kinder to the people next door.",
        "What kind of city do we want to be?",
        "The council must restore the bus routes it cut in 2023.",
        "Prices will probably fall by 10 percent next year.",
        "I think this is the best plan we have had in years.",
    ],
)
def test_calls_questions_and_predictions_score_low(sentence: str) -> None:
    assert checkworthiness(sentence) <= OPINION_CAP


def test_opinion_markers_need_their_cue_words() -> None:
    assert opinion_marked("Is it “fine?”")
    assert not opinion_marked("The mayor said she was willing to talk.")
    assert opinion_marked("The plan is likely to cost more.")
