"""Quotations and speakers on real documents nobody tuned the rules to: the blind-annotated
corpus of tests/fixtures/quotes_real (guideline docs/guideline-quotations.md), beside
textacy's `direct_quotations` on the same texts.

Documents: Wikinews 2020 articles (read as plain text, as a user pastes them) and pages of the
article-extraction benchmark (sourcelint reads the saved HTML page; textacy, which cannot read
HTML, reads the page's hand-marked article text). Gold offsets point into the data set's text
(the CSV's `text`, the page's `articleBody`); a quotation sourcelint finds in the HTML page is
placed in the article text by searching its words there (white space collapsed).

Scores: quotation precision, recall and F1 (matching as benchmarks/quotes.py: one-to-one,
overlap covering half of each span; an optional gold quotation neither counts found nor
missed, and a prediction matching it is not spurious); speaker accuracy over all gold
quotations (a missed quotation counts as a wrong speaker; a gold `null` speaker is right when
the prediction has none) and over matched ones. Documents split by id into dev and test (test
when the SHA-1 of the id ends in an odd hex digit); rules are improved against dev only and
test is read in aggregate.

Run: `.venv/bin/python benchmarks/quotes_real.py [--errors]` (`--errors` lists dev only).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from matching import greedy_pairs, overlap
from quotes import MIN_COVER, same_speaker
from run_info import ROOT, versions

GOLD = ROOT / "tests" / "fixtures" / "quotes_real"
SHARED = ROOT.parent / "shared" / "data"
WIKINEWS = SHARED / "news" / "wikinews-2020" / "wikinews_2020.csv"
PAGES = SHARED / "html" / "article-extraction-benchmark"


@dataclass(frozen=True, slots=True)
class Found:
    """A predicted quotation placed in the gold text, with its speaker's name."""

    start: int
    end: int
    speaker: str | None


@dataclass(slots=True)
class Counts:
    """Counts over documents."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_right: int = 0
    speaker_right_matched: int = 0
    documents: int = 0
    raised: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        """Add another document's counts."""
        for name in ("gold", "predicted", "matched", "speaker_right", "speaker_right_matched"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.documents += other.documents
        self.raised += other.raised
        self.seconds += other.seconds
        self.errors += other.errors


def split_of(doc: str) -> str:
    """dev or test, by the SHA-1 of the document id."""
    return "test" if int(hashlib.sha1(doc.encode()).hexdigest()[-1], 16) % 2 else "dev"


def _wikinews_rows() -> list[dict[str, str]]:
    csv.field_size_limit(10**9)
    with WIKINEWS.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def load_documents() -> list[dict[str, Any]]:
    """Every gold document with its text (and, for a page, its HTML)."""
    documents: list[dict[str, Any]] = []
    rows = _wikinews_rows() if WIKINEWS.is_file() else []
    bodies = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    for path in sorted(GOLD.glob("*.json")):
        for entry in json.loads(path.read_text(encoding="utf-8")):
            kind, _, key = entry["doc"].partition(":")
            if kind == "wikinews":
                entry["text"], entry["html"] = rows[int(key)]["text"], None
            else:
                entry["text"] = bodies[key]["articleBody"]
                raw = gzip.decompress((PAGES / "html" / f"{key}.html.gz").read_bytes())
                entry["html"] = raw.decode("utf-8", "replace")
            digest = hashlib.sha1(entry["text"].encode("utf-8")).hexdigest()
            if digest != entry["text_sha1"]:
                raise SystemExit(f"{entry['doc']}: the text changed since it was annotated")
            entry["split"] = split_of(entry["doc"])
            documents.append(entry)
    return documents


def _collapsed(text: str) -> tuple[str, list[int]]:
    """The text with white space runs as one space, and each character's original offset."""
    characters: list[str] = []
    positions: list[int] = []
    for match in re.finditer(r"\s+|\S", text):
        characters.append(" " if match.group(0).isspace() else match.group(0))
        positions.append(match.start())
    return "".join(characters), positions


def place(quotes: list[tuple[str, str | None]], text: str) -> list[Found]:
    """Quotations found in another rendering of a text, placed in `text` by their words (in
    order where the words repeat; a quotation whose words are not there is dropped)."""
    flat, positions = _collapsed(text)
    cursor = 0
    found: list[Found] = []
    for words, speaker in quotes:
        needle = " ".join(words.split())
        if not needle:
            continue
        at = flat.find(needle, cursor)
        if at < 0:
            at = flat.find(needle)
        if at < 0:
            continue
        cursor = at + len(needle)
        end = positions[at + len(needle) - 1] + 1
        found.append(Found(positions[at], end, speaker))
    return found


def sourcelint_quotes(document: dict[str, Any]) -> list[Found]:
    from sourcelint.api import scan

    if document["html"] is None:
        analysis = scan(document["text"], format="txt")
        return [
            Found(q.start, q.end, q.speaker.name if q.speaker else None) for q in analysis.quotes
        ]
    analysis = scan(document["html"], format="html")
    return place(
        [(q.text, q.speaker.name if q.speaker else None) for q in analysis.quotes],
        document["text"],
    )


def textacy_quotes() -> Callable[[dict[str, Any]], list[Found]]:
    import spacy
    from textacy.extract import triples

    from sourcelint.nlp import model_name

    nlp = spacy.load(model_name())

    def predict(document: dict[str, Any]) -> list[Found]:
        doc = nlp(document["text"])
        found = []
        for triple in triples.direct_quotations(doc):
            start, end = triple.content.start_char + 1, triple.content.end_char - 1
            speaker = " ".join(token.text for token in triple.speaker) or None
            found.append(Found(start, end, speaker))
        return found

    return predict


def score(document: dict[str, Any], found: list[Found]) -> Counts:
    """One document's counts."""
    gold = document["quotes"]
    candidates = []
    for g, quote in enumerate(gold):
        for p, prediction in enumerate(found):
            shared = overlap((quote["start"], quote["end"]), (prediction.start, prediction.end))
            if (
                shared
                and shared >= MIN_COVER * (quote["end"] - quote["start"])
                and shared >= MIN_COVER * (prediction.end - prediction.start)
            ):
                candidates.append((shared, g, p))
    pairs = dict(greedy_pairs(candidates))
    optional_predictions = {p for g, p in pairs.items() if gold[g].get("optional")}
    counts = Counts(documents=1)
    counts.gold = sum(1 for quote in gold if not quote.get("optional"))
    counts.predicted = len(found) - len(optional_predictions)
    for g, quote in enumerate(gold):
        if quote.get("optional"):
            continue
        predicted = found[pairs[g]] if g in pairs else None
        right = predicted is not None and (
            same_speaker(predicted.speaker, quote["speaker"])
            if quote["speaker"]
            else predicted.speaker is None
        )
        counts.matched += predicted is not None
        counts.speaker_right += right
        counts.speaker_right_matched += right
        if not right:
            words = len(document["text"][quote["start"] : quote["end"]].split())
            what = "missed" if predicted is None else f"speaker {predicted.speaker!r}"
            counts.errors.append(
                f"{document['doc']} @{quote['start']} ({words} words): {what}, "
                f"gold {quote['speaker']!r}"
            )
    for p, prediction in enumerate(found):
        if p not in pairs.values():
            counts.errors.append(
                f"{document['doc']} @{prediction.start}: spurious "
                f"({prediction.end - prediction.start} chars, speaker {prediction.speaker!r})"
            )
    return counts


def _row(name: str, split: str, counts: Counts) -> str:
    precision = counts.matched / counts.predicted if counts.predicted else 0.0
    recall = counts.matched / counts.gold if counts.gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    overall = counts.speaker_right / counts.gold if counts.gold else 0.0
    matched = counts.speaker_right_matched / counts.matched if counts.matched else 0.0
    seconds = f"{counts.seconds:.1f}" if split == "all" else ""
    return (
        f"| {name} | {split} | {counts.documents} | {counts.gold} | {precision:.3f} | "
        f"{recall:.3f} | {f1:.3f} | {overall:.3f} | {matched:.3f} | {counts.raised} | "
        f"{seconds} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list sourcelint's dev errors")
    parser.add_argument("--systems", default="sourcelint,textacy")
    arguments = parser.parse_args()
    if not PAGES.is_dir() or not any(GOLD.glob("*.json")):
        print(f"no data at {SHARED} or no gold in {GOLD}", file=sys.stderr)
        return 2
    documents = load_documents()
    genres = sorted({document["genre"] for document in documents})
    print(
        f"Quotations in {len(documents)} real documents ({', '.join(genres)}), "
        "blind gold of tests/fixtures/quotes_real"
    )
    print(
        "| system | split | docs | gold | precision | recall | F1 | speaker (all gold) "
        "| speaker (matched) | docs raising | seconds |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    systems: dict[str, Callable[[dict[str, Any]], list[Found]]] = {}
    for name in arguments.systems.split(","):
        if name == "sourcelint":
            systems[name] = sourcelint_quotes
        elif name == "textacy":
            systems[name] = textacy_quotes()
    for name, predict in systems.items():
        totals = {"dev": Counts(), "test": Counts()}
        for document in documents:
            started = time.perf_counter()
            try:
                found = predict(document)
                raised = 0
            except Exception:  # a peer's crash scores as a document with no quotations
                found, raised = [], 1
            elapsed = time.perf_counter() - started
            counts = score(document, found)
            counts.raised, counts.seconds = raised, elapsed
            totals[document["split"]].add(counts)
        everything = Counts()
        everything.add(totals["dev"])
        everything.add(totals["test"])
        for split, counts in (*totals.items(), ("all", everything)):
            print(_row(name, split, counts))
        if arguments.errors and name == "sourcelint":
            for line in totals["dev"].errors:
                print(f"  {line}")
    print(versions("spacy", "textacy"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
