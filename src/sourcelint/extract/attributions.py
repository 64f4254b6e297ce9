"""Attributions without quotation marks: the words that say where a statement comes from
("according to the UN", "the ministry said", "data from the census show", "a 2021 study in
Nature found").

Read with word lists (data/reporting_verbs.txt, attribution_phrases.txt, source_nouns.txt):
a reporting verb or "according to" anywhere, or a source noun with a verb of finding or
a "from/by/in" name after it. Vague attributions ("experts say", "studies show") are
attributions too: telling them apart is the claims stage's job.
"""

from __future__ import annotations

import re
from functools import cache

from sourcelint.extract.numbers import trie_pattern
from sourcelint.extract.speakers import organisation_words
from sourcelint.model import SourceRef
from sourcelint.terms import load_terms


def _alternation(words: tuple[str, ...]) -> str:
    """Words as one alternation factored by prefixes (fast to try at every position)."""
    return trie_pattern(sorted({word.lower() for word in words}))


@cache
def _pattern() -> re.Pattern[str]:
    verbs = _alternation((*load_terms("reporting_verbs"), "estimated", "estimates", "reported"))
    phrases = _alternation(tuple(p for p in load_terms("attribution_phrases") if " " in p))
    finding = _alternation(tuple(p for p in load_terms("attribution_phrases") if " " not in p))
    nouns = _alternation(load_terms("source_nouns"))
    return re.compile(
        rf"\b(?:{phrases})\b[^.;,]{{0,60}}"
        rf"|\b(?:{nouns})\b(?:\s+(?:\w+\s+){{0,3}}?(?:{finding})\b|\s+(?:from|by|of|in|published\s+by)"
        rf"\s+(?:the\s+)?(?:[a-z]+\s+){{0,2}}(?-i:[A-Z])[\w&'’-]*)"
        rf"|(?<!\bI )(?<!\b[Ww]e )\b(?:{verbs})\b",
        re.IGNORECASE,
    )


def find_attributions(text: str, start: int, end: int) -> list[SourceRef]:
    """The attributions in text[start:end], in order."""
    return [
        SourceRef("attribution", match.group(0).strip(), match.start(), match.end())
        for match in _pattern().finditer(text, start, end)
    ]


def attributed(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] attributes what it says to a source."""
    return _pattern().search(text, start, end) is not None


@cache
def _vague() -> re.Pattern[str]:
    patterns = "|".join(f"(?:{pattern})" for pattern in load_terms("vague_attributions"))
    return re.compile(rf"\b(?:{patterns})\b", re.IGNORECASE)


# Every vague attribution holds one of these words; a sentence without any is not searched.
_VAGUE_CUES = re.compile(
    r"\b(?:said|say|says|saying|reported|reports?|argued?|warned?|expects?|believes?|fear|agree|"
    r"described|told|claim(?:ed)?|show(?:s|ed)?|suggest(?:s|ed)?|found|indicate|media|"
    r"understood|thought|considered|regarded|believed|seen|known|accepted|alleged|anonymity|"
    r"familiar|reportedly|allegedly|purportedly|rumou?rs?|word|according|citing|think|"
    r"contend|close)\b",
    re.IGNORECASE,
)


def find_vague_attributions(text: str, start: int, end: int) -> list[SourceRef]:
    """Attributions in text[start:end] that name no one a reader could check ("experts say",
    "studies show", "sources said", "it is widely reported"; data/vague_attributions.txt)."""
    if _VAGUE_CUES.search(text, start, end) is None:
        return []
    return [
        SourceRef("vague", match.group(0), match.start(), match.end())
        for match in _vague().finditer(text, start, end)
        if not _owned_by_a_name(text, start, _group_start(match))
    ]


def _group_start(match: re.Match[str]) -> int:
    """Where the group noun of a vague match begins: its first word printed in lower case
    ("Edison officials said" → "officials")."""
    for word in re.finditer(r"[\w’'-]+", match.group(0)):
        if word.group(0)[:1].islower():
            return match.start() + word.start()
    return match.start()


# "Con Edison officials said", "Pentagon officials said": an organisation named before the
# group names the source; "US officials", "Israeli officials" stay vague (a country's people)
_NAME_BEFORE = re.compile(r"(?:^|[^\w’'])((?:[A-Z][\w’'.&-]*\s+){1,3})$")
_DEMONYM = re.compile(r"(?:an|ese|ish|i|ch|ic)$|^[A-Z.]{1,4}$")


def _owned_by_a_name(text: str, start: int, position: int) -> bool:
    name = _NAME_BEFORE.search(text, max(start, position - 60), position)
    if name is None:
        return False
    words = name.group(1).split()
    if text[start : name.start(1)].strip() == "":
        words = words[1:]  # the sentence's first word is capitalised whatever it is
    return bool(words) and _DEMONYM.search(words[-1].rstrip("’'s")) is None


_SUBJECT_STOP = frozenset(
    {"the", "a", "an", "it", "they", "we", "i", "you", "this", "that", "these", "those"}
    | {"some", "many", "several", "most", "few", "anyone", "everyone", "who", "which", "one"}
)
_PERSONS = frozenset({"he", "she"})


@cache
def _named_verbs() -> re.Pattern[str]:
    verbs = _alternation(load_terms("attribution_verbs"))
    return re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE)


def _names_a_source(phrase: str, *, opens_sentence: bool = True) -> bool:
    """Whether a subject or object phrase names someone: a capitalised name, an organisation
    word ("the ministry", "the agency"), or he/she (a person named before). A single
    capitalised word counts only when it does not open the sentence ("…, Roscosmos said")."""
    words = re.findall(r"[A-Za-z][\w'’.-]*", phrase)
    if not words:
        return False
    if words[-1].lower() in _PERSONS:
        return True
    organisations = organisation_words()
    for position, word in enumerate(words):
        lowered = word.lower().rstrip("'’s")
        if lowered in organisations:
            return True
        if (
            word[0].isupper()
            and lowered not in _SUBJECT_STOP
            and (position or len(words) > 1 or not opens_sentence)
        ):
            return True
    return False


_NEGATED = re.compile(
    r"\b(?:not|never|n[’']t|declined\s+to|refused\s+to|would\s+not|wouldn[’']t)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_BY_NAME = re.compile(r"\s+by\s+(?:the\s+)?[A-Z]")
# Words before a form in -s that make it a plural noun ("member states", "the reports").
_NOUN_BEFORE = frozenset(
    {"the", "these", "those", "all", "some", "many", "several", "other", "both", "member", "of"}
    | {"two", "three", "four", "five", "few", "most", "such", "their", "its", "his", "her", "our"}
    | {"news", "media", "police", "press", "earlier", "recent", "annual", "official", "united"}
)


def _used_as_a_verb(verb: str, before: str) -> bool:
    """Whether a reporting verb found by its spelling is a verb that can name a source: not
    part of a name ("the United States"), not a plural noun ("NATO member states", "the
    reports"), not negated ("did not say", "declined to comment")."""
    stripped = before.rstrip()
    if verb[0].isupper() and stripped and not stripped.endswith((".", "!", "?")):
        return False
    previous = stripped.rsplit(None, 1)[-1].lower() if stripped else ""
    if verb.lower().endswith("s") and previous in _NOUN_BEFORE:
        return False
    return _NEGATED.search(before) is None


@cache
def _cue_words() -> frozenset[str]:
    """Every word that can start an attribution: a sentence holding none has none."""
    words = {*load_terms("reporting_verbs"), *load_terms("attribution_verbs")}
    words |= {*load_terms("source_nouns"), "estimated", "estimates", "reported"}
    words |= {phrase.split()[0] for phrase in load_terms("attribution_phrases")}
    return frozenset(word.lower() for word in words)


def claim_attributions(
    text: str,
    start: int,
    end: int,
    words: list[str] | None = None,
    *,
    after_quotation: bool = False,
) -> list[SourceRef]:
    """The attributions of a sentence that name a source: "according to the UN", "the
    ministry said", "said Jane Doe", "a 2021 study in Nature found", "figures from Eurostat".
    Vague ones ("experts say", "residents said", "studies show") and verbs whose subject
    names no one ("anyone who tells you") are left out. `words`, the sentence's lower-cased
    words when the caller has them, lets a sentence without any cue word skip the search.
    `after_quotation`: the sentence goes on from a quotation the splitter cut off ("“…?” |
    Forte said."), so a capitalised word opening it is a name."""
    if words is not None and _cue_words().isdisjoint(words):
        return []
    vague = find_vague_attributions(text, start, end)
    found: list[SourceRef] = []
    for candidate in find_attributions(text, start, end):
        if any(v.start < candidate.end and candidate.start < v.end for v in vague):
            continue
        lowered = candidate.text.lower()
        if lowered.startswith(("according to", "citing", "cited", "quoting", "in the words of")):
            found.append(candidate)
            continue
        if " " in candidate.text and _names_a_source(candidate.text):  # "figures from Eurostat"
            found.append(candidate)
    for verb in _named_verbs().finditer(text, start, end):
        if any(v.start < verb.end() and verb.start() < v.end for v in vague):
            continue
        window_start = max(start, verb.start() - 60)
        before = re.split(r"[,;:“”\"()]", text[window_start : verb.start()])[-1]
        opens_sentence = (
            not after_quotation and not text[start : verb.start() - len(before)].strip()
        )
        after = text[verb.end() : min(end, verb.end() + 40)]
        if not _used_as_a_verb(verb.group(0), before):
            continue
        if _PASSIVE.search(before):
            # An agentless passive ("was found to have", "it was reported") names no one;
            # one with "by" and a name ("were reported by the Environment Agency") does.
            if _BY_NAME.match(after):
                found.append(SourceRef("attribution", verb.group(0), verb.start(), verb.end()))
            continue
        subject = re.sub(
            r"\b(?:has|have|had|also|later|earlier|previously|on\s+\w+|last\s+\w+)\s*$",
            "",
            before.strip(),
        )
        object_name = re.match(r"\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)", after)
        if _names_a_source(subject, opens_sentence=opens_sentence) or object_name is not None:
            found.append(SourceRef("attribution", verb.group(0), verb.start(), verb.end()))
    unique = {(source.start, source.end): source for source in found}
    return sorted(unique.values(), key=lambda source: source.start)
