"""Who a figure is about: attribution, named candidates, the speaker, back and definite references."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.extraction.article import (
    DATELINE,
    NAME_END,
    NAME_PARTICLES,
    NOT_NAMES,
    PROPER,
    SAID_SET,
    SAID_WORDS,
    SENTENCE_STARTERS,
    UPPER,
    DocumentContext,
    without_possessive,
)
from checker.extraction.cues import Cues, has_any
from checker.extraction.relations import AUXILIARIES, WORD
from checker.lexicon import Lexicon
from checker.model import Mention

# Prepositions that make the following entity an object, not the subject ("supplied Russia with", "sent to Russia").
_OBJECT_PREPOSITIONS = {
    "to", "with", "from", "into", "for", "against", "in", "at", "on", "by", "toward", "towards", "than", "via",
    "between", "among", "and", "or", "nor",
}
# Words between a preposition and its name that do not change the reading: "in south Armagh".
_NAME_MODIFIERS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
                   "the", "a", "an", "neighbouring", "neighboring", "nearby", "rural", "coastal", "northeastern",
                   "northwestern", "southeastern", "southwestern", "upper", "lower", "greater"}
DEMONYM = re.compile(r"(?:an|ian|ese|ish|i|ic|ch)$")
# The endings of a demonym no place name shares ("Pakistan", "Karachi" end as "Pakistani" does): "European",
# "Nordic", "Pomeranian", "Sudanese", "Flemish".
_ADJECTIVE_ONLY = re.compile(r"(?:ean|ian|ic|ese|ish)$")
_PARTICLE_SET = frozenset(NAME_PARTICLES)
# Clause subjects that refer back to a name: "the company", "it".
BACK_NOUNS = (
    "company", "firm", "group", "plant", "factory", "project", "pipeline", "operator", "utility", "producer",
    "manufacturer", "agency", "ministry", "government", "country", "city", "council", "cooperative", "line", "ferry",
    "vessel", "airline", "bank", "maker", "union", "programme", "program", "scheme", "tunnel", "reservoir", "dam",
    "field", "mine", "port", "site", "facility", "region", "province", "state", "authority", "fund", "campaign",
    "outbreak", "service", "station", "network", "route", "epidemic", "storm", "heatwave", "drought",
    "fire", "army", "military", "navy", "force", "forces", "carrier", "insurer", "retailer", "lender", "club", "team",
    "school", "hospital", "university", "museum", "airport", "bridge", "road", "motorway", "railway", "link", "plan",
    "deal",
)
_BACK_NOUN_SET = frozenset(BACK_NOUNS)
# Back nouns for a country and who governs it: they refer to where the story happens, not to its actor.
_STATE_NOUNS = frozenset(("country", "government", "state", "region", "province", "nation"))


def names_a_state(back: re.Match[str]) -> bool:
    """Whether a ``_BACK_REFERENCE`` match ends on one of ``_STATE_NOUNS`` ("The country imports ...")."""
    return back.group(0).rsplit(None, 1)[-1].lower() in _STATE_NOUNS


def may_refer_back(folded_words: set[str]) -> bool:
    """Whether ``_BACK_REFERENCE`` can match in a sentence whose case-folded ``words_of`` are ``folded_words``:
    each of its branches is whole words ("it", "its", "the" and a noun). Most sentences have none."""
    if "it" in folded_words or "its" in folded_words:
        return True
    return "the" in folded_words and not _BACK_NOUN_SET.isdisjoint(folded_words)


# "\b(?:[Aa]ccording to|citing|cited by|said by)", each cue written "cue(?<!\wcue)" so that every branch
# starts with a letter: the engine then stops only at an "a", "A", "c" or "s".
_ATTRIBUTION_BEFORE = re.compile(
    # "According to Bloomberg, ..." opens many a sentence; "Citing officials, Reuters said" quotes Reuters
    r"(?:[Aa]ccording to(?<!\w[Aa]ccording to)|citing(?<!\wciting)|cited by(?<!\wcited by)|said by(?<!\wsaid by))"
    r"\s+((?:the\s+)?[A-Za-z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})"
)

_SAID = "(?:" + "|".join(SAID_WORDS) + ")"
_NOT_SOURCES = NOT_NAMES | SENTENCE_STARTERS  # capitalized, but a date or an opener, never who speaks
# A capitalized name and the word after it: a source when that word is an attribution verb ("Bloomberg reported").
_NAME_AND_VERB = re.compile(r"((?:The\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+(?:\w+ly\s+)?(\w+)\b")
# ", the state meteorological agency AEMET said." / ", Bloomberg reported on Friday."
_TRAILING_SOURCE = re.compile(rf",\s*([^,;]{{2,90}}?)\s+(?:\w+ly\s+)?{_SAID}\b[^,;]{{0,40}}?(?=,\s*(?:adding|citing|noting|according)\b|[.!?\"”]?\s*$)")
# "Bloomberg reported on Friday that ..." / "US Defense Secretary Lloyd Austin said on Wednesday, October 23, that";
# "added" and "reported" with a figure for object quote no one: "U.S. employers added 275,000 jobs", "the group
# reported 2023 sales of" (where "the ministry said 300 people" still quotes the ministry).
_COUNTING_VERB = r"(?!(?<=added)\s+[$€£]?\d|(?<=reported)\s+[$€£]?\d)"
_LEADING_SOURCE = re.compile(
    rf"^([^,;]{{2,90}}?)\s+(?:\w+ly\s+)?{_SAID}\b{_COUNTING_VERB}"
    r"(?:[^,;]{0,40}?,[^,;]{0,30},[^,;]{0,40}?\bthat\b)?"
)
# '"... 3,000 people," said local councillor Máire Quinlan.': the verb first, the source ending the sentence.
# A place after the source is where it speaks ('said one analyst in Berlin'), and a role after a comma who it is
# ('said Samuel Reyes, a hydrologist at the agency'): neither is part of it.
_INVERTED_SOURCE = re.compile(
    r"[,\"”]\s*(?:said|says|added|wrote)\s+([^,;\"“”]{2,90}?)"
    r"(?:\s+(?:in|at|on|from)\s[^,;\"“”]*|,\s+(?:a|an|the)\s[^;\"“”]*)?[.!?]?\s*$"
)
# "The World Health Organization said it was flying in 25 tonnes": the source reports what it does itself.
_SELF_REPORT = re.compile(rf"\b{_SAID}\s+(?:on\s+\w+\s+|this\s+\w+\s+)?(?:that\s+)?(?:it|its|they|their)\b")
QUOTED_BODY = 3  # ``Named.tier`` of a body only quoted on a figure ("..., Red Eléctrica estimated")
_NAME_IN = re.compile(rf"(?:The\s+)?[{UPPER}][\w.&'’-]*(?:\s+[{UPPER}][\w.&'’-]*)*")


def _speaks_of_itself(text: str) -> bool:
    """Whether the sentence's source reports on itself ("Zernoport said it handled 1.9 mln tonnes"): then it is
    what the figure is about when nothing else is named."""
    return _SELF_REPORT.search(text) is not None


def _may_cite(words: set[str]) -> bool:
    """Whether ``_ATTRIBUTION_BEFORE`` can match a sentence of these ``words_of``: its cues are whole words,
    and "said" counts only with "by" (a "said" alone is in most quoting sentences)."""
    if "according" in words or "citing" in words:
        return True
    return "by" in words and ("said" in words or "cited" in words)


def _may_end_on_source(text: str, said: set[str], words: set[str]) -> bool:
    """Whether ``_TRAILING_SOURCE`` can match: its verb (one of ``said``, the sentence's) is followed by at most
    40 characters, then ", adding|citing|noting|according" or a mark and spaces to the end. Most verbs are
    further from the end ("officials said on Monday that ..."), and the search there tries every comma."""
    if not _SOURCE_CONTINUATIONS.isdisjoint(words):
        return True
    last = len(text.rstrip()) - 41  # the least end of a verb 40 characters and a mark before the end
    return any(text.rfind(word) + len(word) >= last for word in said)


_SOURCE_CONTINUATIONS = frozenset(("adding", "citing", "noting", "according"))
_INVERTED_WORDS = frozenset(("said", "says", "added", "wrote"))  # the verbs ``_INVERTED_SOURCE`` opens on


def attribution(text: str, lowered: str, words: set[str], cues: Cues) -> tuple[str | None, list[tuple[int, int]]]:
    """Who the sentence quotes, and the spans that only name the source.

    Names inside those spans ("the state meteorological agency AEMET said")
    are the source of a figure, never what it is about. Each pattern is
    tried only when a whole word it needs is among ``words`` (the
    ``words_of`` of ``lowered``, the sentence lower-cased): most sentences
    quote no one.
    """
    spans: list[tuple[int, int]] = []
    source: str | None = None
    m = _ATTRIBUTION_BEFORE.search(text) if _may_cite(words) else None
    if m:
        spans.append((m.start(), m.end()))
        source = m.group(1).strip().removeprefix("the ").strip(" ,.")
    said = SAID_SET.intersection(words)
    said_at = [at for word in said if (at := text.find(word)) != -1]
    if said_at:
        # Both patterns reach their verb through a stretch free of "," and ";": the trailing one cannot
        # start before the last such mark ahead of the first verb, the leading one only if there is none.
        first = min(said_at)
        last_mark = max(text.rfind(",", 0, first), text.rfind(";", 0, first))
        trailing = _TRAILING_SOURCE.search(text, max(last_mark, 0)) if _may_end_on_source(text, said, words) else None
        inverted = _INVERTED_SOURCE.search(text, max(last_mark, 0)) if _INVERTED_WORDS.intersection(said) else None
        found = (trailing, None if last_mark >= 0 else _LEADING_SOURCE.match(text), inverted)
    else:
        found, inverted = (), None
    for m in found:
        if m:
            spans.append((m.start(1), m.end(1)) if m is inverted else (m.start(), m.end()))
            # "The report dated Feb. 21 estimates": a date or an opener is not who speaks
            names = [n for n in _NAME_IN.findall(m.group(1)) if n.strip().rstrip(NAME_END) not in _NOT_SOURCES]
            if source is None and names:
                source = names[-1].strip()
    verbs = cues.attribution_words
    if source is None and (has_any(lowered, cues.attribution_verbs) if verbs is None else not verbs.isdisjoint(words)):
        for m in _NAME_AND_VERB.finditer(text):
            if m.group(2).lower() in cues.attribution_verbs and m.group(1).split()[-1] not in SENTENCE_STARTERS:
                spans.append((m.start(1), m.end(1)))
                source = m.group(1).strip()
                break
    return source, spans


@dataclass(slots=True)  # internal and built per name: a frozen init costs a setattr call per field
class Named:
    """A name in a sentence that could be what a figure is about."""

    start: int
    end: int
    canonical: str
    # 0: a grammatical subject; 1: a place ("in Karachi"); 2: the source ("AEMET said"); 3: a body only quoted
    tier: int


# Prepositions that make a following name a place the figure is about.
_PLACE_PREPOSITIONS = {"in", "at", "across", "throughout", "inside", "within"}
_HYPHEN_LOWER = re.compile(r"-[a-z]")


def named_candidates(
    text: str,
    entities: list[tuple[int, int, str]],
    source_spans: list[tuple[int, int]],
    lexicon: Lexicon,
    document: DocumentContext,
    lowered_words: str,
    roles: frozenset[str] = frozenset(),
    figures: Sequence[tuple[int, int]] = (),
) -> list[Named]:
    """Lexicon entities and other proper names, minus objects and the people quoted.

    ``lowered_words`` is the sentence's ``word_text``; ``roles`` the words that title a person; ``figures`` the
    spans of the sentence's figures: a capitalized word inside one is its unit or its noun ("16.5 mln T",
    "400 MW"), never a name."""
    spans: list[tuple[int, int, str]] = list(entities)
    taken = [(s, e) for s, e, _ in entities]
    headline = text.upper() == text  # "FARMERS SOW 20 PCT OF SPRING GRAIN AREA": capitals say nothing
    dateline = DATELINE.match(text)
    opening = dateline.end() if dateline else 0  # "BELFAST — Plans for a railway": the sentence opens after it
    for m in () if headline else PROPER.finditer(text):
        words = m.group(0).split()
        offset = m.start()
        while words and (
            words[0] in SENTENCE_STARTERS
            or words[0].rstrip(NAME_END) in NOT_NAMES
            or words[0] in _PARTICLE_SET  # left by an opener dropped: "Three of Halvorsen Marine ferries"
            # the set look-up first: an opening word not capitalized mid-sentence needs no search of the article
            or (
                _opens(text, offset, opening)
                and (words[0] not in document.name_words or words[0].lower() in document.common_words)
            )
        ):
            offset = text.index(words[0], offset) + len(words[0])
            words.pop(0)
            while offset < len(text) and text[offset] == " ":
                offset += 1
        while words and (words[-1].rstrip(NAME_END) in NOT_NAMES or words[-1] in _PARTICLE_SET):
            words.pop()  # "at the end of December.", and the "of" before it in "Bank of December"
        hyphen = _HYPHEN_LOWER.search(words[-1]) if words and "-" in words[-1] else None  # most names hold none
        if hyphen:  # "World Bank-led", "Seoul-based"
            words[-1] = words[-1][: hyphen.start()]
        # "Halvorsen Marine's new plant": the name without its possessive, as the article's other mentions
        name = without_possessive(" ".join(words)).rstrip(NAME_END)
        if not name or name.lower() in document.common_words:
            continue
        if " " not in name and _ADJECTIVE_ONLY.search(name) and _before_lower_word(text, offset + len(name)):
            if lexicon.entity(name) is None:
                continue  # "a Nordic investment bank", "European output": an adjective the lexicon maps to no place
        if taken and any(s < m.end() and offset < e for s, e in taken):  # most sentences name no entity
            continue
        if any(s <= offset and offset + len(name) <= e for s, e in figures):
            continue
        spans.append((offset, offset + len(name), lexicon.entity(name) or name))
    found: list[Named] = []
    for start, end, canonical in sorted(spans):
        if dateline and end <= dateline.end():
            continue
        before = WORD.findall(lowered_words, max(0, start - 40), start)
        while before and before[-1] in _NAME_MODIFIERS:
            before.pop()
        preposition = before[-1] if before else ""
        if preposition in _OBJECT_PREPOSITIONS and preposition not in _PLACE_PREPOSITIONS:
            continue
        tier = 1 if preposition in _PLACE_PREPOSITIONS else 0
        if tier == 0 and _is_placing_adjective(text, start, end, canonical):
            tier = 1  # "the Pakistani city of Jacobabad": the adjective only places it
        if source_spans and any(s <= start and end <= e for s, e in source_spans):
            if roles and _is_speaker(text, start, end, canonical, before, roles, document, lexicon):
                continue  # a person quoted is who says the figure, never what it is about
            # the source of the figure: what it is about only when nothing else is named, and a body that only
            # reports a figure (not a place, not speaking of itself) not even before the story's subject
            tier = 2 if lexicon.is_place(canonical) or _speaks_of_itself(text) else QUOTED_BODY
        found.append(Named(start, end, canonical, tier))
    return found


def figure_words(text: str, mention: Mention) -> tuple[int, int]:
    """The span of a figure's number, unit and noun ("16.5 mln T", "400 MW"), where no word is a name; up to an
    "of" in it: "13% of Aeronautics", "two of CERN's experiments" name the whole the figure is a part of."""
    of = text.find(" of ", mention.start, mention.end)
    return mention.start, mention.end if of == -1 else of


def _before_lower_word(text: str, end: int) -> bool:
    """Whether a space and a lower-case word that is no verb follow ``end``: a capitalized word there is used
    as an adjective ("Nordic investment"), where a name ending so acts ("Panasonic will", "Panasonic opened")."""
    follower = WORD.match(text, end + 1) if text.startswith(" ", end) else None
    if follower is None or not follower.group(0).islower():
        return False
    word = follower.group(0)
    return word not in AUXILIARIES and word not in SAID_SET and not word.endswith("ed")


def _is_speaker(
    text: str, start: int, end: int, canonical: str, before: list[str], roles: frozenset[str],
    document: DocumentContext, lexicon: Lexicon,
) -> bool:
    """Whether a source's name is a person's: right after a word that titles one ("director Amélia
    Nhantumbo"), holding one before a name ("Health Minister Ana Silva"), or one word that is the surname of a
    person so titled elsewhere in the article ("Nhantumbo said"), or followed by one ("said Samuel Reyes, a
    hydrologist at the agency"). A lexicon entity is never one."""
    if lexicon.entity(canonical) is not None:
        return False
    if before and before[-1] in roles or _role_follows(text, end, roles):
        return True
    words = text[start:end].split()
    if any(word.lower() in roles for word in words[:-2]):
        return True
    return len(words) == 1 and _titled_surname(document.text, words[0], roles)


_ANY_WORD = re.compile(r"[^\W\d_][\w'’-]*")  # a word in any alphabet: "Amélia"
# ", a senior hydrologist at": the first words of a role written after a name
_ROLE_AFTER = re.compile(r",\s+(?:a|an|the)\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)")


def _role_follows(text: str, end: int, roles: frozenset[str]) -> bool:
    """Whether a comma and a role follow a name ending at ``end`` ("Samuel Reyes, a hydrologist at the agency")."""
    m = _ROLE_AFTER.match(text, end)
    return m is not None and any(word.lower() in roles for word in m.group(1).split())


def _titled_surname(article: str, word: str, roles: frozenset[str]) -> bool:
    """Whether ``word`` ends a name of two or three words right after a word that titles a person
    ("director Amélia Nhantumbo", "Minister Ana Silva")."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", article):
        before = _ANY_WORD.findall(article, max(0, m.start() - 60), m.start())
        if before and before[-1][:1].isupper() and any(w.lower() in roles for w in before[-3:-1]):
            return True
    return False


_OPENING_QUOTES = "\"“‘'"


def _opens(text: str, offset: int, opening: int) -> bool:
    """Whether a word at ``offset`` opens the sentence or a quotation in it ('banners reading "Rivers are not
    for sale"'), where any word is capitalized: there only a name written so mid-sentence is one."""
    if offset == opening:
        return True
    return offset > 0 and text[offset - 1] in _OPENING_QUOTES and (offset == 1 or not text[offset - 2].isalnum())


def _is_placing_adjective(text: str, start: int, end: int, canonical: str) -> bool:
    """Whether the name at [start, end) is written as a demonym before a lower-case word ("the Pakistani city"),
    where it only places what follows. The word after is read only for a demonym: most names are none."""
    surface = text[start:end]
    if surface == canonical or not DEMONYM.search(surface) or end >= len(text) or text[end] != " ":
        return False
    follower = WORD.match(text, end + 1)
    return follower is not None and follower.group(0).islower()


def subject_for(
    text: str, mention: Mention, names: list[Named], c_start: int, c_end: int, tier: int | None = None
) -> str | None:
    """A grammatical subject or place of the clause, then of the sentence, then the source;
    among several, the first subject before the figure, or the nearest place. With ``tier``, only its names."""
    if not names:
        return None
    in_clause = [n for n in names if c_start <= n.start and n.end <= c_end]
    order = ((0, in_clause), (1, in_clause), (0, names), (1, names), (2, in_clause), (2, names))
    for rank, pool in order if tier is None else ((tier, in_clause), (tier, names)):
        chosen = _pick(pool, rank, mention.start)
        if chosen is not None:
            return chosen
    return None


def place_quoted_on(names: list[Named], previous: str | None, setting: str | None, lexicon: Lexicon) -> str | None:
    """For a figure whose only name is a body quoted on it ("Demand was about 6 gigawatts above a typical
    weekday, Red Eléctrica estimated"): the place the story is about (the sentence before's subject, else the
    article's setting), for such a body reports a country's figures; None when the story names no place."""
    if not any(n.tier == QUOTED_BODY for n in names):
        return None
    return next((p for p in (previous, setting) if p and lexicon.is_place(p)), None)


def _pick(pool: list[Named], tier: int, start: int) -> str | None:
    """Of the names of one tier: the first subject (or the last place) before ``start``, else the first one."""
    first = first_before = last_before = None
    for name in pool:
        if name.tier != tier:
            continue
        first = first or name
        if name.end <= start:
            first_before = first_before or name
            last_before = name
    if first_before is not None:
        return first_before.canonical if tier == 0 else last_before.canonical
    return first.canonical if first is not None else None


_THE_NOUN_AFTER = re.compile(r"\s+(?:at|of|from|in|on)\s+the\s+([a-z]+)\b")

# "\bthe ...", written "the(?<!\wthe)" so that the engine can scan for the literal "the".
_THE_NOUN_BEFORE = re.compile(r"the(?<!\wthe)\s+([a-z]+)\s+(?:\w+\s+){0,2}$")

# A clause that opens on "the <noun>", perhaps after a figure used as an adjective:
# "The 135-metre dam will create a reservoir covering 4,200 hectares" is about the dam.
_THE_NOUN_OPENING = re.compile(r"\s*[Tt]he\s+(?:[\d.,]+-[a-z]+\s+)?([a-z]+)\b")


def definite_reference(
    text: str, mention: Mention, document: DocumentContext, lexicon: Lexicon, clause_start: int
) -> str | None:
    """"720 workers at the plant", "the service carried 3.1 million passengers": the one
    name of the article (or one of its aliases) that is a plant, a service."""
    m = (
        _THE_NOUN_AFTER.match(text, mention.end)
        or _THE_NOUN_BEFORE.search(text, clause_start, mention.start)
        or _THE_NOUN_OPENING.match(text, clause_start)
    )
    if not m:
        return None
    noun = m.group(1)
    named = set(document.names_by_head.get(noun, ()))
    named.update(c for c in lexicon.entities_ending_in(noun) if c in document.name_set)
    return named.pop() if len(named) == 1 else None


_PASSIVE_BY = re.compile(r"\b\w+(?:ed|en|t)\s+by\s+(?:the\s+)?$")


def subject_in_mention(text: str, mention: Mention, entities: list[tuple[int, int, str]]) -> str | None:
    """A name written with the figure itself: "10,000 North Korean soldiers", "Pyongyang's", "sent by Pyongyang"."""
    for start, end, canonical in entities:
        if mention.start <= start and end <= mention.end:
            return canonical
        # "North Korea's 1,500 troops", "Pyongyang's 8 million shells"
        if 0 <= mention.start - end <= 3 and text[end - 2:end] in ("'s", "’s"):
            return canonical
        # "3,000 soldiers sent by Pyongyang": the agent of a passive right after the figure
        if 0 <= start - mention.end <= 25 and _PASSIVE_BY.search(text[mention.end:start]):
            return canonical
    return None
