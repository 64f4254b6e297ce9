"""Citation markers and reference entries on real documents nobody tuned the extractor to: the
blind gold of tests/fixtures/citations_real (docs/guideline-citations.md) over the documents in
../shared/data/citations/real-pages.

Each document is scanned as sourcelint scans the file (HTML, pasted text, Markdown). A gold
marker is matched to a citation of the same label (numbers as printed; author-year by year and
first word of the surname, particles and "et al." aside) whose preceding text, with all
whitespace and an opening bracket removed, ends with the last 12 characters of the gold's
`before` (whitespace removed too), or whose own span holds them (the later works of a group
such as "Parker (2000, 2005)" share the group's span), one to one in reading order; failing
that, the next unused citation of the same label. Scores:

- marker precision and recall (a citation that matches no gold marker is a false marker);
- marker→entry accuracy over matched markers: right when the citation's reference begins with
  the gold entry's `starts` (compared on letters and digits only, the first 24 of them) or, for a
  gold marker that points nowhere, when the citation has no reference;
- wrongly unresolved: matched markers whose gold entry exists and sourcelint reports none
  (these are SL101 findings that a reader would find false);
- entry recall: gold entries found among sourcelint's references by the same text test.

Split by document (the last hex digit of the SHA-1 of its file name without folder and
extension: odd is test; the HTML and pasted versions of one article share a side). `--errors` lists
dev only; test is reported in aggregate.

Run: `.venv/bin/python benchmarks/citations_real.py [--errors]`
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from run_info import versions

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "data" / "citations" / "real-pages"
GOLDS = ROOT / "tests" / "fixtures" / "citations_real"
CONTEXT = 12
ENTRY_PREFIX = 24
_SPACE = re.compile(r"\s+")
_NOT_ALNUM = re.compile(r"[\W_]+")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)([a-z]?)\b")
_PARTICLES = {"van", "von", "der", "de", "den", "la", "le", "du", "da", "di", "et", "al"}


def split_of(doc: str) -> str:
    """dev or test, by the SHA-1 of the document's name without its folder and extension, so
    that a page saved as HTML and pasted as text fall on the same side."""
    stem = Path(doc).stem
    return "test" if int(hashlib.sha1(stem.encode()).hexdigest()[-1], 16) % 2 else "dev"


def load_documents(pages: Path = PAGES, golds: Path = GOLDS) -> list[dict[str, Any]]:
    """Every gold document; refuses a file that changed since annotation."""
    documents = [
        document
        for path in sorted(golds.glob("*.json"))
        for document in json.loads(path.read_text(encoding="utf-8"))
    ]
    for document in documents:
        path = pages / document["doc"]
        if hashlib.sha1(path.read_bytes()).hexdigest() != document["sha1"]:
            raise SystemExit(f"{document['doc']}: the file changed since it was annotated")
        document["path"], document["split"] = path, split_of(document["doc"])
    return documents


def squeeze(text: str) -> str:
    """Text without whitespace and emphasis marks, so that HTML, Markdown and pasted layouts
    compare."""
    return _SPACE.sub("", text).replace("_", "").replace("*", "")


def label_key(label: str) -> tuple[str, ...]:
    """What two labels must share: a number or note name as printed, or surname and year."""
    year = _YEAR.search(label)
    if year is None:
        return ("note", _NOT_ALNUM.sub("", label.lower()))
    words = [
        word
        for word in _NOT_ALNUM.sub(" ", label[: year.start()].lower()).split()
        if word not in _PARTICLES
    ]
    return ("author", words[0] if words else "", year.group(1) + year.group(2))


def entry_text_matches(starts: str, text: str) -> bool:
    """Whether a reference's text begins as the gold entry does."""
    gold = _NOT_ALNUM.sub("", starts.lower())[:ENTRY_PREFIX]
    found = _NOT_ALNUM.sub("", text.lower())
    return bool(gold) and gold in found[: len(gold) + 40]


def sourcelint_citations(path: Path) -> dict[str, Any]:
    """sourcelint's citations (with what precedes each) and references of one file."""
    from sourcelint.api import scan

    result = scan(path)
    text = result.document.text
    references = {reference.id: reference for reference in result.references}
    citations = [
        {
            "label": citation.marker,
            "before": squeeze(text[max(0, citation.start - 200) : citation.start]).rstrip("([{"),
            "inside": squeeze(text[citation.start : citation.end]),
            "reference": references.get(citation.reference) if citation.reference else None,
            "start": citation.start,
        }
        for citation in sorted(result.citations, key=lambda item: item.start)
    ]
    return {"citations": citations, "references": list(result.references)}


def match_markers(gold: list[dict[str, Any]], found: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, found index), in reading order."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    floor = 0

    def next_unused(start: int, key: tuple[str, ...], tail: str | None) -> int | None:
        """The first unused citation from `start` with this label (and, given a `tail`, the
        gold's context before it or inside its span)."""
        for f in range(start, len(found)):
            citation = found[f]
            if f in used or label_key(citation["label"]) != key:
                continue
            if tail is None or citation["before"].endswith(tail) or tail in citation["inside"]:
                return f
        return None

    for g, marker in enumerate(gold):
        key = label_key(marker["label"])
        tail = squeeze(marker["before"])[-CONTEXT:]
        hit = next_unused(floor, key, tail)
        if hit is None:
            hit = next_unused(0, key, tail)
        if hit is None:
            # the gold's context holds markup the reading drops (a Markdown link's address):
            # the next unused citation of the same label
            hit = next_unused(floor, key, None)
        if hit is not None:
            pairs.append((g, hit))
            used.add(hit)
            floor = hit + 1
    return pairs


def score(document: dict[str, Any], tally: Counter[str], errors: list[str] | None) -> None:
    """Add one document's counts to `tally` (and its errors to `errors`)."""
    predicted = sourcelint_citations(document["path"])
    gold, found = document["markers"], predicted["citations"]
    entries = {entry["label"]: entry for entry in document["entries"]}
    pairs = match_markers(gold, found)
    tally["documents"] += 1
    tally["gold"] += len(gold)
    tally["predicted"] += len(found)
    tally["matched"] += len(pairs)
    matched_gold = {g for g, _ in pairs}
    matched_found = {f for _, f in pairs}
    for g, f in pairs:
        marker, citation = gold[g], found[f]
        reference = citation["reference"]
        entry = entries.get(marker["entry"]) if marker["entry"] is not None else None
        if entry is None:
            right = reference is None
        else:
            right = reference is not None and entry_text_matches(entry["starts"], reference.text)
            if reference is None:
                tally["wrongly_unresolved"] += 1
        tally["entry_right"] += right
        if not right and errors is not None:
            shown = None if reference is None else reference.text[:50]
            errors.append(
                f"  {document['doc']}: marker {marker['label']!r} after "
                f"…{marker['before'][-30:]!r} → gold {marker['entry']!r}, got {shown!r}"
            )
    for entry in document["entries"]:
        tally["entries"] += 1
        tally["entries_found"] += any(
            entry_text_matches(entry["starts"], reference.text)
            for reference in predicted["references"]
        )
    if errors is not None:
        for g, marker in enumerate(gold):
            if g not in matched_gold:
                errors.append(
                    f"  {document['doc']}: missed {marker['label']!r} after "
                    f"…{marker['before'][-30:]!r}"
                )
        for f, citation in enumerate(found):
            if f not in matched_found:
                errors.append(
                    f"  {document['doc']}: false {citation['label']!r} after "
                    f"…{citation['before'][-30:]!r}"
                )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list sourcelint's dev errors")
    parser.add_argument("--pages", type=Path, default=PAGES, help="the documents' folder")
    parser.add_argument("--gold", type=Path, default=GOLDS, help="the gold files' folder")
    arguments = parser.parse_args()
    if not arguments.pages.is_dir():
        print(f"no data at {arguments.pages}", file=sys.stderr)
        return 2
    documents = load_documents(arguments.pages, arguments.gold)
    errors: list[str] = []
    tallies = {"dev": Counter[str](), "test": Counter[str]()}
    genres = Counter(document["genre"] for document in documents)
    by_genre: dict[tuple[str, str], Counter[str]] = {}
    for document in documents:
        wanted = errors if arguments.errors and document["split"] == "dev" else None
        tally: Counter[str] = Counter()
        score(document, tally, wanted)
        tallies[document["split"]].update(tally)
        by_genre.setdefault((document["split"], document["genre"]), Counter()).update(tally)
    print(
        f"Citations in {len(documents)} real documents "
        f"({', '.join(f'{genre} {count}' for genre, count in sorted(genres.items()))}), "
        "blind gold of tests/fixtures/citations_real"
    )
    print(
        "| split | docs | gold markers | predicted | marker P | marker R | marker→entry "
        "| wrongly unresolved | entry recall |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    rows = list(tallies.items())
    rows += [(f"{split}, {genre}", tally) for (split, genre), tally in sorted(by_genre.items())]
    for split, tally in rows:
        precision = tally["matched"] / tally["predicted"] if tally["predicted"] else 0.0
        recall = tally["matched"] / tally["gold"] if tally["gold"] else 0.0
        accuracy = tally["entry_right"] / tally["matched"] if tally["matched"] else 0.0
        entry_recall = tally["entries_found"] / tally["entries"] if tally["entries"] else 0.0
        print(
            f"| {split} | {tally['documents']} | {tally['gold']} | {tally['predicted']} "
            f"| {precision:.3f} | {recall:.3f} | {accuracy:.3f} | {tally['wrongly_unresolved']} "
            f"| {entry_recall:.3f} |"
        )
    print(versions("spacy"))
    for line in errors:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
