"""Who said it: the speaker phrase next to a reporting cue, split into name and title, and
pronouns resolved to a named speaker.

This runs on the few words around each quotation, with word lists (data/reporting_verbs.txt,
data/speech_phrases.txt, data/speaker_titles.txt, data/group_speakers.txt) rather than a parser:
the cue is next to the quote in nearly every news quotation, and reading a handful of tokens
costs nothing next to the sentence pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from sourcelint.extract.patterns import NAME_PARTICLES, looks_like_organisation
from sourcelint.terms import load_terms

# Words, @handles and single marks. Abbreviations ("Dr.", "U.S.") and initials ("Q.") take
# their full stop in `tokenize`: one simple pattern runs several times faster than one that
# tries every abbreviation at every position.
TOKEN = re.compile(r"\w+(?:['’&-]\w+)*(?:['’]s?)?|@\w+|[^\w\s]")
_ABBREVIATIONS = frozenset(
    [
        "Dr",
        "Mr",
        "Mrs",
        "Ms",
        "Prof",
        "Sen",
        "Rep",
        "Gov",
        "Gen",
        "Col",
        "Capt",
        "Lt",
        "Sgt",
        "Rev",
        "St",
        "Jr",
        "Sr",
        "Maj",
        "Adm",
        "Cmdr",
        "Insp",
        "Supt",
        "Det",
        "Cpl",
        "Pte",
        "Hon",
        "Fr",
        "Mt",
        "No",
    ]
)


PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "p",
    "it": "n",
    "we": "p",
    "i": "",
    "you": "",
    "him": "m",
    "her": "f",
}
HONORIFIC_GENDER = {
    "mr.": "m",
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "king": "m",
    "prince": "m",
    "father": "m",
    "brother": "m",
    "mrs.": "f",
    "mrs": "f",
    "ms.": "f",
    "ms": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
    "queen": "f",
    "princess": "f",
    "sister": "f",
    "madam": "f",
}
_HONORIFICS = set(HONORIFIC_GENDER) | {"dr.", "dr"}
DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "one"}
_ADVERBS = {"also", "later", "then", "again", "once", "previously", "earlier", "simply", "only"}
# Nouns that speak for their owner: "Cornyn's statement", "the minister's spokesman".
_VOICES = {  # documents and channels, not people: "Doe's lawyer" is the lawyer
    "statement",
    "letter",
    "website",
    "account",
    "post",
    "tweet",
    "speech",
    "note",
    "remarks",
    "office",
    "press office",
}
# "In a letter, Ann Lee told …": a phrase after a preposition is no title.
_PREPOSITIONS = {"in", "on", "at", "by", "with", "from", "for", "during", "after", "before", "of"}
# Capitalised at the start of a sentence, never a name.
_NOT_NAMES = {
    "why",
    "what",
    "when",
    "how",
    "where",
    "who",
    "whom",
    "which",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "it",
    "they",
    "we",
    "i",
    "you",
    "today",
    "yesterday",
    "tomorrow",
    "now",
    "later",
    "still",
    "yet",
    "some",
    "many",
    "most",
    "all",
    "none",
    "no",
    "not",
    "one",
    "each",
    "every",
    "both",
    "such",
    "other",
    "another",
    "more",
    "less",
    "few",
    "several",
}
# Words that end a noun phrase read forwards: pronouns, auxiliaries, common verbs.
_NP_STOPS = {
    "that",
    "who",
    "which",
    "whose",
    "it",
    "he",
    "she",
    "they",
    "we",
    "was",
    "is",
    "were",
    "are",
    "has",
    "had",
    "have",
    "put",
    "will",
    "would",
    "can",
    "could",
    "seen",
    "made",
    "been",
    "be",
    "did",
    "does",
    "do",
    "says",
    "said",
}
# Capitalised only because they start a sentence: never the first word of a name.
LEADING_WORDS = {
    "for",
    "after",
    "in",
    "on",
    "at",
    "but",
    "and",
    "as",
    "when",
    "while",
    "with",
    "by",
    "from",
    "then",
    "so",
    "yet",
    "if",
    "meanwhile",
    "however",
    "also",
    "asked",
    "speaking",
    "according",
    "since",
    "once",
    "because",
    "although",
    "though",
    "unless",
    "until",
    "whether",
    "whereas",
    "before",
    "despite",
    "whenever",
    "wherever",
}
_NP_INSIDE = {"of", "for", "at", "to", "on", "in", "and", "&", "'s", "’s", "-"}


class Token:
    """A word or punctuation mark and where it is (a plain class: thousands are made per
    document, and a frozen dataclass costs several times more to build)."""

    __slots__ = ("capitalised", "end", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower()
        first = text[0]
        self.capitalised = first.isupper() or (first == "@" and len(text) > 1)

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


@dataclass(frozen=True, slots=True)
class Mention:
    """A phrase naming a speaker: a name (with any title), a pronoun, or a description.

    `kind` is "person", "org", "pronoun" or "nominal"; `gender` "m", "f", "p" (plural) or "".
    """

    name: str
    title: str | None
    start: int
    end: int
    kind: str
    gender: str = ""


_CONTRACTION = re.compile(r"([A-Za-z]+)(['’](?:d|s|ll|re|ve|m))", re.IGNORECASE)


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The words and marks of text[start:end], with their offsets."""
    tokens: list[Token] = []
    skip = -1
    for match in TOKEN.finditer(text, start, end):
        first, last = match.span()
        if first == skip:
            continue  # the full stop an abbreviation took
        word = text[first:last]
        if (
            last < end
            and text[last] == "."
            and (word in _ABBREVIATIONS or (len(word) == 1 and word.isupper()))
        ):
            last += 1  # "Dr.", "J.", and "U." "S." of "U.S."
            skip = last - 1
            word += "."
        contraction = _CONTRACTION.fullmatch(word) if ("’" in word or "'" in word) else None
        if contraction and contraction.group(1).lower() in PRONOUNS:
            # "He’d", "She's": a pronoun, never a name; the clitic (had, would, is) is left
            # out so that "He’d said" reads as "he said"
            tokens.append(Token(contraction.group(1), first, first + contraction.end(1)))
            continue
        tokens.append(Token(word, first, last))
    return tokens


@cache
def reporting_verbs() -> frozenset[str]:
    """Surface forms of reporting verbs (data/reporting_verbs.txt)."""
    return frozenset(load_terms("reporting_verbs"))


@cache
def speech_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Nominal cues as word tuples by first word, longest first (data/speech_phrases.txt)."""
    phrases = sorted(
        (tuple(phrase.lower().split()) for phrase in load_terms("speech_phrases")),
        key=len,
        reverse=True,
    )
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        by_first.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(found) for first, found in by_first.items()}


@cache
def organisation_words() -> frozenset[str]:
    """Nouns that end the name of an organisation or a document ("… Ministry", "… Union",
    "… Report"): a name ending in one is no person's, and "the union" may stand for it
    (data/organisation_words.txt)."""
    return frozenset(load_terms("organisation_words"))


@cache
def title_heads() -> frozenset[str]:
    """Words that end a title before a name (data/speaker_titles.txt), lower-cased."""
    return frozenset(word.lower() for word in load_terms("speaker_titles"))


@cache
def group_speakers() -> frozenset[str]:
    """Bare plural nouns that speak without a determiner ("police said")."""
    return frozenset(load_terms("group_speakers"))


@cache
def weak_reporting_verbs() -> frozenset[str]:
    """Reporting verbs that are also common nouns ("notes", "states", "reads"): cues only
    right next to the marks (data/reporting_verbs_weak.txt)."""
    return frozenset(load_terms("reporting_verbs_weak"))


@cache
def cue_words() -> re.Pattern[str]:
    """Any word that can start a cue, as one pattern: a window without a match needs no
    tokenizing."""
    words = reporting_verbs() | weak_reporting_verbs()
    words |= {phrase[0] for phrases in speech_phrases().values() for phrase in phrases}
    words |= {word.capitalize() for word in words if word in {"according", "in", "as", "from"}}
    alternation = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b")


@cache
def cue_openers() -> frozenset[str]:
    """Lower-cased words a cue can start with: reporting verbs, weak ones, and the first
    words of nominal cues ("according", "in", "as")."""
    words = {word.lower() for word in reporting_verbs() | weak_reporting_verbs()}
    return frozenset(words | set(speech_phrases()))


@cache
def attribution_openers() -> frozenset[str]:
    """Lower-case words an attribution after a quotation can open with: cues, pronouns,
    determiners, group nouns, titles ("," she said; ," the group stated; ," police said)."""
    words = reporting_verbs() | weak_reporting_verbs() | set(PRONOUNS) | DETERMINERS
    words |= group_speakers() | title_heads() | {"according", "in", "as"}
    return frozenset(words)


def is_cue(token: Token, *, weak: bool = False) -> bool:
    """A reporting verb (lower-case: a capitalised "Said" starts a name or a sentence);
    with `weak`, also the forms that are cues only next to the marks."""
    return token.text in reporting_verbs() or (weak and token.text in weak_reporting_verbs())


def phrase_at(tokens: list[Token], index: int) -> tuple[str, ...] | None:
    """The nominal cue starting at tokens[index], if any."""
    for phrase in speech_phrases().get(tokens[index].lower, ()):
        words = tuple(token.lower for token in tokens[index : index + len(phrase)])
        if words == phrase:
            return phrase
    return None


_PARTICLE_NAME = re.compile(r"(?:(?:al|el|bin|ibn|de|di|da|van|von|le|la|ul|abu)-|[dl]['’])[A-Z]")


def _is_name_token(token: Token) -> bool:
    """A word that can be part of a name: capitalised ("Doe", "J.", "@riverwatch"), a
    particle ("van", "de"), or a particle joined to a name ("al-Amr", "d'Arsac")."""
    text = token.text
    if token.capitalised:
        return text != "I" and (text[0].isalpha() or text[0] == "@")
    return token.lower in NAME_PARTICLES or _PARTICLE_NAME.match(text) is not None


def split_title(words: list[Token]) -> tuple[list[Token], list[Token]]:
    """ "Defense Minister Jane Doe" → ([Defense, Minister], [Jane, Doe]): the title runs to
    the last title head that still leaves a name after it."""
    heads = title_heads()
    cut = 0
    for index, word in enumerate(words[:-1]):
        if word.lower in heads or word.lower.rstrip(".") in heads:
            cut = index + 1
    return words[:cut], words[cut:]


def _title_text(title_words: list[Token]) -> str | None:
    kept = [word.text for word in title_words if word.lower not in _HONORIFICS]
    return " ".join(kept) or None


def _gender(title_words: list[Token]) -> str:
    for word in title_words:
        if word.lower in HONORIFIC_GENDER:
            return HONORIFIC_GENDER[word.lower]
    return ""


def _joined(words: list[Token]) -> str:
    """Words as printed: a space only where the text has one ("U.S.", "Jong-un")."""
    parts: list[str] = []
    for index, word in enumerate(words):
        if index and words[index - 1].end < word.start:
            parts.append(" ")
        parts.append(word.text)
    return "".join(parts)


def _name_mention(words: list[Token], aside: str | None) -> Mention | None:
    while words and words[0].lower in DETERMINERS:
        words = words[1:]
    while words and words[-1].text in {"-", "&"}:
        words = words[:-1]
    if not words:
        return None
    title_words, name_words = split_title(words)
    if not name_words:
        return None
    names = [word.text for word in name_words]
    name = _joined(name_words)
    title = _title_text(title_words) or aside
    organisation = looks_like_organisation(names) or names[-1].lower() in organisation_words()
    kind = "org" if organisation else "person"
    return Mention(name, title, name_words[0].start, name_words[-1].end, kind, _gender(title_words))


def _aside_title(tokens: list[Token]) -> str | None:
    """A short description in commas after a name ("a doctor at the clinic") as its title."""
    words = [token.text for token in tokens if token.text != ","]
    if not words or len(words) > 8 or not any(word[:1].isalpha() for word in words):
        return None
    if words[0].lower() in {"who", "which", "whose", "where", "when"}:
        return None
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words).replace(" 's", "'s").replace(" ’s", "’s") or None


def mention_before(tokens: list[Token], end: int, floor: int = 0) -> Mention | None:
    """The speaker phrase ending just before tokens[end] (the cue), reading backwards over an
    adverb and an aside in commas. An aside may hold commas of its own ("Cynthia Thompson,
    director at the University of Arkansas, Fayetteville, said"): the nearest comma that
    follows a full name wins, else the nearest comma."""
    index = end - 1
    while index >= floor and tokens[index].lower in _ADVERBS | {"had", "has", "have", "was"}:
        index -= 1
    if index < floor:
        return None
    if tokens[index].text != ",":
        return _phrase_ending_at(tokens, index, floor, None)
    fallback: Mention | None = None
    comma = index - 1
    while comma >= floor and index - comma <= 26:
        between = [token.text for token in tokens[comma + 1 : index]]
        if between.count(")") > between.count("("):
            comma -= 1  # "(National Union of Rail, Maritime …), Mick Cash, said": inside
            continue
        if tokens[comma].text == ",":
            aside = _aside_title(tokens[comma + 1 : index])
            found = _phrase_ending_at(tokens, comma - 1, floor, aside)
            inside = tokens[comma + 1 : index]
            if found is None and comma > floor and tokens[comma - 1].text == ")" and inside:
                # "The general secretary of the union (…), Mick Cash, said"
                named = mention_after(inside, 0, len(inside))
                if named and named.kind == "person" and len(named.name.split()) > 1:
                    return named
            described = found is not None and (
                found.kind == "nominal" or len(found.name.split()) == 1
            )
            if found is not None and described and inside:
                # "Its chair, Dev Amberley, wrote": the name in commas is the speaker and
                # the description its title.
                named = mention_after(inside, 0, len(inside))
                role = ""
                if named is None or named.kind != "person":
                    # "One of the study's authors, herpetologist David Blackburn, told": a
                    # lower-case occupation before the name
                    first = next((i for i, t in enumerate(inside) if t.capitalised), 0)
                    if 0 < first <= 3 and all(t.text.isalpha() for t in inside[:first]):
                        named = mention_after(inside, first, len(inside))
                        role = " ".join(t.text for t in inside[:first])
                full = named is not None and len(named.name.split()) > 1
                if named and full and named.kind == "person" and named.end == inside[-1].end:
                    title = found.name.split(" ", 1)[-1] if " " in found.name else found.name
                    title = role or title
                    return Mention(
                        named.name, named.title or title, named.start, named.end, "person"
                    )
            if found is not None and found.kind in {"person", "org", "pronoun"}:
                if len(found.name.split()) > 1 or found.title != aside or comma < index - 14:
                    return found
                fallback = fallback or found
            elif found is not None:
                fallback = fallback or found
        comma -= 1
    return fallback


def _affiliation(
    tokens: list[Token], first: int, last: int, floor: int, aside: str | None
) -> Mention | None:
    """ "Matthew Ingram of The Globe and Mail": a person named before "of" and the name of
    an organisation, read backwards from the organisation's last word."""
    position = first
    while position - 2 >= floor and tokens[position - 1].lower in {"and", "&", "the", "of"}:
        if not _is_name_token(tokens[position - 2]):
            break
        position -= 2
        while position - 1 >= floor and _is_name_token(tokens[position - 1]):
            position -= 1
    run = tokens[position : last + 1]
    cut = next((i for i, token in enumerate(run) if token.lower == "of"), None)
    if cut is None or cut < 2 or cut > 3:
        return None
    if run[cut - 1].lower in title_heads():
        return None  # "Montana Secretary of State Corey Stapleton": a title, not a name
    person = _name_mention(run[:cut], None)
    if person is None or person.kind != "person" or len(person.name.split()) < 2:
        return None
    affiliation = " ".join(token.text for token in run[cut:])
    return Mention(
        person.name, person.title or aside or affiliation, person.start, person.end, "person"
    )


def _phrase_ending_at(
    tokens: list[Token], index: int, floor: int, aside: str | None
) -> Mention | None:
    if index < floor:
        return None
    last = tokens[index]
    if last.lower in {"who", "which"} and index - 1 > floor and tokens[index - 1].text == ",":
        return mention_before(tokens, index - 1, floor)  # "Doe, who called it …"
    if last.lower in PRONOUNS and aside is None:
        gender = PRONOUNS[last.lower]
        return Mention(last.text, None, last.start, last.end, "pronoun", gender)
    if _is_name_token(last) and last.lower not in DETERMINERS:
        first = index
        while first - 1 >= floor and _is_name_token(tokens[first - 1]):
            first -= 1
        affiliated = _affiliation(tokens, first, index, floor, aside)
        if affiliated is not None:
            return affiliated
        if first - 2 >= floor and tokens[first - 1].lower in {"for", "of", "at"}:
            # "a spokesperson for Acme", "the Ministry of Defence": the phrase before the
            # preposition names the speaker, the name after it completes the phrase.
            head = _phrase_ending_at(tokens, first - 2, floor, None)
            if head is not None and head.kind in {"nominal", "org"} and head.name[:1].islower():
                text = f"{head.name} {tokens[first - 1].text} {_joined(tokens[first : index + 1])}"
                return Mention(text, aside, head.start, last.end, "nominal")
        words = tokens[first : index + 1]
        while len(words) > 1 and words[0].lower in LEADING_WORDS:
            words = words[1:]  # particles stay: "de Gaulle", "Al Gore", "Van Morrison"
        # A lower-case title printed before the name: "defense minister Jane Doe".
        before = first - 1
        while (
            before >= floor
            and tokens[before].text.islower()
            and tokens[before].lower in title_heads()
        ):
            words = [tokens[before], *words]
            before -= 1
            # "Council leader Harriet Mbeki": a capitalised modifier of the title.
            modifier = (
                before >= floor and tokens[before].capitalised and tokens[before].text.isalpha()
            )
            if modifier and (before == floor or not _is_name_token(tokens[before - 1])):
                words = [tokens[before], *words]
                before -= 1
        mention = _name_mention(list(words), aside)
        if mention and first > floor and tokens[first - 1].lower in DETERMINERS:
            # "the Ministry", "the President": a description with a capital, not a name.
            return Mention(
                f"{tokens[first - 1].text.lower()} {mention.name}",
                mention.title,
                tokens[first - 1].start,
                mention.end,
                "org" if mention.kind == "org" else "nominal",
            )
        return mention
    if last.text.islower() and last.text.isalpha():
        first = index
        while first >= floor and index - first < 7:
            word = tokens[first]
            if word.lower in DETERMINERS:
                if first == index:
                    return None  # a determiner alone names no one
                phrase = tokens[first : index + 1]
                text = " ".join([word.lower, *(token.text for token in phrase[1:])])
                text = text.replace(" 's", "'s")
                return Mention(text, aside, word.start, last.end, "nominal")
            possessive = word.capitalised and word.lower.endswith(("'s", "’s"))
            if possessive and last.lower not in _VOICES and first < index:
                # "Norrvik’s chief executive": the owner's name stands for a determiner.
                owner = first
                while owner - 1 >= floor and _is_name_token(tokens[owner - 1]):
                    owner -= 1
                phrase = tokens[owner : index + 1]
                text = " ".join(token.text for token in phrase)
                return Mention(text, aside, phrase[0].start, last.end, "nominal")
            if possessive and last.lower in _VOICES:
                # "Cornyn's statement added": the statement speaks for its owner.
                owner = first
                while owner - 1 >= floor and _is_name_token(tokens[owner - 1]):
                    owner -= 1
                names = [*tokens[owner:first], Token(word.text[:-2], word.start, word.end - 2)]
                return _name_mention(names, aside)
            owned = (word.lower.endswith(("'s", "’s")) and word.text[:-2].isalpha()) or (
                word.lower.endswith(("'", "’")) and word.text[:-1].isalpha()  # "workers’"
            )
            if not (word.text.isalpha() or owned or word.lower in _NP_INSIDE):
                break  # "the port authority's operations director" reads through "authority's"
            first -= 1
        if last.lower in group_speakers():
            return Mention(last.text, aside, last.start, last.end, "nominal", "p")
    return None


def _described(
    tokens: list[Token], start: int, index: int, ceiling: int, lead: str
) -> Mention | None:
    """A description read forwards from its determiner or owner (`lead`, ending at
    tokens[index]): "the group", "a spokesperson for the ministry", "Doe's lawyer"; with a
    name in commas after it ("the Crown prosecutor, Mark Tedeschi"), the named person."""
    begin = index
    while index < ceiling and index - start < 8:
        word = tokens[index]
        if not (word.text[:1].isalpha() or word.lower in _NP_INSIDE):
            break
        if word.text in reporting_verbs() or word.lower in _NP_STOPS:
            break
        if word.text.islower() and word.lower.endswith("ed") and index > begin:
            break  # "a copy seen", "the ordinance it published": a verb ends the phrase
        index += 1
    if index == begin:
        return None
    phrase = tokens[begin:index]
    while phrase and phrase[-1].lower in _NP_INSIDE:
        phrase = phrase[:-1]
    if not phrase:
        return None
    text = " ".join([lead, *(token.text for token in phrase)]).replace(" 's", "'s")
    if index + 1 < ceiling and tokens[index].text == "," and _is_name_token(tokens[index + 1]):
        # "the Crown prosecutor, Mark Tedeschi": the description is the name's title.
        named = mention_after(tokens, index + 1, ceiling)
        if named is not None and named.kind == "person" and len(named.name.split()) > 1:
            title = text.split(" ", 1)[1] if lead in DETERMINERS else text
            return Mention(named.name, title, named.start, named.end, "person", named.gender)
    capitals = [token for token in phrase if token.capitalised]
    kind = "org" if capitals and capitals[-1] is phrase[-1] else "nominal"
    return Mention(text, None, tokens[start].start, phrase[-1].end, kind)


def mention_after(tokens: list[Token], start: int, ceiling: int) -> Mention | None:
    """The speaker phrase starting at tokens[start] ("said Jane Doe, the minister"; "according
    to the ministry"), with a short aside in commas after a name taken as its title."""
    if start >= ceiling:
        return None
    first = tokens[start]
    if first.lower in {"he", "she", "they", "it", "we"}:
        return Mention(first.text, None, first.start, first.end, "pronoun", PRONOUNS[first.lower])
    if first.lower in DETERMINERS:
        return _described(tokens, start, start + 1, ceiling, first.lower)
    if _is_name_token(first):
        owner = start
        while owner < ceiling and _is_name_token(tokens[owner]):
            owner += 1
        last = tokens[owner - 1]
        if last.lower.endswith(("'s", "’s")) and owner < ceiling and tokens[owner].text.islower():
            # "Doe's spokesman, Tim Ray": the owner's name works as a determiner.
            lead = _joined(tokens[start:owner])
            return _described(tokens, start, owner, ceiling, lead)
    if _is_name_token(first):
        index = start
        while index < ceiling and _is_name_token(tokens[index]):
            index += 1
        words = tokens[start:index]
        aside: str | None = None
        if index < ceiling and tokens[index].text == ",":
            stop = index + 1
            while stop < ceiling and tokens[stop].text not in {",", ".", ";", "“", '"', ":"}:
                stop += 1
            if stop - index <= 9:
                aside = _aside_title(tokens[index + 1 : stop])
        return _name_mention(list(words), aside)
    if first.text.islower():
        # "said board chair Delphine Okafor": a lower-case title, then the name.
        index = start
        while index < min(ceiling, start + 3) and tokens[index].text.islower():
            index += 1
        if (
            index < ceiling
            and index > start
            and tokens[index - 1].lower in title_heads()
            and _is_name_token(tokens[index])
        ):
            named = mention_after(tokens, index, ceiling)
            if named is not None and named.kind == "person":
                title = " ".join(token.text for token in tokens[start:index])
                return Mention(named.name, named.title or title, named.start, named.end, "person")
    if first.lower in group_speakers():
        return Mention(first.text, None, first.start, first.end, "nominal", "p")
    return None


def surname(name: str) -> str:
    """The word a person is referred to by on second mention ("Doe" for "Jane Q. Doe Jr.")."""
    words = [word for word in name.split() if word.lower().rstrip(".") not in {"jr", "sr"}]
    words = [word for word in words if word.strip("IVX")] or words  # "III"
    return words[-1].lower() if words else name.lower()


def _with_appositive_title(text: str, tokens: list[Token], found: Mention, end: int) -> Mention:
    """A title printed in commas around a name: "The council's chief executive, Miriam
    Solberg," or "Ewan Pryce, a retired welder who lives on Mill Lane,"."""
    start = next((i for i, token in enumerate(tokens) if token.start == found.start), None)
    title: str | None = None
    if start is not None and start > 1 and tokens[start - 1].text == ",":
        before = _phrase_ending_at(tokens, start - 2, 0, None)
        opening = next(
            (i for i, token in enumerate(tokens) if before and token.start == before.start), 0
        )
        after_preposition = opening > 0 and tokens[opening - 1].lower in _PREPOSITIONS
        if (
            before is not None
            and before.kind == "nominal"
            and " " in before.name
            and not after_preposition
        ):
            title = (
                before.name.split(" ", 1)[1]
                if before.name.split()[0] in DETERMINERS
                else before.name
            )
    if title is None:
        after = tokenize(text, end, min(len(text), end + 100)) if text[end : end + 1] == "," else []
        if after and after[0].text == ",":
            stop = next((i for i, t in enumerate(after[1:], 1) if t.text in {",", ".", ";"}), None)
            if stop is not None and after[1].lower in {"a", "an", "the"}:
                title = _aside_title(after[1:stop])
    if title is None:
        return found
    return Mention(found.name, title, found.start, found.end, found.kind, found.gender)


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where `word` stands as a whole word in the text (substring search: no regex to
    compile per name)."""
    position = text.find(word)
    while position >= 0:
        before = text[position - 1] if position else " "
        after = text[position + len(word) : position + len(word) + 1]
        if not (before.isalnum() or before in "'’-") and not (after.isalnum() or after in "-"):
            yield position
        position = text.find(word, position + 1)


class NameIndex:
    """Completes a speaker's name from the places where the text introduces them."""

    def __init__(self, text: str) -> None:
        self.text = text

    def introduction(self, name: str) -> Mention | None:
        """Where the text first gives a person's full name and title ("Labour Minister
        Daniel Feyer") for a name it also uses alone ("Feyer"), read at the name's first few
        occurrences; also a surname printed once with a typo ("Water" for "Waters") and a
        first name used alone ("Rosa" for "Rosa Vimeiro")."""
        text = self.text
        words = name.split()
        last = words[-1]
        titled: Mention | None = None
        looked = 0
        # A full name lacks only its title, printed where it first appears: look twice.
        limit = 2 if len(words) > 1 else 4
        for position in _occurrences(text, last):
            end = position + len(last)
            previous = text[max(0, position - 40) : position].rstrip().rsplit(None, 1)[-1:]
            word = previous[0] if previous else ""
            beside = word[:1].isupper() or word.rstrip(",").lower() in title_heads()
            if not (beside or word.endswith(",") or text[end : end + 1] == ","):
                continue  # nothing printed next to the name: no title, no first name
            looked += 1
            if looked > limit:
                break
            tokens = tokenize(text, max(0, position - 60), end)
            found = _phrase_ending_at(tokens, len(tokens) - 1, 0, None) if tokens else None
            if found is None or found.kind != "person" or found.name.split()[-1] != last:
                continue  # "Elizabeth Warren of Massachusetts and Michael Bloomberg"
            if found.title is None:
                found = _with_appositive_title(text, tokens, found, end)
            if len(found.name.split()) > len(words):
                return found
            if found.title and titled is None:
                titled = found  # the same name with a title; a fuller name may still come
        if len(words) > 1:
            return titled
        if titled is None and len(name) >= 5:
            for typo in (name + letter for letter in "sne"):
                for position in _occurrences(text, typo):
                    tokens = tokenize(text, max(0, position - 40), position + len(typo))
                    found = _phrase_ending_at(tokens, len(tokens) - 1, 0, None)
                    if found and found.kind == "person" and len(found.name.split()) == 2:
                        return found
                    break
        for position in _occurrences(text, name):
            tokens = tokenize(text, position, min(len(text), position + 60))
            found = mention_after(tokens, 0, len(tokens))
            if found is not None and found.kind == "person" and len(found.name.split()) > 1:
                if titled is not None and found.title is None:
                    return Mention(found.name, titled.title, found.start, found.end, "person")
                return found
            if looked > limit:
                break
            looked += 1
        return titled


def organisation_named(text: str, head: str, before: int) -> str | None:
    """The organisation a description stands for ("the union" → "Calder Bay Dockers'
    Union"): the last name before `before` that ends with (or opens with) the head noun."""
    if head.lower() not in organisation_words():
        return None
    capital = head[:1].upper() + head[1:]
    if capital not in text:
        return None
    pattern = re.compile(
        rf"(?:[A-Z][\w'’.&-]*[ \t]+){{1,5}}{re.escape(capital)}\b"
        rf"|\b{re.escape(capital)}[ \t]+of[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’-]*[ \t]*){{1,4}}"
    )
    found: str | None = None
    for match in pattern.finditer(text, 0, before):
        words = match.group(0).split()
        while words and words[0].lower() in DETERMINERS | LEADING_WORDS:
            words = words[1:]
        if len(words) > 1:
            found = " ".join(words)
    return found


def _title_in_lower_case(tokens: list[Token], first: int, end: int) -> Mention | None:
    """ "Greek prime minister Kyriakos Mitsotakis said": a word in capitals, a title in lower
    case ending in a title head (data/speaker_titles.txt), then a full name, which is the
    person; the words before it are the title."""
    last = end
    while last < len(tokens) and last - end < 3 and tokens[last].text.isalpha():
        if not tokens[last].text.islower():
            break
        last += 1
    if last == end or tokens[last - 1].lower not in title_heads():
        return None
    found = mention_after(tokens, last, len(tokens))
    if found is None or found.kind != "person" or len(found.name.split()) < 2:
        return None
    if found.start != tokens[last].start:
        return None
    title = " ".join(token.text for token in tokens[first:last])
    return Mention(found.name, found.title or title, found.start, found.end, "person")


def sentence_subject(tokens: list[Token]) -> Mention | None:
    """The person a sentence opens with ("O’Neill was unimpressed.", "She paused.", "O’Neill’s
    speech ended with a warning"), or None when it opens with anything else."""
    index = 0
    while index < len(tokens) and tokens[index].lower in LEADING_WORDS:
        index += 1
    if index >= len(tokens):
        return None
    first = tokens[index]
    if first.lower in {"he", "she"}:
        return Mention(first.text, None, first.start, first.end, "pronoun", PRONOUNS[first.lower])
    if first.lower in DETERMINERS:
        found = mention_after(tokens, index, len(tokens))
        return found if found is not None and found.kind in {"nominal", "org"} else None
    if not _is_name_token(first) or first.lower in _NOT_NAMES:
        return None
    end = index
    while end < len(tokens) and _is_name_token(tokens[end]):
        end += 1
    last = tokens[end - 1]
    if last.lower.endswith(("'s", "’s")):
        if end < len(tokens) and tokens[end].lower in _VOICES:
            owner = Token(last.text[:-2], last.start, last.end - 2)
            return _name_mention([*tokens[index : end - 1], owner], None)
        return None
    if end < len(tokens) and not (tokens[end].text.islower() or tokens[end].text == ","):
        return None  # not followed by a verb: a list, a heading, a place
    if end - index == 1 and (titled := _title_in_lower_case(tokens, index, end)) is not None:
        return titled
    found = _name_mention(list(tokens[index:end]), None)
    return found if found is not None and found.kind == "person" else None
