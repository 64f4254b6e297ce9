"""Direct quotations: found by their marks (or as block quotes and dash-credited pull quotes),
told apart from scare quotes and titles, attributed to a speaker with one id per person in a
document, and dated when the text says when the words were said.

A quotation needs a speech cue next to it (a reporting verb, "according to", a colon after a
name, a dash credit) or must read as speech on its own (a full sentence of four words or more,
printed as such). Short phrases in marks with no cue ("axis of evil"), and title-case phrases
(book and film titles), are not quotations: precision first. A quotation whose speaker cannot
be found gets `speaker=None`, never a guess.
"""

from __future__ import annotations

import itertools
import re
from array import array
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from sourcelint.claim_table import ClaimTable, sentence_spans
from sourcelint.document import BlockKind, Document
from sourcelint.extract.claims import prose_spans
from sourcelint.extract.dates import find_dates, parse_iso
from sourcelint.extract.quote_marks import MarkedSpan, StrayMark, pair_marks
from sourcelint.extract.speakers import (
    DETERMINERS,
    LEADING_WORDS,
    PRONOUNS,
    Mention,
    NameIndex,
    Token,
    attribution_openers,
    cue_openers,
    cue_words,
    is_cue,
    mention_after,
    mention_before,
    organisation_named,
    phrase_at,
    reporting_verbs,
    sentence_subject,
    surname,
    title_heads,
    tokenize,
)
from sourcelint.guard import at
from sourcelint.model import Claim, Quote, Reference, SourceRef, Speaker
from sourcelint.record_table import Spans
from sourcelint.terms import load_terms

_TITLE_REACH = 6  # sentences back in which a description's title holder may be named
_REPEAT_WORDS = 5  # a pull quote shorter than this may repeat a common phrase by chance
_CREDIT_WORD = r"(?:[A-Z][\w.'’-]*|de|van|von|da|di|del|bin|al|el|la|le)"
_DASH_CREDIT = re.compile(
    r"(?:—|–|―|-{1,2})[ \t]*"
    rf"(?P<who>@\w+|{_CREDIT_WORD}(?:[ \t]+(?:(?:of|the|for|and|&)[ \t]+)?{_CREDIT_WORD}){{0,5}})"
    # an embedded post's credit: "— Port of Kessel (@kesselport) May 1, 2024"
    r"(?:[ \t]*\((?P<handle>@\w+)\))?"
    r"(?:[ \t]+(?P<posted>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4}))?"
    r"(?:[ \t]*,[ \t]*(?P<title>[^\n]{1,160}?))?[ \t]*$",
    re.MULTILINE,
)
# A line that opens with a dash before a name: where a credit line can be. The pattern
# opens with the line break so the scan skips ahead fast (the text's first line is checked
# on its own).
_DASH_LINE = re.compile(r"\n[ \t]*[—–―-]{1,2}[ \t]*[A-Z@]")
_FIRST_DASH_LINE = re.compile(r"[ \t]*[—–―-]{1,2}[ \t]*[A-Z@]")
_TRAILING_YEAR = re.compile(r"(?:^|,\s*)(?:c\.\s*|circa\s+)?((?:1[0-9]|20)\d\d)s?$")
_WORK = re.compile(r"\*[^*]+\*|_[^_]+_|“[^”]+”|\"[^\"]+\"")
_CALLOUT = re.compile(r"^\s*(?:\[!\w+\]|\**(?:Note|Tip|Warning|Important|Caution|Update)\b)", re.I)
_EDITED = re.compile(r"…|\.\s?\.\s?\.|\[[^\]\n]*[^\W\d_][^\]\n]*\]")
_TERMINAL = re.compile(r"[.!?…][)\]’'\"]*$")
_SKIP_LEFT = {":", ",", "that", "—", "–", "-", "as"}
_LEAD = {"the", "a", "an", "u.", "s.", "former", "then", "deputy", "acting", "vice"}
# Two or more capitalised words in a row (with particles and initials): where people are named.
_NAME_RUN = re.compile(
    r"\b(?:[A-Z][\w'’.-]*[ \t]+(?:(?:de|van|von|da|di|del|bin|al|el|la|le)[ \t]+)?)+"
    r"(?:[dl]['’])?[A-Z][\w'’-]*"
)
_RELATIVE = re.compile(r",\s*(?:\d+\s*,\s*)?(?:who|whose|which|whom)\b")
_DATE_HINT = re.compile(r"\d|day\b|tonight|morning|afternoon|evening", re.IGNORECASE)
_NON_SPACE = re.compile(r"\S")
_ATTRIBUTION_PUNCTUATION = frozenset(",.!?…—–-:;")
_OPENERS = frozenset('“„«"')
_SENTENCE_STOPS = frozenset({".", "!", "?", ";", "“", '"', "”"})
_FIRST_WORD = re.compile(r"[\s,;:—–-]*([\w@][\w'’-]*)")
# A single capitalised name right before a reporting verb: "Rees said", "Ode added".
_SURNAME_CUE = re.compile(r"\b(?P<name>[A-Z][\w'’-]+)\s+(?P<cue>[a-z]+)\b")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SUBJECT_VERB = re.compile(r"\b[A-Z][a-z][\w'’-]*[ \t]+[a-z]+(?:ed|s)\b")
# A speaker's label opening a paragraph: "((Dorsa Derakhshani))", "Jane Doe:", "JUNIOR:", "Q:".
_TURN_LABEL = re.compile(
    r"[ \t]*(?:\(\((?P<wiki>[^()\n]{1,40})\)\)"
    r"|(?P<name>(?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*)[ \t]*:)[ \t]+(?=\S)"
)
_PERSONAL = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|we|We|our|Our|us|you|You|your|Your)\b")
# Two capitalised words in a row; the second is captured (overlapping: "Prime Minister Oleksiy").
_NAME_PAIR = re.compile(r"\b[A-Z][\w'’-]*[ \t]+(?=([A-Z][\w'’-]+)\b)")
# A sentence opening with one capitalised word and a lower-case one ("Honcharuk filed").
_OPENING_SURNAME = re.compile(r"(?P<name>\b[A-Z][a-z][\w'’-]*)[ \t]+[a-z]")
_OPENING_MARK = re.compile(r"[“„«\"‘]")
_RECENT = 40  # speakers a pronoun is compared with: the ones quoted or named last
_NAMESAKES = 50  # people sharing a surname compared with a new mention (the latest ones)
_INTRODUCED = 60  # speakers whose introduction is looked up (each reads the text once)
# Words that make the words before a name something other than its occupation ("a friend of").
_NOT_OCCUPATION = frozenset(
    {"of", "for", "to", "with", "and", "or", "by", "from", "a", "an", "the", "his", "her", "their"}
)
# Written things whose words a weak cue ("read", "reads") introduces.
_DOCUMENT_NOUNS = frozenset(
    {"statement", "letter", "post", "message", "note", "tweet", "sign", "report", "notice"}
)
# After the closing mark: a full name and a comma, a description following.
_NAMED_ASIDE = re.compile(r"[”\"’»]?[ \t]*[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3},[ \t]")
# Words that open a sentence before its subject ("But Vaughan cautioned …").
_CONNECTIVES = frozenset(
    {"but", "and", "so", "yet", "still", "then", "now", "also", "meanwhile", "however", "or"}
)
# Words after which a name is an object, never the subject a pronoun can stand for.
_OBJECT_WORDS = {"with", "against", "than", "about", "toward", "towards", "like", "between"}
_PLACE_PREPOSITIONS = {"on", "in", "at", "to", "from", "near", "into", "across", "of", "for", "by"}
# Prepositions whose noun is never the subject of the cue after it ("In the recording,
# someone says …", "speaking to the Atlantic Council called it …"); "of" and "by" are left
# out ("the head of the union said", "was told by …" are read elsewhere)
_BEFORE_AN_OBJECT = _PLACE_PREPOSITIONS - {"of", "by"}
# "Cornyn released a statement …" introduces the quotation that follows.
_ISSUING = {"released", "issued", "published", "sent", "gave"}
_ISSUED = {"statement", "letter", "speech", "interview", "memo", "message", "post", "tweet"}
_ISSUING_WORDS = re.compile(rf"\b(?:{'|'.join(sorted(_ISSUING))})\b")
# Cues followed by the speaker: "according to the ministry", "in the words of Jane Doe".
_NAMING_PHRASES = {("according", "to"), ("in", "the", "words", "of"), ("as", "quoted", "by")}
_NOT_INVERTED = {"on", "in", "at", "to", "that", "of"}
_WINDOW = 120  # characters of context read before a quotation
_RIGHT_WINDOW = 80  # and after it: the cue comes within a dozen words
_CUE_REACH = 30  # a cue farther than this many words before the marks is not about them
_PREPOSITIONS = frozenset(
    {"on", "about", "in", "at", "against", "over", "after", "before", "under", "into", "like"}
    | {"than", "as", "behind", "near", "between", "among", "toward", "towards", "through"}
)
# a word of an occupation or a description: "scientist", "co-author", "14th-ranked"
_OCCUPATION_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|\d+(?:st|nd|rd|th)-[a-z]+")
_RIGHT_REACH = 14  # after the marks, the cue comes first or right after the speaker


@dataclass(frozen=True, slots=True)
class QuoteScan:
    """The quotations of a document and the quotation marks that pair with nothing."""

    quotes: tuple[Quote, ...]
    stray_marks: tuple[StrayMark, ...]


@dataclass(slots=True, eq=False)
class _Candidate:
    start: int
    end: int
    marks: str
    open: int
    close: int
    single: bool = False
    mention: Mention | None = None
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    adjacent: bool = False
    windows: list[tuple[int, int]] = field(default_factory=list)
    paragraph: int = 0
    cluster: _Cluster | None = None
    alone: bool = False
    words: int = 0
    credit_year: str | None = None


@dataclass(slots=True, eq=False)
class _Cluster:
    """One speaker of the document: the names and titles it goes by, and where it is named."""

    key: str
    kind: str
    gender: str
    name: str = ""
    names: set[str] = field(default_factory=set)
    firsts: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)
    named_at: list[tuple[int, int]] = field(default_factory=list)  # sorted name spans

    def add(self, mention: Mention) -> None:
        """Record a mention that names this speaker."""
        if mention.kind != "pronoun" and mention.name not in self.names:
            self.names.add(mention.name)
            words = mention.name.split()
            if len(words) > 1:
                self.firsts.add(words[0].lower().rstrip("."))
            described = self.kind == "person" and mention.kind != "person"  # "the mayor"
            longer = (len(words), len(mention.name)) > (len(self.name.split()), len(self.name))
            if longer and not described:
                self.name = mention.name
        if mention.title and mention.title not in self.titles:
            self.titles.append(mention.title)
        if mention.gender in {"m", "f"} and not self.gender:
            self.gender = mention.gender
        if mention.kind != "pronoun":
            span = (mention.start, mention.end)
            if not self.named_at or self.named_at[-1] <= span:
                self.named_at.append(span)  # the usual case: mentions come in text order
            else:
                insort(self.named_at, span)

    def named_before(self, offset: int) -> tuple[int, int] | None:
        """The last span naming this speaker before `offset`."""
        index = bisect_left(self.named_at, (offset, -1)) - 1
        return self.named_at[index] if index >= 0 else None


class _Speakers:
    """The speakers of a document, found by name, surname, first name or title."""

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self.by_key: dict[tuple[str, str], list[_Cluster]] = {}
        # Keyed by id: insertion-ordered sets of clusters, the latest last.
        self.by_first: dict[str, dict[int, _Cluster]] = {}
        self.by_title_word: dict[str, dict[int, _Cluster]] = {}
        self.recent: dict[int, _Cluster] = {}  # insertion order = least recently used first

    def touch(self, cluster: _Cluster) -> None:
        self.recent.pop(id(cluster), None)
        self.recent[id(cluster)] = cluster

    def add(self, cluster: _Cluster, mention: Mention) -> _Cluster:
        cluster.add(mention)
        if mention.kind == "person":
            for first in cluster.firsts:
                self.by_first.setdefault(first, {})[id(cluster)] = cluster
        for title in cluster.titles:
            for word in title.lower().split():
                self.by_title_word.setdefault(word, {})[id(cluster)] = cluster
        self.touch(cluster)
        return cluster

    def existing(self, mention: Mention) -> _Cluster | None:
        """The speaker a non-pronoun mention names, if already known."""
        words = mention.name.split()
        if mention.kind == "person":
            namesakes = self.by_key.get(("person", surname(mention.name)), [])
            for cluster in itertools.islice(reversed(namesakes), _NAMESAKES):
                if _same_person(words, cluster):
                    return cluster
            if len(words) == 1:
                named = self.by_first.get(words[0].lower())
                if named:
                    return next(reversed(named.values()))
            return None
        if mention.kind == "nominal":
            # "the minister" after "Defense Minister Jane Doe"
            for cluster in reversed(self.by_title_word.get(words[-1].lower(), {}).values()):
                if cluster.kind == "person":
                    return cluster
        found = self.by_key.get((mention.kind, _plain_key(mention.name)), [])
        return found[-1] if found else None

    def cluster_for(self, mention: Mention) -> _Cluster:
        """The speaker a mention names, created when new."""
        cluster = self.existing(mention)
        if cluster is None:
            key = surname(mention.name) if mention.kind == "person" else _plain_key(mention.name)
            cluster = _Cluster(key, mention.kind, mention.gender)
            self.clusters.append(cluster)
            self.by_key.setdefault((mention.kind, key), []).append(cluster)
        return self.add(cluster, mention)

    def most_recent(self) -> list[_Cluster]:
        """The speakers quoted or named last, the latest first (a bounded number)."""
        return list(itertools.islice(reversed(self.recent.values()), _RECENT))


def _plain_key(name: str) -> str:
    return name.lower().removeprefix("the ")


@cache
def _outlets() -> re.Pattern[str]:
    names = "|".join(sorted(map(re.escape, load_terms("news_outlets")), key=len, reverse=True))
    occasions = "|".join(
        sorted(
            (re.escape(term).replace(r"\ ", r"\s+") for term in load_terms("occasions")),
            key=len,
            reverse=True,
        )
    )
    return re.compile(
        rf"\b(?:told|to|with|in|on|via|for|by|in an interview with|wrote in|writing in)\s+"
        rf"(?:the\s+)?(?:{names})\b"
        # a credit naming a work and its year: "— Alfred Mayhew, Letters from the Coast, 1889"
        r"|^[ \t>]*[—–―-]{1,2}[ \t]*[^\n,]+,[^\n]+,[ \t]*(?:1[0-9]|20)\d\d[ \t]*$"
        # an occasion: "in a televised address", "at a news conference", "during testimony"
        rf"|\b(?i:in|at|during|from)\s+(?i:a|an|the|his|her|their|its|this|that)?\s*"
        rf"(?:[\w’'-]+\s+){{0,3}}?(?i:{occasions})s?\b"
        # the writer's own reporting: "told this newspaper", "told The Courier"
        r"|\btold\s+(?:this|our)\s+(?:newspaper|paper|reporter|correspondent|website|site"
        r"|magazine|publication|station|programme|program|outlet|podcast)\b",
        re.MULTILINE,
    )


def outlet_in(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names where words were said or printed ("told Reuters", "in a
    statement", "wrote on X")."""
    return _outlets().search(text, start, end) is not None


class _Context:
    def __init__(
        self, document: Document, claims: Sequence[Claim], paragraphs: list[tuple[int, int]]
    ):
        self.text = document.text
        self.sentences: Sequence[tuple[int, int]] = sentence_spans(claims)
        self.sentence_starts: Sequence[int] = (
            self.sentences.starts
            if isinstance(self.sentences, Spans)
            else [start for start, _ in self.sentences]
        )
        self.paragraphs = paragraphs
        self.paragraph_starts = [start for start, _ in paragraphs]

    def sentence_at(self, offset: int) -> tuple[int, int] | None:
        index = bisect_right(self.sentence_starts, offset) - 1
        if index >= 0 and offset <= self.sentences[index][1]:
            return self.sentences[index]
        return None

    def sentence_index(self, offset: int) -> int:
        return bisect_right(self.sentence_starts, offset) - 1

    def paragraph_index(self, offset: int) -> int:
        return max(bisect_right(self.paragraph_starts, offset) - 1, 0)


def _left_attribution(tokens: list[Token]) -> tuple[Mention | None, Token | None, str | None, bool]:
    """(speaker, cue token, cue text, adjacent) from the words before an opening mark."""
    end = len(tokens)
    while end and tokens[end - 1].lower in _SKIP_LEFT:
        end -= 1
    colon = bool(tokens) and tokens[-1].text == ":"
    marked = end < len(tokens) and tokens[end].text in {",", ":"}
    floor = max(0, end - _CUE_REACH)
    if (owner := _words_of(tokens, end)) is not None:
        return owner, tokens[end - 1], "words", True
    openers = cue_openers()
    for index in range(end - 1, floor - 1, -1):
        token = tokens[index]
        if token.text in _SENTENCE_STOPS:
            break
        if token.lower not in openers:
            continue  # the common case: no cue and no cue phrase starts here
        phrase = phrase_at(tokens, index)
        if phrase in _NAMING_PHRASES:
            found = mention_after(tokens, index + len(phrase), end)
            return found, token, " ".join(phrase), True
        weak = index == end - 1 and is_cue(token, weak=True)
        # "Stardom's official statement yesterday read “…”": a weak cue right before the
        # marks counts after a comma or colon, or after a document it reads from
        weak = weak and (
            marked or any(t.lower in _DOCUMENT_NOUNS for t in tokens[max(0, index - 4) : index])
        )
        noun = index > 0 and tokens[index - 1].lower in {"a", "an", "the"}  # "a warning"
        if (is_cue(token) or weak) and not noun:
            # Adjacent: nothing but "that", a comma or a colon between cue and mark, or the
            # inverted speaker ("said Jane Doe: “…"). Otherwise the quotation is a fragment
            # inside what the cue reports ("called the plan “a gamble”").
            adjacent = index == end - 1 or (colon and end - index <= 8)
            passive = (
                index > 0
                and tokens[index - 1].lower in {"was", "were", "is", "been", "being"}
                and index + 1 < end
                and tokens[index + 1].lower == "by"
            )
            if passive:  # "Tom Bell was asked by Ann Lee: “…”": the speaker follows "by"
                by = mention_after(tokens, index + 2, end)
                if by is not None:
                    return by, token, token.text, True
            before = mention_before(tokens, index)
            participle = token.lower.endswith("ing") and index > 1
            if participle and tokens[index - 1].text == ",":
                # "Netanyahu called on Italy to join the project, adding “…”": a participle
                # after a comma has its clause's subject, not the noun before the comma
                before = _clause_subject(tokens, index - 1) or (
                    before or mention_before(tokens, index - 1)
                )
            elif participle and before is not None and before.kind == "nominal":
                # "explained the decision to ban the players saying “…”", "underlined the
                # call by saying “…”": a thing before the participle is its object
                subject = sentence_subject(tokens[_sentence_start(tokens, index) : index])
                if subject is not None and subject.kind in {"person", "org", "pronoun"}:
                    before = subject
            if before is not None and before.kind != "pronoun":
                at = next((i for i, t in enumerate(tokens) if t.start >= before.start), 0)
                absolute = participle and tokens[at - 1].lower == "with"  # "with Boswell stating"
                if (
                    at > 0
                    and tokens[at - 1].lower in _OBJECT_WORDS | _BEFORE_AN_OBJECT
                    and not absolute
                ):
                    # "Mitsotakis speaking to the Atlantic Council called it “…”": the name
                    # after a preposition is an object; the clause's subject speaks
                    before = _clause_subject(tokens, index)
                    if before is None:
                        return None, token, token.text, adjacent
            if before is not None and before.kind == "pronoun":
                # "Pryce, a welder, said he had reported it “at least four times”"
                earlier = _earlier_subject(tokens, index)
                if earlier is not None and earlier.kind == "person":
                    before = earlier
            if before is not None:
                return before, token, token.text, adjacent
            after = mention_after(tokens, index + 1, end) if index + 1 < end else None
            inverted = (
                index + 1 < end
                and tokens[index + 1].lower not in _NOT_INVERTED
                and token.lower not in load_terms("addressee_verbs")
            )
            if after is not None and after.kind != "pronoun" and inverted:
                if after.end >= tokens[end - 1].end and not marked and not colon:
                    # "someone says Zelensky “has a primitive understanding …”": a name run
                    # into the marks with no comma is what the quotation is about
                    return None, token, token.text, adjacent
                return after, token, token.text, adjacent or after.end >= tokens[end - 1].end
            # "Cooper said …, and said it was “…”": the subject of an earlier cue.
            return _earlier_subject(tokens, index), token, token.text, adjacent
    if colon and end:
        # "From the minister: “…”", "Jane Doe: “…”" (a headline's attribution)
        start = 0
        for index in range(end - 1, -1, -1):
            if tokens[index].text in {".", "!", "?", ";"}:
                start = index + 1
                break
        words = tokens[start:end]
        if words and words[0].lower == "from":
            return mention_after(words, 1, len(words)), None, None, True
        if 0 < len(words) <= 6 and words[0].lower not in load_terms("section_words"):
            found = mention_after(words, 0, len(words))
            named = found is not None and (len(found.name.split()) > 1 or found.title)
            if found is not None and named and found.end == words[-1].end:
                return found, None, None, True
    return None, None, None, False


def _sentence_start(tokens: list[Token], end: int) -> int:
    """The index where the sentence holding tokens[end - 1] starts among `tokens`."""
    start = end
    while start > 0 and tokens[start - 1].text not in _SENTENCE_STOPS:
        start -= 1
    return start


def _after_a_clause(lead: str) -> bool:
    """Whether the words before a name, up to its comma, end with a clause of their own
    ("…, Bloomberg endorsed his former rival, Joe Biden": the name closes an object)."""
    segment = lead.rstrip()[:-1].rsplit(",", 1)
    return len(segment) > 1 and _SUBJECT_VERB.search(segment[1]) is not None


def _clause_subject(tokens: list[Token], end: int) -> Mention | None:
    """The person or organisation opening the sentence that ends at tokens[end], after a
    fronted phrase in commas ("In a press release, the ministry denounced …")."""
    words = tokens[_sentence_start(tokens, end) : end]
    if words and words[0].lower in LEADING_WORDS:
        comma = next((i for i, t in enumerate(words) if t.text == ","), None)
        words = words[comma + 1 :] if comma is not None else []
    found = sentence_subject(words) if words else None
    return found if found is not None and found.kind in {"person", "org"} else None


def _after_occupation(tokens: list[Token], start: int) -> Mention | None:
    """ "said planetary geologist Rosaly Lopes": a full name after one to three lower-case
    words of occupation, which become its title."""
    first = start
    while first < len(tokens) and first - start < 3 and tokens[first].text.islower():
        if not tokens[first].text.isalpha() or tokens[first].lower in _NOT_OCCUPATION:
            return None
        first += 1
    if first == start or first >= len(tokens):
        return None
    found = mention_after(tokens, first, len(tokens))
    if found is None or found.kind != "person" or len(found.name.split()) < 2:
        return None
    title = " ".join(token.text for token in tokens[start:first])
    return Mention(found.name, found.title or title, found.start, found.end, "person")


def _not_a_surname(word: str) -> bool:
    """Whether a lower-cased capitalised word is a pronoun, determiner or leading word ("He",
    "This", "In"), never a surname."""
    return word in PRONOUNS or word in DETERMINERS or word in LEADING_WORDS


def _words_of(tokens: list[Token], end: int) -> Mention | None:
    """The owner in "In Dr. Shadlen's words, “…”" (the words right before the mark)."""
    if end < 3 or tokens[end - 1].lower != "words":
        return None
    owner = tokens[end - 2]
    if not owner.lower.endswith(("'s", "’s")) or not owner.capitalised:
        return None
    first = end - 2
    while first - 1 >= 0 and tokens[first - 1].capitalised and tokens[first - 1].lower != "in":
        first -= 1
    if first - 1 < 0 or tokens[first - 1].lower != "in":
        return None
    name = [*tokens[first : end - 2], Token(owner.text[:-2], owner.start, owner.end - 2)]
    return mention_after(name, 0, len(name))


def _earlier_subject(tokens: list[Token], index: int) -> Mention | None:
    """The speaker of the nearest earlier cue in the same sentence, for a cue whose own
    subject is left out by coordination ("Cooper said …, and said it was “…”")."""
    for earlier in range(index - 1, max(index - 40, 0) - 1, -1):
        token = tokens[earlier]
        if token.text in {".", "!", "?"}:
            return None
        noun = earlier > 0 and tokens[earlier - 1].lower in {"a", "an", "the"}  # "the recording"
        if is_cue(token) and not noun:
            found = mention_before(tokens, earlier)
            if found is not None:
                return found
    return None


def _right_attribution(tokens: list[Token]) -> tuple[Mention | None, Token | None, str | None]:
    """(speaker, cue token, cue text) from the words after a closing mark."""
    index = 0
    while index < len(tokens) and tokens[index].text in {",", "—", "–"}:
        index += 1
    if index >= len(tokens):
        return None, None, None
    if is_cue(tokens[index]) and tokens[index].lower.endswith("ing"):
        # "“…”, calling it …", "“…”, adding that …": what follows is the participle's
        # object; its subject spoke before the quotation
        return None, tokens[index], tokens[index].text
    if is_cue(tokens[index]):
        found = mention_after(tokens, index + 1, len(tokens))
        if found is None or found.kind == "nominal":
            found = _after_occupation(tokens, index + 1) or found
        return found, tokens[index], tokens[index].text
    if is_cue(tokens[index], weak=True):
        # "“…”, reads the report.": a weak cue inverted before a document that ends the
        # sentence
        found = mention_after(tokens, index + 1, len(tokens))
        closing = found is not None and all(
            token.text in {".", "!", "?"} for token in tokens if token.start >= found.end
        )
        if found is not None and found.kind in {"nominal", "org"} and closing:
            return found, tokens[index], tokens[index].text
    if phrase_at(tokens, index) == ("according", "to"):
        return mention_after(tokens, index + 2, len(tokens)), tokens[index], "according to"
    reach = _RIGHT_REACH
    named = index + 2 < len(tokens) and all(t.capitalised for t in tokens[index : index + 2])
    if named and any(t.text == "," for t in tokens[index + 2 : index + 5]):
        reach = 3 * _RIGHT_REACH  # a name, then a description in commas
    for cue_index in range(index + 1, min(len(tokens), index + reach)):
        token = tokens[cue_index]
        if token.text in {".", "!", "?", ";", "“", '"'}:
            break
        closing = cue_index + 1 == len(tokens) or tokens[cue_index + 1].text in {".", ",", ";"}
        if is_cue(token) or (closing and is_cue(token, weak=True)):
            found = mention_before(tokens, cue_index, floor=index)
            lead = [t for t in tokens[index:cue_index] if t.end <= (found.start if found else 0)]
            titled = all(t.capitalised or t.lower in _LEAD for t in lead)
            # "Goddard planetary scientist Avi Mandell said": an occupation before a full name
            # ("JPL scientist and study co-author Michael Malaska said"); and a description
            # after "the" ("the 14th-ranked Schwartzman said", "the veteran Okafor said")
            person = found is not None and found.kind == "person"
            full_name = person and found is not None and len(found.name.split()) > 1
            occupation = (
                full_name
                and 0 < len(lead) <= 6
                and all(
                    _OCCUPATION_WORD.fullmatch(t.text) is not None
                    and (
                        t.lower not in _NOT_OCCUPATION
                        or (t.lower == "and" and 0 < i < len(lead) - 1)
                    )
                    for i, t in enumerate(lead)
                )
            )
            modified = (
                person
                and 1 < len(lead) <= 3
                and lead[0].lower == "the"
                and all(
                    t.text.islower()
                    and _OCCUPATION_WORD.fullmatch(t.text) is not None
                    and t.lower not in _NOT_OCCUPATION
                    and t.lower not in _PREPOSITIONS
                    for t in lead[1:]
                )
            )
            titled = titled or occupation or modified
            # "the port authority's operations director, Mara Lindahl, told": a description
            # in front of the name, set off by a comma
            described = bool(lead) and lead[-1].text == "," and lead[0].lower in DETERMINERS
            if found is not None and (titled or described):
                return found, token, token.text
            # A cue right after the quotation whose speaker phrase cannot be read: the words
            # are still attributed speech, to someone this reading cannot name.
            return None, token, token.text
    return None, None, None


class _Credit(NamedTuple):
    mention: Mention | None
    start: int  # where the credit line starts
    year: str | None  # "— Alfred Mayhew, 1889"


def _dash_credit(text: str, start: int, end: int) -> _Credit | None:
    """A credit line ("— Jane Doe, Defense Minister", "— Alfred Mayhew, 1889") at
    text[start:end]: its speaker, where the line starts, and a year printed at its end."""
    while start < end and text[start].isspace():
        start += 1
    match = _DASH_CREDIT.match(text, start, end)
    if match is None:
        return None
    who = match.group("who")
    if who.startswith("@"):
        mention: Mention | None = Mention(who, None, match.start("who"), match.end("who"), "person")
    elif re.search(r"\s(?:of|the|for|and|&)\s", who):
        # "Port of Kessel", "Friends of the Earth": a name with its small words is one name
        mention = Mention(who, None, match.start("who"), match.end("who"), "org")
    else:
        tokens = tokenize(text, match.start("who"), match.end("who"))
        mention = mention_after(tokens, 0, len(tokens))
    title = (match.group("title") or "").strip().rstrip(".")
    year = None
    dated = _TRAILING_YEAR.search(title)
    if dated is not None:  # "— Alfred Mayhew, 1889", "— Mayhew, *Letters*, 1889": when, not who
        year, title = dated.group(1), title[: dated.start()].strip()
    is_title = any(word.lower().strip(".,") in title_heads() for word in title.split())
    if _WORK.fullmatch(title) or (year and title and not is_title):
        title = ""  # "Letters from the Coast, 1889": where the words are printed, not a title
    if mention is not None and title:
        mention = Mention(
            mention.name, mention.title or title, mention.start, mention.end, mention.kind
        )
    return _Credit(mention, match.start(), year)


def _blank(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is only white space (without copying it)."""
    return _NON_SPACE.search(text, start, end) is None


def _could_attribute(text: str, start: int, end: int, *, any_word: bool = False) -> bool:
    """Whether the words after a closing mark may hold its attribution: they open with a
    cue, a name, a pronoun or a description, and a cue word comes within reach. Most
    closing marks fail this cheap test and need no tokenizing."""
    first = _FIRST_WORD.match(text, start, end)
    if first is None:
        return False
    word = first.group(1)
    if not (any_word or word[0].isupper() or word[0] == "@" or word in attribution_openers()):
        return False
    return cue_words().search(text, start, end) is not None


def _covering(pairs: list[tuple[int, int]], offset: int) -> int:
    """The farthest close of the (sorted, non-overlapping) pairs opening at or before
    `offset`, or -1."""
    index = bisect_right(pairs, (offset, 1 << 62)) - 1
    return pairs[index][1] if index >= 0 and pairs[index][0] <= offset else -1


def _same_name(one: Mention, other: Mention) -> bool:
    if one.kind == "pronoun" or other.kind == "pronoun":
        return True
    return surname(one.name) == surname(other.name)


def _outermost(candidates: list[_Candidate]) -> list[_Candidate]:
    """Quotations not inside another (a quotation quoted within a block quote stays part of
    it), in order."""
    kept: list[_Candidate] = []
    for candidate in candidates:
        if kept and candidate.start < kept[-1].end and candidate.end <= kept[-1].end:
            continue
        kept.append(candidate)
    return kept


def _same_person(words: list[str], cluster: _Cluster) -> bool:
    """Whether a name with this cluster's surname is the same person: "Doe" and "J. Doe" are
    "Jane Doe"; "John Doe" is not."""
    if len(words) == 1 or not cluster.firsts:
        return True
    first = words[0].lower().rstrip(".")
    return any(known == first or known.startswith(first) for known in cluster.firsts)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _is_title_case(words: list[str]) -> bool:
    long_words = [word for word in words if len(word) > 3]
    return len(words) >= 2 and bool(long_words) and all(w[0].isupper() for w in long_words)


class _Extractor:
    def __init__(
        self,
        document: Document,
        claims: Sequence[Claim],
        references: list[Reference],
        prose: list[tuple[int, int]] | None,
        markers: Sequence[tuple[int, int]] = (),
    ):
        self.document = document
        self.text = document.text
        paragraphs = prose_spans(document, references) if prose is None else prose
        self.context = _Context(document, claims, paragraphs)
        self.blocks = sorted(document.blocks, key=lambda block: block.start)
        self.block_starts = [block.start for block in self.blocks]
        self.reference_date = parse_iso(document.date)
        self.acronyms: dict[str, str] = {}
        self.full_names: dict[str, int] | None = None
        self.single_primary = False
        self.markers = _MarkerLookup(markers)
        self._names: NameIndex | None = None

    def block_at(self, offset: int) -> int:
        return bisect_right(self.block_starts, offset) - 1

    def run(self) -> QuoteScan:
        paragraphs = self.context.paragraphs
        pairs, strays = pair_marks(self.text, paragraphs, list(self.document.code_spans))
        singles = sum(1 for pair in pairs if pair.single)
        # British style: single marks are the quotation marks when they outnumber the doubles.
        self.single_primary = singles >= 3 and singles > 2 * (len(pairs) - singles)
        candidates = [self.from_pair(pair) for pair in pairs]
        candidates += self.block_quotes(pairs)
        candidates += self.interview_turns()
        candidates.sort(key=lambda candidate: candidate.start)
        accepted: list[_Candidate] = []
        for candidate in candidates:
            at(candidate.start)
            if self.attribute(candidate, accepted[-1] if accepted else None):
                accepted.append(candidate)
        kept = self.without_pull_quote_repeats(_outermost(accepted))
        self.inherit(kept)
        clusters = self.resolve(kept)
        quotes = self.build(kept, clusters)
        return QuoteScan(tuple(quotes), tuple(strays))

    def without_pull_quote_repeats(self, kept: list[_Candidate]) -> list[_Candidate]:
        """A pull quote repeats words the article quotes with their attribution: a quotation
        that is a whole paragraph by itself, with no speaker of its own, whose words another
        quotation of the document holds, is the same quotation printed twice and is dropped."""
        text, paragraphs = self.text, self.context.paragraphs
        lone = [
            index
            for index, candidate in enumerate(kept)
            if candidate.mention is None
            and _WORD.search(text, paragraphs[candidate.paragraph][0], candidate.open) is None
            and _WORD.search(text, candidate.close + 1, paragraphs[candidate.paragraph][1]) is None
        ]
        if not lone:
            return kept
        keys = [" ".join(_words(text[c.start : c.end])).lower() for c in kept]
        joined = "\n".join(keys)
        repeats = {
            index
            for index in lone
            if keys[index].count(" ") + 1 >= _REPEAT_WORDS and joined.count(keys[index]) >= 2
        }
        return [candidate for index, candidate in enumerate(kept) if index not in repeats]

    def from_pair(self, pair: MarkedSpan) -> _Candidate:
        candidate = _Candidate(
            pair.start,
            pair.end,
            "pair" if len(pair.parts) == 1 else "paragraphs",
            pair.open,
            pair.close,
            single=pair.single,
        )
        candidate.paragraph = self.context.paragraph_index(pair.open)
        return candidate

    def block_quotes(self, pairs: list[MarkedSpan]) -> list[_Candidate]:
        """Block quotes (`>`, <blockquote>) and pull quotes credited by a dash line."""
        text = self.text
        paragraphs = self.context.paragraphs
        found: list[_Candidate] = []
        covered = sorted((pair.open, pair.close) for pair in pairs if not pair.single)
        index = 0 if any(block.quote for block in self.blocks) else len(paragraphs)
        while index < len(paragraphs):
            start, end = paragraphs[index]
            block = self.blocks[self.block_at(start)] if self.blocks else None
            if block is None or not block.quote or text[start] in _OPENERS:
                index += 1  # not a block quote, or one printed in marks: its pairs are read
                continue
            last = index
            while last + 1 < len(paragraphs):
                if _dash_credit(text, *paragraphs[last]) is not None:
                    break  # a credit line closes its block quote: the next one is another
                following_start = paragraphs[last + 1][0]
                following = self.blocks[self.block_at(following_start)]
                if not following.quote or text[following_start] in _OPENERS:
                    break
                last += 1
            group_end = paragraphs[last][1]
            index = last + 1
            body = text[start:group_end]
            if _CALLOUT.match(body):
                continue
            content_end = group_end
            credit: Mention | None = None
            line_start = text.rfind("\n", start, group_end) + 1
            in_group = _dash_credit(text, max(line_start, start), group_end)
            credit_year: str | None = None
            if in_group is not None and in_group.start > start:
                credit, content_end, credit_year = in_group
            else:
                # the credit under it: the next block of any kind ("<figcaption>— Tom Ruiz,
                # Harbour Log</figcaption>" is a caption, not prose)
                following_block = self.block_at(group_end) + 1
                if following_block < len(self.blocks):
                    after_block = self.blocks[following_block]
                    after = _dash_credit(text, after_block.start, after_block.end)
                    if after is not None:
                        credit, credit_year = after.mention, after.year
            while content_end > start and text[content_end - 1].isspace():
                content_end -= 1
            if _covering(covered, start + 1) >= content_end - 2:
                continue  # printed in marks as well: the pair is the quotation
            candidate = _Candidate(start, content_end, "block", start, content_end)
            candidate.paragraph = self.context.paragraph_index(start)
            if credit is not None:
                candidate.mention, candidate.adjacent = credit, True
                candidate.credit_year = credit_year
            found.append(candidate)
        # Pull quotes in plain paragraphs, credited on their last line or the next paragraph:
        # only the paragraphs at and before a dash line are read.
        if not paragraphs:
            return found
        lines = [match.start() + 1 for match in _DASH_LINE.finditer(text)]
        if _FIRST_DASH_LINE.match(text):
            lines.append(0)
        numbers = sorted(
            {
                number
                for line in lines
                for at in [self.context.paragraph_index(line)]
                for number in (at - 1, at)
                if number >= 0
            }
        )
        # Unmarked paragraphs credited by a dash line are read as quotations only at the
        # opening of a document (an epigraph): elsewhere the same shape is a letter's
        # sign-off or a programme's listing.
        opening = self.opening_paragraphs()
        for number in numbers:
            if number not in opening:
                continue
            start, end = paragraphs[number]
            block = self.blocks[self.block_at(start)] if self.blocks else None
            if block is None or block.quote or block.kind is not BlockKind.PARAGRAPH:
                continue
            line_start = text.rfind("\n", start, end) + 1
            credit_line = _dash_credit(text, line_start, end) if line_start > start else None
            content_end = credit_line.start if credit_line else end
            if credit_line is None and number + 1 < len(paragraphs):
                next_start, next_end = paragraphs[number + 1]
                credit_line = _dash_credit(text, next_start, next_end)
            if credit_line is None or credit_line.mention is None:
                continue
            if _covering(covered, start + 1) >= start:
                continue  # a marked quote; its own pair carries the credit
            if _dash_credit(text, start, end) is not None and content_end == end:
                continue  # the credit line itself
            while content_end > start and text[content_end - 1].isspace():
                content_end -= 1
            if content_end <= start or len(_words(text[start:content_end])) > 150:
                continue
            candidate = _Candidate(start, content_end, "credited", start, content_end)
            candidate.paragraph = number
            candidate.mention, candidate.adjacent = credit_line.mention, True
            candidate.credit_year = credit_line.year
            found.append(candidate)
        return found

    def interview_turns(self) -> list[_Candidate]:
        """The answers of an interview printed as a transcript: paragraphs opening with a
        speaker's label ("Dorsa Derakhshani: …", "((WN)) …", "A: …"), and the unlabelled
        paragraphs that continue one. Read only where at least four paragraphs carry labels
        and two labels recur (an interview alternates), so a lone "Update:" is no turn. "Q"
        and "A" stand for the interviewer and the person the piece introduces."""
        text = self.text
        paragraphs = self.context.paragraphs
        labelled: dict[int, tuple[str, int]] = {}
        for number, (start, end) in enumerate(paragraphs):
            match = _TURN_LABEL.match(text, start, end)
            if match is None:
                continue
            label = (match.group("wiki") or match.group("name") or "").strip()
            if label.lower() in load_terms("turn_labels") or len(label) > 40:
                continue
            labelled[number] = (label, match.end())
        counts: dict[str, int] = {}
        for label, _ in labelled.values():
            counts[label] = counts.get(label, 0) + 1
        if len(labelled) < 4 or sum(1 for count in counts.values() if count >= 2) < 2:
            return []
        # Spoken turns talk in the first and second person; "Lakers: Visit the Thunder on
        # Friday." (a box score's team notes) does not.
        spoken = sum(
            1
            for number, (_, content) in labelled.items()
            if _PERSONAL.search(text, content, paragraphs[number][1])
        )
        if spoken * 2 < len(labelled):
            return []
        first = min(labelled)
        interviewee = self.interviewee(paragraphs[first][0])
        found: list[_Candidate] = []
        speaker: Mention | None = None
        for number in range(first, len(paragraphs)):
            start, end = paragraphs[number]
            block = self.blocks[self.block_at(start)] if self.blocks else None
            if block is not None and block.kind is not BlockKind.PARAGRAPH:
                speaker = None  # a heading or a list ends the turn
                continue
            if number in labelled:
                label, content = labelled[number]
                if label in {"Q", "A"}:
                    speaker = interviewee if label == "A" else None
                    if label == "Q":
                        continue  # the interviewer's question
                else:
                    speaker = Mention(label, None, start, start + len(label), "person")
            else:
                content = start
                if speaker is None:
                    continue
            while end > content and text[end - 1].isspace():
                end -= 1
            if end <= content or (speaker is None and number not in labelled):
                continue
            candidate = _Candidate(content, end, "turn", content, end)
            candidate.paragraph = number
            candidate.mention, candidate.adjacent = speaker, True
            found.append(candidate)
        return found

    def interviewee(self, before: int) -> Mention | None:
        """The person an interview introduces: the full name printed most often before its
        first turn (None when two tie)."""
        counts: dict[str, int] = {}
        mentions: dict[str, Mention] = {}
        for match in _NAME_RUN.finditer(self.text, 0, before):
            tokens = tokenize(self.text, match.start(), match.end())
            mention = mention_after(tokens, 0, len(tokens))
            if mention is None or mention.kind != "person" or len(mention.name.split()) < 2:
                continue
            counts[mention.name] = counts.get(mention.name, 0) + 1
            mentions.setdefault(mention.name, mention)
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return mentions[ranked[0][0]]

    def opening_paragraphs(self) -> set[int]:
        """The first two paragraphs of running text (headings and the title not counted)."""
        opening: set[int] = set()
        for number, (start, _) in enumerate(self.context.paragraphs):
            block = self.blocks[self.block_at(start)] if self.blocks else None
            if block is not None and block.kind is BlockKind.HEADING:
                continue
            opening.add(number)
            if len(opening) == 2:
                break
        return opening

    def attribute(self, candidate: _Candidate, previous: _Candidate | None) -> bool:
        """Find the candidate's cue and speaker; False when it is no quotation. `previous` is
        the quotation accepted just before it."""
        text = self.text
        content = text[candidate.start : candidate.end]
        # The first 40 words decide: a long quotation is speech whatever follows.
        words = _words(content[:400])
        if candidate.end <= candidate.start or not words:
            return False
        if candidate.marks == "turn":
            return True
        if candidate.marks in {"block", "credited"}:
            if candidate.mention is None:
                self.left_of(candidate, allow_previous=True)
            return True
        context = self.context
        _paragraph_start, paragraph_end = context.paragraphs[
            context.paragraph_index(candidate.close)
        ]
        after = self.past_markers(candidate.close + 1)
        # After the closing mark: to the end of its sentence, or of the next one when that
        # starts in lower case ("…,” she said.), never past the next opening mark.
        right_end = paragraph_end
        sentence = context.sentence_at(candidate.close + 1) or context.sentence_at(candidate.close)
        if sentence is not None:
            right_end = sentence[1]
            if right_end <= candidate.close + 2:
                following = context.sentence_at(right_end + 2)
                if following and following[0] > right_end and text[following[0]].islower():
                    right_end = following[1]
        right_end = min(right_end, paragraph_end)
        next_open = _OPENING_MARK.search(text, candidate.close + 1, right_end)
        if next_open is not None:
            right_end = next_open.start()
        # The date may come late in the attribution ("…, told reporters on Tuesday"); the
        # speaker comes within a few words.
        candidate.windows.append((candidate.close + 1, right_end))
        # "“…” Dylan Nelson, a postdoctoral fellow at the Max Planck Institute …, said": a
        # full name then a long description in commas before the cue
        described = _NAMED_ASIDE.match(text, candidate.close + 1, right_end)
        reach = _RIGHT_WINDOW * 3 if described else _RIGHT_WINDOW
        right_end = min(right_end, candidate.close + 1 + reach)
        line_end = text.find("\n", after, paragraph_end)
        if line_end >= 0 and _blank(text, after, line_end):
            line_end = text.find("\n", line_end + 1, paragraph_end)
        credit = _dash_credit(text, after, paragraph_end if line_end < 0 else line_end)
        if credit is None and _blank(text, after, paragraph_end):
            index = context.paragraph_index(candidate.close) + 1
            if index < len(context.paragraphs):
                credit = _dash_credit(text, *context.paragraphs[index])
        if credit is not None and credit.mention is not None:
            candidate.mention, candidate.adjacent = credit.mention, True
            candidate.credit_year = credit.year
        else:
            # “…,” study co-author Michael Malaska said: a comma inside the marks lets the
            # attribution open with any word
            comma = content.rstrip("’'”\"")[-1:] == ","
            mention, cue, cue_text = self.right_of(after, max(right_end, after), any_word=comma)
            named = mention is not None and mention.kind == "person" and len(words) >= 4
            if cue is not None and not self.punctuated(candidate, after) and not named:
                # “Anonymous” posted it: the quoted words are the verb's subject, not an
                # utterance. An attribution after the marks follows punctuation: “…,” said.
                mention = cue = cue_text = None
            if cue is not None:
                candidate.mention, candidate.cue = mention, cue_text
                candidate.cue_span = (cue.start, cue.end)
                candidate.adjacent = True
                if mention is None or mention.kind == "nominal":
                    # "McLeish wrote that she would ‘…’, according to a copy seen by …":
                    # a named speaker before the quotation outranks a document after it.
                    right_side = (candidate.mention, candidate.cue, candidate.cue_span)
                    candidate.mention = None
                    self.left_of(candidate, allow_previous=False)
                    # with no speaker on the right, an adjacent cue on the left names one of
                    # any kind ("The ministry, stating that “…,” promised more staff")
                    left_speaks = candidate.mention is not None and (
                        candidate.mention.kind in {"person", "pronoun"}
                        or (mention is None and candidate.adjacent and candidate.cue is not None)
                    )
                    if not left_speaks:
                        candidate.mention, candidate.cue, candidate.cue_span = right_side
                        candidate.adjacent = True
            else:
                self.left_of(candidate, allow_previous=True)
        if candidate.cue is None and candidate.mention is None and previous is not None:
            self.continue_sentence(candidate, previous)
        candidate.alone = self.alone_in_paragraph(candidate)
        candidate.words = len(words)
        terminal = bool(_TERMINAL.search(content, max(0, len(content) - 8)))
        sentence_like = content[:1].isupper() and terminal
        goes_on = (  # “…,” said Lee. “Not this year.”: the same speaker goes on
            previous is not None
            and (previous.cue is not None or previous.mention is not None)
            and previous.paragraph == candidate.paragraph
            and self.follows(previous, candidate)
        )
        speech = (
            (len(words) >= 4 and sentence_like)
            or candidate.marks == "paragraphs"
            or (candidate.alone and terminal)
            or (goes_on and sentence_like)
        )
        if _is_title_case(words) and (not terminal or not candidate.adjacent):
            return False  # "Here Comes the Sun.": a title, unless a cue says someone said it
        if candidate.cue in load_terms("naming_verbs") and (
            len(words) < 3 or (content[:1].isupper() and not terminal)
        ):
            return False  # "a user labelled “Anonymous”", "dubbed it “Scientology vs. …”"
        if candidate.single and not self.single_primary:
            return candidate.adjacent and len(words) >= 2
        if candidate.adjacent:
            return True
        if candidate.cue is not None:
            return len(words) >= 2 or speech
        return speech

    def past_markers(self, offset: int) -> int:
        """`offset` moved past white space and citation markers ("”[1] said")."""
        text = self.text
        while True:
            moved = offset
            while moved < len(text) and text[moved] in " \t":
                moved += 1
            marker_end = self.markers.end_of(moved)
            if marker_end is not None:
                offset = marker_end
                continue
            return offset

    def punctuated(self, candidate: _Candidate, after: int) -> bool:
        """Whether the quoted words end with punctuation, inside the marks (before any marker
        there) or right after them."""
        text = self.text
        end = candidate.end
        while (marker_start := self.markers.start_of(end)) is not None:
            end = marker_start
        while end - 1 > candidate.start and text[end - 1] in "’'”\"":
            end -= 1  # "… you know?’”": a nested quotation closes first
        inside = text[end - 1 : end] if end > candidate.start else ""
        following = text[after : after + 2].lstrip()[:1]
        return inside in _ATTRIBUTION_PUNCTUATION or following in _ATTRIBUTION_PUNCTUATION

    def right_of(
        self, start: int, end: int, *, any_word: bool = False
    ) -> tuple[Mention | None, Token | None, str | None]:
        """Attribution after a closing mark (nothing to tokenize when no cue is in reach)."""
        if not _could_attribute(self.text, start, end, any_word=any_word):
            return None, None, None
        return _right_attribution(tokenize(self.text, start, end))

    def continue_sentence(self, candidate: _Candidate, previous: _Candidate) -> None:
        """A second quotation in the sentence of an attributed one, joined to it by words
        with no cue ("she wrote that she would “cooperate” and shared “the anger …”"), is
        the same speaker's."""
        if previous.cue is None and previous.mention is None:
            return
        sentence = self.context.sentence_at(candidate.open)
        if sentence is None or not sentence[0] <= previous.close < candidate.open:
            return
        between = self.text[previous.close + 1 : candidate.open]
        if len(between.split()) > 8 or re.search(r"[.!?;:]", between):
            return
        candidate.mention, candidate.cue = previous.mention, previous.cue
        candidate.cue_span, candidate.adjacent = previous.cue_span, True

    def alone_in_paragraph(self, candidate: _Candidate) -> bool:
        """Whether the marks hold a whole paragraph ("“Yes.”" as a line of dialogue)."""
        start, end = self.context.paragraphs[candidate.paragraph]
        block = self.blocks[self.block_at(start)] if self.blocks else None
        if block is None or block.kind is not BlockKind.PARAGRAPH:
            return False
        return _blank(self.text, start, candidate.open) and _blank(
            self.text, candidate.close + 1, end
        )

    def left_of(self, candidate: _Candidate, *, allow_previous: bool) -> None:
        """Attribution from the words before the quotation, in its sentence (or the sentence
        before, when the quotation starts its own sentence after a colon)."""
        text = self.text
        context = self.context
        paragraph_start, _ = context.paragraphs[context.paragraph_index(candidate.open)]
        sentence = context.sentence_at(candidate.open)
        left_start = sentence[0] if sentence else paragraph_start
        left_start = max(left_start, paragraph_start, candidate.open - _WINDOW)
        previous_close = max(text.rfind(mark, left_start, candidate.open) for mark in '”"»')
        if previous_close >= 0:
            left_start = previous_close + 1
        if not text[left_start : candidate.open].strip() and allow_previous:
            # The quotation opens its sentence: "Doe said:" may end the sentence before, or
            # the paragraph before (a block quote introduced by a colon).
            index = context.sentence_index(candidate.open - 1)
            if index >= 0:
                previous = context.sentences[index]
                if previous[1] <= candidate.open and text[
                    previous[0] : previous[1]
                ].rstrip().endswith(":"):
                    left_start = max(previous[0], candidate.open - _WINDOW - 200)
                    if text[previous[1] : candidate.open].count("\n\n") > 1:
                        return
        colon = text[left_start : candidate.open].rstrip().endswith(":")
        if not colon and not cue_words().search(text, left_start, candidate.open):
            return  # no cue in reach: nothing to tokenize
        candidate.windows.append((left_start, candidate.open))
        left = tokenize(text, left_start, candidate.open)
        mention, cue, cue_text, adjacent = _left_attribution(left)
        cut = sentence is not None and candidate.open - 600 <= sentence[0] < left_start
        if cue is not None and cue.lower.endswith("ing") and sentence is not None and cut:
            # the window cut the sentence: read the participle's subject from its start
            whole = tokenize(text, sentence[0], cue.start)
            if len(whole) > 1 and whole[-1].text == ",":
                mention = _clause_subject(whole, len(whole) - 1) or mention
            elif mention is not None and mention.kind == "nominal":
                subject = _clause_subject(whole, len(whole))
                mention = subject or mention
        if cue is not None and mention is None and sentence is not None:
            whole = tokenize(text, max(sentence[0], candidate.open - 600), cue.start)
            mention = _earlier_subject(whole, len(whole))
            if mention is None and cut:
                # the window cut the sentence before its subject: "On Tuesday, Greek prime
                # minister Kyriakos Mitsotakis speaking to the Atlantic Council think tank
                # called the border agreement “…”"
                mention = _clause_subject(whole, len(whole))
        if mention is None and cue is None and not adjacent:
            return
        candidate.mention = mention
        candidate.cue = cue_text
        candidate.cue_span = (cue.start, cue.end) if cue else None
        candidate.adjacent = adjacent

    def inherit(self, kept: list[_Candidate]) -> None:
        """A quotation with no cue of its own takes the speaker of a cue in the sentence
        before it ("Heald noted the findings matter. “…”"), or continues the speaker of the
        quotation just before it (same or previous paragraph, no other speaker named
        between them)."""
        short_lines = sum(1 for candidate in kept if candidate.alone and candidate.words < 12)
        # Fiction and interviews: lines of dialogue answer each other, so a paragraph of
        # quotation with no cue is a new speaker, not the previous one continuing.
        dialogue = short_lines >= 5 and short_lines * 5 >= len(self.context.paragraphs)
        previous: _Candidate | None = None
        for candidate in kept:
            # A block quote is credited by its own line or by the sentence introducing it
            # with a colon, never by the quotation before it.
            blocked = candidate.marks in {"block", "credited"}
            if candidate.mention is None and candidate.cue is None:
                found = self.cue_in_sentence_before(candidate)
                if blocked and not self.introduced_by_colon(candidate):
                    found = None
                if found is not None:
                    candidate.mention = found
                    sentence = self.context.sentence_index(candidate.open)
                    candidate.windows.append(self.context.sentences[sentence - 1])
                elif not blocked and previous is not None and previous.mention is not None:
                    near = self.follows(previous, candidate)
                    if dialogue and candidate.paragraph != previous.paragraph:
                        near = False
                    other = (
                        self.named_between(previous.close + 1, candidate.open, previous.cue_span)
                        if near
                        else None
                    )
                    if near and (other is None or _same_name(other, previous.mention)):
                        candidate.mention = previous.mention
                        candidate.cue = previous.cue  # the cue that attributes them both
            previous = candidate

    def introduced_by_colon(self, candidate: _Candidate) -> bool:
        """Whether the sentence before a block quote ends with a colon."""
        index = self.context.sentence_index(candidate.open) - 1
        if index < 0:
            return False
        start, end = self.context.sentences[index]
        return self.text[start:end].rstrip().endswith(":")

    def follows(self, previous: _Candidate, candidate: _Candidate) -> bool:
        """Whether a quotation can continue the previous one's speaker: in the same or the
        next paragraph, and opening its own sentence (or sharing the previous quotation's).
        Words of the writer's before it in its sentence ("Then: “…”") break the chain."""
        if candidate.paragraph - previous.paragraph > 1:
            return False
        sentence = self.context.sentence_at(candidate.open)
        if sentence is None or sentence[0] <= previous.close:
            return True
        return not self.text[sentence[0] : candidate.open].strip()

    def cue_in_sentence_before(self, candidate: _Candidate) -> Mention | None:
        """The named speaker of a reporting cue in the sentence just before a quotation that
        opens its own sentence, in the same or the previous paragraph."""
        context = self.context
        text = self.text
        sentence = context.sentence_index(candidate.open)
        if sentence <= 0:
            return None
        own = context.sentences[sentence]
        if text[own[0] : candidate.open].strip():
            return None  # words before the quotation in its own sentence, and no cue there
        before = context.sentences[sentence - 1]
        if context.paragraph_index(before[0]) < candidate.paragraph - 1:
            return None
        if self.blocks and self.blocks[self.block_at(before[0])].kind is BlockKind.HEADING:
            return None  # a heading names a section, never the speaker of what follows
        if _OPENING_MARK.search(text, before[0], before[1]):
            return None  # the sentence before quotes someone itself
        cue_at = cue_words().search(text, before[0], before[1])
        issuing = _ISSUING_WORDS.search(text, before[0], before[1])
        if cue_at is None and issuing is None:
            # No cue: only the sentence's opening words matter ("O’Neill was unimpressed."),
            # and one capitalised word is a name only when the text has named that person in
            # full before ("Check them out below" is an imperative).
            found = sentence_subject(tokenize(text, before[0], min(before[1], before[0] + 80)))
            single = found is not None and found.kind == "person" and " " not in found.name
            if found is not None and single and self.first_full_name(found.name) > found.start:
                return None
            return found
        first_cue = min(match.end() for match in (cue_at, issuing) if match is not None)
        tokens = tokenize(text, before[0], min(before[1], first_cue + 60))
        for index, token in enumerate(tokens):
            issued = token.lower in _ISSUING and any(
                later.lower in _ISSUED for later in tokens[index + 1 : index + 4]
            )
            noun = index > 0 and tokens[index - 1].lower in {"a", "an", "the", "his", "her"}
            if (is_cue(token) or issued) and index > 0 and not noun:
                return mention_before(tokens, index) or sentence_subject(tokens)
        # "O’Neill was unimpressed. “…”", "Vellacott set out his approach in 1971:"
        return sentence_subject(tokens)

    def named_between(
        self, start: int, end: int, own_cue: tuple[int, int] | None = None
    ) -> Mention | None:
        """The last speaker named with a reporting cue between two quotations (not counting
        `own_cue`, the cue of the quotation before, which names its own speaker)."""
        text = self.text
        found: Mention | None = None
        for match in cue_words().finditer(text, start, end):
            if own_cue is not None and match.start() == own_cue[0]:
                continue
            tokens = tokenize(text, max(start, match.start() - 50), match.end())
            if tokens and is_cue(tokens[-1]):
                found = mention_before(tokens, len(tokens) - 1) or found
        return found

    def resolve(self, kept: list[_Candidate]) -> list[_Cluster]:
        """One cluster per speaker; pronouns and descriptions joined to a named speaker."""
        speakers = _Speakers()
        for candidate in kept:
            mention = candidate.mention
            if mention is None:
                continue
            if mention.kind == "pronoun":
                cluster = self.antecedent(mention, speakers)
                if cluster is not None:
                    speakers.add(cluster, mention)
            else:
                holder = None
                if mention.kind == "nominal" and speakers.existing(mention) is None:
                    holder = self.title_holder(mention)
                if holder is not None:
                    cluster = speakers.cluster_for(holder)
                    speakers.add(cluster, mention)
                else:
                    cluster = speakers.cluster_for(mention)
            candidate.cluster = cluster
        return speakers.clusters

    def title_holder(self, nominal: Mention) -> Mention | None:
        """The person a definite description stands for when the text has named them with that
        title before ("Mayor Tom Ruiz" … "the mayor said"; "The company’s chief executive, Ana
        Diaz," … "the chief executive added"): the one person named with a title ending in the
        description's head word in the sentences before it; None when there are two."""
        words = nominal.name.lower().split()
        if len(words) < 2 or words[0] != "the" or words[-1] not in title_heads():
            return None
        head = words[-1]
        context = self.context
        index = context.sentence_index(nominal.start)
        holders: dict[str, Mention] = {}
        for sentence_start, sentence_end in context.sentences[
            max(index - _TITLE_REACH, 0) : index + 1
        ]:
            end = min(sentence_end, nominal.start)
            if end <= sentence_start:
                continue
            tokens = tokenize(self.text, sentence_start, end)
            found = [mention_after(tokens, 0, len(tokens))]
            for match in _NAME_RUN.finditer(self.text, sentence_start, end):
                run = tokenize(self.text, match.start(), match.end())
                found.append(mention_after(run, 0, len(run)))
            for mention in found:
                if mention is None or mention.kind != "person" or not mention.title:
                    continue
                title = mention.title.lower().replace("’s", "'s").split()
                if title and title[-1] == head and all(w in title for w in words[1:]):
                    holders[surname(mention.name)] = mention
        return next(iter(holders.values())) if len(holders) == 1 else None

    def antecedent(self, pronoun: Mention, speakers: _Speakers) -> _Cluster | None:
        """The most recent compatible speaker, counting people named in this sentence and the
        two before it (a speaker may be introduced before they are quoted)."""

        def compatible(cluster: _Cluster) -> bool:
            if pronoun.gender in {"m", "f"}:
                return cluster.kind == "person" and cluster.gender in {"", pronoun.gender}
            if pronoun.gender == "n":
                return cluster.kind in {"org", "nominal"}
            return True

        options: list[tuple[int, _Cluster]] = []
        for cluster in speakers.most_recent():
            named = cluster.named_before(pronoun.start)
            if named is not None and compatible(cluster):
                options.append((named[0], cluster))
        for found in self.people_before(pronoun.start):
            known = speakers.existing(found)
            if known is not None:
                if compatible(known):
                    options.append((found.start, speakers.add(known, found)))
            elif pronoun.gender in {"m", "f"} and found.gender in {"", pronoun.gender}:
                options.append((found.start, speakers.cluster_for(found)))
        if not options:
            return None
        return max(options, key=lambda option: option[0])[1]

    def people_before(self, offset: int) -> list[Mention]:
        """The people a pronoun at `offset` can stand for, in the sentence holding it and the
        two before: each sentence's subject (a person named with two names or a title at its
        start), and anyone named right before a reporting verb or an aside ("Rees said", "Tom
        Bell, her rival,"). Objects ("Anna Berg met Tom Reed") are not candidates."""
        context = self.context
        index = context.sentence_index(offset)
        start = context.sentences[max(index - 2, 0)][0] if context.sentences else offset
        start = max(start, offset - 1200)
        found: list[tuple[int, Mention]] = []
        text = self.text
        subjects: set[int] = set()  # sentences whose subject is already taken
        for match in _NAME_RUN.finditer(text, start, offset):
            tokens = tokenize(text, match.start(), match.end())
            while len(tokens) > 1 and tokens[0].lower in LEADING_WORDS:
                tokens = tokens[1:]
            mention = mention_after(tokens, 0, len(tokens))
            capitals = len(tokens) > 2 and tokens[0].text.isupper() and len(tokens[0].text) <= 4
            if (mention is None or mention.kind != "person") and capitals:
                # "IM Dorsa Derakhshani", "GM …": a title in capitals before the name
                retry = mention_after(tokens, 1, len(tokens))
                if retry is not None and retry.kind == "person":
                    mention = Mention(retry.name, tokens[0].text, retry.start, retry.end, "person")
            if (
                mention is None
                or mention.kind != "person"
                or (len(mention.name.split()) < 2 and not mention.title)
            ):
                # "…, Bloomberg endorsed his former rival, Joe Biden.": a single name or an
                # organisation can still be its sentence's subject, which a later name is not
                sentence = context.sentence_index(match.start())
                lead_start = max(context.sentences[sentence][0], match.start() - 400)
                lead = text[lead_start : match.start()] if sentence >= 0 else ""
                verb = re.match(r"[ \t]+[a-z]", text[match.end() : match.end() + 3])
                if verb and (lead.rstrip().endswith(",") or not lead.strip()):
                    subjects.add(sentence)
                continue
            if re.search(
                r"[A-Z][\w'’.-]*,[ \t]+$", text[max(0, match.start() - 30) : match.start()]
            ):
                continue  # "the University of California, San Francisco": a place goes on
            preceding = text[max(0, match.start() - 16) : match.start()].split()[-2:]
            if preceding and preceding[-1].lower() in DETERMINERS:
                preceding = preceding[:-1]  # "in the Eastern Mediterranean"
            if preceding and preceding[-1].lower() in _PLACE_PREPOSITIONS | _OBJECT_WORDS:
                continue  # "lives on Mill Lane", "in New Zealand", "met with President Lee"
            sentence = context.sentence_index(match.start())
            lead = text[context.sentences[sentence][0] : tokens[0].start] if sentence >= 0 else ""
            after = tokenize(text, match.end(), min(match.end() + 30, offset))[:1]
            named_subject = bool(after and (after[0].text == "," or is_cue(after[0])))
            # Near the sentence's start, or right after a fronted phrase ("Writing in a blog
            # post, Matthew Ingram …").
            opening = len(lead.split()) <= 3 or (
                lead.rstrip().endswith(",") and not _after_a_clause(lead)
            )
            if named_subject or (opening and sentence not in subjects):
                subjects.add(sentence)
                found.append((mention.start, mention))
            else:
                subjects.add(sentence)
        for sentence_start, sentence_end in context.sentences[max(index - 2, 0) : index + 1]:
            subject: re.Match[str] | None = None
            for found_word in _OPENING_SURNAME.finditer(text, max(sentence_start, start), offset):
                if found_word.start("name") >= sentence_end:
                    break
                name = found_word.group("name").lower()
                if _not_a_surname(name) or name in _CONNECTIVES:
                    continue  # "In his talk, Mitsotakis said", "But Vaughan cautioned"
                lead = text[sentence_start : found_word.start("name")].rstrip()
                fronted = lead.strip(' \t\n“"‘') and any(
                    w.lower().strip(",") not in _CONNECTIVES for w in lead.split()
                )
                if fronted and (not lead.endswith(",") or _after_a_clause(lead)):
                    continue
                subject = found_word  # "Wednesday, …, Bloomberg endorsed …": after a fronted phrase
                break
            if subject is None:
                continue
            word = subject.group("name")
            # "Honcharuk filed his resignation": a surname alone opening a sentence is its
            # subject when the text has named that person in full before.
            if self.first_full_name(word) < subject.start("name"):
                name_end = subject.start("name") + len(word)
                mention = Mention(word, None, subject.start("name"), name_end, "person")
                found.append((mention.start, mention))
        for match in _SURNAME_CUE.finditer(text, start, offset):
            before = text[max(0, match.start() - 20) : match.start()].split()[-1:]
            joined = before and (
                (before[0][:1].isupper() and before[0].lower().rstrip(".") not in title_heads())
                or before[0].lower() in {"and", "of", "&", "the"}
            )
            word = match.group("name")
            if _not_a_surname(word.lower()):
                continue  # "He said", "This said": not a surname
            if not joined and match.group("cue") in reporting_verbs():
                found.append(
                    (match.start(), Mention(word, None, match.start(), match.end("name"), "person"))
                )
        return [mention for _, mention in sorted(found, key=lambda item: item[0])]

    def first_full_name(self, word: str) -> int:
        """Where the text first prints `word` after another capitalised word ("Oleksiy
        Honcharuk"), or past the end when it never does; one pass over the text, on first use."""
        if self.full_names is None:
            self.full_names = {}
            for pair in _NAME_PAIR.finditer(self.text):
                second = pair.group(1)
                self.full_names.setdefault(second, pair.start())
                if second.endswith(("'s", "’s")):  # "Oleksiy Honcharuk's offer"
                    self.full_names.setdefault(second[:-2], pair.start())
        return self.full_names.get(word, len(self.text) + 1)

    def build(self, kept: list[_Candidate], clusters: list[_Cluster]) -> list[Quote]:
        text = self.text
        for known in clusters[:_INTRODUCED]:
            self.introduce(known)
        # One id per speaker, in order of first quotation: clusters that introductions gave
        # the same name ("Hannah" and "Hannah Kettering", "the Korean Central News Agency" and
        # "KCNA") are one speaker.
        names: dict[int, str] = {}
        ids: dict[int, str] = {}
        by_name: dict[str, str] = {}
        for candidate in kept:
            cluster = candidate.cluster
            if cluster is None or id(cluster) in ids:
                continue
            shown = self.expanded(cluster.name) if cluster.kind == "org" else cluster.name
            names[id(cluster)] = shown
            key = _plain_key(shown)
            if key not in by_name:
                by_name[key] = f"p{len(by_name) + 1}"
            ids[id(cluster)] = by_name[key]
        shown_by_id: dict[str, str] = {}
        for cluster_id, speaker_id in ids.items():  # one name per id: the fullest
            shown = names[cluster_id]
            fullest = shown_by_id.get(speaker_id)
            if fullest is None or (len(shown.split()), len(shown)) > (
                len(fullest.split()),
                len(fullest),
            ):
                shown_by_id[speaker_id] = shown
        names = {cluster_id: shown_by_id[ids[cluster_id]] for cluster_id in ids}
        quotes: list[Quote] = []
        for number, candidate in enumerate(kept, start=1):
            speaker: Speaker | None = None
            cluster = candidate.cluster
            if cluster is not None:
                mention = candidate.mention
                if mention is not None and mention.kind != "pronoun":
                    span: tuple[int, int] | None = (mention.start, mention.end)
                else:
                    span = cluster.named_before(candidate.start)
                span = span or (candidate.start, candidate.start)
                speaker = Speaker(
                    id=ids[id(cluster)],
                    name=names[id(cluster)],
                    title=cluster.titles[0] if cluster.titles else None,
                    start=span[0],
                    end=span[1],
                )
            quotes.append(
                Quote(
                    id=f"q{number}",
                    text=text[candidate.start : candidate.end],
                    start=candidate.start,
                    end=candidate.end,
                    speaker=speaker,
                    cue=candidate.cue,
                    date=self.date_of(candidate),
                    marks=candidate.marks,
                    edited=bool(_EDITED.search(text, candidate.start, candidate.end)),
                    cue_start=candidate.cue_span[0] if candidate.cue_span else None,
                    cue_end=candidate.cue_span[1] if candidate.cue_span else None,
                )
            )
        return quotes

    @property
    def names(self) -> NameIndex:
        """The document's capitalised names, indexed on first use."""
        if self._names is None:
            self._names = NameIndex(self.text)
        return self._names

    def introduce(self, cluster: _Cluster) -> None:
        """Complete a speaker's name and title from where the text introduces them: "Feyer"
        is "Labour Minister Daniel Feyer"; "the union" is "Calder Bay Dockers' Union"."""
        if cluster.kind == "person" and (len(cluster.name.split()) == 1 or not cluster.titles):
            found = self.names.introduction(cluster.name)
            if (
                found is not None and surname(found.name) in {cluster.key, cluster.name.lower()}
            ) or (found is not None and len(cluster.name.split()) == 1):
                cluster.add(Mention(found.name, found.title, found.start, found.end, "person"))
        elif cluster.kind == "nominal" and len(cluster.name.split()) == 2:
            first = cluster.named_at[0][0] if cluster.named_at else len(self.text)
            named = organisation_named(self.text, cluster.name.split()[-1], first)
            if named is not None:
                cluster.name = named

    def expanded(self, name: str) -> str:
        """An organisation's acronym spelled out where the text does ("Korean Central News
        Agency (KCNA)" → the full name for "KCNA")."""
        if not (name.isupper() and 2 <= len(name) <= 8 and name.isalpha()):
            return name
        if name not in self.acronyms and len(self.acronyms) >= _INTRODUCED:
            return name  # each lookup reads the text once: a bounded number of them
        if name not in self.acronyms:
            self.acronyms[name] = name
            pattern = re.compile(
                rf"((?:[A-Z][\w-]*[ \t]+(?:(?:of|for|and|the|on|in)[ \t]+)*){{1,8}}[A-Z][\w-]*)"
                rf"[ \t]*\([ \t]*{re.escape(name)}[ \t]*\)"
            )
            for match in pattern.finditer(self.text):
                words = match.group(1).split()
                for first in range(len(words)):
                    initials = "".join(word[0] for word in words[first:] if word[0].isupper())
                    if words[first][0].isupper() and initials == name:
                        self.acronyms[name] = " ".join(words[first:])
                        break
                if self.acronyms[name] != name:
                    break
        return self.acronyms[name]

    def date_of(self, candidate: _Candidate) -> str | None:
        """When the words were said, from the attribution around them (not from inside the
        quotation: dates there are what the speaker talks about)."""
        if candidate.credit_year:
            return candidate.credit_year
        text = self.text
        anchor = candidate.cue_span[0] if candidate.cue_span else candidate.open
        best: tuple[int, str] | None = None
        for start, end in candidate.windows:
            if not _DATE_HINT.search(text, start, end):
                continue  # no digit and no day name: no date to find
            for found in find_dates(text, start, end, reference=self.reference_date):
                if self.future(found.value) or self.in_relative_clause(found.start, anchor):
                    continue
                distance = abs(found.start - anchor)
                if best is None or distance < best[0]:
                    best = (distance, found.value)
        return best[1] if best else None

    def future(self, value: str) -> bool:
        """A date after the document's own: not when anything was said."""
        reference = self.reference_date
        return reference is not None and value[:10] > reference.isoformat()

    def in_relative_clause(self, offset: int, anchor: int) -> bool:
        """Whether a date sits in a clause about the speaker ("…, who was elected in 2019,")
        between its commas, rather than in the attribution."""
        text = self.text
        low, high = sorted((offset, anchor))
        clause = None
        for match in _RELATIVE.finditer(text, max(low - 80, 0), high):
            if match.start() <= offset:
                clause = match  # the last clause opened before the date
        if clause is None or "\n" in text[clause.start() : offset]:
            return False
        close = text.find(",", clause.end(), high + 1)
        return close < 0 or close > offset


def extract_quotes(
    document: Document,
    claims: Sequence[Claim],
    references: list[Reference],
    *,
    prose: list[tuple[int, int]] | None = None,
    markers: Sequence[tuple[int, int]] = (),
) -> QuoteScan:
    """Every direct quotation in the document's prose, with its speaker, cue and date.

    `prose` is the document's prose spans when the caller has them (`prose_spans`);
    `markers` the citation markers' spans, which the attribution reads past
    ("…,”[1] said Lee")."""
    return _Extractor(document, claims, references, prose, markers).run()


class _MarkerLookup:
    """Citation markers by where they start and by where they end, in arrays (a large
    document has hundreds of thousands; two dicts of them cost ten times as much)."""

    def __init__(self, markers: Sequence[tuple[int, int]]) -> None:
        pairs = [(start, end) for start, end in markers]
        by_start = sorted(range(len(pairs)), key=pairs.__getitem__)  # stable: the last wins
        by_end = sorted(range(len(pairs)), key=lambda index: pairs[index][1])
        self._starts = array("q", (pairs[index][0] for index in by_start))
        self._start_ends = array("q", (pairs[index][1] for index in by_start))
        self._ends = array("q", (pairs[index][1] for index in by_end))
        self._end_starts = array("q", (pairs[index][0] for index in by_end))

    def end_of(self, start: int) -> int | None:
        """Where the marker that starts at `start` ends (the last listed of several)."""
        index = bisect_right(self._starts, start) - 1
        return self._start_ends[index] if index >= 0 and self._starts[index] == start else None

    def start_of(self, end: int) -> int | None:
        """Where the marker that ends at `end` starts (the last listed of several)."""
        index = bisect_right(self._ends, end) - 1
        return self._end_starts[index] if index >= 0 and self._ends[index] == end else None


def link_quotes(claims: Sequence[Claim], quotes: Sequence[Quote]) -> ClaimTable:
    """Each claim with the quotations it overlaps; a quotation with a named speaker sources
    the sentence it is in."""
    spans = sentence_spans(claims)
    starts = spans.starts if isinstance(spans, Spans) else [start for start, _ in spans]
    held: dict[int, list[Quote]] = {}
    for quote in quotes:
        index = max(bisect_right(starts, quote.start) - 1, 0)
        while index < len(spans) and spans[index][0] < quote.end:
            if spans[index][1] > quote.start:
                held.setdefault(index, []).append(quote)
            index += 1
    text = claims.text if isinstance(claims, ClaimTable) else ""
    return ClaimTable.build(text, _with_quotes(claims, held))


def _with_quotes(claims: Sequence[Claim], held: dict[int, list[Quote]]) -> Iterator[Claim]:
    for index, claim in enumerate(claims):
        found = held.get(index)
        if not found:
            yield claim
            continue
        sources = list(claim.sourced_by)
        for quote in found:
            if quote.speaker is not None and quote.speaker.name:
                sources.append(SourceRef("quote", quote.speaker.name, quote.start, quote.end))
        yield Claim(  # built directly: dataclasses.replace costs 3x more
            id=claim.id,
            text=claim.text,
            start=claim.start,
            end=claim.end,
            checkworthy=claim.checkworthy,
            citations=claim.citations,
            quotes=tuple(quote.id for quote in found),
            quantities=claim.quantities,
            sourced_by=tuple(sorted(sources, key=lambda source: source.start)),
        )
